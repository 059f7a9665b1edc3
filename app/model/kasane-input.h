/* kasane-input.h: the one bounded reader every loader reads through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KASANE_INPUT_ERROR (kasane_input_error_quark ())

typedef enum
{
  KASANE_INPUT_ERROR_OPEN,          /* could not be opened (missing, no permission …) */
  KASANE_INPUT_ERROR_FOLDER,        /* a folder, not a file */
  KASANE_INPUT_ERROR_NOT_REGULAR,   /* a FIFO, device or socket */
  KASANE_INPUT_ERROR_TOO_LARGE,     /* more bytes than the cap */
  KASANE_INPUT_ERROR_READ,          /* reading failed part way */
} KasaneInputError;

GQuark  kasane_input_error_quark (void);

/* Reads the whole file at `path` and at most `cap` bytes of it.  The file is opened once
 * (never blocking, so a FIFO cannot hang it) and its open descriptor checked: anything
 * but a regular file is refused at once, and a file that grows past `cap` while it is
 * read is still refused.  The bytes are followed by a NUL not counted in their size.
 * Error messages read "cannot read: REASON" or "file is too large (…)".  The decoders
 * check the encoding (UTF-8 with GLib, and UTF-16 for CSV), with the place of a bad byte. */
GBytes *kasane_input_read_path (const char    *path,
                                gsize          cap,
                                GError       **error);
/* The same checks, for a caller that reads the file in pieces: the open descriptor (to
 * close) and the file's size when it was opened, or -1 and the error. */
int     kasane_input_open_path (const char    *path,
                                gsize          cap,
                                guint64       *size,
                                GError       **error);
/* The same for any GFile (a remote one, a resource): the size is asked first where the
 * backend knows it, and the stream is read in blocks that stop past `cap`, so a large
 * remote file is refused without being fetched whole. */
GBytes *kasane_input_read_file (GFile         *file,
                                gsize          cap,
                                GCancellable  *cancellable,
                                GError       **error);
G_END_DECLS
