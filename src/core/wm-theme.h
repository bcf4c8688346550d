/* wm-theme.h: the colours and fonts a map is drawn with. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WM_THEME_LIGHT,
  WM_THEME_DARK,
} WmThemeVariant;

typedef struct
{
  double red, green, blue, alpha;
} WmColor;

typedef struct _WmTheme WmTheme; /* the painter's business: see wm-theme.c */

const WmTheme *wm_theme_get               (WmThemeVariant  variant);
gboolean       wm_theme_variant_from_name (const char     *name,
                                           WmThemeVariant *variant);

G_END_DECLS
