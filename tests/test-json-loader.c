/* test-json-loader.c: the strict JSON dataset loader
 *
 * The fixtures in tests/fixtures/{valid,invalid} are listed in tests/fixtures/manifest.txt
 * with the place of their first error (json-glib's conformance tests do the same); the
 * rest are generated here: hostile nesting, every prefix of a valid file, random bytes,
 * oversized and unreadable files, and CSV paths that try to leave the dataset's folder.
 */
#include "config.h"

#include "kasane-loader.h"
#include "kasane-json-loader-private.h"
#include "kasane-json-scan.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Helpers */

static char *
fixture_path (const char *kind,
              const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", kind, name, NULL);
}

static const KasaneDiagnostic *
first_error (KasaneDiagnostics *diagnostics)
{
  for (guint i = 0; i < kasane_diagnostics_get_n_items (diagnostics); i++)
    {
      const KasaneDiagnostic *d = kasane_diagnostics_get (diagnostics, i);

      if (d->severity == KASANE_SEVERITY_ERROR)
        return d;
    }
  return NULL;
}

static gboolean
has_message (KasaneDiagnostics *diagnostics,
             const char        *part)
{
  for (guint i = 0; i < kasane_diagnostics_get_n_items (diagnostics); i++)
    if (strstr (kasane_diagnostics_get (diagnostics, i)->message, part) != NULL)
      return TRUE;
  return FALSE;
}

static void
print_diagnostics (KasaneDiagnostics *diagnostics)
{
  g_autofree char *text = kasane_diagnostics_format (diagnostics);

  if (text[0] != '\0')
    g_test_message ("%s", text);
}

/* Loads `data` from memory and asserts it fails; returns the diagnostics. */
static KasaneDiagnostics *
load_invalid (const char *data,
              gsize       length)
{
  KasaneDiagnostics *diagnostics = kasane_diagnostics_new ();
  KasaneDataset *dataset;

  dataset = kasane_dataset_load_json (data, length, "test.json", NULL, diagnostics);
  g_assert_null (dataset);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), >=, 1);
  return diagnostics;
}

static void
assert_first_error_at (KasaneDiagnostics  *diagnostics,
                       guint               line,
                       guint               column,
                       KasaneDatasetError  code)
{
  const KasaneDiagnostic *d = first_error (diagnostics);

  g_assert_nonnull (d);
  if (d->line != line || d->column != column || d->code != code)
    print_diagnostics (diagnostics);
  g_assert_cmpuint (d->line, ==, line);
  g_assert_cmpuint (d->column, ==, column);
  g_assert_cmpint (d->code, ==, code);
}

/* The manifest */

static const char * const code_names[] = {
  [KASANE_DATASET_ERROR_IO] = "io",
  [KASANE_DATASET_ERROR_ENCODING] = "encoding",
  [KASANE_DATASET_ERROR_SYNTAX] = "syntax",
  [KASANE_DATASET_ERROR_TOO_DEEP] = "too-deep",
  [KASANE_DATASET_ERROR_RANGE] = "range",
  [KASANE_DATASET_ERROR_TYPE] = "type",
  [KASANE_DATASET_ERROR_MISSING] = "missing",
  [KASANE_DATASET_ERROR_UNKNOWN] = "unknown",
  [KASANE_DATASET_ERROR_DUPLICATE] = "duplicate",
  [KASANE_DATASET_ERROR_UNRESOLVED] = "unresolved",
  [KASANE_DATASET_ERROR_INVALID] = "invalid",
};

static const char *
code_name (KasaneDatasetError code)
{
  return code < G_N_ELEMENTS (code_names) ? code_names[code] : "?";
}

/* "X,FILE,LOCATIONS,CODE,MESSAGE": the first error of invalid/FILE; with several
 * locations, exactly those errors (the loader reports by kind of member, not strictly in
 * file order). */
static void
test_invalid_fixture (gconstpointer data)
{
  g_auto(GStrv) fields = g_strsplit (data, ",", 5);
  g_auto(GStrv) locations = NULL;
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *path = NULL;
  g_autoptr(KasaneDataset) dataset = NULL;
  const KasaneDiagnostic *d;
  guint n_locations;

  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  path = fixture_path ("invalid", fields[1]);
  dataset = kasane_dataset_load_json_file (path, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_null (dataset);

  d = first_error (diagnostics);
  g_assert_nonnull (d);
  g_assert_cmpstr (d->file, ==, path);
  g_assert_cmpstr (code_name (d->code), ==, fields[3]);
  g_assert_nonnull (strstr (d->message, fields[4]));
  g_assert_true (g_ascii_islower (d->message[0]) || d->message[0] == '"' ||
                 d->message[0] == '\\' || g_ascii_isdigit (d->message[0]) ||
                 g_str_has_prefix (d->message, "NaN") || strstr (d->message, "Infinity") ||
                 g_str_has_prefix (d->message, "CSV"));

  locations = g_strsplit (fields[2], ";", -1);
  n_locations = g_strv_length (locations);
  if (n_locations == 1)
    {
      g_autofree char *at = g_strdup_printf ("%u:%u", d->line, d->column);

      g_assert_cmpstr (at, ==, locations[0]);
    }
  else
    {
      g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, n_locations);
      for (guint i = 0; i < kasane_diagnostics_get_n_items (diagnostics); i++)
        {
          const KasaneDiagnostic *e = kasane_diagnostics_get (diagnostics, i);
          g_autofree char *at = g_strdup_printf ("%u:%u", e->line, e->column);

          if (e->severity == KASANE_SEVERITY_ERROR)
            g_assert_true (g_strv_contains ((const char * const *) locations, at));
        }
    }
}

static void
test_valid_fixture (gconstpointer data)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *path = fixture_path ("valid", data);
  g_autoptr(KasaneDataset) dataset = NULL;

  dataset = kasane_dataset_load_json_file (path, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, 0);
  g_assert_cmpstr (dataset->path, ==, path);
  g_assert_cmpuint (dataset->layers->len, >=, 1);
}

/* Returns the manifest's lines, which the tests borrow until main() frees them. */
static GStrv
add_manifest_tests (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "manifest.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStrv lines;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      g_autofree char *name = NULL;
      const char *comma;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      comma = strchr (line, ',');
      g_assert_nonnull (comma);
      if (line[0] == 'V')
        {
          /* "V,FILE": the tests get FILE. */
          name = g_strdup_printf ("/json-loader/valid/%s", comma + 1);
          g_test_add_data_func (name, comma + 1, test_valid_fixture);
        }
      else
        {
          g_autofree char *file = g_strndup (comma + 1, strcspn (comma + 1, ","));

          name = g_strdup_printf ("/json-loader/invalid/%s", file);
          g_test_add_data_func (name, line, test_invalid_fixture);
        }
    }
  return lines;
}

/* The contents of valid fixtures */

