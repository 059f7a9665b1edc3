/* kasane-diagram.c: the layout of the stacked-layer diagrams (Compare and Stack views):
 * the frame, title, columns, rows, legend and details panel, and the fit search
 *
 * The other rooms: kasane-diagram-data.c (ledgers and rail lanes, computed once, and the
 * accessible description), kasane-diagram-cards.c (a column's cards, chips, rails and
 * strip), kasane-diagram-hit.c (what is under a point), kasane-diagram-paint.c (cairo).
 *
 * Units.  Geometry scales from the canvas: the frame unit = min (width / 1920,
 * height / 1080) sizes margins and gutters, and the text unit = frame unit × text_scale ×
 * fit sizes fonts, paddings and chips.  Chip text is 20 text units, so 20 px at 1920×1080
 * and 13.3 px at 1280×720.  When the
 * content does not fit the height, `fit` shrinks (×0.92 a try) until it does.
 *
 * Rows.  Layer i of every dataset sits on row i (L1 at the bottom), so the columns compare
 * like with like; a row is as tall as its tallest card, and when all fit, every card takes
 * the height of the tallest, which keeps the stacks calm.  Rows are placed for all layers
 * even when the presentation step hides the upper ones, so stepping never moves a card.
 *
 * Chips.  A card flows its chips left to right, wrapping to more rows: first what the layer
 * fixed (solves ✓, mitigates ↓, filled), then, on a new row, what it added (worsens ↑
 * dotted, introduces + dashed, outlined).  A chip's text wraps to two lines inside the chip
 * and is ellipsized beyond, so nothing leaves its card.
 *
 * Rails.  Each stretch of a problem's life (introduced … solved, or still open) is one
 * interval; intervals get lanes left of the stack by greedy interval colouring, so two
 * rails share a lane only when they never overlap.  A rail starts with a ring at the
 * introducing chip's height, ends with a dot at the solving chip's height, or leaves the
 * top as a dashed arrow; its width follows the problem's weight stretch by stretch, so
 * mitigations thin it and worsening thickens it.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-diagram"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kasane-diagram.h"
#include "kasane-diagram-private.h"
#include "kasane-diagram-build.h"
#include "kasane-whatif-text.h"
#include "kasane-render-private.h"

#include "kasane-i18n.h"
#include "kasane-ledger.h"

#define REF_W 1920.0
#define REF_H 1080.0

/* Our own words are looked up with kasane_gettext in the picture's language, which is a
 * parameter (an export with --lang=ja from an English session), not the process locale. */
gboolean
diagram_is_ja (const char *lang)
{
  return g_strcmp0 (lang, "ja") == 0;
}

const char *
diagram_list_separator (const char *lang)
{
  return diagram_is_ja (lang) ? "、" : ", ";
}

/* Params */

void
kasane_diagram_params_init (KasaneDiagramParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->kind = KASANE_DIAGRAM_COMPARE;
  params->width = REF_W;
  params->height = REF_H;
  params->text_scale = 1.0;
  params->lang = "en";
  params->theme = KASANE_THEME_LIGHT;
  params->step = -1;
  params->selected_dataset = -1;
  params->selected_layer = -1;
  params->hover_dataset = -1;
  params->hover_problem = -1;
}

guint
kasane_diagram_visible_layers (KasaneDataset *dataset,
                               int            step)
{
  guint n = dataset->layers->len;

  if (step < 0)
    return n;
  return MIN (n, (guint) step + 1);
}

/* Building */






KasaneFont
diagram_font_at (Ctx          *ctx,
                 double        px,
                 KasaneWeight  weight,
                 gboolean      tabular)
{
  KasaneFont font = { MAX (px * ctx->text_unit, ctx->layout->params.min_text_px),
                      weight, tabular };

  return font;
}

void
diagram_measure (Ctx               *ctx,
                 const char        *text,
                 const KasaneFont  *font,
                 double             max_width,
                 int                max_lines,
                 KasaneTextExtents *ext)
{
  kasane_measure_text (ctx->measure, text, font, ctx->lang, max_width, max_lines, ext);
}

KasaneRect
diagram_rect_make (double x,
                   double y,
                   double w,
                   double h)
{
  KasaneRect r = { x, y, w, h };

  return r;
}

void
diagram_push_text (Ctx                     *ctx,
                   const char              *text,
                   const KasaneFont        *font,
                   double                   max_width,
                   int                      max_lines,
                   const KasaneTextExtents *ext,
                   double                   x,
                   double                   y,
                   KasaneRect               box,
                   KasaneRole               role,
                   int                      dataset,
                   int                      layer,
                   int                      problem)
{
  KasaneDiagramText item = { 0 };

  item.text = g_strdup (text);
  item.font = *font;
  item.lang = diagram_is_ja (ctx->lang) ? "ja" : "en";
  item.max_width = max_width;
  item.max_lines = max_lines;
  item.x = x;
  item.y = y;
  item.extents = *ext;
  item.box = box;
  item.role = role;
  item.dataset = dataset;
  item.layer = layer;
  item.problem = problem;
  g_array_append_val (ctx->layout->texts, item);
}

/* Measures and places in one go; returns the height used. */
static double
add_text (Ctx              *ctx,
          const char       *text,
          const KasaneFont *font,
          double            max_width,
          int               max_lines,
          double            x,
          double            y,
          KasaneRect        box,
          KasaneRole        role)
{
  KasaneTextExtents ext;

  diagram_measure (ctx, text, font, max_width, max_lines, &ext);
  diagram_push_text (ctx, text, font, max_width, max_lines, &ext, x, y, box, role, -1, -1, -1);
  return ext.height;
}

KasaneDiagramBox *
diagram_push_box (Ctx           *ctx,
                  KasaneBoxKind  kind,
                  KasaneRect     rect,
                  double         radius,
                  KasaneRole     fill,
                  KasaneRole     stroke,
                  double         line_width)
{
  KasaneDiagramBox box = { 0 };

  box.kind = kind;
  box.rect = rect;
  box.radius = radius;
  box.fill = fill;
  box.fill_alpha = 1.0;
  box.stroke = stroke;
  box.line_width = line_width * ctx->palette->stroke_scale;
  box.dash = KASANE_DASH_SOLID;
  box.dataset = -1;
  box.layer = -1;
  box.problem = -1;
  box.effect = -1;
  g_array_append_val (ctx->layout->boxes, box);

  return &g_array_index (ctx->layout->boxes, KasaneDiagramBox, ctx->layout->boxes->len - 1);
}

void
diagram_push_mark (Ctx            *ctx,
                   KasaneMarkKind  kind,
                   KasaneRect      rect,
                   KasaneRole      role,
                   int             dataset,
                   int             problem,
                   gboolean        legend)
{
  KasaneDiagramMark mark = { 0 };

  mark.kind = kind;
  mark.rect = rect;
  mark.role = role;
  mark.line_width = MAX (1.0, rect.width * 0.16) * MIN (ctx->palette->stroke_scale, 1.4);
  mark.dataset = dataset;
  mark.problem = problem;
  mark.legend = legend;
  g_array_append_val (ctx->layout->marks, mark);
}

