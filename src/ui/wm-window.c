/* wm-window.c: one map in a window.
 *
 * The window owns the document, the file it came from and the selection,
 * which it shares with the canvas (showing the map) and the inspector
 * (editing the selection's focus). Its actions are the editing commands:
 * each goes through wm-edit.h or the clipboard, so that it is one undoable
 * step. Whether there are unsaved changes is the history's state compared
 * with the state last saved, so undoing back to the saved state is clean
 * again.
 *
 * The window also keeps the map safe. It saves through wm-save.h, which
 * refuses to overwrite a file someone else changed since it was opened or
 * saved here (the window keeps the file's etag from then). It watches the
 * file, and a banner says when another program changes or deletes it.
 * And a couple of seconds after each change it writes a copy of the
 * unsaved map to the recovery folder (wm-recovery.h), which goes once the
 * map is saved, its changes are discarded, or undone back to the saved
 * state; after a crash, the next start offers it back.
 */
#include "wm-window.h"

#include <glib/gi18n.h>

#include "wm-canvas.h"
#include "wm-clipboard.h"
#include "wm-compat.h"
#include "wm-edit.h"
#include "wm-enum-types.h"
#include "wm-export-dialog.h"
#include "wm-application.h"
#include "wm-compare.h"
#include "wm-compare-window.h"
#include "wm-file-banner.h"
#include "wm-format.h"
#include "wm-inspector.h"
#include "wm-print-operation.h"
#include "wm-quick-wins.h"
#include "wm-review-panel.h"
#include "wm-survey-dialog.h"
#include "wm-sidebar.h"
#include "wm-labels.h"
#include "wm-layout.h"
#include "wm-recovery.h"
#include "wm-save.h"
#include "wm-selection.h"
#include "wm-template.h"
#include "wm-welcome.h"

#define ZOOM_STEP 1.25
/* How soon after a change the recovery copy is written, at the latest. */
#define RECOVERY_DELAY_MS 2000
/* Events about a file come in bursts: it is looked at once they settle. */
#define FILE_CHECK_DELAY_MS 100
/* A state no history reaches: the map differs from its file, whatever is
 * undone, until it is saved. */
#define UNSAVED_STATE G_MAXUINT64

struct _WmWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toasts;
  AdwFlap *flap;
  WmCanvas *canvas;
  WmInspector *inspector;
  GtkMenuButton *zoom_button;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  GtkStack *main_stack;
  WmWelcome *welcome;
  GtkWidget *map_widgets[6]; /* the header's buttons that act on a map */

  WmDocument *document;
  WmSelection *selection;
  GFile *file;
  guint64 saved_state;
  gboolean close_confirmed;
  gboolean inspector_visible;
  gboolean palette_visible;
  GtkRevealer *palette_revealer;
  WmSidebar *sidebar;
  WmFileBanner *file_banner;

  /* The file as it was opened or last saved here, and a version of it
   * another program wrote that the user chose not to load. */
  char *etag;
  char *ignored_etag;
  GFileMonitor *monitor;
  guint file_check_id;

  WmRecovery *recovery; /* NULL until the map first has unsaved changes */
  guint recovery_id;
  gboolean recovery_failed;
};

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_INSPECTOR_VISIBLE,
  PROP_PALETTE_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The model, as the actions see it */

/* An item of a model the document owns, borrowed. */
static gpointer
peek_item (GListModel *list,
           guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, position);

  return item; /* the list keeps it alive */
}

static WmLane *
first_lane_with_cells (WmDocument *document)
{
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      WmLane *lane = peek_item (lanes, i);

      if (wm_lane_has_cells (lane))
        return lane;
    }

  return NULL;
}

/* Whether @element is still part of @document: an undo may have taken it
 * out since it was selected. */
static gboolean
document_has (WmDocument *document,
              WmElement  *element)
{
  GListModel *list = NULL;

  if (WM_IS_CARD (element))
    return wm_edit_find_card (document, WM_CARD (element), NULL, NULL, NULL);

  if (WM_IS_STAGE (element))
    list = wm_document_get_stages (document);
  else if (WM_IS_LANE (element))
    list = wm_document_get_lanes (document);
  else if (WM_IS_PERSONA (element))
    list = wm_document_get_personas (document);
  else if (WM_IS_MOMENT (element))
    list = wm_document_get_moments (document);
  else if (WM_IS_EMOTION_POINT (element))
    list = wm_document_get_emotion_points (document);
  else
    return element == WM_ELEMENT (document);

  return wm_document_find (list, wm_element_get_id (element), NULL) == (gpointer) element;
}

/* The stage an element belongs to, or NULL. */
static WmStage *
stage_of (WmDocument *document,
          WmElement  *element)
{
  GListModel *stages = wm_document_get_stages (document);
  WmStage *stage;

  if (element == NULL)
    return NULL;
  if (WM_IS_STAGE (element))
    return WM_STAGE (element);
  if (WM_IS_CARD (element) && wm_edit_find_card (document, WM_CARD (element), NULL, &stage, NULL))
    return stage;
  if (WM_IS_MOMENT (element))
    return wm_document_find (stages, wm_moment_get_stage (WM_MOMENT (element)), NULL);
  if (WM_IS_EMOTION_POINT (element))
    return wm_document_find (stages, wm_emotion_point_get_stage (WM_EMOTION_POINT (element)), NULL);

  return NULL;
}

/* The lane an element belongs to, or NULL. */
static WmLane *
lane_of (WmDocument *document,
         WmElement  *element)
{
  WmLane *lane;

  if (element == NULL)
    return NULL;
  if (WM_IS_LANE (element))
    return WM_LANE (element);
  if (WM_IS_CARD (element) && wm_edit_find_card (document, WM_CARD (element), &lane, NULL, NULL))
    return lane;
  if (WM_IS_MOMENT (element))
    return wm_document_find (wm_document_get_lanes (document),
                             wm_moment_get_lane (WM_MOMENT (element)), NULL);

  return NULL;
}

/* The position just after @element in @list, or the end when it is not there. */
static guint
position_after (GListModel *list,
                gpointer    element)
{
  guint position;

  if (element != NULL && wm_document_find (list, wm_element_get_id (element), &position) != NULL)
    return position + 1;

  return g_list_model_get_n_items (list);
}

