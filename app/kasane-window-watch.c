/* kasane-window-watch.c: live reload of the open files
 *
 * Each open local file is watched (GFileMonitor, which follows the file's folder, so an
 * editor that saves by writing a new file and renaming it over the old one is seen as
 * well as one that truncates and writes).  Events come in bursts while a file is being
 * written: a reload waits until the file has been quiet for RELOAD_DELAY_MS, then goes
 * through the session, which swaps in the new dataset only when the whole file loaded.
 * A reload that fails keeps the last good picture and shows the located errors in the
 * banner above the view; a what-if in progress survives when its changes still apply to
 * the new file, and the window says so when they no longer do.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-window-parts.h"

#define RELOAD_DELAY_MS 250

typedef struct
{
  KasaneWindow   *window;     /* not a reference: the window owns the watches */
  KasaneDocument *entry;
  GFileMonitor   *monitor;
  guint           timeout;    /* the pending reload, or 0 */
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->timeout, g_source_remove);
  if (watch->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->monitor, watch);
      g_file_monitor_cancel (watch->monitor);
      g_object_unref (watch->monitor);
    }
  g_free (watch);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  Watch *watch = data;
  KasaneWindow *self = watch->window;
  KasaneDocument *entry = watch->entry;
  gboolean had_whatif = entry->dataset != NULL && entry->dataset->whatif != NULL;

  watch->timeout = 0;
  if (window_reload_entry (self, entry))
    {
      if (had_whatif && entry->whatif_lost)
        /* Translators: toast after a watched file changed and the what-if on screen no
         * longer applies to it */
        window_toast (self, _("The file changed and the what-if no longer applies to it: "
                              "showing the file’s data"));
    }
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    Watch             *watch)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      /* One reload for a burst: each event restarts the wait. */
      g_clear_handle_id (&watch->timeout, g_source_remove);
      watch->timeout = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, watch);
      break;
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static Watch *
watch_new (KasaneWindow   *self,
           KasaneDocument *entry)
{
  g_autoptr(GFile) file = g_file_new_for_uri (entry->uri);
  Watch *watch = g_new0 (Watch, 1);

  watch->window = self;
  watch->entry = entry;
  watch->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (watch->monitor != NULL)
    g_signal_connect (watch->monitor, "changed", G_CALLBACK (monitor_changed_cb), watch);
  return watch;
}

void
window_watch_sync (KasaneWindow *self)
{
  GHashTableIter iter;
  gpointer key;

  if (self->watches == NULL)
    self->watches = g_hash_table_new_full (NULL, NULL, NULL, watch_free);
  /* Files closed since: their watches go. */
  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (self->entries == NULL || !g_ptr_array_find (self->entries, key, NULL))
      g_hash_table_iter_remove (&iter);
  /* Local files opened since: watched (a bundled dataset lives in the program). */
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      KasaneDocument *entry = g_ptr_array_index (self->entries, i);

      if (entry->uri == NULL || !g_str_has_prefix (entry->uri, "file:") ||
          g_hash_table_contains (self->watches, entry))
        continue;
      g_hash_table_insert (self->watches, entry, watch_new (self, entry));
    }
}

void
window_watch_dispose (KasaneWindow *self)
{
  g_clear_pointer (&self->watches, g_hash_table_unref);
}
