/* kasane-axis.c: axis ticks and their labels
 *
 * See kasane-axis.h.  Value ticks follow Heckbert, "Nice numbers for graph labels"
 * (Graphics Gems, 1990): a nice range, then a nice step of 1, 2 or 5 × 10^k.
 */
#define G_LOG_DOMAIN "kasane-axis"

#include "config.h"

#include "kasane-axis.h"
#include "kasane-i18n.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kasane-date.h"

/* U+2212 MINUS SIGN: the typographic minus, the width of a plus and of a digit. */
#define MINUS "\xe2\x88\x92"

/* ---- Labels in the chart's language (kasane_pgettext) ------------------------ */

static const char * const month_names[] = {
  NC_ ("abbreviated month", "Jan"), NC_ ("abbreviated month", "Feb"),
  NC_ ("abbreviated month", "Mar"), NC_ ("abbreviated month", "Apr"),
  NC_ ("abbreviated month", "May"), NC_ ("abbreviated month", "Jun"),
  NC_ ("abbreviated month", "Jul"), NC_ ("abbreviated month", "Aug"),
  NC_ ("abbreviated month", "Sep"), NC_ ("abbreviated month", "Oct"),
  NC_ ("abbreviated month", "Nov"), NC_ ("abbreviated month", "Dec"),
};

static const char *
month_name (guint        month,
            const char  *lang)
{
  g_assert (month >= 1 && month <= 12);
  return kasane_pgettext (lang, "abbreviated month", month_names[month - 1]);
}

static char *
format_year (gint64      year,
             const char *lang)
{
  /* Translators: a year on a time axis, e.g. "2024"; Japanese "%1$d年". */
  return g_strdup_printf (kasane_pgettext (lang, "axis year", NC_ ("axis year", "%1$d")),
                          (int) year);
}

static char *
format_month_year (gint64      year,
                   guint       month,
                   const char *lang)
{
  /* Translators: a month on a time axis: %1$s is the abbreviated month (Mar), %2$d the
   * year: "Mar 2024"; Japanese "%2$d年%1$s" gives "2024年3月". */
  return g_strdup_printf (kasane_pgettext (lang, "axis month and year",
                                               NC_ ("axis month and year", "%1$s %2$d")),
                          month_name (month, lang), (int) year);
}

static char *
format_day (guint       month,
            guint       day,
            const char *lang)
{
  /* Translators: a day on a time axis: %1$s is the abbreviated month (Mar), %2$d the day
   * of the month: "Mar 13"; Japanese "%1$s%2$d日" gives "3月13日". */
  return g_strdup_printf (kasane_pgettext (lang, "axis day", NC_ ("axis day", "%1$s %2$d")),
                          month_name (month, lang), (int) day);
}

static char *
format_full_date (gint64      year,
                  guint       month,
                  guint       day,
                  const char *lang)
{
  /* Translators: a whole date: %1$s the abbreviated month, %2$d the day, %3$d the year:
   * "Mar 13, 2024"; Japanese "%3$d年%1$s%2$d日" gives "2024年3月13日". */
  return g_strdup_printf (kasane_pgettext (lang, "full date",
                                               NC_ ("full date", "%1$s %2$d, %3$d")),
                          month_name (month, lang), (int) day, (int) year);
}

static void
civil_from_time (double  t,
                 gint64 *year,
                 guint  *month,
                 guint  *day,
                 int    *seconds_of_day)
{
  double days = floor (t / 86400.0);

  kasane_civil_from_days ((gint64) days, year, month, day);
  if (seconds_of_day != NULL)
    *seconds_of_day = (int) (t - days * 86400.0);
}

static double
time_from_civil (gint64 year,
                 guint  month,
                 guint  day)
{
  return (double) kasane_days_from_civil (year, month, day) * 86400.0;
}

