/* test-clipboard.c: copy and paste, within a map, between maps, as text.
 *
 * Pastes are checked for where things land and for being one undoable
 * step (undo gives back the bytes of before, redo those of after); broken
 * and hostile clipboards for failing cleanly, changing nothing.
 */
#include "wm-card.h"
#include "wm-clipboard.h"
#include "wm-document.h"
#include "wm-edit.h"
#include "wm-evidence.h"
#include "wm-format.h"

#include "test-util.h"

static guint
count (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

static const char *
id (gpointer element)
{
  return wm_element_get_id (WM_ELEMENT (element));
}

static GListModel *
cell (WmDocument *document,
      WmLane     *lane,
      WmStage    *stage)
{
  return wm_lane_get_cards (lane, id (stage));
}

static WmLane *
lane_titled (WmDocument *document,
             const char *title)
{
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint i = 0; i < count (lanes); i++)
    if (g_str_equal (wm_lane_get_title (item (lanes, i)), title))
      return item (lanes, i);

  g_assert_not_reached ();
}

static char *
texts (GListModel *cards)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < count (cards); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", wm_card_get_text (item (cards, i)));

  return g_string_free (out, FALSE);
}

#define assert_texts(list, expected) \
  G_STMT_START { g_autofree char *t_ = texts (list); g_assert_cmpstr (t_, ==, expected); } G_STMT_END

/* Every card of the map. */
static guint
count_cards (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  guint n = 0;

  for (guint l = 0; l < count (lanes); l++)
    for (guint s = 0; s < count (stages); s++)
      n += count (cell (document, item (lanes, l), item (stages, s)));

  return n;
}

static void
assert_unchanged (WmDocument *document,
                  GBytes     *before)
{
  g_autoptr(GBytes) now = wm_format_save_bytes (document);

  assert_bytes_equal (now, before);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));
}

static GListModel *
list_of (gpointer first,
         ...)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  va_list args;

  va_start (args, first);
  for (gpointer element = first; element != NULL; element = va_arg (args, gpointer))
    g_list_store_append (store, element);
  va_end (args);

  return G_LIST_MODEL (store);
}

static GBytes *
copy (WmDocument *document,
      gpointer    first,
      ...)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  GBytes *fragment;
  va_list args;

  va_start (args, first);
  for (gpointer element = first; element != NULL; element = va_arg (args, gpointer))
    g_list_store_append (store, element);
  va_end (args);

  fragment = wm_clipboard_serialize (document, G_LIST_MODEL (store));
  g_assert_nonnull (fragment);

  return fragment;
}

static GPtrArray *
paste (WmDocument *document,
       GBytes     *fragment,
       gpointer    target)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *pasted = wm_clipboard_paste (document, fragment, target, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pasted);

  return pasted;
}

/* ------------------------------------------------------------------------ */

/* The fragment is the file format's own element form, with a header. */
static void
test_serialize_form (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  WmLane *pains = lane_titled (document, "Pain points");
  WmCard *card = item (cell (document, pains, stage_at (document, 1)), 0);
  g_autoptr(GBytes) fragment = copy (document, card, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *lane, *cards;
  JsonArray *items, *lanes, *cell_cards, *personas;
  JsonObject *copied;

  json_parser_load_from_data (parser, g_bytes_get_data (fragment, NULL), g_bytes_get_size (fragment), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "waymark-fragment");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, WM_FORMAT_VERSION);
  items = json_object_get_array_member (root, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (items, 0), ==, id (card));

  /* The card, whole, in its lane's cell; the lane only named. */
  lanes = json_object_get_array_member (root, "lanes");
  lane = json_array_get_object_element (lanes, 3);
  g_assert_cmpstr (json_object_get_string_member (lane, "title"), ==, "Pain points");
  cards = json_object_get_object_member (lane, "cards");
  cell_cards = json_object_get_array_member (cards, id (stage_at (document, 1)));
  g_assert_cmpuint (json_array_get_length (cell_cards), ==, 1);
  copied = json_array_get_object_element (cell_cards, 0);
  g_assert_cmpstr (json_object_get_string_member (copied, "id"), ==, id (card));
  g_assert_cmpstr (json_object_get_string_member (copied, "text"), ==, wm_card_get_text (card));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (copied, "evidence")), ==, 1);
  g_assert_false (json_object_has_member (json_array_get_object_element (lanes, 0), "cards"));

  /* Personas named, not their pictures. */
  personas = json_object_get_array_member (root, "personas");
  for (guint i = 0; i < json_array_get_length (personas); i++)
    g_assert_false (json_object_has_member (json_array_get_object_element (personas, i), "picture"));
}

