/* wm-edit.c: the edits a designer makes, each one undoable step.
 *
 * Every public edit opens one history group, so that whatever it changes
 * (a stage with its cards, a card moved between cells) undoes at once, and
 * a caller's own group (a drag) can wrap many of them.
 *
 * Copies, for duplicate and paste, go through one importer: it copies
 * elements of a source map (the same map, or a fragment read from the
 * clipboard) into the document with new ids, finds for each reference the
 * element it stands for in the document (the copy made now, the element
 * with the same id, then one with the same name or kind, then the one at
 * the same place), and puts each copy next to its target or its original.
 * It decides everything before changing anything, so an import that cannot
 * be done fails without leaving half of it behind.
 */
#include "wm-edit.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-labels.h"
#include "wm-picture.h"

G_DEFINE_QUARK (wm-edit-error-quark, wm_edit_error)

/* Distinct colours for new personas, readable on light and dark maps. */
static const char * const persona_palette[] = {
  "#3584e4", "#e66100", "#26a269", "#c01c28",
  "#9141ac", "#986a44", "#0e7c86", "#b07d00",
};

static gboolean
find_item (GListModel *list,
           gpointer    item,
           guint      *position)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    if (wm_document_peek (list, i) == item)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

static const char *
id_of (gpointer element)
{
  return wm_element_get_id (WM_ELEMENT (element));
}

/* Whether @stage, @lane or @persona is one of @document's: an element
 * referring to one that is not would make a file that does not load. */
static gboolean
has_stage (WmDocument *document,
           WmStage    *stage)
{
  return WM_IS_STAGE (stage) && find_item (wm_document_get_stages (document), stage, NULL);
}

static gboolean
has_lane (WmDocument *document,
          WmLane     *lane)
{
  return WM_IS_LANE (lane) && find_item (wm_document_get_lanes (document), lane, NULL);
}

static gboolean
has_persona (WmDocument *document,
             WmPersona  *persona)
{
  return WM_IS_PERSONA (persona) && find_item (wm_document_get_personas (document), persona, NULL);
}

/* ------------------------------------------------------------------------ */
/* Where every element of a map is                                          */

typedef struct
{
  WmElement *element;
  GListModel *list;      /* the list that holds it */
  guint position;        /* where in @list */
  WmElement *parent;     /* a card's lane, a point's persona, a moment's stage, evidence's owner */
  WmElement *other;      /* a card's or a point's stage */
} Place;

/* Called for each element; returns TRUE to stop the walk. */
typedef gboolean (*PlaceFunc) (const Place *place,
                               gpointer     user_data);

static gboolean walk_evidence (WmElement *owner, PlaceFunc func, gpointer user_data);

static gboolean
visit (const Place *place,
       PlaceFunc    func,
       gpointer     user_data)
{
  return func (place, user_data) || walk_evidence (place->element, func, user_data);
}

static gboolean
walk_evidence (WmElement *owner,
               PlaceFunc  func,
               gpointer   user_data)
{
  GListModel *list = wm_element_get_evidence (owner);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      Place place = { wm_document_peek (list, i), list, i, owner, NULL };

      if (func (&place, user_data))
        return TRUE;
    }

  return FALSE;
}

/* Visits every element of @document in document order: its own evidence,
 * personas, stages, lanes, cards (stage by stage, lane by lane), emotion
 * points and moments, each followed by its evidence. A parent always comes
 * before what is inside it. */
static gboolean
walk (WmDocument *document,
      PlaceFunc   func,
      gpointer    user_data)
{
  GListModel *tops[] = {
    wm_document_get_personas (document),
    wm_document_get_stages (document),
    wm_document_get_lanes (document),
  };
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *points = wm_document_get_emotion_points (document);
  GListModel *moments = wm_document_get_moments (document);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_stages = g_list_model_get_n_items (stages);
  guint n_lanes = g_list_model_get_n_items (lanes);

  if (walk_evidence (WM_ELEMENT (document), func, user_data))
    return TRUE;

  for (guint t = 0; t < G_N_ELEMENTS (tops); t++)
    for (guint i = 0; i < g_list_model_get_n_items (tops[t]); i++)
      {
        Place place = { wm_document_peek (tops[t], i), tops[t], i, NULL, NULL };

        g_hash_table_insert (by_id, (char *) id_of (place.element), place.element);
        if (visit (&place, func, user_data))
          return TRUE;
      }

  for (guint s = 0; s < n_stages; s++)
    {
      WmElement *stage = wm_document_peek (stages, s);

      for (guint l = 0; l < n_lanes; l++)
        {
          WmElement *lane = wm_document_peek (lanes, l);
          GListModel *cards = wm_lane_get_cards (WM_LANE (lane), id_of (stage));

          for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
            {
              Place place = { wm_document_peek (cards, i), cards, i, lane, stage };

              if (visit (&place, func, user_data))
                return TRUE;
            }
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      WmEmotionPoint *point = wm_document_peek (points, i);
      Place place = {
        WM_ELEMENT (point), points, i,
        g_hash_table_lookup (by_id, wm_emotion_point_get_persona (point)),
        g_hash_table_lookup (by_id, wm_emotion_point_get_stage (point)),
      };

      if (visit (&place, func, user_data))
        return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (moments); i++)
    {
      WmMoment *moment = wm_document_peek (moments, i);
      Place place = {
        WM_ELEMENT (moment), moments, i,
        g_hash_table_lookup (by_id, wm_moment_get_stage (moment)), NULL,
      };

      if (visit (&place, func, user_data))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GHashTable *selected;  /* the elements asked for */
  GHashTable *inside;    /* those, and everything inside them */
  GArray *roots;         /* of Place: those not inside another */
} Collect;

static gboolean
collect_place (const Place *place,
               gpointer     user_data)
{
  Collect *c = user_data;

  if ((place->parent != NULL && g_hash_table_contains (c->inside, place->parent)) ||
      (place->other != NULL && g_hash_table_contains (c->inside, place->other)))
    g_hash_table_add (c->inside, place->element);
  else if (g_hash_table_contains (c->selected, place->element))
    {
      g_array_append_val (c->roots, *place);
      g_hash_table_add (c->inside, place->element);
    }

  return FALSE;
}

/* The places of those of @elements that are in @document and not inside
 * another of them (a card in a selected stage goes with the stage), in
 * document order. */
static GArray *
collect_roots (WmDocument *document,
               GListModel *elements)
{
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) inside = g_hash_table_new (NULL, NULL);
  Collect c = { selected, inside, g_array_new (FALSE, FALSE, sizeof (Place)) };
  guint n = g_list_model_get_n_items (elements);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (selected, wm_document_peek (elements, i));
  if (n > 0)
    walk (document, collect_place, &c);

  return c.roots;
}

/**
 * wm_edit_collect:
 * @elements: elements of @document, in any order, maybe some inside others
 *
 * Returns: (transfer full) (element-type WmElement): those of @elements
 *   that are in @document and not inside another of them (a card of a
 *   stage that is also there, a persona's emotion point, the evidence of
 *   any of them), in document order: what an edit of all of @elements
 *   acts on
 */
GPtrArray *
wm_edit_collect (WmDocument *document,
                 GListModel *elements)
{
  g_autoptr(GArray) roots = NULL;
  GPtrArray *result;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (elements), NULL);

  roots = collect_roots (document, elements);
  result = g_ptr_array_new_full (roots->len, g_object_unref);
  for (guint i = 0; i < roots->len; i++)
    g_ptr_array_add (result, g_object_ref (g_array_index (roots, Place, i).element));

  return result;
}

