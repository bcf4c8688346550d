/* test-survey.c: survey responses read from CSV files into a map.
 *
 * The fixtures in data/survey/ name the personas and stages of
 * data/survey/map.waymark (Anna, Bob, Zoë × Awareness, Purchase, Use, on
 * the scale -3..3). Large and hostile files are written to a temporary
 * folder as the tests run.
 */
#include <glib/gstdio.h>

#include "wm-evidence.h"
#include "wm-format.h"
#include "wm-survey.h"

#include "test-util.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "survey", name, NULL);

  return g_file_new_for_path (path);
}

static WmDocument *
load_map (void)
{
  return load ("data", "survey/map.waymark");
}

static WmSurvey *
read_with (const char            *name,
           WmDocument            *document,
           const WmSurveyOptions *options)
{
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GError) error = NULL;
  WmSurvey *survey = wm_survey_read_file (file, document, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (survey);
  return survey;
}

static WmSurvey *
read_survey (const char *name,
             WmDocument *document)
{
  return read_with (name, document, NULL);
}

/* The group of the persona and stage named, or NULL. */
static const WmSurveyGroup *
find_group (WmSurvey   *survey,
            const char *persona,
            const char *stage)
{
  for (guint i = 0; i < wm_survey_get_n_groups (survey); i++)
    {
      const WmSurveyGroup *group = wm_survey_get_group (survey, i);

      if (g_str_equal (wm_persona_get_name (group->persona), persona) &&
          g_str_equal (wm_stage_get_name (group->stage), stage))
        return group;
    }

  return NULL;
}

static const WmSurveyGroup *
get_group (WmSurvey   *survey,
           const char *persona,
           const char *stage)
{
  const WmSurveyGroup *group = find_group (survey, persona, stage);

  g_assert_nonnull (group);
  return group;
}

/* Fails unless the survey is the two responses that every encoding and
 * delimiter fixture holds: Zoë loves Awareness (5), Anna hates Purchase (1). */
static void
assert_two_responses (WmSurvey *survey)
{
  g_assert_cmpuint (wm_survey_get_n_used (survey), ==, 2);
  g_assert_cmpuint (wm_survey_get_n_groups (survey), ==, 2);
  g_assert_cmpfloat (get_group (survey, "Zoë", "Awareness")->score, ==, 3);
  g_assert_cmpfloat (get_group (survey, "Anna", "Purchase")->score, ==, -3);
}

static WmEmotionPoint *
point_of (WmDocument *document,
          const char *persona_id,
          const char *stage_id)
{
  WmEmotionPoint *point = wm_document_find_emotion_point (document, persona_id, stage_id);

  g_assert_nonnull (point);
  return point;
}

/* The evidence of @point from the survey file @source. */
static guint
count_survey_evidence (WmEmotionPoint *point,
                       const char     *source,
                       WmEvidence    **found)
{
  GListModel *list = wm_element_get_evidence (WM_ELEMENT (point));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      WmEvidence *evidence = wm_document_peek (list, i);

      if (wm_evidence_get_source_kind (evidence) == WM_SOURCE_KIND_SURVEY &&
          g_str_equal (wm_evidence_get_link (evidence), source))
        {
          count++;
          if (found != NULL)
            *found = evidence;
        }
    }

  return count;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

