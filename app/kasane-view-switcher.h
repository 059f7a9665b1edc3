/* kasane-view-switcher.h: the header bar's view switcher, labelled when it fits
 *
 * A GtkStackSwitcher for the window's views that shows the views' titles while the header
 * bar has room for them and their icons (titles as tooltips) when it has not, so the
 * window can be made narrow.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KASANE_TYPE_VIEW_SWITCHER (kasane_view_switcher_get_type ())
G_DECLARE_FINAL_TYPE (KasaneViewSwitcher, kasane_view_switcher, KASANE, VIEW_SWITCHER, GtkWidget)

void      kasane_view_switcher_set_stack      (KasaneViewSwitcher *self,
                                               GtkStack           *stack);
GtkStack *kasane_view_switcher_get_stack      (KasaneViewSwitcher *self);
/* TRUE while it shows icons instead of titles. */
gboolean  kasane_view_switcher_get_compact    (KasaneViewSwitcher *self);

G_END_DECLS
