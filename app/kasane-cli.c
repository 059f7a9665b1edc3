#define G_LOG_DOMAIN "kasane-cli"

#include "config.h"

#include "kasane-cli.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kasane-export.h"
#include "kasane-starter.h"
#include "kasane-ledger.h"
#include "kasane-robustness.h"
#include "kasane-resources.h"
#include "kasane-session.h"

void
kasane_cli_options_clear (KasaneCliOptions *options)
{
  g_clear_pointer (&options->export_path, g_free);
  g_clear_pointer (&options->new_path, g_free);
  g_clear_pointer (&options->series, g_strfreev);
  g_clear_pointer (&options->files, g_strfreev);
}

static gboolean
parse_size (const char *text,
            guint      *width,
            guint      *height)
{
  guint64 w, h;
  char *end;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  w = g_ascii_strtoull (text, &end, 10);
  if (*end != 'x' && *end != 'X')
    return FALSE;
  text = end + 1;
  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  h = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || w < 16 || h < 16 || w > 16384 || h > 16384)
    return FALSE;
  *width = (guint) w;
  *height = (guint) h;
  return TRUE;
}

/* The parse, while GOptionContext runs: the options and the mode options met so far. */
typedef struct
{
  KasaneCliOptions *options;
  const char       *mode_option;   /* the first of --check, --summary, --export */
} Parse;

static gboolean
set_mode (Parse          *parse,
          KasaneCliMode   mode,
          const char     *option,
          GError        **error)
{
  KasaneCliOptions *options = parse->options;

  /* --help and --version win over everything else, as users expect. */
  if (mode == KASANE_CLI_MODE_HELP || mode == KASANE_CLI_MODE_VERSION)
    {
      options->mode = mode;
      return TRUE;
    }
  if (options->mode == KASANE_CLI_MODE_HELP || options->mode == KASANE_CLI_MODE_VERSION)
    return TRUE;
  if (parse->mode_option != NULL && options->mode != mode)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   "%s cannot be combined with another mode (--check, --summary, --export)",
                   option);
      return FALSE;
    }
  parse->mode_option = option;
  options->mode = mode;
  return TRUE;
}

