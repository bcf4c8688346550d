/* wm-canvas-drag.h: drag and drop on the canvas. */
#pragma once

#include "wm-canvas.h"
#include "wm-palette-item.h"

G_BEGIN_DECLS

#define WM_TYPE_CANVAS_DRAG (wm_canvas_drag_get_type ())
G_DECLARE_FINAL_TYPE (WmCanvasDrag, wm_canvas_drag, WM, CANVAS_DRAG, GObject)

WmCanvasDrag *wm_canvas_drag_new           (WmCanvas      *canvas);

/* Moving an element of the map: what the pointer gestures call, in the
 * canvas's widget coordinates; tests call them too. */
gboolean      wm_canvas_drag_begin         (WmCanvasDrag  *self,
                                            double         x,
                                            double         y);
void          wm_canvas_drag_update        (WmCanvasDrag  *self,
                                            double         x,
                                            double         y);
void          wm_canvas_drag_end           (WmCanvasDrag  *self,
                                            gboolean       drop);
WmElement    *wm_canvas_drag_get_element   (WmCanvasDrag  *self);

/* A new element dragged from the palette. */
gboolean      wm_canvas_drag_hover_new     (WmCanvasDrag  *self,
                                            WmPaletteItem *item,
                                            double         x,
                                            double         y);
WmElement    *wm_canvas_drag_drop_new      (WmCanvasDrag  *self,
                                            WmPaletteItem *item,
                                            double         x,
                                            double         y);

/* A picture file dragged from the file manager onto a persona. Reading it
 * takes a while: the persona gets the picture afterwards, or "error" says
 * why not. */
gboolean      wm_canvas_drag_hover_picture (WmCanvasDrag  *self,
                                            double         x,
                                            double         y);
gboolean      wm_canvas_drag_drop_picture  (WmCanvasDrag  *self,
                                            GFile         *file,
                                            double         x,
                                            double         y);

G_END_DECLS
