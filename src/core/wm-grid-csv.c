/* wm-grid-csv.c: a map's grid (stages × lanes, the cards in each cell) as
 * a CSV file for spreadsheets, and back.
 *
 * The layout (docs/file-format.md, "The grid as CSV"): the first row has
 * an empty corner, "kind", then the stages' names in order; each other row
 * is a lane: its title, the nick of its kind, then one cell per stage
 * holding the lane's cards there, one a line. A line break inside a card
 * is written as U+2028 LINE SEPARATOR, so that a cell's lines stay its
 * cards; a cell whose last card is empty ends with a line break, so that
 * no card is lost on the way back.
 *
 * Writing goes through libcsv's writer, which quotes every field. Reading
 * goes through the CSV reader the survey import uses (wm-csv.c), which
 * tells the delimiter and the encoding from the file.
 *
 * Importing decides everything before it changes anything, and changes the
 * map in one undoable step: stages and lanes are matched by name (and a
 * lane by its kind), new ones added where the grid has them, and each
 * cell's cards replaced by the grid's lines. A card whose line is there
 * unchanged is kept, with its id, evidence and other fields, wherever the
 * line moved within the cell; a line that changed where a card was keeps
 * that card with the new text. So a grid exported and imported back
 * unchanged changes nothing at all.
 */
#include "wm-grid-csv.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-card.h"
#include "wm-csv.h"
#include "wm-edit.h"
#include "wm-enum-types.h"
#include "wm-labels.h"

G_DEFINE_QUARK (wm-grid-csv-error-quark, wm_grid_csv_error)

G_STATIC_ASSERT ((int) WM_GRID_CSV_ERROR_ENCODING == (int) WM_CSV_ERROR_ENCODING);
G_STATIC_ASSERT ((int) WM_GRID_CSV_ERROR_SYNTAX == (int) WM_CSV_ERROR_SYNTAX);
G_STATIC_ASSERT ((int) WM_GRID_CSV_ERROR_TOO_LARGE == (int) WM_CSV_ERROR_TOO_LARGE);
G_STATIC_ASSERT (WM_GRID_CSV_MAX_CELL <= WM_CSV_MAX_FIELD);

/* The file format's limits (docs/file-format.md), which an import must
 * not take a map beyond. */
#define MAX_STAGES 500
#define MAX_LANES 500
#define MAX_CARDS 100000
#define MAX_TEXT 65536

/* The header of the column of lanes' kinds; never translated, since it is
 * how an import tells the column. */
#define KIND_HEADER "kind"
/* What a line break inside a card becomes in its cell. */
#define LINE_SEPARATOR "\xe2\x80\xa8"

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

