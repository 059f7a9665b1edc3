/* kasane-i18n.c: translations for a chosen language, whatever the process locale
 *
 * Charts, exports and (later) slides are drawn in a language of their own, from any
 * thread: their messages come from the compiled catalogue of that language, read once by
 * kasane-catalog.c, with no gettext call, no global state and no environment change.
 * The chrome (menus, .ui templates) translates through gettext in the process language,
 * which only app/ changes (kasane-language.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-i18n"

#include "config.h"

#include "kasane-i18n.h"

#include <string.h>

#include "kasane-catalog.h"

/* Where the catalogues are: installed, or (make run, the tests) the build folder's. */
const char *
kasane_i18n_locale_dir (void)
{
  static const char *dir;

  if (g_once_init_enter (&dir))
    {
      g_autofree char *installed = g_build_filename (LOCALEDIR, "ja", "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);

      g_once_init_leave (&dir, g_file_test (installed, G_FILE_TEST_EXISTS)
                                              ? LOCALEDIR : BUILD_LOCALEDIR);
    }
  return dir;
}

/* Japanese is the one translation: its catalogue, loaded on first use, or NULL (with one
 * warning) when it is missing or damaged, and then the English text is shown. */
static const KasaneCatalog *
japanese (void)
{
  static gsize catalog;     /* a KasaneCatalog *, or 1 when it could not be read */

  if (g_once_init_enter (&catalog))
    {
      g_autofree char *path = g_build_filename (kasane_i18n_locale_dir (), "ja",
                                                "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      g_autoptr(GError) error = NULL;
      KasaneCatalog *loaded = kasane_catalog_new_from_file (path, &error);

      if (loaded == NULL)
        g_warning ("Japanese text is shown in English: %s", error->message);
      g_once_init_leave (&catalog, loaded != NULL ? (gsize) loaded : 1);
    }
  return catalog != 1 ? (const KasaneCatalog *) catalog : NULL;
}

static const char *
language_of (const char *name)
{
  if (name == NULL)
    return NULL;
  if (g_str_has_prefix (name, "ja"))
    return "ja";
  if (g_str_has_prefix (name, "en") || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0)
    return "en";
  return NULL;
}

const char *
kasane_i18n_system_language (void)
{
  const char * const *names = g_get_language_names ();

  /* The first language the desktop names that Kasane speaks. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *lang = language_of (names[i]);

      if (lang != NULL)
        return lang;
    }
  return "en";
}

const char *
kasane_i18n_resolve_language (const char *setting)
{
  if (g_strcmp0 (setting, "ja") == 0)
    return "ja";
  if (g_strcmp0 (setting, "en") == 0)
    return "en";
  return kasane_i18n_system_language ();
}

static const char *
lookup (const char *lang,
        const char *context,
        const char *msgid,
        const char *msgid_plural,
        gulong      n)
{
  const KasaneCatalog *catalog = g_strcmp0 (lang, "ja") == 0 ? japanese () : NULL;
  const char *translated = NULL;

  if (catalog != NULL)
    translated = kasane_catalog_lookup (catalog, context, msgid, msgid_plural, n);
  if (translated != NULL)
    return translated;
  return msgid_plural != NULL && n != 1 ? msgid_plural : msgid;
}

const char *
kasane_gettext (const char *lang,
                const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, "");
  return lookup (lang, NULL, msgid, NULL, 1);
}

const char *
kasane_pgettext (const char *lang,
                 const char *context,
                 const char *msgid)
{
  g_return_val_if_fail (context != NULL && msgid != NULL, "");
  return lookup (lang, context, msgid, NULL, 1);
}

const char *
kasane_ngettext (const char *lang,
                 const char *msgid,
                 const char *msgid_plural,
                 gulong      n)
{
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, "");
  return lookup (lang, NULL, msgid, msgid_plural, n);
}
