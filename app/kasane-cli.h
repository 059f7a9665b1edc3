/* kasane-cli.h: the headless command line (--check, --summary, --export, --new, --help,
 * --version)
 *
 * Parsed with GOptionContext before GApplication sees argv, so usage errors exit 2 as
 * DESIGN.md says and no headless mode ever initialises GTK or needs a display.
 */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-export.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_CLI_MODE_WINDOW,    /* no headless option: open the window on the files */
  KASANE_CLI_MODE_CHECK,
  KASANE_CLI_MODE_SUMMARY,
  KASANE_CLI_MODE_EXPORT,
  KASANE_CLI_MODE_NEW,       /* --new=FILE: write a starter dataset */
  KASANE_CLI_MODE_HELP,
  KASANE_CLI_MODE_VERSION,
} KasaneCliMode;

/* What the command line asked for, typed: strings are parsed once, here. */
typedef struct
{
  KasaneCliMode     mode;
  char             *export_path;
  KasaneExportFormat format;     /* from export_path's extension */
  KasaneExportView  view;
  const char       *lang;        /* "en", "ja", or NULL: from the locale */
  KasaneTheme       theme;
  guint             width;
  guint             height;
  guint             scale;
  GStrv             series;      /* --series=ID,… or NULL */
  gboolean          ledger_csv;  /* --export=OUT.csv: the ledger table of one dataset */
  char             *new_path;    /* --new=FILE */
  guint             layers;      /* --layers=N, 0 when not given (3) */
  GStrv             files;       /* never NULL */
} KasaneCliOptions;

/* Exit codes of DESIGN.md. */
enum
{
  KASANE_EXIT_OK = 0,
  KASANE_EXIT_FAULT = 1,
  KASANE_EXIT_USAGE = 2,
};

/* Parses argv (argv[0] is skipped).  On a usage fault returns FALSE with a message in
 * `error_message` (English with the program name, ready for stderr). */
gboolean kasane_cli_parse        (int                argc,
                                  char             **argv,
                                  KasaneCliOptions  *options,
                                  char             **error_message);
void     kasane_cli_options_clear (KasaneCliOptions *options);

/* Runs a headless mode and returns the exit code; output goes to the given streams. */
int      kasane_cli_run          (const KasaneCliOptions *options,
                                  FILE                   *out,
                                  FILE                   *err);

/* The --summary block of one loaded dataset (always English). */
char    *kasane_cli_summary      (KasaneDataset          *dataset);

/* What --help prints, in the current language (the help window shows it too). */
char    *kasane_cli_help_text (void);

G_END_DECLS
