/* wm-format-read.c: reading a map from the text of a .waymark file.
 *
 * One reader serves every element class: it walks the object's members in
 * the order written, checks each value against its GParamSpec (the
 * WM_PARAM_* flags say how) and every reference against the ids read so
 * far, and gives the properties all at once, at construction. Evidence,
 * the document's collections, a lane's cells and unknown members (kept for
 * the next save) are read apart. What it checks besides is in
 * wm-format-check.c.
 *
 * The loader and wm_format_check_bytes() are one code path: the reader
 * records problems as it goes; the loader stops at the first and reports
 * it, the checker goes on to list up to MAX_PROBLEMS of them.
 */
#include "wm-format-private.h"

#include <math.h>
#include <string.h>

#include "wm-card.h"
#include "wm-evidence.h"
#include "wm-param.h"

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

/* ------------------------------------------------------------------------ */
/* Values                                                                   */

static const char *
node_string (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
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

      if (wm_format_nonempty (id) == NULL)
        {
          /* A reference saved even when empty must name something. */
          if (!(pspec->flags & WM_PARAM_ALWAYS_SAVE))
            return TRUE;
          wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s; give the id of a %s",
                             id == NULL ? "missing" : "empty", references[i].noun);
          return FALSE;
        }

      if (!is_id_of (r, id, references[i].get_type ()))
        {
          g_autofree char *quoted = wm_format_shown (id);

          wm_reader_problem (r, WM_FORMAT_ERROR_REFERENCE, "%s is not the id of a %s",
                             quoted, references[i].noun);
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether @s, a string of the parsed file, is valid UTF-8. The file is
 * (json-glib checks it), but an escape need not be: the only way one makes
 * bad UTF-8 is a lone surrogate (\\udc00 gives ED B0 80), so a string
 * without an ED byte needs no second look. */
static gboolean
is_valid_string (const char *s,
                 gsize       length)
{
  return memchr (s, 0xed, length) == NULL || g_utf8_validate (s, length, NULL);
}

/* What would stop the member @name : @node from being written back as it
 * was read, or NULL: what is kept unknown is saved again, and must not make
 * the next save unreadable (text that is not UTF-8; a number too large for
 * a double, which json-glib reads as infinity and would write as "inf"). */
static const char *
unkeepable (const char    *name,
            JsonNode      *node,
            WmFormatError *code)
{
  const char *s;
  const char *problem = NULL;

  *code = WM_FORMAT_ERROR_ENCODING;
  if (name != NULL && !is_valid_string (name, strlen (name)))
    return "not valid text (a lone UTF-16 surrogate?)";

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *member_name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (problem == NULL && json_object_iter_next (&iter, &member_name, &member))
        problem = unkeepable (member_name, member, code);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; problem == NULL && i < json_array_get_length (array); i++)
        problem = unkeepable (NULL, json_array_get_element (array, i), code);
    }
  else if ((s = node_string (node)) != NULL)
    {
      if (!is_valid_string (s, strlen (s)))
        problem = "not valid text (a lone UTF-16 surrogate?)";
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
           !isfinite (json_node_get_double (node)))
    {
      *code = WM_FORMAT_ERROR_INVALID;
      problem = "a number out of range";
    }

  return problem;
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
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected a string");
      return NULL;
    }

  length = strlen (s);
  if (length > MAX_STRING)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                         "%" G_GSIZE_FORMAT " bytes of text, more than the %d a text may hold",
                         length, MAX_STRING);
      return NULL;
    }

  if (!is_valid_string (s, length))
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_ENCODING, "not valid text (a lone UTF-16 surrogate?)");
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

  if (!wm_format_check_string (r, pspec, s))
    return FALSE;

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
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an array of strings");
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_LIST)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                         "%u strings, more than the %d a list may hold", n, MAX_LIST);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      gsize mark = wm_reader_push_index (r, i);
      const char *s = read_text (r, json_array_get_element (array, i));

      if (s != NULL)
        g_strv_builder_add (builder, s);
      else
        ok = FALSE;
      wm_reader_pop (r, mark);
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
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected a string of base64");
      return FALSE;
    }

  length = strlen (s);
  if (length / 4 * 3 > MAX_PICTURE)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE,
                         "a picture of about %" G_GSIZE_FORMAT " bytes, more than the %d a picture may take",
                         length / 4 * 3, MAX_PICTURE);
      return FALSE;
    }

  if (!wm_format_is_base64 (s, length))
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID,
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
          wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected a whole number");
          return FALSE;
        }
      i = json_node_get_int (node);
      if (i < int_pspec->minimum || i > int_pspec->maximum)
        {
          wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "%" G_GINT64_FORMAT " is outside %d..%d",
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
          wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected a number");
          return FALSE;
        }

      if (!isfinite (d))
        {
          wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "the number is too large");
          return FALSE;
        }
      if (d < double_pspec->minimum || d > double_pspec->maximum)
        {
          wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s is outside %s..%s",
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
    wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected one of %s", nicks->str);
  else
    {
      quoted = wm_format_shown (nick);
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "%s is not one of %s", quoted, nicks->str);
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
          wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected true or false");
          return FALSE;
        }
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;
    }

  g_critical ("%s: the file format cannot hold a %s", pspec->name, g_type_name (type));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Elements                                                                 */

