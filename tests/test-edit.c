/* test-edit.c: the edits a designer makes (wm-edit.h).
 *
 * Each edit is checked for what a user sees change, and for being one
 * undoable step: undoing it once gives back the very bytes the map saved as
 * before, and redoing it the bytes after.
 */
#include "wm-card.h"
#include "wm-document.h"
#include "wm-edit.h"
#include "wm-evidence.h"
#include "wm-format.h"

#include "test-util.h"

static WmDocument *
load_example (const char *name)
{
  return load ("../data/examples", name);
}

/* A map with stages A B C, lanes "Actions" and "Pain points", a persona,
 * cards a1 a2 a3 in Actions × A and b1 in Pain points × B, a point and a
 * moment at B, made through the history and then forgotten by it. */
static WmDocument *
small_map (void)
{
  WmDocument *document = wm_document_new ();
  WmStage *b;
  WmLane *actions, *pains;
  WmPersona *persona;

  wm_edit_add_stage (document, 0, "A");
  b = wm_edit_add_stage (document, 1, "B");
  wm_edit_add_stage (document, 2, "C");
  actions = wm_edit_add_lane (document, 0, WM_LANE_KIND_ACTIONS, "Actions");
  pains = wm_edit_add_lane (document, 1, WM_LANE_KIND_PAIN_POINTS, "Pain points");
  persona = wm_edit_add_persona (document, "Anna");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("a%u", i + 1);
      WmStage *a = g_list_model_get_item (wm_document_get_stages (document), 0);

      wm_edit_add_card (document, actions, a, i, text);
      g_object_unref (a);
    }
  wm_edit_add_card (document, pains, b, 0, "b1");
  wm_edit_set_score (document, persona, b, -1);
  wm_edit_add_moment (document, b, pains, "Decision");
  wm_history_clear (wm_document_get_history (document));

  return document;
}

static GListModel *
cell (WmDocument *document,
      guint       lane,
      guint       stage)
{
  return wm_lane_get_cards (lane_at (document, lane),
                            wm_element_get_id (WM_ELEMENT (stage_at (document, stage))));
}

/* The texts of the cards of a cell, or the names of the stages, as "a,b,c". */
static char *
texts (GListModel *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GObject *object = item (list, i);
      g_autofree char *text = NULL;

      g_object_get (object, WM_IS_CARD (object) ? "text" : WM_IS_LANE (object) ? "title" : "name", &text, NULL);
      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", text != NULL ? text : "");
    }

  return g_string_free (out, FALSE);
}

#define assert_texts(list, expected) \
  G_STMT_START { g_autofree char *t_ = texts (list); g_assert_cmpstr (t_, ==, expected); } G_STMT_END

/* Checks that nothing changed and no step was recorded. */
static void
assert_no_step (WmDocument *document,
                GBytes     *before,
                guint64     state)
{
  g_autoptr(GBytes) now = wm_format_save_bytes (document);

  assert_bytes_equal (now, before);
  g_assert_cmpuint (wm_history_get_state (wm_document_get_history (document)), ==, state);
}

static GListModel *
list_of (gpointer first,
         ...)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  va_list args;

  va_start (args, first);
  for (gpointer element = first; element != NULL; element = va_arg (args, gpointer))
    g_list_store_append (store, element);
  va_end (args);

  return G_LIST_MODEL (store);
}

static const char *
id (gpointer element)
{
  return wm_element_get_id (WM_ELEMENT (element));
}

/* ------------------------------------------------------------------------ */

static void
test_add_stage (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmStage *stage;

  stage = wm_edit_add_stage (document, 1, "Between");
  assert_texts (wm_document_get_stages (document), "A,Between,B,C");
  g_assert_true (stage_at (document, 1) == stage);
  assert_one_step (document, before);

  /* Beyond the end is the end; no name is a default one, not nothing. */
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  stage = wm_edit_add_stage (document, 99, NULL);
  g_assert_true (stage_at (document, 4) == stage);
  g_assert_cmpstr (wm_stage_get_name (stage), !=, "");
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Add Stage");
}

