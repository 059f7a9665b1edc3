/* test-window.c: the main window and the application, under Xvfb
 *
 * Datasets are built in code, read from a temporary folder and from the bundled resource;
 * the ledger table, the verdict, the error panel that keeps the last good dataset, and
 * the accessible roles and names are checked through kasane-window-private.h.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kasane-application.h"
#include "kasane-cli.h"
#include "kasane-help.h"
#include "kasane-language.h"
#include "kasane-loader.h"
#include "kasane-session.h"
#include "kasane-zoom.h"
#include "kasane-window.h"
#include "kasane-trend-view.h"
#include "kasane-window-private.h"
#include "kasane-diagram-view.h"
#include "kasane-diagram-view-private.h"
#include "kasane-diagram-private.h"
#include "kasane-trend-view-private.h"
#include "kasane-trend-private.h"
#include "kasane-slide-view.h"
#include "kasane-test-util.h"
#include "kasane-toast.h"
#include "kasane-clamp.h"
#include "kasane-view-switcher.h"
#include "kasane-export.h"
#include "kasane-ledger.h"
#include "kasane-robustness.h"
#include "kasane-ledger-editor.h"

#define MINUS "\xe2\x88\x92"

/* Helpers */

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  /* Dataset text in English whatever the test machine's locale. */
  g_settings_set_string (settings, "language", "en");
  g_settings_sync ();
}

static KasaneWindow *
create_window (void)
{
  KasaneWindow *window = kasane_window_new (NULL);

  /* Keep a reference of our own, so that the window can be checked for leaks. */
  g_object_ref_sink (window);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  kasane_test_wait_idle ();
  return window;
}

/* A window, with fresh settings, showing the bundled datasets (the last one selected). */
static KasaneWindow *
create_window_with_bundled (void)
{
  const char * const *uris = kasane_session_get_bundled_uris ();
  KasaneWindow *window;

  reset_settings ();
  window = create_window ();
  for (guint i = 0; uris[i] != NULL; i++)
    g_assert_true (kasane_window_open_uri (window, uris[i]));
  kasane_test_wait_idle ();
  return window;
}

static void
destroy_window (KasaneWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  kasane_test_wait_idle ();
  g_object_unref (window);
  g_assert_finalize_object (window);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Datasets built in code */

typedef struct
{
  const char *id;
  const char *label;
  int         weight;
} TestProblem;

typedef struct
{
  const char *id;
  int         level;
  const char *name;
  const char *effects[KASANE_N_EFFECTS][3];   /* problem ids, NULL-ended */
} TestLayer;

static KasaneDataset *
build_dataset (const char        *id,
               const char        *title,
               KasaneClaim        claim,
               const TestProblem *problems,
               guint              n_problems,
               const TestLayer   *layers,
               guint              n_layers)
{
  KasaneDataset *dataset = kasane_dataset_new ();

  dataset->id = g_strdup (id);
  dataset->title.en = g_strdup (title);
  dataset->claim = claim;
  for (guint i = 0; i < n_problems; i++)
    {
      KasaneProblem *problem = kasane_problem_new ();

      problem->id = g_strdup (problems[i].id);
      problem->label.en = g_strdup (problems[i].label);
      problem->weight = problems[i].weight;
      g_ptr_array_add (dataset->problems, problem);
    }
  for (guint i = 0; i < n_layers; i++)
    {
      KasaneLayer *layer = kasane_layer_new ();

      layer->id = g_strdup (layers[i].id);
      layer->level = layers[i].level;
      layer->name.en = g_strdup (layers[i].name);
      for (guint effect = 0; effect < KASANE_N_EFFECTS; effect++)
        for (guint k = 0; k < 3 && layers[i].effects[effect][k] != NULL; k++)
          {
            int index = kasane_dataset_find_problem (dataset, layers[i].effects[effect][k]);

            g_assert_cmpint (index, >=, 0);
            g_array_append_val (layer->effects[effect], index);
          }
      g_ptr_array_add (dataset->layers, layer);
    }
  kasane_dataset_sort (dataset);
  return dataset;
}

static const TestProblem crypto_problems[] = {
  { "fees", "High gas fees", 3 },
  { "throughput", "Low throughput", 3 },
  { "liquidity", "Split liquidity", 3 },
  { "few-apps", "Few applications", 2 },
  { "fragmented-ux", "Fragmented user experience", 3 },
};

/* Listed out of order on purpose: the window must show them by level. */
static const TestLayer crypto_layers[] = {
  { "l2", 2, "Rollups", {
      [KASANE_EFFECT_INTRODUCES] = { "liquidity", "few-apps" },
      [KASANE_EFFECT_SOLVES] = { "fees" },
      [KASANE_EFFECT_MITIGATES] = { "throughput" } } },
  { "l1", 1, "Public chains", {
      [KASANE_EFFECT_INTRODUCES] = { "fees", "throughput" } } },
  { "l3", 3, "App-specific chains", {
      [KASANE_EFFECT_INTRODUCES] = { "fragmented-ux" },
      [KASANE_EFFECT_MITIGATES] = { "few-apps" },
      [KASANE_EFFECT_WORSENS] = { "liquidity" } } },
};

static KasaneDataset *
build_crypto (KasaneClaim claim)
{
  return build_dataset ("crypto", "Ethereum scaling layers", claim,
                        crypto_problems, G_N_ELEMENTS (crypto_problems),
                        crypto_layers, G_N_ELEMENTS (crypto_layers));
}

static KasaneDataset *
build_single_layer (void)
{
  static const TestProblem problems[] = { { "slow", "Slow", 2 } };
  static const TestLayer layers[] = {
    { "base", 1, "Base", { [KASANE_EFFECT_INTRODUCES] = { "slow" } } },
  };

  return build_dataset ("single", "One layer only", KASANE_CLAIM_PROGRESSION,
                        problems, G_N_ELEMENTS (problems), layers, G_N_ELEMENTS (layers));
}

static void
assert_ledger_row (KasaneWindow *window,
                   int           layer,
                   const char   *name,
                   const char   *credit,
                   const char   *debit,
                   const char   *net,
                   const char   *open_load)
{
  g_assert_cmpstr (kasane_window_get_ledger_text (window, layer, KASANE_LEDGER_COLUMN_LAYER),
                   ==, name);
  g_assert_cmpstr (kasane_window_get_ledger_text (window, layer, KASANE_LEDGER_COLUMN_CREDIT),
                   ==, credit);
  g_assert_cmpstr (kasane_window_get_ledger_text (window, layer, KASANE_LEDGER_COLUMN_DEBIT),
                   ==, debit);
  g_assert_cmpstr (kasane_window_get_ledger_text (window, layer, KASANE_LEDGER_COLUMN_NET),
                   ==, net);
  g_assert_cmpstr (kasane_window_get_ledger_text (window, layer,
                                                  KASANE_LEDGER_COLUMN_OPEN_LOAD),
                   ==, open_load);
}

/* Tests */

static void
test_window_empty (void)
{
  KasaneWindow *window;
  GtkWidget *menu_button;
  GtkWidget *status_page;

  reset_settings ();
  window = create_window ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 0);
  g_assert_cmpint (kasane_window_get_selected_index (window), ==, -1);
  g_assert_cmpstr (kasane_window_get_page_name (window), ==, "empty");
  g_assert_null (kasane_window_get_shown_dataset (window));

  status_page = find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "status-page");
  g_assert_nonnull (status_page);
  g_assert_true (gtk_widget_is_visible (status_page));
  /* With nothing open there are no views to switch between. */
  g_assert_false (gtk_widget_is_visible (find_widget (GTK_WIDGET (window), KASANE_TYPE_VIEW_SWITCHER,
                                                      NULL)));

  /* Icon-only buttons carry a name for assistive technologies and a tooltip. */
  menu_button = find_widget (gtk_window_get_titlebar (GTK_WINDOW (window)),
                             GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (menu_button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kasane_window_get_sidebar (window)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Open Datasets");

  destroy_window (window);
}

static void
test_window_ledger (void)
{
  g_autoptr(KasaneDataset) crypto = build_crypto (KASANE_CLAIM_MIGRATION);
  g_autoptr(KasaneDataset) differs = build_crypto (KASANE_CLAIM_PROGRESSION);
  g_autoptr(KasaneDataset) single = build_single_layer ();
  KasaneWindow *window;
  GtkGrid *grid;
  GtkWidget *cell;

  reset_settings ();
  window = create_window ();

  kasane_window_add_dataset (window, crypto, "crypto.json");
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 1);
  g_assert_cmpuint (count_rows (kasane_window_get_sidebar (window)), ==, 1);
  g_assert_cmpint (kasane_window_get_selected_index (window), ==, 0);
  g_assert_cmpstr (kasane_window_get_page_name (window), ==, "dataset");
  g_assert_true (kasane_window_get_shown_dataset (window) == crypto);
  g_assert_false (kasane_window_get_row_failed (window, 0));

  /* The numbers of DESIGN.md's --summary example, by level. */
  g_assert_cmpstr (kasane_window_get_ledger_text (window, -1, KASANE_LEDGER_COLUMN_CREDIT),
                   ==, "Credit");
  assert_ledger_row (window, 0, "Public chains", "0", "6", MINUS "6", "6");
  assert_ledger_row (window, 1, "Rollups", "4", "5", MINUS "1", "7");
  assert_ledger_row (window, 2, "App-specific chains", "1", "4", MINUS "3", "10");
  g_assert_null (kasane_window_get_ledger_cell (window, 3, KASANE_LEDGER_COLUMN_LAYER));
  g_assert_cmpstr (kasane_window_get_ledger_text (window, 0, KASANE_LEDGER_COLUMN_INTRODUCES),
                   ==, "High gas fees\nLow throughput");
  g_assert_cmpstr (kasane_window_get_ledger_text (window, 1, KASANE_LEDGER_COLUMN_SOLVES),
                   ==, "High gas fees");
  g_assert_cmpstr (kasane_window_get_ledger_text (window, 2, KASANE_LEDGER_COLUMN_WORSENS),
                   ==, "Split liquidity");
  g_assert_cmpstr (kasane_window_get_verdict_text (window), ==,
                   "Verdict: Migration · Claim: Migration (agrees)");

  /* Numbers are right-aligned in tabular figures. */
  cell = kasane_window_get_ledger_cell (window, 1, KASANE_LEDGER_COLUMN_NET);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (cell)), ==, 1.0);
  g_assert_true (gtk_widget_has_css_class (cell, "numeric"));

  /* Accessibility: a table with a name, headers and cells, and the verdict in words. */
  grid = kasane_window_get_ledger_grid (window);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_ROLE_TABLE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Problem ledger of Ethereum scaling layers");
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (grid),
                                       GTK_ACCESSIBLE_RELATION_ROW_COUNT, 4);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (grid),
                                       GTK_ACCESSIBLE_RELATION_COL_COUNT,
                                       KASANE_LEDGER_N_COLUMNS);
  cell = kasane_window_get_ledger_cell (window, -1, KASANE_LEDGER_COLUMN_NET);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  cell = kasane_window_get_ledger_cell (window, 0, KASANE_LEDGER_COLUMN_LAYER);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_ROW_HEADER);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "L1 Public chains");
  cell = kasane_window_get_ledger_cell (window, 2, KASANE_LEDGER_COLUMN_OPEN_LOAD);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_CELL);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (cell),
                                       GTK_ACCESSIBLE_RELATION_ROW_INDEX, 4);
  cell = kasane_window_get_ledger_cell (window, 0, KASANE_LEDGER_COLUMN_SOLVES);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "None");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kasane_window_get_verdict_row (window)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Verdict: Migration · Claim: Migration (agrees)");

  /* A claim the ledger does not bear out is called so. */
  kasane_window_add_dataset (window, differs, "differs.json");
  kasane_test_wait_idle ();
  g_assert_cmpint (kasane_window_get_selected_index (window), ==, 1);
  g_assert_cmpstr (kasane_window_get_verdict_text (window), ==,
                   "Verdict: Migration · Claim: Progression (differs)");

  /* One layer has no verdict. */
  kasane_window_add_dataset (window, single, "single.json");
  kasane_test_wait_idle ();
  g_assert_cmpuint (count_rows (kasane_window_get_sidebar (window)), ==, 3);
  g_assert_cmpstr (kasane_window_get_verdict_text (window), ==,
                   "No verdict (one layer) · Claim: Progression (not checked)");
  assert_ledger_row (window, 0, "Base", "0", "2", MINUS "2", "2");
  g_assert_null (kasane_window_get_ledger_cell (window, 1, KASANE_LEDGER_COLUMN_LAYER));

  /* Selecting in the sidebar switches the table. */
  kasane_window_select_index (window, 0);
  kasane_test_wait_idle ();
  g_assert_true (kasane_window_get_shown_dataset (window) == crypto);
  assert_ledger_row (window, 2, "App-specific chains", "1", "4", MINUS "3", "10");

  /* Closing a dataset selects its neighbour; closing all shows the empty page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dataset", NULL));
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 2);
  g_assert_true (kasane_window_get_shown_dataset (window) == differs);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dataset", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dataset", NULL);
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 0);
  g_assert_cmpstr (kasane_window_get_page_name (window), ==, "empty");

  destroy_window (window);
}

static void
test_window_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(KasaneDataset) dataset = build_crypto (KASANE_CLAIM_MIGRATION);
  KasaneLayer *layer;
  KasaneWindow *window;

  reset_settings ();
  layer = g_ptr_array_index (dataset->layers, 0);
  layer->name.ja = g_strdup ("パブリックチェーン");
  window = create_window ();
  kasane_window_add_dataset (window, dataset, "crypto.json");
  kasane_test_wait_idle ();
  g_assert_cmpstr (kasane_window_get_ledger_text (window, 0, KASANE_LEDGER_COLUMN_LAYER),
                   ==, "Public chains");

  g_settings_set_string (settings, "language", "ja");
  kasane_test_wait_idle ();
  g_assert_cmpstr (kasane_window_get_ledger_text (window, 0, KASANE_LEDGER_COLUMN_LAYER),
                   ==, "パブリックチェーン");
  /* Missing in Japanese: the English text stands in. */
  g_assert_cmpstr (kasane_window_get_ledger_text (window, 1, KASANE_LEDGER_COLUMN_LAYER),
                   ==, "Rollups");
  g_assert_cmpint (kasane_window_get_selected_index (window), ==, 0);

  destroy_window (window);
  reset_settings ();
}