char *
kasane_format_date (double      t,
                    int         precision,
                    const char *lang)
{
  gint64 year;
  guint month, day;
  int seconds;

  if (precision == KASANE_PRECISION_NUMBER || !isfinite (t))
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (number, sizeof number, "%g", t));
    }

  civil_from_time (t, &year, &month, &day, &seconds);
  switch (precision)
    {
    case KASANE_PRECISION_YEAR:
      return format_year (year, lang);
    case KASANE_PRECISION_MONTH:
      return format_month_year (year, month, lang);
    case KASANE_PRECISION_DAY:
      return format_full_date (year, month, day, lang);
    default:
      {
        g_autofree char *date = format_full_date (year, month, day, lang);
        /* Translators: a date with a time of day in UTC: %1$s the date, %2$02d:%3$02d
         * hours and minutes: "Mar 13, 2024 12:00". */
        return g_strdup_printf (kasane_pgettext (lang, "date and time",
                                                     NC_ ("date and time",
                                                          "%1$s %2$02d:%3$02d")),
                                date, seconds / 3600, (seconds / 60) % 60);
      }
    }
}

/* ---- Units and numbers ------------------------------------------------------------ */

typedef struct
{
  const char *word;
  const char *symbol;
} CurrencyWord;

static const CurrencyWord currencies[] = {
  { "usd", "$" }, { "us$", "$" }, { "$", "$" }, { "dollars", "$" },
  { "eur", "€" }, { "€", "€" }, { "gbp", "£" }, { "£", "£" },
  { "jpy", "¥" }, { "¥", "¥" }, { "円", "¥" },
};

typedef struct
{
  const char *word;
  double      multiplier;
} MultiplierWord;

static const MultiplierWord multipliers[] = {
  { "thousand", 1e3 }, { "thousands", 1e3 },
  { "million", 1e6 }, { "millions", 1e6 },
  { "billion", 1e9 }, { "billions", 1e9 },
  { "trillion", 1e12 }, { "trillions", 1e12 },
};

/* Removes every "(…)" group (and a full-width "（…）" one) and collapses runs of white
 * space. */
static char *
strip_qualifiers (const char *text)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "（"))
        {
          depth++;
          p += strlen ("（") - 1;
        }
      else if (g_str_has_prefix (p, "）") && depth > 0)
        {
          depth--;
          p += strlen ("）") - 1;
        }
      else if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        {
          if (g_ascii_isspace (*p))
            {
              if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
            }
          else
            g_string_append_c (out, *p);
        }
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

void
kasane_unit_parse (const char *text,
                   KasaneUnit *unit)
{
  g_auto(GStrv) words = NULL;
  GString *title;
  g_autofree char *first = NULL;

  g_return_if_fail (unit != NULL);

  memset (unit, 0, sizeof *unit);
  unit->symbol = "";
  unit->multiplier = 1.0;
  unit->key = strip_qualifiers (text != NULL ? text : "");

  words = g_strsplit (unit->key, " ", -1);
  title = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean is_multiplier = FALSE;

      for (guint m = 0; m < G_N_ELEMENTS (multipliers); m++)
        if (g_ascii_strcasecmp (words[i], multipliers[m].word) == 0 && unit->multiplier == 1.0)
          {
            unit->multiplier = multipliers[m].multiplier;
            is_multiplier = TRUE;
            break;
          }
      if (is_multiplier || words[i][0] == '\0')
        continue;
      if (title->len > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, words[i]);
    }
  unit->title = g_string_free (title, FALSE);

  /* The first word up to a '/' decides the kind: "USD/tx" is a currency. */
  first = g_ascii_strdown (unit->title, -1);
  first[strcspn (first, " /")] = '\0';

  if (unit->key[0] == '\0')
    unit->kind = KASANE_UNIT_PLAIN;
  else if (unit->title[0] == '%' || strcmp (first, "percent") == 0 ||
           strcmp (first, "percentage") == 0)
    unit->kind = KASANE_UNIT_PERCENT;
  else
    {
      unit->kind = KASANE_UNIT_COUNT;
      for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
        if (strcmp (first, currencies[c].word) == 0)
          {
            unit->kind = KASANE_UNIT_CURRENCY;
            unit->symbol = currencies[c].symbol;
            break;
          }
    }
}

void
kasane_unit_clear (KasaneUnit *unit)
{
  if (unit == NULL)
    return;
  g_clear_pointer (&unit->key, g_free);
  g_clear_pointer (&unit->title, g_free);
}

static void
pick_suffix (const KasaneUnit *unit,
             double            magnitude,
             double           *divisor,
             const char      **suffix)
{
  static const struct { double divisor; const char *suffix; } steps[] = {
    { 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "k" },
  };
  double smallest = unit->kind == KASANE_UNIT_PLAIN ? 1e6 : 1e3;

  *divisor = 1.0;
  *suffix = "";
  if (unit->kind == KASANE_UNIT_PERCENT)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].divisor >= smallest && magnitude >= steps[i].divisor * (1 - 1e-9))
      {
        *divisor = steps[i].divisor;
        *suffix = steps[i].suffix;
        return;
      }
}

