/* wm-describe.h: an element of a map in words, for assistive technologies. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

void wm_describe (WmDocument  *document,
                  WmElement   *element,
                  WmLane      *lane,
                  WmStage     *stage,
                  char       **label,
                  char       **description);

G_END_DECLS
