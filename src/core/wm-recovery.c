/* wm-recovery.c: copies of unsaved maps, kept for after a crash.
 *
 * Each window with unsaved changes has a slot in the recovery folder
 * ($XDG_STATE_HOME/waymark/recovery): "ID.waymark-recovery" holds the map
 * as it was a moment ago, and "ID.lock" is locked (flock) for as long as
 * the window's process lives. The lock goes with the process however it
 * ends, so a snapshot whose lock can be taken is an orphan: its owner
 * crashed or was killed before the map was saved. The next start finds
 * the orphans, offers them, and the windows that restore them take their
 * slots over.
 *
 * A snapshot is one file, written whole or not at all: a line of JSON
 * saying what the map is (title, file, the file's etag, when), then the
 * map as its .waymark file would be.
 */
#include "wm-recovery.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/file.h>
#include <unistd.h>

#include "wm-format.h"

#define SNAPSHOT_SUFFIX ".waymark-recovery"
#define LOCK_SUFFIX ".lock"
#define HEADER_FORMAT "waymark-recovery"
#define HEADER_VERSION 1
/* The header is a title and a few names: anything longer is not one. */
#define MAX_HEADER (64 * 1024)

struct _WmRecovery
{
  GObject parent_instance;

  char *folder;
  char *id;
  int lock_fd;
  gboolean has_snapshot;

  /* What the snapshot says the map is. */
  char *title;
  GFile *file;
  char *etag;
  GDateTime *time;
};

G_DEFINE_FINAL_TYPE (WmRecovery, wm_recovery, G_TYPE_OBJECT)

static char *
slot_path (WmRecovery *self,
           const char *suffix)
{
  g_autofree char *name = g_strconcat (self->id, suffix, NULL);

  return g_build_filename (self->folder, name, NULL);
}

/* Holds the lock at @path, or gives -1 while another process does. */
static int
take_lock (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }

  return fd;
}

static WmRecovery *
recovery_new (const char *folder,
              const char *id,
              int         lock_fd)
{
  WmRecovery *self = g_object_new (WM_TYPE_RECOVERY, NULL);

  self->folder = g_strdup (folder);
  self->id = g_strdup (id);
  self->lock_fd = lock_fd;
  return self;
}

static void
wm_recovery_finalize (GObject *object)
{
  WmRecovery *self = WM_RECOVERY (object);

  /* An empty slot goes; a snapshot stays, for the next start to offer. */
  if (self->lock_fd >= 0)
    {
      if (!self->has_snapshot)
        {
          g_autofree char *lock = slot_path (self, LOCK_SUFFIX);

          g_unlink (lock);
        }
      close (self->lock_fd);
    }

  g_free (self->folder);
  g_free (self->id);
  g_free (self->title);
  g_clear_object (&self->file);
  g_free (self->etag);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (wm_recovery_parent_class)->finalize (object);
}

static void
wm_recovery_class_init (WmRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_recovery_finalize;
}

static void
wm_recovery_init (WmRecovery *self)
{
  self->lock_fd = -1;
}

/**
 * wm_recovery_get_default_folder:
 *
 * Returns: (transfer full): where snapshots go: "waymark/recovery" in the
 *   user's state folder
 */
GFile *
wm_recovery_get_default_folder (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "waymark", "recovery", NULL);
}

static char *
folder_path (GFile *folder)
{
  g_autoptr(GFile) fallback = NULL;

  if (folder == NULL)
    folder = fallback = wm_recovery_get_default_folder ();
  return g_file_get_path (folder);
}

/**
 * wm_recovery_new:
 * @folder: (nullable): the recovery folder, or %NULL for the default one
 *
 * Makes a slot for the snapshots of one map, held by this process.
 *
 * Returns: (transfer full) (nullable): the slot, or %NULL with @error set
 */
WmRecovery *
wm_recovery_new (GFile   *folder,
                 GError **error)
{
  g_autofree char *path = folder_path (folder);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (id, LOCK_SUFFIX, NULL);
  g_autofree char *lock = g_build_filename (path, name, NULL);
  int fd;

  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  if (path == NULL || g_mkdir_with_parents (path, 0700) != 0 || (fd = take_lock (lock)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make a place for recovery copies in “%s”: %s"),
                   path != NULL ? path : "", g_strerror (saved_errno));
      return NULL;
    }

  return recovery_new (path, id, fd);
}

