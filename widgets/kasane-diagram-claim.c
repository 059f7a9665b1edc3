/* kasane-diagram-claim.c: the Compare view's message, in words, from the ledgers
 *
 * The title of the Compare view states what the ledgers found, never a fixed phrase:
 * with the bundled pair, "AI closed its problems layer by layer; Ethereum scaling only
 * moved its problems".  Each dataset is named by its short name (its title up to the
 * first colon), and each verdict has its clause; the clauses are whole translatable
 * sentences for one or two datasets, so that Japanese can order them its own way.
 * The slope labels give the open load at the first and the last layer and the change
 * between them: "AI 14 → 10, −29 %".
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

char *
kasane_diagram_short_name (const KasaneDataset *dataset,
                           const char          *lang)
{
  const char *title = kasane_text_get (&dataset->title, lang);
  const char *colon = strstr (title, ":");
  const char *wide = strstr (title, "：");
  const char *end = colon;

  if (wide != NULL && (end == NULL || wide < end))
    end = wide;
  if (*title == '\0')
    return g_strdup (dataset->id);
  if (end == NULL || end == title)
    return g_strdup (title);
  return g_strstrip (g_strndup (title, end - title));
}

/* Which of the sentences below a verdict takes: closed, moved, or neither. */
typedef enum
{
  OUTCOME_CLOSED,
  OUTCOME_MOVED,
  OUTCOME_OTHER,
} Outcome;

static Outcome
outcome_of (const KasaneLedger *ledger)
{
  switch (ledger->verdict)
    {
    case KASANE_VERDICT_PROGRESSION: return OUTCOME_CLOSED;
    case KASANE_VERDICT_MIGRATION: return OUTCOME_MOVED;
    case KASANE_VERDICT_MIXED:
    case KASANE_VERDICT_NONE:
    default:
      return OUTCOME_OTHER;
    }
}

char *
kasane_diagram_claim_title (KasaneDataset * const *datasets,
                            KasaneLedger * const  *ledgers,
                            guint                  n_datasets,
                            const char            *lang)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  Outcome first, second;

  g_return_val_if_fail (n_datasets == 0 || (datasets != NULL && ledgers != NULL), NULL);

  if (n_datasets == 0 || n_datasets > 2)
    return g_strdup (kasane_gettext (lang, N_("Layers compared")));

  a = kasane_diagram_short_name (datasets[0], lang);
  first = outcome_of (ledgers[0]);
  if (n_datasets == 1)
    switch (first)
      {
      case OUTCOME_CLOSED:
        /* Translators: the Compare view's title for one dataset whose layers each lowered
         * the open problems (%1$s: its short name, such as "AI") */
        return g_strdup_printf (kasane_gettext (lang, N_("%1$s closed its problems layer by layer")), a);
      case OUTCOME_MOVED:
        /* Translators: the Compare view's title for one dataset whose layers each fixed
         * something but did not lower the open problems */
        return g_strdup_printf (kasane_gettext (lang, N_("%1$s only moved its problems")), a);
      case OUTCOME_OTHER:
      default:
        return g_strdup_printf (kasane_gettext (lang, N_("%1$s, layer by layer")), a);
      }

  b = kasane_diagram_short_name (datasets[1], lang);
  second = outcome_of (ledgers[1]);
  if (first == OUTCOME_CLOSED && second == OUTCOME_MOVED)
    /* Translators: the Compare view's title, the whole argument in one line: the first
     * dataset's layers lowered the open problems, the second's moved them elsewhere */
    return g_strdup_printf (kasane_gettext (lang, N_("%1$s closed its problems layer by layer; %2$s only moved its problems")), a, b);
  if (first == OUTCOME_MOVED && second == OUTCOME_CLOSED)
    /* Translators: as above, with the two datasets the other way round */
    return g_strdup_printf (kasane_gettext (lang, N_("%1$s only moved its problems; %2$s closed its problems layer by layer")), a, b);
  if (first == OUTCOME_CLOSED && second == OUTCOME_CLOSED)
    return g_strdup_printf (kasane_gettext (lang, N_("%1$s and %2$s both closed their problems layer by layer")), a, b);
  if (first == OUTCOME_MOVED && second == OUTCOME_MOVED)
    return g_strdup_printf (kasane_gettext (lang, N_("%1$s and %2$s both only moved their problems")), a, b);
  return g_strdup_printf (kasane_gettext (lang, N_("%1$s and %2$s, layer by layer")), a, b);
}

char *
diagram_slope_label_upto (const KasaneDataset *dataset,
                          const KasaneLedger  *ledger,
                          guint                n_rows,
                          const char          *lang)
{
  g_autofree char *name = kasane_diagram_short_name (dataset, lang);
  gboolean ja = g_strcmp0 (lang, "ja") == 0;
  int first, last;
  long percent;

  g_return_val_if_fail (ledger != NULL && n_rows > 0 && n_rows <= ledger->n_rows, NULL);

  first = ledger->rows[0].open_load;
  last = ledger->rows[n_rows - 1].open_load;
  if (n_rows == 1 || first == 0)
    return g_strdup_printf ("%s %d → %d", name, first, last);

  percent = lround (100.0 * (last - first) / first);
  /* A real minus sign, and the plus beside it, as the cards write a net (full-width
   * brackets in Japanese text). */
  return g_strdup_printf (ja ? "%s %d → %d（%s%ld%%）" : "%s %d → %d, %s%ld %%", name, first, last,
                          percent < 0 ? "−" : percent > 0 ? "+" : "±",
                          labs (percent));
}

char *
kasane_diagram_slope_label (const KasaneDataset *dataset,
                            const KasaneLedger  *ledger,
                            const char          *lang)
{
  g_return_val_if_fail (ledger != NULL && ledger->n_rows > 0, NULL);

  return diagram_slope_label_upto (dataset, ledger, ledger->n_rows, lang);
}

const char *
kasane_diagram_verdict_title (KasaneVerdict  verdict,
                              const char    *lang)
{
  return diagram_verdict_title (verdict, lang);
}
