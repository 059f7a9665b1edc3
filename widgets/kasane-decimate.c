/* kasane-decimate.c: M4 decimation, see kasane-decimate.h */
#define G_LOG_DOMAIN "kasane-decimate"

#include "config.h"

#include "kasane-decimate.h"

#include <math.h>

void
kasane_decimation_init (KasaneDecimation *decimation)
{
  g_return_if_fail (decimation != NULL);
  *decimation = (KasaneDecimation) { 0 };
}

void
kasane_decimation_clear (KasaneDecimation *decimation)
{
  if (decimation == NULL)
    return;
  g_clear_pointer (&decimation->x, g_free);
  g_clear_pointer (&decimation->y, g_free);
  g_clear_pointer (&decimation->index, g_free);
  g_clear_pointer (&decimation->move, g_free);
  decimation->n_vertices = decimation->capacity = 0;
}

static void
reserve (KasaneDecimation *out,
         guint             extra)
{
  guint needed = out->n_vertices + extra;

  if (needed <= out->capacity)
    return;
  out->capacity = MAX (needed, out->capacity * 2);
  out->x = g_renew (double, out->x, out->capacity);
  out->y = g_renew (float, out->y, out->capacity);
  out->index = g_renew (guint, out->index, out->capacity);
  out->move = g_renew (guint8, out->move, out->capacity);
}

