/* kasane-session.c: the open documents, and the one way datasets are loaded
 *
 * The window, --check and --summary, and --export all load through
 * kasane_session_load_file () or kasane_session_load_path (), and the bundled datasets
 * are listed here only.  A session keeps, for each open file, the last dataset that
 * loaded from it: a reload first loads and validates the whole file, and only then swaps
 * it in, so a failed reload leaves the last good model on screen with its errors beside
 * it.  kasane_session_apply () is that swap on its own, the seam a background loader
 * (which loads off the main thread) and live reload use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-session"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "kasane-session.h"

#include "kasane-input.h"
#include "kasane-loader.h"

struct _KasaneSession
{
  GObject    parent_instance;

  GPtrArray *documents;     /* of KasaneDocument*, in the order they were opened */
};

G_DEFINE_FINAL_TYPE (KasaneSession, kasane_session, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const bundled_uris[] = {
  "resource:///io/github/kasane/Kasane/datasets/ai.json",
  "resource:///io/github/kasane/Kasane/datasets/crypto.json",
  NULL
};

const char * const *
kasane_session_get_bundled_uris (void)
{
  return bundled_uris;
}

/* Loading */

KasaneDataset *
kasane_session_load_path (const char        *path,
                          KasaneDiagnostics *diagnostics)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  return kasane_load_file (path, diagnostics);
}

KasaneDataset *
kasane_session_load_file (GFile             *file,
                          KasaneDiagnostics *diagnostics)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return kasane_session_load_path (path, diagnostics);

  /* A resource or a remote file: no folder to resolve CSV paths in. */
  name = g_file_get_basename (file);
  if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV") ||
      g_str_has_suffix (name, ".tsv") || g_str_has_suffix (name, ".TSV"))
    {
      kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_IO,
                              name, 0, 0, "a CSV file can only be opened from a local folder");
      return NULL;
    }
  bytes = kasane_input_read_file (file, KASANE_MAX_JSON_SIZE, NULL, &error);
  if (bytes == NULL)
    {
      kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_IO,
                              name, 0, 0, "%s", error->message);
      return NULL;
    }
  return kasane_dataset_load_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   name, NULL, diagnostics);
}

GPtrArray *
kasane_session_load_bundled (GError **error)
{
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 kasane_dataset_unref);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; bundled_uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (bundled_uris[i]);
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      KasaneDataset *dataset = kasane_session_load_file (file, diagnostics);

      if (dataset == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = kasane_diagnostics_format (diagnostics);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "The bundled dataset “%s” did not load:\n%s", name,
                       text != NULL ? g_strchomp (text) : "");
          return NULL;
        }
      g_ptr_array_add (datasets, dataset);
    }
  return g_steal_pointer (&datasets);
}

/* Documents */

static void
document_free (KasaneDocument *document)
{
  g_free (document->uri);
  g_free (document->name);
  g_free (document->identity);
  g_clear_pointer (&document->dataset, kasane_dataset_unref);
  g_free (document->errors);
  g_free (document->error_uri);
  g_strfreev (document->inputs);
  g_clear_pointer (&document->history, g_ptr_array_unref);
  g_free (document);
}

/* The what-if history: the file's own data, then `whatif` (when not NULL). */
static void
history_restart (KasaneDocument *document,
                 GArray         *whatif)
{
  g_clear_pointer (&document->history, g_ptr_array_unref);
  document->history = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_ptr_array_add (document->history, g_array_new (FALSE, FALSE, sizeof (KasaneChange)));
  if (whatif != NULL)
    g_ptr_array_add (document->history, g_array_copy (whatif));
  document->history_at = document->history->len - 1;
}

/* Device and inode for a local file, so a symbolic link and its target are one document;
 * the URI for anything else (or a file that cannot be asked). */
static char *
file_identity (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (g_file_is_native (file))
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL,
                              NULL);
  if (info != NULL && g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE) != NULL)
    return g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE));
  return g_file_get_uri (file);
}

static void
kasane_session_finalize (GObject *object)
{
  KasaneSession *self = KASANE_SESSION (object);

  g_ptr_array_unref (self->documents);
  G_OBJECT_CLASS (kasane_session_parent_class)->finalize (object);
}

