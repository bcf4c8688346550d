/* wm-survey.c: survey responses read from a CSV file, turned into the
 * emotion points of a map, each backed by its evidence.
 *
 * The file is streamed, never held: the CSV reader (wm-csv.c, libcsv)
 * hands over one row at a time, and each response is added to the running
 * mean and variance (Welford's) of its persona × stage as soon as its row
 * ends, so memory is bounded by the map, not by the file.
 *
 * Rows are counted as CSV records, the header being row 1.
 */
#include "wm-survey.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-csv.h"
#include "wm-evidence.h"

G_DEFINE_QUARK (wm-survey-error-quark, wm_survey_error)

#define MAX_PROBLEMS 5        /* rows skipped, kept to tell the user */
#define MAX_SHOWN 40          /* characters of a value quoted in a message */

/* The English column names a header may use for each role. */
static const char * const default_names[WM_SURVEY_N_ROLES][6] = {
  [WM_SURVEY_ROLE_PERSONA] = { "persona", "segment", "customer segment", "persona name", NULL },
  [WM_SURVEY_ROLE_STAGE] = { "stage", "journey stage", "phase", "step", NULL },
  [WM_SURVEY_ROLE_SCORE] = { "score", "rating", "emotion", "satisfaction", "csat", NULL },
  [WM_SURVEY_ROLE_COMMENT] = { "comment", "comments", "feedback", "verbatim", "remarks", NULL },
  [WM_SURVEY_ROLE_DATE] = { "date", "response date", "submitted", "submitted at", "timestamp", NULL },
};

/* What each role is called in messages. */
static const char * const role_labels[WM_SURVEY_N_ROLES] = {
  N_("persona"), N_("stage"), N_("score"), N_("comment"), N_("date"),
};

/* ------------------------------------------------------------------------ */
/* Reading the records of a CSV file                                        */

/* The reader's errors and encodings are the survey's. */
G_STATIC_ASSERT ((int) WM_SURVEY_ERROR_ENCODING == (int) WM_CSV_ERROR_ENCODING);
G_STATIC_ASSERT ((int) WM_SURVEY_ERROR_SYNTAX == (int) WM_CSV_ERROR_SYNTAX);
G_STATIC_ASSERT ((int) WM_SURVEY_ERROR_TOO_LARGE == (int) WM_CSV_ERROR_TOO_LARGE);
G_STATIC_ASSERT ((int) WM_SURVEY_ENCODING_UTF8 == (int) WM_CSV_ENCODING_UTF8);
G_STATIC_ASSERT ((int) WM_SURVEY_ENCODING_UTF8_BOM == (int) WM_CSV_ENCODING_UTF8_BOM);
G_STATIC_ASSERT ((int) WM_SURVEY_ENCODING_UTF16LE == (int) WM_CSV_ENCODING_UTF16LE);
G_STATIC_ASSERT ((int) WM_SURVEY_ENCODING_UTF16BE == (int) WM_CSV_ENCODING_UTF16BE);
G_STATIC_ASSERT ((int) WM_SURVEY_ENCODING_WINDOWS_1252 == (int) WM_CSV_ENCODING_WINDOWS_1252);
G_STATIC_ASSERT (WM_SURVEY_MAX_COLUMNS == WM_CSV_MAX_COLUMNS);

static void
reader_init (WmCsvReader  *r,
             WmCsvRowFunc  row_func,
             gpointer      user_data)
{
  wm_csv_reader_init (r, WM_SURVEY_ERROR, row_func, user_data);
  r->max_field = WM_SURVEY_MAX_FIELD;
}

/* The field @column of the record just read, stripped, or "" when it has
 * none or it was not kept. */
static const char *
reader_field (WmCsvReader *r,
              int          column)
{
  const char *field = wm_csv_reader_field (r, column);

  /* The reader's copy of the field, stripped where it is: "" may be a literal. */
  return *field != '\0' ? g_strstrip ((char *) field) : field;
}

