/* kasane-date.h: dates as seconds since 1970 UTC that keep their precision
 *
 * A dataset date is ISO 8601 YYYY, YYYY-MM, YYYY-MM-DD or a full date-time; it must be a
 * real date.  The value kept is the start of the period, in seconds since 1970-01-01
 * UTC; the precision is kept for display and for --summary.  A numeric x axis (a CSV
 * whose first column is plain numbers) uses KASANE_PRECISION_NUMBER and keeps the
 * number itself.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KASANE_PRECISION_YEAR,
  KASANE_PRECISION_MONTH,
  KASANE_PRECISION_DAY,
  KASANE_PRECISION_SECOND,   /* a full date-time */
  KASANE_PRECISION_NUMBER,   /* not a date: a plain number on a numeric x axis */
} KasanePrecision;

typedef struct
{
  double          t;          /* seconds since 1970 UTC, or the number itself */
  KasanePrecision precision;
} KasaneDate;

/* Days from 1970-01-01 to the given proleptic Gregorian civil date (no range check). */
gint64   kasane_days_from_civil   (gint64           year,
                                   guint            month,
                                   guint            day);
void     kasane_civil_from_days   (gint64           days,
                                   gint64          *year,
                                   guint           *month,
                                   guint           *day);
gboolean kasane_is_valid_date     (gint64           year,
                                   guint            month,
                                   guint            day);

/* Strict ISO 8601: "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)"
 * (a space instead of 'T' and no zone, read as UTC, are accepted too, as CSV files use
 * them).  `len` bytes of `text` are read (it need not be NUL-terminated).  Returns FALSE
 * for anything else, including impossible dates such as 2023-02-29. Years 0001–9999. */
gboolean kasane_date_parse_iso    (const char      *text,
                                   gsize            len,
                                   KasaneDate      *out);

/* Formats at the date's own precision: "2024", "2024-03", "2024-03-13",
 * "2024-03-13T12:00:00Z"; a NUMBER as the shortest text that reads back exactly ("%.17g"
 * trimmed: 3, 2.5, 1e+20).  Machine format, not localized. */
char    *kasane_date_format_iso   (const KasaneDate *date);

G_END_DECLS
