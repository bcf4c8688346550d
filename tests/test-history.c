/* test-history.c: WmHistory, the one undoable edit path.
 *
 * Besides the single operations, a property-style test drives a few hundred
 * random edits over each example map and checks that undoing them all gives
 * back the very bytes the map was saved as, and redoing them the bytes after.
 */
#include "wm-card.h"
#include "wm-document.h"
#include "wm-evidence.h"
#include "wm-format.h"
#include "wm-param.h"

/* Counts notify emissions per property name. */
static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GHashTable *counts)
{
  g_hash_table_insert (counts, (gpointer) pspec->name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name)) + 1));
}

static GHashTable *
count_notifies (gpointer object)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect_data (object, "notify", G_CALLBACK (on_notify), counts,
                         (GClosureNotify) G_CALLBACK (g_hash_table_unref), 0);
  return g_hash_table_ref (counts);
}

static guint
notifies (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* Appends @n new stages named "Stage 0"… through the history. */
static void
add_stages (WmDocument *document,
            guint       n)
{
  GListModel *stages = wm_document_get_stages (document);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmStage) stage = wm_stage_new ();
      g_autofree char *name = g_strdup_printf ("Stage %u", i);

      wm_stage_set_name (stage, name);
      wm_history_insert (wm_document_get_history (document), stages, g_list_model_get_n_items (stages), stage);
    }
}

/* The names of the stages, in order, as "A,B,C". */
static char *
stage_names (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);
      g_strv_builder_add (builder, wm_stage_get_name (stage));
    }
  names = g_strv_builder_end (builder);

  return g_strjoinv (",", names);
}

static void
test_set (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmLane) lane = wm_lane_new ();
  g_autoptr(GHashTable) counts = count_notifies (lane);

  wm_lane_set_title (lane, "Touchpoints");
  g_hash_table_remove_all (counts);

  wm_history_set (history, lane, "title", "Channels", "kind", WM_LANE_KIND_TOUCHPOINTS, NULL);
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Channels");
  g_assert_cmpint (wm_lane_get_kind (lane), ==, WM_LANE_KIND_TOUCHPOINTS);
  g_assert_cmpuint (notifies (counts, "title"), ==, 1);
  g_assert_cmpuint (notifies (counts, "kind"), ==, 1);

  /* Setting two properties is one step. */
  g_assert_true (wm_history_undo (history));
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Touchpoints");
  g_assert_cmpint (wm_lane_get_kind (lane), ==, WM_LANE_KIND_ACTIONS);
  g_assert_cmpuint (notifies (counts, "title"), ==, 2);

  g_assert_true (wm_history_redo (history));
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Channels");
  g_assert_cmpint (wm_lane_get_kind (lane), ==, WM_LANE_KIND_TOUCHPOINTS);
  g_assert_cmpuint (notifies (counts, "title"), ==, 3);
  g_assert_false (wm_history_redo (history));
}

/* A value of another type is converted as g_object_set_property() would. */
static void
test_set_value (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmEmotionPoint) point = wm_emotion_point_new ();
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, -2);
  wm_history_set_value (history, G_OBJECT (point), "score", &value);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -2);

  /* Out of range is brought into range, as a drag past the edge would be. */
  g_value_set_int (&value, 40);
  wm_history_set_value (history, G_OBJECT (point), "score", &value);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 10);

  g_assert_true (wm_history_undo (history));
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 0);
}

static void
test_insert_remove_move (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  GListModel *stages = wm_document_get_stages (document);
  g_autofree char *names = NULL;

  add_stages (document, 3);
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Stage 0,Stage 1,Stage 2");
  g_clear_pointer (&names, g_free);

  wm_history_move (history, stages, 0, 2);
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Stage 1,Stage 2,Stage 0");
  g_clear_pointer (&names, g_free);

  wm_history_move (history, stages, 2, 1);
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Stage 1,Stage 0,Stage 2");
  g_clear_pointer (&names, g_free);

  wm_history_remove (history, stages, 0);
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Stage 0,Stage 2");
  g_clear_pointer (&names, g_free);

  g_assert_true (wm_history_undo (history));
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Stage 1,Stage 0,Stage 2");
  g_clear_pointer (&names, g_free);

  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Stage 0,Stage 1,Stage 2");
  g_clear_pointer (&names, g_free);

  /* Undoing the insertions empties the map; redoing them all refills it. */
  while (wm_history_undo (history))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 0);
  while (wm_history_redo (history))
    ;
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Stage 0,Stage 2");
}

