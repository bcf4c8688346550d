/* wm-icons.h: the symbolic icons of channels and lane kinds, drawn in any colour. */
#pragma once

#include <cairo.h>

#include "wm-enums.h"
#include "wm-layout.h"
#include "wm-theme.h"

G_BEGIN_DECLS

/* Where the icons are in the GResource wm_icons_get_resource() returns
 * (wm-icons-resources.h), for a UI that wants to show the same ones. */
#define WM_ICONS_RESOURCE_PATH "/io/github/waymark/Waymark/core/icons/"

const char *wm_icons_for_channel   (WmChannel      channel);
const char *wm_icons_for_lane_kind (WmLaneKind     kind);
void        wm_icons_draw          (cairo_t       *cr,
                                    const char    *name,
                                    const WmRect  *rect,
                                    const WmColor *color);

G_END_DECLS
