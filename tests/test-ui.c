/* test-ui.c: what every test of the editor shares. */
#include "test-ui.h"

#include <adwaita.h>

void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *state = g_dir_make_tmp ("waymark-test-state-XXXXXX", NULL);

  /* Copies of unsaved maps go to a folder of this test's own: none left by
   * another test (or an earlier run) is offered back here. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

gpointer
nth (GListModel *list,
     guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, position);

  g_assert_nonnull (item);
  return item;
}