static void
test_add_lane (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmLane *lane;

  lane = wm_edit_add_lane (document, 0, WM_LANE_KIND_EMOTION_CURVE, NULL);
  g_assert_true (lane_at (document, 0) == lane);
  g_assert_cmpint (wm_lane_get_kind (lane), ==, WM_LANE_KIND_EMOTION_CURVE);
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Emotion curve");
  assert_one_step (document, before);

  lane = wm_edit_add_lane (document, 1000, WM_LANE_KIND_KPIS, "Numbers");
  g_assert_true (lane_at (document, 3) == lane);
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Numbers");
}

static void
test_add_persona (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *personas = wm_document_get_personas (document);
  WmPersona *persona;

  persona = wm_edit_add_persona (document, "Ben");
  g_assert_true (item (personas, 1) == persona);
  g_assert_cmpstr (wm_persona_get_name (persona), ==, "Ben");
  assert_one_step (document, before);

  /* Each new one in a colour no other persona has, while there are some. */
  for (guint i = 0; i < 5; i++)
    wm_edit_add_persona (document, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      const char *color = wm_persona_get_color (item (personas, i));

      g_assert_cmpuint (strlen (color), ==, 7);
      g_assert_false (g_hash_table_contains (colors, color));
      g_hash_table_add (colors, (char *) color);
    }
}

static void
test_add_card (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmCard *card;

  card = wm_edit_add_card (document, lane_at (document, 0), stage_at (document, 0), 1, "new");
  assert_texts (cell (document, 0, 0), "a1,new,a2,a3");
  g_assert_true (item (cell (document, 0, 0), 1) == card);
  assert_one_step (document, before);

  wm_edit_add_card (document, lane_at (document, 1), stage_at (document, 2), 7, "first");
  assert_texts (cell (document, 1, 2), "first");
}

static void
test_add_moment (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  GListModel *moments = wm_document_get_moments (document);
  WmMoment *moment;

  moment = wm_edit_add_moment (document, stage_at (document, 2), NULL, "Handover");
  g_assert_cmpuint (g_list_model_get_n_items (moments), ==, 2);
  g_assert_cmpstr (wm_moment_get_stage (moment), ==, id (stage_at (document, 2)));
  g_assert_cmpstr (wm_moment_get_lane (moment), ==, "");
  g_assert_cmpstr (wm_moment_get_title (moment), ==, "Handover");
  assert_one_step (document, before);
}

static void
test_set_score (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmPersona *anna = item (wm_document_get_personas (document), 0);
  GListModel *points = wm_document_get_emotion_points (document);
  WmEmotionPoint *point, *again;

  /* No point at A yet: one is made, its score on a whole step. */
  point = wm_edit_set_score (document, anna, stage_at (document, 0), 1.4);
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, 2);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 1);
  g_assert_cmpstr (wm_emotion_point_get_stage (point), ==, id (stage_at (document, 0)));
  assert_one_step (document, before);

  /* The same point again, brought within the scale. */
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  again = wm_edit_set_score (document, anna, stage_at (document, 0), 99);
  g_assert_true (again == point);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 3);
  assert_one_step (document, before);
  wm_edit_set_score (document, anna, stage_at (document, 0), -2.6);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -3);

  /* Two changes are two steps, not one typing burst. */
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 3);
}

static void
test_set_score_unchanged (void)
{
  g_autoptr(WmDocument) document = small_map ();
  WmPersona *anna = item (wm_document_get_personas (document), 0);
  g_autoptr(GBytes) before = wm_format_save_bytes (document);

  wm_edit_set_score (document, anna, stage_at (document, 1), -1.2);
  assert_no_step (document, before, 0);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));
}

static void
test_move_stage_lane (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);

  wm_edit_move_stage (document, stage_at (document, 0), 2);
  assert_texts (wm_document_get_stages (document), "B,C,A");
  /* Cards stay in their stage. */
  assert_texts (cell (document, 0, 2), "a1,a2,a3");
  assert_one_step (document, before);

  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_move_lane (document, lane_at (document, 1), 0);
  assert_texts (wm_document_get_lanes (document), "Pain points,Actions");
  assert_one_step (document, before);

  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_move_stage (document, stage_at (document, 0), 100);
  assert_texts (wm_document_get_stages (document), "C,A,B");
  assert_one_step (document, before);
}

