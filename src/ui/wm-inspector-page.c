/* wm-inspector-page.c: the inspector's form for one kind of element.
 *
 * A page is a column of preferences groups (its template's children) over
 * one element. What every page shares lives here: the element and its map,
 * and the bindings that tie the page's fields to the element's properties
 * through the history. A subclass sets its element type, declares its
 * bindings when it is created and, in update(), shows what depends on
 * more than one property or on the rest of the map.
 */
#include "wm-inspector-page.h"

typedef struct
{
  WmInspectorBindings *bindings;
} WmInspectorPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (WmInspectorPage, wm_inspector_page, GTK_TYPE_WIDGET)

static void
on_bindings_changed (WmInspectorPage *self)
{
  WmInspectorPageClass *klass = WM_INSPECTOR_PAGE_GET_CLASS (self);

  if (klass->update != NULL && wm_inspector_page_get_element (self) != NULL)
    klass->update (self);
}

/* Made on first use, which is in the subclass's init: while the base
 * type's init runs, the instance's class is still the base's, whose
 * element type is not the one the bindings need. */
static WmInspectorBindings *
ensure_bindings (WmInspectorPage *self)
{
  WmInspectorPagePrivate *priv = wm_inspector_page_get_instance_private (self);

  if (priv->bindings == NULL)
    {
      priv->bindings = wm_inspector_bindings_new (WM_INSPECTOR_PAGE_GET_CLASS (self)->element_type);
      g_signal_connect_object (priv->bindings, "changed", G_CALLBACK (on_bindings_changed), self,
                               G_CONNECT_SWAPPED);
    }

  return priv->bindings;
}

static void
wm_inspector_page_dispose (GObject *object)
{
  WmInspectorPage *self = WM_INSPECTOR_PAGE (object);
  WmInspectorPagePrivate *priv = wm_inspector_page_get_instance_private (self);
  GtkWidget *child;

  g_clear_object (&priv->bindings);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (wm_inspector_page_parent_class)->dispose (object);
}

static void
wm_inspector_page_class_init (WmInspectorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_inspector_page_dispose;

  klass->element_type = WM_TYPE_ELEMENT;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
wm_inspector_page_init (WmInspectorPage *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
}

/**
 * wm_inspector_page_set_element:
 * @document: (nullable): the map
 * @element: (nullable): the element to edit, of the page's type; %NULL to
 *   let go of the previous one
 */
void
wm_inspector_page_set_element (WmInspectorPage *self,
                               WmDocument      *document,
                               WmElement       *element)
{
  g_return_if_fail (WM_IS_INSPECTOR_PAGE (self));

  wm_inspector_bindings_set_target (ensure_bindings (self), document, element);
}

/**
 * wm_inspector_page_get_document:
 *
 * Returns: (transfer none) (nullable): the map of the element shown
 */
WmDocument *
wm_inspector_page_get_document (WmInspectorPage *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR_PAGE (self), NULL);

  return wm_inspector_bindings_get_document (ensure_bindings (self));
}

/**
 * wm_inspector_page_get_element:
 *
 * Returns: (transfer none) (nullable): the element shown
 */
WmElement *
wm_inspector_page_get_element (WmInspectorPage *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR_PAGE (self), NULL);

  return wm_inspector_bindings_get_target (ensure_bindings (self));
}

/**
 * wm_inspector_page_get_bindings:
 *
 * Returns: (transfer none): the bindings of the page's fields, for the
 *   subclass to add to
 */
WmInspectorBindings *
wm_inspector_page_get_bindings (WmInspectorPage *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR_PAGE (self), NULL);

  return ensure_bindings (self);
}
