/* kasane-trend-build.h: what the trend chart's files share while they lay it out
 *
 * Internal to kasane-trend*.c: the layout context and the helpers the data, frame,
 * marks, layout, hit-testing, paint and description files call in one another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kasane-trend.h"
#include "kasane-trend-private.h"
#include "kasane-render-private.h"

/* One day, in the seconds the time axis counts. */
#define DAY (86400.0)
/* The room between two panels: what layout_panels uses, and what the height budget in
 * the layout reserves for them (with the unit header above each plot). */
#define PANEL_GAP 12

G_BEGIN_DECLS

/* One layout measures the same strings several times (line heights, tick labels while
 * the tick count is chosen); Pango shaping is the costly part of a layout, so a layout
 * measures through this memo. */
typedef struct
{
  KasaneMeasure *inner;
  GHashTable    *cache;   /* key → KasaneTextExtents */
} MemoData;

typedef struct
{
  KasaneTrendLayout *layout;
  KasaneMeasure     *measure;
  const KasaneTrendParams *params;
  KasaneDataset     *dataset;
  double             ts;       /* text scale */
  double             min_px;   /* no text smaller (the params' min_text_px) */
  double             title_width;  /* what a panel's title wraps at */
  double             margin;
} Ctx;

typedef struct
{
  int    text;
  double desired;   /* centre y */
  int    panel;
} DirectLabel;

int trend_add_text (KasaneTrendLayout   *layout,
                    KasaneMeasure       *measure,
                    const char          *text,
                    KasaneFont           f,
                    double               max_width,
                    int                  max_lines,
                    KasaneRole           ink,
                    int                  color,
                    KasaneTrendTextRole  role);
/* Leaves text `index` in the layout (indices stay valid) but sets nothing there. */
void trend_text_drop (KasaneTrendLayout *layout,
                      int                index);
void trend_drop_overlapping_ticks (KasaneTrendLayout *layout,
                                   GArray            *ticks,
                                   double             gap);
/* A font of `px` × the text scale, never below the floor. */
KasaneFont trend_font (const Ctx   *c,
                       double       px,
                       KasaneWeight weight,
                       gboolean     tabular);
gboolean trend_is_ja (const char *lang);
void trend_layout_direct_labels (Ctx *c);
void trend_layout_eras (Ctx *c);
void trend_layout_events (Ctx *c);
void trend_layout_hover (Ctx *c,
                         int  hover_series,
                         int  hover_point);
void trend_layout_legend (Ctx    *c,
                          double *y);
void trend_layout_panels (Ctx    *c,
                          double  top,
                          double  bottom,
                          double  gutter);
void trend_layout_paths (Ctx *c);
double trend_layout_sources (Ctx *c);
double trend_layout_sources_compact (Ctx *c);
void trend_layout_x_axis (Ctx    *c,
                          double  y);
double trend_line_height (KasaneTrendLayout *layout,
                          KasaneMeasure     *measure,
                          KasaneFont         f);
void trend_measure_text (KasaneMeasure     *measure,
                         const char        *text,
                         const KasaneFont  *f,
                         const char        *lang,
                         double             max_width,
                         int                max_lines,
                         KasaneTextExtents *extents);
double trend_panel_header_height (Ctx  *c,
                                  guint panel);
gboolean trend_rects_overlap (double ax, double ay, double aw, double ah,
                              double bx, double by, double bw, double bh);
KasaneTrendText *trend_text_at (const KasaneTrendLayout *layout,
                                int                      index);

G_END_DECLS
