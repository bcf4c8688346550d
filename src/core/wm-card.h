/* wm-card.h: A note in one cell (lane × stage). Which fields matter depends on the lane kind: channel for touchpoints, impact/effort/owner/status for opportunities, the KPI fields for KPIs. */
#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_CARD (wm_card_get_type ())
G_DECLARE_FINAL_TYPE (WmCard, wm_card, WM, CARD, WmElement)

WmCard *wm_card_new (void);

const char *wm_card_get_text (WmCard *self);
void wm_card_set_text (WmCard *self, const char *text);
WmChannel wm_card_get_channel (WmCard *self);
void wm_card_set_channel (WmCard *self, WmChannel channel);
int wm_card_get_impact (WmCard *self);
void wm_card_set_impact (WmCard *self, int impact);
int wm_card_get_effort (WmCard *self);
void wm_card_set_effort (WmCard *self, int effort);
const char *wm_card_get_owner (WmCard *self);
void wm_card_set_owner (WmCard *self, const char *owner);
WmOpportunityStatus wm_card_get_status (WmCard *self);
void wm_card_set_status (WmCard *self, WmOpportunityStatus status);
const char *wm_card_get_kpi_name (WmCard *self);
void wm_card_set_kpi_name (WmCard *self, const char *kpi_name);
const char *wm_card_get_kpi_unit (WmCard *self);
void wm_card_set_kpi_unit (WmCard *self, const char *kpi_unit);
double wm_card_get_kpi_current (WmCard *self);
void wm_card_set_kpi_current (WmCard *self, double kpi_current);
double wm_card_get_kpi_target (WmCard *self);
void wm_card_set_kpi_target (WmCard *self, double kpi_target);
gboolean wm_card_is_quick_win (WmCard *self);

G_END_DECLS
