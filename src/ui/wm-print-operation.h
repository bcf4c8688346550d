/* wm-print-operation.h: printing a map, on one page or as a tiled poster. */
#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"

G_BEGIN_DECLS

typedef enum {
  WM_PRINT_FIT,    /* the whole map on one page, as large as it fits */
  WM_PRINT_POSTER, /* at a chosen scale, over as many pages as that takes */
} WmPrintMode;

#define WM_TYPE_PRINT_OPERATION (wm_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (WmPrintOperation, wm_print_operation, WM, PRINT_OPERATION, GtkPrintOperation)

WmPrintOperation *wm_print_operation_new        (WmDocument       *document);
WmPrintMode       wm_print_operation_get_mode   (WmPrintOperation *self);
void              wm_print_operation_set_mode   (WmPrintOperation *self,
                                                 WmPrintMode       mode);
/* For a poster: 1.0 prints the map as large as it shows at 100 % zoom. */
double            wm_print_operation_get_scale  (WmPrintOperation *self);
void              wm_print_operation_set_scale  (WmPrintOperation *self,
                                                 double            scale);
/* How many pages across and down the map takes on pages whose printable
 * area is @width × @height points. */
void              wm_print_operation_get_tiles  (WmPrintOperation *self,
                                                 double            width,
                                                 double            height,
                                                 int              *columns,
                                                 int              *rows);

G_END_DECLS
