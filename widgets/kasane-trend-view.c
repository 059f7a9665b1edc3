/* kasane-trend-view.c: the widget that shows the Trend view
 *
 * The data work (KasaneTrendData: panels, ranges, each series normalized and, when large,
 * summarized per block) is done once per dataset and series choice.  The layout (ticks,
 * text, each series decimated to its pixel columns) is built in size_allocate and kept
 * until the size, the data, the theme, the language, the text zoom, the time window, the
 * hidden series or the hovered point change; snapshot only paints it through
 * gtk_snapshot_append_cairo.  So a frame of a million points costs one M4 pass over the
 * columns, not a pass over the points.
 *
 * Every pointer action has a key: Left/Right walk the points of a series, Up/Down move
 * between series, + and - zoom the time window, Home resets it, Escape clears the
 * read-out.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-trend-view"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <math.h>

#include "kasane-trend-view.h"
#include "kasane-trend-view-private.h"

#define WINDOW_STEP       1.5    /* + and - on the time window */
#define WHEEL_STEP        1.25   /* one notch of the scroll wheel */
#define MIN_SPAN_FRACTION 1e-6   /* the narrowest window, as a part of the default one */
#define HOVER_RADIUS      24.0   /* layout units at text scale 1 */
#define RUBBER_BAND_MIN   6.0    /* a shorter drag is a click, not a zoom */

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_RECT,
} DragMode;

struct _KasaneTrendView
{
  KasaneChartView    parent_instance;

  KasaneDataset     *dataset;
  GStrv              series_ids;        /* NULL: all */
  KasaneTrendData   *data;              /* NULL without a dataset */

  double             view_x0, view_x1;  /* NAN: the default window */
  guint64            hidden;
  int                hover_series;
  int                hover_point;

  /* The pointer, for zooming around it. */
  gboolean           has_pointer;
  double             pointer_x, pointer_y;

  /* Drags and pinches start from the window they began with. */
  DragMode           drag_mode;
  double             drag_x, drag_y;
  double             drag_dx;
  double             drag_x0, drag_x1;
  double             pinch_x0, pinch_x1, pinch_center;

  KasaneTrendLayout *layout;            /* NULL when stale */
  guint              n_layouts;
  gint64             layout_time;
};

G_DEFINE_FINAL_TYPE (KasaneTrendView, kasane_trend_view, KASANE_TYPE_CHART_VIEW)

