/* wm-inspector-evidence-list.h: the evidence that backs an element. */
#pragma once

#include <adwaita.h>

#include "wm-document.h"
#include "wm-evidence.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_EVIDENCE_LIST (wm_inspector_evidence_list_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorEvidenceList, wm_inspector_evidence_list, WM, INSPECTOR_EVIDENCE_LIST, AdwPreferencesGroup)

void wm_inspector_evidence_list_set_element (WmInspectorEvidenceList *self,
                                             WmDocument              *document,
                                             WmElement               *element);

G_END_DECLS
