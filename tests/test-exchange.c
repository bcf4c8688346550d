/* test-exchange.c: a map's grid as CSV, and a map as a Mermaid journey,
 * out and back.
 *
 * The example maps go out and come back unchanged; hand-made files in
 * data/exchange/ come in as a user would write them; broken and hostile
 * ones, written to a temporary folder as the tests run, are refused with
 * their place.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "wm-card.h"
#include "wm-edit.h"
#include "wm-format.h"
#include "wm-grid-csv.h"
#include "wm-mermaid.h"
#include "wm-template.h"

#include "test-util.h"

static const char * const examples[] = {
  "car-purchase.waymark",
  "online-purchase.waymark",
  "persian-rtl.waymark",
  "service-blueprint.waymark",
};

static WmDocument *
load_example (const char *name)
{
  return load ("../data/examples", name);
}

static WmDocument *
empty_map (void)
{
  WmDocument *document = wm_template_create (WM_TEMPLATE_EMPTY);

  wm_history_clear (wm_document_get_history (document));
  return document;
}

static void
remove_path (gpointer path)
{
  g_remove (path);
  g_free (path);
}

/* A temporary file holding @len bytes of @data (all of it when -1),
 * deleted with its folder when the test ends. */
static GFile *
temp_file (const char *name,
           const char *data,
           gssize      len)
{
  char *dir = g_dir_make_tmp ("waymark-exchange-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  /* Undone last first: the file, then its folder. */
  g_test_queue_destroy (remove_path, dir);
  g_test_queue_destroy (remove_path, path);

  return g_file_new_for_path (path);
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "exchange", name, NULL);

  return g_file_new_for_path (path);
}

static WmGridCsv *
read_grid_bytes (GBytes  *bytes,
                 GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GFile) file = temp_file ("grid.csv", data, size);

  return wm_grid_csv_read_file (file, NULL, error);
}

static WmGridCsv *
read_grid_text (const char  *text,
                GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return read_grid_bytes (bytes, error);
}

static GBytes *
export_grid (WmDocument *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *csv = wm_grid_csv_export (document, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

/* Applies @grid, which must work, and returns what changed. */
static GStrv
apply_grid (WmGridCsv  *grid,
            WmDocument *document)
{
  g_autoptr(GError) error = NULL;
  GStrv changes = NULL;

  g_assert_true (wm_grid_csv_apply (grid, document, &changes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  return changes;
}

static WmCard *
card_at (WmLane  *lane,
         WmStage *stage,
         guint    position)
{
  return item (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))), position);
}

static guint
n_cards (WmLane  *lane,
         WmStage *stage)
{
  return g_list_model_get_n_items (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))));
}

static gboolean
has_change (GStrv       changes,
            const char *change)
{
  return g_strv_contains ((const char * const *) changes, change);
}

/* ------------------------------------------------------------------------ */
/* The grid as CSV                                                          */

/* Fails unless @copy has @original's grid: the same stages, lanes (kind
 * and title) and cards' texts, in the same order. */
static void
assert_same_grid (WmDocument *original,
                  WmDocument *copy)
{
  GListModel *stages = wm_document_get_stages (original);
  GListModel *lanes = wm_document_get_lanes (original);

  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (copy)), ==, g_list_model_get_n_items (stages));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_lanes (copy)), ==, g_list_model_get_n_items (lanes));
  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    g_assert_cmpstr (wm_stage_get_name (stage_at (copy, s)), ==, wm_stage_get_name (stage_at (original, s)));

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      WmLane *a = lane_at (original, l);
      WmLane *b = lane_at (copy, l);

      g_assert_cmpint (wm_lane_get_kind (b), ==, wm_lane_get_kind (a));
      g_assert_cmpstr (wm_lane_get_title (b), ==, wm_lane_get_title (a));
      for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
        {
          g_assert_cmpuint (n_cards (b, stage_at (copy, s)), ==, n_cards (a, stage_at (original, s)));
          for (guint c = 0; c < n_cards (a, stage_at (original, s)); c++)
            g_assert_cmpstr (wm_card_get_text (card_at (b, stage_at (copy, s), c)), ==,
                             wm_card_get_text (card_at (a, stage_at (original, s), c)));
        }
    }
}

static void
test_grid_layout (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(GBytes) csv = export_grid (document);
  const char *text = g_bytes_get_data (csv, NULL);
  g_auto(GStrv) rows = NULL;

  /* UTF-8 with a byte-order mark, every field quoted, RFC 4180 line ends. */
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf\"\",\"kind\",\"Awareness\",\"Consideration\",\"Purchase\","
                                         "\"Retention\",\"Advocacy\"\r\n"));
  rows = g_strsplit (text, "\r\n", -1);
  g_assert_true (g_str_has_prefix (rows[1], "\"Customer actions\",\"actions\",\"Notices the dog crate"));
  /* Two cards in a cell: two lines in one quoted field. */
  g_assert_nonnull (strstr (rows[1], "hatchback\nSees a family SUV"));
  g_assert_cmpstr (rows[3], ==, "\"Emotion curve\",\"emotion-curve\",\"\",\"\",\"\",\"\",\"\"");
  /* A row a lane, and the end of the last. */
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + g_list_model_get_n_items (wm_document_get_lanes (document)) + 1);
  g_assert_cmpstr (rows[g_strv_length (rows) - 1], ==, "");
}

