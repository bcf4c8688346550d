/* test-compare.c: what a comparison of a current-state map with its
 * future-state map reports, and the link from the one to the other.
 *
 * The future map is built in code from the car-purchase example: scores
 * changed, cards added, removed and edited, a stage added and one dropped.
 * Every difference the comparison reports is checked, and so is that it
 * reports nothing else.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "wm-card.h"
#include "wm-compare.h"
#include "wm-edit.h"
#include "wm-format.h"

#include "test-util.h"

/* Stages of car-purchase, in order. */
enum { AWARENESS, CONSIDERATION, PURCHASE, RETENTION, ADVOCACY };
/* Its lanes, in order. */
enum { ACTIONS, TOUCHPOINTS, CURVE, PAIN_POINTS, MOMENTS, OPPORTUNITIES, KPIS };

#define CAR_PURCHASE_ID "7ae62891-bc38-42f1-b8dc-665476bf6156"

static WmDocument *
car_purchase (void)
{
  return load ("../data/examples", "car-purchase.waymark");
}

/* The car-purchase map under the id @id, as if it were another map. */
static WmDocument *
car_purchase_as (const char *id)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "car-purchase.waymark", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WmDocument *document;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, CAR_PURCHASE_ID, id, 1), ==, 1);
  bytes = g_bytes_new (changed->str, changed->len);
  document = wm_format_load_bytes (bytes, &error);
  g_assert_no_error (error);
  return document;
}

static WmPersona *
persona_at (WmDocument *document,
            guint       position)
{
  return item (wm_document_get_personas (document), position);
}

static WmCard *
card_at (WmDocument *document,
         guint       lane,
         guint       stage,
         guint       position)
{
  GListModel *cards = wm_lane_get_cards (lane_at (document, lane),
                                         wm_element_get_id (WM_ELEMENT (stage_at (document, stage))));

  return item (cards, position);
}

static void
delete_element (WmDocument *document,
                gpointer    element)
{
  g_autoptr(GListStore) elements = g_list_store_new (WM_TYPE_ELEMENT);

  g_list_store_append (elements, element);
  wm_edit_delete (document, G_LIST_MODEL (elements));
}

/* The row of @compare whose future (or else current) stage is named @name. */
static guint
row_named (WmCompare  *compare,
           const char *name)
{
  for (guint s = 0; s < wm_compare_get_n_stages (compare); s++)
    {
      WmStage *stage = wm_compare_get_future_stage (compare, s);

      if (stage == NULL)
        stage = wm_compare_get_current_stage (compare, s);
      if (g_str_equal (wm_stage_get_name (stage), name))
        return s;
    }
  g_error ("no stage %s in the comparison", name);
}

/* The changes at a stage, one line each, to compare with what a person
 * expects: "+ Lane: text", "- Lane: text", "~ Lane: old -> new [properties]". */
