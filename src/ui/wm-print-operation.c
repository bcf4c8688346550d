/* wm-print-operation.c: printing a map, on one page or as a tiled poster.
 *
 * Paper is always printed in the light theme, whatever the screen shows.
 * The map is drawn by the same layout and painter as the canvas and the
 * exports. A poster page draws only the part of the map that falls on it.
 *
 * The print dialog gets a tab of our own: fit or poster, the poster's
 * scale, how many pages that makes, and a preview of the map with the
 * pages drawn over it, following the paper size chosen in the dialog.
 */
#include "wm-print-operation.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-layout.h"
#include "wm-painter.h"

#define POINTS_PER_PX 0.75 /* a map unit is a CSS pixel: 1/96 inch */
#define SCALE_MIN 0.1
#define SCALE_MAX 4.0
#define PREVIEW_WIDTH 360
#define PREVIEW_HEIGHT 220
#define FALLBACK_PAGE_WIDTH 540.0  /* A4's printable width, if nothing else says */
#define FALLBACK_PAGE_HEIGHT 770.0

struct _WmPrintOperation
{
  GtkPrintOperation parent_instance;

  WmDocument *document;
  WmLayout *layout;
  WmPrintMode mode;
  double scale;

  int columns, rows;                /* of the pages being printed */
  double page_width, page_height;   /* the printable area, in points */

  /* The custom tab, while the dialog shows it */
  GtkWidget *poster_button;
  GtkWidget *scale_spin;
  GtkWidget *pages_label;
  GtkWidget *preview;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MODE,
  PROP_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmPrintOperation, wm_print_operation, GTK_TYPE_PRINT_OPERATION)

/* Pages */

void
wm_print_operation_get_tiles (WmPrintOperation *self,
                              double            width,
                              double            height,
                              int              *columns,
                              int              *rows)
{
  double map_width, map_height;

  g_return_if_fail (WM_IS_PRINT_OPERATION (self));

  if (self->mode == WM_PRINT_FIT || width <= 0 || height <= 0)
    {
      *columns = *rows = 1;
      return;
    }

  wm_layout_update (self->layout);
  map_width = wm_layout_get_width (self->layout) * POINTS_PER_PX * self->scale;
  map_height = wm_layout_get_height (self->layout) * POINTS_PER_PX * self->scale;
  /* A sliver of a point over the page is rounding, not another page. */
  *columns = MAX (1, (int) ceil (map_width / width - 1e-6));
  *rows = MAX (1, (int) ceil (map_height / height - 1e-6));
}

/* How many points one map unit takes on paper. */
static double
paper_scale (WmPrintOperation *self,
             double            width,
             double            height)
{
  double map_width, map_height;

  if (self->mode == WM_PRINT_POSTER)
    return POINTS_PER_PX * self->scale;

  wm_layout_update (self->layout);
  map_width = MAX (1, wm_layout_get_width (self->layout));
  map_height = MAX (1, wm_layout_get_height (self->layout));
  return MIN (width / map_width, height / map_height);
}

static void
wm_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (operation);

  self->page_width = gtk_print_context_get_width (context);
  self->page_height = gtk_print_context_get_height (context);
  wm_print_operation_get_tiles (self, self->page_width, self->page_height, &self->columns, &self->rows);
  gtk_print_operation_set_n_pages (operation, self->columns * self->rows);
}

static void
wm_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = paper_scale (self, self->page_width, self->page_height);
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  WmRect area;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_clip (cr);

  if (self->mode == WM_PRINT_FIT)
    {
      /* Centred on the page. */
      cairo_translate (cr,
                       (self->page_width - wm_layout_get_width (self->layout) * scale) / 2,
                       (self->page_height - wm_layout_get_height (self->layout) * scale) / 2);
      cairo_scale (cr, scale, scale);
      wm_painter_draw (cr, self->layout, theme);
    }
  else
    {
      int column = page_nr % self->columns;
      int row = page_nr / self->columns;

      area = (WmRect) { column * self->page_width / scale, row * self->page_height / scale,
                        self->page_width / scale, self->page_height / scale };
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -area.x, -area.y);
      wm_painter_draw_area (cr, self->layout, theme, &area);
    }

  cairo_restore (cr);
}