static void
test_grid_read_back (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(WmDocument) document = load_example (examples[i]);
      g_autoptr(WmDocument) copy = empty_map ();
      g_autoptr(GBytes) csv = export_grid (document);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmGridCsv) grid = read_grid_bytes (csv, &error);
      g_auto(GStrv) changes = NULL;

      g_test_message ("%s", examples[i]);
      g_assert_no_error (error);
      g_assert_cmpuint (wm_grid_csv_get_n_stages (grid), ==,
                        g_list_model_get_n_items (wm_document_get_stages (document)));
      g_assert_cmpuint (wm_grid_csv_get_n_lanes (grid), ==,
                        g_list_model_get_n_items (wm_document_get_lanes (document)));

      /* Into an empty map: every stage, lane and card comes in. */
      changes = apply_grid (grid, copy);
      assert_same_grid (document, copy);
      g_assert_cmpuint (g_strv_length (changes), >, 0);
    }
}

static void
test_grid_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(WmDocument) document = load_example (examples[i]);
      g_autoptr(GBytes) before = wm_format_save_bytes (document);
      g_autoptr(GBytes) csv = export_grid (document);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmGridCsv) grid = read_grid_bytes (csv, &error);
      g_auto(GStrv) changes = NULL;
      g_autoptr(GBytes) after = NULL;

      g_test_message ("%s", examples[i]);
      g_assert_no_error (error);
      changes = apply_grid (grid, document);
      g_assert_cmpuint (g_strv_length (changes), ==, 0);
      g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));
      after = wm_format_save_bytes (document);
      assert_bytes_equal (after, before);
    }
}

/* Replaces the one @old in @csv with @new. */
static GBytes *
edit_csv (GBytes     *csv,
          const char *old,
          const char *new)
{
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  const char *at = strstr (text->str, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  g_string_replace (text, old, new, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
test_grid_edit_cell (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GBytes) csv = export_grid (document);
  g_autoptr(GBytes) edited = edit_csv (csv, "Showroom visit\"", "Showroom visit with the whole family\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmGridCsv) grid = read_grid_bytes (edited, &error);
  WmLane *touchpoints = lane_at (document, 1);
  WmStage *consideration = stage_at (document, 1);
  WmCard *card = card_at (touchpoints, consideration, 3);
  g_autofree char *id = g_strdup (wm_element_get_id (WM_ELEMENT (card)));
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) changes = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (wm_card_get_text (card), ==, "Showroom visit");
  g_assert_cmpint (wm_card_get_channel (card), ==, WM_CHANNEL_STORE);

  changes = apply_grid (grid, document);
  g_assert_cmpuint (g_strv_length (changes), ==, 1);
  g_assert_cmpstr (changes[0], ==, "Touchpoints, Consideration: 1 changed");

  /* The same card, with its id and channel, says the new text. */
  g_assert_true (card_at (touchpoints, consideration, 3) == card);
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (card)), ==, id);
  g_assert_cmpstr (wm_card_get_text (card), ==, "Showroom visit with the whole family");
  g_assert_cmpint (wm_card_get_channel (card), ==, WM_CHANNEL_STORE);

  /* Nothing else moved: the file differs in that one text. */
  after = wm_format_save_bytes (document);
  {
    g_autoptr(GBytes) expected = edit_csv (before, "\"Showroom visit\"", "\"Showroom visit with the whole family\"");

    assert_bytes_equal (after, expected);
  }
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Import Grid");
}

static void
test_grid_cell_changes (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmLane *actions = lane_at (document, 0);
  WmStage *consideration = stage_at (document, 1);
  WmCard *configurator = card_at (actions, consideration, 0);
  WmCard *test_drive = card_at (actions, consideration, 1);
  WmCard *financing = card_at (actions, consideration, 2);
  g_autoptr(GBytes) csv = export_grid (document);
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmGridCsv) grid = NULL;
  g_auto(GStrv) changes = NULL;

  /* The last line first, a new one between, the first removed. */
  edited = edit_csv (csv,
                     "\"Builds three versions in the online configurator and saves the PDF\n"
                     "Books a test drive on Saturday with the dog crate in the boot\n"
                     "Asks two dealers for a financing offer\"",
                     "\"Asks two dealers for a financing offer\n"
                     "Reads a forum thread about boot sizes\n"
                     "Books a test drive on Saturday with the dog crate in the boot\"");
  grid = read_grid_bytes (edited, &error);
  g_assert_no_error (error);
  changes = apply_grid (grid, document);
  g_assert_cmpstrv (changes, ((const char * const[]) { "Customer actions, Consideration: 1 card added, 1 removed, 1 moved", NULL }));

  g_assert_cmpuint (n_cards (actions, consideration), ==, 3);
  g_assert_true (card_at (actions, consideration, 0) == financing);
  g_assert_cmpstr (wm_card_get_text (card_at (actions, consideration, 1)), ==, "Reads a forum thread about boot sizes");
  g_assert_true (card_at (actions, consideration, 2) == test_drive);
  g_assert_false (card_at (actions, consideration, 1) == configurator);
  assert_one_step (document, before);
}

