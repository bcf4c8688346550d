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
