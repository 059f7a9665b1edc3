/* test-session.c: the open documents and the one loader entry point */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kasane-resources.h"
#include "kasane-session.h"
#include "kasane-ledger.h"
#include "kasane-settings.h"

#define GOOD_JSON \
  "{\"format\": \"kasane-dataset/1\", \"id\": \"%s\", \"title\": \"T\",\n" \
  " \"problems\": [{\"id\": \"p\", \"label\": \"P\", \"weight\": 2}],\n" \
  " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\", \"introduces\": [\"p\"]}]}\n"
#define BROKEN_JSON "{\"format\": \"kasane-dataset/1\",\n \"id\": 7}\n"

static char *work;

static char *
write_dataset (const char *name,
               const char *id)
{
  char *path = g_build_filename (work, name, NULL);
  g_autofree char *json = id != NULL ? g_strdup_printf (GOOD_JSON, id) : g_strdup (BROKEN_JSON);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return path;
}

static void
count_changes (KasaneSession  *session,
               KasaneDocument *document,
               guint          *count)
{
  (*count)++;
}

static void
test_bundled (void)
{
  const char * const *uris = kasane_session_get_bundled_uris ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) datasets = kasane_session_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) uris), ==, 2);
  g_assert_cmpuint (datasets->len, ==, 2);
  g_assert_cmpstr (((KasaneDataset *) g_ptr_array_index (datasets, 0))->id, ==, "ai");
  g_assert_cmpstr (((KasaneDataset *) g_ptr_array_index (datasets, 1))->id, ==, "crypto");
  /* Each bundled URI loads through the one entry point too. */
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(KasaneDataset) dataset = kasane_session_load_file (file, diagnostics);

      g_assert_nonnull (dataset);
      g_assert_cmpuint (kasane_diagnostics_get_n_items (diagnostics), ==, 0);
    }
}

/* A path and a GFile for it load the same; a failure is located. */
static void
test_load (void)
{
  g_autofree char *good = write_dataset ("good.json", "good");
  g_autofree char *broken = write_dataset ("broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (good);
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) by_path = kasane_session_load_path (good, diagnostics);
  g_autoptr(KasaneDataset) by_file = kasane_session_load_file (file, diagnostics);
  g_autoptr(KasaneDataset) none = NULL;
  g_autofree char *text = NULL;
  g_autofree char *where = NULL;

  g_assert_cmpstr (by_path->id, ==, "good");
  g_assert_cmpstr (by_file->id, ==, "good");
  none = kasane_session_load_path (broken, diagnostics);
  g_assert_null (none);
  text = kasane_diagnostics_format (diagnostics);
  where = g_strconcat (broken, ":2:8: error: expected a string for \"id\"", NULL);
  g_assert_nonnull (strstr (text, where));
  g_unlink (good);
  g_unlink (broken);
}

/* Load → validate → swap: a reload that fails keeps the last good dataset. */
static void
test_reload (void)
{
  g_autofree char *path = write_dataset ("doc.json", "first");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KasaneSession) session = kasane_session_new ();
  KasaneDocument *document;
  KasaneDataset *first;
  gboolean loaded = FALSE;
  guint changes = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_changes), &changes);
  document = kasane_session_open (session, file, &loaded);
  g_assert_true (loaded);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (document->dataset->id, ==, "first");
  g_assert_null (document->errors);
  first = document->dataset;

  g_free (write_dataset ("doc.json", NULL));
  g_assert_false (kasane_session_reload (session, document));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_true (document->dataset == first);
  g_assert_nonnull (document->errors);
  g_assert_nonnull (strstr (document->errors, "doc.json:2:"));
  g_assert_cmpuint (document->n_errors, >=, 1);

  g_free (write_dataset ("doc.json", "second"));
  g_assert_true (kasane_session_reload (session, document));
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpstr (document->dataset->id, ==, "second");
  g_assert_null (document->errors);
  g_assert_cmpuint (document->n_errors, ==, 0);

  /* Opening it again reloads the same document. */
  g_assert_true (kasane_session_open (session, file, &loaded) == document);
  g_assert_cmpuint (kasane_session_get_documents (session)->len, ==, 1);
  g_unlink (path);
}

