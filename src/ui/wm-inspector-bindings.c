/* wm-inspector-bindings.c: editing widgets tied to the properties of one
 * model object, through the document's history.
 *
 * Every page of the inspector is a form over one element, and every field
 * does the same two things: what the user changes goes through
 * wm_history_set, so that it undoes, and when the element changes from
 * anywhere else (undo, redo, the canvas) the field shows the new value
 * with its own handlers silenced, so that showing a change records none.
 * This object does both for all the fields of a page, once, instead of
 * each page doing it per field.
 *
 * Steps: typing in a text field, or spinning or sliding a number, is one
 * burst that the history merges into one step, ended (sealed) when the
 * field loses the focus, is pressed again or, for a line of text, is
 * activated; a choice (a combo row, a switch, a colour) is a step of its
 * own.
 */
#include "wm-inspector-bindings.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-inspector-icon.h"
#include "wm-inspector-labels.h"
#include "wm-inspector-text-row.h"
#include "wm-param.h"
#include "wm-widget-util.h"

/* Decimals a number field shows at most. */
#define MAX_DIGITS 6

typedef enum {
  BINDING_TEXT,
  BINDING_NUMBER,
  BINDING_SWITCH,
  BINDING_ENUM,
  BINDING_REFERENCE,
  BINDING_COLOR,
} BindingKind;

typedef struct
{
  BindingKind kind;
  GParamSpec *pspec;
  GObject *source;     /* what emits the change: editable, buffer, adjustment, switch, row, button */
  GtkWidget *widget;   /* the field itself, which shows whether its text is valid */
  GtkWidget *reset;    /* BINDING_COLOR: clears the colour, or NULL */
  GStrv ids;           /* BINDING_REFERENCE: the id chosen at each position */
} Binding;

struct _WmInspectorBindings
{
  GObject parent_instance;

  GType target_type;
  WmDocument *document;
  GObject *target;
  GPtrArray *bindings; /* of Binding; the widgets belong to the page, which owns us */
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (WmInspectorBindings, wm_inspector_bindings, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
binding_free (Binding *binding)
{
  g_strfreev (binding->ids);
  g_free (binding);
}

static Binding *
find_binding (WmInspectorBindings *self,
              gpointer             source)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->source == source)
        return binding;
    }

  g_return_val_if_reached (NULL);
}

static Binding *
add_binding (WmInspectorBindings *self,
             BindingKind          kind,
             gpointer             source,
             GtkWidget           *widget,
             const char          *property)
{
  GParamSpec *pspec;
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->target_type);
  Binding *binding;

  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  binding = g_new0 (Binding, 1);
  binding->kind = kind;
  binding->pspec = pspec;
  binding->source = source;
  binding->widget = widget;
  g_ptr_array_add (self->bindings, binding);

  return binding;
}

static void
seal (WmInspectorBindings *self)
{
  if (self->document != NULL)
    wm_history_seal (wm_document_get_history (self->document));
}

/* Records @value as the user's edit of @binding's property. */
static void
apply (WmInspectorBindings *self,
       Binding             *binding,
       const GValue        *value,
       gboolean             is_whole_step)
{
  if (self->syncing || self->target == NULL)
    return;

  wm_history_set_value (wm_document_get_history (self->document), self->target,
                        binding->pspec->name, value);
  if (is_whole_step)
    seal (self);
}

/* A date the file format accepts: a real day, written YYYY-MM-DD. */
static gboolean
is_date (const char *text)
{
  g_autofree char *midnight = NULL;
  g_autoptr(GDateTime) date_time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  midnight = g_strconcat (text, "T00:00:00", NULL);
  date_time = g_date_time_new_from_iso8601 (midnight, utc);

  return date_time != NULL;
}

static gboolean
is_valid_text (Binding    *binding,
               const char *text)
{
  if ((binding->pspec->flags & WM_PARAM_DATE) && *text != '\0')
    return is_date (text);

  return TRUE;
}

/* Text the model would refuse stays in the field, marked, until it is
 * fixed; the model keeps its last good value. */
