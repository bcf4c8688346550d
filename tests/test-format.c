/* test-format.c: the .waymark reader and writer.
 *
 * Valid maps must come back byte for byte; every broken file must fail with
 * its own error, naming the place; hostile input (deep, huge, not UTF-8,
 * cut short, mangled) must fail cleanly, never crash or hang.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wm-card.h"
#include "wm-enum-types.h"
#include "wm-evidence.h"
#include "wm-format.h"
#include "wm-param.h"

/* The documented limits (docs/file-format.md). */
#define DOC_MAX_FILE_SIZE (32 * 1024 * 1024)
#define DOC_MAX_STAGES 500
#define DOC_MAX_STRING 65536
#define DOC_MAX_VALUES 1000000
#define DOC_MAX_PROBLEMS 100

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
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

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return read_path (path);
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The .waymark files of @dir, sorted, as full paths. */
static GPtrArray *
list_maps (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &error);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".waymark"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  return paths;
}

/* Fails at the first line where @saved differs from @original. */
static void
assert_same_text (const char *what,
                  GBytes     *original,
                  GBytes     *saved)
{
  g_autofree char *a = bytes_to_string (original);
  g_autofree char *b = bytes_to_string (saved);
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);

  for (guint i = 0; lines_a[i] != NULL || lines_b[i] != NULL; i++)
    {
      g_autofree char *line_a = g_strdup_printf ("%s:%u: %s", what, i + 1, lines_a[i] ? lines_a[i] : "(end)");
      g_autofree char *line_b = g_strdup_printf ("%s:%u: %s", what, i + 1, lines_b[i] ? lines_b[i] : "(end)");

      g_assert_cmpstr (line_b, ==, line_a);
      if (lines_a[i] == NULL || lines_b[i] == NULL)
        break;
    }
  g_assert_true (g_bytes_equal (original, saved));
}

static void
assert_round_trip (const char *path)
{
  g_autoptr(GBytes) original = read_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_format_load_bytes (original, &error);
  g_autoptr(GBytes) saved = NULL;
  g_auto(GStrv) problems = NULL;

  g_test_message ("round trip of %s", path);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  saved = wm_format_save_bytes (document);
  assert_same_text (path, original, saved);

  problems = wm_format_check_bytes (original);
  g_assert_null (problems);
}

static WmDocument *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_from_string (text);

  return wm_format_load_bytes (bytes, error);
}

/* Loads @bytes expecting the error @code with @place in its message, and
 * the checker to report the same first. */
static void
assert_load_fails (const char *what,
                   GBytes     *bytes,
                   int         code,
                   const char *place)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_format_load_bytes (bytes, &error);
  g_auto(GStrv) problems = NULL;

  g_test_message ("%s: %s", what, error ? error->message : "(loaded)");
  g_assert_null (document);
  g_assert_error (error, WM_FORMAT_ERROR, code);
  g_assert_nonnull (strstr (error->message, place));

  /* The checker reads the same way, so its first problem is the error. */
  problems = wm_format_check_bytes (bytes);
  g_assert_nonnull (problems);
  g_assert_cmpstr (problems[0], ==, error->message);
}

/* A minimal map, with @member ("key" : value) added. */
static char *
minimal_with (const char *member)
{
  return g_strdup_printf ("{\"format\" : \"waymark\", \"version\" : 1, \"id\" : \"m\"%s%s}",
                          *member ? ", " : "", member);
}

/* ------------------------------------------------------------------------ */
/* Round trips                                                              */

static void
test_round_trip_fixtures (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GPtrArray) paths = list_maps (dir);

  g_assert_cmpuint (paths->len, >=, 3);
  for (guint i = 0; i < paths->len; i++)
    assert_round_trip (paths->pdata[i]);
}

static void
test_round_trip_examples (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", NULL);
  g_autoptr(GPtrArray) paths = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("data/examples/ does not exist yet");
      return;
    }

  paths = list_maps (dir);
  g_assert_cmpuint (paths->len, >, 0);
  for (guint i = 0; i < paths->len; i++)
    assert_round_trip (paths->pdata[i]);
}

/* Each file of an older version in data/migrate/NAME.waymark must load, and
 * save as data/migrate/NAME.expected.waymark. Adding a migration step adds
 * such a pair; version 1 is the first, so there is none yet. */
static void
test_migrations (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "migrate", NULL);
  g_autoptr(GPtrArray) paths = NULL;
  guint n_old = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no older version of the format yet");
      return;
    }

  paths = list_maps (dir);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *stem = NULL;
      g_autofree char *expected_path = NULL;
      g_autoptr(GBytes) old = NULL;
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = NULL;

      if (g_str_has_suffix (path, ".expected.waymark"))
        continue;

      stem = g_strndup (path, strlen (path) - strlen (".waymark"));
      expected_path = g_strconcat (stem, ".expected.waymark", NULL);
      old = read_path (path);
      expected = read_path (expected_path);
      {
        g_autoptr(JsonParser) parser = json_parser_new ();

        json_parser_load_from_data (parser, g_bytes_get_data (old, NULL), g_bytes_get_size (old), &error);
        g_assert_no_error (error);
        g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "version"),
                         <, WM_FORMAT_VERSION);
      }

      document = wm_format_load_bytes (old, &error);
      g_assert_no_error (error);
      saved = wm_format_save_bytes (document);
      assert_same_text (path, expected, saved);
      n_old++;
    }
  g_assert_cmpuint (n_old, >, 0);
}

static JsonNode *
unknown_member (WmElement  *element,
                const char *name)
{
  JsonObject *unknown = wm_element_get_unknown (element);

  g_assert_nonnull (unknown);
  return json_object_get_member (unknown, name);
}

static void
test_unknown_keys (void)
{
  g_autoptr(GBytes) bytes = read_data ("full.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_format_load_bytes (bytes, &error);
  g_autoptr(WmStage) stage = NULL;
  g_autoptr(WmLane) lane = NULL;
  g_autoptr(WmCard) card = NULL;
  g_autoptr(GList) names = NULL;
  JsonNode *node;

  g_assert_no_error (error);

  /* At the top level, in the order read. */
  names = json_object_get_members (wm_element_get_unknown (WM_ELEMENT (document)));
  g_assert_cmpuint (g_list_length (names), ==, 2);
  g_assert_cmpstr (names->data, ==, "x_generator");
  g_assert_cmpstr (names->next->data, ==, "x_note");
  node = unknown_member (WM_ELEMENT (document), "x_generator");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==, "another tool");

  /* In a stage, nested values and all. */
  stage = g_list_model_get_item (wm_document_get_stages (document), 1);
  node = unknown_member (WM_ELEMENT (stage), "x_stage_extra");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "nested")), ==, 5);

  /* In a card. */
  lane = g_list_model_get_item (wm_document_get_lanes (document), 4);
  card = g_list_model_get_item (wm_lane_get_cards (lane, "stage-consider"), 1);
  g_assert_cmpstr (wm_card_get_text (card), ==, "Home test drives");
  node = unknown_member (WM_ELEMENT (card), "x_card_extra");
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 1), ==, "b");

  /* Known keys are never unknown. */
  g_assert_null (json_object_get_member (wm_element_get_unknown (WM_ELEMENT (card)), "text"));

  /* And they are written back where they were: the round trip of the
   * fixture is byte for byte. */
  assert_round_trip (g_test_get_filename (G_TEST_DIST, "data", "full.waymark", NULL));
}

