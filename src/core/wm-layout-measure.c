/* wm-layout-measure.c: elements as measured boxes.
 *
 * Each element of the map that is drawn as a box (a card, a moment, a
 * header, a legend entry, a label) becomes a WmBox of a known size, with
 * its primitives placed relative to its top and start edge. Where the box
 * goes is for wm-layout-place.c to decide.
 *
 * Text is measured with Pango in the layout's own context (see
 * wm-layout.c). Short texts that repeat are shaped once per layout and
 * shared; a card's own text is measured once and kept until it changes.
 */
#include "wm-layout-internal.h"

#include <fribidi.h>
#include <glib/gi18n.h>
#include <math.h>

#include "wm-card.h"
#include "wm-icons.h"
#include "wm-labels.h"

/* Boxes and primitives */

static void
prim_clear (gpointer data)
{
  WmPrim *prim = data;

  g_clear_object (&prim->layout);
  g_clear_object (&prim->persona);
}

void
wm_layout_box_init (WmBox    *box,
                    gpointer  element,
                    WmFrame   frame)
{
  box->element = element ? g_object_ref (element) : NULL;
  box->frame = frame;
  box->prims = g_array_new (FALSE, TRUE, sizeof (WmPrim));
  g_array_set_clear_func (box->prims, prim_clear);
}

void
wm_layout_box_clear (WmBox *box)
{
  g_clear_object (&box->element);
  g_clear_pointer (&box->prims, g_array_unref);
}

WmBox *
wm_layout_box_new (gpointer element,
                   WmFrame  frame)
{
  WmBox *box = g_new0 (WmBox, 1);

  wm_layout_box_init (box, element, frame);
  return box;
}

void
wm_layout_box_free (gpointer data)
{
  WmBox *box = data;

  if (box == NULL)
    return;

  wm_layout_box_clear (box);
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

void
wm_layout_card_entry_free (gpointer data)
{
  CardEntry *entry = data;

  wm_layout_box_clear (&entry->box);
  g_free (entry);
}

void
wm_layout_curve_free (gpointer data)
{
  WmCurve *curve = data;

  for (guint i = 0; i < curve->points->len; i++)
    {
      WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);

      g_clear_object (&point->point);
      g_clear_pointer (&point->label, wm_layout_box_free);
    }
  g_array_unref (curve->points);
  g_free (curve);
}

void
wm_layout_row_free (gpointer data)
{
  WmRow *row = data;

  g_clear_object (&row->lane);
  g_clear_pointer (&row->header, wm_layout_box_free);
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_clear_pointer (&row->cell_heights, g_free);
  if (row->levels != NULL)
    {
      for (guint i = 0; i < row->levels->len; i++)
        wm_layout_box_free (g_array_index (row->levels, WmLevel, i).label);
      g_array_unref (row->levels);
    }
  g_clear_pointer (&row->curves, g_ptr_array_unref);
  g_free (row);
}

/* Text */

/* The direction of the first strong character, as Unicode's bidi algorithm
 * takes a paragraph's: PANGO_DIRECTION_NEUTRAL when there is none. (Pango
 * deprecated its own helpers for this in favour of FriBidi.) */
PangoDirection
wm_layout_text_direction (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      FriBidiCharType type = fribidi_get_bidi_type (g_utf8_get_char (p));

      if (FRIBIDI_IS_LETTER (type))
        return FRIBIDI_IS_RTL (type) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
    }

  return PANGO_DIRECTION_NEUTRAL;
}

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
      PangoDirection dir = wm_layout_text_direction (text);
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
new_caption_text (WmLayout   *self,
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

/* Short texts that many boxes show (badges, channels, ratings, owners,
 * evidence counts, persona names) are shaped once and shared: a
 * PangoLayout is only read once measured. Kept across updates, and dropped
 * when a pass no longer uses them or the map's direction changes. */
typedef struct
{
  PangoLayout *layout;
  guint generation;
} Label;

static void
label_free (gpointer data)
{
  Label *label = data;

  g_object_unref (label->layout);
  g_free (label);
}

static PangoLayout *
shared_text (WmLayout   *self,
             const char *text,
             WmFont      font,
             double      width,
             int         max_lines,
             TextAlign   align,
             gboolean    caption)
{
  g_autofree char *key = g_strdup_printf ("%d %d %d %d %.3f\n%s", caption, font, max_lines, align, width, text ? text : "");
  Label *label;

  if (self->labels == NULL)
    self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_free);

  label = g_hash_table_lookup (self->labels, key);
  if (label == NULL)
    {
      label = g_new0 (Label, 1);
      label->layout = caption ? new_caption_text (self, text, width)
                              : new_text (self, text, font, width, max_lines, align);
      g_hash_table_insert (self->labels, g_steal_pointer (&key), label);
    }
  label->generation = self->generation;

  return g_object_ref (label->layout);
}