static void
show_validity (Binding  *binding,
               gboolean  valid)
{
  if (valid)
    {
      gtk_widget_remove_css_class (binding->widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (binding->widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (binding->widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (binding->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
}

static char *
get_text (Binding *binding)
{
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (binding->source))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (binding->source)));

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (binding->source), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (binding->source), &start, &end, FALSE);
}

static void
set_text (Binding    *binding,
          const char *text)
{
  g_autofree char *shown = get_text (binding);

  /* Rewriting the same text would move the cursor of someone typing. */
  if (g_strcmp0 (shown, text) == 0)
    return;
  if (GTK_IS_EDITABLE (binding->source))
    gtk_editable_set_text (GTK_EDITABLE (binding->source), text);
  else
    gtk_text_buffer_set_text (GTK_TEXT_BUFFER (binding->source), text, -1);
}

static char *
color_to_string (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) lround (CLAMP (rgba->red, 0, 1) * 255),
                          (int) lround (CLAMP (rgba->green, 0, 1) * 255),
                          (int) lround (CLAMP (rgba->blue, 0, 1) * 255));
}

/* How many decimals @number needs, up to what a spin button can show. */
static guint
digits_of (double number)
{
  guint digits = 0;
  double scale = 1;

  while (digits < MAX_DIGITS && fabs (round (number * scale) / scale - number) > 1e-9 * MAX (1.0, fabs (number)))
    {
      digits++;
      scale *= 10;
    }

  return digits;
}

/* Shows the target's value of @binding's property in its widget. */
static void
sync_binding (WmInspectorBindings *self,
              Binding             *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean was_syncing = self->syncing;

  g_value_init (&value, binding->pspec->value_type);
  g_object_get_property (self->target, binding->pspec->name, &value);

  self->syncing = TRUE;
  switch (binding->kind)
    {
    case BINDING_TEXT:
      {
        const char *text = g_value_get_string (&value);

        set_text (binding, text != NULL ? text : "");
        show_validity (binding, TRUE);
      }
      break;
    case BINDING_NUMBER:
      {
        g_auto(GValue) number = G_VALUE_INIT;

        g_value_init (&number, G_TYPE_DOUBLE);
        g_value_transform (&value, &number);
        /* Shown to the digits it has: a spin button parses what it shows
         * when the focus leaves it, and rounding would change the map. */
        if (G_IS_PARAM_SPEC_DOUBLE (binding->pspec))
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (binding->widget),
                                      digits_of (g_value_get_double (&number)));
        gtk_adjustment_set_value (GTK_ADJUSTMENT (binding->source), g_value_get_double (&number));
      }
      break;
    case BINDING_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (binding->source), g_value_get_boolean (&value));
      break;
    case BINDING_ENUM:
      {
        GEnumClass *enum_class = G_PARAM_SPEC_ENUM (binding->pspec)->enum_class;
        GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (&value));

        adw_combo_row_set_selected (ADW_COMBO_ROW (binding->source),
                                    enum_value != NULL ? (guint) (enum_value - enum_class->values)
                                                       : GTK_INVALID_LIST_POSITION);
      }
      break;
    case BINDING_REFERENCE:
      {
        const char *id = g_value_get_string (&value);
        guint position = GTK_INVALID_LIST_POSITION;

        for (guint i = 0; binding->ids != NULL && binding->ids[i] != NULL; i++)
          if (g_strcmp0 (binding->ids[i], id != NULL ? id : "") == 0)
            position = i;
        adw_combo_row_set_selected (ADW_COMBO_ROW (binding->source), position);
      }
      break;
    case BINDING_COLOR:
      {
        const char *color = g_value_get_string (&value);
        GdkRGBA rgba = { 0, 0, 0, 0 }; /* no colour of its own: the theme's */

        gboolean has_color = color != NULL && *color != '\0';

        if (has_color)
          gdk_rgba_parse (&rgba, color);
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (binding->source), &rgba);
        if (binding->reset != NULL)
          {
            GtkWidget *row = gtk_widget_get_ancestor (binding->widget, ADW_TYPE_ACTION_ROW);

            gtk_widget_set_visible (binding->reset, has_color);
            if (row != NULL)
              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), has_color ? "" : _("From the theme"));
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
  self->syncing = was_syncing;
}

