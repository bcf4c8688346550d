/* wm-format-check.c: what reading a .waymark file checks besides walking
 * the tree.
 *
 * The problems found and where (the reader's path, "lanes[0].cards[…][2]");
 * the bytes before json-glib sees them: size, encoding, nesting depth (json-glib
 * 1.6 parses recursively and overflows the stack on deep input) and number
 * literals too long for its 64-bit integers (which it wraps silently); the
 * shape of values (colours, dates, pictures); and the rules that span
 * properties (the emotion scale, one point per persona and stage, a picture
 * matching its type).
 */
#include "wm-format-private.h"

#include <stdio.h>
#include <string.h>

#include "wm-param.h"

/* The picture types a persona may have, and how each one's bytes begin. */
static gboolean is_png (const guint8 *data, gsize size);
static gboolean is_jpeg (const guint8 *data, gsize size);
static gboolean is_svg (const guint8 *data, gsize size);

static const struct
{
  const char *mime_type;
  const char *noun;
  gboolean (*matches) (const guint8 *data, gsize size);
} picture_types[] = {
  { "image/png", "a PNG image", is_png },
  { "image/jpeg", "a JPEG image", is_jpeg },
  { "image/svg+xml", "an SVG image", is_svg },
};

/* ------------------------------------------------------------------------ */
/* Problems, and where they are                                             */

void
wm_reader_init (Reader *r,
                guint   max_problems)
{
  memset (r, 0, sizeof *r);
  r->classes = wm_format_classes_new ();
  r->path = g_string_new (NULL);
  r->problems = g_ptr_array_new_with_free_func (g_free);
  r->max_problems = max_problems;
  r->ids = g_hash_table_new (g_str_hash, g_str_equal);
  r->id_uses = g_array_new (FALSE, FALSE, sizeof (IdUse));
  r->places = g_string_new (NULL);
  r->points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->cards = (Counter) { 0, MAX_CARDS, "cards" };
  r->evidence = (Counter) { 0, MAX_EVIDENCE, "pieces of evidence" };
}

void
wm_reader_clear (Reader *r)
{
  g_clear_pointer (&r->classes, g_hash_table_unref);
  if (r->path != NULL)
    g_string_free (r->path, TRUE);
  g_clear_pointer (&r->problems, g_ptr_array_unref);
  g_clear_pointer (&r->ids, g_hash_table_unref);
  g_clear_pointer (&r->id_uses, g_array_unref);
  if (r->places != NULL)
    g_string_free (r->places, TRUE);
  g_clear_pointer (&r->points, g_hash_table_unref);
}

gboolean
wm_reader_full (Reader *r)
{
  return r->problems->len >= r->max_problems;
}

void
wm_reader_problem (Reader        *r,
                   WmFormatError  code,
                   const char    *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (wm_reader_full (r))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (r->problems->len == 0)
    r->code = code;
  if (r->path->len > 0)
    g_ptr_array_add (r->problems, g_strdup_printf ("%s: %s", r->path->str, message));
  else
    g_ptr_array_add (r->problems, g_steal_pointer (&message));
}

gsize
wm_reader_push_key (Reader     *r,
                    const char *key)
{
  gsize mark = r->path->len;

  if (mark > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, key);

  return mark;
}

gsize
wm_reader_push_index (Reader *r,
                      guint   index)
{
  gsize mark = r->path->len;
  char digits[16];
  guint n = 0;

  /* Not printf: this runs for every element of a map. */
  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);
  g_string_append_c (r->path, '[');
  while (n > 0)
    g_string_append_c (r->path, digits[--n]);
  g_string_append_c (r->path, ']');

  return mark;
}

void
wm_reader_pop (Reader *r,
               gsize   mark)
{
  g_string_truncate (r->path, mark);
}

#define SHOWN_CHARS 40

/* @s as it appears in a message: valid text, quoted, cut short if long. */
char *
wm_format_shown (const char *s)
{
  const glong max_chars = SHOWN_CHARS;
  g_autofree char *valid = g_utf8_make_valid (s, -1);

  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_strdup_printf ("\"%s\"", valid);

  return g_strdup_printf ("\"%.*s…\"",
                          (int) (g_utf8_offset_to_pointer (valid, max_chars) - valid), valid);
}

gsize
wm_reader_push_cell (Reader     *r,
                     const char *stage_id)
{
  gsize mark = r->path->len;
  g_autofree char *id = NULL;

  /* A stage's id is known valid text: a short one is shown as it is. This
   * runs for every cell of a map. */
  if (strlen (stage_id) <= SHOWN_CHARS)
    {
      g_string_append (r->path, "[\"");
      g_string_append (r->path, stage_id);
      g_string_append (r->path, "\"]");
      return mark;
    }

  id = wm_format_shown (stage_id);
  g_string_append_printf (r->path, "[%s]", id);

  return mark;
}


