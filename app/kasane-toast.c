/* kasane-toast.c: short notices over a window's content
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-toast"

#include "config.h"

#include "kasane-toast.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  GtkOverlay      *overlay;     /* unowned: the toast is its child */
  GtkWidget       *revealer;
  char            *title;
  KasaneToastFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
  guint            timeout_id;
} Toast;

#define TOAST_KEY "kasane-toast"

static void
toast_free (gpointer data)
{
  Toast *toast = data;

  g_clear_handle_id (&toast->timeout_id, g_source_remove);
  if (toast->destroy != NULL)
    toast->destroy (toast->user_data);
  g_free (toast->title);
  g_free (toast);
}

/* Takes the toast off its overlay (the revealer's "kasane-toast" data frees it). */
static void
toast_remove (Toast *toast)
{
  GtkWidget *revealer = toast->revealer;
  GtkOverlay *overlay = toast->overlay;

  if (g_object_get_data (G_OBJECT (overlay), TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (overlay), TOAST_KEY, NULL);
  gtk_overlay_remove_overlay (overlay, revealer);
}

static void
child_revealed_cb (GtkRevealer *revealer,
                   GParamSpec  *pspec,
                   Toast       *toast)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    toast_remove (toast);
}

/* The revealer owns the toast: hold it while the toast may go from under us. */
static void
toast_dismiss (Toast *toast)
{
  g_autoptr(GtkWidget) revealer = g_object_ref (toast->revealer);

  g_clear_handle_id (&toast->timeout_id, g_source_remove);
  /* With animations off the revealer hides at once, and child_revealed_cb removes it;
   * unmapped, it would never say so. */
  gtk_revealer_set_reveal_child (GTK_REVEALER (revealer), FALSE);
  if (gtk_widget_get_parent (revealer) != NULL && !gtk_widget_get_mapped (revealer))
    toast_remove (toast);
}

static gboolean
timeout_cb (gpointer data)
{
  Toast *toast = data;

  toast->timeout_id = 0;
  toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
button_clicked_cb (GtkButton *button,
                   Toast     *toast)
{
  g_autoptr(GtkWidget) revealer = g_object_ref (toast->revealer);

  if (toast->func != NULL)
    toast->func (toast->user_data);
  /* The function may have shown another toast in this one's place. */
  if (gtk_widget_get_parent (revealer) != NULL)
    toast_dismiss (toast);
}

static void
close_clicked_cb (GtkButton *button,
                  Toast     *toast)
{
  toast_dismiss (toast);
}

void
kasane_toast_show (GtkOverlay      *overlay,
                   const char      *title,
                   const char      *button_label,
                   KasaneToastFunc  func,
                   gpointer         user_data,
                   GDestroyNotify   destroy,
                   guint            timeout_seconds)
{
  Toast *toast, *previous;
  GtkWidget *box, *label, *close;

  g_return_if_fail (GTK_IS_OVERLAY (overlay));
  g_return_if_fail (title != NULL);

  previous = g_object_get_data (G_OBJECT (overlay), TOAST_KEY);
  if (previous != NULL)
    toast_remove (previous);

  toast = g_new0 (Toast, 1);
  toast->overlay = overlay;
  toast->title = g_strdup (title);
  toast->func = func;
  toast->user_data = user_data;
  toast->destroy = destroy;

  box = g_object_new (GTK_TYPE_BOX,
                      "spacing", 6,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                      NULL);
  gtk_widget_add_css_class (box, "app-notification");
  gtk_widget_add_css_class (box, "kasane-toast");

  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_box_append (GTK_BOX (box), label);

  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), toast);
      gtk_box_append (GTK_BOX (box), button);
    }

  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (close, FALSE);
  /* Translators: tooltip of the × button on a short notice at the bottom of the window */
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dismiss"), -1);
  g_signal_connect (close, "clicked", G_CALLBACK (close_clicked_cb), toast);
  gtk_box_append (GTK_BOX (box), close);

  toast->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (toast->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (GTK_REVEALER (toast->revealer), box);
  gtk_widget_set_halign (toast->revealer, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (toast->revealer, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (toast->revealer, 12);
  gtk_widget_set_margin_start (toast->revealer, 12);
  gtk_widget_set_margin_end (toast->revealer, 12);
  g_object_set_data_full (G_OBJECT (toast->revealer), TOAST_KEY, toast, toast_free);
  g_signal_connect (toast->revealer, "notify::child-revealed",
                    G_CALLBACK (child_revealed_cb), toast);

  gtk_overlay_add_overlay (overlay, toast->revealer);
  g_object_set_data (G_OBJECT (overlay), TOAST_KEY, toast);
  gtk_revealer_set_reveal_child (GTK_REVEALER (toast->revealer), TRUE);

  if (timeout_seconds > 0)
    toast->timeout_id = g_timeout_add_seconds (timeout_seconds, timeout_cb, toast);
}

const char *
kasane_toast_get_title (GtkOverlay *overlay)
{
  Toast *toast;

  g_return_val_if_fail (GTK_IS_OVERLAY (overlay), NULL);

  toast = g_object_get_data (G_OBJECT (overlay), TOAST_KEY);
  return toast != NULL ? toast->title : NULL;
}
