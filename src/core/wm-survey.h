/* wm-survey.h: survey responses read from a CSV file, turned into the
 * emotion points of a map, each backed by its evidence. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_SURVEY_ERROR (wm_survey_error_quark ())
GQuark wm_survey_error_quark (void);

typedef enum {
  WM_SURVEY_ERROR_ENCODING,   /* bytes that are not text in the file's encoding, or NUL bytes */
  WM_SURVEY_ERROR_SYNTAX,     /* a quote out of place or never closed */
  WM_SURVEY_ERROR_TOO_LARGE,  /* a field, a header or the number of rows over a limit */
  WM_SURVEY_ERROR_COLUMNS,    /* no column for the persona, the stage or the score */
  WM_SURVEY_ERROR_NO_MATCH,   /* no response names a persona and a stage of the map */
  WM_SURVEY_ERROR_SCALE,      /* the survey's scale is empty or cannot be told */
} WmSurveyError;

/* What a column of the survey holds. */
typedef enum {
  WM_SURVEY_ROLE_PERSONA,
  WM_SURVEY_ROLE_STAGE,
  WM_SURVEY_ROLE_SCORE,
  WM_SURVEY_ROLE_COMMENT,
  WM_SURVEY_ROLE_DATE,
  WM_SURVEY_N_ROLES
} WmSurveyRole;

typedef enum {
  WM_SURVEY_ENCODING_UTF8,
  WM_SURVEY_ENCODING_UTF8_BOM,
  WM_SURVEY_ENCODING_UTF16LE,
  WM_SURVEY_ENCODING_UTF16BE,
  WM_SURVEY_ENCODING_WINDOWS_1252,
} WmSurveyEncoding;

/* For WmSurveyOptions.columns: find the column by its header name, or
 * there is no such column. */
#define WM_SURVEY_COLUMN_AUTO (-1)
#define WM_SURVEY_COLUMN_NONE (-2)

/* More responses than this is refused, unless the options say otherwise. */
#define WM_SURVEY_MAX_ROWS 10000000
/* A longer field is refused. */
#define WM_SURVEY_MAX_FIELD 65536
/* A header of more columns is refused. */
#define WM_SURVEY_MAX_COLUMNS 1000

/* How to read a survey; wm_survey_options_init() gives the defaults. */
typedef struct
{
  /* The column (from 0) of each role, or WM_SURVEY_COLUMN_AUTO or
   * WM_SURVEY_COLUMN_NONE. */
  int columns[WM_SURVEY_N_ROLES];
  /* For WM_SURVEY_COLUMN_AUTO: the header name of the role's column (any
   * case), or NULL for the usual English names ("persona", "segment"…). */
  const char *names[WM_SURVEY_N_ROLES];
  /* Whether the first row names the columns rather than being a response. */
  gboolean header;
  /* ',', ';' or '\t'; 0 to detect it. */
  char delimiter;
  /* The survey's scale, rescaled linearly to the map's; when scale_min is
   * not below scale_max, the lowest and highest scores seen. */
  double scale_min;
  double scale_max;
  /* 0 for WM_SURVEY_MAX_ROWS. */
  guint max_rows;
} WmSurveyOptions;

void wm_survey_options_init (WmSurveyOptions *options);

/* The start of a survey file, for a dialog that maps its columns. */
typedef struct
{
  WmSurveyEncoding encoding;
  char delimiter;
  gboolean header;                    /* guessed */
  int columns[WM_SURVEY_N_ROLES];     /* guessed from the header, or WM_SURVEY_COLUMN_NONE */
  GStrv names;                        /* the fields of the first row */
  GPtrArray *rows;                    /* (element-type GStrv): the next rows */
} WmSurveySample;

WmSurveySample *wm_survey_sample_file (GFile          *file,
                                       guint           max_rows,
                                       GCancellable   *cancellable,
                                       GError        **error);
void            wm_survey_sample_free (WmSurveySample *sample);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSurveySample, wm_survey_sample_free)

/* What the survey says of one persona at one stage. */
typedef struct
{
  WmPersona *persona;
  WmStage *stage;
  double score;        /* the mean, on the map's scale */
  double spread;       /* the standard deviation, on the map's scale */
  guint n;             /* the responses */
  char first_date[11]; /* "YYYY-MM-DD", or "" when the responses have no date */
  char last_date[11];
} WmSurveyGroup;

#define WM_TYPE_SURVEY (wm_survey_get_type ())
G_DECLARE_FINAL_TYPE (WmSurvey, wm_survey, WM, SURVEY, GObject)

WmSurvey            *wm_survey_read_file         (GFile                 *file,
                                                  WmDocument            *document,
                                                  const WmSurveyOptions *options,
                                                  GCancellable          *cancellable,
                                                  GError               **error);

const char          *wm_survey_get_source        (WmSurvey              *self);
WmSurveyEncoding     wm_survey_get_encoding      (WmSurvey              *self);
char                 wm_survey_get_delimiter     (WmSurvey              *self);
void                 wm_survey_get_scale         (WmSurvey              *self,
                                                  double                *scale_min,
                                                  double                *scale_max);
guint                wm_survey_get_n_responses   (WmSurvey              *self);
guint                wm_survey_get_n_used        (WmSurvey              *self);
const char * const  *wm_survey_get_problems      (WmSurvey              *self);
guint                wm_survey_get_n_groups      (WmSurvey              *self);
const WmSurveyGroup *wm_survey_get_group         (WmSurvey              *self,
                                                  guint                  position);

void                 wm_survey_apply             (WmSurvey              *self,
                                                  WmDocument            *document);

const char          *wm_survey_encoding_name     (WmSurveyEncoding       encoding);

G_END_DECLS
