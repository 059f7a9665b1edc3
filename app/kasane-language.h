/* kasane-language.h: the process language, which the chrome translates in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the text domain to the installed catalogues (or the build folder's) and lets
 * LANGUAGE pick a translation even under the C locale.  Call first, on the main thread. */
void kasane_language_init            (void);
/* What "system" means for the rest of the run: `lang` ("en" or "ja"), as if the desktop
 * asked for it (--lang). */
void kasane_language_override_system (const char *lang);
/* Makes `lang` ("en", "ja", or NULL for the desktop's own) the language every later
 * gettext lookup of the chrome uses.  Main thread only; it changes the environment, so
 * it first waits for the font warm-up thread, the one other thread that reads it. */
void kasane_language_apply           (const char *lang);

G_END_DECLS
