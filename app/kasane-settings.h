/* kasane-settings.h: Kasane's settings, even where the schema is not installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *kasane_settings_new (void);

G_END_DECLS
