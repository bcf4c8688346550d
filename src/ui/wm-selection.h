/* wm-selection.h: which elements of a map the user has selected. */
#pragma once

#include <gio/gio.h>

#include "wm-element.h"

G_BEGIN_DECLS

#define WM_TYPE_SELECTION (wm_selection_get_type ())
G_DECLARE_FINAL_TYPE (WmSelection, wm_selection, WM, SELECTION, GObject)

WmSelection *wm_selection_new         (void);
/* The selected elements, in the order they were selected: a GListModel of
 * WmElement. */
GListModel  *wm_selection_get_items   (WmSelection *self);
/* The element selected last, which the inspector shows, or NULL. */
WmElement   *wm_selection_get_focus   (WmSelection *self);
gboolean     wm_selection_contains    (WmSelection *self,
                                       WmElement   *element);
void         wm_selection_select      (WmSelection *self,
                                       WmElement   *element);
void         wm_selection_add         (WmSelection *self,
                                       WmElement   *element);
void         wm_selection_toggle      (WmSelection *self,
                                       WmElement   *element);
void         wm_selection_remove      (WmSelection *self,
                                       WmElement   *element);
void         wm_selection_clear       (WmSelection *self);

G_END_DECLS
