#define G_LOG_DOMAIN "kasane-ledger"

#include "config.h"

#include "kasane-ledger.h"
#include "kasane-ledger-private.h"

#include <string.h>

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

/* A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180), and a
 * leading =, +, - or @ kept from being read as a formula by a spreadsheet. */
static void
append_field (GString    *out,
              const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;
  gboolean formula = text[0] == '=' || text[0] == '+' || text[0] == '@' ||
                     (text[0] == '-' && !g_ascii_isdigit (text[1]));

  if (!quote && !formula)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
kasane_ledger_to_csv (KasaneDataset *dataset,
                      const char    *lang)
{
  g_autoptr(KasaneLedger) ledger = NULL;
  GString *out;

  g_return_val_if_fail (dataset != NULL, NULL);

  ledger = kasane_ledger_compute (dataset);
  out = g_string_new ("layer,level,name,credit,debit,net,open load,"
                      "introduces,solves,mitigates,worsens\r\n");
  for (guint l = 0; l < ledger->n_rows; l++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, l);
      KasaneLedgerRow *row = &ledger->rows[l];
      static const KasaneEffect effects[] = {
        KASANE_EFFECT_INTRODUCES, KASANE_EFFECT_SOLVES, KASANE_EFFECT_MITIGATES,
        KASANE_EFFECT_WORSENS,
      };

      append_field (out, layer->id);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", layer->level);
      append_field (out, kasane_text_get (&layer->name, lang));
      g_string_append_printf (out, ",%d,%d,%d,%d", row->credit, row->debit, row->net,
                              row->open_load);
      for (guint e = 0; e < G_N_ELEMENTS (effects); e++)
        {
          GArray *list = layer->effects[effects[e]];
          g_autoptr(GString) labels = g_string_new (NULL);

          for (guint k = 0; k < list->len; k++)
            {
              KasaneProblem *problem = g_ptr_array_index (dataset->problems,
                                                          g_array_index (list, guint, k));

              if (k > 0)
                g_string_append (labels, "; ");
              g_string_append (labels, kasane_text_get (&problem->label, lang));
            }
          g_string_append_c (out, ',');
          append_field (out, labels->str);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
