/* test-input.c: the one bounded reader */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kasane-input.h"
#include "kasane-input-private.h"
#include "kasane-resources.h"

static char *work;

static char *
write_work_file (const char *name,
                 const char *contents,
                 gssize      length)
{
  char *path = g_build_filename (work, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_regular (void)
{
  g_autofree char *path = write_work_file ("plain.json", "{\"a\": 1}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kasane_input_read_path (path, 1024, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpmem (data, size, "{\"a\": 1}", 8);
  /* A NUL follows the bytes. */
  g_assert_cmpint (data[size], ==, '\0');
  g_unlink (path);
}

static void
test_cap (void)
{
  g_autofree char *text = g_strnfill (100, 'x');
  g_autofree char *path = write_work_file ("hundred.txt", text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exact = kasane_input_read_path (path, 100, &error);
  g_autoptr(GBytes) over = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (exact), ==, 100);
  over = kasane_input_read_path (path, 99, &error);
  g_assert_null (over);
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "file is too large (100 bytes; the limit is 99 bytes)");
  g_clear_error (&error);

  g_assert_null (kasane_input_read_path (path, 0, &error));
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_TOO_LARGE);
  g_unlink (path);
}

/* A FIFO with no writer, a device that never ends and a folder are refused at once. */
static void
test_not_regular (void)
{
  g_autofree char *fifo = g_build_filename (work, "pipe.json", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  start = g_get_monotonic_time ();
  g_assert_null (kasane_input_read_path (fifo, 1024, &error));
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_NOT_REGULAR);
  g_assert_cmpstr (error->message, ==, "cannot read: not a regular file");
  g_clear_error (&error);
  /* At once: nothing waited for a writer (a generous bound for a loaded machine). */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_assert_null (kasane_input_read_path ("/dev/zero", 1024, &error));
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  g_assert_null (kasane_input_read_path (work, 1024, &error));
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_FOLDER);
  g_assert_cmpstr (error->message, ==, "cannot read: it is a folder, not a file");
  g_clear_error (&error);
  g_unlink (fifo);
}

static void
test_missing (void)
{
  g_autofree char *path = g_build_filename (work, "none.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (kasane_input_read_path (path, 1024, &error));
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_OPEN);
  g_assert_cmpstr (error->message, ==, "cannot read: no such file or directory");
}

/* Swaps the opened path for a FIFO, as another program could between a check and a
 * read: the reader reads what it opened. */
static void
swap_for_fifo (const char *path,
               gpointer    user_data)
{
  g_autofree char *fifo = g_strconcat (path, ".fifo", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_rename (fifo, path), ==, 0);
  *(gboolean *) user_data = TRUE;
}

static void
test_swapped_after_open (void)
{
  g_autofree char *path = write_work_file ("swapped.json", "original", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean swapped = FALSE;
  struct stat st;

  kasane_input_set_opened_hook (swap_for_fifo, &swapped);
  bytes = kasane_input_read_path (path, 1024, &error);
  kasane_input_set_opened_hook (NULL, NULL);
  g_assert_true (swapped);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "original", 8);
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* And a FIFO at open time is refused without waiting. */
  g_assert_null (kasane_input_read_path (path, 1024, &error));
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_NOT_REGULAR);
  g_unlink (path);
}

/* Grows the file past the cap after it is opened: still refused. */
static void
grow (const char *path,
      gpointer    user_data)
{
  FILE *file = fopen (path, "a");

  g_assert_nonnull (file);
  for (guint i = 0; i < 64; i++)
    fputs ("more and more ", file);
  fclose (file);
}

static void
test_grows_after_open (void)
{
  g_autofree char *path = write_work_file ("growing.json", "small", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  kasane_input_set_opened_hook (grow, NULL);
  bytes = kasane_input_read_path (path, 100, &error);
  kasane_input_set_opened_hook (NULL, NULL);
  g_assert_null (bytes);
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_TOO_LARGE);
  g_unlink (path);
}

/* A GFile that is not local (a resource here) is read in blocks that stop past the cap. */
static void
test_gfile (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///io/github/kasane/Kasane/datasets/"
                                              "ai.json");
  g_autofree char *path = write_work_file ("local.json", "local", -1);
  g_autoptr(GFile) local = g_file_new_for_path (path);
  g_autoptr(GFile) fifo_file = NULL;
  g_autofree char *fifo = g_build_filename (work, "gpipe.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) local_bytes = NULL;

  whole = kasane_input_read_file (file, 16 * 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 1000);
  g_assert_true (strstr (g_bytes_get_data (whole, NULL), "\"layers\"") != NULL);

  g_assert_null (kasane_input_read_file (file, 1000, NULL, &error));
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* A local GFile takes the descriptor checks. */
  local_bytes = kasane_input_read_file (local, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (local_bytes), ==, 5);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fifo_file = g_file_new_for_path (fifo);
  g_assert_null (kasane_input_read_file (fifo_file, 100, NULL, &error));
  g_assert_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_NOT_REGULAR);
  g_unlink (fifo);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The bundle is in a static library: referring to it links it in and registers it. */
  g_assert_nonnull (kasane_get_resource ());
  work = g_dir_make_tmp ("kasane-test-input-XXXXXX", NULL);
  g_assert_nonnull (work);

  g_test_add_func ("/input/regular", test_regular);
  g_test_add_func ("/input/cap", test_cap);
  g_test_add_func ("/input/not-regular", test_not_regular);
  g_test_add_func ("/input/missing", test_missing);
  g_test_add_func ("/input/swapped-after-open", test_swapped_after_open);
  g_test_add_func ("/input/grows-after-open", test_grows_after_open);
  g_test_add_func ("/input/gfile", test_gfile);

  status = g_test_run ();
  g_rmdir (work);
  return status;
}
