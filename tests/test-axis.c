/* test-axis.c: nice value ticks, log ticks, calendar ticks, unit formatting */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kasane-axis.h"
#include "kasane-date.h"
#include "kasane-test-util.h"

static double
day (int y, int m, int d)
{
  return (double) kasane_days_from_civil (y, m, d) * 86400.0;
}

static void
assert_values (const KasaneTicks *ticks,
               const double      *expected,
               guint              n)
{
  g_assert_cmpuint (ticks->n_ticks, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (ticks->ticks[i].value, expected[i],
                                    1e-9 * MAX (1.0, fabs (expected[i])));
}

static void
assert_labels (const KasaneTicks  *ticks,
               const char * const *expected)
{
  g_assert_cmpuint (ticks->n_ticks, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < ticks->n_ticks; i++)
    g_assert_cmpstr (ticks->ticks[i].label, ==, expected[i]);
}

static void
test_linear_0_97 (void)
{
  KasaneUnit unit;
  KasaneTicks *ticks;
  const double values[] = { 0, 20, 40, 60, 80, 100 };
  const char * const labels[] = { "0", "20", "40", "60", "80", "100", NULL };

  kasane_unit_parse ("", &unit);
  ticks = kasane_ticks_linear (0, 97, 6, TRUE, &unit);
  assert_values (ticks, values, G_N_ELEMENTS (values));
  assert_labels (ticks, labels);
  g_assert_cmpfloat (ticks->lo, ==, 0);
  g_assert_cmpfloat (ticks->hi, ==, 100);
  kasane_ticks_free (ticks);
  kasane_unit_clear (&unit);
}

static void
test_linear_fraction (void)
{
  KasaneUnit unit;
  KasaneTicks *ticks;
  const double values[] = { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 };
  const char * const labels[] = { "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", NULL };

  kasane_unit_parse ("", &unit);
  ticks = kasane_ticks_linear (0.3, 0.71, 6, TRUE, &unit);
  assert_values (ticks, values, G_N_ELEMENTS (values));
  assert_labels (ticks, labels);
  kasane_ticks_free (ticks);

  /* Without expanding: only ticks inside the window. */
  ticks = kasane_ticks_linear (0.31, 0.71, 6, FALSE, &unit);
  g_assert_cmpfloat_with_epsilon (ticks->ticks[0].value, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (ticks->ticks[ticks->n_ticks - 1].value, 0.7, 1e-12);
  g_assert_cmpfloat (ticks->lo, ==, 0.31);
  kasane_ticks_free (ticks);
  kasane_unit_clear (&unit);
}

static void
test_linear_negative (void)
{
  KasaneUnit unit;
  KasaneTicks *ticks;
  const double values[] = { -100, -80, -60, -40, -20, 0 };
  const char * const labels[] = { "−100", "−80", "−60", "−40", "−20", "0", NULL };

  kasane_unit_parse ("", &unit);
  ticks = kasane_ticks_linear (-97, -3, 6, TRUE, &unit);
  assert_values (ticks, values, G_N_ELEMENTS (values));
  assert_labels (ticks, labels);
  kasane_ticks_free (ticks);

  /* Across zero: never "-0" or "−0". */
  ticks = kasane_ticks_linear (-0.5, 0.5, 5, TRUE, &unit);
  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      g_assert_null (strstr (ticks->ticks[i].label, "-0"));
      g_assert_cmpstr (ticks->ticks[i].label, !=, "−0");
      g_assert_cmpstr (ticks->ticks[i].label, !=, "−0.0");
      if (ticks->ticks[i].value == 0)
        g_assert_cmpstr (ticks->ticks[i].label, ==, "0");
    }
  kasane_ticks_free (ticks);
  kasane_unit_clear (&unit);
}

static void
test_linear_degenerate (void)
{
  KasaneUnit unit;
  KasaneTicks *ticks;
  gboolean has_one = FALSE;

  kasane_unit_parse ("", &unit);
  ticks = kasane_ticks_linear (1, 1, 5, TRUE, &unit);
  g_assert_cmpuint (ticks->n_ticks, >=, 2);
  g_assert_cmpuint (ticks->n_ticks, <=, 10);
  g_assert_cmpfloat (ticks->lo, <, 1);
  g_assert_cmpfloat (ticks->hi, >, 1);
  for (guint i = 0; i < ticks->n_ticks; i++)
    has_one |= fabs (ticks->ticks[i].value - 1) < 1e-12;
  g_assert_true (has_one);
  kasane_ticks_free (ticks);

  ticks = kasane_ticks_linear (0, 0, 5, TRUE, &unit);
  g_assert_cmpuint (ticks->n_ticks, >=, 2);
  g_assert_cmpfloat (ticks->lo, <, 0);
  g_assert_cmpfloat (ticks->hi, >, 0);
  kasane_ticks_free (ticks);

  /* Garbage in: still a sane axis, no crash. */
  ticks = kasane_ticks_linear (NAN, INFINITY, 5, TRUE, &unit);
  g_assert_cmpuint (ticks->n_ticks, >=, 2);
  kasane_ticks_free (ticks);
  kasane_unit_clear (&unit);
}

static void
test_linear_consistent_decimals (void)
{
  KasaneUnit unit;
  KasaneTicks *ticks;
  const char * const usd[] = { "$0", "$0.5k", "$1.0k", "$1.5k", NULL };

  kasane_unit_parse ("USD", &unit);
  ticks = kasane_ticks_linear (0, 1500, 4, TRUE, &unit);
  assert_labels (ticks, usd);
  kasane_ticks_free (ticks);
  kasane_unit_clear (&unit);

  kasane_unit_parse ("% accuracy", &unit);
  ticks = kasane_ticks_linear (0.6, 98.1, 6, TRUE, &unit);
  g_assert_cmpstr (ticks->ticks[0].label, ==, "0%");
  g_assert_cmpstr (ticks->ticks[ticks->n_ticks - 1].label, ==, "100%");
  kasane_ticks_free (ticks);
  kasane_unit_clear (&unit);

  /* Steps of 0.5 put one decimal on every label, whole numbers included. */
  kasane_unit_parse ("", &unit);
  ticks = kasane_ticks_linear (0, 1.5, 4, TRUE, &unit);
  {
    const char * const plain[] = { "0", "0.5", "1.0", "1.5", NULL };
    assert_labels (ticks, plain);
  }
  kasane_ticks_free (ticks);
  kasane_unit_clear (&unit);
}

static void
test_log_ticks (void)
{
  KasaneUnit unit;
  KasaneTicks *ticks;
  const double majors[] = { 0.01, 0.1, 1, 10, 100, 1000 };
  const char * const major_labels[] = { "0.01", "0.1", "1", "10", "100", "1k" };
  guint n_major = 0, n_minor = 0;

  kasane_unit_parse ("minutes", &unit);
  ticks = kasane_ticks_log (0.04, 289, 8, &unit);
  g_assert_cmpfloat_with_epsilon (ticks->lo, 0.01, 1e-15);
  g_assert_cmpfloat_with_epsilon (ticks->hi, 1000, 1e-9);
  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      const KasaneTick *tick = &ticks->ticks[i];

      if (tick->major)
        {
          g_assert_cmpuint (n_major, <, G_N_ELEMENTS (majors));
          g_assert_cmpfloat_with_epsilon (tick->value, majors[n_major], majors[n_major] * 1e-12);
          g_assert_cmpstr (tick->label, ==, major_labels[n_major]);
          n_major++;
        }
      else
        {
          double mantissa = tick->value / pow (10, floor (log10 (tick->value) + 1e-9));

          g_assert_true (fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9);
          g_assert_null (tick->label);   /* five decades: minors unlabelled */
          n_minor++;
        }
      if (i > 0)
        g_assert_cmpfloat (tick->value, >, ticks->ticks[i - 1].value);
    }
  g_assert_cmpuint (n_major, ==, 6);
  g_assert_cmpuint (n_minor, ==, 10);
  kasane_ticks_free (ticks);

  /* Under two decades the 2 and 5 are labelled too. */
  ticks = kasane_ticks_log (3, 8, 6, &unit);
  g_assert_cmpuint (ticks->n_ticks, ==, 4);
  g_assert_cmpstr (ticks->ticks[0].label, ==, "1");
  g_assert_cmpstr (ticks->ticks[1].label, ==, "2");
  g_assert_cmpstr (ticks->ticks[2].label, ==, "5");
  g_assert_cmpstr (ticks->ticks[3].label, ==, "10");
  kasane_ticks_free (ticks);

  /* Fifteen decades: majors skip decades, at most `target`, all powers of ten. */
  for (int target = 3; target <= 12; target++)
    {
      guint majors_seen = 0;

      ticks = kasane_ticks_log (1e-3, 1e12, target, &unit);
      for (guint i = 0; i < ticks->n_ticks; i++)
        if (ticks->ticks[i].major)
          {
            double e = log10 (ticks->ticks[i].value);

            g_assert_cmpfloat (fabs (e - round (e)), <, 1e-9);
            g_assert_nonnull (ticks->ticks[i].label);
            majors_seen++;
          }
      g_assert_cmpuint (majors_seen, >=, 2);
      g_assert_cmpuint (majors_seen, <=, (guint) target);
      g_assert_cmpfloat (ticks->lo, <=, 1e-3);
      g_assert_cmpfloat (ticks->hi, >=, 1e12);
      kasane_ticks_free (ticks);
    }
  kasane_unit_clear (&unit);

  kasane_unit_parse ("USD/tx", &unit);
  ticks = kasane_ticks_log (0.059, 200, 8, &unit);
  g_assert_cmpstr (ticks->ticks[0].label, ==, "$0.01");
  kasane_ticks_free (ticks);
  kasane_unit_clear (&unit);
}

