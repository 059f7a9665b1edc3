/* kasane-csv.c: the CSV loader
 *
 * The files people download are large (a million-row export is ordinary) and untrusted,
 * so the loader works on one buffer: the text is validated once, then a tokenizer walks
 * it with pointers and hands out fields that point into it.  Nothing is allocated per
 * cell: numbers go straight into growing arrays, and strings are copied only for headers
 * and, in the long form, when the entity changes.
 *
 * The work happens in three steps:
 *   1. decode: UTF-8 (BOM skipped) or UTF-16 with BOM (converted); anything else is
 *      refused at the line and column of its first bad byte;
 *   2. sniff: the header and the first rows decide what each column is (time axis,
 *      dropped timestamp, entity, values) and which separator is in use;
 *   3. read: every row is parsed into per-series arrays.  Slash dates and Unix
 *      timestamps are stored raw with a "pending" precision, because their meaning (D/M
 *      or M/D, seconds or milliseconds) depends on the whole column; they are resolved
 *      once the column has been seen.
 *
 * Decisions not spelled out in DESIGN.md:
 *   - A Unix timestamp column is one whose header, reduced to lower-case letters and
 *     digits, contains "unix", "epoch" or "timestamp", or is "time" or "ts", and whose
 *     first non-blank value is an integer.  Values above 1e11 in magnitude anywhere in
 *     the column (year 5138 in seconds, 1973 in milliseconds) make it milliseconds.  Its
 *     precision is DAY when every value is a whole number of days (daily charts export
 *     midnight timestamps), SECOND otherwise.
 *   - A column named "Year" whose values are integers is a time column of YEAR
 *     precision, as in the long form; years must be 1 to 9999.
 *   - Completely empty lines are skipped anywhere, not only at the end.
 *   - A value column whose cells are all blank is kept as a series of gaps, so the
 *     columns of a file map one to one onto its series.
 *   - Slash dates may carry a 24-hour time ("7/30/2015 13:05[:09]").
 *   - A column is a date column when its first non-blank value (within the first 200
 *     rows) looks like "YYYY-M…" or a slash date, or when its header starts with "date"
 *     or is "day", "time", "month", "week" or "period" and that value is not a number.
 *   - With ';' both '.' and ',' are decimal marks, but one file may use only one of
 *     them: "1,5" then "1.234" is an error, as the '.' may be a thousands separator.
 *   - A lone CR ends a line too (old Mac exports), as CRLF and LF do.
 *   - Limits, beyond which a file is refused with an error: 16384 columns, 16384
 *     series, and KASANE_MAX_CSV_VALUES values in all.
 */
#define G_LOG_DOMAIN "kasane-csv"

#include "config.h"

#include "kasane-csv.h"
#include "kasane-csv-private.h"
#include "kasane-input.h"

#include "kasane-loader.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kasane-load-progress.h"

/* A streamed file is read in pieces of CSV_CHUNK, at least CSV_FEED_MARGIN ahead of the
 * parser, and given back CSV_KEEP_BEHIND behind it, whole pages at a time. */
#define CSV_CHUNK       ((gsize) 4 << 20)
#define CSV_FEED_MARGIN ((ptrdiff_t) 1 << 20)
#define CSV_KEEP_BEHIND ((gsize) 256 << 10)











static void
point_group_free (gpointer data,
                  gpointer user_data)
{
  PointGroup *group = data;
  guint n_values = GPOINTER_TO_UINT (user_data);

  g_free (group->name);
  g_free (group->x.data);
  g_free (group->precision.data);
  for (guint j = 0; j < n_values; j++)
    g_free (group->y[j].data);
  g_free (group->y);
  g_free (group);
}

static void
csv_parser_clear (CsvParser *p)
{
  if (p->groups != NULL)
    {
      g_ptr_array_foreach (p->groups, point_group_free, GUINT_TO_POINTER (p->n_values));
      g_ptr_array_unref (p->groups);
    }
  g_clear_pointer (&p->group_index, g_hash_table_unref);
  g_strfreev (p->headers);
  g_free (p->header_columns);
  g_free (p->roles);
  g_free (p->value_columns);
  g_free (p->fields);
}

/* ---------------------------------------------------------------------------------------
 * Places and messages
 */

static gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t';
}

void
csv_trim (const char **start,
          const char **end)
{
  while (*start < *end && is_blank_char (**start))
    (*start)++;
  while (*end > *start && is_blank_char ((*end)[-1]))
    (*end)--;
}

/* The 1-based column of `at`, counted in characters (UTF-8 lead bytes). */
guint
csv_column (CsvParser  *p,
            const char *line_start,
            const char *at)
{
  const char *from = line_start;
  guint column = 1;

  if (p->memo_line_start == line_start && p->memo_pos <= at)
    {
      from = p->memo_pos;
      column = p->memo_column;
    }
  for (const char *s = from; s < at; s++)
    if (((guchar) *s & 0xC0) != 0x80)
      column++;
  p->memo_line_start = line_start;
  p->memo_pos = at;
  p->memo_column = column;
  return column;
}

