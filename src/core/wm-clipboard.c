/* wm-clipboard.c: elements of a map as data to copy and paste.
 *
 * A fragment is a map in miniature, written and read by the file format's
 * own code (so a hostile clipboard meets every check and limit a file
 * does): the elements copied, whole, with what is inside them; every
 * stage, lane and persona of the map they come from, as what names it, so
 * that pasting into another map can tell what a card's lane or a score's
 * persona was, and so which of its own stands for it; and "items", the ids
 * of the elements copied.
 * Pasting reads it and hands the items to wm_edit_insert_copies(), which
 * gives them new ids and finds their places.
 */
#include "wm-clipboard.h"

#include <glib/gi18n-lib.h>

#include "wm-card.h"
#include "wm-edit.h"
#include "wm-evidence.h"
#include "wm-format.h"
#include "wm-labels.h"

static const char *
id_of (gpointer element)
{
  return wm_element_get_id (WM_ELEMENT (element));
}

/* ------------------------------------------------------------------------ */
/* Fragments                                                                */

/* A copy of a stage, lane or persona that is only referred to: a stage
 * or a persona as what names it, a lane as what it takes to make one like
 * it in a map that has none. Nothing else of them goes on the clipboard. */
static WmElement *
reference_copy (WmElement *element)
{
  g_autofree char *name = NULL;
  WmElement *copy;

  if (!WM_IS_LANE (element))
    {
      g_object_get (element, "name", &name, NULL);
      return g_object_new (G_OBJECT_TYPE (element), "id", id_of (element), "name", name, NULL);
    }

  copy = wm_edit_copy_element (element, TRUE);
  g_list_store_remove_all (G_LIST_STORE (wm_element_get_evidence (copy)));
  wm_element_set_unknown (copy, NULL);

  return copy;
}

static void
add_copy (GListModel *list,
          gpointer    element)
{
  g_autoptr(WmElement) copy = wm_edit_copy_element (element, TRUE);

  g_list_store_append (G_LIST_STORE (list), copy);
}

/* Copies every stage, lane and persona of @document into @fragment: whole
 * if in @items, else as a reference. */
static void
add_tops (WmDocument *fragment,
          WmDocument *document,
          GHashTable *items)
{
  GListModel *(*lists[]) (WmDocument *) = {
    wm_document_get_personas, wm_document_get_stages, wm_document_get_lanes,
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GListModel *from = lists[l] (document);
      GListModel *to = lists[l] (fragment);

      for (guint i = 0; i < g_list_model_get_n_items (from); i++)
        {
          WmElement *element = wm_document_peek (from, i);
          g_autoptr(WmElement) copy = NULL;

          if (g_hash_table_contains (items, id_of (element)))
            copy = wm_edit_copy_element (element, TRUE);
          else
            copy = reference_copy (element);
          g_list_store_append (G_LIST_STORE (to), copy);
        }
    }
}

/* Copies into @fragment the cards in @items or inside them. */
static void
add_cards (WmDocument *fragment,
           WmDocument *document,
           GHashTable *items)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *fragment_lanes = wm_document_get_lanes (fragment);

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      {
        WmLane *lane = wm_document_peek (lanes, l);
        WmStage *stage = wm_document_peek (stages, s);
        GListModel *cards = wm_lane_get_cards (lane, id_of (stage));
        gboolean whole = g_hash_table_contains (items, id_of (lane)) ||
                         g_hash_table_contains (items, id_of (stage));

        for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
          if (whole || g_hash_table_contains (items, id_of (wm_document_peek (cards, i))))
            add_copy (wm_lane_get_cards (wm_document_peek (fragment_lanes, l), id_of (stage)), wm_document_peek (cards, i));
      }
}

/* Copies into @fragment the emotion points and moments of truth in @items
 * or inside them. */
static void
add_points_and_moments (WmDocument *fragment,
                        WmDocument *document,
                        GHashTable *items)
{
  GListModel *points = wm_document_get_emotion_points (document);
  GListModel *moments = wm_document_get_moments (document);

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      WmEmotionPoint *point = wm_document_peek (points, i);

      if (g_hash_table_contains (items, id_of (point)) ||
          g_hash_table_contains (items, wm_emotion_point_get_persona (point)) ||
          g_hash_table_contains (items, wm_emotion_point_get_stage (point)))
        add_copy (wm_document_get_emotion_points (fragment), point);
    }

  for (guint i = 0; i < g_list_model_get_n_items (moments); i++)
    {
      WmMoment *moment = wm_document_peek (moments, i);

      if (g_hash_table_contains (items, id_of (moment)) ||
          g_hash_table_contains (items, wm_moment_get_stage (moment)))
        add_copy (wm_document_get_moments (fragment), moment);
    }
}

