/* kasane-window-files.c: the files of the main window — opening (the dialog, drag and
 * drop, Open Recent, the command line), reloading through the session, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-window-parts.h"

#include "kasane-starter.h"
#include "kasane-window-private.h"
#include "kasane-toast.h"
#include "kasane-widgets-util.h"

/* Opening */

void
window_toast (KasaneWindow *self,
              const char   *text)
{
  kasane_toast_show (self->toast_overlay, text, NULL, NULL, NULL, NULL, 5);
}

void
window_reload_finish (KasaneWindow   *self,
                      KasaneDocument *entry,
                      gboolean        loaded,
                      gboolean        had_whatif,
                      gboolean        by_hand)
{
  KasaneDocument *selected = window_get_selected_entry (self);

  if (loaded && self->banner_entry == entry)
    window_show_banner (self, NULL);
  window_rebuild_sidebar (self, by_hand || selected == NULL ? entry : selected);
  if (!loaded && entry->dataset != NULL)
    window_show_banner (self, entry);
  window_update_content (self);

  if (loaded && had_whatif && entry->whatif_lost)
    /* Translators: toast after a file was read again and the what-if on screen no
     * longer applies to it */
    window_toast (self, _("The file changed and the what-if no longer applies to it: "
                          "showing the file’s data"));
  else if (loaded && by_hand)
    {
      /* Translators: toast after a dataset was read again; %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Reloaded “%s”"), entry->name);

      window_toast (self, text);
    }
}

gboolean
window_reload_entry (KasaneWindow   *self,
                     KasaneDocument *entry,
                     gboolean        by_hand)
{
  gboolean had_whatif = entry->dataset != NULL && entry->dataset->whatif != NULL;
  g_autoptr(GFile) file = entry->uri != NULL ? g_file_new_for_uri (entry->uri) : NULL;
  gboolean loaded;

  if (file != NULL && kasane_session_load_may_take_long (file))
    {
      window_load_start (self, file, entry, by_hand);
      return TRUE;
    }
  loaded = kasane_session_reload (self->session, entry);
  window_reload_finish (self, entry, loaded, had_whatif, by_hand);
  return loaded;
}

gboolean
kasane_window_open_uri (KasaneWindow *self,
                        const char   *uri)
{
  g_autoptr(GFile) file = NULL;
  KasaneDocument *entry;
  KasaneDocument *selected;
  gboolean loaded;

  g_return_val_if_fail (KASANE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  file = g_file_new_for_uri (uri);
  if (kasane_session_load_may_take_long (file))
    {
      /* On a worker thread, with a progress bar: the window goes on drawing. */
      window_load_start (self, file, kasane_session_find (self->session, file), FALSE);
      return TRUE;
    }
  selected = window_get_selected_entry (self);
  entry = kasane_session_open (self->session, file, &loaded);
  window_open_finish (self, selected, entry, loaded);
  return loaded;
}

void
window_open_finish (KasaneWindow   *self,
                    KasaneDocument *selected,
                    KasaneDocument *entry,
                    gboolean        loaded)
{
  if (loaded && self->banner_entry == entry)
    window_show_banner (self, NULL);
  if (loaded)
    {
      window_add_to_recent (self, entry->uri);
      window_rebuild_sidebar (self, entry);
    }
  else
    {
      /* Keep what was on screen; the new file's errors go in the panel above it.  With
       * nothing on screen, the file's own error page shows them instead. */
      if (selected == NULL || selected->dataset == NULL)
        selected = entry;
      window_rebuild_sidebar (self, selected);
      if (selected != entry || entry->dataset != NULL)
        window_show_banner (self, entry);
    }

  window_save_open_files (self);
}

