/* test-drop.c: where dragged things land on a map, and that dropping them
 * there is one undoable step. */
#include <math.h>

#include "test-util.h"
#include "wm-card.h"
#include "wm-drop.h"
#include "wm-edit.h"
#include "wm-emotion-point.h"
#include "wm-format.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"

typedef struct
{
  WmDocument *document;
  WmLayout *layout;
  GBytes *before;
} Fixture;

static void
fixture_open (Fixture    *fixture,
              const char *name)
{
  fixture->document = load ("../data/examples", name);
  fixture->layout = wm_layout_new (fixture->document);
  wm_layout_update (fixture->layout);
  fixture->before = wm_format_save_bytes (fixture->document);
}

static void
car_setup (Fixture       *fixture,
           gconstpointer  data)
{
  fixture_open (fixture, "car-purchase.waymark");
}

static void
persian_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture_open (fixture, "persian-rtl.waymark");
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->before, g_bytes_unref);
}

static WmRect
rect_of (Fixture  *fixture,
         gpointer  element)
{
  WmRect rect;

  wm_layout_update (fixture->layout);
  g_assert_true (wm_layout_get_element_rect (fixture->layout, element, &rect));
  return rect;
}

static WmLane *
lane_of_kind (WmDocument *document,
              WmLaneKind  kind)
{
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    if (wm_lane_get_kind (lane_at (document, i)) == kind)
      return lane_at (document, i);
  g_assert_not_reached ();
}

static GListModel *
cards_of (WmLane  *lane,
          WmStage *stage)
{
  return wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));
}

static void
assert_unchanged (Fixture *fixture)
{
  g_autoptr(GBytes) now = wm_format_save_bytes (fixture->document);

  assert_bytes_equal (now, fixture->before);
}

/* Just past the middle of the second stage header, a new stage goes after
 * it; the line shows between the second and third headers. */
static void
test_new_stage (Fixture       *fixture,
                gconstpointer  data)
{
  WmRect second = rect_of (fixture, stage_at (fixture->document, 1));
  WmRect third = rect_of (fixture, stage_at (fixture->document, 2));
  WmDrop drop;
  WmElement *stage;

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_STAGE,
                                 second.x + second.width * 0.75, second.y + 5, &drop));
  g_assert_cmpint (drop.place, ==, WM_DROP_BETWEEN_STAGES);
  g_assert_cmpuint (drop.position, ==, 2);
  g_assert_cmpint (drop.mark, ==, WM_DROP_MARK_LINE);
  g_assert_cmpfloat (drop.marker.x, >=, second.x + second.width - 1);
  g_assert_cmpfloat (drop.marker.x + drop.marker.width, <=, third.x + 1);
  g_assert_cmpfloat (drop.marker.height, >, second.height * 3); /* down the whole map */

  stage = wm_drop_add (fixture->document, &drop, WM_TYPE_STAGE, 0);
  g_assert_true (WM_IS_STAGE (stage));
  g_assert_true (stage_at (fixture->document, 2) == WM_STAGE (stage));
  g_assert_cmpstr (wm_stage_get_name (WM_STAGE (stage)), ==, "New stage");
  assert_one_step (fixture->document, fixture->before);
}

/* On a right-to-left map the stages read from the right: a point just left
 * of the first header's middle is after it. */
static void
test_new_stage_rtl (Fixture       *fixture,
                    gconstpointer  data)
{
  WmRect first = rect_of (fixture, stage_at (fixture->document, 0));
  WmRect second = rect_of (fixture, stage_at (fixture->document, 1));
  WmDrop drop;

  g_assert_true (wm_layout_is_rtl (fixture->layout));
  g_assert_cmpfloat (second.x, <, first.x);

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_STAGE,
                                 first.x + first.width * 0.25, first.y + 5, &drop));
  g_assert_cmpuint (drop.position, ==, 1);
  g_assert_cmpfloat (drop.marker.x, <=, first.x + 1);
  g_assert_cmpfloat (drop.marker.x, >=, second.x + second.width - 1);

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_STAGE,
                                 first.x + first.width * 0.75, first.y + 5, &drop));
  g_assert_cmpuint (drop.position, ==, 0);
}

/* Dragging the first stage header past the third puts it third; dropping
 * it beside itself changes nothing and records no step. */
