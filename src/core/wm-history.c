/* wm-history.c: the one path every edit of a map goes through.
 *
 * Each edit is applied and recorded as an operation that knows its inverse:
 * a property set (old and new value), or an insertion, removal or move in a
 * GListStore. Operations between wm_history_begin() and wm_history_end()
 * form one step, so a drag through sixty positions undoes at once. Undoing
 * replays the inverses in reverse order, which is why undoing every step
 * gives back exactly the state, and so the file, that was there before.
 *
 * Consecutive sets of the same property of the same object outside a group
 * merge into one step (a typing burst); wm_history_seal() ends a burst.
 */
#include "wm-history.h"

#include <gobject/gvaluecollector.h>

typedef enum {
  OP_SET,
  OP_INSERT,
  OP_REMOVE,
  OP_MOVE,
} OpKind;

typedef struct
{
  OpKind kind;
  GObject *target;     /* the object whose property is set, or the store */
  gboolean owns_target;
  GParamSpec *pspec;   /* OP_SET */
  GValue old_value;    /* OP_SET */
  GValue new_value;    /* OP_SET */
  GObject *item;       /* OP_INSERT, OP_REMOVE */
  guint position;      /* OP_INSERT, OP_REMOVE; OP_MOVE: from */
  guint to;            /* OP_MOVE */
} Op;

typedef struct
{
  char *label;
  GPtrArray *ops;
  gboolean sealed;
  guint64 serial; /* names the state this step leads to */
} Step;

struct _WmHistory
{
  GObject parent_instance;

  GPtrArray *undo;     /* of Step, oldest first */
  GPtrArray *redo;     /* of Step, next to redo last */
  Step *open;          /* the step being recorded between begin and end */
  guint depth;
  gboolean could_undo_before_open;
  gboolean could_redo_before_open;
  gboolean replaying;
  guint64 next_serial;
  GObject *owner;      /* unowned: it owns us */
};

G_DEFINE_FINAL_TYPE (WmHistory, wm_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
op_free (Op *op)
{
  if (op->owns_target)
    g_clear_object (&op->target);
  g_clear_object (&op->item);
  if (G_IS_VALUE (&op->old_value))
    g_value_unset (&op->old_value);
  if (G_IS_VALUE (&op->new_value))
    g_value_unset (&op->new_value);
  g_free (op);
}

/* Edits of the owner hold no reference to it: it owns the history, and a
 * reference would keep both alive forever. */
static Op *
op_new (WmHistory *self,
        OpKind     kind,
        GObject   *target)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->owns_target = target != self->owner;
  op->target = op->owns_target ? g_object_ref (target) : target;

  return op;
}

static Step *
step_new (WmHistory  *self,
          const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->serial = ++self->next_serial;
  step->label = g_strdup (label);
  step->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);

  return step;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static void
store_move (GListStore *store,
            guint       from,
            guint       to)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), from);

  g_list_store_remove (store, from);
  g_list_store_insert (store, to, item);
}