static void
test_basic (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmSurvey) survey = read_survey ("basic.csv", document);
  const WmSurveyGroup *group;
  double low, high;

  g_assert_cmpint (wm_survey_get_encoding (survey), ==, WM_SURVEY_ENCODING_UTF8);
  g_assert_cmpint (wm_survey_get_delimiter (survey), ==, ',');
  g_assert_cmpstr (wm_survey_get_source (survey), ==, "basic.csv");
  /* Ten responses; the row of empty cells is none. */
  g_assert_cmpuint (wm_survey_get_n_responses (survey), ==, 10);
  g_assert_cmpuint (wm_survey_get_n_used (survey), ==, 7);
  g_assert_cmpuint (wm_survey_get_n_groups (survey), ==, 4);

  /* No scale given: the lowest and highest scores seen, 1 and 5. */
  wm_survey_get_scale (survey, &low, &high);
  g_assert_cmpfloat (low, ==, 1);
  g_assert_cmpfloat (high, ==, 5);

  /* 1, 3 and 5, names in any case and with spaces around them: mean 3,
   * the middle of the scale; standard deviation 2 of 4, 3 of 6. */
  group = get_group (survey, "Anna", "Awareness");
  g_assert_cmpuint (group->n, ==, 3);
  g_assert_cmpfloat_with_epsilon (group->score, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (group->spread, 3, 1e-12);
  g_assert_cmpstr (group->first_date, ==, "2025-01-10");
  g_assert_cmpstr (group->last_date, ==, "2025-03-05");

  /* A date written day first, with dots; one response without a date. */
  group = get_group (survey, "Anna", "Purchase");
  g_assert_cmpuint (group->n, ==, 2);
  g_assert_cmpfloat (group->score, ==, -3);
  g_assert_cmpfloat (group->spread, ==, 0);
  g_assert_cmpstr (group->first_date, ==, "2025-02-14");
  g_assert_cmpstr (group->last_date, ==, "2025-02-14");

  /* "someday" is no date, but the score counts. */
  group = get_group (survey, "Anna", "Use");
  g_assert_cmpuint (group->n, ==, 1);
  g_assert_cmpfloat (group->score, ==, 1.5);
  g_assert_cmpstr (group->first_date, ==, "");

  /* Persona and stage named by id. */
  group = get_group (survey, "Bob", "Awareness");
  g_assert_cmpuint (group->n, ==, 1);
  g_assert_cmpfloat (group->score, ==, 3);
  g_assert_cmpstr (group->last_date, ==, "2024-12-31");
}

static void
test_problems (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmSurvey) survey = read_survey ("basic.csv", document);
  const char * const *problems = wm_survey_get_problems (survey);

  /* Rows are records: the quoted comment over two lines is in row 4. */
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 4);
  g_assert_true (g_str_has_prefix (problems[0], "row 8: "));
  g_assert_nonnull (strstr (problems[0], "Carol"));
  g_assert_true (g_str_has_prefix (problems[1], "row 9: "));
  g_assert_nonnull (strstr (problems[1], "Nowhere"));
  g_assert_true (g_str_has_prefix (problems[2], "row 10: "));
  g_assert_nonnull (strstr (problems[2], "lots"));
  g_assert_true (g_str_has_prefix (problems[3], "row 12: "));
  g_assert_nonnull (strstr (problems[3], "someday"));
}