static void
on_target_notify (GObject             *target,
                  GParamSpec          *pspec,
                  WmInspectorBindings *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->pspec->name == pspec->name) /* both interned */
        sync_binding (self, binding);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_history_changed (WmInspectorBindings *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_text_changed (GObject             *source,
                 WmInspectorBindings *self)
{
  Binding *binding;
  g_autofree char *text = NULL;
  gboolean valid;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing)
    return;

  binding = find_binding (self, source);
  text = get_text (binding);
  valid = is_valid_text (binding, text);
  show_validity (binding, valid);
  if (!valid)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  apply (self, binding, &value, FALSE);
}

static void
on_value_changed (GtkAdjustment       *adjustment,
                  WmInspectorBindings *self)
{
  Binding *binding = find_binding (self, adjustment);
  double number = gtk_adjustment_get_value (adjustment);
  g_auto(GValue) value = G_VALUE_INIT;

  /* GLib's conversion to an integer truncates; 4.9999 should be 5. */
  if (binding->pspec->value_type == G_TYPE_INT)
    {
      g_value_init (&value, G_TYPE_INT);
      g_value_set_int (&value, (int) lround (number));
    }
  else
    {
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, number);
    }
  apply (self, binding, &value, FALSE);
}

static void
on_switch_active (GtkSwitch           *toggle,
                  GParamSpec          *pspec,
                  WmInspectorBindings *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  apply (self, find_binding (self, toggle), &value, TRUE);
}

static void
on_combo_selected (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   WmInspectorBindings *self)
{
  Binding *binding = find_binding (self, row);
  guint position = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing || position == GTK_INVALID_LIST_POSITION)
    return;

  if (binding->kind == BINDING_ENUM)
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (binding->pspec)->enum_class;

      g_return_if_fail (position < enum_class->n_values);
      g_value_init (&value, binding->pspec->value_type);
      g_value_set_enum (&value, enum_class->values[position].value);
    }
  else
    {
      g_return_if_fail (binding->ids != NULL && position < g_strv_length (binding->ids));
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, binding->ids[position]);
    }
  apply (self, binding, &value, TRUE);
}

static void
on_color_set (GtkColorButton      *button,
              WmInspectorBindings *self)
{
  GdkRGBA rgba;
  g_auto(GValue) value = G_VALUE_INIT;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, color_to_string (&rgba));
  apply (self, find_binding (self, button), &value, TRUE);
}

static void
on_color_reset (GtkButton           *reset,
                WmInspectorBindings *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->reset == GTK_WIDGET (reset))
        {
          g_value_init (&value, G_TYPE_STRING);
          apply (self, binding, &value, TRUE);
          return;
        }
    }
}

static void
wm_inspector_bindings_dispose (GObject *object)
{
  WmInspectorBindings *self = WM_INSPECTOR_BINDINGS (object);

  wm_inspector_bindings_set_target (self, NULL, NULL);

  G_OBJECT_CLASS (wm_inspector_bindings_parent_class)->dispose (object);
}

static void
wm_inspector_bindings_finalize (GObject *object)
{
  WmInspectorBindings *self = WM_INSPECTOR_BINDINGS (object);

  g_ptr_array_unref (self->bindings);

  G_OBJECT_CLASS (wm_inspector_bindings_parent_class)->finalize (object);
}

