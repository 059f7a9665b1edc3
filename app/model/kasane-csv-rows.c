/* kasane-csv-rows.c: reading the rows of a CSV file cell by cell — numbers (decimal
 * point or comma, exponents, correctly rounded), ISO and slash dates, Unix timestamps —
 * into one group of points per entity, with the place and reason of each fault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-csv"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "kasane-csv-private.h"
#include "kasane-date.h"

/* ---------------------------------------------------------------------------------------
 * Cells
 */

/* 10^0 … 10^22: exactly representable, so a mantissa below 2^53 divided by one of them
 * is correctly rounded (Clinger's fast path). */
static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Optional sign, digits, optional fraction ('.' or, when `decimal_comma`, ','), optional
 * exponent; spaces around it are ignored.  No thousands separators, no inf or nan.
 * `*mark` is set to the decimal mark used, or 0. */
NumberStatus
csv_parse_number (const char *start,
                  const char *end,
                  gboolean    decimal_comma,
                  double     *out,
                  char       *mark)
{
  const char *s, *number_start;
  guint64 mantissa = 0;
  guint n_significant = 0, n_digits = 0, n_fraction = 0;
  gboolean negative = FALSE, slow = FALSE;

  *mark = 0;
  csv_trim (&start, &end);
  if (start == end)
    return NUMBER_BLANK;

  s = number_start = start;
  if (*s == '+' || *s == '-')
    {
      negative = *s == '-';
      s++;
    }
  for (; s < end && *s >= '0' && *s <= '9'; s++)
    {
      n_digits++;
      if (mantissa == 0 && *s == '0')
        continue;
      if (++n_significant <= 19)
        mantissa = mantissa * 10 + (guint64) (*s - '0');
    }
  if (s < end && (*s == '.' || (*s == ',' && decimal_comma)))
    {
      *mark = *s;
      for (s++; s < end && *s >= '0' && *s <= '9'; s++)
        {
          n_digits++;
          n_fraction++;
          if (mantissa == 0 && *s == '0')
            continue;
          if (++n_significant <= 19)
            mantissa = mantissa * 10 + (guint64) (*s - '0');
        }
    }
  if (n_digits == 0)
    return NUMBER_BAD;
  if (s < end && (*s == 'e' || *s == 'E'))
    {
      const char *exponent = ++s;

      if (s < end && (*s == '+' || *s == '-'))
        s++;
      exponent = s;
      while (s < end && *s >= '0' && *s <= '9')
        s++;
      if (s == exponent)
        return NUMBER_BAD;
      slow = TRUE;
    }
  if (s != end)
    return NUMBER_BAD;

  if (!slow && n_significant <= 19 && mantissa <= (G_GUINT64_CONSTANT (1) << 53) &&
      n_fraction < G_N_ELEMENTS (powers_of_ten))
    {
      double value = (double) mantissa / powers_of_ten[n_fraction];

      *out = negative ? -value : value;
      return NUMBER_OK;
    }

  /* Exponents and long mantissas: g_ascii_strtod rounds correctly; it gets a copy
   * with a '.' decimal point (the grammar above has already been checked). */
  {
    char buffer[128];
    gsize length = end - number_start;
    g_autofree char *heap = NULL;
    char *copy = buffer;
    char *parsed_end = NULL;
    double value;

    if (length >= sizeof buffer)
      copy = heap = g_malloc (length + 1);
    memcpy (copy, number_start, length);
    copy[length] = '\0';
    if (decimal_comma)
      for (char *c = copy; *c != '\0'; c++)
        if (*c == ',')
          *c = '.';
    value = g_ascii_strtod (copy, &parsed_end);
    if (parsed_end != copy + length)
      return NUMBER_BAD;
    if (!isfinite (value))
      return NUMBER_RANGE;
    *out = value;
    return NUMBER_OK;
  }
}

/* Digits, '.', ',', spaces and apostrophes with a separator between digit groups: the
 * shape of a thousands-separated number, worth a hint in the message. */