static void
test_many_problems_kept_few (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-survey-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("persona,stage,score\nAnna,Use,2\nAnna,Use,4\n");
  g_autoptr(WmSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "Nobody %u,Use,1\n", i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  survey = wm_survey_read_file (file, document, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_survey_get_n_responses (survey), ==, 1002);
  g_assert_cmpuint (wm_survey_get_n_used (survey), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) wm_survey_get_problems (survey)), ==, 5);
  g_assert_true (g_str_has_prefix (wm_survey_get_problems (survey)[0], "row 4: "));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_rescale (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-survey-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scale.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char text[] =
    "persona,stage,score\n"
    "Anna,Awareness,1\n"
    "Anna,Purchase,3\n"
    "Anna,Use,5\n"
    "Bob,Awareness,2\n"
    "Bob,Purchase,6\n"
    "Bob,Use,3\n";
  g_autoptr(WmSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  WmSurveyOptions options;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  wm_survey_options_init (&options);
  options.scale_min = 1;
  options.scale_max = 5;
  survey = wm_survey_read_file (file, document, &options, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpfloat (get_group (survey, "Anna", "Awareness")->score, ==, -3);
  g_assert_cmpfloat (get_group (survey, "Anna", "Purchase")->score, ==, 0);
  g_assert_cmpfloat (get_group (survey, "Anna", "Use")->score, ==, 3);
  g_assert_cmpfloat (get_group (survey, "Bob", "Awareness")->score, ==, -1.5);
  /* 6 is outside 1..5: skipped and told. */
  g_assert_null (find_group (survey, "Bob", "Purchase"));
  g_assert_cmpuint (wm_survey_get_n_used (survey), ==, 5);
  g_assert_true (g_str_has_prefix (wm_survey_get_problems (survey)[0], "row 6: "));
  g_assert_nonnull (strstr (wm_survey_get_problems (survey)[0], "1..5"));

  /* 0..10 onto a map of 0..10 keeps the scores. */
  g_clear_object (&survey);
  wm_document_set_scale_min (document, 0);
  wm_document_set_scale_max (document, 10);
  options.scale_min = 0;
  options.scale_max = 10;
  survey = wm_survey_read_file (file, document, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (get_group (survey, "Bob", "Purchase")->score, ==, 6);
  g_assert_cmpfloat (get_group (survey, "Anna", "Use")->score, ==, 5);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_columns_by_name (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmSurvey) survey = NULL;
  g_autoptr(GFile) file = fixture ("custom-columns.csv");
  g_autoptr(GError) error = NULL;
  WmSurveyOptions options;

  /* "Segment" and "Step" are usual names for the persona and the stage;
   * "Stars" is none for the score. */
  survey = wm_survey_read_file (file, document, NULL, NULL, &error);
  g_assert_error (error, WM_SURVEY_ERROR, WM_SURVEY_ERROR_COLUMNS);
  g_assert_true (g_str_has_prefix (error->message, "row 1: "));
  g_assert_nonnull (strstr (error->message, "“score”"));
  g_assert_null (survey);
  g_clear_error (&error);

  wm_survey_options_init (&options);
  options.names[WM_SURVEY_ROLE_SCORE] = "STARS";
  survey = read_with ("custom-columns.csv", document, &options);
  g_assert_cmpuint (get_group (survey, "Anna", "Purchase")->n, ==, 2);
  g_assert_cmpfloat (get_group (survey, "Anna", "Purchase")->spread, >, 0);
  g_clear_object (&survey);

  /* Or by position, as a dialog maps them. */
  wm_survey_options_init (&options);
  options.columns[WM_SURVEY_ROLE_STAGE] = 1;
  options.columns[WM_SURVEY_ROLE_SCORE] = 2;
  options.scale_min = 1;
  options.scale_max = 5;
  survey = read_with ("custom-columns.csv", document, &options);
  g_assert_cmpfloat (get_group (survey, "Anna", "Purchase")->score, ==, 0);
  g_clear_object (&survey);

  /* Without a header, the first row is a response. */
  options.header = FALSE;
  options.columns[WM_SURVEY_ROLE_PERSONA] = 0;
  survey = read_with ("custom-columns.csv", document, &options);
  g_assert_cmpuint (wm_survey_get_n_responses (survey), ==, 3);
  g_assert_cmpuint (wm_survey_get_n_used (survey), ==, 2);
  g_assert_true (g_str_has_prefix (wm_survey_get_problems (survey)[0], "row 1: "));
}

static void
test_delimiters (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmSurvey) semicolon = read_survey ("semicolon.csv", document);
  g_autoptr(WmSurvey) tabs = read_survey ("tabs.tsv", document);
  WmSurveyOptions options;
  g_autoptr(WmSurvey) forced = NULL;
  g_autoptr(GFile) file = fixture ("semicolon.csv");
  g_autoptr(GError) error = NULL;

  /* Semicolons, with a decimal comma: 4.5 and 2 on 2..4.5. */
  g_assert_cmpint (wm_survey_get_delimiter (semicolon), ==, ';');
  g_assert_cmpuint (wm_survey_get_n_used (semicolon), ==, 3);
  g_assert_cmpfloat (get_group (semicolon, "Zoë", "Awareness")->n, ==, 2);
  g_assert_cmpfloat_with_epsilon (get_group (semicolon, "Zoë", "Awareness")->score,
                                  -3 + (3.25 - 2) / 2.5 * 6, 1e-12);

  /* Tabs, with a quoted comma and semicolon that do not split. */
  g_assert_cmpint (wm_survey_get_delimiter (tabs), ==, '\t');
  assert_two_responses (tabs);

  /* A delimiter given is taken: with commas, this file has no columns. */
  wm_survey_options_init (&options);
  options.delimiter = ',';
  forced = wm_survey_read_file (file, document, &options, NULL, &error);
  g_assert_error (error, WM_SURVEY_ERROR, WM_SURVEY_ERROR_COLUMNS);
  g_assert_null (forced);
}

static void
test_quoted_fields (void)
{
  g_autoptr(GFile) file = fixture ("basic.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSurveySample) sample = wm_survey_sample_file (file, 10, NULL, &error);
  char **row;

  g_assert_no_error (error);
  g_assert_cmpint (sample->delimiter, ==, ',');
  g_assert_true (sample->header);
  g_assert_cmpuint (g_strv_length (sample->names), ==, 5);
  g_assert_cmpstr (sample->names[3], ==, "Comment");
  g_assert_cmpint (sample->columns[WM_SURVEY_ROLE_PERSONA], ==, 0);
  g_assert_cmpint (sample->columns[WM_SURVEY_ROLE_STAGE], ==, 1);
  g_assert_cmpint (sample->columns[WM_SURVEY_ROLE_SCORE], ==, 2);
  g_assert_cmpint (sample->columns[WM_SURVEY_ROLE_COMMENT], ==, 3);
  g_assert_cmpint (sample->columns[WM_SURVEY_ROLE_DATE], ==, 4);
  g_assert_cmpuint (sample->rows->len, ==, 10);

  /* A comma, a line break and doubled quotes inside quotes. */
  row = g_ptr_array_index (sample->rows, 0);
  g_assert_cmpstr (row[3], ==, "Hard to find, really");
  row = g_ptr_array_index (sample->rows, 2);
  g_assert_cmpstr (row[3], ==, "Loved the ad.\nTold a friend.");
  row = g_ptr_array_index (sample->rows, 3);
  g_assert_cmpstr (row[3], ==, "Said \"never again\"");
  g_assert_cmpstr (row[4], ==, "14.02.2025");
}

static void
test_sample_no_header (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-survey-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plain.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmSurveySample) sample = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Anna;Use;3\nBob;Use;4\n", -1, NULL));
  sample = wm_survey_sample_file (file, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sample->header);
  g_assert_cmpint (sample->delimiter, ==, ';');
  g_assert_cmpint (sample->columns[WM_SURVEY_ROLE_SCORE], ==, WM_SURVEY_COLUMN_NONE);
  g_assert_cmpstr (sample->names[0], ==, "Anna");
  g_assert_cmpuint (sample->rows->len, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_encodings (void)
{
  static const struct {
    const char *name;
    WmSurveyEncoding encoding;
  } cases[] = {
    { "utf8-bom.csv", WM_SURVEY_ENCODING_UTF8_BOM },
    { "utf16le.csv", WM_SURVEY_ENCODING_UTF16LE },
    { "utf16be.csv", WM_SURVEY_ENCODING_UTF16BE },
    { "latin1.csv", WM_SURVEY_ENCODING_WINDOWS_1252 },
    { "windows-1252.csv", WM_SURVEY_ENCODING_WINDOWS_1252 },
  };
  g_autoptr(WmDocument) document = load_map ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WmSurvey) survey = read_survey (cases[i].name, document);
      g_autoptr(GFile) file = fixture (cases[i].name);
      g_autoptr(WmSurveySample) sample = wm_survey_sample_file (file, 5, NULL, NULL);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (wm_survey_get_encoding (survey), ==, cases[i].encoding);
      assert_two_responses (survey);
      /* The mark is not part of the first column's name. */
      g_assert_cmpstr (sample->names[0], ==, "persona");
    }
}

static void
test_windows_1252_text (void)
{
  g_autoptr(GFile) file = fixture ("windows-1252.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSurveySample) sample = wm_survey_sample_file (file, 5, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sample->encoding, ==, WM_SURVEY_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (((char **) g_ptr_array_index (sample->rows, 0))[3], ==, "“quoted” – fine");
}

/* ------------------------------------------------------------------------ */
/* Refusing                                                                 */

static void
assert_refused (const char *name,
                int         code,
                const char *place)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSurvey) survey = wm_survey_read_file (file, document, NULL, NULL, &error);

  g_test_message ("%s: %s", name, error != NULL ? error->message : "read");
  g_assert_null (survey);
  g_assert_error (error, WM_SURVEY_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, place));
  /* One line, for the command line to print. */
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_refused (void)
{
  assert_refused ("unclosed-quote.csv", WM_SURVEY_ERROR_SYNTAX, "row 3, column 4: ");
  assert_refused ("stray-quote.csv", WM_SURVEY_ERROR_SYNTAX, "row 3, column 2: ");
  assert_refused ("nul.csv", WM_SURVEY_ERROR_ENCODING, "row 3, column 2: ");
  assert_refused ("invalid-utf8-bom.csv", WM_SURVEY_ERROR_ENCODING, "row 3, column 4: ");
  assert_refused ("mixed-encoding.csv", WM_SURVEY_ERROR_ENCODING, "row 3, column 1: ");
  assert_refused ("utf16-odd.csv", WM_SURVEY_ERROR_ENCODING, "row 3");
  assert_refused ("utf16-no-bom.csv", WM_SURVEY_ERROR_ENCODING, "row 1, column 1: ");
  assert_refused ("no-score-column.csv", WM_SURVEY_ERROR_COLUMNS, "row 1: ");
  assert_refused ("same-scores.csv", WM_SURVEY_ERROR_SCALE, "");
}

static void
test_nothing_matches (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GFile) file = fixture ("nothing-matches.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSurvey) survey = wm_survey_read_file (file, document, NULL, NULL, &error);

  g_assert_null (survey);
  g_assert_error (error, WM_SURVEY_ERROR, WM_SURVEY_ERROR_NO_MATCH);
  /* It says why the first response did not count. */
  g_assert_nonnull (strstr (error->message, "row 2: "));
  g_assert_nonnull (strstr (error->message, "Carol"));
}

/* Writes @text (or @repeat times @text) to a temporary file and reads it. */
static GError *
read_generated (const char *head,
                const char *text,
                guint       repeat,
                guint       max_rows)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-survey-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "generated.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) content = g_string_new (head);
  g_autoptr(WmSurvey) survey = NULL;
  WmSurveyOptions options;
  GError *error = NULL;

  for (guint i = 0; i < repeat; i++)
    g_string_append (content, text);
  g_assert_true (g_file_set_contents (path, content->str, content->len, NULL));

  wm_survey_options_init (&options);
  options.max_rows = max_rows;
  survey = wm_survey_read_file (file, document, &options, NULL, &error);
  g_assert_true ((survey == NULL) == (error != NULL));

  g_unlink (path);
  g_rmdir (dir);
  return error;
}

