/* kasane-diagram-view.h: the widget that shows the Compare and Stack diagrams
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-chart-view.h"

#include "kasane-render-request.h"
#include "kasane-dataset.h"
#include "kasane-diagram.h"

G_BEGIN_DECLS

#define KASANE_TYPE_DIAGRAM_VIEW (kasane_diagram_view_get_type ())
G_DECLARE_FINAL_TYPE (KasaneDiagramView, kasane_diagram_view, KASANE, DIAGRAM_VIEW, KasaneChartView)


GtkWidget         *kasane_diagram_view_new            (void);

/* The datasets are referenced, not copied.  Selection and hover are cleared. */
void               kasane_diagram_view_set_datasets   (KasaneDiagramView     *self,
                                                       KasaneDataset * const *datasets,
                                                       guint                  n_datasets);
/* Convenience: a GPtrArray of KasaneDataset* (or NULL for none). */
void               kasane_diagram_view_set_dataset_array (KasaneDiagramView  *self,
                                                       GPtrArray             *datasets);
guint              kasane_diagram_view_get_n_datasets (KasaneDiagramView     *self);

void               kasane_diagram_view_set_kind       (KasaneDiagramView     *self,
                                                       KasaneDiagramKind      kind);
KasaneDiagramKind  kasane_diagram_view_get_kind       (KasaneDiagramView     *self);

/* "en" or "ja" */

/* "system" (follow the style manager: dark, high contrast), "light", "dark", "contrast" */
/* The theme actually painted. */

/* Presentation step: layers up to this index are shown; -1 shows all. */
void               kasane_diagram_view_set_step       (KasaneDiagramView     *self,
                                                       int                    step);
int                kasane_diagram_view_get_step       (KasaneDiagramView     *self);

/* Zoom multiplies the desktop's text scaling (gtk-xft-dpi). */
/* zoom × the desktop's text scaling factor: what the layout gets as text_scale. */

/* Selects a layer (dataset -1 clears).  Emits ::layer-selected when it changes. */
void               kasane_diagram_view_select_layer   (KasaneDiagramView     *self,
                                                       int                    dataset,
                                                       int                    layer);
int                kasane_diagram_view_get_selected_dataset (KasaneDiagramView *self);
int                kasane_diagram_view_get_selected_layer   (KasaneDiagramView *self);

/* The picture on screen, for export and Copy as Image. */
KasaneRenderRequest *kasane_diagram_view_get_render_request (KasaneDiagramView *self);

G_END_DECLS
