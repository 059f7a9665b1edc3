/* kasane-window-whatif.c: the main window's what-if editing
 *
 * The Ledger view asks for a change (its editor, or a flip's Try It); the session makes
 * it on the document whose dataset that view shows, and every view is brought up to date
 * from the new dataset, which carries the what-if marker.  Undo and Redo (Ctrl+Z,
 * Ctrl+Shift+Z) and Reset act on the selected document.  Save As… writes the what-if as
 * a new dataset file: the file it came from with the changed judgements and a note of
 * the changes in both languages, checked by loading it back before it is reported as
 * saved.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kasane-window-parts.h"
#include "kasane-window-private.h"

#include "kasane-file-writer.h"
#include "kasane-ledger.h"
#include "kasane-whatif.h"
#include "kasane-whatif-text.h"

static KasaneDocument *
document_of (KasaneWindow  *self,
             KasaneDataset *dataset)
{
  for (guint i = 0; dataset != NULL && i < self->entries->len; i++)
    {
      KasaneDocument *entry = g_ptr_array_index (self->entries, i);

      if (entry->dataset == dataset)
        return entry;
    }
  return NULL;
}

static void
whatif_error_toast (KasaneWindow *self,
                    const GError *error)
{
  window_toast (self, g_error_matches (error, KASANE_WHATIF_ERROR,
                                       KASANE_WHATIF_ERROR_INVALID)
                      /* Translators: toast when a what-if change is refused */
                      ? _("That change would leave a layer acting on a problem that is not "
                          "open there")
                      /* Translators: toast when a what-if change is refused */
                      : _("That change no longer applies to the dataset"));
}

static void
ledger_edit_cb (KasaneLedgerView *view,
                KasaneChange     *change,
                KasaneWindow     *self)
{
  KasaneDocument *entry = document_of (self, kasane_ledger_view_get_dataset (view));
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return;
  if (!kasane_session_edit (self->session, entry, change, &error))
    {
      whatif_error_toast (self, error);
      /* The controls go back to what the dataset holds. */
      window_update_content (self);
      return;
    }
  window_update_content (self);
}

void
window_whatif_watch_ledger (KasaneWindow     *self,
                            KasaneLedgerView *view)
{
  g_signal_connect_object (view, "edit", G_CALLBACK (ledger_edit_cb), self, 0);
}

void
window_whatif_update_actions (KasaneWindow *self)
{
  KasaneDocument *entry = window_get_selected_entry (self);
  gboolean whatif = entry != NULL && entry->dataset != NULL && entry->dataset->whatif != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", kasane_session_can_undo (entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", kasane_session_can_redo (entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.whatif-reset", whatif);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.whatif-save-as", whatif);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  KasaneDocument *entry = window_get_selected_entry (self);
  gboolean done = g_str_equal (action_name, "win.undo")
                  ? kasane_session_undo (self->session, entry)
                  : kasane_session_redo (self->session, entry);

  if (done)
    window_update_content (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  KasaneDocument *entry = window_get_selected_entry (self);

  if (entry == NULL || entry->dataset == NULL || entry->dataset->whatif == NULL)
    return;
  kasane_session_reset (self->session, entry);
  window_update_content (self);
  /* Translators: toast after Reset; Ctrl+Z brings the what-if back */
  window_toast (self, _("Back to the file’s data. Ctrl+Z brings the what-if back."));
}

/* Save As… */

/* Writes `whatif` to `path` as a dataset file, and loads it back to be sure. */
static gboolean
save_whatif (KasaneDocument *entry,
             const char     *path,
             GError        **error)
{
  KasaneDataset *whatif = entry->dataset;
  g_autoptr(GFile) source = g_file_new_for_uri (entry->uri);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GFile) source_dir = g_file_get_parent (source);
  g_autoptr(GFile) target_dir = g_file_get_parent (target);
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  g_autofree char *note_en = NULL, *note_ja = NULL;
  gsize length = 0;

  if (!g_file_load_contents (source, NULL, &contents, &length, NULL, error))
    return FALSE;
  /* A dataset's CSV files are named relative to its folder. */
  if (strstr (contents, "\"csv\"") != NULL &&
      (source_dir == NULL || target_dir == NULL || !g_file_equal (source_dir, target_dir)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           /* Translators: Save As of a what-if whose dataset reads CSV files */
                           _("This dataset reads CSV files named from its folder: save the "
                             "what-if in that same folder."));
      return FALSE;
    }
  note_en = kasane_whatif_text_marker (&whatif, 1, "en");
  note_ja = kasane_whatif_text_marker (&whatif, 1, "ja");
  json = kasane_whatif_to_json (whatif, contents, length, note_en, note_ja, error);
  return json != NULL && kasane_file_writer_replace_dataset (path, json, error);
}

static void
save_as_response_cb (GtkNativeDialog *native,
                     int              response,
                     KasaneWindow    *self)
{
  KasaneDocument *entry = window_get_selected_entry (self);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || entry == NULL || entry->dataset == NULL || entry->dataset->whatif == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      /* Translators: Save As to a place that is not a local file */
      window_toast (self, _("Choose a folder on this computer"));
      return;
    }
  if (!save_whatif (entry, path, &error))
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why */
      text = g_strdup_printf (_("Could not save the what-if: %s"), error->message);
      window_toast (self, text);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *shown = g_filename_display_name (name);
    /* Translators: toast after Save As; %s a file name */
    g_autofree char *text = g_strdup_printf (_("Saved the what-if as “%s”"), shown);

    window_toast (self, text);
  }
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  KasaneDocument *entry = window_get_selected_entry (self);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  if (entry == NULL || entry->dataset == NULL || entry->dataset->whatif == NULL ||
      entry->uri == NULL)
    return;
  /* Translators: title of the Save As dialog of a what-if */
  native = gtk_file_chooser_native_new (_("Save What-If As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the suggested file name of a saved what-if; %s the dataset's id */
  name = g_strdup_printf (_("%s-what-if.json"), entry->dataset->id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  {
    g_autoptr(GFile) source = g_file_new_for_uri (entry->uri);
    g_autoptr(GFile) folder = g_file_get_parent (source);

    if (folder != NULL && g_file_is_native (folder))
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  }
  g_signal_connect_object (native, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

gboolean
kasane_window_save_whatif (KasaneWindow *self,
                           const char   *path,
                           GError      **error)
{
  KasaneDocument *entry = window_get_selected_entry (self);

  g_return_val_if_fail (entry != NULL && entry->dataset != NULL, FALSE);
  return save_whatif (entry, path, error);
}

/* The selected dataset's ledger table, as CSV, on the clipboard. */
static void
copy_ledger_csv_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  KasaneDocument *entry = window_get_selected_entry (self);
  g_autofree char *csv = NULL;

  if (entry == NULL || entry->dataset == NULL)
    return;
  csv = kasane_ledger_to_csv (entry->dataset, window_get_language (self));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
  /* Translators: toast after Copy as CSV */
  window_toast (self, _("Copied the ledger as CSV"));
}

void
window_whatif_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.copy-ledger-csv", NULL,
                                   copy_ledger_csv_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.whatif-reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "win.whatif-save-as", NULL, save_as_action);
}
