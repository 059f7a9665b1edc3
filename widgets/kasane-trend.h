/* kasane-trend.h: the trend chart (Trend view) — layout, paint, hit testing, description
 *
 * A dataset's series over time: one panel per unit, stacked and sharing one time axis
 * (never two y axes on a panel); linear or log y; the layers' eras (`since`) as labelled
 * background bands; events as vertical markers with labels that never collide; each
 * series drawn as its kind says (line, step, points), told apart without colour by dash
 * pattern and marker shape, named by a direct label at its end and by a legend whose
 * entries toggle it; the sources under the chart.
 *
 * Work is split the Sysprof way:
 *   KasaneTrendData   — data work, once per dataset and series choice: panels by unit,
 *                       y ranges, each series' y cached normalized to 0…1 (float).
 *   KasaneTrendLayout — size work, per size / zoom / pan / hover: ticks, text placement,
 *                       and each series decimated (M4) to its pixel columns.  No cairo.
 *   kasane_trend_paint — draws a finished layout on any cairo_t, palette colours only.
 *
 *   g_autoptr(KasaneTrendData) data = kasane_trend_data_new (dataset, NULL);
 *   KasaneTrendParams params;
 *   kasane_trend_params_init (&params);
 *   params.width = 1600; params.height = 900; params.lang = "ja";
 *   g_autoptr(KasaneTrendLayout) layout = kasane_trend_layout_new_for_data (data, &params,
 *                                                                           measure);
 *   kasane_trend_paint (cr, layout, kasane_palette_get (params.theme));
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-render.h"

G_BEGIN_DECLS

typedef struct
{
  double      width;          /* layout units (pixels at scale 1, points for SVG/PDF) */
  double      height;
  double      text_scale;     /* zoom × the desktop's text scaling; 1.0 default */
  double      min_text_px;    /* no text smaller (see kasane_text_floor_for_*()); 0: none */
  const char *lang;           /* "en" or "ja" */
  KasaneTheme theme;
  double      view_x0;        /* the visible x window (zoom and pan), in data units;      */
  double      view_x1;        /* NAN (the default): the data's range with a little padding */
  guint64     hidden;         /* bit i hides series i of the chart (legend toggles) */
  int         hover_series;   /* the hovered point: read-out, crosshair; -1: none (a view
                                 moves it with kasane_trend_layout_set_hover ()) */
  int         hover_point;
} KasaneTrendParams;

/* Defaults: 1600×900, text_scale 1, "en", light, the default window, all shown, no hover. */
void kasane_trend_params_init (KasaneTrendParams *params);

typedef struct _KasaneTrendData   KasaneTrendData;
typedef struct _KasaneTrendLayout KasaneTrendLayout;

/* The data work.  `series_ids`: the series to chart, in that order (NULL: the featured
 * ones, or all when none is featured, in file order); ids the dataset does not have are
 * skipped.  Holds a reference on `dataset`. */
KasaneTrendData   *kasane_trend_data_new          (KasaneDataset         *dataset,
                                                   const char * const    *series_ids);
KasaneTrendData   *kasane_trend_data_ref          (KasaneTrendData       *data);
void               kasane_trend_data_unref        (KasaneTrendData       *data);
guint              kasane_trend_data_get_n_series (const KasaneTrendData *data);
/* The chart's series i (an index into the chart, not into dataset->series). */
const KasaneSeries *kasane_trend_data_get_series  (const KasaneTrendData *data,
                                                   guint                  i);
/* The x range of the data, and the default window (that range with a little padding). */
void               kasane_trend_data_get_x_range  (const KasaneTrendData *data,
                                                   double                *x0,
                                                   double                *x1);
void               kasane_trend_data_get_default_window (const KasaneTrendData *data,
                                                   double                *x0,
                                                   double                *x1);

/* The size work.  The layout holds a reference on `data`; `measure` is only used during
 * the call.  kasane_trend_layout_new is the one-shot form (data work included). */
KasaneTrendLayout *kasane_trend_layout_new_for_data (KasaneTrendData         *data,
                                                     const KasaneTrendParams *params,
                                                     KasaneMeasure           *measure);
KasaneTrendLayout *kasane_trend_layout_new        (KasaneDataset           *dataset,
                                                   const char * const      *series_ids,
                                                   const KasaneTrendParams *params,
                                                   KasaneMeasure           *measure);
/* Moves the hovered point's read-out (crosshair, ring, box) to chart series `series`,
 * point `point` (-1: none) in a finished layout, without laying the chart out again. */
void               kasane_trend_layout_set_hover  (KasaneTrendLayout       *layout,
                                                   int                      series,
                                                   int                      point,
                                                   KasaneMeasure           *measure);
void               kasane_trend_layout_free       (KasaneTrendLayout       *layout);

typedef enum
{
  KASANE_TREND_HIT_NONE,
  KASANE_TREND_HIT_POINT,    /* a data point within the radius: series, point */
  KASANE_TREND_HIT_LEGEND,   /* a legend entry (click toggles): series */
  KASANE_TREND_HIT_EVENT,    /* an event marker or its label: event */
  KASANE_TREND_HIT_PANEL,    /* the plot area of a panel, away from points: panel, x */
} KasaneTrendHitKind;

typedef struct
{
  KasaneTrendHitKind kind;
  int                series;   /* chart series index, -1 */
  int                point;    /* index into that series' points, -1 */
  int                panel;    /* -1 when outside every panel */
  int                event;    /* index into dataset->events, -1 */
  double             x;        /* the data x under the pointer (panel and point hits) */
} KasaneTrendHit;

/* What is at (x, y): a legend entry, else the nearest visible point within `radius`
 * (layout units), else an event marker, else a panel.  FALSE (kind NONE) for nothing. */
gboolean kasane_trend_layout_hit_test (const KasaneTrendLayout *layout,
                                       double                   x,
                                       double                   y,
                                       double                   radius,
                                       KasaneTrendHit          *hit);

/* Layout ↔ data x, for zoom and pan: the plot's left and right edges in layout units. */
void     kasane_trend_layout_get_plot_x (const KasaneTrendLayout *layout,
                                         double                  *left,
                                         double                  *right);
double   kasane_trend_layout_x_to_data  (const KasaneTrendLayout *layout,
                                         double                   x);
double   kasane_trend_layout_data_to_x  (const KasaneTrendLayout *layout,
                                         double                   t);

void     kasane_trend_paint             (cairo_t                 *cr,
                                         const KasaneTrendLayout *layout,
                                         const KasanePalette     *palette);

/* A few sentences for the accessible description and the SVG's <desc>: the dataset, its
 * layers, then each series with its unit, range and trend ("rose from A to B"). */
char    *kasane_trend_describe          (KasaneDataset      *dataset,
                                         const char * const *series_ids,
                                         const char         *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneTrendData, kasane_trend_data_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneTrendLayout, kasane_trend_layout_free)

G_END_DECLS
