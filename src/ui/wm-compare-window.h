/* wm-compare-window.h: a future-state map beside the current-state map it
 * improves on. */
#pragma once

#include <adwaita.h>

#include "wm-compare.h"
#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_COMPARE_WINDOW (wm_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (WmCompareWindow, wm_compare_window, WM, COMPARE_WINDOW, AdwWindow)

/* A window over @parent comparing @future with @current. It follows the
 * edits of @future; @current is a copy read for the view. */
WmCompareWindow *wm_compare_window_new         (GtkWindow   *parent,
                                                WmDocument  *future,
                                                WmDocument  *current);
/* Opens the current-state map @future names (relative to @future_file)
 * and shows the window; or fails, showing nothing, with an error that
 * names the map and says why it cannot be opened. */
WmCompareWindow *wm_compare_window_open_for    (GtkWindow   *parent,
                                                WmDocument  *future,
                                                GFile       *future_file,
                                                GError     **error);
WmCompare       *wm_compare_window_get_compare (WmCompareWindow *self);

G_END_DECLS
