/* kasane-trend.c: the trend chart — data cache, layout, paint, hit testing, description
 *
 * See kasane-trend.h.  The layout is plain geometry (kasane-trend-private.h); paint only
 * reads it.
 */
#define G_LOG_DOMAIN "kasane-trend"

#include "config.h"

#include "kasane-trend.h"
#include "kasane-trend-private.h"
#include "kasane-render-private.h"
#include "kasane-i18n.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define DAY (86400.0)

static gboolean
is_ja (const char *lang)
{
  return lang != NULL && strcmp (lang, "ja") == 0;
}

void
kasane_trend_params_init (KasaneTrendParams *params)
{
  g_return_if_fail (params != NULL);

  *params = (KasaneTrendParams) {
    .width = 1600,
    .height = 900,
    .text_scale = 1.0,
    .lang = "en",
    .theme = KASANE_THEME_LIGHT,
    .view_x0 = NAN,
    .view_x1 = NAN,
    .hidden = 0,
    .hover_series = -1,
    .hover_point = -1,
  };
}

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
      for (guint i = 0; i < dataset->series->len; i++)
        add_chart_series (data, g_ptr_array_index (dataset->series, i));
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

/* ---- Layout helpers --------------------------------------------------------------- */

static void
text_clear (gpointer mem)
{
  g_free (((KasaneTrendText *) mem)->text);
}

static void
panel_clear (gpointer mem)
{
  g_clear_pointer (&((KasaneTrendPanel *) mem)->ticks, g_array_unref);
}

static void
path_clear (gpointer mem)
{
  KasaneTrendSeriesPath *path = mem;

  g_free (path->px);
  g_free (path->py);
  g_free (path->move);
  g_free (path->index);
}

static KasaneFont
font (double       size,
      KasaneWeight weight,
      gboolean     tabular)
{
  return (KasaneFont) { .size = size, .weight = weight, .tabular = tabular };
}

static void
measure_text (KasaneMeasure     *measure,
              const char        *text,
              const KasaneFont  *f,
              const char        *lang,
              double             max_width,
              int                max_lines,
              KasaneTextExtents *extents)
{
  *extents = (KasaneTextExtents) { 0 };
  measure->func (measure, text, f, lang, max_width, max_lines, extents);
}

/* One layout measures the same strings several times (line heights, tick labels while
 * the tick count is chosen); Pango shaping is the costly part of a layout, so a layout
 * measures through this memo. */
typedef struct
{
  KasaneMeasure *inner;
  GHashTable    *cache;   /* key → KasaneTextExtents */
} MemoData;

static void
memo_measure (KasaneMeasure     *measure,
              const char        *text,
              const KasaneFont  *f,
              const char        *lang,
              double             max_width,
              int                max_lines,
              KasaneTextExtents *extents)
{
  MemoData *memo = measure->data;
  g_autofree char *key = g_strdup_printf ("%s|%a|%d|%d|%a|%d|%s", lang, f->size, f->weight,
                                          f->tabular, max_width, max_lines, text);
  KasaneTextExtents *hit = g_hash_table_lookup (memo->cache, key);

  if (hit == NULL)
    {
      hit = g_new0 (KasaneTextExtents, 1);
      memo->inner->func (memo->inner, text, f, lang, max_width, max_lines, hit);
      g_hash_table_insert (memo->cache, g_steal_pointer (&key), hit);
    }
  *extents = *hit;
}

/* Measures and stores a text item at (0, 0); the caller places it.  Returns its index. */
static int
add_text (KasaneTrendLayout   *layout,
          KasaneMeasure       *measure,
          const char          *text,
          KasaneFont           f,
          double               max_width,
          int                  max_lines,
          KasaneTrendInk       ink,
          int                  color,
          KasaneTrendTextRole  role)
{
  KasaneTrendText item = { 0 };
  KasaneTextExtents ext;

  measure_text (measure, text, &f, layout->lang, max_width, max_lines, &ext);
  item.text = g_strdup (text);
  item.font = f;
  item.width = ext.width;
  item.height = ext.height;
  item.baseline = ext.baseline;
  item.max_width = max_width;
  item.max_lines = max_lines;
  item.ink = ink;
  item.color = color;
  item.role = role;
  g_array_append_val (layout->texts, item);
  return (int) layout->texts->len - 1;
}

static KasaneTrendText *
text_at (const KasaneTrendLayout *layout,
         int                      index)
{
  return &g_array_index (layout->texts, KasaneTrendText, index);
}

static double
line_height (KasaneTrendLayout *layout,
             KasaneMeasure     *measure,
             KasaneFont         f)
{
  KasaneTextExtents ext;

  measure_text (measure, "Ag", &f, layout->lang, 0, 1, &ext);
  return ext.height;
}

static gboolean
rects_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

double
kasane_trend_layout_data_to_x (const KasaneTrendLayout *layout,
                               double                   t)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->plot_left +
         (t - layout->x0) * (layout->plot_right - layout->plot_left) / (layout->x1 - layout->x0);
}

double
kasane_trend_layout_x_to_data (const KasaneTrendLayout *layout,
                               double                   x)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->x0 +
         (x - layout->plot_left) * (layout->x1 - layout->x0) / (layout->plot_right - layout->plot_left);
}

void
kasane_trend_layout_get_plot_x (const KasaneTrendLayout *layout,
                                double                  *left,
                                double                  *right)
{
  g_return_if_fail (layout != NULL);
  if (left != NULL)
    *left = layout->plot_left;
  if (right != NULL)
    *right = layout->plot_right;
}

int
kasane_trend_dash_pattern (int     dash,
                           double  width,
                           double *lengths)
{
  static const double patterns[][6] = {
    { 0 },
    { 6, 3.5 },
    { 1.2, 2.8 },
    { 7, 3, 1.2, 3 },
    { 12, 4 },
    { 3, 3 },
    { 7, 3, 1.2, 3, 1.2, 3 },
    { 12, 3, 3, 3 },
  };
  static const int lengths_of[] = { 0, 2, 2, 4, 2, 2, 6, 4 };
  int which = dash % (int) G_N_ELEMENTS (patterns);

  for (int i = 0; i < lengths_of[which]; i++)
    lengths[i] = patterns[which][i] * width;
  return lengths_of[which];
}

/* Keeps labels (text indices in `ticks`, in axis order) that do not overlap the ones kept
 * before them, majors first: deterministic, and the majors win. */
static void
drop_overlapping_ticks (KasaneTrendLayout *layout,
                        GArray            *ticks,
                        double             gap)
{
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (int));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ticks->len; i++)
      {
        KasaneTrendTick *tick = &g_array_index (ticks, KasaneTrendTick, i);
        KasaneTrendText *t;
        gboolean clash = FALSE;

        if (tick->text < 0 || tick->major != (pass == 0))
          continue;
        t = text_at (layout, tick->text);
        for (guint k = 0; k < kept->len && !clash; k++)
          {
            KasaneTrendText *other = text_at (layout, g_array_index (kept, int, k));

            clash = rects_overlap (t->x - gap, t->y - gap / 2, t->width + 2 * gap,
                                   t->height + gap, other->x, other->y, other->width,
                                   other->height);
          }
        if (clash)
          {
            g_clear_pointer (&t->text, g_free);
            t->text = g_strdup ("");
            t->width = t->height = 0;
            tick->text = -1;
          }
        else
          g_array_append_val (kept, tick->text);
      }
}

/* ---- Layout: the pieces ----------------------------------------------------------- */

typedef struct
{
  KasaneTrendLayout *layout;
  KasaneMeasure     *measure;
  const KasaneTrendParams *params;
  KasaneDataset     *dataset;
  double             ts;       /* text scale */
  double             margin;
} Ctx;

