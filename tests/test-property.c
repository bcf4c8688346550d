/* test-property.c: random edit sequences never lose or change work.
 *
 * On each example map and the full test map, many random sequences of the
 * edits a designer makes (wm-edit.h, and wm_history_set as the inspector
 * does), each checked for three promises:
 *  - undoing every step gives back the very bytes the map saved as before;
 *  - redoing every step gives back the very bytes it saved as after;
 *  - at any point, saving and loading the map saves to the same bytes.
 *
 * Reproducible: a failure names the sequence and lists its edits; run the
 * same test with the --seed printed at the start ("# random seed: …") and
 * -p with its path. More sequences with -m slow (40 times as many: a
 * thousand per map), or exactly N per map with WAYMARK_PROPERTY_SEQUENCES=N.
 */
#include <string.h>

#include "wm-card.h"
#include "wm-clipboard.h"
#include "wm-document.h"
#include "wm-edit.h"
#include "wm-enum-types.h"
#include "wm-evidence.h"
#include "wm-format.h"
#include "wm-param.h"

#include "test-util.h"

#define SEQUENCES 25 /* per map, in the normal suite */
#define MAX_EDITS 30 /* per sequence */

typedef struct
{
  WmDocument *document;
  GString *log;   /* the edits of this sequence, for a failure's message */
  guint n_notes;
  guint sequence;
} Run;

static void
note (Run        *run,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
note (Run        *run,
      const char *format,
      ...)
{
  va_list args;

  g_string_append_printf (run->log, "  %u: ", ++run->n_notes);
  va_start (args, format);
  g_string_append_vprintf (run->log, format, args);
  va_end (args);
  g_string_append_c (run->log, '\n');
}

/* Fails, if @actual is not @expected, showing where they part and the
 * edits that led there. */
static void
assert_same (Run        *run,
             GBytes     *expected,
             GBytes     *actual,
             const char *what)
{
  gsize expected_size, actual_size, at = 0;
  const char *e = g_bytes_get_data (expected, &expected_size);
  const char *a = g_bytes_get_data (actual, &actual_size);
  g_autofree char *e_part = NULL;
  g_autofree char *a_part = NULL;
  gsize start;

  if (g_bytes_equal (expected, actual))
    return;

  while (at < expected_size && at < actual_size && e[at] == a[at])
    at++;
  start = at > 200 ? at - 200 : 0;
  e_part = g_strndup (e + start, MIN (expected_size - start, 400));
  a_part = g_strndup (a + start, MIN (actual_size - start, 400));
  g_test_message ("%s: not the same bytes, from byte %" G_GSIZE_FORMAT ", in sequence %u after:\n%s",
                  what, at, run->sequence, run->log->str);
  g_assert_cmpstr (a_part, ==, e_part);
}

/* load(save(map)) saves to the same bytes, and they are @saved. */
static void
assert_round_trip (Run    *run,
                   GBytes *saved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) loaded = wm_format_load_bytes (saved, &error);
  g_autoptr(GBytes) again = NULL;

  if (loaded == NULL)
    g_test_message ("The map saved in sequence %u does not load, after:\n%s", run->sequence, run->log->str);
  g_assert_no_error (error);
  again = wm_format_save_bytes (loaded);
  assert_same (run, saved, again, "saved, loaded and saved again");
}

/* Random choices */

static gpointer
pick (GPtrArray *array)
{
  return array->len > 0 ? g_ptr_array_index (array, g_test_rand_int_range (0, array->len)) : NULL;
}

static gpointer
pick_from (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GObject) object = n > 0 ? g_list_model_get_item (list, g_test_rand_int_range (0, n)) : NULL;

  return object; /* the list keeps it alive */
}

static const char *
random_text (void)
{
  static const char * const texts[] = {
    "", "Calls the hotline", "Ärger über Wartezeit", "مقایسه قیمت‌ها", "買い物かご", "🚗 test drive",
    "two\nlines", "tab\there", "quotes \" and \\ backslash", "   spaces around   ", "<b>not markup</b>",
    "a very long text that goes on and on, the kind a workshop produces when someone pastes the "
    "whole interview transcript into one card, with commas, full stops. And more.",
  };

  return texts[g_test_rand_int_range (0, G_N_ELEMENTS (texts))];
}

