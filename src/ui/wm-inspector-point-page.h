/* wm-inspector-point-page.h: the inspector's form for an emotion point. */
#pragma once

#include "wm-inspector-page.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_POINT_PAGE (wm_inspector_point_page_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorPointPage, wm_inspector_point_page, WM, INSPECTOR_POINT_PAGE, WmInspectorPage)

G_END_DECLS
