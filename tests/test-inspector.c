/* test-inspector.c: the inspector, the side panel that edits the selection.
 *
 * Each test shows the inspector in a real window (under Xvfb), selects
 * elements of tests/data/full.waymark as the canvas would, and works the
 * fields as a user does: it finds them by their titles among the widgets
 * on screen, types into them, and checks the map, its history and what
 * the panel shows.
 *
 * With WM_INSPECTOR_SCREENSHOTS=DIR set, it saves pictures of every page
 * instead, light, dark and right to left, to be looked at.
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-card.h"
#include "wm-edit.h"
#include "wm-format.h"
#include "wm-inspector.h"
#include "wm-inspector-evidence-row.h"
#include "wm-inspector-persona-page.h"
#include "wm-inspector-text-row.h"
#include "wm-labels.h"

typedef struct
{
  WmDocument *document;
  WmHistory *history;
  WmSelection *selection;
  GtkWidget *window;
  GtkWidget *inspector;
} Fixture;

static void
settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @widget is on screen (or a generous while). */
static void
wait_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  settle ();
  g_assert_true (gtk_widget_get_mapped (widget));
}

/* @name: a map in tests/data, or a path from tests/ */
static WmDocument *
load_map (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, strchr (name, '/') ? "" : "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
fixture_open_map (Fixture    *f,
                  const char *map,
                  int         height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *canvas = gtk_label_new ("Canvas");

  f->document = load_map (map);
  f->history = wm_document_get_history (f->document);
  f->selection = wm_selection_new ();
  f->inspector = wm_inspector_new ();
  g_object_set (f->inspector, "document", f->document, "selection", f->selection, NULL);

  /* Beside a stand-in for the canvas, as in the window, so that the focus
   * can leave the inspector. */
  gtk_widget_set_hexpand (canvas, TRUE);
  gtk_widget_set_focusable (canvas, TRUE);
  gtk_box_append (GTK_BOX (box), canvas);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), f->inspector);
  gtk_widget_add_css_class (box, "background");

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, height);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_mapped (f->inspector);
}

static void
fixture_open (Fixture       *f,
              gconstpointer  data)
{
  fixture_open_map (f, "full.waymark", 900);
}

static void
fixture_close (Fixture       *f,
               gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  g_clear_object (&f->selection);

  /* Nothing the inspector made keeps the map alive once it is gone. */
  g_object_add_weak_pointer (G_OBJECT (f->document), (gpointer *) &f->document);
  g_object_unref (f->document);
  g_assert_null (f->document);
}

/* What a widget is called on screen: a row's or group's title, a status
 * page's, a label's text, or a button's tooltip. */
static const char *
title_of (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));

  return gtk_widget_get_tooltip_text (widget);
}

/* The widget of @type under @root that is on screen and called @title
 * (any, if %NULL), or NULL. */
