/* test-review.c: what a review finds weak in a map.
 *
 * A small map is built in code, sound but for what each test takes away
 * or adds: Anna (with goals) and Bob (without) over the stages Look and
 * Buy; a touchpoint, an opportunity and a KPI in Look only; each curve
 * lowest in Look; a moment of truth in each stage. The review's day is
 * fixed, 2025-06-01, so that the age of evidence never depends on when the
 * tests run.
 */
#include "wm-card.h"
#include "wm-edit.h"
#include "wm-evidence.h"
#include "wm-review.h"

#include "test-util.h"

typedef struct
{
  WmDocument *document;
  WmPersona *anna;
  WmPersona *bob;
  WmStage *look;
  WmStage *buy;
  WmLane *touchpoints;
  WmLane *opportunities;
  WmLane *kpis;
  WmLane *actions;
  GDate *today;
} Map;

static WmEvidence *
evidence_of (const char *date)
{
  WmEvidence *evidence = wm_evidence_new ();

  wm_evidence_set_sample_size (evidence, 12);
  wm_evidence_set_date (evidence, date);
  return evidence;
}

static void
back (Map        *map,
      gpointer    element,
      const char *date)
{
  g_autoptr(WmEvidence) evidence = evidence_of (date);

  wm_edit_add_evidence (map->document, element, evidence);
}

static WmCard *
add_card (Map     *map,
          WmLane  *lane,
          WmStage *stage,
          const char *text)
{
  WmCard *card = wm_edit_add_card (map->document, lane, stage, G_MAXUINT, text);

  back (map, card, "2025-05-01");
  return card;
}

static void
map_set_up (Map           *map,
            gconstpointer  data)
{
  WmEmotionPoint *point;
  WmMoment *moment;

  map->document = wm_document_new ();
  map->today = g_date_new_dmy (1, G_DATE_JUNE, 2025);
  map->anna = wm_edit_add_persona (map->document, "Anna");
  wm_persona_set_personal_goals (map->anna, "A bike for the commute");
  map->bob = wm_edit_add_persona (map->document, "Bob");
  wm_persona_set_professional_goals (map->bob, "Fewer sick days");
  map->look = wm_edit_add_stage (map->document, G_MAXUINT, "Look");
  map->buy = wm_edit_add_stage (map->document, G_MAXUINT, "Buy");
  map->touchpoints = wm_edit_add_lane (map->document, G_MAXUINT, WM_LANE_KIND_TOUCHPOINTS, NULL);
  map->opportunities = wm_edit_add_lane (map->document, G_MAXUINT, WM_LANE_KIND_OPPORTUNITIES, NULL);
  map->kpis = wm_edit_add_lane (map->document, G_MAXUINT, WM_LANE_KIND_KPIS, NULL);
  map->actions = wm_edit_add_lane (map->document, G_MAXUINT, WM_LANE_KIND_ACTIONS, NULL);

  /* Sound: every stage has a touchpoint, every moment a KPI, every low
   * point an opportunity, everything its evidence. */
  add_card (map, map->touchpoints, map->look, "Shop window");
  add_card (map, map->touchpoints, map->buy, "Till");
  add_card (map, map->opportunities, map->look, "Explain the sizes");
  add_card (map, map->kpis, map->look, "Visits");
  add_card (map, map->kpis, map->buy, "Conversion");
  add_card (map, map->actions, map->buy, "Pays");

  point = wm_edit_set_score (map->document, map->anna, map->look, -2);
  back (map, point, "2025-05-01");
  point = wm_edit_set_score (map->document, map->anna, map->buy, 1);
  back (map, point, "2025-05-01");
  point = wm_edit_set_score (map->document, map->bob, map->look, -1);
  back (map, point, "2025-05-01");
  point = wm_edit_set_score (map->document, map->bob, map->buy, 2);
  back (map, point, "2025-05-01");

  moment = wm_edit_add_moment (map->document, map->look, NULL, "First sight");
  back (map, moment, "2025-05-01");
  moment = wm_edit_add_moment (map->document, map->buy, NULL, "Paying");
  back (map, moment, "2025-05-01");
}

