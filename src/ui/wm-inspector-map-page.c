/* wm-inspector-map-page.c: the inspector's form for the map itself.
 *
 * Shown when nothing is selected, so that the panel is never empty and
 * the map's own settings (title, kind, direction, emotion scale and the
 * words for its scores) have a place; its heading says how to edit an item
 * instead.
 */
#include "wm-inspector-map-page.h"

#include "wm-inspector-text-row.h"
#include "wm-labels.h"

struct _WmInspectorMapPage
{
  WmInspectorPage parent_instance;

  AdwEntryRow *title_row;
  WmInspectorTextRow *description_row;
  AdwComboRow *kind_row;
  AdwComboRow *direction_row;
  GtkSpinButton *scale_min_spin;
  GtkSpinButton *scale_max_spin;
  AdwPreferencesGroup *words_group;
  GPtrArray *word_rows;     /* an AdwEntryRow for each score, lowest first */
  int words_min;            /* the scale the rows were made for */
  int words_max;
};

G_DEFINE_FINAL_TYPE (WmInspectorMapPage, wm_inspector_map_page, WM_TYPE_INSPECTOR_PAGE)

/* The scale's words with the one of @row changed to its text: a word for
 * every score, or none at all when every word is empty. */
static char **
words_with (WmInspectorMapPage *self,
            GtkWidget          *row)
{
  WmDocument *document = WM_DOCUMENT (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self)));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint i = 0; i < self->word_rows->len; i++)
    {
      GtkWidget *each = g_ptr_array_index (self->word_rows, i);
      const char *word = each == row ? gtk_editable_get_text (GTK_EDITABLE (each))
                                     : wm_document_get_scale_label (document, self->words_min + (int) i);

      word = word != NULL ? word : "";
      any |= *word != '\0';
      g_strv_builder_add (builder, word);
    }
  return any ? g_strv_builder_end (builder) : NULL;
}

static void
on_word_changed (GtkEditable        *row,
                 WmInspectorMapPage *self)
{
  WmDocument *document = WM_DOCUMENT (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self)));
  g_auto(GStrv) words = NULL;
  const char *now;

  if (document == NULL)
    return;
  now = wm_document_get_scale_label (document, self->words_min + (int) GPOINTER_TO_INT (
                                       g_object_get_data (G_OBJECT (row), "wm-index")));
  if (g_strcmp0 (now != NULL ? now : "", gtk_editable_get_text (row)) == 0)
    return;

  words = words_with (self, GTK_WIDGET (row));
  /* Typing merges into one step, as in the other fields. */
  wm_history_set (wm_document_get_history (document), document, "scale-labels", words, NULL);
}

/* A row for each score of the scale, remade when the scale changes. */
static void
update_words (WmInspectorPage *page)
{
  WmInspectorMapPage *self = WM_INSPECTOR_MAP_PAGE (page);
  WmDocument *document = WM_DOCUMENT (wm_inspector_page_get_element (page));
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (page);
  int min, max;

  if (document == NULL)
    return;
  min = wm_document_get_scale_min (document);
  max = wm_document_get_scale_max (document);

  if (min != self->words_min || max != self->words_max)
    {
      for (guint i = 0; i < self->word_rows->len; i++)
        adw_preferences_group_remove (self->words_group, g_ptr_array_index (self->word_rows, i));
      g_ptr_array_set_size (self->word_rows, 0);
      for (int score = min; score <= max; score++)
        {
          g_autofree char *value = wm_labels_score (score);
          GtkWidget *row = adw_entry_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
          g_object_set_data (G_OBJECT (row), "wm-index", GINT_TO_POINTER (score - min));
          g_signal_connect (row, "changed", G_CALLBACK (on_word_changed), self);
          wm_inspector_bindings_end_bursts_in (bindings, row);
          adw_preferences_group_add (self->words_group, row);
          g_ptr_array_add (self->word_rows, row);
        }
      self->words_min = min;
      self->words_max = max;
    }

  for (guint i = 0; i < self->word_rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->word_rows, i);
      const char *word = wm_document_get_scale_label (document, min + (int) i);

      /* Not under the cursor of someone typing in it, and not as an edit. */
      if (g_strcmp0 (gtk_editable_get_text (row), word != NULL ? word : "") != 0)
        {
          g_signal_handlers_block_by_func (row, on_word_changed, self);
          gtk_editable_set_text (row, word != NULL ? word : "");
          g_signal_handlers_unblock_by_func (row, on_word_changed, self);
        }
    }
}

static void
wm_inspector_map_page_finalize (GObject *object)
{
  g_ptr_array_unref (WM_INSPECTOR_MAP_PAGE (object)->word_rows);

  G_OBJECT_CLASS (wm_inspector_map_page_parent_class)->finalize (object);
}

static void
wm_inspector_map_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_INSPECTOR_MAP_PAGE);

  G_OBJECT_CLASS (wm_inspector_map_page_parent_class)->dispose (object);
}

static void
wm_inspector_map_page_class_init (WmInspectorMapPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_inspector_map_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = wm_inspector_map_page_finalize;
  WM_INSPECTOR_PAGE_CLASS (klass)->element_type = WM_TYPE_DOCUMENT;
  WM_INSPECTOR_PAGE_CLASS (klass)->update = update_words;

  g_type_ensure (WM_TYPE_INSPECTOR_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, direction_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, scale_min_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, scale_max_spin);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, words_group);
}

static void
wm_inspector_map_page_init (WmInspectorMapPage *self)
{
  WmInspectorBindings *bindings = wm_inspector_page_get_bindings (WM_INSPECTOR_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->word_rows = g_ptr_array_new ();
  self->words_min = 1;
  self->words_max = 0; /* no rows yet */

  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->title_row), "title");
  wm_inspector_bindings_add_text (bindings, GTK_WIDGET (self->description_row), "description");
  wm_inspector_bindings_add_enum (bindings, self->kind_row, "kind");
  wm_inspector_bindings_add_enum (bindings, self->direction_row, "direction");
  wm_inspector_bindings_add_spin (bindings, self->scale_min_spin, "scale-min");
  wm_inspector_bindings_add_spin (bindings, self->scale_max_spin, "scale-max");
}
