/* wm-canvas-drag.c: drag and drop on the canvas.
 *
 * Three kinds of drag end on the map. Elements of the map itself (stage and
 * lane headers, cards, moments of truth, emotion points) are moved with a
 * pointer gesture on the canvas: they never leave it, so a GtkDragSource
 * with its content negotiation would add nothing but latency. New elements
 * come from the palette, a GtkDragSource in another widget, carrying a
 * WmPaletteItem. Pictures come from the file manager as a GdkFileList.
 *
 * Where each would land comes from the core (wm-drop.h), which the tests
 * call too; this file turns pointer positions into map positions, shows
 * the place on the canvas and scrolls when the pointer nears an edge.
 */
#include "wm-canvas-drag.h"

#include <glib/gi18n.h>

#include "wm-drop.h"
#include "wm-edit.h"
#include "wm-emotion-point.h"
#include "wm-labels.h"
#include "wm-lane.h"
#include "wm-persona.h"
#include "wm-picture-file.h"
#include "wm-stage.h"

#define EDGE 40.0        /* screen pixels from an edge where a drag scrolls the map */
#define EDGE_SPEED 0.4   /* of the distance into the edge band, per frame */

struct _WmCanvasDrag
{
  GObject parent_instance;

  WmCanvas *canvas;       /* owns us */
  GtkGesture *gesture;

  WmElement *element;     /* being moved, from the press until the end */
  gboolean active;        /* past the threshold: its place is shown */
  WmLane *curve;          /* for an emotion point: the curve lane it is dragged on */
  GtkWidget *item;        /* its item, marked as dragged */
  double x, y;            /* the pointer, in widget coordinates */
  guint scroll_tick;
};

enum {
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmCanvasDrag, wm_canvas_drag, G_TYPE_OBJECT)

static WmDocument *
document_of (WmCanvasDrag *self)
{
  return wm_canvas_get_document (self->canvas);
}

static void
to_map (WmCanvasDrag *self,
        double        x,
        double        y,
        double       *map_x,
        double       *map_y)
{
  wm_canvas_widget_to_map (self->canvas, x, y, map_x, map_y);
}

static gboolean
can_move (WmElement *element)
{
  return WM_IS_STAGE (element) || WM_IS_LANE (element) || WM_IS_CARD (element) ||
         WM_IS_MOMENT (element) || WM_IS_EMOTION_POINT (element);
}

/* The score a point would get, as the scale names it: "+2 · Delighted". */
static char *
score_label (WmDocument *document,
             double      score)
{
  g_autofree char *value = wm_labels_score (score);
  const char *word = wm_document_get_scale_label (document, (int) score);

  if (word == NULL || *word == '\0')
    return g_steal_pointer (&value);
  /* TRANSLATORS: a score while an emotion point is dragged, and the scale's word for it */
  return g_strdup_printf (_("%s · %s"), value, word);
}

/* Where the element being moved would land at the pointer, if anywhere. */
static gboolean
locate (WmCanvasDrag *self,
        WmDrop       *drop)
{
  WmLayout *layout = wm_canvas_get_layout (self->canvas);
  WmDocument *document = document_of (self);
  double map_x, map_y;

  to_map (self, self->x, self->y, &map_x, &map_y);
  if (WM_IS_EMOTION_POINT (self->element))
    {
      WmEmotionPoint *point = WM_EMOTION_POINT (self->element);
      WmPersona *persona = wm_document_find (wm_document_get_personas (document),
                                             wm_emotion_point_get_persona (point), NULL);
      WmStage *stage = wm_document_find (wm_document_get_stages (document),
                                         wm_emotion_point_get_stage (point), NULL);

      return persona != NULL && stage != NULL &&
             wm_drop_locate_score (layout, self->curve, persona, stage, map_y, drop);
    }
  return wm_drop_locate (layout, G_OBJECT_TYPE (self->element), map_x, map_y, drop);
}

