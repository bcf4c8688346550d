/* test-window.c: the window around a map, its files and its actions, in a
 * real X server (Xvfb). Actions are activated by name, as a menu, a button
 * or a shortcut would; the file chooser is the one part left out: the
 * functions it calls are called directly. */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-application.h"
#include "wm-compare-window.h"
#include "wm-edit.h"
#include "wm-export-dialog.h"
#include "wm-format.h"
#include "wm-layout.h"
#include "wm-recovery.h"
#include "wm-save.h"
#include "wm-welcome.h"
#include "wm-window.h"

static char *tmp_dir;

static GFile *
tmp_file (const char *name)
{
  return g_file_new_build_filename (tmp_dir, name, NULL);
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

/* A copy of a test map in the temporary folder, to be saved over. */
static GFile *
copy_of (const char *name)
{
  g_autoptr(GFile) source = data_file (name);
  GFile *copy = tmp_file (name);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return copy;
}

/* A window on its own (no application) showing a copy of @name. */
static WmWindow *
window_with (const char *name)
{
  WmWindow *window = wm_window_new (NULL);
  g_autoptr(GFile) file = copy_of (name);
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (window);
  g_assert_true (wm_window_open_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (wm_window_get_modified (window));
  return window;
}

static void
close_window (WmWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static GBytes *
read_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static gboolean
activate (WmWindow   *window,
          const char *action,
          GVariant   *parameter)
{
  return gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter);
}

static gpointer
item (GListModel *list,
      guint       position)
{
  g_autoptr(GObject) object = g_list_model_get_item (list, position);

  g_assert_nonnull (object);
  return object; /* the list keeps it */
}

static WmStage *
stage_at (WmWindow *window,
          guint     position)
{
  return item (wm_document_get_stages (wm_window_get_document (window)), position);
}

static guint
n_stages (WmWindow *window)
{
  return g_list_model_get_n_items (wm_document_get_stages (wm_window_get_document (window)));
}

static WmElement *
focus_of (WmWindow *window)
{
  return wm_selection_get_focus (wm_window_get_selection (window));
}

static guint
n_selected (WmWindow *window)
{
  return g_list_model_get_n_items (wm_selection_get_items (wm_window_get_selection (window)));
}

static void
select_only (WmWindow *window,
             gpointer  element)
{
  wm_selection_select (wm_window_get_selection (window), element);
}

static void
undo (WmWindow *window)
{
  g_assert_true (activate (window, "win.undo", NULL));
}

/* The first lane of the map that has a card in its first stage, and that card. */
static WmCard *
first_card (WmWindow  *window,
            WmLane   **lane_out,
            WmStage  **stage_out)
{
  WmDocument *document = wm_window_get_document (window);
  GListModel *lanes = wm_document_get_lanes (document);
  WmStage *stage = stage_at (window, 0);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      WmLane *lane = item (lanes, i);
      GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));

      if (g_list_model_get_n_items (cards) > 0)
        {
          *lane_out = lane;
          *stage_out = stage;
          return item (cards, 0);
        }
    }

  g_assert_not_reached ();
}

static guint
n_cards (WmLane  *lane,
         WmStage *stage)
{
  return g_list_model_get_n_items (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))));
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so: for what arrives later, such as
 * clipboard contents. A test that would wait forever fails instead. */
static void
wait_for (gboolean (*done) (gpointer data),
          gpointer   data)
{
  gboolean given_up = FALSE;
  guint guard = g_timeout_add_seconds (60, set_flag, &given_up);

  while (!done (data) && !given_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (given_up);
  g_source_remove (guard);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* The message dialogs over @window, which the test closes. */
static AdwMessageDialog *
take_message_dialog (WmWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *toplevel = item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        {
          g_assert_null (found);
          found = ADW_MESSAGE_DIALOG (toplevel);
        }
    }

  return found;
}

/* The recovery folder, which main() puts in the temporary folder. */
static char *
recovery_dir (void)
{
  return g_build_filename (tmp_dir, "state", "waymark", "recovery", NULL);
}

static guint
n_snapshots (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".waymark-recovery"))
      n++;

  return n;
}

static gboolean
has_snapshot (gpointer data)
{
  return n_snapshots () > 0;
}

static GPtrArray *
find_orphans (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  return wm_recovery_find_orphans (folder);
}

/* What a window closed with unsaved changes left, which the test drops. */
static void
discard_orphans (guint expected)
{
  g_autoptr(GPtrArray) orphans = find_orphans ();

  g_assert_cmpuint (orphans->len, ==, expected);
  for (guint i = 0; i < orphans->len; i++)
    wm_recovery_discard (g_ptr_array_index (orphans, i));
}

/* Title */