/* Moving an item onto its own place is no edit. */
static void
test_move_in_place (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);

  add_stages (document, 2);
  wm_history_clear (history);
  wm_history_move (history, wm_document_get_stages (document), 1, 1);
  g_assert_false (wm_history_get_can_undo (history));
}

static void
test_can_undo_notify (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GHashTable) counts = count_notifies (history);
  g_autoptr(WmStage) stage = wm_stage_new ();

  g_assert_false (wm_history_get_can_undo (history));
  g_assert_false (wm_history_get_can_redo (history));

  wm_history_set (history, stage, "name", "Compare", NULL);
  g_assert_true (wm_history_get_can_undo (history));
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 1);

  wm_history_set (history, stage, "description", "Side by side", NULL);
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 1);
  g_assert_cmpuint (notifies (counts, "can-redo"), ==, 0);

  g_assert_true (wm_history_undo (history));
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 1);
  g_assert_cmpuint (notifies (counts, "can-redo"), ==, 1);

  g_assert_true (wm_history_undo (history));
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 2);
  g_assert_cmpuint (notifies (counts, "can-redo"), ==, 1);

  /* Nothing left: no step, no notification. */
  g_assert_false (wm_history_undo (history));
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 2);

  g_assert_true (wm_history_redo (history));
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 3);
  g_assert_cmpuint (notifies (counts, "can-redo"), ==, 1);

  /* A new edit drops what could be redone. */
  wm_history_set (history, stage, "color", "#e66100", NULL);
  g_assert_false (wm_history_get_can_redo (history));
  g_assert_cmpuint (notifies (counts, "can-redo"), ==, 2);
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 3);

  /* A group becomes undoable once, when it ends. */
  wm_history_clear (history);
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 4);
  wm_history_begin (history, "Rename");
  wm_history_set (history, stage, "name", "Comparison", NULL);
  wm_history_set (history, stage, "description", "Two offers side by side", NULL);
  wm_history_end (history);
  g_assert_true (wm_history_get_can_undo (history));
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 5);

  wm_history_clear (history);
  wm_history_clear (history);
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 6);
}

/* Dragging an emotion point through many scores undoes at once. */
static void
test_group_drag (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmEmotionPoint) point = wm_emotion_point_new ();
  g_autoptr(WmEmotionPoint) other = wm_emotion_point_new ();
  g_autoptr(GHashTable) counts = count_notifies (history);

  wm_emotion_point_set_score (point, 1);
  wm_history_set (history, other, "score", 2.0, NULL);

  wm_history_begin (history, "Move emotion point");
  for (guint i = 1; i <= 60; i++)
    wm_history_set (history, point, "score", 1.0 - 3.5 * i / 60.0, NULL);
  wm_history_end (history);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -2.5);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Move emotion point");
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 1);

  g_assert_true (wm_history_undo (history));
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 1);
  g_assert_cmpfloat (wm_emotion_point_get_score (other), ==, 2);
  g_assert_cmpstr (wm_history_get_redo_label (history), ==, "Move emotion point");

  g_assert_true (wm_history_redo (history));
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -2.5);
  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  g_assert_cmpfloat (wm_emotion_point_get_score (other), ==, 0);
  g_assert_false (wm_history_get_can_undo (history));
}

/* Groups nest: the inner ones belong to the outer step and its label. */
static void
test_group_nested (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  GListModel *stages = wm_document_get_stages (document);
  g_autoptr(WmStage) stage = wm_stage_new ();
  g_autofree char *names = NULL;

  add_stages (document, 2);
  wm_history_clear (history);

  wm_history_begin (history, "Add stage");
  wm_history_insert (history, stages, 1, stage);
  wm_history_begin (history, "Name stage");
  wm_history_set (history, stage, "name", "Compare", NULL);
  wm_history_set (history, stage, "color", "#2ec27e", NULL);
  wm_history_end (history);
  /* Not undoable while the outer step is open. */
  g_assert_false (wm_history_get_can_undo (history));
  wm_history_move (history, stages, 1, 0);
  wm_history_end (history);

  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Compare,Stage 0,Stage 1");
  g_clear_pointer (&names, g_free);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Add stage");

  g_assert_true (wm_history_undo (history));
  g_assert_false (wm_history_get_can_undo (history));
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Stage 0,Stage 1");
  g_clear_pointer (&names, g_free);
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "");
  g_assert_cmpstr (wm_stage_get_color (stage), ==, "");

  g_assert_true (wm_history_redo (history));
  names = stage_names (document);
  g_assert_cmpstr (names, ==, "Compare,Stage 0,Stage 1");
  g_assert_cmpstr (wm_stage_get_color (stage), ==, "#2ec27e");
}

