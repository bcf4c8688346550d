/* wm-drop.h: where a dragged thing would land on a map, and putting it there.
 *
 * The editor's drag and drop asks these while the pointer moves (to show
 * where the thing will go) and once more when it is dropped; so can tests,
 * without any events. Coordinates are the layout's, in map units. */
#pragma once

#include "wm-document.h"
#include "wm-layout.h"

G_BEGIN_DECLS

typedef enum {
  WM_DROP_NOWHERE,
  WM_DROP_BETWEEN_STAGES, /* a stage goes at @position */
  WM_DROP_BETWEEN_LANES,  /* a lane goes at @position */
  WM_DROP_INTO_CELL,      /* a card goes into @lane × @stage at @position */
  WM_DROP_ONTO_STAGE,     /* a moment goes to @stage, and @lane if not NULL */
  WM_DROP_INTO_LEGEND,    /* a persona joins the legend at @position */
  WM_DROP_ONTO_PERSONA,   /* a picture becomes @persona's */
  WM_DROP_AT_SCORE,       /* @persona's score at @stage becomes @score */
} WmDropPlace;

/* How to show where a drop goes: a thin line between two things, an area
 * the thing lands in, or the spot a point moves to. */
typedef enum {
  WM_DROP_MARK_LINE,
  WM_DROP_MARK_AREA,
  WM_DROP_MARK_POINT,
} WmDropMark;

typedef struct
{
  WmDropPlace place;
  guint position;
  WmStage *stage;     /* (nullable) (unowned) */
  WmLane *lane;       /* (nullable) (unowned) */
  WmPersona *persona; /* (nullable) (unowned) */
  double score;
  WmDropMark mark;
  WmRect marker;      /* where to show it, in map units */
} WmDrop;

/* Where a new or moved element of @type (a stage, lane, card, moment or
 * persona) would go if dropped at (@x, @y). */
gboolean    wm_drop_locate         (WmLayout       *layout,
                                    GType           type,
                                    double          x,
                                    double          y,
                                    WmDrop         *drop);
/* The persona a picture dropped at (@x, @y) would be given to. */
gboolean    wm_drop_locate_picture (WmLayout       *layout,
                                    double          x,
                                    double          y,
                                    WmDrop         *drop);
/* The score @persona's point at @stage would get if dropped at height @y
 * of the curves in @lane: snapped to a whole step of the scale. */
gboolean    wm_drop_locate_score   (WmLayout       *layout,
                                    WmLane         *lane,
                                    WmPersona      *persona,
                                    WmStage        *stage,
                                    double          y,
                                    WmDrop         *drop);
/* Where a click at (@x, @y) on an emotion curve lane would add a point: the
 * stage under it, and the first persona of the lane's curves without a
 * point there. */
gboolean    wm_drop_locate_new_point (WmLayout     *layout,
                                      double        x,
                                      double        y,
                                      WmDrop       *drop);

/* Each is one undo step. wm_drop_add() makes a new element of @type
 * (@kind for a lane) and returns it; wm_drop_move() moves @element, and
 * records nothing when it would stay where it is. */
WmElement  *wm_drop_add            (WmDocument     *document,
                                    const WmDrop   *drop,
                                    GType           type,
                                    WmLaneKind      kind);
void        wm_drop_move           (WmDocument     *document,
                                    const WmDrop   *drop,
                                    WmElement      *element);

G_END_DECLS
