/* test-trend.c: M4 decimation, the trend layout (panels, eras, events, legend, hits),
 * paint on image and SVG surfaces, the description, and a frame at a million points */
#include "config.h"

#include <cairo.h>
#include <cairo-svg.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "kasane-decimate.h"
#include "kasane-loader.h"
#include "kasane-render.h"
#include "kasane-trend.h"
#include "kasane-trend-private.h"
#include "kasane-test-util.h"

/* ---- Decimation ------------------------------------------------------------------- */

static void
random_walk (guint    n,
             guint32  seed,
             double **x,
             float  **y)
{
  GRand *rand = g_rand_new_with_seed (seed);
  double v = 0;

  *x = g_new (double, n);
  *y = g_new (float, n);
  for (guint i = 0; i < n; i++)
    {
      (*x)[i] = i * 60.0;
      v += g_rand_double_range (rand, -1, 1);
      if (g_rand_int_range (rand, 0, 5000) == 0)
        v += g_rand_double_range (rand, -80, 80);   /* a spike now and then */
      (*y)[i] = (float) v;
    }
  g_rand_free (rand);
}

/* Every column's min and max (over the points inside [x0, x1]) are vertices; the first
 * and last visible points are vertices; vertices are in x order. */
static void
check_m4 (const double           *x,
          const float            *y,
          guint                   n,
          double                  x0,
          double                  x1,
          guint                   columns,
          const KasaneDecimation *dec)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autofree float *col_min = g_new (float, columns);
  g_autofree float *col_max = g_new (float, columns);
  g_autofree gboolean *col_min_seen = g_new0 (gboolean, columns);
  g_autofree gboolean *col_max_seen = g_new0 (gboolean, columns);
  guint first = G_MAXUINT, last = 0;

  for (guint c = 0; c < columns; c++)
    {
      col_min[c] = INFINITY;
      col_max[c] = -INFINITY;
    }
  for (guint i = 0; i < n; i++)
    {
      guint c;

      if (x[i] < x0 || x[i] > x1 || isnan (y[i]))
        continue;
      c = MIN ((guint) ((x[i] - x0) * (columns / (x1 - x0))), columns - 1);
      col_min[c] = MIN (col_min[c], y[i]);
      col_max[c] = MAX (col_max[c], y[i]);
      first = MIN (first, i);
      last = MAX (last, i);
    }

  {
    guint gaps = 0;

    for (guint i = 0; i < n; i++)
      gaps += isnan (y[i]) && x[i] >= x0 && x[i] <= x1;
    /* Four per column, and four more per run a gap starts. */
    g_assert_cmpuint (dec->n_vertices, <=, 4 * (columns + 2 + gaps));
  }
  for (guint k = 0; k < dec->n_vertices; k++)
    {
      guint i = dec->index[k];
      guint c;

      g_assert_cmpuint (i, <, n);
      g_assert_false (isnan (dec->y[k]));
      g_assert_cmpfloat (dec->x[k], ==, x[i]);
      if (k > 0)
        g_assert_cmpuint (dec->index[k - 1], <, i);
      g_hash_table_add (kept, GUINT_TO_POINTER (i + 1));
      if (x[i] < x0 || x[i] > x1)
        continue;
      c = MIN ((guint) ((x[i] - x0) * (columns / (x1 - x0))), columns - 1);
      col_min_seen[c] |= dec->y[k] == col_min[c];
      col_max_seen[c] |= dec->y[k] == col_max[c];
    }
  for (guint c = 0; c < columns; c++)
    if (isfinite (col_min[c]))
      {
        g_assert_true (col_min_seen[c]);
        g_assert_true (col_max_seen[c]);
      }
  if (first != G_MAXUINT)
    {
      g_assert_true (g_hash_table_contains (kept, GUINT_TO_POINTER (first + 1)));
      g_assert_true (g_hash_table_contains (kept, GUINT_TO_POINTER (last + 1)));
    }
}

static void
test_decimate_m4 (void)
{
  g_autofree double *x = NULL;
  g_autofree float *y = NULL;
  KasaneDecimation dec;
  guint n = 100000;

  random_walk (n, 42, &x, &y);
  kasane_decimation_init (&dec);

  /* The whole series, and a zoomed window with points beyond both edges. */
  kasane_decimate_m4 (x, y, n, x[0], x[n - 1], 800, &dec);
  check_m4 (x, y, n, x[0], x[n - 1], 800, &dec);
  g_assert_cmpuint (dec.index[0], ==, 0);
  g_assert_cmpuint (dec.index[dec.n_vertices - 1], ==, n - 1);
  g_assert_true (dec.move[0]);

  kasane_decimate_m4 (x, y, n, x[12345] + 30, x[54321] - 30, 333, &dec);
  check_m4 (x, y, n, x[12345] + 30, x[54321] - 30, 333, &dec);
  /* One point outside on each side, so the line enters and leaves the window. */
  g_assert_cmpuint (dec.index[0], ==, 12345);
  g_assert_cmpuint (dec.index[dec.n_vertices - 1], ==, 54321);

  /* Fewer points than columns: every point is kept. */
  kasane_decimate_m4 (x, y, 50, x[0], x[49], 800, &dec);
  g_assert_cmpuint (dec.n_vertices, ==, 50);

  /* Empty and degenerate windows. */
  g_assert_cmpuint (kasane_decimate_m4 (x, y, n, 5, 5, 800, &dec), ==, 0);
  g_assert_cmpuint (kasane_decimate_m4 (x, y, 0, 0, 1, 800, &dec), ==, 0);
  kasane_decimation_clear (&dec);
}

