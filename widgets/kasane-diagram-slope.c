/* kasane-diagram-slope.c: the Compare view's hero, the open load from layer to layer
 *
 * One thick line per dataset, L1 → L2 → L3 from left to right, the open load (the
 * weight of what is still unsolved) on one scale for all of them: a line that falls
 * closed problems, one that rises moved them.  Colour and dash come from the verdict
 * (solid for progression, dashed for migration, dotted for mixed), so the two stories
 * differ without colour too; the end of each line carries its label, "AI 14 → 10,
 * −29 %", pushed apart when two would overlap.  Dots are the layers: hovering or
 * clicking one is hovering or clicking that layer.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-diagram"

#include "config.h"

#include <math.h>

#include <string.h>

#include "kasane-diagram-build.h"

static KasaneDash
verdict_dash (KasaneVerdict verdict)
{
  switch (verdict)
    {
    case KASANE_VERDICT_MIGRATION: return KASANE_DASH_DASHED;
    case KASANE_VERDICT_MIXED: return KASANE_DASH_DOTTED;
    case KASANE_VERDICT_PROGRESSION:
    case KASANE_VERDICT_NONE:
    default:
      return KASANE_DASH_SOLID;
    }
}

/* The layer a column of the slope stands for: the first dataset's that has one. */
static const KasaneLayer *
slope_column_layer (DatasetPlan *plans,
                    guint        n_plans,
                    guint        column)
{
  for (guint d = 0; d < n_plans; d++)
    if (column < plans[d].n_visible)
      return g_ptr_array_index (plans[d].dataset->layers, column);
  return NULL;
}

