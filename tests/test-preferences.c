/* test-preferences.c: the preferences window edits the settings, and the
 * settings show in it. */
#include <adwaita.h>

#include "test-ui.h"
#include "wm-preferences-window.h"

static gpointer
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer row = find_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkSpinButton *
spin_of (GtkWidget  *window,
         const char *title)
{
  AdwActionRow *row = find_row (window, title);

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (row));
}

static void
test_style_and_autosave (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.waymark.Waymark");
  GtkWidget *window = wm_preferences_window_new (NULL, settings);
  AdwComboRow *style = find_row (window, "Style");
  AdwComboRow *autosave = find_row (window, "Save Automatically");
  g_autofree char *nick = NULL;

  g_assert_nonnull (style);
  g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 0);
  adw_combo_row_set_selected (style, 2);
  nick = g_settings_get_string (settings, "style");
  g_assert_cmpstr (nick, ==, "dark");

  g_assert_cmpuint (adw_combo_row_get_selected (autosave), ==, 0);
  g_settings_set_uint (settings, "autosave-interval", 300);
  g_assert_cmpuint (adw_combo_row_get_selected (autosave), ==, 3);
  adw_combo_row_set_selected (autosave, 1);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 60);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "style");
  g_settings_reset (settings, "autosave-interval");
}

/* The default scale for new maps: its bottom always below its top. */
static void
test_scale (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.waymark.Waymark");
  GtkWidget *window = wm_preferences_window_new (NULL, settings);
  GtkSpinButton *low = spin_of (window, "Lowest score");
  GtkSpinButton *high = spin_of (window, "Highest score");

  gtk_spin_button_set_value (high, 5);
  g_assert_cmpint (g_settings_get_int (settings, "emotion-scale-max"), ==, 5);

  gtk_spin_button_set_value (low, 0);
  gtk_spin_button_set_value (high, 0);
  g_assert_cmpint (g_settings_get_int (settings, "emotion-scale-max"), ==, 0);
  g_assert_cmpint (g_settings_get_int (settings, "emotion-scale-min"), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "emotion-scale-min");
  g_settings_reset (settings, "emotion-scale-max");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/preferences/style-and-autosave", test_style_and_autosave);
  g_test_add_func ("/preferences/scale", test_scale);

  return g_test_run ();
}
