/* waymark-bench.c: how long Waymark takes to save, load, lay out and export
 * a big journey map and how much memory it needs, beside two baselines
 * measured in the same run on the same data: json-glib parsing the saved
 * file and nothing else, and a bare cairo + PangoCairo program drawing the
 * same boxes and text.
 *
 * The maps are generated through the model API from a fixed seed, so every
 * run measures the same file. Each map is measured in a child process of its
 * own (the program runs itself again), and each peak-memory figure in one
 * more, so that one map's heap never inflates another's numbers.
 *
 * The benchmark reports; it never fails on a missed target.
 * See docs/performance.md.
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include "wm-bench-map.h"
#include "wm-card.h"
#include "wm-document.h"
#include "wm-evidence.h"
#include "wm-export.h"
#include "wm-format.h"
#include "wm-layout.h"
#include "wm-painter.h"
#include "wm-theme.h"

/* The targets. */
#define TARGET_LOAD_RATIO   2.0
#define TARGET_SVG_RATIO    1.3
#define TARGET_LAYOUT_MS   50.0
#define TARGET_LAYOUT_MAP  "large"

/* ------------------------------------------------------------------ */
/* Output surfaces, shared by Waymark's painter and the bare baseline  */
/* ------------------------------------------------------------------ */

typedef enum {
  OUTPUT_SVG,
  OUTPUT_PNG,
  OUTPUT_PDF,
  N_OUTPUTS
} Output;

static const char * const output_names[N_OUTPUTS] = { "svg", "png", "pdf" };
static const WmExportFormat output_formats[N_OUTPUTS] = { WM_EXPORT_SVG, WM_EXPORT_PNG, WM_EXPORT_PDF };

static cairo_surface_t *
output_surface_new (Output      output,
                    const char *path,
                    double      width,
                    double      height)
{
  switch (output)
    {
    case OUTPUT_SVG:
      return cairo_svg_surface_create (path, width, height);
    case OUTPUT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width), ceil (height));
    case OUTPUT_PDF:
      return cairo_pdf_surface_create (path, width, height);
    case N_OUTPUTS:
    default:
      g_assert_not_reached ();
    }
}

/* Writes the file out; FALSE with @error set if cairo failed. */
static gboolean
output_surface_finish (cairo_surface_t  *surface,
                       Output            output,
                       const char       *path,
                       GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS && output == OUTPUT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cairo: %s", cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Baseline: a bare cairo + PangoCairo program                         */
/* ------------------------------------------------------------------ */

/* What the bare program draws, copied out of the map before any clock
 * runs: plain strings, and the widths Waymark gave its columns, so that
 * both wrap the same text at the same width. */
typedef struct
{
  char *title;
  GPtrArray *stage_names;   /* of char * */
  GPtrArray *lane_titles;   /* of char * */
  GPtrArray *cells;         /* lane-major, of GPtrArray of char * */
  double header_width;      /* the lane-header column */
  double column_width;      /* one stage */
  double card_width;
} BarePlan;

/* The faces and sizes of Waymark's light theme, so that both shape the
 * same glyphs. */
#define BARE_FACES "Cantarell,Noto Sans,Noto Sans Arabic,DejaVu Sans"
#define BARE_MARGIN 24.0
#define BARE_PAD     8.0
#define BARE_GAP     6.0

typedef enum {
  BOX_TITLE,   /* text only */
  BOX_HEADER,
  BOX_CARD,
} BoxKind;

typedef struct
{
  PangoLayout *layout;
  double x, y, width, height;
  BoxKind kind;
} BareBox;

static void
bare_plan_free (BarePlan *plan)
{
  g_free (plan->title);
  g_ptr_array_unref (plan->stage_names);
  g_ptr_array_unref (plan->lane_titles);
  g_ptr_array_unref (plan->cells);
  g_free (plan);
}

static double
element_width (WmLayout *layout,
               gpointer  element,
               double    fallback)
{
  WmRect rect;

  if (element != NULL && wm_layout_get_element_rect (layout, element, &rect) && rect.width > 0)
    return rect.width;

  return fallback;
}

static BarePlan *
bare_plan_new (WmDocument *document,
               WmLayout   *layout)
{
  BarePlan *plan = g_new0 (BarePlan, 1);
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  g_autoptr(WmStage) first_stage = g_list_model_get_item (stages, 0);
  g_autoptr(WmLane) first_lane = g_list_model_get_item (lanes, 0);
  g_autoptr(WmCard) first_card = g_list_model_get_item (wm_lane_get_cards (first_lane, wm_element_get_id (WM_ELEMENT (first_stage))), 0);

  plan->title = g_strdup (wm_document_get_title (document));
  plan->stage_names = g_ptr_array_new_with_free_func (g_free);
  plan->lane_titles = g_ptr_array_new_with_free_func (g_free);
  plan->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  plan->header_width = element_width (layout, first_lane, 160);
  plan->column_width = element_width (layout, first_stage, 240);
  plan->card_width = element_width (layout, first_card, plan->column_width - 2 * BARE_GAP);

  for (guint j = 0; j < g_list_model_get_n_items (stages); j++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, j);

      g_ptr_array_add (plan->stage_names, g_strdup (wm_stage_get_name (stage)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i);

      g_ptr_array_add (plan->lane_titles, g_strdup (wm_lane_get_title (lane)));
      for (guint j = 0; j < g_list_model_get_n_items (stages); j++)
        {
          g_autoptr(WmStage) stage = g_list_model_get_item (stages, j);
          GListModel *cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));
          GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

          for (guint k = 0; k < g_list_model_get_n_items (cards); k++)
            {
              g_autoptr(WmCard) card = g_list_model_get_item (cards, k);

              g_ptr_array_add (texts, g_strdup (wm_card_get_text (card)));
            }
          g_ptr_array_add (plan->cells, texts);
        }
    }

  return plan;
}