enum
{
  WINDOW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


/* The base class's state, as this view reads it. */
static const char *
view_lang (KasaneTrendView *self)
{
  return kasane_chart_view_get_lang (KASANE_CHART_VIEW (self));
}

static KasaneTheme
view_theme (KasaneTrendView *self)
{
  return kasane_chart_view_get_effective_theme (KASANE_CHART_VIEW (self));
}

static double
view_text_scale (KasaneTrendView *self)
{
  return kasane_chart_view_get_text_scale (KASANE_CHART_VIEW (self));
}

static KasaneMeasure *
view_measure (KasaneTrendView *self)
{
  return kasane_chart_view_get_measure (KASANE_CHART_VIEW (self));
}

static void
invalidate (KasaneTrendView *self)
{
  g_clear_pointer (&self->layout, kasane_trend_layout_free);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (KasaneTrendView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (self->dataset == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trend chart"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("No dataset is shown."),
                                      -1);
      return;
    }

  /* Translators: the accessible name of the trend chart; %1$s is the dataset's title. */
  label = g_strdup_printf (_("Trend chart: %1$s"),
                           kasane_text_get (&self->dataset->title, view_lang (self)));
  description = kasane_trend_describe (self->dataset,
                                       (const char * const *) self->series_ids, view_lang (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* What the base class asks of a chart view */

static int
chart_layout_theme (KasaneChartView *chart)
{
  KasaneTrendView *self = KASANE_TREND_VIEW (chart);

  return self->layout != NULL ? (int) self->layout->theme : -1;
}

static void
chart_invalidate (KasaneChartView *chart)
{
  invalidate (KASANE_TREND_VIEW (chart));
}

static void
chart_update_accessible (KasaneChartView *chart)
{
  update_accessible (KASANE_TREND_VIEW (chart));
}

/* Layout */

static void
ensure_layout (KasaneTrendView *self,
               int              width,
               int              height)
{
  KasaneTrendParams params;
  gint64 start;
  double floor_px = kasane_chart_view_get_text_floor (KASANE_CHART_VIEW (self));

  if (self->layout != NULL &&
      self->layout->width == MAX (width, 1) && self->layout->height == MAX (height, 1) &&
      self->layout->min_text_px == floor_px)
    return;

  g_clear_pointer (&self->layout, kasane_trend_layout_free);
  if (width <= 0 || height <= 0 || self->data == NULL)
    return;

  kasane_trend_params_init (&params);
  params.width = width;
  params.height = height;
  params.text_scale = view_text_scale (self);
  params.min_text_px = floor_px;
  params.lang = view_lang (self);
  params.theme = view_theme (self);
  params.view_x0 = self->view_x0;
  params.view_x1 = self->view_x1;
  params.hidden = self->hidden;
  params.hover_series = self->hover_series;
  params.hover_point = self->hover_point;

  start = g_get_monotonic_time ();
  self->layout = kasane_trend_layout_new_for_data (self->data, &params, view_measure (self));
  self->layout_time = g_get_monotonic_time () - start;
  self->n_layouts++;
}

/* The layout for events: a stale one is rebuilt at the current size first, so a click
 * right after a change still lands on what it will show. */
static const KasaneTrendLayout *
current_layout (KasaneTrendView *self)
{
  if (self->layout == NULL)
    ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                   gtk_widget_get_height (GTK_WIDGET (self)));
  return self->layout;
}

static void
kasane_trend_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  ensure_layout (KASANE_TREND_VIEW (widget), width, height);
}

static void
kasane_trend_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  KasaneTrendView *self = KASANE_TREND_VIEW (widget);
  const KasanePalette *palette;
  cairo_t *cr;

  if (self->layout == NULL)
    return;

  palette = kasane_palette_get (self->layout->theme);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->layout->width,
                                                                  self->layout->height));
  kasane_trend_paint (cr, self->layout, palette);

  /* The rubber band of a zoom drag: an overlay, no new layout while it grows. */
  if (self->drag_mode == DRAG_RECT && fabs (self->drag_dx) >= 1)
    {
      double left, right;
      double x0 = MIN (self->drag_x, self->drag_x + self->drag_dx);
      double x1 = MAX (self->drag_x, self->drag_x + self->drag_dx);

      kasane_trend_layout_get_plot_x (self->layout, &left, &right);
      x0 = CLAMP (x0, left, right);
      x1 = CLAMP (x1, left, right);
      cairo_rectangle (cr, x0, self->layout->plots_top, x1 - x0,
                       self->layout->plots_bottom - self->layout->plots_top);
      cairo_set_source_rgba (cr, palette->accent.red, palette->accent.green,
                             palette->accent.blue, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, palette->accent.red, palette->accent.green,
                             palette->accent.blue, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
kasane_trend_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 1280;
    }
  else
    {
      *minimum = 200;
      *natural = 720;
    }
}

/* The time window */

static void
default_window (KasaneTrendView *self,
                double          *x0,
                double          *x1)
{
  if (self->data != NULL)
    kasane_trend_data_get_default_window (self->data, x0, x1);
  else
    *x0 = 0, *x1 = 1;
}

void
kasane_trend_view_get_window (KasaneTrendView *self,
                              double          *x0,
                              double          *x1)
{
  double d0, d1;

  g_return_if_fail (KASANE_IS_TREND_VIEW (self));

  default_window (self, &d0, &d1);
  if (isfinite (self->view_x0) && isfinite (self->view_x1))
    d0 = self->view_x0, d1 = self->view_x1;
  if (x0 != NULL)
    *x0 = d0;
  if (x1 != NULL)
    *x1 = d1;
}

gboolean
kasane_trend_view_is_zoomed (KasaneTrendView *self)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), FALSE);

  return isfinite (self->view_x0);
}

