/* kasane-help.h: the help window (F1)
 *
 * Getting started, the dataset format (every member the loader accepts, with an
 * example), how the ledger, the verdict and its robustness are worked out, the keyboard
 * shortcuts (from the shortcuts window's own file) and the command line (what --help
 * prints), in the language the window is shown in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The help window for `parent`'s application, on its page `page` ("start", "format",
 * "ledger", "keys" or "cli"; NULL for the first). */
GtkWindow  *kasane_help_window_new           (GtkWindow  *parent,
                                              const char *page);
/* The format reference's description of `member` of `object` (as the loader names them,
 * kasane_dataset_format_members ()), translated; NULL when it has none. */
const char *kasane_help_describe_member      (const char *object,
                                              const char *member);
/* How many members the reference documents. */
guint       kasane_help_n_members            (void);
/* The text of a page as it reads, paragraphs and tables in order, for tests. */
char       *kasane_help_window_get_page_text (GtkWindow  *window,
                                              const char *page);

G_END_DECLS
