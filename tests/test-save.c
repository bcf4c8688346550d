/* test-save.c: saving never costs the version on disk.
 *
 * Each failure is made for real: a folder that may not be written, a
 * folder that is a file, a file someone else changed, and a disk that is
 * full (a small tmpfs, mounted in a mount namespace of the test's own).
 * Root may write anywhere, so the permission checks run as "nobody" when
 * the tests run as root, and are skipped where that is not possible.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wm-format.h"
#include "wm-save.h"

#define NOBODY 65534
#define SMALL_DISK "size=256k"

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  g_chmod (dir, 0700);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static GBytes *
read_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_path (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) actual = read_path (path);

  g_assert_cmpmem (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static WmDocument *
load_map (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "full.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Another program writes @path: new contents, and a time of their own
 * (a file system may count time too coarsely to tell two writes apart). */
static void
change_behind_our_back (const char *path,
                        const char *contents)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  write_path (path, contents);
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, st.st_mtime + 60,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_new_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GBytes) expected = wm_format_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *now = NULL;
  g_autofree char *names = NULL;

  g_assert_true (wm_save_file (document, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, expected);

  /* The etag given back is the file's, and there is nothing beside it. */
  now = wm_save_query_etag (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (etag, ==, now);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "map.waymark");

  remove_tree (dir);
}

/* The backup is the previous version, byte for byte, and the file keeps
 * its permissions. */
static void
test_backup (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = wm_save_get_backup (file);
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GBytes) old = g_bytes_new_static ("{ \"an\": \"older version\" }\n", 26);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *next_etag = NULL;
  g_autofree char *names = NULL;
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  GStatBuf st;

  g_assert_cmpstr (g_file_peek_path (backup), ==, backup_path);

  write_path (path, g_bytes_get_data (old, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  etag = wm_save_query_etag (file, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (wm_save_file (document, file, etag, &next_etag, NULL, &error));
  g_assert_no_error (error);
  first = wm_format_save_bytes (document);
  assert_file_is (path, first);
  assert_file_is (g_file_peek_path (backup), old);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "map.waymark map.waymark~");

  /* The next save keeps the first as the backup. */
  wm_document_set_title (document, "Second version");
  g_assert_true (wm_save_file (document, file, next_etag, NULL, NULL, &error));
  g_assert_no_error (error);
  second = wm_format_save_bytes (document);
  assert_file_is (path, second);
  assert_file_is (g_file_peek_path (backup), first);

  remove_tree (dir);
}

/* Where the old version cannot be kept beside the new one, the map is
 * saved all the same, and what is in the backup's place is left alone. */
static void
test_backup_impossible (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *in_the_way = g_build_filename (dir, "map.waymark~", "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = wm_save_get_backup (file);
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GBytes) expected = wm_format_save_bytes (document);
  g_autoptr(GBytes) notes = g_bytes_new_static ("not a backup\n", 13);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  write_path (path, "old version\n");
  g_assert_cmpint (g_mkdir (g_file_peek_path (backup), 0700), ==, 0);
  write_path (in_the_way, "not a backup\n");

  g_assert_true (wm_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, expected);
  assert_file_is (in_the_way, notes);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "map.waymark map.waymark~");

  remove_tree (dir);
}

/* Someone else's change is not overwritten. */
static void
test_wrong_etag (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GBytes) theirs = g_bytes_new_static ("their version\n", 14);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *names = NULL;

  g_assert_true (wm_save_file (document, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  change_behind_our_back (path, g_bytes_get_data (theirs, NULL));

  wm_document_set_title (document, "Mine");
  g_assert_false (wm_save_file (document, file, etag, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "“map.waymark” was changed by another program"));
  assert_file_is (path, theirs);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "map.waymark");

  remove_tree (dir);
}

/* A file deleted meanwhile is written again. */
static void
test_deleted_meanwhile (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *again = NULL;

  g_assert_true (wm_save_file (document, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);

  wm_document_set_title (document, "Saved again");
  g_assert_true (wm_save_file (document, file, etag, &again, NULL, &error));
  g_assert_no_error (error);
  expected = wm_format_save_bytes (document);
  assert_file_is (path, expected);
  g_assert_nonnull (again);

  remove_tree (dir);
}

/* A folder that is a file: no user, not even root, can save there. */
static void
test_not_a_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "notes", NULL);
  g_autofree char *path = g_build_filename (blocker, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("The folder “%s” does not exist.", blocker);

  write_path (blocker, "a file, not a folder\n");
  g_assert_false (wm_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_nonnull (strstr (error->message, "Save As"));

  remove_tree (dir);
}

static void
test_is_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (wm_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "“map.waymark” is a folder. Save the map with another name with “Save As…”.");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  remove_tree (dir);
}

