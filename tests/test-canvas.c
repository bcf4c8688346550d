/* test-canvas.c: the map on screen: what it shows, what a click, an arrow
 * key or an edit in place does, and what a screen reader is told. Runs in
 * a real X server (Xvfb). */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "test-canvas-util.h"
#include "wm-canvas-editor.h"
#include "wm-canvas-item.h"
#include "wm-canvas-menu.h"
#include "wm-canvas.h"
#include "wm-card.h"
#include "wm-export.h"
#include "wm-format.h"
#include "wm-labels.h"

/* Pictures */

/* What the canvas shows, rendered the way GTK renders it, without a screen. */
static cairo_surface_t *
render_canvas (Fixture *f)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (f->canvas));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
export_png (WmDocument *document)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("test-canvas-XXXXXX.png", &path, &error);
  cairo_surface_t *surface;

  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (path);
  g_assert_true (wm_export_file (document, file, WM_EXPORT_PNG, 1.0, WM_THEME_LIGHT, NULL, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (path);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static int
channel_difference (guint32 a,
                    guint32 b)
{
  int worst = 0;

  for (int shift = 0; shift < 32; shift += 8)
    worst = MAX (worst, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
  return worst;
}

typedef struct
{
  double mean;      /* of the worst channel difference per pixel, 0–255 */
  double differing; /* the share of pixels differing by more than 8 */
  double inked;     /* the share of pixels in the export that are not page */
} Comparison;

/* @canvas against the part of @export at (@x, @y) that it shows. */
static void
compare (cairo_surface_t *canvas,
         cairo_surface_t *export,
         int              x,
         int              y,
         Comparison      *result)
{
  int width = cairo_image_surface_get_width (canvas);
  int height = cairo_image_surface_get_height (canvas);
  guint32 page = pixel (export, 1, 1);
  double total = 0;
  guint differing = 0, inked = 0;

  g_assert_cmpint (x + width, <=, cairo_image_surface_get_width (export));
  g_assert_cmpint (y + height, <=, cairo_image_surface_get_height (export));

  for (int j = 0; j < height; j++)
    for (int i = 0; i < width; i++)
      {
        guint32 a = pixel (canvas, i, j), b = pixel (export, x + i, y + j);
        int difference = channel_difference (a, b);

        total += difference;
        differing += difference > 8;
        inked += channel_difference (b, page) > 8;
      }

  result->mean = total / (width * height);
  result->differing = (double) differing / (width * height);
  result->inked = (double) inked / (width * height);
}

static void
check_matches_export (const char *map,
                      int         width,
                      int         height,
                      int         x,
                      int         y)
{
  Fixture f = { 0 };
  cairo_surface_t *canvas, *export;
  Comparison comparison;

  fixture_open (&f, load_map (map), width, height);
  gtk_adjustment_set_value (f.hadjustment, x);
  gtk_adjustment_set_value (f.vadjustment, y);
  settle (&f);

  canvas = render_canvas (&f);
  export = export_png (f.document);
  compare (canvas, export, x, y, &comparison);
  g_test_message ("%s: mean difference %.3f, %.4f%% of pixels differ, %.1f%% inked",
                  map, comparison.mean, comparison.differing * 100, comparison.inked * 100);

  /* The part compared has the map on it, not just the page… */
  g_assert_cmpfloat (comparison.inked, >, 0.10);
  /* …and the canvas shows what the export has. */
  g_assert_cmpfloat (comparison.mean, <, 0.5);
  g_assert_cmpfloat (comparison.differing, <, 0.001);

  cairo_surface_destroy (canvas);
  cairo_surface_destroy (export);
  fixture_close (&f);
}

static void
test_snapshot_matches_export (void)
{
  check_matches_export ("full.waymark", 900, 700, 0, 0);
  check_matches_export ("full.waymark", 800, 600, 300, 700);
  check_matches_export ("rtl-persian.waymark", 700, 500, 40, 20);
}

/* The selection is drawn on screen only: around the selected card, in the
 * accent colour, and nowhere else. */
static void
test_snapshot_selection (void)
{
  Fixture f = { 0 };
  cairo_surface_t *plain, *selected;
  WmCard *card;
  WmRect rect;
  double x, y;
  guint differing_inside = 0, differing_outside = 0;

  fixture_open (&f, load_map ("full.waymark"), 900, 700);
  card = card_at (lane_at (&f, 1), stage_at (&f, 1), 0);
  plain = render_canvas (&f);
  wm_selection_select (f.selection, WM_ELEMENT (card));
  settle (&f);
  selected = render_canvas (&f);

  element_rect (&f, card, &rect);
  wm_canvas_map_to_widget (f.canvas, rect.x, rect.y, &x, &y);
  for (int j = 0; j < 700; j++)
    for (int i = 0; i < 900; i++)
      {
        gboolean near = i >= x - 8 && i < x + rect.width + 8 && j >= y - 8 && j < y + rect.height + 8;

        if (channel_difference (pixel (plain, i, j), pixel (selected, i, j)) > 8)
          {
            if (near)
              differing_inside++;
            else
              differing_outside++;
          }
      }

  /* An outline all around the card: at least its perimeter. */
  g_assert_cmpuint (differing_inside, >, 2 * (rect.width + rect.height));
  g_assert_cmpuint (differing_outside, ==, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
  fixture_close (&f);
}

/* Selection by pointer */

static void
test_select_click (void)
{
  Fixture f = { 0 };
  WmCard *first, *second;
  double x, y;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  first = card_at (lane_at (&f, 0), stage_at (&f, 0), 0);
  second = card_at (lane_at (&f, 1), stage_at (&f, 1), 1);

  element_center (&f, first, &x, &y);
  wm_canvas_select_at (f.canvas, x, y, 0);
  g_assert_true (selection_focus (&f) == WM_ELEMENT (first));
  g_assert_cmpuint (n_selected (&f), ==, 1);
  g_assert_true (wm_canvas_item_get_selected (WM_CANVAS_ITEM (wm_canvas_get_item (f.canvas, WM_ELEMENT (first)))));
  g_assert_true (gtk_widget_has_focus (wm_canvas_get_item (f.canvas, WM_ELEMENT (first))));

  /* Shift adds, and the one added is what the inspector shows. */
  element_center (&f, second, &x, &y);
  wm_canvas_select_at (f.canvas, x, y, GDK_SHIFT_MASK);
  g_assert_cmpuint (n_selected (&f), ==, 2);
  g_assert_true (selection_focus (&f) == WM_ELEMENT (second));
  g_assert_true (wm_selection_contains (f.selection, WM_ELEMENT (first)));

  /* Control toggles. */
  element_center (&f, first, &x, &y);
  wm_canvas_select_at (f.canvas, x, y, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_selected (&f), ==, 1);
  g_assert_false (wm_selection_contains (f.selection, WM_ELEMENT (first)));
  g_assert_false (wm_canvas_item_get_selected (WM_CANVAS_ITEM (wm_canvas_get_item (f.canvas, WM_ELEMENT (first)))));

  /* A plain click on a stage header selects it alone. */
  element_center (&f, stage_at (&f, 2), &x, &y);
  wm_canvas_select_at (f.canvas, x, y, 0);
  g_assert_cmpuint (n_selected (&f), ==, 1);
  g_assert_true (selection_focus (&f) == WM_ELEMENT (stage_at (&f, 2)));

  /* The page's margin is empty space: a click there clears. */
  gtk_adjustment_set_value (f.hadjustment, 0);
  gtk_adjustment_set_value (f.vadjustment, 0);
  g_assert_null (wm_canvas_element_at (f.canvas, 4, 4));
  wm_canvas_select_at (f.canvas, 4, 4, 0);
  g_assert_cmpuint (n_selected (&f), ==, 0);

  fixture_close (&f);
}

/* Keyboard navigation */

static void
focus_on (Fixture  *f,
          gpointer  element)
{
  wm_selection_select (f->selection, element);
  g_assert_true (wm_canvas_focus_element (f->canvas, element));
}

static void
check_move (Fixture         *f,
            GtkMovementStep  step,
            int              count,
            gpointer         expected)
{
  g_assert_true (wm_canvas_move_focus (f->canvas, step, count, FALSE));
  g_assert_true (selection_focus (f) == expected);
  g_assert_cmpuint (n_selected (f), ==, 1);
  g_assert_true (gtk_widget_has_focus (wm_canvas_get_item (f->canvas, expected)));
}

static void
test_navigate_arrows (void)
{
  Fixture f = { 0 };
  WmLane *touchpoints;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  touchpoints = lane_at (&f, 1);

  /* Along the stage headers and back. */
  focus_on (&f, stage_at (&f, 1));
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, 1, stage_at (&f, 2));
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, -1, stage_at (&f, 1));

  /* Down a cell's cards, then on to the next lane's cell. */
  focus_on (&f, card_at (touchpoints, stage_at (&f, 0), 0));
  check_move (&f, GTK_MOVEMENT_DISPLAY_LINES, 1, card_at (touchpoints, stage_at (&f, 0), 1));
  /* Sideways, the card level with it: the second of the next cell. */
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, 1, card_at (touchpoints, stage_at (&f, 1), 1));
  check_move (&f, GTK_MOVEMENT_DISPLAY_LINES, -1, card_at (touchpoints, stage_at (&f, 1), 0));

  /* From the first stage's first card, left is the lane's header and up
   * the stage's. */
  focus_on (&f, card_at (lane_at (&f, 0), stage_at (&f, 0), 0));
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, -1, lane_at (&f, 0));
  focus_on (&f, card_at (lane_at (&f, 0), stage_at (&f, 0), 0));
  check_move (&f, GTK_MOVEMENT_DISPLAY_LINES, -1, stage_at (&f, 0));

  /* Along a persona's emotion curve, skipping the stage it has no point at. */
  focus_on (&f, find (wm_document_get_emotion_points (f.document), "point-4"));
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, 1, find (wm_document_get_emotion_points (f.document), "point-5"));

  /* Shift+arrow extends the selection. */
  focus_on (&f, stage_at (&f, 0));
  g_assert_true (wm_canvas_move_focus (f.canvas, GTK_MOVEMENT_VISUAL_POSITIONS, 1, TRUE));
  g_assert_cmpuint (n_selected (&f), ==, 2);
  g_assert_true (selection_focus (&f) == WM_ELEMENT (stage_at (&f, 1)));

  /* At the edge of the map the focus stays. */
  focus_on (&f, lane_at (&f, 0));
  g_assert_false (wm_canvas_move_focus (f.canvas, GTK_MOVEMENT_VISUAL_POSITIONS, -1, FALSE));
  g_assert_true (selection_focus (&f) == WM_ELEMENT (lane_at (&f, 0)));

  fixture_close (&f);
}