/* A group in which nothing changed is no step. */
static void
test_group_empty (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmStage) stage = wm_stage_new ();
  g_autoptr(GHashTable) counts = count_notifies (history);

  wm_stage_set_name (stage, "Purchase");
  wm_history_begin (history, "Nothing");
  wm_history_set (history, stage, "name", "Purchase", NULL);
  wm_history_end (history);
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_null (wm_history_get_undo_label (history));
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 0);
}

/* Consecutive sets of one property of one object are one step, until sealed. */
static void
test_merge_typing (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmCard) card = wm_card_new ();
  g_autoptr(WmCard) other = wm_card_new ();
  static const char * const burst[] = { "S", "Sl", "Slo", "Slow", "Slow ", "Slow d", "Slow delivery" };

  wm_card_set_text (card, "Card");
  for (guint i = 0; i < G_N_ELEMENTS (burst); i++)
    wm_history_set (history, card, "text", burst[i], NULL);
  g_assert_cmpstr (wm_card_get_text (card), ==, "Slow delivery");

  g_assert_true (wm_history_undo (history));
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_cmpstr (wm_card_get_text (card), ==, "Card");
  g_assert_true (wm_history_redo (history));
  g_assert_cmpstr (wm_card_get_text (card), ==, "Slow delivery");

  /* A redone step is closed: typing on starts a new one. */
  wm_history_set (history, card, "text", "Slow delivery!", NULL);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_text (card), ==, "Slow delivery");
  g_assert_true (wm_history_redo (history));

  /* Sealing ends the burst. */
  wm_history_clear (history);
  wm_history_set (history, card, "text", "Slow", NULL);
  wm_history_seal (history);
  wm_history_set (history, card, "text", "Slow courier", NULL);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_text (card), ==, "Slow");
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_text (card), ==, "Slow delivery!");
  g_assert_false (wm_history_get_can_undo (history));

  /* Another property, or another object, is another step. */
  wm_history_set (history, card, "text", "Late parcel", NULL);
  wm_history_set (history, card, "owner", "Logistics", NULL);
  wm_history_set (history, other, "owner", "Support", NULL);
  wm_history_set (history, card, "owner", "Logistics team", NULL);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_owner (card), ==, "Logistics");
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_owner (other), ==, "");
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_owner (card), ==, "");
  g_assert_cmpstr (wm_card_get_text (card), ==, "Late parcel");
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_text (card), ==, "Slow delivery!");

  /* A set after a group does not merge into it. */
  wm_history_clear (history);
  wm_history_begin (history, "Rate");
  wm_history_set (history, card, "impact", 4, NULL);
  wm_history_end (history);
  wm_history_set (history, card, "impact", 5, NULL);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpint (wm_card_get_impact (card), ==, 4);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Rate");
}

/* A set that changes nothing records nothing: Undo would seem broken. */
static void
test_set_unchanged (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmCard) card = wm_card_new ();
  g_autoptr(WmEmotionPoint) point = wm_emotion_point_new ();
  g_autoptr(GHashTable) counts = count_notifies (history);

  wm_card_set_text (card, "Compare prices");
  wm_card_set_impact (card, 5);
  wm_emotion_point_set_score (point, -1.5);

  wm_history_set (history, card, "text", "Compare prices", NULL);
  wm_history_set (history, card, "impact", 5, NULL);
  wm_history_set (history, card, "impact", 8, NULL); /* clamped to 5 */
  wm_history_set (history, card, "channel", WM_CHANNEL_NONE, NULL);
  wm_history_set (history, card, "text", "Compare prices", "impact", 5, NULL);
  wm_history_set (history, point, "score", -1.5, NULL);
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_cmpuint (notifies (counts, "can-undo"), ==, 0);
}

/* "" is how an absent string reads back; setting it when absent is no change. */
static void
test_set_unchanged_empty_string (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmCard) card = wm_card_new ();

  g_assert_cmpstr (wm_card_get_owner (card), ==, "");
  wm_history_set (history, card, "owner", "", NULL);
  g_assert_false (wm_history_get_can_undo (history));
}

/* A list of labels is unchanged when its contents are, wherever it lives. */
static void
test_set_unchanged_strv (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  const char *labels[] = { "😠", "🙁", "😕", "😐", "🙂", "😀", "🤩", NULL };
  g_auto(GStrv) copy = g_strdupv ((char **) labels);

  wm_document_set_scale_labels (document, labels);
  wm_history_set (history, document, "scale-labels", copy, NULL);
  g_assert_false (wm_history_get_can_undo (history));
}

