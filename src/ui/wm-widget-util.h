/* wm-widget-util.h: small things the editor's widgets share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes a number field (a spin button) read left to right whatever the
 * interface's direction: "−3" in Persian too, never "3−". */
void wm_widget_set_numeric_direction (GtkWidget *widget);

G_END_DECLS
