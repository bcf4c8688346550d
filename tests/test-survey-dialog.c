/* test-survey-dialog.c: the dialog that imports a survey into a map: the
 * columns it offers, the preview that follows the choices, Import as one
 * step, and broken files that it explains and will not import.
 *
 * The map is data/survey/map.waymark (Anna, Bob, Zoë × Awareness,
 * Purchase, Use, on −3..3, Anna at Purchase set by hand to +2); the
 * surveys are data/survey/ and data/survey-dialog/. What the preview
 * shows is read from its rows, as a user would see it.
 */
#include <adwaita.h>
#include <string.h>

#include "test-ui.h"
#include "wm-format.h"
#include "wm-survey-dialog.h"

typedef struct
{
  GtkWidget *parent;
  WmDocument *document;
  WmSurveyDialog *dialog;
} Fixture;

static GFile *
data_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
wait_for (WmSurveyDialog *dialog)
{
  while (wm_survey_dialog_get_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_open_file (Fixture *f,
                   GFile   *survey)
{
  g_autoptr(GFile) map = data_file ("survey", "map.waymark");
  g_autoptr(GError) error = NULL;

  f->document = wm_format_load_file (map, NULL, &error);
  g_assert_no_error (error);
  f->parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (f->parent));
  f->dialog = wm_survey_dialog_new (GTK_WINDOW (f->parent), f->document, survey);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

static void
fixture_open (Fixture    *f,
              const char *dir,
              const char *name)
{
  g_autoptr(GFile) survey = data_file (dir, name);

  fixture_open_file (f, survey);
  wait_for (f->dialog);
}

static void
fixture_close (Fixture *f)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  gtk_window_destroy (GTK_WINDOW (f->parent));
  g_clear_object (&f->document);
}

/* The first widget under @root (itself included) of @type whose title, or
 * label, is @text; any of @type for NULL. */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *shown = ADW_IS_PREFERENCES_ROW (root) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root))
                        : GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root))
                        : GTK_IS_LABEL (root) ? gtk_label_get_label (GTK_LABEL (root))
                        : NULL;

      if (text == NULL || g_strcmp0 (shown, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get (Fixture    *f,
     GType       type,
     const char *text)
{
  GtkWidget *found = find (GTK_WIDGET (f->dialog), type, text);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
find_numeric (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_numeric (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the preview's row of a persona at a stage says of its score:
 * "now → after", or "after (new)"; NULL when it shows no such row. */
static const char *
preview_change (Fixture    *f,
                const char *title)
{
  GtkWidget *row = find (GTK_WIDGET (f->dialog), ADW_TYPE_ACTION_ROW, title);
  GtkWidget *label = row != NULL ? find_numeric (row) : NULL;

  if (label == NULL || !gtk_widget_is_drawable (row))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (label));
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += gtk_widget_get_visible (row);
  return n;
}

/* The list of the preview: the one named for a screen reader. */
static GtkWidget *
preview_list (Fixture *f)
{
  GtkWidget *row = find (GTK_WIDGET (f->dialog), ADW_TYPE_ACTION_ROW, "Anna at Purchase");

  g_assert_nonnull (row);
  return gtk_widget_get_parent (row);
}

static gboolean
import_enabled (Fixture *f)
{
  return gtk_widget_is_sensitive (get (f, GTK_TYPE_BUTTON, "_Import"));
}

/* The preview: each persona at each stage with the score now and after,
 * and the rows that could not be used, with their row numbers. */
static void
test_preview (void)
{
  Fixture f;
  GtkWidget *problems;

  fixture_open (&f, "survey", "basic.csv");

  g_assert_null (wm_survey_dialog_get_error (f.dialog));
  g_assert_nonnull (wm_survey_dialog_get_survey (f.dialog));
  g_assert_true (import_enabled (&f));
  g_assert_cmpuint (n_rows (preview_list (&f)), ==, 4);
  g_assert_cmpstr (preview_change (&f, "Anna at Purchase"), ==, "\u2066+2\u2069 → \u2066−3\u2069");
  g_assert_cmpstr (preview_change (&f, "Anna at Awareness"), ==, "\u20660\u2069 (new)");
  g_assert_cmpstr (preview_change (&f, "Bob at Awareness"), ==, "\u2066+3\u2069 (new)");
  g_assert_nonnull (find (GTK_WIDGET (f.dialog), ADW_TYPE_ACTION_ROW, "row 8: the map has no persona “Carol”"));
  problems = find (GTK_WIDGET (f.dialog), ADW_TYPE_PREFERENCES_GROUP, NULL);
  for (; problems != NULL && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (problems)), "Problems") != 0;
       problems = gtk_widget_get_next_sibling (problems))
    ;
  g_assert_nonnull (problems);
  g_assert_true (gtk_widget_get_visible (problems));

  fixture_close (&f);
}

/* The column rows offer the header's names, "not in the file" first for
 * the optional roles; choosing another column for the score reads the
 * survey again, and the preview shows the new scores. */
static void
test_mapping_updates_preview (void)
{
  Fixture f;
  AdwComboRow *score_row, *comment_row;
  GListModel *offered;
  WmSurveyOptions options;

  fixture_open (&f, "survey-dialog", "two-scores.csv");
  score_row = ADW_COMBO_ROW (get (&f, ADW_TYPE_COMBO_ROW, "Sc_ore"));
  comment_row = ADW_COMBO_ROW (get (&f, ADW_TYPE_COMBO_ROW, "Co_mment"));

  offered = adw_combo_row_get_model (score_row);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (offered), 3), ==, "rating2");
  g_assert_cmpuint (adw_combo_row_get_selected (score_row), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (comment_row)), 0),
                   ==, "Not in the file");
  g_assert_cmpuint (adw_combo_row_get_selected (comment_row), ==, 0);

  /* score: Anna 1 and 3 on 1..5, so 2: −1.5 on −3..3 */
  g_assert_cmpstr (preview_change (&f, "Anna at Awareness"), ==, "\u2066−1.5\u2069 (new)");

  adw_combo_row_set_selected (score_row, 3);
  g_assert_true (wm_survey_dialog_get_busy (f.dialog));
  g_assert_false (import_enabled (&f));
  wait_for (f.dialog);
  wm_survey_dialog_get_options (f.dialog, &options);
  g_assert_cmpint (options.columns[WM_SURVEY_ROLE_SCORE], ==, 3);
  /* rating2: Anna 5 and 5 on 1..5: +3 */
  g_assert_cmpstr (preview_change (&f, "Anna at Awareness"), ==, "\u2066+3\u2069 (new)");
  g_assert_cmpstr (preview_change (&f, "Bob at Use"), ==, "\u2066−3\u2069 (new)");
  g_assert_true (import_enabled (&f));

  fixture_close (&f);
}

