/* wm-layout-query.c: what is where on a laid-out map, for the canvas and
 * the painter.
 */
#include "wm-layout-internal.h"

#include "wm-card.h"

/**
 * wm_box_place:
 * @relative: a rectangle measured from the box's start edge
 *
 * Where a primitive of @box is: the start edge is the left one, or the
 * right one when the map runs right to left.
 */
void
wm_box_place (const WmBox  *box,
              gboolean      rtl,
              const WmRect *relative,
              WmRect       *absolute)
{
  absolute->x = rtl ? box->rect.x + box->rect.width - relative->x - relative->width
                    : box->rect.x + relative->x;
  absolute->y = box->rect.y + relative->y;
  absolute->width = relative->width;
  absolute->height = relative->height;
}


/**
 * wm_layout_get_element_rect:
 * @element: the document (its title block), a persona (its legend entry),
 *   a stage or a lane (its header), a card, an emotion point or a moment
 *
 * Returns: whether @element is on the map; @rect is set only then.
 */
gboolean
wm_layout_get_element_rect (WmLayout *self,
                            gpointer  element,
                            WmRect   *rect)
{
  WmRect *found;
  WmRow *row;

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  found = g_hash_table_lookup (self->rects, element);
  if (found == NULL)
    return FALSE;

  *rect = *found;
  row = g_hash_table_lookup (self->rows_of, element);
  if (row != NULL)
    rect->y += row->rect.y;
  return TRUE;
}

static gboolean
rect_contains (const WmRect *rect,
               double        x,
               double        y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

/* The stage column under @x, or -1. */
static int
column_at (WmLayout *self,
           double    x)
{
  double offset = (self->rtl ? self->width - x : x) - self->columns_x;
  double step = COL_W + COL_GAP;
  int index;

  if (offset < 0)
    return -1;
  index = (int) (offset / step);
  if (index >= (int) self->n_stages || offset - index * step >= COL_W)
    return -1;
  return index;
}

/* The row under @y, or NULL: rows are in order, so a binary search. */
static WmRow *
row_at (WmLayout *self,
        double    y)
{
  guint low = 0, high = self->rows->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      WmRow *row = g_ptr_array_index (self->rows, mid);

      if (y < row->rect.y)
        high = mid;
      else if (y >= row->rect.y + row->rect.height)
        low = mid + 1;
      else
        return row;
    }

  return NULL;
}

/**
 * wm_layout_hit_test:
 *
 * Returns: (transfer none) (nullable): the innermost element at (@x, @y):
 *   an emotion point, a card or a moment in a cell, a lane or stage header,
 *   a persona's legend entry, or the document for its title block. An empty
 *   part of a cell gives %NULL: see wm_layout_cell_at().
 */
gpointer
wm_layout_hit_test (WmLayout *self,
                    double    x,
                    double    y)
{
  WmRow *row;
  int column;

  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);

  for (guint i = 0; i < self->legend->len; i++)
    {
      WmBox *box = g_ptr_array_index (self->legend, i);

      if (rect_contains (&box->rect, x, y))
        return box->element;
    }
  if (self->title != NULL && rect_contains (&self->title->rect, x, y))
    return self->title->element;

  column = column_at (self, x);
  if (column >= 0)
    {
      WmBox *box = g_ptr_array_index (self->stage_boxes, column);

      if (rect_contains (&box->rect, x, y))
        return box->element;
    }

  row = row_at (self, y);
  if (row == NULL)
    return NULL;
  /* Inside the row, y is measured from its top. */
  y -= row->rect.y;
  if (rect_contains (&row->header->rect, x, y))
    return row->header->element;
  if (column < 0)
    return NULL;

  if (row->curves != NULL)
    for (guint c = 0; c < row->curves->len; c++)
      {
        WmCurve *curve = g_ptr_array_index (row->curves, c);

        for (guint i = 0; i < curve->points->len; i++)
          {
            WmCurvePoint *cp = &g_array_index (curve->points, WmCurvePoint, i);
            /* A little more than the marker, for fingers and quick hands. */
            WmRect target = { cp->rect.x - 4, cp->rect.y - 4, cp->rect.width + 8, cp->rect.height + 8 };

            if (rect_contains (&target, x, y))
              return cp->point;
          }
      }

  {
    GPtrArray *cell = g_ptr_array_index (row->cells, column);

    for (guint i = 0; i < cell->len; i++)
      {
        WmBox *box = g_ptr_array_index (cell, i);

        if (rect_contains (&box->rect, x, y))
          return box->element;
      }
  }

  return NULL;
}

