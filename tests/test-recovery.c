/* test-recovery.c: snapshots of unsaved maps, and finding them again after
 * their process died. */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "wm-format.h"
#include "wm-recovery.h"

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-recovery-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_with_suffix (const char *dir,
                   const char *suffix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      n++;

  return n;
}

static WmDocument *
load_map (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
assert_same_map (WmDocument *a,
                 WmDocument *b)
{
  g_autoptr(GBytes) first = wm_format_save_bytes (a);
  g_autoptr(GBytes) second = wm_format_save_bytes (b);

  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));
}

static WmRecovery *
new_slot (GFile *folder)
{
  g_autoptr(GError) error = NULL;
  WmRecovery *slot = wm_recovery_new (folder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (slot);
  return slot;
}

static void
write_or_fail (WmRecovery *slot,
               WmDocument *document,
               GFile      *file,
               const char *etag)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_recovery_write (slot, document, file, etag, &error));
  g_assert_no_error (error);
}

/* What a snapshot says, and the map in it, byte for byte. */
static void
test_write_and_load (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path ("/home/someone/Journeys/car.waymark");
  g_autoptr(WmDocument) document = load_map ("full.waymark");
  g_autoptr(WmDocument) loaded = NULL;
  g_autoptr(WmRecovery) slot = new_slot (folder);
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_recovery_has_snapshot (slot));
  wm_document_set_title (document, "Buying a car");
  write_or_fail (slot, document, file, "1234:5678");
  after = g_date_time_new_now_utc ();

  g_assert_true (wm_recovery_has_snapshot (slot));
  g_assert_cmpstr (wm_recovery_get_title (slot), ==, "Buying a car");
  g_assert_true (g_file_equal (wm_recovery_get_file (slot), file));
  g_assert_cmpstr (wm_recovery_get_etag (slot), ==, "1234:5678");
  g_assert_cmpint (g_date_time_compare (before, wm_recovery_get_time (slot)), <=, 0);
  g_assert_cmpint (g_date_time_compare (wm_recovery_get_time (slot), after), <=, 0);

  loaded = wm_recovery_load (slot, &error);
  g_assert_no_error (error);
  assert_same_map (loaded, document);

  /* One snapshot and its lock; written again, still one, the latest. */
  g_assert_cmpuint (count_with_suffix (dir, ".waymark-recovery"), ==, 1);
  g_assert_cmpuint (count_with_suffix (dir, NULL), ==, 2);
  wm_document_set_title (document, "Buying a car, again");
  write_or_fail (slot, document, file, "1234:5678");
  g_assert_cmpuint (count_with_suffix (dir, NULL), ==, 2);
  g_clear_object (&loaded);
  loaded = wm_recovery_load (slot, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_document_get_title (loaded), ==, "Buying a car, again");

  g_clear_object (&slot);
  remove_tree (dir);
}

/* A slot held by a live window is nobody's orphan; once its owner is
 * gone, it is found, with all it said, and held by the finder. */
