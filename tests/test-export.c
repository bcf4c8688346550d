/* test-export.c: headless export, judged by what was drawn.
 *
 * Every picture is read back the way a user would see it: the PNG through
 * cairo, the SVG through librsvg, the PDF through poppler; and compared
 * with the layout and with each other.
 */
#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <poppler.h>
#include <signal.h>
#include <sys/resource.h>

#include "wm-card.h"
#include "wm-export.h"
#include "wm-format.h"
#include "wm-layout.h"

#define TITLE "Buying a bicycle online"

/* Bright colours the painter uses nowhere else, so that a stage can be
 * found in the picture by its pixels alone. */
static const char *stage_colors[] = { "#ff00ff", "#00ffff", "#ffff00" };
static const char *stage_names[] = { "Research", "Purchase", "Delivery" };

static char *tmp_dir;

static WmDocument *
build_map (WmDirection direction,
           guint       n_stages)
{
  WmDocument *document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmPersona) persona = wm_persona_new ();
  g_autoptr(WmLane) actions = wm_lane_new ();
  g_autoptr(WmLane) curve = wm_lane_new ();

  wm_document_set_title (document, TITLE);
  wm_document_set_direction (document, direction);

  wm_persona_set_name (persona, "Mia");
  wm_persona_set_color (persona, "#3584e4");
  wm_history_insert (history, wm_document_get_personas (document), 0, persona);

  wm_lane_set_kind (actions, WM_LANE_KIND_ACTIONS);
  wm_lane_set_title (actions, "Actions");
  wm_history_insert (history, wm_document_get_lanes (document), 0, actions);
  wm_lane_set_kind (curve, WM_LANE_KIND_EMOTION_CURVE);
  wm_lane_set_title (curve, "Feelings");
  wm_lane_set_persona (curve, wm_element_get_id (WM_ELEMENT (persona)));
  wm_history_insert (history, wm_document_get_lanes (document), 1, curve);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(WmStage) stage = wm_stage_new ();
      g_autoptr(WmCard) card = wm_card_new ();
      g_autoptr(WmEmotionPoint) point = wm_emotion_point_new ();
      const char *stage_id = wm_element_get_id (WM_ELEMENT (stage));
      g_autofree char *name = g_strdup_printf ("%s %u", stage_names[i % G_N_ELEMENTS (stage_names)], i);

      wm_stage_set_name (stage, name);
      if (i < G_N_ELEMENTS (stage_colors))
        wm_stage_set_color (stage, stage_colors[i]);
      wm_history_insert (history, wm_document_get_stages (document), i, stage);

      wm_card_set_text (card, "Compares three shops and reads the reviews");
      wm_history_insert (history, wm_lane_get_cards (actions, stage_id), 0, card);

      wm_emotion_point_set_persona (point, wm_element_get_id (WM_ELEMENT (persona)));
      wm_emotion_point_set_stage (point, stage_id);
      wm_emotion_point_set_score (point, (double) (i % 5) - 2);
      wm_history_insert (history, wm_document_get_emotion_points (document), i, point);
    }

  return document;
}

static WmStage *
get_stage (WmDocument *document,
           guint       position)
{
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (document), position);

  /* The document holds it. */
  return stage;
}

static GFile *
tmp_file (const char *name)
{
  return g_file_new_build_filename (tmp_dir, name, NULL);
}

static void
export_or_fail (WmDocument     *document,
                GFile          *file,
                WmExportFormat  format,
                double          scale,
                WmThemeVariant  theme)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_export_file (document, file, format, scale, theme, NULL, &error));
  g_assert_no_error (error);
}

