/* test-i18n.c: translations in a named language from any thread, and the catalogue reader
 *
 * Charts and exports look their messages up in a language of their own while the chrome's
 * process language changes on the main thread: every lookup must return the right string,
 * from every thread, at every moment.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kasane-catalog.h"
#include "kasane-i18n.h"
#include "kasane-language.h"

#define N_THREADS    8
#define N_LOOKUPS    20000
#define N_SWITCHES   400

typedef struct
{
  const char *lang;
  const char *context;
  const char *msgid;
  const char *msgid_plural;
  gulong      n;
  const char *expected;
} Lookup;

static const Lookup lookups[] = {
  { "ja", NULL, "The last reload failed; the previous version is shown", NULL, 1,
    "前回の再読み込みに失敗しました。以前の版を表示しています" },
  { "en", NULL, "The last reload failed; the previous version is shown", NULL, 1,
    "The last reload failed; the previous version is shown" },
  { "ja", "verdict", "Progression", NULL, 1, "能力の進展" },
  { "en", "verdict", "Progression", NULL, 1, "Progression" },
  { "ja", NULL, "Could not load “%1$s”: %2$u error", "Could not load “%1$s”: %2$u errors", 1,
    "“%1$s” を読み込めませんでした：エラー %2$u 件" },
  { "ja", NULL, "Could not load “%1$s”: %2$u error", "Could not load “%1$s”: %2$u errors", 7,
    "“%1$s” を読み込めませんでした：エラー %2$u 件" },
  { "en", NULL, "Could not load “%1$s”: %2$u error", "Could not load “%1$s”: %2$u errors", 1,
    "Could not load “%1$s”: %2$u error" },
  { "en", NULL, "Could not load “%1$s”: %2$u error", "Could not load “%1$s”: %2$u errors", 7,
    "Could not load “%1$s”: %2$u errors" },
  /* No translation: the English text, in either language. */
  { "ja", NULL, "A message Kasane never had", NULL, 1, "A message Kasane never had" },
};

static const char *
look_up (const Lookup *lookup)
{
  if (lookup->msgid_plural != NULL)
    return kasane_ngettext (lookup->lang, lookup->msgid, lookup->msgid_plural, lookup->n);
  if (lookup->context != NULL)
    return kasane_pgettext (lookup->lang, lookup->context, lookup->msgid);
  return kasane_gettext (lookup->lang, lookup->msgid);
}

static void
test_lookups (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    g_assert_cmpstr (look_up (&lookups[i]), ==, lookups[i].expected);
}

static gpointer
lookup_thread (gpointer data)
{
  guint *wrong = data;

  for (guint i = 0; i < N_LOOKUPS; i++)
    {
      const Lookup *lookup = &lookups[i % G_N_ELEMENTS (lookups)];

      if (g_strcmp0 (look_up (lookup), lookup->expected) != 0)
        g_atomic_int_inc (wrong);
    }
  return NULL;
}

/* Eight threads look up while the main thread switches the chrome between Japanese and
 * English, checking the chrome's own gettext after each switch. */
static void
test_threads (void)
{
  const char *msgid = "The last reload failed; the previous version is shown";
  GThread *threads[N_THREADS];
  guint wrong = 0;

  for (guint t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("lookup", lookup_thread, &wrong);

  for (guint i = 0; i < N_SWITCHES; i++)
    {
      gboolean ja = i % 2 == 0;

      kasane_language_apply (ja ? "ja" : "en");
      g_assert_cmpstr (_(msgid), ==, ja ? lookups[0].expected : msgid);
    }

  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);
  g_assert_cmpuint (wrong, ==, 0);
  kasane_language_apply (NULL);
}

