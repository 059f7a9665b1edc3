#define G_LOG_DOMAIN "kasane-style-watch"

#include "config.h"

#include "kasane-style-watch.h"

#include <math.h>

void
kasane_style_watch_init (KasaneStyleWatch     *watch,
                         GtkWidget            *widget,
                         KasaneStyleWatchFunc  changed)
{
  g_return_if_fail (watch != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  *watch = (KasaneStyleWatch) { .widget = widget, .changed = changed, .desktop_scale = 1.0 };
}

static void
notify_cb (KasaneStyleWatch *watch)
{
  int dpi = -1;
  double scale = 1.0;

  if (watch->settings != NULL)
    g_object_get (watch->settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi > 0)
    scale = CLAMP (dpi / 1024.0 / 96.0, 0.5, 4.0);
  watch->desktop_scale = scale;

  if (watch->changed != NULL)
    watch->changed (watch->widget);
}

void
kasane_style_watch_connect (KasaneStyleWatch *watch)
{
  g_return_if_fail (watch != NULL && watch->widget != NULL);
  g_return_if_fail (watch->settings == NULL);

  watch->settings = g_object_ref (gtk_widget_get_settings (watch->widget));
  watch->dpi_handler = g_signal_connect_swapped (watch->settings, "notify::gtk-xft-dpi",
                                                 G_CALLBACK (notify_cb), watch);
  /* Without libadwaita (a test, a plain GTK host) the "system" theme reads GtkSettings. */
  if (adw_is_initialized ())
    {
      watch->style_manager = g_object_ref (adw_style_manager_get_default ());
      watch->dark_handler = g_signal_connect_swapped (watch->style_manager, "notify::dark",
                                                      G_CALLBACK (notify_cb), watch);
      watch->contrast_handler = g_signal_connect_swapped (watch->style_manager,
                                                          "notify::high-contrast",
                                                          G_CALLBACK (notify_cb), watch);
    }
  notify_cb (watch);
}

void
kasane_style_watch_disconnect (KasaneStyleWatch *watch)
{
  g_return_if_fail (watch != NULL);

  if (watch->settings != NULL)
    {
      g_clear_signal_handler (&watch->dpi_handler, watch->settings);
      g_clear_object (&watch->settings);
    }
  if (watch->style_manager != NULL)
    {
      g_clear_signal_handler (&watch->dark_handler, watch->style_manager);
      g_clear_signal_handler (&watch->contrast_handler, watch->style_manager);
      g_clear_object (&watch->style_manager);
    }
}

KasaneTheme
kasane_style_watch_get_theme (KasaneStyleWatch *watch,
                              const char       *setting)
{
  KasaneTheme theme;
  GtkSettings *settings;
  gboolean dark = FALSE;
  g_autofree char *name = NULL;

  g_return_val_if_fail (watch != NULL, KASANE_THEME_LIGHT);

  if (kasane_theme_from_string (setting, &theme))
    return theme;

  /* "system" */
  if (adw_is_initialized ())
    {
      AdwStyleManager *manager = adw_style_manager_get_default ();

      if (adw_style_manager_get_high_contrast (manager))
        return KASANE_THEME_CONTRAST;
      return adw_style_manager_get_dark (manager) ? KASANE_THEME_DARK : KASANE_THEME_LIGHT;
    }

  settings = gtk_widget_get_settings (watch->widget);
  if (settings == NULL)
    return KASANE_THEME_LIGHT;
  g_object_get (settings, "gtk-application-prefer-dark-theme", &dark,
                "gtk-theme-name", &name, NULL);
  if (name != NULL && g_str_has_prefix (name, "HighContrast"))
    return KASANE_THEME_CONTRAST;
  return dark ? KASANE_THEME_DARK : KASANE_THEME_LIGHT;
}

double
kasane_style_watch_get_desktop_scale (KasaneStyleWatch *watch)
{
  g_return_val_if_fail (watch != NULL, 1.0);
  return watch->desktop_scale;
}
