/* kasane-trend-hit.c: which series, point, legend entry or event lies under a point
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

/* ---- Hit testing ------------------------------------------------------------------ */

gboolean
kasane_trend_layout_hit_test (const KasaneTrendLayout *layout,
                              double                   x,
                              double                   y,
                              double                   radius,
                              KasaneTrendHit          *hit)
{
  KasaneTrendData *data;
  double best = INFINITY;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (KasaneTrendHit) { KASANE_TREND_HIT_NONE, -1, -1, -1, -1, NAN };
  data = layout->data;

  for (guint i = 0; i < layout->legend->len; i++)
    {
      KasaneTrendLegendEntry *e = &g_array_index (layout->legend, KasaneTrendLegendEntry, i);

      if (x >= e->rect.x && x < e->rect.x + e->rect.width &&
          y >= e->rect.y && y < e->rect.y + e->rect.height)
        {
          hit->kind = KASANE_TREND_HIT_LEGEND;
          hit->series = e->series;
          return TRUE;
        }
    }

  for (guint p = 0; p < layout->panels->len; p++)
    {
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, p);

      if (x >= panel->plot.x && x <= panel->plot.x + panel->plot.width &&
          y >= panel->plot.y - radius && y <= panel->plot.y + panel->plot.height + radius)
        {
          hit->panel = (int) p;
          hit->x = kasane_trend_layout_x_to_data (layout, x);
        }
    }

  /* The nearest point: binary search the columns within the radius; at most a few
   * thousand candidates even at a million points. */
  for (guint i = 0; i < layout->paths->len; i++)
    {
      KasaneTrendSeriesPath *path = &g_array_index (layout->paths, KasaneTrendSeriesPath, i);
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, s->panel);
      double t0 = kasane_trend_layout_x_to_data (layout, x - radius);
      double t1 = kasane_trend_layout_x_to_data (layout, x + radius);
      guint k0, k1, stride;

      if (!path->visible)
        continue;
      k0 = kasane_lower_bound (s->series->x, s->series->n_points, MAX (t0, layout->x0));
      k1 = kasane_upper_bound (s->series->x, s->series->n_points, MIN (t1, layout->x1));
      stride = k1 - k0 > 20000 ? (k1 - k0) / 20000 : 1;
      for (guint k = k0; k < k1; k += stride)
        {
          double px, py, d;

          if (isnan (s->ny[k]))
            continue;
          px = kasane_trend_layout_data_to_x (layout, s->series->x[k]);
          py = panel->origin + panel->span * s->ny[k];
          d = hypot (px - x, py - y);
          if (d <= radius && d < best)
            {
              best = d;
              hit->kind = KASANE_TREND_HIT_POINT;
              hit->series = (int) i;
              hit->point = (int) k;
              hit->panel = (int) s->panel;
              hit->x = s->series->x[k];
            }
        }
    }
  if (hit->kind == KASANE_TREND_HIT_POINT)
    return TRUE;

  for (guint i = 0; i < layout->events->len; i++)
    {
      KasaneTrendEventMark *mark = &g_array_index (layout->events, KasaneTrendEventMark, i);
      gboolean on_label = FALSE;

      if (mark->text >= 0)
        {
          KasaneTrendText *t = trend_text_at (layout, mark->text);
          on_label = x >= t->x && x < t->x + t->width && y >= t->y && y < t->y + t->height;
        }
      if (on_label ||
          (fabs (x - mark->x) <= 3 && y >= layout->event_strip.y && y <= layout->plots_bottom &&
           hit->panel < 0))
        {
          hit->kind = KASANE_TREND_HIT_EVENT;
          hit->event = mark->event;
          return TRUE;
        }
    }

  if (hit->panel >= 0)
    {
      hit->kind = KASANE_TREND_HIT_PANEL;
      return TRUE;
    }
  return FALSE;
}
