/* wm-inspector-moment-page.h: the inspector's form for a moment of truth. */
#pragma once

#include "wm-inspector-page.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_MOMENT_PAGE (wm_inspector_moment_page_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorMomentPage, wm_inspector_moment_page, WM, INSPECTOR_MOMENT_PAGE, WmInspectorPage)

G_END_DECLS
