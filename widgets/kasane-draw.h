/* kasane-draw.h: the drawing vocabulary every chart shares
 *
 * Charts lay out plain geometry that names its colours by role (what a mark means:
 * text, a solved problem, a series) rather than by value, so one layout paints in every
 * theme; and they set text with one primitive, the same that measured it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "kasane-render.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_ROLE_NONE = -1,
  KASANE_ROLE_BACKGROUND,
  KASANE_ROLE_SURFACE,
  KASANE_ROLE_BORDER,
  KASANE_ROLE_TEXT,
  KASANE_ROLE_TEXT_DIM,
  KASANE_ROLE_GRID,
  KASANE_ROLE_ACCENT,
  KASANE_ROLE_PROGRESSION,
  KASANE_ROLE_MIGRATION,
  KASANE_ROLE_MIXED,
  KASANE_ROLE_ON_BADGE,
  KASANE_ROLE_SOLVES,
  KASANE_ROLE_MITIGATES,
  KASANE_ROLE_INTRODUCES,
  KASANE_ROLE_WORSENS,
  KASANE_ROLE_ON_CHIP,
  KASANE_ROLE_RAIL,
  KASANE_ROLE_LOAD,
  KASANE_ROLE_POSITIVE,
  KASANE_ROLE_NEGATIVE,
  KASANE_ROLE_HIGHLIGHT,
  KASANE_ROLE_ON_MITIGATES,
  KASANE_ROLE_SHADOW,
  KASANE_ROLE_BADGE_SOFT,
  KASANE_ROLE_SERIES,          /* a series colour: the index comes with it */
  KASANE_N_ROLES
} KasaneRole;


/* The palette's colour for `role`; for KASANE_ROLE_SERIES, series colour `series`
 * (of 8, wrapping). */
const KasaneColor *kasane_palette_role (const KasanePalette *palette,
                                        KasaneRole           role);
const KasaneColor *kasane_palette_ink  (const KasanePalette *palette,
                                        KasaneRole           role,
                                        int                  series);

/* Sets `color` with `alpha` as the source. */
void kasane_draw_set_color (cairo_t           *cr,
                            const KasaneColor *color,
                            double             alpha);
/* Sets `text` with its top left at (x, y), wrapped and ellipsized exactly as
 * kasane_render_text_extents measured it, in `color`. */
void kasane_draw_text      (cairo_t           *cr,
                            PangoContext      *context,
                            double             x,
                            double             y,
                            const KasaneColor *color,
                            double             alpha,
                            const char        *text,
                            const KasaneFont  *font,
                            const char        *lang,
                            double             max_width,
                            int                max_lines);

G_END_DECLS
