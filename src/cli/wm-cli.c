/* wm-cli.c: what waymark does from the command line, with no display.
 *
 *   waymark --export OUT.png|OUT.svg|OUT.pdf [--scale N] [--theme light|dark] MAP.waymark
 *   waymark --export OUT.csv|OUT.mmd MAP.waymark
 *   waymark --validate MAP.waymark…
 *   waymark --apply-survey SURVEY.csv [--survey-scale A..B] [--column ROLE=NAME…] MAP.waymark
 *   waymark --review MAP.waymark
 *   waymark --import-grid GRID.csv MAP.waymark
 *   waymark --import-mermaid JOURNEY.mmd MAP.waymark
 *
 * Every failure is one line on stderr, "waymark: FILE: problem", so that a
 * script can show it as it is.
 */
#include "config.h"

#include "wm-cli.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-export.h"
#include "wm-format.h"
#include "wm-grid-csv.h"
#include "wm-labels.h"
#include "wm-mermaid.h"
#include "wm-review.h"
#include "wm-save.h"
#include "wm-survey.h"
#include "wm-template.h"

typedef struct
{
  char *export_path;
  char *scale;
  char *theme;
  gboolean validate;
  gboolean version;
  char *survey_path;
  char *survey_scale;
  GStrv columns;
  gboolean review;
  char *grid_path;
  char *mermaid_path;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->export_path, g_free);
  g_clear_pointer (&options->scale, g_free);
  g_clear_pointer (&options->theme, g_free);
  g_clear_pointer (&options->survey_path, g_free);
  g_clear_pointer (&options->survey_scale, g_free);
  g_clear_pointer (&options->columns, g_strfreev);
  g_clear_pointer (&options->grid_path, g_free);
  g_clear_pointer (&options->mermaid_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static GOptionContext *
create_context (Options *options)
{
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &options->export_path,
      N_("Export the map to FILE: a picture (.png, .svg or .pdf), its grid for spreadsheets (.csv) "
         "or a Mermaid journey (.mmd)"), N_("FILE") },
    { "scale", 's', 0, G_OPTION_ARG_STRING, &options->scale,
      N_("Size of the exported picture relative to the map, at most 8 (default 1)"), N_("N") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &options->theme,
      N_("Colours of the exported picture: light (default) or dark"), N_("THEME") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options->validate,
      N_("Check the maps and print every problem"), NULL },
    { "apply-survey", 0, 0, G_OPTION_ARG_FILENAME, &options->survey_path,
      N_("Set the map’s emotion points from the survey responses in FILE, a CSV file, and save the map"), N_("FILE") },
    { "survey-scale", 0, 0, G_OPTION_ARG_STRING, &options->survey_scale,
      N_("The survey’s scale, e.g. 1..5 (default: the lowest and highest scores in it)"), N_("MIN..MAX") },
    { "column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->columns,
      N_("The survey’s column of ROLE (persona, stage, score, comment or date): its name in the header, or its number"),
      N_("ROLE=NAME") },
    { "review", 0, 0, G_OPTION_ARG_NONE, &options->review,
      N_("List what weakens the map: missing evidence, old evidence, low points without an opportunity…"), NULL },
    { "import-grid", 0, 0, G_OPTION_ARG_FILENAME, &options->grid_path,
      N_("Make the map’s stages, lanes and cards those of the grid in FILE, a CSV file, and save the map "
         "(a new map if there is none)"), N_("FILE") },
    { "import-mermaid", 0, 0, G_OPTION_ARG_FILENAME, &options->mermaid_path,
      N_("Add the Mermaid journey in FILE to the map: sections as stages, tasks as actions, actors as personas "
         "with their scores; and save the map (a new map if there is none)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("[MAP.waymark…]"));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Waymark designs customer journey maps."));
  g_option_context_set_description (context,
    _("Examples:\n"
      "  waymark --export journey.png --scale 2 journey.waymark\n"
      "  waymark --export journey.pdf --theme dark journey.waymark\n"
      "  waymark --validate journey.waymark\n"
      "  waymark --apply-survey responses.csv --survey-scale 1..5 journey.waymark\n"
      "  waymark --review journey.waymark\n"
      "  waymark --export grid.csv journey.waymark\n"
      "  waymark --import-grid grid.csv journey.waymark\n"
      "  waymark --import-mermaid journey.mmd journey.waymark\n"
      "\n"
      "Exit status: 0 on success; 1 when a map cannot be read or exported,\n"
      "or is not valid, or a survey, a grid or a journey cannot be applied;\n"
      "2 when the command line is wrong. --review exits 1 when it finds an\n"
      "error, and 2 when the map cannot be read.\n"));

  return context;
}

