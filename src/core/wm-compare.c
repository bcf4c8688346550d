/* wm-compare.c: what changes from a current-state map to the future-state
 * map that improves on it, and the link from the one to the other.
 *
 * A future map is often made from a copy of the current one, so elements
 * keep their ids, but it may also be drawn afresh. Each kind of element is
 * therefore paired by id first, and what is left by what a person would
 * call the same: stages and personas by name, lanes by kind and title (in
 * any case, ignoring spaces around). Each element pairs at most once.
 *
 * Cards are compared cell by cell (a paired lane at a paired stage): first
 * by id, then the rest by their words. Two cards whose sets of words share
 * at least half (the Dice coefficient 2·|A∩B| / (|A| + |B|) ≥ 0.5) are one
 * card rewritten, the most alike pairing first. A card in one cell of one
 * map and another cell of the other is removed from the first and added to
 * the second: the comparison speaks stage by stage, as the map does.
 *
 * The link is the future map's "current-state-file", a path relative to
 * its own file, and "current-state-id", the id of the map found there.
 * Loading a map never follows it: only wm_compare_load_current() does,
 * when the user asks, through the same reader as any other map.
 */
#include "wm-compare.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-format.h"

/* The share of words two texts must have in common to be one card rewritten. */
#define SAME_CARD_SIMILARITY 0.5

typedef struct
{
  WmElement *current;   /* either may be NULL, not both; owned */
  WmElement *future;
} Pair;

static void
pair_clear (Pair *pair)
{
  g_clear_object (&pair->current);
  g_clear_object (&pair->future);
}

typedef struct
{
  WmCardChange change;
  char **properties;    /* owns what change.properties shows */
} CardChange;

struct _WmCompare
{
  GObject parent_instance;

  WmDocument *current;
  WmDocument *future;
  GArray *stages;      /* of Pair */
  GArray *personas;    /* of Pair */
  GPtrArray *changes;  /* per stage, a GPtrArray of CardChange */
};

G_DEFINE_FINAL_TYPE (WmCompare, wm_compare, G_TYPE_OBJECT)

G_DEFINE_QUARK (wm-compare-error-quark, wm_compare_error)

static void
card_change_free (CardChange *change)
{
  g_object_unref (change->change.lane);
  g_clear_object (&change->change.current);
  g_clear_object (&change->change.future);
  g_strfreev (change->properties);
  g_free (change);
}

static void
wm_compare_finalize (GObject *object)
{
  WmCompare *self = WM_COMPARE (object);

  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->personas, g_array_unref);
  g_ptr_array_unref (self->changes);
  g_clear_object (&self->current);
  g_clear_object (&self->future);

  G_OBJECT_CLASS (wm_compare_parent_class)->finalize (object);
}

static void
wm_compare_class_init (WmCompareClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_compare_finalize;
}

