/* wm-quick-wins-chart.c: opportunities placed by effort and impact.
 *
 * A five by five grid: effort across (1 at the start side, so it mirrors
 * in a right-to-left interface), impact up. The corner of quick wins —
 * the cells wm_card_is_quick_win() accepts, impact 4–5 for effort 1–2 —
 * is a child drawn by CSS under the cards, captioned in words above the
 * grid, so that it reads in light and dark and never by its colour alone.
 * Each card is a flat button, focusable and named for a screen reader;
 * the cards of one cell stack, and the grid grows to hold the fullest
 * cell rather than let them overlap.
 */
#include "wm-quick-wins-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define N_SCORES 5
#define PAD 12
#define SPACING 6
#define MIN_CELL_WIDTH 80
#define NAT_CELL_WIDTH 140
#define MIN_CELL_HEIGHT 48
/* The corner of quick wins, as wm_card_is_quick_win() has it. */
#define QUICK_MIN_IMPACT 4
#define QUICK_MAX_EFFORT 2

struct _WmQuickWinsChart
{
  GtkWidget parent_instance;

  GtkWidget *quadrant;
  GtkWidget *caption;
  GPtrArray *cards;           /* of WmCard, on the chart, in focus order */
  GHashTable *dots;           /* WmCard → its button */
  WmSelection *selection;
};

