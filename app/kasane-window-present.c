/* kasane-window-present.c: presenting in the main window
 *
 * F5 (win.present) shows the slides built from the open datasets (kasane-deck.h) full
 * screen, from the first; Shift+F5 (win.present-here) from the slide of the view on
 * screen.  The slides lie over the whole window (an overlay), so nothing underneath
 * changes: Escape hides them, leaves full screen unless the window was full screen
 * before, and the window is as it was (view, selection, size, sidebar).  While
 * presenting, the screensaver and idle suspend are held off.  The slides take the
 * projector-friendly contrast theme unless the menu's "Slides in High Contrast" is off;
 * then the window's style.
 *
 * The presenter console (kasane-presenter-console.h): with two monitors, the slides go
 * full screen on the projector (the larger monitor; of two alike, the later, usually the
 * external one) and the console in a window of its own, full screen on the other; S
 * swaps them.  With one monitor, S shows the console over the slides and hides it again.
 * The console's keys are the slides' keys.
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

static guint64
monitor_area (GdkMonitor *monitor)
{
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  return (guint64) geometry.width * (guint64) geometry.height;
}

/* Two monitors or more: the projector is the largest (of equals, the later), the console
 * gets the first other one.  FALSE with one monitor. */
static gboolean
choose_monitors (KasaneWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n = g_list_model_get_n_items (monitors), projector = 0;

  g_clear_object (&self->slides_monitor);
  g_clear_object (&self->console_monitor);
  if (n < 2)
    return FALSE;
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GdkMonitor) a = g_list_model_get_item (monitors, i);
      g_autoptr(GdkMonitor) b = g_list_model_get_item (monitors, projector);

      if (monitor_area (a) >= monitor_area (b))
        projector = i;
    }
  self->slides_monitor = g_list_model_get_item (monitors, projector);
  self->console_monitor = g_list_model_get_item (monitors, projector == 0 ? 1 : 0);
  return TRUE;
}

static gboolean
console_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KasaneWindow          *self)
{
  return kasane_slide_view_press_key (KASANE_SLIDE_VIEW (self->slide_view), keyval, state);
}

static void
place_windows (KasaneWindow *self)
{
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), self->slides_monitor);
  gtk_window_fullscreen_on_monitor (self->console_window, self->console_monitor);
}

/* A compositor may keep a full-screen window where it is when asked for another
 * monitor (weston does): both windows out of full screen first, then onto their new
 * monitors once both are out (or after a second, if the compositor never says). */
