/* kasane-trend-private.h: the trend chart's data cache and layout structs
 *
 * For the paint code, the widget and the tests; not a stable API.  Every position is in
 * layout units, with (0, 0) at the top left of the canvas.
 */
#pragma once

#include "kasane-axis.h"
#include "kasane-decimate.h"
#include "kasane-trend.h"
#include "kasane-draw.h"

G_BEGIN_DECLS

/* ---- Data work -------------------------------------------------------------------- */

typedef struct
{
  KasaneSeries *series;       /* borrowed from the dataset */
  guint         panel;
  KasaneUnit    unit;
  float        *ny;           /* y normalized to the panel's data range (log10 space for a
                                 log panel): 0…1; NAN for a gap or a value a log axis
                                 cannot show */
  KasaneDecimateSummary *summary;  /* per-block min/max of ny, for large series; or NULL */
  double        ymin, ymax;   /* finite values (positive ones on a log panel) */
  double        x_first, x_last;
  guint         n_finite;
} KasaneTrendDataSeries;

typedef struct
{
  KasaneUnit  unit;           /* of its first series; `key` is what the panel groups by */
  KasaneScale scale;          /* log only when every series in it is log */
  double      lo, hi;         /* the data range of its series (linear units) */
  GArray     *members;        /* of guint: chart series indices */
} KasaneTrendDataPanel;

struct _KasaneTrendData
{
  KasaneDataset         *dataset;
  GArray                *series;   /* of KasaneTrendDataSeries */
  GArray                *panels;   /* of KasaneTrendDataPanel, in order of first series */
  gboolean               numeric_x;
  double                 x_min, x_max;
};

/* ---- Layout ----------------------------------------------------------------------- */

typedef struct
{
  double x, y, width, height;
} KasaneTrendRect;

typedef enum
{
  KASANE_TREND_TEXT_TITLE,
  KASANE_TREND_TEXT_LEGEND,
  KASANE_TREND_TEXT_PANEL,     /* a panel's unit */
  KASANE_TREND_TEXT_Y_TICK,
  KASANE_TREND_TEXT_X_TICK,
  KASANE_TREND_TEXT_ERA,
  KASANE_TREND_TEXT_EVENT,
  KASANE_TREND_TEXT_MORE,      /* "+N more events" */
  KASANE_TREND_TEXT_DIRECT,    /* a series' name at its line end */
  KASANE_TREND_TEXT_SOURCE,
  KASANE_TREND_TEXT_READOUT,
  KASANE_TREND_TEXT_WHATIF,    /* the what-if marker, on its band */
} KasaneTrendTextRole;

typedef struct
{
  char               *text;
  KasaneFont          font;
  double              x, y;            /* top left of the text box */
  double              width, height, baseline;
  double              max_width;       /* as measured; paint sets the text the same way */
  int                 max_lines;
  gboolean            cut;             /* measured with "…": it did not fit whole */
  KasaneRole          ink;
  int                 color;           /* series colour index for KASANE_ROLE_SERIES */
  KasaneTrendTextRole role;
} KasaneTrendText;

typedef struct
{
  double   pos;      /* x for the time axis, y for a panel's axis */
  gboolean major;
  int      text;     /* index into texts, or -1 (a minor tick, or a dropped label) */
} KasaneTrendTick;

typedef struct
{
  KasaneTrendRect plot;       /* the plotting area */
  int             title;      /* text index of the unit header */
  KasaneScale     scale;
  GArray         *ticks;      /* of KasaneTrendTick */
  double          origin, span;  /* py = origin + span × ny (span < 0: up is larger) */
} KasaneTrendPanel;

typedef struct
{
  double x0, x1;      /* the band, clipped to the plot */
  int    layer;       /* index into dataset->layers */
  int    tint;        /* 0 or 1: alternate tints */
  int    text;        /* its label, or -1 when the band is too narrow */
  gboolean starts_here;  /* its `since` is inside the window: draw the boundary line */
} KasaneTrendEra;

typedef struct
{
  double x;           /* the marker */
  int    event;       /* index into dataset->events */
  int    text;        /* its label, or -1 when dropped for lack of room */
  int    row;         /* label row, 0 nearest the plot; -1 when dropped */
} KasaneTrendEventMark;

typedef enum
{
  KASANE_TREND_MARKER_CIRCLE,
  KASANE_TREND_MARKER_SQUARE,
  KASANE_TREND_MARKER_TRIANGLE,
  KASANE_TREND_MARKER_DIAMOND,
  KASANE_TREND_MARKER_TRIANGLE_DOWN,
  KASANE_TREND_MARKER_PLUS,
  KASANE_TREND_MARKER_CROSS,
  KASANE_TREND_MARKER_HEXAGON,
  KASANE_TREND_N_MARKERS
} KasaneTrendMarker;

typedef struct
{
  int               series;    /* chart series index */
  int               panel;
  int               color;     /* palette series colour */
  int               dash;      /* dash pattern: 0 solid, … (order within its panel) */
  KasaneTrendMarker marker;
  KasaneKind        kind;
  gboolean          visible;
  gboolean          markers;   /* a marker at each vertex (points, or a sparse line) */
  gboolean          dense;     /* more points than two per pixel column: paint fills each
                                  column's extent (what the stroke would cover) instead of
                                  stroking a zigzag, which is far faster and smaller */
  guint             n;         /* vertices after decimation */
  double           *px, *py;
  guint8           *move;      /* TRUE: start a new sub-path here (first, after a gap) */
  guint            *index;     /* the point each vertex comes from */
  int               end_text;  /* direct label, or -1 */
} KasaneTrendSeriesPath;

typedef struct
{
  KasaneTrendRect rect;        /* the hit-testable entry */
  KasaneTrendRect swatch;      /* line sample with dash and marker */
  int             series;
  int             text;
  gboolean        visible;
} KasaneTrendLegendEntry;

struct _KasaneTrendLayout
{
  KasaneTrendData *data;
  double           width, height;
  double           text_scale;
  double           min_text_px;   /* the floor it was laid out with */
  double           ts;              /* the text unit the layout was made with */
  char            *lang;
  KasaneTheme      theme;
  double           x0, x1;          /* the visible window, data units */
  double           plot_left, plot_right;
  double           plots_top, plots_bottom;  /* from the first panel's top to the last's
                                                bottom: eras and events span this */
  KasaneTrendRect  era_strip;       /* era labels */
  KasaneTrendRect  event_strip;     /* event label rows */
  double           event_row_height;
  int              n_event_rows;

  GArray          *texts;           /* of KasaneTrendText */
  GArray          *panels;          /* of KasaneTrendPanel */
  GArray          *x_ticks;         /* of KasaneTrendTick */
  GArray          *eras;            /* of KasaneTrendEra */
  GArray          *events;          /* of KasaneTrendEventMark */
  GArray          *paths;           /* of KasaneTrendSeriesPath, one per chart series */
  GArray          *legend;          /* of KasaneTrendLegendEntry */
  int              title;

  /* The hovered point, when there is one. */
  gboolean         has_hover;
  int              hover_series, hover_point;
  double           hover_x, hover_y;
  KasaneTrendRect  readout;         /* the read-out box; its texts are role READOUT */
  KasaneTrendRect  whatif;          /* the what-if marker's band (height 0: none); its
                                       text is role WHATIF */
};

/* Dash pattern `dash` (see KasaneTrendSeriesPath) scaled by `width`: the number of
 * lengths written to `lengths` (at most 6); 0 for solid. */
int  kasane_trend_dash_pattern (int     dash,
                                double  width,
                                double *lengths);

G_END_DECLS