/* All elements of the map, the map itself excepted. */
static GPtrArray *
all_elements (WmDocument *document)
{
  GListModel *lists[] = {
    wm_document_get_personas (document), wm_document_get_stages (document),
    wm_document_get_lanes (document), wm_document_get_moments (document),
    wm_document_get_emotion_points (document),
  };
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GPtrArray *elements = g_ptr_array_new ();
  guint n;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      g_ptr_array_add (elements, item (lists[l], i));
  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      {
        GListModel *cards = wm_lane_get_cards (item (lanes, l), wm_element_get_id (item (stages, s)));

        for (guint c = 0; cards != NULL && c < g_list_model_get_n_items (cards); c++)
          g_ptr_array_add (elements, item (cards, c));
      }
  /* Evidence too, of the map and of every element. */
  n = elements->len;
  for (guint i = 0; i <= n; i++)
    {
      WmElement *element = i < n ? g_ptr_array_index (elements, i) : WM_ELEMENT (document);
      GListModel *evidence = wm_element_get_evidence (element);

      for (guint e = 0; evidence != NULL && e < g_list_model_get_n_items (evidence); e++)
        g_ptr_array_add (elements, item (evidence, e));
    }

  return elements;
}

static GPtrArray *
of_type (GPtrArray *elements,
         GType      type)
{
  GPtrArray *some = g_ptr_array_new ();

  for (guint i = 0; i < elements->len; i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (elements, i), type))
      g_ptr_array_add (some, g_ptr_array_index (elements, i));
  return some;
}

/* A value the editor could give @pspec, or FALSE for properties the
 * editor changes only through an edit of its own (ids, scores, the scale,
 * references, pictures) or never (the dates a save stamps). */
static gboolean
random_value (GParamSpec *pspec,
              GValue     *value)
{
  static const char * const own_edits[] = {
    "id", "score", "scale-min", "scale-max", "scale-labels", "picture", "picture-type", NULL,
  };
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0 ||
      (pspec->flags & (WM_PARAM_DATE_TIME | WM_PARAM_REF_PERSONA | WM_PARAM_REF_STAGE | WM_PARAM_REF_LANE)) != 0 ||
      g_strv_contains (own_edits, pspec->name))
    return FALSE;

  g_value_init (value, type);
  if (type == G_TYPE_STRING && (pspec->flags & WM_PARAM_COLOR) != 0)
    g_value_take_string (value, g_strdup_printf ("#%06x", g_test_rand_int_range (0, 0x1000000)));
  else if (type == G_TYPE_STRING && (pspec->flags & WM_PARAM_DATE) != 0)
    g_value_take_string (value, g_strdup_printf ("20%02d-%02d-%02d", g_test_rand_int_range (0, 30),
                                                 g_test_rand_int_range (1, 13), g_test_rand_int_range (1, 29)));
  else if (type == G_TYPE_STRING)
    g_value_set_string (value, g_test_rand_int_range (0, 8) == 0 ? NULL : random_text ());
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *range = G_PARAM_SPEC_INT (pspec);

      g_value_set_int (value, g_test_rand_int_range (0, 3) == 0 ? range->minimum :
                              g_test_rand_int_range (0, 3) == 0 ? range->maximum :
                              g_test_rand_int_range (range->minimum, MIN (range->maximum, range->minimum + 200)));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      static const double doubles[] = { 0, 1, -1, 0.1, 12.5, 99.99, 1e-7, 123456.789, 1e15, -1e15, 1.0 / 3 };

      g_value_set_double (value, doubles[g_test_rand_int_range (0, G_N_ELEMENTS (doubles))]);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, g_test_rand_bit ());
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enums = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_value_set_enum (value, enums->values[g_test_rand_int_range (0, enums->n_values)].value);
    }
  else
    {
      g_value_unset (value);
      return FALSE;
    }

  return TRUE;
}

/* The edits */

