/* wm-canvas-editor.c: the main text of one element, edited where the map
 * shows it.
 *
 * The canvas lays an editor over the element, in the map's own font at the
 * canvas's zoom, so that the text stays where it was while it is typed. A
 * card's text may have several lines (Shift+Enter starts one); the other
 * texts are names and titles, on one line. Enter keeps the text, Escape
 * drops it; so does leaving the editor, as in any GNOME rename field. What
 * is done with the text is the canvas's business: the editor only edits.
 */
#include "wm-canvas-editor.h"

#include "wm-card.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"
#include "wm-theme-private.h"

struct _WmCanvasEditor
{
  GtkWidget parent_instance;

  WmElement *element;
  const char *property;
  GtkWidget *child;     /* the text, or a scrolled window around its lines */
  GtkWidget *text;      /* a GtkText, or a GtkTextView for a card's lines */
  GtkTextTag *font_tag; /* the map's font, over all of a text view's text */
  gboolean finished;
  guint leave_source;
};

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmCanvasEditor, wm_canvas_editor, GTK_TYPE_WIDGET)

/* Typed text gets no tag of its own: the font covers everything, always. */
static void
on_buffer_changed (GtkTextBuffer  *buffer,
                   WmCanvasEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->font_tag, &start, &end);
}

static void
on_activate (WmCanvasEditor *self)
{
  wm_canvas_editor_finish (self, TRUE);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmCanvasEditor        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      wm_canvas_editor_finish (self, FALSE);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* A single line ends with GtkText's own "activate", after any input
       * method has had the key; lines go on with Shift+Enter. */
      if (!GTK_IS_TEXT_VIEW (self->text) || (state & GDK_SHIFT_MASK))
        return FALSE;
      wm_canvas_editor_finish (self, TRUE);
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
finish_after_leave (gpointer data)
{
  WmCanvasEditor *self = data;

  self->leave_source = 0;
  wm_canvas_editor_finish (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Focus went elsewhere: the text is kept, once the focus change is over
 * (the canvas removes the editor when it is done). */
static void
on_focus_leave (WmCanvasEditor *self)
{
  if (!self->finished && self->leave_source == 0)
    self->leave_source = g_idle_add_full (G_PRIORITY_DEFAULT, finish_after_leave,
                                          g_object_ref (self), g_object_unref);
}

static gboolean
wm_canvas_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (WM_CANVAS_EDITOR (widget)->text);
}

static void
wm_canvas_editor_dispose (GObject *object)
{
  WmCanvasEditor *self = WM_CANVAS_EDITOR (object);

  g_clear_handle_id (&self->leave_source, g_source_remove);
  self->text = NULL;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_object (&self->element);

  G_OBJECT_CLASS (wm_canvas_editor_parent_class)->dispose (object);
}

static void
wm_canvas_editor_class_init (WmCanvasEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_canvas_editor_dispose;
  widget_class->grab_focus = wm_canvas_editor_grab_focus;

  /**
   * WmCanvasEditor::done:
   * @commit: whether the text is to be kept
   */
  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wm-canvas-editor");
}

static void
wm_canvas_editor_init (WmCanvasEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

const char *
wm_canvas_editor_property_for (WmElement *element)
{
  if (WM_IS_CARD (element))
    return "text";
  if (WM_IS_STAGE (element) || WM_IS_PERSONA (element))
    return "name";
  if (WM_IS_LANE (element) || WM_IS_MOMENT (element))
    return "title";
  return NULL;
}

GtkWidget *
wm_canvas_editor_new (WmElement *element,
                      double     zoom)
{
  WmCanvasEditor *self;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (wm_canvas_editor_property_for (element) != NULL, NULL);

  self = g_object_new (WM_TYPE_CANVAS_EDITOR, NULL);
  self->element = g_object_ref (element);
  self->property = wm_canvas_editor_property_for (element);
  g_object_get (element, self->property, &text, NULL);

  /* The font the map draws this text in, at the size it has on screen. */
  font = pango_font_description_copy (wm_theme_get_font (WM_IS_CARD (element) ? WM_FONT_BODY : WM_FONT_HEADING));
  pango_font_description_set_absolute_size (font, pango_font_description_get_size (font) * zoom);

  if (WM_IS_CARD (element))
    {
      GtkTextBuffer *buffer;

      self->text = gtk_text_view_new ();
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text));
      self->font_tag = gtk_text_buffer_create_tag (buffer, NULL, "font-desc", font, NULL);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text), FALSE);
      gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
      /* The editor is as tall as the card; more lines than it holds scroll. */
      self->child = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->child), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->child), self->text);
    }
  else
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      self->text = gtk_text_new ();
      pango_attr_list_insert (attributes, pango_attr_font_desc_new (font));
      gtk_text_set_attributes (GTK_TEXT (self->text), attributes);
      gtk_editable_set_text (GTK_EDITABLE (self->text), text != NULL ? text : "");
      g_signal_connect_swapped (self->text, "activate", G_CALLBACK (on_activate), self);
      gtk_widget_set_valign (self->text, GTK_ALIGN_CENTER);
      self->child = self->text;
    }
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

WmElement *
wm_canvas_editor_get_element (WmCanvasEditor *self)
{
  g_return_val_if_fail (WM_IS_CANVAS_EDITOR (self), NULL);

  return self->element;
}

const char *
wm_canvas_editor_get_property_name (WmCanvasEditor *self)
{
  g_return_val_if_fail (WM_IS_CANVAS_EDITOR (self), NULL);

  return self->property;
}

char *
wm_canvas_editor_get_text (WmCanvasEditor *self)
{
  GtkTextIter start, end;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (WM_IS_CANVAS_EDITOR (self), NULL);

  if (GTK_IS_EDITABLE (self->text))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
wm_canvas_editor_set_text (WmCanvasEditor *self,
                           const char     *text)
{
  g_return_if_fail (WM_IS_CANVAS_EDITOR (self));
  g_return_if_fail (text != NULL);

  if (GTK_IS_EDITABLE (self->text))
    gtk_editable_set_text (GTK_EDITABLE (self->text), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text)), text, -1);
}

void
wm_canvas_editor_finish (WmCanvasEditor *self,
                         gboolean        commit)
{
  g_return_if_fail (WM_IS_CANVAS_EDITOR (self));

  if (self->finished)
    return;

  self->finished = TRUE;
  g_clear_handle_id (&self->leave_source, g_source_remove);
  /* The canvas removes the editor when it is done: keep it for the emission. */
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, commit);
  g_object_unref (self);
}