void
csv_report (CsvParser          *p,
            KasaneSeverity      severity,
            KasaneDatasetError  code,
            guint               line,
            guint               column,
            const char         *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (p->quiet || p->full)
    return;
  if (severity == KASANE_SEVERITY_ERROR)
    p->n_errors++;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (!kasane_diagnostics_add (p->diagnostics, severity, code, p->file, line, column,
                               "%s", message))
    {
      /* A CSV file may be 256 MiB of faults: reading stops here, and says so. */
      p->full = TRUE;
      kasane_diagnostics_stop (p->diagnostics, p->file);
    }
}

/* A short, printable excerpt of a cell for a message: control characters (a quoted
 * newline) become spaces, and long cells are cut at a character boundary. */
char *
csv_excerpt (const char *start,
             const char *end)
{
  GString *out = g_string_sized_new (MIN ((gsize) (end - start), 64) + 4);
  guint n_chars = 0;
  const char *s = start;

  while (s < end && n_chars < CSV_EXCERPT_CHARS)
    {
      const char *next = g_utf8_next_char (s);

      if (next > end)
        break;
      if ((guchar) *s < 0x20 || *s == 0x7F)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, s, next - s);
      s = next;
      n_chars++;
    }
  if (s < end)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* The text of a field: the content with "" collapsed to ". */
char *
csv_field_dup (const CsvField *field)
{
  GString *out;

  if (!field->escaped)
    return g_strndup (field->start, field->end - field->start);

  out = g_string_sized_new (field->end - field->start);
  for (const char *s = field->start; s < field->end; s++)
    {
      g_string_append_c (out, *s);
      if (*s == '"' && s + 1 < field->end && s[1] == '"')
        s++;
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------------------------
 * Decoding
 */

/* The first byte that is not part of valid UTF-8 text (a NUL byte counts), or NULL.
 * Eight ASCII bytes are checked at a time: downloads are nearly all ASCII. */
static const char *
find_invalid_utf8 (const char *text,
                   gsize       length)
{
  const guchar *s = (const guchar *) text;
  const guchar *end = s + length;
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);

  while (s < end)
    {
      if (end - s >= 8)
        {
          guint64 word;

          memcpy (&word, s, 8);
          /* No byte with the high bit set and no zero byte. */
          if (((word & high) | ((word - ones) & ~word & high)) == 0)
            {
              s += 8;
              continue;
            }
        }
      if (*s == 0)
        return (const char *) s;
      if (*s < 0x80)
        {
          s++;
          continue;
        }
      {
        gunichar c = g_utf8_get_char_validated ((const char *) s, end - s);

        if (c == (gunichar) -1 || c == (gunichar) -2)
          return (const char *) s;
        s = (const guchar *) g_utf8_next_char (s);
      }
    }
  return NULL;
}

/* Line and column of `at` counting CR, LF and CRLF as line ends, as the tokenizer does. */
static void
locate (const char *text,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = text;

  *line = 1;
  for (const char *s = text; s < at; s++)
    {
      if (*s == '\n' || (*s == '\r' && (s + 1 >= at || s[1] != '\n')))
        {
          (*line)++;
          line_start = s + 1;
        }
    }
  *column = 1;
  for (const char *s = line_start; s < at; s++)
    if (((guchar) *s & 0xC0) != 0x80)
      (*column)++;
}

/* Makes `*text` / `*length` valid UTF-8 without a BOM; `*converted` owns new text. */
static gboolean
decode_text (const char         *data,
             gsize               length,
             const char         *file,
             KasaneDiagnostics  *diagnostics,
             const char        **text,
             gsize              *text_length,
             char              **converted)
{
  const guchar *bytes = (const guchar *) data;
  const char *bad;
  const char *from_charset = NULL;
  guint line, column;

  *converted = NULL;
  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    from_charset = "UTF-16LE";
  else if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    from_charset = "UTF-16BE";

  if (from_charset != NULL)
    {
      g_autoptr(GError) error = NULL;
      gsize bytes_read = 0, bytes_written = 0;

      *converted = g_convert (data + 2, length - 2, "UTF-8", from_charset,
                              &bytes_read, &bytes_written, &error);
      /* g_convert leaves out a partial character at the end instead of failing. */
      if (*converted != NULL && bytes_read != length - 2)
        {
          locate (*converted, *converted + bytes_written, &line, &column);
          g_clear_pointer (converted, g_free);
          kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR,
                                  KASANE_DATASET_ERROR_ENCODING, file, line, column,
                                  "file is not UTF-8, and its %s byte order mark is followed "
                                  "by text that ends in the middle of a character",
                                  from_charset);
          return FALSE;
        }
      if (*converted == NULL)
        {
          /* The place is that of the first bad unit: convert what came before it. */
          g_autofree char *prefix = g_convert (data + 2, bytes_read, "UTF-8", from_charset,
                                               NULL, &bytes_written, NULL);

          if (prefix != NULL)
            locate (prefix, prefix + bytes_written, &line, &column);
          else
            line = column = 1;
          kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR,
                                  KASANE_DATASET_ERROR_ENCODING, file, line, column,
                                  "file is not UTF-8, and its %s byte order mark is followed "
                                  "by text that is not valid %s", from_charset, from_charset);
          return FALSE;
        }
      data = *converted;
      length = bytes_written;
    }

  bad = find_invalid_utf8 (data, length);
  if (bad != NULL)
    {
      locate (data, bad, &line, &column);
      if (*bad == '\0')
        kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR,
                                KASANE_DATASET_ERROR_ENCODING, file, line, column,
                                "file is not UTF-8 text: it holds a NUL byte");
      else
        kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR,
                                KASANE_DATASET_ERROR_ENCODING, file, line, column,
                                "file is not UTF-8: byte 0x%02X is not valid here "
                                "(save the file as UTF-8)", (guint) (guchar) *bad);
      g_clear_pointer (converted, g_free);
      return FALSE;
    }

  *text = data;
  *text_length = length;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------
 * Streaming: a file read in pieces (CsvStream)
 */

