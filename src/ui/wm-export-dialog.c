/* wm-export-dialog.c: how to export a map, then where to.
 *
 * The choices come first (format, scale, colours, background) and the file
 * chooser last, so that it can suggest a name with the right extension.
 * The colours never follow the desktop's style on their own: a map for a
 * slide is light unless the designer asks for dark. The last choices are
 * kept for the next export of the session.
 */
#include "wm-export-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-application.h"
#include "wm-compat.h"
#include "wm-layout.h"

#define MAX_SCALE 4

struct _WmExportDialog
{
  AdwWindow parent_instance;

  AdwComboRow *format_row;
  AdwComboRow *scale_row;
  AdwComboRow *theme_row;
  AdwActionRow *transparent_row;
  GtkSwitch *transparent_switch;

  WmDocument *document;
  GFile *folder;
  char *base_name;
  double map_width, map_height;
};

G_DEFINE_FINAL_TYPE (WmExportDialog, wm_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The choices of the last export in this session. */
static WmExportOptions last_options = { WM_EXPORT_PNG, 2, WM_THEME_LIGHT, FALSE };

static const struct
{
  const char *extension;
  const char *mime_type;
  const char *description;
} formats[] = {
  [WM_EXPORT_PNG] = { "png", "image/png", N_("A picture for slides, documents and chats") },
  [WM_EXPORT_SVG] = { "svg", "image/svg+xml", N_("A drawing that stays sharp at any size") },
  [WM_EXPORT_PDF] = { "pdf", "application/pdf", N_("A document to print or share") },
};

static gboolean
format_is_vector (WmExportFormat format)
{
  return format != WM_EXPORT_PNG;
}

static void
update_rows (WmExportDialog *self)
{
  WmExportOptions options;

  wm_export_dialog_get_options (self, &options);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                               _(formats[options.format].description));

  /* A vector picture has no pixels to count; PDF pages have no transparency. */
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), !format_is_vector (options.format));
  gtk_widget_set_visible (GTK_WIDGET (self->transparent_row), options.format != WM_EXPORT_PDF);

  if (!format_is_vector (options.format))
    {
      g_autofree char *size =
        /* TRANSLATORS: the size of an exported picture, width × height */
        g_strdup_printf (_("%.0f × %.0f pixels"),
                         MAX (1.0, ceil (self->map_width * options.scale)),
                         MAX (1.0, ceil (self->map_height * options.scale)));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), size);
    }
}

