/* kasane-ledger.h: the problem ledger and its verdict (DESIGN.md, "The problem ledger")
 *
 * Walking the layers upward by level, keep the open problems with their weights:
 * introduces adds at its weight (debit = weight), solves removes (credit = current
 * weight), mitigates lowers by 1 but never below 1 (credit = what it lowered), worsens
 * raises by 1 (debit 1).  net = credit − debit; the open load is the sum of open weights.
 */
#pragma once

#include <glib.h>

#include "kasane-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_VERDICT_NONE,         /* one layer: no verdict */
  KASANE_VERDICT_PROGRESSION,
  KASANE_VERDICT_MIGRATION,
  KASANE_VERDICT_MIXED,
} KasaneVerdict;

typedef struct
{
  guint problem;   /* index into dataset->problems */
  int   weight;    /* its weight after the layer */
} KasaneOpenProblem;

typedef struct
{
  int     credit;
  int     debit;
  int     net;
  int     open_load;   /* after this layer */
  GArray *open;        /* of KasaneOpenProblem, after this layer, in order of problems */
} KasaneLedgerRow;

typedef struct
{
  guint            n_rows;   /* = dataset->layers->len, same order (by level) */
  KasaneLedgerRow *rows;
  KasaneVerdict    verdict;
  gboolean         agrees;   /* the dataset's claim equals the verdict (FALSE with no claim) */
} KasaneLedger;

/* Assumes a dataset the loader accepted (every reference valid). */
KasaneLedger *kasane_ledger_compute           (KasaneDataset *dataset);
void          kasane_ledger_free              (KasaneLedger  *ledger);

const char   *kasane_verdict_to_string        (KasaneVerdict  verdict);  /* "progression", … */

/* The ledger table as CSV (RFC 4180, CRLF line ends, UTF-8): a header row, then a row per
 * layer from the lowest: its id, level and name, credit, debit, net, the open load after
 * it, and the problems it introduces, solves, mitigates and worsens (labels separated by
 * "; ").  Names and labels in `lang` ("en" or "ja"); the header is always English. */
char         *kasane_ledger_to_csv            (KasaneDataset *dataset,
                                               const char    *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneLedger, kasane_ledger_free)

G_END_DECLS