/* Reads up to `want` more bytes of the text; FALSE (with `error`) when reading failed.  A
 * file that shrank since it was opened ends where its bytes end. */
static gboolean
stream_read (CsvStream *s,
             gsize      want,
             GError   **error)
{
  while (want > 0)
    {
      gssize n = read (s->fd, s->base + s->loaded, want);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "cannot read: %s",
                       g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        {
          s->size = s->loaded;
          break;
        }
      s->loaded += (gsize) n;
      want -= (gsize) n;
    }
  return TRUE;
}

/* Stops the reading with an error at the parser's place. */
static void
stream_fail (CsvParser  *p,
             KasaneDatasetError code,
             guint       line,
             guint       column,
             const char *message)
{
  kasane_diagnostics_add (p->diagnostics, KASANE_SEVERITY_ERROR, code, p->file, line, column,
                          "%s", message);
  p->n_errors++;
  p->full = TRUE;
}

gboolean
csv_feed (CsvParser  *p,
          const char *keep)
{
  CsvStream *s = p->stream;
  const char *old_end = p->end;
  const char *new_end;
  const char *bad;
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize release;

  if (s == NULL || p->full || old_end >= s->base + s->size)
    return FALSE;

  /* At least one more line, and a margin ahead of pos where the file has it. */
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      const char *loaded_end;

      if (s->loaded < s->size && !stream_read (s, MIN (CSV_CHUNK, s->size - s->loaded), &error))
        {
          stream_fail (p, KASANE_DATASET_ERROR_IO, 0, 0, error->message);
          return FALSE;
        }
      loaded_end = s->base + s->loaded;
      if (s->loaded >= s->size)
        new_end = loaded_end;
      else
        {
          const char *nl = memrchr (old_end, '\n', loaded_end - old_end);

          new_end = nl != NULL ? nl + 1 : old_end;
        }
      if (new_end > old_end &&
          (new_end - p->pos >= CSV_FEED_MARGIN || new_end == s->base + s->size))
        break;
      /* The file shrank to where the parser already is: nothing more to read. */
      if (new_end == old_end && s->loaded >= s->size)
        return FALSE;
    }

  /* The new lines are checked as the first piece was, before they are read. */
  bad = find_invalid_utf8 (old_end, new_end - old_end);
  if (bad != NULL)
    {
      guint line, column;
      g_autofree char *message = NULL;

      locate (p->line_start, bad, &line, &column);
      if (*bad == '\0')
        message = g_strdup ("file is not UTF-8 text: it holds a NUL byte");
      else
        message = g_strdup_printf ("file is not UTF-8: byte 0x%02X is not valid here "
                                   "(save the file as UTF-8)", (guint) (guchar) *bad);
      stream_fail (p, KASANE_DATASET_ERROR_ENCODING, p->line + line - 1, column, message);
      return FALSE;
    }
  p->end = new_end;

  if (s->progress != NULL)
    {
      kasane_load_progress_report (s->progress, s->loaded, s->size);
      if (kasane_load_progress_is_cancelled (s->progress))
        {
          stream_fail (p, KASANE_DATASET_ERROR_IO, 0, 0, "loading was cancelled");
          return FALSE;
        }
    }

  /* What lies well behind the parser is given back (and reads as zeros if touched). */
  if (keep == NULL || keep > p->pos)
    keep = p->pos;
  if (keep > p->line_start)
    keep = p->line_start;
  if (p->keep_from != NULL && keep > p->keep_from)
    keep = p->keep_from;
  release = (gsize) (keep - s->map);
  release = release > CSV_KEEP_BEHIND ? (release - CSV_KEEP_BEHIND) / page * page : 0;
  if (release > s->released)
    {
      madvise (s->map + s->released, release - s->released, MADV_DONTNEED);
      s->released = release;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------
 * Tokenizing
 */

/* Steps over one line end (CRLF, LF or a lone CR) at p->pos. */
static inline void
consume_newline (CsvParser *p)
{
  if (*p->pos == '\r' && p->pos + 1 < p->end && p->pos[1] == '\n')
    p->pos++;
  p->pos++;
  p->line++;
  p->line_start = p->pos;
}

/* Counts the line ends inside a quoted field's content. */
static void
count_lines (CsvParser  *p,
             const char *start,
             const char *end)
{
  for (const char *s = start; s < end; s++)
    {
      if (*s == '\n' || (*s == '\r' && (s + 1 >= end || s[1] != '\n')))
        {
          p->line++;
          p->line_start = s + 1;
        }
    }
}

static inline void
skip_unquoted (CsvParser *p)
{
  const char *s = p->pos;
  const char *end = p->end;
  char separator = p->separator;

  while (s < end && *s != separator && *s != '\n' && *s != '\r')
    s++;
  p->pos = s;
}

/* Reads the next record into p->fields, skipping empty lines. */
RecordStatus
csv_read_record (CsvParser *p)
{
  const char *start_pos, *start_line_start;
  guint start_line;

restart:
  p->n_fields = 0;
  p->n_total = 0;

  for (;;)
    {
      while (p->pos < p->end && (*p->pos == '\n' || *p->pos == '\r'))
        consume_newline (p);
      /* A streamed file is read on while less than a margin of it is left. */
      if (G_UNLIKELY (p->stream != NULL) && p->end - p->pos < CSV_FEED_MARGIN &&
          csv_feed (p, p->pos))
        continue;
      break;
    }
  if (p->pos >= p->end)
    return RECORD_END;
  start_pos = p->pos;
  start_line = p->line;
  start_line_start = p->line_start;

  for (;;)
    {
      CsvField field;

      field.origin = p->pos;
      field.line = p->line;
      field.line_start = p->line_start;
      field.escaped = FALSE;
      field.bad = FALSE;

      if (p->pos < p->end && *p->pos == '"')
        {
          const char *q = p->pos + 1;

          field.start = q;
          for (;;)
            {
              q = memchr (q, '"', p->end - q);
              if (q == NULL && p->stream != NULL && !p->full &&
                  p->end < p->stream->base + p->stream->size)
                {
                  /* The quoted field goes on past what is read yet (it holds line ends):
                   * read more (the end moves, or a fault stops the reading), then the
                   * whole record again. */
                  p->pos = start_pos;
                  p->line = start_line;
                  p->line_start = start_line_start;
                  csv_feed (p, start_pos);
                  goto restart;
                }
              if (q == NULL)
                {
                  csv_field_error (p, &field, KASANE_DATASET_ERROR_SYNTAX,
                                   "quoted field is never closed (no matching '\"')");
                  return RECORD_FATAL;
                }
              if (q + 1 < p->end && q[1] == '"')
                {
                  field.escaped = TRUE;
                  q += 2;
                  continue;
                }
              break;
            }
          field.end = q;
          count_lines (p, field.start, field.end);
          p->pos = q + 1;
          if (p->pos < p->end && *p->pos != p->separator && *p->pos != '\n' &&
              *p->pos != '\r')
            {
              csv_report (p, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_SYNTAX,
                          p->line, csv_column (p, p->line_start, p->pos),
                          "unexpected text after a closing quote (a quote inside a quoted "
                          "field is written \"\")");
              field.bad = TRUE;
              skip_unquoted (p);
            }
        }
      else
        {
          field.start = p->pos;
          skip_unquoted (p);
          field.end = p->pos;
        }

      if (p->n_fields < p->max_fields)
        {
          if (p->n_fields == p->fields_alloc)
            {
              p->fields_alloc = MAX (16, p->fields_alloc * 2);
              p->fields = g_renew (CsvField, p->fields, p->fields_alloc);
            }
          p->fields[p->n_fields++] = field;
        }
      if (p->n_total < G_MAXUINT)
        p->n_total++;

      if (p->pos < p->end && *p->pos == p->separator)
        {
          p->pos++;
          continue;
        }

      p->record_end = p->pos;
      p->record_end_line = p->line;
      p->record_end_line_start = p->line_start;
      if (p->pos < p->end)
        consume_newline (p);
      return RECORD_OK;
    }
}

/* The separator is the most frequent of ',' ';' and tab on the header line, outside
 * quotes; ',' wins ties (and a one-column file). */
static char
detect_separator (const char *s,
                  const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; s < end; s++)
    {
      if (*s == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*s == '\n' || *s == '\r')
        break;
      else if (*s == ',')
        commas++;
      else if (*s == ';')
        semicolons++;
      else if (*s == '\t')
        tabs++;
    }
  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* ---------------------------------------------------------------------------------------
 * Columns
 */

/* The header reduced to its lower-case ASCII letters and digits: "Date(UTC)" → "dateutc". */
static char *
squash_header (const char *header)
{
  GString *out = g_string_new (NULL);

  for (const char *s = header; *s != '\0'; s++)
    if (g_ascii_isalnum (*s))
      g_string_append_c (out, g_ascii_tolower (*s));
  return g_string_free (out, FALSE);
}

static gboolean
header_is_timestamp (const char *squashed)
{
  return strstr (squashed, "unix") != NULL || strstr (squashed, "epoch") != NULL ||
         strstr (squashed, "timestamp") != NULL || strcmp (squashed, "time") == 0 ||
         strcmp (squashed, "ts") == 0;
}

static gboolean
header_is_date (const char *squashed)
{
  return g_str_has_prefix (squashed, "date") || strcmp (squashed, "day") == 0 ||
         strcmp (squashed, "time") == 0 || strcmp (squashed, "month") == 0 ||
         strcmp (squashed, "week") == 0 || strcmp (squashed, "period") == 0;
}

/* What a column holds, from its header and its first non-blank value (or none). */
static ColumnKind
classify_column (const char     *header,
                 const CsvField *first)
{
  g_autofree char *squashed = squash_header (header);
  const char *s = first != NULL ? first->start : NULL;
  const char *end = first != NULL ? first->end : NULL;
  gint64 integer;
  double number;
  gboolean is_integer = first != NULL && csv_parse_integer (s, end, 15, &integer);
  char mark;
  gboolean is_number = first != NULL &&
                       csv_parse_number (s, end, TRUE, &number, &mark) == NUMBER_OK;

  if (first != NULL && csv_looks_like_date (s, end))
    return KIND_DATE;
  if (strcmp (squashed, "year") == 0 && (first == NULL || is_integer))
    return KIND_YEAR;
  if (header_is_timestamp (squashed) && is_integer)
    return KIND_UNIX;
  if (header_is_date (squashed) && !is_number)
    return KIND_DATE;
  return KIND_NUMBER;
}

static gboolean
is_long_form (CsvParser *p)
{
  const char *third = p->n_columns >= 4 ? p->headers[2] : "";

  return p->n_columns >= 4 &&
         g_ascii_strcasecmp (p->headers[0], "Entity") == 0 &&
         g_ascii_strcasecmp (p->headers[1], "Code") == 0 &&
         (g_ascii_strcasecmp (third, "Year") == 0 || g_ascii_strcasecmp (third, "Day") == 0 ||
          g_ascii_strcasecmp (third, "Date") == 0);
}

/* Reads ahead (quietly) to the first non-blank value of every column, then gives each
 * column its role.  Returns an estimate of the bytes per row, for reserving arrays. */
static gsize
assign_roles (CsvParser *p)
{
  const char *saved_pos = p->pos, *saved_line_start = p->line_start;
  guint saved_line = p->line;
  g_autofree CsvField *first = g_new0 (CsvField, p->n_columns);
  g_autofree gboolean *seen = g_new0 (gboolean, p->n_columns);
  g_autofree guint8 *kinds = g_new0 (guint8, p->n_columns);
  guint n_rows = 0, n_unseen = p->n_columns;
  gsize bytes_per_row;
  int date_column = -1, unix_column = -1;

  p->quiet = TRUE;
  while (n_rows < CSV_SNIFF_ROWS && n_unseen > 0 && csv_read_record (p) == RECORD_OK)
    {
      n_rows++;
      for (guint c = 0; c < MIN (p->n_fields, p->n_columns); c++)
        {
          const char *s = p->fields[c].start, *end = p->fields[c].end;

          csv_trim (&s, &end);
          if (!seen[c] && s < end && !p->fields[c].escaped)
            {
              seen[c] = TRUE;
              first[c] = p->fields[c];
              n_unseen--;
            }
        }
    }
  bytes_per_row = n_rows > 0 ? MAX ((gsize) (p->pos - saved_pos) / n_rows, 2) : 2;
  p->quiet = FALSE;
  p->pos = saved_pos;
  p->line = saved_line;
  p->line_start = saved_line_start;

  p->roles = g_new0 (guint8, p->n_columns);
  p->value_columns = g_new0 (guint, p->n_columns);

  if (p->long_form)
    {
      p->roles[0] = ROLE_ENTITY;
      p->roles[1] = ROLE_DROP;
      p->roles[2] = ROLE_TIME;
      p->time_column = 2;
      p->time_mode = g_ascii_strcasecmp (p->headers[2], "Year") == 0 ? TIME_YEAR : TIME_DATE;
    }
  else
    {
      for (guint c = 0; c < p->n_columns; c++)
        {
          kinds[c] = classify_column (p->headers[c], seen[c] ? &first[c] : NULL);
          if (date_column < 0 && (kinds[c] == KIND_DATE || kinds[c] == KIND_YEAR))
            date_column = (int) c;
          if (unix_column < 0 && kinds[c] == KIND_UNIX)
            unix_column = (int) c;
        }
      if (date_column >= 0)
        {
          p->time_column = date_column;
          p->time_mode = kinds[date_column] == KIND_YEAR ? TIME_YEAR : TIME_DATE;
        }
      else if (unix_column >= 0)
        {
          p->time_column = unix_column;
          p->time_mode = TIME_UNIX;
        }
      else
        {
          p->time_column = 0;
          p->time_mode = TIME_NUMBER;
        }
      /* A timestamp beside the time axis says the same thing again: not a series. */
      for (guint c = 0; c < p->n_columns; c++)
        if (kinds[c] == KIND_UNIX)
          p->roles[c] = ROLE_DROP;
      p->roles[p->time_column] = ROLE_TIME;
    }

  for (guint c = 0; c < p->n_columns; c++)
    if (p->roles[c] == ROLE_VALUE)
      p->value_columns[p->n_values++] = c;

  return bytes_per_row;
}

/* ---------------------------------------------------------------------------------------
 * Rows (read in kasane-csv-rows.c)
 */

/* Gives slash dates their order and timestamps their unit, now the column is known. */
void
csv_resolve_pending (CsvParser *p)
{
  gboolean day_month = p->dm_line != 0 && p->md_line == 0;
  gboolean milliseconds = p->unix_max_abs > UNIX_MS_THRESHOLD;
  gboolean whole_days = milliseconds ? p->unix_days_ms : p->unix_days_s;

  /* One timestamp in milliseconds makes the whole column milliseconds: the ones that
   * looked like seconds then land in 1970.  Say so rather than chart it silently. */
  if (milliseconds && p->unix_s_line != 0)
    csv_report (p, KASANE_SEVERITY_WARNING, KASANE_DATASET_ERROR_INVALID, p->unix_s_line,
                p->header_columns[p->time_column],
                "column \"%s\" is read as milliseconds since 1970 (line %u holds a "
                "timestamp above 10^11), so this line's timestamp falls before 1973; "
                "are seconds and milliseconds mixed?",
                p->headers[p->time_column], p->unix_ms_line);

  if (p->n_slash > 0 && p->dm_line == 0 && p->md_line == 0 && !p->slash_conflict)
    csv_report (p, KASANE_SEVERITY_WARNING, KASANE_DATASET_ERROR_INVALID, p->header_line,
                p->header_columns[p->time_column],
                "the slash dates in column \"%s\" fit both D/M/YYYY and M/D/YYYY; "
                "reading them as M/D/YYYY", p->headers[p->time_column]);

  for (guint g = 0; g < p->groups->len; g++)
    {
      PointGroup *group = g_ptr_array_index (p->groups, g);

      for (gsize i = 0; i < group->x.len; i++)
        {
          guint8 precision = group->precision.data[i];
          gint64 raw = (gint64) group->x.data[i];

          if (precision == PRECISION_PENDING_SLASH_DAY ||
              precision == PRECISION_PENDING_SLASH_SECOND)
            {
              gint64 seconds = raw % 86400, date = raw / 86400;
              guint b = date % 100, a = date / 100 % 100, year = date / 10000;
              guint month = day_month ? b : a, day = day_month ? a : b;

              group->x.data[i] = (double) (kasane_days_from_civil (year, month, day) * 86400 +
                                           seconds);
              group->precision.data[i] = precision == PRECISION_PENDING_SLASH_DAY ?
                                         KASANE_PRECISION_DAY : KASANE_PRECISION_SECOND;
            }
          else if (precision == PRECISION_PENDING_UNIX)
            {
              group->x.data[i] = milliseconds ? (double) raw / 1000 : (double) raw;
              group->precision.data[i] = whole_days ? KASANE_PRECISION_DAY :
                                                      KASANE_PRECISION_SECOND;
            }
        }
    }
}

static GPtrArray *
build_series (CsvParser *p)
{
  g_autoptr(GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_series_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint g = 0; g < p->groups->len; g++)
    {
      PointGroup *group = g_ptr_array_index (p->groups, g);

      for (guint j = 0; j < p->n_values; j++)
        {
          KasaneSeries *series = kasane_series_new ();
          guint column = p->value_columns[j];
          gboolean last_user = j + 1 == p->n_values;

          if (group->name == NULL)
            series->name.en = g_strdup (p->headers[column]);
          else if (p->n_values == 1)
            series->name.en = g_strdup (group->name);
          else
            series->name.en = g_strdup_printf ("%s: %s", group->name, p->headers[column]);
          series->id = kasane_csv_make_id (series->name.en, column + 1, taken);
          series->numeric_x = p->time_mode == TIME_NUMBER;
          series->n_points = (guint) group->x.len;
          /* The group's x is shared by its series: the last one takes it.  Arrays are
           * trimmed to size, as geometric growth leaves up to half of them unused. */
          if (last_user)
            {
              series->x = g_renew (double, g_steal_pointer (&group->x.data), group->x.len);
              series->precision = g_renew (guint8, g_steal_pointer (&group->precision.data),
                                           group->precision.len);
            }
          else
            {
              series->x = g_memdup2 (group->x.data, group->x.len * sizeof (double));
              series->precision = g_memdup2 (group->precision.data, group->precision.len);
            }
          series->y = g_renew (double, g_steal_pointer (&group->y[j].data), group->y[j].len);
          g_assert (group->y[j].len == group->x.len);
          kasane_series_sort (series);
          g_ptr_array_add (result, series);
        }
    }
  return g_steal_pointer (&result);
}

static GPtrArray *
parse_text (CsvParser *p)
{
  RecordStatus status;
  gsize bytes_per_row;
  gsize remaining;

  do
    while (p->pos < p->end && (*p->pos == '\n' || *p->pos == '\r'))
      consume_newline (p);
  while (p->pos >= p->end && csv_feed (p, NULL));
  if (p->full)
    return NULL;
  if (p->pos >= p->end)
    {
      csv_report (p, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_SYNTAX, p->line, 1,
                  "file is empty: expected a header line");
      return NULL;
    }

  p->separator = detect_separator (p->pos, p->end);
  p->decimal_comma = p->separator == ';';

  p->max_fields = CSV_MAX_COLUMNS + 1;
  p->header_line = p->line;
  status = csv_read_record (p);
  if (status != RECORD_OK)
    return NULL;
  if (p->n_total > CSV_MAX_COLUMNS)
    {
      csv_field_error (p, &p->fields[CSV_MAX_COLUMNS], KASANE_DATASET_ERROR_SYNTAX,
                       "too many columns (more than %u)", CSV_MAX_COLUMNS);
      return NULL;
    }
  p->n_columns = p->n_total;
  p->headers = g_new0 (char *, p->n_columns + 1);
  p->header_columns = g_new0 (guint, p->n_columns);
  for (guint c = 0; c < p->n_columns; c++)
    {
      p->headers[c] = csv_field_dup (&p->fields[c]);
      p->header_columns[c] = csv_column (p, p->fields[c].line_start, p->fields[c].origin);
      /* A header names a series: a chart draws it, so it has the length of a name. */
      if (g_utf8_strlen (p->headers[c], KASANE_MAX_TEXT_CHARS + 1) > KASANE_MAX_TEXT_CHARS)
        {
          csv_field_error (p, &p->fields[c], KASANE_DATASET_ERROR_RANGE,
                           "the header of column %u is longer than %u characters", c + 1,
                           KASANE_MAX_TEXT_CHARS);
          return NULL;
        }
    }
  /* One more than the header, so that the first extra field can be pointed at. */
  p->max_fields = p->n_columns + 1;

  p->long_form = is_long_form (p);
  /* The sniffing pass reads ahead, then returns here: the stream keeps this text. */
  p->keep_from = p->pos;
  bytes_per_row = assign_roles (p);
  p->keep_from = NULL;
  if (p->n_values == 0)
    {
      csv_report (p, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_INVALID, p->header_line, 1,
                  "no value column: the file has only its %s column",
                  p->time_mode == TIME_NUMBER ? "x" : "time");
      return NULL;
    }

  p->unix_days_s = p->unix_days_ms = TRUE;
  p->groups = g_ptr_array_new ();
  p->group_index = g_hash_table_new (g_str_hash, g_str_equal);
  remaining = p->stream != NULL ? (gsize) (p->stream->base + p->stream->size - p->pos)
                                : (gsize) (p->end - p->pos);
  csv_read_rows (p, p->long_form ? 0 : MIN (remaining / bytes_per_row + 16,
                                        CSV_MAX_RESERVED_CELLS / (p->n_values + 2)));
  if (p->full)
    return NULL;

  if (p->groups->len == 0 ||
      ((PointGroup *) g_ptr_array_index (p->groups, 0))->x.len == 0)
    {
      if (p->n_errors == 0)
        csv_report (p, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_MISSING, p->header_line,
                    1, "no data rows: the file has only a header");
      return NULL;
    }

  if (p->has_pending)
    csv_resolve_pending (p);
  if (p->n_errors > 0)
    return NULL;
  return build_series (p);
}

/* Parses `data` (or, when `stream` is not NULL, the streamed file's text). */
static GPtrArray *
parse_within (const char        *data,
              gsize              length,
              CsvStream         *stream,
              const char        *display_name,
              guint64            max_cells,
              gboolean           shared_cells,
              guint64           *n_cells,
              KasaneDiagnostics *diagnostics)
{
  g_autofree char *converted = NULL;
  CsvParser parser = { 0 };
  const char *text;
  gsize text_length;
  GPtrArray *result;

  if (stream != NULL)
    {
      /* Checked piece by piece as it is read (csv_feed). */
      text = stream->base;
      text_length = 0;
    }
  else
    {
      if (data == NULL)
        data = "";
      if (!decode_text (data, length, display_name, diagnostics, &text, &text_length,
                        &converted))
        return NULL;
    }

  parser.file = display_name;
  parser.stream = stream;
  parser.diagnostics = diagnostics;
  parser.text = text;
  parser.pos = text;
  parser.end = text + text_length;
  parser.line = 1;
  parser.line_start = text;
  parser.max_cells = max_cells;
  parser.shared_cells = shared_cells;

  result = parse_text (&parser);
  *n_cells = parser.n_cells;
  csv_parser_clear (&parser);
  return result;
}

GPtrArray *
kasane_csv_parse (const char        *data,
                  gsize              length,
                  const char        *display_name,
                  KasaneDiagnostics *diagnostics)
{
  guint64 n_cells;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  return parse_within (data, length, NULL, display_name, KASANE_MAX_CSV_VALUES, FALSE,
                       &n_cells, diagnostics);
}

void
kasane_csv_budget_init (KasaneCsvBudget *budget)
{
  g_return_if_fail (budget != NULL);

  budget->bytes = KASANE_MAX_CSV_SIZE;
  budget->values = KASANE_MAX_CSV_VALUES;
}

/* Opens the file a piece at a time (CsvStream).  A file in UTF-16 is read whole and
 * given back in `whole`, to be converted; an empty one gives no stream. */
static gboolean
stream_open (CsvStream  *s,
             const char *path,
             gsize       cap,
             GBytes    **whole,
             GError    **error)
{
  guint64 size;
  const guchar *head;

  *whole = NULL;
  s->fd = kasane_input_open_path (path, cap, &size, error);
  if (s->fd < 0)
    return FALSE;
  s->map_size = (gsize) size + 1;
  s->map = mmap (NULL, s->map_size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (s->map == MAP_FAILED)
    {
      s->map = NULL;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "cannot read: not enough memory to hold the file");
      return FALSE;
    }
  s->base = s->map;
  s->size = (gsize) size;
  if (!stream_read (s, MIN ((gsize) 4, s->size), error))
    return FALSE;

  head = (const guchar *) s->base;
  if (s->loaded >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) ||
                         (head[0] == 0xFE && head[1] == 0xFF)))
    {
      /* UTF-16: converted as a whole, as from memory. */
      if (!stream_read (s, s->size - s->loaded, error))
        return FALSE;
      *whole = g_bytes_new (s->base, s->loaded);
      return TRUE;
    }
  if (s->loaded >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
    {
      s->base += 3;
      s->size -= 3;
      s->loaded -= 3;
    }
  return TRUE;
}

