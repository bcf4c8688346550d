/* wm-layout-private.h: what the layout measured and placed, for the painter.
 *
 * The layout turns the map into boxes (the title, legend entries, stage and
 * lane headers, cards, moment markers), each with a frame and a short list
 * of primitives (texts, icons, marks…) placed relative to the box, plus the
 * emotion curves. The painter only interprets this: all geometry, right to
 * left included, is decided by the layout (wm-layout-measure.c and
 * wm-layout-place.c).
 *
 * Coordinates are absolute, except inside a row: there (its header, its
 * cells' boxes, its curves and levels) y is measured from the row's top,
 * so that a row that moves down moves what it holds without a change to
 * any of it.
 */
#pragma once

#include "wm-layout.h"
#include "wm-persona.h"
#include "wm-picture.h"
#include "wm-theme-private.h"

G_BEGIN_DECLS

/* How a box's outline is drawn. */
typedef enum {
  WM_FRAME_NONE,
  WM_FRAME_CARD,        /* a card: surface, shadow, accent stripe at its start */
  WM_FRAME_QUICK_WIN,   /* a card that must stand out: accent border too */
  WM_FRAME_MOMENT,      /* tinted with its polarity's colour */
  WM_FRAME_STAGE,       /* a chevron pointing the way the journey runs */
  WM_FRAME_LANE_HEADER, /* a panel with an accent bar */
} WmFrame;

/* Which colour a primitive is drawn in; the theme decides the actual one. */
typedef enum {
  WM_INK_TEXT,
  WM_INK_DIM,
  WM_INK_PAGE,       /* the background, for halos */
  WM_INK_BOX,        /* the box's colour (its lane's, stage's, polarity's) */
  WM_INK_BOX_TINT,   /* the same, faint: a background */
  WM_INK_ON_BOX,     /* text on a fill of the box's colour */
  WM_INK_OWN,        /* the primitive's own colour (a persona's) */
  WM_INK_QUICK_WIN,
  WM_INK_ON_QUICK_WIN,
} WmInk;

/* The source of an ink whose colour comes from the map. */
typedef enum {
  WM_TINT_NONE,      /* the colour given */
  WM_TINT_ACCENT,
  WM_TINT_STAGE,     /* the theme's stage colour number value */
  WM_TINT_LANE,      /* the theme's colour for lane kind value */
  WM_TINT_POSITIVE,
  WM_TINT_NEGATIVE,
  WM_TINT_DECISIVE,
} WmTint;

typedef struct
{
  WmTint tint;
  int index;       /* for WM_TINT_STAGE and WM_TINT_LANE */
  WmColor color;   /* for WM_TINT_NONE */
} WmPaint;

typedef enum {
  WM_MARK_CIRCLE,
  WM_MARK_SQUARE,
  WM_MARK_DIAMOND,
  WM_MARK_TRIANGLE,      /* pointing up */
  WM_MARK_TRIANGLE_DOWN,
  WM_MARK_STAR,
  WM_N_PERSONA_MARKS = WM_MARK_TRIANGLE + 1, /* the ones that tell personas apart */
} WmMark;

typedef enum {
  WM_PRIM_TEXT,    /* layout */
  WM_PRIM_ICON,    /* icon */
  WM_PRIM_PILL,    /* a rounded fill */
  WM_PRIM_DOTS,    /* a rating: value of five dots filled */
  WM_PRIM_MARK,    /* a WmMark in value */
  WM_PRIM_AVATAR,  /* persona's picture, or layout (initials) on its colour */
} WmPrimKind;

typedef struct
{
  WmPrimKind kind;
  WmInk ink;
  WmRect rect;          /* relative to the box, from its start edge: see wm_box_place() */
  PangoLayout *layout;  /* owned */
  const char *icon;     /* static */
  int value;
  WmPaint paint;        /* for WM_INK_OWN */
  WmPersona *persona;   /* owned; for WM_PRIM_AVATAR */
} WmPrim;

typedef struct
{
  gpointer element;     /* owned; what hit-testing returns, may be NULL */
  WmRect rect;          /* absolute */
  WmFrame frame;
  WmPaint paint;        /* the box's colour */
  gboolean first;       /* for WM_FRAME_STAGE: no notch at the start */
  GArray *prims;        /* of WmPrim */
} WmBox;

typedef struct
{
  WmEmotionPoint *point; /* owned */
  WmRect rect;           /* the marker, centred on the point */
  WmBox *label;          /* its label or emoji above it, or NULL */
} WmCurvePoint;

typedef struct
{
  WmPaint paint;         /* the persona's colour */
  WmMark mark;
  GArray *points;        /* of WmCurvePoint, in stage order */
} WmCurve;

typedef struct
{
  double y;
  gboolean zero;
  WmBox *label;          /* the score and the scale's word for it, or NULL */
} WmLevel;

typedef struct
{
  WmLane *lane;          /* owned; NULL for the row of moments that have no lane */
  WmRect rect;           /* header and cells, absolute */
  WmBox *header;
  GPtrArray *cells;      /* per stage: GPtrArray of WmBox (cards, moments), borrowed */
  double *cell_heights;  /* per stage: what its boxes take, padding included */
  double least_height;   /* what the header and the curves need */
  /* an emotion curve row: */
  WmRect band;           /* where scores map to heights */
  GArray *levels;        /* of WmLevel */
  GPtrArray *curves;     /* of WmCurve */
} WmRow;

/* A box, with placement, mirrored in a right-to-left map. */
void        wm_box_place             (const WmBox  *box,
                                      gboolean      rtl,
                                      const WmRect *relative,
                                      WmRect       *absolute);

WmBox      *wm_layout_get_title      (WmLayout     *self);
GPtrArray  *wm_layout_get_legend     (WmLayout     *self);
GPtrArray  *wm_layout_get_stage_boxes(WmLayout     *self);
GPtrArray  *wm_layout_get_rows       (WmLayout     *self);
WmBox      *wm_layout_get_box        (WmLayout     *self,
                                      gpointer      element);
/* The row whose top @element's y is measured from, or NULL when absolute. */
WmRow      *wm_layout_get_row_of     (WmLayout     *self,
                                      gpointer      element);
WmPicture  *wm_layout_get_picture    (WmLayout     *self,
                                      WmPersona    *persona);

G_END_DECLS