static gboolean
title_is_marked (WmWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• ");
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The header's button for @action. */
static GtkWidget *
action_button (GtkWidget  *widget,
               const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_title_mark (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmDocument *document = wm_window_get_document (window);
  g_autoptr(GFile) file = tmp_file ("title.waymark");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, wm_document_get_title (document));

  /* An edit marks the title; saving clears it. */
  wm_history_set (wm_document_get_history (document), stage_at (window, 0), "name", "Search", NULL);
  g_assert_true (wm_window_get_modified (window));
  g_assert_true (title_is_marked (window));
  g_assert_true (wm_window_save_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (wm_window_get_modified (window));
  g_assert_false (title_is_marked (window));

  /* Undoing back to what was saved is clean again; past it is not. */
  g_assert_true (activate (window, "win.add-stage", NULL));
  g_assert_true (title_is_marked (window));
  undo (window);
  g_assert_false (title_is_marked (window));
  undo (window);
  g_assert_true (title_is_marked (window));

  /* The title follows the map's title. */
  wm_history_set (wm_document_get_history (document), document, "title", "Renamed", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Renamed");

  close_window (window);
}

/* Files */

static void
test_save_round_trip (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmDocument *document = wm_window_get_document (window);
  g_autoptr(GFile) file = tmp_file ("saved.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) loaded = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;

  g_assert_true (activate (window, "win.add-stage", NULL));
  g_assert_true (wm_window_save_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (wm_window_get_file (window), file));

  /* What is on disk is the map as it is in the window, new stage and all. */
  loaded = wm_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (loaded)), ==, n_stages (window));
  expected = wm_format_save_bytes (document);
  actual = wm_format_save_bytes (loaded);
  g_assert_true (g_bytes_equal (expected, actual));

  close_window (window);
}

static void
test_save_fails (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmDocument *document = wm_window_get_document (window);
  g_autoptr(GFile) old_file = g_object_ref (wm_window_get_file (window));
  g_autoptr(GBytes) old_bytes = read_bytes (old_file);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GFile) blocker = tmp_file ("not-a-folder");
  g_autoptr(GFile) bad = g_file_get_child (blocker, "map.waymark");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  /* A folder that is a file: no user, not even root, can write there. */
  g_assert_true (g_file_set_contents (g_file_peek_path (blocker), "", 0, NULL));

  g_assert_true (activate (window, "win.add-stage", NULL));
  g_assert_false (wm_window_save_file (window, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_true (g_str_has_suffix (error->message, "Save the map somewhere else with “Save As…”."));

  /* The map stays open, unsaved, and the file it came from is as it was. */
  g_assert_true (wm_window_get_document (window) == document);
  g_assert_true (wm_window_get_modified (window));
  g_assert_true (title_is_marked (window));
  g_assert_true (g_file_equal (wm_window_get_file (window), old_file));
  kept = read_bytes (old_file);
  g_assert_true (g_bytes_equal (kept, old_bytes));

  /* Save, where its file has become a folder, says why in a dialog. */
  g_assert_true (g_file_delete (old_file, NULL, NULL));
  g_assert_true (g_file_make_directory (old_file, NULL, NULL));
  g_assert_true (activate (window, "win.save", NULL));
  dialog = take_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not save the map");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“full.waymark” is a folder. Save the map with another name with “Save As…”.");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wm_window_get_modified (window));
  g_assert_true (wm_window_get_document (window) == document);

  /* Unsaved, the changes still reach the recovery folder. */
  wait_for (has_snapshot, NULL);

  g_assert_true (g_file_delete (old_file, NULL, NULL));
  g_assert_true (g_file_delete (blocker, NULL, NULL));
  close_window (window);
  discard_orphans (1);
}

/* Recovery */

static gboolean is_finalized (gpointer data);

/* Unsaved changes reach the recovery folder, and stay there when the
 * window goes without a decision; restored, the map is the edited one,
 * tied to its file, and saving it there removes the copy. */
static void
test_recovery_restore (void)
{
  WmWindow *window = window_with ("full.waymark");
  g_autoptr(GFile) file = g_object_ref (wm_window_get_file (window));
  g_autoptr(GBytes) on_disk = read_bytes (file);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) saved = NULL;
  WmRecovery *orphan;
  WmWindow *restored;
  guint stages;

  g_assert_cmpuint (n_snapshots (), ==, 0);
  g_assert_true (activate (window, "win.add-stage", NULL));
  stages = n_stages (window);
  wait_for (has_snapshot, NULL);

  /* Held by its window, it is nobody's orphan. */
  orphans = find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  close_window (window);
  orphans = find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  orphan = g_ptr_array_index (orphans, 0);
  g_assert_true (g_file_equal (wm_recovery_get_file (orphan), file));

  restored = wm_window_new (NULL);
  g_object_ref_sink (restored);
  g_assert_true (wm_window_restore (restored, orphan, &error));
  g_assert_no_error (error);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  g_assert_cmpuint (n_stages (restored), ==, stages);
  g_assert_true (wm_window_get_modified (restored));
  g_assert_true (title_is_marked (restored));
  g_assert_true (g_file_equal (wm_window_get_file (restored), file));
  g_assert_false (wm_file_banner_get_shown (wm_window_get_file_banner (restored)));
  /* The file is as it was until the user saves. */
  g_assert_true (g_bytes_equal (read_bytes (file), on_disk));

  /* Undoing does not make it look saved: the file never had this map. */
  undo (restored);
  g_assert_true (wm_window_get_modified (restored));
  g_assert_true (activate (restored, "win.redo", NULL));

  g_assert_true (activate (restored, "win.save", NULL));
  g_assert_null (take_message_dialog (restored));
  g_assert_false (wm_window_get_modified (restored));
  g_assert_cmpuint (n_snapshots (), ==, 0);
  saved = wm_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (saved)), ==, stages);

  close_window (restored);
}

/* Back to the saved state, saved, or discarded on closing: no copy left. */
static void
test_recovery_removed (void)
{
  WmWindow *window = wm_window_new (NULL);
  g_autoptr(GFile) file = copy_of ("full.waymark");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gpointer alive = window;

  g_assert_true (wm_window_open_file (window, file, &error));
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (activate (window, "win.add-stage", NULL));
  wait_for (has_snapshot, NULL);
  undo (window);
  g_assert_cmpuint (n_snapshots (), ==, 0);

  g_assert_true (activate (window, "win.add-stage", NULL));
  wait_for (has_snapshot, NULL);
  g_assert_true (activate (window, "win.save", NULL));
  g_assert_cmpuint (n_snapshots (), ==, 0);

  g_assert_true (activate (window, "win.add-stage", NULL));
  wait_for (has_snapshot, NULL);
  gtk_window_close (GTK_WINDOW (window));
  dialog = take_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (is_finalized, &alive);
  g_assert_cmpuint (n_snapshots (), ==, 0);
}