/* Without a header, the first row is a response and the columns are
 * numbered. */
static void
test_no_header (void)
{
  Fixture f;
  AdwComboRow *persona_row;
  WmSurveyOptions options;

  fixture_open (&f, "survey", "basic.csv");
  g_assert_cmpuint (wm_survey_get_n_responses (wm_survey_dialog_get_survey (f.dialog)), ==, 10);

  gtk_switch_set_active (GTK_SWITCH (get (&f, GTK_TYPE_SWITCH, NULL)), FALSE);
  wait_for (f.dialog);
  wm_survey_dialog_get_options (f.dialog, &options);
  g_assert_false (options.header);
  persona_row = ADW_COMBO_ROW (get (&f, ADW_TYPE_COMBO_ROW, "_Persona"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (persona_row)), 0),
                   ==, "Column 1");
  g_assert_cmpuint (wm_survey_get_n_responses (wm_survey_dialog_get_survey (f.dialog)), ==, 11);

  fixture_close (&f);
}

/* The separator told is chosen; with another, the sample's columns no
 * longer hold and are found by their names, here in vain. */
static void
test_separator (void)
{
  Fixture f;
  AdwComboRow *separator_row;
  GtkWidget *columns;
  WmSurveyOptions options;

  fixture_open (&f, "survey", "semicolon.csv");
  wm_survey_dialog_get_options (f.dialog, &options);
  g_assert_cmpint (options.delimiter, ==, ';');
  g_assert_nonnull (wm_survey_dialog_get_survey (f.dialog));
  separator_row = ADW_COMBO_ROW (get (&f, ADW_TYPE_COMBO_ROW, "_Separator"));
  columns = gtk_widget_get_ancestor (get (&f, ADW_TYPE_COMBO_ROW, "_Persona"), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_is_sensitive (columns));

  adw_combo_row_set_selected (separator_row, 0);
  wait_for (f.dialog);
  wm_survey_dialog_get_options (f.dialog, &options);
  g_assert_cmpint (options.delimiter, ==, ',');
  g_assert_cmpint (options.columns[WM_SURVEY_ROLE_PERSONA], ==, WM_SURVEY_COLUMN_AUTO);
  g_assert_false (gtk_widget_is_sensitive (columns));
  g_assert_nonnull (wm_survey_dialog_get_error (f.dialog));
  g_assert_false (import_enabled (&f));

  adw_combo_row_set_selected (separator_row, 1);
  wait_for (f.dialog);
  g_assert_true (gtk_widget_is_sensitive (columns));
  g_assert_nonnull (wm_survey_dialog_get_survey (f.dialog));
  g_assert_true (import_enabled (&f));

  fixture_close (&f);
}

