/* wm-clipboard.h: elements of a map as data to copy and paste, within a
 * map, between maps, and as plain text to other applications. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* The MIME type of a fragment: JSON in the .waymark format's element form. */
#define WM_CLIPBOARD_MIME_TYPE "application/x-waymark-fragment"

GBytes    *wm_clipboard_serialize (WmDocument  *document,
                                   GListModel  *elements);
char      *wm_clipboard_to_text   (WmDocument  *document,
                                   GListModel  *elements);
GPtrArray *wm_clipboard_paste     (WmDocument  *document,
                                   GBytes      *fragment,
                                   WmElement   *target,
                                   GError     **error);

G_END_DECLS