typedef struct
{
  GHashTable *ids;
  GPtrArray *found;
} FindIds;

static gboolean
find_ids_place (const Place *place,
                gpointer     user_data)
{
  FindIds *f = user_data;

  if (g_hash_table_contains (f->ids, id_of (place->element)))
    g_ptr_array_add (f->found, g_object_ref (place->element));

  return FALSE;
}

/**
 * wm_edit_find_elements:
 * @ids: (array zero-terminated=1): element ids
 *
 * Returns: (transfer full) (element-type WmElement): the elements of
 *   @document with those ids, wherever they are, in document order
 */
GPtrArray *
wm_edit_find_elements (WmDocument         *document,
                       const char * const *ids)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  FindIds f = { set, g_ptr_array_new_with_free_func (g_object_unref) };

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, (char *) ids[i]);
  walk (document, find_ids_place, &f);

  return f.found;
}

/**
 * wm_edit_find_card:
 * @lane: (out) (optional) (transfer none): the lane it is in
 * @stage: (out) (optional) (transfer none): the stage it is in
 * @position: (out) (optional): where in that cell
 *
 * Returns: whether @card is in @document
 */
gboolean
wm_edit_find_card (WmDocument *document,
                   WmCard     *card,
                   WmLane    **lane,
                   WmStage   **stage,
                   guint      *position)
{
  GListModel *stages, *lanes;
  guint n_stages, n_lanes;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (WM_IS_CARD (card), FALSE);

  stages = wm_document_get_stages (document);
  lanes = wm_document_get_lanes (document);
  n_stages = g_list_model_get_n_items (stages);
  n_lanes = g_list_model_get_n_items (lanes);
  for (guint l = 0; l < n_lanes; l++)
    for (guint s = 0; s < n_stages; s++)
      {
        WmLane *cell_lane = wm_document_peek (lanes, l);
        WmStage *cell_stage = wm_document_peek (stages, s);

        if (!find_item (wm_lane_get_cards (cell_lane, id_of (cell_stage)), card, position))
          continue;
        if (lane != NULL)
          *lane = cell_lane;
        if (stage != NULL)
          *stage = cell_stage;
        return TRUE;
      }

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Copies                                                                   */

/**
 * wm_edit_copy_element:
 * @element: an element, not a document
 * @keep_ids: whether the copy and its evidence keep their ids, for a copy
 *   that goes to another map (a fragment) rather than beside the original
 *
 * Copies the properties, the evidence and the unknown JSON members of
 * @element; a lane's cards are not copied.
 *
 * Returns: (transfer full): the copy, in no map
 */
WmElement *
wm_edit_copy_element (WmElement *element,
                      gboolean   keep_ids)
{
  g_autofree GParamSpec **pspecs = NULL;
  GListModel *evidence;
  WmElement *copy;
  const char **names;
  GValue *values;
  guint n_pspecs, n = 0;

  g_return_val_if_fail (WM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (!WM_IS_DOCUMENT (element), NULL);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (element), &n_pspecs);
  names = g_newa (const char *, n_pspecs);
  values = g_newa (GValue, n_pspecs);
  memset (values, 0, sizeof (GValue) * n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];

      /* The id is the one construct-only property. */
      if ((pspec->flags & (G_PARAM_READABLE | G_PARAM_WRITABLE)) != (G_PARAM_READABLE | G_PARAM_WRITABLE) ||
          ((pspec->flags & G_PARAM_CONSTRUCT_ONLY) && !keep_ids))
        continue;
      names[n] = pspec->name;
      g_value_init (&values[n], pspec->value_type);
      g_object_get_property (G_OBJECT (element), pspec->name, &values[n]);
      n++;
    }

  copy = WM_ELEMENT (g_object_new_with_properties (G_OBJECT_TYPE (element), n, names, values));
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  /* Built before it joins a map, so not through the history. */
  evidence = wm_element_get_evidence (element);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(WmElement) piece = wm_edit_copy_element (wm_document_peek (evidence, i), keep_ids);

      g_list_store_append (G_LIST_STORE (wm_element_get_evidence (copy)), piece);
    }

  /* Never changed once read, so it can be shared. */
  wm_element_set_unknown (copy, wm_element_get_unknown (element));

  return copy;
}

static gboolean
color_used (GHashTable *used,
            const char *color)
{
  g_autofree char *key = g_ascii_strdown (color != NULL ? color : "", -1);

  return g_hash_table_contains (used, key);
}

static void
use_color (GHashTable *used,
           const char *color)
{
  g_hash_table_add (used, g_ascii_strdown (color != NULL ? color : "", -1));
}

/* The persona colours of @document, lower case. */
static GHashTable *
used_colors (WmDocument *document)
{
  GListModel *personas = wm_document_get_personas (document);
  GHashTable *used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    use_color (used, wm_persona_get_color (wm_document_peek (personas, i)));

  return used;
}

/* The first colour of the palette not in @used, or one in turn once all are. */
static const char *
free_color (GHashTable *used)
{
  for (guint i = 0; i < G_N_ELEMENTS (persona_palette); i++)
    if (!color_used (used, persona_palette[i]))
      return persona_palette[i];

  return persona_palette[g_hash_table_size (used) % G_N_ELEMENTS (persona_palette)];
}

/* ------------------------------------------------------------------------ */
/* Adding                                                                   */

/* Inserts @item into @list at @position, or at the end if that is beyond. */
static void
insert_clamped (WmHistory  *history,
                GListModel *list,
                guint       position,
                gpointer    item)
{
  wm_history_insert (history, list, MIN (position, g_list_model_get_n_items (list)), item);
}

static void
append (WmHistory  *history,
        GListModel *list,
        gpointer    item)
{
  wm_history_insert (history, list, g_list_model_get_n_items (list), item);
}

/**
 * wm_edit_add_stage:
 * @position: where it goes; beyond the end means at the end
 * @name: (nullable): its name, or %NULL for a default one
 *
 * Returns: (transfer none): the new stage
 */
WmStage *
wm_edit_add_stage (WmDocument *document,
                   guint       position,
                   const char *name)
{
  WmHistory *history;
  g_autoptr(WmStage) stage = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  history = wm_document_get_history (document);
  stage = wm_stage_new ();
  wm_stage_set_name (stage, name != NULL ? name : wm_labels_new_element (WM_TYPE_STAGE));
  wm_history_begin (history, _("Add Stage"));
  insert_clamped (history, wm_document_get_stages (document), position, stage);
  wm_history_end (history);

  return stage;
}

/**
 * wm_edit_add_lane:
 * @position: where it goes; beyond the end means at the end
 * @title: (nullable): its title, or %NULL for the name of its kind
 *
 * Returns: (transfer none): the new lane
 */
