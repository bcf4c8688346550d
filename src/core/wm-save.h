/* wm-save.h: writing a file so that no failure costs the version on disk. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* The previous version of "map.waymark" is kept beside it as "map.waymark~". */
#define WM_SAVE_BACKUP_SUFFIX "~"

gboolean  wm_save_file       (WmDocument    *document,
                              GFile         *file,
                              const char    *expected_etag,
                              char         **new_etag,
                              GCancellable  *cancellable,
                              GError       **error);
char     *wm_save_query_etag (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error);
GFile    *wm_save_get_backup (GFile         *file);

G_END_DECLS
