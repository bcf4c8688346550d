/* wm-painter.c: draws a laid-out map with cairo and PangoCairo.
 *
 * The layout has decided where everything goes (wm-layout-private.h); the
 * painter decides how it looks: frames, inks, curves. It draws the same on
 * any cairo surface, so the canvas and the PNG, SVG and PDF exports show
 * one drawing.
 */
#include "wm-painter.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "wm-icons.h"
#include "wm-layout-private.h"

#define CARD_RADIUS   9.0
#define HEADER_RADIUS 12.0
#define ROW_RADIUS    14.0

typedef struct
{
  cairo_t *cr;
  WmLayout *layout;
  const WmTheme *theme;
  gboolean rtl;
  double dy;   /* inside a row, the row's top: what its contents' y is from */
} Painter;

static void
set_color (cairo_t       *cr,
           const WmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
with_alpha (const WmColor *color,
            double         alpha,
            WmColor       *result)
{
  *result = *color;
  result->alpha *= alpha;
}

/* The colour a paint stands for in this theme, as the user chose it. */
static void
paint_color (const Painter *p,
             const WmPaint *paint,
             WmColor       *color)
{
  switch (paint->tint)
    {
    case WM_TINT_STAGE:
      *color = p->theme->stage_colors[paint->index % WM_THEME_N_STAGE_COLORS];
      break;
    case WM_TINT_LANE:
      *color = p->theme->lane_colors[CLAMP (paint->index, 0, WM_THEME_N_LANE_KINDS - 1)];
      break;
    case WM_TINT_ACCENT:
      *color = p->theme->accent;
      break;
    case WM_TINT_POSITIVE:
      *color = p->theme->positive;
      break;
    case WM_TINT_NEGATIVE:
      *color = p->theme->negative;
      break;
    case WM_TINT_DECISIVE:
      *color = p->theme->decisive;
      break;
    case WM_TINT_NONE:
    default:
      *color = paint->color;
      break;
    }
}

/* The same, made to stand out from the page: for lines, marks and text. */
static void
readable_color (const Painter *p,
                const WmPaint *paint,
                WmColor       *color)
{
  WmColor raw;

  paint_color (p, paint, &raw);
  wm_theme_readable (p->theme, &raw, color);
}

static void
ink_color (const Painter *p,
           const WmBox   *box,
           const WmPrim  *prim,
           WmColor       *color)
{
  WmColor raw;

  switch (prim->ink)
    {
    case WM_INK_TEXT:
      *color = p->theme->text;
      break;
    case WM_INK_DIM:
      *color = p->theme->text_dim;
      break;
    case WM_INK_PAGE:
      with_alpha (&p->theme->background, 0.85, color);
      break;
    case WM_INK_BOX:
      readable_color (p, &box->paint, color);
      break;
    case WM_INK_BOX_TINT:
      paint_color (p, &box->paint, &raw);
      with_alpha (&raw, wm_color_luminance (&p->theme->background) > 0.5 ? 0.13 : 0.24, color);
      break;
    case WM_INK_ON_BOX:
      paint_color (p, &box->paint, &raw);
      wm_color_on (&raw, color);
      break;
    case WM_INK_OWN:
      readable_color (p, &prim->paint, color);
      break;
    case WM_INK_QUICK_WIN:
      *color = p->theme->quick_win;
      break;
    case WM_INK_ON_QUICK_WIN:
    default:
      *color = p->theme->on_quick_win;
      break;
    }
}

static void
rounded_rect (cairo_t      *cr,
              const WmRect *r,
              double        radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
mark_path (cairo_t      *cr,
           WmMark        mark,
           const WmRect *r)
{
  double cx = r->x + r->width / 2, cy = r->y + r->height / 2, radius = r->width / 2;

  switch (mark)
    {
    case WM_MARK_SQUARE:
      {
        WmRect inner = { r->x + 1, r->y + 1, r->width - 2, r->height - 2 };

        rounded_rect (cr, &inner, r->width * 0.18);
      }
      break;
    case WM_MARK_DIAMOND:
      cairo_move_to (cr, cx, r->y - 1);
      cairo_line_to (cr, r->x + r->width + 1, cy);
      cairo_line_to (cr, cx, r->y + r->height + 1);
      cairo_line_to (cr, r->x - 1, cy);
      cairo_close_path (cr);
      break;
    case WM_MARK_TRIANGLE:
      cairo_move_to (cr, cx, r->y);
      cairo_line_to (cr, r->x + r->width + 1, r->y + r->height * 0.9);
      cairo_line_to (cr, r->x - 1, r->y + r->height * 0.9);
      cairo_close_path (cr);
      break;
    case WM_MARK_TRIANGLE_DOWN:
      cairo_move_to (cr, cx, r->y + r->height);
      cairo_line_to (cr, r->x + r->width + 1, r->y + r->height * 0.1);
      cairo_line_to (cr, r->x - 1, r->y + r->height * 0.1);
      cairo_close_path (cr);
      break;
    case WM_MARK_STAR:
      for (int i = 0; i < 10; i++)
        {
          double angle = -G_PI / 2 + i * G_PI / 5;
          double d = (i % 2 == 0 ? radius + 1 : (radius + 1) * 0.45);

          if (i == 0)
            cairo_move_to (cr, cx + d * cos (angle), cy + 1 + d * sin (angle));
          else
            cairo_line_to (cr, cx + d * cos (angle), cy + 1 + d * sin (angle));
        }
      cairo_close_path (cr);
      break;
    case WM_MARK_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      break;
    }
}

static void
draw_text (cairo_t       *cr,
           PangoLayout   *layout,
           double         x,
           double         y,
           const WmColor *color)
{
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_avatar (const Painter *p,
             const WmPrim  *prim,
             const WmRect  *r)
{
  cairo_t *cr = p->cr;
  WmPicture *picture = wm_layout_get_picture (p->layout, prim->persona);
  WmColor color, on;
  int ph;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, r->x + r->width / 2, r->y + r->height / 2, r->width / 2, 0, 2 * G_PI);
  if (picture != NULL)
    {
      cairo_clip (cr);
      wm_picture_draw (picture, cr, r);
      /* A ring of the persona's colour ties the picture to the curve. */
      cairo_new_path (cr);
      cairo_arc (cr, r->x + r->width / 2, r->y + r->height / 2, r->width / 2, 0, 2 * G_PI);
      readable_color (p, &prim->paint, &color);
      set_color (cr, &color);
      cairo_set_line_width (cr, MAX (2, r->width / 16));
      cairo_stroke (cr);
    }
  else
    {
      /* No picture, or one that would not decode: the initials, which
       * still say who it is. */
      paint_color (p, &prim->paint, &color);
      set_color (cr, &color);
      cairo_fill (cr);
      wm_color_on (&color, &on);
      pango_layout_get_size (prim->layout, NULL, &ph);
      /* The initials are centred across the avatar's width by Pango. */
      draw_text (cr, prim->layout, r->x, r->y + (r->height - pango_units_to_double (ph)) / 2, &on);
    }
  cairo_restore (cr);
}

static void
draw_dots (cairo_t       *cr,
           const WmRect  *r,
           gboolean       rtl,
           int            value,
           const WmColor *color)
{
  double d = r->height, gap = (r->width - 5 * d) / 4;

  /* The filled dots as one path, then the empty ones as another: a vector
   * export writes two shapes, not five. */
  set_color (cr, color);
  for (int filled = 1; filled >= 0; filled--)
    {
      cairo_new_path (cr);
      for (int i = 0; i < 5; i++)
        {
          double x = rtl ? r->x + r->width - d - i * (d + gap) : r->x + i * (d + gap);

          if ((i < value) != filled)
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, x + d / 2, r->y + d / 2, d / 2 - (filled ? 0 : 0.6), 0, 2 * G_PI);
        }
      if (filled)
        cairo_fill (cr);
      else
        {
          /* Empty dots are rings: the rating reads without colour. */
          cairo_set_line_width (cr, 1.2);
          cairo_stroke (cr);
        }
    }
}

static void
draw_prims (const Painter *p,
            const WmBox   *box)
{
  cairo_t *cr = p->cr;

  for (guint i = 0; i < box->prims->len; i++)
    {
      const WmPrim *prim = &g_array_index (box->prims, WmPrim, i);
      WmColor color;
      WmRect r;

      wm_box_place (box, p->rtl, &prim->rect, &r);
      ink_color (p, box, prim, &color);

      switch (prim->kind)
        {
        case WM_PRIM_TEXT:
          draw_text (cr, prim->layout, r.x, r.y, &color);
          break;
        case WM_PRIM_ICON:
          wm_icons_draw (cr, prim->icon, &r, &color);
          break;
        case WM_PRIM_PILL:
          rounded_rect (cr, &r, prim->value > 0 ? prim->value : r.height / 2);
          set_color (cr, &color);
          cairo_fill (cr);
          break;
        case WM_PRIM_DOTS:
          draw_dots (cr, &r, p->rtl, prim->value, &color);
          break;
        case WM_PRIM_MARK:
          mark_path (cr, prim->value, &r);
          set_color (cr, &color);
          cairo_fill (cr);
          break;
        case WM_PRIM_AVATAR:
          draw_avatar (p, prim, &r);
          break;
        default:
          break;
        }
    }
}

/* @top over the opaque @bottom, as one colour: a tinted card is then one
 * fill, not two. */
static void
over (const WmColor *top,
      const WmColor *bottom,
      WmColor       *result)
{
  result->red = top->red * top->alpha + bottom->red * (1 - top->alpha);
  result->green = top->green * top->alpha + bottom->green * (1 - top->alpha);
  result->blue = top->blue * top->alpha + bottom->blue * (1 - top->alpha);
  result->alpha = 1;
}

/* A bar of @color along the start edge of @r, with round ends, where the
 * edge is straight. One line: vector exports write it as four numbers,
 * and a map has hundreds of cards. */
static void
draw_start_bar (const Painter *p,
                const WmRect  *r,
                double         radius,
                double         width,
                const WmColor *color)
{
  cairo_t *cr = p->cr;
  double x = p->rtl ? r->x + r->width - width / 2 : r->x + width / 2;

  cairo_new_path (cr);
  cairo_move_to (cr, x, r->y + radius);
  cairo_line_to (cr, x, r->y + r->height - radius);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

/* A card's frame is its shadow, one path filled and stroked (which SVG
 * and PDF write once), and its bar: few path segments, because vector
 * exports spend their time writing numbers. */
static void
draw_card_frame (const Painter *p,
                 const WmBox   *box)
{
  cairo_t *cr = p->cr;
  const WmTheme *theme = p->theme;
  const WmRect *r = &box->rect;
  /* The outline is stroked inside the card's rectangle. */
  double inset = box->frame == WM_FRAME_QUICK_WIN ? 1 : 0.5;
  WmRect outline = { r->x + inset, r->y + inset, r->width - 2 * inset, r->height - 2 * inset };
  WmColor fill = theme->surface, stroke, tint, bar;
  double line_width = 1;

  /* A shadow along the bottom edge: the card lifts off the page. */
  cairo_new_path (cr);
  cairo_move_to (cr, r->x + CARD_RADIUS, r->y + r->height + 0.75);
  cairo_line_to (cr, r->x + r->width - CARD_RADIUS, r->y + r->height + 0.75);
  set_color (cr, &theme->shadow);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);

  switch (box->frame)
    {
    case WM_FRAME_QUICK_WIN:
      with_alpha (&theme->quick_win, 0.10, &tint);
      over (&tint, &theme->surface, &fill);
      stroke = theme->quick_win;
      bar = theme->quick_win;
      line_width = 2;
      break;

    case WM_FRAME_MOMENT:
      paint_color (p, &box->paint, &tint);
      with_alpha (&tint, 0.12, &tint);
      over (&tint, &theme->surface, &fill);
      readable_color (p, &box->paint, &bar);
      with_alpha (&bar, 0.7, &stroke);
      line_width = 1.5;
      break;

    case WM_FRAME_CARD:
    default:
      stroke = theme->border;
      readable_color (p, &box->paint, &bar);
      break;
    }

  rounded_rect (cr, &outline, CARD_RADIUS - inset);
  set_color (cr, &fill);
  cairo_fill_preserve (cr);
  set_color (cr, &stroke);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);

  draw_start_bar (p, r, CARD_RADIUS, box->frame == WM_FRAME_CARD ? 4 : 5, &bar);
}

