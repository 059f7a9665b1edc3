/* kasane-widgets-util.h: small widgets that the window and the Ledger view both build
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

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
