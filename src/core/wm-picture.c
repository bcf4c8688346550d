/* wm-picture.c: a persona's picture, decoded safely from untrusted bytes.
 *
 * Pictures come inside map files, which may come from anyone: only PNG,
 * JPEG and SVG are accepted, through the decoder of that type alone (never
 * by sniffing, which would open every gdk-pixbuf loader to the input);
 * raster sizes are checked before a single pixel is allocated, and big
 * pictures are scaled down while decoding.
 *
 * An SVG is read twice: first by GMarkup, against a list of what a picture
 * may hold, then by librsvg, which draws it once, to pixels. librsvg
 * already refuses to load anything but data: URLs when it has no base file,
 * but some inputs still crash or hang it (a huge feConvolveMatrix, markers
 * on a long path, thousands of octaves of turbulence, references of
 * references), and its errors say little; the first reading refuses those
 * with a message a person can act on.
 */
#include "wm-picture.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>

#define SVG_NAMESPACE "http://www.w3.org/2000/svg"
#define XINCLUDE_NAMESPACE "http://www.w3.org/2001/XInclude"
/* libxml2, under librsvg, refuses deeper documents anyway. */
#define SVG_MAX_DEPTH 256
/* A filter or a mask is drawn to pixels of its own, at up to the whole
 * picture's size, every time it is used: it counts as this many elements. */
#define SVG_OFFSCREEN_COST 2500
/* Bytes of text to lay out: a picture has a few initials, if any, and
 * librsvg 2.54 takes time that grows with the square of a text's length. */
#define SVG_MAX_TEXT 2000
/* More octaves than this add nothing visible, and each costs a pass. */
#define SVG_MAX_OCTAVES 10

struct _WmPicture
{
  cairo_surface_t *surface; /* decoded, at most WM_PICTURE_DECODE_SIZE a side */
};

static gboolean decode_data_url (const char  *url,
                                 GError     **error);

/* Raster pictures */

typedef struct
{
  int width, height;
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

  check->width = width;
  check->height = height;
  check->too_large = width > WM_PICTURE_MAX_SIDE || height > WM_PICTURE_MAX_SIDE ||
                     (gint64) width * height > WM_PICTURE_MAX_PIXELS;
  if (check->too_large || width <= 0 || height <= 0)
    {
      /* A size of 0 tells the decoder to stop before it allocates anything. */
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  scale = (double) WM_PICTURE_DECODE_SIZE / MAX (width, height);
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

/* libpng decodes as far as the bytes go, and gdk-pixbuf does not say when
 * they stopped short: a cut-off PNG would show as part of a face. */
static gboolean
png_is_complete (const guint8 *data,
                 gsize         size)
{
  gsize at = 8; /* the signature */

  while (size >= at + 12)
    {
      guint32 length;

      memcpy (&length, data + at, sizeof length);
      length = GUINT32_FROM_BE (length);
      if (length > size - at - 12)
        return FALSE;
      if (memcmp (data + at + 4, "IEND", 4) == 0)
        return TRUE;
      at += 12 + (gsize) length;
    }

  return FALSE;
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

static cairo_surface_t *
decode_raster (const guint8  *data,
               gsize          size,
               const char    *mime_type,
               GError       **error)
{
  /* Fed in pieces, so that a bomb is refused after its header rather than
   * after the whole of it has gone through the decoder. */
  const gsize piece = 16 * 1024;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  SizeCheck check = { 0, 0, FALSE };
  gboolean ok = TRUE;
  GdkPixbuf *pixbuf;

  if (g_str_equal (mime_type, "image/png") && size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0 &&
      !png_is_complete (data, size))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The picture is damaged: the PNG ends before its last part");
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, error);
  if (loader == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &check);

  for (gsize offset = 0; ok && !check.too_large && offset < size; offset += piece)
    ok = gdk_pixbuf_loader_write (loader, data + offset, MIN (piece, size - offset), NULL);
  /* Closing is needed whatever happened; its error says less than ours. */
  ok = gdk_pixbuf_loader_close (loader, NULL) && ok;

  if (check.too_large)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "The picture is too large: %d × %d pixels, where a picture may have at most "
                   "%d on a side and %d million in all",
                   check.width, check.height, WM_PICTURE_MAX_SIDE, WM_PICTURE_MAX_PIXELS / 1000000);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!ok || pixbuf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The picture is damaged or not a %s image", mime_type);
      return NULL;
    }

  return surface_from_pixbuf (pixbuf);
}

