/* wm-csv.c: reading CSV files as spreadsheets write them, through libcsv.
 *
 * The file is streamed, never held: libcsv parses it chunk by chunk and
 * hands each record to the user's row function as soon as it ends, so
 * memory is bounded by what the user keeps. libcsv's buffer for one field
 * is the only thing an input can grow: it is checked against the reader's
 * limit after every chunk, and its realloc hook refuses to grow it past
 * WM_CSV_MAX_FIELD whatever the reader's limit.
 *
 * Encodings: a byte-order mark says UTF-8, UTF-16LE or UTF-16BE (UTF-16 is
 * converted to UTF-8 by a GConverterInputStream before parsing, the
 * delimiters being two bytes wide there). Without one, the file is read as
 * UTF-8 until a field is not UTF-8: if no field before it held a non-ASCII
 * character, the file is Windows-1252 (the usual spreadsheet export of
 * Western Europe), and everything read so far was ASCII, the same in both;
 * otherwise the file is broken and refused there. The delimiter, quote and
 * line ends are ASCII in all of these, so libcsv parses the raw bytes.
 *
 * Rows are counted as CSV records, the first being row 1.
 */
#include "wm-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define CHUNK (64 * 1024)
#define SNIFF_RECORDS 50      /* records looked at to tell the delimiter */

/**
 * wm_csv_reader_init:
 * @domain: the error domain of the errors the reader sets
 * @row_func: called at the end of each record
 *
 * Readies @reader to read a file, keeping every field, each of at most
 * 65,536 bytes: the user may change that before reading.
 */
void
wm_csv_reader_init (WmCsvReader  *reader,
                    GQuark        domain,
                    WmCsvRowFunc  row_func,
                    gpointer      user_data)
{
  memset (reader, 0, sizeof *reader);
  reader->domain = domain;
  reader->row = 1;
  reader->keep_all = TRUE;
  reader->max_field = 65536;
  reader->fields = g_ptr_array_new ();
  reader->cp1252 = (GIConv) -1;
  reader->latin1 = (GIConv) -1;
  reader->row_func = row_func;
  reader->user_data = user_data;
}

void
wm_csv_reader_clear (WmCsvReader *reader)
{
  if (reader->parser_ready)
    csv_free (&reader->parser);
  for (guint i = 0; i < reader->fields->len; i++)
    g_string_free (g_ptr_array_index (reader->fields, i), TRUE);
  g_ptr_array_unref (reader->fields);
  if (reader->cp1252 != (GIConv) -1)
    g_iconv_close (reader->cp1252);
  if (reader->latin1 != (GIConv) -1)
    g_iconv_close (reader->latin1);
  g_clear_error (&reader->error);
}

/**
 * wm_csv_reader_fail_at:
 * @column: the column (from 1) the problem is in, or 0 for the whole record
 * @code: the code of the error, in the reader's domain
 *
 * Stops reading with an error in the record being read: "row 12, column
 * 3: …". The first error stays; later ones are dropped.
 */
void
wm_csv_reader_fail_at (WmCsvReader *reader,
                       guint        column,
                       int          code,
                       const char  *format,
                       ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (reader->error != NULL)
    return;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  if (column > 0)
    /* TRANSLATORS: where a CSV file (a survey, a grid) is broken, then what
     * is wrong, e.g. "row 12, column 3: a quoted field is never closed" */
    g_set_error (&reader->error, reader->domain, code, _("row %u, column %u: %s"), reader->row, column, problem);
  else
    /* TRANSLATORS: the row of a CSV file that is wrong, then what is wrong */
    g_set_error (&reader->error, reader->domain, code, _("row %u: %s"), reader->row, problem);
}

/* At the field being read. */
#define reader_fail(r, ...) wm_csv_reader_fail_at ((r), (r)->column + 1, __VA_ARGS__)

/* libcsv grows a field's buffer through this; refusing past the limit
 * makes it stop with CSV_ENOMEM, so a huge field costs no more memory.
 * The hook has no user data: each reader's own limit is checked as the
 * file is fed (reader_feed()). */
static void *
limited_realloc (void   *data,
                 size_t  size)
{
  if (size > WM_CSV_MAX_FIELD + 4096)
    return NULL;

  return realloc (data, size);
}

