/* wm-layout-place.c: where everything goes on the map.
 *
 * From top to bottom a map has a title block, a legend of its personas, a
 * row of stage headers, and one row per lane: a header at the row's start,
 * then one cell per stage holding the lane's cards (or, for an emotion
 * curve lane, the personas' curves over the emotion scale). Moments of
 * truth are markers in the cell of their lane and stage; those that name no
 * lane go to the first moments-of-truth lane, or to a row of their own.
 *
 * Stage columns have one width, so a column is found by arithmetic; rows are
 * as tall as their fullest cell. Everything is first placed from the start
 * edge and then mirrored when the map runs right to left. Inside a row, y
 * is measured from the row's top: when an edited card grows, its cell is
 * stacked again and the rows under it move, and nothing else changes.
 */
#include "wm-layout-internal.h"

#include <math.h>

#include "wm-card.h"

/* What one pass knows of the map. */
typedef struct
{
  GPtrArray *personas;
  GPtrArray *stages;
  GPtrArray *lanes;
  GPtrArray *moments;
  GHashTable *persona_index; /* id → position + 1 */
  GHashTable *stage_index;   /* id → position + 1 */
  GHashTable *lane_index;    /* id → position + 1 */
  GHashTable *points;        /* "persona id\nstage id" → WmEmotionPoint */
} Pass;

/* Direction */

static gboolean
resolve_rtl (WmDocument *document)
{
  GListModel *lists[] = { wm_document_get_stages (document), wm_document_get_lanes (document) };
  PangoDirection dir;

  switch (wm_document_get_direction (document))
    {
    case WM_DIRECTION_LTR:
      return FALSE;
    case WM_DIRECTION_RTL:
      return TRUE;
    case WM_DIRECTION_AUTO:
    default:
      break;
    }

  /* The title says most about the language of the map; then the stage
   * names, then the lane titles. */
  dir = wm_layout_text_direction (wm_document_get_title (document));
  for (guint l = 0; l < G_N_ELEMENTS (lists) && dir == PANGO_DIRECTION_NEUTRAL; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]) && dir == PANGO_DIRECTION_NEUTRAL; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);

        dir = wm_layout_text_direction (WM_IS_STAGE (item) ? wm_stage_get_name (WM_STAGE (item))
                                        : wm_lane_get_title (WM_LANE (item)));
      }

  return dir == PANGO_DIRECTION_RTL;
}