/**
 * wm_clipboard_serialize:
 * @elements: elements of @document, of any kinds
 *
 * Returns: (transfer full) (nullable): @elements, with what is inside them,
 *   as a fragment of type %WM_CLIPBOARD_MIME_TYPE; %NULL if none of them
 *   is in @document
 */
GBytes *
wm_clipboard_serialize (WmDocument *document,
                        GListModel *elements)
{
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(WmDocument) fragment = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (elements), NULL);

  roots = wm_edit_collect (document, elements);
  if (roots->len == 0)
    return NULL;

  items = g_hash_table_new (g_str_hash, g_str_equal);
  ids = g_ptr_array_new ();
  for (guint i = 0; i < roots->len; i++)
    {
      g_hash_table_add (items, (char *) id_of (roots->pdata[i]));
      g_ptr_array_add (ids, (char *) id_of (roots->pdata[i]));
    }
  g_ptr_array_add (ids, NULL);

  /* Its scale, so that the scores copied are checked against it. */
  fragment = wm_document_new ();
  wm_document_set_scale_min (fragment, wm_document_get_scale_min (document));
  wm_document_set_scale_max (fragment, wm_document_get_scale_max (document));

  add_tops (fragment, document, items);
  add_cards (fragment, document, items);
  add_points_and_moments (fragment, document, items);
  /* Evidence copied alone rides on the fragment itself. */
  for (guint i = 0; i < roots->len; i++)
    if (WM_IS_EVIDENCE (roots->pdata[i]))
      add_copy (wm_element_get_evidence (WM_ELEMENT (fragment)), roots->pdata[i]);

  return wm_format_save_fragment (fragment, (const char * const *) ids->pdata);
}

/**
 * wm_clipboard_paste:
 * @fragment: what wm_clipboard_serialize() gave, in this map or another,
 *   or anything else from the clipboard
 * @target: (nullable): the element of @document to paste by, usually the
 *   one with the keyboard focus
 *
 * Pastes copies of the fragment's elements, with new ids, as one step;
 * where they go is described at wm_edit_insert_copies().
 *
 * Returns: (transfer full) (element-type WmElement): the pasted elements;
 *   or %NULL, changing nothing, with @error set: in %WM_FORMAT_ERROR when
 *   @fragment is not a fragment Waymark can read, in %WM_EDIT_ERROR when
 *   its elements have no place in @document
 */
GPtrArray *
wm_clipboard_paste (WmDocument  *document,
                    GBytes      *fragment,
                    WmElement   *target,
                    GError     **error)
{
  g_autoptr(WmDocument) source = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GListStore) store = NULL;
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (fragment != NULL, NULL);
  g_return_val_if_fail (target == NULL || WM_IS_ELEMENT (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = wm_format_load_fragment (fragment, &items, error);
  if (source == NULL)
    return NULL;

  elements = wm_edit_find_elements (source, (const char * const *) items);
  store = g_list_store_new (WM_TYPE_ELEMENT);
  g_list_store_splice (store, 0, 0, elements->pdata, elements->len);

  return wm_edit_insert_copies (document, source, G_LIST_MODEL (store), target, error);
}

/* ------------------------------------------------------------------------ */
/* Plain text                                                               */

/* Appends @text on a line of its own after @prefix, its next lines
 * indented as far. */
static void
append_line (GString    *out,
             const char *prefix,
             const char *text)
{
  g_autofree char *indent = g_strnfill (g_utf8_strlen (prefix, -1), ' ');
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, i == 0 ? prefix : indent);
      g_string_append (out, lines[i]);
    }
}

static const char *
lane_title (WmLane *lane)
{
  const char *title = wm_lane_get_title (lane);

  return *title != '\0' ? title : wm_labels_lane_kind (wm_lane_get_kind (lane));
}

/* Under a heading, the cards of @lane at @stage as a list. */
static void
append_cell (GString    *out,
             const char *heading,
             WmLane     *lane,
             WmStage    *stage)
{
  GListModel *cards = wm_lane_get_cards (lane, id_of (stage));
  g_autofree char *line = NULL;

  if (g_list_model_get_n_items (cards) == 0)
    return;

  line = g_strdup_printf (_("%s:"), heading);
  append_line (out, "", line);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    append_line (out, "- ", wm_card_get_text (wm_document_peek (cards, i)));
}

