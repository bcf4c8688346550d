/* wm-drop.c: where a dragged thing would land on a map, and putting it there.
 *
 * Everything here works from the layout's public geometry: the rectangles
 * of headers, cards and legend entries. A stage dropped between two stage
 * headers goes between them, in reading order, so a right-to-left map is
 * handled by asking which side of each header the pointer is on.
 */
#include "wm-drop.h"

#include <math.h>

#include "wm-card.h"
#include "wm-edit.h"
#include "wm-emotion-point.h"
#include "wm-labels.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"

#define LINE_WIDTH 4.0
#define GAP 6.0 /* where a card goes into an empty cell, below its top */
#define POINT_SIZE 18.0

static WmRect
vertical_line (double x,
               double top,
               double bottom)
{
  return (WmRect) { x - LINE_WIDTH / 2, top, LINE_WIDTH, MAX (bottom - top, LINE_WIDTH) };
}

static WmRect
horizontal_line (double left,
                 double right,
                 double y)
{
  return (WmRect) { left, y - LINE_WIDTH / 2, MAX (right - left, LINE_WIDTH), LINE_WIDTH };
}

/* Before which of @list's elements (their rectangles laid along one axis)
 * a thing dropped at @coordinate goes, and where the line between them is.
 * @reverse: the list reads from the high coordinates to the low ones. */
static guint
slot_along (WmLayout   *layout,
            GListModel *list,
            gboolean    horizontal,
            gboolean    reverse,
            double      coordinate,
            double     *boundary)
{
  guint n = g_list_model_get_n_items (list);
  guint slot = 0;
  double before_end = NAN, after_start = NAN;

  for (guint i = 0; i < n; i++)
    {
      WmRect rect;
      double start, end, centre;

      if (!wm_layout_get_element_rect (layout, wm_document_peek (list, i), &rect))
        continue;
      start = horizontal ? rect.x : rect.y;
      end = start + (horizontal ? rect.width : rect.height);
      if (reverse)
        {
          double swap = -start;

          start = -end;
          end = swap;
        }
      centre = (start + end) / 2;

      if ((reverse ? -coordinate : coordinate) > centre)
        {
          slot = i + 1;
          before_end = end;
          after_start = NAN;
        }
      else if (isnan (after_start))
        after_start = start;
    }

  if (!isnan (before_end) && !isnan (after_start))
    *boundary = (before_end + after_start) / 2;
  else
    *boundary = !isnan (before_end) ? before_end : after_start;
  if (reverse)
    *boundary = -*boundary;
  return slot;
}

/* The extent of the map's columns and rows: from the first stage header or
 * lane header to the last. */
static void
grid_extent (WmLayout *layout,
             WmRect   *extent)
{
  WmDocument *document = wm_layout_get_document (layout);
  GListModel *lists[] = { wm_document_get_stages (document), wm_document_get_lanes (document) };
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        WmRect rect;

        if (!wm_layout_get_element_rect (layout, wm_document_peek (lists[l], i), &rect))
          continue;
        left = MIN (left, rect.x);
        top = MIN (top, rect.y);
        right = MAX (right, rect.x + rect.width);
        bottom = MAX (bottom, rect.y + rect.height);
      }

  if (left > right)
    *extent = (WmRect) { 0, 0, wm_layout_get_width (layout), wm_layout_get_height (layout) };
  else
    *extent = (WmRect) { left, top, right - left, bottom - top };
}

/* Between two stage headers (@horizontal) or two lane headers: the slot
 * at @coordinate, and a line there across the whole grid. */
static gboolean
locate_slot (WmLayout   *layout,
             GListModel *list,
             gboolean    horizontal,
             double      coordinate,
             WmDrop     *drop)
{
  WmRect grid;
  double boundary;

  grid_extent (layout, &grid);
  drop->position = slot_along (layout, list, horizontal, horizontal && wm_layout_is_rtl (layout),
                               coordinate, &boundary);
  if (isnan (boundary))
    {
      drop->mark = WM_DROP_MARK_AREA;
      drop->marker = grid;
    }
  else if (horizontal)
    drop->marker = vertical_line (boundary, grid.y, grid.y + grid.height);
  else
    drop->marker = horizontal_line (grid.x, grid.x + grid.width, boundary);
  return TRUE;
}