const char *
wm_survey_encoding_name (WmSurveyEncoding encoding)
{
  return wm_csv_encoding_name ((WmCsvEncoding) encoding);
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                  */

void
wm_survey_options_init (WmSurveyOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  for (guint i = 0; i < WM_SURVEY_N_ROLES; i++)
    options->columns[i] = WM_SURVEY_COLUMN_AUTO;
  options->header = TRUE;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_str_equal (folded_a, folded_b);
}

/* The first column of @r's record (a header) that @role's names name. */
static int
find_column (WmCsvReader *r,
             WmSurveyRole role,
             const char  *name)
{
  for (guint column = 0; column < r->n_fields; column++)
    {
      const char *field = reader_field (r, column);

      if (name != NULL && same_name (field, name))
        return column;
      for (guint i = 0; name == NULL && default_names[role][i] != NULL; i++)
        if (same_name (field, default_names[role][i]))
          return column;
    }

  return WM_SURVEY_COLUMN_NONE;
}

/* ------------------------------------------------------------------------ */
/* Sampling the start of a file                                             */

typedef struct
{
  WmSurveySample *sample;
  guint max_rows;
} Sampling;

static GStrv
record_strv (WmCsvReader *r)
{
  GStrv fields = g_new0 (char *, r->n_fields + 1);

  for (guint i = 0; i < r->n_fields; i++)
    fields[i] = g_strdup (reader_field (r, i));

  return fields;
}

static gboolean
sample_row (WmCsvReader *r,
            gpointer     user_data)
{
  Sampling *s = user_data;

  if (r->row == 1)
    {
      s->sample->header = FALSE;
      for (guint role = 0; role < WM_SURVEY_N_ROLES; role++)
        {
          s->sample->columns[role] = find_column (r, role, NULL);
          s->sample->header |= s->sample->columns[role] >= 0;
        }
      s->sample->names = record_strv (r);
      return s->max_rows > 0;
    }

  g_ptr_array_add (s->sample->rows, record_strv (r));
  return s->sample->rows->len < s->max_rows;
}

/**
 * wm_survey_sample_file:
 * @max_rows: how many rows after the first to keep
 *
 * Reads the start of a survey: its encoding and delimiter, its first row
 * and the columns that row names, and the rows after it, for a dialog
 * that shows them and lets the user map the columns.
 *
 * Returns: (transfer full): the sample, or %NULL with @error set
 */
WmSurveySample *
wm_survey_sample_file (GFile         *file,
                       guint          max_rows,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(WmSurveySample) sample = g_new0 (WmSurveySample, 1);
  Sampling s = { sample, max_rows };
  WmCsvReader r;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  sample->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint role = 0; role < WM_SURVEY_N_ROLES; role++)
    sample->columns[role] = WM_SURVEY_COLUMN_NONE;

  reader_init (&r, sample_row, &s);
  ok = wm_csv_reader_read_file (&r, file, &sample->delimiter, cancellable, error);
  sample->encoding = (WmSurveyEncoding) r.encoding;
  wm_csv_reader_clear (&r);
  if (!ok)
    return NULL;

  if (sample->names == NULL)
    sample->names = g_new0 (char *, 1);

  return g_steal_pointer (&sample);
}

void
wm_survey_sample_free (WmSurveySample *sample)
{
  if (sample == NULL)
    return;

  g_strfreev (sample->names);
  g_clear_pointer (&sample->rows, g_ptr_array_unref);
  g_free (sample);
}

/* ------------------------------------------------------------------------ */
/* The survey                                                               */

/* Running statistics of one persona × stage, on the survey's scale. */
typedef struct
{
  guint n;
  double mean;
  double m2;          /* sum of squared deviations from the mean */
  guint32 first_day;  /* YYYYMMDD, 0 for none */
  guint32 last_day;
} Tally;

struct _WmSurvey
{
  GObject parent_instance;

  char *source;
  WmSurveyEncoding encoding;
  char delimiter;
  double scale_min;
  double scale_max;
  guint n_responses;
  guint n_used;
  GPtrArray *problems;   /* of char *, NULL-terminated */
  GArray *groups;        /* of WmSurveyGroup */
};

G_DEFINE_FINAL_TYPE (WmSurvey, wm_survey, G_TYPE_OBJECT)

static void
group_clear (WmSurveyGroup *group)
{
  g_clear_object (&group->persona);
  g_clear_object (&group->stage);
}

static void
wm_survey_finalize (GObject *object)
{
  WmSurvey *self = WM_SURVEY (object);

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);

  G_OBJECT_CLASS (wm_survey_parent_class)->finalize (object);
}