G_DEFINE_FINAL_TYPE (WmQuickWinsChart, wm_quick_wins_chart, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CARD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Room around the grid; start is the side of the impact axis. */
typedef struct
{
  int start, end, top, bottom;
} Margins;

static gboolean
is_rated (WmCard *card)
{
  return wm_card_get_impact (card) >= 1 && wm_card_get_impact (card) <= N_SCORES &&
         wm_card_get_effort (card) >= 1 && wm_card_get_effort (card) <= N_SCORES;
}

static gboolean
is_rtl (WmQuickWinsChart *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static PangoLayout *
text_layout (WmQuickWinsChart *self,
             const char       *text,
             int              *width,
             int              *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

static const char *
effort_title (void)
{
  return _("Effort, from low to high");
}

static const char *
impact_title (void)
{
  return _("Impact, from low to high");
}

static void
get_margins (WmQuickWinsChart *self,
             Margins          *m)
{
  g_autoptr(PangoLayout) tick = NULL;
  g_autoptr(PangoLayout) title = NULL;
  int tick_width, tick_height, title_width, title_height, caption_height;

  tick = text_layout (self, "5", &tick_width, &tick_height);
  title = text_layout (self, impact_title (), &title_width, &title_height);
  /* The caption wraps within the corner's two columns at their narrowest. */
  gtk_widget_measure (self->caption, GTK_ORIENTATION_VERTICAL, 2 * MIN_CELL_WIDTH,
                      NULL, &caption_height, NULL, NULL);

  /* The impact axis's title is turned to run up the side. */
  m->start = PAD + title_height + SPACING + tick_width + SPACING;
  m->end = PAD;
  m->top = PAD + caption_height + SPACING;
  m->bottom = SPACING + tick_height + SPACING + title_height + PAD;
}

static void
get_plot (WmQuickWinsChart *self,
          int               width,
          int               height,
          Margins          *m,
          graphene_rect_t  *plot)
{
  get_margins (self, m);
  graphene_rect_init (plot, is_rtl (self) ? m->end : m->start, m->top,
                      MAX (0, width - m->start - m->end), MAX (0, height - m->top - m->bottom));
}

/* The left edge of the column of @effort, and the top of the row of @impact. */
static double
column_x (WmQuickWinsChart      *self,
          const graphene_rect_t *plot,
          int                    effort)
{
  double width = plot->size.width / N_SCORES;

  return plot->origin.x + (is_rtl (self) ? N_SCORES - effort : effort - 1) * width;
}

static double
row_y (const graphene_rect_t *plot,
       int                    impact)
{
  return plot->origin.y + (N_SCORES - impact) * plot->size.height / N_SCORES;
}

static int
dot_height (GtkWidget *dot)
{
  int height;

  gtk_widget_measure (dot, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  return height;
}

/* The height the cards of the fullest cell need, stacked. */
static int
fullest_cell (WmQuickWinsChart *self)
{
  int heights[N_SCORES][N_SCORES] = { { 0 } };
  int fullest = 0;

  for (guint i = 0; i < self->cards->len; i++)
    {
      WmCard *card = g_ptr_array_index (self->cards, i);
      int *cell = &heights[wm_card_get_effort (card) - 1][wm_card_get_impact (card) - 1];

      *cell += (*cell > 0 ? SPACING : 0) + dot_height (g_hash_table_lookup (self->dots, card));
      fullest = MAX (fullest, *cell);
    }
  return fullest;
}

static void
wm_quick_wins_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  WmQuickWinsChart *self = WM_QUICK_WINS_CHART (widget);
  Margins m;

  get_margins (self, &m);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = m.start + m.end + N_SCORES * MIN_CELL_WIDTH;
      *natural = m.start + m.end + N_SCORES * NAT_CELL_WIDTH;
    }
  else
    {
      int cell = MAX (MIN_CELL_HEIGHT, fullest_cell (self) + 2 * SPACING);

      *minimum = *natural = m.top + m.bottom + N_SCORES * cell;
    }
}

static void
allocate_rect (GtkWidget *child,
               double     x,
               double     y,
               double     width,
               double     height)
{
  gtk_widget_size_allocate (child, &(GtkAllocation) { (int) round (x), (int) round (y),
                                                      (int) round (width), (int) round (height) }, -1);
}

static void
wm_quick_wins_chart_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  WmQuickWinsChart *self = WM_QUICK_WINS_CHART (widget);
  double cell_width, cell_height, quadrant_x, quadrant_y;
  int stacked[N_SCORES][N_SCORES] = { { 0 } };
  int placed[N_SCORES][N_SCORES] = { { 0 } };
  int caption_height;
  graphene_rect_t plot;
  Margins m;

  get_plot (self, width, height, &m, &plot);
  cell_width = plot.size.width / N_SCORES;
  cell_height = plot.size.height / N_SCORES;

  quadrant_x = MIN (column_x (self, &plot, 1), column_x (self, &plot, QUICK_MAX_EFFORT));
  quadrant_y = row_y (&plot, N_SCORES);
  allocate_rect (self->quadrant, quadrant_x + 2, quadrant_y + 2,
                 QUICK_MAX_EFFORT * cell_width - 4, (N_SCORES - QUICK_MIN_IMPACT + 1) * cell_height - 4);
  gtk_widget_measure (self->caption, GTK_ORIENTATION_VERTICAL, QUICK_MAX_EFFORT * cell_width,
                      NULL, &caption_height, NULL, NULL);
  allocate_rect (self->caption, quadrant_x, quadrant_y - SPACING - caption_height,
                 QUICK_MAX_EFFORT * cell_width, caption_height);

  /* Each cell's cards stack around its middle, in focus order. */
  for (guint i = 0; i < self->cards->len; i++)
    {
      WmCard *card = g_ptr_array_index (self->cards, i);
      int *cell = &stacked[wm_card_get_effort (card) - 1][wm_card_get_impact (card) - 1];

      *cell += (*cell > 0 ? SPACING : 0) + dot_height (g_hash_table_lookup (self->dots, card));
    }
  for (guint i = 0; i < self->cards->len; i++)
    {
      WmCard *card = g_ptr_array_index (self->cards, i);
      GtkWidget *dot = g_hash_table_lookup (self->dots, card);
      int effort = wm_card_get_effort (card), impact = wm_card_get_impact (card);
      int *offset = &placed[effort - 1][impact - 1];
      int min_width, nat_width, dot_h = dot_height (dot);
      double dot_width, top;

      gtk_widget_measure (dot, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
      dot_width = MAX (min_width, MIN (nat_width, cell_width - 2 * SPACING));
      top = row_y (&plot, impact) + (cell_height - stacked[effort - 1][impact - 1]) / 2 + *offset;
      allocate_rect (dot, column_x (self, &plot, effort) + (cell_width - dot_width) / 2, top, dot_width, dot_h);
      *offset += dot_h + SPACING;
    }
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_axes (WmQuickWinsChart *self,
               GtkSnapshot      *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA color, grid, axis, ticks;
  g_autoptr(PangoLayout) effort = NULL;
  g_autoptr(PangoLayout) impact = NULL;
  int text_width, text_height, tick_height = 0;
  graphene_rect_t plot;
  Margins m;

  get_plot (self, width, height, &m, &plot);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  grid = axis = ticks = color;
  grid.alpha *= 0.12;
  axis.alpha *= 0.45;
  ticks.alpha *= 0.7;

  for (int i = 0; i <= N_SCORES; i++)
    {
      double x = plot.origin.x + i * plot.size.width / N_SCORES;
      double y = plot.origin.y + i * plot.size.height / N_SCORES;
      gboolean axis_x = i == (is_rtl (self) ? N_SCORES : 0);

      gtk_snapshot_append_color (snapshot, axis_x ? &axis : &grid,
                                 &GRAPHENE_RECT_INIT (x - 0.5, plot.origin.y, 1, plot.size.height));
      gtk_snapshot_append_color (snapshot, i == N_SCORES ? &axis : &grid,
                                 &GRAPHENE_RECT_INIT (plot.origin.x, y - 0.5, plot.size.width, 1));
    }

  for (int score = 1; score <= N_SCORES; score++)
    {
      g_autofree char *text = g_strdup_printf ("%d", score);
      g_autoptr(PangoLayout) tick = text_layout (self, text, &text_width, &text_height);
      double cell_width = plot.size.width / N_SCORES, cell_height = plot.size.height / N_SCORES;

      tick_height = text_height;
      append_text (snapshot, tick, column_x (self, &plot, score) + (cell_width - text_width) / 2,
                   plot.origin.y + plot.size.height + SPACING, &ticks);
      append_text (snapshot, tick,
                   is_rtl (self) ? plot.origin.x + plot.size.width + SPACING : plot.origin.x - SPACING - text_width,
                   row_y (&plot, score) + (cell_height - text_height) / 2, &ticks);
    }

  effort = text_layout (self, effort_title (), &text_width, &text_height);
  append_text (snapshot, effort, plot.origin.x + (plot.size.width - text_width) / 2,
               plot.origin.y + plot.size.height + SPACING + tick_height + SPACING, &color);

  /* Up the side, read from the bottom. */
  impact = text_layout (self, impact_title (), &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (is_rtl (self) ? width - PAD - text_height : PAD,
                                                          plot.origin.y + (plot.size.height + text_width) / 2));
  gtk_snapshot_rotate (snapshot, -90);
  gtk_snapshot_append_layout (snapshot, impact, &color);
  gtk_snapshot_restore (snapshot);
}

static void
wm_quick_wins_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  snapshot_axes (WM_QUICK_WINS_CHART (widget), snapshot);
  /* The children: the corner first, under the cards. */
  GTK_WIDGET_CLASS (wm_quick_wins_chart_parent_class)->snapshot (widget, snapshot);
}

static void
wm_quick_wins_chart_direction_changed (GtkWidget        *widget,
                                       GtkTextDirection  previous)
{
  gtk_widget_queue_resize (widget);
}

/* The style of the chart and of the quick wins' badge, once for each
 * display. */
static void
wm_quick_wins_chart_root (GtkWidget *widget)
{
  GdkDisplay *display;

  GTK_WIDGET_CLASS (wm_quick_wins_chart_parent_class)->root (widget);

  display = gtk_widget_get_display (widget);
  if (g_object_get_data (G_OBJECT (display), "wm-quick-wins-style") == NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/waymark/Waymark/wm-quick-wins.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "wm-quick-wins-style", provider, g_object_unref);
    }
}

/* Dots */

char *
wm_quick_wins_chart_describe (WmCard *card)
{
  const char *text = wm_card_get_text (card);

  g_return_val_if_fail (WM_IS_CARD (card), NULL);

  if (wm_card_is_quick_win (card))
    /* TRANSLATORS: an opportunity on the impact × effort chart, as a screen reader names it */
    return g_strdup_printf (_("Opportunity: %s, impact %d of 5, effort %d of 5, quick win"),
                            text, wm_card_get_impact (card), wm_card_get_effort (card));
  /* TRANSLATORS: an opportunity on the impact × effort chart, as a screen reader names it */
  return g_strdup_printf (_("Opportunity: %s, impact %d of 5, effort %d of 5"),
                          text, wm_card_get_impact (card), wm_card_get_effort (card));
}

static void
on_dot_clicked (GtkButton        *dot,
                WmQuickWinsChart *self)
{
  g_signal_emit (self, signals[SIGNAL_CARD_ACTIVATED], 0, g_object_get_data (G_OBJECT (dot), "wm-card"));
}

static GtkWidget *
dot_new (WmQuickWinsChart *self)
{
  GtkWidget *dot = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, SPACING);
  GtkWidget *marker = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (dot, "flat");
  gtk_widget_add_css_class (dot, "dot");
  gtk_widget_add_css_class (marker, "marker");
  gtk_widget_set_valign (marker, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (dot), box);
  g_signal_connect (dot, "clicked", G_CALLBACK (on_dot_clicked), self);
  return dot;
}