static void
test_huge_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) quoted = NULL;
  g_autoptr(GError) unclosed = NULL;

  /* A million bytes in one field, plain or quoted, or a quote never closed
   * before the end of a large file: the field is refused at the limit. */
  error = read_generated ("persona,stage,score\nAnna,Use,1\nAnna,", "x", 1000000, 0);
  g_assert_error (error, WM_SURVEY_ERROR, WM_SURVEY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "row 3, column 2: "));

  quoted = read_generated ("persona,stage,score\nAnna,Use,\"", "1,2\n", 100000, 0);
  g_assert_error (quoted, WM_SURVEY_ERROR, WM_SURVEY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (quoted->message, "row 2, column 3: "));
  g_assert_nonnull (strstr (quoted->message, "closing quote"));

  unclosed = read_generated ("persona,stage,score\nAnna,Use,\"1\n", "", 0, 0);
  g_assert_error (unclosed, WM_SURVEY_ERROR, WM_SURVEY_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (unclosed->message, "row 2, column 3: "));
}

static void
test_too_many_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wide = NULL;
  g_autoptr(GError) under = read_generated ("persona,stage,score\n", "Anna,Use,1\nAnna,Use,2\n", 500, 1000);

  g_assert_no_error (under);

  error = read_generated ("persona,stage,score\n", "Anna,Use,1\n", 1001, 1000);
  g_assert_error (error, WM_SURVEY_ERROR, WM_SURVEY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "row 1002: "));

  /* A header of more columns than a survey may have. */
  wide = read_generated ("persona,stage,score", ",x", WM_SURVEY_MAX_COLUMNS, 0);
  g_assert_error (wide, WM_SURVEY_ERROR, WM_SURVEY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (wide->message, "row 1, column 1001: "));
}

