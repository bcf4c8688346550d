/* test-model.c: the journey-map model through its public API.
 *
 * Property behaviour is checked generically over every element class, by
 * walking their GParamSpecs, so that a setter added later is covered too.
 */
#include "wm-card.h"
#include "wm-document.h"
#include "wm-evidence.h"
#include "wm-param.h"

static GType
element_type (guint i)
{
  GType types[] = {
    WM_TYPE_DOCUMENT, WM_TYPE_PERSONA, WM_TYPE_STAGE, WM_TYPE_LANE,
    WM_TYPE_CARD, WM_TYPE_EMOTION_POINT, WM_TYPE_MOMENT, WM_TYPE_EVIDENCE,
  };

  return i < G_N_ELEMENTS (types) ? types[i] : G_TYPE_INVALID;
}

/* Records the name of every property notified on an object. */
typedef struct
{
  GPtrArray *names;
  GObject *object;
  gulong handler;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  g_ptr_array_add (log->names, g_strdup (pspec->name));
}

static NotifyLog *
notify_log_new (gpointer object)
{
  NotifyLog *log = g_new0 (NotifyLog, 1);

  log->names = g_ptr_array_new_with_free_func (g_free);
  log->object = g_object_ref (object);
  log->handler = g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);

  return log;
}

static void
notify_log_free (NotifyLog *log)
{
  g_signal_handler_disconnect (log->object, log->handler);
  g_object_unref (log->object);
  g_ptr_array_unref (log->names);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyLog, notify_log_free)

/* The properties a user edits: writable after construction. */
static GPtrArray *
model_properties (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *result = g_ptr_array_new ();
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);
  for (guint i = 0; i < n; i++)
    if ((pspecs[i]->flags & G_PARAM_WRITABLE) && !(pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
      g_ptr_array_add (result, pspecs[i]);

  return result;
}

/* A value of @pspec's type, valid for it, and different from its default. */
static void
non_default_value (GParamSpec *pspec,
                   GValue     *value)
{
  static const char * const labels[] = { "Angry", "Calm", "Happy", NULL };
  static const char picture[] = "<svg xmlns='http://www.w3.org/2000/svg'/>";
  const GValue *def = g_param_spec_get_default_value (pspec);

  g_value_init (value, pspec->value_type);
  if (pspec->value_type == G_TYPE_STRING)
    {
      if (pspec->flags & WM_PARAM_COLOR)
        g_value_set_string (value, "#c01c28");
      else if (pspec->flags & WM_PARAM_DATE)
        g_value_set_string (value, "2026-02-17");
      else if (pspec->flags & WM_PARAM_DATE_TIME)
        g_value_set_string (value, "2026-02-17T10:15:00Z");
      else if (pspec->flags & WM_PARAM_PICTURE_TYPE)
        g_value_set_string (value, "image/svg+xml");
      else
        g_value_set_string (value, "Ödön’s “value” 😀");
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);
      g_value_set_int (value, p->default_value < p->maximum ? p->maximum : p->minimum);
    }
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      GParamSpecDouble *p = G_PARAM_SPEC_DOUBLE (pspec);
      g_value_set_double (value, p->default_value + 1 <= p->maximum ? p->default_value + 1 : p->default_value - 1);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, !g_value_get_boolean (def));
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int last = enum_class->values[enum_class->n_values - 1].value;
      g_value_set_enum (value, last != g_value_get_enum (def) ? last : enum_class->values[0].value);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    g_value_set_boxed (value, labels);
  else if (pspec->value_type == G_TYPE_BYTES)
    g_value_take_boxed (value, g_bytes_new_static (picture, sizeof picture - 1));
  else
    g_assert_not_reached ();
}

/* Every element gets a random id when made, and no two are the same. */
static void
test_element_id_unique (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint round = 0; round < 200; round++)
    for (guint i = 0; element_type (i) != G_TYPE_INVALID; i++)
      {
        g_autoptr(WmElement) element = g_object_new (element_type (i), NULL);
        const char *id = wm_element_get_id (element);

        g_assert_nonnull (id);
        g_assert_true (g_uuid_string_is_valid (id));
        g_assert_false (g_hash_table_contains (seen, id));
        g_hash_table_add (seen, g_strdup (id));
      }
}

