/* wm-inspector-evidence-row.c: one piece of evidence, folded into a row.
 *
 * Folded, the row says what the evidence is in a line (a survey,
 * solicited, of 120 people, in May 2024); unfolded, it edits every field.
 * Removing it is the list's business, which knows where it is: the row
 * only asks, with the "remove" signal.
 */
#include "wm-inspector-evidence-row.h"

#include <glib/gi18n.h>

#include "wm-enum-types.h"
#include "wm-inspector-bindings.h"
#include "wm-inspector-labels.h"
#include "wm-inspector-text-row.h"

struct _WmInspectorEvidenceRow
{
  AdwExpanderRow parent_instance;

  AdwComboRow *source_row;
  GtkSwitch *solicited_switch;
  GtkSpinButton *sample_size_spin;
  AdwEntryRow *date_row;
  WmInspectorTextRow *note_row;
  AdwEntryRow *link_row;

  WmInspectorBindings *bindings;
};

G_DEFINE_FINAL_TYPE (WmInspectorEvidenceRow, wm_inspector_evidence_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_summary (WmInspectorEvidenceRow *self)
{
  WmEvidence *evidence = wm_inspector_bindings_get_target (self->bindings);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;

  if (evidence == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 wm_inspector_labels_enum (WM_TYPE_SOURCE_KIND,
                                                           wm_evidence_get_source_kind (evidence)));

  g_ptr_array_add (parts, g_strdup (wm_evidence_get_solicited (evidence) ? _("Solicited") : _("Unsolicited")));
  if (wm_evidence_get_sample_size (evidence) > 0)
    /* TRANSLATORS: the size of a sample: how many people or records */
    g_ptr_array_add (parts, g_strdup_printf (_("n = %d"), wm_evidence_get_sample_size (evidence)));
  if (*wm_evidence_get_date (evidence) != '\0')
    g_ptr_array_add (parts, g_strdup (wm_evidence_get_date (evidence)));
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: what separates the facts summing up a piece of evidence */
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
request_remove (WmInspectorEvidenceRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
wm_inspector_evidence_row_dispose (GObject *object)
{
  WmInspectorEvidenceRow *self = WM_INSPECTOR_EVIDENCE_ROW (object);

  g_clear_object (&self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_EVIDENCE_ROW);

  G_OBJECT_CLASS (wm_inspector_evidence_row_parent_class)->dispose (object);
}

static void
wm_inspector_evidence_row_class_init (WmInspectorEvidenceRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_evidence_row_dispose;

  /**
   * WmInspectorEvidenceRow::remove:
   *
   * The user asked to remove this evidence from its element.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (WM_TYPE_INSPECTOR_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-evidence-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorEvidenceRow, source_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorEvidenceRow, solicited_switch);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorEvidenceRow, sample_size_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorEvidenceRow, date_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorEvidenceRow, note_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorEvidenceRow, link_row);
  gtk_widget_class_bind_template_callback (widget_class, request_remove);
}

static void
wm_inspector_evidence_row_init (WmInspectorEvidenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = wm_inspector_bindings_new (WM_TYPE_EVIDENCE);
  wm_inspector_bindings_add_enum (self->bindings, self->source_row, "source-kind");
  wm_inspector_bindings_add_switch (self->bindings, self->solicited_switch, "solicited");
  wm_inspector_bindings_add_spin (self->bindings, self->sample_size_spin, "sample-size");
  wm_inspector_bindings_add_text (self->bindings, GTK_WIDGET (self->date_row), "date");
  wm_inspector_bindings_add_text (self->bindings, GTK_WIDGET (self->note_row), "note");
  wm_inspector_bindings_add_text (self->bindings, GTK_WIDGET (self->link_row), "link");
  g_signal_connect_object (self->bindings, "changed", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
}

/**
 * wm_inspector_evidence_row_new:
 * @document: the map the evidence belongs to
 * @evidence: the evidence to show and edit
 */
GtkWidget *
wm_inspector_evidence_row_new (WmDocument *document,
                               WmEvidence *evidence)
{
  WmInspectorEvidenceRow *self;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (WM_IS_EVIDENCE (evidence), NULL);

  self = g_object_new (WM_TYPE_INSPECTOR_EVIDENCE_ROW, NULL);
  wm_inspector_bindings_set_target (self->bindings, document, evidence);

  return GTK_WIDGET (self);
}

/**
 * wm_inspector_evidence_row_get_evidence:
 *
 * Returns: (transfer none): the evidence the row edits
 */
WmEvidence *
wm_inspector_evidence_row_get_evidence (WmInspectorEvidenceRow *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR_EVIDENCE_ROW (self), NULL);

  return wm_inspector_bindings_get_target (self->bindings);
}