static void
dot_update (GtkWidget *dot,
            WmCard    *card)
{
  GtkWidget *label = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (dot)));
  g_autofree char *name = wm_quick_wins_chart_describe (card);
  const char *text = wm_card_get_text (card);
  const char *line_end = strchr (text, '\n');
  g_autofree char *first_line = g_strndup (text, line_end != NULL ? (gsize) (line_end - text) : strlen (text));

  g_object_set_data (G_OBJECT (dot), "wm-card", card);
  gtk_label_set_label (GTK_LABEL (label), first_line);
  gtk_widget_set_tooltip_text (dot, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (wm_card_is_quick_win (card))
    gtk_widget_add_css_class (dot, "quick-win");
  else
    gtk_widget_remove_css_class (dot, "quick-win");
}

static void
mark_selected (WmQuickWinsChart *self)
{
  GHashTableIter iter;
  gpointer card, dot;

  g_hash_table_iter_init (&iter, self->dots);
  while (g_hash_table_iter_next (&iter, &card, &dot))
    {
      if (self->selection != NULL && wm_selection_contains (self->selection, card))
        gtk_widget_add_css_class (dot, "selected");
      else
        gtk_widget_remove_css_class (dot, "selected");
    }
}

/* GObject */

static void
wm_quick_wins_chart_dispose (GObject *object)
{
  WmQuickWinsChart *self = WM_QUICK_WINS_CHART (object);
  GtkWidget *child;

  wm_quick_wins_chart_set_selection (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->dots, g_hash_table_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_quick_wins_chart_parent_class)->dispose (object);
}