/* A map never saved is kept too, and restored as never saved. */
static void
test_recovery_never_saved (void)
{
  WmWindow *window = wm_window_new (NULL);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  WmWindow *restored;

  g_object_ref_sink (window);
  wm_window_start_new_map (window);
  wm_history_set (wm_document_get_history (wm_window_get_document (window)),
                  wm_window_get_document (window), "title", "Workshop notes", NULL);
  wait_for (has_snapshot, NULL);
  close_window (window);

  orphans = find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (wm_recovery_get_title (g_ptr_array_index (orphans, 0)), ==, "Workshop notes");
  g_assert_null (wm_recovery_get_file (g_ptr_array_index (orphans, 0)));

  restored = wm_window_new (NULL);
  g_object_ref_sink (restored);
  g_assert_true (wm_window_restore (restored, g_ptr_array_index (orphans, 0), &error));
  g_assert_no_error (error);
  g_assert_null (wm_window_get_file (restored));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (restored)), ==, "• Workshop notes");

  /* Discarded on closing, it is gone for good. */
  wm_recovery_discard (g_ptr_array_index (orphans, 0));
  g_clear_pointer (&orphans, g_ptr_array_unref);
  close_window (restored);
  g_assert_cmpuint (n_snapshots (), ==, 0);
}

/* External changes */

/* Another program writes @file: the map in it under a new title, at a
 * time of its own (a file system may count time too coarsely to tell two
 * writes apart). */
static void
change_elsewhere (GFile      *file,
                  const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) theirs = wm_format_load_file (file, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_assert_no_error (error);
  wm_document_set_title (theirs, title);
  bytes = wm_format_save_bytes (theirs);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (g_file_peek_path (file), g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                               g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) + 60,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
banner_says_changed (gpointer window)
{
  WmFileBanner *banner = wm_window_get_file_banner (window);

  return wm_file_banner_get_shown (banner) && wm_file_banner_get_kind (banner) == WM_FILE_BANNER_CHANGED;
}

static gboolean
banner_says_deleted (gpointer window)
{
  WmFileBanner *banner = wm_window_get_file_banner (window);

  return wm_file_banner_get_shown (banner) && wm_file_banner_get_kind (banner) == WM_FILE_BANNER_DELETED;
}

static const char *
title_of (WmWindow *window)
{
  return wm_document_get_title (wm_window_get_document (window));
}

static char *
title_on_disk (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (wm_document_get_title (document));
}

/* A change from outside shows in a banner; Reload shows it. */
static void
test_external_reload (void)
{
  WmWindow *window = window_with ("full.waymark");
  GFile *file = wm_window_get_file (window);
  WmFileBanner *banner = wm_window_get_file_banner (window);

  gtk_window_present (GTK_WINDOW (window));
  change_elsewhere (file, "Changed elsewhere");
  wait_for (banner_says_changed, window);
  g_assert_cmpstr (wm_file_banner_get_title (banner), ==, "“full.waymark” was changed by another program");
  g_assert_cmpstr (title_of (window), !=, "Changed elsewhere");

  g_assert_true (activate (window, "win.reload", NULL));
  g_assert_null (take_message_dialog (window));
  g_assert_cmpstr (title_of (window), ==, "Changed elsewhere");
  g_assert_false (wm_window_get_modified (window));
  g_assert_false (wm_file_banner_get_shown (banner));

  /* Saving now is saving over the version loaded: nothing to ask. */
  g_assert_true (activate (window, "win.add-stage", NULL));
  g_assert_true (activate (window, "win.save", NULL));
  g_assert_null (take_message_dialog (window));
  g_assert_false (wm_window_get_modified (window));

  close_window (window);
}

/* With changes of its own, the map asks before it reloads. */
static void
test_external_reload_asks (void)
{
  WmWindow *window = window_with ("full.waymark");
  GFile *file = wm_window_get_file (window);
  AdwMessageDialog *dialog;
  guint stages;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (activate (window, "win.add-stage", NULL));
  stages = n_stages (window);
  change_elsewhere (file, "Changed elsewhere");
  wait_for (banner_says_changed, window);

  g_assert_true (activate (window, "win.reload", NULL));
  dialog = take_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reload the Map?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_stages (window), ==, stages);
  g_assert_true (wm_window_get_modified (window));

  g_assert_true (activate (window, "win.reload", NULL));
  dialog = take_message_dialog (window);
  adw_message_dialog_response (dialog, "reload");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (title_of (window), ==, "Changed elsewhere");
  g_assert_cmpuint (n_stages (window), ==, stages - 1);
  g_assert_false (wm_window_get_modified (window));
  /* The changes given up are not kept for recovery either. */
  g_assert_cmpuint (n_snapshots (), ==, 0);

  close_window (window);
}

/* Keep Mine keeps the map here; saving is refused until the user says to
 * replace the other version, which is then kept as the backup. */
static void
test_external_keep_mine (void)
{
  WmWindow *window = window_with ("full.waymark");
  g_autoptr(GFile) file = g_object_ref (wm_window_get_file (window));
  g_autoptr(GFile) backup = wm_save_get_backup (file);
  g_autofree char *on_disk = NULL;
  g_autofree char *kept = NULL;
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  change_elsewhere (file, "Changed elsewhere");
  wait_for (banner_says_changed, window);

  g_assert_true (activate (window, "win.keep-mine", NULL));
  g_assert_false (wm_file_banner_get_shown (wm_window_get_file_banner (window)));
  g_assert_cmpstr (title_of (window), !=, "Changed elsewhere");
  g_assert_true (wm_window_get_modified (window));

  g_assert_true (activate (window, "win.save", NULL));
  dialog = take_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace “full.waymark”?");
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Changed elsewhere");
  g_assert_true (wm_window_get_modified (window));

  adw_message_dialog_response (dialog, "replace");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (wm_window_get_modified (window));
  g_clear_pointer (&on_disk, g_free);
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, title_of (window));
  kept = title_on_disk (backup);
  g_assert_cmpstr (kept, ==, "Changed elsewhere");

  close_window (window);
}

