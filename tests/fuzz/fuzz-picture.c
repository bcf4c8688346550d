/* fuzz-picture.c: libFuzzer on the picture decoder (wm-picture.h).
 *
 * The input goes to the decoder its first bytes call for, as a map's
 * picture_type would: PNG, JPEG, or else SVG; a decoded picture is drawn.
 */
#include <string.h>

#include "fuzz-util.h"
#include "wm-picture.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  const char *type = "image/svg+xml";
  g_autoptr(WmPicture) picture = NULL;

  if (size >= 4 && memcmp (data, "\x89PNG", 4) == 0)
    type = "image/png";
  else if (size >= 2 && memcmp (data, "\xff\xd8", 2) == 0)
    type = "image/jpeg";

  picture = wm_picture_new (bytes, type, NULL);
  if (picture != NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 48, 48);
      cairo_t *cr = cairo_create (surface);
      const WmRect rect = { 0, 0, 48, 48 };

      wm_picture_draw (picture, cr, &rect);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  return 0;
}