static void
test_decimate_gaps (void)
{
  double x[40];
  float y[40];
  KasaneDecimation dec;
  guint runs = 0;

  for (guint i = 0; i < 40; i++)
    {
      x[i] = i;
      y[i] = (i % 10 == 4 || i == 5) ? NAN : (float) sin (i);
    }
  /* Gaps at 4–5, 14, 24, 34: five runs. */
  kasane_decimation_init (&dec);
  kasane_decimate_m4 (x, y, 40, 0, 39, 4, &dec);
  for (guint k = 0; k < dec.n_vertices; k++)
    {
      g_assert_false (isnan (dec.y[k]));
      if (dec.move[k])
        {
          runs++;
          /* A sub-path starts only at the first point after a gap. */
          g_assert_true (dec.index[k] == 0 || isnan (y[dec.index[k] - 1]));
        }
      else
        g_assert_false (isnan (y[dec.index[k] - 1]) && dec.index[k - 1] < dec.index[k] - 1);
    }
  g_assert_cmpuint (runs, ==, 5);
  check_m4 (x, y, 40, 0, 39, 4, &dec);
  kasane_decimation_clear (&dec);
}

/* The block summary changes the cost, never the result. */
static void
test_decimate_summary (void)
{
  g_autofree double *x = NULL;
  g_autofree float *y = NULL;
  KasaneDecimateSummary *summary;
  KasaneDecimation plain, fast;
  GRand *rand = g_rand_new_with_seed (3);
  guint n = 200000;

  random_walk (n, 11, &x, &y);
  /* Irregular spacing and a few gaps. */
  for (guint i = 1; i < n; i++)
    x[i] = x[i - 1] + g_rand_double_range (rand, 1, 120);
  for (guint i = 0; i < 40; i++)
    y[g_rand_int_range (rand, 0, n)] = NAN;

  summary = kasane_decimate_summary_new (x, y, n);
  kasane_decimation_init (&plain);
  kasane_decimation_init (&fast);
  for (guint round = 0; round < 200; round++)
    {
      double a = g_rand_double_range (rand, x[0] - 1000, x[n - 1]);
      double b = round == 0 ? x[n - 1] : g_rand_double_range (rand, a + 1, x[n - 1] + 1000);
      guint columns = g_rand_int_range (rand, 1, 2000);

      if (round == 0)
        a = x[0];
      kasane_decimate_m4 (x, y, n, a, b, columns, &plain);
      kasane_decimate_m4_summary (x, y, n, summary, a, b, columns, &fast);
      g_assert_cmpuint (plain.n_vertices, ==, fast.n_vertices);
      for (guint k = 0; k < plain.n_vertices; k++)
        {
          g_assert_cmpuint (plain.index[k], ==, fast.index[k]);
          g_assert_cmpuint (plain.move[k], ==, fast.move[k]);
        }
      check_m4 (x, y, n, a, b, columns, &fast);
    }
  kasane_decimation_clear (&plain);
  kasane_decimation_clear (&fast);
  kasane_decimate_summary_free (summary);
  g_rand_free (rand);
}

static void
test_decimate_million (void)
{
  g_autofree double *x = NULL;
  g_autofree float *y = NULL;
  KasaneDecimation dec;
  guint n = 1000000;
  double best = INFINITY;

  random_walk (n, 7, &x, &y);
  KasaneDecimateSummary *summary;
  double best_summary = INFINITY;

  kasane_decimation_init (&dec);
  for (int round = 0; round < 20; round++)
    {
      gint64 start = g_get_monotonic_time ();

      kasane_decimate_m4 (x, y, n, x[0], x[n - 1], 1600, &dec);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  check_m4 (x, y, n, x[0], x[n - 1], 1600, &dec);

  summary = kasane_decimate_summary_new (x, y, n);
  for (int round = 0; round < 20; round++)
    {
      gint64 start = g_get_monotonic_time ();

      kasane_decimate_m4_summary (x, y, n, summary, x[0], x[n - 1], 1600, &dec);
      best_summary = MIN (best_summary, (g_get_monotonic_time () - start) / 1000.0);
    }
  check_m4 (x, y, n, x[0], x[n - 1], 1600, &dec);
  g_test_message ("M4 of 1,000,000 points into 1600 columns: %.2f ms from the arrays, "
                  "%.2f ms with the block summary (best of 20), %u vertices",
                  best, best_summary, dec.n_vertices);
  if (g_test_perf ())
    g_test_minimized_result (best_summary / 1000.0, "decimate 1M points: %.3f ms", best_summary);
  kasane_decimate_summary_free (summary);
  kasane_decimation_clear (&dec);
}

/* ---- Datasets --------------------------------------------------------------------- */

static KasaneDataset *
synthetic_dataset (guint n_points,
                   guint n_events)
{
  KasaneDataset *dataset = kasane_dataset_new ();
  KasaneSeries *series = kasane_series_new ();
  KasaneLayer *layer;
  GRand *rand = g_rand_new_with_seed (1);
  double t0 = (double) kasane_days_from_civil (2020, 1, 1) * 86400.0;
  double v = 100, dt = 365 * 86400.0 / MAX (n_points, 1);

  dataset->id = g_strdup ("big");
  dataset->title.en = g_strdup ("A million points");

  layer = kasane_layer_new ();
  layer->id = g_strdup ("l1");
  layer->level = 1;
  layer->name.en = g_strdup ("First layer");
  layer->has_since = TRUE;
  layer->since.t = t0;
  layer->since.precision = KASANE_PRECISION_MONTH;
  g_ptr_array_add (dataset->layers, layer);
  layer = kasane_layer_new ();
  layer->id = g_strdup ("l2");
  layer->level = 2;
  layer->name.en = g_strdup ("Second layer");
  layer->has_since = TRUE;
  layer->since.t = t0 + 180 * 86400.0;
  layer->since.precision = KASANE_PRECISION_DAY;
  g_ptr_array_add (dataset->layers, layer);

  series->id = g_strdup ("walk");
  series->name.en = g_strdup ("Random walk");
  series->unit = g_strdup ("USD");
  series->source = kasane_source_new ("Generated", "https://example.org", "2026-01-02");
  series->layer = 0;
  series->n_points = n_points;
  series->x = g_new (double, n_points);
  series->y = g_new (double, n_points);
  series->precision = g_new0 (guint8, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      series->x[i] = t0 + i * dt;
      v += g_rand_double_range (rand, -1, 1);
      series->y[i] = v;
      series->precision[i] = KASANE_PRECISION_SECOND;
    }
  g_ptr_array_add (dataset->series, series);

  /* Events crowded into one month, with long labels: they must not collide. */
  for (guint i = 0; i < n_events; i++)
    {
      KasaneEvent *event = kasane_event_new ();

      event->date.t = t0 + 86400.0 * (3 + (i * 29) / MAX (n_events, 1)) + i;
      event->date.precision = KASANE_PRECISION_DAY;
      event->label.en = g_strdup_printf ("Event number %u with a long label", i);
      event->layer = -1;
      g_ptr_array_add (dataset->events, event);
    }
  g_rand_free (rand);
  return dataset;
}

static void
assert_texts_inside (const KasaneTrendLayout *layout)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KasaneTrendText *t = &g_array_index (layout->texts, KasaneTrendText, i);

      if (t->text == NULL || t->text[0] == '\0')
        continue;
      g_assert_cmpfloat (t->x, >=, 0);
      g_assert_cmpfloat (t->y, >=, 0);
      g_assert_cmpfloat (t->x + t->width, <=, layout->width + 1e-6);
      g_assert_cmpfloat (t->y + t->height, <=, layout->height + 1e-6);
    }
}

