/* kasane-input.c: the one bounded reader every loader reads through
 *
 * A dataset is untrusted, and so is the file it is in: it may be a FIFO that never ends,
 * /dev/zero, a folder, a file that grows while it is read, or one swapped for any of
 * these between a check and a read.  So the path is opened once and every check is made
 * on the open descriptor, and no more than the cap is ever read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-input"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kasane-input.h"
#include "kasane-input-private.h"

G_DEFINE_QUARK (kasane-input-error-quark, kasane_input_error)

/* Blocks read from a stream when its size is not known up front. */
#define BLOCK_SIZE (64 * 1024)

static KasaneInputOpenedHook opened_hook;
static gpointer opened_hook_data;

void
kasane_input_set_opened_hook (KasaneInputOpenedHook hook,
                              gpointer              user_data)
{
  opened_hook = hook;
  opened_hook_data = user_data;
}

/* "16 MiB", "512 MiB", or bytes for a cap that is not a whole number of MiB. */
static char *
format_cap (gsize cap)
{
  if (cap % (1024 * 1024) == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", cap / (1024 * 1024));
  return g_strdup_printf ("%" G_GSIZE_FORMAT " bytes", cap);
}

static void
set_too_large (GError **error,
               guint64  size,
               gboolean at_least,
               gsize    cap)
{
  g_autofree char *limit = format_cap (cap);

  g_set_error (error, KASANE_INPUT_ERROR, KASANE_INPUT_ERROR_TOO_LARGE,
               at_least ? "file is too large (more than %" G_GUINT64_FORMAT " bytes; the "
                          "limit is %s)"
                        : "file is too large (%" G_GUINT64_FORMAT " bytes; the limit is %s)",
               size, limit);
}

static void
set_cannot_read (GError     **error,
                 int          code,
                 const char  *reason)
{
  g_autofree char *lower = g_strdup (reason);

  /* "No such file or directory" reads as the end of a sentence here. */
  if (g_ascii_isupper (lower[0]) && !g_ascii_isupper (lower[1]))
    lower[0] = g_ascii_tolower (lower[0]);
  g_set_error (error, KASANE_INPUT_ERROR, code, "cannot read: %s", lower);
}

/* Whole regular files only, at most `cap` bytes: anything else is refused at once. */
static gboolean
check_descriptor (int           fd,
                  gsize         cap,
                  struct stat  *st,
                  GError      **error)
{
  if (fstat (fd, st) != 0)
    {
      set_cannot_read (error, KASANE_INPUT_ERROR_OPEN, g_strerror (errno));
      return FALSE;
    }
  if (S_ISDIR (st->st_mode))
    {
      set_cannot_read (error, KASANE_INPUT_ERROR_FOLDER, "it is a folder, not a file");
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      set_cannot_read (error, KASANE_INPUT_ERROR_NOT_REGULAR,
                       "not a regular file");
      return FALSE;
    }
  if ((guint64) st->st_size > cap)
    {
      set_too_large (error, (guint64) st->st_size, FALSE, cap);
      return FALSE;
    }
  return TRUE;
}

/* Reads to the end, at most `cap` bytes; one byte more means the file grew past it. */
static GBytes *
read_descriptor (int           fd,
                 gsize         expected,
                 gsize         cap,
                 GError      **error)
{
  gsize capacity = MIN (expected, cap) + 1;
  gsize size = 0;
  g_autofree char *buffer = g_try_malloc (capacity + 1);

  if (buffer == NULL)
    {
      set_cannot_read (error, KASANE_INPUT_ERROR_READ, "not enough memory to hold the file");
      return NULL;
    }
  for (;;)
    {
      gssize n = read (fd, buffer + size, capacity - size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_cannot_read (error, KASANE_INPUT_ERROR_READ, g_strerror (errno));
          return NULL;
        }
      if (n == 0)
        break;
      size += (gsize) n;
      if (size > cap)
        {
          set_too_large (error, cap, TRUE, cap);
          return NULL;
        }
      if (size == capacity)
        {
          /* It grew since fstat: room for up to one byte past the cap. */
          char *larger;

          capacity = MIN (capacity * 2, cap + 1);
          larger = g_try_realloc (buffer, capacity + 1);
          if (larger == NULL)
            {
              set_cannot_read (error, KASANE_INPUT_ERROR_READ,
                               "not enough memory to hold the file");
              return NULL;
            }
          buffer = larger;
        }
    }
  buffer[size] = '\0';
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

int
kasane_input_open_path (const char  *path,
                        gsize        cap,
                        guint64     *size,
                        GError     **error)
{
  struct stat st;
  int fd;
  int flags;

  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    {
      set_cannot_read (error, errno == EISDIR ? KASANE_INPUT_ERROR_FOLDER
                                              : KASANE_INPUT_ERROR_OPEN,
                       errno == EISDIR ? "it is a folder, not a file" : g_strerror (errno));
      return -1;
    }
  if (opened_hook != NULL)
    opened_hook (path, opened_hook_data);
  if (!check_descriptor (fd, cap, &st, error))
    {
      close (fd);
      return -1;
    }
  /* A regular file: reads may block as usual (a network filesystem). */
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  *size = (guint64) st.st_size;
  return fd;
}

GBytes *
kasane_input_read_path (const char  *path,
                        gsize        cap,
                        GError     **error)
{
  GBytes *bytes;
  guint64 size;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = kasane_input_open_path (path, cap, &size, error);
  if (fd < 0)
    return NULL;
  bytes = read_descriptor (fd, (gsize) size, cap, error);
  close (fd);
  return bytes;
}

GBytes *
kasane_input_read_file (GFile         *file,
                        gsize          cap,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Local files get the descriptor checks. */
  path = g_file_get_path (file);
  if (path != NULL)
    return kasane_input_read_path (path, cap, error);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_cannot_read (error, g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY)
                              ? KASANE_INPUT_ERROR_FOLDER : KASANE_INPUT_ERROR_OPEN,
                       local_error->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE) &&
      g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      set_cannot_read (error, KASANE_INPUT_ERROR_FOLDER, "it is a folder, not a file");
      return NULL;
    }
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      (guint64) g_file_info_get_size (info) > cap)
    {
      set_too_large (error, (guint64) g_file_info_get_size (info), FALSE, cap);
      return NULL;
    }

  data = g_byte_array_new ();
  for (;;)
    {
      gsize before = data->len;
      gsize want = MIN ((gsize) BLOCK_SIZE, cap + 1 - before);
      gssize n;

      g_byte_array_set_size (data, before + want);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + before, want,
                               cancellable, &local_error);
      if (n < 0)
        {
          set_cannot_read (error, KASANE_INPUT_ERROR_READ, local_error->message);
          return NULL;
        }
      g_byte_array_set_size (data, before + (gsize) n);
      if (data->len > cap)
        {
          set_too_large (error, cap, TRUE, cap);
          return NULL;
        }
      if (n == 0)
        break;
    }
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);
  /* The NUL after the bytes that kasane_input_read_path () promises. */
  g_byte_array_append (data, (const guint8 *) "", 1);
  {
    gsize size = data->len - 1;
    GBytes *all = g_byte_array_free_to_bytes (g_steal_pointer (&data));
    GBytes *bytes = g_bytes_new_from_bytes (all, 0, size);

    g_bytes_unref (all);
    return bytes;
  }
}