/* ------------------------------------------------------------------------ */
/* The bytes, before json-glib sees them                                    */

/* "line 3, column 7": where @offset of @text is, counting characters. */
static char *
describe_offset (const char *text,
                 gsize       offset)
{
  guint line = 1;
  gsize line_start = 0;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }

  return g_strdup_printf ("line %u, column %ld", line,
                          g_utf8_strlen (text + line_start, offset - line_start) + 1);
}

char *
wm_format_too_large_message (guint64 size)
{
  return g_strdup_printf ("the file is %" G_GUINT64_FORMAT " bytes, more than the %d (%d MiB) a map may take",
                          size, MAX_FILE_SIZE, MAX_FILE_SIZE / (1024 * 1024));
}

static gboolean
is_word (const char *text,
         gsize       length,
         const char *word)
{
  return length == strlen (word) && memcmp (text, word, length) == 0;
}

/* Where the string whose text begins at @start ends: its closing quote, or
 * @length if unterminated (json-glib's to report). */
static gsize
string_end (const char *text,
            gsize       length,
            gsize       start)
{
  gsize i = start;

  for (;;)
    {
      const char *quote = memchr (text + i, '"', length - i);
      gsize end, backslashes = 0;

      if (quote == NULL)
        return length;

      /* Escaped by an odd run of backslashes, it does not end the string. */
      end = quote - text;
      while (end - backslashes > start && text[end - backslashes - 1] == '\\')
        backslashes++;
      if (backslashes % 2 == 0)
        return end;
      i = end + 1;
    }
}

/* Whether @text is UTF-8, reporting where it is not. json-glib checks
 * that too before it parses, so this runs only once something went wrong,
 * to tell a file that is not UTF-8 from one that is not JSON. */
gboolean
wm_format_check_encoding (Reader     *r,
                          const char *text,
                          gsize       length)
{
  const char *end;
  g_autofree char *where = NULL;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  where = describe_offset (text, end - text);
  wm_reader_problem (r, WM_FORMAT_ERROR_ENCODING,
                     "%s: not valid UTF-8 text; save the file as UTF-8", where);
  return FALSE;
}

/* Counts the nesting depth and the values of JSON @text without parsing
 * it, and lets through only characters JSON allows outside strings, so
 * that every bracket counted here is one json-glib will nest on. */
static gboolean
prescan (Reader     *r,
         const char *text,
         gsize       length)
{
  guint depth = 0;
  gsize values = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];
      g_autofree char *where = NULL;

      switch (c)
        {
        case '"':
          i = string_end (text, length, i + 1);
          continue;

        case '[':
        case '{':
          if (++depth <= MAX_DEPTH)
            break;
          if (!wm_format_check_encoding (r, text, length))
            return FALSE;
          where = describe_offset (text, i);
          wm_reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                             "%s: nested deeper than %d levels", where, MAX_DEPTH);
          return FALSE;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          continue;

        case ',':
          break;

        case ' ': case '\t': case '\n': case '\r': case ':':
          continue;

        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            gsize start = i, digits = 0;
            gboolean whole = TRUE;

            for (; i < length && text[i] != '\0' && strchr ("0123456789+-.eE", text[i]) != NULL; i++)
              {
                if (g_ascii_isdigit (text[i]))
                  digits++;
                else if (text[i] != '-')
                  whole = FALSE;
              }
            i--;
            if (whole && digits > MAX_NUMBER_DIGITS)
              {
                if (!wm_format_check_encoding (r, text, length))
                  return FALSE;
                where = describe_offset (text, start);
                wm_reader_problem (r, WM_FORMAT_ERROR_INVALID,
                                   "%s: the number %.*s%s is too long; a whole number has at most %d digits",
                                   where, (int) MIN (i + 1 - start, 24), text + start,
                                   i + 1 - start > 24 ? "…" : "", MAX_NUMBER_DIGITS);
                return FALSE;
              }
            continue;
          }

        default:
          /* Text that is not UTF-8 is first of all that. */
          if ((guchar) c >= 0x80 && !wm_format_check_encoding (r, text, length))
            return FALSE;
          if (g_ascii_islower (c))
            {
              /* Only these words: json-glib would also take 0x1f or nan. */
              gsize start = i;

              while (i + 1 < length && g_ascii_isalnum (text[i + 1]))
                i++;
              if (is_word (text + start, i + 1 - start, "true") ||
                  is_word (text + start, i + 1 - start, "false") ||
                  is_word (text + start, i + 1 - start, "null"))
                continue;
              if (!wm_format_check_encoding (r, text, length))
                return FALSE;
              where = describe_offset (text, start);
              wm_reader_problem (r, WM_FORMAT_ERROR_SYNTAX,
                                 "%s: unexpected word “%.*s”; this is not valid JSON",
                                 where, (int) MIN (i + 1 - start, 24), text + start);
              return FALSE;
            }
          where = describe_offset (text, i);
          {
            gunichar u = g_utf8_get_char (text + i);
            char character[8] = { 0 };

            if (g_unichar_isgraph (u))
              g_unichar_to_utf8 (u, character);
            else
              g_snprintf (character, sizeof character, "U+%04X", u);
            wm_reader_problem (r, WM_FORMAT_ERROR_SYNTAX,
                               "%s: unexpected character %s; this is not valid JSON",
                               where, character);
          }
          return FALSE;
        }

      if (++values > MAX_VALUES)
        {
          if (!wm_format_check_encoding (r, text, length))
            return FALSE;
          where = describe_offset (text, i);
          wm_reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                             "%s: more than %d values in the file", where, MAX_VALUES);
          return FALSE;
        }
    }

  return TRUE;
}