static gboolean
rects_overlap (const KasaneTrendText *a,
               const KasaneTrendText *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
assert_no_label_collisions (const KasaneTrendLayout *layout,
                            KasaneTrendTextRole      role)
{
  for (guint i = 0; i < layout->texts->len; i++)
    for (guint k = i + 1; k < layout->texts->len; k++)
      {
        const KasaneTrendText *a = &g_array_index (layout->texts, KasaneTrendText, i);
        const KasaneTrendText *b = &g_array_index (layout->texts, KasaneTrendText, k);

        if (a->role != role || b->role != role || a->width == 0 || b->width == 0)
          continue;
        if (rects_overlap (a, b))
          g_error ("\"%s\" and \"%s\" overlap", a->text, b->text);
      }
}

static void
test_events_collide_never (void)
{
  g_autoptr(KasaneDataset) dataset = synthetic_dataset (2000, 60);
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_fake (0.6);
  const double sizes[][2] = { { 1600, 900 }, { 800, 600 }, { 400, 300 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      KasaneTrendParams params;
      g_autoptr(KasaneTrendLayout) a = NULL;
      g_autoptr(KasaneTrendLayout) b = NULL;
      guint labelled = 0, more = 0;

      kasane_trend_params_init (&params);
      params.width = sizes[s][0];
      params.height = sizes[s][1];
      a = kasane_trend_layout_new (dataset, NULL, &params, measure);
      b = kasane_trend_layout_new (dataset, NULL, &params, measure);

      assert_no_label_collisions (a, KASANE_TREND_TEXT_EVENT);
      assert_no_label_collisions (a, KASANE_TREND_TEXT_DIRECT);
      assert_no_label_collisions (a, KASANE_TREND_TEXT_X_TICK);
      assert_texts_inside (a);

      /* Every event in the window has a marker; labels are placed or counted. */
      g_assert_cmpuint (a->events->len, ==, 60);
      for (guint i = 0; i < a->events->len; i++)
        {
          KasaneTrendEventMark *ma = &g_array_index (a->events, KasaneTrendEventMark, i);
          KasaneTrendEventMark *mb = &g_array_index (b->events, KasaneTrendEventMark, i);

          /* Deterministic: the same layout twice. */
          g_assert_cmpint (ma->row, ==, mb->row);
          g_assert_cmpint (ma->text, ==, mb->text);
          if (ma->text >= 0)
            {
              KasaneTrendText *ta = &g_array_index (a->texts, KasaneTrendText, ma->text);
              KasaneTrendText *tb = &g_array_index (b->texts, KasaneTrendText, mb->text);

              g_assert_cmpfloat (ta->x, ==, tb->x);
              g_assert_cmpfloat (ta->y, ==, tb->y);
              g_assert_cmpstr (ta->text, ==, tb->text);
              g_assert_cmpint (ma->row, >=, 0);
              g_assert_cmpint (ma->row, <, a->n_event_rows);
              labelled++;
            }
        }
      for (guint i = 0; i < a->texts->len; i++)
        more += g_array_index (a->texts, KasaneTrendText, i).role == KASANE_TREND_TEXT_MORE;
      g_assert_cmpuint (labelled, >, 0);
      g_assert_cmpuint (more, ==, labelled < 60 ? 1 : 0);
    }
}

typedef struct
{
  const char *file;
  guint       n_panels;
  guint       n_eras;
  guint       n_featured;     /* the series the chart opens with */
  const char *headline;       /* the start of a panel title, in English */
} BundledCase;

static void
test_bundled_layout (void)
{
  const BundledCase cases[] = {
    { "ai.json", 2, 3, 2, "The length of task an AI agent finishes half the time" },
    { "crypto.json", 2, 3, 5, "Value secured on L2s rose from $11 bn to $42 bn" },
  };
  const char *langs[] = { "en", "ja" };
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_fake (0.6);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled (cases[c].file);
        g_autoptr(KasaneTrendLayout) layout = NULL;
        g_autoptr(KasaneTrendLayout) toggled = NULL;
        KasaneTrendParams params;
        KasaneTrendHit hit;
        guint n_era_labels = 0, n_sources = 0;

        kasane_trend_params_init (&params);
        params.lang = langs[l];
        layout = kasane_trend_layout_new (dataset, NULL, &params, measure);

        g_assert_cmpuint (layout->panels->len, ==, cases[c].n_panels);
        g_assert_cmpuint (layout->eras->len, ==, cases[c].n_eras);
        for (guint i = 0; i < layout->eras->len; i++)
          {
            KasaneTrendEra *era = &g_array_index (layout->eras, KasaneTrendEra, i);

            g_assert_cmpint (era->tint, ==, era->layer % 2);
            g_assert_cmpfloat (era->x0, <, era->x1);
            n_era_labels += era->text >= 0;
          }
        g_assert_cmpuint (n_era_labels, >=, 2);
        g_assert_cmpuint (layout->events->len, >, 0);
        /* It opens with the featured series, one message per panel: the headline of
         * its first featured series titles it; only featured events are labelled. */
        g_assert_cmpuint (layout->legend->len, ==, cases[c].n_featured);
        for (guint i = 0; i < kasane_trend_data_get_n_series (layout->data); i++)
          g_assert_true (kasane_trend_data_get_series (layout->data, i)->featured);
        if (g_str_equal (langs[l], "en"))
          {
            gboolean found = FALSE;

            for (guint p = 0; p < layout->panels->len; p++)
              {
                KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, p);
                const char *title = g_array_index (layout->texts, KasaneTrendText,
                                                   panel->title).text;

                found = found || g_str_has_prefix (title, cases[c].headline);
              }
            g_assert_true (found);
          }
        {
          guint labelled = 0;

          for (guint i = 0; i < layout->events->len; i++)
            {
              KasaneTrendEventMark *m = &g_array_index (layout->events, KasaneTrendEventMark, i);

              if (m->text >= 0)
                {
                  g_assert_true (((KasaneEvent *) g_ptr_array_index (dataset->events,
                                                                     m->event))->featured);
                  labelled++;
                }
            }
          g_assert_cmpuint (labelled, <=, 5);
          g_assert_cmpuint (labelled, >, 0);
        }
        g_assert_cmpuint (layout->x_ticks->len, >=, 3);
        assert_texts_inside (layout);
        assert_no_label_collisions (layout, KASANE_TREND_TEXT_EVENT);
        assert_no_label_collisions (layout, KASANE_TREND_TEXT_DIRECT);
        assert_no_label_collisions (layout, KASANE_TREND_TEXT_X_TICK);
        assert_no_label_collisions (layout, KASANE_TREND_TEXT_Y_TICK);
        assert_no_label_collisions (layout, KASANE_TREND_TEXT_LEGEND);
        for (guint i = 0; i < layout->texts->len; i++)
          n_sources += g_array_index (layout->texts, KasaneTrendText, i).role ==
                       KASANE_TREND_TEXT_SOURCE;
        g_assert_cmpuint (n_sources, >, 0);

        /* Panels stack without overlapping and share the x extent. */
        for (guint p = 1; p < layout->panels->len; p++)
          {
            KasaneTrendPanel *a = &g_array_index (layout->panels, KasaneTrendPanel, p - 1);
            KasaneTrendPanel *b = &g_array_index (layout->panels, KasaneTrendPanel, p);

            g_assert_cmpfloat (a->plot.y + a->plot.height, <, b->plot.y);
            g_assert_cmpfloat (a->plot.x, ==, b->plot.x);
            g_assert_cmpfloat (a->plot.width, ==, b->plot.width);
          }

        /* A legend entry hit names its series; the toggled layout hides it. */
        for (guint i = 0; i < layout->legend->len; i++)
          {
            KasaneTrendLegendEntry *e = &g_array_index (layout->legend, KasaneTrendLegendEntry, i);

            g_assert_true (kasane_trend_layout_hit_test (layout, e->rect.x + e->rect.width / 2,
                                                         e->rect.y + e->rect.height / 2, 8, &hit));
            g_assert_cmpint (hit.kind, ==, KASANE_TREND_HIT_LEGEND);
            g_assert_cmpint (hit.series, ==, (int) i);
          }
        params.hidden = 1 << 1;
        toggled = kasane_trend_layout_new (dataset, NULL, &params, measure);
        g_assert_false (g_array_index (toggled->legend, KasaneTrendLegendEntry, 1).visible);
        g_assert_true (g_array_index (toggled->legend, KasaneTrendLegendEntry, 0).visible);
        g_assert_false (g_array_index (toggled->paths, KasaneTrendSeriesPath, 1).visible);
        g_assert_cmpuint (g_array_index (toggled->paths, KasaneTrendSeriesPath, 1).n, ==, 0);
        g_assert_cmpint (g_array_index (toggled->paths, KasaneTrendSeriesPath, 1).end_text, ==, -1);

        /* A point hit, at a drawn vertex of the first series. */
        {
          KasaneTrendSeriesPath *path = &g_array_index (layout->paths, KasaneTrendSeriesPath, 0);
          guint k = path->n / 2;

          g_assert_cmpuint (path->n, >, 0);
          g_assert_true (kasane_trend_layout_hit_test (layout, path->px[k], path->py[k], 6, &hit));
          g_assert_cmpint (hit.kind, ==, KASANE_TREND_HIT_POINT);
          g_assert_cmpint (hit.panel, ==, path->panel);
          /* Another series' point may sit on the same spot; the hit is one of them. */
          if (hit.series == 0)
            g_assert_cmpuint (hit.point, ==, path->index[k]);
        }

        /* Far from everything: nothing, or a panel. */
        g_assert_false (kasane_trend_layout_hit_test (layout, 1, layout->height - 1, 6, &hit));
        g_assert_cmpint (hit.kind, ==, KASANE_TREND_HIT_NONE);
      }
}

