#define G_LOG_DOMAIN "kasane-date"

#include "config.h"

#include "kasane-date.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
gint64
kasane_days_from_civil (gint64 year,
                        guint  month,
                        guint  day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
kasane_civil_from_days (gint64  days,
                        gint64 *year,
                        guint  *month,
                        guint  *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  guint d = (guint) (doy - (153 * mp + 2) / 5 + 1);
  guint m = (guint) (mp < 10 ? mp + 3 : mp - 9);

  *year = yoe + era * 400 + (m <= 2);
  *month = m;
  *day = d;
}

gboolean
kasane_is_valid_date (gint64 year,
                      guint  month,
                      guint  day)
{
  static const guint8 days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint max;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return FALSE;
  max = days_in_month[month - 1];
  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
    max = 29;
  return day <= max;
}

/* Reads exactly `n` ASCII digits at p[*i]. */
static gboolean
read_digits (const char *p,
             gsize       len,
             gsize      *i,
             guint       n,
             guint      *out)
{
  guint v = 0;

  if (*i + n > len)
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      char c = p[*i + k];

      if (c < '0' || c > '9')
        return FALSE;
      v = v * 10 + (guint) (c - '0');
    }
  *i += n;
  *out = v;
  return TRUE;
}

gboolean
kasane_date_parse_iso (const char *text,
                       gsize       len,
                       KasaneDate *out)
{
  guint year, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  double fraction = 0;
  gint64 offset = 0, t;
  gsize i = 0;
  KasanePrecision precision;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!read_digits (text, len, &i, 4, &year))
    return FALSE;
  precision = KASANE_PRECISION_YEAR;
  if (i < len)
    {
      if (text[i++] != '-' || !read_digits (text, len, &i, 2, &month))
        return FALSE;
      precision = KASANE_PRECISION_MONTH;
    }
  if (i < len)
    {
      if (text[i++] != '-' || !read_digits (text, len, &i, 2, &day))
        return FALSE;
      precision = KASANE_PRECISION_DAY;
    }
  if (!kasane_is_valid_date (year, month, day))
    return FALSE;
  if (i < len)
    {
      if (text[i] != 'T' && text[i] != ' ')
        return FALSE;
      i++;
      if (!read_digits (text, len, &i, 2, &hour) || i >= len || text[i++] != ':' ||
          !read_digits (text, len, &i, 2, &minute))
        return FALSE;
      if (i < len && text[i] == ':')
        {
          i++;
          if (!read_digits (text, len, &i, 2, &second))
            return FALSE;
          if (i < len && (text[i] == '.' || text[i] == ','))
            {
              double scale = 0.1;
              gsize start = ++i;

              while (i < len && text[i] >= '0' && text[i] <= '9' && i - start < 9)
                {
                  fraction += (text[i] - '0') * scale;
                  scale /= 10;
                  i++;
                }
              if (i == start)
                return FALSE;
            }
        }
      /* 24:00 is not accepted: one spelling per instant. */
      if (hour > 23 || minute > 59 || second > 59)
        return FALSE;
      if (i < len)
        {
          if (text[i] == 'Z')
            i++;
          else if (text[i] == '+' || text[i] == '-')
            {
              int sign = text[i] == '-' ? -1 : 1;
              guint oh, om;

              i++;
              if (!read_digits (text, len, &i, 2, &oh))
                return FALSE;
              if (i < len && text[i] == ':')
                i++;
              if (!read_digits (text, len, &i, 2, &om) || oh > 23 || om > 59)
                return FALSE;
              offset = sign * (gint64) (oh * 3600 + om * 60);
            }
          else
            return FALSE;
        }
      precision = KASANE_PRECISION_SECOND;
    }
  if (i != len)
    return FALSE;

  t = kasane_days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
      offset;
  /* An offset may carry 0001-01-01T00:00+01:00 into year 0, or 9999-12-31T23:30-01:00 into
   * 10000: instants that cannot be shown are refused like any other unreal date. */
  if (t < kasane_days_from_civil (1, 1, 1) * 86400 ||
      t >= kasane_days_from_civil (10000, 1, 1) * 86400)
    return FALSE;
  out->t = (double) t + fraction;
  out->precision = precision;
  return TRUE;
}

char *
kasane_date_format_iso (const KasaneDate *date)
{
  gint64 days, secs, year;
  guint month, day;

  g_return_val_if_fail (date != NULL, NULL);

  if (date->precision == KASANE_PRECISION_NUMBER)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* The shortest of %.15g…%.17g that reads back exactly. */
      for (int digits = 15; digits <= 17; digits++)
        {
          g_ascii_formatd (buf, sizeof buf, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g",
                           date->t);
          if (g_ascii_strtod (buf, NULL) == date->t)
            break;
        }
      return g_strdup (buf);
    }

  secs = (gint64) floor (date->t);
  days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  secs -= days * 86400;
  kasane_civil_from_days (days, &year, &month, &day);

  switch (date->precision)
    {
    case KASANE_PRECISION_YEAR:
      return g_strdup_printf ("%04" G_GINT64_FORMAT, year);
    case KASANE_PRECISION_MONTH:
      return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02u", year, month);
    case KASANE_PRECISION_DAY:
      return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02u-%02u", year, month, day);
    case KASANE_PRECISION_SECOND:
    case KASANE_PRECISION_NUMBER:
    default:
      return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02u-%02uT%02u:%02u:%02uZ", year, month, day,
                              (guint) (secs / 3600), (guint) (secs / 60 % 60), (guint) (secs % 60));
    }
}
