/* test-shortcuts.c: the shortcuts window lists every key the window and
 * the canvas answer to, and each key it lists does something. */
#include <adwaita.h>

#include "test-ui.h"
#include "wm-canvas.h"
#include "wm-window.h"

typedef struct
{
  guint keyval;
  GdkModifierType modifiers;
} Key;

/* Keypad and ISO keys are the same keys again, for other keyboards. */
static gboolean
is_alternative (guint keyval)
{
  const char *name = gdk_keyval_name (keyval);

  return name != NULL && (g_str_has_prefix (name, "KP_") || g_str_has_prefix (name, "ISO_"));
}

static GArray *
listed_keys (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/waymark/Waymark/gtk/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (Key));

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accelerators = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      accelerators = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accelerators[i] != NULL; i++)
        {
          Key key;

          g_assert_true (gtk_accelerator_parse (accelerators[i], &key.keyval, &key.modifiers));
          g_array_append_val (keys, key);
        }
    }
  g_slist_free (objects);
  return keys;
}

static gboolean
contains (GArray *keys,
          guint   keyval,
          GdkModifierType modifiers)
{
  keyval = gdk_keyval_to_lower (keyval);
  for (guint i = 0; i < keys->len; i++)
    {
      Key *key = &g_array_index (keys, Key, i);

      if (gdk_keyval_to_lower (key->keyval) == keyval && key->modifiers == modifiers)
        return TRUE;
    }
  return FALSE;
}

/* The keys @widget's class binds, into @bound. */
static void
collect_bound (GtkWidget *widget,
               GArray    *bound)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          Key key;

          /* GTK's own (the inspector, focus moves) are signal actions. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || GTK_IS_SIGNAL_ACTION (gtk_shortcut_get_action (shortcut)))
            continue;
          key.keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          key.modifiers = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
          if (!is_alternative (key.keyval))
            g_array_append_val (bound, key);
        }
    }
}

static void
test_all_listed (void)
{
  g_autoptr(GArray) listed = listed_keys ();
  g_autoptr(GArray) bound = g_array_new (FALSE, FALSE, sizeof (Key));
  WmWindow *window = wm_window_new (NULL);

  collect_bound (GTK_WIDGET (window), bound);
  collect_bound (GTK_WIDGET (wm_window_get_canvas (window)), bound);
  g_assert_cmpuint (bound->len, >, 20);

  for (guint i = 0; i < bound->len; i++)
    {
      Key *key = &g_array_index (bound, Key, i);
      g_autofree char *name = gtk_accelerator_name (key->keyval, key->modifiers);

      if (!contains (listed, key->keyval, key->modifiers))
        g_error ("%s is not in the shortcuts window", name);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each key the shortcuts window lists is bound by the window or the
 * canvas, or is one the application or GTK itself provides. */
static void
test_all_work (void)
{
  static const char * const elsewhere[] = {
    "<Control>n", "<Control>q", "<Control>w", "<Control>comma", /* the application's accelerators */
    "<Control>question", "F10",                /* GTK: the shortcuts window, the primary menu */
    "Escape",                                  /* the editor in place, the canvas */
  };
  g_autoptr(GArray) listed = listed_keys ();
  g_autoptr(GArray) bound = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (Key));
  WmWindow *window = wm_window_new (NULL);

  collect_bound (GTK_WIDGET (window), bound);
  collect_bound (GTK_WIDGET (wm_window_get_canvas (window)), bound);
  for (guint i = 0; i < G_N_ELEMENTS (elsewhere); i++)
    {
      Key key;

      g_assert_true (gtk_accelerator_parse (elsewhere[i], &key.keyval, &key.modifiers));
      g_array_append_val (other, key);
    }

  for (guint i = 0; i < listed->len; i++)
    {
      Key *key = &g_array_index (listed, Key, i);
      g_autofree char *name = gtk_accelerator_name (key->keyval, key->modifiers);

      if (!contains (bound, key->keyval, key->modifiers) && !contains (other, key->keyval, key->modifiers))
        g_error ("%s is listed but nothing answers to it", name);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/shortcuts/all-listed", test_all_listed);
  g_test_add_func ("/shortcuts/all-work", test_all_work);

  return g_test_run ();
}
