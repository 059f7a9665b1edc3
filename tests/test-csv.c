/* test-csv.c: the CSV loader on the files people really download
 *
 * Fixtures live in tests/fixtures/csv/; small edge cases are parsed from strings.  Every
 * test checks values, dates and the exact place of each fault, not just success.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "kasane-csv.h"
#include "kasane-load-progress.h"
#include "kasane-loader.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
}

static GPtrArray *
parse_fixture (const char        *name,
               KasaneDiagnostics *diagnostics)
{
  g_autofree char *path = fixture_path (name);

  return kasane_csv_parse_file (path, NULL, diagnostics);
}

static GPtrArray *
parse_string (const char        *text,
              KasaneDiagnostics *diagnostics)
{
  return kasane_csv_parse (text, strlen (text), "test.csv", diagnostics);
}

static KasaneSeries *
series_at (GPtrArray *series,
           guint      index)
{
  g_assert_nonnull (series);
  g_assert_cmpuint (index, <, series->len);
  return g_ptr_array_index (series, index);
}

static void
assert_x (KasaneSeries *series,
          guint         index,
          const char   *expected)
{
  KasaneDate date;
  g_autofree char *text = NULL;

  g_assert_cmpuint (index, <, series->n_points);
  date.t = series->x[index];
  date.precision = series->precision[index];
  text = kasane_date_format_iso (&date);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_y (KasaneSeries *series,
          guint         index,
          double        expected)
{
  g_assert_cmpuint (index, <, series->n_points);
  if (isnan (expected))
    g_assert_true (isnan (series->y[index]));
  else
    g_assert_cmpfloat (series->y[index], ==, expected);
}

/* The series shape every CSV series shares. */
static void
assert_plain_series (KasaneSeries *series,
                     const char   *id,
                     const char   *name,
                     guint         n_points)
{
  g_assert_cmpstr (series->id, ==, id);
  g_assert_cmpstr (series->name.en, ==, name);
  g_assert_null (series->name.ja);
  g_assert_cmpstr (series->unit, ==, "");
  g_assert_null (series->source);
  g_assert_cmpint (series->layer, ==, -1);
  g_assert_cmpint (series->kind, ==, KASANE_KIND_LINE);
  g_assert_cmpint (series->scale, ==, KASANE_SCALE_LINEAR);
  g_assert_null (series->labels);
  g_assert_cmpuint (series->n_points, ==, n_points);
}

static void
assert_no_diagnostics (KasaneDiagnostics *diagnostics)
{
  if (kasane_diagnostics_get_n_items (diagnostics) > 0)
    {
      g_autofree char *text = kasane_diagnostics_format (diagnostics);

      g_error ("unexpected diagnostics:\n%s", text);
    }
}

/* Exactly one diagnostic, an error, at line:column, whose message holds `fragment`. */
static void
assert_one_error (KasaneDiagnostics *diagnostics,
                  guint              line,
                  guint              column,
                  const char        *fragment)
{
  const KasaneDiagnostic *diagnostic;

  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 1);
  diagnostic = kasane_diagnostics_get (diagnostics, 0);
  g_assert_cmpint (diagnostic->severity, ==, KASANE_SEVERITY_ERROR);
  g_assert_cmpuint (diagnostic->line, ==, line);
  g_assert_cmpuint (diagnostic->column, ==, column);
  if (strstr (diagnostic->message, fragment) == NULL)
    g_error ("message \"%s\" lacks \"%s\"", diagnostic->message, fragment);
}

static void
test_block_explorer (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("etherscan-gasprice.csv", diagnostics);
  KasaneSeries *wei;

  assert_no_diagnostics (diagnostics);
  /* The UnixTimeStamp column repeats the date: dropped, not plotted. */
  g_assert_cmpuint (series->len, ==, 1);
  wei = series_at (series, 0);
  assert_plain_series (wei, "value-wei", "Value (Wei)", 6);
  g_assert_false (wei->numeric_x);
  assert_x (wei, 0, "2015-07-30");
  assert_x (wei, 1, "2015-07-31");
  assert_x (wei, 2, "2015-08-01");
  assert_x (wei, 5, "2015-08-09");
  g_assert_cmpfloat (wei->x[0], ==, 1438214400);
  g_assert_cmpint (wei->precision[0], ==, KASANE_PRECISION_DAY);
  assert_y (wei, 0, 0);
  assert_y (wei, 3, 609310781372);
  assert_y (wei, 5, 65046593210);
}

static void
test_load_dataset (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *path = fixture_path ("etherscan-gasprice.csv");
  g_autoptr(KasaneDataset) dataset = kasane_csv_load_dataset (path, diagnostics);
  g_autoptr(KasaneDataset) missing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  g_assert_nonnull (dataset);
  g_assert_cmpstr (dataset->id, ==, "etherscan-gasprice");
  g_assert_cmpstr (dataset->title.en, ==, "etherscan-gasprice.csv");
  g_assert_cmpstr (dataset->path, ==, path);
  g_assert_cmpuint (dataset->layers->len, ==, 0);
  g_assert_cmpuint (dataset->series->len, ==, 1);
  g_assert_cmpstr (((KasaneSeries *) g_ptr_array_index (dataset->series, 0))->id, ==,
                   "value-wei");

  /* No file: a fault with no place. */
  missing = kasane_csv_load_dataset ("/nonexistent/kasane/x.csv", diagnostics);
  g_assert_null (missing);
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 1);
  message = kasane_diagnostic_format (kasane_diagnostics_get (diagnostics, 0));
  g_assert_true (g_str_has_prefix (message, "/nonexistent/kasane/x.csv: error: cannot read: "));

  /* A folder is not read either. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  text = g_path_get_dirname (path);
  g_assert_null (kasane_csv_parse_file (text, NULL, diagnostics));
  assert_one_error (diagnostics, 0, 0, "cannot read: ");
}

static void
test_too_large (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  int fd = g_file_open_tmp ("kasane-large-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  /* A sparse file: refused by its size, never read. */
  g_assert_cmpint (ftruncate (fd, (off_t) KASANE_MAX_CSV_SIZE + 1), ==, 0);
  close (fd);
  g_assert_null (kasane_csv_parse_file (path, NULL, diagnostics));
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 1);
  message = kasane_diagnostic_format (kasane_diagnostics_get (diagnostics, 0));
  g_assert_true (g_str_has_prefix (message, path));
  g_assert_nonnull (strstr (message, ": error: file is too large"));
  g_unlink (path);
}

