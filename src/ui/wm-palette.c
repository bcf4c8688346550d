/* wm-palette.c: the side panel new elements are dragged from.
 *
 * Each row is a drag source carrying a WmPaletteItem: dropped on the map,
 * the element goes where it lands (wm-canvas-drag.c). The same rows are
 * the keyboard's way: activating one runs the window's action that adds
 * the element beside the selection.
 */
#include "wm-palette.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-card.h"
#include "wm-enum-types.h"
#include "wm-icons.h"
#include "wm-inspector-icon.h"
#include "wm-labels.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-palette-item.h"
#include "wm-persona.h"
#include "wm-stage.h"

struct _WmPalette
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
};

G_DEFINE_FINAL_TYPE (WmPalette, wm_palette, GTK_TYPE_WIDGET)

static GdkContentProvider *
on_prepare (GtkDragSource *source,
            double         x,
            double         y,
            WmPaletteItem *item)
{
  return gdk_content_provider_new_typed (WM_TYPE_PALETTE_ITEM, item);
}

/* The row itself, under the pointer, as it was picked up. */
static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);
  double x, y;

  gtk_gesture_drag_get_start_point (GTK_GESTURE_DRAG (source), &x, &y);
  gtk_drag_source_set_icon (source, paintable, (int) x, (int) y);
}

static void
on_activate (GtkListBox    *list,
             GtkListBoxRow *row,
             gpointer       data)
{
  WmPaletteItem *item = g_object_get_data (G_OBJECT (row), "wm-palette-item");
  GType type = wm_palette_item_get_element_type (item);

  if (type == WM_TYPE_LANE)
    {
      g_autoptr(GEnumClass) kinds = g_type_class_ref (WM_TYPE_LANE_KIND);
      GEnumValue *kind = g_enum_get_value (kinds, wm_palette_item_get_lane_kind (item));

      gtk_widget_activate_action (GTK_WIDGET (row), "win.add-lane", "s", kind->value_nick);
    }
  else if (type == WM_TYPE_STAGE)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.add-stage", NULL);
  else if (type == WM_TYPE_PERSONA)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.add-persona", NULL);
  else if (type == WM_TYPE_CARD)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.add-card", NULL);
  else if (type == WM_TYPE_MOMENT)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.add-moment", NULL);
}

static void
add_row (GtkListBox    *list,
         WmPaletteItem *item,
         GdkPaintable  *icon,
         const char    *icon_name,
         const char    *name,
         const char    *tooltip)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = icon != NULL ? gtk_image_new_from_paintable (icon) : gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (name);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "wm-palette-item", item, g_object_unref);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_prepare), item, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin), row, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_list_box_append (list, row);
}

static GtkListBox *
add_section (GtkBox     *box,
             const char *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_start (heading, 18);
  gtk_widget_set_margin_end (heading, 18);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (heading, 3);
  gtk_box_append (box, heading);

  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_activate), NULL);
  gtk_box_append (box, list);

  return GTK_LIST_BOX (list);
}

static void
wm_palette_dispose (GObject *object)
{
  WmPalette *self = WM_PALETTE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (wm_palette_parent_class)->dispose (object);
}

static void
wm_palette_class_init (WmPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_palette_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wm-palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_palette_init (WmPalette *self)
{
  static const WmLaneKind lane_kinds[] = {
    WM_LANE_KIND_ACTIONS, WM_LANE_KIND_THOUGHTS, WM_LANE_KIND_FEELINGS, WM_LANE_KIND_TOUCHPOINTS,
    WM_LANE_KIND_EMOTION_CURVE, WM_LANE_KIND_PAIN_POINTS, WM_LANE_KIND_GAINS,
    WM_LANE_KIND_MOMENTS_OF_TRUTH, WM_LANE_KIND_OPPORTUNITIES, WM_LANE_KIND_FRONTSTAGE,
    WM_LANE_KIND_BACKSTAGE, WM_LANE_KIND_KPIS, WM_LANE_KIND_NOTES,
  };
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  g_autoptr(GdkPaintable) moment_icon =
    GDK_PAINTABLE (wm_inspector_icon_new (wm_icons_for_lane_kind (WM_LANE_KIND_MOMENTS_OF_TRUTH)));
  GtkListBox *list;

  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 12);

  list = add_section (box, _("Drag onto the Map"));
  add_row (list, wm_palette_item_new (WM_TYPE_STAGE, 0), NULL, "view-dual-symbolic", _("Stage"),
           _("Drop between two stages; Enter adds one after the selected stage"));
  add_row (list, wm_palette_item_new (WM_TYPE_CARD, 0), NULL, "insert-text-symbolic", _("Card"),
           _("Drop into a lane’s cell; Enter adds one to the selected cell"));
  add_row (list, wm_palette_item_new (WM_TYPE_MOMENT, 0), moment_icon, NULL, _("Moment of truth"),
           _("Drop onto a stage or a cell; Enter adds one to the selected stage"));
  add_row (list, wm_palette_item_new (WM_TYPE_PERSONA, 0), NULL, "system-users-symbolic", _("Persona"),
           _("Drop anywhere on the map to add a persona to its legend"));

  list = add_section (box, _("Lanes"));
  for (guint i = 0; i < G_N_ELEMENTS (lane_kinds); i++)
    {
      g_autoptr(GdkPaintable) icon = GDK_PAINTABLE (wm_inspector_icon_new (wm_icons_for_lane_kind (lane_kinds[i])));

      add_row (list, wm_palette_item_new (WM_TYPE_LANE, lane_kinds[i]), icon, NULL,
               wm_labels_lane_kind (lane_kinds[i]),
               _("Drop between two lanes; Enter adds one below the selected lane"));
    }

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (box));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Palette"), -1);
}

GtkWidget *
wm_palette_new (void)
{
  return g_object_new (WM_TYPE_PALETTE, NULL);
}
