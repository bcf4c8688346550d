/* wm-recovery-dialog.c: the question, at start, about maps whose changes
 * were not saved when Waymark last stopped.
 *
 * It lists each map as the user knows it: its title, its file (or that it
 * was never saved) and when it was last changed. The answer is the
 * dialog's response: "restore", "discard", or "later" when it is closed
 * unanswered; the application acts on it.
 */
#include "wm-recovery-dialog.h"

#include <glib/gi18n.h>

#include "wm-recovery.h"

struct _WmRecoveryDialog
{
  AdwMessageDialog parent_instance;

  GtkListBox *list;
  GListModel *maps;
};

G_DEFINE_FINAL_TYPE (WmRecoveryDialog, wm_recovery_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_MAPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where a map's file is, as a person would write it: "~/Maps/car.waymark". */
static char *
file_location (GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *home = g_strconcat (g_get_home_dir (), G_DIR_SEPARATOR_S, NULL);

  if (g_str_has_prefix (name, home))
    return g_strconcat ("~" G_DIR_SEPARATOR_S, name + strlen (home), NULL);
  return g_steal_pointer (&name);
}

static char *
change_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* TRANSLATORS: when a map was last changed, today; a g_date_time_format() format */
    return g_date_time_format (local, _("Changed today at %H:%M"));

  /* TRANSLATORS: when a map was last changed; a g_date_time_format() format */
  return g_date_time_format (local, _("Changed on %e %B %Y at %H:%M"));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  WmRecovery *map = item;
  const char *title = wm_recovery_get_title (map);
  GFile *file = wm_recovery_get_file (map);
  g_autofree char *location = file != NULL ? file_location (file) : g_strdup (_("Never saved"));
  g_autofree char *when = change_time (wm_recovery_get_time (map));
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", location, when);

  /* Titles and file names are the user's, not markup. */
  return g_object_new (ADW_TYPE_ACTION_ROW,
                       "use-markup", FALSE,
                       "title", *title != '\0' ? title : _("Untitled Map"),
                       "subtitle", subtitle,
                       "activatable", FALSE,
                       NULL);
}

static void
wm_recovery_dialog_constructed (GObject *object)
{
  WmRecoveryDialog *self = WM_RECOVERY_DIALOG (object);
  guint n = g_list_model_get_n_items (self->maps);

  G_OBJECT_CLASS (wm_recovery_dialog_parent_class)->constructed (object);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  g_dngettext (GETTEXT_PACKAGE, "Restore Unsaved Map?", "Restore Unsaved Maps?", n));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Waymark quit unexpectedly before the changes to this map were saved.",
                                            "Waymark quit unexpectedly before the changes to these maps were saved.",
                                            n));
  gtk_list_box_bind_model (self->list, self->maps, create_row, NULL, NULL);
}

static void
wm_recovery_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WmRecoveryDialog *self = WM_RECOVERY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MAPS:
      g_value_set_object (value, self->maps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_recovery_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WmRecoveryDialog *self = WM_RECOVERY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MAPS:
      self->maps = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_recovery_dialog_dispose (GObject *object)
{
  WmRecoveryDialog *self = WM_RECOVERY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_RECOVERY_DIALOG);
  g_clear_object (&self->maps);

  G_OBJECT_CLASS (wm_recovery_dialog_parent_class)->dispose (object);
}

static void
wm_recovery_dialog_class_init (WmRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wm_recovery_dialog_constructed;
  object_class->dispose = wm_recovery_dialog_dispose;
  object_class->get_property = wm_recovery_dialog_get_property;
  object_class->set_property = wm_recovery_dialog_set_property;

  properties[PROP_MAPS] =
    g_param_spec_object ("maps", "Maps", "The unsaved maps (WmRecovery) to offer",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-recovery-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmRecoveryDialog, list);
}

static void
wm_recovery_dialog_init (WmRecoveryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WmRecoveryDialog *
wm_recovery_dialog_new (GtkWindow  *parent,
                        GListModel *maps)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (maps), NULL);

  return g_object_new (WM_TYPE_RECOVERY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "maps", maps,
                       NULL);
}

/**
 * wm_recovery_dialog_get_maps:
 *
 * Returns: (transfer none): the maps offered, as #WmRecovery slots
 */
GListModel *
wm_recovery_dialog_get_maps (WmRecoveryDialog *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY_DIALOG (self), NULL);

  return self->maps;
}