/* Where a new card goes: after the focused card in its cell, or at the end
 * of the cell of the focused stage, lane, moment or point, the first stage
 * and the first lane with cells standing in for what the focus does not say. */
static gboolean
focused_cell (WmWindow  *self,
              WmLane   **lane,
              WmStage  **stage,
              guint     *position)
{
  WmElement *focus = wm_selection_get_focus (self->selection);
  GListModel *stages = wm_document_get_stages (self->document);

  if (focus != NULL && WM_IS_CARD (focus) &&
      wm_edit_find_card (self->document, WM_CARD (focus), lane, stage, position))
    {
      (*position)++;
      return TRUE;
    }

  *stage = stage_of (self->document, focus);
  if (*stage == NULL && g_list_model_get_n_items (stages) > 0)
    *stage = peek_item (stages, 0);
  *lane = lane_of (self->document, focus);
  if (*lane == NULL || !wm_lane_has_cells (*lane))
    *lane = first_lane_with_cells (self->document);
  if (*stage == NULL || *lane == NULL)
    return FALSE;

  *position = g_list_model_get_n_items (wm_lane_get_cards (*lane, wm_element_get_id (WM_ELEMENT (*stage))));
  return TRUE;
}

/* The selected elements, in a list of their own that edits of the
 * selection do not change underfoot. */
static GListModel *
snapshot_selection (WmWindow *self)
{
  GListModel *items = wm_selection_get_items (self->selection);
  GListStore *copy = g_list_store_new (WM_TYPE_ELEMENT);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_list_store_append (copy, peek_item (items, i));

  return G_LIST_MODEL (copy);
}

static void
select_elements (WmWindow  *self,
                 GPtrArray *elements)
{
  wm_selection_clear (self->selection);
  for (guint i = 0; i < elements->len; i++)
    wm_selection_add (self->selection, g_ptr_array_index (elements, i));
}

/* State of the window */

/* Whether the window shows a map, rather than the welcome page. */
static gboolean
has_map (WmWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "map") == 0;
}

static void
update_title (WmWindow *self)
{
  const char *title = wm_document_get_title (self->document);
  g_autofree char *subtitle = NULL;
  g_autofree char *marked = NULL;

  if (!has_map (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Waymark"));
      adw_window_title_set_title (self->window_title, _("Waymark"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }
  if (*title == '\0')
    title = _("Untitled Map");
  if (wm_window_get_modified (self))
    title = marked = g_strdup_printf ("• %s", title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);

  if (self->file != NULL)
    subtitle = g_file_get_parse_name (self->file);
  adw_window_title_set_subtitle (self->window_title,
                                 subtitle != NULL ? subtitle : _("Not saved yet"));
}

/* The tooltips of undo and redo say what they would do. */
static void
update_history_tooltips (WmWindow *self)
{
  WmHistory *history = wm_document_get_history (self->document);
  const char *undo = wm_history_get_undo_label (history);
  const char *redo = wm_history_get_redo_label (history);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  if (undo != NULL)
    /* TRANSLATORS: %s says what an undo takes back, as in "Add Card" */
    undo_tip = g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), undo);
  if (redo != NULL)
    /* TRANSLATORS: %s says what a redo does again, as in "Add Card" */
    redo_tip = g_strdup_printf (_("Redo “%s” (Shift+Ctrl+Z)"), redo);
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip != NULL ? undo_tip : _("Undo (Ctrl+Z)"));
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip != NULL ? redo_tip : _("Redo (Shift+Ctrl+Z)"));
}

static void
update_actions (WmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  WmHistory *history = wm_document_get_history (self->document);
  gboolean selected = g_list_model_get_n_items (wm_selection_get_items (self->selection)) > 0;
  const char *on_selection[] = { "win.delete", "win.duplicate", "win.copy", "win.cut" };
  WmLane *lane;
  WmStage *stage;
  guint position;

  gtk_widget_action_set_enabled (widget, "win.undo", wm_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", wm_history_get_can_redo (history));
  for (guint i = 0; i < G_N_ELEMENTS (on_selection); i++)
    gtk_widget_action_set_enabled (widget, on_selection[i], selected);
  gtk_widget_action_set_enabled (widget, "win.move", selected);
  gtk_widget_action_set_enabled (widget, "win.add-card", focused_cell (self, &lane, &stage, &position));
  gtk_widget_action_set_enabled (widget, "win.add-moment",
                                 g_list_model_get_n_items (wm_document_get_stages (self->document)) > 0);

  gtk_widget_action_set_enabled (widget, "win.compare",
                                 has_map (self) && self->file != NULL &&
                                 wm_document_get_kind (self->document) == WM_MAP_KIND_FUTURE_STATE &&
                                 g_strcmp0 (wm_document_get_current_state_file (self->document), "") > 0);

  /* On the welcome page there is no map to act on. */
  if (!has_map (self))
    {
      const char *on_map[] = {
        "win.save", "win.save-as", "win.export", "win.print", "win.undo", "win.redo",
        "win.select-all", "win.paste", "win.add-stage", "win.add-lane", "win.add-persona",
        "win.add-card", "win.add-moment", "win.zoom-in", "win.zoom-out", "win.zoom-reset",
        "win.zoom-fit", "win.toggle-inspector", "win.toggle-palette", "win.import-survey", "win.quick-wins",
      };

      for (guint i = 0; i < G_N_ELEMENTS (on_map); i++)
        gtk_widget_action_set_enabled (widget, on_map[i], FALSE);
    }
  else
    {
      const char *always[] = {
        "win.save", "win.save-as", "win.export", "win.print", "win.select-all", "win.add-stage",
        "win.add-lane", "win.add-persona", "win.zoom-in", "win.zoom-out", "win.zoom-reset",
        "win.zoom-fit", "win.toggle-inspector", "win.toggle-palette", "win.import-survey", "win.quick-wins",
      };

      for (guint i = 0; i < G_N_ELEMENTS (always); i++)
        gtk_widget_action_set_enabled (widget, always[i], TRUE);
    }
}

/* Whether the clipboard holds a fragment of a map, or text. */
static gboolean
can_paste (GdkClipboard *clipboard)
{
  g_autoptr(GdkContentFormats) formats = NULL;

  /* Text comes in many MIME types; GTK knows which it can read as a string. */
  formats = gdk_content_formats_union_deserialize_gtypes (
    gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  return gdk_content_formats_contain_mime_type (formats, WM_CLIPBOARD_MIME_TYPE) ||
         gdk_content_formats_contain_gtype (formats, G_TYPE_STRING);
}

static void
update_paste (WmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste",
                                 has_map (self) && can_paste (gtk_widget_get_clipboard (GTK_WIDGET (self))));
}

/* What an undo took out of the map is no longer selected. */
static void
prune_selection (WmWindow *self)
{
  GListModel *items = wm_selection_get_items (self->selection);

  for (guint i = g_list_model_get_n_items (items); i > 0; i--)
    {
      WmElement *element = peek_item (items, i - 1);

      if (!document_has (self->document, element))
        wm_selection_remove (self->selection, element);
    }
}

static void
show_toast (WmWindow   *self,
            const char *title)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
}

