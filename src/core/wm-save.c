/* wm-save.c: writing a map so that no failure costs the version on disk.
 *
 * The new text goes to a temporary file beside the old one, which GIO
 * flushes to the disk and renames over it (GIO's replace with
 * G_FILE_CREATE_REPLACE_DESTINATION); the old version stays beside it as
 * "NAME~", a hard link to the old file (or the old file, renamed) made
 * just before, so it is whole too. A failure anywhere leaves the old file
 * as it was. A new file is written in place: there is nothing to lose.
 *
 * g_file_replace_contents() is not used: on a failed write (a full disk)
 * GLib 2.74 still closes its stream, which renames the partial temporary
 * file over the good one. Closing the stream cancelled drops it instead.
 *
 * The etag given (from opening or the last save) makes GIO refuse to
 * replace a file that someone else changed meanwhile. A file deleted
 * meanwhile is written again: nobody's work is lost by that.
 *
 * Errors keep their G_IO_ERROR code and say, in the user's words, what
 * happened and what to do.
 */
#include "wm-save.h"

#include <glib/gi18n.h>

#include "wm-format.h"

/* Links to links to links: GIO's own replace fails on a loop. */
#define MAX_LINKS 16

#define OLD_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                       G_FILE_ATTRIBUTE_UNIX_MODE "," \
                       G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE

/* A map reached through a symbolic link stays a link: what it points to
 * is replaced. GIO would put a file in place of the link. */
static GFile *
follow_links (GFile        *file,
              GCancellable *cancellable)
{
  g_autoptr(GFile) target = g_object_ref (file);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = g_file_get_parent (target);
      const char *link;

      info = g_file_query_info (target,
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
      if (info == NULL || !g_file_info_get_is_symlink (info) || parent == NULL)
        break;
      link = g_file_info_get_symlink_target (info);
      if (link == NULL)
        break;
      g_object_unref (target);
      target = g_file_resolve_relative_path (parent, link);
    }

  return g_steal_pointer (&target);
}

static gboolean
folder_is_writable (GFile *folder)
{
  g_autoptr(GFileInfo) info = NULL;

  if (folder == NULL)
    return FALSE;
  info = g_file_query_info (folder, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

/* What went wrong saving @file, and what to do about it, for the user;
 * @code is the cause's, or a plainer one. */
static char *
describe_failure (GFile        *file,
                  const GError *cause,
                  int          *code)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_name = folder != NULL ? g_file_get_parse_name (folder) : g_strdup ("/");

  if (cause->domain == G_IO_ERROR)
    switch (cause->code)
      {
      case G_IO_ERROR_NO_SPACE:
        return g_strdup (_("The disk is full. Free some space, or save the map on another disk with “Save As…”."));
      case G_IO_ERROR_READ_ONLY:
        return g_strdup_printf (_("The folder “%s” is on a read-only disk. "
                                  "Save the map somewhere else with “Save As…”."), folder_name);
      case G_IO_ERROR_PERMISSION_DENIED:
      case G_IO_ERROR_CANT_CREATE_BACKUP:
        if (!folder_is_writable (folder))
          {
            /* GIO falls back to copying a backup when it cannot make its
             * temporary file: either way, the folder is the reason. */
            *code = G_IO_ERROR_PERMISSION_DENIED;
            return g_strdup_printf (_("The folder “%s” is read-only. "
                                      "Save the map in a folder you can change with “Save As…”."), folder_name);
          }
        if (cause->code == G_IO_ERROR_CANT_CREATE_BACKUP)
          return g_strdup_printf (_("The previous version could not be kept as “%s%s”. "
                                    "Move that file away, or save the map with another name with “Save As…”."),
                                  name, WM_SAVE_BACKUP_SUFFIX);
        return g_strdup_printf (_("You do not have permission to change “%s”. "
                                  "Save the map with another name with “Save As…”."), name);
      case G_IO_ERROR_NOT_FOUND:
      case G_IO_ERROR_NOT_DIRECTORY:
        return g_strdup_printf (_("The folder “%s” does not exist. "
                                  "Save the map somewhere else with “Save As…”."), folder_name);
      case G_IO_ERROR_IS_DIRECTORY:
        return g_strdup_printf (_("“%s” is a folder. Save the map with another name with “Save As…”."), name);
      case G_IO_ERROR_WRONG_ETAG:
        return g_strdup_printf (_("“%s” was changed by another program since it was opened. "
                                  "Saving now would overwrite those changes."), name);
      case G_IO_ERROR_INVALID_FILENAME:
      case G_IO_ERROR_FILENAME_TOO_LONG:
        return g_strdup_printf (_("The name “%s” cannot be used here. "
                                  "Choose another name with “Save As…”."), name);
      default:
        break;
      }

  /* TRANSLATORS: %s is a file name, then the system's own words */
  return g_strdup_printf (_("“%s” could not be saved: %s"), name, cause->message);
}

/* Sets @error to @cause in the user's words, keeping its code. */
static gboolean
fail (GFile        *file,
      const GError *cause,
      GError      **error)
{
  int code = cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED;
  g_autofree char *message = describe_failure (file, cause, &code);

  g_set_error_literal (error, G_IO_ERROR, code, message);
  return FALSE;
}

static gboolean
fail_with (GFile    *file,
           int       code,
           GError  **error)
{
  g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, code, "");

  return fail (file, cause, error);
}

