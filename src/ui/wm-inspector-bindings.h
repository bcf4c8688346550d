/* wm-inspector-bindings.h: editing widgets tied to the properties of one
 * model object, through the document's history. */
#pragma once

#include <adwaita.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_BINDINGS (wm_inspector_bindings_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorBindings, wm_inspector_bindings, WM, INSPECTOR_BINDINGS, GObject)

WmInspectorBindings *wm_inspector_bindings_new            (GType                target_type);

void                 wm_inspector_bindings_set_target     (WmInspectorBindings *self,
                                                           WmDocument          *document,
                                                           gpointer             target);
WmDocument          *wm_inspector_bindings_get_document   (WmInspectorBindings *self);
gpointer             wm_inspector_bindings_get_target     (WmInspectorBindings *self);
void                 wm_inspector_bindings_refresh        (WmInspectorBindings *self);

void                 wm_inspector_bindings_add_text       (WmInspectorBindings *self,
                                                           GtkWidget           *widget,
                                                           const char          *property);
void                 wm_inspector_bindings_add_spin       (WmInspectorBindings *self,
                                                           GtkSpinButton       *spin,
                                                           const char          *property);
void                 wm_inspector_bindings_add_switch     (WmInspectorBindings *self,
                                                           GtkSwitch           *toggle,
                                                           const char          *property);
void                 wm_inspector_bindings_add_enum       (WmInspectorBindings *self,
                                                           AdwComboRow         *row,
                                                           const char          *property);
void                 wm_inspector_bindings_add_reference  (WmInspectorBindings *self,
                                                           AdwComboRow         *row,
                                                           const char          *property);
void                 wm_inspector_bindings_set_references (WmInspectorBindings *self,
                                                           AdwComboRow         *row,
                                                           GListModel          *elements,
                                                           const char          *none_label);
void                 wm_inspector_bindings_add_color      (WmInspectorBindings *self,
                                                           GtkColorButton      *button,
                                                           GtkWidget           *reset,
                                                           const char          *property);
void                 wm_inspector_bindings_end_bursts_in  (WmInspectorBindings *self,
                                                           GtkWidget           *widget);

G_END_DECLS