/* The recovery copy */

static void
write_recovery_copy (WmWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->recovery == NULL)
    self->recovery = wm_recovery_new (NULL, &error);
  if (self->recovery == NULL ||
      !wm_recovery_write (self->recovery, self->document, self->file, self->etag, &error))
    {
      g_warning ("No recovery copy of “%s”: %s", wm_document_get_title (self->document), error->message);
      /* Said once, not at every change. */
      if (!self->recovery_failed)
        show_toast (self, _("Unsaved changes cannot be kept for recovery. Save the map to keep them."));
      self->recovery_failed = TRUE;
      return;
    }

  self->recovery_failed = FALSE;
}

static gboolean
on_recovery_due (gpointer data)
{
  WmWindow *self = data;

  self->recovery_id = 0;
  write_recovery_copy (self);
  return G_SOURCE_REMOVE;
}

/* The changes are saved or given up: their copy goes. */
static void
drop_recovery_copy (WmWindow *self)
{
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  if (self->recovery != NULL)
    wm_recovery_discard (self->recovery);
}

/* The copy is written a moment after the first change since the last one,
 * however long the editing goes on, and goes when there is nothing
 * unsaved left to keep. */
static void
update_recovery (WmWindow *self)
{
  if (wm_window_get_modified (self))
    {
      if (self->recovery_id == 0)
        self->recovery_id = g_timeout_add (RECOVERY_DELAY_MS, on_recovery_due, self);
      return;
    }

  drop_recovery_copy (self);
}

static void
on_history_changed (WmWindow *self)
{
  prune_selection (self);
  update_actions (self);
  update_history_tooltips (self);
  update_title (self);
  update_recovery (self);
}

/* @state is the history's state the file on disk holds, or UNSAVED_STATE. */
static void
set_saved_state (WmWindow *self,
                 guint64   state)
{
  self->saved_state = state;
  update_title (self);
  update_recovery (self);
}

/* The file, as others change it */

static void
check_file (WmWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  if (self->file == NULL)
    return;

  etag = wm_save_query_etag (self->file, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      if (wm_file_banner_get_shown (self->file_banner) &&
          wm_file_banner_get_kind (self->file_banner) == WM_FILE_BANNER_DELETED)
        return;
      wm_file_banner_show (self->file_banner, WM_FILE_BANNER_DELETED, self->file);
      /* The map is here alone now: closing asks, and a copy is kept. */
      set_saved_state (self, UNSAVED_STATE);
    }
  else if (etag == NULL)
    return; /* nothing to tell from */
  else if (g_strcmp0 (etag, self->etag) == 0)
    wm_file_banner_hide (self->file_banner);
  else if (g_strcmp0 (etag, self->ignored_etag) != 0)
    wm_file_banner_show (self->file_banner, WM_FILE_BANNER_CHANGED, self->file);
}

static gboolean
on_file_check_due (gpointer data)
{
  WmWindow *self = data;

  self->file_check_id = 0;
  check_file (self);
  return G_SOURCE_REMOVE;
}

/* Any event will do: our own saves are told apart by their etag. */
static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 WmWindow          *self)
{
  if (self->file_check_id == 0)
    self->file_check_id = g_timeout_add (FILE_CHECK_DELAY_MS, on_file_check_due, self);
}