static void
test_bom (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("bom.csv", diagnostics);
  KasaneSeries *value;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 1);
  value = series_at (series, 0);
  assert_plain_series (value, "value", "value", 2);
  assert_x (value, 0, "2024-01-01");
  assert_y (value, 0, 1.5);
  assert_y (value, 1, 2.5);
}

static void
check_utf16 (const char *name)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture (name, diagnostics);
  KasaneSeries *price;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 1);
  price = series_at (series, 0);
  /* No ASCII letter or digit in the header: the id falls back to the column. */
  assert_plain_series (price, "column-2", "価格 (円)", 2);
  assert_x (price, 0, "2024-03-13");
  assert_x (price, 1, "2024-03-14");
  assert_y (price, 0, 1500);
  assert_y (price, 1, 1480.5);
}

static void
test_utf16le (void)
{
  check_utf16 ("utf16le.csv");
}

static void
test_utf16be (void)
{
  check_utf16 ("utf16be.csv");
}

static void
test_not_utf8 (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("latin1.csv", diagnostics);
  g_autoptr(GPtrArray) odd = NULL;

  g_assert_null (series);
  /* "2024-01-02,caf" is 14 characters: the é byte is the 15th. */
  assert_one_error (diagnostics, 3, 15, "not UTF-8");
  g_assert_cmpint (kasane_diagnostics_get (diagnostics, 0)->code, ==,
                   KASANE_DATASET_ERROR_ENCODING);

  /* Characters, not bytes: "é" before the bad byte is one column. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date,é\xff\n", diagnostics));
  assert_one_error (diagnostics, 1, 7, "not UTF-8");

  /* A UTF-16 BOM with an odd byte count. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  odd = kasane_csv_parse ("\xff\xfe" "a\0,\0b", 7, "odd.csv", diagnostics);
  g_assert_null (odd);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, 1);
  g_assert_nonnull (strstr (kasane_diagnostics_get (diagnostics, 0)->message, "not UTF-8"));

  /* A NUL byte is not text. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (kasane_csv_parse ("date,v\n2024-01-01,\0" "1\n", 20, "nul.csv", diagnostics));
  assert_one_error (diagnostics, 2, 12, "NUL");
}

static void
test_semicolon (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("semicolon.csv", diagnostics);
  KasaneSeries *price, *amount;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 2);
  price = series_at (series, 0);
  amount = series_at (series, 1);
  assert_plain_series (price, "preis", "Preis (€)", 3);
  assert_plain_series (amount, "menge", "Menge", 3);
  assert_y (price, 0, 1.5);
  assert_y (price, 1, -2.25);
  assert_y (price, 2, 150);
  assert_y (amount, 1, 4.75);
  assert_x (amount, 2, "2024-01-03");

  /* Both decimal marks in one ';' file: "1.234" may be a thousand, not one. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date;v\n2024-01-01;1,5\n2024-01-02;1.234\n", diagnostics));
  assert_one_error (diagnostics, 3, 12, "line 2 uses ','");

  /* With ',' as the separator a comma inside a number is a thousands separator: refused. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date,v\n2024-01-01,\"1,234.5\"\n", diagnostics));
  assert_one_error (diagnostics, 2, 12, "thousands separators are not accepted");

  /* … and so is a '.' group with a decimal comma. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date;v\n2024-01-01;1.234,5\n", diagnostics));
  assert_one_error (diagnostics, 2, 12, "expected a number, got \"1.234,5\"");
}

static void
test_tab (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("tab.tsv", diagnostics);

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 2);
  assert_plain_series (series_at (series, 0), "cpu", "cpu", 2);
  assert_plain_series (series_at (series, 1), "memory", "memory", 2);
  assert_y (series_at (series, 0), 0, 12.5);
  assert_y (series_at (series, 1), 1, 2048);
  assert_x (series_at (series, 1), 1, "2024-01-02");
}

static void
test_quoted (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("quoted.csv", diagnostics);

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 3);
  assert_plain_series (series_at (series, 0), "price-usd", "Price, USD", 2);
  assert_plain_series (series_at (series, 1), "he-said-hi", "He said \"hi\"", 2);
  assert_plain_series (series_at (series, 2), "multi-line", "Multi\nline", 2);
  assert_x (series_at (series, 0), 1, "2024-01-02");
  assert_y (series_at (series, 0), 1, 2.5);
  assert_y (series_at (series, 1), 0, 2);
  assert_y (series_at (series, 1), 1, NAN);
  assert_y (series_at (series, 2), 1, 4);

  /* The header spans lines 1–2: a fault on the next row is on line 4. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date,\"a\nb\"\n2024-01-01,1\n2024-01-02,x\n", diagnostics));
  assert_one_error (diagnostics, 4, 12, "expected a number, got \"x\"");

  /* Text after a closing quote is malformed. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date,v\n2024-01-01,\"1\"2\n", diagnostics));
  assert_one_error (diagnostics, 2, 15, "after a closing quote");
}

static void
test_crlf (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("crlf.csv", diagnostics);
  g_autoptr(GPtrArray) no_newline = NULL;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 1);
  /* The trailing empty lines are not rows. */
  assert_plain_series (series_at (series, 0), "value", "value", 2);
  assert_y (series_at (series, 0), 1, 2);

  /* No final newline, and a lone CR (old Mac files). */
  no_newline = parse_string ("date,value\r2024-01-01,1\r2024-01-02,2", diagnostics);
  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series_at (no_newline, 0)->n_points, ==, 2);
  assert_y (series_at (no_newline, 0), 1, 2);
}

