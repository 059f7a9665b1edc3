/* kasane-trend-marks.c: what is laid on the frame: eras, events, the series
 * paths, their direct labels and the hover read-out
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

/* The bytes of `name` before its first space or opening bracket (ASCII or full-width),
 * always a whole number of characters. */
static gsize
first_word_length (const char *name)
{
  gsize length = strlen (name);

  for (const char *stop = name; *stop != '\0'; stop = g_utf8_next_char (stop))
    {
      gunichar c = g_utf8_get_char (stop);

      if (c == ' ' || c == '(' || c == 0xFF08)
        {
          length = (gsize) (stop - name);
          break;
        }
    }
  return length;
}

void
trend_layout_eras (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneDataset *dataset = c->dataset;
  KasaneFont f = trend_font (c, 12, KASANE_WEIGHT_SEMIBOLD, FALSE);
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

        trend_measure_text (c->measure, name, &f, layout->lang, 0, 1, &ext);
        if (lx + ext.width > limit && limit - lx < 7.5 * f.size)
          limit = MIN (layout->plot_right, MAX (limit, lx + ext.width));
        w = limit - lx;
        if (w >= 1.3 * f.size)
          {
            /* The whole name, else its first word ("Reasoning"), else the level ("L2"):
             * a shorter word, never a word cut short. */
            g_autofree char *first_word = g_strndup (name, first_word_length (name));
            g_autofree char *level = g_strdup_printf ("L%" G_GINT64_FORMAT, layer->level);
            KasaneTextExtents word;

            trend_measure_text (c->measure, first_word, &f, layout->lang, 0, 1, &word);
            if (ext.width <= w)
              label = g_strdup (name);
            else if (*first_word != '\0' && strlen (first_word) < strlen (name) &&
                     word.width <= w)
              label = g_steal_pointer (&first_word);
            else
              label = g_steal_pointer (&level);
            era.text = trend_add_text (layout, c->measure, label, f, w, 1, KASANE_ROLE_TEXT_DIM, 0,
                                       KASANE_TREND_TEXT_ERA);
            if (trend_text_at (layout, era.text)->width > w ||
                trend_text_at (layout, era.text)->cut)
              {
                /* "L3" does not fit either. */
                trend_text_drop (layout, era.text);
                era.text = -1;
              }
            else
              {
                KasaneTrendText *t = trend_text_at (layout, era.text);

                t->x = lx;
                t->y = layout->era_strip.y + (layout->era_strip.height - t->height) / 2;
                cursor = lx + t->width + 14 * c->ts;
              }
          }
      }
      g_array_append_val (layout->eras, era);
    }
}

void
trend_layout_events (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneDataset *dataset = c->dataset;
  KasaneFont f = trend_font (c, 11, KASANE_WEIGHT_REGULAR, FALSE);
  /* Labels stay over the plots; the gutter to the right holds "+N more events". */
  double gap = 8 * c->ts, right = layout->plot_right;
  guint dropped = 0;
  gboolean any_featured = FALSE;

  if (layout->data->numeric_x)
    return;
  /* When the dataset marks some events featured, only those are labelled; the others
   * are ticks that name themselves on hover. */
  for (guint i = 0; i < dataset->events->len; i++)
    any_featured = any_featured || ((KasaneEvent *) g_ptr_array_index (dataset->events, i))->featured;

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

      if (layout->n_event_rows > 0 && (event->featured || !any_featured))
        {
          /* The few featured events get room for their whole labels (in ems of the
           * label's type).  A label is set whole or not at all: a cut one says less
           * than the tick, which names its event on hover. */
          mark.text = trend_add_text (layout, c->measure, kasane_text_get (&event->label, layout->lang),
                                      f, (any_featured ? 31 : 24) * f.size, 1, KASANE_ROLE_TEXT,
                                      0, KASANE_TREND_TEXT_EVENT);
          t = trend_text_at (layout, mark.text);

          for (int row = 0; row < layout->n_event_rows && mark.row < 0 && !t->cut; row++)
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
                    o = trend_text_at (layout, other->text);
                    /* Same row: the boxes, with a gap. */
                    if (other->row == row &&
                        x < o->x + o->width + gap && o->x < x + t->width + gap)
                      clash = TRUE;
                    /* A marker's line may pass behind a lower row's label (which paint
                     * gives a halo), but never through its first characters, so each
                     * label still starts clearly at its own line. */
                    if (other->row < row && mark.x >= o->x - 2 * c->ts &&
                        mark.x <= o->x + 2 * f.size)
                      clash = TRUE;
                    if (other->row > row && other->x >= x - 2 * c->ts &&
                        other->x <= x + 2 * f.size)
                      clash = TRUE;
                  }
                if (!clash)
                  {
                    mark.row = row;
                    t->x = x;
                    t->y = y;
                  }
              }
          if (mark.row < 0)
            {
              trend_text_drop (layout, mark.text);
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
      index = trend_add_text (layout, c->measure, more, f,
                              MAX (layout->width - c->margin - x, 20 * c->ts), 2,
                              KASANE_ROLE_TEXT_DIM, 0, KASANE_TREND_TEXT_MORE);
      t = trend_text_at (layout, index);
      t->x = MIN (x, layout->width - t->width);
      t->y = layout->event_strip.y + layout->event_strip.height - t->height - 2 * c->ts;
    }
}