/* In a right-to-left map the first stage is on the right: right arrow goes
 * back in time, as the user sees it. */
static void
test_navigate_rtl (void)
{
  Fixture f = { 0 };
  WmRect first, second;

  fixture_open (&f, load_map ("rtl-persian.waymark"), 1000, 700);
  g_assert_true (wm_layout_is_rtl (wm_canvas_get_layout (f.canvas)));
  element_rect (&f, stage_at (&f, 0), &first);
  element_rect (&f, stage_at (&f, 1), &second);
  g_assert_cmpfloat (first.x, >, second.x);

  focus_on (&f, stage_at (&f, 0));
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, -1, stage_at (&f, 1));
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, 1, stage_at (&f, 0));
  /* Further right, below: the lane headers, at the right in this map. */
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, 1, lane_at (&f, 0));
  check_move (&f, GTK_MOVEMENT_VISUAL_POSITIONS, -1, card_at (lane_at (&f, 0), stage_at (&f, 1), 0));
  g_assert_false (wm_canvas_move_focus (f.canvas, GTK_MOVEMENT_VISUAL_POSITIONS, -1, FALSE));

  /* Home is where the map starts: the right. */
  focus_on (&f, stage_at (&f, 0));
  check_move (&f, GTK_MOVEMENT_DISPLAY_LINE_ENDS, 1, stage_at (&f, 1));
  check_move (&f, GTK_MOVEMENT_DISPLAY_LINE_ENDS, -1, stage_at (&f, 0));

  fixture_close (&f);
}

