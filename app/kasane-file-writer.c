/* kasane-file-writer.c: replace a file with new contents, whole or not at all
 *
 * Exports are written to a temporary file in the target's folder, synced, and renamed
 * over the target, so a crash, a full disk or Ctrl+C never leaves half a picture where
 * the earlier one was.  Replacing respects the file being replaced: its mode bits and
 * (where allowed) its owner are kept, a symbolic link is written through to its target,
 * and a file with other hard links is rewritten in place (after its space is reserved)
 * so the links keep seeing it.  Read-only files, folders, pipes, devices and sockets are
 * refused before anything is written.  g_file_set_contents_full () does none of this,
 * nor removes its temporary file on SIGINT, so the writer stays Kasane's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kasane-file-writer.h"
#include "kasane-file-writer-private.h"
#include "kasane-session.h"

/* Symbolic links followed before giving up, as the kernel does (MAXSYMLINKS). */
#define MAX_LINKS 40

static KasaneFileWriterHook written_hook;
static gpointer written_hook_data;

void
kasane_file_writer_set_written_hook (KasaneFileWriterHook hook,
                                     gpointer             user_data)
{
  written_hook = hook;
  written_hook_data = user_data;
}

/* Errors */

static void
set_error (GError     **error,
           GIOErrorEnum code,
           const char  *path,
           const char  *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
set_error (GError     **error,
           GIOErrorEnum code,
           const char  *path,
           const char  *format,
           ...)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: "Cannot write “FILE”: REASON" */
  g_set_error (error, G_IO_ERROR, code, _("Cannot write “%1$s”: %2$s"), shown, reason);
}

static void
set_folder_error (GError     **error,
                  const char  *path,
                  const char  *folder,
                  int          saved_errno)
{
  g_autofree char *shown = g_filename_display_name (folder);

  switch (saved_errno)
    {
    case ENOENT:
      set_error (error, G_IO_ERROR_NOT_FOUND, path, _("the folder “%s” does not exist"), shown);
      break;
    case ENOTDIR:
      set_error (error, G_IO_ERROR_NOT_DIRECTORY, path, _("“%s” is not a folder"), shown);
      break;
    case ELOOP:
      set_error (error, G_IO_ERROR_TOO_MANY_LINKS, path,
                 _("the folder “%s” is a loop of symbolic links"), shown);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      set_error (error, G_IO_ERROR_PERMISSION_DENIED, path,
                 _("no permission to write in the folder “%s”"), shown);
      break;
    default:
      set_error (error, g_io_error_from_errno (saved_errno), path, "%s",
                 g_strerror (saved_errno));
      break;
    }
}

/* What is being replaced */

