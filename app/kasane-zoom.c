/* kasane-zoom.c: the one zoom every chart view shows
 *
 * A projector wants larger text everywhere at once: one zoom for the application, not
 * one per view that the window copies back and forth.  Views only have a "zoom"
 * property; windows bind it to the level here, and the zoom actions change the level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-zoom"

#include "config.h"

#include <math.h>

#include <gtk/gtk.h>

#include "kasane-zoom.h"
#include "kasane-chart-view.h"

/* Each step is 20 % larger or smaller; the range is the chart views'. */
#define ZOOM_STEP 1.2

struct _KasaneZoom
{
  GObject parent_instance;

  double          level;
};

G_DEFINE_FINAL_TYPE (KasaneZoom, kasane_zoom, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kasane_zoom_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_double (value, KASANE_ZOOM (object)->level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kasane_zoom_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_LEVEL:
      kasane_zoom_set_level (KASANE_ZOOM (object), g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kasane_zoom_class_init (KasaneZoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = kasane_zoom_get_property;
  object_class->set_property = kasane_zoom_set_property;

  properties[PROP_LEVEL] =
    g_param_spec_double ("level", NULL, NULL, KASANE_CHART_VIEW_ZOOM_MIN,
                         KASANE_CHART_VIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kasane_zoom_init (KasaneZoom *self)
{
  self->level = 1.0;
}

KasaneZoom *
kasane_zoom_get_default (void)
{
  static KasaneZoom *zoom;

  if (g_once_init_enter (&zoom))
    g_once_init_leave (&zoom, g_object_new (KASANE_TYPE_ZOOM, NULL));
  return zoom;
}

double
kasane_zoom_get_level (KasaneZoom *self)
{
  g_return_val_if_fail (KASANE_IS_ZOOM (self), 1.0);
  return self->level;
}

void
kasane_zoom_set_level (KasaneZoom *self,
                       double      level)
{
  g_return_if_fail (KASANE_IS_ZOOM (self));

  level = CLAMP (level, KASANE_CHART_VIEW_ZOOM_MIN, KASANE_CHART_VIEW_ZOOM_MAX);
  if (fabs (self->level - level) < 1e-9)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

void
kasane_zoom_in (KasaneZoom *self)
{
  g_return_if_fail (KASANE_IS_ZOOM (self));
  kasane_zoom_set_level (self, self->level * ZOOM_STEP);
}

void
kasane_zoom_out (KasaneZoom *self)
{
  g_return_if_fail (KASANE_IS_ZOOM (self));
  kasane_zoom_set_level (self, self->level / ZOOM_STEP);
}

void
kasane_zoom_reset (KasaneZoom *self)
{
  kasane_zoom_set_level (self, 1.0);
}
