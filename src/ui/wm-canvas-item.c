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
#include "wm-labels.h"

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

static const char *
or_untitled (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("untitled");
}

static const char *
lane_name (WmLane *lane)
{
  const char *title = wm_lane_get_title (lane);

  return *title != '\0' ? title : wm_labels_lane_kind (wm_lane_get_kind (lane));
}

/* The texts that are not empty, one a line, or NULL. */
static char *
join_lines (const char *first,
            const char *second)
{
  gboolean has_first = first != NULL && *first != '\0';
  gboolean has_second = second != NULL && *second != '\0';

  if (has_first && has_second)
    return g_strconcat (first, "\n", second, NULL);
  return g_strdup (has_first ? first : has_second ? second : NULL);
}

static guint
position_in (GListModel *list,
             gpointer    item)
{
  guint position = 0;

  g_list_store_find (G_LIST_STORE (list), item, &position);
  return position;
}

static void
describe_card (WmCard  *card,
               WmLane  *lane,
               WmStage *stage,
               char   **label,
               char   **description)
{
  WmLaneKind kind = lane != NULL ? wm_lane_get_kind (lane) : WM_LANE_KIND_NOTES;
  const char *where = lane != NULL ? lane_name (lane) : "";
  const char *when = stage != NULL ? or_untitled (wm_stage_get_name (stage)) : "";
  const char *text = wm_card_get_text (card);

  if (*text == '\0' && kind == WM_LANE_KIND_KPIS)
    text = wm_card_get_kpi_name (card);
  text = or_untitled (text);

  if (kind == WM_LANE_KIND_TOUCHPOINTS && wm_card_get_channel (card) != WM_CHANNEL_NONE)
    /* TRANSLATORS: a card as a screen reader names it: lane, stage, text and channel,
     * e.g. "Card in Touchpoints, Purchase: Order confirmation, channel Email" */
    *label = g_strdup_printf (_("Card in %s, %s: %s, channel %s"), where, when, text,
                              wm_labels_channel (wm_card_get_channel (card)));
  else
    /* TRANSLATORS: a card as a screen reader names it: lane, stage and text */
    *label = g_strdup_printf (_("Card in %s, %s: %s"), where, when, text);

  if (kind == WM_LANE_KIND_OPPORTUNITIES)
    *description = g_strdup_printf (_("Impact %d of 5, effort %d of 5, %s"),
                                    wm_card_get_impact (card), wm_card_get_effort (card),
                                    wm_labels_opportunity_status (wm_card_get_status (card)));
  else if (kind == WM_LANE_KIND_KPIS)
    {
      g_autofree char *current = wm_labels_number (wm_card_get_kpi_current (card));
      g_autofree char *target = wm_labels_number (wm_card_get_kpi_target (card));

      /* TRANSLATORS: a KPI card: its current value and its target, each with the unit */
      *description = g_strdup_printf (_("Now %s %s, target %s %s"),
                                      current, wm_card_get_kpi_unit (card),
                                      target, wm_card_get_kpi_unit (card));
    }
}

static void
describe_point (WmEmotionPoint *point,
                WmDocument     *document,
                char          **label,
                char          **description)
{
  WmPersona *persona = wm_document_find (wm_document_get_personas (document),
                                         wm_emotion_point_get_persona (point), NULL);
  WmStage *stage = wm_document_find (wm_document_get_stages (document),
                                     wm_emotion_point_get_stage (point), NULL);
  double score = wm_emotion_point_get_score (point);
  /* The scale names whole scores only: −1.5 is not "furious". */
  const char *word = score == round (score) ? wm_document_get_scale_label (document, (int) score) : NULL;
  const char *who = persona != NULL ? or_untitled (wm_persona_get_name (persona)) : "";
  const char *when = stage != NULL ? or_untitled (wm_stage_get_name (stage)) : "";
  g_autofree char *value = wm_labels_score (score);

  if (word != NULL && *word != '\0')
    /* TRANSLATORS: a point of an emotion curve: persona, stage, score and the
     * scale's word for it, e.g. "Emotion of Anna at Compare: −2, Frustrated" */
    *label = g_strdup_printf (_("Emotion of %s at %s: %s, %s"), who, when, value, word);
  else
    /* TRANSLATORS: a point of an emotion curve: persona, stage and score */
    *label = g_strdup_printf (_("Emotion of %s at %s: %s"), who, when, value);

  *description = join_lines (wm_emotion_point_get_label (point), wm_emotion_point_get_note (point));
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
  WmElement *element;
  char *label = NULL;
  char *description = NULL;

  g_return_if_fail (WM_IS_CANVAS_ITEM (self));
  g_return_if_fail (WM_IS_DOCUMENT (document));

  element = self->element;
  if (WM_IS_STAGE (element))
    {
      GListModel *stages = wm_document_get_stages (document);

      /* TRANSLATORS: a stage header as a screen reader names it, e.g. "Stage 2 of 5: Consideration" */
      label = g_strdup_printf (_("Stage %u of %u: %s"), position_in (stages, element) + 1,
                               g_list_model_get_n_items (stages),
                               or_untitled (wm_stage_get_name (WM_STAGE (element))));
      description = g_strdup (wm_stage_get_description (WM_STAGE (element)));
    }
  else if (WM_IS_LANE (element))
    {
      GListModel *lanes = wm_document_get_lanes (document);

      /* TRANSLATORS: a lane header as a screen reader names it: position, kind and
       * title, e.g. "Lane 2 of 8, Touchpoints: Where we meet them" */
      label = g_strdup_printf (_("Lane %u of %u, %s: %s"), position_in (lanes, element) + 1,
                               g_list_model_get_n_items (lanes),
                               wm_labels_lane_kind (wm_lane_get_kind (WM_LANE (element))),
                               lane_name (WM_LANE (element)));
    }
  else if (WM_IS_CARD (element))
    {
      describe_card (WM_CARD (element), lane, stage, &label, &description);
    }
  else if (WM_IS_MOMENT (element))
    {
      WmMoment *moment = WM_MOMENT (element);
      WmStage *at = wm_document_find (wm_document_get_stages (document),
                                      wm_moment_get_stage (moment), NULL);

      /* TRANSLATORS: a moment of truth as a screen reader names it: its stage, its
       * kind and its title, e.g. "Moment of truth at Purchase (Decisive moment): Handover" */
      label = g_strdup_printf (_("Moment of truth at %s (%s): %s"),
                               at != NULL ? or_untitled (wm_stage_get_name (at)) : "",
                               wm_labels_moment (wm_moment_get_polarity (moment)),
                               or_untitled (wm_moment_get_title (moment)));
      description = g_strdup (wm_moment_get_description (moment));
    }
  else if (WM_IS_EMOTION_POINT (element))
    {
      describe_point (WM_EMOTION_POINT (element), document, &label, &description);
    }
  else if (WM_IS_PERSONA (element))
    {
      /* TRANSLATORS: a persona in the map's legend, as a screen reader names it */
      label = g_strdup_printf (_("Persona: %s"), or_untitled (wm_persona_get_name (WM_PERSONA (element))));
      description = g_strdup (wm_persona_get_job_role (WM_PERSONA (element)));
    }

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