static void
set_rtl (WmLayout *self,
         gboolean  rtl)
{
  GHashTableIter iter;
  CardEntry *entry;

  if (self->rtl == rtl)
    return;

  /* Alignment and arrows follow the direction: every text is remeasured. */
  self->rtl = rtl;
  pango_context_set_base_dir (self->context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  wm_layout_labels_clear (self);
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    entry->valid = FALSE;
}

/* Placement */

void
wm_layout_flip (WmLayout *self,
                WmRect   *rect)
{
  if (self->rtl)
    rect->x = self->width - rect->x - rect->width;
}

double
wm_layout_column_x (WmLayout *self,
                    guint     index)
{
  return self->columns_x + index * (COL_W + COL_GAP);
}

/* The cell rectangle of @row at stage @index, mirrored. */
void
wm_layout_cell_rect (WmLayout    *self,
                     const WmRow *row,
                     guint        index,
                     WmRect      *rect)
{
  *rect = (WmRect) { wm_layout_column_x (self, index), row->rect.y, COL_W, row->rect.height };
  wm_layout_flip (self, rect);
}

/* Makes @element's place known, and the box it is drawn as, if any, and
 * the row @rect's y is measured in, if any: the first place counts (an
 * emotion point may be on more than one curve). */
static void
remember (WmLayout *self,
          gpointer  element,
          WmRect   *rect,
          WmBox    *box,
          WmRow    *row)
{
  if (element == NULL || !g_hash_table_insert (self->rects, element, rect))
    return;

  if (box != NULL)
    g_hash_table_insert (self->boxes, element, box);
  if (row != NULL)
    g_hash_table_insert (self->rows_of, element, row);
}

static int
scale_steps (WmDocument *document)
{
  return MAX (1, wm_document_get_scale_max (document) - wm_document_get_scale_min (document));
}

static double
score_y (WmLayout    *self,
         const WmRow *row,
         double       score)
{
  double min = wm_document_get_scale_min (self->document);
  double max = wm_document_get_scale_max (self->document);

  score = CLAMP (score, MIN (min, max), MAX (min, max));
  if (max <= min)
    return row->band.y + row->band.height / 2;
  return row->band.y + (max - score) / (max - min) * row->band.height;
}

/* The scale's levels and the curves of an emotion row, once the row is
 * placed; their y is measured from its top, as its band's is. */
static void
place_curves (WmLayout   *self,
              const Pass *pass,
              WmRow      *row,
              GArray     *curve)
{
  int min = wm_document_get_scale_min (self->document);
  int max = wm_document_get_scale_max (self->document);
  double step = row->band.height / scale_steps (self->document);
  int every = MAX (1, (int) ceil (18 / MAX (step, 1)));

  row->levels = g_array_new (FALSE, TRUE, sizeof (WmLevel));
  for (int s = max; s >= min; s--)
    {
      WmLevel level = { score_y (self, row, s), s == 0, NULL };

      if (s == 0 || s == max || s == min || (s - min) % every == 0)
        {
          level.label = wm_layout_measure_level (self, s);
          level.label->rect.x = wm_layout_column_x (self, 0) + 10;
          level.label->rect.y = level.y - level.label->rect.height - 2;
          wm_layout_flip (self, &level.label->rect);
        }
      g_array_append_val (row->levels, level);
    }

  row->curves = g_ptr_array_new_with_free_func (wm_layout_curve_free);
  for (guint p = 0; p < curve->len; p++)
    {
      guint position = g_array_index (curve, guint, p);
      WmPersona *persona = g_ptr_array_index (pass->personas, position);
      const char *persona_id = wm_element_get_id (WM_ELEMENT (persona));
      WmCurve *line = g_new0 (WmCurve, 1);

      wm_layout_persona_paint (persona, &line->paint);
      line->mark = wm_layout_persona_mark (position);
      line->points = g_array_new (FALSE, TRUE, sizeof (WmCurvePoint));
      g_ptr_array_add (row->curves, line);

      for (guint i = 0; i < pass->stages->len; i++)
        {
          g_autofree char *key = g_strconcat (persona_id, "\n",
                                              wm_element_get_id (g_ptr_array_index (pass->stages, i)), NULL);
          WmEmotionPoint *point = g_hash_table_lookup (pass->points, key);
          const char *label;
          WmCurvePoint cp = { NULL };
          WmRect cell;
          double y;

          if (point == NULL)
            continue;

          wm_layout_cell_rect (self, row, i, &cell);
          y = score_y (self, row, wm_emotion_point_get_score (point));
          cp.point = g_object_ref (point);
          cp.rect = (WmRect) { cell.x + cell.width / 2 - POINT / 2, y - POINT / 2, POINT, POINT };

          label = wm_emotion_point_get_label (point);
          if (label != NULL && *label != '\0')
            {
              /* Over the curves; outside the curve: above a high point,
               * below a low one. */
              cp.label = wm_layout_measure_point_label (self, label);
              cp.label->rect.x = cell.x + cell.width / 2 - cp.label->rect.width / 2;
              cp.label->rect.y = wm_emotion_point_get_score (point) * 2 < min + max
                                 ? y + POINT / 2 + 2
                                 : y - POINT / 2 - 2 - cp.label->rect.height;
            }

          g_array_append_val (line->points, cp);
        }
    }

  /* The rects are remembered once the arrays have stopped growing. */
  for (guint p = 0; p < row->curves->len; p++)
    {
      WmCurve *line = g_ptr_array_index (row->curves, p);

      for (guint i = 0; i < line->points->len; i++)
        {
          WmCurvePoint *cp = &g_array_index (line->points, WmCurvePoint, i);

          remember (self, cp->point, &cp->rect, NULL, row);
        }
    }
}

/* The pass */


/* A row to be: its lane's kind, and for an emotion row, the positions of
 * the personas whose curves it shows. */
typedef struct
{
  WmRow *row;
  WmLaneKind kind;
  GArray *curve;
} RowPlan;

static void
row_plan_clear (gpointer data)
{
  RowPlan *plan = data;

  g_clear_pointer (&plan->row, wm_layout_row_free);
  g_clear_pointer (&plan->curve, g_array_unref);
}

/* The items of @list, listened to. */
static GPtrArray *
collect (WmLayout   *self,
         GListModel *list)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  wm_layout_watch (self, list, "items-changed", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GObject *item = g_list_model_get_item (list, i);

      wm_layout_watch (self, item, "notify", NULL);
      g_ptr_array_add (items, item);
    }

  return items;
}