static gboolean
replace_windows_cb (gpointer data)
{
  KasaneWindow *self = data;

  if (self->console_window == NULL || !self->presenting)
    {
      self->swap_timer = 0;
      return G_SOURCE_REMOVE;
    }
  if ((gtk_window_is_fullscreen (GTK_WINDOW (self)) ||
       gtk_window_is_fullscreen (self->console_window)) &&
      g_get_monotonic_time () - self->swap_started < G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;
  self->swap_timer = 0;
  place_windows (self);
  return G_SOURCE_REMOVE;
}

static void
swap_requested (KasaneWindow *self)
{
  if (self->console_window != NULL)
    {
      GdkMonitor *monitor = self->slides_monitor;

      self->slides_monitor = self->console_monitor;
      self->console_monitor = monitor;
      gtk_window_unfullscreen (self->console_window);
      gtk_window_unfullscreen (GTK_WINDOW (self));
      self->swap_started = g_get_monotonic_time ();
      if (self->swap_timer == 0)
        self->swap_timer = g_timeout_add (50, replace_windows_cb, self);
    }
  else
    gtk_widget_set_visible (self->console, !gtk_widget_get_visible (self->console));
}

static void
slide_changed (KasaneWindow *self)
{
  kasane_presenter_console_show_slide (KASANE_PRESENTER_CONSOLE (self->console),
                                       kasane_slide_view_get_index (KASANE_SLIDE_VIEW (self->slide_view)));
}

/* The console in a window of its own, on the other monitor. */
static void
open_console_window (KasaneWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->console_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (self->console_window,
                              gtk_window_get_application (GTK_WINDOW (self)));
  /* Translators: the title of the presenter console's window */
  gtk_window_set_title (self->console_window, _("Presenter Console — Kasane"));
  /* Moved, not dropped: held while it has no parent. */
  g_object_ref (self->console);
  gtk_overlay_remove_overlay (self->toast_overlay, self->console);
  gtk_window_set_child (self->console_window, self->console);
  g_object_unref (self->console);
  gtk_widget_set_visible (self->console, TRUE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (console_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->console_window), keys);
  place_windows (self);
  gtk_window_present (self->console_window);
}

/* The console back over the slides, hidden, for one monitor. */
static void
close_console_window (KasaneWindow *self)
{
  if (self->console_window == NULL)
    return;
  g_object_ref (self->console);
  gtk_window_set_child (self->console_window, NULL);
  gtk_window_destroy (self->console_window);
  self->console_window = NULL;
  gtk_overlay_add_overlay (self->toast_overlay, self->console);
  g_object_unref (self->console);
}

void
window_present_start (KasaneWindow *self,
                      gboolean      from_view)
{
  g_autoptr(GPtrArray) datasets = NULL;
  g_autofree char *slides_theme = NULL;
  KasaneDeck *deck;
  GtkApplication *app;

  if (self->presenting)
    return;
  datasets = window_collect_datasets (self);
  if (datasets->len == 0)
    return;

  deck = kasane_deck_new ((KasaneDataset * const *) datasets->pdata, datasets->len);
  {
    g_autofree char *theme = g_settings_get_boolean (self->settings, "slides-contrast")
                             ? g_strdup ("contrast")
                             : g_settings_get_string (self->settings, "theme");

    kasane_chart_view_set_theme (KASANE_CHART_VIEW (self->slide_view), theme);
    slides_theme = g_steal_pointer (&theme);
  }
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (self->slide_view), window_get_language (self));
  kasane_slide_view_set_deck (KASANE_SLIDE_VIEW (self->slide_view), deck);
  kasane_presenter_console_start (KASANE_PRESENTER_CONSOLE (self->console),
                                  (KasaneDataset * const *) datasets->pdata, datasets->len,
                                  window_get_language (self), slides_theme);
  kasane_slide_view_set_index (KASANE_SLIDE_VIEW (self->slide_view),
                               from_view ? slide_for_view (self, deck) : 0);
  slide_changed (self);

  self->presenting = TRUE;
  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  gtk_widget_set_visible (self->slide_view, TRUE);
  gtk_widget_set_visible (self->console, FALSE);
  gtk_widget_grab_focus (self->slide_view);
  if (choose_monitors (self))
    open_console_window (self);
  else if (!self->was_fullscreen)
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
  g_clear_handle_id (&self->swap_timer, g_source_remove);
  close_console_window (self);
  g_clear_object (&self->slides_monitor);
  g_clear_object (&self->console_monitor);
  gtk_widget_set_visible (self->slide_view, FALSE);
  gtk_widget_set_visible (self->console, FALSE);
  kasane_slide_view_set_deck (KASANE_SLIDE_VIEW (self->slide_view), NULL);
  if (!self->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  window_keys_focus_view (self);
}

void
window_present_init (KasaneWindow *self)
{
  self->slide_view = kasane_slide_view_new ();
  gtk_widget_set_visible (self->slide_view, FALSE);
  gtk_overlay_add_overlay (self->toast_overlay, self->slide_view);
  g_signal_connect_object (self->slide_view, "exit-requested",
                           G_CALLBACK (window_present_stop), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->slide_view, "swap-requested",
                           G_CALLBACK (swap_requested), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->slide_view, "slide-changed",
                           G_CALLBACK (slide_changed), self, G_CONNECT_SWAPPED);

  self->console = kasane_presenter_console_new ();
  gtk_widget_add_css_class (self->console, "background");
  gtk_widget_set_visible (self->console, FALSE);
  gtk_overlay_add_overlay (self->toast_overlay, self->console);
}

void
window_present_dispose (KasaneWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_handle_id (&self->swap_timer, g_source_remove);
  if (self->console_window != NULL)
    {
      gtk_window_set_child (self->console_window, NULL);
      gtk_window_destroy (self->console_window);
      self->console_window = NULL;
    }
  g_clear_object (&self->slides_monitor);
  g_clear_object (&self->console_monitor);
}