static const char *
kind_nick (WmLaneKind kind)
{
  GEnumClass *klass = g_type_class_ref (WM_TYPE_LANE_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  g_type_class_unref (klass);
  return value != NULL ? value->value_nick : "";
}

/* What a lane is called in the grid: its title, or the name of its kind. */
static const char *
lane_title (WmLane *lane)
{
  const char *title = wm_lane_get_title (lane);

  return *title != '\0' ? title : wm_labels_lane_kind (wm_lane_get_kind (lane));
}

/* Stripped, in any case, in any Unicode form. */
static char *
fold (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

/* The kind a cell names, by nick or by name in the user's language, or -1. */
static int
parse_kind (const char *text)
{
  g_autofree char *folded = fold (text);
  GEnumClass *klass = g_type_class_ref (WM_TYPE_LANE_KIND);
  int kind = -1;

  for (guint i = 0; i < klass->n_values && kind < 0; i++)
    {
      g_autofree char *label = fold (wm_labels_lane_kind (klass->values[i].value));

      if (g_str_equal (folded, klass->values[i].value_nick) || g_str_equal (folded, label))
        kind = klass->values[i].value;
    }

  g_type_class_unref (klass);
  return kind;
}

static char *
kind_list (void)
{
  GEnumClass *klass = g_type_class_ref (WM_TYPE_LANE_KIND);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, klass->values[i].value_nick);
    }

  g_type_class_unref (klass);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * wm_grid_csv_stage_key:
 *
 * A #WmGridKeyFunc: a stage's name.
 */
char *
wm_grid_csv_stage_key (gpointer stage,
                       gpointer user_data)
{
  return g_strdup (wm_stage_get_name (stage));
}

static char *
lane_key (gpointer lane,
          gpointer user_data)
{
  gboolean with_kind = GPOINTER_TO_INT (user_data);

  if (!with_kind)
    return g_strdup (lane_title (lane));
  return g_strconcat (kind_nick (wm_lane_get_kind (lane)), "\x1f", lane_title (lane), NULL);
}

/**
 * wm_grid_csv_match:
 * @list: a map's stages, lanes or personas
 * @key_func: what an element of @list is matched by
 * @keys: (array length=n_keys): what to match, in order
 *
 * Finds the element of @list each of @keys names: the first one with that
 * key as it is, else the first with that key in any case and without
 * spaces around. An element is matched once: a key given twice names the
 * first element with that key, then the second.
 *
 * Returns: (transfer container) (element-type WmElement): for each key,
 *   its element (owned by @list), or %NULL where @list has none
 */
GPtrArray *
wm_grid_csv_match (GListModel         *list,
                   WmGridKeyFunc       key_func,
                   gpointer            user_data,
                   const char * const *keys,
                   guint               n_keys)
{
  guint n = g_list_model_get_n_items (list);
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GPtrArray) element_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) folded_keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n, 1));

  g_ptr_array_set_size (found, n_keys);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (element_keys, key_func (wm_document_peek (list, i), user_data));

  /* As written first, so that "Use" and "use" each find their own. */
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        for (guint i = 0; i < n; i++)
          g_ptr_array_add (folded_keys, fold (g_ptr_array_index (element_keys, i)));

      for (guint k = 0; k < n_keys; k++)
        {
          g_autofree char *folded = NULL;

          if (g_ptr_array_index (found, k) != NULL)
            continue;
          if (pass == 1)
            folded = fold (keys[k]);
          for (guint i = 0; i < n; i++)
            {
              GPtrArray *candidates = pass == 0 ? element_keys : folded_keys;

              if (used[i] || !g_str_equal (g_ptr_array_index (candidates, i), pass == 0 ? keys[k] : folded))
                continue;
              used[i] = TRUE;
              g_ptr_array_index (found, k) = wm_document_peek (list, i);
              break;
            }
        }
    }

  return found;
}

static guint
position_of (GListModel *list,
             gpointer    element)
{
  guint position = 0;

  wm_document_find (list, wm_element_get_id (element), &position);
  return position;
}

/**
 * wm_grid_csv_add_stages:
 * @stages: (element-type WmStage): what wm_grid_csv_match() found for
 *   @names among @document's stages; its %NULLs are filled
 * @names: the names matched
 * @changes: (element-type utf8) (nullable): where to tell the stages added
 *
 * Adds a stage for each of @names that @document lacks, right after the
 * stage of the name before it (first when it is the first), through the
 * document's history.
 */
void
wm_grid_csv_add_stages (WmDocument         *document,
                        GPtrArray          *stages,
                        const char * const *names,
                        GPtrArray          *changes)
{
  GListModel *list = wm_document_get_stages (document);
  guint next = 0;

  for (guint i = 0; i < stages->len; i++)
    {
      g_autofree char *name = NULL;

      if (g_ptr_array_index (stages, i) != NULL)
        {
          next = position_of (list, g_ptr_array_index (stages, i)) + 1;
          continue;
        }

      name = g_strstrip (g_strdup (names[i]));
      g_ptr_array_index (stages, i) = wm_edit_add_stage (document, next++, name);
      if (changes != NULL)
        /* TRANSLATORS: what an import changed in a map; %s is the stage's name */
        g_ptr_array_add (changes, g_strdup_printf (_("stage added: %s"), name));
    }
}

/* ------------------------------------------------------------------------ */
/* Export                                                                   */

/* Appends @text as a quoted CSV field, by libcsv's writer. */
static void
append_field (GString    *out,
              const char *text,
              gsize       len)
{
  gsize needed = csv_write (NULL, 0, text, len);
  gsize at = out->len;

  g_string_set_size (out, at + needed);
  csv_write (out->str + at, needed, text, len);
}

static void
append_row_end (GString *out)
{
  /* RFC 4180's line end; line breaks inside cells stay "\n", as spreadsheets write them. */
  g_string_append (out, "\r\n");
}