/* Every series of `dataset`, in file order (NULL would chart the featured ones). */
static const char **
all_series_ids (KasaneDataset *dataset)
{
  const char **ids = g_new0 (const char *, dataset->series->len + 1);

  for (guint i = 0; i < dataset->series->len; i++)
    ids[i] = ((KasaneSeries *) g_ptr_array_index (dataset->series, i))->id;
  return ids;
}

static void
test_hover_and_zoom (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled ("crypto.json");
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_fake (0.6);
  g_autofree const char **all = all_series_ids (dataset);
  g_autoptr(KasaneTrendData) data = kasane_trend_data_new (dataset, all);
  g_autoptr(KasaneTrendLayout) hover = NULL;
  g_autoptr(KasaneTrendLayout) zoomed = NULL;
  KasaneTrendParams params;
  guint n_readout = 0;
  double x0, x1;
  const char * const ids[] = { "l2-chains-launched", "no-such-series", "bridge-hacks", NULL };
  g_autoptr(KasaneTrendData) chosen = kasane_trend_data_new (dataset, ids);

  kasane_trend_params_init (&params);
  params.hover_series = 1;   /* l1-fee-mean-days: points with labels */
  params.hover_point = 1;
  hover = kasane_trend_layout_new_for_data (data, &params, measure);
  g_assert_true (hover->has_hover);
  for (guint i = 0; i < hover->texts->len; i++)
    n_readout += g_array_index (hover->texts, KasaneTrendText, i).role == KASANE_TREND_TEXT_READOUT;
  g_assert_cmpuint (n_readout, ==, 4);   /* name, value, date, point label */
  g_assert_cmpfloat (hover->readout.x, >=, 0);
  g_assert_cmpfloat (hover->readout.x + hover->readout.width, <=, hover->width);
  assert_texts_inside (hover);

  /* The same read-out moved into a layout made without it: same box, same texts. */
  {
    g_autoptr(KasaneTrendLayout) moved = NULL;
    guint n_texts;

    params.hover_series = -1;
    moved = kasane_trend_layout_new_for_data (data, &params, measure);
    g_assert_false (moved->has_hover);
    n_texts = moved->texts->len;
    kasane_trend_layout_set_hover (moved, 1, 1, measure);
    g_assert_true (moved->has_hover);
    g_assert_cmpuint (moved->texts->len, ==, n_texts + 4);
    g_assert_cmpuint (moved->texts->len, ==, hover->texts->len);
    g_assert_cmpfloat (moved->readout.x, ==, hover->readout.x);
    g_assert_cmpfloat (moved->readout.y, ==, hover->readout.y);
    g_assert_cmpfloat (moved->readout.width, ==, hover->readout.width);
    g_assert_cmpfloat (moved->hover_x, ==, hover->hover_x);
    /* Moving it again replaces the read-out; none leaves no read-out. */
    kasane_trend_layout_set_hover (moved, 1, 2, measure);
    g_assert_cmpuint (moved->texts->len, >=, n_texts + 3);
    for (guint i = 0; i < moved->texts->len; i++)
      g_assert_cmpint (g_array_index (moved->texts, KasaneTrendText, i).role ==
                       KASANE_TREND_TEXT_READOUT, ==, i >= n_texts);
    kasane_trend_layout_set_hover (moved, -1, -1, measure);
    g_assert_false (moved->has_hover);
    g_assert_cmpuint (moved->texts->len, ==, n_texts);
    params.hover_series = 1;
  }

  /* Zoom: the same data, a narrower window; x ↔ data round trip. */
  kasane_trend_data_get_default_window (data, &x0, &x1);
  params.hover_series = -1;
  params.view_x0 = (double) kasane_days_from_civil (2023, 11, 15) * 86400.0;
  params.view_x1 = (double) kasane_days_from_civil (2024, 2, 10) * 86400.0;
  zoomed = kasane_trend_layout_new_for_data (data, &params, measure);
  g_assert_cmpfloat (zoomed->x0, ==, params.view_x0);
  g_assert_cmpfloat_with_epsilon (kasane_trend_layout_x_to_data (zoomed,
                                    kasane_trend_layout_data_to_x (zoomed, params.view_x0 + 1e6)),
                                  params.view_x0 + 1e6, 1e-3);
  g_assert_cmpuint (zoomed->x_ticks->len, >=, 3);
  assert_texts_inside (zoomed);

  /* Zoomed in, a panel's y axis spans what is visible: the count of chains launched,
   * which grows over years, is stretched over the plot for these three months.  The
   * plot's left edge stays where it was, so zooming keeps the pointer's point. */
  {
    g_autoptr(KasaneTrendLayout) whole = NULL;
    const KasaneTrendPanel *pw, *pz;

    params.view_x0 = params.view_x1 = NAN;
    whole = kasane_trend_layout_new_for_data (data, &params, measure);
    g_assert_cmpuint (whole->panels->len, ==, zoomed->panels->len);
    g_assert_cmpfloat (whole->plot_left, ==, zoomed->plot_left);
    for (guint p = 0; p < whole->panels->len; p++)
      {
        pw = &g_array_index (whole->panels, KasaneTrendPanel, p);
        pz = &g_array_index (zoomed->panels, KasaneTrendPanel, p);
        g_assert_cmpfloat (fabs (pz->span), >=, fabs (pw->span) * 0.999);
      }
    /* The chains panel (linear, after USD/tx, tx/day and USD). */
    pw = &g_array_index (whole->panels, KasaneTrendPanel, 3);
    pz = &g_array_index (zoomed->panels, KasaneTrendPanel, 3);
    g_assert_cmpint (pw->scale, ==, KASANE_SCALE_LINEAR);
    g_assert_cmpfloat (fabs (pz->span), >, fabs (pw->span) * 1.5);
  }

  /* A chosen subset, in the given order; unknown ids are skipped. */
  g_assert_cmpuint (kasane_trend_data_get_n_series (chosen), ==, 2);
  g_assert_cmpstr (kasane_trend_data_get_series (chosen, 0)->id, ==, "l2-chains-launched");
  g_assert_cmpstr (kasane_trend_data_get_series (chosen, 1)->id, ==, "bridge-hacks");
}

