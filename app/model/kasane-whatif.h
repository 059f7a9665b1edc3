/* kasane-whatif.h: a dataset with its judgements changed, for the what-if editor
 *
 * The editor's vocabulary is robustness's (kasane-robustness.h): a problem's weight set
 * (1–5), a problem left out of the count, a layer's `solves` entry made `mitigates` or a
 * `mitigates` entry made `solves`.  Changes compound: a what-if is the file's dataset
 * with a list of them applied in order.  The result is a dataset of its own that shares
 * the file's series and events and records what was changed (whatif_of, whatif), so
 * every view and export can say that it is a what-if and list the changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-robustness.h"

G_BEGIN_DECLS

#define KASANE_WHATIF_ERROR (kasane_whatif_error_quark ())
GQuark kasane_whatif_error_quark (void);

typedef enum
{
  KASANE_WHATIF_ERROR_NOT_APPLICABLE,   /* the entry or problem is not there any more */
  KASANE_WHATIF_ERROR_INVALID,          /* the ledger would break the loader's rules */
} KasaneWhatIfError;

/* `file` with `changes` (indices into `file`) applied in order; `file` itself when there
 * are none.  Fails, naming the change, when one does not apply or the result would not
 * pass the loader's ledger rules (a layer solving a problem that is no longer open). */
KasaneDataset *kasane_whatif_apply   (KasaneDataset      *file,
                                      const KasaneChange *changes,
                                      guint               n_changes,
                                      GError            **error);

/* One more edit of `shown` (a file's dataset or a what-if of it): the what-if that
 * compounds it with the edits made so far.  The edit's indices are into the file's
 * dataset (kasane_whatif_get_file ()), whose problems a what-if may have dropped.  Edits
 * of one thing fold into one change (a weight set twice is one change; set back, or an
 * entry switched back, or a problem dropped twice, it is none), so the list stays what
 * differs from the file. */
KasaneDataset *kasane_whatif_edit    (KasaneDataset      *shown,
                                      const KasaneChange *edit,
                                      GError            **error);

/* The file's own dataset behind `dataset` (itself when it is not a what-if). */
KasaneDataset *kasane_whatif_get_file (KasaneDataset     *dataset);

/* The skeleton robustness tries a change on: problems' ids and weights, layers' ids,
 * levels and lists, nothing else; NULL when the change is invalid. */
KasaneDataset *kasane_whatif_skeleton (KasaneDataset      *dataset,
                                       const KasaneChange *change);

/* The file `original_json` (the dataset file `whatif` was loaded from, as read) with the
 * what-if's judgements: dropped problems removed from `problems` and from every list,
 * weights set, each layer's lists as the what-if has them, and `note_en` and `note_ja`
 * (what was changed, in words) added as the last paragraph of `notes`.  Every other
 * member is kept as it is.  Fails when the file is not the dataset's (a problem or
 * layer of the what-if is not in it). */
char          *kasane_whatif_to_json  (KasaneDataset      *whatif,
                                       const char         *original_json,
                                       gsize               length,
                                       const char         *note_en,
                                       const char         *note_ja,
                                       GError            **error);

G_END_DECLS
