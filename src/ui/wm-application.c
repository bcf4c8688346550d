/* wm-application.c: the Waymark application: one window per map.
 *
 * At start, the first instance looks for maps whose changes were not
 * saved when Waymark last stopped (wm-recovery.h), and once its first
 * windows show, offers to restore them. */
#include "config.h"

#include "wm-application.h"

#include <glib/gi18n.h>

#include "wm-preferences-window.h"
#include "wm-recovery.h"
#include "wm-recovery-dialog.h"
#include "wm-window.h"

#define APPLICATION_ID "io.github.waymark.Waymark"

struct _WmApplication
{
  AdwApplication parent_instance;

  GPtrArray *orphans;   /* found at start, until offered */
  GSettings *settings;
  guint autosave_id;
};

G_DEFINE_FINAL_TYPE (WmApplication, wm_application, ADW_TYPE_APPLICATION)

static void
new_window (WmApplication *self)
{
  WmWindow *window = wm_window_new (GTK_APPLICATION (self));

  wm_window_show_welcome (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_recovery_response (WmRecoveryDialog *dialog,
                      const char       *response,
                      WmApplication    *self)
{
  GListModel *maps = wm_recovery_dialog_get_maps (dialog);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  WmWindow *current = WM_IS_WINDOW (parent) ? WM_WINDOW (parent) : NULL;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  /* Unanswered, the maps stay for the next start. */
  for (guint i = 0; i < g_list_model_get_n_items (maps); i++)
    {
      g_autoptr(WmRecovery) map = g_list_model_get_item (maps, i);

      if (g_str_equal (response, "restore"))
        current = wm_window_show_recovered (GTK_APPLICATION (self), map, current);
      else if (g_str_equal (response, "discard"))
        wm_recovery_discard (map);
    }
}

/* Asks, over the window just shown, what to do with the maps found at
 * start; once. */
static void
offer_recovery (WmApplication *self)
{
  g_autoptr(GPtrArray) orphans = g_steal_pointer (&self->orphans);
  g_autoptr(GListStore) maps = NULL;
  WmRecoveryDialog *dialog;

  if (orphans == NULL || orphans->len == 0)
    return;

  maps = g_list_store_new (WM_TYPE_RECOVERY);
  g_list_store_splice (maps, 0, 0, orphans->pdata, orphans->len);
  dialog = wm_recovery_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   G_LIST_MODEL (maps));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
wm_application_activate (GApplication *application)
{
  new_window (WM_APPLICATION (application));
  offer_recovery (WM_APPLICATION (application));
}

static void
wm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  /* A map open already comes to the front; a broken one still gets a
   * window, on a new map, saying what went wrong. */
  for (int i = 0; i < n_files; i++)
    wm_window_show_file (GTK_APPLICATION (application), files[i], NULL);
  offer_recovery (WM_APPLICATION (application));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  new_window (WM_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Waymark developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Waymark"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Design customer journey maps backed by evidence"),
                         "website", "https://github.com/waymark/waymark",
                         "issue-url", "https://github.com/waymark/waymark/issues",
                         "developers", developers,
                         /* TRANSLATORS: your names, one a line, to thank you in the About window */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Waymark developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WmApplication *self = WM_APPLICATION (user_data);
  GtkWidget *window = wm_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                 self->settings);

  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Each window asks about its own unsaved changes before it goes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { .name = "new-window", .activate = new_window_action },
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "quit", .activate = quit_action },
};

/* The settings, if their schema is installed: run from a build tree
 * without it (GSETTINGS_SCHEMA_DIR unset), Waymark works and forgets. */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: preferences will not be kept", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* The style chosen in the preferences; the canvas follows it with the
 * rest of the interface. */
static void
apply_style (WmApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint style = g_settings_get_enum (self->settings, "style");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (style, G_N_ELEMENTS (schemes) - 1)]);
}

static gboolean
autosave (gpointer data)
{
  WmApplication *self = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (WM_IS_WINDOW (l->data))
      wm_window_autosave (l->data);
  return G_SOURCE_CONTINUE;
}

/* Saves changed maps to their files every so often, if asked to. */
static void
schedule_autosave (WmApplication *self)
{
  guint seconds = g_settings_get_uint (self->settings, "autosave-interval");

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (seconds > 0)
    self->autosave_id = g_timeout_add_seconds (seconds, autosave, self);
}

static void
wm_application_startup (GApplication *application)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *new_accels[] = { "<Control>n", NULL };
  const char *close_accels[] = { "<Control>w", NULL };

  const char *preferences_accels[] = { "<Control>comma", NULL };
  WmApplication *self = WM_APPLICATION (application);

  G_APPLICATION_CLASS (wm_application_parent_class)->startup (application);

  self->settings = open_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::autosave-interval",
                               G_CALLBACK (schedule_autosave), self, G_CONNECT_SWAPPED);
      apply_style (self);
      schedule_autosave (self);
    }

  /* Taken now, so that another instance starting does not offer them too. */
  WM_APPLICATION (application)->orphans = wm_recovery_find_orphans (NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (application), "preferences")),
                               self->settings != NULL);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-window", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
  /* GtkWindow's own action, which asks about unsaved changes like the close button. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
}

static void
wm_application_finalize (GObject *object)
{
  WmApplication *self = WM_APPLICATION (object);

  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wm_application_parent_class)->finalize (object);
}

static void
wm_application_class_init (WmApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = wm_application_finalize;
  application_class->activate = wm_application_activate;
  application_class->open = wm_application_open;
  application_class->startup = wm_application_startup;
}

static void
wm_application_init (WmApplication *self)
{
}

WmApplication *
wm_application_new (void)
{
  return g_object_new (WM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/waymark/Waymark",
                       NULL);
}

/**
 * wm_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, once
 *   it has started
 */
GSettings *
wm_application_get_settings (WmApplication *self)
{
  g_return_val_if_fail (WM_IS_APPLICATION (self), NULL);

  return self->settings;
}
