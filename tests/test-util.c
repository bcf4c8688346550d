/* test-util.c: what the tests of edits (test-edit, test-clipboard) share. */
#include "test-util.h"

#include "wm-format.h"

WmDocument *
load (const char *dir,
      const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

gpointer
item (GListModel *list,
      guint       position)
{
  g_autoptr(GObject) object = g_list_model_get_item (list, position);

  g_assert_nonnull (object);
  return object; /* the list keeps it alive */
}

WmStage *
stage_at (WmDocument *document,
          guint       position)
{
  return item (wm_document_get_stages (document), position);
}

WmLane *
lane_at (WmDocument *document,
         guint       position)
{
  return item (wm_document_get_lanes (document), position);
}

void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpstr (g_bytes_get_data (a, NULL), ==, g_bytes_get_data (b, NULL));
}

/* Checks that the last edit was one step: undo gives @before back, byte
 * for byte, and redo what it is now; and that the map is still one a
 * reader accepts (no id twice, no reference to nothing). */
void
assert_one_step (WmDocument *document,
                 GBytes     *before)
{
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GBytes) after = wm_format_save_bytes (document);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(WmDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  reloaded = wm_format_load_bytes (after, &error);
  g_assert_no_error (error);

  g_assert_true (wm_history_undo (history));
  undone = wm_format_save_bytes (document);
  assert_bytes_equal (undone, before);
  g_assert_true (wm_history_redo (history));
  redone = wm_format_save_bytes (document);
  assert_bytes_equal (redone, after);
}
