/* kasane-window-private.h: what the tests read of a KasaneWindow
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kasane-window.h"
/* For the KASANE_LEDGER_COLUMN_* the ledger accessors take. */
#include "kasane-ledger-view.h"

G_BEGIN_DECLS

/* The window builds its hidden pages the first time they are shown; the accessors of the
 * Ledger view build it (and fill it) on demand, and the view accessors bring their view up
 * to date first. */
guint          kasane_window_get_n_datasets       (KasaneWindow *self);
/* -1 when nothing is selected. */
int            kasane_window_get_selected_index   (KasaneWindow *self);
/* The dataset on screen (the last one that loaded for the selected entry), or NULL. */
KasaneDataset *kasane_window_get_shown_dataset    (KasaneWindow *self);
/* "empty", "dataset" or "failed". */
const char    *kasane_window_get_page_name        (KasaneWindow *self);
GtkListBox    *kasane_window_get_sidebar          (KasaneWindow *self);
GtkGrid       *kasane_window_get_ledger_grid      (KasaneWindow *self);
/* The text of the cell of layer `layer` (0 = lowest) in `column`; for the header row
 * pass layer -1.  NULL when there is no such cell. */
const char    *kasane_window_get_ledger_text      (KasaneWindow *self,
                                                   int           layer,
                                                   guint         column);
GtkWidget     *kasane_window_get_ledger_cell      (KasaneWindow *self,
                                                   int           layer,
                                                   guint         column);
/* The verdict row and its one-sentence text ("Verdict: … · Claim: … (agrees)"). */
GtkWidget     *kasane_window_get_verdict_row      (KasaneWindow *self);
const char    *kasane_window_get_verdict_text     (KasaneWindow *self);
/* The located errors in the error panel above the content, and whether it is revealed. */
const char    *kasane_window_get_error_text       (KasaneWindow *self);
gboolean       kasane_window_get_error_revealed   (KasaneWindow *self);
/* Whether a load runs on a worker thread; whether its progress panel shows, and its bar. */
gboolean       kasane_window_get_loading          (KasaneWindow *self);
gboolean       kasane_window_get_load_revealed    (KasaneWindow *self);
double         kasane_window_get_load_fraction    (KasaneWindow *self);
/* The file the panel's Open in Editor button opens, or NULL when it is hidden. */
const char    *kasane_window_get_error_open_uri   (KasaneWindow *self);
/* The located errors on the page of an entry that never loaded. */
const char    *kasane_window_get_failed_text      (KasaneWindow *self);
/* Whether the sidebar row `index` shows the error icon. */
gboolean       kasane_window_get_row_failed       (KasaneWindow *self,
                                                   guint         index);
void           kasane_window_select_index         (KasaneWindow *self,
                                                   guint         index);
GtkStack      *kasane_window_get_view_stack       (KasaneWindow *self);
GtkWidget     *kasane_window_get_compare_view     (KasaneWindow *self);
GtkWidget     *kasane_window_get_stack_view       (KasaneWindow *self);
GtkWidget     *kasane_window_get_trend_view       (KasaneWindow *self);
GtkWidget     *kasane_window_get_slide_view       (KasaneWindow *self);
GtkWidget     *kasane_window_get_presenter_console (KasaneWindow *self);
/* With two monitors while presenting: the console's own window, else NULL. */
GtkWindow     *kasane_window_get_console_window   (KasaneWindow *self);
GtkWidget     *kasane_window_get_explain_view     (KasaneWindow *self);

/* Save As… of the selected entry's what-if, without the file chooser. */
gboolean       kasane_window_save_whatif          (KasaneWindow *self,
                                                   const char   *path,
                                                   GError      **error);
/* The selected entry's Ledger view, built and up to date. */
KasaneLedgerView *kasane_window_get_ledger_view   (KasaneWindow *self);

/* New Dataset… without the file chooser: writes the starter to `file` (replacing it), opens
 * it here and, with `open_editor`, in the desktop's editor. */
gboolean       kasane_window_new_dataset          (KasaneWindow *self,
                                                   GFile        *file,
                                                   gboolean      open_editor,
                                                   GError      **error);

G_END_DECLS