/* So are a persona's picture bytes. */
static void
test_set_unchanged_bytes (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmPersona) persona = wm_persona_new ();
  g_autoptr(GBytes) picture = g_bytes_new_static ("<svg/>", 6);
  g_autoptr(GBytes) same_picture = g_bytes_new ("<svg/>", 6);

  wm_persona_set_picture (persona, picture);
  wm_history_set (history, persona, "picture", same_picture, NULL);
  g_assert_false (wm_history_get_can_undo (history));
}

static void
on_changed (WmHistory *history,
            guint     *count)
{
  (*count)++;
}

/* The state names what the map holds: undo back to a state and it is equal again. */
static void
test_state (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmCard) card = wm_card_new ();
  guint64 initial, typed, retyped, rated, other;
  guint changed = 0;

  g_signal_connect (history, "changed", G_CALLBACK (on_changed), &changed);
  initial = wm_history_get_state (history);

  wm_history_set (history, card, "text", "Late", NULL);
  typed = wm_history_get_state (history);
  g_assert_true (typed != initial);
  g_assert_cmpuint (changed, ==, 1);

  /* Typing on changes the state, though it stays one step. */
  wm_history_set (history, card, "text", "Late delivery", NULL);
  retyped = wm_history_get_state (history);
  g_assert_true (retyped != typed && retyped != initial);
  g_assert_cmpuint (changed, ==, 2);

  wm_history_begin (history, "Rate");
  wm_history_set (history, card, "impact", 4, NULL);
  wm_history_set (history, card, "effort", 2, NULL);
  wm_history_end (history);
  rated = wm_history_get_state (history);
  g_assert_true (rated != retyped && rated != initial);

  /* Nothing changed: same state, no signal. */
  changed = 0;
  wm_history_set (history, card, "effort", 2, NULL);
  g_assert_true (wm_history_get_state (history) == rated);
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_get_state (history) == retyped);
  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_get_state (history) == initial);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (wm_history_redo (history));
  g_assert_true (wm_history_get_state (history) == retyped);
  g_assert_true (wm_history_redo (history));
  g_assert_true (wm_history_get_state (history) == rated);
  g_assert_cmpuint (changed, ==, 4);

  /* A different edit from the same place is a state never seen before. */
  g_assert_true (wm_history_undo (history));
  wm_history_set (history, card, "owner", "Logistics", NULL);
  other = wm_history_get_state (history);
  g_assert_true (other != rated && other != retyped && other != typed && other != initial);
}

static void
test_labels (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmStage) stage = wm_stage_new ();

  g_assert_null (wm_history_get_undo_label (history));
  g_assert_null (wm_history_get_redo_label (history));

  wm_history_begin (history, "Rename stage");
  wm_history_set (history, stage, "name", "Awareness", NULL);
  wm_history_end (history);
  wm_history_begin (history, "Recolour stage");
  wm_history_set (history, stage, "color", "#9141ac", NULL);
  wm_history_end (history);

  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Recolour stage");
  g_assert_null (wm_history_get_redo_label (history));
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Rename stage");
  g_assert_cmpstr (wm_history_get_redo_label (history), ==, "Recolour stage");
  g_assert_true (wm_history_undo (history));
  g_assert_null (wm_history_get_undo_label (history));
  g_assert_cmpstr (wm_history_get_redo_label (history), ==, "Rename stage");
  g_assert_true (wm_history_redo (history));
  g_assert_cmpstr (wm_history_get_redo_label (history), ==, "Recolour stage");
}

static void
test_clear (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);

  add_stages (document, 3);
  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_get_can_undo (history));
  g_assert_true (wm_history_get_can_redo (history));

  wm_history_clear (history);
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_false (wm_history_get_can_redo (history));
  g_assert_false (wm_history_undo (history));
  g_assert_false (wm_history_redo (history));
  /* Clearing forgets steps; it does not undo them. */
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, 2);
}

/* The history keeps what its steps need, but never keeps a closed map alive. */
static void
test_lifetime_elements (void)
{
  WmDocument *document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  WmStage *stage = wm_stage_new ();
  WmStage *removed = wm_stage_new ();
  GListModel *stages = wm_document_get_stages (document);

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_add_weak_pointer (G_OBJECT (stage), (gpointer *) &stage);
  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *) &removed);

  wm_history_insert (history, stages, 0, stage);
  wm_history_insert (history, stages, 1, removed);
  g_object_unref (stage);
  g_object_unref (removed);
  wm_history_set (history, stage, "name", "Awareness", NULL);
  wm_history_remove (history, stages, 1);
  /* Only the undo step holds the removed stage now. */
  g_assert_nonnull (removed);

  g_object_unref (document);
  g_assert_null (document);
  g_assert_null (stage);
  g_assert_null (removed);
}