static void
stream_close (CsvStream *s)
{
  if (s->map != NULL)
    munmap (s->map, s->map_size);
  if (s->fd >= 0)
    close (s->fd);
}

GPtrArray *
kasane_csv_parse_file (const char        *path,
                       KasaneCsvBudget   *budget,
                       KasaneDiagnostics *diagnostics)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KasaneCsvBudget one_file;
  CsvStream stream = { .fd = -1 };
  guint64 n_cells = 0;
  gboolean shared;
  GPtrArray *result;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  if (budget == NULL)
    {
      kasane_csv_budget_init (&one_file);
      budget = &one_file;
    }
  shared = budget->bytes < KASANE_MAX_CSV_SIZE || budget->values < KASANE_MAX_CSV_VALUES;

  /* Opened once and checked on the descriptor: a 20 GB log file is refused unread, a
   * FIFO or /dev/zero at once.  Read, not mapped: a file truncated while mapped would
   * kill the process with SIGBUS.  Read a piece at a time, so that the text costs a few
   * MiB whatever the size of the file. */
  if (!stream_open (&stream, path, MIN (budget->bytes, KASANE_MAX_CSV_SIZE), &bytes, &error))
    {
      stream_close (&stream);
      if (shared && g_error_matches (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_TOO_LARGE))
        kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_IO,
                                path, 0, 0, "the CSV files this dataset reads are too large "
                                "together (more than %d MiB in all)",
                                KASANE_MAX_CSV_SIZE / (1024 * 1024));
      else
        kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_IO,
                                path, 0, 0, "%s", error->message);
      return NULL;
    }
  budget->bytes -= MIN (budget->bytes, stream.size);

  if (bytes != NULL)
    result = parse_within (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, path,
                           budget->values, shared, &n_cells, diagnostics);
  else
    {
      stream.progress = kasane_load_progress_current ();
      result = parse_within (NULL, 0, &stream, path, budget->values, shared, &n_cells,
                             diagnostics);
    }
  stream_close (&stream);
  budget->values -= MIN (budget->values, n_cells);
  return result;
}