static KasaneDataset *
load_valid (const char *name)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *path = fixture_path ("valid", name);
  KasaneDataset *dataset;

  dataset = kasane_dataset_load_json_file (path, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 0);
  return dataset;
}

static KasaneLayer *
layer (KasaneDataset *dataset,
       guint          index)
{
  g_assert_cmpuint (index, <, dataset->layers->len);
  return g_ptr_array_index (dataset->layers, index);
}

static void
test_two_layer (void)
{
  g_autoptr(KasaneDataset) dataset = load_valid ("two-layer.json");
  KasaneProblem *problem;
  KasaneSeries *series;
  KasaneEvent *event;
  KasaneLayer *l1, *l2;
  const char * const *notes;

  g_assert_cmpstr (dataset->id, ==, "crypto");
  g_assert_cmpint (dataset->claim, ==, KASANE_CLAIM_MIGRATION);
  g_assert_cmpstr (kasane_text_get (&dataset->title, "ja"), ==,
                   "イーサリアムのスケーリング階層");

  /* Problems keep file order; the weight defaults to 1; a plain string is the fallback. */
  g_assert_cmpuint (dataset->problems->len, ==, 3);
  problem = g_ptr_array_index (dataset->problems, 2);
  g_assert_cmpstr (problem->id, ==, "liquidity-fragmentation");
  g_assert_cmpint (problem->weight, ==, 1);
  g_assert_cmpstr (kasane_text_get (&problem->label, "ja"), ==, "Split liquidity");
  problem = g_ptr_array_index (dataset->problems, 1);
  g_assert_cmpint (problem->weight, ==, 3);
  g_assert_cmpstr (kasane_text_get (&problem->label, "ja"), ==, "Low throughput");
  g_assert_cmpstr (kasane_text_get (&problem->description, "en"), ==, "処理能力が低い");
  g_assert_true (kasane_text_is_empty (&((KasaneProblem *) g_ptr_array_index (dataset->problems,
                                                                              0))->description));

  /* Layers are written l2, l1 and sorted by level. */
  g_assert_cmpuint (dataset->layers->len, ==, 2);
  l1 = layer (dataset, 0);
  l2 = layer (dataset, 1);
  g_assert_cmpstr (l1->id, ==, "l1");
  g_assert_cmpint (l1->level, ==, 1);
  g_assert_cmpstr (l2->id, ==, "l2");
  g_assert_cmpstr (kasane_text_get (&l1->name, "ja"), ==, "Public chains");
  g_assert_cmpstr (kasane_text_get (&l2->name, "ja"), ==, "ロールアップ");
  g_assert_true (l1->has_since);
  g_assert_cmpint (l1->since.precision, ==, KASANE_PRECISION_DAY);
  g_assert_cmpint (l2->since.precision, ==, KASANE_PRECISION_MONTH);
  g_assert_nonnull (l1->source);
  g_assert_cmpstr (l1->source->url, ==, "https://ethereum.org/");
  g_assert_null (l1->source->retrieved);
  g_assert_null (l2->source);
  g_assert_cmpuint (l1->effects[KASANE_EFFECT_INTRODUCES]->len, ==, 2);
  g_assert_cmpuint (g_array_index (l1->effects[KASANE_EFFECT_INTRODUCES], guint, 1), ==, 1);
  g_assert_cmpuint (l2->effects[KASANE_EFFECT_SOLVES]->len, ==, 1);
  g_assert_cmpuint (g_array_index (l2->effects[KASANE_EFFECT_SOLVES], guint, 0), ==, 0);
  g_assert_cmpuint (l2->effects[KASANE_EFFECT_MITIGATES]->len, ==, 1);
  g_assert_cmpuint (l2->effects[KASANE_EFFECT_WORSENS]->len, ==, 0);
  g_assert_cmpuint (l2->examples->len, ==, 2);
  g_assert_cmpstr (kasane_text_get (g_ptr_array_index (l2->examples, 1), "ja"), ==,
                   "オプティミズム");
  notes = kasane_text_list_get (&l2->speaker_notes, "en");
  g_assert_cmpuint (g_strv_length ((GStrv) notes), ==, 2);
  g_assert_cmpstr (notes[1], ==, "Liquidity split.");

  /* Series: points sorted stably by date, labels follow, the layer index follows the sort. */
  g_assert_cmpuint (dataset->series->len, ==, 2);
  series = g_ptr_array_index (dataset->series, 0);
  g_assert_cmpstr (series->id, ==, "l2-count");
  g_assert_cmpint (series->layer, ==, 1);
  g_assert_cmpint (series->kind, ==, KASANE_KIND_STEP);
  g_assert_cmpint (series->scale, ==, KASANE_SCALE_LINEAR);
  g_assert_cmpstr (series->unit, ==, "count");
  g_assert_cmpstr (series->source->retrieved, ==, "2026-11-25");
  g_assert_cmpuint (series->n_points, ==, 3);
  g_assert_cmpfloat (series->y[0], ==, 20);
  g_assert_cmpfloat (series->y[1], ==, 35);
  g_assert_cmpfloat (series->y[2], ==, 60);
  g_assert_nonnull (series->labels);
  g_assert_null (series->labels[0]);
  g_assert_cmpstr (kasane_text_get (series->labels[2], "en"), ==, "mid-2024");
  series = g_ptr_array_index (dataset->series, 1);
  g_assert_cmpstr (series->unit, ==, "");
  g_assert_cmpint (series->layer, ==, -1);
  g_assert_cmpint (series->scale, ==, KASANE_SCALE_LOG);
  g_assert_cmpint (series->kind, ==, KASANE_KIND_POINTS);
  g_assert_null (series->labels);
  g_assert_cmpfloat (series->y[1], ==, 2.5);
  g_assert_cmpint (series->precision[1], ==, KASANE_PRECISION_SECOND);

  /* Events sorted by date. */
  g_assert_cmpuint (dataset->events->len, ==, 2);
  event = g_ptr_array_index (dataset->events, 0);
  g_assert_cmpstr (kasane_text_get (&event->label, "en"), ==, "フロンティア");
  g_assert_cmpint (event->layer, ==, 0);
  g_assert_null (event->source);
  event = g_ptr_array_index (dataset->events, 1);
  g_assert_cmpint (event->layer, ==, 1);
  g_assert_nonnull (event->source);

  g_assert_cmpuint (g_strv_length ((GStrv) kasane_text_list_get (&dataset->notes, "ja")), ==, 2);
}

static void
test_one_layer (void)
{
  g_autoptr(KasaneDataset) dataset = load_valid ("one-layer.json");

  g_assert_cmpstr (dataset->id, ==, "minimal");
  g_assert_cmpint (dataset->claim, ==, KASANE_CLAIM_NONE);
  g_assert_cmpuint (dataset->problems->len, ==, 0);
  g_assert_cmpuint (dataset->layers->len, ==, 1);
  g_assert_cmpint (layer (dataset, 0)->level, ==, 0);
  g_assert_false (layer (dataset, 0)->has_since);
  g_assert_cmpstr (kasane_text_get (&dataset->title, "ja"), ==, "One layer");
  g_assert_cmpuint (dataset->series->len, ==, 0);
  g_assert_cmpuint (dataset->events->len, ==, 0);
}

