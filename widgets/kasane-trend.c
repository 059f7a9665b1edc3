/* kasane-trend.c: the trend chart's layout as a whole — the text unit, the title, the
 * height budget between panels, axes, eras, events and sources — and its lifetime
 *
 * See kasane-trend.h.  The layout is plain geometry (kasane-trend-private.h); paint only
 * reads it.  The other rooms: kasane-trend-data.c (the data work, once per dataset),
 * kasane-trend-frame.c (legend, sources, axes, panels), kasane-trend-marks.c (eras,
 * events, paths, direct labels, the hover read-out), kasane-trend-hit.c,
 * kasane-trend-paint.c and kasane-trend-describe.c.
 */
#define G_LOG_DOMAIN "kasane-trend"

#include "config.h"

#include "kasane-trend.h"
#include "kasane-trend-private.h"
#include "kasane-whatif-text.h"
#include "kasane-trend-build.h"
#include "kasane-render-private.h"
#include "kasane-i18n.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>


gboolean
trend_is_ja (const char *lang)
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

KasaneFont
trend_font (const Ctx   *c,
            double       px,
            KasaneWeight weight,
            gboolean     tabular)
{
  return (KasaneFont) { .size = MAX (px * c->ts, c->min_px), .weight = weight,
                        .tabular = tabular };
}

