/* wm-inspector-icon.c: one of the map's own icons, for a GtkImage.
 *
 * The channel and lane icons are the core's (wm-icons.h), drawn in any
 * colour; as a symbolic paintable they take the colour of the text around
 * them, light or dark, like any symbolic icon of the theme, and the
 * inspector shows exactly the icons the map shows.
 */
#include "wm-inspector-icon.h"

#include "wm-icons.h"

#define ICON_SIZE 16

struct _WmInspectorIcon
{
  GObject parent_instance;

  char *name;
};

static void paintable_init (GdkPaintableInterface *iface);
static void symbolic_paintable_init (GtkSymbolicPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WmInspectorIcon, wm_inspector_icon, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, paintable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SYMBOLIC_PAINTABLE, symbolic_paintable_init))

static void
snapshot_symbolic (GtkSymbolicPaintable *paintable,
                   GdkSnapshot          *snapshot,
                   double                width,
                   double                height,
                   const GdkRGBA        *colors,
                   gsize                 n_colors)
{
  WmInspectorIcon *self = WM_INSPECTOR_ICON (paintable);
  WmRect rect = { 0, 0, width, height };
  WmColor color = { 0, 0, 0, 1 };
  cairo_t *cr;

  if (n_colors > 0)
    color = (WmColor) { colors[0].red, colors[0].green, colors[0].blue, colors[0].alpha };

  cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot), &GRAPHENE_RECT_INIT (0, 0, width, height));
  wm_icons_draw (cr, self->name, &rect, &color);
  cairo_destroy (cr);
}

static void
snapshot (GdkPaintable *paintable,
          GdkSnapshot  *gdk_snapshot,
          double        width,
          double        height)
{
  snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), gdk_snapshot, width, height, NULL, 0);
}

static int
get_intrinsic_size (GdkPaintable *paintable)
{
  return ICON_SIZE;
}

static GdkPaintableFlags
get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = snapshot;
  iface->get_intrinsic_width = get_intrinsic_size;
  iface->get_intrinsic_height = get_intrinsic_size;
  iface->get_flags = get_flags;
}

static void
symbolic_paintable_init (GtkSymbolicPaintableInterface *iface)
{
  iface->snapshot_symbolic = snapshot_symbolic;
}

static void
wm_inspector_icon_finalize (GObject *object)
{
  WmInspectorIcon *self = WM_INSPECTOR_ICON (object);

  g_free (self->name);

  G_OBJECT_CLASS (wm_inspector_icon_parent_class)->finalize (object);
}

static void
wm_inspector_icon_class_init (WmInspectorIconClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_inspector_icon_finalize;
}

static void
wm_inspector_icon_init (WmInspectorIcon *self)
{
}

/**
 * wm_inspector_icon_new:
 * @name: an icon name the core knows (see wm_icons_draw())
 */
WmInspectorIcon *
wm_inspector_icon_new (const char *name)
{
  WmInspectorIcon *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (WM_TYPE_INSPECTOR_ICON, NULL);
  self->name = g_strdup (name);

  return self;
}