static char *
header_new (WmDocument *document,
            GFile      *file,
            const char *etag,
            GDateTime  *time)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
  g_autofree char *when = g_date_time_format_iso8601 (time);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, HEADER_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, HEADER_VERSION);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, wm_document_get_title (document));
  if (uri != NULL)
    {
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, uri);
    }
  if (etag != NULL)
    {
      json_builder_set_member_name (builder, "etag");
      json_builder_add_string_value (builder, etag);
    }
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, when);
  json_builder_end_object (builder);

  /* Not pretty: the header is one line, ended by the first newline. */
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
set_details (WmRecovery *self,
             const char *title,
             GFile      *file,
             const char *etag,
             GDateTime  *time)
{
  g_autofree char *old_title = self->title;
  g_autofree char *old_etag = self->etag;

  self->title = g_strdup (title);
  g_set_object (&self->file, file);
  self->etag = g_strdup (etag);
  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = g_date_time_ref (time);
}

/**
 * wm_recovery_write:
 * @file: (nullable): the file the map was opened from or last saved to
 * @etag: (nullable): the etag @file had then
 *
 * Writes a snapshot of @document in place of the slot's last one, whole
 * or not at all.
 */
gboolean
wm_recovery_write (WmRecovery  *self,
                   WmDocument  *document,
                   GFile       *file,
                   const char  *etag,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *header = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) map = NULL;
  g_autoptr(GByteArray) contents = g_byte_array_new ();

  g_return_val_if_fail (WM_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  header = header_new (document, file, etag, now);
  map = wm_format_save_bytes (document);
  g_byte_array_append (contents, (const guint8 *) header, strlen (header));
  g_byte_array_append (contents, (const guint8 *) "\n", 1);
  g_byte_array_append (contents, g_bytes_get_data (map, NULL), g_bytes_get_size (map));

  /* GLib writes beside and renames; a failure leaves the last snapshot. */
  path = slot_path (self, SNAPSHOT_SUFFIX);
  if (!g_file_set_contents_full (path, (const char *) contents->data, contents->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  self->has_snapshot = TRUE;
  set_details (self, wm_document_get_title (document), file, etag, now);
  return TRUE;
}

/* Where the map starts in a snapshot: after the header's line. */
static gsize
split_header (const char *contents,
              gsize       length)
{
  const char *end = memchr (contents, '\n', MIN (length, MAX_HEADER));

  return end != NULL ? (gsize) (end - contents) : 0;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Reads what a snapshot says it is; FALSE when it is not a snapshot this
 * build understands. */
static gboolean
read_header (WmRecovery *self,
             const char *contents,
             gsize       length)
{
  gsize header_length = split_header (contents, length);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDateTime) time = NULL;
  JsonObject *header;
  JsonNode *version;
  const char *uri, *when;

  if (header_length == 0 || !json_parser_load_from_data (parser, contents, header_length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;

  header = json_node_get_object (json_parser_get_root (parser));
  version = json_object_get_member (header, "version");
  if (g_strcmp0 (member_string (header, "format"), HEADER_FORMAT) != 0 ||
      version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) != HEADER_VERSION)
    return FALSE;

  when = member_string (header, "time");
  time = when != NULL ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
  if (time == NULL)
    return FALSE;
  uri = member_string (header, "file");
  file = uri != NULL ? g_file_new_for_uri (uri) : NULL;

  set_details (self, member_string (header, "title"), file, member_string (header, "etag"), time);
  return TRUE;
}

static gboolean
read_snapshot (WmRecovery  *self,
               char       **contents,
               gsize       *length,
               GError     **error)
{
  g_autofree char *path = slot_path (self, SNAPSHOT_SUFFIX);

  return g_file_get_contents (path, contents, length, error);
}

static gint
compare_time (gconstpointer a,
              gconstpointer b)
{
  WmRecovery *first = *(WmRecovery **) a;
  WmRecovery *second = *(WmRecovery **) b;

  return g_date_time_compare (first->time, second->time);
}

/* A slot left without a snapshot by a process that ended: its lock file
 * goes, taken first so that a live slot's is never removed. */
static void
remove_stale_lock (const char *folder,
                   const char *id)
{
  g_autofree char *name = g_strconcat (id, SNAPSHOT_SUFFIX, NULL);
  g_autofree char *snapshot = g_build_filename (folder, name, NULL);
  g_autofree char *lock_name = g_strconcat (id, LOCK_SUFFIX, NULL);
  g_autofree char *lock = g_build_filename (folder, lock_name, NULL);
  int fd;

  if (g_file_test (snapshot, G_FILE_TEST_EXISTS) || (fd = take_lock (lock)) < 0)
    return;
  g_unlink (lock);
  close (fd);
}

/* An orphan's slot: its lock, taken, and its header, read. */
static WmRecovery *
adopt (const char *folder,
       const char *id)
{
  g_autofree char *name = g_strconcat (id, LOCK_SUFFIX, NULL);
  g_autofree char *lock = g_build_filename (folder, name, NULL);
  g_autoptr(WmRecovery) slot = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  int fd;

  fd = take_lock (lock);
  if (fd < 0)
    return NULL; /* its window is still open */

  slot = recovery_new (folder, id, fd);
  /* Saved or discarded since it was listed: the slot just goes. */
  if (!read_snapshot (slot, &contents, &length, NULL))
    return NULL;
  slot->has_snapshot = TRUE;
  /* Left where it is, for a newer Waymark that may read it. */
  if (!read_header (slot, contents, length))
    return NULL;

  return g_steal_pointer (&slot);
}

/**
 * wm_recovery_find_orphans:
 * @folder: (nullable): the recovery folder, or %NULL for the default one
 *
 * Finds the snapshots that no running window holds: those of maps whose
 * window crashed or was killed before they were saved. Their slots are
 * this process's from now on, as long as they live.
 *
 * Returns: (transfer container) (element-type WmRecovery): the orphans,
 *   oldest first
 */
GPtrArray *
wm_recovery_find_orphans (GFile *folder)
{
  g_autofree char *path = folder_path (folder);
  GPtrArray *orphans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), orphans);

  dir = path != NULL ? g_dir_open (path, 0, NULL) : NULL;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      WmRecovery *orphan;

      if (g_str_has_suffix (name, LOCK_SUFFIX))
        {
          id = g_strndup (name, strlen (name) - strlen (LOCK_SUFFIX));
          remove_stale_lock (path, id);
          continue;
        }
      if (!g_str_has_suffix (name, SNAPSHOT_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (SNAPSHOT_SUFFIX));
      orphan = adopt (path, id);
      if (orphan != NULL)
        g_ptr_array_add (orphans, orphan);
    }

  g_ptr_array_sort (orphans, compare_time);
  return orphans;
}

/**
 * wm_recovery_load:
 *
 * Returns: (transfer full) (nullable): the map in the slot's snapshot, or
 *   %NULL with @error set
 */
WmDocument *
wm_recovery_load (WmRecovery  *self,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) map = NULL;
  gsize length, start;

  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  if (!read_snapshot (self, &contents, &length, error))
    return NULL;

  start = split_header (contents, length);
  if (start == 0)
    {
      g_set_error_literal (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_NOT_A_MAP,
                           _("The recovery copy is damaged"));
      return NULL;
    }

  map = g_bytes_new (contents + start + 1, length - start - 1);
  return wm_format_load_bytes (map, error);
}

/**
 * wm_recovery_discard:
 *
 * Removes the slot's snapshot: the map was saved, or its changes are not
 * wanted. The slot can be written again.
 */
void
wm_recovery_discard (WmRecovery *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WM_IS_RECOVERY (self));

  if (!self->has_snapshot)
    return;

  path = slot_path (self, SNAPSHOT_SUFFIX);
  g_unlink (path);
  self->has_snapshot = FALSE;
}

gboolean
wm_recovery_has_snapshot (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), FALSE);

  return self->has_snapshot;
}

/* The map's title when the snapshot was taken. */
const char *
wm_recovery_get_title (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  return self->title != NULL ? self->title : "";
}

/**
 * wm_recovery_get_file:
 *
 * Returns: (transfer none) (nullable): the file the map belongs to, or
 *   %NULL for a map never saved
 */
GFile *
wm_recovery_get_file (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  return self->file;
}

/* The etag the map's file had when the map was opened or last saved. */
const char *
wm_recovery_get_etag (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  return self->etag;
}

/**
 * wm_recovery_get_time:
 *
 * Returns: (transfer none) (nullable): when the snapshot was taken, or
 *   %NULL before the first one
 */
GDateTime *
wm_recovery_get_time (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  return self->time;
}
