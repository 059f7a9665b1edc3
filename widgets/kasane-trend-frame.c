/* kasane-trend-frame.c: the chart's frame: legend, sources, the time axis, and the
 * panels with their value axes
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

/* ---- Layout: the pieces ----------------------------------------------------------- */


void
trend_layout_legend (Ctx    *c,
                     double *y)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  double x = c->margin, right = layout->width - c->margin;
  double swatch_w = 30 * c->ts, row_h, name_max, line_h, cur_h;
  KasaneFont f = trend_font (c, 12, KASANE_WEIGHT_REGULAR, FALSE);
  int rows = 1, max_lines = 1;

  if (data->series->len == 0)
    return;

  line_h = trend_line_height (layout, c->measure, f);
  row_h = MAX (line_h, 14 * c->ts) + 6 * c->ts;
  /* A few series (the featured ones) get their whole names, a line each if need be;
   * many share the room (in ems of the legend's type, whatever its size), a name taking
   * a second line rather than being cut. */
  name_max = right - c->margin - swatch_w - 8 * c->ts;
  if (data->series->len > 4)
    {
      name_max = MIN (name_max, (data->series->len > 6 ? 22 : 27) * f.size);
      max_lines = 2;
    }
  cur_h = row_h;

  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTrendLegendEntry entry = { 0 };
      gboolean visible = i >= 64 || (c->params->hidden & (G_GUINT64_CONSTANT (1) << i)) == 0;
      int t = trend_add_text (layout, c->measure, kasane_text_get (&s->series->name, layout->lang), f,
                              name_max, max_lines, visible ? KASANE_ROLE_TEXT : KASANE_ROLE_TEXT_DIM,
                              (int) (i % 8), KASANE_TREND_TEXT_LEGEND);
      KasaneTrendText *text = trend_text_at (layout, t);
      double w = swatch_w + 6 * c->ts + text->width;
      double entry_h = MAX (row_h, text->height + 6 * c->ts);

      if (x > c->margin && x + w > right)
        {
          x = c->margin;
          *y += cur_h;
          cur_h = row_h;
          rows++;
        }
      cur_h = MAX (cur_h, entry_h);
      entry.series = (int) i;
      entry.text = t;
      entry.visible = visible;
      entry.rect = (KasaneTrendRect) { x - 3 * c->ts, *y, w + 6 * c->ts, entry_h - 2 * c->ts };
      /* The swatch beside the name's first line. */
      entry.swatch = (KasaneTrendRect) { x, *y + (row_h - 2 * c->ts) / 2 - 6 * c->ts,
                                         swatch_w, 12 * c->ts };
      text->x = x + swatch_w + 6 * c->ts;
      text->y = *y + (row_h - 2 * c->ts - line_h) / 2;
      g_array_append_val (layout->legend, entry);
      x += w + 22 * c->ts;
    }
  *y += cur_h;
}

/* Adds `line` to `lines` unless an equal one is there already; takes it either way. */
static void
add_unique (GPtrArray *lines,
            char      *line)
{
  if (g_ptr_array_find_with_equal_func (lines, line, g_str_equal, NULL))
    g_free (line);
  else
    g_ptr_array_add (lines, line);
}

/* The sources in little room: each source's short name (its name up to the first comma)
 * once, in one paragraph of at most two lines. */
double
trend_layout_sources_compact (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneFont f = trend_font (c, 11, KASANE_WEIGHT_REGULAR, FALSE);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *line = NULL;
  KasaneTrendText *t;

  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneSource *source = g_array_index (data->series, KasaneTrendDataSeries, i).series->source;
      const char *comma;

      if (source == NULL || source->name == NULL)
        continue;
      comma = strchr (source->name, ',');
      add_unique (names, comma != NULL ? g_strndup (source->name, comma - source->name)
                                       : g_strdup (source->name));
    }
  if (names->len == 0)
    return 0;

  for (guint k = 0; k < names->len; k++)
    g_string_append_printf (joined, "%s%s", k > 0 ? " · " : "",
                            (const char *) g_ptr_array_index (names, k));
  line = g_strdup_printf (kasane_pgettext (layout->lang, "trend source",
                                           NC_ ("trend source", "Source: %1$s")),
                          joined->str);
  t = trend_text_at (layout, trend_add_text (layout, c->measure, line, f, layout->width - 2 * c->margin, 2,
                                 KASANE_ROLE_TEXT_DIM, 0, KASANE_TREND_TEXT_SOURCE));
  t->x = c->margin;
  t->y = layout->height - c->margin - t->height;
  return t->height;
}