static void
test_serialize_nothing (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  g_autoptr(WmDocument) other = load ("data", "full.waymark");
  g_autoptr(GListModel) none = list_of (NULL);
  g_autoptr(GListModel) foreign = list_of (stage_at (other, 0), NULL);
  g_autofree char *text = NULL;

  g_assert_null (wm_clipboard_serialize (document, none));
  g_assert_null (wm_clipboard_serialize (document, foreign));
  text = wm_clipboard_to_text (document, foreign);
  g_assert_cmpstr (text, ==, "");
}

static void
test_paste_cards_after_target (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmLane *touchpoints = lane_titled (document, "Touchpoints");
  GListModel *awareness = cell (document, touchpoints, stage_at (document, 0));
  GListModel *consideration = cell (document, touchpoints, stage_at (document, 1));
  WmCard *instagram = item (awareness, 0);
  WmCard *dinner = item (awareness, 1);
  g_autoptr(GBytes) fragment = copy (document, dinner, instagram, NULL);
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GPtrArray) again = NULL;

  pasted = paste (document, fragment, item (consideration, 0));
  assert_texts (consideration, "Configurator,Instagram ad,Dinner talk,Test drive");
  assert_texts (awareness, "Instagram ad,Dinner talk");
  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_true (pasted->pdata[0] == item (consideration, 1));
  g_assert_cmpstr (id (pasted->pdata[0]), !=, id (instagram));
  g_assert_cmpint (wm_card_get_channel (pasted->pdata[0]), ==, wm_card_get_channel (instagram));
  assert_one_step (document, before);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (document)), ==, "Paste");

  /* Again: new ids each time. */
  again = paste (document, fragment, item (consideration, 0));
  assert_texts (consideration, "Configurator,Instagram ad,Dinner talk,Instagram ad,Dinner talk,Test drive");
  g_assert_cmpstr (id (again->pdata[0]), !=, id (pasted->pdata[0]));
}

/* Without a target, in the map it came from, a copy goes by its original. */
static void
test_paste_same_map_no_target (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  WmLane *touchpoints = lane_titled (document, "Touchpoints");
  GListModel *consideration = cell (document, touchpoints, stage_at (document, 1));
  g_autoptr(GBytes) fragment = copy (document, item (consideration, 0), stage_at (document, 2), NULL);
  g_autoptr(GPtrArray) pasted = paste (document, fragment, NULL);

  assert_texts (consideration, "Configurator,Configurator,Test drive");
  g_assert_cmpuint (count (wm_document_get_stages (document)), ==, 5);
  g_assert_cmpstr (wm_stage_get_name (stage_at (document, 3)), ==, "Purchase");
  g_assert_true (pasted->pdata[0] == stage_at (document, 3));
  assert_one_step (document, before);
}

static guint
cards_at (WmDocument *document,
          WmStage    *stage)
{
  GListModel *lanes = wm_document_get_lanes (document);
  guint n = 0;

  for (guint l = 0; l < count (lanes); l++)
    n += count (cell (document, item (lanes, l), stage));

  return n;
}

static guint
moments_at (WmDocument *document,
            WmStage    *stage)
{
  GListModel *moments = wm_document_get_moments (document);
  guint n = 0;

  for (guint i = 0; i < count (moments); i++)
    n += g_str_equal (wm_moment_get_stage (item (moments, i)), id (stage));

  return n;
}

/* A stage of the car purchase map into the online purchase map, whose
 * stages, lanes and personas are others: the cards go to the lanes of
 * their kind, the moments of truth with the stage, the scores of personas
 * that map does not have are left out. */