static void
layout_legend (Ctx    *c,
               double *y)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  double x = c->margin, right = layout->width - c->margin;
  double swatch_w = 30 * c->ts, row_h, name_max;
  KasaneFont f = font (12 * c->ts, KASANE_WEIGHT_REGULAR, FALSE);
  int rows = 1;

  if (data->series->len == 0)
    return;

  row_h = MAX (line_height (layout, c->measure, f), 14 * c->ts) + 6 * c->ts;
  name_max = MIN (320 * c->ts, right - c->margin - swatch_w - 8 * c->ts);
  if (data->series->len > 6)
    name_max = MIN (name_max, 260 * c->ts);

  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTrendLegendEntry entry = { 0 };
      gboolean visible = i >= 64 || (c->params->hidden & (G_GUINT64_CONSTANT (1) << i)) == 0;
      int t = add_text (layout, c->measure, kasane_text_get (&s->series->name, layout->lang), f,
                        name_max, 1, visible ? KASANE_TREND_INK_TEXT : KASANE_TREND_INK_TEXT_DIM,
                        (int) (i % 8), KASANE_TREND_TEXT_LEGEND);
      KasaneTrendText *text = text_at (layout, t);
      double w = swatch_w + 6 * c->ts + text->width;

      if (x > c->margin && x + w > right)
        {
          x = c->margin;
          *y += row_h;
          rows++;
        }
      entry.series = (int) i;
      entry.text = t;
      entry.visible = visible;
      entry.rect = (KasaneTrendRect) { x - 3 * c->ts, *y, w + 6 * c->ts, row_h - 2 * c->ts };
      entry.swatch = (KasaneTrendRect) { x, *y + (row_h - 2 * c->ts) / 2 - 6 * c->ts,
                                         swatch_w, 12 * c->ts };
      text->x = x + swatch_w + 6 * c->ts;
      text->y = *y + (row_h - 2 * c->ts - text->height) / 2;
      g_array_append_val (layout->legend, entry);
      x += w + 22 * c->ts;
    }
  *y += row_h;
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
static double
layout_sources_compact (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneFont f = font (11 * c->ts, KASANE_WEIGHT_REGULAR, FALSE);
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
  t = text_at (layout, add_text (layout, c->measure, line, f, layout->width - 2 * c->margin, 2,
                                 KASANE_TREND_INK_TEXT_DIM, 0, KASANE_TREND_TEXT_SOURCE));
  t->x = c->margin;
  t->y = layout->height - c->margin - t->height;
  return t->height;
}

/* The sources under the chart, in columns; returns the height they take. */
static double
layout_sources (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneFont f = font (11 * c->ts, KASANE_WEIGHT_REGULAR, FALSE);
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

  n_cols = layout->width >= 1100 * c->ts && lines->len > 1 ? 2 : 1;
  n_rows = (lines->len + n_cols - 1) / n_cols;
  lh = line_height (layout, c->measure, f) + 2 * c->ts;
  col_w = (layout->width - 2 * c->margin - (n_cols - 1) * gap) / n_cols;
  for (guint i = 0; i < lines->len; i++)
    add_text (layout, c->measure, g_ptr_array_index (lines, i), f, col_w, 1,
              KASANE_TREND_INK_TEXT_DIM, 0, KASANE_TREND_TEXT_SOURCE);

  for (guint i = 0; i < lines->len; i++)
    {
      KasaneTrendText *t = text_at (layout, first_text + i);
      guint col = i / n_rows, row = i % n_rows;

      t->x = c->margin + col * (col_w + gap);
      t->y = layout->height - c->margin - (n_rows - row) * lh;
    }
  return n_rows * lh;
}

static void
layout_x_axis (Ctx    *c,
               double  y)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneFont f = font (12 * c->ts, KASANE_WEIGHT_REGULAR, TRUE);
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

            measure_text (c->measure, ticks->ticks[i].label, &f, layout->lang, 0, 1, &ext);
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

          tick.text = add_text (layout, c->measure, ticks->ticks[i].label, f, 0, 1,
                                KASANE_TREND_INK_TEXT_DIM, 0, KASANE_TREND_TEXT_X_TICK);
          t = text_at (layout, tick.text);
          t->x = CLAMP (tick.pos - t->width / 2, 0, layout->width - t->width);
          t->y = y;
        }
      g_array_append_val (layout->x_ticks, tick);
    }
  (void) first_text;
  drop_overlapping_ticks (layout, layout->x_ticks, 8 * c->ts);
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

/* A panel's unit header, above its plot, and the room between two panels: what
 * layout_panels uses, and what the height budget in the layout reserves for them. */
#define PANEL_GAP 12

static KasaneFont
panel_title_font (Ctx *c)
{
  return font (12 * c->ts, KASANE_WEIGHT_SEMIBOLD, FALSE);
}

static double
panel_header_height (Ctx *c)
{
  return line_height (c->layout, c->measure, panel_title_font (c)) + 6 * c->ts;
}

static void
layout_panels (Ctx    *c,
               double  top,
               double  bottom,
               double  gutter)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneFont title_font = panel_title_font (c);
  KasaneFont tick_font = font (12 * c->ts, KASANE_WEIGHT_REGULAR, TRUE);
  double header_h = panel_header_height (c);
  double tick_h = line_height (layout, c->measure, tick_font);
  double gap = PANEL_GAP * c->ts, floor_h = 16 * c->ts, widest = 0, total_weight = 0, y;
  guint n = data->panels->len;
  g_autoptr(GPtrArray) all_ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_ticks_free);
  g_autofree double *heights = g_new0 (double, MAX (n, 1));
  double space = bottom - top - n * header_h, available;

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

            measure_text (c->measure, ticks->ticks[i].label, &tick_font, layout->lang, 0, 1, &ext);
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
      panel.plot = (KasaneTrendRect) { layout->plot_left, y + header_h,
                                       layout->plot_right - layout->plot_left, plot_h };
      panel.origin = panel.plot.y + plot_h * (1 - (l0 - a0) / (a1 - a0));
      panel.span = -plot_h * (l1 - l0) / (a1 - a0);

      if (log)
        /* Translators: a chart panel's header: %1$s is the unit ("USD/tx"). */
        title = g_strdup_printf (kasane_pgettext (layout->lang, "trend panel",
                                                      NC_ ("trend panel", "%1$s · log scale")),
                                 dp->unit.title);
      else
        title = g_strdup (dp->unit.title);
      panel.title = add_text (layout, c->measure, title, title_font,
                              layout->plot_right - layout->plot_left, 1,
                              KASANE_TREND_INK_TEXT_DIM, 0, KASANE_TREND_TEXT_PANEL);
      t = text_at (layout, panel.title);
      t->x = layout->plot_left;
      t->y = y + (header_h - t->height) / 2 - 1 * c->ts;

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
              tick.text = add_text (layout, c->measure, ticks->ticks[i].label, tick_font, 0, 1,
                                    KASANE_TREND_INK_TEXT_DIM, 0, KASANE_TREND_TEXT_Y_TICK);
              t = text_at (layout, tick.text);
              t->x = layout->plot_left - 8 * c->ts - t->width;
              t->y = CLAMP (tick.pos - t->height / 2, 0, layout->height - t->height);
            }
          g_array_append_val (panel.ticks, tick);
        }
      drop_overlapping_ticks (layout, panel.ticks, 1 * c->ts);
      g_array_append_val (layout->panels, panel);
      y += header_h + plot_h + gap;
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

static void
layout_eras (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneDataset *dataset = c->dataset;
  KasaneFont f = font (12 * c->ts, KASANE_WEIGHT_SEMIBOLD, FALSE);
  double cursor = layout->plot_left;

  if (layout->data->numeric_x)
    return;

  for (guint i = 0; i < dataset->layers->len; i++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, i);
      KasaneTrendEra era = { 0 };
      double end = INFINITY, x0, x1, w;
      const char *name;

      if (!layer->has_since)
        continue;
      for (guint k = i + 1; k < dataset->layers->len; k++)
        {
          KasaneLayer *next = g_ptr_array_index (dataset->layers, k);

          if (next->has_since && next->since.t > layer->since.t)
            {
              end = next->since.t;
              break;
            }
        }
      if (end <= layout->x0 || layer->since.t >= layout->x1)
        continue;

      x0 = kasane_trend_layout_data_to_x (layout, MAX (layer->since.t, layout->x0));
      x1 = kasane_trend_layout_data_to_x (layout, MIN (end, layout->x1));
      era.x0 = x0;
      era.x1 = x1;
      era.layer = (int) i;
      era.tint = (int) (i % 2);
      era.starts_here = layer->since.t >= layout->x0;
      era.text = -1;

      /* Labels go left to right; one too long for a narrow band may run on into the
       * next band (its boundary line still shows where it starts), and pushes the
       * next label along. */
      name = kasane_text_get (&layer->name, layout->lang);
      {
        KasaneTextExtents ext;
        double lx = MAX (x0 + 6 * c->ts, cursor);
        double limit = x1 - 6 * c->ts;
        g_autofree char *label = NULL;

        measure_text (c->measure, name, &f, layout->lang, 0, 1, &ext);
        if (lx + ext.width > limit && limit - lx < 90 * c->ts)
          limit = MIN (layout->plot_right, MAX (limit, lx + ext.width));
        w = limit - lx;
        if (w >= 16 * c->ts)
          {
            if (ext.width <= w || w >= 90 * c->ts)
              label = g_strdup (name);
            else
              label = g_strdup_printf ("L%" G_GINT64_FORMAT, layer->level);
            era.text = add_text (layout, c->measure, label, f, w, 1, KASANE_TREND_INK_TEXT_DIM, 0,
                                 KASANE_TREND_TEXT_ERA);
            if (text_at (layout, era.text)->width > w)
              {
                /* "L3" does not fit either. */
                text_at (layout, era.text)->text[0] = '\0';
                text_at (layout, era.text)->width = 0;
                era.text = -1;
              }
            else
              {
                KasaneTrendText *t = text_at (layout, era.text);

                t->x = lx;
                t->y = layout->era_strip.y + (layout->era_strip.height - t->height) / 2;
                cursor = lx + t->width + 14 * c->ts;
              }
          }
      }
      g_array_append_val (layout->eras, era);
    }
}

