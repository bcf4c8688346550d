/* wm-edit.h: the edits a designer makes, each one undoable step through the
 * document's history. The editor calls these; so can tests, headless. */
#pragma once

#include "wm-card.h"
#include "wm-document.h"
#include "wm-evidence.h"

G_BEGIN_DECLS

#define WM_EDIT_ERROR (wm_edit_error_quark ())
GQuark wm_edit_error_quark (void);

typedef enum {
  WM_EDIT_ERROR_NOTHING,   /* none of the elements could be copied */
  WM_EDIT_ERROR_NO_PLACE,  /* the map has no place for some of them */
} WmEditError;

WmStage        *wm_edit_add_stage       (WmDocument *document,
                                         guint       position,
                                         const char *name);
WmLane         *wm_edit_add_lane        (WmDocument *document,
                                         guint       position,
                                         WmLaneKind  kind,
                                         const char *title);
WmPersona      *wm_edit_add_persona     (WmDocument *document,
                                         const char *name);
WmMoment       *wm_edit_add_moment      (WmDocument *document,
                                         WmStage    *stage,
                                         WmLane     *lane,
                                         const char *title);
WmCard         *wm_edit_add_card        (WmDocument *document,
                                         WmLane     *lane,
                                         WmStage    *stage,
                                         guint       position,
                                         const char *text);
WmEmotionPoint *wm_edit_set_score       (WmDocument *document,
                                         WmPersona  *persona,
                                         WmStage    *stage,
                                         double      score);

void            wm_edit_move_stage      (WmDocument *document,
                                         WmStage    *stage,
                                         guint       position);
void            wm_edit_move_lane       (WmDocument *document,
                                         WmLane     *lane,
                                         guint       position);
void            wm_edit_move_card       (WmDocument *document,
                                         WmCard     *card,
                                         WmLane     *lane,
                                         WmStage    *stage,
                                         guint       position);
void            wm_edit_move_moment     (WmDocument *document,
                                         WmMoment   *moment,
                                         WmStage    *stage,
                                         WmLane     *lane);
gboolean        wm_edit_find_card       (WmDocument *document,
                                         WmCard     *card,
                                         WmLane    **lane,
                                         WmStage   **stage,
                                         guint      *position);

void            wm_edit_delete          (WmDocument *document,
                                         GListModel *elements);
GPtrArray      *wm_edit_duplicate       (WmDocument *document,
                                         GListModel *elements);

void            wm_edit_add_evidence    (WmDocument *document,
                                         WmElement  *element,
                                         WmEvidence *evidence);
void            wm_edit_remove_evidence (WmDocument *document,
                                         WmElement  *element,
                                         guint       position);

/* A map keeps its pictures inside, and the file format takes none larger
 * than this: a bigger one would make a map that cannot be opened again. */
#define WM_EDIT_MAX_PICTURE_BYTES (4 * 1024 * 1024)

gboolean        wm_edit_set_picture     (WmDocument *document,
                                         WmPersona  *persona,
                                         GBytes     *bytes,
                                         GError    **error);

void            wm_edit_nudge           (WmDocument *document,
                                         WmElement  *element,
                                         int         dx,
                                         int         dy);

GPtrArray      *wm_edit_insert_copies   (WmDocument *document,
                                         WmDocument *source,
                                         GListModel *elements,
                                         WmElement  *target,
                                         GError    **error);

/* Not edits: what the edits, the clipboard and the editor share. */
WmElement      *wm_edit_copy_element    (WmElement  *element,
                                         gboolean    keep_ids);
GPtrArray      *wm_edit_collect         (WmDocument *document,
                                         GListModel *elements);
GPtrArray      *wm_edit_find_elements   (WmDocument *document,
                                         const char * const *ids);

G_END_DECLS