/* The custom tab */

static void
update_pages_label (WmPrintOperation *self)
{
  int columns, rows;
  g_autofree char *text = NULL;

  wm_print_operation_get_tiles (self, self->page_width, self->page_height, &columns, &rows);
  if (self->mode == WM_PRINT_FIT)
    text = g_strdup (_("The whole map on one page."));
  else
    /* TRANSLATORS: a poster's size in pages: columns × rows = pages */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d × %d = %d page", "%d × %d = %d pages",
                                         columns * rows),
                            columns, rows, columns * rows);
  gtk_label_set_label (GTK_LABEL (self->pages_label), text);
  gtk_widget_set_sensitive (self->scale_spin, self->mode == WM_PRINT_POSTER);
  gtk_widget_queue_draw (self->preview);
}

/* The map in miniature, white as paper, with the pages over it. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  WmPrintOperation *self = data;
  double paper = paper_scale (self, self->page_width, self->page_height);
  int columns, rows;
  double sheet_width, sheet_height, fit;

  wm_print_operation_get_tiles (self, self->page_width, self->page_height, &columns, &rows);
  sheet_width = columns * self->page_width;
  sheet_height = rows * self->page_height;
  fit = MIN ((width - 8) / sheet_width, (height - 8) / sheet_height);

  cairo_translate (cr, (width - sheet_width * fit) / 2, (height - sheet_height * fit) / 2);
  cairo_scale (cr, fit, fit);

  cairo_rectangle (cr, 0, 0, sheet_width, sheet_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  cairo_save (cr);
  if (self->mode == WM_PRINT_FIT)
    cairo_translate (cr, (self->page_width - wm_layout_get_width (self->layout) * paper) / 2,
                     (self->page_height - wm_layout_get_height (self->layout) * paper) / 2);
  cairo_scale (cr, paper, paper);
  wm_painter_draw (cr, self->layout, wm_theme_get (WM_THEME_LIGHT));
  cairo_restore (cr);

  /* Where one page ends and the next begins. */
  cairo_set_line_width (cr, 1.5 / fit);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
  for (int c = 0; c < columns; c++)
    for (int r = 0; r < rows; r++)
      cairo_rectangle (cr, c * self->page_width, r * self->page_height, self->page_width, self->page_height);
  cairo_stroke (cr);
}

static void
on_mode_toggled (GtkCheckButton   *button,
                 WmPrintOperation *self)
{
  wm_print_operation_set_mode (self, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->poster_button))
                                       ? WM_PRINT_POSTER : WM_PRINT_FIT);
  update_pages_label (self);
}

static void
on_scale_changed (GtkSpinButton    *spin,
                  WmPrintOperation *self)
{
  wm_print_operation_set_scale (self, gtk_spin_button_get_value (spin) / 100.0);
  update_pages_label (self);
}

static GtkWidget *
wm_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (operation);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *fit_button = gtk_check_button_new_with_mnemonic (_("_Fit the map on one page"));
  GtkWidget *scale_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scale_label = gtk_label_new_with_mnemonic (_("Poster _scale (%)"));

  gtk_print_operation_set_custom_tab_label (operation, _("Map Layout"));
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  self->poster_button = gtk_check_button_new_with_mnemonic (_("Print as a _poster on several pages"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->poster_button), GTK_CHECK_BUTTON (fit_button));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->mode == WM_PRINT_POSTER ? self->poster_button : fit_button),
                               TRUE);
  g_signal_connect_object (self->poster_button, "toggled", G_CALLBACK (on_mode_toggled), self, 0);

  self->scale_spin = gtk_spin_button_new_with_range (SCALE_MIN * 100, SCALE_MAX * 100, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->scale_spin), self->scale * 100);
  gtk_label_set_mnemonic_widget (GTK_LABEL (scale_label), self->scale_spin);
  g_signal_connect_object (self->scale_spin, "value-changed", G_CALLBACK (on_scale_changed), self, 0);
  gtk_widget_set_margin_start (scale_box, 24);
  gtk_box_append (GTK_BOX (scale_box), scale_label);
  gtk_box_append (GTK_BOX (scale_box), self->scale_spin);

  self->pages_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->pages_label), 0);
  gtk_widget_add_css_class (self->pages_label, "dim-label");

  self->preview = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->preview), PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->preview), PREVIEW_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
  gtk_widget_set_vexpand (self->preview, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the printed pages"), -1);

  gtk_box_append (GTK_BOX (box), fit_button);
  gtk_box_append (GTK_BOX (box), self->poster_button);
  gtk_box_append (GTK_BOX (box), scale_box);
  gtk_box_append (GTK_BOX (box), self->pages_label);
  gtk_box_append (GTK_BOX (box), self->preview);
  update_pages_label (self);

  return box;
}

