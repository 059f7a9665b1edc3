#define G_LOG_DOMAIN "kasane-i18n"

#include "config.h"

#include "kasane-i18n.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

/* glibc: bumping this makes gettext forget the translations it looked up, so a change of
 * LANGUAGE takes effect at once. */
extern int _nl_msg_cat_cntr;

static char *system_language_env;   /* LANGUAGE as Kasane found it, or NULL */
static gboolean have_system_language_env;

void
kasane_i18n_init (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "ja", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (!have_system_language_env)
    {
      system_language_env = g_strdup (g_getenv ("LANGUAGE"));
      have_system_language_env = TRUE;
    }
  /* gettext ignores LANGUAGE under the C locale: C.UTF-8 lets it pick a translation. */
  {
    const char *messages = setlocale (LC_MESSAGES, NULL);

    if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
      setlocale (LC_MESSAGES, "C.UTF-8");
  }
  /* Uninstalled (make run, the tests): the catalogues the build folder made. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
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

void
kasane_i18n_override_system_language (const char *lang)
{
  g_return_if_fail (lang != NULL);

  if (!have_system_language_env)
    kasane_i18n_init ();
  g_free (system_language_env);
  system_language_env = g_strdup (lang);
  kasane_i18n_set_language (NULL);
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

void
kasane_i18n_set_language (const char *lang)
{
  if (!have_system_language_env)
    kasane_i18n_init ();

  if (lang == NULL)
    {
      if (system_language_env != NULL)
        g_setenv ("LANGUAGE", system_language_env, TRUE);
      else
        g_unsetenv ("LANGUAGE");
    }
  else
    g_setenv ("LANGUAGE", lang, TRUE);
  _nl_msg_cat_cntr++;
}

/* A locale that is not C, so gettext reads LANGUAGE: C.UTF-8 is always there on Debian. */
static locale_t
lookup_locale (void)
{
  static locale_t locale = (locale_t) 0;

  if (locale == (locale_t) 0)
    locale = newlocale (LC_ALL_MASK, "C.UTF-8", (locale_t) 0);
  return locale;
}

static const char *
lookup (const char *lang,
        const char *msgid,
        const char *msgid_plural,
        gulong      n)
{
  g_autofree char *saved = NULL;
  locale_t previous = (locale_t) 0;
  locale_t locale;
  const char *result;

  if (g_strcmp0 (lang, "ja") != 0)
    return msgid_plural != NULL && n != 1 ? msgid_plural : msgid;
  if (!have_system_language_env)
    kasane_i18n_init ();

  /* Look it up as Japanese, then put the process language back as it was. */
  saved = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", "ja", TRUE);
  _nl_msg_cat_cntr++;
  locale = lookup_locale ();
  if (locale != (locale_t) 0)
    previous = uselocale (locale);

  if (msgid_plural != NULL)
    result = dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  else
    result = dgettext (GETTEXT_PACKAGE, msgid);

  if (locale != (locale_t) 0)
    uselocale (previous);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  _nl_msg_cat_cntr++;
  return result;
}

const char *
kasane_gettext (const char *lang,
                const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, "");
  return lookup (lang, msgid, NULL, 1);
}

const char *
kasane_pgettext (const char *lang,
                 const char *context,
                 const char *msgid)
{
  g_autofree char *key = NULL;
  const char *translated;

  g_return_val_if_fail (context != NULL && msgid != NULL, "");

  if (g_strcmp0 (lang, "ja") != 0)
    return msgid;
  /* gettext keys a message with a context as "CONTEXT\004MSGID". */
  key = g_strconcat (context, "\004", msgid, NULL);
  translated = lookup (lang, key, NULL, 1);
  return translated == key ? msgid : translated;
}

const char *
kasane_ngettext (const char *lang,
                 const char *msgid,
                 const char *msgid_plural,
                 gulong      n)
{
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, "");
  return lookup (lang, msgid, msgid_plural, n);
}