/* A file deleted from outside: the banner says so, the map counts as
 * unsaved, and Save Again writes it back. */
static void
test_external_deleted (void)
{
  WmWindow *window = window_with ("full.waymark");
  g_autoptr(GFile) file = g_object_ref (wm_window_get_file (window));
  g_autofree char *on_disk = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_file_delete (file, NULL, NULL));
  wait_for (banner_says_deleted, window);
  g_assert_cmpstr (wm_file_banner_get_title (wm_window_get_file_banner (window)), ==,
                   "“full.waymark” was deleted or moved by another program");
  g_assert_true (wm_window_get_modified (window));

  g_assert_true (activate (window, "win.save", NULL));
  g_assert_null (take_message_dialog (window));
  g_assert_false (wm_window_get_modified (window));
  g_assert_false (wm_file_banner_get_shown (wm_window_get_file_banner (window)));
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, title_of (window));

  close_window (window);
}

/* Restored after a crash over a file changed since: the banner says so at
 * once, and saving asks. */
static void
test_external_while_away (void)
{
  WmWindow *window = window_with ("full.waymark");
  g_autoptr(GFile) file = g_object_ref (wm_window_get_file (window));
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  WmWindow *restored;

  g_assert_true (activate (window, "win.add-stage", NULL));
  wait_for (has_snapshot, NULL);
  close_window (window);
  change_elsewhere (file, "Changed while Waymark was away");

  orphans = find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  restored = wm_window_new (NULL);
  g_object_ref_sink (restored);
  g_assert_true (wm_window_restore (restored, g_ptr_array_index (orphans, 0), &error));
  g_assert_no_error (error);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  g_assert_true (banner_says_changed (restored));

  g_assert_true (activate (restored, "win.save", NULL));
  dialog = take_message_dialog (restored);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace “full.waymark”?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wm_window_get_modified (restored));

  /* Closing without saving: the copy stays for the next start. */
  close_window (restored);
  discard_orphans (1);
}

/* The recent files list is written in the background: it has changed
 * once it holds anything. */
static gboolean recent_changed;

static void
on_recent_changed (void)
{
  recent_changed = TRUE;
}

static gboolean
recent_has (gpointer file)
{
  g_autofree char *uri = g_file_get_uri (file);

  return recent_changed && gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

static void
assert_recent (GFile *file)
{
  wait_for (recent_has, file);
}

static void
test_open_broken (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmDocument *document = wm_window_get_document (window);
  g_autoptr(GFile) file = g_object_ref (wm_window_get_file (window));
  g_autoptr(GFile) broken = data_file ("broken/cards-array.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  AdwMessageDialog *dialog;
  WmDocument *none;
  WmWindow *fresh;

  g_assert_true (activate (window, "win.add-stage", NULL));

  g_assert_false (wm_window_open_file (window, broken, &error));
  g_assert_nonnull (error);
  g_assert_true (wm_window_get_document (window) == document);
  g_assert_true (g_file_equal (wm_window_get_file (window), file));
  g_assert_true (wm_window_get_modified (window));

  /* As from the Open button: the window says what the loader said. */
  none = wm_format_load_file (broken, NULL, &expected);
  g_assert_null (none);
  g_assert_true (wm_window_show_file (NULL, broken, window) == window);
  g_assert_true (wm_window_get_document (window) == document);
  dialog = take_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* As from the command line: a window on the welcome page says it. */
  fresh = wm_window_show_file (NULL, broken, NULL);
  g_assert_true (fresh != window);
  g_assert_null (wm_window_get_file (fresh));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fresh)), ==, "Waymark");
  g_assert_false (gtk_widget_is_sensitive (action_button (GTK_WIDGET (fresh), "win.save")));
  g_assert_false (wm_window_get_modified (fresh));
  dialog = take_message_dialog (fresh);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (fresh));

  close_window (window);
}

static void
test_open_presents_open_window (void)
{
  g_autoptr(GtkApplication) application = gtk_application_new ("io.github.waymark.TestWindow",
                                                                G_APPLICATION_NON_UNIQUE);
  g_autoptr(GFile) file = copy_of ("full.waymark");
  g_autoptr(GFile) other = copy_of ("rtl-persian.waymark");
  g_autoptr(GError) error = NULL;
  WmWindow *untouched, *first, *again, *second;

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  /* An untouched new map gives way to the opened one... */
  untouched = wm_window_new (application);
  first = wm_window_show_file (application, file, untouched);
  g_assert_true (first == untouched);
  g_assert_true (g_file_equal (wm_window_get_file (first), file));
  assert_recent (file);

  /* ...a map that is open already comes to the front, not twice... */
  again = wm_window_show_file (application, file, NULL);
  g_assert_true (again == first);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (application)), ==, 1);

  /* ...and another one gets a window of its own. */
  second = wm_window_show_file (application, other, first);
  g_assert_true (second != first);
  g_assert_true (g_file_equal (wm_window_get_file (first), file));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (application)), ==, 2);
  g_assert_true (wm_window_find (application, other) == second);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (first));
}

/* Closing */

