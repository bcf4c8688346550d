/* wm-palette-item.h: what is dragged from the palette: a kind of element
 * still to be made. */
#pragma once

#include <glib-object.h>

#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_PALETTE_ITEM (wm_palette_item_get_type ())
G_DECLARE_FINAL_TYPE (WmPaletteItem, wm_palette_item, WM, PALETTE_ITEM, GObject)

WmPaletteItem *wm_palette_item_new              (GType          element_type,
                                                 WmLaneKind     lane_kind);
GType          wm_palette_item_get_element_type (WmPaletteItem *self);
WmLaneKind     wm_palette_item_get_lane_kind    (WmPaletteItem *self);

G_END_DECLS