static void
map_tear_down (Map           *map,
               gconstpointer  data)
{
  g_clear_object (&map->document);
  g_clear_pointer (&map->today, g_date_free);
}

static GPtrArray *
review (Map *map)
{
  return wm_review_map (map->document, map->today);
}

/* The findings of @check, checking that each is at @level. */
static GPtrArray *
findings_of (GPtrArray     *findings,
             WmReviewCheck  check,
             WmReviewLevel  level)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      WmReviewFinding *finding = g_ptr_array_index (findings, i);

      if (finding->check != check)
        continue;
      g_assert_cmpint (finding->level, ==, level);
      g_assert_nonnull (finding->message);
      g_assert_null (strchr (finding->message, '\n'));
      g_ptr_array_add (found, finding);
    }

  return found;
}

static WmReviewFinding *
only_finding (GPtrArray     *findings,
              WmReviewCheck  check,
              WmReviewLevel  level)
{
  g_autoptr(GPtrArray) found = findings_of (findings, check, level);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static void
assert_none (GPtrArray     *findings,
             WmReviewCheck  check)
{
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpint (((WmReviewFinding *) g_ptr_array_index (findings, i))->check, !=, check);
}

static void
test_sound (Map           *map,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = review (map);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((WmReviewFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_low_point (Map           *map,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) after = NULL;
  WmReviewFinding *finding;
  g_autoptr(GPtrArray) opportunities = NULL;
  WmLane *bobs;

  /* Anna's curve is lowest at Buy now, where no opportunity is. */
  wm_edit_set_score (map->document, map->anna, map->buy, -3);
  findings = review (map);
  finding = only_finding (findings, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY, WM_REVIEW_ERROR);
  g_assert_true (finding->element == WM_ELEMENT (wm_document_find_emotion_point (
    map->document, wm_element_get_id (WM_ELEMENT (map->anna)), wm_element_get_id (WM_ELEMENT (map->buy)))));
  g_assert_nonnull (strstr (finding->message, "Anna"));
  g_assert_nonnull (strstr (finding->message, "Buy"));
  /* Errors come first. */
  g_assert_true (g_ptr_array_index (findings, 0) == finding);

  /* An opportunity for Bob alone does not answer Anna's pain. */
  bobs = wm_edit_add_lane (map->document, G_MAXUINT, WM_LANE_KIND_OPPORTUNITIES, "Bob's ideas");
  wm_lane_set_persona (bobs, wm_element_get_id (WM_ELEMENT (map->bob)));
  wm_edit_add_card (map->document, bobs, map->buy, 0, "Loyalty card");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = review (map);
  only_finding (findings, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY, WM_REVIEW_ERROR);

  /* One for her, or for everyone, does. */
  wm_lane_set_persona (bobs, wm_element_get_id (WM_ELEMENT (map->anna)));
  after = review (map);
  assert_none (after, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY);
}

static void
test_low_point_ties (Map           *map,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) found = NULL;

  /* Lowest at both stages: each is a low point; Look has its opportunity. */
  wm_edit_set_score (map->document, map->anna, map->buy, -2);
  findings = review (map);
  found = findings_of (findings, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY, WM_REVIEW_ERROR);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_nonnull (strstr (((WmReviewFinding *) g_ptr_array_index (found, 0))->message, "Buy"));
}

static void
test_low_point_neutral (Map           *map,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) neutral = NULL;
  g_autoptr(GPtrArray) below = NULL;
  g_autoptr(GPtrArray) happy = NULL;

  /* A curve that never goes below neutral has no low point to answer. */
  wm_edit_set_score (map->document, map->anna, map->look, 0);
  wm_edit_set_score (map->document, map->anna, map->buy, 0);
  neutral = review (map);
  assert_none (neutral, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY);

  /* On 0..10 the middle, 5, is neutral: 4 is below it. */
  wm_document_set_scale_min (map->document, 0);
  wm_document_set_scale_max (map->document, 10);
  wm_edit_set_score (map->document, map->anna, map->buy, 4);
  wm_edit_set_score (map->document, map->anna, map->look, 8);
  below = review (map);
  only_finding (below, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY, WM_REVIEW_ERROR);

  wm_edit_set_score (map->document, map->anna, map->buy, 6);
  wm_edit_set_score (map->document, map->bob, map->look, 7);
  wm_edit_set_score (map->document, map->bob, map->buy, 9);
  happy = review (map);
  assert_none (happy, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY);
}

static void
test_evidence_age (Map           *map,
                   gconstpointer  data)
{
  WmCard *card = wm_edit_add_card (map->document, map->actions, map->look, 0, "Walks by");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) a_year = NULL;
  g_autoptr(GPtrArray) later = NULL;
  WmReviewFinding *finding;

  back (map, card, "2024-05-31");
  findings = review (map);
  finding = only_finding (findings, WM_REVIEW_EVIDENCE_DUE, WM_REVIEW_WARNING);
  /* It selects what the evidence backs. */
  g_assert_true (finding->element == WM_ELEMENT (card));
  g_assert_nonnull (strstr (finding->message, "2024-05-31"));
  g_assert_nonnull (strstr (finding->message, "Walks by"));

  /* A year to the day is not more than a year. */
  wm_evidence_set_date (wm_document_peek (wm_element_get_evidence (WM_ELEMENT (card)), 0), "2024-06-01");
  a_year = review (map);
  assert_none (a_year, WM_REVIEW_EVIDENCE_DUE);

  /* Evidence anywhere: on a persona too. */
  back (map, map->bob, "2020-02-29");
  g_date_set_dmy (map->today, 1, G_DATE_MARCH, 2021);
  later = review (map);
  finding = only_finding (later, WM_REVIEW_EVIDENCE_DUE, WM_REVIEW_WARNING);
  g_assert_true (finding->element == WM_ELEMENT (map->bob));
}