static void
test_navigate_ends (void)
{
  Fixture f = { 0 };
  WmLane *kpis;
  WmStage *last_stage;
  WmElement *first, *last;
  WmRect first_rect, last_rect, rect;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  kpis = lane_at (&f, 5);
  last_stage = stage_at (&f, 3);

  /* Home and End: the ends of the row. */
  focus_on (&f, card_at (kpis, stage_at (&f, 2), 0));
  check_move (&f, GTK_MOVEMENT_DISPLAY_LINE_ENDS, -1, kpis);
  focus_on (&f, stage_at (&f, 1));
  check_move (&f, GTK_MOVEMENT_DISPLAY_LINE_ENDS, 1, last_stage);

  /* Control+Home and Control+End: the first and the last of the map, in
   * reading order; the view follows. */
  g_assert_true (wm_canvas_move_focus (f.canvas, GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE));
  last = selection_focus (&f);
  element_rect (&f, last, &last_rect);
  g_assert_cmpfloat (gtk_adjustment_get_value (f.vadjustment), >, 0);
  g_assert_true (wm_canvas_move_focus (f.canvas, GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE));
  first = selection_focus (&f);
  element_rect (&f, first, &first_rect);
  g_assert_cmpfloat (gtk_adjustment_get_value (f.vadjustment), <=, first_rect.y);

  for (guint i = 0; i < g_list_model_get_n_items (wm_document_get_stages (f.document)); i++)
    {
      element_rect (&f, stage_at (&f, i), &rect);
      g_assert_cmpfloat (first_rect.y, <=, rect.y);
      g_assert_cmpfloat (last_rect.y, >=, rect.y);
    }

  fixture_close (&f);
}