static void
unwatch_file (WmWindow *self)
{
  g_clear_handle_id (&self->file_check_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

static void
watch_file (WmWindow *self)
{
  unwatch_file (self);
  wm_file_banner_hide (self->file_banner);
  g_clear_pointer (&self->ignored_etag, g_free);
  if (self->file == NULL)
    return;

  /* Without a monitor (some remote files), saving still checks the etag. */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, 0);
}

static void update_paste (WmWindow *self);

/* The welcome page or the map, with the header's map buttons only for a map. */
static void
show_page (WmWindow   *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  for (guint i = 0; i < G_N_ELEMENTS (self->map_widgets); i++)
    gtk_widget_set_visible (self->map_widgets[i], has_map (self));
  update_actions (self);
  update_paste (self);
  update_title (self);
}

static void
set_document (WmWindow   *self,
              WmDocument *document,
              GFile      *file,
              const char *etag)
{
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (wm_document_get_history (self->document), self);
    }
  wm_selection_clear (self->selection);
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  self->saved_state = wm_history_get_state (wm_document_get_history (document));
  /* The last map's copy, if it has one, stays for the next start to offer:
   * its changes were not saved, and nobody said to discard them. */
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  g_clear_object (&self->recovery);
  watch_file (self);

  g_signal_connect_object (wm_document_get_history (document), "changed",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  wm_canvas_set_document (self->canvas, document);
  wm_inspector_set_document (self->inspector, document);
  wm_sidebar_set_document (self->sidebar, document);
  show_page (self, "map");
  on_history_changed (self);
}

static void
show_error (WmWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Files */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static GListModel *
map_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_pattern (filter, "*.waymark");
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

/* Where the file choosers open: the map's folder, if it has one. */
static GFile *
map_folder (WmWindow *self)
{
  return self->file != NULL ? g_file_get_parent (self->file) : NULL;
}

/* A name for a file of the map, without extension: its file's, or else
 * its title. */
static char *
map_base_name (WmWindow *self)
{
  const char *title = wm_document_get_title (self->document);
  char *name;

  if (self->file != NULL)
    {
      name = g_file_get_basename (self->file);
      if (g_str_has_suffix (name, ".waymark"))
        name[strlen (name) - strlen (".waymark")] = '\0';
      return name;
    }

  name = g_strdup (*title != '\0' ? title : _("Untitled Map"));
  /* A title may hold characters that no file name can. */
  return g_strdelimit (name, "/\\", '-');
}

static void
choose_map_file (WmWindow            *self,
                 WmCompatChooseMode   mode,
                 const char          *title,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GListModel) filters = map_filters ();
  g_autoptr(GFile) folder = map_folder (self);
  g_autofree char *base_name = NULL;
  g_autofree char *name = NULL;

  if (mode == WM_COMPAT_CHOOSE_SAVE)
    {
      base_name = map_base_name (self);
      name = g_strconcat (base_name, ".waymark", NULL);
    }

  wm_compat_choose_file_async (GTK_WINDOW (self), mode, title, folder, name, filters,
                               callback, user_data);
}

/* The chosen file, or NULL when there is none, having said why if the
 * chooser failed rather than was dismissed. */
static GFile *
chosen_file (WmWindow     *self,
             GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  GFile *file = wm_compat_choose_file_finish (result, &error);

  if (file == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Could not choose a file"), error->message);

  return file;
}

static void
on_open_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WmWindow *self = WM_WINDOW (source);
  g_autoptr(GFile) file = chosen_file (self, result);

  if (file != NULL)
    wm_window_show_file (gtk_window_get_application (GTK_WINDOW (self)), file, self);
}

/* A map chosen on the welcome page. */
static void
open_chosen_file (WmWindow *self,
                  GFile    *file)
{
  wm_window_show_file (gtk_window_get_application (GTK_WINDOW (self)), file, self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_map_file (WM_WINDOW (widget), WM_COMPAT_CHOOSE_OPEN, _("Open a Map"),
                   on_open_chosen, NULL);
}

/* What @file must still be for a save not to overwrite someone else's
 * work: as it was here, for the map's own file; anything, for another
 * file the user chose to replace. */
static const char *
expected_etag (WmWindow *self,
               GFile    *file)
{
  return self->file != NULL && g_file_equal (file, self->file) ? self->etag : NULL;
}

static gboolean
save_checked (WmWindow    *self,
              GFile       *file,
              const char  *etag,
              GError     **error)
{
  g_autofree char *new_etag = NULL;
  gboolean same_file = self->file != NULL && g_file_equal (file, self->file);

  if (!wm_save_file (self->document, file, etag, &new_etag, NULL, error))
    return FALSE;

  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  if (same_file)
    {
      wm_file_banner_hide (self->file_banner);
      g_clear_pointer (&self->ignored_etag, g_free);
    }
  else
    {
      watch_file (self);
    }
  set_saved_state (self, wm_history_get_state (wm_document_get_history (self->document)));
  return TRUE;
}

static void save_to (WmWindow   *self,
                     GFile      *file,
                     const char *etag,
                     gboolean    close_after);

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     WmWindow         *self)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "replace"))
    save_to (self, g_object_get_data (G_OBJECT (dialog), "file"),
             g_object_get_data (G_OBJECT (dialog), "etag"),
             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after")));
}

/* Someone else changed @file since it was opened or saved here: saving
 * over their work is the user's call. Their version is kept as the backup. */