static void
test_grid_quoting (void)
{
  g_autoptr(WmDocument) document = empty_map ();
  g_autoptr(WmDocument) copy = empty_map ();
  WmStage *stage = wm_edit_add_stage (document, 0, "Compare, then \"decide\"");
  WmStage *persian = wm_edit_add_stage (document, 1, "خرید");
  WmLane *lane = wm_edit_add_lane (document, 0, WM_LANE_KIND_THOUGHTS, "Thoughts; doubts");
  WmLane *unnamed = wm_edit_add_lane (document, 1, WM_LANE_KIND_PAIN_POINTS, "");
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmGridCsv) grid = NULL;
  g_auto(GStrv) changes = NULL;
  const char *text;

  wm_edit_add_card (document, lane, stage, 0, "“Is it worth it?”, she asks, \"really?\"");
  wm_edit_add_card (document, lane, stage, 1, "Two lines:\nfirst, then second");
  wm_edit_add_card (document, lane, stage, 2, "");
  wm_edit_add_card (document, lane, persian, 0, "قیمت در سبد خرید با قیمت صفحه محصول فرق دارد");
  wm_edit_add_card (document, unnamed, persian, 0, "");

  csv = export_grid (document);
  text = g_bytes_get_data (csv, NULL);
  /* Quotes doubled; a line break in a card is U+2028; an empty last card ends the cell with a line break. */
  g_assert_nonnull (strstr (text, "\"Compare, then \"\"decide\"\"\""));
  g_assert_nonnull (strstr (text, "\"“Is it worth it?”, she asks, \"\"really?\"\"\nTwo lines:\xe2\x80\xa8"
                                  "first, then second\n\n\""));
  /* A lane without a title goes by the name of its kind. */
  g_assert_nonnull (strstr (text, "\r\n\"Pain points\",\"pain-points\",\"\",\"\n\"\r\n"));

  grid = read_grid_bytes (csv, &error);
  g_assert_no_error (error);
  changes = apply_grid (grid, copy);
  g_assert_cmpuint (n_cards (lane_at (copy, 0), stage_at (copy, 0)), ==, 3);
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (copy, 0), stage_at (copy, 0), 0)), ==,
                   "“Is it worth it?”, she asks, \"really?\"");
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (copy, 0), stage_at (copy, 0), 1)), ==,
                   "Two lines:\nfirst, then second");
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (copy, 0), stage_at (copy, 0), 2)), ==, "");
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (copy, 0), stage_at (copy, 1), 0)), ==,
                   "قیمت در سبد خرید با قیمت صفحه محصول فرق دارد");
  g_assert_cmpstr (wm_stage_get_name (stage_at (copy, 0)), ==, "Compare, then \"decide\"");
  g_assert_cmpuint (n_cards (lane_at (copy, 1), stage_at (copy, 1)), ==, 1);

  /* And back into the map it came from: nothing to do, not even for the lane without a title. */
  g_clear_pointer (&changes, g_strfreev);
  wm_history_clear (wm_document_get_history (document));
  changes = apply_grid (grid, document);
  g_assert_cmpuint (g_strv_length (changes), ==, 0);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));
}

static void
test_grid_spreadsheet (void)
{
  g_autoptr(WmDocument) document = empty_map ();
  g_autoptr(GFile) file = fixture ("spreadsheet.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmGridCsv) grid = wm_grid_csv_read_file (file, NULL, &error);
  g_auto(GStrv) changes = NULL;

  /* Semicolons, CR LF, Windows-1252, no kind column, an empty column and
   * an empty row at the end, as a spreadsheet saves them. */
  g_assert_no_error (error);
  changes = apply_grid (grid, document);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, 2);
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 1)), ==, "Purchase");
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_lanes (document)), ==, 3);
  /* Without kinds, a lane named as a kind is of that kind. */
  g_assert_cmpint (wm_lane_get_kind (lane_at (document, 0)), ==, WM_LANE_KIND_ACTIONS);
  g_assert_cmpint (wm_lane_get_kind (lane_at (document, 1)), ==, WM_LANE_KIND_PAIN_POINTS);
  g_assert_cmpint (wm_lane_get_kind (lane_at (document, 2)), ==, WM_LANE_KIND_ACTIONS);
  g_assert_cmpstr (wm_lane_get_title (lane_at (document, 2)), ==, "Café visits");
  g_assert_cmpuint (n_cards (lane_at (document, 0), stage_at (document, 0)), ==, 2);
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (document, 0), stage_at (document, 0), 1)), ==, "Asks a friend");
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (document, 2), stage_at (document, 0), 0)), ==, "Meets in a café");
  g_assert_true (has_change (changes, "lane added: Café visits"));
  g_assert_true (has_change (changes, "Pain points, Purchase: 1 card added"));
}