static void
layout_events (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneDataset *dataset = c->dataset;
  KasaneFont f = font (11 * c->ts, KASANE_WEIGHT_REGULAR, FALSE);
  /* Labels stay over the plots; the gutter to the right holds "+N more events". */
  double gap = 8 * c->ts, right = layout->plot_right;
  guint dropped = 0;

  if (layout->data->numeric_x)
    return;

  for (guint i = 0; i < dataset->events->len; i++)
    {
      KasaneEvent *event = g_ptr_array_index (dataset->events, i);
      KasaneTrendEventMark mark = { 0 };
      KasaneTrendText *t;

      if (event->date.t < layout->x0 || event->date.t > layout->x1)
        continue;
      mark.x = kasane_trend_layout_data_to_x (layout, event->date.t);
      mark.event = (int) i;
      mark.text = -1;
      mark.row = -1;

      if (layout->n_event_rows > 0)
        {
          mark.text = add_text (layout, c->measure, kasane_text_get (&event->label, layout->lang),
                                f, 170 * c->ts, 1, KASANE_TREND_INK_TEXT, 0,
                                KASANE_TREND_TEXT_EVENT);
          t = text_at (layout, mark.text);

          /* The whole label where it fits, else an abbreviated one, else none. */
          for (int attempt = 0; attempt < 2 && mark.row < 0; attempt++)
          {
          if (attempt == 1)
            {
              KasaneTextExtents ext;

              if (t->width <= 80 * c->ts)
                break;
              t->max_width = 80 * c->ts;
              measure_text (c->measure, t->text, &t->font, layout->lang, t->max_width, 1, &ext);
              t->width = ext.width;
              t->height = ext.height;
            }
          for (int row = 0; row < layout->n_event_rows && mark.row < 0; row++)
            for (int side = 0; side < 2 && mark.row < 0; side++)
              {
                double x = side == 0 ? mark.x + 3 * c->ts : mark.x - 3 * c->ts - t->width;
                double y = layout->event_strip.y + layout->event_strip.height -
                           (row + 1) * layout->event_row_height +
                           (layout->event_row_height - t->height) / 2;
                gboolean clash = x < 0 || x + t->width > right;

                for (guint k = 0; k < layout->events->len && !clash; k++)
                  {
                    KasaneTrendEventMark *other = &g_array_index (layout->events,
                                                                  KasaneTrendEventMark, k);
                    KasaneTrendText *o;

                    if (other->row < 0)
                      continue;
                    o = text_at (layout, other->text);
                    /* Same row: the boxes, with a gap. */
                    if (other->row == row &&
                        x < o->x + o->width + gap && o->x < x + t->width + gap)
                      clash = TRUE;
                    /* A marker's line may pass behind a lower row's label (which paint
                     * gives a halo), but never through its first characters, so each
                     * label still starts clearly at its own line. */
                    if (other->row < row && mark.x >= o->x - 2 * c->ts &&
                        mark.x <= o->x + 24 * c->ts)
                      clash = TRUE;
                    if (other->row > row && other->x >= x - 2 * c->ts &&
                        other->x <= x + 24 * c->ts)
                      clash = TRUE;
                  }
                if (!clash)
                  {
                    mark.row = row;
                    t->x = x;
                    t->y = y;
                  }
              }
          }
          if (mark.row < 0)
            {
              g_clear_pointer (&t->text, g_free);
              t->text = g_strdup ("");
              t->width = t->height = 0;
              mark.text = -1;
              dropped++;
            }
        }
      g_array_append_val (layout->events, mark);
    }

  if (dropped > 0 && layout->n_event_rows > 0)
    {
      g_autofree char *more = NULL;
      double x = layout->plot_right + 8 * c->ts;
      KasaneTrendText *t;
      int index;

      /* Translators: beside the event labels of a chart, when some did not fit. */
      more = g_strdup_printf (dropped == 1
                              ? kasane_pgettext (layout->lang, "trend events",
                                                     NC_ ("trend events", "+%1$u more event"))
                              : kasane_pgettext (layout->lang, "trend events",
                                                     NC_ ("trend events", "+%1$u more events")),
                              dropped);
      index = add_text (layout, c->measure, more, f,
                        MAX (layout->width - c->margin - x, 20 * c->ts), 2,
                        KASANE_TREND_INK_TEXT_DIM, 0, KASANE_TREND_TEXT_MORE);
      t = text_at (layout, index);
      t->x = MIN (x, layout->width - t->width);
      t->y = layout->event_strip.y + layout->event_strip.height - t->height - 2 * c->ts;
    }
}

static void
layout_paths (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  double plot_w = layout->plot_right - layout->plot_left;
  guint columns = (guint) MAX (1, ceil (plot_w));
  double sx = plot_w / (layout->x1 - layout->x0);
  KasaneDecimation dec;

  kasane_decimation_init (&dec);
  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTrendDataPanel *dp = &g_array_index (data->panels, KasaneTrendDataPanel, s->panel);
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, s->panel);
      KasaneTrendSeriesPath path = { 0 };
      guint visible_points;

      path.series = (int) i;
      path.panel = (int) s->panel;
      path.color = (int) (i % 8);
      path.marker = (KasaneTrendMarker) (i % KASANE_TREND_N_MARKERS);
      path.kind = s->series->kind;
      path.visible = i >= 64 || (c->params->hidden & (G_GUINT64_CONSTANT (1) << i)) == 0;
      path.end_text = -1;
      for (guint k = 0; k < dp->members->len; k++)
        if (g_array_index (dp->members, guint, k) == i)
          path.dash = (int) k;

      if (path.visible && s->series->n_points > 0)
        {
          kasane_decimate_m4_summary (s->series->x, s->ny, s->series->n_points, s->summary,
                                      layout->x0, layout->x1, columns, &dec);
          path.n = dec.n_vertices;
          path.px = g_new (double, MAX (path.n, 1));
          path.py = g_new (double, MAX (path.n, 1));
          path.move = g_new (guint8, MAX (path.n, 1));
          path.index = g_new (guint, MAX (path.n, 1));
          for (guint k = 0; k < path.n; k++)
            {
              path.px[k] = layout->plot_left + (dec.x[k] - layout->x0) * sx;
              path.py[k] = panel->origin + panel->span * dec.y[k];
              path.move[k] = dec.move[k];
              path.index[k] = dec.index[k];
            }
          visible_points = kasane_upper_bound (s->series->x, s->series->n_points, layout->x1) -
                           kasane_lower_bound (s->series->x, s->series->n_points, layout->x0);
          path.dense = visible_points > 2 * plot_w;
          path.markers = (path.kind == KASANE_KIND_POINTS && !path.dense) ||
                         visible_points * 14 * c->ts < plot_w;
        }
      g_array_append_val (layout->paths, path);
    }
  kasane_decimation_clear (&dec);
}

typedef struct
{
  int    text;
  double desired;   /* centre y */
  int    panel;
} DirectLabel;

static int
compare_direct (gconstpointer a,
                gconstpointer b)
{
  const DirectLabel *la = a, *lb = b;

  if (la->panel != lb->panel)
    return la->panel < lb->panel ? -1 : 1;
  if (la->desired != lb->desired)
    return la->desired < lb->desired ? -1 : 1;
  return la->text < lb->text ? -1 : la->text > lb->text;
}