static void
kasane_session_class_init (KasaneSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kasane_session_finalize;

  /**
   * KasaneSession::changed:
   * @document: (type gpointer): the document whose dataset or errors changed
   *
   * Emitted once per load or reload of a document, after the swap.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
kasane_session_init (KasaneSession *self)
{
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
}

KasaneSession *
kasane_session_new (void)
{
  return g_object_new (KASANE_TYPE_SESSION, NULL);
}

GPtrArray *
kasane_session_get_documents (KasaneSession *self)
{
  g_return_val_if_fail (KASANE_IS_SESSION (self), NULL);
  return self->documents;
}

KasaneDocument *
kasane_session_find (KasaneSession *self,
                     GFile         *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *identity = NULL;

  g_return_val_if_fail (KASANE_IS_SESSION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The same name first: editors that save by writing a new file and renaming it over
   * the old one give it a new inode. */
  uri = g_file_get_uri (file);
  for (guint i = 0; i < self->documents->len; i++)
    {
      KasaneDocument *document = g_ptr_array_index (self->documents, i);

      if (document->uri != NULL && g_str_equal (document->uri, uri))
        return document;
    }
  /* Then another name for the same file: a symbolic link, a hard link. */
  identity = file_identity (file);
  for (guint i = 0; i < self->documents->len; i++)
    {
      KasaneDocument *document = g_ptr_array_index (self->documents, i);

      if (document->identity != NULL && g_str_equal (document->identity, identity))
        return document;
    }
  return NULL;
}

/* The local file the first error of a failed load is in, for "Open in Editor": a CSV
 * file the dataset names, or the dataset itself. */
static char *
first_error_uri (KasaneDocument    *document,
                 KasaneDiagnostics *diagnostics)
{
  for (guint i = 0; i < kasane_diagnostics_get_n_items (diagnostics); i++)
    {
      const KasaneDiagnostic *diagnostic = kasane_diagnostics_get (diagnostics, i);

      if (diagnostic->severity == KASANE_SEVERITY_ERROR && diagnostic->file != NULL &&
          g_file_test (diagnostic->file, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) file = g_file_new_for_path (diagnostic->file);

          return g_file_get_uri (file);
        }
      if (diagnostic->severity == KASANE_SEVERITY_ERROR)
        break;
    }
  return document->uri != NULL && g_str_has_prefix (document->uri, "file:")
         ? g_strdup (document->uri) : NULL;
}

