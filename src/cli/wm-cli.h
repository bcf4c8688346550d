/* wm-cli.h: what waymark does from the command line, with no display:
 * export a map to PNG, SVG or PDF, or validate map files. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit statuses of the command line. */
typedef enum {
  WM_CLI_EXIT_OK = 0,
  WM_CLI_EXIT_FAILED = 1,  /* a map could not be read or exported, or is invalid */
  WM_CLI_EXIT_USAGE = 2,   /* the command line itself is wrong */
} WmCliExit;

gboolean wm_cli_handle       (int    *argc,
                              char ***argv,
                              int    *status);

G_END_DECLS
