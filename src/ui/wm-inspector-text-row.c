/* wm-inspector-text-row.c: a list row for text of several lines.
 *
 * libadwaita 1.2 has an entry row for one line only, while a card, a
 * description or a persona's goals are paragraphs. This row looks like an
 * entry row that has text (its title small above the text) and holds a
 * text view that grows with what is written. Tab leaves it, Enter starts a
 * new line. Its own undo is off: Ctrl+Z is the map's undo, which the
 * inspector feeds, and the text view's would also undo what the inspector
 * wrote into it when another item was selected.
 */
#include "wm-inspector-text-row.h"

struct _WmInspectorTextRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *text_view;
  int allocated_width;
};

G_DEFINE_FINAL_TYPE (WmInspectorTextRow, wm_inspector_text_row, ADW_TYPE_PREFERENCES_ROW)

/* A text view measures its height from the width it last wrapped its text
 * to, not the width it is offered: measured before it has ever been
 * allocated, as in a folded row, it is as tall as a column of single
 * letters, and it does not always ask again once it knows its width. So
 * the row asks for it, the frame after its width changes. */
static gboolean
remeasure (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  gtk_widget_queue_resize (WM_INSPECTOR_TEXT_ROW (widget)->text_view);
  return G_SOURCE_REMOVE;
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural,
         int            *minimum_baseline,
         int            *natural_baseline)
{
  gtk_widget_measure (WM_INSPECTOR_TEXT_ROW (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate (GtkWidget *widget,
          int        width,
          int        height,
          int        baseline)
{
  WmInspectorTextRow *self = WM_INSPECTOR_TEXT_ROW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (width != self->allocated_width)
    {
      self->allocated_width = width;
      gtk_widget_add_tick_callback (widget, remeasure, NULL, NULL);
    }
}

static GtkSizeRequestMode
get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* A click anywhere on the row, title included, is a click into the text. */
static void
on_pressed (WmInspectorTextRow *self)
{
  gtk_widget_grab_focus (self->text_view);
}

static void
wm_inspector_text_row_dispose (GObject *object)
{
  WmInspectorTextRow *self = WM_INSPECTOR_TEXT_ROW (object);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);
  self->box = self->title = self->text_view = NULL;

  G_OBJECT_CLASS (wm_inspector_text_row_parent_class)->dispose (object);
}

static void
wm_inspector_text_row_class_init (WmInspectorTextRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wm_inspector_text_row_dispose;
}

/* A text view has the background of a view; in a row of a boxed list, as
 * an entry row's text has, it takes the row's. */
static void
add_style (GdkDisplay *display)
{
  static const char css[] =
    "row.wm-text-row textview, row.wm-text-row textview > text { background: none; }";
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "wm-text-row-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "wm-text-row-style", g_steal_pointer (&provider),
                          g_object_unref);
}

static void
wm_inspector_text_row_init (WmInspectorTextRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  /* Tab goes straight into the text, not to the row first. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "wm-text-row");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 8);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "caption");
  gtk_widget_add_css_class (self->title, "dim-label");
  g_object_bind_property (self, "title", self->title, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (self->box), self->title);

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), FALSE);
  gtk_widget_set_hexpand (self->text_view, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (self->box), self->text_view);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (get_request_mode, measure, allocate));
  add_style (gtk_widget_get_display (GTK_WIDGET (self)));

  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
wm_inspector_text_row_new (void)
{
  return g_object_new (WM_TYPE_INSPECTOR_TEXT_ROW, NULL);
}

GtkTextBuffer *
wm_inspector_text_row_get_buffer (WmInspectorTextRow *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR_TEXT_ROW (self), NULL);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}
