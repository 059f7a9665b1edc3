/* kasane-explain-view.h: the Explain view, the narrative of the lens and of each dataset
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-dataset.h"

G_BEGIN_DECLS

#define KASANE_TYPE_EXPLAIN_VIEW (kasane_explain_view_get_type ())
G_DECLARE_FINAL_TYPE (KasaneExplainView, kasane_explain_view, KASANE, EXPLAIN_VIEW, GtkWidget)

/* The language starts as the locale's ("ja" when the first language name is Japanese). */
GtkWidget  *kasane_explain_view_new           (void);

/* The view keeps a reference to each dataset; `n` may be 0. */
void        kasane_explain_view_set_datasets  (KasaneExplainView  *self,
                                               KasaneDataset     **datasets,
                                               guint               n);

/* "en" or "ja" (anything else reads as "en"): the language of dataset text.  The essay
 * and the generated sentences come from gettext, whose language the application sets
 * before calling this; the texts are rebuilt on every call. */
void        kasane_explain_view_set_language  (KasaneExplainView  *self,
                                               const char         *lang);
const char *kasane_explain_view_get_language  (KasaneExplainView  *self);

G_END_DECLS