static void
ask_replace (WmWindow *self,
             GFile    *file,
             gboolean  close_after)
{
  g_autofree char *name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
  /* TRANSLATORS: %s is a file name, twice */
  g_autofree char *body = g_strdup_printf (_("Another program changed “%s” since it was opened here. "
                                             "Saving replaces its changes with this map; "
                                             "they are kept in “%s~”."), name, name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Replacing what is there as the question is asked: a change made while
   * it is open is refused again. */
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "etag", wm_save_query_etag (file, NULL, NULL), g_free);
  g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saves to @file if it is still as @etag says (see wm_save_file()), and
 * says how it went; on failure the map stays open, unsaved. */
static void
save_to (WmWindow   *self,
         GFile      *file,
         const char *etag,
         gboolean    close_after)
{
  g_autoptr(GError) error = NULL;

  if (!save_checked (self, file, etag, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        ask_replace (self, file, close_after);
      else
        show_error (self, _("Could not save the map"), error->message);
      return;
    }

  add_recent (file);
  show_toast (self, _("Saved"));
  if (close_after)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      close_after)
{
  WmWindow *self = WM_WINDOW (source);
  g_autoptr(GFile) file = chosen_file (self, result);

  if (file != NULL)
    save_to (self, file, expected_etag (self, file), GPOINTER_TO_INT (close_after));
}

static void
save_as (WmWindow *self,
         gboolean  close_after)
{
  choose_map_file (self, WM_COMPAT_CHOOSE_SAVE, _("Save the Map"),
                   on_save_chosen, GINT_TO_POINTER (close_after));
}

/* A map never saved asks where to go first. */
static void
save (WmWindow *self,
      gboolean  close_after)
{
  if (self->file == NULL)
    save_as (self, close_after);
  else
    save_to (self, self->file, self->etag, close_after);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (WM_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (WM_WINDOW (widget), FALSE);
}

/* Shows the map as the file has it now; the changes here are given up. */
static void
reload (WmWindow *self)
{
  g_autoptr(WmDocument) document = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GFile) file = g_object_ref (self->file);
  g_autoptr(GError) error = NULL;

  /* The etag first: a change while reading shows as someone else's. */
  etag = wm_save_query_etag (file, NULL, NULL);
  document = wm_format_load_file (file, NULL, &error);
  if (document == NULL)
    {
      wm_window_show_open_error (self, file, error);
      return;
    }

  drop_recovery_copy (self);
  set_document (self, document, file, etag);
}

static void
on_reload_response (AdwMessageDialog *dialog,
                    const char       *response,
                    WmWindow         *self)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "reload") && self->file != NULL)
    reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  GtkWidget *dialog;

  if (self->file == NULL)
    return;
  if (!wm_window_get_modified (self))
    {
      reload (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reload the Map?"),
                                   _("The changes made to the map here since it was last saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The map here stays as it is, and now differs from its file: saving asks
 * before it replaces the other program's version. */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);

  if (self->file == NULL)
    return;

  g_free (self->ignored_etag);
  self->ignored_etag = wm_save_query_etag (self->file, NULL, NULL);
  wm_file_banner_hide (self->file_banner);
  set_saved_state (self, UNSAVED_STATE);
}

static void
on_exported (WmWindow *self,
             GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

  show_toast (self, title);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GFile) folder = map_folder (self);
  g_autofree char *base_name = map_base_name (self);
  WmExportDialog *dialog = wm_export_dialog_new (GTK_WINDOW (self), self->document, folder, base_name);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Survey responses into the emotion curves: the CSV chosen, then the
 * dialog that maps its columns and shows what would change. */
static void
on_survey_imported (WmWindow *self)
{
  show_toast (self, _("Survey imported"));
}

static void
on_survey_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  WmWindow *self = WM_WINDOW (source);
  g_autoptr(GFile) file = chosen_file (self, result);
  WmSurveyDialog *dialog;

  if (file == NULL)
    return;
  dialog = wm_survey_dialog_new (GTK_WINDOW (self), self->document, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_survey_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_survey_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = map_folder (self);

  gtk_file_filter_set_name (filter, _("Survey Responses (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  g_list_store_append (filters, filter);
  wm_compat_choose_file_async (GTK_WINDOW (self), WM_COMPAT_CHOOSE_OPEN, _("Import Survey Responses"),
                               folder, NULL, G_LIST_MODEL (filters), on_survey_chosen, NULL);
}

/* Where a panel points on the map: select it there, and bring it in view. */
static void
on_element_activated (WmWindow  *self,
                      WmElement *element)
{
  if (!WM_IS_DOCUMENT (element))
    wm_canvas_focus_element (self->canvas, element);
  gtk_window_present (GTK_WINDOW (self));
}

/* The opportunities by impact and effort, quick wins first, in a window
 * beside the map. */
static void
quick_wins_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = wm_quick_wins_new ();
  g_autofree char *title = g_strdup_printf (_("Quick Wins — %s"), wm_document_get_title (self->document));

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  wm_quick_wins_set_document (WM_QUICK_WINS (view), self->document);
  wm_quick_wins_set_selection (WM_QUICK_WINS (view), self->selection);
  g_signal_connect_object (view, "element-activated", G_CALLBACK (on_element_activated), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* A future-state map beside the current-state map it names. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (wm_compare_window_open_for (GTK_WINDOW (self), self->document, self->file, &error) == NULL)
    show_error (self, _("Could not compare the maps"), error->message);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               WmWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print the Map"), error->message);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(WmPrintOperation) operation = wm_print_operation_new (self->document);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print the Map"), error->message);
}

/* History and view */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wm_history_undo (wm_document_get_history (WM_WINDOW (widget)->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wm_history_redo (wm_document_get_history (WM_WINDOW (widget)->document));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *canvas = WM_WINDOW (widget)->canvas;
  double zoom = wm_canvas_get_zoom (canvas);

  if (g_str_equal (action_name, "win.zoom-in"))
    wm_canvas_set_zoom (canvas, zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-out"))
    wm_canvas_set_zoom (canvas, zoom / ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-fit"))
    wm_canvas_zoom_to_fit (canvas);
  else
    wm_canvas_set_zoom (canvas, 1.0);
}

static void
update_zoom_label (WmWindow *self)
{
  /* TRANSLATORS: a zoom level, as in "100%" */
  g_autofree char *label = g_strdup_printf (_("%.0f%%"), wm_canvas_get_zoom (self->canvas) * 100);

  gtk_menu_button_set_label (self->zoom_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

/* Editing */

static void
delete_selection (WmWindow *self)
{
  g_autoptr(GListModel) elements = snapshot_selection (self);

  wm_selection_clear (self->selection);
  wm_edit_delete (self->document, elements);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_selection (WM_WINDOW (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GListModel) elements = snapshot_selection (self);
  g_autoptr(GPtrArray) copies = wm_edit_duplicate (self->document, elements);

  if (copies != NULL)
    select_elements (self, copies);
}

/* Puts the selection on the clipboard twice over: as a fragment of a map,
 * for Waymark, and as plain text, for everything else. */
static gboolean
copy_to_clipboard (WmWindow *self)
{
  GListModel *elements = wm_selection_get_items (self->selection);
  g_autoptr(GBytes) fragment = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];

  /* Nothing selected is nothing to copy. */
  fragment = wm_clipboard_serialize (self->document, elements);
  if (fragment == NULL)
    return FALSE;
  text = wm_clipboard_to_text (self->document, elements);

  providers[0] = gdk_content_provider_new_for_bytes (WM_CLIPBOARD_MIME_TYPE, fragment);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text != NULL ? text : "");
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  return gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_to_clipboard (WM_WINDOW (widget));
}

/* What could not be put on the clipboard is not deleted either. */
static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);

  if (copy_to_clipboard (self))
    delete_selection (self);
}

/* A paste on its way from the clipboard, for the map and target it was
 * asked for: the window may show another map when it arrives. */
typedef struct
{
  WmWindow *window;
  WmDocument *document;
  WmElement *target;
} Paste;

static void
paste_free (Paste *paste)
{
  g_object_unref (paste->window);
  g_object_unref (paste->document);
  g_clear_object (&paste->target);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Paste, paste_free)

static gboolean
paste_is_current (Paste *paste)
{
  return paste->window->document == paste->document;
}

static void
on_fragment_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fragment = NULL;
  g_autoptr(GPtrArray) pasted = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      show_error (paste->window, _("Could not paste"), error->message);
      return;
    }
  if (!paste_is_current (paste))
    return;

  fragment = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  pasted = wm_clipboard_paste (paste->document, fragment, paste->target, &error);
  if (pasted == NULL)
    {
      show_error (paste->window, _("Could not paste"), error->message);
      return;
    }
  select_elements (paste->window, pasted);
}

static void
on_fragment_ready (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (stream == NULL)
    {
      show_error (paste->window, _("Could not paste"), error->message);
      return;
    }

  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_fragment_read, g_steal_pointer (&paste));
}

/* Text from another application becomes a card in the focused cell. */
static void
on_text_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  WmWindow *self = paste->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) pasted = g_ptr_array_new ();
  WmLane *lane;
  WmStage *stage;
  guint position;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (text == NULL)
    {
      show_error (self, _("Could not paste"), error->message);
      return;
    }
  if (!paste_is_current (paste))
    return;

  g_strstrip (text);
  if (*text == '\0')
    return;
  if (!focused_cell (self, &lane, &stage, &position))
    {
      show_toast (self, _("Add a lane of cards to paste text into"));
      return;
    }

  g_ptr_array_add (pasted, wm_edit_add_card (self->document, lane, stage, position, text));
  select_elements (self, pasted);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  WmElement *focus = wm_selection_get_focus (self->selection);
  const char *fragment_types[] = { WM_CLIPBOARD_MIME_TYPE, NULL };
  Paste *paste;

  /* A shortcut comes here whether or not there is anything to paste. */
  if (!can_paste (clipboard))
    return;

  paste = g_new0 (Paste, 1);
  paste->window = g_object_ref (self);
  paste->document = g_object_ref (self->document);
  paste->target = focus != NULL ? g_object_ref (focus) : NULL;

  if (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), WM_CLIPBOARD_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, fragment_types, G_PRIORITY_DEFAULT, NULL,
                              on_fragment_ready, paste);
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_text_ready, paste);
}