static void
test_lifetime_document (void)
{
  WmDocument *document = wm_document_new ();

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  wm_history_set (wm_document_get_history (document), document, "title", "Buying a car", NULL);

  g_object_unref (document);
  g_assert_null (document);
}

/* Random edits, driven by a seeded GRand so that a failure can be replayed. */
typedef struct
{
  WmDocument *document;
  WmHistory *history;
  GRand *rand;
  guint n_edits;
} Fuzz;

static gpointer
pick (Fuzz      *fuzz,
      GPtrArray *array)
{
  if (array->len == 0)
    return NULL;
  return g_ptr_array_index (array, g_rand_int_range (fuzz->rand, 0, array->len));
}

static gpointer
pick_item (Fuzz       *fuzz,
           GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GObject) item = NULL;

  if (n == 0)
    return NULL;
  item = g_list_model_get_item (list, g_rand_int_range (fuzz->rand, 0, n));
  return item; /* the list keeps it alive */
}

static const char *
pick_id (Fuzz       *fuzz,
         GListModel *list)
{
  WmElement *element = pick_item (fuzz, list);

  return element != NULL ? wm_element_get_id (element) : NULL;
}

/* The lists of a map that hold elements, in three families, so that the
 * many (mostly empty) evidence lists do not crowd out the others. */
typedef struct
{
  GPtrArray *families[3]; /* the document's collections, card cells, evidence */
  GPtrArray *elements;    /* everything in them, and the document */
} Lists;

static void
lists_clear (Lists *lists)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists->families); i++)
    g_ptr_array_unref (lists->families[i]);
  g_ptr_array_unref (lists->elements);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lists, lists_clear)

static void
collect (WmDocument *document,
         Lists      *lists)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *top[] = {
    wm_document_get_personas (document), stages, lanes,
    wm_document_get_emotion_points (document), wm_document_get_moments (document),
  };
  GPtrArray *evidence;

  for (guint i = 0; i < G_N_ELEMENTS (lists->families); i++)
    lists->families[i] = g_ptr_array_new ();
  lists->elements = g_ptr_array_new ();
  evidence = lists->families[2];

  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    g_ptr_array_add (lists->families[0], top[i]);
  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      {
        g_autoptr(WmLane) lane = g_list_model_get_item (lanes, l);
        g_autoptr(WmStage) stage = g_list_model_get_item (stages, s);

        g_ptr_array_add (lists->families[1], wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))));
      }

  g_ptr_array_add (lists->elements, document);
  g_ptr_array_add (evidence, wm_element_get_evidence (WM_ELEMENT (document)));
  for (guint f = 0; f < G_N_ELEMENTS (lists->families); f++)
    {
      GPtrArray *family = lists->families[f];

      /* The evidence family grows while it is walked, which reaches its items too. */
      for (guint i = 0; i < family->len; i++)
        {
          GListModel *list = g_ptr_array_index (family, i);

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            {
              g_autoptr(WmElement) element = g_list_model_get_item (list, j);

              g_ptr_array_add (lists->elements, element);
              if (!WM_IS_EVIDENCE (element))
                g_ptr_array_add (evidence, wm_element_get_evidence (element));
            }
        }
    }
}

/* A random list of a random family with at least @min_items, or NULL. */
static GListModel *
pick_list (Fuzz  *fuzz,
           Lists *lists,
           guint  min_items)
{
  guint first = g_rand_int_range (fuzz->rand, 0, G_N_ELEMENTS (lists->families));

  for (guint f = 0; f < G_N_ELEMENTS (lists->families); f++)
    {
      GPtrArray *family = lists->families[(first + f) % G_N_ELEMENTS (lists->families)];
      g_autoptr(GPtrArray) fit = g_ptr_array_new ();

      for (guint i = 0; i < family->len; i++)
        if (g_list_model_get_n_items (g_ptr_array_index (family, i)) >= min_items)
          g_ptr_array_add (fit, g_ptr_array_index (family, i));
      if (fit->len > 0)
        return pick (fuzz, fit);
    }

  return NULL;
}

/* Sets @value to a random value that a user could give @pspec; FALSE if
 * the fuzzer leaves that property alone. */
