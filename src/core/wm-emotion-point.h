/* wm-emotion-point.h: How one persona feels at one stage, on the document's emotion scale. */
#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_EMOTION_POINT (wm_emotion_point_get_type ())
G_DECLARE_FINAL_TYPE (WmEmotionPoint, wm_emotion_point, WM, EMOTION_POINT, WmElement)

WmEmotionPoint *wm_emotion_point_new (void);

const char *wm_emotion_point_get_persona (WmEmotionPoint *self);
void wm_emotion_point_set_persona (WmEmotionPoint *self, const char *persona);
const char *wm_emotion_point_get_stage (WmEmotionPoint *self);
void wm_emotion_point_set_stage (WmEmotionPoint *self, const char *stage);
double wm_emotion_point_get_score (WmEmotionPoint *self);
void wm_emotion_point_set_score (WmEmotionPoint *self, double score);
const char *wm_emotion_point_get_label (WmEmotionPoint *self);
void wm_emotion_point_set_label (WmEmotionPoint *self, const char *label);
const char *wm_emotion_point_get_note (WmEmotionPoint *self);
void wm_emotion_point_set_note (WmEmotionPoint *self, const char *note);
gboolean wm_emotion_point_get_computed (WmEmotionPoint *self);
void wm_emotion_point_set_computed (WmEmotionPoint *self, gboolean computed);
int wm_emotion_point_get_sample_size (WmEmotionPoint *self);
void wm_emotion_point_set_sample_size (WmEmotionPoint *self, int sample_size);
double wm_emotion_point_get_spread (WmEmotionPoint *self);
void wm_emotion_point_set_spread (WmEmotionPoint *self, double spread);

G_END_DECLS