WmLane *
wm_edit_add_lane (WmDocument *document,
                  guint       position,
                  WmLaneKind  kind,
                  const char *title)
{
  WmHistory *history;
  g_autoptr(WmLane) lane = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  history = wm_document_get_history (document);
  lane = wm_lane_new ();
  wm_lane_set_kind (lane, kind);
  wm_lane_set_title (lane, title != NULL ? title : wm_labels_lane_kind (kind));
  wm_history_begin (history, _("Add Lane"));
  insert_clamped (history, wm_document_get_lanes (document), position, lane);
  wm_history_end (history);

  return lane;
}

/**
 * wm_edit_add_persona:
 * @name: (nullable): its name, or %NULL for a default one
 *
 * Adds a persona at the end of the legend, in a colour no other persona
 * of the map has.
 *
 * Returns: (transfer none): the new persona
 */
WmPersona *
wm_edit_add_persona (WmDocument *document,
                     const char *name)
{
  WmHistory *history;
  g_autoptr(WmPersona) persona = NULL;
  g_autoptr(GHashTable) used = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  history = wm_document_get_history (document);
  used = used_colors (document);
  persona = wm_persona_new ();
  wm_persona_set_name (persona, name != NULL ? name : _("New Persona"));
  wm_persona_set_color (persona, free_color (used));
  wm_history_begin (history, _("Add Persona"));
  append (history, wm_document_get_personas (document), persona);
  wm_history_end (history);

  return persona;
}

/**
 * wm_edit_add_moment:
 * @stage: the stage it marks
 * @lane: (nullable): the lane it sits on, if any
 * @title: (nullable): its title, or %NULL for a default one
 *
 * Returns: (transfer none): the new moment of truth
 */
WmMoment *
wm_edit_add_moment (WmDocument *document,
                    WmStage    *stage,
                    WmLane     *lane,
                    const char *title)
{
  WmHistory *history;
  g_autoptr(WmMoment) moment = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (has_stage (document, stage), NULL);
  g_return_val_if_fail (lane == NULL || has_lane (document, lane), NULL);

  history = wm_document_get_history (document);
  moment = wm_moment_new ();
  wm_moment_set_stage (moment, id_of (stage));
  wm_moment_set_lane (moment, lane != NULL ? id_of (lane) : NULL);
  wm_moment_set_title (moment, title != NULL ? title : wm_labels_new_element (WM_TYPE_MOMENT));
  wm_history_begin (history, _("Add Moment of Truth"));
  append (history, wm_document_get_moments (document), moment);
  wm_history_end (history);

  return moment;
}

/**
 * wm_edit_add_card:
 * @position: where in the cell of @lane and @stage; beyond the end means
 *   at the end
 * @text: (nullable): its text
 *
 * Returns: (transfer none): the new card
 */
WmCard *
wm_edit_add_card (WmDocument *document,
                  WmLane     *lane,
                  WmStage    *stage,
                  guint       position,
                  const char *text)
{
  WmHistory *history;
  g_autoptr(WmCard) card = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (has_lane (document, lane), NULL);
  g_return_val_if_fail (has_stage (document, stage), NULL);

  history = wm_document_get_history (document);
  card = wm_card_new ();
  wm_card_set_text (card, text);
  wm_history_begin (history, _("Add Card"));
  insert_clamped (history, wm_lane_get_cards (lane, id_of (stage)), position, card);
  wm_history_end (history);

  return card;
}

static double
clamp_score (WmDocument *document,
             double      score)
{
  return CLAMP (score, wm_document_get_scale_min (document), wm_document_get_scale_max (document));
}

/* A score set by hand is no longer one computed from a survey: it loses
 * the survey's sample size and spread, so that the curve stops showing
 * them as if they still held. */
static void
set_score_by_hand (WmHistory      *history,
                   WmEmotionPoint *point,
                   double          score)
{
  if (wm_emotion_point_get_computed (point))
    wm_history_set (history, point,
                    "score", score, "computed", FALSE, "sample-size", 0, "spread", 0.0,
                    NULL);
  else
    wm_history_set (history, point, "score", score, NULL);
}

/* Sets @persona's score at @stage, already snapped, creating the point. */
static WmEmotionPoint *
put_score (WmDocument *document,
           WmPersona  *persona,
           WmStage    *stage,
           double      score)
{
  WmHistory *history = wm_document_get_history (document);
  WmEmotionPoint *point;
  g_autoptr(WmEmotionPoint) new_point = NULL;

  score = clamp_score (document, score);
  point = wm_document_find_emotion_point (document, id_of (persona), id_of (stage));
  if (point != NULL)
    {
      set_score_by_hand (history, point, score);
      return point;
    }

  new_point = wm_emotion_point_new ();
  wm_emotion_point_set_persona (new_point, id_of (persona));
  wm_emotion_point_set_stage (new_point, id_of (stage));
  wm_emotion_point_set_score (new_point, score);
  append (history, wm_document_get_emotion_points (document), new_point);

  return new_point;
}

/**
 * wm_edit_set_score:
 * @score: any number: it is rounded to a whole step of the map's scale and
 *   brought within it
 *
 * Sets how @persona feels at @stage, adding the emotion point if there is none.
 *
 * Returns: (transfer none): the emotion point
 */
WmEmotionPoint *
wm_edit_set_score (WmDocument *document,
                   WmPersona  *persona,
                   WmStage    *stage,
                   double      score)
{
  WmHistory *history;
  WmEmotionPoint *point;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (has_persona (document, persona), NULL);
  g_return_val_if_fail (has_stage (document, stage), NULL);
  g_return_val_if_fail (isfinite (score), NULL);

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Change Score"));
  point = put_score (document, persona, stage, round (score));
  wm_history_end (history);

  return point;
}

/* ------------------------------------------------------------------------ */
/* Moving                                                                   */

/* Moves @item of @list to @position, or to the end if that is beyond. */
static void
move_in_list (WmHistory  *history,
              GListModel *list,
              gpointer    item,
              guint       position)
{
  guint from;

  if (!find_item (list, item, &from))
    {
      g_critical ("%s: the element is not in the map", G_STRFUNC);
      return;
    }
  wm_history_move (history, list, from, MIN (position, g_list_model_get_n_items (list) - 1));
}

/**
 * wm_edit_move_stage:
 * @position: where it ends up; beyond the end means last
 */
void
wm_edit_move_stage (WmDocument *document,
                    WmStage    *stage,
                    guint       position)
{
  WmHistory *history;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (WM_IS_STAGE (stage));

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Move Stage"));
  move_in_list (history, wm_document_get_stages (document), stage, position);
  wm_history_end (history);
}

/**
 * wm_edit_move_lane:
 * @position: where it ends up; beyond the end means last
 */
void
wm_edit_move_lane (WmDocument *document,
                   WmLane     *lane,
                   guint       position)
{
  WmHistory *history;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (WM_IS_LANE (lane));

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Move Lane"));
  move_in_list (history, wm_document_get_lanes (document), lane, position);
  wm_history_end (history);
}

/**
 * wm_edit_move_card:
 * @lane: the lane it goes to
 * @stage: the stage it goes to
 * @position: where it ends up in that cell; beyond the end means last
 */
