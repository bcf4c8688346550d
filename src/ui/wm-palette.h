/* wm-palette.h: the side panel new elements are dragged from. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WM_TYPE_PALETTE (wm_palette_get_type ())
G_DECLARE_FINAL_TYPE (WmPalette, wm_palette, WM, PALETTE, GtkWidget)

GtkWidget *wm_palette_new (void);

G_END_DECLS