static gboolean
direct_clash (KasaneTrendLayout *layout,
              GArray            *placed,
              KasaneTrendText   *t,
              double             y,
              double             gap,
              double            *other_top,
              double            *other_bottom)
{
  for (guint k = 0; k < placed->len; k++)
    {
      KasaneTrendText *o = text_at (layout, g_array_index (placed, int, k));

      if (rects_overlap (t->x, y - gap / 2, t->width, t->height + gap, o->x, o->y, o->width,
                         o->height))
        {
          *other_top = o->y;
          *other_bottom = o->y + o->height;
          return TRUE;
        }
    }
  return FALSE;
}

static void
layout_direct_labels (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneFont f = font (12 * c->ts, KASANE_WEIGHT_SEMIBOLD, FALSE);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (DirectLabel));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (int));
  double right = layout->width - c->margin, gap = 2 * c->ts;

  for (guint i = 0; i < layout->paths->len; i++)
    {
      KasaneTrendSeriesPath *path = &g_array_index (layout->paths, KasaneTrendSeriesPath, i);
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      DirectLabel label = { 0 };
      int end = -1;
      double x, max_w;

      if (!path->visible)
        continue;
      for (int k = (int) path->n - 1; k >= 0; k--)
        if (path->px[k] <= layout->plot_right + 0.5 && path->px[k] >= layout->plot_left - 0.5)
          {
            end = k;
            break;
          }
      if (end < 0)
        continue;

      x = path->px[end] + 8 * c->ts;
      max_w = MIN (right - x, 210 * c->ts);
      if (max_w < 40 * c->ts)
        continue;
      label.text = add_text (layout, c->measure, kasane_text_get (&s->series->name, layout->lang),
                             f, max_w, 1, KASANE_TREND_INK_SERIES, path->color,
                             KASANE_TREND_TEXT_DIRECT);
      label.desired = path->py[end];
      label.panel = path->panel;
      text_at (layout, label.text)->x = x;
      path->end_text = label.text;
      g_array_append_val (labels, label);
    }

  g_array_sort (labels, compare_direct);
  for (guint i = 0; i < labels->len; i++)
    {
      DirectLabel *label = &g_array_index (labels, DirectLabel, i);
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, label->panel);
      KasaneTrendText *t = text_at (layout, label->text);
      double top = panel->plot.y - 4 * c->ts;
      double bottom = panel->plot.y + panel->plot.height + 4 * c->ts;
      double y, ot, ob;
      gboolean ok = FALSE;

      /* Down first, then up: the first free place nearest the line's end. */
      y = CLAMP (label->desired - t->height / 2, top, bottom - t->height);
      for (guint guard = 0; guard <= placed->len + 1; guard++)
        {
          if (!direct_clash (layout, placed, t, y, gap, &ot, &ob))
            {
              ok = y + t->height <= bottom;
              break;
            }
          y = ob + gap;
        }
      if (!ok)
        {
          y = CLAMP (label->desired - t->height / 2, top, bottom - t->height);
          for (guint guard = 0; guard <= placed->len + 1; guard++)
            {
              if (!direct_clash (layout, placed, t, y, gap, &ot, &ob))
                {
                  ok = y >= top;
                  break;
                }
              y = ot - gap - t->height;
            }
        }
      if (ok)
        {
          t->y = y;
          g_array_append_val (placed, label->text);
        }
      else
        {
          KasaneTrendSeriesPath *path;

          for (guint k = 0; k < layout->paths->len; k++)
            {
              path = &g_array_index (layout->paths, KasaneTrendSeriesPath, k);
              if (path->end_text == label->text)
                path->end_text = -1;
            }
          g_clear_pointer (&t->text, g_free);
          t->text = g_strdup ("");
          t->width = t->height = 0;
        }
    }
}

/* The read-out of the hovered point: laid out into a finished layout (its texts go
 * last, role READOUT), so hovering never lays the chart out again. */
static void
layout_hover (Ctx *c,
              int  hover_series,
              int  hover_point)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneTrendDataSeries *s;
  KasaneTrendPanel *panel;
  KasaneTrendSeriesPath *path;
  KasaneSeries *series;
  KasaneFont bold = font (12 * c->ts, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont regular = font (12 * c->ts, KASANE_WEIGHT_REGULAR, TRUE);
  g_autofree char *date = NULL, *value = NULL;
  int texts[4], n_texts = 0;
  double pad = 8 * c->ts, w = 0, h = 0, x, y;
  guint p;

  if (hover_series < 0 || (guint) hover_series >= data->series->len)
    return;
  s = &g_array_index (data->series, KasaneTrendDataSeries, hover_series);
  path = &g_array_index (layout->paths, KasaneTrendSeriesPath, hover_series);
  series = s->series;
  p = (guint) hover_point;
  if (!path->visible || hover_point < 0 || p >= series->n_points || isnan (s->ny[p]) ||
      series->x[p] < layout->x0 || series->x[p] > layout->x1)
    return;

  panel = &g_array_index (layout->panels, KasaneTrendPanel, s->panel);
  layout->has_hover = TRUE;
  layout->hover_series = hover_series;
  layout->hover_point = hover_point;
  layout->hover_x = kasane_trend_layout_data_to_x (layout, series->x[p]);
  layout->hover_y = panel->origin + panel->span * s->ny[p];

  date = kasane_format_date (series->x[p], series->precision != NULL ? series->precision[p]
                                                                     : KASANE_PRECISION_DAY,
                             layout->lang);
  value = kasane_unit_format_value (&s->unit, series->y[p]);
  {
    /* The value carries the unit's symbol ("23%", "$3.15") and its multiplier ("9.3B"):
     * only the words left over follow it: "23% accuracy", "$3.15/tx", "1.2M tx/day". */
    const char *rest = s->unit.title != NULL ? s->unit.title : "";

    if (s->unit.kind == KASANE_UNIT_PERCENT && g_str_has_prefix (rest, "%"))
      rest += 1;
    else if (s->unit.kind == KASANE_UNIT_CURRENCY)
      while (g_ascii_isupper (*rest) || (*rest != '\0' && strchr ("$€£¥", *rest) != NULL))
        rest++;
    while (*rest == ' ')
      rest++;
    if (*rest != '\0')
      {
        char *with_unit = g_strdup_printf (rest[0] == '/' ? "%s%s" : "%s %s", value, rest);

        g_free (value);
        value = with_unit;
      }
  }

  texts[n_texts++] = add_text (layout, c->measure, kasane_text_get (&series->name, layout->lang),
                               bold, 320 * c->ts, 2, KASANE_TREND_INK_SERIES, path->color,
                               KASANE_TREND_TEXT_READOUT);
  texts[n_texts++] = add_text (layout, c->measure, value, regular, 320 * c->ts, 1,
                               KASANE_TREND_INK_TEXT, 0, KASANE_TREND_TEXT_READOUT);
  texts[n_texts++] = add_text (layout, c->measure, date, regular, 320 * c->ts, 1,
                               KASANE_TREND_INK_TEXT_DIM, 0, KASANE_TREND_TEXT_READOUT);
  if (series->labels != NULL && series->labels[p] != NULL &&
      !kasane_text_is_empty (series->labels[p]))
    texts[n_texts++] = add_text (layout, c->measure,
                                 kasane_text_get (series->labels[p], layout->lang),
                                 regular, 320 * c->ts, 2, KASANE_TREND_INK_TEXT_DIM, 0,
                                 KASANE_TREND_TEXT_READOUT);
  for (int i = 0; i < n_texts; i++)
    {
      w = MAX (w, text_at (layout, texts[i])->width);
      h += text_at (layout, texts[i])->height + (i > 0 ? 2 * c->ts : 0);
    }
  w += 2 * pad;
  h += 2 * pad;

  x = layout->hover_x + 14 * c->ts;
  if (x + w > layout->width - 4 * c->ts)
    x = layout->hover_x - 14 * c->ts - w;
  y = layout->hover_y - 14 * c->ts - h;
  if (y < 4 * c->ts)
    y = layout->hover_y + 14 * c->ts;
  x = CLAMP (x, 0, MAX (0, layout->width - w));
  y = CLAMP (y, 0, MAX (0, layout->height - h));
  layout->readout = (KasaneTrendRect) { x, y, w, h };

  y += pad;
  for (int i = 0; i < n_texts; i++)
    {
      KasaneTrendText *t = text_at (layout, texts[i]);

      t->x = x + pad;
      t->y = y;
      y += t->height + 2 * c->ts;
    }
}