void
kasane_number_format_for_values (const KasaneUnit   *unit,
                                 const double       *values,
                                 guint               n_values,
                                 KasaneNumberFormat *format)
{
  double magnitude = 0;

  g_return_if_fail (unit != NULL && format != NULL);

  for (guint i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      magnitude = MAX (magnitude, fabs (values[i] * unit->multiplier));
  pick_suffix (unit, magnitude, &format->divisor, &format->suffix);

  /* The fewest decimals that write every value exactly. */
  format->decimals = 0;
  for (int d = 0; d <= 8; d++)
    {
      gboolean exact = TRUE;
      double scale = pow (10, d);

      for (guint i = 0; i < n_values && exact; i++)
        {
          double x = values[i] * unit->multiplier / format->divisor * scale;

          if (isfinite (x) && fabs (x - round (x)) > 1e-7 * MAX (1.0, fabs (x)))
            exact = FALSE;
        }
      format->decimals = d;
      if (exact)
        break;
    }
}

static char *
compose (const KasaneUnit *unit,
         gboolean          negative,
         const char       *number,
         const char       *suffix)
{
  return g_strconcat (negative ? MINUS : "", unit->symbol, number, suffix,
                      unit->kind == KASANE_UNIT_PERCENT ? "%" : "", NULL);
}

/* `x` with `decimals` digits after a '.': never the locale's decimal comma (a German
 * desktop must not label an English chart "$1,00"), so no printf "%f" here. */
static void
format_fixed (char   *number,
              gsize   size,
              int     decimals,
              double  x)
{
  char pattern[16];

  g_snprintf (pattern, sizeof pattern, "%%.%df", decimals);
  g_ascii_formatd (number, size, pattern, x);
}

char *
kasane_unit_format (const KasaneUnit         *unit,
                    const KasaneNumberFormat *format,
                    double                    value)
{
  double x, scale;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (unit != NULL && format != NULL, NULL);

  if (!isfinite (value))
    return g_strdup ("–");

  scale = pow (10, format->decimals);
  x = round (value * unit->multiplier / format->divisor * scale) / scale;
  if (x == 0)
    return compose (unit, FALSE, "0", "");

  format_fixed (number, sizeof number, format->decimals, fabs (x));
  return compose (unit, x < 0, number, format->suffix);
}

char *
kasane_unit_format_value (const KasaneUnit *unit,
                          double            value)
{
  double divisor, x;
  const char *suffix;
  int decimals;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_return_val_if_fail (unit != NULL, NULL);

  if (!isfinite (value))
    return g_strdup ("–");

  pick_suffix (unit, fabs (value * unit->multiplier), &divisor, &suffix);
  x = value * unit->multiplier / divisor;
  if (fabs (x) >= 100 || x == 0)
    decimals = 0;
  else
    decimals = CLAMP (2 - (int) floor (log10 (fabs (x))), 0, 8);

  format_fixed (number, sizeof number, decimals, fabs (x));
  if (strchr (number, '.') != NULL)
    {
      end = number + strlen (number) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (strcmp (number, "0") == 0)
    return compose (unit, FALSE, "0", "");
  return compose (unit, x < 0, number, suffix);
}

/* ---- Value ticks ------------------------------------------------------------------ */

double
kasane_nice_number (double   x,
                    gboolean round_it)
{
  double exponent, fraction, nice;

  if (!(x > 0) || !isfinite (x))
    return 1.0;

  exponent = floor (log10 (x));
  fraction = x / pow (10, exponent);
  if (round_it)
    {
      if (fraction < 1.5)
        nice = 1;
      else if (fraction < 3)
        nice = 2;
      else if (fraction < 7)
        nice = 5;
      else
        nice = 10;
    }
  else
    {
      if (fraction <= 1)
        nice = 1;
      else if (fraction <= 2)
        nice = 2;
      else if (fraction <= 5)
        nice = 5;
      else
        nice = 10;
    }
  return nice * pow (10, exponent);
}

void
kasane_ticks_free (KasaneTicks *ticks)
{
  if (ticks == NULL)
    return;
  for (guint i = 0; i < ticks->n_ticks; i++)
    g_free (ticks->ticks[i].label);
  g_free (ticks->ticks);
  g_free (ticks);
}

/* A value k × step, computed so that 0.1 × 3 prints as 0.3 and zero is never -0. */
static double
step_value (double k,
            double step)
{
  double exponent = floor (log10 (step));
  double value;

  if (exponent < 0)
    value = k * round (step * pow (10, -exponent)) / pow (10, -exponent);
  else
    value = k * step;
  return value == 0 ? 0 : value;
}

KasaneTicks *
kasane_ticks_linear (double            lo,
                     double            hi,
                     int               target,
                     gboolean          expand,
                     const KasaneUnit *unit)
{
  KasaneTicks *ticks;
  double step, k0, k1;
  g_autofree double *values = NULL;

  g_return_val_if_fail (unit != NULL, NULL);

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo <= fabs (hi) * 1e-12)
    {
      double delta = lo == 0 ? 1 : fabs (lo) * 0.1;
      lo -= delta;
      hi += delta;
    }
  target = MAX (target, 2);

  /* Heckbert rounds the range first (range = nice (hi − lo)), which can double a short
   * axis ([0, 2.9] → 0…5); rounding the step alone keeps it tight ([0, 2.9] → 0…3). */
  step = kasane_nice_number ((hi - lo) / (target - 1), TRUE);
  /* Heckbert's range rounding can still overshoot the target by a lot on a short axis. */
  while ((ceil (hi / step - 1e-9) - floor (lo / step + 1e-9)) + 1 > target + 1)
    step = kasane_nice_number (step * 1.01, FALSE);   /* 1 → 2 → 5 → 10 */

  if (expand)
    {
      k0 = floor (lo / step + 1e-9);
      k1 = ceil (hi / step - 1e-9);
    }
  else
    {
      k0 = ceil (lo / step - 1e-9);
      k1 = floor (hi / step + 1e-9);
    }

  ticks = g_new0 (KasaneTicks, 1);
  ticks->step = step;
  ticks->time_unit = KASANE_TIME_STEP_NONE;
  ticks->n_ticks = k1 >= k0 ? (guint) (k1 - k0) + 1 : 0;
  ticks->ticks = g_new0 (KasaneTick, MAX (ticks->n_ticks, 1));
  values = g_new0 (double, MAX (ticks->n_ticks, 1));
  for (guint i = 0; i < ticks->n_ticks; i++)
    values[i] = step_value (k0 + i, step);
  ticks->lo = expand ? step_value (k0, step) : lo;
  ticks->hi = expand ? step_value (k1, step) : hi;

  kasane_number_format_for_values (unit, values, ticks->n_ticks, &ticks->format);
  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      ticks->ticks[i].value = values[i];
      ticks->ticks[i].major = TRUE;
      ticks->ticks[i].label = kasane_unit_format (unit, &ticks->format, values[i]);
    }
  return ticks;
}

