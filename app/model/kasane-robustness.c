/* kasane-robustness.c: how much a verdict depends on the judgements behind it
 *
 * Each change is applied to a skeleton of the dataset (its problems' ids and weights, its
 * layers' levels and effect lists, nothing else: kasane_whatif_skeleton ()), checked as
 * the loader checks a dataset's ledger, and its verdict computed by the ledger itself.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-robustness"

#include "config.h"

#include "kasane-robustness.h"

#include "kasane-whatif.h"

static void
try_change (KasaneRobustness *robustness,
            KasaneDataset    *dataset,
            KasaneChange      change)
{
  g_autoptr(KasaneDataset) skeleton = kasane_whatif_skeleton (dataset, &change);
  g_autoptr(KasaneLedger) ledger = NULL;

  if (skeleton == NULL)
    return;
  ledger = kasane_ledger_compute (skeleton);
  change.verdict = ledger->verdict;
  g_array_append_val (robustness->changes, change);
  robustness->n_changes++;
  if (change.verdict == robustness->verdict)
    robustness->n_keep++;
}

KasaneRobustness *
kasane_robustness_compute (KasaneDataset *dataset)
{
  KasaneRobustness *robustness;
  g_autoptr(KasaneLedger) ledger = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);

  robustness = g_new0 (KasaneRobustness, 1);
  robustness->changes = g_array_new (FALSE, TRUE, sizeof (KasaneChange));
  ledger = kasane_ledger_compute (dataset);
  robustness->verdict = ledger->verdict;
  if (robustness->verdict == KASANE_VERDICT_NONE)
    return robustness;

  /* Each problem in file order: weight −1, weight +1, drop. */
  for (guint p = 0; p < dataset->problems->len; p++)
    {
      KasaneProblem *problem = g_ptr_array_index (dataset->problems, p);

      if (problem->weight > 1)
        try_change (robustness, dataset, (KasaneChange) { KASANE_CHANGE_WEIGHT, p, -1,
                                                          problem->weight,
                                                          problem->weight - 1, 0 });
      if (problem->weight < 5)
        try_change (robustness, dataset, (KasaneChange) { KASANE_CHANGE_WEIGHT, p, -1,
                                                          problem->weight,
                                                          problem->weight + 1, 0 });
      try_change (robustness, dataset, (KasaneChange) { KASANE_CHANGE_DROP, p, -1, 0, 0, 0 });
    }
  /* Each layer by level (the dataset keeps them so): solves entries, then mitigates. */
  for (guint l = 0; l < dataset->layers->len; l++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, l);
      GArray *solves = layer->effects[KASANE_EFFECT_SOLVES];
      GArray *mitigates = layer->effects[KASANE_EFFECT_MITIGATES];

      for (guint k = 0; k < solves->len; k++)
        try_change (robustness, dataset,
                    (KasaneChange) { KASANE_CHANGE_SOLVES_TO_MITIGATES,
                                     g_array_index (solves, guint, k), (int) l, 0, 0, 0 });
      for (guint k = 0; k < mitigates->len; k++)
        try_change (robustness, dataset,
                    (KasaneChange) { KASANE_CHANGE_MITIGATES_TO_SOLVES,
                                     g_array_index (mitigates, guint, k), (int) l, 0, 0, 0 });
    }
  return robustness;
}

void
kasane_robustness_free (KasaneRobustness *robustness)
{
  if (robustness == NULL)
    return;
  g_array_unref (robustness->changes);
  g_free (robustness);
}

gboolean
kasane_robustness_flips (const KasaneRobustness *robustness,
                         guint                   i)
{
  g_return_val_if_fail (robustness != NULL, FALSE);
  g_return_val_if_fail (i < robustness->changes->len, FALSE);

  return g_array_index (robustness->changes, KasaneChange, i).verdict != robustness->verdict;
}

char *
kasane_change_describe (const KasaneChange *change,
                        KasaneDataset      *dataset)
{
  KasaneProblem *problem;
  KasaneLayer *layer;

  g_return_val_if_fail (change != NULL && dataset != NULL, NULL);

  problem = g_ptr_array_index (dataset->problems, change->problem);
  layer = change->layer >= 0 ? g_ptr_array_index (dataset->layers, change->layer) : NULL;
  switch (change->kind)
    {
    case KASANE_CHANGE_WEIGHT:
      return g_strdup_printf ("weight %s %d -> %d", problem->id, change->from, change->to);
    case KASANE_CHANGE_DROP:
      return g_strdup_printf ("drop %s", problem->id);
    case KASANE_CHANGE_SOLVES_TO_MITIGATES:
      return g_strdup_printf ("%s solves %s -> mitigates", layer->id, problem->id);
    case KASANE_CHANGE_MITIGATES_TO_SOLVES:
    default:
      return g_strdup_printf ("%s mitigates %s -> solves", layer->id, problem->id);
    }
}