void
trend_layout_paths (Ctx *c)
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
      KasaneTrendText *o = trend_text_at (layout, g_array_index (placed, int, k));

      if (trend_rects_overlap (t->x, y - gap / 2, t->width, t->height + gap, o->x, o->y, o->width,
                               o->height))
        {
          *other_top = o->y;
          *other_bottom = o->y + o->height;
          return TRUE;
        }
    }
  return FALSE;
}

void
trend_layout_direct_labels (Ctx *c)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneFont f = trend_font (c, 12, KASANE_WEIGHT_SEMIBOLD, FALSE);
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
      max_w = MIN (right - x, 230 * c->ts);
      if (max_w < 40 * c->ts)
        continue;
      /* Up to three lines rather than a name cut short; a name that needs more is not
       * set here at all (the legend names every series). */
      label.text = trend_add_text (layout, c->measure, kasane_text_get (&s->series->name, layout->lang),
                                   f, max_w, 3, KASANE_ROLE_SERIES, path->color,
                                   KASANE_TREND_TEXT_DIRECT);
      if (trend_text_at (layout, label.text)->cut)
        {
          trend_text_drop (layout, label.text);
          continue;
        }
      label.desired = path->py[end];
      label.panel = path->panel;
      trend_text_at (layout, label.text)->x = x;
      path->end_text = label.text;
      g_array_append_val (labels, label);
    }

  g_array_sort (labels, compare_direct);
  for (guint i = 0; i < labels->len; i++)
    {
      DirectLabel *label = &g_array_index (labels, DirectLabel, i);
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, label->panel);
      KasaneTrendText *t = trend_text_at (layout, label->text);
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
          trend_text_drop (layout, label->text);
        }
    }
}

/* The read-out of the hovered point: laid out into a finished layout (its texts go
 * last, role READOUT), so hovering never lays the chart out again. */
void
trend_layout_hover (Ctx *c,
                    int  hover_series,
                    int  hover_point)
{
  KasaneTrendLayout *layout = c->layout;
  KasaneTrendData *data = layout->data;
  KasaneTrendDataSeries *s;
  KasaneTrendPanel *panel;
  KasaneTrendSeriesPath *path;
  KasaneSeries *series;
  KasaneFont bold = trend_font (c, 12, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont regular = trend_font (c, 12, KASANE_WEIGHT_REGULAR, TRUE);
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

  texts[n_texts++] = trend_add_text (layout, c->measure, kasane_text_get (&series->name, layout->lang),
                                     bold, 320 * c->ts, 2, KASANE_ROLE_SERIES, path->color,
                                     KASANE_TREND_TEXT_READOUT);
  texts[n_texts++] = trend_add_text (layout, c->measure, value, regular, 320 * c->ts, 1,
                                     KASANE_ROLE_TEXT, 0, KASANE_TREND_TEXT_READOUT);
  texts[n_texts++] = trend_add_text (layout, c->measure, date, regular, 320 * c->ts, 1,
                                     KASANE_ROLE_TEXT_DIM, 0, KASANE_TREND_TEXT_READOUT);
  if (series->labels != NULL && series->labels[p] != NULL &&
      !kasane_text_is_empty (series->labels[p]))
    texts[n_texts++] = trend_add_text (layout, c->measure,
                                       kasane_text_get (series->labels[p], layout->lang),
                                       regular, 320 * c->ts, 2, KASANE_ROLE_TEXT_DIM, 0,
                                       KASANE_TREND_TEXT_READOUT);
  for (int i = 0; i < n_texts; i++)
    {
      w = MAX (w, trend_text_at (layout, texts[i])->width);
      h += trend_text_at (layout, texts[i])->height + (i > 0 ? 2 * c->ts : 0);
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
      KasaneTrendText *t = trend_text_at (layout, texts[i]);

      t->x = x + pad;
      t->y = y;
      y += t->height + 2 * c->ts;
    }
}