static void
test_bom (void)
{
  g_autoptr(KasaneDataset) dataset = load_valid ("bom.json");

  /* Escapes decode, surrogate pairs included. */
  g_assert_cmpint (layer (dataset, 0)->level, ==, -3);
  g_assert_cmpstr (kasane_text_get (&layer (dataset, 0)->name, "en"), ==,
                   "階層 😀 \"/\\\b\f\n\r\t");
}

static void
test_reintroduce (void)
{
  g_autoptr(KasaneDataset) dataset = load_valid ("reintroduce.json");

  g_assert_cmpuint (dataset->layers->len, ==, 5);
  g_assert_cmpint (dataset->claim, ==, KASANE_CLAIM_MIXED);
}

static void
test_with_csv (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *path = fixture_path ("valid", "with-csv.json");
  g_autoptr(KasaneDataset) dataset = NULL;
  KasaneSeries *series;

  dataset = kasane_dataset_load_json_file (path, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (dataset->series->len, ==, 1);
  series = g_ptr_array_index (dataset->series, 0);
  g_assert_cmpstr (series->id, ==, "fees");
  g_assert_cmpstr (kasane_text_get (&series->name, "en"), ==, "Median fee");
  g_assert_cmpstr (series->unit, ==, "USD");
  g_assert_cmpint (series->scale, ==, KASANE_SCALE_LOG);
  g_assert_cmpint (series->layer, ==, 0);
  g_assert_nonnull (series->source);
  g_assert_cmpstr (series->source->retrieved, ==, "2026-01-02");
  g_assert_cmpuint (series->n_points, ==, 4);
  g_assert_cmpfloat (series->y[0], ==, 1.5);
  g_assert_cmpfloat (series->y[1], ==, 2.25);
  g_assert_true (isnan (series->y[2]));
  g_assert_cmpfloat (series->y[3], ==, 0.75);
}

/* Hostile input */

static void
test_deep (gconstpointer data)
{
  const char *opener = data;
  gsize n = 1000000, unit = strlen (opener);
  g_autoptr(GString) text = g_string_sized_new (n * unit + 64);
  g_autoptr(KasaneDiagnostics) diagnostics = NULL;
  gint64 start;

  /* The root object is level 1, so the 64th opener is level 65. */
  g_string_append (text, "{\"a\":");
  for (gsize i = 0; i < n; i++)
    g_string_append (text, opener);

  start = g_get_monotonic_time ();
  diagnostics = load_invalid (text->str, text->len);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  assert_first_error_at (diagnostics, 1, 6 + 63 * unit, KASANE_DATASET_ERROR_TOO_DEEP);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, 1);
}

static void
test_deep_root_array (void)
{
  gsize n = 1000000;
  g_autofree char *text = g_malloc (n);
  g_autoptr(KasaneDiagnostics) diagnostics = NULL;

  memset (text, '[', n);
  diagnostics = load_invalid (text, n);
  assert_first_error_at (diagnostics, 1, 1, KASANE_DATASET_ERROR_TYPE);
}

static void
test_depth_limit (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"kasane-dataset/1\",\"x\":");
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneJsonScan) scan = NULL;

  /* Exactly 64 levels pass the scan (the root is one of them). */
  for (guint i = 0; i < KASANE_JSON_MAX_DEPTH - 1; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < KASANE_JSON_MAX_DEPTH - 1; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  scan = kasane_json_scan (text->str, text->len, "t.json", diagnostics);
  g_assert_nonnull (scan);
  g_assert_cmpuint (scan->entries->len, ==, 1 + 1 + KASANE_JSON_MAX_DEPTH - 1);
  g_assert_cmpuint (g_array_index (scan->entries, KasaneJsonEntry, 0).n_descendants, ==,
                    scan->entries->len - 1);
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 0);
}

static void
test_scan_positions (void)
{
  const char *text = "{\"あい\": [1, \"x\"],\n  \"b\": {\"c\": null}}";
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneJsonScan) scan = NULL;
  const KasaneJsonEntry *e;

  scan = kasane_json_scan (text, strlen (text), "t.json", diagnostics);
  g_assert_nonnull (scan);
  g_assert_cmpuint (scan->entries->len, ==, 6);
  e = &g_array_index (scan->entries, KasaneJsonEntry, 1);   /* [1, "x"] */
  g_assert_cmpint (e->type, ==, KASANE_JSON_ARRAY);
  g_assert_cmpuint (e->name_line, ==, 1);
  g_assert_cmpuint (e->name_column, ==, 2);
  g_assert_cmpuint (e->column, ==, 8);                      /* columns count characters */
  g_assert_cmpuint (e->n_descendants, ==, 2);
  g_assert_cmpuint (kasane_json_scan_next (scan, 1), ==, 4);
  e = &g_array_index (scan->entries, KasaneJsonEntry, 3);   /* "x" */
  g_assert_cmpuint (e->column, ==, 12);
  g_assert_cmpuint (e->length, ==, 3);
  g_assert_cmpuint (e->name_line, ==, 0);
  e = &g_array_index (scan->entries, KasaneJsonEntry, 5);   /* null */
  g_assert_cmpint (e->type, ==, KASANE_JSON_NULL);
  g_assert_cmpuint (e->line, ==, 2);
  g_assert_cmpuint (e->column, ==, 14);
  g_assert_cmpuint (e->name_column, ==, 9);
}

static char *
read_fixture (const char *kind,
              const char *name,
              gsize      *length)
{
  g_autofree char *path = fixture_path (kind, name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_every_prefix (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("valid", "two-layer.json", &length);

  /* Every proper prefix is an error (the file ends in "}\n": the last one is whole). */
  for (gsize n = 0; n + 1 < length; n++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(KasaneDataset) dataset = NULL;

      dataset = kasane_dataset_load_json (text, n, "prefix.json", NULL, diagnostics);
      g_assert_null (dataset);
      g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), >=, 1);
    }
}

static void
check_no_crash (const char *data,
                gsize       length)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) dataset = NULL;

  dataset = kasane_dataset_load_json (data, length, "fuzz.json", NULL, diagnostics);
  /* A dataset exactly when there was no error. */
  g_assert_true ((dataset != NULL) == (kasane_diagnostics_count_errors (diagnostics) == 0));
}