static void
show_error (WmExportDialog *self,
            const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could not export the map"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_file_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WmExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = wm_compat_choose_file_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  /* On failure the dialog stays, to try other choices or another place. */
  if (!wm_export_dialog_export (self, file, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmExportDialog *self = WM_EXPORT_DIALOG (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  gpointer format_item;
  WmExportOptions options;

  wm_export_dialog_get_options (self, &options);
  name = g_strdup_printf ("%s.%s", self->base_name, formats[options.format].extension);
  pattern = g_strdup_printf ("*.%s", formats[options.format].extension);

  /* Named as the format is in the dialog. */
  format_item = adw_combo_row_get_selected_item (self->format_row);
  gtk_file_filter_set_name (filter, gtk_string_object_get_string (GTK_STRING_OBJECT (format_item)));
  gtk_file_filter_add_mime_type (filter, formats[options.format].mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_list_store_append (filters, filter);

  wm_compat_choose_file_async (GTK_WINDOW (self), WM_COMPAT_CHOOSE_SAVE, _("Export the Map"),
                               self->folder, name, G_LIST_MODEL (filters),
                               on_file_chosen, g_object_ref (self));
}

static void
wm_export_dialog_dispose (GObject *object)
{
  WmExportDialog *self = WM_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (wm_export_dialog_parent_class)->dispose (object);
}

static void
wm_export_dialog_finalize (GObject *object)
{
  WmExportDialog *self = WM_EXPORT_DIALOG (object);

  g_free (self->base_name);

  G_OBJECT_CLASS (wm_export_dialog_parent_class)->finalize (object);
}

static void
wm_export_dialog_class_init (WmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_export_dialog_dispose;
  object_class->finalize = wm_export_dialog_finalize;

  /**
   * WmExportDialog::exported:
   * @file: the file written
   *
   * The map was exported; the dialog closes next.
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, transparent_switch);
  gtk_widget_class_bind_template_callback (widget_class, update_rows);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_export_dialog_init (WmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The application's settings keep the options from one export to the
 * next, and from one run to the next; without them (a dialog of its own,
 * in a test), the last options of this run. */
static GSettings *
settings_for (GtkWindow *parent)
{
  GtkApplication *application = parent != NULL ? gtk_window_get_application (parent) : NULL;

  return WM_IS_APPLICATION (application) ? wm_application_get_settings (WM_APPLICATION (application)) : NULL;
}

static void
load_options (GSettings       *settings,
              WmExportOptions *options)
{
  options->format = g_settings_get_enum (settings, "export-format");
  options->scale = CLAMP (g_settings_get_uint (settings, "export-scale"), 1, MAX_SCALE);
  options->theme = g_settings_get_enum (settings, "export-theme") == 1 ? WM_THEME_DARK : WM_THEME_LIGHT;
  options->transparent = g_settings_get_boolean (settings, "export-transparent");
}

static void
store_options (GSettings             *settings,
               const WmExportOptions *options)
{
  g_settings_set_enum (settings, "export-format", options->format);
  g_settings_set_uint (settings, "export-scale", options->scale);
  g_settings_set_enum (settings, "export-theme", options->theme == WM_THEME_DARK ? 1 : 0);
  g_settings_set_boolean (settings, "export-transparent", options->transparent);
}

WmExportDialog *
wm_export_dialog_new (GtkWindow  *parent,
                      WmDocument *document,
                      GFile      *folder,
                      const char *base_name)
{
  WmExportDialog *self;
  g_autoptr(WmLayout) layout = NULL;
  GSettings *settings;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);
  g_return_val_if_fail (base_name != NULL, NULL);

  self = g_object_new (WM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_set_object (&self->folder, folder);
  self->base_name = g_strdup (base_name);

  /* The size of the picture, for the scale's choices. */
  layout = wm_layout_new (document);
  wm_layout_update (layout);
  self->map_width = wm_layout_get_width (layout);
  self->map_height = wm_layout_get_height (layout);

  settings = settings_for (parent);
  if (settings != NULL)
    load_options (settings, &last_options);
  wm_export_dialog_set_options (self, &last_options);
  return self;
}

void
wm_export_dialog_get_options (WmExportDialog  *self,
                              WmExportOptions *options)
{
  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  options->format = MIN (adw_combo_row_get_selected (self->format_row), WM_EXPORT_PDF);
  options->scale = MIN (adw_combo_row_get_selected (self->scale_row), MAX_SCALE - 1) + 1;
  options->theme = adw_combo_row_get_selected (self->theme_row) == 1 ? WM_THEME_DARK : WM_THEME_LIGHT;
  options->transparent = gtk_switch_get_active (self->transparent_switch);
}

void
wm_export_dialog_set_options (WmExportDialog        *self,
                              const WmExportOptions *options)
{
  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->format <= WM_EXPORT_PDF);
  g_return_if_fail (options->scale >= 1 && options->scale <= MAX_SCALE);

  adw_combo_row_set_selected (self->format_row, options->format);
  adw_combo_row_set_selected (self->scale_row, options->scale - 1);
  adw_combo_row_set_selected (self->theme_row, options->theme == WM_THEME_DARK ? 1 : 0);
  gtk_switch_set_active (self->transparent_switch, options->transparent);
  update_rows (self);
}

gboolean
wm_export_dialog_export (WmExportDialog  *self,
                         GFile           *file,
                         GError         **error)
{
  WmExportOptions options;
  WmExportFlags flags = WM_EXPORT_FLAGS_NONE;
  GSettings *settings;

  g_return_val_if_fail (WM_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  wm_export_dialog_get_options (self, &options);
  if (options.transparent && options.format != WM_EXPORT_PDF)
    flags |= WM_EXPORT_TRANSPARENT;

  /* Vector pictures are written at the map's own size: they scale without loss. */
  if (!wm_export_file_full (self->document, file, options.format,
                            format_is_vector (options.format) ? 1.0 : options.scale,
                            options.theme, flags, NULL, error))
    return FALSE;

  last_options = options;
  settings = settings_for (gtk_window_get_transient_for (GTK_WINDOW (self)));
  if (settings != NULL)
    store_options (settings, &options);
  return TRUE;
}
