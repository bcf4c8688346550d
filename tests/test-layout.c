/* test-layout.c: the geometry of a map, and its drawing, as a user sees them. */
#include <cairo.h>
#include <string.h>

#include "wm-card.h"
#include "wm-document.h"
#include "wm-evidence.h"
#include "wm-icons.h"
#include "wm-layout-private.h"
#include "wm-layout.h"
#include "wm-painter.h"
#include "wm-picture.h"
#include "wm-theme.h"

/* A small map: three stages, an actions lane, an emotion curve, a
 * moments-of-truth lane, an opportunities lane, two personas. */
typedef struct
{
  WmDocument *document;
  WmStage *stages[3];
  WmPersona *personas[2];
  WmLane *actions;
  WmLane *curve;
  WmLane *moments;
  WmLane *opportunities;
} Map;

static const char *persian_stages[] = { "آگاهی", "بررسی", "خرید" };
static const char *english_stages[] = { "Awareness", "Consideration", "Purchase" };

static WmStage *
add_stage (WmDocument *document,
           const char *name)
{
  WmStage *stage = wm_stage_new ();

  wm_stage_set_name (stage, name);
  g_list_store_append (G_LIST_STORE (wm_document_get_stages (document)), stage);
  g_object_unref (stage);
  return stage;
}

static WmLane *
add_lane (WmDocument *document,
          WmLaneKind  kind,
          const char *title)
{
  WmLane *lane = wm_lane_new ();

  wm_lane_set_kind (lane, kind);
  wm_lane_set_title (lane, title);
  g_list_store_append (G_LIST_STORE (wm_document_get_lanes (document)), lane);
  g_object_unref (lane);
  return lane;
}

static WmPersona *
add_persona (WmDocument *document,
             const char *name,
             const char *color)
{
  WmPersona *persona = wm_persona_new ();

  wm_persona_set_name (persona, name);
  wm_persona_set_color (persona, color);
  g_list_store_append (G_LIST_STORE (wm_document_get_personas (document)), persona);
  g_object_unref (persona);
  return persona;
}

static WmCard *
add_card (WmLane     *lane,
          WmStage    *stage,
          const char *text)
{
  WmCard *card = wm_card_new ();

  wm_card_set_text (card, text);
  g_list_store_append (G_LIST_STORE (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)))), card);
  g_object_unref (card);
  return card;
}

static WmEmotionPoint *
add_point (WmDocument *document,
           WmPersona  *persona,
           WmStage    *stage,
           double      score)
{
  WmEmotionPoint *point = wm_emotion_point_new ();

  wm_emotion_point_set_persona (point, wm_element_get_id (WM_ELEMENT (persona)));
  wm_emotion_point_set_stage (point, wm_element_get_id (WM_ELEMENT (stage)));
  wm_emotion_point_set_score (point, score);
  g_list_store_append (G_LIST_STORE (wm_document_get_emotion_points (document)), point);
  g_object_unref (point);
  return point;
}

static WmMoment *
add_moment (WmDocument *document,
            WmStage    *stage,
            const char *title,
            WmPolarity  polarity)
{
  WmMoment *moment = wm_moment_new ();

  wm_moment_set_stage (moment, wm_element_get_id (WM_ELEMENT (stage)));
  wm_moment_set_title (moment, title);
  wm_moment_set_polarity (moment, polarity);
  g_list_store_append (G_LIST_STORE (wm_document_get_moments (document)), moment);
  g_object_unref (moment);
  return moment;
}

static void
map_init (Map         *map,
          const char **stage_names)
{
  map->document = wm_document_new ();
  wm_document_set_title (map->document, stage_names == persian_stages ? "سفر مشتری" : "Map");
  for (guint i = 0; i < G_N_ELEMENTS (map->stages); i++)
    map->stages[i] = add_stage (map->document, stage_names[i]);
  map->personas[0] = add_persona (map->document, "Anna", "#3584e4");
  map->personas[1] = add_persona (map->document, "Piotr", "#e66100");
  map->actions = add_lane (map->document, WM_LANE_KIND_ACTIONS, "Actions");
  map->curve = add_lane (map->document, WM_LANE_KIND_EMOTION_CURVE, "Feelings");
  map->moments = add_lane (map->document, WM_LANE_KIND_MOMENTS_OF_TRUTH, "Moments");
  map->opportunities = add_lane (map->document, WM_LANE_KIND_OPPORTUNITIES, "Ideas");
}

static void
map_clear (Map *map)
{
  g_clear_object (&map->document);
}

static WmRect
rect_of (WmLayout *layout,
         gpointer  element)
{
  WmRect rect = { 0 };

  g_assert_true (wm_layout_get_element_rect (layout, element, &rect));
  g_assert_cmpfloat (rect.width, >, 0);
  g_assert_cmpfloat (rect.height, >, 0);
  return rect;
}

static void
center_of (const WmRect *rect,
           double       *x,
           double       *y)
{
  *x = rect->x + rect->width / 2;
  *y = rect->y + rect->height / 2;
}

/* Geometry */

static void
test_stages_left_to_right (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;

  map_init (&map, english_stages);
  layout = wm_layout_new (map.document);

  g_assert_false (wm_layout_is_rtl (layout));
  for (guint i = 0; i + 1 < G_N_ELEMENTS (map.stages); i++)
    {
      WmRect a = rect_of (layout, map.stages[i]), b = rect_of (layout, map.stages[i + 1]);

      g_assert_cmpfloat (a.x + a.width, <=, b.x);
      g_assert_cmpfloat (a.y, ==, b.y);
    }
  /* Lane headers are at the start of the rows: left of the first stage. */
  g_assert_cmpfloat (rect_of (layout, map.actions).x + rect_of (layout, map.actions).width, <=,
                     rect_of (layout, map.stages[0]).x);

  map_clear (&map);
}