static char *
labels_of (const KasaneTicks *ticks)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, ticks->ticks[i].label);
    }
  return g_string_free (s, FALSE);
}

static void
test_time_months (void)
{
  KasaneTicks *ticks = kasane_ticks_time (day (2023, 11, 15), day (2024, 2, 10), 6, "en");
  g_autofree char *labels = labels_of (ticks);

  g_assert_cmpint (ticks->time_unit, ==, KASANE_TIME_STEP_MONTH);
  g_assert_cmpstr (labels, ==, "Dec 2023, Jan 2024, Feb 2024");
  g_assert_cmpfloat (ticks->ticks[0].value, ==, day (2023, 12, 1));
  g_assert_cmpfloat (ticks->ticks[1].value, ==, day (2024, 1, 1));
  g_assert_cmpfloat (ticks->ticks[2].value, ==, day (2024, 2, 1));
  kasane_ticks_free (ticks);

  ticks = kasane_ticks_time (day (2023, 11, 15), day (2024, 2, 10), 6, "ja");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (ticks);
  g_assert_cmpstr (labels, ==, "2023年12月, 2024年1月, 2024年2月");
  kasane_ticks_free (ticks);
}

static void
test_time_years (void)
{
  KasaneTicks *ticks = kasane_ticks_time (day (2010, 3, 1), day (2020, 2, 1), 12, "en");
  g_autofree char *labels = labels_of (ticks);

  g_assert_cmpint (ticks->time_unit, ==, KASANE_TIME_STEP_YEAR);
  g_assert_cmpfloat (ticks->step, ==, 1);
  g_assert_cmpstr (labels, ==, "2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020");
  kasane_ticks_free (ticks);

  ticks = kasane_ticks_time (day (2010, 3, 1), day (2020, 2, 1), 12, "ja");
  g_assert_cmpstr (ticks->ticks[0].label, ==, "2011年");
  kasane_ticks_free (ticks);

  /* A century with room for eight: every twenty years, on multiples of twenty. */
  ticks = kasane_ticks_time (day (1900, 1, 1), day (2020, 6, 1), 8, "en");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (ticks);
  g_assert_cmpstr (labels, ==, "1900, 1920, 1940, 1960, 1980, 2000, 2020");
  kasane_ticks_free (ticks);

  /* Two years with room for eight: quarters. */
  ticks = kasane_ticks_time (day (2022, 12, 20), day (2024, 12, 10), 8, "en");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (ticks);
  g_assert_cmpstr (labels, ==, "Jan 2023, Apr 2023, Jul 2023, Oct 2023, Jan 2024, Apr 2024, "
                               "Jul 2024, Oct 2024");
  kasane_ticks_free (ticks);
}

