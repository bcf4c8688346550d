/* wm-inspector-map-page.c: the inspector's form for the map itself.
 *
 * Shown when nothing is selected, so that the panel is never empty and
 * the map's own settings (title, kind, direction, emotion scale) have a
 * place; its heading says how to edit an item instead.
 */
#include "wm-inspector-map-page.h"

#include "wm-inspector-text-row.h"

struct _WmInspectorMapPage
{
  WmInspectorPage parent_instance;

  AdwEntryRow *title_row;
  WmInspectorTextRow *description_row;
  AdwComboRow *kind_row;
  AdwComboRow *direction_row;
  GtkSpinButton *scale_min_spin;
  GtkSpinButton *scale_max_spin;
};

G_DEFINE_FINAL_TYPE (WmInspectorMapPage, wm_inspector_map_page, WM_TYPE_INSPECTOR_PAGE)

static void
wm_inspector_map_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_MAP_PAGE);

  G_OBJECT_CLASS (wm_inspector_map_page_parent_class)->dispose (object);
}

static void
wm_inspector_map_page_class_init (WmInspectorMapPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_map_page_dispose;
  WM_INSPECTOR_PAGE_CLASS (klass)->element_type = WM_TYPE_DOCUMENT;

  g_type_ensure (WM_TYPE_INSPECTOR_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, direction_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, scale_min_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, scale_max_spin);
}

static void
wm_inspector_map_page_init (WmInspectorMapPage *self)
{
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->title_row), "title");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->description_row), "description");
  wm_inspector_bindings_add_enum (bindings, self->kind_row, "kind");
  wm_inspector_bindings_add_enum (bindings, self->direction_row, "direction");
  wm_inspector_bindings_add_spin (bindings, self->scale_min_spin, "scale-min");
  wm_inspector_bindings_add_spin (bindings, self->scale_max_spin, "scale-max");
}