static void
show (WmCanvasDrag *self)
{
  WmDrop drop;

  if (!locate (self, &drop))
    {
      wm_canvas_hide_drop (self->canvas);
      return;
    }
  if (drop.place == WM_DROP_AT_SCORE)
    {
      g_autofree char *label = score_label (document_of (self), drop.score);

      wm_canvas_show_drop (self->canvas, &drop, label);
    }
  else
    wm_canvas_show_drop (self->canvas, &drop, NULL);
}

/* Scrolling near an edge */

static double
edge_push (double position,
           double size)
{
  if (position < EDGE)
    return -(EDGE - MAX (position, 0)) * EDGE_SPEED;
  if (position > size - EDGE)
    return (MIN (position, size) - (size - EDGE)) * EDGE_SPEED;
  return 0;
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  WmCanvasDrag *self = data;
  GtkScrollable *scrollable = GTK_SCROLLABLE (self->canvas);
  GtkAdjustment *adjustments[] = { gtk_scrollable_get_hadjustment (scrollable),
                                   gtk_scrollable_get_vadjustment (scrollable) };
  double pushes[] = { edge_push (self->x, gtk_widget_get_width (widget)),
                      edge_push (self->y, gtk_widget_get_height (widget)) };
  gboolean moved = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    if (adjustments[i] != NULL && pushes[i] != 0)
      {
        double before = gtk_adjustment_get_value (adjustments[i]);

        gtk_adjustment_set_value (adjustments[i], before + pushes[i]);
        moved |= gtk_adjustment_get_value (adjustments[i]) != before;
      }

  if (moved)
    {
      show (self);
      return G_SOURCE_CONTINUE;
    }
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_near_edges (WmCanvasDrag *self)
{
  GtkWidget *widget = GTK_WIDGET (self->canvas);

  if (self->scroll_tick == 0 &&
      (edge_push (self->x, gtk_widget_get_width (widget)) != 0 ||
       edge_push (self->y, gtk_widget_get_height (widget)) != 0))
    self->scroll_tick = gtk_widget_add_tick_callback (widget, scroll_tick, self, NULL);
}

static void
stop_scrolling (WmCanvasDrag *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->canvas), self->scroll_tick);
  self->scroll_tick = 0;
}

/* Moving an element of the map */

/**
 * wm_canvas_drag_begin:
 *
 * A press at (@x, @y) that may become a drag: takes the element there, if
 * it is one that moves. Nothing is shown until the first update.
 *
 * Returns: whether there is such an element
 */
gboolean
wm_canvas_drag_begin (WmCanvasDrag *self,
                      double        x,
                      double        y)
{
  WmElement *element;
  double map_x, map_y;

  g_return_val_if_fail (WM_IS_CANVAS_DRAG (self), FALSE);

  wm_canvas_drag_end (self, FALSE);
  element = wm_canvas_element_at (self->canvas, x, y);
  if (element == NULL || !can_move (element))
    return FALSE;

  to_map (self, x, y, &map_x, &map_y);
  if (WM_IS_EMOTION_POINT (element) &&
      !wm_layout_cell_at (wm_canvas_get_layout (self->canvas), map_x, map_y, &self->curve, NULL, NULL))
    return FALSE;

  self->element = g_object_ref (element);
  self->x = x;
  self->y = y;
  return TRUE;
}

/* The pointer has moved to (@x, @y): shows where the element would land. */
void
wm_canvas_drag_update (WmCanvasDrag *self,
                       double        x,
                       double        y)
{
  g_return_if_fail (WM_IS_CANVAS_DRAG (self));

  if (self->element == NULL)
    return;

  self->x = x;
  self->y = y;
  if (!self->active)
    {
      self->active = TRUE;
      self->item = wm_canvas_get_item (self->canvas, self->element);
      if (self->item != NULL)
        {
          g_object_ref (self->item);
          gtk_widget_add_css_class (self->item, "dragged");
        }
    }
  show (self);
  scroll_near_edges (self);
}