/* An id, given or made, never changes while the element is edited or moved. */
static void
test_element_id_stable (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmStage) given = g_object_new (WM_TYPE_STAGE, "id", "stage-from-a-file", NULL);
  g_autoptr(WmStage) made = wm_stage_new ();
  g_autofree char *made_id = g_strdup (wm_element_get_id (WM_ELEMENT (made)));
  GListModel *stages = wm_document_get_stages (document);

  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (given)), ==, "stage-from-a-file");

  wm_history_insert (history, stages, 0, given);
  wm_history_insert (history, stages, 1, made);
  wm_history_set (history, made, "name", "Compare", "description", "Side by side", NULL);
  wm_history_move (history, stages, 1, 0);
  wm_document_remove_stage (document, made);
  while (wm_history_undo (history))
    ;
  while (wm_history_redo (history))
    ;

  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (given)), ==, "stage-from-a-file");
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (made)), ==, made_id);
}

/* Every model property: a real change notifies once, the same value not at all. */
static void
test_properties_notify (void)
{
  for (guint i = 0; element_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GPtrArray) pspecs = model_properties (element_type (i));

      g_assert_cmpuint (pspecs->len, >, 0);
      for (guint j = 0; j < pspecs->len; j++)
        {
          GParamSpec *pspec = g_ptr_array_index (pspecs, j);
          g_autoptr(GObject) object = g_object_new (element_type (i), NULL);
          g_autoptr(NotifyLog) log = notify_log_new (object);
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) same = G_VALUE_INIT;
          g_auto(GValue) read = G_VALUE_INIT;

          g_test_message ("%s:%s", g_type_name (element_type (i)), pspec->name);
          /* Without it, g_object_set() of an unchanged value notifies too. */
          g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

          non_default_value (pspec, &value);
          g_object_set_property (object, pspec->name, &value);
          g_assert_cmpuint (log->names->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (log->names, 0), ==, pspec->name);

          g_value_init (&read, pspec->value_type);
          g_object_get_property (object, pspec->name, &read);
          /* GLib compares boxed values by address; these by content. */
          if (pspec->value_type == G_TYPE_STRV)
            g_assert_true (g_strv_equal (g_value_get_boxed (&read), g_value_get_boxed (&value)));
          else if (pspec->value_type == G_TYPE_BYTES)
            g_assert_true (g_bytes_equal (g_value_get_boxed (&read), g_value_get_boxed (&value)));
          else
            g_assert_cmpint (g_param_values_cmp (pspec, &read, &value), ==, 0);

          /* A fresh copy, so that boxed values are compared by content. */
          non_default_value (pspec, &same);
          g_object_set_property (object, pspec->name, &same);
          g_assert_cmpuint (log->names->len, ==, 1);
        }
    }
}

/* For every string property, "" and NULL are one value: no notify between them. */
static void
test_properties_empty_is_absent (void)
{
  for (guint i = 0; element_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GPtrArray) pspecs = model_properties (element_type (i));

      for (guint j = 0; j < pspecs->len; j++)
        {
          GParamSpec *pspec = g_ptr_array_index (pspecs, j);
          g_autoptr(GObject) object = NULL;
          g_autoptr(NotifyLog) log = NULL;
          g_autofree char *read = NULL;

          if (pspec->value_type != G_TYPE_STRING)
            continue;

          g_test_message ("%s:%s", g_type_name (element_type (i)), pspec->name);
          object = g_object_new (element_type (i), pspec->name, "x", NULL);
          log = notify_log_new (object);

          g_object_set (object, pspec->name, "", NULL);
          g_assert_cmpuint (log->names->len, ==, 1);
          g_object_get (object, pspec->name, &read, NULL);
          g_assert_true (read == NULL || *read == '\0');

          g_object_set (object, pspec->name, NULL, NULL);
          g_object_set (object, pspec->name, "", NULL);
          g_assert_cmpuint (log->names->len, ==, 1);
        }
    }

  /* The C getters never hand out NULL for an absent string. */
  {
    g_autoptr(WmLane) lane = wm_lane_new ();
    g_autoptr(WmCard) card = wm_card_new ();
    g_autoptr(WmPersona) persona = wm_persona_new ();

    wm_lane_set_title (lane, "");
    g_assert_cmpstr (wm_lane_get_title (lane), ==, "");
    g_assert_cmpstr (wm_lane_get_persona (lane), ==, "");
    g_assert_cmpstr (wm_card_get_text (card), ==, "");
    g_assert_cmpstr (wm_persona_get_quote (persona), ==, "");
  }
}