static gboolean
is_finalized (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_close_asks (void)
{
  WmWindow *window = wm_window_new (NULL);
  g_autoptr(GFile) file = copy_of ("full.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) saved = NULL;
  AdwMessageDialog *dialog;
  gpointer alive = window;
  guint stages;

  g_assert_true (wm_window_open_file (window, file, &error));
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (activate (window, "win.add-stage", NULL));
  stages = n_stages (window);

  /* Closing the question keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = take_message_dialog (window);
  g_assert_nonnull (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (alive);
  g_assert_null (take_message_dialog (window));

  /* Save, the answer Enter gives, writes the map, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = take_message_dialog (window);
  g_assert_nonnull (dialog);
  gtk_widget_activate_default (GTK_WIDGET (dialog));
  wait_for (is_finalized, &alive);

  saved = wm_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (saved)), ==, stages);
  assert_recent (file);
}

static void
test_quit_asks_each (void)
{
  g_autoptr(WmApplication) application = wm_application_new ();
  g_autoptr(GFile) file = copy_of ("full.waymark");
  g_autoptr(GFile) other = copy_of ("rtl-persian.waymark");
  g_autoptr(GError) error = NULL;
  WmWindow *clean, *changed;
  gpointer clean_alive, changed_alive;
  AdwMessageDialog *dialog;

  /* Its own instance, not the desktop's Waymark. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  clean = wm_window_show_file (GTK_APPLICATION (application), file, NULL);
  changed = wm_window_show_file (GTK_APPLICATION (application), other, NULL);
  clean_alive = clean;
  changed_alive = changed;
  g_object_add_weak_pointer (G_OBJECT (clean), &clean_alive);
  g_object_add_weak_pointer (G_OBJECT (changed), &changed_alive);
  g_assert_true (activate (changed, "win.add-stage", NULL));

  /* Quit closes what is saved and asks about the rest. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  wait_for (is_finalized, &clean_alive);
  g_assert_nonnull (changed_alive);
  dialog = take_message_dialog (changed);
  g_assert_nonnull (dialog);

  /* Discarding lets it go too. */
  adw_message_dialog_response (dialog, "discard");
  wait_for (is_finalized, &changed_alive);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));
}

/* Editing */

static void
test_add_stage (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmStage *first = stage_at (window, 0);
  guint before = n_stages (window);
  WmStage *added;

  select_only (window, first);
  g_assert_true (activate (window, "win.add-stage", NULL));

  /* After the focused stage, and selected alone. */
  g_assert_cmpuint (n_stages (window), ==, before + 1);
  added = stage_at (window, 1);
  g_assert_true (stage_at (window, 0) == first);
  g_assert_true (focus_of (window) == WM_ELEMENT (added));
  g_assert_cmpuint (n_selected (window), ==, 1);

  /* Undone, it is gone from the map and from the selection. */
  undo (window);
  g_assert_cmpuint (n_stages (window), ==, before);
  g_assert_cmpuint (n_selected (window), ==, 0);

  close_window (window);
}

static void
test_add_lane_moment_persona (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmDocument *document = wm_window_get_document (window);
  GListModel *lanes = wm_document_get_lanes (document);
  guint n_lanes = g_list_model_get_n_items (lanes);
  guint n_personas = g_list_model_get_n_items (wm_document_get_personas (document));
  WmLane *lane;
  WmStage *stage;
  WmCard *card = first_card (window, &lane, &stage);
  WmElement *added;
  guint position;

  /* A lane of the kind asked for, after the focused lane. */
  g_assert_nonnull (wm_document_find (lanes, wm_element_get_id (WM_ELEMENT (lane)), &position));
  select_only (window, lane);
  g_assert_true (activate (window, "win.add-lane", g_variant_new_string ("pain-points")));
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, n_lanes + 1);
  added = focus_of (window);
  g_assert_true (added == item (lanes, position + 1));
  g_assert_cmpint (wm_lane_get_kind (WM_LANE (added)), ==, WM_LANE_KIND_PAIN_POINTS);

  /* A moment where the focused card is. */
  select_only (window, card);
  g_assert_true (activate (window, "win.add-moment", NULL));
  added = focus_of (window);
  g_assert_true (WM_IS_MOMENT (added));
  g_assert_cmpstr (wm_moment_get_stage (WM_MOMENT (added)), ==, wm_element_get_id (WM_ELEMENT (stage)));
  g_assert_cmpstr (wm_moment_get_lane (WM_MOMENT (added)), ==, wm_element_get_id (WM_ELEMENT (lane)));

  g_assert_true (activate (window, "win.add-persona", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_personas (document)), ==, n_personas + 1);
  g_assert_true (WM_IS_PERSONA (focus_of (window)));

  /* Each was one step. */
  undo (window);
  undo (window);
  undo (window);
  g_assert_false (wm_window_get_modified (window));

  close_window (window);
}

static void
test_delete (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmLane *lane;
  WmStage *stage;
  WmCard *card = first_card (window, &lane, &stage);
  guint before = n_cards (lane, stage);

  /* Nothing selected, nothing deleted. */
  activate (window, "win.delete", NULL);
  g_assert_cmpuint (n_cards (lane, stage), ==, before);
  g_assert_false (wm_window_get_modified (window));

  select_only (window, card);
  g_assert_true (activate (window, "win.delete", NULL));
  g_assert_cmpuint (n_cards (lane, stage), ==, before - 1);
  g_assert_cmpuint (n_selected (window), ==, 0);

  undo (window);
  g_assert_cmpuint (n_cards (lane, stage), ==, before);
  g_assert_true (item (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))), 0) == card);

  close_window (window);
}

static void
test_duplicate (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmLane *lane;
  WmStage *stage;
  WmCard *card = first_card (window, &lane, &stage);
  guint before = n_cards (lane, stage);
  WmElement *copy;

  select_only (window, card);
  g_assert_true (activate (window, "win.duplicate", NULL));
  g_assert_cmpuint (n_cards (lane, stage), ==, before + 1);

  /* The copy is selected instead of the original, and says the same. */
  copy = focus_of (window);
  g_assert_true (WM_IS_CARD (copy));
  g_assert_true (copy != WM_ELEMENT (card));
  g_assert_cmpstr (wm_card_get_text (WM_CARD (copy)), ==, wm_card_get_text (card));
  g_assert_cmpuint (n_selected (window), ==, 1);

  undo (window);
  g_assert_cmpuint (n_cards (lane, stage), ==, before);

  close_window (window);
}

