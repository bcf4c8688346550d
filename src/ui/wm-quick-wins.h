/* wm-quick-wins.h: the map's opportunities by impact and effort: a chart
 * and a list, quick wins first. */
#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-quick-wins-chart.h"
#include "wm-selection.h"

G_BEGIN_DECLS

#define WM_TYPE_QUICK_WINS (wm_quick_wins_get_type ())
G_DECLARE_FINAL_TYPE (WmQuickWins, wm_quick_wins, WM, QUICK_WINS, GtkWidget)

/* Activating an opportunity, on the chart or in the list, selects its
 * card in the selection given and emits "element-activated" (WmElement
 * *element), for the window to show it. The view follows the map's
 * changes once each change is over. */
GtkWidget        *wm_quick_wins_new               (void);
void              wm_quick_wins_set_document      (WmQuickWins *self,
                                                   WmDocument  *document);
void              wm_quick_wins_set_selection     (WmQuickWins *self,
                                                   WmSelection *selection);
/* The opportunities (WmCard) in the list's order: quick wins first, then
 * by impact (highest first) and effort (lowest first), those not rated
 * last; of equals, the map's order. */
GListModel       *wm_quick_wins_get_opportunities (WmQuickWins *self);
WmQuickWinsChart *wm_quick_wins_get_chart         (WmQuickWins *self);
/* The list's row of the opportunity at @position. */
GtkWidget        *wm_quick_wins_get_row           (WmQuickWins *self,
                                                   guint        position);

G_END_DECLS
