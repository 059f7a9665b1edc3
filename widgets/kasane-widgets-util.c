/* kasane-widgets-util.c: small widgets that the window and the Ledger view both build
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-widgets-util"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-widgets-util.h"

#include <string.h>

#include "kasane-clamp.h"

char *
kasane_widgets_breakable_text (const char *text,
                               gboolean    markup)
{
  GString *out;
  guint run = 0;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (markup && (c == '<' || c == '&'))
        {
          /* A tag or an entity is copied whole; an entity counts as one character. */
          const char *end = strchr (p, c == '<' ? '>' : ';');

          if (end != NULL)
            {
              g_string_append_len (out, p, end + 1 - p);
              run = c == '<' ? run : run + 1;
              p = end;
              continue;
            }
        }
      /* Between wide (CJK) characters Pango may break anyway. */
      if (g_unichar_isspace (c) || c == 0x200B || g_unichar_iswide (c))
        run = 0;
      else if (run == KASANE_WIDGETS_MAX_UNBROKEN)
        {
          g_string_append_unichar (out, 0x200B);
          run = 1;
        }
      else
        run++;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

GtkWidget *
kasane_widgets_new_wrapping_label (PangoWrapMode wrap_mode)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0f,
                       "wrap", TRUE,
                       "wrap-mode", wrap_mode,
                       NULL);
}

GtkWidget *
kasane_widgets_new_errors_label (void)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "yalign", 0.0f,
                                   "selectable", TRUE,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: Accessible name of the text with the file's
                                   * errors, each with its line and column */
                                  _("Errors with their places in the file"),
                                  -1);
  gtk_widget_add_css_class (label, "monospace");
  return label;
}

GtkWidget *
kasane_widgets_new_pill_button (const char *label,
                                const char *action_name,
                                gboolean    suggested)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                    "label", label,
                                    "use-underline", TRUE,
                                    "action-name", action_name,
                                    NULL);

  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

GtkWidget *
kasane_widgets_new_status_page (const char  *icon_name,
                                const char  *title,
                                const char  *description,
                                GtkWidget   *child,
                                GtkLabel   **title_out)
{
  GtkWidget *box, *image, *label, *scrolled;

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 12,
                      "valign", GTK_ALIGN_CENTER,
                      "margin-top", 36,
                      "margin-bottom", 36,
                      "margin-start", 12,
                      "margin-end", 12,
                      NULL);
  gtk_widget_add_css_class (box, "status-page");
  gtk_widget_set_name (box, "status-page");

  image = g_object_new (GTK_TYPE_IMAGE,
                        "icon-name", icon_name,
                        "pixel-size", 128,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_widget_set_margin_bottom (image, 24);
  gtk_box_append (GTK_BOX (box), image);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", title != NULL ? title : "",
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "justify", GTK_JUSTIFY_CENTER,
                        NULL);
  gtk_widget_add_css_class (label, "title-1");
  gtk_box_append (GTK_BOX (box), label);
  if (title_out != NULL)
    *title_out = GTK_LABEL (label);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", description,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "justify", GTK_JUSTIFY_CENTER,
                        NULL);
  gtk_box_append (GTK_BOX (box), label);

  if (child != NULL)
    {
      gtk_widget_set_margin_top (child, 24);
      gtk_box_append (GTK_BOX (box), child);
    }

  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "hexpand", TRUE,
                           "vexpand", TRUE,
                           "child", kasane_clamp_new (box, 640),
                           NULL);
  return scrolled;
}
