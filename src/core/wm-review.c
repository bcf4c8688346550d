/* wm-review.c: what weakens a journey map, found by reading it.
 *
 * Practitioners hold that every claim of a map rests on data, that the
 * data is kept fresh (a map is reviewed at least once a year), and that a
 * map is worth what the team does with it. So a review looks for: the
 * lowest point of a persona's curve with no opportunity in its stage (an
 * error: the pain is seen and nothing answers it); emotion points and
 * moments of truth that no evidence backs, evidence older than a year, a
 * map unchanged for a year, stages without a touchpoint, personas without
 * goals, and moments of truth without a KPI to tell whether they are won
 * (warnings); and cards without evidence (information: many cards
 * describe rather than claim; opportunity and note cards are proposals and
 * remarks, not claims, and are left alone).
 *
 * Each finding names its element in the words wm_describe() gives a screen
 * reader, so that the review, the canvas and the outline speak alike.
 */
#include "wm-review.h"

#include <glib/gi18n-lib.h>
#include <time.h>

#include "wm-card.h"
#include "wm-describe.h"
#include "wm-evidence.h"
#include "wm-labels.h"

typedef struct
{
  WmDocument *document;
  GDate *due;              /* evidence dated before this is due for review */
  GPtrArray *found[3];     /* by level, of WmReviewFinding */
} Review;

void
wm_review_finding_free (WmReviewFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->message);
  g_clear_object (&finding->element);
  g_free (finding);
}

/**
 * wm_review_level_name:
 *
 * Returns: the level as the command line prints it before a finding
 */
const char *
wm_review_level_name (WmReviewLevel level)
{
  switch (level)
    {
    case WM_REVIEW_ERROR:
      /* TRANSLATORS: the level of a finding of a map review */
      return C_("review", "error");
    case WM_REVIEW_WARNING:
      /* TRANSLATORS: the level of a finding of a map review */
      return C_("review", "warning");
    case WM_REVIEW_INFO:
      /* TRANSLATORS: the level of a finding of a map review */
      return C_("review", "info");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void add (Review *review, WmReviewLevel level, WmReviewCheck check, gpointer element,
                 const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
add (Review        *review,
     WmReviewLevel  level,
     WmReviewCheck  check,
     gpointer       element,
     const char    *format,
     ...)
{
  WmReviewFinding *finding = g_new0 (WmReviewFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  finding->level = level;
  finding->check = check;
  finding->element = g_object_ref (element);
  g_ptr_array_add (review->found[level], finding);
}

/* @element as a screen reader names it; @lane and @stage for a card. */
static char *
label_of (Review    *review,
          gpointer   element,
          WmLane    *lane,
          WmStage   *stage)
{
  g_autofree char *description = NULL;
  char *label = NULL;

  if (WM_IS_DOCUMENT (element))
    {
      const char *title = wm_document_get_title (review->document);

      /* TRANSLATORS: the map itself, as a review names it, with its title */
      return *title != '\0' ? g_strdup_printf (_("the map “%s”"), title) : g_strdup (_("the map"));
    }

  wm_describe (review->document, element, lane, stage, &label, &description);
  return label != NULL ? label : g_strdup (wm_element_get_id (element));
}

static gboolean
has_evidence (gpointer element)
{
  return g_list_model_get_n_items (wm_element_get_evidence (element)) > 0;
}

/* Reports the evidence of @element that is older than a year. */
static void
check_evidence_dates (Review  *review,
                      gpointer element,
                      WmLane  *lane,
                      WmStage *stage)
{
  GListModel *list = wm_element_get_evidence (element);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      WmEvidence *evidence = wm_document_peek (list, i);
      const char *date = wm_evidence_get_date (evidence);
      g_autoptr(GDate) day = g_date_new ();
      g_autofree char *label = NULL;

      if (*date == '\0')
        continue;
      g_date_set_parse (day, date);
      if (!g_date_valid (day) || g_date_compare (day, review->due) >= 0)
        continue;

      label = label_of (review, element, lane, stage);
      /* TRANSLATORS: evidence is dated %1$s (YYYY-MM-DD); %2$s names what it backs */
      add (review, WM_REVIEW_WARNING, WM_REVIEW_EVIDENCE_DUE, element,
           _("Evidence from %s, more than a year old, is due for review: %s"), date, label);
    }
}

/* Whether a lane of @kind has a card in @stage; for @persona, counting
 * only its own lanes and those of everyone. */
static gboolean
stage_has_card (Review     *review,
                WmStage    *stage,
                WmLaneKind  kind,
                const char *persona)
{
  GListModel *lanes = wm_document_get_lanes (review->document);
  const char *stage_id = wm_element_get_id (WM_ELEMENT (stage));

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      WmLane *lane = wm_document_peek (lanes, i);
      const char *owner = wm_lane_get_persona (lane);

      if (wm_lane_get_kind (lane) != kind ||
          (persona != NULL && *owner != '\0' && !g_str_equal (owner, persona)))
        continue;
      if (g_list_model_get_n_items (wm_lane_get_cards (lane, stage_id)) > 0)
        return TRUE;
    }

  return FALSE;
}

/* The points of @persona, in the order of the map's points, whose stage
 * is one of the map's: its curve. */
static GPtrArray *
curve_of (Review     *review,
          WmPersona  *persona,
          GHashTable *stages)
{
  GListModel *points = wm_document_get_emotion_points (review->document);
  const char *persona_id = wm_element_get_id (WM_ELEMENT (persona));
  GPtrArray *curve = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      WmEmotionPoint *point = wm_document_peek (points, i);

      if (g_str_equal (wm_emotion_point_get_persona (point), persona_id) &&
          g_hash_table_contains (stages, wm_emotion_point_get_stage (point)))
        g_ptr_array_add (curve, point);
    }

  return curve;
}

static void
review_low_points (Review *review)
{
  GListModel *personas = wm_document_get_personas (review->document);
  GListModel *stages = wm_document_get_stages (review->document);
  g_autoptr(GHashTable) stage_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  /* The middle of the scale is neutral: 0 on -3..3, 5 on 0..10. */
  double neutral = (wm_document_get_scale_min (review->document) +
                    wm_document_get_scale_max (review->document)) / 2.0;

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      WmElement *stage = wm_document_peek (stages, s);

      g_hash_table_insert (stage_by_id, (char *) wm_element_get_id (stage), stage);
    }

  for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
    {
      WmPersona *persona = wm_document_peek (personas, p);
      g_autoptr(GPtrArray) curve = curve_of (review, persona, stage_by_id);
      double lowest = G_MAXDOUBLE;

      for (guint i = 0; i < curve->len; i++)
        lowest = MIN (lowest, wm_emotion_point_get_score (g_ptr_array_index (curve, i)));
      if (lowest >= neutral)
        continue;

      /* Each stage where the curve is at its lowest is a low point. */
      for (guint i = 0; i < curve->len; i++)
        {
          WmEmotionPoint *point = g_ptr_array_index (curve, i);
          WmStage *stage = g_hash_table_lookup (stage_by_id, wm_emotion_point_get_stage (point));
          g_autofree char *label = NULL;

          if (wm_emotion_point_get_score (point) != lowest ||
              stage_has_card (review, stage, WM_LANE_KIND_OPPORTUNITIES, wm_element_get_id (WM_ELEMENT (persona))))
            continue;

          label = label_of (review, point, NULL, NULL);
          /* TRANSLATORS: %s names an emotion point, e.g. "Emotion of Anna at Compare: −2" */
          add (review, WM_REVIEW_ERROR, WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY, point,
               _("The lowest point of the curve, with no opportunity in its stage: %s"), label);
        }
    }
}