void
wm_edit_move_card (WmDocument *document,
                   WmCard     *card,
                   WmLane     *lane,
                   WmStage    *stage,
                   guint       position)
{
  WmHistory *history;
  GListModel *from, *to;
  WmLane *old_lane;
  WmStage *old_stage;
  guint old_position;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (WM_IS_CARD (card));
  g_return_if_fail (has_lane (document, lane));
  g_return_if_fail (has_stage (document, stage));

  if (!wm_edit_find_card (document, card, &old_lane, &old_stage, &old_position))
    {
      g_critical ("%s: the card is not in the map", G_STRFUNC);
      return;
    }

  history = wm_document_get_history (document);
  from = wm_lane_get_cards (old_lane, id_of (old_stage));
  to = wm_lane_get_cards (lane, id_of (stage));
  wm_history_begin (history, _("Move Card"));
  if (from == to)
    wm_history_move (history, from, old_position, MIN (position, g_list_model_get_n_items (to) - 1));
  else
    {
      g_object_ref (card);
      wm_history_remove (history, from, old_position);
      insert_clamped (history, to, position, card);
      g_object_unref (card);
    }
  wm_history_end (history);
}

/**
 * wm_edit_move_moment:
 * @stage: the stage it goes to
 * @lane: (nullable): the lane it goes to, or none
 */
void
wm_edit_move_moment (WmDocument *document,
                     WmMoment   *moment,
                     WmStage    *stage,
                     WmLane     *lane)
{
  WmHistory *history;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (WM_IS_MOMENT (moment));
  g_return_if_fail (has_stage (document, stage));
  g_return_if_fail (lane == NULL || has_lane (document, lane));

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Move Moment of Truth"));
  wm_history_set (history, moment,
                  "stage", id_of (stage),
                  "lane", lane != NULL ? id_of (lane) : NULL,
                  NULL);
  wm_history_end (history);
}

/* @position moved @delta places, as far as @list goes. */
static guint
shifted (GListModel *list,
         guint       position,
         int         delta)
{
  return CLAMP ((gint64) position + delta, 0, (gint64) g_list_model_get_n_items (list) - 1);
}

/* The item @delta places from @item in @list, as far as the list goes. */
static gpointer
neighbour (GListModel *list,
           gpointer    item,
           int         delta)
{
  guint position;

  if (!find_item (list, item, &position))
    return NULL;

  return wm_document_peek (list, shifted (list, position, delta));
}

static void
nudge_in_list (WmHistory  *history,
               GListModel *list,
               gpointer    item,
               int         delta)
{
  guint position;

  if (find_item (list, item, &position))
    wm_history_move (history, list, position, shifted (list, position, delta));
}

typedef struct
{
  WmElement *element;
  Place place;
  gboolean found;
} FindPlace;

static gboolean
find_place_visit (const Place *place,
                  gpointer     user_data)
{
  FindPlace *f = user_data;

  if (place->element != f->element)
    return FALSE;
  f->place = *place;
  f->found = TRUE;
  return TRUE;
}

/* Where @element is in @document, if it is there. */
static gboolean
find_place (WmDocument *document,
            WmElement  *element,
            Place      *place)
{
  FindPlace f = { element, { 0 }, FALSE };

  walk (document, find_place_visit, &f);
  if (place != NULL)
    *place = f.place;

  return f.found;
}

static void
nudge_score (WmDocument     *document,
             WmEmotionPoint *point,
             int             steps)
{
  double score = wm_emotion_point_get_score (point);

  /* From between two steps, the first step up or down lands on a whole one. */
  score = steps > 0 ? floor (score) + steps : ceil (score) + steps;
  set_score_by_hand (wm_document_get_history (document), point, clamp_score (document, score));
}

/* Along time: a stage among the stages, a card or a moment to another stage. */
static void
nudge_across (WmDocument *document,
              WmElement  *element,
              int         dx)
{
  WmHistory *history = wm_document_get_history (document);
  GListModel *stages = wm_document_get_stages (document);
  WmLane *lane;
  WmStage *stage;
  guint position;

  if (WM_IS_STAGE (element))
    nudge_in_list (history, stages, element, dx);
  else if (WM_IS_CARD (element) &&
           wm_edit_find_card (document, WM_CARD (element), &lane, &stage, &position))
    wm_edit_move_card (document, WM_CARD (element), lane, neighbour (stages, stage, dx), position);
  else if (WM_IS_MOMENT (element) &&
           (stage = wm_document_find (stages, wm_moment_get_stage (WM_MOMENT (element)), NULL)) != NULL)
    wm_history_set (history, element, "stage", id_of (neighbour (stages, stage, dx)), NULL);
}

/* Down the rows: a lane, a persona, evidence or a card in its list; a score. */
static void
nudge_down (WmDocument *document,
            WmElement  *element,
            int         dy)
{
  WmHistory *history = wm_document_get_history (document);
  Place place;
  WmLane *lane;
  WmStage *stage;

  if (WM_IS_LANE (element))
    nudge_in_list (history, wm_document_get_lanes (document), element, dy);
  else if (WM_IS_PERSONA (element))
    nudge_in_list (history, wm_document_get_personas (document), element, dy);
  else if (WM_IS_EVIDENCE (element) && find_place (document, element, &place))
    nudge_in_list (history, place.list, element, dy);
  else if (WM_IS_CARD (element) && wm_edit_find_card (document, WM_CARD (element), &lane, &stage, NULL))
    nudge_in_list (history, wm_lane_get_cards (lane, id_of (stage)), element, dy);
  else if (WM_IS_EMOTION_POINT (element))
    nudge_score (document, WM_EMOTION_POINT (element), -dy);
}

/* What moving @element is called in the Undo menu. */
static const char *
move_label (WmElement *element)
{
  if (WM_IS_STAGE (element))
    return _("Move Stage");
  if (WM_IS_LANE (element))
    return _("Move Lane");
  if (WM_IS_PERSONA (element))
    return _("Move Persona");
  if (WM_IS_CARD (element))
    return _("Move Card");
  if (WM_IS_MOMENT (element))
    return _("Move Moment of Truth");
  if (WM_IS_EMOTION_POINT (element))
    return _("Change Score");
  return _("Move Evidence");
}

/**
 * wm_edit_nudge:
 * @element: an element of @document
 * @dx: places to move along time: +1 to the next stage, -1 to the previous
 * @dy: places to move down the rows: +1 down, -1 up
 *
 * The keyboard's way of moving things. Along time, a stage is reordered
 * and a card or a moment of truth goes to a neighbouring stage (a card to
 * the same place in that cell). Down the rows, a lane is reordered, a
 * persona moves down the legend, a piece of evidence down its list, a card
 * down its cell; an emotion point's score goes up one step of the scale for
 * each row up (@dy = -1). Past either end it goes as far as it can, and at
 * the end it does nothing and records no step. The editor turns visual
 * directions into these (left is later in a right-to-left map).
 */
void
wm_edit_nudge (WmDocument *document,
               WmElement  *element,
               int         dx,
               int         dy)
{
  WmHistory *history;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (WM_IS_ELEMENT (element));

  history = wm_document_get_history (document);
  wm_history_begin (history, move_label (element));
  if (dx != 0)
    nudge_across (document, element, dx);
  if (dy != 0)
    nudge_down (document, element, dy);
  wm_history_end (history);
}

/* ------------------------------------------------------------------------ */
/* Deleting                                                                 */

