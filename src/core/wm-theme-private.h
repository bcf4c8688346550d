/* wm-theme-private.h: what a theme holds, for the layout and the painter.
 *
 * A theme's variants differ in colour only: the typography is one for all,
 * so that a map has the same geometry in light and in dark and the layout
 * can measure text without knowing which theme it will be drawn in.
 */
#pragma once

#include <pango/pango.h>

#include "wm-enums.h"
#include "wm-theme.h"

G_BEGIN_DECLS

#define WM_THEME_N_STAGE_COLORS 6
#define WM_THEME_N_LANE_KINDS (WM_LANE_KIND_NOTES + 1)

struct _WmTheme
{
  WmColor background;   /* the page */
  WmColor surface;      /* cards */
  WmColor header;       /* lane header panels */
  WmColor row_tint;     /* every other lane row */
  WmColor border;
  WmColor shadow;
  WmColor text;
  WmColor text_dim;
  WmColor accent;
  WmColor grid_line;    /* emotion scale levels */
  WmColor zero_line;
  WmColor positive;     /* moments of truth, by polarity */
  WmColor negative;
  WmColor decisive;
  WmColor quick_win;
  WmColor on_quick_win;
  WmColor stage_colors[WM_THEME_N_STAGE_COLORS]; /* for stages without their own */
  WmColor lane_colors[WM_THEME_N_LANE_KINDS];    /* for lanes without their own */
};

typedef enum {
  WM_FONT_TITLE,    /* the map's title */
  WM_FONT_HEADING,  /* stage names, lane titles, persona names, moment titles */
  WM_FONT_BODY,     /* card text */
  WM_FONT_SMALL,    /* descriptions, roles, owners */
  WM_FONT_CAPTION,  /* kind labels, badges, scale labels: small and bold */
  WM_FONT_VALUE,    /* KPI values */
  WM_FONT_INITIALS, /* in a persona's avatar when it has no picture */
  WM_N_FONTS
} WmFont;

const PangoFontDescription *wm_theme_get_font (WmFont font);

gboolean wm_color_parse       (const char    *spec,
                               WmColor       *color);
double   wm_color_luminance   (const WmColor *color);
void     wm_color_mix         (const WmColor *a,
                               const WmColor *b,
                               double         amount,
                               WmColor       *result);
void     wm_theme_readable    (const WmTheme *theme,
                               const WmColor *color,
                               WmColor       *result);
void     wm_color_on          (const WmColor *color,
                               WmColor       *result);

G_END_DECLS