/* Short canvases: the sources shrink to one paragraph and the events to fewer rows
 * before the panels would run into them; nothing overlaps from the panels down. */
static void
test_short_canvas (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled ("crypto.json");
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();
  /* Every series (fourteen): sources enough to need shrinking. */
  g_autofree const char **all = all_series_ids (dataset);
  g_autoptr(KasaneTrendData) data = kasane_trend_data_new (dataset, all);
  static const double sizes[][2] = { { 1000, 420 }, { 1280, 480 }, { 1920, 1080 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(KasaneTrendLayout) layout = NULL;
      KasaneTrendParams params;
      double x_ticks_bottom = 0, sources_top = INFINITY;
      guint n_sources = 0;

      kasane_trend_params_init (&params);
      params.width = sizes[k][0];
      params.height = sizes[k][1];
      layout = kasane_trend_layout_new_for_data (data, &params, measure);
      assert_texts_inside (layout);

      for (guint i = 0; i < layout->texts->len; i++)
        {
          const KasaneTrendText *t = &g_array_index (layout->texts, KasaneTrendText, i);

          if (t->role == KASANE_TREND_TEXT_X_TICK)
            x_ticks_bottom = MAX (x_ticks_bottom, t->y + t->height);
          else if (t->role == KASANE_TREND_TEXT_SOURCE)
            {
              sources_top = MIN (sources_top, t->y);
              n_sources++;
            }
        }
      g_assert_cmpuint (n_sources, >, 0);
      g_assert_cmpfloat (layout->plots_bottom, <=, x_ticks_bottom);
      g_assert_cmpfloat (x_ticks_bottom, <=, sources_top + 0.5);
      /* Full sources, one per line, where there is room. */
      if (params.height >= 1080)
        g_assert_cmpuint (n_sources, >, 1);
      else if (params.height <= 420)
        g_assert_cmpuint (n_sources, ==, 1);
    }
}

static void
test_paint_themes (void)
{
  const char *files[] = { "ai.json", "crypto.json" };
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (KasaneTheme theme = KASANE_THEME_LIGHT; theme <= KASANE_THEME_CONTRAST; theme++)
      {
        g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled (files[f]);
        g_autoptr(KasaneTrendLayout) layout = NULL;
        KasaneTrendParams params;
        cairo_surface_t *surface;
        cairo_t *cr;

        kasane_trend_params_init (&params);
        params.theme = theme;
        params.lang = theme == KASANE_THEME_DARK ? "ja" : "en";
        params.hover_series = 0;
        params.hover_point = 3;
        layout = kasane_trend_layout_new (dataset, NULL, &params, measure);
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
        cr = cairo_create (surface);
        kasane_trend_paint (cr, layout, kasane_palette_get (theme));
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
      }
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
test_million_points (void)
{
  g_autoptr(KasaneDataset) dataset = synthetic_dataset (1000000, 12);
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();
  g_autoptr(KasaneTrendData) data = NULL;
  KasaneTrendParams params;
  cairo_surface_t *surface;
  double times[51], data_ms;
  gsize svg_bytes = 0;
  gint64 start;

  kasane_trend_params_init (&params);

  start = g_get_monotonic_time ();
  data = kasane_trend_data_new (dataset, NULL);
  data_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* One frame: layout + paint into a 1600×900 image; the first is a warm-up. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      KasaneTrendLayout *layout;
      cairo_t *cr;

      start = g_get_monotonic_time ();
      layout = kasane_trend_layout_new_for_data (data, &params, measure);
      cr = cairo_create (surface);
      kasane_trend_paint (cr, layout, kasane_palette_get (KASANE_THEME_LIGHT));
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      kasane_trend_layout_free (layout);
    }
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  qsort (times + 1, G_N_ELEMENTS (times) - 1, sizeof (double), compare_doubles);
  g_test_message ("1,000,000 points: data work %.1f ms once; one frame (layout + paint, "
                  "1600x900 image) median %.2f ms of 50, min %.2f, max %.2f",
                  data_ms, times[25], times[1], times[50]);
  if (g_test_perf ())
    g_test_minimized_result (times[25] / 1000.0, "trend frame at 1M points: %.3f ms", times[25]);

  /* SVG: only the decimated path is drawn, so the file stays small. */
  {
    g_autoptr(KasaneTrendLayout) layout = kasane_trend_layout_new_for_data (data, &params, measure);
    cairo_t *cr;

    surface = cairo_svg_surface_create_for_stream (count_bytes, &svg_bytes, 1600, 900);
    cr = cairo_create (surface);
    kasane_trend_paint (cr, layout, kasane_palette_get (KASANE_THEME_LIGHT));
    cairo_destroy (cr);
    cairo_surface_finish (surface);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    g_test_message ("SVG at 1,000,000 points: %" G_GSIZE_FORMAT " bytes", svg_bytes);
    g_assert_cmpuint (svg_bytes, <, 200 * 1000);
  }
}

/* A bundled dataset's chart as it opens (its featured series), at a size, text scale
 * and language.  The layout keeps the dataset. */
static KasaneTrendLayout *
bundled_chart (const char    *file,
               const char    *lang,
               double         width,
               double         height,
               double         text_scale,
               KasaneMeasure *measure)
{
  g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled (file);
  KasaneTrendParams params;

  kasane_trend_params_init (&params);
  params.width = width;
  params.height = height;
  params.text_scale = text_scale;
  params.lang = lang;
  return kasane_trend_layout_new (dataset, NULL, &params, measure);
}

/* Every text a chart sets is whole characters: an era label shortened to its first word
 * once cut "エージェント" inside a character (a byte search for "（"). */
static void
test_texts_valid (void)
{
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();
  const char *files[] = { "ai.json", "crypto.json" };
  const double sizes[][2] = { { 800, 600 }, { 640, 480 }, { 1280, 720 } };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(KasaneTrendLayout) layout = bundled_chart (files[f], "ja", sizes[z][0],
                                                             sizes[z][1], 1.0, measure);

        for (guint i = 0; i < layout->texts->len; i++)
          {
            const char *text = g_array_index (layout->texts, KasaneTrendText, i).text;

            if (text != NULL && !g_utf8_validate (text, -1, NULL))
              g_error ("%s at %.0fx%.0f: a text is not valid UTF-8", files[f], sizes[z][0],
                       sizes[z][1]);
          }
      }
}

