/* wm-export.h: a map to a PNG, SVG or PDF file, with no display. */
#pragma once

#include "wm-document.h"
#include "wm-theme.h"

G_BEGIN_DECLS

/* The largest --scale: beyond it an export only wastes memory. */
#define WM_EXPORT_MAX_SCALE 8.0
/* A PNG may be at most this many pixels on a side (cairo's own limit)
 * and this many pixels in all (1.6 GB of memory while drawing). */
#define WM_EXPORT_MAX_PNG_SIDE 32767
#define WM_EXPORT_MAX_PNG_PIXELS 400000000.0

#define WM_EXPORT_ERROR (wm_export_error_quark ())
GQuark wm_export_error_quark (void);

typedef enum {
  WM_EXPORT_ERROR_SCALE,     /* not within (0, WM_EXPORT_MAX_SCALE] */
  WM_EXPORT_ERROR_TOO_LARGE, /* the picture would be over the PNG limits */
  WM_EXPORT_ERROR_DRAWING,   /* cairo failed */
} WmExportError;

typedef enum {
  WM_EXPORT_PNG,
  WM_EXPORT_SVG,
  WM_EXPORT_PDF,
} WmExportFormat;

typedef enum {
  WM_EXPORT_FLAGS_NONE = 0,
  /* No background: what is behind the picture shows through (PNG, SVG). */
  WM_EXPORT_TRANSPARENT = 1 << 0,
} WmExportFlags;

gboolean wm_export_format_from_path (const char     *path,
                                     WmExportFormat *format);
gboolean wm_export_check_scale      (double          scale,
                                     GError        **error);
gboolean wm_export_file             (WmDocument     *document,
                                     GFile          *file,
                                     WmExportFormat  format,
                                     double          scale,
                                     WmThemeVariant  theme,
                                     GCancellable   *cancellable,
                                     GError        **error);
gboolean wm_export_file_full        (WmDocument     *document,
                                     GFile          *file,
                                     WmExportFormat  format,
                                     double          scale,
                                     WmThemeVariant  theme,
                                     WmExportFlags   flags,
                                     GCancellable   *cancellable,
                                     GError        **error);

G_END_DECLS