static void
wm_print_operation_update_custom_widget (GtkPrintOperation *operation,
                                         GtkWidget         *widget,
                                         GtkPageSetup      *setup,
                                         GtkPrintSettings  *settings)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (operation);

  self->page_width = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  self->page_height = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);
  update_pages_label (self);
}

static void
wm_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (operation);

  self->poster_button = self->scale_spin = self->pages_label = self->preview = NULL;
}

/* GObject */

static void
wm_print_operation_constructed (GObject *object)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (object);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  G_OBJECT_CLASS (wm_print_operation_parent_class)->constructed (object);

  self->layout = wm_layout_new (self->document);
  wm_layout_update (self->layout);

  /* A map is usually wider than tall: landscape paper suits it. */
  if (wm_layout_get_width (self->layout) > wm_layout_get_height (self->layout))
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), wm_document_get_title (self->document));
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  self->page_width = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  self->page_height = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);
  if (self->page_width <= 0 || self->page_height <= 0)
    {
      self->page_width = FALLBACK_PAGE_WIDTH;
      self->page_height = FALLBACK_PAGE_HEIGHT;
    }
}

static void
wm_print_operation_dispose (GObject *object)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wm_print_operation_parent_class)->dispose (object);
}

static void
wm_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_SCALE:
      g_value_set_double (value, self->scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WmPrintOperation *self = WM_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_MODE:
      wm_print_operation_set_mode (self, g_value_get_int (value));
      break;
    case PROP_SCALE:
      wm_print_operation_set_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_print_operation_class_init (WmPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = wm_print_operation_constructed;
  object_class->dispose = wm_print_operation_dispose;
  object_class->get_property = wm_print_operation_get_property;
  object_class->set_property = wm_print_operation_set_property;

  operation_class->begin_print = wm_print_operation_begin_print;
  operation_class->draw_page = wm_print_operation_draw_page;
  operation_class->create_custom_widget = wm_print_operation_create_custom_widget;
  operation_class->update_custom_widget = wm_print_operation_update_custom_widget;
  operation_class->custom_widget_apply = wm_print_operation_custom_widget_apply;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", "Document", "The map to print",
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", "Mode", "One page (0) or a poster (1)",
                      WM_PRINT_FIT, WM_PRINT_POSTER, WM_PRINT_FIT,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", "Scale", "A poster's size: 1 is the map's size at 100 % zoom",
                         SCALE_MIN, SCALE_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_print_operation_init (WmPrintOperation *self)
{
  self->scale = 1.0;
}

WmPrintOperation *
wm_print_operation_new (WmDocument *document)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  return g_object_new (WM_TYPE_PRINT_OPERATION, "document", document, NULL);
}

WmPrintMode
wm_print_operation_get_mode (WmPrintOperation *self)
{
  g_return_val_if_fail (WM_IS_PRINT_OPERATION (self), WM_PRINT_FIT);

  return self->mode;
}

void
wm_print_operation_set_mode (WmPrintOperation *self,
                             WmPrintMode       mode)
{
  g_return_if_fail (WM_IS_PRINT_OPERATION (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

double
wm_print_operation_get_scale (WmPrintOperation *self)
{
  g_return_val_if_fail (WM_IS_PRINT_OPERATION (self), 1.0);

  return self->scale;
}

void
wm_print_operation_set_scale (WmPrintOperation *self,
                              double            scale)
{
  g_return_if_fail (WM_IS_PRINT_OPERATION (self));

  scale = CLAMP (scale, SCALE_MIN, SCALE_MAX);
  if (self->scale == scale)
    return;
  self->scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}