static void
test_move_stage (Fixture       *fixture,
                 gconstpointer  data)
{
  WmStage *first = stage_at (fixture->document, 0);
  WmRect own = rect_of (fixture, first);
  WmRect third = rect_of (fixture, stage_at (fixture->document, 2));
  WmHistory *history = wm_document_get_history (fixture->document);
  WmDrop drop;

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_STAGE, own.x + own.width * 0.6, own.y, &drop));
  g_assert_cmpuint (drop.position, ==, 1);
  wm_drop_move (fixture->document, &drop, WM_ELEMENT (first));
  g_assert_false (wm_history_get_can_undo (history));
  assert_unchanged (fixture);

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_STAGE, third.x + third.width * 0.6, third.y, &drop));
  g_assert_cmpuint (drop.position, ==, 3);
  wm_drop_move (fixture->document, &drop, WM_ELEMENT (first));
  g_assert_true (stage_at (fixture->document, 2) == first);
  assert_one_step (fixture->document, fixture->before);
}

/* A lane header dropped below the middle of the last lane goes last. */
static void
test_move_lane (Fixture       *fixture,
                gconstpointer  data)
{
  guint n = g_list_model_get_n_items (wm_document_get_lanes (fixture->document));
  WmLane *first = lane_at (fixture->document, 0);
  WmRect last = rect_of (fixture, lane_at (fixture->document, n - 1));
  WmDrop drop;

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_LANE, last.x + 4, last.y + last.height * 0.8, &drop));
  g_assert_cmpint (drop.place, ==, WM_DROP_BETWEEN_LANES);
  g_assert_cmpuint (drop.position, ==, n);
  g_assert_cmpfloat (fabs (drop.marker.y + drop.marker.height / 2 - (last.y + last.height)), <, 1);

  wm_drop_move (fixture->document, &drop, WM_ELEMENT (first));
  g_assert_true (lane_at (fixture->document, n - 1) == first);
  assert_one_step (fixture->document, fixture->before);
}

/* A new lane of the kind dragged from the palette, between two lanes. */
static void
test_new_lane (Fixture       *fixture,
               gconstpointer  data)
{
  WmRect first = rect_of (fixture, lane_at (fixture->document, 0));
  WmDrop drop;
  WmElement *lane;

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_LANE, first.x, first.y + first.height * 0.9, &drop));
  g_assert_cmpuint (drop.position, ==, 1);
  lane = wm_drop_add (fixture->document, &drop, WM_TYPE_LANE, WM_LANE_KIND_BACKSTAGE);
  g_assert_true (lane_at (fixture->document, 1) == WM_LANE (lane));
  g_assert_cmpint (wm_lane_get_kind (WM_LANE (lane)), ==, WM_LANE_KIND_BACKSTAGE);
  assert_one_step (fixture->document, fixture->before);
}

/* A card dropped below the first card of a cell goes second, in another
 * cell's list; moved down within its own cell, it counts itself out. */
static void
test_move_card (Fixture       *fixture,
                gconstpointer  data)
{
  WmLane *actions = lane_of_kind (fixture->document, WM_LANE_KIND_ACTIONS);
  WmStage *target_stage = stage_at (fixture->document, 1);
  GListModel *target = cards_of (actions, target_stage);
  GListModel *source = cards_of (actions, stage_at (fixture->document, 0));
  WmCard *moved, *first;
  WmRect card;
  WmDrop drop;

  g_assert_cmpuint (g_list_model_get_n_items (target), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (source), >=, 1);
  moved = item (source, 0);
  first = item (target, 0);
  card = rect_of (fixture, first);

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_CARD, card.x + 10, card.y + card.height * 0.7, &drop));
  g_assert_cmpint (drop.place, ==, WM_DROP_INTO_CELL);
  g_assert_true (drop.lane == actions && drop.stage == target_stage);
  g_assert_cmpuint (drop.position, ==, 1);
  g_assert_cmpfloat (drop.marker.y, >, card.y + card.height - 4);

  wm_drop_move (fixture->document, &drop, WM_ELEMENT (moved));
  g_assert_true (item (target, 1) == moved);
  assert_one_step (fixture->document, fixture->before);

  /* Now the first card of that cell, dropped below the second: it goes
   * second, not third. */
  g_bytes_unref (fixture->before);
  fixture->before = wm_format_save_bytes (fixture->document);
  card = rect_of (fixture, moved);
  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_CARD, card.x + 10, card.y + card.height * 0.7, &drop));
  g_assert_cmpuint (drop.position, ==, 2);
  wm_drop_move (fixture->document, &drop, WM_ELEMENT (first));
  g_assert_true (item (target, 1) == first);
  g_assert_true (item (target, 0) == moved);
  assert_one_step (fixture->document, fixture->before);
}

/* Cards go into lanes that hold cards: not onto a stage header, not into
 * the emotion curve. */