/* ---- Log ticks -------------------------------------------------------------------- */

static double
decade (int e)
{
  /* pow (10, -2) is not 0.01 exactly; dividing keeps labels and tests exact. */
  return e >= 0 ? pow (10, e) : 1.0 / pow (10, -e);
}

KasaneTicks *
kasane_ticks_log (double            lo,
                  double            hi,
                  int               target,
                  const KasaneUnit *unit)
{
  static const int nice_steps[] = { 1, 2, 3, 5, 10, 20, 25, 50, 100 };
  KasaneTicks *ticks;
  GArray *array;
  int e0, e1, n_decades, m = 1;
  gboolean label_minors;

  g_return_val_if_fail (unit != NULL, NULL);

  if (!(lo > 0) || !isfinite (lo))
    lo = hi > 0 && isfinite (hi) ? hi / 10 : 1;
  if (!(hi > 0) || !isfinite (hi))
    hi = lo * 10;
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  target = MAX (target, 2);

  e0 = (int) floor (log10 (lo) + 1e-9);
  e1 = (int) ceil (log10 (hi) - 1e-9);
  if (e1 <= e0)
    e1 = e0 + 1;
  n_decades = e1 - e0;

  /* Majors every m decades, at multiples of m, no more than `target` of them. */
  for (guint i = 0; i < G_N_ELEMENTS (nice_steps); i++)
    {
      m = nice_steps[i];
      if (floor ((double) e1 / m) - ceil ((double) e0 / m) + 1 <= target)
        break;
    }
  /* Keep two majors at least: grow the range out to multiples of m. */
  if (floor ((double) e1 / m) - ceil ((double) e0 / m) + 1 < 2)
    {
      e0 = (int) floor ((double) e0 / m) * m;
      e1 = (int) ceil ((double) e1 / m) * m;
      if (e1 == e0)
        e1 = e0 + m;
    }
  label_minors = m == 1 && n_decades <= 2;

  array = g_array_new (FALSE, TRUE, sizeof (KasaneTick));
  for (int e = e0; e <= e1; e++)
    {
      KasaneTick tick = { 0 };

      tick.value = decade (e);
      tick.major = ((e % m) + m) % m == 0;
      if (tick.major)
        tick.label = kasane_unit_format_value (unit, tick.value);
      g_array_append_val (array, tick);

      if (m == 1 && e < e1)
        {
          static const int minors[] = { 2, 5 };

          for (guint i = 0; i < G_N_ELEMENTS (minors); i++)
            {
              KasaneTick minor = { 0 };

              minor.value = minors[i] * decade (e);
              minor.major = FALSE;
              if (label_minors)
                minor.label = kasane_unit_format_value (unit, minor.value);
              g_array_append_val (array, minor);
            }
        }
    }

  ticks = g_new0 (KasaneTicks, 1);
  ticks->lo = decade (e0);
  ticks->hi = decade (e1);
  ticks->step = m;
  ticks->time_unit = KASANE_TIME_STEP_NONE;
  ticks->n_ticks = array->len;
  ticks->ticks = (KasaneTick *) (void *) g_array_free (array, FALSE);
  return ticks;
}

