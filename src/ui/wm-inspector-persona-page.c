/* wm-inspector-persona-page.c: the inspector's form for a persona.
 *
 * The picture is the delicate part: it comes from any file the user picks
 * and is kept inside the map, so it is checked before the map takes it:
 * its type from its bytes (PNG, JPEG or SVG only), its size, and a full
 * decode through the core's safe decoder (wm-picture.h), the same one the
 * map is drawn with. A picture that fails any of these leaves the persona
 * as it was and says why, under the picture.
 */
#include "wm-inspector-persona-page.h"

#include <glib/gi18n.h>

#include "wm-edit.h"
#include "wm-inspector-text-row.h"
#include "wm-picture.h"
#include "wm-picture-file.h"

/* The avatar's size, twice over for high-resolution screens. */
#define AVATAR_SIZE 96
#define AVATAR_PIXELS (2 * AVATAR_SIZE)

struct _WmInspectorPersonaPage
{
  WmInspectorPage parent_instance;

  AdwAvatar *avatar;
  GtkWidget *remove_picture_button;
  GtkLabel *picture_error;
  AdwEntryRow *name_row;
  GtkSpinButton *age_spin;
  AdwEntryRow *job_role_row;
  AdwEntryRow *family_status_row;
  GtkColorButton *color_button;
  WmInspectorTextRow *professional_goals_row;
  WmInspectorTextRow *personal_goals_row;
  WmInspectorTextRow *motivations_row;
  WmInspectorTextRow *needs_row;
  WmInspectorTextRow *preferences_row;
  WmInspectorTextRow *fears_row;
  WmInspectorTextRow *frustrations_row;
  WmInspectorTextRow *quote_row;

  GBytes *shown_picture; /* the bytes the avatar shows, so as to decode them once */
  WmPersona *error_persona; /* unowned, only compared: whom the error shown is about */
};

/* A picture being chosen and read, for the persona it was chosen for. */
typedef struct
{
  WmInspectorPersonaPage *self;
  WmDocument *document;
  WmPersona *persona;
} PictureRequest;

G_DEFINE_FINAL_TYPE (WmInspectorPersonaPage, wm_inspector_persona_page, WM_TYPE_INSPECTOR_PAGE)

static GdkTexture *
texture_from_picture (WmPicture *picture)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, AVATAR_PIXELS, AVATAR_PIXELS);
  int stride = cairo_image_surface_get_stride (surface);
  WmRect rect = { 0, 0, AVATAR_PIXELS, AVATAR_PIXELS };
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) pixels = NULL;

  wm_picture_draw (picture, cr, &rect);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT, byte for byte. */
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * AVATAR_PIXELS);
  cairo_surface_destroy (surface);

  return gdk_memory_texture_new (AVATAR_PIXELS, AVATAR_PIXELS, GDK_MEMORY_DEFAULT, pixels, stride);
}

static void
show_picture (WmInspectorPersonaPage *self,
              WmPersona              *persona)
{
  GBytes *bytes = wm_persona_get_picture (persona);
  g_autoptr(WmPicture) picture = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (bytes == self->shown_picture ||
      (bytes != NULL && self->shown_picture != NULL && g_bytes_equal (bytes, self->shown_picture)))
    return;

  g_clear_pointer (&self->shown_picture, g_bytes_unref);
  if (bytes != NULL)
    {
      self->shown_picture = g_bytes_ref (bytes);
      /* A damaged picture from a file shows as initials, as on the map. */
      picture = wm_picture_new (bytes, wm_persona_get_picture_type (persona), NULL);
    }
  if (picture != NULL)
    texture = texture_from_picture (picture);
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
show_picture_error (WmInspectorPersonaPage *self,
                    const char             *file_name,
                    const GError           *error)
{
  g_autofree char *message = NULL;

  self->error_persona = error != NULL ? WM_PERSONA (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self))) : NULL;
  if (error != NULL)
    /* TRANSLATORS: %s is a file name, then why it cannot be a persona's picture */
    message = g_strdup_printf (_("“%s” cannot be used: %s"), file_name, error->message);
  gtk_label_set_label (self->picture_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->picture_error), message != NULL);
}

static void
wm_inspector_persona_page_update (WmInspectorPage *page)
{
  WmInspectorPersonaPage *self = WM_INSPECTOR_PERSONA_PAGE (page);
  WmPersona *persona = WM_PERSONA (wm_inspector_page_get_element (page));

  adw_avatar_set_text (self->avatar, wm_persona_get_name (persona));
  show_picture (self, persona);
  if (self->error_persona != NULL && self->error_persona != persona)
    show_picture_error (self, NULL, NULL);
  gtk_widget_set_visible (self->remove_picture_button, wm_persona_get_picture (persona) != NULL);
}