/* No label of a chart sits on a data point: a name at a line's end, an event's label or
 * a panel's title never hides what the chart is about (the bundled charts as they open,
 * both languages, a desk and a projector size). */
static void
test_labels_hide_no_point (void)
{
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();
  const char *files[] = { "ai.json", "crypto.json" };
  const char *langs[] = { "en", "ja" };
  const double sizes[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          g_autoptr(KasaneTrendLayout) layout = bundled_chart (files[f], langs[l], sizes[z][0],
                                                               sizes[z][1], 1.0, measure);

          for (guint i = 0; i < layout->texts->len; i++)
            {
              const KasaneTrendText *t = &g_array_index (layout->texts, KasaneTrendText, i);

              if (t->role != KASANE_TREND_TEXT_DIRECT && t->role != KASANE_TREND_TEXT_EVENT &&
                  t->role != KASANE_TREND_TEXT_PANEL)
                continue;
              for (guint p = 0; p < layout->paths->len; p++)
                {
                  const KasaneTrendSeriesPath *path = &g_array_index (layout->paths,
                                                                      KasaneTrendSeriesPath, p);

                  for (guint k = 0; k < path->n; k++)
                    if (path->px[k] > t->x + 1 && path->px[k] < t->x + t->width - 1 &&
                        path->py[k] > t->y + 1 && path->py[k] < t->y + t->height - 1)
                      g_error ("%s %s %.0fx%.0f: \"%s\" covers a point of series %u at (%.0f, %.0f)",
                               files[f], langs[l], sizes[z][0], sizes[z][1], t->text, p,
                               path->px[k], path->py[k]);
                }
            }
        }
}

