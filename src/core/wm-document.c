/* wm-document.c: A journey map: its settings and its collections of elements. */
#include "wm-document.h"

#include "wm-card.h"
#include "wm-enum-types.h"
#include "wm-param.h"

struct _WmDocument
{
  WmElement parent_instance;

  char *title;
  char *description;
  WmMapKind kind;
  char *current_state_file;
  char *current_state_id;
  int scale_min;
  int scale_max;
  char **scale_labels;
  WmDirection direction;
  char *created;
  char *modified;

  GListStore *personas;
  GListStore *stages;
  GListStore *lanes;
  GListStore *moments;
  GListStore *emotion_points;
  WmHistory *history;
};

G_DEFINE_FINAL_TYPE (WmDocument, wm_document, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_KIND,
  PROP_CURRENT_STATE_FILE,
  PROP_CURRENT_STATE_ID,
  PROP_SCALE_MIN,
  PROP_SCALE_MAX,
  PROP_SCALE_LABELS,
  PROP_DIRECTION,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_document_finalize (GObject *object)
{
  WmDocument *self = WM_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->current_state_file, g_free);
  g_clear_pointer (&self->current_state_id, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->scale_labels, g_strfreev);
  g_clear_object (&self->personas);
  g_clear_object (&self->stages);
  g_clear_object (&self->lanes);
  g_clear_object (&self->moments);
  g_clear_object (&self->emotion_points);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (wm_document_parent_class)->finalize (object);
}

static void
wm_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WmDocument *self = WM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CURRENT_STATE_FILE:
      g_value_set_string (value, self->current_state_file);
      break;
    case PROP_CURRENT_STATE_ID:
      g_value_set_string (value, self->current_state_id);
      break;
    case PROP_SCALE_MIN:
      g_value_set_int (value, self->scale_min);
      break;
    case PROP_SCALE_MAX:
      g_value_set_int (value, self->scale_max);
      break;
    case PROP_SCALE_LABELS:
      g_value_set_boxed (value, self->scale_labels);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WmDocument *self = WM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      wm_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      wm_document_set_description (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      wm_document_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_CURRENT_STATE_FILE:
      wm_document_set_current_state_file (self, g_value_get_string (value));
      break;
    case PROP_CURRENT_STATE_ID:
      wm_document_set_current_state_id (self, g_value_get_string (value));
      break;
    case PROP_SCALE_MIN:
      wm_document_set_scale_min (self, g_value_get_int (value));
      break;
    case PROP_SCALE_MAX:
      wm_document_set_scale_max (self, g_value_get_int (value));
      break;
    case PROP_SCALE_LABELS:
      wm_document_set_scale_labels (self, g_value_get_boxed (value));
      break;
    case PROP_DIRECTION:
      wm_document_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_CREATED:
      wm_document_set_created (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      wm_document_set_modified (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_document_class_init (WmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_document_finalize;
  object_class->get_property = wm_document_get_property;
  object_class->set_property = wm_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", "Title", "Title",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", "Description", "Description",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", "Kind", "Current state, future state, service blueprint or experience map",
                       WM_TYPE_MAP_KIND, WM_MAP_KIND_CURRENT_STATE,
                       WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  /* A future-state map names the current-state map it improves on by the
   * path the user chose and that map's id. Nothing reads the other file
   * while loading this one: only the compare view does, when asked. */
  properties[PROP_CURRENT_STATE_FILE] =
    g_param_spec_string ("current-state-file", "Current-state file",
                         "Where the current-state map this one improves on is, relative to this map's file",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_CURRENT_STATE_ID] =
    g_param_spec_string ("current-state-id", "Current-state id",
                         "The id of the current-state map this one improves on",
                         NULL,
                         WM_PARAM_MODEL);

  properties[PROP_SCALE_MIN] =
    g_param_spec_int ("scale-min", "Scale minimum", "Lowest emotion score",
                       -10, 0, -3,
                       WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_SCALE_MAX] =
    g_param_spec_int ("scale-max", "Scale maximum", "Highest emotion score",
                       0, 10, 3,
                       WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_SCALE_LABELS] =
    g_param_spec_boxed ("scale-labels", "Scale labels",
                        "A label for each whole score from the minimum to the maximum",
                        G_TYPE_STRV,
                        WM_PARAM_MODEL);

  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", "Direction", "Which way the stages run",
                       WM_TYPE_DIRECTION, WM_DIRECTION_AUTO,
                       WM_PARAM_MODEL | WM_PARAM_ALWAYS_SAVE);

  properties[PROP_CREATED] =
    g_param_spec_string ("created", "Created", "ISO 8601 date and time",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_DATE_TIME);

  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", "Modified", "ISO 8601 date and time",
                         NULL,
                         WM_PARAM_MODEL | WM_PARAM_DATE_TIME);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_document_init (WmDocument *self)
{
  self->scale_min = -3;
  self->scale_max = 3;
  self->personas = g_list_store_new (WM_TYPE_PERSONA);
  self->stages = g_list_store_new (WM_TYPE_STAGE);
  self->lanes = g_list_store_new (WM_TYPE_LANE);
  self->moments = g_list_store_new (WM_TYPE_MOMENT);
  self->emotion_points = g_list_store_new (WM_TYPE_EMOTION_POINT);
  self->history = wm_history_new (G_OBJECT (self));
}

WmDocument *
wm_document_new (void)
{
  return g_object_new (WM_TYPE_DOCUMENT, NULL);
}

const char *
wm_document_get_title (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->title ? self->title : "";
}

void
wm_document_set_title (WmDocument *self, const char *title)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (wm_element_update_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
wm_document_get_description (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->description ? self->description : "";
}

void
wm_document_set_description (WmDocument *self, const char *description)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (wm_element_update_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

WmMapKind
wm_document_get_kind (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), 0);

  return self->kind;
}

void
wm_document_set_kind (WmDocument *self, WmMapKind kind)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
wm_document_get_current_state_file (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->current_state_file ? self->current_state_file : "";
}

void
wm_document_set_current_state_file (WmDocument *self, const char *current_state_file)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (wm_element_update_string (&self->current_state_file, current_state_file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STATE_FILE]);
}

const char *
wm_document_get_current_state_id (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->current_state_id ? self->current_state_id : "";
}

void
wm_document_set_current_state_id (WmDocument *self, const char *current_state_id)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (wm_element_update_string (&self->current_state_id, current_state_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STATE_ID]);
}

