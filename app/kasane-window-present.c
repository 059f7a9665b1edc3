/* kasane-window-present.c: presenting in the main window
 *
 * F5 (win.present) shows the slides built from the open datasets (kasane-deck.h) full
 * screen, from the first; Shift+F5 (win.present-here) from the slide of the view on
 * screen.  The slides lie over the whole window (an overlay), so nothing underneath
 * changes: Escape hides them, leaves full screen unless the window was full screen
 * before, and the window is as it was (view, selection, size, sidebar).  While
 * presenting, the screensaver and idle suspend are held off.  The slides take the
 * projector-friendly contrast theme.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-window-parts.h"
#include "kasane-window-private.h"

/* The slide that shows what the view on screen shows: the selected dataset's first
 * reveal step (Stack, Ledger) or first trend slide (Trend); else the title. */
static guint
slide_for_view (KasaneWindow *self,
                KasaneDeck   *deck)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);
  KasaneDataset *dataset = kasane_window_get_shown_dataset (self);
  int index = -1;

  if (dataset != NULL && g_strcmp0 (view, "trend") == 0)
    index = kasane_deck_find_slide (deck, KASANE_SLIDE_TREND, dataset);
  else if (dataset != NULL && (g_strcmp0 (view, "stack") == 0 || g_strcmp0 (view, "ledger") == 0))
    index = kasane_deck_find_slide (deck, KASANE_SLIDE_REVEAL, dataset);
  return index >= 0 ? (guint) index : 0;
}

void
window_present_start (KasaneWindow *self,
                      gboolean      from_view)
{
  g_autoptr(GPtrArray) datasets = NULL;
  KasaneDeck *deck;
  GtkApplication *app;

  if (self->presenting)
    return;
  datasets = window_collect_datasets (self);
  if (datasets->len == 0)
    return;

  deck = kasane_deck_new ((KasaneDataset * const *) datasets->pdata, datasets->len);
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (self->slide_view), window_get_language (self));
  kasane_slide_view_set_deck (KASANE_SLIDE_VIEW (self->slide_view), deck);
  kasane_slide_view_set_index (KASANE_SLIDE_VIEW (self->slide_view),
                               from_view ? slide_for_view (self, deck) : 0);

  self->presenting = TRUE;
  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  gtk_widget_set_visible (self->slide_view, TRUE);
  gtk_widget_grab_focus (self->slide_view);
  if (!self->was_fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (self));

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE |
                                                    GTK_APPLICATION_INHIBIT_SUSPEND,
                                                    /* Translators: why the screensaver is
                                                     * held off */
                                                    _("Presenting slides"));
}

void
window_present_stop (KasaneWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!self->presenting)
    return;
  self->presenting = FALSE;
  if (app != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  gtk_widget_set_visible (self->slide_view, FALSE);
  kasane_slide_view_set_deck (KASANE_SLIDE_VIEW (self->slide_view), NULL);
  if (!self->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  window_keys_focus_view (self);
}

void
window_present_init (KasaneWindow *self)
{
  self->slide_view = kasane_slide_view_new ();
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (self->slide_view), "contrast");
  gtk_widget_set_visible (self->slide_view, FALSE);
  gtk_overlay_add_overlay (self->toast_overlay, self->slide_view);
  g_signal_connect_object (self->slide_view, "exit-requested",
                           G_CALLBACK (window_present_stop), self, G_CONNECT_SWAPPED);
}

void
window_present_dispose (KasaneWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
}
