/* test-file-writer.c: replacing a file respects the file it replaces */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kasane-file-writer.h"
#include "kasane-file-writer-private.h"

static char *work;

static char *
work_path (const char *name)
{
  return g_build_filename (work, name, NULL);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Nothing but `names` in the work folder: no temporary file was left behind. */
static void
assert_work_holds (const char * const *names)
{
  g_autoptr(GDir) dir = g_dir_open (work, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("in the folder: %s", name);
      g_assert_true (g_strv_contains (names, name));
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) names));
}

static void
clear_work (void)
{
  g_autoptr(GDir) dir = g_dir_open (work, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = work_path (name);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

static void
test_new_file (void)
{
  g_autofree char *out = work_path ("new.png");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  mode_t mask = umask (022);

  umask (mask);
  g_assert_true (kasane_file_writer_replace (out, "new", 3, &error));
  g_assert_no_error (error);
  text = read_text (out);
  g_assert_cmpstr (text, ==, "new");
  g_assert_cmpint (stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
  assert_work_holds ((const char *[]) { "new.png", NULL });
  clear_work ();
}

/* A private file stays private; a setgid-less group file keeps its bits. */
static void
test_keeps_mode (void)
{
  g_autofree char *out = work_path ("private.png");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_assert_cmpint (g_chmod (out, 0600), ==, 0);
  g_assert_true (kasane_file_writer_replace (out, "fresh", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  text = read_text (out);
  g_assert_cmpstr (text, ==, "fresh");

  g_assert_cmpint (g_chmod (out, 0640), ==, 0);
  g_assert_true (kasane_file_writer_replace (out, "again", 5, &error));
  g_assert_cmpint (stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  assert_work_holds ((const char *[]) { "private.png", NULL });
  clear_work ();
}

/* Refused by its bits, even for root (for whom access () says yes). */
static void
test_refuses_read_only (void)
{
  g_autofree char *out = work_path ("locked.png");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (out, "keep me", -1, NULL));
  g_assert_cmpint (g_chmod (out, 0444), ==, 0);
  g_assert_false (kasane_file_writer_check (out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (kasane_file_writer_replace (out, "new", 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "locked.png"));
  g_assert_nonnull (strstr (error->message, "read-only"));
  text = read_text (out);
  g_assert_cmpstr (text, ==, "keep me");
  assert_work_holds ((const char *[]) { "locked.png", NULL });
  g_chmod (out, 0644);
  clear_work ();
}

/* A link to the picture stays a link; the picture it names gets the new contents. */
static void
test_through_symlink (void)
{
  g_autofree char *real = work_path ("real.png");
  g_autofree char *link = work_path ("link.png");
  g_autofree char *dangling = work_path ("dangling.png");
  g_autofree char *made = work_path ("made.png");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.png", link), ==, 0);
  g_assert_true (kasane_file_writer_replace (link, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = read_text (real);
  g_assert_cmpstr (text, ==, "new");
  g_clear_pointer (&text, g_free);

  /* A link to a file not made yet makes that file. */
  g_assert_cmpint (symlink ("made.png", dangling), ==, 0);
  g_assert_true (kasane_file_writer_replace (dangling, "made", 4, &error));
  g_assert_no_error (error);
  text = read_text (made);
  g_assert_cmpstr (text, ==, "made");
  assert_work_holds ((const char *[]) { "real.png", "link.png", "dangling.png", "made.png",
                                        NULL });
  clear_work ();
}

static void
test_keeps_hard_links (void)
{
  g_autofree char *out = work_path ("shared.png");
  g_autofree char *other = work_path ("other-name.png");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (out, "a longer old content", -1, NULL));
  g_assert_cmpint (link (out, other), ==, 0);
  g_assert_true (kasane_file_writer_replace (out, "short", 5, &error));
  g_assert_no_error (error);
  text = read_text (other);
  g_assert_cmpstr (text, ==, "short");
  assert_work_holds ((const char *[]) { "shared.png", "other-name.png", NULL });
  clear_work ();
}

/* Pipes, devices and folders are refused at once (a pipe must not block the writer). */
static void
test_refuses_special_files (void)
{
  g_autofree char *fifo = work_path ("pipe.png");
  g_autofree char *folder = work_path ("folder.png");
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (kasane_file_writer_replace (fifo, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_false (kasane_file_writer_replace ("/dev/null", "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (kasane_file_writer_replace (folder, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  assert_work_holds ((const char *[]) { "pipe.png", "folder.png", NULL });
  clear_work ();
}

/* The names of a missing folder, a file for a folder and a loop of links are told apart. */
static void
test_folder_errors (void)
{
  g_autofree char *missing = work_path ("nope/out.png");
  g_autofree char *file = work_path ("file");
  g_autofree char *under_file = work_path ("file/out.png");
  g_autofree char *loop_a = work_path ("loop-a");
  g_autofree char *loop_b = work_path ("loop-b");
  g_autofree char *in_loop = work_path ("loop-a/out.png");
  g_autoptr(GError) error = NULL;

  g_assert_false (kasane_file_writer_replace (missing, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "", -1, NULL));
  g_assert_false (kasane_file_writer_replace (under_file, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (symlink ("loop-b", loop_a), ==, 0);
  g_assert_cmpint (symlink ("loop-a", loop_b), ==, 0);
  g_assert_false (kasane_file_writer_replace (in_loop, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_null (strstr (error->message, "does not exist"));
  g_clear_error (&error);
  g_assert_false (kasane_file_writer_replace (loop_a, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_clear_error (&error);
  clear_work ();
}

/* A 255-byte name, the longest a folder entry can have, is written (the temporary file's
 * name used to be the target's plus eight bytes). */
static void
test_long_name (void)
{
  g_autofree char *name = g_strnfill (251, 'n');
  g_autofree char *base = g_strconcat (name, ".png", NULL);
  g_autofree char *out = work_path (base);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (base), ==, 255);
  g_assert_true (kasane_file_writer_replace (out, "long", 4, &error));
  g_assert_no_error (error);
  assert_work_holds ((const char *[]) { base, NULL });
  clear_work ();
}

static void
interrupt (const char *temp_path,
           gpointer    user_data)
{
  g_assert_true (g_file_test (temp_path, G_FILE_TEST_EXISTS));
  raise (GPOINTER_TO_INT (user_data));
}

/* Ctrl+C (or a kill) after the data is written and before the rename: the earlier file
 * is intact and the temporary file is gone. */
static void
test_interrupted (gconstpointer data)
{
  int signum = GPOINTER_TO_INT (data);
  g_autofree char *out = work_path ("out.png");
  g_autofree char *text = NULL;

  if (g_test_subprocess ())
    {
      kasane_file_writer_set_written_hook (interrupt, GINT_TO_POINTER (signum));
      kasane_file_writer_replace (out, "half", 4, NULL);
      g_assert_not_reached ();
    }
  g_assert_true (g_file_set_contents (out, "earlier", -1, NULL));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  text = read_text (out);
  g_assert_cmpstr (text, ==, "earlier");
  assert_work_holds ((const char *[]) { "out.png", NULL });
  clear_work ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The subprocess of the interrupted tests works in its parent's folder. */
  if (g_test_subprocess ())
    work = g_strdup (g_getenv ("KASANE_TEST_WRITER_FOLDER"));
  else
    {
      work = g_dir_make_tmp ("kasane-test-file-writer-XXXXXX", NULL);
      g_setenv ("KASANE_TEST_WRITER_FOLDER", work, TRUE);
    }
  g_assert_nonnull (work);

  g_test_add_func ("/file-writer/new-file", test_new_file);
  g_test_add_func ("/file-writer/keeps-mode", test_keeps_mode);
  g_test_add_func ("/file-writer/refuses-read-only", test_refuses_read_only);
  g_test_add_func ("/file-writer/through-symlink", test_through_symlink);
  g_test_add_func ("/file-writer/keeps-hard-links", test_keeps_hard_links);
  g_test_add_func ("/file-writer/refuses-special-files", test_refuses_special_files);
  g_test_add_func ("/file-writer/folder-errors", test_folder_errors);
  g_test_add_func ("/file-writer/long-name", test_long_name);
  g_test_add_data_func ("/file-writer/interrupted/sigint", GINT_TO_POINTER (SIGINT),
                        test_interrupted);
  g_test_add_data_func ("/file-writer/interrupted/sigterm", GINT_TO_POINTER (SIGTERM),
                        test_interrupted);

  status = g_test_run ();
  if (!g_test_subprocess ())
    g_rmdir (work);
  return status;
}