static void
test_paste_stage_into_another_map (void)
{
  g_autoptr(WmDocument) car = load ("../data/examples", "car-purchase.waymark");
  g_autoptr(WmDocument) online = load ("../data/examples", "online-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (online);
  WmStage *purchase = stage_at (car, 2);
  g_autoptr(GBytes) fragment = copy (car, purchase, NULL);
  g_autoptr(GPtrArray) pasted = NULL;
  guint n_lanes = count (wm_document_get_lanes (online));
  guint n_points = count (wm_document_get_emotion_points (online));
  WmStage *stage;

  g_assert_cmpuint (cards_at (car, purchase), >, 0);
  g_assert_cmpuint (moments_at (car, purchase), >, 0);

  pasted = paste (online, fragment, stage_at (online, 0));
  g_assert_cmpuint (pasted->len, ==, 1);
  stage = stage_at (online, 1);
  g_assert_true (pasted->pdata[0] == stage);
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Purchase");
  g_assert_cmpstr (id (stage), !=, id (purchase));
  g_assert_cmpuint (cards_at (online, stage), ==, cards_at (car, purchase));
  g_assert_cmpuint (count (wm_document_get_lanes (online)), ==, n_lanes);
  {
    g_autofree char *from = texts (cell (car, lane_titled (car, "Customer actions"), purchase));
    g_autofree char *to = texts (cell (online, lane_titled (online, "Actions — Anna"), stage));
    g_autofree char *pains_from = texts (cell (car, lane_titled (car, "Pain points"), purchase));
    g_autofree char *pains_to = texts (cell (online, lane_titled (online, "Pain points"), stage));

    g_assert_cmpstr (to, ==, from);
    g_assert_cmpstr (pains_to, ==, pains_from);
  }
  g_assert_cmpuint (moments_at (online, stage), ==, moments_at (car, purchase));
  g_assert_cmpuint (count (wm_document_get_emotion_points (online)), ==, n_points);
  assert_one_step (online, before);
}

/* Into a map with no lanes: lanes like the ones the cards were in are made. */
static void
test_paste_stage_into_empty_map (void)
{
  g_autoptr(WmDocument) car = load ("../data/examples", "car-purchase.waymark");
  g_autoptr(WmDocument) empty = load ("data", "minimal.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (empty);
  WmStage *purchase = stage_at (car, 2);
  g_autoptr(GBytes) fragment = copy (car, purchase, NULL);
  g_autoptr(GPtrArray) pasted = paste (empty, fragment, NULL);
  GListModel *lanes = wm_document_get_lanes (empty);

  g_assert_cmpuint (count (wm_document_get_stages (empty)), ==, 1);
  g_assert_cmpuint (cards_at (empty, stage_at (empty, 0)), ==, cards_at (car, purchase));
  g_assert_cmpuint (count (lanes), >, 0);
  for (guint i = 0; i < count (lanes); i++)
    {
      WmLane *lane = item (lanes, i);
      WmLane *original = lane_titled (car, wm_lane_get_title (lane));

      g_assert_cmpint (wm_lane_get_kind (lane), ==, wm_lane_get_kind (original));
      g_assert_cmpuint (count (cell (empty, lane, stage_at (empty, 0))), ==, count (cell (car, original, purchase)));
    }
  assert_one_step (empty, before);
}

/* A lane into a map whose stages have other names: its cards go to the
 * stages at the same places, the last ones to the last stage. */
static void
test_paste_lane_into_another_map (void)
{
  g_autoptr(WmDocument) car = load ("../data/examples", "car-purchase.waymark");
  g_autoptr(WmDocument) online = load ("../data/examples", "online-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (online);
  WmLane *touchpoints = lane_titled (car, "Touchpoints");
  g_autoptr(GBytes) fragment = copy (car, touchpoints, NULL);
  g_autoptr(GPtrArray) pasted = paste (online, fragment, lane_at (online, 0));
  WmLane *lane = lane_at (online, 1);
  guint n_car = count (wm_document_get_stages (car));
  guint n_online = count (wm_document_get_stages (online));

  g_assert_true (pasted->pdata[0] == lane);
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Touchpoints");
  g_assert_cmpint (wm_lane_get_kind (lane), ==, WM_LANE_KIND_TOUCHPOINTS);
  g_assert_cmpuint (n_car, >, n_online);
  for (guint s = 0; s + 1 < n_online; s++)
    {
      g_autofree char *from = texts (cell (car, touchpoints, stage_at (car, s)));
      g_autofree char *to = texts (cell (online, lane, stage_at (online, s)));

      g_assert_cmpstr (to, ==, from);
    }
  {
    guint last = 0;

    for (guint s = n_online - 1; s < n_car; s++)
      last += count (cell (car, touchpoints, stage_at (car, s)));
    g_assert_cmpuint (count (cell (online, lane, stage_at (online, n_online - 1))), ==, last);
  }
  assert_one_step (online, before);
}

/* A persona into another map: at the end of the legend, in a colour of its
 * own there, with its scores at the stages at the same places. */
static void
test_paste_persona_into_another_map (void)
{
  g_autoptr(WmDocument) car = load ("../data/examples", "car-purchase.waymark");
  g_autoptr(WmDocument) online = load ("../data/examples", "online-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (online);
  WmPersona *marta = item (wm_document_get_personas (car), 0);
  g_autoptr(GBytes) fragment = copy (car, marta, NULL);
  g_autoptr(GPtrArray) pasted = paste (online, fragment, stage_at (online, 2));
  GListModel *personas = wm_document_get_personas (online);
  WmPersona *persona = item (personas, count (personas) - 1);

  g_assert_true (pasted->pdata[0] == persona);
  g_assert_cmpstr (wm_persona_get_name (persona), ==, wm_persona_get_name (marta));
  for (guint i = 0; i + 1 < count (personas); i++)
    g_assert_cmpint (g_ascii_strcasecmp (wm_persona_get_color (item (personas, i)), wm_persona_get_color (persona)), !=, 0);
  for (guint s = 0; s < count (wm_document_get_stages (online)); s++)
    {
      WmEmotionPoint *from = wm_document_find_emotion_point (car, id (marta), id (stage_at (car, s)));
      WmEmotionPoint *to = wm_document_find_emotion_point (online, id (persona), id (stage_at (online, s)));

      g_assert_true ((from == NULL) == (to == NULL));
      if (from != NULL)
        g_assert_cmpfloat (wm_emotion_point_get_score (to), ==, wm_emotion_point_get_score (from));
    }
  assert_one_step (online, before);
}

/* A score goes to the persona of the same name, at the target stage,
 * replacing the one there; where there is no such persona, nowhere. */
static void
test_paste_score (void)
{
  g_autoptr(WmDocument) full = load ("data", "full.waymark");
  g_autoptr(WmDocument) online = load ("../data/examples", "online-purchase.waymark");
  g_autoptr(WmDocument) car = load ("../data/examples", "car-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (online);
  g_autoptr(GBytes) car_before = wm_format_save_bytes (car);
  WmPersona *anna = item (wm_document_get_personas (full), 0);
  WmPersona *online_anna = item (wm_document_get_personas (online), 0);
  WmEmotionPoint *point = NULL;
  WmEmotionPoint *pasted_point;
  g_autoptr(GBytes) fragment = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  guint n_points = count (wm_document_get_emotion_points (online));

  g_assert_cmpstr (wm_persona_get_name (anna), ==, wm_persona_get_name (online_anna));
  for (guint s = 0; point == NULL; s++)
    point = wm_document_find_emotion_point (full, id (anna), id (stage_at (full, s)));
  g_assert_nonnull (wm_document_find_emotion_point (online, id (online_anna), id (stage_at (online, 1))));

  fragment = copy (full, point, NULL);
  pasted = paste (online, fragment, stage_at (online, 1));
  pasted_point = wm_document_find_emotion_point (online, id (online_anna), id (stage_at (online, 1)));
  g_assert_true (pasted->pdata[0] == pasted_point);
  g_assert_cmpfloat (wm_emotion_point_get_score (pasted_point), ==, wm_emotion_point_get_score (point));
  g_assert_cmpuint (count (wm_document_get_emotion_points (online)), ==, n_points);
  assert_one_step (online, before);

  g_assert_null (wm_clipboard_paste (car, fragment, WM_ELEMENT (stage_at (car, 1)), &error));
  g_assert_error (error, WM_EDIT_ERROR, WM_EDIT_ERROR_NO_PLACE);
  assert_unchanged (car, car_before);
}

static void
test_paste_evidence (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  g_autoptr(WmDocument) other = load ("../data/examples", "car-purchase.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(GBytes) other_before = wm_format_save_bytes (other);
  WmCard *card = item (cell (document, lane_titled (document, "Pain points"), stage_at (document, 1)), 0);
  WmEvidence *evidence = item (wm_element_get_evidence (WM_ELEMENT (card)), 0);
  g_autoptr(GBytes) fragment = copy (document, evidence, NULL);
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  WmStage *stage = stage_at (document, 2);

  pasted = paste (document, fragment, stage);
  g_assert_cmpuint (count (wm_element_get_evidence (WM_ELEMENT (stage))), ==, 1);
  g_assert_true (item (wm_element_get_evidence (WM_ELEMENT (stage)), 0) == pasted->pdata[0]);
  g_assert_cmpint (wm_evidence_get_sample_size (pasted->pdata[0]), ==, wm_evidence_get_sample_size (evidence));
  assert_one_step (document, before);

  /* Into another map, evidence needs something to be on. */
  g_assert_null (wm_clipboard_paste (other, fragment, NULL, &error));
  g_assert_error (error, WM_EDIT_ERROR, WM_EDIT_ERROR_NO_PLACE);
  assert_unchanged (other, other_before);
}

/* Everything of a rich map, pasted into a new one, is all there. */
static void
test_paste_everything (void)
{
  g_autoptr(WmDocument) full = load ("data", "full.waymark");
  g_autoptr(WmDocument) document = wm_document_new ();
  g_autoptr(GListStore) all = g_list_store_new (WM_TYPE_ELEMENT);
  GListModel *(*lists[]) (WmDocument *) = {
    wm_document_get_personas, wm_document_get_stages, wm_document_get_lanes,
    wm_document_get_emotion_points, wm_document_get_moments,
  };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) fragment = NULL;
  g_autoptr(GPtrArray) pasted = NULL;

  wm_document_set_scale_min (document, -2);
  wm_document_set_scale_max (document, 2);
  before = wm_format_save_bytes (document);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < count (lists[l] (full)); i++)
      g_list_store_append (all, item (lists[l] (full), i));

  fragment = wm_clipboard_serialize (full, G_LIST_MODEL (all));
  pasted = paste (document, fragment, NULL);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    g_assert_cmpuint (count (lists[l] (document)), ==, count (lists[l] (full)));
  g_assert_cmpuint (count_cards (document), ==, count_cards (full));
  for (guint i = 0; i < count (wm_document_get_stages (full)); i++)
    g_assert_cmpstr (wm_stage_get_name (stage_at (document, i)), ==, wm_stage_get_name (stage_at (full, i)));
  assert_one_step (document, before);
}

/* A target deleted since (a window's old focus) counts as none: nothing
 * lands on a stage that is no longer in the map. */
static void
test_paste_stale_target (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  WmLane *touchpoints = lane_titled (document, "Touchpoints");
  GListModel *consideration = cell (document, touchpoints, stage_at (document, 1));
  g_autoptr(WmStage) gone = g_object_ref (stage_at (document, 2));
  g_autoptr(GListModel) doomed = list_of (gone, NULL);
  g_autoptr(GBytes) fragment = copy (document, item (consideration, 1), item (wm_document_get_moments (document), 0), NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) pasted = NULL;

  wm_edit_delete (document, doomed);
  wm_history_clear (wm_document_get_history (document));
  before = wm_format_save_bytes (document);

  pasted = paste (document, fragment, gone);
  assert_texts (consideration, "Configurator,Test drive,Test drive");
  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_nonnull (wm_document_find (wm_document_get_stages (document),
                                      wm_moment_get_stage (pasted->pdata[1]), NULL));
  assert_one_step (document, before);
}

static GBytes *
bytes_printf (const char *format,
              ...) G_GNUC_PRINTF (1, 2);

static GBytes *
bytes_printf (const char *format,
              ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  return g_bytes_new_take (text, strlen (text));
}

/* What a hostile or broken clipboard may hold fails to paste, cleanly. */
static void
test_paste_hostile (void)
{
  g_autoptr(WmDocument) document = load ("data", "full.waymark");
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *huge = g_strnfill (40 * 1024 * 1024, 'a');
  g_autofree char *map = g_strndup (g_bytes_get_data (before, NULL), g_bytes_get_size (before));
  const char *head = "\"format\": \"waymark-fragment\", \"version\": 1, \"id\": \"f\"";
  struct
  {
    const char *what;
    GBytes *bytes;
    GQuark domain;
    int code;
  } cases[] = {
    { "empty", g_bytes_new_static ("", 0), WM_FORMAT_ERROR, WM_FORMAT_ERROR_SYNTAX },
    { "plain text", bytes_printf ("Sees an ad"), WM_FORMAT_ERROR, WM_FORMAT_ERROR_SYNTAX },
    { "broken JSON", bytes_printf ("{%s, \"items\": [", head), WM_FORMAT_ERROR, WM_FORMAT_ERROR_SYNTAX },
    { "deep nesting", bytes_printf ("{%s, \"items\": [], \"x\": %s", head, deep), WM_FORMAT_ERROR, WM_FORMAT_ERROR_TOO_LARGE },
    { "huge", bytes_printf ("{%s, \"items\": [], \"x\": \"%s\"}", head, huge), WM_FORMAT_ERROR, WM_FORMAT_ERROR_TOO_LARGE },
    { "a whole map", bytes_printf ("%s", map), WM_FORMAT_ERROR, WM_FORMAT_ERROR_NOT_A_MAP },
    { "not an object", bytes_printf ("[1, 2]"), WM_FORMAT_ERROR, WM_FORMAT_ERROR_NOT_A_MAP },
    { "future version", bytes_printf ("{\"format\": \"waymark-fragment\", \"version\": 99, \"items\": []}"),
      WM_FORMAT_ERROR, WM_FORMAT_ERROR_FUTURE_VERSION },
    { "no items", bytes_printf ("{%s}", head), WM_FORMAT_ERROR, WM_FORMAT_ERROR_INVALID },
    { "items not an array", bytes_printf ("{%s, \"items\": \"s1\"}", head), WM_FORMAT_ERROR, WM_FORMAT_ERROR_INVALID },
    { "item naming nothing", bytes_printf ("{%s, \"items\": [\"nowhere\"]}", head), WM_FORMAT_ERROR, WM_FORMAT_ERROR_REFERENCE },
    { "item not a string", bytes_printf ("{%s, \"items\": [7]}", head), WM_FORMAT_ERROR, WM_FORMAT_ERROR_REFERENCE },
    { "stages not an array", bytes_printf ("{%s, \"items\": [], \"stages\": 5}", head), WM_FORMAT_ERROR, WM_FORMAT_ERROR_INVALID },
    { "text a number", bytes_printf ("{%s, \"items\": [\"s\"], \"stages\": [{\"id\": \"s\", \"name\": 5}]}", head),
      WM_FORMAT_ERROR, WM_FORMAT_ERROR_INVALID },
    { "dangling card cell", bytes_printf ("{%s, \"items\": [\"l\"], \"lanes\": [{\"id\": \"l\", \"kind\": \"actions\", "
                                          "\"title\": \"\", \"cards\": {\"nowhere\": []}}]}", head),
      WM_FORMAT_ERROR, WM_FORMAT_ERROR_REFERENCE },
    { "score off the scale", bytes_printf ("{%s, \"items\": [\"e\"], \"personas\": [{\"id\": \"p\", \"name\": \"P\", "
                                           "\"color\": \"#000000\"}], \"stages\": [{\"id\": \"s\", \"name\": \"S\"}], "
                                           "\"emotion_points\": [{\"id\": \"e\", \"persona\": \"p\", \"stage\": \"s\", "
                                           "\"score\": 1e300}]}", head),
      WM_FORMAT_ERROR, WM_FORMAT_ERROR_INVALID },
    { "duplicate ids", bytes_printf ("{%s, \"items\": [\"s\"], \"stages\": [{\"id\": \"s\", \"name\": \"\"}, "
                                     "{\"id\": \"s\", \"name\": \"\"}]}", head),
      WM_FORMAT_ERROR, WM_FORMAT_ERROR_DUPLICATE_ID },
    { "nothing in it", bytes_printf ("{%s, \"items\": []}", head), WM_EDIT_ERROR, WM_EDIT_ERROR_NOTHING },
    { "only itself", bytes_printf ("{%s, \"items\": [\"f\"]}", head), WM_EDIT_ERROR, WM_EDIT_ERROR_NOTHING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) pasted = NULL;

      g_test_message ("%s", cases[i].what);
      pasted = wm_clipboard_paste (document, cases[i].bytes, WM_ELEMENT (stage_at (document, 0)), &error);
      g_assert_null (pasted);
      g_assert_error (error, cases[i].domain, cases[i].code);
      assert_unchanged (document, before);
      g_bytes_unref (cases[i].bytes);
    }
}

static void
test_to_text (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmStage *buy = wm_edit_add_stage (document, 0, "Buy");
  WmStage *use = wm_edit_add_stage (document, 1, "Use");
  WmLane *actions = wm_edit_add_lane (document, 0, WM_LANE_KIND_ACTIONS, "Actions");
  WmLane *pains = wm_edit_add_lane (document, 1, WM_LANE_KIND_PAIN_POINTS, "");
  WmCard *pay = wm_edit_add_card (document, actions, buy, 0, "Pays");
  WmCard *compare = wm_edit_add_card (document, actions, buy, 0, "Compares\ntwo offers");
  WmCard *wait = wm_edit_add_card (document, pains, buy, 0, "Waits");
  WmCard *unpack = wm_edit_add_card (document, actions, use, 0, "Unpacks");
  WmPersona *anna = wm_edit_add_persona (document, "Anna");
  WmEmotionPoint *point = wm_edit_set_score (document, anna, use, 2);
  g_autoptr(GListModel) one = list_of (pay, NULL);
  g_autoptr(GListModel) stage = list_of (wait, buy, NULL);
  g_autoptr(GListModel) several = list_of (unpack, point, compare, NULL);
  g_autofree char *one_text = wm_clipboard_to_text (document, one);
  g_autofree char *stage_text = wm_clipboard_to_text (document, stage);
  g_autofree char *several_text = wm_clipboard_to_text (document, several);

  g_assert_cmpstr (one_text, ==, "Pays");
  /* A card in the stage is not said twice; a lane without a title by its kind. */
  g_assert_cmpstr (stage_text, ==,
                   "Buy\n"
                   "Actions:\n"
                   "- Compares\n"
                   "  two offers\n"
                   "- Pays\n"
                   "Pain points:\n"
                   "- Waits");
  /* In the map's order, separated by blank lines. */
  g_assert_cmpstr (several_text, ==,
                   "Compares\ntwo offers\n"
                   "\n"
                   "Unpacks\n"
                   "\n"
                   "Anna, Use: 2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clipboard/serialize/form", test_serialize_form);
  g_test_add_func ("/clipboard/serialize/nothing", test_serialize_nothing);
  g_test_add_func ("/clipboard/paste/cards-after-target", test_paste_cards_after_target);
  g_test_add_func ("/clipboard/paste/same-map-no-target", test_paste_same_map_no_target);
  g_test_add_func ("/clipboard/paste/stage-into-another-map", test_paste_stage_into_another_map);
  g_test_add_func ("/clipboard/paste/stage-into-empty-map", test_paste_stage_into_empty_map);
  g_test_add_func ("/clipboard/paste/lane-into-another-map", test_paste_lane_into_another_map);
  g_test_add_func ("/clipboard/paste/persona-into-another-map", test_paste_persona_into_another_map);
  g_test_add_func ("/clipboard/paste/score", test_paste_score);
  g_test_add_func ("/clipboard/paste/evidence", test_paste_evidence);
  g_test_add_func ("/clipboard/paste/everything", test_paste_everything);
  g_test_add_func ("/clipboard/paste/stale-target", test_paste_stale_target);
  g_test_add_func ("/clipboard/paste/hostile", test_paste_hostile);
  g_test_add_func ("/clipboard/to-text", test_to_text);

  return g_test_run ();
}
