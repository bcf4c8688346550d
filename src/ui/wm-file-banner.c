/* wm-file-banner.c: a strip over the map saying that another program
 * changed or deleted its file.
 *
 * libadwaita 1.3's AdwBanner, built for 1.2, which has none: a revealer
 * sliding down a title and buttons, styled in wm-canvas.css. The buttons
 * activate the window's actions (win.reload, win.keep-mine, win.save), so
 * that the banner only shows what the window decides.
 */
#include "wm-file-banner.h"

#include <glib/gi18n.h>

struct _WmFileBanner
{
  GtkWidget parent_instance;

  GtkRevealer *revealer;
  GtkLabel *title;
  GtkWidget *keep_button;
  GtkWidget *reload_button;
  GtkWidget *save_button;
  WmFileBannerKind kind;
};

G_DEFINE_FINAL_TYPE (WmFileBanner, wm_file_banner, GTK_TYPE_WIDGET)

static void
wm_file_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_FILE_BANNER);

  G_OBJECT_CLASS (wm_file_banner_parent_class)->dispose (object);
}

static void
wm_file_banner_class_init (WmFileBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_file_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-file-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, WmFileBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, WmFileBanner, title);
  gtk_widget_class_bind_template_child (widget_class, WmFileBanner, keep_button);
  gtk_widget_class_bind_template_child (widget_class, WmFileBanner, reload_button);
  gtk_widget_class_bind_template_child (widget_class, WmFileBanner, save_button);
}

static void
wm_file_banner_init (WmFileBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wm_file_banner_show:
 *
 * Says that another program changed or deleted @file: a changed file can
 * be reloaded or ignored, a deleted one saved again.
 */
void
wm_file_banner_show (WmFileBanner     *self,
                     WmFileBannerKind  kind,
                     GFile            *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (WM_IS_FILE_BANNER (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  if (kind == WM_FILE_BANNER_CHANGED)
    /* TRANSLATORS: %s is a file name */
    title = g_strdup_printf (_("“%s” was changed by another program"), name);
  else
    /* TRANSLATORS: %s is a file name */
    title = g_strdup_printf (_("“%s” was deleted or moved by another program"), name);

  self->kind = kind;
  gtk_label_set_label (self->title, title);
  gtk_widget_set_visible (self->keep_button, kind == WM_FILE_BANNER_CHANGED);
  gtk_widget_set_visible (self->reload_button, kind == WM_FILE_BANNER_CHANGED);
  gtk_widget_set_visible (self->save_button, kind == WM_FILE_BANNER_DELETED);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
wm_file_banner_hide (WmFileBanner *self)
{
  g_return_if_fail (WM_IS_FILE_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
wm_file_banner_get_shown (WmFileBanner *self)
{
  g_return_val_if_fail (WM_IS_FILE_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

WmFileBannerKind
wm_file_banner_get_kind (WmFileBanner *self)
{
  g_return_val_if_fail (WM_IS_FILE_BANNER (self), WM_FILE_BANNER_CHANGED);

  return self->kind;
}

const char *
wm_file_banner_get_title (WmFileBanner *self)
{
  g_return_val_if_fail (WM_IS_FILE_BANNER (self), NULL);

  return gtk_label_get_label (self->title);
}