/* Appends the cell of @lane at @stage to @cell: its cards, one a line. */
static void
write_cell (GString *cell,
            WmLane  *lane,
            WmStage *stage)
{
  GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));
  guint n = g_list_model_get_n_items (cards);
  const char *text = "";

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) lines = NULL;

      text = wm_card_get_text (wm_document_peek (cards, i));
      if (i > 0)
        g_string_append_c (cell, '\n');
      lines = g_strsplit (text, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l > 0)
            g_string_append (cell, LINE_SEPARATOR);
          g_string_append (cell, lines[l]);
        }
    }

  /* An empty last card would otherwise read back as no card. */
  if (n > 0 && *text == '\0')
    g_string_append_c (cell, '\n');
}

/**
 * wm_grid_csv_export:
 *
 * Writes @document's grid as CSV (UTF-8 with a byte-order mark, which
 * spreadsheets need to read it as UTF-8; commas; every field quoted).
 *
 * Returns: (transfer full): the CSV, or %NULL with @error set
 *   (%WM_GRID_CSV_ERROR_TOO_LARGE) when a cell is over
 *   %WM_GRID_CSV_MAX_CELL bytes, which no import would take back
 */
GBytes *
wm_grid_csv_export (WmDocument  *document,
                    GError     **error)
{
  GListModel *stages, *lanes;
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GString) cell = g_string_new (NULL);

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  stages = wm_document_get_stages (document);
  lanes = wm_document_get_lanes (document);

  append_field (out, "", 0);
  g_string_append_c (out, ',');
  append_field (out, KIND_HEADER, strlen (KIND_HEADER));
  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      const char *name = wm_stage_get_name (wm_document_peek (stages, s));

      g_string_append_c (out, ',');
      append_field (out, name, strlen (name));
    }
  append_row_end (out);

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      WmLane *lane = wm_document_peek (lanes, l);
      const char *title = lane_title (lane);
      const char *nick = kind_nick (wm_lane_get_kind (lane));

      append_field (out, title, strlen (title));
      g_string_append_c (out, ',');
      append_field (out, nick, strlen (nick));
      for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
        {
          WmStage *stage = wm_document_peek (stages, s);

          g_string_truncate (cell, 0);
          if (wm_lane_has_cells (lane))
            write_cell (cell, lane, stage);
          if (cell->len > WM_GRID_CSV_MAX_CELL)
            {
              g_set_error (error, WM_GRID_CSV_ERROR, WM_GRID_CSV_ERROR_TOO_LARGE,
                           /* TRANSLATORS: a cell of the map (a lane's title, a stage's name) too large for a CSV grid */
                           _("%s, %s: the cards of this cell are over the %u bytes a grid cell can hold"),
                           title, wm_stage_get_name (stage), (guint) WM_GRID_CSV_MAX_CELL);
              return NULL;
            }
          g_string_append_c (out, ',');
          append_field (out, cell->str, cell->len);
        }
      append_row_end (out);
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

typedef struct
{
  guint number;       /* the CSV record, from 1 */
  char *title;
  int kind;           /* a WmLaneKind, or -1 when the grid has no kind column */
  GPtrArray *cells;   /* of GStrv, the cards' texts, one per stage column; NULL for no card */
} Row;

struct _WmGridCsv
{
  GObject parent_instance;

  gboolean has_kind;
  GPtrArray *stage_names;   /* of char *, one per stage column */
  GPtrArray *rows;          /* of Row *, one per lane */
};

G_DEFINE_FINAL_TYPE (WmGridCsv, wm_grid_csv, G_TYPE_OBJECT)