void
kasane_trend_view_set_window (KasaneTrendView *self,
                              double           x0,
                              double           x1)
{
  double d0, d1, span, min_span;

  g_return_if_fail (KASANE_IS_TREND_VIEW (self));

  default_window (self, &d0, &d1);
  if (!isfinite (x0) || !isfinite (x1) || self->data == NULL)
    x0 = x1 = NAN;
  else
    {
      if (x1 < x0)
        {
          double t = x0;
          x0 = x1;
          x1 = t;
        }
      /* At least a millionth of the whole, at most the whole; inside the whole. */
      min_span = (d1 - d0) * MIN_SPAN_FRACTION;
      span = x1 - x0;
      if (span < min_span)
        {
          double c = (x0 + x1) / 2;
          x0 = c - min_span / 2;
          x1 = c + min_span / 2;
          span = min_span;
        }
      if (span >= (d1 - d0) * (1 - 1e-9))
        x0 = x1 = NAN;
      else if (x0 < d0)
        x0 = d0, x1 = d0 + span;
      else if (x1 > d1)
        x1 = d1, x0 = d1 - span;
    }

  if ((isnan (x0) && isnan (self->view_x0)) ||
      (x0 == self->view_x0 && x1 == self->view_x1))
    return;
  self->view_x0 = x0;
  self->view_x1 = x1;
  invalidate (self);
  g_signal_emit (self, signals[WINDOW_CHANGED], 0);
}

void
kasane_trend_view_zoom_window (KasaneTrendView *self,
                               double           factor,
                               double           center)
{
  double x0, x1;

  g_return_if_fail (KASANE_IS_TREND_VIEW (self));
  g_return_if_fail (factor > 0);

  kasane_trend_view_get_window (self, &x0, &x1);
  if (!isfinite (center))
    center = (x0 + x1) / 2;
  kasane_trend_view_set_window (self, center - (center - x0) / factor,
                                center + (x1 - center) / factor);
}

void
kasane_trend_view_reset_window (KasaneTrendView *self)
{
  kasane_trend_view_set_window (self, NAN, NAN);
}

/* Pans so that data x `t` is in the window, keeping its width. */
static void
window_show (KasaneTrendView *self,
             double           t)
{
  double x0, x1, span;

  kasane_trend_view_get_window (self, &x0, &x1);
  if (t >= x0 && t <= x1)
    return;
  span = x1 - x0;
  kasane_trend_view_set_window (self, t - span / 2, t + span / 2);
}

/* The data x under widget x, when it is over the plot; NAN otherwise. */
static double
data_x_at (KasaneTrendView *self,
           double           x)
{
  const KasaneTrendLayout *layout = current_layout (self);
  double left, right;

  if (layout == NULL)
    return NAN;
  kasane_trend_layout_get_plot_x (layout, &left, &right);
  if (x < left || x > right)
    return NAN;
  return kasane_trend_layout_x_to_data (layout, x);
}

/* Hover */

static gboolean
series_shown (KasaneTrendView *self,
              guint            i)
{
  return self->data != NULL && i < kasane_trend_data_get_n_series (self->data) &&
         (i >= 64 || (self->hidden & (G_GUINT64_CONSTANT (1) << i)) == 0);
}

