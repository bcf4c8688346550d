/* test-quick-wins.c: the opportunities of a map by impact and effort: the
 * list's order, the chart's corner of quick wins, the way from either to
 * the card on the map, and a view that follows the map. The maps are the
 * examples in data/examples/. */
#include <adwaita.h>

#include "test-ui.h"
#include "wm-edit.h"
#include "wm-format.h"
#include "wm-lane.h"
#include "wm-quick-wins.h"

typedef struct
{
  GtkWidget *window;
  WmQuickWins *view;
  WmQuickWinsChart *chart;
  WmDocument *document;
  WmSelection *selection;
  WmElement *activated;
} Fixture;

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Lets the view follow the map, and then lays it out and draws it. */
static void
settle_in (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static void
on_element_activated (WmQuickWins *view,
                      WmElement   *element,
                      Fixture     *f)
{
  f->activated = element;
}

static void
fixture_open (Fixture          *f,
              const char       *example,
              GtkTextDirection  direction)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", example, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->document = wm_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  f->activated = NULL;
  f->selection = wm_selection_new ();
  f->view = WM_QUICK_WINS (wm_quick_wins_new ());
  f->chart = wm_quick_wins_get_chart (f->view);
  gtk_widget_set_direction (GTK_WIDGET (f->chart), direction);
  wm_quick_wins_set_document (f->view, f->document);
  wm_quick_wins_set_selection (f->view, f->selection);
  g_signal_connect (f->view, "element-activated", G_CALLBACK (on_element_activated), f);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  settle_in (f->window);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->selection);
  g_clear_object (&f->document);
}

static guint
n_opportunities (Fixture *f)
{
  return g_list_model_get_n_items (wm_quick_wins_get_opportunities (f->view));
}

static WmCard *
opportunity (Fixture *f,
             guint    position)
{
  return nth (wm_quick_wins_get_opportunities (f->view), position);
}

/* Every card of the map's opportunity lanes. */
static guint
count_opportunity_cards (WmDocument *document)
{
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *stages = wm_document_get_stages (document);
  guint n = 0;

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      if (wm_lane_get_kind (nth (lanes, l)) == WM_LANE_KIND_OPPORTUNITIES)
        n += g_list_model_get_n_items (wm_lane_get_cards (nth (lanes, l), wm_element_get_id (nth (stages, s))));
  return n;
}

static gboolean
is_rated (WmCard *card)
{
  return wm_card_get_impact (card) > 0 && wm_card_get_effort (card) > 0;
}

static GtkWidget *
badge_of (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "quick-win-badge"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *badge = badge_of (child);

      if (badge != NULL)
        return badge;
    }
  return NULL;
}

/* Quick wins first, then by impact (high first) and effort (low first),
 * cards not rated last; each row shows its card, quick wins with a badge
 * that says so in words. */
static void
check_order (Fixture *f)
{
  guint n = n_opportunities (f);

  g_assert_cmpuint (n, ==, count_opportunity_cards (f->document));
  for (guint i = 0; i + 1 < n; i++)
    {
      WmCard *a = opportunity (f, i), *b = opportunity (f, i + 1);

      if (wm_card_is_quick_win (a) != wm_card_is_quick_win (b))
        g_assert_true (wm_card_is_quick_win (a));
      else if (is_rated (a) != is_rated (b))
        g_assert_true (is_rated (a));
      else
        g_assert_true (wm_card_get_impact (a) > wm_card_get_impact (b) ||
                       (wm_card_get_impact (a) == wm_card_get_impact (b) &&
                        wm_card_get_effort (a) <= wm_card_get_effort (b)));
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = wm_quick_wins_get_row (f->view, i);
      GtkWidget *badge = badge_of (row);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       wm_card_get_text (opportunity (f, i)));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "Quick win");
      g_assert_true (gtk_widget_get_visible (badge) == wm_card_is_quick_win (opportunity (f, i)));
    }
  g_assert_null (wm_quick_wins_get_row (f->view, n));
}

static void
test_order (void)
{
  Fixture f;

  fixture_open (&f, "car-purchase.waymark", GTK_TEXT_DIR_LTR);
  check_order (&f);
  /* Two quick wins of the same impact and effort: the map's order. */
  g_assert_true (g_str_has_prefix (wm_card_get_text (opportunity (&f, 0)), "One-page financing comparison"));
  g_assert_true (g_str_has_prefix (wm_card_get_text (opportunity (&f, 1)), "Weekly status with a photo"));
  g_assert_true (g_str_has_prefix (wm_card_get_text (opportunity (&f, 2)), "Handover ceremony"));
  fixture_close (&f);

  fixture_open (&f, "online-purchase.waymark", GTK_TEXT_DIR_LTR);
  check_order (&f);
  fixture_close (&f);
}

/* A card's dot is in the marked corner exactly when the card is a quick
 * win, wherever the interface starts; dots never overlap, even two of
 * one impact and effort; each is named for a screen reader. */
