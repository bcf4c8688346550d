/* test-canvas-drag.c: drag and drop on the canvas: moving headers, cards,
 * moments and emotion points; new elements from the palette; pictures from
 * the file manager. Runs in a real X server (Xvfb); the pointer itself is
 * driven by the end-to-end test (test-e2e.sh). */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "test-canvas-util.h"
#include "wm-canvas-drag.h"
#include "wm-edit.h"
#include "wm-emotion-point.h"
#include "wm-format.h"
#include "wm-moment.h"
#include "wm-persona.h"

static GBytes *
saved (Fixture *f)
{
  return wm_format_save_bytes (f->document);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_cmpstr (g_bytes_get_data (a, NULL), ==, g_bytes_get_data (b, NULL));
}

/* The last edit was one step: undo gives @before back. */
static void
assert_one_step (Fixture *f,
                 GBytes  *before)
{
  WmHistory *history = wm_document_get_history (f->document);
  g_autoptr(GBytes) undone = NULL;

  g_assert_true (wm_history_undo (history));
  undone = saved (f);
  assert_same_bytes (undone, before);
  g_assert_true (wm_history_redo (history));
}

static WmLane *
lane_of_kind (Fixture    *f,
              WmLaneKind  kind)
{
  GListModel *lanes = wm_document_get_lanes (f->document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    if (wm_lane_get_kind (lane_at (f, i)) == kind)
      return lane_at (f, i);
  g_assert_not_reached ();
}

/* A point of @element's rectangle on screen: (0, 0) its top-left corner,
 * (1, 1) its bottom-right one. */
static void
element_point (Fixture  *f,
               gpointer  element,
               double    fx,
               double    fy,
               double   *x,
               double   *y)
{
  WmRect rect;

  element_rect (f, element, &rect);
  wm_canvas_map_to_widget (f->canvas, rect.x + rect.width * fx, rect.y + rect.height * fy, x, y);
}

static void
open_car (Fixture *f)
{
  fixture_open (f, load_map ("../../data/examples/car-purchase.waymark"), 1500, 900);
}

/* Dragging the first stage header past the middle of the third shows a
 * line between the third and fourth, and dropping puts it third. */
static void
test_drag_stage (void)
{
  Fixture f;
  WmCanvasDrag *drag;
  WmStage *first;
  g_autoptr(GBytes) before = NULL;
  double x, y;
  WmDrop drop;
  WmRect third, fourth;

  open_car (&f);
  drag = wm_canvas_get_drag (f.canvas);
  first = stage_at (&f, 0);
  before = saved (&f);
  element_rect (&f, stage_at (&f, 2), &third);
  element_rect (&f, stage_at (&f, 3), &fourth);

  element_point (&f, first, 0.5, 0.5, &x, &y);
  g_assert_true (wm_canvas_drag_begin (drag, x, y));
  g_assert_true (wm_canvas_drag_get_element (drag) == WM_ELEMENT (first));
  g_assert_false (wm_canvas_get_shown_drop (f.canvas, NULL, NULL)); /* not before it moves */

  element_point (&f, stage_at (&f, 2), 0.8, 0.5, &x, &y);
  wm_canvas_drag_update (drag, x, y);
  settle (&f);
  g_assert_true (wm_canvas_get_shown_drop (f.canvas, &drop, NULL));
  g_assert_cmpint (drop.place, ==, WM_DROP_BETWEEN_STAGES);
  g_assert_cmpuint (drop.position, ==, 3);
  g_assert_cmpint (drop.mark, ==, WM_DROP_MARK_LINE);
  g_assert_cmpfloat (drop.marker.x, >=, third.x + third.width - 1);
  g_assert_cmpfloat (drop.marker.x, <=, fourth.x + 1);
  g_assert_true (gtk_widget_has_css_class (wm_canvas_get_item (f.canvas, WM_ELEMENT (first)), "dragged"));

  wm_canvas_drag_end (drag, TRUE);
  g_assert_false (wm_canvas_get_shown_drop (f.canvas, NULL, NULL));
  g_assert_null (wm_canvas_drag_get_element (drag));
  g_assert_true (stage_at (&f, 2) == first);
  assert_one_step (&f, before);

  fixture_close (&f);
}

/* A drag that is cancelled (Escape, or the gesture taken away) changes
 * nothing, wherever it was shown going. */
static void
test_drag_cancel (void)
{
  Fixture f;
  WmCanvasDrag *drag;
  WmLane *actions;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  double x, y;

  open_car (&f);
  drag = wm_canvas_get_drag (f.canvas);
  actions = lane_of_kind (&f, WM_LANE_KIND_ACTIONS);
  before = saved (&f);

  element_point (&f, card_at (actions, stage_at (&f, 0), 0), 0.5, 0.5, &x, &y);
  g_assert_true (wm_canvas_drag_begin (drag, x, y));
  element_point (&f, card_at (actions, stage_at (&f, 1), 0), 0.5, 0.9, &x, &y);
  wm_canvas_drag_update (drag, x, y);
  g_assert_true (wm_canvas_get_shown_drop (f.canvas, NULL, NULL));
  wm_canvas_drag_end (drag, FALSE);

  g_assert_false (wm_canvas_get_shown_drop (f.canvas, NULL, NULL));
  after = saved (&f);
  assert_same_bytes (after, before);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (f.document)));

  fixture_close (&f);
}

