/* wm-format.c: reading and writing .waymark files.
 *
 * One generic writer and one generic reader serve every element class. Both
 * walk the GParamSpecs of the class, ordered by the depth of the type that
 * installed them and then by install order (so "id", from WmElement, comes
 * first and the rest follow their declaration), and the WM_PARAM_* flags on
 * each pspec say how its value is written and checked. What a pspec cannot
 * say is spelt out here once for each direction: the collections of the
 * document, the cells of a lane, evidence, unknown members, and the few
 * rules that span properties (the emotion scale, one point per persona and
 * stage, a picture matching its type).
 *
 * Reading trusts nothing. Before json-glib sees a byte, the text is checked
 * for size, encoding and nesting depth (json-glib 1.6 parses recursively and
 * overflows the stack on deep input), and for number literals too long for
 * its 64-bit integers (which it wraps silently). Then every value is checked
 * against its pspec and every reference against the ids read so far.
 *
 * The loader and wm_format_check_bytes() are one code path: the reader
 * records problems as it goes; the loader stops at the first and reports
 * it, the checker goes on to list up to MAX_PROBLEMS of them. A clipboard
 * fragment is a map in miniature and goes through the same writer and
 * reader, under its own "format" and with its "items".
 *
 * The format is documented for other tools in docs/file-format.md and
 * data/waymark.schema.json, including every limit below.
 */
#include "wm-format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "wm-card.h"
#include "wm-enum-types.h"
#include "wm-evidence.h"
#include "wm-param.h"

/* Limits. They keep a hostile file from using unbounded time, memory or
 * stack, and are far above any map a person makes. */
#define MAX_FILE_SIZE       (32 * 1024 * 1024) /* bytes in the file */
#define MAX_DEPTH           64                 /* nested arrays and objects */
#define MAX_VALUES          1000000            /* JSON values in the file */
#define MAX_NUMBER_DIGITS   18                 /* of a whole number (fits 64 bits) */
#define MAX_PERSONAS        100
#define MAX_STAGES          500
#define MAX_LANES           500
#define MAX_EMOTION_POINTS  50000              /* personas × stages */
#define MAX_MOMENTS         10000
#define MAX_CARDS           100000             /* in the whole map */
#define MAX_EVIDENCE        100000             /* in the whole map */
#define MAX_STRING          65536              /* bytes in one text */
#define MAX_ID              128                /* bytes in one id */
#define MAX_LIST            64                 /* strings in one list */
#define MAX_PICTURE         (4 * 1024 * 1024)  /* bytes of one picture, decoded */
#define MAX_PROBLEMS        100                /* listed by wm_format_check_bytes() */

#define EVIDENCE_KEY "evidence"
#define CARDS_KEY "cards"
#define ITEMS_KEY "items"

/* What a file holds: a whole map, or a fragment of one on the clipboard. */
typedef struct
{
  const char *name;   /* its "format" */
  const char *noun;   /* for messages */
} Kind;

static const Kind kind_map = { "waymark", "map" };
static const Kind kind_fragment = { "waymark-fragment", "fragment" };

G_DEFINE_QUARK (wm-format-error-quark, wm_format_error)

/* The document's collections, in file order. */
typedef struct
{
  const char *key;
  const char *noun;
  GType (*get_type) (void);
  GListModel *(*get_list) (WmDocument *document);
  guint limit;
} Collection;

static const Collection collections[] = {
  { "personas", "personas", wm_persona_get_type, wm_document_get_personas, MAX_PERSONAS },
  { "stages", "stages", wm_stage_get_type, wm_document_get_stages, MAX_STAGES },
  { "lanes", "lanes", wm_lane_get_type, wm_document_get_lanes, MAX_LANES },
  { "emotion_points", "emotion points", wm_emotion_point_get_type, wm_document_get_emotion_points, MAX_EMOTION_POINTS },
  { "moments", "moments of truth", wm_moment_get_type, wm_document_get_moments, MAX_MOMENTS },
};

/* What a WM_PARAM_REF_* property may name. */
static const struct
{
  WmParamFlags flag;
  GType (*get_type) (void);
  const char *noun;
} references[] = {
  { WM_PARAM_REF_PERSONA, wm_persona_get_type, "persona" },
  { WM_PARAM_REF_STAGE, wm_stage_get_type, "stage" },
  { WM_PARAM_REF_LANE, wm_lane_get_type, "lane" },
};

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
/* What the format knows about each element class                           */

/* In ClassInfo.known, a key read apart from the properties. */
#define OTHER_KEY G_MAXUINT

typedef struct
{
  GPtrArray *pspecs;          /* in file order, "id" first */
  GPtrArray *keys;            /* the JSON key of each */
  GHashTable *known;          /* every key with a meaning in this class's objects:
                               * → its pspec's index + 1, or OTHER_KEY */
  guint64 required;           /* bit i: pspec i is a reference that must be given */
  GParamSpec *picture;        /* WM_PARAM_PICTURE, if any */
  GParamSpec *picture_type;   /* WM_PARAM_PICTURE_TYPE, if any */
} ClassInfo;

static void
class_info_free (ClassInfo *info)
{
  g_ptr_array_unref (info->pspecs);
  g_ptr_array_unref (info->keys);
  g_hash_table_unref (info->known);
  g_free (info);
}

static int
compare_pspecs (gconstpointer a,
                gconstpointer b)
{
  const GParamSpec *pa = *(const GParamSpec * const *) a;
  const GParamSpec *pb = *(const GParamSpec * const *) b;
  guint depth_a = g_type_depth (pa->owner_type);
  guint depth_b = g_type_depth (pb->owner_type);

  if (depth_a != depth_b)
    return depth_a < depth_b ? -1 : 1;

  return (pa->param_id > pb->param_id) - (pa->param_id < pb->param_id);
}

static GHashTable *
classes_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) class_info_free);
}

