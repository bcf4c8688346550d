/* wm-picture-file.h: reading a picture file the user chose or dropped. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads @file asynchronously, but stops soon after the largest picture a
 * map may keep (WM_EDIT_MAX_PICTURE_BYTES): a larger file reads as a little
 * more than that, for wm_edit_set_picture() to refuse, rather than as
 * gigabytes. */
void    wm_picture_file_read        (GFile                *file,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
GBytes *wm_picture_file_read_finish (GFile                *file,
                                     GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