static void
test_map_due (Map           *map,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) old = NULL;
  WmReviewFinding *finding;

  wm_document_set_modified (map->document, "2024-09-30T23:30:00-02:00");
  fresh = review (map);
  assert_none (fresh, WM_REVIEW_MAP_DUE);

  wm_document_set_modified (map->document, "2024-05-01T10:00:00");
  old = review (map);
  finding = only_finding (old, WM_REVIEW_MAP_DUE, WM_REVIEW_WARNING);
  g_assert_true (finding->element == WM_ELEMENT (map->document));
  g_assert_nonnull (strstr (finding->message, "2024-05-01"));
}

static void
test_touchpoints (Map           *map,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  WmReviewFinding *finding;
  WmStage *use = wm_edit_add_stage (map->document, G_MAXUINT, "Use");

  /* A card in another lane is no touchpoint. */
  add_card (map, map->actions, use, "Rides to work");
  findings = review (map);
  finding = only_finding (findings, WM_REVIEW_STAGE_WITHOUT_TOUCHPOINT, WM_REVIEW_WARNING);
  g_assert_true (finding->element == WM_ELEMENT (use));
  g_assert_nonnull (strstr (finding->message, "Use"));
}

static void
test_goals (Map           *map,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  WmReviewFinding *finding;

  wm_persona_set_professional_goals (map->bob, "  ");
  findings = review (map);
  finding = only_finding (findings, WM_REVIEW_PERSONA_WITHOUT_GOALS, WM_REVIEW_WARNING);
  g_assert_true (finding->element == WM_ELEMENT (map->bob));
  g_assert_nonnull (strstr (finding->message, "Bob"));
}

static void
test_moment_kpi (Map           *map,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  WmReviewFinding *finding;
  GListModel *cards = wm_lane_get_cards (map->kpis, wm_element_get_id (WM_ELEMENT (map->buy)));
  g_autoptr(GListStore) selection = g_list_store_new (WM_TYPE_ELEMENT);

  g_list_store_append (selection, wm_document_peek (cards, 0));
  wm_edit_delete (map->document, G_LIST_MODEL (selection));
  findings = review (map);
  finding = only_finding (findings, WM_REVIEW_MOMENT_WITHOUT_KPI, WM_REVIEW_WARNING);
  g_assert_nonnull (strstr (finding->message, "Paying"));
  g_assert_true (WM_IS_MOMENT (finding->element));
}