/* Checks that @bytes are text that json-glib can parse safely, and
 * returns that text (without a byte-order mark) in @text and @length. */
gboolean
wm_format_check_text (Reader      *r,
                      GBytes      *bytes,
                      const char **text,
                      gsize       *length)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > MAX_FILE_SIZE)
    {
      g_autofree char *message = wm_format_too_large_message (size);

      wm_reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE, "%s", message);
      return FALSE;
    }

  /* UTF-16 (and UTF-32): a byte-order mark, or ASCII with zero bytes. */
  if (size >= 2 &&
      ((guchar) data[0] == 0xfe || (guchar) data[0] == 0xff || data[0] == '\0' || data[1] == '\0'))
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_ENCODING,
                         "the file is UTF-16 text; save it as UTF-8");
      return FALSE;
    }

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (size == 0)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_SYNTAX, "the file is empty");
      return FALSE;
    }

  /* Whether it is UTF-8 is left to json-glib, which checks it anyway, and
   * told apart once something goes wrong (wm_format_check_encoding()). */
  if (!prescan (r, data, size))
    return FALSE;

  *text = data;
  *length = size;

  return TRUE;
}

/* json-glib says "<data>:3:7: Parse error: unexpected …"; say it our way. */
void
wm_reader_syntax_problem (Reader *r,
                          GError *error)
{
  guint line, column;
  int consumed = 0;

  if (sscanf (error->message, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    wm_reader_problem (r, WM_FORMAT_ERROR_SYNTAX, "line %u, column %u: %s; this is not valid JSON",
                       line, column, error->message + consumed);
  else
    wm_reader_problem (r, WM_FORMAT_ERROR_SYNTAX, "not valid JSON: %s", error->message);
}


/* ------------------------------------------------------------------------ */
/* Values that must look a certain way                                      */

static gboolean
is_color (const char *s)
{
  if (strlen (s) != 7 || s[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;

  return TRUE;
}

static guint
digits_value (const char *s,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');

  return value;
}

static gboolean
is_date (const char *s)
{
  static const char pattern[] = "dddd-dd-dd";

  if (strlen (s) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != pattern[i])
      return FALSE;

  return g_date_valid_dmy (digits_value (s + 8, 2), digits_value (s + 5, 2), digits_value (s, 4));
}

static gboolean
is_date_time (const char *s)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date_time = g_date_time_new_from_iso8601 (s, utc);

  return date_time != NULL;
}

static gboolean
is_png (const guint8 *data,
        gsize         size)
{
  return size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0;
}

static gboolean
is_jpeg (const guint8 *data,
         gsize         size)
{
  return size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff;
}

static gboolean
is_svg (const guint8 *data,
        gsize         size)
{
  const char *text = (const char *) data;
  gsize head = MIN (size, 4096);
  gsize i = 0;

  if (head >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < head && g_ascii_isspace (text[i]))
    i++;

  return i < head && text[i] == '<' && g_strstr_len (text, head, "<svg") != NULL;
}

gboolean
wm_format_is_base64 (const char *s,
                     gsize       length)
{
  if (length % 4 != 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isalnum (s[i]) || s[i] == '+' || s[i] == '/')
        continue;
      /* Padding: one or two '=' at the very end. */
      if (s[i] == '=' && i + 2 >= length && (i + 1 == length || s[i + 1] == '='))
        continue;
      return FALSE;
    }

  return TRUE;
}


/* Checks that the string @s has the form @pspec asks for: a colour, a
 * date, a date and time, a picture type. */
gboolean
wm_format_check_string (Reader     *r,
                        GParamSpec *pspec,
                        const char *s)
{
  const char *expected = NULL;

  if (*s == '\0')
    return TRUE;

  if ((pspec->flags & WM_PARAM_COLOR) && !is_color (s))
    expected = "a colour like \"#3584e4\"";
  else if ((pspec->flags & WM_PARAM_DATE) && !is_date (s))
    expected = "a date like \"2024-05-31\"";
  else if ((pspec->flags & WM_PARAM_DATE_TIME) && !is_date_time (s))
    expected = "a date and time like \"2026-03-14T09:30:00Z\"";

  if (expected != NULL)
    {
      g_autofree char *quoted = wm_format_shown (s);

      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s is not %s", quoted, expected);
      return FALSE;
    }

  if (pspec->flags & WM_PARAM_PICTURE_TYPE)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (picture_types); i++)
        known |= g_str_equal (s, picture_types[i].mime_type);
      if (!known)
        {
          g_autofree char *quoted = wm_format_shown (s);

          wm_reader_problem (r, WM_FORMAT_ERROR_INVALID,
                             "%s is not one of image/png, image/jpeg, image/svg+xml", quoted);
          return FALSE;
        }
    }

  return TRUE;
}