static int usage_error (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("waymark: %s\n", message);

  return WM_CLI_EXIT_USAGE;
}

/* Reports what went wrong with the file the user named as @path. */
static int
file_error (const char   *path,
            const GError *error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_printerr ("waymark: %s: %s\n", name, error->message);

  return WM_CLI_EXIT_FAILED;
}

static gboolean
parse_scale (const char  *text,
             double      *scale,
             GError     **error)
{
  char *end;

  if (text == NULL)
    {
      *scale = 1.0;
      return TRUE;
    }

  *scale = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--scale: “%s” is not a number"), text);
      return FALSE;
    }

  return wm_export_check_scale (*scale, error);
}

/* What --export writes besides pictures, told by the file's extension. */
typedef enum {
  TEXT_NONE,
  TEXT_GRID,      /* .csv */
  TEXT_MERMAID,   /* .mmd or .mermaid */
} TextFormat;

static TextFormat
text_format_from_path (const char *path)
{
  static const struct {
    const char *extension;
    TextFormat format;
  } formats[] = {
    { ".csv", TEXT_GRID },
    { ".mmd", TEXT_MERMAID },
    { ".mermaid", TEXT_MERMAID },
  };
  gsize length = strlen (path);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gsize extension_length = strlen (formats[i].extension);

      if (length > extension_length &&
          g_ascii_strcasecmp (path + length - extension_length, formats[i].extension) == 0)
        return formats[i].format;
    }

  return TEXT_NONE;
}

/* Writes @bytes to @file so that a file there is replaced only by a whole
 * new one (GIO writes a temporary file and renames it on closing), and a
 * failed write leaves nothing of itself, as the picture export does. */