static void
bare_box_clear (gpointer data)
{
  BareBox *box = data;

  g_clear_object (&box->layout);
}

/* Measures @text wrapped in a box @width wide at (@x, @y); returns the
 * box's height. */
static double
bare_add_box (GArray                     *boxes,
              PangoContext               *context,
              const PangoFontDescription *font,
              const char                 *text,
              double                      x,
              double                      y,
              double                      width,
              BoxKind                     kind)
{
  BareBox box = { pango_layout_new (context), x, y, width, 0, kind };
  int text_height;

  pango_layout_set_font_description (box.layout, font);
  pango_layout_set_wrap (box.layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (box.layout, pango_units_from_double (width - 2 * BARE_PAD));
  pango_layout_set_text (box.layout, text, -1);
  pango_layout_get_pixel_size (box.layout, NULL, &text_height);
  box.height = text_height + 2 * BARE_PAD;
  g_array_append_val (boxes, box);

  return box.height;
}

/* A measured sheet: every box placed, every text laid out. */
typedef struct
{
  PangoContext *context;
  GArray *boxes;            /* of BareBox */
  double width, height;
} BareSheet;

static void
bare_sheet_free (BareSheet *sheet)
{
  g_array_unref (sheet->boxes);
  g_object_unref (sheet->context);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BareSheet, bare_sheet_free)

/* The bare program's layout: measures every text to stack the boxes in a
 * grid, a stage per column and a lane per row. */
static BareSheet *
bare_measure (const BarePlan *plan)
{
  BareSheet *sheet = g_new0 (BareSheet, 1);
  g_autoptr(PangoFontDescription) title_font = pango_font_description_from_string (BARE_FACES " Bold 30px");
  g_autoptr(PangoFontDescription) header_font = pango_font_description_from_string (BARE_FACES " Bold 15px");
  g_autoptr(PangoFontDescription) card_font = pango_font_description_from_string (BARE_FACES " 13.5px");
  guint n_stages = plan->stage_names->len;
  double left = BARE_MARGIN + plan->header_width;
  double y = BARE_MARGIN, row;

  sheet->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  sheet->boxes = g_array_new (FALSE, FALSE, sizeof (BareBox));
  g_array_set_clear_func (sheet->boxes, bare_box_clear);
  sheet->width = left + n_stages * plan->column_width + BARE_MARGIN;

  y += bare_add_box (sheet->boxes, sheet->context, title_font, plan->title,
                     BARE_MARGIN, y, sheet->width - 2 * BARE_MARGIN, BOX_TITLE) + BARE_GAP;

  row = 0;
  for (guint j = 0; j < n_stages; j++)
    row = MAX (row, bare_add_box (sheet->boxes, sheet->context, header_font, g_ptr_array_index (plan->stage_names, j),
                                  left + j * plan->column_width, y, plan->column_width, BOX_HEADER));
  y += row + BARE_GAP;

  for (guint i = 0; i < plan->lane_titles->len; i++)
    {
      row = bare_add_box (sheet->boxes, sheet->context, header_font, g_ptr_array_index (plan->lane_titles, i),
                          BARE_MARGIN, y, plan->header_width, BOX_HEADER);
      for (guint j = 0; j < n_stages; j++)
        {
          GPtrArray *texts = g_ptr_array_index (plan->cells, i * n_stages + j);
          double x = left + j * plan->column_width + (plan->column_width - plan->card_width) / 2;
          double stack = 0;

          for (guint k = 0; k < texts->len; k++)
            stack += bare_add_box (sheet->boxes, sheet->context, card_font, g_ptr_array_index (texts, k),
                                   x, y + stack, plan->card_width, BOX_CARD) + BARE_GAP;
          row = MAX (row, stack);
        }
      y += row + BARE_GAP;
    }
  sheet->height = y + BARE_MARGIN;

  return sheet;
}

/* The bare program's painter: a rectangle and the text of each box. */
static gboolean
bare_draw (const BareSheet  *sheet,
           Output            output,
           const char       *path,
           GError          **error)
{
  cairo_surface_t *surface = output_surface_new (output, path, sheet->width, sheet->height);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_line_width (cr, 1);
  for (guint b = 0; b < sheet->boxes->len; b++)
    {
      const BareBox *box = &g_array_index (sheet->boxes, BareBox, b);

      if (box->kind != BOX_TITLE)
        {
          cairo_rectangle (cr, box->x, box->y, box->width, box->height);
          if (box->kind == BOX_HEADER)
            cairo_set_source_rgb (cr, 0.88, 0.90, 0.93);
          else
            cairo_set_source_rgb (cr, 1.0, 0.97, 0.80);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.60, 0.62, 0.66);
          cairo_stroke (cr);
        }

      cairo_set_source_rgb (cr, 0.12, 0.12, 0.14);
      cairo_move_to (cr, box->x + BARE_PAD, box->y + BARE_PAD);
      pango_cairo_show_layout (cr, box->layout);
    }

  cairo_destroy (cr);
  ok = output_surface_finish (surface, output, path, error);
  cairo_surface_destroy (surface);

  return ok;
}