static void
test_stages_right_to_left (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  WmRect first, last, header;

  /* Automatic direction, from Persian stage names: the map's title is
   * neutral (digits only). */
  map_init (&map, persian_stages);
  wm_document_set_title (map.document, "2026");
  layout = wm_layout_new (map.document);

  g_assert_true (wm_layout_is_rtl (layout));
  first = rect_of (layout, map.stages[0]);
  last = rect_of (layout, map.stages[2]);
  header = rect_of (layout, map.actions);
  g_assert_cmpfloat (first.x, >, last.x);
  g_assert_cmpfloat (rect_of (layout, map.stages[1]).x + rect_of (layout, map.stages[1]).width, <=, first.x);
  /* Lane headers on the right, where the rows start. */
  g_assert_cmpfloat (header.x, >=, first.x + first.width);
  /* Everything inside the map. */
  g_assert_cmpfloat (last.x, >, 0);
  g_assert_cmpfloat (header.x + header.width, <, wm_layout_get_width (layout));

  map_clear (&map);
}

static void
test_direction_forced (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;

  map_init (&map, english_stages);
  wm_document_set_direction (map.document, WM_DIRECTION_RTL);
  layout = wm_layout_new (map.document);
  g_assert_true (wm_layout_is_rtl (layout));
  g_assert_cmpfloat (rect_of (layout, map.stages[0]).x, >, rect_of (layout, map.stages[2]).x);

  /* And back, following the document. */
  wm_document_set_direction (map.document, WM_DIRECTION_AUTO);
  wm_layout_update (layout);
  g_assert_false (wm_layout_is_rtl (layout));
  g_assert_cmpfloat (rect_of (layout, map.stages[0]).x, <, rect_of (layout, map.stages[2]).x);

  /* A Persian title makes an automatic map right to left, whatever its stages. */
  wm_document_set_title (map.document, "سفر مشتری");
  wm_layout_update (layout);
  g_assert_true (wm_layout_is_rtl (layout));

  map_clear (&map);
}

static void
test_lanes_stacked (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  WmLane *lanes[4];

  map_init (&map, english_stages);
  lanes[0] = map.actions;
  lanes[1] = map.curve;
  lanes[2] = map.moments;
  lanes[3] = map.opportunities;
  layout = wm_layout_new (map.document);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (lanes); i++)
    {
      WmRect a = rect_of (layout, lanes[i]), b = rect_of (layout, lanes[i + 1]);

      g_assert_cmpfloat (a.y + a.height, <=, b.y);
      g_assert_cmpfloat (a.x, ==, b.x);
    }
  /* Below the stage headers */
  g_assert_cmpfloat (rect_of (layout, map.actions).y, >=,
                     rect_of (layout, map.stages[0]).y + rect_of (layout, map.stages[0]).height);
  g_assert_cmpfloat (wm_layout_get_height (layout), >,
                     rect_of (layout, map.opportunities).y + rect_of (layout, map.opportunities).height);

  map_clear (&map);
}

static void
test_long_text_taller (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(GString) story = g_string_new (NULL);
  WmCard *small, *big;
  WmLane *other;

  map_init (&map, english_stages);
  for (guint i = 0; i < 12; i++)
    g_string_append (story, "The customer reads every review twice before deciding anything. ");
  other = add_lane (map.document, WM_LANE_KIND_PAIN_POINTS, "Pains");
  small = add_card (map.actions, map.stages[1], "Short");
  big = add_card (other, map.stages[1], story->str);
  layout = wm_layout_new (map.document);

  g_assert_cmpfloat (rect_of (layout, big).height, >, 3 * rect_of (layout, small).height);
  /* The cell's row grows with its card. */
  g_assert_cmpfloat (rect_of (layout, other).height, >, rect_of (layout, map.actions).height);
  g_assert_cmpfloat (rect_of (layout, other).height, >=, rect_of (layout, big).height);

  map_clear (&map);
}

static void
assert_inside (const WmRect *inner,
               const WmRect *column,
               const WmRect *row)
{
  g_assert_cmpfloat (inner->x, >=, column->x);
  g_assert_cmpfloat (inner->x + inner->width, <=, column->x + column->width);
  g_assert_cmpfloat (inner->y, >=, row->y);
  g_assert_cmpfloat (inner->y + inner->height, <=, row->y + row->height);
}

static void
check_cards_in_cells (const char **stage_names)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  WmCard *cards[3];
  WmRect cell;

  map_init (&map, stage_names);
  for (guint i = 0; i < 3; i++)
    cards[i] = add_card (i == 1 ? map.opportunities : map.actions, map.stages[i], "Compares prices on three sites");
  layout = wm_layout_new (map.document);

  for (guint i = 0; i < 3; i++)
    {
      WmRect card = rect_of (layout, cards[i]);
      WmRect column = rect_of (layout, map.stages[i]);
      WmRect row = rect_of (layout, i == 1 ? map.opportunities : map.actions);

      assert_inside (&card, &column, &row);
      g_assert_true (wm_layout_get_cell_rect (layout, i == 1 ? map.opportunities : map.actions, map.stages[i], &cell));
      assert_inside (&card, &cell, &cell);
    }

  map_clear (&map);
}

