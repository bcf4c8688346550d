/* wm-theme.c: the colours a map is drawn with, in a light and a dark
 * variant, and the one typography both share.
 *
 * The palette follows GNOME's (libadwaita's named colours), so that a map
 * exported for a slide looks like it belongs with the app it was made in.
 * struct _WmTheme is defined in wm-theme-private.h for the painter.
 */
#include "wm-theme-private.h"

#include <math.h>

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* Cantarell is GNOME's face; it has Latin and Cyrillic but no Arabic script,
 * so Persian falls to Noto Sans Arabic. Emoji (a point's label often is one)
 * come from fontconfig's fallback, in colour when Noto Color Emoji is
 * installed: naming that font here would make Pango draw digits with it. */
#define FONT_FAMILY "Cantarell, Noto Sans, Noto Sans Arabic, DejaVu Sans"

static const WmTheme light_theme = {
  .background = RGB (0xfafafb),
  .surface = RGB (0xffffff),
  .header = RGB (0xf0f0f3),
  .row_tint = RGBA (0x000000, 0.028),
  .border = RGBA (0x000000, 0.10),
  .shadow = RGBA (0x000000, 0.06),
  .text = RGB (0x241f31),
  .text_dim = RGBA (0x241f31, 0.62),
  .accent = RGB (0x1c71d8),
  .grid_line = RGBA (0x000000, 0.08),
  .zero_line = RGBA (0x000000, 0.30),
  .positive = RGB (0x26a269),
  .negative = RGB (0xc01c28),
  .decisive = RGB (0x813d9c),
  .quick_win = RGB (0xf5c211),
  .on_quick_win = RGB (0x3d3846),
  .stage_colors = {
    RGB (0x1c71d8), RGB (0x2190a4), RGB (0x26a269),
    RGB (0xc64600), RGB (0xc01c28), RGB (0x813d9c),
  },
  .lane_colors = {
    [WM_LANE_KIND_ACTIONS] = RGB (0x1c71d8),
    [WM_LANE_KIND_THOUGHTS] = RGB (0x813d9c),
    [WM_LANE_KIND_FEELINGS] = RGB (0xc061cb),
    [WM_LANE_KIND_TOUCHPOINTS] = RGB (0x2190a4),
    [WM_LANE_KIND_EMOTION_CURVE] = RGB (0xe66100),
    [WM_LANE_KIND_PAIN_POINTS] = RGB (0xc01c28),
    [WM_LANE_KIND_GAINS] = RGB (0x26a269),
    [WM_LANE_KIND_MOMENTS_OF_TRUTH] = RGB (0x813d9c),
    [WM_LANE_KIND_OPPORTUNITIES] = RGB (0xc88800),
    [WM_LANE_KIND_FRONTSTAGE] = RGB (0x3584e4),
    [WM_LANE_KIND_BACKSTAGE] = RGB (0x5e5c64),
    [WM_LANE_KIND_KPIS] = RGB (0x986a44),
    [WM_LANE_KIND_NOTES] = RGB (0x77767b),
  },
};

static const WmTheme dark_theme = {
  .background = RGB (0x242424),
  .surface = RGB (0x383838),
  .header = RGB (0x303030),
  .row_tint = RGBA (0xffffff, 0.035),
  .border = RGBA (0xffffff, 0.09),
  .shadow = RGBA (0x000000, 0.28),
  .text = RGB (0xffffff),
  .text_dim = RGBA (0xffffff, 0.66),
  .accent = RGB (0x78aeed),
  .grid_line = RGBA (0xffffff, 0.10),
  .zero_line = RGBA (0xffffff, 0.36),
  .positive = RGB (0x57e389),
  .negative = RGB (0xff7b63),
  .decisive = RGB (0xdc8add),
  .quick_win = RGB (0xf8e45c),
  .on_quick_win = RGB (0x241f31),
  .stage_colors = {
    RGB (0x1c71d8), RGB (0x1f7f91), RGB (0x26a269),
    RGB (0xc64600), RGB (0xc01c28), RGB (0x813d9c),
  },
  .lane_colors = {
    [WM_LANE_KIND_ACTIONS] = RGB (0x62a0ea),
    [WM_LANE_KIND_THOUGHTS] = RGB (0xc061cb),
    [WM_LANE_KIND_FEELINGS] = RGB (0xf66ff0),
    [WM_LANE_KIND_TOUCHPOINTS] = RGB (0x5bc8dc),
    [WM_LANE_KIND_EMOTION_CURVE] = RGB (0xffa348),
    [WM_LANE_KIND_PAIN_POINTS] = RGB (0xff7b63),
    [WM_LANE_KIND_GAINS] = RGB (0x57e389),
    [WM_LANE_KIND_MOMENTS_OF_TRUTH] = RGB (0xdc8add),
    [WM_LANE_KIND_OPPORTUNITIES] = RGB (0xf6d32d),
    [WM_LANE_KIND_FRONTSTAGE] = RGB (0x99c1f1),
    [WM_LANE_KIND_BACKSTAGE] = RGB (0xc0bfbc),
    [WM_LANE_KIND_KPIS] = RGB (0xcdab8f),
    [WM_LANE_KIND_NOTES] = RGB (0xdeddda),
  },
};

/**
 * wm_theme_get:
 *
 * Returns: (transfer none): the theme of that variant; static, never freed.
 */
const WmTheme *
wm_theme_get (WmThemeVariant variant)
{
  return variant == WM_THEME_DARK ? &dark_theme : &light_theme;
}

/**
 * wm_theme_variant_from_name:
 * @name: "light" or "dark", as the command line and the settings spell it
 *
 * Returns: whether @name is a variant; @variant is set only then.
 */
gboolean
wm_theme_variant_from_name (const char     *name,
                            WmThemeVariant *variant)
{
  g_return_val_if_fail (variant != NULL, FALSE);

  if (g_strcmp0 (name, "light") == 0)
    *variant = WM_THEME_LIGHT;
  else if (g_strcmp0 (name, "dark") == 0)
    *variant = WM_THEME_DARK;
  else
    return FALSE;

  return TRUE;
}

/**
 * wm_theme_get_font:
 *
 * Sizes are absolute (layout units), so that text measures the same at any
 * resolution and scale.
 *
 * Returns: (transfer none): the font of that role, shared and immutable.
 */
const PangoFontDescription *
wm_theme_get_font (WmFont font)
{
  static const struct {
    double size;
    PangoWeight weight;
  } roles[WM_N_FONTS] = {
    [WM_FONT_TITLE] = { 30, PANGO_WEIGHT_BOLD },
    [WM_FONT_HEADING] = { 15, PANGO_WEIGHT_BOLD },
    [WM_FONT_BODY] = { 13.5, PANGO_WEIGHT_NORMAL },
    [WM_FONT_SMALL] = { 12, PANGO_WEIGHT_NORMAL },
    [WM_FONT_CAPTION] = { 10.5, PANGO_WEIGHT_BOLD },
    [WM_FONT_VALUE] = { 21, PANGO_WEIGHT_BOLD },
    [WM_FONT_INITIALS] = { 15, PANGO_WEIGHT_BOLD },
  };
  static PangoFontDescription *fonts[WM_N_FONTS];
  static gsize initialized;

  g_return_val_if_fail (font < WM_N_FONTS, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < WM_N_FONTS; i++)
        {
          fonts[i] = pango_font_description_from_string (FONT_FAMILY);
          pango_font_description_set_absolute_size (fonts[i], roles[i].size * PANGO_SCALE);
          pango_font_description_set_weight (fonts[i], roles[i].weight);
        }
      g_once_init_leave (&initialized, 1);
    }

  return fonts[font];
}