static gpointer
find_shown (GtkWidget  *root,
            GType       type,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (g_type_is_a (G_OBJECT_TYPE (child), type) &&
          (title == NULL || g_strcmp0 (title_of (child), title) == 0))
        return child;
      if ((found = find_shown (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

/* As find_shown(), but waits for it to come on screen (a folded row opens
 * over a few frames), and fails the test if it does not. */
static gpointer
get_shown (GtkWidget  *root,
           GType       type,
           const char *title)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);
  gpointer widget;

  while ((widget = find_shown (root, type, title)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  if (widget == NULL)
    g_error ("No %s “%s” on screen", g_type_name (type), title ? title : "");
  return widget;
}

static GtkSpinButton *
get_spin (Fixture    *f,
          const char *row_title)
{
  return get_shown (get_shown (f->inspector, ADW_TYPE_ACTION_ROW, row_title),
                    GTK_TYPE_SPIN_BUTTON, NULL);
}

static char *
text_row_text (WmInspectorTextRow *row)
{
  GtkTextBuffer *buffer = wm_inspector_text_row_get_buffer (row);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static WmCard *
find_card (WmDocument *document,
           const char *id)
{
  const char *ids[] = { id, NULL };
  g_autoptr(GPtrArray) found = wm_edit_find_elements (document, ids);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (WM_IS_CARD (g_ptr_array_index (found, 0)));
  return g_ptr_array_index (found, 0);
}

static void
select_id (Fixture    *f,
           GListModel *list,
           const char *id)
{
  WmElement *element = wm_document_find (list, id, NULL);

  g_assert_nonnull (element);
  wm_selection_select (f->selection, element);
  settle ();
}

/* Counts the steps there are to undo, undoing them, then redoes them all. */
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

static void
test_empty_selection (Fixture       *f,
                      gconstpointer  data)
{
  AdwEntryRow *title;

  /* Nothing selected: the map's own settings, with the reason why. */
  get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Map");
  title = get_shown (f->inspector, ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Every key of the format");
  g_assert_null (find_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Evidence"));

  select_id (f, wm_document_get_stages (f->document), "stage-buy");
  g_assert_null (find_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Map"));
  get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Stage");

  wm_selection_clear (f->selection);
  settle ();
  get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Map");

  /* The map's settings edit the map. */
  title = get_shown (f->inspector, ADW_TYPE_ENTRY_ROW, "Title");
  gtk_editable_set_text (GTK_EDITABLE (title), "Car purchase");
  g_assert_cmpstr (wm_document_get_title (f->document), ==, "Car purchase");
}

/* The map's page names each score of the scale: a row per score, the
 * word typed there is the scale's, typing is one step, and the rows
 * follow the scale's range. */
static void
test_scale_words (Fixture       *f,
                  gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (f->document);
  guint steps = count_steps (history);
  int min = wm_document_get_scale_min (f->document);
  int max = wm_document_get_scale_max (f->document);
  g_autofree char *score = wm_labels_score (max);
  g_autofree char *top = g_strdup_printf ("\u2066%s\u2069", score); /* as a row shows it, left to right */
  AdwEntryRow *row;

  get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Scale Words");
  row = get_shown (f->inspector, ADW_TYPE_ENTRY_ROW, top);

  gtk_editable_set_text (GTK_EDITABLE (row), "Thr");
  gtk_editable_set_text (GTK_EDITABLE (row), "Thrilled");
  g_assert_cmpstr (wm_document_get_scale_label (f->document, max), ==, "Thrilled");
  g_assert_cmpuint (g_strv_length ((char **) wm_document_get_scale_labels (f->document)), ==, max - min + 1);
  g_assert_cmpuint (count_steps (history), ==, steps + 1);

  wm_history_set (history, f->document, "scale-max", max - 1, NULL);
  settle ();
  g_assert_null (find_shown (f->inspector, ADW_TYPE_ENTRY_ROW, top));
}

static void
test_several_selected (Fixture       *f,
                       gconstpointer  data)
{
  wm_selection_add (f->selection, WM_ELEMENT (find_card (f->document, "card-a1")));
  wm_selection_add (f->selection, WM_ELEMENT (find_card (f->document, "card-a2")));
  settle ();

  get_shown (f->inspector, ADW_TYPE_STATUS_PAGE, "2 Items Selected");
  g_assert_null (find_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Card"));

  wm_selection_remove (f->selection, WM_ELEMENT (find_card (f->document, "card-a1")));
  settle ();
  get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Card");
}

static void
test_card_text (Fixture       *f,
                gconstpointer  data)
{
  WmCard *card = find_card (f->document, "card-a1");
  WmInspectorTextRow *text;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autofree char *shown = NULL;
  g_autofree char *after_undo = NULL;

  wm_selection_select (f->selection, WM_ELEMENT (card));
  settle ();

  get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Card");
  text = get_shown (f->inspector, WM_TYPE_INSPECTOR_TEXT_ROW, "Text");
  shown = text_row_text (text);
  g_assert_cmpstr (shown, ==, "Sees an ad");
  /* Fields for other kinds of lane are not shown for an action. */
  g_assert_null (find_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Opportunity"));
  g_assert_null (find_shown (f->inspector, ADW_TYPE_COMBO_ROW, "Channel"));

  /* Typing, a key at a time, is one step. */
  buffer = wm_inspector_text_row_get_buffer (text);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_at_cursor (buffer, " on", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "line", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "\nand a second line", -1);
  g_assert_cmpstr (wm_card_get_text (card), ==, "Sees an ad online\nand a second line");
  g_assert_cmpuint (count_steps (f->history), ==, 1);

  g_assert_true (wm_history_undo (f->history));
  g_assert_cmpstr (wm_card_get_text (card), ==, "Sees an ad");
  after_undo = text_row_text (text);
  g_assert_cmpstr (after_undo, ==, "Sees an ad");
  g_assert_false (wm_history_get_can_undo (f->history));
}

static void
test_typing_burst_ends (Fixture       *f,
                        gconstpointer  data)
{
  WmStage *stage = wm_document_find (wm_document_get_stages (f->document), "stage-buy", NULL);
  AdwEntryRow *name;
  GtkWidget *canvas;

  wm_selection_select (f->selection, WM_ELEMENT (stage));
  settle ();
  name = get_shown (f->inspector, ADW_TYPE_ENTRY_ROW, "Name");
  canvas = gtk_widget_get_first_child (gtk_widget_get_parent (f->inspector));

  gtk_widget_grab_focus (GTK_WIDGET (name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Purchase and");
  gtk_editable_set_text (GTK_EDITABLE (name), "Purchase and payment");
  g_assert_cmpuint (count_steps (f->history), ==, 1);

  /* Leaving the field ends the step: typing there again is another. */
  gtk_widget_grab_focus (canvas);
  gtk_widget_grab_focus (GTK_WIDGET (name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Purchase and payment!");
  g_assert_cmpuint (count_steps (f->history), ==, 2);

  /* So does Enter. */
  g_signal_emit_by_name (name, "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (name), "Purchase");
  g_assert_cmpuint (count_steps (f->history), ==, 3);
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Purchase");
}

static void
test_undo_from_outside (Fixture       *f,
                        gconstpointer  data)
{
  WmCard *card = find_card (f->document, "card-o1");
  AdwEntryRow *owner;
  GtkSpinButton *impact;
  guint64 state;

  wm_selection_select (f->selection, WM_ELEMENT (card));
  settle ();
  owner = get_shown (f->inspector, ADW_TYPE_ENTRY_ROW, "Owner");
  impact = get_spin (f, "Impact");

  /* An edit elsewhere (the canvas, a script) shows in the fields… */
  wm_history_set (f->history, card, "owner", "Sales", "impact", 2, NULL);
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "Sales");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (impact), ==, 2);

  /* …and so does its undo, without the fields recording anything. */
  state = wm_history_get_state (f->history);
  g_assert_true (wm_history_undo (f->history));
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "Pricing team");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (impact), ==, 5);
  g_assert_false (wm_history_get_can_undo (f->history));
  g_assert_true (wm_history_redo (f->history));
  settle ();
  g_assert_cmpuint (wm_history_get_state (f->history), ==, state);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "Sales");
  g_assert_cmpuint (count_steps (f->history), ==, 1);
}

static void
test_opportunity (Fixture       *f,
                  gconstpointer  data)
{
  WmCard *card = find_card (f->document, "card-o2");
  GtkSpinButton *impact, *effort;
  AdwComboRow *status;

  wm_selection_select (f->selection, WM_ELEMENT (card));
  settle ();

  get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Opportunity");
  impact = get_spin (f, "Impact");
  effort = get_spin (f, "Effort");
  status = get_shown (f->inspector, ADW_TYPE_COMBO_ROW, "Status");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (impact), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (effort), ==, 4);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (status)), ==, "Planned");
  g_assert_null (find_shown (f->inspector, ADW_TYPE_ACTION_ROW, "Quick win"));

  /* High impact for little effort is a quick win, and the panel says so. */
  gtk_spin_button_set_value (impact, 5);
  gtk_spin_button_set_value (effort, 1);
  settle ();
  g_assert_cmpint (wm_card_get_impact (card), ==, 5);
  g_assert_cmpint (wm_card_get_effort (card), ==, 1);
  get_shown (f->inspector, ADW_TYPE_ACTION_ROW, "Quick win");

  /* Not rated is not little effort. */
  gtk_spin_button_set_value (effort, 0);
  settle ();
  g_assert_cmpint (wm_card_get_effort (card), ==, 0);
  g_assert_null (find_shown (f->inspector, ADW_TYPE_ACTION_ROW, "Quick win"));

  /* A choice is one step of its own. */
  adw_combo_row_set_selected (status, WM_OPPORTUNITY_STATUS_DONE);
  g_assert_cmpint (wm_card_get_status (card), ==, WM_OPPORTUNITY_STATUS_DONE);
  g_assert_true (wm_history_undo (f->history));
  g_assert_cmpint (wm_card_get_status (card), ==, WM_OPPORTUNITY_STATUS_PLANNED);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (status)), ==, "Planned");
}

static void
test_card_follows_lane (Fixture       *f,
                        gconstpointer  data)
{
  WmCard *card = find_card (f->document, "card-t4");
  WmLane *kpis = wm_document_find (wm_document_get_lanes (f->document), "lane-kpi", NULL);
  WmStage *stage = wm_document_find (wm_document_get_stages (f->document), "stage-buy", NULL);
  AdwComboRow *channel;

  wm_selection_select (f->selection, WM_ELEMENT (card));
  settle ();
  channel = get_shown (f->inspector, ADW_TYPE_COMBO_ROW, "Channel");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (channel)), ==, "Store");
  adw_combo_row_set_selected (channel, WM_CHANNEL_PHONE);
  g_assert_cmpint (wm_card_get_channel (card), ==, WM_CHANNEL_PHONE);

  /* Moved to a KPI lane, it shows a KPI's fields instead. */
  wm_edit_move_card (f->document, card, kpis, stage, 0);
  settle ();
  g_assert_null (find_shown (f->inspector, ADW_TYPE_COMBO_ROW, "Channel"));
  get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "KPI");
  get_spin (f, "Target");

  wm_history_undo (f->history);
  settle ();
  get_shown (f->inspector, ADW_TYPE_COMBO_ROW, "Channel");
}

static void
test_lane_persona (Fixture       *f,
                   gconstpointer  data)
{
  WmLane *lane = wm_document_find (wm_document_get_lanes (f->document), "lane-touch", NULL);
  WmPersona *ben = wm_document_find (wm_document_get_personas (f->document), "persona-ben", NULL);
  AdwComboRow *persona;
  GListModel *choices;
  g_autoptr(GtkStringObject) last = NULL;

  wm_selection_select (f->selection, WM_ELEMENT (lane));
  settle ();
  persona = get_shown (f->inspector, ADW_TYPE_COMBO_ROW, "Persona");
  choices = adw_combo_row_get_model (persona);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (persona)), ==, "Everyone");

  adw_combo_row_set_selected (persona, 2);
  g_assert_cmpstr (wm_lane_get_persona (lane), ==, "persona-ben");

  /* A persona renamed elsewhere is renamed in the choices. */
  wm_history_set (f->history, ben, "name", "Benjamin", NULL);
  settle ();
  choices = adw_combo_row_get_model (persona);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (persona)), ==, "Benjamin");
  last = g_list_model_get_item (choices, 3);
  g_assert_cmpstr (gtk_string_object_get_string (last), ==, "Chloé");
  g_assert_cmpuint (count_steps (f->history), ==, 2);
}

