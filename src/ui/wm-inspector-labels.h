/* wm-inspector-labels.h: what the inspector calls the values of the model's
 * enumerations, and the icons it shows beside them. */
#pragma once

#include "wm-element.h"

G_BEGIN_DECLS

const char *wm_inspector_labels_enum (GType enum_type,
                                      int   value);
const char *wm_inspector_labels_icon (GType enum_type,
                                      int   value);
const char *wm_inspector_labels_element (WmElement *element);

G_END_DECLS
