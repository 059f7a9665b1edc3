/* kasane-render-request.h: a complete, typed description of one picture
 *
 * A chart view describes what it shows as a render request; export draws a request, and
 * overrides only what it is asked to (size, scale, theme, language, background).  So an
 * export, Copy as Image and the command line draw exactly the state on screen: the
 * selection, the reveal step, the trend's time window and hidden series, the zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-render.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_CHART_COMPARE,       /* the datasets side by side */
  KASANE_CHART_STACK,         /* one dataset's stack with its details */
  KASANE_CHART_TREND,         /* the first dataset's series over time */
} KasaneChart;

typedef struct
{
  KasaneChart   chart;
  GPtrArray    *datasets;          /* of KasaneDataset*, owned references */
  char         *lang;              /* "en" or "ja" */
  KasaneTheme   theme;             /* never "system": the theme in effect */
  double        width;             /* the size it was seen at, in layout units */
  double        height;
  double        text_scale;        /* zoom × the desktop's text scaling */
  double        min_text_px;       /* the text floor it was laid out with; 0: none */

  /* Compare and Stack */
  int           step;              /* layers revealed, -1: all */
  int           selected_dataset;  /* -1: none */
  int           selected_layer;

  /* Trend */
  char        **series;            /* the series charted, in order; NULL: all */
  double        view_x0;           /* the time window; NAN: the default */
  double        view_x1;
  guint64       hidden;            /* bit i hides the chart's series i */
} KasaneRenderRequest;

/* The defaults of the command line: all layers, nothing selected, the default window,
 * every series, 1920×1080, text scale 1, English, light. */
KasaneRenderRequest *kasane_render_request_new          (KasaneChart                chart,
                                                         KasaneDataset * const     *datasets,
                                                         guint                      n_datasets);
KasaneRenderRequest *kasane_render_request_copy         (const KasaneRenderRequest *request);
void                 kasane_render_request_free         (KasaneRenderRequest       *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneRenderRequest, kasane_render_request_free)

G_END_DECLS
