/* test-ui.h: what every test of the editor shares. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* GTK and libadwaita for a test, with GTK's accessibility backend for
 * tests: it keeps what a screen reader would be told, for the tests to
 * check, and needs no session bus. */
void     ui_test_init (int          *argc,
                       char       ***argv);
/* The item of @list at @position, which @list keeps alive. */
gpointer nth          (GListModel   *list,
                       guint         position);

G_END_DECLS