static gboolean
random_value (Fuzz       *fuzz,
              GObject    *object,
              GParamSpec *pspec,
              GValue     *value)
{
  static const char * const texts[] = {
    "", "Reads reviews", "Porównuje ceny w dwóch sklepach", "مقایسه قیمت‌ها در دو فروشگاه",
    "Сравнивает цены", "Two lines\nof text", "Says \"finally!\"", "Tab\tand \\ backslash",
    "😀 delighted", "Ödön",
  };
  GRand *rand = fuzz->rand;

  if ((pspec->flags & G_PARAM_CONSTRUCT_ONLY) || !(pspec->flags & G_PARAM_WRITABLE) ||
      (pspec->flags & (WM_PARAM_PICTURE | WM_PARAM_PICTURE_TYPE)))
    return FALSE;
  /* The scale and an emotion point's place stay put, so that every score
   * stays valid and no persona gets two points in one stage. */
  if (WM_IS_DOCUMENT (object) && g_str_has_prefix (pspec->name, "scale-m"))
    return FALSE;
  if (WM_IS_EMOTION_POINT (object) && (pspec->flags & (WM_PARAM_REF_PERSONA | WM_PARAM_REF_STAGE)))
    return FALSE;

  g_value_init (value, pspec->value_type);
  if (pspec->flags & WM_PARAM_REF_PERSONA)
    g_value_set_string (value, g_rand_boolean (rand) ? pick_id (fuzz, wm_document_get_personas (fuzz->document)) : NULL);
  else if (pspec->flags & WM_PARAM_REF_STAGE)
    {
      const char *id = pick_id (fuzz, wm_document_get_stages (fuzz->document));

      if (id == NULL)
        return FALSE;
      g_value_set_string (value, id);
    }
  else if (pspec->flags & WM_PARAM_REF_LANE)
    g_value_set_string (value, g_rand_boolean (rand) ? pick_id (fuzz, wm_document_get_lanes (fuzz->document)) : NULL);
  else if (pspec->flags & WM_PARAM_COLOR)
    {
      g_autofree char *color = g_strdup_printf ("#%06x", g_rand_int_range (rand, 0, 0x1000000));
      g_value_set_string (value, color);
    }
  else if (pspec->flags & WM_PARAM_DATE)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                               g_rand_int_range (rand, 1, 29));
      g_value_set_string (value, date);
    }
  else if (pspec->flags & WM_PARAM_DATE_TIME)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02dT%02d:%02d:00Z",
                                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                                               g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60));
      g_value_set_string (value, date);
    }
  else if (pspec->value_type == G_TYPE_STRING)
    g_value_set_string (value, texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))]);
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);
      g_value_set_int (value, g_rand_int_range (rand, p->minimum, MIN (p->maximum, 5000) + 1));
    }
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      int min = wm_document_get_scale_min (fuzz->document);
      int max = wm_document_get_scale_max (fuzz->document);

      /* Scores in half steps within the map's scale; KPIs anything. */
      if (WM_IS_EMOTION_POINT (object))
        g_value_set_double (value, g_rand_int_range (rand, 2 * min, 2 * max + 1) / 2.0);
      else
        g_value_set_double (value, g_rand_int_range (rand, -1000, 100000) / 10.0);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, g_rand_boolean (rand));
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_value_set_enum (value, enum_class->values[g_rand_int_range (rand, 0, enum_class->n_values)].value);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      /* A label per whole score of the scale, or none. */
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      int min = wm_document_get_scale_min (fuzz->document);
      int max = g_rand_boolean (rand) ? wm_document_get_scale_max (fuzz->document) : min - 1;

      for (int score = min; score <= max; score++)
        g_strv_builder_add (builder, texts[g_rand_int_range (rand, 1, G_N_ELEMENTS (texts))]);
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

/* Sets a random property of a random element; sometimes several times in a
 * row, as typing in a field or dragging a point does. */
static void
fuzz_set (Fuzz      *fuzz,
          GPtrArray *elements)
{
  GObject *object = pick (fuzz, elements);
  g_autofree GParamSpec **pspecs = NULL;
  guint n, repeat;
  GParamSpec *pspec;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  pspec = pspecs[g_rand_int_range (fuzz->rand, 0, n)];
  repeat = g_rand_int_range (fuzz->rand, 0, 4) == 0 ? g_rand_int_range (fuzz->rand, 2, 6) : 1;
  for (guint i = 0; i < repeat; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (random_value (fuzz, object, pspec, &value))
        wm_history_set_value (fuzz->history, object, pspec->name, &value);
    }
}

