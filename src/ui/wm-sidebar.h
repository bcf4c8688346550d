/* wm-sidebar.h: the panel at the start of the window: the palette to drag
 * new elements from, and the outline of the map. */
#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-outline.h"
#include "wm-review-panel.h"
#include "wm-selection.h"

G_BEGIN_DECLS

#define WM_TYPE_SIDEBAR (wm_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (WmSidebar, wm_sidebar, WM, SIDEBAR, GtkWidget)

GtkWidget *wm_sidebar_new           (void);
void       wm_sidebar_set_document  (WmSidebar   *self,
                                     WmDocument  *document);
void       wm_sidebar_set_selection (WmSidebar   *self,
                                     WmSelection *selection);
WmOutline *wm_sidebar_get_outline   (WmSidebar   *self);
WmReviewPanel *wm_sidebar_get_review_panel (WmSidebar *self);
/* "palette", "outline" or "review" */
void       wm_sidebar_show_page     (WmSidebar   *self,
                                     const char  *name);
const char *wm_sidebar_get_page     (WmSidebar   *self);

G_END_DECLS