static void
test_missing_file (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GFile) file = fixture ("none-such.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSurvey) survey = wm_survey_read_file (file, document, NULL, NULL, &error);

  g_assert_null (survey);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_cancel (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GFile) file = fixture ("basic.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSurvey) survey = NULL;

  g_cancellable_cancel (cancellable);
  survey = wm_survey_read_file (file, document, NULL, cancellable, &error);
  g_assert_null (survey);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ------------------------------------------------------------------------ */
/* Applying                                                                 */

static void
test_apply (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GBytes) before = wm_format_save_bytes (document);
  g_autoptr(WmSurvey) survey = read_survey ("basic.csv", document);
  GListModel *points = wm_document_get_emotion_points (document);
  WmEmotionPoint *point;
  WmEvidence *evidence = NULL;

  wm_survey_apply (survey, document);
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, 4);

  /* The point set by hand is now computed, and keeps its own evidence. */
  point = point_of (document, "p-anna", "s-purchase");
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -3);
  g_assert_true (wm_emotion_point_get_computed (point));
  g_assert_cmpint (wm_emotion_point_get_sample_size (point), ==, 2);
  g_assert_cmpfloat (wm_emotion_point_get_spread (point), ==, 0);
  g_assert_cmpstr (wm_emotion_point_get_note (point), ==, "Set by hand");
  g_assert_cmpuint (g_list_model_get_n_items (wm_element_get_evidence (WM_ELEMENT (point))), ==, 2);
  g_assert_cmpuint (count_survey_evidence (point, "basic.csv", &evidence), ==, 1);
  g_assert_true (wm_evidence_get_solicited (evidence));
  g_assert_cmpint (wm_evidence_get_sample_size (evidence), ==, 2);
  g_assert_cmpstr (wm_evidence_get_date (evidence), ==, "2025-02-14");
  g_assert_cmpstr (wm_evidence_get_note (evidence), ==, "2 responses to the survey basic.csv, on 2025-02-14");

  /* New points, with the date range in the note. */
  point = point_of (document, "p-anna", "s-awareness");
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 0);
  g_assert_cmpfloat (wm_emotion_point_get_spread (point), ==, 3);
  g_assert_cmpint (wm_emotion_point_get_sample_size (point), ==, 3);
  g_assert_cmpuint (count_survey_evidence (point, "basic.csv", &evidence), ==, 1);
  g_assert_cmpstr (wm_evidence_get_date (evidence), ==, "2025-03-05");
  g_assert_cmpstr (wm_evidence_get_note (evidence), ==,
                   "3 responses to the survey basic.csv, from 2025-01-10 to 2025-03-05");

  point = point_of (document, "p-anna", "s-use");
  g_assert_cmpuint (count_survey_evidence (point, "basic.csv", &evidence), ==, 1);
  g_assert_cmpstr (wm_evidence_get_date (evidence), ==, "");
  g_assert_cmpstr (wm_evidence_get_note (evidence), ==, "1 response to the survey basic.csv");

  /* One step, undone to the very bytes of before. */
  assert_one_step (document, before);
  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));
}