static void
parser_init (struct csv_parser *parser,
             char               delimiter)
{
  csv_init (parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_delim (parser, (unsigned char) delimiter);
  csv_set_realloc_func (parser, limited_realloc);
  csv_set_free_func (parser, free);
  csv_set_blk_size (parser, 4096);
}

static gboolean
convert_with (GIConv      *iconv,
              const char  *charset,
              const char  *data,
              gsize        len,
              GString     *out)
{
  g_autofree char *converted = NULL;
  gsize written = 0;

  if (*iconv == (GIConv) -1)
    *iconv = g_iconv_open ("UTF-8", charset);
  if (*iconv == (GIConv) -1)
    return FALSE;

  converted = g_convert_with_iconv (data, len, *iconv, NULL, &written, NULL);
  /* Whatever the error, the state of the converter is reset for the next field. */
  g_iconv (*iconv, NULL, NULL, NULL, NULL);
  if (converted == NULL)
    return FALSE;
  if (out != NULL)
    g_string_append_len (out, converted, written);

  return TRUE;
}

/* Checks a field as text in the file's encoding and appends it, as UTF-8,
 * to @out (when not %NULL). */
static gboolean
decode_field (WmCsvReader *r,
              const char  *data,
              gsize        len,
              GString     *out)
{
  const char *end;

  if (len > 0 && memchr (data, '\0', len) != NULL)
    {
      reader_fail (r, WM_CSV_ERROR_ENCODING,
                   _("a NUL byte: this is not a text file, or it is UTF-16 without a byte-order mark; save it as UTF-8"));
      return FALSE;
    }

  if (r->encoding != WM_CSV_ENCODING_WINDOWS_1252)
    {
      if (g_utf8_validate_len (data, len, &end))
        {
          if (out != NULL)
            g_string_append_len (out, data, len);
          if (!r->saw_non_ascii)
            for (gsize i = 0; i < len && !r->saw_non_ascii; i++)
              r->saw_non_ascii = (guchar) data[i] >= 0x80;
          return TRUE;
        }

      /* Declared UTF-8 (UTF-16 is UTF-8 by now), or UTF-8 seen before. */
      if (r->encoding != WM_CSV_ENCODING_UTF8 || r->saw_non_ascii)
        {
          reader_fail (r, WM_CSV_ERROR_ENCODING,
                       /* TRANSLATORS: %u counts the bytes of a field of a CSV file from 1 */
                       _("byte %u of the field is not valid UTF-8"),
                       (guint) (end - data) + 1);
          return FALSE;
        }
      r->encoding = WM_CSV_ENCODING_WINDOWS_1252;
    }

  /* Five bytes have no character in Windows-1252; Latin-1 has one for
   * every byte. */
  if (convert_with (&r->cp1252, "WINDOWS-1252", data, len, out) ||
      convert_with (&r->latin1, "ISO-8859-1", data, len, out))
    return TRUE;

  reader_fail (r, WM_CSV_ERROR_ENCODING, _("the text cannot be converted to UTF-8"));
  return FALSE;
}

static void
fail_too_long (WmCsvReader *r)
{
  /* A quote never closed makes the rest of the file one field. */
  if (r->parser.quoted)
    /* TRANSLATORS: the limit of a field of a CSV file, e.g. "a quoted field longer than 65536 bytes" */
    reader_fail (r, WM_CSV_ERROR_TOO_LARGE, _("a quoted field longer than %u bytes: is its closing quote missing?"),
                 (guint) r->max_field);
  else
    /* TRANSLATORS: the limit of a field of a CSV file, e.g. "a field longer than 65536 bytes" */
    reader_fail (r, WM_CSV_ERROR_TOO_LARGE, _("a field longer than %u bytes"), (guint) r->max_field);
}

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  WmCsvReader *r = user_data;
  guint column = r->column;
  GString *out = NULL;

  if (r->error != NULL || r->stopped)
    return;

  if (len > r->max_field)
    {
      fail_too_long (r);
      return;
    }

  if (column < WM_CSV_MAX_COLUMNS && (r->keep_all || r->keep[column]))
    {
      while (r->fields->len <= column)
        g_ptr_array_add (r->fields, g_string_new (NULL));
      out = g_ptr_array_index (r->fields, column);
      g_string_truncate (out, 0);
    }
  else if (column >= WM_CSV_MAX_COLUMNS && r->keep_all)
    {
      /* TRANSLATORS: the limit of columns of a CSV file, e.g. "more than 1000 columns" */
      reader_fail (r, WM_CSV_ERROR_TOO_LARGE, _("more than %d columns"), WM_CSV_MAX_COLUMNS);
      return;
    }

  if (decode_field (r, data, len, out))
    r->column++;
}