static void
test_unknown_keys_never_doubled (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  g_autoptr(JsonObject) unknown = json_object_new ();
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;

  /* Whatever code put there, a known key is written once, from the model. */
  wm_document_set_title (document, "The real title");
  json_object_set_string_member (unknown, "title", "an impostor");
  json_object_set_int_member (unknown, "x_extra", 3);
  wm_element_set_unknown (WM_ELEMENT (document), unknown);

  saved = wm_format_save_bytes (document);
  text = bytes_to_string (saved);
  g_assert_nonnull (strstr (text, "\"title\" : \"The real title\""));
  g_assert_null (strstr (text, "impostor"));
  g_assert_nonnull (strstr (text, "\"x_extra\" : 3"));
}

/* ------------------------------------------------------------------------ */
/* A map built through the model API                                       */

static GBytes *
tiny_png (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  };

  return g_bytes_new_static (png, sizeof png);
}

static WmEvidence *
make_evidence (WmSourceKind kind)
{
  WmEvidence *evidence = wm_evidence_new ();

  wm_evidence_set_source_kind (evidence, kind);
  wm_evidence_set_solicited (evidence, FALSE);
  wm_evidence_set_sample_size (evidence, 240);
  wm_evidence_set_date (evidence, "2024-02-29");
  wm_evidence_set_note (evidence, "Exit survey, \"open\" answers");
  wm_evidence_set_link (evidence, "https://example.org/survey/7");

  return evidence;
}

/* Every property of every class set away from its default. */
static WmDocument *
build_map (void)
{
  WmDocument *document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmPersona) persona = wm_persona_new ();
  g_autoptr(WmStage) stage = wm_stage_new ();
  g_autoptr(WmStage) stage2 = wm_stage_new ();
  g_autoptr(WmLane) lane = wm_lane_new ();
  g_autoptr(WmCard) card = wm_card_new ();
  g_autoptr(WmCard) card2 = wm_card_new ();
  g_autoptr(WmEmotionPoint) point = wm_emotion_point_new ();
  g_autoptr(WmMoment) moment = wm_moment_new ();
  g_autoptr(WmEvidence) e1 = make_evidence (WM_SOURCE_KIND_SOCIAL_LISTENING);
  g_autoptr(WmEvidence) e2 = make_evidence (WM_SOURCE_KIND_OBSERVATION);
  g_autoptr(WmEvidence) e3 = make_evidence (WM_SOURCE_KIND_SUPPORT_DATA);
  g_autoptr(GBytes) png = tiny_png ();
  const char * const labels[] = { "😡", "😟", "😐", "🙂", "😍", NULL };
  g_autoptr(JsonObject) unknown = json_object_new ();

  wm_document_set_title (document, "Kupno samochodu — «test»");
  wm_document_set_description (document, "Line one\nLine two\twith a tab");
  wm_document_set_kind (document, WM_MAP_KIND_EXPERIENCE_MAP);
  wm_document_set_current_state_file (document, "../2025/kupno — «teraz».waymark");
  wm_document_set_current_state_id (document, "0d3c5f2e-8a41-4b7e-9c11-5e2f7a9b3c10");
  wm_document_set_scale_min (document, -2);
  wm_document_set_scale_max (document, 2);
  wm_document_set_scale_labels (document, labels);
  wm_document_set_direction (document, WM_DIRECTION_RTL);
  wm_document_set_created (document, "2026-03-14T09:30:00Z");
  wm_document_set_modified (document, "2026-03-14T10:00:00.5+02:00");
  json_object_set_boolean_member (unknown, "x_flag", TRUE);
  wm_element_set_unknown (WM_ELEMENT (document), unknown);

  wm_persona_set_name (persona, "Anna");
  wm_persona_set_age (persona, 34);
  wm_persona_set_job_role (persona, "Engineer");
  wm_persona_set_family_status (persona, "Single");
  wm_persona_set_professional_goals (persona, "Lead a team");
  wm_persona_set_personal_goals (persona, "Run a marathon");
  wm_persona_set_motivations (persona, "Curiosity");
  wm_persona_set_fears (persona, "Being cheated");
  wm_persona_set_preferences (persona, "Email over phone");
  wm_persona_set_needs (persona, "Honest prices");
  wm_persona_set_frustrations (persona, "Waiting");
  wm_persona_set_quote (persona, "Just tell me the price.");
  wm_persona_set_color (persona, "#c01c28");
  wm_persona_set_picture (persona, png);
  wm_persona_set_picture_type (persona, "image/png");

  wm_stage_set_name (stage, "Purchase");
  wm_stage_set_description (stage, "Signing and paying");
  wm_stage_set_color (stage, "#8ff0a4");
  wm_stage_set_name (stage2, "Use");

  wm_lane_set_kind (lane, WM_LANE_KIND_OPPORTUNITIES);
  wm_lane_set_title (lane, "Opportunities");
  wm_lane_set_persona (lane, wm_element_get_id (WM_ELEMENT (persona)));
  wm_lane_set_color (lane, "#ffbe6f");

  wm_card_set_text (card, "Fixed prices");
  wm_card_set_channel (card, WM_CHANNEL_CHAT);
  wm_card_set_impact (card, 5);
  wm_card_set_effort (card, 1);
  wm_card_set_owner (card, "Sales");
  wm_card_set_status (card, WM_OPPORTUNITY_STATUS_DONE);
  wm_card_set_kpi_name (card, "NPS");
  wm_card_set_kpi_unit (card, "points");
  wm_card_set_kpi_current (card, 31.25);
  wm_card_set_kpi_target (card, 0.1);
  wm_card_set_text (card2, "Second card");

  wm_emotion_point_set_persona (point, wm_element_get_id (WM_ELEMENT (persona)));
  wm_emotion_point_set_stage (point, wm_element_get_id (WM_ELEMENT (stage)));
  wm_emotion_point_set_score (point, -1.75);
  wm_emotion_point_set_label (point, "😟");
  wm_emotion_point_set_note (point, "Hidden fees");
  wm_emotion_point_set_computed (point, TRUE);
  wm_emotion_point_set_sample_size (point, 120);
  wm_emotion_point_set_spread (point, 0.75);

  wm_moment_set_stage (moment, wm_element_get_id (WM_ELEMENT (stage)));
  wm_moment_set_lane (moment, wm_element_get_id (WM_ELEMENT (lane)));
  wm_moment_set_title (moment, "Contract");
  wm_moment_set_description (moment, "Where trust is won");
  wm_moment_set_polarity (moment, WM_POLARITY_NEGATIVE);

  wm_history_begin (history, "Build");
  wm_history_insert (history, wm_document_get_personas (document), 0, persona);
  wm_history_insert (history, wm_document_get_stages (document), 0, stage);
  wm_history_insert (history, wm_document_get_stages (document), 1, stage2);
  wm_history_insert (history, wm_document_get_lanes (document), 0, lane);
  /* Cells are written in stage order, whatever order they were filled in. */
  wm_history_insert (history, wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage2))), 0, card2);
  wm_history_insert (history, wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))), 0, card);
  wm_history_insert (history, wm_document_get_emotion_points (document), 0, point);
  wm_history_insert (history, wm_document_get_moments (document), 0, moment);
  wm_history_insert (history, wm_element_get_evidence (WM_ELEMENT (card)), 0, e1);
  wm_history_insert (history, wm_element_get_evidence (WM_ELEMENT (point)), 0, e2);
  wm_history_insert (history, wm_element_get_evidence (WM_ELEMENT (moment)), 0, e3);
  wm_history_end (history);

  return document;
}

static void assert_elements_equal (WmDocument *doc_a, WmElement *a, WmDocument *doc_b, WmElement *b);

static void
assert_lists_equal (WmDocument *doc_a,
                    GListModel *a,
                    WmDocument *doc_b,
                    GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(WmElement) item_a = g_list_model_get_item (a, i);
      g_autoptr(WmElement) item_b = g_list_model_get_item (b, i);

      assert_elements_equal (doc_a, item_a, doc_b, item_b);
    }
}