static void
row_free (Row *row)
{
  g_free (row->title);
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
wm_grid_csv_finalize (GObject *object)
{
  WmGridCsv *self = WM_GRID_CSV (object);

  g_clear_pointer (&self->stage_names, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_grid_csv_parent_class)->finalize (object);
}

static void
wm_grid_csv_class_init (WmGridCsvClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_grid_csv_finalize;
}

static void
wm_grid_csv_init (WmGridCsv *self)
{
  self->stage_names = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

typedef struct
{
  WmGridCsv *grid;
  gsize bytes;        /* of the fields read */
  guint cards;
} Reading;

/* The first column of stages. */
static guint
first_stage_column (WmGridCsv *self)
{
  return self->has_kind ? 2 : 1;
}

static gboolean
read_header (Reading     *reading,
             WmCsvReader *r)
{
  WmGridCsv *grid = reading->grid;
  g_autofree char *second = NULL;

  if (!is_blank (wm_csv_reader_field (r, 0)))
    {
      wm_csv_reader_fail_at (r, 1, WM_GRID_CSV_ERROR_LAYOUT,
                             /* TRANSLATORS: do not translate “kind” */
                             _("the top left cell is not empty: the first row of a grid is an empty cell, "
                               "“kind”, then the names of the stages"));
      return FALSE;
    }

  second = fold (wm_csv_reader_field (r, 1));
  grid->has_kind = g_str_equal (second, KIND_HEADER);
  for (guint column = first_stage_column (grid); column < r->n_fields; column++)
    g_ptr_array_add (grid->stage_names, g_strdup (wm_csv_reader_field (r, column)));

  return TRUE;
}

/* A cell's cards: one a line; a line break at the very end ends the last
 * card rather than starting an empty one; U+2028 is a line break within
 * a card. NULL for an empty cell. */
static GStrv
split_cell (WmCsvReader *r,
            guint        column,
            Reading     *reading)
{
  const char *cell = wm_csv_reader_field (r, column);
  g_auto(GStrv) lines = NULL;
  guint n;

  if (*cell == '\0')
    return NULL;

  lines = g_strsplit (cell, "\n", -1);
  n = g_strv_length (lines);
  if (n > 1 && *lines[n - 1] == '\0')
    g_clear_pointer (&lines[--n], g_free);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = NULL;
      gsize len = strlen (lines[i]);

      /* Spreadsheets on Windows may end lines with CR LF. */
      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][--len] = '\0';
      if (len > MAX_TEXT)
        {
          wm_csv_reader_fail_at (r, column + 1, WM_GRID_CSV_ERROR_TOO_LARGE,
                                 /* TRANSLATORS: %u counts the lines of a cell from 1, then the limit of a card */
                                 _("line %u is longer than the %u bytes a card can hold"), i + 1, (guint) MAX_TEXT);
          return NULL;
        }
      parts = g_strsplit (lines[i], LINE_SEPARATOR, -1);
      g_free (lines[i]);
      lines[i] = g_strjoinv ("\n", parts);
    }

  reading->cards += n;
  if (reading->cards > MAX_CARDS)
    {
      wm_csv_reader_fail_at (r, column + 1, WM_GRID_CSV_ERROR_TOO_LARGE,
                             /* TRANSLATORS: the most cards a map may have */
                             _("more than %u cards"), (guint) MAX_CARDS);
      return NULL;
    }

  return g_steal_pointer (&lines);
}

