/* wm-file-banner.h: a strip over the map saying that another program
 * changed or deleted its file, with what can be done about it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  WM_FILE_BANNER_CHANGED,
  WM_FILE_BANNER_DELETED,
} WmFileBannerKind;

#define WM_TYPE_FILE_BANNER (wm_file_banner_get_type ())
G_DECLARE_FINAL_TYPE (WmFileBanner, wm_file_banner, WM, FILE_BANNER, GtkWidget)

void             wm_file_banner_show      (WmFileBanner     *self,
                                           WmFileBannerKind  kind,
                                           GFile            *file);
void             wm_file_banner_hide      (WmFileBanner     *self);
gboolean         wm_file_banner_get_shown (WmFileBanner     *self);
WmFileBannerKind wm_file_banner_get_kind  (WmFileBanner     *self);
const char      *wm_file_banner_get_title (WmFileBanner     *self);

G_END_DECLS
