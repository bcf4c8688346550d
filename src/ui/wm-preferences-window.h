/* wm-preferences-window.h: Waymark's preferences. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_PREFERENCES_WINDOW (wm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (WmPreferencesWindow, wm_preferences_window, WM, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings: the application's (io.github.waymark.Waymark) */
GtkWidget *wm_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
