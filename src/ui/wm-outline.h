/* wm-outline.h: the map as a tree of text, for the keyboard and screen
 * readers: personas, stages with their cards, moments and emotion points,
 * and lanes. */
#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-selection.h"

G_BEGIN_DECLS

#define WM_TYPE_OUTLINE (wm_outline_get_type ())
G_DECLARE_FINAL_TYPE (WmOutline, wm_outline, WM, OUTLINE, GtkWidget)

GtkWidget   *wm_outline_new           (void);
void         wm_outline_set_document  (WmOutline   *self,
                                       WmDocument  *document);
void         wm_outline_set_selection (WmOutline   *self,
                                       WmSelection *selection);
/* The rows as shown, expanded or not: a GListModel of GtkTreeListRow. */
GListModel  *wm_outline_get_rows      (WmOutline   *self);
/* The text a row shows (and a screen reader reads) for @element. */
char        *wm_outline_get_row_text  (WmOutline   *self,
                                       WmElement   *element);

G_END_DECLS
