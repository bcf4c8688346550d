/* wm-canvas-editor.h: the main text of one element, edited where the map
 * shows it. */
#pragma once

#include <gtk/gtk.h>

#include "wm-element.h"

G_BEGIN_DECLS

#define WM_TYPE_CANVAS_EDITOR (wm_canvas_editor_get_type ())
G_DECLARE_FINAL_TYPE (WmCanvasEditor, wm_canvas_editor, WM, CANVAS_EDITOR, GtkWidget)

/* The property of @element that is edited in place (a card's text, a
 * stage's name…), or NULL when it has none. */
const char *wm_canvas_editor_property_for (WmElement      *element);

/* An editor of @element's text at @zoom; it emits "done" with whether the
 * text is to be kept (Enter, or focus going elsewhere) or not (Escape). */
GtkWidget  *wm_canvas_editor_new          (WmElement      *element,
                                           double          zoom);
WmElement  *wm_canvas_editor_get_element  (WmCanvasEditor *self);
const char *wm_canvas_editor_get_property_name (WmCanvasEditor *self);
char       *wm_canvas_editor_get_text     (WmCanvasEditor *self);
void        wm_canvas_editor_set_text     (WmCanvasEditor *self,
                                           const char     *text);
/* Ends the edit as Enter (@commit) or Escape would; only the first call counts. */
void        wm_canvas_editor_finish       (WmCanvasEditor *self,
                                           gboolean        commit);

G_END_DECLS