/**
 * wm_edit_delete:
 * @elements: elements of @document, of any kinds
 *
 * Deletes @elements with everything inside them (a stage's cards, points
 * and moments; a lane's cards; a persona's points; anything's evidence), as
 * one step. Elements already gone, or inside another one deleted, are fine.
 */
void
wm_edit_delete (WmDocument *document,
                GListModel *elements)
{
  WmHistory *history;
  g_autoptr(GArray) roots = NULL;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_LIST_MODEL (elements));

  history = wm_document_get_history (document);
  roots = collect_roots (document, elements);
  wm_history_begin (history, _("Delete"));

  /* Cards, points, moments and evidence by place, the last of each list
   * first so that the places of the others hold. */
  for (guint i = roots->len; i-- > 0;)
    {
      Place *place = &g_array_index (roots, Place, i);

      if (!WM_IS_STAGE (place->element) && !WM_IS_LANE (place->element) && !WM_IS_PERSONA (place->element))
        wm_history_remove (history, place->list, place->position);
    }

  /* Then the rest, with what refers to them. */
  for (guint i = 0; i < roots->len; i++)
    {
      WmElement *element = g_array_index (roots, Place, i).element;

      if (WM_IS_STAGE (element))
        wm_document_remove_stage (document, WM_STAGE (element));
      else if (WM_IS_LANE (element))
        wm_document_remove_lane (document, WM_LANE (element));
      else if (WM_IS_PERSONA (element))
        wm_document_remove_persona (document, WM_PERSONA (element));
    }

  wm_history_end (history);
}

/* ------------------------------------------------------------------------ */
/* Evidence                                                                 */

/**
 * wm_edit_add_evidence:
 * @element: any element of @document, or @document itself
 * @evidence: a piece of evidence in no list yet
 *
 * Adds @evidence at the end of @element's evidence.
 */
void
wm_edit_add_evidence (WmDocument *document,
                      WmElement  *element,
                      WmEvidence *evidence)
{
  WmHistory *history;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (WM_IS_ELEMENT (element));
  g_return_if_fail (WM_IS_EVIDENCE (evidence));

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Add Evidence"));
  append (history, wm_element_get_evidence (element), evidence);
  wm_history_end (history);
}

void
wm_edit_remove_evidence (WmDocument *document,
                         WmElement  *element,
                         guint       position)
{
  WmHistory *history;
  GListModel *evidence;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (WM_IS_ELEMENT (element));

  evidence = wm_element_get_evidence (element);
  g_return_if_fail (position < g_list_model_get_n_items (evidence));

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Remove Evidence"));
  wm_history_remove (history, evidence, position);
  wm_history_end (history);
}

/* ------------------------------------------------------------------------ */
/* Copying into a map                                                       */

typedef struct
{
  WmDocument *document;    /* where the copies go */
  WmDocument *source;      /* where the originals are: @document, or another */
  WmHistory *history;
  WmElement *target;
  WmLane *target_lane;     /* where @target is, as far as it says */
  WmStage *target_stage;
  WmCard *target_card;
  GArray *roots;           /* of Place in @source: the elements copied */
  GPtrArray *stages;       /* the source's, before anything changes */
  GPtrArray *lanes;
  GPtrArray *points;
  GPtrArray *moments;
  GHashTable *source_ids;  /* id → the source's stage, lane or persona */
  GHashTable *copies;      /* an element copied → its copy */
  GHashTable *map;         /* the source's stage, lane or persona → the document's
                            * one standing for it: its copy, or a match */
  GHashTable *originals;   /* id → place in @document, for copies put beside
                            * their original (only without a target) */
  GHashTable *dropped;     /* copies replaced by a later one */
  WmStage *last_stage;     /* the document's, before anything changes */
} Import;

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->roots, g_array_unref);
  g_clear_pointer (&im->stages, g_ptr_array_unref);
  g_clear_pointer (&im->lanes, g_ptr_array_unref);
  g_clear_pointer (&im->points, g_ptr_array_unref);
  g_clear_pointer (&im->moments, g_ptr_array_unref);
  g_clear_pointer (&im->source_ids, g_hash_table_unref);
  g_clear_pointer (&im->copies, g_hash_table_unref);
  g_clear_pointer (&im->map, g_hash_table_unref);
  g_clear_pointer (&im->originals, g_hash_table_unref);
  g_clear_pointer (&im->dropped, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static GPtrArray *
snapshot (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  return items;
}

static gpointer
copy_of (Import   *im,
         gpointer  original)
{
  return g_hash_table_lookup (im->copies, original);
}

/* The document's stage, lane or persona that @original of the source
 * stands for, or %NULL. */
static gpointer
mapped (Import   *im,
        gpointer  original)
{
  return original != NULL ? g_hash_table_lookup (im->map, original) : NULL;
}

static gpointer
mapped_id (Import     *im,
           const char *id)
{
  return mapped (im, g_hash_table_lookup (im->source_ids, id != NULL ? id : ""));
}

static const char *
nullable_id (gpointer element)
{
  return element != NULL ? id_of (element) : NULL;
}

/* Where @target is: the stage, lane and cell things go to. */
static void
locate_target (Import *im)
{
  GListModel *stages = wm_document_get_stages (im->document);
  GListModel *lanes = wm_document_get_lanes (im->document);
  WmElement *target = im->target;

  if (WM_IS_STAGE (target))
    im->target_stage = WM_STAGE (target);
  else if (WM_IS_LANE (target))
    im->target_lane = WM_LANE (target);
  else if (WM_IS_CARD (target) &&
           wm_edit_find_card (im->document, WM_CARD (target), &im->target_lane, &im->target_stage, NULL))
    im->target_card = WM_CARD (target);
  else if (WM_IS_MOMENT (target))
    {
      im->target_stage = wm_document_find (stages, wm_moment_get_stage (WM_MOMENT (target)), NULL);
      im->target_lane = wm_document_find (lanes, wm_moment_get_lane (WM_MOMENT (target)), NULL);
    }
  else if (WM_IS_EMOTION_POINT (target))
    im->target_stage = wm_document_find (stages, wm_emotion_point_get_stage (WM_EMOTION_POINT (target)), NULL);
}

static gboolean
is_root_of_type (Import *im,
                 guint   i,
                 GType   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (g_array_index (im->roots, Place, i).element, type);
}

/* What an element of another map is recognised by: a stage's or a
 * persona's name, a lane's kind and title; less strictly, a lane's kind. */
static char *
match_key (WmElement *element,
           gboolean   strict)
{
  char *name = NULL;

  if (WM_IS_LANE (element))
    return strict ? g_strdup_printf ("%d\n%s", wm_lane_get_kind (WM_LANE (element)),
                                     wm_lane_get_title (WM_LANE (element))) :
                    g_strdup_printf ("%d", wm_lane_get_kind (WM_LANE (element)));
  if (!strict)
    return NULL;

  g_object_get (element, "name", &name, NULL);
  if (name != NULL && *name == '\0')
    g_clear_pointer (&name, g_free);

  return name;
}

static gpointer
lookup_match (GHashTable *matches,
              WmElement  *element,
              gboolean    strict)
{
  g_autofree char *key = match_key (element, strict);

  return key != NULL ? g_hash_table_lookup (matches, key) : NULL;
}

/* Finds for every stage, lane and persona of the source the document's
 * one that stands for it: its copy, if it is handed over; else the one
 * with its id (the same map), else one it is recognised by (another map);
 * for a stage, else the one at the same place. */
static void
map_tops (Import *im)
{
  GListModel *(*lists[]) (WmDocument *) = {
    wm_document_get_personas, wm_document_get_stages, wm_document_get_lanes,
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GListModel *from = lists[l] (im->source);
      GListModel *to = lists[l] (im->document);
      guint n_to = g_list_model_get_n_items (to);
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* Backwards, so that the first of a name wins. */
      for (guint i = n_to; i-- > 0;)
        {
          WmElement *element = wm_document_peek (to, i);
          char *key;

          g_hash_table_insert (by_id, (char *) id_of (element), element);
          for (int strict = 0; strict <= 1; strict++)
            if ((key = match_key (element, strict)) != NULL)
              g_hash_table_insert (matches, key, element);
        }

      for (guint i = 0; i < g_list_model_get_n_items (from); i++)
        {
          WmElement *element = wm_document_peek (from, i);
          WmElement *match = copy_of (im, element);

          g_hash_table_insert (im->source_ids, (char *) id_of (element), element);
          if (match == NULL)
            match = g_hash_table_lookup (by_id, id_of (element));
          if (match == NULL)
            match = lookup_match (matches, element, TRUE);
          if (match == NULL)
            match = lookup_match (matches, element, FALSE);
          if (match == NULL && WM_IS_STAGE (element) && i < n_to)
            match = wm_document_peek (to, i);
          if (match != NULL)
            g_hash_table_insert (im->map, element, match);
        }
    }
}

/* Copies the stages, lanes and personas handed over: a lane belonging to
 * the persona standing for its own, a persona in a colour of its own. */
static void
copy_tops (Import *im)
{
  g_autoptr(GHashTable) colors = used_colors (im->document);

  for (guint i = 0; i < im->roots->len; i++)
    {
      WmElement *original = g_array_index (im->roots, Place, i).element;

      if (WM_IS_STAGE (original) || WM_IS_LANE (original) || WM_IS_PERSONA (original))
        g_hash_table_insert (im->copies, original, wm_edit_copy_element (original, FALSE));
    }

  map_tops (im);

  for (guint i = 0; i < im->roots->len; i++)
    {
      WmElement *copy = copy_of (im, g_array_index (im->roots, Place, i).element);

      if (WM_IS_LANE (copy))
        wm_lane_set_persona (WM_LANE (copy), nullable_id (mapped_id (im, wm_lane_get_persona (WM_LANE (copy)))));
      else if (WM_IS_PERSONA (copy))
        {
          if (color_used (colors, wm_persona_get_color (WM_PERSONA (copy))))
            wm_persona_set_color (WM_PERSONA (copy), free_color (colors));
          use_color (colors, wm_persona_get_color (WM_PERSONA (copy)));
        }
    }
}

static gboolean
remember_original (const Place *place,
                   gpointer     user_data)
{
  Import *im = user_data;

  g_hash_table_insert (im->originals, (char *) id_of (place->element), g_memdup2 (place, sizeof *place));

  return FALSE;
}

/* The place in the document of the element with @original's id, if a copy
 * of it is to go beside it. */
static const Place *
original_place (Import   *im,
                gpointer  original)
{
  if (im->originals == NULL)
    return NULL;

  return g_hash_table_lookup (im->originals, id_of (original));
}

/* The stage cards of the source's @stage go to, if the document has any. */
static WmStage *
stage_for_cards (Import  *im,
                 WmStage *stage)
{
  WmStage *match = mapped (im, stage);

  return match != NULL ? match : im->last_stage;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, WM_EDIT_ERROR, WM_EDIT_ERROR_NO_PLACE, message);
  return FALSE;
}

