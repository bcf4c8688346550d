/* wm-review-panel.h: what weakens the map (wm-review.h), listed by level,
 * each finding a way to the element it concerns. */
#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-selection.h"

G_BEGIN_DECLS

#define WM_TYPE_REVIEW_PANEL (wm_review_panel_get_type ())
G_DECLARE_FINAL_TYPE (WmReviewPanel, wm_review_panel, WM, REVIEW_PANEL, GtkWidget)

/* Activating a finding selects its element in the selection given (the
 * map itself: nothing selected) and emits "element-activated" (WmElement
 * *element), for the window to show it. The findings follow the map's
 * changes once each change is over. */
GtkWidget *wm_review_panel_new            (void);
void       wm_review_panel_set_document   (WmReviewPanel *self,
                                           WmDocument    *document);
void       wm_review_panel_set_selection  (WmReviewPanel *self,
                                           WmSelection   *selection);
/* The findings shown, errors first, as wm_review_map() orders them. */
guint      wm_review_panel_get_n_findings (WmReviewPanel *self);
/* The row of a finding: a GtkListBoxRow to activate. */
GtkWidget *wm_review_panel_get_row        (WmReviewPanel *self,
                                           guint          position);

G_END_DECLS
