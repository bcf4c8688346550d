/* wm-emotion-point.c: How one persona feels at one stage, on the document's emotion scale. */
#include "wm-emotion-point.h"

#include "wm-enum-types.h"
#include "wm-param.h"

struct _WmEmotionPoint
{
  WmElement parent_instance;

  char *persona;
  char *stage;
  double score;
  char *label;
  char *note;
  gboolean computed;
  int sample_size;
  double spread;
};

G_DEFINE_FINAL_TYPE (WmEmotionPoint, wm_emotion_point, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_PERSONA,
  PROP_STAGE,
  PROP_SCORE,
  PROP_LABEL,
  PROP_NOTE,
  PROP_COMPUTED,
  PROP_SAMPLE_SIZE,
  PROP_SPREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_emotion_point_finalize (GObject *object)
{
  WmEmotionPoint *self = WM_EMOTION_POINT (object);

  g_clear_pointer (&self->persona, g_free);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (wm_emotion_point_parent_class)->finalize (object);
}

static void
wm_emotion_point_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WmEmotionPoint *self = WM_EMOTION_POINT (object);

  switch (prop_id)
    {
    case PROP_PERSONA:
      g_value_set_string (value, self->persona);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_COMPUTED:
      g_value_set_boolean (value, self->computed);
      break;
    case PROP_SAMPLE_SIZE:
      g_value_set_int (value, self->sample_size);
      break;
    case PROP_SPREAD:
      g_value_set_double (value, self->spread);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_emotion_point_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WmEmotionPoint *self = WM_EMOTION_POINT (object);

  switch (prop_id)
    {
    case PROP_PERSONA:
      wm_emotion_point_set_persona (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
      wm_emotion_point_set_stage (self, g_value_get_string (value));
      break;
    case PROP_SCORE:
      wm_emotion_point_set_score (self, g_value_get_double (value));
      break;
    case PROP_LABEL:
      wm_emotion_point_set_label (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      wm_emotion_point_set_note (self, g_value_get_string (value));
      break;
    case PROP_COMPUTED:
      wm_emotion_point_set_computed (self, g_value_get_boolean (value));
      break;
    case PROP_SAMPLE_SIZE:
      wm_emotion_point_set_sample_size (self, g_value_get_int (value));
      break;
    case PROP_SPREAD:
      wm_emotion_point_set_spread (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_emotion_point_class_init (WmEmotionPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_emotion_point_finalize;
  object_class->get_property = wm_emotion_point_get_property;
  object_class->set_property = wm_emotion_point_set_property;

  properties[PROP_PERSONA] =
    g_param_spec_string ("persona", "Persona", "Id of the persona",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE | WM_PARAM_REF_PERSONA);

  properties[PROP_STAGE] =
    g_param_spec_string ("stage", "Stage", "Id of the stage",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE | WM_PARAM_REF_STAGE);

  properties[PROP_SCORE] =
    g_param_spec_double ("score", "Score", "Score within the document's emotion scale",
                       -10, 10, 0,
                       WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_LABEL] =
    g_param_spec_string ("label", "Label", "A short label or emoji shown by the point",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", "Note", "Note",
                         NULL,
                         WM_PARAM_MODEL);

  /* What a survey import computes (wm-survey.c); a point set by hand has
   * none of them. */
  properties[PROP_COMPUTED] =
    g_param_spec_boolean ("computed", "Computed", "Whether the score is the mean of survey responses rather than set by hand",
                          FALSE,
                          WM_PARAM_MODEL);

  properties[PROP_SAMPLE_SIZE] =
    g_param_spec_int ("sample-size", "Sample size", "How many responses the score is the mean of, 0 when not computed",
                      0, 2147483647, 0,
                      WM_PARAM_MODEL);

  properties[PROP_SPREAD] =
    g_param_spec_double ("spread", "Spread", "Standard deviation of the responses, on the document's emotion scale",
                         0, 20, 0,
                         WM_PARAM_MODEL);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_emotion_point_init (WmEmotionPoint *self)
{

}

WmEmotionPoint *
wm_emotion_point_new (void)
{
  return g_object_new (WM_TYPE_EMOTION_POINT, NULL);
}

const char *
wm_emotion_point_get_persona (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), NULL);

  return self->persona ? self->persona : "";
}

void
wm_emotion_point_set_persona (WmEmotionPoint *self, const char *persona)
{
  g_return_if_fail (WM_IS_EMOTION_POINT (self));

  if (wm_element_update_string (&self->persona, persona))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
}

const char *
wm_emotion_point_get_stage (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), NULL);

  return self->stage ? self->stage : "";
}

void
wm_emotion_point_set_stage (WmEmotionPoint *self, const char *stage)
{
  g_return_if_fail (WM_IS_EMOTION_POINT (self));

  if (wm_element_update_string (&self->stage, stage))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

double
wm_emotion_point_get_score (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), 0);

  return self->score;
}

void
wm_emotion_point_set_score (WmEmotionPoint *self, double score)
{
  g_return_if_fail (WM_IS_EMOTION_POINT (self));

  score = CLAMP (score, -10, 10);
  if (self->score == score)
    return;

  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

const char *
wm_emotion_point_get_label (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), NULL);

  return self->label ? self->label : "";
}

void
wm_emotion_point_set_label (WmEmotionPoint *self, const char *label)
{
  g_return_if_fail (WM_IS_EMOTION_POINT (self));

  if (wm_element_update_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
wm_emotion_point_get_note (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), NULL);

  return self->note ? self->note : "";
}

void
wm_emotion_point_set_note (WmEmotionPoint *self, const char *note)
{
  g_return_if_fail (WM_IS_EMOTION_POINT (self));

  if (wm_element_update_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gboolean
wm_emotion_point_get_computed (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), FALSE);

  return self->computed;
}

void
wm_emotion_point_set_computed (WmEmotionPoint *self, gboolean computed)
{
  g_return_if_fail (WM_IS_EMOTION_POINT (self));

  computed = !!computed;
  if (self->computed == computed)
    return;

  self->computed = computed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTED]);
}

int
wm_emotion_point_get_sample_size (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), 0);

  return self->sample_size;
}

void
wm_emotion_point_set_sample_size (WmEmotionPoint *self, int sample_size)
{
  g_return_if_fail (WM_IS_EMOTION_POINT (self));

  sample_size = MAX (sample_size, 0);
  if (self->sample_size == sample_size)
    return;

  self->sample_size = sample_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAMPLE_SIZE]);
}

double
wm_emotion_point_get_spread (WmEmotionPoint *self)
{
  g_return_val_if_fail (WM_IS_EMOTION_POINT (self), 0);

  return self->spread;
}

void
wm_emotion_point_set_spread (WmEmotionPoint *self, double spread)
{
  g_return_if_fail (WM_IS_EMOTION_POINT (self));

  spread = CLAMP (spread, 0, 20);
  if (self->spread == spread)
    return;

  self->spread = spread;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPREAD]);
}