/**
 * wm_color_parse:
 * @spec: a colour as the model keeps it ("#rrggbb")
 *
 * Returns: whether @spec is a colour; @color is set only then.
 */
gboolean
wm_color_parse (const char *spec,
                WmColor    *color)
{
  PangoColor parsed;

  if (spec == NULL || *spec == '\0' || !pango_color_parse (&parsed, spec))
    return FALSE;

  color->red = parsed.red / 65535.0;
  color->green = parsed.green / 65535.0;
  color->blue = parsed.blue / 65535.0;
  color->alpha = 1.0;
  return TRUE;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* Relative luminance as WCAG defines it, ignoring alpha. */
double
wm_color_luminance (const WmColor *color)
{
  return 0.2126 * linear_channel (color->red) +
         0.7152 * linear_channel (color->green) +
         0.0722 * linear_channel (color->blue);
}

static double
contrast (const WmColor *a,
          const WmColor *b)
{
  double la = wm_color_luminance (a), lb = wm_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* @amount of @b over @a: 0 is @a, 1 is @b. */
void
wm_color_mix (const WmColor *a,
              const WmColor *b,
              double         amount,
              WmColor       *result)
{
  result->red = a->red + (b->red - a->red) * amount;
  result->green = a->green + (b->green - a->green) * amount;
  result->blue = a->blue + (b->blue - a->blue) * amount;
  result->alpha = a->alpha + (b->alpha - a->alpha) * amount;
}

/* A user's colour (a persona's curve, a lane's accent) may be chosen on a
 * light background and vanish on a dark one, or the other way round: this
 * moves it toward the text colour until it stands out from the page as
 * well as large text must (3:1). */
void
wm_theme_readable (const WmTheme *theme,
                   const WmColor *color,
                   WmColor       *result)
{
  WmColor mixed = *color;

  for (double amount = 0.1; contrast (&mixed, &theme->background) < 3.0 && amount <= 1.0; amount += 0.1)
    wm_color_mix (color, &theme->text, amount, &mixed);

  mixed.alpha = color->alpha;
  *result = mixed;
}

/* Text to put on a fill of @color: whichever of black or white reads better. */
void
wm_color_on (const WmColor *color,
             WmColor       *result)
{
  static const WmColor white = RGB (0xffffff);
  static const WmColor ink = RGB (0x241f31);

  *result = contrast (color, &white) >= contrast (color, &ink) * 0.6 ? white : ink;
}
