/* wm-inspector-stage-page.c: the inspector's form for a stage. */
#include "wm-inspector-stage-page.h"

#include "wm-inspector-text-row.h"

struct _WmInspectorStagePage
{
  WmInspectorPage parent_instance;

  AdwEntryRow *name_row;
  WmInspectorTextRow *description_row;
  GtkColorButton *color_button;
  GtkWidget *color_reset;
};

G_DEFINE_FINAL_TYPE (WmInspectorStagePage, wm_inspector_stage_page, WM_TYPE_INSPECTOR_PAGE)

static void
wm_inspector_stage_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_STAGE_PAGE);

  G_OBJECT_CLASS (wm_inspector_stage_page_parent_class)->dispose (object);
}

static void
wm_inspector_stage_page_class_init (WmInspectorStagePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_stage_page_dispose;
  WM_INSPECTOR_PAGE_CLASS (klass)->element_type = WM_TYPE_STAGE;

  g_type_ensure (WM_TYPE_INSPECTOR_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-stage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorStagePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorStagePage, description_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorStagePage, color_button);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorStagePage, color_reset);
}

static void
wm_inspector_stage_page_init (WmInspectorStagePage *self)
{
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->name_row), "name");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->description_row), "description");
  wm_inspector_bindings_add_color (bindings, self->color_button, self->color_reset, "color");
}