/* ---- Time ticks ------------------------------------------------------------------- */

typedef struct
{
  KasaneTimeStep unit;
  int            count;
} TimeStep;

static const TimeStep time_steps[] = {
  { KASANE_TIME_STEP_HOUR, 1 }, { KASANE_TIME_STEP_HOUR, 2 }, { KASANE_TIME_STEP_HOUR, 3 },
  { KASANE_TIME_STEP_HOUR, 6 }, { KASANE_TIME_STEP_HOUR, 12 },
  { KASANE_TIME_STEP_DAY, 1 }, { KASANE_TIME_STEP_WEEK, 1 },
  { KASANE_TIME_STEP_MONTH, 1 }, { KASANE_TIME_STEP_MONTH, 3 }, { KASANE_TIME_STEP_MONTH, 6 },
  { KASANE_TIME_STEP_YEAR, 1 }, { KASANE_TIME_STEP_YEAR, 2 }, { KASANE_TIME_STEP_YEAR, 5 },
  { KASANE_TIME_STEP_YEAR, 10 }, { KASANE_TIME_STEP_YEAR, 20 }, { KASANE_TIME_STEP_YEAR, 50 },
  { KASANE_TIME_STEP_YEAR, 100 }, { KASANE_TIME_STEP_YEAR, 200 },
  { KASANE_TIME_STEP_YEAR, 500 }, { KASANE_TIME_STEP_YEAR, 1000 },
};

/* Calls `func` for each tick of `step` inside [t0, t1]; stops early (returning FALSE)
 * when more than `limit` ticks are found. */
