/* kasane-series-chooser.h: the Trend view's Series button
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-trend-view.h"

G_BEGIN_DECLS

/* A menu button whose popover lists every series of `view`'s dataset, ticked for those
 * the chart shows; ticking one charts it.  Holds no reference on `view`. */
GtkWidget *kasane_series_chooser_new (KasaneTrendView *view);

G_END_DECLS
