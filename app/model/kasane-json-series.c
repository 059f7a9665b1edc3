/* kasane-json-series.c: a dataset's series — points written in the file, or a column
 * of a CSV file it names (resolved inside the dataset's folder, its faults reported at
 * their place in the CSV file with a note at the member that names it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-json-loader"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "kasane-csv.h"
#include "kasane-json-loader-private.h"
#include "kasane-loader.h"

/* Series */

enum { S_ID, S_NAME, S_UNIT, S_SOURCE, S_LAYER, S_SCALE, S_KIND, S_POINTS, S_CSV, S_COLUMN,
       S_FEATURED, S_HEADLINE, S_N };
static const char * const series_members[] = {
  "id", "name", "unit", "source", "layer", "scale", "kind", "points", "csv", "column",
  "featured", "headline",
};
static const char * const scale_names[] = { "linear", "log" };

const char * const *
loader_series_members (guint *n_members)
{
  *n_members = G_N_ELEMENTS (series_members);
  return series_members;
}

static const char * const kind_names[] = { "line", "step", "points" };


static void
add_point (Loader      *self,
           const Value *element,
           gpointer     user_data)
{
  PointsContext *context = user_data;
  Value date = { NULL, 0, element->name, TRUE };
  Value number = date, label = date;
  KasaneText *text = NULL;
  KasaneDate when;
  JsonArray *json;
  gboolean date_ok, number_ok;
  guint8 precision;
  double y;
  guint n;

  if (loader_type_of (self, element) != KASANE_JSON_ARRAY)
    {
      loader_type_error (self, element, "a point [date, value] or [date, value, label]");
      return;
    }
  json = json_node_get_array (element->node);
  n = json_array_get_length (json);
  if (n < 2 || n > 3)
    {
      loader_error_at_entry (self, element->entry, KASANE_DATASET_ERROR_INVALID,
                             "a point is [date, value] or [date, value, label], found %u element%s", n,
                             n == 1 ? "" : "s");
      return;
    }

  date.node = json_array_get_element (json, 0);
  date.entry = element->entry + 1;
  number.node = json_array_get_element (json, 1);
  number.entry = kasane_json_scan_next (self->scan, date.entry);
  if (n == 3)
    {
      label.name = "label";
      label.element = FALSE;
      label.node = json_array_get_element (json, 2);
      label.entry = kasane_json_scan_next (self->scan, number.entry);
    }

  /* Both are read, so a point with two faults reports both. */
  date_ok = loader_read_date (self, &date, &when);
  number_ok = loader_read_number (self, &number, &y);
  if (!date_ok || !number_ok)
    return;
  if (!isfinite (y))
    {
      loader_error_at_entry (self, number.entry, KASANE_DATASET_ERROR_RANGE,
                             "expected a finite number in \"%s\"", element->name);
      return;
    }
  if (context->series->scale == KASANE_SCALE_LOG && y <= 0)
    {
      loader_error_at_entry (self, number.entry, KASANE_DATASET_ERROR_RANGE,
                             "a series on a log scale needs positive values, found %g", y);
      return;
    }
  if (label.node != NULL)
    {
      text = g_new0 (KasaneText, 1);
      if (!loader_read_label (self, &label, text))
        {
          kasane_text_free (text);
          return;
        }
      context->has_labels = TRUE;
    }

  g_array_append_val (context->x, when.t);
  g_array_append_val (context->y, y);
  precision = (guint8) when.precision;
  g_byte_array_append (context->precision, &precision, 1);
  g_ptr_array_add (context->labels, text);
}

static void
read_points (Loader       *self,
             const Value  *value,
             KasaneSeries *series)
{
  PointsContext context = { series };

  /* Points written out in JSON are the loader's slowest input (json-glib builds a node
   * for each): past the cap a dataset file would take more than 2 s to load.  Long series
   * belong in a CSV file, which is read without a tree. */
  if (loader_type_of (self, value) == KASANE_JSON_ARRAY)
    {
      guint n = json_array_get_length (json_node_get_array (value->node));

      if (self->n_points > KASANE_MAX_POINTS)
        return;   /* said once, at the series that went past */
      if (n > KASANE_MAX_POINTS - self->n_points)
        {
          loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_RANGE,
                                 "too many points written in the dataset: at most %u in all; "
                                 "put long series in a CSV file (\"csv\")", KASANE_MAX_POINTS);
          self->n_points = KASANE_MAX_POINTS + 1;
          return;
        }
      self->n_points += n;
    }

  context.x = g_array_new (FALSE, FALSE, sizeof (double));
  context.y = g_array_new (FALSE, FALSE, sizeof (double));
  context.precision = g_byte_array_new ();
  context.labels = g_ptr_array_new ();

  loader_for_each_element (self, value, "an array of points", add_point, &context);

  series->n_points = context.x->len;
  series->x = (double *) (void *) g_array_free (context.x, FALSE);
  series->y = (double *) (void *) g_array_free (context.y, FALSE);
  series->precision = g_byte_array_free (context.precision, FALSE);
  if (context.has_labels)
    series->labels = (KasaneText **) g_ptr_array_free (context.labels, FALSE);
  else
    g_ptr_array_free (context.labels, TRUE);
}