/* A chevron pointing the way the journey runs; all but the first have a
 * notch where the one before points in. */
static void
draw_stage_frame (const Painter *p,
                  const WmBox   *box)
{
  cairo_t *cr = p->cr;
  const WmRect *r = &box->rect;
  /* Drawn inset by half a round pen of the same colour: rounded corners at
   * the exact size. */
  const double pen = 8, inset = pen / 2, point = 14;
  double x0 = inset, x1 = r->width - inset, y0 = r->y + inset, y1 = r->y + r->height - inset;
  double ym = r->y + r->height / 2;
  double xs[6], ys[6];
  guint n = 0;
  WmColor color;

#define VERTEX(px, py) (xs[n] = (px), ys[n] = (py), n++)
  VERTEX (x0, y0);
  VERTEX (x1 - point, y0);
  VERTEX (x1, ym);
  VERTEX (x1 - point, y1);
  VERTEX (x0, y1);
  if (!box->first)
    VERTEX (x0 + point * 0.7, ym);
#undef VERTEX

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      double x = p->rtl ? r->x + r->width - xs[i] : r->x + xs[i];

      cairo_line_to (cr, x, ys[i]);
    }
  cairo_close_path (cr);

  paint_color (p, &box->paint, &color);
  set_color (cr, &color);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, pen);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
}

