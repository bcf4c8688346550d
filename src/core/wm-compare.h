/* wm-compare.h: what changes from a current-state map to the future-state
 * map that improves on it, and the link from the one to the other. */
#pragma once

#include <gio/gio.h>

#include "wm-card.h"
#include "wm-document.h"

G_BEGIN_DECLS

typedef enum {
  WM_CARD_CHANGE_ADDED,    /* only in the future map */
  WM_CARD_CHANGE_REMOVED,  /* only in the current map */
  WM_CARD_CHANGE_CHANGED,  /* in both, with other text or other details */
} WmCardChangeKind;

typedef struct
{
  WmCardChangeKind kind;
  WmLane *lane;                     /* the future map's; the current map's for a removed card */
  WmCard *current;                  /* NULL for an added card */
  WmCard *future;                   /* NULL for a removed card */
  const char * const *properties;   /* of a changed card: the properties that differ, "text" first */
} WmCardChange;

#define WM_TYPE_COMPARE (wm_compare_get_type ())
G_DECLARE_FINAL_TYPE (WmCompare, wm_compare, WM, COMPARE, GObject)

/* The comparison is made once, when created; it keeps both maps alive. */
WmCompare          *wm_compare_new                 (WmDocument  *current,
                                                    WmDocument  *future);
WmDocument         *wm_compare_get_current         (WmCompare   *self);
WmDocument         *wm_compare_get_future          (WmCompare   *self);

/* Stages, in the future map's order, with a stage only in the current map
 * after the one it followed there. Either side may be NULL. */
guint               wm_compare_get_n_stages        (WmCompare   *self);
WmStage            *wm_compare_get_current_stage   (WmCompare   *self,
                                                    guint        stage);
WmStage            *wm_compare_get_future_stage    (WmCompare   *self,
                                                    guint        stage);

/* Personas, in the future map's order, then those only in the current map. */
guint               wm_compare_get_n_personas      (WmCompare   *self);
WmPersona          *wm_compare_get_current_persona (WmCompare   *self,
                                                    guint        persona);
WmPersona          *wm_compare_get_future_persona  (WmCompare   *self,
                                                    guint        persona);

/* How a persona feels at a stage in each map, and by how much that
 * changes (future minus current) when both maps say. */
WmEmotionPoint     *wm_compare_get_current_point   (WmCompare   *self,
                                                    guint        persona,
                                                    guint        stage);
WmEmotionPoint     *wm_compare_get_future_point    (WmCompare   *self,
                                                    guint        persona,
                                                    guint        stage);
gboolean            wm_compare_get_score_change    (WmCompare   *self,
                                                    guint        persona,
                                                    guint        stage,
                                                    double      *change);

/* The cards added, removed and changed at a stage, lane by lane. */
guint               wm_compare_get_n_card_changes  (WmCompare   *self,
                                                    guint        stage);
const WmCardChange *wm_compare_get_card_change     (WmCompare   *self,
                                                    guint        stage,
                                                    guint        index);

/* The link from a future-state map to its current-state map */

#define WM_COMPARE_ERROR (wm_compare_error_quark ())
GQuark wm_compare_error_quark (void);

typedef enum {
  WM_COMPARE_ERROR_NOT_LINKED,  /* the map names no current-state map */
  WM_COMPARE_ERROR_UNSAVED,     /* the map has no file to be relative to */
  WM_COMPARE_ERROR_NOT_A_FILE,  /* the path names a folder, a device… */
  WM_COMPARE_ERROR_OTHER_MAP,   /* the file there is not the map linked to */
  WM_COMPARE_ERROR_SAME_MAP,    /* a map cannot improve on itself */
} WmCompareError;

char               *wm_compare_link_path           (GFile        *future_file,
                                                    GFile        *current_file);
GFile              *wm_compare_resolve_link        (WmDocument   *future,
                                                    GFile        *future_file);
gboolean            wm_compare_can_link            (WmDocument   *future,
                                                    GFile        *future_file,
                                                    GError      **error);
gboolean            wm_compare_link                (WmDocument   *future,
                                                    GFile        *future_file,
                                                    GFile        *current_file,
                                                    GError      **error);
void                wm_compare_unlink              (WmDocument   *future);
WmDocument         *wm_compare_load_current        (WmDocument   *future,
                                                    GFile        *future_file,
                                                    GCancellable *cancellable,
                                                    GError      **error);

G_END_DECLS
