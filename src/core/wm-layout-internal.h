/* wm-layout-internal.h: what the parts of the layout share.
 *
 * wm-layout.c is the object: it follows the document and decides, on each
 * update, between a rebuild and the quick path for edited cards.
 * wm-layout-measure.c turns elements into measured boxes of primitives,
 * wm-layout-place.c puts them on the map, and wm-layout-query.c answers
 * where things are. What the painter reads is in wm-layout-private.h.
 */
#pragma once

#include "wm-card.h"
#include "wm-layout-private.h"

G_BEGIN_DECLS

/* Layout units: 1 unit = 1 px at scale 1. */
#define MARGIN        48.0
#define HEADER_W      232.0  /* the lane header column */
#define HEADER_PAD    16.0
#define GUTTER        16.0   /* between the lane headers and the first stage */
#define COL_W         264.0  /* a stage column */
#define COL_GAP       12.0
#define MIN_CONTENT_W 760.0
#define TITLE_GAP     26.0
#define LEGEND_GAP    36.0
#define STAGE_PAD     14.0
#define CHEVRON       14.0   /* how far a stage header's point reaches */
#define STAGE_GAP     14.0
#define ROW_GAP       10.0
#define MIN_ROW_H     84.0
#define CELL_PAD      10.0
#define CARD_GAP      10.0
#define CARD_PAD      12.0
#define CARD_W        (COL_W - 2 * CELL_PAD)
#define ICON          16.0
#define AVATAR        44.0
#define EMO_TOP       40.0   /* room for point labels above the highest score */
#define EMO_BOTTOM    36.0   /* and below the lowest */
#define EMO_STEP      30.0   /* height of one step of the emotion scale */
#define POINT         16.0

struct _WmLayout
{
  GObject parent_instance;

  WmDocument *document;
  PangoContext *context;
  gboolean rtl;
  gboolean dirty;          /* the geometry is stale */
  gboolean rebuild;        /* and more than the contents of cards changed */
  double width, height;
  guint measure_count;
  guint generation;

  GHashTable *watches;  /* GObject → Watch: what we listen to */
  GHashTable *cards;    /* WmCard → CardEntry: measured, kept between updates */
  GPtrArray *edited;    /* of CardEntry whose card changed since the last update */
  GHashTable *labels;   /* text and how it is set → Label: short texts measured once */
  GHashTable *rects;    /* element → WmRect *, into the boxes below */
  GHashTable *rows_of;  /* element → the WmRow its rect's y is measured in */
  GHashTable *boxes;    /* element → WmBox *, the same for those drawn as boxes */
  GHashTable *pictures; /* WmPersona → PictureEntry, decoded on first draw */

  WmBox *title;
  GPtrArray *legend;       /* of WmBox */
  GPtrArray *stage_boxes;  /* of WmBox */
  GPtrArray *rows;         /* of WmRow */
  GPtrArray *moment_boxes; /* of WmBox, owned here, borrowed by the rows' cells */
  guint n_stages;
  double columns_x;        /* the first stage column's start, before mirroring */
};

typedef struct
{
  WmBox box;         /* first, so that a CardEntry is a WmBox */
  WmLaneKind kind;   /* measured as a card of that kind of lane */
  gboolean valid;
  guint generation;
  WmRow *row;        /* where the last pass put it: the row */
  guint stage;       /* and the stage */
} CardEntry;

/* Text */

typedef enum {
  TEXT_START,   /* aligned to the start of the map */
  TEXT_CENTER,
} TextAlign;

/* Boxes and primitives (wm-layout-measure.c) */

WmBox      *wm_layout_box_new        (gpointer     element,
                                      WmFrame      frame);
void        wm_layout_box_init       (WmBox       *box,
                                      gpointer     element,
                                      WmFrame      frame);
void        wm_layout_box_clear      (WmBox       *box);
void        wm_layout_box_free       (gpointer     box);
void        wm_layout_row_free       (gpointer     row);
void        wm_layout_curve_free     (gpointer     curve);
void        wm_layout_card_entry_free (gpointer    entry);

PangoDirection wm_layout_text_direction (const char *text);
void        wm_layout_labels_clear   (WmLayout    *self);
void        wm_layout_labels_sweep   (WmLayout    *self);

void        wm_layout_paint_from     (WmPaint     *paint,
                                      const char  *spec,
                                      WmTint       fallback,
                                      int          index);
void        wm_layout_persona_paint  (WmPersona   *persona,
                                      WmPaint     *paint);
WmMark      wm_layout_persona_mark   (guint        position);

/* Measuring: each sets the box's width and height, and its primitives
 * relative to its top and start edge. */
void        wm_layout_measure_card   (WmLayout    *self,
                                      CardEntry   *entry,
                                      WmLaneKind   kind);
WmBox      *wm_layout_measure_moment (WmLayout    *self,
                                      WmMoment    *moment);
WmBox      *wm_layout_measure_legend_entry (WmLayout  *self,
                                            WmPersona *persona,
                                            guint      index);
WmBox      *wm_layout_measure_title  (WmLayout    *self,
                                      double       width);
WmBox      *wm_layout_measure_stage  (WmLayout    *self,
                                      WmStage     *stage,
                                      guint        index);
WmBox      *wm_layout_measure_lane_header (WmLayout   *self,
                                           GPtrArray  *personas,
                                           WmLane     *lane,
                                           WmPersona  *persona,
                                           GArray     *curve);
WmBox      *wm_layout_measure_level  (WmLayout    *self,
                                      int          score);
WmBox      *wm_layout_measure_point_label (WmLayout   *self,
                                           const char *label);

/* Placing (wm-layout-place.c) */

void        wm_layout_place_all      (WmLayout    *self);
void        wm_layout_place_edited   (WmLayout    *self);
CardEntry  *wm_layout_card_entry     (WmLayout    *self,
                                      WmCard      *card,
                                      WmLaneKind   kind);
double      wm_layout_column_x       (WmLayout    *self,
                                      guint        index);
void        wm_layout_flip           (WmLayout    *self,
                                      WmRect      *rect);
void        wm_layout_cell_rect      (WmLayout    *self,
                                      const WmRow *row,
                                      guint        index,
                                      WmRect      *rect);

/* Watching (wm-layout.c) */

void        wm_layout_watch          (WmLayout    *self,
                                      gpointer     object,
                                      const char  *signal,
                                      WmCard      *card);

G_END_DECLS
