/* wm-canvas.c: the map on screen, drawn by the core's layout and painter.
 *
 * The canvas draws exactly what the exporters draw: the same WmLayout and
 * the same painter, only scrolled and zoomed. It is a GtkScrollable, so a
 * GtkScrolledWindow gives it scrollbars and kinetic scrolling, while zoom
 * stays ours (Ctrl+scroll, pinch, keyboard).
 *
 * Each element (stage and lane headers, cards, moments, emotion points,
 * legend entries) has a child widget, a WmCanvasItem, placed over it from
 * the layout: it takes keyboard focus, shows selection and focus, and
 * names the element for screen readers. The items paint nothing of the
 * element: the map is painted in one pass underneath, in the painter's own
 * order (row tints, curves under their points, labels over them), which is
 * what keeps the canvas and an export the same to the pixel; drawn one by
 * one, elements would also be composited at fractional offsets.
 *
 * Only elements in or near the view have items, from pools kept per kind:
 * a big map has thousands of elements, and scrolling moves every item.
 * Keyboard navigation works on the layout's rectangles rather than on the
 * items, so it reaches every element and brings it into view. Hit-testing
 * uses the layout too, so a click lands where the painter drew.
 */
#include "wm-canvas.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "wm-canvas-drag.h"
#include "wm-canvas-editor.h"
#include "wm-canvas-item.h"
#include "wm-canvas-menu.h"
#include "wm-card.h"
#include "wm-drop.h"
#include "wm-painter.h"

#define ZOOM_MIN 0.1
#define ZOOM_MAX 8.0
#define PRELOAD 256.0       /* screen pixels around the view whose elements get items ahead of scrolling */
#define SCROLL_MARGIN 24.0  /* room kept around an element brought into view */
#define EDITOR_MIN_WIDTH 160.0
#define MARKER_LINE 4       /* screen pixels: a drop line is as thick at any zoom */
#define MARKER_POINT 20     /* and so is the spot an emotion point moves to */
#define MARKER_GAP 8        /* between that spot and its value */

/* An element on the map as last laid out. The pointers are borrowed: the
 * layout holds its elements until its next update, which rebuilds these. */
typedef struct
{
  WmElement *element;
  WmRect rect;
  WmLane *lane;   /* a card's cell */
  WmStage *stage;
} Entry;

struct _WmCanvas
{
  GtkWidget parent_instance;

  WmDocument *document;
  WmSelection *selection;
  WmLayout *layout;
  double zoom;

  GArray *entries;         /* of Entry, in the model's order */
  GHashTable *entry_index; /* element → its index in entries + 1 */
  gboolean relabel;        /* the map changed since items last described themselves */
  GHashTable *items;       /* element → WmCanvasItem, those in use */
  GHashTable *spare;       /* element GType → GPtrArray of unused items of that kind */
  WmElement *focus;        /* whose item has, or last had, the keyboard focus */
  GtkWidget *editor;       /* a WmCanvasEditor while a text is edited in place */
  GtkWidget *menu;
  WmCanvasDrag *drag;
  GdkTexture *picture;     /* the map as last drawn, around the view */
  int picture_x, picture_y; /* its top left corner, in screen pixels from the map's */
  double picture_zoom;
  int picture_scale;       /* device pixels per screen pixel it was drawn at */
  gboolean picture_dark;
  GtkWidget *marker;       /* where a drag would drop, while it is shown */
  GtkWidget *marker_label; /* what it would become, beside it */
  WmDrop drop;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  gboolean at_start;            /* to show the map's start once laid out */
  double zoom_gesture_start;
  double pointer_x, pointer_y; /* where Ctrl+scroll zooms around */
  double pan_start_x, pan_start_y;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_ZOOM,
  N_PROPS,

  /* GtkScrollable's, overridden */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (WmCanvas, wm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Geometry */

static double
scroll_x (WmCanvas *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (WmCanvas *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* The part of the map in view, grown by @margin screen pixels. */
static void
get_view (WmCanvas *self,
          double    margin,
          WmRect   *view)
{
  view->x = (scroll_x (self) - margin) / self->zoom;
  view->y = (scroll_y (self) - margin) / self->zoom;
  view->width = (gtk_widget_get_width (GTK_WIDGET (self)) + 2 * margin) / self->zoom;
  view->height = (gtk_widget_get_height (GTK_WIDGET (self)) + 2 * margin) / self->zoom;
}

static gboolean
intersects (const WmRect *a,
            const WmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Where @rect is on screen, in whole pixels covering it. */
static void
to_allocation (WmCanvas      *self,
               const WmRect  *rect,
               GtkAllocation *allocation)
{
  double x0 = rect->x * self->zoom - scroll_x (self);
  double y0 = rect->y * self->zoom - scroll_y (self);
  double x1 = (rect->x + rect->width) * self->zoom - scroll_x (self);
  double y1 = (rect->y + rect->height) * self->zoom - scroll_y (self);

  allocation->x = floor (x0);
  allocation->y = floor (y0);
  allocation->width = MAX (1, ceil (x1) - allocation->x);
  allocation->height = MAX (1, ceil (y1) - allocation->y);
}

/* The map's picture is kept between frames, drawn for the view and a
 * margin around it: moving the drop marker or the selection, or scrolling
 * a little, then draws nothing of the map again, and GTK redraws only
 * what changed. It is drawn anew when the map, the zoom or the style
 * changes, or when the view leaves it. */
#define PICTURE_MARGIN 0.5 /* of the view's size, on each side */

static void
forget_picture (WmCanvas *self)
{
  g_clear_object (&self->picture);
}

static gboolean
picture_covers (WmCanvas *self,
                int       x,
                int       y,
                int       width,
                int       height,
                gboolean  dark)
{
  return self->picture != NULL &&
         self->picture_zoom == self->zoom && self->picture_dark == dark &&
         self->picture_scale == gtk_widget_get_scale_factor (GTK_WIDGET (self)) &&
         x >= self->picture_x && y >= self->picture_y &&
         x + width <= self->picture_x + gdk_texture_get_width (self->picture) / self->picture_scale &&
         y + height <= self->picture_y + gdk_texture_get_height (self->picture) / self->picture_scale;
}

/* Draws the map around the view at (@x, @y) screen pixels from its origin. */
static void
draw_picture (WmCanvas *self,
              int       x,
              int       y,
              int       width,
              int       height,
              gboolean  dark)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int margin_x = (int) (width * PICTURE_MARGIN), margin_y = (int) (height * PICTURE_MARGIN);
  int left = MAX (x - margin_x, 0), top = MAX (y - margin_y, 0);
  int picture_width = width + 2 * margin_x, picture_height = height + 2 * margin_y;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, picture_width * scale,
                                                         picture_height * scale);
  WmRect area = { left / self->zoom, top / self->zoom, picture_width / self->zoom, picture_height / self->zoom };
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -left, -top);
  cairo_scale (cr, self->zoom, self->zoom);
  wm_painter_draw_area (cr, self->layout, wm_theme_get (dark ? WM_THEME_DARK : WM_THEME_LIGHT), &area);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * picture_height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_set_object (&self->picture,
                gdk_memory_texture_new (picture_width * scale, picture_height * scale, GDK_MEMORY_DEFAULT,
                                        bytes, cairo_image_surface_get_stride (surface)));
  g_object_unref (self->picture); /* g_set_object took its own */
  self->picture_x = left;
  self->picture_y = top;
  self->picture_zoom = self->zoom;
  self->picture_scale = scale;
  self->picture_dark = dark;
}

/* Keeps an adjustment's range in step with the zoomed map and the view. */
static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         view)
{
  double upper, value;

  if (adjustment == NULL)
    return;

  upper = MAX (content, view);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - view);
  gtk_adjustment_configure (adjustment, value, 0, upper,
                            view * 0.1, view * 0.9, view);
}