static cairo_surface_t *
export_png (WmDocument     *document,
            const char     *name,
            double          scale,
            WmThemeVariant  theme)
{
  g_autoptr(GFile) file = tmp_file (name);
  cairo_surface_t *surface;

  export_or_fail (document, file, WM_EXPORT_PNG, scale, theme);
  surface = cairo_image_surface_create_from_png (g_file_peek_path (file));
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

static WmLayout *
layout_of (WmDocument *document)
{
  WmLayout *layout = wm_layout_new (document);

  wm_layout_update (layout);
  g_assert_cmpfloat (wm_layout_get_width (layout), >, 0);
  g_assert_cmpfloat (wm_layout_get_height (layout), >, 0);

  return layout;
}

/* Pixels, as 0–255 red, green and blue; the maps are opaque, so the
 * premultiplied values are the colours. */
typedef struct
{
  int red, green, blue, alpha;
} Pixel;

static Pixel
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 argb;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  argb = *(const guint32 *) (const void *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
    argb |= 0xff000000;

  return (Pixel) { (argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, argb >> 24 };
}

static Pixel
parse_color (const char *color)
{
  guint value = (guint) g_ascii_strtoull (color + 1, NULL, 16);

  return (Pixel) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, 0xff };
}

static gboolean
pixel_is (Pixel a,
          Pixel b)
{
  return ABS (a.red - b.red) <= 12 && ABS (a.green - b.green) <= 12 && ABS (a.blue - b.blue) <= 12;
}

static double
luminance (Pixel p)
{
  return (0.2126 * p.red + 0.7152 * p.green + 0.0722 * p.blue) / 255.0;
}

/* Where a colour is in a picture: how many pixels, and their centre. */
typedef struct
{
  guint count;
  double x, y;
} Blob;

static Blob
find_color (cairo_surface_t *surface,
            Pixel            color)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  Blob blob = { 0 };

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel_is (get_pixel (surface, x, y), color))
        {
          blob.count++;
          blob.x += x;
          blob.y += y;
        }

  if (blob.count > 0)
    {
      blob.x /= blob.count;
      blob.y /= blob.count;
    }

  return blob;
}

/* How far two pictures of one size are apart: the mean difference of a
 * channel (0–255), and the share of pixels where a channel differs by
 * more than 40, which antialiasing alone seldom does. */
typedef struct
{
  double mean;
  double far;
} Difference;

static Difference
compare (cairo_surface_t *a,
         cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  double sum = 0;
  guint far = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        Pixel p = get_pixel (a, x, y);
        Pixel q = get_pixel (b, x, y);
        int dr = ABS (p.red - q.red), dg = ABS (p.green - q.green), db = ABS (p.blue - q.blue);

        sum += dr + dg + db;
        if (MAX (dr, MAX (dg, db)) > 40)
          far++;
      }

  return (Difference) { sum / (3.0 * width * height), (double) far / (width * height) };
}

static cairo_surface_t *
new_canvas (cairo_surface_t  *like,
            cairo_t         **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         cairo_image_surface_get_width (like),
                                                         cairo_image_surface_get_height (like));

  *cr = cairo_create (surface);
  return surface;
}

static void
test_format_from_path (void)
{
  const struct
  {
    const char *path;
    gboolean known;
    WmExportFormat format;
  } cases[] = {
    { "map.png", TRUE, WM_EXPORT_PNG },
    { "/tmp/Map.PNG", TRUE, WM_EXPORT_PNG },
    { "slides/map.svg", TRUE, WM_EXPORT_SVG },
    { "map.Svg", TRUE, WM_EXPORT_SVG },
    { "map.waymark.pdf", TRUE, WM_EXPORT_PDF },
    { "map.jpg", FALSE, 0 },
    { "map", FALSE, 0 },
    { "png", FALSE, 0 },
    { "map.png.txt", FALSE, 0 },
    { "", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WmExportFormat format = -1;

      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (wm_export_format_from_path (cases[i].path, &format), ==, cases[i].known);
      if (cases[i].known)
        g_assert_cmpint (format, ==, cases[i].format);
    }
}

static void
test_png_size (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(WmLayout) layout = layout_of (document);
  cairo_surface_t *png = export_png (document, "size.png", 1, WM_THEME_LIGHT);

  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (wm_layout_get_width (layout)));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (wm_layout_get_height (layout)));
  cairo_surface_destroy (png);
}