static char *
describe_changes (WmCompare *compare,
                  guint      stage)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < wm_compare_get_n_card_changes (compare, stage); i++)
    {
      const WmCardChange *change = wm_compare_get_card_change (compare, stage, i);
      const char *lane = wm_lane_get_title (change->lane);

      switch (change->kind)
        {
        case WM_CARD_CHANGE_ADDED:
          g_assert_null (change->current);
          g_assert_null (change->properties);
          g_string_append_printf (out, "+ %s: %s\n", lane, wm_card_get_text (change->future));
          break;
        case WM_CARD_CHANGE_REMOVED:
          g_assert_null (change->future);
          g_assert_null (change->properties);
          g_string_append_printf (out, "- %s: %s\n", lane, wm_card_get_text (change->current));
          break;
        case WM_CARD_CHANGE_CHANGED:
          {
            g_autofree char *properties = g_strjoinv (",", (char **) change->properties);

            g_string_append_printf (out, "~ %s: %s -> %s [%s]\n", lane, wm_card_get_text (change->current),
                                    wm_card_get_text (change->future), properties);
            break;
          }
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

static void
assert_changes (WmCompare  *compare,
                const char *stage,
                const char *expected)
{
  g_autofree char *changes = describe_changes (compare, row_named (compare, stage));

  g_assert_cmpstr (changes, ==, expected);
}

/* ------------------------------------------------------------------------ */

/* A map compared with an unchanged copy of itself: every stage and persona
 * pairs, each score changes by 0, and no card is reported. */
static void
test_same_map (void)
{
  g_autoptr(WmDocument) current = car_purchase ();
  g_autoptr(WmDocument) future = car_purchase ();
  g_autoptr(WmCompare) compare = wm_compare_new (current, future);

  g_assert_true (wm_compare_get_current (compare) == current);
  g_assert_true (wm_compare_get_future (compare) == future);
  g_assert_cmpuint (wm_compare_get_n_stages (compare), ==, 5);
  g_assert_cmpuint (wm_compare_get_n_personas (compare), ==, 2);
  for (guint s = 0; s < 5; s++)
    {
      g_assert_true (wm_compare_get_current_stage (compare, s) == stage_at (current, s));
      g_assert_true (wm_compare_get_future_stage (compare, s) == stage_at (future, s));
      g_assert_cmpuint (wm_compare_get_n_card_changes (compare, s), ==, 0);
      for (guint p = 0; p < 2; p++)
        {
          double change = 99;

          g_assert_true (wm_compare_get_score_change (compare, p, s, &change));
          g_assert_cmpfloat (change, ==, 0.0);
        }
    }
}

/* The future map of the brief, built from the current one by edits. */
static void
test_car_purchase_future (void)
{
  g_autoptr(WmDocument) current = car_purchase ();
  g_autoptr(WmDocument) future = car_purchase ();
  g_autoptr(WmCompare) compare = NULL;
  WmPersona *marta = persona_at (future, 0);
  WmPersona *krzysztof = persona_at (future, 1);
  WmStage *delivery;
  WmCard *card;
  double change;
  guint row;

  wm_document_set_kind (future, WM_MAP_KIND_FUTURE_STATE);

  /* Scores: the handover and the first service are where the opportunities act. */
  wm_edit_set_score (future, krzysztof, stage_at (future, PURCHASE), 1);
  wm_edit_set_score (future, marta, stage_at (future, RETENTION), 2);
  wm_edit_set_score (future, krzysztof, stage_at (future, RETENTION), 2);

  /* At Retention, the phone-only pain point is gone. */
  delete_element (future, card_at (future, PAIN_POINTS, RETENTION, 0));

  /* A stage of its own for the delivery, after Purchase, with a card and a score. */
  delivery = wm_edit_add_stage (future, PURCHASE + 1, "Delivery");
  wm_edit_add_card (future, lane_at (future, ACTIONS), delivery, 0,
                    "Follows the car's production in the app");
  wm_edit_set_score (future, marta, delivery, 2);

  /* Advocacy is dropped from the future map, with its cards. */
  wm_document_remove_stage (future, stage_at (future, ADVOCACY + 1));

  /* Cards at Purchase: one rewritten (same id), one dropped, one added,
   * one opportunity done. */
  wm_card_set_text (card_at (future, ACTIONS, PURCHASE, 1),
                    "Waits 7 weeks with a weekly photo of the car in production");
  delete_element (future, card_at (future, OPPORTUNITIES, PURCHASE, 2)); /* home delivery */
  wm_edit_add_card (future, lane_at (future, PAIN_POINTS), stage_at (future, PURCHASE), G_MAXUINT,
                    "Paperwork for the leasing company still on paper");
  card = card_at (future, OPPORTUNITIES, PURCHASE, 0);
  wm_card_set_status (card, WM_OPPORTUNITY_STATUS_DONE);

  compare = wm_compare_new (current, future);

  /* Stages: the future's five in order, then Advocacy where it was. */
  g_assert_cmpuint (wm_compare_get_n_stages (compare), ==, 6);
  row = row_named (compare, "Delivery");
  g_assert_cmpuint (row, ==, 3);
  g_assert_null (wm_compare_get_current_stage (compare, row));
  row = row_named (compare, "Advocacy");
  g_assert_cmpuint (row, ==, 5);
  g_assert_true (wm_compare_get_current_stage (compare, row) == stage_at (current, ADVOCACY));
  g_assert_null (wm_compare_get_future_stage (compare, row));
  for (guint s = 0; s < 3; s++)
    g_assert_true (wm_compare_get_current_stage (compare, s) == stage_at (current, s));
  g_assert_true (wm_compare_get_current_stage (compare, 4) == stage_at (current, RETENTION));

  /* Scores. */
  g_assert_cmpuint (wm_compare_get_n_personas (compare), ==, 2);
  g_assert_true (wm_compare_get_future_persona (compare, 0) == marta);
  g_assert_true (wm_compare_get_current_persona (compare, 1) == persona_at (current, 1));
  g_assert_true (wm_compare_get_score_change (compare, 1, row_named (compare, "Purchase"), &change));
  g_assert_cmpfloat (change, ==, 3.0);   /* −2 → +1 */
  g_assert_true (wm_compare_get_score_change (compare, 0, row_named (compare, "Retention"), &change));
  g_assert_cmpfloat (change, ==, 3.0);   /* −1 → +2 */
  g_assert_true (wm_compare_get_score_change (compare, 1, row_named (compare, "Retention"), &change));
  g_assert_cmpfloat (change, ==, 1.0);   /* +1 → +2 */
  g_assert_true (wm_compare_get_score_change (compare, 0, row_named (compare, "Purchase"), &change));
  g_assert_cmpfloat (change, ==, 0.0);
  g_assert_cmpfloat (wm_emotion_point_get_score (wm_compare_get_current_point (compare, 1, row_named (compare, "Purchase"))), ==, -2.0);
  g_assert_cmpfloat (wm_emotion_point_get_score (wm_compare_get_future_point (compare, 1, row_named (compare, "Purchase"))), ==, 1.0);
  /* Only one map says at a stage only it has. */
  row = row_named (compare, "Delivery");
  g_assert_false (wm_compare_get_score_change (compare, 0, row, &change));
  g_assert_null (wm_compare_get_current_point (compare, 0, row));
  g_assert_cmpfloat (wm_emotion_point_get_score (wm_compare_get_future_point (compare, 0, row)), ==, 2.0);
  g_assert_null (wm_compare_get_future_point (compare, 1, row));
  row = row_named (compare, "Advocacy");
  g_assert_false (wm_compare_get_score_change (compare, 0, row, &change));
  g_assert_cmpfloat (wm_emotion_point_get_score (wm_compare_get_current_point (compare, 0, row)), ==, 1.5);
  g_assert_null (wm_compare_get_future_point (compare, 0, row));

  /* Cards: every difference, and nothing else. */
  assert_changes (compare, "Awareness", "");
  assert_changes (compare, "Consideration", "");
  assert_changes (compare, "Purchase",
                  "~ Customer actions: Waits 11 weeks, calls twice for news about the delivery date"
                  " -> Waits 7 weeks with a weekly photo of the car in production [text]\n"
                  "+ Pain points: Paperwork for the leasing company still on paper\n"
                  "~ Opportunities: Handover ceremony: 45-minute slot, the car under a cover, phone paired"
                  " and seats set before the customer leaves -> Handover ceremony: 45-minute slot, the car"
                  " under a cover, phone paired and seats set before the customer leaves [status]\n"
                  "- Opportunities: Home delivery of the car on a trailer\n");
  assert_changes (compare, "Delivery", "+ Customer actions: Follows the car's production in the app\n");
  assert_changes (compare, "Retention", "- Pain points: Service can only be booked by phone, during working hours\n");
  assert_changes (compare, "Advocacy",
                  "- Customer actions: Posts a photo of the new car in the family group chat\n"
                  "- Customer actions: Recommends the salesperson to a colleague from the pharmacy association\n"
                  "- Touchpoints: Review request e-mail\n"
                  "- Touchpoints: Owners' club meeting\n"
                  "- Opportunities: Referral programme: a free service for both the customer and the friend\n"
                  "- KPIs: Net Promoter Score one year after purchase\n");
}

/* Two maps drawn apart, with ids of their own: stages, personas and lanes
 * pair by name (in any case), cards by their words. */
static void
test_match_by_name (void)
{
  g_autoptr(WmDocument) current = wm_document_new ();
  g_autoptr(WmDocument) future = wm_document_new ();
  g_autoptr(WmCompare) compare = NULL;
  WmStage *look, *buy, *future_buy;
  WmLane *lane, *future_lane;
  double change;

  look = wm_edit_add_stage (current, 0, "Look");
  buy = wm_edit_add_stage (current, 1, "Buy");
  wm_edit_set_score (current, wm_edit_add_persona (current, "Anna"), buy, -2);
  wm_edit_add_persona (current, "Bob");
  lane = wm_edit_add_lane (current, 0, WM_LANE_KIND_ACTIONS, "Doing");
  wm_edit_add_card (current, lane, look, 0, "Sees an ad on TV");
  wm_edit_add_card (current, lane, look, 1, "Calls the dealer");
  wm_edit_add_card (current, lane, look, 2, "Asks a friend");

  /* Buy first, in other case and with spaces; a lane of another kind but
   * the same title does not pair. */
  future_buy = wm_edit_add_stage (future, 0, " BUY ");
  wm_edit_add_stage (future, 1, "look");
  wm_edit_set_score (future, wm_edit_add_persona (future, "anna"), future_buy, 1);
  wm_edit_add_persona (future, "Cleo");
  wm_edit_add_lane (future, 0, WM_LANE_KIND_THOUGHTS, "Doing");
  future_lane = wm_edit_add_lane (future, 1, WM_LANE_KIND_ACTIONS, "doing");
  wm_edit_add_card (future, future_lane, stage_at (future, 1), 0, "Asks a friend");
  wm_edit_add_card (future, future_lane, stage_at (future, 1), 1, "Sees an ad on YouTube");
  wm_edit_add_card (future, future_lane, stage_at (future, 1), 2, "Reads reviews");

  compare = wm_compare_new (current, future);

  g_assert_cmpuint (wm_compare_get_n_stages (compare), ==, 2);
  g_assert_true (wm_compare_get_current_stage (compare, 0) == buy);
  g_assert_true (wm_compare_get_current_stage (compare, 1) == look);

  /* Anna pairs with anna; Cleo is new, Bob gone, last. */
  g_assert_cmpuint (wm_compare_get_n_personas (compare), ==, 3);
  g_assert_cmpstr (wm_persona_get_name (wm_compare_get_current_persona (compare, 0)), ==, "Anna");
  g_assert_null (wm_compare_get_current_persona (compare, 1));
  g_assert_cmpstr (wm_persona_get_name (wm_compare_get_future_persona (compare, 1)), ==, "Cleo");
  g_assert_null (wm_compare_get_future_persona (compare, 2));
  g_assert_cmpstr (wm_persona_get_name (wm_compare_get_current_persona (compare, 2)), ==, "Bob");
  g_assert_true (wm_compare_get_score_change (compare, 0, 0, &change));
  g_assert_cmpfloat (change, ==, 3.0);

  /* The same words are the same card, unchanged; most of them, a card
   * rewritten; none, one card gone and another come. */
  assert_changes (compare, "look",
                  "~ doing: Sees an ad on TV -> Sees an ad on YouTube [text]\n"
                  "+ doing: Reads reviews\n"
                  "- Doing: Calls the dealer\n");
  assert_changes (compare, " BUY ", "");
}

/* A card moved to another stage is removed from one and added to the other. */
static void
test_moved_card (void)
{
  g_autoptr(WmDocument) current = car_purchase ();
  g_autoptr(WmDocument) future = car_purchase ();
  g_autoptr(WmCompare) compare = NULL;
  WmCard *card = card_at (future, PAIN_POINTS, RETENTION, 0);

  wm_edit_move_card (future, card, lane_at (future, PAIN_POINTS), stage_at (future, ADVOCACY), 0);
  compare = wm_compare_new (current, future);

  assert_changes (compare, "Retention", "- Pain points: Service can only be booked by phone, during working hours\n");
  assert_changes (compare, "Advocacy", "+ Pain points: Service can only be booked by phone, during working hours\n");
}

/* ------------------------------------------------------------------------ */
/* The link                                                                 */

static void
test_link_path (void)
{
  static const struct
  {
    const char *future;
    const char *current;
    const char *expected;
  } cases[] = {
    { "/maps/future.waymark", "/maps/current.waymark", "current.waymark" },
    { "/maps/2026/future.waymark", "/maps/2025/q4/current.waymark", "../2025/q4/current.waymark" },
    { "/maps/future.waymark", "/maps/old/current.waymark", "old/current.waymark" },
    { "/home/team/maps/future.waymark", "/srv/current.waymark", "../../../srv/current.waymark" },
    { "/future.waymark", "/current.waymark", "current.waymark" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) future = g_file_new_for_path (cases[i].future);
      g_autoptr(GFile) current = g_file_new_for_path (cases[i].current);
      g_autofree char *path = wm_compare_link_path (future, current);
      g_autoptr(WmDocument) document = wm_document_new ();
      g_autoptr(GFile) resolved = NULL;

      g_assert_cmpstr (path, ==, cases[i].expected);

      /* And back. */
      wm_document_set_current_state_file (document, path);
      resolved = wm_compare_resolve_link (document, future);
      g_assert_true (g_file_equal (resolved, current));
    }
}

typedef struct
{
  char *dir;
  GFile *current_file;
  GFile *future_file;
  WmDocument *current;
  WmDocument *future;
} Files;

/* The car-purchase map in @dir/now/, and a future map of it to be saved
 * in @dir/next/. */
static void
files_set_up (Files         *f,
              gconstpointer  data)
{
  g_autofree char *now = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-compare-XXXXXX", NULL);
  now = g_build_filename (f->dir, "now", NULL);
  next = g_build_filename (f->dir, "next", NULL);
  g_assert_cmpint (g_mkdir (now, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (next, 0755), ==, 0);
  f->current_file = g_file_new_build_filename (now, "car purchase.waymark", NULL);
  f->future_file = g_file_new_build_filename (next, "future.waymark", NULL);
  f->current = car_purchase ();
  g_assert_true (wm_format_save_file (f->current, f->current_file, NULL, &error));
  g_assert_no_error (error);
  f->future = car_purchase_as ("future-map");
  wm_document_set_kind (f->future, WM_MAP_KIND_FUTURE_STATE);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static void
files_tear_down (Files         *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);

  remove_tree (dir);
  g_free (f->dir);
  g_object_unref (f->current_file);
  g_object_unref (f->future_file);
  g_object_unref (f->current);
  g_object_unref (f->future);
}

/* Linking keeps the path from the future map's folder and the map's id,
 * in one undoable step, and the file keeps both after "kind". */
static void
test_link (Files         *f,
           gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (f->future);
  g_autoptr(GBytes) before = wm_format_save_bytes (f->future);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(WmDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_assert_true (wm_compare_link (f->future, f->future_file, f->current_file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wm_document_get_current_state_file (f->future), ==, "../now/car purchase.waymark");
  g_assert_cmpstr (wm_document_get_current_state_id (f->future), ==, wm_element_get_id (WM_ELEMENT (f->current)));
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Link Current-State Map");
  assert_one_step (f->future, before);

  saved = wm_format_save_bytes (f->future);
  text = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (text, "  \"kind\" : \"future-state\",\n"
                                  "  \"current_state_file\" : \"../now/car purchase.waymark\",\n"
                                  "  \"current_state_id\" : \"" CAR_PURCHASE_ID "\",\n"
                                  "  \"scale_min\""));
  reloaded = wm_format_load_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_document_get_current_state_file (reloaded), ==, "../now/car purchase.waymark");

  /* Unlinking is one step too, and leaves the file as it was. */
  g_clear_pointer (&before, g_bytes_unref);
  before = wm_format_save_bytes (f->future);
  wm_compare_unlink (f->future);
  g_assert_cmpstr (wm_document_get_current_state_file (f->future), ==, "");
  g_assert_cmpstr (wm_document_get_current_state_id (f->future), ==, "");
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Unlink Current-State Map");
  assert_one_step (f->future, before);
}

/* What cannot be linked is refused, and the map stays as it was. */
static void
test_link_refused (Files         *f,
                   gconstpointer  data)
{
  g_autofree char *junk_path = g_build_filename (f->dir, "now", "notes.waymark", NULL);
  g_autoptr(GFile) junk = g_file_new_for_path (junk_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) future_copy = NULL;

  /* Not saved: there is nothing to be relative to. */
  g_assert_false (wm_compare_link (f->future, NULL, f->current_file, &error));
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_UNSAVED);
  g_clear_error (&error);

  /* Not a map. */
  g_assert_true (g_file_set_contents (junk_path, "shopping list", -1, NULL));
  g_assert_false (wm_compare_link (f->future, f->future_file, junk, &error));
  g_assert_error (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "“notes.waymark” cannot be used: "));
  g_clear_error (&error);

  /* Itself, by file or by id. */
  g_assert_false (wm_compare_link (f->future, f->future_file, f->future_file, &error));
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_SAME_MAP);
  g_clear_error (&error);
  g_assert_true (wm_format_save_file (f->future, f->future_file, NULL, &error));
  future_copy = g_file_new_build_filename (f->dir, "now", "copy.waymark", NULL);
  g_assert_true (g_file_copy (f->future_file, future_copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_false (wm_compare_link (f->future, f->future_file, future_copy, &error));
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_SAME_MAP);

  g_assert_cmpstr (wm_document_get_current_state_file (f->future), ==, "");
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (f->future)));
}

