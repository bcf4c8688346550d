/* wm-welcome.h: what a window shows when no map is open in it. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_WELCOME (wm_welcome_get_type ())
G_DECLARE_FINAL_TYPE (WmWelcome, wm_welcome, WM, WELCOME, GtkWidget)

GtkWidget *wm_welcome_new          (void);
/* Reads the recently used maps again (they change as maps are saved). */
void       wm_welcome_update       (WmWelcome *self);
/* The rows, for tests: the templates' and the recent maps'. */
GtkWidget *wm_welcome_get_template_row (WmWelcome *self,
                                        guint      template_kind);
GList     *wm_welcome_get_recent_rows  (WmWelcome *self);

G_END_DECLS