/* The sources under the chart, in columns; returns the height they take. */
double
trend_layout_sources (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneFont f = trend_font (c, 11, KASANE_WEIGHT_REGULAR, FALSE);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  double lh, col_w, gap = 24 * c->ts;
  guint n_cols, n_rows, first_text = layout->texts->len;

  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneSource *source = g_array_index (data->series, KasaneTrendDataSeries, i).series->source;
      char *line;

      if (source == NULL || source->name == NULL)
        continue;
      if (source->retrieved != NULL)
        {
          KasaneDate date;
          g_autofree char *when = NULL;

          if (kasane_date_parse_iso (source->retrieved, strlen (source->retrieved), &date))
            when = kasane_format_date (date.t, date.precision, layout->lang);
          else
            when = g_strdup (source->retrieved);
          /* Translators: under a chart: %1$s is where the data came from, %2$s the date
           * it was retrieved. */
          line = g_strdup_printf (kasane_pgettext (layout->lang, "trend source",
                                                       NC_ ("trend source",
                                                            "Source: %1$s, retrieved %2$s")),
                                  source->name, when);
        }
      else
        /* Translators: under a chart: %1$s is where the data came from. */
        line = g_strdup_printf (kasane_pgettext (layout->lang, "trend source",
                                                     NC_ ("trend source", "Source: %1$s")),
                                source->name);
      add_unique (lines, line);
    }
  if (lines->len == 0)
    return 0;

  /* Two columns when every source fits on a line of one; else one column, and a source
   * longer than the line wraps: its retrieval date is never cut off. */
  lh = trend_line_height (layout, c->measure, f) + 2 * c->ts;
  n_cols = layout->width >= 1100 * c->ts && lines->len > 1 ? 2 : 1;
  col_w = (layout->width - 2 * c->margin - gap) / 2;
  for (guint i = 0; n_cols == 2 && i < lines->len; i++)
    {
      KasaneTextExtents ext;

      trend_measure_text (c->measure, g_ptr_array_index (lines, i), &f, layout->lang, 0, 1, &ext);
      if (ext.width > col_w)
        n_cols = 1;
    }
  if (n_cols == 2)
    {
      n_rows = (lines->len + 1) / 2;
      for (guint i = 0; i < lines->len; i++)
        {
          int index = trend_add_text (layout, c->measure, g_ptr_array_index (lines, i), f, col_w, 1,
                                      KASANE_ROLE_TEXT_DIM, 0, KASANE_TREND_TEXT_SOURCE);
          KasaneTrendText *t = trend_text_at (layout, index);
          guint col = i / n_rows, row = i % n_rows;

          t->x = c->margin + col * (col_w + gap);
          t->y = layout->height - c->margin - (n_rows - row) * lh;
        }
      return n_rows * lh;
    }

  {
    double total = 0, y;

    col_w = layout->width - 2 * c->margin;
    for (guint i = 0; i < lines->len; i++)
      {
        int index = trend_add_text (layout, c->measure, g_ptr_array_index (lines, i), f, col_w, 3,
                                    KASANE_ROLE_TEXT_DIM, 0, KASANE_TREND_TEXT_SOURCE);

        total += trend_text_at (layout, index)->height + 2 * c->ts;
      }
    y = layout->height - c->margin - total;
    for (guint i = first_text; i < layout->texts->len; i++)
      {
        KasaneTrendText *t = trend_text_at (layout, i);

        t->x = c->margin;
        t->y = y;
        y += t->height + 2 * c->ts;
      }
    return total;
  }
}