static gboolean
write_atomically (GFile   *file,
                  GBytes  *bytes,
                  GError **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  gboolean existed = g_file_query_exists (file, NULL);
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close throws the temporary file away; a new file was
       * written in place, and goes too. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static int
run_export (const Options  *options,
            int             n_maps,
            char          **maps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autofree char *output_name = NULL;
  WmThemeVariant theme = WM_THEME_LIGHT;
  WmExportFormat format = WM_EXPORT_PNG;
  TextFormat text_format = text_format_from_path (options->export_path);
  double scale = 1.0;

  if (n_maps != 1)
    return usage_error (_("--export takes one map, not %d"), n_maps);
  if (text_format == TEXT_NONE && !wm_export_format_from_path (options->export_path, &format))
    {
      g_autofree char *name = g_filename_display_name (options->export_path);

      return usage_error (_("%s: the name of the exported file must end in .png, .svg, .pdf, .csv or .mmd"), name);
    }
  if (text_format != TEXT_NONE && (options->scale != NULL || options->theme != NULL))
    return usage_error (_("--scale and --theme only go with a picture: .png, .svg or .pdf"));
  if (options->theme != NULL && !wm_theme_variant_from_name (options->theme, &theme))
    return usage_error (_("--theme: “%s” is not a theme; use light or dark"), options->theme);
  if (!parse_scale (options->scale, &scale, &error))
    return usage_error ("%s", error->message);

  input = g_file_new_for_commandline_arg (maps[0]);
  document = wm_format_load_file (input, NULL, &error);
  if (document == NULL)
    return file_error (maps[0], error);

  output = g_file_new_for_commandline_arg (options->export_path);
  if (text_format != TEXT_NONE)
    {
      text = text_format == TEXT_GRID ? wm_grid_csv_export (document, &error) : wm_mermaid_export (document);
      if (text == NULL || !write_atomically (output, text, &error))
        return file_error (options->export_path, error);
    }
  else if (!wm_export_file (document, output, format, scale, theme, NULL, &error))
    return file_error (options->export_path, error);

  output_name = g_file_get_parse_name (output);
  g_print ("%s\n", output_name);

  return WM_CLI_EXIT_OK;
}

/* Prints every problem of the map at @path, or that it is valid. */
static gboolean
validate (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *name = g_filename_display_name (path);

  /* Loading reads the file within the format's limits, and stops at the
   * first problem; only a file it read and rejected is read again, for the
   * checker to list every problem. */
  document = wm_format_load_file (file, NULL, &error);
  if (document != NULL)
    {
      g_print (_("%s: valid\n"), name);
      return TRUE;
    }
  if (error->domain != WM_FORMAT_ERROR)
    {
      file_error (path, error);
      return FALSE;
    }

  if (!g_error_matches (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_TOO_LARGE))
    bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  if (bytes != NULL)
    problems = wm_format_check_bytes (bytes);

  if (problems == NULL)
    g_print ("%s: %s\n", name, error->message);
  else
    for (guint i = 0; problems[i] != NULL; i++)
      g_print ("%s: %s\n", name, problems[i]);

  return FALSE;
}

static int
run_validate (int    n_maps,
              char **maps)
{
  int status = WM_CLI_EXIT_OK;

  if (n_maps == 0)
    return usage_error (_("--validate needs at least one map"));

  for (int i = 0; i < n_maps; i++)
    if (!validate (maps[i]))
      status = WM_CLI_EXIT_FAILED;

  return status;
}

/* The map changed now; a review tells from this when it is due again. */
static void
mark_modified (WmDocument *document)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  wm_document_set_modified (document, stamp);
}

/* ------------------------------------------------------------------------ */
/* Surveys                                                                  */

/* The roles as --column names them; never translated. */
static const char * const role_keywords[WM_SURVEY_N_ROLES] = {
  [WM_SURVEY_ROLE_PERSONA] = "persona",
  [WM_SURVEY_ROLE_STAGE] = "stage",
  [WM_SURVEY_ROLE_SCORE] = "score",
  [WM_SURVEY_ROLE_COMMENT] = "comment",
  [WM_SURVEY_ROLE_DATE] = "date",
};

static gboolean
parse_number (const char *text,
              gsize       len,
              double     *value)
{
  g_autofree char *number = g_strndup (text, len);
  char *end;

  *value = g_ascii_strtod (number, &end);
  return end != number && *end == '\0' && isfinite (*value);
}

/* "1..5", "0..10", "-3..3". */
static gboolean
parse_survey_scale (const char       *text,
                    WmSurveyOptions  *options,
                    GError          **error)
{
  const char *dots = text != NULL ? strstr (text, "..") : NULL;

  if (text == NULL)
    return TRUE;

  if (dots == NULL ||
      !parse_number (text, dots - text, &options->scale_min) ||
      !parse_number (dots + 2, strlen (dots + 2), &options->scale_max) ||
      options->scale_min >= options->scale_max)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: the value given to --survey-scale */
                   _("--survey-scale: “%s” is not a scale like 1..5"), text);
      return FALSE;
    }

  return TRUE;
}