static void
assert_values_equal (const char   *where,
                     const GValue *a,
                     const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_BYTES))
    {
      GBytes *bytes_a = g_value_get_boxed (a), *bytes_b = g_value_get_boxed (b);

      g_test_message ("%s: bytes", where);
      g_assert_true ((bytes_a == NULL) == (bytes_b == NULL));
      g_assert_true (bytes_a == NULL || g_bytes_equal (bytes_a, bytes_b));
    }
  else if (G_VALUE_HOLDS_DOUBLE (a))
    g_assert_cmpfloat (g_value_get_double (a), ==, g_value_get_double (b));
  else
    {
      g_autofree char *contents_a = g_strdup_value_contents (a);
      g_autofree char *contents_b = g_strdup_value_contents (b);
      g_autofree char *line_a = g_strdup_printf ("%s = %s", where, contents_a);
      g_autofree char *line_b = g_strdup_printf ("%s = %s", where, contents_b);

      g_assert_cmpstr (line_b, ==, line_a);
    }
}

/* Equal key by key: every property, evidence, cells, collections, unknown. */
static void
assert_elements_equal (WmDocument *doc_a,
                       WmElement  *a,
                       WmDocument *doc_b,
                       WmElement  *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  JsonObject *unknown_a = wm_element_get_unknown (a);
  JsonObject *unknown_b = wm_element_get_unknown (b);

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (b), ==, G_OBJECT_TYPE_NAME (a));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;
      g_autofree char *where = g_strdup_printf ("%s %s.%s", wm_element_get_id (a),
                                                G_OBJECT_TYPE_NAME (a), pspecs[i]->name);

      g_value_init (&value_a, pspecs[i]->value_type);
      g_value_init (&value_b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &value_a);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &value_b);
      assert_values_equal (where, &value_a, &value_b);
    }

  assert_lists_equal (doc_a, wm_element_get_evidence (a), doc_b, wm_element_get_evidence (b));

  g_assert_true ((unknown_a == NULL) == (unknown_b == NULL));
  g_assert_true (unknown_a == NULL || json_object_equal (unknown_a, unknown_b));

  if (WM_IS_LANE (a))
    {
      GListModel *stages = wm_document_get_stages (doc_a);

      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(WmElement) stage = g_list_model_get_item (stages, i);
          const char *id = wm_element_get_id (stage);

          assert_lists_equal (doc_a, wm_lane_get_cards (WM_LANE (a), id),
                              doc_b, wm_lane_get_cards (WM_LANE (b), id));
        }
    }
  else if (WM_IS_DOCUMENT (a))
    {
      assert_lists_equal (doc_a, wm_document_get_personas (doc_a), doc_b, wm_document_get_personas (doc_b));
      assert_lists_equal (doc_a, wm_document_get_stages (doc_a), doc_b, wm_document_get_stages (doc_b));
      assert_lists_equal (doc_a, wm_document_get_lanes (doc_a), doc_b, wm_document_get_lanes (doc_b));
      assert_lists_equal (doc_a, wm_document_get_emotion_points (doc_a), doc_b, wm_document_get_emotion_points (doc_b));
      assert_lists_equal (doc_a, wm_document_get_moments (doc_a), doc_b, wm_document_get_moments (doc_b));
    }
}

/* Fails if some property of @element holds its default: the map built
 * above must exercise every key, including ones added later. */
static void
assert_no_defaults (WmElement *element)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (element), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *where = g_strdup_printf ("%s.%s", G_OBJECT_TYPE_NAME (element), pspecs[i]->name);
      gboolean is_default;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (element), pspecs[i]->name, &value);
      is_default = g_param_value_defaults (pspecs[i], &value);
      g_test_message ("%s holds its default: %d", where, is_default);
      g_assert_false (is_default);
    }
}

static void
test_model_round_trip (void)
{
  g_autoptr(WmDocument) built = build_map ();
  g_autoptr(GBytes) saved = wm_format_save_bytes (built);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) loaded = wm_format_load_bytes (saved, &error);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(WmPersona) persona = g_list_model_get_item (wm_document_get_personas (built), 0);
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (built), 0);
  g_autoptr(WmLane) lane = g_list_model_get_item (wm_document_get_lanes (built), 0);
  g_autoptr(WmEmotionPoint) point = g_list_model_get_item (wm_document_get_emotion_points (built), 0);
  g_autoptr(WmMoment) moment = g_list_model_get_item (wm_document_get_moments (built), 0);
  g_autoptr(WmCard) card = g_list_model_get_item (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))), 0);
  g_autoptr(WmEvidence) evidence = g_list_model_get_item (wm_element_get_evidence (WM_ELEMENT (card)), 0);

  assert_no_defaults (WM_ELEMENT (built));
  assert_no_defaults (WM_ELEMENT (persona));
  assert_no_defaults (WM_ELEMENT (stage));
  assert_no_defaults (WM_ELEMENT (lane));
  assert_no_defaults (WM_ELEMENT (card));
  assert_no_defaults (WM_ELEMENT (point));
  assert_no_defaults (WM_ELEMENT (moment));
  assert_no_defaults (WM_ELEMENT (evidence));

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_elements_equal (built, WM_ELEMENT (built), loaded, WM_ELEMENT (loaded));

  saved_again = wm_format_save_bytes (loaded);
  assert_same_text ("built map", saved, saved_again);

  /* Loading is not an edit: the built map can be undone, the loaded not. */
  g_assert_true (wm_history_get_can_undo (wm_document_get_history (built)));
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (loaded)));
  g_assert_false (wm_history_get_can_redo (wm_document_get_history (loaded)));
}

static void
assert_member_names (JsonObject *object,
                     const char *expected)
{
  g_autoptr(GList) names = json_object_get_members (object);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (joined, "%s%s", joined->len ? " " : "", (char *) l->data);
  g_assert_cmpstr (joined->str, ==, expected);
}