static void
update_adjustments (WmCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_width = 0, content_height = 0;

  if (self->layout != NULL)
    {
      wm_layout_update (self->layout);
      content_width = wm_layout_get_width (self->layout) * self->zoom;
      content_height = wm_layout_get_height (self->layout) * self->zoom;
    }

  configure_adjustment (self->hadjustment, content_width, width);
  configure_adjustment (self->vadjustment, content_height, height);
}

/* Scrolls the least that shows [@start, @start + @size) with a margin. */
static void
scroll_axis (GtkAdjustment *adjustment,
             double         start,
             double         size,
             double         view)
{
  double value, margin;

  if (adjustment == NULL)
    return;

  value = gtk_adjustment_get_value (adjustment);
  margin = CLAMP ((view - size) / 2, 0, SCROLL_MARGIN);
  if (start - margin < value)
    value = start - margin;
  else if (start + size + margin > value + view)
    value = MIN (start - margin, start + size + margin - view);
  gtk_adjustment_set_value (adjustment, value);
}

static void
scroll_to_rect (WmCanvas     *self,
                const WmRect *rect)
{
  update_adjustments (self);
  scroll_axis (self->hadjustment, rect->x * self->zoom, rect->width * self->zoom,
               gtk_widget_get_width (GTK_WIDGET (self)));
  scroll_axis (self->vadjustment, rect->y * self->zoom, rect->height * self->zoom,
               gtk_widget_get_height (GTK_WIDGET (self)));
}

/* The elements on the map */

static const Entry *
lookup_entry (WmCanvas *self,
              gpointer  element)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->entry_index, element));

  return index > 0 ? &g_array_index (self->entries, Entry, index - 1) : NULL;
}

/* The entry of @element on the map as it is now, or NULL. */
static const Entry *
find_entry (WmCanvas *self,
            gpointer  element)
{
  if (self->layout == NULL || element == NULL)
    return NULL;

  wm_layout_update (self->layout); /* rebuilds the entries if the map changed */
  return lookup_entry (self, element);
}

static void
add_entry (WmCanvas *self,
           gpointer  element,
           WmLane   *lane,
           WmStage  *stage)
{
  Entry entry = { element, { 0 }, lane, stage };

  if (!wm_layout_get_element_rect (self->layout, element, &entry.rect))
    return;

  g_array_append_val (self->entries, entry);
  g_hash_table_insert (self->entry_index, element, GUINT_TO_POINTER (self->entries->len));
}

static void
add_entries (WmCanvas   *self,
             GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) element = g_list_model_get_item (list, i);

      add_entry (self, element, NULL, NULL);
    }
}

static void
update_accessible_name (WmCanvas *self)
{
  const char *title = self->document != NULL ? wm_document_get_title (self->document) : "";
  /* TRANSLATORS: the canvas, for screen readers; %s is the map's title */
  g_autofree char *label = *title != '\0' ? g_strdup_printf (_("Journey map: %s"), title)
                                          : g_strdup (_("Journey map"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The layout was updated: learn where everything is now. Items move at the
 * next allocation, which this is usually part of. */
static void
on_layout_changed (WmCanvas *self)
{
  GListModel *stages = wm_document_get_stages (self->document);
  GListModel *lanes = wm_document_get_lanes (self->document);

  forget_picture (self);

  g_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->entry_index);

  add_entries (self, wm_document_get_personas (self->document));
  add_entries (self, stages);
  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, l);

      add_entry (self, lane, NULL, NULL);
      for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
        {
          g_autoptr(WmStage) stage = g_list_model_get_item (stages, s);
          GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));

          for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
            {
              g_autoptr(WmCard) card = g_list_model_get_item (cards, c);

              add_entry (self, card, lane, stage);
            }
        }
    }
  add_entries (self, wm_document_get_moments (self->document));
  add_entries (self, wm_document_get_emotion_points (self->document));

  self->relabel = TRUE;
  update_accessible_name (self);

  /* The element being edited is gone (undone, deleted elsewhere). */
  if (self->editor != NULL &&
      lookup_entry (self, wm_canvas_editor_get_element (WM_CANVAS_EDITOR (self->editor))) == NULL)
    wm_canvas_end_edit (self, FALSE);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Items */

static gboolean
focus_is_on_item (WmCanvas *self)
{
  return WM_IS_CANVAS_ITEM (gtk_widget_get_focus_child (GTK_WIDGET (self)));
}