/* ---- Layout: the whole -------------------------------------------------------------- */

KasaneTrendLayout *
kasane_trend_layout_new_for_data (KasaneTrendData         *data,
                                  const KasaneTrendParams *params,
                                  KasaneMeasure           *measure)
{
  KasaneTrendLayout *layout;
  Ctx c = { 0 };
  double y, bottom, sources_h, axis_h, gutter = 0, era_h = 0;
  guint first_source;
  KasaneFont title_font, tick_font, era_font, event_font, direct_font;
  gboolean any_era = FALSE, any_event = FALSE;
  KasaneMeasure memo;
  MemoData memo_data;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (measure != NULL && measure->func != NULL, NULL);

  memo_data.inner = measure;
  memo_data.cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  memo.func = memo_measure;
  memo.data = &memo_data;
  measure = &memo;

  layout = g_new0 (KasaneTrendLayout, 1);
  layout->data = kasane_trend_data_ref (data);
  layout->width = MAX (params->width, 1);
  layout->height = MAX (params->height, 1);
  layout->text_scale = params->text_scale > 0 ? params->text_scale : 1.0;
  layout->lang = g_strdup (is_ja (params->lang) ? "ja" : "en");
  layout->theme = params->theme;
  layout->texts = g_array_new (FALSE, TRUE, sizeof (KasaneTrendText));
  g_array_set_clear_func (layout->texts, text_clear);
  layout->panels = g_array_new (FALSE, TRUE, sizeof (KasaneTrendPanel));
  g_array_set_clear_func (layout->panels, panel_clear);
  layout->x_ticks = g_array_new (FALSE, TRUE, sizeof (KasaneTrendTick));
  layout->eras = g_array_new (FALSE, TRUE, sizeof (KasaneTrendEra));
  layout->events = g_array_new (FALSE, TRUE, sizeof (KasaneTrendEventMark));
  layout->paths = g_array_new (FALSE, TRUE, sizeof (KasaneTrendSeriesPath));
  g_array_set_clear_func (layout->paths, path_clear);
  layout->legend = g_array_new (FALSE, TRUE, sizeof (KasaneTrendLegendEntry));
  layout->hover_series = layout->hover_point = -1;
  layout->title = -1;

  if (isfinite (params->view_x0) && isfinite (params->view_x1) && params->view_x1 > params->view_x0)
    {
      layout->x0 = params->view_x0;
      layout->x1 = params->view_x1;
    }
  else
    kasane_trend_data_get_default_window (data, &layout->x0, &layout->x1);

  c.layout = layout;
  c.measure = measure;
  c.params = params;
  c.dataset = data->dataset;
  c.ts = layout->text_scale * CLAMP (MIN (layout->width / 1600, layout->height / 900) * 0.35 + 0.65,
                                     0.7, 2.0);
  c.margin = 20 * c.ts;

  title_font = font (20 * c.ts, KASANE_WEIGHT_SEMIBOLD, FALSE);
  tick_font = font (12 * c.ts, KASANE_WEIGHT_REGULAR, TRUE);
  era_font = font (12 * c.ts, KASANE_WEIGHT_SEMIBOLD, FALSE);
  event_font = font (11 * c.ts, KASANE_WEIGHT_REGULAR, FALSE);
  direct_font = font (12 * c.ts, KASANE_WEIGHT_SEMIBOLD, FALSE);

  /* Title. */
  y = c.margin;
  layout->title = add_text (layout, measure, kasane_text_get (&data->dataset->title, layout->lang),
                            title_font, layout->width - 2 * c.margin, 1, KASANE_TREND_INK_TEXT, 0,
                            KASANE_TREND_TEXT_TITLE);
  text_at (layout, layout->title)->x = c.margin;
  text_at (layout, layout->title)->y = y;
  y += text_at (layout, layout->title)->height + 10 * c.ts;

  layout_legend (&c, &y);
  y += 6 * c.ts;

  /* From the bottom: sources, then the time axis labels. */
  first_source = layout->texts->len;
  sources_h = layout_sources (&c);
  axis_h = line_height (layout, measure, tick_font) + 8 * c.ts;

  /* The strips above the panels: era labels, then event label rows. */
  if (!data->numeric_x)
    {
      for (guint i = 0; i < data->dataset->layers->len; i++)
        any_era |= ((KasaneLayer *) g_ptr_array_index (data->dataset->layers, i))->has_since;
      for (guint i = 0; i < data->dataset->events->len && !any_event; i++)
        {
          KasaneEvent *event = g_ptr_array_index (data->dataset->events, i);
          any_event = event->date.t >= layout->x0 && event->date.t <= layout->x1;
        }
    }
  if (any_era)
    era_h = line_height (layout, measure, era_font) + 8 * c.ts;
  layout->era_strip = (KasaneTrendRect) { 0, y, layout->width, era_h };
  y += era_h;
  layout->event_row_height = line_height (layout, measure, event_font) + 5 * c.ts;
  layout->n_event_rows = !any_event ? 0 : layout->height >= 640 * c.ts ? 3
                         : layout->height >= 420 * c.ts ? 2 : 1;

  /* Too little height for the panels (a short window, a small export): the sources go
   * into one short paragraph, then the event labels into fewer rows, rather than the
   * panels running into them. */
  {
    double needed = data->panels->len * (panel_header_height (&c) + 2.5 * axis_h) +
                    (data->panels->len > 0 ? data->panels->len - 1 : 0) * PANEL_GAP * c.ts;
    double room = layout->height - c.margin - sources_h - (sources_h > 0 ? 10 * c.ts : 0) -
                  axis_h - y - layout->n_event_rows * layout->event_row_height - 2 * c.ts;

    if (room < needed && sources_h > 0)
      {
        double compact;

        g_array_set_size (layout->texts, first_source);
        compact = layout_sources_compact (&c);
        room += sources_h - compact;
        sources_h = compact;
      }
    while (room < needed && layout->n_event_rows > 1)
      {
        layout->n_event_rows--;
        room += layout->event_row_height;
      }
  }
  bottom = layout->height - c.margin - sources_h - (sources_h > 0 ? 10 * c.ts : 0);
  layout->event_strip = (KasaneTrendRect) { 0, y, layout->width,
                                            layout->n_event_rows * layout->event_row_height };
  y += layout->event_strip.height + 2 * c.ts;

  /* The right gutter for direct labels at the line ends. */
  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTextExtents ext;

      measure_text (measure, kasane_text_get (&s->series->name, layout->lang), &direct_font,
                    layout->lang, 0, 1, &ext);
      gutter = MAX (gutter, MIN (ext.width, 190 * c.ts) + 12 * c.ts);
    }
  gutter = MIN (gutter, layout->width * 0.25);

  layout_panels (&c, y, bottom - axis_h, gutter);
  layout->era_strip.x = layout->plot_left;
  layout->era_strip.width = layout->plot_right - layout->plot_left;
  layout->event_strip.x = layout->plot_left;
  layout->event_strip.width = layout->plot_right - layout->plot_left;
  layout_x_axis (&c, layout->plots_bottom + 6 * c.ts);
  layout_eras (&c);
  layout_events (&c);
  layout_paths (&c);
  layout_direct_labels (&c);

  /* Nothing leaves the canvas. */
  for (guint i = 0; i < layout->texts->len; i++)
    {
      KasaneTrendText *t = text_at (layout, (int) i);

      t->x = CLAMP (t->x, 0, MAX (0, layout->width - t->width));
      t->y = CLAMP (t->y, 0, MAX (0, layout->height - t->height));
    }
  layout->ts = c.ts;
  layout_hover (&c, params->hover_series, params->hover_point);

  g_hash_table_unref (memo_data.cache);
  return layout;
}