static GHashTable *
index_by_id (GPtrArray *elements)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < elements->len; i++)
    g_hash_table_insert (index, (gpointer) wm_element_get_id (g_ptr_array_index (elements, i)),
                         GUINT_TO_POINTER (i + 1));
  return index;
}

static void
pass_init (WmLayout *self,
           Pass     *pass)
{
  g_autoptr(GPtrArray) points = NULL;

  wm_layout_watch (self, self->document, "notify", NULL);
  pass->personas = collect (self, wm_document_get_personas (self->document));
  pass->stages = collect (self, wm_document_get_stages (self->document));
  pass->lanes = collect (self, wm_document_get_lanes (self->document));
  pass->moments = collect (self, wm_document_get_moments (self->document));
  points = collect (self, wm_document_get_emotion_points (self->document));

  pass->persona_index = index_by_id (pass->personas);
  pass->stage_index = index_by_id (pass->stages);
  pass->lane_index = index_by_id (pass->lanes);
  pass->points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < points->len; i++)
    {
      WmEmotionPoint *point = g_ptr_array_index (points, i);

      g_hash_table_insert (pass->points,
                           g_strconcat (wm_emotion_point_get_persona (point), "\n",
                                        wm_emotion_point_get_stage (point), NULL),
                           g_object_ref (point));
    }
}

static void
pass_clear (Pass *pass)
{
  g_clear_pointer (&pass->personas, g_ptr_array_unref);
  g_clear_pointer (&pass->stages, g_ptr_array_unref);
  g_clear_pointer (&pass->lanes, g_ptr_array_unref);
  g_clear_pointer (&pass->moments, g_ptr_array_unref);
  g_clear_pointer (&pass->persona_index, g_hash_table_unref);
  g_clear_pointer (&pass->stage_index, g_hash_table_unref);
  g_clear_pointer (&pass->lane_index, g_hash_table_unref);
  g_clear_pointer (&pass->points, g_hash_table_unref);
}

/* The position of the element with @id in @index, or -1. */
static int
position_of (GHashTable *index,
             const char *id)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, id)) - 1;
}

static WmRow *
new_row (WmLane *lane,
         guint   n_stages)
{
  WmRow *row = g_new0 (WmRow, 1);

  row->lane = lane ? g_object_ref (lane) : NULL;
  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_stages; i++)
    g_ptr_array_add (row->cells, g_ptr_array_new ());
  row->cell_heights = g_new0 (double, n_stages);
  return row;
}

/* The measured box of @card, measured again only if it changed. */
CardEntry *
wm_layout_card_entry (WmLayout   *self,
                      WmCard     *card,
                      WmLaneKind  kind)
{
  CardEntry *entry = g_hash_table_lookup (self->cards, card);

  if (entry == NULL)
    {
      entry = g_new0 (CardEntry, 1);
      wm_layout_box_init (&entry->box, card, WM_FRAME_CARD);
      g_hash_table_insert (self->cards, card, entry);
    }

  wm_layout_watch (self, card, "notify", card);
  wm_layout_watch (self, wm_element_get_evidence (WM_ELEMENT (card)), "items-changed", card);
  entry->generation = self->generation;

  if (!entry->valid || entry->kind != kind)
    wm_layout_measure_card (self, entry, kind);

  return entry;
}

