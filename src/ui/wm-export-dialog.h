/* wm-export-dialog.h: how to export a map, then where to. */
#pragma once

#include <adwaita.h>

#include "wm-document.h"
#include "wm-export.h"

G_BEGIN_DECLS

#define WM_TYPE_EXPORT_DIALOG (wm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmExportDialog, wm_export_dialog, WM, EXPORT_DIALOG, AdwWindow)

/* The choices of the dialog. The scale is a whole number from 1 to 4;
 * transparent is honoured for PNG and SVG only. */
typedef struct
{
  WmExportFormat format;
  int scale;
  WmThemeVariant theme;
  gboolean transparent;
} WmExportOptions;

/* A modal dialog over @parent for @document. Its file chooser opens in
 * @folder (or where it likes, for NULL) and suggests @base_name with the
 * format's extension. It emits "exported" (GFile *file) when it has written
 * a file, and then closes. */
WmExportDialog *wm_export_dialog_new         (GtkWindow             *parent,
                                              WmDocument            *document,
                                              GFile                 *folder,
                                              const char            *base_name);
void            wm_export_dialog_get_options (WmExportDialog        *self,
                                              WmExportOptions       *options);
void            wm_export_dialog_set_options (WmExportDialog        *self,
                                              const WmExportOptions *options);
/* Writes the map to @file as the dialog's choices say, and remembers the
 * choices for the next dialog of this session. What the Export button does
 * once a file is chosen. */
gboolean        wm_export_dialog_export      (WmExportDialog        *self,
                                              GFile                 *file,
                                              GError               **error);

G_END_DECLS