/* p (3), q (2) and r (1) open in l1; l2 solves p and eases r; l3 eases q and solves r.
 * Nets +3 and +2: progression. */
#define WHATIF_JSON \
  "{\"format\": \"kasane-dataset/1\", \"id\": \"w\", \"title\": \"W\",\n" \
  " \"problems\": [{\"id\": \"p\", \"label\": \"P\", \"weight\": 3},\n" \
  "              {\"id\": \"q\", \"label\": \"Q\", \"weight\": 2},\n" \
  "              {\"id\": \"r\", \"label\": \"R\", \"weight\": 1}],\n" \
  " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\", \"introduces\": [\"p\", \"q\", \"r\"]},\n" \
  "            {\"id\": \"l2\", \"level\": 2, \"name\": \"L2\", \"%s\": [\"p\"], \"mitigates\": [\"r\"]},\n" \
  "            {\"id\": \"l3\", \"level\": 3, \"name\": \"L3\", \"mitigates\": [\"q\"], \"solves\": [\"r\"]}]}\n"

static KasaneVerdict
verdict_of (KasaneDataset *dataset)
{
  g_autoptr(KasaneLedger) ledger = kasane_ledger_compute (dataset);

  return ledger->verdict;
}

static void
edit_ok (KasaneSession     *session,
         KasaneDocument    *document,
         KasaneChangeKind   kind,
         guint              problem,
         int                layer,
         int                to)
{
  KasaneChange edit = { kind, problem, layer, 0, to, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (kasane_session_edit (session, document, &edit, &error));
  g_assert_no_error (error);
}

/* The what-if editor's model: edits compound and fold, Undo, Redo and Reset step through
 * the states, an edit that does not apply changes nothing, and a reload keeps a what-if
 * that still applies to the new file and says when one no longer does. */
static void
test_whatif (void)
{
  g_autofree char *path = g_build_filename (work, "whatif.json", NULL);
  g_autofree char *json = g_strdup_printf (WHATIF_JSON, "solves");
  g_autoptr(GFile) file = NULL;
  g_autoptr(KasaneSession) session = kasane_session_new ();
  g_autoptr(GError) error = NULL;
  KasaneDocument *document;
  KasaneDataset *original, *before;
  KasaneChange bad;
  guint changes = 0;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  file = g_file_new_for_path (path);
  document = kasane_session_open (session, file, NULL);
  g_signal_connect (session, "changed", G_CALLBACK (count_changes), &changes);
  original = document->dataset;
  g_assert_null (original->whatif);
  g_assert_cmpint (verdict_of (original), ==, KASANE_VERDICT_PROGRESSION);
  g_assert_false (kasane_session_can_undo (document));

  /* Dropping p leaves l2 only easing r from 1, which earns nothing: mixed. */
  edit_ok (session, document, KASANE_CHANGE_DROP, 0, -1, 0);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (document->dataset->whatif_of == original);
  g_assert_cmpuint (document->dataset->whatif->len, ==, 1);
  g_assert_cmpuint (document->dataset->problems->len, ==, 2);
  g_assert_cmpint (verdict_of (document->dataset), ==, KASANE_VERDICT_MIXED);
  /* The file's series and events are shared, not copied. */
  g_assert_true (document->dataset->series == original->series);

  /* Dropped again, it is back: no change left, the file's data. */
  edit_ok (session, document, KASANE_CHANGE_DROP, 0, -1, 0);
  g_assert_true (document->dataset == original);
  g_assert_true (kasane_session_undo (session, document));
  g_assert_cmpint (verdict_of (document->dataset), ==, KASANE_VERDICT_MIXED);
  g_assert_true (kasane_session_redo (session, document));
  g_assert_true (document->dataset == original);
  g_assert_false (kasane_session_can_redo (document));

  /* A weight set twice is one change, from the file's weight to the last one. */
  edit_ok (session, document, KASANE_CHANGE_WEIGHT, 1, -1, 4);
  edit_ok (session, document, KASANE_CHANGE_WEIGHT, 1, -1, 5);
  g_assert_cmpuint (document->dataset->whatif->len, ==, 1);
  g_assert_cmpint (g_array_index (document->dataset->whatif, KasaneChange, 0).from, ==, 2);
  g_assert_cmpint (g_array_index (document->dataset->whatif, KasaneChange, 0).to, ==, 5);
  g_assert_cmpint (((KasaneProblem *) g_ptr_array_index (document->dataset->problems, 1))->weight,
                   ==, 5);

  /* l2 solving r would leave l3 solving a problem that is no longer open. */
  before = document->dataset;
  changes = 0;
  bad = (KasaneChange) { KASANE_CHANGE_MITIGATES_TO_SOLVES, 2, 1, 0, 0, 0 };
  g_assert_false (kasane_session_edit (session, document, &bad, &error));
  g_assert_error (error, KASANE_WHATIF_ERROR, KASANE_WHATIF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (document->dataset == before);
  g_assert_cmpuint (changes, ==, 0);

  /* l2 only easing p still nets +1; then dropping p compounds: mixed. */
  edit_ok (session, document, KASANE_CHANGE_SOLVES_TO_MITIGATES, 0, 1, 0);
  g_assert_cmpint (verdict_of (document->dataset), ==, KASANE_VERDICT_PROGRESSION);
  edit_ok (session, document, KASANE_CHANGE_DROP, 0, -1, 0);
  g_assert_cmpuint (document->dataset->whatif->len, ==, 3);
  g_assert_cmpint (verdict_of (document->dataset), ==, KASANE_VERDICT_MIXED);

  /* A dropped problem's weight cannot be set. */
  bad = (KasaneChange) { KASANE_CHANGE_WEIGHT, 0, -1, 0, 2, 0 };
  g_assert_false (kasane_session_edit (session, document, &bad, &error));
  g_assert_error (error, KASANE_WHATIF_ERROR, KASANE_WHATIF_ERROR_NOT_APPLICABLE);
  g_clear_error (&error);

  /* Reset is a step of its own. */
  kasane_session_reset (session, document);
  g_assert_true (document->dataset == original);
  g_assert_true (kasane_session_undo (session, document));
  g_assert_cmpuint (document->dataset->whatif->len, ==, 3);

  /* The file saved again as it was: the what-if survives, with one step to undo. */
  g_assert_true (kasane_session_reload (session, document));
  g_assert_false (document->whatif_lost);
  g_assert_nonnull (document->dataset->whatif);
  g_assert_cmpuint (document->dataset->whatif->len, ==, 3);
  g_assert_true (document->dataset->whatif_of != original);
  g_assert_true (kasane_session_can_undo (document));
  g_assert_false (kasane_session_can_redo (document));

  /* Now l2 worsens p in the file: "l2 solves p -> mitigates" no longer applies. */
  g_free (json);
  json = g_strdup_printf (WHATIF_JSON, "worsens");
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_true (kasane_session_reload (session, document));
  g_assert_true (document->whatif_lost);
  g_assert_null (document->dataset->whatif);
  g_assert_false (kasane_session_can_undo (document));
  g_unlink (path);
}

/* Two names for one file are one document. */
static void
test_identity (void)
{
  g_autofree char *path = write_dataset ("real.json", "real");
  g_autofree char *alias = g_build_filename (work, "alias.json", NULL);
  g_autofree char *hard = g_build_filename (work, "hard.json", NULL);
  g_autofree char *other = write_dataset ("other.json", "other");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) alias_file = g_file_new_for_path (alias);
  g_autoptr(GFile) hard_file = g_file_new_for_path (hard);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(KasaneSession) session = kasane_session_new ();
  KasaneDocument *document;

  g_assert_cmpint (symlink ("real.json", alias), ==, 0);
  g_assert_cmpint (link (path, hard), ==, 0);
  document = kasane_session_open (session, file, NULL);
  g_assert_true (kasane_session_find (session, alias_file) == document);
  g_assert_true (kasane_session_open (session, alias_file, NULL) == document);
  g_assert_true (kasane_session_open (session, hard_file, NULL) == document);
  g_assert_true (kasane_session_open (session, other_file, NULL) != document);
  g_assert_cmpuint (kasane_session_get_documents (session)->len, ==, 2);

  kasane_session_remove (session, document);
  g_assert_null (kasane_session_find (session, file));
  g_assert_cmpuint (kasane_session_get_documents (session)->len, ==, 1);
  g_unlink (alias);
  g_unlink (hard);
  g_unlink (path);
  g_unlink (other);
}

/* The swap on its own, as a background loader would use it. */
static void
test_apply (void)
{
  g_autofree char *path = write_dataset ("applied.json", "before");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KasaneSession) session = kasane_session_new ();
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) loaded = NULL;
  KasaneDocument *document = kasane_session_open (session, file, NULL);
  KasaneDocument *memory;

  g_free (write_dataset ("applied.json", "after"));
  loaded = kasane_session_load_file (file, diagnostics);
  /* Loaded, not yet applied: the document still shows the old version. */
  g_assert_cmpstr (document->dataset->id, ==, "before");
  g_assert_true (kasane_session_apply (session, document, loaded, diagnostics));
  g_assert_true (document->dataset == loaded);

  memory = kasane_session_add_dataset (session, loaded, "in memory");
  g_assert_null (memory->uri);
  g_assert_cmpstr (memory->name, ==, "in memory");
  /* Nothing to reload from: it keeps its dataset. */
  g_assert_true (kasane_session_reload (session, memory));
  g_unlink (path);
}

