/* wm-canvas.h: the map on screen, drawn by the core's layout and painter. */
#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-drop.h"
#include "wm-layout.h"
#include "wm-selection.h"

G_BEGIN_DECLS

#define WM_TYPE_CANVAS (wm_canvas_get_type ())
G_DECLARE_FINAL_TYPE (WmCanvas, wm_canvas, WM, CANVAS, GtkWidget)

GtkWidget   *wm_canvas_new           (void);
WmDocument  *wm_canvas_get_document  (WmCanvas    *self);
void         wm_canvas_set_document  (WmCanvas    *self,
                                      WmDocument  *document);
WmSelection *wm_canvas_get_selection (WmCanvas    *self);
void         wm_canvas_set_selection (WmCanvas    *self,
                                      WmSelection *selection);
double       wm_canvas_get_zoom      (WmCanvas    *self);
void         wm_canvas_set_zoom      (WmCanvas    *self,
                                      double       zoom);
void         wm_canvas_zoom_to_fit   (WmCanvas    *self);

/* Geometry, for whatever works on top of the canvas (drag and drop):
 * the layout it draws, brought up to date, and widget ↔ map coordinates. */
WmLayout    *wm_canvas_get_layout    (WmCanvas    *self);
void         wm_canvas_widget_to_map (WmCanvas    *self,
                                      double       x,
                                      double       y,
                                      double      *map_x,
                                      double      *map_y);
void         wm_canvas_map_to_widget (WmCanvas    *self,
                                      double       map_x,
                                      double       map_y,
                                      double      *x,
                                      double      *y);
/* What is at a point of the widget (see wm_layout_hit_test()), or NULL. */
WmElement   *wm_canvas_element_at    (WmCanvas    *self,
                                      double       x,
                                      double       y);
/* The child widget that stands for @element, when it has one: elements
 * near the visible part of the map have one, and the focused one. */
GtkWidget   *wm_canvas_get_item      (WmCanvas    *self,
                                      WmElement   *element);
void         wm_canvas_scroll_to     (WmCanvas    *self,
                                      WmElement   *element);

/* The interactions, callable without events (the event handlers call these). */
void         wm_canvas_select_at     (WmCanvas    *self,
                                      double       x,
                                      double       y,
                                      GdkModifierType state);
gboolean     wm_canvas_focus_element (WmCanvas    *self,
                                      WmElement   *element);
gboolean     wm_canvas_move_focus    (WmCanvas    *self,
                                      GtkMovementStep step,
                                      int          count,
                                      gboolean     extend);
gboolean     wm_canvas_begin_edit    (WmCanvas    *self,
                                      WmElement   *element);
GtkWidget   *wm_canvas_get_editor    (WmCanvas    *self);
void         wm_canvas_end_edit      (WmCanvas    *self,
                                      gboolean     commit);
void         wm_canvas_popup_menu_at (WmCanvas    *self,
                                      double       x,
                                      double       y);
void         wm_canvas_popup_menu    (WmCanvas    *self);
gboolean     wm_canvas_add_point_at  (WmCanvas    *self,
                                      double       x,
                                      double       y);

/* Drag and drop (wm-canvas-drag.h) shows where a drag would land with these. */
typedef struct _WmCanvasDrag WmCanvasDrag;
WmCanvasDrag *wm_canvas_get_drag     (WmCanvas    *self);
void         wm_canvas_show_drop     (WmCanvas    *self,
                                      const WmDrop *drop,
                                      const char  *label);
void         wm_canvas_hide_drop     (WmCanvas    *self);
gboolean     wm_canvas_get_shown_drop (WmCanvas   *self,
                                       WmDrop     *drop,
                                       const char **label);

G_END_DECLS