static gboolean
has_ascii_alnum (const char *text)
{
  for (const char *s = text; *s != '\0'; s++)
    if (g_ascii_isalnum (*s))
      return TRUE;
  return FALSE;
}

KasaneDataset *
kasane_csv_load_dataset (const char        *path,
                         KasaneDiagnostics *diagnostics)
{
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(KasaneDataset) dataset = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  char *dot;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  series = kasane_csv_parse_file (path, NULL, diagnostics);
  if (series == NULL)
    return NULL;

  basename = g_path_get_basename (path);
  stem = g_strdup (basename);
  dot = strrchr (stem, '.');
  if (dot != NULL && dot != stem)
    *dot = '\0';

  dataset = kasane_dataset_new ();
  dataset->id = kasane_csv_make_id (has_ascii_alnum (stem) ? stem : "dataset", 1, NULL);
  dataset->path = g_strdup (path);
  dataset->title.en = g_steal_pointer (&basename);
  for (guint i = 0; i < series->len; i++)
    g_ptr_array_add (dataset->series, g_steal_pointer (&series->pdata[i]));
  g_ptr_array_set_free_func (series, NULL);

  return g_steal_pointer (&dataset);
}

/* Ids are at most 64 characters (DESIGN.md, "Loader rules"). */
#define ID_MAX_LENGTH 64

