/* wm-persona.h: A customer segment: who walks the journey, with its own lanes and emotion curve. */
#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_PERSONA (wm_persona_get_type ())
G_DECLARE_FINAL_TYPE (WmPersona, wm_persona, WM, PERSONA, WmElement)

WmPersona *wm_persona_new (void);

const char *wm_persona_get_name (WmPersona *self);
void wm_persona_set_name (WmPersona *self, const char *name);
int wm_persona_get_age (WmPersona *self);
void wm_persona_set_age (WmPersona *self, int age);
const char *wm_persona_get_job_role (WmPersona *self);
void wm_persona_set_job_role (WmPersona *self, const char *job_role);
const char *wm_persona_get_family_status (WmPersona *self);
void wm_persona_set_family_status (WmPersona *self, const char *family_status);
const char *wm_persona_get_professional_goals (WmPersona *self);
void wm_persona_set_professional_goals (WmPersona *self, const char *professional_goals);
const char *wm_persona_get_personal_goals (WmPersona *self);
void wm_persona_set_personal_goals (WmPersona *self, const char *personal_goals);
const char *wm_persona_get_motivations (WmPersona *self);
void wm_persona_set_motivations (WmPersona *self, const char *motivations);
const char *wm_persona_get_fears (WmPersona *self);
void wm_persona_set_fears (WmPersona *self, const char *fears);
const char *wm_persona_get_preferences (WmPersona *self);
void wm_persona_set_preferences (WmPersona *self, const char *preferences);
const char *wm_persona_get_needs (WmPersona *self);
void wm_persona_set_needs (WmPersona *self, const char *needs);
const char *wm_persona_get_frustrations (WmPersona *self);
void wm_persona_set_frustrations (WmPersona *self, const char *frustrations);
const char *wm_persona_get_quote (WmPersona *self);
void wm_persona_set_quote (WmPersona *self, const char *quote);
const char *wm_persona_get_color (WmPersona *self);
void wm_persona_set_color (WmPersona *self, const char *color);
GBytes *wm_persona_get_picture (WmPersona *self);
void wm_persona_set_picture (WmPersona *self, GBytes *picture);
const char *wm_persona_get_picture_type (WmPersona *self);
void wm_persona_set_picture_type (WmPersona *self, const char *picture_type);

G_END_DECLS
