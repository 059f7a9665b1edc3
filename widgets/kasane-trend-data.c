/* kasane-trend-data.c: the data work, done once per dataset and series choice:
 * series normalized, summarized per block for large ones, grouped into panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-trend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kasane-trend-build.h"
#include "kasane-i18n.h"

/* ---- Data work -------------------------------------------------------------------- */

static void
data_clear (gpointer mem)
{
  KasaneTrendData *data = mem;

  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);

      kasane_unit_clear (&s->unit);
      g_free (s->ny);
      kasane_decimate_summary_free (s->summary);
    }
  for (guint i = 0; i < data->panels->len; i++)
    {
      KasaneTrendDataPanel *p = &g_array_index (data->panels, KasaneTrendDataPanel, i);

      kasane_unit_clear (&p->unit);
      g_array_unref (p->members);
    }
  g_array_unref (data->series);
  g_array_unref (data->panels);
  kasane_dataset_unref (data->dataset);
}

KasaneTrendData *
kasane_trend_data_ref (KasaneTrendData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return g_atomic_rc_box_acquire (data);
}

void
kasane_trend_data_unref (KasaneTrendData *data)
{
  g_return_if_fail (data != NULL);
  g_atomic_rc_box_release_full (data, data_clear);
}

guint
kasane_trend_data_get_n_series (const KasaneTrendData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->series->len;
}

const KasaneSeries *
kasane_trend_data_get_series (const KasaneTrendData *data,
                              guint                  i)
{
  g_return_val_if_fail (data != NULL && i < data->series->len, NULL);
  return g_array_index (data->series, KasaneTrendDataSeries, i).series;
}

void
kasane_trend_data_get_x_range (const KasaneTrendData *data,
                               double                *x0,
                               double                *x1)
{
  g_return_if_fail (data != NULL);
  if (x0 != NULL)
    *x0 = data->x_min;
  if (x1 != NULL)
    *x1 = data->x_max;
}

void
kasane_trend_data_get_default_window (const KasaneTrendData *data,
                                      double                *x0,
                                      double                *x1)
{
  double lo, hi, pad;

  g_return_if_fail (data != NULL);

  lo = data->x_min;
  hi = data->x_max;
  if (hi > lo)
    pad = (hi - lo) * 0.02;
  else
    pad = data->numeric_x ? MAX (fabs (lo) * 0.1, 1.0) : 30 * DAY;
  if (x0 != NULL)
    *x0 = lo - pad;
  if (x1 != NULL)
    *x1 = hi + pad;
}

static void
add_chart_series (KasaneTrendData *data,
                  KasaneSeries    *series)
{
  KasaneTrendDataSeries s = { 0 };
  guint panel = G_MAXUINT;

  for (guint i = 0; i < data->series->len; i++)
    if (g_array_index (data->series, KasaneTrendDataSeries, i).series == series)
      return;
  if (data->series->len > 0 && series->numeric_x != data->numeric_x)
    return;   /* a time axis and a numeric axis cannot share the chart */
  if (data->series->len == 0)
    data->numeric_x = series->numeric_x;

  s.series = series;
  kasane_unit_parse (series->unit, &s.unit);

  for (guint p = 0; p < data->panels->len; p++)
    if (strcmp (g_array_index (data->panels, KasaneTrendDataPanel, p).unit.key, s.unit.key) == 0)
      {
        panel = p;
        break;
      }
  if (panel == G_MAXUINT)
    {
      KasaneTrendDataPanel p = { 0 };

      kasane_unit_parse (series->unit, &p.unit);
      p.scale = KASANE_SCALE_LOG;
      p.members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (data->panels, p);
      panel = data->panels->len - 1;
    }
  s.panel = panel;
  g_array_append_val (data->series, s);
  g_array_append_vals (g_array_index (data->panels, KasaneTrendDataPanel, panel).members,
                       &(guint) { data->series->len - 1 }, 1);
}

