/* wm-export.c: a map to a PNG, SVG or PDF file, with no display.
 *
 * The map is laid out and drawn by the same layout and painter as the
 * canvas, onto a cairo surface of the chosen kind whose output streams into
 * the file through GIO. A failed export leaves no trace: an existing file is
 * untouched and no partial or empty file appears.
 */
#include "wm-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "wm-layout.h"
#include "wm-painter.h"

G_DEFINE_QUARK (wm-export-error-quark, wm_export_error)

static const struct
{
  const char *extension;
  WmExportFormat format;
} formats[] = {
  { ".png", WM_EXPORT_PNG },
  { ".svg", WM_EXPORT_SVG },
  { ".pdf", WM_EXPORT_PDF },
};

/**
 * wm_export_format_from_path:
 * @path: a file name or path
 * @format: (out) (optional): where to store the format
 *
 * Finds the export format from the extension of @path: .png, .svg or .pdf,
 * in any case.
 *
 * Returns: whether the extension names a format
 */
gboolean
wm_export_format_from_path (const char     *path,
                            WmExportFormat *format)
{
  size_t length;

  g_return_val_if_fail (path != NULL, FALSE);

  length = strlen (path);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      size_t extension_length = strlen (formats[i].extension);

      if (length > extension_length &&
          g_ascii_strcasecmp (path + length - extension_length, formats[i].extension) == 0)
        {
          if (format != NULL)
            *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * wm_export_check_scale:
 * @scale: a scale for wm_export_file()
 * @error: the place for an error
 *
 * Returns: whether @scale is more than 0 and at most %WM_EXPORT_MAX_SCALE
 */
gboolean
wm_export_check_scale (double   scale,
                       GError **error)
{
  /* Written so that NaN fails too. */
  if (!(scale > 0 && scale <= WM_EXPORT_MAX_SCALE))
    {
      g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_SCALE,
                   _("The scale must be more than 0 and at most %g, not %g"),
                   WM_EXPORT_MAX_SCALE, scale);
      return FALSE;
    }

  return TRUE;
}

/* Where cairo's output goes, and the first error in writing it, which says
 * more than cairo's CAIRO_STATUS_WRITE_ERROR. */
typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL ||
      !g_output_stream_write_all (sink->stream, data, length, NULL,
                                  sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* A picture of @size layout units at the export scale covers this many
 * whole pixels. */
static double
pixels (double size)
{
  return MAX (1.0, ceil (size));
}

static gboolean
check_png_size (double   width,
                double   height,
                GError **error)
{
  if (pixels (width) > WM_EXPORT_MAX_PNG_SIDE || pixels (height) > WM_EXPORT_MAX_PNG_SIDE ||
      pixels (width) * pixels (height) > WM_EXPORT_MAX_PNG_PIXELS)
    {
      g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_TOO_LARGE,
                   _("The picture would be %.0f × %.0f pixels, more than a PNG can hold "
                     "(at most %d pixels on a side and %.0f million in all): "
                     "choose a smaller scale or export to SVG or PDF"),
                   pixels (width), pixels (height), WM_EXPORT_MAX_PNG_SIDE,
                   WM_EXPORT_MAX_PNG_PIXELS / 1e6);
      return FALSE;
    }

  return TRUE;
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  WmDocument      *document)
{
  /* The dates come from the map, not the clock, so that exporting the same
   * map twice gives the same file. */
  const struct
  {
    cairo_pdf_metadata_t key;
    const char *value;
  } metadata[] = {
    { CAIRO_PDF_METADATA_TITLE, wm_document_get_title (document) },
    { CAIRO_PDF_METADATA_CREATOR, "Waymark" },
    { CAIRO_PDF_METADATA_CREATE_DATE, wm_document_get_created (document) },
    { CAIRO_PDF_METADATA_MOD_DATE, wm_document_get_modified (document) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (metadata); i++)
    if (metadata[i].value != NULL && metadata[i].value[0] != '\0')
      cairo_pdf_surface_set_metadata (surface, metadata[i].key, metadata[i].value);
}

static cairo_surface_t *
create_surface (WmExportFormat  format,
                WmDocument     *document,
                double          width,
                double          height,
                Sink           *sink)
{
  cairo_surface_t *surface = NULL;

  switch (format)
    {
    case WM_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) pixels (width), (int) pixels (height));
      break;
    case WM_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      /* One layout unit is one CSS pixel, as on the canvas. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case WM_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
      set_pdf_metadata (surface, document);
      break;
    default:
      g_assert_not_reached ();
    }

  return surface;
}

/* Draws the map and writes the picture into @sink. */
static gboolean
render (WmLayout       *layout,
        WmExportFormat  format,
        double          scale,
        WmThemeVariant  theme,
        WmExportFlags   flags,
        Sink           *sink,
        GError        **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = create_surface (format, wm_layout_get_document (layout),
                            wm_layout_get_width (layout) * scale,
                            wm_layout_get_height (layout) * scale, sink);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (flags & WM_EXPORT_TRANSPARENT)
    wm_painter_draw_transparent (cr, layout, wm_theme_get (theme));
  else
    wm_painter_draw (cr, layout, wm_theme_get (theme));
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == WM_EXPORT_PNG)
        {
          status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
        }
      else
        {
          /* Vector surfaces write their last pages on finish. */
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_DRAWING,
                   _("Could not draw the map: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * wm_export_file:
 * @document: the map
 * @file: where to write the picture
 * @format: PNG, SVG or PDF
 * @scale: the size of the picture relative to the layout, more than 0
 *   and at most %WM_EXPORT_MAX_SCALE
 * @theme: light or dark
 * @cancellable: (nullable): a #GCancellable
 * @error: the place for an error
 *
 * Draws @document into @file, with no display. A PNG is
 * ceil (layout width × @scale) by ceil (layout height × @scale) pixels; an
 * SVG is layout width × @scale CSS pixels wide, a PDF as many points.
 *
 * On failure @file is as it was before: an existing file is untouched and
 * no new one, partial or empty, is left behind.
 *
 * Returns: whether the file was written
 */
gboolean
wm_export_file (WmDocument      *document,
                GFile           *file,
                WmExportFormat   format,
                double           scale,
                WmThemeVariant   theme,
                GCancellable    *cancellable,
                GError         **error)
{
  return wm_export_file_full (document, file, format, scale, theme,
                              WM_EXPORT_FLAGS_NONE, cancellable, error);
}

/**
 * wm_export_file_full:
 * @flags: how the picture differs from the map on screen
 *
 * Does what wm_export_file() does, and with %WM_EXPORT_TRANSPARENT leaves
 * the background out: the picture is transparent where the map draws
 * nothing. The colours are still the theme's, so a dark map is for a dark
 * slide. A PDF page has no transparency: there the page shows through.
 */
gboolean
wm_export_file_full (WmDocument      *document,
                     GFile           *file,
                     WmExportFormat   format,
                     double           scale,
                     WmThemeVariant   theme,
                     WmExportFlags    flags,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  Sink sink = { NULL };
  gboolean existed;
  gboolean ok;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!wm_export_check_scale (scale, error))
    return FALSE;

  layout = wm_layout_new (document);
  wm_layout_update (layout);
  if (format == WM_EXPORT_PNG &&
      !check_png_size (wm_layout_get_width (layout) * scale,
                       wm_layout_get_height (layout) * scale, error))
    return FALSE;

  /* g_file_replace() writes over an existing file through a temporary one
   * that only a successful close renames into place, but it creates a new
   * file in place: that one must be deleted if the export fails. */
  existed = g_file_query_exists (file, cancellable);
  file_stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (file_stream == NULL)
    return FALSE;

  /* cairo writes SVG and PDF in many small pieces. */
  stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 64 * 1024);
  sink.stream = stream;
  sink.cancellable = cancellable;

  /* Flushed before closing, because a close whose flush fails still
   * commits what was written. */
  ok = render (layout, format, scale, theme, flags, &sink, error) &&
       g_output_stream_flush (stream, cancellable, error) &&
       g_output_stream_close (stream, cancellable, error);

  if (!ok)
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close throws the temporary file away. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (stream, abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
    }

  return ok;
}