static void
append_items (GPtrArray  *elements,
              GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (elements, peek_item (list, i));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  GListModel *stages = wm_document_get_stages (self->document);
  GListModel *lanes = wm_document_get_lanes (self->document);
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();

  append_items (elements, wm_document_get_personas (self->document));
  append_items (elements, stages);
  append_items (elements, lanes);
  append_items (elements, wm_document_get_moments (self->document));
  append_items (elements, wm_document_get_emotion_points (self->document));
  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      append_items (elements, wm_lane_get_cards (peek_item (lanes, l),
                                                 wm_element_get_id (peek_item (stages, s))));

  select_elements (self, elements);
}

static void
select_new (WmWindow *self,
            gpointer  element)
{
  if (element != NULL)
    wm_selection_select (self->selection, WM_ELEMENT (element));
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  WmStage *focus = stage_of (self->document, wm_selection_get_focus (self->selection));
  guint position = position_after (wm_document_get_stages (self->document), focus);

  select_new (self, wm_edit_add_stage (self->document, position, wm_labels_new_element (WM_TYPE_STAGE)));
}

static void
add_lane_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (WM_TYPE_LANE_KIND);
  GEnumValue *kind = g_enum_get_value_by_nick (kinds, g_variant_get_string (parameter, NULL));
  WmLane *focus = lane_of (self->document, wm_selection_get_focus (self->selection));
  guint position = position_after (wm_document_get_lanes (self->document), focus);

  g_return_if_fail (kind != NULL);

  select_new (self, wm_edit_add_lane (self->document, position, kind->value,
                                      wm_labels_lane_kind (kind->value)));
}

static void
add_persona_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);

  select_new (self, wm_edit_add_persona (self->document, wm_labels_new_element (WM_TYPE_PERSONA)));
}

static void
add_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  WmLane *lane;
  WmStage *stage;
  guint position;

  if (focused_cell (self, &lane, &stage, &position))
    select_new (self, wm_edit_add_card (self->document, lane, stage, position, wm_labels_new_element (WM_TYPE_CARD)));
}

static void
add_moment_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  WmElement *focus = wm_selection_get_focus (self->selection);
  GListModel *stages = wm_document_get_stages (self->document);
  WmStage *stage = stage_of (self->document, focus);
  WmLane *lane = lane_of (self->document, focus);

  if (stage == NULL && g_list_model_get_n_items (stages) > 0)
    stage = peek_item (stages, 0);
  /* Without a lane, the map puts it in its row of moments. */
  if (lane != NULL && !wm_lane_has_cells (lane))
    lane = NULL;

  if (stage != NULL)
    select_new (self, wm_edit_add_moment (self->document, stage, lane, wm_labels_new_element (WM_TYPE_MOMENT)));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  WmElement *focus = wm_selection_get_focus (self->selection);
  const char *direction = g_variant_get_string (parameter, NULL);
  int dx = 0, dy = 0;

  if (g_str_equal (direction, "left"))
    dx = -1;
  else if (g_str_equal (direction, "right"))
    dx = 1;
  else if (g_str_equal (direction, "up"))
    dy = -1;
  else if (g_str_equal (direction, "down"))
    dy = 1;
  else
    g_return_if_reached ();

  if (focus == NULL)
    return;

  /* Time runs from right to left in a right-to-left map. */
  if (dx != 0 && wm_layout_is_rtl (wm_canvas_get_layout (self->canvas)))
    dx = -dx;
  wm_edit_nudge (self->document, focus, dx, dy);
}