typedef struct
{
  WmWindow *window;
  WmElement *old_focus;
} FocusWait;

static gboolean
focus_changed (gpointer data)
{
  FocusWait *wait = data;

  return focus_of (wait->window) != wait->old_focus;
}

static void
paste_and_wait (WmWindow *window)
{
  FocusWait wait = { window, focus_of (window) };

  g_assert_true (activate (window, "win.paste", NULL));
  wait_for (focus_changed, &wait);
}

static void
test_copy_paste (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmWindow *other = window_with ("rtl-persian.waymark");
  WmStage *stage = stage_at (window, 0);
  guint before = n_stages (window);
  guint other_before = n_stages (other);
  WmElement *pasted;

  select_only (window, stage);
  g_assert_true (activate (window, "win.copy", NULL));
  g_assert_false (wm_window_get_modified (window));

  /* Pasted within the map: a new stage, selected. */
  paste_and_wait (window);
  g_assert_cmpuint (n_stages (window), ==, before + 1);
  pasted = focus_of (window);
  g_assert_true (WM_IS_STAGE (pasted));
  g_assert_true (pasted != WM_ELEMENT (stage));
  g_assert_cmpstr (wm_stage_get_name (WM_STAGE (pasted)), ==, wm_stage_get_name (stage));
  undo (window);
  g_assert_cmpuint (n_stages (window), ==, before);

  /* And into another map. */
  paste_and_wait (other);
  g_assert_cmpuint (n_stages (other), ==, other_before + 1);
  g_assert_cmpstr (wm_stage_get_name (WM_STAGE (focus_of (other))), ==, wm_stage_get_name (stage));

  /* Cut takes it out of the map, and paste brings it back. */
  select_only (window, stage);
  g_assert_true (activate (window, "win.cut", NULL));
  g_assert_cmpuint (n_stages (window), ==, before - 1);
  paste_and_wait (window);
  g_assert_cmpuint (n_stages (window), ==, before);

  close_window (other);
  close_window (window);
}

static void
test_paste_text (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmLane *lane;
  WmStage *stage;
  WmCard *card = first_card (window, &lane, &stage);
  guint before = n_cards (lane, stage);
  WmElement *pasted;

  /* Text from another application becomes a card after the focused one. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), "  Call the dealer\n");
  select_only (window, card);
  paste_and_wait (window);

  pasted = focus_of (window);
  g_assert_true (WM_IS_CARD (pasted));
  g_assert_cmpstr (wm_card_get_text (WM_CARD (pasted)), ==, "Call the dealer");
  g_assert_cmpuint (n_cards (lane, stage), ==, before + 1);
  g_assert_true (item (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))), 1) == pasted);

  undo (window);
  g_assert_cmpuint (n_cards (lane, stage), ==, before);

  close_window (window);
}

static void
test_add_card (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmLane *lane;
  WmStage *stage;
  WmCard *card = first_card (window, &lane, &stage);
  guint before = n_cards (lane, stage);

  select_only (window, card);
  g_assert_true (activate (window, "win.add-card", NULL));
  g_assert_cmpuint (n_cards (lane, stage), ==, before + 1);
  g_assert_true (item (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))), 1) == (gpointer) focus_of (window));

  close_window (window);
}

static guint
position_of (WmWindow *window,
             WmStage  *stage)
{
  guint position;

  g_assert_nonnull (wm_document_find (wm_document_get_stages (wm_window_get_document (window)),
                                      wm_element_get_id (WM_ELEMENT (stage)), &position));
  return position;
}

static void
move (WmWindow   *window,
      const char *direction)
{
  g_assert_true (activate (window, "win.move", g_variant_new_string (direction)));
}

static void
test_move_direction (void)
{
  WmWindow *ltr = window_with ("full.waymark");
  WmWindow *rtl = window_with ("rtl-persian.waymark");
  WmStage *stage;

  /* The first stage is leftmost in a left-to-right map: right moves it on. */
  stage = stage_at (ltr, 0);
  select_only (ltr, stage);
  move (ltr, "right");
  g_assert_cmpuint (position_of (ltr, stage), ==, 1);
  move (ltr, "left");
  g_assert_cmpuint (position_of (ltr, stage), ==, 0);

  /* In a right-to-left map it is rightmost: left moves it on. */
  stage = stage_at (rtl, 0);
  select_only (rtl, stage);
  move (rtl, "left");
  g_assert_cmpuint (position_of (rtl, stage), ==, 1);
  move (rtl, "right");
  g_assert_cmpuint (position_of (rtl, stage), ==, 0);

  close_window (rtl);
  close_window (ltr);
}

/* View */

static void
test_zoom_and_inspector (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmCanvas *canvas = wm_window_get_canvas (window);
  g_autoptr(WmLayout) layout = wm_layout_new (wm_window_get_document (window));
  int width, height;
  double zoom;
  gboolean visible;

  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, canvas);

  g_assert_true (activate (window, "win.zoom-in", NULL));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), >, 1.0);
  g_assert_true (activate (window, "win.zoom-reset", NULL));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);

  /* Fit: the whole map shows, and fills the view one way. */
  g_assert_true (activate (window, "win.zoom-fit", NULL));
  zoom = wm_canvas_get_zoom (canvas);
  wm_layout_update (layout);
  width = gtk_widget_get_width (GTK_WIDGET (canvas));
  height = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_assert_cmpfloat (wm_layout_get_width (layout) * zoom, <=, width + 0.5);
  g_assert_cmpfloat (wm_layout_get_height (layout) * zoom, <=, height + 0.5);
  g_assert_true (wm_layout_get_width (layout) * zoom > width - 1 ||
                 wm_layout_get_height (layout) * zoom > height - 1);

  /* F9's action hides and shows the inspector. */
  g_assert_true (activate (window, "win.toggle-inspector", NULL));
  g_object_get (window, "inspector-visible", &visible, NULL);
  g_assert_false (visible);
  g_assert_true (activate (window, "win.toggle-inspector", NULL));
  g_object_get (window, "inspector-visible", &visible, NULL);
  g_assert_true (visible);

  close_window (window);
}