static void
test_time_days (void)
{
  KasaneTicks *ticks = kasane_ticks_time (day (2024, 3, 12) + 6 * 3600,
                                          day (2024, 3, 15) + 6 * 3600, 8, "en");
  g_autofree char *labels = labels_of (ticks);

  g_assert_cmpint (ticks->time_unit, ==, KASANE_TIME_STEP_DAY);
  g_assert_cmpstr (labels, ==, "Mar 13, Mar 14, Mar 15");
  kasane_ticks_free (ticks);

  ticks = kasane_ticks_time (day (2024, 3, 12) + 6 * 3600, day (2024, 3, 15) + 6 * 3600, 8, "ja");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (ticks);
  g_assert_cmpstr (labels, ==, "3月13日, 3月14日, 3月15日");
  kasane_ticks_free (ticks);

  /* Across a year end, by day. */
  ticks = kasane_ticks_time (day (2023, 12, 30), day (2024, 1, 2), 8, "en");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (ticks);
  g_assert_cmpstr (labels, ==, "Dec 30, Dec 31, Jan 1, Jan 2");
  kasane_ticks_free (ticks);

  /* Six weeks: Mondays. */
  ticks = kasane_ticks_time (day (2024, 3, 1), day (2024, 4, 12), 8, "en");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (ticks);
  g_assert_cmpint (ticks->time_unit, ==, KASANE_TIME_STEP_WEEK);
  g_assert_cmpstr (labels, ==, "Mar 4, Mar 11, Mar 18, Mar 25, Apr 1, Apr 8");
  kasane_ticks_free (ticks);

  /* Half a day: hours, midnight named by its day. */
  ticks = kasane_ticks_time (day (2024, 3, 12) + 18 * 3600, day (2024, 3, 13) + 6 * 3600, 8, "en");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (ticks);
  g_assert_cmpint (ticks->time_unit, ==, KASANE_TIME_STEP_HOUR);
  g_assert_cmpstr (labels, ==, "18:00, 20:00, 22:00, Mar 13, 02:00, 04:00, 06:00");
  kasane_ticks_free (ticks);
}