/**
 * wm_canvas_drag_end:
 * @drop: whether to put the element where it was last shown (the button
 *   was released) or leave it (the drag was cancelled)
 */
void
wm_canvas_drag_end (WmCanvasDrag *self,
                    gboolean      drop)
{
  g_autoptr(WmElement) element = NULL;
  WmDrop place;

  g_return_if_fail (WM_IS_CANVAS_DRAG (self));

  if (self->element == NULL)
    return;

  drop = drop && self->active && locate (self, &place);
  element = g_steal_pointer (&self->element);
  if (drop)
    {
      wm_drop_move (document_of (self), &place, element);
      wm_canvas_focus_element (self->canvas, element);
    }

  self->active = FALSE;
  self->curve = NULL;
  stop_scrolling (self);
  wm_canvas_hide_drop (self->canvas);
  if (self->item != NULL)
    {
      gtk_widget_remove_css_class (self->item, "dragged");
      g_clear_object (&self->item);
    }
}

/**
 * wm_canvas_drag_get_element:
 *
 * Returns: (transfer none) (nullable): the element being moved
 */
WmElement *
wm_canvas_drag_get_element (WmCanvasDrag *self)
{
  g_return_val_if_fail (WM_IS_CANVAS_DRAG (self), NULL);

  return self->element;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WmCanvasDrag   *self)
{
  GtkWidget *editor = wm_canvas_get_editor (self->canvas);
  GtkWidget *target = gtk_widget_pick (GTK_WIDGET (self->canvas), x, y, GTK_PICK_DEFAULT);

  /* A drag in the text being edited selects text. */
  if ((editor != NULL && target != NULL && (target == editor || gtk_widget_is_ancestor (target, editor))) ||
      !wm_canvas_drag_begin (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                WmCanvasDrag   *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (!self->active && !gtk_drag_check_threshold (GTK_WIDGET (self->canvas), x, y, x + dx, y + dy))
    return;

  /* From here on, a click is no longer what the press was. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  wm_canvas_drag_update (self, x + dx, y + dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             WmCanvasDrag   *self)
{
  wm_canvas_drag_end (self, TRUE);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WmCanvasDrag     *self)
{
  wm_canvas_drag_end (self, FALSE);
}

/* Escape during a drag puts everything back as it was. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmCanvasDrag          *self)
{
  if (keyval != GDK_KEY_Escape || !self->active)
    return FALSE;

  wm_canvas_drag_end (self, FALSE);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->gesture));
  return TRUE;
}

/* New elements from the palette */

/* The canvas's layout, if it shows a map, and (@x, @y) in its units. */
static WmLayout *
layout_at (WmCanvasDrag *self,
           double        x,
           double        y,
           double       *map_x,
           double       *map_y)
{
  WmLayout *layout = wm_canvas_get_layout (self->canvas);

  if (layout != NULL)
    to_map (self, x, y, map_x, map_y);
  return layout;
}

static gboolean
locate_new (WmCanvasDrag  *self,
            WmPaletteItem *item,
            double         x,
            double         y,
            WmDrop        *drop)
{
  double map_x, map_y;
  WmLayout *layout = layout_at (self, x, y, &map_x, &map_y);

  return layout != NULL &&
         wm_drop_locate (layout, wm_palette_item_get_element_type (item), map_x, map_y, drop);
}

/* Shows where @item would land at (@x, @y), if it can land there. */
gboolean
wm_canvas_drag_hover_new (WmCanvasDrag  *self,
                          WmPaletteItem *item,
                          double         x,
                          double         y)
{
  WmDrop drop;

  g_return_val_if_fail (WM_IS_CANVAS_DRAG (self), FALSE);
  g_return_val_if_fail (WM_IS_PALETTE_ITEM (item), FALSE);

  self->x = x;
  self->y = y;
  if (!locate_new (self, item, x, y, &drop))
    {
      wm_canvas_hide_drop (self->canvas);
      return FALSE;
    }
  wm_canvas_show_drop (self->canvas, &drop, NULL);
  return TRUE;
}

/**
 * wm_canvas_drag_drop_new:
 *
 * Makes an element of @item's kind where it was dropped, selects it and,
 * when it has a text of its own, opens that for typing.
 *
 * Returns: (transfer none) (nullable): the new element
 */
WmElement *
wm_canvas_drag_drop_new (WmCanvasDrag  *self,
                         WmPaletteItem *item,
                         double         x,
                         double         y)
{
  WmDrop drop;
  WmElement *element = NULL;

  g_return_val_if_fail (WM_IS_CANVAS_DRAG (self), NULL);
  g_return_val_if_fail (WM_IS_PALETTE_ITEM (item), NULL);

  wm_canvas_hide_drop (self->canvas);
  if (locate_new (self, item, x, y, &drop))
    element = wm_drop_add (document_of (self), &drop, wm_palette_item_get_element_type (item),
                           wm_palette_item_get_lane_kind (item));
  if (element != NULL)
    {
      wm_selection_select (wm_canvas_get_selection (self->canvas), element);
      if (!wm_canvas_begin_edit (self->canvas, element))
        wm_canvas_focus_element (self->canvas, element);
    }
  return element;
}

static GdkDragAction
on_palette_motion (GtkDropTarget *target,
                   double         x,
                   double         y,
                   WmCanvasDrag  *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  /* Until the palette item has arrived, there is nothing to show. */
  if (value == NULL || !G_VALUE_HOLDS (value, WM_TYPE_PALETTE_ITEM))
    return 0;
  return wm_canvas_drag_hover_new (self, g_value_get_object (value), x, y) ? GDK_ACTION_COPY : 0;
}

static gboolean
on_palette_drop (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 WmCanvasDrag  *self)
{
  return wm_canvas_drag_drop_new (self, g_value_get_object (value), x, y) != NULL;
}

static void
on_leave (GtkDropTarget *target,
          WmCanvasDrag  *self)
{
  stop_scrolling (self);
  wm_canvas_hide_drop (self->canvas);
}

/* Pictures from the file manager */

typedef struct
{
  WmCanvasDrag *self;
  WmDocument *document;
  WmPersona *persona;
} PictureDrop;

static void
picture_drop_free (PictureDrop *request)
{
  g_object_unref (request->self);
  g_object_unref (request->document);
  g_object_unref (request->persona);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PictureDrop, picture_drop_free)

static gboolean
locate_picture (WmCanvasDrag *self,
                double        x,
                double        y,
                WmDrop       *drop)
{
  double map_x, map_y;
  WmLayout *layout = layout_at (self, x, y, &map_x, &map_y);

  return layout != NULL && wm_drop_locate_picture (layout, map_x, map_y, drop);
}

gboolean
wm_canvas_drag_hover_picture (WmCanvasDrag *self,
                              double        x,
                              double        y)
{
  WmDrop drop;

  g_return_val_if_fail (WM_IS_CANVAS_DRAG (self), FALSE);

  if (!locate_picture (self, x, y, &drop))
    {
      wm_canvas_hide_drop (self->canvas);
      return FALSE;
    }
  wm_canvas_show_drop (self->canvas, &drop, _("Set as picture"));
  return TRUE;
}

static void
on_picture_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(PictureDrop) request = data;
  GFile *file = G_FILE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = wm_picture_file_read_finish (file, result, &error);

  if (bytes != NULL && wm_edit_set_picture (request->document, request->persona, bytes, &error))
    return;

  {
    g_autofree char *name = g_file_get_basename (file);
    const char *persona = wm_persona_get_name (request->persona);
    g_autofree char *message = NULL;

    if (*persona != '\0')
      /* TRANSLATORS: a file name, a persona's name, then why, e.g. "it is not a PNG, JPEG or SVG picture." */
      message = g_strdup_printf (_("“%s” cannot be the picture of %s: %s"), name, persona, error->message);
    else
      /* TRANSLATORS: a file name, then why, e.g. "it is not a PNG, JPEG or SVG picture." */
      message = g_strdup_printf (_("“%s” cannot be the persona’s picture: %s"), name, error->message);

    g_signal_emit (request->self, signals[SIGNAL_ERROR], 0, message);
  }
}

/**
 * wm_canvas_drag_drop_picture:
 *
 * Starts reading @file, to make it the picture of the persona at (@x, @y).
 *
 * Returns: whether there is a persona there
 */
gboolean
wm_canvas_drag_drop_picture (WmCanvasDrag *self,
                             GFile        *file,
                             double        x,
                             double        y)
{
  WmDrop drop;
  PictureDrop *request;

  g_return_val_if_fail (WM_IS_CANVAS_DRAG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  wm_canvas_hide_drop (self->canvas);
  if (!locate_picture (self, x, y, &drop))
    return FALSE;

  request = g_new0 (PictureDrop, 1);
  request->self = g_object_ref (self);
  request->document = g_object_ref (document_of (self));
  request->persona = g_object_ref (drop.persona);
  wm_picture_file_read (file, NULL, on_picture_read, request);
  return TRUE;
}

static GdkDragAction
on_file_motion (GtkDropTarget *target,
                double         x,
                double         y,
                WmCanvasDrag  *self)
{
  return wm_canvas_drag_hover_picture (self, x, y) ? GDK_ACTION_COPY : 0;
}

static gboolean
on_file_drop (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              WmCanvasDrag  *self)
{
  GSList *files = g_value_get_boxed (value);

  /* A persona has one picture: the first file is the one meant. */
  return files != NULL && wm_canvas_drag_drop_picture (self, files->data, x, y);
}

/* GObject */

static void
wm_canvas_drag_dispose (GObject *object)
{
  WmCanvasDrag *self = WM_CANVAS_DRAG (object);

  g_clear_object (&self->element);
  g_clear_object (&self->item);
  self->gesture = NULL;

  G_OBJECT_CLASS (wm_canvas_drag_parent_class)->dispose (object);
}

static void
wm_canvas_drag_class_init (WmCanvasDragClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_canvas_drag_dispose;

  /**
   * WmCanvasDrag::error:
   * @message: a sentence for the user
   *
   * A drop could not be done, for a reason the user should know: a
   * picture that is not one.
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
wm_canvas_drag_init (WmCanvasDrag *self)
{
}

/**
 * wm_canvas_drag_new:
 *
 * Adds the drag gestures and drop targets to @canvas, which owns what this
 * returns and outlives its controllers' callbacks.
 */
WmCanvasDrag *
wm_canvas_drag_new (WmCanvas *canvas)
{
  WmCanvasDrag *self = g_object_new (WM_TYPE_CANVAS_DRAG, NULL);
  GtkWidget *widget = GTK_WIDGET (canvas);
  GtkEventController *keys;
  GtkDropTarget *palette, *files;

  self->canvas = canvas;

  self->gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (self->gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (self->gesture, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->gesture));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, keys);

  palette = gtk_drop_target_new (WM_TYPE_PALETTE_ITEM, GDK_ACTION_COPY);
  gtk_drop_target_set_preload (palette, TRUE);
  g_signal_connect (palette, "motion", G_CALLBACK (on_palette_motion), self);
  g_signal_connect (palette, "drop", G_CALLBACK (on_palette_drop), self);
  g_signal_connect (palette, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (palette));

  files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (files, "motion", G_CALLBACK (on_file_motion), self);
  g_signal_connect (files, "drop", G_CALLBACK (on_file_drop), self);
  g_signal_connect (files, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (files));

  return self;
}