static const char broken_json[] = "{\"format\": \"kasane-dataset/1\",";
static const char fixed_json[] =
  "{\"format\": \"kasane-dataset/1\", \"id\": \"fixed\", \"title\": \"Fixed\",\n"
  " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"Base\"}]}\n";

static void
assert_located_errors (const char *text,
                       const char *path)
{
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: error: .+$", escaped);

  g_assert_nonnull (text);
  if (!g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0))
    g_error ("no “FILE:LINE:COL: error:” line for %s in:\n%s", path, text);
}

static void
test_window_broken_file (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(KasaneDataset) crypto = build_crypto (KASANE_CLAIM_MIGRATION);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasane-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_auto(GStrv) open_files = NULL;
  g_autoptr(GFile) file = NULL;
  KasaneWindow *window;
  KasaneDataset *shown;

  g_assert_no_error (error);
  reset_settings ();
  path = write_temp_file (dir, "broken.json", broken_json);
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);

  window = create_window ();
  kasane_window_add_dataset (window, crypto, "crypto.json");
  kasane_test_wait_idle ();
  g_assert_false (kasane_window_get_error_revealed (window));

  /* A file that does not load: its errors, located; the dataset on screen stays. */
  g_assert_false (kasane_window_open_file (window, file));
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 2);
  g_assert_cmpuint (count_rows (kasane_window_get_sidebar (window)), ==, 2);
  g_assert_cmpint (kasane_window_get_selected_index (window), ==, 0);
  g_assert_true (kasane_window_get_shown_dataset (window) == crypto);
  g_assert_cmpstr (kasane_window_get_page_name (window), ==, "dataset");
  assert_ledger_row (window, 1, "Rollups", "4", "5", MINUS "1", "7");
  g_assert_true (kasane_window_get_error_revealed (window));
  assert_located_errors (kasane_window_get_error_text (window), path);
  g_assert_false (kasane_window_get_row_failed (window, 0));
  g_assert_true (kasane_window_get_row_failed (window, 1));

  /* The session remembers files, not datasets built in memory. */
  open_files = g_settings_get_strv (settings, "open-files");
  g_assert_cmpuint (g_strv_length (open_files), ==, 1);
  g_assert_cmpstr (open_files[0], ==, uri);

  /* Selected, the Ledger view's own page shows its errors ... */
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "ledger");
  kasane_window_select_index (window, 1);
  kasane_test_wait_idle ();
  g_assert_cmpstr (kasane_window_get_page_name (window), ==, "failed");
  assert_located_errors (kasane_window_get_failed_text (window), path);
  g_assert_false (kasane_window_get_error_revealed (window));
  /* ... and a chart view, which has nothing to draw, shows them in the panel. */
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "compare");
  kasane_test_wait_idle ();
  g_assert_true (kasane_window_get_error_revealed (window));
  assert_located_errors (kasane_window_get_error_text (window), path);
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "ledger");
  kasane_test_wait_idle ();
  g_assert_false (kasane_window_get_error_revealed (window));

  /* Fixed on disk and reloaded (Ctrl+R): it shows, with no verdict for one layer. */
  g_file_set_contents (path, fixed_json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  kasane_test_wait_idle ();
  shown = kasane_window_get_shown_dataset (window);
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown->id, ==, "fixed");
  g_assert_cmpstr (kasane_window_get_page_name (window), ==, "dataset");
  g_assert_false (kasane_window_get_row_failed (window, 1));
  g_assert_cmpstr (kasane_window_get_verdict_text (window), ==,
                   "No verdict (one layer) · The dataset makes no claim");

  /* Broken again: the reload fails, the last good version stays on screen. */
  g_file_set_contents (path, broken_json, -1, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  kasane_test_wait_idle ();
  g_assert_true (kasane_window_get_shown_dataset (window) == shown);
  g_assert_cmpstr (kasane_window_get_page_name (window), ==, "dataset");
  g_assert_true (kasane_window_get_error_revealed (window));
  assert_located_errors (kasane_window_get_error_text (window), path);
  g_assert_true (kasane_window_get_row_failed (window, 1));
  assert_ledger_row (window, 0, "Base", "0", "0", "0", "0");

  /* Opening it again is a reload of the same entry, not a second row. */
  g_file_set_contents (path, fixed_json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (kasane_window_open_file (window, file));
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 2);
  g_assert_false (kasane_window_get_error_revealed (window));

  destroy_window (window);
  remove_temp_dir (dir);
  reset_settings ();
}

static void
test_window_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/kasane/missing.json");
  KasaneWindow *window;

  reset_settings ();
  window = create_window ();

  /* Nothing was on screen, so the file's own error page shows. */
  g_assert_false (kasane_window_open_file (window, file));
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 1);
  g_assert_cmpint (kasane_window_get_selected_index (window), ==, 0);
  g_assert_cmpstr (kasane_window_get_page_name (window), ==, "failed");
  g_assert_nonnull (strstr (kasane_window_get_failed_text (window),
                            "/nonexistent/kasane/missing.json"));
  g_assert_nonnull (strstr (kasane_window_get_failed_text (window), "error:"));

  destroy_window (window);
  reset_settings ();
}

static void
test_window_bundled (void)
{
  const char * const *uris = kasane_session_get_bundled_uris ();
  KasaneWindow *window;

  reset_settings ();
  window = create_window ();

  for (guint i = 0; uris[i] != NULL; i++)
    {
      KasaneDataset *dataset;

      if (!kasane_window_open_uri (window, uris[i]))
        g_error ("the bundled dataset %s does not load:\n%s", uris[i],
                 kasane_window_get_failed_text (window));
      kasane_test_wait_idle ();
      g_assert_cmpint (kasane_window_get_selected_index (window), ==, (int) i);
      dataset = kasane_window_get_shown_dataset (window);
      g_assert_nonnull (dataset);
      g_assert_cmpuint (dataset->layers->len, >=, 2);
      g_assert_false (kasane_window_get_row_failed (window, i));
      /* A row per layer, and no more. */
      g_assert_nonnull (kasane_window_get_ledger_cell (window, dataset->layers->len - 1,
                                                       KASANE_LEDGER_COLUMN_NET));
      g_assert_null (kasane_window_get_ledger_cell (window, dataset->layers->len,
                                                    KASANE_LEDGER_COLUMN_NET));
      g_assert_true (g_str_has_prefix (kasane_window_get_verdict_text (window), "Verdict: "));
    }
  g_assert_cmpuint (count_rows (kasane_window_get_sidebar (window)), ==,
                    g_strv_length ((char **) uris));

  destroy_window (window);
  reset_settings ();
}

