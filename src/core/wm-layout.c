/* wm-layout.c: the geometry of a whole map, from the model and Pango metrics.
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
 * edge and then mirrored when the map runs right to left.
 *
 * Text is measured with Pango in a context of our own: fixed resolution, no
 * hinting of metrics, no rounding of glyph positions, so that the geometry
 * does not depend on a display or on the scale the map is drawn at, and the
 * canvas and every export agree to the unit.
 *
 * Relayout is incremental where it costs: cards are measured once and kept
 * (with their PangoLayouts, which the painter draws) until that card
 * changes; the rest of the map is small (headers, legend, curves) and is
 * rebuilt on every update that has something to do.
 */
#include "wm-layout.h"

#include <fribidi.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "wm-card.h"
#include "wm-icons.h"
#include "wm-labels.h"
#include "wm-layout-private.h"

/* Layout units: 1 unit = 1 px at scale 1. */
#define MARGIN        48.0
#define HEADER_W      232.0  /* the lane header column */
#define HEADER_PAD    16.0
#define GUTTER        16.0   /* between the lane headers and the first stage */
#define COL_W         264.0  /* a stage column */
#define COL_GAP       12.0
#define MIN_CONTENT_W 760.0
#define TITLE_GAP     26.0
#define LEGEND_GAP    36.0
#define STAGE_PAD     14.0
#define CHEVRON       14.0   /* how far a stage header's point reaches */
#define STAGE_GAP     14.0
#define ROW_GAP       10.0
#define MIN_ROW_H     84.0
#define CELL_PAD      10.0
#define CARD_GAP      10.0
#define CARD_PAD      12.0
#define CARD_W        (COL_W - 2 * CELL_PAD)
#define ICON          16.0
#define AVATAR        44.0
#define EMO_TOP       40.0   /* room for point labels above the highest score */
#define EMO_BOTTOM    36.0   /* and below the lowest */
#define EMO_STEP      30.0   /* height of one step of the emotion scale */
#define POINT         16.0

struct _WmLayout
{
  GObject parent_instance;

  WmDocument *document;
  PangoContext *context;
  gboolean rtl;
  gboolean dirty;
  double width, height;
  guint measure_count;
  guint generation;

  GHashTable *watches;  /* GObject → Watch: what we listen to */
  GHashTable *cards;    /* WmCard → CardEntry: measured, kept between updates */
  GHashTable *rects;    /* element → WmRect *, into the boxes below */
  GHashTable *boxes;    /* element → WmBox *, the same for those drawn as boxes */
  GHashTable *pictures; /* WmPersona → PictureEntry, decoded on first draw */

  WmBox *title;
  GPtrArray *legend;       /* of WmBox */
  GPtrArray *stage_boxes;  /* of WmBox */
  GPtrArray *rows;         /* of WmRow */
  GPtrArray *moment_boxes; /* of WmBox, owned here, borrowed by the rows' cells */
  guint n_stages;
  double columns_x;        /* the first stage column's start, before mirroring */
};

G_DEFINE_FINAL_TYPE (WmLayout, wm_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MEASURE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_INVALIDATED,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  WmLayout *layout;
  GObject *object;  /* owned */
  WmCard *card;     /* the card whose measurement a change spoils, if any */
  gulong handler;
  guint generation;
} Watch;

typedef struct
{
  WmBox box;         /* first, so that a CardEntry is a WmBox */
  WmLaneKind kind;   /* measured as a card of that kind of lane */
  gboolean valid;
  guint generation;
} CardEntry;

typedef struct
{
  GBytes *bytes;
  char *type;
  WmPicture *picture; /* NULL when it could not be decoded */
  guint generation;
} PictureEntry;

/* What one relayout pass knows of the map. */
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

static void mark_dirty (WmLayout *self);

/* Boxes and primitives */

static void
prim_clear (gpointer data)
{
  WmPrim *prim = data;

  g_clear_object (&prim->layout);
  g_clear_object (&prim->persona);
}

static void
box_init (WmBox    *box,
          gpointer  element,
          WmFrame   frame)
{
  box->element = element ? g_object_ref (element) : NULL;
  box->frame = frame;
  box->prims = g_array_new (FALSE, TRUE, sizeof (WmPrim));
  g_array_set_clear_func (box->prims, prim_clear);
}

static void
box_clear (WmBox *box)
{
  g_clear_object (&box->element);
  g_clear_pointer (&box->prims, g_array_unref);
}

static WmBox *
box_new (gpointer element,
         WmFrame  frame)
{
  WmBox *box = g_new0 (WmBox, 1);

  box_init (box, element, frame);
  return box;
}

static void
box_free (gpointer data)
{
  WmBox *box = data;

  if (box == NULL)
    return;

  box_clear (box);
  g_free (box);
}

static WmPrim *
add_prim (WmBox      *box,
          WmPrimKind  kind,
          WmInk       ink,
          double      x,
          double      y,
          double      width,
          double      height)
{
  WmPrim prim = { .kind = kind, .ink = ink, .rect = { x, y, width, height } };

  g_array_append_val (box->prims, prim);
  return &g_array_index (box->prims, WmPrim, box->prims->len - 1);
}

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

static void
card_entry_free (gpointer data)
{
  CardEntry *entry = data;

  box_clear (&entry->box);
  g_free (entry);
}

static void
picture_entry_free (gpointer data)
{
  PictureEntry *entry = data;

  g_clear_pointer (&entry->bytes, g_bytes_unref);
  g_clear_pointer (&entry->type, g_free);
  g_clear_pointer (&entry->picture, wm_picture_free);
  g_free (entry);
}

static void
curve_free (gpointer data)
{
  WmCurve *curve = data;

  for (guint i = 0; i < curve->points->len; i++)
    {
      WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);

      g_clear_object (&point->point);
      g_clear_pointer (&point->label, box_free);
    }
  g_array_unref (curve->points);
  g_free (curve);
}

static void
row_free (gpointer data)
{
  WmRow *row = data;

  g_clear_object (&row->lane);
  g_clear_pointer (&row->header, box_free);
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  if (row->levels != NULL)
    {
      for (guint i = 0; i < row->levels->len; i++)
        box_free (g_array_index (row->levels, WmLevel, i).label);
      g_array_unref (row->levels);
    }
  g_clear_pointer (&row->curves, g_ptr_array_unref);
  g_free (row);
}