static gboolean
walk_time_step (const TimeStep *step,
                double          t0,
                double          t1,
                guint           limit,
                GArray         *out)
{
  guint n = 0;
  gint64 year;
  guint month, day;

#define EMIT(t)                                                   \
  G_STMT_START {                                                  \
    double emit_t = (t);                                          \
    if (emit_t >= t0 && emit_t <= t1)                             \
      {                                                           \
        if (++n > limit)                                          \
          return FALSE;                                           \
        if (out != NULL)                                          \
          g_array_append_val (out, emit_t);                       \
      }                                                           \
  } G_STMT_END

  switch (step->unit)
    {
    case KASANE_TIME_STEP_HOUR:
    case KASANE_TIME_STEP_DAY:
    case KASANE_TIME_STEP_WEEK:
      {
        double period = step->unit == KASANE_TIME_STEP_HOUR ? 3600.0 * step->count
                      : step->unit == KASANE_TIME_STEP_DAY ? 86400.0 : 7 * 86400.0;
        double start;

        if (step->unit == KASANE_TIME_STEP_WEEK)
          {
            /* 1970-01-01 was a Thursday; weeks start on Monday (ISO 8601). */
            gint64 days = (gint64) floor (t0 / 86400.0);
            gint64 weekday = ((days + 3) % 7 + 7) % 7;
            start = (double) (days - weekday) * 86400.0;
          }
        else
          start = floor (t0 / period) * period;
        if ((t1 - start) / period > 1e7)
          return FALSE;
        for (double t = start; t <= t1; t += period)
          EMIT (t);
        break;
      }
    case KASANE_TIME_STEP_MONTH:
      {
        gint64 index;

        civil_from_time (t0, &year, &month, &day, NULL);
        index = year * 12 + (month - 1);
        index -= ((index % step->count) + step->count) % step->count;
        for (;; index += step->count)
          {
            gint64 y = index >= 0 ? index / 12 : -((-index + 11) / 12);
            guint mo = (guint) (index - y * 12) + 1;
            double t = time_from_civil (y, mo, 1);

            if (t > t1)
              break;
            EMIT (t);
          }
        break;
      }
    case KASANE_TIME_STEP_YEAR:
      {
        gint64 y;

        civil_from_time (t0, &year, &month, &day, NULL);
        y = (gint64) floor ((double) year / step->count) * step->count;
        for (;; y += step->count)
          {
            double t = time_from_civil (y, 1, 1);

            if (t > t1)
              break;
            EMIT (t);
          }
        break;
      }
    case KASANE_TIME_STEP_NONE:
    default:
      g_assert_not_reached ();
    }
#undef EMIT
  return TRUE;
}

static char *
time_label (double          t,
            KasaneTimeStep  unit,
            const char     *lang)
{
  gint64 year;
  guint month, day;
  int seconds;

  civil_from_time (t, &year, &month, &day, &seconds);
  switch (unit)
    {
    case KASANE_TIME_STEP_HOUR:
      if (seconds != 0)
        return g_strdup_printf ("%02d:%02d", seconds / 3600, (seconds / 60) % 60);
      return format_day (month, day, lang);
    case KASANE_TIME_STEP_DAY:
    case KASANE_TIME_STEP_WEEK:
      return format_day (month, day, lang);
    case KASANE_TIME_STEP_MONTH:
      return format_month_year (year, month, lang);
    case KASANE_TIME_STEP_YEAR:
      return format_year (year, lang);
    case KASANE_TIME_STEP_NONE:
    default:
      g_assert_not_reached ();
    }
}

KasaneTicks *
kasane_ticks_time (double      t0,
                   double      t1,
                   int         max_ticks,
                   const char *lang)
{
  KasaneTicks *ticks;
  const TimeStep *chosen = NULL;
  g_autoptr(GArray) values = NULL;

  if (!isfinite (t0) || !isfinite (t1))
    t0 = 0, t1 = 86400;
  if (t0 > t1)
    {
      double t = t0;
      t0 = t1;
      t1 = t;
    }
  max_ticks = MAX (max_ticks, 1);

  for (guint i = 0; i < G_N_ELEMENTS (time_steps); i++)
    {
      /* Hours only for a short range: a three-day axis reads best as days. */
      if (time_steps[i].unit == KASANE_TIME_STEP_HOUR && t1 - t0 > 2 * 86400.0)
        continue;
      chosen = &time_steps[i];
      if (walk_time_step (chosen, t0, t1, max_ticks, NULL))
        break;
    }
  g_assert (chosen != NULL);

  values = g_array_new (FALSE, FALSE, sizeof (double));
  walk_time_step (chosen, t0, t1, max_ticks, values);

  ticks = g_new0 (KasaneTicks, 1);
  ticks->lo = t0;
  ticks->hi = t1;
  ticks->step = chosen->count;
  ticks->time_unit = chosen->unit;
  ticks->n_ticks = values->len;
  ticks->ticks = g_new0 (KasaneTick, MAX (values->len, 1));
  for (guint i = 0; i < values->len; i++)
    {
      ticks->ticks[i].value = g_array_index (values, double, i);
      ticks->ticks[i].major = TRUE;
      ticks->ticks[i].label = time_label (ticks->ticks[i].value, chosen->unit, lang);
    }
  return ticks;
}