/* Whether every loose card, point, moment and piece of evidence handed
 * over has a place to go, before anything changes. */
static gboolean
check_places (Import  *im,
              GError **error)
{
  for (guint i = 0; i < im->roots->len; i++)
    {
      Place *place = &g_array_index (im->roots, Place, i);
      WmElement *element = place->element;

      if (WM_IS_CARD (element) && im->target_card == NULL && original_place (im, element) == NULL &&
          im->target_stage == NULL && stage_for_cards (im, WM_STAGE (place->other)) == NULL)
        return fail (error, _("The map has no stage to put the cards in"));

      if ((WM_IS_MOMENT (element) || WM_IS_EMOTION_POINT (element)) && im->target_stage == NULL &&
          mapped (im, WM_IS_MOMENT (element) ? place->parent : place->other) == NULL)
        return fail (error, WM_IS_MOMENT (element) ?
                     _("The map has no stage for the moments of truth") :
                     _("The map has no stage for the emotion scores"));

      if (WM_IS_EMOTION_POINT (element) && mapped (im, place->parent) == NULL)
        return fail (error, _("The map has no persona for the emotion scores"));

      if (WM_IS_EVIDENCE (element) && im->target == NULL && original_place (im, element) == NULL)
        return fail (error, _("Select the item to add the evidence to"));
    }

  return TRUE;
}

/* Inserts @copy in @list after @after, or at the end when %NULL. */
static void
insert_after (Import     *im,
              GListModel *list,
              gpointer    after,
              gpointer    copy)
{
  guint position;

  if (after != NULL && find_item (list, after, &position))
    wm_history_insert (im->history, list, position + 1, copy);
  else
    append (im->history, list, copy);
}

/* The stages, lanes or personas handed over: after @anchor, one after the
 * other; without a target, each after its original; else at the end. */
static void
insert_tops (Import     *im,
             GType       type,
             GListModel *list,
             gpointer    anchor)
{
  for (guint i = 0; i < im->roots->len; i++)
    {
      gpointer original = g_array_index (im->roots, Place, i).element;
      gpointer copy = copy_of (im, original);
      const Place *beside;

      if (!is_root_of_type (im, i, type))
        continue;

      if (anchor != NULL)
        {
          insert_after (im, list, anchor, copy);
          anchor = copy;
        }
      else if ((beside = original_place (im, original)) != NULL)
        insert_after (im, list, beside->element, copy);
      else
        append (im->history, list, copy);
    }
}

/* The lane cards of the source's @lane go to: the one standing for it, or
 * a new one like it at the end. */
static WmLane *
lane_for_cards (Import *im,
                WmLane *lane)
{
  WmLane *match = mapped (im, lane);
  g_autoptr(WmLane) created = NULL;

  if (match != NULL)
    return match;

  created = WM_LANE (wm_edit_copy_element (WM_ELEMENT (lane), FALSE));
  wm_lane_set_persona (created, nullable_id (mapped_id (im, wm_lane_get_persona (lane))));
  append (im->history, wm_document_get_lanes (im->document), created);
  g_hash_table_insert (im->map, lane, created);

  return created;
}

