/* kasane-draw.c: the drawing vocabulary every chart shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kasane-draw.h"

const KasaneColor *
kasane_palette_role (const KasanePalette *p,
                     KasaneRole           role)
{
  switch (role)
    {
    case KASANE_ROLE_BACKGROUND: return &p->background;
    case KASANE_ROLE_SURFACE: return &p->surface;
    case KASANE_ROLE_BORDER: return &p->border;
    case KASANE_ROLE_TEXT: return &p->text;
    case KASANE_ROLE_TEXT_DIM: return &p->text_dim;
    case KASANE_ROLE_GRID: return &p->grid;
    case KASANE_ROLE_ACCENT: return &p->accent;
    case KASANE_ROLE_PROGRESSION: return &p->progression;
    case KASANE_ROLE_MIGRATION: return &p->migration;
    case KASANE_ROLE_MIXED: return &p->mixed;
    case KASANE_ROLE_ON_BADGE: return &p->on_badge;
    case KASANE_ROLE_SOLVES: return &p->solves;
    case KASANE_ROLE_MITIGATES: return &p->mitigates;
    case KASANE_ROLE_INTRODUCES: return &p->introduces;
    case KASANE_ROLE_WORSENS: return &p->worsens;
    case KASANE_ROLE_ON_CHIP: return &p->on_chip;
    case KASANE_ROLE_RAIL: return &p->rail;
    case KASANE_ROLE_LOAD: return &p->load;
    case KASANE_ROLE_POSITIVE: return &p->positive;
    case KASANE_ROLE_NEGATIVE: return &p->negative;
    case KASANE_ROLE_HIGHLIGHT: return &p->highlight;
    case KASANE_ROLE_ON_MITIGATES: return &p->on_mitigates;
    case KASANE_ROLE_SHADOW: return &p->shadow;
    case KASANE_ROLE_BADGE_SOFT: return &p->badge_soft;
    case KASANE_ROLE_SERIES: return &p->series[0];
    case KASANE_ROLE_NONE:
    case KASANE_N_ROLES:
    default:
      return &p->text;
    }
}

const KasaneColor *
kasane_palette_ink (const KasanePalette *palette,
                    KasaneRole           role,
                    int                  series)
{
  if (role == KASANE_ROLE_SERIES)
    return &palette->series[((series % 8) + 8) % 8];
  return kasane_palette_role (palette, role);
}

void
kasane_draw_set_color (cairo_t           *cr,
                       const KasaneColor *color,
                       double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

void
kasane_draw_text (cairo_t           *cr,
                  PangoContext      *context,
                  double             x,
                  double             y,
                  const KasaneColor *color,
                  double             alpha,
                  const char        *text,
                  const KasaneFont  *font,
                  const char        *lang,
                  double             max_width,
                  int                max_lines)
{
  if (text == NULL || text[0] == '\0')
    return;
  kasane_draw_set_color (cr, color, alpha);
  cairo_move_to (cr, x, y);
  kasane_render_show_text (cr, context, text, font, lang, max_width, max_lines);
}
