/* kasane-window-reading.c: the size of the text views' type (Ledger, Explain)
 *
 * The charts lay their text out at a floor chosen from the distance they are read at
 * (kasane_text_floor_for_window()); the text views follow the same floor.  Their body
 * type is the desktop's font size or the floor, whichever is larger, times the
 * application's zoom, set on the two views alone (a style provider of their own), so
 * two windows of different sizes each get theirs.  It is worked out again when the
 * window is resized, goes full screen, shows or hides the sidebar, or the zoom or the
 * desktop's font changes.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-window"

#include "config.h"

#include <math.h>

#include "kasane-render.h"
#include "kasane-window-parts.h"
#include "kasane-zoom.h"

/* The desktop's body font size in pixels (13.3 px for "Sans 10" at 96 dpi). */
static double
desktop_font_px (GtkWidget *widget)
{
  GtkSettings *settings = gtk_widget_get_settings (widget);
  g_autofree char *name = NULL;
  PangoFontDescription *desc;
  int dpi = -1;
  double size, px;

  g_object_get (settings, "gtk-font-name", &name, "gtk-xft-dpi", &dpi, NULL);
  desc = pango_font_description_from_string (name != NULL ? name : "Sans 10");
  size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  if (size <= 0)
    size = 10;
  px = pango_font_description_get_size_is_absolute (desc)
       ? size : size * (dpi > 0 ? dpi / 1024.0 : 96.0) / 72.0;
  pango_font_description_free (desc);
  return px;
}

double
window_reading_font_px (KasaneWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  int width = 0, height = 0;
  double floor_px;

  /* The size the window has (or is about to have: the default size follows every
   * resize), and full screen, the monitor's. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)) && surface != NULL)
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget),
                                                               surface);

      if (monitor != NULL)
        {
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          width = geometry.width;
          height = geometry.height;
        }
    }
  if (width <= 0 || height <= 0)
    {
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
    }
  floor_px = kasane_text_floor_for_window (MAX (width, 1), MAX (height, 1),
                                           !gtk_widget_get_visible (self->sidebar_pane));
  return MAX (floor_px, desktop_font_px (widget)) * kasane_zoom_get_level (kasane_zoom_get_default ());
}

static gboolean
update_idle (gpointer data)
{
  KasaneWindow *self = data;
  char css[64];
  int px;

  self->reading_idle = 0;
  px = (int) ceil (window_reading_font_px (self));
  if (px != self->reading_px)
    {
      self->reading_px = px;
      g_snprintf (css, sizeof css, ".kasane-reading { font-size: %dpx; }", px);
      gtk_css_provider_load_from_data (self->reading_css, css, -1);
    }
  return G_SOURCE_REMOVE;
}

/* After the window has its new size: an idle below the redraw priority. */
static void
queue_update (KasaneWindow *self)
{
  if (self->reading_idle == 0)
    self->reading_idle = g_idle_add_full (G_PRIORITY_LOW, update_idle, self, NULL);
}

void
window_reading_init (KasaneWindow *self)
{
  GtkWidget *bins[] = { GTK_WIDGET (self->ledger_bin), GTK_WIDGET (self->explain_bin) };

  self->reading_css = gtk_css_provider_new ();
  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    {
      gtk_widget_add_css_class (bins[i], "kasane-reading");
      /* A provider for these two widgets only (GTK 4.8 has no other way to scope one). */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (bins[i]),
                                      GTK_STYLE_PROVIDER (self->reading_css),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  update_idle (self);

  g_signal_connect (self, "notify::default-width", G_CALLBACK (queue_update), NULL);
  g_signal_connect (self, "notify::default-height", G_CALLBACK (queue_update), NULL);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (queue_update), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (queue_update), NULL);
  g_signal_connect (self, "map", G_CALLBACK (queue_update), NULL);
  g_signal_connect_object (self->sidebar_pane, "notify::visible", G_CALLBACK (queue_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kasane_zoom_get_default (), "notify::level",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-font-name",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
}

void
window_reading_dispose (KasaneWindow *self)
{
  g_clear_handle_id (&self->reading_idle, g_source_remove);
  g_clear_object (&self->reading_css);
}
