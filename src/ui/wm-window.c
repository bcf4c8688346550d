/* wm-window.c: one map in a window.
 *
 * The window owns the document and the file it came from; the canvas shows
 * it. Whether there are unsaved changes is the history's state compared with
 * the state last saved, so undoing back to the saved state is clean again.
 */
#include "wm-window.h"

#include <glib/gi18n.h>

#include "wm-canvas.h"
#include "wm-export.h"
#include "wm-format.h"

struct _WmWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toasts;
  WmCanvas *canvas;

  WmDocument *document;
  GFile *file;
  guint64 saved_state;
  gboolean close_confirmed;
};

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_title (WmWindow *self)
{
  const char *title = wm_document_get_title (self->document);
  g_autofree char *subtitle = NULL;
  g_autofree char *marked = NULL;

  if (*title == '\0')
    title = _("Untitled Map");
  if (wm_window_get_modified (self))
    title = marked = g_strdup_printf ("• %s", title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);

  if (self->file != NULL)
    subtitle = g_file_get_parse_name (self->file);
  adw_window_title_set_subtitle (self->window_title,
                                 subtitle != NULL ? subtitle : _("Not saved yet"));
}

static void
update_actions (WmWindow *self)
{
  WmHistory *history = wm_document_get_history (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", wm_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", wm_history_get_can_redo (history));
}

static void
on_history_changed (WmWindow *self)
{
  update_actions (self);
  update_title (self);
}

static void
set_document (WmWindow   *self,
              WmDocument *document,
              GFile      *file)
{
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (wm_document_get_history (self->document), self);
    }
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  self->saved_state = wm_history_get_state (wm_document_get_history (document));

  g_signal_connect_object (wm_document_get_history (document), "changed",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  wm_canvas_set_document (self->canvas, document);
  on_history_changed (self);
}

static void
show_error (WmWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Runs a native file chooser and calls @done with the chosen file. */
typedef void (*FileChosenFunc) (WmWindow *self, GFile *file, gpointer data);

typedef struct
{
  WmWindow *window;
  FileChosenFunc done;
  gpointer data;
  GDestroyNotify data_free;
} ChooserRequest;

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ChooserRequest  *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      request->done (request->window, file, request->data);
    }
  if (request->data_free != NULL)
    request->data_free (request->data);
  g_object_unref (request->window);
  g_free (request);
  g_object_unref (chooser);
}

static void
choose_file (WmWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *suggested_name,
             const char           *pattern,
             const char           *pattern_name,
             FileChosenFunc        done,
             gpointer              data,
             GDestroyNotify        data_free)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ChooserRequest *request = g_new0 (ChooserRequest, 1);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, pattern_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  request->window = g_object_ref (self);
  request->done = done;
  request->data = data;
  request->data_free = data_free;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
suggested_name (WmWindow   *self,
                const char *extension)
{
  const char *title = wm_document_get_title (self->document);

  return g_strdup_printf ("%s.%s", *title != '\0' ? title : _("Untitled Map"), extension);
}

static void
open_chosen (WmWindow *self,
             GFile    *file,
             gpointer  data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  WmWindow *target = self;
  g_autoptr(GError) error = NULL;

  /* An untouched new map gives way to the opened one; otherwise a new window. */
  if (self->file != NULL || wm_window_get_modified (self))
    target = wm_window_new (application);

  if (!wm_window_open_file (target, file, &error))
    {
      wm_window_show_open_error (self, file, error);
      if (target != self)
        gtk_window_destroy (GTK_WINDOW (target));
      return;
    }
  gtk_window_present (GTK_WINDOW (target));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (WM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Map"),
               NULL, "*.waymark", _("Journey maps"), open_chosen, NULL, NULL);
}

/* Saves to @file and reports a failure in the window; the map stays open. */
static gboolean
save_to (WmWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!wm_window_save_file (self, file, &error))
    {
      show_error (self, _("Could not save the map"), error->message);
      return FALSE;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved")));
  return TRUE;
}

static void
save_chosen (WmWindow *self,
             GFile    *file,
             gpointer  close_after)
{
  if (save_to (self, file) && GPOINTER_TO_INT (close_after))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_as (WmWindow *self,
         gboolean  close_after)
{
  g_autofree char *name = suggested_name (self, "waymark");

  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save the Map"), name,
               "*.waymark", _("Journey maps"), save_chosen, GINT_TO_POINTER (close_after), NULL);
}

