/* kasane-chart-view.c: what every chart view shares
 *
 * The diagram and trend views (and the slides to come) each draw a picture laid out for
 * a language, a theme and a text scale.  This base class holds those three, watches the
 * desktop's dark, high-contrast and text-scaling settings, owns the text measure, gives
 * the widget the accessible role of an image, and tells the subclass through ::changed
 * when its picture must be laid out anew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-chart-view"

#include "config.h"

#include <math.h>

#include "kasane-chart-view.h"
#include "kasane-style-watch.h"

typedef struct
{
  char             *lang;
  char             *theme;            /* "system", "light", "dark", "contrast" */
  double            zoom;
  KasaneStyleWatch  style_watch;      /* dark, high contrast, text scaling */
  double            desktop_scale;    /* gtk-xft-dpi / 96, as last laid out */
  KasaneMeasure    *measure;
} KasaneChartViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KasaneChartView, kasane_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_LANG,
  PROP_THEME,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
emit_changed (KasaneChartView   *self,
              KasaneChartChange  change)
{
  KasaneChartViewClass *klass = KASANE_CHART_VIEW_GET_CLASS (self);

  if (klass->changed != NULL)
    klass->changed (self, change);
}

static void
style_watch_changed (GtkWidget *widget)
{
  KasaneChartView *self = KASANE_CHART_VIEW (widget);
  KasaneChartViewPrivate *priv = kasane_chart_view_get_instance_private (self);
  double scale = kasane_style_watch_get_desktop_scale (&priv->style_watch);

  if (fabs (scale - priv->desktop_scale) > 1e-6)
    {
      priv->desktop_scale = scale;
      emit_changed (self, KASANE_CHART_CHANGE_SCALE);
    }
  /* Dark or high contrast may have changed what "system" means. */
  if (g_strcmp0 (priv->theme, "system") == 0)
    emit_changed (self, KASANE_CHART_CHANGE_THEME);
}

/* Lays out again when the theme to paint is no longer the one the layout was made for. */
static void
restyle (KasaneChartView *self)
{
  KasaneChartViewClass *klass = KASANE_CHART_VIEW_GET_CLASS (self);
  int theme = klass->layout_theme != NULL ? klass->layout_theme (self) : -1;

  if (theme >= 0 && (KasaneTheme) theme != kasane_chart_view_get_effective_theme (self) &&
      klass->invalidate != NULL)
    klass->invalidate (self);
}

static void
kasane_chart_view_real_changed (KasaneChartView   *self,
                                KasaneChartChange  change)
{
  KasaneChartViewClass *klass = KASANE_CHART_VIEW_GET_CLASS (self);

  if (change == KASANE_CHART_CHANGE_THEME)
    {
      restyle (self);
      return;
    }
  if (change == KASANE_CHART_CHANGE_LANG && klass->update_accessible != NULL)
    klass->update_accessible (self);
  if (klass->invalidate != NULL)
    klass->invalidate (self);
}

static void
kasane_chart_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kasane_chart_view_parent_class)->css_changed (widget, change);
  /* A chart's colours come from its palette, not CSS; only a theme that follows the
   * system can change with it. */
  restyle (KASANE_CHART_VIEW (widget));
}

static void
kasane_chart_view_realize (GtkWidget *widget)
{
  KasaneChartViewPrivate *priv =
    kasane_chart_view_get_instance_private (KASANE_CHART_VIEW (widget));

  GTK_WIDGET_CLASS (kasane_chart_view_parent_class)->realize (widget);
  kasane_style_watch_connect (&priv->style_watch);
  style_watch_changed (widget);
}

static void
kasane_chart_view_unrealize (GtkWidget *widget)
{
  KasaneChartViewPrivate *priv =
    kasane_chart_view_get_instance_private (KASANE_CHART_VIEW (widget));

  kasane_style_watch_disconnect (&priv->style_watch);
  GTK_WIDGET_CLASS (kasane_chart_view_parent_class)->unrealize (widget);
}

static void
kasane_chart_view_finalize (GObject *object)
{
  KasaneChartViewPrivate *priv =
    kasane_chart_view_get_instance_private (KASANE_CHART_VIEW (object));

  g_free (priv->lang);
  g_free (priv->theme);
  g_clear_pointer (&priv->measure, kasane_measure_free);
  G_OBJECT_CLASS (kasane_chart_view_parent_class)->finalize (object);
}