static void
review_stages (Review *review)
{
  GListModel *stages = wm_document_get_stages (review->document);

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      WmStage *stage = wm_document_peek (stages, s);
      g_autofree char *label = NULL;

      if (stage_has_card (review, stage, WM_LANE_KIND_TOUCHPOINTS, NULL))
        continue;

      label = label_of (review, stage, NULL, NULL);
      /* TRANSLATORS: %s names a stage, e.g. "Stage 2 of 5: Consideration" */
      add (review, WM_REVIEW_WARNING, WM_REVIEW_STAGE_WITHOUT_TOUCHPOINT, stage,
           _("No touchpoint: %s"), label);
    }
}

static void
review_personas (Review *review)
{
  GListModel *personas = wm_document_get_personas (review->document);

  for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
    {
      WmPersona *persona = wm_document_peek (personas, p);
      g_autofree char *professional = g_strstrip (g_strdup (wm_persona_get_professional_goals (persona)));
      g_autofree char *personal = g_strstrip (g_strdup (wm_persona_get_personal_goals (persona)));
      g_autofree char *label = NULL;

      if (*professional != '\0' || *personal != '\0')
        continue;

      label = label_of (review, persona, NULL, NULL);
      /* TRANSLATORS: %s names a persona, e.g. "Persona: Anna" */
      add (review, WM_REVIEW_WARNING, WM_REVIEW_PERSONA_WITHOUT_GOALS, persona,
           _("No goals: %s"), label);
    }
}

static void
review_moments (Review *review)
{
  GListModel *moments = wm_document_get_moments (review->document);
  GListModel *stages = wm_document_get_stages (review->document);

  for (guint m = 0; m < g_list_model_get_n_items (moments); m++)
    {
      WmMoment *moment = wm_document_peek (moments, m);
      WmStage *stage = wm_document_find (stages, wm_moment_get_stage (moment), NULL);
      g_autofree char *label = NULL;

      if (stage == NULL || stage_has_card (review, stage, WM_LANE_KIND_KPIS, NULL))
        continue;

      label = label_of (review, moment, NULL, NULL);
      /* TRANSLATORS: %s names a moment of truth, e.g. "Moment of truth at Purchase (Decisive moment): Handover" */
      add (review, WM_REVIEW_WARNING, WM_REVIEW_MOMENT_WITHOUT_KPI, moment,
           _("No KPI in its stage: %s"), label);
    }
}