/* Ctrl± reaches the Ledger's text too (the Explain view's the same way). */
static void
test_window_zoom_text (void)
{
  KasaneWindow *window;
  GtkWidget *cell;
  int before, after;

  window = create_window_with_bundled ();
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "ledger");
  kasane_test_wait_idle ();

  cell = kasane_window_get_ledger_cell (window, 0, KASANE_LEDGER_COLUMN_CREDIT);
  g_assert_nonnull (cell);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, NULL, &before, NULL, NULL);
  kasane_zoom_set_level (kasane_zoom_get_default (), 2.0);
  kasane_test_iterate (300);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, NULL, &after, NULL, NULL);
  kasane_zoom_reset (kasane_zoom_get_default ());
  kasane_test_wait_idle ();
  g_test_message ("a ledger number: %d px tall, %d px at zoom 2", before, after);
  g_assert_cmpint (after, >=, before * 17 / 10);
  destroy_window (window);
}

/* The smallest text of each view, against the window's floor (kasane_text_floor_for_
 * window()): a 1280×720 and an 800×600 window, and 1920×1080 with the sidebar shown and
 * hidden.  The charts' layouts carry the floor and set nothing below it; the Ledger's
 * cells are set at it or larger. */
static void
test_window_text_floors (void)
{
  static const int sizes[][3] = {
    { 1280, 720, 1 }, { 800, 600, 0 }, { 1920, 1080, 1 }, { 1920, 1080, 0 },
  };
  KasaneWindow *window = create_window_with_bundled ();

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      int width = sizes[z][0], height = sizes[z][1];
      gboolean sidebar = sizes[z][2];
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      double floor_px;

      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      /* Within the window's decorations of the size asked for. */
      while ((ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 40 ||
              ABS (gtk_widget_get_height (GTK_WIDGET (window)) - height) > 40) &&
             g_get_monotonic_time () < deadline)
        kasane_test_iterate (50);
      g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 40);
      gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (kasane_window_get_sidebar (window)),
                                                       GTK_TYPE_SCROLLED_WINDOW), sidebar);
      kasane_test_iterate (200);
      floor_px = kasane_text_floor_for_window (gtk_widget_get_width (GTK_WIDGET (window)),
                                               gtk_widget_get_height (GTK_WIDGET (window)),
                                               !sidebar);
      g_test_message ("%dx%d, sidebar %s: floor %.1f px", width, height,
                      sidebar ? "shown" : "hidden", floor_px);

      gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "compare");
      kasane_test_iterate (200);
      {
        KasaneDiagramView *compare = KASANE_DIAGRAM_VIEW (kasane_window_get_compare_view (window));
        const KasaneDiagramLayout *layout = kasane_diagram_view_get_layout (compare);

        /* Laid out again at the new size once drawn: on a loaded machine, a moment later. */
        for (guint waited = 0; waited < 5000 &&
             (layout == NULL || fabs (layout->params.min_text_px - floor_px) > 1e-6);
             waited += 50)
          {
            kasane_test_iterate (50);
            layout = kasane_diagram_view_get_layout (compare);
          }

        g_assert_nonnull (layout);
        g_assert_cmpfloat_with_epsilon (layout->params.min_text_px, floor_px, 1e-6);
        g_assert_true (kasane_diagram_layout_fits (layout));
        for (guint i = 0; i < layout->texts->len; i++)
          g_assert_cmpfloat (g_array_index (layout->texts, KasaneDiagramText, i).font.size, >=,
                             floor_px - 1e-6);
      }

      gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "trend");
      kasane_test_iterate (200);
      {
        KasaneTrendView *trend = KASANE_TREND_VIEW (kasane_window_get_trend_view (window));
        const KasaneTrendLayout *layout = kasane_trend_view_get_layout (trend);

        for (guint waited = 0; waited < 5000 &&
             (layout == NULL || fabs (layout->min_text_px - floor_px) > 1e-6);
             waited += 50)
          {
            kasane_test_iterate (50);
            layout = kasane_trend_view_get_layout (trend);
          }

        g_assert_nonnull (layout);
        g_assert_cmpfloat_with_epsilon (layout->min_text_px, floor_px, 1e-6);
        for (guint i = 0; i < layout->texts->len; i++)
          {
            const KasaneTrendText *t = &g_array_index (layout->texts, KasaneTrendText, i);

            if (t->text != NULL && *t->text != '\0')
              g_assert_cmpfloat (t->font.size, >=, floor_px - 1e-6);
          }
      }

      gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "ledger");
      kasane_test_iterate (200);
      for (int column = 0; column < 3; column++)
        {
          GtkWidget *cell = kasane_window_get_ledger_cell (window, 0, column);
          const PangoFontDescription *desc;
          double px;

          g_assert_nonnull (cell);
          /* The type follows the window once idle: on a loaded machine, a moment later. */
          for (guint waited = 0; ; waited += 50)
            {
              desc = pango_context_get_font_description (gtk_widget_get_pango_context (cell));
              px = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
              if (!pango_font_description_get_size_is_absolute (desc))
                px *= 96.0 / 72.0;
              if (px >= floor_px - 0.5 || waited >= 5000)
                break;
              kasane_test_iterate (50);
              cell = kasane_window_get_ledger_cell (window, 0, column);
            }
          g_test_message ("ledger cell %d: %.1f px", column, px);
          g_assert_cmpfloat (px, >=, floor_px - 0.5);
        }
    }
  destroy_window (window);
}

/* Side by side, the Ledger shows every open dataset's table in a column of its own, each
 * titled by its dataset, and still fits an 800 px window; off again, only the selected. */
static void
test_window_ledger_side_by_side (void)
{
  KasaneWindow *window = create_window_with_bundled ();
  GtkWidget *row;
  guint visible = 0;

  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "ledger");
  kasane_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.ledger-side-by-side",
                                             NULL));
  kasane_test_iterate (300);

  row = gtk_widget_get_parent (gtk_widget_get_ancestor (kasane_window_get_ledger_cell (window, 0, 0),
                                                        KASANE_TYPE_LEDGER_VIEW));
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        const char *text = kasane_ledger_view_get_cell_text (KASANE_LEDGER_VIEW (child), 0,
                                                             KASANE_LEDGER_COLUMN_LAYER);

        g_assert_nonnull (text);
        g_assert_nonnull (kasane_ledger_view_get_verdict_text (KASANE_LEDGER_VIEW (child)));
        g_assert_cmpint (gtk_widget_get_width (child), >, 0);
        visible++;
      }
  g_assert_cmpuint (visible, ==, 2);
  /* Two datasets, two different first layers (the bundled pair's L1s differ). */
  {
    const char *a = NULL, *b = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_get_visible (child))
        {
          const char *t = kasane_ledger_view_get_cell_text (KASANE_LEDGER_VIEW (child), 0,
                                                            KASANE_LEDGER_COLUMN_LAYER);
          if (a == NULL)
            a = t;
          else
            b = t;
        }
    g_assert_cmpstr (a, !=, b);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (gtk_widget_get_width (GTK_WIDGET (window)) > 800 && g_get_monotonic_time () < deadline)
      kasane_test_iterate (50);
    kasane_test_iterate (200);
  }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.ledger-side-by-side",
                                             NULL));
  kasane_test_iterate (200);
  visible = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    visible += gtk_widget_get_visible (child);
  g_assert_cmpuint (visible, ==, 1);
  destroy_window (window);
}

/* Presenting, a reveal step fades the new layer in (and is done within 250 ms); with
 * animations off it does not fade at all.  Escape-free: win.present and its stop. */