static void
test_move_card (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmCard *a1 = item (cell (document, 0, 0), 0);
  WmLane *lane;
  WmStage *stage;
  guint position;

  /* Within its cell. */
  wm_edit_move_card (document, a1, lane_at (document, 0), stage_at (document, 0), 2);
  assert_texts (cell (document, 0, 0), "a2,a3,a1");
  assert_one_step (document, before);

  /* To another cell, between two cards. */
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_move_card (document, a1, lane_at (document, 1), stage_at (document, 1), 0);
  assert_texts (cell (document, 0, 0), "a2,a3");
  assert_texts (cell (document, 1, 1), "a1,b1");
  g_assert_true (wm_edit_find_card (document, a1, &lane, &stage, &position));
  g_assert_true (lane == lane_at (document, 1));
  g_assert_true (stage == stage_at (document, 1));
  g_assert_cmpuint (position, ==, 0);
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Move Card");
}

static void
test_move_moment (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmMoment *moment = item (wm_document_get_moments (document), 0);

  wm_edit_move_moment (document, moment, stage_at (document, 2), NULL);
  g_assert_cmpstr (wm_moment_get_stage (moment), ==, id (stage_at (document, 2)));
  g_assert_cmpstr (wm_moment_get_lane (moment), ==, "");
  assert_one_step (document, before);

  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_move_moment (document, moment, stage_at (document, 0), lane_at (document, 0));
  g_assert_cmpstr (wm_moment_get_stage (moment), ==, id (stage_at (document, 0)));
  g_assert_cmpstr (wm_moment_get_lane (moment), ==, id (lane_at (document, 0)));
  assert_one_step (document, before);
}

/* A stage and a card in it, a lane, a persona and evidence of a card in the
 * stage: everything goes in one step, nothing twice. */
static void
test_delete_mixed (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  GListModel *stages = wm_document_get_stages (document);
  WmStage *stage = stage_at (document, 1);
  g_autofree char *stage_id = g_strdup (id (stage));
  WmLane *lane = NULL;
  WmCard *card = NULL;
  WmEvidence *evidence = NULL;
  WmPersona *persona = item (wm_document_get_personas (document), 1);
  g_autoptr(GListModel) elements = NULL;
  guint n_stages = g_list_model_get_n_items (stages);
  guint n_lanes = g_list_model_get_n_items (wm_document_get_lanes (document));

  /* A card of the stage with evidence, in a lane other than the one deleted. */
  for (guint l = 0; l < n_lanes && evidence == NULL; l++)
    {
      GListModel *cards = wm_lane_get_cards (lane_at (document, l), stage_id);

      for (guint i = 0; i < g_list_model_get_n_items (cards) && evidence == NULL; i++)
        if (g_list_model_get_n_items (wm_element_get_evidence (item (cards, i))) > 0)
          {
            card = item (cards, i);
            evidence = item (wm_element_get_evidence (WM_ELEMENT (card)), 0);
            lane = lane_at (document, l == 0 ? 1 : 0);
          }
    }
  g_assert_nonnull (evidence);

  elements = list_of (evidence, card, stage, lane, persona, card, NULL);
  wm_edit_delete (document, elements);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages - 1);
  g_assert_null (wm_document_find (stages, stage_id, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_lanes (document)), ==, n_lanes - 1);
  g_assert_false (wm_edit_find_card (document, card, NULL, NULL, NULL));
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Delete");

  /* Deleting them again, gone as they are, does nothing. */
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_delete (document, elements);
  assert_no_step (document, before, wm_history_get_state (wm_document_get_history (document)));
}

static void
test_delete_each_kind (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmCard *a2 = item (cell (document, 0, 0), 1);
  WmEmotionPoint *point = item (wm_document_get_emotion_points (document), 0);
  WmMoment *moment = item (wm_document_get_moments (document), 0);
  g_autoptr(GListModel) elements = list_of (moment, a2, point, NULL);

  wm_edit_delete (document, elements);
  assert_texts (cell (document, 0, 0), "a1,a3");
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_points (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_moments (document)), ==, 0);
  assert_one_step (document, before);
}

