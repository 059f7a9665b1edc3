/* kasane-chart-view.h: what every chart view shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-render.h"

G_BEGIN_DECLS

#define KASANE_CHART_VIEW_ZOOM_MIN 0.5
#define KASANE_CHART_VIEW_ZOOM_MAX 3.0

typedef enum
{
  KASANE_CHART_CHANGE_LANG,     /* the language of the picture */
  KASANE_CHART_CHANGE_THEME,    /* the theme setting, or the desktop's dark/contrast */
  KASANE_CHART_CHANGE_SCALE,    /* the zoom, or the desktop's text scaling */
} KasaneChartChange;

#define KASANE_TYPE_CHART_VIEW (kasane_chart_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (KasaneChartView, kasane_chart_view, KASANE, CHART_VIEW, GtkWidget)

struct _KasaneChartViewClass
{
  GtkWidgetClass parent_class;

  /* The picture's language, theme or text scale changed.  The default lays out anew
   * through the three below: after a new language the accessible text first; after a
   * new theme only when the layout was made for another one. */
  void (*changed)           (KasaneChartView   *self,
                             KasaneChartChange  change);
  /* The theme the current layout was made for, or -1 when there is none.  CSS changes
   * with every focus and hover state: only a theme that differs lays out again. */
  int  (*layout_theme)      (KasaneChartView   *self);
  /* Drops the layout and asks for a new one. */
  void (*invalidate)        (KasaneChartView   *self);
  /* Brings the accessible name and description up to date. */
  void (*update_accessible) (KasaneChartView   *self);

  gpointer padding[5];
};

/* "en" or "ja" (anything else reads as "en"). */
void           kasane_chart_view_set_lang            (KasaneChartView *self,
                                                      const char      *lang);
const char    *kasane_chart_view_get_lang            (KasaneChartView *self);
/* "light", "dark", "contrast" or "system" (the desktop's: dark, high contrast). */
void           kasane_chart_view_set_theme           (KasaneChartView *self,
                                                      const char      *theme);
const char    *kasane_chart_view_get_theme           (KasaneChartView *self);
KasaneTheme    kasane_chart_view_get_effective_theme (KasaneChartView *self);
/* The reader's zoom, KASANE_CHART_VIEW_ZOOM_MIN to _MAX.  Views do not change it
 * themselves: the application owns it (kasane-zoom.h) and binds it to every view. */
void           kasane_chart_view_set_zoom            (KasaneChartView *self,
                                                      double           zoom);
double         kasane_chart_view_get_zoom            (KasaneChartView *self);
/* The zoom × the desktop's text scaling: what layouts scale text by. */
double         kasane_chart_view_get_text_scale      (KasaneChartView *self);
/* The smallest text this view may set (kasane_text_floor_for_window() for its window,
 * zoomed): from the window's size, and whether the view spans it. */
double         kasane_chart_view_get_text_floor      (KasaneChartView *self);
/* Pango, with the fixed font options export measures with. */
KasaneMeasure *kasane_chart_view_get_measure         (KasaneChartView *self);

G_END_DECLS