static void
test_window_reveal_fades (void)
{
  KasaneWindow *window = create_window_with_bundled ();
  KasaneSlideView *slides;
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (window));
  gboolean animations = FALSE;
  gint64 start;

  g_object_get (settings, "gtk-enable-animations", &animations, NULL);
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  kasane_test_iterate (500);
  slides = KASANE_SLIDE_VIEW (kasane_window_get_slide_view (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (slides)));

  /* Title → the first reveal: not a layer added to a stack, no fade. */
  kasane_slide_view_set_index (slides, 1);
  g_assert_false (kasane_slide_view_is_fading (slides));
  /* L1 → L1 + L2: fades, and is done soon. */
  kasane_slide_view_set_index (slides, 2);
  g_assert_true (kasane_slide_view_is_fading (slides));
  start = g_get_monotonic_time ();
  while (kasane_slide_view_is_fading (slides) && g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    kasane_test_iterate (10);
  g_test_message ("the fade took %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_false (kasane_slide_view_is_fading (slides));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 600 * 1000);

  /* Backwards never fades; with animations off, forwards does not either. */
  kasane_slide_view_set_index (slides, 1);
  g_assert_false (kasane_slide_view_is_fading (slides));
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  kasane_slide_view_set_index (slides, 2);
  g_assert_false (kasane_slide_view_is_fading (slides));
  g_object_set (settings, "gtk-enable-animations", animations, NULL);
  destroy_window (window);
}

/* The slides are in high contrast by default, whatever the window's style; with the
 * menu's "Slides in High Contrast" off, in the window's. */
static void
test_window_slides_theme (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  KasaneWindow *window = create_window_with_bundled ();
  KasaneChartView *slides = KASANE_CHART_VIEW (kasane_window_get_slide_view (window));

  g_settings_set_string (settings, "theme", "dark");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  kasane_test_iterate (200);
  g_assert_cmpstr (kasane_chart_view_get_theme (slides), ==, "contrast");
  kasane_slide_view_press_key (KASANE_SLIDE_VIEW (slides), GDK_KEY_Escape, 0);
  kasane_test_iterate (200);

  g_settings_set_boolean (settings, "slides-contrast", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  kasane_test_iterate (200);
  g_assert_cmpstr (kasane_chart_view_get_theme (slides), ==, "dark");
  kasane_slide_view_press_key (KASANE_SLIDE_VIEW (slides), GDK_KEY_Escape, 0);
  kasane_test_iterate (200);
  destroy_window (window);
  reset_settings ();
}

/* The Ledger says how much the verdict depends on the judgements, and each flip in
 * words: for the bundled Ethereum dataset (selected), K of N as the model counts them, a
 * line per flip, the first one spelled out. */
static void
test_window_ledger_robustness (void)
{
  KasaneWindow *window = create_window_with_bundled ();
  KasaneLedgerView *ledger;
  KasaneDataset *crypto;
  g_autoptr(KasaneRobustness) robustness = NULL;
  g_autofree char *holds = NULL;
  const char *text;
  guint flips = 0;

  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "ledger");
  kasane_test_iterate (200);
  ledger = kasane_window_get_ledger_view (window);
  crypto = kasane_window_get_shown_dataset (window);
  g_assert_cmpstr (crypto->id, ==, "crypto");
  robustness = kasane_robustness_compute (crypto);
  text = kasane_ledger_view_get_robustness_text (ledger);
  g_assert_nonnull (text);
  g_test_message ("%s", text);
  holds = g_strdup_printf ("The verdict holds under %u of %u single changes",
                           robustness->n_keep, robustness->n_changes);
  g_assert_true (g_str_has_prefix (text, holds));
  for (const char *p = strstr (text, "\n• "); p != NULL; p = strstr (p + 1, "\n• "))
    flips++;
  g_assert_cmpuint (flips, ==, robustness->n_changes - robustness->n_keep);
  for (guint i = 0; i < robustness->changes->len; i++)
    {
      const KasaneChange *change = &g_array_index (robustness->changes, KasaneChange, i);
      KasaneProblem *problem = g_ptr_array_index (crypto->problems, change->problem);
      g_autofree char *expected = NULL;

      if (!kasane_robustness_flips (robustness, i))
        continue;
      if (change->kind == KASANE_CHANGE_WEIGHT)
        expected = g_strdup_printf ("If “%s” weighed %d instead of %d, the verdict would be ",
                                    problem->label.en, change->to, change->from);
      else if (change->kind == KASANE_CHANGE_DROP)
        expected = g_strdup_printf ("If “%s” were left out, the verdict would be ",
                                    problem->label.en);
      if (expected != NULL)
        g_assert_nonnull (strstr (text, expected));
      /* Each flip has its Try It. */
      g_assert_nonnull (kasane_ledger_view_get_flip_button (ledger, 0));
    }
  destroy_window (window);
}

/* The Compare view's picture as the window would export it: PNG bytes. */
static GBytes *
compare_png (KasaneWindow *window)
{
  KasaneDiagramView *compare = KASANE_DIAGRAM_VIEW (kasane_window_get_compare_view (window));
  g_autoptr(KasaneRenderRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  KasaneExportOptions options;
  GBytes *png;

  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "compare");
  kasane_test_iterate (100);
  request = kasane_diagram_view_get_render_request (compare);
  kasane_export_options_init_for_request (&options, request);
  options.width = 1280;
  options.height = 720;
  png = kasane_export_render ((KasaneDataset * const *) request->datasets->pdata,
                              request->datasets->len, &options, &error);
  g_assert_no_error (error);
  return png;
}

static guint
compare_count_text (KasaneWindow *window,
                    const char   *prefix)
{
  const KasaneDiagramLayout *layout =
    kasane_diagram_view_get_layout (KASANE_DIAGRAM_VIEW (kasane_window_get_compare_view (window)));
  guint n = 0;

  for (guint i = 0; layout != NULL && i < layout->texts->len; i++)
    n += g_str_has_prefix (g_array_index (layout->texts, KasaneDiagramText, i).text, prefix);
  return n;
}

static gboolean
compare_has_text (KasaneWindow *window,
                  const char   *prefix)
{
  return compare_count_text (window, prefix) > 0;
}

/* The what-if editor end to end: a weight changed in the Ledger view changes the verdict
 * badge in Compare and puts the what-if marker on it; Undo and Redo step through it;
 * Reset gives back the file's picture byte for byte; Save As writes a file that passes
 * --check and loads to the what-if's ledger; a flip's Try It applies that flip. */
static void
test_window_whatif (void)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("KASANE_SOURCE_ROOT"), "tests",
                                               "fixtures", "cli", "summary.json", NULL);
  g_autofree char *uri = g_filename_to_uri (fixture, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("kasane-whatif-XXXXXX", NULL);
  g_autofree char *saved = g_build_filename (dir, "summary what-if.json", NULL);
  g_autoptr(GBytes) before = NULL, edited = NULL, reset = NULL;
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) back = NULL;
  g_autoptr(KasaneLedger) whatif_ledger = NULL, back_ledger = NULL;
  g_autoptr(GError) error = NULL;
  KasaneWindow *window;
  KasaneLedgerView *ledger;
  KasaneDataset *file, *shown;
  GtkWidget *try_it;
  guint migrations, mixed;
  KasaneTrendView *trend;
  double x0, x1;

  reset_settings ();
  window = create_window ();
  g_assert_true (kasane_window_open_uri (window, kasane_session_get_bundled_uris ()[0]));
  g_assert_true (kasane_window_open_uri (window, uri));
  kasane_test_wait_idle ();
  file = kasane_window_get_shown_dataset (window);
  g_assert_cmpstr (file->id, ==, "summary-case");
  before = compare_png (window);
  migrations = compare_count_text (window, "Problem migration");
  mixed = compare_count_text (window, "Mixed");
  g_assert_cmpuint (migrations, >=, 1);
  g_assert_false (compare_has_text (window, "What-if"));

  /* The Trend view zoomed into a window of time, which a what-if keeps. */
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "trend");
  kasane_test_iterate (100);
  trend = KASANE_TREND_VIEW (kasane_window_get_trend_view (window));
  kasane_trend_view_get_window (trend, &x0, &x1);
  kasane_trend_view_set_window (trend, x0 + (x1 - x0) / 4, x1 - (x1 - x0) / 4);
  kasane_trend_view_get_window (trend, &x0, &x1);

  /* "Speed" (problem 1) from 2 to 1: the top layer's easing earns nothing, mixed. */
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "ledger");
  kasane_test_iterate (100);
  ledger = kasane_window_get_ledger_view (window);
  g_assert_null (kasane_ledger_view_get_whatif_text (ledger));
  gtk_spin_button_set_value (kasane_ledger_editor_get_weight (
                               KASANE_LEDGER_EDITOR (kasane_ledger_view_get_editor (ledger)), 1),
                             1);
  kasane_test_iterate (100);
  shown = kasane_window_get_shown_dataset (window);
  g_assert_true (shown->whatif_of == file);
  g_assert_cmpstr (kasane_ledger_view_get_whatif_text (ledger), ==,
                   "What-if, not the file’s data: “Speed” weighs 1, not 2");

  edited = compare_png (window);
  g_assert_false (g_bytes_equal (before, edited));
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "trend");
  kasane_test_iterate (100);
  g_assert_true (kasane_trend_view_get_dataset (trend) == shown);
  {
    double y0, y1;

    kasane_trend_view_get_window (trend, &y0, &y1);
    g_assert_cmpfloat (y0, ==, x0);
    g_assert_cmpfloat (y1, ==, x1);
  }
  g_assert_true (compare_has_text (window, "What-if, not the file’s data: “Speed” weighs 1"));
  /* The fixture's badge went from migration to mixed; the bundled dataset's stayed. */
  g_assert_cmpuint (compare_count_text (window, "Mixed"), ==, mixed + 1);
  g_assert_cmpuint (compare_count_text (window, "Problem migration"), ==, migrations - 1);

  /* Undo, Redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  kasane_test_iterate (50);
  g_assert_true (kasane_window_get_shown_dataset (window) == file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  kasane_test_iterate (50);
  g_assert_true (kasane_window_get_shown_dataset (window)->whatif_of == file);

  /* Save As: a file that passes --check and loads to the what-if's ledger. */
  g_assert_true (kasane_window_save_whatif (window, saved, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { g_getenv ("KASANE_EXE"), "--check", saved, NULL };
    int status = -1;
    g_autofree char *out = NULL, *err = NULL;

    g_assert_nonnull (argv[0]);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  back = kasane_session_load_path (saved, diagnostics);
  g_assert_nonnull (back);
  whatif_ledger = kasane_ledger_compute (kasane_window_get_shown_dataset (window));
  back_ledger = kasane_ledger_compute (back);
  g_assert_cmpint (back_ledger->verdict, ==, KASANE_VERDICT_MIXED);
  g_assert_cmpuint (back_ledger->n_rows, ==, whatif_ledger->n_rows);
  for (guint i = 0; i < back_ledger->n_rows; i++)
    {
      g_assert_cmpint (back_ledger->rows[i].credit, ==, whatif_ledger->rows[i].credit);
      g_assert_cmpint (back_ledger->rows[i].debit, ==, whatif_ledger->rows[i].debit);
      g_assert_cmpint (back_ledger->rows[i].open_load, ==, whatif_ledger->rows[i].open_load);
    }
  /* It keeps the rest of the file, and says what was changed in its notes. */
  g_assert_cmpuint (back->series->len, ==, file->series->len);
  g_assert_cmpstr (back->title.ja, ==, file->title.ja);
  g_assert_cmpstr (back->notes.en[g_strv_length (back->notes.en) - 1], ==,
                   "What-if, not the file’s data: “Speed” weighs 1, not 2");
  g_assert_nonnull (back->notes.ja);

  /* Reset: the file's picture again, byte for byte. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.whatif-reset", NULL));
  kasane_test_iterate (50);
  g_assert_true (kasane_window_get_shown_dataset (window) == file);
  reset = compare_png (window);
  g_assert_true (g_bytes_equal (before, reset));

  /* One click applies a flip as a what-if: the first one listed is that weight. */
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "ledger");
  kasane_test_iterate (100);
  try_it = kasane_ledger_view_get_flip_button (ledger, 0);
  g_assert_nonnull (try_it);
  g_signal_emit_by_name (try_it, "clicked");
  kasane_test_iterate (50);
  shown = kasane_window_get_shown_dataset (window);
  g_assert_nonnull (shown->whatif);
  g_assert_cmpuint (shown->whatif->len, ==, 1);
  {
    g_autoptr(KasaneLedger) flipped = kasane_ledger_compute (shown);

    g_assert_cmpint (flipped->verdict, !=, KASANE_VERDICT_MIGRATION);
  }

  /* Copy as CSV: the ledger of what is shown (the what-if just tried). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-ledger-csv", NULL));
  {
    GdkContentProvider *content =
      gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (window)));
    g_autofree char *expected = kasane_ledger_to_csv (shown, "en");
    GValue value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (g_value_get_string (&value), ==, expected);
    g_assert_true (g_str_has_prefix (g_value_get_string (&value), "layer,level,name,"));
    g_value_unset (&value);
  }

  destroy_window (window);
  g_unlink (saved);
  g_rmdir (dir);
}

/* New Dataset…: the starter is written, opened and selected, and passes --check. */
static void
test_window_new_dataset (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasane-new-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Cloud Stack.kasane.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) loaded = NULL;
  KasaneWindow *window;

  reset_settings ();
  window = create_window ();
  g_assert_true (kasane_window_new_dataset (window, file, FALSE, &error));
  g_assert_no_error (error);
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 1);
  g_assert_cmpstr (kasane_window_get_shown_dataset (window)->id, ==, "cloud-stack");
  loaded = kasane_session_load_path (path, diagnostics);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (loaded->layers->len, ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "trend"));
  kasane_test_iterate (100);
  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Live reload: an open file edited on disk the three ways editors save it. */
