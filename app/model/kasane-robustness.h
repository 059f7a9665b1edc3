/* kasane-robustness.h: how much a verdict depends on the judgements behind it
 * (DESIGN.md, "Robustness of the verdict")
 *
 * A single change of a dataset is a problem's weight one step down or up (within 1–5),
 * a problem dropped, or one `solves` entry of a layer turned into `mitigates` or one
 * `mitigates` entry into `solves`.  Changes that would make the dataset invalid are
 * skipped.  The robustness is K of N: of the N valid single changes, K keep the verdict;
 * the others flip it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-ledger.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_CHANGE_WEIGHT,               /* problem's weight from `from` to `to` */
  KASANE_CHANGE_DROP,                 /* problem left out of the count */
  KASANE_CHANGE_SOLVES_TO_MITIGATES,  /* layer's solves entry for problem */
  KASANE_CHANGE_MITIGATES_TO_SOLVES,  /* layer's mitigates entry for problem */
} KasaneChangeKind;

typedef struct
{
  KasaneChangeKind kind;
  guint            problem;   /* index into dataset->problems */
  int              layer;     /* index into dataset->layers; -1 for weight and drop */
  int              from;      /* WEIGHT: the weights */
  int              to;
  KasaneVerdict    verdict;   /* the verdict with this change */
} KasaneChange;

typedef struct
{
  KasaneVerdict verdict;      /* the dataset's own */
  guint         n_changes;    /* N: the valid single changes (0 with no verdict) */
  guint         n_keep;       /* K: those that keep the verdict */
  GArray       *changes;      /* of KasaneChange: every valid change, in DESIGN.md's order */
} KasaneRobustness;

KasaneRobustness *kasane_robustness_compute (KasaneDataset          *dataset);
void              kasane_robustness_free    (KasaneRobustness       *robustness);
/* Whether change i flips the verdict. */
gboolean          kasane_robustness_flips   (const KasaneRobustness *robustness,
                                             guint                   i);
/* The change as --summary writes it: "weight fees 4 -> 3", "drop fees",
 * "l2 solves fees -> mitigates", "l2 mitigates fees -> solves". */
char             *kasane_change_describe    (const KasaneChange     *change,
                                             KasaneDataset          *dataset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneRobustness, kasane_robustness_free)

G_END_DECLS
