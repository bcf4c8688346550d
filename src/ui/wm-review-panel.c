/* wm-review-panel.c: what weakens the map, listed by level.
 *
 * The findings of wm_review_map() in three groups: errors, warnings and
 * notes, each named in its heading and marked by an icon of its own in
 * every row (and told to a screen reader), so that no level is told by
 * colour alone. The review runs again when a change of the map is over,
 * and only while the panel is shown; the rows are reused, so that a row
 * with the keyboard focus keeps it when the map changes around it.
 */
#include "wm-review-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-review.h"
#include "wm-widget-util.h"

#define N_LEVELS (WM_REVIEW_INFO + 1)

static const struct
{
  const char *icon;
  const char *style;
  const char *name;    /* of one finding, for a screen reader */
} level_info[N_LEVELS] = {
  [WM_REVIEW_ERROR] = { "dialog-error-symbolic", "error", N_("Error") },
  [WM_REVIEW_WARNING] = { "dialog-warning-symbolic", "warning", N_("Warning") },
  [WM_REVIEW_INFO] = { "dialog-information-symbolic", "accent", N_("Note") },
};

typedef struct
{
  AdwPreferencesGroup *group;
  GPtrArray *rows;            /* of AdwActionRow, as the group shows them */
} Level;

struct _WmReviewPanel
{
  GtkWidget parent_instance;

  GtkStack *stack;
  Level levels[N_LEVELS];

  WmDocument *document;
  WmSelection *selection;
  guint refresh_source;
  gboolean stale;             /* the map changed while the panel was hidden */
};

G_DEFINE_FINAL_TYPE (WmReviewPanel, wm_review_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
level_title (WmReviewLevel level,
             guint         n)
{
  switch (level)
    {
    case WM_REVIEW_ERROR:
      /* TRANSLATORS: the heading of the errors of a map review */
      return g_strdup_printf (ngettext ("%u Error", "%u Errors", n), n);
    case WM_REVIEW_WARNING:
      /* TRANSLATORS: the heading of the warnings of a map review */
      return g_strdup_printf (ngettext ("%u Warning", "%u Warnings", n), n);
    case WM_REVIEW_INFO:
    default:
      /* TRANSLATORS: the heading of the notes (information) of a map review */
      return g_strdup_printf (ngettext ("%u Note", "%u Notes", n), n);
    }
}

static void
on_row_activated (WmReviewPanel *self,
                  AdwActionRow  *row)
{
  WmElement *element = g_object_get_data (G_OBJECT (row), "wm-element");

  if (element == NULL)
    return;

  /* The map itself is shown when nothing is selected. */
  if (self->selection != NULL && WM_IS_DOCUMENT (element))
    wm_selection_clear (self->selection);
  else if (self->selection != NULL)
    wm_selection_select (self->selection, element);
  g_signal_emit (self, signals[SIGNAL_ELEMENT_ACTIVATED], 0, element);
}

static GtkWidget *
finding_row_new (WmReviewPanel *self,
                 WmReviewLevel  level)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (level_info[level].icon);

  gtk_widget_add_css_class (icon, level_info[level].style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(level_info[level].name), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _(level_info[level].name), -1);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (on_row_activated), self);
  return row;
}

/* Shows @findings (of WmReviewFinding) in @level's group. */
static void
show_level (WmReviewPanel *self,
            WmReviewLevel  level,
            GPtrArray     *findings)
{
  Level *l = &self->levels[level];
  g_autofree char *title = level_title (level, findings->len);

  while (l->rows->len > findings->len)
    {
      adw_preferences_group_remove (l->group, g_ptr_array_index (l->rows, l->rows->len - 1));
      g_ptr_array_set_size (l->rows, l->rows->len - 1);
    }
  while (l->rows->len < findings->len)
    {
      GtkWidget *row = finding_row_new (self, level);

      adw_preferences_group_add (l->group, row);
      g_ptr_array_add (l->rows, row);
    }

  for (guint i = 0; i < findings->len; i++)
    {
      WmReviewFinding *finding = g_ptr_array_index (findings, i);
      GObject *row = g_ptr_array_index (l->rows, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      g_object_set_data_full (row, "wm-element", g_object_ref (finding->element), g_object_unref);
    }

  adw_preferences_group_set_title (l->group, title);
  gtk_widget_set_visible (GTK_WIDGET (l->group), findings->len > 0);
}

static void
refresh (WmReviewPanel *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  GPtrArray *by_level[N_LEVELS];
  guint total = 0;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;

  findings = self->document != NULL ? wm_review_map (self->document, NULL) : g_ptr_array_new ();
  for (guint level = 0; level < N_LEVELS; level++)
    by_level[level] = g_ptr_array_new ();
  for (guint i = 0; i < findings->len; i++)
    {
      WmReviewFinding *finding = g_ptr_array_index (findings, i);

      g_ptr_array_add (by_level[MIN (finding->level, N_LEVELS - 1)], finding);
    }

  for (guint level = 0; level < N_LEVELS; level++)
    {
      show_level (self, level, by_level[level]);
      total += by_level[level]->len;
      g_ptr_array_unref (by_level[level]);
    }
  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "findings" : "empty");
}