/* Tab enters the map where the user was and leaves it in one press. */
static void
test_navigate_tab (void)
{
  Fixture f = { 0 };
  WmCard *card;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  card = card_at (lane_at (&f, 1), stage_at (&f, 1), 0);
  wm_selection_select (f.selection, WM_ELEMENT (card));

  gtk_window_set_focus (GTK_WINDOW (f.window), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f.canvas), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (wm_canvas_get_item (f.canvas, WM_ELEMENT (card))));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (f.canvas), GTK_DIR_TAB_FORWARD));

  /* With nothing selected, the first element of the map. */
  wm_selection_clear (f.selection);
  gtk_window_set_focus (GTK_WINDOW (f.window), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f.canvas), GTK_DIR_TAB_BACKWARD));
  g_assert_true (WM_IS_CANVAS_ITEM (gtk_root_get_focus (GTK_ROOT (f.window))));

  fixture_close (&f);
}

/* Editing in place */

static void
test_edit_card (void)
{
  Fixture f = { 0 };
  WmHistory *history;
  WmCard *card;
  GtkWidget *editor;
  GtkAllocation allocation;
  graphene_rect_t bounds;
  g_autofree char *before = NULL;
  WmRect rect;
  double x, y;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  history = wm_document_get_history (f.document);
  card = card_at (lane_at (&f, 0), stage_at (&f, 0), 1);
  before = g_strdup (wm_card_get_text (card));

  g_assert_true (wm_canvas_begin_edit (f.canvas, WM_ELEMENT (card)));
  editor = wm_canvas_get_editor (f.canvas);
  g_assert_true (WM_IS_CANVAS_EDITOR (editor));
  g_assert_cmpstr (wm_canvas_editor_get_property_name (WM_CANVAS_EDITOR (editor)), ==, "text");
  g_assert_true (gtk_widget_get_focus_child (GTK_WIDGET (f.canvas)) == editor);
  {
    g_autofree char *text = wm_canvas_editor_get_text (WM_CANVAS_EDITOR (editor));

    g_assert_cmpstr (text, ==, before);
  }

  /* Laid over the card, from its corner. */
  settle (&f);
  gtk_widget_get_allocation (editor, &allocation);
  g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (f.canvas), &bounds));
  element_rect (&f, card, &rect);
  wm_canvas_map_to_widget (f.canvas, rect.x, rect.y, &x, &y);
  g_assert_cmpfloat (fabs (bounds.origin.x - x), <=, 1);
  g_assert_cmpfloat (fabs (bounds.origin.y - y), <=, 1);
  g_assert_cmpint (allocation.width, >=, (int) rect.width);
  g_assert_cmpint (allocation.height, >=, (int) rect.height);

  /* Typing changes nothing yet; Enter changes the card, in one step. */
  wm_canvas_editor_set_text (WM_CANVAS_EDITOR (editor), "Asks a friend\nwho drives one");
  g_assert_cmpstr (wm_card_get_text (card), ==, before);
  g_assert_false (wm_history_get_can_undo (history));
  wm_canvas_end_edit (f.canvas, TRUE);
  g_assert_null (wm_canvas_get_editor (f.canvas));
  g_assert_cmpstr (wm_card_get_text (card), ==, "Asks a friend\nwho drives one");
  g_assert_true (gtk_widget_has_focus (wm_canvas_get_item (f.canvas, WM_ELEMENT (card))));

  settle (&f);
  g_assert_nonnull (strstr (wm_canvas_item_get_label (WM_CANVAS_ITEM (wm_canvas_get_item (f.canvas, WM_ELEMENT (card)))),
                            "who drives one"));

  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_text (card), ==, before);
  g_assert_false (wm_history_get_can_undo (history));

  fixture_close (&f);
}

static void
test_edit_cancel (void)
{
  Fixture f = { 0 };
  WmStage *stage;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  stage = stage_at (&f, 1);

  g_assert_true (wm_canvas_begin_edit (f.canvas, WM_ELEMENT (stage)));
  g_assert_cmpstr (wm_canvas_editor_get_property_name (WM_CANVAS_EDITOR (wm_canvas_get_editor (f.canvas))), ==, "name");
  wm_canvas_editor_set_text (WM_CANVAS_EDITOR (wm_canvas_get_editor (f.canvas)), "Shopping around");
  wm_canvas_end_edit (f.canvas, FALSE);
  g_assert_null (wm_canvas_get_editor (f.canvas));
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Consideration");
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (f.document)));

  /* Emotion points have no text to edit there: their score moves instead. */
  g_assert_false (wm_canvas_begin_edit (f.canvas, find (wm_document_get_emotion_points (f.document), "point-1")));
  g_assert_null (wm_canvas_get_editor (f.canvas));

  fixture_close (&f);
}