static void
edit_property (Run       *run,
               GPtrArray *elements)
{
  GObject *object = g_test_rand_int_range (0, 6) == 0 ? G_OBJECT (run->document) : pick (elements);
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = NULL;
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *shown = NULL;

  if (object == NULL)
    return;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  pspec = pspecs[g_test_rand_int_range (0, n_pspecs)];
  if (!random_value (pspec, &value))
    return;

  shown = g_strdup_value_contents (&value);
  note (run, "set %s of %s to %s", pspec->name, wm_element_get_id (WM_ELEMENT (object)), shown);
  wm_history_set_value (wm_document_get_history (run->document), object, pspec->name, &value);
}

static void
edit_add (Run       *run,
          GPtrArray *elements)
{
  WmDocument *document = run->document;
  WmStage *stage = pick_from (wm_document_get_stages (document));
  WmLane *lane = pick_from (wm_document_get_lanes (document));
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  guint n_lanes = g_list_model_get_n_items (wm_document_get_lanes (document));
  GEnumClass *kinds = g_type_class_peek (WM_TYPE_LANE_KIND);

  switch (g_test_rand_int_range (0, 5))
    {
    case 0:
      note (run, "add a stage");
      wm_edit_add_stage (document, g_test_rand_int_range (0, n_stages + 1), g_test_rand_bit () ? random_text () : NULL);
      break;
    case 1:
      note (run, "add a lane");
      wm_edit_add_lane (document, g_test_rand_int_range (0, n_lanes + 1),
                        kinds->values[g_test_rand_int_range (0, kinds->n_values)].value, random_text ());
      break;
    case 2:
      note (run, "add a persona");
      wm_edit_add_persona (document, random_text ());
      break;
    case 3:
      if (stage == NULL)
        return;
      note (run, "add a moment at %s", wm_element_get_id (WM_ELEMENT (stage)));
      wm_edit_add_moment (document, stage, g_test_rand_bit () ? lane : NULL, random_text ());
      break;
    default:
      if (stage == NULL || lane == NULL)
        return;
      note (run, "add a card in %s × %s", wm_element_get_id (WM_ELEMENT (lane)), wm_element_get_id (WM_ELEMENT (stage)));
      wm_edit_add_card (document, lane, stage, g_test_rand_int_range (0, 5), random_text ());
      break;
    }
}

static void
edit_score (Run       *run,
            GPtrArray *elements)
{
  WmPersona *persona = pick_from (wm_document_get_personas (run->document));
  WmStage *stage = pick_from (wm_document_get_stages (run->document));
  double score = g_test_rand_double_range (-12, 12);

  if (persona == NULL || stage == NULL)
    return;
  note (run, "score %s at %s: %g", wm_element_get_id (WM_ELEMENT (persona)), wm_element_get_id (WM_ELEMENT (stage)), score);
  wm_edit_set_score (run->document, persona, stage, score);
}

static void
edit_move (Run       *run,
           GPtrArray *elements)
{
  WmDocument *document = run->document;
  WmStage *stage = pick_from (wm_document_get_stages (document));
  WmLane *lane = pick_from (wm_document_get_lanes (document));
  WmMoment *moment = pick_from (wm_document_get_moments (document));
  g_autoptr(GPtrArray) cards = of_type (elements, WM_TYPE_CARD);
  WmCard *card = pick (cards);
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  guint n_lanes = g_list_model_get_n_items (wm_document_get_lanes (document));

  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      if (stage == NULL)
        return;
      note (run, "move %s", wm_element_get_id (WM_ELEMENT (stage)));
      wm_edit_move_stage (document, stage, g_test_rand_int_range (0, n_stages + 1));
      break;
    case 1:
      if (lane == NULL)
        return;
      note (run, "move %s", wm_element_get_id (WM_ELEMENT (lane)));
      wm_edit_move_lane (document, lane, g_test_rand_int_range (0, n_lanes + 1));
      break;
    case 2:
      if (card == NULL || lane == NULL || stage == NULL)
        return;
      note (run, "move %s to %s × %s", wm_element_get_id (WM_ELEMENT (card)),
            wm_element_get_id (WM_ELEMENT (lane)), wm_element_get_id (WM_ELEMENT (stage)));
      wm_edit_move_card (document, card, lane, stage, g_test_rand_int_range (0, 5));
      break;
    default:
      if (moment == NULL || stage == NULL)
        return;
      note (run, "move %s to %s", wm_element_get_id (WM_ELEMENT (moment)), wm_element_get_id (WM_ELEMENT (stage)));
      wm_edit_move_moment (document, moment, stage, g_test_rand_bit () ? lane : NULL);
      break;
    }
}