static gboolean
locate_cell (WmLayout *layout,
             double    x,
             double    y,
             WmDrop   *drop)
{
  WmLane *lane;
  WmStage *stage;
  guint index;
  GListModel *cards;
  guint n;
  WmRect cell, card;
  double line_y;

  if (!wm_layout_cell_at (layout, x, y, &lane, &stage, &index) || !wm_lane_has_cells (lane) ||
      !wm_layout_get_cell_rect (layout, lane, stage, &cell))
    return FALSE;

  cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));
  n = g_list_model_get_n_items (cards);
  index = MIN (index, n);
  if (index < n && wm_layout_get_element_rect (layout, wm_document_peek (cards, index), &card))
    {
      WmRect above;

      line_y = card.y - GAP / 2;
      if (index > 0 && wm_layout_get_element_rect (layout, wm_document_peek (cards, index - 1), &above))
        line_y = (above.y + above.height + card.y) / 2;
    }
  else if (n > 0 && wm_layout_get_element_rect (layout, wm_document_peek (cards, n - 1), &card))
    line_y = card.y + card.height + GAP / 2;
  else
    line_y = cell.y + GAP;

  drop->place = WM_DROP_INTO_CELL;
  drop->lane = lane;
  drop->stage = stage;
  drop->position = index;
  drop->marker = horizontal_line (cell.x + GAP, cell.x + cell.width - GAP, line_y);
  return TRUE;
}

/* The stage whose column is at @x, and that column's rectangle. */
static WmStage *
stage_column_at (WmLayout *layout,
                 double    x,
                 WmRect   *column)
{
  GListModel *stages = wm_document_get_stages (wm_layout_get_document (layout));
  WmRect grid;

  grid_extent (layout, &grid);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      WmStage *stage = wm_document_peek (stages, i);
      WmRect rect;

      if (wm_layout_get_element_rect (layout, stage, &rect) && x >= rect.x && x < rect.x + rect.width)
        {
          *column = (WmRect) { rect.x, rect.y, rect.width, grid.y + grid.height - rect.y };
          return stage;
        }
    }
  return NULL;
}

static gboolean
locate_moment (WmLayout *layout,
               double    x,
               double    y,
               WmDrop   *drop)
{
  WmLane *lane = NULL;
  WmStage *stage = NULL;

  drop->mark = WM_DROP_MARK_AREA;
  if (wm_layout_cell_at (layout, x, y, &lane, &stage, NULL) && wm_lane_has_cells (lane) &&
      wm_layout_get_cell_rect (layout, lane, stage, &drop->marker))
    {
      drop->lane = lane;
    }
  else
    {
      stage = stage_column_at (layout, x, &drop->marker);
      if (stage == NULL)
        return FALSE;
    }

  drop->place = WM_DROP_ONTO_STAGE;
  drop->stage = stage;
  return TRUE;
}

/* A new persona joins the end of the legend, whatever the point: the
 * legend has its own order, and one place where entries are added. */
static gboolean
locate_legend (WmLayout *layout,
               WmDrop   *drop)
{
  WmDocument *document = wm_layout_get_document (layout);
  GListModel *personas = wm_document_get_personas (document);
  guint n = g_list_model_get_n_items (personas);
  WmRect rect;

  drop->place = WM_DROP_INTO_LEGEND;
  drop->position = n;
  if (n > 0 && wm_layout_get_element_rect (layout, wm_document_peek (personas, n - 1), &rect))
    {
      double edge = wm_layout_is_rtl (layout) ? rect.x - GAP : rect.x + rect.width + GAP;

      drop->marker = vertical_line (edge, rect.y, rect.y + rect.height);
    }
  else
    {
      drop->mark = WM_DROP_MARK_AREA;
      if (!wm_layout_get_element_rect (layout, document, &drop->marker))
        drop->marker = (WmRect) { 0, 0, wm_layout_get_width (layout), wm_layout_get_height (layout) };
    }
  return TRUE;
}

static void
clear (WmDrop *drop)
{
  *drop = (WmDrop) { .place = WM_DROP_NOWHERE, .mark = WM_DROP_MARK_LINE };
}

/**
 * wm_drop_locate:
 * @type: %WM_TYPE_STAGE, %WM_TYPE_LANE, %WM_TYPE_CARD, %WM_TYPE_MOMENT or
 *   %WM_TYPE_PERSONA
 *
 * Returns: whether something of @type can be dropped at (@x, @y); @drop
 *   says where it would go.
 */
