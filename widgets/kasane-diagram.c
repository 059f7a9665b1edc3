/* kasane-diagram.c: layout, hit testing, paint and description of the stacked-layer
 * diagrams (Compare and Stack views)
 *
 * Units.  Geometry scales from the canvas: b = min (width / 1920, height / 1080) is the
 * frame unit (margins, gutters) and u = b × text_scale × fit the text unit (fonts, paddings,
 * chips).  Chip text is 20u, so 20 px at 1920×1080 and 13.3 px at 1280×720.  When the
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
#include "kasane-render-private.h"

#include "kasane-i18n.h"
#include "kasane-ledger.h"

#define REF_W 1920.0
#define REF_H 1080.0

/* Our own words are looked up with kasane_gettext in the picture's language, which is a
 * parameter (an export with --lang=ja from an English session), not the process locale. */
static gboolean
is_ja (const char *lang)
{
  return g_strcmp0 (lang, "ja") == 0;
}

static const char *
list_separator (const char *lang)
{
  return is_ja (lang) ? "、" : ", ";
}

/* Palette roles */

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
    case KASANE_ROLE_NONE:
    case KASANE_N_ROLES:
    default:
      return &p->text;
    }
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

typedef struct
{
  KasaneEffect effect;
  guint        problem;
  char        *text;
  KasaneFont   font;
  double       text_max;
  int          lines;
  KasaneTextExtents ext;
  double       x, y, w, h;     /* relative to the chip area's origin */
} Chip;

typedef struct
{
  char             *tag;
  char             *year;
  char             *name;
  char             *net;
  KasaneTextExtents tag_ext, year_ext, name_ext, net_ext;
  double            name_max;
  GArray           *chips;        /* of Chip */
  double            chips_h;
  double            header_h;
  double            need;
  gboolean          net_own_line;
  gboolean          year_below;
} CardPlan;

typedef struct
{
  KasaneDataset      *dataset;
  const KasaneLedger *ledger;     /* the data's */
  guint          index;
  guint          n_layers;        /* all */
  guint          n_visible;
  GArray        *intervals;       /* of Interval: the data's */
  int            n_lanes;
  CardPlan      *cards;           /* n_layers */
  KasaneRole     role;            /* the verdict's colour */
} DatasetPlan;

typedef struct
{
  guint  problem;
  guint  start;
  int    end;                     /* layer index where solved, -1: open over all layers */
  int    lane;
  GArray *events;                 /* of KasaneRailStop (layer, kind); y filled later */
  GArray *weights;                /* of int: weight from start, then after each event */
} Interval;

typedef struct
{
  const KasaneDiagramData *data;
  KasaneDiagramLayout *layout;
  KasaneMeasure       *measure;
  const char          *lang;
  const KasanePalette *palette;
  double               b;      /* frame unit */
  double               u;      /* text unit */
  int                  chip_lines;   /* 2, or 1 when space is short */
  double               need_ratio;   /* how much too tall the last try was (≥ 1), or 0 */
  double               slack;        /* of the last try that fitted: the stacks' spare
                                        height, as a fraction of their band */
  gboolean             overflow;
} Ctx;

static KasaneFont
font_at (Ctx          *ctx,
         double        px,
         KasaneWeight  weight,
         gboolean      tabular)
{
  KasaneFont font = { px * ctx->u, weight, tabular };

  return font;
}

static void
measure (Ctx               *ctx,
         const char        *text,
         const KasaneFont  *font,
         double             max_width,
         int                max_lines,
         KasaneTextExtents *ext)
{
  kasane_measure_text (ctx->measure, text, font, ctx->lang, max_width, max_lines, ext);
}

static KasaneRect
rect_make (double x,
           double y,
           double w,
           double h)
{
  KasaneRect r = { x, y, w, h };

  return r;
}

static void
push_text (Ctx                     *ctx,
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
  item.lang = is_ja (ctx->lang) ? "ja" : "en";
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

  measure (ctx, text, font, max_width, max_lines, &ext);
  push_text (ctx, text, font, max_width, max_lines, &ext, x, y, box, role, -1, -1, -1);
  return ext.height;
}