/* The linked map opens when asked; what is wrong with the link is said in
 * words, naming the map. */
static void
test_load_current (Files         *f,
                   gconstpointer  data)
{
  g_autoptr(WmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_path = g_build_filename (f->dir, "now", "folder.waymark", NULL);
  g_autofree char *fifo_path = g_build_filename (f->dir, "now", "pipe.waymark", NULL);

  loaded = wm_compare_load_current (f->future, f->future_file, NULL, &error);
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_NOT_LINKED);
  g_assert_null (loaded);
  g_clear_error (&error);

  g_assert_true (wm_compare_link (f->future, f->future_file, f->current_file, &error));
  loaded = wm_compare_load_current (f->future, f->future_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (loaded)), ==, wm_element_get_id (WM_ELEMENT (f->current)));
  g_clear_object (&loaded);

  /* Unsaved, a relative path leads nowhere. */
  loaded = wm_compare_load_current (f->future, NULL, NULL, &error);
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_UNSAVED);
  g_clear_error (&error);

  /* Another map saved over it. */
  {
    g_autoptr(WmDocument) other = car_purchase_as ("someone-else");

    g_assert_true (wm_format_save_file (other, f->current_file, NULL, &error));
  }
  loaded = wm_compare_load_current (f->future, f->future_file, NULL, &error);
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_OTHER_MAP);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The current-state map “../now/car purchase.waymark” cannot be opened: "
                                   "the file there is now another map"));
  g_clear_error (&error);

  /* Gone. */
  g_assert_true (g_file_delete (f->current_file, NULL, NULL));
  loaded = wm_compare_load_current (f->future, f->future_file, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "The current-state map “../now/car purchase.waymark” cannot be opened: there is no such "
                   "file (was it moved or renamed?); choose it again in the map’s settings");
  g_clear_error (&error);

  /* A path in a file is not trusted: a folder or a pipe is not read. */
  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  wm_document_set_current_state_file (f->future, "../now/folder.waymark");
  loaded = wm_compare_load_current (f->future, f->future_file, NULL, &error);
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_NOT_A_FILE);
  g_clear_error (&error);
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  wm_document_set_current_state_file (f->future, "../now/pipe.waymark");
  loaded = wm_compare_load_current (f->future, f->future_file, NULL, &error);
  g_assert_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_NOT_A_FILE);
  g_clear_error (&error);

  /* Reading the future map never follows its link, even to a pipe. */
  {
    g_autoptr(WmDocument) reread = NULL;

    g_assert_true (wm_format_save_file (f->future, f->future_file, NULL, &error));
    reread = wm_format_load_file (f->future_file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (wm_document_get_current_state_file (reread), ==, "../now/pipe.waymark");
  }
}