/* A card dragged below the first card of the next stage's cell lands
 * there, second. */
static void
test_drag_card (void)
{
  Fixture f;
  WmCanvasDrag *drag;
  WmLane *actions;
  WmCard *card;
  g_autoptr(GBytes) before = NULL;
  double x, y;
  WmDrop drop;

  open_car (&f);
  drag = wm_canvas_get_drag (f.canvas);
  actions = lane_of_kind (&f, WM_LANE_KIND_ACTIONS);
  card = card_at (actions, stage_at (&f, 0), 0);
  before = saved (&f);

  element_point (&f, card, 0.5, 0.5, &x, &y);
  g_assert_true (wm_canvas_drag_begin (drag, x, y));
  element_point (&f, card_at (actions, stage_at (&f, 1), 0), 0.5, 0.8, &x, &y);
  wm_canvas_drag_update (drag, x, y);
  g_assert_true (wm_canvas_get_shown_drop (f.canvas, &drop, NULL));
  g_assert_cmpint (drop.place, ==, WM_DROP_INTO_CELL);
  g_assert_cmpuint (drop.position, ==, 1);
  wm_canvas_drag_end (drag, TRUE);

  g_assert_true (card_at (actions, stage_at (&f, 1), 1) == card);
  g_assert_true (selection_focus (&f) == WM_ELEMENT (card) ||
                 gtk_widget_has_focus (wm_canvas_get_item (f.canvas, WM_ELEMENT (card))));
  assert_one_step (&f, before);

  fixture_close (&f);
}

/* A moment of truth dragged onto another stage's header moves there. */
static void
test_drag_moment (void)
{
  Fixture f;
  WmCanvasDrag *drag;
  WmMoment *moment;
  WmStage *last;
  double x, y;

  open_car (&f);
  drag = wm_canvas_get_drag (f.canvas);
  moment = nth (wm_document_get_moments (f.document), 0);
  last = stage_at (&f, 4);
  g_assert_cmpstr (wm_moment_get_stage (moment), !=, wm_element_get_id (WM_ELEMENT (last)));

  element_point (&f, moment, 0.5, 0.5, &x, &y);
  g_assert_true (wm_canvas_drag_begin (drag, x, y));
  g_assert_true (wm_canvas_drag_get_element (drag) == WM_ELEMENT (moment));
  element_point (&f, last, 0.5, 0.5, &x, &y);
  wm_canvas_drag_update (drag, x, y);
  wm_canvas_drag_end (drag, TRUE);

  g_assert_cmpstr (wm_moment_get_stage (moment), ==, wm_element_get_id (WM_ELEMENT (last)));

  fixture_close (&f);
}

/* An emotion point dragged up snaps to whole scores, shows the score it
 * would get while it moves, and takes it when dropped. */
static void
test_drag_point (void)
{
  Fixture f;
  WmCanvasDrag *drag;
  WmEmotionPoint *point;
  WmLane *curve;
  g_autoptr(GBytes) before = NULL;
  double x, y, top_x, top_y;
  WmDrop drop;
  const char *label;
  int max;

  open_car (&f);
  drag = wm_canvas_get_drag (f.canvas);
  point = nth (wm_document_get_emotion_points (f.document), 3); /* −1 */
  curve = lane_of_kind (&f, WM_LANE_KIND_EMOTION_CURVE);
  max = wm_document_get_scale_max (f.document);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -1);
  before = saved (&f);

  element_point (&f, point, 0.5, 0.5, &x, &y);
  g_assert_true (wm_canvas_drag_begin (drag, x, y));
  g_assert_true (wm_canvas_drag_get_element (drag) == WM_ELEMENT (point));

  /* A little up: still −1, between two steps it snaps to the nearer. */
  wm_canvas_drag_update (drag, x + 30, y - 3);
  g_assert_true (wm_canvas_get_shown_drop (f.canvas, &drop, &label));
  g_assert_cmpint (drop.place, ==, WM_DROP_AT_SCORE);
  g_assert_cmpfloat (drop.score, ==, -1);
  g_assert_cmpstr (label, ==, "−1");

  /* Far above the curve: the top of the scale, and only that. */
  element_point (&f, curve, 0.5, 0.0, &top_x, &top_y);
  wm_canvas_drag_update (drag, x, top_y - 200);
  settle (&f);
  g_assert_true (wm_canvas_get_shown_drop (f.canvas, &drop, &label));
  g_assert_cmpfloat (drop.score, ==, max);
  g_assert_cmpstr (label, ==, "+3");
  g_assert_cmpint (drop.mark, ==, WM_DROP_MARK_POINT);

  wm_canvas_drag_end (drag, TRUE);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, max);
  assert_one_step (&f, before);

  fixture_close (&f);
}

