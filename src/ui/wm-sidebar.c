/* wm-sidebar.c: the panel at the start of the window.
 *
 * Three pages, switched at the top: the palette, to drag new elements
 * onto the map; the outline, the map as text for the keyboard and screen
 * readers; and the review, what weakens the map.
 */
#include "wm-sidebar.h"

#include <glib/gi18n.h>

#include "wm-palette.h"
#include "wm-review-panel.h"

#define PANEL_WIDTH 240

struct _WmSidebar
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *stack;
  WmOutline *outline;
  WmReviewPanel *review;
};

G_DEFINE_FINAL_TYPE (WmSidebar, wm_sidebar, GTK_TYPE_WIDGET)

static void
wm_sidebar_dispose (GObject *object)
{
  WmSidebar *self = WM_SIDEBAR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (wm_sidebar_parent_class)->dispose (object);
}

static void
wm_sidebar_class_init (WmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_sidebar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wm-sidebar");
}

static void
wm_sidebar_init (WmSidebar *self)
{
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *clamp;

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  /* Each page as wide as it needs: the palette narrow, beside more map. */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_interpolate_size (GTK_STACK (self->stack), TRUE);
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_titled (GTK_STACK (self->stack), wm_palette_new (), "palette", _("Add"));
  self->outline = WM_OUTLINE (wm_outline_new ());
  gtk_stack_add_titled (GTK_STACK (self->stack), GTK_WIDGET (self->outline), "outline", _("Outline"));
  self->review = WM_REVIEW_PANEL (wm_review_panel_new ());
  gtk_stack_add_titled (GTK_STACK (self->stack), GTK_WIDGET (self->review), "review", _("Review"));

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->stack));
  gtk_widget_set_margin_start (switcher, 12);
  gtk_widget_set_margin_end (switcher, 12);
  gtk_widget_set_margin_top (switcher, 12);
  gtk_widget_set_margin_bottom (switcher, 6);

  /* As wide as the panel is, whatever the longest line of a page: the
   * pages wrap their text to it and scroll themselves. */
  clamp = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (clamp), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (clamp), PANEL_WIDTH);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (clamp), self->stack);
  gtk_widget_set_vexpand (clamp, TRUE);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), switcher);
  gtk_box_append (GTK_BOX (self->box), clamp);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
wm_sidebar_new (void)
{
  return g_object_new (WM_TYPE_SIDEBAR, NULL);
}

void
wm_sidebar_set_document (WmSidebar  *self,
                         WmDocument *document)
{
  g_return_if_fail (WM_IS_SIDEBAR (self));

  wm_outline_set_document (self->outline, document);
  wm_review_panel_set_document (self->review, document);
}

void
wm_sidebar_set_selection (WmSidebar   *self,
                          WmSelection *selection)
{
  g_return_if_fail (WM_IS_SIDEBAR (self));

  wm_outline_set_selection (self->outline, selection);
  wm_review_panel_set_selection (self->review, selection);
}

/**
 * wm_sidebar_get_outline:
 *
 * Returns: (transfer none): the outline page
 */
WmOutline *
wm_sidebar_get_outline (WmSidebar *self)
{
  g_return_val_if_fail (WM_IS_SIDEBAR (self), NULL);

  return self->outline;
}

void
wm_sidebar_show_page (WmSidebar  *self,
                      const char *name)
{
  g_return_if_fail (WM_IS_SIDEBAR (self));

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
}

const char *
wm_sidebar_get_page (WmSidebar *self)
{
  g_return_val_if_fail (WM_IS_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

/**
 * wm_sidebar_get_review_panel:
 *
 * Returns: (transfer none): the review page
 */
WmReviewPanel *
wm_sidebar_get_review_panel (WmSidebar *self)
{
  g_return_val_if_fail (WM_IS_SIDEBAR (self), NULL);

  return self->review;
}