static void
test_grid_new_stage_in_order (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmGridCsv) grid = NULL;
  g_auto(GStrv) changes = NULL;

  /* A grid of some stages only, one of them new, and a lane matched in
   * another case: the new stage goes after the one before it. */
  grid = read_grid_text ("\"\",\"kind\",\"purchase\",\"Delivery\",\"Retention\"\n"
                         "\"CUSTOMER ACTIONS\",\"actions\",\"\",\"Waits for the car\",\"\"\n", &error);
  g_assert_no_error (error);
  changes = apply_grid (grid, document);
  g_assert_cmpstrv (changes, ((const char * const[]) {
    "stage added: Delivery",
    "Customer actions, Purchase: 3 removed",
    "Customer actions, Delivery: 1 card added",
    "Customer actions, Retention: 2 removed",
    NULL }));
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 3)), ==, "Delivery");
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 4)), ==, "Retention");
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_lanes (document)), ==, 7);
  assert_one_step (document, before);
}

/* Fails unless @text is refused as a grid with @code, the message
 * starting with @place. */
static void
assert_grid_refused (const char *text,
                     gssize      len,
                     int         code,
                     const char *place)
{
  g_autoptr(GFile) file = temp_file ("broken.csv", text, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmGridCsv) grid = wm_grid_csv_read_file (file, NULL, &error);

  g_test_message ("%s", error != NULL ? error->message : "read");
  g_assert_null (grid);
  g_assert_error (error, WM_GRID_CSV_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, place));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_grid_refused (void)
{
  static const char nul[] = "\"\",\"kind\",\"Apply\"\n\"Actions\",\"actions\",\"a\0b\"\n";

  assert_grid_refused ("\"Lanes\",\"kind\",\"Apply\"\n", -1, WM_GRID_CSV_ERROR_LAYOUT, "row 1, column 1: ");
  assert_grid_refused ("\"\",\"kind\",\"Apply\"\n\"Actions\",\"dancing\",\"x\"\n", -1, WM_GRID_CSV_ERROR_LAYOUT,
                       "row 2, column 2: “dancing” is not a kind of lane");
  assert_grid_refused ("\"\",\"kind\",\"Apply\"\n\"Actions\",\"\",\"x\"\n", -1, WM_GRID_CSV_ERROR_LAYOUT,
                       "row 2, column 2: ");
  assert_grid_refused ("\"\",\"kind\",\"Apply\"\n\"\",\"actions\",\"x\"\n", -1, WM_GRID_CSV_ERROR_LAYOUT,
                       "row 2, column 1: ");
  assert_grid_refused ("\"\",\"kind\",\"Apply\"\n\"Actions\",\"actions\",\"x\",\"y\"\n", -1, WM_GRID_CSV_ERROR_LAYOUT,
                       "row 2, column 4: ");
  assert_grid_refused ("\"\",\"kind\",\"Apply\"\n\"Actions\",\"actions\",\"x\n", -1, WM_GRID_CSV_ERROR_SYNTAX,
                       "row 2, column 3: ");
  assert_grid_refused ("\"\",\"kind\",\"Apply\"\n\"Actions\",\"actions\",x\"y\n", -1, WM_GRID_CSV_ERROR_SYNTAX,
                       "row 2, column 3: ");
  assert_grid_refused (nul, sizeof nul - 1, WM_GRID_CSV_ERROR_ENCODING, "row 2, column 3: ");
  assert_grid_refused ("", 0, WM_GRID_CSV_ERROR_LAYOUT, "");
}

static void
test_grid_refused_by_map (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unnamed_error = NULL;
  g_autoptr(WmGridCsv) grid = NULL;
  g_autoptr(WmGridCsv) unnamed = NULL;

  /* Cards in the emotion curve, after a change that would be fine: nothing happens. */
  grid = read_grid_text ("\"\",\"kind\",\"Awareness\"\n"
                         "\"Customer actions\",\"actions\",\"New\"\n"
                         "\"Emotion curve\",\"emotion-curve\",\"Happy\"\n", &error);
  g_assert_no_error (error);
  g_assert_false (wm_grid_csv_apply (grid, document, NULL, &error));
  g_assert_error (error, WM_GRID_CSV_ERROR, WM_GRID_CSV_ERROR_LAYOUT);
  g_assert_true (g_str_has_prefix (error->message, "row 3, column 3: "));

  /* Cards under a column without a stage's name. */
  unnamed = read_grid_text ("\"\",\"kind\",\"Awareness\",\" \"\n\"Customer actions\",\"actions\",\"\",\"x\"\n",
                            &unnamed_error);
  g_assert_no_error (unnamed_error);
  g_assert_false (wm_grid_csv_apply (unnamed, document, NULL, &unnamed_error));
  g_assert_true (g_str_has_prefix (unnamed_error->message, "row 1, column 4: "));

  after = wm_format_save_bytes (document);
  assert_bytes_equal (after, before);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));
}

