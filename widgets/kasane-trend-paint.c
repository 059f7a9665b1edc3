/* kasane-trend-paint.c: paints a finished trend layout on any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-trend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kasane-trend-build.h"
#include "kasane-i18n.h"

/* ---- Paint ------------------------------------------------------------------------ */

/* One text of the layout, in its role's colour (a series colour for a direct label). */
static void
paint_text (cairo_t               *cr,
            PangoContext          *context,
            const char            *lang,
            const KasaneTrendText *t,
            const KasanePalette   *palette,
            double                 alpha)
{
  kasane_draw_text (cr, context, t->x, t->y, kasane_palette_ink (palette, t->ink, t->color),
                    alpha, t->text, &t->font, lang, t->max_width, t->max_lines);
}

static void
marker_path (cairo_t           *cr,
             KasaneTrendMarker  marker,
             double             x,
             double             y,
             double             r)
{
  switch (marker)
    {
    case KASANE_TREND_MARKER_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case KASANE_TREND_MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case KASANE_TREND_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.05, y + r * 0.75);
      cairo_line_to (cr, x - r * 1.05, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case KASANE_TREND_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.0, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.0, y);
      cairo_close_path (cr);
      break;
    case KASANE_TREND_MARKER_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x + r * 1.05, y - r * 0.75);
      cairo_line_to (cr, x - r * 1.05, y - r * 0.75);
      cairo_close_path (cr);
      break;
    case KASANE_TREND_MARKER_PLUS:
      {
        double a = r * 1.15, b = r * 0.42;

        cairo_move_to (cr, x - b, y - a);
        cairo_line_to (cr, x + b, y - a);
        cairo_line_to (cr, x + b, y - b);
        cairo_line_to (cr, x + a, y - b);
        cairo_line_to (cr, x + a, y + b);
        cairo_line_to (cr, x + b, y + b);
        cairo_line_to (cr, x + b, y + a);
        cairo_line_to (cr, x - b, y + a);
        cairo_line_to (cr, x - b, y + b);
        cairo_line_to (cr, x - a, y + b);
        cairo_line_to (cr, x - a, y - b);
        cairo_line_to (cr, x - b, y - b);
        cairo_close_path (cr);
        break;
      }
    case KASANE_TREND_MARKER_CROSS:
      {
        /* A plus turned by 45°, drawn point by point so the path keeps no transform. */
        for (int i = 0; i < 12; i++)
          {
            static const double px[] = { -0.42, 0.42, 0.42, 1.15, 1.15, 0.42, 0.42, -0.42, -0.42,
                                         -1.15, -1.15, -0.42 };
            static const double py[] = { -1.15, -1.15, -0.42, -0.42, 0.42, 0.42, 1.15, 1.15, 0.42,
                                         0.42, -0.42, -0.42 };
            double u = (px[i] - py[i]) * G_SQRT2 / 2 * r, v = (px[i] + py[i]) * G_SQRT2 / 2 * r;

            if (i == 0)
              cairo_move_to (cr, x + u, y + v);
            else
              cairo_line_to (cr, x + u, y + v);
          }
        cairo_close_path (cr);
        break;
      }
    case KASANE_TREND_MARKER_HEXAGON:
    case KASANE_TREND_N_MARKERS:
    default:
      for (int i = 0; i < 6; i++)
        {
          double a = G_PI / 3 * i;

          if (i == 0)
            cairo_move_to (cr, x + r * 1.05 * cos (a), y + r * 1.05 * sin (a));
          else
            cairo_line_to (cr, x + r * 1.05 * cos (a), y + r * 1.05 * sin (a));
        }
      cairo_close_path (cr);
      break;
    }
}

static void
paint_markers (cairo_t                     *cr,
               const KasaneTrendSeriesPath *path,
               const KasanePalette         *palette,
               double                       r,
               double                       line_w)
{
  for (guint k = 0; k < path->n; k++)
    marker_path (cr, path->marker, path->px[k], path->py[k], r);
  kasane_draw_set_color (cr, &palette->series[path->color], 1.0);
  cairo_fill_preserve (cr);
  kasane_draw_set_color (cr, &palette->background, 1.0);
  cairo_set_line_width (cr, line_w);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
}