static void
draw_lane_header_frame (const Painter *p,
                        const WmBox   *box)
{
  cairo_t *cr = p->cr;
  WmColor accent;

  rounded_rect (cr, &box->rect, HEADER_RADIUS);
  set_color (cr, &p->theme->header);
  cairo_fill (cr);
  readable_color (p, &box->paint, &accent);
  draw_start_bar (p, &box->rect, HEADER_RADIUS, 4, &accent);
}

static void
draw_box (const Painter *p,
          const WmBox   *in_row)
{
  /* Moved by hand rather than by cairo_translate(), which vector surfaces
   * would write out as a transform on every stroke. */
  WmBox placed = *in_row;
  const WmBox *box = &placed;

  placed.rect.y += p->dy;
  switch (box->frame)
    {
    case WM_FRAME_CARD:
    case WM_FRAME_QUICK_WIN:
    case WM_FRAME_MOMENT:
      draw_card_frame (p, box);
      break;
    case WM_FRAME_STAGE:
      draw_stage_frame (p, box);
      break;
    case WM_FRAME_LANE_HEADER:
      draw_lane_header_frame (p, box);
      break;
    case WM_FRAME_NONE:
    default:
      break;
    }

  draw_prims (p, box);
}

static void
point_center (const WmCurvePoint *point,
              double              dy,
              double             *x,
              double             *y)
{
  *x = point->rect.x + point->rect.width / 2;
  *y = dy + point->rect.y + point->rect.height / 2;
}