static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  static const char alphabet[] = "{}[]:,\"\\ \n0123456789-+.eEtrufalsn/*'xu";
  gsize valid_length;
  g_autofree char *valid = read_fixture ("valid", "two-layer.json", &valid_length);

  for (guint iteration = 0; iteration < 3000; iteration++)
    {
      gsize length = g_rand_int_range (rand, 0, 300);
      g_autofree char *data = g_malloc (length + 1);
      int mode = g_rand_int_range (rand, 0, 3);

      for (gsize i = 0; i < length; i++)
        {
          if (mode == 0)
            data[i] = (char) g_rand_int_range (rand, 0, 256);
          else
            data[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
        }
      if (mode == 2 && length > 0)
        data[0] = '{';
      check_no_crash (data, length);

      /* A valid file with a few bytes changed reaches the semantic walk. */
      {
        g_autofree char *mutated = g_memdup2 (valid, valid_length);
        guint n_changes = g_rand_int_range (rand, 1, 4);

        for (guint k = 0; k < n_changes; k++)
          mutated[g_rand_int_range (rand, 0, valid_length)] =
            alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
        check_no_crash (mutated, valid_length);
      }
    }
}

static void
test_utf16 (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = load_invalid ("\xff\xfe{\0}\0", 6);
  const KasaneDiagnostic *d = first_error (diagnostics);

  g_assert_cmpint (d->code, ==, KASANE_DATASET_ERROR_ENCODING);
  g_assert_cmpuint (d->line, ==, 0);
  g_assert_cmpstr (d->message, ==,
                   "file is not valid UTF-8: it looks like UTF-16; save it as UTF-8");
}

static void
test_bom_only (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = load_invalid ("\xef\xbb\xbf", 3);

  g_assert_cmpstr (first_error (diagnostics)->message, ==, "file is empty; expected a JSON object");
}

static void
test_too_many_faults (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"kasane-dataset/1\", \"id\": \"x\", "
                                          "\"title\": \"t\", \"problems\": [");
  g_autoptr(KasaneDiagnostics) diagnostics = NULL;

  /* 150 problems, each with a bad id: 150 faults, of which 100 are kept. */
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%s{\"id\": \"P%u\", \"label\": \"n\", \"weight\": 1}",
                            i > 0 ? ",\n" : "", i);
  g_string_append (text, "], \"layers\": [{\"id\": \"l\", \"level\": 1, \"name\": \"n\"}]}");
  diagnostics = load_invalid (text->str, text->len);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, KASANE_DIAGNOSTICS_MAX);
  g_assert_true (kasane_diagnostics_is_full (diagnostics));
  /* In order, each at its place. */
  g_assert_cmpuint (kasane_diagnostics_get (diagnostics, 99)->line, ==, 100);
}

static void
test_several_faults_report (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *path = fixture_path ("invalid", "several-faults.json");
  g_autoptr(KasaneDataset) dataset = NULL;
  g_autofree char *report = NULL;
  g_autofree char *expected = NULL;

  dataset = kasane_dataset_load_json_file (path, diagnostics);
  g_assert_null (dataset);
  report = kasane_diagnostics_format (diagnostics);
  g_test_message ("%s", report);
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, 7);
  expected = g_strdup_printf ("%s:4:45: error: unknown member \"colour\"\n", path);
  g_assert_nonnull (strstr (report, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:10:79: error: unknown problem \"feez\" in \"solves\" "
                              "(did you mean \"fees\"?)\n", path);
  g_assert_nonnull (strstr (report, expected));
}

static void
test_missing_file (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *report = NULL;

  g_assert_null (kasane_load_file ("/nonexistent/kasane/x.json", diagnostics));
  report = kasane_diagnostics_format (diagnostics);
  g_assert_cmpstr (report, ==,
                   "/nonexistent/kasane/x.json: error: cannot read: no such file or directory\n");
}

static void
test_directory (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);

  g_assert_null (kasane_dataset_load_json_file (dir, diagnostics));
  g_assert_cmpint (first_error (diagnostics)->code, ==, KASANE_DATASET_ERROR_IO);
  g_assert_true (g_str_has_prefix (first_error (diagnostics)->message, "cannot read: "));
  g_assert_cmpuint (first_error (diagnostics)->line, ==, 0);
}