static gboolean
read_row (WmCsvReader *r,
          gpointer     user_data)
{
  Reading *reading = user_data;
  WmGridCsv *grid = reading->grid;
  guint first = first_stage_column (grid);
  Row *row;
  gboolean blank = TRUE;

  for (guint column = 0; column < r->n_fields; column++)
    {
      reading->bytes += wm_csv_reader_field_len (r, column);
      blank = blank && is_blank (wm_csv_reader_field (r, column));
    }
  if (reading->bytes > WM_GRID_CSV_MAX_BYTES)
    {
      wm_csv_reader_fail_at (r, 0, WM_GRID_CSV_ERROR_TOO_LARGE,
                             /* TRANSLATORS: the limit of a grid file, in bytes */
                             _("the grid is larger than %u bytes"), (guint) WM_GRID_CSV_MAX_BYTES);
      return FALSE;
    }

  if (r->row == 1)
    return read_header (reading, r);
  /* Spreadsheets end some exports with rows of empty cells. */
  if (blank)
    return TRUE;

  if (grid->rows->len >= MAX_LANES)
    {
      /* TRANSLATORS: the most lanes a map may have */
      wm_csv_reader_fail_at (r, 0, WM_GRID_CSV_ERROR_TOO_LARGE, _("more than %u lanes"), (guint) MAX_LANES);
      return FALSE;
    }
  if (is_blank (wm_csv_reader_field (r, 0)))
    {
      wm_csv_reader_fail_at (r, 1, WM_GRID_CSV_ERROR_LAYOUT,
                             _("a row with cards needs the title of its lane in its first cell"));
      return FALSE;
    }

  row = g_new0 (Row, 1);
  row->number = r->row;
  row->title = g_strdup (wm_csv_reader_field (r, 0));
  row->kind = -1;
  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (grid->rows, row);

  if (grid->has_kind)
    {
      const char *kind = wm_csv_reader_field (r, 1);

      row->kind = parse_kind (kind);
      if (row->kind < 0)
        {
          g_autofree char *kinds = kind_list ();

          if (is_blank (kind))
            /* TRANSLATORS: %s lists the kinds of lanes, which are typed as they are */
            wm_csv_reader_fail_at (r, 2, WM_GRID_CSV_ERROR_LAYOUT, _("no kind of lane; write one of %s"), kinds);
          else
            /* TRANSLATORS: a kind of lane the grid names, then the kinds there are */
            wm_csv_reader_fail_at (r, 2, WM_GRID_CSV_ERROR_LAYOUT, _("“%s” is not a kind of lane; write one of %s"),
                                   kind, kinds);
          return FALSE;
        }
    }

  for (guint column = first; column < MAX (r->n_fields, first + grid->stage_names->len); column++)
    {
      if (column >= first + grid->stage_names->len)
        {
          if (is_blank (wm_csv_reader_field (r, column)))
            continue;
          wm_csv_reader_fail_at (r, column + 1, WM_GRID_CSV_ERROR_LAYOUT,
                                 _("a cell beyond the last stage: the first row names no stage for this column"));
          return FALSE;
        }
      /* A row shorter than the first: its last cells are empty. */
      g_ptr_array_add (row->cells, split_cell (r, column, reading));
      if (r->error != NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * wm_grid_csv_read_file:
 *
 * Reads a grid as wm_grid_csv_export() writes it, or as a spreadsheet
 * saves it after (any delimiter of comma, semicolon and tab; UTF-8, UTF-16
 * with a byte-order mark, or Windows-1252). Nothing is matched to a map
 * yet: that is wm_grid_csv_apply().
 *
 * Returns: (transfer full): the grid, or %NULL with @error set, its
 *   message naming the row and column where the file is not a grid
 */
WmGridCsv *
wm_grid_csv_read_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(WmGridCsv) grid = g_object_new (WM_TYPE_GRID_CSV, NULL);
  Reading reading = { grid, 0, 0 };
  WmCsvReader r;
  char delimiter = '\0';
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  wm_csv_reader_init (&r, WM_GRID_CSV_ERROR, read_row, &reading);
  r.max_field = WM_GRID_CSV_MAX_CELL;
  ok = wm_csv_reader_read_file (&r, file, &delimiter, cancellable, error);
  wm_csv_reader_clear (&r);
  if (!ok)
    return NULL;

  if (grid->stage_names->len == 0 && grid->rows->len == 0)
    {
      g_set_error (error, WM_GRID_CSV_ERROR, WM_GRID_CSV_ERROR_LAYOUT,
                   _("the file holds no grid: no stage and no lane"));
      return NULL;
    }

  return g_steal_pointer (&grid);
}

/**
 * wm_grid_csv_get_n_stages:
 *
 * Returns: the columns of stages in the grid
 */
guint
wm_grid_csv_get_n_stages (WmGridCsv *self)
{
  g_return_val_if_fail (WM_IS_GRID_CSV (self), 0);

  return self->stage_names->len;
}

/**
 * wm_grid_csv_get_n_lanes:
 *
 * Returns: the rows of lanes in the grid
 */
guint
wm_grid_csv_get_n_lanes (WmGridCsv *self)
{
  g_return_val_if_fail (WM_IS_GRID_CSV (self), 0);

  return self->rows->len;
}

/* ------------------------------------------------------------------------ */
/* Applying                                                                 */

static GStrv
cell_at (Row   *row,
         guint  column)
{
  return column < row->cells->len ? g_ptr_array_index (row->cells, column) : NULL;
}

static gboolean fail (GError **error, guint row, guint column, int code, const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Sets @error at a place in the grid, as the reader does, or for the
 * whole grid when @row is 0. */
static gboolean
fail (GError    **error,
      guint       row,
      guint       column,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  if (row == 0)
    g_set_error_literal (error, WM_GRID_CSV_ERROR, code, problem);
  else
    g_set_error (error, WM_GRID_CSV_ERROR, code, _("row %u, column %u: %s"), row, column, problem);

  return FALSE;
}

/* The kind of a new lane of a grid without kinds: the one its title names. */
static WmLaneKind
guess_kind (const char *title)
{
  int kind = parse_kind (title);

  return kind >= 0 ? (WmLaneKind) kind : WM_LANE_KIND_ACTIONS;
}

/* Makes the cards of @lane at @stage those of @texts, keeping the cards
 * whose text is there (see the top of the file). */
static void
update_cell (WmDocument *document,
             WmLane     *lane,
             WmStage    *stage,
             GStrv       texts,
             GPtrArray  *changes)
{
  WmHistory *history = wm_document_get_history (document);
  GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));
  guint n_old = g_list_model_get_n_items (cards);
  guint n_new = texts != NULL ? g_strv_length (texts) : 0;
  g_autofree WmCard **target = g_new0 (WmCard *, MAX (n_new, 1));
  g_autofree int *old_of = g_new (int, MAX (n_new, 1));
  g_autofree gboolean *kept = g_new0 (gboolean, MAX (n_old, 1));
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_queue_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint added = 0, changed = 0, removed = 0, moved = 0;

  for (guint i = 0; i < n_old; i++)
    {
      const char *text = wm_card_get_text (wm_document_peek (cards, i));
      GQueue *queue = g_hash_table_lookup (by_text, text);

      if (queue == NULL)
        g_hash_table_insert (by_text, (char *) text, queue = g_queue_new ());
      g_queue_push_tail (queue, GUINT_TO_POINTER (i));
    }

  /* The cards whose text is there, wherever it is. */
  for (guint j = 0; j < n_new; j++)
    {
      GQueue *queue = g_hash_table_lookup (by_text, texts[j]);

      old_of[j] = -1;
      if (queue != NULL && !g_queue_is_empty (queue))
        {
          old_of[j] = GPOINTER_TO_INT (g_queue_pop_head (queue));
          kept[old_of[j]] = TRUE;
          target[j] = wm_document_peek (cards, old_of[j]);
        }
    }

  /* A new line where a card was, after the same card as before: that
   * card, edited. */
  for (guint j = 0; j < n_new; j++)
    {
      int candidate;

      if (target[j] != NULL)
        continue;
      candidate = j == 0 ? 0 : (old_of[j - 1] >= 0 ? old_of[j - 1] + 1 : -1);
      if (candidate < 0 || (guint) candidate >= n_old || kept[candidate])
        continue;
      old_of[j] = candidate;
      kept[candidate] = TRUE;
      target[j] = wm_document_peek (cards, candidate);
      wm_history_set (history, target[j], "text", texts[j], NULL);
      changed++;
    }

  for (guint i = n_old; i-- > 0;)
    if (!kept[i])
      {
        wm_history_remove (history, cards, i);
        removed++;
      }

  /* What is left is in the old order; put it in the new one. */
  for (guint j = 0; j < n_new; j++)
    {
      guint from = j;

      if (target[j] == NULL)
        {
          wm_edit_add_card (document, lane, stage, j, texts[j]);
          added++;
          continue;
        }
      while (wm_document_peek (cards, from) != target[j])
        from++;
      if (from != j)
        {
          wm_history_move (history, cards, from, j);
          moved++;
        }
    }

  if (changes == NULL)
    return;
  if (added > 0)
    /* TRANSLATORS: what an import changed in a cell of a map: "2 cards added, 1 changed, 1 removed, 1 moved" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card added", "%u cards added", added),
                                             added));
  if (changed > 0)
    /* TRANSLATORS: cards of a cell, as in "2 cards added, 1 changed, 1 removed, 1 moved" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", changed),
                                             changed));
  if (removed > 0)
    /* TRANSLATORS: cards of a cell, as in "2 cards added, 1 changed, 1 removed, 1 moved" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", removed),
                                             removed));
  if (moved > 0)
    /* TRANSLATORS: cards of a cell, as in "2 cards added, 1 changed, 1 removed, 1 moved" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moved", "%u moved", moved), moved));
  if (parts->len > 0)
    {
      g_autofree char *summary = NULL;

      g_ptr_array_add (parts, NULL);
      summary = g_strjoinv (", ", (char **) parts->pdata);
      /* TRANSLATORS: a lane's title, a stage's name, then what an import changed in that cell */
      g_ptr_array_add (changes, g_strdup_printf (_("%s, %s: %s"), lane_title (lane), wm_stage_get_name (stage), summary));
    }
}

