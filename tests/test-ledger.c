/* test-ledger.c: the problem ledger and its verdict, cases computed by hand */
#include "config.h"

#include <string.h>

#include "kasane-ledger.h"
#include "kasane-robustness.h"
#include "kasane-test-util.h"

static void
assert_row (KasaneLedger *ledger,
            guint         row,
            int           credit,
            int           debit,
            int           open_load)
{
  g_assert_cmpuint (row, <, ledger->n_rows);
  g_assert_cmpint (ledger->rows[row].credit, ==, credit);
  g_assert_cmpint (ledger->rows[row].debit, ==, debit);
  g_assert_cmpint (ledger->rows[row].net, ==, credit - debit);
  g_assert_cmpint (ledger->rows[row].open_load, ==, open_load);
}

static void
test_ledger_mitigate_floor (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_problem (dataset, "light", 1);
  kasane_test_add_problem (dataset, "heavy", 3);
  kasane_test_add_layer (dataset, "l1", 1, NULL, "+light +heavy");
  kasane_test_add_layer (dataset, "l2", 2, NULL, "-light -heavy");
  kasane_test_add_layer (dataset, "l3", 3, NULL, "-heavy");
  kasane_test_add_layer (dataset, "l4", 4, NULL, "-heavy");
  ledger = kasane_ledger_compute (dataset);

  assert_row (ledger, 0, 0, 4, 4);
  /* "light" is already at 1: mitigating it lowers nothing and earns nothing. */
  assert_row (ledger, 1, 1, 0, 3);
  assert_row (ledger, 2, 1, 0, 2);
  /* "heavy" reached the floor of 1 at l3. */
  assert_row (ledger, 3, 0, 0, 2);
  g_assert_cmpuint (ledger->rows[3].open->len, ==, 2);
  g_assert_cmpint (g_array_index (ledger->rows[3].open, KasaneOpenProblem, 1).weight, ==, 1);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_MIXED);
}

static void
test_ledger_worsens_uncapped (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_problem (dataset, "split", 5);
  kasane_test_add_problem (dataset, "fees", 2);
  kasane_test_add_layer (dataset, "l1", 1, NULL, "+split +fees");
  kasane_test_add_layer (dataset, "l2", 2, NULL, "^split =fees");
  kasane_test_add_layer (dataset, "l3", 3, NULL, "^split");
  ledger = kasane_ledger_compute (dataset);

  assert_row (ledger, 0, 0, 7, 7);
  assert_row (ledger, 1, 2, 1, 6);
  /* Weight 5 is the most a file may give, but worsening goes past it. */
  assert_row (ledger, 2, 0, 1, 7);
  g_assert_cmpint (g_array_index (ledger->rows[2].open, KasaneOpenProblem, 0).weight, ==, 7);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_MIXED);
}

static void
test_ledger_solve_mitigated (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_problem (dataset, "reasoning", 4);
  kasane_test_add_layer (dataset, "l1", 1, NULL, "+reasoning");
  kasane_test_add_layer (dataset, "l2", 2, NULL, "-reasoning");
  kasane_test_add_layer (dataset, "l3", 3, NULL, "=reasoning");
  ledger = kasane_ledger_compute (dataset);

  assert_row (ledger, 0, 0, 4, 4);
  assert_row (ledger, 1, 1, 0, 3);
  /* Solving earns the weight the problem has now (3), not the one it started with. */
  assert_row (ledger, 2, 3, 0, 0);
  g_assert_cmpuint (ledger->rows[2].open->len, ==, 0);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_PROGRESSION);
}

static void
test_ledger_reintroduce_solved (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_problem (dataset, "fees", 3);
  kasane_test_add_layer (dataset, "l1", 1, NULL, "+fees");
  kasane_test_add_layer (dataset, "l2", 2, NULL, "=fees");
  kasane_test_add_layer (dataset, "l3", 3, NULL, "+fees");
  ledger = kasane_ledger_compute (dataset);

  assert_row (ledger, 1, 3, 0, 0);
  assert_row (ledger, 2, 0, 3, 3);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_MIXED);
}

