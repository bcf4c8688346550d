/* wm-layout.c: the geometry of a whole map, from the model and Pango metrics.
 *
 * What goes where is in wm-layout-place.c, how each element is measured in
 * wm-layout-measure.c, and the questions the canvas asks in
 * wm-layout-query.c. This file is the object: it follows the document and
 * keeps the geometry up to date.
 *
 * Text is measured with Pango in a context of our own: fixed resolution, no
 * hinting of metrics, no rounding of glyph positions, so that the geometry
 * does not depend on a display or on the scale the map is drawn at, and the
 * canvas and every export agree to the unit.
 *
 * Relayout is incremental where it costs: cards are measured once and kept
 * (with their PangoLayouts, which the painter draws) until that card
 * changes. When only cards changed (the common edit), an update measures
 * them again and moves what is under them; any other change rebuilds the
 * rest of the map, which is small (headers, legend, curves).
 */
#include "wm-layout-internal.h"

#include <pango/pangocairo.h>

#include "wm-card.h"

G_DEFINE_FINAL_TYPE (WmLayout, wm_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MEASURE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_INVALIDATED,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  WmLayout *layout;
  GObject *object;  /* owned */
  WmCard *card;     /* the card whose measurement a change spoils, if any */
  gulong handler;
  guint generation;
} Watch;

typedef struct
{
  GBytes *bytes;
  char *type;
  WmPicture *picture; /* NULL when it could not be decoded */
  guint generation;
} PictureEntry;

static void mark_dirty (WmLayout *self);

static void
picture_entry_free (gpointer data)
{
  PictureEntry *entry = data;

  g_clear_pointer (&entry->bytes, g_bytes_unref);
  g_clear_pointer (&entry->type, g_free);
  g_clear_pointer (&entry->picture, wm_picture_free);
  g_free (entry);
}

/* Model watching */

/* A change to a card (its text, its evidence…) spoils its measurement
 * alone; any other change, the map's arrangement. */
static void
on_watched_changed (Watch *watch)
{
  WmLayout *self = watch->layout;
  CardEntry *entry = watch->card != NULL ? g_hash_table_lookup (self->cards, watch->card) : NULL;

  if (entry != NULL)
    {
      /* Listed once, however many times it changes before an update. */
      if (entry->valid && !self->rebuild)
        g_ptr_array_add (self->edited, entry);
      entry->valid = FALSE;
    }
  else
    self->rebuild = TRUE;

  mark_dirty (self);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_signal_handler_disconnect (watch->object, watch->handler);
  g_object_unref (watch->object);
  g_free (watch);
}

/* Listens to @object's @signal until a relayout no longer finds it in the
 * map; a change marks the layout dirty, and @card's measurement stale. */
void
wm_layout_watch (WmLayout   *self,
                 gpointer    object,
                 const char *signal,
                 WmCard     *card)
{
  Watch *watch = g_hash_table_lookup (self->watches, object);

  if (watch == NULL)
    {
      watch = g_new0 (Watch, 1);
      watch->layout = self;
      watch->object = g_object_ref (object);
      watch->card = card;
      watch->handler = g_signal_connect_swapped (object, signal, G_CALLBACK (on_watched_changed), watch);
      g_hash_table_insert (self->watches, object, watch);
    }

  watch->generation = self->generation;
}

typedef struct
{
  guint generation;
  gsize offset; /* of the entries' generation */
} Sweep;

static gboolean
is_stale (gpointer key,
          gpointer value,
          gpointer user_data)
{
  const Sweep *sweep = user_data;

  return G_STRUCT_MEMBER (guint, value, sweep->offset) != sweep->generation;
}

/* Drops the entries of @table that the last pass did not see. */
static void
sweep (GHashTable *table,
       gsize       offset,
       guint       generation)
{
  Sweep state = { generation, offset };

  g_hash_table_foreach_remove (table, is_stale, &state);
}

static void
mark_dirty (WmLayout *self)
{
  if (self->dirty)
    return;

  self->dirty = TRUE;
  g_signal_emit (self, signals[SIGNAL_INVALIDATED], 0);
}

/* Lays the map out again, then forgets what left it. */
static void
relayout (WmLayout *self)
{
  GListModel *personas = wm_document_get_personas (self->document);

  self->generation++;
  self->dirty = FALSE;
  self->rebuild = FALSE;
  /* Entries of cards that left the map are about to go. */
  g_ptr_array_set_size (self->edited, 0);

  wm_layout_place_all (self);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);
      PictureEntry *entry = g_hash_table_lookup (self->pictures, persona);

      if (entry != NULL)
        entry->generation = self->generation;
    }
  sweep (self->cards, G_STRUCT_OFFSET (CardEntry, generation), self->generation);
  sweep (self->watches, G_STRUCT_OFFSET (Watch, generation), self->generation);
  sweep (self->pictures, G_STRUCT_OFFSET (PictureEntry, generation), self->generation);
  wm_layout_labels_sweep (self);
}

/* GObject */

static void
wm_layout_dispose (GObject *object)
{
  WmLayout *self = WM_LAYOUT (object);

  /* Watches first: they hold handlers that point back at us. */
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_pointer (&self->edited, g_ptr_array_unref);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->rects, g_hash_table_unref);
  g_clear_pointer (&self->rows_of, g_hash_table_unref);
  g_clear_pointer (&self->boxes, g_hash_table_unref);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  wm_layout_labels_clear (self);
  g_clear_pointer (&self->title, wm_layout_box_free);
  g_clear_pointer (&self->legend, g_ptr_array_unref);
  g_clear_pointer (&self->stage_boxes, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->moment_boxes, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wm_layout_parent_class)->dispose (object);
}

