/* wm-layout.h: the geometry of a whole map, from the model and Pango metrics. */
#pragma once

#include <pango/pango.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_LAYOUT (wm_layout_get_type ())
G_DECLARE_FINAL_TYPE (WmLayout, wm_layout, WM, LAYOUT, GObject)

/* A layout follows its document: a change emits "invalidated" (once, until
 * the next update: queue an update, do not update from the handler), and
 * wm_layout_update() then emits "changed". The read-only "measure-count"
 * property counts card measurements, for tests and benchmarks. */
WmLayout   *wm_layout_new        (WmDocument *document);
WmDocument *wm_layout_get_document (WmLayout *self);
/* Brings the geometry up to date with the document; cheap when nothing changed. */
void        wm_layout_update     (WmLayout   *self);
double      wm_layout_get_width  (WmLayout   *self);
double      wm_layout_get_height (WmLayout   *self);
gboolean    wm_layout_is_rtl     (WmLayout   *self);

typedef struct
{
  double x, y, width, height;
} WmRect;

/* Where an element is drawn: a stage or lane header, a persona's legend
 * entry, a card, an emotion point, a moment-of-truth marker. */
gboolean    wm_layout_get_element_rect (WmLayout *self,
                                        gpointer  element,
                                        WmRect   *rect);
/* What is under a point, for the canvas: the innermost element, or NULL. */
gpointer    wm_layout_hit_test   (WmLayout   *self,
                                  double      x,
                                  double      y);

/* The cell of a lane in a stage, where its cards are. */
gboolean    wm_layout_get_cell_rect (WmLayout *self,
                                     WmLane   *lane,
                                     WmStage  *stage,
                                     WmRect   *rect);
/* For drops: the cell at a point, and where in its cards a drop would go. */
gboolean    wm_layout_cell_at    (WmLayout   *self,
                                  double      x,
                                  double      y,
                                  WmLane    **lane,
                                  WmStage   **stage,
                                  guint      *index);
/* For dragging an emotion point: the score at a height of a curve lane. */
double      wm_layout_score_at   (WmLayout   *self,
                                  WmLane     *lane,
                                  double      y);

G_END_DECLS