static void
test_day_month (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("dm.csv", diagnostics);
  KasaneSeries *value;

  assert_no_diagnostics (diagnostics);
  value = series_at (series, 0);
  /* 13/2/2024 on row 2 makes the whole column D/M, row 1 included. */
  assert_x (value, 0, "2024-02-01");
  assert_x (value, 1, "2024-02-13");
  assert_x (value, 2, "2024-03-05");
}

static void
test_month_day (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("md.csv", diagnostics);
  KasaneSeries *value;

  assert_no_diagnostics (diagnostics);
  value = series_at (series, 0);
  assert_x (value, 0, "2024-01-02");
  assert_x (value, 1, "2024-02-13");
  assert_x (value, 2, "2024-03-05");
}

static void
test_ambiguous (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("ambiguous.csv", diagnostics);
  const KasaneDiagnostic *warning;
  KasaneSeries *value;

  g_assert_nonnull (series);
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 1);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, 0);
  warning = kasane_diagnostics_get (diagnostics, 0);
  g_assert_cmpint (warning->severity, ==, KASANE_SEVERITY_WARNING);
  g_assert_cmpuint (warning->line, ==, 1);
  g_assert_cmpuint (warning->column, ==, 1);
  g_assert_nonnull (strstr (warning->message, "M/D/YYYY"));
  value = series_at (series, 0);
  assert_x (value, 0, "2024-01-02");
  assert_x (value, 1, "2024-03-04");
  assert_x (value, 2, "2024-12-11");
}

static void
test_contradictory (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("contradictory.csv", diagnostics);

  g_assert_null (series);
  /* 13/1 (line 2) can only be D/M; 1/13 (line 4) can only be M/D. */
  assert_one_error (diagnostics, 4, 1, "fits neither order");
  g_assert_nonnull (strstr (kasane_diagnostics_get (diagnostics, 0)->message, "line 2"));
}

static void
test_unreal_date (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("unreal.csv", diagnostics);

  g_assert_null (series);
  assert_one_error (diagnostics, 3, 1, "\"2/30/2023\" is not a real date");

  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date,v\n2023-01-01,1\n2023-02-29,2\n", diagnostics));
  assert_one_error (diagnostics, 3, 1, "\"2023-02-29\" is not a real date");

  /* A D/M column: 30/2 is no more real than 2/30. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date,v\n13/1/2023,1\n30/2/2023,2\n", diagnostics));
  assert_one_error (diagnostics, 3, 1, "not a real date");
}

static void
test_iso_forms (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series =
    parse_string ("when,v\n2024-03-13T12:30:00Z,1\n2024-03,2\n2024-03-13 08:00:00,3\n"
                  "7/30/2015 13:05,4\n", diagnostics);
  KasaneSeries *v;

  assert_no_diagnostics (diagnostics);
  v = series_at (series, 0);
  /* Sorted by x, stably. */
  assert_x (v, 0, "2015-07-30T13:05:00Z");
  assert_x (v, 1, "2024-03");
  assert_x (v, 2, "2024-03-13T08:00:00Z");
  assert_x (v, 3, "2024-03-13T12:30:00Z");
  assert_y (v, 0, 4);
  assert_y (v, 1, 2);
  assert_y (v, 2, 3);
  assert_y (v, 3, 1);
}

static void
test_unix_seconds (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("unix-seconds.csv", diagnostics);
  KasaneSeries *price;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 1);
  price = series_at (series, 0);
  assert_plain_series (price, "price", "price", 3);
  g_assert_false (price->numeric_x);
  g_assert_cmpfloat (price->x[0], ==, 1700000000);
  g_assert_cmpint (price->precision[0], ==, KASANE_PRECISION_SECOND);
  assert_x (price, 0, "2023-11-14T22:13:20Z");
  assert_x (price, 2, "2023-11-15T00:13:20Z");
  assert_y (price, 2, 36950.25);
}

static void
test_unix_milliseconds (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("unix-ms.csv", diagnostics);
  KasaneSeries *price;

  assert_no_diagnostics (diagnostics);
  price = series_at (series, 0);
  g_assert_cmpfloat (price->x[1], ==, 1700086400);
  /* Whole days apart from a non-midnight start: still seconds precision. */
  g_assert_cmpint (price->precision[1], ==, KASANE_PRECISION_SECOND);
  assert_x (price, 1, "2023-11-15T22:13:20Z");

  /* Midnight timestamps read as days. */
  g_ptr_array_unref (g_steal_pointer (&series));
  series = parse_string ("UnixTimeStamp,v\n1438214400000,1\n1438300800000,2\n", diagnostics);
  assert_no_diagnostics (diagnostics);
  g_assert_cmpint (series_at (series, 0)->precision[0], ==, KASANE_PRECISION_DAY);
  assert_x (series_at (series, 0), 1, "2015-07-31");

  /* A non-integer timestamp is a fault in the time column. */
  g_ptr_array_unref (g_steal_pointer (&series));
  series = parse_string ("timestamp,v\n1438214400,1\n1438300800.5,2\n", diagnostics);
  g_assert_null (series);
  assert_one_error (diagnostics, 3, 1, "Unix timestamp");
}