/* ------------------------------------------------------------------ */
/* Measuring                                                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  const WmBenchMapSpec *spec;
  const char *dir;
  WmDocument *document;
  GBytes *saved;
  WmLayout *layout;         /* kept up to date, for relayout and painting */
  WmCard *edited;           /* the card whose text the relayout changes */
  char *edit_texts[2];
  guint n_edits;
  BarePlan *plan;
  Output output;            /* for the drawing steps */
  GError *error;            /* why the last run failed */
} Bench;

/* One run of a step: returns the microseconds spent in the part that is
 * measured, or -1 with bench->error set. */
typedef gint64 (*RunFunc) (Bench *bench);

static char *
output_path (Bench      *bench,
             const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.%s", bench->spec->name, what, output_names[bench->output]);

  return g_build_filename (bench->dir, name, NULL);
}

static gint64
run_save (Bench *bench)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GBytes) bytes = wm_format_save_bytes (bench->document);
  gint64 elapsed = g_get_monotonic_time () - start;

  return elapsed;
}

static gint64
run_load (Bench *bench)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(WmDocument) document = wm_format_load_bytes (bench->saved, &bench->error);
  gint64 elapsed = g_get_monotonic_time () - start;

  return document != NULL ? elapsed : -1;
}

static gint64
run_parse (Bench *bench)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bench->saved, &size);
  gint64 start = g_get_monotonic_time ();
  gboolean ok = json_parser_load_from_data (parser, data, size, &bench->error);
  gint64 elapsed = g_get_monotonic_time () - start;

  return ok ? elapsed : -1;
}

static gint64
run_layout (Bench *bench)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(WmLayout) layout = wm_layout_new (bench->document);
  gint64 elapsed;

  wm_layout_update (layout);
  elapsed = g_get_monotonic_time () - start;

  return elapsed;
}

/* The edit is timed too: a layout may do its work in the notify handler. */
static gint64
run_relayout (Bench *bench)
{
  WmHistory *history = wm_document_get_history (bench->document);
  const char *text = bench->edit_texts[bench->n_edits++ % 2];
  gint64 start = g_get_monotonic_time ();

  wm_history_set (history, bench->edited, "text", text, NULL);
  wm_layout_update (bench->layout);

  return g_get_monotonic_time () - start;
}

static gint64
run_update_unchanged (Bench *bench)
{
  gint64 start = g_get_monotonic_time ();

  wm_layout_update (bench->layout);

  return g_get_monotonic_time () - start;
}

static gint64
run_export (Bench *bench)
{
  g_autofree char *path = output_path (bench, "export");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 start = g_get_monotonic_time ();
  gboolean ok = wm_export_file (bench->document, file, output_formats[bench->output],
                                1.0, WM_THEME_LIGHT, NULL, &bench->error);
  gint64 elapsed = g_get_monotonic_time () - start;

  return ok ? elapsed : -1;
}

