/* wm-labels.h: what the model's vocabularies are called on screen. */
#pragma once

#include "wm-enums.h"

G_BEGIN_DECLS

/* Translated names, for the map's drawing and for the editor alike. */
const char *wm_labels_map_kind           (WmMapKind           kind);
const char *wm_labels_lane_kind          (WmLaneKind          kind);
const char *wm_labels_channel            (WmChannel           channel);
const char *wm_labels_opportunity_status (WmOpportunityStatus status);
const char *wm_labels_moment             (WmPolarity          polarity);

G_END_DECLS