static void
stroke_series (cairo_t                     *cr,
               const KasaneTrendSeriesPath *path,
               const KasanePalette         *palette,
               double                       line_w)
{
  double dashes[6];
  int n_dashes = kasane_trend_dash_pattern (path->dash, line_w, dashes);

  cairo_new_path (cr);
  for (guint k = 0; k < path->n; k++)
    {
      if (path->move[k] || k == 0)
        cairo_move_to (cr, path->px[k], path->py[k]);
      else if (path->kind == KASANE_KIND_STEP)
        {
          cairo_line_to (cr, path->px[k], path->py[k - 1]);
          cairo_line_to (cr, path->px[k], path->py[k]);
        }
      else
        cairo_line_to (cr, path->px[k], path->py[k]);
    }
  cairo_set_line_width (cr, line_w);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, n_dashes > 0 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dashes, n_dashes, 0);
  kasane_draw_set_color (cr, &palette->series[path->color], 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* A dense series at pixel resolution: in each pixel column the polyline covers the span
 * from its lowest to its highest vertex, joined to the previous column's last vertex, one
 * line width wide.  Filling those boxes paints what stroking the M4 zigzag paints, in a
 * fraction of the time (cairo's stroker is slow on thousands of overlapping segments) and
 * with a far shorter SVG path.  Gaps and jumps over empty columns stay strokes. */
static void
fill_dense_series (cairo_t                     *cr,
                   const KasaneTrendSeriesPath *path,
                   const KasanePalette         *palette,
                   double                       left,
                   double                       line_w)
{
  gint64 column = G_MININT64;
  double lo = 0, hi = 0, last_x = 0, last_y = 0;
  gboolean have = FALSE, any_jump = FALSE;

  kasane_draw_set_color (cr, &palette->series[path->color], 1.0);
  cairo_new_path (cr);
  for (guint k = 0; k <= path->n; k++)
    {
      gint64 c = k < path->n ? (gint64) floor (path->px[k] - left) : G_MAXINT64;

      if (k == path->n || c != column || path->move[k])
        {
          if (have)
            {
              /* Whole pixels: boxes on the pixel grid are the rasterizer's fastest case. */
              double bx = floor (left + column + 0.5 - line_w / 2);
              double by = floor (lo - line_w / 2 + 0.5);

              cairo_rectangle (cr, bx, by, ceil (line_w),
                               MAX (1, floor (hi + line_w / 2 + 0.5) - by));
            }
          have = FALSE;
          if (k == path->n)
            break;
          if (!path->move[k] && k > 0 && c != column && path->kind != KASANE_KIND_POINTS)
            {
              if (c == column + 1)
                {
                  /* Adjacent column: the span starts at the previous last vertex. */
                  lo = MIN (last_y, path->py[k]);
                  hi = MAX (last_y, path->py[k]);
                  have = TRUE;
                }
              else
                any_jump = TRUE;
            }
          if (!have)
            {
              lo = hi = path->py[k];
              have = TRUE;
            }
          column = c;
        }
      lo = MIN (lo, path->py[k]);
      hi = MAX (hi, path->py[k]);
      last_x = path->px[k];
      last_y = path->py[k];
    }
  (void) last_x;
  cairo_fill (cr);

  if (any_jump)
    {
      /* Segments across empty columns (sparse stretches inside a dense series). */
      cairo_new_path (cr);
      for (guint k = 1; k < path->n; k++)
        if (!path->move[k] && floor (path->px[k] - left) > floor (path->px[k - 1] - left) + 1)
          {
            cairo_move_to (cr, path->px[k - 1], path->py[k - 1]);
            if (path->kind == KASANE_KIND_STEP)
              cairo_line_to (cr, path->px[k], path->py[k - 1]);
            cairo_line_to (cr, path->px[k], path->py[k]);
          }
      cairo_set_line_width (cr, line_w);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
      cairo_stroke (cr);
    }
}

static void
paint_swatch (cairo_t                      *cr,
              const KasaneTrendLegendEntry *entry,
              const KasaneTrendSeriesPath  *path,
              const KasanePalette          *palette,
              double                        ts)
{
  const KasaneTrendRect *r = &entry->swatch;
  double cy = r->y + r->height / 2, alpha = entry->visible ? 1.0 : 0.35;
  double dashes[6];
  int n_dashes;

  cairo_save (cr);
  if (!entry->visible)
    cairo_push_group (cr);
  if (path->kind != KASANE_KIND_POINTS)
    {
      n_dashes = kasane_trend_dash_pattern (path->dash, 2 * ts, dashes);
      cairo_move_to (cr, r->x, cy);
      if (path->kind == KASANE_KIND_STEP)
        {
          cairo_line_to (cr, r->x + r->width / 2, cy);
          cairo_line_to (cr, r->x + r->width / 2, cy - r->height / 2 + 1);
          cairo_line_to (cr, r->x + r->width, cy - r->height / 2 + 1);
        }
      else
        cairo_line_to (cr, r->x + r->width, cy);
      cairo_set_line_width (cr, 2 * ts);
      cairo_set_dash (cr, dashes, n_dashes, 0);
      kasane_draw_set_color (cr, &palette->series[path->color], 1.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  marker_path (cr, path->marker, r->x + r->width / 2, cy, (path->kind == KASANE_KIND_POINTS ? 4.5
                                                           : 3.5) * ts);
  kasane_draw_set_color (cr, &palette->series[path->color], 1.0);
  cairo_fill_preserve (cr);
  kasane_draw_set_color (cr, &palette->background, 1.0);
  cairo_set_line_width (cr, 1 * ts);
  cairo_stroke (cr);
  if (!entry->visible)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, alpha);
    }
  cairo_restore (cr);
}

void
kasane_trend_paint (cairo_t                 *cr,
                    const KasaneTrendLayout *layout,
                    const KasanePalette     *palette)
{
  PangoContext *context;
  double ts, strip_top;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  ts = layout->text_scale *
       CLAMP (MIN (layout->width / 1600, layout->height / 900) * 0.35 + 0.65, 0.7, 2.0);
  strip_top = layout->era_strip.height > 0 ? layout->era_strip.y : layout->event_strip.y;

  cairo_save (cr);
  kasane_draw_set_color (cr, &palette->background, 1.0);
  cairo_paint (cr);

  /* Layer eras: alternately tinted bands behind everything, strips included. */
  for (guint i = 0; i < layout->eras->len; i++)
    {
      KasaneTrendEra *era = &g_array_index (layout->eras, KasaneTrendEra, i);

      /* A wash of the text colour reads as a tint on every theme, light, dark or high
       * contrast, without competing with the series drawn over it. */
      kasane_draw_set_color (cr, &palette->text, era->tint == 0 ? 0.035 : 0.085);
      cairo_rectangle (cr, era->x0, strip_top, era->x1 - era->x0, layout->plots_bottom - strip_top);
      cairo_fill (cr);
    }

  /* The what-if band: tinted, outlined in dashes, as on the diagram. */
  if (layout->whatif.height > 0)
    {
      double dash[] = { 9 * ts, 6 * ts };

      cairo_rectangle (cr, layout->whatif.x, layout->whatif.y, layout->whatif.width,
                       layout->whatif.height);
      kasane_draw_set_color (cr, &palette->highlight, 0.22);
      cairo_fill_preserve (cr);
      kasane_draw_set_color (cr, &palette->highlight, 1.0);
      cairo_set_line_width (cr, 2.5 * ts * palette->stroke_scale);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Grids: y per panel, x across every panel. */
  cairo_set_line_width (cr, 1);
  for (guint p = 0; p < layout->panels->len; p++)
    {
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, p);

      for (guint i = 0; i < panel->ticks->len; i++)
        {
          KasaneTrendTick *tick = &g_array_index (panel->ticks, KasaneTrendTick, i);
          double y = round (tick->pos) + 0.5;

          if (tick->pos < panel->plot.y - 0.5 || tick->pos > panel->plot.y + panel->plot.height + 0.5)
            continue;
          kasane_draw_set_color (cr, &palette->grid, tick->major ? 1.0 : 0.5);
          cairo_move_to (cr, panel->plot.x, y);
          cairo_line_to (cr, panel->plot.x + panel->plot.width, y);
          cairo_stroke (cr);
        }
      for (guint i = 0; i < layout->x_ticks->len; i++)
        {
          KasaneTrendTick *tick = &g_array_index (layout->x_ticks, KasaneTrendTick, i);
          double x = round (tick->pos) + 0.5;

          kasane_draw_set_color (cr, &palette->grid, 1.0);
          cairo_move_to (cr, x, panel->plot.y);
          cairo_line_to (cr, x, panel->plot.y + panel->plot.height);
          cairo_stroke (cr);
        }
    }

  /* Era boundaries. */
  for (guint i = 0; i < layout->eras->len; i++)
    {
      KasaneTrendEra *era = &g_array_index (layout->eras, KasaneTrendEra, i);

      if (!era->starts_here)
        continue;
      kasane_draw_set_color (cr, &palette->border, 1.0);
      cairo_set_line_width (cr, 1.5 * ts);
      cairo_move_to (cr, era->x0, strip_top);
      cairo_line_to (cr, era->x0, layout->plots_bottom);
      cairo_stroke (cr);
    }

  /* Event markers: a dashed line from the label's row (or the plots' top) down. */
  for (guint i = 0; i < layout->events->len; i++)
    {
      KasaneTrendEventMark *mark = &g_array_index (layout->events, KasaneTrendEventMark, i);
      double dashes[2] = { 3 * ts, 3 * ts };
      double top = layout->plots_top;
      double x = round (mark->x) + 0.5;

      if (mark->text >= 0)
        top = trend_text_at (layout, mark->text)->y;
      kasane_draw_set_color (cr, &palette->text_dim, mark->text >= 0 ? 0.7 : 0.4);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, layout->plots_bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (mark->text < 0)
        {
          /* An unlabelled event keeps a small tick in the strip, so it is still seen. */
          kasane_draw_set_color (cr, &palette->text_dim, 0.7);
          cairo_arc (cr, mark->x, layout->plots_top - 3 * ts, 2 * ts, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* Axis lines at each panel's bottom. */
  for (guint p = 0; p < layout->panels->len; p++)
    {
      KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, p);
      double y = round (panel->plot.y + panel->plot.height) + 0.5;

      kasane_draw_set_color (cr, &palette->border, 1.0);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, panel->plot.x, y);
      cairo_line_to (cr, panel->plot.x + panel->plot.width, y);
      cairo_stroke (cr);
    }

  /* Series, clipped to their panel (markers may overhang a little). */
  for (guint i = 0; i < layout->paths->len; i++)
    {
      const KasaneTrendSeriesPath *path = &g_array_index (layout->paths, KasaneTrendSeriesPath, i);
      const KasaneTrendPanel *panel;

      if (!path->visible || path->n == 0)
        continue;
      panel = &g_array_index (layout->panels, KasaneTrendPanel, path->panel);
      cairo_save (cr);
      /* Lines end at the plot's sides (the window's edges); markers may overhang its top
       * and bottom a little. */
      cairo_rectangle (cr, panel->plot.x - (path->markers ? 5 * ts : 0), panel->plot.y - 6 * ts,
                       panel->plot.width + (path->markers ? 10 * ts : 0),
                       panel->plot.height + 12 * ts);
      cairo_clip (cr);
      if (path->dense)
        fill_dense_series (cr, path, palette, layout->plot_left,
                           path->kind == KASANE_KIND_POINTS ? 3 * ts : 2 * ts);
      else if (path->kind != KASANE_KIND_POINTS)
        stroke_series (cr, path, palette, 2 * ts);
      if (path->markers)
        paint_markers (cr, path, palette, (path->kind == KASANE_KIND_POINTS ? 4.0 : 3.0) * ts,
                       1 * ts);
      cairo_restore (cr);
    }

  /* Legend swatches. */
  for (guint i = 0; i < layout->legend->len; i++)
    {
      KasaneTrendLegendEntry *entry = &g_array_index (layout->legend, KasaneTrendLegendEntry, i);

      paint_swatch (cr, entry, &g_array_index (layout->paths, KasaneTrendSeriesPath, entry->series),
                    palette, ts);
    }

  /* Text last, above everything; direct labels get a halo so lines do not cut them. */
  context = kasane_render_context_new ();
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KasaneTrendText *t = trend_text_at (layout, (int) i);
      double alpha = 1.0;

      if (t->role == KASANE_TREND_TEXT_READOUT)
        continue;
      if (t->role == KASANE_TREND_TEXT_DIRECT || t->role == KASANE_TREND_TEXT_EVENT)
        {
          kasane_draw_set_color (cr, &palette->background, 0.8);
          cairo_rectangle (cr, t->x - 2 * ts, t->y, t->width + 4 * ts, t->height);
          cairo_fill (cr);
        }
      if (t->role == KASANE_TREND_TEXT_LEGEND && t->ink == KASANE_ROLE_TEXT_DIM)
        alpha = 0.7;
      paint_text (cr, context, layout->lang, t, palette, alpha);
    }

  /* Hover: crosshair across every panel, ring, read-out box. */
  if (layout->has_hover)
    {
      const KasaneTrendSeriesPath *path = &g_array_index (layout->paths, KasaneTrendSeriesPath,
                                                          layout->hover_series);

      kasane_draw_set_color (cr, &palette->accent, 0.8);
      cairo_set_line_width (cr, 1 * ts);
      cairo_move_to (cr, round (layout->hover_x) + 0.5, layout->plots_top);
      cairo_line_to (cr, round (layout->hover_x) + 0.5, layout->plots_bottom);
      cairo_stroke (cr);

      marker_path (cr, path->marker, layout->hover_x, layout->hover_y, 5.5 * ts);
      kasane_draw_set_color (cr, &palette->series[path->color], 1.0);
      cairo_fill_preserve (cr);
      kasane_draw_set_color (cr, &palette->accent, 1.0);
      cairo_set_line_width (cr, 2 * ts);
      cairo_stroke (cr);

      cairo_rectangle (cr, layout->readout.x, layout->readout.y, layout->readout.width,
                       layout->readout.height);
      kasane_draw_set_color (cr, &palette->surface, 1.0);
      cairo_fill_preserve (cr);
      kasane_draw_set_color (cr, &palette->border, 1.0);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      for (guint i = 0; i < layout->texts->len; i++)
        if (trend_text_at (layout, (int) i)->role == KASANE_TREND_TEXT_READOUT)
          paint_text (cr, context, layout->lang, trend_text_at (layout, (int) i), palette, 1.0);
    }

  g_object_unref (context);
  cairo_restore (cr);
}