/* SVG pictures: what the first reading keeps track of */

/* What an element draws: itself and what it holds, and the elements it
 * refers to, each of which is drawn again for every reference. */
typedef struct
{
  guint64 weight;
  GPtrArray *references; /* ids, once per reference */
  enum { NODE_NEW, NODE_COUNTING, NODE_COUNTED } state;
  guint64 drawn;         /* weight with what it refers to, once counted */
} SvgNode;

typedef struct
{
  char *name;   /* the SVG element's name, or NULL for another namespace */
  char *id;
  SvgNode node;
} SvgFrame;

typedef struct
{
  GPtrArray *stack;          /* SvgFrame, the document itself at the bottom */
  GHashTable *nodes;         /* id → SvgNode, for what references reach */
  GHashTable *svg_prefixes;  /* prefixes bound to the SVG namespace */
  guint64 elements;
  gsize text;
} SvgCheck;

static void
svg_node_clear (SvgNode *node)
{
  g_clear_pointer (&node->references, g_ptr_array_unref);
}

static void
svg_node_free (SvgNode *node)
{
  svg_node_clear (node);
  g_free (node);
}

static void
svg_frame_free (SvgFrame *frame)
{
  g_free (frame->name);
  g_free (frame->id);
  svg_node_clear (&frame->node);
  g_free (frame);
}

static SvgFrame *
svg_frame_new (const char *name)
{
  SvgFrame *frame = g_new0 (SvgFrame, 1);

  frame->name = g_strdup (name);
  frame->node.weight = 1;
  frame->node.references = g_ptr_array_new_with_free_func (g_free);
  return frame;
}

static SvgFrame *
svg_top (SvgCheck *check)
{
  return g_ptr_array_index (check->stack, check->stack->len - 1);
}

/* Adds what @from draws to @into, emptying @from. */
static void
svg_node_merge (SvgNode *into,
                SvgNode *from)
{
  into->weight += from->weight;
  g_ptr_array_extend_and_steal (into->references, g_steal_pointer (&from->references));
}

/* How many elements drawing @node draws, at most just over the limit; a
 * loop of references, or a chain too long to draw, counts as too many. */
static guint64
svg_node_count (SvgCheck *check,
                SvgNode  *node,
                guint     depth)
{
  const guint64 too_many = WM_PICTURE_MAX_SVG_ELEMENTS + 1;
  guint64 drawn = node->weight;

  if (node->state == NODE_COUNTED)
    return node->drawn;
  if (node->state == NODE_COUNTING || depth > SVG_MAX_DEPTH)
    return too_many;

  node->state = NODE_COUNTING;
  for (guint i = 0; i < node->references->len && drawn < too_many; i++)
    {
      SvgNode *target = g_hash_table_lookup (check->nodes, g_ptr_array_index (node->references, i));

      if (target != NULL)
        drawn += svg_node_count (check, target, depth + 1);
    }
  node->state = NODE_COUNTED;
  node->drawn = MIN (drawn, too_many);
  return node->drawn;
}

static void
set_too_complex (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               "The SVG picture is too complex: a picture may draw at most %d elements "
               "and nest them at most %d deep",
               WM_PICTURE_MAX_SVG_ELEMENTS, SVG_MAX_DEPTH);
}

/* SVG pictures: the rules */

/* What a persona's picture may be made of: shapes, text, paint, clipping,
 * masks and the filters drawing programs use for shadows and glows.
 * Markers (one drawing per point of a path) and feConvolveMatrix (which
 * crashes librsvg 2.54) are not among them. */