/* The example future map names the example current map, which it improves
 * on where the current map's opportunities act. */
static void
test_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "car-purchase-future.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) future = load ("../data/examples", "car-purchase-future.waymark");
  g_autoptr(WmDocument) current = NULL;
  g_autoptr(WmCompare) compare = NULL;
  g_autoptr(GError) error = NULL;
  guint n_better = 0, n_worse = 0, n_added = 0, n_removed = 0, n_changed = 0, n_new_stages = 0;

  g_assert_cmpint (wm_document_get_kind (future), ==, WM_MAP_KIND_FUTURE_STATE);
  g_assert_cmpstr (wm_document_get_current_state_file (future), ==, "car-purchase.waymark");
  current = wm_compare_load_current (future, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wm_document_get_kind (current), ==, WM_MAP_KIND_CURRENT_STATE);

  compare = wm_compare_new (current, future);
  for (guint s = 0; s < wm_compare_get_n_stages (compare); s++)
    {
      n_new_stages += wm_compare_get_current_stage (compare, s) == NULL;
      for (guint p = 0; p < wm_compare_get_n_personas (compare); p++)
        {
          double change;

          if (wm_compare_get_score_change (compare, p, s, &change))
            {
              n_better += change > 0;
              n_worse += change < 0;
            }
        }
      for (guint i = 0; i < wm_compare_get_n_card_changes (compare, s); i++)
        {
          WmCardChangeKind kind = wm_compare_get_card_change (compare, s, i)->kind;

          n_added += kind == WM_CARD_CHANGE_ADDED;
          n_removed += kind == WM_CARD_CHANGE_REMOVED;
          n_changed += kind == WM_CARD_CHANGE_CHANGED;
        }
    }
  g_test_message ("example: %u better, %u worse, %u added, %u removed, %u changed, %u new stages",
                  n_better, n_worse, n_added, n_removed, n_changed, n_new_stages);
  g_assert_cmpuint (wm_compare_get_n_personas (compare), ==, 2);
  g_assert_cmpuint (n_better, >=, 4);
  g_assert_cmpuint (n_worse, ==, 0);
  g_assert_cmpuint (n_added, >=, 5);
  g_assert_cmpuint (n_removed, >=, 2);
  g_assert_cmpuint (n_changed, >=, 3);
  g_assert_cmpuint (n_new_stages, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/same-map", test_same_map);
  g_test_add_func ("/compare/car-purchase-future", test_car_purchase_future);
  g_test_add_func ("/compare/match-by-name", test_match_by_name);
  g_test_add_func ("/compare/moved-card", test_moved_card);
  g_test_add_func ("/compare/link/path", test_link_path);
  g_test_add ("/compare/link/link", Files, NULL, files_set_up, test_link, files_tear_down);
  g_test_add ("/compare/link/refused", Files, NULL, files_set_up, test_link_refused, files_tear_down);
  g_test_add ("/compare/link/load-current", Files, NULL, files_set_up, test_load_current, files_tear_down);
  g_test_add_func ("/compare/example", test_example);

  return g_test_run ();
}