static void
wm_compare_init (WmCompare *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* ------------------------------------------------------------------------ */
/* Pairing elements                                                         */

/* A name as a person compares it: in any case and any Unicode form,
 * without spaces around. NULL for none, which pairs with nothing. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  char *folded;

  if (normal == NULL)
    return NULL;
  folded = g_strstrip (g_utf8_casefold (normal, -1));
  if (*folded == '\0')
    g_clear_pointer (&folded, g_free);
  return folded;
}

typedef char *(*KeyFunc) (WmElement *element);

static char *
stage_key (WmElement *element)
{
  return fold (wm_stage_get_name (WM_STAGE (element)));
}

static char *
persona_key (WmElement *element)
{
  return fold (wm_persona_get_name (WM_PERSONA (element)));
}

static char *
lane_key (WmElement *element)
{
  g_autofree char *title = fold (wm_lane_get_title (WM_LANE (element)));

  return title != NULL ? g_strdup_printf ("%d\n%s", wm_lane_get_kind (WM_LANE (element)), title) : NULL;
}

/* For each item of @future, the position + 1 of the item of @current it
 * pairs with, or 0: by id, then by @key. */
static guint *
pair_positions (GListModel *current,
                GListModel *future,
                KeyFunc     key)
{
  guint n_current = g_list_model_get_n_items (current);
  guint n_future = g_list_model_get_n_items (future);
  guint *paired = g_new0 (guint, n_future);
  g_autofree gboolean *taken = g_new0 (gboolean, n_current);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_current; i++)
    g_hash_table_insert (by_id, (gpointer) wm_element_get_id (wm_document_peek (current, i)),
                         GUINT_TO_POINTER (i + 1));

  for (guint j = 0; j < n_future; j++)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, wm_element_get_id (wm_document_peek (future, j))));

      if (i != 0)
        {
          paired[j] = i;
          taken[i - 1] = TRUE;
        }
    }

  /* The first of the same name, in order, pairs with the first. */
  for (guint i = n_current; i-- > 0;)
    {
      char *k = taken[i] ? NULL : key (wm_document_peek (current, i));

      if (k != NULL)
        g_hash_table_replace (by_key, k, GUINT_TO_POINTER (i + 1));
    }
  for (guint j = 0; j < n_future; j++)
    {
      g_autofree char *k = paired[j] != 0 ? NULL : key (wm_document_peek (future, j));
      guint i = k != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (by_key, k)) : 0;

      if (i != 0)
        {
          paired[j] = i;
          g_hash_table_remove (by_key, k);
        }
    }

  return paired;
}

/* The pairs of @current and @future: the future's items in order, with
 * each unpaired item of @current after the pair of the item it followed
 * (when @keep_order) or else at the end. */
static GArray *
pair_lists (GListModel *current,
            GListModel *future,
            KeyFunc     key,
            gboolean    keep_order)
{
  guint n_current = g_list_model_get_n_items (current);
  guint n_future = g_list_model_get_n_items (future);
  g_autofree guint *paired = pair_positions (current, future, key);
  g_autofree guint *row_of = g_new0 (guint, n_current); /* row + 1 of each paired current item */
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  g_array_set_clear_func (pairs, (GDestroyNotify) pair_clear);
  for (guint j = 0; j < n_future; j++)
    {
      Pair pair = { NULL, g_list_model_get_item (future, j) };

      if (paired[j] != 0)
        {
          pair.current = g_list_model_get_item (current, paired[j] - 1);
          row_of[paired[j] - 1] = pairs->len + 1;
        }
      g_array_append_val (pairs, pair);
    }

  for (guint i = 0; i < n_current; i++)
    {
      Pair pair = { NULL, NULL };
      guint row;

      if (row_of[i] != 0)
        continue;

      pair.current = g_list_model_get_item (current, i);
      row = pairs->len;
      if (keep_order)
        {
          /* After the row of the item before it; or first, if none. */
          row = i > 0 ? row_of[i - 1] : 0;
          for (guint k = 0; k < n_current; k++)
            if (row_of[k] > row)
              row_of[k]++;
        }
      g_array_insert_val (pairs, row, pair);
      row_of[i] = row + 1;
    }

  return pairs;
}

/* ------------------------------------------------------------------------ */
/* Cards                                                                    */

/* The distinct words of @text, in any case. */
static GHashTable *
words_of (const char *text)
{
  g_autofree char *folded = fold (text);
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *start = NULL;

  if (folded == NULL)
    return words;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gboolean in_word = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          g_hash_table_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  return words;
}

static double
similarity (GHashTable *a,
            GHashTable *b)
{
  guint n_a = g_hash_table_size (a), n_b = g_hash_table_size (b), shared = 0;
  GHashTableIter iter;
  gpointer word;

  if (n_a + n_b == 0)
    return 0.0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    shared += g_hash_table_contains (b, word);

  return 2.0 * shared / (n_a + n_b);
}

/* The names of the properties in which two cards differ, "text" first;
 * NULL when they are alike. */