/* Checks that @id can be the id of a new element. */
static gboolean
check_id (Reader     *r,
          const char *id)
{
  guint index;

  if (*id == '\0')
    wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "empty; every element needs an id, unique in the map");
  else if (strlen (id) > MAX_ID)
    wm_reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE, "%" G_GSIZE_FORMAT " bytes, more than the %d an id may take",
                       strlen (id), MAX_ID);
  else if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (r->ids, id))) > 0)
    {
      g_autofree char *quoted = wm_format_shown (id);
      IdUse *use = &g_array_index (r->id_uses, IdUse, index - 1);

      wm_reader_problem (r, WM_FORMAT_ERROR_DUPLICATE_ID, "%s is already the id of %s; ids must be unique",
                         quoted, r->places->str + use->place);
    }
  else
    return TRUE;

  return FALSE;
}

/* Registers the id of @element, which the reader's path names. The key is
 * the element's own copy: the parsed tree of each element is freed once it
 * is read (see read_list()). */
static void
register_id (Reader    *r,
             WmElement *element)
{
  IdUse use = { G_OBJECT_TYPE (element), r->places->len };

  if (r->path->len > 0)
    g_string_append_len (r->places, r->path->str, r->path->len);
  else
    g_string_append (r->places, "the map");
  g_string_append_c (r->places, '\0');
  g_array_append_val (r->id_uses, use);
  g_hash_table_insert (r->ids, (char *) wm_element_get_id (element), GUINT_TO_POINTER (r->id_uses->len));
}

/* Reads and checks the id of @object. Returns %NULL after a problem: the
 * element then gets a new id, so that the checker can go on. */
static const char *
read_id (Reader     *r,
         JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "id");
  gsize mark = wm_reader_push_key (r, "id");
  const char *id = NULL;

  if (node == NULL)
    wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "missing; every element needs an id, unique in the map");
  else if ((id = read_text (r, node)) != NULL && !check_id (r, id))
    id = NULL;
  wm_reader_pop (r, mark);

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
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an object");
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
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an array");
      return;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > counter->limit - counter->count)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_TOO_LARGE, "more than the %u %s a map may hold",
                         counter->limit, counter->noun);
      return;
    }
  counter->count += n;

  for (guint i = 0; i < n && !wm_reader_full (r); i++)
    {
      gsize mark = wm_reader_push_index (r, i);
      JsonNode *item = json_array_get_element (array, i);
      WmElement *element = read_element (r, type, item);

      /* Its part of the tree is freed at once, for the memory to serve the
       * elements read next, while it is still in the cache: a load never
       * holds the whole tree and the whole map. */
      if (element != NULL)
        {
          g_ptr_array_add (elements, element);
          json_node_init_null (item);
        }
      wm_reader_pop (r, mark);
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
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an object whose keys are stage ids");
      return;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (!wm_reader_full (r) && json_object_iter_next_ordered (&iter, &stage_id, &cell))
    {
      gsize mark;

      if (!is_id_of (r, stage_id, WM_TYPE_STAGE))
        {
          g_autofree char *quoted = wm_format_shown (stage_id);

          wm_reader_problem (r, WM_FORMAT_ERROR_REFERENCE, "%s is not the id of a stage", quoted);
          continue;
        }

      mark = wm_reader_push_cell (r, stage_id);
      read_list (r, cell, WM_TYPE_CARD, G_LIST_STORE (wm_lane_get_cards (lane, stage_id)), &r->cards);
      wm_reader_pop (r, mark);
    }
}