/* Reports each of @list's elements that has no evidence. */
static void
review_unbacked (Review        *review,
                 GListModel    *list,
                 WmReviewCheck  check)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      WmElement *element = wm_document_peek (list, i);
      g_autofree char *label = NULL;

      if (has_evidence (element))
        continue;

      label = label_of (review, element, NULL, NULL);
      /* TRANSLATORS: %s names an emotion point or a moment of truth */
      add (review, WM_REVIEW_WARNING, check, element, _("No evidence: %s"), label);
    }
}

static void
review_map_date (Review *review)
{
  const char *modified = wm_document_get_modified (review->document);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *shown = NULL;

  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* The format takes a date-time without an offset as UTC. */
  if (*modified == '\0' || (when = g_date_time_new_from_iso8601 (modified, utc)) == NULL)
    return;

  day = g_date_new_dmy (g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                        g_date_time_get_year (when));
  if (g_date_compare (day, review->due) >= 0)
    return;

  shown = g_date_time_format (when, "%Y-%m-%d");
  /* TRANSLATORS: %s is the day the map was last changed, YYYY-MM-DD */
  add (review, WM_REVIEW_WARNING, WM_REVIEW_MAP_DUE, review->document,
       _("Last changed on %s, more than a year ago: the map is due for review"), shown);
}

/* Evidence everywhere, and cards without any. */
static void
review_evidence (Review *review)
{
  GListModel *tops[] = {
    wm_document_get_personas (review->document),
    wm_document_get_stages (review->document),
    wm_document_get_lanes (review->document),
    wm_document_get_emotion_points (review->document),
    wm_document_get_moments (review->document),
  };
  GListModel *stages = wm_document_get_stages (review->document);
  GListModel *lanes = wm_document_get_lanes (review->document);

  check_evidence_dates (review, review->document, NULL, NULL);
  for (guint t = 0; t < G_N_ELEMENTS (tops); t++)
    for (guint i = 0; i < g_list_model_get_n_items (tops[t]); i++)
      check_evidence_dates (review, wm_document_peek (tops[t], i), NULL, NULL);

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
      {
        WmStage *stage = wm_document_peek (stages, s);
        WmLane *lane = wm_document_peek (lanes, l);
        WmLaneKind kind = wm_lane_get_kind (lane);
        GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));

        for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
          {
            WmCard *card = wm_document_peek (cards, i);
            g_autofree char *label = NULL;

            check_evidence_dates (review, card, lane, stage);
            if (has_evidence (card) || kind == WM_LANE_KIND_OPPORTUNITIES || kind == WM_LANE_KIND_NOTES)
              continue;

            label = label_of (review, card, lane, stage);
            /* TRANSLATORS: %s names a card, e.g. "Card in Pain points, Purchase: Hidden fees" */
            add (review, WM_REVIEW_INFO, WM_REVIEW_CARD_WITHOUT_EVIDENCE, card, _("No evidence: %s"), label);
          }
      }
}

/**
 * wm_review_map:
 * @today: (nullable): the day of the review, which tells what is more than
 *   a year old; %NULL for today
 *
 * Reviews @document: see the top of wm-review.c for the rules.
 *
 * Returns: (transfer full) (element-type WmReviewFinding): the findings,
 *   errors first, then warnings, then information
 */
GPtrArray *
wm_review_map (WmDocument *document,
               GDate      *today)
{
  Review review = { document, NULL, { NULL } };
  GPtrArray *findings;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  review.due = g_date_new ();
  if (today != NULL)
    *review.due = *today;
  else
    g_date_set_time_t (review.due, time (NULL));
  g_date_subtract_years (review.due, 1);
  for (guint i = 0; i < G_N_ELEMENTS (review.found); i++)
    review.found[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_review_finding_free);

  review_low_points (&review);
  review_stages (&review);
  review_personas (&review);
  review_moments (&review);
  review_unbacked (&review, wm_document_get_emotion_points (document), WM_REVIEW_POINT_WITHOUT_EVIDENCE);
  review_unbacked (&review, wm_document_get_moments (document), WM_REVIEW_MOMENT_WITHOUT_EVIDENCE);
  review_map_date (&review);
  review_evidence (&review);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_review_finding_free);
  for (guint i = 0; i < G_N_ELEMENTS (review.found); i++)
    g_ptr_array_extend_and_steal (findings, review.found[i]);
  g_date_free (review.due);

  return findings;
}