static void
wm_survey_class_init (WmSurveyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_survey_finalize;
}

static void
wm_survey_init (WmSurvey *self)
{
  self->problems = g_ptr_array_new_null_terminated (MAX_PROBLEMS, g_free, TRUE);
  self->groups = g_array_new (FALSE, TRUE, sizeof (WmSurveyGroup));
  g_array_set_clear_func (self->groups, (GDestroyNotify) group_clear);
}

/* Finds personas or stages by id, by name as written, or by name in any
 * case: the exact tables serve most rows without folding a string. */
typedef struct
{
  GPtrArray *elements;
  GHashTable *exact;    /* id or name → index + 1 */
  GHashTable *folded;   /* folded name → index + 1 */
} Names;

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static void
names_init (Names      *names,
            GListModel *list,
            const char *(*get_name) (gpointer))
{
  guint n = g_list_model_get_n_items (list);

  names->elements = g_ptr_array_new_with_free_func (g_object_unref);
  names->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      WmElement *element = g_list_model_get_item (list, i);

      g_ptr_array_add (names->elements, element);
      g_hash_table_insert (names->exact, g_strdup (wm_element_get_id (element)), GUINT_TO_POINTER (i + 1));
    }
  /* Ids first, then names; of two with the same name, the first. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (get_name (g_ptr_array_index (names->elements, i))));
      char *folded;

      if (*name == '\0')
        continue;
      if (!g_hash_table_contains (names->exact, name))
        g_hash_table_insert (names->exact, g_strdup (name), GUINT_TO_POINTER (i + 1));
      folded = fold (name);
      if (!g_hash_table_contains (names->folded, folded))
        g_hash_table_insert (names->folded, folded, GUINT_TO_POINTER (i + 1));
      else
        g_free (folded);
    }
}

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->elements, g_ptr_array_unref);
  g_clear_pointer (&names->exact, g_hash_table_unref);
  g_clear_pointer (&names->folded, g_hash_table_unref);
}

/* The index of the element @text names, or -1. */
static int
names_find (Names      *names,
            const char *text)
{
  gpointer found;
  g_autofree char *folded = NULL;

  if (*text == '\0')
    return -1;
  if ((found = g_hash_table_lookup (names->exact, text)) != NULL)
    return GPOINTER_TO_INT (found) - 1;

  folded = fold (text);
  found = g_hash_table_lookup (names->folded, folded);
  return GPOINTER_TO_INT (found) - 1;
}

static const char *
persona_name (gpointer persona)
{
  return wm_persona_get_name (persona);
}

static const char *
stage_name (gpointer stage)
{
  return wm_stage_get_name (stage);
}

typedef struct
{
  WmSurvey *survey;
  WmSurveyOptions options;
  int columns[WM_SURVEY_N_ROLES];
  gboolean scale_given;
  Names personas;
  Names stages;
  Tally *tallies;       /* personas × stages */
  double seen_min;
  double seen_max;
  guint n_problems;
  guint max_rows;       /* responses: rows after the header */
} Import;

/* A value as a message quotes it: at most MAX_SHOWN characters. */
static char *
shown (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, MAX_SHOWN + 1) <= MAX_SHOWN)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, MAX_SHOWN - 1);
  return g_strconcat (start, "…", NULL);
}

static void import_problem (Import *im, guint row, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Notes a problem of a row; the first few are kept to tell the user. */
static void
import_problem (Import     *im,
                guint       row,
                const char *format,
                ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (im->n_problems++ >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: a row of a survey that is skipped, and why */
  g_ptr_array_add (im->survey->problems, g_strdup_printf (_("row %u: %s"), row, problem));
}

/* A number as surveys write it: "4", "-1", "3.5" or, with a decimal
 * comma, "3,5"; no exponent, no hexadecimal, no "inf". */
static gboolean
parse_score (const char *text,
             double     *value)
{
  char number[64];
  gsize len = strlen (text);
  gsize digits = 0;
  gboolean point = FALSE;

  if (len == 0 || len >= sizeof number)
    return FALSE;

  memcpy (number, text, len + 1);
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (number[i]))
        digits++;
      else if ((number[i] == '.' || number[i] == ',') && !point)
        {
          number[i] = '.';
          point = TRUE;
        }
      else if (!(i == 0 && (number[i] == '-' || number[i] == '+')))
        return FALSE;
    }
  if (digits == 0)
    return FALSE;

  *value = g_ascii_strtod (number, NULL);
  return isfinite (*value);
}

