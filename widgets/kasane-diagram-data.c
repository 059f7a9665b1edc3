/* kasane-diagram-data.c: what a diagram draws that depends on its datasets alone
 * (ledgers, rail lanes, computed once) and the words it uses for them, with the
 * accessible description
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-diagram"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kasane-diagram-build.h"
#include "kasane-i18n.h"

/* Ledger intervals and lanes */

static void
interval_clear (gpointer data)
{
  Interval *iv = data;

  g_clear_pointer (&iv->events, g_array_unref);
  g_clear_pointer (&iv->weights, g_array_unref);
}

static GArray *
compute_intervals (KasaneDataset *dataset,
                   int           *n_lanes)
{
  GArray *intervals = g_array_new (FALSE, TRUE, sizeof (Interval));
  int *open = g_new (int, MAX (1, dataset->problems->len));
  GArray *lane_end = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_set_clear_func (intervals, interval_clear);
  for (guint p = 0; p < dataset->problems->len; p++)
    open[p] = -1;

  for (guint li = 0; li < dataset->layers->len; li++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, li);

      for (guint e = KASANE_EFFECT_SOLVES; e <= KASANE_EFFECT_WORSENS; e++)
        {
          GArray *list = layer->effects[e];

          for (guint i = 0; i < list->len; i++)
            {
              guint p = g_array_index (list, guint, i);
              Interval *iv;
              KasaneRailStop stop = { 0 };
              int w;

              if (p >= dataset->problems->len || open[p] < 0)
                continue;   /* the loader forbids this; stay safe */
              iv = &g_array_index (intervals, Interval, open[p]);
              w = g_array_index (iv->weights, int, iv->weights->len - 1);
              stop.layer = (int) li;
              if (e == KASANE_EFFECT_SOLVES)
                {
                  stop.kind = KASANE_RAIL_STOP_SOLVED;
                  iv->end = (int) li;
                  open[p] = -1;
                }
              else if (e == KASANE_EFFECT_MITIGATES)
                {
                  stop.kind = KASANE_RAIL_STOP_EASED;
                  w = MAX (1, w - 1);
                }
              else
                {
                  stop.kind = KASANE_RAIL_STOP_WORSENED;
                  w = w + 1;
                }
              g_array_append_val (iv->events, stop);
              g_array_append_val (iv->weights, w);
            }
        }

      for (guint i = 0; i < layer->effects[KASANE_EFFECT_INTRODUCES]->len; i++)
        {
          guint p = g_array_index (layer->effects[KASANE_EFFECT_INTRODUCES], guint, i);
          KasaneProblem *problem;
          Interval iv = { 0 };
          int w;

          if (p >= dataset->problems->len || open[p] >= 0)
            continue;
          problem = g_ptr_array_index (dataset->problems, p);
          iv.problem = p;
          iv.start = li;
          iv.end = -1;
          iv.events = g_array_new (FALSE, TRUE, sizeof (KasaneRailStop));
          iv.weights = g_array_new (FALSE, TRUE, sizeof (int));
          w = CLAMP (problem->weight, 1, 5);
          g_array_append_val (iv.weights, w);
          g_array_append_val (intervals, iv);
          open[p] = (int) intervals->len - 1;
        }
    }

  /* Greedy interval colouring in order of start: a lane is free for an interval that
   * starts above the layer where the lane's last rail ended. */
  for (guint i = 0; i < intervals->len; i++)
    {
      Interval *iv = &g_array_index (intervals, Interval, i);
      int end = iv->end >= 0 ? iv->end : G_MAXINT;
      guint lane;

      for (lane = 0; lane < lane_end->len; lane++)
        if (g_array_index (lane_end, int, lane) < (int) iv->start)
          break;
      if (lane == lane_end->len)
        g_array_append_val (lane_end, end);
      else
        g_array_index (lane_end, int, lane) = end;
      iv->lane = (int) lane;
    }

  *n_lanes = (int) lane_end->len;
  g_array_unref (lane_end);
  g_free (open);

  return intervals;
}

/* The data: what does not depend on size, zoom, theme or hover, computed once */



KasaneDiagramData *
kasane_diagram_data_new (KasaneDataset * const *datasets,
                         guint                  n_datasets)
{
  KasaneDiagramData *data;

  g_return_val_if_fail (n_datasets == 0 || datasets != NULL, NULL);

  data = g_new0 (KasaneDiagramData, 1);
  data->n_datasets = n_datasets;
  data->entries = g_new0 (DataEntry, MAX (n_datasets, 1));
  data->datasets = g_new0 (KasaneDataset *, MAX (n_datasets, 1));
  for (guint d = 0; d < n_datasets; d++)
    {
      DataEntry *entry = &data->entries[d];

      entry->dataset = kasane_dataset_ref (datasets[d]);
      entry->ledger = kasane_ledger_compute (entry->dataset);
      entry->robustness = kasane_robustness_compute (entry->dataset);
      entry->intervals = compute_intervals (entry->dataset, &entry->n_lanes);
      data->datasets[d] = entry->dataset;
    }
  return data;
}

