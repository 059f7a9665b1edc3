#include "config.h"

#include "kasane-test-util.h"

#include "kasane-loader.h"

KasaneDataset *
kasane_test_load_bundled (const char *name)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autofree char *path = NULL;
  const char *root = g_getenv ("KASANE_SOURCE_ROOT");
  KasaneDataset *dataset;

  if (root != NULL)
    path = g_build_filename (root, "data", "datasets", name, NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", name, NULL);
  dataset = kasane_load_file (path, diagnostics);
  if (dataset == NULL)
    {
      g_autofree char *faults = kasane_diagnostics_format (diagnostics);

      g_error ("the bundled dataset %s does not load:\n%s", path, faults);
    }
  return dataset;
}

void
kasane_test_add_problem (KasaneDataset *dataset,
                         const char    *id,
                         int            weight)
{
  KasaneProblem *problem = kasane_problem_new ();

  problem->id = g_strdup (id);
  problem->label.en = g_strdup (id);
  problem->weight = weight;
  g_ptr_array_add (dataset->problems, problem);
}

void
kasane_test_add_layer (KasaneDataset *dataset,
                       const char    *id,
                       gint64         level,
                       const char    *name,
                       const char    *effects)
{
  KasaneLayer *layer = kasane_layer_new ();
  g_auto(GStrv) words = g_strsplit (effects, " ", -1);

  layer->id = g_strdup (id);
  layer->level = level;
  layer->name.en = g_strdup (name != NULL ? name : id);
  for (guint i = 0; words[i] != NULL; i++)
    {
      KasaneEffect effect;
      int problem;
      guint index;

      if (words[i][0] == '\0')
        continue;
      switch (words[i][0])
        {
        case '+': effect = KASANE_EFFECT_INTRODUCES; break;
        case '=': effect = KASANE_EFFECT_SOLVES; break;
        case '-': effect = KASANE_EFFECT_MITIGATES; break;
        case '^': effect = KASANE_EFFECT_WORSENS; break;
        default: g_assert_not_reached ();
        }
      problem = kasane_dataset_find_problem (dataset, words[i] + 1);
      g_assert_cmpint (problem, >=, 0);
      index = (guint) problem;
      g_array_append_val (layer->effects[effect], index);
    }
  g_ptr_array_add (dataset->layers, layer);
}

void
kasane_test_wait_idle (void)
{
  for (guint i = 0; i < 10000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

void
kasane_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

const char *
kasane_test_decimal_comma_locale (GError **error)
{
  static char *locpath;
  static char *failure;
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;
  int status = 0;

  if (locpath == NULL && failure == NULL)
    {
      const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", NULL, NULL };
      char *dir = g_dir_make_tmp ("kasane-locale-XXXXXX", &local_error);

      if (dir != NULL)
        {
          target = g_build_filename (dir, "de_DE.UTF-8", NULL);
          argv[5] = target;
          if (g_spawn_sync (NULL, (char **) argv, NULL,
                            G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                            G_SPAWN_STDERR_TO_DEV_NULL,
                            NULL, NULL, NULL, NULL, &status, &local_error) &&
              g_spawn_check_wait_status (status, &local_error))
            locpath = dir;
          else
            g_free (dir);
        }
      if (locpath == NULL)
        failure = g_strdup_printf ("localedef de_DE.UTF-8: %s", local_error->message);
    }
  if (locpath == NULL)
    {
      g_set_error_literal (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, failure);
      return NULL;
    }
  g_setenv ("LOCPATH", locpath, TRUE);
  return "de_DE.UTF-8";
}