static const char * const svg_elements[] = {
  "a", "circle", "clipPath", "defs", "desc", "ellipse", "feBlend", "feColorMatrix",
  "feComponentTransfer", "feComposite", "feDiffuseLighting", "feDisplacementMap",
  "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
  "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
  "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence", "filter",
  "foreignObject", "g", "image", "line", "linearGradient", "mask", "metadata", "path",
  "pattern", "polygon", "polyline", "radialGradient", "rect", "stop", "style", "svg",
  "switch", "symbol", "text", "textPath", "title", "tspan", "use",
};

static gboolean
svg_element_allowed (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (svg_elements); i++)
    if (g_str_equal (name, svg_elements[i]))
      return TRUE;
  return FALSE;
}

/* The name of an SVG element without its prefix, or NULL when it is in
 * another namespace (Inkscape's, RDF's): librsvg draws none of those. */
static const char *
svg_local_name (SvgCheck   *check,
                const char *name)
{
  const char *colon = strchr (name, ':');
  g_autofree char *prefix = NULL;

  if (colon == NULL)
    return name;
  prefix = g_strndup (name, colon - name);
  return g_hash_table_contains (check->svg_prefixes, prefix) ? colon + 1 : NULL;
}

static void
set_outside (const char  *target,
             GError     **error)
{
  g_autofree char *shown = g_utf8_substring (target, 0, MIN (g_utf8_strlen (target, -1), 80));

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
               "The SVG picture shows “%s”, from outside the picture; a picture must hold "
               "everything it shows",
               shown);
}

/* A reference to a part of the picture (#id) or a picture within it
 * (data:); nothing else, whatever librsvg would make of it. */
static gboolean
svg_check_reference (SvgFrame    *frame,
                     const char  *target,
                     GError     **error)
{
  if (target[0] == '#')
    {
      g_ptr_array_add (frame->node.references, g_strdup (target + 1));
      return TRUE;
    }

  if (g_ascii_strncasecmp (target, "data:", 5) == 0)
    return decode_data_url (target, error);

  set_outside (target, error);
  return FALSE;
}

/* Every url(…) in a value: in style sheets, style and presentation
 * attributes (fill, clip-path, filter, mask). */
static gboolean
svg_check_urls (SvgFrame    *frame,
                const char  *value,
                GError     **error)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      const char *start, *end;
      g_autofree char *target = NULL;

      if (g_ascii_strncasecmp (p, "url(", 4) != 0)
        continue;
      start = p + 4;
      while (g_ascii_isspace (*start) || *start == '"' || *start == '\'')
        start++;
      end = start + strcspn (start, "\"')");
      target = g_strstrip (g_strndup (start, end - start));
      if (!svg_check_reference (frame, target, error))
        return FALSE;
      p = end - 1;
    }

  return TRUE;
}

/* CSS may spell url( and @import with escapes ("\75 rl("), which the text
 * checks above would not see; a picture's style needs none. */
static gboolean
svg_check_css (SvgFrame    *frame,
               const char  *css,
               GError     **error)
{
  if (strchr (css, '\\') != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "The SVG picture’s style uses escapes (\\), which pictures in a map may not");
      return FALSE;
    }

  for (const char *p = css; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, "@import", 7) == 0)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             "The SVG picture imports a style sheet from outside the picture; "
                             "a picture must hold everything it shows");
        return FALSE;
      }

  return svg_check_urls (frame, css, error);
}