/* A scale set by hand rescales from it; a scale upside down is refused
 * with a reason, and nothing can be imported. */
static void
test_scale (void)
{
  Fixture f;
  WmSurveyOptions options;

  fixture_open (&f, "survey", "basic.csv");
  wm_survey_dialog_get_options (f.dialog, &options);
  options.scale_min = 1;
  options.scale_max = 9;
  wm_survey_dialog_set_options (f.dialog, &options);
  wait_for (f.dialog);
  /* Anna at Purchase: 1 on 1..9 is still the bottom; Anna at Awareness: 3 on 1..9 is −1.5 */
  g_assert_cmpstr (preview_change (&f, "Anna at Awareness"), ==, "\u2066−1.5\u2069 (new)");

  /* The lowest above the highest, as a user might type it. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (get (&f, ADW_TYPE_ACTION_ROW, "_Lowest Score"),
                                                    GTK_TYPE_SPIN_BUTTON, NULL)), 10);
  wait_for (f.dialog);
  g_assert_nonnull (wm_survey_dialog_get_error (f.dialog));
  g_assert_false (import_enabled (&f));
  g_assert_null (preview_change (&f, "Anna at Awareness"));

  fixture_close (&f);
}

static void
on_imported (WmSurveyDialog *dialog,
             guint          *count)
{
  (*count)++;
}

/* Import sets the points and closes; one undo takes the whole import back. */
static void
test_import (void)
{
  Fixture f;
  WmHistory *history;
  WmEmotionPoint *point;
  guint imported = 0;
  guint n_points;

  fixture_open (&f, "survey", "basic.csv");
  history = wm_document_get_history (f.document);
  n_points = g_list_model_get_n_items (wm_document_get_emotion_points (f.document));
  g_signal_connect (f.dialog, "imported", G_CALLBACK (on_imported), &imported);

  g_signal_emit_by_name (get (&f, GTK_TYPE_BUTTON, "_Import"), "clicked");
  g_assert_cmpuint (imported, ==, 1);
  g_assert_null (f.dialog);
  point = wm_document_find_emotion_point (f.document, "p-anna", "s-purchase");
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -3);
  g_assert_true (wm_emotion_point_get_computed (point));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_points (f.document)), ==, n_points + 3);

  g_assert_true (wm_history_undo (history));
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 2);
  g_assert_false (wm_emotion_point_get_computed (point));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_points (f.document)), ==, n_points);

  fixture_close (&f);
}

