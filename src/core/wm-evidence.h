/* wm-evidence.h: What backs a claim: a source, its size and its date. */
#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_EVIDENCE (wm_evidence_get_type ())
G_DECLARE_FINAL_TYPE (WmEvidence, wm_evidence, WM, EVIDENCE, WmElement)

WmEvidence *wm_evidence_new (void);

WmSourceKind wm_evidence_get_source_kind (WmEvidence *self);
void wm_evidence_set_source_kind (WmEvidence *self, WmSourceKind source_kind);
gboolean wm_evidence_get_solicited (WmEvidence *self);
void wm_evidence_set_solicited (WmEvidence *self, gboolean solicited);
int wm_evidence_get_sample_size (WmEvidence *self);
void wm_evidence_set_sample_size (WmEvidence *self, int sample_size);
const char *wm_evidence_get_date (WmEvidence *self);
void wm_evidence_set_date (WmEvidence *self, const char *date);
const char *wm_evidence_get_note (WmEvidence *self);
void wm_evidence_set_note (WmEvidence *self, const char *note);
const char *wm_evidence_get_link (WmEvidence *self);
void wm_evidence_set_link (WmEvidence *self, const char *link);

G_END_DECLS