void
kasane_trend_layout_set_hover (KasaneTrendLayout *layout,
                               int                series,
                               int                point,
                               KasaneMeasure     *measure)
{
  Ctx c = { 0 };
  guint n = 0;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (measure != NULL);

  /* The last hover's read-out texts are the last texts. */
  while (n < layout->texts->len &&
         text_at (layout, (int) (layout->texts->len - 1 - n))->role == KASANE_TREND_TEXT_READOUT)
    n++;
  g_array_set_size (layout->texts, layout->texts->len - n);
  layout->has_hover = FALSE;
  layout->hover_series = layout->hover_point = -1;

  c.layout = layout;
  c.measure = measure;
  c.dataset = layout->data->dataset;
  c.ts = layout->ts;
  layout_hover (&c, series, point);
}

KasaneTrendLayout *
kasane_trend_layout_new (KasaneDataset           *dataset,
                         const char * const      *series_ids,
                         const KasaneTrendParams *params,
                         KasaneMeasure           *measure)
{
  g_autoptr(KasaneTrendData) data = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);

  data = kasane_trend_data_new (dataset, series_ids);
  return kasane_trend_layout_new_for_data (data, params, measure);
}

void
kasane_trend_layout_free (KasaneTrendLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->texts);
  g_array_unref (layout->panels);
  g_array_unref (layout->x_ticks);
  g_array_unref (layout->eras);
  g_array_unref (layout->events);
  g_array_unref (layout->paths);
  g_array_unref (layout->legend);
  g_free (layout->lang);
  kasane_trend_data_unref (layout->data);
  g_free (layout);
}

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
          KasaneTrendText *t = text_at (layout, mark->text);
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

/* ---- Paint ------------------------------------------------------------------------ */

static void
set_color (cairo_t           *cr,
           const KasaneColor *color,
           double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
paint_text (cairo_t               *cr,
            PangoContext          *context,
            const char            *lang,
            const KasaneTrendText *t,
            const KasanePalette   *palette,
            double                 alpha)
{
  const KasaneColor *color;

  if (t->text == NULL || t->text[0] == '\0')
    return;

  switch (t->ink)
    {
    case KASANE_TREND_INK_SERIES:
      color = &palette->series[t->color % 8];
      break;
    case KASANE_TREND_INK_TEXT_DIM:
      color = &palette->text_dim;
      break;
    case KASANE_TREND_INK_TEXT:
    default:
      color = &palette->text;
      break;
    }

  /* The very function the Pango measure used: the same extents. */
  set_color (cr, color, alpha);
  cairo_move_to (cr, t->x, t->y);
  kasane_render_show_text (cr, context, t->text, &t->font, lang, t->max_width, t->max_lines);
}

static void
marker_path (cairo_t           *cr,
             KasaneTrendMarker  marker,
             double             x,
             double             y,
             double             r)
{
  switch (marker)
    {
    case KASANE_TREND_MARKER_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case KASANE_TREND_MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case KASANE_TREND_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.05, y + r * 0.75);
      cairo_line_to (cr, x - r * 1.05, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case KASANE_TREND_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.0, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.0, y);
      cairo_close_path (cr);
      break;
    case KASANE_TREND_MARKER_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x + r * 1.05, y - r * 0.75);
      cairo_line_to (cr, x - r * 1.05, y - r * 0.75);
      cairo_close_path (cr);
      break;
    case KASANE_TREND_MARKER_PLUS:
      {
        double a = r * 1.15, b = r * 0.42;

        cairo_move_to (cr, x - b, y - a);
        cairo_line_to (cr, x + b, y - a);
        cairo_line_to (cr, x + b, y - b);
        cairo_line_to (cr, x + a, y - b);
        cairo_line_to (cr, x + a, y + b);
        cairo_line_to (cr, x + b, y + b);
        cairo_line_to (cr, x + b, y + a);
        cairo_line_to (cr, x - b, y + a);
        cairo_line_to (cr, x - b, y + b);
        cairo_line_to (cr, x - a, y + b);
        cairo_line_to (cr, x - a, y - b);
        cairo_line_to (cr, x - b, y - b);
        cairo_close_path (cr);
        break;
      }
    case KASANE_TREND_MARKER_CROSS:
      {
        /* A plus turned by 45°, drawn point by point so the path keeps no transform. */
        for (int i = 0; i < 12; i++)
          {
            static const double px[] = { -0.42, 0.42, 0.42, 1.15, 1.15, 0.42, 0.42, -0.42, -0.42,
                                         -1.15, -1.15, -0.42 };
            static const double py[] = { -1.15, -1.15, -0.42, -0.42, 0.42, 0.42, 1.15, 1.15, 0.42,
                                         0.42, -0.42, -0.42 };
            double u = (px[i] - py[i]) * G_SQRT2 / 2 * r, v = (px[i] + py[i]) * G_SQRT2 / 2 * r;

            if (i == 0)
              cairo_move_to (cr, x + u, y + v);
            else
              cairo_line_to (cr, x + u, y + v);
          }
        cairo_close_path (cr);
        break;
      }
    case KASANE_TREND_MARKER_HEXAGON:
    case KASANE_TREND_N_MARKERS:
    default:
      for (int i = 0; i < 6; i++)
        {
          double a = G_PI / 3 * i;

          if (i == 0)
            cairo_move_to (cr, x + r * 1.05 * cos (a), y + r * 1.05 * sin (a));
          else
            cairo_line_to (cr, x + r * 1.05 * cos (a), y + r * 1.05 * sin (a));
        }
      cairo_close_path (cr);
      break;
    }
}

static void
paint_markers (cairo_t                     *cr,
               const KasaneTrendSeriesPath *path,
               const KasanePalette         *palette,
               double                       r,
               double                       line_w)
{
  for (guint k = 0; k < path->n; k++)
    marker_path (cr, path->marker, path->px[k], path->py[k], r);
  set_color (cr, &palette->series[path->color], 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->background, 1.0);
  cairo_set_line_width (cr, line_w);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
}

