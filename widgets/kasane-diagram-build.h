/* kasane-diagram-build.h: what the diagram's files share while they lay out and paint
 *
 * Internal to kasane-diagram*.c: the plans a layout is built from (cards, chips, rails),
 * the build context, the data computed once per set of datasets, and the helpers the
 * data, cards, layout, hit-testing and paint files call in one another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kasane-diagram.h"
#include "kasane-diagram-private.h"
#include "kasane-ledger.h"
#include "kasane-robustness.h"
#include "kasane-render-private.h"

G_BEGIN_DECLS

/* The line above a stack's top card ("Still open at the top: …") wraps to this many
 * lines before the fit search makes the text smaller. */
#define DIAGRAM_OPEN_LINES 4

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
  const KasaneRobustness *robustness;   /* the data's */
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
  double               frame_unit;   /* margins and gutters: min (width / 1920, height / 1080) */
  double               text_unit;    /* fonts, paddings, chips: frame unit × text scale × fit */
  int                  chip_lines;   /* 2, or 1 when space is short */
  gboolean             allow_cut;    /* a text may end in "…" (only when nothing fits
                                        whole at the text floor) */
  double               need_ratio;   /* how much too tall the last try was (≥ 1), or 0 */
  double               slack;        /* of the last try that fitted: the stacks' spare
                                        height, as a fraction of their band */
  gboolean             overflow;
} Ctx;

typedef struct
{
  KasaneDataset *dataset;
  KasaneLedger  *ledger;
  KasaneRobustness *robustness;
  GArray        *intervals;       /* of Interval, lanes assigned */
  int            n_lanes;
} DataEntry;

struct _KasaneDiagramData
{
  guint      n_datasets;
  DataEntry *entries;
  KasaneDataset **datasets;       /* the entries' datasets, for the layout's calls */
};

typedef struct
{
  double font_px;
  double pad_x, pad_y, mark, mark_gap, gap_x, gap_y;
} ChipStyle;

typedef struct
{
  double pad, accent, radius, head_gap, name_gap;
  double tag_px, name_px, year_px, net_px;
  ChipStyle chip;
} CardStyle;

typedef struct
{
  double x, w;            /* the column */
  double lane_gap;
  double rail_w;          /* the rails' gutter, left of the cards */
  double card_x, card_w;
  double strip_x, strip_w, bar_max, num_w;
} ColumnGeom;

typedef struct
{
  double title_h;     /* the column's title + badge row */
  char  *title;
  double title_max;
  KasaneTextExtents title_ext;
  KasaneFont title_font;
} ColumnHead;

double diagram_badge_row (Ctx         *ctx,
                          DatasetPlan *dp,
                          double       x,
                          double       y,
                          double       w,
                          gboolean     emit,
                          double      *width_out,
                          gboolean    *wrapped_out);
CardStyle diagram_card_style (Ctx *ctx);
void diagram_chip_clear (gpointer data);
void diagram_chip_measure (Ctx             *ctx,
                           const ChipStyle *style,
                           Chip            *chip,
                           const char      *label,
                           double           max_w);
ChipStyle diagram_chip_style (Ctx    *ctx,
                              double  font_px);
gboolean diagram_claim_differs (KasaneDataset      *dataset,
                                const KasaneLedger *ledger);
const char *diagram_claim_word (KasaneClaim claim,
                                const char *lang);
/* `strip`: room for the open-load bars at the cards' right (Compare draws a slope). */
void diagram_column_geom (Ctx         *ctx,
                          DatasetPlan *dp,
                          double       x,
                          double       w,
                          int          max_load,
                          gboolean     strip,
                          ColumnGeom  *g);
void diagram_dataset_plan_clear (DatasetPlan *dp);
const char *diagram_effect_word (KasaneEffect effect);
void diagram_emit_chip (Ctx             *ctx,
                        const ChipStyle *style,
                        const Chip      *chip,
                        double           x,
                        double           y,
                        int              dataset,
                        int              layer,
                        gboolean         legend);
void diagram_emit_stack (Ctx              *ctx,
                         const CardStyle  *s,
                         DatasetPlan      *dp,
                         const ColumnGeom *g,
                         const double     *row_y,
                         const double     *row_h,
                         double            above_top,   /* the top of the area the open line may use */
                         int               max_load,
                         const KasaneDiagramParams *params);
double diagram_flow_chips (const ChipStyle *style,
                           GArray          *chips,
                           double           max_w,
                           guint            break_before,
                           double          *last_right);
/* kasane-diagram-slope.c: the open-load slope chart in the band given; returns the
 * height it used (0 when the band is too small for a readable chart). */
double diagram_emit_slope (Ctx         *ctx,
                           DatasetPlan *plans,
                           guint        n_plans,
                           int          max_load,
                           double       x,
                           double       y,
                           double       width,
                           double       height);
/* kasane-diagram-claim.c: the slope label over the first `n_rows` layers. */
char *diagram_slope_label_upto (const KasaneDataset *dataset,
                                const KasaneLedger  *ledger,
                                guint                n_rows,
                                const char          *lang);
KasaneFont diagram_font_at (Ctx          *ctx,
                            double        px,
                            KasaneWeight  weight,
                            gboolean      tabular);
char *diagram_format_level (const KasaneLayer *layer);
char *diagram_format_signed (int value);
char *diagram_format_year (const KasaneLayer *layer);
gboolean diagram_is_ja (const char *lang);
const char *diagram_list_separator (const char *lang);
void diagram_measure (Ctx               *ctx,
                      const char        *text,
                      const KasaneFont  *font,
                      double             max_width,
                      int                max_lines,
                      KasaneTextExtents *ext);
void diagram_plan_card (Ctx             *ctx,
                        const CardStyle *s,
                        DatasetPlan     *dp,
                        guint            li,
                        double           card_w);
KasaneDiagramBox *diagram_push_box (Ctx           *ctx,
                                    KasaneBoxKind  kind,
                                    KasaneRect     rect,
                                    double         radius,
                                    KasaneRole     fill,
                                    KasaneRole     stroke,
                                    double         line_width);
void diagram_push_line (Ctx        *ctx,
                        double      x0,
                        double      y0,
                        double      x1,
                        double      y1,
                        KasaneRole  role,
                        double      line_width,
                        KasaneDash  dash,
                        double      alpha);
void diagram_push_mark (Ctx            *ctx,
                        KasaneMarkKind  kind,
                        KasaneRect      rect,
                        KasaneRole      role,
                        int             dataset,
                        int             problem,
                        gboolean        legend);
void diagram_push_text (Ctx                     *ctx,
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
                        int                      problem);
KasaneRect diagram_rect_make (double x,
                              double y,
                              double w,
                              double h);
char *diagram_still_open_text (Ctx         *ctx,
                               DatasetPlan *dp);
KasaneMarkKind diagram_verdict_mark (KasaneVerdict verdict);
KasaneRole diagram_verdict_role (KasaneVerdict verdict);
const char *diagram_verdict_sentence (KasaneVerdict verdict,
                                      const char   *lang);
const char *diagram_verdict_title (KasaneVerdict verdict,
                                   const char   *lang);

G_END_DECLS