/* Cuts `id` to `max` bytes and drops the '-' the cut may leave at its end. */
static void
truncate_id (GString *id,
             gsize    max)
{
  if (id->len > max)
    g_string_truncate (id, max);
  while (id->len > 1 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
}

char *
kasane_csv_make_id (const char *header,
                    guint       column,
                    GHashTable *taken)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_autoptr(GString) id = NULL;
  gboolean dash = FALSE;

  for (const char *s = header != NULL ? header : ""; *s != '\0'; s++)
    {
      if (g_ascii_isalnum (*s))
        {
          if (dash && base->len > 0)
            g_string_append_c (base, '-');
          g_string_append_c (base, g_ascii_tolower (*s));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  if (base->len == 0)
    g_string_printf (base, "column-%u", column);
  truncate_id (base, ID_MAX_LENGTH);

  id = g_string_new (base->str);
  if (taken != NULL && g_hash_table_contains (taken, id->str))
    {
      /* The next suffix to try for this base is kept beside the ids ("\001" + base), so
       * 16,000 headers that make one id take linear time, not quadratic. */
      g_autofree char *next_key = g_strconcat ("\001", base->str, NULL);
      guint n = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (taken, next_key)), 2);

      for (;; n++)
        {
          char suffix[16];

          g_snprintf (suffix, sizeof suffix, "-%u", n);
          g_string_assign (id, base->str);
          truncate_id (id, ID_MAX_LENGTH - strlen (suffix));
          g_string_append (id, suffix);
          if (!g_hash_table_contains (taken, id->str))
            break;
        }
      g_hash_table_replace (taken, g_steal_pointer (&next_key), GUINT_TO_POINTER (n + 1));
    }

  if (taken != NULL)
    g_hash_table_add (taken, g_strdup (id->str));
  return g_string_free (g_steal_pointer (&id), FALSE);
}
