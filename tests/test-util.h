/* test-util.h: what the tests of edits (test-edit, test-clipboard) share. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

WmDocument *load                (const char *dir,
                                 const char *name);
gpointer    item                (GListModel *list,
                                 guint       position);
WmStage    *stage_at            (WmDocument *document,
                                 guint       position);
WmLane     *lane_at             (WmDocument *document,
                                 guint       position);
void        assert_bytes_equal  (GBytes     *a,
                                 GBytes     *b);
void        assert_one_step     (WmDocument *document,
                                 GBytes     *before);

G_END_DECLS
