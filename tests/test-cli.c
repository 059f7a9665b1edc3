/* test-cli.c: the command line as a subprocess, with no display */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
source_path (const char *relative)
{
  static GPtrArray *paths;
  char *path;

  if (paths == NULL)
    paths = g_ptr_array_new ();   /* kept for the life of the test program */
  path = g_build_filename (g_getenv ("KASANE_SOURCE_ROOT"), relative, NULL);
  g_ptr_array_add (paths, path);
  return path;
}

/* Runs kasane with `args` (NULL-terminated) in the folder `cwd` (NULL: this one),
 * headless: no DISPLAY, no WAYLAND_DISPLAY. */
static void
run_kasane_in (Run         *run,
               const char  *cwd,
               const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("KASANE_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "ja", TRUE);

  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  /* A crash is never an exit code. */
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
run_kasane (Run         *run,
            const char **args)
{
  run_kasane_in (run, NULL, args);
}

static void
test_cli_version (void)
{
  g_auto(Run) run = { 0 };

  run_kasane (&run, (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "kasane " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_cli_help (void)
{
  g_auto(Run) run = { 0 };

  run_kasane (&run, (const char *[]) { "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--check"));
  g_assert_nonnull (strstr (run.out, "--summary"));
  g_assert_nonnull (strstr (run.out, "--export"));
}

static void
test_cli_usage_errors (void)
{
  static const char * const cases[][4] = {
    { "--frobnicate", NULL },
    { "--check", NULL },
    { "--summary", NULL },
    { "--check", "--summary", "x.json", NULL },
    { "--export=out.gif", NULL },
    { "--export=out.png", "--size=12x", NULL },
    { "--export=out.png", "--size=0x100", NULL },
    { "--export=out.png", "--view=pie", NULL },
    { "--export=out.png", "--theme=neon", NULL },
    { "--export=out.png", "--lang=fr", NULL },
    { "--export=out.png", "--scale=0", NULL },
    { "--check=yes", "x.json", NULL },
    { "--export", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_kasane (&run, (const char **) cases[i]);
      g_test_message ("case %u: %s → %d: %s", i, cases[i][0], run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "kasane: "));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_cli_summary_exact (void)
{
  const char *summary = source_path ("tests/fixtures/cli/summary.json");
  const char *one = source_path ("tests/fixtures/cli/one-layer.json");
  /* Worked by hand: nets +4 and +4, progression; of the 12 valid single changes none
   * flips it (dropping q still leaves l3 solving r), and "l2 mitigates q -> solves" is
   * skipped, since l3 solves q, which would no longer be open. */
  const char *steady = source_path ("tests/fixtures/cli/no-flips.json");
  g_auto(Run) run = { 0 };
  g_autofree char *expected_a = NULL, *expected_b = NULL, *expected_c = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) a = NULL, b = NULL, c = NULL;

  g_assert_true (g_file_get_contents (source_path ("tests/fixtures/cli/summary.expected"),
                                      &expected_a, NULL, NULL));
  g_assert_true (g_file_get_contents (source_path ("tests/fixtures/cli/one-layer.expected"),
                                      &expected_b, NULL, NULL));
  a = g_string_new (expected_a);
  g_assert_true (g_file_get_contents (source_path ("tests/fixtures/cli/no-flips.expected"),
                                      &expected_c, NULL, NULL));
  b = g_string_new (expected_b);
  c = g_string_new (expected_c);
  g_string_replace (a, "SUMMARY_PATH", summary, 1);
  g_string_replace (b, "ONE_PATH", one, 1);
  g_string_replace (c, "STEADY_PATH", steady, 1);
  /* Blocks in file order, separated by one blank line. */
  expected = g_strconcat (a->str, "\n", b->str, "\n", c->str, NULL);

  run_kasane (&run, (const char *[]) { "--summary", summary, one, steady, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

/* The third example (the web's protocols) checks, draws in Compare beside the other two,
 * and its slides end with its sources. */
static void
test_cli_third_example (void)
{
  const char *ai = source_path ("data/datasets/ai.json");
  const char *crypto = source_path ("data/datasets/crypto.json");
  const char *web = source_path ("data/datasets/web.json");
  g_autofree char *dir = g_dir_make_tmp ("kasane-web-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "three.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(Run) check = { 0 };
  g_auto(Run) compare = { 0 };
  g_auto(Run) deck = { 0 };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  run_kasane (&check, (const char *[]) { "--check", web, NULL });
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.out, ==, "");

  run_kasane (&compare, (const char *[]) { "--export", png, "--lang=en", ai, crypto, web, NULL });
  g_assert_cmpint (compare.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  run_kasane (&deck, (const char *[]) { "--export", pdf, "--view=slides", "--lang=en", ai, crypto,
                                        web, NULL });
  g_assert_cmpint (deck.status, ==, 0);
  g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", pdf, (char *) "-", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  /* Its title slide, and the sources slide naming where its featured series come from. */
  g_assert_nonnull (strstr (text, "HTTP/1.1"));
  g_assert_nonnull (strstr (text, "Web Almanac"));
  g_assert_nonnull (strstr (text, "retrieved 2026-11-25"));

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_cli_bundled (void)
{
  const char *ai = source_path ("data/datasets/ai.json");
  const char *crypto = source_path ("data/datasets/crypto.json");
  g_auto(Run) check = { 0 };
  g_auto(Run) summary = { 0 };
  g_autofree char *ai_block = NULL;

  run_kasane (&check, (const char *[]) { "--check", ai, crypto, NULL });
  g_assert_cmpstr (check.err, ==, "");
  g_assert_cmpstr (check.out, ==, "");
  g_assert_cmpint (check.status, ==, 0);

  /* The verdicts are whatever the rules give for the judgements in the files: the data
   * test (test-schema.py) recomputes them independently and compares them with this
   * output.  Here: each block has its ledger, verdict, robustness and claim lines in
   * DESIGN.md's order, and the claims are the files' own. */
  run_kasane (&summary, (const char *[]) { "--summary", ai, crypto, NULL });
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_true (g_str_has_prefix (summary.out, "dataset ai ("));
  ai_block = g_strndup (summary.out, strstr (summary.out, "\n\n") - summary.out);
  g_assert_nonnull (strstr (summary.out, "\n\ndataset crypto ("));
  {
    const char *blocks[] = { ai_block, strstr (summary.out, "\n\ndataset crypto (") };
    const char *claims[] = { "\nclaim: progression (", "\nclaim: migration (" };

    for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
      {
        const char *verdict = strstr (blocks[i], "\nlayer l3: ");
        const char *robustness, *claim;

        g_assert_nonnull (verdict);
        verdict = strstr (verdict, "\nverdict: ");
        g_assert_nonnull (verdict);
        robustness = strstr (verdict, "\nrobustness: ");
        claim = strstr (verdict, claims[i]);
        g_assert_nonnull (robustness);
        g_assert_nonnull (claim);
        g_assert_true (verdict < robustness && robustness < claim);
      }
  }
}

static void
test_cli_faults (void)
{
  const char *broken = source_path ("tests/fixtures/cli/broken.json");
  const char *good = source_path ("tests/fixtures/cli/one-layer.json");
  g_auto(Run) run = { 0 };
  g_auto(Run) summary = { 0 };
  g_autofree char *located = g_strdup_printf ("%s:6:", broken);
  g_autofree char *missing = g_strdup_printf ("%s: error: ", "no/such/file.json");

  run_kasane (&run, (const char *[]) { "--check", broken, good, "no/such/file.json", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  /* English whatever the locale, located, naming the file. */
  g_assert_true (g_str_has_prefix (run.err, located));
  g_assert_nonnull (strstr (run.err, ": error: "));
  g_assert_nonnull (strstr (run.err, "ghost"));
  g_assert_nonnull (strstr (run.err, missing));

  /* --summary still prints the good file's block, and fails. */
  run_kasane (&summary, (const char *[]) { "--summary", broken, good, NULL });
  g_assert_cmpint (summary.status, ==, 1);
  g_assert_true (g_str_has_prefix (summary.out, "dataset lonely ("));
  g_assert_true (g_str_has_prefix (summary.err, located));
}

static void
test_cli_many_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasane-cli-XXXXXX", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(Run) run = { 0 };
  g_autofree char *bad_line = NULL;

  g_assert_nonnull (dir);
  g_ptr_array_add (args, g_strdup ("--check"));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/d%03u.json", dir, i);
      g_autofree char *json =
        g_strdup_printf ("{\"format\": \"kasane-dataset/1\", \"id\": \"d%u\", \"title\": \"D\", "
                         "\"layers\": [{\"id\": \"l1\", \"level\": %s, \"name\": \"L\"}]}\n",
                         i, i == 123 ? "1.5" : "1");

      g_assert_true (g_file_set_contents (path, json, -1, NULL));
      g_ptr_array_add (args, g_steal_pointer (&path));
    }
  g_ptr_array_add (args, NULL);

  run_kasane (&run, (const char **) args->pdata);
  g_assert_cmpint (run.status, ==, 1);
  /* Exactly the one bad file, at its level value. */
  bad_line = g_strdup_printf ("%s/d123.json:1:", dir);
  g_assert_true (g_str_has_prefix (run.err, bad_line));
  g_assert_null (strstr (strchr (run.err, '\n') + 1, "error"));

  for (guint i = 0; i < 300; i++)
    g_remove (g_ptr_array_index (args, i + 1));
  g_rmdir (dir);
}

static void
test_cli_csv_summary (void)
{
  const char *csv = source_path ("tests/fixtures/cli/explorer.csv");
  g_auto(Run) run = { 0 };
  g_autofree char *expected =
    g_strdup_printf ("dataset explorer (%s)\n"
                     "series value-wei: 3 points, 2015-07-30 to 2015-12-01\n", csv);

  run_kasane (&run, (const char *[]) { "--summary", csv, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

/* A blank cell is a gap, not a point: N counts values, and FIRST and LAST are the first
 * and last dates that have one (DESIGN.md). */
static void
test_cli_gap_summary (void)
{
  const char *csv = source_path ("tests/fixtures/cli/gaps.csv");
  g_auto(Run) run = { 0 };
  g_autofree char *expected =
    g_strdup_printf ("dataset gaps (%s)\n"
                     "series a: 3 points, 2020-01 to 2020-03\n"
                     "series b: 2 points, 2020-02 to 2020-03\n", csv);

  run_kasane (&run, (const char *[]) { "--summary", csv, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

/* README shows a real `--summary` run: the block after the line "$ kasane --summary
 * FILE" is what kasane prints for FILE, run from the top of the source tree. */
static void
test_cli_readme_summary (void)
{
  const char *root = g_getenv ("KASANE_SOURCE_ROOT");
  const char *prompt = "\n$ kasane --summary ";
  g_autofree char *readme = NULL;
  g_autofree char *file = NULL;
  g_autofree char *shown = NULL;
  const char *start, *end;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_get_contents (source_path ("README.md"), &readme, NULL, NULL));
  start = strstr (readme, prompt);
  g_assert_nonnull (start);
  start += strlen (prompt);
  end = strchr (start, '\n');
  file = g_strndup (start, end - start);
  start = end + 1;
  end = strstr (start, "```");
  g_assert_nonnull (end);
  shown = g_strndup (start, end - start);

  run_kasane_in (&run, root, (const char *[]) { "--summary", file, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, shown);
}

/* --new=FILE writes a starter that passes --check and draws in every view; it never
 * replaces a file; --layers sets how many layers it has. */
static void
test_cli_new (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasane-cli-new-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "My Stack.kasane.json", NULL);
  g_autofree char *one = g_build_filename (dir, "one.json", NULL);
  g_autofree char *five = g_build_filename (dir, "five.json", NULL);
  g_autofree char *new_arg = g_strconcat ("--new=", path, NULL);
  g_autofree char *one_arg = g_strconcat ("--new=", one, NULL);
  g_autofree char *five_arg = g_strconcat ("--new=", five, NULL);
  g_autofree char *before = NULL, *after = NULL;
  static const char * const views[][2] = {
    { "compare", "png" }, { "stack", "svg" }, { "trend", "png" }, { "slides", "pdf" },
  };

  {
    g_auto(Run) run = { 0 };

    run_kasane (&run, (const char *[]) { new_arg, NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) check = { 0 }, summary = { 0 };

    run_kasane (&check, (const char *[]) { "--check", path, NULL });
    g_assert_cmpstr (check.err, ==, "");
    g_assert_cmpint (check.status, ==, 0);
    /* The id comes from the file name; three layers; the second solves and eases. */
    run_kasane (&summary, (const char *[]) { "--summary", path, NULL });
    g_assert_true (g_str_has_prefix (summary.out, "dataset my-stack ("));
    g_assert_nonnull (strstr (summary.out, "\nlayer l1: credit 0, debit 5, net -5, open 5\n"
                                           "layer l2: credit 4, debit 0, net 4, open 1\n"
                                           "layer l3: credit 0, debit 0, net 0, open 1\n"));
    g_assert_nonnull (strstr (summary.out, "\nseries example-measure: 3 points, 2000 to 2004\n"));
  }
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *out = g_strdup_printf ("%s/%s.%s", dir, views[v][0], views[v][1]);
      g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
      g_autofree char *view_arg = g_strconcat ("--view=", views[v][0], NULL);
      g_auto(Run) run = { 0 };

      run_kasane (&run, (const char *[]) { export_arg, view_arg, "--size=1280x720", path, NULL });
      /* (Under the sanitizers, stderr holds LeakSanitizer's report of suppressions.) */
      g_assert_null (strstr (run.err, "error"));
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
      g_remove (out);
    }

  /* An existing file is left as it was. */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  {
    g_auto(Run) run = { 0 };

    run_kasane (&run, (const char *[]) { new_arg, "--layers=2", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "exists"));
  }
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* One layer: no verdict; five: two that change nothing above the second. */
  {
    g_auto(Run) run = { 0 }, summary = { 0 };

    run_kasane (&run, (const char *[]) { one_arg, "--layers=1", NULL });
    g_assert_cmpint (run.status, ==, 0);
    run_kasane (&summary, (const char *[]) { "--summary", one, NULL });
    g_assert_nonnull (strstr (summary.out, "\nverdict: none\nrobustness: none\n"));
  }
  {
    g_auto(Run) run = { 0 }, summary = { 0 };

    run_kasane (&run, (const char *[]) { five_arg, "--layers=5", NULL });
    g_assert_cmpint (run.status, ==, 0);
    run_kasane (&summary, (const char *[]) { "--summary", five, NULL });
    g_assert_nonnull (strstr (summary.out, "\nlayer l5: credit 0, debit 0, net 0, open 1\n"));
  }

  /* Wrong usage. */
  {
    const char *bad[][3] = {
      { "--new=", NULL, NULL },
      { one_arg, "--layers=0", NULL },
      { one_arg, "--layers=101", NULL },
      { "--layers=3", NULL, NULL },
      { "--check", "--layers=3", NULL },
      { one_arg, "extra.json", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Run) run = { 0 };

        run_kasane (&run, bad[i]);
        g_assert_cmpint (run.status, ==, 2);
      }
  }
  g_remove (path);
  g_remove (one);
  g_remove (five);
  g_rmdir (dir);
}

/* --export=OUT.csv: the ledger table of one dataset, worked by hand for the summary
 * fixture; fields with a comma, a quote or a leading "=" are quoted, the "=" defused. */
static void
test_cli_ledger_csv (void)
{
  const char *fixture = source_path ("tests/fixtures/cli/summary.json");
  g_autofree char *dir = g_dir_make_tmp ("kasane-cli-csv-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "ledger.csv", NULL);
  g_autofree char *odd = g_build_filename (dir, "odd.json", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *csv = NULL;

  {
    g_auto(Run) run = { 0 };

    run_kasane (&run, (const char *[]) { export_arg, "--lang=en", fixture, NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
    g_assert_cmpstr (csv, ==,
                     "layer,level,name,credit,debit,net,open load,introduces,solves,mitigates,"
                     "worsens\r\n"
                     "base,1,Base,0,5,-5,5,Fees; Speed,,,\r\n"
                     "middle,2,Middle,3,4,-1,6,Split,Fees,,\r\n"
                     "top,3,Top,1,1,0,6,,,Speed,Split\r\n");
  }
  g_assert_true (g_file_set_contents (odd,
    "{\"format\": \"kasane-dataset/1\", \"id\": \"odd\", \"title\": \"Odd\",\n"
    " \"problems\": [{\"id\": \"p\", \"label\": \"A, \\\"B\\\"\", \"weight\": 2},\n"
    "              {\"id\": \"q\", \"label\": \"plain\", \"weight\": 1}],\n"
    " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"=sum(1)\", \"introduces\": [\"p\", \"q\"]}]}\n",
    -1, NULL));
  {
    g_auto(Run) run = { 0 };

    g_clear_pointer (&csv, g_free);
    run_kasane (&run, (const char *[]) { export_arg, "--lang=en", odd, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
    g_assert_nonnull (strstr (csv, "\r\nl1,1,\"'=sum(1)\",0,3,-3,3,\"A, \"\"B\"\"; plain\",,,\r\n"));
  }
  /* A file that does not load leaves OUT as it was. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *kept = NULL;

    run_kasane (&run, (const char *[]) { export_arg, source_path ("tests/fixtures/cli/broken.json"),
                                         NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_file_get_contents (out, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, csv);
  }
  g_remove (out);
  g_remove (odd);
  g_rmdir (dir);
}

/* A file name can hold escape sequences, newlines and bytes that are not UTF-8; printed
 * raw, it could clear the terminal or forge a line of output.  Every file name printed
 * is spelled out the way the messages spell control characters. */
static void
test_cli_escaped_file_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasane-cli-names-XXXXXX", NULL);
  const char *csv_name = "a\033[2Jb\nerror: forged.csv";
  g_autofree char *csv = g_build_filename (dir, csv_name, NULL);
  g_autofree char *dataset = g_build_filename (dir, "d.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken-\377\033.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *member = g_strescape (csv_name, NULL);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (csv, "year,v\n2020,1\n2021,zz\n", -1, NULL));
  /* g_strescape () writes \033 as octal, which JSON does not have. */
  g_assert_true (strstr (member, "\\033") != NULL);
  {
    g_autoptr(GString) escaped = g_string_new (member);

    g_string_replace (escaped, "\\033", "\\u001b", 0);
    g_free (member);
    member = g_string_free (g_steal_pointer (&escaped), FALSE);
  }
  json = g_strdup_printf ("{\"format\": \"kasane-dataset/1\", \"id\": \"x\", \"title\": \"X\","
                          " \"problems\": [{\"id\": \"p\", \"label\": \"P\", \"weight\": 2}],"
                          " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\","
                          " \"introduces\": [\"p\"]}],"
                          " \"series\": [{\"id\": \"s\", \"name\": \"S\", \"unit\": \"u\","
                          " \"csv\": \"%s\", \"column\": \"v\"}]}", member);
  g_assert_true (g_file_set_contents (dataset, json, -1, NULL));
  g_assert_true (g_file_set_contents (broken, "{", -1, NULL));

  run_kasane (&run, (const char *[]) { "--check", dataset, broken, NULL });
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_utf8_validate (run.err, -1, NULL));
  g_assert_null (strchr (run.err, '\033'));
  g_assert_nonnull (strstr (run.err, "a\\u001B[2Jb\\u000Aerror: forged.csv:3:6: error: "));
  /* Each line names its file: no line was forged by a newline in a name. */
  lines = g_strsplit (run.err, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_assert_true (g_str_has_prefix (lines[i], dir));

  g_unlink (csv);
  g_unlink (dataset);
  g_unlink (broken);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/cli/summary-exact", test_cli_summary_exact);
  g_test_add_func ("/cli/bundled", test_cli_bundled);
  g_test_add_func ("/cli/third-example", test_cli_third_example);
  g_test_add_func ("/cli/faults", test_cli_faults);
  g_test_add_func ("/cli/many-files", test_cli_many_files);
  g_test_add_func ("/cli/csv-summary", test_cli_csv_summary);
  g_test_add_func ("/cli/gap-summary", test_cli_gap_summary);
  g_test_add_func ("/cli/readme-summary", test_cli_readme_summary);
  g_test_add_func ("/cli/new", test_cli_new);
  g_test_add_func ("/cli/ledger-csv", test_cli_ledger_csv);
  g_test_add_func ("/cli/escaped-file-names", test_cli_escaped_file_names);

  return g_test_run ();
}
