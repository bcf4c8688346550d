/* wm-bench-map.h: the large and huge maps the benchmarks measure,
 * generated through the model API from a fixed seed. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  guint n_stages;
  guint n_lanes;     /* lanes holding cards; one emotion-curve lane is added */
  guint n_cards;     /* per cell */
  guint n_personas;
  guint runs;        /* per measurement, unless a benchmark is told otherwise */
} WmBenchMapSpec;

#define WM_BENCH_N_MAPS 2
extern const WmBenchMapSpec wm_bench_map_specs[WM_BENCH_N_MAPS];

const WmBenchMapSpec *wm_bench_map_find     (const char           *name);
WmDocument           *wm_bench_map_generate (const WmBenchMapSpec *spec);

G_END_DECLS
