/* wm-persona.c: A customer segment: who walks the journey, with its own lanes and emotion curve. */
#include "wm-persona.h"

#include "wm-enum-types.h"
#include "wm-param.h"

struct _WmPersona
{
  WmElement parent_instance;

  char *name;
  int age;
  char *job_role;
  char *family_status;
  char *professional_goals;
  char *personal_goals;
  char *motivations;
  char *fears;
  char *preferences;
  char *needs;
  char *frustrations;
  char *quote;
  char *color;
  GBytes *picture;
  char *picture_type;
};

G_DEFINE_FINAL_TYPE (WmPersona, wm_persona, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_AGE,
  PROP_JOB_ROLE,
  PROP_FAMILY_STATUS,
  PROP_PROFESSIONAL_GOALS,
  PROP_PERSONAL_GOALS,
  PROP_MOTIVATIONS,
  PROP_FEARS,
  PROP_PREFERENCES,
  PROP_NEEDS,
  PROP_FRUSTRATIONS,
  PROP_QUOTE,
  PROP_COLOR,
  PROP_PICTURE,
  PROP_PICTURE_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_persona_finalize (GObject *object)
{
  WmPersona *self = WM_PERSONA (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->job_role, g_free);
  g_clear_pointer (&self->family_status, g_free);
  g_clear_pointer (&self->professional_goals, g_free);
  g_clear_pointer (&self->personal_goals, g_free);
  g_clear_pointer (&self->motivations, g_free);
  g_clear_pointer (&self->fears, g_free);
  g_clear_pointer (&self->preferences, g_free);
  g_clear_pointer (&self->needs, g_free);
  g_clear_pointer (&self->frustrations, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->picture, g_bytes_unref);
  g_clear_pointer (&self->picture_type, g_free);

  G_OBJECT_CLASS (wm_persona_parent_class)->finalize (object);
}

static void
wm_persona_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmPersona *self = WM_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_AGE:
      g_value_set_int (value, self->age);
      break;
    case PROP_JOB_ROLE:
      g_value_set_string (value, self->job_role);
      break;
    case PROP_FAMILY_STATUS:
      g_value_set_string (value, self->family_status);
      break;
    case PROP_PROFESSIONAL_GOALS:
      g_value_set_string (value, self->professional_goals);
      break;
    case PROP_PERSONAL_GOALS:
      g_value_set_string (value, self->personal_goals);
      break;
    case PROP_MOTIVATIONS:
      g_value_set_string (value, self->motivations);
      break;
    case PROP_FEARS:
      g_value_set_string (value, self->fears);
      break;
    case PROP_PREFERENCES:
      g_value_set_string (value, self->preferences);
      break;
    case PROP_NEEDS:
      g_value_set_string (value, self->needs);
      break;
    case PROP_FRUSTRATIONS:
      g_value_set_string (value, self->frustrations);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_PICTURE:
      g_value_set_boxed (value, self->picture);
      break;
    case PROP_PICTURE_TYPE:
      g_value_set_string (value, self->picture_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_persona_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmPersona *self = WM_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      wm_persona_set_name (self, g_value_get_string (value));
      break;
    case PROP_AGE:
      wm_persona_set_age (self, g_value_get_int (value));
      break;
    case PROP_JOB_ROLE:
      wm_persona_set_job_role (self, g_value_get_string (value));
      break;
    case PROP_FAMILY_STATUS:
      wm_persona_set_family_status (self, g_value_get_string (value));
      break;
    case PROP_PROFESSIONAL_GOALS:
      wm_persona_set_professional_goals (self, g_value_get_string (value));
      break;
    case PROP_PERSONAL_GOALS:
      wm_persona_set_personal_goals (self, g_value_get_string (value));
      break;
    case PROP_MOTIVATIONS:
      wm_persona_set_motivations (self, g_value_get_string (value));
      break;
    case PROP_FEARS:
      wm_persona_set_fears (self, g_value_get_string (value));
      break;
    case PROP_PREFERENCES:
      wm_persona_set_preferences (self, g_value_get_string (value));
      break;
    case PROP_NEEDS:
      wm_persona_set_needs (self, g_value_get_string (value));
      break;
    case PROP_FRUSTRATIONS:
      wm_persona_set_frustrations (self, g_value_get_string (value));
      break;
    case PROP_QUOTE:
      wm_persona_set_quote (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      wm_persona_set_color (self, g_value_get_string (value));
      break;
    case PROP_PICTURE:
      wm_persona_set_picture (self, g_value_get_boxed (value));
      break;
    case PROP_PICTURE_TYPE:
      wm_persona_set_picture_type (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_persona_class_init (WmPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_persona_finalize;
  object_class->get_property = wm_persona_get_property;
  object_class->set_property = wm_persona_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", "Name", "The persona's name",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_AGE] =
    g_param_spec_int ("age", "Age", "Age in years, 0 when not given",
                       0, 150, 0,
                       WM_PARAM_MODEL);

  properties[PROP_JOB_ROLE] =
    g_param_spec_string ("job-role", "Job role", "Job role",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_FAMILY_STATUS] =
    g_param_spec_string ("family-status", "Family status", "Family status",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_PROFESSIONAL_GOALS] =
    g_param_spec_string ("professional-goals", "Professional goals", "Professional goals",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_PERSONAL_GOALS] =
    g_param_spec_string ("personal-goals", "Personal goals", "Personal goals",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_MOTIVATIONS] =
    g_param_spec_string ("motivations", "Motivations", "Motivations",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_FEARS] =
    g_param_spec_string ("fears", "Fears", "Fears",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_PREFERENCES] =
    g_param_spec_string ("preferences", "Preferences", "Preferences",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_NEEDS] =
    g_param_spec_string ("needs", "Needs", "Needs",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_FRUSTRATIONS] =
    g_param_spec_string ("frustrations", "Frustrations", "Frustrations",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", "Quote", "A sentence in the persona's own words",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_COLOR] =
    g_param_spec_string ("color", "Colour", "Colour of the persona's curve and legend, #rrggbb",
                         "#3584e4",
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE | WM_PARAM_COLOR);

  properties[PROP_PICTURE] =
    g_param_spec_boxed ("picture", "Picture", "The picture's encoded bytes (PNG, JPEG or SVG), kept inside the map",
                        G_TYPE_BYTES,
                        WM_PARAM_MODEL | WM_PARAM_PICTURE);

  properties[PROP_PICTURE_TYPE] =
    g_param_spec_string ("picture-type", "Picture type", "MIME type of the picture: image/png, image/jpeg or image/svg+xml",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_PICTURE_TYPE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_persona_init (WmPersona *self)
{
  self->color = g_strdup ("#3584e4");
}

WmPersona *
wm_persona_new (void)
{
  return g_object_new (WM_TYPE_PERSONA, NULL);
}

const char *
wm_persona_get_name (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->name ? self->name : "";
}

void
wm_persona_set_name (WmPersona *self, const char *name)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

int
wm_persona_get_age (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), 0);

  return self->age;
}

void
wm_persona_set_age (WmPersona *self, int age)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  age = CLAMP (age, 0, 150);
  if (self->age == age)
    return;

  self->age = age;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGE]);
}

const char *
wm_persona_get_job_role (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->job_role ? self->job_role : "";
}

void
wm_persona_set_job_role (WmPersona *self, const char *job_role)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->job_role, job_role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB_ROLE]);
}

