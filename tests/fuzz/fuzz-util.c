/* fuzz-util.c: what the fuzz targets share. */
#include "fuzz-util.h"

#include <stdlib.h>

#include "wm-format.h"

/* For the targets that need nothing else at start; fuzz-paste has its own
 * LLVMFuzzerInitialize, so this one is weak. */
__attribute__ ((weak)) int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

/* A critical or a warning is a bug the input found: a crash libFuzzer
 * reports, with the input. GLib would stop with SIGTRAP, which libFuzzer
 * does not catch. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  g_log_writer_default (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_init (void)
{
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
}

void
fuzz_assert_equal (GBytes     *a,
                   GBytes     *b,
                   const char *what)
{
  if (!g_bytes_equal (a, b))
    g_error ("%s changed the map:\n%.*s\n----\n%.*s", what,
             (int) g_bytes_get_size (a), (const char *) g_bytes_get_data (a, NULL),
             (int) g_bytes_get_size (b), (const char *) g_bytes_get_data (b, NULL));
}

/* A map that is open must save to a file that loads, to the same map. */
void
fuzz_assert_round_trip (WmDocument *document)
{
  g_autoptr(GBytes) saved = wm_format_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) loaded = wm_format_load_bytes (saved, &error);
  g_autoptr(GBytes) saved_again = NULL;

  if (loaded == NULL)
    g_error ("a saved map does not load: %s\n%.*s", error->message,
             (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL));
  saved_again = wm_format_save_bytes (loaded);
  fuzz_assert_equal (saved, saved_again, "saving and loading");
}
