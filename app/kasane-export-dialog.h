/* kasane-export-dialog.h: the Export dialog (Ctrl+E) and "Copy as image"
 *
 * A modeless window that chooses format, size, scale, theme, language, background and
 * an optional footer line, then asks for a file (GtkFileChooserNative) and writes it with
 * kasane_export_write — the same code as `kasane --export`.  The last settings and folder
 * are kept in GSettings (export-* keys).
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-dataset.h"
#include "kasane-export.h"

G_BEGIN_DECLS

#define KASANE_TYPE_EXPORT_DIALOG (kasane_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KasaneExportDialog, kasane_export_dialog, KASANE, EXPORT_DIALOG, GtkWindow)

/* `view` is the window's view ("compare" or "stack"; any other view exports compare).
 * The datasets are referenced, not copied. */
KasaneExportDialog *kasane_export_dialog_new          (GtkWindow              *parent,
                                                       KasaneDataset * const  *datasets,
                                                       guint                   n_datasets,
                                                       const char             *view);
/* The view state the picture keeps (selection, step, zoom, time window, hidden series);
 * the dialog's own choices override size, scale, theme, language and background.  The
 * request is copied. */
void                kasane_export_dialog_set_state    (KasaneExportDialog        *self,
                                                       const KasaneRenderRequest *request);
/* Creates the dialog for the picture `request` describes, transient for `parent`, and
 * presents it. */
void                kasane_export_dialog_present      (GtkWindow                 *parent,
                                                       const KasaneRenderRequest *request);

/* The options the dialog shows now; the strings in it belong to the dialog and stay
 * valid until its settings change. */
void                kasane_export_dialog_get_options  (KasaneExportDialog     *self,
                                                       KasaneExportOptions    *options);
/* Writes `path` as the Export button does after the file chooser (the extension, when it
 * is .png .svg or .pdf, chooses the format), then shows the toast or the error. */
gboolean            kasane_export_dialog_export_to_path (KasaneExportDialog   *self,
                                                       const char             *path,
                                                       GError                **error);

/* Puts the picture on `clipboard` as a texture (offered as image/png and the other image
 * types GDK converts to) and as image/svg+xml.  `options->format` and `options->scale`
 * are ignored for the SVG. */
gboolean            kasane_export_copy_to_clipboard   (GdkClipboard              *clipboard,
                                                       KasaneDataset * const     *datasets,
                                                       guint                      n_datasets,
                                                       const KasaneExportOptions *options,
                                                       GError                   **error);

/* "Copy as image" (the window's Ctrl+Shift+C): the picture on screen, as `request`
 * describes it — the view's state at the view's size, in its theme and language, at
 * `widget`'s scale factor, with no footer — on `widget`'s clipboard.  The Export dialog
 * is the way to another size, theme, language or background. */
gboolean            kasane_export_copy_view           (GtkWidget                 *widget,
                                                       const KasaneRenderRequest *request,
                                                       GError                   **error);

G_END_DECLS
