#define G_LOG_DOMAIN "kasane-cli"

#include "config.h"

#include "kasane-cli.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kasane-export.h"
#include "kasane-ledger.h"
#include "kasane-session.h"

static const char * const langs[] = { "en", "ja", NULL };

void
kasane_cli_options_clear (KasaneCliOptions *options)
{
  g_clear_pointer (&options->export_path, g_free);
  g_clear_pointer (&options->view, g_free);
  g_clear_pointer (&options->lang, g_free);
  g_clear_pointer (&options->theme, g_free);
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

static gboolean
set_mode (KasaneCliOptions *options,
          KasaneCliMode     mode,
          const char       *option,
          char            **error_message)
{
  /* --help and --version win over everything else, as users expect. */
  if (options->mode == KASANE_CLI_MODE_HELP || options->mode == KASANE_CLI_MODE_VERSION)
    return TRUE;
  if (mode == KASANE_CLI_MODE_HELP || mode == KASANE_CLI_MODE_VERSION)
    {
      options->mode = mode;
      return TRUE;
    }
  if (options->mode != KASANE_CLI_MODE_WINDOW && options->mode != mode)
    {
      *error_message = g_strdup_printf ("kasane: %s cannot be combined with another mode "
                                        "(--check, --summary, --export)", option);
      return FALSE;
    }
  options->mode = mode;
  return TRUE;
}

gboolean
kasane_cli_parse (int                argc,
                  char             **argv,
                  KasaneCliOptions  *options,
                  char             **error_message)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  gboolean only_files = FALSE;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error_message != NULL && *error_message == NULL, FALSE);

  memset (options, 0, sizeof *options);
  options->width = 1920;
  options->height = 1080;
  options->scale = 1;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *name = NULL;
      const char *value = NULL;
      const char *eq;

      if (only_files || arg[0] != '-' || strcmp (arg, "-") == 0)
        {
          g_ptr_array_add (files, g_strdup (arg));
          continue;
        }
      if (strcmp (arg, "--") == 0)
        {
          only_files = TRUE;
          continue;
        }

      eq = strchr (arg, '=');
      name = eq != NULL ? g_strndup (arg, eq - arg) : g_strdup (arg);
      if (eq != NULL)
        value = eq + 1;

#define NEEDS_VALUE()                                                                  \
      G_STMT_START {                                                                   \
        if (value == NULL)                                                             \
          {                                                                            \
            if (i + 1 >= argc)                                                         \
              {                                                                        \
                *error_message = g_strdup_printf ("kasane: option %s needs a value", name); \
                return FALSE;                                                          \
              }                                                                        \
            value = argv[++i];                                                         \
          }                                                                            \
      } G_STMT_END