static ClassInfo *
class_info (GHashTable *classes,
            GType       type)
{
  ClassInfo *info = g_hash_table_lookup (classes, GSIZE_TO_POINTER (type));
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (info != NULL)
    return info;

  info = g_new0 (ClassInfo, 1);
  info->pspecs = g_ptr_array_new ();
  info->keys = g_ptr_array_new_with_free_func (g_free);
  info->known = g_hash_table_new (g_str_hash, g_str_equal);

  klass = g_type_class_ref (type);
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    g_ptr_array_add (info->pspecs, pspecs[i]);
  g_ptr_array_sort (info->pspecs, compare_pspecs);
  g_assert (info->pspecs->len <= 64); /* for the bit masks */

  for (guint i = 0; i < info->pspecs->len; i++)
    {
      GParamSpec *pspec = info->pspecs->pdata[i];
      char *key = g_strdelimit (g_strdup (pspec->name), "-", '_');

      g_ptr_array_add (info->keys, key);
      g_hash_table_insert (info->known, key, GUINT_TO_POINTER (i + 1));
      if ((pspec->flags & (WM_PARAM_REF_PERSONA | WM_PARAM_REF_STAGE | WM_PARAM_REF_LANE)) &&
          (pspec->flags & WM_PARAM_ALWAYS_SAVE))
        info->required |= G_GUINT64_CONSTANT (1) << i;
      if (pspec->flags & WM_PARAM_PICTURE)
        info->picture = pspec;
      if (pspec->flags & WM_PARAM_PICTURE_TYPE)
        info->picture_type = pspec;
    }

  g_hash_table_insert (info->known, (char *) EVIDENCE_KEY, GUINT_TO_POINTER (OTHER_KEY));
  if (type == WM_TYPE_LANE)
    g_hash_table_insert (info->known, (char *) CARDS_KEY, GUINT_TO_POINTER (OTHER_KEY));
  if (type == WM_TYPE_DOCUMENT)
    {
      g_hash_table_insert (info->known, (char *) "format", GUINT_TO_POINTER (OTHER_KEY));
      g_hash_table_insert (info->known, (char *) "version", GUINT_TO_POINTER (OTHER_KEY));
      for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
        g_hash_table_insert (info->known, (char *) collections[i].key, GUINT_TO_POINTER (OTHER_KEY));
    }

  g_hash_table_insert (classes, GSIZE_TO_POINTER (type), info);

  return info;
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

typedef struct
{
  GHashTable *classes;
  JsonBuilder *builder;
  WmDocument *document;
} Writer;

static void write_element (Writer *w, WmElement *element);

static gboolean
is_default (GParamSpec   *pspec,
            const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strcmp0 (nonempty (g_value_get_string (value)),
                      nonempty (G_PARAM_SPEC_STRING (pspec)->default_value)) == 0;

  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);

      return strv == NULL || strv[0] == NULL;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_BYTES))
    {
      GBytes *bytes = g_value_get_boxed (value);

      return bytes == NULL || g_bytes_get_size (bytes) == 0;
    }

  return g_param_value_defaults (pspec, value);
}

static JsonNode *
value_to_node (GParamSpec   *pspec,
               const GValue *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      json_node_set_string (node, s ? s : "");
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      json_node_init_array (node, array);
      json_array_unref (array);
    }
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);
      gsize size = 0;
      const guint8 *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
      g_autofree char *base64 = g_base64_encode (data, size);

      json_node_set_string (node, base64);
    }
  else if (type == G_TYPE_INT)
    json_node_set_int (node, g_value_get_int (value));
  else if (type == G_TYPE_BOOLEAN)
    json_node_set_boolean (node, g_value_get_boolean (value));
  else if (type == G_TYPE_DOUBLE)
    {
      double d = g_value_get_double (value);

      /* json-glib writes every double with a fraction ("1.0"); whole
       * numbers are written as integers so that a score reads "score" : 1. */
      if (d == floor (d) && fabs (d) < 9007199254740992.0)
        json_node_set_int (node, (gint64) d);
      else
        json_node_set_double (node, d);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      if (enum_value == NULL)
        {
          g_critical ("%s: %d is not a value of %s", pspec->name,
                      g_value_get_enum (value), g_type_name (type));
          json_node_free (node);
          return NULL;
        }
      json_node_set_string (node, enum_value->value_nick);
    }
  else
    {
      g_critical ("%s: the file format cannot hold a %s", pspec->name, g_type_name (type));
      json_node_free (node);
      return NULL;
    }

  return node;
}

static void
write_list (Writer     *w,
            const char *key,
            GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  json_builder_set_member_name (w->builder, key);
  json_builder_begin_array (w->builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (list, i);

      write_element (w, element);
    }
  json_builder_end_array (w->builder);
}

/* A lane's cells, keyed by stage id in stage order; empty cells are left out. */
static void
write_cards (Writer *w,
             WmLane *lane)
{
  GListModel *stages = wm_document_get_stages (w->document);
  guint n_stages = g_list_model_get_n_items (stages);
  gboolean begun = FALSE;

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(WmElement) stage = g_list_model_get_item (stages, i);
      const char *stage_id = wm_element_get_id (stage);
      GListModel *cards = wm_lane_get_cards (lane, stage_id);

      if (g_list_model_get_n_items (cards) == 0)
        continue;

      if (!begun)
        {
          json_builder_set_member_name (w->builder, CARDS_KEY);
          json_builder_begin_object (w->builder);
          begun = TRUE;
        }
      write_list (w, stage_id, cards);
    }

  if (begun)
    json_builder_end_object (w->builder);
}

/* Writes the members of @element into the object being built: its
 * properties, its evidence, its children, then what this build did not know. */
static void
write_members (Writer    *w,
               WmElement *element)
{
  ClassInfo *info = class_info (w->classes, G_OBJECT_TYPE (element));
  GListModel *evidence = wm_element_get_evidence (element);
  JsonObject *unknown = wm_element_get_unknown (element);

  for (guint i = 0; i < info->pspecs->len; i++)
    {
      GParamSpec *pspec = info->pspecs->pdata[i];
      g_auto(GValue) value = G_VALUE_INIT;
      JsonNode *node;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (element), pspec->name, &value);
      if (!(pspec->flags & WM_PARAM_ALWAYS_SAVE) && is_default (pspec, &value))
        continue;

      node = value_to_node (pspec, &value);
      if (node == NULL)
        continue;
      json_builder_set_member_name (w->builder, info->keys->pdata[i]);
      json_builder_add_value (w->builder, node);
    }

  if (g_list_model_get_n_items (evidence) > 0)
    write_list (w, EVIDENCE_KEY, evidence);

  if (WM_IS_DOCUMENT (element))
    {
      for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
        write_list (w, collections[i].key, collections[i].get_list (WM_DOCUMENT (element)));
    }
  else if (WM_IS_LANE (element))
    write_cards (w, WM_LANE (element));

  if (unknown != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, unknown);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          /* Never write a key twice, whatever was put there. */
          if (g_hash_table_contains (info->known, name))
            continue;
          json_builder_set_member_name (w->builder, name);
          json_builder_add_value (w->builder, json_node_copy (node));
        }
    }
}