/* Text */

/* The direction of the first strong character, as Unicode's bidi algorithm
 * takes a paragraph's: PANGO_DIRECTION_NEUTRAL when there is none. (Pango
 * deprecated its own helpers for this in favour of FriBidi.) */
static PangoDirection
text_direction (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      FriBidiCharType type = fribidi_get_bidi_type (g_utf8_get_char (p));

      if (FRIBIDI_IS_LETTER (type))
        return FRIBIDI_IS_RTL (type) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
    }

  return PANGO_DIRECTION_NEUTRAL;
}

typedef enum {
  TEXT_START,   /* aligned to the start of the map */
  TEXT_CENTER,
} TextAlign;

/* A PangoLayout of @text in @font: wrapped at @width when it is positive
 * (and cut after @max_lines lines with an ellipsis when that is positive),
 * else on one line. Each paragraph keeps its own direction, so that English
 * in a Persian map reads right, but all of them line up with the map's start
 * edge. */
static PangoLayout *
new_text (WmLayout   *self,
          const char *text,
          WmFont      font,
          double      width,
          int         max_lines,
          TextAlign   align)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, wm_theme_get_font (font));
  pango_layout_set_text (layout, text ? text : "", -1);

  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }

  if (align == TEXT_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else
    {
      PangoDirection dir = text_direction (text);
      gboolean para_rtl = dir == PANGO_DIRECTION_NEUTRAL ? self->rtl : dir == PANGO_DIRECTION_RTL;
      gboolean right = self->rtl;

      /* Pango swaps LEFT and RIGHT for a paragraph that runs against the
       * context's base direction (the map's): swap it back. */
      if (para_rtl != self->rtl)
        right = !right;
      pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }

  if (font == WM_FONT_BODY)
    pango_layout_set_line_spacing (layout, 1.12);

  return layout;
}

/* Small bold capitals, slightly spaced: the labels of kinds and badges. */
static PangoLayout *
new_caption (WmLayout   *self,
             const char *text,
             double      width)
{
  g_autofree char *upper = g_utf8_strup (text, -1);
  PangoLayout *layout = new_text (self, upper, WM_FONT_CAPTION, width, width > 0 ? 1 : 0, TEXT_START);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE * 6 / 10));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The size of a text: for wrapped text its full width, so that mirroring
 * keeps it in its column; else the width of its ink's advance. */
static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  *width = pango_layout_get_width (layout) > 0 ? pango_units_to_double (pango_layout_get_width (layout))
                                               : pango_units_to_double (w);
  *height = pango_units_to_double (h);
}

/* Adds @layout (taking it) at (@x, @y) of @box; returns its height. */
static double
add_text (WmBox       *box,
          PangoLayout *layout,
          WmInk        ink,
          double       x,
          double       y)
{
  double width, height;
  WmPrim *prim;

  text_size (layout, &width, &height);
  prim = add_prim (box, WM_PRIM_TEXT, ink, x, y, width, height);
  prim->layout = layout;

  return height;
}

static double
text_width (PangoLayout *layout)
{
  double width, height;

  text_size (layout, &width, &height);
  return width;
}

/* Colours */

static void
paint_from (WmPaint    *paint,
            const char *spec,
            WmTint      fallback,
            int         index)
{
  paint->index = index;
  paint->tint = wm_color_parse (spec, &paint->color) ? WM_TINT_NONE : fallback;
}

static void
persona_paint (WmPersona *persona,
               WmPaint   *paint)
{
  /* A persona always has a colour; the theme's accent stands in for a bad one. */
  paint_from (paint, wm_persona_get_color (persona), WM_TINT_LANE, WM_LANE_KIND_ACTIONS);
}

/* The shape of a persona's points on the curves, and of its legend mark:
 * who is who without relying on colour. */
static WmMark
persona_mark (guint position)
{
  return position % WM_N_PERSONA_MARKS;
}

/* Cards */

static char *
format_number (double value)
{
  char *text;
  char *end;

  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);

  /* Two decimals at most, without trailing zeros, in the user's notation. */
  text = g_strdup_printf ("%.2f", value);
  end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  return text;
}

static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = format_number (value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* "42%", but "4.5 min" */
  return g_strconcat (number, g_str_equal (unit, "%") ? "" : " ", unit, NULL);
}

/* "current → target", the arrow pointing the way the map reads. */
static PangoLayout *
new_kpi_value (WmLayout *self,
               WmCard   *card)
{
  const char *unit = wm_card_get_kpi_unit (card);
  g_autofree char *current = format_value (wm_card_get_kpi_current (card), unit);
  g_autofree char *target = format_value (wm_card_get_kpi_target (card), unit);
  const char *arrow = self->rtl ? " ← " : " → ";
  g_autofree char *text = g_strconcat (current, arrow, target, NULL);
  PangoLayout *layout = new_text (self, text, WM_FONT_VALUE, CARD_W - 2 * CARD_PAD, 0, TEXT_START);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *attr;

  /* The arrow recedes, so that the two values stand out. */
  attr = pango_attr_foreground_alpha_new (0xffff * 45 / 100);
  attr->start_index = strlen (current);
  attr->end_index = attr->start_index + strlen (arrow);
  pango_attr_list_insert (attrs, attr);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The row of an opportunity's ratings: "IMPACT ●●●●○  EFFORT ●○○○○". */
static double
add_ratings (WmLayout *self,
             WmBox    *box,
             WmCard   *card,
             double    y)
{
  const double dots_w = 5 * 7 + 4 * 3;
  struct { const char *label; int value; } ratings[] = {
    { _("Impact"), wm_card_get_impact (card) },
    { _("Effort"), wm_card_get_effort (card) },
  };
  double x = CARD_PAD, height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      PangoLayout *label;
      double h;

      if (ratings[i].value == 0)
        continue;

      label = new_caption (self, ratings[i].label, 0);
      h = add_text (box, label, WM_INK_DIM, x, y);
      x += text_width (label) + 6;
      add_prim (box, WM_PRIM_DOTS, WM_INK_BOX, x, y + (h - 7) / 2, dots_w, 7)->value = ratings[i].value;
      x += dots_w + 16;
      height = MAX (height, h);
    }

  return height;
}