static void
read_collections (Reader     *r,
                  WmDocument *document,
                  JsonObject *object)
{
  for (guint i = 0; i < WM_FORMAT_N_COLLECTIONS && !wm_reader_full (r); i++)
    {
      const Collection *c = &wm_format_collections[i];
      JsonNode *node = json_object_get_member (object, c->key);
      Counter counter = { 0, c->limit, c->noun };
      gsize mark;

      if (node == NULL)
        continue;

      mark = wm_reader_push_key (r, c->key);
      read_list (r, node, c->get_type (), G_LIST_STORE (c->get_list (document)), &counter);
      wm_reader_pop (r, mark);
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
  ClassInfo *info = wm_format_class_info (r->classes, type);
  const char **names = g_newa (const char *, info->pspecs->len);
  GValue *values = g_newa (GValue, info->pspecs->len);
  const char *id = read_id (r, object);
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
          WmFormatError code;
          const char *problem = unkeepable (name, node, &code);

          if (problem != NULL)
            {
              g_autofree char *valid_name = g_utf8_make_valid (name, -1);

              mark = wm_reader_push_key (r, valid_name);
              wm_reader_problem (r, code, "%s", problem);
              wm_reader_pop (r, mark);
              continue;
            }
          if (unknown == NULL)
            unknown = json_object_new ();
          json_object_set_member (unknown, name, json_node_copy (node));
          continue;
        }

      /* Evidence and children are read below; the id was read above. */
      pspec = index != OTHER_KEY ? info->pspecs->pdata[index - 1] : NULL;
      if (pspec == NULL || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) || wm_reader_full (r))
        continue;

      given |= G_GUINT64_CONSTANT (1) << (index - 1);
      mark = wm_reader_push_key (r, name);
      if (read_value (r, pspec, node, &values[n]))
        names[n++] = pspec->name;
      else
        g_value_unset (&values[n]);
      wm_reader_pop (r, mark);
    }

  /* Absent is empty, which a required reference may not be. */
  for (guint i = 0; i < info->pspecs->len; i++)
    if ((info->required & ~given) & (G_GUINT64_CONSTANT (1) << i))
      {
        gsize mark = wm_reader_push_key (r, info->keys->pdata[i]);

        read_reference (r, info->pspecs->pdata[i], NULL);
        wm_reader_pop (r, mark);
      }

  element = (WmElement *) g_object_new_with_properties (type, n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  if (id != NULL)
    register_id (r, element);

  if (WM_IS_DOCUMENT (element))
    {
      r->document = WM_DOCUMENT (element);
      wm_format_check_scale (r, r->document);
    }
  else if (WM_IS_EMOTION_POINT (element))
    wm_format_check_emotion_point (r, WM_EMOTION_POINT (element));
  wm_format_check_picture (r, info, element);

  node = json_object_get_member (object, EVIDENCE_KEY);
  if (node != NULL && !wm_reader_full (r))
    {
      gsize mark = wm_reader_push_key (r, EVIDENCE_KEY);

      read_list (r, node, WM_TYPE_EVIDENCE, G_LIST_STORE (wm_element_get_evidence (element)), &r->evidence);
      wm_reader_pop (r, mark);
    }

  if (WM_IS_DOCUMENT (element))
    read_collections (r, WM_DOCUMENT (element), object);
  else if (WM_IS_LANE (element) && (node = json_object_get_member (object, CARDS_KEY)) != NULL)
    {
      gsize mark = wm_reader_push_key (r, CARDS_KEY);

      read_cards (r, WM_LANE (element), node);
      wm_reader_pop (r, mark);
    }

  if (unknown != NULL)
    {
      wm_element_set_unknown (element, unknown);
      json_object_unref (unknown);
    }

  return element;
}

/* ------------------------------------------------------------------------ */
/* Versions                                                                 */

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
          wm_reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
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
      wm_reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                         "this is not a Waymark %s: it has no \"format\" : \"%s\"", kind->noun, kind->name);
      return FALSE;
    }

  if (node == NULL)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                         "this is not a Waymark %s: it has no \"version\"", kind->noun);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                         "this is not a Waymark %s: its \"version\" is not a whole number", kind->noun);
      return FALSE;
    }

  *version = json_node_get_int (node);
  if (*version < 1)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP,
                         "this is not a Waymark %s: there is no version %" G_GINT64_FORMAT, kind->noun, *version);
      return FALSE;
    }
  if (*version > WM_FORMAT_VERSION)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_FUTURE_VERSION,
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
  gsize mark = wm_reader_push_key (r, ITEMS_KEY);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_INVALID, "expected an array of ids");
      wm_reader_pop (r, mark);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && !wm_reader_full (r); i++)
    {
      gsize item_mark = wm_reader_push_index (r, i);
      const char *id = node_string (json_array_get_element (array, i));

      if (id == NULL || !g_hash_table_contains (r->ids, id))
        wm_reader_problem (r, WM_FORMAT_ERROR_REFERENCE, "not the id of an element of the fragment");
      else
        g_strv_builder_add (builder, id);
      wm_reader_pop (r, item_mark);
    }
  wm_reader_pop (r, mark);

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

  if (!wm_format_check_text (r, bytes, &text, &length))
    return NULL;

  if (!json_parser_load_from_data (parser, text, length, &error))
    {
      if (wm_format_check_encoding (r, text, length))
        wm_reader_syntax_problem (r, error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_SYNTAX, "the file is empty");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      wm_reader_problem (r, WM_FORMAT_ERROR_NOT_A_MAP, "this is not a Waymark %s: it is not a JSON object",
                         kind->noun);
      return NULL;
    }

  object = json_node_get_object (root);
  if (!read_version (r, kind, object, &version) || !migrate (r, object, version))
    return NULL;

  document = WM_DOCUMENT (read_object (r, WM_TYPE_DOCUMENT, object));
  if (kind == &wm_format_kind_fragment && !wm_reader_full (r))
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

  wm_reader_init (&r, 1);
  document = read_map (&r, &wm_format_kind_map, bytes, NULL);
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

  wm_reader_init (&r, 1);
  fragment = read_map (&r, &wm_format_kind_fragment, bytes, &ids);
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

  wm_reader_init (&r, MAX_PROBLEMS + 1);
  document = read_map (&r, &wm_format_kind_map, bytes, NULL);
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
      g_autofree char *message = wm_format_too_large_message (size);

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
          g_autofree char *message = wm_format_too_large_message (data->len);

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
