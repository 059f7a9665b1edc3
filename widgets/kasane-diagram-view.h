/* kasane-diagram-view.h: the widget that shows the Compare and Stack diagrams
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-render-request.h"
#include "kasane-dataset.h"
#include "kasane-diagram.h"

G_BEGIN_DECLS

#define KASANE_TYPE_DIAGRAM_VIEW (kasane_diagram_view_get_type ())
G_DECLARE_FINAL_TYPE (KasaneDiagramView, kasane_diagram_view, KASANE, DIAGRAM_VIEW, GtkWidget)

#define KASANE_DIAGRAM_VIEW_ZOOM_MIN 0.5
#define KASANE_DIAGRAM_VIEW_ZOOM_MAX 3.0

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
void               kasane_diagram_view_set_lang       (KasaneDiagramView     *self,
                                                       const char            *lang);
const char        *kasane_diagram_view_get_lang       (KasaneDiagramView     *self);

/* "system" (follow the style manager: dark, high contrast), "light", "dark", "contrast" */
void               kasane_diagram_view_set_theme      (KasaneDiagramView     *self,
                                                       const char            *theme);
const char        *kasane_diagram_view_get_theme      (KasaneDiagramView     *self);
/* The theme actually painted. */
KasaneTheme        kasane_diagram_view_get_effective_theme (KasaneDiagramView *self);

/* Presentation step: layers up to this index are shown; -1 shows all. */
void               kasane_diagram_view_set_step       (KasaneDiagramView     *self,
                                                       int                    step);
int                kasane_diagram_view_get_step       (KasaneDiagramView     *self);

/* Zoom multiplies the desktop's text scaling (gtk-xft-dpi). */
void               kasane_diagram_view_set_zoom       (KasaneDiagramView     *self,
                                                       double                 zoom);
double             kasane_diagram_view_get_zoom       (KasaneDiagramView     *self);
void               kasane_diagram_view_zoom_in        (KasaneDiagramView     *self);
void               kasane_diagram_view_zoom_out       (KasaneDiagramView     *self);
void               kasane_diagram_view_zoom_reset     (KasaneDiagramView     *self);
/* zoom × the desktop's text scaling factor: what the layout gets as text_scale. */
double             kasane_diagram_view_get_text_scale (KasaneDiagramView     *self);

/* Selects a layer (dataset -1 clears).  Emits ::layer-selected when it changes. */
void               kasane_diagram_view_select_layer   (KasaneDiagramView     *self,
                                                       int                    dataset,
                                                       int                    layer);
int                kasane_diagram_view_get_selected_dataset (KasaneDiagramView *self);
int                kasane_diagram_view_get_selected_layer   (KasaneDiagramView *self);

/* The picture on screen, for export and Copy as Image. */
KasaneRenderRequest *kasane_diagram_view_get_render_request (KasaneDiagramView *self);

G_END_DECLS
