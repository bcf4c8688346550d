/* wm-inspector-icon.h: one of the map's own icons, for a GtkImage. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_ICON (wm_inspector_icon_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorIcon, wm_inspector_icon, WM, INSPECTOR_ICON, GObject)

WmInspectorIcon *wm_inspector_icon_new (const char *name);

G_END_DECLS