static void
test_emotion_point (Fixture       *f,
                    gconstpointer  data)
{
  WmEmotionPoint *point = wm_document_find (wm_document_get_emotion_points (f->document), "point-3", NULL);
  AdwActionRow *score_row;
  GtkSpinButton *score;
  double lower, upper;

  wm_selection_select (f->selection, WM_ELEMENT (point));
  settle ();
  /* Whose feeling, where, and named by the map's scale. */
  g_assert_cmpstr (adw_preferences_group_get_description (get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Emotion")),
                   ==, "How Anna Kowalska feels at Purchase");
  score_row = get_shown (f->inspector, ADW_TYPE_ACTION_ROW, "Score");
  g_assert_cmpstr (adw_action_row_get_subtitle (score_row), ==, "delighted");
  score = get_spin (f, "Score");
  gtk_spin_button_get_range (score, &lower, &upper);
  g_assert_cmpfloat (lower, ==, -2);
  g_assert_cmpfloat (upper, ==, 2);

  gtk_spin_button_set_value (score, -1);
  settle ();
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -1);
  g_assert_cmpstr (adw_action_row_get_subtitle (score_row), ==, "annoyed");

  /* The scale and the spin button are one field. */
  g_assert_cmpfloat (gtk_range_get_value (get_shown (f->inspector, GTK_TYPE_SCALE, NULL)), ==, -1);
}