static gboolean
read_number (const char **text,
             guint        min_digits,
             guint        max_digits,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit ((*text)[n]))
    *value = *value * 10 + ((*text)[n++] - '0');
  *text += n;

  return n >= min_digits;
}

/* A date as YYYYMMDD, or 0: "2025-03-14" (perhaps with a time after it,
 * "2025-03-14T09:30:00Z" or "2025-03-14 09:30"), "2025/03/14" or
 * "14.03.2025". Day-first and month-first dates with slashes cannot be
 * told apart, and are not taken. */
static guint32
parse_date (const char *text)
{
  int year, month, day;
  const char *p = text;
  char separator;

  if (read_number (&p, 4, 4, &year))
    {
      separator = *p;
      if ((separator != '-' && separator != '/') || !(p++, read_number (&p, 1, 2, &month)) ||
          *p++ != separator || !read_number (&p, 1, 2, &day) ||
          (*p != '\0' && *p != 'T' && *p != ' '))
        return 0;
    }
  else
    {
      p = text;
      if (!read_number (&p, 1, 2, &day) || *p++ != '.' || !read_number (&p, 1, 2, &month) ||
          *p++ != '.' || !read_number (&p, 4, 4, &year) || (*p != '\0' && *p != ' '))
        return 0;
    }

  if (!g_date_valid_dmy (day, month, year))
    return 0;

  return year * 10000 + month * 100 + day;
}

static void
format_day (guint32  day,
            char    *out)
{
  if (day == 0)
    *out = '\0';
  else
    g_snprintf (out, 11, "%04u-%02u-%02u", day / 10000, day / 100 % 100, day % 100);
}

/* Resolves the columns from the options and the header in @r. */
static gboolean
import_columns (Import      *im,
                WmCsvReader *r)
{
  for (guint role = 0; role < WM_SURVEY_N_ROLES; role++)
    {
      int column = im->options.columns[role];

      if (column == WM_SURVEY_COLUMN_AUTO)
        column = im->options.header ? find_column (r, role, im->options.names[role]) : WM_SURVEY_COLUMN_NONE;
      im->columns[role] = column;

      if (column < 0 && role <= WM_SURVEY_ROLE_SCORE)
        {
          const char *name = im->options.names[role] != NULL ? im->options.names[role] : default_names[role][0];

          if (im->options.header && im->options.columns[role] == WM_SURVEY_COLUMN_AUTO)
            wm_csv_reader_fail_at (r, 0, WM_SURVEY_ERROR_COLUMNS,
                                   /* TRANSLATORS: the header of a survey lacks a column, e.g. "no column is named “score”" */
                                   _("no column is named “%s”; say which column holds the %s"),
                                   name, _(role_labels[role]));
          else
            wm_csv_reader_fail_at (r, 0, WM_SURVEY_ERROR_COLUMNS,
                                   /* TRANSLATORS: %s is "persona", "stage" or "score" */
                                   _("no column is chosen for the %s"), _(role_labels[role]));
          return FALSE;
        }
      if (column >= WM_SURVEY_MAX_COLUMNS)
        {
          /* TRANSLATORS: a column chosen (numbered from 1), and the most a survey file may have */
          wm_csv_reader_fail_at (r, 0, WM_SURVEY_ERROR_TOO_LARGE, _("column %d is beyond the %d a survey may have"),
                                 column + 1, WM_SURVEY_MAX_COLUMNS);
          return FALSE;
        }
    }

  /* From now on only the fields of these columns are kept. */
  r->keep_all = FALSE;
  for (guint role = 0; role < WM_SURVEY_N_ROLES; role++)
    if (im->columns[role] >= 0)
      r->keep[im->columns[role]] = TRUE;

  return TRUE;
}