static void
test_duplicate_stage (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmStage *b = stage_at (document, 1);
  g_autoptr(GListModel) elements = list_of (b, NULL);
  g_autoptr(GPtrArray) copies = NULL;
  WmStage *copy;
  WmEmotionPoint *point;
  WmMoment *moment;

  copies = wm_edit_duplicate (document, elements);
  g_assert_cmpuint (copies->len, ==, 1);
  copy = copies->pdata[0];
  assert_texts (wm_document_get_stages (document), "A,B,B,C");
  g_assert_true (stage_at (document, 2) == copy);
  g_assert_cmpstr (id (copy), !=, id (b));

  /* Its cards in every lane, new ones. */
  assert_texts (cell (document, 1, 2), "b1");
  g_assert_true (item (cell (document, 1, 2), 0) != item (cell (document, 1, 1), 0));
  g_assert_cmpstr (id (item (cell (document, 1, 2), 0)), !=, id (item (cell (document, 1, 1), 0)));

  /* Its emotion point and its moment of truth, at the copy. */
  point = wm_document_find_emotion_point (document,
                                          id (item (wm_document_get_personas (document), 0)),
                                          id (copy));
  g_assert_nonnull (point);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_moments (document)), ==, 2);
  moment = item (wm_document_get_moments (document), 1);
  g_assert_cmpstr (wm_moment_get_stage (moment), ==, id (copy));
  g_assert_cmpstr (wm_moment_get_lane (moment), ==, id (lane_at (document, 1)));
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Duplicate");
}

static void
test_duplicate_lane_and_cards (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmCard *a1 = item (cell (document, 0, 0), 0);
  WmCard *a3 = item (cell (document, 0, 0), 2);
  g_autoptr(GListModel) cards = list_of (a3, a1, NULL);
  g_autoptr(GListModel) lanes = NULL;
  g_autoptr(GPtrArray) copies = NULL;

  /* Each card right after its original, in the same cell. */
  copies = wm_edit_duplicate (document, cards);
  g_assert_cmpuint (copies->len, ==, 2);
  assert_texts (cell (document, 0, 0), "a1,a1,a2,a3,a3");
  g_assert_true (item (cell (document, 0, 0), 1) == copies->pdata[0]);
  g_assert_true (item (cell (document, 0, 0), 4) == copies->pdata[1]);
  assert_one_step (document, before);

  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  lanes = list_of (lane_at (document, 0), NULL);
  g_clear_pointer (&copies, g_ptr_array_unref);
  copies = wm_edit_duplicate (document, lanes);
  assert_texts (wm_document_get_lanes (document), "Actions,Actions,Pain points");
  assert_texts (cell (document, 1, 0), "a1,a1,a2,a3,a3");
  g_assert_cmpstr (id (item (cell (document, 1, 0), 0)), !=, id (item (cell (document, 0, 0), 0)));
  assert_one_step (document, before);
}

static void
test_duplicate_persona (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  GListModel *personas = wm_document_get_personas (document);
  WmPersona *anna = item (personas, 0);
  WmPersona *copy;
  WmEmotionPoint *point;
  g_autoptr(GListModel) elements = list_of (anna, item (wm_document_get_emotion_points (document), 0), NULL);
  g_autoptr(GPtrArray) copies = NULL;

  wm_edit_add_persona (document, "Ben");
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);

  /* Right after the original, with its points, in a colour of its own. */
  copies = wm_edit_duplicate (document, elements);
  g_assert_cmpuint (copies->len, ==, 1);
  copy = copies->pdata[0];
  g_assert_true (item (personas, 1) == copy);
  g_assert_cmpstr (wm_persona_get_name (copy), ==, "Anna");
  g_assert_cmpstr (wm_persona_get_color (copy), !=, wm_persona_get_color (anna));
  g_assert_cmpstr (wm_persona_get_color (copy), !=, wm_persona_get_color (item (personas, 2)));
  point = wm_document_find_emotion_point (document, id (copy), id (stage_at (document, 1)));
  g_assert_nonnull (point);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -1);
  assert_one_step (document, before);
}