#define LIVE_JSON \
  "{\"format\": \"kasane-dataset/1\", \"id\": \"%s\", \"title\": \"Live\",\n" \
  " \"problems\": [{\"id\": \"p\", \"label\": \"P\", \"weight\": 2}],\n" \
  " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\", \"introduces\": [\"p\"]},\n" \
  "            {\"id\": \"l2\", \"level\": 2, \"name\": \"L2\", \"solves\": [\"p\"]}]}\n"

static void
write_in_place (const char *path,
                const char *text)
{
  FILE *f = fopen (path, "w");   /* truncate, then write: the file keeps its inode */

  g_assert_nonnull (f);
  g_assert_cmpint (fputs (text, f), >=, 0);
  g_assert_cmpint (fclose (f), ==, 0);
}

static void
write_by_rename (const char *path,
                 const char *text)
{
  g_autofree char *temp = g_strconcat (path, ".new", NULL);

  g_assert_true (g_file_set_contents (temp, text, -1, NULL));
  g_assert_cmpint (g_rename (temp, path), ==, 0);
}

static gboolean
wait_for_id (KasaneWindow *window,
             const char   *id)
{
  gint64 end = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      KasaneDataset *shown = kasane_window_get_shown_dataset (window);

      if (shown != NULL && g_strcmp0 (shown->id, id) == 0)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return FALSE;
}

static void
test_window_live_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasane-live-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "live.json", NULL);
  g_autofree char *first = g_strdup_printf (LIVE_JSON, "first");
  g_autofree char *second = g_strdup_printf (LIVE_JSON, "second");
  g_autofree char *third = g_strdup_printf (LIVE_JSON, "third");
  g_autofree char *fourth = g_strdup_printf (LIVE_JSON, "fourth");
  g_autoptr(GFile) file = NULL;
  KasaneWindow *window;

  g_assert_true (g_file_set_contents (path, first, -1, NULL));
  file = g_file_new_for_path (path);
  reset_settings ();
  window = create_window ();
  g_assert_true (kasane_window_open_file (window, file));
  kasane_test_wait_idle ();
  g_assert_cmpstr (kasane_window_get_shown_dataset (window)->id, ==, "first");

  /* Saved by writing a new file and renaming it over the old one. */
  write_by_rename (path, second);
  g_assert_true (wait_for_id (window, "second"));

  /* Saved by truncating the file and writing it again. */
  write_in_place (path, third);
  g_assert_true (wait_for_id (window, "third"));

  /* A broken version: the last good picture stays, the errors show above it. */
  write_in_place (path, "{\"format\": \"kasane-dataset/1\",\n \"id\": 7}\n");
  {
    gint64 end = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end && !kasane_window_get_error_revealed (window))
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
  }
  g_assert_true (kasane_window_get_error_revealed (window));
  g_assert_nonnull (strstr (kasane_window_get_error_text (window), "live.json:2:"));
  g_assert_cmpstr (kasane_window_get_shown_dataset (window)->id, ==, "third");

  /* Fixed: the new version, and the errors gone. */
  write_by_rename (path, fourth);
  g_assert_true (wait_for_id (window, "fourth"));
  kasane_test_iterate (100);
  g_assert_false (kasane_window_get_error_revealed (window));
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, 1);

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
wait_for_error (KasaneWindow *window)
{
  gint64 end = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end && !kasane_window_get_error_revealed (window))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return kasane_window_get_error_revealed (window);
}

/* The first value of the first series on screen, or NAN. */
static double
shown_first_value (KasaneWindow *window)
{
  KasaneDataset *shown = kasane_window_get_shown_dataset (window);
  KasaneSeries *series;

  if (shown == NULL || shown->series->len == 0)
    return NAN;
  series = g_ptr_array_index (shown->series, 0);
  return series->n_points > 0 ? series->y[0] : NAN;
}

static gboolean
wait_for_first_value (KasaneWindow *window,
                      double        value)
{
  gint64 end = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end && shown_first_value (window) != value)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return shown_first_value (window) == value;
}

#define LIVE_CSV_JSON \
  "{\"format\": \"kasane-dataset/1\", \"id\": \"with-csv\", \"title\": \"Live CSV\",\n" \
  " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\"}],\n" \
  " \"series\": [{\"id\": \"v\", \"name\": \"V\", \"unit\": \"\", \"layer\": \"l1\",\n" \
  "   \"source\": {\"name\": \"S\", \"url\": \"https://example.org/\", \"retrieved\": \"2026-01-02\"},\n" \
  "   \"csv\": \"values.csv\", \"column\": \"v\"}]}\n"

/* A CSV file a dataset names is watched too: its changes reload the dataset, and a
 * broken one keeps the last good picture, with the panel naming the CSV and offering to
 * open it. */
static void
test_window_live_reload_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasane-live-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "live.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "values.csv", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autofree char *csv_uri = NULL;
  KasaneWindow *window;

  g_assert_true (g_file_set_contents (path, LIVE_CSV_JSON, -1, NULL));
  g_assert_true (g_file_set_contents (csv, "date,v\n2020-01-01,1\n2020-02-01,2\n", -1, NULL));
  file = g_file_new_for_path (path);
  csv_file = g_file_new_for_path (csv);
  csv_uri = g_file_get_uri (csv_file);
  reset_settings ();
  window = create_window ();
  g_assert_true (kasane_window_open_file (window, file));
  kasane_test_wait_idle ();
  g_assert_cmpfloat (shown_first_value (window), ==, 1.0);

  write_in_place (csv, "date,v\n2020-01-01,5\n2020-02-01,2\n");
  g_assert_true (wait_for_first_value (window, 5.0));
  write_by_rename (csv, "date,v\n2020-01-01,6\n2020-02-01,2\n");
  g_assert_true (wait_for_first_value (window, 6.0));

  /* Broken on its third line: the picture stays; the panel names the CSV file and its
   * Open in Editor button opens that file, not the dataset. */
  write_in_place (csv, "date,v\n2020-01-01,7\n2020-02-01,abc\n");
  g_assert_true (wait_for_error (window));
  g_assert_nonnull (strstr (kasane_window_get_error_text (window), "values.csv:3:"));
  g_assert_cmpstr (kasane_window_get_error_open_uri (window), ==, csv_uri);
  g_assert_cmpfloat (shown_first_value (window), ==, 6.0);

  write_by_rename (csv, "date,v\n2020-01-01,8\n2020-02-01,2\n");
  g_assert_true (wait_for_first_value (window, 8.0));
  kasane_test_iterate (100);
  g_assert_false (kasane_window_get_error_revealed (window));

  /* A broken dataset: the button opens the dataset itself. */
  write_in_place (path, "{\"format\": \"kasane-dataset/1\",\n \"id\": 7}\n");
  g_assert_true (wait_for_error (window));
  g_free (csv_uri);
  csv_uri = g_file_get_uri (file);
  g_assert_cmpstr (kasane_window_get_error_open_uri (window), ==, csv_uri);

  destroy_window (window);
  g_unlink (csv);
  g_unlink (path);
  g_rmdir (dir);
}

/* Frame times seen by a tick callback: the window draws while they come. */
typedef struct
{
  gint64 last;
  gint64 max_gap;
  guint  n_frames;
  GArray *gaps;
} Frames;

static gboolean
record_frame_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  Frames *frames = data;
  gint64 now = g_get_monotonic_time ();

  if (frames->last != 0)
    {
      gint64 gap = now - frames->last;

      frames->max_gap = MAX (frames->max_gap, gap);
      g_array_append_val (frames->gaps, gap);
    }
  frames->last = now;
  frames->n_frames++;
  return G_SOURCE_CONTINUE;
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Iterates until the window's load ends, recording frames; FALSE after 120 s. */
static gboolean
wait_for_load (KasaneWindow *window,
               Frames       *frames,
               gboolean      cancel_once_shown)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  gboolean cancelled = FALSE;
  double last_fraction = 0.0;
  guint n_fractions = 0;

  while (kasane_window_get_loading (window) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      if (kasane_window_get_load_revealed (window) &&
          kasane_window_get_load_fraction (window) != last_fraction)
        {
          last_fraction = kasane_window_get_load_fraction (window);
          n_fractions++;
        }
      if (cancel_once_shown && !cancelled && kasane_window_get_load_revealed (window) &&
          last_fraction > 0.0)
        {
          GtkWidget *cancel = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "load-cancel");

          g_assert_nonnull (cancel);
          g_assert_true (gtk_widget_is_drawable (cancel));
          g_signal_emit_by_name (cancel, "clicked");
          cancelled = TRUE;
        }
    }
  /* The bar moved while the file loaded. */
  g_assert_cmpuint (n_fractions, >=, cancel_once_shown ? 1 : 2);
  g_assert_true (!cancel_once_shown || cancelled);
  return !kasane_window_get_loading (window);
}