static void
test_numeric_x (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("numeric.csv", diagnostics);
  KasaneSeries *runtime;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 2);
  runtime = series_at (series, 0);
  assert_plain_series (runtime, "runtime", "runtime", 4);
  g_assert_true (runtime->numeric_x);
  g_assert_cmpint (runtime->precision[0], ==, KASANE_PRECISION_NUMBER);
  /* Sorted: 1, 2, 3, 4. */
  g_assert_cmpfloat (runtime->x[2], ==, 3);
  g_assert_cmpfloat (runtime->x[3], ==, 4);
  assert_y (runtime, 2, 1.75);
  assert_y (runtime, 3, 2.5);
  assert_x (runtime, 0, "1");
  assert_y (series_at (series, 1), 3, 40);
}

static void
test_owid_one_value (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("owid-one.csv", diagnostics);
  KasaneSeries *japan, *world;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 2);
  japan = series_at (series, 0);
  world = series_at (series, 1);
  assert_plain_series (japan, "japan", "Japan", 3);
  assert_plain_series (world, "world", "World", 2);
  g_assert_cmpint (japan->precision[0], ==, KASANE_PRECISION_YEAR);
  assert_x (japan, 0, "1990");
  assert_x (japan, 2, "2020");
  assert_y (japan, 1, 29.99);
  assert_x (world, 1, "2020");
  assert_y (world, 1, 59.3);
}

static void
test_owid_two_values (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("owid-two.csv", diagnostics);
  KasaneSeries *france_cases, *france_deaths, *italy_cases, *italy_deaths;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 4);
  france_cases = series_at (series, 0);
  france_deaths = series_at (series, 1);
  italy_cases = series_at (series, 2);
  italy_deaths = series_at (series, 3);
  assert_plain_series (france_cases, "france-daily-cases", "France: Daily cases", 3);
  assert_plain_series (france_deaths, "france-daily-deaths", "France: Daily deaths", 3);
  assert_plain_series (italy_cases, "italy-daily-cases", "Italy: Daily cases", 2);
  assert_plain_series (italy_deaths, "italy-daily-deaths", "Italy: Daily deaths", 2);
  assert_x (france_cases, 2, "2020-03-03");
  assert_y (france_cases, 1, NAN);
  assert_y (france_cases, 2, 191);
  assert_y (france_deaths, 2, 4);
  assert_y (italy_cases, 1, 1694);
  assert_y (italy_deaths, 0, 29);

  /* Years out of range are faults, not silent. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("Entity,Code,Year,v\nWorld,,-10000,1\n", diagnostics));
  assert_one_error (diagnostics, 2, 8, "year -10000 is out of range");

  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("Entity,Code,Year,v\n,,2000,1\n", diagnostics));
  assert_one_error (diagnostics, 2, 1, "missing entity name");
}

static void
test_gaps (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("gaps.csv", diagnostics);
  KasaneSeries *a, *b;

  assert_no_diagnostics (diagnostics);
  a = series_at (series, 0);
  b = series_at (series, 1);
  assert_plain_series (a, "a", "a", 3);
  assert_plain_series (b, "b", "b", 3);
  assert_y (a, 0, 1);
  assert_y (a, 1, NAN);
  assert_y (a, 2, 3);
  assert_y (b, 0, NAN);
  assert_y (b, 1, 5);
}

static void
test_all_blank_column (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series =
    parse_string ("date,empty,v\n2024-01-01,,1\n2024-01-02, ,2\n2024-01-03,\"\",3\n",
                  diagnostics);
  KasaneSeries *empty;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 2);
  empty = series_at (series, 0);
  /* Kept, as a series of gaps: one series per column. */
  assert_plain_series (empty, "empty", "empty", 3);
  for (guint i = 0; i < 3; i++)
    assert_y (empty, i, NAN);
  assert_y (series_at (series, 1), 2, 3);
}

static void
test_bad_cell (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("bad-cell.csv", diagnostics);
  g_autofree char *formatted = NULL;
  /* Not numbers either: inf, nan, hex, a percent, out of range, grouped digits. */
  const char *bad[] = { "inf", "NaN", "0x10", "5%", "1e999", "--1", "1e", ".", "1 000" };

  g_assert_null (series);
  assert_one_error (diagnostics, 3, 12, "expected a number, got \"12abc\"");
  formatted = kasane_diagnostic_format (kasane_diagnostics_get (diagnostics, 0));
  g_assert_true (g_str_has_suffix (formatted,
                                   "bad-cell.csv:3:12: error: expected a number, got \"12abc\""));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("date,v\n2024-01-01,%s\n", bad[i]);

      g_clear_pointer (&diagnostics, kasane_diagnostics_free);
      diagnostics = kasane_diagnostics_new ();
      g_assert_null (parse_string (text, diagnostics));
      assert_one_error (diagnostics, 2, 12, bad[i]);
    }
}

static void
test_numbers (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series =
    parse_string ("x,v\n1,+3\n2,-0.5\n3,1e3\n4,2.5E-3\n5,0.1\n6,123456789012345678901234\n"
                  "7,.5\n8,5.\n9, 42 \n10,0.30000000000000004\n11,9007199254740993\n",
                  diagnostics);
  KasaneSeries *v;

  assert_no_diagnostics (diagnostics);
  v = series_at (series, 0);
  assert_y (v, 0, 3);
  assert_y (v, 1, -0.5);
  assert_y (v, 2, 1000);
  assert_y (v, 3, 2.5e-3);
  assert_y (v, 4, 0.1);
  assert_y (v, 5, 123456789012345678901234.0);
  assert_y (v, 6, 0.5);
  assert_y (v, 7, 5);
  assert_y (v, 8, 42);
  /* Correctly rounded, as strtod would. */
  assert_y (v, 9, g_ascii_strtod ("0.30000000000000004", NULL));
  assert_y (v, 10, g_ascii_strtod ("9007199254740993", NULL));
}

