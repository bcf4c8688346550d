/* wm-export.h: a map to a PNG, SVG or PDF file, with no display. */
#pragma once

#include "wm-document.h"
#include "wm-theme.h"

G_BEGIN_DECLS

typedef enum {
  WM_EXPORT_PNG,
  WM_EXPORT_SVG,
  WM_EXPORT_PDF,
} WmExportFormat;

gboolean wm_export_format_from_path (const char     *path,
                                     WmExportFormat *format);
gboolean wm_export_file             (WmDocument     *document,
                                     GFile          *file,
                                     WmExportFormat  format,
                                     double          scale,
                                     WmThemeVariant  theme,
                                     GCancellable   *cancellable,
                                     GError        **error);

G_END_DECLS