static WmCanvasItem *
acquire_item (WmCanvas    *self,
              const Entry *entry)
{
  WmCanvasItem *item = g_hash_table_lookup (self->items, entry->element);
  GPtrArray *spare;

  if (item != NULL)
    return item;

  spare = g_hash_table_lookup (self->spare, GSIZE_TO_POINTER (G_OBJECT_TYPE (entry->element)));
  if (spare != NULL && spare->len > 0)
    {
      item = g_ptr_array_steal_index_fast (spare, spare->len - 1);
      gtk_widget_set_child_visible (GTK_WIDGET (item), TRUE);
    }
  else
    {
      item = WM_CANVAS_ITEM (wm_canvas_item_new (G_OBJECT_TYPE (entry->element)));
      /* Under the drop marker and the editor, which must stay on top. */
      gtk_widget_insert_before (GTK_WIDGET (item), GTK_WIDGET (self), self->marker);
    }

  wm_canvas_item_set_element (item, entry->element);
  wm_canvas_item_set_selected (item, wm_selection_contains (self->selection, entry->element));
  wm_canvas_item_describe (item, self->document, entry->lane, entry->stage);
  g_hash_table_insert (self->items, entry->element, item);

  return item;
}

/* Puts an item away for another element of its kind (the caller has taken
 * it out of self->items). Neither this nor acquire_item() queues an
 * allocation: they are called while allocating. */
static void
release_item (WmCanvas     *self,
              WmCanvasItem *item)
{
  gpointer type = GSIZE_TO_POINTER (wm_canvas_item_get_element_type (item));
  GPtrArray *spare = g_hash_table_lookup (self->spare, type);

  if (gtk_widget_has_focus (GTK_WIDGET (item)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  wm_canvas_item_set_element (item, NULL);
  gtk_widget_set_child_visible (GTK_WIDGET (item), FALSE);
  if (spare == NULL)
    {
      spare = g_ptr_array_new ();
      g_hash_table_insert (self->spare, type, spare);
    }
  g_ptr_array_add (spare, item);
}

static void
release_all_items (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    {
      g_hash_table_iter_steal (&iter);
      release_item (self, item);
    }
}

static gboolean
wants_item (WmCanvas     *self,
            const Entry  *entry,
            const WmRect *view)
{
  return intersects (&entry->rect, view) ||
         (entry->element == self->focus && focus_is_on_item (self));
}

/* Gives items to the elements in and near the view, and takes them back
 * from those that left it. */
static void
sync_items (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer element, item;
  WmRect view;

  get_view (self, PRELOAD, &view);

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &element, &item))
    {
      const Entry *entry = lookup_entry (self, element);

      if (entry != NULL && wants_item (self, entry, &view))
        {
          if (self->relabel)
            wm_canvas_item_describe (item, self->document, entry->lane, entry->stage);
          continue;
        }
      g_hash_table_iter_steal (&iter);
      release_item (self, item);
    }
  self->relabel = FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (wants_item (self, entry, &view))
        acquire_item (self, entry);
    }
}

static void
allocate_items (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer element, item;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &element, &item))
    {
      GtkAllocation allocation;

      to_allocation (self, &lookup_entry (self, element)->rect, &allocation);
      gtk_widget_measure (item, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (item, &allocation, -1);
    }
}

/* Over its element, and at least as big as needed to type in (when zoomed
 * out), growing from the map's start edge. */
static void
allocate_editor (WmCanvas *self)
{
  const Entry *entry = lookup_entry (self, wm_canvas_editor_get_element (WM_CANVAS_EDITOR (self->editor)));
  GtkAllocation allocation;
  int min_width, min_height;

  to_allocation (self, &entry->rect, &allocation);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (allocation.width < MAX (min_width, EDITOR_MIN_WIDTH) && wm_layout_is_rtl (self->layout))
    allocation.x += allocation.width - MAX (min_width, EDITOR_MIN_WIDTH);
  allocation.width = MAX (allocation.width, MAX (min_width, EDITOR_MIN_WIDTH));
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, allocation.width, &min_height, NULL, NULL, NULL);
  allocation.height = MAX (allocation.height, min_height);
  gtk_widget_size_allocate (self->editor, &allocation, -1);
}

static void
allocate_marker (WmCanvas *self)
{
  GtkAllocation allocation;
  int width, height;

  to_allocation (self, &self->drop.marker, &allocation);
  switch (self->drop.mark)
    {
    case WM_DROP_MARK_LINE:
      if (self->drop.marker.width < self->drop.marker.height)
        allocation = (GtkAllocation) { allocation.x + allocation.width / 2 - MARKER_LINE / 2, allocation.y,
                                       MARKER_LINE, allocation.height };
      else
        allocation = (GtkAllocation) { allocation.x, allocation.y + allocation.height / 2 - MARKER_LINE / 2,
                                       allocation.width, MARKER_LINE };
      break;
    case WM_DROP_MARK_POINT:
      allocation = (GtkAllocation) { allocation.x + allocation.width / 2 - MARKER_POINT / 2,
                                     allocation.y + allocation.height / 2 - MARKER_POINT / 2,
                                     MARKER_POINT, MARKER_POINT };
      break;
    case WM_DROP_MARK_AREA:
    default:
      break;
    }
  gtk_widget_measure (self->marker, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->marker, &allocation, -1);

  if (!gtk_widget_get_visible (self->marker_label))
    return;
  /* Beside the spot, on the side the map reads towards. */
  gtk_widget_measure (self->marker_label, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (self->marker_label, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  allocation = (GtkAllocation) {
    wm_layout_is_rtl (self->layout) ? allocation.x - MARKER_GAP - width
                                    : allocation.x + allocation.width + MARKER_GAP,
    allocation.y + allocation.height / 2 - height / 2,
    width, height
  };
  gtk_widget_size_allocate (self->marker_label, &allocation, -1);
}

/* Selection and focus */

static void
update_edit_action (WmCanvas *self)
{
  WmElement *focus = wm_selection_get_focus (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.edit",
                                 focus != NULL && wm_canvas_editor_property_for (focus) != NULL &&
                                 find_entry (self, focus) != NULL);
}

static void
on_selection_changed (WmCanvas *self)
{
  WmElement *focus = wm_selection_get_focus (self->selection);
  GHashTableIter iter;
  gpointer element, item;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &element, &item))
    wm_canvas_item_set_selected (item, wm_selection_contains (self->selection, element));

  update_edit_action (self);

  /* The keyboard follows what was selected elsewhere (a new card, a paste),
   * when it is on the map and not typing in the editor. */
  if (focus != NULL && focus != self->focus &&
      (focus_is_on_item (self) || gtk_widget_has_focus (GTK_WIDGET (self))))
    wm_canvas_focus_element (self, focus);
}

