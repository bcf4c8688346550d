/* wm-selection.c: which elements of a map the user has selected.
 *
 * One selection per window, shared by the canvas (which draws it and
 * changes it on click), the inspector (which edits its focus) and the
 * actions (delete, duplicate, copy), so that they never disagree.
 */
#include "wm-selection.h"

struct _WmSelection
{
  GObject parent_instance;

  GListStore *items;
};

G_DEFINE_FINAL_TYPE (WmSelection, wm_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOCUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_items_changed (WmSelection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

static void
wm_selection_dispose (GObject *object)
{
  WmSelection *self = WM_SELECTION (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (wm_selection_parent_class)->dispose (object);
}

static void
wm_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WmSelection *self = WM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_FOCUS:
      g_value_set_object (value, wm_selection_get_focus (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_selection_class_init (WmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_selection_dispose;
  object_class->get_property = wm_selection_get_property;

  /* Notified on every change of the selection, even when the focus stays:
   * what the inspector shows may depend on how many are selected. */
  properties[PROP_FOCUS] =
    g_param_spec_object ("focus", "Focus", "The element selected last",
                         WM_TYPE_ELEMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_selection_init (WmSelection *self)
{
  self->items = g_list_store_new (WM_TYPE_ELEMENT);
  g_signal_connect_swapped (self->items, "items-changed", G_CALLBACK (on_items_changed), self);
}

WmSelection *
wm_selection_new (void)
{
  return g_object_new (WM_TYPE_SELECTION, NULL);
}

GListModel *
wm_selection_get_items (WmSelection *self)
{
  g_return_val_if_fail (WM_IS_SELECTION (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * wm_selection_get_focus:
 *
 * Returns: (transfer none) (nullable): the element selected last
 */
WmElement *
wm_selection_get_focus (WmSelection *self)
{
  g_autoptr(WmElement) last = NULL;
  guint n;

  g_return_val_if_fail (WM_IS_SELECTION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (n == 0)
    return NULL;

  last = g_list_model_get_item (G_LIST_MODEL (self->items), n - 1);
  return last; /* the store keeps it alive */
}

gboolean
wm_selection_contains (WmSelection *self,
                       WmElement   *element)
{
  g_return_val_if_fail (WM_IS_SELECTION (self), FALSE);

  return g_list_store_find (self->items, element, NULL);
}

/* Makes @element the whole selection. */
void
wm_selection_select (WmSelection *self,
                     WmElement   *element)
{
  g_return_if_fail (WM_IS_SELECTION (self));
  g_return_if_fail (WM_IS_ELEMENT (element));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 1 &&
      wm_selection_get_focus (self) == element)
    return;

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       (gpointer *) &element, 1);
}

/* Adds @element, or makes it the focus if it is selected already. */
void
wm_selection_add (WmSelection *self,
                  WmElement   *element)
{
  guint position;

  g_return_if_fail (WM_IS_SELECTION (self));
  g_return_if_fail (WM_IS_ELEMENT (element));

  if (g_list_store_find (self->items, element, &position))
    {
      if (wm_selection_get_focus (self) == element)
        return;
      g_list_store_remove (self->items, position);
    }
  g_list_store_append (self->items, element);
}

void
wm_selection_toggle (WmSelection *self,
                     WmElement   *element)
{
  g_return_if_fail (WM_IS_SELECTION (self));

  if (wm_selection_contains (self, element))
    wm_selection_remove (self, element);
  else
    wm_selection_add (self, element);
}

void
wm_selection_remove (WmSelection *self,
                     WmElement   *element)
{
  guint position;

  g_return_if_fail (WM_IS_SELECTION (self));

  if (g_list_store_find (self->items, element, &position))
    g_list_store_remove (self->items, position);
}

void
wm_selection_clear (WmSelection *self)
{
  g_return_if_fail (WM_IS_SELECTION (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0)
    g_list_store_remove_all (self->items);
}
