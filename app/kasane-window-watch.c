/* kasane-window-watch.c: live reload of the open files
 *
 * Each open local file, and each CSV file its last good version read, is watched
 * (GFileMonitor, which follows the file's folder, so an
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
  GPtrArray      *monitors;   /* of GFileMonitor: the file, then its inputs */
  char          **inputs;     /* the entry's inputs the monitors follow */
  guint           timeout;    /* the pending reload, or 0 */
} Watch;

static void
watch_stop_monitors (Watch *watch)
{
  for (guint i = 0; i < watch->monitors->len; i++)
    {
      GFileMonitor *monitor = g_ptr_array_index (watch->monitors, i);

      g_signal_handlers_disconnect_by_data (monitor, watch);
      g_file_monitor_cancel (monitor);
    }
  g_ptr_array_set_size (watch->monitors, 0);
  g_clear_pointer (&watch->inputs, g_strfreev);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->timeout, g_source_remove);
  watch_stop_monitors (watch);
  g_ptr_array_unref (watch->monitors);
  g_free (watch);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  Watch *watch = data;
  KasaneWindow *self = watch->window;

  watch->timeout = 0;
  window_reload_entry (self, watch->entry, FALSE);
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

static void
watch_add_monitor (Watch *watch,
                   GFile *file)
{
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);

  if (monitor == NULL)
    return;
  g_signal_connect (monitor, "changed", G_CALLBACK (monitor_changed_cb), watch);
  g_ptr_array_add (watch->monitors, monitor);
}

/* Follows the entry's file and the CSV files its last good version read. */
static void
watch_start_monitors (Watch *watch)
{
  g_autoptr(GFile) file = g_file_new_for_uri (watch->entry->uri);

  watch_add_monitor (watch, file);
  watch->inputs = g_strdupv (watch->entry->inputs);
  for (guint i = 0; watch->inputs != NULL && watch->inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) input = g_file_new_for_path (watch->inputs[i]);

      watch_add_monitor (watch, input);
    }
}

static Watch *
watch_new (KasaneWindow   *self,
           KasaneDocument *entry)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->window = self;
  watch->entry = entry;
  watch->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  watch_start_monitors (watch);
  return watch;
}

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
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

      Watch *watch;

      if (entry->uri == NULL || !g_str_has_prefix (entry->uri, "file:"))
        continue;
      watch = g_hash_table_lookup (self->watches, entry);
      if (watch == NULL)
        g_hash_table_insert (self->watches, entry, watch_new (self, entry));
      else if (!strv_equal (watch->inputs, entry->inputs))
        {
          /* The dataset names other CSV files now. */
          watch_stop_monitors (watch);
          watch_start_monitors (watch);
        }
    }
}

void
window_watch_dispose (KasaneWindow *self)
{
  g_clear_pointer (&self->watches, g_hash_table_unref);
}