/* The bundled charts as they open, at 1920×1080 (and zoomed in), name everything whole:
 * no legend entry, no name at a line's end, no panel title, no era (a shorter word
 * instead), no featured event and no source line (with its retrieval date) is cut
 * with "…". */
static void
test_names_whole (void)
{
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();
  const char *files[] = { "ai.json", "crypto.json" };
  const char *langs[] = { "en", "ja" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        /* The second zoomed in, as on a projector: sources no longer fit side by side. */
        g_autoptr(KasaneTrendLayout) layout = bundled_chart (files[f], langs[l], 1920, 1080,
                                                             f == 0 ? 1.0 : 1.5, measure);
        guint checked = 0;

        for (guint i = 0; i < layout->texts->len; i++)
          {
            const KasaneTrendText *t = &g_array_index (layout->texts, KasaneTrendText, i);
            KasaneTextExtents ext;

            if (t->role != KASANE_TREND_TEXT_LEGEND && t->role != KASANE_TREND_TEXT_DIRECT &&
                t->role != KASANE_TREND_TEXT_PANEL && t->role != KASANE_TREND_TEXT_SOURCE &&
                t->role != KASANE_TREND_TEXT_ERA && t->role != KASANE_TREND_TEXT_EVENT)
              continue;
            if (t->text == NULL || *t->text == '\0')
              continue;
            kasane_measure_text (measure, t->text, &t->font, layout->lang, t->max_width,
                                 t->max_lines, &ext);
            if (ext.ellipsized)
              g_error ("%s %s: \"%s\" is cut", files[f], langs[l], t->text);
            checked++;
          }
        g_assert_cmpuint (checked, >, 4);
      }
}

static gboolean
trend_rects_overlap (const KasaneTrendText *a,
                     const KasaneTrendText *b)
{
  return a->x < b->x + b->width - 0.5 && b->x < a->x + a->width - 0.5 &&
         a->y < b->y + b->height - 0.5 && b->y < a->y + a->height - 0.5;
}

/* Text floors (see kasane_text_floor_for_*()): the bundled charts as they open, at export
 * sizes and at the canvas of a full-screen, sidebar, 1280×720 and 800×600 window, both
 * languages.  Every text at the floor or larger, none cut short, none over another, and
 * no label over a data point. */
static void
test_floors (void)
{
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();
  const char *files[] = { "ai.json", "crypto.json" };
  const char *langs[] = { "en", "ja" };
  /* width, height, window?, canvas width, canvas height */
  static const double sizes[][5] = {
    { 1920, 1080, 0 }, { 1280, 720, 0 }, { 1080, 1080, 0 },
    { 1920, 1080, 1, 1920, 1080 }, { 1920, 1080, 1, 1665, 990 }, { 1280, 720, 1, 1025, 640 },
    { 800, 600, 1, 800, 520 },
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled (files[f]);
          g_autoptr(KasaneTrendLayout) layout = NULL;
          KasaneTrendParams params;
          gboolean window = sizes[z][2] != 0;
          char what[96];

          kasane_trend_params_init (&params);
          params.width = window ? sizes[z][3] : sizes[z][0];
          params.height = window ? sizes[z][4] : sizes[z][1];
          params.lang = langs[l];
          params.min_text_px = window
            ? kasane_text_floor_for_window (sizes[z][0], sizes[z][1], sizes[z][3] == sizes[z][0])
            : kasane_text_floor_for_picture (sizes[z][0], sizes[z][1]);
          layout = kasane_trend_layout_new (dataset, NULL, &params, measure);
          g_snprintf (what, sizeof what, "%s %s %.0fx%.0f (floor %.1f px)", files[f], langs[l],
                      params.width, params.height, params.min_text_px);

          for (guint i = 0; i < layout->texts->len; i++)
            {
              const KasaneTrendText *t = &g_array_index (layout->texts, KasaneTrendText, i);

              if (t->text == NULL || *t->text == '\0')
                continue;
              if (t->font.size < params.min_text_px - 1e-6)
                g_error ("%s: \"%s\" at %.2f px", what, t->text, t->font.size);
              if (t->cut)
                g_error ("%s: \"%s\" is cut short", what, t->text);
              if (t->x < -0.5 || t->y < -0.5 || t->x + t->width > params.width + 0.5 ||
                  t->y + t->height > params.height + 0.5)
                g_error ("%s: \"%s\" leaves the canvas", what, t->text);
              for (guint j = i + 1; j < layout->texts->len; j++)
                {
                  const KasaneTrendText *u = &g_array_index (layout->texts, KasaneTrendText, j);

                  if (u->text != NULL && *u->text != '\0' && trend_rects_overlap (t, u))
                    g_error ("%s: \"%s\" and \"%s\" overlap", what, t->text, u->text);
                }
              if (t->role != KASANE_TREND_TEXT_DIRECT && t->role != KASANE_TREND_TEXT_EVENT &&
                  t->role != KASANE_TREND_TEXT_PANEL)
                continue;
              for (guint p = 0; p < layout->paths->len; p++)
                {
                  const KasaneTrendSeriesPath *path = &g_array_index (layout->paths,
                                                                      KasaneTrendSeriesPath, p);

                  for (guint k = 0; path->visible && k < path->n; k++)
                    if (path->px[k] > t->x + 1 && path->px[k] < t->x + t->width - 1 &&
                        path->py[k] > t->y + 1 && path->py[k] < t->y + t->height - 1)
                      g_error ("%s: \"%s\" covers a point of series %u", what, t->text, p);
                }
            }
        }
}