static char *
write_rows_csv (guint n_rows)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("kasane-rows-XXXXXX.csv", &path, &error);
  FILE *f;
  double v = 100;

  g_assert_no_error (error);
  f = fdopen (fd, "w");
  g_assert_nonnull (f);
  fputs ("UnixTimeStamp,value\n", f);
  for (guint i = 0; i < n_rows; i++)
    {
      v += (i * 2654435761u % 1000) / 1000.0 - 0.5;
      fprintf (f, "%u,%.3f\n", 946684800u + i * 60u, v);
    }
  g_assert_cmpint (fclose (f), ==, 0);
  return path;
}

/* A 10-million-row CSV loads on a worker thread: the window keeps drawing frames, the
 * progress bar shows and moves, Cancel stops it and changes nothing; opened again, it
 * loads whole. */
static void
test_window_background_load (void)
{
  const guint n_rows = 10000000;
  g_autofree char *path = write_rows_csv (n_rows);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Frames frames = { 0 };
  KasaneWindow *window;
  KasaneDataset *shown;
  guint n_before, tick;

  reset_settings ();
  window = create_window_with_bundled ();
  n_before = kasane_window_get_n_datasets (window);
  frames.gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), record_frame_cb, &frames, NULL);
  kasane_test_wait_idle ();
  /* The same window idle, for comparison. */
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

    frames.last = 0;
    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_array_sort (frames.gaps, compare_gaps);
    g_test_message ("idle for a second: %u frames, gaps median %.1f ms, longest %.1f ms",
                    frames.gaps->len + 1,
                    g_array_index (frames.gaps, gint64, frames.gaps->len / 2) / 1000.0,
                    frames.max_gap / 1000.0);
    frames.max_gap = 0;
  }

  /* Cancelled once the bar shows. */
  g_assert_true (kasane_window_open_file (window, file));
  g_assert_true (kasane_window_get_loading (window));
  frames.last = 0;
  g_array_set_size (frames.gaps, 0);
  g_assert_true (wait_for_load (window, &frames, TRUE));
  kasane_test_iterate (50);
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, n_before);
  g_assert_false (kasane_window_get_load_revealed (window));

  /* Opened again: it loads whole, and the window drew all along. */
  frames.last = 0;
  frames.max_gap = 0;
  frames.n_frames = 0;
  g_array_set_size (frames.gaps, 0);
  g_assert_true (kasane_window_open_file (window, file));
  /* Asked for again while it loads: one more load after this one, still one entry. */
  g_assert_true (kasane_window_open_file (window, file));
  g_assert_true (wait_for_load (window, &frames, FALSE));
  g_array_sort (frames.gaps, compare_gaps);
  g_test_message ("while 10,000,000 rows loaded: %u frames, gaps median %.1f ms, 99th "
                  "percentile %.1f ms, longest %.1f ms", frames.n_frames,
                  g_array_index (frames.gaps, gint64, frames.gaps->len / 2) / 1000.0,
                  g_array_index (frames.gaps, gint64, frames.gaps->len * 99 / 100) / 1000.0,
                  frames.max_gap / 1000.0);
  /* A load on the window's thread would draw no frame until it ended (seconds).  The
   * frames' own cost depends on the renderer (software GL under Xvfb repaints the whole
   * window for each move of the bar): `make bench` gives the figures. */
  g_assert_cmpuint (frames.n_frames, >=, 10);
  g_assert_cmpint (frames.max_gap, <, G_USEC_PER_SEC / 4);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);

  kasane_test_iterate (50);
  g_assert_cmpuint (kasane_window_get_n_datasets (window), ==, n_before + 1);
  shown = kasane_window_get_shown_dataset (window);
  g_assert_nonnull (shown);
  g_assert_cmpuint (((KasaneSeries *) g_ptr_array_index (shown->series, 0))->n_points, ==,
                    n_rows);
  g_assert_false (kasane_window_get_load_revealed (window));

  g_array_unref (frames.gaps);
  destroy_window (window);
  g_unlink (path);
}

/* Saves what `widget` shows as a PNG (for looking at, with KASANE_TEST_SHOTS=DIR). */
static void
save_widget_png (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* A widget not drawn yet gives no node: let it draw. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      kasane_test_iterate (10);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* F1's help: its format reference documents every member the loader accepts and no
 * other; the shortcuts page lists the application's keys, F1 among them; the command
 * line page is what --help prints. */
static void
test_window_help (void)
{
  static const char * const pages[] = { "start", "format", "ledger", "keys", "cli" };
  const KasaneFormatMember *members;
  guint n_members;
  KasaneWindow *window;
  GtkWindow *help;
  g_autofree char *format = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *usage = kasane_cli_help_text ();
  const char *shots = g_getenv ("KASANE_TEST_SHOTS");

  reset_settings ();
  window = create_window ();
  help = kasane_help_window_new (GTK_WINDOW (window), "format");
  gtk_window_present (help);
  kasane_test_wait_idle ();

  format = kasane_help_window_get_page_text (help, "format");
  members = kasane_dataset_format_members (&n_members);
  g_assert_cmpuint (n_members, >, 40);
  for (guint i = 0; i < n_members; i++)
    {
      const char *text = kasane_help_describe_member (members[i].object, members[i].member);
      g_autofree char *line = g_strdup_printf ("\n%s\n", members[i].member);

      if (text == NULL)
        g_error ("the help does not document member \"%s\" of %s", members[i].member,
                 members[i].object);
      g_assert_nonnull (strstr (format, text));
      g_assert_nonnull (strstr (format, line));
    }
  /* Each documented member is one the loader has: none stale. */
  g_assert_cmpuint (kasane_help_n_members (), ==, n_members);
  /* The example is a dataset that loads. */
  {
    const char *start = strstr (format, "{\n  \"format\"");
    const char *end = start != NULL ? strstr (start, "\n}") : NULL;
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(KasaneDataset) dataset = NULL;

    g_assert_nonnull (end);
    dataset = kasane_dataset_load_json (start, end + 2 - start, "example.json", NULL,
                                        diagnostics);
    g_assert_nonnull (dataset);
  }

  keys = kasane_help_window_get_page_text (help, "keys");
  g_assert_nonnull (strstr (keys, "Open the help"));
  g_assert_nonnull (strstr (keys, "F1"));
  g_assert_nonnull (strstr (keys, "Alt+1"));
  cli = kasane_help_window_get_page_text (help, "cli");
  g_assert_nonnull (strstr (cli, g_strchomp (usage)));

  /* Every page in both languages: Japanese reads Japanese (with the loader's words kept
   * as they are written in a file). */
  for (guint l = 0; l < 2; l++)
    {
      const char *lang = l == 0 ? "en" : "ja";

      if (l == 1)
        {
          gtk_window_destroy (help);
          kasane_language_apply ("ja");
          help = kasane_help_window_new (GTK_WINDOW (window), NULL);
          gtk_window_present (help);
          kasane_test_wait_idle ();
          g_assert_cmpstr (gtk_window_get_title (help), ==, "Kasane ヘルプ");
          g_free (keys);
          keys = kasane_help_window_get_page_text (help, "keys");
          g_assert_nonnull (strstr (keys, "ヘルプを開く"));
          g_free (format);
          format = kasane_help_window_get_page_text (help, "format");
          g_assert_nonnull (strstr (format, "\nmitigates\n"));
          g_assert_nonnull (strstr (format, "必須"));
        }
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *text = kasane_help_window_get_page_text (help, pages[i]);

          g_assert_cmpuint (strlen (text), >, 200);
          if (shots != NULL)
            {
              g_autofree char *name = g_strdup_printf ("help-%s-%s.png", pages[i], lang);
              g_autofree char *path = g_build_filename (shots, name, NULL);
              GtkStack *stack = g_object_get_data (G_OBJECT (help), "kasane-help-stack");

              gtk_stack_set_visible_child_name (stack, pages[i]);
              save_widget_png (GTK_WIDGET (help), path);
            }
        }
    }
  kasane_language_apply ("en");

  gtk_window_destroy (help);
  destroy_window (window);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The primary menu is short: no second Open, and zoom is one row (out, the level, in)
 * that says the level and resets it. */
static void
test_window_menu_zoom_row (void)
{
  KasaneWindow *window;
  GtkWidget *menu_button, *popover, *in, *level;

  window = create_window_with_bundled ();
  menu_button = find_widget (gtk_window_get_titlebar (GTK_WINDOW (window)),
                             GTK_TYPE_MENU_BUTTON, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  kasane_test_wait_idle ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  g_assert_nonnull (popover);
  g_assert_null (find_action_button (popover, "app.open"));
  in = find_action_button (popover, "win.zoom-in");
  level = find_action_button (popover, "win.zoom-reset");
  g_assert_nonnull (in);
  g_assert_nonnull (level);
  g_assert_nonnull (find_action_button (popover, "win.zoom-out"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (level)), ==, "100 %");

  g_signal_emit_by_name (in, "clicked");
  kasane_test_wait_idle ();
  g_assert_cmpfloat_with_epsilon (kasane_zoom_get_level (kasane_zoom_get_default ()), 1.2, 1e-9);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (level)), ==, "120 %");
  g_signal_emit_by_name (level, "clicked");
  kasane_test_wait_idle ();
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (level)), ==, "100 %");

  gtk_popover_popdown (GTK_POPOVER (popover));
  destroy_window (window);
}

/* The Trend view opens with the featured series; its Series button lists every series
 * of the dataset, ticked for the charted ones, and ticking one charts it too; the last
 * ticked one stays. */