static void
on_row (int   c,
        void *user_data)
{
  WmCsvReader *r = user_data;

  if (r->error != NULL || r->stopped)
    return;

  r->n_fields = r->column;
  if (!r->row_func (r, r->user_data))
    r->stopped = TRUE;
  r->row++;
  r->column = 0;
}

/* The field @column of the record just read, or %NULL when the record
 * has none or it was not kept. */
static GString *
field_string (WmCsvReader *reader,
              int          column)
{
  if (column < 0 || (guint) column >= reader->n_fields || (guint) column >= reader->fields->len ||
      (!reader->keep_all && !reader->keep[column]))
    return NULL;

  return g_ptr_array_index (reader->fields, column);
}

/**
 * wm_csv_reader_field:
 * @column: from 0
 *
 * Returns: (transfer none): the field @column of the record just read, in
 *   UTF-8, as it is (libcsv drops the spaces around a field that is not
 *   quoted), or "" when the record has none or it was not kept
 */
const char *
wm_csv_reader_field (WmCsvReader *reader,
                     int          column)
{
  GString *field = field_string (reader, column);

  return field != NULL ? field->str : "";
}

/**
 * wm_csv_reader_field_len:
 *
 * Returns: the length in bytes of wm_csv_reader_field()
 */
gsize
wm_csv_reader_field_len (WmCsvReader *reader,
                         int          column)
{
  GString *field = field_string (reader, column);

  return field != NULL ? field->len : 0;
}

/* Why libcsv stopped, as the user can mend it. */
static void
reader_fail_parse (WmCsvReader *r,
                   gboolean     at_end)
{
  switch (csv_error (&r->parser))
    {
    case CSV_EPARSE:
      if (at_end)
        reader_fail (r, WM_CSV_ERROR_SYNTAX, _("a quoted field is never closed"));
      else
        reader_fail (r, WM_CSV_ERROR_SYNTAX,
                     _("a quote out of place: a field with quotes in it must be quoted as a whole, its quotes doubled"));
      break;
    case CSV_ENOMEM:
    case CSV_ETOOBIG:
    default:
      fail_too_long (r);
      break;
    }
}

static gboolean
reader_feed (WmCsvReader  *r,
             const guint8 *data,
             gsize         len)
{
  gsize done = csv_parse (&r->parser, data, len, on_field, on_row, r);

  if (r->error == NULL && !r->stopped && done < len)
    reader_fail_parse (r, FALSE);
  /* The field still being read, against this reader's limit. */
  if (r->error == NULL && !r->stopped && r->parser.entry_pos > r->max_field)
    fail_too_long (r);

  return r->error == NULL && !r->stopped;
}

static gboolean
reader_finish (WmCsvReader *r)
{
  if (r->error == NULL && !r->stopped &&
      (csv_fini (&r->parser, on_field, on_row, r) != 0 || csv_error (&r->parser) != CSV_SUCCESS))
    reader_fail_parse (r, TRUE);

  return r->error == NULL;
}

/* ------------------------------------------------------------------------ */
/* Telling the delimiter                                                    */

typedef struct
{
  guint fields;
  guint records;
  guint first;       /* fields of the first record */
  gboolean same;     /* every record has as many */
} Count;

static void
count_field (void   *data,
             size_t  len,
             void   *user_data)
{
  ((Count *) user_data)->fields++;
}

static void
count_row (int   c,
           void *user_data)
{
  Count *count = user_data;

  if (count->records == 0)
    count->first = count->fields;
  else if (count->records < SNIFF_RECORDS && count->fields != count->first)
    count->same = FALSE;
  count->records++;
  count->fields = 0;
}

/* The candidate that splits the first records into the most columns, the
 * same number in each; else the most columns in the first record; else a
 * comma. @complete: @data is the whole file, not its start. */
static char
detect_delimiter (const guint8 *data,
                  gsize         len,
                  gboolean      complete)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_score = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      struct csv_parser parser;
      Count count = { 0, 0, 0, TRUE };
      guint score;

      parser_init (&parser, candidates[i]);
      /* The last record of a start may be cut; a parse error ends the count. */
      if (csv_parse (&parser, data, len, count_field, count_row, &count) == len && complete)
        csv_fini (&parser, count_field, count_row, &count);
      csv_free (&parser);

      if (count.records == 0 || count.first < 2)
        continue;
      /* A consistent split outranks any inconsistent one. */
      score = count.first + (count.same ? WM_CSV_MAX_COLUMNS : 0);
      if (score > best_score)
        {
          best = candidates[i];
          best_score = score;
        }
    }

  return best;
}

/* ------------------------------------------------------------------------ */
/* Opening the file                                                         */