static void
test_cards_in_cells (void)
{
  check_cards_in_cells (english_stages);
}

static void
test_cards_in_cells_rtl (void)
{
  check_cards_in_cells (persian_stages);
}

static void
test_hit_test (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  WmCard *card;
  WmEmotionPoint *point;
  WmLane *lane = NULL;
  WmStage *stage = NULL;
  guint index = 99;
  WmRect rect;
  double x, y;

  map_init (&map, english_stages);
  card = add_card (map.actions, map.stages[1], "Asks friends");
  add_card (map.actions, map.stages[1], "Reads reviews");
  point = add_point (map.document, map.personas[0], map.stages[2], 2);
  layout = wm_layout_new (map.document);

  rect = rect_of (layout, card);
  center_of (&rect, &x, &y);
  g_assert_true (wm_layout_hit_test (layout, x, y) == (gpointer) card);

  rect = rect_of (layout, map.stages[0]);
  center_of (&rect, &x, &y);
  g_assert_true (wm_layout_hit_test (layout, x, y) == (gpointer) map.stages[0]);

  rect = rect_of (layout, map.opportunities);
  center_of (&rect, &x, &y);
  g_assert_true (wm_layout_hit_test (layout, x, y) == (gpointer) map.opportunities);

  rect = rect_of (layout, map.personas[1]);
  center_of (&rect, &x, &y);
  g_assert_true (wm_layout_hit_test (layout, x, y) == (gpointer) map.personas[1]);

  rect = rect_of (layout, point);
  center_of (&rect, &x, &y);
  g_assert_true (wm_layout_hit_test (layout, x, y) == (gpointer) point);

  /* The margin is nothing; an empty part of a cell is no element, but is
   * the cell, and a drop there goes after the cards above it. */
  g_assert_null (wm_layout_hit_test (layout, 1, wm_layout_get_height (layout) - 1));
  g_assert_true (wm_layout_get_cell_rect (layout, map.actions, map.stages[1], &rect));
  x = rect.x + rect.width / 2;
  y = rect.y + rect.height - 2;
  g_assert_null (wm_layout_hit_test (layout, x, y));
  g_assert_true (wm_layout_cell_at (layout, x, y, &lane, &stage, &index));
  g_assert_true (lane == map.actions);
  g_assert_true (stage == map.stages[1]);
  g_assert_cmpuint (index, ==, 2);
  g_assert_true (wm_layout_cell_at (layout, x, rect.y + 1, NULL, NULL, &index));
  g_assert_cmpuint (index, ==, 0);

  map_clear (&map);
}

static void
test_emotion_higher_is_higher (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  WmEmotionPoint *low, *mid, *high, *other;
  WmRect r_low, r_mid, r_high, r_other, curve;

  map_init (&map, english_stages);
  low = add_point (map.document, map.personas[0], map.stages[0], -3);
  mid = add_point (map.document, map.personas[0], map.stages[1], 0);
  high = add_point (map.document, map.personas[0], map.stages[2], 2);
  other = add_point (map.document, map.personas[1], map.stages[0], 1);
  layout = wm_layout_new (map.document);

  r_low = rect_of (layout, low);
  r_mid = rect_of (layout, mid);
  r_high = rect_of (layout, high);
  r_other = rect_of (layout, other);
  curve = rect_of (layout, map.curve);
  g_assert_cmpfloat (r_high.y, <, r_mid.y);
  g_assert_cmpfloat (r_mid.y, <, r_low.y);
  g_assert_cmpfloat (r_other.y, <, r_low.y);
  /* In their stages' columns and their lane's row */
  for (guint i = 0; i < 3; i++)
    {
      WmRect column = rect_of (layout, map.stages[i]);
      WmRect point = i == 0 ? r_low : i == 1 ? r_mid : r_high;

      assert_inside (&point, &column, &curve);
    }

  /* Dragging reads the score back from the height. */
  g_assert_cmpfloat_with_epsilon (wm_layout_score_at (layout, map.curve, r_high.y + r_high.height / 2), 2, 0.01);
  g_assert_cmpfloat_with_epsilon (wm_layout_score_at (layout, map.curve, r_low.y + r_low.height / 2), -3, 0.01);

  /* A changed score moves the point. */
  wm_emotion_point_set_score (low, 3);
  wm_layout_update (layout);
  g_assert_cmpfloat (rect_of (layout, low).y, <, r_high.y);

  map_clear (&map);
}

static void
test_moments_placed (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  WmMoment *handover, *call;
  WmRect rect, lane, column;

  map_init (&map, english_stages);
  handover = add_moment (map.document, map.stages[2], "Handover", WM_POLARITY_DECISIVE);
  call = add_moment (map.document, map.stages[0], "Ad", WM_POLARITY_POSITIVE);
  wm_moment_set_lane (call, wm_element_get_id (WM_ELEMENT (map.actions)));
  layout = wm_layout_new (map.document);

  /* No lane named: in the moments-of-truth lane */
  rect = rect_of (layout, handover);
  lane = rect_of (layout, map.moments);
  column = rect_of (layout, map.stages[2]);
  assert_inside (&rect, &column, &lane);
  center_of (&rect, &column.x, &column.y);
  g_assert_true (wm_layout_hit_test (layout, column.x, column.y) == (gpointer) handover);

  /* A lane named: in that lane */
  rect = rect_of (layout, call);
  lane = rect_of (layout, map.actions);
  column = rect_of (layout, map.stages[0]);
  assert_inside (&rect, &column, &lane);

  /* Without a moments-of-truth lane, in a row of their own, below the others. */
  g_list_store_remove (G_LIST_STORE (wm_document_get_lanes (map.document)), 2);
  wm_layout_update (layout);
  g_assert_false (wm_layout_get_element_rect (layout, map.moments, &rect));
  rect = rect_of (layout, handover);
  lane = rect_of (layout, map.opportunities);
  g_assert_cmpfloat (rect.y, >, lane.y + lane.height);
  g_assert_cmpfloat (wm_layout_get_height (layout), >, rect.y + rect.height);

  map_clear (&map);
}