guint
kasane_lower_bound (const double *x,
                    guint         n,
                    double        value)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (x[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
kasane_upper_bound (const double *x,
                    guint         n,
                    double        value)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (x[mid] <= value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static inline void
emit (KasaneDecimation *out,
      const double     *x,
      const float      *y,
      guint             i,
      gboolean         *pending_move)
{
  guint k = out->n_vertices++;

  out->x[k] = x[i];
  out->y[k] = y[i];
  out->index[k] = i;
  out->move[k] = *pending_move;
  *pending_move = FALSE;
}

/* Emits first, min, max, last of one gap-free run [a, b), in index order. */
static inline void
emit_group (KasaneDecimation *out,
            const double     *x,
            const float      *y,
            guint             first,
            guint             min,
            guint             max,
            guint             last,
            gboolean         *pending_move)
{
  guint lo = MIN (min, max), hi = MAX (min, max);

  reserve (out, 4);
  emit (out, x, y, first, pending_move);
  if (lo != first)
    emit (out, x, y, lo, pending_move);
  if (hi != lo && hi != first)
    emit (out, x, y, hi, pending_move);
  if (last != hi && last != first)
    emit (out, x, y, last, pending_move);
}

/* A range with gaps: one group per run between NANs, each gap starts a new sub-path. */
static void
emit_range_with_gaps (KasaneDecimation *out,
                      const double     *x,
                      const float      *y,
                      guint             a,
                      guint             b,
                      gboolean         *pending_move)
{
  guint first = 0, min = 0, max = 0;
  gboolean open = FALSE;

  for (guint i = a; i < b; i++)
    {
      float v = y[i];

      if (isnan (v))
        {
          if (open)
            emit_group (out, x, y, first, min, max, i - 1, pending_move);
          open = FALSE;
          *pending_move = TRUE;
          continue;
        }
      if (!open)
        {
          first = min = max = i;
          open = TRUE;
          continue;
        }
      if (v < y[min])
        min = i;
      if (v > y[max])
        max = i;
    }
  if (open)
    emit_group (out, x, y, first, min, max, b - 1, pending_move);
}

typedef struct
{
  float    min, max;
  guint    imin, imax;   /* first index of each */
  gboolean gap;
} Block;

struct _KasaneDecimateSummary
{
  guint   n_blocks;
  Block  *blocks;
  double *block_x;   /* x of each block's first point */
};

static void scan_range (const float *y, guint a, guint b, Block *r);

KasaneDecimateSummary *
kasane_decimate_summary_new (const double *x,
                             const float  *y,
                             guint         n)
{
  KasaneDecimateSummary *summary = g_new0 (KasaneDecimateSummary, 1);

  summary->n_blocks = n / KASANE_DECIMATE_BLOCK;
  summary->blocks = g_new (Block, MAX (summary->n_blocks, 1));
  summary->block_x = g_new (double, MAX (summary->n_blocks, 1));
  for (guint k = 0; k < summary->n_blocks; k++)
    {
      scan_range (y, k * KASANE_DECIMATE_BLOCK, (k + 1) * KASANE_DECIMATE_BLOCK,
                  &summary->blocks[k]);
      summary->block_x[k] = x[k * KASANE_DECIMATE_BLOCK];
    }
  return summary;
}

void
kasane_decimate_summary_free (KasaneDecimateSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->blocks);
  g_free (summary->block_x);
  g_free (summary);
}

/* Min and max of y[a, b) (b > a) and their first indices: a branch-free pass with four
 * accumulators, then the indices, found in what was just read.  NAN compares false, so
 * a gap is only flagged. */
static void
scan_range (const float *y,
            guint        a,
            guint        b,
            Block       *r)
{
  float mn0, mn1, mn2, mn3, mx0, mx1, mx2, mx3;
  gboolean gap = FALSE;
  guint i = a;

  mn0 = mn1 = mn2 = mn3 = mx0 = mx1 = mx2 = mx3 = y[a];
  for (; i + 4 <= b; i += 4)
    {
      float v0 = y[i], v1 = y[i + 1], v2 = y[i + 2], v3 = y[i + 3];

      mn0 = v0 < mn0 ? v0 : mn0;
      mn1 = v1 < mn1 ? v1 : mn1;
      mn2 = v2 < mn2 ? v2 : mn2;
      mn3 = v3 < mn3 ? v3 : mn3;
      mx0 = v0 > mx0 ? v0 : mx0;
      mx1 = v1 > mx1 ? v1 : mx1;
      mx2 = v2 > mx2 ? v2 : mx2;
      mx3 = v3 > mx3 ? v3 : mx3;
      gap |= (v0 != v0) | (v1 != v1) | (v2 != v2) | (v3 != v3);
    }
  for (; i < b; i++)
    {
      float v = y[i];

      mn0 = v < mn0 ? v : mn0;
      mx0 = v > mx0 ? v : mx0;
      gap |= v != v;
    }
  r->gap = gap || isnan (y[a]);
  r->min = MIN (MIN (mn0, mn1), MIN (mn2, mn3));
  r->max = MAX (MAX (mx0, mx1), MAX (mx2, mx3));
  r->imin = r->imax = a;
  if (r->gap)
    return;
  while (y[r->imin] != r->min)
    r->imin++;
  while (y[r->imax] != r->max)
    r->imax++;
}

static inline void
merge (Block       *r,
       const Block *b,
       gboolean     first)
{
  if (first)
    {
      *r = *b;
      return;
    }
  r->gap |= b->gap;
  if (b->min < r->min)
    {
      r->min = b->min;
      r->imin = b->imin;
    }
  if (b->max > r->max)
    {
      r->max = b->max;
      r->imax = b->imax;
    }
}

/* One column [a, b), reading whole blocks from the summary when there is one. */
static void
emit_column (KasaneDecimation            *out,
             const double                *x,
             const float                 *y,
             const KasaneDecimateSummary *summary,
             guint                        a,
             guint                        b,
             gboolean                    *pending_move)
{
  Block r, part;
  guint fb, lb;
  gboolean any = FALSE;

  if (b - a <= 2)
    {
      emit_range_with_gaps (out, x, y, a, b, pending_move);
      return;
    }

  fb = (a + KASANE_DECIMATE_BLOCK - 1) / KASANE_DECIMATE_BLOCK;
  lb = b / KASANE_DECIMATE_BLOCK;
  if (summary == NULL || fb >= lb || lb > summary->n_blocks)
    scan_range (y, a, b, &r);
  else
    {
      if (a < fb * KASANE_DECIMATE_BLOCK)
        {
          scan_range (y, a, fb * KASANE_DECIMATE_BLOCK, &part);
          merge (&r, &part, !any);
          any = TRUE;
        }
      for (guint k = fb; k < lb; k++)
        {
          merge (&r, &summary->blocks[k], !any);
          any = TRUE;
        }
      if (lb * KASANE_DECIMATE_BLOCK < b)
        {
          scan_range (y, lb * KASANE_DECIMATE_BLOCK, b, &part);
          merge (&r, &part, FALSE);
        }
    }

  if (r.gap)
    emit_range_with_gaps (out, x, y, a, b, pending_move);
  else
    emit_group (out, x, y, a, r.imin, r.imax, b - 1, pending_move);
}

guint
kasane_decimate_m4 (const double     *x,
                    const float      *y,
                    guint             n,
                    double            x0,
                    double            x1,
                    guint             n_columns,
                    KasaneDecimation *out)
{
  return kasane_decimate_m4_summary (x, y, n, NULL, x0, x1, n_columns, out);
}

guint
kasane_decimate_m4_summary (const double                *x,
                            const float                 *y,
                            guint                        n,
                            const KasaneDecimateSummary *summary,
                            double                       x0,
                            double                       x1,
                            guint                        n_columns,
                            KasaneDecimation            *out)
{
  guint i0, i1, v0, v1, a;
  double scale;
  gboolean pending_move = TRUE;

  g_return_val_if_fail (out != NULL, 0);

  out->n_vertices = 0;
  if (n == 0 || x == NULL || y == NULL || !(x1 > x0) || n_columns == 0)
    return 0;

  /* [v0, v1): the points inside the window; one more on each side if there is one. */
  v0 = kasane_lower_bound (x, n, x0);
  v1 = kasane_upper_bound (x, n, x1);
  i0 = v0 > 0 ? v0 - 1 : 0;
  i1 = v1 < n ? v1 + 1 : n;

  reserve (out, MIN (i1 - i0, 4 * (n_columns + 2)));
  scale = n_columns / (x1 - x0);

  if (i0 < v0)
    emit_column (out, x, y, summary, i0, v0, &pending_move);

  /* Column c holds the points with c <= (x - x0) × scale < c + 1 (the last also x1).
   * Its end is found by galloping from its start: a few probes near memory just read. */
  a = v0;
  while (a < v1)
    {
      guint c = (guint) MIN ((x[a] - x0) * scale, n_columns - 1);
      guint b, step = 1, lo, hi;

      if (c == n_columns - 1)
        b = v1;
      else
        {
          double limit = c + 1;

          lo = a + 1;
          hi = v1;
          if (summary != NULL)
            {
              /* Narrow [lo, hi) to one block by galloping over the block starts. */
              guint kb = lo / KASANE_DECIMATE_BLOCK + 1, kstep = 1;

              while (kb + kstep < summary->n_blocks &&
                     (summary->block_x[kb + kstep] - x0) * scale < limit)
                kstep *= 2;
              {
                guint klo = kb, khi = MIN (kb + kstep, summary->n_blocks);

                while (klo < khi)
                  {
                    guint kmid = klo + (khi - klo) / 2;

                    if ((summary->block_x[kmid] - x0) * scale < limit)
                      klo = kmid + 1;
                    else
                      khi = kmid;
                  }
                /* Block klo starts at or past the end (or there is none). */
                if (klo < summary->n_blocks)
                  hi = MIN (hi, klo * KASANE_DECIMATE_BLOCK + 1);
                if (klo > kb)
                  lo = MAX (lo, (klo - 1) * KASANE_DECIMATE_BLOCK);
              }
            }
          else
            {
              while (lo + step < v1 && (x[lo + step] - x0) * scale < limit)
                step *= 2;
              hi = MIN (lo + step, v1);
            }
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if ((x[mid] - x0) * scale < limit)
                lo = mid + 1;
              else
                hi = mid;
            }
          b = lo;
        }
      emit_column (out, x, y, summary, a, b, &pending_move);
      a = b;
    }

  if (v1 < i1)
    emit_column (out, x, y, summary, v1, i1, &pending_move);

  return out->n_vertices;
}
