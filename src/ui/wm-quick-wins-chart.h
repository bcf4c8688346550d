/* wm-quick-wins-chart.h: opportunities placed by effort (across) and
 * impact (up), with the quick wins' corner marked. */
#pragma once

#include <gtk/gtk.h>

#include "wm-card.h"
#include "wm-selection.h"

G_BEGIN_DECLS

#define WM_TYPE_QUICK_WINS_CHART (wm_quick_wins_chart_get_type ())
G_DECLARE_FINAL_TYPE (WmQuickWinsChart, wm_quick_wins_chart, WM, QUICK_WINS_CHART, GtkWidget)

/* Each card is a button (a dot and the start of its text); activating
 * one emits "card-activated" (WmCard *card). */
GtkWidget *wm_quick_wins_chart_new           (void);
/* Shows @cards (of WmCard), in the order the keyboard visits them; those
 * without both an impact and an effort are left out. */
void       wm_quick_wins_chart_set_cards     (WmQuickWinsChart *self,
                                              GPtrArray        *cards);
/* Marks the cards @selection holds. */
void       wm_quick_wins_chart_set_selection (WmQuickWinsChart *self,
                                              WmSelection      *selection);
/* The button of @card, or NULL when it is not on the chart. */
GtkWidget *wm_quick_wins_chart_get_dot       (WmQuickWinsChart *self,
                                              WmCard           *card);
/* The marked corner of the quick wins. */
GtkWidget *wm_quick_wins_chart_get_quadrant  (WmQuickWinsChart *self);
/* What a screen reader says of @card, e.g. "Opportunity: Guest checkout,
 * impact 5 of 5, effort 2 of 5, quick win". */
char      *wm_quick_wins_chart_describe      (WmCard           *card);

G_END_DECLS
