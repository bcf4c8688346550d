/* wm-quick-wins.c: the map's opportunities by impact and effort.
 *
 * Practitioners pick quick wins first: high impact for little effort. The
 * view shows every card of the map's opportunity lanes on an impact ×
 * effort chart (wm-quick-wins-chart.c) and, beside it, as a list in the
 * order a team would take them up, each quick win with a badge that says
 * so in words. Choosing one selects its card, for the window to show it
 * on the map. The view is rebuilt when a change of the map is over, and
 * only while it is shown.
 */
#include "wm-quick-wins.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-card.h"
#include "wm-lane.h"
#include "wm-stage.h"
#include "wm-widget-util.h"

struct _WmQuickWins
{
  GtkWidget parent_instance;

  GtkStack *stack;
  WmQuickWinsChart *chart;
  AdwPreferencesGroup *list_group;
  GPtrArray *rows;              /* of AdwActionRow, as the list shows them */
  GListStore *opportunities;    /* of WmCard, in the list's order */

  WmDocument *document;
  WmSelection *selection;
  guint refresh_source;
  gboolean stale;               /* the map changed while the view was hidden */
};

G_DEFINE_FINAL_TYPE (WmQuickWins, wm_quick_wins, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  WmCard *card;
  WmStage *stage;
  guint order;      /* in the map: stage by stage, lane by lane */
} Opportunity;

/* Quick wins, then the other rated cards, then those not rated. */
static int
rank (WmCard *card)
{
  if (wm_card_is_quick_win (card))
    return 0;
  return wm_card_get_impact (card) > 0 && wm_card_get_effort (card) > 0 ? 1 : 2;
}

static int
compare_opportunities (gconstpointer a,
                       gconstpointer b)
{
  const Opportunity *x = a, *y = b;

  if (rank (x->card) != rank (y->card))
    return rank (x->card) - rank (y->card);
  if (wm_card_get_impact (x->card) != wm_card_get_impact (y->card))
    return wm_card_get_impact (y->card) - wm_card_get_impact (x->card);
  if (wm_card_get_effort (x->card) != wm_card_get_effort (y->card))
    return wm_card_get_effort (x->card) - wm_card_get_effort (y->card);
  return x->order < y->order ? -1 : x->order > y->order;
}

static GArray *
collect (WmDocument *document)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Opportunity));
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
      {
        WmStage *stage = wm_document_peek (stages, s);
        WmLane *lane = wm_document_peek (lanes, l);
        GListModel *cards;

        if (wm_lane_get_kind (lane) != WM_LANE_KIND_OPPORTUNITIES)
          continue;
        cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));
        for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
          {
            Opportunity opportunity = { wm_document_peek (cards, c), stage, found->len };

            g_array_append_val (found, opportunity);
          }
      }

  g_array_sort (found, compare_opportunities);
  return found;
}

static void
activate_card (WmQuickWins *self,
               WmCard      *card)
{
  if (self->selection != NULL)
    wm_selection_select (self->selection, WM_ELEMENT (card));
  g_signal_emit (self, signals[SIGNAL_ELEMENT_ACTIVATED], 0, card);
}

static void
on_row_activated (WmQuickWins  *self,
                  AdwActionRow *row)
{
  WmCard *card = g_object_get_data (G_OBJECT (row), "wm-card");

  if (card != NULL)
    activate_card (self, card);
}

static GtkWidget *
row_new (WmQuickWins *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (_("Quick win"));

  gtk_widget_add_css_class (badge, "quick-win-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "wm-badge", badge);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (on_row_activated), self);
  return row;
}

static void
row_update (GtkWidget         *row,
            const Opportunity *opportunity)
{
  WmCard *card = opportunity->card;
  const char *stage = wm_stage_get_name (opportunity->stage);
  g_autofree char *subtitle = NULL;

  if (rank (card) < 2)
    /* TRANSLATORS: an opportunity in the quick wins' list: its impact, effort and stage */
    subtitle = g_strdup_printf (_("Impact %d of 5, effort %d of 5 · %s"),
                                wm_card_get_impact (card), wm_card_get_effort (card), stage);
  else
    /* TRANSLATORS: an opportunity in the quick wins' list without both ratings, then its stage */
    subtitle = g_strdup_printf (_("Impact and effort not rated · %s"), stage);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wm_card_get_text (card));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "wm-badge"), wm_card_is_quick_win (card));
  g_object_set_data_full (G_OBJECT (row), "wm-card", g_object_ref (card), g_object_unref);
}

static void
refresh (WmQuickWins *self)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;

  found = self->document != NULL ? collect (self->document) : g_array_new (FALSE, FALSE, sizeof (Opportunity));
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (cards, g_array_index (found, Opportunity, i).card);

  /* Rows are kept from one showing to the next, and with them the focus. */
  while (self->rows->len > found->len)
    {
      adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, self->rows->len - 1));
      g_ptr_array_set_size (self->rows, self->rows->len - 1);
    }
  while (self->rows->len < found->len)
    {
      GtkWidget *row = row_new (self);

      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < found->len; i++)
    row_update (g_ptr_array_index (self->rows, i), &g_array_index (found, Opportunity, i));

  g_list_store_splice (self->opportunities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->opportunities)),
                       cards->pdata, cards->len);
  wm_quick_wins_chart_set_cards (self->chart, cards);
  gtk_stack_set_visible_child_name (self->stack, found->len > 0 ? "view" : "empty");
}

