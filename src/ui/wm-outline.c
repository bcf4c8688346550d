/* wm-outline.c: the map as a tree of text.
 *
 * The canvas shows a map; this shows the same map as a list a screen
 * reader can walk and a keyboard can drive without knowing where anything
 * is drawn: personas, then each stage with its cards (lane by lane), its
 * moments of truth and its emotion points, then the lanes. Rows read as
 * the canvas's items do (wm-describe.h). Selecting a row selects the
 * element on the canvas, and the other way round.
 *
 * The tree is rebuilt, keeping which stages are open, after each change
 * of the map, once the change is over: a list of thousands of rows is
 * quick to build, and the map's edits are too varied to follow one by one.
 */
#include "wm-outline.h"

#include <glib/gi18n.h>

#include "wm-card.h"
#include "wm-describe.h"
#include "wm-edit.h"
#include "wm-emotion-point.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"
#include "wm-widget-util.h"

struct _WmOutline
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkWidget *list;
  GListStore *root;
  GtkTreeListModel *tree;
  GtkSingleSelection *rows_selection;

  WmDocument *document;
  WmSelection *selection;
  guint rebuild_source;
  gboolean syncing;         /* a selection is being copied across */
};

G_DEFINE_FINAL_TYPE (WmOutline, wm_outline, GTK_TYPE_WIDGET)

/* A stage's children: its cards lane by lane, its moments, its points. */
static GListModel *
create_children (gpointer item,
                 gpointer data)
{
  WmOutline *self = data;
  const char *stage_id;
  GListStore *children;
  GListModel *lanes, *moments, *points;

  if (!WM_IS_STAGE (item) || self->document == NULL)
    return NULL;

  stage_id = wm_element_get_id (item);
  children = g_list_store_new (G_TYPE_OBJECT);
  lanes = wm_document_get_lanes (self->document);
  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      WmLane *lane = wm_document_peek (lanes, l);
      GListModel *cards = wm_lane_get_cards (lane, stage_id);

      for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
        g_list_store_append (children, wm_document_peek (cards, c));
    }

  moments = wm_document_get_moments (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (moments); i++)
    if (g_strcmp0 (wm_moment_get_stage (wm_document_peek (moments, i)), stage_id) == 0)
      g_list_store_append (children, wm_document_peek (moments, i));

  points = wm_document_get_emotion_points (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    if (g_strcmp0 (wm_emotion_point_get_stage (wm_document_peek (points, i)), stage_id) == 0)
      g_list_store_append (children, wm_document_peek (points, i));

  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    g_clear_object (&children);
  return G_LIST_MODEL (children);
}