static double
hue_of (const KasaneColor *c)
{
  double max = MAX (c->red, MAX (c->green, c->blue));
  double min = MIN (c->red, MIN (c->green, c->blue));
  double d = max - min, h;

  if (d < 1e-9)
    return -1;   /* grey: no hue */
  if (max == c->red)
    h = fmod ((c->green - c->blue) / d, 6);
  else if (max == c->green)
    h = (c->blue - c->red) / d + 2;
  else
    h = (c->red - c->green) / d + 4;
  h *= 60;
  return h < 0 ? h + 360 : h;
}

/* A series keeps its colour across themes: the same hue (within 30°) in light, dark and
 * contrast, or no hue in all three (black, white); and within a theme no two of the
 * eight series colours are alike (the dark palette had light's first and sixth swapped). */
static void
test_series_colours (void)
{
  const KasanePalette *themes[] = { kasane_palette_get (KASANE_THEME_LIGHT),
                                    kasane_palette_get (KASANE_THEME_DARK),
                                    kasane_palette_get (KASANE_THEME_CONTRAST) };

  for (guint i = 0; i < 8; i++)
    {
      double light = hue_of (&themes[0]->series[i]);

      for (guint t = 1; t < G_N_ELEMENTS (themes); t++)
        {
          double other = hue_of (&themes[t]->series[i]);
          double diff = fabs (light - other);

          if ((light < 0) != (other < 0))
            g_error ("series colour %u: a hue in one theme, grey in another", i);
          if (light >= 0 && MIN (diff, 360 - diff) > 30)
            g_error ("series colour %u: hue %.0f° in light, %.0f° in theme %u", i, light, other, t);
        }
    }
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint i = 0; i < 8; i++)
      for (guint k = i + 1; k < 8; k++)
        {
          const KasaneColor *a = &themes[t]->series[i], *b = &themes[t]->series[k];
          double dist = fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);

          if (dist < 0.25)
            g_error ("theme %u: series colours %u and %u are alike", t, i, k);
        }
}

static void
test_describe (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled ("crypto.json");
  g_autofree const char **all = g_new0 (const char *, dataset->series->len + 1);
  g_autofree char *en = NULL;
  g_autofree char *ja = NULL;
  g_autofree char *featured = kasane_trend_describe (dataset, NULL, "en");
  const char * const ids[] = { "l2-value-locked", NULL };
  g_autofree char *one = kasane_trend_describe (dataset, ids, "en");

  for (guint i = 0; i < dataset->series->len; i++)
    all[i] = ((KasaneSeries *) g_ptr_array_index (dataset->series, i))->id;
  en = kasane_trend_describe (dataset, all, "en");
  ja = kasane_trend_describe (dataset, all, "ja");
  /* By default, what the chart opens with: the featured series. */
  g_assert_nonnull (strstr (featured, "Ethereum L1 median transaction cost, monthly"));
  g_assert_null (strstr (featured, "Ethereum L1 mean fee"));

  g_assert_nonnull (strstr (en, "Ethereum L1 mean fee per transaction, monthly (USD/tx (mean)): "
                                "33 points from Jan 2021 to Sep 2023; it fell from $8.57 to $3.15"));
  g_assert_nonnull (strstr (en, "it rose from $1.67B to $9.32B"));
  g_assert_nonnull (strstr (en, "Rollups (L2) from Aug 2021"));
  g_assert_nonnull (strstr (ja, "に低下し"));
  g_assert_nonnull (strstr (ja, "2021年1月"));
  g_assert_null (strstr (one, "Ethereum L1 mean fee"));
  g_assert_nonnull (strstr (one, "Value locked on L2s"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trend/decimate/m4", test_decimate_m4);
  g_test_add_func ("/trend/decimate/gaps", test_decimate_gaps);
  g_test_add_func ("/trend/decimate/summary", test_decimate_summary);
  g_test_add_func ("/trend/decimate/million", test_decimate_million);
  g_test_add_func ("/trend/layout/events", test_events_collide_never);
  g_test_add_func ("/trend/layout/bundled", test_bundled_layout);
  g_test_add_func ("/trend/layout/hover-zoom", test_hover_and_zoom);
  g_test_add_func ("/trend/layout/short-canvas", test_short_canvas);
  g_test_add_func ("/trend/paint/themes", test_paint_themes);
  g_test_add_func ("/trend/paint/million", test_million_points);
  g_test_add_func ("/trend/describe", test_describe);
  g_test_add_func ("/trend/layout/texts-valid", test_texts_valid);
  g_test_add_func ("/trend/layout/labels-hide-no-point", test_labels_hide_no_point);
  g_test_add_func ("/trend/paint/series-colours", test_series_colours);
  g_test_add_func ("/trend/layout/names-whole", test_names_whole);
  g_test_add_func ("/trend/layout/floors", test_floors);

  return g_test_run ();
}