static void
test_grid_hostile (void)
{
  g_autoptr(GString) text = g_string_new ("\"\",\"kind\",\"A\"\n");
  g_autoptr(GString) big = g_string_new ("\"\",\"kind\",\"A\"\n\"Actions\",\"actions\",\"");

  /* More lanes than a map may have. */
  for (guint i = 0; i < 501; i++)
    g_string_append_printf (text, "\"Lane %u\",\"notes\",\"x\"\n", i);
  assert_grid_refused (text->str, text->len, WM_GRID_CSV_ERROR_TOO_LARGE, "row 502: ");

  /* A cell of 2 MiB, or a quote never closed before the end of a large file. */
  for (guint i = 0; i < 2 * 1024 * 1024 / 8; i++)
    g_string_append (big, "a card\n\n");
  assert_grid_refused (big->str, big->len, WM_GRID_CSV_ERROR_TOO_LARGE, "row 2, column 3: ");
  g_string_append (big, "\"\n");
  assert_grid_refused (big->str, big->len, WM_GRID_CSV_ERROR_TOO_LARGE, "row 2, column 3: ");

  /* A card longer than a map takes. */
  g_string_truncate (big, 0);
  g_string_append (big, "\"\",\"kind\",\"A\"\n\"Actions\",\"actions\",\"");
  for (guint i = 0; i < 70000; i++)
    g_string_append_c (big, 'x');
  g_string_append (big, "\"\n");
  assert_grid_refused (big->str, big->len, WM_GRID_CSV_ERROR_TOO_LARGE, "row 2, column 3: line 1 ");
}

static void
test_grid_export_too_large (void)
{
  g_autoptr(WmDocument) document = empty_map ();
  WmStage *stage = wm_edit_add_stage (document, 0, "Apply");
  WmLane *lane = wm_edit_add_lane (document, 0, WM_LANE_KIND_NOTES, "Notes");
  g_autofree char *text = g_strnfill (60000, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;

  /* A cell no import would take back is not written. */
  for (guint i = 0; i < 20; i++)
    wm_edit_add_card (document, lane, stage, i, text);
  csv = wm_grid_csv_export (document, &error);
  g_assert_null (csv);
  g_assert_error (error, WM_GRID_CSV_ERROR, WM_GRID_CSV_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "Notes, Apply: "));
}

/* ------------------------------------------------------------------------ */
/* Mermaid journeys                                                         */

static WmMermaid *
parse_text (const char  *text,
            gssize       len,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return wm_mermaid_parse (bytes, error);
}

static GStrv
export_lines (WmDocument *document)
{
  g_autoptr(GBytes) text = wm_mermaid_export (document);
  g_autofree char *string = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));

  g_assert_true (g_str_has_suffix (string, "\n"));
  string[strlen (string) - 1] = '\0';
  return g_strsplit (string, "\n", -1);
}

static void
test_mermaid_export (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_auto(GStrv) lines = export_lines (document);
  g_autoptr(GRegex) task = g_regex_new ("^      [^:#;%\n][^:#;\n]*: [1-5](: [^:#;,\n]+(, [^:#;,\n]+)*)?$", 0, 0, NULL);
  guint n_sections = 0;

  g_assert_cmpstr (lines[0], ==, "journey");
  g_assert_cmpstr (lines[1], ==, "    title Buying a new car: from first spark to recommending the dealer");
  g_assert_cmpstr (lines[2], ==, "    section Awareness");
  /* Both feel 0.5 and 0 there on -3..3, which is 3 on 1..5: one task for both. */
  g_assert_cmpstr (lines[3], ==,
                   "      Notices the dog crate no longer fits in the boot of the old hatchback: 3: "
                   "Marta Zielińska, Krzysztof Lewandowski");
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "    section "))
        {
          GListModel *stages = wm_document_get_stages (document);

          g_assert_cmpstr (lines[i] + strlen ("    section "), ==,
                           wm_stage_get_name (wm_document_peek (stages, n_sections)));
          n_sections++;
          continue;
        }
      g_test_message ("%s", lines[i]);
      g_assert_true (g_regex_match (task, lines[i], 0, NULL));
    }
  g_assert_cmpuint (n_sections, ==, 5);

  /* Where the personas feel differently, a task for each score: at the
   * purchase Marta is at +3, Krzysztof at −1. */
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "      Signs the order and the leasing contract: 5: Marta Zielińska"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "      Signs the order and the leasing contract: 2: Krzysztof Lewandowski"));
}

static void
test_mermaid_export_escapes (void)
{
  static const char * const expected[] = {
    "journey",
    "    title Line one line two； ＃3",
    "    section Step 1： apply ＃ now",
    "      \xe2\x80\x8bTitle deed： signed； 100%％ done next: 5: Smith， John： senior",
    "      \xe2\x80\x8bjourney planning: 5: Smith， John： senior",
    "      \xe2\x80\x8b% of forms: 5: Smith， John： senior",
    "    section Stage 2",
    "      Bored： very: 1: Ann",
    NULL
  };
  g_autoptr(WmDocument) document = empty_map ();
  WmStage *stage = wm_edit_add_stage (document, 0, "Step 1: apply # now");
  WmStage *quiet = wm_edit_add_stage (document, 1, "");
  WmLane *lane = wm_edit_add_lane (document, 0, WM_LANE_KIND_ACTIONS, NULL);
  WmPersona *persona = wm_edit_add_persona (document, "Smith, John: senior");
  WmPersona *other = wm_edit_add_persona (document, "Ann");
  g_auto(GStrv) lines = NULL;

  wm_document_set_title (document, "Line one\nline two; #3");
  wm_edit_add_card (document, lane, stage, 0, "Title deed: signed; 100%% done\nnext");
  wm_edit_add_card (document, lane, stage, 1, "journey planning");
  wm_edit_add_card (document, lane, stage, 2, "% of forms");
  wm_edit_set_score (document, persona, stage, 3);
  wm_edit_set_score (document, other, quiet, -3);
  wm_emotion_point_set_label (wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (other)),
                                                              wm_element_get_id (WM_ELEMENT (quiet))), "Bored: very");

  lines = export_lines (document);
  g_assert_cmpstrv (lines, expected);
}