static void
op_apply (Op       *op,
          gboolean  forward)
{
  switch (op->kind)
    {
    case OP_SET:
      g_object_set_property (op->target, op->pspec->name,
                             forward ? &op->new_value : &op->old_value);
      break;
    case OP_INSERT:
    case OP_REMOVE:
      if (forward == (op->kind == OP_INSERT))
        g_list_store_insert (G_LIST_STORE (op->target), op->position, op->item);
      else
        g_list_store_remove (G_LIST_STORE (op->target), op->position);
      break;
    case OP_MOVE:
      if (forward)
        store_move (G_LIST_STORE (op->target), op->position, op->to);
      else
        store_move (G_LIST_STORE (op->target), op->to, op->position);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Tells listeners the state moved, and which of undo/redo became possible. */
static void
notify_changed (WmHistory *self,
                gboolean   could_undo,
                gboolean   could_redo)
{
  g_signal_emit (self, signals[CHANGED], 0);
  if (could_undo != wm_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != wm_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Whether two values of @pspec are the same to a user: GLib compares boxed
 * values by address and tells NULL from "", which the model does not. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      const char *sa = g_value_get_string (a);
      const char *sb = g_value_get_string (b);

      return g_strcmp0 (sa != NULL ? sa : "", sb != NULL ? sb : "") == 0;
    }
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *va = g_value_get_boxed (a);
      const char * const *vb = g_value_get_boxed (b);
      const char * const empty[] = { NULL };

      return g_strv_equal (va != NULL ? va : empty, vb != NULL ? vb : empty);
    }
  if (pspec->value_type == G_TYPE_BYTES)
    {
      GBytes *ba = g_value_get_boxed (a);
      GBytes *bb = g_value_get_boxed (b);

      return ba == bb || (ba != NULL && bb != NULL && g_bytes_equal (ba, bb));
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static gboolean
can_merge (Step *top,
           Op   *op)
{
  Op *last;

  if (top == NULL || top->sealed || top->ops->len != 1 || op->kind != OP_SET)
    return FALSE;

  last = g_ptr_array_index (top->ops, 0);
  return last->kind == OP_SET && last->target == op->target && last->pspec == op->pspec;
}

/* Applies @op and files it in the open step, or in a step of its own. */
static void
record (WmHistory *self,
        Op        *op)
{
  gboolean could_undo = wm_history_get_can_undo (self);
  gboolean could_redo = wm_history_get_can_redo (self);
  Step *top = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;

  g_return_if_fail (!self->replaying);

  op_apply (op, TRUE);
  g_ptr_array_set_size (self->redo, 0);

  if (self->open != NULL)
    {
      /* Listeners hear of a step once, when it ends. */
      g_ptr_array_add (self->open->ops, op);
      return;
    }

  if (can_merge (top, op))
    {
      Op *last = g_ptr_array_index (top->ops, 0);

      g_value_copy (&op->new_value, &last->new_value);
      top->serial = ++self->next_serial; /* a state no save has seen */
      op_free (op);
      /* Typed and deleted again: nothing is left to undo. */
      if (values_equal (last->pspec, &last->old_value, &last->new_value))
        g_ptr_array_remove_index (self->undo, self->undo->len - 1);
    }
  else
    {
      Step *step = step_new (self, NULL);

      g_ptr_array_add (step->ops, op);
      g_ptr_array_add (self->undo, step);
    }

  notify_changed (self, could_undo, could_redo);
}

static void
wm_history_finalize (GObject *object)
{
  WmHistory *self = WM_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, step_free);

  G_OBJECT_CLASS (wm_history_parent_class)->finalize (object);
}

static void
wm_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmHistory *self = WM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, wm_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, wm_history_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_history_class_init (WmHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_history_finalize;
  object_class->get_property = wm_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", "Can undo", "Whether there is a step to undo",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", "Can redo", "Whether there is a step to redo",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmHistory::changed:
   *
   * The map's state moved: an edit was recorded, undone or redone.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_history_init (WmHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/**
 * wm_history_new:
 * @owner: (nullable) (transfer none): the object that owns this history, if
 *   any; it must outlive the history
 */
WmHistory *
wm_history_new (GObject *owner)
{
  WmHistory *self = g_object_new (WM_TYPE_HISTORY, NULL);

  self->owner = owner;

  return self;
}

/**
 * wm_history_begin:
 * @label: (nullable): what the step does, for the Undo menu item
 *
 * Opens a step: every edit until the matching wm_history_end() undoes
 * together. Calls nest; the outermost label wins.
 */
void
wm_history_begin (WmHistory  *self,
                  const char *label)
{
  g_return_if_fail (WM_IS_HISTORY (self));

  if (self->depth++ > 0)
    return;

  self->open = step_new (self, label);
  self->could_undo_before_open = wm_history_get_can_undo (self);
  self->could_redo_before_open = wm_history_get_can_redo (self);
}

void
wm_history_end (WmHistory *self)
{
  Step *step;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->open);
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }

  step->sealed = TRUE;
  g_ptr_array_add (self->undo, step);
  notify_changed (self, self->could_undo_before_open, self->could_redo_before_open);
}

/**
 * wm_history_seal:
 *
 * Ends a typing burst: the next set of the same property is a new step.
 */
void
wm_history_seal (WmHistory *self)
{
  g_return_if_fail (WM_IS_HISTORY (self));

  if (self->undo->len > 0)
    ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->sealed = TRUE;
}

void
wm_history_set_value (WmHistory    *self,
                      GObject      *object,
                      const char   *property,
                      const GValue *value)
{
  GParamSpec *pspec;
  Op *op;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE) &&
                    !(pspec->flags & G_PARAM_CONSTRUCT_ONLY));

  op = op_new (self, OP_SET, object);
  op->pspec = pspec;
  g_value_init (&op->old_value, pspec->value_type);
  g_object_get_property (object, property, &op->old_value);
  g_value_init (&op->new_value, pspec->value_type);
  if (!g_value_transform (value, &op->new_value))
    {
      g_critical ("%s: cannot set %s from a %s", G_STRFUNC, property, G_VALUE_TYPE_NAME (value));
      op_free (op);
      return;
    }
  g_param_value_validate (pspec, &op->new_value);

  /* A set that changes nothing is no step: undo would seem to do nothing. */
  if (values_equal (pspec, &op->old_value, &op->new_value))
    {
      op_free (op);
      return;
    }

  record (self, op);
}

