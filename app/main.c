/* main.c: Kasane's entry point
 *
 * The command line is read first: --check, --summary, --export, --help and --version run
 * headless (no GTK initialisation, no display needed) and never reach GApplication, whose
 * own option parsing would exit 1 on a bad option where DESIGN.md asks for 2.
 */
#define G_LOG_DOMAIN "kasane"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "kasane-application.h"
#include "kasane-cli.h"
#include "kasane-language.h"
#include "kasane-render.h"

static void
setup_locale (void)
{
  setlocale (LC_ALL, "");
  /* Binds the catalogues (installed, or the build folder's) and makes sure LANGUAGE can
   * pick a translation even under the C locale.  No textdomain(): every lookup names
   * Kasane's domain, and GLib translates only while the default domain is "messages"
   * or matches the locale (g_dgettext decides once, before a run-time switch). */
  kasane_language_init ();
}

int
main (int    argc,
      char **argv)
{
  KasaneCliOptions options;
  g_autofree char *error_message = NULL;
  g_autoptr(GPtrArray) app_argv = NULL;
  g_autoptr(KasaneApplication) app = NULL;
  int status;

  setup_locale ();

  if (!kasane_cli_parse (argc, argv, &options, &error_message))
    {
      fprintf (stderr, "%s\n", error_message);
      return KASANE_EXIT_USAGE;
    }

  if (options.mode != KASANE_CLI_MODE_WINDOW)
    {
      status = kasane_cli_run (&options, stdout, stderr);
      kasane_cli_options_clear (&options);
      return status;
    }

  /* --lang chooses the window's language for this run, before anything is translated. */
  if (options.lang != NULL)
    kasane_language_override_system (options.lang);

  app_argv = g_ptr_array_new ();
  g_ptr_array_add (app_argv, argv[0]);
  /* Files only: a file named like an option must not reach GApplication's parser. */
  if (options.files[0] != NULL)
    g_ptr_array_add (app_argv, (char *) "--");
  for (guint i = 0; options.files[i] != NULL; i++)
    g_ptr_array_add (app_argv, options.files[i]);
  g_ptr_array_add (app_argv, NULL);

  /* The diagrams' fonts load on another core while GTK starts. */
  kasane_render_warm_up ();

  app = kasane_application_new ();
  status = g_application_run (G_APPLICATION (app), (int) app_argv->len - 1,
                              (char **) app_argv->pdata);
  /* A second instance hands its files over and quits without laying anything out. */
  kasane_render_warm_up_join ();
  kasane_cli_options_clear (&options);
  return status;
}