static gboolean
import_row (WmCsvReader *r,
            gpointer     user_data)
{
  Import *im = user_data;
  const char *persona_text, *stage_text, *score_text, *date_text;
  int persona, stage;
  double score;
  Tally *tally;
  double delta;

  if (r->row > im->max_rows + (im->options.header ? 1 : 0))
    {
      /* TRANSLATORS: the limit of rows of a survey file, e.g. "more than 10000000 responses" */
      wm_csv_reader_fail_at (r, 0, WM_SURVEY_ERROR_TOO_LARGE, _("more than %u responses"), im->max_rows);
      return FALSE;
    }
  if (r->row == 1 && im->options.header)
    return import_columns (im, r);
  if (r->row == 1 && !import_columns (im, r))
    return FALSE;

  persona_text = reader_field (r, im->columns[WM_SURVEY_ROLE_PERSONA]);
  stage_text = reader_field (r, im->columns[WM_SURVEY_ROLE_STAGE]);
  score_text = reader_field (r, im->columns[WM_SURVEY_ROLE_SCORE]);
  date_text = reader_field (r, im->columns[WM_SURVEY_ROLE_DATE]);

  /* Spreadsheets end some exports with rows of empty cells. */
  if (*persona_text == '\0' && *stage_text == '\0' && *score_text == '\0')
    return TRUE;

  im->survey->n_responses++;
  persona = names_find (&im->personas, persona_text);
  stage = names_find (&im->stages, stage_text);
  if (persona < 0)
    {
      g_autofree char *value = shown (persona_text);

      if (*persona_text == '\0')
        import_problem (im, r->row, _("no persona"));
      else
        /* TRANSLATORS: a persona named in a survey that the map does not have */
        import_problem (im, r->row, _("the map has no persona “%s”"), value);
      return TRUE;
    }
  if (stage < 0)
    {
      g_autofree char *value = shown (stage_text);

      if (*stage_text == '\0')
        import_problem (im, r->row, _("no stage"));
      else
        /* TRANSLATORS: a stage named in a survey that the map does not have */
        import_problem (im, r->row, _("the map has no stage “%s”"), value);
      return TRUE;
    }
  if (!parse_score (score_text, &score))
    {
      g_autofree char *value = shown (score_text);

      if (*score_text == '\0')
        import_problem (im, r->row, _("no score"));
      else
        /* TRANSLATORS: the text of a survey response where its score should be */
        import_problem (im, r->row, _("the score “%s” is not a number"), value);
      return TRUE;
    }
  if (im->scale_given && (score < im->options.scale_min || score > im->options.scale_max))
    {
      g_autofree char *value = shown (score_text);
      char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];

      /* TRANSLATORS: a score of a survey response outside the survey's scale, e.g. "the score 7 is outside the survey's scale 1..5" */
      import_problem (im, r->row, _("the score %s is outside the survey’s scale %s..%s"), value,
                      g_ascii_formatd (low, sizeof low, "%g", im->options.scale_min),
                      g_ascii_formatd (high, sizeof high, "%g", im->options.scale_max));
      return TRUE;
    }

  im->survey->n_used++;
  im->seen_min = MIN (im->seen_min, score);
  im->seen_max = MAX (im->seen_max, score);

  tally = &im->tallies[persona * im->stages.elements->len + stage];
  tally->n++;
  delta = score - tally->mean;
  tally->mean += delta / tally->n;
  tally->m2 += delta * (score - tally->mean);

  if (*date_text != '\0')
    {
      guint32 day = parse_date (date_text);

      if (day == 0)
        {
          g_autofree char *value = shown (date_text);

          /* TRANSLATORS: a response is used all the same, without its date */
          import_problem (im, r->row, _("“%s” is not a date like 2025-03-14; the response counts without it"), value);
        }
      else
        {
          tally->first_day = tally->first_day == 0 ? day : MIN (tally->first_day, day);
          tally->last_day = MAX (tally->last_day, day);
        }
    }

  return TRUE;
}