static void
test_mermaid_import (void)
{
  g_autoptr(GFile) file = fixture ("journey.mmd");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMermaid) journey = wm_mermaid_read_file (file, NULL, &error);
  g_autoptr(WmDocument) document = NULL;
  g_auto(GStrv) changes = NULL;
  GListModel *personas;
  struct {
    guint persona, stage;
    double score;
  } expected[] = {
    { 0, 0, 0.75 },   /* Anna at Apply: 4 and 3, 3.5 on 1..5 */
    { 0, 1, -1.5 },   /* Anna waiting: 2 */
    { 0, 2, 3 },
    { 1, 0, 0 },      /* Ben at Apply: 4 and 2 */
    { 1, 1, -3 },     /* Ben waiting: 1 and 1 */
    { 1, 2, 3 },
  };

  g_assert_no_error (error);
  g_assert_cmpstr (wm_mermaid_get_title (journey), ==, "Renewing a passport");
  g_assert_cmpuint (wm_mermaid_get_n_sections (journey), ==, 3);
  g_assert_cmpuint (wm_mermaid_get_n_tasks (journey), ==, 8);

  document = wm_mermaid_create_map (journey, &changes, &error);
  g_assert_no_error (error);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));
  g_assert_cmpstr (wm_document_get_title (document), ==, "Renewing a passport");

  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, 3);
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 0)), ==, "Apply");
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 2)), ==, "Collect");
  personas = wm_document_get_personas (document);
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);
  g_assert_cmpstr (wm_persona_get_name (item (personas, 0)), ==, "Anna");
  g_assert_cmpstr (wm_persona_get_name (item (personas, 1)), ==, "Ben");
  g_assert_cmpstr (wm_persona_get_color (item (personas, 0)), !=, wm_persona_get_color (item (personas, 1)));

  /* A lane of actions, holding each task once, and an emotion curve. */
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_lanes (document)), ==, 2);
  g_assert_cmpint (wm_lane_get_kind (lane_at (document, 0)), ==, WM_LANE_KIND_ACTIONS);
  g_assert_cmpint (wm_lane_get_kind (lane_at (document, 1)), ==, WM_LANE_KIND_EMOTION_CURVE);
  g_assert_cmpuint (n_cards (lane_at (document, 0), stage_at (document, 0)), ==, 2);
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (document, 0), stage_at (document, 0), 1)), ==, "Pay the fee");
  g_assert_cmpuint (n_cards (lane_at (document, 0), stage_at (document, 1)), ==, 2);
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (document, 0), stage_at (document, 2), 1)), ==, "Sign for it");

  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_points (document)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      WmPersona *persona = item (personas, expected[i].persona);
      WmEmotionPoint *point = wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (persona)),
                                                              wm_element_get_id (WM_ELEMENT (stage_at (document, expected[i].stage))));

      g_assert_nonnull (point);
      g_assert_cmpfloat_with_epsilon (wm_emotion_point_get_score (point), expected[i].score, 1e-9);
      g_assert_false (wm_emotion_point_get_computed (point));
    }
  g_assert_true (has_change (changes, "persona added: Ben"));
  g_assert_true (has_change (changes, "Anna, Apply: none → +0.75"));
}

static void
test_mermaid_into_map (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMermaid) journey = NULL;
  g_auto(GStrv) changes = NULL;
  WmPersona *marta = item (wm_document_get_personas (document), 0);
  WmEmotionPoint *point;

  journey = parse_text ("journey\n"
                        "  section Awareness\n"
                        "    Reads a review: 1: Marta Zielińska, Ola\n"
                        "  section Delivery\n"
                        "    Waits: 2: Ola\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (wm_mermaid_apply (journey, document, &changes, &error));
  g_assert_no_error (error);

  /* Marta is matched, Ola is new; the new stage comes right after the
   * stage of the section before it. */
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_personas (document)), ==, 3);
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 0)), ==, "Awareness");
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 1)), ==, "Delivery");
  point = wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (marta)),
                                          wm_element_get_id (WM_ELEMENT (stage_at (document, 0))));
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -3);
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (document, 0), stage_at (document, 0), 2)), ==, "Reads a review");
  g_assert_true (has_change (changes, "stage added: Delivery"));
  g_assert_true (has_change (changes, "persona added: Ola"));
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Import Journey");
}