static gboolean
looks_like_grouped_number (const char *s,
                           const char *end)
{
  gboolean digit = FALSE, group = FALSE;

  csv_trim (&s, &end);
  if (s < end && (*s == '+' || *s == '-'))
    s++;
  for (; s < end; s++)
    {
      if (*s >= '0' && *s <= '9')
        digit = TRUE;
      else if ((*s == ',' || *s == '.' || *s == ' ' || *s == '\'') && digit)
        group = group || *s != '.';
      else
        return FALSE;
    }
  return digit && group;
}

static gboolean
read_digits (const char **s,
             const char  *end,
             guint        min,
             guint        max,
             guint       *out)
{
  guint n = 0, value = 0;

  while (*s < end && n < max && **s >= '0' && **s <= '9')
    {
      value = value * 10 + (guint) (**s - '0');
      (*s)++;
      n++;
    }
  if (n < min || (*s < end && **s >= '0' && **s <= '9'))
    return FALSE;
  *out = value;
  return TRUE;
}

/* D/M/YYYY or M/D/YYYY, optionally with a 24-hour time ("13:05" or "13:05:09");
 * `*seconds` is the time of day, or -1 without one.  Checks the shape only. */
static gboolean
scan_slash_date (const char *s,
                 const char *end,
                 guint      *first,
                 guint      *second,
                 guint      *year,
                 int        *seconds)
{
  guint hour, minute, sec = 0;

  if (!read_digits (&s, end, 1, 2, first) || s >= end || *s++ != '/' ||
      !read_digits (&s, end, 1, 2, second) || s >= end || *s++ != '/' ||
      !read_digits (&s, end, 4, 4, year))
    return FALSE;
  *seconds = -1;
  if (s == end)
    return TRUE;
  if (*s != ' ' && *s != 'T')
    return FALSE;
  s++;
  if (!read_digits (&s, end, 1, 2, &hour) || s >= end || *s++ != ':' ||
      !read_digits (&s, end, 2, 2, &minute))
    return FALSE;
  if (s < end && *s == ':')
    {
      s++;
      if (!read_digits (&s, end, 2, 2, &sec))
        return FALSE;
    }
  if (s != end || hour > 23 || minute > 59 || sec > 59)
    return FALSE;
  *seconds = (int) (hour * 3600 + minute * 60 + sec);
  return TRUE;
}

/* "YYYY-M…": meant as an ISO date, whether or not it is a real one. */
static gboolean
looks_like_iso_date (const char *s,
                     const char *end)
{
  if (end - s < 6)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (s[i] < '0' || s[i] > '9')
      return FALSE;
  return s[4] == '-' && s[5] >= '0' && s[5] <= '9';
}

gboolean
csv_looks_like_date (const char *s,
                     const char *end)
{
  guint a, b, year;
  int seconds;

  csv_trim (&s, &end);
  return looks_like_iso_date (s, end) || scan_slash_date (s, end, &a, &b, &year, &seconds);
}

/* An optional '-' and up to `max_digits` digits. */
gboolean
csv_parse_integer (const char *s,
                   const char *end,
                   guint       max_digits,
                   gint64     *out)
{
  gboolean negative = FALSE;
  gint64 value = 0;
  guint n = 0;

  csv_trim (&s, &end);
  if (s < end && *s == '-')
    {
      negative = TRUE;
      s++;
    }
  for (; s < end && *s >= '0' && *s <= '9'; s++)
    {
      if (++n > max_digits)
        return FALSE;
      value = value * 10 + (*s - '0');
    }
  if (n == 0 || s != end)
    return FALSE;
  *out = negative ? -value : value;
  return TRUE;
}

/* A slash date: a cell that fits only one order is evidence for that order; a column
 * with evidence for both fits neither.  Returns FALSE after reporting a fault. */