static void
wm_inspector_bindings_class_init (WmInspectorBindingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_inspector_bindings_dispose;
  object_class->finalize = wm_inspector_bindings_finalize;

  /**
   * WmInspectorBindings::changed:
   *
   * The target changed, or one of its properties did, or the map did
   * (any step of its history): whatever the page shows beyond the bound
   * fields should be brought up to date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_inspector_bindings_init (WmInspectorBindings *self)
{
  self->bindings = g_ptr_array_new_with_free_func ((GDestroyNotify) binding_free);
}

/**
 * wm_inspector_bindings_new:
 * @target_type: the type of the objects the fields will edit, whose
 *   properties they are bound to
 */
WmInspectorBindings *
wm_inspector_bindings_new (GType target_type)
{
  WmInspectorBindings *self;

  g_return_val_if_fail (g_type_is_a (target_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (WM_TYPE_INSPECTOR_BINDINGS, NULL);
  self->target_type = target_type;

  return self;
}

/**
 * wm_inspector_bindings_set_target:
 * @document: (nullable): the map @target belongs to, whose history records
 *   the edits
 * @target: (nullable) (type GObject): the object the fields edit
 *
 * Shows @target's properties in the fields and starts following them.
 */
void
wm_inspector_bindings_set_target (WmInspectorBindings *self,
                                  WmDocument          *document,
                                  gpointer             target)
{
  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));
  g_return_if_fail (target == NULL || G_TYPE_CHECK_INSTANCE_TYPE (target, self->target_type));
  g_return_if_fail ((document == NULL) == (target == NULL));

  if (self->document == document && self->target == target)
    return;

  /* What was typed for the old target is a finished step. */
  seal (self);
  if (self->target != NULL)
    g_signal_handlers_disconnect_by_func (self->target, on_target_notify, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (wm_document_get_history (self->document),
                                          on_history_changed, self);

  g_set_object (&self->document, document);
  g_set_object (&self->target, target);
  if (target == NULL)
    return;

  g_signal_connect_object (self->target, "notify", G_CALLBACK (on_target_notify), self, 0);
  g_signal_connect_object (wm_document_get_history (document), "changed",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  wm_inspector_bindings_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * wm_inspector_bindings_refresh:
 *
 * Shows the target's values again, for when a page changed what a field
 * can show (the range of a number).
 */
void
wm_inspector_bindings_refresh (WmInspectorBindings *self)
{
  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));

  if (self->target == NULL)
    return;
  for (guint i = 0; i < self->bindings->len; i++)
    sync_binding (self, g_ptr_array_index (self->bindings, i));
}

/**
 * wm_inspector_bindings_get_document:
 *
 * Returns: (transfer none) (nullable): the map of the target
 */
WmDocument *
wm_inspector_bindings_get_document (WmInspectorBindings *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR_BINDINGS (self), NULL);

  return self->document;
}

/**
 * wm_inspector_bindings_get_target:
 *
 * Returns: (transfer none) (nullable) (type GObject): the object the fields edit
 */
gpointer
wm_inspector_bindings_get_target (WmInspectorBindings *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR_BINDINGS (self), NULL);

  return self->target;
}

/**
 * wm_inspector_bindings_end_bursts_in:
 *
 * Ends the burst of edits made in @widget when the focus leaves it or it
 * is pressed again: a second drag of a scale, or a click to move the
 * cursor before typing more, starts a step of its own.
 */
void
wm_inspector_bindings_end_bursts_in (WmInspectorBindings *self,
                                     GtkWidget           *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *press = gtk_gesture_click_new ();

  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));

  g_signal_connect_object (focus, "leave", G_CALLBACK (seal), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);

  /* Before the widget's own handling of the press, and without taking it. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (seal), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (press));
}

/**
 * wm_inspector_bindings_add_text:
 * @widget: an editable (such as an AdwEntryRow) or a WmInspectorTextRow
 * @property: a string property of the target
 *
 * Typing merges into one step until @widget loses the focus or, for one
 * line, Enter is pressed. A date property (WM_PARAM_DATE) takes only real
 * dates; other text is marked as an error and not recorded.
 */
void
wm_inspector_bindings_add_text (WmInspectorBindings *self,
                                GtkWidget           *widget,
                                const char          *property)
{
  GObject *source;

  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));
  g_return_if_fail (GTK_IS_EDITABLE (widget) || WM_IS_INSPECTOR_TEXT_ROW (widget));

  if (WM_IS_INSPECTOR_TEXT_ROW (widget))
    source = G_OBJECT (wm_inspector_text_row_get_buffer (WM_INSPECTOR_TEXT_ROW (widget)));
  else
    {
      source = G_OBJECT (widget);
      /* Ctrl+Z is the map's undo, not the field's (see wm-inspector-text-row.c). */
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
    }

  if (add_binding (self, BINDING_TEXT, source, widget, property) == NULL)
    return;

  g_signal_connect_object (source, "changed", G_CALLBACK (on_text_changed), self, 0);
  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_connect_object (widget, "entry-activated", G_CALLBACK (seal), self, G_CONNECT_SWAPPED);
  wm_inspector_bindings_end_bursts_in (self, widget);
}