/* canvas.edit (Enter, F2, the menu) edits what is selected. */
static void
test_edit_action (void)
{
  Fixture f = { 0 };
  WmLane *lane;
  WmMoment *moment;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  lane = lane_at (&f, 3);
  moment = find (wm_document_get_moments (f.document), "moment-2");

  focus_on (&f, lane);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.edit", NULL));
  g_assert_nonnull (wm_canvas_get_editor (f.canvas));
  wm_canvas_editor_set_text (WM_CANVAS_EDITOR (wm_canvas_get_editor (f.canvas)), "What hurts");

  /* Starting another edit keeps the first. */
  g_assert_true (wm_canvas_begin_edit (f.canvas, WM_ELEMENT (moment)));
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "What hurts");
  wm_canvas_editor_set_text (WM_CANVAS_EDITOR (wm_canvas_get_editor (f.canvas)), "First drive");
  wm_canvas_end_edit (f.canvas, TRUE);
  g_assert_cmpstr (wm_moment_get_title (moment), ==, "First drive");

  /* Two edits, two steps. */
  g_assert_true (wm_history_undo (wm_document_get_history (f.document)));
  g_assert_cmpstr (wm_moment_get_title (moment), ==, "Test drive");
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "What hurts");

  /* Undoing the edited element away ends its edit. */
  g_assert_true (wm_canvas_begin_edit (f.canvas, WM_ELEMENT (lane)));
  g_list_store_remove (G_LIST_STORE (wm_document_get_lanes (f.document)), 3);
  settle (&f);
  g_assert_null (wm_canvas_get_editor (f.canvas));

  focus_on (&f, find (wm_document_get_emotion_points (f.document), "point-2"));
  gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.edit", NULL);
  g_assert_null (wm_canvas_get_editor (f.canvas));

  fixture_close (&f);
}

/* Child widgets */

static WmCanvasItem *
item_of (Fixture  *f,
         gpointer  element)
{
  GtkWidget *item = wm_canvas_get_item (f->canvas, element);

  g_assert_true (WM_IS_CANVAS_ITEM (item));
  g_assert_true (wm_canvas_item_get_element (WM_CANVAS_ITEM (item)) == element);
  g_assert_true (gtk_widget_get_focusable (item));
  return WM_CANVAS_ITEM (item);
}