void
trend_measure_text (KasaneMeasure     *measure,
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
int
trend_add_text (KasaneTrendLayout   *layout,
                KasaneMeasure       *measure,
                const char          *text,
                KasaneFont           f,
                double               max_width,
                int                  max_lines,
                KasaneRole           ink,
                int                  color,
                KasaneTrendTextRole  role)
{
  KasaneTrendText item = { 0 };
  KasaneTextExtents ext;

  trend_measure_text (measure, text, &f, layout->lang, max_width, max_lines, &ext);
  item.text = g_strdup (text);
  item.font = f;
  item.width = ext.width;
  item.height = ext.height;
  item.baseline = ext.baseline;
  item.max_width = max_width;
  item.max_lines = max_lines;
  item.cut = ext.ellipsized;
  item.ink = ink;
  item.color = color;
  item.role = role;
  g_array_append_val (layout->texts, item);
  return (int) layout->texts->len - 1;
}

void
trend_text_drop (KasaneTrendLayout *layout,
                 int                index)
{
  KasaneTrendText *t = trend_text_at (layout, index);

  g_free (t->text);
  t->text = g_strdup ("");
  t->width = t->height = 0;
}

KasaneTrendText *
trend_text_at (const KasaneTrendLayout *layout,
               int                      index)
{
  return &g_array_index (layout->texts, KasaneTrendText, index);
}

double
trend_line_height (KasaneTrendLayout *layout,
                   KasaneMeasure     *measure,
                   KasaneFont         f)
{
  KasaneTextExtents ext;

  trend_measure_text (measure, "Ag", &f, layout->lang, 0, 1, &ext);
  return ext.height;
}

gboolean
trend_rects_overlap (double ax, double ay, double aw, double ah,
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
void
trend_drop_overlapping_ticks (KasaneTrendLayout *layout,
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
        t = trend_text_at (layout, tick->text);
        for (guint k = 0; k < kept->len && !clash; k++)
          {
            KasaneTrendText *other = trend_text_at (layout, g_array_index (kept, int, k));

            clash = trend_rects_overlap (t->x - gap, t->y - gap / 2, t->width + 2 * gap,
                                         t->height + gap, other->x, other->y, other->width,
                                         other->height);
          }
        if (clash)
          {
            trend_text_drop (layout, tick->text);
            tick->text = -1;
          }
        else
          g_array_append_val (kept, tick->text);
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
  layout->lang = g_strdup (trend_is_ja (params->lang) ? "ja" : "en");
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
  c.min_px = layout->min_text_px = MAX (params->min_text_px, 0);
  c.margin = 20 * c.ts;

  title_font = trend_font (&c, 20, KASANE_WEIGHT_SEMIBOLD, FALSE);
  tick_font = trend_font (&c, 12, KASANE_WEIGHT_REGULAR, TRUE);
  era_font = trend_font (&c, 12, KASANE_WEIGHT_SEMIBOLD, FALSE);
  event_font = trend_font (&c, 11, KASANE_WEIGHT_REGULAR, FALSE);
  direct_font = trend_font (&c, 12, KASANE_WEIGHT_SEMIBOLD, FALSE);

  /* Title. */
  y = c.margin;
  layout->title = trend_add_text (layout, measure, kasane_text_get (&data->dataset->title, layout->lang),
                                  title_font, layout->width - 2 * c.margin, 1, KASANE_ROLE_TEXT, 0,
                                  KASANE_TREND_TEXT_TITLE);
  trend_text_at (layout, layout->title)->x = c.margin;
  trend_text_at (layout, layout->title)->y = y;
  y += trend_text_at (layout, layout->title)->height + 10 * c.ts;

  /* A what-if says so under the title, with its changes, on a band of its own: the
   * series are the file's, but the eras and the judgements beside them are not. */
  {
    g_autofree char *marker = kasane_whatif_text_marker (&data->dataset, 1, layout->lang);

    if (marker != NULL)
      {
        double pad = 8 * c.ts;
        int t = trend_add_text (layout, measure, marker,
                                trend_font (&c, 13, KASANE_WEIGHT_SEMIBOLD, FALSE),
                                layout->width - 2 * c.margin - 2 * pad, 3, KASANE_ROLE_TEXT, 0,
                                KASANE_TREND_TEXT_WHATIF);

        trend_text_at (layout, t)->x = c.margin + pad;
        trend_text_at (layout, t)->y = y + pad;
        layout->whatif = (KasaneTrendRect) { c.margin, y, layout->width - 2 * c.margin,
                                             trend_text_at (layout, t)->height + 2 * pad };
        y += layout->whatif.height + 10 * c.ts;
      }
  }

  trend_layout_legend (&c, &y);
  y += 6 * c.ts;

  /* From the bottom: sources, then the time axis labels. */
  first_source = layout->texts->len;
  sources_h = trend_layout_sources (&c);
  axis_h = trend_line_height (layout, measure, tick_font) + 8 * c.ts;

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
    era_h = trend_line_height (layout, measure, era_font) + 8 * c.ts;
  layout->era_strip = (KasaneTrendRect) { 0, y, layout->width, era_h };
  y += era_h;
  layout->event_row_height = trend_line_height (layout, measure, event_font) + 5 * c.ts;
  layout->n_event_rows = !any_event ? 0 : layout->height >= 640 * c.ts ? 3
                         : layout->height >= 420 * c.ts ? 2 : 1;

  /* The right gutter for direct labels at the line ends. */
  for (guint i = 0; i < data->series->len; i++)
    {
      KasaneTrendDataSeries *s = &g_array_index (data->series, KasaneTrendDataSeries, i);
      KasaneTextExtents ext;

      trend_measure_text (measure, kasane_text_get (&s->series->name, layout->lang), &direct_font,
                          layout->lang, 0, 1, &ext);
      gutter = MAX (gutter, MIN (ext.width, 16 * direct_font.size) + 12 * c.ts);
    }
  gutter = MIN (gutter, layout->width * 0.25);
  /* Panel titles wrap at the plot's width, less a guess at the y labels' column. */
  c.title_width = MAX (layout->width - 2 * c.margin - gutter - 60 * c.ts, 40 * c.ts);

  /* Too little height for the panels (a short window, a small export): the sources go
   * into one short paragraph, then the event labels into fewer rows, rather than the
   * panels running into them. */
  {
    double needed = data->panels->len * 2.5 * axis_h +
                    (data->panels->len > 0 ? data->panels->len - 1 : 0) * PANEL_GAP * c.ts;
    double room;

    for (guint p = 0; p < data->panels->len; p++)
      needed += trend_panel_header_height (&c, p);
    room = layout->height - c.margin - sources_h - (sources_h > 0 ? 10 * c.ts : 0) -
                  axis_h - y - layout->n_event_rows * layout->event_row_height - 2 * c.ts;

    if (room < needed && sources_h > 0)
      {
        double compact;

        g_array_set_size (layout->texts, first_source);
        compact = trend_layout_sources_compact (&c);
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


  trend_layout_panels (&c, y, bottom - axis_h, gutter);
  layout->era_strip.x = layout->plot_left;
  layout->era_strip.width = layout->plot_right - layout->plot_left;
  layout->event_strip.x = layout->plot_left;
  layout->event_strip.width = layout->plot_right - layout->plot_left;
  trend_layout_x_axis (&c, layout->plots_bottom + 6 * c.ts);
  trend_layout_eras (&c);
  trend_layout_events (&c);
  trend_layout_paths (&c);
  trend_layout_direct_labels (&c);

  /* Nothing leaves the canvas. */
  for (guint i = 0; i < layout->texts->len; i++)
    {
      KasaneTrendText *t = trend_text_at (layout, (int) i);

      t->x = CLAMP (t->x, 0, MAX (0, layout->width - t->width));
      t->y = CLAMP (t->y, 0, MAX (0, layout->height - t->height));
    }
  layout->ts = c.ts;
  trend_layout_hover (&c, params->hover_series, params->hover_point);

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
         trend_text_at (layout, (int) (layout->texts->len - 1 - n))->role == KASANE_TREND_TEXT_READOUT)
    n++;
  g_array_set_size (layout->texts, layout->texts->len - n);
  layout->has_hover = FALSE;
  layout->hover_series = layout->hover_point = -1;

  c.layout = layout;
  c.measure = measure;
  c.dataset = layout->data->dataset;
  c.ts = layout->ts;
  trend_layout_hover (&c, series, point);
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

