/* wm-inspector-moment-page.c: the inspector's form for a moment of truth.
 *
 * A moment sits at a stage, on a lane or, with none named, on the map's
 * first moments-of-truth lane; both choices list the map's stages and
 * lanes as they are now.
 */
#include "wm-inspector-moment-page.h"

#include <glib/gi18n.h>

#include "wm-inspector-text-row.h"

struct _WmInspectorMomentPage
{
  WmInspectorPage parent_instance;

  AdwEntryRow *title_row;
  WmInspectorTextRow *description_row;
  AdwComboRow *polarity_row;
  AdwComboRow *stage_row;
  AdwComboRow *lane_row;
};

G_DEFINE_FINAL_TYPE (WmInspectorMomentPage, wm_inspector_moment_page, WM_TYPE_INSPECTOR_PAGE)

static void
wm_inspector_moment_page_update (WmInspectorPage *page)
{
  WmInspectorMomentPage *self = WM_INSPECTOR_MOMENT_PAGE (page);
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (page);
  WmDocument *document = wm_inspector_page_get_document (page);

  wm_inspector_bindings_set_references (bindings, self->stage_row,
                                        wm_document_get_stages (document), NULL);
  wm_inspector_bindings_set_references (bindings, self->lane_row,
                                        wm_document_get_lanes (document),
                                        /* TRANSLATORS: a moment of truth on no lane of its own */
                                        C_("moment lane", "Automatic"));
}

static void
wm_inspector_moment_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_MOMENT_PAGE);

  G_OBJECT_CLASS (wm_inspector_moment_page_parent_class)->dispose (object);
}

static void
wm_inspector_moment_page_class_init (WmInspectorMomentPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WmInspectorPageClass *page_class = WM_INSPECTOR_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_moment_page_dispose;
  page_class->element_type = WM_TYPE_MOMENT;
  page_class->update = wm_inspector_moment_page_update;

  g_type_ensure (WM_TYPE_INSPECTOR_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-moment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMomentPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMomentPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMomentPage, polarity_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMomentPage, stage_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMomentPage, lane_row);
}

static void
wm_inspector_moment_page_init (WmInspectorMomentPage *self)
{
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->title_row), "title");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->description_row), "description");
  wm_inspector_bindings_add_enum (bindings, self->polarity_row, "polarity");
  wm_inspector_bindings_add_reference (bindings, self->stage_row, "stage");
  wm_inspector_bindings_add_reference (bindings, self->lane_row, "lane");
}
