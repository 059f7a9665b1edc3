/* kasane-load-progress.c: how far a load on another thread has got, and how to stop it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-load"

#include "config.h"

#include "kasane-load-progress.h"

struct _KasaneLoadProgress
{
  GCancellable *cancellable;
  gint          permyriad;   /* atomic: the fraction read, in 1/10000 */
};

static GPrivate current_progress;

static void
progress_clear (gpointer data)
{
  KasaneLoadProgress *self = data;

  g_clear_object (&self->cancellable);
}

KasaneLoadProgress *
kasane_load_progress_new (GCancellable *cancellable)
{
  KasaneLoadProgress *self = g_atomic_rc_box_new0 (KasaneLoadProgress);

  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  return self;
}

KasaneLoadProgress *
kasane_load_progress_ref (KasaneLoadProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
kasane_load_progress_unref (KasaneLoadProgress *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, progress_clear);
}

GCancellable *
kasane_load_progress_get_cancellable (KasaneLoadProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->cancellable;
}

double
kasane_load_progress_get_fraction (KasaneLoadProgress *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return g_atomic_int_get (&self->permyriad) / 10000.0;
}

void
kasane_load_progress_push (KasaneLoadProgress *self)
{
  g_private_set (&current_progress, self);
}

void
kasane_load_progress_pop (void)
{
  g_private_set (&current_progress, NULL);
}

KasaneLoadProgress *
kasane_load_progress_current (void)
{
  return g_private_get (&current_progress);
}

void
kasane_load_progress_report (KasaneLoadProgress *self,
                             guint64             done,
                             guint64             total)
{
  g_return_if_fail (self != NULL);
  if (total == 0)
    return;
  g_atomic_int_set (&self->permyriad, (gint) (MIN (done, total) * 10000 / total));
}

gboolean
kasane_load_progress_is_cancelled (KasaneLoadProgress *self)
{
  return self != NULL && g_cancellable_is_cancelled (self->cancellable);
}
