/* kasane-json-loader-private.h: what the dataset loader's files share
 *
 * Internal to kasane-json-loader.c and kasane-json-series.c: the loader's state, its
 * located faults, and the member readers both call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "kasane-csv.h"
#include "kasane-dataset.h"
#include "kasane-diagnostic.h"
#include "kasane-json-scan.h"

G_BEGIN_DECLS

/* The members a series object may have (kasane-json-series.c). */
const char * const *loader_series_members (guint *n_members);

typedef struct
{
  JsonNode   *node;      /* NULL: absent */
  guint       entry;
  const char *name;      /* the member it is the value of, or the array it is in */
  gboolean    element;   /* an element of the array `name` */
} Value;

/* Where a reference to a problem sits, for the ledger walk. */
typedef struct
{
  KasaneEffect effect;
  guint        problem;
  guint        entry;
} EffectRef;

typedef struct
{
  GArray   *refs;        /* of EffectRef, in file order */
} LayerInfo;

/* What an id table keeps for each id. */
typedef struct
{
  guint entry;           /* where the id is written */
  int   index;           /* into dataset->problems, ->layers or ->series */
} IdInfo;

typedef struct
{
  const char        *file;
  const char        *base_dir;
  KasaneDiagnostics *diagnostics;
  KasaneJsonScan    *scan;
  KasaneDataset     *dataset;
  gboolean           failed;
  gboolean           levels_ok;      /* every layer has a distinct integer level */
  guint              n_points;       /* points written in the file so far */
  guint              n_effects;      /* problems named by layers so far */
  GHashTable        *problem_ids;    /* id → IdInfo */
  GHashTable        *layer_ids;
  GHashTable        *series_ids;
  GHashTable        *levels;         /* gint64* → entry + 1 */
  GArray            *layer_infos;    /* of LayerInfo, parallel to dataset->layers */
  /* CSV files are read once each, within one budget for the whole dataset. */
  KasaneCsvBudget    csv_budget;
  GHashTable        *csv_files;      /* real path → GPtrArray of KasaneSeries, or NULL */
  GHashTable        *csv_taken;      /* "real path\ncolumn" → the KasaneSeries given it */
} Loader;

typedef struct
{
  KasaneLayer  *layer;
  LayerInfo    *info;
  KasaneEffect  effect;
  GHashTable   *seen;     /* problem index → its EffectRef index + 1, in this layer */
} EffectContext;

typedef struct
{
  KasaneSeries *series;
  GArray       *x;
  GArray       *y;
  GByteArray   *precision;
  GPtrArray    *labels;      /* of KasaneText* or NULL */
  gboolean      has_labels;
} PointsContext;

#define KASANE_FORMAT      "kasane-dataset/1"
#define KASANE_MAX_ID      64
#define KASANE_MAX_INTEGER (G_GINT64_CONSTANT (1) << 53)

/* A value in the json-glib tree together with its entry in the scan. */

/* Called for each element of an array member. */
typedef void (*ElementFunc) (Loader      *self,
                             const Value *element,
                             gpointer     user_data);

const KasaneJsonEntry *loader_entry_at (Loader *self,
                                        guint   index);
void loader_error_at_entry (Loader             *self,
                            guint               entry,
                            KasaneDatasetError  code,
                            const char         *format,
                            ...) G_GNUC_PRINTF (4, 5);
void loader_error_at_name (Loader             *self,
                           guint               entry,
                           KasaneDatasetError  code,
                           const char         *format,
                           ...) G_GNUC_PRINTF (4, 5);
gboolean loader_for_each_element (Loader      *self,
                                  const Value *array,
                                  const char  *expected,
                                  ElementFunc  func,
                                  gpointer     user_data);
int loader_read_choice (Loader             *self,
                        const Value        *value,
                        const char * const *choices,
                        guint               n_choices);
gboolean loader_read_date (Loader      *self,
                           const Value *value,
                           KasaneDate  *out);
const char *loader_read_id (Loader      *self,
                            const Value *value,
                            GHashTable  *ids,
                            const char  *kind,
                            int          index);
gboolean loader_read_number (Loader      *self,
                             const Value *value,
                             double      *out);
gboolean loader_read_object (Loader             *self,
                             const Value        *object,
                             const char * const *names,
                             guint               n_names,
                             guint               n_required,
                             Value              *out);
int loader_read_reference (Loader      *self,
                           const Value *value,
                           GHashTable  *ids,
                           const char  *kind);
void loader_read_series (Loader      *self,
                         const Value *value,
                         gpointer     user_data);
KasaneSource *loader_read_source (Loader      *self,
                                  const Value *value,
                                  gboolean     need_retrieved);
gboolean loader_read_boolean (Loader      *self,
                              const Value *value,
                              gboolean    *out);
const char *loader_read_string (Loader      *self,
                                const Value *value);
gboolean loader_read_text (Loader      *self,
                           const Value *value,
                           KasaneText  *out);
gboolean loader_read_label (Loader      *self,
                            const Value *value,
                            KasaneText  *out);
void loader_report_valist (Loader             *self,
                           KasaneSeverity      severity,
                           KasaneDatasetError  code,
                           guint               line,
                           guint               column,
                           const char         *format,
                           va_list             args);
void loader_type_error (Loader      *self,
                        const Value *value,
                        const char  *expected);
KasaneJsonType loader_type_of (Loader      *self,
                               const Value *value);

/* For tests: the CSV budget every dataset starts with (NULL: the caps). */
void kasane_json_loader_set_csv_budget (const KasaneCsvBudget *budget);

G_END_DECLS