static void
wm_quick_wins_chart_class_init (WmQuickWinsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_quick_wins_chart_dispose;
  widget_class->measure = wm_quick_wins_chart_measure;
  widget_class->size_allocate = wm_quick_wins_chart_size_allocate;
  widget_class->snapshot = wm_quick_wins_chart_snapshot;
  widget_class->direction_changed = wm_quick_wins_chart_direction_changed;
  widget_class->root = wm_quick_wins_chart_root;

  /**
   * WmQuickWinsChart::card-activated:
   * @card: the opportunity whose button was activated
   */
  signals[SIGNAL_CARD_ACTIVATED] =
    g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_CARD);

  gtk_widget_class_set_css_name (widget_class, "wm-quick-wins-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_quick_wins_chart_init (WmQuickWinsChart *self)
{
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);
  self->dots = g_hash_table_new (NULL, NULL);

  self->quadrant = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->quadrant, "quadrant");
  gtk_widget_set_parent (self->quadrant, GTK_WIDGET (self));

  self->caption = gtk_label_new (_("Quick wins: high impact, low effort"));
  gtk_label_set_wrap (GTK_LABEL (self->caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_widget_add_css_class (self->caption, "caption-heading");
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Opportunities by impact and effort"), -1);
}

GtkWidget *
wm_quick_wins_chart_new (void)
{
  return g_object_new (WM_TYPE_QUICK_WINS_CHART, NULL);
}

void
wm_quick_wins_chart_set_cards (WmQuickWinsChart *self,
                               GPtrArray        *cards)
{
  g_autoptr(GHashTable) old_dots = NULL;
  GHashTableIter iter;
  gpointer dot;

  g_return_if_fail (WM_IS_QUICK_WINS_CHART (self));
  g_return_if_fail (cards != NULL);

  /* Buttons are kept from one showing to the next, and with them the
   * keyboard focus. */
  old_dots = g_steal_pointer (&self->dots);
  self->dots = g_hash_table_new (NULL, NULL);
  g_ptr_array_set_size (self->cards, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      WmCard *card = g_ptr_array_index (cards, i);

      if (!is_rated (card) || g_hash_table_contains (self->dots, card))
        continue;
      if (!g_hash_table_steal_extended (old_dots, card, NULL, &dot))
        dot = dot_new (self);
      /* In focus order, after the corner and its caption; a button that
       * is already there moves, keeping the focus. */
      gtk_widget_insert_before (dot, GTK_WIDGET (self), NULL);

      dot_update (dot, card);
      g_ptr_array_add (self->cards, g_object_ref (card));
      g_hash_table_insert (self->dots, card, dot);
    }

  g_hash_table_iter_init (&iter, old_dots);
  while (g_hash_table_iter_next (&iter, NULL, &dot))
    gtk_widget_unparent (dot);

  mark_selected (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
wm_quick_wins_chart_set_selection (WmQuickWinsChart *self,
                                   WmSelection      *selection)
{
  g_return_if_fail (WM_IS_QUICK_WINS_CHART (self));
  g_return_if_fail (selection == NULL || WM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (wm_selection_get_items (self->selection), self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_swapped (wm_selection_get_items (selection), "items-changed", G_CALLBACK (mark_selected), self);
  if (self->dots != NULL)
    mark_selected (self);
}

/**
 * wm_quick_wins_chart_get_dot:
 *
 * Returns: (transfer none) (nullable): the button of @card
 */
GtkWidget *
wm_quick_wins_chart_get_dot (WmQuickWinsChart *self,
                             WmCard           *card)
{
  g_return_val_if_fail (WM_IS_QUICK_WINS_CHART (self), NULL);

  return g_hash_table_lookup (self->dots, card);
}

/**
 * wm_quick_wins_chart_get_quadrant:
 *
 * Returns: (transfer none): the corner of quick wins
 */
GtkWidget *
wm_quick_wins_chart_get_quadrant (WmQuickWinsChart *self)
{
  g_return_val_if_fail (WM_IS_QUICK_WINS_CHART (self), NULL);

  return self->quadrant;
}
