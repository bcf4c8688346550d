/* wm-inspector-text-row.h: a list row for text of several lines. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_TEXT_ROW (wm_inspector_text_row_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorTextRow, wm_inspector_text_row, WM, INSPECTOR_TEXT_ROW, AdwPreferencesRow)

GtkWidget     *wm_inspector_text_row_new        (void);
GtkTextBuffer *wm_inspector_text_row_get_buffer (WmInspectorTextRow *self);

G_END_DECLS