static void
test_png_theme (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  cairo_surface_t *light = export_png (document, "light.png", 1, WM_THEME_LIGHT);
  cairo_surface_t *dark = export_png (document, "dark.png", 1, WM_THEME_DARK);
  int width = cairo_image_surface_get_width (light);
  int height = cairo_image_surface_get_height (light);
  const int corners[][2] = { { 1, 1 }, { width - 2, 1 }, { 1, height - 2 }, { width - 2, height - 2 } };

  /* The background fills the picture, and is opaque. */
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      Pixel l = get_pixel (light, corners[i][0], corners[i][1]);
      Pixel d = get_pixel (dark, corners[i][0], corners[i][1]);

      g_assert_cmpint (l.alpha, ==, 255);
      g_assert_cmpint (d.alpha, ==, 255);
      g_assert_cmpfloat (luminance (l), >, 0.8);
      g_assert_cmpfloat (luminance (d), <, 0.25);
    }

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
test_png_stage_color (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(WmLayout) layout = layout_of (document);
  cairo_surface_t *png = export_png (document, "stages.png", 1, WM_THEME_LIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (stage_colors); i++)
    {
      WmStage *stage = get_stage (document, i);
      Pixel color = parse_color (stage_colors[i]);
      guint inside = 0, area = 0;
      WmRect rect;
      Blob blob;

      g_assert_true (wm_layout_get_element_rect (layout, stage, &rect));
      for (int y = ceil (rect.y); y < floor (rect.y + rect.height); y++)
        for (int x = ceil (rect.x); x < floor (rect.x + rect.width); x++, area++)
          inside += pixel_is (get_pixel (png, x, y), color);

      /* The header shows its stage's colour, and that colour is nowhere
       * but in that header. */
      g_test_message ("stage %u: %u of %u pixels in its colour", i, inside, area);
      g_assert_cmpuint (inside, >, area / 20);
      blob = find_color (png, color);
      g_assert_cmpuint (blob.count, ==, inside);
    }

  cairo_surface_destroy (png);
}

/* Corners, one pixel in: outside every box of the map. */
static void
assert_corners_alpha (cairo_surface_t *surface,
                      int              alpha)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const int corners[][2] = { { 1, 1 }, { width - 2, 1 }, { 1, height - 2 }, { width - 2, height - 2 } };

  cairo_surface_flush (surface);
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    g_assert_cmpint (get_pixel (surface, corners[i][0], corners[i][1]).alpha, ==, alpha);
}

static void
test_transparent (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(GFile) png_file = tmp_file ("transparent.png");
  g_autoptr(GFile) svg_file = tmp_file ("transparent.svg");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png, *svg;
  RsvgHandle *handle;
  cairo_t *cr;
  RsvgRectangle viewport = { 0 };

  g_assert_true (wm_export_file_full (document, png_file, WM_EXPORT_PNG, 1, WM_THEME_DARK,
                                      WM_EXPORT_TRANSPARENT, NULL, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (g_file_peek_path (png_file));
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (png), ==, CAIRO_FORMAT_ARGB32);

  /* Nothing behind the map, but the map itself is all there. */
  assert_corners_alpha (png, 0);
  for (guint i = 0; i < G_N_ELEMENTS (stage_colors); i++)
    g_assert_cmpuint (find_color (png, parse_color (stage_colors[i])).count, >, 0);

  g_assert_true (wm_export_file_full (document, svg_file, WM_EXPORT_SVG, 1, WM_THEME_DARK,
                                      WM_EXPORT_TRANSPARENT, NULL, &error));
  g_assert_no_error (error);
  handle = rsvg_handle_new_from_file (g_file_peek_path (svg_file), &error);
  g_assert_no_error (error);
  viewport.width = cairo_image_surface_get_width (png);
  viewport.height = cairo_image_surface_get_height (png);
  svg = new_canvas (png, &cr);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);

  assert_corners_alpha (svg, 0);
  g_assert_cmpuint (find_color (svg, parse_color (stage_colors[0])).count, >, 0);

  g_object_unref (handle);
  cairo_surface_destroy (svg);
  cairo_surface_destroy (png);
}

/* Makes a picture of @big's size from a picture twice as large, each pixel
 * the mean of four. */
static cairo_surface_t *
halve (cairo_surface_t *big,
       cairo_surface_t *like)
{
  int width = cairo_image_surface_get_width (like);
  int height = cairo_image_surface_get_height (like);
  int big_width = cairo_image_surface_get_width (big);
  int big_height = cairo_image_surface_get_height (big);
  cairo_surface_t *small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *data = cairo_image_surface_get_data (small);
  int stride = cairo_image_surface_get_stride (small);

  cairo_surface_flush (big);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int r = 0, g = 0, b = 0, a = 0;

        for (int dy = 0; dy < 2; dy++)
          for (int dx = 0; dx < 2; dx++)
            {
              Pixel p = get_pixel (big, MIN (2 * x + dx, big_width - 1), MIN (2 * y + dy, big_height - 1));

              r += p.red;
              g += p.green;
              b += p.blue;
              a += p.alpha;
            }
        *(guint32 *) (void *) (data + y * stride + x * 4) =
          (guint32) (a / 4) << 24 | (guint32) (r / 4) << 16 | (guint32) (g / 4) << 8 | (guint32) (b / 4);
      }
  cairo_surface_mark_dirty (small);

  return small;
}