static KasaneDiagramBox *
push_box (Ctx           *ctx,
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

static void
push_mark (Ctx            *ctx,
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

static void
push_line (Ctx        *ctx,
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

/* Chips */

static const char *
effect_word (KasaneEffect effect)
{
  switch (effect)
    {
    case KASANE_EFFECT_SOLVES: return N_("solves");
    case KASANE_EFFECT_MITIGATES: return N_("eases");
    case KASANE_EFFECT_INTRODUCES: return N_("introduces");
    case KASANE_EFFECT_WORSENS: return N_("worsens");
    case KASANE_N_EFFECTS:
    default:
      return "";
    }
}

static KasaneMarkKind
effect_mark (KasaneEffect effect)
{
  switch (effect)
    {
    case KASANE_EFFECT_SOLVES: return KASANE_MARK_CHECK;
    case KASANE_EFFECT_MITIGATES: return KASANE_MARK_DOWN;
    case KASANE_EFFECT_WORSENS: return KASANE_MARK_UP;
    case KASANE_EFFECT_INTRODUCES:
    case KASANE_N_EFFECTS:
    default:
      return KASANE_MARK_PLUS;
    }
}

typedef struct
{
  double font_px;
  double pad_x, pad_y, mark, mark_gap, gap_x, gap_y;
} ChipStyle;

static ChipStyle
chip_style (Ctx    *ctx,
            double  font_px)
{
  ChipStyle s;
  double k = font_px / 20.0;

  s.font_px = font_px;
  s.pad_x = 11 * k * ctx->u;
  s.pad_y = 5 * k * ctx->u;
  s.mark = 14 * k * ctx->u;
  s.mark_gap = 6 * k * ctx->u;
  s.gap_x = 10 * k * ctx->u;
  s.gap_y = 8 * k * ctx->u;
  return s;
}

static void
chip_clear (gpointer data)
{
  Chip *chip = data;

  g_free (chip->text);
}

static void
chip_measure (Ctx             *ctx,
              const ChipStyle *style,
              Chip            *chip,
              const char      *label,
              double           max_w)
{
  chip->text = g_strdup (label);
  chip->font = font_at (ctx, style->font_px, KASANE_WEIGHT_SEMIBOLD, FALSE);
  chip->text_max = MAX (1.0, max_w - 2 * style->pad_x - style->mark - style->mark_gap);
  chip->lines = ctx->chip_lines;
  measure (ctx, label, &chip->font, chip->text_max, chip->lines, &chip->ext);
  chip->w = 2 * style->pad_x + style->mark + style->mark_gap + chip->ext.width;
  chip->h = MAX (chip->ext.height, style->mark) + 2 * style->pad_y;
}

/* Flows chips left to right within max_w; a new row starts at `break_before` (an index,
 * or -1).  Returns the height, and the right end of the last row in *last_right. */
static double
flow_chips (const ChipStyle *style,
            GArray          *chips,
            double           max_w,
            guint            break_before,
            double          *last_right)
{
  double x = 0, y = 0, row_h = 0;
  guint row_start = 0;

  for (guint i = 0; i < chips->len; i++)
    {
      Chip *chip = &g_array_index (chips, Chip, i);

      if (i > row_start && (x + chip->w > max_w + 0.01 || i == break_before))
        {
          /* Centre the finished row's chips vertically on the row. */
          for (guint j = row_start; j < i; j++)
            {
              Chip *c = &g_array_index (chips, Chip, j);
              c->y = y + (row_h - c->h) / 2;
            }
          y += row_h + style->gap_y;
          x = 0;
          row_h = 0;
          row_start = i;
        }
      chip->x = x;
      x += chip->w + style->gap_x;
      row_h = MAX (row_h, chip->h);
    }

  for (guint j = row_start; j < chips->len; j++)
    {
      Chip *c = &g_array_index (chips, Chip, j);
      c->y = y + (row_h - c->h) / 2;
    }

  if (last_right != NULL)
    *last_right = chips->len > 0 ? x - style->gap_x : 0;

  return chips->len > 0 ? y + row_h : 0;
}

/* Builds the chips of one layer: fixes first, then, on a new row, what it added. */
static GArray *
layer_chips (Ctx             *ctx,
             const ChipStyle *style,
             KasaneDataset   *dataset,
             KasaneLayer     *layer,
             double           max_w,
             guint           *break_before)
{
  static const KasaneEffect order[] = {
    KASANE_EFFECT_SOLVES, KASANE_EFFECT_MITIGATES, KASANE_EFFECT_WORSENS,
    KASANE_EFFECT_INTRODUCES,
  };
  GArray *chips = g_array_new (FALSE, TRUE, sizeof (Chip));

  g_array_set_clear_func (chips, chip_clear);
  *break_before = G_MAXUINT;

  for (guint e = 0; e < G_N_ELEMENTS (order); e++)
    {
      GArray *list = layer->effects[order[e]];

      if (order[e] == KASANE_EFFECT_WORSENS || order[e] == KASANE_EFFECT_INTRODUCES)
        if (*break_before == G_MAXUINT && chips->len > 0 &&
            (layer->effects[KASANE_EFFECT_WORSENS]->len > 0 ||
             layer->effects[KASANE_EFFECT_INTRODUCES]->len > 0))
          *break_before = chips->len;

      for (guint i = 0; i < list->len; i++)
        {
          guint p = g_array_index (list, guint, i);
          KasaneProblem *problem = g_ptr_array_index (dataset->problems, p);
          Chip chip = { 0 };

          chip.effect = order[e];
          chip.problem = p;
          /* Short of space, long labels take half a row each, on one line. */
          chip_measure (ctx, style, &chip, kasane_text_get (&problem->label, ctx->lang),
                        ctx->chip_lines == 1 ? (max_w - style->gap_x) / 2 : max_w);
          g_array_append_val (chips, chip);
        }
    }

  return chips;
}

static void
emit_chip (Ctx             *ctx,
           const ChipStyle *style,
           const Chip      *chip,
           double           x,
           double           y,
           int              dataset,
           int              layer,
           gboolean         legend)
{
  KasaneRect rect = rect_make (x, y, chip->w, chip->h);
  KasaneDiagramBox *box;
  KasaneRole text_role, mark_role;
  double lw = MAX (1.0, 1.6 * ctx->u * style->font_px / 20.0);
  gboolean filled = chip->effect == KASANE_EFFECT_SOLVES ||
                    chip->effect == KASANE_EFFECT_MITIGATES;
  KasaneRole fill = chip->effect == KASANE_EFFECT_SOLVES ? KASANE_ROLE_SOLVES :
                    chip->effect == KASANE_EFFECT_MITIGATES ? KASANE_ROLE_MITIGATES :
                    chip->effect == KASANE_EFFECT_WORSENS ? KASANE_ROLE_WORSENS :
                    KASANE_ROLE_INTRODUCES;
  int problem = legend ? -1 : (int) chip->problem;

  if (filled)
    {
      box = push_box (ctx, KASANE_BOX_CHIP, rect, chip->h / 2, fill, KASANE_ROLE_NONE, 0);
      text_role = chip->effect == KASANE_EFFECT_SOLVES ? KASANE_ROLE_ON_CHIP :
                  KASANE_ROLE_ON_MITIGATES;
    }
  else
    {
      box = push_box (ctx, KASANE_BOX_CHIP, rect, chip->h / 2, fill, fill, lw);
      box->fill_alpha = 0.08;
      box->dash = chip->effect == KASANE_EFFECT_WORSENS ? KASANE_DASH_DOTTED : KASANE_DASH_DASHED;
      text_role = fill;
    }
  mark_role = text_role;
  box->dataset = dataset;
  box->layer = layer;
  box->problem = problem;
  box->effect = chip->effect;
  box->legend = legend;

  push_mark (ctx, effect_mark (chip->effect),
             rect_make (x + style->pad_x, y + (chip->h - style->mark) / 2,
                        style->mark, style->mark),
             mark_role, dataset, problem, legend);
  push_text (ctx, chip->text, &chip->font, chip->text_max, chip->lines, &chip->ext,
             x + style->pad_x + style->mark + style->mark_gap,
             y + (chip->h - chip->ext.height) / 2,
             rect, text_role, dataset, layer, problem);
}

/* Ledger intervals and lanes */

static void
interval_clear (gpointer data)
{
  Interval *iv = data;

  g_clear_pointer (&iv->events, g_array_unref);
  g_clear_pointer (&iv->weights, g_array_unref);
}

static GArray *
compute_intervals (KasaneDataset *dataset,
                   int           *n_lanes)
{
  GArray *intervals = g_array_new (FALSE, TRUE, sizeof (Interval));
  int *open = g_new (int, MAX (1, dataset->problems->len));
  GArray *lane_end = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_set_clear_func (intervals, interval_clear);
  for (guint p = 0; p < dataset->problems->len; p++)
    open[p] = -1;

  for (guint li = 0; li < dataset->layers->len; li++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, li);

      for (guint e = KASANE_EFFECT_SOLVES; e <= KASANE_EFFECT_WORSENS; e++)
        {
          GArray *list = layer->effects[e];

          for (guint i = 0; i < list->len; i++)
            {
              guint p = g_array_index (list, guint, i);
              Interval *iv;
              KasaneRailStop stop = { 0 };
              int w;

              if (p >= dataset->problems->len || open[p] < 0)
                continue;   /* the loader forbids this; stay safe */
              iv = &g_array_index (intervals, Interval, open[p]);
              w = g_array_index (iv->weights, int, iv->weights->len - 1);
              stop.layer = (int) li;
              if (e == KASANE_EFFECT_SOLVES)
                {
                  stop.kind = KASANE_RAIL_STOP_SOLVED;
                  iv->end = (int) li;
                  open[p] = -1;
                }
              else if (e == KASANE_EFFECT_MITIGATES)
                {
                  stop.kind = KASANE_RAIL_STOP_EASED;
                  w = MAX (1, w - 1);
                }
              else
                {
                  stop.kind = KASANE_RAIL_STOP_WORSENED;
                  w = w + 1;
                }
              g_array_append_val (iv->events, stop);
              g_array_append_val (iv->weights, w);
            }
        }

      for (guint i = 0; i < layer->effects[KASANE_EFFECT_INTRODUCES]->len; i++)
        {
          guint p = g_array_index (layer->effects[KASANE_EFFECT_INTRODUCES], guint, i);
          KasaneProblem *problem;
          Interval iv = { 0 };
          int w;

          if (p >= dataset->problems->len || open[p] >= 0)
            continue;
          problem = g_ptr_array_index (dataset->problems, p);
          iv.problem = p;
          iv.start = li;
          iv.end = -1;
          iv.events = g_array_new (FALSE, TRUE, sizeof (KasaneRailStop));
          iv.weights = g_array_new (FALSE, TRUE, sizeof (int));
          w = CLAMP (problem->weight, 1, 5);
          g_array_append_val (iv.weights, w);
          g_array_append_val (intervals, iv);
          open[p] = (int) intervals->len - 1;
        }
    }

  /* Greedy interval colouring in order of start: a lane is free for an interval that
   * starts above the layer where the lane's last rail ended. */
  for (guint i = 0; i < intervals->len; i++)
    {
      Interval *iv = &g_array_index (intervals, Interval, i);
      int end = iv->end >= 0 ? iv->end : G_MAXINT;
      guint lane;

      for (lane = 0; lane < lane_end->len; lane++)
        if (g_array_index (lane_end, int, lane) < (int) iv->start)
          break;
      if (lane == lane_end->len)
        g_array_append_val (lane_end, end);
      else
        g_array_index (lane_end, int, lane) = end;
      iv->lane = (int) lane;
    }

  *n_lanes = (int) lane_end->len;
  g_array_unref (lane_end);
  g_free (open);

  return intervals;
}

/* The data: what does not depend on size, zoom, theme or hover, computed once */

typedef struct
{
  KasaneDataset *dataset;
  KasaneLedger  *ledger;
  GArray        *intervals;       /* of Interval, lanes assigned */
  int            n_lanes;
} DataEntry;

struct _KasaneDiagramData
{
  guint      n_datasets;
  DataEntry *entries;
  KasaneDataset **datasets;       /* the entries' datasets, for the layout's calls */
};

KasaneDiagramData *
kasane_diagram_data_new (KasaneDataset * const *datasets,
                         guint                  n_datasets)
{
  KasaneDiagramData *data;

  g_return_val_if_fail (n_datasets == 0 || datasets != NULL, NULL);

  data = g_new0 (KasaneDiagramData, 1);
  data->n_datasets = n_datasets;
  data->entries = g_new0 (DataEntry, MAX (n_datasets, 1));
  data->datasets = g_new0 (KasaneDataset *, MAX (n_datasets, 1));
  for (guint d = 0; d < n_datasets; d++)
    {
      DataEntry *entry = &data->entries[d];

      entry->dataset = kasane_dataset_ref (datasets[d]);
      entry->ledger = kasane_ledger_compute (entry->dataset);
      entry->intervals = compute_intervals (entry->dataset, &entry->n_lanes);
      data->datasets[d] = entry->dataset;
    }
  return data;
}

void
kasane_diagram_data_free (KasaneDiagramData *data)
{
  if (data == NULL)
    return;
  for (guint d = 0; d < data->n_datasets; d++)
    {
      kasane_dataset_unref (data->entries[d].dataset);
      kasane_ledger_free (data->entries[d].ledger);
      g_array_unref (data->entries[d].intervals);
    }
  g_free (data->entries);
  g_free (data->datasets);
  g_free (data);
}

guint
kasane_diagram_data_get_n_datasets (const KasaneDiagramData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->n_datasets;
}

gboolean
kasane_diagram_data_holds (const KasaneDiagramData *data,
                           KasaneDataset * const   *datasets,
                           guint                    n_datasets)
{
  if (data == NULL || data->n_datasets != n_datasets)
    return FALSE;
  for (guint d = 0; d < n_datasets; d++)
    if (data->datasets[d] != datasets[d])
      return FALSE;
  return TRUE;
}

/* Text helpers */

static char *
format_signed (int value)
{
  if (value > 0)
    return g_strdup_printf ("+%d", value);
  if (value < 0)
    return g_strdup_printf ("−%d", -value);   /* a real minus sign */
  return g_strdup ("±0");
}

static char *
format_year (const KasaneLayer *layer)
{
  g_autofree char *iso = NULL;

  if (!layer->has_since)
    return g_strdup ("");
  iso = kasane_date_format_iso (&layer->since);
  if (strlen (iso) >= 4 && layer->since.precision != KASANE_PRECISION_NUMBER)
    iso[4] = '\0';
  return g_strdup_printf ("%s–", iso);
}

static char *
format_level (const KasaneLayer *layer)
{
  return g_strdup_printf ("L%" G_GINT64_FORMAT, layer->level);
}

static const char *
verdict_title (KasaneVerdict verdict,
               const char   *lang)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION: return kasane_gettext (lang, N_("Capability progression"));
    case KASANE_VERDICT_MIGRATION: return kasane_gettext (lang, N_("Problem migration"));
    case KASANE_VERDICT_MIXED: return kasane_gettext (lang, N_("Mixed"));
    case KASANE_VERDICT_NONE:
    default:
      return kasane_gettext (lang, N_("No verdict: one layer"));
    }
}