/* A point alone has nowhere to go: a persona has one per stage. */
static void
test_duplicate_point (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GListModel) elements = list_of (item (wm_document_get_emotion_points (document), 0), NULL);
  g_autoptr(GPtrArray) copies = wm_edit_duplicate (document, elements);

  g_assert_cmpuint (copies->len, ==, 0);
  assert_no_step (document, before, 0);
}

/* Everything of a rich map at once; the result is a valid map. */
static void
test_duplicate_everything (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GListStore) all = g_list_store_new (WM_TYPE_ELEMENT);
  GListModel *(*lists[]) (WmDocument *) = {
    wm_document_get_personas, wm_document_get_stages, wm_document_get_lanes, wm_document_get_moments,
  };
  g_autoptr(GPtrArray) copies = NULL;
  guint n_points = g_list_model_get_n_items (wm_document_get_emotion_points (document));
  guint n_moments = g_list_model_get_n_items (wm_document_get_moments (document));
  guint n_tops = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l] (document)); i++)
      {
        g_list_store_append (all, item (lists[l] (document), i));
        n_tops += l < 3;
      }

  /* The moments go with their stages, not twice. */
  copies = wm_edit_duplicate (document, G_LIST_MODEL (all));
  g_assert_cmpuint (copies->len, ==, n_tops);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_moments (document)), ==, 2 * n_moments);
  /* A point of a copied persona at a copied stage goes to both copies. */
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_points (document)), ==, 2 * n_points);
  assert_one_step (document, before);
}

static void
test_evidence (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmCard *card = item (cell (document, 0, 0), 0);
  GListModel *evidence = wm_element_get_evidence (WM_ELEMENT (card));
  g_autoptr(WmEvidence) survey = wm_evidence_new ();
  g_autoptr(WmEvidence) interview = wm_evidence_new ();

  wm_evidence_set_sample_size (survey, 120);
  wm_edit_add_evidence (document, WM_ELEMENT (card), survey);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  assert_one_step (document, before);

  wm_evidence_set_source_kind (interview, WM_SOURCE_KIND_INTERVIEW);
  wm_edit_add_evidence (document, WM_ELEMENT (card), interview);
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_remove_evidence (document, WM_ELEMENT (card), 0);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  g_assert_true (item (evidence, 0) == interview);
  assert_one_step (document, before);

  /* On the map itself, too. */
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_add_evidence (document, WM_ELEMENT (document), survey);
  g_assert_cmpuint (g_list_model_get_n_items (wm_element_get_evidence (WM_ELEMENT (document))), ==, 1);
  assert_one_step (document, before);
}

/* Nudging @element by @dx, @dy at an end changes nothing and records nothing. */
static void
assert_nudge_stops (WmDocument *document,
                    gpointer    element,
                    int         dx,
                    int         dy)
{
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  guint64 state = wm_history_get_state (wm_document_get_history (document));

  wm_edit_nudge (document, element, dx, dy);
  assert_no_step (document, before, state);
}

static void
test_nudge_stage_lane (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmStage *a = stage_at (document, 0);
  WmLane *actions = lane_at (document, 0);

  wm_edit_nudge (document, WM_ELEMENT (a), 1, 0);
  assert_texts (wm_document_get_stages (document), "B,A,C");
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Move Stage");

  wm_edit_nudge (document, WM_ELEMENT (a), 5, 0);
  assert_texts (wm_document_get_stages (document), "B,C,A");
  assert_nudge_stops (document, a, 1, 0);
  /* A stage does not move up or down. */
  assert_nudge_stops (document, a, 0, 1);

  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_nudge (document, WM_ELEMENT (actions), 0, 1);
  assert_texts (wm_document_get_lanes (document), "Pain points,Actions");
  assert_one_step (document, before);
  assert_nudge_stops (document, actions, 0, 1);
  assert_nudge_stops (document, actions, -1, 0);
}