static void
test_properties_defaults (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  g_autoptr(WmPersona) persona = wm_persona_new ();
  g_autoptr(WmEvidence) evidence = wm_evidence_new ();
  g_autoptr(WmCard) card = wm_card_new ();

  g_assert_cmpint (wm_document_get_scale_min (document), ==, -3);
  g_assert_cmpint (wm_document_get_scale_max (document), ==, 3);
  g_assert_cmpint (wm_document_get_kind (document), ==, WM_MAP_KIND_CURRENT_STATE);
  g_assert_cmpint (wm_document_get_direction (document), ==, WM_DIRECTION_AUTO);
  g_assert_cmpstr (wm_persona_get_color (persona), ==, "#3584e4");
  g_assert_true (wm_evidence_get_solicited (evidence));
  g_assert_cmpint (wm_card_get_channel (card), ==, WM_CHANNEL_NONE);
  g_assert_cmpint (wm_card_get_status (card), ==, WM_OPPORTUNITY_STATUS_IDEA);

  /* The object's initial state is what its pspec calls the default, which
   * is what the file format leaves out. */
  for (guint i = 0; element_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GPtrArray) pspecs = model_properties (element_type (i));
      g_autoptr(GObject) object = g_object_new (element_type (i), NULL);

      for (guint j = 0; j < pspecs->len; j++)
        {
          GParamSpec *pspec = g_ptr_array_index (pspecs, j);
          g_auto(GValue) value = G_VALUE_INIT;

          g_test_message ("%s:%s", g_type_name (element_type (i)), pspec->name);
          g_value_init (&value, pspec->value_type);
          g_object_get_property (object, pspec->name, &value);
          g_assert_true (g_param_value_defaults (pspec, &value));
        }
    }
}

/* Integer properties hold only values within their documented range. */
static void
test_properties_clamp (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  g_autoptr(WmPersona) persona = wm_persona_new ();
  g_autoptr(WmCard) card = wm_card_new ();
  g_autoptr(WmEvidence) evidence = wm_evidence_new ();
  g_autoptr(WmEmotionPoint) point = wm_emotion_point_new ();
  g_autoptr(NotifyLog) log = notify_log_new (card);

  wm_persona_set_age (persona, -4);
  g_assert_cmpint (wm_persona_get_age (persona), ==, 0);
  wm_persona_set_age (persona, 300);
  g_assert_cmpint (wm_persona_get_age (persona), ==, 150);

  wm_card_set_impact (card, 9);
  g_assert_cmpint (wm_card_get_impact (card), ==, 5);
  wm_card_set_impact (card, 7);
  g_assert_cmpuint (log->names->len, ==, 1); /* still 5: no change */
  wm_card_set_impact (card, -1);
  g_assert_cmpint (wm_card_get_impact (card), ==, 0);
  wm_card_set_effort (card, 6);
  g_assert_cmpint (wm_card_get_effort (card), ==, 5);
  wm_card_set_effort (card, G_MININT);
  g_assert_cmpint (wm_card_get_effort (card), ==, 0);

  wm_document_set_scale_min (document, 2);
  g_assert_cmpint (wm_document_get_scale_min (document), ==, 0);
  wm_document_set_scale_min (document, -11);
  g_assert_cmpint (wm_document_get_scale_min (document), ==, -10);
  wm_document_set_scale_max (document, -1);
  g_assert_cmpint (wm_document_get_scale_max (document), ==, 0);
  wm_document_set_scale_max (document, G_MAXINT);
  g_assert_cmpint (wm_document_get_scale_max (document), ==, 10);

  wm_evidence_set_sample_size (evidence, -30);
  g_assert_cmpint (wm_evidence_get_sample_size (evidence), ==, 0);
  wm_evidence_set_sample_size (evidence, 1200);
  g_assert_cmpint (wm_evidence_get_sample_size (evidence), ==, 1200);

  wm_emotion_point_set_score (point, 42);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 10);
  wm_emotion_point_set_score (point, -2.5);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, -2.5);
}