static char **
card_differences (WmCard *current,
                  WmCard *future)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree GParamSpec **pspecs = NULL;
  gboolean any = FALSE;
  guint n_pspecs;

  if (!g_str_equal (wm_card_get_text (current), wm_card_get_text (future)))
    {
      g_strv_builder_add (builder, "text");
      any = TRUE;
    }

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (current), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      /* Not who the card is, but what it says. */
      if (pspec->owner_type != WM_TYPE_CARD || g_str_equal (pspec->name, "text"))
        continue;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (current), pspec->name, &a);
      g_object_get_property (G_OBJECT (future), pspec->name, &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        {
          g_strv_builder_add (builder, pspec->name);
          any = TRUE;
        }
    }

  return any ? g_strv_builder_end (builder) : NULL;
}

static void
add_change (GPtrArray        *changes,
            WmCardChangeKind  kind,
            WmLane           *lane,
            WmCard           *current,
            WmCard           *future,
            char            **properties)
{
  CardChange *change = g_new0 (CardChange, 1);

  change->change.kind = kind;
  change->change.lane = g_object_ref (lane);
  change->change.current = current != NULL ? g_object_ref (current) : NULL;
  change->change.future = future != NULL ? g_object_ref (future) : NULL;
  change->properties = properties;
  change->change.properties = (const char * const *) properties;
  g_ptr_array_add (changes, change);
}

/* For each card of @future, the position + 1 of the card of @current that
 * is the same card, or 0: the same id, else alike enough in words. */
static guint *
pair_cards (GListModel *current,
            GListModel *future)
{
  guint n_current = g_list_model_get_n_items (current);
  guint n_future = g_list_model_get_n_items (future);
  guint *paired = g_new0 (guint, n_future);
  g_autofree gboolean *taken = g_new0 (gboolean, n_current);
  g_autoptr(GPtrArray) current_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) future_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint j = 0; j < n_future; j++)
    for (guint i = 0; i < n_current && paired[j] == 0; i++)
      if (!taken[i] && g_str_equal (wm_element_get_id (wm_document_peek (current, i)),
                                    wm_element_get_id (wm_document_peek (future, j))))
        {
          paired[j] = i + 1;
          taken[i] = TRUE;
        }

  for (guint i = 0; i < n_current; i++)
    g_ptr_array_add (current_words, words_of (wm_card_get_text (wm_document_peek (current, i))));
  for (guint j = 0; j < n_future; j++)
    g_ptr_array_add (future_words, words_of (wm_card_get_text (wm_document_peek (future, j))));

  /* The most alike pair first, until no pair is alike enough. A cell holds
   * a handful of cards, so trying every pair each round costs nothing. */
  for (;;)
    {
      double best = SAME_CARD_SIMILARITY;
      guint best_i = 0, best_j = 0;
      gboolean found = FALSE;

      for (guint j = 0; j < n_future; j++)
        for (guint i = 0; i < n_current; i++)
          {
            double s;

            if (paired[j] != 0 || taken[i])
              continue;
            s = similarity (current_words->pdata[i], future_words->pdata[j]);
            if (s > best || (!found && s >= best))
              {
                best = s;
                best_i = i;
                best_j = j;
                found = TRUE;
              }
          }
      if (!found)
        break;
      paired[best_j] = best_i + 1;
      taken[best_i] = TRUE;
    }

  return paired;
}

static GListModel *
cell (WmLane  *lane,
      WmStage *stage)
{
  if (lane == NULL || stage == NULL || !wm_lane_has_cells (lane))
    return NULL;
  return wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));
}