static void
test_fifo (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasane-json-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "fifo.json", NULL);
  if (mkfifo (path, 0600) != 0)
    {
      g_test_skip ("cannot make a FIFO here");
      g_rmdir (dir);
      return;
    }
  /* Must not block waiting for a writer. */
  g_assert_null (kasane_dataset_load_json_file (path, diagnostics));
  g_assert_cmpstr (first_error (diagnostics)->message, ==, "cannot read: not a regular file");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_too_large (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasane-json-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.json", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  /* Sparse: the size is checked before anything is read. */
  g_assert_cmpint (ftruncate (fd, (off_t) KASANE_MAX_JSON_SIZE + 1), ==, 0);
  close (fd);

  g_assert_null (kasane_load_file (path, diagnostics));
  expected = g_strdup_printf ("%s: error: file is too large (%d bytes; the limit is 16 MiB)",
                              path, KASANE_MAX_JSON_SIZE + 1);
  {
    g_autofree char *line = kasane_diagnostic_format (first_error (diagnostics));

    g_assert_cmpstr (line, ==, expected);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_too_large_in_memory (void)
{
  gsize length = KASANE_MAX_JSON_SIZE + 1;
  g_autofree char *data = g_malloc0 (length);
  g_autoptr(KasaneDiagnostics) diagnostics = load_invalid (data, length);

  g_assert_true (g_str_has_prefix (first_error (diagnostics)->message, "file is too large"));
}

static const char csv_dataset[] =
  "{\"format\": \"kasane-dataset/1\", \"id\": \"d\", \"title\": \"t\",\n"
  " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\"}],\n"
  " \"series\": [{\"id\": \"s\", \"name\": \"S\", \"unit\": \"\",\n"
  "   \"source\": {\"name\": \"n\", \"url\": \"u\", \"retrieved\": \"2026\"},\n"
  "   \"csv\": \"%s\", \"column\": \"v\"}]}\n";

static void
test_csv_symlink (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = g_dir_make_tmp ("kasane-outside-XXXXXX", &error);
  g_autofree char *dir = g_dir_make_tmp ("kasane-json-XXXXXX", &error);
  g_autofree char *target = g_build_filename (outside, "secret.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "d.json", NULL);
  g_autofree char *json = g_strdup_printf (csv_dataset, "link.csv");
  const KasaneDiagnostic *d;

  g_assert_no_error (error);
  g_file_set_contents (target, "Date,v\n2024-01-01,1\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_file_set_contents (json_path, json, -1, &error);
  g_assert_no_error (error);

  g_assert_null (kasane_dataset_load_json_file (json_path, diagnostics));
  print_diagnostics (diagnostics);
  d = first_error (diagnostics);
  g_assert_cmpstr (d->message, ==,
                   "CSV path \"link.csv\" leaves the dataset's folder through a symbolic link");
  g_assert_cmpuint (d->line, ==, 5);
  g_assert_cmpuint (d->column, ==, 11);
  /* Nothing outside was read: no CSV diagnostics. */
  g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 1);

  g_unlink (link);
  g_unlink (json_path);
  g_unlink (target);
  g_rmdir (dir);
  g_rmdir (outside);
}

static void
test_csv_no_base_dir (void)
{
  g_autofree char *json = g_strdup_printf (csv_dataset, "fees.csv");
  g_autoptr(KasaneDiagnostics) diagnostics = load_invalid (json, strlen (json));

  assert_first_error_at (diagnostics, 5, 11, KASANE_DATASET_ERROR_IO);
  g_assert_true (has_message (diagnostics, "needs the dataset's folder"));
}

static void
test_csv_unknown_column (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasane-json-XXXXXX", &error);
  g_autofree char *csv_path = g_build_filename (dir, "fees.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "d.json", NULL);
  g_autofree char *json = g_strdup_printf (csv_dataset, "fees.csv");
  g_autoptr(KasaneDataset) dataset = NULL;

  g_assert_no_error (error);
  g_file_set_contents (csv_path, "Date,Fee,Count\n2024-01-01,1,2\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (json_path, json, -1, &error);
  g_assert_no_error (error);

  dataset = kasane_dataset_load_json_file (json_path, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_null (dataset);
  assert_first_error_at (diagnostics, 5, 33, KASANE_DATASET_ERROR_UNRESOLVED);
  g_assert_true (has_message (diagnostics, "no column \"v\" in \"fees.csv\"; its columns are "
                                           "\"Fee\", \"Count\""));

  g_unlink (csv_path);
  g_unlink (json_path);
  g_rmdir (dir);
}

/* A dataset whose series `spec` ("file:column" separated by spaces) name CSV files in
 * `dir`, loaded within `budget`. */
static KasaneDataset *
load_csv_series (const char            *dir,
                 const char            *spec,
                 const KasaneCsvBudget *budget,
                 KasaneDiagnostics     *diagnostics)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_strsplit (spec, " ", -1);
  g_autoptr(GString) json = g_string_new (
    "{\"format\": \"kasane-dataset/1\", \"id\": \"d\", \"title\": \"t\",\n"
    " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\"}],\n"
    " \"series\": [\n");
  g_autofree char *json_path = g_build_filename (dir, "d.json", NULL);
  KasaneDataset *dataset;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto(GStrv) part = g_strsplit (names[i], ":", 2);

      g_string_append_printf (json, "%s  {\"id\": \"s%u\", \"name\": \"S\", \"unit\": \"\", "
                              "\"source\": {\"name\": \"n\", \"url\": \"u\", \"retrieved\": "
                              "\"2026\"}, \"csv\": \"%s\", \"column\": \"%s\"}\n",
                              i > 0 ? "," : "", i, part[0], part[1]);
    }
  g_string_append (json, "]}\n");
  g_file_set_contents (json_path, json->str, -1, &error);
  g_assert_no_error (error);

  kasane_json_loader_set_csv_budget (budget);
  dataset = kasane_dataset_load_json_file (json_path, diagnostics);
  kasane_json_loader_set_csv_budget (NULL);
  print_diagnostics (diagnostics);
  g_unlink (json_path);
  return dataset;
}

/* Series naming CSV files share one budget: a file named many times is read once, the
 * files together stay within the caps of one, and a column named again is copied within
 * them too (before, each series read its file anew: 1,000 series naming one 256 MiB file
 * read it 1,000 times). */
static void
test_csv_budget (void)
{
  static const char fees[] = "Date,Fee,Count\n2024-01-01,1,2\n2024-02-01,3,4\n2024-03-01,5,6\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasane-json-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "alias.csv", NULL);
  KasaneCsvBudget budget;

  g_assert_no_error (error);
  g_file_set_contents (a, fees, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (b, fees, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("a.csv", link), ==, 0);

  /* Room for one reading of the file: three series from it (one through a link, one
   * column twice) still load, the column named twice with the same points. */
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(KasaneDataset) dataset = NULL;
    const KasaneSeries *s0, *s2;

    budget = (KasaneCsvBudget) { strlen (fees) + 10, 100 };
    dataset = load_csv_series (dir, "a.csv:Fee alias.csv:Count a.csv:Fee", &budget,
                               diagnostics);
    g_assert_nonnull (dataset);
    s0 = g_ptr_array_index (dataset->series, 0);
    s2 = g_ptr_array_index (dataset->series, 2);
    g_assert_cmpuint (s0->n_points, ==, 3);
    g_assert_cmpuint (s2->n_points, ==, 3);
    g_assert_true (s0->y != s2->y);
    for (guint i = 0; i < 3; i++)
      {
        g_assert_cmpfloat (s0->x[i], ==, s2->x[i]);
        g_assert_cmpfloat (s0->y[i], ==, s2->y[i]);
      }
    g_assert_cmpfloat (s0->y[2], ==, 5);
  }

  /* Two files over the byte budget together: the second is refused, by name. */
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(KasaneDataset) dataset = NULL;

    budget = (KasaneCsvBudget) { strlen (fees) + 10, 100 };
    dataset = load_csv_series (dir, "a.csv:Fee b.csv:Fee", &budget, diagnostics);
    g_assert_null (dataset);
    g_assert_cmpstr (first_error (diagnostics)->file, ==, b);
    g_assert_true (has_message (diagnostics, "the CSV files this dataset reads are too large "
                                             "together"));
    g_assert_true (has_message (diagnostics, "read for series \"s1\" here"));
  }

  /* Over the value budget together: six values in each file, eight allowed. */
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(KasaneDataset) dataset = NULL;

    budget = (KasaneCsvBudget) { 1000, 8 };
    dataset = load_csv_series (dir, "a.csv:Fee b.csv:Fee", &budget, diagnostics);
    g_assert_null (dataset);
    g_assert_cmpstr (first_error (diagnostics)->file, ==, b);
    g_assert_true (has_message (diagnostics, "too many values: the CSV files this dataset "
                                             "reads hold more than"));
  }

  /* A column named again and again: the copies count against the values too (six read,
   * three and three copied, the fourth naming refused). */
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(KasaneDataset) dataset = NULL;

    budget = (KasaneCsvBudget) { 1000, 12 };
    dataset = load_csv_series (dir, "a.csv:Fee a.csv:Fee a.csv:Fee a.csv:Fee", &budget,
                               diagnostics);
    g_assert_null (dataset);
    assert_first_error_at (diagnostics, 7, 126, KASANE_DATASET_ERROR_RANGE);
    g_assert_true (has_message (diagnostics, "this column is read again"));
  }

  g_unlink (link);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

static void
test_dispatch (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) dataset = NULL;
  g_autofree char *csv = fixture_path ("valid", "with-csv.csv");
  g_autofree char *upper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasane-json-XXXXXX", &error);
  g_autofree char *contents = NULL;
  gsize length;

  /* ".CSV" in any case goes to the CSV loader, which must not read it as JSON. */
  g_assert_no_error (error);
  g_file_get_contents (csv, &contents, &length, &error);
  g_assert_no_error (error);
  upper = g_build_filename (dir, "FEES.CSV", NULL);
  g_file_set_contents (upper, contents, length, &error);
  g_assert_no_error (error);
  dataset = kasane_load_file (upper, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_false (has_message (diagnostics, "the root must be an object"));
  g_assert_nonnull (dataset);
  g_assert_cmpuint (dataset->layers->len, ==, 0);
  g_assert_cmpuint (dataset->series->len, >, 0);
  g_unlink (upper);
  g_rmdir (dir);
}

static void
test_performance (void)
{
  g_autofree char *path = fixture_path ("valid", "two-layer.json");
  gint64 start = g_get_monotonic_time ();
  double seconds;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(KasaneDataset) dataset = kasane_dataset_load_json_file (path, diagnostics);

      g_assert_nonnull (dataset);
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("300 loads in %.3f s", seconds);
  g_assert_cmpfloat (seconds, <, 5.0);
}

static void
test_big_flat (void)
{
  /* A long minified line: positions must stay linear, not quadratic. */
  g_autoptr(GString) text = g_string_new ("{\"format\": \"kasane-dataset/1\", \"x\": [");
  g_autoptr(KasaneDiagnostics) diagnostics = NULL;
  gint64 start;

  for (guint i = 0; i < 500000; i++)
    g_string_append (text, i > 0 ? ",\"é\"" : "\"é\"");
  g_string_append (text, "], \"y\": 1e999}");
  start = g_get_monotonic_time ();
  diagnostics = load_invalid (text->str, text->len);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  assert_first_error_at (diagnostics, 1, 38 + 500000 * 4 - 1 + 8, KASANE_DATASET_ERROR_RANGE);
}

/* Messages that say what is really wrong: a folder named as the CSV file, an ordinal date;
 * and a .tsv file is a table, not JSON. */
static void
test_precise_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasane-json-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autofree char *tsv = fixture_path ("csv", "tab.tsv");
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) table = NULL;
  const char *json =
    "{\"format\": \"kasane-dataset/1\", \"id\": \"x\", \"title\": \"X\",\n"
    " \"problems\": [{\"id\": \"p\", \"label\": \"P\", \"weight\": 2}],\n"
    " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\", \"introduces\": [\"p\"]}],\n"
    " \"series\": [{\"id\": \"s\", \"name\": \"S\", \"unit\": \"u\", \"csv\": \".\", \"column\": \"v\",\n"
    "   \"source\": {\"name\": \"me\", \"url\": \"https://x.org/\", \"retrieved\": \"2026-01-01\"}}],\n"
    " \"events\": [{\"date\": \"2024-073\", \"label\": \"e\"}]}\n";

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_null (kasane_load_file (path, diagnostics));
  print_diagnostics (diagnostics);
  g_assert_true (has_message (diagnostics, "CSV path \".\" names a folder"));
  g_assert_false (has_message (diagnostics, "symbolic link"));
  g_assert_true (has_message (diagnostics, "2024-073 is an ordinal date"));
  g_clear_pointer (&diagnostics, kasane_diagnostics_free);

  diagnostics = kasane_diagnostics_new ();
  table = kasane_load_file (tsv, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_nonnull (table);
  g_assert_cmpuint (table->series->len, >, 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* A paragraph is at most KASANE_MAX_TEXT_CHARS characters, a name or label at most
 * KASANE_MAX_LABEL_CHARS: the caps admit them, one more is a located error (a chart lays
 * every text out, and sets each label whole). */
static void
test_text_cap (void)
{
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autofree char *label = g_strnfill (KASANE_MAX_LABEL_CHARS + extra, 'x');
      g_autofree char *paragraph = g_strnfill (KASANE_MAX_TEXT_CHARS + extra, 'y');
      g_autofree char *json = g_strdup_printf (
        "{\"format\": \"kasane-dataset/1\", \"id\": \"x\", \"title\": \"X\",\n"
        " \"problems\": [{\"id\": \"p\", \"label\": {\"en\": \"%s\"}, \"weight\": 2,\n"
        "   \"description\": \"%s\"}],\n"
        " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"%s\",\n"
        "   \"introduces\": [\"p\"]}]}\n", label, paragraph, label);
      g_autoptr(KasaneDataset) dataset = kasane_dataset_load_json (json, strlen (json),
                                                                   "cap.json", NULL,
                                                                   diagnostics);

      print_diagnostics (diagnostics);
      if (extra == 0)
        g_assert_nonnull (dataset);
      else
        {
          g_assert_null (dataset);
          g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, 3);
          g_assert_true (has_message (diagnostics, "a name or label longer than 200 characters "
                                                   "in \"en\""));
          g_assert_true (has_message (diagnostics, "text longer than 10000 characters in "
                                                   "\"description\""));
          g_assert_true (has_message (diagnostics, "a name or label longer than 200 characters "
                                                   "in \"name\""));
        }
    }
}

/* A dataset holds at most KASANE_MAX_PROBLEMS problems (and as many layers and series):
 * the cap is admitted, one more is a located error. */
static void
test_count_caps (void)
{
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(GString) json = g_string_new ("{\"format\": \"kasane-dataset/1\", \"id\": \"x\","
                                              " \"title\": \"X\", \"problems\": [");
      g_autoptr(KasaneDataset) dataset = NULL;

      for (guint i = 0; i < KASANE_MAX_PROBLEMS + extra; i++)
        g_string_append_printf (json, "%s{\"id\": \"p%u\", \"label\": \"P\", \"weight\": 1}",
                                i > 0 ? ", " : "", i);
      g_string_append (json, "], \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\","
                             " \"introduces\": [\"p0\"]}]}");
      dataset = kasane_dataset_load_json (json->str, json->len, "many.json", NULL, diagnostics);
      if (extra == 0)
        {
          g_assert_nonnull (dataset);
          g_assert_cmpuint (dataset->problems->len, ==, KASANE_MAX_PROBLEMS);
        }
      else
        {
          g_assert_null (dataset);
          g_autofree char *message = g_strdup_printf ("too many problems: %u; a dataset holds "
                                                      "at most %u", KASANE_MAX_PROBLEMS + 1,
                                                      KASANE_MAX_PROBLEMS);

          g_assert_true (has_message (diagnostics, message));
        }
    }
}

