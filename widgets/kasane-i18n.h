/* kasane-i18n.h: translations for a chosen language, whatever the process locale
 *
 * A picture's language is a parameter (an export with --lang=ja from an English session,
 * a window switched to 日本語 at run time), so lookups name their language.  English is
 * the msgid itself; Japanese comes from the message catalogue, so ja.po is the one place
 * every translation lives; its compiled catalogue is read directly (kasane-catalog.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder of the compiled catalogues: the installed one, or the build folder's when
 * Kasane runs uninstalled. */
const char *kasane_i18n_locale_dir       (void);

/* "ja" or "en": the language the desktop asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
const char *kasane_i18n_system_language  (void);

/* "ja" or "en" for a setting of "system", "en" or "ja" (anything else reads as "system"). */
const char *kasane_i18n_resolve_language (const char *setting);

/* The translation of `msgid` in `lang`, whatever the process language, from any thread:
 * no global state is touched (the chrome's process language is kasane-language.c's). */
const char *kasane_gettext               (const char *lang,
                                          const char *msgid) G_GNUC_FORMAT (2);
/* With a message context, as C_() and NC_() mark them. */
const char *kasane_pgettext              (const char *lang,
                                          const char *context,
                                          const char *msgid) G_GNUC_FORMAT (3);
const char *kasane_ngettext              (const char *lang,
                                          const char *msgid,
                                          const char *msgid_plural,
                                          gulong      n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

G_END_DECLS