static void
test_png_scale (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(WmLayout) layout = layout_of (document);
  cairo_surface_t *one = export_png (document, "scale1.png", 1, WM_THEME_LIGHT);
  cairo_surface_t *two = export_png (document, "scale2.png", 2, WM_THEME_LIGHT);
  cairo_surface_t *half;
  Difference difference;

  g_assert_cmpint (cairo_image_surface_get_width (two), ==, (int) ceil (2 * wm_layout_get_width (layout)));
  g_assert_cmpint (cairo_image_surface_get_height (two), ==, (int) ceil (2 * wm_layout_get_height (layout)));

  /* The same picture, only sharper: halved, it is the scale-1 one but for
   * the antialiasing of edges and text. */
  half = halve (two, one);
  difference = compare (half, one);
  g_test_message ("scale 2 halved vs scale 1: mean %.2f, far %.4f", difference.mean, difference.far);
  g_assert_cmpfloat (difference.mean, <, 4);
  g_assert_cmpfloat (difference.far, <, 0.03);

  cairo_surface_destroy (half);
  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
}

static void
test_svg_matches_png (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(GFile) file = tmp_file ("map.svg");
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  cairo_surface_t *png = export_png (document, "for-svg.png", 1, WM_THEME_DARK);
  cairo_surface_t *svg;
  cairo_t *cr;
  Difference difference;
  RsvgRectangle viewport = { 0, 0, cairo_image_surface_get_width (png), cairo_image_surface_get_height (png) };
  double width, height;

  export_or_fail (document, file, WM_EXPORT_SVG, 1, WM_THEME_DARK);
  handle = rsvg_handle_new_from_file (g_file_peek_path (file), &error);
  g_assert_no_error (error);
  g_assert_nonnull (handle);

  /* It is the map's size, in pixels. */
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height));
  g_assert_cmpfloat (fabs (width - viewport.width), <, 1);
  g_assert_cmpfloat (fabs (height - viewport.height), <, 1);

  svg = new_canvas (png, &cr);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);

  difference = compare (svg, png);
  g_test_message ("SVG vs PNG: mean %.2f, far %.4f", difference.mean, difference.far);
  g_assert_cmpfloat (difference.mean, <, 3);
  g_assert_cmpfloat (difference.far, <, 0.02);

  g_object_unref (handle);
  cairo_surface_destroy (svg);
  cairo_surface_destroy (png);
}

static void
test_pdf_read_back (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(WmLayout) layout = layout_of (document);
  g_autoptr(GFile) file = tmp_file ("map.pdf");
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  PopplerPage *page;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *png = export_png (document, "for-pdf.png", 1, WM_THEME_LIGHT);
  cairo_surface_t *rendered;
  cairo_t *cr;
  Difference difference;
  double width, height;

  export_or_fail (document, file, WM_EXPORT_PDF, 1, WM_THEME_LIGHT);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  title = poppler_document_get_title (pdf);
  g_assert_cmpstr (title, ==, TITLE);

  /* One layout unit is one point. */
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (fabs (width - wm_layout_get_width (layout)), <, 0.5);
  g_assert_cmpfloat (fabs (height - wm_layout_get_height (layout)), <, 0.5);

  /* The text is text, not outlines: a reader can find and copy it. */
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, TITLE));
  g_assert_nonnull (strstr (text, "Research 0"));

  rendered = new_canvas (png, &cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  difference = compare (rendered, png);
  g_test_message ("PDF vs PNG: mean %.2f, far %.4f", difference.mean, difference.far);
  g_assert_cmpfloat (difference.mean, <, 2);
  g_assert_cmpfloat (difference.far, <, 0.01);

  g_object_unref (page);
  g_object_unref (pdf);
  cairo_surface_destroy (rendered);
  cairo_surface_destroy (png);
}

static void
test_direction (void)
{
  const struct
  {
    WmDirection direction;
    gboolean on_the_right;
  } cases[] = {
    { WM_DIRECTION_LTR, FALSE },
    { WM_DIRECTION_RTL, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WmDocument) document = build_map (cases[i].direction, 3);
      cairo_surface_t *png = export_png (document, "direction.png", 1, WM_THEME_LIGHT);
      double middle = cairo_image_surface_get_width (png) / 2.0;
      Blob first = find_color (png, parse_color (stage_colors[0]));
      Blob last = find_color (png, parse_color (stage_colors[2]));

      /* The journey starts on the reading side: found by the colour of the
       * first stage in the pixels. */
      g_assert_cmpuint (first.count, >, 0);
      g_assert_cmpuint (last.count, >, 0);
      g_assert_cmpint (first.x > middle, ==, cases[i].on_the_right);
      g_assert_cmpint (last.x > middle, !=, cases[i].on_the_right);
      g_assert_cmpint (first.x > last.x, ==, cases[i].on_the_right);
      cairo_surface_destroy (png);
    }
}