gboolean
kasane_session_apply (KasaneSession     *self,
                      KasaneDocument    *document,
                      KasaneDataset     *dataset,
                      KasaneDiagnostics *diagnostics)
{
  g_autofree char *errors = NULL;
  guint n_errors = 0;

  g_return_val_if_fail (KASANE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (dataset != NULL || diagnostics != NULL, FALSE);

  if (dataset == NULL)
    {
      errors = kasane_diagnostics_format (diagnostics);
      n_errors = kasane_diagnostics_count_errors (diagnostics);
      if (errors == NULL || errors[0] == '\0' || n_errors == 0)
        {
          /* A loader must say why; should one not, the file still gets a line. */
          g_autofree char *shown = kasane_display_file_name (document->name);
          g_autofree char *fallback = g_strdup_printf ("%s: error: the file could not be read "
                                                       "as a dataset\n", shown);

          g_free (errors);
          errors = g_strconcat (fallback, errors != NULL ? errors : "", NULL);
          n_errors = MAX (n_errors, 1);
        }
      g_strchomp (errors);
    }

  g_clear_pointer (&document->errors, g_free);
  g_clear_pointer (&document->error_uri, g_free);
  document->n_errors = n_errors;
  document->whatif_lost = FALSE;
  if (dataset != NULL)
    {
      KasaneDataset *shown = kasane_dataset_ref (dataset);
      GArray *changes = document->dataset != NULL ? document->dataset->whatif : NULL;

      /* A what-if in progress survives when its changes still apply to the new file;
       * the history starts again from the file, with the what-if as its one step. */
      if (changes != NULL)
        {
          KasaneDataset *whatif = kasane_whatif_apply (dataset, (KasaneChange *) changes->data,
                                                       changes->len, NULL);

          document->whatif_lost = whatif == NULL;
          if (whatif != NULL)
            {
              kasane_dataset_unref (shown);
              shown = whatif;
            }
        }
      g_strfreev (document->inputs);
      document->inputs = g_strdupv (dataset->inputs);
      history_restart (document, shown->whatif);
      g_clear_pointer (&document->dataset, kasane_dataset_unref);
      document->dataset = shown;
    }
  else
    {
      document->errors = g_steal_pointer (&errors);
      document->error_uri = first_error_uri (document, diagnostics);
    }

  g_signal_emit (self, signals[CHANGED], 0, document);
  return dataset != NULL;
}

/* kasane_session_apply () for a load of `file`, which may have a new inode since it was
 * last read (an editor saved it by writing a new file and renaming it). */
static gboolean
apply_from_file (KasaneSession     *self,
                 KasaneDocument    *document,
                 GFile             *file,
                 KasaneDataset     *dataset,
                 KasaneDiagnostics *diagnostics)
{
  g_free (document->identity);
  document->identity = file_identity (file);
  return kasane_session_apply (self, document, dataset, diagnostics);
}

gboolean
kasane_session_reload (KasaneSession  *self,
                       KasaneDocument *document)
{
  g_autoptr(KasaneDiagnostics) diagnostics = NULL;
  g_autoptr(KasaneDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (KASANE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  if (document->uri == NULL)
    return document->dataset != NULL;

  file = g_file_new_for_uri (document->uri);
  diagnostics = kasane_diagnostics_new ();
  dataset = kasane_session_load_file (file, diagnostics);
  return apply_from_file (self, document, file, dataset, diagnostics);
}

/* The document of `file`, added (without a dataset) when it is not open. */
static KasaneDocument *
find_or_add (KasaneSession *self,
             GFile         *file)
{
  KasaneDocument *document = kasane_session_find (self, file);

  if (document == NULL)
    {
      document = g_new0 (KasaneDocument, 1);
      g_autofree char *basename = g_file_get_basename (file);

      document->uri = g_file_get_uri (file);
      /* Shown in the sidebar and messages: UTF-8 whatever bytes the name has. */
      document->name = g_filename_display_name (basename);
      g_ptr_array_add (self->documents, document);
    }
  return document;
}

KasaneDocument *
kasane_session_open (KasaneSession *self,
                     GFile         *file,
                     gboolean      *loaded)
{
  KasaneDocument *document;
  gboolean ok;

  g_return_val_if_fail (KASANE_IS_SESSION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  document = find_or_add (self, file);
  ok = kasane_session_reload (self, document);
  if (loaded != NULL)
    *loaded = ok;
  return document;
}

KasaneDocument *
kasane_session_open_loaded (KasaneSession     *self,
                            GFile             *file,
                            KasaneDataset     *dataset,
                            KasaneDiagnostics *diagnostics,
                            gboolean          *loaded)
{
  KasaneDocument *document;
  gboolean ok;

  g_return_val_if_fail (KASANE_IS_SESSION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (dataset != NULL || diagnostics != NULL, NULL);

  document = find_or_add (self, file);
  ok = apply_from_file (self, document, file, dataset, diagnostics);
  if (loaded != NULL)
    *loaded = ok;
  return document;
}

/* Beyond this many bytes to read, a load goes to a worker thread. */
#define LONG_LOAD_BYTES (1024 * 1024)

gboolean
kasane_session_load_may_take_long (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GRegex) csv_member = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  GStatBuf st;
  guint64 total;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  if ((guint64) st.st_size > LONG_LOAD_BYTES)
    return TRUE;
  if (!g_str_has_suffix (path, ".json") || !g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;

  /* A dataset's CSV files, by a look at its text rather than a parse: a name with
   * escapes is missed, and costs a pause rather than a fault. */
  dir = g_path_get_dirname (path);
  csv_member = g_regex_new ("\"csv\"\\s*:\\s*\"([^\"\\\\]+)\"", G_REGEX_OPTIMIZE, 0, NULL);
  total = 0;
  g_regex_match (csv_member, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *csv = g_build_filename (dir, name, NULL);

      if (g_stat (csv, &st) == 0 && S_ISREG (st.st_mode))
        total += (guint64) st.st_size;
      if (total > LONG_LOAD_BYTES)
        return TRUE;
      g_match_info_next (match, NULL);
    }
  return FALSE;
}

KasaneDocument *
kasane_session_add_dataset (KasaneSession *self,
                            KasaneDataset *dataset,
                            const char    *name)
{
  KasaneDocument *document;

  g_return_val_if_fail (KASANE_IS_SESSION (self), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  document = g_new0 (KasaneDocument, 1);
  document->name = g_strdup (name != NULL ? name : dataset->id != NULL ? dataset->id : "");
  document->dataset = kasane_dataset_ref (dataset);
  history_restart (document, NULL);
  g_ptr_array_add (self->documents, document);
  g_signal_emit (self, signals[CHANGED], 0, document);
  return document;
}

void
kasane_session_remove (KasaneSession  *self,
                       KasaneDocument *document)
{
  g_return_if_fail (KASANE_IS_SESSION (self));
  g_return_if_fail (document != NULL);

  g_ptr_array_remove (self->documents, document);
}

/* The what-if editor */

/* Shows history state `at`. */
static gboolean
history_show (KasaneSession  *self,
              KasaneDocument *document,
              guint           at)
{
  GArray *changes = g_ptr_array_index (document->history, at);
  KasaneDataset *file = kasane_whatif_get_file (document->dataset);
  KasaneDataset *shown = kasane_whatif_apply (file, (KasaneChange *) changes->data,
                                              changes->len, NULL);

  /* Every state was applied once to this very file: it applies again. */
  g_return_val_if_fail (shown != NULL, FALSE);
  document->history_at = at;
  g_clear_pointer (&document->dataset, kasane_dataset_unref);
  document->dataset = shown;
  g_signal_emit (self, signals[CHANGED], 0, document);
  return TRUE;
}

/* A new state after the one shown; the states that Redo would have given are gone. */
static void
history_push (KasaneSession  *self,
              KasaneDocument *document,
              KasaneDataset  *shown)
{
  GArray *changes = shown->whatif != NULL ? g_array_copy (shown->whatif)
                                          : g_array_new (FALSE, FALSE, sizeof (KasaneChange));

  g_ptr_array_set_size (document->history, document->history_at + 1);
  g_ptr_array_add (document->history, changes);
  document->history_at++;
  g_clear_pointer (&document->dataset, kasane_dataset_unref);
  document->dataset = shown;
  g_signal_emit (self, signals[CHANGED], 0, document);
}

gboolean
kasane_session_edit (KasaneSession      *self,
                     KasaneDocument     *document,
                     const KasaneChange *edit,
                     GError            **error)
{
  KasaneDataset *shown;

  g_return_val_if_fail (KASANE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (document != NULL && document->dataset != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  shown = kasane_whatif_edit (document->dataset, edit, error);
  if (shown == NULL)
    return FALSE;
  history_push (self, document, shown);
  return TRUE;
}

void
kasane_session_reset (KasaneSession  *self,
                      KasaneDocument *document)
{
  g_return_if_fail (KASANE_IS_SESSION (self));
  g_return_if_fail (document != NULL);

  if (document->dataset == NULL || document->dataset->whatif_of == NULL)
    return;
  history_push (self, document, kasane_dataset_ref (document->dataset->whatif_of));
}

gboolean
kasane_session_can_undo (KasaneDocument *document)
{
  return document != NULL && document->dataset != NULL && document->history != NULL &&
         document->history_at > 0;
}

gboolean
kasane_session_can_redo (KasaneDocument *document)
{
  return document != NULL && document->dataset != NULL && document->history != NULL &&
         document->history_at + 1 < document->history->len;
}

gboolean
kasane_session_undo (KasaneSession  *self,
                     KasaneDocument *document)
{
  g_return_val_if_fail (KASANE_IS_SESSION (self), FALSE);

  return kasane_session_can_undo (document) &&
         history_show (self, document, document->history_at - 1);
}

gboolean
kasane_session_redo (KasaneSession  *self,
                     KasaneDocument *document)
{
  g_return_val_if_fail (KASANE_IS_SESSION (self), FALSE);

  return kasane_session_can_redo (document) &&
         history_show (self, document, document->history_at + 1);
}