/* Lays a card out as a card of a lane of @kind: its parts one under the
 * other, from the top. */
static void
measure_card (WmLayout   *self,
              CardEntry  *entry,
              WmLaneKind  kind)
{
  WmBox *box = &entry->box;
  WmCard *card = box->element;
  const double inner = CARD_W - 2 * CARD_PAD;
  const char *text = wm_card_get_text (card);
  gboolean has_body = text != NULL && *text != '\0';
  guint n_evidence = g_list_model_get_n_items (wm_element_get_evidence (WM_ELEMENT (card)));
  double y = CARD_PAD;
  g_autofree char *meta = NULL;

  g_array_set_size (box->prims, 0);
  box->frame = WM_FRAME_CARD;
  self->measure_count++;

  switch (kind)
    {
    case WM_LANE_KIND_TOUCHPOINTS:
      {
        const char *label = wm_labels_channel (wm_card_get_channel (card));

        if (*label != '\0')
          {
            PangoLayout *layout = new_caption (self, label, inner - ICON - 8);
            double h, w;

            text_size (layout, &w, &h);
            add_prim (box, WM_PRIM_ICON, WM_INK_BOX, CARD_PAD, y, ICON, ICON)->icon =
              wm_icons_for_channel (wm_card_get_channel (card));
            add_text (box, layout, WM_INK_BOX, CARD_PAD + ICON + 7, y + (ICON - h) / 2);
            y += ICON + 8;
          }
      }
      break;

    case WM_LANE_KIND_OPPORTUNITIES:
      if (wm_card_is_quick_win (card))
        {
          PangoLayout *layout = new_caption (self, _("Quick win"), 0);
          double w, h, pill_w;

          text_size (layout, &w, &h);
          pill_w = 8 + 12 + 5 + w + 10;
          box->frame = WM_FRAME_QUICK_WIN;
          add_prim (box, WM_PRIM_PILL, WM_INK_QUICK_WIN, CARD_PAD, y, pill_w, 22);
          add_prim (box, WM_PRIM_ICON, WM_INK_ON_QUICK_WIN, CARD_PAD + 8, y + 5, 12, 12)->icon = "quick-win";
          add_text (box, layout, WM_INK_ON_QUICK_WIN, CARD_PAD + 25, y + (22 - h) / 2);
          y += 22 + 9;
        }
      break;

    case WM_LANE_KIND_KPIS:
      {
        const char *name = wm_card_get_kpi_name (card);

        if (name != NULL && *name != '\0')
          y += add_text (box, new_caption (self, name, inner), WM_INK_BOX, CARD_PAD, y) + 3;
        y += add_text (box, new_kpi_value (self, card), WM_INK_TEXT, CARD_PAD, y) + 4;
      }
      break;

    default:
      break;
    }

  /* Every card shows at least its text, even an empty one, so that it has
   * a place to be seen and clicked. */
  if (has_body || box->prims->len == 0)
    {
      WmFont font = kind == WM_LANE_KIND_KPIS ? WM_FONT_SMALL : WM_FONT_BODY;
      WmInk ink = kind == WM_LANE_KIND_KPIS ? WM_INK_DIM : WM_INK_TEXT;

      y += add_text (box, new_text (self, text, font, inner, 0, TEXT_START), ink, CARD_PAD, y);
    }
  else
    y -= 4; /* part of the gap left under the label for a text that is not there */

  if (kind == WM_LANE_KIND_OPPORTUNITIES)
    {
      const char *owner = wm_card_get_owner (card);
      WmOpportunityStatus status = wm_card_get_status (card);

      if (wm_card_get_impact (card) > 0 || wm_card_get_effort (card) > 0)
        y += 10 + add_ratings (self, box, card, y + 10);

      if (owner != NULL && *owner != '\0')
        meta = g_strdup_printf ("%s · %s", owner, wm_labels_opportunity_status (status));
      else if (status != WM_OPPORTUNITY_STATUS_IDEA)
        meta = g_strdup (wm_labels_opportunity_status (status));
    }

  /* The footer: who and how far (opportunities), and how much evidence
   * backs the card, at the end edge. */
  if (meta != NULL || n_evidence > 0)
    {
      double footer_y = y + 8, h = 0;

      if (n_evidence > 0)
        {
          g_autofree char *count = g_strdup_printf ("%u", n_evidence);
          PangoLayout *layout = new_caption (self, count, 0);
          double w, th;

          text_size (layout, &w, &th);
          add_text (box, layout, WM_INK_DIM, CARD_W - CARD_PAD - w, footer_y + (14 - th) / 2);
          add_prim (box, WM_PRIM_ICON, WM_INK_DIM, CARD_W - CARD_PAD - w - 3 - 14, footer_y, 14, 14)->icon = "evidence";
          h = 14;
        }
      if (meta != NULL)
        {
          double room = inner - (n_evidence > 0 ? 44 : 0);

          h = MAX (h, add_text (box, new_text (self, meta, WM_FONT_SMALL, room, 1, TEXT_START),
                                WM_INK_DIM, CARD_PAD, footer_y));
        }
      y = footer_y + h;
    }

  box->rect.width = CARD_W;
  box->rect.height = y + CARD_PAD;
  entry->kind = kind;
  entry->valid = TRUE;
}

static WmMark
polarity_mark (WmPolarity polarity)
{
  switch (polarity)
    {
    case WM_POLARITY_POSITIVE:
      return WM_MARK_TRIANGLE;
    case WM_POLARITY_NEGATIVE:
      return WM_MARK_TRIANGLE_DOWN;
    case WM_POLARITY_DECISIVE:
    default:
      return WM_MARK_STAR;
    }
}