/* What a press on empty space, the title or a lane's empty cell starts is
 * not a drag. */
static void
test_drag_nothing (void)
{
  Fixture f;
  WmCanvasDrag *drag;
  double x, y;

  open_car (&f);
  drag = wm_canvas_get_drag (f.canvas);

  g_assert_false (wm_canvas_drag_begin (drag, 2, 2));
  element_point (&f, f.document, 0.1, 0.2, &x, &y);
  g_assert_false (wm_canvas_drag_begin (drag, x, y));
  g_assert_null (wm_canvas_drag_get_element (drag));

  fixture_close (&f);
}

/* From the palette: a card dropped into a cell lands where the line was
 * shown, is selected and opens for typing; a lane goes between two lanes;
 * a card over a stage header has nowhere to go. */
static void
test_palette (void)
{
  Fixture f;
  WmCanvasDrag *drag;
  g_autoptr(WmPaletteItem) card_item = wm_palette_item_new (WM_TYPE_CARD, 0);
  g_autoptr(WmPaletteItem) lane_item = wm_palette_item_new (WM_TYPE_LANE, WM_LANE_KIND_BACKSTAGE);
  WmLane *actions;
  WmElement *added;
  double x, y;
  WmDrop drop;

  open_car (&f);
  drag = wm_canvas_get_drag (f.canvas);
  actions = lane_of_kind (&f, WM_LANE_KIND_ACTIONS);

  element_point (&f, stage_at (&f, 1), 0.5, 0.5, &x, &y);
  g_assert_false (wm_canvas_drag_hover_new (drag, card_item, x, y));
  g_assert_false (wm_canvas_get_shown_drop (f.canvas, NULL, NULL));

  element_point (&f, card_at (actions, stage_at (&f, 1), 0), 0.5, 0.2, &x, &y);
  g_assert_true (wm_canvas_drag_hover_new (drag, card_item, x, y));
  g_assert_true (wm_canvas_get_shown_drop (f.canvas, &drop, NULL));
  g_assert_cmpuint (drop.position, ==, 0);
  added = wm_canvas_drag_drop_new (drag, card_item, x, y);
  g_assert_true (WM_IS_CARD (added));
  g_assert_true (card_at (actions, stage_at (&f, 1), 0) == WM_CARD (added));
  g_assert_true (selection_focus (&f) == added);
  g_assert_nonnull (wm_canvas_get_editor (f.canvas));
  g_assert_false (wm_canvas_get_shown_drop (f.canvas, NULL, NULL));
  wm_canvas_end_edit (f.canvas, FALSE);

  element_point (&f, lane_at (&f, 0), 0.5, 0.9, &x, &y);
  added = wm_canvas_drag_drop_new (drag, lane_item, x, y);
  g_assert_true (WM_IS_LANE (added));
  g_assert_true (lane_at (&f, 1) == WM_LANE (added));
  g_assert_cmpint (wm_lane_get_kind (WM_LANE (added)), ==, WM_LANE_KIND_BACKSTAGE);

  fixture_close (&f);
}