/* The paragraphs of one language hold at most KASANE_MAX_PARAGRAPHS_CHARS characters in
 * all: at the cap they load, one more is refused where the list is. */
static void
test_paragraphs_chars_cap (void)
{
  guint per = KASANE_MAX_PARAGRAPHS_CHARS / 20;

  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(GString) json = g_string_new ("{\"format\": \"kasane-dataset/1\", \"id\": \"x\", "
                                              "\"title\": \"X\", \"layers\": [{\"id\": \"l1\", "
                                              "\"level\": 1, \"name\": \"L1\"}], \"notes\": {\"en\": [");
      g_autoptr(KasaneDataset) dataset = NULL;

      for (guint i = 0; i < 20; i++)
        {
          g_autofree char *paragraph = g_strnfill (per + (i == 19 ? extra : 0), 'w');

          g_string_append_printf (json, "%s\"%s\"", i > 0 ? ", " : "", paragraph);
        }
      g_string_append (json, "]}}");
      dataset = kasane_dataset_load_json (json->str, json->len, "long.json", NULL, diagnostics);
      if (extra == 0)
        g_assert_nonnull (dataset);
      else
        {
          g_autofree char *message = g_strdup_printf ("paragraphs longer than %u characters in "
                                                      "all in \"en\"",
                                                      KASANE_MAX_PARAGRAPHS_CHARS);

          print_diagnostics (diagnostics);
          g_assert_null (dataset);
          g_assert_true (has_message (diagnostics, message));
        }
    }
}