/* A smooth curve through the points: Catmull-Rom, as cubic Béziers. Control
 * points are kept within the band, so the curve never leaves the scale. */
static void
curve_path (cairo_t      *cr,
            GArray       *points,
            const WmRect *band,
            double        dy)
{
  guint n = points->len;

  for (guint i = 0; i + 1 < n; i++)
    {
      double x0, y0, x1, y1, x2, y2, x3, y3;

      point_center (&g_array_index (points, WmCurvePoint, i == 0 ? 0 : i - 1), dy, &x0, &y0);
      point_center (&g_array_index (points, WmCurvePoint, i), dy, &x1, &y1);
      point_center (&g_array_index (points, WmCurvePoint, i + 1), dy, &x2, &y2);
      point_center (&g_array_index (points, WmCurvePoint, MIN (i + 2, n - 1)), dy, &x3, &y3);

      if (i == 0)
        cairo_move_to (cr, x1, y1);
      cairo_curve_to (cr,
                      x1 + (x2 - x0) / 6, CLAMP (y1 + (y2 - y0) / 6, band->y, band->y + band->height),
                      x2 - (x3 - x1) / 6, CLAMP (y2 - (y3 - y1) / 6, band->y, band->y + band->height),
                      x2, y2);
    }
}

static void
draw_emotion_row (const Painter *p,
                  const WmRow   *row)
{
  cairo_t *cr = p->cr;
  WmRect band = { row->band.x, row->band.y + p->dy, row->band.width, row->band.height };
  double baseline = band.y + band.height;

  for (guint i = 0; i < row->levels->len; i++)
    {
      const WmLevel *level = &g_array_index (row->levels, WmLevel, i);
      static const double dash[] = { 2, 4 };

      cairo_move_to (cr, band.x, p->dy + level->y);
      cairo_line_to (cr, band.x + band.width, p->dy + level->y);
      cairo_set_line_width (cr, level->zero ? 1.5 : 1);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dash, level->zero ? 0 : G_N_ELEMENTS (dash), 0);
      set_color (cr, level->zero ? &p->theme->zero_line : &p->theme->grid_line);
      cairo_stroke (cr);
      if (level->zero)
        baseline = p->dy + level->y;
      if (level->label != NULL)
        draw_box (p, level->label);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* Areas first, so that no curve hides under another's fill. */
  for (guint c = 0; c < row->curves->len; c++)
    {
      const WmCurve *curve = g_ptr_array_index (row->curves, c);
      double first_x, last_x, y;
      WmColor color;

      if (curve->points->len < 2)
        continue;
      point_center (&g_array_index (curve->points, WmCurvePoint, 0), p->dy, &first_x, &y);
      point_center (&g_array_index (curve->points, WmCurvePoint, curve->points->len - 1), p->dy, &last_x, &y);
      cairo_new_path (cr);
      curve_path (cr, curve->points, &band, p->dy);
      cairo_line_to (cr, last_x, baseline);
      cairo_line_to (cr, first_x, baseline);
      cairo_close_path (cr);
      readable_color (p, &curve->paint, &color);
      with_alpha (&color, 0.09, &color);
      set_color (cr, &color);
      cairo_fill (cr);
    }

  for (guint c = 0; c < row->curves->len; c++)
    {
      const WmCurve *curve = g_ptr_array_index (row->curves, c);
      WmColor color;

      readable_color (p, &curve->paint, &color);
      cairo_new_path (cr);
      curve_path (cr, curve->points, &band, p->dy);
      set_color (cr, &color);
      cairo_set_line_width (cr, 3);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);

      for (guint i = 0; i < curve->points->len; i++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);
          WmRect mark = { point->rect.x + 2, p->dy + point->rect.y + 2, point->rect.width - 4, point->rect.height - 4 };

          /* A ring of the page around each point keeps it apart from the
           * lines that cross it. */
          mark_path (cr, curve->mark, &mark);
          set_color (cr, &p->theme->background);
          cairo_set_line_width (cr, 3);
          cairo_stroke_preserve (cr);
          set_color (cr, &color);
          cairo_fill (cr);

          if (point->label != NULL)
            draw_box (p, point->label);
        }
    }
}

