/* test-outline.c: the map as a tree of text, and how it follows the
 * canvas's selection and the map's edits. Runs in a real X server. */
#include <adwaita.h>
#include <string.h>

#include "test-ui.h"
#include "wm-card.h"
#include "wm-edit.h"
#include "wm-format.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-outline.h"
#include "wm-stage.h"

typedef struct
{
  GtkWidget *window;
  WmOutline *outline;
  WmDocument *document;
  WmSelection *selection;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_open (Fixture *f)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "car-purchase.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->document = wm_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  f->selection = wm_selection_new ();
  f->outline = WM_OUTLINE (wm_outline_new ());
  wm_outline_set_document (f->outline, f->document);
  wm_outline_set_selection (f->outline, f->selection);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->outline));
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->selection);
  g_clear_object (&f->document);
}

static gpointer
row_item (Fixture *f,
          guint    position)
{
  GtkTreeListRow *row = nth (wm_outline_get_rows (f->outline), position);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  return item;
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (wm_outline_get_rows (f->outline));
}

static GtkSingleSelection *
rows_selection (Fixture *f)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (f->outline));
  GtkWidget *list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));

  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

static gpointer
selected_item (Fixture *f)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (rows_selection (f));
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  return item;
}

/* Personas, stages and lanes, closed; rows read as a screen reader would. */
static void
test_rows (void)
{
  Fixture f;
  guint personas, stages, lanes;
  g_autofree char *text = NULL;

  fixture_open (&f);
  personas = g_list_model_get_n_items (wm_document_get_personas (f.document));
  stages = g_list_model_get_n_items (wm_document_get_stages (f.document));
  lanes = g_list_model_get_n_items (wm_document_get_lanes (f.document));

  g_assert_cmpuint (n_rows (&f), ==, personas + stages + lanes);
  g_assert_true (row_item (&f, personas) == nth (wm_document_get_stages (f.document), 0));
  text = wm_outline_get_row_text (f.outline, row_item (&f, personas));
  g_assert_cmpstr (text, ==, "Stage 1 of 5: Awareness");

  fixture_close (&f);
}

/* Selecting a card on the canvas opens its stage in the outline and
 * selects its row; selecting a row selects its element. */
static void
test_follows_selection (void)
{
  Fixture f;
  WmStage *second;
  WmLane *lane;
  WmCard *card;
  WmMoment *moment;
  guint closed;
  g_autofree char *text = NULL;

  fixture_open (&f);
  closed = n_rows (&f);
  second = nth (wm_document_get_stages (f.document), 1);
  lane = nth (wm_document_get_lanes (f.document), 0);
  card = nth (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (second))), 0);

  wm_selection_select (f.selection, WM_ELEMENT (card));
  iterate ();
  g_assert_cmpuint (n_rows (&f), >, closed);
  g_assert_true (selected_item (&f) == (gpointer) card);
  text = wm_outline_get_row_text (f.outline, WM_ELEMENT (card));
  g_assert_true (g_str_has_prefix (text, "Card in "));
  g_assert_nonnull (strstr (text, wm_card_get_text (card)));

  moment = nth (wm_document_get_moments (f.document), 0);
  wm_selection_select (f.selection, WM_ELEMENT (moment));
  g_assert_true (selected_item (&f) == (gpointer) moment);

  for (guint i = 0; i < n_rows (&f); i++)
    if (row_item (&f, i) == (gpointer) card)
      gtk_single_selection_set_selected (rows_selection (&f), i);
  g_assert_true (wm_selection_get_focus (f.selection) == WM_ELEMENT (card));

  fixture_close (&f);
}

/* An edit shows in the outline once it is over; open stages stay open. */
static void
test_follows_edits (void)
{
  Fixture f;
  WmStage *first;
  guint open_rows;
  guint personas;
  g_autofree char *text = NULL;

  fixture_open (&f);
  personas = g_list_model_get_n_items (wm_document_get_personas (f.document));
  first = nth (wm_document_get_stages (f.document), 0);
  gtk_tree_list_row_set_expanded (nth (wm_outline_get_rows (f.outline), personas), TRUE);
  open_rows = n_rows (&f);

  wm_history_set (wm_document_get_history (f.document), first, "name", "Discovery", NULL);
  iterate ();
  text = wm_outline_get_row_text (f.outline, row_item (&f, personas));
  g_assert_cmpstr (text, ==, "Stage 1 of 5: Discovery");
  g_assert_cmpuint (n_rows (&f), ==, open_rows);

  wm_edit_add_stage (f.document, 0, "Before");
  iterate ();
  g_assert_cmpuint (n_rows (&f), ==, open_rows + 1);
  g_assert_true (row_item (&f, personas + 1) == (gpointer) first);

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/outline/rows", test_rows);
  g_test_add_func ("/outline/follows-selection", test_follows_selection);
  g_test_add_func ("/outline/follows-edits", test_follows_edits);

  return g_test_run ();
}