static void
test_save_structure (void)
{
  g_autoptr(WmDocument) built = build_map ();
  g_autoptr(WmDocument) bare = wm_document_new ();
  g_autoptr(WmLane) bare_lane = wm_lane_new ();
  g_autoptr(WmCard) bare_card = wm_card_new ();
  g_autoptr(WmStage) bare_stage = wm_stage_new ();
  g_autoptr(GBytes) saved = wm_format_save_bytes (built);
  g_autoptr(GBytes) bare_saved = NULL;
  g_autofree char *text = bytes_to_string (saved);
  g_autofree char *head = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *persona, *lane, *card, *cards;

  /* The header and the layout of json-glib's pretty printer. */
  head = g_strdup_printf ("{\n  \"format\" : \"waymark\",\n  \"version\" : %d,\n  \"id\" : \"%s\",\n",
                          WM_FORMAT_VERSION, wm_element_get_id (WM_ELEMENT (built)));
  g_assert_true (g_str_has_prefix (text, head));
  g_assert_true (g_str_has_suffix (text, "\n}\n"));

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  assert_member_names (root, "format version id title description kind current_state_file current_state_id "
                             "scale_min scale_max scale_labels "
                             "direction created modified personas stages lanes emotion_points moments x_flag");

  /* Properties in declaration order, then evidence, then cards. */
  persona = json_array_get_object_element (json_object_get_array_member (root, "personas"), 0);
  assert_member_names (persona, "id name age job_role family_status professional_goals personal_goals "
                                "motivations fears preferences needs frustrations quote color picture picture_type");
  g_assert_cmpstr (json_object_get_string_member (persona, "picture"), ==, "iVBORw0KGgoAAAANSUhEUg==");

  lane = json_array_get_object_element (json_object_get_array_member (root, "lanes"), 0);
  assert_member_names (lane, "id kind title persona color cards");
  cards = json_object_get_object_member (lane, "cards");
  {
    g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (built), 0);
    g_autoptr(WmStage) stage2 = g_list_model_get_item (wm_document_get_stages (built), 1);
    g_autofree char *order = g_strdup_printf ("%s %s", wm_element_get_id (WM_ELEMENT (stage)),
                                              wm_element_get_id (WM_ELEMENT (stage2)));

    assert_member_names (cards, order);
    card = json_array_get_object_element (json_object_get_array_member (cards, wm_element_get_id (WM_ELEMENT (stage))), 0);
  }
  assert_member_names (card, "id text channel impact effort owner status kpi_name kpi_unit kpi_current kpi_target evidence");
  g_assert_cmpstr (json_object_get_string_member (card, "channel"), ==, "chat");
  g_assert_cmpstr (json_object_get_string_member (card, "status"), ==, "done");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (card, "impact")), ==, G_TYPE_INT64);
  g_assert_cmpfloat (json_object_get_double_member (card, "kpi_current"), ==, 31.25);

  /* Defaults are left out, except what a reader needs. */
  wm_stage_set_name (bare_stage, "Only stage");
  wm_card_set_text (bare_card, "Only text");
  g_list_store_append (G_LIST_STORE (wm_document_get_stages (bare)), bare_stage);
  g_list_store_append (G_LIST_STORE (wm_document_get_lanes (bare)), bare_lane);
  g_list_store_append (G_LIST_STORE (wm_lane_get_cards (bare_lane, wm_element_get_id (WM_ELEMENT (bare_stage)))), bare_card);
  bare_saved = wm_format_save_bytes (bare);
  g_clear_object (&parser);
  parser = json_parser_new ();
  json_parser_load_from_data (parser, g_bytes_get_data (bare_saved, NULL), g_bytes_get_size (bare_saved), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  assert_member_names (root, "format version id title kind scale_min scale_max direction "
                             "personas stages lanes emotion_points moments");
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "current-state");
  lane = json_array_get_object_element (json_object_get_array_member (root, "lanes"), 0);
  assert_member_names (lane, "id kind title cards");
  card = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (lane, "cards"),
                                                                      wm_element_get_id (WM_ELEMENT (bare_stage))), 0);
  assert_member_names (card, "id text");
}

/* ------------------------------------------------------------------------ */
/* Broken files                                                             */

static const struct
{
  const char *name;
  WmFormatError code;
  const char *message;
} broken[] = {
  { "empty.waymark", WM_FORMAT_ERROR_SYNTAX, "the file is empty" },
  { "whitespace-only.waymark", WM_FORMAT_ERROR_SYNTAX, "the file is empty" },
  { "truncated.waymark", WM_FORMAT_ERROR_SYNTAX, "line 66, column" },
  { "not-json.waymark", WM_FORMAT_ERROR_SYNTAX, "line 1, column 1: unexpected character T" },
  { "trailing-garbage.waymark", WM_FORMAT_ERROR_SYNTAX, "line 127, column 1: unexpected word “and”" },
  { "single-quotes.waymark", WM_FORMAT_ERROR_SYNTAX, "line 5, column 12: unexpected character '" },
  { "comment.waymark", WM_FORMAT_ERROR_SYNTAX, "line 5, column 3: unexpected character /" },
  { "nan.waymark", WM_FORMAT_ERROR_SYNTAX, "line 101, column 16: unexpected character N" },
  { "infinity.waymark", WM_FORMAT_ERROR_SYNTAX, "line 74, column 29: unexpected character I" },
  { "huge-exponent.waymark", WM_FORMAT_ERROR_INVALID, "lanes[1].cards[\"s3\"][0].kpi_target: the number is too large" },
  /* Kept unknown, it would be written back as "inf", which is not JSON. */
  { "unknown-huge-number.waymark", WM_FORMAT_ERROR_INVALID, "x: a number out of range" },
  { "long-integer.waymark", WM_FORMAT_ERROR_INVALID, "line 14, column 14: the number 99999999999999999999 is too long" },
  { "not-an-object.waymark", WM_FORMAT_ERROR_NOT_A_MAP, "not a JSON object" },
  { "no-format.waymark", WM_FORMAT_ERROR_NOT_A_MAP, "it has no \"format\"" },
  { "other-format.waymark", WM_FORMAT_ERROR_NOT_A_MAP, "it has no \"format\"" },
  { "no-version.waymark", WM_FORMAT_ERROR_NOT_A_MAP, "it has no \"version\"" },
  { "version-zero.waymark", WM_FORMAT_ERROR_NOT_A_MAP, "there is no version 0" },
  { "version-string.waymark", WM_FORMAT_ERROR_NOT_A_MAP, "\"version\" is not a whole number" },
  { "future-version.waymark", WM_FORMAT_ERROR_FUTURE_VERSION,
    "version 7 is newer than this Waymark understands (1); update Waymark to open this map" },
  { "invalid-utf8.waymark", WM_FORMAT_ERROR_ENCODING, "line 26, column 21: not valid UTF-8" },
  { "utf16.waymark", WM_FORMAT_ERROR_ENCODING, "UTF-16 text; save it as UTF-8" },
  { "utf16be-no-bom.waymark", WM_FORMAT_ERROR_ENCODING, "UTF-16 text; save it as UTF-8" },
  { "lone-surrogate.waymark", WM_FORMAT_ERROR_ENCODING, "stages[0].name: not valid text" },
  { "id-lone-surrogate.waymark", WM_FORMAT_ERROR_ENCODING, "stages[1].id: not valid text" },
  { "unknown-lone-surrogate.waymark", WM_FORMAT_ERROR_ENCODING, "x_note: not valid text" },
  { "stage-name-number.waymark", WM_FORMAT_ERROR_INVALID, "stages[3].name: expected a string" },
  { "title-null.waymark", WM_FORMAT_ERROR_INVALID, "title: expected a string" },
  { "cards-unknown-stage.waymark", WM_FORMAT_ERROR_REFERENCE, "lanes[0].cards: \"s9\" is not the id of a stage" },
  { "cards-key-is-persona.waymark", WM_FORMAT_ERROR_REFERENCE, "lanes[1].cards: \"p2\" is not the id of a stage" },
  { "lane-persona-dangling.waymark", WM_FORMAT_ERROR_REFERENCE, "lanes[1].persona: \"nobody\" is not the id of a persona" },
  { "point-persona-dangling.waymark", WM_FORMAT_ERROR_REFERENCE, "emotion_points[0].persona: \"p7\" is not the id of a persona" },
  { "point-stage-is-lane.waymark", WM_FORMAT_ERROR_REFERENCE, "emotion_points[1].stage: \"l1\" is not the id of a stage" },
  { "moment-stage-dangling.waymark", WM_FORMAT_ERROR_REFERENCE, "moments[0].stage: \"s5\" is not the id of a stage" },
  { "moment-lane-dangling.waymark", WM_FORMAT_ERROR_REFERENCE, "moments[0].lane: \"l9\" is not the id of a lane" },
  { "point-persona-missing.waymark", WM_FORMAT_ERROR_INVALID, "emotion_points[0].persona: missing" },
  { "score-outside-scale.waymark", WM_FORMAT_ERROR_INVALID, "emotion_points[2].score: 5 is outside the scale -3..3" },
  { "score-string.waymark", WM_FORMAT_ERROR_INVALID, "emotion_points[0].score: expected a number" },
  { "duplicate-point.waymark", WM_FORMAT_ERROR_INVALID,
    "emotion_points[3]: the persona \"p1\" already has a point at the stage \"s2\", emotion_points[1]" },
  { "duplicate-id-stage.waymark", WM_FORMAT_ERROR_DUPLICATE_ID, "stages[2].id: \"s1\" is already the id of stages[0]" },
  { "duplicate-id-card.waymark", WM_FORMAT_ERROR_DUPLICATE_ID,
    "lanes[0].cards[\"s3\"][0].id: \"p1\" is already the id of personas[0]" },
  { "duplicate-id-map.waymark", WM_FORMAT_ERROR_DUPLICATE_ID, "moments[0].evidence[0].id: \"map\" is already the id of the map" },
  { "missing-id.waymark", WM_FORMAT_ERROR_INVALID, "stages[1].id: missing" },
  { "empty-id.waymark", WM_FORMAT_ERROR_INVALID, "personas[0].id: empty" },
  { "id-number.waymark", WM_FORMAT_ERROR_INVALID, "lanes[0].id: expected a string" },
  { "persona-color-name.waymark", WM_FORMAT_ERROR_INVALID, "personas[1].color: \"blue\" is not a colour like \"#3584e4\"" },
  { "stage-color-short.waymark", WM_FORMAT_ERROR_INVALID, "stages[0].color: \"#fff\" is not a colour" },
  { "lane-kind-unknown.waymark", WM_FORMAT_ERROR_INVALID, "lanes[0].kind: \"swimlane\" is not one of actions, thoughts," },
  { "channel-number.waymark", WM_FORMAT_ERROR_INVALID, "lanes[0].cards[\"s1\"][0].channel: expected one of none, website," },
  { "age-fraction.waymark", WM_FORMAT_ERROR_INVALID, "personas[0].age: expected a whole number" },
  { "age-too-old.waymark", WM_FORMAT_ERROR_INVALID, "personas[0].age: 200 is outside 0..150" },
  { "impact-six.waymark", WM_FORMAT_ERROR_INVALID, "lanes[0].cards[\"s1\"][0].impact: 6 is outside 0..5" },
  { "sample-size-negative.waymark", WM_FORMAT_ERROR_INVALID, "moments[0].evidence[0].sample_size: -5 is outside 0.." },
  { "solicited-string.waymark", WM_FORMAT_ERROR_INVALID,
    "lanes[1].cards[\"s3\"][0].evidence[0].solicited: expected true or false" },
  { "evidence-date-invalid.waymark", WM_FORMAT_ERROR_INVALID,
    "lanes[1].cards[\"s3\"][0].evidence[0].date: \"2025-02-30\" is not a date" },
  { "created-not-date-time.waymark", WM_FORMAT_ERROR_INVALID, "created: \"last Tuesday\" is not a date and time" },
  { "scale-empty.waymark", WM_FORMAT_ERROR_INVALID, "scale_max: 0 is not above scale_min (0)" },
  { "scale-min-out-of-range.waymark", WM_FORMAT_ERROR_INVALID, "scale_min: -11 is outside -10..0" },
  { "scale-labels-count.waymark", WM_FORMAT_ERROR_INVALID, "scale_labels: 3 labels for the 7 scores of the scale -3..3" },
  { "scale-labels-not-strings.waymark", WM_FORMAT_ERROR_INVALID, "scale_labels[1]: expected a string" },
  { "picture-not-base64.waymark", WM_FORMAT_ERROR_INVALID, "personas[0].picture: not valid base64" },
  { "picture-type-mismatch.waymark", WM_FORMAT_ERROR_INVALID, "personas[0].picture: not a JPEG image" },
  { "picture-type-gif.waymark", WM_FORMAT_ERROR_INVALID, "personas[0].picture_type: \"image/gif\" is not one of" },
  { "picture-without-type.waymark", WM_FORMAT_ERROR_INVALID, "personas[0].picture_type: missing" },
  { "stages-not-array.waymark", WM_FORMAT_ERROR_INVALID, "stages: expected an array" },
  { "stage-not-object.waymark", WM_FORMAT_ERROR_INVALID, "stages[1]: expected an object" },
  { "cards-array.waymark", WM_FORMAT_ERROR_INVALID, "lanes[0].cards: expected an object" },
  { "cell-not-array.waymark", WM_FORMAT_ERROR_INVALID, "lanes[0].cards[\"s1\"]: expected an array" },
  { "evidence-not-array.waymark", WM_FORMAT_ERROR_INVALID, "moments[0].evidence: expected an array" },
  { "several-problems.waymark", WM_FORMAT_ERROR_INVALID, "personas[0].color: \"red\" is not a colour" },
};