static gboolean
intersects (const WmRect *a,
            const WmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
draw_box_in (const Painter *p,
             const WmBox   *box,
             const WmRect  *area)
{
  /* With a margin for what is drawn just outside a box: a card's shadow. */
  WmRect ink;

  if (box == NULL)
    return;
  ink = (WmRect) { box->rect.x - 2, p->dy + box->rect.y - 2, box->rect.width + 4, box->rect.height + 4 };
  if (intersects (&ink, area))
    draw_box (p, box);
}

/**
 * wm_painter_draw:
 *
 * Draws the map as @layout last placed it (see wm_layout_update()).
 */
void
wm_painter_draw (cairo_t       *cr,
                 WmLayout      *layout,
                 const WmTheme *theme)
{
  WmRect all;

  g_return_if_fail (WM_IS_LAYOUT (layout));

  all = (WmRect) { 0, 0, wm_layout_get_width (layout), wm_layout_get_height (layout) };
  wm_painter_draw_area (cr, layout, theme, &all);
}

static void
draw_area (cairo_t       *cr,
           WmLayout      *layout,
           const WmTheme *theme,
           const WmRect  *area,
           gboolean       background)
{
  Painter p = { cr, layout, theme, FALSE, 0 };
  GPtrArray *legend, *stages, *rows;

  p.rtl = wm_layout_is_rtl (layout);
  legend = wm_layout_get_legend (layout);
  stages = wm_layout_get_stage_boxes (layout);
  rows = wm_layout_get_rows (layout);

  cairo_save (cr);

  if (background)
    {
      cairo_rectangle (cr, area->x, area->y, area->width, area->height);
      set_color (cr, &theme->background);
      cairo_fill (cr);
    }

  draw_box_in (&p, wm_layout_get_title (layout), area);
  for (guint i = 0; i < legend->len; i++)
    draw_box_in (&p, g_ptr_array_index (legend, i), area);

  for (guint i = 0; i < stages->len; i++)
    draw_box_in (&p, g_ptr_array_index (stages, i), area);

  for (guint r = 0; r < rows->len; r++)
    {
      const WmRow *row = g_ptr_array_index (rows, r);

      if (!intersects (&row->rect, area))
        continue;

      /* Every other row tinted, so that the eye can follow a lane across. */
      if (r % 2 == 1)
        {
          rounded_rect (cr, &row->rect, ROW_RADIUS);
          set_color (cr, &theme->row_tint);
          cairo_fill (cr);
        }

      /* What a row holds is placed from the row's top. */
      p.dy = row->rect.y;
      draw_box_in (&p, row->header, area);
      if (row->curves != NULL)
        draw_emotion_row (&p, row);
      for (guint s = 0; s < row->cells->len; s++)
        {
          GPtrArray *cell = g_ptr_array_index (row->cells, s);

          for (guint b = 0; b < cell->len; b++)
            draw_box_in (&p, g_ptr_array_index (cell, b), area);
        }
      p.dy = 0;
    }

  cairo_restore (cr);
}

/**
 * wm_painter_draw_area:
 *
 * Draws what of the map meets @area, background included; what is drawn
 * is the same as wm_painter_draw() draws there.
 */
void
wm_painter_draw_area (cairo_t       *cr,
                      WmLayout      *layout,
                      const WmTheme *theme,
                      const WmRect  *area)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (theme != NULL);
  g_return_if_fail (area != NULL);

  draw_area (cr, layout, theme, area, TRUE);
}

