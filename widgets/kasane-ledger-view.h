/* kasane-ledger-view.h: the Ledger view, a dataset's verdict and its problem ledger
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-dataset.h"

G_BEGIN_DECLS

/* The columns of the ledger table, left to right. */
enum
{
  KASANE_LEDGER_COLUMN_LAYER,
  KASANE_LEDGER_COLUMN_INTRODUCES,
  KASANE_LEDGER_COLUMN_SOLVES,
  KASANE_LEDGER_COLUMN_MITIGATES,
  KASANE_LEDGER_COLUMN_WORSENS,
  KASANE_LEDGER_COLUMN_CREDIT,
  KASANE_LEDGER_COLUMN_DEBIT,
  KASANE_LEDGER_COLUMN_NET,
  KASANE_LEDGER_COLUMN_OPEN_LOAD,
  KASANE_LEDGER_N_COLUMNS
};

#define KASANE_TYPE_LEDGER_VIEW (kasane_ledger_view_get_type ())
G_DECLARE_FINAL_TYPE (KasaneLedgerView, kasane_ledger_view, KASANE, LEDGER_VIEW, GtkBox)

GtkWidget  *kasane_ledger_view_new              (void);

/* The dataset's title, `file_name`, the verdict beside its claim and the ledger table, in
 * `lang` ("en" or "ja") for the dataset's own text.  Nothing keeps `dataset`: call again
 * when it changes. */
void        kasane_ledger_view_show_dataset     (KasaneLedgerView *self,
                                                 KasaneDataset    *dataset,
                                                 const char       *file_name,
                                                 const char       *lang);
/* The page of a file that never loaded: its name and its located `errors` (may be NULL),
 * with Reload and Close buttons for the window's win.reload and win.close-dataset. */
void        kasane_ledger_view_show_failure     (KasaneLedgerView *self,
                                                 const char       *file_name,
                                                 const char       *errors);

/* For the window's test accessors (kasane-window-private.h). */
GtkGrid    *kasane_ledger_view_get_grid         (KasaneLedgerView *self);
/* The cell of layer `layer` (0 = lowest) in `column`; for the header row pass layer -1.
 * NULL when there is no such cell. */
GtkWidget  *kasane_ledger_view_get_cell         (KasaneLedgerView *self,
                                                 int               layer,
                                                 guint             column);
/* The text of that cell (of a layer cell, the layer's name), or NULL. */
const char *kasane_ledger_view_get_cell_text    (KasaneLedgerView *self,
                                                 int               layer,
                                                 guint             column);
GtkWidget  *kasane_ledger_view_get_verdict_row  (KasaneLedgerView *self);
/* "Verdict: … · Claim: … (agrees)", or NULL before a dataset was shown. */
const char *kasane_ledger_view_get_verdict_text (KasaneLedgerView *self);
/* "The verdict holds under K of N …" and a line per flip; NULL with no verdict. */
const char *kasane_ledger_view_get_robustness_text (KasaneLedgerView *self);
/* The located errors on the page of a file that never loaded. */
const char *kasane_ledger_view_get_failure_text (KasaneLedgerView *self);

/* The dataset shown (a file's, or a what-if of it), or NULL. */
KasaneDataset *kasane_ledger_view_get_dataset     (KasaneLedgerView *self);
/* The what-if editor (a KasaneLedgerEditor), its expander opened. */
GtkWidget     *kasane_ledger_view_get_editor      (KasaneLedgerView *self);
/* The what-if bar's text, or NULL when the file's own data is shown. */
const char    *kasane_ledger_view_get_whatif_text (KasaneLedgerView *self);
/* The Try It button of flip `i` (in the order listed), or NULL. */
GtkWidget     *kasane_ledger_view_get_flip_button (KasaneLedgerView *self,
                                                   guint             i);

G_END_DECLS
