/* wm-inspector-persona-page.h: the inspector's form for a persona. */
#pragma once

#include "wm-inspector-page.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_PERSONA_PAGE (wm_inspector_persona_page_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorPersonaPage, wm_inspector_persona_page, WM, INSPECTOR_PERSONA_PAGE, WmInspectorPage)

gboolean wm_inspector_persona_page_take_picture (WmInspectorPersonaPage  *self,
                                                 GBytes                  *bytes,
                                                 const char              *file_name,
                                                 GError                 **error);

G_END_DECLS