static void
check_item (Fixture           *f,
            gpointer           element,
            GtkAccessibleRole  role,
            const char        *label)
{
  WmCanvasItem *item = item_of (f, element);
  graphene_rect_t bounds;
  double x, y;

  gtk_test_accessible_assert_role (item, role);
  gtk_test_accessible_assert_property (item, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_cmpstr (wm_canvas_item_get_label (item), ==, label);

  /* Over its element, so that a click there lands on it. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (item), GTK_WIDGET (f->canvas), &bounds));
  element_center (f, element, &x, &y);
  g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
}

static void
test_items_accessible (void)
{
  Fixture f = { 0 };
  WmLayout *layout;
  GListModel *stages, *lanes;
  guint n_cards = 0;

  /* The whole map in view: every element has its item. */
  fixture_open (&f, load_map ("full.waymark"), 1500, 950);
  wm_canvas_zoom_to_fit (f.canvas);
  settle (&f);
  layout = wm_canvas_get_layout (f.canvas);
  stages = wm_document_get_stages (f.document);
  lanes = wm_document_get_lanes (f.document);
  g_assert_cmpfloat (wm_layout_get_height (layout) * wm_canvas_get_zoom (f.canvas), <=, 950.5);

  check_item (&f, stage_at (&f, 1), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, "Stage 2 of 4: Consideration");
  check_item (&f, stage_at (&f, 3), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, "Stage 4 of 4: untitled");
  check_item (&f, lane_at (&f, 1), GTK_ACCESSIBLE_ROLE_ROW_HEADER, "Lane 2 of 9, Touchpoints: Touchpoints");
  check_item (&f, lane_at (&f, 8), GTK_ACCESSIBLE_ROLE_ROW_HEADER, "Lane 9 of 9, Notes: Notes");
  check_item (&f, find (wm_document_get_emotion_points (f.document), "point-2"),
              GTK_ACCESSIBLE_ROLE_LIST_ITEM, "Emotion of Anna Kowalska at Consideration: −1.5");
  check_item (&f, find (wm_document_get_emotion_points (f.document), "point-5"),
              GTK_ACCESSIBLE_ROLE_LIST_ITEM, "Emotion of Ben at Purchase: −2, furious");
  check_item (&f, find (wm_document_get_moments (f.document), "moment-1"),
              GTK_ACCESSIBLE_ROLE_LIST_ITEM, "Moment of truth at Purchase (Decisive moment): Handover");
  check_item (&f, find (wm_document_get_personas (f.document), "persona-ben"),
              GTK_ACCESSIBLE_ROLE_LIST_ITEM, "Persona: Ben");

  /* Every card, named after its lane, stage and text (and channel). */
  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      {
        WmLane *lane = lane_at (&f, l);
        WmStage *stage = stage_at (&f, s);
        GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));

        for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
          {
            WmCard *card = card_at (lane, stage, c);
            const char *text = *wm_card_get_text (card) != '\0' ? wm_card_get_text (card) : wm_card_get_kpi_name (card);
            g_autofree char *label = NULL;

            if (wm_lane_get_kind (lane) == WM_LANE_KIND_TOUCHPOINTS && wm_card_get_channel (card) != WM_CHANNEL_NONE)
              label = g_strdup_printf ("Card in %s, %s: %s, channel %s", wm_lane_get_title (lane),
                                       wm_stage_get_name (stage), text, wm_labels_channel (wm_card_get_channel (card)));
            else
              label = g_strdup_printf ("Card in %s, %s: %s", wm_lane_get_title (lane), wm_stage_get_name (stage), text);
            check_item (&f, card, GTK_ACCESSIBLE_ROLE_LIST_ITEM, label);
            n_cards++;
          }
      }
  g_assert_cmpuint (n_cards, ==, 14);

  /* Selected is a state assistive technologies hear of too. */
  wm_selection_select (f.selection, WM_ELEMENT (lane_at (&f, 2)));
  g_assert_true (wm_canvas_item_get_selected (item_of (&f, lane_at (&f, 2))));
  gtk_test_accessible_assert_state (item_of (&f, lane_at (&f, 2)), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  gtk_test_accessible_assert_state (item_of (&f, lane_at (&f, 1)), GTK_ACCESSIBLE_STATE_SELECTED, FALSE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (item_of (&f, lane_at (&f, 2))), "selected"));

  fixture_close (&f);
}

/* The items follow the map: a changed text renames, a removed card's item
 * goes, a new stage gets one. */
static void
test_items_follow_map (void)
{
  Fixture f = { 0 };
  WmHistory *history;
  WmCard *card;
  g_autoptr(WmStage) stage = wm_stage_new ();

  fixture_open (&f, load_map ("full.waymark"), 1500, 950);
  wm_canvas_zoom_to_fit (f.canvas);
  history = wm_document_get_history (f.document);
  card = card_at (lane_at (&f, 0), stage_at (&f, 2), 0);
  g_object_ref (card);

  wm_history_set (history, card, "text", "Signs the contract", NULL);
  settle (&f);
  g_assert_cmpstr (wm_canvas_item_get_label (item_of (&f, card)), ==, "Card in What Anna does, Purchase: Signs the contract");

  wm_history_remove (history, wm_lane_get_cards (lane_at (&f, 0), wm_element_get_id (WM_ELEMENT (stage_at (&f, 2)))), 0);
  settle (&f);
  g_assert_null (wm_canvas_get_item (f.canvas, WM_ELEMENT (card)));

  wm_stage_set_name (stage, "Delivery");
  wm_history_insert (history, wm_document_get_stages (f.document), 0, stage);
  settle (&f);
  g_assert_cmpstr (wm_canvas_item_get_label (item_of (&f, stage)), ==, "Stage 1 of 5: Delivery");
  g_assert_cmpstr (wm_canvas_item_get_label (item_of (&f, stage_at (&f, 1))), ==, "Stage 2 of 5: Awareness");

  g_object_unref (card);
  fixture_close (&f);
}