/* Records items-changed emissions as "position:removed:added". */
static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GPtrArray  *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%u:%u:%u", position, removed, added));
}

static void
test_collections_items_changed (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  GListModel *lists[] = {
    wm_document_get_personas (document), wm_document_get_stages (document),
    wm_document_get_lanes (document), wm_document_get_emotion_points (document),
    wm_document_get_moments (document), wm_element_get_evidence (WM_ELEMENT (document)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
      GType type = g_list_model_get_item_type (lists[i]);
      g_autoptr(GObject) a = g_object_new (type, NULL);
      g_autoptr(GObject) b = g_object_new (type, NULL);
      g_autoptr(GObject) first = NULL;

      g_signal_connect (lists[i], "items-changed", G_CALLBACK (on_items_changed), log);
      wm_history_insert (history, lists[i], 0, a);
      wm_history_insert (history, lists[i], 0, b);
      wm_history_move (history, lists[i], 0, 1);
      first = g_list_model_get_item (lists[i], 0);
      g_assert_true (first == a);
      wm_history_remove (history, lists[i], 1);
      g_assert_cmpuint (g_list_model_get_n_items (lists[i]), ==, 1);
      wm_history_undo (history);
      g_assert_cmpuint (g_list_model_get_n_items (lists[i]), ==, 2);

      g_assert_cmpuint (log->len, >=, 5);
      g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "0:0:1");
      g_assert_cmpstr (g_ptr_array_index (log, 1), ==, "0:0:1");
      g_assert_cmpstr (g_ptr_array_index (log, log->len - 2), ==, "1:1:0");
      g_assert_cmpstr (g_ptr_array_index (log, log->len - 1), ==, "1:0:1");
      g_signal_handlers_disconnect_by_data (lists[i], log);
    }
}

/* A lane's cells are separate lists: one per stage, the same one each time. */
static void
test_lane_cards_per_stage (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmLane) lane = wm_lane_new ();
  g_autoptr(WmLane) other = wm_lane_new ();
  g_autoptr(WmCard) card = wm_card_new ();
  GListModel *research = wm_lane_get_cards (lane, "stage-research");
  GListModel *compare = wm_lane_get_cards (lane, "stage-compare");
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (G_IS_LIST_MODEL (research));
  g_assert_true (g_list_model_get_item_type (research) == WM_TYPE_CARD);
  g_assert_true (research != compare);
  g_assert_true (wm_lane_get_cards (lane, "stage-research") == research);
  g_assert_true (wm_lane_get_cards (other, "stage-research") != research);
  g_assert_cmpuint (g_list_model_get_n_items (research), ==, 0);

  g_signal_connect (compare, "items-changed", G_CALLBACK (on_items_changed), log);
  wm_card_set_text (card, "Reads reviews on a comparison site");
  wm_history_insert (history, research, 0, card);
  g_assert_cmpuint (g_list_model_get_n_items (research), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (compare), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_lane_get_cards (other, "stage-research")), ==, 0);
  g_assert_cmpuint (log->len, ==, 0);
}

static void
test_document_find (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  WmHistory *history = wm_document_get_history (document);
  GListModel *stages = wm_document_get_stages (document);
  WmStage *made[4];
  guint position = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      made[i] = wm_stage_new ();
      wm_history_insert (history, stages, i, made[i]);
      g_object_unref (made[i]); /* the list holds it */
    }

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_assert_true (wm_document_find (stages, wm_element_get_id (WM_ELEMENT (made[i])), &position) == made[i]);
      g_assert_cmpuint (position, ==, i);
    }
  g_assert_true (wm_document_find (stages, wm_element_get_id (WM_ELEMENT (made[2])), NULL) == made[2]);

  position = 77;
  g_assert_null (wm_document_find (stages, "no-such-stage", &position));
  g_assert_cmpuint (position, ==, 77);
  g_assert_null (wm_document_find (stages, NULL, NULL));
  g_assert_null (wm_document_find (wm_document_get_personas (document),
                                   wm_element_get_id (WM_ELEMENT (made[0])), NULL));
}