static gboolean
svg_check_attribute (SvgCheck    *check,
                     SvgFrame    *frame,
                     const char  *name,
                     const char  *value,
                     GError     **error)
{
  const char *colon = strrchr (name, ':');
  const char *local = colon != NULL ? colon + 1 : name;

  if (g_str_equal (name, "id"))
    {
      g_free (frame->id);
      frame->id = g_strdup (value);
    }

  if (g_str_equal (local, "href"))
    return svg_check_reference (frame, value, error);

  if (g_str_equal (name, "xml:base"))
    {
      set_outside (value, error);
      return FALSE;
    }

  if (g_str_equal (name, "style") && !svg_check_css (frame, value, error))
    return FALSE;

  if (g_strcmp0 (frame->name, "feTurbulence") == 0 && g_str_equal (name, "numOctaves") &&
      g_ascii_strtod (value, NULL) > SVG_MAX_OCTAVES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "The SVG picture is too complex: its turbulence has more than %d octaves",
                   SVG_MAX_OCTAVES);
      return FALSE;
    }

  return svg_check_urls (frame, value, error);
}

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgCheck *check = user_data;
  const char *name;
  SvgFrame *frame;

  if (++check->elements > WM_PICTURE_MAX_SVG_ELEMENTS || check->stack->len > SVG_MAX_DEPTH)
    {
      set_too_complex (error);
      return;
    }

  /* Namespaces first: they hold on the element that declares them. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!g_str_has_prefix (names[i], "xmlns"))
        continue;
      if (g_str_equal (values[i], XINCLUDE_NAMESPACE))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               "The SVG picture includes other files (XInclude); a picture must hold "
                               "everything it shows");
          return;
        }
      if (g_str_has_prefix (names[i], "xmlns:") && g_str_equal (values[i], SVG_NAMESPACE))
        g_hash_table_add (check->svg_prefixes, g_strdup (names[i] + strlen ("xmlns:")));
    }

  name = svg_local_name (check, element);
  if (name != NULL && !svg_element_allowed (name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "The SVG picture uses <%s>, which pictures in a map may not", name);
      return;
    }

  frame = svg_frame_new (name);
  g_ptr_array_add (check->stack, frame);
  for (guint i = 0; names[i] != NULL; i++)
    if (!svg_check_attribute (check, frame, names[i], values[i], error))
      return;
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  SvgCheck *check = user_data;
  SvgFrame *frame = g_ptr_array_steal_index (check->stack, check->stack->len - 1);
  SvgFrame *parent = svg_top (check);

  if (g_strcmp0 (frame->name, "filter") == 0 || g_strcmp0 (frame->name, "mask") == 0)
    frame->node.weight += SVG_OFFSCREEN_COST;

  if (frame->id != NULL)
    {
      /* What has an id is drawn where it stands (once, through a reference
       * to it) and wherever it is referred to. Two elements with one id
       * both count: more than librsvg draws, never less. */
      SvgNode *node = g_hash_table_lookup (check->nodes, frame->id);

      if (node == NULL)
        {
          node = g_new0 (SvgNode, 1);
          node->references = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (check->nodes, g_strdup (frame->id), node);
        }
      svg_node_merge (node, &frame->node);
      g_ptr_array_add (parent->node.references, g_strdup (frame->id));
    }
  else
    svg_node_merge (&parent->node, &frame->node);

  svg_frame_free (frame);
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgCheck *check = user_data;
  SvgFrame *frame = svg_top (check);
  g_autofree char *copy = NULL;

  if (g_strcmp0 (frame->name, "text") == 0 || g_strcmp0 (frame->name, "tspan") == 0 ||
      g_strcmp0 (frame->name, "textPath") == 0)
    {
      check->text += length;
      if (check->text > SVG_MAX_TEXT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     "The SVG picture is too complex: it has more than %d bytes of text",
                     SVG_MAX_TEXT);
      return;
    }

  if (g_strcmp0 (frame->name, "style") != 0)
    return;
  copy = g_strndup (text, length);
  svg_check_css (frame, copy, error);
}

/* The XML declaration may only say UTF-8: in another encoding (UTF-7,
 * EBCDIC) libxml2 would read markup this reading never saw. */
static gboolean
svg_check_declaration (const char  *declaration,
                       GError     **error)
{
  const char *p = strstr (declaration, "encoding");

  if (p == NULL)
    return TRUE;
  p += strlen ("encoding");
  while (*p == '=' || *p == '"' || *p == '\'' || g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "utf-8", 5) == 0 && (p[5] == '"' || p[5] == '\''))
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "The SVG picture is not in UTF-8; save it as UTF-8");
  return FALSE;
}