/* "score=Rating" names a column by its header, "score=3" by its number. */
static gboolean
parse_columns (char            **columns,
               WmSurveyOptions  *options,
               GError          **error)
{
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      const char *equals = strchr (columns[i], '=');
      const char *name = equals != NULL ? equals + 1 : NULL;
      int role = -1;

      for (int r = 0; equals != NULL && r < WM_SURVEY_N_ROLES; r++)
        if (strlen (role_keywords[r]) == (gsize) (equals - columns[i]) &&
            g_ascii_strncasecmp (columns[i], role_keywords[r], equals - columns[i]) == 0)
          role = r;

      if (role < 0 || *name == '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* TRANSLATORS: do not translate ROLE=NAME nor the roles, which are typed as they are */
                       _("--column: “%s” is not ROLE=NAME, ROLE being persona, stage, score, comment or date"),
                       columns[i]);
          return FALSE;
        }

      if (strspn (name, "0123456789") == strlen (name))
        {
          guint64 number = g_ascii_strtoull (name, NULL, 10);

          if (number < 1 || number > WM_SURVEY_MAX_COLUMNS)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           /* TRANSLATORS: the most columns a survey file may have */
                           _("--column: columns are numbered from 1 to %d"), WM_SURVEY_MAX_COLUMNS);
              return FALSE;
            }
          options->columns[role] = (int) number - 1;
        }
      else
        options->names[role] = name;
    }

  return TRUE;
}

static const char *
or_untitled (const char *name)
{
  return *name != '\0' ? name : _("untitled");
}

static int
run_apply_survey (const Options  *options,
                  int             n_maps,
                  char          **maps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) map_file = NULL;
  g_autoptr(GFile) survey_file = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmSurvey) survey = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *survey_name = g_filename_display_name (options->survey_path);
  const char * const *problems;
  WmSurveyOptions survey_options;
  guint n_responses;

  if (n_maps != 1)
    /* TRANSLATORS: how many maps the command line named */
    return usage_error (_("--apply-survey takes one map, not %d"), n_maps);
  wm_survey_options_init (&survey_options);
  if (!parse_survey_scale (options->survey_scale, &survey_options, &error) ||
      !parse_columns (options->columns, &survey_options, &error))
    return usage_error ("%s", error->message);

  map_file = g_file_new_for_commandline_arg (maps[0]);
  document = wm_format_load_file (map_file, NULL, &error);
  if (document == NULL)
    return file_error (maps[0], error);

  survey_file = g_file_new_for_commandline_arg (options->survey_path);
  survey = wm_survey_read_file (survey_file, document, &survey_options, NULL, &error);
  if (survey == NULL)
    return file_error (options->survey_path, error);

  /* The scores before, to tell what changed. */
  for (guint i = 0; i < wm_survey_get_n_groups (survey); i++)
    {
      const WmSurveyGroup *group = wm_survey_get_group (survey, i);
      WmEmotionPoint *point = wm_document_find_emotion_point (document,
                                                              wm_element_get_id (WM_ELEMENT (group->persona)),
                                                              wm_element_get_id (WM_ELEMENT (group->stage)));

      g_ptr_array_add (before, point != NULL ? wm_labels_score (wm_emotion_point_get_score (point))
                                             : g_strdup (C_("score", "none")));
    }

  wm_survey_apply (survey, document);
  mark_modified (document);
  if (!wm_format_save_file (document, map_file, NULL, &error))
    return file_error (maps[0], error);

  for (guint i = 0; i < wm_survey_get_n_groups (survey); i++)
    {
      const WmSurveyGroup *group = wm_survey_get_group (survey, i);
      g_autofree char *score = wm_labels_score (group->score);
      g_autofree char *spread = wm_labels_number (group->spread);

      /* TRANSLATORS: what a survey changed: persona, stage, the score before and after,
       * the number of responses and their spread, e.g. "Anna, Purchase: +2 → −3 (n = 2, spread 0)" */
      g_print (_("%s, %s: %s → %s (n = %u, spread %s)\n"),
               or_untitled (wm_persona_get_name (group->persona)), or_untitled (wm_stage_get_name (group->stage)),
               (char *) g_ptr_array_index (before, i), score, group->n, spread);
    }

  n_responses = wm_survey_get_n_responses (survey);
  /* TRANSLATORS: e.g. "responses.csv: 7 of 10 responses used" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u of %u response used\n", "%s: %u of %u responses used\n", n_responses),
           survey_name, wm_survey_get_n_used (survey), n_responses);

  /* The rows skipped, as warnings. */
  problems = wm_survey_get_problems (survey);
  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr ("waymark: %s: %s\n", survey_name, problems[i]);

  return WM_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* Review                                                                   */