static void
test_mermaid_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(WmDocument) document = load_example (examples[i]);
      g_autoptr(GBytes) before = wm_format_save_bytes (document);
      g_autoptr(GBytes) text = wm_mermaid_export (document);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmMermaid) journey = wm_mermaid_parse (text, &error);
      g_autoptr(WmDocument) copy = NULL;
      g_auto(GStrv) changes = NULL;
      g_autoptr(GBytes) after = NULL;

      g_test_message ("%s", examples[i]);
      g_assert_no_error (error);
      g_assert_true (wm_mermaid_apply (journey, document, &changes, &error));
      g_assert_cmpuint (g_strv_length (changes), ==, 0);
      g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));
      after = wm_format_save_bytes (document);
      assert_bytes_equal (after, before);

      /* A new map of it has the stages, personas and whole-step scores. */
      copy = wm_mermaid_create_map (journey, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (wm_document_get_title (copy), ==, wm_document_get_title (document));
      g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (copy)), ==,
                        g_list_model_get_n_items (wm_document_get_stages (document)));
      g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_personas (copy)), ==,
                        g_list_model_get_n_items (wm_document_get_personas (document)));
      g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_points (copy)), ==,
                        g_list_model_get_n_items (wm_document_get_emotion_points (document)));
    }
}

static void
test_mermaid_feelings (void)
{
  g_autoptr(WmDocument) document = empty_map ();
  WmStage *apply = wm_edit_add_stage (document, 0, "Apply");
  WmStage *wait = wm_edit_add_stage (document, 1, "Wait");
  WmLane *lane = wm_edit_add_lane (document, 0, WM_LANE_KIND_ACTIONS, NULL);
  WmPersona *anna = wm_edit_add_persona (document, "Anna");
  WmPersona *ben = wm_edit_add_persona (document, "Ben");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMermaid) journey = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) changes = NULL;

  wm_edit_add_card (document, lane, apply, 0, "Fills in the form");
  wm_edit_set_score (document, anna, apply, 2);
  wm_edit_set_score (document, anna, wait, -2);
  wm_edit_set_score (document, ben, wait, -3);
  wm_emotion_point_set_label (wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (anna)),
                                                              wm_element_get_id (WM_ELEMENT (wait))), "Bored");
  wm_history_clear (wm_document_get_history (document));

  /* Where nobody does anything, a task tells how each feels. */
  lines = export_lines (document);
  g_assert_true (g_strv_contains ((const char * const *) lines, "      Fills in the form: 4: Anna"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "      Bored: 2: Anna"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "      Experience: 1: Ben"));

  /* Such a task is a feeling again, not an action. */
  before = wm_format_save_bytes (document);
  text = wm_mermaid_export (document);
  journey = wm_mermaid_parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (wm_mermaid_apply (journey, document, &changes, &error));
  g_assert_cmpuint (g_strv_length (changes), ==, 0);
  after = wm_format_save_bytes (document);
  assert_bytes_equal (after, before);
}

static void
assert_mermaid_refused (const char *text,
                        gssize      len,
                        int         code,
                        const char *place)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMermaid) journey = parse_text (text, len, &error);

  g_test_message ("%s", error != NULL ? error->message : "parsed");
  g_assert_null (journey);
  g_assert_error (error, WM_MERMAID_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, place));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_mermaid_refused (void)
{
  static const char nul[] = "journey\n\n  section A\0\n";

  assert_mermaid_refused ("journey\n  section A\n    Task: 7: Me\n", -1, WM_MERMAID_ERROR_SYNTAX,
                          "line 3: the score “7” of the task “Task” is not a number from 1 to 5");
  assert_mermaid_refused ("journey\n  section A\n    Task: high: Me\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 3: ");
  assert_mermaid_refused ("journey\n  section A\n    Task\n", -1, WM_MERMAID_ERROR_SYNTAX,
                          "line 3: “Task” is neither a section nor a task");
  assert_mermaid_refused ("journey\n  title T\n    Task: 3: Me\n", -1, WM_MERMAID_ERROR_SYNTAX,
                          "line 3: the task “Task” is in no section");
  assert_mermaid_refused ("flowchart LR\n  A --> B\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 1: ");
  assert_mermaid_refused ("%% nothing\n\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 2: ");
  assert_mermaid_refused ("", 0, WM_MERMAID_ERROR_SYNTAX, "line 1: ");
  assert_mermaid_refused ("journey\n  title T\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 2: the journey has no section");
  assert_mermaid_refused ("journey\n  section A\n    T: 3: Me, \n", -1, WM_MERMAID_ERROR_SYNTAX, "line 3: ");
  assert_mermaid_refused ("journey\n  section A: B\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 2: ");
  assert_mermaid_refused ("journey\n  section\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 2: ");
  assert_mermaid_refused ("journey\n  section A\n    T: 3: Me: You\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 3: ");
  assert_mermaid_refused ("journey\n  section A\n    T: 3; U: 2\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 3: ");
  assert_mermaid_refused ("journey\n  section A\n    : 3\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 3: ");
  assert_mermaid_refused ("journey\n  section \xff\n", -1, WM_MERMAID_ERROR_ENCODING, "line 2: ");
  assert_mermaid_refused (nul, sizeof nul - 1, WM_MERMAID_ERROR_ENCODING, "line 3: a NUL byte");
  assert_mermaid_refused ("---\ntitle: T\njourney\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 1: ");
  assert_mermaid_refused ("journey\n  accDescr {\n  section A\n", -1, WM_MERMAID_ERROR_SYNTAX, "line 2: ");
}

