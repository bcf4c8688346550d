/* wm-picture-file.c: reading a picture file the user chose or dropped. */
#include "wm-picture-file.h"

#include "wm-edit.h"

static gboolean
read_more (const char *contents,
           goffset     size,
           gpointer    data)
{
  return size <= WM_EDIT_MAX_PICTURE_BYTES;
}

void
wm_picture_file_read (GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_partial_contents_async (file, cancellable, read_more, callback, user_data);
}

/**
 * wm_picture_file_read_finish:
 *
 * Returns: (transfer full): what was read, or %NULL with @error set
 */
GBytes *
wm_picture_file_read_finish (GFile         *file,
                             GAsyncResult  *result,
                             GError       **error)
{
  char *contents;
  gsize length;

  if (!g_file_load_partial_contents_finish (file, result, &contents, &length, NULL, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}
