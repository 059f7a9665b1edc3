/* kasane-diagram-cards.c: one dataset's column of the diagram: the layer cards
 * with their chips, the problem rails beside them and the open-load strip
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
#include "kasane-whatif-text.h"
#include "kasane-i18n.h"

/* Chips */

const char *
diagram_effect_word (KasaneEffect effect)
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


ChipStyle
diagram_chip_style (Ctx    *ctx,
                    double  font_px)
{
  ChipStyle s;
  double k = font_px / 20.0;

  s.font_px = font_px;
  s.pad_x = 11 * k * ctx->text_unit;
  s.pad_y = 5 * k * ctx->text_unit;
  s.mark = 14 * k * ctx->text_unit;
  s.mark_gap = 6 * k * ctx->text_unit;
  s.gap_x = 10 * k * ctx->text_unit;
  s.gap_y = 8 * k * ctx->text_unit;
  return s;
}

void
diagram_chip_clear (gpointer data)
{
  Chip *chip = data;

  g_free (chip->text);
}

void
diagram_chip_measure (Ctx             *ctx,
                      const ChipStyle *style,
                      Chip            *chip,
                      const char      *label,
                      double           max_w)
{
  chip->text = g_strdup (label);
  chip->font = diagram_font_at (ctx, style->font_px, KASANE_WEIGHT_SEMIBOLD, FALSE);
  /* When nothing fits whole (see allow_cut), a chip cut short takes at most a third of
   * its card, so a row holds three instead of one. */
  if (ctx->allow_cut)
    max_w = MAX (max_w / 3, MIN (max_w, 12 * chip->font.size));
  chip->text_max = MAX (1.0, max_w - 2 * style->pad_x - style->mark - style->mark_gap);
  chip->lines = ctx->chip_lines;
  diagram_measure (ctx, label, &chip->font, chip->text_max, chip->lines, &chip->ext);
  chip->w = 2 * style->pad_x + style->mark + style->mark_gap + chip->ext.width;
  chip->h = MAX (chip->ext.height, style->mark) + 2 * style->pad_y;
}

/* Flows chips left to right within max_w; a new row starts at `break_before` (an index,
 * or -1).  Returns the height, and the right end of the last row in *last_right. */
double
diagram_flow_chips (const ChipStyle *style,
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

  g_array_set_clear_func (chips, diagram_chip_clear);
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
          /* Short of space, chips take half a row each, on one line; a label too long
           * for that takes a whole row rather than lose its end. */
          diagram_chip_measure (ctx, style, &chip, kasane_text_get (&problem->label, ctx->lang),
                                ctx->chip_lines == 1 ? (max_w - style->gap_x) / 2 : max_w);
          if (ctx->chip_lines == 1 && !ctx->allow_cut && chip.ext.ellipsized)
            {
              diagram_chip_clear (&chip);
              diagram_chip_measure (ctx, style, &chip,
                                    kasane_text_get (&problem->label, ctx->lang), max_w);
            }
          g_array_append_val (chips, chip);
        }
    }

  return chips;
}