/* Gives @persona the picture, or says why not if the page still shows it. */
static gboolean
apply_picture (WmInspectorPersonaPage  *self,
               WmDocument              *document,
               WmPersona               *persona,
               GBytes                  *bytes,
               const char              *file_name,
               GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean shown = wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self)) == WM_ELEMENT (persona);
  gboolean ok = wm_edit_set_picture (document, persona, bytes, &local_error);

  if (shown)
    show_picture_error (self, file_name, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

/**
 * wm_inspector_persona_page_take_picture:
 * @bytes: the contents of a picture file
 * @file_name: its name, for messages
 *
 * Makes @bytes the persona's picture, as one step, if it is a PNG, JPEG or
 * SVG picture that decodes and is not too large. Otherwise the persona
 * stays as it was and the page says why.
 *
 * Returns: whether the picture was taken
 */
gboolean
wm_inspector_persona_page_take_picture (WmInspectorPersonaPage  *self,
                                        GBytes                  *bytes,
                                        const char              *file_name,
                                        GError                 **error)
{
  WmInspectorPage *page = WM_INSPECTOR_PAGE (self);

  g_return_val_if_fail (WM_IS_INSPECTOR_PERSONA_PAGE (self), FALSE);
  g_return_val_if_fail (bytes != NULL && file_name != NULL, FALSE);
  g_return_val_if_fail (wm_inspector_page_get_element (page) != NULL, FALSE);

  return apply_picture (self, wm_inspector_page_get_document (page),
                        WM_PERSONA (wm_inspector_page_get_element (page)),
                        bytes, file_name, error);
}

static void
picture_request_free (PictureRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->document);
  g_object_unref (request->persona);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PictureRequest, picture_request_free)

static void
on_picture_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(PictureRequest) request = data;
  GFile *file = G_FILE (source);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = wm_picture_file_read_finish (file, result, &error);

  if (bytes == NULL)
    {
      if (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (request->self)) == WM_ELEMENT (request->persona))
        show_picture_error (request->self, name, error);
      return;
    }

  /* To the persona it was chosen for, even if another item is shown now. */
  apply_picture (request->self, request->document, request->persona, bytes, name, NULL);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     PictureRequest  *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      wm_picture_file_read (file, NULL, on_picture_loaded, request);
    }
  else
    picture_request_free (request);
  g_object_unref (chooser);
}

static void
choose_picture (WmInspectorPersonaPage *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  PictureRequest *request = g_new0 (PictureRequest, 1);

  request->self = g_object_ref (self);
  request->document = g_object_ref (wm_inspector_page_get_document (WM_INSPECTOR_PAGE (self)));
  request->persona = g_object_ref (WM_PERSONA (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self))));

  chooser = gtk_file_chooser_native_new (_("Choose a Picture"),
                                         GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_picture (WmInspectorPersonaPage *self)
{
  WmInspectorPage *page = WM_INSPECTOR_PAGE (self);

  wm_history_set (wm_document_get_history (wm_inspector_page_get_document (page)),
                  wm_inspector_page_get_element (page),
                  "picture", NULL,
                  "picture-type", NULL,
                  NULL);
  show_picture_error (self, NULL, NULL);
}

static void
wm_inspector_persona_page_dispose (GObject *object)
{
  WmInspectorPersonaPage *self = WM_INSPECTOR_PERSONA_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_PERSONA_PAGE);
  g_clear_pointer (&self->shown_picture, g_bytes_unref);

  G_OBJECT_CLASS (wm_inspector_persona_page_parent_class)->dispose (object);
}

static void
wm_inspector_persona_page_class_init (WmInspectorPersonaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WmInspectorPageClass *page_class = WM_INSPECTOR_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_persona_page_dispose;
  page_class->element_type = WM_TYPE_PERSONA;
  page_class->update = wm_inspector_persona_page_update;

  g_type_ensure (WM_TYPE_INSPECTOR_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-persona-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, remove_picture_button);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, picture_error);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, age_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, job_role_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, family_status_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, color_button);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, professional_goals_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, personal_goals_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, motivations_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, needs_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, preferences_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, fears_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, frustrations_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPersonaPage, quote_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_picture);
  gtk_widget_class_bind_template_callback (widget_class, remove_picture);
}

static void
wm_inspector_persona_page_init (WmInspectorPersonaPage *self)
{
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->name_row), "name");
  wm_inspector_bindings_add_spin (bindings, self->age_spin, "age");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->job_role_row), "job-role");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->family_status_row), "family-status");
  wm_inspector_bindings_add_color (bindings, self->color_button, NULL, "color");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->professional_goals_row), "professional-goals");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->personal_goals_row), "personal-goals");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->motivations_row), "motivations");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->needs_row), "needs");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->preferences_row), "preferences");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->fears_row), "fears");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->frustrations_row), "frustrations");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->quote_row), "quote");
}
