/* wm-card.c: A note in one cell (lane × stage). Which fields matter depends on the lane kind: channel for touchpoints, impact/effort/owner/status for opportunities, the KPI fields for KPIs. */
#include "wm-card.h"

#include "wm-enum-types.h"
#include "wm-param.h"

struct _WmCard
{
  WmElement parent_instance;

  char *text;
  WmChannel channel;
  int impact;
  int effort;
  char *owner;
  WmOpportunityStatus status;
  char *kpi_name;
  char *kpi_unit;
  double kpi_current;
  double kpi_target;
};

G_DEFINE_FINAL_TYPE (WmCard, wm_card, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_CHANNEL,
  PROP_IMPACT,
  PROP_EFFORT,
  PROP_OWNER,
  PROP_STATUS,
  PROP_KPI_NAME,
  PROP_KPI_UNIT,
  PROP_KPI_CURRENT,
  PROP_KPI_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_card_finalize (GObject *object)
{
  WmCard *self = WM_CARD (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->kpi_name, g_free);
  g_clear_pointer (&self->kpi_unit, g_free);

  G_OBJECT_CLASS (wm_card_parent_class)->finalize (object);
}

static void
wm_card_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WmCard *self = WM_CARD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_IMPACT:
      g_value_set_int (value, self->impact);
      break;
    case PROP_EFFORT:
      g_value_set_int (value, self->effort);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_KPI_NAME:
      g_value_set_string (value, self->kpi_name);
      break;
    case PROP_KPI_UNIT:
      g_value_set_string (value, self->kpi_unit);
      break;
    case PROP_KPI_CURRENT:
      g_value_set_double (value, self->kpi_current);
      break;
    case PROP_KPI_TARGET:
      g_value_set_double (value, self->kpi_target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_card_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WmCard *self = WM_CARD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      wm_card_set_text (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL:
      wm_card_set_channel (self, g_value_get_enum (value));
      break;
    case PROP_IMPACT:
      wm_card_set_impact (self, g_value_get_int (value));
      break;
    case PROP_EFFORT:
      wm_card_set_effort (self, g_value_get_int (value));
      break;
    case PROP_OWNER:
      wm_card_set_owner (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      wm_card_set_status (self, g_value_get_enum (value));
      break;
    case PROP_KPI_NAME:
      wm_card_set_kpi_name (self, g_value_get_string (value));
      break;
    case PROP_KPI_UNIT:
      wm_card_set_kpi_unit (self, g_value_get_string (value));
      break;
    case PROP_KPI_CURRENT:
      wm_card_set_kpi_current (self, g_value_get_double (value));
      break;
    case PROP_KPI_TARGET:
      wm_card_set_kpi_target (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_card_class_init (WmCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_card_finalize;
  object_class->get_property = wm_card_get_property;
  object_class->set_property = wm_card_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", "Text", "Text",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", "Channel", "Touchpoint channel",
                       WM_TYPE_CHANNEL, WM_CHANNEL_NONE,
                       WM_PARAM_MODEL);

  properties[PROP_IMPACT] =
    g_param_spec_int ("impact", "Impact", "Opportunity impact 1–5, 0 when not rated",
                       0, 5, 0,
                       WM_PARAM_MODEL);

  properties[PROP_EFFORT] =
    g_param_spec_int ("effort", "Effort", "Opportunity effort 1–5, 0 when not rated",
                       0, 5, 0,
                       WM_PARAM_MODEL);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", "Owner", "Who in the company carries the opportunity",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", "Status", "Opportunity status",
                       WM_TYPE_OPPORTUNITY_STATUS, WM_OPPORTUNITY_STATUS_IDEA,
                       WM_PARAM_MODEL);

  properties[PROP_KPI_NAME] =
    g_param_spec_string ("kpi-name", "KPI name", "KPI name",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_KPI_UNIT] =
    g_param_spec_string ("kpi-unit", "KPI unit", "KPI unit",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_KPI_CURRENT] =
    g_param_spec_double ("kpi-current", "KPI current value", "KPI current value",
                       -1000000000000000.0, 1000000000000000.0, 0,
                       WM_PARAM_MODEL);

  properties[PROP_KPI_TARGET] =
    g_param_spec_double ("kpi-target", "KPI target", "KPI target",
                       -1000000000000000.0, 1000000000000000.0, 0,
                       WM_PARAM_MODEL);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_card_init (WmCard *self)
{

}

WmCard *
wm_card_new (void)
{
  return g_object_new (WM_TYPE_CARD, NULL);
}

const char *
wm_card_get_text (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return self->text ? self->text : "";
}

void
wm_card_set_text (WmCard *self, const char *text)
{
  g_return_if_fail (WM_IS_CARD (self));

  if (wm_element_update_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

WmChannel
wm_card_get_channel (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return self->channel;
}

void
wm_card_set_channel (WmCard *self, WmChannel channel)
{
  g_return_if_fail (WM_IS_CARD (self));

  if (self->channel == channel)
    return;

  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

int
wm_card_get_impact (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return self->impact;
}

void
wm_card_set_impact (WmCard *self, int impact)
{
  g_return_if_fail (WM_IS_CARD (self));

  impact = CLAMP (impact, 0, 5);
  if (self->impact == impact)
    return;

  self->impact = impact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPACT]);
}

int
wm_card_get_effort (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return self->effort;
}

void
wm_card_set_effort (WmCard *self, int effort)
{
  g_return_if_fail (WM_IS_CARD (self));

  effort = CLAMP (effort, 0, 5);
  if (self->effort == effort)
    return;

  self->effort = effort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFORT]);
}

const char *
wm_card_get_owner (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return self->owner ? self->owner : "";
}

void
wm_card_set_owner (WmCard *self, const char *owner)
{
  g_return_if_fail (WM_IS_CARD (self));

  if (wm_element_update_string (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

WmOpportunityStatus
wm_card_get_status (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return self->status;
}

void
wm_card_set_status (WmCard *self, WmOpportunityStatus status)
{
  g_return_if_fail (WM_IS_CARD (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
wm_card_get_kpi_name (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return self->kpi_name ? self->kpi_name : "";
}

void
wm_card_set_kpi_name (WmCard *self, const char *kpi_name)
{
  g_return_if_fail (WM_IS_CARD (self));

  if (wm_element_update_string (&self->kpi_name, kpi_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_NAME]);
}

const char *
wm_card_get_kpi_unit (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), NULL);

  return self->kpi_unit ? self->kpi_unit : "";
}

void
wm_card_set_kpi_unit (WmCard *self, const char *kpi_unit)
{
  g_return_if_fail (WM_IS_CARD (self));

  if (wm_element_update_string (&self->kpi_unit, kpi_unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_UNIT]);
}

double
wm_card_get_kpi_current (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return self->kpi_current;
}

void
wm_card_set_kpi_current (WmCard *self, double kpi_current)
{
  g_return_if_fail (WM_IS_CARD (self));

  kpi_current = CLAMP (kpi_current, -1000000000000000.0, 1000000000000000.0);
  if (self->kpi_current == kpi_current)
    return;

  self->kpi_current = kpi_current;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_CURRENT]);
}

double
wm_card_get_kpi_target (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), 0);

  return self->kpi_target;
}

void
wm_card_set_kpi_target (WmCard *self, double kpi_target)
{
  g_return_if_fail (WM_IS_CARD (self));

  kpi_target = CLAMP (kpi_target, -1000000000000000.0, 1000000000000000.0);
  if (self->kpi_target == kpi_target)
    return;

  self->kpi_target = kpi_target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_TARGET]);
}

/**
 * wm_card_is_quick_win:
 *
 * Quick wins are what a team does first: high impact (4 or 5) for little
 * effort (1 or 2), both rated. The map's badge and the inspector use this one
 * rule.
 */
gboolean
wm_card_is_quick_win (WmCard *self)
{
  g_return_val_if_fail (WM_IS_CARD (self), FALSE);

  return self->impact >= 4 && self->effort >= 1 && self->effort <= 2;
}