/**
 * wm_grid_csv_count_cards:
 *
 * Returns: how many cards @document holds in all its cells
 */
guint
wm_grid_csv_count_cards (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  guint n = 0;

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      n += g_list_model_get_n_items (wm_lane_get_cards (wm_document_peek (lanes, l),
                                                        wm_element_get_id (wm_document_peek (stages, s))));

  return n;
}

/* The grid's plan for a map: what each column and row stands for. */
typedef struct
{
  GPtrArray *columns;       /* of guint: the grid's stage columns that count */
  GPtrArray *stages;        /* of WmStage, or NULL for a new one, by counted column */
  GPtrArray *lanes;         /* of WmLane, or NULL for a new one, by row */
  GPtrArray *column_names;  /* of const char *, by counted column */
  GPtrArray *lane_keys;     /* of char *, by row */
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->columns, g_ptr_array_unref);
  g_clear_pointer (&plan->stages, g_ptr_array_unref);
  g_clear_pointer (&plan->lanes, g_ptr_array_unref);
  g_clear_pointer (&plan->column_names, g_ptr_array_unref);
  g_clear_pointer (&plan->lane_keys, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

/* The kind of lane @row has, or will have. */
static WmLaneKind
row_kind (Row    *row,
          WmLane *lane)
{
  if (lane != NULL)
    return wm_lane_get_kind (lane);
  return row->kind >= 0 ? (WmLaneKind) row->kind : guess_kind (row->title);
}

/* Decides what each column and row of the grid stands for in @document,
 * and whether the map can take it, without changing anything. */
static gboolean
make_plan (WmGridCsv   *self,
           WmDocument  *document,
           Plan        *plan,
           GError     **error)
{
  guint first = first_stage_column (self);
  guint n_new_stages = 0, n_new_lanes = 0;
  guint64 n_cards = wm_grid_csv_count_cards (document);

  plan->columns = g_ptr_array_new ();
  plan->column_names = g_ptr_array_new ();
  plan->lane_keys = g_ptr_array_new_with_free_func (g_free);

  /* A column with no name and no card is a spreadsheet's leftover. */
  for (guint c = 0; c < self->stage_names->len; c++)
    {
      gboolean empty = is_blank (g_ptr_array_index (self->stage_names, c));

      for (guint r = 0; r < self->rows->len && empty; r++)
        empty = cell_at (g_ptr_array_index (self->rows, r), c) == NULL;
      if (empty)
        continue;
      g_ptr_array_add (plan->columns, GUINT_TO_POINTER (c));
      g_ptr_array_add (plan->column_names, g_ptr_array_index (self->stage_names, c));
    }

  plan->stages = wm_grid_csv_match (wm_document_get_stages (document), wm_grid_csv_stage_key, NULL,
                                    (const char * const *) plan->column_names->pdata, plan->column_names->len);
  for (guint i = 0; i < plan->stages->len; i++)
    {
      if (g_ptr_array_index (plan->stages, i) != NULL)
        continue;
      if (is_blank (g_ptr_array_index (plan->column_names, i)))
        return fail (error, 1, first + GPOINTER_TO_UINT (g_ptr_array_index (plan->columns, i)) + 1,
                     WM_GRID_CSV_ERROR_LAYOUT, _("a column with cards needs the name of its stage in the first row"));
      n_new_stages++;
    }
  if (g_list_model_get_n_items (wm_document_get_stages (document)) + n_new_stages > MAX_STAGES)
    return fail (error, 0, 0, WM_GRID_CSV_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the most stages a map may have */
                 _("the map would have more than %u stages"), (guint) MAX_STAGES);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      if (self->has_kind)
        g_ptr_array_add (plan->lane_keys, g_strconcat (kind_nick (row->kind), "\x1f", row->title, NULL));
      else
        g_ptr_array_add (plan->lane_keys, g_strdup (row->title));
    }
  plan->lanes = wm_grid_csv_match (wm_document_get_lanes (document), lane_key, GINT_TO_POINTER (self->has_kind),
                                   (const char * const *) plan->lane_keys->pdata, plan->lane_keys->len);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      WmLane *lane = g_ptr_array_index (plan->lanes, r);

      n_new_lanes += lane == NULL;
      for (guint i = 0; i < plan->columns->len; i++)
        {
          guint c = GPOINTER_TO_UINT (g_ptr_array_index (plan->columns, i));
          GStrv texts = cell_at (row, c);
          WmStage *stage = g_ptr_array_index (plan->stages, i);

          if (texts != NULL && row_kind (row, lane) == WM_LANE_KIND_EMOTION_CURVE)
            return fail (error, row->number, first + c + 1, WM_GRID_CSV_ERROR_LAYOUT,
                         _("an emotion curve holds no cards: its scores are the personas’ emotion points"));
          if (lane != NULL && stage != NULL)
            n_cards -= g_list_model_get_n_items (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))));
          n_cards += texts != NULL ? g_strv_length (texts) : 0;
        }
    }
  if (g_list_model_get_n_items (wm_document_get_lanes (document)) + n_new_lanes > MAX_LANES)
    return fail (error, 0, 0, WM_GRID_CSV_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the most lanes a map may have */
                 _("the map would have more than %u lanes"), (guint) MAX_LANES);
  if (n_cards > MAX_CARDS)
    return fail (error, 0, 0, WM_GRID_CSV_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the most cards a map may have */
                 _("the map would have more than %u cards"), (guint) MAX_CARDS);

  return TRUE;
}