/**
 * wm_history_set:
 * @object: the element to change
 * @first_property: name of the first property, followed by its value, then
 *   more name/value pairs, ending with %NULL, as in g_object_set()
 *
 * Sets properties through the history, as one step.
 */
void
wm_history_set (WmHistory  *self,
                gpointer    object,
                const char *first_property,
                ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  va_list args;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      GValue value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s: %s has no property %s", G_STRFUNC, G_OBJECT_TYPE_NAME (object), name);
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          break;
        }
      g_ptr_array_add (names, (gpointer) name);
      g_array_append_val (values, value);
    }
  va_end (args);

  /* A single set stays outside a group so that a typing burst can merge. */
  if (names->len > 1)
    wm_history_begin (self, NULL);
  for (guint i = 0; i < names->len; i++)
    wm_history_set_value (self, object, g_ptr_array_index (names, i),
                          &g_array_index (values, GValue, i));
  if (names->len > 1)
    wm_history_end (self);
}

void
wm_history_insert (WmHistory  *self,
                   GListModel *list,
                   guint       position,
                   gpointer    item)
{
  Op *op;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (position <= g_list_model_get_n_items (list));

  op = op_new (self, OP_INSERT, G_OBJECT (list));
  op->item = g_object_ref (item);
  op->position = position;
  record (self, op);
}

void
wm_history_remove (WmHistory  *self,
                   GListModel *list,
                   guint       position)
{
  Op *op;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (position < g_list_model_get_n_items (list));

  op = op_new (self, OP_REMOVE, G_OBJECT (list));
  op->item = g_list_model_get_item (list, position);
  op->position = position;
  record (self, op);
}

void
wm_history_move (WmHistory  *self,
                 GListModel *list,
                 guint       from,
                 guint       to)
{
  guint n;
  Op *op;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  n = g_list_model_get_n_items (list);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  op = op_new (self, OP_MOVE, G_OBJECT (list));
  op->position = from;
  op->to = to;
  record (self, op);
}

gboolean
wm_history_get_can_undo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
wm_history_get_can_redo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

const char *
wm_history_get_undo_label (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
wm_history_get_redo_label (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/* Moves the newest step of @from onto @to, applying it backward or forward. */
static gboolean
replay (WmHistory *self,
        GPtrArray *from,
        GPtrArray *to,
        gboolean   forward)
{
  gboolean could_undo = wm_history_get_can_undo (self);
  gboolean could_redo = wm_history_get_can_redo (self);
  Step *step;

  g_return_val_if_fail (self->depth == 0, FALSE);

  if (from->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  self->replaying = TRUE;
  for (guint i = 0; i < step->ops->len; i++)
    op_apply (g_ptr_array_index (step->ops, forward ? i : step->ops->len - 1 - i), forward);
  self->replaying = FALSE;
  step->sealed = TRUE;
  g_ptr_array_add (to, step);
  notify_changed (self, could_undo, could_redo);

  return TRUE;
}

gboolean
wm_history_undo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return replay (self, self->undo, self->redo, FALSE);
}

gboolean
wm_history_redo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return replay (self, self->redo, self->undo, TRUE);
}

/**
 * wm_history_get_state:
 *
 * Returns: a number naming the map's current state among those this history
 *   has made: equal before and after a save means nothing changed since, so
 *   undoing back to the saved state makes the map clean again.
 */
guint64
wm_history_get_state (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), 0);

  if (self->undo->len == 0)
    return 0;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial;
}

/* Forgets every step, for example once a map has been loaded. */
void
wm_history_clear (WmHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (WM_IS_HISTORY (self));

  could_undo = wm_history_get_can_undo (self);
  could_redo = wm_history_get_can_redo (self);
  if (!could_undo && !could_redo)
    return;

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_changed (self, could_undo, could_redo);
}