/* The element a user works from: the one with the focus ring, else the
 * one the selection (maybe made elsewhere) ends with, else the one that had
 * the focus last. */
static WmElement *
current_element (WmCanvas *self)
{
  WmElement *selected = wm_selection_get_focus (self->selection);

  if (focus_is_on_item (self) && find_entry (self, self->focus) != NULL)
    return self->focus;
  if (find_entry (self, selected) != NULL)
    return selected;
  if (find_entry (self, self->focus) != NULL)
    return self->focus;
  return NULL;
}

/* Reading order: top to bottom, then from the map's start edge. */
static gboolean
reads_before (WmCanvas    *self,
              const Entry *a,
              const Entry *b)
{
  double start_a = wm_layout_is_rtl (self->layout) ? -(a->rect.x + a->rect.width) : a->rect.x;
  double start_b = wm_layout_is_rtl (self->layout) ? -(b->rect.x + b->rect.width) : b->rect.x;

  return a->rect.y < b->rect.y || (a->rect.y == b->rect.y && start_a < start_b);
}

static const Entry *
first_or_last (WmCanvas *self,
               gboolean  last)
{
  const Entry *found = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (found == NULL || reads_before (self, entry, found) != last)
        found = entry;
    }
  return found;
}

static double
interval_gap (double a,
              double a_size,
              double b,
              double b_size)
{
  return MAX (a, b) - MIN (a + a_size, b + b_size);
}

static gboolean
same_curve (const Entry *a,
            const Entry *b)
{
  return WM_IS_EMOTION_POINT (a->element) && WM_IS_EMOTION_POINT (b->element) &&
         g_strcmp0 (wm_emotion_point_get_persona (WM_EMOTION_POINT (a->element)),
                    wm_emotion_point_get_persona (WM_EMOTION_POINT (b->element))) == 0;
}

/* The element next to @from on screen in the direction (@dx, @dy): among
 * those wholly beyond it, the ones level with it (same row for a sideways
 * move, same column for an up or down one; the same curve for emotion
 * points) come first, then the nearest; sideways, the one whose top is
 * closest to @from's, so that the second card of a cell leads to the second
 * of the next. With @level_only, only the level ones. */
static const Entry *
neighbour (WmCanvas    *self,
           const Entry *from,
           int          dx,
           int          dy,
           gboolean     level_only)
{
  const WmRect *f = &from->rect;
  const Entry *best = NULL;
  gboolean best_level = FALSE;
  double best_score = G_MAXDOUBLE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      const WmRect *e = &entry->rect;
      double gap, cross_gap, offset, score;
      gboolean level;

      if (entry == from)
        continue;

      if (dx != 0)
        {
          gap = dx > 0 ? e->x - (f->x + f->width) : f->x - (e->x + e->width);
          cross_gap = interval_gap (f->y, f->height, e->y, e->height);
          offset = fabs (e->y - f->y);
        }
      else
        {
          gap = dy > 0 ? e->y - (f->y + f->height) : f->y - (e->y + e->height);
          cross_gap = interval_gap (f->x, f->width, e->x, e->width);
          offset = fabs ((e->x + e->width / 2) - (f->x + f->width / 2));
        }
      if (gap < -1) /* not beyond: beside, or overlapping */
        continue;

      level = cross_gap < 0 || same_curve (from, entry);
      if (!level && level_only)
        continue;
      score = MAX (gap, 0) + (level ? offset / 4 : 2 * cross_gap);
      if ((level && !best_level) || (level == best_level && score < best_score))
        {
          best = entry;
          best_level = level;
          best_score = score;
        }
    }

  return best;
}

/* Scrolling */

static void
on_layout_invalidated (WmCanvas *self)
{
  forget_picture (self);
  /* The next measure lays the map out again, once, however many edits
   * come before it; the map's size may have changed. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_adjustment_value_changed (WmCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self)); /* the items move */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (WmCanvas       *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed",
                              G_CALLBACK (on_adjustment_value_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Zooms keeping the map point under (@x, @y), in widget coordinates, still. */
static void
zoom_around (WmCanvas *self,
             double    zoom,
             double    x,
             double    y)
{
  double map_x, map_y;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (zoom == self->zoom)
    return;

  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  self->zoom = zoom;
  update_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, map_x * zoom - x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, map_y * zoom - y);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Event handlers */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WmCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE; /* plain scrolling pans, through the scrolled window */

  zoom_around (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmCanvas                 *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               WmCanvas         *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       WmCanvas       *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  zoom_around (self, self->zoom_gesture_start * scale, x, y);
}

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              WmCanvas       *self)
{
  self->pan_start_x = scroll_x (self);
  self->pan_start_y = scroll_y (self);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          dx,
               double          dy,
               WmCanvas       *self)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->pan_start_x - dx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->pan_start_y - dy);
}

static gboolean
is_in_editor (WmCanvas *self,
              double    x,
              double    y)
{
  GtkWidget *target = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  return self->editor != NULL && target != NULL &&
         (target == self->editor || gtk_widget_is_ancestor (target, self->editor));
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            WmCanvas        *self)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  GdkModifierType state = gtk_event_controller_get_current_event_state (controller);
  WmElement *element;

  if (is_in_editor (self, x, y))
    return;
  /* A click elsewhere keeps what was typed, as leaving the field would. */
  wm_canvas_end_edit (self, TRUE);

  if (event != NULL && gdk_event_triggers_context_menu (event))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      wm_canvas_popup_menu_at (self, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;

  element = wm_canvas_element_at (self, x, y);
  if (n_press == 2 && element != NULL && wm_canvas_begin_edit (self, element))
    return;
  if (n_press == 1 && element == NULL && wm_canvas_add_point_at (self, x, y))
    return;
  wm_canvas_select_at (self, x, y, state);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 WmCanvas            *self)
{
  wm_canvas_popup_menu_at (self, x, y);
}