/**
 * wm_painter_draw_transparent:
 *
 * Draws the whole map as wm_painter_draw() does, but leaves out the
 * background, so that what is behind shows through: the theme's colours
 * stay, so the map is made to lie on a background like the theme's.
 */
void
wm_painter_draw_transparent (cairo_t       *cr,
                             WmLayout      *layout,
                             const WmTheme *theme)
{
  WmRect all;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (theme != NULL);

  all = (WmRect) { 0, 0, wm_layout_get_width (layout), wm_layout_get_height (layout) };
  draw_area (cr, layout, theme, &all, FALSE);
}

/**
 * wm_painter_draw_element:
 *
 * Draws @element alone, without background, at its place in the map: a
 * canvas widget translates by minus its rectangle's origin
 * (wm_layout_get_element_rect()) to draw it at its own.
 *
 * Returns: whether @element was drawn.
 */
gboolean
wm_painter_draw_element (cairo_t       *cr,
                         WmLayout      *layout,
                         const WmTheme *theme,
                         gpointer       element)
{
  Painter p = { cr, layout, theme, FALSE, 0 };
  WmRow *row;
  WmBox *box;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (WM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);

  box = wm_layout_get_box (layout, element);
  if (box == NULL)
    return FALSE;

  p.rtl = wm_layout_is_rtl (layout);
  row = wm_layout_get_row_of (layout, element);
  p.dy = row != NULL ? row->rect.y : 0;
  cairo_save (cr);
  draw_box (&p, box);
  cairo_restore (cr);
  return TRUE;
}
