/* wm-format.h: reading and writing .waymark files (JSON, documented in
 * docs/file-format.md and data/waymark.schema.json). */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* The version this build writes; it reads this one and every older one. */
#define WM_FORMAT_VERSION 1

#define WM_FORMAT_ERROR (wm_format_error_quark ())
GQuark wm_format_error_quark (void);

typedef enum {
  WM_FORMAT_ERROR_TOO_LARGE,      /* over a documented limit: size, depth, count */
  WM_FORMAT_ERROR_ENCODING,       /* not UTF-8 */
  WM_FORMAT_ERROR_SYNTAX,         /* not JSON */
  WM_FORMAT_ERROR_NOT_A_MAP,      /* JSON, but no "format": "waymark" */
  WM_FORMAT_ERROR_FUTURE_VERSION, /* written by a newer Waymark */
  WM_FORMAT_ERROR_INVALID,        /* wrong type, out of range, bad value */
  WM_FORMAT_ERROR_DUPLICATE_ID,
  WM_FORMAT_ERROR_REFERENCE,      /* names an element that is not there */
} WmFormatError;

WmDocument *wm_format_load_bytes (GBytes        *bytes,
                                  GError       **error);
WmDocument *wm_format_load_file  (GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);
char      **wm_format_check_bytes (GBytes       *bytes);
GBytes     *wm_format_save_bytes (WmDocument    *document);
gboolean    wm_format_save_file  (WmDocument    *document,
                                  GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* A fragment: elements of a map on the clipboard, as a map in miniature
 * that lists the ids of the elements it hands over ("items"); the rest of
 * it says what those refer to. */
GBytes     *wm_format_save_fragment (WmDocument         *fragment,
                                     const char * const *items);
WmDocument *wm_format_load_fragment (GBytes             *bytes,
                                     GStrv              *items,
                                     GError            **error);

G_END_DECLS
