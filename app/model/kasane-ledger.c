#define G_LOG_DOMAIN "kasane-ledger"

#include "config.h"

#include "kasane-ledger.h"
#include "kasane-ledger-private.h"

static guint compute_count;     /* atomic */

guint
kasane_ledger_get_compute_count (void)
{
  return (guint) g_atomic_int_get (&compute_count);
}

KasaneLedger *
kasane_ledger_compute (KasaneDataset *dataset)
{
  g_autofree int *open = NULL;   /* current weight of each problem; 0 when not open */
  KasaneLedger *ledger;
  guint n_problems;
  gboolean all_positive = TRUE, all_moved = TRUE;

  g_return_val_if_fail (dataset != NULL, NULL);

  g_atomic_int_inc (&compute_count);

  n_problems = dataset->problems->len;
  open = g_new0 (int, MAX (n_problems, 1));
  ledger = g_new0 (KasaneLedger, 1);
  ledger->n_rows = dataset->layers->len;
  ledger->rows = g_new0 (KasaneLedgerRow, MAX (ledger->n_rows, 1));

  for (guint l = 0; l < ledger->n_rows; l++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, l);
      KasaneLedgerRow *row = &ledger->rows[l];

      for (KasaneEffect e = 0; e < KASANE_N_EFFECTS; e++)
        for (guint k = 0; k < layer->effects[e]->len; k++)
          {
            guint p = g_array_index (layer->effects[e], guint, k);
            KasaneProblem *problem;

            g_return_val_if_fail (p < n_problems, ledger);
            problem = g_ptr_array_index (dataset->problems, p);

            switch (e)
              {
              case KASANE_EFFECT_INTRODUCES:
                /* The loader refuses introducing a problem that is still open. */
                open[p] = problem->weight;
                row->debit += problem->weight;
                break;
              case KASANE_EFFECT_SOLVES:
                row->credit += open[p];
                open[p] = 0;
                break;
              case KASANE_EFFECT_MITIGATES:
                if (open[p] > 1)
                  {
                    open[p]--;
                    row->credit += 1;
                  }
                break;
              case KASANE_EFFECT_WORSENS:
                if (open[p] > 0)
                  {
                    open[p]++;
                    row->debit += 1;
                  }
                break;
              case KASANE_N_EFFECTS:
              default:
                g_assert_not_reached ();
              }
          }

      row->net = row->credit - row->debit;
      row->open = g_array_new (FALSE, FALSE, sizeof (KasaneOpenProblem));
      for (guint p = 0; p < n_problems; p++)
        if (open[p] > 0)
          {
            KasaneOpenProblem item = { p, open[p] };

            g_array_append_val (row->open, item);
            row->open_load += open[p];
          }

      if (l > 0)
        {
          if (row->net <= 0)
            all_positive = FALSE;
          if (row->credit <= 0 || row->net > 0)
            all_moved = FALSE;
        }
    }

  if (ledger->n_rows < 2)
    ledger->verdict = KASANE_VERDICT_NONE;
  else if (all_positive)
    ledger->verdict = KASANE_VERDICT_PROGRESSION;
  else if (all_moved)
    ledger->verdict = KASANE_VERDICT_MIGRATION;
  else
    ledger->verdict = KASANE_VERDICT_MIXED;

  ledger->agrees = (dataset->claim == KASANE_CLAIM_PROGRESSION &&
                    ledger->verdict == KASANE_VERDICT_PROGRESSION) ||
                   (dataset->claim == KASANE_CLAIM_MIGRATION &&
                    ledger->verdict == KASANE_VERDICT_MIGRATION) ||
                   (dataset->claim == KASANE_CLAIM_MIXED &&
                    ledger->verdict == KASANE_VERDICT_MIXED);
  return ledger;
}

void
kasane_ledger_free (KasaneLedger *ledger)
{
  if (ledger == NULL)
    return;
  for (guint i = 0; i < ledger->n_rows; i++)
    g_clear_pointer (&ledger->rows[i].open, g_array_unref);
  g_free (ledger->rows);
  g_free (ledger);
}

const char *
kasane_verdict_to_string (KasaneVerdict verdict)
{
  static const char * const names[] = { "none", "progression", "migration", "mixed" };

  g_return_val_if_fail (verdict <= KASANE_VERDICT_MIXED, "none");
  return names[verdict];
}