static gboolean
read_slash_date (CsvParser      *p,
                 const CsvField *field,
                 const char     *s,
                 const char     *end,
                 double         *x,
                 guint8         *precision)
{
  guint a, b, year;
  int seconds;
  gboolean fits_md, fits_dm;

  if (!scan_slash_date (s, end, &a, &b, &year, &seconds))
    {
      g_autofree char *text = csv_excerpt (s, end);

      csv_field_error (p, field, KASANE_DATASET_ERROR_TYPE,
                       "expected a date (YYYY-MM-DD, D/M/YYYY or M/D/YYYY), got \"%s\"", text);
      return FALSE;
    }
  fits_md = kasane_is_valid_date (year, a, b);
  fits_dm = kasane_is_valid_date (year, b, a);
  if (!fits_md && !fits_dm)
    {
      g_autofree char *text = csv_excerpt (s, end);

      csv_field_error (p, field, KASANE_DATASET_ERROR_INVALID, "\"%s\" is not a real date", text);
      return FALSE;
    }
  if (fits_md != fits_dm)
    {
      guint *mine = fits_md ? &p->md_line : &p->dm_line;
      guint other = fits_md ? p->dm_line : p->md_line;

      if (*mine == 0)
        *mine = field->line;
      if (other != 0 && !p->slash_conflict)
        {
          g_autofree char *text = csv_excerpt (s, end);

          p->slash_conflict = TRUE;
          csv_field_error (p, field, KASANE_DATASET_ERROR_INVALID,
                           "\"%s\" can only be %s, but the date on line %u can only be %s: "
                           "the column fits neither order", text,
                           fits_md ? "M/D/YYYY" : "D/M/YYYY", other,
                           fits_md ? "D/M/YYYY" : "M/D/YYYY");
          return FALSE;
        }
    }
  p->n_slash++;
  p->has_pending = TRUE;
  /* Stored exactly (below 2^53) until the order is known: see resolve_pending(). */
  *x = ((double) year * 10000 + a * 100 + b) * 86400 + MAX (seconds, 0);
  *precision = seconds < 0 ? PRECISION_PENDING_SLASH_DAY : PRECISION_PENDING_SLASH_SECOND;
  return TRUE;
}

/* With ';' as the separator both marks are read, but not both in one file: where ','
 * is the decimal mark, "1.234" is more likely a thousand written with a '.' group than
 * one and a bit, and silently reading it as 1.234 would be wrong by a factor of 1000. */
static gboolean
check_decimal_mark (CsvParser      *p,
                    const CsvField *field,
                    char            mark)
{
  if (mark == 0 || !p->decimal_comma)
    return TRUE;
  if (p->decimal_mark == 0)
    {
      p->decimal_mark = mark;
      p->decimal_mark_line = field->line;
      return TRUE;
    }
  if (mark == p->decimal_mark || p->decimal_mark_conflict)
    return mark == p->decimal_mark;

  p->decimal_mark_conflict = TRUE;
  {
    g_autofree char *text = csv_excerpt (field->start, field->end);

    csv_field_error (p, field, KASANE_DATASET_ERROR_TYPE,
                     "\"%s\" uses '%c' as its decimal mark, but line %u uses '%c': in a file "
                     "separated by ';' one of them may be a thousands separator", text, mark,
                     p->decimal_mark_line, p->decimal_mark);
  }
  return FALSE;
}

/* YYYY-MM-DD, the commonest time cell, read without the general parser: consecutive rows
 * nearly always share their month, so its first day is memoized.  Anything unusual
 * returns FALSE and goes to kasane_date_parse_iso(), which also reports faults. */
static gboolean
parse_iso_day_fast (CsvParser  *p,
                    const char *s,
                    const char *end,
                    double     *x)
{
  guint day;

  if (end - s != 10 || s[4] != '-' || s[7] != '-' || s[8] < '0' || s[8] > '9' ||
      s[9] < '0' || s[9] > '9')
    return FALSE;
  if (memcmp (s, p->month_memo, 7) != 0)
    {
      guint year = 0, month = 0;

      for (int i = 0; i < 4; i++)
        {
          if (s[i] < '0' || s[i] > '9')
            return FALSE;
          year = year * 10 + (guint) (s[i] - '0');
        }
      if (s[5] < '0' || s[5] > '9' || s[6] < '0' || s[6] > '9')
        return FALSE;
      month = (guint) (s[5] - '0') * 10 + (guint) (s[6] - '0');
      if (!kasane_is_valid_date (year, month, 1))
        return FALSE;
      p->month_memo_first = kasane_days_from_civil (year, month, 1);
      p->month_memo_length = (month == 12 ? kasane_days_from_civil (year + 1, 1, 1) :
                              kasane_days_from_civil (year, month + 1, 1)) - p->month_memo_first;
      memcpy (p->month_memo, s, 7);
    }
  day = (guint) (s[8] - '0') * 10 + (guint) (s[9] - '0');
  if (day < 1 || day > p->month_memo_length)
    return FALSE;
  *x = (double) (p->month_memo_first + day - 1) * 86400;
  return TRUE;
}

