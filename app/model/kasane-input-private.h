/* kasane-input-private.h: a test hook into the bounded reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kasane-input.h"

G_BEGIN_DECLS

/* Called with the path just after it is opened and before its descriptor is checked
 * (tests swap the file for a FIFO there, to show the check is on what was opened). */
typedef void (*KasaneInputOpenedHook) (const char *path,
                                       gpointer    user_data);

void kasane_input_set_opened_hook (KasaneInputOpenedHook hook,
                                   gpointer              user_data);

G_END_DECLS
