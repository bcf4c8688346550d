/* test-e2e.c: the real application, driven by real input.
 *
 * Waymark starts as it does from a file manager, with a copy of an example
 * map. Then xdotool, through the X server, does what a designer does: it
 * presses keys to zoom out and hide the inspector, drags the first stage's
 * header to a new place, drags an emotion point to the top of the scale,
 * and saves with Ctrl+S. The test reads the saved file back.
 *
 * Where to point comes from the canvas's own geometry, turned into the
 * window's X coordinates, so that the test does not depend on pixel
 * positions that a font or a theme could move.
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>

#include "test-ui.h"
#include "test-xdotool.h"
#include "wm-application.h"
#include "wm-emotion-point.h"
#include "wm-format.h"
#include "wm-lane.h"
#include "wm-stage.h"
#include "wm-window.h"



/* Real input, which must get through. */
#define XDOTOOL(...) G_STMT_START { \
    gboolean succeeded_; \
    g_free (xdotool (&succeeded_, __VA_ARGS__)); \
    g_assert_true (succeeded_); \
  } G_STMT_END

typedef struct
{
  char *path;
  WmWindow *window;
  Window xid;
  gboolean done;
} Run;

/* Runs the main loop until @check says so, or fails after a while. */
/* Where map point (@map_x, @map_y) is in the window's X coordinates. */
static void
to_window (Run    *run,
           double  map_x,
           double  map_y,
           int    *x,
           int    *y)
{
  WmCanvas *canvas = wm_window_get_canvas (run->window);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (canvas));
  graphene_point_t point, in_window;
  double widget_x, widget_y, surface_x, surface_y;

  wm_canvas_map_to_widget (canvas, map_x, map_y, &widget_x, &widget_y);
  point = GRAPHENE_POINT_INIT (widget_x, widget_y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (canvas), GTK_WIDGET (native), &point, &in_window));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  *x = (int) round (in_window.x + surface_x);
  *y = (int) round (in_window.y + surface_y);
}

static void
element_at (Run      *run,
            gpointer  element,
            double    fx,
            double    fy,
            int      *x,
            int      *y)
{
  WmRect rect;

  g_assert_true (wm_layout_get_element_rect (wm_canvas_get_layout (wm_window_get_canvas (run->window)),
                                             element, &rect));
  to_window (run, rect.x + rect.width * fx, rect.y + rect.height * fy, x, y);
}

static gboolean
window_ready (gpointer data)
{
  Run *run = data;
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = gtk_application_get_active_window (application);

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;
  run->window = WM_WINDOW (window);
  return gtk_widget_get_width (GTK_WIDGET (wm_window_get_canvas (run->window))) > 0;
}

typedef struct
{
  GListModel *list;
  guint position;
  gpointer element;
} Expect;

static gboolean
element_is_at (gpointer data)
{
  Expect *expect = data;

  return g_list_model_get_n_items (expect->list) > expect->position &&
         nth (expect->list, expect->position) == expect->element;
}

static gboolean
drop_shown (gpointer data)
{
  return wm_canvas_get_shown_drop (data, NULL, NULL);
}

static gboolean
score_is (gpointer data)
{
  Expect *expect = data;

  return wm_emotion_point_get_score (expect->element) == (double) expect->position;
}

static gboolean
saved (gpointer data)
{
  Run *run = data;

  return !wm_window_get_modified (run->window);
}

static WmLane *
curve_lane (WmDocument *document)
{
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    if (wm_lane_get_kind (nth (lanes, i)) == WM_LANE_KIND_EMOTION_CURVE)
      return nth (lanes, i);
  g_assert_not_reached ();
}

