/* wm-painter.h: draws a laid-out map with cairo; the canvas and every
 * exporter use this one painter. */
#pragma once

#include <cairo.h>

#include "wm-layout.h"
#include "wm-theme.h"

G_BEGIN_DECLS

/* Draws the whole map at the context's current transformation, in layout
 * units (1 unit = 1 px at scale 1), background included. */
void wm_painter_draw (cairo_t       *cr,
                      WmLayout      *layout,
                      const WmTheme *theme);

G_END_DECLS
