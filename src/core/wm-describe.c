/* wm-describe.c: an element of a map in words, as a screen reader reads
 * it: the canvas's items and the outline name elements the same way. */
#include "wm-describe.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-card.h"
#include "wm-emotion-point.h"
#include "wm-labels.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"

static const char *
or_untitled (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("untitled");
}

static const char *
lane_name (WmLane *lane)
{
  const char *title = wm_lane_get_title (lane);

  return *title != '\0' ? title : wm_labels_lane_kind (wm_lane_get_kind (lane));
}

/* The texts that are not empty, one a line, or NULL. */
static char *
join_lines (const char *first,
            const char *second)
{
  gboolean has_first = first != NULL && *first != '\0';
  gboolean has_second = second != NULL && *second != '\0';

  if (has_first && has_second)
    return g_strconcat (first, "\n", second, NULL);
  return g_strdup (has_first ? first : has_second ? second : NULL);
}

static guint
position_in (GListModel *list,
             gpointer    item)
{
  guint position = 0;

  g_list_store_find (G_LIST_STORE (list), item, &position);
  return position;
}

static void
describe_card (WmCard  *card,
               WmLane  *lane,
               WmStage *stage,
               char   **label,
               char   **description)
{
  WmLaneKind kind = lane != NULL ? wm_lane_get_kind (lane) : WM_LANE_KIND_NOTES;
  const char *where = lane != NULL ? lane_name (lane) : "";
  const char *when = stage != NULL ? or_untitled (wm_stage_get_name (stage)) : "";
  const char *text = wm_card_get_text (card);

  if (*text == '\0' && kind == WM_LANE_KIND_KPIS)
    text = wm_card_get_kpi_name (card);
  text = or_untitled (text);

  if (kind == WM_LANE_KIND_TOUCHPOINTS && wm_card_get_channel (card) != WM_CHANNEL_NONE)
    /* TRANSLATORS: a card as a screen reader names it: lane, stage, text and channel,
     * e.g. "Card in Touchpoints, Purchase: Order confirmation, channel Email" */
    *label = g_strdup_printf (_("Card in %s, %s: %s, channel %s"), where, when, text,
                              wm_labels_channel (wm_card_get_channel (card)));
  else
    /* TRANSLATORS: a card as a screen reader names it: lane, stage and text */
    *label = g_strdup_printf (_("Card in %s, %s: %s"), where, when, text);

  if (kind == WM_LANE_KIND_OPPORTUNITIES)
    *description = g_strdup_printf (_("Impact %d of 5, effort %d of 5, %s"),
                                    wm_card_get_impact (card), wm_card_get_effort (card),
                                    wm_labels_opportunity_status (wm_card_get_status (card)));
  else if (kind == WM_LANE_KIND_KPIS)
    {
      g_autofree char *current = wm_labels_number (wm_card_get_kpi_current (card));
      g_autofree char *target = wm_labels_number (wm_card_get_kpi_target (card));

      /* TRANSLATORS: a KPI card: its current value and its target, each with the unit */
      *description = g_strdup_printf (_("Now %s %s, target %s %s"),
                                      current, wm_card_get_kpi_unit (card),
                                      target, wm_card_get_kpi_unit (card));
    }
}

static void
describe_point (WmEmotionPoint *point,
                WmDocument     *document,
                char          **label,
                char          **description)
{
  WmPersona *persona = wm_document_find (wm_document_get_personas (document),
                                         wm_emotion_point_get_persona (point), NULL);
  WmStage *stage = wm_document_find (wm_document_get_stages (document),
                                     wm_emotion_point_get_stage (point), NULL);
  double score = wm_emotion_point_get_score (point);
  /* The scale names whole scores only: −1.5 is not "furious". */
  const char *word = score == round (score) ? wm_document_get_scale_label (document, (int) score) : NULL;
  const char *who = persona != NULL ? or_untitled (wm_persona_get_name (persona)) : "";
  const char *when = stage != NULL ? or_untitled (wm_stage_get_name (stage)) : "";
  g_autofree char *value = wm_labels_score (score);

  if (word != NULL && *word != '\0')
    /* TRANSLATORS: a point of an emotion curve: persona, stage, score and the
     * scale's word for it, e.g. "Emotion of Anna at Compare: −2, Frustrated" */
    *label = g_strdup_printf (_("Emotion of %s at %s: %s, %s"), who, when, value, word);
  else
    /* TRANSLATORS: a point of an emotion curve: persona, stage and score */
    *label = g_strdup_printf (_("Emotion of %s at %s: %s"), who, when, value);

  *description = join_lines (wm_emotion_point_get_label (point), wm_emotion_point_get_note (point));
}

/**
 * wm_describe:
 * @lane: (nullable): for a card, its lane
 * @stage: (nullable): for a card, its stage
 * @label: (out) (transfer full): what the element is and says
 * @description: (out) (transfer full) (nullable): more about it
 */
void
wm_describe (WmDocument  *document,
             WmElement   *element,
             WmLane      *lane,
             WmStage     *stage,
             char       **label,
             char       **description)
{
  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (label != NULL && description != NULL);

  *label = NULL;
  *description = NULL;
  if (WM_IS_STAGE (element))
    {
      GListModel *stages = wm_document_get_stages (document);

      /* TRANSLATORS: a stage header as a screen reader names it, e.g. "Stage 2 of 5: Consideration" */
      *label = g_strdup_printf (_("Stage %u of %u: %s"), position_in (stages, element) + 1,
                                g_list_model_get_n_items (stages),
                                or_untitled (wm_stage_get_name (WM_STAGE (element))));
      *description = g_strdup (wm_stage_get_description (WM_STAGE (element)));
    }
  else if (WM_IS_LANE (element))
    {
      GListModel *lanes = wm_document_get_lanes (document);

      /* TRANSLATORS: a lane header as a screen reader names it: position, kind and
       * title, e.g. "Lane 2 of 8, Touchpoints: Where we meet them" */
      *label = g_strdup_printf (_("Lane %u of %u, %s: %s"), position_in (lanes, element) + 1,
                                g_list_model_get_n_items (lanes),
                                wm_labels_lane_kind (wm_lane_get_kind (WM_LANE (element))),
                                lane_name (WM_LANE (element)));
    }
  else if (WM_IS_CARD (element))
    {
      describe_card (WM_CARD (element), lane, stage, label, description);
    }
  else if (WM_IS_MOMENT (element))
    {
      WmMoment *moment = WM_MOMENT (element);
      WmStage *at = wm_document_find (wm_document_get_stages (document),
                                      wm_moment_get_stage (moment), NULL);

      /* TRANSLATORS: a moment of truth as a screen reader names it: its stage, its
       * kind and its title, e.g. "Moment of truth at Purchase (Decisive moment): Handover" */
      *label = g_strdup_printf (_("Moment of truth at %s (%s): %s"),
                                at != NULL ? or_untitled (wm_stage_get_name (at)) : "",
                                wm_labels_moment (wm_moment_get_polarity (moment)),
                                or_untitled (wm_moment_get_title (moment)));
      *description = g_strdup (wm_moment_get_description (moment));
    }
  else if (WM_IS_EMOTION_POINT (element))
    {
      describe_point (WM_EMOTION_POINT (element), document, label, description);
    }
  else if (WM_IS_PERSONA (element))
    {
      /* TRANSLATORS: a persona in the map's legend, as a screen reader names it */
      *label = g_strdup_printf (_("Persona: %s"), or_untitled (wm_persona_get_name (WM_PERSONA (element))));
      *description = g_strdup (wm_persona_get_job_role (WM_PERSONA (element)));
    }
}