/* Change */

static void
count_signal (gpointer  object,
              guint    *count)
{
  (*count)++;
}

static guint
measure_count (WmLayout *layout)
{
  guint count;

  g_object_get (layout, "measure-count", &count, NULL);
  return count;
}

static void
test_move_stage (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  GListStore *stages;
  WmCard *card;
  WmRect before, after;

  map_init (&map, english_stages);
  card = add_card (map.actions, map.stages[0], "Sees an ad");
  layout = wm_layout_new (map.document);
  before = rect_of (layout, card);

  stages = G_LIST_STORE (wm_document_get_stages (map.document));
  g_object_ref (map.stages[0]);
  g_list_store_remove (stages, 0);
  g_list_store_append (stages, map.stages[0]);
  g_object_unref (map.stages[0]);
  wm_layout_update (layout);

  /* The stage now comes last, and its cards go with it. */
  g_assert_cmpfloat (rect_of (layout, map.stages[0]).x, >, rect_of (layout, map.stages[2]).x);
  g_assert_cmpfloat (rect_of (layout, map.stages[1]).x, <, rect_of (layout, map.stages[2]).x);
  after = rect_of (layout, card);
  g_assert_cmpfloat (after.x, >, before.x);
  g_assert_cmpfloat (after.x, >=, rect_of (layout, map.stages[0]).x);

  map_clear (&map);
}