static gint64
run_paint (Bench *bench)
{
  g_autofree char *path = output_path (bench, "paint");
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = output_surface_new (bench->output, path,
                                                 wm_layout_get_width (bench->layout),
                                                 wm_layout_get_height (bench->layout));
  cairo_t *cr = cairo_create (surface);
  gboolean ok;
  gint64 elapsed;

  wm_painter_draw (cr, bench->layout, wm_theme_get (WM_THEME_LIGHT));
  cairo_destroy (cr);
  ok = output_surface_finish (surface, bench->output, path, &bench->error);
  cairo_surface_destroy (surface);
  elapsed = g_get_monotonic_time () - start;

  return ok ? elapsed : -1;
}

/* The whole bare program, measuring and drawing. */
static gint64
run_bare (Bench *bench)
{
  g_autofree char *path = output_path (bench, "bare");
  gint64 start = g_get_monotonic_time ();
  g_autoptr(BareSheet) sheet = bare_measure (bench->plan);
  gboolean ok = bare_draw (sheet, bench->output, path, &bench->error);
  gint64 elapsed = g_get_monotonic_time () - start;

  return ok ? elapsed : -1;
}

static gint64
run_bare_measure (Bench *bench)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(BareSheet) sheet = bare_measure (bench->plan);
  gint64 elapsed = g_get_monotonic_time () - start;

  return elapsed;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  const char *key;
  RunFunc run;
} BenchStep;

/* Runs @steps in turn, @runs rounds, so that whatever else the machine
 * does meanwhile falls on each step alike, and a step and its baseline
 * are compared under the same conditions. Prints per step
 * "KEY\tMIN\tMEDIAN" in microseconds, or "KEY\terror\tMESSAGE" for a
 * step that failed (it drops out). Returns whether every step succeeded. */
static gboolean
measure (Bench           *bench,
         guint            runs,
         const BenchStep *steps,
         guint            n_steps)
{
  g_autofree gint64 *times = g_new0 (gint64, (gsize) runs * n_steps);
  g_autofree gboolean *failed = g_new0 (gboolean, n_steps);
  gboolean ok = TRUE;

  for (guint i = 0; i < runs; i++)
    for (guint j = 0; j < n_steps; j++)
      {
        if (failed[j])
          continue;

        times[j * runs + i] = steps[j].run (bench);
        if (times[j * runs + i] < 0)
          {
            g_print ("%s\terror\t%s\n", steps[j].key, bench->error != NULL ? bench->error->message : "failed");
            g_clear_error (&bench->error);
            failed[j] = TRUE;
            ok = FALSE;
          }
      }

  for (guint j = 0; j < n_steps; j++)
    {
      gint64 *step_times = times + j * runs;

      if (failed[j])
        continue;

      qsort (step_times, runs, sizeof *step_times, compare_int64);
      g_print ("%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
               steps[j].key, step_times[0], step_times[runs / 2]);
    }

  return ok;
}

#define MEASURE(bench, runs, ...) \
  G_STMT_START { \
    const BenchStep steps_[] = { __VA_ARGS__ }; \
    measure ((bench), (runs), steps_, G_N_ELEMENTS (steps_)); \
  } G_STMT_END

static char *
map_path (const char    *dir,
          const WmBenchMapSpec *spec)
{
  g_autofree char *name = g_strdup_printf ("%s.waymark", spec->name);

  return g_build_filename (dir, name, NULL);
}

/* The card in the middle of the map, whose edit pushes down half the rows. */
static WmCard *
middle_card (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  g_autoptr(WmStage) stage = g_list_model_get_item (stages, g_list_model_get_n_items (stages) / 2);
  g_autoptr(WmLane) lane = g_list_model_get_item (lanes, g_list_model_get_n_items (lanes) / 2);

  return g_list_model_get_item (wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage))), 0);
}

