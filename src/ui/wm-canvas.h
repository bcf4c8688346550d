/* wm-canvas.h: the map on screen, drawn by the core's layout and painter. */
#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_CANVAS (wm_canvas_get_type ())
G_DECLARE_FINAL_TYPE (WmCanvas, wm_canvas, WM, CANVAS, GtkWidget)

GtkWidget  *wm_canvas_new          (void);
WmDocument *wm_canvas_get_document (WmCanvas   *self);
void        wm_canvas_set_document (WmCanvas   *self,
                                    WmDocument *document);
double      wm_canvas_get_zoom     (WmCanvas   *self);
void        wm_canvas_set_zoom     (WmCanvas   *self,
                                    double      zoom);

G_END_DECLS
