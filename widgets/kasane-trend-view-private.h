/* kasane-trend-view-private.h: what tests may look at inside a KasaneTrendView
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kasane-trend-view.h"
#include "kasane-trend-private.h"

G_BEGIN_DECLS

/* How many layouts the view has built since it was created. */
guint                    kasane_trend_view_get_n_layouts     (KasaneTrendView *self);
/* How long the last layout took to build, in microseconds. */
gint64                   kasane_trend_view_get_layout_time   (KasaneTrendView *self);
/* The cached layout, or NULL when stale; the data (NULL without a dataset). */
const KasaneTrendLayout *kasane_trend_view_get_layout        (KasaneTrendView *self);
KasaneTrendData         *kasane_trend_view_get_data          (KasaneTrendView *self);
/* Hovers as the pointer would at (x, y), in widget coordinates. */
void                     kasane_trend_view_hover_at          (KasaneTrendView *self,
                                                              double           x,
                                                              double           y);
/* The rubber band of a zoom drag, in widget coordinates; FALSE when none. */
gboolean                 kasane_trend_view_get_rubber_band   (KasaneTrendView *self,
                                                              double          *x0,
                                                              double          *x1);

G_END_DECLS