static void
test_incremental (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  guint changed = 0, invalidated = 0, n_cards = 0;
  WmCard *edited = NULL, *removed = NULL;
  WmRect rect;

  map_init (&map, english_stages);
  for (guint s = 0; s < 3; s++)
    for (guint c = 0; c < 4; c++, n_cards++)
      {
        WmCard *card = add_card (map.actions, map.stages[s], "Reads the reviews");

        if (s == 1 && c == 2)
          edited = card;
        if (s == 2 && c == 0)
          removed = card;
      }
  layout = wm_layout_new (map.document);
  g_signal_connect (layout, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (layout, "invalidated", G_CALLBACK (count_signal), &invalidated);

  g_assert_cmpuint (measure_count (layout), ==, n_cards);

  /* Nothing changed: nothing done. */
  wm_layout_update (layout);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (measure_count (layout), ==, n_cards);

  /* One card edited (twice, before an update): it alone is measured again. */
  rect = rect_of (layout, edited);
  wm_card_set_text (edited, "Reads the reviews, then asks a friend who bought the same car last year "
                            "and calls the dealer to ask about delivery times");
  wm_card_set_text (edited, "Reads the reviews, then asks a friend who bought the same car last year "
                            "and calls the dealer to ask about delivery times, twice");
  g_assert_cmpuint (invalidated, ==, 1);
  wm_layout_update (layout);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (measure_count (layout), ==, n_cards + 1);
  g_assert_cmpfloat (rect_of (layout, edited).height, >, rect.height);

  /* A stage renamed moves no card's text: none is measured. */
  wm_stage_set_name (map.stages[0], "Seeing");
  wm_layout_update (layout);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (measure_count (layout), ==, n_cards + 1);

  /* Evidence shows on the card: adding some remeasures it. */
  {
    g_autoptr(WmEvidence) evidence = wm_evidence_new ();

    g_list_store_append (G_LIST_STORE (wm_element_get_evidence (WM_ELEMENT (edited))), evidence);
    wm_layout_update (layout);
    g_assert_cmpuint (measure_count (layout), ==, n_cards + 2);
  }

  /* A removed card leaves the map. */
  g_list_store_remove (G_LIST_STORE (wm_lane_get_cards (map.actions, wm_element_get_id (WM_ELEMENT (map.stages[2])))), 0);
  wm_layout_update (layout);
  g_assert_false (wm_layout_get_element_rect (layout, removed, &rect));
  g_assert_cmpuint (measure_count (layout), ==, n_cards + 2);

  map_clear (&map);
}


/* The quick path for an edited card gives the geometry a fresh layout of
 * the same map gives, and measures that card alone. */
static void
assert_same_place (WmLayout *layout,
                   WmLayout *fresh,
                   gpointer  element)
{
  WmRect a = rect_of (layout, element), b = rect_of (fresh, element);

  g_assert_cmpfloat_with_epsilon (a.x, b.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.y, b.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.width, b.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.height, b.height, 1e-9);
}

static void
test_edit_moves_what_is_below (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(WmLayout) fresh = NULL;
  WmCard *edited, *under, *beside, *idea;
  WmEmotionPoint *point;
  WmMoment *moment;
  WmRect edited_before, under_before, beside_before, idea_before, point_before, header_before;
  guint measured;
  double grown;

  map_init (&map, english_stages);
  edited = add_card (map.actions, map.stages[1], "Reads the reviews");
  under = add_card (map.actions, map.stages[1], "Asks a friend");
  beside = add_card (map.actions, map.stages[0], "Sees an ad");
  idea = add_card (map.opportunities, map.stages[2], "Offer a test drive at home");
  point = add_point (map.document, map.personas[0], map.stages[1], 2);
  moment = add_moment (map.document, map.stages[0], "The handover", WM_POLARITY_DECISIVE);
  wm_moment_set_lane (moment, wm_element_get_id (WM_ELEMENT (map.moments)));
  layout = wm_layout_new (map.document);

  edited_before = rect_of (layout, edited);
  under_before = rect_of (layout, under);
  beside_before = rect_of (layout, beside);
  idea_before = rect_of (layout, idea);
  point_before = rect_of (layout, point);
  header_before = rect_of (layout, map.opportunities);
  g_object_get (layout, "measure-count", &measured, NULL);

  wm_card_set_text (edited, "Reads the reviews, then asks a friend who bought the same car last year, "
                            "calls the dealer about delivery times and compares three offers side by side");
  wm_layout_update (layout);

  /* That card alone is measured again. */
  g_assert_cmpuint (measure_count (layout), ==, measured + 1);

  /* It grew; the card under it moved down as much, the one beside it did
   * not move, and the rows under its row moved down. */
  grown = rect_of (layout, edited).height - edited_before.height;
  g_assert_cmpfloat (grown, >, 10);
  g_assert_cmpfloat_with_epsilon (rect_of (layout, under).y, under_before.y + grown, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect_of (layout, beside).y, beside_before.y, 1e-9);
  g_assert_cmpfloat (rect_of (layout, idea).y, >, idea_before.y);
  g_assert_cmpfloat (rect_of (layout, point).y, >, point_before.y);
  g_assert_cmpfloat_with_epsilon (rect_of (layout, map.opportunities).y - header_before.y,
                                  rect_of (layout, idea).y - idea_before.y, 1e-9);

  /* What is drawn, and what a click finds, is where a fresh layout puts it. */
  fresh = wm_layout_new (map.document);
  g_assert_cmpfloat_with_epsilon (wm_layout_get_height (layout), wm_layout_get_height (fresh), 1e-9);
  assert_same_place (layout, fresh, edited);
  assert_same_place (layout, fresh, under);
  assert_same_place (layout, fresh, beside);
  assert_same_place (layout, fresh, idea);
  assert_same_place (layout, fresh, point);
  assert_same_place (layout, fresh, moment);
  assert_same_place (layout, fresh, map.curve);
  assert_same_place (layout, fresh, map.opportunities);
  {
    WmRect rect = rect_of (layout, idea);

    g_assert_true (wm_layout_hit_test (layout, rect.x + rect.width / 2, rect.y + rect.height / 2) == (gpointer) idea);
  }

  map_clear (&map);
}

/* Text */

static void
assert_all_glyphs (WmLayout *layout,
                   WmCard   *card)
{
  GPtrArray *rows = wm_layout_get_rows (layout);
  gboolean found = FALSE;

  /* The card's text has a font for every character: no missing-glyph boxes. */
  for (guint r = 0; r < rows->len; r++)
    {
      WmRow *row = g_ptr_array_index (rows, r);

      for (guint s = 0; s < row->cells->len; s++)
        {
          GPtrArray *cell = g_ptr_array_index (row->cells, s);

          for (guint b = 0; b < cell->len; b++)
            {
              WmBox *box = g_ptr_array_index (cell, b);

              if (box->element != (gpointer) card)
                continue;
              for (guint p = 0; p < box->prims->len; p++)
                {
                  WmPrim *prim = &g_array_index (box->prims, WmPrim, p);

                  if (prim->kind == WM_PRIM_TEXT)
                    {
                      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (prim->layout), ==, 0);
                      found = TRUE;
                    }
                }
            }
        }
    }

  g_assert_true (found);
}

static void
test_languages (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  WmPersona *named, *unnamed;
  WmCard *fa, *fa_long, *pl, *ru;

  map_init (&map, persian_stages);
  named = add_persona (map.document, "مریم احمدی", "#c061cb");
  unnamed = add_persona (map.document, "", "#c061cb");
  fa = add_card (map.actions, map.stages[0], "خرید");
  fa_long = add_card (map.actions, map.stages[1],
                      "مشتری قیمت‌ها را در چند فروشگاه مقایسه می‌کند و نظرات کاربران را می‌خواند "
                      "و سپس با پشتیبانی تماس می‌گیرد تا درباره زمان ارسال بپرسد");
  pl = add_card (map.actions, map.stages[2], "Zażółć gęślą jaźń — świadomość marki");
  ru = add_card (map.opportunities, map.stages[2], "Осознание потребности клиента");
  layout = wm_layout_new (map.document);

  /* Persian has width: a named persona's entry is wider than a nameless
   * one's, and long Persian text wraps onto more lines. */
  g_assert_cmpfloat (rect_of (layout, named).width, >, rect_of (layout, unnamed).width + 20);
  g_assert_cmpfloat (rect_of (layout, fa_long).height, >, rect_of (layout, fa).height + 20);

  assert_all_glyphs (layout, fa_long);
  assert_all_glyphs (layout, pl);
  assert_all_glyphs (layout, ru);

  map_clear (&map);
}

/* Pictures */

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, bytes, 4);
}

