/* wm-inspector-stage-page.h: the inspector's form for a stage. */
#pragma once

#include "wm-inspector-page.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_STAGE_PAGE (wm_inspector_stage_page_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorStagePage, wm_inspector_stage_page, WM, INSPECTOR_STAGE_PAGE, WmInspectorPage)

G_END_DECLS