static void
wm_layout_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmLayout *self = WM_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MEASURE_COUNT:
      g_value_set_uint (value, self->measure_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_layout_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmLayout *self = WM_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_layout_constructed (GObject *object)
{
  WmLayout *self = WM_LAYOUT (object);

  G_OBJECT_CLASS (wm_layout_parent_class)->constructed (object);

  g_return_if_fail (WM_IS_DOCUMENT (self->document));
  relayout (self);
}

static void
wm_layout_class_init (WmLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_layout_dispose;
  object_class->get_property = wm_layout_get_property;
  object_class->set_property = wm_layout_set_property;
  object_class->constructed = wm_layout_constructed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", "Document", "The map laid out",
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * WmLayout:measure-count:
   *
   * How many times a card has been measured since the layout was made:
   * for tests and benchmarks, to see that relayout is incremental.
   */
  properties[PROP_MEASURE_COUNT] =
    g_param_spec_uint ("measure-count", "Measure count", "Cards measured so far (for tests and benchmarks)",
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmLayout::invalidated:
   *
   * The document changed since the last update: the geometry is stale.
   * Emitted once until the next wm_layout_update(). Handlers should queue
   * an update, not update at once: the edit may be one of several.
   */
  signals[SIGNAL_INVALIDATED] =
    g_signal_new ("invalidated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * WmLayout::changed:
   *
   * wm_layout_update() recomputed the geometry.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_layout_init (WmLayout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The default font map of this thread: it needs no display. Resolution
   * and font options are set on our context only, so that the map is shared
   * as is with whatever else uses it (the toolkit, on the UI thread). */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 96);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);

  self->watches = g_hash_table_new_full (NULL, NULL, NULL, watch_free);
  self->cards = g_hash_table_new_full (NULL, NULL, NULL, wm_layout_card_entry_free);
  self->edited = g_ptr_array_new ();
  self->rects = g_hash_table_new (NULL, NULL);
  self->rows_of = g_hash_table_new (NULL, NULL);
  self->boxes = g_hash_table_new (NULL, NULL);
  self->pictures = g_hash_table_new_full (NULL, NULL, NULL, picture_entry_free);
  self->legend = g_ptr_array_new_with_free_func (wm_layout_box_free);
  self->stage_boxes = g_ptr_array_new_with_free_func (wm_layout_box_free);
  self->rows = g_ptr_array_new_with_free_func (wm_layout_row_free);
  self->moment_boxes = g_ptr_array_new_with_free_func (wm_layout_box_free);
  self->dirty = TRUE;
  self->rebuild = TRUE;
}

/**
 * wm_layout_new:
 *
 * Lays @document out. The layout follows the document's changes: see
 * wm_layout_update(). It is to be used on the thread that made it.
 *
 * Returns: (transfer full): the layout, up to date.
 */
WmLayout *
wm_layout_new (WmDocument *document)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  return g_object_new (WM_TYPE_LAYOUT, "document", document, NULL);
}

WmDocument *
wm_layout_get_document (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);

  return self->document;
}

/**
 * wm_layout_update:
 *
 * Brings the geometry up to date with the document, remeasuring only the
 * cards that changed; does nothing when nothing changed. When only cards
 * changed, it takes time in the cards and the rows, not in the whole map. The getters return
 * the geometry of the last update (a new layout is up to date).
 */
void
wm_layout_update (WmLayout *self)
{
  guint measured;

  g_return_if_fail (WM_IS_LAYOUT (self));

  if (!self->dirty)
    return;

  measured = self->measure_count;
  if (self->rebuild)
    relayout (self);
  else
    {
      self->dirty = FALSE;
      wm_layout_place_edited (self);
    }
  if (self->measure_count != measured)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE_COUNT]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

double
wm_layout_get_width (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);

  return self->width;
}

double
wm_layout_get_height (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);

  return self->height;
}

/**
 * wm_layout_is_rtl:
 *
 * Returns: whether the map runs right to left: its own direction, or for
 * an automatic one, that of its title, else of its stage names and lane
 * titles; left to right when none tells.
 */
gboolean
wm_layout_is_rtl (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);

  return self->rtl;
}

/**
 * wm_layout_get_picture:
 *
 * The persona's picture, decoded on first use and kept until it changes.
 *
 * Returns: (transfer none) (nullable): the picture, or %NULL when the
 *   persona has none or it cannot be decoded.
 */
WmPicture *
wm_layout_get_picture (WmLayout  *self,
                       WmPersona *persona)
{
  GBytes *bytes = wm_persona_get_picture (persona);
  const char *type = wm_persona_get_picture_type (persona);
  PictureEntry *entry = g_hash_table_lookup (self->pictures, persona);
  g_autoptr(GError) error = NULL;

  if (bytes == NULL)
    {
      g_hash_table_remove (self->pictures, persona);
      return NULL;
    }

  if (entry != NULL && (entry->bytes == bytes || g_bytes_equal (entry->bytes, bytes)) && g_strcmp0 (entry->type, type) == 0)
    return entry->picture;

  entry = g_new0 (PictureEntry, 1);
  entry->bytes = g_bytes_ref (bytes);
  entry->type = g_strdup (type);
  entry->generation = self->generation;
  entry->picture = wm_picture_new (bytes, type, &error);
  if (entry->picture == NULL)
    g_debug ("Picture of persona %s: %s", wm_element_get_id (WM_ELEMENT (persona)), error->message);
  g_hash_table_replace (self->pictures, persona, entry);

  return entry->picture;
}