const char *
wm_persona_get_family_status (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->family_status ? self->family_status : "";
}

void
wm_persona_set_family_status (WmPersona *self, const char *family_status)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->family_status, family_status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_STATUS]);
}

const char *
wm_persona_get_professional_goals (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->professional_goals ? self->professional_goals : "";
}

void
wm_persona_set_professional_goals (WmPersona *self, const char *professional_goals)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->professional_goals, professional_goals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFESSIONAL_GOALS]);
}

const char *
wm_persona_get_personal_goals (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->personal_goals ? self->personal_goals : "";
}

void
wm_persona_set_personal_goals (WmPersona *self, const char *personal_goals)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->personal_goals, personal_goals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONAL_GOALS]);
}

const char *
wm_persona_get_motivations (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->motivations ? self->motivations : "";
}

void
wm_persona_set_motivations (WmPersona *self, const char *motivations)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->motivations, motivations))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOTIVATIONS]);
}

const char *
wm_persona_get_fears (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->fears ? self->fears : "";
}

void
wm_persona_set_fears (WmPersona *self, const char *fears)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->fears, fears))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEARS]);
}

const char *
wm_persona_get_preferences (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->preferences ? self->preferences : "";
}

void
wm_persona_set_preferences (WmPersona *self, const char *preferences)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->preferences, preferences))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERENCES]);
}

const char *
wm_persona_get_needs (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->needs ? self->needs : "";
}

void
wm_persona_set_needs (WmPersona *self, const char *needs)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->needs, needs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS]);
}

const char *
wm_persona_get_frustrations (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->frustrations ? self->frustrations : "";
}

void
wm_persona_set_frustrations (WmPersona *self, const char *frustrations)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->frustrations, frustrations))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRUSTRATIONS]);
}

const char *
wm_persona_get_quote (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->quote ? self->quote : "";
}

void
wm_persona_set_quote (WmPersona *self, const char *quote)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->quote, quote))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

const char *
wm_persona_get_color (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->color ? self->color : "";
}

void
wm_persona_set_color (WmPersona *self, const char *color)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

GBytes *
wm_persona_get_picture (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->picture;
}

void
wm_persona_set_picture (WmPersona *self, GBytes *picture)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (self->picture == picture || (self->picture && picture && g_bytes_equal (self->picture, picture)))
    return;

  g_clear_pointer (&self->picture, g_bytes_unref);
  self->picture = picture ? g_bytes_ref (picture) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE]);
}

const char *
wm_persona_get_picture_type (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->picture_type ? self->picture_type : "";
}

void
wm_persona_set_picture_type (WmPersona *self, const char *picture_type)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (wm_element_update_string (&self->picture_type, picture_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE_TYPE]);
}