/* The title block, then the personas side by side, wrapping; returns where
 * the stage headers go. */
static double
place_title_and_legend (WmLayout   *self,
                        const Pass *pass,
                        double      content_w)
{
  double y = MARGIN, x = 0, line_h = 0;

  self->title = wm_layout_measure_title (self, content_w);
  self->title->rect.x = MARGIN;
  self->title->rect.y = y;
  wm_layout_flip (self, &self->title->rect);
  remember (self, self->document, &self->title->rect, self->title, NULL);
  y += self->title->rect.height + TITLE_GAP;

  for (guint i = 0; i < pass->personas->len; i++)
    {
      WmBox *box = wm_layout_measure_legend_entry (self, g_ptr_array_index (pass->personas, i), i);

      if (x > 0 && x + box->rect.width > content_w)
        {
          x = 0;
          y += line_h + 16;
        }
      box->rect.x = MARGIN + x;
      box->rect.y = y;
      wm_layout_flip (self, &box->rect);
      x += box->rect.width + 36;
      line_h = box->rect.height;
      g_ptr_array_add (self->legend, box);
      remember (self, box->element, &box->rect, box, NULL);
    }

  return pass->personas->len > 0 ? y + line_h + LEGEND_GAP : y;
}

/* The stage headers, all as tall as the tallest; returns where rows go. */
static double
place_stage_headers (WmLayout   *self,
                     const Pass *pass,
                     double      y)
{
  double height = 64;

  for (guint i = 0; i < pass->stages->len; i++)
    {
      WmBox *box = wm_layout_measure_stage (self, g_ptr_array_index (pass->stages, i), i);

      height = MAX (height, box->rect.height);
      g_ptr_array_add (self->stage_boxes, box);
    }

  for (guint i = 0; i < pass->stages->len; i++)
    {
      WmBox *box = g_ptr_array_index (self->stage_boxes, i);

      box->rect = (WmRect) { wm_layout_column_x (self, i), y, COL_W, height };
      wm_layout_flip (self, &box->rect);
      remember (self, box->element, &box->rect, box, NULL);
    }

  return y + height + STAGE_GAP;
}

/* The rows and what goes in their cells: the cards, then the moments. */
static GArray *
plan_rows (WmLayout   *self,
           const Pass *pass)
{
  GArray *plans = g_array_new (FALSE, TRUE, sizeof (RowPlan));
  int first_moments_row = -1, lone_moments_row = -1;

  g_array_set_clear_func (plans, row_plan_clear);

  for (guint l = 0; l < pass->lanes->len; l++)
    {
      WmLane *lane = g_ptr_array_index (pass->lanes, l);
      RowPlan plan = { new_row (lane, pass->stages->len), wm_lane_get_kind (lane), NULL };

      if (plan.kind == WM_LANE_KIND_MOMENTS_OF_TRUTH && first_moments_row < 0)
        first_moments_row = l;

      if (plan.kind == WM_LANE_KIND_EMOTION_CURVE)
        {
          int own = position_of (pass->persona_index, wm_lane_get_persona (lane));

          /* The curve of the lane's persona, or of them all */
          plan.curve = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint p = 0; p < pass->personas->len; p++)
            if (own < 0 || (guint) own == p)
              g_array_append_val (plan.curve, p);
        }
      else
        for (guint s = 0; s < pass->stages->len; s++)
          {
            GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (g_ptr_array_index (pass->stages, s)));
            GPtrArray *cell = g_ptr_array_index (plan.row->cells, s);

            wm_layout_watch (self, cards, "items-changed", NULL);
            for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
              {
                g_autoptr(WmCard) card = g_list_model_get_item (cards, c);

                g_ptr_array_add (cell, wm_layout_card_entry (self, card, plan.kind));
              }
          }

      g_array_append_val (plans, plan);
    }

  for (guint m = 0; m < pass->moments->len; m++)
    {
      WmMoment *moment = g_ptr_array_index (pass->moments, m);
      int s = position_of (pass->stage_index, wm_moment_get_stage (moment));
      int l = position_of (pass->lane_index, wm_moment_get_lane (moment));
      WmBox *box;
      int target;

      if (s < 0)
        continue;
      /* Curves have no room for markers: those go with the lane-less ones. */
      if (l >= 0 && g_array_index (plans, RowPlan, l).kind != WM_LANE_KIND_EMOTION_CURVE)
        target = l;
      else if (first_moments_row >= 0)
        target = first_moments_row;
      else
        {
          if (lone_moments_row < 0)
            {
              RowPlan plan = { new_row (NULL, pass->stages->len), WM_LANE_KIND_MOMENTS_OF_TRUTH, NULL };

              g_array_append_val (plans, plan);
              lone_moments_row = plans->len - 1;
            }
          target = lone_moments_row;
        }

      box = wm_layout_measure_moment (self, moment);
      g_ptr_array_add (self->moment_boxes, box);
      g_ptr_array_add (g_ptr_array_index (g_array_index (plans, RowPlan, target).row->cells, s), box);
    }

  return plans;
}