/* Closing */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   WmWindow         *self)
{
  /* The closed dialog is freed later, and may outlive the window: it must
   * not point back at it then. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      drop_recovery_copy (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      save (self, TRUE);
    }
}

static GSettings *settings_of (WmWindow *self);

/* The next window opens as this one closes: as large, or maximized. */
static void
remember_size (WmWindow *self)
{
  GSettings *settings = settings_of (self);
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
wm_window_close_request (GtkWindow *window)
{
  WmWindow *self = WM_WINDOW (window);
  GtkWidget *dialog;

  if (self->close_confirmed || !wm_window_get_modified (self))
    {
      remember_size (self);
      return GTK_WINDOW_CLASS (wm_window_parent_class)->close_request (window);
    }

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The map has changes that are not saved. "
                                     "Closing without saving loses them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* The class */

static void
wm_window_dispose (GObject *object)
{
  WmWindow *self = WM_WINDOW (object);

  unwatch_file (self);
  /* A copy of unsaved changes outlives the window, for the next start. */
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  g_clear_object (&self->recovery);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->ignored_etag, g_free);

  G_OBJECT_CLASS (wm_window_parent_class)->dispose (object);
}

static void
wm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmWindow *self = WM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_INSPECTOR_VISIBLE:
      g_value_set_boolean (value, self->inspector_visible);
      break;
    case PROP_PALETTE_VISIBLE:
      g_value_set_boolean (value, self->palette_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmWindow *self = WM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_INSPECTOR_VISIBLE:
      if (self->inspector_visible != g_value_get_boolean (value))
        {
          self->inspector_visible = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PALETTE_VISIBLE:
      if (self->palette_visible != g_value_get_boolean (value))
        {
          self->palette_visible = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           key,
                  const char     *direction)
{
  gtk_widget_class_add_binding_action (widget_class, key, GDK_ALT_MASK, "win.move", "s", direction);
}

static void
wm_window_class_init (WmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const char *zooms[] = { "win.zoom-in", "win.zoom-out", "win.zoom-reset", "win.zoom-fit" };

  object_class->dispose = wm_window_dispose;
  object_class->get_property = wm_window_get_property;
  object_class->set_property = wm_window_set_property;
  window_class->close_request = wm_window_close_request;

  properties[PROP_INSPECTOR_VISIBLE] =
    g_param_spec_boolean ("inspector-visible", "Inspector visible", "Whether the inspector panel shows",
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PALETTE_VISIBLE] =
    g_param_spec_boolean ("palette-visible", "Palette visible", "Whether the side panel with the palette and the outline shows",
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WM_TYPE_CANVAS);
  g_type_ensure (WM_TYPE_SIDEBAR);
  g_type_ensure (WM_TYPE_WELCOME);
  g_type_ensure (WM_TYPE_INSPECTOR);
  g_type_ensure (WM_TYPE_FILE_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, palette_revealer);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, welcome);
  gtk_widget_class_bind_template_child_full (widget_class, "palette_toggle", FALSE,
                                             G_STRUCT_OFFSET (WmWindow, map_widgets[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "history_box", FALSE,
                                             G_STRUCT_OFFSET (WmWindow, map_widgets[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE,
                                             G_STRUCT_OFFSET (WmWindow, map_widgets[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE,
                                             G_STRUCT_OFFSET (WmWindow, map_widgets[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "inspector_toggle", FALSE,
                                             G_STRUCT_OFFSET (WmWindow, map_widgets[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "zoom_box", FALSE,
                                             G_STRUCT_OFFSET (WmWindow, map_widgets[5]));
  gtk_widget_class_bind_template_child (widget_class, WmWindow, file_banner);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, redo_button);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.import-survey", NULL, import_survey_action);
  gtk_widget_class_install_action (widget_class, "win.quick-wins", NULL, quick_wins_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    gtk_widget_class_install_action (widget_class, zooms[i], NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "win.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "win.add-lane", "s", add_lane_action);
  gtk_widget_class_install_action (widget_class, "win.add-persona", NULL, add_persona_action);
  gtk_widget_class_install_action (widget_class, "win.add-card", NULL, add_card_action);
  gtk_widget_class_install_action (widget_class, "win.add-moment", NULL, add_moment_action);
  gtk_widget_class_install_action (widget_class, "win.move", "s", move_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-inspector", "inspector-visible");
  gtk_widget_class_install_property_action (widget_class, "win.toggle-palette", "palette-visible");

  /* Bindings of the window, not accelerators of the application, so that
   * a focused text entry gets its own keys (Delete, Ctrl+C, Ctrl+Z) first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "win.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "win.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "win.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.toggle-palette", NULL);
  add_move_binding (widget_class, GDK_KEY_Left, "left");
  add_move_binding (widget_class, GDK_KEY_Right, "right");
  add_move_binding (widget_class, GDK_KEY_Up, "up");
  add_move_binding (widget_class, GDK_KEY_Down, "down");
}

static void
wm_window_init (WmWindow *self)
{
  g_autoptr(WmDocument) document = wm_document_new ();

  self->inspector_visible = TRUE;
  self->palette_visible = TRUE;
  self->selection = wm_selection_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "inspector-visible", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "palette-visible", self->palette_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (wm_canvas_get_drag (self->canvas), "error",
                           G_CALLBACK (show_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (wm_sidebar_get_review_panel (self->sidebar), "element-activated",
                           G_CALLBACK (on_element_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->welcome, "template-chosen",
                           G_CALLBACK (wm_window_start_from_template), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->welcome, "file-chosen",
                           G_CALLBACK (open_chosen_file), self, G_CONNECT_SWAPPED);
  wm_canvas_set_selection (self->canvas, self->selection);
  wm_inspector_set_selection (self->inspector, self->selection);
  wm_sidebar_set_selection (self->sidebar, self->selection);
  g_signal_connect_object (self->selection, "notify::focus",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom",
                           G_CALLBACK (update_zoom_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_clipboard (GTK_WIDGET (self)), "changed",
                           G_CALLBACK (update_paste), self, G_CONNECT_SWAPPED);

  set_document (self, document, NULL, NULL);
  update_zoom_label (self);
  update_paste (self);
}

WmWindow *
wm_window_new (GtkApplication *application)
{
  WmWindow *self = g_object_new (WM_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = settings_of (self);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   MAX (g_settings_get_int (settings, "window-width"), 360),
                                   MAX (g_settings_get_int (settings, "window-height"), 360));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  return self;
}

WmDocument *
wm_window_get_document (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->document;
}

WmSelection *
wm_window_get_selection (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->selection;
}

WmCanvas *
wm_window_get_canvas (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->canvas;
}

GFile *
wm_window_get_file (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
wm_window_get_modified (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  return wm_history_get_state (wm_document_get_history (self->document)) != self->saved_state;
}

/* A new, untouched map: the window shows it as not saved yet. */
void
wm_window_set_document (WmWindow   *self,
                        WmDocument *document)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (WM_IS_DOCUMENT (document));

  set_document (self, document, NULL, NULL);
}

/* A new map from the default template. */
void
wm_window_start_new_map (WmWindow *self)
{
  wm_window_start_from_template (self, WM_TEMPLATE_FIVE_STAGES);
}

/* Says why @file could not be opened, in the loader's own words. */
void
wm_window_show_open_error (WmWindow     *self,
                           GFile        *file,
                           const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);

  g_return_if_fail (WM_IS_WINDOW (self));

  show_error (self, heading, error->message);
}

/**
 * wm_window_open_file:
 *
 * Shows the map in @file. On failure the window keeps the map it had.
 */
gboolean
wm_window_open_file (WmWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_autoptr(WmDocument) document = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The etag first: a change while reading shows as someone else's. */
  etag = wm_save_query_etag (file, NULL, NULL);
  document = wm_format_load_file (file, NULL, error);
  if (document == NULL)
    return FALSE;

  set_document (self, document, file, etag);
  return TRUE;
}

/**
 * wm_window_save_file:
 *
 * Saves the map to @file, which becomes the window's file. Its own file is
 * not saved over when another program changed it since it was opened or
 * saved here (%G_IO_ERROR_WRONG_ETAG). On failure the map stays open and
 * unsaved, and the file on disk is left as it was.
 */
gboolean
wm_window_save_file (WmWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return save_checked (self, file, expected_etag (self, file), error);
}

/**
 * wm_window_restore:
 *
 * Shows the map kept in @recovery, tied to its file if it had one and
 * unsaved, and carries on keeping its copy there. Says at once when its
 * file was changed or deleted meanwhile.
 */
gboolean
wm_window_restore (WmWindow    *self,
                   WmRecovery  *recovery,
                   GError     **error)
{
  g_autoptr(WmDocument) document = NULL;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (WM_IS_RECOVERY (recovery), FALSE);

  document = wm_recovery_load (recovery, error);
  if (document == NULL)
    return FALSE;

  set_document (self, document, wm_recovery_get_file (recovery), wm_recovery_get_etag (recovery));
  g_set_object (&self->recovery, recovery);
  set_saved_state (self, UNSAVED_STATE);
  check_file (self);
  return TRUE;
}

WmFileBanner *
wm_window_get_file_banner (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->file_banner;
}

/**
 * wm_window_find:
 * @application: (nullable): the application
 *
 * Returns: (transfer none) (nullable): the window of @application that
 *   shows the map in @file
 */
WmWindow *
wm_window_find (GtkApplication *application,
                GFile          *file)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (application == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (WM_IS_WINDOW (l->data) && WM_WINDOW (l->data)->file != NULL &&
        g_file_equal (WM_WINDOW (l->data)->file, file))
      return l->data;

  return NULL;
}

/* Where a map goes: @current if it holds an untouched new map, or else a
 * new window. */
static WmWindow *
window_for (GtkApplication *application,
            WmWindow       *current)
{
  if (current != NULL && current->file == NULL && !wm_window_get_modified (current))
    return current;

  return wm_window_new (application);
}

/* @target could not take a map: the window to say so in, presented. It is
 * @current, keeping its map, or with none, a window on a new map. */
static WmWindow *
give_up (WmWindow *target,
         WmWindow *current)
{
  if (current != NULL && target != current)
    {
      gtk_window_destroy (GTK_WINDOW (target));
      target = current;
    }
  else if (current == NULL)
    {
      wm_window_show_welcome (target);
    }

  gtk_window_present (GTK_WINDOW (target));
  return target;
}

/**
 * wm_window_show_file:
 * @application: (nullable): the application
 * @current: (nullable): the window the user asked from
 *
 * Presents the map in @file: the window that has it already, or @current
 * if that holds an untouched new map, or a new window. When the file cannot
 * be opened, @current says why and keeps its map; with no @current, a new
 * window on a new map says it.
 *
 * Returns: (transfer none): the window presented
 */
WmWindow *
wm_window_show_file (GtkApplication *application,
                     GFile          *file,
                     WmWindow       *current)
{
  WmWindow *target;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (current == NULL || WM_IS_WINDOW (current), NULL);

  target = wm_window_find (application, file);
  if (target != NULL)
    {
      gtk_window_present (GTK_WINDOW (target));
      return target;
    }

  target = window_for (application, current);
  if (!wm_window_open_file (target, file, &error))
    {
      target = give_up (target, current);
      wm_window_show_open_error (target, file, error);
      return target;
    }

  add_recent (file);
  gtk_window_present (GTK_WINDOW (target));
  return target;
}

/**
 * wm_window_show_recovered:
 * @application: (nullable): the application
 * @current: (nullable): the window the user answered from
 *
 * Presents the map kept in @recovery as wm_window_show_file() presents a
 * file: in the window that has its file and no changes of its own, or
 * @current if that holds an untouched new map, or a new window.
 *
 * Returns: (transfer none): the window presented
 */
WmWindow *
wm_window_show_recovered (GtkApplication *application,
                          WmRecovery     *recovery,
                          WmWindow       *current)
{
  GFile *file = wm_recovery_get_file (recovery);
  WmWindow *target = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WM_IS_RECOVERY (recovery), NULL);
  g_return_val_if_fail (current == NULL || WM_IS_WINDOW (current), NULL);

  if (file != NULL)
    target = wm_window_find (application, file);
  if (target == NULL || wm_window_get_modified (target))
    target = window_for (application, current);

  if (!wm_window_restore (target, recovery, &error))
    {
      const char *title = wm_recovery_get_title (recovery);
      /* TRANSLATORS: %s is the title of a map */
      g_autofree char *heading = g_strdup_printf (_("Could not restore “%s”"),
                                                  *title != '\0' ? title : _("Untitled Map"));

      target = give_up (target, current);
      show_error (target, heading, error->message);
      return target;
    }

  gtk_window_present (GTK_WINDOW (target));
  return target;
}

/**
 * wm_window_show_welcome:
 *
 * Shows the welcome page: start a map from a template, or open one. The
 * window's map, if it had one open, is left as it is.
 */
void
wm_window_show_welcome (WmWindow *self)
{
  g_return_if_fail (WM_IS_WINDOW (self));

  wm_welcome_update (self->welcome);
  show_page (self, "welcome");
  gtk_widget_grab_focus (GTK_WIDGET (self->welcome));
}

/* The application's settings, when the window belongs to it. */
static GSettings *
settings_of (WmWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return WM_IS_APPLICATION (application) ? wm_application_get_settings (WM_APPLICATION (application)) : NULL;
}

/**
 * wm_window_start_from_template:
 *
 * Shows a new map made from @template_kind, with the emotion scale the
 * preferences give new maps.
 */
void
wm_window_start_from_template (WmWindow   *self,
                               WmTemplate  template_kind)
{
  g_autoptr(WmDocument) document = wm_template_create (template_kind);
  GSettings *settings = settings_of (self);

  g_return_if_fail (WM_IS_WINDOW (self));

  /* Before the map is shown, so that this is not a step to undo. */
  if (settings != NULL)
    {
      int low = g_settings_get_int (settings, "emotion-scale-min");
      int high = g_settings_get_int (settings, "emotion-scale-max");

      if (low < high)
        {
          wm_document_set_scale_min (document, low);
          wm_document_set_scale_max (document, high);
        }
    }
  set_document (self, document, NULL, NULL);
}

/**
 * wm_window_autosave:
 *
 * Saves the map to its file if it has one and has changed; the preferences
 * ask for this every so often. A failure is said once, in a toast: the
 * map stays as it is, changed, and its recovery copy keeps the changes.
 */
void
wm_window_autosave (WmWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WM_IS_WINDOW (self));

  if (!has_map (self) || self->file == NULL || !wm_window_get_modified (self))
    return;
  if (!wm_window_save_file (self, self->file, &error))
    show_toast (self, error->message);
}
