/* slide-step.c: how long one slide step takes to lay out and paint, beside a Compare
 *
 *   bench-slide-step A.json B.json
 *
 * Builds the deck of the two datasets, then paints every slide step at 1920×1080 into
 * an image surface 21 times and prints the median of the last 20 for the median step and
 * the slowest step; the Compare diagram of the same datasets, laid out and painted the
 * same way, is the peer.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "kasane-deck.h"
#include "kasane-diagram.h"
#include "kasane-loader.h"
#include "kasane-render.h"

#define RUNS 21

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of runs 2 … RUNS (the first warms the font caches). */
static double
median_ms (double *times)
{
  qsort (times + 1, RUNS - 1, sizeof *times, compare_doubles);
  return times[1 + (RUNS - 1) / 2];
}

int
main (int    argc,
      char **argv)
{
  KasaneDataset *datasets[2];
  g_autoptr(KasaneDeck) deck = NULL;
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  g_autofree double *steps = NULL;
  double times[RUNS], compare_ms;
  guint n;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s A.json B.json\n", argv[0]);
      return 2;
    }
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();

      datasets[i] = kasane_load_file (argv[i + 1], diagnostics);
      if (datasets[i] == NULL)
        {
          fprintf (stderr, "%s does not load\n", argv[i + 1]);
          return 1;
        }
    }

  deck = kasane_deck_new (datasets, 2);
  n = kasane_deck_get_n_slides (deck);
  steps = g_new0 (double, n);
  for (guint s = 0; s < n; s++)
    {
      for (int r = 0; r < RUNS; r++)
        {
          cairo_t *cr = cairo_create (surface);
          g_autofree char *error = NULL;
          gint64 start = g_get_monotonic_time ();

          if (!kasane_deck_paint_slide (deck, s, cr, 1920, 1080, "en", KASANE_THEME_CONTRAST,
                                        measure, &error))
            {
              fprintf (stderr, "slide %u: %s\n", s + 1, error);
              return 1;
            }
          cairo_surface_flush (surface);
          times[r] = (g_get_monotonic_time () - start) / 1000.0;
          cairo_destroy (cr);
        }
      steps[s] = median_ms (times);
    }

  for (int r = 0; r < RUNS; r++)
    {
      cairo_t *cr = cairo_create (surface);
      KasaneDiagramParams params;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(KasaneDiagramLayout) layout = NULL;

      kasane_diagram_params_init (&params);
      layout = kasane_diagram_layout_new (datasets, 2, &params, measure);
      kasane_diagram_paint (cr, layout, kasane_palette_get (KASANE_THEME_CONTRAST));
      cairo_surface_flush (surface);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  compare_ms = median_ms (times);

  {
    double slowest = 0;
    guint at = 0;
    g_autofree double *sorted = g_memdup2 (steps, n * sizeof *steps);

    for (guint s = 0; s < n; s++)
      if (steps[s] > slowest)
        {
          slowest = steps[s];
          at = s;
        }
    qsort (sorted, n, sizeof *sorted, compare_doubles);
    printf ("one slide step, layout + paint at 1920x1080: median %.1f ms over %u steps, "
            "slowest %.1f ms (step %u)\n", sorted[n / 2], n, slowest, at + 1);
    printf ("peer: the Compare diagram, layout + paint at 1920x1080: %.1f ms\n", compare_ms);
  }

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
  cairo_surface_destroy (surface);
  return 0;
}