static void
test_ledger_progression (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_problem (dataset, "a", 3);
  kasane_test_add_problem (dataset, "b", 2);
  kasane_test_add_problem (dataset, "c", 1);
  kasane_test_add_layer (dataset, "l1", 1, NULL, "+a +b");
  kasane_test_add_layer (dataset, "l2", 2, NULL, "=a +c");
  kasane_test_add_layer (dataset, "l3", 3, NULL, "=b -c");
  dataset->claim = KASANE_CLAIM_PROGRESSION;
  ledger = kasane_ledger_compute (dataset);

  assert_row (ledger, 0, 0, 5, 5);
  assert_row (ledger, 1, 3, 1, 3);
  assert_row (ledger, 2, 2, 0, 1);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_PROGRESSION);
  g_assert_true (ledger->agrees);
  g_assert_cmpstr (kasane_verdict_to_string (ledger->verdict), ==, "progression");
}

static void
test_ledger_migration (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_problem (dataset, "fees", 3);
  kasane_test_add_problem (dataset, "throughput", 3);
  kasane_test_add_problem (dataset, "liquidity", 3);
  kasane_test_add_problem (dataset, "ux", 2);
  kasane_test_add_layer (dataset, "l1", 1, NULL, "+fees +throughput");
  kasane_test_add_layer (dataset, "l2", 2, NULL, "=fees -throughput +liquidity");
  kasane_test_add_layer (dataset, "l3", 3, NULL, "-throughput ^liquidity +ux");
  dataset->claim = KASANE_CLAIM_PROGRESSION;
  ledger = kasane_ledger_compute (dataset);

  assert_row (ledger, 0, 0, 6, 6);
  /* l2 lowered the load by 1, l3 raised it: one of each makes mixed. */
  assert_row (ledger, 1, 4, 3, 5);
  assert_row (ledger, 2, 1, 3, 7);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_MIXED);

  /* One more small problem at l2 makes it break even: net 0 is still migration. */
  g_clear_pointer (&ledger, kasane_ledger_free);
  kasane_test_add_problem (dataset, "bridges", 1);
  g_array_append_val (((KasaneLayer *) g_ptr_array_index (dataset->layers, 1))->effects
                      [KASANE_EFFECT_INTRODUCES], (guint) { 4 });
  ledger = kasane_ledger_compute (dataset);
  assert_row (ledger, 1, 4, 4, 6);
  assert_row (ledger, 2, 1, 3, 8);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_MIGRATION);
  g_assert_false (ledger->agrees);
}

static void
test_ledger_two_layers_and_nothing_fixed (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_problem (dataset, "a", 2);
  kasane_test_add_problem (dataset, "b", 2);
  kasane_test_add_layer (dataset, "base", 10, NULL, "+a");
  kasane_test_add_layer (dataset, "top", 20, NULL, "+b");
  ledger = kasane_ledger_compute (dataset);

  g_assert_cmpuint (ledger->n_rows, ==, 2);
  assert_row (ledger, 1, 0, 2, 4);
  /* Fixing nothing is not migration: it is mixed. */
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_MIXED);
}

static void
test_ledger_one_layer (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_problem (dataset, "a", 5);
  kasane_test_add_layer (dataset, "only", 1, NULL, "+a");
  dataset->claim = KASANE_CLAIM_PROGRESSION;
  ledger = kasane_ledger_compute (dataset);

  assert_row (ledger, 0, 0, 5, 5);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_NONE);
  g_assert_false (ledger->agrees);
  g_assert_cmpstr (kasane_verdict_to_string (ledger->verdict), ==, "none");
}

static void
test_ledger_no_problems (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneLedger) ledger = NULL;

  kasane_test_add_layer (dataset, "l1", 1, NULL, "");
  kasane_test_add_layer (dataset, "l2", 2, NULL, "");
  ledger = kasane_ledger_compute (dataset);

  assert_row (ledger, 0, 0, 0, 0);
  assert_row (ledger, 1, 0, 0, 0);
  g_assert_cmpint (ledger->verdict, ==, KASANE_VERDICT_MIXED);
}