static void
test_dates (void)
{
  double t = day (2024, 3, 13);
  g_autofree char *y = kasane_format_date (t, KASANE_PRECISION_YEAR, "en");
  g_autofree char *m = kasane_format_date (t, KASANE_PRECISION_MONTH, "en");
  g_autofree char *d = kasane_format_date (t, KASANE_PRECISION_DAY, "en");
  g_autofree char *yj = kasane_format_date (t, KASANE_PRECISION_YEAR, "ja");
  g_autofree char *mj = kasane_format_date (t, KASANE_PRECISION_MONTH, "ja");
  g_autofree char *dj = kasane_format_date (t, KASANE_PRECISION_DAY, "ja");
  g_autofree char *s = kasane_format_date (t + 12 * 3600 + 30 * 60, KASANE_PRECISION_SECOND, "en");

  g_assert_cmpstr (y, ==, "2024");
  g_assert_cmpstr (m, ==, "Mar 2024");
  g_assert_cmpstr (d, ==, "Mar 13, 2024");
  g_assert_cmpstr (yj, ==, "2024年");
  g_assert_cmpstr (mj, ==, "2024年3月");
  g_assert_cmpstr (dj, ==, "2024年3月13日");
  g_assert_cmpstr (s, ==, "Mar 13, 2024 12:30");
}

typedef struct
{
  const char *unit;
  double      value;
  const char *expected;
} FormatCase;

/* Issue 11: a German LC_NUMERIC labelled English axes "$1,00".  Every number a chart
 * prints uses '.', whatever the locale. */