void
kasane_trend_view_set_hover (KasaneTrendView *self,
                             int              series,
                             int              point)
{
  g_return_if_fail (KASANE_IS_TREND_VIEW (self));

  if (series < 0 || point < 0 || !series_shown (self, (guint) series) ||
      (guint) point >= kasane_trend_data_get_series (self->data, series)->n_points)
    series = point = -1;
  if (self->hover_series == series && self->hover_point == point)
    return;
  self->hover_series = series;
  self->hover_point = point;
  /* Only the read-out moves: the layout stays. */
  if (self->layout != NULL)
    {
      kasane_trend_layout_set_hover (self->layout, series, point, view_measure (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    invalidate (self);
}

void
kasane_trend_view_get_hover (KasaneTrendView *self,
                             int             *series,
                             int             *point)
{
  g_return_if_fail (KASANE_IS_TREND_VIEW (self));

  if (series != NULL)
    *series = self->hover_series;
  if (point != NULL)
    *point = self->hover_point;
}

/* The finite point of `s` nearest data x `t` within [x0, x1], or -1. */
static int
nearest_in_x (const KasaneTrendDataSeries *s,
              double                       t,
              double                       x0,
              double                       x1)
{
  const KasaneSeries *series = s->series;
  guint n = series->n_points, k;
  int best = -1;
  double best_d = INFINITY;

  if (n == 0)
    return -1;
  k = kasane_lower_bound (series->x, n, t);
  /* A few steps each way past gaps. */
  for (guint step = 0; step < 64; step++)
    {
      gboolean any = FALSE;

      if (k + step < n)
        {
          guint j = k + step;

          any = TRUE;
          if (!isnan (s->ny[j]) && series->x[j] >= x0 && series->x[j] <= x1 &&
              fabs (series->x[j] - t) < best_d)
            best = (int) j, best_d = fabs (series->x[j] - t);
        }
      if (step + 1 <= k)
        {
          guint j = k - step - 1;

          any = TRUE;
          if (!isnan (s->ny[j]) && series->x[j] >= x0 && series->x[j] <= x1 &&
              fabs (series->x[j] - t) < best_d)
            best = (int) j, best_d = fabs (series->x[j] - t);
        }
      if (!any || best >= 0)
        break;
    }
  return best;
}

void
kasane_trend_view_hover_at (KasaneTrendView *self,
                            double           x,
                            double           y)
{
  const KasaneTrendLayout *layout;
  KasaneTrendHit hit;
  double radius;

  g_return_if_fail (KASANE_IS_TREND_VIEW (self));

  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;

  layout = current_layout (self);
  if (layout == NULL)
    return;
  radius = HOVER_RADIUS * layout->text_scale;
  if (!kasane_trend_layout_hit_test (layout, x, y, radius, &hit))
    hit.kind = KASANE_TREND_HIT_NONE;

  switch (hit.kind)
    {
    case KASANE_TREND_HIT_POINT:
      kasane_trend_view_set_hover (self, hit.series, hit.point);
      break;

    case KASANE_TREND_HIT_PANEL:
      {
        /* Anywhere over a panel: the nearest point of its series, by the crosshair's x
         * first, so the read-out follows the pointer along the time axis. */
        const KasaneTrendDataPanel *dp = &g_array_index (layout->data->panels,
                                                         KasaneTrendDataPanel, hit.panel);
        const KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel,
                                                        hit.panel);
        int best_series = -1, best_point = -1;
        double best = INFINITY;

        for (guint m = 0; m < dp->members->len; m++)
          {
            guint i = g_array_index (dp->members, guint, m);
            const KasaneTrendDataSeries *s = &g_array_index (layout->data->series,
                                                             KasaneTrendDataSeries, i);
            int k;
            double d;

            if (!series_shown (self, i))
              continue;
            k = nearest_in_x (s, hit.x, layout->x0, layout->x1);
            if (k < 0)
              continue;
            d = hypot (kasane_trend_layout_data_to_x (layout, s->series->x[k]) - x,
                       (panel->origin + panel->span * s->ny[k]) - y);
            if (d < best)
              best = d, best_series = (int) i, best_point = k;
          }
        kasane_trend_view_set_hover (self, best_series, best_point);
      }
      break;

    case KASANE_TREND_HIT_LEGEND:
    case KASANE_TREND_HIT_EVENT:
    case KASANE_TREND_HIT_NONE:
    default:
      kasane_trend_view_set_hover (self, -1, -1);
      break;
    }

  if (hit.kind == KASANE_TREND_HIT_LEGEND)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else if (hit.kind == KASANE_TREND_HIT_PANEL || hit.kind == KASANE_TREND_HIT_POINT)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KasaneTrendView          *self)
{
  /* While panning, the read-out would only chase the moving data. */
  if (self->drag_mode != DRAG_NONE)
    {
      self->pointer_x = x;
      self->pointer_y = y;
      return;
    }
  kasane_trend_view_hover_at (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          KasaneTrendView          *self)
{
  self->has_pointer = FALSE;
  kasane_trend_view_set_hover (self, -1, -1);
}

/* Zoom and pan with the pointer */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KasaneTrendView          *self)
{
  double x0, x1;

  if (self->data == NULL || (dx == 0 && dy == 0))
    return FALSE;

  /* Ctrl+wheel is the text zoom of the window, not ours. */
  if (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller)) &
      GDK_CONTROL_MASK)
    return FALSE;

  if (dy != 0)
    {
      double center = self->has_pointer ? data_x_at (self, self->pointer_x) : NAN;

      /* Up (dy < 0) zooms in, around the data under the pointer. */
      kasane_trend_view_zoom_window (self, pow (WHEEL_STEP, -dy), center);
    }
  if (dx != 0)
    {
      kasane_trend_view_get_window (self, &x0, &x1);
      kasane_trend_view_set_window (self, x0 + dx * (x1 - x0) * 0.05,
                                    x1 + dx * (x1 - x0) * 0.05);
    }
  if (self->has_pointer)
    kasane_trend_view_hover_at (self, self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                KasaneTrendView  *self)
{
  double cx = 0, cy = 0;

  kasane_trend_view_get_window (self, &self->pinch_x0, &self->pinch_x1);
  gtk_gesture_get_bounding_box_center (gesture, &cx, &cy);
  self->pinch_center = data_x_at (self, cx);
  if (!isfinite (self->pinch_center))
    self->pinch_center = (self->pinch_x0 + self->pinch_x1) / 2;
}

static void
on_pinch_scale_changed (GtkGestureZoom  *gesture,
                        double           scale,
                        KasaneTrendView *self)
{
  double c = self->pinch_center;

  if (scale <= 0)
    return;
  kasane_trend_view_set_window (self, c - (c - self->pinch_x0) / scale,
                                c + (self->pinch_x1 - c) / scale);
}

static void
drag_begin (KasaneTrendView *self,
            double           x,
            double           y,
            gboolean         rect)
{
  const KasaneTrendLayout *layout = current_layout (self);
  KasaneTrendHit hit;

  self->drag_mode = DRAG_NONE;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = 0;
  kasane_trend_view_get_window (self, &self->drag_x0, &self->drag_x1);
  if (layout == NULL || !kasane_trend_layout_hit_test (layout, x, y, 0, &hit))
    return;
  /* Over the plots only: the legend is for clicks. */
  if (hit.kind == KASANE_TREND_HIT_LEGEND || hit.panel < 0)
    return;
  self->drag_mode = rect ? DRAG_RECT : DRAG_PAN;
}

static void
drag_update (KasaneTrendView *self,
             double           dx,
             double           dy)
{
  const KasaneTrendLayout *layout = current_layout (self);
  double left, right, per_px;

  if (self->drag_mode == DRAG_NONE || layout == NULL)
    return;
  self->drag_dx = dx;
  if (self->drag_mode == DRAG_RECT)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  kasane_trend_layout_get_plot_x (layout, &left, &right);
  if (right <= left)
    return;
  per_px = (self->drag_x1 - self->drag_x0) / (right - left);
  kasane_trend_view_set_window (self, self->drag_x0 - dx * per_px, self->drag_x1 - dx * per_px);
}

static void
drag_end (KasaneTrendView *self,
          double           dx,
          double           dy)
{
  if (self->drag_mode == DRAG_RECT && fabs (dx) >= RUBBER_BAND_MIN)
    {
      const KasaneTrendLayout *layout = current_layout (self);

      if (layout != NULL)
        {
          double left, right, a, b;

          kasane_trend_layout_get_plot_x (layout, &left, &right);
          a = CLAMP (MIN (self->drag_x, self->drag_x + dx), left, right);
          b = CLAMP (MAX (self->drag_x, self->drag_x + dx), left, right);
          if (b - a >= 1)
            kasane_trend_view_set_window (self, kasane_trend_layout_x_to_data (layout, a),
                                          kasane_trend_layout_x_to_data (layout, b));
        }
    }
  else if (self->drag_mode != DRAG_NONE)
    drag_update (self, dx, dy);
  self->drag_mode = DRAG_NONE;
  self->drag_dx = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               KasaneTrendView *self)
{
  /* Each drag gesture listens to one button. */
  guint button = gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  /* The secondary button, or Shift with the primary: a rectangle to zoom to. */
  drag_begin (self, x, y, button == GDK_BUTTON_SECONDARY || (state & GDK_SHIFT_MASK) != 0);
  if (self->drag_mode != DRAG_NONE)
    kasane_trend_view_set_hover (self, -1, -1);
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                KasaneTrendView *self)
{
  drag_update (self, dx, dy);
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             KasaneTrendView *self)
{
  drag_end (self, dx, dy);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KasaneTrendView *self)
{
  const KasaneTrendLayout *layout;
  KasaneTrendHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  layout = current_layout (self);
  if (layout == NULL || !kasane_trend_layout_hit_test (layout, x, y, 0, &hit))
    return;

  if (hit.kind == KASANE_TREND_HIT_LEGEND)
    {
      kasane_trend_view_set_series_visible (self, (guint) hit.series,
                                            !kasane_trend_view_get_series_visible
                                              (self, (guint) hit.series));
      return;
    }
  if (n_press == 2 && hit.panel >= 0)
    kasane_trend_view_reset_window (self);
}

/* Keyboard */

/* The next (dir > 0) or previous point of series i after point k: the neighbour, or for
 * a series denser than its pixels, the first point a pixel away. */
static int
step_point (KasaneTrendView *self,
            guint            i,
            int              k,
            int              dir)
{
  const KasaneTrendLayout *layout = current_layout (self);
  const KasaneTrendDataSeries *s = &g_array_index (self->data->series, KasaneTrendDataSeries, i);
  const KasaneSeries *series = s->series;
  const KasaneTrendSeriesPath *path = &g_array_index (layout->paths, KasaneTrendSeriesPath, i);
  int n = (int) series->n_points;
  int j = k + dir;

  if (dir == 0)
    return k;

  if (path->dense)
    {
      double left, right, px;

      kasane_trend_layout_get_plot_x (layout, &left, &right);
      px = (layout->x1 - layout->x0) / MAX (right - left, 1);
      if (dir > 0)
        j = MAX ((int) kasane_lower_bound (series->x, series->n_points, series->x[k] + px), k + 1);
      else
        j = MIN ((int) kasane_upper_bound (series->x, series->n_points, series->x[k] - px) - 1,
                 k - 1);
    }
  while (j >= 0 && j < n && isnan (s->ny[j]))
    j += dir;
  if (j < 0 || j >= n)
    return k;
  return j;
}

static void
walk_points (KasaneTrendView *self,
             int              dir)
{
  const KasaneTrendLayout *layout = current_layout (self);
  guint n_series = kasane_trend_data_get_n_series (self->data);
  int i = self->hover_series, k = self->hover_point;

  if (layout == NULL)
    return;
  if (i < 0)
    {
      /* Start at the first shown series, nearest the middle of the window. */
      for (guint s = 0; s < n_series && i < 0; s++)
        if (series_shown (self, s))
          {
            int p = nearest_in_x (&g_array_index (self->data->series,
                                                  KasaneTrendDataSeries, s),
                                  (layout->x0 + layout->x1) / 2, layout->x0, layout->x1);
            if (p >= 0)
              i = (int) s, k = p;
          }
      if (i < 0)
        return;
    }
  else
    k = step_point (self, (guint) i, k, dir);

  window_show (self, kasane_trend_data_get_series (self->data, i)->x[k]);
  kasane_trend_view_set_hover (self, i, k);
}

static void
walk_series (KasaneTrendView *self,
             int              dir)
{
  const KasaneTrendLayout *layout = current_layout (self);
  int n_series = (int) kasane_trend_data_get_n_series (self->data);
  double t;

  if (layout == NULL)
    return;
  if (self->hover_series < 0)
    {
      walk_points (self, 0);
      return;
    }
  t = kasane_trend_data_get_series (self->data, self->hover_series)->x[self->hover_point];
  for (int i = self->hover_series + dir; i >= 0 && i < n_series; i += dir)
    {
      const KasaneTrendDataSeries *s = &g_array_index (self->data->series,
                                                       KasaneTrendDataSeries, i);
      int k;

      if (!series_shown (self, (guint) i))
        continue;
      /* The nearest point in x anywhere, then bring it into view. */
      k = nearest_in_x (s, t, -INFINITY, INFINITY);
      if (k < 0)
        continue;
      window_show (self, s->series->x[k]);
      kasane_trend_view_set_hover (self, i, k);
      return;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KasaneTrendView       *self)
{
  double center = NAN;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (self->data == NULL || kasane_trend_data_get_n_series (self->data) == 0)
    return FALSE;

  if (self->hover_series >= 0)
    center = kasane_trend_data_get_series (self->data, self->hover_series)->x[self->hover_point];

  switch (keyval)
    {
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      kasane_trend_view_reset_window (self);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      kasane_trend_view_zoom_window (self, WINDOW_STEP, center);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      kasane_trend_view_zoom_window (self, 1 / WINDOW_STEP, center);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      walk_points (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      walk_points (self, +1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      walk_series (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      walk_series (self, +1);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->hover_series < 0)
        return FALSE;
      kasane_trend_view_set_hover (self, -1, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Actions: the text zoom */

/* GObject */

static void
kasane_trend_view_dispose (GObject *object)
{
  KasaneTrendView *self = KASANE_TREND_VIEW (object);

  g_clear_pointer (&self->layout, kasane_trend_layout_free);
  g_clear_pointer (&self->data, kasane_trend_data_unref);
  g_clear_pointer (&self->dataset, kasane_dataset_unref);

  G_OBJECT_CLASS (kasane_trend_view_parent_class)->dispose (object);
}

static void
kasane_trend_view_finalize (GObject *object)
{
  KasaneTrendView *self = KASANE_TREND_VIEW (object);

  g_strfreev (self->series_ids);

  G_OBJECT_CLASS (kasane_trend_view_parent_class)->finalize (object);
}

static void
kasane_trend_view_class_init (KasaneTrendViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KasaneChartViewClass *chart_class = KASANE_CHART_VIEW_CLASS (klass);

  object_class->dispose = kasane_trend_view_dispose;
  object_class->finalize = kasane_trend_view_finalize;

  widget_class->size_allocate = kasane_trend_view_size_allocate;
  widget_class->snapshot = kasane_trend_view_snapshot;
  widget_class->measure = kasane_trend_view_measure;
  chart_class->layout_theme = chart_layout_theme;
  chart_class->invalidate = chart_invalidate;
  chart_class->update_accessible = chart_update_accessible;

  /**
   * KasaneTrendView::window-changed:
   *
   * The visible time window changed (zoom, pan, reset).
   */
  signals[WINDOW_CHANGED] =
    g_signal_new ("window-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "kasane-trend");
}

/* An event's tick names it: its label and date, as a tooltip (labelled or not). */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  KasaneTrendView *self = KASANE_TREND_VIEW (widget);
  const KasaneTrendLayout *layout = current_layout (self);
  KasaneTrendHit hit;
  const KasaneEvent *event;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (keyboard || layout == NULL || self->dataset == NULL ||
      !kasane_trend_layout_hit_test (layout, x, y, 0, &hit) ||
      hit.kind != KASANE_TREND_HIT_EVENT || hit.event < 0 ||
      (guint) hit.event >= self->dataset->events->len)
    return FALSE;
  event = g_ptr_array_index (self->dataset->events, hit.event);
  date = kasane_date_format_iso (&event->date);
  text = g_strdup_printf ("%s\n%s", kasane_text_get (&event->label, view_lang (self)), date);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
kasane_trend_view_init (KasaneTrendView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->view_x0 = self->view_x1 = NAN;
  self->hover_series = self->hover_point = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* Primary: pan (Shift: rectangle); secondary: rectangle. */
  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible (self);
}

/* Public API */

GtkWidget *
kasane_trend_view_new (void)
{
  return g_object_new (KASANE_TYPE_TREND_VIEW, NULL);
}

/* The data work, once per dataset and series choice. */
static void
rebuild_data (KasaneTrendView *self)
{
  g_clear_pointer (&self->data, kasane_trend_data_unref);
  if (self->dataset != NULL)
    self->data = kasane_trend_data_new (self->dataset,
                                        (const char * const *) self->series_ids);
  self->view_x0 = self->view_x1 = NAN;
  self->hidden = 0;
  self->hover_series = self->hover_point = -1;
  self->drag_mode = DRAG_NONE;
  update_accessible (self);
  invalidate (self);
  g_signal_emit (self, signals[WINDOW_CHANGED], 0);
}

void
kasane_trend_view_set_dataset (KasaneTrendView *self,
                               KasaneDataset   *dataset)
{
  gboolean same_series;
  double x0, x1;
  guint64 hidden;

  g_return_if_fail (KASANE_IS_TREND_VIEW (self));

  /* A what-if of the file on screen (or the file again after Reset) shares its series:
   * the chart keeps its series, time window and hidden lines, and only its marker and
   * judgements change. */
  same_series = self->dataset != NULL && dataset != NULL &&
                self->dataset->series == dataset->series;
  x0 = self->view_x0;
  x1 = self->view_x1;
  hidden = self->hidden;
  if (dataset != NULL)
    kasane_dataset_ref (dataset);
  g_clear_pointer (&self->dataset, kasane_dataset_unref);
  self->dataset = dataset;
  /* Another dataset opens with its own default: its featured series. */
  if (!same_series)
    g_clear_pointer (&self->series_ids, g_strfreev);
  rebuild_data (self);
  if (same_series)
    {
      self->view_x0 = x0;
      self->view_x1 = x1;
      self->hidden = hidden;
      invalidate (self);
      g_signal_emit (self, signals[WINDOW_CHANGED], 0);
    }
}

KasaneDataset *
kasane_trend_view_get_dataset (KasaneTrendView *self)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), NULL);

  return self->dataset;
}

void
kasane_trend_view_set_series (KasaneTrendView    *self,
                              const char * const *series_ids)
{
  g_return_if_fail (KASANE_IS_TREND_VIEW (self));

  if (series_ids == NULL && self->series_ids == NULL)
    return;
  if (series_ids != NULL && self->series_ids != NULL &&
      g_strv_equal (series_ids, (const char * const *) self->series_ids))
    return;
  g_strfreev (self->series_ids);
  self->series_ids = g_strdupv ((char **) series_ids);
  rebuild_data (self);
}

const char * const *
kasane_trend_view_get_series (KasaneTrendView *self)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), NULL);

  return (const char * const *) self->series_ids;
}

guint
kasane_trend_view_get_n_series (KasaneTrendView *self)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), 0);

  return self->data != NULL ? kasane_trend_data_get_n_series (self->data) : 0;
}

