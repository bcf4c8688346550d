/* waymark-editor-bench.c: how the editor keeps up with a big map, under a
 * real display (Xvfb in CI): the time of each frame while a card is
 * dragged across the large map, the relayout after editing one card (on
 * the large and the huge map, to see that it does not grow with the map),
 * and the time from launching Waymark on the large map to its first frame.
 *
 * The maps are the core benchmark's (wm-bench-map.h). The drag goes
 * through the canvas's own drag code (wm-canvas-drag.h), one pointer
 * position per frame, so the frames measured are the ones a user sees:
 * the drop marker moving, the items following, the map scrolling when the
 * pointer nears an edge. A frame's time is from the frame clock's
 * "update" to its "after-paint": the work the application does for it.
 *
 * The benchmark reports; it never fails on a missed target.
 * See docs/performance.md.
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "wm-application.h"
#include "wm-bench-map.h"
#include "wm-canvas-drag.h"
#include "wm-card.h"
#include "wm-save.h"
#include "wm-history.h"
#include "wm-lane.h"
#include "wm-window.h"

#define TARGET_FRAME_P95_MS 8.0
#define TARGET_RELAYOUT_MS  2.0
#define DRAG_FRAMES 300
#define RELAYOUT_RUNS 21
#define LAUNCH_RUNS 5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @fraction quantile of @values (sorted in place), nearest rank. */
static double
quantile (GArray *values,
          double  fraction)
{
  guint rank;

  g_array_sort (values, compare_doubles);
  rank = (guint) ceil (fraction * values->len);
  return g_array_index (values, double, MIN (MAX (rank, 1), values->len) - 1);
}

static void
iterate_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Frame times while dragging */

typedef struct
{
  WmCanvas *canvas;
  WmCanvasDrag *drag;
  GArray *frames;      /* of double, ms */
  gint64 frame_start;
  guint frame;
  double from_x, from_y, to_x, to_y;
  gboolean done;
} Drag;

static void
on_update (GdkFrameClock *clock,
           Drag          *drag)
{
  double t;

  if (drag->done)
    return;
  drag->frame_start = g_get_monotonic_time ();

  /* Where the pointer is in this frame: across the view and back. */
  t = (double) drag->frame / DRAG_FRAMES;
  t = t < 0.5 ? 2 * t : 2 - 2 * t;
  wm_canvas_drag_update (drag->drag,
                         drag->from_x + (drag->to_x - drag->from_x) * t,
                         drag->from_y + (drag->to_y - drag->from_y) * t);
  gtk_widget_queue_draw (GTK_WIDGET (drag->canvas));
}

static void
on_after_paint (GdkFrameClock *clock,
                Drag          *drag)
{
  double ms;

  if (drag->done || drag->frame_start == 0)
    return;
  ms = (g_get_monotonic_time () - drag->frame_start) / 1000.0;
  g_array_append_val (drag->frames, ms);
  drag->frame_start = 0;
  if (++drag->frame >= DRAG_FRAMES)
    drag->done = TRUE;
}

static WmCard *
middle_card (WmDocument *document)
{
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *stages = wm_document_get_stages (document);
  WmStage *stage = wm_document_peek (stages, g_list_model_get_n_items (stages) / 2);

  for (guint l = g_list_model_get_n_items (lanes) / 2; l < g_list_model_get_n_items (lanes); l++)
    {
      GListModel *cards = wm_lane_get_cards (wm_document_peek (lanes, l), wm_element_get_id (WM_ELEMENT (stage)));

      if (g_list_model_get_n_items (cards) > 0)
        return wm_document_peek (cards, 0);
    }
  g_error ("The generated map has no card in its middle");
}

/* @scroll: whether the drag goes to the view's far corner, where the map
 * scrolls under the pointer, or stays inside the view. */