static void
compare_cell (GPtrArray *changes,
              WmLane    *current_lane,
              WmLane    *future_lane,
              GListModel *current,
              GListModel *future)
{
  guint n_current = current != NULL ? g_list_model_get_n_items (current) : 0;
  guint n_future = future != NULL ? g_list_model_get_n_items (future) : 0;
  g_autofree guint *paired = NULL;
  g_autofree gboolean *kept = g_new0 (gboolean, n_current);

  if (n_future > 0 && n_current > 0)
    paired = pair_cards (current, future);

  for (guint j = 0; j < n_future; j++)
    {
      WmCard *card = wm_document_peek (future, j);

      if (paired != NULL && paired[j] != 0)
        {
          WmCard *before = wm_document_peek (current, paired[j] - 1);
          char **properties = card_differences (before, card);

          kept[paired[j] - 1] = TRUE;
          if (properties != NULL)
            add_change (changes, WM_CARD_CHANGE_CHANGED, future_lane, before, card, properties);
        }
      else
        add_change (changes, WM_CARD_CHANGE_ADDED, future_lane, NULL, card, NULL);
    }

  for (guint i = 0; i < n_current; i++)
    if (!kept[i])
      add_change (changes, WM_CARD_CHANGE_REMOVED, current_lane, wm_document_peek (current, i), NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* The comparison                                                           */

/**
 * wm_compare_new:
 * @current: the map as the journey is today
 * @future: the map as it should be
 *
 * Compares the two maps as they are now: after an edit of either, make a
 * new comparison. It keeps the elements it names alive.
 */
WmCompare *
wm_compare_new (WmDocument *current,
                WmDocument *future)
{
  WmCompare *self;
  g_autoptr(GArray) lanes = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (current), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (future), NULL);

  self = g_object_new (WM_TYPE_COMPARE, NULL);
  self->current = g_object_ref (current);
  self->future = g_object_ref (future);

  self->stages = pair_lists (wm_document_get_stages (current), wm_document_get_stages (future),
                             stage_key, TRUE);
  self->personas = pair_lists (wm_document_get_personas (current), wm_document_get_personas (future),
                               persona_key, FALSE);
  lanes = pair_lists (wm_document_get_lanes (current), wm_document_get_lanes (future), lane_key, TRUE);

  for (guint s = 0; s < self->stages->len; s++)
    {
      Pair *stage = &g_array_index (self->stages, Pair, s);
      GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) card_change_free);

      for (guint l = 0; l < lanes->len; l++)
        {
          Pair *lane = &g_array_index (lanes, Pair, l);

          compare_cell (changes, WM_LANE (lane->current), WM_LANE (lane->future),
                        cell (WM_LANE (lane->current), WM_STAGE (stage->current)),
                        cell (WM_LANE (lane->future), WM_STAGE (stage->future)));
        }
      g_ptr_array_add (self->changes, changes);
    }

  return self;
}

WmDocument *
wm_compare_get_current (WmCompare *self)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);

  return self->current;
}

WmDocument *
wm_compare_get_future (WmCompare *self)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);

  return self->future;
}

guint
wm_compare_get_n_stages (WmCompare *self)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), 0);

  return self->stages->len;
}

/**
 * wm_compare_get_current_stage:
 *
 * Returns: (transfer none) (nullable): the current map's stage of that
 *   row, or %NULL when the stage is only in the future map
 */
WmStage *
wm_compare_get_current_stage (WmCompare *self,
                              guint      stage)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);
  g_return_val_if_fail (stage < self->stages->len, NULL);

  return (WmStage *) g_array_index (self->stages, Pair, stage).current;
}

/**
 * wm_compare_get_future_stage:
 *
 * Returns: (transfer none) (nullable): the future map's stage of that
 *   row, or %NULL when the stage is only in the current map
 */
WmStage *
wm_compare_get_future_stage (WmCompare *self,
                             guint      stage)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);
  g_return_val_if_fail (stage < self->stages->len, NULL);

  return (WmStage *) g_array_index (self->stages, Pair, stage).future;
}

guint
wm_compare_get_n_personas (WmCompare *self)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), 0);

  return self->personas->len;
}

/**
 * wm_compare_get_current_persona:
 *
 * Returns: (transfer none) (nullable): the current map's persona, or
 *   %NULL when the persona is only in the future map
 */
WmPersona *
wm_compare_get_current_persona (WmCompare *self,
                                guint      persona)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);
  g_return_val_if_fail (persona < self->personas->len, NULL);

  return (WmPersona *) g_array_index (self->personas, Pair, persona).current;
}

/**
 * wm_compare_get_future_persona:
 *
 * Returns: (transfer none) (nullable): the future map's persona, or %NULL
 *   when the persona is only in the current map
 */