KasaneTrendData *
kasane_trend_data_new (KasaneDataset      *dataset,
                       const char * const *series_ids)
{
  KasaneTrendData *data;

  g_return_val_if_fail (dataset != NULL, NULL);

  data = g_atomic_rc_box_new0 (KasaneTrendData);
  data->dataset = kasane_dataset_ref (dataset);
  data->series = g_array_new (FALSE, TRUE, sizeof (KasaneTrendDataSeries));
  data->panels = g_array_new (FALSE, TRUE, sizeof (KasaneTrendDataPanel));

  if (series_ids == NULL)
    {
      /* The default chart: the featured series, or all of them when none is. */
      for (guint i = 0; i < dataset->series->len; i++)
        {
          KasaneSeries *series = g_ptr_array_index (dataset->series, i);

          if (kasane_dataset_series_shown_by_default (dataset, series))
            add_chart_series (data, series);
        }
    }
  else
    {
      for (guint i = 0; series_ids[i] != NULL; i++)
        {
          int index = kasane_dataset_find_series (dataset, series_ids[i]);

          if (index >= 0)
            add_chart_series (data, g_ptr_array_index (dataset->series, index));
        }
    }

  /* A panel is log only when every series in it is. */
  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTrendDataPanel *p = &g_array_index (data->panels, KasaneTrendDataPanel, s->panel);

      if (s->series->scale != KASANE_SCALE_LOG)
        p->scale = KASANE_SCALE_LINEAR;
    }

  /* Ranges: one pass over each series. */
  data->x_min = INFINITY;
  data->x_max = -INFINITY;
  for (guint p = 0; p < data->panels->len; p++)
    {
      KasaneTrendDataPanel *panel = &g_array_index (data->panels, KasaneTrendDataPanel, p);

      panel->lo = INFINITY;
      panel->hi = -INFINITY;
    }
  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTrendDataPanel *p = &g_array_index (data->panels, KasaneTrendDataPanel, s->panel);
      gboolean log = p->scale == KASANE_SCALE_LOG;
      const double *y = s->series->y;

      s->ymin = INFINITY;
      s->ymax = -INFINITY;
      s->x_first = s->x_last = NAN;
      for (guint k = 0; k < s->series->n_points; k++)
        {
          double v = y[k];

          if (!isfinite (v) || (log && v <= 0))
            continue;
          if (s->n_finite++ == 0)
            s->x_first = s->series->x[k];
          s->x_last = s->series->x[k];
          if (v < s->ymin)
            s->ymin = v;
          if (v > s->ymax)
            s->ymax = v;
        }
      if (s->n_finite > 0)
        {
          p->lo = MIN (p->lo, s->ymin);
          p->hi = MAX (p->hi, s->ymax);
          data->x_min = MIN (data->x_min, s->x_first);
          data->x_max = MAX (data->x_max, s->x_last);
        }
    }
  for (guint p = 0; p < data->panels->len; p++)
    {
      KasaneTrendDataPanel *panel = &g_array_index (data->panels, KasaneTrendDataPanel, p);

      if (!(panel->hi >= panel->lo))
        {
          panel->lo = panel->scale == KASANE_SCALE_LOG ? 1 : 0;
          panel->hi = panel->scale == KASANE_SCALE_LOG ? 10 : 1;
        }
    }
  if (!(data->x_max >= data->x_min))
    data->x_min = data->x_max = 0;

  /* Normalize: the cached arrays drawing scales (Sysprof's normalized series). */
  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTrendDataPanel *p = &g_array_index (data->panels, KasaneTrendDataPanel, s->panel);
      gboolean log = p->scale == KASANE_SCALE_LOG;
      double l0 = log ? log10 (p->lo) : p->lo;
      double l1 = log ? log10 (p->hi) : p->hi;
      double inv = l1 > l0 ? 1.0 / (l1 - l0) : 0.0;
      const double *y = s->series->y;
      guint n = s->series->n_points;

      s->ny = g_new (float, MAX (n, 1));
      if (log)
        for (guint k = 0; k < n; k++)
          s->ny[k] = y[k] > 0 && isfinite (y[k]) ? (float) ((log10 (y[k]) - l0) * inv) : NAN;
      else
        for (guint k = 0; k < n; k++)
          s->ny[k] = isfinite (y[k]) ? (float) ((y[k] - l0) * inv) : NAN;
      if (n >= 16 * KASANE_DECIMATE_BLOCK)
        s->summary = kasane_decimate_summary_new (s->series->x, s->ny, n);
    }

  return data;
}
