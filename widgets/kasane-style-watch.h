/* kasane-style-watch.h: what the desktop says about a chart's colours and text size
 *
 * Every chart widget follows the same three things: the style manager's dark and high-
 * contrast switches (for the "system" theme) and the desktop's text scaling
 * (gtk-xft-dpi).  A watch is embedded in the widget, connected while it is realized, and
 * calls back when any of them changes.
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-render.h"

G_BEGIN_DECLS

typedef void (*KasaneStyleWatchFunc) (GtkWidget *widget);

typedef struct
{
  /*< private >*/
  GtkWidget            *widget;          /* not owned: the watch lives inside it */
  KasaneStyleWatchFunc  changed;
  GtkSettings          *settings;
  gulong                dpi_handler;
  gulong                dark_handler;
  gulong                theme_handler;
  double                desktop_scale;
} KasaneStyleWatch;

void        kasane_style_watch_init              (KasaneStyleWatch     *watch,
                                                  GtkWidget            *widget,
                                                  KasaneStyleWatchFunc  changed);
/* From the widget's realize and unrealize. */
void        kasane_style_watch_connect           (KasaneStyleWatch     *watch);
void        kasane_style_watch_disconnect        (KasaneStyleWatch     *watch);

/* The theme to paint for a setting of "light", "dark", "contrast" or "system". */
KasaneTheme kasane_style_watch_get_theme         (KasaneStyleWatch     *watch,
                                                  const char           *setting);
/* The desktop's text scaling factor (1.0 at 96 dpi), clamped to 0.5–4. */
double      kasane_style_watch_get_desktop_scale (KasaneStyleWatch     *watch);

G_END_DECLS
