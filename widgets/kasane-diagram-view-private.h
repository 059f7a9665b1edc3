/* kasane-diagram-view-private.h: what tests may look at inside a KasaneDiagramView
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kasane-diagram-view.h"
#include "kasane-diagram-private.h"

G_BEGIN_DECLS

/* How many layouts the view has built since it was created. */
guint                      kasane_diagram_view_get_n_layouts (KasaneDiagramView *self);
guint                      kasane_diagram_view_get_n_frames  (KasaneDiagramView *self);
/* The cached layout, or NULL when stale. */
const KasaneDiagramLayout *kasane_diagram_view_get_layout    (KasaneDiagramView *self);
/* The problem whose path is highlighted (-1, -1: none). */
void                       kasane_diagram_view_get_hover     (KasaneDiagramView *self,
                                                              int               *dataset,
                                                              int               *problem);
/* Hovers as the pointer would at (x, y), in widget coordinates. */
void                       kasane_diagram_view_hover_at      (KasaneDiagramView *self,
                                                              double             x,
                                                              double             y);

G_END_DECLS
