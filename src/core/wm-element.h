/* wm-element.h: what every part of a journey map has in common. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WM_TYPE_ELEMENT (wm_element_get_type ())
G_DECLARE_DERIVABLE_TYPE (WmElement, wm_element, WM, ELEMENT, GObject)

struct _WmElementClass
{
  GObjectClass parent_class;
};

const char *wm_element_get_id        (WmElement  *self);
GListModel *wm_element_get_evidence  (WmElement  *self);
JsonObject *wm_element_get_unknown   (WmElement  *self);
void        wm_element_set_unknown   (WmElement  *self,
                                      JsonObject *members);

/* For the element classes' setters. */
gboolean    wm_element_update_string (char      **field,
                                      const char *value);

G_END_DECLS