/* A small but complete map, built through the edit path. */
typedef struct
{
  WmDocument *document;
  WmHistory *history;
  WmPersona *personas[2];
  WmStage *stages[3];
  WmLane *lanes[3];   /* actions (persona 0), touchpoints (persona 1), emotion curve */
  WmMoment *moments[3];
} Map;

static gpointer
add (Map        *map,
     GListModel *list,
     gpointer    item)
{
  wm_history_insert (map->history, list, g_list_model_get_n_items (list), item);
  g_object_unref (item);
  return item;
}

static void
map_init (Map *map)
{
  WmDocument *document = wm_document_new ();
  static const char * const names[] = { "Awareness", "Purchase", "Retention" };

  map->document = document;
  map->history = wm_document_get_history (document);

  for (guint i = 0; i < G_N_ELEMENTS (map->personas); i++)
    {
      map->personas[i] = add (map, wm_document_get_personas (document), wm_persona_new ());
      wm_persona_set_name (map->personas[i], i == 0 ? "Anna" : "Marek");
    }
  for (guint i = 0; i < G_N_ELEMENTS (map->stages); i++)
    {
      map->stages[i] = add (map, wm_document_get_stages (document), wm_stage_new ());
      wm_stage_set_name (map->stages[i], names[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (map->lanes); i++)
    {
      map->lanes[i] = add (map, wm_document_get_lanes (document), wm_lane_new ());
      wm_lane_set_kind (map->lanes[i], (WmLaneKind[]) { WM_LANE_KIND_ACTIONS, WM_LANE_KIND_TOUCHPOINTS,
                                                        WM_LANE_KIND_EMOTION_CURVE }[i]);
      if (i < 2)
        wm_lane_set_persona (map->lanes[i], wm_element_get_id (WM_ELEMENT (map->personas[i])));
    }

  for (guint l = 0; l < 2; l++)
    for (guint s = 0; s < G_N_ELEMENTS (map->stages); s++)
      for (guint c = 0; c < 2; c++)
        {
          GListModel *cards = wm_lane_get_cards (map->lanes[l], wm_element_get_id (WM_ELEMENT (map->stages[s])));
          WmCard *card = add (map, cards, wm_card_new ());
          g_autofree char *text = g_strdup_printf ("lane %u stage %u card %u", l, s, c);

          wm_card_set_text (card, text);
        }

  for (guint s = 0; s < G_N_ELEMENTS (map->stages); s++)
    for (guint p = 0; p < G_N_ELEMENTS (map->personas); p++)
      {
        WmEmotionPoint *point = add (map, wm_document_get_emotion_points (document), wm_emotion_point_new ());

        wm_emotion_point_set_persona (point, wm_element_get_id (WM_ELEMENT (map->personas[p])));
        wm_emotion_point_set_stage (point, wm_element_get_id (WM_ELEMENT (map->stages[s])));
        wm_emotion_point_set_score (point, (double) s - p);
      }

  for (guint m = 0; m < G_N_ELEMENTS (map->moments); m++)
    {
      map->moments[m] = add (map, wm_document_get_moments (document), wm_moment_new ());
      /* Two in the middle stage, so that removing it removes several. */
      wm_moment_set_stage (map->moments[m], wm_element_get_id (WM_ELEMENT (map->stages[m == 0 ? 0 : 1])));
      wm_moment_set_lane (map->moments[m], wm_element_get_id (WM_ELEMENT (map->lanes[m % 2])));
      wm_moment_set_polarity (map->moments[m], WM_POLARITY_DECISIVE);
    }

  wm_history_clear (map->history);
}

static void
map_clear (Map *map)
{
  g_clear_object (&map->document);
}

/* Appends a line per element of @list: its type, id and every property. */
static void
describe_list (GString    *out,
               const char *where,
               GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) pspecs = model_properties (G_OBJECT_TYPE (item));

      g_string_append_printf (out, "%s[%u] %s %s", where, i, G_OBJECT_TYPE_NAME (item),
                              wm_element_get_id (WM_ELEMENT (item)));
      for (guint j = 0; j < pspecs->len; j++)
        {
          GParamSpec *pspec = g_ptr_array_index (pspecs, j);
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *contents = NULL;

          g_value_init (&value, pspec->value_type);
          g_object_get_property (item, pspec->name, &value);
          contents = g_strdup_value_contents (&value);
          g_string_append_printf (out, " %s=%s", pspec->name, contents);
        }
      g_string_append_c (out, '\n');
    }
}

