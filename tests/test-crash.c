/* test-crash.c: pull the plug in the middle of editing.
 *
 * The real program (the waymark binary) opens a copy of an example map.
 * xdotool, through the X server, selects everything and deletes it, as a
 * designer's slip would; once the program has written its recovery copy,
 * it is killed with SIGKILL, with no chance to save or clean up. Then the
 * application starts again, in this process: it must offer the map back,
 * and Return restores it. The restored map has the edit, the file on disk
 * does not, until Ctrl+S saves it there.
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "test-xdotool.h"
#include "wm-application.h"
#include "wm-format.h"
#include "wm-recovery-dialog.h"
#include "wm-window.h"

#define APPLICATION_ID "io.github.waymark.Waymark"

typedef struct
{
  char *path;
  GBytes *original;
  WmWindow *restored;
  gboolean done;
} Run;

static char *state_home;

static char *
recovery_dir (void)
{
  return g_build_filename (state_home, "waymark", "recovery", NULL);
}

static gboolean
has_snapshot (gpointer data)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".waymark-recovery"))
      return TRUE;

  return FALSE;
}

static gboolean
has_no_snapshot (gpointer data)
{
  return !has_snapshot (data);
}

typedef struct
{
  const char *pid;
  char *xid;
} Search;

/* The X window of a process, once it shows. */
static gboolean
find_window (gpointer data)
{
  Search *search = data;
  g_autofree char *found = xdotool (NULL, "search --onlyvisible --pid %s", search->pid);

  if (*found == '\0')
    return FALSE;

  search->xid = g_strndup (found, strcspn (found, "\n"));
  return TRUE;
}

static gboolean
name_is_free (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = TRUE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return !owned;
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
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The first life: edit, then SIGKILL. */
static void
edit_and_kill (Run *run)
{
  const char *waymark = g_getenv ("WAYMARK");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (run->path);
  g_autoptr(GBytes) on_disk = NULL;
  Search search = { NULL, NULL };
  gboolean exited = FALSE;

  g_assert_nonnull (waymark);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, waymark, run->path, NULL);
  g_assert_no_error (error);

  search.pid = g_subprocess_get_identifier (process);
  wait_for (find_window, &search, "the window of the first Waymark");
  g_assert_false (has_snapshot (NULL));

  /* Select everything and delete it, with the pointer over the map. */
  g_free (xdotool (NULL, "mousemove --window %s 640 400 sleep 0.5 key ctrl+a sleep 0.2 key Delete", search.xid));
  g_free (search.xid);
  wait_for (has_snapshot, NULL, "the recovery copy of the edit");

  g_subprocess_force_exit (process);
  g_subprocess_wait_async (process, NULL, on_subprocess_exited, &exited);
  wait_for (is_true, &exited, "the first Waymark to die");
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  /* The file was never saved; the bus lets the application's name go. */
  on_disk = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (on_disk, run->original));
  wait_for (name_is_free, NULL, "the application's name on the bus");
}

static WmRecoveryDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (WM_IS_RECOVERY_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return WM_RECOVERY_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
map_restored (gpointer data)
{
  Run *run = data;
  g_autoptr(GFile) file = g_file_new_for_path (run->path);

  run->restored = wm_window_find (GTK_APPLICATION (g_application_get_default ()), file);
  return run->restored != NULL && wm_window_get_modified (run->restored);
}

static gboolean
saved (gpointer data)
{
  Run *run = data;

  return !wm_window_get_modified (run->restored);
}

static gulong
xid_of (gpointer window)
{
  gdk_display_sync (gtk_widget_get_display (window));
  return gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
}

static guint
n_stages (WmDocument *document)
{
  return g_list_model_get_n_items (wm_document_get_stages (document));
}

/* The second life, in this process. */
static gboolean
restore_and_save (gpointer data)
{
  Run *run = data;
  g_autoptr(GFile) file = g_file_new_for_path (run->path);
  g_autoptr(GError) error = NULL;
  WmRecoveryDialog *dialog;
  GListModel *maps;
  g_autoptr(WmRecovery) map = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(WmDocument) saved_map = NULL;

  /* The question shows what the map is. */
  wait_for (dialog_shown, NULL, "the question about unsaved maps");
  dialog = find_dialog ();
  maps = wm_recovery_dialog_get_maps (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (maps), ==, 1);
  map = g_list_model_get_item (maps, 0);
  g_assert_true (g_file_equal (wm_recovery_get_file (map), file));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Restore Unsaved Map?");

  /* Return: Restore, the answer it suggests. */
  g_free (xdotool (NULL, "mousemove --window %lu 20 20 sleep 0.3 key Return", xid_of (dialog)));
  wait_for (map_restored, run, "the restored map");

  /* The map has the edit; the file has not. */
  g_assert_cmpuint (n_stages (wm_window_get_document (run->restored)), ==, 0);
  on_disk = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (on_disk, run->original));

  /* Tied to its file: Ctrl+S saves it there, and the copy goes. */
  g_free (xdotool (NULL, "mousemove --window %lu 640 400 sleep 0.3 key ctrl+s", xid_of (run->restored)));
  wait_for (saved, run, "the save");
  saved_map = wm_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_stages (saved_map), ==, 0);
  wait_for (has_no_snapshot, NULL, "the recovery copy to go");

  run->done = TRUE;
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
on_startup (GApplication *application,
            Run          *run)
{
  g_idle_add (restore_and_save, run);
}

static void
test_kill_and_restore (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                   "car-purchase.waymark", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-crash-XXXXXX", NULL);
  g_autoptr(WmApplication) application = NULL;
  g_autoptr(WmDocument) original = NULL;
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;
  Run run = { .path = g_build_filename (dir, "car.waymark", NULL) };
  char *argv[] = { (char *) "waymark", NULL };

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  run.original = g_bytes_new_take (contents, length);
  g_assert_true (g_file_set_contents (run.path, contents, length, NULL));
  original = wm_format_load_bytes (run.original, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_stages (original), >, 0);

  edit_and_kill (&run);

  application = wm_application_new ();
  g_signal_connect (application, "startup", G_CALLBACK (on_startup), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 1, argv), ==, 0);
  g_assert_true (run.done);

  remove_tree (dir);
  g_free (run.path);
  g_bytes_unref (run.original);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("waymark-crash-state-XXXXXX", NULL);
  int status;

  /* Both lives keep their copies here, not in the user's folder. */
  state_home = g_build_filename (tmp, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  /* No accessibility bus: its daemon would write to the test's output. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-and-restore", test_kill_and_restore);

  status = g_test_run ();
  remove_tree (tmp);
  g_free (state_home);
  return status;
}