static void
test_unit_format_decimal_comma (void)
{
  g_autoptr(GError) error = NULL;
  const char *locale = kasane_test_decimal_comma_locale (&error);
  g_autofree char *saved = NULL;
  KasaneUnit unit;
  KasaneNumberFormat format;
  const double ticks[] = { 0, 0.5, 1.0 };
  g_autofree char *value = NULL;
  g_autofree char *tick = NULL;
  g_autofree char *number = NULL;
  char probe[16];

  if (locale == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_assert_nonnull (setlocale (LC_NUMERIC, locale));
  /* The test means something only if printf really uses a comma now. */
  g_snprintf (probe, sizeof probe, "%.1f", 1.5);
  g_assert_cmpstr (probe, ==, "1,5");

  kasane_unit_parse ("USD/tx (mean)", &unit);
  value = kasane_unit_format_value (&unit, 0.062);
  kasane_number_format_for_values (&unit, ticks, G_N_ELEMENTS (ticks), &format);
  tick = kasane_unit_format (&unit, &format, 0.5);
  number = kasane_format_date (2.5, KASANE_PRECISION_NUMBER, "en");
  setlocale (LC_NUMERIC, saved);

  g_assert_cmpstr (value, ==, "$0.062");
  g_assert_cmpstr (tick, ==, "$0.5");
  g_assert_cmpstr (number, ==, "2.5");
  kasane_unit_clear (&unit);
}

static void
test_unit_format (void)
{
  const FormatCase cases[] = {
    { "USD", 1200, "$1.2k" },
    { "USD", -1500, "−$1.5k" },
    { "USD/tx (mean)", 0.062, "$0.062" },
    { "USD/tx (mean)", 46.82, "$46.8" },
    { "USD billion", 9.32, "$9.32B" },
    { "USD million", 624, "$624M" },
    { "EUR", 3e6, "€3M" },
    { "%", 45, "45%" },
    { "% accuracy", 88.6, "88.6%" },
    { "count", 3.2e6, "3.2M" },
    { "chains", 39, "39" },
    { "chains", 4e9, "4B" },
    { "million tx/day", 1.5, "1.5M" },
    { "", 1500, "1500" },
    { "", 2.5e6, "2.5M" },
    { "", -0.0001, "−0.0001" },
    { "", 0, "0" },
    { "USD", -0.0, "$0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KasaneUnit unit;
      g_autofree char *text = NULL;

      kasane_unit_parse (cases[i].unit, &unit);
      text = kasane_unit_format_value (&unit, cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].expected);
      kasane_unit_clear (&unit);
    }
}

static void
test_unit_parse (void)
{
  KasaneUnit unit;
  KasaneNumberFormat format = { 1, "", 0 };
  g_autofree char *rounded = NULL;

  kasane_unit_parse ("USD/tx (median)", &unit);
  g_assert_cmpint (unit.kind, ==, KASANE_UNIT_CURRENCY);
  g_assert_cmpstr (unit.key, ==, "USD/tx");
  g_assert_cmpstr (unit.title, ==, "USD/tx");
  g_assert_cmpfloat (unit.multiplier, ==, 1);
  kasane_unit_clear (&unit);

  kasane_unit_parse ("million tx/day", &unit);
  g_assert_cmpint (unit.kind, ==, KASANE_UNIT_COUNT);
  g_assert_cmpstr (unit.key, ==, "million tx/day");
  g_assert_cmpstr (unit.title, ==, "tx/day");
  g_assert_cmpfloat (unit.multiplier, ==, 1e6);
  kasane_unit_clear (&unit);

  kasane_unit_parse ("% resolved", &unit);
  g_assert_cmpint (unit.kind, ==, KASANE_UNIT_PERCENT);
  /* A value that rounds to zero is "0", never "-0". */
  rounded = kasane_unit_format (&unit, &format, -0.2);
  g_assert_cmpstr (rounded, ==, "0%");
  kasane_unit_clear (&unit);

  kasane_unit_parse (NULL, &unit);
  g_assert_cmpint (unit.kind, ==, KASANE_UNIT_PLAIN);
  g_assert_cmpstr (unit.key, ==, "");
  kasane_unit_clear (&unit);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/axis/linear/0-97", test_linear_0_97);
  g_test_add_func ("/axis/linear/fraction", test_linear_fraction);
  g_test_add_func ("/axis/linear/negative", test_linear_negative);
  g_test_add_func ("/axis/linear/degenerate", test_linear_degenerate);
  g_test_add_func ("/axis/linear/consistent-decimals", test_linear_consistent_decimals);
  g_test_add_func ("/axis/log", test_log_ticks);
  g_test_add_func ("/axis/time/months", test_time_months);
  g_test_add_func ("/axis/time/years", test_time_years);
  g_test_add_func ("/axis/time/days", test_time_days);
  g_test_add_func ("/axis/dates", test_dates);
  g_test_add_func ("/axis/unit/format", test_unit_format);
  g_test_add_func ("/axis/unit/format-decimal-comma", test_unit_format_decimal_comma);
  g_test_add_func ("/axis/unit/parse", test_unit_parse);

  return g_test_run ();
}