void
kasane_trend_view_set_series_visible (KasaneTrendView *self,
                                      guint            i,
                                      gboolean         visible)
{
  guint64 bit, hidden;

  g_return_if_fail (KASANE_IS_TREND_VIEW (self));

  if (i >= 64)
    return;
  bit = G_GUINT64_CONSTANT (1) << i;
  hidden = visible ? self->hidden & ~bit : self->hidden | bit;
  if (hidden == self->hidden)
    return;
  self->hidden = hidden;
  if (!visible && self->hover_series == (int) i)
    self->hover_series = self->hover_point = -1;
  invalidate (self);
}

gboolean
kasane_trend_view_get_series_visible (KasaneTrendView *self,
                                      guint            i)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), FALSE);

  return i >= 64 || (self->hidden & (G_GUINT64_CONSTANT (1) << i)) == 0;
}

/* Private, for tests */

guint
kasane_trend_view_get_n_layouts (KasaneTrendView *self)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), 0);

  return self->n_layouts;
}

gint64
kasane_trend_view_get_layout_time (KasaneTrendView *self)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), 0);

  return self->layout_time;
}

const KasaneTrendLayout *
kasane_trend_view_get_layout (KasaneTrendView *self)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), NULL);

  return self->layout;
}

KasaneTrendData *
kasane_trend_view_get_data (KasaneTrendView *self)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), NULL);

  return self->data;
}