void
kasane_diagram_data_free (KasaneDiagramData *data)
{
  if (data == NULL)
    return;
  for (guint d = 0; d < data->n_datasets; d++)
    {
      kasane_dataset_unref (data->entries[d].dataset);
      kasane_ledger_free (data->entries[d].ledger);
      kasane_robustness_free (data->entries[d].robustness);
      g_array_unref (data->entries[d].intervals);
    }
  g_free (data->entries);
  g_free (data->datasets);
  g_free (data);
}

guint
kasane_diagram_data_get_n_datasets (const KasaneDiagramData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->n_datasets;
}

gboolean
kasane_diagram_data_holds (const KasaneDiagramData *data,
                           KasaneDataset * const   *datasets,
                           guint                    n_datasets)
{
  if (data == NULL || data->n_datasets != n_datasets)
    return FALSE;
  for (guint d = 0; d < n_datasets; d++)
    if (data->datasets[d] != datasets[d])
      return FALSE;
  return TRUE;
}

/* Text helpers */

char *
diagram_format_signed (int value)
{
  if (value > 0)
    return g_strdup_printf ("+%d", value);
  if (value < 0)
    return g_strdup_printf ("−%d", -value);   /* a real minus sign */
  return g_strdup ("±0");
}

char *
diagram_format_year (const KasaneLayer *layer)
{
  g_autofree char *iso = NULL;

  if (!layer->has_since)
    return g_strdup ("");
  iso = kasane_date_format_iso (&layer->since);
  if (strlen (iso) >= 4 && layer->since.precision != KASANE_PRECISION_NUMBER)
    iso[4] = '\0';
  return g_strdup_printf ("%s–", iso);
}

char *
diagram_format_level (const KasaneLayer *layer)
{
  return g_strdup_printf ("L%" G_GINT64_FORMAT, layer->level);
}

const char *
diagram_verdict_title (KasaneVerdict verdict,
                       const char   *lang)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION: return kasane_gettext (lang, N_("Capability progression"));
    case KASANE_VERDICT_MIGRATION: return kasane_gettext (lang, N_("Problem migration"));
    case KASANE_VERDICT_MIXED: return kasane_gettext (lang, N_("Mixed"));
    case KASANE_VERDICT_NONE:
    default:
      return kasane_gettext (lang, N_("No verdict: one layer"));
    }
}

const char *
diagram_claim_word (KasaneClaim claim,
                    const char *lang)
{
  switch (claim)
    {
    case KASANE_CLAIM_PROGRESSION: return kasane_gettext (lang, N_("progression"));
    case KASANE_CLAIM_MIGRATION: return kasane_gettext (lang, N_("migration"));
    case KASANE_CLAIM_MIXED: return kasane_gettext (lang, N_("mixed"));
    case KASANE_CLAIM_NONE:
    default:
      return "";
    }
}

const char *
diagram_verdict_sentence (KasaneVerdict verdict,
                          const char   *lang)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION:
      return kasane_gettext (lang, N_("Every layer above the first removed more problem weight than it added."));
    case KASANE_VERDICT_MIGRATION:
      return kasane_gettext (lang, N_("Every layer above the first fixed something, yet added as much problem weight as it removed, or more."));
    case KASANE_VERDICT_MIXED:
      return kasane_gettext (lang, N_("Some layers removed more than they added; others did not."));
    case KASANE_VERDICT_NONE:
    default:
      return kasane_gettext (lang, N_("A single layer: nothing to compare it with yet."));
    }
}

KasaneRole
diagram_verdict_role (KasaneVerdict verdict)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION: return KASANE_ROLE_PROGRESSION;
    case KASANE_VERDICT_MIGRATION: return KASANE_ROLE_MIGRATION;
    case KASANE_VERDICT_MIXED: return KASANE_ROLE_MIXED;
    case KASANE_VERDICT_NONE:
    default:
      return KASANE_ROLE_LOAD;
    }
}

KasaneMarkKind
diagram_verdict_mark (KasaneVerdict verdict)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION: return KASANE_MARK_PROGRESSION;
    case KASANE_VERDICT_MIGRATION: return KASANE_MARK_MIGRATION;
    case KASANE_VERDICT_MIXED: return KASANE_MARK_MIXED;
    case KASANE_VERDICT_NONE:
    default:
      return KASANE_MARK_NONE_VERDICT;
    }
}

gboolean
diagram_claim_differs (KasaneDataset      *dataset,
                       const KasaneLedger *ledger)
{
  return dataset->claim != KASANE_CLAIM_NONE && !ledger->agrees;
}