static void
test_text_fallback (void)
{
  KasaneText both = { (char *) "Fees", (char *) "手数料" };
  KasaneText en_only = { (char *) "Fees", NULL };
  KasaneText ja_only = { NULL, (char *) "手数料" };
  KasaneText none = { NULL, NULL };

  g_assert_cmpstr (kasane_text_get (&both, "ja"), ==, "手数料");
  g_assert_cmpstr (kasane_text_get (&both, "en"), ==, "Fees");
  g_assert_cmpstr (kasane_text_get (&en_only, "ja"), ==, "Fees");
  g_assert_cmpstr (kasane_text_get (&ja_only, "en"), ==, "手数料");
  g_assert_cmpstr (kasane_text_get (&ja_only, "ja_JP.UTF-8"), ==, "手数料");
  g_assert_cmpstr (kasane_text_get (&none, "en"), ==, "");
  g_assert_true (kasane_text_is_empty (&none));
  g_assert_false (kasane_text_is_empty (&ja_only));
}

static void
test_dataset_sort_follows_layers (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  KasaneSeries *series = kasane_series_new ();
  KasaneEvent *late = kasane_event_new (), *early = kasane_event_new ();

  kasane_test_add_layer (dataset, "top", 3, NULL, "");
  kasane_test_add_layer (dataset, "bottom", 1, NULL, "");
  series->id = g_strdup ("s");
  series->layer = 0;           /* "top" */
  series->n_points = 3;
  series->x = g_new (double, 3);
  series->y = g_new (double, 3);
  series->precision = g_new0 (guint8, 3);
  series->x[0] = 30; series->x[1] = 10; series->x[2] = 10;
  series->y[0] = 3; series->y[1] = 1; series->y[2] = 2;
  g_ptr_array_add (dataset->series, series);
  late->date.t = 100;
  late->layer = 1;             /* "bottom" */
  early->date.t = 5;
  g_ptr_array_add (dataset->events, late);
  g_ptr_array_add (dataset->events, early);

  kasane_dataset_sort (dataset);

  g_assert_cmpstr (((KasaneLayer *) g_ptr_array_index (dataset->layers, 0))->id, ==, "bottom");
  g_assert_cmpint (series->layer, ==, 1);
  /* Points sort stably: the two at x = 10 keep their order. */
  g_assert_cmpfloat (series->y[0], ==, 1);
  g_assert_cmpfloat (series->y[1], ==, 2);
  g_assert_cmpfloat (series->y[2], ==, 3);
  g_assert_true (g_ptr_array_index (dataset->events, 0) == early);
  g_assert_cmpint (late->layer, ==, 0);
}

/* Many layers given top-down: every series and event still names its own layer after the
 * sort, and layers of one level keep their order. */
static void
test_dataset_sort_many_layers (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i);
      KasaneSeries *series = kasane_series_new ();
      KasaneEvent *event = kasane_event_new ();

      /* Levels n/2 … 1, each twice: layer i and i + 1 share one level for even i. */
      kasane_test_add_layer (dataset, id, (gint64) (n - i + 1) / 2, NULL, "");
      series->id = g_strdup (id);
      series->layer = (int) i;
      g_ptr_array_add (dataset->series, series);
      event->layer = (int) i;
      event->date.t = i;
      g_ptr_array_add (dataset->events, event);
    }

  kasane_dataset_sort (dataset);

  for (guint j = 0; j < n; j++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, j);
      KasaneSeries *series = g_ptr_array_index (dataset->series, j);
      KasaneEvent *event = g_ptr_array_index (dataset->events, j);
      KasaneLayer *named = g_ptr_array_index (dataset->layers, series->layer);
      g_autofree char *expected = g_strdup_printf ("l%u", (guint) event->date.t);

      if (j > 0)
        g_assert_cmpint (((KasaneLayer *) g_ptr_array_index (dataset->layers, j - 1))->level,
                         <=, layer->level);
      g_assert_cmpstr (named->id, ==, series->id);
      g_assert_cmpstr (((KasaneLayer *) g_ptr_array_index (dataset->layers, event->layer))->id,
                       ==, expected);
    }
  /* Stable: l(n-2) and l(n-1) share level 1 and stay in that order. */
  g_assert_cmpstr (((KasaneLayer *) g_ptr_array_index (dataset->layers, 0))->id, ==, "l19998");
  g_assert_cmpstr (((KasaneLayer *) g_ptr_array_index (dataset->layers, 1))->id, ==, "l19999");
}