static WmBox *
measure_moment (WmLayout *self,
                WmMoment *moment)
{
  WmPolarity polarity = wm_moment_get_polarity (moment);
  WmBox *box = box_new (moment, WM_FRAME_MOMENT);
  const double inner = CARD_W - 2 * CARD_PAD;
  const char *description = wm_moment_get_description (moment);
  PangoLayout *caption;
  double y = CARD_PAD, w, h;

  if (polarity > WM_POLARITY_DECISIVE)
    polarity = WM_POLARITY_DECISIVE;
  box->paint.tint = WM_TINT_POSITIVE + polarity;

  caption = new_caption (self, wm_labels_moment (polarity), inner - 26);
  text_size (caption, &w, &h);
  add_prim (box, WM_PRIM_MARK, WM_INK_BOX, CARD_PAD, y, 18, 18)->value = polarity_mark (polarity);
  add_text (box, caption, WM_INK_BOX, CARD_PAD + 26, y + (18 - h) / 2);
  y += 18 + 6;
  y += add_text (box, new_text (self, wm_moment_get_title (moment), WM_FONT_HEADING, inner, 0, TEXT_START),
                 WM_INK_TEXT, CARD_PAD, y);
  if (description != NULL && *description != '\0')
    y += 3 + add_text (box, new_text (self, description, WM_FONT_SMALL, inner, 0, TEXT_START),
                       WM_INK_DIM, CARD_PAD, y + 3);

  box->rect.width = CARD_W;
  box->rect.height = y + CARD_PAD;
  return box;
}

/* Personas */

/* Up to two initials, for a persona without a picture. */
static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name ? name : "", " \t\n-", -1);
  GString *result = g_string_new (NULL);

  for (guint i = 0, n = 0; words[i] != NULL && n < 2; i++)
    if (*words[i] != '\0')
      {
        /* A zero-width non-joiner keeps Arabic-script initials apart,
         * where they would otherwise join into a word. */
        if (n++ > 0)
          g_string_append (result, "\u200c");
        g_string_append_unichar (result, g_unichar_toupper (g_utf8_get_char (words[i])));
      }

  return g_string_free (result, FALSE);
}

