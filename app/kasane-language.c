/* kasane-language.c: the process language, which the chrome translates in
 *
 * The chrome's menus, tooltips and .ui templates translate through gettext, which reads
 * the process language from LANGUAGE.  Changing it is a change of the environment, so it
 * happens here only, on the main thread, when no other thread can be reading the
 * environment; gettext is then told to forget what it looked up by setting LC_MESSAGES
 * anew (public API: glibc drops its cache of translations on every change of locale).
 * Charts and exports never depend on it: kasane-i18n.c reads their language's catalogue
 * directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-language"

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "kasane-language.h"
#include "kasane-i18n.h"
#include "kasane-render.h"

static GThread *main_thread;
static char *system_language;     /* LANGUAGE as Kasane found it, or NULL */

void
kasane_language_init (void)
{
  const char *messages;

  if (main_thread != NULL)
    return;
  main_thread = g_thread_self ();
  system_language = g_strdup (g_getenv ("LANGUAGE"));
  /* gettext ignores LANGUAGE under the C locale: C.UTF-8 lets it pick a translation. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, kasane_i18n_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

void
kasane_language_override_system (const char *lang)
{
  g_return_if_fail (lang != NULL);

  kasane_language_init ();
  g_free (system_language);
  system_language = g_strdup (lang);
  kasane_language_apply (NULL);
}

void
kasane_language_apply (const char *lang)
{
  const char *wanted;
  g_autofree char *messages = NULL;

  kasane_language_init ();
  g_return_if_fail (g_thread_self () == main_thread);

  wanted = lang != NULL ? lang : system_language;
  if (g_strcmp0 (wanted, g_getenv ("LANGUAGE")) == 0)
    return;

  /* The fonts load on another thread at start-up, and fontconfig reads the environment. */
  kasane_render_warm_up_join ();
  if (wanted != NULL)
    g_setenv ("LANGUAGE", wanted, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* glibc keeps the translations it looked up until the locale changes: change
   * LC_MESSAGES away and back, so the next lookup reads the new language. */
  messages = g_strdup (setlocale (LC_MESSAGES, NULL));
  setlocale (LC_MESSAGES, strcmp (messages, "C") == 0 ? "C.UTF-8" : "C");
  setlocale (LC_MESSAGES, messages);
}