static int
child_time (const WmBenchMapSpec *spec,
            const char    *dir,
            guint          runs)
{
  Bench bench = { .spec = spec, .dir = dir };
  g_autofree char *path = map_path (dir, spec);
  g_autofree char *checksum = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  bench.document = wm_bench_map_generate (spec);
  elapsed = g_get_monotonic_time () - start;
  g_print ("generate\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n", elapsed, elapsed);

  bench.saved = wm_format_save_bytes (bench.document);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bench.saved);
  g_print ("size\tvalue\t%" G_GSIZE_FORMAT "\n", g_bytes_get_size (bench.saved));
  g_print ("sha256\tvalue\t%.12s\n", checksum);
  if (!g_file_set_contents (path, g_bytes_get_data (bench.saved, NULL), g_bytes_get_size (bench.saved), &error))
    g_error ("%s", error->message);

  MEASURE (&bench, runs, { "save", run_save });
  MEASURE (&bench, runs, { "load", run_load }, { "parse", run_parse });
  bench.layout = wm_layout_new (bench.document);
  wm_layout_update (bench.layout);
  bench.plan = bare_plan_new (bench.document, bench.layout);
  MEASURE (&bench, runs, { "layout", run_layout }, { "bare-measure", run_bare_measure });

  bench.edited = middle_card (bench.document);
  bench.edit_texts[0] = g_strconcat (wm_card_get_text (bench.edited), " Then the customer gives up, "
                                     "closes the tab and phones the store instead, where nobody answers.", NULL);
  bench.edit_texts[1] = g_strdup (wm_card_get_text (bench.edited));
  {
    guint before, after;

    /* How much of the map one edit measures again: it should be that card. */
    g_object_get (bench.layout, "measure-count", &before, NULL);
    MEASURE (&bench, runs, { "relayout", run_relayout });
    g_object_get (bench.layout, "measure-count", &after, NULL);
    g_print ("relayout-measured\tvalue\t%u\n", (after - before) / runs);
  }
  MEASURE (&bench, runs, { "update", run_update_unchanged });

  for (bench.output = 0; bench.output < N_OUTPUTS; bench.output++)
    {
      g_autofree char *export_key = g_strdup_printf ("export-%s", output_names[bench.output]);
      g_autofree char *paint_key = g_strdup_printf ("paint-%s", output_names[bench.output]);
      g_autofree char *bare_key = g_strdup_printf ("bare-%s", output_names[bench.output]);

      /* One export first, not counted: it warms the caches, and if
       * Waymark refuses this picture there is nothing to compare, and
       * no point in making it by hand. */
      if (run_export (&bench) < 0)
        {
          g_print ("%s\terror\t%s\n", export_key, bench.error->message);
          g_clear_error (&bench.error);
          continue;
        }
      MEASURE (&bench, runs, { export_key, run_export }, { paint_key, run_paint }, { bare_key, run_bare });
    }

  g_clear_pointer (&bench.plan, bare_plan_free);
  g_free (bench.edit_texts[0]);
  g_free (bench.edit_texts[1]);
  g_clear_object (&bench.edited);
  g_clear_object (&bench.layout);
  g_clear_pointer (&bench.saved, g_bytes_unref);
  g_clear_object (&bench.document);

  return 0;
}

/* The peak resident set of this process so far, in KiB. */
static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmHWM:")) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("\nVmHWM:"), NULL, 10);
}

static const char * const peak_steps[] = { "idle", "parse", "load", "layout", "svg", "png", "pdf" };

/* Does one thing a user would do with the saved map: @step is one of
 * peak_steps. */
static gboolean
peak_step (const WmBenchMapSpec  *spec,
           const char     *dir,
           const char     *step,
           GError        **error)
{
  g_autofree char *path = map_path (dir, spec);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WmDocument) document = NULL;
  char *contents;
  gsize length;

  if (g_strcmp0 (step, "idle") == 0)
    return TRUE;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  bytes = g_bytes_new_take (contents, length);

  if (g_strcmp0 (step, "parse") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      return json_parser_load_from_data (parser, contents, length, error);
    }

  document = wm_format_load_bytes (bytes, error);
  if (document == NULL)
    return FALSE;

  if (g_strcmp0 (step, "layout") == 0)
    {
      g_autoptr(WmLayout) layout = wm_layout_new (document);

      wm_layout_update (layout);
    }

  for (Output output = 0; output < N_OUTPUTS; output++)
    if (g_strcmp0 (step, output_names[output]) == 0)
      {
        g_autofree char *name = g_strdup_printf ("%s-peak.%s", spec->name, output_names[output]);
        g_autofree char *out = g_build_filename (dir, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (out);

        return wm_export_file (document, file, output_formats[output], 1.0, WM_THEME_LIGHT, NULL, error);
      }

  return TRUE;
}

/* Prints the peak memory of a fresh process that did @step. */
static int
child_peak (const WmBenchMapSpec *spec,
            const char    *dir,
            const char    *step)
{
  g_autoptr(GError) error = NULL;

  if (peak_step (spec, dir, step, &error))
    g_print ("peak-%s\tvalue\t%" G_GINT64_FORMAT "\n", step, peak_rss_kib ());
  else
    g_print ("peak-%s\terror\t%s\n", step, error->message);

  return 0;
}

