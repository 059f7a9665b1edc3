/* kasane-decimate.h: M4 decimation of a sorted series for one pixel column each
 *
 * For every pixel column of the visible x window, keep the first, the last, the lowest
 * and the highest point (Jugel et al., "M4: a visualization-oriented time series data
 * aggregation", VLDB 2014): the polyline through them draws exactly like the polyline
 * through every point, spikes included, in O(visible points) and with at most four
 * vertices per column — which also keeps an SVG small.
 *
 * Inputs are the cached arrays of a series: x sorted ascending (data units), y as the
 * chart caches it (normalized to 0…1, as float; NAN marks a gap, which breaks the line).
 * The visible range is found by binary search, so panning a million points only walks
 * the points on screen, plus one on each side so the line enters and leaves the window.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   n_vertices;
  guint   capacity;
  double *x;       /* data x of each kept point */
  float  *y;       /* its (cached) y */
  guint  *index;   /* its index in the series */
  guint8 *move;    /* TRUE where a new sub-path starts: the first vertex, or after a gap */
} KasaneDecimation;

void  kasane_decimation_init   (KasaneDecimation *decimation);
void  kasane_decimation_clear  (KasaneDecimation *decimation);

/* The first index whose x is >= value (n when none): x must be sorted ascending. */
guint kasane_lower_bound       (const double *x,
                                guint         n,
                                double        value);
/* The first index whose x is > value (n when none). */
guint kasane_upper_bound       (const double *x,
                                guint         n,
                                double        value);

/* Decimates the points of [x0, x1] into `n_columns` equal columns (plus the nearest
 * point outside on each side), replacing what `out` held.  Returns the vertex count. */
guint kasane_decimate_m4       (const double     *x,
                                const float      *y,
                                guint             n,
                                double            x0,
                                double            x1,
                                guint             n_columns,
                                KasaneDecimation *out);

/* A cached summary of a large series (data work, built once): per block of
 * KASANE_DECIMATE_BLOCK points, the x it starts at, its min and max y and whether it has a
 * gap.  With it a column finds its end among the block starts (a small array that stays
 * in cache, where a binary search over x would miss the cache on every probe), reads its
 * whole blocks from the summary and only its two partial blocks from y: a frame costs
 * O(columns × block) instead of O(visible points), with the same result. */
#define KASANE_DECIMATE_BLOCK 64

typedef struct _KasaneDecimateSummary KasaneDecimateSummary;

KasaneDecimateSummary *kasane_decimate_summary_new  (const double          *x,
                                                     const float           *y,
                                                     guint                  n);
void                   kasane_decimate_summary_free (KasaneDecimateSummary *summary);

/* kasane_decimate_m4 with a summary of the same y (NULL: none). */
guint kasane_decimate_m4_summary (const double                *x,
                                  const float                 *y,
                                  guint                        n,
                                  const KasaneDecimateSummary *summary,
                                  double                       x0,
                                  double                       x1,
                                  guint                        n_columns,
                                  KasaneDecimation            *out);

G_END_DECLS