/* The layers' lists name at most KASANE_MAX_EFFECTS problems in all: one error, at the
 * reference past the cap (before, 1,000 layers mitigating 1,000 problems each passed). */
static void
test_effects_cap (void)
{
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(GString) json = g_string_new ("{\"format\": \"kasane-dataset/1\", \"id\": \"x\","
                                              " \"title\": \"X\", \"problems\": [");
      g_autoptr(KasaneDataset) dataset = NULL;
      guint n_layers = KASANE_MAX_EFFECTS / 100 + 1;
      guint named = 0;

      for (guint i = 0; i < 100; i++)
        g_string_append_printf (json, "%s{\"id\": \"p%u\", \"label\": \"P\", \"weight\": 1}",
                                i > 0 ? ", " : "", i);
      g_string_append (json, "], \"layers\": [");
      /* L1 introduces the 100 problems, every later layer mitigates them all. */
      for (guint l = 0; l < n_layers; l++)
        {
          guint n = MIN (100, KASANE_MAX_EFFECTS + extra - named);

          g_string_append_printf (json, "%s{\"id\": \"l%u\", \"level\": %u, \"name\": \"L\", "
                                  "\"%s\": [", l > 0 ? ", " : "", l, l + 1,
                                  l == 0 ? "introduces" : "mitigates");
          for (guint i = 0; i < n; i++)
            g_string_append_printf (json, "%s\"p%u\"", i > 0 ? ", " : "", i);
          g_string_append (json, "]}");
          named += n;
        }
      g_string_append (json, "]}");
      g_assert_cmpuint (named, ==, KASANE_MAX_EFFECTS + extra);
      dataset = kasane_dataset_load_json (json->str, json->len, "many.json", NULL, diagnostics);
      if (extra == 0)
        g_assert_nonnull (dataset);
      else
        {
          print_diagnostics (diagnostics);
          g_assert_null (dataset);
          g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 1);
          g_autofree char *message = g_strdup_printf ("too many problem references: the layers "
                                                      "of a dataset name at most %u problems in "
                                                      "all", KASANE_MAX_EFFECTS);

          g_assert_true (has_message (diagnostics, message));
        }
    }
}

/* Notes, speaker notes and examples hold at most KASANE_MAX_PARAGRAPHS entries: the
 * Explain view gives each its own label (5 million empty paragraphs fit in 16 MiB). */
static void
test_paragraph_cap (void)
{
  static const char * const places[] = { "notes", "speaker_notes", "examples" };

  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    for (guint extra = 0; extra < 2; extra++)
      {
        g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
        g_autoptr(GString) list = g_string_new ("[");
        g_autoptr(GString) json = g_string_new (NULL);
        g_autoptr(KasaneDataset) dataset = NULL;

        for (guint i = 0; i < KASANE_MAX_PARAGRAPHS + extra; i++)
          g_string_append_printf (list, "%s\"p%u\"", i > 0 ? ", " : "", i);
        g_string_append (list, "]");
        g_string_printf (json, "{\"format\": \"kasane-dataset/1\", \"id\": \"x\", "
                         "\"title\": \"X\", \"layers\": [{\"id\": \"l1\", \"level\": 1, "
                         "\"name\": \"L1\"%s%s%s}]%s%s%s}",
                         p == 1 ? ", \"speaker_notes\": {\"en\": " : "",
                         p == 1 ? list->str : "", p == 1 ? "}" : "",
                         p == 0 ? ", \"notes\": {\"ja\": " : "",
                         p == 0 ? list->str : "", p == 0 ? "}" : "");
        if (p == 2)
          {
            /* Examples sit in the layer: put them before its closing brace. */
            char *brace = strstr (json->str, "}]");
            gsize at = brace - json->str;

            g_string_insert (json, at, list->str);
            g_string_insert (json, at, ", \"examples\": ");
          }
        dataset = kasane_dataset_load_json (json->str, json->len, "many.json", NULL,
                                            diagnostics);
        if (extra == 0)
          g_assert_nonnull (dataset);
        else
          {
            g_autofree char *message = g_strdup_printf ("too many %s: %u; %s holds at most %u",
                                                        p == 2 ? "examples" : "paragraphs",
                                                        KASANE_MAX_PARAGRAPHS + 1,
                                                        p == 2 ? "a layer" : "a text",
                                                        KASANE_MAX_PARAGRAPHS);
            print_diagnostics (diagnostics);
            g_assert_null (dataset);
            g_assert_true (has_message (diagnostics, message));
          }
      }
}

/* `featured` and `headline` (DESIGN.md): a series opens the Trend view and titles its
 * panel, an event is labelled; anything but true or false is a located error. */
static void
test_featured (void)
{
  static const char json[] =
    "{\"format\": \"kasane-dataset/1\", \"id\": \"f\", \"title\": \"F\",\n"
    " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\"}],\n"
    " \"series\": [{\"id\": \"a\", \"name\": \"A\", \"unit\": \"\", \"featured\": true,\n"
    "   \"headline\": {\"en\": \"A fell tenfold\", \"ja\": \"A は十分の一に\"},\n"
    "   \"source\": {\"name\": \"n\", \"url\": \"u\", \"retrieved\": \"2026\"},\n"
    "   \"points\": [[\"2020\", 1]]},\n"
    "  {\"id\": \"b\", \"name\": \"B\", \"unit\": \"\", \"featured\": false,\n"
    "   \"source\": {\"name\": \"n\", \"url\": \"u\", \"retrieved\": \"2026\"},\n"
    "   \"points\": [[\"2020\", 1]]}],\n"
    " \"events\": [{\"date\": \"2021\", \"label\": \"E\", \"featured\": %s}]}\n";
  g_autofree char *good = g_strdup_printf (json, "true");
  g_autofree char *bad = g_strdup_printf (json, "\"yes\"");
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) dataset = NULL;
  const KasaneSeries *a, *b;

  dataset = kasane_dataset_load_json (good, strlen (good), "f.json", NULL, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_nonnull (dataset);
  a = g_ptr_array_index (dataset->series, 0);
  b = g_ptr_array_index (dataset->series, 1);
  g_assert_true (a->featured);
  g_assert_false (b->featured);
  g_assert_cmpstr (kasane_text_get (&a->headline, "ja"), ==, "A は十分の一に");
  g_assert_cmpstr (kasane_text_get (&b->headline, "en"), ==, "");
  g_assert_true (((KasaneEvent *) g_ptr_array_index (dataset->events, 0))->featured);
  g_clear_pointer (&dataset, kasane_dataset_unref);

  g_clear_pointer (&diagnostics, kasane_diagnostics_free);
  diagnostics = kasane_diagnostics_new ();
  dataset = kasane_dataset_load_json (bad, strlen (bad), "f.json", NULL, diagnostics);
  print_diagnostics (diagnostics);
  g_assert_null (dataset);
  assert_first_error_at (diagnostics, 10, 56, KASANE_DATASET_ERROR_TYPE);
  g_assert_true (has_message (diagnostics, "true or false"));
}

