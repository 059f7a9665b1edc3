/* kasane-presenter-console.h: what the presenter sees while the audience sees the slides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-dataset.h"

G_BEGIN_DECLS

#define KASANE_TYPE_PRESENTER_CONSOLE (kasane_presenter_console_get_type ())
G_DECLARE_FINAL_TYPE (KasanePresenterConsole, kasane_presenter_console, KASANE,
                      PRESENTER_CONSOLE, GtkWidget)

GtkWidget  *kasane_presenter_console_new        (void);
/* A new presentation of `datasets` in `lang` and `theme`: the clock starts at zero. */
void        kasane_presenter_console_start      (KasanePresenterConsole *self,
                                                 KasaneDataset * const  *datasets,
                                                 guint                   n_datasets,
                                                 const char             *lang,
                                                 const char             *theme);
/* The audience sees slide `index` now. */
void        kasane_presenter_console_show_slide (KasanePresenterConsole *self,
                                                 guint                   index);
const char *kasane_presenter_console_get_notes  (KasanePresenterConsole *self);
guint       kasane_presenter_console_get_index  (KasanePresenterConsole *self);

G_END_DECLS
