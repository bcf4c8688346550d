/* wm-compat.h: what newer GTK does better, with a fallback for GTK 4.8.
 *
 * The one place where API newer than the build's floor is used, behind
 * version checks; everything else calls these. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  WM_COMPAT_CHOOSE_OPEN,
  WM_COMPAT_CHOOSE_SAVE,
} WmCompatChooseMode;

/* Asks the user for a file through the platform's file chooser (the
 * portal's when there is one). @filters is a GListModel of GtkFileFilter,
 * the first of which is chosen at first; @initial_folder and @initial_name
 * may be NULL. wm_compat_choose_file_finish() gives the file, or NULL with
 * G_IO_ERROR_CANCELLED when the user did not choose one. */
void   wm_compat_choose_file_async  (GtkWindow           *parent,
                                     WmCompatChooseMode   mode,
                                     const char          *title,
                                     GFile               *initial_folder,
                                     const char          *initial_name,
                                     GListModel          *filters,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
GFile *wm_compat_choose_file_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
