/* wm-stage.c: A column of the map: one step of the journey, in time order. */
#include "wm-stage.h"

#include "wm-enum-types.h"
#include "wm-param.h"

struct _WmStage
{
  WmElement parent_instance;

  char *name;
  char *description;
  char *color;
};

G_DEFINE_FINAL_TYPE (WmStage, wm_stage, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_stage_finalize (GObject *object)
{
  WmStage *self = WM_STAGE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (wm_stage_parent_class)->finalize (object);
}

static void
wm_stage_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WmStage *self = WM_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_stage_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WmStage *self = WM_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      wm_stage_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      wm_stage_set_description (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      wm_stage_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_stage_class_init (WmStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_stage_finalize;
  object_class->get_property = wm_stage_get_property;
  object_class->set_property = wm_stage_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", "Name", "Name",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", "Description", "Description",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_COLOR] =
    g_param_spec_string ("color", "Colour", "Header colour, #rrggbb, or empty for the theme's",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_COLOR);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_stage_init (WmStage *self)
{

}

WmStage *
wm_stage_new (void)
{
  return g_object_new (WM_TYPE_STAGE, NULL);
}

const char *
wm_stage_get_name (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return self->name ? self->name : "";
}

void
wm_stage_set_name (WmStage *self, const char *name)
{
  g_return_if_fail (WM_IS_STAGE (self));

  if (wm_element_update_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
wm_stage_get_description (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return self->description ? self->description : "";
}

void
wm_stage_set_description (WmStage *self, const char *description)
{
  g_return_if_fail (WM_IS_STAGE (self));

  if (wm_element_update_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
wm_stage_get_color (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return self->color ? self->color : "";
}

void
wm_stage_set_color (WmStage *self, const char *color)
{
  g_return_if_fail (WM_IS_STAGE (self));

  if (wm_element_update_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
