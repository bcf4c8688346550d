/* wm-palette-item.c: what is dragged from the palette.
 *
 * A drag carries one of these, a type of its own, so that the canvas's drop
 * target accepts palette drags and nothing else another application might
 * offer as text. */
#include "wm-palette-item.h"

#include "wm-enum-types.h"

struct _WmPaletteItem
{
  GObject parent_instance;

  GType element_type;
  WmLaneKind lane_kind;
};

enum {
  PROP_0,
  PROP_ELEMENT_TYPE,
  PROP_LANE_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmPaletteItem, wm_palette_item, G_TYPE_OBJECT)

static void
wm_palette_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WmPaletteItem *self = WM_PALETTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ELEMENT_TYPE:
      g_value_set_gtype (value, self->element_type);
      break;
    case PROP_LANE_KIND:
      g_value_set_enum (value, self->lane_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_palette_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WmPaletteItem *self = WM_PALETTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ELEMENT_TYPE:
      self->element_type = g_value_get_gtype (value);
      break;
    case PROP_LANE_KIND:
      self->lane_kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_palette_item_class_init (WmPaletteItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = wm_palette_item_get_property;
  object_class->set_property = wm_palette_item_set_property;

  properties[PROP_ELEMENT_TYPE] =
    g_param_spec_gtype ("element-type", "Element type", "The kind of element the drop makes",
                        G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANE_KIND] =
    g_param_spec_enum ("lane-kind", "Lane kind", "For a lane, its kind",
                       WM_TYPE_LANE_KIND, WM_LANE_KIND_ACTIONS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_palette_item_init (WmPaletteItem *self)
{
}

WmPaletteItem *
wm_palette_item_new (GType      element_type,
                     WmLaneKind lane_kind)
{
  return g_object_new (WM_TYPE_PALETTE_ITEM,
                       "element-type", element_type,
                       "lane-kind", lane_kind,
                       NULL);
}

GType
wm_palette_item_get_element_type (WmPaletteItem *self)
{
  g_return_val_if_fail (WM_IS_PALETTE_ITEM (self), G_TYPE_INVALID);

  return self->element_type;
}

WmLaneKind
wm_palette_item_get_lane_kind (WmPaletteItem *self)
{
  g_return_val_if_fail (WM_IS_PALETTE_ITEM (self), WM_LANE_KIND_ACTIONS);

  return self->lane_kind;
}