static void
on_editor_done (WmCanvas       *self,
                gboolean        commit,
                WmCanvasEditor *editor)
{
  WmElement *element = wm_canvas_editor_get_element (editor);
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) == GTK_WIDGET (editor);

  if (commit && self->document != NULL)
    {
      WmHistory *history = wm_document_get_history (self->document);
      g_autofree char *text = wm_canvas_editor_get_text (editor);

      /* One step of its own: not merged with typing in the inspector
       * before, nor with what comes after. */
      wm_history_seal (history);
      wm_history_set (history, element, wm_canvas_editor_get_property_name (editor), text, NULL);
      wm_history_seal (history);
    }

  self->editor = NULL;
  gtk_widget_unparent (GTK_WIDGET (editor));
  if (had_focus && !wm_canvas_focus_element (self, element))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_menu_closed (WmCanvas *self)
{
  /* Back where the menu was opened from, unless its action went elsewhere. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL && !gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      WmElement *element = current_element (self);

      if (element == NULL || !wm_canvas_focus_element (self, element))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }
}

static void
show_menu (WmCanvas           *self,
           WmElement          *element,
           const GdkRectangle *at)
{
  g_autoptr(GMenuModel) model = wm_canvas_menu_new (element);

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                         ? GTK_ALIGN_END : GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      g_signal_connect_swapped (self->menu, "closed", G_CALLBACK (on_menu_closed), self);
    }
  else
    {
      gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), at);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Key bindings */

static gboolean
move_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  WmCanvas *self = WM_CANVAS (widget);
  GtkMovementStep step;
  int count;
  gboolean extend;

  if (self->editor != NULL)
    return FALSE;

  g_variant_get (args, "(iib)", &step, &count, &extend);
  if (!wm_canvas_move_focus (self, step, count, extend))
    gtk_widget_error_bell (widget);
  return TRUE;
}

static gboolean
escape_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (self->editor != NULL || g_list_model_get_n_items (wm_selection_get_items (self->selection)) == 0)
    return FALSE;

  wm_selection_clear (self->selection);
  return TRUE;
}

static gboolean
select_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = current_element (self);

  if (self->editor != NULL || element == NULL)
    return FALSE;

  if (g_variant_get_boolean (args))
    wm_selection_toggle (self->selection, element);
  else
    wm_selection_select (self->selection, element);
  return TRUE;
}

static gboolean
menu_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  if (WM_CANVAS (widget)->editor != NULL)
    return FALSE;

  wm_canvas_popup_menu (WM_CANVAS (widget));
  return TRUE;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  wm_canvas_begin_edit (self, wm_selection_get_focus (self->selection));
}

static void
add_move_bindings (GtkWidgetClass *widget_class,
                   guint           keyval,
                   guint           keypad_keyval,
                   GdkModifierType modifiers,
                   GtkMovementStep step,
                   int             count)
{
  guint keyvals[] = { keyval, keypad_keyval };

  for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
    {
      gtk_widget_class_add_binding (widget_class, keyvals[i], modifiers,
                                    move_binding, "(iib)", step, count, FALSE);
      gtk_widget_class_add_binding (widget_class, keyvals[i], modifiers | GDK_SHIFT_MASK,
                                    move_binding, "(iib)", step, count, TRUE);
    }
}

/* GtkWidget */

static void
wm_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  WmCanvas *self = WM_CANVAS (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int x, y;

  if (self->layout != NULL && width > 0 && height > 0)
    {
      wm_layout_update (self->layout);
      /* Whole screen pixels, so that the picture lands on the pixel grid. */
      x = (int) floor (scroll_x (self));
      y = (int) floor (scroll_y (self));
      if (!picture_covers (self, x, y, width, height, dark))
        draw_picture (self, x, y, width, height, dark);
      gtk_snapshot_append_texture (snapshot, self->picture,
                                   &GRAPHENE_RECT_INIT (self->picture_x - x, self->picture_y - y,
                                                        gdk_texture_get_width (self->picture) / (float) self->picture_scale,
                                                        gdk_texture_get_height (self->picture) / (float) self->picture_scale));
    }

  /* The items: selection and focus, over the map. */
  GTK_WIDGET_CLASS (wm_canvas_parent_class)->snapshot (widget, snapshot);
}

/* The zoomed map's size, as the natural size, so that a scrolled window
 * knows before it allocates whether it needs scrollbars, rather than
 * finding out from the adjustments during the allocation and starting it
 * again. The canvas can be any size smaller: it scrolls. */
static void
wm_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  WmCanvas *self = WM_CANVAS (widget);
  double size = 0;

  if (self->layout != NULL)
    {
      wm_layout_update (self->layout);
      size = (orientation == GTK_ORIENTATION_HORIZONTAL ? wm_layout_get_width (self->layout)
                                                        : wm_layout_get_height (self->layout)) * self->zoom;
    }
  *minimum = 0;
  *natural = (int) ceil (size);
}

static void
wm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  WmCanvas *self = WM_CANVAS (widget);

  update_adjustments (self);
  if (self->layout != NULL && self->at_start && width > 0)
    {
      /* A map opens where it starts reading: at the right if it runs right
       * to left. */
      self->at_start = FALSE;
      if (self->hadjustment != NULL && wm_layout_is_rtl (self->layout))
        gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_upper (self->hadjustment));
    }
  if (self->layout != NULL)
    {
      sync_items (self);
      allocate_items (self);
      if (self->editor != NULL)
        allocate_editor (self);
      if (gtk_widget_get_visible (self->marker))
        allocate_marker (self);
    }
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* Tab enters the map at the element last focused (or selected, or the
 * first) and leaves it at once: within it, arrows move. */
static gboolean
wm_canvas_focus (GtkWidget        *widget,
                 GtkDirectionType  direction)
{
  WmCanvas *self = WM_CANVAS (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  const Entry *entry;

  if (focus_child != NULL && focus_child == self->editor)
    return gtk_widget_child_focus (focus_child, direction);

  if (focus_child != NULL || gtk_widget_has_focus (widget))
    {
      switch (direction)
        {
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
          return FALSE;
        case GTK_DIR_LEFT:
        case GTK_DIR_RIGHT:
          wm_canvas_move_focus (self, GTK_MOVEMENT_VISUAL_POSITIONS, direction == GTK_DIR_LEFT ? -1 : 1, FALSE);
          return TRUE;
        case GTK_DIR_UP:
        case GTK_DIR_DOWN:
        default:
          wm_canvas_move_focus (self, GTK_MOVEMENT_DISPLAY_LINES, direction == GTK_DIR_UP ? -1 : 1, FALSE);
          return TRUE;
        }
    }

  if (self->layout == NULL)
    return gtk_widget_grab_focus (widget);

  entry = find_entry (self, current_element (self));
  if (entry == NULL)
    entry = first_or_last (self, FALSE);
  if (entry != NULL)
    return wm_canvas_focus_element (self, entry->element);
  return gtk_widget_grab_focus (widget);
}

static void
wm_canvas_set_focus_child (GtkWidget *widget,
                           GtkWidget *child)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (WM_IS_CANVAS_ITEM (child))
    g_set_object (&self->focus, wm_canvas_item_get_element (WM_CANVAS_ITEM (child)));

  GTK_WIDGET_CLASS (wm_canvas_parent_class)->set_focus_child (widget, child);
}