static void
test_nudge_card (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmCard *a2 = item (cell (document, 0, 0), 1);
  WmCard *b1 = item (cell (document, 1, 1), 0);

  /* Down its cell, then up past the top: as far as it goes. */
  wm_edit_nudge (document, WM_ELEMENT (a2), 0, 1);
  assert_texts (cell (document, 0, 0), "a1,a3,a2");
  assert_one_step (document, before);
  assert_nudge_stops (document, a2, 0, 1);
  wm_edit_nudge (document, WM_ELEMENT (a2), 0, -5);
  assert_texts (cell (document, 0, 0), "a2,a1,a3");
  assert_nudge_stops (document, a2, 0, -1);

  /* To the next stage, at the same place in that cell. */
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_nudge (document, WM_ELEMENT (b1), 1, 0);
  assert_texts (cell (document, 1, 1), "");
  assert_texts (cell (document, 1, 2), "b1");
  assert_one_step (document, before);
  assert_nudge_stops (document, b1, 1, 0);
  wm_edit_nudge (document, WM_ELEMENT (a2), 1, 0);
  wm_edit_nudge (document, WM_ELEMENT (a2), 1, 0);
  assert_texts (cell (document, 0, 2), "a2");
  assert_texts (cell (document, 0, 0), "a1,a3");
}

static void
test_nudge_moment_persona_evidence (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmMoment *moment = item (wm_document_get_moments (document), 0);
  WmPersona *anna = item (wm_document_get_personas (document), 0);
  WmCard *card = item (cell (document, 0, 0), 0);
  g_autoptr(WmEvidence) first = wm_evidence_new ();
  g_autoptr(WmEvidence) second = wm_evidence_new ();

  wm_edit_nudge (document, WM_ELEMENT (moment), -1, 0);
  g_assert_cmpstr (wm_moment_get_stage (moment), ==, id (stage_at (document, 0)));
  assert_one_step (document, before);
  assert_nudge_stops (document, moment, -1, 0);

  wm_edit_add_persona (document, "Ben");
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_nudge (document, WM_ELEMENT (anna), 0, 1);
  g_assert_true (item (wm_document_get_personas (document), 1) == anna);
  assert_one_step (document, before);
  assert_nudge_stops (document, anna, 0, 1);

  wm_edit_add_evidence (document, WM_ELEMENT (card), first);
  wm_edit_add_evidence (document, WM_ELEMENT (card), second);
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  wm_edit_nudge (document, WM_ELEMENT (second), 0, -1);
  g_assert_true (item (wm_element_get_evidence (WM_ELEMENT (card)), 0) == second);
  assert_one_step (document, before);
  assert_nudge_stops (document, second, 0, -1);
}

static void
test_nudge_score (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmEmotionPoint *point = item (wm_document_get_emotion_points (document), 0);

  /* Up a row is up a step. */
  wm_edit_nudge (document, WM_ELEMENT (point), 0, -1);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 0);
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Change Score");

  wm_edit_nudge (document, WM_ELEMENT (point), 0, 2);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -2);
  wm_edit_nudge (document, WM_ELEMENT (point), 0, 1);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -3);
  assert_nudge_stops (document, point, 0, 1);

  /* From between two steps, to the next whole one. */
  wm_history_set (wm_document_get_history (document), point, "score", 1.5, NULL);
  wm_edit_nudge (document, WM_ELEMENT (point), 0, -1);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 2);
  wm_edit_nudge (document, WM_ELEMENT (point), 0, -1);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 3);
  assert_nudge_stops (document, point, 0, -1);
}

/* A score computed from a survey, moved by hand, is a hand-set score:
 * the survey's sample size and spread go with the change, in one step. */
static void
test_score_by_hand (void)
{
  g_autoptr(WmDocument) document = small_map ();
  WmEmotionPoint *point = item (wm_document_get_emotion_points (document), 0);
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GBytes) before = NULL;

  wm_history_set (history, point, "computed", TRUE, "sample-size", 120, "spread", 0.8, NULL);
  before = wm_format_save_bytes (document);

  wm_edit_nudge (document, WM_ELEMENT (point), 0, -1);
  g_assert_false (wm_emotion_point_get_computed (point));
  g_assert_cmpint (wm_emotion_point_get_sample_size (point), ==, 0);
  g_assert_cmpfloat (wm_emotion_point_get_spread (point), ==, 0);
  assert_one_step (document, before);
}

