/* kasane-diagram-paint.c: paints a finished diagram layout on any cairo surface
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-diagram"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kasane-diagram-build.h"
#include "kasane-i18n.h"

/* Paint */

static void
set_color (cairo_t             *cr,
           const KasanePalette *palette,
           KasaneRole           role,
           double               alpha)
{
  kasane_draw_set_color (cr, kasane_palette_role (palette, role), alpha);
}

static void
rounded_rect (cairo_t          *cr,
              const KasaneRect *r,
              double            radius)
{
  double rad = MIN (radius, MIN (r->width, r->height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - rad, r->y + rad, rad, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - rad, r->y + r->height - rad, rad, 0, G_PI / 2);
  cairo_arc (cr, r->x + rad, r->y + r->height - rad, rad, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + rad, r->y + rad, rad, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_dash (cairo_t    *cr,
          KasaneDash  dash,
          double      line_width,
          double      unit)
{
  if (dash == KASANE_DASH_DASHED)
    {
      double d[] = { MAX (3 * line_width, 6 * unit), MAX (2 * line_width, 4 * unit) };

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, d, 2, 0);
    }
  else if (dash == KASANE_DASH_DOTTED)
    {
      double d[] = { 0, MAX (2.2 * line_width, 3.5 * unit) };

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, d, 2, 0);
    }
  else
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static gboolean
is_hover (const KasaneDiagramLayout *layout,
          int                        dataset,
          int                        problem)
{
  return layout->hover_problem >= 0 && problem >= 0 &&
         dataset == layout->hover_dataset && problem == layout->hover_problem;
}

static double
dim_alpha (const KasaneDiagramLayout *layout,
           int                        dataset,
           int                        problem)
{
  if (layout->hover_problem < 0 || problem < 0)
    return 1.0;
  return is_hover (layout, dataset, problem) ? 1.0 : 0.28;
}

static void
paint_box (cairo_t                   *cr,
           const KasaneDiagramLayout *layout,
           const KasanePalette       *palette,
           const KasaneDiagramBox    *box)
{
  double alpha = box->legend ? 1.0 : dim_alpha (layout, box->dataset, box->problem);
  double u = layout->unit;

  if (box->kind == KASANE_BOX_ACCENT)
    {
      /* Rounded on the left, square on the right, inside the card's corner. */
      KasaneRect wide = box->rect;

      wide.width += 2 * box->radius;
      cairo_save (cr);
      cairo_rectangle (cr, box->rect.x, box->rect.y, box->rect.width, box->rect.height);
      cairo_clip (cr);
      rounded_rect (cr, &wide, box->radius);
      set_color (cr, palette, box->fill, box->fill_alpha);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  if (box->shadow && palette->shadow.alpha > 0)
    {
      for (int i = 3; i >= 1; i--)
        {
          KasaneRect r = box->rect;

          r.x -= i * 0.6 * u;
          r.width += i * 1.2 * u;
          r.y += 1.5 * u;
          r.height += (i * 1.2 + 1.5) * u;
          rounded_rect (cr, &r, box->radius + i * u);
          set_color (cr, palette, KASANE_ROLE_SHADOW, 0.38);
          cairo_fill (cr);
        }
    }

  rounded_rect (cr, &box->rect, box->radius);
  if (box->fill != KASANE_ROLE_NONE)
    {
      if (box->kind == KASANE_BOX_CHIP && box->fill_alpha < 1.0)
        {
          /* An outlined chip: the card shows through, tinted. */
          set_color (cr, palette, KASANE_ROLE_SURFACE, alpha);
          cairo_fill_preserve (cr);
        }
      set_color (cr, palette, box->fill, box->fill_alpha * alpha);
      cairo_fill_preserve (cr);
    }
  if (box->stroke != KASANE_ROLE_NONE && box->line_width > 0)
    {
      cairo_new_path (cr);
      {
        /* Stroke inside the box, so thick borders never leave it. */
        KasaneRect inset = box->rect;
        double h = box->line_width / 2;

        inset.x += h;
        inset.y += h;
        inset.width -= 2 * h;
        inset.height -= 2 * h;
        rounded_rect (cr, &inset, MAX (0, box->radius - h));
      }
      cairo_set_line_width (cr, box->line_width);
      set_dash (cr, box->dash, box->line_width, u);
      set_color (cr, palette, box->stroke, alpha);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_new_path (cr);

  if (box->kind == KASANE_BOX_CHIP && is_hover (layout, box->dataset, box->problem))
    {
      KasaneRect ring = box->rect;
      double g = 3 * u;

      ring.x -= g;
      ring.y -= g;
      ring.width += 2 * g;
      ring.height += 2 * g;
      rounded_rect (cr, &ring, box->radius + g);
      cairo_set_line_width (cr, 3 * u * palette->stroke_scale);
      set_color (cr, palette, KASANE_ROLE_HIGHLIGHT, 1.0);
      cairo_stroke (cr);
    }
}

static void
paint_mark (cairo_t                   *cr,
            const KasaneDiagramLayout *layout,
            const KasanePalette       *palette,
            const KasaneDiagramMark   *mark)
{
  const KasaneRect *r = &mark->rect;
  double x = r->x, y = r->y, s = r->width;
  double alpha = mark->legend ? 1.0 : dim_alpha (layout, mark->dataset, mark->problem);

  cairo_save (cr);
  set_color (cr, palette, mark->role, alpha);
  cairo_set_line_width (cr, mark->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);

  switch (mark->kind)
    {
    case KASANE_MARK_CHECK:
      cairo_move_to (cr, x + 0.12 * s, y + 0.55 * s);
      cairo_line_to (cr, x + 0.40 * s, y + 0.80 * s);
      cairo_line_to (cr, x + 0.88 * s, y + 0.22 * s);
      cairo_stroke (cr);
      break;
    case KASANE_MARK_DOWN:
    case KASANE_MARK_UP:
      {
        double tip = mark->kind == KASANE_MARK_DOWN ? y + 0.88 * s : y + 0.12 * s;
        double tail = mark->kind == KASANE_MARK_DOWN ? y + 0.12 * s : y + 0.88 * s;
        double head = mark->kind == KASANE_MARK_DOWN ? -0.34 * s : 0.34 * s;

        cairo_move_to (cr, x + 0.5 * s, tail);
        cairo_line_to (cr, x + 0.5 * s, tip);
        cairo_move_to (cr, x + 0.18 * s, tip + head);
        cairo_line_to (cr, x + 0.5 * s, tip);
        cairo_line_to (cr, x + 0.82 * s, tip + head);
        cairo_stroke (cr);
      }
      break;
    case KASANE_MARK_PLUS:
      cairo_move_to (cr, x + 0.5 * s, y + 0.14 * s);
      cairo_line_to (cr, x + 0.5 * s, y + 0.86 * s);
      cairo_move_to (cr, x + 0.14 * s, y + 0.5 * s);
      cairo_line_to (cr, x + 0.86 * s, y + 0.5 * s);
      cairo_stroke (cr);
      break;
    case KASANE_MARK_PROGRESSION:
      cairo_move_to (cr, x + 0.5 * s, y + 0.08 * s);
      cairo_line_to (cr, x + 0.96 * s, y + 0.88 * s);
      cairo_line_to (cr, x + 0.04 * s, y + 0.88 * s);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case KASANE_MARK_MIGRATION:
      cairo_move_to (cr, x + 0.06 * s, y + 0.3 * s);
      cairo_line_to (cr, x + 0.94 * s, y + 0.3 * s);
      cairo_move_to (cr, x + 0.7 * s, y + 0.08 * s);
      cairo_line_to (cr, x + 0.94 * s, y + 0.3 * s);
      cairo_line_to (cr, x + 0.7 * s, y + 0.52 * s);
      cairo_move_to (cr, x + 0.94 * s, y + 0.74 * s);
      cairo_line_to (cr, x + 0.06 * s, y + 0.74 * s);
      cairo_move_to (cr, x + 0.3 * s, y + 0.52 * s);
      cairo_line_to (cr, x + 0.06 * s, y + 0.74 * s);
      cairo_line_to (cr, x + 0.3 * s, y + 0.96 * s);
      cairo_stroke (cr);
      break;
    case KASANE_MARK_MIXED:
      cairo_move_to (cr, x + 0.5 * s, y + 0.04 * s);
      cairo_line_to (cr, x + 0.96 * s, y + 0.5 * s);
      cairo_line_to (cr, x + 0.5 * s, y + 0.96 * s);
      cairo_line_to (cr, x + 0.04 * s, y + 0.5 * s);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case KASANE_MARK_NONE_VERDICT:
      cairo_move_to (cr, x + 0.15 * s, y + 0.5 * s);
      cairo_line_to (cr, x + 0.85 * s, y + 0.5 * s);
      cairo_stroke (cr);
      break;
    case KASANE_MARK_DIFFERS:
      cairo_move_to (cr, x + 0.1 * s, y + 0.36 * s);
      cairo_line_to (cr, x + 0.9 * s, y + 0.36 * s);
      cairo_move_to (cr, x + 0.1 * s, y + 0.66 * s);
      cairo_line_to (cr, x + 0.9 * s, y + 0.66 * s);
      cairo_move_to (cr, x + 0.7 * s, y + 0.08 * s);
      cairo_line_to (cr, x + 0.3 * s, y + 0.94 * s);
      cairo_stroke (cr);
      break;
    case KASANE_MARK_STEP_ARROW:
      cairo_move_to (cr, x + 0.1 * s, y + 0.72 * s);
      cairo_line_to (cr, x + 0.5 * s, y + 0.28 * s);
      cairo_line_to (cr, x + 0.9 * s, y + 0.72 * s);
      cairo_stroke (cr);
      break;
    default:
      break;
    }
  cairo_restore (cr);
}

static void
paint_rail (cairo_t                   *cr,
            const KasaneDiagramLayout *layout,
            const KasanePalette       *palette,
            const KasaneDiagramRail   *rail)
{
  double u = layout->unit;
  gboolean hover = !rail->legend && is_hover (layout, rail->dataset, rail->problem);
  double alpha = rail->legend ? 1.0 : dim_alpha (layout, rail->dataset, rail->problem);
  KasaneRole role = hover ? KASANE_ROLE_HIGHLIGHT : rail->role;
  double grow = hover ? 1.6 : 1.0;
  double ring = 4.2 * u;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < rail->segments->len; i++)
    {
      const KasaneRailSegment *seg = &g_array_index (rail->segments, KasaneRailSegment, i);
      double lw = seg->width * grow * palette->stroke_scale * (rail->legend ? 1 : 1);

      if (rail->legend)
        {
          /* Legend samples lie down: the segment runs along x at height y_start. */
          cairo_move_to (cr, seg->y_bottom + ring, rail->y_start);
          cairo_line_to (cr, seg->y_top - (rail->open ? 0 : ring), rail->y_start);
        }
      else
        {
          double y0 = seg->y_bottom - (i == 0 ? ring : 0);

          cairo_move_to (cr, rail->x, y0);
          cairo_line_to (cr, rail->x, seg->y_top);
        }
      cairo_set_line_width (cr, MIN (lw, 6 * u * palette->stroke_scale));
      set_dash (cr, rail->open ? KASANE_DASH_DASHED : KASANE_DASH_SOLID, lw, u);
      if (!rail->open)
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      set_color (cr, palette, role, alpha);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* The arrow head of a still-open rail. */
  if (rail->open)
    {
      double hs = 7 * u * (hover ? 1.25 : 1.0);

      set_color (cr, palette, role, alpha);
      if (rail->legend)
        {
          const KasaneRailSegment *seg = &g_array_index (rail->segments, KasaneRailSegment, 0);
          double tip = seg->y_top + hs * 0.4;

          cairo_move_to (cr, tip, rail->y_start);
          cairo_line_to (cr, tip - hs * 1.3, rail->y_start - hs * 0.75);
          cairo_line_to (cr, tip - hs * 1.3, rail->y_start + hs * 0.75);
        }
      else
        {
          double tip = rail->y_end - hs * 0.4;

          cairo_move_to (cr, rail->x, tip);
          cairo_line_to (cr, rail->x - hs * 0.75, tip + hs * 1.3);
          cairo_line_to (cr, rail->x + hs * 0.75, tip + hs * 1.3);
        }
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  for (guint i = 0; i < rail->stops->len; i++)
    {
      const KasaneRailStop *stop = &g_array_index (rail->stops, KasaneRailStop, i);
      double sx = rail->legend ? stop->y : rail->x;
      double sy = rail->legend ? rail->y_start : stop->y;

      set_color (cr, palette, role, alpha);
      switch (stop->kind)
        {
        case KASANE_RAIL_STOP_START:
          cairo_arc (cr, sx, sy, ring, 0, 2 * G_PI);
          set_color (cr, palette, KASANE_ROLE_BACKGROUND, 1.0);
          cairo_fill_preserve (cr);
          set_color (cr, palette, role, alpha);
          cairo_set_line_width (cr, 1.8 * u * palette->stroke_scale);
          cairo_stroke (cr);
          break;
        case KASANE_RAIL_STOP_SOLVED:
          cairo_arc (cr, sx, sy, ring * 1.15, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case KASANE_RAIL_STOP_EASED:
        case KASANE_RAIL_STOP_WORSENED:
          cairo_move_to (cr, sx - ring, sy);
          cairo_line_to (cr, sx + ring, sy);
          cairo_set_line_width (cr, 1.8 * u * palette->stroke_scale);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
          break;
        default:
          break;
        }
    }
  cairo_restore (cr);
}

static void
paint_line (cairo_t                   *cr,
            const KasaneDiagramLayout *layout,
            const KasanePalette       *palette,
            const KasaneDiagramLine   *line)
{
  cairo_save (cr);
  cairo_move_to (cr, line->x0, line->y0);
  cairo_line_to (cr, line->x1, line->y1);
  cairo_set_line_width (cr, line->line_width);
  set_dash (cr, line->dash, line->line_width, layout->unit);
  set_color (cr, palette, line->role, line->alpha);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_text (cairo_t                   *cr,
            PangoContext              *context,
            const KasaneDiagramLayout *layout,
            const KasanePalette       *palette,
            const KasaneDiagramText   *text)
{
  kasane_draw_text (cr, context, text->x, text->y, kasane_palette_role (palette, text->role),
                    dim_alpha (layout, text->dataset, text->problem), text->text, &text->font,
                    text->lang, text->max_width, text->max_lines);
}

void
kasane_diagram_paint (cairo_t                   *cr,
                      const KasaneDiagramLayout *layout,
                      const KasanePalette       *palette)
{
  PangoContext *context;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  if (palette == NULL)
    palette = kasane_palette_get (layout->params.theme);

  cairo_save (cr);

  set_color (cr, palette, KASANE_ROLE_BACKGROUND, 1.0);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  for (guint i = 0; i < layout->lines->len; i++)
    paint_line (cr, layout, palette, &g_array_index (layout->lines, KasaneDiagramLine, i));

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const KasaneDiagramBox *box = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (box->kind == KASANE_BOX_CARD || box->kind == KASANE_BOX_ACCENT ||
          box->kind == KASANE_BOX_PANEL)
        paint_box (cr, layout, palette, box);
    }

  /* Rails: the hovered one last, on top of its neighbours. */
  for (guint i = 0; i < layout->rails->len; i++)
    {
      const KasaneDiagramRail *rail = &g_array_index (layout->rails, KasaneDiagramRail, i);

      if (rail->legend || !is_hover (layout, rail->dataset, rail->problem))
        paint_rail (cr, layout, palette, rail);
    }
  for (guint i = 0; i < layout->rails->len; i++)
    {
      const KasaneDiagramRail *rail = &g_array_index (layout->rails, KasaneDiagramRail, i);

      if (!rail->legend && is_hover (layout, rail->dataset, rail->problem))
        paint_rail (cr, layout, palette, rail);
    }

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const KasaneDiagramBox *box = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (box->kind != KASANE_BOX_CARD && box->kind != KASANE_BOX_ACCENT &&
          box->kind != KASANE_BOX_PANEL)
        paint_box (cr, layout, palette, box);
    }

  for (guint i = 0; i < layout->marks->len; i++)
    paint_mark (cr, layout, palette, &g_array_index (layout->marks, KasaneDiagramMark, i));

  context = kasane_render_context_new ();
  for (guint i = 0; i < layout->texts->len; i++)
    paint_text (cr, context, layout, palette, &g_array_index (layout->texts, KasaneDiagramText, i));
  g_object_unref (context);

  cairo_restore (cr);
}
