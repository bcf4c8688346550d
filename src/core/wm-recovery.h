/* wm-recovery.h: copies of unsaved maps, kept for after a crash. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_RECOVERY (wm_recovery_get_type ())
G_DECLARE_FINAL_TYPE (WmRecovery, wm_recovery, WM, RECOVERY, GObject)

GFile      *wm_recovery_get_default_folder (void);

WmRecovery *wm_recovery_new          (GFile       *folder,
                                      GError     **error);
GPtrArray  *wm_recovery_find_orphans (GFile       *folder);

gboolean    wm_recovery_write        (WmRecovery  *self,
                                      WmDocument  *document,
                                      GFile       *file,
                                      const char  *etag,
                                      GError     **error);
WmDocument *wm_recovery_load         (WmRecovery  *self,
                                      GError     **error);
void        wm_recovery_discard      (WmRecovery  *self);
gboolean    wm_recovery_has_snapshot (WmRecovery  *self);

const char *wm_recovery_get_title    (WmRecovery  *self);
GFile      *wm_recovery_get_file     (WmRecovery  *self);
const char *wm_recovery_get_etag     (WmRecovery  *self);
GDateTime  *wm_recovery_get_time     (WmRecovery  *self);

G_END_DECLS