/* Cards cannot go into a map without stages: an error, and no change. */
static void
test_insert_copies_no_place (void)
{
  g_autoptr(WmDocument) source = small_map ();
  g_autoptr(WmDocument) document = wm_document_new ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GListModel) cards = list_of (item (cell (source, 0, 0), 0), NULL);
  g_autoptr(GListModel) nothing = list_of (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = NULL;

  wm_edit_add_lane (document, 0, WM_LANE_KIND_ACTIONS, NULL);
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (document);
  copies = wm_edit_insert_copies (document, source, cards, NULL, &error);
  g_assert_error (error, WM_EDIT_ERROR, WM_EDIT_ERROR_NO_PLACE);
  g_assert_null (copies);
  assert_no_step (document, before, wm_history_get_state (wm_document_get_history (document)));

  g_clear_error (&error);
  copies = wm_edit_insert_copies (document, source, nothing, NULL, &error);
  g_assert_error (error, WM_EDIT_ERROR, WM_EDIT_ERROR_NOTHING);
  g_assert_null (copies);
}

static void
test_collect (void)
{
  g_autoptr(WmDocument) document = small_map ();
  g_autoptr(WmDocument) other = small_map ();
  WmCard *a1 = item (cell (document, 0, 0), 0);
  WmCard *b1 = item (cell (document, 1, 1), 0);
  WmStage *a = stage_at (document, 0);
  g_autoptr(GListModel) elements = list_of (b1, a1, stage_at (other, 0), a, NULL);
  g_autoptr(GPtrArray) roots = wm_edit_collect (document, elements);

  /* a1 goes with its stage; the other map's stage is not in this one. */
  g_assert_cmpuint (roots->len, ==, 2);
  g_assert_true (roots->pdata[0] == a);
  g_assert_true (roots->pdata[1] == b1);
}

/* Many random edits on each example map: undoing them all gives back the
 * bytes of the file, redoing them all the bytes after. */