static int
run_review (int    n_maps,
            char **maps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  guint n[3] = { 0 };

  if (n_maps != 1)
    /* TRANSLATORS: how many maps the command line named */
    return usage_error (_("--review takes one map, not %d"), n_maps);

  file = g_file_new_for_commandline_arg (maps[0]);
  document = wm_format_load_file (file, NULL, &error);
  if (document == NULL)
    {
      file_error (maps[0], error);
      return WM_CLI_EXIT_UNREADABLE;
    }

  findings = wm_review_map (document, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      WmReviewFinding *finding = g_ptr_array_index (findings, i);

      n[finding->level]++;
      g_print ("%s: %s\n", wm_review_level_name (finding->level), finding->message);
    }

  name = g_filename_display_name (maps[0]);
  if (findings->len == 0)
    {
      /* TRANSLATORS: %s is the file name of a map */
      g_print (_("%s: nothing found to review\n"), name);
      return WM_CLI_EXIT_OK;
    }

  /* TRANSLATORS: the summary of a review: "1 error, 4 warnings, 12 notes" */
  g_ptr_array_add (counts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n[WM_REVIEW_ERROR]),
                                            n[WM_REVIEW_ERROR]));
  g_ptr_array_add (counts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n[WM_REVIEW_WARNING]),
                                            n[WM_REVIEW_WARNING]));
  /* TRANSLATORS: findings of the information level */
  g_ptr_array_add (counts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n[WM_REVIEW_INFO]),
                                            n[WM_REVIEW_INFO]));
  g_ptr_array_add (counts, NULL);
  summary = g_strjoinv (", ", (char **) counts->pdata);
  g_print ("%s: %s\n", name, summary);

  return n[WM_REVIEW_ERROR] > 0 ? WM_CLI_EXIT_FAILED : WM_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* Grids and journeys                                                       */

typedef enum {
  IMPORT_GRID,
  IMPORT_MERMAID,
} ImportKind;

/* Saves @document over @file, keeping the old version as a backup. */
static gboolean
save_map (WmDocument  *document,
          GFile       *file,
          GError     **error)
{
  mark_modified (document);
  return wm_save_file (document, file, NULL, NULL, NULL, error);
}

/* --import-grid and --import-mermaid: reads @path, applies it to the map
 * (or a new one), saves the map if anything changed, and prints what did. */
static int
run_import (ImportKind   kind,
            const char  *path,
            int          n_maps,
            char       **maps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) map_file = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmGridCsv) grid = NULL;
  g_autoptr(WmMermaid) journey = NULL;
  g_auto(GStrv) changes = NULL;
  g_autofree char *map_name = NULL;
  gboolean created;
  gboolean applied;

  if (n_maps != 1)
    /* TRANSLATORS: an option of the command line, and how many maps the command line named */
    return usage_error (_("%s takes one map, not %d"), kind == IMPORT_GRID ? "--import-grid" : "--import-mermaid", n_maps);

  /* A map that is not there yet is made. */
  map_file = g_file_new_for_commandline_arg (maps[0]);
  created = !g_file_query_exists (map_file, NULL);
  if (!created && (document = wm_format_load_file (map_file, NULL, &error)) == NULL)
    return file_error (maps[0], error);

  input = g_file_new_for_commandline_arg (path);
  if (kind == IMPORT_GRID)
    {
      grid = wm_grid_csv_read_file (input, NULL, &error);
      if (grid != NULL && created)
        document = wm_template_create (WM_TEMPLATE_EMPTY);
      applied = grid != NULL && wm_grid_csv_apply (grid, document, &changes, &error);
    }
  else
    {
      journey = wm_mermaid_read_file (input, NULL, &error);
      if (journey != NULL && created)
        applied = (document = wm_mermaid_create_map (journey, &changes, &error)) != NULL;
      else
        applied = journey != NULL && wm_mermaid_apply (journey, document, &changes, &error);
    }
  if (!applied)
    return file_error (path, error);

  map_name = g_filename_display_name (maps[0]);
  if (!created && changes[0] == NULL)
    {
      /* TRANSLATORS: %s is the file name of a map, which an import left as it was */
      g_print (_("%s: nothing to change\n"), map_name);
      return WM_CLI_EXIT_OK;
    }
  if (!save_map (document, map_file, &error))
    return file_error (maps[0], error);

  if (created)
    /* TRANSLATORS: %s is the file name of a map an import made */
    g_print (_("%s: new map\n"), map_name);
  for (guint i = 0; changes[i] != NULL; i++)
    g_print ("%s\n", changes[i]);

  return WM_CLI_EXIT_OK;
}