/* The selection and focus outlines, once for each display the canvas is on. */
static void
wm_canvas_root (GtkWidget *widget)
{
  GdkDisplay *display;

  GTK_WIDGET_CLASS (wm_canvas_parent_class)->root (widget);

  display = gtk_widget_get_display (widget);
  if (g_object_get_data (G_OBJECT (display), "wm-canvas-style") == NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/waymark/Waymark/wm-canvas.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "wm-canvas-style", provider, g_object_unref);
    }
}

/* GObject */

static void
wm_canvas_dispose (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);
  GtkWidget *child;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  self->editor = NULL;
  self->menu = NULL;
  self->marker = NULL;
  self->marker_label = NULL;
  g_clear_object (&self->drag);
  g_hash_table_remove_all (self->items);
  g_hash_table_remove_all (self->spare);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->focus);
  g_clear_object (&self->layout);
  forget_picture (self);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (wm_canvas_parent_class)->dispose (object);
}

static void
wm_canvas_finalize (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  g_array_unref (self->entries);
  g_hash_table_unref (self->entry_index);
  g_hash_table_unref (self->items);
  g_hash_table_unref (self->spare);

  G_OBJECT_CLASS (wm_canvas_parent_class)->finalize (object);
}

static void
wm_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      wm_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      wm_canvas_set_selection (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      wm_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_class_init (WmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_canvas_dispose;
  object_class->finalize = wm_canvas_finalize;
  object_class->get_property = wm_canvas_get_property;
  object_class->set_property = wm_canvas_set_property;

  widget_class->snapshot = wm_canvas_snapshot;
  widget_class->measure = wm_canvas_measure;
  widget_class->size_allocate = wm_canvas_size_allocate;
  widget_class->focus = wm_canvas_focus;
  widget_class->set_focus_child = wm_canvas_set_focus_child;
  widget_class->root = wm_canvas_root;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", "Document", "The map shown",
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", "Selection", "The elements selected, shared with the window",
                         WM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", "Zoom", "How many screen pixels a map unit takes",
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);

  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, GTK_MOVEMENT_VISUAL_POSITIONS, -1);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, GTK_MOVEMENT_VISUAL_POSITIONS, 1);
  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, GTK_MOVEMENT_DISPLAY_LINES, -1);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, GTK_MOVEMENT_DISPLAY_LINES, 1);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, GTK_MOVEMENT_DISPLAY_LINE_ENDS, -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, GTK_MOVEMENT_DISPLAY_LINE_ENDS, 1);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, GTK_MOVEMENT_BUFFER_ENDS, -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, GTK_MOVEMENT_BUFFER_ENDS, 1);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, select_binding, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, select_binding, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_binding, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);

  gtk_widget_class_set_css_name (widget_class, "wm-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_canvas_init (WmCanvas *self)
{
  GtkEventController *scroll;
  GtkEventController *motion;
  GtkGesture *zoom;
  GtkGesture *click;
  GtkGesture *long_press;
  GtkGesture *pan;

  self->zoom = 1.0;
  self->hscroll_policy = GTK_SCROLL_NATURAL;
  self->vscroll_policy = GTK_SCROLL_NATURAL;
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->entry_index = g_hash_table_new (NULL, NULL);
  self->items = g_hash_table_new (NULL, NULL);
  self->spare = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  wm_canvas_set_selection (self, NULL);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (on_pan_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  self->marker = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->marker, "drop-marker");
  self->marker_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->marker_label, "drop-value");
  gtk_widget_add_css_class (self->marker_label, "numeric");
  for (GtkWidget *widget = self->marker; widget != NULL;
       widget = widget == self->marker ? self->marker_label : NULL)
    {
      gtk_widget_set_can_target (widget, FALSE);
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_parent (widget, GTK_WIDGET (self));
    }
  self->drag = wm_canvas_drag_new (self);

  /* Dark style changes repaint with the other theme. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  update_accessible_name (self);
  update_edit_action (self);
}

/* Public API */

GtkWidget *
wm_canvas_new (void)
{
  return g_object_new (WM_TYPE_CANVAS, NULL);
}

WmDocument *
wm_canvas_get_document (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->document;
}

void
wm_canvas_set_document (WmCanvas   *self,
                        WmDocument *document)
{
  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  wm_canvas_end_edit (self, FALSE);
  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));
  release_all_items (self);
  g_clear_object (&self->focus);
  g_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->entry_index);
  g_clear_object (&self->layout);
  forget_picture (self);

  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->layout = wm_layout_new (document);
      g_signal_connect_object (self->layout, "invalidated",
                               G_CALLBACK (on_layout_invalidated), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->layout, "changed",
                               G_CALLBACK (on_layout_changed), self, G_CONNECT_SWAPPED);
      /* A new layout is up to date and will not say "changed" until the map does. */
      on_layout_changed (self);
      self->at_start = TRUE;
    }
  update_accessible_name (self);
  update_edit_action (self);
  on_layout_invalidated (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

WmSelection *
wm_canvas_get_selection (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->selection;
}

/**
 * wm_canvas_set_selection:
 * @selection: (nullable): the window's selection; %NULL gives the canvas
 *   one of its own
 */
void
wm_canvas_set_selection (WmCanvas    *self,
                         WmSelection *selection)
{
  g_autoptr(WmSelection) own = NULL;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (selection == NULL || WM_IS_SELECTION (selection));

  if (selection == NULL)
    selection = own = wm_selection_new ();
  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  g_signal_connect_object (selection, "notify::focus",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  on_selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

double
wm_canvas_get_zoom (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
wm_canvas_set_zoom (WmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  zoom_around (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* Shows the whole map, from its top start corner. */
void
wm_canvas_zoom_to_fit (WmCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  WmLayout *layout;

  g_return_if_fail (WM_IS_CANVAS (self));

  layout = wm_canvas_get_layout (self);
  if (layout == NULL || width <= 0 || height <= 0 ||
      wm_layout_get_width (layout) <= 0 || wm_layout_get_height (layout) <= 0)
    return;

  zoom_around (self, MIN (width / wm_layout_get_width (layout), height / wm_layout_get_height (layout)), 0, 0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

/**
 * wm_canvas_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout the canvas draws, up to
 *   date with the document
 */
WmLayout *
wm_canvas_get_layout (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  if (self->layout != NULL)
    wm_layout_update (self->layout);
  return self->layout;
}

void
wm_canvas_widget_to_map (WmCanvas *self,
                         double    x,
                         double    y,
                         double   *map_x,
                         double   *map_y)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  *map_x = (x + scroll_x (self)) / self->zoom;
  *map_y = (y + scroll_y (self)) / self->zoom;
}

void
wm_canvas_map_to_widget (WmCanvas *self,
                         double    map_x,
                         double    map_y,
                         double   *x,
                         double   *y)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  *x = map_x * self->zoom - scroll_x (self);
  *y = map_y * self->zoom - scroll_y (self);
}

/**
 * wm_canvas_element_at:
 *
 * Returns: (transfer none) (nullable): the innermost element at (@x, @y)
 *   in widget coordinates, the document for its title block, or %NULL
 */
WmElement *
wm_canvas_element_at (WmCanvas *self,
                      double    x,
                      double    y)
{
  double map_x, map_y;

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  if (wm_canvas_get_layout (self) == NULL)
    return NULL;

  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  return wm_layout_hit_test (self->layout, map_x, map_y);
}

/**
 * wm_canvas_get_item:
 *
 * Returns: (transfer none) (nullable): the WmCanvasItem of @element
 */
GtkWidget *
wm_canvas_get_item (WmCanvas  *self,
                    WmElement *element)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return g_hash_table_lookup (self->items, element);
}

void
wm_canvas_scroll_to (WmCanvas  *self,
                     WmElement *element)
{
  const Entry *entry;

  g_return_if_fail (WM_IS_CANVAS (self));

  entry = find_entry (self, element);
  if (entry != NULL)
    scroll_to_rect (self, &entry->rect);
}

/**
 * wm_canvas_select_at:
 * @state: the modifiers held: Shift adds to the selection, Control
 *   toggles; neither selects only what is at the point
 *
 * A click at (@x, @y), in widget coordinates. Empty space (or the title)
 * clears the selection, unless a modifier is held.
 */
void
wm_canvas_select_at (WmCanvas        *self,
                     double           x,
                     double           y,
                     GdkModifierType  state)
{
  WmElement *element;

  g_return_if_fail (WM_IS_CANVAS (self));

  element = wm_canvas_element_at (self, x, y);
  if (element == NULL || WM_IS_DOCUMENT (element))
    {
      if (!(state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
        wm_selection_clear (self->selection);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }

  if (state & GDK_CONTROL_MASK)
    wm_selection_toggle (self->selection, element);
  else if (state & GDK_SHIFT_MASK)
    wm_selection_add (self->selection, element);
  else
    wm_selection_select (self->selection, element);
  wm_canvas_focus_element (self, element);
}

/**
 * wm_canvas_focus_element:
 *
 * Gives @element's item the keyboard focus, bringing it into view.
 *
 * Returns: whether @element is on the map and took the focus
 */
gboolean
wm_canvas_focus_element (WmCanvas  *self,
                         WmElement *element)
{
  const Entry *entry;
  WmCanvasItem *item;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  entry = find_entry (self, element);
  if (entry == NULL)
    return FALSE;

  scroll_to_rect (self, &entry->rect);
  g_set_object (&self->focus, element);
  item = acquire_item (self, entry);
  gtk_widget_queue_allocate (GTK_WIDGET (self)); /* to place a new item */
  return gtk_widget_grab_focus (GTK_WIDGET (item));
}

/**
 * wm_canvas_move_focus:
 * @step: %GTK_MOVEMENT_VISUAL_POSITIONS (left, right),
 *   %GTK_MOVEMENT_DISPLAY_LINES (up, down), %GTK_MOVEMENT_DISPLAY_LINE_ENDS
 *   (Home, End: the row's start or end) or %GTK_MOVEMENT_BUFFER_ENDS (the
 *   map's first or last element)
 * @count: negative for left, up or the start, positive for the others
 * @extend: whether to add the element reached to the selection rather
 *   than to select it alone
 *
 * What the arrow keys do: moves the keyboard focus to the neighbouring
 * element on screen (left and right are what the user sees, in a map
 * running right to left too) and selects it.
 *
 * Returns: whether the focus moved (not at an edge of the map)
 */
gboolean
wm_canvas_move_focus (WmCanvas        *self,
                      GtkMovementStep  step,
                      int              count,
                      gboolean         extend)
{
  const Entry *from, *to = NULL;
  int dx = 0, dy = 0;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (self->layout == NULL || count == 0)
    return FALSE;

  from = find_entry (self, current_element (self));
  switch (step)
    {
    case GTK_MOVEMENT_VISUAL_POSITIONS:
      dx = count > 0 ? 1 : -1;
      break;
    case GTK_MOVEMENT_DISPLAY_LINES:
      dy = count > 0 ? 1 : -1;
      break;
    case GTK_MOVEMENT_DISPLAY_LINE_ENDS:
      /* Home goes to where the map starts reading. */
      dx = (count > 0) != wm_layout_is_rtl (self->layout) ? 1 : -1;
      break;
    case GTK_MOVEMENT_BUFFER_ENDS:
      to = first_or_last (self, count > 0);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (from == NULL && to == NULL)
    to = first_or_last (self, FALSE);
  else if (to == NULL && step == GTK_MOVEMENT_DISPLAY_LINE_ENDS)
    for (const Entry *next = neighbour (self, from, dx, dy, TRUE); next != NULL;
         next = neighbour (self, next, dx, dy, TRUE))
      to = next;
  else if (to == NULL)
    for (int i = 0, n = ABS (count); i < n && (from = neighbour (self, from, dx, dy, FALSE)) != NULL; i++)
      to = from;

  if (to == NULL)
    return FALSE;

  if (extend)
    wm_selection_add (self->selection, to->element);
  else
    wm_selection_select (self->selection, to->element);
  return wm_canvas_focus_element (self, to->element);
}

/**
 * wm_canvas_begin_edit:
 *
 * Edits @element's main text in place (see wm_canvas_editor_property_for()),
 * ending any edit under way first.
 *
 * Returns: whether @element has such a text and is on the map
 */
gboolean
wm_canvas_begin_edit (WmCanvas  *self,
                      WmElement *element)
{
  const Entry *entry;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (element == NULL || wm_canvas_editor_property_for (element) == NULL)
    return FALSE;
  entry = find_entry (self, element);
  if (entry == NULL)
    return FALSE;

  wm_canvas_end_edit (self, TRUE);
  scroll_to_rect (self, &entry->rect);
  self->editor = wm_canvas_editor_new (element, self->zoom);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  g_signal_connect_object (self->editor, "done", G_CALLBACK (on_editor_done), self, G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);

  return TRUE;
}

/**
 * wm_canvas_get_editor:
 *
 * Returns: (transfer none) (nullable): the WmCanvasEditor of the text
 *   being edited in place
 */
GtkWidget *
wm_canvas_get_editor (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->editor;
}

/* Ends an edit in place as Enter (@commit: one undoable step) or Escape would. */
void
wm_canvas_end_edit (WmCanvas *self,
                    gboolean  commit)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->editor != NULL)
    wm_canvas_editor_finish (WM_CANVAS_EDITOR (self->editor), commit);
}

/**
 * wm_canvas_popup_menu_at:
 *
 * A right click at (@x, @y): the element there joins the selection as a
 * click would (unless it is selected already, so that a menu acts on all
 * that is), and its menu opens at the pointer.
 */
void
wm_canvas_popup_menu_at (WmCanvas *self,
                         double    x,
                         double    y)
{
  WmElement *element;

  g_return_if_fail (WM_IS_CANVAS (self));

  element = wm_canvas_element_at (self, x, y);
  if (element != NULL && WM_IS_DOCUMENT (element))
    element = NULL;
  if (element == NULL || !wm_selection_contains (self->selection, element))
    wm_canvas_select_at (self, x, y, 0);
  else
    wm_canvas_focus_element (self, element);

  show_menu (self, element, &(GdkRectangle) { x, y, 1, 1 });
}

/* The menu key: the menu of the focused element, pointing at it. */
void
wm_canvas_popup_menu (WmCanvas *self)
{
  WmElement *element;
  const Entry *entry;
  GdkRectangle at = { gtk_widget_get_width (GTK_WIDGET (self)) / 2,
                      gtk_widget_get_height (GTK_WIDGET (self)) / 2, 1, 1 };

  g_return_if_fail (WM_IS_CANVAS (self));

  element = current_element (self);
  entry = find_entry (self, element);
  if (entry != NULL)
    {
      double x, y;

      /* At its middle, as if it had been right-clicked there. */
      scroll_to_rect (self, &entry->rect);
      wm_canvas_map_to_widget (self, entry->rect.x + entry->rect.width / 2,
                               entry->rect.y + entry->rect.height / 2, &x, &y);
      at = (GdkRectangle) { x, y, 1, 1 };
    }

  show_menu (self, element, &at);
}

/* Drag and drop */

/**
 * wm_canvas_get_drag:
 *
 * Returns: (transfer none): what moves elements by dragging and takes drops
 */
WmCanvasDrag *
wm_canvas_get_drag (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->drag;
}

/**
 * wm_canvas_show_drop:
 * @label: (nullable): what the drop would set, shown beside its place
 *
 * Shows where a drag would land, until wm_canvas_hide_drop().
 */
void
wm_canvas_show_drop (WmCanvas     *self,
                     const WmDrop *drop,
                     const char   *label)
{
  static const char * const marks[] = {
    [WM_DROP_MARK_LINE] = "line",
    [WM_DROP_MARK_AREA] = "area",
    [WM_DROP_MARK_POINT] = "point",
  };

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (drop != NULL && drop->mark < G_N_ELEMENTS (marks));

  self->drop = *drop;
  gtk_widget_set_css_classes (self->marker, (const char *[]) { "drop-marker", marks[drop->mark], NULL });
  gtk_label_set_label (GTK_LABEL (self->marker_label), label);
  gtk_widget_set_visible (self->marker_label, label != NULL);
  gtk_widget_set_visible (self->marker, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
wm_canvas_hide_drop (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  gtk_widget_set_visible (self->marker, FALSE);
  gtk_widget_set_visible (self->marker_label, FALSE);
}

/**
 * wm_canvas_get_shown_drop:
 * @label: (out) (optional) (transfer none): the text shown beside it, or %NULL
 *
 * Returns: whether a drop place is shown; @drop, which, only then
 */
gboolean
wm_canvas_get_shown_drop (WmCanvas    *self,
                          WmDrop      *drop,
                          const char **label)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (!gtk_widget_get_visible (self->marker))
    return FALSE;
  if (drop != NULL)
    *drop = self->drop;
  if (label != NULL)
    *label = gtk_widget_get_visible (self->marker_label)
               ? gtk_label_get_label (GTK_LABEL (self->marker_label)) : NULL;
  return TRUE;
}

/**
 * wm_canvas_add_point_at:
 *
 * A click at (@x, @y) in widget coordinates on a stage of an emotion curve
 * where a persona has no point yet: adds one at the score under it, and
 * selects it.
 *
 * Returns: whether a point was added
 */
gboolean
wm_canvas_add_point_at (WmCanvas *self,
                        double    x,
                        double    y)
{
  WmDrop drop;
  double map_x, map_y;
  WmElement *point;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (wm_canvas_get_layout (self) == NULL)
    return FALSE;
  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  if (!wm_drop_locate_new_point (self->layout, map_x, map_y, &drop))
    return FALSE;

  point = wm_drop_add (self->document, &drop, WM_TYPE_EMOTION_POINT, 0);
  if (point == NULL)
    return FALSE;
  wm_selection_select (self->selection, point);
  wm_canvas_focus_element (self, point);
  return TRUE;
}