/* Past KASANE_DIAGNOSTICS_MAX errors, the list says how many more there were. */
static void
test_more_errors (void)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GString) json = g_string_new ("{\"format\": \"kasane-dataset/1\", \"id\": \"x\","
                                          " \"title\": \"X\", \"problems\": [");
  g_autofree char *text = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (json, "%s{\"id\": \"p%u\", \"label\": \"P\", \"weight\": \"x\"}",
                            i > 0 ? ", " : "", i);
  g_string_append (json, "], \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\"}]}");
  g_assert_null (kasane_dataset_load_json (json->str, json->len, "many.json", NULL, diagnostics));
  g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, KASANE_DIAGNOSTICS_MAX);
  g_assert_cmpuint (kasane_diagnostics_count_dropped (diagnostics), ==, 50);
  text = kasane_diagnostics_format (diagnostics);
  g_assert_true (g_str_has_suffix (text, "many.json: note: 50 more errors were not shown\n"));
}

/* At most KASANE_MAX_POINTS points written in a dataset file, said once. */
static void
test_points_cap (void)
{
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(GString) json = g_string_new ("{\"format\": \"kasane-dataset/1\", \"id\": \"x\","
                                              " \"title\": \"X\", \"problems\": [{\"id\": \"p\","
                                              " \"label\": \"P\", \"weight\": 1}], \"layers\":"
                                              " [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\","
                                              " \"introduces\": [\"p\"]}], \"series\": [");
      g_autoptr(KasaneDataset) dataset = NULL;
      const guint per_series = KASANE_MAX_POINTS / 4;

      /* Four series fill the cap exactly; a fifth of one point goes past it. */
      for (guint s = 0; s < 4 + extra; s++)
        {
          guint n = s < 4 ? per_series : 1;

          g_string_append_printf (json, "%s{\"id\": \"s%u\", \"name\": \"S\", \"unit\": \"u\","
                                  " \"source\": {\"name\": \"me\", \"url\": \"https://x.org/\","
                                  " \"retrieved\": \"2026-01-01\"}, \"points\": [",
                                  s > 0 ? ", " : "", s);
          for (guint i = 0; i < n; i++)
            g_string_append_printf (json, "%s[\"%u\", %u]", i > 0 ? ", " : "", 2000 + i % 20, i);
          g_string_append (json, "]}");
        }
      g_string_append (json, "]}");
      dataset = kasane_dataset_load_json (json->str, json->len, "points.json", NULL, diagnostics);
      print_diagnostics (diagnostics);
      if (extra == 0)
        g_assert_nonnull (dataset);
      else
        {
          g_assert_null (dataset);
          g_assert_cmpuint (kasane_diagnostics_count_errors (diagnostics), ==, 1);
          g_assert_true (has_message (diagnostics, "too many points written in the dataset"));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_auto(GStrv) manifest = NULL;

  g_test_init (&argc, &argv, NULL);

  manifest = add_manifest_tests ();
  g_test_add_func ("/json-loader/contents/two-layer", test_two_layer);
  g_test_add_func ("/json-loader/contents/one-layer", test_one_layer);
  g_test_add_func ("/json-loader/contents/bom", test_bom);
  g_test_add_func ("/json-loader/contents/reintroduce", test_reintroduce);
  g_test_add_func ("/json-loader/contents/with-csv", test_with_csv);
  g_test_add_func ("/json-loader/scan/positions", test_scan_positions);
  g_test_add_func ("/json-loader/scan/depth-limit", test_depth_limit);
  g_test_add_data_func ("/json-loader/hostile/deep-arrays", "[", test_deep);
  g_test_add_data_func ("/json-loader/hostile/deep-objects", "{\"a\":", test_deep);
  g_test_add_func ("/json-loader/hostile/deep-root-array", test_deep_root_array);
  g_test_add_func ("/json-loader/hostile/every-prefix", test_every_prefix);
  g_test_add_func ("/json-loader/hostile/garbage", test_garbage);
  g_test_add_func ("/json-loader/hostile/big-flat", test_big_flat);
  g_test_add_func ("/json-loader/encoding/utf16", test_utf16);
  g_test_add_func ("/json-loader/encoding/bom-only", test_bom_only);
  g_test_add_func ("/json-loader/report/too-many-faults", test_too_many_faults);
  g_test_add_func ("/json-loader/report/several-faults", test_several_faults_report);
  g_test_add_func ("/json-loader/file/missing", test_missing_file);
  g_test_add_func ("/json-loader/file/directory", test_directory);
  g_test_add_func ("/json-loader/file/fifo", test_fifo);
  g_test_add_func ("/json-loader/file/too-large", test_too_large);
  g_test_add_func ("/json-loader/file/too-large-in-memory", test_too_large_in_memory);
  g_test_add_func ("/json-loader/file/dispatch", test_dispatch);
  g_test_add_func ("/json-loader/csv/symlink", test_csv_symlink);
  g_test_add_func ("/json-loader/csv/no-base-dir", test_csv_no_base_dir);
  g_test_add_func ("/json-loader/csv/unknown-column", test_csv_unknown_column);
  g_test_add_func ("/json-loader/csv/budget", test_csv_budget);
  g_test_add_func ("/json-loader/performance", test_performance);
  g_test_add_func ("/json-loader/precise-messages", test_precise_messages);
  g_test_add_func ("/json-loader/text-cap", test_text_cap);
  g_test_add_func ("/json-loader/count-caps", test_count_caps);
  g_test_add_func ("/json-loader/paragraph-cap", test_paragraph_cap);
  g_test_add_func ("/json-loader/featured", test_featured);
  g_test_add_func ("/json-loader/effects-cap", test_effects_cap);
  g_test_add_func ("/json-loader/paragraphs-chars-cap", test_paragraphs_chars_cap);
  g_test_add_func ("/json-loader/more-errors", test_more_errors);
  g_test_add_func ("/json-loader/points-cap", test_points_cap);

  return g_test_run ();
}
