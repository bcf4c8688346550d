/* wm-inspector-card-page.c: the inspector's form for a card.
 *
 * Which of a card's fields mean something depends on its lane: a channel on
 * a touchpoint, impact, effort, owner and status on an opportunity, the
 * figures of a KPI. The page shows those of the lane the card is in now,
 * which a drag or an undo can change while it is shown.
 */
#include "wm-inspector-card-page.h"

#include <glib/gi18n.h>

#include "wm-edit.h"
#include "wm-inspector-icon.h"
#include "wm-inspector-labels.h"
#include "wm-inspector-text-row.h"

struct _WmInspectorCardPage
{
  WmInspectorPage parent_instance;

  AdwPreferencesGroup *card_group;
  WmInspectorTextRow *text_row;
  AdwPreferencesGroup *touchpoint_group;
  AdwComboRow *channel_row;
  AdwPreferencesGroup *opportunity_group;
  GtkWidget *quick_win_row;
  GtkImage *quick_win_icon;
  GtkSpinButton *impact_spin;
  GtkSpinButton *effort_spin;
  AdwEntryRow *owner_row;
  AdwComboRow *status_row;
  AdwPreferencesGroup *kpi_group;
  AdwEntryRow *kpi_name_row;
  AdwEntryRow *kpi_unit_row;
  GtkSpinButton *kpi_current_spin;
  GtkSpinButton *kpi_target_spin;
};

G_DEFINE_FINAL_TYPE (WmInspectorCardPage, wm_inspector_card_page, WM_TYPE_INSPECTOR_PAGE)

static void
wm_inspector_card_page_update (WmInspectorPage *page)
{
  WmInspectorCardPage *self = WM_INSPECTOR_CARD_PAGE (page);
  WmCard *card = WM_CARD (wm_inspector_page_get_element (page));
  WmLane *lane = NULL;
  WmStage *stage = NULL;
  WmLaneKind kind = WM_LANE_KIND_NOTES;
  g_autofree char *place = NULL;

  if (wm_edit_find_card (wm_inspector_page_get_document (page), card, &lane, &stage, NULL))
    {
      kind = wm_lane_get_kind (lane);
      /* TRANSLATORS: where a card is: the name of its lane, then of its stage */
      place = g_strdup_printf (_("In %s, at %s"),
                               wm_inspector_labels_element (WM_ELEMENT (lane)),
                               wm_inspector_labels_element (WM_ELEMENT (stage)));
    }
  adw_preferences_group_set_description (self->card_group, place);

  gtk_widget_set_visible (GTK_WIDGET (self->touchpoint_group), kind == WM_LANE_KIND_TOUCHPOINTS);
  gtk_widget_set_visible (GTK_WIDGET (self->opportunity_group), kind == WM_LANE_KIND_OPPORTUNITIES);
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_group), kind == WM_LANE_KIND_KPIS);
  gtk_widget_set_visible (self->quick_win_row, wm_card_is_quick_win (card));
}

static void
wm_inspector_card_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_CARD_PAGE);

  G_OBJECT_CLASS (wm_inspector_card_page_parent_class)->dispose (object);
}

static void
wm_inspector_card_page_class_init (WmInspectorCardPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WmInspectorPageClass *page_class = WM_INSPECTOR_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_card_page_dispose;
  page_class->element_type = WM_TYPE_CARD;
  page_class->update = wm_inspector_card_page_update;

  g_type_ensure (WM_TYPE_INSPECTOR_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-card-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, card_group);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, text_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, touchpoint_group);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, opportunity_group);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, quick_win_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, quick_win_icon);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, impact_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, effort_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, kpi_name_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, kpi_unit_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, kpi_current_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorCardPage, kpi_target_spin);
}

static void
wm_inspector_card_page_init (WmInspectorCardPage *self)
{
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self));
  g_autoptr(WmInspectorIcon) quick_win = wm_inspector_icon_new ("quick-win");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_image_set_from_paintable (self->quick_win_icon, GDK_PAINTABLE (quick_win));

  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->text_row), "text");
  wm_inspector_bindings_add_enum (bindings, self->channel_row, "channel");
  wm_inspector_bindings_add_spin (bindings, self->impact_spin, "impact");
  wm_inspector_bindings_add_spin (bindings, self->effort_spin, "effort");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->owner_row), "owner");
  wm_inspector_bindings_add_enum (bindings, self->status_row, "status");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->kpi_name_row), "kpi-name");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->kpi_unit_row), "kpi-unit");
  wm_inspector_bindings_add_spin (bindings, self->kpi_current_spin, "kpi-current");
  wm_inspector_bindings_add_spin (bindings, self->kpi_target_spin, "kpi-target");
}
