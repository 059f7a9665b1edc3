/* kasane-render-private.h: the Pango plumbing that measure and paint share
 *
 * Text is measured and painted through one function that builds the PangoLayout, so a
 * text item set by paint has exactly the extents the layout step measured: same font
 * map, same fixed font options (no hinting, no hinted metrics, unrounded glyph
 * positions), same reference size, same language attribute, same wrap width and line
 * limit.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "kasane-render.h"

G_BEGIN_DECLS

/* One family covers Latin and Japanese; fontconfig falls back in this order. */
#define KASANE_FONT_FAMILY "Noto Sans CJK JP, Noto Sans, Cantarell, sans-serif"

/* A new context on the process-wide PangoCairo font map, with the fixed font options.
 * Measure and paint with such contexts, never with one updated from a cairo_t: the
 * target's own font options would make Pango load every font again. */
/* TRUE when `measure` is Pango (paint then sets text the same way). */
gboolean      kasane_measure_is_pango      (const KasaneMeasure *measure);

G_END_DECLS
