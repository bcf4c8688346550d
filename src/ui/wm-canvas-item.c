/* wm-canvas-item.c: one element of the map on the canvas, for focus,
 * selection and assistive technologies.
 *
 * An item draws no part of the element: the canvas paints the whole map
 * with the core's painter, exactly as the exporters do, and an item only
 * adds what the screen has and a picture must not: the selection outline
 * and the keyboard focus ring (wm-canvas.css), and a name, role and state
 * for screen readers. It takes keyboard focus and is what a click lands on.
 */
#include "wm-canvas-item.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-card.h"
#include "wm-describe.h"

struct _WmCanvasItem
{
  GtkWidget parent_instance;

  GType element_type;
  WmElement *element;
  gboolean selected;
  char *label;
  char *description;
};

enum {
  PROP_0,
  PROP_ELEMENT_TYPE,
  PROP_ELEMENT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmCanvasItem, wm_canvas_item, GTK_TYPE_WIDGET)

/* How each kind of element is presented: its role for assistive
 * technologies, and the style class that shapes its outline. */
static const struct {
  GType (*get_type) (void);
  GtkAccessibleRole role;
  const char *css_class;
} kinds[] = {
  { wm_stage_get_type, GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, "element-stage" },
  { wm_lane_get_type, GTK_ACCESSIBLE_ROLE_ROW_HEADER, "element-lane" },
  { wm_card_get_type, GTK_ACCESSIBLE_ROLE_LIST_ITEM, "element-card" },
  { wm_moment_get_type, GTK_ACCESSIBLE_ROLE_LIST_ITEM, "element-moment" },
  { wm_emotion_point_get_type, GTK_ACCESSIBLE_ROLE_LIST_ITEM, "element-point" },
  { wm_persona_get_type, GTK_ACCESSIBLE_ROLE_LIST_ITEM, "element-persona" },
};

static guint
kind_of (GType element_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (element_type == kinds[i].get_type ())
      return i;

  g_return_val_if_reached (0);
}

static void
set_accessible_text (WmCanvasItem *self,
                     char         *label,
                     char         *description)
{
  if (g_strcmp0 (label, self->label) == 0 && g_strcmp0 (description, self->description) == 0)
    {
      g_free (label);
      g_free (description);
      return;
    }

  g_free (self->label);
  g_free (self->description);
  self->label = label;
  self->description = description;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
wm_canvas_item_dispose (GObject *object)
{
  WmCanvasItem *self = WM_CANVAS_ITEM (object);

  g_clear_object (&self->element);

  G_OBJECT_CLASS (wm_canvas_item_parent_class)->dispose (object);
}

static void
wm_canvas_item_finalize (GObject *object)
{
  WmCanvasItem *self = WM_CANVAS_ITEM (object);

  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (wm_canvas_item_parent_class)->finalize (object);
}

static void
wm_canvas_item_constructed (GObject *object)
{
  WmCanvasItem *self = WM_CANVAS_ITEM (object);

  G_OBJECT_CLASS (wm_canvas_item_parent_class)->constructed (object);

  gtk_widget_add_css_class (GTK_WIDGET (self), kinds[kind_of (self->element_type)].css_class);
}

static void
wm_canvas_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WmCanvasItem *self = WM_CANVAS_ITEM (object);

  switch (prop_id)
    {
    case PROP_ELEMENT_TYPE:
      g_value_set_gtype (value, self->element_type);
      break;
    case PROP_ELEMENT:
      g_value_set_object (value, self->element);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WmCanvasItem *self = WM_CANVAS_ITEM (object);

  switch (prop_id)
    {
    case PROP_ELEMENT_TYPE:
      self->element_type = g_value_get_gtype (value);
      break;
    case PROP_ELEMENT:
      wm_canvas_item_set_element (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      wm_canvas_item_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_item_class_init (WmCanvasItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_canvas_item_dispose;
  object_class->finalize = wm_canvas_item_finalize;
  object_class->constructed = wm_canvas_item_constructed;
  object_class->get_property = wm_canvas_item_get_property;
  object_class->set_property = wm_canvas_item_set_property;

  properties[PROP_ELEMENT_TYPE] =
    g_param_spec_gtype ("element-type", "Element type", "The kind of element shown",
                        WM_TYPE_ELEMENT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELEMENT] =
    g_param_spec_object ("element", "Element", "The element shown",
                         WM_TYPE_ELEMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", "Selected", "Whether the element is selected",
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wm-canvas-item");
}

static void
wm_canvas_item_init (WmCanvasItem *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* Selectable, and said so before it is ever selected. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
}

GtkWidget *
wm_canvas_item_new (GType element_type)
{
  return g_object_new (WM_TYPE_CANVAS_ITEM,
                       "element-type", element_type,
                       "accessible-role", kinds[kind_of (element_type)].role,
                       NULL);
}

GType
wm_canvas_item_get_element_type (WmCanvasItem *self)
{
  g_return_val_if_fail (WM_IS_CANVAS_ITEM (self), G_TYPE_INVALID);

  return self->element_type;
}

WmElement *
wm_canvas_item_get_element (WmCanvasItem *self)
{
  g_return_val_if_fail (WM_IS_CANVAS_ITEM (self), NULL);

  return self->element;
}

void
wm_canvas_item_set_element (WmCanvasItem *self,
                            WmElement    *element)
{
  g_return_if_fail (WM_IS_CANVAS_ITEM (self));
  g_return_if_fail (element == NULL || G_TYPE_CHECK_INSTANCE_TYPE (element, self->element_type));

  if (g_set_object (&self->element, element))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

gboolean
wm_canvas_item_get_selected (WmCanvasItem *self)
{
  g_return_val_if_fail (WM_IS_CANVAS_ITEM (self), FALSE);

  return self->selected;
}

void
wm_canvas_item_set_selected (WmCanvasItem *self,
                             gboolean      selected)
{
  g_return_if_fail (WM_IS_CANVAS_ITEM (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
wm_canvas_item_describe (WmCanvasItem *self,
                         WmDocument   *document,
                         WmLane       *lane,
                         WmStage      *stage)
{
  char *label = NULL;
  char *description = NULL;

  g_return_if_fail (WM_IS_CANVAS_ITEM (self));
  g_return_if_fail (WM_IS_DOCUMENT (document));

  wm_describe (document, self->element, lane, stage, &label, &description);
  set_accessible_text (self, label, description);
}

const char *
wm_canvas_item_get_label (WmCanvasItem *self)
{
  g_return_val_if_fail (WM_IS_CANVAS_ITEM (self), NULL);

  return self->label;
}

const char *
wm_canvas_item_get_description (WmCanvasItem *self)
{
  g_return_val_if_fail (WM_IS_CANVAS_ITEM (self), NULL);

  return self->description;
}