/* The names in the temporary folder, sorted, joined by spaces. */
static char *
list_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) (void (*) (void)) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_tmp_dir (const char *expected)
{
  g_autofree char *names = list_tmp_dir ();

  g_assert_cmpstr (names, ==, expected);
}

static void
empty_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

static void
test_fail_missing_folder (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(GFile) file = g_file_new_build_filename (tmp_dir, "no-such-folder", "map.png", NULL);
  g_autoptr(GError) error = NULL;

  empty_tmp_dir ();
  g_assert_false (wm_export_file (document, file, WM_EXPORT_PNG, 1, WM_THEME_LIGHT, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_tmp_dir ("");
}

static void
test_fail_scale (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(GFile) file = tmp_file ("scale.svg");
  const double scales[] = { 0, -1, NAN, INFINITY, -INFINITY, WM_EXPORT_MAX_SCALE * 1.01, 1000 };

  empty_tmp_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("scale %g", scales[i]);
      g_assert_false (wm_export_file (document, file, WM_EXPORT_SVG, scales[i], WM_THEME_LIGHT, NULL, &error));
      g_assert_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_SCALE);
      g_assert_false (g_file_query_exists (file, NULL));
    }

  /* The largest scale is allowed. */
  export_or_fail (document, file, WM_EXPORT_SVG, WM_EXPORT_MAX_SCALE, WM_THEME_LIGHT);
}

static void
test_fail_too_large (void)
{
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(GFile) png = tmp_file ("huge.png");
  g_autoptr(GFile) svg = tmp_file ("huge.svg");
  g_autoptr(GError) error = NULL;
  guint n_stages = 3;

  /* A map wide enough that its PNG at the largest scale is over the limit. */
  do
    {
      n_stages *= 2;
      g_clear_object (&layout);
      g_clear_object (&document);
      document = build_map (WM_DIRECTION_LTR, n_stages);
      layout = layout_of (document);
    }
  while (wm_layout_get_width (layout) * WM_EXPORT_MAX_SCALE <= WM_EXPORT_MAX_PNG_SIDE && n_stages < 1000);
  g_assert_cmpfloat (wm_layout_get_width (layout) * WM_EXPORT_MAX_SCALE, >, WM_EXPORT_MAX_PNG_SIDE);

  empty_tmp_dir ();
  g_assert_false (wm_export_file (document, png, WM_EXPORT_PNG, WM_EXPORT_MAX_SCALE, WM_THEME_LIGHT, NULL, &error));
  g_assert_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_TOO_LARGE);
  assert_tmp_dir ("");

  /* Vectors have no pixels to run out of. */
  export_or_fail (document, svg, WM_EXPORT_SVG, WM_EXPORT_MAX_SCALE, WM_THEME_LIGHT);
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_replace (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(GFile) file = tmp_file ("map.png");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  cairo_surface_t *surface;

  empty_tmp_dir ();
  g_assert_true (g_file_set_contents (g_file_peek_path (file), "an older picture", -1, NULL));

  /* A successful export replaces the file, leaving nothing else. */
  export_or_fail (document, file, WM_EXPORT_PNG, 1, WM_THEME_LIGHT);
  surface = cairo_image_surface_create_from_png (g_file_peek_path (file));
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  assert_tmp_dir ("map.png");

  /* A failed one leaves it as it was, byte for byte. */
  before = read_file (file);
  g_assert_false (wm_export_file (document, file, WM_EXPORT_PNG, 100, WM_THEME_DARK, NULL, &error));
  g_assert_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_SCALE);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  g_assert_false (wm_export_file (document, file, WM_EXPORT_SVG, 1, WM_THEME_DARK, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = read_file (file);
  g_assert_true (g_bytes_equal (before, after));
  assert_tmp_dir ("map.png");
}

/* Files may be no larger than this in the subprocess, so that writing the
 * picture fails halfway, as on a full disk. */
#define WRITE_LIMIT 2048

static void
test_fail_writing (void)
{
  g_autoptr(WmDocument) document = build_map (WM_DIRECTION_LTR, 3);
  g_autoptr(GFile) old_file = tmp_file ("old.pdf");
  g_autoptr(GBytes) old_bytes = g_bytes_new_static ("an older picture", 16);
  g_autoptr(GBytes) kept = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit limit = { WRITE_LIMIT, WRITE_LIMIT };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      for (WmExportFormat format = WM_EXPORT_PNG; format <= WM_EXPORT_PDF; format++)
        {
          g_autoptr(GFile) new_file = tmp_file ("new");
          g_autoptr(GError) error = NULL;

          g_assert_false (wm_export_file (document, new_file, format, 1, WM_THEME_LIGHT, NULL, &error));
          g_assert_error (error, G_IO_ERROR, (int) g_io_error_from_errno (EFBIG));
          g_clear_error (&error);

          g_assert_false (wm_export_file (document, old_file, format, 1, WM_THEME_LIGHT, NULL, &error));
          g_assert_error (error, G_IO_ERROR, (int) g_io_error_from_errno (EFBIG));
        }
      return;
    }

  /* Every format is larger than the limit, so every one fails. */
  empty_tmp_dir ();
  for (WmExportFormat format = WM_EXPORT_PNG; format <= WM_EXPORT_PDF; format++)
    {
      g_autoptr(GFile) file = tmp_file ("size");
      g_autoptr(GBytes) bytes = NULL;

      export_or_fail (document, file, format, 1, WM_THEME_LIGHT);
      bytes = read_file (file);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, WRITE_LIMIT);
      g_assert_true (g_file_delete (file, NULL, NULL));
    }

  g_assert_true (g_file_set_contents (g_file_peek_path (old_file), "an older picture", -1, NULL));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* No new file, no temporary file, and the old one untouched. */
  assert_tmp_dir ("old.pdf");
  kept = read_file (old_file);
  g_assert_true (g_bytes_equal (kept, old_bytes));
}

