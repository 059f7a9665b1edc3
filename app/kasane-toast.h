/* kasane-toast.h: short notices over a window's content
 *
 * A toast is a small bar at the bottom centre of a GtkOverlay: a message, an optional
 * button and a close button.  It goes away by itself after a timeout; a newer toast
 * replaces an older one.  It never takes the keyboard focus.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*KasaneToastFunc) (gpointer user_data);

/* Shows `title` (plain text) over `overlay`'s child for `timeout_seconds` (0: until it is
 * closed).  With a `button_label` (mnemonic), `func` is called with `user_data` when the
 * button is pressed; `destroy` frees `user_data` when the toast goes. */
void       kasane_toast_show        (GtkOverlay      *overlay,
                                     const char      *title,
                                     const char      *button_label,
                                     KasaneToastFunc  func,
                                     gpointer         user_data,
                                     GDestroyNotify   destroy,
                                     guint            timeout_seconds);

/* The message of the toast shown over `overlay`, or NULL.  For tests. */
const char *kasane_toast_get_title  (GtkOverlay      *overlay);

G_END_DECLS