static void
check_chart (Fixture *f)
{
  GtkWidget *quadrant = wm_quick_wins_chart_get_quadrant (f->chart);
  graphene_rect_t corner;
  guint on_chart = 0;

  g_assert_true (gtk_widget_compute_bounds (quadrant, GTK_WIDGET (f->chart), &corner));
  if (gtk_widget_get_direction (GTK_WIDGET (f->chart)) == GTK_TEXT_DIR_RTL)
    g_assert_cmpfloat (corner.origin.x, >, gtk_widget_get_width (GTK_WIDGET (f->chart)) / 2.0);
  else
    g_assert_cmpfloat (corner.origin.x + corner.size.width, <, gtk_widget_get_width (GTK_WIDGET (f->chart)) / 2.0);

  for (guint i = 0; i < n_opportunities (f); i++)
    {
      WmCard *card = opportunity (f, i);
      GtkWidget *dot = wm_quick_wins_chart_get_dot (f->chart, card);
      g_autofree char *name = NULL;
      graphene_rect_t bounds;
      graphene_point_t centre;

      if (!is_rated (card))
        {
          g_assert_null (dot);
          continue;
        }

      on_chart++;
      g_assert_nonnull (dot);
      g_assert_true (gtk_widget_get_focusable (dot));
      g_assert_true (gtk_widget_compute_bounds (dot, GTK_WIDGET (f->chart), &bounds));
      graphene_rect_get_center (&bounds, &centre);
      g_assert_true (graphene_rect_contains_point (&corner, &centre) == wm_card_is_quick_win (card));
      name = wm_quick_wins_chart_describe (card);
      gtk_test_accessible_assert_property (dot, GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      for (guint j = 0; j < i; j++)
        {
          GtkWidget *other = wm_quick_wins_chart_get_dot (f->chart, opportunity (f, j));
          graphene_rect_t other_bounds;

          if (other == NULL)
            continue;
          g_assert_true (gtk_widget_compute_bounds (other, GTK_WIDGET (f->chart), &other_bounds));
          g_assert_false (graphene_rect_intersection (&bounds, &other_bounds, NULL));
        }
    }
  g_assert_cmpuint (on_chart, >, 0);
}

static void
test_quadrant (gconstpointer data)
{
  Fixture f;
  g_autofree char *name = NULL;

  fixture_open (&f, data, GTK_TEXT_DIR_LTR);
  check_chart (&f);
  fixture_close (&f);

  fixture_open (&f, data, GTK_TEXT_DIR_RTL);
  check_chart (&f);
  fixture_close (&f);

  fixture_open (&f, "car-purchase.waymark", GTK_TEXT_DIR_LTR);
  name = wm_quick_wins_chart_describe (opportunity (&f, 0));
  g_assert_true (g_str_has_prefix (name, "Opportunity: One-page financing comparison"));
  g_assert_true (g_str_has_suffix (name, ", impact 4 of 5, effort 2 of 5, quick win"));
  fixture_close (&f);
}

/* A dot or a row, activated, selects its card on the map. */
static void
test_activate (void)
{
  Fixture f;
  WmCard *card;
  GtkWidget *dot;

  fixture_open (&f, "car-purchase.waymark", GTK_TEXT_DIR_LTR);
  card = opportunity (&f, 2);
  dot = wm_quick_wins_chart_get_dot (f.chart, card);
  /* A click; Enter or Space end in the same after a moment. */
  g_signal_emit_by_name (dot, "clicked");
  g_assert_true (f.activated == WM_ELEMENT (card));
  g_assert_true (wm_selection_get_focus (f.selection) == WM_ELEMENT (card));
  g_assert_true (gtk_widget_has_css_class (dot, "selected"));

  card = opportunity (&f, 0);
  gtk_widget_activate (wm_quick_wins_get_row (f.view, 0));
  g_assert_true (f.activated == WM_ELEMENT (card));
  g_assert_true (wm_selection_get_focus (f.selection) == WM_ELEMENT (card));
  g_assert_false (gtk_widget_has_css_class (dot, "selected"));
  g_assert_true (gtk_widget_has_css_class (wm_quick_wins_chart_get_dot (f.chart, card), "selected"));

  fixture_close (&f);
}

/* A quick win made costly leaves the corner and the top of the list; a
 * new opportunity, not yet rated, comes last and off the chart. */
static void
test_follows_map (void)
{
  Fixture f;
  WmCard *card, *added;
  WmLane *lane = NULL;
  WmStage *stage = NULL;
  GtkWidget *last;
  guint n;

  fixture_open (&f, "car-purchase.waymark", GTK_TEXT_DIR_LTR);
  n = n_opportunities (&f);
  card = opportunity (&f, 0);
  wm_history_set (wm_document_get_history (f.document), card, "effort", 5, NULL);
  settle_in (f.window);
  g_assert_false (opportunity (&f, 0) == card);
  check_order (&f);
  check_chart (&f);

  g_assert_true (wm_edit_find_card (f.document, card, &lane, &stage, NULL));
  added = wm_edit_add_card (f.document, lane, stage, 0, "Free coffee at the handover");
  settle_in (f.window);
  g_assert_cmpuint (n_opportunities (&f), ==, n + 1);
  g_assert_true (opportunity (&f, n) == added);
  g_assert_null (wm_quick_wins_chart_get_dot (f.chart, added));
  last = wm_quick_wins_get_row (f.view, n);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (last)), "Impact and effort not rated"));
  check_order (&f);
  check_chart (&f);

  fixture_close (&f);
}

static GtkWidget *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A map without opportunities says what to do. */
static void
test_empty (void)
{
  Fixture f;
  GtkWidget *status;

  fixture_open (&f, "service-blueprint.waymark", GTK_TEXT_DIR_LTR);
  g_assert_cmpuint (n_opportunities (&f), ==, 0);
  status = find_status_page (GTK_WIDGET (f.view));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Opportunities");
  g_assert_true (gtk_widget_is_drawable (status));
  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/quick-wins/order", test_order);
  g_test_add_data_func ("/quick-wins/quadrant/car-purchase", "car-purchase.waymark", test_quadrant);
  g_test_add_data_func ("/quick-wins/quadrant/online-purchase", "online-purchase.waymark", test_quadrant);
  g_test_add_data_func ("/quick-wins/quadrant/persian-rtl", "persian-rtl.waymark", test_quadrant);
  g_test_add_func ("/quick-wins/activate", test_activate);
  g_test_add_func ("/quick-wins/follows-map", test_follows_map);
  g_test_add_func ("/quick-wins/empty", test_empty);

  return g_test_run ();
}