/* The big map of the benchmarks: 24 stages, 16 lanes, 3 cards a cell. */
static WmDocument *
big_map (void)
{
  WmDocument *document = wm_document_new ();
  GListStore *stages = G_LIST_STORE (wm_document_get_stages (document));
  GListStore *lanes = G_LIST_STORE (wm_document_get_lanes (document));

  for (guint s = 0; s < 24; s++)
    {
      g_autoptr(WmStage) stage = wm_stage_new ();
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);

      wm_stage_set_name (stage, name);
      g_list_store_append (stages, stage);
    }
  for (guint l = 0; l < 16; l++)
    {
      g_autoptr(WmLane) lane = wm_lane_new ();

      wm_lane_set_kind (lane, l % 3 == 0 ? WM_LANE_KIND_ACTIONS : l % 3 == 1 ? WM_LANE_KIND_TOUCHPOINTS : WM_LANE_KIND_PAIN_POINTS);
      g_list_store_append (lanes, lane);
      for (guint s = 0; s < 24; s++)
        for (guint c = 0; c < 3; c++)
          {
            g_autoptr(WmCard) card = wm_card_new ();
            g_autofree char *text = g_strdup_printf ("Card %u of lane %u at stage %u", c + 1, l + 1, s + 1);
            WmStage *stage = g_list_model_get_item (G_LIST_MODEL (stages), s);

            wm_card_set_text (card, text);
            g_list_store_append (G_LIST_STORE (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)))), card);
            g_object_unref (stage);
          }
    }
  return document;
}

static guint
count_items (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (WM_IS_CANVAS_ITEM (child) && gtk_widget_get_child_visible (child))
      n++;
  return n;
}

static guint
count_children (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* To the top start corner and to the bottom end corner. */
static void
scroll_corners (Fixture *f)
{
  gtk_adjustment_set_value (f->hadjustment, 0);
  gtk_adjustment_set_value (f->vadjustment, 0);
  settle (f);
  gtk_adjustment_set_value (f->hadjustment, gtk_adjustment_get_upper (f->hadjustment));
  gtk_adjustment_set_value (f->vadjustment, gtk_adjustment_get_upper (f->vadjustment));
  settle (f);
}

/* A big map has items only where the user looks, and the keyboard still
 * reaches everything. */
static void
test_items_big_map (void)
{
  Fixture f = { 0 };
  guint on_screen, children;
  WmLane *last_lane;
  WmCard *last_card;

  fixture_open (&f, big_map (), 1200, 800);
  last_lane = lane_at (&f, 15);
  last_card = card_at (last_lane, stage_at (&f, 23), 2);

  on_screen = count_items (&f);
  g_assert_cmpuint (on_screen, >, 10);
  g_assert_cmpuint (on_screen, <, 200);
  g_assert_nonnull (wm_canvas_get_item (f.canvas, WM_ELEMENT (stage_at (&f, 0))));
  g_assert_null (wm_canvas_get_item (f.canvas, WM_ELEMENT (last_card)));

  /* Control+End: the last card, brought into view with an item of its own. */
  g_assert_true (wm_canvas_move_focus (f.canvas, GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE));
  g_assert_true (selection_focus (&f) == WM_ELEMENT (last_card));
  settle (&f);
  g_assert_true (gtk_widget_has_focus (wm_canvas_get_item (f.canvas, WM_ELEMENT (last_card))));
  g_assert_null (wm_canvas_get_item (f.canvas, WM_ELEMENT (stage_at (&f, 0))));
  g_assert_cmpuint (count_items (&f), <, 200);

  /* Scrolling reuses the items it has: once the pools have what the ends
   * of the map need, going there again makes no more. */
  scroll_corners (&f);
  children = count_children (&f);
  scroll_corners (&f);
  g_assert_cmpuint (count_children (&f), ==, children);
  g_assert_cmpuint (children, <, 400);

  fixture_close (&f);
}

/* Context menu */

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action,
                 const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) value = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        {
          value = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          if (target == NULL || (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target)))
            return TRUE;
        }

      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          gboolean found = menu_has_action (linked, action, target);

          g_object_unref (linked);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_menu (void)
{
  Fixture f = { 0 };
  g_autoptr(GMenuModel) card_menu = NULL;
  g_autoptr(GMenuModel) empty_menu = NULL;
  g_autoptr(GMenuModel) point_menu = NULL;
  g_autoptr(GMenuModel) stage_menu = NULL;
  WmCard *card, *other;
  GtkWidget *popover = NULL;
  double x, y;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  card = card_at (lane_at (&f, 1), stage_at (&f, 0), 0);
  other = card_at (lane_at (&f, 1), stage_at (&f, 0), 1);

  card_menu = wm_canvas_menu_new (WM_ELEMENT (card));
  for (guint i = 0; i < 6; i++)
    g_assert_true (menu_has_action (card_menu, (const char *[]) { "canvas.edit", "win.cut", "win.copy", "win.paste",
                                                                  "win.duplicate", "win.delete" }[i], NULL));
  g_assert_true (menu_has_action (card_menu, "win.add-card", NULL));
  g_assert_false (menu_has_action (card_menu, "win.add-stage", NULL));

  stage_menu = wm_canvas_menu_new (WM_ELEMENT (stage_at (&f, 0)));
  g_assert_true (menu_has_action (stage_menu, "win.add-stage", NULL));
  g_assert_true (menu_has_action (stage_menu, "win.add-moment", NULL));

  empty_menu = wm_canvas_menu_new (NULL);
  g_assert_false (menu_has_action (empty_menu, "win.delete", NULL));
  g_assert_true (menu_has_action (empty_menu, "win.paste", NULL));
  g_assert_true (menu_has_action (empty_menu, "win.add-lane", "touchpoints"));
  g_assert_true (menu_has_action (empty_menu, "win.add-lane", "emotion-curve"));

  point_menu = wm_canvas_menu_new (find (wm_document_get_emotion_points (f.document), "point-1"));
  g_assert_false (menu_has_action (point_menu, "canvas.edit", NULL));
  g_assert_true (menu_has_action (point_menu, "win.delete", NULL));

  /* A right click on a card selects it, unless it is part of the selection. */
  wm_selection_select (f.selection, WM_ELEMENT (other));
  wm_selection_add (f.selection, WM_ELEMENT (card));
  element_center (&f, other, &x, &y);
  wm_canvas_popup_menu_at (f.canvas, x, y);
  g_assert_cmpuint (n_selected (&f), ==, 2);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f.canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      popover = child;
  g_assert_nonnull (popover);
  settle (&f);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  element_center (&f, stage_at (&f, 2), &x, &y);
  wm_canvas_popup_menu_at (f.canvas, x, y);
  g_assert_cmpuint (n_selected (&f), ==, 1);
  g_assert_true (selection_focus (&f) == WM_ELEMENT (stage_at (&f, 2)));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  fixture_close (&f);
}