static void
add_avatar (WmLayout  *self,
            WmBox     *box,
            WmPersona *persona,
            double     x,
            double     y,
            double     size)
{
  g_autofree char *letters = initials (wm_persona_get_name (persona));
  PangoLayout *layout = new_text (self, letters, WM_FONT_INITIALS, size, 1, TEXT_CENTER);
  WmPrim *prim = add_prim (box, WM_PRIM_AVATAR, WM_INK_OWN, x, y, size, size);

  if (size < AVATAR)
    {
      PangoFontDescription *font = pango_font_description_copy (wm_theme_get_font (WM_FONT_INITIALS));

      pango_font_description_set_absolute_size (font, size * 0.42 * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }

  prim->layout = layout;
  prim->persona = g_object_ref (persona);
  persona_paint (persona, &prim->paint);
}

static WmBox *
measure_legend_entry (WmLayout  *self,
                      WmPersona *persona,
                      guint      index)
{
  WmBox *box = box_new (persona, WM_FRAME_NONE);
  const char *role = wm_persona_get_job_role (persona);
  int age = wm_persona_get_age (persona);
  g_autofree char *detail = NULL;
  PangoLayout *name;
  WmPrim *mark;
  double x = AVATAR + 12, name_w, name_h, name_y, detail_w = 0, detail_h = 0;

  add_avatar (self, box, persona, 0, 0, AVATAR);

  name = new_text (self, wm_persona_get_name (persona), WM_FONT_HEADING, 0, 0, TEXT_START);
  text_size (name, &name_w, &name_h);
  if (name_w > 220)
    {
      g_object_unref (name);
      name = new_text (self, wm_persona_get_name (persona), WM_FONT_HEADING, 220, 1, TEXT_START);
      text_size (name, &name_w, &name_h);
    }

  if (role != NULL && *role != '\0' && age > 0)
    detail = g_strdup_printf ("%s · %d", role, age);
  else if (role != NULL && *role != '\0')
    detail = g_strdup (role);
  else if (age > 0)
    detail = g_strdup_printf ("%d", age);

  if (detail != NULL)
    {
      PangoLayout *layout = new_text (self, detail, WM_FONT_SMALL, 0, 0, TEXT_START);

      text_size (layout, &detail_w, &detail_h);
      if (detail_w > 240)
        {
          g_object_unref (layout);
          layout = new_text (self, detail, WM_FONT_SMALL, 240, 1, TEXT_START);
          text_size (layout, &detail_w, &detail_h);
        }
      add_text (box, layout, WM_INK_DIM, x, (AVATAR + name_h + 2 - detail_h) / 2);
    }

  name_y = (AVATAR - name_h - (detail ? 2 + detail_h : 0)) / 2;
  add_text (box, name, WM_INK_TEXT, x, name_y);

  mark = add_prim (box, WM_PRIM_MARK, WM_INK_OWN, x + name_w + 8, name_y + (name_h - 11) / 2, 11, 11);
  mark->value = persona_mark (index);
  persona_paint (persona, &mark->paint);

  box->rect.width = x + MAX (name_w + 8 + 11, detail_w);
  box->rect.height = AVATAR;
  return box;
}

/* Headers */

static WmBox *
measure_title (WmLayout *self,
               double    width)
{
  WmDocument *document = self->document;
  WmBox *box = box_new (document, WM_FRAME_NONE);
  const char *title = wm_document_get_title (document);
  const char *description = wm_document_get_description (document);
  gboolean untitled = title == NULL || *title == '\0';
  PangoLayout *kind;
  double y = 0, w, h;

  y += add_text (box, new_text (self, untitled ? _("Untitled map") : title, WM_FONT_TITLE, width, 0, TEXT_START),
                 untitled ? WM_INK_DIM : WM_INK_TEXT, 0, y);

  kind = new_caption (self, wm_labels_map_kind (wm_document_get_kind (document)), 0);
  text_size (kind, &w, &h);
  y += 10;
  add_prim (box, WM_PRIM_PILL, WM_INK_BOX_TINT, 0, y, w + 20, 22);
  add_text (box, kind, WM_INK_BOX, 10, y + (22 - h) / 2);
  y += 22;

  if (description != NULL && *description != '\0')
    y += 12 + add_text (box, new_text (self, description, WM_FONT_BODY, MIN (width, 880), 0, TEXT_START),
                        WM_INK_DIM, 0, y + 12);

  box->paint.tint = WM_TINT_ACCENT;
  box->rect.width = width;
  box->rect.height = y;
  return box;
}

static WmBox *
measure_stage (WmLayout *self,
               WmStage  *stage,
               guint     index)
{
  WmBox *box = box_new (stage, WM_FRAME_STAGE);
  const char *description = wm_stage_get_description (stage);
  double start = STAGE_PAD + (index == 0 ? 0 : CHEVRON * 0.7);
  double inner = COL_W - start - STAGE_PAD - CHEVRON;
  g_autofree char *number = g_strdup_printf ("%02u", index + 1);
  double y = STAGE_PAD;

  box->first = index == 0;
  paint_from (&box->paint, wm_stage_get_color (stage), WM_TINT_STAGE, index);

  y += add_text (box, new_caption (self, number, 0), WM_INK_ON_BOX, start, y) + 2;
  y += add_text (box, new_text (self, wm_stage_get_name (stage), WM_FONT_HEADING, inner, 2, TEXT_START),
                 WM_INK_ON_BOX, start, y);
  if (description != NULL && *description != '\0')
    y += 3 + add_text (box, new_text (self, description, WM_FONT_SMALL, inner, 3, TEXT_START),
                       WM_INK_ON_BOX, start, y + 3);

  box->rect.width = COL_W;
  box->rect.height = y + STAGE_PAD;
  return box;
}

/* A lane's header: its kind, its title and whose it is: @persona, or for
 * an emotion lane, the personas at the positions in @curve, with their marks. */
static WmBox *
measure_lane_header (WmLayout   *self,
                     const Pass *pass,
                     WmLane     *lane,
                     WmPersona  *persona,
                     GArray     *curve)
{
  WmLaneKind kind = lane ? wm_lane_get_kind (lane) : WM_LANE_KIND_MOMENTS_OF_TRUTH;
  WmBox *box = box_new (lane, WM_FRAME_LANE_HEADER);
  const double inner = HEADER_W - 2 * HEADER_PAD - 4;
  const double x = HEADER_PAD + 4;
  const char *title = lane ? wm_lane_get_title (lane) : wm_labels_lane_kind (kind);
  PangoLayout *caption = new_caption (self, wm_labels_lane_kind (kind), inner - 36);
  double y = HEADER_PAD, w, h;

  paint_from (&box->paint, lane ? wm_lane_get_color (lane) : NULL, WM_TINT_LANE, kind);

  text_size (caption, &w, &h);
  add_prim (box, WM_PRIM_PILL, WM_INK_BOX_TINT, x, y, 28, 28)->value = 8;
  add_prim (box, WM_PRIM_ICON, WM_INK_BOX, x + 6, y + 6, ICON, ICON)->icon = wm_icons_for_lane_kind (kind);
  add_text (box, caption, WM_INK_BOX, x + 36, y + (28 - h) / 2);
  y += 28 + 8;

  if (title != NULL && *title != '\0')
    y += add_text (box, new_text (self, title, WM_FONT_HEADING, inner, 3, TEXT_START), WM_INK_TEXT, x, y);

  if (curve != NULL)
    {
      for (guint i = 0; i < curve->len; i++)
        {
          guint position = g_array_index (curve, guint, i);
          WmPersona *p = g_ptr_array_index (pass->personas, position);
          PangoLayout *name = new_text (self, wm_persona_get_name (p), WM_FONT_SMALL, inner - 18, 1, TEXT_START);
          WmPrim *mark;

          y += i == 0 ? 8 : 4;
          text_size (name, &w, &h);
          mark = add_prim (box, WM_PRIM_MARK, WM_INK_OWN, x, y + (h - 10) / 2, 10, 10);
          mark->value = persona_mark (position);
          persona_paint (p, &mark->paint);
          y += add_text (box, name, WM_INK_DIM, x + 18, y);
        }
    }
  else if (persona != NULL)
    {
      PangoLayout *name = new_text (self, wm_persona_get_name (persona), WM_FONT_SMALL, inner - 30, 1, TEXT_START);

      y += 8;
      text_size (name, &w, &h);
      add_avatar (self, box, persona, x, y, 22);
      add_text (box, name, WM_INK_DIM, x + 30, y + (22 - h) / 2);
      y += 22;
    }

  box->rect.width = HEADER_W;
  box->rect.height = y + HEADER_PAD;
  return box;
}

/* Model watching */

static void
on_watched_changed (Watch *watch)
{
  if (watch->card != NULL)
    {
      CardEntry *entry = g_hash_table_lookup (watch->layout->cards, watch->card);

      if (entry != NULL)
        entry->valid = FALSE;
    }

  mark_dirty (watch->layout);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_signal_handler_disconnect (watch->object, watch->handler);
  g_object_unref (watch->object);
  g_free (watch);
}

/* Listens to @object's @signal until a relayout no longer finds it in the
 * map; a change marks the layout dirty, and @card's measurement stale. */
static void
watch (WmLayout   *self,
       gpointer    object,
       const char *signal,
       WmCard     *card)
{
  Watch *watch = g_hash_table_lookup (self->watches, object);

  if (watch == NULL)
    {
      watch = g_new0 (Watch, 1);
      watch->layout = self;
      watch->object = g_object_ref (object);
      watch->card = card;
      watch->handler = g_signal_connect_swapped (object, signal, G_CALLBACK (on_watched_changed), watch);
      g_hash_table_insert (self->watches, object, watch);
    }

  watch->generation = self->generation;
}

typedef struct
{
  guint generation;
  gsize offset; /* of the entries' generation */
} Sweep;

static gboolean
is_stale (gpointer key,
          gpointer value,
          gpointer user_data)
{
  const Sweep *sweep = user_data;

  return G_STRUCT_MEMBER (guint, value, sweep->offset) != sweep->generation;
}

/* Drops the entries of @table that the last pass did not see. */
static void
sweep (GHashTable *table,
       gsize       offset,
       guint       generation)
{
  Sweep state = { generation, offset };

  g_hash_table_foreach_remove (table, is_stale, &state);
}

static void
mark_dirty (WmLayout *self)
{
  if (self->dirty)
    return;

  self->dirty = TRUE;
  g_signal_emit (self, signals[SIGNAL_INVALIDATED], 0);
}

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
  dir = text_direction (wm_document_get_title (document));
  for (guint l = 0; l < G_N_ELEMENTS (lists) && dir == PANGO_DIRECTION_NEUTRAL; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]) && dir == PANGO_DIRECTION_NEUTRAL; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);

        dir = text_direction (WM_IS_STAGE (item) ? wm_stage_get_name (WM_STAGE (item))
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
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    entry->valid = FALSE;
}

