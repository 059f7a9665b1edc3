/* test-date.c: ISO dates, their precision and their formatting */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kasane-date.h"

static void
check_parse (const char      *text,
             double           expected_t,
             KasanePrecision  expected_precision,
             const char      *expected_format)
{
  KasaneDate date;
  g_autofree char *formatted = NULL;

  g_assert_true (kasane_date_parse_iso (text, strlen (text), &date));
  g_assert_cmpfloat (date.t, ==, expected_t);
  g_assert_cmpint (date.precision, ==, expected_precision);
  formatted = kasane_date_format_iso (&date);
  g_assert_cmpstr (formatted, ==, expected_format);
}

static void
test_date_precisions (void)
{
  check_parse ("1970", 0, KASANE_PRECISION_YEAR, "1970");
  check_parse ("2024-03", 1709251200, KASANE_PRECISION_MONTH, "2024-03");
  check_parse ("2024-03-13", 1710288000, KASANE_PRECISION_DAY, "2024-03-13");
  check_parse ("2024-03-13T12:00:00Z", 1710331200, KASANE_PRECISION_SECOND,
               "2024-03-13T12:00:00Z");
  check_parse ("2024-03-13T13:55:35+01:00", 1710334535, KASANE_PRECISION_SECOND,
               "2024-03-13T12:55:35Z");
  check_parse ("2024-03-13 12:00", 1710331200, KASANE_PRECISION_SECOND, "2024-03-13T12:00:00Z");
  check_parse ("1969-12-31", -86400, KASANE_PRECISION_DAY, "1969-12-31");
  check_parse ("2000-02-29", 951782400, KASANE_PRECISION_DAY, "2000-02-29");
}

static void
test_date_rejects (void)
{
  static const char * const bad[] = {
    "", "24", "2024-3", "2024-13", "2024-00", "2023-02-29", "1900-02-29", "2024-04-31",
    "2024-03-13T24:00:00Z", "2024-03-13T12:60Z", "2024-03-13T12:00:00+25:00", "2024/03/13",
    "2024-03-13x", "0000-01-01", " 2024", "2024-03-13T", "２０２４",
    /* Offsets that carry the instant out of years 1 to 9999. */
    "0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00",
  };
  KasaneDate date;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (kasane_date_parse_iso (bad[i], strlen (bad[i]), &date));

  /* The edges themselves are fine. */
  g_assert_true (kasane_date_parse_iso ("0001-01-01T01:00:00+01:00", 25, &date));
  g_assert_true (kasane_date_parse_iso ("9999-12-31T22:59:59-01:00", 25, &date));
}

static void
test_date_length_bound (void)
{
  KasaneDate date;

  /* Only `len` bytes are read: a date inside a larger buffer. */
  g_assert_true (kasane_date_parse_iso ("2024-03-13,42", 10, &date));
  g_assert_cmpint (date.precision, ==, KASANE_PRECISION_DAY);
  g_assert_true (kasane_date_parse_iso ("2024-03-13,42", 7, &date));
  g_assert_cmpint (date.precision, ==, KASANE_PRECISION_MONTH);
}

static void
test_date_civil_round_trip (void)
{
  /* Every day from 1600 to 2400 maps back to itself. */
  for (gint64 days = kasane_days_from_civil (1600, 1, 1);
       days <= kasane_days_from_civil (2400, 12, 31); days++)
    {
      gint64 year;
      guint month, day;

      kasane_civil_from_days (days, &year, &month, &day);
      g_assert_true (kasane_is_valid_date (year, month, day));
      g_assert_cmpint (kasane_days_from_civil (year, month, day), ==, days);
    }
}

static void
test_date_numbers (void)
{
  KasaneDate date = { 2.5, KASANE_PRECISION_NUMBER };
  g_autofree char *a = kasane_date_format_iso (&date);
  g_autofree char *b = NULL, *c = NULL;

  g_assert_cmpstr (a, ==, "2.5");
  date.t = 3;
  b = kasane_date_format_iso (&date);
  g_assert_cmpstr (b, ==, "3");
  date.t = 0.1;
  c = kasane_date_format_iso (&date);
  g_assert_cmpstr (c, ==, "0.1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/precisions", test_date_precisions);
  g_test_add_func ("/date/rejects", test_date_rejects);
  g_test_add_func ("/date/length-bound", test_date_length_bound);
  g_test_add_func ("/date/civil-round-trip", test_date_civil_round_trip);
  g_test_add_func ("/date/numbers", test_date_numbers);

  return g_test_run ();
}