#define TAKES_NO_VALUE()                                                               \
      G_STMT_START {                                                                   \
        if (value != NULL)                                                             \
          {                                                                            \
            *error_message = g_strdup_printf ("kasane: option %s takes no value", name); \
            return FALSE;                                                              \
          }                                                                            \
      } G_STMT_END

      if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 ||
          strcmp (name, "--help-all") == 0)
        {
          TAKES_NO_VALUE ();
          set_mode (options, KASANE_CLI_MODE_HELP, name, error_message);
        }
      else if (strcmp (name, "--version") == 0 || strcmp (name, "-V") == 0)
        {
          TAKES_NO_VALUE ();
          set_mode (options, KASANE_CLI_MODE_VERSION, name, error_message);
        }
      else if (strcmp (name, "--check") == 0)
        {
          TAKES_NO_VALUE ();
          if (!set_mode (options, KASANE_CLI_MODE_CHECK, name, error_message))
            return FALSE;
        }
      else if (strcmp (name, "--summary") == 0)
        {
          TAKES_NO_VALUE ();
          if (!set_mode (options, KASANE_CLI_MODE_SUMMARY, name, error_message))
            return FALSE;
        }
      else if (strcmp (name, "--export") == 0)
        {
          NEEDS_VALUE ();
          if (!set_mode (options, KASANE_CLI_MODE_EXPORT, name, error_message))
            return FALSE;
          if (value[0] == '\0')
            {
              *error_message = g_strdup ("kasane: --export needs a file name");
              return FALSE;
            }
          g_free (options->export_path);
          options->export_path = g_strdup (value);
        }
      else if (strcmp (name, "--view") == 0)
        {
          KasaneExportView view;

          NEEDS_VALUE ();
          if (!kasane_export_view_from_string (value, &view))
            {
              *error_message = g_strdup_printf ("kasane: unknown view '%s' "
                                                "(expected compare, stack, trend or slides)",
                                                value);
              return FALSE;
            }
          g_free (options->view);
          options->view = g_strdup (value);
        }
      else if (strcmp (name, "--lang") == 0)
        {
          NEEDS_VALUE ();
          if (!g_strv_contains (langs, value))
            {
              *error_message = g_strdup_printf ("kasane: unknown language '%s' (expected en or ja)",
                                                value);
              return FALSE;
            }
          g_free (options->lang);
          options->lang = g_strdup (value);
        }
      else if (strcmp (name, "--theme") == 0)
        {
          KasaneTheme theme;

          NEEDS_VALUE ();
          if (!kasane_theme_from_string (value, &theme))
            {
              *error_message = g_strdup_printf ("kasane: unknown theme '%s' "
                                                "(expected light, dark or contrast)", value);
              return FALSE;
            }
          g_free (options->theme);
          options->theme = g_strdup (value);
        }
      else if (strcmp (name, "--size") == 0)
        {
          NEEDS_VALUE ();
          if (!parse_size (value, &options->width, &options->height))
            {
              *error_message = g_strdup_printf ("kasane: bad size '%s' (expected WIDTHxHEIGHT, "
                                                "each from 16 to 16384, such as 1920x1080)",
                                                value);
              return FALSE;
            }
        }
      else if (strcmp (name, "--scale") == 0)
        {
          guint64 scale;

          NEEDS_VALUE ();
          if (!g_ascii_string_to_unsigned (value, 10, 1, 8, &scale, NULL))
            {
              *error_message = g_strdup_printf ("kasane: bad scale '%s' (expected 1 to 8)", value);
              return FALSE;
            }
          options->scale = (guint) scale;
        }
      else if (strcmp (name, "--series") == 0)
        {
          NEEDS_VALUE ();
          g_clear_pointer (&options->series, g_strfreev);
          options->series = g_strsplit (value, ",", -1);
        }
      else
        {
          *error_message = g_strdup_printf ("kasane: unknown option '%s'\n"
                                            "Try 'kasane --help' for more information.", arg);
          return FALSE;
        }
#undef NEEDS_VALUE
#undef TAKES_NO_VALUE
    }

  if ((options->mode == KASANE_CLI_MODE_CHECK || options->mode == KASANE_CLI_MODE_SUMMARY) &&
      files->len == 0)
    {
      *error_message = g_strdup_printf ("kasane: %s needs at least one FILE",
                                        options->mode == KASANE_CLI_MODE_CHECK ? "--check"
                                                                               : "--summary");
      return FALSE;
    }

  if (options->mode == KASANE_CLI_MODE_EXPORT &&
      !kasane_export_format_from_path (options->export_path, NULL))
    {
      *error_message = g_strdup_printf ("kasane: cannot tell the format of '%s' "
                                        "(expected a name ending in .png, .svg or .pdf)",
                                        options->export_path);
      return FALSE;
    }

  if (options->view == NULL)
    options->view = g_strdup ("compare");
  if (options->theme == NULL)
    options->theme = g_strdup ("light");
  g_ptr_array_add (files, NULL);
  options->files = (GStrv) g_ptr_array_steal (files, NULL);
  return TRUE;
}

static void
print_help (FILE *out)
{
  /* Whole paragraphs, so a translation can rewrite them freely. */
  fprintf (out, "%s\n\n%s\n\n%s\n",
           _("Usage:\n"
             "  kasane [FILE…]                open datasets (.json) or series (.csv) in a window\n"
             "  kasane --check FILE…          check files; print nothing when they are fine\n"
             "  kasane --summary FILE…        print the ledger and series of each file\n"
             "  kasane --export=OUT [FILE…]   draw a view into OUT (.png, .svg or .pdf)"),
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
      if (dataset->claim == KASANE_CLAIM_NONE)
        g_string_append (out, "claim: none\n");
      else
        g_string_append_printf (out, "claim: %s (%s)\n", kasane_claim_to_string (dataset->claim),
                                ledger->agrees ? "agrees" : "differs");
    }

  for (guint i = 0; i < dataset->series->len; i++)
    {
      KasaneSeries *series = g_ptr_array_index (dataset->series, i);

      g_string_append_printf (out, "series %s: %u points", series->id, series->n_points);
      if (series->n_points > 0)
        {
          guint last = series->n_points - 1;

          g_string_append (out, ", ");
          append_date (out, series->x[0], series->precision[0]);
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
      return kasane_export_run_cli (options, err);

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
                fprintf (err, "%s: error: the file could not be read\n", options->files[i]);
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
