/* wm-mermaid.h: a map as a Mermaid user journey diagram, and back. The
 * mapping is documented in docs/file-format.md, "Mermaid journeys". */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_MERMAID_ERROR (wm_mermaid_error_quark ())
GQuark wm_mermaid_error_quark (void);

typedef enum {
  WM_MERMAID_ERROR_ENCODING,   /* not UTF-8 text */
  WM_MERMAID_ERROR_SYNTAX,     /* a line that is not part of a Mermaid journey */
  WM_MERMAID_ERROR_TOO_LARGE,  /* the file, a line, or the map it would make, over a limit */
} WmMermaidError;

/* A larger file is not read. */
#define WM_MERMAID_MAX_BYTES (1024 * 1024)

GBytes     *wm_mermaid_export          (WmDocument    *document);

#define WM_TYPE_MERMAID (wm_mermaid_get_type ())
G_DECLARE_FINAL_TYPE (WmMermaid, wm_mermaid, WM, MERMAID, GObject)

WmMermaid  *wm_mermaid_parse           (GBytes        *text,
                                        GError       **error);
WmMermaid  *wm_mermaid_read_file       (GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error);
const char *wm_mermaid_get_title       (WmMermaid     *self);
guint       wm_mermaid_get_n_sections  (WmMermaid     *self);
guint       wm_mermaid_get_n_tasks     (WmMermaid     *self);
gboolean    wm_mermaid_apply           (WmMermaid     *self,
                                        WmDocument    *document,
                                        GStrv         *changes,
                                        GError       **error);
WmDocument *wm_mermaid_create_map      (WmMermaid     *self,
                                        GStrv         *changes,
                                        GError       **error);

G_END_DECLS