/* A map reached through a symbolic link stays a link. */
static void
test_symlink (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.waymark", NULL);
  g_autofree char *link = g_build_filename (dir, "link.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GFile) backup = NULL;
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GBytes) old = g_bytes_new_static ("old\n", 4);
  g_autoptr(GBytes) expected = wm_format_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *backup_path = g_strconcat (real, "~", NULL);

  write_path (real, "old\n");
  g_assert_cmpint (symlink ("real.waymark", link), ==, 0);

  g_assert_true (wm_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_file_is (real, expected);
  backup = wm_save_get_backup (file);
  g_assert_cmpstr (g_file_peek_path (backup), ==, backup_path);
  assert_file_is (g_file_peek_path (backup), old);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "link.waymark real.waymark real.waymark~");

  remove_tree (dir);
}

/* Running unprivileged */

static gboolean
drop_root (void)
{
  return setgid (NOBODY) == 0 && setuid (NOBODY) == 0;
}

/* Whether this process, being root, could become "nobody" (not in every
 * container); tried in a child, since there is no way back. */
static gboolean
can_drop_root (void)
{
  pid_t pid = fork ();
  int status = 0;

  if (pid == 0)
    _exit (drop_root () ? 0 : 1);

  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Runs this test again in a child that permissions apply to, with @dir
 * passed on; FALSE (the test skipped) where there is no such child. */
static gboolean
run_unprivileged (const char *dir)
{
  if (geteuid () == 0 && !can_drop_root ())
    {
      g_test_skip ("running as root, which may write anywhere, and cannot become nobody here");
      return FALSE;
    }

  g_setenv ("WAYMARK_TEST_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return TRUE;
}

/* The child's side: the folder, as "nobody" when root. */
static const char *
unprivileged_dir (void)
{
  if (geteuid () == 0)
    g_assert_true (drop_root ());
  return g_getenv ("WAYMARK_TEST_DIR");
}

/* A folder that may not be written: the old file stays, and the error
 * says why. */
static void
test_read_only_folder (void)
{
  g_autoptr(GBytes) old = g_bytes_new_static ("old version\n", 12);

  if (g_test_subprocess ())
    {
      const char *dir = unprivileged_dir ();
      g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(WmDocument) document = load_map ();
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("The folder “%s” is read-only.", dir);
      g_autofree char *names = NULL;

      g_assert_false (wm_save_file (document, file, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_true (g_str_has_prefix (error->message, expected));
      assert_file_is (path, old);
      names = list_dir (dir);
      g_assert_cmpstr (names, ==, "map.waymark");
      return;
    }

  {
    g_autofree char *tmp = make_tmp_dir ();
    g_autofree char *dir = g_build_filename (tmp, "read-only", NULL);
    g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);

    g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
    g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
    write_path (path, g_bytes_get_data (old, NULL));
    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

    if (run_unprivileged (dir))
      assert_file_is (path, old);
    remove_tree (tmp);
  }
}

/* A file its owner made read-only is not replaced, though its folder
 * would allow it. */
static void
test_read_only_file (void)
{
  g_autoptr(GBytes) old = g_bytes_new_static ("old version\n", 12);

  if (g_test_subprocess ())
    {
      const char *dir = unprivileged_dir ();
      g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(WmDocument) document = load_map ();
      g_autoptr(GError) error = NULL;

      g_assert_false (wm_save_file (document, file, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_true (g_str_has_prefix (error->message, "You do not have permission to change “map.waymark”."));
      assert_file_is (path, old);
      return;
    }

  {
    g_autofree char *dir = make_tmp_dir ();
    g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);

    write_path (path, g_bytes_get_data (old, NULL));
    g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    g_assert_cmpint (g_chmod (dir, 0777), ==, 0);

    if (run_unprivileged (dir))
      assert_file_is (path, old);
    remove_tree (dir);
  }
}

/* A full disk */

static gboolean
write_all (int         fd,
           const char *text)
{
  return write (fd, text, strlen (text)) == (ssize_t) strlen (text);
}

static gboolean
write_id_map (const char *path,
              const char *map)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean written = fd >= 0 && write_all (fd, map);

  if (fd >= 0)
    close (fd);
  return written;
}

/* Mounts a small tmpfs on @dir, seen by this process alone: in a mount
 * namespace of its own, which a user other than root gets inside a user
 * namespace. Only system calls: the probe runs it in a forked child. */
static gboolean
mount_small_disk (const char *dir,
                  const char *uid_map,
                  const char *gid_map)
{
  if (uid_map != NULL)
    {
      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0 ||
          !write_id_map ("/proc/self/setgroups", "deny") ||
          !write_id_map ("/proc/self/uid_map", uid_map) ||
          !write_id_map ("/proc/self/gid_map", gid_map))
        return FALSE;
    }
  else if (unshare (CLONE_NEWNS) != 0)
    return FALSE;

  /* Nothing mounted here may reach the system's own mount table. */
  return mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
         mount ("waymark-test", dir, "tmpfs", 0, SMALL_DISK) == 0;
}

static void
id_maps (char **uid_map,
         char **gid_map)
{
  *uid_map = geteuid () == 0 ? NULL : g_strdup_printf ("0 %u 1", (guint) geteuid ());
  *gid_map = geteuid () == 0 ? NULL : g_strdup_printf ("0 %u 1", (guint) getegid ());
}

static gboolean
can_mount_small_disk (const char *dir)
{
  g_autofree char *uid_map = NULL;
  g_autofree char *gid_map = NULL;
  pid_t pid;
  int status = 0;

  id_maps (&uid_map, &gid_map);
  pid = fork ();
  if (pid == 0)
    _exit (mount_small_disk (dir, uid_map, gid_map) ? 0 : 1);

  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Fills the disk that @dir is on, to the last byte. */
static void
fill_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  char block[4096] = { 0 };
  int fd = open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  while (write (fd, block, 1) > 0)
    ;
  close (fd);
}

static void
test_disk_full (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("WAYMARK_TEST_DIR");
      g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
      g_autofree char *backup_path = g_strconcat (path, "~", NULL);
      g_autofree char *filler = g_build_filename (dir, "filler", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(WmDocument) document = load_map ();
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GBytes) backup = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *etag = NULL;
      g_autofree char *names = NULL;
      g_autofree char *uid_map = NULL;
      g_autofree char *gid_map = NULL;

      /* First, before any thread: a user namespace wants a single thread. */
      id_maps (&uid_map, &gid_map);
      g_assert_true (mount_small_disk (dir, uid_map, gid_map));

      /* A map saved twice: a file and its backup. */
      g_assert_true (wm_save_file (document, file, NULL, &etag, NULL, &error));
      g_assert_no_error (error);
      wm_document_set_title (document, "Second");
      g_assert_true (wm_save_file (document, file, etag, &etag, NULL, &error));
      g_assert_no_error (error);
      saved = read_path (path);
      backup = read_path (backup_path);

      fill_disk (dir);
      wm_document_set_title (document, "Third, which does not fit");
      g_assert_false (wm_save_file (document, file, etag, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_true (g_str_has_prefix (error->message, "The disk is full."));
      g_clear_error (&error);

      /* Both versions are whole, and nothing half-written is left. */
      assert_file_is (path, saved);
      assert_file_is (backup_path, backup);
      names = list_dir (dir);
      g_assert_cmpstr (names, ==, "filler map.waymark map.waymark~");

      /* Room made, the same save goes through. */
      g_assert_cmpint (g_unlink (filler), ==, 0);
      g_assert_true (wm_save_file (document, file, etag, NULL, NULL, &error));
      g_assert_no_error (error);
      g_clear_pointer (&saved, g_bytes_unref);
      saved = wm_format_save_bytes (document);
      assert_file_is (path, saved);
      return;
    }

  {
    g_autofree char *dir = make_tmp_dir ();

    if (!can_mount_small_disk (dir))
      g_test_skip ("cannot mount a small tmpfs here: that needs root or user namespaces");
    else
      {
        g_setenv ("WAYMARK_TEST_DIR", dir, TRUE);
        g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
        g_test_trap_assert_passed ();
      }
    remove_tree (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Local files only, through GIO's own code, in this process alone. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/new-file", test_new_file);
  g_test_add_func ("/save/backup", test_backup);
  g_test_add_func ("/save/backup-impossible", test_backup_impossible);
  g_test_add_func ("/save/wrong-etag", test_wrong_etag);
  g_test_add_func ("/save/deleted-meanwhile", test_deleted_meanwhile);
  g_test_add_func ("/save/not-a-folder", test_not_a_folder);
  g_test_add_func ("/save/is-folder", test_is_folder);
  g_test_add_func ("/save/symlink", test_symlink);
  g_test_add_func ("/save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/save/read-only-file", test_read_only_file);
  g_test_add_func ("/save/disk-full", test_disk_full);

  return g_test_run ();
}
