/* kasane-axis.h: axis ticks and the labels on them — nice values, log decades, dates
 *
 * Pure functions of a range and a target count: no cairo, no measuring.  The trend
 * layout asks for about as many ticks as fit its width or height, measures the labels
 * and drops any that would still overlap.
 *
 * - Value ticks: Heckbert's "nice numbers" (1, 2, 5 × 10^k steps).
 * - Log ticks: majors at powers of ten (every m decades when there are many), minors
 *   at 2 and 5 (at the skipped decades when majors skip some).
 * - Time ticks: aligned to calendar boundaries in UTC — decades, years, quarters,
 *   months, ISO weeks (Mondays), days, and hours for a range under two days.
 *
 * Labels are localized by the chart's own language (`lang`, "en" or "ja"), which need
 * not be the process locale: an export with --lang=ja is Japanese whatever LANGUAGE is.
 * Date and number patterns are translatable messages (po/), never strftime's %b.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- Units ------------------------------------------------------------------------ */

typedef enum
{
  KASANE_UNIT_PLAIN,      /* "" or a numeric x axis: 1500, 2.5, 3.2M past a million */
  KASANE_UNIT_COUNT,      /* any other word ("chains", "tx/day"): 1.2k, 3M, 4B */
  KASANE_UNIT_PERCENT,    /* "%", "% accuracy", "percent": 45% */
  KASANE_UNIT_CURRENCY,   /* "USD", "USD/tx", "USD billion", "EUR"…: $1.2k, €3M */
} KasaneUnitKind;

typedef struct
{
  KasaneUnitKind kind;
  const char    *symbol;      /* "$", "€", "£", "¥" for a currency; "" otherwise */
  double         multiplier;  /* from a word in the unit: "USD billion" → 1e9; else 1 */
  char          *key;         /* panel key: the unit without a "(…)" qualifier, trimmed:
                                 "USD/tx (mean)" and "USD/tx (median)" share "USD/tx" */
  char          *title;       /* for the panel header: the key without multiplier words:
                                 "million tx/day" → "tx/day", "USD billion" → "USD" */
} KasaneUnit;

void   kasane_unit_parse  (const char *text,
                           KasaneUnit *unit);
void   kasane_unit_clear  (KasaneUnit *unit);

/* How one axis writes its numbers: one suffix and one number of decimals for all its
 * labels, so "$0.5k, $1.0k, $1.5k" line up (zero is always written "0" or "$0"). */
typedef struct
{
  double      divisor;    /* 1, 1e3, 1e6, 1e9, 1e12 (after the unit's multiplier) */
  const char *suffix;     /* "", "k", "M", "B", "T" */
  int         decimals;
} KasaneNumberFormat;

/* The format for a set of values (tick values, in data units). */
void   kasane_number_format_for_values (const KasaneUnit   *unit,
                                        const double       *values,
                                        guint               n_values,
                                        KasaneNumberFormat *format);
/* One value as the format says: "−$1.5k", "45%", "3.2M", "0" (never "-0"). */
char  *kasane_unit_format      (const KasaneUnit         *unit,
                                const KasaneNumberFormat *format,
                                double                    value);
/* One value alone (a read-out, a description): three significant digits with a suffix. */
char  *kasane_unit_format_value (const KasaneUnit *unit,
                                 double            value);

/* ---- Ticks ------------------------------------------------------------------------ */

typedef struct
{
  double   value;   /* data units: a number, or seconds since 1970 UTC */
  gboolean major;
  char    *label;   /* NULL for an unlabelled (minor) tick */
} KasaneTick;

typedef enum
{
  KASANE_TIME_STEP_NONE,     /* not a time axis */
  KASANE_TIME_STEP_HOUR,
  KASANE_TIME_STEP_DAY,
  KASANE_TIME_STEP_WEEK,
  KASANE_TIME_STEP_MONTH,
  KASANE_TIME_STEP_YEAR,
} KasaneTimeStep;

typedef struct
{
  KasaneTick    *ticks;     /* ascending by value */
  guint          n_ticks;
  double         lo, hi;    /* the axis range: expanded to the outer ticks when asked */
  double         step;      /* value: major step; log: decades per major; time: count of
                               time_unit per tick (3 months = a quarter) */
  KasaneTimeStep time_unit;
  KasaneNumberFormat format;
} KasaneTicks;

void   kasane_ticks_free       (KasaneTicks *ticks);

/* Heckbert's nice number: 1, 2, 5 or 10 × 10^k near x (rounded, or the ceiling). */
double kasane_nice_number      (double       x,
                                gboolean     round);

/* About `target` (≥ 2) nice ticks for [lo, hi].  With `expand` the range grows to the
 * outer ticks (a y axis); without, only ticks inside [lo, hi] (a zoomed x window).  A
 * degenerate range ([1, 1]) is widened around its value. */
KasaneTicks *kasane_ticks_linear (double            lo,
                                  double            hi,
                                  int               target,
                                  gboolean          expand,
                                  const KasaneUnit *unit);

/* Log ticks for [lo, hi] (both > 0): the range grows to whole decades; majors at 10^k
 * (every m decades so that there are at most `target`), 2 and 5 minors; over two decades
 * or fewer the minors are labelled too. */
KasaneTicks *kasane_ticks_log    (double            lo,
                                  double            hi,
                                  int               target,
                                  const KasaneUnit *unit);

/* Time ticks for [t0, t1] (seconds since 1970 UTC): the finest calendar step that gives
 * at most `max_ticks` ticks inside the range; labels at that step's precision
 * ("2024", "Mar 2024", "Mar 13", "13:00"; ja "2024年", "2024年3月", "3月13日"). */
KasaneTicks *kasane_ticks_time   (double            t0,
                                  double            t1,
                                  int               max_ticks,
                                  const char       *lang);

/* ---- Dates as people read them ---------------------------------------------------- */

/* A date at a KasanePrecision: "2024", "Mar 2024", "Mar 13, 2024", "Mar 13, 2024 12:00";
 * ja "2024年", "2024年3月", "2024年3月13日"; a NUMBER as a plain number. */
char  *kasane_format_date      (double       t,
                                int          precision,
                                const char  *lang);

G_END_DECLS
