/* driver.c: runs a fuzz target over files, so the corpus runs as a test without libFuzzer
 *
 * Each argument is a file or a folder of files; every file is fed to the target once.
 * Prints TAP.
 */
#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static guint n_tests;

static void
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const unsigned char *) contents, length);
  g_print ("ok %u %s\n", ++n_tests, path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (files, g_build_filename (argv[i], name, NULL));
        }
      else
        g_ptr_array_add (files, g_strdup (argv[i]));
    }
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  g_print ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    run_file (g_ptr_array_index (files, i));
  return 0;
}
