/* test-compare-window.c: the view of a future-state map beside the
 * current-state map it improves on, and the map page's Improves On row.
 *
 * The maps are the examples car-purchase and car-purchase-future. What the
 * view says is checked the way a screen reader hears it, by the accessible
 * names of its rows, and by what its labels show.
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "test-ui.h"
#include "wm-compare-window.h"
#include "wm-format.h"
#include "wm-edit.h"
#include "wm-inspector-map-page.h"

static void
settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

static WmDocument *
load_example (const char *name)
{
  g_autofree char *path = example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *label)
{
  g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  return differs == NULL;
}

/* The first widget under @root of @type, accepted by @match with @data. */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      gboolean  (*match) (GtkWidget *, const char *),
      const char *data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && match (child, data))
        return child;
      found = find (child, type, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (GtkWidget  *label,
            const char *text)
{
  return g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text);
}

static gboolean
is_titled (GtkWidget  *row,
           const char *title)
{
  return g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title);
}

/* The row that a screen reader names @label. */
static GtkWidget *
row_named (gpointer    root,
           const char *label)
{
  GtkWidget *row = find (root, GTK_TYPE_LIST_BOX_ROW, has_label, label);

  if (row == NULL)
    g_error ("no row named “%s”", label);
  return row;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

typedef struct
{
  WmDocument *current;
  WmDocument *future;
  WmCompareWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->current = load_example ("car-purchase.waymark");
  f->future = load_example ("car-purchase-future.waymark");
  f->window = wm_compare_window_new (NULL, f->future, f->current);
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  g_object_unref (f->current);
  g_object_unref (f->future);
}

/* The header names both maps and sums up the changes. */
static void
test_header (Fixture       *f,
             gconstpointer  data)
{
  g_assert_nonnull (find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, shows_text,
                          "Buying a new car: from first spark to recommending the dealer"));
  g_assert_nonnull (find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, shows_text,
                          "Buying a new car: the journey we are building for 2027"));
  g_assert_nonnull (find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, shows_text,
                          "Scores: 7 better, 0 worse, 3 unchanged · Cards: 14 added, 13 removed, 7 changed"
                          " · Stages: 1 new, 0 dropped"));
  g_assert_nonnull (find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, shows_text, "→"));
}

/* A column per stage, in the future map's order, named for a screen
 * reader with what it is to the other map. */
static void
test_stages (Fixture       *f,
             gconstpointer  data)
{
  static const char * const names[] = {
    "Awareness", "Consideration", "Order and financing, Was “Purchase”",
    "Delivery and handover, New in the future state", "Retention", "Advocacy",
  };
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *stages;

  /* The columns are the groups whose rows say what changed. */
  stages = gtk_widget_get_parent (find (GTK_WIDGET (f->window), GTK_TYPE_BOX, has_label, "Awareness"));
  for (GtkWidget *child = gtk_widget_get_first_child (stages); child != NULL; child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (groups, child);
  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < groups->len; i++)
    {
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (groups->pdata[i]), GTK_ACCESSIBLE_ROLE_GROUP);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (groups->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, names[i]);
    }
  g_assert_cmpuint (wm_compare_get_n_stages (wm_compare_window_get_compare (f->window)), ==, 6);
}

/* Each persona's score at each stage: from, to, and by how much, in signs
 * and words, not by colour alone. */
static void
test_scores (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *row = row_named (f->window, "Krzysztof Lewandowski: −2 today, +1 in the future state, better by 3");
  GtkWidget *change;

  /* The row shows "−2 → +1" and "+3", each number left to right. */
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "\u200e\u2066−2\u2069 → \u2066+1\u2069"));
  change = find (row, GTK_TYPE_LABEL, shows_text, "\u2066+3\u2069");
  g_assert_nonnull (change);
  g_assert_true (gtk_widget_has_css_class (change, "success"));

  row_named (f->window, "Marta Zielińska: −1 today, +2 in the future state, better by 3");
  row_named (f->window, "Marta Zielińska: +2 today, +2.5 in the future state, better by 0.5");
  row = row_named (f->window, "Marta Zielińska: +3 today and in the future state, no change");
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "no change"));
  row = row_named (f->window, "Marta Zielińska: no score today, +3 in the future state");
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "no score today"));
}