/* ------------------------------------------------------------------ */
/* The parent: runs the children and prints the report                 */
/* ------------------------------------------------------------------ */

/* A line a child printed: a timing, a value, or why the step failed. */
typedef struct
{
  gint64 min, median;
  char *value;
  char *error;
} Result;

static void
result_free (Result *result)
{
  g_free (result->value);
  g_free (result->error);
  g_free (result);
}

/* Runs this program again with @args and files the lines it prints. */
static gboolean
run_child (const char          *self,
           const char * const  *args,
           GHashTable          *results,
           GError             **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_ptr_array_add (argv, (gpointer) self);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  child = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, error);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, error))
    return FALSE;
  if (!g_subprocess_get_successful (child))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s %s failed", args[0], args[1]);
      return FALSE;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      Result *result;

      if (g_strv_length (fields) != 3)
        continue;

      result = g_new0 (Result, 1);
      if (g_strcmp0 (fields[1], "error") == 0)
        result->error = g_strdup (fields[2]);
      else if (g_strcmp0 (fields[1], "value") == 0)
        result->value = g_strdup (fields[2]);
      else
        {
          result->min = g_ascii_strtoll (fields[1], NULL, 10);
          result->median = g_ascii_strtoll (fields[2], NULL, 10);
        }
      g_hash_table_replace (results, g_strdup (fields[0]), result);
    }

  return TRUE;
}

static const Result *
lookup (GHashTable *results,
        const char *key)
{
  const Result *result = g_hash_table_lookup (results, key);

  return result != NULL && result->error == NULL ? result : NULL;
}

/* A number a child printed as a value, or -1. */
static gint64
value_of (GHashTable *results,
          const char *key)
{
  const Result *result = g_hash_table_lookup (results, key);

  if (result == NULL || result->value == NULL)
    return -1;

  return g_ascii_strtoll (result->value, NULL, 10);
}

static char *
format_ms (gint64 us)
{
  double ms = us / 1000.0;

  if (ms < 10)
    return g_strdup_printf ("%.2f", ms);
  if (ms < 1000)
    return g_strdup_printf ("%.1f", ms);
  return g_strdup_printf ("%.0f", ms);
}

static char *
format_cell (GHashTable *results,
             const char *key,
             gboolean    median)
{
  const Result *result = g_hash_table_lookup (results, key);

  if (result == NULL)
    return g_strdup ("-");
  if (result->error != NULL)
    return median ? g_strdup ("-") : g_strdup_printf ("failed: %s", result->error);

  return format_ms (median ? result->median : result->min);
}

/* The median (or min) of @key over that of @baseline, or NAN. */
static double
ratio (GHashTable *results,
       const char *key,
       const char *baseline,
       gboolean    median)
{
  const Result *a = lookup (results, key), *b = lookup (results, baseline);

  if (a == NULL || b == NULL || b->min <= 0)
    return NAN;

  return median ? (double) a->median / b->median : (double) a->min / b->min;
}

static char *
format_ratio (double value)
{
  return isnan (value) ? g_strdup ("-") : g_strdup_printf ("%.2fx", value);
}

static const char *
verdict (double value,
         double limit)
{
  if (isnan (value))
    return "not measured";

  return value <= limit ? "PASS" : "MISS";
}

static void
print_timing_row (GHashTable *results,
                  const char *what,
                  const char *key,
                  const char *baseline_what,
                  const char *baseline_key)
{
  g_autofree char *min = format_cell (results, key, FALSE);
  g_autofree char *median = format_cell (results, key, TRUE);

  if (baseline_key != NULL)
    {
      g_autofree char *base_min = format_cell (results, baseline_key, FALSE);
      g_autofree char *base_median = format_cell (results, baseline_key, TRUE);
      g_autofree char *of_medians = format_ratio (ratio (results, key, baseline_key, TRUE));
      g_autofree char *of_mins = format_ratio (ratio (results, key, baseline_key, FALSE));

      g_print ("| %s | %s | %s | %s | %s | %s | %s | %s |\n",
               what, min, median, baseline_what, base_min, base_median, of_medians, of_mins);
    }
  else
    g_print ("| %s | %s | %s | | | | | |\n", what, min, median);
}

