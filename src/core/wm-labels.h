/* wm-labels.h: what the model's vocabularies are called on screen. */
#pragma once

#include <glib-object.h>

#include "wm-enums.h"

G_BEGIN_DECLS

/* Translated names, for the map's drawing and for the editor alike. */
const char *wm_labels_map_kind           (WmMapKind           kind);
const char *wm_labels_lane_kind          (WmLaneKind          kind);
const char *wm_labels_channel            (WmChannel           channel);
const char *wm_labels_opportunity_status (WmOpportunityStatus status);
const char *wm_labels_moment             (WmPolarity          polarity);
/* What a new stage, persona, card or moment of truth is called until it is named. */
const char *wm_labels_new_element        (GType               type);
char       *wm_labels_number             (double              value);
/* A score as the scale shows it: "+2", "−1.5" (a real minus) or "0". */
char       *wm_labels_score              (double              score);

G_END_DECLS
