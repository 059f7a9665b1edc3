/* kasane-starter.h: the starter dataset that `kasane --new` writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The loader's cap on layers. */
#define KASANE_STARTER_MAX_LAYERS 100

/* A dataset id made from a file name: "My Stack.kasane.json" → "my-stack". */
char *kasane_starter_id_from_path (const char *path);
/* The starter dataset's text (JSON, UTF-8, ending in a newline): `n_layers` layers
 * (1 to KASANE_STARTER_MAX_LAYERS), `today` an ISO date for its placeholder source. */
char *kasane_starter_json         (const char *id,
                                   guint       n_layers,
                                   const char *today);

/* Writes the starter for `path` (its id from the file name, `n_layers` layers, today's
 * date) whole or not at all, and loads it back; a file that does not load back is
 * removed.  Without `replace`, an existing file is an error (G_IO_ERROR_EXISTS) and is
 * left as it was. */
gboolean kasane_starter_write     (const char *path,
                                   guint       n_layers,
                                   gboolean    replace,
                                   GError    **error);

G_END_DECLS