static void
test_apply_saves_and_loads (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmSurvey) survey = read_survey ("basic.csv", document);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(WmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  WmEmotionPoint *point;

  wm_survey_apply (survey, document);
  saved = wm_format_save_bytes (document);
  loaded = wm_format_load_bytes (saved, &error);
  g_assert_no_error (error);

  point = point_of (loaded, "p-anna", "s-awareness");
  g_assert_true (wm_emotion_point_get_computed (point));
  g_assert_cmpint (wm_emotion_point_get_sample_size (point), ==, 3);
  g_assert_cmpfloat (wm_emotion_point_get_spread (point), ==, 3);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"computed\" : true"));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"spread\" : 3"));

  saved_again = wm_format_save_bytes (loaded);
  assert_bytes_equal (saved, saved_again);
}

static void
test_reimport_replaces (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmSurvey) first = read_survey ("basic.csv", document);
  g_autoptr(WmSurvey) second = NULL;
  g_autoptr(WmSurvey) other = NULL;
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;
  WmEmotionPoint *point;

  wm_survey_apply (first, document);
  once = wm_format_save_bytes (document);

  /* The same survey again changes nothing: the evidence is not repeated. */
  second = read_survey ("basic.csv", document);
  wm_survey_apply (second, document);
  twice = wm_format_save_bytes (document);
  assert_bytes_equal (once, twice);

  point = point_of (document, "p-anna", "s-purchase");
  g_assert_cmpuint (count_survey_evidence (point, "basic.csv", NULL), ==, 1);

  /* Another survey adds its own evidence beside. */
  other = read_survey ("semicolon.csv", document);
  wm_survey_apply (other, document);
  g_assert_cmpuint (count_survey_evidence (point, "basic.csv", NULL), ==, 1);
  g_assert_cmpuint (count_survey_evidence (point, "semicolon.csv", NULL), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (wm_element_get_evidence (WM_ELEMENT (point))), ==, 3);
  g_assert_cmpint (wm_emotion_point_get_sample_size (point), ==, 1);
}