static void
test_unbacked (Map           *map,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  WmEmotionPoint *point = wm_edit_set_score (map->document, map->anna, map->buy, 2);
  WmMoment *moment = wm_edit_add_moment (map->document, map->buy, NULL, "Unwrapping");
  WmCard *card = wm_edit_add_card (map->document, map->actions, map->look, 0, "Walks by");

  wm_edit_remove_evidence (map->document, WM_ELEMENT (point), 0);
  /* Opportunities and notes are not claims that need evidence. */
  wm_edit_add_card (map->document, map->opportunities, map->buy, 0, "Gift wrapping");
  wm_edit_add_card (map->document, wm_edit_add_lane (map->document, G_MAXUINT, WM_LANE_KIND_NOTES, NULL),
                    map->buy, 0, "Ask the shop");

  findings = review (map);
  g_assert_true (only_finding (findings, WM_REVIEW_POINT_WITHOUT_EVIDENCE, WM_REVIEW_WARNING)->element ==
                 WM_ELEMENT (point));
  g_assert_true (only_finding (findings, WM_REVIEW_MOMENT_WITHOUT_EVIDENCE, WM_REVIEW_WARNING)->element ==
                 WM_ELEMENT (moment));
  cards = findings_of (findings, WM_REVIEW_CARD_WITHOUT_EVIDENCE, WM_REVIEW_INFO);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_true (((WmReviewFinding *) g_ptr_array_index (cards, 0))->element == WM_ELEMENT (card));
  /* Information comes last. */
  g_assert_true (g_ptr_array_index (findings, findings->len - 1) == g_ptr_array_index (cards, 0));
}

static void
test_levels_in_order (Map           *map,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  wm_edit_set_score (map->document, map->anna, map->buy, -3);
  wm_edit_add_card (map->document, map->actions, map->look, 0, "Walks by");
  wm_edit_add_stage (map->document, 0, "Dream");
  wm_persona_set_personal_goals (map->anna, NULL);
  findings = review (map);

  g_assert_cmpuint (findings->len, >=, 4);
  for (guint i = 1; i < findings->len; i++)
    g_assert_cmpint (((WmReviewFinding *) g_ptr_array_index (findings, i - 1))->level, <=,
                     ((WmReviewFinding *) g_ptr_array_index (findings, i))->level);
}

/* What the review finds in the example maps, on a day when none of their
 * evidence is a year old. */
static void
test_examples (void)
{
  static const struct {
    const char *name;
    guint errors;
  } examples[] = {
    { "car-purchase.waymark", 0 },
    { "online-purchase.waymark", 0 },
    { "persian-rtl.waymark", 0 },
    /* Ola's curve is lowest at "Verify identity", and the blueprint has no
     * opportunities lane. */
    { "service-blueprint.waymark", 1 },
  };
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_MARCH, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(WmDocument) document = load ("../data/examples", examples[i].name);
      g_autoptr(GPtrArray) findings = wm_review_map (document, today);
      g_autoptr(GPtrArray) errors = findings_of (findings, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY, WM_REVIEW_ERROR);
      g_autoptr(GPtrArray) due = findings_of (findings, WM_REVIEW_EVIDENCE_DUE, WM_REVIEW_WARNING);

      g_test_message ("%s: %u findings", examples[i].name, findings->len);
      g_assert_cmpuint (errors->len, ==, examples[i].errors);
      g_assert_cmpuint (due->len, ==, 0);
      /* None backs every card with evidence. */
      g_assert_cmpuint (findings->len, >, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Map, NULL, map_set_up, func, map_tear_down)
  ADD ("/review/sound", test_sound);
  ADD ("/review/low-point/opportunity", test_low_point);
  ADD ("/review/low-point/ties", test_low_point_ties);
  ADD ("/review/low-point/neutral", test_low_point_neutral);
  ADD ("/review/evidence/age", test_evidence_age);
  ADD ("/review/evidence/unbacked", test_unbacked);
  ADD ("/review/map-due", test_map_due);
  ADD ("/review/touchpoints", test_touchpoints);
  ADD ("/review/goals", test_goals);
  ADD ("/review/moment-kpi", test_moment_kpi);
  ADD ("/review/levels-in-order", test_levels_in_order);
#undef ADD
  g_test_add_func ("/review/examples", test_examples);

  return g_test_run ();
}
