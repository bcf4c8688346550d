/* wm-lane.h: A row of the map, of one kind, optionally for one persona, holding an ordered list of cards for each stage. */
#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_LANE (wm_lane_get_type ())
G_DECLARE_FINAL_TYPE (WmLane, wm_lane, WM, LANE, WmElement)

WmLane *wm_lane_new (void);

WmLaneKind wm_lane_get_kind (WmLane *self);
void wm_lane_set_kind (WmLane *self, WmLaneKind kind);
const char *wm_lane_get_title (WmLane *self);
void wm_lane_set_title (WmLane *self, const char *title);
const char *wm_lane_get_persona (WmLane *self);
void wm_lane_set_persona (WmLane *self, const char *persona);
const char *wm_lane_get_color (WmLane *self);
void wm_lane_set_color (WmLane *self, const char *color);
GListModel *wm_lane_get_cards (WmLane *self, const char *stage_id);
gboolean wm_lane_has_cells (WmLane *self);

G_END_DECLS