static void
settle (void)
{
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gboolean
run_script (gpointer data)
{
  Run *run = data;
  WmDocument *document;
  WmCanvas *canvas;
  GListModel *stages;
  WmStage *first;
  g_autofree char *first_id = NULL;
  WmEmotionPoint *point;
  g_autofree char *point_id = NULL;
  WmLane *curve;
  int x, y, to_x, to_y;
  WmDrop drop;
  const char *label;
  Expect expect;
  int max;

  wait_for (window_ready, run, "the window");
  run->xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (run->window)));
  document = wm_window_get_document (run->window);
  canvas = wm_window_get_canvas (run->window);
  stages = wm_document_get_stages (document);
  max = wm_document_get_scale_max (document);
  /* The X server must know the window before xdotool names it. */
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (run->window)));
  settle ();

  /* The keyboard: hide the inspector (F9), zoom out three steps. */
  XDOTOOL ("mousemove --window %lu 600 400 sleep 0.1 key F9 ctrl+minus ctrl+minus ctrl+minus", run->xid);
  settle ();
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), <, 0.8);

  /* Drag the first stage's header past the middle of the third. */
  first = nth (stages, 0);
  first_id = g_strdup (wm_element_get_id (WM_ELEMENT (first)));
  element_at (run, first, 0.5, 0.5, &x, &y);
  element_at (run, nth (stages, 2), 0.8, 0.5, &to_x, &to_y);
  XDOTOOL ("mousemove --window %lu %d %d mousedown 1 sleep 0.1 "
           "mousemove --window %lu %d %d sleep 0.1 "
           "mousemove --window %lu %d %d sleep 0.2",
           run->xid, x, y, run->xid, x + 12, y, run->xid, to_x, to_y);
  wait_for (drop_shown, canvas, "the drop line");
  g_assert_true (wm_canvas_get_shown_drop (canvas, &drop, NULL));
  g_assert_cmpint (drop.place, ==, WM_DROP_BETWEEN_STAGES);
  XDOTOOL ("mouseup 1");
  expect = (Expect) { stages, 2, first };
  wait_for (element_is_at, &expect, "the stage to move");
  settle ();

  /* Drag an emotion point far above its curve: while it moves it shows
   * the top of the scale; dropped, it has that score. */
  point = nth (wm_document_get_emotion_points (document), 3);
  point_id = g_strdup (wm_element_get_id (WM_ELEMENT (point)));
  g_assert_cmpfloat (wm_emotion_point_get_score (point), <, max);
  curve = curve_lane (document);
  element_at (run, point, 0.5, 0.5, &x, &y);
  element_at (run, curve, 0.5, 0.0, &to_x, &to_y);
  XDOTOOL ("mousemove --window %lu %d %d mousedown 1 sleep 0.1 "
           "mousemove --window %lu %d %d sleep 0.1 "
           "mousemove --window %lu %d %d sleep 0.2",
           run->xid, x, y, run->xid, x, y - 12, run->xid, x, to_y - 20);
  wait_for (drop_shown, canvas, "the score being dragged");
  g_assert_true (wm_canvas_get_shown_drop (canvas, &drop, &label));
  g_assert_cmpint (drop.place, ==, WM_DROP_AT_SCORE);
  g_assert_cmpstr (label, ==, "+3");
  XDOTOOL ("mouseup 1");
  expect = (Expect) { NULL, max, point };
  wait_for (score_is, &expect, "the score to change");

  /* Save with the keyboard, and read the file back. */
  g_assert_true (wm_window_get_modified (run->window));
  XDOTOOL ("key ctrl+s");
  wait_for (saved, run, "the save");

  {
    g_autoptr(GFile) file = g_file_new_for_path (run->path);
    g_autoptr(GError) error = NULL;
    g_autoptr(WmDocument) reread = wm_format_load_file (file, NULL, &error);
    WmEmotionPoint *saved_point;

    g_assert_no_error (error);
    g_assert_cmpstr (wm_element_get_id (nth (wm_document_get_stages (reread), 2)), ==, first_id);
    saved_point = wm_document_find (wm_document_get_emotion_points (reread), point_id, NULL);
    g_assert_nonnull (saved_point);
    g_assert_cmpfloat (wm_emotion_point_get_score (saved_point), ==, max);
  }

  run->done = TRUE;
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
on_startup (GApplication *application,
            Run          *run)
{
  g_idle_add (run_script, run);
}

static void
test_drag_and_save (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                   "car-purchase.waymark", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-e2e-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(WmApplication) application = wm_application_new ();
  Run run = { .path = g_build_filename (dir, "car.waymark", NULL) };
  char *argv[] = { (char *) "waymark", run.path, NULL };

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (run.path, contents, length, NULL));

  g_signal_connect (application, "startup", G_CALLBACK (on_startup), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 2, argv), ==, 0);
  g_assert_true (run.done);

  g_unlink (run.path);
  g_rmdir (dir);
  g_free (run.path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("waymark-e2e-state-XXXXXX", NULL);

  /* No accessibility bus: its daemon would write to the test's output. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* No copies of unsaved maps from elsewhere to offer back at the start. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/e2e/drag-and-save", test_drag_and_save);

  return g_test_run ();
}