WmPersona *
wm_compare_get_future_persona (WmCompare *self,
                               guint      persona)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);
  g_return_val_if_fail (persona < self->personas->len, NULL);

  return (WmPersona *) g_array_index (self->personas, Pair, persona).future;
}

static WmEmotionPoint *
point_of (WmDocument *document,
          WmElement  *persona,
          WmElement  *stage)
{
  if (persona == NULL || stage == NULL)
    return NULL;
  return wm_document_find_emotion_point (document, wm_element_get_id (persona), wm_element_get_id (stage));
}

/**
 * wm_compare_get_current_point:
 *
 * Returns: (transfer none) (nullable): how the persona feels at the stage
 *   in the current map, if it says
 */
WmEmotionPoint *
wm_compare_get_current_point (WmCompare *self,
                              guint      persona,
                              guint      stage)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);
  g_return_val_if_fail (persona < self->personas->len && stage < self->stages->len, NULL);

  return point_of (self->current, g_array_index (self->personas, Pair, persona).current,
                   g_array_index (self->stages, Pair, stage).current);
}

/**
 * wm_compare_get_future_point:
 *
 * Returns: (transfer none) (nullable): how the persona feels at the stage
 *   in the future map, if it says
 */
WmEmotionPoint *
wm_compare_get_future_point (WmCompare *self,
                             guint      persona,
                             guint      stage)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);
  g_return_val_if_fail (persona < self->personas->len && stage < self->stages->len, NULL);

  return point_of (self->future, g_array_index (self->personas, Pair, persona).future,
                   g_array_index (self->stages, Pair, stage).future);
}

/**
 * wm_compare_get_score_change:
 * @change: (out): the future score minus the current one
 *
 * Returns: whether both maps give the persona a score at the stage
 */
gboolean
wm_compare_get_score_change (WmCompare *self,
                             guint      persona,
                             guint      stage,
                             double    *change)
{
  WmEmotionPoint *current = wm_compare_get_current_point (self, persona, stage);
  WmEmotionPoint *future = wm_compare_get_future_point (self, persona, stage);

  g_return_val_if_fail (change != NULL, FALSE);

  if (current == NULL || future == NULL)
    return FALSE;
  *change = wm_emotion_point_get_score (future) - wm_emotion_point_get_score (current);
  return TRUE;
}

guint
wm_compare_get_n_card_changes (WmCompare *self,
                               guint      stage)
{
  g_return_val_if_fail (WM_IS_COMPARE (self), 0);
  g_return_val_if_fail (stage < self->changes->len, 0);

  return ((GPtrArray *) self->changes->pdata[stage])->len;
}

/**
 * wm_compare_get_card_change:
 *
 * Returns: (transfer none): a card added, removed or changed at the stage;
 *   it lives as long as @self
 */
const WmCardChange *
wm_compare_get_card_change (WmCompare *self,
                            guint      stage,
                            guint      index)
{
  GPtrArray *changes;

  g_return_val_if_fail (WM_IS_COMPARE (self), NULL);
  g_return_val_if_fail (stage < self->changes->len, NULL);
  changes = self->changes->pdata[stage];
  g_return_val_if_fail (index < changes->len, NULL);

  return &((CardChange *) changes->pdata[index])->change;
}

/* ------------------------------------------------------------------------ */
/* The link                                                                 */

/* The folders of an absolute @path below its root, without empty ones. */
static GPtrArray *
path_parts (const char  *path,
            char       **root)
{
  const char *rest = g_path_skip_root (path);
  g_auto(GStrv) parts = g_strsplit (rest != NULL ? rest : path, G_DIR_SEPARATOR_S, -1);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

  *root = g_strndup (path, rest != NULL ? (gsize) (rest - path) : 0);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (kept, g_strdup (parts[i]));

  return kept;
}

/**
 * wm_compare_link_path:
 * @future_file: where the future-state map is saved
 * @current_file: where the current-state map is
 *
 * Returns: (transfer full) (nullable): the path to @current_file from the
 *   folder of @future_file, with "/" between folders and ".." for a parent,
 *   as the file keeps it; an absolute path when the two share no root (two
 *   drives); %NULL when either is not a file on a disk of this computer
 */