/* Everything a user could see of the map, in order, as text to compare. */
static char *
describe (WmDocument *document)
{
  GString *out = g_string_new (NULL);
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);

  describe_list (out, "personas", wm_document_get_personas (document));
  describe_list (out, "stages", stages);
  describe_list (out, "lanes", lanes);
  describe_list (out, "emotion_points", wm_document_get_emotion_points (document));
  describe_list (out, "moments", wm_document_get_moments (document));
  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      {
        g_autoptr(WmLane) lane = g_list_model_get_item (lanes, l);
        g_autoptr(WmStage) stage = g_list_model_get_item (stages, s);
        g_autofree char *where = g_strdup_printf ("lanes[%u].cards[%u]", l, s);

        describe_list (out, where, wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))));
      }

  return g_string_free (out, FALSE);
}

static void
test_document_find_emotion_point (void)
{
  Map map;
  const char *anna, *marek, *purchase;
  WmEmotionPoint *point;

  map_init (&map);
  anna = wm_element_get_id (WM_ELEMENT (map.personas[0]));
  marek = wm_element_get_id (WM_ELEMENT (map.personas[1]));
  purchase = wm_element_get_id (WM_ELEMENT (map.stages[1]));

  point = wm_document_find_emotion_point (map.document, anna, purchase);
  g_assert_nonnull (point);
  g_assert_cmpstr (wm_emotion_point_get_persona (point), ==, anna);
  g_assert_cmpstr (wm_emotion_point_get_stage (point), ==, purchase);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 1);

  point = wm_document_find_emotion_point (map.document, marek, purchase);
  g_assert_nonnull (point);
  g_assert_cmpfloat (wm_emotion_point_get_score (point), ==, 0);

  g_assert_null (wm_document_find_emotion_point (map.document, anna, "no-such-stage"));
  g_assert_null (wm_document_find_emotion_point (map.document, "no-such-persona", purchase));

  map_clear (&map);
}

static guint
count_referring (GListModel *list,
                 const char *property,
                 const char *id)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *ref = NULL;

      g_object_get (item, property, &ref, NULL);
      count += g_strcmp0 (ref, id) == 0;
    }

  return count;
}

static void
test_document_remove_stage (void)
{
  Map map;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  const char *purchase;
  WmStage *stage;

  map_init (&map);
  stage = map.stages[1];
  purchase = wm_element_get_id (WM_ELEMENT (stage));
  before = describe (map.document);
  g_assert_cmpuint (count_referring (wm_document_get_moments (map.document), "stage", purchase), ==, 2);

  wm_document_remove_stage (map.document, stage);

  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (map.document)), ==, 2);
  g_assert_null (wm_document_find (wm_document_get_stages (map.document), purchase, NULL));
  for (guint l = 0; l < G_N_ELEMENTS (map.lanes); l++)
    {
      g_assert_cmpuint (g_list_model_get_n_items (wm_lane_get_cards (map.lanes[l], purchase)), ==, 0);
      if (l < 2)
        g_assert_cmpuint (g_list_model_get_n_items (wm_lane_get_cards (map.lanes[l], wm_element_get_id (WM_ELEMENT (map.stages[0])))), ==, 2);
    }
  g_assert_cmpuint (count_referring (wm_document_get_emotion_points (map.document), "stage", purchase), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_points (map.document)), ==, 4);
  g_assert_cmpuint (count_referring (wm_document_get_moments (map.document), "stage", purchase), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_moments (map.document)), ==, 1);
  after = describe (map.document);

  /* One step: a single undo gives everything back, where it was. */
  g_assert_true (wm_history_undo (map.history));
  g_assert_false (wm_history_get_can_undo (map.history));
  undone = describe (map.document);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (wm_history_redo (map.history));
  g_assert_false (wm_history_get_can_redo (map.history));
  redone = describe (map.document);
  g_assert_cmpstr (redone, ==, after);

  map_clear (&map);
}