/**
 * wm_inspector_bindings_add_spin:
 * @property: an integer or floating-point property of the target
 *
 * Binds the spin button's adjustment, and so any other widget sharing it
 * (a scale), and gives it the property's range; changes merge into one
 * step until the spin button loses the focus or is pressed again.
 */
void
wm_inspector_bindings_add_spin (WmInspectorBindings *self,
                                GtkSpinButton       *spin,
                                const char          *property)
{
  GtkAdjustment *adjustment;
  Binding *binding;

  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  wm_widget_set_numeric_direction (GTK_WIDGET (spin));

  adjustment = gtk_spin_button_get_adjustment (spin);
  binding = add_binding (self, BINDING_NUMBER, adjustment, GTK_WIDGET (spin), property);
  if (binding == NULL)
    return;

  /* The model's range, so that the field offers nothing it would refuse. */
  if (G_IS_PARAM_SPEC_INT (binding->pspec))
    {
      gtk_adjustment_set_lower (adjustment, G_PARAM_SPEC_INT (binding->pspec)->minimum);
      gtk_adjustment_set_upper (adjustment, G_PARAM_SPEC_INT (binding->pspec)->maximum);
    }
  else if (G_IS_PARAM_SPEC_DOUBLE (binding->pspec))
    {
      gtk_adjustment_set_lower (adjustment, G_PARAM_SPEC_DOUBLE (binding->pspec)->minimum);
      gtk_adjustment_set_upper (adjustment, G_PARAM_SPEC_DOUBLE (binding->pspec)->maximum);
    }

  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_value_changed), self, 0);
  wm_inspector_bindings_end_bursts_in (self, GTK_WIDGET (spin));
}

/**
 * wm_inspector_bindings_add_switch:
 * @property: a boolean property of the target
 */
void
wm_inspector_bindings_add_switch (WmInspectorBindings *self,
                                  GtkSwitch           *toggle,
                                  const char          *property)
{
  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));
  g_return_if_fail (GTK_IS_SWITCH (toggle));

  if (add_binding (self, BINDING_SWITCH, toggle, GTK_WIDGET (toggle), property) == NULL)
    return;

  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_active), self, 0);
}

static void
setup_icon_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_icon_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *image = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  GtkStringObject *string = gtk_list_item_get_item (item);
  GdkPaintable *icon = g_object_get_data (G_OBJECT (string), "wm-icon");

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_image_set_from_paintable (GTK_IMAGE (image), icon);
  /* A value without an icon ("None") keeps the icons' column. */
  gtk_widget_set_opacity (image, icon != NULL ? 1 : 0);
}

/**
 * wm_inspector_bindings_add_enum:
 * @property: a property of the target whose type is one of the model's
 *   enumerations (wm-enums.h)
 *
 * Fills @row with the enumeration's values, by their translated names and,
 * for channels and lane kinds, the map's icons.
 */
void
wm_inspector_bindings_add_enum (WmInspectorBindings *self,
                                AdwComboRow         *row,
                                const char          *property)
{
  Binding *binding;
  GEnumClass *enum_class;
  g_autoptr(GListStore) values = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  gboolean has_icons = FALSE;

  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  binding = add_binding (self, BINDING_ENUM, row, GTK_WIDGET (row), property);
  if (binding == NULL)
    return;
  g_return_if_fail (G_IS_PARAM_SPEC_ENUM (binding->pspec));

  enum_class = G_PARAM_SPEC_ENUM (binding->pspec)->enum_class;
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      GType type = G_TYPE_FROM_CLASS (enum_class);
      int value = enum_class->values[i].value;
      g_autoptr(GtkStringObject) string = gtk_string_object_new (wm_inspector_labels_enum (type, value));
      const char *icon = wm_inspector_labels_icon (type, value);

      if (icon != NULL)
        {
          g_object_set_data_full (G_OBJECT (string), "wm-icon", wm_inspector_icon_new (icon), g_object_unref);
          has_icons = TRUE;
        }
      g_list_store_append (values, string);
    }

  if (has_icons)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_icon_item), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_icon_item), NULL);
      adw_combo_row_set_factory (row, factory);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (values));

  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_combo_selected), self, 0);
}