static void
test_mermaid_front_matter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMermaid) journey = parse_text ("\xef\xbb\xbf---\r\ntitle: \"Moving house\"\r\nconfig:\r\n  theme: dark\r\n---\r\n"
                                             "journey\r\n  SECTION Pack\r\n    %%{init: {}}%%\r\n"
                                             "    \xe2\x80\x8bTitle deed: 4.5: Me\r\n", -1, &error);
  g_autoptr(WmDocument) document = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (wm_mermaid_get_title (journey), ==, "Moving house");
  document = wm_mermaid_create_map (journey, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 0)), ==, "Pack");
  /* The mark that keeps Mermaid from reading a keyword is not part of the text. */
  g_assert_cmpstr (wm_card_get_text (card_at (lane_at (document, 0), stage_at (document, 0), 0)), ==, "Title deed");
  g_assert_cmpfloat_with_epsilon (wm_emotion_point_get_score (item (wm_document_get_emotion_points (document), 0)),
                                  2.25, 1e-9);
}

static void
test_mermaid_hostile (void)
{
  g_autoptr(GString) text = g_string_new ("journey\n  section A\n");
  g_autoptr(GBytes) valid = NULL;
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");

  /* More actors than a map has personas. */
  for (guint i = 0; i < 101; i++)
    g_string_append_printf (text, "    T: 3: Actor %u\n", i);
  assert_mermaid_refused (text->str, text->len, WM_MERMAID_ERROR_TOO_LARGE, "line 103: ");

  /* A line too long, and a file too large. */
  g_string_assign (text, "journey\n  section A\n    T");
  for (guint i = 0; i < 70000; i++)
    g_string_append_c (text, 'x');
  assert_mermaid_refused (text->str, text->len, WM_MERMAID_ERROR_TOO_LARGE, "line 3: ");
  while (text->len <= WM_MERMAID_MAX_BYTES)
    g_string_append (text, "\n    T: 3: Me");
  assert_mermaid_refused (text->str, text->len, WM_MERMAID_ERROR_TOO_LARGE, "");

  /* Bytes changed at random in an exported map: read or refused with a
   * line, never a crash, and what is read applies. */
  valid = wm_mermaid_export (document);
  for (guint round = 0; round < 500; round++)
    {
      g_autofree char *data = g_memdup2 (g_bytes_get_data (valid, NULL), g_bytes_get_size (valid));
      gsize size = g_bytes_get_size (valid);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmMermaid) journey = NULL;

      for (guint k = 0; k < 1 + round % 8; k++)
        data[g_test_rand_int_range (0, size)] = (char) g_test_rand_int_range (0, 256);
      journey = parse_text (data, g_test_rand_int_range (1, size + 1), &error);
      if (journey == NULL)
        g_assert_true (g_str_has_prefix (error->message, "line "));
      else
        {
          g_autoptr(WmDocument) copy = wm_mermaid_create_map (journey, NULL, &error);
          g_autoptr(GBytes) saved = NULL;
          g_autoptr(WmDocument) reloaded = NULL;

          g_assert_no_error (error);
          saved = wm_format_save_bytes (copy);
          reloaded = wm_format_load_bytes (saved, &error);
          g_assert_no_error (error);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/grid/layout", test_grid_layout);
  g_test_add_func ("/exchange/grid/read-back", test_grid_read_back);
  g_test_add_func ("/exchange/grid/round-trip", test_grid_round_trip);
  g_test_add_func ("/exchange/grid/edit-cell", test_grid_edit_cell);
  g_test_add_func ("/exchange/grid/cell-changes", test_grid_cell_changes);
  g_test_add_func ("/exchange/grid/quoting", test_grid_quoting);
  g_test_add_func ("/exchange/grid/spreadsheet", test_grid_spreadsheet);
  g_test_add_func ("/exchange/grid/new-stage-in-order", test_grid_new_stage_in_order);
  g_test_add_func ("/exchange/grid/refused", test_grid_refused);
  g_test_add_func ("/exchange/grid/refused-by-map", test_grid_refused_by_map);
  g_test_add_func ("/exchange/grid/hostile", test_grid_hostile);
  g_test_add_func ("/exchange/grid/export-too-large", test_grid_export_too_large);
  g_test_add_func ("/exchange/mermaid/export", test_mermaid_export);
  g_test_add_func ("/exchange/mermaid/export-escapes", test_mermaid_export_escapes);
  g_test_add_func ("/exchange/mermaid/import", test_mermaid_import);
  g_test_add_func ("/exchange/mermaid/into-map", test_mermaid_into_map);
  g_test_add_func ("/exchange/mermaid/round-trip", test_mermaid_round_trip);
  g_test_add_func ("/exchange/mermaid/feelings", test_mermaid_feelings);
  g_test_add_func ("/exchange/mermaid/refused", test_mermaid_refused);
  g_test_add_func ("/exchange/mermaid/front-matter", test_mermaid_front_matter);
  g_test_add_func ("/exchange/mermaid/hostile", test_mermaid_hostile);

  return g_test_run ();
}