static gboolean
on_mode (const char  *option,
         const char  *value,
         gpointer     data,
         GError     **error)
{
  static const struct { const char *name; KasaneCliMode mode; } modes[] = {
    { "--help", KASANE_CLI_MODE_HELP }, { "-h", KASANE_CLI_MODE_HELP },
    { "--help-all", KASANE_CLI_MODE_HELP }, { "--version", KASANE_CLI_MODE_VERSION },
    { "-V", KASANE_CLI_MODE_VERSION }, { "--check", KASANE_CLI_MODE_CHECK },
    { "--summary", KASANE_CLI_MODE_SUMMARY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (g_str_equal (option, modes[i].name))
      return set_mode (data, modes[i].mode, option, error);
  g_return_val_if_reached (FALSE);
}

static gboolean
on_export (const char  *option,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  Parse *parse = data;

  if (!set_mode (parse, KASANE_CLI_MODE_EXPORT, option, error))
    return FALSE;
  if (value[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--export needs a file name");
      return FALSE;
    }
  g_free (parse->options->export_path);
  parse->options->export_path = g_strdup (value);
  return TRUE;
}

static gboolean
on_new (const char  *option,
        const char  *value,
        gpointer     data,
        GError     **error)
{
  Parse *parse = data;

  if (!set_mode (parse, KASANE_CLI_MODE_NEW, option, error))
    return FALSE;
  if (value[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--new needs a file name");
      return FALSE;
    }
  g_free (parse->options->new_path);
  parse->options->new_path = g_strdup (value);
  return TRUE;
}

static gboolean
on_layers (const char  *option,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  Parse *parse = data;
  guint64 layers;

  if (g_ascii_string_to_unsigned (value, 10, 1, KASANE_STARTER_MAX_LAYERS, &layers, NULL))
    {
      parse->options->layers = (guint) layers;
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "bad number of layers '%s' (expected 1 to %d)", value,
               KASANE_STARTER_MAX_LAYERS);
  return FALSE;
}

static gboolean
on_view (const char  *option,
         const char  *value,
         gpointer     data,
         GError     **error)
{
  Parse *parse = data;

  if (kasane_export_view_from_string (value, &parse->options->view))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "unknown view '%s' (expected compare, stack, trend or slides)", value);
  return FALSE;
}

static gboolean
on_lang (const char  *option,
         const char  *value,
         gpointer     data,
         GError     **error)
{
  Parse *parse = data;

  if (g_strcmp0 (value, "en") == 0 || g_strcmp0 (value, "ja") == 0)
    {
      parse->options->lang = g_str_equal (value, "ja") ? "ja" : "en";
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "unknown language '%s' (expected en or ja)", value);
  return FALSE;
}

static gboolean
on_theme (const char  *option,
          const char  *value,
          gpointer     data,
          GError     **error)
{
  Parse *parse = data;

  if (kasane_theme_from_string (value, &parse->options->theme) &&
      g_strcmp0 (value, "system") != 0)
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "unknown theme '%s' (expected light, dark or contrast)", value);
  return FALSE;
}

static gboolean
on_size (const char  *option,
         const char  *value,
         gpointer     data,
         GError     **error)
{
  Parse *parse = data;

  if (parse_size (value, &parse->options->width, &parse->options->height))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "bad size '%s' (expected WIDTHxHEIGHT, each from 16 to 16384, such as "
               "1920x1080)", value);
  return FALSE;
}

static gboolean
on_scale (const char  *option,
          const char  *value,
          gpointer     data,
          GError     **error)
{
  Parse *parse = data;
  guint64 scale;

  if (g_ascii_string_to_unsigned (value, 10, 1, 8, &scale, NULL))
    {
      parse->options->scale = (guint) scale;
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "bad scale '%s' (expected 1 to 8)", value);
  return FALSE;
}

static gboolean
on_series (const char  *option,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  Parse *parse = data;

  g_clear_pointer (&parse->options->series, g_strfreev);
  parse->options->series = g_strsplit (value, ",", -1);
  return TRUE;
}

gboolean
kasane_cli_parse (int                argc,
                  char             **argv,
                  KasaneCliOptions  *options,
                  char             **error_message)
{
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Parse parse = { options, NULL };
  GOptionGroup *group;
  const GOptionEntry entries[] = {
    { "help", 'h', G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, on_mode, NULL, NULL },
    { "help-all", 0, G_OPTION_FLAG_NO_ARG | G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_CALLBACK,
      on_mode, NULL, NULL },
    { "version", 'V', G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, on_mode, NULL, NULL },
    { "check", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, on_mode, NULL, NULL },
    { "summary", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, on_mode, NULL, NULL },
    { "export", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, on_export, NULL, NULL },
    { "view", 0, 0, G_OPTION_ARG_CALLBACK, on_view, NULL, NULL },
    { "lang", 0, 0, G_OPTION_ARG_CALLBACK, on_lang, NULL, NULL },
    { "theme", 0, 0, G_OPTION_ARG_CALLBACK, on_theme, NULL, NULL },
    { "size", 0, 0, G_OPTION_ARG_CALLBACK, on_size, NULL, NULL },
    { "scale", 0, 0, G_OPTION_ARG_CALLBACK, on_scale, NULL, NULL },
    { "series", 0, 0, G_OPTION_ARG_CALLBACK, on_series, NULL, NULL },
    { "new", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, on_new, NULL, NULL },
    { "layers", 0, 0, G_OPTION_ARG_CALLBACK, on_layers, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error_message != NULL && *error_message == NULL, FALSE);

  memset (options, 0, sizeof *options);
  options->view = KASANE_EXPORT_VIEW_COMPARE;
  options->theme = KASANE_THEME_LIGHT;
  options->width = 1920;
  options->height = 1080;
  options->scale = 1;

  /* Kasane's own --help (print_help ()), in whole translatable paragraphs. */
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  group = g_option_group_new ("kasane", NULL, NULL, &parse, NULL);
  g_option_group_add_entries (group, entries);
  g_option_context_set_main_group (context, group);

  /* GOption drops "=VALUE" after an option that takes none: refuse it instead. */
  for (int i = 1; i < argc && g_strcmp0 (argv[i], "--") != 0; i++)
    {
      static const char * const flags[] = { "--help=", "--help-all=", "--version=",
                                            "--check=", "--summary=" };

      for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
        if (g_str_has_prefix (argv[i], flags[f]))
          {
            *error_message = g_strdup_printf ("kasane: option %.*s takes no value",
                                              (int) strlen (flags[f]) - 1, flags[f]);
            kasane_cli_options_clear (options);
            return FALSE;
          }
    }

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *error_message = g_strdup_printf ("kasane: %s\nTry 'kasane --help' for more information.",
                                        error->message);
      kasane_cli_options_clear (options);
      return FALSE;
    }

  if ((options->mode == KASANE_CLI_MODE_CHECK || options->mode == KASANE_CLI_MODE_SUMMARY) &&
      files == NULL)
    {
      *error_message = g_strdup_printf ("kasane: %s needs at least one FILE",
                                        options->mode == KASANE_CLI_MODE_CHECK ? "--check"
                                                                               : "--summary");
      kasane_cli_options_clear (options);
      return FALSE;
    }

  if (options->layers != 0 && options->mode != KASANE_CLI_MODE_NEW &&
      options->mode != KASANE_CLI_MODE_HELP && options->mode != KASANE_CLI_MODE_VERSION)
    {
      *error_message = g_strdup ("kasane: --layers goes with --new=FILE");
      kasane_cli_options_clear (options);
      return FALSE;
    }
  if (options->mode == KASANE_CLI_MODE_NEW && files != NULL)
    {
      *error_message = g_strdup ("kasane: --new=FILE takes no other FILE");
      kasane_cli_options_clear (options);
      return FALSE;
    }

  if (options->mode == KASANE_CLI_MODE_EXPORT)
    {
      g_autofree char *lower = g_ascii_strdown (options->export_path, -1);

      options->ledger_csv = g_str_has_suffix (lower, ".csv");
    }
  if (options->ledger_csv && (files == NULL || files[1] != NULL))
    {
      *error_message = g_strdup ("kasane: --export=OUT.csv writes the ledger of one dataset: "
                                 "give exactly one FILE");
      kasane_cli_options_clear (options);
      return FALSE;
    }

  if (options->mode == KASANE_CLI_MODE_EXPORT && !options->ledger_csv &&
      !kasane_export_format_from_path (options->export_path, &options->format))
    {
      *error_message = g_strdup_printf ("kasane: cannot tell the format of '%s' "
                                        "(expected a name ending in .png, .svg, .pdf, or .csv for a ledger)",
                                        options->export_path);
      kasane_cli_options_clear (options);
      return FALSE;
    }

  options->files = files != NULL ? g_steal_pointer (&files) : g_new0 (char *, 1);
  return TRUE;
}

char *
kasane_cli_help_text (void)
{
  /* Whole paragraphs, so a translation can rewrite them freely. */
  return g_strdup_printf ("%s\n\n%s\n\n%s\n",
           _("Usage:\n"
             "  kasane [FILE…]                open datasets (.json) or series (.csv) in a window\n"
             "  kasane --check FILE…          check files; print nothing when they are fine\n"
             "  kasane --summary FILE…        print the ledger and series of each file\n"
             "  kasane --export=OUT [FILE…]   draw a view into OUT (.png, .svg or .pdf)\n"
             "  kasane --new=FILE [--layers=N]  write a starter dataset with N layers (3)\n"
             "  kasane --export=OUT.csv FILE  write the ledger table of FILE as CSV"),
           _("Export options:\n"
             "  --view=compare|stack|trend|slides   the view to draw (compare)\n"
             "  --lang=en|ja                        the language of the picture (from the locale)\n"
             "  --size=WxH                          size in pixels, or points for SVG and PDF "
             "(1920x1080)\n"
             "  --scale=N                           pixel scale for PNG, 1 to 8 (1)\n"
             "  --theme=light|dark|contrast         the colours (light)\n"
             "  --series=ID,…                       the series a trend view shows"),
           _("Other options:\n"
             "  -h, --help                          show this help\n"
             "  -V, --version                       show the version\n"
             "\n"
             "With no FILE, the bundled AI and Ethereum datasets are used.\n"
             "Exit status: 0 success, 1 a fault in the input or a failed export, "
             "2 wrong usage."));
}

static void
print_help (FILE *out)
{
  g_autofree char *text = kasane_cli_help_text ();

  fputs (text, out);
}

static void
append_date (GString          *out,
             double            t,
             KasanePrecision   precision)
{
  KasaneDate date = { t, precision };
  g_autofree char *text = kasane_date_format_iso (&date);

  g_string_append (out, text);
}

char *
kasane_cli_summary (KasaneDataset *dataset)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (dataset != NULL, NULL);

  g_string_append_printf (out, "dataset %s (%s)\n", dataset->id,
                          dataset->path != NULL ? dataset->path : "-");

  /* A CSV file opened on its own has no layers, and prints only its series. */
  if (dataset->layers->len > 0)
    {
      g_autoptr(KasaneLedger) ledger = kasane_ledger_compute (dataset);

      for (guint i = 0; i < ledger->n_rows; i++)
        {
          KasaneLayer *layer = g_ptr_array_index (dataset->layers, i);
          const KasaneLedgerRow *row = &ledger->rows[i];

          g_string_append_printf (out, "layer %s: credit %d, debit %d, net %d, open %d\n",
                                  layer->id, row->credit, row->debit, row->net, row->open_load);
        }
      g_string_append_printf (out, "verdict: %s\n", kasane_verdict_to_string (ledger->verdict));
      /* How much the verdict depends on the judgements: K of N single changes keep it,
       * then each that flips it, in the enumeration's order. */
      {
        g_autoptr(KasaneRobustness) robustness = kasane_robustness_compute (dataset);

        if (robustness->verdict == KASANE_VERDICT_NONE)
          g_string_append (out, "robustness: none\n");
        else
          g_string_append_printf (out, "robustness: %u of %u\n", robustness->n_keep,
                                  robustness->n_changes);
        for (guint i = 0; i < robustness->changes->len; i++)
          if (kasane_robustness_flips (robustness, i))
            {
              const KasaneChange *change = &g_array_index (robustness->changes, KasaneChange, i);
              g_autofree char *what = kasane_change_describe (change, dataset);

              g_string_append_printf (out, "flip: %s: %s\n", what,
                                      kasane_verdict_to_string (change->verdict));
            }
      }
      if (dataset->claim == KASANE_CLAIM_NONE)
        g_string_append (out, "claim: none\n");
      else
        g_string_append_printf (out, "claim: %s (%s)\n", kasane_claim_to_string (dataset->claim),
                                ledger->agrees ? "agrees" : "differs");
    }

  for (guint i = 0; i < dataset->series->len; i++)
    {
      KasaneSeries *series = g_ptr_array_index (dataset->series, i);

      guint n_values = 0, first = 0, last = 0;

      /* A gap (NAN, a blank CSV cell) is not a point. */
      for (guint j = 0; j < series->n_points; j++)
        if (!isnan (series->y[j]))
          {
            if (n_values++ == 0)
              first = j;
            last = j;
          }
      g_string_append_printf (out, "series %s: %u point%s", series->id, n_values,
                              n_values == 1 ? "" : "s");
      if (n_values > 0)
        {
          g_string_append (out, ", ");
          append_date (out, series->x[first], series->precision[first]);
          g_string_append (out, " to ");
          append_date (out, series->x[last], series->precision[last]);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static gboolean
report (KasaneDiagnostics *diagnostics,
        FILE              *err)
{
  g_autofree char *text = kasane_diagnostics_format (diagnostics);

  fputs (text, err);
  return kasane_diagnostics_count_errors (diagnostics) == 0;
}

/* `kasane --export`: loads the files (or the bundled datasets), describes the picture as
 * a render request, the same as a view would, writes the file and returns the exit code
 * (0, or 1 with a message on `err`). */
static int
run_export (const KasaneCliOptions *cli,
            FILE                   *err)
{
  static const KasaneChart charts[] = {
    [KASANE_EXPORT_VIEW_COMPARE] = KASANE_CHART_COMPARE,
    [KASANE_EXPORT_VIEW_STACK] = KASANE_CHART_STACK,
    [KASANE_EXPORT_VIEW_TREND] = KASANE_CHART_TREND,
  };
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(KasaneRenderRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown_path = kasane_display_file_name (cli->export_path);
  KasaneExportOptions options;
  gboolean failed = FALSE;

  /* The ledger table of one dataset, as CSV, written whole or not at all. */
  if (cli->ledger_csv)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(KasaneDataset) dataset = kasane_session_load_path (cli->files[0], diagnostics);
      g_autofree char *csv = NULL;

      if (!report (diagnostics, err) || dataset == NULL)
        {
          fprintf (err, _("kasane: nothing was exported; “%s” is unchanged\n"), shown_path);
          return KASANE_EXIT_FAULT;
        }
      csv = kasane_ledger_to_csv (dataset, cli->lang != NULL ? cli->lang
                                                             : kasane_export_lang_from_locale ());
      if (!kasane_export_write_file (cli->export_path, csv, strlen (csv), &error))
        {
          fprintf (err, "kasane: %s\n", error->message);
          return KASANE_EXIT_FAULT;
        }
      return KASANE_EXIT_OK;
    }

  /* The deck is many pages: a PDF, never one picture that would pass for all of it. */
  if (cli->view == KASANE_EXPORT_VIEW_SLIDES && cli->format != KASANE_EXPORT_PDF)
    {
      fprintf (err, _("kasane: --view=slides writes a PDF deck, one page a slide: give a "
                      ".pdf file, such as --export=deck.pdf\n"));
      fprintf (err, _("Try 'kasane --help' for more information.\n"));
      return KASANE_EXIT_USAGE;
    }

  if (cli->files[0] == NULL)
    {
      /* The bundle is in a static library: referring to it links it in (and registers
       * it), with no GTK needed. */
      g_assert (kasane_get_resource () != NULL);
      datasets = kasane_session_load_bundled (&error);
      if (datasets == NULL)
        {
          fprintf (err, "kasane: %s\n", error->message);
          return KASANE_EXIT_FAULT;
        }
    }
  else
    {
      datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
      for (guint i = 0; cli->files[i] != NULL; i++)
        {
          g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
          KasaneDataset *dataset = kasane_session_load_path (cli->files[i], diagnostics);

          if (!report (diagnostics, err) || dataset == NULL)
            {
              if (kasane_diagnostics_count_errors (diagnostics) == 0)
                {
                  g_autofree char *shown = kasane_display_file_name (cli->files[i]);

                  fprintf (err, "%s: error: the file could not be read\n", shown);
                }
              g_clear_pointer (&dataset, kasane_dataset_unref);
              failed = TRUE;
              continue;
            }
          g_ptr_array_add (datasets, dataset);
        }
      if (failed)
        {
          fprintf (err, _("kasane: nothing was exported; “%s” is unchanged\n"), shown_path);
          return KASANE_EXIT_FAULT;
        }
    }

  /* The picture, as a view would describe it: the command line's view, size, language
   * and theme, and the default state (all layers, nothing selected, the whole time). */
  request = kasane_render_request_new (cli->view == KASANE_EXPORT_VIEW_SLIDES
                                       ? KASANE_CHART_COMPARE : charts[cli->view],
                                       (KasaneDataset * const *) datasets->pdata,
                                       datasets->len);
  g_free (request->lang);
  request->lang = g_strdup (cli->lang != NULL ? cli->lang : kasane_export_lang_from_locale ());
  request->theme = cli->theme;
  request->width = cli->width;
  request->height = cli->height;
  request->series = g_strdupv (cli->series);
  kasane_export_options_init_for_request (&options, request);
  options.view = cli->view;
  options.format = cli->format;
  options.scale = cli->scale;

  /* Trend charts the first file: a wrong --series is the user's fault, said plainly
   * before anything is drawn. */
  if (options.view == KASANE_EXPORT_VIEW_TREND && datasets->len > 0 &&
      !kasane_export_check_series (g_ptr_array_index (datasets, 0), options.series, &error))
    {
      fprintf (err, "kasane: %s\n", error->message);
      fprintf (err, _("kasane: nothing was exported; “%s” is unchanged\n"), shown_path);
      return KASANE_EXIT_FAULT;
    }

  if (!kasane_export_write ((KasaneDataset * const *) datasets->pdata, datasets->len,
                            &options, cli->export_path, &error))
    {
      fprintf (err, "kasane: %s\n", error->message);
      return KASANE_EXIT_FAULT;
    }
  return KASANE_EXIT_OK;
}

/* --new=FILE: the starter dataset, written whole and checked by loading it back.  An
 * existing file is never replaced: a starter is a beginning, not an overwrite. */
static int
run_new (const KasaneCliOptions *cli,
         FILE                   *err)
{
  g_autofree char *shown = kasane_display_file_name (cli->new_path);
  g_autoptr(GError) error = NULL;

  if (!kasane_starter_write (cli->new_path, cli->layers != 0 ? cli->layers : 3, FALSE, &error))
    {
      /* A fault in DESIGN.md's form, in English like every located fault. */
      fprintf (err, "%s: error: %s\n", shown, error->message);
      return KASANE_EXIT_FAULT;
    }
  return KASANE_EXIT_OK;
}

int
kasane_cli_run (const KasaneCliOptions *options,
                FILE                   *out,
                FILE                   *err)
{
  int status = KASANE_EXIT_OK;
  gboolean first_block = TRUE;

  g_return_val_if_fail (options != NULL, KASANE_EXIT_USAGE);

  switch (options->mode)
    {
    case KASANE_CLI_MODE_HELP:
      print_help (out);
      return KASANE_EXIT_OK;

    case KASANE_CLI_MODE_VERSION:
      fprintf (out, "kasane %s\n", PACKAGE_VERSION);
      return KASANE_EXIT_OK;

    case KASANE_CLI_MODE_EXPORT:
      return run_export (options, err);

    case KASANE_CLI_MODE_NEW:
      return run_new (options, err);

    case KASANE_CLI_MODE_CHECK:
    case KASANE_CLI_MODE_SUMMARY:
      for (guint i = 0; options->files[i] != NULL; i++)
        {
          g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
          g_autoptr(KasaneDataset) dataset = kasane_session_load_path (options->files[i],
                                                                       diagnostics);

          if (!report (diagnostics, err) || dataset == NULL)
            {
              /* A loader that failed without saying why would be a bug; say something. */
              if (kasane_diagnostics_count_errors (diagnostics) == 0)
                {
                  g_autofree char *shown = kasane_display_file_name (options->files[i]);

                  fprintf (err, "%s: error: the file could not be read\n", shown);
                }
              status = KASANE_EXIT_FAULT;
              continue;
            }

          if (options->mode == KASANE_CLI_MODE_SUMMARY)
            {
              g_autofree char *block = kasane_cli_summary (dataset);

              if (!first_block)
                fputc ('\n', out);
              fputs (block, out);
              first_block = FALSE;
            }
        }
      fflush (out);
      return status;

    case KASANE_CLI_MODE_WINDOW:
    default:
      g_return_val_if_reached (KASANE_EXIT_USAGE);
    }
}