static void
svg_passthrough (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 length,
                 gpointer              user_data,
                 GError              **error)
{
  SvgCheck *check = user_data;
  g_autofree char *copy = g_strndup (text, length);

  if (g_strcmp0 (svg_top (check)->name, "style") == 0)
    svg_check_css (svg_top (check), copy, error); /* CDATA in a style sheet */
  else if (g_str_has_prefix (copy, "<?xml-stylesheet"))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                         "The SVG picture takes its style sheet from outside the picture; "
                         "a picture must hold everything it shows");
  else if (g_str_has_prefix (copy, "<?xml") && (g_ascii_isspace (copy[5]) || copy[5] == '?'))
    svg_check_declaration (copy, error);
  else if (g_str_has_prefix (copy, "<!DOCTYPE") && strchr (copy, '[') != NULL)
    /* Entities (a few bytes that expand to gigabytes, or name other files)
     * and default attributes that this reading would not see. */
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         "The SVG picture declares entities or attributes of its own, "
                         "which pictures in a map may not");
}

static gboolean
check_svg (const char  *data,
           gsize        size,
           GError     **error)
{
  static const GMarkupParser parser = {
    svg_start_element, svg_end_element, svg_text, svg_passthrough, NULL,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  SvgCheck check = { NULL, NULL, NULL, 0, 0 };
  gboolean ok;

  /* Checked whole, first: GMarkup in GLib 2.74 sets its error twice on
   * some invalid UTF-8 in names. */
  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The SVG picture is damaged: it is not text in UTF-8");
      return FALSE;
    }
  /* A byte-order mark is fine for libxml2, not for GMarkup. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  check.stack = g_ptr_array_new_with_free_func ((GDestroyNotify) svg_frame_free);
  check.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) svg_node_free);
  check.svg_prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (check.stack, svg_frame_new (NULL));

  context = g_markup_parse_context_new (&parser, 0, &check, NULL);
  ok = g_markup_parse_context_parse (context, data, size, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);
  if (ok && svg_node_count (&check, &svg_top (&check)->node, 0) > WM_PICTURE_MAX_SVG_ELEMENTS)
    {
      set_too_complex (&local_error);
      ok = FALSE;
    }

  g_ptr_array_unref (check.stack);
  g_hash_table_unref (check.nodes);
  g_hash_table_unref (check.svg_prefixes);

  if (ok)
    return TRUE;
  if (local_error->domain == G_MARKUP_ERROR)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "The SVG picture is damaged: %s", local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A picture inside an SVG, as "data:image/png;base64,…": checked as if it
 * stood alone. Only base64, so that librsvg reads the very bytes we did. */
static gboolean
decode_data_url (const char  *url,
                 GError     **error)
{
  static const char * const types[] = { "image/png", "image/jpeg" };
  const char *comma = strchr (url, ',');
  g_autofree char *header = NULL;
  g_autofree guchar *decoded = NULL;
  cairo_surface_t *surface;
  gsize size;

  if (comma == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The SVG picture is damaged: a data: address without data");
      return FALSE;
    }

  header = g_ascii_strdown (url + 5, comma - url - 5);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *expected = g_strconcat (types[i], ";base64", NULL);

      if (!g_str_equal (header, expected))
        continue;
      if (comma[1 + strspn (comma + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n")] != '\0')
        break;
      decoded = g_base64_decode (comma + 1, &size);
      surface = decode_raster (decoded, size, types[i], error);
      if (surface == NULL)
        {
          g_prefix_error (error, "In the SVG picture: ");
          return FALSE;
        }
      cairo_surface_destroy (surface);
      return TRUE;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "The SVG picture holds a picture that is not a PNG or JPEG in base64");
  return FALSE;
}

static cairo_surface_t *
decode_svg (const char  *data,
            gsize        size,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RsvgHandle *svg;
  gboolean has_width, has_height, has_viewbox;
  RsvgLength length;
  RsvgRectangle viewbox, viewport = { 0, 0, 0, 0 };
  double width = 0, height = 0, scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (!check_svg (data, size, error))
    return NULL;

  /* No base file, so that the SVG cannot pull in other files; the default
   * flags keep libxml2's own limits on what a document may hold. */
  svg = rsvg_handle_new_from_data ((const guint8 *) data, size, &local_error);
  if (svg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The SVG picture is damaged: %s", local_error->message);
      return NULL;
    }

  rsvg_handle_get_intrinsic_dimensions (svg, &has_width, &length, &has_height, &length,
                                        &has_viewbox, &viewbox);
  if (has_viewbox)
    {
      width = viewbox.width;
      height = viewbox.height;
    }
  else if (!rsvg_handle_get_intrinsic_size_in_pixels (svg, &width, &height))
    width = height = 1;
  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    width = height = 1;

  /* Drawn once, here, at the largest size a picture is shown: drawing
   * takes as long as it takes, and a map is drawn again and again. */
  scale = WM_PICTURE_DECODE_SIZE / MAX (width, height);
  viewport.width = CLAMP (ceil (width * scale), 1, WM_PICTURE_DECODE_SIZE);
  viewport.height = CLAMP (ceil (height * scale), 1, WM_PICTURE_DECODE_SIZE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) viewport.width, (int) viewport.height);
  cr = cairo_create (surface);
  ok = rsvg_handle_render_document (svg, cr, &viewport, &local_error) &&
       cairo_status (cr) == CAIRO_STATUS_SUCCESS;
  cairo_destroy (cr);
  g_object_unref (svg);

  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The SVG picture cannot be drawn: %s",
                   local_error != NULL ? local_error->message : "it is damaged");
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/**
 * wm_picture_new:
 * @bytes: the encoded picture, as a persona keeps it
 * @mime_type: "image/png", "image/jpeg" or "image/svg+xml"
 *
 * Decodes a picture, never reading another file nor the network, in
 * bounded time and memory.
 *
 * Returns: (transfer full): the decoded picture, or %NULL with @error set
 *   in %G_IO_ERROR: %G_IO_ERROR_NOT_SUPPORTED when it is of another type or
 *   uses what a picture may not, %G_IO_ERROR_INVALID_DATA when it is
 *   damaged, %G_IO_ERROR_NO_SPACE when too large or complex, and
 *   %G_IO_ERROR_PERMISSION_DENIED when it shows something from outside
 *   itself (another file, an address on the network).
 */
WmPicture *
wm_picture_new (GBytes      *bytes,
                const char  *mime_type,
                GError     **error)
{
  gsize size;
  const guint8 *data;
  cairo_surface_t *surface;
  WmPicture *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > WM_PICTURE_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "The picture is too large: a picture may take at most %d MiB",
                   WM_PICTURE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (g_strcmp0 (mime_type, "image/png") == 0 || g_strcmp0 (mime_type, "image/jpeg") == 0)
    surface = decode_raster (data, size, mime_type, error);
  else if (g_strcmp0 (mime_type, "image/svg+xml") == 0)
    surface = decode_svg ((const char *) data, size, error);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "Pictures must be PNG, JPEG or SVG, not “%s”", mime_type ? mime_type : "");
      return NULL;
    }

  if (surface == NULL)
    return NULL;

  self = g_new0 (WmPicture, 1);
  self->surface = surface;
  return self;
}

void
wm_picture_free (WmPicture *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->surface, cairo_surface_destroy);
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
  double width = cairo_image_surface_get_width (self->surface);
  double height = cairo_image_surface_get_height (self->surface);
  double scale = MAX (rect->width / width, rect->height / height);

  cairo_save (cr);
  cairo_translate (cr, rect->x + (rect->width - width * scale) / 2, rect->y + (rect->height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}