static void
test_orphans (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(WmDocument) document = load_map ("rtl-persian.waymark");
  g_autoptr(WmRecovery) slot = new_slot (folder);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(WmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  WmRecovery *orphan;

  write_or_fail (slot, document, NULL, NULL);
  time = g_date_time_ref (wm_recovery_get_time (slot));
  orphans = wm_recovery_find_orphans (folder);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  g_clear_object (&slot);
  orphans = wm_recovery_find_orphans (folder);
  g_assert_cmpuint (orphans->len, ==, 1);
  orphan = g_ptr_array_index (orphans, 0);
  g_assert_true (wm_recovery_has_snapshot (orphan));
  g_assert_cmpstr (wm_recovery_get_title (orphan), ==, wm_document_get_title (document));
  g_assert_null (wm_recovery_get_file (orphan));
  g_assert_null (wm_recovery_get_etag (orphan));
  g_assert_true (g_date_time_equal (wm_recovery_get_time (orphan), time));
  loaded = wm_recovery_load (orphan, &error);
  g_assert_no_error (error);
  assert_same_map (loaded, document);

  /* Another start meanwhile does not offer it twice. */
  again = wm_recovery_find_orphans (folder);
  g_assert_cmpuint (again->len, ==, 0);

  /* Let go without a decision, it is offered again next time. */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  g_clear_pointer (&again, g_ptr_array_unref);
  orphans = wm_recovery_find_orphans (folder);
  g_assert_cmpuint (orphans->len, ==, 1);

  g_clear_pointer (&orphans, g_ptr_array_unref);
  remove_tree (dir);
}

/* Discarded, a snapshot is gone, and an empty slot leaves nothing. */
static void
test_discard (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(WmDocument) document = load_map ("minimal.waymark");
  g_autoptr(WmRecovery) slot = new_slot (folder);
  g_autoptr(GPtrArray) orphans = NULL;

  write_or_fail (slot, document, NULL, NULL);
  wm_recovery_discard (slot);
  g_assert_false (wm_recovery_has_snapshot (slot));
  g_assert_cmpuint (count_with_suffix (dir, ".waymark-recovery"), ==, 0);

  g_clear_object (&slot);
  g_assert_cmpuint (count_with_suffix (dir, NULL), ==, 0);
  orphans = wm_recovery_find_orphans (folder);
  g_assert_cmpuint (orphans->len, ==, 0);

  remove_tree (dir);
}

/* Oldest first, each with its own map. */
static void
test_several (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/second.waymark");
  g_autoptr(WmDocument) first = load_map ("full.waymark");
  g_autoptr(WmDocument) second = load_map ("rtl-persian.waymark");
  g_autoptr(GPtrArray) orphans = NULL;
  WmRecovery *slot;

  slot = new_slot (folder);
  write_or_fail (slot, first, NULL, NULL);
  g_object_unref (slot);
  g_usleep (2000); /* two snapshots, two times */
  slot = new_slot (folder);
  write_or_fail (slot, second, file, "etag");
  g_object_unref (slot);

  orphans = wm_recovery_find_orphans (folder);
  g_assert_cmpuint (orphans->len, ==, 2);
  g_assert_cmpstr (wm_recovery_get_title (g_ptr_array_index (orphans, 0)), ==, wm_document_get_title (first));
  g_assert_cmpstr (wm_recovery_get_title (g_ptr_array_index (orphans, 1)), ==, wm_document_get_title (second));
  g_assert_true (g_file_equal (wm_recovery_get_file (g_ptr_array_index (orphans, 1)), file));

  g_clear_pointer (&orphans, g_ptr_array_unref);
  remove_tree (dir);
}

/* What is not a snapshot this build reads is not offered, and not
 * deleted either; a lock left alone by a dead process goes. */
static void
test_damaged (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) orphans = NULL;
  const char *bad[] = {
    "",
    "no header line",
    "{ \"format\": \"waymark-recovery\", \"version\": 1 }\n{}",       /* no time */
    "{ \"format\": \"waymark-recovery\", \"version\": 2, \"time\": \"2024-01-01T00:00:00Z\" }\n{}",
    "[ \"format\" ]\n{}",
    "\xff\xfe{ not json\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.waymark-recovery", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, bad[i], -1, NULL));
    }
  {
    g_autofree char *stale = g_build_filename (dir, "dead.lock", NULL);

    g_assert_true (g_file_set_contents (stale, "", 0, NULL));
  }

  orphans = wm_recovery_find_orphans (folder);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_cmpuint (count_with_suffix (dir, ".waymark-recovery"), ==, G_N_ELEMENTS (bad));
  g_assert_cmpuint (count_with_suffix (dir, "dead.lock"), ==, 0);

  g_clear_pointer (&orphans, g_ptr_array_unref);
  remove_tree (dir);
}

/* A process killed with SIGKILL right after its snapshot leaves it for the
 * next one to find. */
static void
test_killed (void)
{
  g_autoptr(WmDocument) document = load_map ("full.waymark");

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) folder = g_file_new_for_path (g_getenv ("WAYMARK_TEST_DIR"));
      g_autoptr(GFile) file = g_file_new_for_path ("/tmp/killed.waymark");
      WmRecovery *slot = new_slot (folder);

      wm_document_set_title (document, "Unsaved when killed");
      write_or_fail (slot, document, file, "etag");
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  {
    g_autofree char *dir = make_tmp_dir ();
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(GPtrArray) orphans = NULL;
    g_autoptr(WmDocument) loaded = NULL;
    g_autoptr(GError) error = NULL;

    g_setenv ("WAYMARK_TEST_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_failed ();

    orphans = wm_recovery_find_orphans (folder);
    g_assert_cmpuint (orphans->len, ==, 1);
    g_assert_cmpstr (wm_recovery_get_title (g_ptr_array_index (orphans, 0)), ==, "Unsaved when killed");
    loaded = wm_recovery_load (g_ptr_array_index (orphans, 0), &error);
    g_assert_no_error (error);
    wm_document_set_title (document, "Unsaved when killed");
    assert_same_map (loaded, document);

    g_clear_pointer (&orphans, g_ptr_array_unref);
    remove_tree (dir);
  }
}

/* XDG_STATE_HOME decides where snapshots go. */
static void
test_default_folder (void)
{
  g_autoptr(GFile) folder = wm_recovery_get_default_folder ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "waymark", "recovery", NULL);

  g_assert_cmpstr (g_file_peek_path (folder), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/write-and-load", test_write_and_load);
  g_test_add_func ("/recovery/orphans", test_orphans);
  g_test_add_func ("/recovery/discard", test_discard);
  g_test_add_func ("/recovery/several", test_several);
  g_test_add_func ("/recovery/damaged", test_damaged);
  g_test_add_func ("/recovery/killed", test_killed);
  g_test_add_func ("/recovery/default-folder", test_default_folder);

  return g_test_run ();
}
