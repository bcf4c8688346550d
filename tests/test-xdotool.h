/* test-xdotool.h: what the tests that drive the real program share:
 * waiting on the main loop, and real input through xdotool. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs the main loop until @check says so; fails the test after a while. */
void      wait_for             (gboolean    (*check) (gpointer data),
                                gpointer      data,
                                const char   *what);
/* A check for wait_for(): the gboolean at @data is set. */
gboolean  is_true              (gpointer      data);
/* A GAsyncReadyCallback for g_subprocess_wait_async(): sets the gboolean at @data. */
void      on_subprocess_exited (GObject      *source,
                                GAsyncResult *result,
                                gpointer      data);
/* Runs xdotool with @format's words (separated by spaces), the main loop
 * going on meanwhile; gives its output, and in @success (nullable) whether
 * it succeeded. */
char     *xdotool              (gboolean     *success,
                                const char   *format,
                                ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