static void
test_random_edits (gconstpointer data)
{
  g_autoptr(WmDocument) document = load_example (data);
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  guint steps = 0;

  for (guint i = 0; i < 300; i++)
    {
      GListModel *stages = wm_document_get_stages (document);
      GListModel *lanes = wm_document_get_lanes (document);
      GListModel *personas = wm_document_get_personas (document);
      guint n_stages = g_list_model_get_n_items (stages);
      guint n_lanes = g_list_model_get_n_items (lanes);
      guint n_personas = g_list_model_get_n_items (personas);
      WmStage *stage = n_stages > 0 ? item (stages, g_test_rand_int_range (0, n_stages)) : NULL;
      WmLane *lane = n_lanes > 0 ? item (lanes, g_test_rand_int_range (0, n_lanes)) : NULL;
      WmPersona *persona = n_personas > 0 ? item (personas, g_test_rand_int_range (0, n_personas)) : NULL;
      GListModel *cards = stage != NULL && lane != NULL ? wm_lane_get_cards (lane, id (stage)) : NULL;
      guint n_cards = cards != NULL ? g_list_model_get_n_items (cards) : 0;
      WmCard *card = n_cards > 0 ? item (cards, g_test_rand_int_range (0, n_cards)) : NULL;
      guint64 state = wm_history_get_state (history);
      g_autoptr(GListModel) one = NULL;
      g_autoptr(GPtrArray) copies = NULL;

      switch (g_test_rand_int_range (0, 9))
        {
        case 0:
          wm_edit_add_stage (document, g_test_rand_int_range (0, n_stages + 2), NULL);
          break;
        case 1:
          wm_edit_add_card (document, lane != NULL ? lane : wm_edit_add_lane (document, 0, WM_LANE_KIND_NOTES, NULL),
                            stage != NULL ? stage : wm_edit_add_stage (document, 0, NULL), 0, "card");
          break;
        case 2:
          if (card != NULL)
            wm_edit_nudge (document, WM_ELEMENT (card), g_test_rand_int_range (-1, 2), g_test_rand_int_range (-1, 2));
          break;
        case 3:
          if (stage != NULL)
            wm_edit_nudge (document, WM_ELEMENT (stage), g_test_rand_int_range (-2, 3), 0);
          break;
        case 4:
          if (persona != NULL && stage != NULL)
            wm_edit_set_score (document, persona, stage, g_test_rand_double_range (-5, 5));
          break;
        case 5:
          one = list_of (card != NULL ? (gpointer) card : (gpointer) lane, NULL);
          copies = wm_edit_duplicate (document, one);
          break;
        case 6:
          if (g_test_rand_int_range (0, 4) == 0)
            {
              one = list_of (stage != NULL ? (gpointer) stage : (gpointer) card, card, NULL);
              wm_edit_delete (document, one);
            }
          break;
        case 7:
          if (card != NULL && lane != NULL && stage != NULL)
            wm_edit_move_card (document, card, lane, stage, g_test_rand_int_range (0, 4));
          break;
        case 8:
          if (lane != NULL)
            wm_edit_move_lane (document, lane, g_test_rand_int_range (0, n_lanes + 1));
          break;
        default:
          g_assert_not_reached ();
        }
      if (wm_history_get_state (history) != state)
        steps++;
    }

  after = wm_format_save_bytes (document);
  for (guint i = 0; i < steps; i++)
    g_assert_true (wm_history_undo (history));
  g_assert_false (wm_history_get_can_undo (history));
  undone = wm_format_save_bytes (document);
  assert_bytes_equal (undone, before);
  while (wm_history_redo (history))
    ;
  redone = wm_format_save_bytes (document);
  assert_bytes_equal (redone, after);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const examples[] = {
    "car-purchase.waymark", "online-purchase.waymark", "service-blueprint.waymark", "persian-rtl.waymark",
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/add/stage", test_add_stage);
  g_test_add_func ("/edit/add/lane", test_add_lane);
  g_test_add_func ("/edit/add/persona", test_add_persona);
  g_test_add_func ("/edit/add/card", test_add_card);
  g_test_add_func ("/edit/add/moment", test_add_moment);
  g_test_add_func ("/edit/set-score/snap-and-clamp", test_set_score);
  g_test_add_func ("/edit/set-score/unchanged", test_set_score_unchanged);
  g_test_add_func ("/edit/move/stage-and-lane", test_move_stage_lane);
  g_test_add_func ("/edit/move/card", test_move_card);
  g_test_add_func ("/edit/move/moment", test_move_moment);
  g_test_add_func ("/edit/delete/mixed", test_delete_mixed);
  g_test_add_func ("/edit/delete/each-kind", test_delete_each_kind);
  g_test_add_func ("/edit/duplicate/stage", test_duplicate_stage);
  g_test_add_func ("/edit/duplicate/lane-and-cards", test_duplicate_lane_and_cards);
  g_test_add_func ("/edit/duplicate/persona", test_duplicate_persona);
  g_test_add_func ("/edit/duplicate/point", test_duplicate_point);
  g_test_add_func ("/edit/duplicate/everything", test_duplicate_everything);
  g_test_add_func ("/edit/evidence", test_evidence);
  g_test_add_func ("/edit/nudge/stage-and-lane", test_nudge_stage_lane);
  g_test_add_func ("/edit/nudge/card", test_nudge_card);
  g_test_add_func ("/edit/nudge/moment-persona-evidence", test_nudge_moment_persona_evidence);
  g_test_add_func ("/edit/nudge/score", test_nudge_score);
  g_test_add_func ("/edit/score-by-hand", test_score_by_hand);
  g_test_add_func ("/edit/insert-copies/no-place", test_insert_copies_no_place);
  g_test_add_func ("/edit/collect", test_collect);
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/edit/random-edits/%s", examples[i]);

      g_test_add_data_func (path, examples[i], test_random_edits);
    }

  return g_test_run ();
}