void
trend_layout_x_axis (Ctx    *c,
                     double  y)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneFont f = trend_font (c, 12, KASANE_WEIGHT_REGULAR, TRUE);
  double plot_w = layout->plot_right - layout->plot_left;
  int target = MAX (2, (int) (plot_w / (80 * c->ts)));
  KasaneTicks *ticks = NULL;
  guint first_text;

  for (int attempt = 0; attempt < 4; attempt++)
    {
      double widest = 0;

      g_clear_pointer (&ticks, kasane_ticks_free);
      if (layout->data->numeric_x)
        {
          KasaneUnit plain = { .kind = KASANE_UNIT_PLAIN, .symbol = "", .multiplier = 1 };
          ticks = kasane_ticks_linear (layout->x0, layout->x1, target, FALSE, &plain);
        }
      else
        ticks = kasane_ticks_time (layout->x0, layout->x1, target, layout->lang);

      for (guint i = 0; i < ticks->n_ticks; i++)
        if (ticks->ticks[i].label != NULL)
          {
            KasaneTextExtents ext;

            trend_measure_text (c->measure, ticks->ticks[i].label, &f, layout->lang, 0, 1, &ext);
            widest = MAX (widest, ext.width);
          }
      if (ticks->n_ticks * (widest + 18 * c->ts) <= plot_w || target <= 2)
        break;
      target = MAX (2, (int) (plot_w / (widest + 18 * c->ts)));
    }

  first_text = layout->texts->len;
  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      KasaneTrendTick tick = { 0 };

      tick.pos = kasane_trend_layout_data_to_x (layout, ticks->ticks[i].value);
      tick.major = ticks->ticks[i].major;
      tick.text = -1;
      if (ticks->ticks[i].label != NULL)
        {
          KasaneTrendText *t;

          tick.text = trend_add_text (layout, c->measure, ticks->ticks[i].label, f, 0, 1,
                                      KASANE_ROLE_TEXT_DIM, 0, KASANE_TREND_TEXT_X_TICK);
          t = trend_text_at (layout, tick.text);
          /* Centred on its tick, but never left of the plot, under the y labels. */
          t->x = CLAMP (tick.pos - t->width / 2, layout->plot_left,
                        layout->width - c->margin - t->width);
          t->y = y;
        }
      g_array_append_val (layout->x_ticks, tick);
    }
  (void) first_text;
  trend_drop_overlapping_ticks (layout, layout->x_ticks, 8 * c->ts);
  kasane_ticks_free (ticks);
}

/* The y range a panel shows: all of its data, or, zoomed in on x, what its visible
 * series reach inside the window (with the points just outside it, which the lines run
 * to), so a zoomed-in line is not left lying flat in a range set by other years. */
static void
panel_y_range (Ctx                        *c,
               const KasaneTrendDataPanel *dp,
               double                     *lo,
               double                     *hi)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  gboolean log = dp->scale == KASANE_SCALE_LOG;
  double l0 = log ? log10 (dp->lo) : dp->lo;
  double l1 = log ? log10 (dp->hi) : dp->hi;
  float nlo = INFINITY, nhi = -INFINITY;

  *lo = dp->lo;
  *hi = dp->hi;
  if (layout->x0 <= data->x_min && layout->x1 >= data->x_max)
    return;

  for (guint m = 0; m < dp->members->len; m++)
    {
      guint i = g_array_index (dp->members, guint, m);
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      guint n = s->series->n_points, a, b;

      if (i < 64 && (c->params->hidden & (G_GUINT64_CONSTANT (1) << i)) != 0)
        continue;
      a = kasane_lower_bound (s->series->x, n, layout->x0);
      b = kasane_upper_bound (s->series->x, n, layout->x1);
      a = a > 0 ? a - 1 : a;
      b = b < n ? b + 1 : b;
      for (guint k = a; k < b; k++)
        if (!isnan (s->ny[k]))
          {
            nlo = MIN (nlo, s->ny[k]);
            nhi = MAX (nhi, s->ny[k]);
          }
    }
  if (!(nhi >= nlo))
    return;

  *lo = l0 + nlo * (l1 - l0);
  *hi = l0 + nhi * (l1 - l0);
  if (log)
    {
      *lo = pow (10, *lo);
      *hi = pow (10, *hi);
    }
  /* One value alone: a little room around it, as the ticks need a span. */
  if (!(*hi > *lo))
    {
      double pad = log ? 0 : MAX (fabs (*lo) * 0.05, 1e-9);

      if (log)
        {
          *lo /= 1.5;
          *hi *= 1.5;
        }
      else
        {
          *lo -= pad;
          *hi += pad;
        }
    }
}

static KasaneTicks *
panel_ticks (const KasaneTrendDataPanel *p,
             double                      data_lo,
             double                      data_hi,
             double                      plot_h,
             double                      label_h)
{
  int target = CLAMP ((int) (plot_h / (label_h * 2.2)), 3, 8);

  if (p->scale == KASANE_SCALE_LOG)
    /* Decade labels are short and evenly spaced: they can sit closer. */
    return kasane_ticks_log (data_lo, data_hi, CLAMP ((int) (plot_h / (label_h * 1.6)), 3, 12),
                             &p->unit);
  else
    {
      double lo = data_lo, hi = data_hi;

      /* A zero baseline when the data are not far from it. */
      if (lo >= 0 && lo <= hi * 0.5)
        lo = 0;
      else if (hi <= 0 && hi >= lo * 0.5)
        hi = 0;
      return kasane_ticks_linear (lo, hi, target, TRUE, &p->unit);
    }
}


static KasaneFont
panel_title_font (Ctx *c)
{
  return trend_font (c, 12, KASANE_WEIGHT_SEMIBOLD, FALSE);
}