/* Zoom keeps the point under the pointer still, and fit shows everything. */
static void
test_zoom (void)
{
  Fixture f = { 0 };
  WmLayout *layout;
  double x, y, after_x, after_y;
  WmCard *card;

  fixture_open (&f, load_map ("full.waymark"), 1000, 800);
  layout = wm_canvas_get_layout (f.canvas);
  card = card_at (lane_at (&f, 1), stage_at (&f, 1), 0);
  wm_selection_select (f.selection, WM_ELEMENT (card));

  wm_canvas_set_zoom (f.canvas, 2.0);
  wm_canvas_scroll_to (f.canvas, WM_ELEMENT (card));
  settle (&f);
  element_center (&f, card, &x, &y);
  /* The item moved and grew with its card. */
  {
    graphene_rect_t bounds;
    WmRect rect;

    element_rect (&f, card, &rect);
    g_assert_true (gtk_widget_compute_bounds (wm_canvas_get_item (f.canvas, WM_ELEMENT (card)), GTK_WIDGET (f.canvas), &bounds));
    g_assert_cmpfloat (fabs (bounds.size.width - rect.width * 2), <=, 2);
    g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
  }

  wm_canvas_zoom_to_fit (f.canvas);
  settle (&f);
  g_assert_cmpfloat (wm_layout_get_width (layout) * wm_canvas_get_zoom (f.canvas), <=, 1000 + 0.5);
  g_assert_cmpfloat (wm_layout_get_height (layout) * wm_canvas_get_zoom (f.canvas), <=, 800 + 0.5);
  element_center (&f, card, &after_x, &after_y);
  g_assert_true (wm_canvas_element_at (f.canvas, after_x, after_y) == WM_ELEMENT (card));

  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  /* GTK's accessibility backend for tests: it keeps what a screen reader
   * would be told, for the tests to check, and needs no session bus. */
  ui_test_init (&argc, &argv);

  g_test_add_func ("/canvas/snapshot/export", test_snapshot_matches_export);
  g_test_add_func ("/canvas/snapshot/selection", test_snapshot_selection);
  g_test_add_func ("/canvas/select/click", test_select_click);
  g_test_add_func ("/canvas/navigate/arrows", test_navigate_arrows);
  g_test_add_func ("/canvas/navigate/rtl", test_navigate_rtl);
  g_test_add_func ("/canvas/navigate/ends", test_navigate_ends);
  g_test_add_func ("/canvas/navigate/tab", test_navigate_tab);
  g_test_add_func ("/canvas/edit/card", test_edit_card);
  g_test_add_func ("/canvas/edit/cancel", test_edit_cancel);
  g_test_add_func ("/canvas/edit/action", test_edit_action);
  g_test_add_func ("/canvas/items/accessible", test_items_accessible);
  g_test_add_func ("/canvas/items/follow-map", test_items_follow_map);
  g_test_add_func ("/canvas/items/big-map", test_items_big_map);
  g_test_add_func ("/canvas/menu", test_menu);
  g_test_add_func ("/canvas/zoom", test_zoom);

  return g_test_run ();
}