/* Placement */

static void
flip (WmLayout *self,
      WmRect   *rect)
{
  if (self->rtl)
    rect->x = self->width - rect->x - rect->width;
}

static double
column_x (WmLayout *self,
          guint     index)
{
  return self->columns_x + index * (COL_W + COL_GAP);
}

/* The cell rectangle of @row at stage @index, mirrored. */
static void
cell_rect (WmLayout    *self,
           const WmRow *row,
           guint        index,
           WmRect      *rect)
{
  *rect = (WmRect) { column_x (self, index), row->rect.y, COL_W, row->rect.height };
  flip (self, rect);
}

/* Makes @element's place known, and the box it is drawn as, if any: the
 * first place counts (an emotion point may be on more than one curve). */
static void
remember (WmLayout *self,
          gpointer  element,
          WmRect   *rect,
          WmBox    *box)
{
  if (element == NULL || g_hash_table_contains (self->rects, element))
    return;

  g_hash_table_insert (self->rects, element, rect);
  if (box != NULL)
    g_hash_table_insert (self->boxes, element, box);
}

static WmBox *
level_label (WmLayout *self,
             int       score)
{
  const char *word = wm_document_get_scale_label (self->document, score);
  /* Isolated left to right, so that a right-to-left map shows "+3", not "3+". */
  g_autofree char *number = score > 0 ? g_strdup_printf ("\u2066+%d\u2069", score)
                          : score < 0 ? g_strdup_printf ("\u2066−%d\u2069", -score)
                          : g_strdup ("0");
  g_autofree char *text = word && *word ? g_strdup_printf ("%s  %s", number, word) : g_strdup (number);
  PangoLayout *layout = new_text (self, text, WM_FONT_CAPTION, 0, 0, TEXT_START);
  WmBox *box = box_new (NULL, WM_FRAME_NONE);
  double w, h;

  text_size (layout, &w, &h);
  if (w > COL_W / 2 - 24)
    {
      g_object_unref (layout);
      layout = new_text (self, text, WM_FONT_CAPTION, COL_W / 2 - 24, 1, TEXT_START);
      text_size (layout, &w, &h);
    }
  add_text (box, layout, WM_INK_DIM, 0, 0);
  box->rect.width = w;
  box->rect.height = h;
  return box;
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

/* The scale's levels and the curves of an emotion row, once the row is placed. */
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
          level.label = level_label (self, s);
          level.label->rect.x = column_x (self, 0) + 10;
          level.label->rect.y = level.y - level.label->rect.height - 2;
          flip (self, &level.label->rect);
        }
      g_array_append_val (row->levels, level);
    }

  row->curves = g_ptr_array_new_with_free_func (curve_free);
  for (guint p = 0; p < curve->len; p++)
    {
      guint position = g_array_index (curve, guint, p);
      WmPersona *persona = g_ptr_array_index (pass->personas, position);
      const char *persona_id = wm_element_get_id (WM_ELEMENT (persona));
      WmCurve *line = g_new0 (WmCurve, 1);

      persona_paint (persona, &line->paint);
      line->mark = persona_mark (position);
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

          cell_rect (self, row, i, &cell);
          y = score_y (self, row, wm_emotion_point_get_score (point));
          cp.point = g_object_ref (point);
          cp.rect = (WmRect) { cell.x + cell.width / 2 - POINT / 2, y - POINT / 2, POINT, POINT };

          label = wm_emotion_point_get_label (point);
          if (label != NULL && *label != '\0')
            {
              PangoLayout *layout = new_text (self, label, WM_FONT_SMALL, 0, 0, TEXT_CENTER);
              double w, h;

              text_size (layout, &w, &h);
              if (w > COL_W - 24)
                {
                  g_object_unref (layout);
                  layout = new_text (self, label, WM_FONT_SMALL, COL_W - 24, 1, TEXT_CENTER);
                  text_size (layout, &w, &h);
                }
              /* On a halo of the page, over the curves; outside the curve:
               * above a high point, below a low one. */
              cp.label = box_new (NULL, WM_FRAME_NONE);
              add_prim (cp.label, WM_PRIM_PILL, WM_INK_PAGE, 0, 0, w + 12, h + 4);
              add_text (cp.label, layout, WM_INK_TEXT, 6, 2);
              cp.label->rect = (WmRect) { cell.x + cell.width / 2 - w / 2 - 6, 0, w + 12, h + 4 };
              cp.label->rect.y = wm_emotion_point_get_score (point) * 2 < min + max
                                 ? y + POINT / 2 + 2
                                 : y - POINT / 2 - 2 - h - 4;
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

          remember (self, cp->point, &cp->rect, NULL);
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

  g_clear_pointer (&plan->row, row_free);
  g_clear_pointer (&plan->curve, g_array_unref);
}

/* The items of @list, listened to. */
static GPtrArray *
collect (WmLayout   *self,
         GListModel *list)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  watch (self, list, "items-changed", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GObject *item = g_list_model_get_item (list, i);

      watch (self, item, "notify", NULL);
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

  watch (self, self->document, "notify", NULL);
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
  return row;
}

/* The measured box of @card, measured again only if it changed. */
static CardEntry *
card_entry (WmLayout   *self,
            WmCard     *card,
            WmLaneKind  kind)
{
  CardEntry *entry = g_hash_table_lookup (self->cards, card);

  if (entry == NULL)
    {
      entry = g_new0 (CardEntry, 1);
      box_init (&entry->box, card, WM_FRAME_CARD);
      g_hash_table_insert (self->cards, card, entry);
    }

  watch (self, card, "notify", card);
  watch (self, wm_element_get_evidence (WM_ELEMENT (card)), "items-changed", card);
  entry->generation = self->generation;

  if (!entry->valid || entry->kind != kind)
    measure_card (self, entry, kind);

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

  self->title = measure_title (self, content_w);
  self->title->rect.x = MARGIN;
  self->title->rect.y = y;
  flip (self, &self->title->rect);
  remember (self, self->document, &self->title->rect, self->title);
  y += self->title->rect.height + TITLE_GAP;

  for (guint i = 0; i < pass->personas->len; i++)
    {
      WmBox *box = measure_legend_entry (self, g_ptr_array_index (pass->personas, i), i);

      if (x > 0 && x + box->rect.width > content_w)
        {
          x = 0;
          y += line_h + 16;
        }
      box->rect.x = MARGIN + x;
      box->rect.y = y;
      flip (self, &box->rect);
      x += box->rect.width + 36;
      line_h = box->rect.height;
      g_ptr_array_add (self->legend, box);
      remember (self, box->element, &box->rect, box);
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
      WmBox *box = measure_stage (self, g_ptr_array_index (pass->stages, i), i);

      height = MAX (height, box->rect.height);
      g_ptr_array_add (self->stage_boxes, box);
    }

  for (guint i = 0; i < pass->stages->len; i++)
    {
      WmBox *box = g_ptr_array_index (self->stage_boxes, i);

      box->rect = (WmRect) { column_x (self, i), y, COL_W, height };
      flip (self, &box->rect);
      remember (self, box->element, &box->rect, box);
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

            watch (self, cards, "items-changed", NULL);
            for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
              {
                g_autoptr(WmCard) card = g_list_model_get_item (cards, c);

                g_ptr_array_add (cell, card_entry (self, card, plan.kind));
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

      box = measure_moment (self, moment);
      g_ptr_array_add (self->moment_boxes, box);
      g_ptr_array_add (g_ptr_array_index (g_array_index (plans, RowPlan, target).row->cells, s), box);
    }

  return plans;
}

/* Each row as tall as its header and its fullest cell, one under the
 * other; returns where the last one ends. */
static double
place_rows (WmLayout   *self,
            const Pass *pass,
            GArray     *plans,
            double      y)
{
  guint n_stages = pass->stages->len;

  for (guint r = 0; r < plans->len; r++)
    {
      RowPlan *plan = &g_array_index (plans, RowPlan, r);
      WmRow *row = g_steal_pointer (&plan->row);
      WmPersona *persona = NULL;
      double row_h;

      if (row->lane != NULL && plan->curve == NULL)
        {
          int p = position_of (pass->persona_index, wm_lane_get_persona (row->lane));

          persona = p >= 0 ? g_ptr_array_index (pass->personas, p) : NULL;
        }
      row->header = measure_lane_header (self, pass, row->lane, persona, plan->curve);
      row_h = MAX (MIN_ROW_H, row->header->rect.height);

      if (plan->curve != NULL)
        {
          double band = CLAMP (scale_steps (self->document) * EMO_STEP, 150, 300);

          row_h = MAX (row_h, EMO_TOP + band + EMO_BOTTOM);
          row->band = (WmRect) { 0, y + (row_h - band - EMO_TOP - EMO_BOTTOM) / 2 + EMO_TOP, 0, band };
        }

      for (guint s = 0; s < n_stages; s++)
        {
          GPtrArray *cell = g_ptr_array_index (row->cells, s);
          double cell_h = 2 * CELL_PAD;

          for (guint b = 0; b < cell->len; b++)
            cell_h += ((WmBox *) g_ptr_array_index (cell, b))->rect.height + (b > 0 ? CARD_GAP : 0);
          row_h = MAX (row_h, cell_h);
        }

      row->rect = (WmRect) { MARGIN, y, self->width - 2 * MARGIN, row_h };
      if (n_stages > 0)
        row->rect.width = column_x (self, n_stages - 1) + COL_W - MARGIN;
      flip (self, &row->rect);

      row->header->rect = (WmRect) { MARGIN, y, HEADER_W, row_h };
      flip (self, &row->header->rect);
      remember (self, row->lane, &row->header->rect, row->header);

      for (guint s = 0; s < n_stages; s++)
        {
          GPtrArray *cell = g_ptr_array_index (row->cells, s);
          double cy = y + CELL_PAD;

          for (guint b = 0; b < cell->len; b++)
            {
              WmBox *box = g_ptr_array_index (cell, b);

              box->rect.x = column_x (self, s) + CELL_PAD;
              box->rect.y = cy;
              flip (self, &box->rect);
              /* A card takes its colour from the lane it is in. */
              if (row->lane != NULL && WM_IS_CARD (box->element))
                paint_from (&box->paint, wm_lane_get_color (row->lane), WM_TINT_LANE, plan->kind);
              remember (self, box->element, &box->rect, box);
              cy += box->rect.height + CARD_GAP;
            }
        }

      if (plan->curve != NULL)
        {
          row->band.x = self->columns_x;
          row->band.width = n_stages > 0 ? column_x (self, n_stages - 1) + COL_W - self->columns_x : 0;
          flip (self, &row->band);
          place_curves (self, pass, row, plan->curve);
        }

      g_ptr_array_add (self->rows, row);
      y += row_h + ROW_GAP;
    }

  return plans->len > 0 ? y - ROW_GAP : y - STAGE_GAP;
}

static void
relayout (WmLayout *self)
{
  Pass pass = { NULL };
  g_autoptr(GArray) plans = NULL;
  double content_w, y;

  self->generation++;
  self->dirty = FALSE;

  pass_init (self, &pass);
  set_rtl (self, resolve_rtl (self->document));

  g_hash_table_remove_all (self->rects);
  g_hash_table_remove_all (self->boxes);
  g_clear_pointer (&self->title, box_free);
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
  y = place_rows (self, &pass, plans, y);
  self->height = y + MARGIN;

  /* Forget what left the map. */
  for (guint i = 0; i < pass.personas->len; i++)
    {
      PictureEntry *entry = g_hash_table_lookup (self->pictures, g_ptr_array_index (pass.personas, i));

      if (entry != NULL)
        entry->generation = self->generation;
    }
  sweep (self->cards, G_STRUCT_OFFSET (CardEntry, generation), self->generation);
  sweep (self->watches, G_STRUCT_OFFSET (Watch, generation), self->generation);
  sweep (self->pictures, G_STRUCT_OFFSET (PictureEntry, generation), self->generation);

  pass_clear (&pass);
}

/* GObject */

static void
wm_layout_dispose (GObject *object)
{
  WmLayout *self = WM_LAYOUT (object);

  /* Watches first: they hold handlers that point back at us. */
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->rects, g_hash_table_unref);
  g_clear_pointer (&self->boxes, g_hash_table_unref);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_clear_pointer (&self->title, box_free);
  g_clear_pointer (&self->legend, g_ptr_array_unref);
  g_clear_pointer (&self->stage_boxes, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->moment_boxes, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wm_layout_parent_class)->dispose (object);
}

static void
wm_layout_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmLayout *self = WM_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MEASURE_COUNT:
      g_value_set_uint (value, self->measure_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_layout_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmLayout *self = WM_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_layout_constructed (GObject *object)
{
  WmLayout *self = WM_LAYOUT (object);

  G_OBJECT_CLASS (wm_layout_parent_class)->constructed (object);

  g_return_if_fail (WM_IS_DOCUMENT (self->document));
  relayout (self);
}

static void
wm_layout_class_init (WmLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_layout_dispose;
  object_class->get_property = wm_layout_get_property;
  object_class->set_property = wm_layout_set_property;
  object_class->constructed = wm_layout_constructed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", "Document", "The map laid out",
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * WmLayout:measure-count:
   *
   * How many times a card has been measured since the layout was made:
   * for tests and benchmarks, to see that relayout is incremental.
   */
  properties[PROP_MEASURE_COUNT] =
    g_param_spec_uint ("measure-count", "Measure count", "Cards measured so far (for tests and benchmarks)",
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmLayout::invalidated:
   *
   * The document changed since the last update: the geometry is stale.
   * Emitted once until the next wm_layout_update(). Handlers should queue
   * an update, not update at once: the edit may be one of several.
   */
  signals[SIGNAL_INVALIDATED] =
    g_signal_new ("invalidated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * WmLayout::changed:
   *
   * wm_layout_update() recomputed the geometry.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_layout_init (WmLayout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The default font map of this thread: it needs no display. Resolution
   * and font options are set on our context only, so that the map is shared
   * as is with whatever else uses it (the toolkit, on the UI thread). */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 96);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);

  self->watches = g_hash_table_new_full (NULL, NULL, NULL, watch_free);
  self->cards = g_hash_table_new_full (NULL, NULL, NULL, card_entry_free);
  self->rects = g_hash_table_new (NULL, NULL);
  self->boxes = g_hash_table_new (NULL, NULL);
  self->pictures = g_hash_table_new_full (NULL, NULL, NULL, picture_entry_free);
  self->legend = g_ptr_array_new_with_free_func (box_free);
  self->stage_boxes = g_ptr_array_new_with_free_func (box_free);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->moment_boxes = g_ptr_array_new_with_free_func (box_free);
  self->dirty = TRUE;
}

/**
 * wm_layout_new:
 *
 * Lays @document out. The layout follows the document's changes: see
 * wm_layout_update(). It is to be used on the thread that made it.
 *
 * Returns: (transfer full): the layout, up to date.
 */
WmLayout *
wm_layout_new (WmDocument *document)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  return g_object_new (WM_TYPE_LAYOUT, "document", document, NULL);
}

WmDocument *
wm_layout_get_document (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);

  return self->document;
}

/**
 * wm_layout_update:
 *
 * Brings the geometry up to date with the document, remeasuring only the
 * cards that changed; does nothing when nothing changed. The getters return
 * the geometry of the last update (a new layout is up to date).
 */
void
wm_layout_update (WmLayout *self)
{
  guint measured;

  g_return_if_fail (WM_IS_LAYOUT (self));

  if (!self->dirty)
    return;

  measured = self->measure_count;
  relayout (self);
  if (self->measure_count != measured)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE_COUNT]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

double
wm_layout_get_width (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);

  return self->width;
}