static void
write_element (Writer    *w,
               WmElement *element)
{
  json_builder_begin_object (w->builder);
  write_members (w, element);
  json_builder_end_object (w->builder);
}

/* The text of @document as a file of @kind; a fragment lists its @items. */
static GBytes *
write_map (WmDocument         *document,
           const Kind         *kind,
           const char * const *items)
{
  g_autoptr(GHashTable) classes = classes_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  Writer w = { classes, builder, document };
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, kind->name);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, WM_FORMAT_VERSION);
  if (kind == &kind_fragment)
    {
      json_builder_set_member_name (builder, ITEMS_KEY);
      json_builder_begin_array (builder);
      for (guint i = 0; items != NULL && items[i] != NULL; i++)
        json_builder_add_string_value (builder, items[i]);
      json_builder_end_array (builder);
    }
  write_members (&w, WM_ELEMENT (document));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  text = json_generator_to_data (generator, &length);

  /* A text file ends with a newline. */
  text = g_realloc (text, length + 2);
  text[length] = '\n';
  text[length + 1] = '\0';

  return g_bytes_new_take (text, length + 1);
}

/**
 * wm_format_save_bytes:
 *
 * Returns: (transfer full): @document as the text of a .waymark file. An
 *   unchanged document that was loaded gives back the same bytes.
 */
GBytes *
wm_format_save_bytes (WmDocument *document)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  return write_map (document, &kind_map, NULL);
}

/**
 * wm_format_save_fragment:
 * @fragment: a map in miniature: the elements to hand over, and what they
 *   refer to
 * @items: the ids of the elements of @fragment that are handed over; the
 *   others are there only to say what those refer to
 *
 * Returns: (transfer full): the text of a fragment: a map tagged
 *   "format": "waymark-fragment", with an "items" array of ids
 */
GBytes *
wm_format_save_fragment (WmDocument         *fragment,
                         const char * const *items)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (fragment), NULL);

  return write_map (fragment, &kind_fragment, items);
}

/**
 * wm_format_save_file:
 *
 * Saves @document to @file, replacing it atomically: the new text goes to a
 * temporary file beside it, renamed over @file once complete, so @file is
 * either the old map or the new one, never a part of one.
 */
