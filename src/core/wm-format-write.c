/* wm-format-write.c: writing a map as the text of a .waymark file.
 *
 * One writer serves every element class: it walks the class's GParamSpecs
 * in file order (see wm-format.c) and leaves out what holds its default,
 * except where WM_PARAM_ALWAYS_SAVE says a reader needs it. json-glib's
 * generator, pretty-printed, keeps the key order stable, so an unchanged
 * map saves as the same bytes it was loaded from.
 */
#include "wm-format-private.h"

#include <math.h>

#include "wm-param.h"

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
    return g_strcmp0 (wm_format_nonempty (g_value_get_string (value)),
                      wm_format_nonempty (G_PARAM_SPEC_STRING (pspec)->default_value)) == 0;

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
  ClassInfo *info = wm_format_class_info (w->classes, G_OBJECT_TYPE (element));
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
      for (guint i = 0; i < WM_FORMAT_N_COLLECTIONS; i++)
        write_list (w, wm_format_collections[i].key, wm_format_collections[i].get_list (WM_DOCUMENT (element)));
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
  g_autoptr(GHashTable) classes = wm_format_classes_new ();
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
  if (kind == &wm_format_kind_fragment)
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

  return write_map (document, &wm_format_kind_map, NULL);
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

  return write_map (fragment, &wm_format_kind_fragment, items);
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

