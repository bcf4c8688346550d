/* wm-labels.c: what the model's vocabularies are called on screen.
 *
 * The file format has its own names (the enum nicks, never translated);
 * these are the words a designer reads, in their language.
 */
#include "wm-labels.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-card.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"

/* The label at @index of @labels, translated, or "" when there is none. */
static const char *
lookup (const char * const *labels,
        guint               n_labels,
        guint               index)
{
  return index < n_labels && labels[index] != NULL ? _(labels[index]) : "";
}

const char *
wm_labels_map_kind (WmMapKind kind)
{
  static const char * const labels[] = {
    [WM_MAP_KIND_CURRENT_STATE] = N_("Current state"),
    [WM_MAP_KIND_FUTURE_STATE] = N_("Future state"),
    [WM_MAP_KIND_SERVICE_BLUEPRINT] = N_("Service blueprint"),
    [WM_MAP_KIND_EXPERIENCE_MAP] = N_("Experience map"),
  };

  return lookup (labels, G_N_ELEMENTS (labels), kind);
}

const char *
wm_labels_lane_kind (WmLaneKind kind)
{
  static const char * const labels[] = {
    [WM_LANE_KIND_ACTIONS] = N_("Actions"),
    [WM_LANE_KIND_THOUGHTS] = N_("Thoughts"),
    [WM_LANE_KIND_FEELINGS] = N_("Feelings"),
    [WM_LANE_KIND_TOUCHPOINTS] = N_("Touchpoints"),
    [WM_LANE_KIND_EMOTION_CURVE] = N_("Emotion curve"),
    [WM_LANE_KIND_PAIN_POINTS] = N_("Pain points"),
    [WM_LANE_KIND_GAINS] = N_("Gains"),
    [WM_LANE_KIND_MOMENTS_OF_TRUTH] = N_("Moments of truth"),
    [WM_LANE_KIND_OPPORTUNITIES] = N_("Opportunities"),
    [WM_LANE_KIND_FRONTSTAGE] = N_("Frontstage"),
    [WM_LANE_KIND_BACKSTAGE] = N_("Backstage"),
    [WM_LANE_KIND_KPIS] = N_("KPIs"),
    [WM_LANE_KIND_NOTES] = N_("Notes"),
  };

  return lookup (labels, G_N_ELEMENTS (labels), kind);
}

/**
 * wm_labels_channel:
 *
 * Returns: the name of a touchpoint channel, or "" for none.
 */
const char *
wm_labels_channel (WmChannel channel)
{
  static const char * const labels[] = {
    [WM_CHANNEL_NONE] = NULL,
    [WM_CHANNEL_WEBSITE] = N_("Website"),
    [WM_CHANNEL_STORE] = N_("Store"),
    [WM_CHANNEL_SOCIAL_MEDIA] = N_("Social media"),
    [WM_CHANNEL_PHONE] = N_("Phone"),
    [WM_CHANNEL_EMAIL] = N_("Email"),
    [WM_CHANNEL_APP] = N_("App"),
    [WM_CHANNEL_CHAT] = N_("Chat"),
    [WM_CHANNEL_WORD_OF_MOUTH] = N_("Word of mouth"),
    [WM_CHANNEL_EVENT] = N_("Event"),
    [WM_CHANNEL_MAIL] = N_("Mail"),
    [WM_CHANNEL_OTHER] = N_("Other"),
  };

  return lookup (labels, G_N_ELEMENTS (labels), channel);
}

const char *
wm_labels_opportunity_status (WmOpportunityStatus status)
{
  static const char * const labels[] = {
    [WM_OPPORTUNITY_STATUS_IDEA] = N_("Idea"),
    [WM_OPPORTUNITY_STATUS_PLANNED] = N_("Planned"),
    [WM_OPPORTUNITY_STATUS_IN_PROGRESS] = N_("In progress"),
    [WM_OPPORTUNITY_STATUS_DONE] = N_("Done"),
    [WM_OPPORTUNITY_STATUS_DROPPED] = N_("Dropped"),
  };

  return lookup (labels, G_N_ELEMENTS (labels), status);
}

/**
 * wm_labels_moment:
 *
 * Returns: what a moment of truth of that polarity is called.
 */
const char *
wm_labels_moment (WmPolarity polarity)
{
  static const char * const labels[] = {
    [WM_POLARITY_POSITIVE] = N_("Positive moment"),
    [WM_POLARITY_NEGATIVE] = N_("Negative moment"),
    [WM_POLARITY_DECISIVE] = N_("Decisive moment"),
  };

  return lookup (labels, G_N_ELEMENTS (labels), polarity);
}

const char *
wm_labels_new_element (GType type)
{
  if (type == WM_TYPE_STAGE)
    return _("New stage");
  if (type == WM_TYPE_PERSONA)
    return _("New persona");
  if (type == WM_TYPE_CARD)
    return _("New card");
  if (type == WM_TYPE_MOMENT)
    return _("New moment of truth");
  return "";
}

/**
 * wm_labels_number:
 *
 * Returns: @value with at most two decimals, as the map shows numbers, in
 *   the user's notation ("1,5" in Polish), and none for a whole number.
 */
char *
wm_labels_number (double value)
{
  char *text, *end;

  if (fabs (value - round (value)) < 0.005)
    return g_strdup_printf ("%.0f", round (value));

  text = g_strdup_printf ("%.2f", value);
  end = text + strlen (text);
  while (end > text && end[-1] == '0')
    *--end = '\0';
  return text;
}

char *
wm_labels_score (double score)
{
  g_autofree char *magnitude = wm_labels_number (fabs (score));

  if (g_str_equal (magnitude, "0"))
    return g_steal_pointer (&magnitude);
  return g_strconcat (score > 0 ? "+" : "−", magnitude, NULL);
}
