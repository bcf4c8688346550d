/* test-picture.c: persona pictures from hostile bytes (wm-picture.h).
 *
 * A map may come from anyone, and its pictures with it. Each file in
 * data/hostile/ (written by generate.py there) is a picture built to hurt:
 * cut short, claiming billions of pixels, reaching for other files or the
 * network, expanding without end, or known to crash or hang librsvg. Each
 * must be refused with a message that says why, or drawn harmlessly.
 */
#include <glib/gstdio.h>

#include "wm-picture.h"

static GBytes *
hostile (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static const char *
type_of (const char *name)
{
  if (g_str_has_suffix (name, ".png"))
    return "image/png";
  if (g_str_has_suffix (name, ".jpg"))
    return "image/jpeg";
  return "image/svg+xml";
}

/* Decodes @bytes, expecting it refused with @code and a message that
 * contains @says. */
static void
assert_refused_bytes (GBytes     *bytes,
                      const char *type,
                      int         code,
                      const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmPicture) picture = wm_picture_new (bytes, type, &error);

  g_assert_error (error, G_IO_ERROR, code);
  g_assert_null (picture);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

static void
assert_refused (const char *name,
                int         code,
                const char *says)
{
  g_autoptr(GBytes) bytes = hostile (name);

  g_test_message ("%s", name);
  assert_refused_bytes (bytes, type_of (name), code, says);
}

/* The colour at the centre of @picture drawn over a 64 × 64 square. */
static guint32
centre_pixel (WmPicture *picture)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);
  const WmRect rect = { 0, 0, 64, 64 };
  guint32 pixel;

  wm_picture_draw (picture, cr, &rect);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = ((guint32 *) (gpointer) cairo_image_surface_get_data (surface))[32 * 64 + 32];
  cairo_surface_destroy (surface);
  return pixel;
}

