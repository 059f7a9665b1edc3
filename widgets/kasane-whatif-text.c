/* kasane-whatif-text.c: what-ifs and robustness in words
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-whatif-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-whatif-text.h"

#include "kasane-diagram.h"
#include "kasane-i18n.h"

char *
kasane_whatif_text_change (const KasaneChange *change,
                           KasaneDataset      *file,
                           const char         *lang)
{
  KasaneProblem *problem;
  const char *label, *layer = "";

  g_return_val_if_fail (change != NULL && file != NULL, NULL);
  g_return_val_if_fail (change->problem < file->problems->len, NULL);

  problem = g_ptr_array_index (file->problems, change->problem);
  label = kasane_text_get (&problem->label, lang);
  if (change->layer >= 0 && (guint) change->layer < file->layers->len)
    layer = kasane_text_get (&((KasaneLayer *) g_ptr_array_index (file->layers,
                                                                   change->layer))->name, lang);
  switch (change->kind)
    {
    case KASANE_CHANGE_WEIGHT:
      /* Translators: a what-if change; %1$s a problem, %2$d the weight tried, %3$d the
       * file's weight */
      return g_strdup_printf (kasane_gettext (lang, N_("“%1$s” weighs %2$d, not %3$d")),
                              label, change->to, change->from);
    case KASANE_CHANGE_DROP:
      /* Translators: a what-if change; %s a problem not counted in the ledger */
      return g_strdup_printf (kasane_gettext (lang, N_("“%s” left out")), label);
    case KASANE_CHANGE_SOLVES_TO_MITIGATES:
      /* Translators: a what-if change; %1$s a layer, %2$s a problem it solved in the file */
      return g_strdup_printf (kasane_gettext (lang, N_("%1$s only eases “%2$s”")), layer, label);
    case KASANE_CHANGE_MITIGATES_TO_SOLVES:
    default:
      /* Translators: a what-if change; %1$s a layer, %2$s a problem it eased in the file */
      return g_strdup_printf (kasane_gettext (lang, N_("%1$s solves “%2$s”")), layer, label);
    }
}

char *
kasane_whatif_text_marker (KasaneDataset * const *datasets,
                           guint                  n_datasets,
                           const char            *lang)
{
  GString *text = NULL;

  g_return_val_if_fail (n_datasets == 0 || datasets != NULL, NULL);

  for (guint d = 0; d < n_datasets; d++)
    {
      KasaneDataset *dataset = datasets[d];

      if (dataset->whatif == NULL || dataset->whatif_of == NULL)
        continue;
      for (guint i = 0; i < dataset->whatif->len; i++)
        {
          g_autofree char *change =
            kasane_whatif_text_change (&g_array_index (dataset->whatif, KasaneChange, i),
                                       dataset->whatif_of, lang);

          if (text == NULL)
            /* Translators: the marker on every view and export of edited judgements; the
             * changes follow */
            text = g_string_new (kasane_gettext (lang, N_("What-if, not the file’s data: ")));
          else
            /* Translators: between two what-if changes in a list */
            g_string_append (text, kasane_gettext (lang, N_("; ")));
          g_string_append (text, change);
        }
    }
  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

char *
kasane_whatif_text_robustness (const KasaneRobustness *robustness,
                               const char             *lang)
{
  g_return_val_if_fail (robustness != NULL, NULL);

  if (robustness->verdict == KASANE_VERDICT_NONE)
    return NULL;
  /* Translators: beside a verdict badge; %1$u of %2$u single changes of the judgements
   * keep the verdict */
  return g_strdup_printf (kasane_gettext (lang, N_("Holds under %1$u of %2$u single changes")),
                          robustness->n_keep, robustness->n_changes);
}

guint
kasane_whatif_text_append_flips (GString                *out,
                                 const KasaneRobustness *robustness,
                                 KasaneDataset          *dataset,
                                 const char             *lead,
                                 gboolean                with_verdict,
                                 const char             *lang)
{
  guint n = 0;

  g_return_val_if_fail (out != NULL && robustness != NULL && dataset != NULL, 0);

  for (guint i = 0; i < robustness->changes->len; i++)
    {
      const KasaneChange *change = &g_array_index (robustness->changes, KasaneChange, i);
      g_autofree char *what = NULL;

      if (!kasane_robustness_flips (robustness, i))
        continue;
      what = kasane_whatif_text_change (change, dataset, lang);
      g_string_append (out, n++ == 0 ? lead : kasane_gettext (lang, N_("; ")));
      if (with_verdict)
        /* Translators: a change and the verdict it gives, in a list of the changes that
         * flip a verdict */
        g_string_append_printf (out, kasane_gettext (lang, N_("%1$s (%2$s)")), what,
                                kasane_diagram_verdict_title (change->verdict, lang));
      else
        g_string_append (out, what);
    }
  return n;
}