/* Turns the tallies into groups, rescaled to @document's scale. */
static gboolean
import_finish (Import      *im,
               WmDocument  *document,
               GError     **error)
{
  WmSurvey *survey = im->survey;
  double map_min = wm_document_get_scale_min (document);
  double map_max = wm_document_get_scale_max (document);
  guint n_stages = im->stages.elements->len;
  double factor;

  if (survey->n_used == 0)
    {
      const char *first = survey->problems->len > 0 ? g_ptr_array_index (survey->problems, 0) : NULL;

      if (survey->n_responses == 0)
        g_set_error (error, WM_SURVEY_ERROR, WM_SURVEY_ERROR_NO_MATCH, _("the survey has no responses"));
      else
        /* TRANSLATORS: no response of a survey could be used; then why the first was not, e.g. "row 2: the map has no persona “Bob”" */
        g_set_error (error, WM_SURVEY_ERROR, WM_SURVEY_ERROR_NO_MATCH,
                     _("no response names a persona and a stage of the map with a score (%s)"), first);
      return FALSE;
    }

  if (im->scale_given)
    {
      survey->scale_min = im->options.scale_min;
      survey->scale_max = im->options.scale_max;
    }
  else if (im->seen_min < im->seen_max)
    {
      survey->scale_min = im->seen_min;
      survey->scale_max = im->seen_max;
    }
  else
    {
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, WM_SURVEY_ERROR, WM_SURVEY_ERROR_SCALE,
                   /* TRANSLATORS: %s is the one score every response of a survey has */
                   _("every score is %s, so the survey’s scale cannot be told from them; give it"),
                   g_ascii_formatd (score, sizeof score, "%g", im->seen_min));
      return FALSE;
    }

  factor = (map_max - map_min) / (survey->scale_max - survey->scale_min);
  for (guint p = 0; p < im->personas.elements->len; p++)
    for (guint s = 0; s < n_stages; s++)
      {
        Tally *tally = &im->tallies[p * n_stages + s];
        WmSurveyGroup group = { NULL };

        if (tally->n == 0)
          continue;

        group.persona = g_object_ref (g_ptr_array_index (im->personas.elements, p));
        group.stage = g_object_ref (g_ptr_array_index (im->stages.elements, s));
        group.n = tally->n;
        group.score = CLAMP (map_min + (tally->mean - survey->scale_min) * factor, map_min, map_max);
        group.spread = tally->n > 1 ? sqrt (tally->m2 / (tally->n - 1)) * factor : 0;
        format_day (tally->first_day, group.first_date);
        format_day (tally->last_day, group.last_date);
        g_array_append_val (survey->groups, group);
      }

  return TRUE;
}

/**
 * wm_survey_read_file:
 * @document: the map whose personas and stages the responses name; it is
 *   read, not changed
 * @options: (nullable): how to read the survey, or %NULL for the defaults
 *
 * Reads a survey: one response a row, naming a persona and a stage of
 * @document (by name in any case, or by id) with a score. Rows that name
 * none, or have no number for a score, are skipped and the first few
 * told by wm_survey_get_problems(). Nothing is changed until
 * wm_survey_apply(), so the result is also the preview of an import.
 *
 * @document's personas and stages are looked at before the file is read,
 * and @document is not touched after: a dialog may read a large survey in
 * a thread while the map is not being edited.
 *
 * Returns: (transfer full): the survey, or %NULL with @error set when the
 *   file is not a survey that can be read, or no response could be used
 */
WmSurvey *
wm_survey_read_file (GFile                 *file,
                     WmDocument            *document,
                     const WmSurveyOptions *options,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(WmSurvey) survey = NULL;
  g_autofree char *basename = NULL;
  Import im = { NULL };
  WmCsvReader r;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  survey = g_object_new (WM_TYPE_SURVEY, NULL);
  basename = g_file_get_basename (file);
  /* It goes into the map, which holds UTF-8 only. */
  survey->source = g_filename_display_name (basename);
  im.survey = survey;
  if (options != NULL)
    im.options = *options;
  else
    wm_survey_options_init (&im.options);
  im.scale_given = im.options.scale_min < im.options.scale_max;
  im.seen_min = INFINITY;
  im.seen_max = -INFINITY;
  names_init (&im.personas, wm_document_get_personas (document), persona_name);
  names_init (&im.stages, wm_document_get_stages (document), stage_name);
  im.tallies = g_new0 (Tally, MAX (1, im.personas.elements->len * im.stages.elements->len));

  im.max_rows = im.options.max_rows > 0 ? im.options.max_rows : WM_SURVEY_MAX_ROWS;
  reader_init (&r, import_row, &im);
  survey->delimiter = im.options.delimiter;
  ok = wm_csv_reader_read_file (&r, file, &survey->delimiter, cancellable, error) &&
       import_finish (&im, document, error);
  survey->encoding = (WmSurveyEncoding) r.encoding;

  wm_csv_reader_clear (&r);
  names_clear (&im.personas);
  names_clear (&im.stages);
  g_free (im.tallies);

  return ok ? g_steal_pointer (&survey) : NULL;
}