static void
test_broken_corpus (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "broken", NULL);
  g_autoptr(GPtrArray) paths = list_maps (dir);

  /* Every file is in the table, and every entry has its file. */
  g_assert_cmpuint (paths->len, ==, G_N_ELEMENTS (broken));
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      gboolean listed = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (broken); j++)
        listed |= g_str_equal (name, broken[j].name);
      g_test_message ("%s is in the table: %d", name, listed);
      g_assert_true (listed);
    }

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_build_filename (dir, broken[i].name, NULL);
      g_autoptr(GBytes) bytes = read_path (path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = NULL;

      assert_load_fails (broken[i].name, bytes, broken[i].code, broken[i].message);

      /* The same through the file API. */
      document = wm_format_load_file (file, NULL, &error);
      g_assert_null (document);
      g_assert_error (error, WM_FORMAT_ERROR, (int) broken[i].code);
    }
}

static void
test_check_lists_every_problem (void)
{
  g_autoptr(GBytes) bytes = read_data ("broken/several-problems.waymark");
  g_autoptr(GBytes) valid = read_data ("full.waymark");
  g_auto(GStrv) problems = wm_format_check_bytes (bytes);
  g_auto(GStrv) none = wm_format_check_bytes (valid);
  const char *expected[] = {
    "personas[0].color: \"red\" is not a colour",
    "stages[1].name: expected a string",
    "lanes[0].persona: \"p9\" is not the id of a persona",
    "emotion_points[0].score: 9 is outside the scale -3..3",
    "moments[0].polarity: \"neutral\" is not one of positive, negative, decisive",
  };

  g_assert_null (none);
  g_assert_nonnull (problems);
  g_assert_cmpuint (g_strv_length (problems), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", problems[i]);
      g_assert_true (g_str_has_prefix (problems[i], expected[i]));
    }
}

static void
test_check_caps_the_list (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\" : \"waymark\", \"version\" : 1, \"id\" : \"m\", "
                                          "\"stages\" : [");
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) problems = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%s{\"id\" : \"s%u\", \"name\" : %u}", i ? ", " : "", i, i);
  g_string_append (text, "]}");
  bytes = bytes_from_string (text->str);

  problems = wm_format_check_bytes (bytes);
  g_assert_cmpuint (g_strv_length (problems), ==, DOC_MAX_PROBLEMS + 1);
  g_assert_cmpstr (problems[0], ==, "stages[0].name: expected a string");
  g_assert_cmpstr (problems[DOC_MAX_PROBLEMS - 1], ==, "stages[99].name: expected a string");
  g_assert_nonnull (strstr (problems[DOC_MAX_PROBLEMS], "more problems"));
}