/* The evidence row at @position of the evidence group: the group's own
 * list of rows is empty, and so hidden, so its one list shown is ours. */
static WmInspectorEvidenceRow *
evidence_row (GtkWidget *group,
              guint      position)
{
  GtkListBox *list = get_shown (group, GTK_TYPE_LIST_BOX, NULL);

  return WM_INSPECTOR_EVIDENCE_ROW (gtk_list_box_get_row_at_index (list, position));
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  WmCard *card = find_card (f->document, "card-p1");
  GListModel *evidence = wm_element_get_evidence (WM_ELEMENT (card));
  GtkWidget *group;
  WmInspectorEvidenceRow *row;
  g_autoptr(WmEvidence) added = NULL;
  AdwEntryRow *date;

  wm_selection_select (f->selection, WM_ELEMENT (card));
  settle ();
  group = get_shown (f->inspector, ADW_TYPE_PREFERENCES_GROUP, "Evidence");
  row = get_shown (group, WM_TYPE_INSPECTOR_EVIDENCE_ROW, "Support data");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Unsolicited · n = 212 · 2025-11-30");

  /* Add: one step, a new row, opened for editing. */
  g_signal_emit_by_name (get_shown (group, GTK_TYPE_BUTTON, "Add Evidence"), "clicked");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 2);
  added = g_list_model_get_item (evidence, 1);
  row = get_shown (group, WM_TYPE_INSPECTOR_EVIDENCE_ROW, "Survey");
  g_assert_true (wm_inspector_evidence_row_get_evidence (row) == added);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  /* Its date takes real dates only. */
  date = get_shown (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Date, as YYYY-MM-DD");
  gtk_editable_set_text (GTK_EDITABLE (date), "2024-02-30");
  g_assert_cmpstr (wm_evidence_get_date (added), ==, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  gtk_editable_set_text (GTK_EDITABLE (date), "2024-02-29");
  g_assert_cmpstr (wm_evidence_get_date (added), ==, "2024-02-29");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  gtk_spin_button_set_value (get_shown (get_shown (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, "Sample size"),
                                        GTK_TYPE_SPIN_BUTTON, NULL), 30);
  g_assert_cmpint (wm_evidence_get_sample_size (added), ==, 30);
  g_assert_cmpuint (count_steps (f->history), ==, 3);

  /* Remove: one step, and its undo brings the row back. The row is a new
   * one, since undoing the addition took the first away. */
  row = get_shown (group, WM_TYPE_INSPECTOR_EVIDENCE_ROW, "Survey");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Solicited · n = 30 · 2024-02-29");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_emit_by_name (get_shown (GTK_WIDGET (row), GTK_TYPE_BUTTON, "Remove Evidence"), "clicked");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  g_assert_null (find_shown (group, WM_TYPE_INSPECTOR_EVIDENCE_ROW, "Survey"));
  g_assert_true (wm_history_undo (f->history));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 2);
  g_assert_true (wm_inspector_evidence_row_get_evidence (evidence_row (group, 1)) == added);
  g_assert_cmpuint (count_steps (f->history), ==, 3);
}