gboolean
wm_format_save_file (WmDocument    *document,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) old_info = NULL;
  g_autoptr(GError) old_error = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = wm_format_save_bytes (document);
  old_info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE,
                                G_FILE_QUERY_INFO_NONE, cancellable, &old_error);

  /* Without REPLACE_DESTINATION, GIO falls back to rewriting the file in
   * place where it cannot create the temporary file (a read-only folder),
   * which a crash or a full disk would leave half-written. With it, GIO
   * does not keep the old permissions, so they are put back below. */
  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, error))
    {
      /* A new file is written where it is: leave none behind on failure. */
      if (g_error_matches (old_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  if (old_info != NULL && g_file_info_has_attribute (old_info, G_FILE_ATTRIBUTE_UNIX_MODE))
    g_file_set_attribute_uint32 (file, G_FILE_ATTRIBUTE_UNIX_MODE,
                                 g_file_info_get_attribute_uint32 (old_info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777,
                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading: where the reader is, and what it found wrong                    */

typedef struct
{
  GType type;
  gsize place;   /* where it was used, for messages: an offset in Reader.places */
} IdUse;

typedef struct
{
  guint count;
  guint limit;
  const char *noun;
} Counter;

typedef struct
{
  GHashTable *classes;
  GString *path;          /* where the reader is: lanes[0].cards["…"][2] */
  GPtrArray *problems;    /* "place: problem" */
  guint max_problems;
  WmFormatError code;     /* of the first problem */
  /* Every id read so far: no allocation per element, as a map has many. */
  GHashTable *ids;        /* id (in the parsed tree) → index + 1 in id_uses */
  GArray *id_uses;        /* of IdUse */
  GString *places;        /* of IdUse, one after the other, each with its '\0' */
  GHashTable *points;     /* "persona\nstage" → place of its point */
  WmDocument *document;  /* being read, for its scale */
  Counter cards;
  Counter evidence;
} Reader;

static void
reader_init (Reader *r,
             guint   max_problems)
{
  memset (r, 0, sizeof *r);
  r->classes = classes_new ();
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

static void
reader_clear (Reader *r)
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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
reader_full (Reader *r)
{
  return r->problems->len >= r->max_problems;
}

static void G_GNUC_PRINTF (3, 4)
reader_problem (Reader        *r,
                WmFormatError  code,
                const char    *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (reader_full (r))
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

static gsize
path_push_key (Reader     *r,
               const char *key)
{
  gsize mark = r->path->len;

  if (mark > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, key);

  return mark;
}

static gsize
path_push_index (Reader *r,
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

static void
path_pop (Reader *r,
          gsize   mark)
{
  g_string_truncate (r->path, mark);
}

/* @s as it appears in a message: valid text, quoted, cut short if long. */
static char *
shown (const char *s)
{
  const glong max_chars = 40;
  g_autofree char *valid = g_utf8_make_valid (s, -1);

  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_strdup_printf ("\"%s\"", valid);

  return g_strdup_printf ("\"%.*s…\"",
                          (int) (g_utf8_offset_to_pointer (valid, max_chars) - valid), valid);
}

static gsize
path_push_cell (Reader     *r,
                const char *stage_id)
{
  gsize mark = r->path->len;
  g_autofree char *id = shown (stage_id);

  g_string_append_printf (r->path, "[%s]", id);

  return mark;
}

/* ------------------------------------------------------------------------ */
/* Reading: the bytes, before json-glib sees them                           */

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

static char *
too_large_message (guint64 size)
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
          where = describe_offset (text, i);
          reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
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
                where = describe_offset (text, start);
                reader_problem (r, WM_FORMAT_ERROR_INVALID,
                                "%s: the number %.*s%s is too long; a whole number has at most %d digits",
                                where, (int) MIN (i + 1 - start, 24), text + start,
                                i + 1 - start > 24 ? "…" : "", MAX_NUMBER_DIGITS);
                return FALSE;
              }
            continue;
          }

        default:
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
              where = describe_offset (text, start);
              reader_problem (r, WM_FORMAT_ERROR_SYNTAX,
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
            reader_problem (r, WM_FORMAT_ERROR_SYNTAX,
                            "%s: unexpected character %s; this is not valid JSON",
                            where, character);
          }
          return FALSE;
        }

      if (++values > MAX_VALUES)
        {
          where = describe_offset (text, i);
          reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                          "%s: more than %d values in the file", where, MAX_VALUES);
          return FALSE;
        }
    }

  return TRUE;
}

/* Checks that @bytes are UTF-8 text that json-glib can parse safely, and
 * returns that text (without a byte-order mark) in @text and @length. */
static gboolean
check_text (Reader      *r,
            GBytes      *bytes,
            const char **text,
            gsize       *length)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end;

  if (size > MAX_FILE_SIZE)
    {
      g_autofree char *message = too_large_message (size);

      reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE, "%s", message);
      return FALSE;
    }

  /* UTF-16 (and UTF-32): a byte-order mark, or ASCII with zero bytes. */
  if (size >= 2 &&
      ((guchar) data[0] == 0xfe || (guchar) data[0] == 0xff || data[0] == '\0' || data[1] == '\0'))
    {
      reader_problem (r, WM_FORMAT_ERROR_ENCODING,
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
      reader_problem (r, WM_FORMAT_ERROR_SYNTAX, "the file is empty");
      return FALSE;
    }

  if (!g_utf8_validate_len (data, size, &end))
    {
      g_autofree char *where = describe_offset (data, end - data);

      reader_problem (r, WM_FORMAT_ERROR_ENCODING,
                      "%s: not valid UTF-8 text; save the file as UTF-8", where);
      return FALSE;
    }

  if (!prescan (r, data, size))
    return FALSE;

  *text = data;
  *length = size;

  return TRUE;
}

/* json-glib says "<data>:3:7: Parse error: unexpected …"; say it our way. */
static void
syntax_problem (Reader *r,
                GError *error)
{
  guint line, column;
  int consumed = 0;

  if (sscanf (error->message, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    reader_problem (r, WM_FORMAT_ERROR_SYNTAX, "line %u, column %u: %s; this is not valid JSON",
                    line, column, error->message + consumed);
  else
    reader_problem (r, WM_FORMAT_ERROR_SYNTAX, "not valid JSON: %s", error->message);
}

/* ------------------------------------------------------------------------ */
/* Reading: values                                                          */

static const char *
node_string (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

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

static gboolean
is_base64 (const char *s,
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

static gboolean
is_id_of (Reader     *r,
          const char *id,
          GType       type)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (r->ids, id));

  return index > 0 && g_array_index (r->id_uses, IdUse, index - 1).type == type;
}

/* Checks that @id (%NULL when absent) names an element of the kind
 * @pspec refers to, if it refers to one. */
static gboolean
read_reference (Reader     *r,
                GParamSpec *pspec,
                const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      if (!(pspec->flags & references[i].flag))
        continue;

      if (nonempty (id) == NULL)
        {
          /* A reference saved even when empty must name something. */
          if (!(pspec->flags & WM_PARAM_ALWAYS_SAVE))
            return TRUE;
          reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s; give the id of a %s",
                          id == NULL ? "missing" : "empty", references[i].noun);
          return FALSE;
        }

      if (!is_id_of (r, id, references[i].get_type ()))
        {
          g_autofree char *quoted = shown (id);

          reader_problem (r, WM_FORMAT_ERROR_REFERENCE, "%s is not the id of a %s",
                          quoted, references[i].noun);
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether the member @name : @node holds only valid UTF-8. The file is
 * UTF-8, but an escape (\\udc00) need not be; what is kept unknown is
 * written back, and must not make the next save unreadable. */
static gboolean
is_valid_text (const char *name,
               JsonNode   *node)
{
  const char *s;

  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *member_name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member_name, &member))
        if (!is_valid_text (member_name, member))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!is_valid_text (NULL, json_array_get_element (array, i)))
          return FALSE;
    }
  else if ((s = node_string (node)) != NULL)
    return g_utf8_validate (s, -1, NULL);

  return TRUE;
}

/* Checks that @node is a string of reasonable length and valid text. */
static const char *
read_text (Reader   *r,
           JsonNode *node)
{
  const char *s = node_string (node);
  gsize length;

  if (s == NULL)
    {
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected a string");
      return NULL;
    }

  length = strlen (s);
  if (length > MAX_STRING)
    {
      reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                      "%" G_GSIZE_FORMAT " bytes of text, more than the %d a text may hold",
                      length, MAX_STRING);
      return NULL;
    }

  /* The file is valid UTF-8, but an escape (\\udc00) may not be. */
  if (!g_utf8_validate (s, length, NULL))
    {
      reader_problem (r, WM_FORMAT_ERROR_ENCODING, "not valid text (a lone UTF-16 surrogate?)");
      return NULL;
    }

  return s;
}

static gboolean
read_string (Reader     *r,
             GParamSpec *pspec,
             JsonNode   *node,
             GValue     *value)
{
  const char *s = read_text (r, node);

  if (s == NULL)
    return FALSE;

  if (*s != '\0')
    {
      const char *expected = NULL;

      if ((pspec->flags & WM_PARAM_COLOR) && !is_color (s))
        expected = "a colour like \"#3584e4\"";
      else if ((pspec->flags & WM_PARAM_DATE) && !is_date (s))
        expected = "a date like \"2024-05-31\"";
      else if ((pspec->flags & WM_PARAM_DATE_TIME) && !is_date_time (s))
        expected = "a date and time like \"2026-03-14T09:30:00Z\"";

      if (expected != NULL)
        {
          g_autofree char *quoted = shown (s);

          reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s is not %s", quoted, expected);
          return FALSE;
        }
    }

  if (pspec->flags & WM_PARAM_PICTURE_TYPE && *s != '\0')
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (picture_types); i++)
        known |= g_str_equal (s, picture_types[i].mime_type);
      if (!known)
        {
          g_autofree char *quoted = shown (s);

          reader_problem (r, WM_FORMAT_ERROR_INVALID,
                          "%s is not one of image/png, image/jpeg, image/svg+xml", quoted);
          return FALSE;
        }
    }

  if (!read_reference (r, pspec, s))
    return FALSE;

  /* The parsed tree outlives the value, which the setter copies. */
  g_value_set_static_string (value, s);

  return TRUE;
}

