/* wm-stage.h: A column of the map: one step of the journey, in time order. */
#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_STAGE (wm_stage_get_type ())
G_DECLARE_FINAL_TYPE (WmStage, wm_stage, WM, STAGE, WmElement)

WmStage *wm_stage_new (void);

const char *wm_stage_get_name (WmStage *self);
void wm_stage_set_name (WmStage *self, const char *name);
const char *wm_stage_get_description (WmStage *self);
void wm_stage_set_description (WmStage *self, const char *description);
const char *wm_stage_get_color (WmStage *self);
void wm_stage_set_color (WmStage *self, const char *color);

G_END_DECLS