/* Cards added, removed and changed, with their lanes. */
static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *row;

  row = row_named (f->window, "Added in Gains: Knows the total monthly cost before she signs");
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "+"));
  row = row_named (f->window, "Removed from Pain points: Financing offers are impossible to compare: "
                              "different terms, insurance bundled in");
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "−"));

  /* The old text and the new one, both shown. */
  row = row_named (f->window, "Changed in Customer actions: “Asks two dealers for a financing offer” becomes "
                              "“Compares two dealers' offers on the one-page monthly cost sheet”");
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "Asks two dealers for a financing offer"));
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "Compares two dealers' offers on the one-page monthly cost sheet"));

  /* A detail that changed, by name and values. */
  row = row_named (f->window, "Changed in Opportunities: One-page financing comparison with the monthly total cost; "
                              "Status: Planned becomes Done");
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "\u200eStatus: \u2068Planned\u2069 → \u2068Done\u2069"));

  /* A stage where nothing on cards changed says so. */
  g_assert_nonnull (find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, shows_text, "No cards added, removed or changed"));
}

/* Every row can take the focus and has a name; Tab reaches the first stage's rows. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *focus = NULL;

  collect (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, >, 40);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_true (gtk_widget_get_focusable (rows->pdata[i]));
      g_assert_true (gtk_test_accessible_has_property (rows->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL));
    }

  /* The first stage's first row, at first or after a Tab or two; then
   * the arrow keys walk its rows. */
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  for (guint i = 0; i < 10 && !GTK_IS_LIST_BOX_ROW (focus); i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (GTK_WINDOW (f->window));
    }
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (has_label (focus, "Marta Zielińska: +0.5 today and in the future state, no change"));
  g_assert_true (has_label (gtk_widget_get_parent (gtk_widget_get_parent (focus)), "Awareness"));
  /* What the Down key does in a list. */
  g_signal_emit_by_name (gtk_widget_get_parent (focus), "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (has_label (focus, "Krzysztof Lewandowski: 0 today and in the future state, no change"));
}

/* An edit of the future map shows at once. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  WmPersona *marta = nth (wm_document_get_personas (f->future), 0);
  WmStage *awareness = nth (wm_document_get_stages (f->future), 0);

  wm_edit_set_score (f->future, marta, awareness, 2);
  settle ();
  row_named (f->window, "Marta Zielińska: +0.5 today, +2 in the future state, better by 1.5");
  g_assert_null (find (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX_ROW, has_label,
                       "Marta Zielińska: +0.5 today and in the future state, no change"));
}

/* In a right-to-left interface the first stage is on the right, the view
 * starts there, and the arrows point from the current state leftwards. */
static void
test_right_to_left (void)
{
  g_autoptr(WmDocument) current = load_example ("car-purchase.waymark");
  g_autoptr(WmDocument) future = load_example ("car-purchase-future.waymark");
  WmCompareWindow *window;
  GtkWidget *awareness, *consideration, *row;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  graphene_rect_t first, second;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = wm_compare_window_new (NULL, future, current);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    g_main_context_iteration (NULL, TRUE);
  settle ();

  awareness = find (GTK_WIDGET (window), GTK_TYPE_BOX, has_label, "Awareness");
  consideration = find (GTK_WIDGET (window), GTK_TYPE_BOX, has_label, "Consideration");
  g_assert_true (gtk_widget_compute_bounds (awareness, GTK_WIDGET (window), &first));
  g_assert_true (gtk_widget_compute_bounds (consideration, GTK_WIDGET (window), &second));
  g_assert_cmpfloat (first.origin.x, >, second.origin.x);

  /* Scrolled to its right edge, where the first stage is, and on screen. */
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (awareness, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_hadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==,
                     gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (first.origin.x + first.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));

  row = row_named (window, "Krzysztof Lewandowski: −2 today, +1 in the future state, better by 3");
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, shows_text, "\u200f\u2066−2\u2069 ← \u2066+1\u2069"));
  g_assert_nonnull (find (GTK_WIDGET (window), GTK_TYPE_LABEL, shows_text, "←"));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  settle ();
}

/* Opening the view from a future map's file finds its current map beside it;
 * a link that leads nowhere opens nothing and says why, naming the map. */
