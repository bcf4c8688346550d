/* wm-evidence.c: What backs a claim: a source, its size and its date. */
#include "wm-evidence.h"

#include "wm-enum-types.h"
#include "wm-param.h"

struct _WmEvidence
{
  WmElement parent_instance;

  WmSourceKind source_kind;
  gboolean solicited;
  int sample_size;
  char *date;
  char *note;
  char *link;
};

G_DEFINE_FINAL_TYPE (WmEvidence, wm_evidence, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_SOURCE_KIND,
  PROP_SOLICITED,
  PROP_SAMPLE_SIZE,
  PROP_DATE,
  PROP_NOTE,
  PROP_LINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_evidence_finalize (GObject *object)
{
  WmEvidence *self = WM_EVIDENCE (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->link, g_free);

  G_OBJECT_CLASS (wm_evidence_parent_class)->finalize (object);
}

static void
wm_evidence_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WmEvidence *self = WM_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_SOURCE_KIND:
      g_value_set_enum (value, self->source_kind);
      break;
    case PROP_SOLICITED:
      g_value_set_boolean (value, self->solicited);
      break;
    case PROP_SAMPLE_SIZE:
      g_value_set_int (value, self->sample_size);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_evidence_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WmEvidence *self = WM_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_SOURCE_KIND:
      wm_evidence_set_source_kind (self, g_value_get_enum (value));
      break;
    case PROP_SOLICITED:
      wm_evidence_set_solicited (self, g_value_get_boolean (value));
      break;
    case PROP_SAMPLE_SIZE:
      wm_evidence_set_sample_size (self, g_value_get_int (value));
      break;
    case PROP_DATE:
      wm_evidence_set_date (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      wm_evidence_set_note (self, g_value_get_string (value));
      break;
    case PROP_LINK:
      wm_evidence_set_link (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_evidence_class_init (WmEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_evidence_finalize;
  object_class->get_property = wm_evidence_get_property;
  object_class->set_property = wm_evidence_set_property;

  properties[PROP_SOURCE_KIND] =
    g_param_spec_enum ("source-kind", "Source kind", "Source kind",
                       WM_TYPE_SOURCE_KIND, WM_SOURCE_KIND_SURVEY,
                       WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_SOLICITED] =
    g_param_spec_boolean ("solicited", "Solicited", "Asked for (survey, interview) rather than observed (analytics, history)",
                          TRUE,
                          WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_SAMPLE_SIZE] =
    g_param_spec_int ("sample-size", "Sample size", "n, 0 when not known",
                       0, 2147483647, 0,
                       WM_PARAM_MODEL);

  properties[PROP_DATE] =
    g_param_spec_string ("date", "Date", "When it was collected, YYYY-MM-DD",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_DATE);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", "Note", "Note",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_LINK] =
    g_param_spec_string ("link", "Link", "Where the source can be found",
                         NULL,
                         WM_PARAM_MODEL);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_evidence_init (WmEvidence *self)
{
  self->solicited = TRUE;
}

WmEvidence *
wm_evidence_new (void)
{
  return g_object_new (WM_TYPE_EVIDENCE, NULL);
}

WmSourceKind
wm_evidence_get_source_kind (WmEvidence *self)
{
  g_return_val_if_fail (WM_IS_EVIDENCE (self), 0);

  return self->source_kind;
}

void
wm_evidence_set_source_kind (WmEvidence *self, WmSourceKind source_kind)
{
  g_return_if_fail (WM_IS_EVIDENCE (self));

  if (self->source_kind == source_kind)
    return;

  self->source_kind = source_kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_KIND]);
}

gboolean
wm_evidence_get_solicited (WmEvidence *self)
{
  g_return_val_if_fail (WM_IS_EVIDENCE (self), FALSE);

  return self->solicited;
}

void
wm_evidence_set_solicited (WmEvidence *self, gboolean solicited)
{
  g_return_if_fail (WM_IS_EVIDENCE (self));

  solicited = !!solicited;
  if (self->solicited == solicited)
    return;

  self->solicited = solicited;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOLICITED]);
}

int
wm_evidence_get_sample_size (WmEvidence *self)
{
  g_return_val_if_fail (WM_IS_EVIDENCE (self), 0);

  return self->sample_size;
}

void
wm_evidence_set_sample_size (WmEvidence *self, int sample_size)
{
  g_return_if_fail (WM_IS_EVIDENCE (self));

  sample_size = CLAMP (sample_size, 0, 2147483647);
  if (self->sample_size == sample_size)
    return;

  self->sample_size = sample_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAMPLE_SIZE]);
}

const char *
wm_evidence_get_date (WmEvidence *self)
{
  g_return_val_if_fail (WM_IS_EVIDENCE (self), NULL);

  return self->date ? self->date : "";
}

void
wm_evidence_set_date (WmEvidence *self, const char *date)
{
  g_return_if_fail (WM_IS_EVIDENCE (self));

  if (wm_element_update_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
wm_evidence_get_note (WmEvidence *self)
{
  g_return_val_if_fail (WM_IS_EVIDENCE (self), NULL);

  return self->note ? self->note : "";
}

void
wm_evidence_set_note (WmEvidence *self, const char *note)
{
  g_return_if_fail (WM_IS_EVIDENCE (self));

  if (wm_element_update_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
wm_evidence_get_link (WmEvidence *self)
{
  g_return_val_if_fail (WM_IS_EVIDENCE (self), NULL);

  return self->link ? self->link : "";
}

void
wm_evidence_set_link (WmEvidence *self, const char *link)
{
  g_return_if_fail (WM_IS_EVIDENCE (self));

  if (wm_element_update_string (&self->link, link))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
}
