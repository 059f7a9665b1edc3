/* kasane-whatif-text.h: what-ifs and robustness in words, in a chosen language
 *
 * The same words on every surface: the marker that every view and export of a what-if
 * carries, the change list of the Ledger view, the robustness beside a verdict badge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-robustness.h"

G_BEGIN_DECLS

/* One change of the file's data `file` in a short phrase: "“Fees” weighs 2, not 4",
 * "“Fees” left out", "Rollups only ease “Fees”", "Rollups solve “Fees”". */
char *kasane_whatif_text_change     (const KasaneChange *change,
                                     KasaneDataset      *file,
                                     const char         *lang);
/* The marker of a picture of `datasets` when any is a what-if: "What-if, not the file’s
 * data: " and each change of each, separated; NULL when all are their files' own data. */
char *kasane_whatif_text_marker     (KasaneDataset * const *datasets,
                                     guint                  n_datasets,
                                     const char            *lang);
/* Appends to `out` the changes that flip `robustness`'s verdict of `dataset`, in words:
 * `lead` (translated) before the first, "; " between them, each followed by the verdict
 * it gives when `with_verdict`.  Returns how many it appended. */
guint kasane_whatif_text_append_flips (GString                *out,
                                       const KasaneRobustness *robustness,
                                       KasaneDataset          *dataset,
                                       const char             *lead,
                                       gboolean                with_verdict,
                                       const char             *lang);
/* "Holds under 18 of 22 single changes"; NULL with no verdict. */
char *kasane_whatif_text_robustness (const KasaneRobustness *robustness,
                                     const char             *lang);

G_END_DECLS