/* Stacks the boxes of @row's cell @index from its top, and notes how much
 * of the cell they take. */
static void
stack_cell (WmRow *row,
            guint  index)
{
  GPtrArray *cell = g_ptr_array_index (row->cells, index);
  double y = CELL_PAD;

  for (guint b = 0; b < cell->len; b++)
    {
      WmBox *box = g_ptr_array_index (cell, b);

      box->rect.y = y;
      y += box->rect.height + CARD_GAP;
    }
  row->cell_heights[index] = cell->len > 0 ? y - CARD_GAP + CELL_PAD : 2 * CELL_PAD;
}

/* A row is as tall as its header, its curves and its fullest cell. */
static void
size_row (WmRow *row,
          guint  n_stages)
{
  double height = row->least_height;

  for (guint s = 0; s < n_stages; s++)
    height = MAX (height, row->cell_heights[s]);
  row->rect.height = height;
  row->header->rect.height = height;
}

/* Puts the rows one under the other from @y; returns where the last one
 * ends. What is in a row moves with it. */
static double
stack_rows (WmLayout *self,
            double    y)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      WmRow *row = g_ptr_array_index (self->rows, r);

      row->rect.y = y;
      y += row->rect.height + ROW_GAP;
    }

  return self->rows->len > 0 ? y - ROW_GAP : y - STAGE_GAP;
}

