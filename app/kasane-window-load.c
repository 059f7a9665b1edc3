/* kasane-window-load.c: loading large files without freezing the window
 *
 * A file that may take more than a moment to load (kasane_session_load_may_take_long)
 * is loaded on a worker thread through the same loader, with a KasaneLoadProgress the
 * CSV reader reports to.  The window goes on drawing; after LOAD_SHOW_DELAY_MS a card
 * over the top of the content shows the file's name, a progress bar and Cancel.  It
 * floats rather than pushing the view down: a view given a new height lays its chart
 * out again, every frame of the slide.  When the load ends,
 * the result is applied on the window's thread through the session, as any load is: a
 * failed one keeps what was on screen and shows its errors, a cancelled one changes
 * nothing.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kasane-load-progress.h"
#include "kasane-widgets-util.h"
#include "kasane-window-parts.h"

#define LOAD_SHOW_DELAY_MS 300
#define LOAD_TICK_MS 100
#define LOAD_NICENESS 19

typedef struct
{
  KasaneWindow       *window;     /* not a reference; NULL once the window is gone */
  char               *uri;
  char               *name;       /* the file's name, for the panel and messages */
  KasaneDocument     *entry;      /* a reload of it, or NULL for an open */
  KasaneDocument     *selected;   /* what was selected when an open started */
  gboolean            had_whatif;
  gboolean            by_hand;
  gboolean            again;      /* asked for while it ran: the file changed meanwhile */
  KasaneLoadProgress *progress;
} LoadJob;

typedef struct
{
  KasaneDataset     *dataset;
  KasaneDiagnostics *diagnostics;
} LoadResult;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->uri);
  g_free (job->name);
  kasane_load_progress_unref (job->progress);
  g_free (job);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->dataset, kasane_dataset_unref);
  g_clear_pointer (&result->diagnostics, kasane_diagnostics_free);
  g_free (result);
}

/* On the worker thread. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GFile) file = g_file_new_for_uri (job->uri);
  LoadResult *result = g_new0 (LoadResult, 1);
  id_t thread = (id_t) syscall (SYS_gettid);
  gboolean lowered;
  int priority;

  /* Below the window's thread, so that on a busy machine its frames come first; the
   * pool's thread gets its priority back for whatever it runs next. */
  errno = 0;
  priority = getpriority (PRIO_PROCESS, thread);
  lowered = errno == 0 &&
            setpriority (PRIO_PROCESS, thread, MIN (priority + LOAD_NICENESS, 19)) == 0;

  result->diagnostics = kasane_diagnostics_new ();
  kasane_load_progress_push (job->progress);
  result->dataset = kasane_session_load_file (file, result->diagnostics);
  kasane_load_progress_pop ();
  if (lowered)
    setpriority (PRIO_PROCESS, thread, priority);
  g_task_return_pointer (task, result, load_result_free);
}

/* The panel */

static void
cancel_clicked_cb (KasaneWindow *self)
{
  for (guint i = 0; self->load_jobs != NULL && i < self->load_jobs->len; i++)
    {
      LoadJob *job = g_ptr_array_index (self->load_jobs, i);

      g_cancellable_cancel (kasane_load_progress_get_cancellable (job->progress));
    }
}

static void
ensure_panel (KasaneWindow *self)
{
  GtkWidget *box, *labels, *cancel;

  if (self->load_panel != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "load-panel");
  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  self->load_label = GTK_LABEL (kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->load_label));
  self->load_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->load_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the progress bar shown
                                   * while a large file loads */
                                  _("Loading progress"),
                                  -1);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->load_bar));
  gtk_box_append (GTK_BOX (box), labels);

  cancel = g_object_new (GTK_TYPE_BUTTON,
                         /* Translators: button that stops loading a large file */
                         "label", _("_Cancel"),
                         "use-underline", TRUE,
                         "valign", GTK_ALIGN_CENTER,
                         /* Translators: tooltip of the button that stops loading */
                         "tooltip-text", _("Stop loading and keep what is shown"),
                         NULL);
  gtk_widget_set_name (cancel, "load-cancel");
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), cancel);

  self->load_panel = box;
  self->load_revealer = g_object_new (GTK_TYPE_REVEALER,
                                      "transition-type", GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN,
                                      "halign", GTK_ALIGN_CENTER,
                                      "valign", GTK_ALIGN_START,
                                      "child", box,
                                      NULL);
  gtk_overlay_add_overlay (self->toast_overlay, GTK_WIDGET (self->load_revealer));
}

/* The first job's name and share read; how many more wait behind it. */
static void
update_panel (KasaneWindow *self)
{
  LoadJob *job;
  g_autofree char *text = NULL;

  if (self->load_panel == NULL || self->load_jobs == NULL || self->load_jobs->len == 0)
    return;
  job = g_ptr_array_index (self->load_jobs, 0);
  if (self->load_jobs->len == 1)
    /* Translators: above the progress bar while a large file loads; %s is its name */
    text = g_strdup_printf (_("Loading “%s”…"), job->name);
  else
    /* Translators: above the progress bar while several large files load; %1$s is the
     * first one's name, %2$u how many others wait */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Loading “%1$s” and %2$u more file…",
                                         "Loading “%1$s” and %2$u more files…",
                                         self->load_jobs->len - 1),
                            job->name, self->load_jobs->len - 1);
  gtk_label_set_text (self->load_label, text);
  gtk_progress_bar_set_fraction (self->load_bar, kasane_load_progress_get_fraction (job->progress));
}

