/* kasane-window.h: the main window — a sidebar of open datasets and the ledger of the
 * selected one
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-dataset.h"

G_BEGIN_DECLS

#define KASANE_TYPE_WINDOW (kasane_window_get_type ())
G_DECLARE_FINAL_TYPE (KasaneWindow, kasane_window, KASANE, WINDOW, GtkApplicationWindow)

/* `application` may be NULL (tests). */
KasaneWindow *kasane_window_new              (GtkApplication *application);

/* Each opens (or, when it is open already, reloads and selects) a dataset.  A file that
 * fails to load shows its located errors and keeps the dataset shown before; the return
 * value says whether it loaded.  A file that may take more than a moment
 * (kasane_session_load_may_take_long ()) loads on a worker thread instead: TRUE says the
 * load started, and its result shows when it ends. */
gboolean      kasane_window_open_uri         (KasaneWindow   *self,
                                              const char     *uri);
gboolean      kasane_window_open_file        (KasaneWindow   *self,
                                              GFile          *file);
void          kasane_window_open_files       (KasaneWindow   *self,
                                              GFile         **files,
                                              int             n_files);
/* Adds a dataset that lives only in memory (it cannot be reloaded) and selects it. */
void          kasane_window_add_dataset      (KasaneWindow   *self,
                                              KasaneDataset  *dataset,
                                              const char     *display_name);
/* The GtkFileChooserNative for .json and .csv files. */
void          kasane_window_show_open_dialog (KasaneWindow   *self);
/* Moves the datasets, selection, view and size of `from` into a new window. */
void          kasane_window_take_over        (KasaneWindow   *self,
                                              KasaneWindow   *from);

G_END_DECLS