typedef struct
{
  char       *path;     /* the file that gets the contents: symbolic links followed */
  char       *folder;
  gboolean    exists;
  struct stat st;       /* when it exists */
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->path, g_free);
  g_clear_pointer (&target->folder, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

/* Follows symbolic links at `path` itself (the kernel follows those in its folders), so
 * that writing replaces the file a link points at, not the link. */
static gboolean
find_target (const char  *path,
             Target      *target,
             GError     **error)
{
  g_autofree char *current = g_strdup (path);
  struct stat folder_st;

  for (guint links = 0;; links++)
    {
      g_autofree char *link = NULL;
      g_autofree char *folder = NULL;

      if (lstat (current, &target->st) != 0)
        {
          if (errno != ENOENT)
            {
              g_autofree char *parent = g_path_get_dirname (current);

              set_folder_error (error, path, parent, errno);
              return FALSE;
            }
          target->exists = FALSE;
          break;
        }
      if (!S_ISLNK (target->st.st_mode))
        {
          target->exists = TRUE;
          break;
        }
      if (links == MAX_LINKS)
        {
          set_error (error, G_IO_ERROR_TOO_MANY_LINKS, path,
                     _("it is a loop of symbolic links"));
          return FALSE;
        }
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        {
          set_error (error, G_IO_ERROR_FAILED, path, "%s", g_strerror (errno));
          return FALSE;
        }
      folder = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_strdup (link)
                                          : g_build_filename (folder, link, NULL);
    }

  target->path = g_steal_pointer (&current);
  target->folder = g_path_get_dirname (target->path);
  if (stat (target->folder, &folder_st) != 0)
    {
      set_folder_error (error, path, target->folder, errno);
      return FALSE;
    }
  if (!S_ISDIR (folder_st.st_mode))
    {
      set_folder_error (error, path, target->folder, ENOTDIR);
      return FALSE;
    }
  if (!target->exists)
    return TRUE;

  if (S_ISDIR (target->st.st_mode))
    {
      set_error (error, G_IO_ERROR_IS_DIRECTORY, path, _("it is a folder"));
      return FALSE;
    }
  if (!S_ISREG (target->st.st_mode))
    {
      set_error (error, G_IO_ERROR_NOT_REGULAR_FILE, path,
                 _("it is not a regular file (a pipe, a device or a socket), and Kasane "
                   "replaces only regular files"));
      return FALSE;
    }
  /* The bits, not access (): as root, access () allows everything. */
  if ((target->st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      set_error (error, G_IO_ERROR_READ_ONLY, path,
                 _("the file is read-only; make it writable or choose another name"));
      return FALSE;
    }
  return TRUE;
}

gboolean
kasane_file_writer_check (const char  *path,
                          GError     **error)
{
  g_auto(Target) target = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  return find_target (path, &target, error);
}

/* Removing the temporary file on SIGINT, SIGTERM and SIGHUP */

static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };
static GMutex cleanup_lock;                 /* held while a write is armed */
static char cleanup_path[4096];
static volatile sig_atomic_t cleanup_armed;
static struct sigaction cleanup_saved[G_N_ELEMENTS (cleanup_signals)];
static gboolean cleanup_installed[G_N_ELEMENTS (cleanup_signals)];

static void
on_cleanup_signal (int signum)
{
  int saved_errno = errno;

  if (cleanup_armed)
    unlink (cleanup_path);
  cleanup_armed = 0;
  signal (signum, SIG_DFL);
  raise (signum);
  errno = saved_errno;
}

/* Only where the signal would kill the process anyway: a handler of the program's own
 * is left alone.  Returns FALSE when another thread's write is armed. */
static gboolean
arm_cleanup (const char *temp_path)
{
  struct sigaction action = { 0 };

  if (strlen (temp_path) >= sizeof cleanup_path || !g_mutex_trylock (&cleanup_lock))
    return FALSE;
  strcpy (cleanup_path, temp_path);
  cleanup_armed = 1;
  action.sa_handler = on_cleanup_signal;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    {
      struct sigaction current;

      cleanup_installed[i] = FALSE;
      if (sigaction (cleanup_signals[i], NULL, &current) == 0 &&
          !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_DFL &&
          sigaction (cleanup_signals[i], &action, &cleanup_saved[i]) == 0)
        cleanup_installed[i] = TRUE;
    }
  return TRUE;
}

static void
disarm_cleanup (void)
{
  cleanup_armed = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    if (cleanup_installed[i])
      sigaction (cleanup_signals[i], &cleanup_saved[i], NULL);
  g_mutex_unlock (&cleanup_lock);
}

/* Writing */

static int
write_all (int          fd,
           const guint8 *data,
           gsize         length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize written = pwrite (fd, data + done, length - done, (off_t) done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return written < 0 ? errno : ENOSPC;
      done += (gsize) written;
    }
  return 0;
}

/* A file with other hard links is rewritten in place, so they keep seeing it.  Its space
 * is reserved first: a full disk is then found before a byte of it changes. */
static gboolean
write_in_place (const char   *path,
                const Target *target,
                const guint8 *data,
                gsize         length,
                GError      **error)
{
  struct stat st;
  int fd = open (target->path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  int failure;

  if (fd < 0)
    {
      set_error (error, g_io_error_from_errno (errno), path, "%s", g_strerror (errno));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || st.st_dev != target->st.st_dev || st.st_ino != target->st.st_ino)
    {
      close (fd);
      set_error (error, G_IO_ERROR_FAILED, path, _("the file changed while it was written"));
      return FALSE;
    }
  failure = length > 0 ? posix_fallocate (fd, 0, (off_t) length) : 0;
  if (failure == EOPNOTSUPP || failure == EINVAL)
    failure = 0;      /* the filesystem cannot reserve: write and see */
  if (failure == 0)
    failure = write_all (fd, data, length);
  if (failure == 0 && ftruncate (fd, (off_t) length) != 0)
    failure = errno;
  if (failure == 0 && fsync (fd) != 0)
    failure = errno;
  if (close (fd) != 0 && failure == 0)
    failure = errno;
  if (failure != 0)
    {
      set_error (error, g_io_error_from_errno (failure), path, "%s", g_strerror (failure));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_and_rename (const char   *path,
                  const Target *target,
                  const guint8 *data,
                  gsize         length,
                  GError      **error)
{
  /* Short, so that a target name of up to 255 bytes still leaves room for it. */
  g_autofree char *temp_path = g_build_filename (target->folder, ".kasane-XXXXXX", NULL);
  gboolean armed;
  int failure = 0;
  int fd;

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_folder_error (error, path, target->folder, errno);
      return FALSE;
    }
  armed = arm_cleanup (temp_path);

  if (target->exists)
    {
      /* Keep the replaced file's owner (where allowed) and mode, in that order: chown
       * clears set-id bits. */
      if (fchown (fd, target->st.st_uid, target->st.st_gid) != 0)
        g_debug ("%s keeps the writer as its owner: %s", target->path, g_strerror (errno));
      if (fchmod (fd, target->st.st_mode & 07777) != 0)
        failure = errno;
    }
  if (failure == 0)
    failure = write_all (fd, data, length);
  /* The data must be on disk before the name points at it, or a crash could leave an
   * empty file where the earlier export was. */
  if (failure == 0 && fsync (fd) != 0)
    failure = errno;
  if (close (fd) != 0 && failure == 0)
    failure = errno;
  if (failure == 0 && written_hook != NULL)
    written_hook (temp_path, written_hook_data);
  if (failure == 0 && g_rename (temp_path, target->path) != 0)
    failure = errno;
  if (failure != 0)
    g_unlink (temp_path);
  if (armed)
    disarm_cleanup ();

  if (failure != 0)
    {
      if (failure == ENOENT || failure == EACCES || failure == EPERM || failure == EROFS)
        set_folder_error (error, path, target->folder, failure);
      else
        set_error (error, g_io_error_from_errno (failure), path, "%s", g_strerror (failure));
      return FALSE;
    }

  /* And the rename itself should survive a crash; failing to sync it is not an error. */
  fd = open (target->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

gboolean
kasane_file_writer_replace (const char  *path,
                            const void  *data,
                            gsize        length,
                            GError     **error)
{
  g_auto(Target) target = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_target (path, &target, error))
    return FALSE;
  if (target.exists && target.st.st_nlink > 1)
    return write_in_place (path, &target, data, length, error);
  return write_and_rename (path, &target, data, length, error);
}

gboolean
kasane_file_writer_replace_dataset (const char  *path,
                                    const char  *json,
                                    GError     **error)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) back = NULL;

  g_return_val_if_fail (path != NULL && json != NULL, FALSE);

  if (!kasane_file_writer_replace (path, json, strlen (json), error))
    return FALSE;
  back = kasane_session_load_path (path, diagnostics);
  if (back == NULL)
    {
      g_autofree char *faults = kasane_diagnostics_format (diagnostics);

      g_unlink (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: a dataset Kasane wrote did not load back; %s its faults */
                   _("The written dataset did not load back, so it was removed: %s"),
                   faults != NULL ? g_strchomp (faults) : "");
      return FALSE;
    }
  return TRUE;
}
