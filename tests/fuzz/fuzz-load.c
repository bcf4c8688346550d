/* fuzz-load.c: libFuzzer on the map loader (wm-format.h).
 *
 * Any bytes: loading and checking must neither crash nor leak; and a map
 * that loads must save to a file that loads, and saves again to the same
 * bytes, or work would change (or be lost) on every save.
 */
#include "fuzz-util.h"
#include "wm-format.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(WmDocument) document = wm_format_load_bytes (bytes, NULL);
  g_auto(GStrv) problems = wm_format_check_bytes (bytes);

  if (document != NULL)
    fuzz_assert_round_trip (document);

  return 0;
}
