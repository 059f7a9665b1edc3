/* kasane-robustness.c: how much a verdict depends on the judgements behind it
 *
 * Each change is applied to a skeleton of the dataset (its problems' ids and weights, its
 * layers' levels and effect lists, nothing else), checked as the loader checks a
 * dataset's ledger (walking the layers upward, a layer may solve, mitigate or worsen
 * only an open problem and may not introduce one that is still open), and its verdict
 * computed by the ledger itself.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-robustness"

#include "config.h"

#include "kasane-robustness.h"

/* The dataset's problems and layers with one change applied, or NULL when the change
 * leaves an invalid ledger.  Dropped problems are gone from the lists; indices into the
 * skeleton's problems are remapped. */
static KasaneDataset *
skeleton_with (KasaneDataset      *dataset,
               const KasaneChange *change)
{
  g_autoptr(KasaneDataset) copy = kasane_dataset_new ();
  guint n = dataset->problems->len;
  g_autofree int *remap = g_new (int, MAX (n, 1));
  g_autofree gboolean *open = NULL;

  for (guint p = 0, kept = 0; p < n; p++)
    {
      KasaneProblem *problem = g_ptr_array_index (dataset->problems, p);
      KasaneProblem *clone;

      if (change->kind == KASANE_CHANGE_DROP && change->problem == p)
        {
          remap[p] = -1;
          continue;
        }
      clone = kasane_problem_new ();
      clone->id = g_strdup (problem->id);
      clone->weight = change->kind == KASANE_CHANGE_WEIGHT && change->problem == p
                      ? change->to : problem->weight;
      g_ptr_array_add (copy->problems, clone);
      remap[p] = (int) kept++;
    }

  for (guint l = 0; l < dataset->layers->len; l++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, l);
      KasaneLayer *clone = kasane_layer_new ();

      clone->id = g_strdup (layer->id);
      clone->level = layer->level;
      for (KasaneEffect e = 0; e < KASANE_N_EFFECTS; e++)
        for (guint k = 0; k < layer->effects[e]->len; k++)
          {
            guint p = g_array_index (layer->effects[e], guint, k);
            KasaneEffect to = e;

            if (remap[p] < 0)
              continue;
            if ((int) l == change->layer && p == change->problem)
              {
                if (change->kind == KASANE_CHANGE_SOLVES_TO_MITIGATES && e == KASANE_EFFECT_SOLVES)
                  to = KASANE_EFFECT_MITIGATES;
                else if (change->kind == KASANE_CHANGE_MITIGATES_TO_SOLVES &&
                         e == KASANE_EFFECT_MITIGATES)
                  to = KASANE_EFFECT_SOLVES;
              }
            {
              guint mapped = (guint) remap[p];

              g_array_append_val (clone->effects[to], mapped);
            }
          }
      g_ptr_array_add (copy->layers, clone);
    }

  /* The loader's rule, in the ledger's order within a layer. */
  open = g_new0 (gboolean, MAX (copy->problems->len, 1));
  for (guint l = 0; l < copy->layers->len; l++)
    {
      KasaneLayer *layer = g_ptr_array_index (copy->layers, l);

      for (KasaneEffect e = 0; e < KASANE_N_EFFECTS; e++)
        for (guint k = 0; k < layer->effects[e]->len; k++)
          {
            guint p = g_array_index (layer->effects[e], guint, k);

            if (e == KASANE_EFFECT_INTRODUCES ? open[p] : !open[p])
              return NULL;
            if (e == KASANE_EFFECT_INTRODUCES)
              open[p] = TRUE;
            else if (e == KASANE_EFFECT_SOLVES)
              open[p] = FALSE;
          }
    }
  return g_steal_pointer (&copy);
}

static void
try_change (KasaneRobustness *robustness,
            KasaneDataset    *dataset,
            KasaneChange      change)
{
  g_autoptr(KasaneDataset) skeleton = skeleton_with (dataset, &change);
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
