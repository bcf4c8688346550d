/* wm-inspector-lane-page.h: the inspector's form for a lane. */
#pragma once

#include "wm-inspector-page.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_LANE_PAGE (wm_inspector_lane_page_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorLanePage, wm_inspector_lane_page, WM, INSPECTOR_LANE_PAGE, WmInspectorPage)

G_END_DECLS
