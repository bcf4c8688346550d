/* test-canvas-util.c: what the tests of the canvas share. */
#include "test-canvas-util.h"

#include "wm-format.h"

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  guint *ticks = data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* Lets GTK lay out and draw what changed: a few frames. */
void
settle (Fixture *f)
{
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (f->canvas), on_tick, &ticks, NULL);

  while (ticks < 3)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (GTK_WIDGET (f->canvas), id);
}

WmDocument *
load_map (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* A window of @width × @height showing @document, scrolled by
 * adjustments of the test's own. */
void
fixture_open (Fixture    *f,
              WmDocument *document,
              int         width,
              int         height)
{
  f->document = document;
  f->selection = wm_selection_new ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  f->canvas = WM_CANVAS (wm_canvas_new ());
  f->hadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  f->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  gtk_scrollable_set_hadjustment (GTK_SCROLLABLE (f->canvas), f->hadjustment);
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (f->canvas), f->vadjustment);
  wm_canvas_set_document (f->canvas, document);
  wm_canvas_set_selection (f->canvas, f->selection);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->canvas));
  gtk_window_present (GTK_WINDOW (f->window));
  settle (f);
  /* No focus ring where the test does not put one. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  settle (f);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->canvas)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->canvas)), ==, height);
}

void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->hadjustment);
  g_clear_object (&f->vadjustment);
  g_clear_object (&f->selection);
  g_clear_object (&f->document);
}

WmStage *
stage_at (Fixture *f,
          guint    position)
{
  return nth (wm_document_get_stages (f->document), position);
}

WmLane *
lane_at (Fixture *f,
         guint    position)
{
  return nth (wm_document_get_lanes (f->document), position);
}

WmCard *
card_at (WmLane  *lane,
         WmStage *stage,
         guint    position)
{
  return nth (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))), position);
}

gpointer
find (GListModel *list,
      const char *id)
{
  gpointer element = wm_document_find (list, id, NULL);

  g_assert_nonnull (element);
  return element;
}

void
element_rect (Fixture  *f,
              gpointer  element,
              WmRect   *rect)
{
  g_assert_true (wm_layout_get_element_rect (wm_canvas_get_layout (f->canvas), element, rect));
}

/* Where @element's centre is on screen now. */
void
element_center (Fixture  *f,
                gpointer  element,
                double   *x,
                double   *y)
{
  WmRect rect;

  element_rect (f, element, &rect);
  wm_canvas_map_to_widget (f->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

WmElement *
selection_focus (Fixture *f)
{
  return wm_selection_get_focus (f->selection);
}

guint
n_selected (Fixture *f)
{
  return g_list_model_get_n_items (wm_selection_get_items (f->selection));
}