/* The name of the stage or persona of @list with that id, or "". */
static char *
name_of (GListModel *list,
         const char *id)
{
  WmElement *element = wm_document_find (list, id, NULL);
  char *name = NULL;

  if (element != NULL)
    g_object_get (element, "name", &name, NULL);

  return name != NULL ? name : g_strdup ("");
}

static void
append_score (GString        *out,
              WmDocument     *document,
              WmEmotionPoint *point)
{
  double score = wm_emotion_point_get_score (point);
  const char *label = wm_emotion_point_get_label (point);
  g_autofree char *persona = name_of (wm_document_get_personas (document),
                                      wm_emotion_point_get_persona (point));
  g_autofree char *stage = name_of (wm_document_get_stages (document),
                                    wm_emotion_point_get_stage (point));
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *line = NULL;

  if (*label == '\0' && score == (int) score)
    label = wm_document_get_scale_label (document, (int) score);
  g_ascii_formatd (number, sizeof number, "%g", score);
  if (label != NULL && *label != '\0')
    /* TRANSLATORS: a persona's emotion score at a stage, with its label:
     * "Anna, Purchase: 2 (Happy)" */
    line = g_strdup_printf (_("%s, %s: %s (%s)"), persona, stage, number, label);
  else
    /* TRANSLATORS: a persona's emotion score at a stage: "Anna, Purchase: 2" */
    line = g_strdup_printf (_("%s, %s: %s"), persona, stage, number);
  append_line (out, "", line);
}

/* Appends each of @texts that is not empty on a line of its own. */
static void
append_texts (GString    *out,
              const char *first,
              ...)
{
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    if (*text != '\0')
      append_line (out, "", text);
  va_end (args);
}

/* @element as a few lines of text. */
static char *
element_text (WmDocument *document,
              WmElement  *element)
{
  GString *out = g_string_new (NULL);
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);

  if (WM_IS_CARD (element))
    append_texts (out, wm_card_get_text (WM_CARD (element)), NULL);
  else if (WM_IS_STAGE (element))
    {
      append_texts (out, wm_stage_get_name (WM_STAGE (element)), NULL);
      for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
        append_cell (out, lane_title (wm_document_peek (lanes, i)), wm_document_peek (lanes, i), WM_STAGE (element));
    }
  else if (WM_IS_LANE (element))
    {
      append_texts (out, lane_title (WM_LANE (element)), NULL);
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        append_cell (out, wm_stage_get_name (wm_document_peek (stages, i)), WM_LANE (element), wm_document_peek (stages, i));
    }
  else if (WM_IS_PERSONA (element))
    append_texts (out, wm_persona_get_name (WM_PERSONA (element)),
                  wm_persona_get_job_role (WM_PERSONA (element)),
                  wm_persona_get_quote (WM_PERSONA (element)), NULL);
  else if (WM_IS_MOMENT (element))
    append_texts (out, wm_moment_get_title (WM_MOMENT (element)),
                  wm_moment_get_description (WM_MOMENT (element)), NULL);
  else if (WM_IS_EMOTION_POINT (element))
    append_score (out, document, WM_EMOTION_POINT (element));
  else if (WM_IS_EVIDENCE (element))
    append_texts (out, wm_evidence_get_note (WM_EVIDENCE (element)),
                  wm_evidence_get_link (WM_EVIDENCE (element)), NULL);

  return g_string_free (out, FALSE);
}

/**
 * wm_clipboard_to_text:
 * @elements: elements of @document, of any kinds
 *
 * Returns: (transfer full): @elements as plain text for other
 *   applications: a card as its text; a stage as its name and then its
 *   cards lane by lane (a lane likewise, stage by stage); several separated
 *   by blank lines; "" if none of them is in @document
 */
char *
wm_clipboard_to_text (WmDocument *document,
                      GListModel *elements)
{
  g_autoptr(GPtrArray) roots = NULL;
  GString *out;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (elements), NULL);

  roots = wm_edit_collect (document, elements);
  out = g_string_new (NULL);
  for (guint i = 0; i < roots->len; i++)
    {
      g_autofree char *text = element_text (document, roots->pdata[i]);

      if (*text == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}
