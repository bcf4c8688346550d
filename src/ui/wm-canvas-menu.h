/* wm-canvas-menu.h: what a right click on the canvas offers. */
#pragma once

#include <gio/gio.h>

#include "wm-element.h"

G_BEGIN_DECLS

/* The context menu for @element (NULL: for empty space), made of the
 * window's win.* actions and canvas.edit. */
GMenuModel *wm_canvas_menu_new (WmElement *element);

G_END_DECLS
