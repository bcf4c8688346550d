/* wm-moment.h: A moment of truth: where the customer is won or lost. */
#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_MOMENT (wm_moment_get_type ())
G_DECLARE_FINAL_TYPE (WmMoment, wm_moment, WM, MOMENT, WmElement)

WmMoment *wm_moment_new (void);

const char *wm_moment_get_stage (WmMoment *self);
void wm_moment_set_stage (WmMoment *self, const char *stage);
const char *wm_moment_get_lane (WmMoment *self);
void wm_moment_set_lane (WmMoment *self, const char *lane);
const char *wm_moment_get_title (WmMoment *self);
void wm_moment_set_title (WmMoment *self, const char *title);
const char *wm_moment_get_description (WmMoment *self);
void wm_moment_set_description (WmMoment *self, const char *description);
WmPolarity wm_moment_get_polarity (WmMoment *self);
void wm_moment_set_polarity (WmMoment *self, WmPolarity polarity);

G_END_DECLS
