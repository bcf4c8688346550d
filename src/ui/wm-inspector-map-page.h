/* wm-inspector-map-page.h: the inspector's form for the map itself. */
#pragma once

#include "wm-inspector-page.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_MAP_PAGE (wm_inspector_map_page_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorMapPage, wm_inspector_map_page, WM, INSPECTOR_MAP_PAGE, WmInspectorPage)

gboolean wm_inspector_map_page_link_current (WmInspectorMapPage  *self,
                                             GFile               *future_file,
                                             GFile               *current_file,
                                             GError             **error);

G_END_DECLS