static void
test_plural_rules (void)
{
  static const struct { const char *rule; gulong n; gulong form; } cases[] = {
    { "0", 5, 0 },
    { "n != 1", 0, 1 }, { "n != 1", 1, 0 }, { "n != 1", 2, 1 },
    { "n>1", 1, 0 }, { "n>1", 2, 1 },
    /* Three forms, as Polish has them. */
    { "n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 1, 0 },
    { "n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 3, 1 },
    { "n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 12, 2 },
    { "n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 22, 1 },
    { "n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 25, 2 },
    { "(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);", 21, 0 },
    { "!(n <= 3) + 2 * (n - 1) / 2", 5, 5 },
    { "n / 0", 4, 0 },
  };
  static const char *broken[] = { "", "n +", "(n", "n ? 1", "n = 1", "m", "n ! 1" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KasanePluralRule) rule = kasane_plural_rule_new (cases[i].rule, &error);

      g_assert_no_error (error);
      g_test_message ("%s, n = %lu", cases[i].rule, cases[i].n);
      g_assert_cmpuint (kasane_plural_rule_eval (rule, cases[i].n), ==, cases[i].form);
    }
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (kasane_plural_rule_new (broken[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
  /* Hostile depth and length are refused, not recursed into. */
  {
    g_autoptr(GString) deep = g_string_new (NULL);
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '(');
    g_assert_null (kasane_plural_rule_new (deep->str, &error));
    g_clear_error (&error);
    g_string_truncate (deep, 0);
    for (guint i = 0; i < 100000; i++)
      g_string_append (deep, "n+");
    g_string_append_c (deep, 'n');
    g_assert_null (kasane_plural_rule_new (deep->str, &error));
    g_clear_error (&error);
    g_string_truncate (deep, 0);
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '!');
    g_string_append_c (deep, 'n');
    g_assert_null (kasane_plural_rule_new (deep->str, &error));
  }
}

static char *
japanese_catalogue (gsize *length)
{
  g_autofree char *path = g_build_filename (kasane_i18n_locale_dir (), "ja", "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
}

static void
assert_refused (const char *data,
                gsize       length)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("kasane-test-XXXXXX.mo", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
  g_assert_null (kasane_catalog_new_from_file (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_unlink (path);
}

static void
put_word (char    *data,
          gsize    offset,
          guint32  value)
{
  memcpy (data + offset, &value, 4);
}

/* A damaged catalogue is an error, never a crash. */
static void
test_corrupt_catalogues (void)
{
  gsize length;
  g_autofree char *good = japanese_catalogue (&length);
  g_autofree char *copy = NULL;
  guint32 originals;

  /* The real one reads. */
  {
    g_autofree char *path = g_build_filename (kasane_i18n_locale_dir (), "ja", "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(KasaneCatalog) catalog = kasane_catalog_new_from_file (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kasane_catalog_lookup (catalog, "verdict", "Progression", NULL, 1), ==,
                     "能力の進展");
    g_assert_null (kasane_catalog_lookup (catalog, NULL, "A message Kasane never had", NULL, 1));
  }

  /* Truncated anywhere. */
  assert_refused (good, 0);
  assert_refused (good, 10);
  assert_refused (good, 100);
  assert_refused (good, length / 2);
  assert_refused (good, length - 1);

  /* Not a catalogue. */
  copy = g_memdup2 (good, length);
  put_word (copy, 0, 0x12345678);
  assert_refused (copy, length);

  /* More messages than the tables hold. */
  memcpy (copy, good, length);
  put_word (copy, 8, 0x7fffffff);
  assert_refused (copy, length);

  /* A table out of the file; a string out of the file. */
  memcpy (copy, good, length);
  put_word (copy, 12, (guint32) length);
  assert_refused (copy, length);
  memcpy (copy, good, length);
  memcpy (&originals, good + 12, 4);
  put_word (copy, originals + 4, (guint32) length - 2);
  assert_refused (copy, length);

  /* Out of order: the first two originals swapped. */
  memcpy (copy, good, length);
  memcpy (copy + originals, good + originals + 8, 8);
  memcpy (copy + originals + 8, good + originals, 8);
  assert_refused (copy, length);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kasane_language_init ();

  g_test_add_func ("/i18n/lookups", test_lookups);
  g_test_add_func ("/i18n/threads", test_threads);
  g_test_add_func ("/i18n/plural-rules", test_plural_rules);
  g_test_add_func ("/i18n/corrupt-catalogues", test_corrupt_catalogues);

  return g_test_run ();
}
