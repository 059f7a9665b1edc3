/* whatif-recompute.c: how long one what-if edit takes to show, beside a plain redraw
 *
 *   bench-whatif-recompute A.json B.json GENERATED.json
 *
 * One edit (a problem's weight set, alternating between two values so that every edit
 * is a real change) made on B as the Compare view shows A and B, and on GENERATED (an
 * 8-layer, 30-problem dataset) shown alone: the compounding what-if, the ledger, the
 * robustness (every single change tried), and the visible view's layout and paint at
 * 1920×1080.  Prints the median and the slowest of 41 edits (after one to warm the font
 * caches) beside the budget of one frame, 16 ms, and the peer: the same view redrawn
 * from the file's data, with no edit.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "kasane-diagram.h"
#include "kasane-ledger.h"
#include "kasane-loader.h"
#include "kasane-render.h"
#include "kasane-robustness.h"
#include "kasane-whatif.h"

#define RUNS 41

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static KasaneDataset *
load (const char *path)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  KasaneDataset *dataset = kasane_load_file (path, diagnostics);

  if (dataset == NULL)
    {
      g_autofree char *faults = kasane_diagnostics_format (diagnostics);

      fprintf (stderr, "%s does not load:\n%s", path, faults);
      exit (1);
    }
  return dataset;
}

/* The view of `datasets` with the last one edited (edit TRUE) or as it is: the times of
 * RUNS + 1 rounds, the first a warm-up. */
static void
measure_rounds (KasaneDataset  **datasets,
                guint            n,
                gboolean         edit,
                KasaneMeasure   *measure,
                cairo_surface_t *surface,
                double          *times)
{
  KasaneDataset *file = datasets[n - 1];
  KasaneProblem *problem = g_ptr_array_index (file->problems, 0);
  KasaneDataset *shown = kasane_dataset_ref (file);

  for (int r = 0; r <= RUNS; r++)
    {
      KasaneChange change = { KASANE_CHANGE_WEIGHT, 0, -1, 0,
                              r % 2 == 0 ? (problem->weight == 5 ? 4 : problem->weight + 1)
                                         : (problem->weight == 1 ? 2 : problem->weight - 1), 0 };
      g_autofree KasaneDataset **view = g_memdup2 (datasets, n * sizeof *datasets);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      KasaneDiagramParams params;
      g_autoptr(KasaneDiagramLayout) layout = NULL;

      if (edit)
        {
          KasaneDataset *next = kasane_whatif_edit (shown, &change, NULL);

          if (next == NULL)
            {
              fprintf (stderr, "the edit did not apply\n");
              exit (1);
            }
          kasane_dataset_unref (shown);
          shown = next;
        }
      view[n - 1] = shown;
      /* The view on screen: its data computes each dataset's ledger and robustness (the
       * badge and the "holds under K of N" beside it), then its layout and paint.  (The
       * other views catch up when they are shown.) */
      kasane_diagram_params_init (&params);
      layout = kasane_diagram_layout_new (view, n, &params, measure);
      kasane_diagram_paint (cr, layout, kasane_palette_get (KASANE_THEME_LIGHT));
      cairo_surface_flush (surface);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  kasane_dataset_unref (shown);
}

static void
report (const char      *what,
        KasaneDataset  **datasets,
        guint            n,
        KasaneMeasure   *measure,
        cairo_surface_t *surface)
{
  double edits[RUNS + 1], redraws[RUNS + 1];

  measure_rounds (datasets, n, TRUE, measure, surface, edits);
  measure_rounds (datasets, n, FALSE, measure, surface, redraws);
  qsort (edits + 1, RUNS, sizeof (double), compare_doubles);
  qsort (redraws + 1, RUNS, sizeof (double), compare_doubles);
  printf ("%s: one edit shown (what-if, ledger, robustness, layout, paint): median %.1f ms, "
          "slowest %.1f ms (budget 16 ms)\n", what, edits[1 + RUNS / 2], edits[RUNS]);
  printf ("peer: %s redrawn from the file's data, no edit: median %.1f ms\n", what,
          redraws[1 + RUNS / 2]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  KasaneDataset *pair[2], *generated;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s A.json B.json GENERATED.json\n", argv[0]);
      return 2;
    }
  pair[0] = load (argv[1]);
  pair[1] = load (argv[2]);
  generated = load (argv[3]);
  report ("Compare of the bundled pair", pair, 2, measure, surface);
  report ("8 layers, 30 problems, alone", &generated, 1, measure, surface);

  kasane_dataset_unref (pair[0]);
  kasane_dataset_unref (pair[1]);
  kasane_dataset_unref (generated);
  cairo_surface_destroy (surface);
  return 0;
}