gboolean
kasane_trend_view_get_rubber_band (KasaneTrendView *self,
                                   double          *x0,
                                   double          *x1)
{
  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), FALSE);

  if (self->drag_mode != DRAG_RECT)
    return FALSE;
  if (x0 != NULL)
    *x0 = MIN (self->drag_x, self->drag_x + self->drag_dx);
  if (x1 != NULL)
    *x1 = MAX (self->drag_x, self->drag_x + self->drag_dx);
  return TRUE;
}

/**
 * kasane_trend_view_get_render_request:
 *
 * What the view shows, as export draws it: its dataset and series, language, theme in
 * effect, size, zoom, time window and hidden series (hover is not part of the picture).
 *
 * Returns: (transfer full): a new request
 */
KasaneRenderRequest *
kasane_trend_view_get_render_request (KasaneTrendView *self)
{
  KasaneRenderRequest *request;

  g_return_val_if_fail (KASANE_IS_TREND_VIEW (self), NULL);

  request = kasane_render_request_new (KASANE_CHART_TREND, &self->dataset,
                                       self->dataset != NULL ? 1 : 0);
  g_free (request->lang);
  request->lang = g_strdup (g_strcmp0 (view_lang (self), "ja") == 0 ? "ja" : "en");
  request->theme = view_theme (self);
  request->width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  request->height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  request->text_scale = view_text_scale (self);
  request->min_text_px = self->layout != NULL ? self->layout->min_text_px
                                              : kasane_chart_view_get_text_floor (KASANE_CHART_VIEW (self));
  request->series = g_strdupv (self->series_ids);
  request->view_x0 = self->view_x0;
  request->view_x1 = self->view_x1;
  request->hidden = self->hidden;
  return request;
}
