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
 * data/waymark.schema.json, including every limit in wm-format-private.h.
 *
 * This file holds what the reader and the writer share: the document's
 * collections and what the format knows of each element class. The writer
 * is in wm-format-write.c, the reader in wm-format-read.c, and what reading
 * checks besides the tree walk in wm-format-check.c.
 */
#include "wm-format-private.h"

#include "wm-card.h"
#include "wm-evidence.h"
#include "wm-param.h"

const Kind wm_format_kind_map = { "waymark", "map" };
const Kind wm_format_kind_fragment = { "waymark-fragment", "fragment" };

G_DEFINE_QUARK (wm-format-error-quark, wm_format_error)

const Collection wm_format_collections[WM_FORMAT_N_COLLECTIONS] = {
  { "personas", "personas", wm_persona_get_type, wm_document_get_personas, MAX_PERSONAS },
  { "stages", "stages", wm_stage_get_type, wm_document_get_stages, MAX_STAGES },
  { "lanes", "lanes", wm_lane_get_type, wm_document_get_lanes, MAX_LANES },
  { "emotion_points", "emotion points", wm_emotion_point_get_type, wm_document_get_emotion_points, MAX_EMOTION_POINTS },
  { "moments", "moments of truth", wm_moment_get_type, wm_document_get_moments, MAX_MOMENTS },
};


/* ------------------------------------------------------------------------ */
/* What the format knows about each element class                           */

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

GHashTable *
wm_format_classes_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) class_info_free);
}

ClassInfo *
wm_format_class_info (GHashTable *classes,
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
      for (guint i = 0; i < WM_FORMAT_N_COLLECTIONS; i++)
        g_hash_table_insert (info->known, (char *) wm_format_collections[i].key, GUINT_TO_POINTER (OTHER_KEY));
    }

  g_hash_table_insert (classes, GSIZE_TO_POINTER (type), info);

  return info;
}

const char *
wm_format_nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}