/**
 * wm_layout_get_cell_rect:
 *
 * Returns: whether @lane and @stage are on the map; @rect, the cell where
 *   the lane's cards in that stage are, is set only then.
 */
gboolean
wm_layout_get_cell_rect (WmLayout *self,
                         WmLane   *lane,
                         WmStage  *stage,
                         WmRect   *rect)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  for (guint s = 0; s < self->stage_boxes->len; s++)
    {
      if (((WmBox *) g_ptr_array_index (self->stage_boxes, s))->element != (gpointer) stage)
        continue;

      for (guint r = 0; r < self->rows->len; r++)
        {
          WmRow *row = g_ptr_array_index (self->rows, r);

          if (row->lane != NULL && row->lane == lane)
            {
              wm_layout_cell_rect (self, row, s, rect);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * wm_layout_cell_at:
 * @lane: (out) (transfer none) (optional): the lane of the cell
 * @stage: (out) (transfer none) (optional): its stage
 * @index: (out) (optional): where in the cell's list of cards a card
 *   dropped at (@x, @y) would go
 *
 * For drops and double clicks: the cell at a point. In an emotion curve
 * lane, which holds no cards, it tells the stage (for adding a point).
 *
 * Returns: whether there is a lane's cell at (@x, @y).
 */
gboolean
wm_layout_cell_at (WmLayout  *self,
                   double     x,
                   double     y,
                   WmLane   **lane,
                   WmStage  **stage,
                   guint     *index)
{
  WmRow *row;
  GPtrArray *cell;
  guint cards = 0;
  int column;

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);

  column = column_at (self, x);
  row = row_at (self, y);
  if (column < 0 || row == NULL || row->lane == NULL)
    return FALSE;

  cell = g_ptr_array_index (row->cells, column);
  for (guint i = 0; i < cell->len; i++)
    {
      WmBox *box = g_ptr_array_index (cell, i);

      if (WM_IS_CARD (box->element) && row->rect.y + box->rect.y + box->rect.height / 2 < y)
        cards++;
    }

  if (lane != NULL)
    *lane = row->lane;
  if (stage != NULL)
    *stage = ((WmBox *) g_ptr_array_index (self->stage_boxes, column))->element;
  if (index != NULL)
    *index = cards;
  return TRUE;
}

/**
 * wm_layout_score_at:
 * @lane: an emotion curve lane
 *
 * For dragging an emotion point: the score at height @y of @lane's curves,
 * within the document's scale and not rounded.
 *
 * Returns: the score, or the bottom of the scale when @lane is not an
 *   emotion curve on the map.
 */
double
wm_layout_score_at (WmLayout *self,
                    WmLane   *lane,
                    double    y)
{
  double min, max;

  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);

  min = wm_document_get_scale_min (self->document);
  max = wm_document_get_scale_max (self->document);

  for (guint r = 0; r < self->rows->len; r++)
    {
      WmRow *row = g_ptr_array_index (self->rows, r);

      if (row->lane == lane && row->curves != NULL && row->band.height > 0)
        return CLAMP (max - (y - row->rect.y - row->band.y) / row->band.height * (max - min),
                      MIN (min, max), MAX (min, max));
    }

  return min;
}

/* For the painter */

WmBox *
wm_layout_get_title (WmLayout *self)
{
  return self->title;
}

GPtrArray *
wm_layout_get_legend (WmLayout *self)
{
  return self->legend;
}

GPtrArray *
wm_layout_get_stage_boxes (WmLayout *self)
{
  return self->stage_boxes;
}

GPtrArray *
wm_layout_get_rows (WmLayout *self)
{
  return self->rows;
}

/* The box @element is drawn as: a card, a moment, a header, a legend entry. */
WmBox *
wm_layout_get_box (WmLayout *self,
                   gpointer  element)
{
  return g_hash_table_lookup (self->boxes, element);
}

WmRow *
wm_layout_get_row_of (WmLayout *self,
                      gpointer  element)
{
  return g_hash_table_lookup (self->rows_of, element);
}
