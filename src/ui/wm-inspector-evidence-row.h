/* wm-inspector-evidence-row.h: one piece of evidence, folded into a row. */
#pragma once

#include <adwaita.h>

#include "wm-document.h"
#include "wm-evidence.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_EVIDENCE_ROW (wm_inspector_evidence_row_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorEvidenceRow, wm_inspector_evidence_row, WM, INSPECTOR_EVIDENCE_ROW, AdwExpanderRow)

GtkWidget  *wm_inspector_evidence_row_new          (WmDocument             *document,
                                                    WmEvidence             *evidence);
WmEvidence *wm_inspector_evidence_row_get_evidence (WmInspectorEvidenceRow *self);

G_END_DECLS