/**
 * wm_inspector_bindings_add_reference:
 * @property: a string property of the target holding the id of another
 *   element
 *
 * The choices are given, and kept up to date, with
 * wm_inspector_bindings_set_references().
 */
void
wm_inspector_bindings_add_reference (WmInspectorBindings *self,
                                     AdwComboRow         *row,
                                     const char          *property)
{
  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  if (add_binding (self, BINDING_REFERENCE, row, GTK_WIDGET (row), property) == NULL)
    return;

  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_combo_selected), self, 0);
}

static gboolean
same_choices (Binding            *binding,
              GListModel         *shown,
              const char * const *ids,
              const char * const *labels)
{
  guint n = g_strv_length ((char **) ids);

  if (binding->ids == NULL || !g_strv_equal ((const char * const *) binding->ids, ids) ||
      shown == NULL || g_list_model_get_n_items (shown) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (shown, i);

      if (g_strcmp0 (gtk_string_object_get_string (string), labels[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * wm_inspector_bindings_set_references:
 * @elements: the personas, stages or lanes @row offers
 * @none_label: (nullable): what choosing none of them is called, if the
 *   property may be empty
 *
 * Gives a reference row its choices, and shows the target's value among
 * them. Called again when the elements may have changed (one was added,
 * removed or renamed), it rebuilds the choices only if they did.
 */
void
wm_inspector_bindings_set_references (WmInspectorBindings *self,
                                      AdwComboRow         *row,
                                      GListModel          *elements,
                                      const char          *none_label)
{
  Binding *binding;
  guint n = g_list_model_get_n_items (elements);
  g_autoptr(GStrvBuilder) id_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) label_builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) labels = NULL;
  g_autoptr(GListStore) choices = NULL;
  gboolean was_syncing = self->syncing;

  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));

  binding = find_binding (self, row);
  g_return_if_fail (binding != NULL && binding->kind == BINDING_REFERENCE);

  if (none_label != NULL)
    {
      g_strv_builder_add (id_builder, "");
      g_strv_builder_add (label_builder, none_label);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (elements, i);

      g_strv_builder_add (id_builder, wm_element_get_id (element));
      g_strv_builder_add (label_builder, wm_inspector_labels_element (element));
    }
  ids = g_strv_builder_end (id_builder);
  labels = g_strv_builder_end (label_builder);

  if (same_choices (binding, adw_combo_row_get_model (row),
                    (const char * const *) ids, (const char * const *) labels))
    return;

  choices = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autoptr(GtkStringObject) string = gtk_string_object_new (labels[i]);

      g_list_store_append (choices, string);
    }
  g_strfreev (binding->ids);
  binding->ids = g_steal_pointer (&ids);

  self->syncing = TRUE;
  adw_combo_row_set_model (row, G_LIST_MODEL (choices));
  self->syncing = was_syncing;
  if (self->target != NULL)
    sync_binding (self, binding);
}

/**
 * wm_inspector_bindings_add_color:
 * @reset: (nullable): a button that clears the colour, for a property whose
 *   empty value means the theme's colour; it is shown only when there is a
 *   colour to clear
 * @property: a string property of the target holding "#rrggbb"
 */
void
wm_inspector_bindings_add_color (WmInspectorBindings *self,
                                 GtkColorButton      *button,
                                 GtkWidget           *reset,
                                 const char          *property)
{
  Binding *binding;

  g_return_if_fail (WM_IS_INSPECTOR_BINDINGS (self));
  g_return_if_fail (GTK_IS_COLOR_BUTTON (button));
  g_return_if_fail (reset == NULL || GTK_IS_BUTTON (reset));

  binding = add_binding (self, BINDING_COLOR, button, GTK_WIDGET (button), property);
  if (binding == NULL)
    return;
  binding->reset = reset;

  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  g_signal_connect_object (button, "color-set", G_CALLBACK (on_color_set), self, 0);
  if (reset != NULL)
    g_signal_connect_object (reset, "clicked", G_CALLBACK (on_color_reset), self, 0);
}
