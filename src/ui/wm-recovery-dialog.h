/* wm-recovery-dialog.h: the question, at start, about maps whose changes
 * were not saved when Waymark last stopped. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_RECOVERY_DIALOG (wm_recovery_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmRecoveryDialog, wm_recovery_dialog, WM, RECOVERY_DIALOG, AdwMessageDialog)

WmRecoveryDialog *wm_recovery_dialog_new      (GtkWindow        *parent,
                                               GListModel       *maps);
GListModel       *wm_recovery_dialog_get_maps (WmRecoveryDialog *self);

G_END_DECLS