static void
test_card_nowhere (Fixture       *fixture,
                   gconstpointer  data)
{
  WmRect header = rect_of (fixture, stage_at (fixture->document, 0));
  WmLane *curve = lane_of_kind (fixture->document, WM_LANE_KIND_EMOTION_CURVE);
  WmRect cell;
  WmDrop drop;

  g_assert_false (wm_drop_locate (fixture->layout, WM_TYPE_CARD, header.x + 5, header.y + 5, &drop));
  g_assert_cmpint (drop.place, ==, WM_DROP_NOWHERE);
  g_assert_true (wm_layout_get_cell_rect (fixture->layout, curve, stage_at (fixture->document, 0), &cell));
  g_assert_false (wm_drop_locate (fixture->layout, WM_TYPE_CARD, cell.x + 5, cell.y + 5, &drop));
  g_assert_null (wm_drop_add (fixture->document, &drop, WM_TYPE_CARD, 0));
  assert_unchanged (fixture);
}

/* A moment dropped on a stage header marks the stage; dropped into a
 * cell, it marks that lane too. Moving one to another stage is a step. */
static void
test_moments (Fixture       *fixture,
              gconstpointer  data)
{
  WmStage *last = stage_at (fixture->document, 4);
  WmRect header = rect_of (fixture, last);
  WmLane *actions = lane_of_kind (fixture->document, WM_LANE_KIND_ACTIONS);
  WmMoment *moment = item (wm_document_get_moments (fixture->document), 0);
  WmRect cell;
  WmDrop drop;
  WmElement *added;

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_MOMENT, header.x + 5, header.y + 5, &drop));
  g_assert_cmpint (drop.place, ==, WM_DROP_ONTO_STAGE);
  g_assert_true (drop.stage == last);
  g_assert_null (drop.lane);
  g_assert_cmpint (drop.mark, ==, WM_DROP_MARK_AREA);
  g_assert_cmpfloat (drop.marker.height, >, header.height * 3);

  g_assert_cmpstr (wm_moment_get_stage (moment), !=, wm_element_get_id (WM_ELEMENT (last)));
  wm_drop_move (fixture->document, &drop, WM_ELEMENT (moment));
  g_assert_cmpstr (wm_moment_get_stage (moment), ==, wm_element_get_id (WM_ELEMENT (last)));
  assert_one_step (fixture->document, fixture->before);

  g_bytes_unref (fixture->before);
  fixture->before = wm_format_save_bytes (fixture->document);
  g_assert_true (wm_layout_get_cell_rect (fixture->layout, actions, last, &cell));
  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_MOMENT, cell.x + 5, cell.y + 5, &drop));
  g_assert_true (drop.lane == actions);
  added = wm_drop_add (fixture->document, &drop, WM_TYPE_MOMENT, 0);
  g_assert_true (WM_IS_MOMENT (added));
  g_assert_cmpstr (wm_moment_get_lane (WM_MOMENT (added)), ==, wm_element_get_id (WM_ELEMENT (actions)));
  assert_one_step (fixture->document, fixture->before);
}

/* Dragging a point to the top of its curve gives it the top of the scale,
 * a whole step, and the marker shows it level with where the scale is. */
static void
test_score (Fixture       *fixture,
            gconstpointer  data)
{
  /* The second: the first has a score between two steps. */
  WmEmotionPoint *point = item (wm_document_get_emotion_points (fixture->document), 1);
  WmLane *curve = lane_of_kind (fixture->document, WM_LANE_KIND_EMOTION_CURVE);
  WmPersona *persona = wm_document_find (wm_document_get_personas (fixture->document),
                                         wm_emotion_point_get_persona (point), NULL);
  WmStage *stage = wm_document_find (wm_document_get_stages (fixture->document),
                                     wm_emotion_point_get_stage (point), NULL);
  WmRect own = rect_of (fixture, point);
  WmRect row = rect_of (fixture, curve);
  int max = wm_document_get_scale_max (fixture->document);
  WmDrop drop;

  /* Where it is now: its own score, and the marker on it. */
  g_assert_true (wm_drop_locate_score (fixture->layout, curve, persona, stage, own.y + own.height / 2, &drop));
  g_assert_cmpfloat (drop.score, ==, round (wm_emotion_point_get_score (point)));
  g_assert_cmpfloat (fabs ((drop.marker.y + drop.marker.height / 2) - (own.y + own.height / 2)), <, 2);
  wm_drop_move (fixture->document, &drop, WM_ELEMENT (point));
  assert_unchanged (fixture);

  g_assert_true (wm_drop_locate_score (fixture->layout, curve, persona, stage, row.y - 100, &drop));
  g_assert_cmpfloat (drop.score, ==, max);
  g_assert_cmpfloat (drop.marker.y + drop.marker.height / 2, <, own.y + own.height / 2);
  wm_drop_move (fixture->document, &drop, WM_ELEMENT (point));
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, max);
  assert_one_step (fixture->document, fixture->before);
}

