/* wm-grid-csv.h: a map's grid (stages × lanes, the cards in each cell) as
 * a CSV file for spreadsheets, and back. The layout is documented in
 * docs/file-format.md, "The grid as CSV". */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_GRID_CSV_ERROR (wm_grid_csv_error_quark ())
GQuark wm_grid_csv_error_quark (void);

typedef enum {
  WM_GRID_CSV_ERROR_ENCODING,   /* bytes that are not text, or NUL bytes */
  WM_GRID_CSV_ERROR_SYNTAX,     /* a quote out of place or never closed */
  WM_GRID_CSV_ERROR_TOO_LARGE,  /* a cell, a card, the file, or the map it would make, over a limit */
  WM_GRID_CSV_ERROR_LAYOUT,     /* not a grid: a corner that is not empty, a row without a lane,
                                 * an unknown kind of lane, cards where a lane holds none */
} WmGridCsvError;

/* A cell of more bytes is neither written nor read. */
#define WM_GRID_CSV_MAX_CELL (1024 * 1024)
/* A larger file is not read (the size of the largest map). */
#define WM_GRID_CSV_MAX_BYTES (32 * 1024 * 1024)

GBytes     *wm_grid_csv_export       (WmDocument          *document,
                                      GError             **error);

#define WM_TYPE_GRID_CSV (wm_grid_csv_get_type ())
G_DECLARE_FINAL_TYPE (WmGridCsv, wm_grid_csv, WM, GRID_CSV, GObject)

WmGridCsv  *wm_grid_csv_read_file    (GFile               *file,
                                      GCancellable        *cancellable,
                                      GError             **error);
guint       wm_grid_csv_get_n_stages (WmGridCsv           *self);
guint       wm_grid_csv_get_n_lanes  (WmGridCsv           *self);
gboolean    wm_grid_csv_apply        (WmGridCsv           *self,
                                      WmDocument          *document,
                                      GStrv               *changes,
                                      GError             **error);

/* Matching named things to a map's, shared with the other imports. */

/* The key an element is matched by: its name, or more (a lane's kind and
 * title). */
typedef char *(*WmGridKeyFunc) (gpointer element,
                                gpointer user_data);

GPtrArray  *wm_grid_csv_match        (GListModel          *list,
                                      WmGridKeyFunc        key_func,
                                      gpointer             user_data,
                                      const char * const  *keys,
                                      guint                n_keys);
void        wm_grid_csv_add_stages   (WmDocument          *document,
                                      GPtrArray           *stages,
                                      const char * const  *names,
                                      GPtrArray           *changes);
char       *wm_grid_csv_stage_key    (gpointer             stage,
                                      gpointer             user_data);
guint       wm_grid_csv_count_cards  (WmDocument          *document);

G_END_DECLS