static const char *
claim_word (KasaneClaim claim,
            const char *lang)
{
  switch (claim)
    {
    case KASANE_CLAIM_PROGRESSION: return kasane_gettext (lang, N_("progression"));
    case KASANE_CLAIM_MIGRATION: return kasane_gettext (lang, N_("migration"));
    case KASANE_CLAIM_MIXED: return kasane_gettext (lang, N_("mixed"));
    case KASANE_CLAIM_NONE:
    default:
      return "";
    }
}

static const char *
verdict_sentence (KasaneVerdict verdict,
                  const char   *lang)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION:
      return kasane_gettext (lang, N_("Every layer above the first removed more problem weight than it added."));
    case KASANE_VERDICT_MIGRATION:
      return kasane_gettext (lang, N_("Every layer above the first fixed something, yet added as much problem weight as it removed, or more."));
    case KASANE_VERDICT_MIXED:
      return kasane_gettext (lang, N_("Some layers removed more than they added; others did not."));
    case KASANE_VERDICT_NONE:
    default:
      return kasane_gettext (lang, N_("A single layer: nothing to compare it with yet."));
    }
}

static KasaneRole
verdict_role (KasaneVerdict verdict)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION: return KASANE_ROLE_PROGRESSION;
    case KASANE_VERDICT_MIGRATION: return KASANE_ROLE_MIGRATION;
    case KASANE_VERDICT_MIXED: return KASANE_ROLE_MIXED;
    case KASANE_VERDICT_NONE:
    default:
      return KASANE_ROLE_LOAD;
    }
}

static KasaneMarkKind
verdict_mark (KasaneVerdict verdict)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION: return KASANE_MARK_PROGRESSION;
    case KASANE_VERDICT_MIGRATION: return KASANE_MARK_MIGRATION;
    case KASANE_VERDICT_MIXED: return KASANE_MARK_MIXED;
    case KASANE_VERDICT_NONE:
    default:
      return KASANE_MARK_NONE_VERDICT;
    }
}

static gboolean
claim_differs (KasaneDataset      *dataset,
               const KasaneLedger *ledger)
{
  return dataset->claim != KASANE_CLAIM_NONE && !ledger->agrees;
}

/* Card plans */

static void
card_plan_clear (CardPlan *card)
{
  g_clear_pointer (&card->tag, g_free);
  g_clear_pointer (&card->year, g_free);
  g_clear_pointer (&card->name, g_free);
  g_clear_pointer (&card->net, g_free);
  g_clear_pointer (&card->chips, g_array_unref);
}

typedef struct
{
  double pad, accent, radius, head_gap, name_gap;
  double tag_px, name_px, year_px, net_px;
  ChipStyle chip;
} CardStyle;

static CardStyle
card_style (Ctx *ctx)
{
  CardStyle s;

  s.pad = 16 * ctx->u;
  s.accent = 7 * ctx->u;
  s.radius = 14 * ctx->u;
  s.head_gap = 12 * ctx->u;
  s.name_gap = 12 * ctx->u;
  s.tag_px = 21;
  s.name_px = 27;
  s.year_px = 20;
  s.net_px = 21;
  s.chip = chip_style (ctx, 20);
  return s;
}

static double
card_inner_w (const CardStyle *s,
              double           card_w)
{
  return card_w - s->accent - 2 * s->pad;
}