/* The bundled example maps, when they are there, export in every format. */
static void
test_examples (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n_maps = 0;

  if (dir == NULL)
    {
      g_test_skip ("no data/examples");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_build_filename (path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = NULL;
      g_autoptr(WmLayout) layout = NULL;
      g_autoptr(GFile) svg = tmp_file ("example.svg");
      g_autoptr(GFile) pdf = tmp_file ("example.pdf");
      cairo_surface_t *png;

      if (!g_str_has_suffix (name, ".waymark"))
        continue;

      g_test_message ("%s", name);
      document = wm_format_load_file (file, NULL, &error);
      g_assert_no_error (error);
      layout = layout_of (document);

      png = export_png (document, "example.png", 1, WM_THEME_DARK);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (wm_layout_get_width (layout)));
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (wm_layout_get_height (layout)));
      cairo_surface_destroy (png);
      export_or_fail (document, svg, WM_EXPORT_SVG, 1, WM_THEME_LIGHT);
      export_or_fail (document, pdf, WM_EXPORT_PDF, 1, WM_THEME_LIGHT);
      n_maps++;
    }

  if (n_maps == 0)
    g_test_skip ("no example maps");
}

static void
remove_tmp_dir (void)
{
  empty_tmp_dir ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The subprocess of a test works in the folder of its parent. */
  tmp_dir = g_strdup (g_getenv ("WAYMARK_TEST_EXPORT_DIR"));
  if (tmp_dir == NULL)
    {
      tmp_dir = g_dir_make_tmp ("waymark-test-export-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("WAYMARK_TEST_EXPORT_DIR", tmp_dir, TRUE);
    }

  g_test_add_func ("/export/format-from-path", test_format_from_path);
  g_test_add_func ("/export/png/size", test_png_size);
  g_test_add_func ("/export/png/theme", test_png_theme);
  g_test_add_func ("/export/png/stage-color", test_png_stage_color);
  g_test_add_func ("/export/png/scale", test_png_scale);
  g_test_add_func ("/export/svg/matches-png", test_svg_matches_png);
  g_test_add_func ("/export/transparent", test_transparent);
  g_test_add_func ("/export/pdf/read-back", test_pdf_read_back);
  g_test_add_func ("/export/direction", test_direction);
  g_test_add_func ("/export/fail/missing-folder", test_fail_missing_folder);
  g_test_add_func ("/export/fail/scale", test_fail_scale);
  g_test_add_func ("/export/fail/too-large", test_fail_too_large);
  g_test_add_func ("/export/fail/writing", test_fail_writing);
  g_test_add_func ("/export/replace", test_replace);
  g_test_add_func ("/export/examples", test_examples);

  status = g_test_run ();
  if (!g_test_subprocess ())
    remove_tmp_dir ();

  return status;
}