/* A new element fit for @list, or NULL if the map has no room for one. */
static WmElement *
new_element (Fuzz       *fuzz,
             GListModel *list)
{
  GType type = g_list_model_get_item_type (list);
  GListModel *personas = wm_document_get_personas (fuzz->document);
  GListModel *stages = wm_document_get_stages (fuzz->document);
  WmElement *element;

  if (type == WM_TYPE_EMOTION_POINT)
    {
      const char *persona = pick_id (fuzz, personas);
      const char *stage = pick_id (fuzz, stages);

      if (persona == NULL || stage == NULL ||
          wm_document_find_emotion_point (fuzz->document, persona, stage) != NULL)
        return NULL;
      element = g_object_new (type, "persona", persona, "stage", stage, "score", 0.0, NULL);
    }
  else if (type == WM_TYPE_MOMENT)
    {
      const char *stage = pick_id (fuzz, stages);

      if (stage == NULL)
        return NULL;
      element = g_object_new (type, "stage", stage, "title", "Moment of truth", "polarity", WM_POLARITY_DECISIVE, NULL);
    }
  else if (type == WM_TYPE_PERSONA || type == WM_TYPE_STAGE)
    element = g_object_new (type, "name", "New", NULL);
  else if (type == WM_TYPE_LANE)
    element = g_object_new (type, "title", "New lane", "kind", WM_LANE_KIND_NOTES, NULL);
  else if (type == WM_TYPE_CARD)
    element = g_object_new (type, "text", "New card", NULL);
  else if (type == WM_TYPE_EVIDENCE)
    element = g_object_new (type, "source-kind", WM_SOURCE_KIND_INTERVIEW, "sample-size", 12, NULL);
  else
    g_assert_not_reached ();

  return element;
}

static void
fuzz_insert (Fuzz  *fuzz,
             Lists *lists)
{
  GListModel *list = pick_list (fuzz, lists, 0);
  g_autoptr(WmElement) element = new_element (fuzz, list);

  if (element != NULL)
    wm_history_insert (fuzz->history, list, g_rand_int_range (fuzz->rand, 0, g_list_model_get_n_items (list) + 1),
                       element);
}

static void
fuzz_remove (Fuzz  *fuzz,
             Lists *lists)
{
  GListModel *list = pick_list (fuzz, lists, 1);
  gpointer item = list != NULL ? pick_item (fuzz, list) : NULL;

  /* Stages, personas and lanes go with what refers to them, as in the app. */
  if (item == NULL)
    return;
  else if (WM_IS_STAGE (item))
    wm_document_remove_stage (fuzz->document, item);
  else if (WM_IS_PERSONA (item))
    wm_document_remove_persona (fuzz->document, item);
  else if (WM_IS_LANE (item))
    wm_document_remove_lane (fuzz->document, item);
  else
    {
      guint position = 0;

      g_assert_nonnull (wm_document_find (list, wm_element_get_id (item), &position));
      wm_history_remove (fuzz->history, list, position);
    }
}

static void
fuzz_move (Fuzz  *fuzz,
           Lists *lists)
{
  GListModel *list = pick_list (fuzz, lists, 2);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  if (n >= 2)
    wm_history_move (fuzz->history, list, g_rand_int_range (fuzz->rand, 0, n), g_rand_int_range (fuzz->rand, 0, n));
}

static void
fuzz_edit (Fuzz     *fuzz,
           gboolean  in_group)
{
  g_auto(Lists) lists = { { NULL } };
  int dice = g_rand_int_range (fuzz->rand, 0, 100);

  collect (fuzz->document, &lists);
  if (dice < 50)
    fuzz_set (fuzz, lists.elements);
  else if (dice < 65)
    fuzz_insert (fuzz, &lists);
  else if (dice < 78)
    fuzz_remove (fuzz, &lists);
  else if (dice < 90)
    fuzz_move (fuzz, &lists);
  else if (dice < 94)
    wm_history_seal (fuzz->history);
  else if (in_group) /* undo and redo wait for the group to end */
    fuzz_set (fuzz, lists.elements);
  else if (dice < 97)
    wm_history_undo (fuzz->history);
  else
    wm_history_redo (fuzz->history);
  fuzz->n_edits++;
}

/* Some edits, sometimes as one group, sometimes a group in a group. */
static void
fuzz_step (Fuzz *fuzz,
           guint depth)
{
  if (depth < 2 && g_rand_int_range (fuzz->rand, 0, 12) == 0)
    {
      guint n = g_rand_int_range (fuzz->rand, 0, 6);

      wm_history_begin (fuzz->history, depth == 0 ? "Several edits" : "Inner edits");
      for (guint i = 0; i < n; i++)
        fuzz_step (fuzz, depth + 1);
      wm_history_end (fuzz->history);
    }
  else
    fuzz_edit (fuzz, depth > 0);
}

