/* test-welcome.c: the page a window shows when no map is open: templates,
 * recent maps, and what choosing one of them says. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-ui.h"
#include "wm-template.h"
#include "wm-welcome.h"

/* A welcome page in a window of its own, as rows activate only there. */
static WmWelcome *
welcome_in_window (GtkWidget **window)
{
  WmWelcome *welcome = WM_WELCOME (wm_welcome_new ());

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (welcome));
  gtk_window_present (GTK_WINDOW (*window));
  return welcome;
}

static void
on_template_chosen (WmWelcome *welcome,
                    guint      template_kind,
                    guint     *chosen)
{
  *chosen = template_kind;
}

static void
on_file_chosen (WmWelcome *welcome,
                GFile     *file,
                GFile    **chosen)
{
  g_set_object (chosen, file);
}

/* Each template has a row that names it and its stages; activating it
 * says which template. */
static void
test_templates (void)
{
  GtkWidget *window;
  WmWelcome *welcome = welcome_in_window (&window);
  guint chosen = G_MAXUINT;

  g_signal_connect (welcome, "template-chosen", G_CALLBACK (on_template_chosen), &chosen);
  for (guint i = 0; i < WM_N_TEMPLATES; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (wm_welcome_get_template_row (welcome, i));

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, wm_template_get_name (i));
      gtk_widget_activate (GTK_WIDGET (row));
      g_assert_cmpuint (chosen, ==, i);
    }
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (wm_welcome_get_template_row (welcome, WM_TEMPLATE_FOUR_STEPS))),
                            "Compare → Purchase and payment"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_recent_changed (GtkRecentManager *manager,
                   gboolean         *changed)
{
  *changed = TRUE;
}

/* A map used lately is offered; one that no longer exists is not. */
static void
test_recent (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-welcome-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workshop.waymark", NULL);
  g_autofree char *gone_path = g_build_filename (dir, "gone.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) gone = g_file_new_for_path (gone_path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *gone_uri = g_file_get_uri (gone);
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GFile) chosen = NULL;
  gboolean changed = FALSE;
  GtkWidget *window;
  WmWelcome *welcome;
  GList *rows;

  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  g_signal_connect (manager, "changed", G_CALLBACK (on_recent_changed), &changed);
  gtk_recent_manager_add_item (manager, gone_uri);
  gtk_recent_manager_add_item (manager, uri);
  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (manager, &changed);

  welcome = welcome_in_window (&window);
  g_signal_connect (welcome, "file-chosen", G_CALLBACK (on_file_chosen), &chosen);
  rows = wm_welcome_get_recent_rows (welcome);
  g_assert_cmpuint (g_list_length (rows), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->data), ==, "workshop.waymark");
  gtk_widget_activate (rows->data);
  g_assert_nonnull (chosen);
  g_assert_true (g_file_equal (chosen, file));

  g_list_free (rows);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("test-welcome-data-XXXXXX", NULL);

  /* A recent-files list of the test's own, not the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/welcome/templates", test_templates);
  g_test_add_func ("/welcome/recent", test_recent);

  return g_test_run ();
}