double
wm_layout_get_height (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);

  return self->height;
}

/**
 * wm_layout_is_rtl:
 *
 * Returns: whether the map runs right to left: its own direction, or for
 * an automatic one, that of its title, else of its stage names and lane
 * titles; left to right when none tells.
 */
gboolean
wm_layout_is_rtl (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);

  return self->rtl;
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

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  found = g_hash_table_lookup (self->rects, element);
  if (found == NULL)
    return FALSE;

  *rect = *found;
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
              cell_rect (self, row, s, rect);
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

      if (WM_IS_CARD (box->element) && box->rect.y + box->rect.height / 2 < y)
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
        return CLAMP (max - (y - row->band.y) / row->band.height * (max - min), MIN (min, max), MAX (min, max));
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

/**
 * wm_layout_get_picture:
 *
 * The persona's picture, decoded on first use and kept until it changes.
 *
 * Returns: (transfer none) (nullable): the picture, or %NULL when the
 *   persona has none or it cannot be decoded.
 */
WmPicture *
wm_layout_get_picture (WmLayout  *self,
                       WmPersona *persona)
{
  GBytes *bytes = wm_persona_get_picture (persona);
  const char *type = wm_persona_get_picture_type (persona);
  PictureEntry *entry = g_hash_table_lookup (self->pictures, persona);
  g_autoptr(GError) error = NULL;

  if (bytes == NULL)
    {
      g_hash_table_remove (self->pictures, persona);
      return NULL;
    }

  if (entry != NULL && (entry->bytes == bytes || g_bytes_equal (entry->bytes, bytes)) && g_strcmp0 (entry->type, type) == 0)
    return entry->picture;

  entry = g_new0 (PictureEntry, 1);
  entry->bytes = g_bytes_ref (bytes);
  entry->type = g_strdup (type);
  entry->generation = self->generation;
  entry->picture = wm_picture_new (bytes, type, &error);
  if (entry->picture == NULL)
    g_debug ("Picture of persona %s: %s", wm_element_get_id (WM_ELEMENT (persona)), error->message);
  g_hash_table_replace (self->pictures, persona, entry);

  return entry->picture;
}