/* GOptionContext leaves the "--" that ends the options among the maps. */
static void
drop_separator (int   *argc,
                char **argv)
{
  for (int i = 1; i < *argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        memmove (&argv[i], &argv[i + 1], (size_t) (*argc - i) * sizeof (char *));
        (*argc)--;
        return;
      }
}

static int
print_version (void)
{
  g_print ("waymark %s\n", PACKAGE_VERSION);

  return WM_CLI_EXIT_OK;
}

/**
 * wm_cli_handle:
 * @argc: the number of arguments
 * @argv: the arguments; the options are taken out of them
 * @status: (out): the exit status, when the command line was handled
 *
 * Runs the command-line mode that @argv asks for: --export, --validate,
 * --apply-survey, --review, --import-grid, --import-mermaid, --version or
 * --help, or reports a usage error.
 *
 * Returns: %TRUE when the command line was handled and waymark should exit
 *   with @status; %FALSE when no command-line mode was asked for, and the
 *   editor should open the maps left in @argv
 */
gboolean
wm_cli_handle (int    *argc,
               char ***argv,
               int    *status)
{
  g_auto(Options) options = { NULL };
  g_autoptr(GOptionContext) context = create_context (&options);
  g_autoptr(GError) error = NULL;
  int n_modes;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error ("%s", error->message);
      return TRUE;
    }
  drop_separator (argc, *argv);

  n_modes = (options.export_path != NULL) + !!options.validate + (options.survey_path != NULL) + !!options.review +
            (options.grid_path != NULL) + (options.mermaid_path != NULL);
  if (options.version)
    *status = print_version ();
  else if (n_modes > 1)
    *status = usage_error (_("only one of --export, --validate, --apply-survey, --review, --import-grid and "
                             "--import-mermaid can be used at a time"));
  else if ((options.scale != NULL || options.theme != NULL) && options.export_path == NULL)
    *status = usage_error (_("--scale and --theme only go with --export"));
  else if ((options.survey_scale != NULL || options.columns != NULL) && options.survey_path == NULL)
    *status = usage_error (_("--survey-scale and --column only go with --apply-survey"));
  else if (options.export_path != NULL)
    *status = run_export (&options, *argc - 1, *argv + 1);
  else if (options.validate)
    *status = run_validate (*argc - 1, *argv + 1);
  else if (options.survey_path != NULL)
    *status = run_apply_survey (&options, *argc - 1, *argv + 1);
  else if (options.review)
    *status = run_review (*argc - 1, *argv + 1);
  else if (options.grid_path != NULL)
    *status = run_import (IMPORT_GRID, options.grid_path, *argc - 1, *argv + 1);
  else if (options.mermaid_path != NULL)
    *status = run_import (IMPORT_MERMAID, options.mermaid_path, *argc - 1, *argv + 1);
  else
    return FALSE;

  return TRUE;
}
