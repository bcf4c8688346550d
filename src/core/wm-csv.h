/* wm-csv.h: reading CSV files as spreadsheets write them, through libcsv:
 * the encoding and the delimiter told from the file, one record at a time,
 * within limits. The survey import and the grid import share it. */
#pragma once

#include <csv.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The codes of the errors the reader sets, in the error domain its user
 * gives: a user's own error enumeration starts with these three, in this
 * order, so that they mean the same in its domain. */
typedef enum {
  WM_CSV_ERROR_ENCODING,   /* bytes that are not text in the file's encoding, or NUL bytes */
  WM_CSV_ERROR_SYNTAX,     /* a quote out of place or never closed */
  WM_CSV_ERROR_TOO_LARGE,  /* a field longer, or a record wider, than the limits */
} WmCsvError;

typedef enum {
  WM_CSV_ENCODING_UTF8,
  WM_CSV_ENCODING_UTF8_BOM,
  WM_CSV_ENCODING_UTF16LE,
  WM_CSV_ENCODING_UTF16BE,
  WM_CSV_ENCODING_WINDOWS_1252,
} WmCsvEncoding;

/* A record of more fields is refused. */
#define WM_CSV_MAX_COLUMNS 1000
/* No reader takes a longer field than this (WmCsvReader.max_field). */
#define WM_CSV_MAX_FIELD (1024 * 1024)

typedef struct _WmCsvReader WmCsvReader;

/* Called at the end of each record, with its fields. Returns FALSE to
 * stop reading: after wm_csv_reader_fail_at() on failure. */
typedef gboolean (*WmCsvRowFunc) (WmCsvReader *reader,
                                  gpointer     user_data);

struct _WmCsvReader
{
  /* Set by wm_csv_reader_init(); the user may change them. */
  gsize max_field;          /* bytes of one field, at most WM_CSV_MAX_FIELD */
  gboolean keep_all;        /* keep every field, not only @keep's */
  gboolean keep[WM_CSV_MAX_COLUMNS];

  /* For the row function to read. */
  guint row;                /* the record being read, from 1 */
  guint n_fields;           /* of the record just ended */
  WmCsvEncoding encoding;   /* as far as the file has told it */

  /*< private >*/
  GQuark domain;
  struct csv_parser parser;
  gboolean parser_ready;
  gboolean saw_non_ascii;   /* a field before was UTF-8 beyond ASCII */
  GIConv cp1252;
  GIConv latin1;
  guint column;             /* the field being read, from 0 */
  GPtrArray *fields;        /* of GString, by column, reused from record to record */
  WmCsvRowFunc row_func;
  gpointer user_data;
  gboolean stopped;
  GError *error;
};

void         wm_csv_reader_init      (WmCsvReader   *reader,
                                      GQuark         domain,
                                      WmCsvRowFunc   row_func,
                                      gpointer       user_data);
void         wm_csv_reader_clear     (WmCsvReader   *reader);
gboolean     wm_csv_reader_read_file (WmCsvReader   *reader,
                                      GFile         *file,
                                      char          *delimiter,
                                      GCancellable  *cancellable,
                                      GError       **error);
const char  *wm_csv_reader_field     (WmCsvReader   *reader,
                                      int            column);
gsize        wm_csv_reader_field_len (WmCsvReader   *reader,
                                      int            column);
void         wm_csv_reader_fail_at   (WmCsvReader   *reader,
                                      guint          column,
                                      int            code,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (4, 5);

const char  *wm_csv_encoding_name    (WmCsvEncoding  encoding);

G_END_DECLS