static void note_at_name (Loader     *self,
                          guint       entry,
                          const char *format,
                          ...) G_GNUC_PRINTF (3, 4);

static void
note_at_name (Loader     *self,
              guint       entry,
              const char *format,
              ...)
{
  const KasaneJsonEntry *e = loader_entry_at (self, entry);
  va_list args;

  va_start (args, format);
  loader_report_valist (self, KASANE_SEVERITY_NOTE, KASANE_DATASET_ERROR_INVALID,
                        e->name_line > 0 ? e->name_line : e->line,
                        e->name_line > 0 ? e->name_column : e->column, format, args);
  va_end (args);
}

/* strerror says "No such file"; our messages continue in lower case. */
static char *
lower_reason (const char *reason)
{
  char *lower = g_strdup (reason);

  if (g_ascii_isupper (lower[0]) && !g_ascii_isupper (lower[1]))
    lower[0] = g_ascii_tolower (lower[0]);
  return lower;
}

/* Resolves a CSV path in the dataset's folder; NULL (reported) when it would leave it.
 * `real_out` gets the path with every link resolved, which names the file in the cache. */
static char *
resolve_csv_path (Loader      *self,
                  const Value *value,
                  const char  *path,
                  char       **real_out)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *what = kasane_json_shown_text (path);
  g_autofree char *joined = NULL;
  g_autofree char *real_base = NULL;
  g_autofree char *real_path = NULL;
  gsize base_len;

  if (self->base_dir == NULL)
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_IO,
                             "a series read from \"csv\" needs the dataset's folder, and this dataset "
                             "was not read from a file");
      return NULL;
    }
  if (*path == '\0')
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                             "expected a file name for \"csv\", found an empty string");
      return NULL;
    }
  if (g_path_is_absolute (path) || path[0] == '~')
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                             "CSV path \"%s\" is absolute; it must be relative to the dataset's folder",
                             what);
      return NULL;
    }
  parts = g_strsplit_set (path, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      {
        loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                               "CSV path \"%s\" leaves the dataset's folder (\"..\" is not allowed)",
                               what);
        return NULL;
      }

  joined = g_build_filename (self->base_dir, path, NULL);
  real_base = realpath (self->base_dir, NULL);
  if (real_base == NULL)
    {
      g_autofree char *reason = lower_reason (g_strerror (errno));

      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_IO,
                             "cannot read the dataset's folder: %s", reason);
      return NULL;
    }
  if (g_file_test (joined, G_FILE_TEST_IS_DIR))
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                             "CSV path \"%s\" names a folder; expected a CSV file in it", what);
      return NULL;
    }
  real_path = realpath (joined, NULL);
  if (real_path == NULL)
    {
      g_autofree char *reason = lower_reason (g_strerror (errno));

      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_IO,
                             "cannot read CSV file \"%s\": %s", what, reason);
      return NULL;
    }

  /* A symbolic link may point anywhere: compare the real paths. */
  base_len = strlen (real_base);
  if (!(strncmp (real_path, real_base, base_len) == 0 &&
        (real_path[base_len] == '/' || (base_len == 1 && real_base[0] == '/'))))
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                             "CSV path \"%s\" leaves the dataset's folder through a symbolic link",
                             what);
      return NULL;
    }
  *real_out = g_steal_pointer (&real_path);
  return g_steal_pointer (&joined);
}

static KasaneCsvBudget test_budget;
static gboolean test_budget_set;

void
kasane_json_loader_set_csv_budget (const KasaneCsvBudget *budget)
{
  test_budget_set = budget != NULL;
  if (budget != NULL)
    test_budget = *budget;
}

