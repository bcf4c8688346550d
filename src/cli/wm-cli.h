/* wm-cli.h: what waymark does from the command line, with no display:
 * export a map to PNG, SVG or PDF, or its grid to CSV, or it as a Mermaid
 * journey; validate map files, apply a survey to a map, review a map, or
 * import a grid or a Mermaid journey into a map. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit statuses of the command line. */
typedef enum {
  WM_CLI_EXIT_OK = 0,
  WM_CLI_EXIT_FAILED = 1,  /* a map could not be read or exported, or is invalid */
  WM_CLI_EXIT_USAGE = 2,   /* the command line itself is wrong */
  /* --review: 1 when there is a finding at error level, and this when the
   * map cannot be read, as grep does. */
  WM_CLI_EXIT_UNREADABLE = 2,
} WmCliExit;

gboolean wm_cli_handle       (int    *argc,
                              char ***argv,
                              int    *status);

G_END_DECLS
