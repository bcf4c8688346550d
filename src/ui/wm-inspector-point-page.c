/* wm-inspector-point-page.c: the inspector's form for an emotion point.
 *
 * A point is one persona's feeling at one stage; which persona and stage
 * is what the point is, so the page says it rather than offering to change
 * it. The score moves within the map's emotion scale, by a scale marked
 * with its steps or a spin button, and is named by the scale's label.
 */
#include "wm-inspector-point-page.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-inspector-labels.h"
#include "wm-inspector-text-row.h"

struct _WmInspectorPointPage
{
  WmInspectorPage parent_instance;

  AdwPreferencesGroup *point_group;
  AdwActionRow *score_row;
  GtkSpinButton *score_spin;
  GtkScale *score_scale;
  AdwEntryRow *label_row;
  WmInspectorTextRow *note_row;

  int scale_min, scale_max; /* the marks on the scale are for these */
};

G_DEFINE_FINAL_TYPE (WmInspectorPointPage, wm_inspector_point_page, WM_TYPE_INSPECTOR_PAGE)

static void
update_scale (WmInspectorPointPage *self,
              WmDocument           *document)
{
  int scale_min = wm_document_get_scale_min (document);
  int scale_max = wm_document_get_scale_max (document);
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->score_spin);

  if (scale_min == self->scale_min && scale_max == self->scale_max)
    return;
  self->scale_min = scale_min;
  self->scale_max = scale_max;

  gtk_adjustment_set_lower (adjustment, scale_min);
  gtk_adjustment_set_upper (adjustment, scale_max);
  gtk_scale_clear_marks (self->score_scale);
  for (int score = scale_min; score <= scale_max; score++)
    {
      g_autofree char *number = g_strdup_printf ("%d", score);

      gtk_scale_add_mark (self->score_scale, score, GTK_POS_BOTTOM,
                          score == scale_min || score == 0 || score == scale_max ? number : NULL);
    }
  /* A narrower range may have clamped the value shown. */
  wm_inspector_bindings_refresh (wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self)));
}

static void
wm_inspector_point_page_update (WmInspectorPage *page)
{
  WmInspectorPointPage *self = WM_INSPECTOR_POINT_PAGE (page);
  WmDocument *document = wm_inspector_page_get_document (page);
  WmEmotionPoint *point = WM_EMOTION_POINT (wm_inspector_page_get_element (page));
  WmElement *persona = wm_document_find (wm_document_get_personas (document),
                                         wm_emotion_point_get_persona (point), NULL);
  WmElement *stage = wm_document_find (wm_document_get_stages (document),
                                       wm_emotion_point_get_stage (point), NULL);
  const char *label = wm_document_get_scale_label (document, (int) lround (wm_emotion_point_get_score (point)));
  g_autofree char *where = NULL;

  if (persona != NULL && stage != NULL)
    /* TRANSLATORS: a persona's name, then a stage's */
    where = g_strdup_printf (_("How %s feels at %s"),
                             wm_inspector_labels_element (persona),
                             wm_inspector_labels_element (stage));
  adw_preferences_group_set_description (self->point_group, where);

  update_scale (self, document);
  adw_action_row_set_subtitle (self->score_row, label != NULL ? label : "");
}

static void
wm_inspector_point_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_POINT_PAGE);

  G_OBJECT_CLASS (wm_inspector_point_page_parent_class)->dispose (object);
}

static void
wm_inspector_point_page_class_init (WmInspectorPointPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WmInspectorPageClass *page_class = WM_INSPECTOR_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_point_page_dispose;
  page_class->element_type = WM_TYPE_EMOTION_POINT;
  page_class->update = wm_inspector_point_page_update;

  g_type_ensure (WM_TYPE_INSPECTOR_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-point-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPointPage, point_group);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPointPage, score_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPointPage, score_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPointPage, score_scale);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPointPage, label_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorPointPage, note_row);
}

static void
wm_inspector_point_page_init (WmInspectorPointPage *self)
{
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The scale shares the spin button's adjustment, and so its binding. */
  wm_inspector_bindings_add_spin (bindings, self->score_spin, "score");
  wm_inspector_bindings_end_bursts_in (bindings, GTK_WIDGET (self->score_scale));
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->label_row), "label");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->note_row), "note");

  /* Impossible bounds, so that the first map's scale is always applied. */
  self->scale_min = 1;
  self->scale_max = -1;
}
