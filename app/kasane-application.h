/* kasane-application.h: the Kasane desktop application
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KASANE_TYPE_APPLICATION (kasane_application_get_type ())
G_DECLARE_FINAL_TYPE (KasaneApplication, kasane_application, KASANE, APPLICATION, GtkApplication)

KasaneApplication *kasane_application_new          (void);
GSettings         *kasane_application_get_settings (KasaneApplication *self);
/* The keys the application gives `action` ("win.reload"), NULL-terminated, or NULL. */
const char * const *kasane_application_get_accels (const char *action);
/* The help window (F1, app.help) while it is open, or NULL. */
GtkWindow         *kasane_application_get_help_window (KasaneApplication *self);

/* The resource URIs of the bundled datasets, NULL-terminated. */

G_END_DECLS