static gboolean
tick_cb (gpointer data)
{
  update_panel (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
show_cb (gpointer data)
{
  KasaneWindow *self = data;

  self->load_show = 0;
  ensure_panel (self);
  update_panel (self);
  gtk_revealer_set_reveal_child (self->load_revealer, TRUE);
  if (self->load_tick == 0)
    self->load_tick = g_timeout_add (LOAD_TICK_MS, tick_cb, self);
  return G_SOURCE_REMOVE;
}

static void
hide_panel (KasaneWindow *self)
{
  g_clear_handle_id (&self->load_show, g_source_remove);
  g_clear_handle_id (&self->load_tick, g_source_remove);
  if (self->load_revealer != NULL)
    gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
}

/* The end of a load, on the window's thread */

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  LoadJob *job = g_task_get_task_data (G_TASK (res));
  KasaneWindow *self = job->window;
  g_autoptr(GFile) file = g_file_new_for_uri (job->uri);
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), NULL);
  KasaneDocument *entry;
  gboolean loaded;

  if (self == NULL)
    {
      load_result_free (result);
      return;
    }
  g_ptr_array_remove (self->load_jobs, job);
  if (self->load_jobs->len == 0)
    hide_panel (self);
  else
    update_panel (self);

  if (kasane_load_progress_is_cancelled (job->progress))
    {
      /* Translators: toast after loading a file was cancelled; %s is its name */
      g_autofree char *text = g_strdup_printf (_("Stopped loading “%s”"), job->name);

      window_toast (self, text);
    }
  else if (job->entry != NULL)
    {
      /* A reload: of a document still open (found again by its file). */
      if (g_ptr_array_find (kasane_session_get_documents (self->session), job->entry, NULL))
        {
          entry = kasane_session_open_loaded (self->session, file, result->dataset,
                                              result->diagnostics, &loaded);
          window_reload_finish (self, entry, loaded, job->had_whatif, job->by_hand);
        }
    }
  else
    {
      KasaneDocument *selected = job->selected;

      if (!g_ptr_array_find (kasane_session_get_documents (self->session), selected, NULL))
        selected = NULL;
      entry = kasane_session_open_loaded (self->session, file, result->dataset,
                                          result->diagnostics, &loaded);
      window_open_finish (self, selected, entry, loaded);
    }
  load_result_free (result);

  if (job->again && !kasane_load_progress_is_cancelled (job->progress))
    {
      KasaneDocument *document = kasane_session_find (self->session, file);

      if (document != NULL)
        window_load_start (self, file, document, FALSE);
    }
}

void
window_load_start (KasaneWindow   *self,
                   GFile          *file,
                   KasaneDocument *entry,
                   gboolean        by_hand)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  LoadJob *job;

  if (self->load_jobs == NULL)
    self->load_jobs = g_ptr_array_new ();
  /* The same file once at a time: asked for again while it loads (a burst of saves), it
   * loads once more when this load ends, so the window ends on the file's last state. */
  for (guint i = 0; i < self->load_jobs->len; i++)
    {
      LoadJob *running = g_ptr_array_index (self->load_jobs, i);

      if (g_str_equal (running->uri, uri))
        {
          running->again = TRUE;
          return;
        }
    }

  job = g_new0 (LoadJob, 1);
  job->window = self;
  job->uri = g_steal_pointer (&uri);
  job->name = g_filename_display_name (basename);
  job->entry = entry;
  job->selected = window_get_selected_entry (self);
  job->had_whatif = entry != NULL && entry->dataset != NULL && entry->dataset->whatif != NULL;
  job->by_hand = by_hand;
  job->progress = kasane_load_progress_new (NULL);
  g_ptr_array_add (self->load_jobs, job);

  task = g_task_new (NULL, kasane_load_progress_get_cancellable (job->progress), load_done_cb,
                     NULL);
  g_task_set_source_tag (task, window_load_start);
  g_task_set_task_data (task, job, load_job_free);
  /* The result is wanted even when cancelled: the callback says so. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, load_thread);

  if (self->load_show == 0 &&
      (self->load_revealer == NULL || !gtk_revealer_get_reveal_child (self->load_revealer)))
    self->load_show = g_timeout_add (LOAD_SHOW_DELAY_MS, show_cb, self);
  else
    update_panel (self);
}

gboolean
window_load_busy (KasaneWindow *self)
{
  return self->load_jobs != NULL && self->load_jobs->len > 0;
}

void
window_load_dispose (KasaneWindow *self)
{
  hide_panel (self);
  for (guint i = 0; self->load_jobs != NULL && i < self->load_jobs->len; i++)
    {
      LoadJob *job = g_ptr_array_index (self->load_jobs, i);

      /* The worker finishes on its own; its result goes nowhere. */
      job->window = NULL;
      g_cancellable_cancel (kasane_load_progress_get_cancellable (job->progress));
    }
  g_clear_pointer (&self->load_jobs, g_ptr_array_unref);
  self->load_revealer = NULL;
  self->load_panel = NULL;
  self->load_label = NULL;
  self->load_bar = NULL;
}