static void
stroke_series (cairo_t                     *cr,
               const KasaneTrendSeriesPath *path,
               const KasanePalette         *palette,
               double                       line_w)
{
  double dashes[6];
  int n_dashes = kasane_trend_dash_pattern (path->dash, line_w, dashes);

  cairo_new_path (cr);
  for (guint k = 0; k < path->n; k++)
    {
      if (path->move[k] || k == 0)
        cairo_move_to (cr, path->px[k], path->py[k]);
      else if (path->kind == KASANE_KIND_STEP)
        {
          cairo_line_to (cr, path->px[k], path->py[k - 1]);
          cairo_line_to (cr, path->px[k], path->py[k]);
        }
      else
        cairo_line_to (cr, path->px[k], path->py[k]);
    }
  cairo_set_line_width (cr, line_w);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, n_dashes > 0 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dashes, n_dashes, 0);
  set_color (cr, &palette->series[path->color], 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* A dense series at pixel resolution: in each pixel column the polyline covers the span
 * from its lowest to its highest vertex, joined to the previous column's last vertex, one
 * line width wide.  Filling those boxes paints what stroking the M4 zigzag paints, in a
 * fraction of the time (cairo's stroker is slow on thousands of overlapping segments) and
 * with a far shorter SVG path.  Gaps and jumps over empty columns stay strokes. */
static void
fill_dense_series (cairo_t                     *cr,
                   const KasaneTrendSeriesPath *path,
                   const KasanePalette         *palette,
                   double                       left,
                   double                       line_w)
{
  gint64 column = G_MININT64;
  double lo = 0, hi = 0, last_x = 0, last_y = 0;
  gboolean have = FALSE, any_jump = FALSE;

  set_color (cr, &palette->series[path->color], 1.0);
  cairo_new_path (cr);
  for (guint k = 0; k <= path->n; k++)
    {
      gint64 c = k < path->n ? (gint64) floor (path->px[k] - left) : G_MAXINT64;

      if (k == path->n || c != column || path->move[k])
        {
          if (have)
            {
              /* Whole pixels: boxes on the pixel grid are the rasterizer's fastest case. */
              double bx = floor (left + column + 0.5 - line_w / 2);
              double by = floor (lo - line_w / 2 + 0.5);

              cairo_rectangle (cr, bx, by, ceil (line_w),
                               MAX (1, floor (hi + line_w / 2 + 0.5) - by));
            }
          have = FALSE;
          if (k == path->n)
            break;
          if (!path->move[k] && k > 0 && c != column && path->kind != KASANE_KIND_POINTS)
            {
              if (c == column + 1)
                {
                  /* Adjacent column: the span starts at the previous last vertex. */
                  lo = MIN (last_y, path->py[k]);
                  hi = MAX (last_y, path->py[k]);
                  have = TRUE;
                }
              else
                any_jump = TRUE;
            }
          if (!have)
            {
              lo = hi = path->py[k];
              have = TRUE;
            }
          column = c;
        }
      lo = MIN (lo, path->py[k]);
      hi = MAX (hi, path->py[k]);
      last_x = path->px[k];
      last_y = path->py[k];
    }
  (void) last_x;
  cairo_fill (cr);

  if (any_jump)
    {
      /* Segments across empty columns (sparse stretches inside a dense series). */
      cairo_new_path (cr);
      for (guint k = 1; k < path->n; k++)
        if (!path->move[k] && floor (path->px[k] - left) > floor (path->px[k - 1] - left) + 1)
          {
            cairo_move_to (cr, path->px[k - 1], path->py[k - 1]);
            if (path->kind == KASANE_KIND_STEP)
              cairo_line_to (cr, path->px[k], path->py[k - 1]);
            cairo_line_to (cr, path->px[k], path->py[k]);
          }
      cairo_set_line_width (cr, line_w);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
      cairo_stroke (cr);
    }
}

static void
paint_swatch (cairo_t                      *cr,
              const KasaneTrendLegendEntry *entry,
              const KasaneTrendSeriesPath  *path,
              const KasanePalette          *palette,
              double                        ts)
{
  const KasaneTrendRect *r = &entry->swatch;
  double cy = r->y + r->height / 2, alpha = entry->visible ? 1.0 : 0.35;
  double dashes[6];
  int n_dashes;

  cairo_save (cr);
  if (!entry->visible)
    cairo_push_group (cr);
  if (path->kind != KASANE_KIND_POINTS)
    {
      n_dashes = kasane_trend_dash_pattern (path->dash, 2 * ts, dashes);
      cairo_move_to (cr, r->x, cy);
      if (path->kind == KASANE_KIND_STEP)
        {
          cairo_line_to (cr, r->x + r->width / 2, cy);
          cairo_line_to (cr, r->x + r->width / 2, cy - r->height / 2 + 1);
          cairo_line_to (cr, r->x + r->width, cy - r->height / 2 + 1);
        }
      else
        cairo_line_to (cr, r->x + r->width, cy);
      cairo_set_line_width (cr, 2 * ts);
      cairo_set_dash (cr, dashes, n_dashes, 0);
      set_color (cr, &palette->series[path->color], 1.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  marker_path (cr, path->marker, r->x + r->width / 2, cy, (path->kind == KASANE_KIND_POINTS ? 4.5
                                                           : 3.5) * ts);
  set_color (cr, &palette->series[path->color], 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->background, 1.0);
  cairo_set_line_width (cr, 1 * ts);
  cairo_stroke (cr);
  if (!entry->visible)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, alpha);
    }
  cairo_restore (cr);
}

void
kasane_trend_paint (cairo_t                 *cr,
                    const KasaneTrendLayout *layout,
                    const KasanePalette     *palette)
{
  PangoContext *context;
  double ts, strip_top;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  ts = layout->text_scale *
       CLAMP (MIN (layout->width / 1600, layout->height / 900) * 0.35 + 0.65, 0.7, 2.0);
  strip_top = layout->era_strip.height > 0 ? layout->era_strip.y : layout->event_strip.y;

  cairo_save (cr);
  set_color (cr, &palette->background, 1.0);
  cairo_paint (cr);

  /* Layer eras: alternately tinted bands behind everything, strips included. */
  for (guint i = 0; i < layout->eras->len; i++)
    {
      KasaneTrendEra *era = &g_array_index (layout->eras, KasaneTrendEra, i);

      /* A wash of the text colour reads as a tint on every theme, light, dark or high
       * contrast, without competing with the series drawn over it. */
      set_color (cr, &palette->text, era->tint == 0 ? 0.035 : 0.085);
      cairo_rectangle (cr, era->x0, strip_top, era->x1 - era->x0, layout->plots_bottom - strip_top);
      cairo_fill (cr);
    }

  /* Grids: y per panel, x across every panel. */
  cairo_set_line_width (cr, 1);
  for (guint p = 0; p < layout->panels->len; p++)
    {
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, p);

      for (guint i = 0; i < panel->ticks->len; i++)
        {
          KasaneTrendTick *tick = &g_array_index (panel->ticks, KasaneTrendTick, i);
          double y = round (tick->pos) + 0.5;

          if (tick->pos < panel->plot.y - 0.5 || tick->pos > panel->plot.y + panel->plot.height + 0.5)
            continue;
          set_color (cr, &palette->grid, tick->major ? 1.0 : 0.5);
          cairo_move_to (cr, panel->plot.x, y);
          cairo_line_to (cr, panel->plot.x + panel->plot.width, y);
          cairo_stroke (cr);
        }
      for (guint i = 0; i < layout->x_ticks->len; i++)
        {
          KasaneTrendTick *tick = &g_array_index (layout->x_ticks, KasaneTrendTick, i);
          double x = round (tick->pos) + 0.5;

          set_color (cr, &palette->grid, 1.0);
          cairo_move_to (cr, x, panel->plot.y);
          cairo_line_to (cr, x, panel->plot.y + panel->plot.height);
          cairo_stroke (cr);
        }
    }

  /* Era boundaries. */
  for (guint i = 0; i < layout->eras->len; i++)
    {
      KasaneTrendEra *era = &g_array_index (layout->eras, KasaneTrendEra, i);

      if (!era->starts_here)
        continue;
      set_color (cr, &palette->border, 1.0);
      cairo_set_line_width (cr, 1.5 * ts);
      cairo_move_to (cr, era->x0, strip_top);
      cairo_line_to (cr, era->x0, layout->plots_bottom);
      cairo_stroke (cr);
    }

  /* Event markers: a dashed line from the label's row (or the plots' top) down. */
  for (guint i = 0; i < layout->events->len; i++)
    {
      KasaneTrendEventMark *mark = &g_array_index (layout->events, KasaneTrendEventMark, i);
      double dashes[2] = { 3 * ts, 3 * ts };
      double top = layout->plots_top;
      double x = round (mark->x) + 0.5;

      if (mark->text >= 0)
        top = text_at (layout, mark->text)->y;
      set_color (cr, &palette->text_dim, mark->text >= 0 ? 0.7 : 0.4);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, layout->plots_bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (mark->text < 0)
        {
          /* An unlabelled event keeps a small tick in the strip, so it is still seen. */
          set_color (cr, &palette->text_dim, 0.7);
          cairo_arc (cr, mark->x, layout->plots_top - 3 * ts, 2 * ts, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* Axis lines at each panel's bottom. */
  for (guint p = 0; p < layout->panels->len; p++)
    {
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, p);
      double y = round (panel->plot.y + panel->plot.height) + 0.5;

      set_color (cr, &palette->border, 1.0);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, panel->plot.x, y);
      cairo_line_to (cr, panel->plot.x + panel->plot.width, y);
      cairo_stroke (cr);
    }

  /* Series, clipped to their panel (markers may overhang a little). */
  for (guint i = 0; i < layout->paths->len; i++)
    {
      const KasaneTrendSeriesPath *path = &g_array_index (layout->paths, KasaneTrendSeriesPath, i);
      const KasaneTrendPanel *panel;

      if (!path->visible || path->n == 0)
        continue;
      panel = &g_array_index (layout->panels, KasaneTrendPanel, path->panel);
      cairo_save (cr);
      /* Lines end at the plot's sides (the window's edges); markers may overhang its top
       * and bottom a little. */
      cairo_rectangle (cr, panel->plot.x - (path->markers ? 5 * ts : 0), panel->plot.y - 6 * ts,
                       panel->plot.width + (path->markers ? 10 * ts : 0),
                       panel->plot.height + 12 * ts);
      cairo_clip (cr);
      if (path->dense)
        fill_dense_series (cr, path, palette, layout->plot_left,
                           path->kind == KASANE_KIND_POINTS ? 3 * ts : 2 * ts);
      else if (path->kind != KASANE_KIND_POINTS)
        stroke_series (cr, path, palette, 2 * ts);
      if (path->markers)
        paint_markers (cr, path, palette, (path->kind == KASANE_KIND_POINTS ? 4.0 : 3.0) * ts,
                       1 * ts);
      cairo_restore (cr);
    }

  /* Legend swatches. */
  for (guint i = 0; i < layout->legend->len; i++)
    {
      KasaneTrendLegendEntry *entry = &g_array_index (layout->legend, KasaneTrendLegendEntry, i);

      paint_swatch (cr, entry, &g_array_index (layout->paths, KasaneTrendSeriesPath, entry->series),
                    palette, ts);
    }

  /* Text last, above everything; direct labels get a halo so lines do not cut them. */
  context = kasane_render_context_new ();
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KasaneTrendText *t = text_at (layout, (int) i);
      double alpha = 1.0;

      if (t->role == KASANE_TREND_TEXT_READOUT)
        continue;
      if (t->role == KASANE_TREND_TEXT_DIRECT || t->role == KASANE_TREND_TEXT_EVENT)
        {
          set_color (cr, &palette->background, 0.8);
          cairo_rectangle (cr, t->x - 2 * ts, t->y, t->width + 4 * ts, t->height);
          cairo_fill (cr);
        }
      if (t->role == KASANE_TREND_TEXT_LEGEND && t->ink == KASANE_TREND_INK_TEXT_DIM)
        alpha = 0.7;
      paint_text (cr, context, layout->lang, t, palette, alpha);
    }

  /* Hover: crosshair across every panel, ring, read-out box. */
  if (layout->has_hover)
    {
      const KasaneTrendSeriesPath *path = &g_array_index (layout->paths, KasaneTrendSeriesPath,
                                                          layout->hover_series);

      set_color (cr, &palette->accent, 0.8);
      cairo_set_line_width (cr, 1 * ts);
      cairo_move_to (cr, round (layout->hover_x) + 0.5, layout->plots_top);
      cairo_line_to (cr, round (layout->hover_x) + 0.5, layout->plots_bottom);
      cairo_stroke (cr);

      marker_path (cr, path->marker, layout->hover_x, layout->hover_y, 5.5 * ts);
      set_color (cr, &palette->series[path->color], 1.0);
      cairo_fill_preserve (cr);
      set_color (cr, &palette->accent, 1.0);
      cairo_set_line_width (cr, 2 * ts);
      cairo_stroke (cr);

      cairo_rectangle (cr, layout->readout.x, layout->readout.y, layout->readout.width,
                       layout->readout.height);
      set_color (cr, &palette->surface, 1.0);
      cairo_fill_preserve (cr);
      set_color (cr, &palette->border, 1.0);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      for (guint i = 0; i < layout->texts->len; i++)
        if (text_at (layout, (int) i)->role == KASANE_TREND_TEXT_READOUT)
          paint_text (cr, context, layout->lang, text_at (layout, (int) i), palette, 1.0);
    }

  g_object_unref (context);
  cairo_restore (cr);
}

/* ---- Description ------------------------------------------------------------------ */

static char *
describe_series (const KasaneTrendDataSeries *s,
                 const char                  *lang)
{
  const KasaneSeries *series = s->series;
  const char *name = kasane_text_get (&series->name, lang);
  g_autofree char *label = NULL;
  guint first = G_MAXUINT, last = 0, lo = 0, hi = 0;
  int first_precision, last_precision;
  g_autofree char *d0 = NULL, *d1 = NULL, *v0 = NULL, *v1 = NULL, *vmin = NULL, *vmax = NULL;

  if (series->unit != NULL && series->unit[0] != '\0')
    /* Translators: a series and its unit, in the chart's description. */
    label = g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                  NC_ ("trend describe", "%1$s (%2$s)")),
                             name, series->unit);
  else
    label = g_strdup (name);

  for (guint k = 0; k < series->n_points; k++)
    {
      if (!isfinite (series->y[k]))
        continue;
      if (first == G_MAXUINT)
        {
          first = k;
          lo = hi = k;
        }
      last = k;
      if (series->y[k] < series->y[lo])
        lo = k;
      if (series->y[k] > series->y[hi])
        hi = k;
    }
  if (first == G_MAXUINT)
    return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                 NC_ ("trend describe", "%1$s: no data.")),
                            label);

  first_precision = series->precision != NULL ? series->precision[first] : KASANE_PRECISION_DAY;
  last_precision = series->precision != NULL ? series->precision[last] : KASANE_PRECISION_DAY;
  d0 = kasane_format_date (series->x[first], first_precision, lang);
  v0 = kasane_unit_format_value (&s->unit, series->y[first]);
  if (first == last)
    /* Translators: %1$s a series, %2$s its only value, %3$s its date. */
    return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                 NC_ ("trend describe",
                                                      "%1$s: one point, %2$s on %3$s.")),
                            label, v0, d0);

  d1 = kasane_format_date (series->x[last], last_precision, lang);
  v1 = kasane_unit_format_value (&s->unit, series->y[last]);
  vmin = kasane_unit_format_value (&s->unit, series->y[lo]);
  vmax = kasane_unit_format_value (&s->unit, series->y[hi]);

  if (series->y[last] > series->y[first])
    /* Translators: %1$s a series, %2$u its number of points, %3$s and %4$s the first and
     * last dates, %5$s and %6$s the first and last values, %7$s and %8$s the lowest and
     * highest values. */
    return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                 NC_ ("trend describe",
                                                      "%1$s: %2$u points from %3$s to %4$s; "
                                                      "it rose from %5$s to %6$s, "
                                                      "ranging from %7$s to %8$s.")),
                            label, series->n_points, d0, d1, v0, v1, vmin, vmax);
  if (series->y[last] < series->y[first])
    /* Translators: as above, for a series that ended lower than it began. */
    return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                 NC_ ("trend describe",
                                                      "%1$s: %2$u points from %3$s to %4$s; "
                                                      "it fell from %5$s to %6$s, "
                                                      "ranging from %7$s to %8$s.")),
                            label, series->n_points, d0, d1, v0, v1, vmin, vmax);
  /* Translators: %1$s a series, %2$u its points, %3$s and %4$s the first and last dates,
   * %5$s the value it began and ended at, %6$s and %7$s the lowest and highest values. */
  return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                               NC_ ("trend describe",
                                                    "%1$s: %2$u points from %3$s to %4$s; "
                                                    "it ended where it began, at %5$s, "
                                                    "ranging from %6$s to %7$s.")),
                          label, series->n_points, d0, d1, v0, vmin, vmax);
}

