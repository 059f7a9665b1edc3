/* kasane-trend-view.h: the widget that shows the Trend view
 *
 * One dataset's series over time (kasane-trend.h draws them): hover reads out the nearest
 * point with a crosshair across every panel; the scroll wheel and pinch zoom the time
 * window around the pointer, a dragged rectangle (Shift or the secondary button) zooms to
 * it, a plain drag pans; Home or a double click resets; a click on a legend entry hides or
 * shows its series.  The keyboard walks points (Left/Right) and series (Up/Down), zooms
 * (+ and -) and resets (Home).
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-chart-view.h"

#include "kasane-render-request.h"
#include "kasane-dataset.h"
#include "kasane-render.h"

G_BEGIN_DECLS

#define KASANE_TYPE_TREND_VIEW (kasane_trend_view_get_type ())
G_DECLARE_FINAL_TYPE (KasaneTrendView, kasane_trend_view, KASANE, TREND_VIEW, KasaneChartView)

/* Text zoom (like the diagrams'), not the time window. */

GtkWidget          *kasane_trend_view_new              (void);

/* The dataset is referenced.  The time window, hidden series and hover are reset. */
void                kasane_trend_view_set_dataset      (KasaneTrendView    *self,
                                                        KasaneDataset      *dataset);
KasaneDataset      *kasane_trend_view_get_dataset      (KasaneTrendView    *self);

/* The series to chart, in that order; NULL: the dataset's featured series (all of them
 * when none is featured).  Unknown ids are skipped.  Resets like set_dataset. */
void                kasane_trend_view_set_series       (KasaneTrendView    *self,
                                                        const char * const *series_ids);
const char * const *kasane_trend_view_get_series       (KasaneTrendView    *self);
/* How many series the chart shows (hidden ones included). */
guint               kasane_trend_view_get_n_series     (KasaneTrendView    *self);

/* "en" or "ja" */

/* "system" (follow the style manager: dark, high contrast), "light", "dark", "contrast" */

/* Text zoom: multiplies the desktop's text scaling. */

/* The visible x window (seconds since 1970 UTC, or the numeric x).  It stays inside the
 * data's default window and is at least a millionth of it wide; NAN, NAN: the default. */
void                kasane_trend_view_set_window       (KasaneTrendView    *self,
                                                        double              x0,
                                                        double              x1);
void                kasane_trend_view_get_window       (KasaneTrendView    *self,
                                                        double             *x0,
                                                        double             *x1);
/* Zooms the window by `factor` (> 1 narrows it) keeping data x `center` where it is. */
void                kasane_trend_view_zoom_window      (KasaneTrendView    *self,
                                                        double              factor,
                                                        double              center);
void                kasane_trend_view_reset_window     (KasaneTrendView    *self);
gboolean            kasane_trend_view_is_zoomed        (KasaneTrendView    *self);

/* Legend toggles: chart series i (bits of 64 series at most). */
void                kasane_trend_view_set_series_visible (KasaneTrendView  *self,
                                                        guint               i,
                                                        gboolean            visible);
gboolean            kasane_trend_view_get_series_visible (KasaneTrendView  *self,
                                                        guint               i);

/* The point read out (chart series, point index), or -1, -1. */
void                kasane_trend_view_get_hover        (KasaneTrendView    *self,
                                                        int                *series,
                                                        int                *point);
void                kasane_trend_view_set_hover        (KasaneTrendView    *self,
                                                        int                 series,
                                                        int                 point);

/* The picture on screen, for export and Copy as Image. */
KasaneRenderRequest *kasane_trend_view_get_render_request (KasaneTrendView *self);

G_END_DECLS