/* The cards of the stages and lanes handed over. */
static void
insert_cells (Import *im)
{
  for (guint l = 0; l < im->lanes->len; l++)
    for (guint s = 0; s < im->stages->len; s++)
      {
        WmLane *lane = im->lanes->pdata[l];
        WmStage *stage = im->stages->pdata[s];
        g_autoptr(GPtrArray) cards = NULL;
        WmLane *to_lane;
        WmStage *to_stage;

        if (copy_of (im, lane) == NULL && copy_of (im, stage) == NULL)
          continue;

        cards = snapshot (wm_lane_get_cards (lane, id_of (stage)));
        if (cards->len == 0 || (to_stage = stage_for_cards (im, stage)) == NULL)
          continue;
        to_lane = lane_for_cards (im, lane);
        for (guint i = 0; i < cards->len; i++)
          {
            g_autoptr(WmElement) copy = wm_edit_copy_element (cards->pdata[i], FALSE);

            append (im->history, wm_lane_get_cards (to_lane, id_of (to_stage)), copy);
          }
      }
}

static WmEmotionPoint *
copy_point (Import         *im,
            WmEmotionPoint *point,
            WmPersona      *persona,
            WmStage        *stage)
{
  WmEmotionPoint *copy = WM_EMOTION_POINT (wm_edit_copy_element (WM_ELEMENT (point), FALSE));

  wm_emotion_point_set_persona (copy, id_of (persona));
  wm_emotion_point_set_stage (copy, id_of (stage));
  wm_emotion_point_set_score (copy, clamp_score (im->document, wm_emotion_point_get_score (point)));

  return copy;
}

static WmMoment *
copy_moment (Import   *im,
             WmMoment *moment,
             WmStage  *stage,
             WmLane   *lane)
{
  WmMoment *copy = WM_MOMENT (wm_edit_copy_element (WM_ELEMENT (moment), FALSE));

  wm_moment_set_stage (copy, id_of (stage));
  wm_moment_set_lane (copy, nullable_id (lane));

  return copy;
}

/* The points and moments of the stages and personas handed over. */
static void
insert_contents (Import *im)
{
  GListModel *points = wm_document_get_emotion_points (im->document);
  GListModel *moments = wm_document_get_moments (im->document);

  for (guint i = 0; i < im->points->len; i++)
    {
      WmEmotionPoint *point = im->points->pdata[i];
      gpointer persona = g_hash_table_lookup (im->source_ids, wm_emotion_point_get_persona (point));
      gpointer stage = g_hash_table_lookup (im->source_ids, wm_emotion_point_get_stage (point));
      WmPersona *to_persona = mapped (im, persona);
      WmStage *to_stage = mapped (im, stage);
      g_autoptr(WmEmotionPoint) copy = NULL;

      /* A point whose persona or stage this map lacks is left out, as is
       * a second one for the same place (two stages of the same name). */
      if ((copy_of (im, persona) == NULL && copy_of (im, stage) == NULL) ||
          to_persona == NULL || to_stage == NULL ||
          wm_document_find_emotion_point (im->document, id_of (to_persona), id_of (to_stage)) != NULL)
        continue;

      copy = copy_point (im, point, to_persona, to_stage);
      append (im->history, points, copy);
    }

  for (guint i = 0; i < im->moments->len; i++)
    {
      WmMoment *moment = im->moments->pdata[i];
      gpointer stage = g_hash_table_lookup (im->source_ids, wm_moment_get_stage (moment));
      g_autoptr(WmMoment) copy = NULL;

      if (copy_of (im, stage) == NULL)
        continue;

      copy = copy_moment (im, moment, mapped (im, stage), mapped_id (im, wm_moment_get_lane (moment)));
      append (im->history, moments, copy);
    }
}

static void
insert_loose_card (Import      *im,
                   const Place *place,
                   gpointer    *after)
{
  g_autoptr(WmElement) copy = wm_edit_copy_element (place->element, FALSE);
  const Place *beside;
  WmLane *lane;
  WmStage *stage;

  if (im->target_card != NULL)
    {
      /* One after the other, after the target. */
      insert_after (im, wm_lane_get_cards (im->target_lane, id_of (im->target_stage)),
                    *after != NULL ? *after : im->target_card, copy);
      *after = copy;
    }
  else if ((beside = original_place (im, place->element)) != NULL)
    insert_after (im, beside->list, beside->element, copy);
  else
    {
      lane = im->target_lane != NULL ? im->target_lane : lane_for_cards (im, WM_LANE (place->parent));
      stage = im->target_stage != NULL ? im->target_stage : stage_for_cards (im, WM_STAGE (place->other));
      append (im->history, wm_lane_get_cards (lane, id_of (stage)), copy);
    }
  g_hash_table_insert (im->copies, place->element, g_steal_pointer (&copy));
}

static void
insert_loose_point (Import      *im,
                    const Place *place)
{
  GListModel *points = wm_document_get_emotion_points (im->document);
  WmPersona *persona = mapped (im, place->parent);
  WmStage *stage = im->target_stage != NULL ? im->target_stage : mapped (im, place->other);
  WmEmotionPoint *existing = wm_document_find_emotion_point (im->document, id_of (persona), id_of (stage));
  g_autoptr(WmEmotionPoint) copy = copy_point (im, WM_EMOTION_POINT (place->element), persona, stage);
  guint position = g_list_model_get_n_items (points);

  /* One point per persona and stage: the pasted one takes its place. */
  if (existing != NULL && find_item (points, existing, &position))
    {
      g_hash_table_add (im->dropped, existing);
      wm_history_remove (im->history, points, position);
    }
  wm_history_insert (im->history, points, position, copy);
  g_hash_table_insert (im->copies, place->element, g_steal_pointer (&copy));
}

static void
insert_loose_moment (Import      *im,
                     const Place *place)
{
  WmMoment *moment = WM_MOMENT (place->element);
  WmStage *stage = im->target_stage != NULL ? im->target_stage : mapped (im, place->parent);
  WmLane *lane = im->target != NULL && im->target_lane != NULL ?
                 im->target_lane : mapped_id (im, wm_moment_get_lane (moment));
  g_autoptr(WmMoment) copy = copy_moment (im, moment, stage, lane);
  const Place *beside = original_place (im, moment);

  insert_after (im, wm_document_get_moments (im->document), beside != NULL ? beside->element : NULL, copy);
  g_hash_table_insert (im->copies, moment, g_steal_pointer (&copy));
}

static void
insert_loose_evidence (Import      *im,
                       const Place *place)
{
  g_autoptr(WmElement) copy = wm_edit_copy_element (place->element, FALSE);
  const Place *beside;

  if (im->target != NULL)
    append (im->history, wm_element_get_evidence (im->target), copy);
  else if ((beside = original_place (im, place->element)) != NULL)
    insert_after (im, beside->list, beside->element, copy);
  g_hash_table_insert (im->copies, place->element, g_steal_pointer (&copy));
}