static gboolean
read_strv (Reader     *r,
           JsonNode   *node,
           GValue     *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an array of strings");
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_LIST)
    {
      reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                      "%u strings, more than the %d a list may hold", n, MAX_LIST);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      gsize mark = path_push_index (r, i);
      const char *s = read_text (r, json_array_get_element (array, i));

      if (s != NULL)
        g_strv_builder_add (builder, s);
      else
        ok = FALSE;
      path_pop (r, mark);
    }

  if (ok)
    g_value_take_boxed (value, g_strv_builder_end (builder));

  return ok;
}

static gboolean
read_picture (Reader   *r,
              JsonNode *node,
              GValue   *value)
{
  const char *s = node_string (node);
  gsize length, size;
  guchar *data;

  if (s == NULL)
    {
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected a string of base64");
      return FALSE;
    }

  length = strlen (s);
  if (length / 4 * 3 > MAX_PICTURE)
    {
      reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                      "a picture of about %" G_GSIZE_FORMAT " bytes, more than the %d a picture may take",
                      length / 4 * 3, MAX_PICTURE);
      return FALSE;
    }

  if (!is_base64 (s, length))
    {
      reader_problem (r, WM_FORMAT_ERROR_INVALID,
                      "not valid base64; a picture is the base64 of its bytes, on one line");
      return FALSE;
    }

  if (length == 0)
    return TRUE;

  data = g_base64_decode (s, &size);
  g_value_take_boxed (value, g_bytes_new_take (data, size));

  return TRUE;
}

static gboolean
read_number (Reader     *r,
             GParamSpec *pspec,
             JsonNode   *node,
             GValue     *value)
{
  GType json_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  char number[G_ASCII_DTOSTR_BUF_SIZE], low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];

  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *int_pspec = G_PARAM_SPEC_INT (pspec);
      gint64 i;

      if (json_type != G_TYPE_INT64)
        {
          reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected a whole number");
          return FALSE;
        }
      i = json_node_get_int (node);
      if (i < int_pspec->minimum || i > int_pspec->maximum)
        {
          reader_problem (r, WM_FORMAT_ERROR_INVALID, "%" G_GINT64_FORMAT " is outside %d..%d",
                          i, int_pspec->minimum, int_pspec->maximum);
          return FALSE;
        }
      g_value_set_int (value, (int) i);
    }
  else
    {
      GParamSpecDouble *double_pspec = G_PARAM_SPEC_DOUBLE (pspec);
      double d;

      if (json_type == G_TYPE_INT64)
        d = json_node_get_int (node);
      else if (json_type == G_TYPE_DOUBLE)
        d = json_node_get_double (node);
      else
        {
          reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected a number");
          return FALSE;
        }

      if (!isfinite (d))
        {
          reader_problem (r, WM_FORMAT_ERROR_INVALID, "the number is too large");
          return FALSE;
        }
      if (d < double_pspec->minimum || d > double_pspec->maximum)
        {
          reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s is outside %s..%s",
                          g_ascii_formatd (number, sizeof number, "%g", d),
                          g_ascii_formatd (low, sizeof low, "%g", double_pspec->minimum),
                          g_ascii_formatd (high, sizeof high, "%g", double_pspec->maximum));
          return FALSE;
        }
      g_value_set_double (value, d);
    }

  return TRUE;
}

static gboolean
read_enum (Reader     *r,
           GParamSpec *pspec,
           JsonNode   *node,
           GValue     *value)
{
  GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  const char *nick = node_string (node);
  GEnumValue *enum_value = nick ? g_enum_get_value_by_nick (enum_class, nick) : NULL;
  g_autoptr(GString) nicks = NULL;
  g_autofree char *quoted = NULL;

  if (enum_value != NULL)
    {
      g_value_set_enum (value, enum_value->value);
      return TRUE;
    }

  nicks = g_string_new (NULL);
  for (guint i = 0; i < enum_class->n_values; i++)
    g_string_append_printf (nicks, "%s%s", i > 0 ? ", " : "", enum_class->values[i].value_nick);

  if (nick == NULL)
    reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected one of %s", nicks->str);
  else
    {
      quoted = shown (nick);
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s is not one of %s", quoted, nicks->str);
    }

  return FALSE;
}

/* Checks @node against @pspec and puts its value in @value. */
static gboolean
read_value (Reader     *r,
            GParamSpec *pspec,
            JsonNode   *node,
            GValue     *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    return read_string (r, pspec, node, value);
  if (type == G_TYPE_STRV)
    return read_strv (r, node, value);
  if (type == G_TYPE_BYTES && (pspec->flags & WM_PARAM_PICTURE))
    return read_picture (r, node, value);
  if (type == G_TYPE_INT || type == G_TYPE_DOUBLE)
    return read_number (r, pspec, node, value);
  if (G_TYPE_IS_ENUM (type))
    return read_enum (r, pspec, node, value);
  if (type == G_TYPE_BOOLEAN)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected true or false");
          return FALSE;
        }
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;
    }

  g_critical ("%s: the file format cannot hold a %s", pspec->name, g_type_name (type));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Reading: elements                                                        */

/* Registers @id as that of an element of @type, which the first @place
 * bytes of the reader's path name. Returns %NULL, after saying why, if it
 * cannot be one. */