gboolean
kasane_window_open_file (KasaneWindow *self,
                         GFile        *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (KASANE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  uri = g_file_get_uri (file);
  return kasane_window_open_uri (self, uri);
}

void
kasane_window_open_files (KasaneWindow  *self,
                          GFile        **files,
                          int            n_files)
{
  g_return_if_fail (KASANE_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    kasane_window_open_file (self, files[i]);
}

void
kasane_window_add_dataset (KasaneWindow  *self,
                           KasaneDataset *dataset,
                           const char    *display_name)
{
  KasaneDocument *entry;

  g_return_if_fail (KASANE_IS_WINDOW (self));
  g_return_if_fail (dataset != NULL);

  entry = kasane_session_add_dataset (self->session, dataset, display_name);
  window_rebuild_sidebar (self, entry);
}

static void
open_dialog_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         KasaneWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          kasane_window_open_file (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns,
            const char * const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
kasane_window_show_open_dialog (KasaneWindow *self)
{
  static const char * const all_patterns[] = { "*.json", "*.JSON", "*.csv", "*.CSV", "*.tsv",
                                               "*.TSV", NULL };
  static const char * const all_types[] = { "application/json", "text/csv",
                                            "text/tab-separated-values", NULL };
  static const char * const json_patterns[] = { "*.json", "*.JSON", NULL };
  static const char * const json_types[] = { "application/json", NULL };
  static const char * const csv_patterns[] = { "*.csv", "*.CSV", "*.tsv", "*.TSV", NULL };
  static const char * const csv_types[] = { "text/csv", "text/tab-separated-values", NULL };
  GtkFileChooserNative *native;

  g_return_if_fail (KASANE_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_("Open Datasets"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Datasets and series (.json, .csv)"),
              all_patterns, all_types);
  add_filter (GTK_FILE_CHOOSER (native), _("Datasets (.json)"), json_patterns, json_types);
  add_filter (GTK_FILE_CHOOSER (native), _("Series (.csv)"), csv_patterns, csv_types);
  g_signal_connect_object (native, "response", G_CALLBACK (open_dialog_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Actions */

void
window_reload_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  KasaneDocument *entry = window_get_selected_entry (self);

  if (entry == NULL || entry->uri == NULL)
    return;
  window_reload_entry (self, entry, TRUE);
}

void
window_close_dataset_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  KasaneDocument *entry = window_get_selected_entry (self);
  KasaneDocument *next = NULL;
  guint index;

  if (entry == NULL || !g_ptr_array_find (self->entries, entry, &index))
    return;

  if (self->banner_entry == entry)
    window_show_banner (self, NULL);
  kasane_session_remove (self->session, entry);
  if (self->entries->len > 0)
    next = g_ptr_array_index (self->entries, MIN (index, self->entries->len - 1));
  window_rebuild_sidebar (self, next);
  window_save_open_files (self);
}

/* Drag and drop */

gboolean
window_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                KasaneWindow  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    kasane_window_open_file (self, l->data);
  g_slist_free (files);
  return TRUE;
}

/* Open Recent */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  if (time_a == NULL || time_b == NULL)
    return (time_a == NULL) - (time_b == NULL);
  return g_date_time_compare (time_b, time_a);
}

void
window_rebuild_recent_menu (KasaneWindow *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  guint n = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, RECENT_APP_NAME) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; i < infos->len && n < RECENT_MAX_ITEMS; i++, n++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      const char *display_name = gtk_recent_info_get_display_name (info);
      g_autoptr(GString) label = g_string_new (display_name);
      g_autoptr(GMenuItem) item = NULL;

      /* Menu labels take mnemonics: keep the file name's own underscores. */
      g_string_replace (label, "_", "__", 0);
      item = g_menu_item_new (label->str, NULL);
      g_menu_item_set_action_and_target (item, "app.open-uri", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }

  if (n == 0)
    {
      /* An action nobody installs: the item shows, insensitive. */
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Files"), "app.no-recent-files");

      g_menu_append_item (self->recent_section, item);
    }
}

/* New Dataset… (Ctrl+N): a starter, written where the user says, shown in Kasane and
 * opened in the desktop's editor for JSON, so that it can be filled in at once. */

gboolean
kasane_window_new_dataset (KasaneWindow *self,
                           GFile        *file,
                           gboolean      open_editor,
                           GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (KASANE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           /* Translators: New Dataset… to a place that is not a local file */
                           _("Choose a folder on this computer"));
      return FALSE;
    }
  /* The file chooser asked before replacing a file. */
  if (!kasane_starter_write (path, 3, TRUE, error))
    return FALSE;
  uri = g_file_get_uri (file);
  kasane_window_open_uri (self, uri);
  if (open_editor)
    window_open_in_editor (self, uri);
  return TRUE;
}

void
window_open_in_editor (KasaneWindow *self,
                       const char   *uri)
{
  g_autoptr(GError) error = NULL;
  /* The desktop's text editor: the default application of the dataset type may be
   * Kasane itself. */
  g_autoptr(GAppInfo) editor = g_app_info_get_default_for_type ("text/plain", FALSE);
  GList uris = { (gpointer) uri, NULL, NULL };
  gboolean launched = editor != NULL
                      ? g_app_info_launch_uris (editor, &uris, NULL, &error)
                      : g_app_info_launch_default_for_uri (uri, NULL, &error);

  if (!launched)
    {
      /* Translators: toast when no text editor could open a dataset; %s says why */
      g_autofree char *text = g_strdup_printf (_("Could not open a text editor: %s"),
                                               error->message);

      window_toast (self, text);
    }
}

static void
new_dialog_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        KasaneWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file != NULL && !kasane_window_new_dataset (self, file, TRUE, &error))
    {
      /* Translators: toast when New Dataset… failed; %s says why */
      g_autofree char *text = g_strdup_printf (_("Could not write the new dataset: %s"),
                                               error->message);

      window_toast (self, text);
    }
}

void
window_new_dataset_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  GtkFileChooserNative *native;

  /* Translators: title of the file chooser of New Dataset… */
  native = gtk_file_chooser_native_new (_("New Dataset"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the suggested file name of a new dataset; keep .kasane.json */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("my-stack.kasane.json"));
  g_signal_connect_object (native, "response", G_CALLBACK (new_dialog_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