static PangoLayout *
new_caption (WmLayout   *self,
             const char *text,
             double      width)
{
  return shared_text (self, text, WM_FONT_CAPTION, width, 0, TEXT_START, TRUE);
}

static PangoLayout *
new_label (WmLayout   *self,
           const char *text,
           WmFont      font,
           double      width,
           int         max_lines,
           TextAlign   align)
{
  return shared_text (self, text, font, width, max_lines, align, FALSE);
}

void
wm_layout_labels_clear (WmLayout *self)
{
  g_clear_pointer (&self->labels, g_hash_table_unref);
}

static gboolean
is_unused (gpointer key,
           gpointer value,
           gpointer user_data)
{
  return ((Label *) value)->generation != GPOINTER_TO_UINT (user_data);
}

/* Drops the labels that the last pass did not use. */
void
wm_layout_labels_sweep (WmLayout *self)
{
  if (self->labels != NULL)
    g_hash_table_foreach_remove (self->labels, is_unused, GUINT_TO_POINTER (self->generation));
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

void
wm_layout_paint_from (WmPaint    *paint,
                      const char *spec,
                      WmTint      fallback,
                      int         index)
{
  paint->index = index;
  paint->tint = wm_color_parse (spec, &paint->color) ? WM_TINT_NONE : fallback;
}

void
wm_layout_persona_paint (WmPersona *persona,
                         WmPaint   *paint)
{
  /* A persona always has a colour; the theme's accent stands in for a bad one. */
  wm_layout_paint_from (paint, wm_persona_get_color (persona), WM_TINT_LANE, WM_LANE_KIND_ACTIONS);
}

/* The shape of a persona's points on the curves, and of its legend mark:
 * who is who without relying on colour. */
WmMark
wm_layout_persona_mark (guint position)
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
void
wm_layout_measure_card (WmLayout   *self,
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

          h = MAX (h, add_text (box, new_label (self, meta, WM_FONT_SMALL, room, 1, TEXT_START),
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

WmBox *
wm_layout_measure_moment (WmLayout *self,
                          WmMoment *moment)
{
  WmPolarity polarity = wm_moment_get_polarity (moment);
  WmBox *box = wm_layout_box_new (moment, WM_FRAME_MOMENT);
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
  wm_layout_persona_paint (persona, &prim->paint);
}

WmBox *
wm_layout_measure_legend_entry (WmLayout  *self,
                                WmPersona *persona,
                                guint      index)
{
  WmBox *box = wm_layout_box_new (persona, WM_FRAME_NONE);
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
  mark->value = wm_layout_persona_mark (index);
  wm_layout_persona_paint (persona, &mark->paint);

  box->rect.width = x + MAX (name_w + 8 + 11, detail_w);
  box->rect.height = AVATAR;
  return box;
}

/* Headers */

WmBox *
wm_layout_measure_title (WmLayout *self,
                         double    width)
{
  WmDocument *document = self->document;
  WmBox *box = wm_layout_box_new (document, WM_FRAME_NONE);
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

WmBox *
wm_layout_measure_stage (WmLayout *self,
                         WmStage  *stage,
                         guint     index)
{
  WmBox *box = wm_layout_box_new (stage, WM_FRAME_STAGE);
  const char *description = wm_stage_get_description (stage);
  double start = STAGE_PAD + (index == 0 ? 0 : CHEVRON * 0.7);
  double inner = COL_W - start - STAGE_PAD - CHEVRON;
  g_autofree char *number = g_strdup_printf ("%02u", index + 1);
  double y = STAGE_PAD;

  box->first = index == 0;
  wm_layout_paint_from (&box->paint, wm_stage_get_color (stage), WM_TINT_STAGE, index);

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
 * an emotion lane, the @personas at the positions in @curve, with their marks. */
WmBox *
wm_layout_measure_lane_header (WmLayout   *self,
                               GPtrArray  *personas,
                               WmLane     *lane,
                               WmPersona  *persona,
                               GArray     *curve)
{
  WmLaneKind kind = lane ? wm_lane_get_kind (lane) : WM_LANE_KIND_MOMENTS_OF_TRUTH;
  WmBox *box = wm_layout_box_new (lane, WM_FRAME_LANE_HEADER);
  const double inner = HEADER_W - 2 * HEADER_PAD - 4;
  const double x = HEADER_PAD + 4;
  const char *title = lane ? wm_lane_get_title (lane) : wm_labels_lane_kind (kind);
  PangoLayout *caption = new_caption (self, wm_labels_lane_kind (kind), inner - 36);
  double y = HEADER_PAD, w, h;

  wm_layout_paint_from (&box->paint, lane ? wm_lane_get_color (lane) : NULL, WM_TINT_LANE, kind);

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
          WmPersona *p = g_ptr_array_index (personas, position);
          PangoLayout *name = new_label (self, wm_persona_get_name (p), WM_FONT_SMALL, inner - 18, 1, TEXT_START);
          WmPrim *mark;

          y += i == 0 ? 8 : 4;
          text_size (name, &w, &h);
          mark = add_prim (box, WM_PRIM_MARK, WM_INK_OWN, x, y + (h - 10) / 2, 10, 10);
          mark->value = wm_layout_persona_mark (position);
          wm_layout_persona_paint (p, &mark->paint);
          y += add_text (box, name, WM_INK_DIM, x + 18, y);
        }
    }
  else if (persona != NULL)
    {
      PangoLayout *name = new_label (self, wm_persona_get_name (persona), WM_FONT_SMALL, inner - 30, 1, TEXT_START);

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


WmBox *
wm_layout_measure_level (WmLayout *self,
                         int       score)
{
  const char *word = wm_document_get_scale_label (self->document, score);
  /* Isolated left to right, so that a right-to-left map shows "+3", not "3+". */
  g_autofree char *number = score > 0 ? g_strdup_printf ("\u2066+%d\u2069", score)
                          : score < 0 ? g_strdup_printf ("\u2066−%d\u2069", -score)
                          : g_strdup ("0");
  g_autofree char *text = word && *word ? g_strdup_printf ("%s  %s", number, word) : g_strdup (number);
  PangoLayout *layout = new_label (self, text, WM_FONT_CAPTION, 0, 0, TEXT_START);
  WmBox *box = wm_layout_box_new (NULL, WM_FRAME_NONE);
  double w, h;

  text_size (layout, &w, &h);
  if (w > COL_W / 2 - 24)
    {
      g_object_unref (layout);
      layout = new_label (self, text, WM_FONT_CAPTION, COL_W / 2 - 24, 1, TEXT_START);
      text_size (layout, &w, &h);
    }
  add_text (box, layout, WM_INK_DIM, 0, 0);
  box->rect.width = w;
  box->rect.height = h;
  return box;
}


/* An emotion point's label or emoji, on a halo of the page. */
WmBox *
wm_layout_measure_point_label (WmLayout   *self,
                               const char *label)
{
  PangoLayout *layout = new_label (self, label, WM_FONT_SMALL, 0, 0, TEXT_CENTER);
  WmBox *box = wm_layout_box_new (NULL, WM_FRAME_NONE);
  double w, h;

  text_size (layout, &w, &h);
  if (w > COL_W - 24)
    {
      g_object_unref (layout);
      layout = new_label (self, label, WM_FONT_SMALL, COL_W - 24, 1, TEXT_CENTER);
      text_size (layout, &w, &h);
    }
  add_prim (box, WM_PRIM_PILL, WM_INK_PAGE, 0, 0, w + 12, h + 4);
  add_text (box, layout, WM_INK_TEXT, 6, 2);
  box->rect.width = w + 12;
  box->rect.height = h + 4;
  return box;
}