static GBytes *
save (WmDocument *document)
{
  GBytes *bytes = wm_format_save_bytes (document);

  g_assert_nonnull (bytes);
  return bytes;
}

/* Compares as lines, so that a failure shows the first line that differs. */
static void
assert_bytes_equal (GBytes *actual,
                    GBytes *expected)
{
  g_autofree char *a_text = NULL;
  g_autofree char *e_text = NULL;
  g_auto(GStrv) a_lines = NULL;
  g_auto(GStrv) e_lines = NULL;
  guint i;

  if (g_bytes_equal (actual, expected))
    return;

  a_text = g_strndup (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual));
  e_text = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  a_lines = g_strsplit (a_text, "\n", -1);
  e_lines = g_strsplit (e_text, "\n", -1);
  for (i = 0; a_lines[i] != NULL && e_lines[i] != NULL; i++)
    if (!g_str_equal (a_lines[i], e_lines[i]))
      break;
  g_test_message ("the saved maps differ from line %u on", i + 1);
  g_assert_cmpstr (a_lines[i], ==, e_lines[i]);
}

static void
test_random_edits (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_format_load_file (file, NULL, &error);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(WmDocument) reloaded = NULL;
  g_autoptr(GBytes) resaved = NULL;
  Fuzz fuzz = { 0 };
  guint n_steps = 0;

  g_assert_no_error (error);
  if (document == NULL)
    return;
  fuzz.document = document;
  fuzz.history = wm_document_get_history (document);
  /* A fixed seed per map, so that a failure is the same on every run. */
  fuzz.rand = g_rand_new_with_seed (g_str_hash (name));
  g_assert_false (wm_history_get_can_undo (fuzz.history));

  original = save (document);
  while (fuzz.n_edits < 400)
    fuzz_step (&fuzz, 0);
  edited = save (document);
  g_assert_false (g_bytes_equal (edited, original));

  /* What the edits made is a map this build can read again as it was. */
  reloaded = wm_format_load_bytes (edited, &error);
  g_assert_no_error (error);
  if (reloaded != NULL)
    {
      resaved = save (reloaded);
      assert_bytes_equal (resaved, edited);
    }

  while (wm_history_undo (fuzz.history))
    n_steps++;
  g_test_message ("%u edits made %u undo steps", fuzz.n_edits, n_steps);
  /* Most edits are steps of their own; a run that made few tested little. */
  g_assert_cmpuint (n_steps, >=, fuzz.n_edits / 4);
  undone = save (document);
  assert_bytes_equal (undone, original);

  while (wm_history_redo (fuzz.history))
    ;
  redone = save (document);
  assert_bytes_equal (redone, edited);

  g_rand_free (fuzz.rand);
}

int
main (int argc, char *argv[])
{
  static const char * const examples[] = {
    "online-purchase.waymark", "car-purchase.waymark", "service-blueprint.waymark", "persian-rtl.waymark",
  };

  g_test_init (&argc, &argv, NULL);
  /* One failing check should not hide the outcome of the others. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/history/set", test_set);
  g_test_add_func ("/history/set-value", test_set_value);
  g_test_add_func ("/history/insert-remove-move", test_insert_remove_move);
  g_test_add_func ("/history/move-in-place", test_move_in_place);
  g_test_add_func ("/history/can-undo-notify", test_can_undo_notify);
  g_test_add_func ("/history/group/drag", test_group_drag);
  g_test_add_func ("/history/group/nested", test_group_nested);
  g_test_add_func ("/history/group/empty", test_group_empty);
  g_test_add_func ("/history/merge/typing", test_merge_typing);
  g_test_add_func ("/history/unchanged/same-value", test_set_unchanged);
  g_test_add_func ("/history/unchanged/empty-string", test_set_unchanged_empty_string);
  g_test_add_func ("/history/unchanged/strv", test_set_unchanged_strv);
  g_test_add_func ("/history/unchanged/bytes", test_set_unchanged_bytes);
  g_test_add_func ("/history/state", test_state);
  g_test_add_func ("/history/labels", test_labels);
  g_test_add_func ("/history/clear", test_clear);
  g_test_add_func ("/history/lifetime/elements", test_lifetime_elements);
  g_test_add_func ("/history/lifetime/document", test_lifetime_document);
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/history/random-edits/%s", examples[i]);
      g_test_add_data_func (path, examples[i], test_random_edits);
    }

  return g_test_run ();
}
