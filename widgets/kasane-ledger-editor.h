/* kasane-ledger-editor.h: the what-if editor of the Ledger view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-dataset.h"

G_BEGIN_DECLS

#define KASANE_TYPE_LEDGER_EDITOR (kasane_ledger_editor_get_type ())

G_DECLARE_FINAL_TYPE (KasaneLedgerEditor, kasane_ledger_editor, KASANE, LEDGER_EDITOR, GtkBox)

GtkWidget     *kasane_ledger_editor_new         (void);
/* The controls for `shown`, a file's dataset or a what-if of it. */
void           kasane_ledger_editor_set_dataset (KasaneLedgerEditor *self,
                                                 KasaneDataset      *shown,
                                                 const char         *lang);
/* The weight of the file's problem `problem`, for tests. */
GtkSpinButton *kasane_ledger_editor_get_weight  (KasaneLedgerEditor *self,
                                                 guint               problem);

G_END_DECLS
