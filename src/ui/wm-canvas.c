/* wm-canvas.c: the map on screen, drawn by the core's layout and painter.
 *
 * The canvas draws exactly what the exporters draw: the same WmLayout and
 * the same wm_painter_draw(), only scrolled and zoomed. It is a
 * GtkScrollable, so a GtkScrolledWindow gives it scrollbars and kinetic
 * scrolling, while zoom stays ours (Ctrl+scroll, pinch, keyboard).
 */
#include "wm-canvas.h"

#include <adwaita.h>

#include "wm-layout.h"
#include "wm-painter.h"

#define ZOOM_MIN 0.1
#define ZOOM_MAX 8.0

struct _WmCanvas
{
  GtkWidget parent_instance;

  WmDocument *document;
  WmLayout *layout;
  double zoom;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  double zoom_gesture_start;
  double pointer_x, pointer_y; /* where Ctrl+scroll zooms around */
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  N_PROPS,

  /* GtkScrollable's, overridden */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (WmCanvas, wm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Keeps an adjustment's range in step with the zoomed map and the view. */
static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         view)
{
  double upper, value;

  if (adjustment == NULL)
    return;

  upper = MAX (content, view);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - view);
  gtk_adjustment_configure (adjustment, value, 0, upper,
                            view * 0.1, view * 0.9, view);
}

static void
update_adjustments (WmCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_width = 0, content_height = 0;

  if (self->layout != NULL)
    {
      wm_layout_update (self->layout);
      content_width = wm_layout_get_width (self->layout) * self->zoom;
      content_height = wm_layout_get_height (self->layout) * self->zoom;
    }

  configure_adjustment (self->hadjustment, content_width, width);
  configure_adjustment (self->vadjustment, content_height, height);
}

/* The map changed: the next allocation lays it out again, once, however
 * many edits come before it. */
static void
on_layout_invalidated (WmCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_adjustment_value_changed (WmCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (WmCanvas       *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed",
                              G_CALLBACK (on_adjustment_value_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
wm_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  WmCanvas *self = WM_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double x = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double y = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  cairo_t *cr;

  if (self->layout == NULL)
    return;

  wm_layout_update (self->layout);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, -x, -y);
  cairo_scale (cr, self->zoom, self->zoom);
  wm_painter_draw (cr, self->layout, wm_theme_get (dark ? WM_THEME_DARK : WM_THEME_LIGHT));
  cairo_destroy (cr);
}

static void
wm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  update_adjustments (WM_CANVAS (widget));
}

/* Zooms keeping the map point under (@x, @y), in widget coordinates, still. */
static void
zoom_around (WmCanvas *self,
             double    zoom,
             double    x,
             double    y)
{
  double map_x, map_y;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (zoom == self->zoom)
    return;

  map_x = ((self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0) + x) / self->zoom;
  map_y = ((self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0) + y) / self->zoom;
  self->zoom = zoom;
  update_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, map_x * zoom - x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, map_y * zoom - y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WmCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE; /* plain scrolling pans, through the scrolled window */

  zoom_around (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmCanvas                 *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               WmCanvas         *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       WmCanvas       *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  zoom_around (self, self->zoom_gesture_start * scale, x, y);
}

static void
wm_canvas_dispose (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->layout);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wm_canvas_parent_class)->dispose (object);
}

static void
wm_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      wm_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      wm_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_class_init (WmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_canvas_dispose;
  object_class->get_property = wm_canvas_get_property;
  object_class->set_property = wm_canvas_set_property;

  widget_class->snapshot = wm_canvas_snapshot;
  widget_class->size_allocate = wm_canvas_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", "Document", "The map shown",
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", "Zoom", "How many screen pixels a map unit takes",
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "wm-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_canvas_init (WmCanvas *self)
{
  GtkEventController *scroll;
  GtkEventController *motion;
  GtkGesture *zoom;

  self->zoom = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  /* Dark style changes repaint with the other theme. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
wm_canvas_new (void)
{
  return g_object_new (WM_TYPE_CANVAS, NULL);
}

WmDocument *
wm_canvas_get_document (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->document;
}

void
wm_canvas_set_document (WmCanvas   *self,
                        WmDocument *document)
{
  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_clear_object (&self->layout);
  if (document != NULL)
    {
      self->layout = wm_layout_new (document);
      g_signal_connect_object (self->layout, "invalidated",
                               G_CALLBACK (on_layout_invalidated), self, G_CONNECT_SWAPPED);
    }
  on_layout_invalidated (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

double
wm_canvas_get_zoom (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
wm_canvas_set_zoom (WmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  zoom_around (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}