/* A PNG whose header claims @width × @height pixels, with a tiny body. */
static GBytes *
png_claiming (guint32 width,
              guint32 height)
{
  static const guint8 signature[8] = { 137, 80, 78, 71, 13, 10, 26, 10 };
  /* zlib stream of a few zero bytes */
  static const guint8 idat[] = { 0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01 };
  GByteArray *png = g_byte_array_new ();
  guint8 ihdr[13] = { 0, 0, 0, 0, 0, 0, 0, 0, 8, 6, 0, 0, 0 };
  const struct { const char *type; const guint8 *data; guint32 size; } chunks[] = {
    { "IHDR", ihdr, sizeof ihdr }, { "IDAT", idat, sizeof idat }, { "IEND", NULL, 0 },
  };

  ihdr[0] = width >> 24; ihdr[1] = width >> 16; ihdr[2] = width >> 8; ihdr[3] = width;
  ihdr[4] = height >> 24; ihdr[5] = height >> 16; ihdr[6] = height >> 8; ihdr[7] = height;

  g_byte_array_append (png, signature, sizeof signature);
  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      guint start;
      guint32 crc = 0xffffffff;

      append_be32 (png, chunks[i].size);
      start = png->len;
      g_byte_array_append (png, (const guint8 *) chunks[i].type, 4);
      if (chunks[i].size > 0)
        g_byte_array_append (png, chunks[i].data, chunks[i].size);
      /* CRC-32 of type and data, as PNG wants it */
      for (guint b = start; b < png->len; b++)
        {
          crc ^= png->data[b];
          for (int k = 0; k < 8; k++)
            crc = crc & 1 ? 0xedb88320 ^ (crc >> 1) : crc >> 1;
        }
      append_be32 (png, crc ^ 0xffffffff);
    }

  return g_byte_array_free_to_bytes (png);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
red_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
  cairo_t *cr = cairo_create (surface);
  GByteArray *data = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_to_array, data), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (data);
}