static void
test_document_remove_persona (void)
{
  Map map;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *anna = NULL;

  map_init (&map);
  anna = g_strdup (wm_element_get_id (WM_ELEMENT (map.personas[0])));
  before = describe (map.document);

  wm_document_remove_persona (map.document, map.personas[0]);

  g_assert_null (wm_document_find (wm_document_get_personas (map.document), anna, NULL));
  g_assert_cmpuint (count_referring (wm_document_get_emotion_points (map.document), "persona", anna), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_points (map.document)), ==, 3);
  /* Its lane stays, now for everyone, with its cards. */
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_lanes (map.document)), ==, 3);
  g_assert_cmpstr (wm_lane_get_persona (map.lanes[0]), ==, "");
  g_assert_cmpstr (wm_lane_get_persona (map.lanes[1]), ==, wm_element_get_id (WM_ELEMENT (map.personas[1])));
  g_assert_cmpuint (g_list_model_get_n_items (wm_lane_get_cards (map.lanes[0], wm_element_get_id (WM_ELEMENT (map.stages[0])))), ==, 2);

  g_assert_true (wm_history_undo (map.history));
  g_assert_false (wm_history_get_can_undo (map.history));
  undone = describe (map.document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (wm_lane_get_persona (map.lanes[0]), ==, anna);

  map_clear (&map);
}

static void
test_document_remove_lane (void)
{
  Map map;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *lane_id = NULL;

  map_init (&map);
  lane_id = g_strdup (wm_element_get_id (WM_ELEMENT (map.lanes[0])));
  before = describe (map.document);
  g_assert_cmpuint (count_referring (wm_document_get_moments (map.document), "lane", lane_id), ==, 2);

  wm_document_remove_lane (map.document, map.lanes[0]);

  g_assert_null (wm_document_find (wm_document_get_lanes (map.document), lane_id, NULL));
  g_assert_cmpuint (count_referring (wm_document_get_moments (map.document), "lane", lane_id), ==, 0);
  /* The moments of truth stay, on no lane. */
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_moments (map.document)), ==, 3);
  g_assert_cmpstr (wm_moment_get_lane (map.moments[0]), ==, "");
  g_assert_cmpstr (wm_moment_get_lane (map.moments[1]), ==, wm_element_get_id (WM_ELEMENT (map.lanes[1])));
  g_assert_cmpstr (wm_moment_get_lane (map.moments[2]), ==, "");

  g_assert_true (wm_history_undo (map.history));
  g_assert_false (wm_history_get_can_undo (map.history));
  undone = describe (map.document);
  g_assert_cmpstr (undone, ==, before);

  map_clear (&map);
}