const char *
wm_csv_encoding_name (WmCsvEncoding encoding)
{
  switch (encoding)
    {
    case WM_CSV_ENCODING_UTF8:
      return "UTF-8";
    case WM_CSV_ENCODING_UTF8_BOM:
      /* TRANSLATORS: an encoding of a CSV file */
      return _("UTF-8 with a byte-order mark");
    case WM_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case WM_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case WM_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Opens @file as a stream of text that libcsv can parse, past any
 * byte-order mark, and tells its encoding as far as the mark says. */
static GInputStream *
open_text (GFile          *file,
           WmCsvEncoding  *encoding,
           GCancellable   *cancellable,
           GError        **error)
{
  static const struct {
    const char *mark;
    gsize length;
    WmCsvEncoding encoding;
    const char *charset;
  } marks[] = {
    { "\xEF\xBB\xBF", 3, WM_CSV_ENCODING_UTF8_BOM, NULL },
    { "\xFF\xFE", 2, WM_CSV_ENCODING_UTF16LE, "UTF-16LE" },
    { "\xFE\xFF", 2, WM_CSV_ENCODING_UTF16BE, "UTF-16BE" },
  };
  g_autoptr(GFileInputStream) base = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  const guint8 *head;
  gsize n = 0;

  base = g_file_read (file, cancellable, error);
  if (base == NULL)
    return NULL;

  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (base), CHUNK);
  while (n < 3)
    {
      gssize got = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 3 - n, cancellable, error);

      if (got < 0)
        return NULL;
      if (got == 0)
        break;
      n = g_buffered_input_stream_get_available (G_BUFFERED_INPUT_STREAM (buffered));
    }
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n);

  *encoding = WM_CSV_ENCODING_UTF8;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autoptr(GCharsetConverter) converter = NULL;

      if (n < marks[i].length || memcmp (head, marks[i].mark, marks[i].length) != 0)
        continue;

      *encoding = marks[i].encoding;
      if (g_input_stream_skip (buffered, marks[i].length, cancellable, error) < 0)
        return NULL;
      if (marks[i].charset == NULL)
        break;
      converter = g_charset_converter_new ("UTF-8", marks[i].charset, error);
      if (converter == NULL)
        return NULL;
      return g_converter_input_stream_new (buffered, G_CONVERTER (converter));
    }

  return g_steal_pointer (&buffered);
}

/**
 * wm_csv_reader_read_file:
 * @delimiter: (inout): ',', ';' or '\t'; 0 to detect it, which then says
 *   what it was
 *
 * Reads @file to its end, or until the row function stops it, calling the
 * row function for each record.
 *
 * Returns: %TRUE when the file was read to its end or the row function
 *   stopped without an error
 */
gboolean
wm_csv_reader_read_file (WmCsvReader   *reader,
                         GFile         *file,
                         char          *delimiter,
                         GCancellable  *cancellable,
                         GError       **error)
{
  WmCsvReader *r = reader;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree guint8 *buffer = g_malloc (CHUNK);
  gboolean first = TRUE;

  g_return_val_if_fail (reader->max_field <= WM_CSV_MAX_FIELD, FALSE);

  stream = open_text (file, &r->encoding, cancellable, error);
  if (stream == NULL)
    return FALSE;

  for (;;)
    {
      g_autoptr(GError) read_error = NULL;
      gsize len = 0;
      gboolean read = g_input_stream_read_all (stream, buffer, CHUNK, &len, cancellable, &read_error);

      if (first)
        {
          if (*delimiter == '\0')
            *delimiter = detect_delimiter (buffer, len, read && len < CHUNK);
          parser_init (&r->parser, *delimiter);
          r->parser_ready = TRUE;
          first = FALSE;
        }

      /* What was read before an error is parsed first, for the error to
       * name the place where it is. */
      if (len > 0 && !reader_feed (r, buffer, len))
        break;

      if (!read)
        {
          /* The converter of a UTF-16 file fails on bytes that are not UTF-16. */
          if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
              g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            /* TRANSLATORS: %s is an encoding, e.g. "UTF-16LE" */
            reader_fail (r, WM_CSV_ERROR_ENCODING, _("the text is not %s; save the file as UTF-8"),
                         wm_csv_encoding_name (r->encoding));
          else
            {
              g_propagate_error (error, g_steal_pointer (&read_error));
              return FALSE;
            }
          break;
        }

      if (len < CHUNK)
        {
          reader_finish (r);
          break;
        }
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }

  if (r->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->error));
      return FALSE;
    }

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