/* A selection of one to three random elements. */
static GListModel *
random_selection (Run       *run,
                  GPtrArray *elements,
                  const char *verb)
{
  GListStore *selection = g_list_store_new (WM_TYPE_ELEMENT);
  guint n = g_test_rand_int_range (1, 4);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < n && elements->len > 0; i++)
    {
      WmElement *element = pick (elements);

      if (g_list_store_find (selection, element, NULL))
        continue;
      g_list_store_append (selection, element);
      g_string_append_printf (ids, " %s", wm_element_get_id (element));
    }
  note (run, "%s%s", verb, ids->str);
  g_string_free (ids, TRUE);
  return G_LIST_MODEL (selection);
}

static void
edit_delete (Run       *run,
             GPtrArray *elements)
{
  g_autoptr(GListModel) selection = random_selection (run, elements, "delete");

  wm_edit_delete (run->document, selection);
}

static void
edit_duplicate (Run       *run,
                GPtrArray *elements)
{
  g_autoptr(GListModel) selection = random_selection (run, elements, "duplicate");
  g_autoptr(GPtrArray) copies = wm_edit_duplicate (run->document, selection);
}

/* Copy and paste, within the map, onto a random target. */
static void
edit_paste (Run       *run,
            GPtrArray *elements)
{
  g_autoptr(GListModel) selection = random_selection (run, elements, "copy");
  g_autoptr(GBytes) fragment = wm_clipboard_serialize (run->document, selection);
  WmElement *target = g_test_rand_bit () ? pick (elements) : NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;

  note (run, "paste onto %s", target != NULL ? wm_element_get_id (target) : "nothing");
  pasted = wm_clipboard_paste (run->document, fragment, target, &error);
  if (pasted == NULL)
    g_assert_true (g_error_matches (error, WM_EDIT_ERROR, WM_EDIT_ERROR_NOTHING) ||
                   g_error_matches (error, WM_EDIT_ERROR, WM_EDIT_ERROR_NO_PLACE));
}

static void
edit_evidence (Run       *run,
               GPtrArray *elements)
{
  WmElement *element = g_test_rand_int_range (0, 6) == 0 ? WM_ELEMENT (run->document) : pick (elements);
  GListModel *evidence;
  g_autoptr(WmEvidence) piece = NULL;

  if (element == NULL || WM_IS_EVIDENCE (element))
    return;
  evidence = wm_element_get_evidence (element);
  if (evidence != NULL && g_list_model_get_n_items (evidence) > 0 && g_test_rand_bit ())
    {
      note (run, "remove evidence of %s", wm_element_get_id (element));
      wm_edit_remove_evidence (run->document, element, g_test_rand_int_range (0, g_list_model_get_n_items (evidence)));
      return;
    }

  piece = wm_evidence_new ();
  wm_evidence_set_note (piece, random_text ());
  wm_evidence_set_sample_size (piece, g_test_rand_int_range (0, 500));
  note (run, "add evidence to %s", wm_element_get_id (element));
  wm_edit_add_evidence (run->document, element, piece);
}

static void
edit_nudge (Run       *run,
            GPtrArray *elements)
{
  WmElement *element = pick (elements);
  int dx = g_test_rand_int_range (-1, 2), dy = g_test_rand_int_range (-1, 2);

  if (element == NULL)
    return;
  note (run, "nudge %s by %d, %d", wm_element_get_id (element), dx, dy);
  wm_edit_nudge (run->document, element, dx, dy);
}

static void
edit_picture (Run       *run,
              GPtrArray *elements)
{
  static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
                            "<circle cx='4' cy='4' r='4' fill='#e66100'/></svg>";
  WmPersona *persona = pick_from (wm_document_get_personas (run->document));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (persona == NULL)
    return;
  if (wm_persona_get_picture (persona) != NULL && g_test_rand_bit ())
    {
      note (run, "remove the picture of %s", wm_element_get_id (WM_ELEMENT (persona)));
      wm_history_set (wm_document_get_history (run->document), persona,
                      "picture", NULL, "picture-type", NULL, NULL);
      return;
    }

  bytes = g_bytes_new_static (svg, strlen (svg));
  note (run, "give %s a picture", wm_element_get_id (WM_ELEMENT (persona)));
  g_assert_true (wm_edit_set_picture (run->document, persona, bytes, &error));
  g_assert_no_error (error);
}