static void
plan_card (Ctx             *ctx,
           const CardStyle *s,
           DatasetPlan     *dp,
           guint            li,
           double           card_w)
{
  CardPlan *card = &dp->cards[li];
  KasaneLayer *layer = g_ptr_array_index (dp->dataset->layers, li);
  KasaneLedgerRow *row = &dp->ledger->rows[li];
  double inner = card_inner_w (s, card_w);
  KasaneFont tag_font = font_at (ctx, s->tag_px, KASANE_WEIGHT_SEMIBOLD, TRUE);
  KasaneFont name_font = font_at (ctx, s->name_px, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont year_font = font_at (ctx, s->year_px, KASANE_WEIGHT_REGULAR, TRUE);
  KasaneFont net_font = font_at (ctx, s->net_px, KASANE_WEIGHT_BOLD, TRUE);
  g_autofree char *signed_net = format_signed (row->net);
  guint break_before;
  double last_right;

  card->tag = format_level (layer);
  card->year = format_year (layer);
  card->name = g_strdup (kasane_text_get (&layer->name, ctx->lang));
  card->net = g_strdup_printf (kasane_gettext (ctx->lang, N_("net %s")), signed_net);

  measure (ctx, card->tag, &tag_font, inner * 0.3, 1, &card->tag_ext);
  measure (ctx, card->year, &year_font, inner * 0.3, 1, &card->year_ext);
  measure (ctx, card->net, &net_font, inner * 0.4, 1, &card->net_ext);
  /* Header: tag, name, year … net in the top-right corner.  The year follows the name
   * when the name is short, and keeps its place at the right of the name column. */
  card->name_max = MAX (1.0, inner - card->tag_ext.width - s->name_gap -
                        (card->year_ext.width > 0 ? card->year_ext.width + s->name_gap : 0) -
                        card->net_ext.width - 2 * s->name_gap);
  measure (ctx, card->name, &name_font, card->name_max, 2, &card->name_ext);
  card->year_below = FALSE;
  if (card->name_ext.n_lines > 1 && card->year_ext.width > 0)
    {
      /* A long name keeps one line; the year goes under it. */
      double wide = MAX (1.0, inner - card->tag_ext.width - card->net_ext.width -
                         3 * s->name_gap);
      KasaneTextExtents one;

      measure (ctx, card->name, &name_font, wide, 2, &one);
      if (one.n_lines == 1)
        {
          card->name_max = wide;
          card->name_ext = one;
          card->year_below = TRUE;
        }
    }
  card->header_h = MAX (card->name_ext.height,
                        MAX (card->tag_ext.height, MAX (card->year_ext.height,
                                                        card->net_ext.height)));
  if (card->year_below)
    card->header_h = card->name_ext.height + card->year_ext.height;

  card->chips = layer_chips (ctx, &s->chip, dp->dataset, layer, inner, &break_before);
  /* Fixes and additions on separate rows when that costs no extra row. */
  card->chips_h = flow_chips (&s->chip, card->chips, inner, G_MAXUINT, &last_right);
  if (break_before != G_MAXUINT)
    {
      double with_break = flow_chips (&s->chip, card->chips, inner, break_before, &last_right);

      if (with_break > card->chips_h + 0.01)
        flow_chips (&s->chip, card->chips, inner, G_MAXUINT, &last_right);
      else
        card->chips_h = with_break;
    }

  card->need = 2 * s->pad + card->header_h;
  if (card->chips->len > 0)
    card->need += s->head_gap + card->chips_h;
  card->net_own_line = FALSE;
}

static void
dataset_plan_clear (DatasetPlan *dp)
{
  if (dp->cards != NULL)
    for (guint i = 0; i < dp->n_layers; i++)
      card_plan_clear (&dp->cards[i]);
  g_clear_pointer (&dp->cards, g_free);
}

/* Emitting a column: header, stack, rails and strip */

typedef struct
{
  double x, w;            /* the column */
  double lane_gap;
  double rail_w;          /* the rails' gutter, left of the cards */
  double card_x, card_w;
  double strip_x, strip_w, bar_max, num_w;
} ColumnGeom;

static void
column_geom (Ctx         *ctx,
             DatasetPlan *dp,
             double       x,
             double       w,
             int          max_load,
             ColumnGeom  *g)
{
  KasaneFont num_font = font_at (ctx, 22, KASANE_WEIGHT_BOLD, TRUE);
  g_autofree char *num = g_strdup_printf ("%d", MAX (max_load, 10));
  KasaneTextExtents ext;

  g->x = x;
  g->w = w;
  g->lane_gap = dp->n_lanes > 0 ? MIN (15 * ctx->u, 0.12 * w / dp->n_lanes) : 0;
  g->rail_w = dp->n_lanes > 0 ? dp->n_lanes * g->lane_gap + 10 * ctx->u : 0;
  measure (ctx, num, &num_font, 0, 0, &ext);
  g->num_w = ext.width;
  g->bar_max = MIN (104 * ctx->u, 0.14 * w);
  g->strip_w = g->bar_max + 10 * ctx->u + g->num_w;
  g->card_x = x + g->rail_w;
  g->card_w = w - g->rail_w - 26 * ctx->u - g->strip_w;
  g->strip_x = g->card_x + g->card_w + 26 * ctx->u;
}

typedef struct
{
  double title_h;     /* the column's title + badge row */
  char  *title;
  double title_max;
  KasaneTextExtents title_ext;
  KasaneFont title_font;
} ColumnHead;

static double
badge_row (Ctx         *ctx,
           DatasetPlan *dp,
           double       x,
           double       y,
           double       w,
           gboolean     emit,
           double      *width_out,
           gboolean    *wrapped_out)
{
  KasaneFont font = font_at (ctx, 21, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont claim_font = font_at (ctx, 19, KASANE_WEIGHT_REGULAR, FALSE);
  double pad_x = 16 * ctx->u, pad_y = 7 * ctx->u, mark = 15 * ctx->u, gap = 9 * ctx->u;
  const char *label = verdict_title (dp->ledger->verdict, ctx->lang);
  KasaneTextExtents ext, claim_ext;
  double bw, bh, cx, cy, h;
  g_autofree char *claim = NULL;

  measure (ctx, label, &font, w - 2 * pad_x - mark - gap, 1, &ext);
  bw = 2 * pad_x + mark + gap + ext.width;
  bh = MAX (ext.height, mark) + 2 * pad_y;
  h = bh;
  if (width_out != NULL)
    *width_out = bw;
  if (wrapped_out != NULL)
    *wrapped_out = FALSE;

  if (emit)
    {
      KasaneRect rect = rect_make (x, y, bw, bh);
      KasaneDiagramBox *box;
      KasaneRole fill = dp->ledger->verdict == KASANE_VERDICT_NONE ? KASANE_ROLE_BADGE_SOFT :
                        dp->role;
      KasaneRole on = dp->ledger->verdict == KASANE_VERDICT_NONE ? KASANE_ROLE_TEXT :
                      KASANE_ROLE_ON_BADGE;

      box = push_box (ctx, KASANE_BOX_BADGE, rect, bh / 2, fill, KASANE_ROLE_NONE, 0);
      box->dataset = (int) dp->index;
      push_mark (ctx, verdict_mark (dp->ledger->verdict),
                 rect_make (x + pad_x, y + (bh - mark) / 2, mark, mark), on,
                 (int) dp->index, -1, FALSE);
      push_text (ctx, label, &font, w - 2 * pad_x - mark - gap, 1, &ext,
                 x + pad_x + mark + gap, y + (bh - ext.height) / 2, rect, on,
                 (int) dp->index, -1, -1);
    }

  if (claim_differs (dp->dataset, dp->ledger))
    {
      double cw, ch, room;

      claim = g_strdup_printf (kasane_gettext (ctx->lang, N_("Claim: %s — differs")),
                               claim_word (dp->dataset->claim, ctx->lang));
      measure (ctx, claim, &claim_font, 0, 0, &claim_ext);
      room = w - bw - 14 * ctx->u;
      if (claim_ext.width + 2 * pad_x + mark + gap <= room)
        {
          cx = x + bw + 14 * ctx->u;
          cy = y;
        }
      else
        {
          cx = x;
          cy = y + bh + 8 * ctx->u;
          room = w;
          if (wrapped_out != NULL)
            *wrapped_out = TRUE;
        }
      measure (ctx, claim, &claim_font, room - 2 * pad_x - mark - gap, 1, &claim_ext);
      cw = 2 * pad_x + mark + gap + claim_ext.width;
      ch = MAX (claim_ext.height, mark) + 2 * pad_y;
      ch = MAX (ch, bh);
      h = MAX (h, cy - y + ch);
      if (width_out != NULL)
        *width_out = MAX (*width_out, cx - x + cw);
      if (emit)
        {
          KasaneRect rect = rect_make (cx, cy, cw, ch);
          KasaneDiagramBox *box;

          box = push_box (ctx, KASANE_BOX_CLAIM, rect, ch / 2, KASANE_ROLE_NONE,
                          KASANE_ROLE_TEXT_DIM, 1.5 * ctx->u);
          box->dataset = (int) dp->index;
          push_mark (ctx, KASANE_MARK_DIFFERS,
                     rect_make (cx + pad_x, cy + (ch - mark) / 2, mark, mark),
                     KASANE_ROLE_TEXT, (int) dp->index, -1, FALSE);
          push_text (ctx, claim, &claim_font, room - 2 * pad_x - mark - gap, 1, &claim_ext,
                     cx + pad_x + mark + gap, cy + (ch - claim_ext.height) / 2, rect,
                     KASANE_ROLE_TEXT, (int) dp->index, -1, -1);
        }
    }

  return h;
}

/* The "still open" sentence above a stack. */
static char *
still_open_text (Ctx         *ctx,
                 DatasetPlan *dp)
{
  KasaneLedgerRow *row;
  GString *list;

  if (dp->n_visible == 0)
    return g_strdup ("");
  row = &dp->ledger->rows[dp->n_visible - 1];
  if (row->open->len == 0)
    return g_strdup (kasane_gettext (ctx->lang, N_("Nothing left open at the top")));

  list = g_string_new (NULL);
  for (guint i = 0; i < row->open->len; i++)
    {
      KasaneOpenProblem *op = &g_array_index (row->open, KasaneOpenProblem, i);
      KasaneProblem *problem = g_ptr_array_index (dp->dataset->problems, op->problem);

      if (i > 0)
        g_string_append (list, list_separator (ctx->lang));
      g_string_append_printf (list, "%s (%d)", kasane_text_get (&problem->label, ctx->lang),
                              op->weight);
    }
  {
    char *text = g_strdup_printf (kasane_gettext (ctx->lang, N_("Still open at the top: %s")),
                                  list->str);
    g_string_free (list, TRUE);
    return text;
  }
}

static double
chip_center_y (const CardStyle *s,
               const CardPlan  *card,
               double           card_y,
               KasaneEffect     effect,
               guint            problem)
{
  for (guint i = 0; i < card->chips->len; i++)
    {
      Chip *chip = &g_array_index (card->chips, Chip, i);

      if (chip->effect == effect && chip->problem == problem)
        return card_y + s->pad + card->header_h + s->head_gap + chip->y + chip->h / 2;
    }
  return card_y + s->pad + card->header_h / 2;
}

static void
emit_card (Ctx             *ctx,
           const CardStyle *s,
           DatasetPlan     *dp,
           guint            li,
           KasaneRect       rect,
           gboolean         selected)
{
  CardPlan *card = &dp->cards[li];
  KasaneLedgerRow *row = &dp->ledger->rows[li];
  double inner = card_inner_w (s, rect.width);
  double x0 = rect.x + s->accent + s->pad, y0 = rect.y + s->pad;
  KasaneFont tag_font = font_at (ctx, s->tag_px, KASANE_WEIGHT_SEMIBOLD, TRUE);
  KasaneFont name_font = font_at (ctx, s->name_px, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont year_font = font_at (ctx, s->year_px, KASANE_WEIGHT_REGULAR, TRUE);
  KasaneFont net_font = font_at (ctx, s->net_px, KASANE_WEIGHT_BOLD, TRUE);
  KasaneDiagramBox *box;
  double first_line, chips_y;
  KasaneRole net_role;

  box = push_box (ctx, KASANE_BOX_CARD, rect, s->radius, KASANE_ROLE_SURFACE,
                  selected ? KASANE_ROLE_ACCENT : KASANE_ROLE_BORDER,
                  selected ? 3.5 * ctx->u : 1.2 * ctx->u);
  box->shadow = TRUE;
  box->dataset = (int) dp->index;
  box->layer = (int) li;

  box = push_box (ctx, KASANE_BOX_ACCENT, rect_make (rect.x, rect.y, s->accent, rect.height),
                  s->radius, dp->role, KASANE_ROLE_NONE, 0);
  box->fill_alpha = dp->n_layers > 1 ? 0.45 + 0.55 * li / (dp->n_layers - 1) : 1.0;
  box->dataset = (int) dp->index;
  box->layer = (int) li;

  /* Header: tag, year and net sit on the name's first baseline. */
  first_line = card->name_ext.baseline;
  push_text (ctx, card->tag, &tag_font, inner * 0.3, 1, &card->tag_ext,
             x0, y0 + first_line - card->tag_ext.baseline, rect, KASANE_ROLE_TEXT_DIM,
             (int) dp->index, (int) li, -1);
  push_text (ctx, card->name, &name_font, card->name_max, 2, &card->name_ext,
             x0 + card->tag_ext.width + s->name_gap, y0, rect, KASANE_ROLE_TEXT,
             (int) dp->index, (int) li, -1);
  if (card->year[0] != '\0')
    {
      /* After the name (on its first baseline), or under it when the name is long. */
      double nx = x0 + card->tag_ext.width + s->name_gap;

      if (card->year_below)
        push_text (ctx, card->year, &year_font, inner * 0.3, 1, &card->year_ext,
                   nx, y0 + card->name_ext.height,
                   rect, KASANE_ROLE_TEXT_DIM, (int) dp->index, (int) li, -1);
      else
        push_text (ctx, card->year, &year_font, inner * 0.3, 1, &card->year_ext,
                   nx + card->name_ext.width + s->name_gap,
                   y0 + first_line - card->year_ext.baseline,
                   rect, KASANE_ROLE_TEXT_DIM, (int) dp->index, (int) li, -1);
    }

  chips_y = y0 + card->header_h + s->head_gap;
  for (guint i = 0; i < card->chips->len; i++)
    {
      Chip *chip = &g_array_index (card->chips, Chip, i);

      emit_chip (ctx, &s->chip, chip, x0 + chip->x, chips_y + chip->y,
                 (int) dp->index, (int) li, FALSE);
    }

  net_role = row->net > 0 ? KASANE_ROLE_POSITIVE :
             row->net < 0 ? KASANE_ROLE_NEGATIVE : KASANE_ROLE_TEXT_DIM;
  push_text (ctx, card->net, &net_font, inner * 0.4, 1, &card->net_ext,
             x0 + inner - card->net_ext.width, y0 + first_line - card->net_ext.baseline,
             rect, net_role, (int) dp->index, (int) li, -1);
}

static void
emit_rails (Ctx             *ctx,
            const CardStyle *s,
            DatasetPlan     *dp,
            const ColumnGeom *g,
            const double    *row_y,
            double           top_y)
{
  for (guint i = 0; i < dp->intervals->len; i++)
    {
      Interval *iv = &g_array_index (dp->intervals, Interval, i);
      KasaneDiagramRail rail = { 0 };
      double y_prev;
      KasaneRailStop start = { KASANE_RAIL_STOP_START, 0, (int) iv->start };
      guint ei;

      if (iv->start >= dp->n_visible)
        continue;

      rail.dataset = (int) dp->index;
      rail.problem = (int) iv->problem;
      rail.lane = iv->lane;
      rail.x = g->card_x - 10 * ctx->u - (iv->lane + 0.5) * g->lane_gap;
      rail.open = iv->end < 0 || (guint) iv->end >= dp->n_visible;
      rail.role = rail.open ? KASANE_ROLE_INTRODUCES : KASANE_ROLE_SOLVES;
      rail.hit_half_width = MAX (g->lane_gap / 2, 3 * ctx->u);
      rail.segments = g_array_new (FALSE, TRUE, sizeof (KasaneRailSegment));
      rail.stops = g_array_new (FALSE, TRUE, sizeof (KasaneRailStop));

      start.y = chip_center_y (s, &dp->cards[iv->start], row_y[iv->start],
                               KASANE_EFFECT_INTRODUCES, iv->problem);
      rail.y_start = start.y;
      g_array_append_val (rail.stops, start);
      y_prev = start.y;

      for (ei = 0; ei < iv->events->len; ei++)
        {
          KasaneRailStop stop = g_array_index (iv->events, KasaneRailStop, ei);
          KasaneEffect effect = stop.kind == KASANE_RAIL_STOP_SOLVED ? KASANE_EFFECT_SOLVES :
                                stop.kind == KASANE_RAIL_STOP_EASED ? KASANE_EFFECT_MITIGATES :
                                KASANE_EFFECT_WORSENS;
          KasaneRailSegment seg;
          int w = g_array_index (iv->weights, int, ei);

          if ((guint) stop.layer >= dp->n_visible)
            break;
          stop.y = chip_center_y (s, &dp->cards[stop.layer], row_y[stop.layer], effect,
                                  iv->problem);
          seg.y_bottom = y_prev;
          seg.y_top = stop.y;
          seg.width = MIN (g->lane_gap * 0.75, (1.0 + 0.5 * MIN (w, 8)) * ctx->u);
          g_array_append_val (rail.segments, seg);
          g_array_append_val (rail.stops, stop);
          y_prev = stop.y;
        }

      if (rail.open)
        {
          KasaneRailSegment seg;
          int w = g_array_index (iv->weights, int, ei);

          seg.y_bottom = y_prev;
          seg.y_top = top_y;
          seg.width = MIN (g->lane_gap * 0.75, (1.0 + 0.5 * MIN (w, 8)) * ctx->u);
          g_array_append_val (rail.segments, seg);
          rail.y_end = top_y;
        }
      else
        rail.y_end = y_prev;

      g_array_append_val (ctx->layout->rails, rail);
    }
}

static void
emit_strip (Ctx              *ctx,
            DatasetPlan      *dp,
            const ColumnGeom *g,
            const double     *row_y,
            const double     *row_h,
            int               max_load)
{
  KasaneFont num_font = font_at (ctx, 22, KASANE_WEIGHT_BOLD, TRUE);
  double bar_h = 22 * ctx->u;
  double prev_x = -1, prev_y = 0;

  for (guint li = 0; li < dp->n_visible; li++)
    {
      int load = dp->ledger->rows[li].open_load;
      double len = max_load > 0 ? g->bar_max * load / max_load : 0;
      double cy = row_y[li] + row_h[li] / 2;
      KasaneRect track = rect_make (g->strip_x, cy - bar_h / 2, g->bar_max, bar_h);
      KasaneDiagramBox *box;
      g_autofree char *num = g_strdup_printf ("%d", load);
      KasaneTextExtents ext;

      box = push_box (ctx, KASANE_BOX_TRACK, track, bar_h / 2, KASANE_ROLE_BADGE_SOFT,
                      KASANE_ROLE_NONE, 0);
      box->dataset = (int) dp->index;
      box->layer = (int) li;
      if (len > 0)
        {
          box = push_box (ctx, KASANE_BOX_BAR,
                          rect_make (g->strip_x, cy - bar_h / 2, MAX (len, bar_h), bar_h),
                          bar_h / 2, dp->role, KASANE_ROLE_NONE, 0);
          box->dataset = (int) dp->index;
          box->layer = (int) li;
        }

      /* The trend between bar ends: the slope is the story. */
      if (prev_x >= 0)
        push_line (ctx, prev_x, prev_y - bar_h / 2, g->strip_x + MAX (len, bar_h),
                   cy + bar_h / 2, KASANE_ROLE_TEXT_DIM, 1.3 * ctx->u, KASANE_DASH_DOTTED, 0.9);
      prev_x = g->strip_x + MAX (len, bar_h);
      prev_y = cy;

      measure (ctx, num, &num_font, g->num_w + 1, 1, &ext);
      push_text (ctx, num, &num_font, g->num_w + 1, 1, &ext,
                 g->strip_x + g->bar_max + 10 * ctx->u,
                 cy - ext.height / 2,
                 rect_make (g->strip_x, cy - row_h[li] / 2, g->strip_w, row_h[li]),
                 KASANE_ROLE_TEXT, (int) dp->index, (int) li, -1);
    }
}

/* Emits a dataset's stack into a column whose rows are given; returns FALSE when the
 * content above the top card does not fit. */
static void
emit_stack (Ctx              *ctx,
            const CardStyle  *s,
            DatasetPlan      *dp,
            const ColumnGeom *g,
            const double     *row_y,
            const double     *row_h,
            double            above_top,   /* the top of the area the open line may use */
            int               max_load,
            const KasaneDiagramParams *params)
{
  KasaneFont small = font_at (ctx, 18, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont caption = font_at (ctx, 18, KASANE_WEIGHT_SEMIBOLD, FALSE);
  g_autofree char *open = still_open_text (ctx, dp);
  KasaneTextExtents ext;
  double top_card_y, arrow_top;

  if (dp->n_visible == 0)
    return;

  top_card_y = row_y[dp->n_visible - 1];
  arrow_top = top_card_y - 12 * ctx->u;

  for (guint li = 0; li < dp->n_visible; li++)
    {
      gboolean selected = params->selected_dataset == (int) dp->index &&
                          params->selected_layer == (int) li;

      emit_card (ctx, s, dp, li, rect_make (g->card_x, row_y[li], g->card_w, row_h[li]),
                 selected);
      if (li + 1 < dp->n_visible)
        {
          double gap = row_y[li] - (row_y[li + 1] + row_h[li + 1]);
          double m = MIN (12 * ctx->u, gap * 0.6);

          push_mark (ctx, KASANE_MARK_STEP_ARROW,
                     rect_make (g->card_x + g->card_w / 2 - m / 2, row_y[li] - gap / 2 - m / 2,
                                m, m),
                     KASANE_ROLE_TEXT_DIM, (int) dp->index, -1, FALSE);
        }
    }

  emit_rails (ctx, s, dp, g, row_y, arrow_top);
  emit_strip (ctx, dp, g, row_y, row_h, max_load);

  /* The line above the top card: what is still open, and the strip's caption. */
  measure (ctx, open, &small, g->card_x + g->card_w - g->x, 2, &ext);
  push_text (ctx, open, &small, g->card_x + g->card_w - g->x, 2, &ext, g->x,
             arrow_top - 10 * ctx->u - ext.height,
             rect_make (g->x, above_top, g->w, top_card_y - above_top),
             KASANE_ROLE_TEXT_DIM, (int) dp->index, -1, -1);
  {
    const char *cap = kasane_gettext (ctx->lang, N_("Open load"));

    measure (ctx, cap, &caption, g->strip_w, 2, &ext);
    push_text (ctx, cap, &caption, g->strip_w, 2, &ext, g->strip_x,
               arrow_top - 10 * ctx->u - ext.height,
               rect_make (g->strip_x, above_top, g->strip_w, top_card_y - above_top),
               KASANE_ROLE_TEXT_DIM, (int) dp->index, -1, -1);
  }
}

/* The height the line above the top card needs. */
static double
open_line_height (Ctx         *ctx,
                  DatasetPlan *dp,
                  double       card_w,
                  double       strip_w)
{
  KasaneFont small = font_at (ctx, 18, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont caption = font_at (ctx, 18, KASANE_WEIGHT_SEMIBOLD, FALSE);
  g_autofree char *open = still_open_text (ctx, dp);
  KasaneTextExtents a, b;

  measure (ctx, open, &small, card_w, 2, &a);   /* card_w: the text's width */
  measure (ctx, kasane_gettext (ctx->lang, N_("Open load")), &caption, strip_w, 2, &b);
  return MAX (a.height, b.height) + 22 * ctx->u;
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
  ChipStyle cs = chip_style (ctx, 18);
  KasaneFont note_font = font_at (ctx, 17, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont rail_font = font_at (ctx, 18, KASANE_WEIGHT_REGULAR, FALSE);
  const char *note = kasane_gettext (ctx->lang, N_("Ledger: introduces adds a problem's weight, solves removes it, eases −1, worsens +1. Net = removed − added."));
  KasaneTextExtents note_ext, solved_ext, open_ext;
  const char *solved = kasane_gettext (ctx->lang, N_("solved here"));
  const char *still = kasane_gettext (ctx->lang, N_("still open"));
  GArray *chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  double legend_h, y, cx, sample = 34 * ctx->u, needed, note_w;
  gboolean note_inline;

  g_array_set_clear_func (chips, chip_clear);
  measure (ctx, note, &note_font, w, 1, &note_ext);

  for (guint i = 0; i < G_N_ELEMENTS (effects); i++)
    {
      Chip chip = { 0 };

      chip.effect = effects[i];
      chip.problem = 0;
      chip_measure (ctx, &cs, &chip, kasane_gettext (ctx->lang, effect_word (effects[i])), w / 4);
      g_array_append_val (chips, chip);
    }
  measure (ctx, solved, &rail_font, w / 4, 1, &solved_ext);
  measure (ctx, still, &rail_font, w / 4, 1, &open_ext);

  legend_h = 0;
  for (guint i = 0; i < chips->len; i++)
    legend_h = MAX (legend_h, g_array_index (chips, Chip, i).h);
  legend_h = MAX (legend_h, solved_ext.height);

  /* Everything on one line when it fits; the rail samples are dropped first. */
  needed = 0;
  for (guint i = 0; i < chips->len; i++)
    needed += g_array_index (chips, Chip, i).w + cs.gap_x;
  needed += 28 * ctx->u + 2 * (sample + 8 * ctx->u) + solved_ext.width + open_ext.width +
            24 * ctx->u;

  /* The footnote joins the legend's line when there is room for all of it. */
  {
    KasaneTextExtents natural;

    measure (ctx, note, &note_font, 0, 0, &natural);
    note_inline = needed + 40 * ctx->u + natural.width <= w;
  }
  if (note_inline)
    {
      note_w = w - needed - 40 * ctx->u;
      measure (ctx, note, &note_font, note_w, 1, &note_ext);
      legend_h = MAX (legend_h, note_ext.height);
      y = bottom - legend_h;
    }
  else
    {
      note_w = w;
      y = bottom - note_ext.height - 12 * ctx->u - legend_h;
    }

  if (emit)
    {
      cx = x;
      for (guint i = 0; i < chips->len; i++)
        {
          Chip *chip = &g_array_index (chips, Chip, i);

          if (cx + chip->w > x + w)
            break;
          emit_chip (ctx, &cs, chip, cx, y + (legend_h - chip->h) / 2, -1, -1, TRUE);
          cx += chip->w + cs.gap_x;
        }

      if (needed <= w)
        {
          double ry = y + legend_h / 2;
          KasaneDiagramRail rail = { 0 };
          KasaneRailSegment seg = { ry, ry, 2.5 * ctx->u };
          KasaneRailStop stop = { KASANE_RAIL_STOP_START, ry, -1 };

          cx += 28 * ctx->u;
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
          cx += sample + 8 * ctx->u;
          push_text (ctx, solved, &rail_font, w / 4, 1, &solved_ext, cx,
                     ry - solved_ext.height / 2, rect_make (x, y, w, legend_h),
                     KASANE_ROLE_TEXT_DIM, -1, -1, -1);
          cx += solved_ext.width + 24 * ctx->u;

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
          cx += sample + 8 * ctx->u;
          push_text (ctx, still, &rail_font, w / 4, 1, &open_ext, cx,
                     ry - open_ext.height / 2, rect_make (x, y, w, legend_h),
                     KASANE_ROLE_TEXT_DIM, -1, -1, -1);
        }

      if (note_inline)
        push_text (ctx, note, &note_font, note_w, 1, &note_ext, x + w - note_w,
                   y + (legend_h - note_ext.height) / 2,
                   rect_make (x + w - note_w, y, note_w, legend_h),
                   KASANE_ROLE_TEXT_DIM, -1, -1, -1);
      else
        push_text (ctx, note, &note_font, w, 1, &note_ext, x, bottom - note_ext.height,
                   rect_make (x, bottom - note_ext.height, w, note_ext.height),
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
  double gap = 24 * ctx->u;
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
          gap = MAX (14 * ctx->u, gap - (total - avail) / MAX (1, n_rows - 1));
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
  KasaneFont head_font = font_at (ctx, 18, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneTextExtents ext;
  GArray *chips;
  double h;

  if (list->len == 0)
    return 0;

  measure (ctx, heading, &head_font, w, 1, &ext);
  chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  g_array_set_clear_func (chips, chip_clear);
  for (guint i = 0; i < list->len; i++)
    {
      guint p = g_array_index (list, guint, i);
      KasaneProblem *problem = g_ptr_array_index (dp->dataset->problems, p);
      Chip chip = { 0 };

      chip.effect = effect;
      chip.problem = p;
      chip_measure (ctx, cs, &chip, kasane_text_get (&problem->label, ctx->lang), w);
      g_array_append_val (chips, chip);
    }
  h = flow_chips (cs, chips, w, G_MAXUINT, NULL);

  if (emit)
    {
      push_text (ctx, heading, &head_font, w, 1, &ext, x, y, panel, KASANE_ROLE_TEXT_DIM,
                 (int) dp->index, (int) li, -1);
      for (guint i = 0; i < chips->len; i++)
        {
          Chip *chip = &g_array_index (chips, Chip, i);

          emit_chip (ctx, cs, chip, x + chip->x, y + ext.height + 8 * ctx->u + chip->y,
                     (int) dp->index, (int) li, FALSE);
        }
    }
  g_array_unref (chips);

  return ext.height + 8 * ctx->u + h + 20 * ctx->u;
}

static gboolean
emit_panel (Ctx         *ctx,
            DatasetPlan *dp,
            int          li,
            KasaneRect   panel)
{
  double pad = 30 * ctx->u;
  double x = panel.x + pad, w = panel.width - 2 * pad;
  double y = panel.y + pad, bottom = panel.y + panel.height - pad;
  KasaneFont tag_font = font_at (ctx, 20, KASANE_WEIGHT_SEMIBOLD, TRUE);
  KasaneFont name_font = font_at (ctx, 34, KASANE_WEIGHT_BOLD, FALSE);
  KasaneFont body_font = font_at (ctx, 21, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont head_font = font_at (ctx, 18, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont stat_font = font_at (ctx, 32, KASANE_WEIGHT_BOLD, TRUE);
  KasaneFont stat_label = font_at (ctx, 17, KASANE_WEIGHT_REGULAR, FALSE);
  ChipStyle cs = chip_style (ctx, 20);
  KasaneDiagramBox *box;
  KasaneTextExtents ext;
  double line_h, fixed, rest;
  int lines;

  box = push_box (ctx, KASANE_BOX_PANEL, panel, 16 * ctx->u, KASANE_ROLE_SURFACE,
                  KASANE_ROLE_BORDER, 1.2 * ctx->u);
  box->shadow = TRUE;
  box->dataset = (int) dp->index;
  box->layer = li;

  measure (ctx, "Ag", &body_font, 0, 0, &ext);
  line_h = ext.height;

  if (li < 0 || (guint) li >= dp->n_visible)
    {
      const char *head = kasane_gettext (ctx->lang, N_("Select a layer"));
      const char *hint = kasane_gettext (ctx->lang, N_("Click a layer, or move to it with the arrow keys, to see what it solved and what it introduced."));
      const char * const *notes = kasane_text_list_get (&dp->dataset->notes, ctx->lang);

      y += add_text (ctx, head, &name_font, w, 2, x, y, panel, KASANE_ROLE_TEXT) + 12 * ctx->u;
      y += add_text (ctx, hint, &body_font, w, 4, x, y, panel, KASANE_ROLE_TEXT_DIM) + 24 * ctx->u;
      for (guint i = 0; notes[i] != NULL; i++)
        {
          lines = (int) floor ((bottom - y) / line_h);
          if (lines < 1)
            break;
          measure (ctx, notes[i], &body_font, w, lines, &ext);
          push_text (ctx, notes[i], &body_font, w, lines, &ext, x, y, panel, KASANE_ROLE_TEXT,
                     (int) dp->index, -1, -1);
          y += ext.height + 14 * ctx->u;
        }
      return y <= bottom + 0.5;
    }

  {
    KasaneLayer *layer = g_ptr_array_index (dp->dataset->layers, li);
    KasaneLedgerRow *row = &dp->ledger->rows[li];
    g_autofree char *level = format_level (layer);
    g_autofree char *year = format_year (layer);
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
          g_string_append (examples, list_separator (ctx->lang));
        g_string_append (examples, kasane_text_get (g_ptr_array_index (layer->examples, i),
                                                    ctx->lang));
      }

    measure (ctx, tag, &tag_font, w, 1, &ext);
    tag_h = ext.height;
    measure (ctx, kasane_text_get (&layer->name, ctx->lang), &name_font, w, 2, &ext);
    name_h = ext.height;
    for (guint e = 0; e < G_N_ELEMENTS (effects); e++)
      sections_h += panel_section (ctx, &cs, dp, li, effects[e], headings[e], x, 0, w, panel,
                                   FALSE);
    measure (ctx, "0", &stat_font, 0, 0, &ext);
    stats_h = ext.height;
    measure (ctx, "Ag", &stat_label, 0, 0, &ext);
    stats_h += ext.height + 4 * ctx->u;
    if (examples->len > 0)
      {
        measure (ctx, ex_head, &head_font, w, 1, &head_ext);
        measure (ctx, examples->str, &body_font, w, 2, &ex_ext);
        examples_h = head_ext.height + 6 * ctx->u + ex_ext.height + 20 * ctx->u;
      }

    fixed = tag_h + 4 * ctx->u + name_h + 16 * ctx->u + examples_h + sections_h + stats_h +
            12 * ctx->u;
    rest = (bottom - y) - fixed;

    y += add_text (ctx, tag, &tag_font, w, 1, x, y, panel, KASANE_ROLE_TEXT_DIM) + 4 * ctx->u;
    y += add_text (ctx, kasane_text_get (&layer->name, ctx->lang), &name_font, w, 2, x, y,
                   panel, KASANE_ROLE_TEXT) + 16 * ctx->u;

    if (summary[0] != '\0')
      {
        /* The last section's trailing gap is not needed above the figures. */
        lines = (int) floor ((rest - 8 * ctx->u) / line_h);
        lines = MIN (lines, 12);
        if (lines >= 1)
          {
            measure (ctx, summary, &body_font, w, lines, &ext);
            push_text (ctx, summary, &body_font, w, lines, &ext, x, y, panel, KASANE_ROLE_TEXT,
                       (int) dp->index, li, -1);
            y += ext.height + 20 * ctx->u;
          }
      }

    if (examples->len > 0)
      {
        push_text (ctx, ex_head, &head_font, w, 1, &head_ext, x, y, panel,
                   KASANE_ROLE_TEXT_DIM, (int) dp->index, li, -1);
        y += head_ext.height + 6 * ctx->u;
        push_text (ctx, examples->str, &body_font, w, 2, &ex_ext, x, y, panel,
                   KASANE_ROLE_TEXT, (int) dp->index, li, -1);
        y += ex_ext.height + 20 * ctx->u;
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
          g_autofree char *num = i == 2 ? format_signed (values[i]) :
                                 g_strdup_printf ("%d", values[i]);
          KasaneRole role = i == 2 ? (values[i] > 0 ? KASANE_ROLE_POSITIVE :
                                      values[i] < 0 ? KASANE_ROLE_NEGATIVE :
                                      KASANE_ROLE_TEXT) : KASANE_ROLE_TEXT;
          double h;

          h = add_text (ctx, num, &stat_font, col_w - 8 * ctx->u, 1, x + i * col_w, sy, panel,
                        role);
          add_text (ctx, labels[i], &stat_label, col_w - 8 * ctx->u, 1, x + i * col_w,
                    sy + h + 4 * ctx->u, panel, KASANE_ROLE_TEXT_DIM);
        }
      y = sy + stats_h;
    }
  }

  return y <= bottom + 0.5;
}

/* The whole picture at one fit scale.  Returns FALSE when it does not fit. */
static gboolean
build (Ctx                       *ctx,
       KasaneDataset * const     *datasets,
       guint                      n_datasets,
       const KasaneDiagramParams *params)
{
  KasaneDiagramLayout *layout = ctx->layout;
  double W = layout->width, H = layout->height;
  double m = 44 * ctx->b, mx = 64 * ctx->b;
  gboolean stack = params->kind == KASANE_DIAGRAM_STACK;
  KasaneFont title_font = font_at (ctx, stack ? 38 : 42, KASANE_WEIGHT_BOLD, FALSE);
  KasaneFont sub_font = font_at (ctx, 22, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont col_title_font = font_at (ctx, 27, KASANE_WEIGHT_SEMIBOLD, FALSE);
  CardStyle cs = card_style (ctx);
  guint n_plans, first;
  DatasetPlan *plans;
  double y, legend_top, col_gap, col_w, stacks_w, head_h, open_h, stack_top, stack_bottom;
  const char *title, *subtitle;
  int max_load = 1;
  guint n_rows = 0;
  double *row_y, *row_h;
  gboolean ok = TRUE;
  g_autofree char *title_owned = NULL;

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
      dp->n_layers = dp->dataset->layers->len;
      dp->n_visible = kasane_diagram_visible_layers (dp->dataset, params->step);
      dp->intervals = ctx->data->entries[first + d].intervals;
      dp->n_lanes = ctx->data->entries[first + d].n_lanes;
      dp->cards = g_new0 (CardPlan, MAX (1, dp->n_layers));
      dp->role = verdict_role (dp->ledger->verdict);
      n_rows = MAX (n_rows, dp->n_layers);
      for (guint li = 0; li < dp->n_visible; li++)
        max_load = MAX (max_load, dp->ledger->rows[li].open_load);
    }

  /* Title and subtitle */
  if (stack)
    {
      title = kasane_text_get (&plans[0].dataset->title, ctx->lang);
      subtitle = verdict_sentence (plans[0].ledger->verdict, ctx->lang);
    }
  else
    {
      title = n_plans == 2 ? kasane_gettext (ctx->lang, N_("Two stacks, two stories")) :
                             kasane_gettext (ctx->lang, N_("Layers compared"));
      subtitle = kasane_gettext (ctx->lang, N_("Each layer was meant to fix the problems of the one below it. Did it, or did it move them?"));
    }
  y = m;
  {
    KasaneRect frame = rect_make (mx, m, W - 2 * mx, H - 2 * m);

    y += add_text (ctx, title, &title_font, W - 2 * mx, stack ? 2 : 1, mx, y, frame,
                   KASANE_ROLE_TEXT);
    y += 6 * ctx->u;
    y += add_text (ctx, subtitle, &sub_font, W - 2 * mx, 2, mx, y, frame, KASANE_ROLE_TEXT_DIM);
    y += 26 * ctx->u;
  }

  legend_top = emit_legend (ctx, mx, W - 2 * mx, H - m, TRUE);

  /* Columns */
  col_gap = 80 * ctx->b;
  stacks_w = stack ? (W - 2 * mx) * 0.56 : W - 2 * mx;
  col_w = (stacks_w - (n_plans - 1) * col_gap) / n_plans;

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

        column_geom (ctx, dp, mx + d * (col_w + col_gap), col_w, max_load, &geoms[d]);
        if (geoms[d].card_w < 120 * ctx->u)
          ok = FALSE;
        if (!stack)
          {
            const char *dtitle = kasane_text_get (&dp->dataset->title, ctx->lang);
            KasaneTextExtents one;
            double bw;
            gboolean wrapped;

            /* The badge beside the title when both fit on one line, else below it. */
            measure (ctx, dtitle, &col_title_font, col_w, 1, &one);
            bh[d] = badge_row (ctx, dp, 0, 0, col_w, FALSE, &bw, &wrapped);
            inline_badge[d] = !one.ellipsized && !wrapped &&
                              one.width + 20 * ctx->u + bw <= col_w;
            title_h[d] = MAX (one.height, bh[d]);
            measure (ctx, dtitle, &col_title_font, col_w, 2, &ext);
            below_h[d] = ext.height + 10 * ctx->u +
                         badge_row (ctx, dp, 0, 0, col_w, FALSE, NULL, NULL);
          }
        else
          title_h[d] = below_h[d] = badge_row (ctx, dp, geoms[d].x, 0, col_w, FALSE, NULL, NULL);
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

    stack_top = y + head_h + 12 * ctx->u + open_h;
    stack_bottom = legend_top - 28 * ctx->u;

    if (ok)
      for (guint d = 0; d < n_plans; d++)
        for (guint li = 0; li < plans[d].n_layers; li++)
          plan_card (ctx, &cs, &plans[d], li, geoms[d].card_w);

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

                measure (ctx, dtitle, &col_title_font, col_w, 1, &one);
                line_h = MAX (one.height, bh[d]);
                push_text (ctx, dtitle, &col_title_font, col_w, 1, &one, g->x,
                           cy + (line_h - one.height) / 2,
                           rect_make (g->x, y, col_w, head_h), KASANE_ROLE_TEXT,
                           (int) dp->index, -1, -1);
                if (show_badge)
                  badge_row (ctx, dp, g->x + one.width + 20 * ctx->u, cy + (line_h - bh[d]) / 2,
                             col_w - one.width - 20 * ctx->u, TRUE, NULL, NULL);
              }
            else
              {
                if (!stack)
                  {
                    cy += add_text (ctx, kasane_text_get (&dp->dataset->title, ctx->lang),
                                    &col_title_font, col_w, 2, g->x, cy,
                                    rect_make (g->x, y, col_w, head_h), KASANE_ROLE_TEXT);
                    cy += 10 * ctx->u;
                  }
                if (show_badge)
                  badge_row (ctx, dp, g->x, cy, col_w, TRUE, NULL, NULL);
              }

            emit_stack (ctx, &cs, dp, g, row_y, row_h, y + head_h + 10 * ctx->u, max_load,
                        params);

            if (!stack && d + 1 < n_plans)
              push_line (ctx, g->x + col_w + col_gap / 2, y, g->x + col_w + col_gap / 2,
                         stack_bottom, KASANE_ROLE_GRID, 1.5 * ctx->b, KASANE_DASH_SOLID, 1.0);
          }

        if (stack)
          {
            double px = mx + stacks_w + 56 * ctx->b;
            KasaneRect panel = rect_make (px, y, W - mx - px, stack_bottom - y);
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
  for (guint d = 0; d < n_plans; d++)
    dataset_plan_clear (&plans[d]);
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

/* Lays the whole picture out afresh with the text unit `u`; FALSE when it does not
 * fit.  `ctx->layout->params` are the parameters. */
static gboolean
build_at (Ctx    *ctx,
          double  u)
{
  ctx->u = u;
  layout_reset (ctx->layout);
  return build (ctx, ctx->data->datasets, ctx->data->n_datasets, &ctx->layout->params);
}

static gboolean
any_ellipsized (const KasaneDiagramLayout *layout)
{
  for (guint i = 0; i < layout->texts->len; i++)
    if (g_array_index (layout->texts, KasaneDiagramText, i).extents.ellipsized)
      return TRUE;
  return FALSE;
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
  layout->lang = g_strdup (is_ja (params->lang) ? "ja" : "en");
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
  ctx.b = MIN (layout->width / REF_W, layout->height / REF_H);

  /* Shrink until it fits.  Heights scale about linearly with the text unit, so each try
   * shrinks by how much too tall the last one was (a little more, to converge).  Chips
   * keep two lines while the overflow is small, then go to one line each. */
  unit = ctx.b * text_scale * (params->kind == KASANE_DIAGRAM_STACK ? 1.12 : 1.0);
  {
    double floor_fit = MIN (0.3 / text_scale, 0.9);

    double failed = 0;

    ctx.chip_lines = 2;
    for (int attempt = 0; ; attempt++)
      {
        double factor;

        ctx.need_ratio = 0;
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
        if (fit <= floor_fit || attempt >= 24)
          {
            layout->overflow = TRUE;
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
          grown = build_at (&ctx, unit * grow) && !any_ellipsized (layout);
          if (grown)
            fit = grow;
        }
      if (!grown)
        build_at (&ctx, unit * fit);
    }

  layout->unit = ctx.u;
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

/* Hit testing */

static gboolean
in_rect (const KasaneRect *r,
         double            x,
         double            y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

gboolean
kasane_diagram_layout_hit_test (const KasaneDiagramLayout *layout,
                                double                     x,
                                double                     y,
                                KasaneDiagramHit          *hit)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit->kind = KASANE_DIAGRAM_HIT_NONE;
  hit->dataset = -1;
  hit->layer = -1;
  hit->problem = -1;

  /* Chips and badges first (they sit on top), then rails, then cards. */
  for (guint i = layout->boxes->len; i-- > 0;)
    {
      const KasaneDiagramBox *box = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (box->legend || !in_rect (&box->rect, x, y))
        continue;
      if (box->kind == KASANE_BOX_CHIP && box->problem >= 0)
        {
          hit->kind = KASANE_DIAGRAM_HIT_PROBLEM;
          hit->dataset = box->dataset;
          hit->layer = box->layer;
          hit->problem = box->problem;
          return TRUE;
        }
      if ((box->kind == KASANE_BOX_BADGE || box->kind == KASANE_BOX_CLAIM) && box->dataset >= 0)
        {
          hit->kind = KASANE_DIAGRAM_HIT_VERDICT;
          hit->dataset = box->dataset;
          return TRUE;
        }
    }

  for (guint i = 0; i < layout->rails->len; i++)
    {
      const KasaneDiagramRail *rail = &g_array_index (layout->rails, KasaneDiagramRail, i);
      double top = MIN (rail->y_start, rail->y_end), bottom = MAX (rail->y_start, rail->y_end);

      if (rail->legend)
        continue;
      if (fabs (x - rail->x) <= rail->hit_half_width &&
          y >= top - rail->hit_half_width && y <= bottom + rail->hit_half_width)
        {
          hit->kind = KASANE_DIAGRAM_HIT_PROBLEM;
          hit->dataset = rail->dataset;
          hit->problem = rail->problem;
          return TRUE;
        }
    }

  for (guint i = layout->boxes->len; i-- > 0;)
    {
      const KasaneDiagramBox *box = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (box->kind == KASANE_BOX_CARD && box->layer >= 0 && in_rect (&box->rect, x, y))
        {
          hit->kind = KASANE_DIAGRAM_HIT_LAYER;
          hit->dataset = box->dataset;
          hit->layer = box->layer;
          return TRUE;
        }
    }

  return FALSE;
}

/* Paint */

static void
set_color (cairo_t             *cr,
           const KasanePalette *palette,
           KasaneRole           role,
           double               alpha)
{
  const KasaneColor *c = kasane_palette_role (palette, role);

  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
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
  double alpha = dim_alpha (layout, text->dataset, text->problem);

  cairo_move_to (cr, text->x, text->y);
  set_color (cr, palette, text->role, alpha);
  kasane_render_show_text (cr, context, text->text, &text->font, text->lang,
                           text->max_width, text->max_lines);
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

/* Description */

static char *
join_problems (KasaneDataset *dataset,
               GArray        *list,
               const char    *lang)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      KasaneProblem *problem = g_ptr_array_index (dataset->problems,
                                                  g_array_index (list, guint, i));

      if (i > 0)
        g_string_append (s, list_separator (lang));
      g_string_append (s, kasane_text_get (&problem->label, lang));
    }
  return g_string_free (s, FALSE);
}

char *
kasane_diagram_describe (KasaneDataset * const *datasets,
                         guint                  n_datasets,
                         KasaneDiagramKind      kind,
                         const char            *lang)
{
  g_autoptr(KasaneDiagramData) data = NULL;

  g_return_val_if_fail (n_datasets == 0 || datasets != NULL, g_strdup (""));

  data = kasane_diagram_data_new (datasets, n_datasets);
  return kasane_diagram_data_describe (data, 0, kind, lang);
}

char *
kasane_diagram_data_describe (const KasaneDiagramData *data,
                              guint                    first,
                              KasaneDiagramKind        kind,
                              const char              *lang)
{
  GString *s = g_string_new (NULL);
  const char *space = is_ja (lang) ? "" : " ";
  guint n;

  g_return_val_if_fail (data != NULL, g_strdup (""));

  lang = is_ja (lang) ? "ja" : "en";
  first = MIN (first, data->n_datasets);
  n = data->n_datasets - first;
  if (kind == KASANE_DIAGRAM_STACK && n > 0)
    n = 1;

  for (guint d = first; d < first + n; d++)
    {
      KasaneDataset *dataset = data->entries[d].dataset;
      const KasaneLedger *ledger = data->entries[d].ledger;
      const char *title = kasane_text_get (&dataset->title, lang);

      if (s->len > 0)
        g_string_append (s, is_ja (lang) ? "\n" : "\n");

      if (dataset->layers->len == 1)
        g_string_append_printf (s, kasane_gettext (lang, N_("%1$s: one layer.")), title);
      else
        g_string_append_printf (s, kasane_gettext (lang, N_("%1$s: %2$u layers.")), title,
                                dataset->layers->len);

      for (guint li = 0; li < dataset->layers->len; li++)
        {
          KasaneLayer *layer = g_ptr_array_index (dataset->layers, li);
          g_autofree char *level = g_strdup_printf ("%" G_GINT64_FORMAT, layer->level);
          g_autofree char *named = g_strdup_printf (kasane_gettext (lang, N_("L%1$s %2$s")), level,
                                                    kasane_text_get (&layer->name, lang));
          g_autofree char *signed_net = format_signed (ledger->rows[li].net);
          static const struct { KasaneEffect effect; const char *format; } sentences[] = {
            { KASANE_EFFECT_SOLVES, N_("%1$s solved %2$s.") },
            { KASANE_EFFECT_MITIGATES, N_("%1$s eased %2$s.") },
            { KASANE_EFFECT_INTRODUCES, N_("%1$s introduced %2$s.") },
            { KASANE_EFFECT_WORSENS, N_("%1$s worsened %2$s.") },
          };

          if (layer->has_since)
            {
              g_autofree char *year = format_year (layer);
              g_autofree char *with_year = NULL;

              year[strlen (year) - strlen ("–")] = '\0';
              with_year = g_strdup_printf (kasane_gettext (lang, N_("%1$s (since %2$s)")),
                                           named, year);
              g_free (named);
              named = g_steal_pointer (&with_year);
            }

          for (guint e = 0; e < G_N_ELEMENTS (sentences); e++)
            {
              GArray *list = layer->effects[sentences[e].effect];
              g_autofree char *problems = NULL;

              if (list->len == 0)
                continue;
              problems = join_problems (dataset, list, lang);
              g_string_append (s, space);
              /* Every format in the table takes two strings, %1$s and %2$s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
              g_string_append_printf (s, kasane_gettext (lang, sentences[e].format), named,
                                      problems);
#pragma GCC diagnostic pop
            }
          g_string_append (s, space);
          g_string_append_printf (s,
                                  kasane_gettext (lang,
                                                  N_("Open load after it: %1$d (net %2$s).")),
                                  ledger->rows[li].open_load, signed_net);
        }

      g_string_append (s, space);
      g_string_append_printf (s, kasane_gettext (lang, N_("Verdict: %1$s.")),
                              verdict_title (ledger->verdict, lang));
      if (dataset->claim != KASANE_CLAIM_NONE && !ledger->agrees)
        {
          g_string_append (s, space);
          g_string_append_printf (s, kasane_gettext (lang, N_("The dataset claims %1$s.")),
                                  claim_word (dataset->claim, lang));
        }
    }

  return g_string_free (s, FALSE);
}
