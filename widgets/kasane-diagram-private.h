/* kasane-diagram-private.h: the items a diagram layout is made of, for paint and tests
 *
 * A layout is plain data: boxes (cards, chips, badges, bars, panels), text items (with
 * the font, language, wrap width and line limit they were measured with, and the box
 * they must stay inside), marks (small vector symbols: ✓ ↓ + ↑ ▲ ⇄ ◆), rails (one per
 * problem interval: a vertical polyline whose width follows the problem's weight) and
 * plain lines.  Colours are palette roles, never colours, so one layout paints in any
 * theme's palette.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kasane-diagram.h"
#include "kasane-draw.h"

G_BEGIN_DECLS


typedef struct
{
  double x, y, width, height;
} KasaneRect;

typedef enum
{
  KASANE_DASH_SOLID,
  KASANE_DASH_DASHED,
  KASANE_DASH_DOTTED,
} KasaneDash;

typedef enum
{
  KASANE_BOX_CARD,      /* a layer block */
  KASANE_BOX_ACCENT,    /* the coloured strip along a card's left edge */
  KASANE_BOX_CHIP,      /* a problem on a layer (or in the legend or the panel) */
  KASANE_BOX_BADGE,     /* the verdict */
  KASANE_BOX_CLAIM,     /* the dataset's own claim, when it differs */
  KASANE_BOX_TRACK,     /* the faint track behind an open-load bar */
  KASANE_BOX_BAR,       /* an open-load bar */
  KASANE_BOX_PANEL,     /* the Stack view's details panel */
  KASANE_BOX_WHATIF,    /* the what-if marker: a tinted band, dashed outline */
} KasaneBoxKind;

typedef struct
{
  KasaneBoxKind kind;
  KasaneRect    rect;
  double        radius;
  KasaneRole    fill;         /* KASANE_ROLE_NONE: not filled */
  double        fill_alpha;
  KasaneRole    stroke;       /* KASANE_ROLE_NONE: no border */
  double        line_width;
  KasaneDash    dash;
  gboolean      shadow;
  int           dataset;      /* -1 when none */
  int           layer;
  int           problem;
  int           effect;       /* KasaneEffect of a chip, else -1 */
  gboolean      legend;       /* a legend sample: never hit, never highlighted */
} KasaneDiagramBox;

typedef struct
{
  char             *text;
  KasaneFont        font;
  const char       *lang;        /* "en" or "ja" (static) */
  double            max_width;   /* as measured: the wrap width */
  int               max_lines;
  double            x, y;        /* top-left of the text as set */
  KasaneTextExtents extents;
  KasaneRect        box;         /* the box the text must stay inside */
  KasaneRole        role;
  int               dataset;
  int               layer;
  int               problem;
} KasaneDiagramText;

typedef enum
{
  KASANE_MARK_CHECK,       /* ✓ solves */
  KASANE_MARK_DOWN,        /* ↓ mitigates */
  KASANE_MARK_PLUS,        /* + introduces */
  KASANE_MARK_UP,          /* ↑ worsens */
  KASANE_MARK_PROGRESSION, /* ▲ */
  KASANE_MARK_MIGRATION,   /* ⇄ */
  KASANE_MARK_MIXED,       /* ◆ */
  KASANE_MARK_NONE_VERDICT,/* – */
  KASANE_MARK_DIFFERS,     /* ≠ */
  KASANE_MARK_STEP_ARROW,  /* the small arrow between two cards */
} KasaneMarkKind;

typedef struct
{
  KasaneMarkKind kind;
  KasaneRect     rect;
  KasaneRole     role;
  double         line_width;
  int            dataset;
  int            problem;
  gboolean       legend;
} KasaneDiagramMark;

typedef enum
{
  KASANE_RAIL_STOP_START,    /* where a layer introduced the problem: a ring */
  KASANE_RAIL_STOP_SOLVED,   /* a filled dot */
  KASANE_RAIL_STOP_EASED,    /* a short bar across the rail: the weight dropped */
  KASANE_RAIL_STOP_WORSENED, /* a short bar with a chevron: the weight rose */
} KasaneRailStopKind;

typedef struct
{
  KasaneRailStopKind kind;
  double             y;
  int                layer;
} KasaneRailStop;

typedef struct
{
  double y_bottom;   /* the lower end (the layer where the weight was set) */
  double y_top;
  double width;      /* line width: follows the weight on this stretch */
} KasaneRailSegment;

typedef struct
{
  int            dataset;
  int            problem;
  int            lane;
  double         x;
  double         y_start;      /* the ring, low on the stack */
  double         y_end;        /* the dot, or the arrow's tip when still open */
  gboolean       open;         /* leaves the top: dashed, ends in an arrow */
  KasaneRole     role;
  GArray        *segments;     /* of KasaneRailSegment, bottom to top */
  GArray        *stops;        /* of KasaneRailStop */
  double         hit_half_width;
  gboolean       legend;
} KasaneDiagramRail;

typedef struct
{
  double     x0, y0, x1, y1;
  KasaneRole role;
  double     line_width;
  KasaneDash dash;
  double     alpha;
} KasaneDiagramLine;

struct _KasaneDiagramLayout
{
  KasaneDiagramParams params;      /* as given; params.lang points at `lang` */
  char               *lang;
  double              width;
  double              height;
  double              unit;        /* text unit: min (w/1920, h/1080) × text_scale × fit */
  double              fit;         /* ≤ 1 when the content had to shrink to fit */
  gboolean            overflow;    /* did not fit even at the smallest scale */
  guint               n_datasets;

  GArray             *boxes;       /* of KasaneDiagramBox, in paint order */
  GArray             *texts;       /* of KasaneDiagramText */
  GArray             *marks;       /* of KasaneDiagramMark */
  GArray             *rails;       /* of KasaneDiagramRail */
  GArray             *lines;       /* of KasaneDiagramLine */

  /* Interaction state that paint reads; changing it needs no new measuring. */
  int                 hover_dataset;
  int                 hover_problem;
};

/* Updates which problem's path is highlighted, without laying out again. */
void kasane_diagram_layout_set_hover (KasaneDiagramLayout *layout,
                                      int                  dataset,
                                      int                  problem);

/* The number of layers shown for a dataset at `step` (-1: all). */
guint kasane_diagram_visible_layers (KasaneDataset *dataset,
                                     int            step);

G_END_DECLS
