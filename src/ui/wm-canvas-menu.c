/* wm-canvas-menu.c: what a right click on the canvas offers.
 *
 * The menu only names actions: the window implements the win.* ones for
 * its selection (which a right click has just made), the canvas the
 * editing in place. The shortcuts shown are those the window and the
 * canvas bind.
 */
#include "wm-canvas-menu.h"

#include <glib/gi18n.h>

#include "wm-canvas-editor.h"
#include "wm-card.h"
#include "wm-emotion-point.h"
#include "wm-enum-types.h"
#include "wm-labels.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"

static void
append (GMenu      *menu,
        const char *label,
        const char *action,
        const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

/* "Add Lane ▸" with one entry for each kind of lane. */
static void
append_lane_kinds (GMenu *menu)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (WM_TYPE_LANE_KIND);
  g_autoptr(GMenu) submenu = g_menu_new ();

  for (guint i = 0; i < kinds->n_values; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (wm_labels_lane_kind (kinds->values[i].value), NULL);

      g_menu_item_set_action_and_target (item, "win.add-lane", "s", kinds->values[i].value_nick);
      g_menu_append_item (submenu, item);
    }
  g_menu_append_submenu (menu, _("Add _Lane"), G_MENU_MODEL (submenu));
}

static void
append_section (GMenu *menu,
                GMenu *section)
{
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

GMenuModel *
wm_canvas_menu_new (WmElement *element)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) clipboard = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();

  g_return_val_if_fail (element == NULL || WM_IS_ELEMENT (element), NULL);

  if (element != NULL && wm_canvas_editor_property_for (element) != NULL)
    append (edit, WM_IS_CARD (element) || WM_IS_MOMENT (element) ? _("_Edit Text") : _("_Rename"),
            "canvas.edit", "Return");

  if (element == NULL)
    {
      append (clipboard, _("_Paste"), "win.paste", "<Control>v");
      append (clipboard, _("Select _All"), "win.select-all", "<Control>a");
    }
  else if (WM_IS_EMOTION_POINT (element))
    {
      /* A persona has one point per stage: there is nothing to duplicate. */
      append (clipboard, _("_Copy"), "win.copy", "<Control>c");
      append (clipboard, _("_Delete"), "win.delete", "Delete");
    }
  else
    {
      append (clipboard, _("Cu_t"), "win.cut", "<Control>x");
      append (clipboard, _("_Copy"), "win.copy", "<Control>c");
      append (clipboard, _("_Paste"), "win.paste", "<Control>v");
      append (clipboard, _("_Duplicate"), "win.duplicate", "<Control>d");
      append (clipboard, _("_Delete"), "win.delete", "Delete");
    }

  if (element == NULL || WM_IS_STAGE (element))
    append (add, _("Add _Stage"), "win.add-stage", NULL);
  if (WM_IS_CARD (element) || WM_IS_LANE (element))
    append (add, _("Add _Card"), "win.add-card", NULL);
  if (WM_IS_STAGE (element) || WM_IS_MOMENT (element))
    append (add, _("Add _Moment of Truth"), "win.add-moment", NULL);
  if (element == NULL || WM_IS_LANE (element))
    append_lane_kinds (add);
  if (element == NULL || WM_IS_PERSONA (element))
    append (add, _("Add _Persona"), "win.add-persona", NULL);

  append_section (menu, edit);
  append_section (menu, clipboard);
  append_section (menu, add);

  return G_MENU_MODEL (menu);
}
