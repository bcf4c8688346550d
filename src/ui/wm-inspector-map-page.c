/* wm-inspector-map-page.c: the inspector's form for the map itself.
 *
 * Shown when nothing is selected, so that the panel is never empty and
 * the map's own settings (title, kind, direction, emotion scale and the
 * words for its scores) have a place; its heading says how to edit an item
 * instead. A future-state map also names here the current-state map it
 * improves on, found from the map's own file.
 */
#include "wm-inspector-map-page.h"

#include <glib/gi18n.h>

#include "wm-compare.h"
#include "wm-compat.h"
#include "wm-inspector-text-row.h"
#include "wm-labels.h"
#include "wm-window.h"

struct _WmInspectorMapPage
{
  WmInspectorPage parent_instance;

  AdwEntryRow *title_row;
  WmInspectorTextRow *description_row;
  AdwComboRow *kind_row;
  AdwComboRow *direction_row;
  AdwActionRow *improves_on_row;
  GtkWidget *clear_current_button;
  GtkLabel *link_error;
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
          /* Isolated left to right, so that a right-to-left interface
           * shows −3 and not 3−. */
          g_autofree char *title = g_strdup_printf ("\u2066%s\u2069", value);
          GtkWidget *row = adw_entry_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
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

/* The link to the current-state map: the row shows the file's name, its
 * path relative to this map in a tooltip. */
static void
update_link (WmInspectorMapPage *self)
{
  WmDocument *document = WM_DOCUMENT (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self)));
  gboolean future = wm_document_get_kind (document) == WM_MAP_KIND_FUTURE_STATE;
  const char *path = wm_document_get_current_state_file (document);
  g_autofree char *name = *path != '\0' ? g_path_get_basename (path) : NULL;
  g_autofree char *shown = g_markup_escape_text (name != NULL ? name : _("No current-state map chosen"), -1);

  gtk_widget_set_visible (GTK_WIDGET (self->improves_on_row), future);
  adw_action_row_set_subtitle (self->improves_on_row, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->improves_on_row), name != NULL ? path : NULL);
  gtk_widget_set_visible (self->clear_current_button, name != NULL);
  if (!future)
    gtk_widget_set_visible (GTK_WIDGET (self->link_error), FALSE);
}

static void
update (WmInspectorPage *page)
{
  if (wm_inspector_page_get_element (page) == NULL)
    return;
  update_words (page);
  update_link (WM_INSPECTOR_MAP_PAGE (page));
}

static void
show_link_error (WmInspectorMapPage *self,
                 const GError       *error)
{
  gtk_label_set_label (self->link_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->link_error), error != NULL);
}

/* Where the map shown is saved, if it is: the file of its window. */
static GFile *
map_file (WmInspectorMapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return WM_IS_WINDOW (root) ? wm_window_get_file (WM_WINDOW (root)) : NULL;
}

typedef struct
{
  WmInspectorMapPage *self;
  WmDocument *document;
  GFile *future_file;
} LinkRequest;

static void
link_request_free (LinkRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->document);
  g_object_unref (request->future_file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinkRequest, link_request_free)

static void
on_current_chosen (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(LinkRequest) request = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = wm_compat_choose_file_finish (result, &error);

  /* To the map it was chosen for, even if another is shown now. */
  if (file != NULL)
    wm_compare_link (request->document, request->future_file, file, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      wm_inspector_page_get_element (WM_INSPECTOR_PAGE (request->self)) == WM_ELEMENT (request->document))
    show_link_error (request->self, error);
}

static void
choose_current_state (WmInspectorMapPage *self)
{
  WmDocument *document = WM_DOCUMENT (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self)));
  GFile *future_file = map_file (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  LinkRequest *request;

  show_link_error (self, NULL);
  if (!wm_compare_can_link (document, future_file, &error))
    {
      show_link_error (self, error);
      return;
    }

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_pattern (filter, "*.waymark");
  g_list_store_append (filters, filter);
  folder = g_file_get_parent (future_file);

  request = g_new0 (LinkRequest, 1);
  request->self = g_object_ref (self);
  request->document = g_object_ref (document);
  request->future_file = g_object_ref (future_file);
  wm_compat_choose_file_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), WM_COMPAT_CHOOSE_OPEN,
                               _("Choose the Current-State Map"), folder, NULL, G_LIST_MODEL (filters),
                               on_current_chosen, request);
}

static void
clear_current_state (WmInspectorMapPage *self)
{
  show_link_error (self, NULL);
  wm_compare_unlink (WM_DOCUMENT (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self))));
}

/**
 * wm_inspector_map_page_link_current:
 * @future_file: where the map shown is saved
 * @current_file: the current-state map the user chose
 *
 * What choosing a file for Improves On does: links the map shown to
 * @current_file in one step, or says on the page why it cannot.
 */
gboolean
wm_inspector_map_page_link_current (WmInspectorMapPage  *self,
                                    GFile               *future_file,
                                    GFile               *current_file,
                                    GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  WmDocument *document;

  g_return_val_if_fail (WM_IS_INSPECTOR_MAP_PAGE (self), FALSE);
  document = WM_DOCUMENT (wm_inspector_page_get_element (WM_INSPECTOR_PAGE (self)));
  g_return_val_if_fail (document != NULL, FALSE);

  if (!wm_compare_link (document, future_file, current_file, &local_error))
    {
      show_link_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_link_error (self, NULL);
  return TRUE;
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
  WM_INSPECTOR_PAGE_CLASS (klass)->update = update;

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
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, improves_on_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, clear_current_button);
  gtk_widget_class_bind_template_child (widget_class, WmInspectorMapPage, link_error);
  gtk_widget_class_bind_template_callback (widget_class, choose_current_state);
  gtk_widget_class_bind_template_callback (widget_class, clear_current_state);
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
