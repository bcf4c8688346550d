/* wm-icons.c: the symbolic icons of channels and lane kinds.
 *
 * The icons are 16×16 SVG strokes in currentColor, kept in a GResource and
 * drawn through librsvg, so that they stay vectors in SVG and PDF exports.
 * A user stylesheet sets currentColor to the theme's colour.
 */
#include "wm-icons.h"

#include <librsvg/rsvg.h>

#include "wm-icons-resources.h"

/* Parsed icons, one per name and colour. librsvg handles must not be shared
 * between threads, so each thread (the UI's, an export's) keeps its own. */
static GPrivate icon_cache = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

/**
 * wm_icons_for_channel:
 *
 * Returns: the icon name of a touchpoint channel, or %NULL for none.
 */
const char *
wm_icons_for_channel (WmChannel channel)
{
  static const char * const names[] = {
    [WM_CHANNEL_NONE] = NULL,
    [WM_CHANNEL_WEBSITE] = "channel-website",
    [WM_CHANNEL_STORE] = "channel-store",
    [WM_CHANNEL_SOCIAL_MEDIA] = "channel-social-media",
    [WM_CHANNEL_PHONE] = "channel-phone",
    [WM_CHANNEL_EMAIL] = "channel-email",
    [WM_CHANNEL_APP] = "channel-app",
    [WM_CHANNEL_CHAT] = "channel-chat",
    [WM_CHANNEL_WORD_OF_MOUTH] = "channel-word-of-mouth",
    [WM_CHANNEL_EVENT] = "channel-event",
    [WM_CHANNEL_MAIL] = "channel-mail",
    [WM_CHANNEL_OTHER] = "channel-other",
  };

  return (guint) channel < G_N_ELEMENTS (names) ? names[channel] : NULL;
}

/**
 * wm_icons_for_lane_kind:
 *
 * Returns: the icon name of a kind of lane.
 */
const char *
wm_icons_for_lane_kind (WmLaneKind kind)
{
  static const char * const names[] = {
    [WM_LANE_KIND_ACTIONS] = "lane-actions",
    [WM_LANE_KIND_THOUGHTS] = "lane-thoughts",
    [WM_LANE_KIND_FEELINGS] = "lane-feelings",
    [WM_LANE_KIND_TOUCHPOINTS] = "lane-touchpoints",
    [WM_LANE_KIND_EMOTION_CURVE] = "lane-emotion-curve",
    [WM_LANE_KIND_PAIN_POINTS] = "lane-pain-points",
    [WM_LANE_KIND_GAINS] = "lane-gains",
    [WM_LANE_KIND_MOMENTS_OF_TRUTH] = "lane-moments-of-truth",
    [WM_LANE_KIND_OPPORTUNITIES] = "lane-opportunities",
    [WM_LANE_KIND_FRONTSTAGE] = "lane-frontstage",
    [WM_LANE_KIND_BACKSTAGE] = "lane-backstage",
    [WM_LANE_KIND_KPIS] = "lane-kpis",
    [WM_LANE_KIND_NOTES] = "lane-notes",
  };

  return (guint) kind < G_N_ELEMENTS (names) ? names[kind] : "lane-notes";
}

static RsvgHandle *
load_icon (const char *name,
           const char *css)
{
  g_autofree char *path = g_strconcat (WM_ICONS_RESOURCE_PATH, name, ".svg", NULL);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = NULL; /* librsvg 2.54 has no autoptr for it */

  data = g_resource_lookup_data (wm_icons_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (data != NULL)
    handle = rsvg_handle_new_from_data (g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error);
  if (handle != NULL && !rsvg_handle_set_stylesheet (handle, (const guint8 *) css, strlen (css), &error))
    g_clear_object (&handle);

  /* The icons are ours and built in: failing here is a bug, not bad input. */
  if (handle == NULL)
    g_critical ("Icon %s: %s", name, error->message);

  return handle;
}

/**
 * wm_icons_draw:
 * @name: an icon name from wm_icons_for_channel() or wm_icons_for_lane_kind(),
 *   or one of "quick-win" and "evidence"
 * @rect: where to draw it, in user space
 *
 * Draws an icon in @color.
 */
void
wm_icons_draw (cairo_t       *cr,
               const char    *name,
               const WmRect  *rect,
               const WmColor *color)
{
  GHashTable *cache = g_private_get (&icon_cache);
  char alpha[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;
  g_autofree char *key = NULL;
  RsvgHandle *handle;
  RsvgRectangle viewport = { rect->x, rect->y, rect->width, rect->height };

  g_return_if_fail (name != NULL);

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&icon_cache, cache);
    }

  g_ascii_formatd (alpha, sizeof alpha, "%.3f", color->alpha);
  css = g_strdup_printf ("svg { color: rgba(%d, %d, %d, %s); }",
                         (int) (color->red * 255 + 0.5), (int) (color->green * 255 + 0.5),
                         (int) (color->blue * 255 + 0.5), alpha);
  key = g_strconcat (name, " ", css, NULL);

  handle = g_hash_table_lookup (cache, key);
  if (handle == NULL)
    {
      handle = load_icon (name, css);
      if (handle == NULL)
        return;
      g_hash_table_insert (cache, g_steal_pointer (&key), handle);
    }

  rsvg_handle_render_document (handle, cr, &viewport, NULL);
}
