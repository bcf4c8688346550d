/* wm-element.c: what every part of a journey map has in common.
 *
 * An element has a stable id, by which other elements refer to it and
 * which survives save and load; a list of evidence backing it; and the
 * members of its JSON object that this build does not understand, kept so
 * that a file written by a newer Waymark loses nothing when saved by this one.
 */
#include "wm-element.h"

#include "wm-evidence.h"
#include "wm-param.h"

typedef struct
{
  char *id;
  GListStore *evidence;
  JsonObject *unknown;
} WmElementPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WmElement, wm_element, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_element_constructed (GObject *object)
{
  WmElementPrivate *priv = wm_element_get_instance_private (WM_ELEMENT (object));

  G_OBJECT_CLASS (wm_element_parent_class)->constructed (object);

  if (priv->id == NULL)
    priv->id = g_uuid_string_random ();
}

static void
wm_element_finalize (GObject *object)
{
  WmElementPrivate *priv = wm_element_get_instance_private (WM_ELEMENT (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_object (&priv->evidence);
  g_clear_pointer (&priv->unknown, json_object_unref);

  G_OBJECT_CLASS (wm_element_parent_class)->finalize (object);
}

static void
wm_element_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmElementPrivate *priv = wm_element_get_instance_private (WM_ELEMENT (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_element_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmElementPrivate *priv = wm_element_get_instance_private (WM_ELEMENT (object));

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_element_class_init (WmElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wm_element_constructed;
  object_class->finalize = wm_element_finalize;
  object_class->get_property = wm_element_get_property;
  object_class->set_property = wm_element_set_property;

  /* Construct-only: an id never changes, or references to it would break. */
  properties[PROP_ID] =
    g_param_spec_string ("id", "Id", "Stable identifier, unique in the map",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | WM_PARAM_ALWAYS_SAVE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_element_init (WmElement *self)
{
}

const char *
wm_element_get_id (WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);

  return priv->id;
}

/**
 * wm_element_get_evidence:
 *
 * Returns: (transfer none): the #WmEvidence items backing this element, a
 *   #GListStore to be changed only through the document's edit path.
 */
GListModel *
wm_element_get_evidence (WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);

  if (priv->evidence == NULL)
    priv->evidence = g_list_store_new (WM_TYPE_EVIDENCE);

  return G_LIST_MODEL (priv->evidence);
}

/**
 * wm_element_get_unknown:
 *
 * Returns: (transfer none) (nullable): the JSON members this build does not
 *   know, in the order they were read.
 */
JsonObject *
wm_element_get_unknown (WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);

  return priv->unknown;
}

void
wm_element_set_unknown (WmElement  *self,
                        JsonObject *members)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_return_if_fail (WM_IS_ELEMENT (self));

  g_clear_pointer (&priv->unknown, json_object_unref);
  if (members != NULL && json_object_get_size (members) > 0)
    priv->unknown = json_object_ref (members);
}

/**
 * wm_element_update_string:
 * @field: a string member of an element
 * @value: (nullable): its new value
 *
 * Stores a copy of @value in @field, with empty and absent as one value so
 * that files stay canonical.
 *
 * Returns: whether @field changed, and so whether to notify
 */
gboolean
wm_element_update_string (char       **field,
                          const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
