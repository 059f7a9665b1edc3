/* trend-frame.c: one frame of the trend chart at a million points, as the window draws it
 *
 *   bench-trend-frame BIG.csv
 *
 * Loads the CSV as `kasane` does, does the data work once (KasaneTrendData), then times
 * 51 frames — layout (decimation, ticks, text) + paint into a 1600×900 image surface —
 * and prints the median of the 50 after the first, and the data work.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "kasane-loader.h"
#include "kasane-render.h"
#include "kasane-trend.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) dataset = NULL;
  g_autoptr(KasaneTrendData) data = NULL;
  g_autoptr(KasaneMeasure) measure = NULL;
  KasaneTrendParams params;
  cairo_surface_t *surface;
  double times[51], load_ms, data_ms;
  guint n_points = 0;
  gint64 start;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s BIG.csv\n", argv[0]);
      return 2;
    }

  start = g_get_monotonic_time ();
  dataset = kasane_load_file (argv[1], diagnostics);
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (dataset == NULL || kasane_diagnostics_count_errors (diagnostics) > 0)
    {
      g_autofree char *text = kasane_diagnostics_format (diagnostics);

      fprintf (stderr, "%s", text != NULL ? text : "cannot load\n");
      return 1;
    }
  for (guint i = 0; i < dataset->series->len; i++)
    n_points += ((KasaneSeries *) g_ptr_array_index (dataset->series, i))->n_points;

  measure = kasane_measure_new_pango ();
  start = g_get_monotonic_time ();
  data = kasane_trend_data_new (dataset, NULL);
  data_ms = (g_get_monotonic_time () - start) / 1000.0;

  kasane_trend_params_init (&params);
  params.width = 1600;
  params.height = 900;
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
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "cairo: %s\n", cairo_status_to_string (cairo_surface_status (surface)));
      return 1;
    }
  cairo_surface_destroy (surface);

  qsort (times + 1, G_N_ELEMENTS (times) - 1, sizeof (double), compare_doubles);
  printf ("frame_ms %.3f\nframe_min_ms %.3f\nframe_max_ms %.3f\nfirst_ms %.3f\n"
          "load_ms %.1f\ndata_ms %.1f\npoints %u\n",
          (times[25] + times[26]) / 2, times[1], times[50], times[0], load_ms, data_ms,
          n_points);
  return 0;
}