static gboolean
refresh_idle (gpointer data)
{
  WmReviewPanel *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Reviews again when the change is over; a hidden panel waits to be shown. */
static void
queue_refresh (WmReviewPanel *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
wm_review_panel_map (GtkWidget *widget)
{
  WmReviewPanel *self = WM_REVIEW_PANEL (widget);

  GTK_WIDGET_CLASS (wm_review_panel_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
wm_review_panel_dispose (GObject *object)
{
  WmReviewPanel *self = WM_REVIEW_PANEL (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  wm_review_panel_set_selection (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (wm_document_get_history (self->document), self);
  g_clear_object (&self->document);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }

  G_OBJECT_CLASS (wm_review_panel_parent_class)->dispose (object);
}

static void
wm_review_panel_finalize (GObject *object)
{
  WmReviewPanel *self = WM_REVIEW_PANEL (object);

  for (guint level = 0; level < N_LEVELS; level++)
    g_ptr_array_unref (self->levels[level].rows);

  G_OBJECT_CLASS (wm_review_panel_parent_class)->finalize (object);
}

static void
wm_review_panel_class_init (WmReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_review_panel_dispose;
  object_class->finalize = wm_review_panel_finalize;
  widget_class->map = wm_review_panel_map;

  /**
   * WmReviewPanel::element-activated:
   * @element: what the finding concerns: the document for the map itself
   *
   * A finding was activated, and its element selected.
   */
  signals[SIGNAL_ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_ELEMENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wm-review-panel");
}

static void
wm_review_panel_init (WmReviewPanel *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *page = adw_preferences_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing to Review"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every claim of the map has its evidence, and nothing is due for review."));

  for (guint level = 0; level < N_LEVELS; level++)
    {
      self->levels[level].group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      self->levels[level].rows = g_ptr_array_new ();
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->levels[level].group);
    }

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, page, "findings");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review of the map"), -1);
  refresh (self);
}

GtkWidget *
wm_review_panel_new (void)
{
  return g_object_new (WM_TYPE_REVIEW_PANEL, NULL);
}

void
wm_review_panel_set_document (WmReviewPanel *self,
                              WmDocument    *document)
{
  g_return_if_fail (WM_IS_REVIEW_PANEL (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (wm_widget_follow_document (self, &self->document, document, G_CALLBACK (queue_refresh)))
    refresh (self);
}

void
wm_review_panel_set_selection (WmReviewPanel *self,
                               WmSelection   *selection)
{
  g_return_if_fail (WM_IS_REVIEW_PANEL (self));
  g_return_if_fail (selection == NULL || WM_IS_SELECTION (selection));

  g_set_object (&self->selection, selection);
}

guint
wm_review_panel_get_n_findings (WmReviewPanel *self)
{
  guint n = 0;

  g_return_val_if_fail (WM_IS_REVIEW_PANEL (self), 0);

  for (guint level = 0; level < N_LEVELS; level++)
    n += self->levels[level].rows->len;
  return n;
}

/**
 * wm_review_panel_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the finding at
 *   @position, or %NULL past the last
 */
GtkWidget *
wm_review_panel_get_row (WmReviewPanel *self,
                         guint          position)
{
  g_return_val_if_fail (WM_IS_REVIEW_PANEL (self), NULL);

  for (guint level = 0; level < N_LEVELS; level++)
    {
      GPtrArray *rows = self->levels[level].rows;

      if (position < rows->len)
        return g_ptr_array_index (rows, position);
      position -= rows->len;
    }
  return NULL;
}
