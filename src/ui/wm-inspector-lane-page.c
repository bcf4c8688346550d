/* wm-inspector-lane-page.c: the inspector's form for a lane.
 *
 * A lane belongs to one persona or to everyone; the choice lists the map's
 * personas as they are now, so it is rebuilt when they change.
 */
#include "wm-inspector-lane-page.h"

#include <glib/gi18n.h>


struct _WmInspectorLanePage
{
  WmInspectorPage parent_instance;

  AdwComboRow *kind_row;
  AdwEntryRow *title_row;
  AdwComboRow *persona_row;
  GtkColorButton *color_button;
  GtkWidget *color_reset;
};

G_DEFINE_FINAL_TYPE (WmInspectorLanePage, wm_inspector_lane_page, WM_TYPE_INSPECTOR_PAGE)

static void
wm_inspector_lane_page_update (WmInspectorPage *page)
{
  WmInspectorLanePage *self = WM_INSPECTOR_LANE_PAGE (page);

  wm_inspector_bindings_set_references (wm_inspector_page_get_bindings (page), self->persona_row,
                                        wm_document_get_personas (wm_inspector_page_get_document (page)),
                                        /* TRANSLATORS: a lane about all the personas */
                                        _("Everyone"));
}

static void
wm_inspector_lane_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_LANE_PAGE);

  G_OBJECT_CLASS (wm_inspector_lane_page_parent_class)->dispose (object);
}

static void
wm_inspector_lane_page_class_init (WmInspectorLanePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WmInspectorPageClass *page_class = WM_INSPECTOR_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_lane_page_dispose;
  page_class->element_type = WM_TYPE_LANE;
  page_class->update = wm_inspector_lane_page_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-lane-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorLanePage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorLanePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorLanePage, persona_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorLanePage, color_button);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorLanePage, color_reset);
}

static void
wm_inspector_lane_page_init (WmInspectorLanePage *self)
{
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  wm_inspector_bindings_add_enum (bindings, self->kind_row, "kind");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->title_row), "title");
  wm_inspector_bindings_add_reference (bindings, self->persona_row, "persona");
  wm_inspector_bindings_add_color (bindings, self->color_button, self->color_reset, "color");
}