/* The cell of the time column.  Returns FALSE after reporting a fault. */
static gboolean
csv_read_time_cell (CsvParser      *p,
                    const CsvField *field,
                    double         *x,
                    guint8         *precision)
{
  const char *s = field->start, *end = field->end;
  g_autofree char *text = NULL;
  char mark;

  *x = 0;
  *precision = KASANE_PRECISION_DAY;
  if (field->bad)
    return FALSE;
  csv_trim (&s, &end);
  if (s == end)
    {
      csv_field_error (p, field, KASANE_DATASET_ERROR_MISSING, "missing %s in column \"%s\"",
                       p->time_mode == TIME_NUMBER ? "x value" : "date",
                       p->headers[p->time_column]);
      return FALSE;
    }

  switch (p->time_mode)
    {
    case TIME_DATE:
      {
        KasaneDate date;

        if (parse_iso_day_fast (p, s, end, x))
          {
            *precision = KASANE_PRECISION_DAY;
            return TRUE;
          }
        if (memchr (s, '/', end - s) != NULL)
          return read_slash_date (p, field, s, end, x, precision);
        if (kasane_date_parse_iso (s, end - s, &date))
          {
            *x = date.t;
            *precision = (guint8) date.precision;
            return TRUE;
          }
        text = csv_excerpt (s, end);
        if (looks_like_iso_date (s, end))
          csv_field_error (p, field, KASANE_DATASET_ERROR_INVALID,
                           "\"%s\" is not a real date (or not ISO 8601)", text);
        else
          csv_field_error (p, field, KASANE_DATASET_ERROR_TYPE,
                           "expected a date (YYYY-MM-DD, D/M/YYYY or M/D/YYYY), got \"%s\"",
                           text);
        return FALSE;
      }

    case TIME_YEAR:
      {
        gint64 year;

        if (!csv_parse_integer (s, end, 6, &year))
          {
            text = csv_excerpt (s, end);
            csv_field_error (p, field, KASANE_DATASET_ERROR_TYPE,
                             "expected a year (an integer), got \"%s\"", text);
            return FALSE;
          }
        if (year < 1 || year > 9999)
          {
            csv_field_error (p, field, KASANE_DATASET_ERROR_RANGE,
                             "year %" G_GINT64_FORMAT " is out of range (1 to 9999)", year);
            return FALSE;
          }
        *x = (double) kasane_days_from_civil (year, 1, 1) * 86400;
        *precision = KASANE_PRECISION_YEAR;
        return TRUE;
      }

    case TIME_UNIX:
      {
        gint64 value;

        if (!csv_parse_integer (s, end, 15, &value))
          {
            text = csv_excerpt (s, end);
            csv_field_error (p, field, KASANE_DATASET_ERROR_TYPE,
                             "expected a Unix timestamp (an integer), got \"%s\"", text);
            return FALSE;
          }
        if (value < UNIX_MIN || value > UNIX_MAX)
          {
            csv_field_error (p, field, KASANE_DATASET_ERROR_RANGE,
                             "Unix timestamp %" G_GINT64_FORMAT " is out of range", value);
            return FALSE;
          }
        p->unix_max_abs = MAX (p->unix_max_abs, fabs ((double) value));
        if (fabs ((double) value) > UNIX_MS_THRESHOLD)
          {
            if (p->unix_ms_line == 0)
              p->unix_ms_line = field->line;
          }
        else if (value != 0 && p->unix_s_line == 0)
          p->unix_s_line = field->line;
        p->unix_days_s = p->unix_days_s && value % 86400 == 0;
        p->unix_days_ms = p->unix_days_ms && value % 86400000 == 0;
        p->has_pending = TRUE;
        *x = (double) value;
        *precision = PRECISION_PENDING_UNIX;
        return TRUE;
      }

    case TIME_NUMBER:
    default:
      switch (csv_parse_number (s, end, p->decimal_comma, x, &mark))
        {
        case NUMBER_OK:
          *precision = KASANE_PRECISION_NUMBER;
          return check_decimal_mark (p, field, mark);
        case NUMBER_RANGE:
          text = csv_excerpt (s, end);
          csv_field_error (p, field, KASANE_DATASET_ERROR_RANGE,
                           "number \"%s\" is out of range", text);
          return FALSE;
        case NUMBER_BLANK:
        case NUMBER_BAD:
        default:
          text = csv_excerpt (s, end);
          csv_field_error (p, field, KASANE_DATASET_ERROR_TYPE,
                           "expected a date or a number in the first column, got \"%s\"",
                           text);
          return FALSE;
        }
    }
}