/* Export */

static WmExportDialog *
export_dialog_for (WmWindow *window)
{
  return wm_export_dialog_new (GTK_WINDOW (window), wm_window_get_document (window), NULL, "map");
}

static cairo_surface_t *
load_png (GFile *file)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (g_file_peek_path (file));

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
corner_pixel (cairo_surface_t *surface)
{
  cairo_surface_flush (surface);
  return *(const guint32 *) (const void *) cairo_image_surface_get_data (surface);
}

static double
luminance (guint32 argb)
{
  return (0.2126 * ((argb >> 16) & 0xff) + 0.7152 * ((argb >> 8) & 0xff) + 0.0722 * (argb & 0xff)) / 255.0;
}

static gboolean
bytes_start_with (GBytes     *bytes,
                  const char *prefix)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size >= strlen (prefix) && memcmp (data, prefix, strlen (prefix)) == 0;
}

static void
export_or_fail (WmExportDialog *dialog,
                GFile          *file)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_export_dialog_export (dialog, file, &error));
  g_assert_no_error (error);
}

static void
test_export_dialog (void)
{
  WmWindow *window = window_with ("full.waymark");
  g_autoptr(WmLayout) layout = wm_layout_new (wm_window_get_document (window));
  WmExportDialog *dialog = export_dialog_for (window);
  WmExportDialog *next;
  g_autoptr(GFile) png = tmp_file ("export.png");
  g_autoptr(GFile) svg = tmp_file ("export.svg");
  g_autoptr(GFile) pdf = tmp_file ("export.pdf");
  g_autoptr(GBytes) bytes = NULL;
  WmExportOptions options;
  cairo_surface_t *surface;

  wm_layout_update (layout);

  /* Light by default, whatever the desktop's style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.theme, ==, WM_THEME_LIGHT);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* PNG, at the scale chosen, in the colours chosen. */
  wm_export_dialog_set_options (dialog, &(WmExportOptions) { WM_EXPORT_PNG, 3, WM_THEME_DARK, FALSE });
  export_or_fail (dialog, png);
  surface = load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (wm_layout_get_width (layout) * 3));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (wm_layout_get_height (layout) * 3));
  g_assert_cmpint (corner_pixel (surface) >> 24, ==, 0xff);
  g_assert_cmpfloat (luminance (corner_pixel (surface)), <, 0.25);
  cairo_surface_destroy (surface);

  wm_export_dialog_set_options (dialog, &(WmExportOptions) { WM_EXPORT_PNG, 1, WM_THEME_LIGHT, TRUE });
  export_or_fail (dialog, png);
  surface = load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (wm_layout_get_width (layout)));
  g_assert_cmpint (corner_pixel (surface) >> 24, ==, 0);
  cairo_surface_destroy (surface);

  wm_export_dialog_set_options (dialog, &(WmExportOptions) { WM_EXPORT_SVG, 1, WM_THEME_LIGHT, FALSE });
  export_or_fail (dialog, svg);
  bytes = read_bytes (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<svg"));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A PDF page cannot be transparent: the choice is left aside. */
  wm_export_dialog_set_options (dialog, &(WmExportOptions) { WM_EXPORT_PDF, 2, WM_THEME_DARK, TRUE });
  export_or_fail (dialog, pdf);
  bytes = read_bytes (pdf);
  g_assert_true (bytes_start_with (bytes, "%PDF-"));

  /* The next dialog of the session starts from these choices. */
  next = export_dialog_for (window);
  wm_export_dialog_get_options (next, &options);
  g_assert_cmpint (options.format, ==, WM_EXPORT_PDF);
  g_assert_cmpint (options.scale, ==, 2);
  g_assert_cmpint (options.theme, ==, WM_THEME_DARK);
  g_assert_true (options.transparent);

  gtk_window_destroy (GTK_WINDOW (next));
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static void
test_export_fails (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmExportDialog *dialog = export_dialog_for (window);
  g_autoptr(GFile) blocker = tmp_file ("export-blocker");
  g_autoptr(GFile) bad = g_file_get_child (blocker, "map.png");
  g_autoptr(GError) error = NULL;
  WmExportOptions before, after;

  g_assert_true (g_file_set_contents (g_file_peek_path (blocker), "", 0, NULL));
  wm_export_dialog_get_options (dialog, &before);
  wm_export_dialog_set_options (dialog, &(WmExportOptions) { WM_EXPORT_SVG, 4, WM_THEME_DARK, TRUE });

  /* The exporter's own words, and a failed export is not remembered. */
  g_assert_false (wm_export_dialog_export (dialog, bad, &error));
  g_assert_nonnull (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = export_dialog_for (window);
  wm_export_dialog_get_options (dialog, &after);
  g_assert_cmpint (after.format, ==, before.format);
  g_assert_cmpint (after.scale, ==, before.scale);

  g_assert_true (g_file_delete (blocker, NULL, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* A copy of an example map in the temporary folder. */
static GFile *
copy_of_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  GFile *copy = tmp_file (name);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return copy;
}

/* A future-state map that names its current map compares with it: the
 * menu's action opens the compare window on the two. */
static void
test_compare (void)
{
  g_autoptr(GFile) current = copy_of_example ("car-purchase.waymark");
  g_autoptr(GFile) future = copy_of_example ("car-purchase-future.waymark");
  WmWindow *window = g_object_ref_sink (wm_window_new (NULL));
  g_autoptr(GError) error = NULL;
  GList *before, *after;
  gboolean opened = FALSE;

  g_assert_true (wm_window_open_file (window, future, &error));
  g_assert_no_error (error);
  before = gtk_window_list_toplevels ();
  g_assert_true (activate (window, "win.compare", NULL));
  after = gtk_window_list_toplevels ();
  for (GList *l = after; l != NULL; l = l->next)
    if (g_list_find (before, l->data) == NULL && WM_IS_COMPARE_WINDOW (l->data))
      {
        opened = TRUE;
        gtk_window_destroy (l->data);
      }
  g_assert_true (opened);

  g_list_free (before);
  g_list_free (after);
  close_window (window);
}

/* With no map, the welcome page: nothing to save or export; a template
 * chosen there makes a new map, and the window is a map window again. */
static void
test_welcome (void)
{
  WmWindow *window = g_object_ref_sink (wm_window_new (NULL));
  GtkWidget *save;

  gtk_window_present (GTK_WINDOW (window));
  wm_window_show_welcome (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Waymark");
  save = action_button (GTK_WIDGET (window), "win.save");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (gtk_widget_get_visible (save));
  g_assert_false (gtk_widget_is_sensitive (action_button (GTK_WIDGET (window), "win.export")));

  g_signal_emit_by_name (find_descendant (GTK_WIDGET (window), WM_TYPE_WELCOME),
                         "template-chosen", (guint) WM_TEMPLATE_FOUR_STEPS);
  g_assert_cmpuint (n_stages (window), ==, 4);
  g_assert_false (wm_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), !=, "Waymark");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_get_visible (save));

  close_window (window);
}

/* The palette row whose label is @name, anywhere under @widget. */
static GtkWidget *
palette_row (GtkWidget  *widget,
             const char *name)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));
      GtkWidget *label = box != NULL ? gtk_widget_get_last_child (box) : NULL;

      /* The welcome page's rows are list rows too, of another make. */
      return GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), name) == 0
               ? widget : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = palette_row (child, name);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* The palette's rows are the keyboard's way to add what they drag: a row
 * activated adds its element beside the selection. F8 hides the palette. */
