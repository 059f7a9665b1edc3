/* kasane-file-writer.h: replace a file with new contents, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether `path` may be replaced: its folder exists, and it is absent or a writable
 * regular file (symbolic links followed).  Errors are G_IO_ERROR, with a message that
 * names the file and says what to do. */
gboolean kasane_file_writer_check   (const char  *path,
                                     GError     **error);
/* Replaces `path` with `data`, keeping its mode, owner (where allowed), symbolic links
 * to it and hard links; on any failure the file is as it was and no temporary file is
 * left (SIGINT, SIGTERM and SIGHUP included). */
gboolean kasane_file_writer_replace (const char  *path,
                                     const void  *data,
                                     gsize        length,
                                     GError     **error);

/* Replaces `path` with the dataset text `json` as kasane_file_writer_replace () does, then
 * loads it back through the session: a file that does not load is removed again, and the
 * error gives its faults.  What New Dataset, --new and Save As of a what-if write. */
gboolean kasane_file_writer_replace_dataset (const char  *path,
                                             const char  *json,
                                             GError     **error);

G_END_DECLS