static void
test_window_series_chooser (void)
{
  KasaneWindow *window;
  KasaneTrendView *trend;
  KasaneDataset *dataset;
  GtkWidget *chooser, *popover, *check = NULL;
  guint n_featured = 0, n_checks = 0, n_ticked = 0;

  window = create_window_with_bundled ();
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "trend");
  kasane_test_wait_idle ();

  trend = KASANE_TREND_VIEW (kasane_window_get_trend_view (window));
  dataset = kasane_trend_view_get_dataset (trend);
  g_assert_nonnull (dataset);
  for (guint i = 0; i < dataset->series->len; i++)
    n_featured += ((KasaneSeries *) g_ptr_array_index (dataset->series, i))->featured;
  g_assert_cmpuint (n_featured, >, 0);
  g_assert_cmpuint (n_featured, <, dataset->series->len);
  g_assert_cmpuint (kasane_trend_view_get_n_series (trend), ==, n_featured);

  chooser = find_widget (gtk_widget_get_parent (GTK_WIDGET (trend)), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (chooser);
  gtk_menu_button_popup (GTK_MENU_BUTTON (chooser));
  kasane_test_wait_idle ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (chooser)));
  for (GtkWidget *w = find_widget (popover, GTK_TYPE_CHECK_BUTTON, NULL); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      int index = kasane_dataset_find_series (dataset, gtk_widget_get_name (w));
      KasaneSeries *series;

      g_assert_cmpint (index, ==, (int) n_checks);
      series = g_ptr_array_index (dataset->series, index);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (w)) == series->featured);
      n_ticked += gtk_check_button_get_active (GTK_CHECK_BUTTON (w));
      if (!series->featured && check == NULL)
        check = w;
      n_checks++;
    }
  g_assert_cmpuint (n_checks, ==, dataset->series->len);
  g_assert_cmpuint (n_ticked, ==, n_featured);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_trend_view_get_n_series (trend), ==, n_featured + 1);

  /* Untick everything: the last one stays, and so does a chart. */
  for (GtkWidget *w = find_widget (popover, GTK_TYPE_CHECK_BUTTON, NULL); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (w), FALSE);
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_trend_view_get_n_series (trend), ==, 1);

  gtk_popover_popdown (GTK_POPOVER (popover));
  destroy_window (window);
}

/* At 800×600 every view fits the window: none makes it wider than it was asked to be
 * (the Ledger's table used to push it past the screen, cutting off its last columns),
 * and the sidebar gives the view its width until the window is wide again. */
static void
test_window_narrow (void)
{
  static const char * const views[] = { "compare", "stack", "trend", "ledger", "explain" };
  KasaneWindow *window;

  window = create_window_with_bundled ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (gtk_widget_get_width (GTK_WIDGET (window)) > 800 &&
           g_get_monotonic_time () < deadline)
      kasane_test_iterate (50);
  }

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      int minimum = 0;

      gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), views[v]);
      kasane_test_iterate (200);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                          NULL, NULL);
      g_test_message ("%s: window %d px wide, at least %d", views[v],
                      gtk_widget_get_width (GTK_WIDGET (window)), minimum);
      g_assert_cmpint (minimum, <=, 800);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
    }
  /* Narrow: the sidebar hid itself; wide again: it is back. */
  {
    GtkWidget *pane = gtk_widget_get_ancestor (GTK_WIDGET (kasane_window_get_sidebar (window)),
                                               GTK_TYPE_SCROLLED_WINDOW);
    gint64 deadline;

    g_assert_false (gtk_widget_get_visible (pane));
    gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
    deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (!gtk_widget_get_visible (pane) && g_get_monotonic_time () < deadline)
      kasane_test_iterate (50);
    g_assert_true (gtk_widget_get_visible (pane));
  }
  destroy_window (window);
}

static void
test_window_views (void)
{
  const char * const *uris = kasane_session_get_bundled_uris ();
  KasaneWindow *window;
  KasaneDiagramView *compare, *stack;
  g_autofree char *last_view = NULL;

  reset_settings ();
  window = create_window ();
  for (guint i = 0; uris[i] != NULL; i++)
    g_assert_true (kasane_window_open_uri (window, uris[i]));
  kasane_test_wait_idle ();

  compare = KASANE_DIAGRAM_VIEW (kasane_window_get_compare_view (window));
  stack = KASANE_DIAGRAM_VIEW (kasane_window_get_stack_view (window));
  g_assert_true (gtk_widget_is_visible (find_widget (GTK_WIDGET (window), KASANE_TYPE_VIEW_SWITCHER,
                                                     NULL)));
  /* The switcher has labels while the header bar has room for them, icons when not. */
  {
    GtkStack *views = kasane_window_get_view_stack (window);
    GtkStackPage *page = gtk_stack_get_page (views, kasane_window_get_compare_view (window));
    gint64 deadline;

    g_assert_null (gtk_stack_page_get_icon_name (page));
    gtk_window_set_default_size (GTK_WINDOW (window), 560, 600);
    deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (gtk_stack_page_get_icon_name (page) == NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (gtk_stack_page_get_icon_name (page), ==, "view-dual-symbolic");
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 600);

    gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
    deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (gtk_stack_page_get_icon_name (page) != NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (gtk_stack_page_get_icon_name (page));
  }

  /* Compare is home and shows every dataset; Stack shows the selected one. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (kasane_window_get_view_stack (window)),
                   ==, "compare");
  g_assert_cmpuint (kasane_diagram_view_get_n_datasets (compare), ==,
                    g_strv_length ((char **) uris));
  g_assert_cmpint (kasane_diagram_view_get_kind (stack), ==, KASANE_DIAGRAM_STACK);
  g_assert_cmpuint (kasane_diagram_view_get_n_datasets (stack), ==, 1);

  /* F9's action hides the dataset list and shows it again. */
  {
    GtkWidget *list = GTK_WIDGET (kasane_window_get_sidebar (window));

    g_assert_true (gtk_widget_is_visible (list));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
    g_assert_false (gtk_widget_is_visible (list));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
    g_assert_true (gtk_widget_is_visible (list));
  }

  /* One zoom, the application's: every chart shows it, and resets with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (kasane_zoom_get_level (kasane_zoom_get_default ()), >, 1.0);
  g_assert_cmpfloat (kasane_chart_view_get_zoom (KASANE_CHART_VIEW (compare)), ==,
                     kasane_zoom_get_level (kasane_zoom_get_default ()));
  g_assert_cmpfloat (kasane_chart_view_get_zoom (KASANE_CHART_VIEW (stack)), ==,
                     kasane_chart_view_get_zoom (KASANE_CHART_VIEW (compare)));
  g_assert_cmpfloat (kasane_chart_view_get_zoom
                       (KASANE_CHART_VIEW (kasane_window_get_trend_view (window))), ==,
                     kasane_chart_view_get_zoom (KASANE_CHART_VIEW (compare)));
  /* The views have no zoom shortcuts of their own on top of the application's. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (compare), "diagram.zoom-in", NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (kasane_window_get_trend_view (window)),
                                              "trend.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_cmpfloat (kasane_chart_view_get_zoom (KASANE_CHART_VIEW (compare)), <, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpfloat (kasane_chart_view_get_zoom (KASANE_CHART_VIEW (compare)), ==, 1.0);

  /* A link in the Explain view shows that layer in the Compare view. */
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (window), "explain");
  kasane_test_wait_idle ();
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    last_view = g_settings_get_string (settings, "last-view");
  }
  g_assert_cmpstr (last_view, ==, "explain");
  g_signal_emit_by_name (kasane_window_get_explain_view (window), "link-activated",
                         "kasane:layer/crypto/l2");
  kasane_test_wait_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (kasane_window_get_view_stack (window)),
                   ==, "compare");
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (compare), ==, 1);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (compare), ==, 1);
  /* A problem link selects the layer that introduced it. */
  g_signal_emit_by_name (kasane_window_get_explain_view (window), "link-activated",
                         "kasane:problem/ai/thinking-cost");
  kasane_test_wait_idle ();
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (compare), ==, 0);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (compare), ==, 1);

  /* The export, copy and zoom actions are the window's own. */
  {
    const char *wanted[] = { "win.export", "win.copy-image", "win.zoom-in", "win.zoom-out",
                             "win.zoom-reset" };
    guint found = 0;
    const char *name;
    const GVariantType *parameter_type;
    const char *property_name;
    GType owner;

    /* GTK 4.8 writes every out argument: none may be NULL. */
    for (guint i = 0;
         gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name,
                                        &parameter_type, &property_name);
         i++)
      for (guint k = 0; k < G_N_ELEMENTS (wanted); k++)
        found += g_str_equal (name, wanted[k]);
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (wanted));
  }

  destroy_window (window);
  reset_settings ();
}