char *
wm_compare_link_path (GFile *future_file,
                      GFile *current_file)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *from_path = NULL;
  g_autofree char *to_path = NULL;
  g_autofree char *from_root = NULL;
  g_autofree char *to_root = NULL;
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) parts = NULL;
  guint common = 0;

  g_return_val_if_fail (G_IS_FILE (future_file), NULL);
  g_return_val_if_fail (G_IS_FILE (current_file), NULL);

  folder = g_file_get_parent (future_file);
  from_path = folder != NULL ? g_file_get_path (folder) : NULL;
  to_path = g_file_get_path (current_file);
  if (from_path == NULL || to_path == NULL)
    return NULL;

  from = path_parts (from_path, &from_root);
  to = path_parts (to_path, &to_root);
  if (g_strcmp0 (from_root, to_root) != 0)
    return g_steal_pointer (&to_path);

  while (common < from->len && common < to->len &&
         g_str_equal (from->pdata[common], to->pdata[common]))
    common++;

  builder = g_strv_builder_new ();
  for (guint i = common; i < from->len; i++)
    g_strv_builder_add (builder, "..");
  for (guint i = common; i < to->len; i++)
    g_strv_builder_add (builder, to->pdata[i]);
  parts = g_strv_builder_end (builder);

  return g_strjoinv ("/", parts);
}

/**
 * wm_compare_resolve_link:
 * @future: a map that may name its current-state map
 * @future_file: (nullable): where @future is saved
 *
 * Says where the current-state map is, without opening it.
 *
 * Returns: (transfer full) (nullable): the file @future names, or %NULL
 *   when it names none, or names it relative to a file it does not have
 */
GFile *
wm_compare_resolve_link (WmDocument *future,
                         GFile      *future_file)
{
  const char *path;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (future), NULL);
  g_return_val_if_fail (future_file == NULL || G_IS_FILE (future_file), NULL);

  path = wm_document_get_current_state_file (future);
  if (*path == '\0')
    return NULL;
  if (g_path_is_absolute (path))
    return g_file_new_for_path (path);

  folder = future_file != NULL ? g_file_get_parent (future_file) : NULL;
  return folder != NULL ? g_file_resolve_relative_path (folder, path) : NULL;
}

/**
 * wm_compare_can_link:
 * @future: a future-state map
 * @future_file: (nullable): where @future is saved
 *
 * Whether @future can name a current-state map, before asking which: the
 * link is relative to @future's file, so the map must be saved first.
 */
gboolean
wm_compare_can_link (WmDocument  *future,
                     GFile       *future_file,
                     GError     **error)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (future), FALSE);
  g_return_val_if_fail (future_file == NULL || G_IS_FILE (future_file), FALSE);

  if (future_file == NULL)
    {
      g_set_error_literal (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_UNSAVED,
                           _("Save this map first: the current-state map is found from where this one is saved"));
      return FALSE;
    }
  return TRUE;
}

/**
 * wm_compare_link:
 * @future: a future-state map
 * @future_file: where @future is saved
 * @current_file: the current-state map it improves on, as the user chose it
 *
 * Makes @future name the map in @current_file, which is read to learn its
 * id; one undoable step. Fails, changing nothing, when @future is not
 * saved, when @current_file is not a map, or is @future itself.
 */