/* A panel's header: the headline of its first series that has one, then the unit and
 * scale of its axis. */
static char *
panel_title (Ctx                        *c,
             const KasaneTrendDataPanel *dp)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  gboolean log = dp->scale == KASANE_SCALE_LOG;
  const KasaneSeries *first = g_array_index (data->series, KasaneTrendDataSeries,
                                             g_array_index (dp->members, guint, 0)).series;
  const char *shown = kasane_text_get (&first->unit_label, layout->lang);
  g_autofree char *unit = NULL;
  char *title;

  /* The unit in the chart's language when the dataset gives it ("ドル/件"), shortened
   * as the English is. */
  if (*shown != '\0' && g_strcmp0 (shown, first->unit) != 0)
    {
      KasaneUnit translated;

      kasane_unit_parse (shown, &translated);
      unit = g_strdup (translated.title);
      kasane_unit_clear (&translated);
    }
  else
    unit = g_strdup (dp->unit.title);
  if (log)
    /* Translators: a chart panel's header: %1$s is the unit ("USD/tx"). */
    title = g_strdup_printf (kasane_pgettext (layout->lang, "trend panel",
                                                  NC_ ("trend panel", "%1$s · log scale")),
                             unit);
  else
    title = g_strdup (unit);
  /* The panel's message first: the headline of its first series that has one. */
  for (guint m = 0; m < dp->members->len; m++)
    {
      guint index = g_array_index (dp->members, guint, m);
      const KasaneSeries *series = g_array_index (data->series, KasaneTrendDataSeries,
                                                  index).series;
      const char *headline = kasane_text_get (&series->headline, layout->lang);

      if (*headline != '\0')
        {
          g_autofree char *axis = g_steal_pointer (&title);

          /* Translators: a chart panel's header: %1$s its one-sentence message,
           * %2$s the unit (and scale) of its axis */
          title = g_strdup_printf (kasane_pgettext (layout->lang, "trend panel",
                                                    NC_ ("trend panel", "%1$s — %2$s")),
                                   headline, axis);
          break;
        }
    }
  return title;
}

/* How tall a panel's header is: its title wrapped to the width every title gets (at most
 * three lines; the plot is never narrower), and a little room. */
double
trend_panel_header_height (Ctx  *c,
                           guint panel)
{
  const KasaneTrendDataPanel *dp = &g_array_index (c->layout->data->panels,
                                                   KasaneTrendDataPanel, panel);
  g_autofree char *title = panel_title (c, dp);
  KasaneFont f = panel_title_font (c);
  KasaneTextExtents ext;

  trend_measure_text (c->measure, title, &f, c->layout->lang, c->title_width, 3, &ext);
  return MAX (ext.height, trend_line_height (c->layout, c->measure, f)) + 6 * c->ts;
}