/* A click on a stage of the curve where a persona has no point adds one
 * for that persona, at the score under the pointer. */
static void
test_new_point (Fixture       *fixture,
                gconstpointer  data)
{
  WmEmotionPoint *point = item (wm_document_get_emotion_points (fixture->document), 0);
  g_autofree char *persona_id = g_strdup (wm_emotion_point_get_persona (point));
  WmStage *stage = wm_document_find (wm_document_get_stages (fixture->document),
                                     wm_emotion_point_get_stage (point), NULL);
  WmLane *curve = lane_of_kind (fixture->document, WM_LANE_KIND_EMOTION_CURVE);
  g_autoptr(GListStore) gone = g_list_store_new (WM_TYPE_ELEMENT);
  WmRect cell;
  WmDrop drop;
  WmElement *added;

  g_assert_true (wm_layout_get_cell_rect (fixture->layout, curve, stage, &cell));
  /* Every persona has a point at every stage of this map: nowhere to add one. */
  g_assert_false (wm_drop_locate_new_point (fixture->layout, cell.x + cell.width / 2, cell.y + 4, &drop));

  g_list_store_append (gone, point);
  wm_edit_delete (fixture->document, G_LIST_MODEL (gone));
  g_bytes_unref (fixture->before);
  fixture->before = wm_format_save_bytes (fixture->document);

  g_assert_true (wm_drop_locate_new_point (fixture->layout, cell.x + cell.width / 2, cell.y + 1, &drop));
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (drop.persona)), ==, persona_id);
  g_assert_true (drop.stage == stage);
  g_assert_cmpfloat (drop.score, ==, wm_document_get_scale_max (fixture->document));
  added = wm_drop_add (fixture->document, &drop, WM_TYPE_EMOTION_POINT, 0);
  g_assert_true (WM_IS_EMOTION_POINT (added));
  g_assert_cmpfloat (wm_emotion_point_get_score (WM_EMOTION_POINT (added)), ==, drop.score);
  assert_one_step (fixture->document, fixture->before);
}

/* Pictures land on personas' legend entries, and nowhere else. */
static void
test_picture (Fixture       *fixture,
              gconstpointer  data)
{
  WmPersona *persona = item (wm_document_get_personas (fixture->document), 1);
  WmRect entry = rect_of (fixture, persona);
  WmRect header = rect_of (fixture, stage_at (fixture->document, 0));
  WmDrop drop;

  g_assert_true (wm_drop_locate_picture (fixture->layout, entry.x + entry.width / 2,
                                         entry.y + entry.height / 2, &drop));
  g_assert_true (drop.persona == persona);
  g_assert_false (wm_drop_locate_picture (fixture->layout, header.x + 4, header.y + 4, &drop));
}

/* A new persona goes to the end of the legend. */
static void
test_new_persona (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *personas = wm_document_get_personas (fixture->document);
  guint n = g_list_model_get_n_items (personas);
  WmDrop drop;
  WmElement *persona;

  g_assert_true (wm_drop_locate (fixture->layout, WM_TYPE_PERSONA, 10, 10, &drop));
  g_assert_cmpint (drop.place, ==, WM_DROP_INTO_LEGEND);
  g_assert_cmpuint (drop.position, ==, n);
  persona = wm_drop_add (fixture->document, &drop, WM_TYPE_PERSONA, 0);
  g_assert_true (item (personas, n) == (gpointer) persona);
  assert_one_step (fixture->document, fixture->before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, setup, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/drop/stage/new", car_setup, test_new_stage);
  ADD ("/drop/stage/rtl", persian_setup, test_new_stage_rtl);
  ADD ("/drop/stage/move", car_setup, test_move_stage);
  ADD ("/drop/lane/move", car_setup, test_move_lane);
  ADD ("/drop/lane/new", car_setup, test_new_lane);
  ADD ("/drop/card/move", car_setup, test_move_card);
  ADD ("/drop/card/nowhere", car_setup, test_card_nowhere);
  ADD ("/drop/moment", car_setup, test_moments);
  ADD ("/drop/score/move", car_setup, test_score);
  ADD ("/drop/score/new", car_setup, test_new_point);
  ADD ("/drop/picture", car_setup, test_picture);
  ADD ("/drop/persona/new", car_setup, test_new_persona);
#undef ADD

  return g_test_run ();
}