static void
test_ragged (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("ragged.csv", diagnostics);
  const KasaneDiagnostic *fewer, *more;

  g_assert_null (series);
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 2);
  fewer = kasane_diagnostics_get (diagnostics, 0);
  more = kasane_diagnostics_get (diagnostics, 1);
  /* Too few: where the missing field would start; too many: the first extra one. */
  g_assert_cmpuint (fewer->line, ==, 3);
  g_assert_cmpuint (fewer->column, ==, 11);
  g_assert_cmpstr (fewer->message, ==, "row has 1 field, but the header has 2");
  g_assert_cmpuint (more->line, ==, 4);
  g_assert_cmpuint (more->column, ==, 14);
  g_assert_cmpstr (more->message, ==, "row has 3 fields, but the header has 2");
}

static void
test_unterminated (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("unterminated.csv", diagnostics);

  g_assert_null (series);
  assert_one_error (diagnostics, 3, 12, "never closed");
}

static void
test_header_only (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_fixture ("header-only.csv", diagnostics);

  g_assert_null (series);
  assert_one_error (diagnostics, 1, 1, "no data rows");

  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (kasane_csv_parse ("\xef\xbb\xbf\n\n", 5, "empty.csv", diagnostics));
  assert_one_error (diagnostics, 3, 1, "file is empty");

  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  g_assert_null (parse_string ("date\n2024-01-01\n", diagnostics));
  assert_one_error (diagnostics, 1, 1, "no value column");
}

static void
test_make_id (void)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct
  {
    const char *header;
    guint       column;
    const char *expected;
  } cases[] = {
    { "Value (Wei)", 3, "value-wei" },
    { "%", 2, "column-2" },
    { "", 5, "column-5" },
    { "  Daily  cases -- 7d avg  ", 4, "daily-cases-7d-avg" },
    { "価格 USD", 6, "usd" },
    { "Value (Wei)", 7, "value-wei-2" },
    { "value wei", 8, "value-wei-3" },
    { "value-wei-2", 9, "value-wei-2-2" },
    { "Column 2", 10, "column-2-2" },
    { "%%", 2, "column-2-3" },
  };
  g_autofree char *long_header = g_strnfill (100, 'a');
  g_autofree char *long_id = NULL;
  g_autofree char *long_id2 = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = kasane_csv_make_id (cases[i].header, cases[i].column, taken);

      g_assert_cmpstr (id, ==, cases[i].expected);
      g_assert_true (g_hash_table_contains (taken, id));
    }
  {
    /* The ids, not the next-suffix notes kept beside them. */
    GHashTableIter iter;
    gpointer key;
    guint n_ids = 0;

    g_hash_table_iter_init (&iter, taken);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      n_ids += ((const char *) key)[0] != '\001';
    g_assert_cmpuint (n_ids, ==, G_N_ELEMENTS (cases));
  }

  /* Thousands of headers that make one id: each gets the next suffix (this took
   * quadratic time: 16,000 such columns, 32 s). */
  {
    g_autoptr(GHashTable) many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 1; i <= 5000; i++)
      {
        g_autofree char *id = kasane_csv_make_id ("Same", i, many);
        g_autofree char *expected = i == 1 ? g_strdup ("same") : g_strdup_printf ("same-%u", i);

        g_assert_cmpstr (id, ==, expected);
      }
  }

  /* Ids stay within 64 characters, suffix included. */
  long_id = kasane_csv_make_id (long_header, 1, taken);
  long_id2 = kasane_csv_make_id (long_header, 2, taken);
  g_assert_cmpuint (strlen (long_id), ==, 64);
  g_assert_cmpuint (strlen (long_id2), ==, 64);
  g_assert_true (g_str_has_suffix (long_id2, "a-2"));

  /* Series ids from one file never collide. */
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(GPtrArray) series = parse_string ("date,Value,value,%,%\n2024-01-01,1,2,3,4\n",
                                                diagnostics);

    g_assert_cmpuint (series->len, ==, 4);
    g_assert_cmpstr (series_at (series, 0)->id, ==, "value");
    g_assert_cmpstr (series_at (series, 1)->id, ==, "value-2");
    g_assert_cmpstr (series_at (series, 2)->id, ==, "column-4");
    g_assert_cmpstr (series_at (series, 3)->id, ==, "column-5");
  }
}

static void
test_error_cap (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GString) text = g_string_new ("date,v\n");
  g_autoptr(GPtrArray) series = NULL;
  const KasaneDiagnostic *last;

  for (guint i = 0; i < 250; i++)
    g_string_append (text, "2024-01-01,bad\n");
  series = kasane_csv_parse (text->str, text->len, "many.csv", diagnostics);
  g_assert_null (series);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, KASANE_DIAGNOSTICS_MAX);
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, KASANE_DIAGNOSTICS_MAX);
  last = kasane_diagnostics_get (diagnostics, KASANE_DIAGNOSTICS_MAX - 1);
  g_assert_cmpuint (last->line, ==, KASANE_DIAGNOSTICS_MAX + 1);
  g_assert_cmpuint (last->column, ==, 12);
}

/* A generated `date,value` file: one day per row from 1500-01-01. */
static GString *
make_big_file (guint n_rows)
{
  GString *text = g_string_sized_new ((gsize) n_rows * 24 + 16);
  gint64 first = kasane_days_from_civil (1500, 1, 1);

  g_string_append (text, "date,value\n");
  for (guint i = 0; i < n_rows; i++)
    {
      gint64 year;
      guint month, day;

      kasane_civil_from_days (first + i, &year, &month, &day);
      g_string_append_printf (text, "%04d-%02u-%02u,%u.%02u\n", (int) year, month, day,
                              i / 4, (i % 4) * 25);
    }
  return text;
}

