/* wm-lane.c: A row of the map, of one kind, optionally for one persona, holding an ordered list of cards for each stage. */
#include "wm-lane.h"

#include "wm-card.h"
#include "wm-enum-types.h"
#include "wm-param.h"

struct _WmLane
{
  WmElement parent_instance;

  WmLaneKind kind;
  char *title;
  char *persona;
  char *color;
  GHashTable *cells; /* stage id → GListStore of WmCard */
};

G_DEFINE_FINAL_TYPE (WmLane, wm_lane, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_PERSONA,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_lane_finalize (GObject *object)
{
  WmLane *self = WM_LANE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->persona, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (wm_lane_parent_class)->finalize (object);
}

static void
wm_lane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WmLane *self = WM_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PERSONA:
      g_value_set_string (value, self->persona);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_lane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WmLane *self = WM_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      wm_lane_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      wm_lane_set_title (self, g_value_get_string (value));
      break;
    case PROP_PERSONA:
      wm_lane_set_persona (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      wm_lane_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_lane_class_init (WmLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_lane_finalize;
  object_class->get_property = wm_lane_get_property;
  object_class->set_property = wm_lane_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", "Kind", "Kind",
                       WM_TYPE_LANE_KIND, WM_LANE_KIND_ACTIONS,
                       WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", "Title", "Title",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_PERSONA] =
    g_param_spec_string ("persona", "Persona", "Id of the persona the lane belongs to, or empty",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_REF_PERSONA);

  properties[PROP_COLOR] =
    g_param_spec_string ("color", "Colour", "Header colour, #rrggbb, or empty for the theme's",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_COLOR);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_lane_init (WmLane *self)
{
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

WmLane *
wm_lane_new (void)
{
  return g_object_new (WM_TYPE_LANE, NULL);
}

WmLaneKind
wm_lane_get_kind (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), 0);

  return self->kind;
}

void
wm_lane_set_kind (WmLane *self, WmLaneKind kind)
{
  g_return_if_fail (WM_IS_LANE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
wm_lane_get_title (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), NULL);

  return self->title ? self->title : "";
}

void
wm_lane_set_title (WmLane *self, const char *title)
{
  g_return_if_fail (WM_IS_LANE (self));

  if (wm_element_update_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
wm_lane_get_persona (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), NULL);

  return self->persona ? self->persona : "";
}

void
wm_lane_set_persona (WmLane *self, const char *persona)
{
  g_return_if_fail (WM_IS_LANE (self));

  if (wm_element_update_string (&self->persona, persona))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
}

const char *
wm_lane_get_color (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), NULL);

  return self->color ? self->color : "";
}

void
wm_lane_set_color (WmLane *self, const char *color)
{
  g_return_if_fail (WM_IS_LANE (self));

  if (wm_element_update_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/**
 * wm_lane_get_cards:
 * @stage_id: the id of a stage of the map
 *
 * Returns: (transfer none): the cards of this lane in that stage, in order:
 *   a #GListStore of #WmCard, to be changed only through the document's
 *   edit path. An empty cell is the same as one never used.
 */
GListModel *
wm_lane_get_cards (WmLane     *self,
                   const char *stage_id)
{
  GListStore *cards;

  g_return_val_if_fail (WM_IS_LANE (self), NULL);
  g_return_val_if_fail (stage_id != NULL, NULL);

  cards = g_hash_table_lookup (self->cells, stage_id);
  if (cards == NULL)
    {
      cards = g_list_store_new (WM_TYPE_CARD);
      g_hash_table_insert (self->cells, g_strdup (stage_id), cards);
    }

  return G_LIST_MODEL (cards);
}

/**
 * wm_lane_has_cells:
 *
 * Whether the lane holds cards and moments in a cell per stage. An emotion
 * curve does not: it is drawn from the emotion points.
 */
gboolean
wm_lane_has_cells (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), FALSE);

  return self->kind != WM_LANE_KIND_EMOTION_CURVE;
}
