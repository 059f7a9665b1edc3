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
  /* The application sets the dark preference from its style setting and the desktop's
   * colour scheme; the desktop's high-contrast setting arrives as the theme name. */
  watch->dark_handler = g_signal_connect_swapped (watch->settings,
                                                  "notify::gtk-application-prefer-dark-theme",
                                                  G_CALLBACK (notify_cb), watch);
  watch->theme_handler = g_signal_connect_swapped (watch->settings, "notify::gtk-theme-name",
                                                   G_CALLBACK (notify_cb), watch);
  notify_cb (watch);
}

void
kasane_style_watch_disconnect (KasaneStyleWatch *watch)
{
  g_return_if_fail (watch != NULL);

  if (watch->settings != NULL)
    {
      g_clear_signal_handler (&watch->dpi_handler, watch->settings);
      g_clear_signal_handler (&watch->dark_handler, watch->settings);
      g_clear_signal_handler (&watch->theme_handler, watch->settings);
      g_clear_object (&watch->settings);
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
  const char *env_theme;

  g_return_val_if_fail (watch != NULL, KASANE_THEME_LIGHT);

  if (kasane_theme_from_string (setting, &theme))
    return theme;

  /* "system" */
  settings = gtk_widget_get_settings (watch->widget);
  if (settings == NULL)
    return KASANE_THEME_LIGHT;
  g_object_get (settings, "gtk-application-prefer-dark-theme", &dark,
                "gtk-theme-name", &name, NULL);
  /* GTK_THEME ("Adwaita:dark", "HighContrast") overrides the settings in GTK itself. */
  env_theme = g_getenv ("GTK_THEME");
  if (env_theme != NULL && *env_theme != '\0')
    {
      g_free (name);
      name = g_strdup (env_theme);
      dark = g_str_has_suffix (name, ":dark");
    }
  /* GTK 4's own high-contrast themes are Default-hc and Default-hc-dark. */
  if (name != NULL && (g_str_has_prefix (name, "HighContrast") ||
                       g_str_has_prefix (name, "Default-hc")))
    return KASANE_THEME_CONTRAST;
  if (name != NULL && (g_str_has_suffix (name, "-dark") || g_str_has_suffix (name, ":dark")))
    dark = TRUE;
  return dark ? KASANE_THEME_DARK : KASANE_THEME_LIGHT;
}

double
kasane_style_watch_get_desktop_scale (KasaneStyleWatch *watch)
{
  g_return_val_if_fail (watch != NULL, 1.0);
  return watch->desktop_scale;
}
