/* kasane-widgets-util.h: small widgets that the window and the Ledger view both build
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The longest run of characters a label is left to wrap without a break opportunity. */
#define KASANE_WIDGETS_MAX_UNBROKEN 24

/* `text` with a zero-width space after every KASANE_WIDGETS_MAX_UNBROKEN characters of a
 * run without spaces or wide (CJK) characters, between which Pango breaks lines anyway
 * (skipping tags and entities when `markup`), so that a label can wrap
 * at words (PANGO_WRAP_WORD) and still never be wider than a run that long.  Labels that
 * wrap with PANGO_WRAP_WORD_CHAR instead lay each paragraph out many times over while
 * GTK measures them: 100 notes of 10,000 characters took the Explain view 14 s. */
char      *kasane_widgets_breakable_text     (const char     *text,
                                              gboolean        markup);
/* A left-aligned label that wraps with `wrap_mode`. */
GtkWidget *kasane_widgets_new_wrapping_label (PangoWrapMode   wrap_mode);
/* A file's located errors, one per line, in monospace. */
GtkWidget *kasane_widgets_new_errors_label   (void);
/* A rounded button with a mnemonic `label` that activates `action_name`. */
GtkWidget *kasane_widgets_new_pill_button    (const char     *label,
                                              const char     *action_name,
                                              gboolean        suggested);
/* A page that says why there is nothing to show: a large dim icon, a title, a line of
 * description and what to do (`child`), centred and scrolled when the window is short.
 * Returns the scrolled window; `title_out`, if given, gets the title label. */
GtkWidget *kasane_widgets_new_status_page    (const char     *icon_name,
                                              const char     *title,
                                              const char     *description,
                                              GtkWidget      *child,
                                              GtkLabel      **title_out);

G_END_DECLS