void
trend_layout_panels (Ctx    *c,
                     double  top,
                     double  bottom,
                     double  gutter)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneFont title_font = panel_title_font (c);
  KasaneFont tick_font = trend_font (c, 12, KASANE_WEIGHT_REGULAR, TRUE);
  double tick_h = trend_line_height (layout, c->measure, tick_font);
  double gap = PANEL_GAP * c->ts, floor_h = 16 * c->ts, widest = 0, total_weight = 0, y;
  guint n = data->panels->len;
  g_autoptr(GPtrArray) all_ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_ticks_free);
  g_autofree double *heights = g_new0 (double, MAX (n, 1));
  g_autofree double *header_h = g_new0 (double, MAX (n, 1));
  double space = bottom - top, available;

  for (guint p = 0; p < n; p++)
    {
      header_h[p] = trend_panel_header_height (c, p);
      space -= header_h[p];
    }

  /* Short of room: the panels closer together, then thinner, rather than running into
   * the time axis and the sources below them. */
  if (n > 0 && space - (n - 1) * gap < floor_h * n)
    {
      gap = 4 * c->ts;
      floor_h = CLAMP ((space - (n - 1) * gap) / n, 8 * c->ts, floor_h);
    }
  available = MAX (space - (n - 1) * gap, floor_h * n);

  /* A panel that carries more series, or several decades, gets a little more height. */
  for (guint p = 0; p < n; p++)
    {
      KasaneTrendDataPanel *dp = &g_array_index (data->panels, KasaneTrendDataPanel, p);

      heights[p] = 1.0 + 0.12 * MIN (dp->members->len - 1, 6) +
                   (dp->scale == KASANE_SCALE_LOG ? 0.25 : 0);
      total_weight += heights[p];
    }
  for (guint p = 0; p < n; p++)
    heights[p] = MAX (available * heights[p] / total_weight, floor_h);

  for (guint p = 0; p < n; p++)
    {
      KasaneTrendDataPanel *dp = &g_array_index (data->panels, KasaneTrendDataPanel, p);
      double lo, hi;
      KasaneTicks *ticks = panel_ticks (dp, dp->lo, dp->hi, heights[p], tick_h);

      /* The label gutter comes from the whole range's ticks, zoomed or not: the plot's
       * left edge stays put while zooming, so the point under the pointer stays there. */
      for (guint i = 0; i < ticks->n_ticks; i++)
        if (ticks->ticks[i].label != NULL)
          {
            KasaneTextExtents ext;

            trend_measure_text (c->measure, ticks->ticks[i].label, &tick_font, layout->lang, 0, 1, &ext);
            widest = MAX (widest, ext.width);
          }
      panel_y_range (c, dp, &lo, &hi);
      if (lo != dp->lo || hi != dp->hi)
        {
          kasane_ticks_free (ticks);
          ticks = panel_ticks (dp, lo, hi, heights[p], tick_h);
        }
      g_ptr_array_add (all_ticks, ticks);
    }

  layout->plot_left = c->margin + widest + 10 * c->ts;
  layout->plot_right = MAX (layout->width - c->margin - gutter, layout->plot_left + 10);

  y = top;
  for (guint p = 0; p < n; p++)
    {
      KasaneTrendDataPanel *dp = &g_array_index (data->panels, KasaneTrendDataPanel, p);
      KasaneTicks *ticks = g_ptr_array_index (all_ticks, p);
      KasaneTrendPanel panel = { 0 };
      double plot_h = heights[p];
      gboolean log = dp->scale == KASANE_SCALE_LOG;
      double a0 = log ? log10 (ticks->lo) : ticks->lo;
      double a1 = log ? log10 (ticks->hi) : ticks->hi;
      double l0 = log ? log10 (dp->lo) : dp->lo;
      double l1 = log ? log10 (dp->hi) : dp->hi;
      g_autofree char *title = NULL;
      KasaneTrendText *t;

      if (!(a1 > a0))
        a1 = a0 + 1;
      panel.scale = dp->scale;
      panel.plot = (KasaneTrendRect) { layout->plot_left, y + header_h[p],
                                       layout->plot_right - layout->plot_left, plot_h };
      panel.origin = panel.plot.y + plot_h * (1 - (l0 - a0) / (a1 - a0));
      panel.span = -plot_h * (l1 - l0) / (a1 - a0);

      title = panel_title (c, dp);
      panel.title = trend_add_text (layout, c->measure, title, title_font,
                                    MIN (c->title_width, layout->plot_right - layout->plot_left),
                                    3, KASANE_ROLE_TEXT_DIM, 0, KASANE_TREND_TEXT_PANEL);
      t = trend_text_at (layout, panel.title);
      t->x = layout->plot_left;
      t->y = y + (header_h[p] - t->height) / 2 - 1 * c->ts;

      panel.ticks = g_array_new (FALSE, TRUE, sizeof (KasaneTrendTick));
      for (guint i = 0; i < ticks->n_ticks; i++)
        {
          KasaneTrendTick tick = { 0 };
          double v = log ? log10 (ticks->ticks[i].value) : ticks->ticks[i].value;

          tick.pos = panel.plot.y + plot_h * (1 - (v - a0) / (a1 - a0));
          tick.major = ticks->ticks[i].major;
          tick.text = -1;
          if (ticks->ticks[i].label != NULL)
            {
              tick.text = trend_add_text (layout, c->measure, ticks->ticks[i].label, tick_font, 0, 1,
                                          KASANE_ROLE_TEXT_DIM, 0, KASANE_TREND_TEXT_Y_TICK);
              t = trend_text_at (layout, tick.text);
              t->x = layout->plot_left - 8 * c->ts - t->width;
              t->y = CLAMP (tick.pos - t->height / 2, 0, layout->height - t->height);
            }
          g_array_append_val (panel.ticks, tick);
        }
      trend_drop_overlapping_ticks (layout, panel.ticks, 1 * c->ts);
      g_array_append_val (layout->panels, panel);
      y += header_h[p] + plot_h + gap;
    }
  if (n > 0)
    {
      KasaneTrendPanel *first = &g_array_index (layout->panels, KasaneTrendPanel, 0);
      KasaneTrendPanel *last = &g_array_index (layout->panels, KasaneTrendPanel, n - 1);

      layout->plots_top = first->plot.y;
      layout->plots_bottom = last->plot.y + last->plot.height;
    }
  else
    {
      layout->plots_top = top;
      layout->plots_bottom = bottom;
    }
}
