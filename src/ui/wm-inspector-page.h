/* wm-inspector-page.h: the inspector's form for one kind of element. */
#pragma once

#include <adwaita.h>

#include "wm-document.h"
#include "wm-inspector-bindings.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_PAGE (wm_inspector_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (WmInspectorPage, wm_inspector_page, WM, INSPECTOR_PAGE, GtkWidget)

struct _WmInspectorPageClass
{
  GtkWidgetClass parent_class;

  /* The type of element the page edits. */
  GType element_type;

  /* Brings up to date what the bound fields do not show themselves: called
   * when the element is set, when one of its properties changes, and after
   * every step of the map's history. */
  void (*update) (WmInspectorPage *self);
};

void                 wm_inspector_page_set_element  (WmInspectorPage *self,
                                                     WmDocument      *document,
                                                     WmElement       *element);
WmDocument          *wm_inspector_page_get_document (WmInspectorPage *self);
WmElement           *wm_inspector_page_get_element  (WmInspectorPage *self);
WmInspectorBindings *wm_inspector_page_get_bindings (WmInspectorPage *self);

G_END_DECLS