static void
kasane_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KasaneChartView *self = KASANE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LANG:
      g_value_set_string (value, kasane_chart_view_get_lang (self));
      break;
    case PROP_THEME:
      g_value_set_string (value, kasane_chart_view_get_theme (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, kasane_chart_view_get_zoom (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kasane_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KasaneChartView *self = KASANE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LANG:
      kasane_chart_view_set_lang (self, g_value_get_string (value));
      break;
    case PROP_THEME:
      kasane_chart_view_set_theme (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      kasane_chart_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kasane_chart_view_class_init (KasaneChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kasane_chart_view_finalize;
  object_class->get_property = kasane_chart_view_get_property;
  object_class->set_property = kasane_chart_view_set_property;
  widget_class->realize = kasane_chart_view_realize;
  widget_class->unrealize = kasane_chart_view_unrealize;
  widget_class->css_changed = kasane_chart_view_css_changed;
  klass->changed = kasane_chart_view_real_changed;

  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEME] =
    g_param_spec_string ("theme", NULL, NULL, "system",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, KASANE_CHART_VIEW_ZOOM_MIN,
                         KASANE_CHART_VIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kasane_chart_view_init (KasaneChartView *self)
{
  KasaneChartViewPrivate *priv = kasane_chart_view_get_instance_private (self);

  priv->lang = g_strdup ("en");
  priv->theme = g_strdup ("system");
  priv->zoom = 1.0;
  priv->desktop_scale = 1.0;
  priv->measure = kasane_measure_new_pango ();
  kasane_style_watch_init (&priv->style_watch, GTK_WIDGET (self), style_watch_changed);
}

void
kasane_chart_view_set_lang (KasaneChartView *self,
                            const char      *lang)
{
  KasaneChartViewPrivate *priv;
  const char *normal;

  g_return_if_fail (KASANE_IS_CHART_VIEW (self));
  priv = kasane_chart_view_get_instance_private (self);

  normal = g_strcmp0 (lang, "ja") == 0 ? "ja" : "en";
  if (g_strcmp0 (priv->lang, normal) == 0)
    return;
  g_free (priv->lang);
  priv->lang = g_strdup (normal);
  emit_changed (self, KASANE_CHART_CHANGE_LANG);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANG]);
}

const char *
kasane_chart_view_get_lang (KasaneChartView *self)
{
  KasaneChartViewPrivate *priv;

  g_return_val_if_fail (KASANE_IS_CHART_VIEW (self), "en");
  priv = kasane_chart_view_get_instance_private (self);
  return priv->lang;
}

void
kasane_chart_view_set_theme (KasaneChartView *self,
                             const char      *theme)
{
  KasaneChartViewPrivate *priv;
  KasaneTheme parsed;

  g_return_if_fail (KASANE_IS_CHART_VIEW (self));
  priv = kasane_chart_view_get_instance_private (self);

  if (theme == NULL || !kasane_theme_from_string (theme, &parsed))
    theme = "system";
  if (g_strcmp0 (priv->theme, theme) == 0)
    return;
  g_free (priv->theme);
  priv->theme = g_strdup (theme);
  emit_changed (self, KASANE_CHART_CHANGE_THEME);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

const char *
kasane_chart_view_get_theme (KasaneChartView *self)
{
  KasaneChartViewPrivate *priv;

  g_return_val_if_fail (KASANE_IS_CHART_VIEW (self), "system");
  priv = kasane_chart_view_get_instance_private (self);
  return priv->theme;
}

KasaneTheme
kasane_chart_view_get_effective_theme (KasaneChartView *self)
{
  KasaneChartViewPrivate *priv;

  g_return_val_if_fail (KASANE_IS_CHART_VIEW (self), KASANE_THEME_LIGHT);
  priv = kasane_chart_view_get_instance_private (self);
  return kasane_style_watch_get_theme (&priv->style_watch, priv->theme);
}

void
kasane_chart_view_set_zoom (KasaneChartView *self,
                            double           zoom)
{
  KasaneChartViewPrivate *priv;

  g_return_if_fail (KASANE_IS_CHART_VIEW (self));
  priv = kasane_chart_view_get_instance_private (self);

  zoom = CLAMP (zoom, KASANE_CHART_VIEW_ZOOM_MIN, KASANE_CHART_VIEW_ZOOM_MAX);
  if (fabs (priv->zoom - zoom) < 1e-9)
    return;
  priv->zoom = zoom;
  emit_changed (self, KASANE_CHART_CHANGE_SCALE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
kasane_chart_view_get_zoom (KasaneChartView *self)
{
  KasaneChartViewPrivate *priv;

  g_return_val_if_fail (KASANE_IS_CHART_VIEW (self), 1.0);
  priv = kasane_chart_view_get_instance_private (self);
  return priv->zoom;
}

double
kasane_chart_view_get_text_scale (KasaneChartView *self)
{
  KasaneChartViewPrivate *priv;

  g_return_val_if_fail (KASANE_IS_CHART_VIEW (self), 1.0);
  priv = kasane_chart_view_get_instance_private (self);
  return priv->zoom * priv->desktop_scale;
}

double
kasane_chart_view_get_text_floor (KasaneChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *root;
  double window_w, window_h, floor_px;

  g_return_val_if_fail (KASANE_IS_CHART_VIEW (self), 0.0);

  root = GTK_WIDGET (gtk_widget_get_root (widget));
  window_w = root != NULL ? gtk_widget_get_width (root) : 0;
  window_h = root != NULL ? gtk_widget_get_height (root) : 0;
  if (window_w <= 0 || window_h <= 0)
    {
      window_w = gtk_widget_get_width (widget);
      window_h = gtk_widget_get_height (widget);
    }
  /* Spanning the window (full screen, the sidebar hidden): shown to a room. */
  floor_px = kasane_text_floor_for_window (window_w, window_h,
                                          gtk_widget_get_width (widget) >= window_w - 32);
  return kasane_text_floor_zoomed (floor_px, kasane_chart_view_get_text_scale (self));
}

KasaneMeasure *
kasane_chart_view_get_measure (KasaneChartView *self)
{
  KasaneChartViewPrivate *priv;

  g_return_val_if_fail (KASANE_IS_CHART_VIEW (self), NULL);
  priv = kasane_chart_view_get_instance_private (self);
  return priv->measure;
}
