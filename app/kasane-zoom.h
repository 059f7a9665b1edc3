/* kasane-zoom.h: the one zoom every chart view shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define KASANE_TYPE_ZOOM (kasane_zoom_get_type ())
G_DECLARE_FINAL_TYPE (KasaneZoom, kasane_zoom, KASANE, ZOOM, GObject)

/* The application's zoom: windows bind its "level" to each chart view's "zoom", and the
 * application's Ctrl+plus, Ctrl+minus and Ctrl+0 change it. */
KasaneZoom *kasane_zoom_get_default (void);
double      kasane_zoom_get_level   (KasaneZoom *self);
void        kasane_zoom_set_level   (KasaneZoom *self,
                                     double      level);
void        kasane_zoom_in          (KasaneZoom *self);
void        kasane_zoom_out         (KasaneZoom *self);
void        kasane_zoom_reset       (KasaneZoom *self);

G_END_DECLS
