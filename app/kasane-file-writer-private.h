/* kasane-file-writer-private.h: a test hook into the file writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kasane-file-writer.h"

G_BEGIN_DECLS

/* Called with the temporary file's path once it holds the whole contents, synced, just
 * before it is renamed over the target (tests interrupt the write there). */
typedef void (*KasaneFileWriterHook) (const char *temp_path,
                                      gpointer    user_data);

void kasane_file_writer_set_written_hook (KasaneFileWriterHook hook,
                                          gpointer             user_data);

G_END_DECLS