static void
test_picture_decoding (void)
{
  g_autoptr(GBytes) red = red_png ();
  g_autoptr(GBytes) bomb = png_claiming (100000, 100000);
  g_autoptr(GBytes) wide = png_claiming (WM_PICTURE_MAX_SIDE + 1, 1);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a picture at all", strlen ("not a picture at all"));
  static const char svg_text[] = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                                 "<rect width='10' height='10' fill='red'/></svg>";
  g_autoptr(GBytes) svg = g_bytes_new_static (svg_text, strlen (svg_text));
  g_autoptr(WmPicture) picture = NULL;
  g_autoptr(GError) error = NULL;

  picture = wm_picture_new (red, "image/png", &error);
  g_assert_no_error (error);
  g_assert_nonnull (picture);
  g_clear_pointer (&picture, wm_picture_free);

  picture = wm_picture_new (svg, "image/svg+xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (picture);
  g_clear_pointer (&picture, wm_picture_free);

  /* 40 GB of pixels claimed in a few bytes: refused before decoding. */
  picture = wm_picture_new (bomb, "image/png", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_null (picture);
  g_clear_error (&error);

  picture = wm_picture_new (wide, "image/png", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  picture = wm_picture_new (garbage, "image/jpeg", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Only the three types a map may hold, not whatever gdk-pixbuf reads. */
  picture = wm_picture_new (red, "image/x-tga", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
}

/* Drawing */

static cairo_surface_t *
draw (WmLayout       *layout,
      WmThemeVariant  variant)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) wm_layout_get_width (layout),
                                                         (int) wm_layout_get_height (layout));
  cairo_t *cr = cairo_create (surface);

  wm_painter_draw (cr, layout, wm_theme_get (variant));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  return ((const guint32 *) (gconstpointer) (data + (int) y * stride))[(int) x] & 0xffffff;
}

/* Average of a colour channel's "warmth" (red + green - 2 blue) over a rect. */
static double
yellowness (cairo_surface_t *surface,
            const WmRect    *rect)
{
  double sum = 0;
  int n = 0;

  for (int y = rect->y + 1; y < rect->y + rect->height - 1; y += 2)
    for (int x = rect->x + 1; x < rect->x + rect->width - 1; x += 2, n++)
      {
        guint32 p = pixel_at (surface, x, y);

        sum += (int) (p >> 16 & 0xff) + (int) (p >> 8 & 0xff) - 2 * (int) (p & 0xff);
      }

  return sum / MAX (n, 1);
}

static void
test_painter_pixels (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  cairo_surface_t *light, *dark;
  WmCard *plain, *quick, *slow;
  WmRect stage, card;

  map_init (&map, english_stages);
  wm_stage_set_color (map.stages[1], "#26a269");
  plain = add_card (map.actions, map.stages[0], "Short");
  quick = add_card (map.opportunities, map.stages[1], "Show prices online");
  wm_card_set_impact (quick, 5);
  wm_card_set_effort (quick, 1);
  slow = add_card (map.opportunities, map.stages[2], "Show prices online");
  wm_card_set_impact (slow, 5);
  wm_card_set_effort (slow, 5);
  add_point (map.document, map.personas[0], map.stages[0], 1);
  add_point (map.document, map.personas[0], map.stages[1], -2);
  add_moment (map.document, map.stages[1], "Handover", WM_POLARITY_DECISIVE);
  layout = wm_layout_new (map.document);
  light = draw (layout, WM_THEME_LIGHT);
  dark = draw (layout, WM_THEME_DARK);

  /* The page */
  g_assert_cmphex (pixel_at (light, 1, 1), ==, 0xfafafb);
  g_assert_cmphex (pixel_at (dark, 1, 1), ==, 0x242424);
  g_assert_cmphex (pixel_at (light, wm_layout_get_width (layout) - 2, wm_layout_get_height (layout) - 2), ==, 0xfafafb);

  /* A stage header in its own colour, in both themes */
  stage = rect_of (layout, map.stages[1]);
  g_assert_cmphex (pixel_at (light, stage.x + stage.width / 2, stage.y + stage.height - 5), ==, 0x26a269);
  g_assert_cmphex (pixel_at (dark, stage.x + stage.width / 2, stage.y + stage.height - 5), ==, 0x26a269);

  /* A card's surface, away from its text */
  card = rect_of (layout, plain);
  g_assert_cmphex (pixel_at (light, card.x + card.width - 8, card.y + card.height / 2), ==, 0xffffff);
  g_assert_cmphex (pixel_at (dark, card.x + card.width - 8, card.y + card.height / 2), ==, 0x383838);

  /* A quick win stands out from an opportunity that is not one. */
  card = rect_of (layout, quick);
  {
    WmRect other = rect_of (layout, slow);

    g_assert_cmpfloat (yellowness (light, &card), >, yellowness (light, &other) + 20);
    g_assert_cmpfloat (yellowness (dark, &card), >, yellowness (dark, &other) + 20);
  }

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
  map_clear (&map);
}

static void
test_painter_rtl (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  cairo_surface_t *surface;
  WmRect first, last;

  map_init (&map, persian_stages);
  wm_stage_set_color (map.stages[0], "#c01c28");
  wm_stage_set_color (map.stages[2], "#1c71d8");
  layout = wm_layout_new (map.document);
  surface = draw (layout, WM_THEME_LIGHT);

  /* The first stage's colour is drawn on the right half of the map. */
  first = rect_of (layout, map.stages[0]);
  last = rect_of (layout, map.stages[2]);
  g_assert_cmpfloat (first.x, >, wm_layout_get_width (layout) / 2);
  g_assert_cmphex (pixel_at (surface, first.x + first.width / 2, first.y + first.height - 5), ==, 0xc01c28);
  g_assert_cmphex (pixel_at (surface, last.x + last.width / 2, last.y + last.height - 5), ==, 0x1c71d8);

  cairo_surface_destroy (surface);
  map_clear (&map);
}

static void
test_painter_pictures (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(GBytes) red = red_png ();
  g_autoptr(GBytes) bomb = png_claiming (60000, 60000);
  cairo_surface_t *surface;
  WmRect entry;

  map_init (&map, english_stages);
  wm_persona_set_color (map.personas[0], "#1c71d8");
  wm_persona_set_color (map.personas[1], "#26a269");
  wm_persona_set_picture (map.personas[0], red);
  wm_persona_set_picture_type (map.personas[0], "image/png");
  /* A picture that must not be decoded draws the persona's initials on
   * its colour instead, and nothing breaks. */
  wm_persona_set_picture (map.personas[1], bomb);
  wm_persona_set_picture_type (map.personas[1], "image/png");
  layout = wm_layout_new (map.document);
  surface = draw (layout, WM_THEME_LIGHT);

  /* The avatar is the start of a legend entry, as tall as the entry. */
  entry = rect_of (layout, map.personas[0]);
  g_assert_cmphex (pixel_at (surface, entry.x + entry.height / 2, entry.y + entry.height / 4), ==, 0xff0000);
  entry = rect_of (layout, map.personas[1]);
  g_assert_cmphex (pixel_at (surface, entry.x + entry.height / 2, entry.y + 6), ==, 0x26a269);

  /* A changed picture is drawn anew. */
  wm_persona_set_picture (map.personas[0], NULL);
  wm_layout_update (layout);
  cairo_surface_destroy (surface);
  surface = draw (layout, WM_THEME_LIGHT);
  entry = rect_of (layout, map.personas[0]);
  g_assert_cmphex (pixel_at (surface, entry.x + entry.height / 2, entry.y + 6), ==, 0x1c71d8);

  cairo_surface_destroy (surface);
  map_clear (&map);
}

static void
test_painter_parts (void)
{
  Map map;
  g_autoptr(WmLayout) layout = NULL;
  cairo_surface_t *whole, *part, *single;
  cairo_t *cr;
  WmCard *card;
  WmRect area, rect;
  int differences = 0;

  map_init (&map, english_stages);
  for (guint s = 0; s < 3; s++)
    for (guint c = 0; c < 3; c++)
      add_card (s == 1 ? map.opportunities : map.actions, map.stages[s], "Compares offers");
  card = add_card (map.actions, map.stages[2], "Calls the dealer");
  add_point (map.document, map.personas[0], map.stages[0], 1);
  add_point (map.document, map.personas[0], map.stages[2], -1);
  layout = wm_layout_new (map.document);
  whole = draw (layout, WM_THEME_LIGHT);

  /* A part, as a scrolled canvas draws it, is the same as the whole there. */
  rect = rect_of (layout, map.stages[1]);
  area = (WmRect) { (int) rect.x - 30, (int) rect.y + 20, 300, (int) wm_layout_get_height (layout) - rect.y - 60 };
  part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (whole),
                                     cairo_image_surface_get_height (whole));
  cr = cairo_create (part);
  wm_painter_draw_area (cr, layout, wm_theme_get (WM_THEME_LIGHT), &area);
  cairo_destroy (cr);
  cairo_surface_flush (part);
  for (int y = area.y; y < area.y + area.height; y++)
    for (int x = area.x; x < area.x + area.width; x++)
      differences += pixel_at (whole, x, y) != pixel_at (part, x, y);
  g_assert_cmpint (differences, ==, 0);
  /* and nothing outside it */
  g_assert_cmphex (((const guint32 *) (gconstpointer) cairo_image_surface_get_data (part))[0], ==, 0);

  /* One element alone, at its own origin, as a canvas widget draws it */
  rect = rect_of (layout, card);
  single = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, rect.width, rect.height);
  cr = cairo_create (single);
  cairo_translate (cr, -rect.x, -rect.y);
  g_assert_true (wm_painter_draw_element (cr, layout, wm_theme_get (WM_THEME_DARK), card));
  g_assert_false (wm_painter_draw_element (cr, layout, wm_theme_get (WM_THEME_DARK), layout));
  cairo_destroy (cr);
  cairo_surface_flush (single);
  g_assert_cmphex (pixel_at (single, rect.width - 8, rect.height / 2), ==, 0x383838);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (part);
  cairo_surface_destroy (single);
  map_clear (&map);
}