static const char *
register_id (Reader     *r,
             GType       type,
             const char *id,
             gsize       place)
{
  guint index;

  if (*id == '\0')
    reader_problem (r, WM_FORMAT_ERROR_INVALID, "empty; every element needs an id, unique in the map");
  else if (strlen (id) > MAX_ID)
    reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE, "%" G_GSIZE_FORMAT " bytes, more than the %d an id may take",
                    strlen (id), MAX_ID);
  else if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (r->ids, id))) > 0)
    {
      g_autofree char *quoted = shown (id);
      IdUse *use = &g_array_index (r->id_uses, IdUse, index - 1);

      reader_problem (r, WM_FORMAT_ERROR_DUPLICATE_ID, "%s is already the id of %s; ids must be unique",
                      quoted, r->places->str + use->place);
    }
  else
    {
      IdUse use = { type, r->places->len };

      if (place > 0)
        g_string_append_len (r->places, r->path->str, place);
      else
        g_string_append (r->places, "the map");
      g_string_append_c (r->places, '\0');
      g_array_append_val (r->id_uses, use);
      g_hash_table_insert (r->ids, (char *) id, GUINT_TO_POINTER (r->id_uses->len));
      return id;
    }

  return NULL;
}

/* Reads and registers the id of @object, an element of @type. Returns %NULL
 * after a problem: the element then gets a new id, so that the checker can
 * go on. */
static const char *
read_id (Reader     *r,
         GType       type,
         JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "id");
  gsize mark = path_push_key (r, "id");
  const char *id = NULL;

  if (node == NULL)
    reader_problem (r, WM_FORMAT_ERROR_INVALID, "missing; every element needs an id, unique in the map");
  else if ((id = read_text (r, node)) != NULL)
    id = register_id (r, type, id, mark);
  path_pop (r, mark);

  return id;
}

static WmElement *read_object (Reader *r, GType type, JsonObject *object);

static WmElement *
read_element (Reader   *r,
              GType     type,
              JsonNode *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an object");
      return NULL;
    }

  return read_object (r, type, json_node_get_object (node));
}

/* Reads the array @node of elements of @type into @store. */
static void
read_list (Reader     *r,
           JsonNode   *node,
           GType       type,
           GListStore *store,
           Counter    *counter)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an array");
      return;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > counter->limit - counter->count)
    {
      reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE, "more than the %u %s a map may hold",
                      counter->limit, counter->noun);
      return;
    }
  counter->count += n;

  for (guint i = 0; i < n && !reader_full (r); i++)
    {
      gsize mark = path_push_index (r, i);
      WmElement *element = read_element (r, type, json_array_get_element (array, i));

      if (element != NULL)
        g_ptr_array_add (elements, element);
      path_pop (r, mark);
    }

  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       elements->pdata, elements->len);
}

static void
read_cards (Reader   *r,
            WmLane   *lane,
            JsonNode *node)
{
  JsonObjectIter iter;
  const char *stage_id;
  JsonNode *cell;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an object whose keys are stage ids");
      return;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (!reader_full (r) && json_object_iter_next_ordered (&iter, &stage_id, &cell))
    {
      gsize mark;

      if (!is_id_of (r, stage_id, WM_TYPE_STAGE))
        {
          g_autofree char *quoted = shown (stage_id);

          reader_problem (r, WM_FORMAT_ERROR_REFERENCE, "%s is not the id of a stage", quoted);
          continue;
        }

      mark = path_push_cell (r, stage_id);
      read_list (r, cell, WM_TYPE_CARD, G_LIST_STORE (wm_lane_get_cards (lane, stage_id)), &r->cards);
      path_pop (r, mark);
    }
}

static void
read_collections (Reader     *r,
                  WmDocument *document,
                  JsonObject *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (collections) && !reader_full (r); i++)
    {
      const Collection *c = &collections[i];
      JsonNode *node = json_object_get_member (object, c->key);
      Counter counter = { 0, c->limit, c->noun };
      gsize mark;

      if (node == NULL)
        continue;

      mark = path_push_key (r, c->key);
      read_list (r, node, c->get_type (), G_LIST_STORE (c->get_list (document)), &counter);
      path_pop (r, mark);
    }
}

/* Rules that span properties. */

static void
check_scale (Reader     *r,
             WmDocument *document)
{
  int min = wm_document_get_scale_min (document);
  int max = wm_document_get_scale_max (document);
  const char * const *labels = wm_document_get_scale_labels (document);
  gsize mark;

  if (min >= max)
    {
      mark = path_push_key (r, "scale_max");
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "%d is not above scale_min (%d)", max, min);
      path_pop (r, mark);
    }
  else if (labels != NULL && g_strv_length ((char **) labels) != (guint) (max - min + 1))
    {
      mark = path_push_key (r, "scale_labels");
      reader_problem (r, WM_FORMAT_ERROR_INVALID,
                      "%u labels for the %d scores of the scale %d..%d; give one label per score",
                      g_strv_length ((char **) labels), max - min + 1, min, max);
      path_pop (r, mark);
    }
}

static void
check_emotion_point (Reader         *r,
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
      gsize mark = path_push_key (r, "score");

      reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s is outside the scale %d..%d",
                      g_ascii_formatd (number, sizeof number, "%g", score), min, max);
      path_pop (r, mark);
    }

  if (*persona == '\0' || *stage == '\0')
    return;

  key = g_strconcat (persona, "\n", stage, NULL);
  other = g_hash_table_lookup (r->points, key);
  if (other != NULL)
    {
      g_autofree char *persona_shown = shown (persona);
      g_autofree char *stage_shown = shown (stage);

      reader_problem (r, WM_FORMAT_ERROR_INVALID,
                      "the persona %s already has a point at the stage %s, %s; keep one",
                      persona_shown, stage_shown, other);
    }
  else
    g_hash_table_insert (r->points, g_steal_pointer (&key), g_strdup (r->path->str));
}

static void
check_picture (Reader     *r,
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

  if (nonempty (type) == NULL)
    {
      mark = path_push_key (r, "picture_type");
      reader_problem (r, WM_FORMAT_ERROR_INVALID,
                      "missing; a picture needs its type: image/png, image/jpeg or image/svg+xml");
      path_pop (r, mark);
      return;
    }

  data = g_bytes_get_data (picture, &size);
  for (guint i = 0; i < G_N_ELEMENTS (picture_types); i++)
    {
      if (!g_str_equal (type, picture_types[i].mime_type) || picture_types[i].matches (data, size))
        continue;

      mark = path_push_key (r, "picture");
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "not %s, as picture_type says", picture_types[i].noun);
      path_pop (r, mark);
    }
}