gboolean
wm_drop_locate (WmLayout *layout,
                GType     type,
                double    x,
                double    y,
                WmDrop   *drop)
{
  g_return_val_if_fail (WM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (drop != NULL, FALSE);

  wm_layout_update (layout);
  clear (drop);
  if (type == WM_TYPE_STAGE)
    {
      drop->place = WM_DROP_BETWEEN_STAGES;
      return locate_slot (layout, wm_document_get_stages (wm_layout_get_document (layout)), TRUE, x, drop);
    }
  if (type == WM_TYPE_LANE)
    {
      drop->place = WM_DROP_BETWEEN_LANES;
      return locate_slot (layout, wm_document_get_lanes (wm_layout_get_document (layout)), FALSE, y, drop);
    }
  if (type == WM_TYPE_CARD)
    return locate_cell (layout, x, y, drop);
  if (type == WM_TYPE_MOMENT)
    return locate_moment (layout, x, y, drop);
  if (type == WM_TYPE_PERSONA)
    return locate_legend (layout, drop);

  g_return_val_if_reached (FALSE);
}

gboolean
wm_drop_locate_picture (WmLayout *layout,
                        double    x,
                        double    y,
                        WmDrop   *drop)
{
  gpointer element;

  g_return_val_if_fail (WM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (drop != NULL, FALSE);

  wm_layout_update (layout);
  clear (drop);
  element = wm_layout_hit_test (layout, x, y);
  if (!WM_IS_PERSONA (element) || !wm_layout_get_element_rect (layout, element, &drop->marker))
    return FALSE;

  drop->place = WM_DROP_ONTO_PERSONA;
  drop->persona = element;
  drop->mark = WM_DROP_MARK_AREA;
  return TRUE;
}

/* The height of @score on @lane's curves: the layout gives the score at a
 * height, which falls as the height grows, so the inverse is a bisection. */
static double
height_of_score (WmLayout *layout,
                 WmLane   *lane,
                 double    score)
{
  WmRect row;
  double top, bottom;

  if (!wm_layout_get_element_rect (layout, lane, &row))
    return 0;
  top = row.y;
  bottom = row.y + row.height;
  for (int i = 0; i < 40; i++)
    {
      double middle = (top + bottom) / 2;

      if (wm_layout_score_at (layout, lane, middle) > score)
        top = middle;
      else
        bottom = middle;
    }
  return (top + bottom) / 2;
}

static gboolean
is_curve_lane (WmLane *lane)
{
  return WM_IS_LANE (lane) && wm_lane_get_kind (lane) == WM_LANE_KIND_EMOTION_CURVE;
}

gboolean
wm_drop_locate_score (WmLayout  *layout,
                      WmLane    *lane,
                      WmPersona *persona,
                      WmStage   *stage,
                      double     y,
                      WmDrop    *drop)
{
  WmRect header;

  g_return_val_if_fail (WM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (WM_IS_PERSONA (persona), FALSE);
  g_return_val_if_fail (WM_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (drop != NULL, FALSE);

  wm_layout_update (layout);
  clear (drop);
  if (!is_curve_lane (lane) || !wm_layout_get_element_rect (layout, stage, &header))
    return FALSE;

  drop->place = WM_DROP_AT_SCORE;
  drop->lane = lane;
  drop->persona = persona;
  drop->stage = stage;
  drop->score = round (wm_layout_score_at (layout, lane, y));
  drop->mark = WM_DROP_MARK_POINT;
  drop->marker = (WmRect) { header.x + header.width / 2 - POINT_SIZE / 2,
                            height_of_score (layout, lane, drop->score) - POINT_SIZE / 2,
                            POINT_SIZE, POINT_SIZE };
  return TRUE;
}

gboolean
wm_drop_locate_new_point (WmLayout *layout,
                          double    x,
                          double    y,
                          WmDrop   *drop)
{
  WmDocument *document;
  GListModel *personas;
  WmLane *lane;
  WmStage *stage;
  WmPersona *only;

  g_return_val_if_fail (WM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (drop != NULL, FALSE);

  wm_layout_update (layout);
  clear (drop);
  if (!wm_layout_cell_at (layout, x, y, &lane, &stage, NULL) || !is_curve_lane (lane))
    return FALSE;

  document = wm_layout_get_document (layout);
  personas = wm_document_get_personas (document);
  only = wm_document_find (personas, wm_lane_get_persona (lane), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      WmPersona *persona = wm_document_peek (personas, i);

      if (only != NULL && persona != only)
        continue;
      if (wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (persona)),
                                          wm_element_get_id (WM_ELEMENT (stage))) == NULL)
        return wm_drop_locate_score (layout, lane, persona, stage, y, drop);
    }
  return FALSE;
}

static guint
position_in (GListModel *list,
             gpointer    element)
{
  guint position = G_MAXUINT;

  wm_document_find (list, wm_element_get_id (element), &position);
  return position;
}

/* A slot counts the places between elements: the element itself at @from
 * leaves one of them, so moving it to a slot after it is one less. Slots
 * on either side of it leave it where it is. */
static gboolean
slot_to_position (guint  from,
                  guint  slot,
                  guint *to)
{
  if (from == G_MAXUINT || slot == from || slot == from + 1)
    return FALSE;
  *to = slot > from ? slot - 1 : slot;
  return TRUE;
}

void
wm_drop_move (WmDocument   *document,
              const WmDrop *drop,
              WmElement    *element)
{
  guint to;

  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (drop != NULL);
  g_return_if_fail (WM_IS_ELEMENT (element));

  switch (drop->place)
    {
    case WM_DROP_BETWEEN_STAGES:
      if (WM_IS_STAGE (element) &&
          slot_to_position (position_in (wm_document_get_stages (document), element), drop->position, &to))
        wm_edit_move_stage (document, WM_STAGE (element), to);
      break;
    case WM_DROP_BETWEEN_LANES:
      if (WM_IS_LANE (element) &&
          slot_to_position (position_in (wm_document_get_lanes (document), element), drop->position, &to))
        wm_edit_move_lane (document, WM_LANE (element), to);
      break;
    case WM_DROP_INTO_CELL:
      if (WM_IS_CARD (element))
        {
          WmLane *lane;
          WmStage *stage;
          guint from;

          if (!wm_edit_find_card (document, WM_CARD (element), &lane, &stage, &from))
            break;
          if (lane != drop->lane || stage != drop->stage)
            wm_edit_move_card (document, WM_CARD (element), drop->lane, drop->stage, drop->position);
          else if (slot_to_position (from, drop->position, &to))
            wm_edit_move_card (document, WM_CARD (element), lane, stage, to);
        }
      break;
    case WM_DROP_ONTO_STAGE:
      if (WM_IS_MOMENT (element))
        {
          WmMoment *moment = WM_MOMENT (element);

          if (g_strcmp0 (wm_moment_get_stage (moment), wm_element_get_id (WM_ELEMENT (drop->stage))) != 0 ||
              g_strcmp0 (wm_moment_get_lane (moment),
                         drop->lane != NULL ? wm_element_get_id (WM_ELEMENT (drop->lane)) : NULL) != 0)
            wm_edit_move_moment (document, moment, drop->stage, drop->lane);
        }
      break;
    case WM_DROP_AT_SCORE:
      if (WM_IS_EMOTION_POINT (element) &&
          wm_emotion_point_get_score (WM_EMOTION_POINT (element)) != drop->score)
        wm_edit_set_score (document, drop->persona, drop->stage, drop->score);
      break;
    case WM_DROP_NOWHERE:
    case WM_DROP_INTO_LEGEND:
    case WM_DROP_ONTO_PERSONA:
    default:
      break;
    }
}

WmElement *
wm_drop_add (WmDocument   *document,
             const WmDrop *drop,
             GType         type,
             WmLaneKind    kind)
{
  const char *name = type == WM_TYPE_LANE ? wm_labels_lane_kind (kind) : wm_labels_new_element (type);

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (drop != NULL, NULL);

  switch (drop->place)
    {
    case WM_DROP_BETWEEN_STAGES:
      if (type == WM_TYPE_STAGE)
        return WM_ELEMENT (wm_edit_add_stage (document, drop->position, name));
      break;
    case WM_DROP_BETWEEN_LANES:
      if (type == WM_TYPE_LANE)
        return WM_ELEMENT (wm_edit_add_lane (document, drop->position, kind, name));
      break;
    case WM_DROP_INTO_CELL:
      if (type == WM_TYPE_CARD)
        return WM_ELEMENT (wm_edit_add_card (document, drop->lane, drop->stage, drop->position, name));
      break;
    case WM_DROP_ONTO_STAGE:
      if (type == WM_TYPE_MOMENT)
        return WM_ELEMENT (wm_edit_add_moment (document, drop->stage, drop->lane, name));
      break;
    case WM_DROP_INTO_LEGEND:
      if (type == WM_TYPE_PERSONA)
        return WM_ELEMENT (wm_edit_add_persona (document, name));
      break;
    case WM_DROP_AT_SCORE:
      if (type == WM_TYPE_EMOTION_POINT)
        return WM_ELEMENT (wm_edit_set_score (document, drop->persona, drop->stage, drop->score));
      break;
    case WM_DROP_NOWHERE:
    case WM_DROP_ONTO_PERSONA:
    default:
      break;
    }
  return NULL;
}