static char *
write_file (const char *name,
            const void *data,
            gsize       size)
{
  g_autofree char *dir = g_dir_make_tmp ("test-canvas-drag-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, size, NULL));
  return path;
}

static void
on_error (WmCanvasDrag *drag,
          const char   *message,
          char        **out)
{
  *out = g_strdup (message);
}

/* Waits until the persona has a picture or an error was said. */
static void
wait_for_picture (WmPersona  *persona,
                  char      **error)
{
  for (guint i = 0; i < 2000 && wm_persona_get_picture (persona) == NULL && *error == NULL; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* A PNG dropped on a persona's legend entry becomes its picture, in one
 * step; a file that is not a picture is refused with a message naming it,
 * and the persona stays as it was. */
static void
test_picture (void)
{
  Fixture f;
  WmCanvasDrag *drag;
  WmPersona *persona;
  g_autofree char *message = NULL;
  g_autofree char *bad_path = write_file ("notes.png", "just some text, not a picture", 29);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *png_path = NULL;
  g_autoptr(GFile) png = NULL;
  cairo_surface_t *surface;
  double x, y;
  const char *label;

  open_car (&f);
  drag = wm_canvas_get_drag (f.canvas);
  persona = nth (wm_document_get_personas (f.document), 0);
  g_assert_null (wm_persona_get_picture (persona));
  g_signal_connect (drag, "error", G_CALLBACK (on_error), &message);

  element_point (&f, stage_at (&f, 0), 0.5, 0.5, &x, &y);
  g_assert_false (wm_canvas_drag_hover_picture (drag, x, y));
  g_assert_false (wm_canvas_drag_drop_picture (drag, bad, x, y));

  element_point (&f, persona, 0.3, 0.5, &x, &y);
  g_assert_true (wm_canvas_drag_hover_picture (drag, x, y));
  g_assert_true (wm_canvas_get_shown_drop (f.canvas, NULL, &label));
  g_assert_nonnull (label);

  g_assert_true (wm_canvas_drag_drop_picture (drag, bad, x, y));
  wait_for_picture (persona, &message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "notes.png"));
  g_assert_nonnull (strstr (message, "not a PNG, JPEG or SVG"));
  g_assert_null (wm_persona_get_picture (persona));
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (f.document)));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 40);
  png_path = g_build_filename (g_get_tmp_dir (), "test-canvas-drag-face.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  png = g_file_new_for_path (png_path);
  g_clear_pointer (&message, g_free);
  g_assert_true (wm_canvas_drag_drop_picture (drag, png, x, y));
  wait_for_picture (persona, &message);
  g_assert_null (message);
  g_assert_nonnull (wm_persona_get_picture (persona));
  g_assert_cmpstr (wm_persona_get_picture_type (persona), ==, "image/png");
  g_assert_true (wm_history_get_can_undo (wm_document_get_history (f.document)));

  g_unlink (png_path);
  g_unlink (bad_path);
  fixture_close (&f);
}

/* A click on a stage of the curve where a persona has no point adds one
 * there, for that persona, and selects it. */
static void
test_add_point (void)
{
  Fixture f;
  WmEmotionPoint *point;
  g_autoptr(GListStore) gone = g_list_store_new (WM_TYPE_ELEMENT);
  g_autofree char *persona_id = NULL;
  WmStage *stage;
  WmLane *curve;
  WmRect cell;
  double x, y;
  WmElement *added;

  open_car (&f);
  point = nth (wm_document_get_emotion_points (f.document), 3);
  persona_id = g_strdup (wm_emotion_point_get_persona (point));
  stage = find (wm_document_get_stages (f.document), wm_emotion_point_get_stage (point));
  curve = lane_of_kind (&f, WM_LANE_KIND_EMOTION_CURVE);
  g_assert_true (wm_layout_get_cell_rect (wm_canvas_get_layout (f.canvas), curve, stage, &cell));
  wm_canvas_map_to_widget (f.canvas, cell.x + cell.width / 2, cell.y + cell.height / 2, &x, &y);

  /* Every persona has its point there: a click adds nothing. */
  g_assert_false (wm_canvas_add_point_at (f.canvas, x, y));

  g_list_store_append (gone, point);
  wm_edit_delete (f.document, G_LIST_MODEL (gone));
  settle (&f);

  g_assert_true (wm_canvas_add_point_at (f.canvas, x, y));
  added = selection_focus (&f);
  g_assert_true (WM_IS_EMOTION_POINT (added));
  g_assert_cmpstr (wm_emotion_point_get_persona (WM_EMOTION_POINT (added)), ==, persona_id);
  g_assert_cmpstr (wm_emotion_point_get_stage (WM_EMOTION_POINT (added)), ==,
                   wm_element_get_id (WM_ELEMENT (stage)));

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/canvas-drag/stage", test_drag_stage);
  g_test_add_func ("/canvas-drag/cancel", test_drag_cancel);
  g_test_add_func ("/canvas-drag/card", test_drag_card);
  g_test_add_func ("/canvas-drag/moment", test_drag_moment);
  g_test_add_func ("/canvas-drag/point", test_drag_point);
  g_test_add_func ("/canvas-drag/nothing", test_drag_nothing);
  g_test_add_func ("/canvas-drag/palette", test_palette);
  g_test_add_func ("/canvas-drag/picture", test_picture);
  g_test_add_func ("/canvas-drag/add-point", test_add_point);

  return g_test_run ();
}