/* ------------------------------------------------------------------------ */
/* Hostile input                                                            */

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autofree char *arrays = g_strnfill (depth, '[');
  g_autoptr(GBytes) arrays_bytes = bytes_from_string (arrays);
  g_autoptr(GBytes) objects_bytes = NULL;
  g_autofree char *in_map = NULL;
  g_autofree char *in_string = NULL;
  g_autofree char *shallow = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;

  /* Unclosed, as an attacker would not bother to close them. */
  assert_load_fails ("arrays", arrays_bytes, WM_FORMAT_ERROR_TOO_LARGE, "nested deeper than");

  for (guint i = 0; i < depth; i++)
    g_string_append (objects, "{\"a\":");
  objects_bytes = bytes_from_string (objects->str);
  assert_load_fails ("objects", objects_bytes, WM_FORMAT_ERROR_TOO_LARGE, "line 1, column 321: nested deeper than 64 levels");

  /* Deep inside an otherwise fine map, under an unknown key. */
  {
    g_autofree char *open = g_strnfill (100, '[');
    g_autofree char *close = g_strnfill (100, ']');
    g_autofree char *member = g_strdup_printf ("\"x_deep\" : %s%s", open, close);

    in_map = minimal_with (member);
  }
  bytes = bytes_from_string (in_map);
  assert_load_fails ("in a map", bytes, WM_FORMAT_ERROR_TOO_LARGE, "line 1, column 125: nested deeper than 64 levels");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Brackets inside strings are text, not nesting. */
  {
    g_autofree char *open = g_strnfill (1000, '[');
    g_autofree char *member = g_strdup_printf ("\"title\" : \"%s \\\"[[[\"", open);

    in_string = minimal_with (member);
  }
  document = load_string (in_string, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (wm_document_get_title (document), "[[[["));
  g_clear_object (&document);

  /* Nesting within the limit is kept, as any unknown value. */
  {
    g_autofree char *open = g_strnfill (60, '[');
    g_autofree char *close = g_strnfill (60, ']');
    g_autofree char *member = g_strdup_printf ("\"x_deep\" : %s%s", open, close);

    shallow = minimal_with (member);
  }
  document = load_string (shallow, &error);
  g_assert_no_error (error);
  g_assert_nonnull (unknown_member (WM_ELEMENT (document), "x_deep"));
}

static void
test_too_many_values (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\" : \"waymark\", \"version\" : 1, \"id\" : \"m\", \"x_many\" : [0");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < DOC_MAX_VALUES; i++)
    g_string_append (text, ",0");
  g_string_append (text, "]}");
  bytes = bytes_from_string (text->str);

  assert_load_fails ("values", bytes, WM_FORMAT_ERROR_TOO_LARGE, "more than 1000000 values in the file");
}

static char *
map_with_stages (guint n)
{
  GString *text = g_string_new ("{\"format\" : \"waymark\", \"version\" : 1, \"id\" : \"m\", \"stages\" : [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\" : \"s%u\", \"name\" : \"Stage %u\"}", i ? ", " : "", i, i);
  g_string_append (text, "]}");

  return g_string_free (text, FALSE);
}

static void
test_too_many_elements (void)
{
  g_autofree char *most = map_with_stages (DOC_MAX_STAGES);
  g_autofree char *too_many = map_with_stages (DOC_MAX_STAGES + 1);
  g_autoptr(GBytes) bytes = bytes_from_string (too_many);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = load_string (most, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, DOC_MAX_STAGES);

  assert_load_fails ("stages", bytes, WM_FORMAT_ERROR_TOO_LARGE, "stages: more than the 500 stages a map may hold");
}

static void
test_long_text (void)
{
  g_autofree char *longest = g_strnfill (DOC_MAX_STRING, 'a');
  g_autofree char *too_long = g_strnfill (DOC_MAX_STRING + 1, 'a');
  g_autofree char *ok_member = g_strdup_printf ("\"description\" : \"%s\"", longest);
  g_autofree char *bad_member = g_strdup_printf ("\"stages\" : [{\"id\" : \"s\", \"name\" : \"%s\"}]", too_long);
  g_autofree char *ok_text = minimal_with (ok_member);
  g_autofree char *bad_text = minimal_with (bad_member);
  g_autoptr(GBytes) bytes = bytes_from_string (bad_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = load_string (ok_text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (wm_document_get_description (document)), ==, DOC_MAX_STRING);

  assert_load_fails ("text", bytes, WM_FORMAT_ERROR_TOO_LARGE, "stages[0].name: 65537 bytes of text");
}

static void
test_huge_file (void)
{
  gsize size = DOC_MAX_FILE_SIZE + 1;
  guint8 *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(WmDocument) document = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (data, size);
  assert_load_fails ("bytes", bytes, WM_FORMAT_ERROR_TOO_LARGE, "the file is 33554433 bytes, more than the 33554432 (32 MiB) a map may take");

  /* A file of 4 GiB (sparse) is refused from its size, before reading. */
  file = g_file_new_tmp ("waymark-huge-XXXXXX.waymark", &io, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (io), G_GINT64_CONSTANT (4) << 30, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (io), NULL, &error);
  g_assert_no_error (error);

  document = wm_format_load_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "the file is 4294967296 bytes"));
  g_file_delete (file, NULL, NULL);
  g_clear_object (&file);
  g_clear_error (&error);

  /* Endless, with no size to tell: reading stops past the limit. */
  file = g_file_new_for_path ("/dev/zero");
  document = wm_format_load_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "the file is 33554433 bytes"));
}

static void
test_number_tokens (void)
{
  const struct
  {
    const char *token;
    int code;  /* -1: loads */
    const char *message;
  } cases[] = {
    { "NaN", WM_FORMAT_ERROR_SYNTAX, "unexpected character N" },
    { "-NaN", WM_FORMAT_ERROR_SYNTAX, "unexpected character N" },
    { "nan", WM_FORMAT_ERROR_SYNTAX, "unexpected word “nan”" },
    { "Infinity", WM_FORMAT_ERROR_SYNTAX, "unexpected character I" },
    { "-Infinity", WM_FORMAT_ERROR_SYNTAX, "unexpected character I" },
    { "inf", WM_FORMAT_ERROR_SYNTAX, "unexpected word “inf”" },
    { "1e400", WM_FORMAT_ERROR_INVALID, "emotion_points[0].score: the number is too large" },
    { "-1e400", WM_FORMAT_ERROR_INVALID, "emotion_points[0].score: the number is too large" },
    { "1e99999999999", WM_FORMAT_ERROR_INVALID, "emotion_points[0].score: the number is too large" },
    { "99999999999999999999", WM_FORMAT_ERROR_INVALID, "is too long" },
    { "-9223372036854775809", WM_FORMAT_ERROR_INVALID, "is too long" },
    { "0x1", WM_FORMAT_ERROR_SYNTAX, "unexpected word “x1”" },
    { "\"1\"", WM_FORMAT_ERROR_INVALID, "emotion_points[0].score: expected a number" },
    { "true", WM_FORMAT_ERROR_INVALID, "emotion_points[0].score: expected a number" },
    { "11", WM_FORMAT_ERROR_INVALID, "emotion_points[0].score: 11 is outside -10..10" },
    { "3.5", WM_FORMAT_ERROR_INVALID, "emotion_points[0].score: 3.5 is outside the scale -3..3" },
    { "1e-400", -1, NULL },
    { "2.5e0", -1, NULL },
    { "-3", -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{\"format\" : \"waymark\", \"version\" : 1, \"id\" : \"m\", "
        "\"personas\" : [{\"id\" : \"p\", \"name\" : \"P\"}], \"stages\" : [{\"id\" : \"s\", \"name\" : \"S\"}], "
        "\"emotion_points\" : [{\"id\" : \"e\", \"persona\" : \"p\", \"stage\" : \"s\", \"score\" : %s}]}",
        cases[i].token);
      g_autoptr(GBytes) bytes = bytes_from_string (text);

      if (cases[i].code < 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(WmDocument) document = wm_format_load_bytes (bytes, &error);

          g_test_message ("%s loads", cases[i].token);
          g_assert_no_error (error);
        }
      else
        assert_load_fails (cases[i].token, bytes, cases[i].code, cases[i].message);
    }
}

static void
test_invalid_utf8 (void)
{
  const char *sequences[] = {
    "\xff",              /* never in UTF-8 */
    "\x80",              /* a continuation alone */
    "\xc3(",             /* a sequence cut short */
    "\xc0\xaf",          /* overlong '/' */
    "\xed\xa0\x80",      /* an encoded surrogate */
    "\xf4\x90\x80\x80",  /* past U+10FFFF */
  };

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\" : \"waymark\", \"version\" : 1,\n"
                                               "  \"title\" : \"Café %s\", \"id\" : \"m\"}", sequences[i]);
      g_autoptr(GBytes) bytes = bytes_from_string (text);

      assert_load_fails ("sequence", bytes, WM_FORMAT_ERROR_ENCODING, "line 2, column 19: not valid UTF-8");
    }

  /* A zero byte is not text either. */
  {
    static const char text[] = "{\"format\" : \"waymark\", \"version\" : 1, \"id\" : \"m\0\"}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);

    assert_load_fails ("zero byte", bytes, WM_FORMAT_ERROR_ENCODING, "line 1, column 48: not valid UTF-8");
  }
}