double
diagram_emit_slope (Ctx         *ctx,
                    DatasetPlan *plans,
                    guint        n_plans,
                    int          max_load,
                    double       x,
                    double       y,
                    double       width,
                    double       height)
{
  double u = ctx->text_unit;
  static const double label_sizes[] = { 32, 28, 24 };
  KasaneFont label_font;
  KasaneFont axis_font = diagram_font_at (ctx, 20, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneRect frame = diagram_rect_make (x, y, width, height);
  g_autofree KasaneTextExtents *ext = g_new0 (KasaneTextExtents, MAX (1, n_plans));
  g_autofree double *label_y = g_new0 (double, MAX (1, n_plans));
  g_autofree double *end_x = g_new0 (double, MAX (1, n_plans));
  g_autofree guint *order = g_new0 (guint, MAX (1, n_plans));
  g_auto(GStrv) labels = g_new0 (char *, n_plans + 1);
  g_auto(GStrv) figures = g_new0 (char *, n_plans + 1);
  g_autofree KasaneTextExtents *figure_ext = g_new0 (KasaneTextExtents, MAX (1, n_plans));
  KasaneTextExtents axis;
  double label_w = 0, plot_x, plot_w, plot_top, plot_bottom, step_x;
  double line_w = 7 * u, dot = 20 * u, label_max, axis_w;
  guint n_cols = 0, first_text, first_line, first_box, label_every;

  for (guint d = 0; d < n_plans; d++)
    {
      n_cols = MAX (n_cols, plans[d].n_visible);
      labels[d] = diagram_slope_label_upto (plans[d].dataset, plans[d].ledger,
                                            MAX (1, plans[d].n_visible), ctx->lang);
    }
  /* The largest type at which every label keeps to one line in what the plot's least
   * width leaves; at the smallest, a label that needs more wraps, never cut. */
  label_max = MAX (width - 160 * u - 3 * dot - 24 * u, 1);
  for (guint size = 0; size < G_N_ELEMENTS (label_sizes); size++)
    {
      gboolean one_line = TRUE;
      KasaneTextExtents line;

      label_font = diagram_font_at (ctx, label_sizes[size], KASANE_WEIGHT_BOLD, FALSE);
      diagram_measure (ctx, "L", &label_font, label_max, 1, &line);
      label_w = 0;
      for (guint d = 0; d < n_plans; d++)
        {
          diagram_measure (ctx, labels[d], &label_font, label_max, 2, &ext[d]);
          label_w = MAX (label_w, ext[d].width);
          one_line = one_line && ext[d].height < 1.5 * line.height;
        }
      if (one_line)
        break;
    }
  /* Still too long at the smallest: the name on one line and its figures on the next
   * (two texts), rather than a break inside "(+86%)". */
  for (guint d = 0; d < n_plans; d++)
    {
      g_autofree char *name = kasane_diagram_short_name (plans[d].dataset, ctx->lang);
      gsize at = strlen (name);

      if (ext[d].n_lines > 1 && labels[d][at] == ' ')
        {
          figures[d] = g_strdup (labels[d] + at + 1);
          labels[d][at] = '\0';
          diagram_measure (ctx, labels[d], &label_font, label_max, 2, &ext[d]);
          diagram_measure (ctx, figures[d], &label_font, label_max, 1, &figure_ext[d]);
          ext[d].width = MAX (ext[d].width, figure_ext[d].width);
          ext[d].height += figure_ext[d].height;
        }
    }
  label_w = 0;
  for (guint d = 0; d < n_plans; d++)
    label_w = MAX (label_w, ext[d].width);
  diagram_measure (ctx, "L1", &axis_font, width, 1, &axis);
  axis_w = axis.width;
  for (guint i = 0; i < n_cols; i++)
    {
      g_autofree char *name = diagram_format_level (slope_column_layer (plans, n_plans, i));
      KasaneTextExtents e;

      diagram_measure (ctx, name, &axis_font, width, 1, &e);
      axis_w = MAX (axis_w, e.width);
    }

  /* The first axis label, centred under its column, stays inside the band. */
  plot_x = x + MAX (dot, axis_w / 2);
  plot_top = y + dot / 2;
  plot_bottom = y + height - axis.height - 10 * u - dot / 2;
  /* Not much wider than tall, so that a change of a third reads as a slope. */
  plot_w = MIN (MIN (width * 0.45, 3.2 * (plot_bottom - plot_top)),
                width - label_w - 3 * dot - 24 * u - MAX (axis_w - dot, 0));
  /* No room for a readable chart: the columns below still tell the story. */
  if (n_cols == 0 || plot_w < 160 * u || plot_bottom - plot_top < 50 * u || max_load <= 0)
    return 0;
  step_x = n_cols > 1 ? plot_w / (n_cols - 1) : 0;
  /* Axis labels closer than their width: every label_every-th, and the last. */
  label_every = step_x > 0 ? (guint) ceil ((axis_w + 8 * u) / step_x) : 1;
  label_every = MAX (label_every, 1);
  first_text = ctx->layout->texts->len;
  first_line = ctx->layout->lines->len;
  first_box = ctx->layout->boxes->len;

  /* The layers along the bottom, named after the first dataset's levels. */
  for (guint i = 0; i < n_cols; i++)
    {
      g_autofree char *name = diagram_format_level (slope_column_layer (plans, n_plans, i));
      KasaneTextExtents e;
      gboolean last = i + 1 == n_cols;

      /* The last label always; another only where it keeps clear of the last. */
      if (last || (i % label_every == 0 && (n_cols - 1 - i) * step_x >= axis_w + 8 * u))
        {
          diagram_measure (ctx, name, &axis_font, width, 1, &e);
          diagram_push_text (ctx, name, &axis_font, width, 1, &e,
                             plot_x + i * step_x - e.width / 2, plot_bottom + dot / 2 + 10 * u,
                             frame, KASANE_ROLE_TEXT_DIM, -1, -1, -1);
        }
      diagram_push_line (ctx, plot_x + i * step_x, plot_top - dot / 2, plot_x + i * step_x,
                         plot_bottom + dot / 2, KASANE_ROLE_GRID, 1.5 * ctx->frame_unit,
                         KASANE_DASH_SOLID, 1.0);
    }

  for (guint d = 0; d < n_plans; d++)
    {
      DatasetPlan *dp = &plans[d];
      double px = 0, py = 0;

      for (guint li = 0; li < dp->n_visible; li++)
        {
          double nx = plot_x + li * step_x;
          double ny = plot_bottom - (plot_bottom - plot_top) * dp->ledger->rows[li].open_load /
                                    max_load;
          KasaneDiagramBox *box;

          if (li > 0)
            diagram_push_line (ctx, px, py, nx, ny, dp->role, line_w,
                               verdict_dash (dp->ledger->verdict), 1.0);
          box = diagram_push_box (ctx, KASANE_BOX_BAR,
                                  diagram_rect_make (nx - dot / 2, ny - dot / 2, dot, dot),
                                  dot / 2, dp->role, KASANE_ROLE_SURFACE, 3 * u);
          box->dataset = (int) dp->index;
          box->layer = (int) li;
          px = nx;
          py = ny;
        }
      /* Right of the last layer of all, so that no label meets an axis label. */
      end_x[d] = plot_x + (n_cols - 1) * step_x + MAX (dot, axis_w) / 2 + 18 * u;
      label_y[d] = py - ext[d].height / 2;
      order[d] = d;
    }

  /* End labels top to bottom, none over another. */
  for (guint i = 1; i < n_plans; i++)
    for (guint k = i; k > 0 && label_y[order[k]] < label_y[order[k - 1]]; k--)
      {
        guint t = order[k];

        order[k] = order[k - 1];
        order[k - 1] = t;
      }
  {
    double total = 0, excess;

    for (guint d = 0; d < n_plans; d++)
      total += ext[d].height + (d > 0 ? 6 * u : 0);
    /* More labels than the band holds: no chart rather than labels over each other. */
    if (total > height)
      {
        g_array_set_size (ctx->layout->texts, first_text);
        g_array_set_size (ctx->layout->lines, first_line);
        g_array_set_size (ctx->layout->boxes, first_box);
        return 0;
      }
    label_y[order[0]] = MAX (label_y[order[0]], y);
    for (guint k = 1; k < n_plans; k++)
      label_y[order[k]] = MAX (label_y[order[k]],
                               label_y[order[k - 1]] + ext[order[k - 1]].height + 6 * u);
    /* Pushed past the bottom: up from the bottom, each under the next; they all fit,
     * so the top one stays in the band. */
    excess = label_y[order[n_plans - 1]] + ext[order[n_plans - 1]].height - (y + height);
    if (excess > 0)
      {
        label_y[order[n_plans - 1]] -= excess;
        for (guint k = n_plans - 1; k > 0; k--)
          label_y[order[k - 1]] = MIN (label_y[order[k - 1]],
                                       label_y[order[k]] - 6 * u - ext[order[k - 1]].height);
      }
  }
  for (guint d = 0; d < n_plans; d++)
    {
      KasaneTextExtents name_ext = ext[d];

      if (figures[d] != NULL)
        {
          name_ext.height -= figure_ext[d].height;
          diagram_push_text (ctx, figures[d], &label_font, label_max, 1, &figure_ext[d],
                             end_x[d], label_y[d] + name_ext.height, frame, plans[d].role,
                             (int) plans[d].index, -1, -1);
          diagram_measure (ctx, labels[d], &label_font, label_max, 2, &name_ext);
        }
      diagram_push_text (ctx, labels[d], &label_font, label_max, 2, &name_ext, end_x[d],
                         label_y[d], frame, plans[d].role, (int) plans[d].index, -1, -1);
    }
  return height;
}