/* Description */

static char *
join_problems (KasaneDataset *dataset,
               GArray        *list,
               const char    *lang)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      KasaneProblem *problem = g_ptr_array_index (dataset->problems,
                                                  g_array_index (list, guint, i));

      if (i > 0)
        g_string_append (s, diagram_list_separator (lang));
      g_string_append (s, kasane_text_get (&problem->label, lang));
    }
  return g_string_free (s, FALSE);
}

char *
kasane_diagram_describe (KasaneDataset * const *datasets,
                         guint                  n_datasets,
                         KasaneDiagramKind      kind,
                         const char            *lang)
{
  g_autoptr(KasaneDiagramData) data = NULL;

  g_return_val_if_fail (n_datasets == 0 || datasets != NULL, g_strdup (""));

  data = kasane_diagram_data_new (datasets, n_datasets);
  return kasane_diagram_data_describe (data, 0, kind, lang);
}

char *
kasane_diagram_data_describe (const KasaneDiagramData *data,
                              guint                    first,
                              KasaneDiagramKind        kind,
                              const char              *lang)
{
  GString *s = g_string_new (NULL);
  const char *space = diagram_is_ja (lang) ? "" : " ";
  guint n;

  g_return_val_if_fail (data != NULL, g_strdup (""));

  lang = diagram_is_ja (lang) ? "ja" : "en";
  first = MIN (first, data->n_datasets);
  n = data->n_datasets - first;
  if (kind == KASANE_DIAGRAM_STACK && n > 0)
    n = 1;

  for (guint d = first; d < first + n; d++)
    {
      KasaneDataset *dataset = data->entries[d].dataset;
      const KasaneLedger *ledger = data->entries[d].ledger;
      const char *title = kasane_text_get (&dataset->title, lang);

      if (s->len > 0)
        g_string_append (s, diagram_is_ja (lang) ? "\n" : "\n");

      if (dataset->layers->len == 1)
        g_string_append_printf (s, kasane_gettext (lang, N_("%1$s: one layer.")), title);
      else
        g_string_append_printf (s, kasane_gettext (lang, N_("%1$s: %2$u layers.")), title,
                                dataset->layers->len);

      for (guint li = 0; li < dataset->layers->len; li++)
        {
          KasaneLayer *layer = g_ptr_array_index (dataset->layers, li);
          g_autofree char *level = g_strdup_printf ("%" G_GINT64_FORMAT, layer->level);
          g_autofree char *named = g_strdup_printf (kasane_gettext (lang, N_("L%1$s %2$s")), level,
                                                    kasane_text_get (&layer->name, lang));
          g_autofree char *signed_net = diagram_format_signed (ledger->rows[li].net);
          static const struct { KasaneEffect effect; const char *format; } sentences[] = {
            { KASANE_EFFECT_SOLVES, N_("%1$s solved %2$s.") },
            { KASANE_EFFECT_MITIGATES, N_("%1$s eased %2$s.") },
            { KASANE_EFFECT_INTRODUCES, N_("%1$s introduced %2$s.") },
            { KASANE_EFFECT_WORSENS, N_("%1$s worsened %2$s.") },
          };

          if (layer->has_since)
            {
              g_autofree char *year = diagram_format_year (layer);
              g_autofree char *with_year = NULL;

              year[strlen (year) - strlen ("–")] = '\0';
              with_year = g_strdup_printf (kasane_gettext (lang, N_("%1$s (since %2$s)")),
                                           named, year);
              g_free (named);
              named = g_steal_pointer (&with_year);
            }

          for (guint e = 0; e < G_N_ELEMENTS (sentences); e++)
            {
              GArray *list = layer->effects[sentences[e].effect];
              g_autofree char *problems = NULL;

              if (list->len == 0)
                continue;
              problems = join_problems (dataset, list, lang);
              g_string_append (s, space);
              /* Every format in the table takes two strings, %1$s and %2$s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
              g_string_append_printf (s, kasane_gettext (lang, sentences[e].format), named,
                                      problems);
#pragma GCC diagnostic pop
            }
          g_string_append (s, space);
          g_string_append_printf (s,
                                  kasane_gettext (lang,
                                                  N_("Open load after it: %1$d (net %2$s).")),
                                  ledger->rows[li].open_load, signed_net);
        }

      g_string_append (s, space);
      g_string_append_printf (s, kasane_gettext (lang, N_("Verdict: %1$s.")),
                              diagram_verdict_title (ledger->verdict, lang));
      if (dataset->claim != KASANE_CLAIM_NONE && !ledger->agrees)
        {
          g_string_append (s, space);
          g_string_append_printf (s, kasane_gettext (lang, N_("The dataset claims %1$s.")),
                                  diagram_claim_word (dataset->claim, lang));
        }
    }

  return g_string_free (s, FALSE);
}