/**
 * wm_survey_get_source:
 *
 * Returns: the name of the survey's file, without its folder
 */
const char *
wm_survey_get_source (WmSurvey *self)
{
  g_return_val_if_fail (WM_IS_SURVEY (self), NULL);

  return self->source;
}

WmSurveyEncoding
wm_survey_get_encoding (WmSurvey *self)
{
  g_return_val_if_fail (WM_IS_SURVEY (self), WM_SURVEY_ENCODING_UTF8);

  return self->encoding;
}

char
wm_survey_get_delimiter (WmSurvey *self)
{
  g_return_val_if_fail (WM_IS_SURVEY (self), ',');

  return self->delimiter;
}

/**
 * wm_survey_get_scale:
 * @scale_min: (out) (optional): the lowest score of the survey's scale
 * @scale_max: (out) (optional): the highest
 *
 * The scale the scores were rescaled from: the one given, or the lowest
 * and highest scores seen.
 */
void
wm_survey_get_scale (WmSurvey *self,
                     double   *scale_min,
                     double   *scale_max)
{
  g_return_if_fail (WM_IS_SURVEY (self));

  if (scale_min != NULL)
    *scale_min = self->scale_min;
  if (scale_max != NULL)
    *scale_max = self->scale_max;
}

/**
 * wm_survey_get_n_responses:
 *
 * Returns: the rows read that are responses: neither the header nor empty
 */
guint
wm_survey_get_n_responses (WmSurvey *self)
{
  g_return_val_if_fail (WM_IS_SURVEY (self), 0);

  return self->n_responses;
}

/**
 * wm_survey_get_n_used:
 *
 * Returns: the responses that count; the others were skipped
 */
guint
wm_survey_get_n_used (WmSurvey *self)
{
  g_return_val_if_fail (WM_IS_SURVEY (self), 0);

  return self->n_used;
}

/**
 * wm_survey_get_problems:
 *
 * Returns: (transfer none): the first few problems met, each naming its
 *   row: responses skipped, or dates not understood
 */
const char * const *
wm_survey_get_problems (WmSurvey *self)
{
  g_return_val_if_fail (WM_IS_SURVEY (self), NULL);

  return (const char * const *) self->problems->pdata;
}

/**
 * wm_survey_get_n_groups:
 *
 * Returns: how many persona × stage pairs the survey has responses for
 */
guint
wm_survey_get_n_groups (WmSurvey *self)
{
  g_return_val_if_fail (WM_IS_SURVEY (self), 0);

  return self->groups->len;
}

/**
 * wm_survey_get_group:
 *
 * Returns: (transfer none): a persona × stage pair, in the order of the
 *   map's personas and then its stages
 */
const WmSurveyGroup *
wm_survey_get_group (WmSurvey *self,
                     guint     position)
{
  g_return_val_if_fail (WM_IS_SURVEY (self), NULL);
  g_return_val_if_fail (position < self->groups->len, NULL);

  return &g_array_index (self->groups, WmSurveyGroup, position);
}

/* ------------------------------------------------------------------------ */
/* Applying                                                                 */

static char *
evidence_note (WmSurvey            *self,
               const WmSurveyGroup *group)
{
  if (group->first_date[0] == '\0')
    /* TRANSLATORS: the note of the evidence a survey import attaches to an
     * emotion point: the number of responses and the survey's file name */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u response to the survey %s",
                                         "%u responses to the survey %s", group->n),
                            group->n, self->source);
  if (g_str_equal (group->first_date, group->last_date))
    /* TRANSLATORS: as above, and the day of the responses */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u response to the survey %s, on %s",
                                         "%u responses to the survey %s, on %s", group->n),
                            group->n, self->source, group->first_date);

  /* TRANSLATORS: as above, and the first and last day of the responses */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u response to the survey %s, from %s to %s",
                                       "%u responses to the survey %s, from %s to %s", group->n),
                          group->n, self->source, group->first_date, group->last_date);
}