static void
test_palette_keyboard (void)
{
  WmWindow *window = window_with ("full.waymark");
  WmDocument *document = wm_window_get_document (window);
  GListModel *lanes = wm_document_get_lanes (document);
  guint n_lanes = g_list_model_get_n_items (lanes);
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  GtkWidget *row;
  gboolean visible;

  row = palette_row (GTK_WIDGET (window), "Backstage");
  g_assert_nonnull (row);
  select_only (window, item (lanes, 0));
  gtk_widget_activate (row);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, n_lanes + 1);
  g_assert_true (WM_IS_LANE (focus_of (window)));
  g_assert_cmpint (wm_lane_get_kind (WM_LANE (focus_of (window))), ==, WM_LANE_KIND_BACKSTAGE);
  g_assert_true (item (lanes, 1) == (gpointer) focus_of (window));

  row = palette_row (GTK_WIDGET (window), "Stage");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, n_stages + 1);

  g_object_get (window, "palette-visible", &visible, NULL);
  g_assert_true (visible);
  g_assert_true (activate (window, "win.toggle-palette", NULL));
  g_object_get (window, "palette-visible", &visible, NULL);
  g_assert_false (visible);

  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("test-window-XXXXXX", &error);
  g_assert_no_error (error);

  /* Recent files go to the temporary folder, not the user's list. */
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* So do the copies of unsaved maps. */
  state_home = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  /* Accessibility in memory, not through a bus the test does not have. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_signal_connect (gtk_recent_manager_get_default (), "changed", G_CALLBACK (on_recent_changed), NULL);

  g_test_add_func ("/window/title-mark", test_title_mark);
  g_test_add_func ("/window/save/round-trip", test_save_round_trip);
  g_test_add_func ("/window/save/fails", test_save_fails);
  g_test_add_func ("/window/recovery/restore", test_recovery_restore);
  g_test_add_func ("/window/recovery/removed", test_recovery_removed);
  g_test_add_func ("/window/recovery/never-saved", test_recovery_never_saved);
  g_test_add_func ("/window/external/reload", test_external_reload);
  g_test_add_func ("/window/external/reload-asks", test_external_reload_asks);
  g_test_add_func ("/window/external/keep-mine", test_external_keep_mine);
  g_test_add_func ("/window/external/deleted", test_external_deleted);
  g_test_add_func ("/window/external/while-away", test_external_while_away);
  g_test_add_func ("/window/open/broken", test_open_broken);
  g_test_add_func ("/window/open/presents-open-window", test_open_presents_open_window);
  g_test_add_func ("/window/close/asks", test_close_asks);
  g_test_add_func ("/window/close/quit-asks-each", test_quit_asks_each);
  g_test_add_func ("/window/edit/add-stage", test_add_stage);
  g_test_add_func ("/window/edit/add-card", test_add_card);
  g_test_add_func ("/window/edit/add-lane-moment-persona", test_add_lane_moment_persona);
  g_test_add_func ("/window/edit/delete", test_delete);
  g_test_add_func ("/window/edit/duplicate", test_duplicate);
  g_test_add_func ("/window/edit/copy-paste", test_copy_paste);
  g_test_add_func ("/window/edit/paste-text", test_paste_text);
  g_test_add_func ("/window/edit/move-direction", test_move_direction);
  g_test_add_func ("/window/view/zoom-and-inspector", test_zoom_and_inspector);
  g_test_add_func ("/window/export/dialog", test_export_dialog);
  g_test_add_func ("/window/export/fails", test_export_fails);
  g_test_add_func ("/window/palette/keyboard", test_palette_keyboard);
  g_test_add_func ("/window/welcome", test_welcome);
  g_test_add_func ("/window/compare", test_compare);

  status = g_test_run ();
  remove_tree (tmp_dir);
  return status;
}