/* Rules that span properties. */

void
wm_format_check_scale (Reader     *r,
                       WmDocument *document)
{
  int min = wm_document_get_scale_min (document);
  int max = wm_document_get_scale_max (document);
  const char * const *labels = wm_document_get_scale_labels (document);
  gsize mark;

  if (min >= max)
    {
      mark = wm_reader_push_key (r, "scale_max");
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "%d is not above scale_min (%d)", max, min);
      wm_reader_pop (r, mark);
    }
  else if (labels != NULL && g_strv_length ((char **) labels) != (guint) (max - min + 1))
    {
      mark = wm_reader_push_key (r, "scale_labels");
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID,
                         "%u labels for the %d scores of the scale %d..%d; give one label per score",
                         g_strv_length ((char **) labels), max - min + 1, min, max);
      wm_reader_pop (r, mark);
    }
}

void
wm_format_check_emotion_point (Reader         *r,
                               WmEmotionPoint *point)
{
  int min = wm_document_get_scale_min (r->document);
  int max = wm_document_get_scale_max (r->document);
  double score = wm_emotion_point_get_score (point);
  const char *persona = wm_emotion_point_get_persona (point);
  const char *stage = wm_emotion_point_get_stage (point);
  g_autofree char *key = NULL;
  const char *other;

  if (score < min || score > max)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      gsize mark = wm_reader_push_key (r, "score");

      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s is outside the scale %d..%d",
                         g_ascii_formatd (number, sizeof number, "%g", score), min, max);
      wm_reader_pop (r, mark);
    }

  if (*persona == '\0' || *stage == '\0')
    return;

  key = g_strconcat (persona, "\n", stage, NULL);
  other = g_hash_table_lookup (r->points, key);
  if (other != NULL)
    {
      g_autofree char *persona_shown = wm_format_shown (persona);
      g_autofree char *stage_shown = wm_format_shown (stage);

      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID,
                         "the persona %s already has a point at the stage %s, %s; keep one",
                         persona_shown, stage_shown, other);
    }
  else
    g_hash_table_insert (r->points, g_steal_pointer (&key), g_strdup (r->path->str));
}

void
wm_format_check_picture (Reader     *r,
                         ClassInfo  *info,
                         WmElement  *element)
{
  g_autoptr(GBytes) picture = NULL;
  g_autofree char *type = NULL;
  const guint8 *data;
  gsize size, mark;

  if (info->picture == NULL || info->picture_type == NULL)
    return;

  g_object_get (element, info->picture->name, &picture, info->picture_type->name, &type, NULL);
  if (picture == NULL || g_bytes_get_size (picture) == 0)
    return;

  if (wm_format_nonempty (type) == NULL)
    {
      mark = wm_reader_push_key (r, "picture_type");
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID,
                         "missing; a picture needs its type: image/png, image/jpeg or image/svg+xml");
      wm_reader_pop (r, mark);
      return;
    }

  data = g_bytes_get_data (picture, &size);
  for (guint i = 0; i < G_N_ELEMENTS (picture_types); i++)
    {
      if (!g_str_equal (type, picture_types[i].mime_type) || picture_types[i].matches (data, size))
        continue;

      mark = wm_reader_push_key (r, "picture");
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "not %s, as picture_type says", picture_types[i].noun);
      wm_reader_pop (r, mark);
    }
}

