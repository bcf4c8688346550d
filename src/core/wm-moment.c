/* wm-moment.c: A moment of truth: where the customer is won or lost. */
#include "wm-moment.h"

#include "wm-enum-types.h"
#include "wm-param.h"

struct _WmMoment
{
  WmElement parent_instance;

  char *stage;
  char *lane;
  char *title;
  char *description;
  WmPolarity polarity;
};

G_DEFINE_FINAL_TYPE (WmMoment, wm_moment, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_LANE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_POLARITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_moment_finalize (GObject *object)
{
  WmMoment *self = WM_MOMENT (object);

  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->lane, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (wm_moment_parent_class)->finalize (object);
}

static void
wm_moment_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmMoment *self = WM_MOMENT (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_LANE:
      g_value_set_string (value, self->lane);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_POLARITY:
      g_value_set_enum (value, self->polarity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_moment_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmMoment *self = WM_MOMENT (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      wm_moment_set_stage (self, g_value_get_string (value));
      break;
    case PROP_LANE:
      wm_moment_set_lane (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      wm_moment_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      wm_moment_set_description (self, g_value_get_string (value));
      break;
    case PROP_POLARITY:
      wm_moment_set_polarity (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_moment_class_init (WmMomentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_moment_finalize;
  object_class->get_property = wm_moment_get_property;
  object_class->set_property = wm_moment_set_property;

  properties[PROP_STAGE] =
    g_param_spec_string ("stage", "Stage", "Id of the stage",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE | WM_PARAM_REF_STAGE);

  properties[PROP_LANE] =
    g_param_spec_string ("lane", "Lane", "Id of the lane it sits on, or empty",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_REF_LANE);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", "Title", "Title",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", "Description", "Description",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_POLARITY] =
    g_param_spec_enum ("polarity", "Polarity", "Polarity",
                       WM_TYPE_POLARITY, WM_POLARITY_DECISIVE,
                       WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_moment_init (WmMoment *self)
{
  self->polarity = WM_POLARITY_DECISIVE;
}

WmMoment *
wm_moment_new (void)
{
  return g_object_new (WM_TYPE_MOMENT, NULL);
}

const char *
wm_moment_get_stage (WmMoment *self)
{
  g_return_val_if_fail (WM_IS_MOMENT (self), NULL);

  return self->stage ? self->stage : "";
}

void
wm_moment_set_stage (WmMoment *self, const char *stage)
{
  g_return_if_fail (WM_IS_MOMENT (self));

  if (wm_element_update_string (&self->stage, stage))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
wm_moment_get_lane (WmMoment *self)
{
  g_return_val_if_fail (WM_IS_MOMENT (self), NULL);

  return self->lane ? self->lane : "";
}

void
wm_moment_set_lane (WmMoment *self, const char *lane)
{
  g_return_if_fail (WM_IS_MOMENT (self));

  if (wm_element_update_string (&self->lane, lane))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE]);
}

const char *
wm_moment_get_title (WmMoment *self)
{
  g_return_val_if_fail (WM_IS_MOMENT (self), NULL);

  return self->title ? self->title : "";
}

void
wm_moment_set_title (WmMoment *self, const char *title)
{
  g_return_if_fail (WM_IS_MOMENT (self));

  if (wm_element_update_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
wm_moment_get_description (WmMoment *self)
{
  g_return_val_if_fail (WM_IS_MOMENT (self), NULL);

  return self->description ? self->description : "";
}

void
wm_moment_set_description (WmMoment *self, const char *description)
{
  g_return_if_fail (WM_IS_MOMENT (self));

  if (wm_element_update_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

WmPolarity
wm_moment_get_polarity (WmMoment *self)
{
  g_return_val_if_fail (WM_IS_MOMENT (self), 0);

  return self->polarity;
}

void
wm_moment_set_polarity (WmMoment *self, WmPolarity polarity)
{
  g_return_if_fail (WM_IS_MOMENT (self));

  if (self->polarity == polarity)
    return;

  self->polarity = polarity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLARITY]);
}
