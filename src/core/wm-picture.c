/* wm-picture.c: a persona's picture, decoded safely from untrusted bytes.
 *
 * Pictures come inside map files, which may come from anyone: only PNG,
 * JPEG and SVG are accepted, through the decoder of that type alone (never
 * by sniffing, which would open every gdk-pixbuf loader to the input);
 * raster sizes are checked before a single pixel is allocated, and big
 * pictures are scaled down while decoding.
 */
#include "wm-picture.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

struct _WmPicture
{
  cairo_surface_t *surface; /* a decoded PNG or JPEG */
  RsvgHandle *svg;          /* or an SVG, drawn as vectors */
  double width, height;
};

typedef struct
{
  gboolean too_large;
} SizeCheck;

/* Refuses bombs, and asks the decoder for a picture no bigger than we show. */
static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  SizeCheck       *check)
{
  double scale;

  if (width <= 0 || height <= 0 ||
      width > WM_PICTURE_MAX_SIDE || height > WM_PICTURE_MAX_SIDE ||
      (gint64) width * height > WM_PICTURE_MAX_PIXELS)
    {
      check->too_large = TRUE;
      /* A size of 0 tells the decoder to stop before it allocates anything. */
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  scale = (double) WM_PICTURE_DECODE_SIZE / MAX (width, height);
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int out_stride = cairo_image_surface_get_stride (surface);
  guint8 *out = cairo_image_surface_get_data (surface);

  /* gdk-pixbuf has straight RGB(A) bytes, cairo premultiplied native-endian
   * 32-bit pixels; without GDK there is no helper for this. */
  for (int y = 0; y < height; y++)
    {
      const guint8 *src = in + (gsize) y * in_stride;
      guint32 *dst = (guint32 *) (gpointer) (out + (gsize) y * out_stride);

      for (int x = 0; x < width; x++, src += channels)
        {
          guint alpha = channels == 4 ? src[3] : 0xff;
          guint r = (src[0] * alpha + 127) / 255;
          guint g = (src[1] * alpha + 127) / 255;
          guint b = (src[2] * alpha + 127) / 255;

          dst[x] = alpha << 24 | r << 16 | g << 8 | b;
        }
    }

  cairo_surface_mark_dirty (surface);
  return surface;
}

static gboolean
decode_raster (WmPicture   *self,
               GBytes      *bytes,
               const char  *mime_type,
               GError     **error)
{
  /* Fed in pieces, so that a bomb is refused after its header rather than
   * after the whole of it has gone through the decoder. */
  const gsize piece = 16 * 1024;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  SizeCheck check = { FALSE };
  const guint8 *data;
  gsize size;
  gboolean ok = TRUE;
  GdkPixbuf *pixbuf;

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, error);
  if (loader == NULL)
    return FALSE;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &check);

  data = g_bytes_get_data (bytes, &size);
  for (gsize offset = 0; ok && !check.too_large && offset < size; offset += piece)
    ok = gdk_pixbuf_loader_write (loader, data + offset, MIN (piece, size - offset), NULL);
  /* Closing is needed whatever happened; its error says less than ours. */
  ok = gdk_pixbuf_loader_close (loader, NULL) && ok;

  if (check.too_large)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "The picture is too large (at most %d × %d pixels)",
                   WM_PICTURE_MAX_SIDE, WM_PICTURE_MAX_SIDE);
      return FALSE;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!ok || pixbuf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The picture is damaged or not a %s image", mime_type);
      return FALSE;
    }

  self->surface = surface_from_pixbuf (pixbuf);
  self->width = gdk_pixbuf_get_width (pixbuf);
  self->height = gdk_pixbuf_get_height (pixbuf);
  return TRUE;
}

static gboolean
decode_svg (WmPicture   *self,
            GBytes      *bytes,
            GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;

  /* No base file, so the SVG cannot pull in other files; the default flags
   * keep librsvg's own limits on what a document may hold. */
  self->svg = rsvg_handle_new_from_data (data, size, error);
  if (self->svg == NULL)
    return FALSE;

  rsvg_handle_get_intrinsic_dimensions (self->svg, &has_width, &width, &has_height, &height,
                                        &has_viewbox, &viewbox);
  if (has_viewbox && viewbox.width > 0 && viewbox.height > 0)
    {
      self->width = viewbox.width;
      self->height = viewbox.height;
    }
  else if (!rsvg_handle_get_intrinsic_size_in_pixels (self->svg, &self->width, &self->height) ||
           self->width <= 0 || self->height <= 0)
    {
      self->width = self->height = 1;
    }

  return TRUE;
}

/**
 * wm_picture_new:
 * @bytes: the encoded picture, as a persona keeps it
 * @mime_type: "image/png", "image/jpeg" or "image/svg+xml"
 *
 * Returns: (transfer full): the decoded picture, or %NULL with @error set
 *   when it is of another type, damaged, or too large.
 */
WmPicture *
wm_picture_new (GBytes      *bytes,
                const char  *mime_type,
                GError     **error)
{
  g_autoptr(WmPicture) self = g_new0 (WmPicture, 1);
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_strcmp0 (mime_type, "image/png") == 0 || g_strcmp0 (mime_type, "image/jpeg") == 0)
    ok = decode_raster (self, bytes, mime_type, error);
  else if (g_strcmp0 (mime_type, "image/svg+xml") == 0)
    ok = decode_svg (self, bytes, error);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "Pictures must be PNG, JPEG or SVG, not “%s”", mime_type ? mime_type : "");
      ok = FALSE;
    }

  return ok ? g_steal_pointer (&self) : NULL;
}

void
wm_picture_free (WmPicture *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_object (&self->svg);
  g_free (self);
}

/**
 * wm_picture_draw:
 * @rect: the area to cover
 *
 * Draws the picture so that it covers @rect, centred, keeping its aspect:
 * the caller clips (a persona's picture is shown in a circle).
 */
void
wm_picture_draw (WmPicture    *self,
                 cairo_t      *cr,
                 const WmRect *rect)
{
  double scale = MAX (rect->width / self->width, rect->height / self->height);
  double width = self->width * scale, height = self->height * scale;
  double x = rect->x + (rect->width - width) / 2, y = rect->y + (rect->height - height) / 2;

  if (self->svg != NULL)
    {
      RsvgRectangle viewport = { x, y, width, height };

      rsvg_handle_render_document (self->svg, cr, &viewport, NULL);
      return;
    }

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);
  cairo_restore (cr);
}