static GBytes *
png_bytes (int width,
           int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("test-inspector-XXXXXX.png", &path, NULL);
  char *contents;
  gsize length;

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  cairo_set_source_rgb (cr, 0.9, 0.4, 0.1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (contents, length);
}

static GBytes *
damage (GBytes *bytes)
{
  gsize size = g_bytes_get_size (bytes);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  for (gsize i = size / 2; i < size / 2 + 8; i++)
    data[i] ^= 0xff;

  return g_bytes_new_take (data, size);
}

static void
test_persona_picture (Fixture       *f,
                      gconstpointer  data)
{
  WmPersona *ben = wm_document_find (wm_document_get_personas (f->document), "persona-ben", NULL);
  g_autoptr(GBytes) before = g_bytes_ref (wm_persona_get_picture (ben));
  g_autoptr(GBytes) good = png_bytes (64, 48);
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture", 13);
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(GError) error = NULL;
  WmInspectorPersonaPage *page;
  GtkLabel *message;

  wm_selection_select (f->selection, WM_ELEMENT (ben));
  settle ();
  page = get_shown (f->inspector, WM_TYPE_INSPECTOR_PERSONA_PAGE, NULL);
  get_shown (f->inspector, GTK_TYPE_BUTTON, "Remove Picture");

  /* A damaged PNG (bytes flipped in its pixel data) is refused, and the
   * persona is left unchanged. */
  damaged = damage (good);
  g_assert_false (wm_inspector_persona_page_take_picture (page, damaged, "face.png", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_true (g_bytes_equal (wm_persona_get_picture (ben), before));
  g_assert_cmpstr (wm_persona_get_picture_type (ben), ==, "image/svg+xml");
  g_assert_false (wm_history_get_can_undo (f->history));
  message = get_shown (GTK_WIDGET (page), GTK_TYPE_LABEL, "“face.png” cannot be used: The picture is damaged or not a image/png image");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));

  /* Nor a picture too large to keep in the map. */
  huge = g_bytes_new_take (g_malloc0 (5 * 1024 * 1024), 5 * 1024 * 1024);
  g_assert_false (wm_inspector_persona_page_take_picture (page, huge, "huge.png", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  /* Nor what is not a picture at all. */
  g_assert_false (wm_inspector_persona_page_take_picture (page, text, "face.png", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (wm_history_get_can_undo (f->history));

  /* A good one is taken, in one step, and the message goes. */
  g_assert_true (wm_inspector_persona_page_take_picture (page, good, "face.png", &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (wm_persona_get_picture (ben), good));
  g_assert_cmpstr (wm_persona_get_picture_type (ben), ==, "image/png");
  g_assert_cmpuint (count_steps (f->history), ==, 1);

  /* Remove Picture is one step too. */
  g_signal_emit_by_name (get_shown (f->inspector, GTK_TYPE_BUTTON, "Remove Picture"), "clicked");
  settle ();
  g_assert_null (wm_persona_get_picture (ben));
  g_assert_null (find_shown (f->inspector, GTK_TYPE_BUTTON, "Remove Picture"));
  g_assert_true (wm_history_undo (f->history));
  g_assert_true (g_bytes_equal (wm_persona_get_picture (ben), good));
}

/* Every control on screen can be told apart by a screen reader: the rows
 * are titled, and the controls in them are named too. */
static void
check_named (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;

      /* Controls, and buttons that show only an icon, have a name of their
       * own; what is inside them is theirs. */
      if (GTK_IS_SPIN_BUTTON (child) || GTK_IS_SWITCH (child) || GTK_IS_COLOR_BUTTON (child) ||
          GTK_IS_SCALE (child) || (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL))
        {
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("A %s on screen has no accessible name", G_OBJECT_TYPE_NAME (child));
          continue;
        }

      if (GTK_IS_TEXT_VIEW (child))
        g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child),
                                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      else if (ADW_IS_PREFERENCES_ROW (child))
        g_assert_cmpstr (title_of (child), !=, "");

      check_named (child);
    }
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  WmElement *elements[] = {
    WM_ELEMENT (f->document),
    wm_document_find (wm_document_get_personas (f->document), "persona-anna", NULL),
    wm_document_find (wm_document_get_stages (f->document), "stage-aware", NULL),
    wm_document_find (wm_document_get_lanes (f->document), "lane-actions", NULL),
    WM_ELEMENT (find_card (f->document, "card-t1")),
    WM_ELEMENT (find_card (f->document, "card-o1")),
    WM_ELEMENT (find_card (f->document, "card-k1")),
    wm_document_find (wm_document_get_emotion_points (f->document), "point-1", NULL),
    wm_document_find (wm_document_get_moments (f->document), "moment-1", NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      WmInspectorEvidenceRow *row;

      if (WM_IS_DOCUMENT (elements[i]))
        wm_selection_clear (f->selection);
      else
        wm_selection_select (f->selection, elements[i]);
      settle ();
      /* Evidence, opened, where there is some. */
      if ((row = find_shown (f->inspector, WM_TYPE_INSPECTOR_EVIDENCE_ROW, NULL)) != NULL)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          get_shown (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Link");
        }
      check_named (f->inspector);
    }
}

/* Screenshots, for people to look at */

/* The first card of the first lane of @kind, or NULL. */
static WmElement *
first_card (WmDocument *document,
            WmLaneKind  kind)
{
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *stages = wm_document_get_stages (document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i);

      if (wm_lane_get_kind (lane) != kind)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (stages); j++)
        {
          g_autoptr(WmStage) stage = g_list_model_get_item (stages, j);
          GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));

          if (g_list_model_get_n_items (cards) > 0)
            {
              g_autoptr(WmElement) card = g_list_model_get_item (cards, 0);

              return card; /* the lane keeps it */
            }
        }
    }

  return NULL;
}

static WmElement *
first_of (GListModel *list)
{
  g_autoptr(WmElement) element = g_list_model_get_item (list, 0);

  return element; /* the list keeps it */
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  return --*(int *) data > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets a few frames go by, for layout and drawing to catch up. */
static void
wait_frames (GtkWidget *widget)
{
  int frames = 10;

  gtk_widget_add_tick_callback (widget, on_tick, &frames, NULL);
  while (frames > 0)
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

static void
save_window (GtkWidget  *window,
             const char *path)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (content);
  int width = gtk_widget_get_width (content), height = gtk_widget_get_height (content);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("%s\n", path);
}

static void
shoot_map (const char       *dir,
           const char       *variant,
           const char       *map,
           AdwColorScheme    scheme,
           GtkTextDirection  direction)
{
  Fixture f = { 0 };
  struct {
    const char *name;
    WmElement *element;
    gboolean open_evidence;
  } shots[16];
  guint n = 0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  gtk_widget_set_default_direction (direction);
  fixture_open_map (&f, map, 1500);

#define SHOT(name_, element_, open_) \
  if ((element_) != NULL) shots[n++] = (typeof (shots[0])) { name_, WM_ELEMENT (element_), open_ }
  SHOT ("map", f.document, FALSE);
  SHOT ("persona", first_of (wm_document_get_personas (f.document)), FALSE);
  SHOT ("stage", first_of (wm_document_get_stages (f.document)), FALSE);
  SHOT ("lane", first_of (wm_document_get_lanes (f.document)), FALSE);
  SHOT ("card-touchpoint", first_card (f.document, WM_LANE_KIND_TOUCHPOINTS), FALSE);
  SHOT ("card-opportunity", first_card (f.document, WM_LANE_KIND_OPPORTUNITIES), FALSE);
  SHOT ("card-kpi", first_card (f.document, WM_LANE_KIND_KPIS), FALSE);
  SHOT ("card-evidence", first_card (f.document, WM_LANE_KIND_PAIN_POINTS), TRUE);
  SHOT ("point", first_of (wm_document_get_emotion_points (f.document)), FALSE);
  SHOT ("moment", first_of (wm_document_get_moments (f.document)), FALSE);
#undef SHOT

  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *file = g_strdup_printf ("inspector-%s-%s.png", variant, i < n ? shots[i].name : "several");
      g_autofree char *path = g_build_filename (dir, file, NULL);

      if (i == n)
        {
          wm_selection_add (f.selection, first_of (wm_document_get_stages (f.document)));
          wm_selection_add (f.selection, first_of (wm_document_get_lanes (f.document)));
        }
      else if (WM_IS_DOCUMENT (shots[i].element))
        wm_selection_clear (f.selection);
      else
        wm_selection_select (f.selection, shots[i].element);
      settle ();
      wait_frames (f.window);
      if (i < n && shots[i].open_evidence)
        {
          WmInspectorEvidenceRow *row = find_shown (f.inspector, WM_TYPE_INSPECTOR_EVIDENCE_ROW, NULL);

          if (row != NULL)
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          wait_frames (f.window);
        }
      save_window (f.window, path);
    }

  fixture_close (&f, NULL);
}

/* Pictures of every page, light, dark and right to left, in @dir. */
static int
shoot (const char *dir)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  shoot_map (dir, "light", "../data/examples/car-purchase.waymark", ADW_COLOR_SCHEME_FORCE_LIGHT, GTK_TEXT_DIR_LTR);
  shoot_map (dir, "dark", "../data/examples/car-purchase.waymark", ADW_COLOR_SCHEME_FORCE_DARK, GTK_TEXT_DIR_LTR);
  shoot_map (dir, "rtl", "../data/examples/persian-rtl.waymark", ADW_COLOR_SCHEME_FORCE_LIGHT, GTK_TEXT_DIR_RTL);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  /* GTK's accessibility backend for tests: it keeps what a screen reader
   * would be told, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv ("WM_INSPECTOR_SCREENSHOTS") != NULL)
    return shoot (g_getenv ("WM_INSPECTOR_SCREENSHOTS"));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_open, func, fixture_close)
  ADD ("/inspector/map/empty-selection", test_empty_selection);
  ADD ("/inspector/map/scale-words", test_scale_words);
  ADD ("/inspector/selection/several", test_several_selected);
  ADD ("/inspector/card/text", test_card_text);
  ADD ("/inspector/card/typing-burst", test_typing_burst_ends);
  ADD ("/inspector/card/undo-from-outside", test_undo_from_outside);
  ADD ("/inspector/card/opportunity", test_opportunity);
  ADD ("/inspector/card/follows-lane", test_card_follows_lane);
  ADD ("/inspector/lane/persona", test_lane_persona);
  ADD ("/inspector/point/score", test_emotion_point);
  ADD ("/inspector/evidence/add-remove", test_evidence);
  ADD ("/inspector/persona/picture", test_persona_picture);
  ADD ("/inspector/accessible/names", test_accessible);
#undef ADD

  return g_test_run ();
}