/* A value cell: a number, or NAN for a blank (a gap). */
static double
csv_read_value_cell (CsvParser      *p,
                     const CsvField *field)
{
  double value = NAN;
  g_autofree char *text = NULL;
  char mark;

  if (field->bad)
    return NAN;
  switch (csv_parse_number (field->start, field->end, p->decimal_comma, &value, &mark))
    {
    case NUMBER_OK:
      if (G_UNLIKELY (mark != 0 && p->decimal_comma))
        check_decimal_mark (p, field, mark);
      return value;
    case NUMBER_BLANK:
      return NAN;
    case NUMBER_RANGE:
      text = csv_excerpt (field->start, field->end);
      csv_field_error (p, field, KASANE_DATASET_ERROR_RANGE, "number \"%s\" is out of range", text);
      return NAN;
    case NUMBER_BAD:
    default:
      text = csv_excerpt (field->start, field->end);
      if (looks_like_grouped_number (field->start, field->end))
        csv_field_error (p, field, KASANE_DATASET_ERROR_TYPE,
                         "expected a number, got \"%s\" (thousands separators are not accepted%s)",
                         text, p->separator == ';' ? "; the decimal separator is ','" : "");
      else
        csv_field_error (p, field, KASANE_DATASET_ERROR_TYPE,
                         "expected a number, got \"%s\"", text);
      return NAN;
    }
}

/* ---------------------------------------------------------------------------------------
 * Rows: in the file of the cells, so the cell readers are inlined into the row loop
 * (across files they were not: 3 % more instructions for a million-row CSV).
 */

static void
double_vec_grow (DoubleVec *vec,
                 gsize      wanted)
{
  gsize alloc = MAX (vec->alloc, 4);

  while (alloc < wanted)
    alloc *= 2;
  vec->data = g_renew (double, vec->data, alloc);
  vec->alloc = alloc;
}

static inline void
double_vec_push (DoubleVec *vec,
                 double     value)
{
  if (G_UNLIKELY (vec->len == vec->alloc))
    double_vec_grow (vec, vec->len + 1);
  vec->data[vec->len++] = value;
}

static void
byte_vec_grow (ByteVec *vec,
               gsize    wanted)
{
  gsize alloc = MAX (vec->alloc, 4);

  while (alloc < wanted)
    alloc *= 2;
  vec->data = g_renew (guint8, vec->data, alloc);
  vec->alloc = alloc;
}

static inline void
byte_vec_push (ByteVec *vec,
               guint8   value)
{
  if (G_UNLIKELY (vec->len == vec->alloc))
    byte_vec_grow (vec, vec->len + 1);
  vec->data[vec->len++] = value;
}

static PointGroup *
point_group_new (char  *name,
                 guint  n_values,
                 gsize  reserve)
{
  PointGroup *group = g_new0 (PointGroup, 1);

  group->name = name;
  group->y = g_new0 (DoubleVec, MAX (n_values, 1));
  if (reserve > 0)
    {
      double_vec_grow (&group->x, reserve);
      byte_vec_grow (&group->precision, reserve);
      for (guint j = 0; j < n_values; j++)
        double_vec_grow (&group->y[j], reserve);
    }
  return group;
}

