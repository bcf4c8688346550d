/* test-review-panel.c: the map review as a panel: its findings by level,
 * a way to each finding's element, and a panel that follows the map.
 * The maps are the examples in data/examples/. */
#include <adwaita.h>

#include "test-ui.h"
#include "wm-edit.h"
#include "wm-format.h"
#include "wm-review.h"
#include "wm-review-panel.h"

typedef struct
{
  GtkWidget *window;
  WmReviewPanel *panel;
  WmDocument *document;
  WmSelection *selection;
  WmElement *activated;
} Fixture;

static void
settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
on_element_activated (WmReviewPanel *panel,
                      WmElement     *element,
                      Fixture       *f)
{
  f->activated = element;
}

static void
fixture_open_document (Fixture    *f,
                       WmDocument *document)
{
  f->document = document;
  f->activated = NULL;
  f->selection = wm_selection_new ();
  f->panel = WM_REVIEW_PANEL (wm_review_panel_new ());
  wm_review_panel_set_document (f->panel, f->document);
  wm_review_panel_set_selection (f->panel, f->selection);
  g_signal_connect (f->panel, "element-activated", G_CALLBACK (on_element_activated), f);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 380, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->panel));
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
}

static void
fixture_open (Fixture    *f,
              const char *example)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", example, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  fixture_open_document (f, document);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->selection);
  g_clear_object (&f->document);
}

static const char *
level_heading (WmReviewLevel level)
{
  switch (level)
    {
    case WM_REVIEW_ERROR:
      return "Error";
    case WM_REVIEW_WARNING:
      return "Warning";
    default:
      return "Note";
    }
}

static const char *
level_icon (WmReviewLevel level)
{
  switch (level)
    {
    case WM_REVIEW_ERROR:
      return "dialog-error-symbolic";
    case WM_REVIEW_WARNING:
      return "dialog-warning-symbolic";
    default:
      return "dialog-information-symbolic";
    }
}

static GtkImage *
row_icon (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget))
    return GTK_IMAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkImage *icon = row_icon (child);

      if (icon != NULL)
        return icon;
    }
  return NULL;
}

/* The panel shows what the review finds, in its order, each finding
 * under a heading that names its level with their number, and with the
 * level's icon, named for a screen reader: never by colour alone. */
static void
check_findings (Fixture *f)
{
  g_autoptr(GPtrArray) findings = wm_review_map (f->document, NULL);
  guint counts[3] = { 0, };

  g_assert_cmpuint (wm_review_panel_get_n_findings (f->panel), ==, findings->len);
  for (guint i = 0; i < findings->len; i++)
    counts[((WmReviewFinding *) g_ptr_array_index (findings, i))->level]++;

  for (guint i = 0; i < findings->len; i++)
    {
      WmReviewFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = wm_review_panel_get_row (f->panel, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      g_autofree char *heading = g_strdup_printf ("%u %s%s", counts[finding->level],
                                                  level_heading (finding->level),
                                                  counts[finding->level] > 1 ? "s" : "");
      GtkImage *icon = row_icon (row);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, finding->message);
      g_assert_true (gtk_widget_is_drawable (row));
      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, heading);
      g_assert_cmpstr (gtk_image_get_icon_name (icon), ==, level_icon (finding->level));
      gtk_test_accessible_assert_property (icon, GTK_ACCESSIBLE_PROPERTY_LABEL, level_heading (finding->level));
      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, level_heading (finding->level));
    }
  g_assert_null (wm_review_panel_get_row (f->panel, findings->len));
}

static void
test_findings (gconstpointer data)
{
  Fixture f;

  fixture_open (&f, data);
  g_assert_cmpuint (wm_review_panel_get_n_findings (f.panel), >, 0);
  check_findings (&f);
  fixture_close (&f);
}

/* Activating a finding selects its element and says which; a finding on
 * the map itself leaves nothing selected, which shows the map. */
