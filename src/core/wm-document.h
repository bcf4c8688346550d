/* wm-document.h: A journey map: its settings and its collections of elements. */
#pragma once

#include "wm-element.h"
#include "wm-emotion-point.h"
#include "wm-history.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_DOCUMENT (wm_document_get_type ())
G_DECLARE_FINAL_TYPE (WmDocument, wm_document, WM, DOCUMENT, WmElement)

WmDocument *wm_document_new (void);

const char *wm_document_get_title (WmDocument *self);
void wm_document_set_title (WmDocument *self, const char *title);
const char *wm_document_get_description (WmDocument *self);
void wm_document_set_description (WmDocument *self, const char *description);
WmMapKind wm_document_get_kind (WmDocument *self);
void wm_document_set_kind (WmDocument *self, WmMapKind kind);
const char *wm_document_get_current_state_file (WmDocument *self);
void wm_document_set_current_state_file (WmDocument *self, const char *current_state_file);
const char *wm_document_get_current_state_id (WmDocument *self);
void wm_document_set_current_state_id (WmDocument *self, const char *current_state_id);
int wm_document_get_scale_min (WmDocument *self);
void wm_document_set_scale_min (WmDocument *self, int scale_min);
int wm_document_get_scale_max (WmDocument *self);
void wm_document_set_scale_max (WmDocument *self, int scale_max);
WmDirection wm_document_get_direction (WmDocument *self);
void wm_document_set_direction (WmDocument *self, WmDirection direction);
const char *wm_document_get_created (WmDocument *self);
void wm_document_set_created (WmDocument *self, const char *created);
const char *wm_document_get_modified (WmDocument *self);
void wm_document_set_modified (WmDocument *self, const char *modified);
const char * const *wm_document_get_scale_labels (WmDocument *self);
void wm_document_set_scale_labels (WmDocument *self, const char * const *scale_labels);
const char *wm_document_get_scale_label (WmDocument *self, int score);

GListModel *wm_document_get_personas (WmDocument *self);
GListModel *wm_document_get_stages (WmDocument *self);
GListModel *wm_document_get_lanes (WmDocument *self);
GListModel *wm_document_get_moments (WmDocument *self);
GListModel *wm_document_get_emotion_points (WmDocument *self);
WmHistory *wm_document_get_history (WmDocument *self);

gpointer wm_document_find (GListModel *list, const char *id, guint *position);
gpointer wm_document_peek (GListModel *list, guint position);
WmEmotionPoint *wm_document_find_emotion_point (WmDocument *self, const char *persona_id, const char *stage_id);

void wm_document_remove_stage (WmDocument *self, WmStage *stage);
void wm_document_remove_persona (WmDocument *self, WmPersona *persona);
void wm_document_remove_lane (WmDocument *self, WmLane *lane);

G_END_DECLS
