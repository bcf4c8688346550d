/* wm-inspector.h: the side panel that edits the selected element. */
#pragma once

#include <adwaita.h>

#include "wm-document.h"
#include "wm-selection.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR (wm_inspector_get_type ())
G_DECLARE_FINAL_TYPE (WmInspector, wm_inspector, WM, INSPECTOR, GtkWidget)

GtkWidget   *wm_inspector_new           (void);

WmDocument  *wm_inspector_get_document  (WmInspector *self);
void         wm_inspector_set_document  (WmInspector *self,
                                         WmDocument  *document);
WmSelection *wm_inspector_get_selection (WmInspector *self);
void         wm_inspector_set_selection (WmInspector *self,
                                         WmSelection *selection);

G_END_DECLS
