/* kasane-clamp.h: a container that keeps its child at most so wide, centred
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KASANE_TYPE_CLAMP (kasane_clamp_get_type ())
G_DECLARE_FINAL_TYPE (KasaneClamp, kasane_clamp, KASANE, CLAMP, GtkWidget)

/* `maximum_width`: pixels, or KASANE_CLAMP_NATURAL for the child's natural width. */
#define KASANE_CLAMP_NATURAL (-1)

GtkWidget *kasane_clamp_new (GtkWidget *child,
                             int        maximum_width);

G_END_DECLS
