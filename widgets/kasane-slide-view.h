/* kasane-slide-view.h: the presentation's slides on screen, and the keys that move them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-chart-view.h"
#include "kasane-deck.h"

G_BEGIN_DECLS

#define KASANE_TYPE_SLIDE_VIEW (kasane_slide_view_get_type ())
G_DECLARE_FINAL_TYPE (KasaneSlideView, kasane_slide_view, KASANE, SLIDE_VIEW, KasaneChartView)

typedef enum
{
  KASANE_SLIDE_BLANK_NONE,
  KASANE_SLIDE_BLANK_BLACK,
  KASANE_SLIDE_BLANK_WHITE,
} KasaneSlideBlank;

GtkWidget        *kasane_slide_view_new        (void);
/* Takes `deck`; shows its first slide. */
void              kasane_slide_view_set_deck   (KasaneSlideView *self,
                                                KasaneDeck      *deck);
KasaneDeck       *kasane_slide_view_get_deck   (KasaneSlideView *self);
/* The slide shown, 0 to n − 1 (clamped). */
void              kasane_slide_view_set_index  (KasaneSlideView *self,
                                                guint            index);
guint             kasane_slide_view_get_index  (KasaneSlideView *self);
KasaneSlideBlank  kasane_slide_view_get_blank  (KasaneSlideView *self);
/* Whether the layer just revealed is still fading in. */
gboolean          kasane_slide_view_is_fading  (KasaneSlideView *self);
/* A key, as if pressed on the view (the presenter console's window passes its keys on).
 * TRUE when it was a presentation key. */
gboolean          kasane_slide_view_press_key  (KasaneSlideView *self,
                                                guint            keyval,
                                                GdkModifierType  state);
/* The picture the view shows at `width` × `height`, as an image (for tests). */
cairo_surface_t  *kasane_slide_view_render     (KasaneSlideView *self,
                                                int              width,
                                                int              height);

G_END_DECLS