static void
test_icons (void)
{
  const WmColor black = { 0, 0, 0, 1 };

  for (int i = 0; i <= WM_LANE_KIND_NOTES + WM_CHANNEL_OTHER; i++)
    {
      const char *name = i <= WM_LANE_KIND_NOTES ? wm_icons_for_lane_kind (i)
                                                 : wm_icons_for_channel (i - WM_LANE_KIND_NOTES);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 32, 32);
      cairo_t *cr = cairo_create (surface);
      WmRect rect = { 0, 0, 32, 32 };
      const guint32 *pixels;
      int inked = 0;

      g_assert_nonnull (name);
      wm_icons_draw (cr, name, &rect, &black);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* Every icon draws something, and no two kinds share one. */
      pixels = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (surface);
      for (int p = 0; p < 32 * 32; p++)
        inked += pixels[p] >> 24 > 0x80;
      g_assert_cmpint (inked, >, 20);
      cairo_surface_destroy (surface);
    }

  g_assert_null (wm_icons_for_channel (WM_CHANNEL_NONE));
  g_assert_cmpstr (wm_icons_for_channel (WM_CHANNEL_EMAIL), !=, wm_icons_for_channel (WM_CHANNEL_MAIL));
}

static void
test_theme_names (void)
{
  WmThemeVariant variant = WM_THEME_LIGHT;

  g_assert_true (wm_theme_variant_from_name ("dark", &variant));
  g_assert_cmpint (variant, ==, WM_THEME_DARK);
  g_assert_true (wm_theme_variant_from_name ("light", &variant));
  g_assert_cmpint (variant, ==, WM_THEME_LIGHT);
  g_assert_false (wm_theme_variant_from_name ("sepia", &variant));
  g_assert_cmpint (variant, ==, WM_THEME_LIGHT);
  g_assert_true (wm_theme_get (WM_THEME_LIGHT) != wm_theme_get (WM_THEME_DARK));
}

static void
test_empty_map (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  g_autoptr(WmLayout) layout = wm_layout_new (document);
  cairo_surface_t *surface;

  /* Nothing to show still makes a page, with its title block. */
  g_assert_cmpfloat (wm_layout_get_width (layout), >, 100);
  g_assert_cmpfloat (wm_layout_get_height (layout), >, 100);
  g_assert_null (wm_layout_hit_test (layout, 1, 1));
  surface = draw (layout, WM_THEME_DARK);
  g_assert_cmphex (pixel_at (surface, 1, 1), ==, 0x242424);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/stages/left-to-right", test_stages_left_to_right);
  g_test_add_func ("/layout/stages/right-to-left", test_stages_right_to_left);
  g_test_add_func ("/layout/stages/move", test_move_stage);
  g_test_add_func ("/layout/direction/forced", test_direction_forced);
  g_test_add_func ("/layout/lanes/stacked", test_lanes_stacked);
  g_test_add_func ("/layout/cards/long-text-taller", test_long_text_taller);
  g_test_add_func ("/layout/cards/in-cells", test_cards_in_cells);
  g_test_add_func ("/layout/cards/in-cells-rtl", test_cards_in_cells_rtl);
  g_test_add_func ("/layout/hit-test", test_hit_test);
  g_test_add_func ("/layout/emotion/higher-is-higher", test_emotion_higher_is_higher);
  g_test_add_func ("/layout/moments/placed", test_moments_placed);
  g_test_add_func ("/layout/incremental", test_incremental);
  g_test_add_func ("/layout/incremental/edit-moves-what-is-below", test_edit_moves_what_is_below);
  g_test_add_func ("/layout/text/languages", test_languages);
  g_test_add_func ("/layout/empty", test_empty_map);
  g_test_add_func ("/picture/decoding", test_picture_decoding);
  g_test_add_func ("/painter/pixels", test_painter_pixels);
  g_test_add_func ("/painter/rtl", test_painter_rtl);
  g_test_add_func ("/painter/pictures", test_painter_pictures);
  g_test_add_func ("/painter/parts", test_painter_parts);
  g_test_add_func ("/painter/icons", test_icons);
  g_test_add_func ("/theme/names", test_theme_names);

  return g_test_run ();
}