void
diagram_push_line (Ctx        *ctx,
                   double      x0,
                   double      y0,
                   double      x1,
                   double      y1,
                   KasaneRole  role,
                   double      line_width,
                   KasaneDash  dash,
                   double      alpha)
{
  KasaneDiagramLine line = { x0, y0, x1, y1, role, line_width, dash, alpha };

  g_array_append_val (ctx->layout->lines, line);
}

/* The height the line above the top card needs. */
static double
open_line_height (Ctx         *ctx,
                  DatasetPlan *dp,
                  double       card_w,
                  double       strip_w)
{
  KasaneFont small = diagram_font_at (ctx, 18, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont caption = diagram_font_at (ctx, 18, KASANE_WEIGHT_SEMIBOLD, FALSE);
  g_autofree char *open = diagram_still_open_text (ctx, dp);
  KasaneTextExtents a, b;

  diagram_measure (ctx, open, &small, card_w, DIAGRAM_OPEN_LINES, &a);   /* card_w: the text's width */
  if (strip_w <= 0)
    return a.height + 22 * ctx->text_unit;
  diagram_measure (ctx, kasane_gettext (ctx->lang, N_("Open load")), &caption, strip_w, 2, &b);
  return MAX (a.height, b.height) + 22 * ctx->text_unit;
}

/* Legend and footnote, bottom up from `bottom`; returns the top of the legend. */
static double
emit_legend (Ctx    *ctx,
             double  x,
             double  w,
             double  bottom,
             gboolean emit)
{
  static const KasaneEffect effects[] = {
    KASANE_EFFECT_SOLVES, KASANE_EFFECT_MITIGATES, KASANE_EFFECT_INTRODUCES,
    KASANE_EFFECT_WORSENS,
  };
  ChipStyle cs = diagram_chip_style (ctx, 18);
  KasaneFont note_font = diagram_font_at (ctx, 17, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont rail_font = diagram_font_at (ctx, 18, KASANE_WEIGHT_REGULAR, FALSE);
  const char *note = kasane_gettext (ctx->lang, N_("Ledger: (n) is a problem's weight, 1–5, an editorial judgement. Introduces adds the weight, solves removes it, eases −1, worsens +1. Net = removed − added."));
  KasaneTextExtents note_ext, solved_ext, open_ext;
  const char *solved = kasane_gettext (ctx->lang, N_("solved here"));
  const char *still = kasane_gettext (ctx->lang, N_("still open"));
  GArray *chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  double legend_h, y, cx, sample = 34 * ctx->text_unit, needed, note_w;
  gboolean note_inline;

  g_array_set_clear_func (chips, diagram_chip_clear);
  diagram_measure (ctx, note, &note_font, w, 2, &note_ext);

  for (guint i = 0; i < G_N_ELEMENTS (effects); i++)
    {
      Chip chip = { 0 };

      chip.effect = effects[i];
      chip.problem = 0;
      diagram_chip_measure (ctx, &cs, &chip, kasane_gettext (ctx->lang, diagram_effect_word (effects[i])), w / 4);
      g_array_append_val (chips, chip);
    }
  diagram_measure (ctx, solved, &rail_font, w / 4, 1, &solved_ext);
  diagram_measure (ctx, still, &rail_font, w / 4, 1, &open_ext);

  legend_h = 0;
  for (guint i = 0; i < chips->len; i++)
    legend_h = MAX (legend_h, g_array_index (chips, Chip, i).h);
  legend_h = MAX (legend_h, solved_ext.height);

  /* Everything on one line when it fits; the rail samples are dropped first. */
  needed = 0;
  for (guint i = 0; i < chips->len; i++)
    needed += g_array_index (chips, Chip, i).w + cs.gap_x;
  needed += 28 * ctx->text_unit + 2 * (sample + 8 * ctx->text_unit) + solved_ext.width + open_ext.width +
            24 * ctx->text_unit;

  /* The footnote joins the legend's line when there is room for all of it. */
  {
    KasaneTextExtents natural;

    diagram_measure (ctx, note, &note_font, 0, 0, &natural);
    note_inline = needed + 40 * ctx->text_unit + natural.width <= w;
  }
  if (note_inline)
    {
      note_w = w - needed - 40 * ctx->text_unit;
      diagram_measure (ctx, note, &note_font, note_w, 2, &note_ext);
      legend_h = MAX (legend_h, note_ext.height);
      y = bottom - legend_h;
    }
  else
    {
      note_w = w;
      y = bottom - note_ext.height - 12 * ctx->text_unit - legend_h;
    }

  if (emit)
    {
      cx = x;
      for (guint i = 0; i < chips->len; i++)
        {
          Chip *chip = &g_array_index (chips, Chip, i);

          if (cx + chip->w > x + w)
            break;
          diagram_emit_chip (ctx, &cs, chip, cx, y + (legend_h - chip->h) / 2, -1, -1, TRUE);
          cx += chip->w + cs.gap_x;
        }

      if (needed <= w)
        {
          double ry = y + legend_h / 2;
          KasaneDiagramRail rail = { 0 };
          KasaneRailSegment seg = { ry, ry, 2.5 * ctx->text_unit };
          KasaneRailStop stop = { KASANE_RAIL_STOP_START, ry, -1 };

          cx += 28 * ctx->text_unit;
          /* A solved rail, drawn lying down: ring … dot. */
          rail.dataset = -1;
          rail.problem = -1;
          rail.legend = TRUE;
          rail.role = KASANE_ROLE_SOLVES;
          rail.x = cx;
          rail.y_start = ry;
          rail.y_end = ry;
          rail.segments = g_array_new (FALSE, TRUE, sizeof (KasaneRailSegment));
          rail.stops = g_array_new (FALSE, TRUE, sizeof (KasaneRailStop));
          seg.y_bottom = cx;   /* for a legend rail, segments run along x */
          seg.y_top = cx + sample;
          g_array_append_val (rail.segments, seg);
          stop.y = cx;
          g_array_append_val (rail.stops, stop);
          stop.kind = KASANE_RAIL_STOP_SOLVED;
          stop.y = cx + sample;
          g_array_append_val (rail.stops, stop);
          g_array_append_val (ctx->layout->rails, rail);
          cx += sample + 8 * ctx->text_unit;
          diagram_push_text (ctx, solved, &rail_font, w / 4, 1, &solved_ext, cx,
                             ry - solved_ext.height / 2, diagram_rect_make (x, y, w, legend_h),
                             KASANE_ROLE_TEXT_DIM, -1, -1, -1);
          cx += solved_ext.width + 24 * ctx->text_unit;

          memset (&rail, 0, sizeof rail);
          rail.dataset = -1;
          rail.problem = -1;
          rail.legend = TRUE;
          rail.open = TRUE;
          rail.role = KASANE_ROLE_INTRODUCES;
          rail.x = cx;
          rail.y_start = ry;
          rail.y_end = ry;
          rail.segments = g_array_new (FALSE, TRUE, sizeof (KasaneRailSegment));
          rail.stops = g_array_new (FALSE, TRUE, sizeof (KasaneRailStop));
          seg.y_bottom = cx;
          seg.y_top = cx + sample;
          g_array_append_val (rail.segments, seg);
          stop.kind = KASANE_RAIL_STOP_START;
          stop.y = cx;
          g_array_append_val (rail.stops, stop);
          g_array_append_val (ctx->layout->rails, rail);
          cx += sample + 8 * ctx->text_unit;
          diagram_push_text (ctx, still, &rail_font, w / 4, 1, &open_ext, cx,
                             ry - open_ext.height / 2, diagram_rect_make (x, y, w, legend_h),
                             KASANE_ROLE_TEXT_DIM, -1, -1, -1);
        }

      if (note_inline)
        diagram_push_text (ctx, note, &note_font, note_w, 2, &note_ext, x + w - note_w,
                           y + (legend_h - note_ext.height) / 2,
                           diagram_rect_make (x + w - note_w, y, note_w, legend_h),
                           KASANE_ROLE_TEXT_DIM, -1, -1, -1);
      else
        diagram_push_text (ctx, note, &note_font, w, 2, &note_ext, x, bottom - note_ext.height,
                           diagram_rect_make (x, bottom - note_ext.height, w, note_ext.height),
                           KASANE_ROLE_TEXT_DIM, -1, -1, -1);
    }

  g_array_unref (chips);
  return y;
}

/* Row heights shared by the columns: returns FALSE when they cannot fit `avail`. */
static gboolean
compute_rows (Ctx         *ctx,
              DatasetPlan *plans,
              guint        n_plans,
              guint        n_rows,
              double       avail,
              double       bottom,
              double       grow_max,
              double      *row_y,
              double      *row_h)
{
  double gap = 24 * ctx->text_unit;
  double need_max = 0, sum = 0, total;

  for (guint r = 0; r < n_rows; r++)
    {
      row_h[r] = 0;
      for (guint d = 0; d < n_plans; d++)
        if (r < plans[d].n_layers)
          row_h[r] = MAX (row_h[r], plans[d].cards[r].need);
      need_max = MAX (need_max, row_h[r]);
      sum += row_h[r];
    }

  if (n_rows == 0)
    return TRUE;

  total = n_rows * need_max + (n_rows - 1) * gap;
  if (total <= avail)
    {
      /* Every card as tall as the tallest, a little taller when there is room. */
      double h = MIN (need_max * grow_max, (avail - (n_rows - 1) * gap) / n_rows);

      h = MAX (h, need_max);
      for (guint r = 0; r < n_rows; r++)
        row_h[r] = h;
    }
  else
    {
      total = sum + (n_rows - 1) * gap;
      if (total > avail)
        {
          gap = MAX (14 * ctx->text_unit, gap - (total - avail) / MAX (1, n_rows - 1));
          total = sum + (n_rows - 1) * gap;
          if (total > avail + 0.01)
            {
              ctx->need_ratio = total / MAX (avail, 1.0);
              return FALSE;
            }
        }
    }

  {
    double used = (n_rows - 1) * gap, slack, y;

    for (guint r = 0; r < n_rows; r++)
      used += row_h[r];
    /* Room left over (a tall, narrow canvas): first a little more air between the rows,
     * then the stacks sit in the middle of their band rather than leaving one large hole
     * under the column titles. */
    slack = MAX (0, avail - used);
    ctx->slack = avail > 0 ? slack / avail : 0;
    if (n_rows > 1)
      {
        double more = MIN (slack / (n_rows - 1), 0.6 * gap);

        gap += more;
        slack -= more * (n_rows - 1);
      }
    y = bottom - slack / 2;
    for (guint r = 0; r < n_rows; r++)
      {
        y -= row_h[r];
        row_y[r] = y;
        y -= gap;
      }
  }
  return TRUE;
}

/* The details panel of the Stack view */

static double
panel_section (Ctx             *ctx,
               const ChipStyle *cs,
               DatasetPlan     *dp,
               guint            li,
               KasaneEffect     effect,
               const char      *heading,
               double           x,
               double           y,
               double           w,
               KasaneRect       panel,
               gboolean         emit)
{
  KasaneLayer *layer = g_ptr_array_index (dp->dataset->layers, li);
  GArray *list = layer->effects[effect];
  KasaneFont head_font = diagram_font_at (ctx, 18, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneTextExtents ext;
  GArray *chips;
  double h;

  if (list->len == 0)
    return 0;

  diagram_measure (ctx, heading, &head_font, w, 1, &ext);
  chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  g_array_set_clear_func (chips, diagram_chip_clear);
  for (guint i = 0; i < list->len; i++)
    {
      guint p = g_array_index (list, guint, i);
      KasaneProblem *problem = g_ptr_array_index (dp->dataset->problems, p);
      Chip chip = { 0 };

      chip.effect = effect;
      chip.problem = p;
      diagram_chip_measure (ctx, cs, &chip, kasane_text_get (&problem->label, ctx->lang), w);
      g_array_append_val (chips, chip);
    }
  h = diagram_flow_chips (cs, chips, w, G_MAXUINT, NULL);

  if (emit)
    {
      diagram_push_text (ctx, heading, &head_font, w, 1, &ext, x, y, panel, KASANE_ROLE_TEXT_DIM,
                         (int) dp->index, (int) li, -1);
      for (guint i = 0; i < chips->len; i++)
        {
          Chip *chip = &g_array_index (chips, Chip, i);

          diagram_emit_chip (ctx, cs, chip, x + chip->x, y + ext.height + 8 * ctx->text_unit + chip->y,
                             (int) dp->index, (int) li, FALSE);
        }
    }
  g_array_unref (chips);

  return ext.height + 8 * ctx->text_unit + h + 20 * ctx->text_unit;
}

static gboolean
emit_panel (Ctx         *ctx,
            DatasetPlan *dp,
            int          li,
            KasaneRect   panel)
{
  double pad = 30 * ctx->text_unit;
  double x = panel.x + pad, w = panel.width - 2 * pad;
  double y = panel.y + pad, bottom = panel.y + panel.height - pad;
  KasaneFont tag_font = diagram_font_at (ctx, 20, KASANE_WEIGHT_SEMIBOLD, TRUE);
  KasaneFont name_font = diagram_font_at (ctx, 34, KASANE_WEIGHT_BOLD, FALSE);
  KasaneFont body_font = diagram_font_at (ctx, 21, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont head_font = diagram_font_at (ctx, 18, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont stat_font = diagram_font_at (ctx, 32, KASANE_WEIGHT_BOLD, TRUE);
  KasaneFont stat_label = diagram_font_at (ctx, 17, KASANE_WEIGHT_REGULAR, FALSE);
  ChipStyle cs = diagram_chip_style (ctx, 20);
  KasaneDiagramBox *box;
  KasaneTextExtents ext;
  double line_h, fixed, rest;
  int lines;

  box = diagram_push_box (ctx, KASANE_BOX_PANEL, panel, 16 * ctx->text_unit, KASANE_ROLE_SURFACE,
                          KASANE_ROLE_BORDER, 1.2 * ctx->text_unit);
  box->shadow = TRUE;
  box->dataset = (int) dp->index;
  box->layer = li;

  diagram_measure (ctx, "Ag", &body_font, 0, 0, &ext);
  line_h = ext.height;

  if (li < 0 || (guint) li >= dp->n_visible)
    {
      const char * const *notes = kasane_text_list_get (&dp->dataset->notes, ctx->lang);

      /* On screen, what to do; in a picture (an export, a slide), no instructions for a
       * pointer that is not there: the dataset's notes under a heading. */
      if (ctx->layout->params.interactive)
        {
          const char *head = kasane_gettext (ctx->lang, N_("Select a layer"));
          const char *hint = kasane_gettext (ctx->lang, N_("Click a layer, or move to it with the arrow keys, to see what it solved and what it introduced."));

          y += add_text (ctx, head, &name_font, w, 2, x, y, panel, KASANE_ROLE_TEXT) + 12 * ctx->text_unit;
          y += add_text (ctx, hint, &body_font, w, 4, x, y, panel, KASANE_ROLE_TEXT_DIM) + 24 * ctx->text_unit;
        }
      else
        y += add_text (ctx, kasane_gettext (ctx->lang, N_("About this dataset")), &name_font,
                       w, 2, x, y, panel, KASANE_ROLE_TEXT) + 12 * ctx->text_unit;
      for (guint i = 0; notes[i] != NULL; i++)
        {
          lines = (int) floor ((bottom - y) / line_h);
          if (lines < 1)
            break;
          /* Whole paragraphs only: one cut in the middle says less than none (the Explain
           * view has them all); the first is set even cut, so the panel is never empty. */
          diagram_measure (ctx, notes[i], &body_font, w, 0, &ext);
          if (i > 0 && ext.n_lines > lines)
            break;
          diagram_measure (ctx, notes[i], &body_font, w, lines, &ext);
          diagram_push_text (ctx, notes[i], &body_font, w, lines, &ext, x, y, panel, KASANE_ROLE_TEXT,
                             (int) dp->index, -1, -1);
          y += ext.height;
          /* Fits when the text does: the gap before a next paragraph is not text. */
          if (y > bottom + 0.5)
            return FALSE;
          y += 14 * ctx->text_unit;
        }
      /* The heading (and the hint) fit too. */
      return notes[0] != NULL || y - 12 * ctx->text_unit <= bottom + 0.5;
    }

  {
    KasaneLayer *layer = g_ptr_array_index (dp->dataset->layers, li);
    KasaneLedgerRow *row = &dp->ledger->rows[li];
    g_autofree char *level = diagram_format_level (layer);
    g_autofree char *year = diagram_format_year (layer);
    g_autofree char *tag = NULL;
    GString *examples = g_string_new (NULL);
    const char *summary = kasane_text_get (&layer->summary, ctx->lang);
    static const KasaneEffect effects[] = {
      KASANE_EFFECT_SOLVES, KASANE_EFFECT_MITIGATES, KASANE_EFFECT_INTRODUCES,
      KASANE_EFFECT_WORSENS,
    };
    const char *headings[] = {
      kasane_gettext (ctx->lang, N_("Solved")), kasane_gettext (ctx->lang, N_("Eased")),
      kasane_gettext (ctx->lang, N_("Introduced")), kasane_gettext (ctx->lang, N_("Worsened")),
    };
    double sections_h = 0, stats_h, examples_h = 0, name_h, tag_h;
    KasaneTextExtents ex_ext, head_ext;
    const char *ex_head = kasane_gettext (ctx->lang, N_("Examples"));

    tag = year[0] != '\0' ? g_strdup_printf ("%s · %s", level, year) : g_strdup (level);
    for (guint i = 0; i < layer->examples->len; i++)
      {
        if (i > 0)
          g_string_append (examples, diagram_list_separator (ctx->lang));
        g_string_append (examples, kasane_text_get (g_ptr_array_index (layer->examples, i),
                                                    ctx->lang));
      }

    diagram_measure (ctx, tag, &tag_font, w, 1, &ext);
    tag_h = ext.height;
    diagram_measure (ctx, kasane_text_get (&layer->name, ctx->lang), &name_font, w, 2, &ext);
    name_h = ext.height;
    for (guint e = 0; e < G_N_ELEMENTS (effects); e++)
      sections_h += panel_section (ctx, &cs, dp, li, effects[e], headings[e], x, 0, w, panel,
                                   FALSE);
    diagram_measure (ctx, "0", &stat_font, 0, 0, &ext);
    stats_h = ext.height;
    diagram_measure (ctx, "Ag", &stat_label, 0, 0, &ext);
    stats_h += ext.height + 4 * ctx->text_unit;
    if (examples->len > 0)
      {
        diagram_measure (ctx, ex_head, &head_font, w, 1, &head_ext);
        diagram_measure (ctx, examples->str, &body_font, w, 2, &ex_ext);
        examples_h = head_ext.height + 6 * ctx->text_unit + ex_ext.height + 20 * ctx->text_unit;
      }

    fixed = tag_h + 4 * ctx->text_unit + name_h + 16 * ctx->text_unit + examples_h + sections_h + stats_h +
            12 * ctx->text_unit;
    rest = (bottom - y) - fixed;

    y += add_text (ctx, tag, &tag_font, w, 1, x, y, panel, KASANE_ROLE_TEXT_DIM) + 4 * ctx->text_unit;
    y += add_text (ctx, kasane_text_get (&layer->name, ctx->lang), &name_font, w, 2, x, y,
                   panel, KASANE_ROLE_TEXT) + 16 * ctx->text_unit;

    if (summary[0] != '\0')
      {
        /* The last section's trailing gap is not needed above the figures. */
        lines = (int) floor ((rest - 8 * ctx->text_unit) / line_h);
        lines = MIN (lines, 12);
        if (lines >= 1)
          {
            diagram_measure (ctx, summary, &body_font, w, lines, &ext);
            diagram_push_text (ctx, summary, &body_font, w, lines, &ext, x, y, panel, KASANE_ROLE_TEXT,
                               (int) dp->index, li, -1);
            y += ext.height + 20 * ctx->text_unit;
          }
      }

    if (examples->len > 0)
      {
        diagram_push_text (ctx, ex_head, &head_font, w, 1, &head_ext, x, y, panel,
                           KASANE_ROLE_TEXT_DIM, (int) dp->index, li, -1);
        y += head_ext.height + 6 * ctx->text_unit;
        diagram_push_text (ctx, examples->str, &body_font, w, 2, &ex_ext, x, y, panel,
                           KASANE_ROLE_TEXT, (int) dp->index, li, -1);
        y += ex_ext.height + 20 * ctx->text_unit;
      }
    g_string_free (examples, TRUE);

    for (guint e = 0; e < G_N_ELEMENTS (effects); e++)
      y += panel_section (ctx, &cs, dp, li, effects[e], headings[e], x, y, w, panel, TRUE);

    /* Credit, debit, net and the load left after it, as four figures. */
    {
      const char *labels[] = {
        kasane_gettext (ctx->lang, N_("Credit")), kasane_gettext (ctx->lang, N_("Debit")),
        kasane_gettext (ctx->lang, N_("Net")), kasane_gettext (ctx->lang, N_("Open after")),
      };
      int values[] = { row->credit, row->debit, row->net, row->open_load };
      double col_w = w / 4;
      double sy = MAX (y, bottom - stats_h);

      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *num = i == 2 ? diagram_format_signed (values[i]) :
                                 g_strdup_printf ("%d", values[i]);
          KasaneRole role = i == 2 ? (values[i] > 0 ? KASANE_ROLE_POSITIVE :
                                      values[i] < 0 ? KASANE_ROLE_NEGATIVE :
                                      KASANE_ROLE_TEXT) : KASANE_ROLE_TEXT;
          double h;

          h = add_text (ctx, num, &stat_font, col_w - 8 * ctx->text_unit, 1, x + i * col_w, sy, panel,
                        role);
          add_text (ctx, labels[i], &stat_label, col_w - 8 * ctx->text_unit, 1, x + i * col_w,
                    sy + h + 4 * ctx->text_unit, panel, KASANE_ROLE_TEXT_DIM);
        }
      y = sy + stats_h;
    }
  }

  return y <= bottom + 0.5;
}

/* The columns of `plans` side by side in [x, x + width], from `y` (their titles) down to
 * `bottom` (above the legend): titles and verdict badges, the open line, the cards row by
 * row, rails and strips; in Stack, the detail panel at the right.  FALSE when they do not
 * fit. */
static gboolean
build_columns (Ctx                       *ctx,
               const KasaneDiagramParams *params,
               DatasetPlan               *plans,
               guint                      n_plans,
               double                     x,
               double                     width,
               double                     y,
               double                     bottom,
               int                        max_load,
               double                     slope_band)
{
  gboolean stack = params->kind == KASANE_DIAGRAM_STACK;
  KasaneFont col_title_font = diagram_font_at (ctx, 27, KASANE_WEIGHT_SEMIBOLD, FALSE);
  CardStyle cs = diagram_card_style (ctx);
  double col_gap, col_w, stacks_w, head_h, open_h, stack_top, stack_bottom;
  double *row_y, *row_h;
  guint n_rows = 0;
  gboolean ok = TRUE;

  col_gap = 80 * ctx->frame_unit;
  /* The detail panel gives up width when nothing fits whole (see allow_cut). */
  stacks_w = stack && !params->no_panel ? width * (ctx->allow_cut ? 0.7 : 0.56) : width;
  col_w = (stacks_w - (n_plans - 1) * col_gap) / n_plans;
  for (guint d = 0; d < n_plans; d++)
    n_rows = MAX (n_rows, plans[d].n_layers);

  {
    ColumnGeom *geoms = g_new0 (ColumnGeom, n_plans);
    double *title_h = g_new0 (double, n_plans);
    double *bh = g_new0 (double, n_plans);
    double *below_h = g_new0 (double, n_plans);
    gboolean *inline_badge = g_new0 (gboolean, n_plans);

    head_h = 0;
    open_h = 0;
    for (guint d = 0; d < n_plans; d++)
      {
        DatasetPlan *dp = &plans[d];
        KasaneTextExtents ext;

        diagram_column_geom (ctx, dp, x + d * (col_w + col_gap), col_w, max_load,
                             slope_band <= 0, &geoms[d]);
        if (geoms[d].card_w < 120 * ctx->text_unit)
          ok = FALSE;
        if (!stack)
          {
            const char *dtitle = kasane_text_get (&dp->dataset->title, ctx->lang);
            KasaneTextExtents one;
            double bw;
            gboolean wrapped;

            /* The badge beside the title when both fit on one line, else below it. */
            diagram_measure (ctx, dtitle, &col_title_font, col_w, 1, &one);
            bh[d] = diagram_badge_row (ctx, dp, 0, 0, col_w, FALSE, &bw, &wrapped);
            inline_badge[d] = !one.ellipsized && !wrapped &&
                              one.width + 20 * ctx->text_unit + bw <= col_w;
            title_h[d] = MAX (one.height, bh[d]);
            diagram_measure (ctx, dtitle, &col_title_font, col_w, 2, &ext);
            below_h[d] = ext.height + 10 * ctx->text_unit +
                         diagram_badge_row (ctx, dp, 0, 0, col_w, FALSE, NULL, NULL);
          }
        else
          title_h[d] = below_h[d] = diagram_badge_row (ctx, dp, geoms[d].x, 0, col_w, FALSE, NULL, NULL);
        if (ok)
          open_h = MAX (open_h, open_line_height (ctx, dp, geoms[d].card_x + geoms[d].card_w - geoms[d].x,
                                                    geoms[d].strip_w));
      }

    /* Badges beside the titles only when every column can have them there, so the
     * columns keep one rhythm. */
    {
      gboolean all_inline = !stack;

      for (guint d = 0; d < n_plans; d++)
        all_inline = all_inline && inline_badge[d];
      for (guint d = 0; d < n_plans; d++)
        {
          inline_badge[d] = all_inline;
          head_h = MAX (head_h, all_inline ? title_h[d] : below_h[d]);
        }
    }

    stack_top = y + head_h + 12 * ctx->text_unit + open_h;
    stack_bottom = bottom - 28 * ctx->text_unit;

    if (ok)
      for (guint d = 0; d < n_plans; d++)
        for (guint li = 0; li < plans[d].n_layers; li++)
          diagram_plan_card (ctx, &cs, &plans[d], li, geoms[d].card_w);

    row_y = g_new0 (double, MAX (1, n_rows));
    row_h = g_new0 (double, MAX (1, n_rows));
    if (ok)
      ok = compute_rows (ctx, plans, n_plans, n_rows, stack_bottom - stack_top, stack_bottom,
                         stack ? 1.5 : 1.3, row_y, row_h);

    if (ok)
      {
        for (guint d = 0; d < n_plans; d++)
          {
            DatasetPlan *dp = &plans[d];
            ColumnGeom *g = &geoms[d];
            double cy = y;

            gboolean show_badge = params->step < 0 || dp->n_visible == dp->n_layers;

            if (!stack && inline_badge[d])
              {
                KasaneTextExtents one;
                const char *dtitle = kasane_text_get (&dp->dataset->title, ctx->lang);
                double line_h;

                diagram_measure (ctx, dtitle, &col_title_font, col_w, 1, &one);
                line_h = MAX (one.height, bh[d]);
                diagram_push_text (ctx, dtitle, &col_title_font, col_w, 1, &one, g->x,
                                   cy + (line_h - one.height) / 2,
                                   diagram_rect_make (g->x, y, col_w, head_h), KASANE_ROLE_TEXT,
                                   (int) dp->index, -1, -1);
                if (show_badge)
                  diagram_badge_row (ctx, dp, g->x + one.width + 20 * ctx->text_unit, cy + (line_h - bh[d]) / 2,
                                     col_w - one.width - 20 * ctx->text_unit, TRUE, NULL, NULL);
              }
            else
              {
                if (!stack)
                  {
                    cy += add_text (ctx, kasane_text_get (&dp->dataset->title, ctx->lang),
                                    &col_title_font, col_w, 2, g->x, cy,
                                    diagram_rect_make (g->x, y, col_w, head_h), KASANE_ROLE_TEXT);
                    cy += 10 * ctx->text_unit;
                  }
                if (show_badge)
                  diagram_badge_row (ctx, dp, g->x, cy, col_w, TRUE, NULL, NULL);
              }

            diagram_emit_stack (ctx, &cs, dp, g, row_y, row_h, y + head_h + 10 * ctx->text_unit, max_load,
                                params);

            if (!stack && d + 1 < n_plans)
              diagram_push_line (ctx, g->x + col_w + col_gap / 2, y, g->x + col_w + col_gap / 2,
                                 stack_bottom, KASANE_ROLE_GRID, 1.5 * ctx->frame_unit, KASANE_DASH_SOLID, 1.0);
          }

        if (stack && !params->no_panel)
          {
            double px = x + stacks_w + 56 * ctx->frame_unit;
            KasaneRect panel = diagram_rect_make (px, y, x + width - px, stack_bottom - y);
            int li = params->selected_dataset == (int) plans[0].index ? params->selected_layer : -1;

            ok = emit_panel (ctx, &plans[0], li, panel);
          }
      }

    g_free (geoms);
    g_free (title_h);
    g_free (bh);
    g_free (below_h);
    g_free (inline_badge);
  }

  g_free (row_y);
  g_free (row_h);
  return ok;
}

/* The whole picture at one fit scale.  Returns FALSE when it does not fit. */
/* The what-if marker: the changes on a highlighted band, outlined in dashes.  Returns
 * its height. */
static double
emit_whatif_marker (Ctx        *ctx,
                    const char *text,
                    double      x,
                    double      y,
                    double      w)
{
  KasaneFont font = diagram_font_at (ctx, 20, KASANE_WEIGHT_SEMIBOLD, FALSE);
  double pad_x = 18 * ctx->text_unit, pad_y = 9 * ctx->text_unit;
  KasaneTextExtents ext;
  KasaneRect rect;
  KasaneDiagramBox *box;

  diagram_measure (ctx, text, &font, w - 2 * pad_x, 3, &ext);
  rect = diagram_rect_make (x, y, w, ext.height + 2 * pad_y);
  box = diagram_push_box (ctx, KASANE_BOX_WHATIF, rect, 8 * ctx->text_unit, KASANE_ROLE_HIGHLIGHT,
                          KASANE_ROLE_HIGHLIGHT, 3 * ctx->frame_unit);
  box->fill_alpha = 0.22;
  box->dash = KASANE_DASH_DASHED;
  diagram_push_text (ctx, text, &font, w - 2 * pad_x, 3, &ext, x + pad_x, y + pad_y, rect,
                     KASANE_ROLE_TEXT, -1, -1, -1);
  return rect.height;
}

static gboolean
build (Ctx                       *ctx,
       KasaneDataset * const     *datasets,
       guint                      n_datasets,
       const KasaneDiagramParams *params)
{
  KasaneDiagramLayout *layout = ctx->layout;
  double W = layout->width, H = layout->height;
  double margin_y = 44 * ctx->frame_unit, margin_x = 64 * ctx->frame_unit;
  gboolean stack = params->kind == KASANE_DIAGRAM_STACK;
  KasaneFont title_font = diagram_font_at (ctx, stack ? 38 : 36, KASANE_WEIGHT_BOLD, FALSE);
  KasaneFont sub_font = diagram_font_at (ctx, 22, KASANE_WEIGHT_REGULAR, FALSE);
  guint n_plans, first;
  DatasetPlan *plans;
  double y, legend_top;
  const char *title, *subtitle;
  int max_load = 1;
  gboolean ok = TRUE;
  g_autofree char *title_owned = NULL;
  g_autofree char *claim_title = NULL;
  double slope_band = 0;

  if (n_datasets == 0)
    return TRUE;

  if (stack)
    {
      first = params->selected_dataset >= 0 && (guint) params->selected_dataset < n_datasets ?
              (guint) params->selected_dataset : 0;
      n_plans = 1;
    }
  else
    {
      first = 0;
      n_plans = n_datasets;
    }

  plans = g_new0 (DatasetPlan, n_plans);
  for (guint d = 0; d < n_plans; d++)
    {
      DatasetPlan *dp = &plans[d];

      dp->dataset = datasets[first + d];
      dp->index = first + d;
      dp->ledger = ctx->data->entries[first + d].ledger;
      dp->robustness = ctx->data->entries[first + d].robustness;
      dp->n_layers = dp->dataset->layers->len;
      dp->n_visible = kasane_diagram_visible_layers (dp->dataset, params->step);
      dp->intervals = ctx->data->entries[first + d].intervals;
      dp->n_lanes = ctx->data->entries[first + d].n_lanes;
      dp->cards = g_new0 (CardPlan, MAX (1, dp->n_layers));
      dp->role = diagram_verdict_role (dp->ledger->verdict);
      for (guint li = 0; li < dp->n_visible; li++)
        max_load = MAX (max_load, dp->ledger->rows[li].open_load);
    }

  /* Title and subtitle */
  if (stack)
    {
      title = kasane_text_get (&plans[0].dataset->title, ctx->lang);
      subtitle = diagram_verdict_sentence (plans[0].ledger->verdict, ctx->lang);
    }
  else
    {
      g_autofree KasaneLedger **ledgers = g_new (KasaneLedger *, n_plans);
      g_autofree KasaneDataset **shown = g_new (KasaneDataset *, n_plans);

      /* The claim, from the ledgers: what the picture shows, in words. */
      for (guint d = 0; d < n_plans; d++)
        {
          ledgers[d] = (KasaneLedger *) plans[d].ledger;
          shown[d] = plans[d].dataset;
        }
      claim_title = kasane_diagram_claim_title (shown, ledgers, n_plans, ctx->lang);
      title = claim_title;
      /* The claim answers the question the subtitle used to ask; what the slope at its
       * right shows is said here. */
      subtitle = kasane_gettext (ctx->lang, N_("Open load after each layer: the weight of the problems still unsolved (weights 1–5 are editorial judgements)"));
    }
  y = margin_y;
  /* A what-if says so first, with its changes, across the page: such a picture must
   * never pass for the files' data. */
  {
    g_autofree KasaneDataset **shown = g_new (KasaneDataset *, n_plans);
    g_autofree char *marker = NULL;

    for (guint d = 0; d < n_plans; d++)
      shown[d] = plans[d].dataset;
    marker = kasane_whatif_text_marker (shown, n_plans, ctx->lang);
    if (marker != NULL)
      y += emit_whatif_marker (ctx, marker, margin_x, y, W - 2 * margin_x) + 14 * ctx->text_unit;
  }
  /* Slope (a slide): the claim, then the open load of every dataset across the page. */
  if (params->kind == KASANE_DIAGRAM_SLOPE)
    {
      KasaneRect frame = diagram_rect_make (margin_x, margin_y, W - 2 * margin_x,
                                            H - 2 * margin_y);
      double band;

      y += add_text (ctx, title, &title_font, W - 2 * margin_x, 3, margin_x, y, frame,
                     KASANE_ROLE_TEXT);
      y += 6 * ctx->text_unit;
      y += add_text (ctx, subtitle, &sub_font, W - 2 * margin_x, 3, margin_x, y, frame,
                     KASANE_ROLE_TEXT_DIM);
      y += 40 * ctx->text_unit;
      band = diagram_emit_slope (ctx, plans, n_plans, max_load, margin_x, y,
                                 W - 2 * margin_x, H - margin_y - y);
      for (guint d = 0; d < n_plans; d++)
        diagram_dataset_plan_clear (&plans[d]);
      g_free (plans);
      return band > 0;
    }
  {
    KasaneRect frame = diagram_rect_make (margin_x, margin_y, W - 2 * margin_x, H - 2 * margin_y);
    /* Compare: the claim at the left, the open load from layer to layer at the right of
     * it, the whole result at a glance above the columns that detail it. */
    double head_w = stack ? W - 2 * margin_x : (W - 2 * margin_x) * 0.55;
    double slope_x = margin_x + head_w + 48 * ctx->frame_unit;
    double top = y;

    y += add_text (ctx, title, &title_font, head_w, 3, margin_x, y, frame, KASANE_ROLE_TEXT);
    y += 6 * ctx->text_unit;
    y += add_text (ctx, subtitle, &sub_font, head_w, 3, margin_x, y, frame, KASANE_ROLE_TEXT_DIM);
    if (!stack)
      slope_band = diagram_emit_slope (ctx, plans, n_plans, max_load, slope_x, top,
                                 W - margin_x - slope_x, MAX (y - top, 130 * ctx->text_unit));
    y = MAX (y, top + slope_band) + (slope_band > 0 ? 18 : 26) * ctx->text_unit;
  }

  legend_top = emit_legend (ctx, margin_x, W - 2 * margin_x, H - margin_y, TRUE);

  if (!stack && n_plans > 1 && H >= 1.15 * W)
    {
      /* A tall picture (a portrait export, a tall window): the datasets one above the
       * other, each band as tall as its layers need, a rule between them. */
      double avail = legend_top - y, weight = 0, band_y = y;

      for (guint d = 0; d < n_plans; d++)
        weight += plans[d].n_layers + 2;
      for (guint d = 0; d < n_plans && ok; d++)
        {
          double band_h = avail * (plans[d].n_layers + 2) / weight;

          ok = build_columns (ctx, params, &plans[d], 1, margin_x, W - 2 * margin_x, band_y,
                              band_y + band_h, max_load, slope_band);
          if (ok && d + 1 < n_plans)
            diagram_push_line (ctx, margin_x, band_y + band_h - 14 * ctx->text_unit,
                               W - margin_x, band_y + band_h - 14 * ctx->text_unit,
                               KASANE_ROLE_GRID, 1.5 * ctx->frame_unit, KASANE_DASH_SOLID, 1.0);
          band_y += band_h;
        }
    }
  else
    ok = build_columns (ctx, params, plans, n_plans, margin_x, W - 2 * margin_x, y, legend_top,
                        max_load, slope_band);

  for (guint d = 0; d < n_plans; d++)
    diagram_dataset_plan_clear (&plans[d]);
  g_free (plans);

  return ok;
}

/* Layout lifetime */

static void
text_clear (gpointer data)
{
  KasaneDiagramText *text = data;

  g_free (text->text);
}

static void
rail_clear (gpointer data)
{
  KasaneDiagramRail *rail = data;

  g_clear_pointer (&rail->segments, g_array_unref);
  g_clear_pointer (&rail->stops, g_array_unref);
}

static void
layout_reset (KasaneDiagramLayout *layout)
{
  g_array_set_size (layout->boxes, 0);
  g_array_set_size (layout->texts, 0);
  g_array_set_size (layout->marks, 0);
  g_array_set_size (layout->rails, 0);
  g_array_set_size (layout->lines, 0);
}

/* Whether a text lost meaning: cut short with "…", or a word (a katakana word, a long
 * Latin one) that cannot break running past its width. */
static gboolean
any_cut (const KasaneDiagramLayout *layout)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KasaneDiagramText *t = &g_array_index (layout->texts, KasaneDiagramText, i);

      if (t->extents.ellipsized || (t->max_width > 0 && t->extents.width > t->max_width + 0.5))
        return TRUE;
    }
  return FALSE;
}

/* Lays the whole picture out afresh with the text unit `u`; FALSE when it does not
 * fit.  `ctx->layout->params` are the parameters. */
static gboolean
build_at (Ctx    *ctx,
          double  u)
{
  ctx->text_unit = u;
  layout_reset (ctx->layout);
  /* A text cut short with "…" loses meaning: a build that needs it does not fit. */
  return build (ctx, ctx->data->datasets, ctx->data->n_datasets, &ctx->layout->params) &&
         (ctx->allow_cut || !any_cut (ctx->layout));
}

/* When the datasets do not fit even at the smallest text, the picture says so, centred
 * and at a size that can be read, instead of a frame with nothing in it. */
static void
build_overflow_message (Ctx *ctx)
{
  KasaneDiagramLayout *layout = ctx->layout;
  double width = layout->width, height = layout->height;
  double margin = 64 * ctx->frame_unit, y;
  guint n_layers = 0;
  g_autofree char *detail = NULL;
  KasaneFont heading_font, detail_font;
  KasaneRect frame;
  KasaneTextExtents heading, body;

  for (guint d = 0; d < ctx->data->n_datasets; d++)
    n_layers += ctx->data->datasets[d]->layers->len;
  /* Not the text unit the search gave up at: too small to read.  The canvas's own, with
   * a floor for small windows. */
  ctx->text_unit = MAX (ctx->frame_unit, 0.7);
  heading_font = diagram_font_at (ctx, 34, KASANE_WEIGHT_BOLD, FALSE);
  detail_font = diagram_font_at (ctx, 24, KASANE_WEIGHT_REGULAR, FALSE);
  detail = g_strdup_printf (kasane_ngettext (ctx->lang,
                                             "%1$u dataset with %2$u layers in all does not "
                                             "fit at %3$.0f×%4$.0f. Show fewer datasets, or "
                                             "make the window or the picture larger.",
                                             "%1$u datasets with %2$u layers in all do not "
                                             "fit at %3$.0f×%4$.0f. Show fewer datasets, or "
                                             "make the window or the picture larger.",
                                             ctx->data->n_datasets),
                            ctx->data->n_datasets, n_layers, width, height);
  layout_reset (layout);
  diagram_measure (ctx, kasane_gettext (ctx->lang, N_("This does not fit here")), &heading_font,
                   width - 2 * margin, 2, &heading);
  diagram_measure (ctx, detail, &detail_font, MIN (width - 2 * margin, 1100 * ctx->frame_unit),
                   4, &body);
  y = MAX (margin, (height - heading.height - body.height - 16 * ctx->frame_unit) / 2);
  frame = diagram_rect_make (margin, margin, width - 2 * margin, height - 2 * margin);
  diagram_push_text (ctx, kasane_gettext (ctx->lang, N_("This does not fit here")),
                     &heading_font, width - 2 * margin, 2, &heading,
                     (width - heading.width) / 2, y, frame, KASANE_ROLE_TEXT, -1, -1, -1);
  y += heading.height + 16 * ctx->frame_unit;
  diagram_push_text (ctx, detail, &detail_font, MIN (width - 2 * margin, 1100 * ctx->frame_unit),
                     4, &body, (width - body.width) / 2, y, frame, KASANE_ROLE_TEXT_DIM,
                     -1, -1, -1);
}

/* Whether the datasets shown have more rows or chips than could fit at any text size:
 * a row (a layer card) needs at least 4 frame units even at the smallest text, and no
 * picture holds more than 4,000 chips.  Real stacks are far below both. */
static gboolean
hopelessly_large (Ctx                       *ctx,
                  const KasaneDiagramParams *params)
{
  const KasaneDiagramData *data = ctx->data;
  guint first = 0, n = data->n_datasets, rows = 0, chips = 0;

  if (params->kind == KASANE_DIAGRAM_STACK && n > 0)
    {
      first = params->selected_dataset >= 0 && (guint) params->selected_dataset < n
              ? (guint) params->selected_dataset : 0;
      n = 1;
    }
  for (guint d = first; d < first + n; d++)
    {
      KasaneDataset *dataset = data->datasets[d];

      rows = MAX (rows, dataset->layers->len);
      for (guint li = 0; li < dataset->layers->len; li++)
        {
          KasaneLayer *layer = g_ptr_array_index (dataset->layers, li);

          for (guint e = 0; e < G_N_ELEMENTS (layer->effects); e++)
            chips += layer->effects[e]->len;
        }
    }
  return rows * 4 * ctx->frame_unit > ctx->layout->height || chips > 4000;
}

gboolean
kasane_diagram_layout_fits (const KasaneDiagramLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  return !layout->overflow;
}


KasaneDiagramLayout *
kasane_diagram_layout_new (KasaneDataset * const     *datasets,
                           guint                      n_datasets,
                           const KasaneDiagramParams *params,
                           KasaneMeasure             *measure)
{
  KasaneDiagramData *data;
  KasaneDiagramLayout *layout;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (measure != NULL, NULL);
  g_return_val_if_fail (n_datasets == 0 || datasets != NULL, NULL);

  data = kasane_diagram_data_new (datasets, n_datasets);
  layout = kasane_diagram_layout_new_for_data (data, params, measure);
  kasane_diagram_data_free (data);
  return layout;
}

KasaneDiagramLayout *
kasane_diagram_layout_new_for_data (const KasaneDiagramData   *data,
                                    const KasaneDiagramParams *params,
                                    KasaneMeasure             *measure)
{
  KasaneDiagramLayout *layout;
  Ctx ctx = { 0 };
  double fit = 1.0;
  double text_scale, unit;
  guint n_datasets;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  n_datasets = data->n_datasets;

  layout = g_new0 (KasaneDiagramLayout, 1);
  layout->params = *params;
  layout->lang = g_strdup (diagram_is_ja (params->lang) ? "ja" : "en");
  layout->params.lang = layout->lang;
  layout->width = MAX (params->width, 1.0);
  layout->height = MAX (params->height, 1.0);
  layout->n_datasets = n_datasets;
  layout->hover_dataset = params->hover_dataset;
  layout->hover_problem = params->hover_problem;
  layout->boxes = g_array_new (FALSE, TRUE, sizeof (KasaneDiagramBox));
  layout->texts = g_array_new (FALSE, TRUE, sizeof (KasaneDiagramText));
  layout->marks = g_array_new (FALSE, TRUE, sizeof (KasaneDiagramMark));
  layout->rails = g_array_new (FALSE, TRUE, sizeof (KasaneDiagramRail));
  layout->lines = g_array_new (FALSE, TRUE, sizeof (KasaneDiagramLine));
  g_array_set_clear_func (layout->texts, text_clear);
  g_array_set_clear_func (layout->rails, rail_clear);

  text_scale = params->text_scale > 0 ? CLAMP (params->text_scale, 0.25, 4.0) : 1.0;
  ctx.data = data;
  ctx.layout = layout;
  ctx.measure = measure;
  ctx.lang = layout->lang;
  ctx.palette = kasane_palette_get (params->theme);
  ctx.frame_unit = MIN (layout->width / REF_W, layout->height / REF_H);

  /* Far more rows or chips than any size could hold: say so at once rather than after a
   * fit search of up to ~29 builds (1,000 layers of 1,000 chips took 100 s). */
  if (hopelessly_large (&ctx, params))
    {
      layout->overflow = TRUE;
      build_overflow_message (&ctx);
      return layout;
    }

  /* Shrink until it fits.  Heights scale about linearly with the text unit, so each try
   * shrinks by how much too tall the last one was (a little more, to converge).  Chips
   * keep two lines while the overflow is small, then go to one line each. */
  unit = ctx.frame_unit * text_scale * (params->kind == KASANE_DIAGRAM_STACK ? 1.12 : 1.0);
  {
    double floor_fit = MIN (0.3 / text_scale, 0.9);

    double failed = 0;

    ctx.chip_lines = 2;
    for (int attempt = 0; ; attempt++)
      {
        double factor;

        ctx.need_ratio = 0;
        g_debug ("fit search: try %d at %.3f, %d chip lines%s", attempt, fit, ctx.chip_lines,
                 ctx.allow_cut ? ", cuts allowed" : "");
        if (build_at (&ctx, unit * fit))
          {
            /* The layout holds the build at `fit` until a try fails. */
            gboolean current = TRUE;

            /* Won back some of an overshoot: two bisection steps towards the last
             * scale that failed (same chip lines). */
            for (int i = 0; i < 2 && failed > fit * 1.03; i++)
              {
                double mid = (fit + failed) / 2;

                current = build_at (&ctx, unit * mid);
                if (current)
                  fit = mid;
                else
                  failed = mid;
              }
            if (!current)
              build_at (&ctx, unit * fit);
            break;
          }
        failed = fit;
        if ((fit <= floor_fit || attempt >= 24) && !ctx.allow_cut)
          {
            /* Nothing fits whole at the floor (labels far longer than any real one):
             * cutting the longest texts short is better than no picture.  Search again. */
            ctx.allow_cut = TRUE;
            ctx.chip_lines = 2;
            fit = 1.0;
            failed = 0;
            attempt = -1;
            continue;
          }
        if (fit <= floor_fit || attempt >= 24)
          {
            layout->overflow = TRUE;
            build_overflow_message (&ctx);
            break;
          }
        if (ctx.chip_lines == 2 && (fit < 0.9 || ctx.need_ratio > 1.12))
          {
            ctx.chip_lines = 1;   /* try that first, at the same scale */
            continue;
          }
        factor = ctx.need_ratio > 1.0 ? 0.99 / ctx.need_ratio : 0.96;
        fit = MAX (floor_fit, fit * CLAMP (factor, 0.6, 0.97));
      }
  }

  /* A canvas taller than 16:9 (a square export, a narrow window) can leave the stacks
   * height to spare once the width has set the text size.  Then try the text larger, by
   * what the spare height and the aspect allow (at most 1.35×), then a half and a quarter
   * as much, with the chip lines the search settled on; a larger size counts only if
   * everything fits and no text had to be cut short. */
  if (!layout->overflow && fit >= 1.0 && ctx.slack > 0.08)
    {
      double room = (layout->height / REF_H) / MAX (layout->width / REF_W, 1e-6);
      double grow = MIN (MIN (sqrt (MAX (room, 1.0)), 1.0 + ctx.slack), 1.35);
      gboolean grown = FALSE;

      for (int attempt = 0; attempt < 3 && grow > 1.02 && !grown;
           attempt++, grow = 1 + (grow - 1) / 2)
        {
          grown = build_at (&ctx, unit * grow);
          if (grown)
            fit = grow;
        }
      if (!grown)
        build_at (&ctx, unit * fit);
    }

  layout->unit = ctx.text_unit;
  layout->fit = fit;

  return layout;
}

void
kasane_diagram_layout_free (KasaneDiagramLayout *layout)
{
  if (layout == NULL)
    return;

  g_array_unref (layout->boxes);
  g_array_unref (layout->texts);
  g_array_unref (layout->marks);
  g_array_unref (layout->rails);
  g_array_unref (layout->lines);
  g_free (layout->lang);
  g_free (layout);
}

void
kasane_diagram_layout_set_hover (KasaneDiagramLayout *layout,
                                 int                  dataset,
                                 int                  problem)
{
  g_return_if_fail (layout != NULL);

  layout->hover_dataset = problem >= 0 ? dataset : -1;
  layout->hover_problem = dataset >= 0 ? problem : -1;
}

