/* wm-preferences-window.c: Waymark's preferences.
 *
 * Each row is bound to its GSettings key, so that a change applies at once
 * and is kept; the application and its windows follow the keys.
 */
#include "wm-preferences-window.h"

#include <glib/gi18n.h>

#include "wm-widget-util.h"

struct _WmPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  GtkSpinButton *scale_min;
  GtkSpinButton *scale_max;
};

G_DEFINE_FINAL_TYPE (WmPreferencesWindow, wm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* What the autosave row offers: off, or every few minutes. */
static const guint autosave_seconds[] = { 0, 60, 120, 300, 600 };

static gboolean
style_to_row (GValue   *value,
              GVariant *variant,
              gpointer  data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "light") ? 1 : g_str_equal (nick, "dark") ? 2 : 0);
  return TRUE;
}

static GVariant *
row_to_style (const GValue       *value,
              const GVariantType *type,
              gpointer            data)
{
  static const char * const nicks[] = { "system", "light", "dark" };

  return g_variant_new_string (nicks[MIN (g_value_get_uint (value), G_N_ELEMENTS (nicks) - 1)]);
}

static gboolean
seconds_to_row (GValue   *value,
                GVariant *variant,
                gpointer  data)
{
  guint seconds = g_variant_get_uint32 (variant);
  guint row = 0;

  /* The nearest choice at or below what the key holds. */
  for (guint i = 0; i < G_N_ELEMENTS (autosave_seconds); i++)
    if (autosave_seconds[i] <= seconds)
      row = i;
  g_value_set_uint (value, row);
  return TRUE;
}

static GVariant *
row_to_seconds (const GValue       *value,
                const GVariantType *type,
                gpointer            data)
{
  return g_variant_new_uint32 (autosave_seconds[MIN (g_value_get_uint (value), G_N_ELEMENTS (autosave_seconds) - 1)]);
}

static GtkWidget *
combo_row (const char         *title,
           const char         *subtitle,
           const char * const *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return row;
}

static GtkSpinButton *
spin_row (AdwPreferencesGroup *group,
          const char          *title,
          int                  low,
          int                  high)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (low, high, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  wm_widget_set_numeric_direction (spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

/* A scale needs its bottom below its top: moving one past the other
 * takes the other along. */
static void
on_scale_min_changed (WmPreferencesWindow *self)
{
  int low = gtk_spin_button_get_value_as_int (self->scale_min);

  if (low >= gtk_spin_button_get_value_as_int (self->scale_max))
    gtk_spin_button_set_value (self->scale_max, low + 1);
}

static void
on_scale_max_changed (WmPreferencesWindow *self)
{
  int high = gtk_spin_button_get_value_as_int (self->scale_max);

  if (high <= gtk_spin_button_get_value_as_int (self->scale_min))
    gtk_spin_button_set_value (self->scale_min, high - 1);
}

static void
wm_preferences_window_dispose (GObject *object)
{
  WmPreferencesWindow *self = WM_PREFERENCES_WINDOW (object);

  /* The rows go before the window: no more keeping the scale in order. */
  if (self->scale_min != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->scale_min, self);
      g_signal_handlers_disconnect_by_data (self->scale_max, self);
      self->scale_min = self->scale_max = NULL;
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wm_preferences_window_parent_class)->dispose (object);
}

static void
wm_preferences_window_class_init (WmPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wm_preferences_window_dispose;
}

static void
wm_preferences_window_init (WmPreferencesWindow *self)
{
}

static void
build (WmPreferencesWindow *self)
{
  const char *styles[] = { _("Follow the System"), _("Light"), _("Dark"), NULL };
  const char *intervals[] = { _("Never"), _("Every Minute"), _("Every 2 Minutes"),
                              _("Every 5 Minutes"), _("Every 10 Minutes"), NULL };
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *appearance = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *maps = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *saving = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *style = combo_row (_("Style"), _("Exports use the theme chosen when exporting"), styles);
  GtkWidget *autosave = combo_row (_("Save Automatically"),
                                   _("Saves changed maps to their files. Unsaved changes are kept "
                                     "for recovery after a crash either way."),
                                   intervals);

  adw_preferences_group_set_title (appearance, _("Appearance"));
  adw_preferences_group_add (appearance, style);

  adw_preferences_group_set_title (maps, _("New Maps"));
  adw_preferences_group_set_description (maps, _("The emotion scale a new map starts with"));
  self->scale_min = spin_row (maps, _("Lowest score"), -10, 0);
  self->scale_max = spin_row (maps, _("Highest score"), 0, 10);

  adw_preferences_group_set_title (saving, _("Saving"));
  adw_preferences_group_add (saving, autosave);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), appearance);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), maps);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), saving);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  g_settings_bind_with_mapping (self->settings, "style", style, "selected", G_SETTINGS_BIND_DEFAULT,
                                style_to_row, row_to_style, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "autosave-interval", autosave, "selected",
                                G_SETTINGS_BIND_DEFAULT, seconds_to_row, row_to_seconds, NULL, NULL);
  g_settings_bind (self->settings, "emotion-scale-min", self->scale_min, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "emotion-scale-max", self->scale_max, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->scale_min, "value-changed", G_CALLBACK (on_scale_min_changed), self);
  g_signal_connect_swapped (self->scale_max, "value-changed", G_CALLBACK (on_scale_max_changed), self);
}

GtkWidget *
wm_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  WmPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "search-enabled", FALSE,
                       NULL);
  self->settings = g_object_ref (settings);
  build (self);
  return GTK_WIDGET (self);
}
