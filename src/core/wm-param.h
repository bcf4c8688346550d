/* wm-param.h: flags on model properties that tell the file format how to
 * treat them. Keeping these on the GParamSpecs lets one generic reader and
 * writer serve every element class, instead of a hand-written pair per class.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WM_PARAM_MODEL (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

typedef enum {
  /* Written even when it holds its default, because a reader needs it. */
  WM_PARAM_ALWAYS_SAVE  = 1 << (G_PARAM_USER_SHIFT + 0),
  WM_PARAM_COLOR        = 1 << (G_PARAM_USER_SHIFT + 1), /* "#rrggbb" */
  WM_PARAM_DATE         = 1 << (G_PARAM_USER_SHIFT + 2), /* "YYYY-MM-DD" */
  WM_PARAM_DATE_TIME    = 1 << (G_PARAM_USER_SHIFT + 3), /* ISO 8601 */
  WM_PARAM_REF_PERSONA  = 1 << (G_PARAM_USER_SHIFT + 4), /* id of a persona */
  WM_PARAM_REF_STAGE    = 1 << (G_PARAM_USER_SHIFT + 5), /* id of a stage */
  WM_PARAM_REF_LANE     = 1 << (G_PARAM_USER_SHIFT + 6), /* id of a lane */
  WM_PARAM_PICTURE      = 1 << (G_PARAM_USER_SHIFT + 7), /* base64 image bytes */
  WM_PARAM_PICTURE_TYPE = 1 << (G_PARAM_USER_SHIFT + 8), /* its MIME type */
} WmParamFlags;

G_END_DECLS