static void
test_good (void)
{
  static const struct {
    const char *name;
    guint32 centre;
  } cases[] = {
    { "png-good.png", 0xff000000 },   /* black */
    { "jpeg-good.jpg", 0 },           /* gray, as JPEG rounds it */
    { "svg-good.svg", 0xff3584e4 },   /* a blue circle */
    { "svg-data-png.svg", 0xff000000 },
    /* A DOCTYPE naming a DTD is harmless: the DTD is never read. */
    { "svg-external-dtd.svg", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = hostile (cases[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmPicture) picture = wm_picture_new (bytes, type_of (cases[i].name), &error);

      g_test_message ("%s", cases[i].name);
      g_assert_no_error (error);
      g_assert_nonnull (picture);
      if (cases[i].centre != 0)
        g_assert_cmphex (centre_pixel (picture), ==, cases[i].centre);
    }
}

static void
test_raster_damaged (void)
{
  /* Cut short: before, the first half of a face was shown as all of it. */
  assert_refused ("png-truncated.png", G_IO_ERROR_INVALID_DATA, "ends before its last part");
  assert_refused ("png-no-end.png", G_IO_ERROR_INVALID_DATA, "ends before its last part");
  assert_refused ("jpeg-truncated.jpg", G_IO_ERROR_INVALID_DATA, "damaged");
  assert_refused ("png-bad-crc.png", G_IO_ERROR_INVALID_DATA, "damaged");
  assert_refused ("png-zero-width.png", G_IO_ERROR_INVALID_DATA, "damaged");
  assert_refused ("png-is-gif.png", G_IO_ERROR_INVALID_DATA, "not a image/png");
}

static void
test_raster_bombs (void)
{
  /* A few hundred bytes claiming gigabytes of pixels: refused from the
   * header, before a single pixel is allocated. */
  assert_refused ("png-huge-dimensions.png", G_IO_ERROR_NO_SPACE, "100000 × 100000 pixels");
  assert_refused ("png-too-many-pixels.png", G_IO_ERROR_NO_SPACE, "16000 × 16000 pixels");
  assert_refused ("jpeg-huge-dimensions.jpg", G_IO_ERROR_NO_SPACE, "65000 × 65000 pixels");
}

static void
test_too_many_bytes (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (WM_PICTURE_MAX_BYTES + 1), WM_PICTURE_MAX_BYTES + 1);

  assert_refused_bytes (bytes, "image/png", G_IO_ERROR_NO_SPACE, "at most 4 MiB");
}

static void
test_svg_outside (void)
{
  static const struct {
    const char *name;
    const char *says;
  } cases[] = {
    { "svg-image-file-uri.svg", "“file:///etc/passwd”" },
    { "svg-xlink-absolute-path.svg", "“/etc/hostname”" },
    { "svg-relative-path.svg", "“../../../../etc/hostname”" },
    { "svg-http.svg", "“http://127.0.0.1:9/avatar.png”" },
    { "svg-use-other-file.svg", "from outside the picture" },
    { "svg-fill-other-file.svg", "“file:///tmp/p.svg#g”" },
    { "svg-stylesheet.svg", "style sheet from outside" },
    { "svg-css-import.svg", "imports a style sheet" },
    { "svg-xinclude.svg", "XInclude" },
    { "svg-xinclude-char-reference.svg", "XInclude" },
    { "svg-xml-base.svg", "“file:///etc/”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].name, G_IO_ERROR_PERMISSION_DENIED, cases[i].says);
}

/* A real file beside the test, named every way an SVG can name a file:
 * none of them is read, so none can be shown (or leak into an export). */
static void
test_svg_local_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-picture-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GBytes) png = hostile ("png-good.png");
  const char *forms[3];

  g_assert_no_error (error);
  path = g_build_filename (dir, "secret.png", NULL);
  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);

  forms[0] = path;
  forms[1] = uri;
  forms[2] = "secret.png";
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *svg = g_strdup_printf ("<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
                                              "<image href='%s' width='8' height='8'/></svg>", forms[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (svg, strlen (svg));

      assert_refused_bytes (bytes, "image/svg+xml", G_IO_ERROR_PERMISSION_DENIED, forms[i]);
    }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_svg_entities (void)
{
  /* A billion "lol"s from a kilobyte, and an entity that is another file. */
  assert_refused ("svg-billion-laughs.svg", G_IO_ERROR_NOT_SUPPORTED, "declares entities");
  assert_refused ("svg-external-entity.svg", G_IO_ERROR_NOT_SUPPORTED, "declares entities");
}

static void
test_svg_too_complex (void)
{
  /* Each of these took librsvg seconds to minutes to draw, or crashed it. */
  assert_refused ("svg-use-bomb.svg", G_IO_ERROR_NO_SPACE, "too complex");
  assert_refused ("svg-use-loop.svg", G_IO_ERROR_NO_SPACE, "too complex");
  assert_refused ("svg-deep-nesting.svg", G_IO_ERROR_NO_SPACE, "too complex");
  assert_refused ("svg-turbulence-octaves.svg", G_IO_ERROR_NO_SPACE, "octaves");
  assert_refused ("svg-marker-bomb.svg", G_IO_ERROR_NOT_SUPPORTED, "<marker>");
  assert_refused ("svg-convolve-matrix.svg", G_IO_ERROR_NOT_SUPPORTED, "<feConvolveMatrix>");
  assert_refused ("svg-text-bomb.svg", G_IO_ERROR_NO_SPACE, "bytes of text");
  assert_refused ("svg-filter-bomb.svg", G_IO_ERROR_NO_SPACE, "too complex");
}

/* Plain shapes, but more of them than a picture may draw. */
static void
test_svg_many_elements (void)
{
  GString *svg = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i <= WM_PICTURE_MAX_SVG_ELEMENTS; i++)
    g_string_append (svg, "<rect width='8' height='8'/>");
  g_string_append (svg, "</svg>");
  bytes = g_string_free_to_bytes (svg);
  assert_refused_bytes (bytes, "image/svg+xml", G_IO_ERROR_NO_SPACE, "too complex");
}

static void
test_svg_embedded (void)
{
  /* A picture inside the SVG is held to the same rules as one outside. */
  assert_refused ("svg-data-png-bomb.svg", G_IO_ERROR_NO_SPACE, "60000 × 60000 pixels");
  assert_refused ("svg-data-gif.svg", G_IO_ERROR_NOT_SUPPORTED, "not a PNG or JPEG");
}

static void
test_svg_encoding (void)
{
  /* What libxml2 would decode otherwise than the check reads it. */
  assert_refused ("svg-utf16.svg", G_IO_ERROR_INVALID_DATA, "UTF-8");
  assert_refused ("svg-utf7.svg", G_IO_ERROR_NOT_SUPPORTED, "save it as UTF-8");
  assert_refused ("svg-css-escape.svg", G_IO_ERROR_NOT_SUPPORTED, "escapes");
}

static void
test_svg_damaged (void)
{
  assert_refused ("svg-not-xml.svg", G_IO_ERROR_INVALID_DATA, "damaged");
  assert_refused ("svg-truncated.svg", G_IO_ERROR_INVALID_DATA, "damaged");
}

/* Every hostile file, whatever its name says, through every decoder:
 * nothing crashes, and what is refused says why. */
static void
test_every_decoder (void)
{
  static const char * const types[] = { "image/png", "image/jpeg", "image/svg+xml", "image/gif", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (g_str_has_suffix (name, ".py"))
        continue;
      bytes = hostile (name);
      for (guint i = 0; types[i] != NULL; i++)
        {
          g_autoptr(WmPicture) picture = wm_picture_new (bytes, types[i], &error);

          g_assert_true ((picture != NULL) != (error != NULL));
          if (error != NULL)
            g_assert_cmpstr (error->message, !=, "");
          g_clear_error (&error);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/picture/good", test_good);
  g_test_add_func ("/picture/raster/damaged", test_raster_damaged);
  g_test_add_func ("/picture/raster/bombs", test_raster_bombs);
  g_test_add_func ("/picture/too-many-bytes", test_too_many_bytes);
  g_test_add_func ("/picture/svg/outside", test_svg_outside);
  g_test_add_func ("/picture/svg/local-file", test_svg_local_file);
  g_test_add_func ("/picture/svg/entities", test_svg_entities);
  g_test_add_func ("/picture/svg/too-complex", test_svg_too_complex);
  g_test_add_func ("/picture/svg/many-elements", test_svg_many_elements);
  g_test_add_func ("/picture/svg/embedded", test_svg_embedded);
  g_test_add_func ("/picture/svg/encoding", test_svg_encoding);
  g_test_add_func ("/picture/svg/damaged", test_svg_damaged);
  g_test_add_func ("/picture/every-decoder", test_every_decoder);

  return g_test_run ();
}