int
wm_document_get_scale_min (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), 0);

  return self->scale_min;
}

void
wm_document_set_scale_min (WmDocument *self, int scale_min)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  scale_min = CLAMP (scale_min, -10, 0);
  if (self->scale_min == scale_min)
    return;

  self->scale_min = scale_min;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_MIN]);
}

int
wm_document_get_scale_max (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), 0);

  return self->scale_max;
}

void
wm_document_set_scale_max (WmDocument *self, int scale_max)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  scale_max = CLAMP (scale_max, 0, 10);
  if (self->scale_max == scale_max)
    return;

  self->scale_max = scale_max;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_MAX]);
}

WmDirection
wm_document_get_direction (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), 0);

  return self->direction;
}

void
wm_document_set_direction (WmDocument *self, WmDirection direction)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

const char *
wm_document_get_created (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->created ? self->created : "";
}

void
wm_document_set_created (WmDocument *self, const char *created)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (wm_element_update_string (&self->created, created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

const char *
wm_document_get_modified (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->modified ? self->modified : "";
}

void
wm_document_set_modified (WmDocument *self, const char *modified)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (wm_element_update_string (&self->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

const char * const *
wm_document_get_scale_labels (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return (const char * const *) self->scale_labels;
}

void
wm_document_set_scale_labels (WmDocument         *self,
                              const char * const *scale_labels)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  if (scale_labels != NULL && scale_labels[0] == NULL)
    scale_labels = NULL;
  if ((const char * const *) self->scale_labels == scale_labels ||
      (self->scale_labels != NULL && scale_labels != NULL &&
       g_strv_equal ((const char * const *) self->scale_labels, scale_labels)))
    return;

  g_strfreev (self->scale_labels);
  self->scale_labels = g_strdupv ((char **) scale_labels);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_LABELS]);
}

/**
 * wm_document_get_scale_label:
 * @score: a whole score within the scale
 *
 * Returns: (nullable): the label of that score, if the map names it
 */
const char *
wm_document_get_scale_label (WmDocument *self,
                             int         score)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  if (self->scale_labels == NULL || score < self->scale_min || score > self->scale_max)
    return NULL;
  if (g_strv_length (self->scale_labels) != (guint) (self->scale_max - self->scale_min + 1))
    return NULL;

  return self->scale_labels[score - self->scale_min];
}

/* The collections: each a GListStore, changed only through the history. */

GListModel *
wm_document_get_personas (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->personas);
}

GListModel *
wm_document_get_stages (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->stages);
}

GListModel *
wm_document_get_lanes (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->lanes);
}

GListModel *
wm_document_get_moments (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->moments);
}

GListModel *
wm_document_get_emotion_points (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->emotion_points);
}

/**
 * wm_document_get_history:
 *
 * Returns: (transfer none): the edit path of this map. Every change a user
 *   makes goes through it; setting properties directly is for loading.
 */
WmHistory *
wm_document_get_history (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * wm_document_peek:
 * @list: one of the document's collections, or any list that keeps its items
 *
 * Returns: (transfer none) (nullable): the item at @position, which @list
 *   keeps alive: no reference to drop, as the map's code reads its lists
 */
gpointer
wm_document_peek (GListModel *list,
                  guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, position);

  return item;
}

/**
 * wm_document_find:
 * @list: one of the document's collections
 * @id: (nullable): an element id
 * @position: (out) (optional): where it is in @list
 *
 * Returns: (transfer none) (nullable): the element of @list with that id
 */
