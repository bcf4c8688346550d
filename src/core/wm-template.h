/* wm-template.h: the maps a designer starts from. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

typedef enum {
  WM_TEMPLATE_FIVE_STAGES,    /* awareness → consideration → purchase → retention → advocacy */
  WM_TEMPLATE_FOUR_STEPS,     /* research → compare → purchase and payment → use and repurchase */
  WM_TEMPLATE_SERVICE_BLUEPRINT,
  WM_TEMPLATE_FUTURE_STATE,
  WM_TEMPLATE_EMPTY,
} WmTemplate;

#define WM_N_TEMPLATES (WM_TEMPLATE_EMPTY + 1)

WmDocument *wm_template_create      (WmTemplate template_kind);
/* What the template is called, and what it holds, in the user's language. */
const char *wm_template_get_name    (WmTemplate template_kind);
char       *wm_template_get_summary (WmTemplate template_kind);

G_END_DECLS
