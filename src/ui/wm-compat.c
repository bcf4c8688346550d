/* wm-compat.c: what newer GTK does better, with a fallback for GTK 4.8.
 *
 * GTK 4.10 replaced GtkFileChooserNative by GtkFileDialog; both go through
 * the file chooser portal when there is one. The build refuses API newer
 * than its floor (src/ui/meson.build), which marks GtkFileDialog as
 * unavailable: this file alone uses it, on purpose, where GTK has it.
 */
#include "wm-compat.h"

#include <glib/gi18n.h>

static GTask *
new_choose_task (GtkWindow           *parent,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);

  g_task_set_source_tag (task, wm_compat_choose_file_async);
  return task;
}

static void
return_dismissed (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));
}

#if GTK_CHECK_VERSION (4, 10, 0)

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
on_dialog_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (GPOINTER_TO_INT (g_task_get_task_data (task)) == WM_COMPAT_CHOOSE_OPEN)
    file = gtk_file_dialog_open_finish (dialog, result, &error);
  else
    file = gtk_file_dialog_save_finish (dialog, result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
           g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return_dismissed (task);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
wm_compat_choose_file_async (GtkWindow           *parent,
                             WmCompatChooseMode   mode,
                             const char          *title,
                             GFile               *initial_folder,
                             const char          *initial_name,
                             GListModel          *filters,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) first = NULL;
  GTask *task;

  g_return_if_fail (G_IS_LIST_MODEL (filters));

  task = new_choose_task (parent, callback, user_data);
  g_task_set_task_data (task, GINT_TO_POINTER (mode), NULL);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_initial_folder (dialog, initial_folder);
  gtk_file_dialog_set_initial_name (dialog, initial_name);
  gtk_file_dialog_set_filters (dialog, filters);
  first = g_list_model_get_item (filters, 0);
  gtk_file_dialog_set_default_filter (dialog, first);

  if (mode == WM_COMPAT_CHOOSE_OPEN)
    gtk_file_dialog_open (dialog, parent, NULL, on_dialog_done, task);
  else
    gtk_file_dialog_save (dialog, parent, NULL, on_dialog_done, task);
}

G_GNUC_END_IGNORE_DEPRECATIONS

#else /* GTK 4.8 */

static void
on_native_response (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)),
                           g_object_unref);
  else
    return_dismissed (task);
}

void
wm_compat_choose_file_async (GtkWindow           *parent,
                             WmCompatChooseMode   mode,
                             const char          *title,
                             GFile               *initial_folder,
                             const char          *initial_name,
                             GListModel          *filters,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GtkFileChooserNative *chooser;
  GTask *task;

  g_return_if_fail (G_IS_LIST_MODEL (filters));

  task = new_choose_task (parent, callback, user_data);
  chooser = gtk_file_chooser_native_new (title, parent,
                                         mode == WM_COMPAT_CHOOSE_OPEN ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                                       : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         NULL, NULL);
  /* The task keeps the chooser until it has answered. */
  g_task_set_task_data (task, chooser, g_object_unref);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (initial_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), initial_folder, NULL);
  if (initial_name != NULL && mode == WM_COMPAT_CHOOSE_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), initial_name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

#endif

GFile *
wm_compat_choose_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wm_compat_choose_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