char *
wm_outline_get_row_text (WmOutline *self,
                         WmElement *element)
{
  char *label = NULL;
  g_autofree char *description = NULL;
  WmLane *lane = NULL;
  WmStage *stage = NULL;

  g_return_val_if_fail (WM_IS_OUTLINE (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  if (WM_IS_CARD (element))
    wm_edit_find_card (self->document, WM_CARD (element), &lane, &stage, NULL);
  wm_describe (self->document, element, lane, stage, &label, &description);
  return label;
}

/* Rows */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  /* Wrapped to the panel's width rather than widening it. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  WmOutline *self = data;
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autofree char *text = wm_outline_get_row_text (self, gtk_tree_list_row_get_item (row));

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

/* The row of @element, opening its stage if it is inside one. */
static guint
find_row (WmOutline *self,
          WmElement *element)
{
  GListModel *rows = G_LIST_MODEL (self->tree);
  const char *stage_id = NULL;
  WmStage *stage = NULL;

  if (self->document == NULL)
    return GTK_INVALID_LIST_POSITION;
  if (WM_IS_CARD (element))
    wm_edit_find_card (self->document, WM_CARD (element), NULL, &stage, NULL);
  else if (WM_IS_MOMENT (element))
    stage_id = wm_moment_get_stage (WM_MOMENT (element));
  else if (WM_IS_EMOTION_POINT (element))
    stage_id = wm_emotion_point_get_stage (WM_EMOTION_POINT (element));
  if (stage_id != NULL)
    stage = wm_document_find (wm_document_get_stages (self->document), stage_id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      gpointer item = gtk_tree_list_row_get_item (row);

      g_object_unref (item); /* the row keeps it */
      if (item == (gpointer) element)
        return i;
      if (item == (gpointer) stage)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
show_focus (WmOutline *self)
{
  WmElement *focus = self->selection != NULL ? wm_selection_get_focus (self->selection) : NULL;
  guint position = focus != NULL ? find_row (self, focus) : GTK_INVALID_LIST_POSITION;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->rows_selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (self->list))
    gtk_widget_activate_action (self->list, "list.scroll-to-item", "u", position);
}

static void
on_rows_selection_changed (WmOutline *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->rows_selection);
  g_autoptr(GObject) item = NULL;

  if (self->syncing || self->selection == NULL || row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  self->syncing = TRUE;
  wm_selection_select (self->selection, WM_ELEMENT (item));
  self->syncing = FALSE;
}

static void
on_selection_focus (WmOutline *self)
{
  if (!self->syncing)
    show_focus (self);
}

/* Rebuilding */

static void
rebuild (WmOutline *self)
{
  g_autoptr(GHashTable) open_stages = g_hash_table_new (NULL, NULL);
  GListModel *rows = G_LIST_MODEL (self->tree);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GListModel *lists[3] = { NULL, };

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_expanded (row))
        g_hash_table_add (open_stages, item);
    }

  if (self->document != NULL)
    {
      lists[0] = wm_document_get_personas (self->document);
      lists[1] = wm_document_get_stages (self->document);
      lists[2] = wm_document_get_lanes (self->document);
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists) && lists[l] != NULL; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      g_ptr_array_add (items, wm_document_peek (lists[l], i));

  self->syncing = TRUE;
  g_list_store_splice (self->root, 0, g_list_model_get_n_items (G_LIST_MODEL (self->root)),
                       items->pdata, items->len);

  /* Stages open as they were; a stage that is new stays closed. Rows of
   * open stages come after their stage, so walking forward finds them. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (g_hash_table_contains (open_stages, item))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  self->syncing = FALSE;
  show_focus (self);
}

static gboolean
rebuild_idle (gpointer data)
{
  WmOutline *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (WmOutline *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle, self);
}

/* GObject */

static void
wm_outline_dispose (GObject *object)
{
  WmOutline *self = WM_OUTLINE (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  wm_outline_set_selection (self, NULL);
  wm_outline_set_document (self, NULL);
  g_clear_object (&self->rows_selection);

  G_OBJECT_CLASS (wm_outline_parent_class)->dispose (object);
}

static void
wm_outline_class_init (WmOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_outline_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wm-outline");
}

static void
wm_outline_init (WmOutline *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->root = g_list_store_new (G_TYPE_OBJECT);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (self->root), FALSE, FALSE, create_children, self, NULL);
  self->rows_selection = gtk_single_selection_new (G_LIST_MODEL (self->tree));
  gtk_single_selection_set_autoselect (self->rows_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->rows_selection, TRUE);
  g_signal_connect_swapped (self->rows_selection, "selection-changed",
                            G_CALLBACK (on_rows_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);

  self->list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->rows_selection)), factory);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outline of the map"), -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
wm_outline_new (void)
{
  return g_object_new (WM_TYPE_OUTLINE, NULL);
}

void
wm_outline_set_document (WmOutline  *self,
                         WmDocument *document)
{
  g_return_if_fail (WM_IS_OUTLINE (self));

  if (!wm_widget_follow_document (self, &self->document, document, G_CALLBACK (queue_rebuild)))
    return;
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    rebuild (self);
}

void
wm_outline_set_selection (WmOutline   *self,
                          WmSelection *selection)
{
  g_return_if_fail (WM_IS_OUTLINE (self));

  if (self->selection == selection)
    return;
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_swapped (selection, "notify::focus", G_CALLBACK (on_selection_focus), self);
      show_focus (self);
    }
}

/**
 * wm_outline_get_rows:
 *
 * Returns: (transfer none): the rows, a GListModel of GtkTreeListRow
 */
GListModel *
wm_outline_get_rows (WmOutline *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE (self), NULL);

  return G_LIST_MODEL (self->tree);
}
