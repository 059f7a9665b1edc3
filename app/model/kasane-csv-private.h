/* kasane-csv-private.h: what the CSV reader's files share
 *
 * Internal to kasane-csv*.c: the limits, the parser state, and the helpers the
 * tokenizer, the cell readers and the column and row logic call in one another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kasane-csv.h"
#include "kasane-dataset.h"
#include "kasane-diagnostic.h"
#include "kasane-loader.h"

G_BEGIN_DECLS

typedef enum
{
  TIME_DATE,     /* ISO 8601 or slash dates */
  TIME_YEAR,     /* integer years */
  TIME_UNIX,     /* Unix timestamps, seconds or milliseconds */
  TIME_NUMBER,   /* a numeric x axis */
} TimeMode;

typedef enum
{
  ROLE_VALUE,
  ROLE_TIME,
  ROLE_DROP,     /* a Unix timestamp beside a date column, or the long form's Code */
  ROLE_ENTITY,
} ColumnRole;

typedef enum
{
  KIND_NUMBER,   /* numbers or nothing seen: a value column */
  KIND_DATE,
  KIND_YEAR,
  KIND_UNIX,
} ColumnKind;

typedef enum
{
  RECORD_OK,
  RECORD_END,
  RECORD_FATAL,  /* an unterminated quote: nothing after it can be read */
} RecordStatus;

typedef enum
{
  NUMBER_OK,
  NUMBER_BLANK,
  NUMBER_BAD,
  NUMBER_RANGE,
} NumberStatus;

typedef struct
{
  const char *start;        /* the content, without the quotes */
  const char *end;
  const char *origin;       /* where the field starts in the text (its opening quote) */
  const char *line_start;   /* the start of the line `origin` is on */
  guint       line;
  gboolean    escaped;      /* holds "" pairs: the content is not yet the text */
  gboolean    bad;          /* a fault in it was reported already */
} CsvField;

/* Growable arrays for the per-cell loop.  Not GArray: g_array_append_val () is a call
 * per value, and reading a 200,000-row CSV took 12 % more instructions with it
 * (callgrind: 488 M against 434 M); these push inline. */
typedef struct
{
  double *data;
  gsize   len;
  gsize   alloc;
} DoubleVec;

typedef struct
{
  guint8 *data;
  gsize   len;
  gsize   alloc;
} ByteVec;

/* The points of one entity (the whole file outside the long form): one x column shared
 * by one y column per value column. */
typedef struct
{
  char      *name;     /* the entity, or NULL */
  DoubleVec  x;
  ByteVec    precision;
  DoubleVec *y;        /* n_values */
} PointGroup;

/* A CSV file read in pieces.  Its text has the place of the whole file in one anonymous
 * mapping (zero, and costing no memory, until read), is read a piece ahead of the parser
 * and given back behind it, so that a file of any size costs a few MiB besides its
 * numbers.  The parser's end is always just after a line end, or the file's end. */
typedef struct
{
  int                 fd;
  char               *base;      /* the text, from the first byte after a BOM */
  char               *map;       /* the mapping, page-aligned */
  gsize               map_size;
  gsize               size;      /* of the text: the file's size when opened (less the BOM;
                                    less again if the file shrank while it was read) */
  gsize               loaded;    /* bytes of the text read */
  gsize               released;  /* bytes of the mapping given back */
  struct _KasaneLoadProgress *progress;
} CsvStream;

