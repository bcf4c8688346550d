/* fuzz-paste.c: libFuzzer on pasting (wm-clipboard.h), whose fragments
 * come from any application through the clipboard.
 *
 * Pasted into a full map, onto each kind of target: what pastes must
 * leave a map that saves and loads, and undo must give back the map as
 * it was, byte for byte.
 */
#include "fuzz-util.h"
#include "wm-clipboard.h"
#include "wm-edit.h"
#include "wm-format.h"
#include "wm-template.h"

static WmDocument *document;
static GBytes *original;
static GPtrArray *targets; /* none, a stage, a lane, a card */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(WmLane) lane = NULL;
  g_autoptr(WmStage) stage = NULL;
  WmCard *card;

  fuzz_init ();
  document = wm_template_create (WM_TEMPLATE_FIVE_STAGES);
  lane = g_list_model_get_item (wm_document_get_lanes (document), 0);
  stage = g_list_model_get_item (wm_document_get_stages (document), 1);
  card = wm_edit_add_card (document, lane, stage, 0, "A card");
  /* The map holds them for as long as the fuzzer runs. */
  targets = g_ptr_array_new ();
  g_ptr_array_add (targets, NULL);
  g_ptr_array_add (targets, stage);
  g_ptr_array_add (targets, lane);
  g_ptr_array_add (targets, card);
  wm_history_clear (wm_document_get_history (document));
  original = wm_format_save_bytes (document);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  WmHistory *history = wm_document_get_history (document);

  for (guint i = 0; i < targets->len; i++)
    {
      g_autoptr(GPtrArray) pasted = wm_clipboard_paste (document, bytes, g_ptr_array_index (targets, i), NULL);
      g_autoptr(GBytes) undone = NULL;

      if (pasted == NULL)
        continue;
      fuzz_assert_round_trip (document);
      if (!wm_history_undo (history))
        g_error ("a paste cannot be undone");
      undone = wm_format_save_bytes (document);
      fuzz_assert_equal (undone, original, "undoing a paste");
    }
  wm_history_clear (history);

  return 0;
}