static gboolean
refresh_idle (gpointer data)
{
  WmQuickWins *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Rebuilds when the change is over; a hidden view waits to be shown. */
static void
queue_refresh (WmQuickWins *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
on_card_activated (WmQuickWins *self,
                   WmCard      *card)
{
  activate_card (self, card);
}

/* GObject */

static void
wm_quick_wins_map (GtkWidget *widget)
{
  WmQuickWins *self = WM_QUICK_WINS (widget);

  GTK_WIDGET_CLASS (wm_quick_wins_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
wm_quick_wins_dispose (GObject *object)
{
  WmQuickWins *self = WM_QUICK_WINS (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  wm_quick_wins_set_selection (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (wm_document_get_history (self->document), self);
  g_clear_object (&self->document);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  g_clear_object (&self->opportunities);

  G_OBJECT_CLASS (wm_quick_wins_parent_class)->dispose (object);
}

static void
wm_quick_wins_finalize (GObject *object)
{
  WmQuickWins *self = WM_QUICK_WINS (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (wm_quick_wins_parent_class)->finalize (object);
}

static void
wm_quick_wins_class_init (WmQuickWinsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_quick_wins_dispose;
  object_class->finalize = wm_quick_wins_finalize;
  widget_class->map = wm_quick_wins_map;

  /**
   * WmQuickWins::element-activated:
   * @element: the opportunity's card
   *
   * An opportunity was activated, and its card selected.
   */
  signals[SIGNAL_ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_ELEMENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wm-quick-wins");
}

static void
wm_quick_wins_init (WmQuickWins *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *chart_scroller = gtk_scrolled_window_new ();
  GtkWidget *page = adw_preferences_page_new ();

  self->rows = g_ptr_array_new ();
  self->opportunities = g_list_store_new (WM_TYPE_CARD);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "starred-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Opportunities"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add cards to an Opportunities lane and rate their impact and effort to find the quick wins."));

  self->chart = WM_QUICK_WINS_CHART (wm_quick_wins_chart_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->chart), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->chart), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->chart), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->chart), 18);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  g_signal_connect_swapped (self->chart, "card-activated", G_CALLBACK (on_card_activated), self);
  /* The chart narrows no further than its cells can; it scrolls up and down. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (chart_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (chart_scroller), GTK_WIDGET (self->chart));
  gtk_widget_set_hexpand (chart_scroller, TRUE);

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Opportunities"));
  adw_preferences_group_set_description (self->list_group,
                                         _("Quick wins first, then by impact and effort"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->list_group);
  /* The chart takes the room; the list keeps a column's width. */
  gtk_widget_set_size_request (page, 360, -1);
  gtk_widget_set_hexpand (page, FALSE);

  gtk_box_append (GTK_BOX (view), chart_scroller);
  gtk_box_append (GTK_BOX (view), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (view), page);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, view, "view");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
wm_quick_wins_new (void)
{
  return g_object_new (WM_TYPE_QUICK_WINS, NULL);
}

void
wm_quick_wins_set_document (WmQuickWins *self,
                            WmDocument  *document)
{
  g_return_if_fail (WM_IS_QUICK_WINS (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (wm_widget_follow_document (self, &self->document, document, G_CALLBACK (queue_refresh)))
    refresh (self);
}

void
wm_quick_wins_set_selection (WmQuickWins *self,
                             WmSelection *selection)
{
  g_return_if_fail (WM_IS_QUICK_WINS (self));
  g_return_if_fail (selection == NULL || WM_IS_SELECTION (selection));

  g_set_object (&self->selection, selection);
  if (self->chart != NULL)
    wm_quick_wins_chart_set_selection (self->chart, selection);
}

/**
 * wm_quick_wins_get_opportunities:
 *
 * Returns: (transfer none): a GListModel of WmCard
 */
GListModel *
wm_quick_wins_get_opportunities (WmQuickWins *self)
{
  g_return_val_if_fail (WM_IS_QUICK_WINS (self), NULL);

  return G_LIST_MODEL (self->opportunities);
}

/**
 * wm_quick_wins_get_chart:
 *
 * Returns: (transfer none): the chart
 */
WmQuickWinsChart *
wm_quick_wins_get_chart (WmQuickWins *self)
{
  g_return_val_if_fail (WM_IS_QUICK_WINS (self), NULL);

  return self->chart;
}

/**
 * wm_quick_wins_get_row:
 *
 * Returns: (transfer none) (nullable): the row, or %NULL past the last
 */
GtkWidget *
wm_quick_wins_get_row (WmQuickWins *self,
                       guint        position)
{
  g_return_val_if_fail (WM_IS_QUICK_WINS (self), NULL);

  return position < self->rows->len ? g_ptr_array_index (self->rows, position) : NULL;
}