static void
test_large (void)
{
  const guint n_rows = 200000;
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GString) text = make_big_file (n_rows);
  g_autoptr(GPtrArray) series = kasane_csv_parse (text->str, text->len, "big.csv", diagnostics);
  gint64 first = kasane_days_from_civil (1500, 1, 1);
  KasaneSeries *value;

  assert_no_diagnostics (diagnostics);
  g_assert_cmpuint (series->len, ==, 1);
  value = series_at (series, 0);
  g_assert_cmpuint (value->n_points, ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_assert_cmpfloat (value->x[i], ==, (double) (first + i) * 86400);
      g_assert_cmpfloat (value->y[i], ==, (i / 4) + ((i % 4) * 25) / 100.0);
      g_assert_cmpint (value->precision[i], ==, KASANE_PRECISION_DAY);
    }
  assert_x (value, n_rows - 1, "2047-07-31");
}

static void
test_perf (void)
{
  const guint n_rows = 1000000;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  double best_memory = G_MAXDOUBLE, best_file = G_MAXDOUBLE;
  int fd;

  if (!g_test_perf ())
    {
      g_test_skip ("run with -m perf");
      return;
    }

  text = make_big_file (n_rows);
  fd = g_file_open_tmp ("kasane-perf-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(GPtrArray) from_memory = NULL;
      g_autoptr(GPtrArray) from_file = NULL;

      g_test_timer_start ();
      from_memory = kasane_csv_parse (text->str, text->len, "perf.csv", diagnostics);
      best_memory = MIN (best_memory, g_test_timer_elapsed ());
      g_test_timer_start ();
      from_file = kasane_csv_parse_file (path, NULL, diagnostics);
      best_file = MIN (best_file, g_test_timer_elapsed ());
      g_assert_cmpuint (series_at (from_file, 0)->n_points, ==, n_rows);
      g_assert_cmpuint (series_at (from_memory, 0)->n_points, ==, n_rows);
    }
  g_test_minimized_result (best_file, "1,000,000-row date,value CSV (%.1f MB): "
                           "%.1f ms from the file, %.1f ms from memory (best of 5)",
                           text->len / 1e6, best_file * 1000, best_memory * 1000);
  g_test_message ("parse time, 1,000,000 rows: %.1f ms (file), %.1f ms (memory)",
                  best_file * 1000, best_memory * 1000);
  g_unlink (path);
}

/* Writes `text` to a new temporary CSV file; returns its path. */
static char *
write_temp_csv (const char *text,
                gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("kasane-stream-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, (gssize) length, &error));
  g_assert_no_error (error);
  return path;
}

/* Rows "YYYY-MM-DD,value" of about 20 bytes, `n` of them, after a header, so that a file
 * spans many of the reader's 4 MiB pieces. */
static GString *
make_rows (guint n)
{
  GString *text = g_string_new ("date,v\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%04u-%02u-%02u,%u.25\n", 1900 + i / 336 % 8000,
                            1 + i / 28 % 12, 1 + i % 28, i);
  return text;
}

/* A file read in pieces gives what the same text gives from memory, and its faults are
 * placed on their line whichever piece they are in. */
static void
test_stream_pieces (void)
{
  g_autoptr(GString) text = make_rows (700000);   /* about 13 MB: four pieces */
  g_autofree char *path = write_temp_csv (text->str, text->len);
  g_autoptr(KasaneDiagnostics) d1 = kasane_diagnostics_new ();
  g_autoptr(KasaneDiagnostics) d2 = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) from_file = kasane_csv_parse_file (path, NULL, d1);
  g_autoptr(GPtrArray) from_memory = kasane_csv_parse (text->str, text->len, path, d2);
  KasaneSeries *a = series_at (from_file, 0), *b = series_at (from_memory, 0);

  g_assert_cmpuint (kasane_diagnostics_get_n_items (d1), ==, 0);
  g_assert_cmpuint (a->n_points, ==, 700000);
  g_assert_cmpuint (b->n_points, ==, 700000);
  g_assert_cmpmem (a->x, a->n_points * sizeof (double), b->x, b->n_points * sizeof (double));
  g_assert_cmpmem (a->y, a->n_points * sizeof (double), b->y, b->n_points * sizeof (double));
  g_assert_cmpmem (a->precision, a->n_points, b->precision, b->n_points);
  g_unlink (path);
}

static void
assert_first_error (KasaneDiagnostics *diagnostics,
                    guint              line,
                    guint              column,
                    const char        *message_part)
{
  const KasaneDiagnostic *first = NULL;

  for (guint i = 0; i < kasane_diagnostics_get_n_items (diagnostics) && first == NULL; i++)
    if (kasane_diagnostics_get (diagnostics, i)->severity == KASANE_SEVERITY_ERROR)
      first = kasane_diagnostics_get (diagnostics, i);
  g_assert_nonnull (first);
  g_assert_cmpuint (first->line, ==, line);
  g_assert_cmpuint (first->column, ==, column);
  g_assert_nonnull (strstr (first->message, message_part));
}

/* A bad byte, a bad number and a quoted field with line ends, each deep in the file, past
 * the first piece; and a BOM. */