static void
test_apply_after_removal (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmSurvey) survey = read_survey ("basic.csv", document);
  WmPersona *bob = wm_document_find (wm_document_get_personas (document), "p-bob", NULL);

  /* A persona removed between the preview and the import is left out. */
  wm_document_remove_persona (document, bob);
  wm_survey_apply (survey, document);
  g_assert_null (wm_document_find_emotion_point (document, "p-bob", "s-awareness"));
  g_assert_nonnull (wm_document_find_emotion_point (document, "p-anna", "s-awareness"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey/read/basic", test_basic);
  g_test_add_func ("/survey/read/problems", test_problems);
  g_test_add_func ("/survey/read/many-problems", test_many_problems_kept_few);
  g_test_add_func ("/survey/read/rescale", test_rescale);
  g_test_add_func ("/survey/read/columns", test_columns_by_name);
  g_test_add_func ("/survey/read/delimiters", test_delimiters);
  g_test_add_func ("/survey/read/quoted", test_quoted_fields);
  g_test_add_func ("/survey/read/encodings", test_encodings);
  g_test_add_func ("/survey/read/windows-1252", test_windows_1252_text);
  g_test_add_func ("/survey/sample/no-header", test_sample_no_header);
  g_test_add_func ("/survey/refuse/broken", test_refused);
  g_test_add_func ("/survey/refuse/nothing-matches", test_nothing_matches);
  g_test_add_func ("/survey/refuse/huge-field", test_huge_field);
  g_test_add_func ("/survey/refuse/too-many-rows", test_too_many_rows);
  g_test_add_func ("/survey/refuse/missing-file", test_missing_file);
  g_test_add_func ("/survey/refuse/cancelled", test_cancel);
  g_test_add_func ("/survey/apply/points-and-evidence", test_apply);
  g_test_add_func ("/survey/apply/saves", test_apply_saves_and_loads);
  g_test_add_func ("/survey/apply/reimport", test_reimport_replaces);
  g_test_add_func ("/survey/apply/removed-persona", test_apply_after_removal);

  return g_test_run ();
}