/* Robustness: weights −1 and +1 within 1–5, drop, solves ⇄ mitigates, in that order;
 * a change that leaves an invalid ledger (l2 solving "p" that l3 then mitigates) is
 * skipped.  Worked by hand: the verdict is progression (nets −3, +1, +1); weight 2 makes
 * l3's mitigation earn nothing (mixed); weight 4 keeps it; dropping p leaves l2 and l3
 * with nothing (mixed); l3 solving p earns 2 (progression). */
static void
test_robustness (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneRobustness) robustness = NULL;
  static const char * const expected[] = {
    "weight p 3 -> 2", "weight p 3 -> 4", "drop p", "l3 mitigates p -> solves",
  };
  static const KasaneVerdict verdicts[] = {
    KASANE_VERDICT_MIXED, KASANE_VERDICT_PROGRESSION, KASANE_VERDICT_MIXED,
    KASANE_VERDICT_PROGRESSION,
  };

  kasane_test_add_problem (dataset, "p", 3);
  kasane_test_add_layer (dataset, "l1", 1, NULL, "+p");
  kasane_test_add_layer (dataset, "l2", 2, NULL, "-p");
  kasane_test_add_layer (dataset, "l3", 3, NULL, "-p");
  robustness = kasane_robustness_compute (dataset);

  g_assert_cmpint (robustness->verdict, ==, KASANE_VERDICT_PROGRESSION);
  g_assert_cmpuint (robustness->n_changes, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (robustness->n_keep, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KasaneChange *change = &g_array_index (robustness->changes, KasaneChange, i);
      g_autofree char *what = kasane_change_describe (change, dataset);

      g_assert_cmpstr (what, ==, expected[i]);
      g_assert_cmpint (change->verdict, ==, verdicts[i]);
      g_assert_cmpint (kasane_robustness_flips (robustness, i), ==,
                       verdicts[i] != KASANE_VERDICT_PROGRESSION);
    }
  /* The dataset itself is untouched. */
  g_assert_cmpint (((KasaneProblem *) g_ptr_array_index (dataset->problems, 0))->weight, ==, 3);
}

/* One layer: no verdict, so no robustness either. */
static void
test_robustness_none (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_dataset_new ();
  g_autoptr(KasaneRobustness) robustness = NULL;

  kasane_test_add_problem (dataset, "p", 5);
  kasane_test_add_layer (dataset, "l1", 1, NULL, "+p");
  robustness = kasane_robustness_compute (dataset);
  g_assert_cmpint (robustness->verdict, ==, KASANE_VERDICT_NONE);
  g_assert_cmpuint (robustness->n_changes, ==, 0);
  g_assert_cmpuint (robustness->changes->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/mitigate-floor", test_ledger_mitigate_floor);
  g_test_add_func ("/ledger/worsens-uncapped", test_ledger_worsens_uncapped);
  g_test_add_func ("/ledger/solve-mitigated", test_ledger_solve_mitigated);
  g_test_add_func ("/ledger/reintroduce-solved", test_ledger_reintroduce_solved);
  g_test_add_func ("/ledger/progression", test_ledger_progression);
  g_test_add_func ("/ledger/migration", test_ledger_migration);
  g_test_add_func ("/ledger/two-layers", test_ledger_two_layers_and_nothing_fixed);
  g_test_add_func ("/ledger/one-layer", test_ledger_one_layer);
  g_test_add_func ("/ledger/no-problems", test_ledger_no_problems);
  g_test_add_func ("/ledger/robustness", test_robustness);
  g_test_add_func ("/ledger/robustness-none", test_robustness_none);
  g_test_add_func ("/model/text-fallback", test_text_fallback);
  g_test_add_func ("/model/sort-follows-layers", test_dataset_sort_follows_layers);
  g_test_add_func ("/model/sort-many-layers", test_dataset_sort_many_layers);

  return g_test_run ();
}
