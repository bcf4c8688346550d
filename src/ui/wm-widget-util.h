/* wm-widget-util.h: small things the editor's widgets share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes a number field (a spin button) read left to right whatever the
 * interface's direction: "−3" in Persian too, never "3−". */
void wm_widget_set_numeric_direction (GtkWidget *widget);

#include "wm-document.h"

/* Points @self at @document (kept in *@document_slot): @changed, called
 * with @self, moves from the last map's history to this one's.
 * Returns: whether the map is another one. */
gboolean wm_widget_follow_document (gpointer     self,
                                    WmDocument **document_slot,
                                    WmDocument  *document,
                                    GCallback    changed);

G_END_DECLS