/* Reads @object as an element of @type: its id and properties (given all
 * at once, at construction), the rules across them, its evidence, its
 * children, and what this build does not know, kept as it was. */
static WmElement *
read_object (Reader     *r,
             GType       type,
             JsonObject *object)
{
  ClassInfo *info = class_info (r->classes, type);
  const char **names = g_newa (const char *, info->pspecs->len);
  GValue *values = g_newa (GValue, info->pspecs->len);
  const char *id = read_id (r, type, object);
  JsonObject *unknown = NULL;
  WmElement *element;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint64 given = 0;
  guint n = 0;

  memset (values, 0, sizeof (GValue) * info->pspecs->len);
  if (id != NULL)
    {
      names[n] = "id";
      g_value_init (&values[n], G_TYPE_STRING);
      g_value_set_static_string (&values[n], id);
      n++;
    }

  /* One pass over the members, in the order written. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (info->known, name));
      GParamSpec *pspec;
      gsize mark;

      if (index == 0)
        {
          if (!is_valid_text (name, node))
            {
              g_autofree char *valid_name = g_utf8_make_valid (name, -1);

              mark = path_push_key (r, valid_name);
              reader_problem (r, WM_FORMAT_ERROR_ENCODING, "not valid text (a lone UTF-16 surrogate?)");
              path_pop (r, mark);
              continue;
            }
          if (unknown == NULL)
            unknown = json_object_new ();
          json_object_set_member (unknown, name, json_node_copy (node));
          continue;
        }

      /* Evidence and children are read below; the id was read above. */
      pspec = index != OTHER_KEY ? info->pspecs->pdata[index - 1] : NULL;
      if (pspec == NULL || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) || reader_full (r))
        continue;

      given |= G_GUINT64_CONSTANT (1) << (index - 1);
      mark = path_push_key (r, name);
      if (read_value (r, pspec, node, &values[n]))
        names[n++] = pspec->name;
      else
        g_value_unset (&values[n]);
      path_pop (r, mark);
    }

  /* Absent is empty, which a required reference may not be. */
  for (guint i = 0; i < info->pspecs->len; i++)
    if ((info->required & ~given) & (G_GUINT64_CONSTANT (1) << i))
      {
        gsize mark = path_push_key (r, info->keys->pdata[i]);

        read_reference (r, info->pspecs->pdata[i], NULL);
        path_pop (r, mark);
      }

  element = (WmElement *) g_object_new_with_properties (type, n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  if (WM_IS_DOCUMENT (element))
    {
      r->document = WM_DOCUMENT (element);
      check_scale (r, r->document);
    }
  else if (WM_IS_EMOTION_POINT (element))
    check_emotion_point (r, WM_EMOTION_POINT (element));
  check_picture (r, info, element);

  node = json_object_get_member (object, EVIDENCE_KEY);
  if (node != NULL && !reader_full (r))
    {
      gsize mark = path_push_key (r, EVIDENCE_KEY);

      read_list (r, node, WM_TYPE_EVIDENCE, G_LIST_STORE (wm_element_get_evidence (element)), &r->evidence);
      path_pop (r, mark);
    }

  if (WM_IS_DOCUMENT (element))
    read_collections (r, WM_DOCUMENT (element), object);
  else if (WM_IS_LANE (element) && (node = json_object_get_member (object, CARDS_KEY)) != NULL)
    {
      gsize mark = path_push_key (r, CARDS_KEY);

      read_cards (r, WM_LANE (element), node);
      path_pop (r, mark);
    }

  if (unknown != NULL)
    {
      wm_element_set_unknown (element, unknown);
      json_object_unref (unknown);
    }

  return element;
}

/* ------------------------------------------------------------------------ */
/* Reading: versions                                                        */

/* A migration step turns the tree of a file of version @from into the tree
 * of version @from + 1, before it is read; it may report problems.
 *
 * To change the format: raise WM_FORMAT_VERSION, add here the function
 * that upgrades the previous version, and add to tests/data/migrate/ a file
 * of the previous version, NAME.waymark, with NAME.expected.waymark, what
 * it must save as; keep both forever. Version 1 is the first, so there is
 * no step yet. */
static const struct
{
  gint64 from;
  gboolean (*step) (Reader *r, JsonObject *root);
} migrations[] = {
  { 0, NULL }
};

static gboolean
migrate (Reader     *r,
         JsonObject *root,
         gint64      version)
{
  for (; version < WM_FORMAT_VERSION; version++)
    {
      guint i = 0;

      while (migrations[i].step != NULL && migrations[i].from != version)
        i++;
      if (migrations[i].step == NULL)
        {
          reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                          "version %" G_GINT64_FORMAT " is not one this Waymark can read", version);
          return FALSE;
        }
      if (!migrations[i].step (r, root))
        return FALSE;
    }

  return TRUE;
}

/* Checks that @root is a Waymark file of @kind, of a version this build reads. */
static gboolean
read_version (Reader     *r,
              const Kind *kind,
              JsonObject *root,
              gint64     *version)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *node = json_object_get_member (root, "version");

  if (format == NULL || g_strcmp0 (node_string (format), kind->name) != 0)
    {
      reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                      "this is not a Waymark %s: it has no \"format\" : \"%s\"", kind->noun, kind->name);
      return FALSE;
    }

  if (node == NULL)
    {
      reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                      "this is not a Waymark %s: it has no \"version\"", kind->noun);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                      "this is not a Waymark %s: its \"version\" is not a whole number", kind->noun);
      return FALSE;
    }

  *version = json_node_get_int (node);
  if (*version < 1)
    {
      reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                      "this is not a Waymark %s: there is no version %" G_GINT64_FORMAT, kind->noun, *version);
      return FALSE;
    }
  if (*version > WM_FORMAT_VERSION)
    {
      reader_problem (r, WM_FORMAT_ERROR_FUTURE_VERSION,
                      "version %" G_GINT64_FORMAT " is newer than this Waymark understands (%d); "
                      "update Waymark to open this %s", *version, WM_FORMAT_VERSION, kind->noun);
      return FALSE;
    }

  return TRUE;
}