static void
test_utf16 (void)
{
  g_autoptr(GBytes) minimal = read_data ("minimal.waymark");
  const char *encodings[] = { "UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length;
      char *converted = g_convert (g_bytes_get_data (minimal, NULL), g_bytes_get_size (minimal),
                                   encodings[i], "UTF-8", NULL, &length, &error);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_no_error (error);
      bytes = g_bytes_new_take (converted, length);
      assert_load_fails (encodings[i], bytes, WM_FORMAT_ERROR_ENCODING, "save it as UTF-8");
    }
}

static void
test_bom (void)
{
  g_autoptr(GBytes) minimal = read_data ("minimal.waymark");
  g_autoptr(GByteArray) with_bom = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;

  g_byte_array_append (with_bom, (const guint8 *) "\xef\xbb\xbf", 3);
  g_byte_array_append (with_bom, g_bytes_get_data (minimal, NULL), g_bytes_get_size (minimal));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&with_bom));

  document = wm_format_load_bytes (bytes, &error);
  g_assert_no_error (error);

  /* Saved as plain UTF-8, without the mark. */
  saved = wm_format_save_bytes (document);
  assert_same_text ("minimal with a BOM", minimal, saved);

  /* A BOM and nothing else is an empty file. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = bytes_from_string ("\xef\xbb\xbf");
  assert_load_fails ("only a BOM", bytes, WM_FORMAT_ERROR_SYNTAX, "the file is empty");
}

static void
test_versions (void)
{
  g_autofree char *future = g_strdup_printf ("{\"format\" : \"waymark\", \"version\" : %d, \"id\" : \"m\", \"x_new\" : 1}",
                                             WM_FORMAT_VERSION + 1);
  g_autofree char *current = g_strdup_printf ("{\"format\" : \"waymark\", \"version\" : %d, \"id\" : \"m\"}",
                                              WM_FORMAT_VERSION);
  g_autofree char *expected = g_strdup_printf ("version %d is newer than this Waymark understands (%d); "
                                               "update Waymark to open this map",
                                               WM_FORMAT_VERSION + 1, WM_FORMAT_VERSION);
  const char *not_maps[] = {
    "{\"format\" : \"waymark\", \"id\" : \"m\"}",
    "{\"format\" : \"waymark\", \"version\" : 0, \"id\" : \"m\"}",
    "{\"format\" : \"waymark\", \"version\" : -1, \"id\" : \"m\"}",
    "{\"format\" : \"waymark\", \"version\" : 1.5, \"id\" : \"m\"}",
    "{\"format\" : \"waymark\", \"version\" : null, \"id\" : \"m\"}",
    "{\"version\" : 1, \"id\" : \"m\"}",
    "{\"format\" : \"Waymark\", \"version\" : 1, \"id\" : \"m\"}",
    "{\"format\" : 1, \"version\" : 1, \"id\" : \"m\"}",
    "\"waymark\"",
    "42",
  };
  g_autoptr(GBytes) future_bytes = bytes_from_string (future);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = load_string (current, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  assert_load_fails ("future", future_bytes, WM_FORMAT_ERROR_FUTURE_VERSION, expected);

  for (guint i = 0; i < G_N_ELEMENTS (not_maps); i++)
    {
      g_autoptr(GBytes) bytes = bytes_from_string (not_maps[i]);

      assert_load_fails (not_maps[i], bytes, WM_FORMAT_ERROR_NOT_A_MAP, "this is not a Waymark map");
    }
}

/* Every prefix of a map fails cleanly; only the whole of it loads. */
static void
test_truncated_everywhere (void)
{
  g_autoptr(GBytes) whole = read_data ("rtl-persian.waymark");
  gsize size;
  const char *data = g_bytes_get_data (whole, &size);
  /* The last byte is the newline after the closing brace. */
  gsize last_brace = size - 2;

  g_assert_cmpint (data[last_brace], ==, '}');
  for (gsize length = 0; length <= last_brace; length++)
    {
      g_autoptr(GBytes) prefix = g_bytes_new_static (data, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = wm_format_load_bytes (prefix, &error);

      g_assert_null (document);
      g_assert_true (g_error_matches (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_SYNTAX) ||
                     g_error_matches (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_ENCODING));
    }
}

/* Every byte of a map changed to one of a few nasty ones (in turn, to keep
 * the run short): never a crash, and the checker and the loader agree. */
static void
test_mangled_everywhere (void)
{
  g_autoptr(GBytes) whole = read_data ("full.waymark");
  gsize size;
  const char *data = g_bytes_get_data (whole, &size);
  const char replacements[] = { '"', '[', '{', '}', '\\', '9', ',', '\xff', '\0' };
  g_autofree char *copy = g_memdup2 (data, size);
  guint loaded = 0;

  for (gsize i = 0; i < size; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = NULL;
      g_auto(GStrv) problems = NULL;

      copy[i] = replacements[i % G_N_ELEMENTS (replacements)];
      bytes = g_bytes_new (copy, size);
      copy[i] = data[i];

      document = wm_format_load_bytes (bytes, &error);
      problems = wm_format_check_bytes (bytes);
      if (document != NULL)
        {
          g_autoptr(GBytes) saved = wm_format_save_bytes (document);
          g_autoptr(WmDocument) again = wm_format_load_bytes (saved, &error);

          /* What loads, saves as something that loads. */
          g_assert_no_error (error);
          g_assert_null (problems);
          loaded++;
        }
      else
        {
          g_assert_true (error->domain == WM_FORMAT_ERROR);
          g_assert_nonnull (problems);
          g_assert_cmpstr (problems[0], ==, error->message);
        }
    }

  /* Changing text inside strings keeps a valid map, so some loaded. */
  g_assert_cmpuint (loaded, >, 0);
}

/* ------------------------------------------------------------------------ */
/* Saving to files                                                          */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
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

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_save_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = build_map ();
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) loaded = NULL;
  GStatBuf st;

  /* A new file. */
  g_assert_true (wm_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);
  expected = wm_format_save_bytes (document);
  written = read_path (path);
  g_assert_true (g_bytes_equal (expected, written));
  g_clear_pointer (&written, g_bytes_unref);

  /* Replacing it, keeping its permissions, leaving nothing beside it. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  wm_document_set_title (document, "Renamed");
  g_assert_true (wm_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_bytes_unref);
  expected = wm_format_save_bytes (document);
  written = read_path (path);
  g_assert_true (g_bytes_equal (expected, written));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  loaded = wm_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_document_get_title (loaded), ==, "Renamed");

  remove_tree (dir);
}

static void
test_save_missing_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "gone", NULL);
  g_autofree char *path = g_build_filename (missing, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = build_map ();
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_format_save_file (document, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  remove_tree (dir);
}

#define OLD_MAP "{ \"old\" : \"map\" }\n"

static gboolean
drop_root (void)
{
  return setgid (65534) == 0 && setuid (65534) == 0;
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

/* Saving into a folder one may not write to fails and leaves the old
 * file as it was, even where the file itself could be written in place.
 * Root may write anywhere, so the check runs as "nobody" when root. */
