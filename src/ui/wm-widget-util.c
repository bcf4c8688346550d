/* wm-widget-util.c: small things the editor's widgets share. */
#include "wm-widget-util.h"

void
wm_widget_set_numeric_direction (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* GTK 4 widgets take the default direction, not their parent's: the
   * spin button's text and buttons each need it. */
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wm_widget_set_numeric_direction (child);
}

gboolean
wm_widget_follow_document (gpointer     self,
                           WmDocument **document_slot,
                           WmDocument  *document,
                           GCallback    changed)
{
  g_return_val_if_fail (document == NULL || WM_IS_DOCUMENT (document), FALSE);

  if (*document_slot == document)
    return FALSE;
  if (*document_slot != NULL)
    g_signal_handlers_disconnect_by_func (wm_document_get_history (*document_slot), changed, self);
  g_set_object (document_slot, document);
  if (document != NULL)
    g_signal_connect_swapped (wm_document_get_history (document), "changed", changed, self);
  return TRUE;
}
