/* main.c: the waymark program.
 *
 * The command-line modes (export, validate) run without a display and never
 * touch GTK; only when none of them is asked for does the editor start.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cli/wm-cli.h"
#include "ui/wm-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(WmApplication) application = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (wm_cli_handle (&argc, &argv, &status))
    return status;

  application = wm_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