typedef void (*Edit) (Run *run, GPtrArray *elements);

/* One random sequence on a fresh copy of @original; returns the number of
 * steps it made. */
static guint
run_sequence (Run    *run,
              GBytes *original)
{
  static const Edit edits[] = {
    edit_property, edit_property, edit_property, edit_add, edit_add, edit_score, edit_move,
    edit_move, edit_delete, edit_duplicate, edit_paste, edit_evidence, edit_nudge, edit_picture,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_format_load_bytes (original, &error);
  WmHistory *history;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  guint n_edits = g_test_rand_int_range (1, MAX_EDITS + 1);
  guint undos = 0;

  g_assert_no_error (error);
  history = wm_document_get_history (document);
  run->document = document;
  g_string_truncate (run->log, 0);
  run->n_notes = 0;
  before = wm_format_save_bytes (document);

  for (guint i = 0; i < n_edits; i++)
    {
      g_autoptr(GPtrArray) elements = all_elements (document);

      edits[g_test_rand_int_range (0, G_N_ELEMENTS (edits))] (run, elements);

      /* Now and then in the middle: a save that loads as it was, and a
       * step undone and redone that changes nothing. */
      if (g_test_rand_int_range (0, 6) == 0)
        {
          g_autoptr(GBytes) now = wm_format_save_bytes (document);
          g_autoptr(GBytes) again = NULL;

          assert_round_trip (run, now);
          if (wm_history_undo (history))
            {
              g_assert_true (wm_history_redo (history));
              again = wm_format_save_bytes (document);
              assert_same (run, now, again, "a step undone and redone");
            }
        }
    }

  after = wm_format_save_bytes (document);
  assert_round_trip (run, after);

  /* Some edits join the step before them (a score set twice in a row), so
   * there may be fewer steps than edits, never more. */
  while (wm_history_undo (history))
    g_assert_cmpuint (++undos, <=, n_edits);
  undone = wm_format_save_bytes (document);
  assert_same (run, before, undone, "every step undone");

  while (wm_history_redo (history))
    ;
  redone = wm_format_save_bytes (document);
  assert_same (run, after, redone, "every step redone");
  run->document = NULL;
  return undos;
}

static guint
n_sequences (void)
{
  const char *env = g_getenv ("WAYMARK_PROPERTY_SEQUENCES");

  if (env != NULL && *env != '\0')
    return (guint) g_ascii_strtoull (env, NULL, 10);
  return SEQUENCES * (g_test_slow () ? 40 : 1);
}

static void
test_random_sequences (gconstpointer data)
{
  const char * const *where = data;
  g_autoptr(WmDocument) document = load (where[0], where[1]);
  g_autoptr(GBytes) original = wm_format_save_bytes (document);
  Run run = { NULL, g_string_new (NULL), 0, 0 };
  guint n = n_sequences ();
  guint steps = 0;

  /* The file as it is must already save to itself. */
  assert_round_trip (&run, original);

  for (run.sequence = 0; run.sequence < n; run.sequence++)
    steps += run_sequence (&run, original);
  g_test_message ("%u sequences, %u steps undone and redone", n, steps);
  g_string_free (run.log, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const maps[][2] = {
    { "../data/examples", "car-purchase.waymark" },
    { "../data/examples", "online-purchase.waymark" },
    { "../data/examples", "service-blueprint.waymark" },
    { "../data/examples", "persian-rtl.waymark" },
    { "data", "full.waymark" },
  };

  g_test_init (&argc, &argv, NULL);
  g_type_class_ref (WM_TYPE_LANE_KIND);

  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autofree char *path = g_strdup_printf ("/property/random-sequences/%s", maps[i][1]);

      g_test_add_data_func (path, maps[i], test_random_sequences);
    }

  return g_test_run ();
}