static void
test_application (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  g_auto(GStrv) open_files = NULL;
  KasaneApplication *app;
  GtkWindow *window;
  GList *windows;

  reset_settings ();
  app = kasane_application_new ();
  /* No name on the bus: another Kasane may be running on this machine. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 6; i++)
    {
      static const char *names[] = { "open", "open-uri", "shortcuts", "about", "quit",
                                     "language" };
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), names[i]));
    }
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.reload");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>r"));
  /* F5 is the presentation's (clickers send it), not Reload's. */
  g_assert_false (g_strv_contains ((const char * const *) accels, "F5"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.open");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>o"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.close-dataset");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>w"));

  /* Activation with no session opens the bundled datasets. */
  g_application_activate (G_APPLICATION (app));
  kasane_test_wait_idle ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (KASANE_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (kasane_window_get_n_datasets (KASANE_WINDOW (window)), ==, 2);
  open_files = g_settings_get_strv (settings, "open-files");
  g_assert_cmpstrv (open_files, kasane_session_get_bundled_uris ());

  /* Examples → Web opens the third bundled dataset beside the two, and Compare shows all
   * three. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-uri",
                                  g_variant_new_string ("resource:///io/github/kasane/Kasane/datasets/web.json"));
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (KASANE_WINDOW (window)), ==, 3);
  g_assert_cmpstr (kasane_window_get_shown_dataset (KASANE_WINDOW (window))->id, ==, "web");
  gtk_stack_set_visible_child_name (kasane_window_get_view_stack (KASANE_WINDOW (window)), "compare");
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_diagram_view_get_n_datasets (
                      KASANE_DIAGRAM_VIEW (kasane_window_get_compare_view (KASANE_WINDOW (window)))),
                    ==, 3);
  kasane_window_select_index (KASANE_WINDOW (window), 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dataset", NULL);
  kasane_test_wait_idle ();
  g_assert_cmpuint (kasane_window_get_n_datasets (KASANE_WINDOW (window)), ==, 2);
  g_clear_pointer (&open_files, g_strfreev);

  /* The help overlay and the about window build from their resources. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  kasane_test_wait_idle ();
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (
    GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))));
  gtk_widget_set_visible (
    GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))),
    FALSE);
  /* F1 opens the help, once. */
  g_assert_true (g_strv_contains ((const char * const *) (accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help")), "F1"));
  g_clear_pointer (&accels, g_strfreev);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  kasane_test_wait_idle ();
  g_assert_nonnull (kasane_application_get_help_window (KASANE_APPLICATION (app)));
  g_assert_true (gtk_widget_get_visible (
    GTK_WIDGET (kasane_application_get_help_window (KASANE_APPLICATION (app)))));
  {
    guint n_help = 0;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      n_help += l->data == (gpointer) kasane_application_get_help_window (KASANE_APPLICATION (app));
    g_assert_cmpuint (n_help, ==, 1);
  }
  gtk_window_destroy (kasane_application_get_help_window (KASANE_APPLICATION (app)));
  kasane_test_wait_idle ();
  g_assert_null (kasane_application_get_help_window (KASANE_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  kasane_test_wait_idle ();
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  {
    gboolean about_shown = FALSE;

    for (GList *l = windows; l != NULL; l = l->next)
      if (GTK_IS_ABOUT_DIALOG (l->data))
        {
          about_shown = gtk_widget_get_visible (l->data);
          gtk_window_destroy (l->data);
          break;
        }
    g_assert_true (about_shown);
  }
  kasane_test_wait_idle ();

  /* The theme follows its setting. */
  g_settings_set_string (settings, "theme", "dark");
  kasane_test_wait_idle ();
  {
    gboolean dark = FALSE;

    g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
    g_assert_true (dark);
    g_settings_set_string (settings, "theme", "light");
    kasane_test_wait_idle ();
    g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
    g_assert_false (dark);
  }
  g_settings_set_string (settings, "theme", "system");
  kasane_test_wait_idle ();

  /* Switching the language builds the window anew in it, with the datasets moved over. */
  {
    GtkWindow *old = window;
    GtkStack *stack;

    g_settings_set_string (settings, "language", "ja");
    kasane_test_wait_idle ();
    window = gtk_application_get_active_window (GTK_APPLICATION (app));
    g_assert_true (KASANE_IS_WINDOW (window));
    g_assert_true (window != old);
    g_assert_null (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), old));
    g_assert_cmpuint (kasane_window_get_n_datasets (KASANE_WINDOW (window)), ==, 2);
    stack = kasane_window_get_view_stack (KASANE_WINDOW (window));
    g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (
                       stack, kasane_window_get_compare_view (KASANE_WINDOW (window)))),
                     ==, "比較");
    g_assert_cmpstr (kasane_chart_view_get_lang (KASANE_CHART_VIEW (kasane_window_get_compare_view (KASANE_WINDOW (window)))), ==, "ja");
    /* The help opens in the language chosen. */
    g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
    kasane_test_wait_idle ();
    g_assert_cmpstr (gtk_window_get_title (kasane_application_get_help_window (KASANE_APPLICATION (app))),
                     ==, "Kasane ヘルプ");
    gtk_window_destroy (kasane_application_get_help_window (KASANE_APPLICATION (app)));
    kasane_test_wait_idle ();
    window = gtk_application_get_active_window (GTK_APPLICATION (app));

    g_settings_set_string (settings, "language", "en");
    kasane_test_wait_idle ();
    window = gtk_application_get_active_window (GTK_APPLICATION (app));
    stack = kasane_window_get_view_stack (KASANE_WINDOW (window));
    g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (
                       stack, kasane_window_get_compare_view (KASANE_WINDOW (window)))),
                     ==, "Compare");
    g_assert_cmpuint (kasane_window_get_n_datasets (KASANE_WINDOW (window)), ==, 2);
  }

  /* Quit closes the window, which saves its size. */
  gtk_window_set_default_size (window, 900, 640);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  kasane_test_wait_idle ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  /* The closed window is gone; the application itself cannot be finalized here: once
   * registered, GtkApplication 4.8 holds a reference that only the shutdown at the end of
   * g_application_run() drops. */
  g_assert_null (window);
  g_object_unref (app);
  reset_settings ();
}

static void
count_cb (gpointer user_data)
{
  (*(int *) user_data)++;
}

static void
find_button_cb (GtkWidget  *widget,
                const char *label,
                GtkWidget **out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        *out = child;
      find_button_cb (child, label, out);
    }
}

static void
test_toast (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkOverlay *overlay = GTK_OVERLAY (gtk_overlay_new ());
  GtkWidget *button = NULL;
  int pressed = 0, freed = 0;

  gtk_overlay_set_child (overlay, gtk_label_new ("content"));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overlay));
  gtk_window_present (GTK_WINDOW (window));
  kasane_test_wait_idle ();

  g_assert_null (kasane_toast_get_title (overlay));
  kasane_toast_show (overlay, "First", NULL, NULL, NULL, NULL, 0);
  g_assert_cmpstr (kasane_toast_get_title (overlay), ==, "First");

  /* A newer toast replaces the older one, whose data is freed. */
  kasane_toast_show (overlay, "Second", "_Open", count_cb, &pressed, count_cb, 0);
  g_assert_cmpstr (kasane_toast_get_title (overlay), ==, "Second");
  find_button_cb (GTK_WIDGET (overlay), "_Open", &button);
  g_assert_nonnull (button);
  g_assert_cmpint (pressed, ==, 0);
  g_signal_emit_by_name (button, "clicked");
  kasane_test_wait_idle ();

  /* Pressing the button calls the function, then dismisses the toast (animations are
   * off) and frees its data: count_cb is the destroy notify too, so it counts twice. */
  g_assert_null (kasane_toast_get_title (overlay));
  g_assert_cmpint (pressed, ==, 2);

  /* A timeout dismisses it by itself. */
  kasane_toast_show (overlay, "Third", NULL, NULL, &freed, count_cb, 1);
  g_assert_cmpstr (kasane_toast_get_title (overlay), ==, "Third");
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (kasane_toast_get_title (overlay) != NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_null (kasane_toast_get_title (overlay));
  g_assert_cmpint (freed, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  kasane_test_wait_idle ();
}

static void
test_clamp (void)
{
  GtkWidget *child = gtk_label_new ("A label that would like to be quite wide if it could be");
  GtkWidget *clamp = kasane_clamp_new (child, 200);
  GtkWidget *window = gtk_window_new ();
  int minimum, natural;

  gtk_label_set_wrap (GTK_LABEL (child), TRUE);
  gtk_window_set_child (GTK_WINDOW (window), clamp);
  gtk_widget_measure (clamp, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, <=, 200);
  g_assert_cmpint (minimum, <=, natural);

  /* Given more room, the child stays at the maximum, centred. */
  gtk_widget_size_allocate (clamp, &(GtkAllocation) { 0, 0, 600, 100 }, -1);
  g_assert_cmpint (gtk_widget_get_width (child), ==, 200);
  {
    graphene_point_t p;

    g_assert_true (gtk_widget_compute_point (child, clamp, &GRAPHENE_POINT_INIT (0, 0), &p));
    g_assert_cmpfloat (p.x, ==, 200);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Started from the build folder without GSETTINGS_SCHEMA_DIR, the window comes up with its
 * settings in memory and one warning, where g_settings_new () used to abort (SIGTRAP). */
static void
test_window_without_schema (void)
{
  const char *argv[] = { g_getenv ("KASANE_EXE"), NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *empty = g_dir_make_tmp ("kasane-no-schema-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  /* No installed copy of the schema either. */
  envp = g_environ_setenv (envp, "XDG_DATA_DIRS", empty, TRUE);
  envp = g_environ_setenv (envp, "KASANE_BENCH_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_rmdir (empty);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_true (g_str_has_prefix (out, "first-frame "));
  g_assert_nonnull (strstr (err, "settings are kept in memory"));
  /* One warning, not one per window or dialog. */
  g_assert_null (strstr (strstr (err, "settings are kept in memory") + 1,
                         "settings are kept in memory"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS, and with it the MIME database
   * and icon themes GTK needs.  Only the user's own folders (recently-used.xbel) move. */
  home = g_dir_make_tmp ("kasane-test-window-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < 4; i++)
    {
      static const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                    "XDG_STATE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  /* Revealers and stacks switch at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/ledger", test_window_ledger);
  g_test_add_func ("/window/language", test_window_language);
  g_test_add_func ("/window/broken-file", test_window_broken_file);
  g_test_add_func ("/window/missing-file", test_window_missing_file);
  g_test_add_func ("/window/bundled", test_window_bundled);
  g_test_add_func ("/window/views", test_window_views);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/series-chooser", test_window_series_chooser);
  g_test_add_func ("/window/zoom-text", test_window_zoom_text);
  g_test_add_func ("/window/text-floors", test_window_text_floors);
  g_test_add_func ("/window/ledger-side-by-side", test_window_ledger_side_by_side);
  g_test_add_func ("/window/reveal-fades", test_window_reveal_fades);
  g_test_add_func ("/window/slides-theme", test_window_slides_theme);
  g_test_add_func ("/window/ledger-robustness", test_window_ledger_robustness);
  g_test_add_func ("/window/whatif", test_window_whatif);
  g_test_add_func ("/window/new-dataset", test_window_new_dataset);
  g_test_add_func ("/window/live-reload", test_window_live_reload);
  g_test_add_func ("/window/live-reload-csv", test_window_live_reload_csv);
  g_test_add_func ("/window/background-load", test_window_background_load);
  g_test_add_func ("/window/help", test_window_help);
  g_test_add_func ("/window/menu-zoom-row", test_window_menu_zoom_row);
  g_test_add_func ("/window/toast", test_toast);
  g_test_add_func ("/window/clamp", test_clamp);
  g_test_add_func ("/window/without-schema", test_window_without_schema);
  /* Last: the application quits, which ends GTK for this process. */
  g_test_add_func ("/application/activate", test_application);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