typedef struct
{
  const char        *file;
  KasaneDiagnostics *diagnostics;

  const char        *text;
  const char        *pos;
  const char        *end;
  CsvStream         *stream;           /* a file read in pieces, or NULL: all of it in text */
  const char        *keep_from;        /* text the sniffing pass returns to: kept */
  char               separator;
  gboolean           decimal_comma;
  char               decimal_mark;     /* with ';': the first decimal mark seen, or 0 */
  guint              decimal_mark_line;
  gboolean           decimal_mark_conflict;
  gboolean           quiet;            /* sniffing: the reading pass reports faults */
  guint              line;
  const char        *line_start;

  CsvField          *fields;           /* the current record */
  guint              n_fields;         /* stored: at most max_fields */
  guint              n_total;          /* in the record, stored or not */
  guint              fields_alloc;
  guint              max_fields;
  const char        *record_end;       /* where the record's last field ended */
  guint              record_end_line;
  const char        *record_end_line_start;

  guint              n_errors;
  gboolean           full;             /* the diagnostics cap is reached: stop */

  /* Memo of the last column computed, so that many faults on one very long line cost
   * one walk of the line rather than one each. */
  const char        *memo_line_start;
  const char        *memo_pos;
  guint              memo_column;

  /* The header and what the columns are. */
  guint              n_columns;
  char             **headers;
  guint             *header_columns;   /* the character column of each header field */
  guint              header_line;
  guint8            *roles;            /* ColumnRole */
  gboolean           long_form;
  guint              time_column;
  TimeMode           time_mode;
  guint             *value_columns;
  guint              n_values;

  /* What the time column has shown so far. */
  gboolean           has_pending;
  guint              n_slash;
  guint              md_line;          /* first slash date that can only be M/D, or 0 */
  guint              dm_line;          /* first that can only be D/M, or 0 */
  gboolean           slash_conflict;
  double             unix_max_abs;
  guint              unix_ms_line;     /* first timestamp above UNIX_MS_THRESHOLD, or 0 */
  guint              unix_s_line;      /* first non-zero one at or below it, or 0 */
  gboolean           unix_days_s;      /* every value a whole day, read as seconds */
  gboolean           unix_days_ms;     /* the same, read as milliseconds */

  GPtrArray         *groups;           /* of PointGroup* */
  GHashTable        *group_index;      /* entity name → index + 1 */
  guint64            n_cells;          /* values stored */
  guint64            max_cells;        /* at most this many */
  gboolean           shared_cells;     /* max_cells is what a dataset has left */

  /* The last YYYY-MM seen in the time column and the day its month starts on. */
  char               month_memo[7];
  gint64             month_memo_first;
  gint64             month_memo_length;
} CsvParser;

/* A header wider than any spreadsheet (Excel stops at 16384) is not a table. */
#define CSV_MAX_COLUMNS 16384
/* Rows read ahead to decide what each column holds. */
#define CSV_SNIFF_ROWS 200
/* Longest excerpt of a cell quoted in a message, in characters. */
#define CSV_EXCERPT_CHARS 40
/* At most this many series (long form: entities × value columns), like the columns. */
#define CSV_MAX_SERIES CSV_MAX_COLUMNS
/* Rows reserved up front are capped, so that a misleading sniff costs little. */
#define CSV_MAX_RESERVED_CELLS ((gsize) 1 << 24)

/* Precisions stored while a column's meaning is still open; resolved after reading. */
#define PRECISION_PENDING_SLASH_DAY    250
#define PRECISION_PENDING_SLASH_SECOND 251
#define PRECISION_PENDING_UNIX         252

/* Bounds of a Unix timestamp: 0001-01-01 (in seconds) to 9999-12-31T23:59:59.999 (in
 * milliseconds); beyond them no reading gives a date Kasane can show. */
#define UNIX_MIN ((gint64) -62135596800)
#define UNIX_MAX ((gint64) 253402300799999)
/* Above this magnitude a timestamp is in milliseconds. */
#define UNIX_MS_THRESHOLD 1e11

/* Reads more of a streamed file, so that the parser's end moves at least one line on
 * (and a MiB ahead of pos where the file has that); gives back what lies well behind
 * both `keep` and pos.  FALSE when nothing more can be read: the end of the file, or a
 * fault (reported; p->full is then set). */
gboolean csv_feed (CsvParser  *p,
                   const char *keep);

char *csv_excerpt (const char *start,
                   const char *end);
gboolean csv_looks_like_date (const char *s,
                              const char *end);
gboolean csv_parse_integer (const char *s,
                            const char *end,
                            guint       max_digits,
                            gint64     *out);
NumberStatus csv_parse_number (const char *start,
                               const char *end,
                               gboolean    decimal_comma,
                               double     *out,
                               char       *mark);
void csv_resolve_pending (CsvParser *p);
void csv_trim (const char **start,
               const char **end);

/* The 1-based column of `at`, counted in characters (UTF-8 lead bytes). */
guint csv_column (CsvParser  *p,
                  const char *line_start,
                  const char *at);
/* Adds a fault at a place; past the diagnostics' cap, marks the parser full. */
void  csv_report (CsvParser          *p,
                  KasaneSeverity      severity,
                  KasaneDatasetError  code,
                  guint               line,
                  guint               column,
                  const char         *format,
                  ...) G_GNUC_PRINTF (6, 7);

/* The text of a field: the content with "" collapsed to ". */
char         *csv_field_dup   (const CsvField *field);
/* Reads the next record into p->fields, skipping empty lines. */
RecordStatus  csv_read_record (CsvParser      *p);
/* Reads every row after the header into p->groups; `reserve` rows are allocated up
 * front (0: grow as needed). */
void          csv_read_rows   (CsvParser      *p,
                               gsize           reserve);

/* An error at a field's place. */
#define csv_field_error(p, field, code, ...) \
  csv_report ((p), KASANE_SEVERITY_ERROR, (code), (field)->line, \
              csv_column ((p), (field)->line_start, (field)->origin), __VA_ARGS__)

G_END_DECLS
