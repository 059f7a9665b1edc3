/* kasane-diagram.h: the stacked-layer diagrams (Compare and Stack views)
 *
 * kasane_diagram_layout_new computes pure geometry from the datasets, the size, the
 * theme, the language and the presentation step — no cairo — and is also what hit testing
 * reads.  kasane_diagram_paint draws a finished layout on any cairo_t: the widget through
 * gtk_snapshot_append_cairo, export on PNG, SVG and PDF surfaces.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-ledger.h"
#include "kasane-render.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_DIAGRAM_COMPARE,   /* every dataset side by side */
  KASANE_DIAGRAM_STACK,     /* the first dataset large, with the selected layer's details */
  KASANE_DIAGRAM_SLOPE,     /* the claim over every dataset's open load, large (a slide) */
} KasaneDiagramKind;

typedef struct
{
  KasaneDiagramKind kind;
  double            width;            /* layout units (pixels at scale 1) */
  double            height;
  double            text_scale;       /* zoom × the desktop's text scaling; 1.0 default */
  const char       *lang;             /* "en" or "ja" */
  KasaneTheme       theme;
  int               step;             /* presentation: layers shown up to this level index;
                                         -1 shows all */
  int               selected_dataset; /* -1: none */
  int               selected_layer;   /* index into that dataset's layers, -1: none */
  int               hover_dataset;    /* the problem whose path is highlighted; -1: none */
  int               hover_problem;
  gboolean          interactive;      /* on screen, under a pointer: may say what to click
                                         (a picture, the default, never does) */
  double            min_text_px;      /* no text smaller (see kasane_text_floor_for_*());
                                         0: none */
  gboolean          no_panel;         /* Stack without its detail panel: the stack takes the
                                         width (a slide) */
} KasaneDiagramParams;

/* Defaults: compare, 1920×1080, text_scale 1, "en", light, step -1, nothing selected,
 * not interactive. */
void kasane_diagram_params_init (KasaneDiagramParams *params);

typedef struct _KasaneDiagramLayout KasaneDiagramLayout;

/* What a diagram draws that does not depend on size, zoom, theme, language or hover:
 * each dataset's ledger and the lanes of its rails.  Computed once for a set of datasets
 * (it holds references to them), and kept by a view while they stay the same. */
typedef struct _KasaneDiagramData KasaneDiagramData;

KasaneDiagramData   *kasane_diagram_data_new   (KasaneDataset * const    *datasets,
                                                guint                     n_datasets);
void                 kasane_diagram_data_free  (KasaneDiagramData        *data);
guint                kasane_diagram_data_get_n_datasets (const KasaneDiagramData *data);
/* Whether `data` was made for exactly these datasets, in this order. */
gboolean             kasane_diagram_data_holds (const KasaneDiagramData  *data,
                                                KasaneDataset * const    *datasets,
                                                guint                     n_datasets);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneDiagramData, kasane_diagram_data_free)

KasaneDiagramLayout *kasane_diagram_layout_new  (KasaneDataset * const    *datasets,
                                                 guint                     n_datasets,
                                                 const KasaneDiagramParams *params,
                                                 KasaneMeasure            *measure);
/* The same from data made once (the fit search and every size reuse it). */
KasaneDiagramLayout *kasane_diagram_layout_new_for_data (const KasaneDiagramData   *data,
                                                         const KasaneDiagramParams *params,
                                                         KasaneMeasure             *measure);
void                 kasane_diagram_layout_free (KasaneDiagramLayout      *layout);
/* FALSE when the datasets did not fit even at the smallest text: the layout then holds
 * only a message that says so (an export must fail, not write it as the picture). */
gboolean             kasane_diagram_layout_fits (const KasaneDiagramLayout *layout);

typedef enum
{
  KASANE_DIAGRAM_HIT_NONE,
  KASANE_DIAGRAM_HIT_LAYER,     /* a layer block */
  KASANE_DIAGRAM_HIT_PROBLEM,   /* a chip or a rail */
  KASANE_DIAGRAM_HIT_VERDICT,
} KasaneDiagramHitKind;

typedef struct
{
  KasaneDiagramHitKind kind;
  int                  dataset;
  int                  layer;     /* -1 when not on a layer */
  int                  problem;   /* -1 when not on a problem */
} KasaneDiagramHit;

gboolean kasane_diagram_layout_hit_test (const KasaneDiagramLayout *layout,
                                         double                     x,
                                         double                     y,
                                         KasaneDiagramHit          *hit);

void     kasane_diagram_paint           (cairo_t                   *cr,
                                         const KasaneDiagramLayout *layout,
                                         const KasanePalette       *palette);

/* One or a few sentences from the data, for the accessible description and the SVG's
 * <desc>: the datasets, their layers, what each solved and introduced, the verdict. */
char    *kasane_diagram_describe        (KasaneDataset * const *datasets,
                                         guint                  n_datasets,
                                         KasaneDiagramKind      kind,
                                         const char            *lang);
/* The same from data made once, for its datasets from `first` on (Stack: that one). */
char    *kasane_diagram_data_describe   (const KasaneDiagramData *data,
                                         guint                    first,
                                         KasaneDiagramKind        kind,
                                         const char              *lang);

/* The Compare view's message (kasane-diagram-claim.c).  A dataset's short name is its
 * title up to the first colon ("AI" for "AI: language models, …"). */
char    *kasane_diagram_short_name      (const KasaneDataset   *dataset,
                                         const char            *lang);
/* What the ledgers found, as the title: "AI closed its problems layer by layer; Ethereum
 * scaling only moved its problems" (one or two datasets; more get a plain title). */
char    *kasane_diagram_claim_title     (KasaneDataset * const *datasets,
                                         KasaneLedger * const  *ledgers,
                                         guint                  n_datasets,
                                         const char            *lang);
/* A verdict's name: "Capability progression", "Problem migration", … */
const char *kasane_diagram_verdict_title (KasaneVerdict          verdict,
                                          const char            *lang);
/* The open load at the first and the last layer and its change: "AI 14 → 10, −29 %". */
char    *kasane_diagram_slope_label     (const KasaneDataset   *dataset,
                                         const KasaneLedger    *ledger,
                                         const char            *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneDiagramLayout, kasane_diagram_layout_free)

G_END_DECLS