char *
kasane_trend_describe (KasaneDataset      *dataset,
                       const char * const *series_ids,
                       const char         *lang)
{
  g_autoptr(KasaneTrendData) data = NULL;
  g_autoptr(GString) layers = g_string_new (NULL);
  GString *out;
  const char *separator, *space;

  g_return_val_if_fail (dataset != NULL, NULL);

  lang = is_ja (lang) ? "ja" : "en";
  data = kasane_trend_data_new (dataset, series_ids);
  out = g_string_new (NULL);

  /* Translators: the first sentence of a trend chart's description; %1$s the dataset. */
  g_string_append_printf (out, kasane_pgettext (lang, "trend describe",
                                                    NC_ ("trend describe", "Trend chart of %1$s.")),
                          kasane_text_get (&dataset->title, lang));

  /* Translators: between the items of a list in running text. */
  separator = kasane_pgettext (lang, "list separator", NC_ ("list separator", ", "));
  /* Typography, not wording: Japanese sets nothing after "。", English a space. */
  space = is_ja (lang) ? "" : " ";
  for (guint i = 0; i < dataset->layers->len; i++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, i);
      g_autofree char *item = NULL;

      if (!layer->has_since)
        continue;
      {
        g_autofree char *since = kasane_format_date (layer->since.t, layer->since.precision, lang);

        /* Translators: a layer and the date it began: "Rollups (L2) from Aug 2021". */
        item = g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                     NC_ ("trend describe", "%1$s from %2$s")),
                                kasane_text_get (&layer->name, lang), since);
      }
      if (layers->len > 0)
        g_string_append (layers, separator);
      g_string_append (layers, item);
    }
  if (layers->len > 0)
    {
      g_string_append (out, space);
      /* Translators: %1$s is a list of layers with the dates they began. */
      g_string_append_printf (out, kasane_pgettext (lang, "trend describe",
                                                        NC_ ("trend describe", "Layers: %1$s.")),
                              layers->str);
    }

  for (guint i = 0; i < data->series->len; i++)
    {
      g_autofree char *sentence =
        describe_series (&g_array_index (data->series, KasaneTrendDataSeries, i), lang);

      g_string_append (out, space);
      g_string_append (out, sentence);
    }
  return g_string_free (out, FALSE);
}
