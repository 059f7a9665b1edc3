/* kasane-session.h: the open documents, and the one way datasets are loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kasane-dataset.h"
#include "kasane-diagnostic.h"
#include "kasane-whatif.h"

G_BEGIN_DECLS

/* One open file (or a dataset that lives only in memory).  The fields are the session's:
 * read them, never write them. */
typedef struct
{
  char          *uri;        /* NULL for a dataset that lives only in memory */
  char          *name;       /* the file's name, for the sidebar and messages (UTF-8) */
  char          *identity;   /* device and inode of a local file, else the URI */
  KasaneDataset *dataset;    /* the last version that loaded, or NULL; a what-if of it
                                while the judgements are being edited (whatif_of) */
  char          *errors;     /* the located errors of the last load when it failed */
  guint          n_errors;
  char          *error_uri;  /* the file the first of them is in (the dataset or a CSV
                                file it names), when it failed, or NULL */
  char         **inputs;     /* the other files the last good version read (CSV), or NULL */
  gboolean       whatif_lost;  /* the last reload dropped a what-if that no longer
                                  applied to the file */
  GPtrArray     *history;    /* of GArray of KasaneChange: the what-if states, undo's */
  guint          history_at; /* the state shown */
} KasaneDocument;

#define KASANE_TYPE_SESSION (kasane_session_get_type ())

G_DECLARE_FINAL_TYPE (KasaneSession, kasane_session, KASANE, SESSION, GObject)

/* The datasets Kasane ships (resource:// URIs), in the order Compare shows them. */
const char * const *kasane_session_get_bundled_uris (void);

/* The one loader entry point.  A local file goes to the loader its extension names
 * (CSV paths in a dataset are resolved in its folder); a resource or remote file is read
 * through the bounded reader and parsed as a dataset.  Returns NULL with the located
 * faults in `diagnostics` when the file does not load. */
KasaneDataset  *kasane_session_load_path     (const char        *path,
                                              KasaneDiagnostics *diagnostics);
KasaneDataset  *kasane_session_load_file     (GFile             *file,
                                              KasaneDiagnostics *diagnostics);
/* The bundled datasets, loaded; NULL and a message if one of them does not load. */
GPtrArray      *kasane_session_load_bundled  (GError           **error);

KasaneSession  *kasane_session_new           (void);
/* The documents in the order they were opened. */
GPtrArray      *kasane_session_get_documents (KasaneSession     *self);
KasaneDocument *kasane_session_find          (KasaneSession     *self,
                                              GFile             *file);
/* Opens `file` (or finds it already open, by identity: two paths to one file are one
 * document) and loads it; see kasane_session_reload (). */
KasaneDocument *kasane_session_open          (KasaneSession     *self,
                                              GFile             *file,
                                              gboolean          *loaded);
/* The same for a load made elsewhere (a worker thread), a reload as well as an open:
 * finds or adds the document for `file`, then applies the load as kasane_session_reload ()
 * does. */
KasaneDocument *kasane_session_open_loaded   (KasaneSession     *self,
                                              GFile             *file,
                                              KasaneDataset     *dataset,
                                              KasaneDiagnostics *diagnostics,
                                              gboolean          *loaded);
/* Whether loading `file` may take more than a moment, and so belongs on a worker thread:
 * a local file over 1 MiB, or a dataset whose CSV files are over 1 MiB together. */
gboolean        kasane_session_load_may_take_long (GFile        *file);
KasaneDocument *kasane_session_add_dataset   (KasaneSession     *self,
                                              KasaneDataset     *dataset,
                                              const char        *name);
void            kasane_session_remove        (KasaneSession     *self,
                                              KasaneDocument    *document);
/* Load → validate → swap: the document gets the new dataset only when the whole file
 * loaded; otherwise it keeps its last good dataset and gets the errors.  Returns whether
 * the load succeeded. */
gboolean        kasane_session_reload        (KasaneSession     *self,
                                              KasaneDocument    *document);
/* The swap step alone, for a load made elsewhere (a background thread): on the main
 * thread, applies `dataset` (when not NULL) or the `diagnostics` of a failed load. */
gboolean        kasane_session_apply         (KasaneSession     *self,
                                              KasaneDocument    *document,
                                              KasaneDataset     *dataset,
                                              KasaneDiagnostics *diagnostics);

/* The what-if editor (kasane-whatif.h).  An edit compounds with the document's what-if
 * so far; Reset returns to the file's own data.  Each is a step that Undo takes back and
 * Redo makes again.  Each emits ::changed; an edit that does not apply changes nothing
 * and says why. */
gboolean        kasane_session_edit          (KasaneSession      *self,
                                              KasaneDocument     *document,
                                              const KasaneChange *edit,
                                              GError            **error);
void            kasane_session_reset         (KasaneSession      *self,
                                              KasaneDocument     *document);
gboolean        kasane_session_undo          (KasaneSession      *self,
                                              KasaneDocument     *document);
gboolean        kasane_session_redo          (KasaneSession      *self,
                                              KasaneDocument     *document);
gboolean        kasane_session_can_undo      (KasaneDocument     *document);
gboolean        kasane_session_can_redo      (KasaneDocument     *document);

G_END_DECLS
