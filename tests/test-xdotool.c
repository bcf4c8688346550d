/* test-xdotool.c: what the tests that drive the real program share. */
#include "test-xdotool.h"

#define WAIT_SECONDS 20

void
wait_for (gboolean  (*check) (gpointer data),
          gpointer    data,
          const char *what)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
on_subprocess_exited (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) data = TRUE;
}

char *
xdotool (gboolean   *success,
         const char *format,
         ...)
{
  g_autofree char *script = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) output = NULL;
  gboolean exited = FALSE;
  va_list args;

  va_start (args, format);
  script = g_strdup_vprintf (format, args);
  va_end (args);
  words = g_strsplit (script, " ", -1);

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (argv, words[i]);
  g_ptr_array_add (argv, NULL);

  g_test_message ("xdotool %s", script);
  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_subprocess_exited, &exited);
  wait_for (is_true, &exited, "xdotool");
  g_subprocess_communicate (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  if (success != NULL)
    *success = g_subprocess_get_successful (process);

  /* Empty bytes may have no data at all. */
  if (output == NULL || g_bytes_get_size (output) == 0)
    return g_strdup ("");
  return g_strndup (g_bytes_get_data (output, NULL), g_bytes_get_size (output));
}
