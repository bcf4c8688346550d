/* wm-inspector-evidence-list.c: the evidence that backs an element.
 *
 * A claim on a journey map should rest on data; this group lists what rests
 * under the selected item, one folded row per piece, bound to the element's
 * evidence list so that an undo that brings one back shows it again.
 * Adding and removing go through wm-edit.h, each one step.
 */
#include "wm-inspector-evidence-list.h"

#include "wm-edit.h"
#include "wm-inspector-evidence-row.h"

struct _WmInspectorEvidenceList
{
  AdwPreferencesGroup parent_instance;

  GtkListBox *list;

  WmDocument *document;
  WmElement *element;
};

G_DEFINE_FINAL_TYPE (WmInspectorEvidenceList, wm_inspector_evidence_list, ADW_TYPE_PREFERENCES_GROUP)

static void
on_remove (WmInspectorEvidenceRow  *row,
           WmInspectorEvidenceList *self)
{
  guint position;

  if (self->element == NULL ||
      !g_list_store_find (G_LIST_STORE (wm_element_get_evidence (self->element)),
                          wm_inspector_evidence_row_get_evidence (row), &position))
    return;

  wm_edit_remove_evidence (self->document, self->element, position);
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  WmInspectorEvidenceList *self = data;
  GtkWidget *row = wm_inspector_evidence_row_new (self->document, WM_EVIDENCE (item));

  g_signal_connect_object (row, "remove", G_CALLBACK (on_remove), self, 0);
  return row;
}

static void
add_evidence (WmInspectorEvidenceList *self)
{
  g_autoptr(WmEvidence) evidence = wm_evidence_new ();

  if (self->element == NULL)
    return;

  wm_edit_add_evidence (self->document, self->element, evidence);

  /* Opened, so that the user can say what it is straight away. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (WM_IS_INSPECTOR_EVIDENCE_ROW (row) &&
        wm_inspector_evidence_row_get_evidence (WM_INSPECTOR_EVIDENCE_ROW (row)) == evidence)
      {
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
        gtk_widget_grab_focus (row);
      }
}

static void
wm_inspector_evidence_list_dispose (GObject *object)
{
  WmInspectorEvidenceList *self = WM_INSPECTOR_EVIDENCE_LIST (object);

  wm_inspector_evidence_list_set_element (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_EVIDENCE_LIST);

  G_OBJECT_CLASS (wm_inspector_evidence_list_parent_class)->dispose (object);
}

static void
wm_inspector_evidence_list_class_init (WmInspectorEvidenceListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_evidence_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-evidence-list.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorEvidenceList, list);
  gtk_widget_class_bind_template_callback (widget_class, add_evidence);
}

static void
wm_inspector_evidence_list_init (WmInspectorEvidenceList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wm_inspector_evidence_list_set_element:
 * @document: (nullable): the map
 * @element: (nullable): the element whose evidence to show
 */
void
wm_inspector_evidence_list_set_element (WmInspectorEvidenceList *self,
                                        WmDocument              *document,
                                        WmElement               *element)
{
  g_return_if_fail (WM_IS_INSPECTOR_EVIDENCE_LIST (self));

  if (self->document == document && self->element == element)
    return;

  g_set_object (&self->document, document);
  g_set_object (&self->element, element);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, element != NULL ? wm_element_get_evidence (element) : NULL,
                             create_row, self, NULL);
}