/* Gives up a write: a replace stream closed cancelled deletes its
 * temporary file rather than renaming it over the old one. A new file is
 * written in place, and was made by us, so it goes too. */
static void
abandon (GFileOutputStream *out,
         GFile             *target,
         gboolean           created)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (out), cancelled, NULL);
  if (created)
    g_file_delete (target, NULL, NULL);
}

/* Private until complete: the old permissions are put back after. */
static GFileOutputStream *
open_replace (GFile         *target,
              const char    *etag,
              gboolean       make_backup,
              GCancellable  *cancellable,
              GError       **error)
{
  return g_file_replace (target, etag, make_backup,
                         G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                         cancellable, error);
}

/* Writes @bytes and closes @out, which puts them in place; on failure,
 * leaves nothing of them. */
static gboolean
write_through (GFileOutputStream  *out,
               GFile              *target,
               gboolean            created,
               GBytes             *bytes,
               char              **new_etag,
               GCancellable       *cancellable,
               GError            **error)
{
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    {
      abandon (out, target, created);
      return FALSE;
    }

  if (new_etag != NULL)
    *new_etag = g_file_output_stream_get_etag (out);
  return TRUE;
}

/**
 * wm_save_file:
 * @expected_etag: (nullable): the etag @file had when the map was opened
 *   from it or last saved to it, or %NULL to replace whatever is there
 * @new_etag: (out) (optional): the etag of the file written
 *
 * Saves @document to @file, keeping the version it replaces as its backup
 * (wm_save_get_backup()). Refuses with %G_IO_ERROR_WRONG_ETAG when @file
 * is no longer what @expected_etag says. On failure @file is as it was,
 * and @error says why in the user's words.
 */
gboolean
wm_save_file (WmDocument    *document,
              GFile         *file,
              const char    *expected_etag,
              char         **new_etag,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileInfo) old = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = wm_format_save_bytes (document);
  target = follow_links (file, cancellable);
  old = g_file_query_info (target, OLD_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (old == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return fail (file, local_error, error);

  if (old != NULL && g_file_info_get_file_type (old) == G_FILE_TYPE_DIRECTORY)
    return fail_with (file, G_IO_ERROR_IS_DIRECTORY, error);
  /* Renaming over a file its owner made read-only would ignore them. */
  if (old != NULL && g_file_info_has_attribute (old, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
      !g_file_info_get_attribute_boolean (old, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    return fail_with (file, G_IO_ERROR_PERMISSION_DENIED, error);

  g_clear_error (&local_error);
  if (old == NULL)
    {
      out = g_file_create (target, G_FILE_CREATE_NONE, cancellable, &local_error);
      /* Found missing, then made by someone else: theirs to keep. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return fail_with (file, G_IO_ERROR_WRONG_ETAG, error);
      if (out == NULL || !write_through (out, target, TRUE, bytes, new_etag, cancellable, &local_error))
        return fail (file, local_error, error);
      return TRUE;
    }

  out = open_replace (target, expected_etag, TRUE, cancellable, &local_error);
  if (out == NULL)
    return fail (file, local_error, error);
  if (!write_through (out, target, FALSE, bytes, new_etag, cancellable, &local_error))
    {
      /* GIO makes the backup last, once the temporary file is written.
       * Where the file system cannot keep the old file beside the new one
       * (the document portal's, for one), the map is saved without it, the
       * same way, which has just worked up to that step. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANT_CREATE_BACKUP))
        return fail (file, local_error, error);
      g_debug ("Saving without a backup: %s", local_error->message);
      g_clear_error (&local_error);
      g_clear_object (&out);
      out = open_replace (target, expected_etag, FALSE, cancellable, &local_error);
      if (out == NULL || !write_through (out, target, FALSE, bytes, new_etag, cancellable, &local_error))
        return fail (file, local_error, error);
    }

  /* The map is saved whether or not its old permissions can be put back. */
  if (old != NULL && g_file_info_has_attribute (old, G_FILE_ATTRIBUTE_UNIX_MODE))
    g_file_set_attribute_uint32 (target, G_FILE_ATTRIBUTE_UNIX_MODE,
                                 g_file_info_get_attribute_uint32 (old, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777,
                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return TRUE;
}

/**
 * wm_save_query_etag:
 *
 * Returns: (transfer full) (nullable): the etag of @file as it is now: what
 *   wm_save_file() compares, or %NULL with %G_IO_ERROR_NOT_FOUND when there
 *   is no such file
 */
char *
wm_save_query_etag (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

/**
 * wm_save_get_backup:
 *
 * Returns: (transfer full): where the version of @file before its last save
 *   is kept: beside it, or beside the file it links to
 */
GFile *
wm_save_get_backup (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) target = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  target = follow_links (file, NULL);
  name = g_file_get_basename (target);
  backup = g_strconcat (name, WM_SAVE_BACKUP_SUFFIX, NULL);
  parent = g_file_get_parent (target);
  return g_file_get_child (parent, backup);
}
