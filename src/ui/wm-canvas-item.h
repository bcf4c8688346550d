/* wm-canvas-item.h: one element of the map on the canvas, for focus,
 * selection and assistive technologies. */
#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_CANVAS_ITEM (wm_canvas_item_get_type ())
G_DECLARE_FINAL_TYPE (WmCanvasItem, wm_canvas_item, WM, CANVAS_ITEM, GtkWidget)

/* An item is made for one kind of element (its accessible role depends on
 * it) and may then show any element of that kind. */
GtkWidget  *wm_canvas_item_new             (GType          element_type);
GType       wm_canvas_item_get_element_type (WmCanvasItem *self);
WmElement  *wm_canvas_item_get_element     (WmCanvasItem  *self);
void        wm_canvas_item_set_element     (WmCanvasItem  *self,
                                            WmElement     *element);
gboolean    wm_canvas_item_get_selected    (WmCanvasItem  *self);
void        wm_canvas_item_set_selected    (WmCanvasItem  *self,
                                            gboolean       selected);
/* Names the element for assistive technologies, from where it is in
 * @document: @lane and @stage are a card's cell (ignored otherwise). */
void        wm_canvas_item_describe        (WmCanvasItem  *self,
                                            WmDocument    *document,
                                            WmLane        *lane,
                                            WmStage       *stage);
const char *wm_canvas_item_get_label       (WmCanvasItem  *self);
const char *wm_canvas_item_get_description (WmCanvasItem  *self);

G_END_DECLS