gboolean
wm_compare_link (WmDocument  *future,
                 GFile       *future_file,
                 GFile       *current_file,
                 GError     **error)
{
  g_autoptr(WmDocument) current = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  WmHistory *history;

  g_return_val_if_fail (WM_IS_DOCUMENT (future), FALSE);
  g_return_val_if_fail (future_file == NULL || G_IS_FILE (future_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (current_file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!wm_compare_can_link (future, future_file, error))
    return FALSE;

  name = g_file_get_basename (current_file);
  if (g_file_equal (future_file, current_file))
    {
      g_set_error_literal (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_SAME_MAP,
                           _("A map cannot improve on itself: choose the current-state map"));
      return FALSE;
    }

  current = wm_format_load_file (current_file, NULL, &local_error);
  if (current == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* TRANSLATORS: a file chosen as the current-state map; then why it cannot be */
                   _("“%s” cannot be used: %s"), name, local_error->message);
      return FALSE;
    }
  if (g_str_equal (wm_element_get_id (WM_ELEMENT (current)), wm_element_get_id (WM_ELEMENT (future))))
    {
      g_set_error_literal (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_SAME_MAP,
                           _("A map cannot improve on itself: choose the current-state map"));
      return FALSE;
    }

  path = wm_compare_link_path (future_file, current_file);
  if (path == NULL)
    {
      g_set_error (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_NOT_A_FILE,
                   _("“%s” cannot be used: it is not on a disk of this computer"), name);
      return FALSE;
    }

  history = wm_document_get_history (future);
  wm_history_begin (history, _("Link Current-State Map"));
  wm_history_set (history, future,
                  "current-state-file", path,
                  "current-state-id", wm_element_get_id (WM_ELEMENT (current)),
                  NULL);
  wm_history_end (history);
  return TRUE;
}

/**
 * wm_compare_unlink:
 *
 * Makes @future name no current-state map; one undoable step.
 */
void
wm_compare_unlink (WmDocument *future)
{
  WmHistory *history;

  g_return_if_fail (WM_IS_DOCUMENT (future));

  history = wm_document_get_history (future);
  wm_history_begin (history, _("Unlink Current-State Map"));
  wm_history_set (history, future, "current-state-file", NULL, "current-state-id", NULL, NULL);
  wm_history_end (history);
}

/**
 * wm_compare_load_current:
 * @future: a map that names its current-state map
 * @future_file: (nullable): where @future is saved
 *
 * Opens the current-state map @future names, as any map is opened, and
 * checks that it is the map that was linked.
 *
 * Returns: (transfer full) (nullable): the current-state map, or %NULL with
 *   @error saying, for the user, which map cannot be opened and why
 */
WmDocument *
wm_compare_load_current (WmDocument    *future,
                         GFile         *future_file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  const char *path;
  const char *id;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(WmDocument) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (future), NULL);
  g_return_val_if_fail (future_file == NULL || G_IS_FILE (future_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = wm_document_get_current_state_file (future);
  id = wm_document_get_current_state_id (future);
  if (*path == '\0')
    {
      g_set_error_literal (error, WM_COMPARE_ERROR, WM_COMPARE_ERROR_NOT_LINKED,
                           _("This map names no current-state map: choose one in the map’s settings"));
      return NULL;
    }

  file = wm_compare_resolve_link (future, future_file);
  if (file == NULL)
    local_error = g_error_new_literal (WM_COMPARE_ERROR, WM_COMPARE_ERROR_UNSAVED,
                                       _("its place is relative to this map’s file, and this map is not saved"));
  else
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                              cancellable, &local_error);

  /* A path in a file is not to be trusted: read only a regular file, never
   * a device or a pipe that would never end. */
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    local_error = g_error_new_literal (WM_COMPARE_ERROR, WM_COMPARE_ERROR_NOT_A_FILE,
                                       _("it is not a file"));
  else if (info != NULL)
    current = wm_format_load_file (file, cancellable, &local_error);

  if (current != NULL && *id != '\0' && !g_str_equal (wm_element_get_id (WM_ELEMENT (current)), id))
    {
      local_error = g_error_new_literal (WM_COMPARE_ERROR, WM_COMPARE_ERROR_OTHER_MAP,
                                         _("the file there is now another map; choose the current-state map again in the map’s settings"));
      g_clear_object (&current);
    }

  if (current != NULL)
    return g_steal_pointer (&current);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = g_strdup (_("there is no such file (was it moved or renamed?); choose it again in the map’s settings"));
  else
    reason = g_strdup (local_error->message);
  g_set_error (error, local_error->domain, local_error->code,
               /* TRANSLATORS: the path of the current-state map, then why it cannot be opened */
               _("The current-state map “%s” cannot be opened: %s"), path, reason);
  return NULL;
}