/* Adds a lane for each row @plan found none for, right after the lane of
 * the row before it. */
static void
add_lanes (WmGridCsv  *self,
           WmDocument *document,
           Plan       *plan,
           GPtrArray  *changes)
{
  GListModel *list = wm_document_get_lanes (document);
  guint next = 0;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      g_autofree char *title = NULL;

      if (g_ptr_array_index (plan->lanes, r) != NULL)
        {
          next = position_of (list, g_ptr_array_index (plan->lanes, r)) + 1;
          continue;
        }

      title = g_strstrip (g_strdup (row->title));
      g_ptr_array_index (plan->lanes, r) = wm_edit_add_lane (document, next++, row_kind (row, NULL), title);
      if (changes != NULL)
        /* TRANSLATORS: what an import changed in a map; %s is the lane's title */
        g_ptr_array_add (changes, g_strdup_printf (_("lane added: %s"), title));
    }
}

/**
 * wm_grid_csv_apply:
 * @document: the map to change
 * @changes: (out) (optional) (transfer full): what changed, one line each:
 *   stages and lanes added, cards added, changed, removed or moved in each
 *   cell; empty when nothing did
 *
 * Makes @document's grid the grid read: stages matched by name and lanes
 * by kind and title (new ones added where the grid has them), and the
 * cards of each cell of the grid replaced by its lines, keeping the cards
 * whose text is unchanged. Stages, lanes and cells the grid does not have
 * are left as they are. One undoable step, and none when nothing changes.
 *
 * Returns: %TRUE, or %FALSE with @error set, and @document unchanged, when
 *   the map cannot take the grid (a limit, cards in an emotion curve)
 */
gboolean
wm_grid_csv_apply (WmGridCsv   *self,
                   WmDocument  *document,
                   GStrv       *changes,
                   GError     **error)
{
  g_auto(Plan) plan = { NULL };
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_free);
  WmHistory *history;

  g_return_val_if_fail (WM_IS_GRID_CSV (self), FALSE);
  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!make_plan (self, document, &plan, error))
    return FALSE;

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Import Grid"));
  wm_grid_csv_add_stages (document, plan.stages, (const char * const *) plan.column_names->pdata, told);
  add_lanes (self, document, &plan, told);
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      WmLane *lane = g_ptr_array_index (plan.lanes, r);

      if (!wm_lane_has_cells (lane))
        continue;
      for (guint i = 0; i < plan.columns->len; i++)
        update_cell (document, lane, g_ptr_array_index (plan.stages, i),
                     cell_at (row, GPOINTER_TO_UINT (g_ptr_array_index (plan.columns, i))), told);
    }
  wm_history_end (history);

  if (changes != NULL)
    {
      g_ptr_array_add (told, NULL);
      *changes = (GStrv) g_ptr_array_steal (told, NULL);
    }

  return TRUE;
}
