/* kasane-load-progress.h: how far a load on another thread has got, and how to stop it
 *
 * The window loads a large file on a worker thread.  It makes a KasaneLoadProgress, hands
 * it to the worker, which makes it the thread's current one while it loads; the loaders
 * report the bytes they have read to the current one and stop, with an error, once its
 * cancellable is cancelled.  The window reads the fraction on its own thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _KasaneLoadProgress KasaneLoadProgress;

KasaneLoadProgress *kasane_load_progress_new          (GCancellable       *cancellable);
KasaneLoadProgress *kasane_load_progress_ref          (KasaneLoadProgress *self);
void                kasane_load_progress_unref        (KasaneLoadProgress *self);
GCancellable       *kasane_load_progress_get_cancellable (KasaneLoadProgress *self);
/* From any thread: the share of the file read so far, 0 to 1. */
double              kasane_load_progress_get_fraction (KasaneLoadProgress *self);

/* On the loading thread, around the load: makes `self` the thread's current progress. */
void                kasane_load_progress_push         (KasaneLoadProgress *self);
void                kasane_load_progress_pop          (void);

/* For the loaders: the thread's current progress, or NULL (a load on the main thread, or
 * from the command line). */
KasaneLoadProgress *kasane_load_progress_current      (void);
void                kasane_load_progress_report       (KasaneLoadProgress *self,
                                                       guint64             done,
                                                       guint64             total);
gboolean            kasane_load_progress_is_cancelled (KasaneLoadProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneLoadProgress, kasane_load_progress_unref)

G_END_DECLS