void
diagram_emit_chip (Ctx             *ctx,
                   const ChipStyle *style,
                   const Chip      *chip,
                   double           x,
                   double           y,
                   int              dataset,
                   int              layer,
                   gboolean         legend)
{
  KasaneRect rect = diagram_rect_make (x, y, chip->w, chip->h);
  KasaneDiagramBox *box;
  KasaneRole text_role, mark_role;
  double lw = MAX (1.0, 1.6 * ctx->text_unit * style->font_px / 20.0);
  gboolean filled = chip->effect == KASANE_EFFECT_SOLVES ||
                    chip->effect == KASANE_EFFECT_MITIGATES;
  KasaneRole fill = chip->effect == KASANE_EFFECT_SOLVES ? KASANE_ROLE_SOLVES :
                    chip->effect == KASANE_EFFECT_MITIGATES ? KASANE_ROLE_MITIGATES :
                    chip->effect == KASANE_EFFECT_WORSENS ? KASANE_ROLE_WORSENS :
                    KASANE_ROLE_INTRODUCES;
  int problem = legend ? -1 : (int) chip->problem;

  if (filled)
    {
      box = diagram_push_box (ctx, KASANE_BOX_CHIP, rect, chip->h / 2, fill, KASANE_ROLE_NONE, 0);
      text_role = chip->effect == KASANE_EFFECT_SOLVES ? KASANE_ROLE_ON_CHIP :
                  KASANE_ROLE_ON_MITIGATES;
    }
  else
    {
      box = diagram_push_box (ctx, KASANE_BOX_CHIP, rect, chip->h / 2, fill, fill, lw);
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

  diagram_push_mark (ctx, effect_mark (chip->effect),
                     diagram_rect_make (x + style->pad_x, y + (chip->h - style->mark) / 2,
                        style->mark, style->mark),
                     mark_role, dataset, problem, legend);
  diagram_push_text (ctx, chip->text, &chip->font, chip->text_max, chip->lines, &chip->ext,
                     x + style->pad_x + style->mark + style->mark_gap,
                     y + (chip->h - chip->ext.height) / 2,
                     rect, text_role, dataset, layer, problem);
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


CardStyle
diagram_card_style (Ctx *ctx)
{
  CardStyle s;

  s.pad = 16 * ctx->text_unit;
  s.accent = 7 * ctx->text_unit;
  s.radius = 14 * ctx->text_unit;
  s.head_gap = 12 * ctx->text_unit;
  s.name_gap = 12 * ctx->text_unit;
  s.tag_px = 21;
  s.name_px = 27;
  s.year_px = 20;
  s.net_px = 21;
  s.chip = diagram_chip_style (ctx, 20);
  return s;
}

static double
card_inner_w (const CardStyle *s,
              double           card_w)
{
  return card_w - s->accent - 2 * s->pad;
}

void
diagram_plan_card (Ctx             *ctx,
                   const CardStyle *s,
                   DatasetPlan     *dp,
                   guint            li,
                   double           card_w)
{
  CardPlan *card = &dp->cards[li];
  KasaneLayer *layer = g_ptr_array_index (dp->dataset->layers, li);
  KasaneLedgerRow *row = &dp->ledger->rows[li];
  double inner = card_inner_w (s, card_w);
  KasaneFont tag_font = diagram_font_at (ctx, s->tag_px, KASANE_WEIGHT_SEMIBOLD, TRUE);
  KasaneFont name_font = diagram_font_at (ctx, s->name_px, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont year_font = diagram_font_at (ctx, s->year_px, KASANE_WEIGHT_REGULAR, TRUE);
  KasaneFont net_font = diagram_font_at (ctx, s->net_px, KASANE_WEIGHT_BOLD, TRUE);
  g_autofree char *signed_net = diagram_format_signed (row->net);
  guint break_before;
  double last_right;

  card->tag = diagram_format_level (layer);
  card->year = diagram_format_year (layer);
  card->name = g_strdup (kasane_text_get (&layer->name, ctx->lang));
  card->net = g_strdup_printf (kasane_gettext (ctx->lang, N_("net %s")), signed_net);

  diagram_measure (ctx, card->tag, &tag_font, inner * 0.3, 1, &card->tag_ext);
  diagram_measure (ctx, card->year, &year_font, inner * 0.3, 1, &card->year_ext);
  diagram_measure (ctx, card->net, &net_font, inner * 0.4, 1, &card->net_ext);
  /* Header: tag, name, year … net in the top-right corner.  The year follows the name
   * when the name is short, and keeps its place at the right of the name column. */
  card->name_max = MAX (1.0, inner - card->tag_ext.width - s->name_gap -
                        (card->year_ext.width > 0 ? card->year_ext.width + s->name_gap : 0) -
                        card->net_ext.width - 2 * s->name_gap);
  diagram_measure (ctx, card->name, &name_font, card->name_max, 2, &card->name_ext);
  card->year_below = FALSE;
  if (card->name_ext.n_lines > 1 && card->year_ext.width > 0)
    {
      /* A long name keeps one line; the year goes under it. */
      double wide = MAX (1.0, inner - card->tag_ext.width - card->net_ext.width -
                         3 * s->name_gap);
      KasaneTextExtents one;

      diagram_measure (ctx, card->name, &name_font, wide, 2, &one);
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
  card->chips_h = diagram_flow_chips (&s->chip, card->chips, inner, G_MAXUINT, &last_right);
  if (break_before != G_MAXUINT)
    {
      double with_break = diagram_flow_chips (&s->chip, card->chips, inner, break_before, &last_right);

      if (with_break > card->chips_h + 0.01)
        diagram_flow_chips (&s->chip, card->chips, inner, G_MAXUINT, &last_right);
      else
        card->chips_h = with_break;
    }

  card->need = 2 * s->pad + card->header_h;
  if (card->chips->len > 0)
    card->need += s->head_gap + card->chips_h;
  card->net_own_line = FALSE;
}

void
diagram_dataset_plan_clear (DatasetPlan *dp)
{
  if (dp->cards != NULL)
    for (guint i = 0; i < dp->n_layers; i++)
      card_plan_clear (&dp->cards[i]);
  g_clear_pointer (&dp->cards, g_free);
}

/* Emitting a column: header, stack, rails and strip */


void
diagram_column_geom (Ctx         *ctx,
                     DatasetPlan *dp,
                     double       x,
                     double       w,
                     int          max_load,
                     gboolean     strip,
                     ColumnGeom  *g)
{
  KasaneFont num_font = diagram_font_at (ctx, 22, KASANE_WEIGHT_BOLD, TRUE);
  g_autofree char *num = g_strdup_printf ("%d", MAX (max_load, 10));
  KasaneTextExtents ext;

  g->x = x;
  g->w = w;
  g->lane_gap = dp->n_lanes > 0 ? MIN (15 * ctx->text_unit, 0.12 * w / dp->n_lanes) : 0;
  g->rail_w = dp->n_lanes > 0 ? dp->n_lanes * g->lane_gap + 10 * ctx->text_unit : 0;
  diagram_measure (ctx, num, &num_font, 0, 0, &ext);
  g->num_w = ext.width;
  g->bar_max = strip ? MIN (104 * ctx->text_unit, 0.14 * w) : 0;
  g->strip_w = strip ? g->bar_max + 10 * ctx->text_unit + g->num_w : 0;
  g->card_x = x + g->rail_w;
  g->card_w = w - g->rail_w - (strip ? 26 * ctx->text_unit + g->strip_w : 0);
  g->strip_x = g->card_x + g->card_w + (strip ? 26 * ctx->text_unit : 0);
}


double
diagram_badge_row (Ctx         *ctx,
                   DatasetPlan *dp,
                   double       x,
                   double       y,
                   double       w,
                   gboolean     emit,
                   double      *width_out,
                   gboolean    *wrapped_out)
{
  KasaneFont font = diagram_font_at (ctx, 21, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont claim_font = diagram_font_at (ctx, 19, KASANE_WEIGHT_REGULAR, FALSE);
  double pad_x = 16 * ctx->text_unit, pad_y = 7 * ctx->text_unit, mark = 15 * ctx->text_unit, gap = 9 * ctx->text_unit;
  const char *label = diagram_verdict_title (dp->ledger->verdict, ctx->lang);
  KasaneTextExtents ext, claim_ext;
  double bw, bh, cx, cy, h;
  g_autofree char *claim = NULL;
  g_autofree char *robust = NULL;
  double row_w;

  diagram_measure (ctx, label, &font, w - 2 * pad_x - mark - gap, 1, &ext);
  bw = 2 * pad_x + mark + gap + ext.width;
  row_w = bw;
  bh = MAX (ext.height, mark) + 2 * pad_y;
  h = bh;
  if (width_out != NULL)
    *width_out = bw;
  if (wrapped_out != NULL)
    *wrapped_out = FALSE;

  if (emit)
    {
      KasaneRect rect = diagram_rect_make (x, y, bw, bh);
      KasaneDiagramBox *box;
      KasaneRole fill = dp->ledger->verdict == KASANE_VERDICT_NONE ? KASANE_ROLE_BADGE_SOFT :
                        dp->role;
      KasaneRole on = dp->ledger->verdict == KASANE_VERDICT_NONE ? KASANE_ROLE_TEXT :
                      KASANE_ROLE_ON_BADGE;

      box = diagram_push_box (ctx, KASANE_BOX_BADGE, rect, bh / 2, fill, KASANE_ROLE_NONE, 0);
      box->dataset = (int) dp->index;
      diagram_push_mark (ctx, diagram_verdict_mark (dp->ledger->verdict),
                         diagram_rect_make (x + pad_x, y + (bh - mark) / 2, mark, mark), on,
                         (int) dp->index, -1, FALSE);
      diagram_push_text (ctx, label, &font, w - 2 * pad_x - mark - gap, 1, &ext,
                         x + pad_x + mark + gap, y + (bh - ext.height) / 2, rect, on,
                         (int) dp->index, -1, -1);
    }

  if (diagram_claim_differs (dp->dataset, dp->ledger))
    {
      double cw, ch, room;

      claim = g_strdup_printf (kasane_gettext (ctx->lang, N_("Claim: %s — differs")),
                               diagram_claim_word (dp->dataset->claim, ctx->lang));
      diagram_measure (ctx, claim, &claim_font, 0, 0, &claim_ext);
      room = w - bw - 14 * ctx->text_unit;
      if (claim_ext.width + 2 * pad_x + mark + gap <= room)
        {
          cx = x + bw + 14 * ctx->text_unit;
          cy = y;
        }
      else
        {
          cx = x;
          cy = y + bh + 8 * ctx->text_unit;
          room = w;
          if (wrapped_out != NULL)
            *wrapped_out = TRUE;
        }
      diagram_measure (ctx, claim, &claim_font, room - 2 * pad_x - mark - gap, 1, &claim_ext);
      cw = 2 * pad_x + mark + gap + claim_ext.width;
      ch = MAX (claim_ext.height, mark) + 2 * pad_y;
      ch = MAX (ch, bh);
      h = MAX (h, cy - y + ch);
      if (cy == y)
        row_w = cx - x + cw;
      if (width_out != NULL)
        *width_out = MAX (*width_out, cx - x + cw);
      if (emit)
        {
          KasaneRect rect = diagram_rect_make (cx, cy, cw, ch);
          KasaneDiagramBox *box;

          box = diagram_push_box (ctx, KASANE_BOX_CLAIM, rect, ch / 2, KASANE_ROLE_NONE,
                                  KASANE_ROLE_TEXT_DIM, 1.5 * ctx->text_unit);
          box->dataset = (int) dp->index;
          diagram_push_mark (ctx, KASANE_MARK_DIFFERS,
                             diagram_rect_make (cx + pad_x, cy + (ch - mark) / 2, mark, mark),
                             KASANE_ROLE_TEXT, (int) dp->index, -1, FALSE);
          diagram_push_text (ctx, claim, &claim_font, room - 2 * pad_x - mark - gap, 1, &claim_ext,
                             cx + pad_x + mark + gap, cy + (ch - claim_ext.height) / 2, rect,
                             KASANE_ROLE_TEXT, (int) dp->index, -1, -1);
        }
    }

  /* How much the verdict depends on the judgements, after the badge and the claim on
   * their line when it fits there, else on a line of its own below. */
  robust = kasane_whatif_text_robustness (dp->robustness, ctx->lang);
  if (robust != NULL)
    {
      KasaneTextExtents rext;
      double rx, ry, room;

      diagram_measure (ctx, robust, &claim_font, 0, 0, &rext);
      room = w - row_w - 14 * ctx->text_unit;
      if (rext.width <= room && h <= bh + 0.5)
        {
          rx = x + row_w + 14 * ctx->text_unit;
          ry = y + (bh - rext.height) / 2;
        }
      else
        {
          rx = x;
          ry = y + h + 6 * ctx->text_unit;
          room = w;
          if (wrapped_out != NULL)
            *wrapped_out = TRUE;
          diagram_measure (ctx, robust, &claim_font, room, 2, &rext);
          h = ry - y + rext.height;
        }
      if (width_out != NULL)
        *width_out = MAX (*width_out, rx - x + rext.width);
      if (emit)
        diagram_push_text (ctx, robust, &claim_font, room, 2, &rext, rx, ry,
                           diagram_rect_make (rx, ry, rext.width, rext.height),
                           KASANE_ROLE_TEXT_DIM, (int) dp->index, -1, -1);
    }

  return h;
}

/* The "still open" sentence above a stack. */
char *
diagram_still_open_text (Ctx         *ctx,
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
        g_string_append (list, diagram_list_separator (ctx->lang));
      /* The weight in brackets: full-width ones in Japanese text. */
      g_string_append_printf (list, diagram_is_ja (ctx->lang) ? "%s（%d）" : "%s (%d)",
                              kasane_text_get (&problem->label, ctx->lang), op->weight);
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
  KasaneFont tag_font = diagram_font_at (ctx, s->tag_px, KASANE_WEIGHT_SEMIBOLD, TRUE);
  KasaneFont name_font = diagram_font_at (ctx, s->name_px, KASANE_WEIGHT_SEMIBOLD, FALSE);
  KasaneFont year_font = diagram_font_at (ctx, s->year_px, KASANE_WEIGHT_REGULAR, TRUE);
  KasaneFont net_font = diagram_font_at (ctx, s->net_px, KASANE_WEIGHT_BOLD, TRUE);
  KasaneDiagramBox *box;
  double first_line, chips_y;
  KasaneRole net_role;

  box = diagram_push_box (ctx, KASANE_BOX_CARD, rect, s->radius, KASANE_ROLE_SURFACE,
                          selected ? KASANE_ROLE_ACCENT : KASANE_ROLE_BORDER,
                          selected ? 3.5 * ctx->text_unit : 1.2 * ctx->text_unit);
  box->shadow = TRUE;
  box->dataset = (int) dp->index;
  box->layer = (int) li;

  box = diagram_push_box (ctx, KASANE_BOX_ACCENT, diagram_rect_make (rect.x, rect.y, s->accent, rect.height),
                          s->radius, dp->role, KASANE_ROLE_NONE, 0);
  box->fill_alpha = dp->n_layers > 1 ? 0.45 + 0.55 * li / (dp->n_layers - 1) : 1.0;
  box->dataset = (int) dp->index;
  box->layer = (int) li;

  /* Header: tag, year and net sit on the name's first baseline. */
  first_line = card->name_ext.baseline;
  diagram_push_text (ctx, card->tag, &tag_font, inner * 0.3, 1, &card->tag_ext,
                     x0, y0 + first_line - card->tag_ext.baseline, rect, KASANE_ROLE_TEXT_DIM,
                     (int) dp->index, (int) li, -1);
  diagram_push_text (ctx, card->name, &name_font, card->name_max, 2, &card->name_ext,
                     x0 + card->tag_ext.width + s->name_gap, y0, rect, KASANE_ROLE_TEXT,
                     (int) dp->index, (int) li, -1);
  if (card->year[0] != '\0')
    {
      /* After the name (on its first baseline), or under it when the name is long. */
      double nx = x0 + card->tag_ext.width + s->name_gap;

      if (card->year_below)
        diagram_push_text (ctx, card->year, &year_font, inner * 0.3, 1, &card->year_ext,
                           nx, y0 + card->name_ext.height,
                           rect, KASANE_ROLE_TEXT_DIM, (int) dp->index, (int) li, -1);
      else
        diagram_push_text (ctx, card->year, &year_font, inner * 0.3, 1, &card->year_ext,
                           nx + card->name_ext.width + s->name_gap,
                           y0 + first_line - card->year_ext.baseline,
                           rect, KASANE_ROLE_TEXT_DIM, (int) dp->index, (int) li, -1);
    }

  chips_y = y0 + card->header_h + s->head_gap;
  for (guint i = 0; i < card->chips->len; i++)
    {
      Chip *chip = &g_array_index (card->chips, Chip, i);

      diagram_emit_chip (ctx, &s->chip, chip, x0 + chip->x, chips_y + chip->y,
                         (int) dp->index, (int) li, FALSE);
    }

  net_role = row->net > 0 ? KASANE_ROLE_POSITIVE :
             row->net < 0 ? KASANE_ROLE_NEGATIVE : KASANE_ROLE_TEXT_DIM;
  diagram_push_text (ctx, card->net, &net_font, inner * 0.4, 1, &card->net_ext,
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
      rail.x = g->card_x - 10 * ctx->text_unit - (iv->lane + 0.5) * g->lane_gap;
      rail.open = iv->end < 0 || (guint) iv->end >= dp->n_visible;
      rail.role = rail.open ? KASANE_ROLE_INTRODUCES : KASANE_ROLE_SOLVES;
      rail.hit_half_width = MAX (g->lane_gap / 2, 3 * ctx->text_unit);
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
          seg.width = MIN (g->lane_gap * 0.75, (1.0 + 0.5 * MIN (w, 8)) * ctx->text_unit);
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
          seg.width = MIN (g->lane_gap * 0.75, (1.0 + 0.5 * MIN (w, 8)) * ctx->text_unit);
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
  KasaneFont num_font = diagram_font_at (ctx, 22, KASANE_WEIGHT_BOLD, TRUE);
  double bar_h = 22 * ctx->text_unit;
  double prev_x = -1, prev_y = 0;

  /* Compare draws the open load as its slope chart instead. */
  if (g->strip_w <= 0)
    return;

  for (guint li = 0; li < dp->n_visible; li++)
    {
      int load = dp->ledger->rows[li].open_load;
      double len = max_load > 0 ? g->bar_max * load / max_load : 0;
      double cy = row_y[li] + row_h[li] / 2;
      KasaneRect track = diagram_rect_make (g->strip_x, cy - bar_h / 2, g->bar_max, bar_h);
      KasaneDiagramBox *box;
      g_autofree char *num = g_strdup_printf ("%d", load);
      KasaneTextExtents ext;

      box = diagram_push_box (ctx, KASANE_BOX_TRACK, track, bar_h / 2, KASANE_ROLE_BADGE_SOFT,
                              KASANE_ROLE_NONE, 0);
      box->dataset = (int) dp->index;
      box->layer = (int) li;
      if (len > 0)
        {
          box = diagram_push_box (ctx, KASANE_BOX_BAR,
                                  diagram_rect_make (g->strip_x, cy - bar_h / 2, MAX (len, bar_h), bar_h),
                                  bar_h / 2, dp->role, KASANE_ROLE_NONE, 0);
          box->dataset = (int) dp->index;
          box->layer = (int) li;
        }

      /* The trend between bar ends: the slope is the story. */
      if (prev_x >= 0)
        diagram_push_line (ctx, prev_x, prev_y - bar_h / 2, g->strip_x + MAX (len, bar_h),
                           cy + bar_h / 2, KASANE_ROLE_TEXT_DIM, 1.3 * ctx->text_unit, KASANE_DASH_DOTTED, 0.9);
      prev_x = g->strip_x + MAX (len, bar_h);
      prev_y = cy;

      diagram_measure (ctx, num, &num_font, g->num_w + 1, 1, &ext);
      diagram_push_text (ctx, num, &num_font, g->num_w + 1, 1, &ext,
                         g->strip_x + g->bar_max + 10 * ctx->text_unit,
                         cy - ext.height / 2,
                         diagram_rect_make (g->strip_x, cy - row_h[li] / 2, g->strip_w, row_h[li]),
                         KASANE_ROLE_TEXT, (int) dp->index, (int) li, -1);
    }
}

/* Emits a dataset's stack into a column whose rows are given; returns FALSE when the
 * content above the top card does not fit. */
void
diagram_emit_stack (Ctx              *ctx,
                    const CardStyle  *s,
                    DatasetPlan      *dp,
                    const ColumnGeom *g,
                    const double     *row_y,
                    const double     *row_h,
                    double            above_top,   /* the top of the area the open line may use */
                    int               max_load,
                    const KasaneDiagramParams *params)
{
  KasaneFont small = diagram_font_at (ctx, 18, KASANE_WEIGHT_REGULAR, FALSE);
  KasaneFont caption = diagram_font_at (ctx, 18, KASANE_WEIGHT_SEMIBOLD, FALSE);
  g_autofree char *open = diagram_still_open_text (ctx, dp);
  KasaneTextExtents ext;
  double top_card_y, arrow_top;

  if (dp->n_visible == 0)
    return;

  top_card_y = row_y[dp->n_visible - 1];
  arrow_top = top_card_y - 12 * ctx->text_unit;

  for (guint li = 0; li < dp->n_visible; li++)
    {
      gboolean selected = params->selected_dataset == (int) dp->index &&
                          params->selected_layer == (int) li;

      emit_card (ctx, s, dp, li, diagram_rect_make (g->card_x, row_y[li], g->card_w, row_h[li]),
                 selected);
      if (li + 1 < dp->n_visible)
        {
          double gap = row_y[li] - (row_y[li + 1] + row_h[li + 1]);
          double m = MIN (12 * ctx->text_unit, gap * 0.6);

          diagram_push_mark (ctx, KASANE_MARK_STEP_ARROW,
                             diagram_rect_make (g->card_x + g->card_w / 2 - m / 2, row_y[li] - gap / 2 - m / 2,
                                m, m),
                             KASANE_ROLE_TEXT_DIM, (int) dp->index, -1, FALSE);
        }
    }

  emit_rails (ctx, s, dp, g, row_y, arrow_top);
  emit_strip (ctx, dp, g, row_y, row_h, max_load);

  /* The line above the top card: what is still open, and the strip's caption. */
  diagram_measure (ctx, open, &small, g->card_x + g->card_w - g->x, DIAGRAM_OPEN_LINES,
                   &ext);
  diagram_push_text (ctx, open, &small, g->card_x + g->card_w - g->x, DIAGRAM_OPEN_LINES, &ext, g->x,
                     arrow_top - 10 * ctx->text_unit - ext.height,
                     diagram_rect_make (g->x, above_top, g->w, top_card_y - above_top),
                     KASANE_ROLE_TEXT_DIM, (int) dp->index, -1, -1);
  if (g->strip_w > 0)
  {
    const char *cap = kasane_gettext (ctx->lang, N_("Open load"));

    diagram_measure (ctx, cap, &caption, g->strip_w, 2, &ext);
    diagram_push_text (ctx, cap, &caption, g->strip_w, 2, &ext, g->strip_x,
                       arrow_top - 10 * ctx->text_unit - ext.height,
                       diagram_rect_make (g->strip_x, above_top, g->strip_w, top_card_y - above_top),
                       KASANE_ROLE_TEXT_DIM, (int) dp->index, -1, -1);
  }
}