static void
print_map_report (const WmBenchMapSpec *spec,
                  guint          runs,
                  GHashTable    *results)
{
  gint64 size = value_of (results, "size");
  const Result *sha = g_hash_table_lookup (results, "sha256");
  guint n_cards = spec->n_stages * spec->n_lanes * spec->n_cards;
  const struct { const char *step, *what; } peaks[] = {
    { "idle", "start the program, nothing else" },
    { "parse", "read the file, json-glib parse alone" },
    { "load", "read the file, wm_format_load_bytes" },
    { "layout", "... + full layout" },
    { "svg", "... + wm_export_file SVG" },
    { "png", "... + wm_export_file PNG, scale 1" },
    { "pdf", "... + wm_export_file PDF" },
  };

  g_print ("\n## %s map: %u stages x %u lanes x %u cards = %u cards, %u personas, %u emotion points\n\n",
           spec->name, spec->n_stages, spec->n_lanes, spec->n_cards, n_cards,
           spec->n_personas, spec->n_personas * spec->n_stages);
  g_print ("File: %.2f MB (sha256 %s...). Times in ms: min and median over %u runs.\n\n",
           size / 1e6, sha != NULL && sha->value != NULL ? sha->value : "?", runs);

  g_print ("| step | min | median | baseline | min | median | ratio of medians | of mins |\n");
  g_print ("|---|---:|---:|---|---:|---:|---:|---:|\n");
  print_timing_row (results, "generate through the model API (1 run)", "generate", NULL, NULL);
  print_timing_row (results, "save (wm_format_save_bytes)", "save", NULL, NULL);
  print_timing_row (results, "load (wm_format_load_bytes)", "load", "json-glib parse alone", "parse");
  print_timing_row (results, "full layout (wm_layout_new + update)", "layout", "bare cairo+Pango: measure all text", "bare-measure");
  print_timing_row (results, "relayout after editing one card", "relayout", NULL, NULL);
  print_timing_row (results, "update with nothing changed", "update", NULL, NULL);
  for (Output output = 0; output < N_OUTPUTS; output++)
    {
      g_autofree char *upper = g_ascii_strup (output_names[output], -1);
      g_autofree char *export_what = g_strdup_printf ("%s export (wm_export_file, file)", upper);
      g_autofree char *paint_what = g_strdup_printf ("%s paint only (laid-out map, file)", upper);
      g_autofree char *bare_what = g_strdup_printf ("bare cairo+Pango %s", upper);
      g_autofree char *export_key = g_strdup_printf ("export-%s", output_names[output]);
      g_autofree char *paint_key = g_strdup_printf ("paint-%s", output_names[output]);
      g_autofree char *bare_key = g_strdup_printf ("bare-%s", output_names[output]);

      print_timing_row (results, export_what, export_key, bare_what, bare_key);
      print_timing_row (results, paint_what, paint_key, bare_what, bare_key);
    }

  if (value_of (results, "relayout-measured") >= 0)
    g_print ("\nEach relayout after editing one card measured %" G_GINT64_FORMAT " card(s) again.\n",
             value_of (results, "relayout-measured"));

  g_print ("\n| peak memory (VmHWM) of a fresh process that does | MiB |\n|---|---:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (peaks); i++)
    {
      g_autofree char *key = g_strdup_printf ("peak-%s", peaks[i].step);
      gint64 peak = value_of (results, key);

      if (peak >= 0)
        g_print ("| %s | %.1f |\n", peaks[i].what, peak / 1024.0);
      else
        g_print ("| %s | failed (see above) |\n", peaks[i].what);
    }
}

static void
print_target (const char *what,
              const char *map,
              double      value,
              const char *unit,
              double      limit)
{
  g_autofree char *measured = isnan (value) ? g_strdup ("-") : g_strdup_printf ("%.2f%s", value, unit);

  g_print ("| %s | %s | %s | %s |\n", what, map, measured, verdict (value, limit));
}

static void
print_targets (GHashTable **all_results)
{
  g_autofree char *load_what = g_strdup_printf ("load <= %.0fx the bare json-glib parse", TARGET_LOAD_RATIO);
  g_autofree char *svg_what = g_strdup_printf ("SVG export <= %.1fx the bare drawing", TARGET_SVG_RATIO);
  g_autofree char *layout_what = g_strdup_printf ("full layout <= %.0f ms", TARGET_LAYOUT_MS);

  g_print ("\n## Targets (on medians)\n\n| target | map | measured | verdict |\n|---|---|---:|---|\n");

  for (guint m = 0; m < WM_BENCH_N_MAPS; m++)
    {
      const char *map = wm_bench_map_specs[m].name;
      const Result *layout;

      if (all_results[m] == NULL)
        continue;

      print_target (load_what, map, ratio (all_results[m], "load", "parse", TRUE), "x", TARGET_LOAD_RATIO);
      print_target (svg_what, map, ratio (all_results[m], "export-svg", "bare-svg", TRUE), "x", TARGET_SVG_RATIO);
      if (g_strcmp0 (map, TARGET_LAYOUT_MAP) == 0)
        {
          layout = lookup (all_results[m], "layout");
          print_target (layout_what, map, layout != NULL ? layout->median / 1000.0 : NAN, " ms", TARGET_LAYOUT_MS);
        }
    }
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 0;
  gboolean keep = FALSE;
  g_autofree char *only = NULL;
  g_autofree char *child = NULL;
  g_autofree char *dir_arg = NULL;
  g_autofree char *step = NULL;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (default: 9 for the large map, 3 for the huge one)", "N" },
    { "map", 'm', 0, G_OPTION_ARG_STRING, &only, "Measure only this map: large or huge", "NAME" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the saved maps and the drawings, and say where", NULL },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child, NULL, NULL },
    { "dir", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &dir_arg, NULL, NULL },
    { "step", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &step, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure Waymark on generated maps");
  g_autoptr(GError) error = NULL;
  GHashTable *all_results[WM_BENCH_N_MAPS] = { NULL };
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;

  /* The core's error messages are UTF-8: print them as such. Numbers stay
   * in the C locale, so that the tables read the same everywhere. */
  setlocale (LC_CTYPE, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (runs < 0 || (only != NULL && wm_bench_map_find (only) == NULL))
    {
      g_printerr ("--runs must be positive, --map large or huge\n");
      return 2;
    }

  if (child != NULL)
    {
      const WmBenchMapSpec *spec = wm_bench_map_find (only);

      if (spec == NULL || dir_arg == NULL)
        return 2;
      if (g_strcmp0 (child, "time") == 0)
        return child_time (spec, dir_arg, runs > 0 ? (guint) runs : spec->runs);
      return child_peak (spec, dir_arg, step);
    }

  self = g_file_read_link ("/proc/self/exe", &error);
  dir = g_dir_make_tmp ("waymark-bench-XXXXXX", &error);
  if (self == NULL || dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("# Waymark benchmark\n\n");
  g_print ("Build type %s; cairo %s, Pango %s, json-glib %s.\n",
           WM_BENCH_BUILDTYPE, cairo_version_string (), pango_version_string (), JSON_VERSION_S);
  g_print ("Exports go through wm_export_file to files in %s (scale 1, light theme);\n"
           "\"paint only\" and the bare drawing write the same kind of file there.\n", dir);
  if (g_strcmp0 (WM_BENCH_BUILDTYPE, "release") != 0)
    g_print ("Note: not a release build; configure with --buildtype=release for numbers to publish.\n");

  for (guint m = 0; m < WM_BENCH_N_MAPS; m++)
    {
      const WmBenchMapSpec *spec = &wm_bench_map_specs[m];
      g_autofree char *map_arg = g_strdup_printf ("--map=%s", spec->name);
      g_autofree char *dir_opt = g_strdup_printf ("--dir=%s", dir);
      guint spec_runs = runs > 0 ? (guint) runs : spec->runs;
      g_autofree char *runs_arg = g_strdup_printf ("--runs=%u", spec_runs);
      const char *time_args[] = { "--child=time", map_arg, dir_opt, runs_arg, NULL };

      if (only != NULL && g_strcmp0 (only, spec->name) != 0)
        continue;

      all_results[m] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) result_free);
      if (!run_child (self, time_args, all_results[m], &error))
        {
          g_printerr ("%s map: %s\n", spec->name, error->message);
          g_clear_error (&error);
        }
      for (guint i = 0; i < G_N_ELEMENTS (peak_steps); i++)
        {
          g_autofree char *step_opt = g_strdup_printf ("--step=%s", peak_steps[i]);
          const char *peak_args[] = { "--child=peak", map_arg, dir_opt, step_opt, NULL };

          if (!run_child (self, peak_args, all_results[m], &error))
            {
              g_printerr ("%s map, peak memory of %s: %s\n", spec->name, peak_steps[i], error->message);
              g_clear_error (&error);
            }
        }

      print_map_report (spec, spec_runs, all_results[m]);
    }

  print_targets (all_results);

  for (guint m = 0; m < WM_BENCH_N_MAPS; m++)
    g_clear_pointer (&all_results[m], g_hash_table_unref);

  if (keep)
    g_print ("\nThe saved maps and the drawings are in %s\n", dir);
  else
    remove_dir (dir);

  return 0;
}
