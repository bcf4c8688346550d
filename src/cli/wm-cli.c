/* wm-cli.c: what waymark does from the command line, with no display.
 *
 *   waymark --export OUT.png|OUT.svg|OUT.pdf [--scale N] [--theme light|dark] MAP.waymark
 *   waymark --validate MAP.waymark…
 *
 * Every failure is one line on stderr, "waymark: FILE: problem", so that a
 * script can show it as it is.
 */
#include "config.h"

#include "wm-cli.h"

#include <glib/gi18n.h>

#include "wm-export.h"
#include "wm-format.h"

typedef struct
{
  char *export_path;
  char *scale;
  char *theme;
  gboolean validate;
  gboolean version;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->export_path, g_free);
  g_clear_pointer (&options->scale, g_free);
  g_clear_pointer (&options->theme, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static GOptionContext *
create_context (Options *options)
{
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &options->export_path,
      N_("Export the map to FILE, a picture: .png, .svg or .pdf"), N_("FILE") },
    { "scale", 's', 0, G_OPTION_ARG_STRING, &options->scale,
      N_("Size of the exported picture relative to the map, at most 8 (default 1)"), N_("N") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &options->theme,
      N_("Colours of the exported picture: light (default) or dark"), N_("THEME") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options->validate,
      N_("Check the maps and print every problem"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("[MAP.waymark…]"));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Waymark designs customer journey maps."));
  g_option_context_set_description (context,
    _("Examples:\n"
      "  waymark --export journey.png --scale 2 journey.waymark\n"
      "  waymark --export journey.pdf --theme dark journey.waymark\n"
      "  waymark --validate journey.waymark\n"
      "\n"
      "Exit status: 0 on success; 1 when a map cannot be read or exported,\n"
      "or is not valid; 2 when the command line is wrong.\n"));

  return context;
}

static int usage_error (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("waymark: %s\n", message);

  return WM_CLI_EXIT_USAGE;
}

/* Reports what went wrong with the file the user named as @path. */
static int
file_error (const char   *path,
            const GError *error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_printerr ("waymark: %s: %s\n", name, error->message);

  return WM_CLI_EXIT_FAILED;
}

static gboolean
parse_scale (const char  *text,
             double      *scale,
             GError     **error)
{
  char *end;

  if (text == NULL)
    {
      *scale = 1.0;
      return TRUE;
    }

  *scale = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--scale: “%s” is not a number"), text);
      return FALSE;
    }

  return wm_export_check_scale (*scale, error);
}

static int
run_export (const Options  *options,
            int             n_maps,
            char          **maps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autofree char *output_name = NULL;
  WmThemeVariant theme = WM_THEME_LIGHT;
  WmExportFormat format;
  double scale;

  if (n_maps != 1)
    return usage_error (_("--export takes one map, not %d"), n_maps);
  if (!wm_export_format_from_path (options->export_path, &format))
    {
      g_autofree char *name = g_filename_display_name (options->export_path);

      return usage_error (_("%s: the name of the picture must end in .png, .svg or .pdf"), name);
    }
  if (options->theme != NULL && !wm_theme_variant_from_name (options->theme, &theme))
    return usage_error (_("--theme: “%s” is not a theme; use light or dark"), options->theme);
  if (!parse_scale (options->scale, &scale, &error))
    return usage_error ("%s", error->message);

  input = g_file_new_for_commandline_arg (maps[0]);
  document = wm_format_load_file (input, NULL, &error);
  if (document == NULL)
    return file_error (maps[0], error);

  output = g_file_new_for_commandline_arg (options->export_path);
  if (!wm_export_file (document, output, format, scale, theme, NULL, &error))
    return file_error (options->export_path, error);

  output_name = g_file_get_parse_name (output);
  g_print ("%s\n", output_name);

  return WM_CLI_EXIT_OK;
}

/* Prints every problem of the map at @path, or that it is valid. */
static gboolean
validate (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *name = g_filename_display_name (path);

  /* Loading reads the file within the format's limits, and stops at the
   * first problem; only a file it read and rejected is read again, for the
   * checker to list every problem. */
  document = wm_format_load_file (file, NULL, &error);
  if (document != NULL)
    {
      g_print (_("%s: valid\n"), name);
      return TRUE;
    }
  if (error->domain != WM_FORMAT_ERROR)
    {
      file_error (path, error);
      return FALSE;
    }

  if (!g_error_matches (error, WM_FORMAT_ERROR, WM_FORMAT_ERROR_TOO_LARGE))
    bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  if (bytes != NULL)
    problems = wm_format_check_bytes (bytes);

  if (problems == NULL)
    g_print ("%s: %s\n", name, error->message);
  else
    for (guint i = 0; problems[i] != NULL; i++)
      g_print ("%s: %s\n", name, problems[i]);

  return FALSE;
}

static int
run_validate (int    n_maps,
              char **maps)
{
  int status = WM_CLI_EXIT_OK;

  if (n_maps == 0)
    return usage_error (_("--validate needs at least one map"));

  for (int i = 0; i < n_maps; i++)
    if (!validate (maps[i]))
      status = WM_CLI_EXIT_FAILED;

  return status;
}

/* GOptionContext leaves the "--" that ends the options among the maps. */
static void
drop_separator (int   *argc,
                char **argv)
{
  for (int i = 1; i < *argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        memmove (&argv[i], &argv[i + 1], (size_t) (*argc - i) * sizeof (char *));
        (*argc)--;
        return;
      }
}

static int
print_version (void)
{
  g_print ("waymark %s\n", PACKAGE_VERSION);

  return WM_CLI_EXIT_OK;
}

/**
 * wm_cli_handle:
 * @argc: the number of arguments
 * @argv: the arguments; the options are taken out of them
 * @status: (out): the exit status, when the command line was handled
 *
 * Runs the command-line mode that @argv asks for: --export, --validate,
 * --version or --help, or reports a usage error.
 *
 * Returns: %TRUE when the command line was handled and waymark should exit
 *   with @status; %FALSE when no command-line mode was asked for, and the
 *   editor should open the maps left in @argv
 */
gboolean
wm_cli_handle (int    *argc,
               char ***argv,
               int    *status)
{
  g_auto(Options) options = { NULL };
  g_autoptr(GOptionContext) context = create_context (&options);
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error ("%s", error->message);
      return TRUE;
    }
  drop_separator (argc, *argv);

  if (options.version)
    *status = print_version ();
  else if (options.export_path != NULL && options.validate)
    *status = usage_error (_("--export and --validate cannot be used together"));
  else if (options.export_path != NULL)
    *status = run_export (&options, *argc - 1, *argv + 1);
  else if (options.scale != NULL || options.theme != NULL)
    *status = usage_error (_("--scale and --theme only go with --export"));
  else if (options.validate)
    *status = run_validate (*argc - 1, *argv + 1);
  else
    return FALSE;

  return TRUE;
}
