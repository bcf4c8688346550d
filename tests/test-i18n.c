/* test-i18n.c: Waymark in Persian: the interface mirrors, its words are
 * Persian, and a new map runs right to left with its first stage on the
 * right. Uses the translations built in the build tree. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "test-ui.h"
#include "wm-labels.h"
#include "wm-layout.h"
#include "wm-sidebar.h"
#include "wm-stage.h"
#include "wm-template.h"
#include "wm-window.h"

/* Whether @text has a letter of the Arabic script, which Persian uses. */
static gboolean
is_persian (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0600 && c <= 0x06ff)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* The whole interface runs right to left: the panel of the palette, at
 * the start of the window, is on the right of the map. */
static void
test_interface_mirrors (void)
{
  WmWindow *window = wm_window_new (NULL);
  GtkWidget *sidebar, *canvas;
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), sidebar_at, canvas_at;

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  sidebar = find_descendant (GTK_WIDGET (window), WM_TYPE_SIDEBAR);
  canvas = GTK_WIDGET (wm_window_get_canvas (window));
  g_assert_nonnull (sidebar);
  g_assert_true (gtk_widget_compute_point (sidebar, GTK_WIDGET (window), &origin, &sidebar_at));
  g_assert_true (gtk_widget_compute_point (canvas, GTK_WIDGET (window), &origin, &canvas_at));
  g_assert_cmpfloat (sidebar_at.x, >, canvas_at.x);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The words are Persian: the interface's, and the map's own labels. */
static void
test_words (void)
{
  g_assert_true (is_persian (_("Open a Map (Ctrl+O)")));
  g_assert_true (is_persian (wm_labels_lane_kind (WM_LANE_KIND_PAIN_POINTS)));
  g_assert_true (is_persian (wm_labels_channel (WM_CHANNEL_WORD_OF_MOUTH)));
  g_assert_true (is_persian (wm_template_get_name (WM_TEMPLATE_FIVE_STAGES)));
}

/* A new map has Persian stage names, so it runs right to left. */
static void
test_new_map_rtl (void)
{
  g_autoptr(WmDocument) document = wm_template_create (WM_TEMPLATE_FIVE_STAGES);
  g_autoptr(WmLayout) layout = wm_layout_new (document);
  GListModel *stages = wm_document_get_stages (document);
  WmRect first, second;

  wm_layout_update (layout);
  g_assert_true (is_persian (wm_stage_get_name (nth (stages, 0))));
  g_assert_true (wm_layout_is_rtl (layout));
  g_assert_true (wm_layout_get_element_rect (layout, nth (stages, 0), &first));
  g_assert_true (wm_layout_get_element_rect (layout, nth (stages, 1), &second));
  g_assert_cmpfloat (first.x, >, second.x);
}

int
main (int   argc,
      char *argv[])
{
  /* As a Persian desktop starts it. */
  g_setenv ("LANGUAGE", "fa", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WM_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/i18n/persian/interface-mirrors", test_interface_mirrors);
  g_test_add_func ("/i18n/persian/words", test_words);
  g_test_add_func ("/i18n/persian/new-map-rtl", test_new_map_rtl);

  return g_test_run ();
}
