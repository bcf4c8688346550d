/* wm-layout.h: the geometry of a whole map, from the model and Pango metrics. */
#pragma once

#include <pango/pango.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_LAYOUT (wm_layout_get_type ())
G_DECLARE_FINAL_TYPE (WmLayout, wm_layout, WM, LAYOUT, GObject)

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

G_END_DECLS