static void
measure_drag (const WmBenchMapSpec *spec,
              gboolean              scroll)
{
  g_autoptr(WmDocument) document = wm_bench_map_generate (spec);
  WmWindow *window = wm_window_new (NULL);
  WmCanvas *canvas;
  GdkFrameClock *clock;
  WmCard *card;
  WmRect rect;
  Drag drag = { 0, };
  double x, y, width, height;

  wm_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (1500);

  canvas = wm_window_get_canvas (window);
  card = middle_card (document);
  wm_canvas_scroll_to (canvas, WM_ELEMENT (card));
  iterate_for (500);
  if (!wm_layout_get_element_rect (wm_canvas_get_layout (canvas), card, &rect))
    g_error ("The card to drag is not on the map");
  wm_canvas_map_to_widget (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  width = gtk_widget_get_width (GTK_WIDGET (canvas));
  height = gtk_widget_get_height (GTK_WIDGET (canvas));

  drag.canvas = canvas;
  drag.drag = wm_canvas_get_drag (canvas);
  drag.frames = g_array_new (FALSE, FALSE, sizeof (double));
  /* From the card to near the far corner, where the map scrolls too, or
   * to well inside the view. */
  drag.from_x = x;
  drag.from_y = y;
  drag.to_x = scroll ? width - 10 : MIN (x + 400, width - 100);
  drag.to_y = scroll ? height - 10 : MIN (y + 250, height - 100);
  if (!wm_canvas_drag_begin (drag.drag, x, y))
    g_error ("The card to drag is not under the pointer");

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &drag);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &drag);
  gdk_frame_clock_begin_updating (clock);
  while (!drag.done)
    g_main_context_iteration (NULL, TRUE);
  gdk_frame_clock_end_updating (clock);
  g_signal_handlers_disconnect_by_data (clock, &drag);
  wm_canvas_drag_end (drag.drag, FALSE);

  g_print ("| frame while dragging a card (%s map, %u frames, window 1400 × 900, %s) | %.2f | %.2f | %.2f | %s |\n",
           spec->name, drag.frames->len, scroll ? "scrolling the map" : "within the view",
           quantile (drag.frames, 0.5), quantile (drag.frames, 0.95), quantile (drag.frames, 1.0),
           quantile (drag.frames, 0.95) <= TARGET_FRAME_P95_MS ? "PASS (p95 ≤ 8 ms)" : "MISS (p95 > 8 ms)");

  g_array_unref (drag.frames);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (200);
}

/* Relayout after editing one card */

static void
measure_relayout (const WmBenchMapSpec *spec)
{
  g_autoptr(WmDocument) document = wm_bench_map_generate (spec);
  g_autoptr(WmLayout) layout = wm_layout_new (document);
  WmHistory *history = wm_document_get_history (document);
  WmCard *card = middle_card (document);
  g_autofree char *own = g_strdup (wm_card_get_text (card));
  g_autofree char *longer = g_strconcat (own, " and then asks a friend who bought one last year what she would do", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  wm_layout_update (layout);
  for (guint i = 0; i < RELAYOUT_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      wm_history_set (history, card, "text", i % 2 == 0 ? longer : own, NULL);
      wm_history_seal (history);
      wm_layout_update (layout);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_print ("| relayout after editing one card (%s map, %u runs) | %.2f | %.2f | %.2f | %s |\n",
           spec->name, times->len, quantile (times, 0.5), quantile (times, 0.95), quantile (times, 1.0),
           quantile (times, 0.5) <= TARGET_RELAYOUT_MS ? "PASS (≤ 2 ms)" : "MISS (> 2 ms)");
}

/* Launch to the first frame */

static gboolean first_frame_seen;

static void
on_first_paint (GdkFrameClock *clock,
                gpointer       data)
{
  if (first_frame_seen)
    return;
  first_frame_seen = TRUE;
  /* CLOCK_MONOTONIC is the machine's: the parent compares it with its own. */
  g_print ("FIRST_FRAME %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (g_application_get_default ());
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), NULL);
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

/* The child: Waymark as it starts from a file manager, until it has drawn. */
static int
launch_child (const char *path)
{
  g_autoptr(WmApplication) application = wm_application_new ();
  char *argv[] = { (char *) "waymark", (char *) path, NULL };

  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (application), 2, argv);
}

static void
measure_launch (const WmBenchMapSpec *spec,
                const char           *self_path)
{
  g_autoptr(WmDocument) document = wm_bench_map_generate (spec);
  g_autofree char *dir = g_dir_make_tmp ("waymark-editor-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  if (!wm_save_file (document, file, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < LAUNCH_RUNS; i++)
    {
      const char *argv[] = { self_path, "--launch-child", path, NULL };
      g_autofree char *out = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 first = 0;
      const char *line;
      double ms;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error))
        g_error ("%s", error->message);
      line = out != NULL ? strstr (out, "FIRST_FRAME ") : NULL;
      if (line == NULL)
        g_error ("The launched editor never drew a frame");
      first = g_ascii_strtoll (line + strlen ("FIRST_FRAME "), NULL, 10);
      ms = (first - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_print ("| launch to first frame (%s map, %u launches) | %.0f | %.0f | %.0f | |\n",
           spec->name, times->len, quantile (times, 0.5), quantile (times, 0.95), quantile (times, 1.0));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--launch-child"))
    return launch_child (argv[2]);

  adw_init ();
  g_print ("## Editor (%s build)\n\n", WM_BENCH_BUILDTYPE);
  g_print ("| measurement | median ms | p95 ms | max ms | target |\n|---|---:|---:|---:|---|\n");
  measure_relayout (wm_bench_map_find ("large"));
  measure_relayout (wm_bench_map_find ("huge"));
  measure_drag (wm_bench_map_find ("large"), FALSE);
  measure_drag (wm_bench_map_find ("large"), TRUE);
  measure_launch (wm_bench_map_find ("large"), argv[0]);
  return EXIT_SUCCESS;
}