static void
test_open_for (void)
{
  g_autofree char *path = example_path ("car-purchase-future.waymark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) future = load_example ("car-purchase-future.waymark");
  g_autofree char *dir = g_dir_make_tmp ("test-compare-window-XXXXXX", NULL);
  g_autoptr(GFile) elsewhere = g_file_new_build_filename (dir, "future.waymark", NULL);
  g_autoptr(GError) error = NULL;
  guint n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
  WmCompareWindow *window;

  window = wm_compare_window_open_for (NULL, future, elsewhere, &error);
  g_assert_null (window);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "The current-state map “car-purchase.waymark” cannot be opened: "));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_windows);
  g_clear_error (&error);

  window = wm_compare_window_open_for (NULL, future, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (wm_compare_get_n_stages (wm_compare_window_get_compare (window)), ==, 6);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------ */
/* The map page's Improves On row                                           */

static guint
count_steps (WmHistory *history)
{
  guint n = 0;

  while (wm_history_undo (history))
    n++;
  for (guint i = 0; i < n; i++)
    wm_history_redo (history);
  return n;
}

/* Only a future-state map has the row; it names the linked map's file and
 * links and unlinks it in one step each. */
static void
test_improves_on (void)
{
  g_autoptr(WmDocument) current = load_example ("car-purchase.waymark");
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *dir = g_dir_make_tmp ("test-compare-window-XXXXXX", NULL);
  g_autoptr(GFile) current_file = g_file_new_build_filename (dir, "today map.waymark", NULL);
  g_autoptr(GFile) future_file = g_file_new_build_filename (dir, "future", "next.waymark", NULL);
  g_autoptr(GError) error = NULL;
  WmInspectorMapPage *page = g_object_new (WM_TYPE_INSPECTOR_MAP_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  AdwActionRow *row;
  GtkWidget *clear, *message;

  g_assert_true (wm_format_save_file (current, current_file, NULL, &error));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  wm_inspector_page_set_element (WM_INSPECTOR_PAGE (page), document, WM_ELEMENT (document));
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  row = ADW_ACTION_ROW (find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, is_titled, "Improves On"));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));

  wm_history_set (history, document, "kind", WM_MAP_KIND_FUTURE_STATE, NULL);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "No current-state map chosen");
  clear = find (GTK_WIDGET (row), GTK_TYPE_BUTTON, has_label, "Forget the Current-State Map");
  g_assert_false (gtk_widget_get_visible (clear));

  /* Choosing needs the map saved: it says so instead of asking which. */
  g_signal_emit_by_name (find (GTK_WIDGET (row), GTK_TYPE_BUTTON, has_label, "Choose the Current-State Map"), "clicked");
  settle ();
  message = find (GTK_WIDGET (page), GTK_TYPE_LABEL, shows_text,
                  "Save this map first: the current-state map is found from where this one is saved");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));

  /* A file chosen links it, in one step, and the message goes. */
  g_assert_true (wm_inspector_map_page_link_current (page, future_file, current_file, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "today map.waymark");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, "../today map.waymark");
  g_assert_true (gtk_widget_get_visible (clear));
  g_assert_cmpuint (count_steps (history), ==, 2);

  /* Forget is one step too. */
  g_signal_emit_by_name (clear, "clicked");
  settle ();
  g_assert_cmpstr (wm_document_get_current_state_file (document), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "No current-state map chosen");
  g_assert_true (wm_history_undo (history));
  settle ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "today map.waymark");

  /* A file that is no map is refused, on the page. */
  g_assert_false (wm_inspector_map_page_link_current (page, future_file, future_file, &error));
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_SAME_MAP);
  settle ();
  g_assert_nonnull (find (GTK_WIDGET (page), GTK_TYPE_LABEL, shows_text, error->message));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_file_delete (current_file, NULL, NULL);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/compare-window/header", Fixture, NULL, fixture_set_up, test_header, fixture_tear_down);
  g_test_add ("/compare-window/stages", Fixture, NULL, fixture_set_up, test_stages, fixture_tear_down);
  g_test_add ("/compare-window/scores", Fixture, NULL, fixture_set_up, test_scores, fixture_tear_down);
  g_test_add ("/compare-window/cards", Fixture, NULL, fixture_set_up, test_cards, fixture_tear_down);
  g_test_add ("/compare-window/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/compare-window/follows-edits", Fixture, NULL, fixture_set_up, test_follows_edits, fixture_tear_down);
  g_test_add_func ("/compare-window/right-to-left", test_right_to_left);
  g_test_add_func ("/compare-window/open-for", test_open_for);
  g_test_add_func ("/compare-window/improves-on", test_improves_on);

  return g_test_run ();
}