/* Gives @point the evidence of @group: the evidence an earlier import of
 * the same survey file gave it is updated, not repeated. */
static void
put_evidence (WmSurvey            *self,
              WmHistory           *history,
              WmEmotionPoint      *point,
              const WmSurveyGroup *group)
{
  GListModel *list = wm_element_get_evidence (WM_ELEMENT (point));
  g_autofree char *note = evidence_note (self, group);
  WmEvidence *kept = NULL;

  for (guint i = g_list_model_get_n_items (list); i-- > 0;)
    {
      WmEvidence *evidence = wm_document_peek (list, i);

      if (wm_evidence_get_source_kind (evidence) != WM_SOURCE_KIND_SURVEY ||
          !g_str_equal (wm_evidence_get_link (evidence), self->source))
        continue;
      /* Of several (copies of a point merged by hand), the first stays. */
      if (kept != NULL)
        wm_history_remove (history, list, i + 1);
      kept = evidence;
    }

  if (kept == NULL)
    {
      g_autoptr(WmEvidence) evidence = wm_evidence_new ();

      wm_evidence_set_link (evidence, self->source);
      wm_history_insert (history, list, g_list_model_get_n_items (list), evidence);
      kept = evidence;
    }

  wm_history_set (history, kept,
                  "source-kind", WM_SOURCE_KIND_SURVEY,
                  "solicited", TRUE,
                  "sample-size", (int) MIN (group->n, G_MAXINT),
                  "date", group->last_date,
                  "note", note,
                  NULL);
}

static char *
point_key (const char *persona_id,
           const char *stage_id)
{
  return g_strconcat (persona_id, "\n", stage_id, NULL);
}

/**
 * wm_survey_apply:
 * @document: the map the survey was read for
 *
 * Sets the score of each persona at each stage the survey has responses
 * for to their mean, adding the emotion points that are missing, marks
 * the points as computed with their sample size and spread, and gives
 * each its evidence. One undoable step.
 */
void
wm_survey_apply (WmSurvey   *self,
                 WmDocument *document)
{
  WmHistory *history;
  GListModel *points;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double map_min, map_max;

  g_return_if_fail (WM_IS_SURVEY (self));
  g_return_if_fail (WM_IS_DOCUMENT (document));

  history = wm_document_get_history (document);
  points = wm_document_get_emotion_points (document);
  map_min = wm_document_get_scale_min (document);
  map_max = wm_document_get_scale_max (document);
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      WmEmotionPoint *point = wm_document_peek (points, i);

      g_hash_table_insert (by_key, point_key (wm_emotion_point_get_persona (point),
                                              wm_emotion_point_get_stage (point)), point);
    }

  wm_history_begin (history, _("Import Survey"));
  for (guint i = 0; i < self->groups->len; i++)
    {
      const WmSurveyGroup *group = &g_array_index (self->groups, WmSurveyGroup, i);
      const char *persona_id = wm_element_get_id (WM_ELEMENT (group->persona));
      const char *stage_id = wm_element_get_id (WM_ELEMENT (group->stage));
      g_autofree char *key = point_key (persona_id, stage_id);
      WmEmotionPoint *point = g_hash_table_lookup (by_key, key);
      /* The scale may have changed since the survey was read. */
      double score = CLAMP (group->score, map_min, map_max);

      /* Or a persona or a stage may have gone. */
      if (wm_document_find (wm_document_get_personas (document), persona_id, NULL) != group->persona ||
          wm_document_find (wm_document_get_stages (document), stage_id, NULL) != group->stage)
        continue;

      if (point == NULL)
        {
          g_autoptr(WmEmotionPoint) new_point = wm_emotion_point_new ();

          wm_emotion_point_set_persona (new_point, persona_id);
          wm_emotion_point_set_stage (new_point, stage_id);
          wm_history_insert (history, points, g_list_model_get_n_items (points), new_point);
          point = new_point;
        }

      wm_history_set (history, point,
                      "score", score,
                      "computed", TRUE,
                      "sample-size", (int) MIN (group->n, G_MAXINT),
                      "spread", group->spread,
                      NULL);
      put_evidence (self, history, point, group);
    }
  wm_history_end (history);
}
