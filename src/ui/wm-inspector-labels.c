/* wm-inspector-labels.c: what the inspector calls the values of the model's
 * enumerations, and the icons it shows beside them.
 *
 * The names the map itself shows come from the core (wm-labels.h), so that
 * the canvas, the exports and the inspector use the same words; the two
 * vocabularies the map never draws, directions and evidence sources, are
 * named here.
 */
#include "wm-inspector-labels.h"

#include <glib/gi18n.h>

#include "wm-document.h"
#include "wm-enum-types.h"
#include "wm-icons.h"
#include "wm-labels.h"

static const char *
direction_label (WmDirection direction)
{
  switch (direction)
    {
    case WM_DIRECTION_AUTO:
      return _("Automatic");
    case WM_DIRECTION_LTR:
      return _("Left to right");
    case WM_DIRECTION_RTL:
      return _("Right to left");
    default:
      return "";
    }
}

static const char *
source_kind_label (WmSourceKind kind)
{
  switch (kind)
    {
    case WM_SOURCE_KIND_SURVEY:
      return _("Survey");
    case WM_SOURCE_KIND_INTERVIEW:
      return _("Interview");
    case WM_SOURCE_KIND_ANALYTICS:
      return _("Analytics");
    case WM_SOURCE_KIND_OBSERVATION:
      return _("Observation");
    case WM_SOURCE_KIND_SUPPORT_DATA:
      return _("Support data");
    case WM_SOURCE_KIND_SOCIAL_LISTENING:
      return _("Social listening");
    case WM_SOURCE_KIND_OTHER:
      return _("Other");
    default:
      return "";
    }
}

/**
 * wm_inspector_labels_enum:
 * @enum_type: one of the model's enumerations (wm-enums.h)
 *
 * Returns: the translated name of @value, never empty for a value of the
 *   enumeration: a touchpoint without a channel is "None" here.
 */
const char *
wm_inspector_labels_enum (GType enum_type,
                          int   value)
{
  if (enum_type == WM_TYPE_MAP_KIND)
    return wm_labels_map_kind (value);
  if (enum_type == WM_TYPE_DIRECTION)
    return direction_label (value);
  if (enum_type == WM_TYPE_LANE_KIND)
    return wm_labels_lane_kind (value);
  if (enum_type == WM_TYPE_CHANNEL)
    /* TRANSLATORS: a touchpoint card without a channel */
    return value == WM_CHANNEL_NONE ? C_("channel", "None") : wm_labels_channel (value);
  if (enum_type == WM_TYPE_OPPORTUNITY_STATUS)
    return wm_labels_opportunity_status (value);
  if (enum_type == WM_TYPE_POLARITY)
    return wm_labels_moment (value);
  if (enum_type == WM_TYPE_SOURCE_KIND)
    return source_kind_label (value);

  g_return_val_if_reached ("");
}

/**
 * wm_inspector_labels_icon:
 *
 * Returns: (nullable): the name of the core icon (wm-icons.h) the map shows
 *   for @value, or %NULL when it shows none.
 */
const char *
wm_inspector_labels_icon (GType enum_type,
                          int   value)
{
  if (enum_type == WM_TYPE_CHANNEL)
    return wm_icons_for_channel (value);
  if (enum_type == WM_TYPE_LANE_KIND)
    return wm_icons_for_lane_kind (value);

  return NULL;
}

/**
 * wm_inspector_labels_element:
 * @element: a persona, a stage or a lane
 *
 * Returns: what to call @element in a list or a sentence: its name or title,
 *   or, when it has none, what the map shows instead.
 */
const char *
wm_inspector_labels_element (WmElement *element)
{
  const char *name = "";

  if (WM_IS_PERSONA (element))
    name = wm_persona_get_name (WM_PERSONA (element));
  else if (WM_IS_STAGE (element))
    name = wm_stage_get_name (WM_STAGE (element));
  else if (WM_IS_LANE (element))
    {
      /* An untitled lane is known by its kind, which its header always shows. */
      name = wm_lane_get_title (WM_LANE (element));
      if (*name == '\0')
        name = wm_labels_lane_kind (wm_lane_get_kind (WM_LANE (element)));
    }
  else
    g_return_val_if_reached ("");

  return *name != '\0' ? name : _("Unnamed");
}