/* A broken file says where it is broken, and offers nothing to import. */
static void
test_broken (gconstpointer data)
{
  const char *name = data;
  Fixture f;
  GtkWidget *error_row;

  fixture_open (&f, "survey", name);
  g_assert_nonnull (wm_survey_dialog_get_error (f.dialog));
  g_assert_null (wm_survey_dialog_get_survey (f.dialog));
  error_row = get (&f, ADW_TYPE_ACTION_ROW, "The survey cannot be imported");
  g_assert_true (gtk_widget_is_drawable (error_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (error_row)), ==, wm_survey_dialog_get_error (f.dialog));
  g_assert_false (import_enabled (&f));
  g_assert_false (wm_survey_dialog_import (f.dialog));
  g_assert_nonnull (f.dialog);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (f.document)));

  fixture_close (&f);
}

/* The preview shows the map as it is: a change of the map while the
 * dialog is open reads the survey again. */
static void
test_follows_map (void)
{
  Fixture f;
  WmEmotionPoint *point;

  fixture_open (&f, "survey", "basic.csv");
  point = wm_document_find_emotion_point (f.document, "p-anna", "s-purchase");
  wm_history_set (wm_document_get_history (f.document), point, "score", -1.0, NULL);
  g_assert_true (wm_survey_dialog_get_busy (f.dialog));
  wait_for (f.dialog);
  g_assert_cmpstr (preview_change (&f, "Anna at Purchase"), ==, "\u2066−1\u2069 → \u2066−3\u2069");

  fixture_close (&f);
}

static GFile *
write_large_survey (guint rows)
{
  g_autoptr(GString) text = g_string_new ("persona,stage,score\n");
  g_autofree char *dir = g_dir_make_tmp ("test-survey-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "%s,%s,%u\n", i % 2 ? "Anna" : "Bob", i % 3 ? "Use" : "Purchase", i % 5 + 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* A large survey is read while the window goes on: the dialog comes up
 * at once, reading; closed before the end, it stops and changes nothing. */
static void
test_large (void)
{
  g_autoptr(GFile) file = write_large_survey (200000);
  Fixture f;

  fixture_open_file (&f, file);
  g_assert_true (wm_survey_dialog_get_busy (f.dialog));
  g_assert_null (wm_survey_dialog_get_survey (f.dialog));
  wait_for (f.dialog);
  g_assert_cmpuint (wm_survey_get_n_responses (wm_survey_dialog_get_survey (f.dialog)), ==, 200000);
  g_assert_cmpuint (wm_survey_get_n_groups (wm_survey_dialog_get_survey (f.dialog)), ==, 4);
  fixture_close (&f);

  fixture_open_file (&f, file);
  g_object_ref (f.dialog);
  gtk_window_destroy (GTK_WINDOW (f.dialog));
  g_object_unref (f.dialog);
  /* The reading thread holds the dialog until it has stopped. */
  while (f.dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (f.document)));
  fixture_close (&f);

  g_file_delete (file, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/survey-dialog/preview", test_preview);
  g_test_add_func ("/survey-dialog/mapping-updates-preview", test_mapping_updates_preview);
  g_test_add_func ("/survey-dialog/no-header", test_no_header);
  g_test_add_func ("/survey-dialog/separator", test_separator);
  g_test_add_func ("/survey-dialog/scale", test_scale);
  g_test_add_func ("/survey-dialog/import", test_import);
  g_test_add_data_func ("/survey-dialog/broken/stray-quote", "stray-quote.csv", test_broken);
  g_test_add_data_func ("/survey-dialog/broken/nul", "nul.csv", test_broken);
  g_test_add_data_func ("/survey-dialog/broken/nothing-matches", "nothing-matches.csv", test_broken);
  g_test_add_data_func ("/survey-dialog/broken/no-score", "no-score-column.csv", test_broken);
  g_test_add_func ("/survey-dialog/follows-map", test_follows_map);
  g_test_add_func ("/survey-dialog/large", test_large);

  return g_test_run ();
}