gpointer
wm_document_find (GListModel *list,
                  const char *id,
                  guint      *position)
{
  guint n = g_list_model_get_n_items (list);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (list, i);

      if (g_str_equal (wm_element_get_id (element), id))
        {
          if (position != NULL)
            *position = i;
          return element; /* the list keeps it alive */
        }
    }

  return NULL;
}

/**
 * wm_document_find_emotion_point:
 *
 * Returns: (transfer none) (nullable): how @persona_id feels at @stage_id
 */
WmEmotionPoint *
wm_document_find_emotion_point (WmDocument *self,
                                const char *persona_id,
                                const char *stage_id)
{
  guint n;

  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->emotion_points));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmEmotionPoint) point = g_list_model_get_item (G_LIST_MODEL (self->emotion_points), i);

      if (g_strcmp0 (wm_emotion_point_get_persona (point), persona_id) == 0 &&
          g_strcmp0 (wm_emotion_point_get_stage (point), stage_id) == 0)
        return point;
    }

  return NULL;
}

/* Removes, through the history, every item of @list whose @property names @id. */
static void
remove_referring (WmDocument *self,
                  GListModel *list,
                  const char *property,
                  const char *id)
{
  for (guint i = g_list_model_get_n_items (list); i-- > 0;)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *ref = NULL;

      g_object_get (item, property, &ref, NULL);
      if (g_strcmp0 (ref, id) == 0)
        wm_history_remove (self->history, list, i);
    }
}

/* Clears, through the history, @property of every item of @list that names @id. */
static void
clear_referring (WmDocument *self,
                 GListModel *list,
                 const char *property,
                 const char *id)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *ref = NULL;

      g_object_get (item, property, &ref, NULL);
      if (g_strcmp0 (ref, id) == 0)
        wm_history_set (self->history, item, property, NULL, NULL);
    }
}

/**
 * wm_document_remove_stage:
 *
 * Removes a stage with everything that sits in it (its cards in every lane,
 * its emotion points and moments of truth), as one undoable step.
 */
void
wm_document_remove_stage (WmDocument *self,
                          WmStage    *stage)
{
  const char *id;
  guint position, n_lanes;

  g_return_if_fail (WM_IS_DOCUMENT (self));
  g_return_if_fail (WM_IS_STAGE (stage));

  id = wm_element_get_id (WM_ELEMENT (stage));
  if (wm_document_find (G_LIST_MODEL (self->stages), id, &position) == NULL)
    return;

  wm_history_begin (self->history, NULL);
  n_lanes = g_list_model_get_n_items (G_LIST_MODEL (self->lanes));
  for (guint i = 0; i < n_lanes; i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (G_LIST_MODEL (self->lanes), i);
      GListModel *cards = wm_lane_get_cards (lane, id);

      for (guint j = g_list_model_get_n_items (cards); j-- > 0;)
        wm_history_remove (self->history, cards, j);
    }
  remove_referring (self, G_LIST_MODEL (self->emotion_points), "stage", id);
  remove_referring (self, G_LIST_MODEL (self->moments), "stage", id);
  wm_history_remove (self->history, G_LIST_MODEL (self->stages), position);
  wm_history_end (self->history);
}

/**
 * wm_document_remove_persona:
 *
 * Removes a persona and its emotion points; lanes that belonged to it stay,
 * for everyone. One undoable step.
 */
void
wm_document_remove_persona (WmDocument *self,
                            WmPersona  *persona)
{
  const char *id;
  guint position;

  g_return_if_fail (WM_IS_DOCUMENT (self));
  g_return_if_fail (WM_IS_PERSONA (persona));

  id = wm_element_get_id (WM_ELEMENT (persona));
  if (wm_document_find (G_LIST_MODEL (self->personas), id, &position) == NULL)
    return;

  wm_history_begin (self->history, NULL);
  remove_referring (self, G_LIST_MODEL (self->emotion_points), "persona", id);
  clear_referring (self, G_LIST_MODEL (self->lanes), "persona", id);
  wm_history_remove (self->history, G_LIST_MODEL (self->personas), position);
  wm_history_end (self->history);
}

/**
 * wm_document_remove_lane:
 *
 * Removes a lane with its cards; moments of truth on it stay, on no lane.
 * One undoable step.
 */
void
wm_document_remove_lane (WmDocument *self,
                         WmLane     *lane)
{
  const char *id;
  guint position;

  g_return_if_fail (WM_IS_DOCUMENT (self));
  g_return_if_fail (WM_IS_LANE (lane));

  id = wm_element_get_id (WM_ELEMENT (lane));
  if (wm_document_find (G_LIST_MODEL (self->lanes), id, &position) == NULL)
    return;

  wm_history_begin (self->history, NULL);
  clear_referring (self, G_LIST_MODEL (self->moments), "lane", id);
  wm_history_remove (self->history, G_LIST_MODEL (self->lanes), position);
  wm_history_end (self->history);
}