static void
columns_free (gpointer columns)
{
  if (columns != NULL)
    g_ptr_array_unref (columns);
}

/* The columns of a CSV file, read the first time a series names it (within the dataset's
 * budget) and kept until the dataset is read; NULL when the file could not be read. */
static GPtrArray *
csv_columns (Loader      *self,
             const char  *path,
             const char  *real_path)
{
  GPtrArray *columns;
  gpointer cached;

  if (self->csv_files == NULL)
    {
      /* A file that could not be read is kept as NULL, hence not g_ptr_array_unref. */
      self->csv_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               columns_free);
      self->csv_taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (test_budget_set)
        self->csv_budget = test_budget;
      else
        kasane_csv_budget_init (&self->csv_budget);
    }
  if (g_hash_table_lookup_extended (self->csv_files, real_path, NULL, &cached))
    return cached;

  columns = kasane_csv_parse_file (path, &self->csv_budget, self->diagnostics);
  if (columns != NULL)
    g_ptr_array_set_free_func (columns, (GDestroyNotify) kasane_series_free);
  g_hash_table_insert (self->csv_files, g_strdup (real_path), columns);
  return columns;
}

/* Gives `series` the points of `from`: its own the first time (from then holds none), a
 * copy when another series took them already. */
static gboolean
take_points (Loader       *self,
             KasaneSeries *series,
             KasaneSeries *from,
             KasaneSeries *taken_by,
             const Value  *column)
{
  if (taken_by == NULL)
    {
      series->n_points = from->n_points;
      series->numeric_x = from->numeric_x;
      series->x = g_steal_pointer (&from->x);
      series->y = g_steal_pointer (&from->y);
      series->precision = g_steal_pointer (&from->precision);
      from->n_points = 0;
      return TRUE;
    }

  /* A column named again is copied, and the copy takes its points from the values the
   * dataset may still read: what its series hold stays within the cap. */
  if (taken_by->n_points > self->csv_budget.values)
    {
      loader_error_at_entry (self, column->entry, KASANE_DATASET_ERROR_RANGE,
                             "this column is read again, and the series read from CSV files "
                             "would then hold more than %" G_GUINT64_FORMAT " points in all",
                             KASANE_MAX_CSV_VALUES);
      return FALSE;
    }
  self->csv_budget.values -= taken_by->n_points;
  series->n_points = taken_by->n_points;
  series->numeric_x = taken_by->numeric_x;
  series->x = g_memdup2 (taken_by->x, sizeof (double) * taken_by->n_points);
  series->y = g_memdup2 (taken_by->y, sizeof (double) * taken_by->n_points);
  series->precision = g_memdup2 (taken_by->precision, taken_by->n_points);
  return TRUE;
}

static void
read_csv_series (Loader       *self,
                 KasaneSeries *series,
                 const Value  *csv,
                 const Value  *column)
{
  GPtrArray *columns;
  g_autofree char *path = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *key = NULL;
  const char *file, *header;
  KasaneSeries *found = NULL;
  guint n_before;

  file = loader_read_string (self, csv);
  header = loader_read_string (self, column);
  if (file == NULL || header == NULL)
    return;
  path = resolve_csv_path (self, csv, file, &real_path);
  if (path == NULL)
    return;

  n_before = kasane_diagnostics_get_n_items (self->diagnostics);
  columns = csv_columns (self, path, real_path);
  /* CSV faults keep their place in the CSV file; this note ties them to the dataset. */
  if (kasane_diagnostics_get_n_items (self->diagnostics) > n_before)
    note_at_name (self, csv->entry, "read for series \"%s\" here",
                  series->id != NULL ? series->id : header);
  if (columns == NULL)
    {
      /* Reported where the file was first named. */
      self->failed = TRUE;
      return;
    }

  for (guint i = 0; i < columns->len && found == NULL; i++)
    {
      KasaneSeries *candidate = g_ptr_array_index (columns, i);

      if (g_strcmp0 (candidate->name.en, header) == 0)
        found = candidate;
    }
  if (found == NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *what = kasane_json_shown_text (header);

      for (guint i = 0; i < columns->len && i < 20; i++)
        {
          KasaneSeries *other = g_ptr_array_index (columns, i);
          g_autofree char *name = kasane_json_shown_text (kasane_text_get (&other->name, "en"));

          g_string_append_printf (list, "%s\"%s\"", i > 0 ? ", " : "", name);
        }
      if (columns->len > 20)
        g_string_append (list, ", …");
      loader_error_at_entry (self, column->entry, KASANE_DATASET_ERROR_UNRESOLVED,
                             "no column \"%s\" in \"%s\"; its columns are %s", what, file,
                             columns->len > 0 ? list->str : "(none)");
      return;
    }

  /* Keep the data; the JSON says the rest. */
  key = g_strconcat (real_path, "\n", header, NULL);
  if (!take_points (self, series, found, g_hash_table_lookup (self->csv_taken, key), column))
    return;
  if (!g_hash_table_contains (self->csv_taken, key))
    g_hash_table_insert (self->csv_taken, g_steal_pointer (&key), series);

  if (series->scale == KASANE_SCALE_LOG)
    for (guint i = 0; i < series->n_points; i++)
      if (!isnan (series->y[i]) && series->y[i] <= 0)
        {
          loader_error_at_entry (self, column->entry, KASANE_DATASET_ERROR_RANGE,
                                 "a series on a log scale needs positive values, but column \"%s\" "
                                 "has %g", header, series->y[i]);
          break;
        }
}