static void
test_save_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("WAYMARK_TEST_READ_ONLY_DIR");
      g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(WmDocument) document = build_map ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      if (geteuid () == 0)
        g_assert_true (drop_root ());

      g_autoptr(GError) read_error = NULL;

      g_assert_false (wm_format_save_file (document, file, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_file_get_contents (path, &contents, NULL, &read_error);
      g_assert_no_error (read_error);
      g_assert_cmpstr (contents, ==, OLD_MAP);
      g_assert_cmpuint (count_entries (dir), ==, 1);
      return;
    }

  if (geteuid () == 0 && !can_drop_root ())
    {
      g_test_skip ("running as root, which may write anywhere, and cannot become nobody here");
      return;
    }

  {
    g_autofree char *dir = make_tmp_dir ();
    g_autofree char *folder = g_build_filename (dir, "read-only", NULL);
    g_autofree char *path = g_build_filename (folder, "map.waymark", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
    g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
    g_file_set_contents (path, OLD_MAP, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_chmod (path, 0666), ==, 0);
    g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

    g_setenv ("WAYMARK_TEST_READ_ONLY_DIR", folder, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();

    remove_tree (dir);
  }
}

/* ------------------------------------------------------------------------ */
/* The JSON Schema says what the model says                                 */

/* The member @name of @object, which must be there. */
static JsonNode *
member (JsonObject *object,
        const char *where,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_test_message ("schema: %s has %s", where, name);
  g_assert_nonnull (node);

  return node;
}

static void
assert_schema_matches (JsonObject *schema,
                       const char *def,
                       GType       type,
                       const char *extra_keys)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **pspecs = NULL;
  JsonObject *object = def ? json_node_get_object (member (json_node_get_object (member (schema, "schema", "$defs")),
                                                                  "$defs", def))
                           : schema;
  JsonObject *properties = json_node_get_object (member (object, def ? def : "map", "properties"));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) extras = g_strsplit (extra_keys, " ", -1);
  g_autoptr(GList) members = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_autofree char *key = g_strdelimit (g_strdup (pspec->name), "-", '_');
      JsonObject *property = json_node_get_object (member (properties, def ? def : "map", key));
      JsonNode *ref = json_object_get_member (property, "$ref");

      g_hash_table_add (keys, g_strdup (key));

      if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
          JsonArray *values = json_node_get_array (member (property, key, "enum"));

          g_assert_cmpuint (json_array_get_length (values), ==, enum_class->n_values);
          for (guint j = 0; j < enum_class->n_values; j++)
            g_assert_cmpstr (json_array_get_string_element (values, j), ==, enum_class->values[j].value_nick);
          g_assert_cmpstr (json_node_get_string (member (property, key, "default")), ==,
                           g_enum_get_value (enum_class, G_PARAM_SPEC_ENUM (pspec)->default_value)->value_nick);
        }
      else if (G_IS_PARAM_SPEC_INT (pspec))
        {
          GParamSpecInt *int_pspec = G_PARAM_SPEC_INT (pspec);

          g_assert_cmpstr (json_node_get_string (member (property, key, "type")), ==, "integer");
          g_assert_cmpint (json_node_get_int (member (property, key, "minimum")), ==, int_pspec->minimum);
          g_assert_cmpint (json_node_get_int (member (property, key, "maximum")), ==, int_pspec->maximum);
          g_assert_cmpint (json_node_get_int (member (property, key, "default")), ==, int_pspec->default_value);
        }
      else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
        {
          GParamSpecDouble *double_pspec = G_PARAM_SPEC_DOUBLE (pspec);

          g_assert_cmpstr (json_node_get_string (member (property, key, "type")), ==, "number");
          g_assert_cmpfloat (json_node_get_double (member (property, key, "minimum")), ==, double_pspec->minimum);
          g_assert_cmpfloat (json_node_get_double (member (property, key, "maximum")), ==, double_pspec->maximum);
          g_assert_cmpfloat (json_node_get_double (member (property, key, "default")), ==, double_pspec->default_value);
        }
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        {
          g_assert_cmpstr (json_node_get_string (member (property, key, "type")), ==, "boolean");
          g_assert_true (json_node_get_boolean (member (property, key, "default")) ==
                         G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
        }
      else if (pspec->value_type == G_TYPE_STRV)
        g_assert_cmpstr (json_node_get_string (member (property, key, "type")), ==, "array");
      else if (ref != NULL)
        g_assert_true (g_str_has_prefix (json_node_get_string (ref), "#/$defs/"));
      else
        g_assert_cmpstr (json_node_get_string (member (property, key, "type")), ==, "string");
    }

  /* And nothing the model does not have. */
  for (guint i = 0; extras[i] != NULL; i++)
    g_hash_table_add (keys, g_strdup (extras[i]));
  members = json_object_get_members (properties);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_test_message ("schema: %s has %s, which the model has", def ? def : "map", (char *) l->data);
      g_assert_true (g_hash_table_contains (keys, l->data));
    }
}

static void
test_schema_matches_model (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "waymark.schema.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *schema;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  schema = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (schema, "$schema"), ==,
                   "https://json-schema.org/draft/2020-12/schema");

  assert_schema_matches (schema, NULL, WM_TYPE_DOCUMENT,
                         "format version evidence personas stages lanes emotion_points moments");
  assert_schema_matches (schema, "persona", WM_TYPE_PERSONA, "evidence");
  assert_schema_matches (schema, "stage", WM_TYPE_STAGE, "evidence");
  assert_schema_matches (schema, "lane", WM_TYPE_LANE, "evidence cards");
  assert_schema_matches (schema, "card", WM_TYPE_CARD, "evidence");
  assert_schema_matches (schema, "emotion_point", WM_TYPE_EMOTION_POINT, "evidence");
  assert_schema_matches (schema, "moment", WM_TYPE_MOMENT, "evidence");
  assert_schema_matches (schema, "evidence", WM_TYPE_EVIDENCE, "evidence");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/format/round-trip/examples", test_round_trip_examples);
  g_test_add_func ("/format/round-trip/model", test_model_round_trip);
  g_test_add_func ("/format/round-trip/migrations", test_migrations);
  g_test_add_func ("/format/unknown-keys/kept", test_unknown_keys);
  g_test_add_func ("/format/unknown-keys/never-doubled", test_unknown_keys_never_doubled);
  g_test_add_func ("/format/save/structure", test_save_structure);
  g_test_add_func ("/format/save/file", test_save_file);
  g_test_add_func ("/format/save/missing-folder", test_save_missing_folder);
  g_test_add_func ("/format/save/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/format/load/broken-corpus", test_broken_corpus);
  g_test_add_func ("/format/load/deep-nesting", test_deep_nesting);
  g_test_add_func ("/format/load/too-many-values", test_too_many_values);
  g_test_add_func ("/format/load/too-many-elements", test_too_many_elements);
  g_test_add_func ("/format/load/long-text", test_long_text);
  g_test_add_func ("/format/load/huge-file", test_huge_file);
  g_test_add_func ("/format/load/number-tokens", test_number_tokens);
  g_test_add_func ("/format/load/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/format/load/utf16", test_utf16);
  g_test_add_func ("/format/load/bom", test_bom);
  g_test_add_func ("/format/load/versions", test_versions);
  g_test_add_func ("/format/load/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/format/load/mangled-everywhere", test_mangled_everywhere);
  g_test_add_func ("/format/check/every-problem", test_check_lists_every_problem);
  g_test_add_func ("/format/check/capped", test_check_caps_the_list);
  g_test_add_func ("/format/schema/matches-model", test_schema_matches_model);

  return g_test_run ();
}