/* Removing something that is not in the map changes nothing and records nothing. */
static void
test_document_remove_absent (void)
{
  Map map;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(WmStage) stage = wm_stage_new ();
  g_autoptr(WmPersona) persona = wm_persona_new ();
  g_autoptr(WmLane) lane = wm_lane_new ();

  map_init (&map);
  before = describe (map.document);
  wm_document_remove_stage (map.document, stage);
  wm_document_remove_persona (map.document, persona);
  wm_document_remove_lane (map.document, lane);
  after = describe (map.document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (wm_history_get_can_undo (map.history));

  map_clear (&map);
}

static void
test_document_scale_label (void)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  static const char * const seven[] = {
    "Furious", "Annoyed", "Uneasy", "Neutral", "Content", "Pleased", "Delighted", NULL
  };
  static const char * const three[] = { "Bad", "So-so", "Good", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(NotifyLog) log = notify_log_new (document);

  g_assert_null (wm_document_get_scale_label (document, 0));

  wm_document_set_scale_labels (document, seven);
  g_assert_cmpuint (log->names->len, ==, 1);
  g_assert_cmpstr (wm_document_get_scale_label (document, -3), ==, "Furious");
  g_assert_cmpstr (wm_document_get_scale_label (document, 0), ==, "Neutral");
  g_assert_cmpstr (wm_document_get_scale_label (document, 3), ==, "Delighted");
  g_assert_null (wm_document_get_scale_label (document, 4));
  g_assert_null (wm_document_get_scale_label (document, -4));

  /* Labels that do not fit the scale label nothing, rather than the wrong score. */
  wm_document_set_scale_min (document, -1);
  g_assert_null (wm_document_get_scale_label (document, 0));
  wm_document_set_scale_max (document, 1);
  wm_document_set_scale_labels (document, three);
  g_assert_cmpstr (wm_document_get_scale_label (document, -1), ==, "Bad");
  g_assert_cmpstr (wm_document_get_scale_label (document, 1), ==, "Good");

  /* No labels and an empty list are one value. */
  wm_document_set_scale_labels (document, NULL);
  g_assert_null (wm_document_get_scale_labels (document));
  g_ptr_array_set_size (log->names, 0);
  wm_document_set_scale_labels (document, none);
  g_assert_cmpuint (log->names->len, ==, 0);
  g_assert_null (wm_document_get_scale_label (document, 0));
}

/* A quick win is high impact (4–5) for low effort (1–2), both rated. */
static void
test_card_quick_win (void)
{
  g_autoptr(WmCard) card = wm_card_new ();
  const struct { int impact, effort; gboolean quick; } cases[] = {
    { 0, 0, FALSE }, { 5, 0, FALSE }, { 5, 1, TRUE }, { 4, 2, TRUE },
    { 3, 1, FALSE }, { 4, 3, FALSE }, { 5, 5, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      wm_card_set_impact (card, cases[i].impact);
      wm_card_set_effort (card, cases[i].effort);
      g_assert_cmpint (wm_card_is_quick_win (card), ==, cases[i].quick);
    }
}

/* Every lane has a cell per stage but an emotion curve. */
static void
test_lane_has_cells (void)
{
  g_autoptr(WmLane) lane = wm_lane_new ();

  g_assert_true (wm_lane_has_cells (lane));
  wm_lane_set_kind (lane, WM_LANE_KIND_EMOTION_CURVE);
  g_assert_false (wm_lane_has_cells (lane));
  wm_lane_set_kind (lane, WM_LANE_KIND_KPIS);
  g_assert_true (wm_lane_has_cells (lane));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/element/id-unique", test_element_id_unique);
  g_test_add_func ("/model/element/id-stable", test_element_id_stable);
  g_test_add_func ("/model/properties/notify-once", test_properties_notify);
  g_test_add_func ("/model/properties/empty-is-absent", test_properties_empty_is_absent);
  g_test_add_func ("/model/properties/defaults", test_properties_defaults);
  g_test_add_func ("/model/properties/clamp", test_properties_clamp);
  g_test_add_func ("/model/collections/items-changed", test_collections_items_changed);
  g_test_add_func ("/model/lane/cards-per-stage", test_lane_cards_per_stage);
  g_test_add_func ("/model/document/find", test_document_find);
  g_test_add_func ("/model/document/find-emotion-point", test_document_find_emotion_point);
  g_test_add_func ("/model/document/remove-stage", test_document_remove_stage);
  g_test_add_func ("/model/document/remove-persona", test_document_remove_persona);
  g_test_add_func ("/model/document/remove-lane", test_document_remove_lane);
  g_test_add_func ("/model/document/remove-absent", test_document_remove_absent);
  g_test_add_func ("/model/document/scale-label", test_document_scale_label);
  g_test_add_func ("/model/card/quick-win", test_card_quick_win);
  g_test_add_func ("/model/lane/has-cells", test_lane_has_cells);

  return g_test_run ();
}