/* The points of the entity named in `field`, new or not; NULL (after reporting) when
 * there would be too many series. */
static PointGroup *
find_group (CsvParser      *p,
            const CsvField *field)
{
  g_autofree char *name = csv_field_dup (field);
  gpointer index;
  PointGroup *group;

  index = g_hash_table_lookup (p->group_index, name);
  if (index != NULL)
    return g_ptr_array_index (p->groups, GPOINTER_TO_UINT (index) - 1);

  if ((p->groups->len + 1) * (guint64) p->n_values > CSV_MAX_SERIES)
    {
      csv_field_error (p, field, KASANE_DATASET_ERROR_INVALID,
                       "too many series (more than %u entities × value columns)",
                       CSV_MAX_SERIES);
      p->full = TRUE;
      return NULL;
    }
  group = point_group_new (g_steal_pointer (&name), p->n_values, 0);
  g_ptr_array_add (p->groups, group);
  g_hash_table_insert (p->group_index, group->name, GUINT_TO_POINTER (p->groups->len));
  return group;
}

void
csv_read_rows (CsvParser *p,
               gsize      reserve)
{
  PointGroup *group = NULL;
  CsvField last_entity = { 0 };
  RecordStatus status;

  if (!p->long_form)
    {
      group = point_group_new (NULL, p->n_values, reserve);
      g_ptr_array_add (p->groups, group);
    }

  while (!p->full && (status = csv_read_record (p)) == RECORD_OK)
    {
      double x;
      guint8 precision;

      if (p->n_total != p->n_columns)
        {
          if (p->n_total < p->n_columns)
            csv_report (p, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_SYNTAX,
                        p->record_end_line,
                        csv_column (p, p->record_end_line_start, p->record_end),
                        "row has %u field%s, but the header has %u", p->n_total,
                        p->n_total == 1 ? "" : "s", p->n_columns);
          else
            csv_field_error (p, &p->fields[p->n_columns], KASANE_DATASET_ERROR_SYNTAX,
                             "row has %u fields, but the header has %u", p->n_total,
                             p->n_columns);
          continue;
        }

      if (p->long_form)
        {
          const CsvField *entity = &p->fields[0];
          const char *s = entity->start, *end = entity->end;

          csv_trim (&s, &end);
          if (s == end)
            {
              csv_field_error (p, entity, KASANE_DATASET_ERROR_MISSING,
                               "missing entity name in column \"%s\"", p->headers[0]);
              continue;
            }
          /* Long-form files list one entity's rows together: most rows name the same
           * entity as the row before, which costs a comparison and no lookup. */
          if (group == NULL || last_entity.end - last_entity.start != end - s ||
              memcmp (last_entity.start, s, end - s) != 0)
            {
              last_entity = *entity;
              last_entity.start = s;
              last_entity.end = end;
              group = find_group (p, &last_entity);
              if (group == NULL)
                break;
            }
        }

      p->n_cells += p->n_values;
      if (p->n_cells > p->max_cells)
        {
          if (p->shared_cells)
            csv_field_error (p, &p->fields[0], KASANE_DATASET_ERROR_INVALID,
                             "too many values: the CSV files this dataset reads hold more "
                             "than %" G_GUINT64_FORMAT " in all", KASANE_MAX_CSV_VALUES);
          else
            csv_field_error (p, &p->fields[0], KASANE_DATASET_ERROR_INVALID,
                             "too many values (more than %" G_GUINT64_FORMAT ")",
                             KASANE_MAX_CSV_VALUES);
          p->full = TRUE;
          break;
        }

      csv_read_time_cell (p, &p->fields[p->time_column], &x, &precision);
      double_vec_push (&group->x, x);
      byte_vec_push (&group->precision, precision);
      for (guint j = 0; j < p->n_values; j++)
        double_vec_push (&group->y[j],
                         csv_read_value_cell (p, &p->fields[p->value_columns[j]]));
    }
}
