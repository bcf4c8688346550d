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

/* The same, but only what meets @area (layout units): for a canvas that
 * redraws what is on screen. */
void wm_painter_draw_area (cairo_t       *cr,
                           WmLayout      *layout,
                           const WmTheme *theme,
                           const WmRect  *area);
/* The whole map without its background, for a transparent picture. */
void wm_painter_draw_transparent (cairo_t       *cr,
                                  WmLayout      *layout,
                                  const WmTheme *theme);
/* One element as it is drawn in the map, where it is in the map: a card, a
 * moment, a stage or lane header, a persona's legend entry, the document's
 * title block. Returns FALSE (drawing nothing) for anything else. */
gboolean wm_painter_draw_element (cairo_t       *cr,
                                  WmLayout      *layout,
                                  const WmTheme *theme,
                                  gpointer       element);

G_END_DECLS
