/* wm-window.h: one map in a window. */
#pragma once

#include <adwaita.h>

#include "wm-canvas.h"
#include "wm-document.h"
#include "wm-file-banner.h"
#include "wm-recovery.h"
#include "wm-selection.h"
#include "wm-template.h"

G_BEGIN_DECLS

#define WM_TYPE_WINDOW (wm_window_get_type ())
G_DECLARE_FINAL_TYPE (WmWindow, wm_window, WM, WINDOW, AdwApplicationWindow)

WmWindow   *wm_window_new          (GtkApplication *application);
WmDocument *wm_window_get_document (WmWindow       *self);
WmSelection *wm_window_get_selection (WmWindow     *self);
WmCanvas   *wm_window_get_canvas   (WmWindow       *self);
void        wm_window_set_document (WmWindow       *self,
                                    WmDocument     *document);
void        wm_window_start_new_map (WmWindow      *self);
void        wm_window_start_from_template (WmWindow  *self,
                                           WmTemplate template_kind);
void        wm_window_show_welcome (WmWindow       *self);
void        wm_window_autosave     (WmWindow       *self);
void        wm_window_show_open_error (WmWindow     *self,
                                       GFile        *file,
                                       const GError *error);
GFile      *wm_window_get_file     (WmWindow       *self);
gboolean    wm_window_open_file    (WmWindow       *self,
                                    GFile          *file,
                                    GError        **error);
gboolean    wm_window_save_file    (WmWindow       *self,
                                    GFile          *file,
                                    GError        **error);
gboolean    wm_window_get_modified (WmWindow       *self);
gboolean    wm_window_restore      (WmWindow       *self,
                                    WmRecovery     *recovery,
                                    GError        **error);
WmFileBanner *wm_window_get_file_banner (WmWindow  *self);

WmWindow   *wm_window_find         (GtkApplication *application,
                                    GFile          *file);
WmWindow   *wm_window_show_file    (GtkApplication *application,
                                    GFile          *file,
                                    WmWindow       *current);
WmWindow   *wm_window_show_recovered (GtkApplication *application,
                                      WmRecovery     *recovery,
                                      WmWindow       *current);

G_END_DECLS