/* Each row's header, cells and curves, the row's y measured from its top. */
static void
place_rows (WmLayout   *self,
            const Pass *pass,
            GArray     *plans)
{
  guint n_stages = pass->stages->len;

  for (guint r = 0; r < plans->len; r++)
    {
      RowPlan *plan = &g_array_index (plans, RowPlan, r);
      WmRow *row = g_steal_pointer (&plan->row);
      WmPersona *persona = NULL;

      if (row->lane != NULL && plan->curve == NULL)
        {
          int p = position_of (pass->persona_index, wm_lane_get_persona (row->lane));

          persona = p >= 0 ? g_ptr_array_index (pass->personas, p) : NULL;
        }
      row->header = wm_layout_measure_lane_header (self, pass->personas, row->lane, persona, plan->curve);
      row->least_height = MAX (MIN_ROW_H, row->header->rect.height);

      if (plan->curve != NULL)
        {
          double band = CLAMP (scale_steps (self->document) * EMO_STEP, 150, 300);

          row->least_height = MAX (row->least_height, EMO_TOP + band + EMO_BOTTOM);
          row->band = (WmRect) { 0, (row->least_height - band - EMO_TOP - EMO_BOTTOM) / 2 + EMO_TOP, 0, band };
        }

      for (guint s = 0; s < n_stages; s++)
        {
          GPtrArray *cell = g_ptr_array_index (row->cells, s);

          stack_cell (row, s);
          for (guint b = 0; b < cell->len; b++)
            {
              WmBox *box = g_ptr_array_index (cell, b);

              box->rect.x = wm_layout_column_x (self, s) + CELL_PAD;
              wm_layout_flip (self, &box->rect);
              /* A card takes its colour from the lane it is in, and knows
               * its cell, for an edit to move what is under it. */
              if (WM_IS_CARD (box->element))
                {
                  CardEntry *entry = (CardEntry *) box;

                  if (row->lane != NULL)
                    wm_layout_paint_from (&box->paint, wm_lane_get_color (row->lane), WM_TINT_LANE, plan->kind);
                  entry->row = row;
                  entry->stage = s;
                }
              remember (self, box->element, &box->rect, box, row);
            }
        }

      row->rect = (WmRect) { MARGIN, 0, self->width - 2 * MARGIN, 0 };
      if (n_stages > 0)
        row->rect.width = wm_layout_column_x (self, n_stages - 1) + COL_W - MARGIN;
      wm_layout_flip (self, &row->rect);

      row->header->rect = (WmRect) { MARGIN, 0, HEADER_W, 0 };
      wm_layout_flip (self, &row->header->rect);
      size_row (row, n_stages);
      remember (self, row->lane, &row->header->rect, row->header, row);

      if (plan->curve != NULL)
        {
          row->band.x = self->columns_x;
          row->band.width = n_stages > 0 ? wm_layout_column_x (self, n_stages - 1) + COL_W - self->columns_x : 0;
          wm_layout_flip (self, &row->band);
          place_curves (self, pass, row, plan->curve);
        }

      g_ptr_array_add (self->rows, row);
    }
}

/**
 * wm_layout_place_all:
 *
 * Lays the whole map out again, measuring again only the cards that
 * changed (and every text when the map's direction did).
 */
void
wm_layout_place_all (WmLayout *self)
{
  Pass pass = { NULL };
  g_autoptr(GArray) plans = NULL;
  double content_w, y;

  pass_init (self, &pass);
  set_rtl (self, resolve_rtl (self->document));

  g_hash_table_remove_all (self->rects);
  g_hash_table_remove_all (self->rows_of);
  g_hash_table_remove_all (self->boxes);
  g_clear_pointer (&self->title, wm_layout_box_free);
  g_ptr_array_set_size (self->legend, 0);
  g_ptr_array_set_size (self->stage_boxes, 0);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->moment_boxes, 0);

  self->n_stages = pass.stages->len;
  content_w = HEADER_W + GUTTER + self->n_stages * COL_W + (self->n_stages > 0 ? (self->n_stages - 1) * COL_GAP : 0);
  content_w = MAX (content_w, MIN_CONTENT_W);
  self->width = content_w + 2 * MARGIN;
  self->columns_x = MARGIN + HEADER_W + GUTTER;

  y = place_title_and_legend (self, &pass, content_w);
  y = place_stage_headers (self, &pass, y);
  plans = plan_rows (self, &pass);
  place_rows (self, &pass, plans);
  self->height = stack_rows (self, y) + MARGIN;

  pass_clear (&pass);
}

/**
 * wm_layout_place_edited:
 *
 * The quick path, when only the contents of cards changed: measures those
 * cards again, stacks their cells again, and moves the rows under them.
 * It takes time in the cells and rows touched, not in the size of the map.
 */
void
wm_layout_place_edited (WmLayout *self)
{
  for (guint i = 0; i < self->edited->len; i++)
    {
      CardEntry *entry = g_ptr_array_index (self->edited, i);

      wm_layout_measure_card (self, entry, entry->kind);
      stack_cell (entry->row, entry->stage);
      size_row (entry->row, self->n_stages);
    }
  g_ptr_array_set_size (self->edited, 0);

  if (self->rows->len > 0)
    self->height = stack_rows (self, ((WmRow *) g_ptr_array_index (self->rows, 0))->rect.y) + MARGIN;
}