/* A file name that is not UTF-8 is shown as UTF-8 (Pango warns on anything else). */
static void
test_display_name (void)
{
  g_autofree char *path = write_dataset ("caf\351.json", "latin1");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KasaneSession) session = kasane_session_new ();
  KasaneDocument *document = kasane_session_open (session, file, NULL);

  g_assert_nonnull (document->dataset);
  g_assert_true (g_utf8_validate (document->name, -1, NULL));
  g_assert_true (g_str_has_prefix (document->name, "caf"));
  g_unlink (path);
}

/* Without an installed schema the settings live in memory, in one store for the whole
 * run: a style set through one GSettings (the application's action) is seen through
 * another (a window's).  Before, each had a store of its own. */
static void
test_settings_without_schema (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) app = NULL;
      g_autoptr(GSettings) window = NULL;
      g_autofree char *theme = NULL;

      g_unsetenv ("GSETTINGS_SCHEMA_DIR");
      g_setenv ("XDG_DATA_DIRS", work, TRUE);
      g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*settings are kept in memory*");
      app = kasane_settings_new ();
      g_test_assert_expected_messages ();
      window = kasane_settings_new ();
      g_settings_set_string (app, "theme", "contrast");
      theme = g_settings_get_string (window, "theme");
      g_assert_cmpstr (theme, ==, "contrast");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The bundle is in a static library: referring to it links it in and registers it. */
  g_assert_nonnull (kasane_get_resource ());
  work = g_dir_make_tmp ("kasane-test-session-XXXXXX", NULL);
  g_assert_nonnull (work);

  g_test_add_func ("/session/bundled", test_bundled);
  g_test_add_func ("/session/load", test_load);
  g_test_add_func ("/session/reload", test_reload);
  g_test_add_func ("/session/identity", test_identity);
  g_test_add_func ("/session/apply", test_apply);
  g_test_add_func ("/session/whatif", test_whatif);
  g_test_add_func ("/session/display-name", test_display_name);
  g_test_add_func ("/session/settings-without-schema", test_settings_without_schema);

  status = g_test_run ();
  g_rmdir (work);
  return status;
}