static void
save (WmWindow *self,
      gboolean  close_after)
{
  if (self->file == NULL)
    save_as (self, close_after);
  else
    save_chosen (self, self->file, GINT_TO_POINTER (close_after));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (WM_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (WM_WINDOW (widget), FALSE);
}

static void
export_chosen (WmWindow *self,
               GFile    *file,
               gpointer  data)
{
  const char *extension = data;
  g_autofree char *path = g_file_get_path (file);
  WmExportFormat format = WM_EXPORT_PNG;
  g_autoptr(GError) error = NULL;

  wm_export_format_from_path (path != NULL ? path : extension, &format);
  if (!wm_export_file (self->document, file, format, 1.0, WM_THEME_LIGHT, NULL, &error))
    {
      show_error (self, _("Could not export the map"), error->message);
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Exported")));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *name = suggested_name (self, extension);
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension);
  g_autofree char *upper = g_ascii_strup (extension, -1);
  /* TRANSLATORS: %s is a file format: PNG, SVG or PDF */
  g_autofree char *filter_name = g_strdup_printf (_("%s files"), upper);

  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Map"), name,
               pattern, filter_name, export_chosen, g_strdup (extension), g_free);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wm_history_undo (wm_document_get_history (WM_WINDOW (widget)->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wm_history_redo (wm_document_get_history (WM_WINDOW (widget)->document));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *canvas = WM_WINDOW (widget)->canvas;
  double zoom = wm_canvas_get_zoom (canvas);

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom *= 1.25;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom /= 1.25;
  else
    zoom = 1.0;
  wm_canvas_set_zoom (canvas, zoom);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   WmWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      save (self, TRUE);
    }
}

static gboolean
wm_window_close_request (GtkWindow *window)
{
  WmWindow *self = WM_WINDOW (window);
  GtkWidget *dialog;

  if (self->close_confirmed || !wm_window_get_modified (self))
    return GTK_WINDOW_CLASS (wm_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The map has changes that are not saved. "
                                     "Closing without saving loses them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
wm_window_dispose (GObject *object)
{
  WmWindow *self = WM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (wm_window_parent_class)->dispose (object);
}

static void
wm_window_class_init (WmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_window_dispose;
  window_class->close_request = wm_window_close_request;

  g_type_ensure (WM_TYPE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, canvas);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
}

static void
wm_window_init (WmWindow *self)
{
  g_autoptr(WmDocument) document = wm_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  set_document (self, document, NULL);
}

WmWindow *
wm_window_new (GtkApplication *application)
{
  return g_object_new (WM_TYPE_WINDOW, "application", application, NULL);
}

WmDocument *
wm_window_get_document (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
wm_window_get_file (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
wm_window_get_modified (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  return wm_history_get_state (wm_document_get_history (self->document)) != self->saved_state;
}

/* A new, untouched map: the window shows it as not saved yet. */
void
wm_window_set_document (WmWindow   *self,
                        WmDocument *document)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (WM_IS_DOCUMENT (document));

  set_document (self, document, NULL);
}

/* Says why @file could not be opened, in the loader's own words. */
void
wm_window_show_open_error (WmWindow     *self,
                           GFile        *file,
                           const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);

  g_return_if_fail (WM_IS_WINDOW (self));

  show_error (self, heading, error->message);
}

/**
 * wm_window_open_file:
 *
 * Shows the map in @file. On failure the window keeps the map it had.
 */
gboolean
wm_window_open_file (WmWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_autoptr(WmDocument) document = NULL;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = wm_format_load_file (file, NULL, error);
  if (document == NULL)
    return FALSE;

  set_document (self, document, file);
  return TRUE;
}

/**
 * wm_window_save_file:
 *
 * Saves the map to @file, which becomes the window's file. On failure the
 * map stays open and unsaved, and the file on disk is left as it was.
 */
gboolean
wm_window_save_file (WmWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!wm_format_save_file (self->document, file, NULL, error))
    return FALSE;

  g_set_object (&self->file, file);
  self->saved_state = wm_history_get_state (wm_document_get_history (self->document));
  update_title (self);
  return TRUE;
}