static void
test_stream_faults (void)
{
  const guint n = 500000;   /* about 9.5 MB */
  g_autoptr(GString) text = NULL;
  g_autofree char *path = NULL;

  /* An invalid byte on line 400,002 (row 400,000 after the header), column 12. */
  text = make_rows (n);
  {
    char *line = text->str;

    for (guint i = 0; i < 400001; i++)
      line = strchr (line, '\n') + 1;
    line[11] = (char) 0xff;
  }
  path = write_temp_csv (text->str, text->len);
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();

    g_assert_null (kasane_csv_parse_file (path, NULL, diagnostics));
    assert_first_error (diagnostics, 400002, 12, "byte 0xFF is not valid");
  }
  g_unlink (path);
  g_clear_pointer (&path, g_free);
  g_string_free (text, TRUE);

  /* A quoted value holding 5 MB of line ends (so it spans pieces), then a bad number on
   * the line after it. */
  text = make_rows (300000);
  g_string_append (text, "2099-01-01,\"");
  for (guint i = 0; i < 2500000; i++)
    g_string_append (text, "\n\n");
  g_string_append (text, "1\"\n2099-01-02,abc\n");
  path = write_temp_csv (text->str, text->len);
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();

    g_assert_null (kasane_csv_parse_file (path, NULL, diagnostics));
    /* Header, 300,000 rows, then the quoted row ends 5,000,000 lines on. */
    assert_first_error (diagnostics, 300002, 12, "expected a number");
    g_assert_cmpuint (kasane_diagnostics_get (diagnostics, 1)->line, ==, 5300003);
  }
  g_unlink (path);
  g_clear_pointer (&path, g_free);
  g_string_free (text, TRUE);

  /* A UTF-8 BOM before a file of many pieces. */
  text = make_rows (n);
  g_string_prepend (text, "\xEF\xBB\xBF");
  path = write_temp_csv (text->str, text->len);
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(GPtrArray) series = kasane_csv_parse_file (path, NULL, diagnostics);

    g_assert_cmpuint (series_at (series, 0)->n_points, ==, n);
    g_assert_cmpstr (series_at (series, 0)->name.en, ==, "v");
  }
  g_unlink (path);
}

/* A load on a worker thread reports how far it has got, and stops when cancelled. */
static gpointer
cancel_when_started (gpointer data)
{
  KasaneLoadProgress *progress = data;

  while (kasane_load_progress_get_fraction (progress) == 0.0)
    g_usleep (100);
  g_cancellable_cancel (kasane_load_progress_get_cancellable (progress));
  return NULL;
}

static void
test_stream_progress (void)
{
  g_autoptr(GString) text = make_rows (1000000);   /* about 19 MB */
  g_autofree char *path = write_temp_csv (text->str, text->len);
  g_autoptr(KasaneLoadProgress) progress = kasane_load_progress_new (NULL);

  /* Read to the end: the fraction reaches 1. */
  kasane_load_progress_push (progress);
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(GPtrArray) series = kasane_csv_parse_file (path, NULL, diagnostics);

    g_assert_nonnull (series);
    g_assert_cmpfloat (kasane_load_progress_get_fraction (progress), ==, 1.0);
  }
  kasane_load_progress_pop ();
  g_clear_pointer (&progress, kasane_load_progress_unref);

  /* Cancelled from another thread once it has started: it stops, and says why. */
  progress = kasane_load_progress_new (NULL);
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    GThread *canceller = g_thread_new ("cancel", cancel_when_started, progress);
    GPtrArray *series;

    kasane_load_progress_push (progress);
    series = kasane_csv_parse_file (path, NULL, diagnostics);
    kasane_load_progress_pop ();
    g_thread_join (canceller);
    g_assert_null (series);
    assert_first_error (diagnostics, 0, 0, "cancelled");
    g_assert_cmpfloat (kasane_load_progress_get_fraction (progress), <, 1.0);
  }
  g_unlink (path);
}

/* Hostile input never crashes, hangs or logs (G_DEBUG=fatal-warnings): seeded random
 * bytes, then random mutations of a valid file. */
static void
test_fuzz (void)
{
  static const char *const seeds[] = {
    "\"Date(UTC)\",\"UnixTimeStamp\",\"Value (Wei)\",\"a \"\"q\"\", c\"\r\n"
    "\"7/30/2015\",\"1438214400\",\"0\",\"\"\r\n"
    "\"7/31/2015\",\"1438300800\",\"12.5\",\"-1e3\"\r\n"
    "\"8/1/2015\",\"1438387200\",,\"7\"\r\n",
    "Entity,Code,Year,a,b\nJapan,JPN,2000,1,2\nWorld,,2001,,3.5\nJapan,JPN,1999,4,5\n",
    "Datum;Wert;\"x;y\"\n2024-01-01;1,5;2\n2024-01-02 10:00;;3\n2024-01-03;-7;\"8\"\n",
  };
  static const char alphabet[] = ",;\t\"\r\n/-.:eE 0123456789aZ\xc3\xa9\xff\xfe";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251125);
  guint n_parsed = 0;

  for (guint i = 0; i < 4000; i++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(GString) text = NULL;
      g_autoptr(GPtrArray) series = NULL;

      if (i < 1000)
        {
          guint length = g_rand_int_range (rand, 0, 300);

          text = g_string_sized_new (length);
          for (guint k = 0; k < length; k++)
            g_string_append_c (text, (char) (i % 2 == 0 ?
                                             g_rand_int_range (rand, 0, 256) :
                                             alphabet[g_rand_int_range (rand, 0,
                                                                        sizeof alphabet - 1)]));
        }
      else
        {
          guint n_mutations = g_rand_int_range (rand, 1, 8);

          text = g_string_new (seeds[i % G_N_ELEMENTS (seeds)]);
          for (guint m = 0; m < n_mutations && text->len > 0; m++)
            {
              guint at = g_rand_int_range (rand, 0, text->len);
              char c = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];

              switch (g_rand_int_range (rand, 0, 4))
                {
                case 0:
                  text->str[at] = c;
                  break;
                case 1:
                  g_string_insert_c (text, at, c);
                  break;
                case 2:
                  g_string_erase (text, at, 1);
                  break;
                default:
                  g_string_truncate (text, at);
                  break;
                }
            }
        }
      series = kasane_csv_parse (text->str, text->len, "fuzz.csv", diagnostics);
      if (series != NULL)
        {
          n_parsed++;
          for (guint s = 0; s < series->len; s++)
            {
              KasaneSeries *one = g_ptr_array_index (series, s);

              g_assert_nonnull (one->id);
              for (guint k = 1; k < one->n_points; k++)
                g_assert_cmpfloat (one->x[k - 1], <=, one->x[k]);
            }
        }
      else
        g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), >, 0);
    }
  /* Some mutations leave a valid file: the loop did reach the success path. */
  g_assert_cmpuint (n_parsed, >, 0);
}