void
loader_read_series (Loader      *self,
                    const Value *value,
                    gpointer     user_data)
{
  Value m[S_N];
  KasaneSeries *series;
  const char *id, *unit;
  gboolean has_points, has_csv, has_column;
  int index, choice;

  if (!loader_read_object (self, value, series_members, S_N, 4, m))
    return;

  series = kasane_series_new ();
  index = (int) self->dataset->series->len;
  g_ptr_array_add (self->dataset->series, series);

  if (m[S_ID].node != NULL &&
      (id = loader_read_id (self, &m[S_ID], self->series_ids, "series", index)) != NULL)
    series->id = g_strdup (id);
  if (m[S_NAME].node != NULL)
    loader_read_label (self, &m[S_NAME], &series->name);
  /* One unit, in one or both languages: panels and number formats go by the English. */
  if (m[S_UNIT].node != NULL && loader_read_label (self, &m[S_UNIT], &series->unit_label))
    {
      unit = series->unit_label.en != NULL ? series->unit_label.en : series->unit_label.ja;
      g_free (series->unit);
      series->unit = g_strdup (unit != NULL ? unit : "");
    }
  if (m[S_SOURCE].node != NULL)
    series->source = loader_read_source (self, &m[S_SOURCE], TRUE);
  if (m[S_FEATURED].node != NULL)
    loader_read_boolean (self, &m[S_FEATURED], &series->featured);
  if (m[S_HEADLINE].node != NULL)
    loader_read_label (self, &m[S_HEADLINE], &series->headline);
  if (m[S_LAYER].node != NULL)
    series->layer = loader_read_reference (self, &m[S_LAYER], self->layer_ids, "layer");
  if (m[S_SCALE].node != NULL &&
      (choice = loader_read_choice (self, &m[S_SCALE], scale_names, G_N_ELEMENTS (scale_names))) >= 0)
    series->scale = (KasaneScale) choice;
  if (m[S_KIND].node != NULL &&
      (choice = loader_read_choice (self, &m[S_KIND], kind_names, G_N_ELEMENTS (kind_names))) >= 0)
    series->kind = (KasaneKind) choice;

  has_points = m[S_POINTS].node != NULL;
  has_csv = m[S_CSV].node != NULL;
  has_column = m[S_COLUMN].node != NULL;
  if (has_points && has_csv)
    loader_error_at_name (self, m[S_CSV].entry, KASANE_DATASET_ERROR_INVALID,
                          "a series has either \"points\" or \"csv\", not both");
  else if (has_column && !has_csv)
    loader_error_at_name (self, m[S_COLUMN].entry, KASANE_DATASET_ERROR_INVALID,
                          "\"column\" is only for a series read from \"csv\"");
  else if (has_csv && !has_column)
    loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_MISSING,
                           "missing required member \"column\" (the CSV column to read)");
  else if (!has_points && !has_csv)
    loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_MISSING,
                           "missing required member \"points\" (or \"csv\" and \"column\")");

  if (has_points && !has_csv)
    read_points (self, &m[S_POINTS], series);
  else if (has_csv && has_column && !has_points)
    read_csv_series (self, series, &m[S_CSV], &m[S_COLUMN]);
}