/**
 * wm_edit_insert_copies:
 * @source: the map @elements are in: @document, or another one (a fragment
 *   read from the clipboard, another window's map)
 * @elements: elements of @source, of any kinds
 * @target: (nullable): an element of @document the copies go by; one
 *   that is not in @document counts as none
 *
 * Inserts copies of @elements, with new ids, into @document, as one step.
 * Each copy comes with what is inside its original (a stage's cards in
 * every lane, emotion points and moments of truth; a lane's cards; a
 * persona's emotion points; anything's evidence). What a copy refers to is
 * the element copied with it, else the one of @document with the same id,
 * else one with the same name (a lane: kind and title, else kind), else,
 * for a stage, the one at the same place.
 *
 * Where copies go: stages after @target's stage, lanes after @target's
 * lane, one after the other, else at the end; personas at the end; cards
 * after a @target card, else into @target's lane or stage, else into the
 * cell of the same lane (a new one like it if there is none) and stage (or
 * the last); moments of truth and emotion scores at @target's stage, else
 * their own (a score replaces the persona's one there); evidence on
 * @target. Without a target, a copy whose original is in @document goes
 * right after it: that is duplicating.
 *
 * Returns: (transfer full) (element-type WmElement): the copies of
 *   @elements, in document order; or %NULL, changing nothing, with @error
 *   set in %WM_EDIT_ERROR when some cannot go anywhere in @document or
 *   there is nothing to copy
 */
GPtrArray *
wm_edit_insert_copies (WmDocument  *document,
                       WmDocument  *source,
                       GListModel  *elements,
                       WmElement   *target,
                       GError     **error)
{
  g_auto(Import) im = { 0 };
  GListModel *stages;
  GPtrArray *result;
  gpointer after = NULL;
  guint n_stages;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (source), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (elements), NULL);
  g_return_val_if_fail (target == NULL || WM_IS_ELEMENT (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A stale target (the focus of a window, deleted since) is none. */
  if (target != NULL && target != WM_ELEMENT (document) && !find_place (document, target, NULL))
    target = NULL;

  im.document = document;
  im.source = source;
  im.history = wm_document_get_history (document);
  im.target = target;
  im.roots = collect_roots (source, elements);
  if (im.roots->len == 0)
    {
      g_set_error_literal (error, WM_EDIT_ERROR, WM_EDIT_ERROR_NOTHING, _("There is nothing to paste"));
      return NULL;
    }

  im.stages = snapshot (wm_document_get_stages (source));
  im.lanes = snapshot (wm_document_get_lanes (source));
  im.points = snapshot (wm_document_get_emotion_points (source));
  im.moments = snapshot (wm_document_get_moments (source));
  im.source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  im.copies = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  im.map = g_hash_table_new (NULL, NULL);
  im.dropped = g_hash_table_new (NULL, NULL);
  stages = wm_document_get_stages (document);
  n_stages = g_list_model_get_n_items (stages);
  im.last_stage = n_stages > 0 ? wm_document_peek (stages, n_stages - 1) : NULL;
  if (target != NULL)
    locate_target (&im);
  else
    {
      im.originals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      walk (document, remember_original, &im);
    }

  copy_tops (&im);
  if (!check_places (&im, error))
    return NULL;

  wm_history_begin (im.history, _("Paste"));
  insert_tops (&im, WM_TYPE_PERSONA, wm_document_get_personas (document), NULL);
  insert_tops (&im, WM_TYPE_STAGE, stages, im.target_stage);
  insert_tops (&im, WM_TYPE_LANE, wm_document_get_lanes (document), im.target_lane);
  insert_cells (&im);
  insert_contents (&im);
  for (guint i = 0; i < im.roots->len; i++)
    {
      const Place *place = &g_array_index (im.roots, Place, i);

      if (WM_IS_CARD (place->element))
        insert_loose_card (&im, place, &after);
      else if (WM_IS_EMOTION_POINT (place->element))
        insert_loose_point (&im, place);
      else if (WM_IS_MOMENT (place->element))
        insert_loose_moment (&im, place);
      else if (WM_IS_EVIDENCE (place->element))
        insert_loose_evidence (&im, place);
    }
  wm_history_end (im.history);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < im.roots->len; i++)
    {
      gpointer copy = copy_of (&im, g_array_index (im.roots, Place, i).element);

      if (copy != NULL && !g_hash_table_contains (im.dropped, copy))
        g_ptr_array_add (result, g_object_ref (copy));
    }

  return result;
}

/**
 * wm_edit_duplicate:
 * @elements: elements of @document, of any kinds
 *
 * Puts a copy of each of @elements, with new ids, right after it: a stage
 * with its cards in every lane, its emotion points and moments of truth; a
 * lane with its cards; a persona (in a colour of its own) with its emotion
 * points; a card in the same cell. An emotion point cannot be duplicated:
 * a persona has one per stage. One step.
 *
 * Returns: (transfer full) (element-type WmElement): the copies
 */
GPtrArray *
wm_edit_duplicate (WmDocument *document,
                   GListModel *elements)
{
  g_autoptr(GListStore) originals = NULL;
  WmHistory *history;
  GPtrArray *copies;
  guint n;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (elements), NULL);

  originals = g_list_store_new (WM_TYPE_ELEMENT);
  n = g_list_model_get_n_items (elements);
  for (guint i = 0; i < n; i++)
    {
      WmElement *element = wm_document_peek (elements, i);

      if (!WM_IS_EMOTION_POINT (element))
        g_list_store_append (originals, element);
    }

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Duplicate"));
  copies = wm_edit_insert_copies (document, document, G_LIST_MODEL (originals), NULL, NULL);
  wm_history_end (history);

  return copies != NULL ? copies : g_ptr_array_new_with_free_func (g_object_unref);
}

/* The MIME type of a picture a map may keep, judged from its bytes alone as
 * the file format judges them, whatever the file's name says. */
static const char *
picture_type (GBytes *bytes)
{
  static const char * const accepted[] = { "image/png", "image/jpeg", "image/svg+xml", NULL };
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autofree char *content_type = g_content_type_guess (NULL, data, size, NULL);
  g_autofree char *mime_type = g_content_type_get_mime_type (content_type);

  for (guint i = 0; accepted[i] != NULL; i++)
    if (g_strcmp0 (mime_type, accepted[i]) == 0)
      return accepted[i];

  return NULL;
}

/**
 * wm_edit_set_picture:
 * @bytes: the contents of a picture file, from anywhere
 *
 * Makes @bytes @persona's picture, as one step, if it is a PNG, JPEG or SVG
 * picture that is not too large and decodes with the safe decoder the map
 * is drawn with. Otherwise the persona stays as it was and @error says why,
 * as the end of a sentence ("it is not a PNG, JPEG or SVG picture.").
 *
 * Returns: whether the picture was taken
 */
gboolean
wm_edit_set_picture (WmDocument  *document,
                     WmPersona   *persona,
                     GBytes      *bytes,
                     GError     **error)
{
  const char *mime_type;
  g_autoptr(WmPicture) picture = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (WM_IS_PERSONA (persona), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (g_bytes_get_size (bytes) > WM_EDIT_MAX_PICTURE_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("the picture is larger than %d MB, too large to keep in the map."),
                   WM_EDIT_MAX_PICTURE_BYTES / (1024 * 1024));
      return FALSE;
    }

  mime_type = picture_type (bytes);
  if (mime_type == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("it is not a PNG, JPEG or SVG picture."));
      return FALSE;
    }

  picture = wm_picture_new (bytes, mime_type, error);
  if (picture == NULL)
    return FALSE;

  wm_history_set (wm_document_get_history (document), persona,
                  "picture", bytes,
                  "picture-type", mime_type,
                  NULL);
  return TRUE;
}
