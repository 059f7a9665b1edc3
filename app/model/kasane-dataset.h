/* kasane-dataset.h: a layer dataset (format kasane-dataset/1) in memory
 *
 * The model is plain data: a dataset owns its problems, layers, series and events, each
 * a struct whose fields the rest of Kasane reads directly and never writes.  Datasets are
 * reference counted and immutable once a loader has returned them, so the window, the
 * exporters and the command line can share one.
 */
#pragma once

#include <glib.h>
#include <glib-object.h>

#include "kasane-date.h"

G_BEGIN_DECLS

/* Localized text: either language may be missing (NULL); the other is the fallback. */
typedef struct
{
  char *en;
  char *ja;
} KasaneText;

/* A localized list of paragraphs (`notes`, `speaker_notes`); either may be NULL. */
typedef struct
{
  GStrv en;
  GStrv ja;
} KasaneTextList;

typedef struct
{
  char *name;
  char *url;
  char *retrieved;   /* as written (an ISO date), or NULL */
} KasaneSource;

typedef struct
{
  char      *id;
  KasaneText label;
  int        weight;        /* 1–5, default 1 */
  KasaneText description;   /* may be empty */
} KasaneProblem;

typedef enum
{
  KASANE_EFFECT_INTRODUCES,
  KASANE_EFFECT_SOLVES,
  KASANE_EFFECT_MITIGATES,
  KASANE_EFFECT_WORSENS,
  KASANE_N_EFFECTS
} KasaneEffect;

typedef struct
{
  char          *id;
  gint64         level;
  KasaneText     name;
  gboolean       has_since;
  KasaneDate     since;
  KasaneText     summary;
  GPtrArray     *examples;                  /* of KasaneText*, never NULL */
  KasaneTextList speaker_notes;
  KasaneSource  *source;                    /* or NULL */
  GArray        *effects[KASANE_N_EFFECTS]; /* of guint: indices into dataset->problems;
                                               never NULL, in file order */
} KasaneLayer;

typedef enum
{
  KASANE_SCALE_LINEAR,
  KASANE_SCALE_LOG,
} KasaneScale;

typedef enum
{
  KASANE_KIND_LINE,
  KASANE_KIND_STEP,
  KASANE_KIND_POINTS,
} KasaneKind;

typedef struct
{
  char           *id;
  KasaneText      name;
  char           *unit;          /* may be ""; what panels and number formats go by: the
                                    English of unit_label (or its only language) */
  KasaneText      unit_label;    /* the unit as it is read, per language */
  KasaneSource   *source;        /* or NULL (a CSV opened on its own) */
  int             layer;         /* index into dataset->layers, or -1 */
  KasaneScale     scale;
  KasaneKind      kind;
  gboolean        numeric_x;     /* x is a plain number, not a time */
  guint           n_points;
  double         *x;             /* seconds since 1970 UTC (or the number); sorted, stable */
  double         *y;             /* NAN marks a gap (a blank CSV cell) */
  guint8         *precision;     /* KasanePrecision of each x */
  KasaneText    **labels;        /* NULL, or n_points entries each NULL or a label */
  gboolean        featured;      /* the Trend view opens with it */
  KasaneText      headline;      /* its message in one sentence ("" when none) */
} KasaneSeries;

typedef struct
{
  KasaneDate    date;
  KasaneText    label;
  int           layer;           /* index into dataset->layers, or -1 */
  KasaneSource *source;          /* or NULL */
  gboolean      featured;        /* labelled on the chart; the others are ticks */
} KasaneEvent;

typedef enum
{
  KASANE_CLAIM_NONE,
  KASANE_CLAIM_PROGRESSION,
  KASANE_CLAIM_MIGRATION,
  KASANE_CLAIM_MIXED,
} KasaneClaim;

typedef struct _KasaneDataset KasaneDataset;

struct _KasaneDataset
{
  /*< public, read-only >*/
  char          *id;
  char          *path;        /* the file it was read from, or NULL */
  char         **inputs;      /* the other files it read (the CSV files its series name),
                                 NULL-terminated and sorted, or NULL */
  KasaneText     title;
  KasaneClaim    claim;
  GPtrArray     *problems;    /* of KasaneProblem*, file order */
  GPtrArray     *layers;      /* of KasaneLayer*, sorted by level (lowest first) */
  GPtrArray     *series;      /* of KasaneSeries* */
  GPtrArray     *events;      /* of KasaneEvent*, sorted stably by date */
  KasaneTextList notes;

  /* A what-if (kasane-whatif.h): the file's own dataset whose judgements were changed,
   * and the changes made (of KasaneChange, indices into whatif_of), in order.  Both
   * NULL for a file's own data. */
  KasaneDataset *whatif_of;
  GArray        *whatif;
};

#define KASANE_TYPE_DATASET (kasane_dataset_get_type ())
GType          kasane_dataset_get_type        (void) G_GNUC_CONST;

/* An empty dataset, for loaders to fill. */
KasaneDataset *kasane_dataset_new             (void);
KasaneDataset *kasane_dataset_ref             (KasaneDataset *self);
void           kasane_dataset_unref           (KasaneDataset *self);

int            kasane_dataset_find_problem    (KasaneDataset *self,
                                               const char    *id);
int            kasane_dataset_find_layer      (KasaneDataset *self,
                                               const char    *id);
int            kasane_dataset_find_series     (KasaneDataset *self,
                                               const char    *id);
/* Whether a chart opens with `series`: it is featured, or none of the dataset's is. */
gboolean       kasane_dataset_series_shown_by_default (KasaneDataset      *self,
                                                       const KasaneSeries *series);

/* Sorts layers by level and events and every series' points stably by date. */
void           kasane_dataset_sort            (KasaneDataset *self);

/* Constructors and destructors used by the loaders. */
KasaneProblem *kasane_problem_new             (void);
void           kasane_problem_free            (KasaneProblem *problem);
KasaneLayer   *kasane_layer_new               (void);
void           kasane_layer_free              (KasaneLayer   *layer);
KasaneSeries  *kasane_series_new              (void);
void           kasane_series_free             (KasaneSeries  *series);
/* Sorts points stably by x (labels and precision follow). */
void           kasane_series_sort             (KasaneSeries  *series);
KasaneEvent   *kasane_event_new               (void);
void           kasane_event_free              (KasaneEvent   *event);
KasaneSource  *kasane_source_new              (const char    *name,
                                               const char    *url,
                                               const char    *retrieved);
void           kasane_source_free             (KasaneSource  *source);
KasaneText    *kasane_text_new                (const char    *en,
                                               const char    *ja);
void           kasane_text_clear              (KasaneText    *text);
void           kasane_text_free               (KasaneText    *text);
void           kasane_text_list_clear         (KasaneTextList *list);

/* Language helpers: `lang` is "en" or "ja" (anything else reads as "en").  The other
 * language is the fallback; "" when neither is there. */
const char    *kasane_text_get                (const KasaneText     *text,
                                               const char           *lang);
gboolean       kasane_text_is_empty           (const KasaneText     *text);
/* NULL-terminated; never NULL (an empty vector when neither language is there). */
const char * const *kasane_text_list_get      (const KasaneTextList *list,
                                               const char           *lang);

const char    *kasane_claim_to_string         (KasaneClaim   claim);   /* "none", … */
gboolean       kasane_claim_from_string       (const char   *text,
                                               KasaneClaim  *out);
const char    *kasane_effect_to_string        (KasaneEffect  effect);  /* "introduces", … */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneDataset, kasane_dataset_unref)

G_END_DECLS