static void
test_activate (void)
{
  Fixture f;
  guint n;

  fixture_open (&f, "car-purchase.waymark");
  n = wm_review_panel_get_n_findings (f.panel);
  gtk_widget_activate (wm_review_panel_get_row (f.panel, n - 1));
  g_assert_nonnull (f.activated);
  g_assert_true (wm_selection_get_focus (f.selection) == f.activated);
  g_assert_cmpuint (g_list_model_get_n_items (wm_selection_get_items (f.selection)), ==, 1);

  /* A map unchanged for years is due for review. */
  wm_history_set (wm_document_get_history (f.document), f.document, "modified", "2020-01-01T00:00:00Z", NULL);
  settle ();
  check_findings (&f);
  for (guint i = 0; i < wm_review_panel_get_n_findings (f.panel); i++)
    {
      GtkWidget *row = wm_review_panel_get_row (f.panel, i);

      if (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Last changed on 2020-01-01"))
        {
          gtk_widget_activate (row);
          break;
        }
    }
  g_assert_true (f.activated == WM_ELEMENT (f.document));
  g_assert_cmpuint (g_list_model_get_n_items (wm_selection_get_items (f.selection)), ==, 0);

  fixture_close (&f);
}

/* After each change of the map the findings are found again: a low point
 * with no opportunity is an error, first; evidence given to a point
 * takes its warning away. */
static void
test_follows_map (void)
{
  Fixture f;
  WmPersona *marta;
  WmStage *awareness;
  WmEmotionPoint *point;
  g_autoptr(WmEvidence) evidence = wm_evidence_new ();
  guint n;

  fixture_open (&f, "car-purchase.waymark");
  marta = nth (wm_document_get_personas (f.document), 0);
  awareness = nth (wm_document_get_stages (f.document), 0);
  n = wm_review_panel_get_n_findings (f.panel);

  point = wm_edit_set_score (f.document, marta, awareness, -3);
  settle ();
  check_findings (&f);
  g_assert_cmpuint (wm_review_panel_get_n_findings (f.panel), ==, n + 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (wm_review_panel_get_row (f.panel, 0))), ==,
                   "The lowest point of the curve, with no opportunity in its stage: Emotion of Marta Zielińska at Awareness: −3");

  wm_edit_add_evidence (f.document, WM_ELEMENT (point), evidence);
  settle ();
  check_findings (&f);
  g_assert_cmpuint (wm_review_panel_get_n_findings (f.panel), ==, n);

  fixture_close (&f);
}

/* A hidden panel waits to be shown before it reviews the map again. */
static void
test_hidden (void)
{
  Fixture f;
  guint n;

  fixture_open (&f, "car-purchase.waymark");
  n = wm_review_panel_get_n_findings (f.panel);
  gtk_widget_set_visible (GTK_WIDGET (f.panel), FALSE);
  wm_history_set (wm_document_get_history (f.document), f.document, "modified", "2020-01-01T00:00:00Z", NULL);
  settle ();
  g_assert_cmpuint (wm_review_panel_get_n_findings (f.panel), ==, n);

  gtk_widget_set_visible (GTK_WIDGET (f.panel), TRUE);
  settle ();
  g_assert_cmpuint (wm_review_panel_get_n_findings (f.panel), ==, n + 1);
  check_findings (&f);

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

/* A map with nothing to review says so. */
static void
test_empty (void)
{
  Fixture f;
  GtkWidget *status;

  fixture_open_document (&f, wm_document_new ());
  g_assert_cmpuint (wm_review_panel_get_n_findings (f.panel), ==, 0);
  status = find_status_page (GTK_WIDGET (f.panel));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Nothing to Review");
  g_assert_true (gtk_widget_is_drawable (status));

  /* A stage without a touchpoint is something to review. */
  wm_edit_add_stage (f.document, 0, "Awareness");
  settle ();
  g_assert_cmpuint (wm_review_panel_get_n_findings (f.panel), ==, 1);
  g_assert_false (gtk_widget_is_drawable (status));
  check_findings (&f);

  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/review-panel/findings/car-purchase", "car-purchase.waymark", test_findings);
  g_test_add_data_func ("/review-panel/findings/online-purchase", "online-purchase.waymark", test_findings);
  g_test_add_data_func ("/review-panel/findings/persian-rtl", "persian-rtl.waymark", test_findings);
  g_test_add_data_func ("/review-panel/findings/service-blueprint", "service-blueprint.waymark", test_findings);
  g_test_add_func ("/review-panel/activate", test_activate);
  g_test_add_func ("/review-panel/follows-map", test_follows_map);
  g_test_add_func ("/review-panel/hidden", test_hidden);
  g_test_add_func ("/review-panel/empty", test_empty);

  return g_test_run ();
}