/* Reads the "items" of a fragment: ids of elements read from it. */
static GStrv
read_items (Reader     *r,
            JsonObject *root)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (root, ITEMS_KEY);
  gsize mark = path_push_key (r, ITEMS_KEY);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an array of ids");
      path_pop (r, mark);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && !reader_full (r); i++)
    {
      gsize item_mark = path_push_index (r, i);
      const char *id = node_string (json_array_get_element (array, i));

      if (id == NULL || !g_hash_table_contains (r->ids, id))
        reader_problem (r, WM_FORMAT_ERROR_REFERENCE, "not the id of an element of the fragment");
      else
        g_strv_builder_add (builder, id);
      path_pop (r, item_mark);
    }
  path_pop (r, mark);

  return g_strv_builder_end (builder);
}

/* The one reader behind the loaders and the checker. Problems are in @r;
 * the document, returned even after problems, is then to be thrown away.
 * A fragment's items go to @items. */
static WmDocument *
read_map (Reader      *r,
          const Kind  *kind,
          GBytes      *bytes,
          GStrv       *items)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize length;
  JsonNode *root;
  JsonObject *object;
  WmDocument *document;
  gint64 version;

  if (!check_text (r, bytes, &text, &length))
    return NULL;

  if (!json_parser_load_from_data (parser, text, length, &error))
    {
      syntax_problem (r, error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      reader_problem (r, WM_FORMAT_ERROR_SYNTAX, "the file is empty");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP, "this is not a Waymark %s: it is not a JSON object",
                      kind->noun);
      return NULL;
    }

  object = json_node_get_object (root);
  if (!read_version (r, kind, object, &version) || !migrate (r, object, version))
    return NULL;

  document = WM_DOCUMENT (read_object (r, WM_TYPE_DOCUMENT, object));
  if (kind == &kind_fragment && !reader_full (r))
    *items = read_items (r, object);

  return document;
}

/**
 * wm_format_load_bytes:
 *
 * Reads a map from the text of a .waymark file, checking everything.
 *
 * Returns: (transfer full) (nullable): the map, with an empty history; or
 *   %NULL with @error set in %WM_FORMAT_ERROR, whose message names the
 *   place and the problem ("stages[3].name: expected a string").
 */
WmDocument *
wm_format_load_bytes (GBytes  *bytes,
                      GError **error)
{
  g_auto(Reader) r = { 0 };
  g_autoptr(WmDocument) document = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader_init (&r, 1);
  document = read_map (&r, &kind_map, bytes, NULL);
  if (r.problems->len > 0)
    {
      g_set_error_literal (error, WM_FORMAT_ERROR, r.code, r.problems->pdata[0]);
      return NULL;
    }

  /* Loading is not an edit a user could undo. */
  wm_history_clear (wm_document_get_history (document));

  return g_steal_pointer (&document);
}

/**
 * wm_format_load_fragment:
 * @items: (out) (transfer full): the ids of the elements handed over
 *
 * Reads what wm_format_save_fragment() wrote, checking everything as
 * wm_format_load_bytes() does: a fragment comes from the clipboard, from
 * any application.
 *
 * Returns: (transfer full) (nullable): the fragment as a map in miniature,
 *   or %NULL with @error set in %WM_FORMAT_ERROR
 */
WmDocument *
wm_format_load_fragment (GBytes   *bytes,
                         GStrv    *items,
                         GError  **error)
{
  g_auto(Reader) r = { 0 };
  g_autoptr(WmDocument) fragment = NULL;
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader_init (&r, 1);
  fragment = read_map (&r, &kind_fragment, bytes, &ids);
  if (r.problems->len > 0)
    {
      g_set_error_literal (error, WM_FORMAT_ERROR, r.code, r.problems->pdata[0]);
      return NULL;
    }

  wm_history_clear (wm_document_get_history (fragment));
  *items = g_steal_pointer (&ids);

  return g_steal_pointer (&fragment);
}

/**
 * wm_format_check_bytes:
 *
 * Checks the text of a .waymark file as wm_format_load_bytes() does, but
 * goes on after a problem.
 *
 * Returns: (transfer full) (nullable): every problem found (up to 100),
 *   each as "place: problem", or %NULL when the file is a valid map.
 */
char **
wm_format_check_bytes (GBytes *bytes)
{
  g_auto(Reader) r = { 0 };
  g_autoptr(WmDocument) document = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  reader_init (&r, MAX_PROBLEMS + 1);
  document = read_map (&r, &kind_map, bytes, NULL);
  if (r.problems->len == 0)
    return NULL;

  if (r.problems->len > MAX_PROBLEMS)
    {
      g_free (r.problems->pdata[MAX_PROBLEMS]);
      r.problems->pdata[MAX_PROBLEMS] = g_strdup_printf ("more problems after these %d", MAX_PROBLEMS);
    }
  g_ptr_array_add (r.problems, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&r.problems), FALSE);
}

/* Reads @file whole, but never more than MAX_FILE_SIZE bytes of it, even
 * if it grows while being read or is not a regular file. */
static GBytes *
read_bounded (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  goffset size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  size = g_file_info_get_size (info);
  if (size > MAX_FILE_SIZE)
    {
      g_autofree char *message = too_large_message (size);

      g_set_error_literal (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_TOO_LARGE, message);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  data = g_byte_array_sized_new (size + 1);
  for (;;)
    {
      guint filled = data->len;
      gssize n;

      /* Always ask for at least one byte past the limit, to notice it. */
      g_byte_array_set_size (data, MIN ((gsize) MAX_FILE_SIZE + 1, MAX ((gsize) size + 1, filled + 65536)));
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + filled, data->len - filled,
                               cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (data, filled + n);
      if (n == 0)
        break;
      if (data->len > MAX_FILE_SIZE)
        {
          g_autofree char *message = too_large_message (data->len);

          g_set_error_literal (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_TOO_LARGE, message);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * wm_format_load_file:
 *
 * Reads a map from a .waymark file, as wm_format_load_bytes() does. Fails
 * with a %G_IO_ERROR where the file cannot be read.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
WmDocument *
wm_format_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_bounded (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return wm_format_load_bytes (bytes, error);
}
