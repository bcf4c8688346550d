/* wm-application.c: the Waymark application: one window per map. */
#include "config.h"

#include "wm-application.h"

#include <glib/gi18n.h>

#include "wm-window.h"

struct _WmApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (WmApplication, wm_application, ADW_TYPE_APPLICATION)

static void
new_window (WmApplication *self)
{
  WmWindow *window = wm_window_new (GTK_APPLICATION (self));

  wm_window_start_new_map (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
wm_application_activate (GApplication *application)
{
  new_window (WM_APPLICATION (application));
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
                         "application-icon", "io.github.waymark.Waymark",
                         "version", PACKAGE_VERSION,
                         "comments", _("Design customer journey maps backed by evidence"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
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
  { .name = "quit", .activate = quit_action },
};

static void
wm_application_startup (GApplication *application)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *new_accels[] = { "<Control>n", NULL };
  const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (wm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-window", new_accels);
  /* GtkWindow's own action, which asks about unsaved changes like the close button. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
}

static void
wm_application_class_init (WmApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

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
                       "application-id", "io.github.waymark.Waymark",
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/waymark/Waymark",
                       NULL);
}
