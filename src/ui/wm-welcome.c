/* wm-welcome.c: what a window shows when no map is open in it.
 *
 * Start a map from one of the templates, open one of the maps used
 * lately (from GtkRecentManager, the desktop's shared list), or open a
 * file. Choosing emits a signal; the window does the rest.
 */
#include "wm-welcome.h"

#include <glib/gi18n.h>

#include "wm-template.h"

#define MAX_RECENT 8
#define MAP_MIME_TYPE "application/x-waymark"

struct _WmWelcome
{
  GtkWidget parent_instance;

  GtkWidget *page;
  GtkWidget *templates;
  GtkWidget *recent_group;
  GtkWidget *recent;
  GPtrArray *template_rows;
};

enum {
  SIGNAL_TEMPLATE_CHOSEN,
  SIGNAL_FILE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmWelcome, wm_welcome, GTK_TYPE_WIDGET)

static void
on_template_activated (AdwActionRow *row,
                       WmWelcome    *self)
{
  g_signal_emit (self, signals[SIGNAL_TEMPLATE_CHOSEN], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "wm-template")));
}

static void
on_recent_activated (AdwActionRow *row,
                     WmWelcome    *self)
{
  g_signal_emit (self, signals[SIGNAL_FILE_CHOSEN], 0, g_object_get_data (G_OBJECT (row), "wm-file"));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (arrow, "dim-label");
  gtk_widget_set_direction (arrow, GTK_TEXT_DIR_NONE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static gboolean
is_map (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  return g_strcmp0 (mime_type, MAP_MIME_TYPE) == 0 ||
         g_str_has_suffix (gtk_recent_info_get_uri (info), ".waymark");
}

static int
by_most_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *first = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *second = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (second, first);
}

void
wm_welcome_update (WmWelcome *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  GtkWidget *child;

  g_return_if_fail (WM_IS_WELCOME (self));

  while ((child = gtk_widget_get_first_child (self->recent)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->recent), child);

  for (GList *l = items; l != NULL; l = l->next)
    if (is_map (l->data) && gtk_recent_info_exists (l->data))
      g_ptr_array_add (maps, l->data);
  g_ptr_array_sort (maps, by_most_recent);

  for (guint i = 0; i < MIN (maps->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (maps, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
      GtkWidget *row = new_row (gtk_recent_info_get_display_name (info), folder, "document-open-recent-symbolic");

      g_object_set_data_full (G_OBJECT (row), "wm-file", g_steal_pointer (&file), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_recent_activated), self);
      gtk_list_box_append (GTK_LIST_BOX (self->recent), row);
    }
  gtk_widget_set_visible (self->recent_group, maps->len > 0);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
group (const char *title,
       GtkWidget  *list)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

static void
wm_welcome_dispose (GObject *object)
{
  WmWelcome *self = WM_WELCOME (object);

  g_clear_pointer (&self->page, gtk_widget_unparent);
  g_clear_pointer (&self->template_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_welcome_parent_class)->dispose (object);
}

static void
wm_welcome_class_init (WmWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_welcome_dispose;

  /**
   * WmWelcome::template-chosen:
   * @template_kind: a #WmTemplate
   */
  signals[SIGNAL_TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_FILE_CHOSEN] =
    g_signal_new ("file-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wm-welcome");
}

static void
wm_welcome_init (WmWelcome *self)
{
  static const char * const icons[] = {
    [WM_TEMPLATE_FIVE_STAGES] = "view-continuous-symbolic",
    [WM_TEMPLATE_FOUR_STEPS] = "view-paged-symbolic",
    [WM_TEMPLATE_SERVICE_BLUEPRINT] = "view-grid-symbolic",
    [WM_TEMPLATE_FUTURE_STATE] = "star-new-symbolic",
    [WM_TEMPLATE_EMPTY] = "document-new-symbolic",
  };
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open a Map…"));

  self->template_rows = g_ptr_array_new ();
  self->templates = boxed_list ();
  for (guint i = 0; i < WM_N_TEMPLATES; i++)
    {
      g_autofree char *summary = wm_template_get_summary (i);
      GtkWidget *row = new_row (wm_template_get_name (i), summary, icons[i]);

      g_object_set_data (G_OBJECT (row), "wm-template", GUINT_TO_POINTER (i));
      g_signal_connect (row, "activated", G_CALLBACK (on_template_activated), self);
      gtk_list_box_append (GTK_LIST_BOX (self->templates), row);
      g_ptr_array_add (self->template_rows, row);
    }

  self->recent = boxed_list ();
  self->recent_group = group (_("Recent Maps"), self->recent);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open");
  gtk_widget_set_halign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "pill");

  gtk_box_append (GTK_BOX (box), group (_("New Map"), self->templates));
  gtk_box_append (GTK_BOX (box), self->recent_group);
  gtk_box_append (GTK_BOX (box), open);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  self->page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->page), "io.github.waymark.Waymark");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->page), _("Map a Customer Journey"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->page),
                                   _("Start from a template or open a map you worked on"));
  adw_status_page_set_child (ADW_STATUS_PAGE (self->page), clamp);
  gtk_widget_set_parent (self->page, GTK_WIDGET (self));

  wm_welcome_update (self);
}

GtkWidget *
wm_welcome_new (void)
{
  return g_object_new (WM_TYPE_WELCOME, NULL);
}

/**
 * wm_welcome_get_template_row:
 *
 * Returns: (transfer none): the row that starts a map from @template_kind
 */
GtkWidget *
wm_welcome_get_template_row (WmWelcome *self,
                             guint      template_kind)
{
  g_return_val_if_fail (WM_IS_WELCOME (self), NULL);
  g_return_val_if_fail (template_kind < self->template_rows->len, NULL);

  return g_ptr_array_index (self->template_rows, template_kind);
}

/**
 * wm_welcome_get_recent_rows:
 *
 * Returns: (transfer container) (element-type GtkWidget): the rows of the
 *   recent maps, most recent first
 */
GList *
wm_welcome_get_recent_rows (WmWelcome *self)
{
  GList *rows = NULL;

  g_return_val_if_fail (WM_IS_WELCOME (self), NULL);

  for (GtkWidget *child = gtk_widget_get_last_child (self->recent); child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    rows = g_list_prepend (rows, child);
  return rows;
}
