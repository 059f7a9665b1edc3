/* kasane-window-keys.c: the main window's keyboard: full screen and where focus goes
 *
 * F11 (win.fullscreen) gives the view the whole screen: the header bar and the sidebar
 * hide, and come back as they were.  While full screen, Escape leaves it before anything
 * else sees the key (a capture-phase controller), so it does not also clear a selection
 * or the trend's read-out.
 *
 * A narrow window (under 900 px) hides the sidebar by itself, so the view keeps the width,
 * and shows it again when the window is wide again, unless the sidebar was shown or
 * hidden by hand (F9, the menu) in between.
 *
 * Focus follows the view: when another view is shown, and after the primary menu closes
 * (whatever was chosen in it), the view on screen takes the focus, so that its arrow
 * keys work at once.  (After a submenu of GTK 4.8's popover menu, the focus was left on
 * a widget of the popover's, and Alt+1…5 and F9 did nothing until a click.)
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-window"

#include "config.h"

#include "kasane-window-parts.h"

static void
window_focus_view (KasaneWindow *self)
{
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);

  /* Presenting, the slides have the keys. */
  if (self->presenting)
    view = self->slide_view;
  /* A view that is not on screen yet (the window is being built) cannot take it. */
  if (view == NULL || !gtk_widget_get_mapped (view))
    return;
  /* A view with nothing to focus (the essay's text) takes the focus itself, so that it
   * does not stay behind on a widget the view replaced (the pane's handle took it, and
   * its arrow keys, Home and End moved the sidebar's edge). */
  if (!gtk_widget_grab_focus (view))
    {
      gtk_widget_set_focusable (view, TRUE);
      gtk_widget_grab_focus (view);
    }
}

static gboolean
focus_view_idle (gpointer user_data)
{
  KasaneWindow *self = user_data;

  self->focus_idle = 0;
  window_focus_view (self);
  return G_SOURCE_REMOVE;
}

/* After the popover has let go of the keyboard, not from inside its own handlers. */
static void
queue_focus_view (KasaneWindow *self)
{
  if (self->focus_idle == 0)
    self->focus_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_view_idle, self, NULL);
}

void
window_keys_focus_view (KasaneWindow *self)
{
  queue_focus_view (self);
}

static void
fullscreened_cb (KasaneWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (self));
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "fullscreen");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (fullscreen));
  if (titlebar != NULL)
    gtk_widget_set_visible (titlebar, !fullscreen);
  self->sidebar_by_program = TRUE;
  if (fullscreen)
    {
      self->sidebar_before_fullscreen = gtk_widget_get_visible (self->sidebar_pane);
      gtk_widget_set_visible (self->sidebar_pane, FALSE);
    }
  else
    gtk_widget_set_visible (self->sidebar_pane, self->sidebar_before_fullscreen);
  self->sidebar_by_program = FALSE;
  queue_focus_view (self);
}

static void
fullscreen_change_state (GSimpleAction *action,
                         GVariant      *state,
                         gpointer       user_data)
{
  GtkWindow *window = user_data;

  if (g_variant_get_boolean (state))
    gtk_window_fullscreen (window);
  else
    gtk_window_unfullscreen (window);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KasaneWindow          *self)
{
  /* Presenting, Escape ends the presentation before anything else. */
  if (keyval == GDK_KEY_Escape && self->presenting)
    {
      window_present_stop (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape && gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      return TRUE;
    }
  return FALSE;
}

void
window_keys_watch_menu (KasaneWindow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->menu_button);

  /* After the popover is unmapped, when GTK has put the focus back where it was. */
  if (popover != NULL)
    g_signal_connect_object (popover, "unmap", G_CALLBACK (queue_focus_view), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

#define NARROW_WIDTH 900

static void
width_cb (KasaneWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width <= 0 || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;
  self->sidebar_by_program = TRUE;
  if (width < NARROW_WIDTH && !self->sidebar_auto_hidden && !self->sidebar_by_hand &&
      gtk_widget_get_visible (self->sidebar_pane))
    {
      self->sidebar_auto_hidden = TRUE;
      gtk_widget_set_visible (self->sidebar_pane, FALSE);
    }
  else if (width >= NARROW_WIDTH)
    {
      if (self->sidebar_auto_hidden)
        gtk_widget_set_visible (self->sidebar_pane, TRUE);
      self->sidebar_auto_hidden = FALSE;
      self->sidebar_by_hand = FALSE;
    }
  self->sidebar_by_program = FALSE;
}

/* Shown or hidden by hand while narrow: that choice stands until the window is wide. */
static void
sidebar_visible_cb (KasaneWindow *self)
{
  if (self->sidebar_by_program || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;
  self->sidebar_auto_hidden = FALSE;
  self->sidebar_by_hand = TRUE;
}

void
window_keys_init (KasaneWindow *self)
{
  g_autoptr(GSimpleAction) fullscreen = NULL;
  GtkEventController *keys;

  fullscreen = g_simple_action_new_stateful ("fullscreen", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (fullscreen, "change-state", G_CALLBACK (fullscreen_change_state),
                           self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (fullscreen));
  self->sidebar_before_fullscreen = TRUE;
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (queue_focus_view), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (queue_focus_view), NULL);

  g_signal_connect (self, "notify::default-width", G_CALLBACK (width_cb), NULL);
  g_signal_connect_object (self->sidebar_pane, "notify::visible",
                           G_CALLBACK (sidebar_visible_cb), self, G_CONNECT_SWAPPED);
}

void
window_keys_dispose (KasaneWindow *self)
{
  g_clear_handle_id (&self->focus_idle, g_source_remove);
}