/* One timestamp in milliseconds makes the column milliseconds; the seconds among them
 * land in 1970, and a warning says so where it happens. */
static void
test_mixed_timestamps (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = parse_string ("UnixTimeStamp,v\n1700000000,1\n"
                                              "1700000000000,2\n", diagnostics);
  const KasaneDiagnostic *warning;

  g_assert_nonnull (series);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, 0);
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 1);
  warning = kasane_diagnostics_get (diagnostics, 0);
  g_assert_cmpint (warning->severity, ==, KASANE_SEVERITY_WARNING);
  g_assert_cmpuint (warning->line, ==, 2);
  g_assert_nonnull (strstr (warning->message, "read as milliseconds"));
  g_assert_nonnull (strstr (warning->message, "line 3"));
  g_clear_pointer (&series, g_ptr_array_unref);

  /* All in seconds, or all in milliseconds: no warning. */
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  series = parse_string ("UnixTimeStamp,v\n1700000000000,1\n1700086400000,2\n", diagnostics);
  g_assert_nonnull (series);
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 0);
}

/* A header names a series: at most KASANE_MAX_TEXT_CHARS characters.  A 10 MB header
 * used to cost an export 26 s and 1 GB. */
static void
test_header_cap (void)
{
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autofree char *name = g_strnfill (KASANE_MAX_TEXT_CHARS + extra, 'v');
      g_autofree char *text = g_strdup_printf ("date,%s\n2024-01-01,1\n", name);
      g_autoptr(GPtrArray) series = parse_string (text, diagnostics);

      if (extra == 0)
        g_assert_nonnull (series);
      else
        {
          g_assert_null (series);
          assert_one_error (diagnostics, 1, 6, "the header of column 2 is longer than 10000 "
                                               "characters");
        }
    }
}

/* A CSV file stops being read at KASANE_DIAGNOSTICS_MAX errors, and says so. */
static void
test_stops_at_cap (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GString) csv = g_string_new ("date,v\n");
  g_autofree char *text = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (csv, "2024-01-%02u,x\n", i % 28 + 1);
  g_assert_null (kasane_csv_parse (csv->str, csv->len, "bad.csv", diagnostics));
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, KASANE_DIAGNOSTICS_MAX);
  text = kasane_diagnostics_format (diagnostics);
  g_assert_true (g_str_has_suffix (text, "bad.csv: note: reading stopped after 100 errors; "
                                         "more may follow\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/block-explorer", test_block_explorer);
  g_test_add_func ("/csv/load-dataset", test_load_dataset);
  g_test_add_func ("/csv/too-large", test_too_large);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/utf16le", test_utf16le);
  g_test_add_func ("/csv/utf16be", test_utf16be);
  g_test_add_func ("/csv/not-utf8", test_not_utf8);
  g_test_add_func ("/csv/semicolon", test_semicolon);
  g_test_add_func ("/csv/tab", test_tab);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/crlf", test_crlf);
  g_test_add_func ("/csv/day-month", test_day_month);
  g_test_add_func ("/csv/month-day", test_month_day);
  g_test_add_func ("/csv/ambiguous", test_ambiguous);
  g_test_add_func ("/csv/contradictory", test_contradictory);
  g_test_add_func ("/csv/unreal-date", test_unreal_date);
  g_test_add_func ("/csv/iso-forms", test_iso_forms);
  g_test_add_func ("/csv/unix-seconds", test_unix_seconds);
  g_test_add_func ("/csv/unix-milliseconds", test_unix_milliseconds);
  g_test_add_func ("/csv/numeric-x", test_numeric_x);
  g_test_add_func ("/csv/owid-one-value", test_owid_one_value);
  g_test_add_func ("/csv/owid-two-values", test_owid_two_values);
  g_test_add_func ("/csv/gaps", test_gaps);
  g_test_add_func ("/csv/all-blank-column", test_all_blank_column);
  g_test_add_func ("/csv/bad-cell", test_bad_cell);
  g_test_add_func ("/csv/numbers", test_numbers);
  g_test_add_func ("/csv/ragged", test_ragged);
  g_test_add_func ("/csv/unterminated", test_unterminated);
  g_test_add_func ("/csv/header-only", test_header_only);
  g_test_add_func ("/csv/make-id", test_make_id);
  g_test_add_func ("/csv/error-cap", test_error_cap);
  g_test_add_func ("/csv/large", test_large);
  g_test_add_func ("/csv/perf", test_perf);
  g_test_add_func ("/csv/fuzz", test_fuzz);
  g_test_add_func ("/csv/mixed-timestamps", test_mixed_timestamps);
  g_test_add_func ("/csv/header-cap", test_header_cap);
  g_test_add_func ("/csv/stops-at-cap", test_stops_at_cap);
  g_test_add_func ("/csv/stream-pieces", test_stream_pieces);
  g_test_add_func ("/csv/stream-faults", test_stream_faults);
  g_test_add_func ("/csv/stream-progress", test_stream_progress);

  return g_test_run ();
}
