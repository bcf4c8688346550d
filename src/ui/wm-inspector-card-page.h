/* wm-inspector-card-page.h: the inspector's form for a card. */
#pragma once

#include "wm-inspector-page.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_CARD_PAGE (wm_inspector_card_page_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorCardPage, wm_inspector_card_page, WM, INSPECTOR_CARD_PAGE, WmInspectorPage)

G_END_DECLS
