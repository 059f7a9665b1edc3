/* test-trend-view.c: the KasaneTrendView widget, under Xvfb
 *
 * Role and description for assistive technology; hover reading out the point under the
 * pointer; the scroll wheel zooming around the pointer; dragging panning; a secondary
 * drag zooming to its rectangle; Home and a double click resetting; a legend click hiding
 * a series; Left/Right walking points and Up/Down series; the layout cache (kept across
 * plain redraws); and a million points zoomed step by step, each frame's layout timed.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "kasane-axis.h"
#include "kasane-loader.h"
#include "kasane-trend-view.h"
#include "kasane-trend-view-private.h"
#include "kasane-test-util.h"

static KasaneDataset *ai;
static KasaneDataset *crypto;

static const KasaneTrendLayout *
wait_for_layout (KasaneTrendView *view)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (kasane_trend_view_get_layout (view) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (kasane_trend_view_get_layout (view));
  return kasane_trend_view_get_layout (view);
}

typedef struct
{
  GtkWidget       *window;
  KasaneTrendView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  f->view = KASANE_TREND_VIEW (kasane_trend_view_new ());
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (f->view), "light");
  kasane_trend_view_set_dataset (f->view, data != NULL ? (KasaneDataset *) data : ai);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  /* Xvfb's pointer may sit over the window and move the hover on its own: the tests
   * drive the controllers themselves, so real pointer events are kept out. */
  gtk_widget_set_can_target (GTK_WIDGET (f->view), FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_layout (f->view);
  kasane_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  kasane_test_iterate (20);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type,
                 guint      button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        continue;
      if (button != 0 &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) != button)
        continue;
      return controller;   /* the widget keeps its own reference */
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
press_key (Fixture *f,
           guint    keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (f->view),
                                              GTK_TYPE_EVENT_CONTROLLER_KEY, 0);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

static void
pointer_to (Fixture *f,
            double   x,
            double   y)
{
  g_signal_emit_by_name (find_controller (GTK_WIDGET (f->view),
                                          GTK_TYPE_EVENT_CONTROLLER_MOTION, 0),
                         "motion", x, y);
}

static gboolean
scroll (Fixture *f,
        double   dy)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_controller (GTK_WIDGET (f->view),
                                          GTK_TYPE_EVENT_CONTROLLER_SCROLL, 0),
                         "scroll", 0.0, dy, &handled);
  return handled;
}

static void
drag (Fixture *f,
      guint    button,
      double   x,
      double   y,
      double   dx)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (f->view), GTK_TYPE_GESTURE_DRAG,
                                                 button);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, 0.0);
  g_signal_emit_by_name (gesture, "drag-update", dx, 0.0);
  g_signal_emit_by_name (gesture, "drag-end", dx, 0.0);
}

static void
click (Fixture *f,
       int      n_press,
       double   x,
       double   y)
{
  g_signal_emit_by_name (find_controller (GTK_WIDGET (f->view), GTK_TYPE_GESTURE_CLICK,
                                          GDK_BUTTON_PRIMARY),
                         "pressed", n_press, x, y);
}

/* A plot point of the first panel, some way into the plot. */
static void
plot_point (const KasaneTrendLayout *layout,
            double                   fraction,
            double                  *x,
            double                  *y)
{
  const KasaneTrendPanel *panel = &g_array_index (layout->panels, KasaneTrendPanel, 0);

  *x = panel->plot.x + panel->plot.width * fraction;
  *y = panel->plot.y + panel->plot.height / 2;
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *en = kasane_trend_describe (ai, NULL, "en");
  g_autofree char *ja = kasane_trend_describe (ai, NULL, "ja");
  const char *some[] = { "gpqa-diamond", NULL };
  g_autofree char *one = kasane_trend_describe (ai, some, "en");

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (f->view),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, en);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));

  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "ja");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, ja);
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "en");
  kasane_trend_view_set_series (f->view, some);
  g_assert_cmpuint (kasane_trend_view_get_n_series (f->view), ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, one);
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  const KasaneTrendLayout *layout = wait_for_layout (f->view);
  const KasaneTrendSeriesPath *path = NULL;
  const KasaneSeries *series;
  g_autofree char *date = NULL;
  int s, p, k, want_series, want_point;
  guint n_layouts;
  gboolean date_shown = FALSE, name_shown = FALSE;

  /* A vertex of the first series with markers, inside the plot. */
  for (guint i = 0; i < layout->paths->len && path == NULL; i++)
    {
      const KasaneTrendSeriesPath *candidate = &g_array_index (layout->paths,
                                                               KasaneTrendSeriesPath, i);
      if (candidate->visible && candidate->n > 2)
        path = candidate;
    }
  g_assert_nonnull (path);
  k = (int) path->n - 2;
  want_series = path->series;
  want_point = (int) path->index[k];
  /* Hovering moves the read-out in the layout; it does not lay the chart out again. */
  n_layouts = kasane_trend_view_get_n_layouts (f->view);
  kasane_trend_view_hover_at (f->view, path->px[k], path->py[k]);
  kasane_trend_view_get_hover (f->view, &s, &p);
  g_assert_cmpint (s, ==, want_series);
  g_assert_cmpint (p, ==, want_point);

  g_assert_true (wait_for_layout (f->view) == layout);
  g_assert_cmpuint (kasane_trend_view_get_n_layouts (f->view), ==, n_layouts);
  g_assert_true (layout->has_hover);
  g_assert_cmpint (layout->hover_series, ==, s);
  g_assert_cmpint (layout->hover_point, ==, p);
  /* The crosshair spans every panel. */
  g_assert_cmpfloat (layout->plots_bottom - layout->plots_top, >,
                     g_array_index (layout->panels, KasaneTrendPanel, 0).plot.height);

  series = kasane_trend_data_get_series (kasane_trend_view_get_data (f->view), s);
  date = kasane_format_date (series->x[p], series->precision[p], "en");
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KasaneTrendText *t = &g_array_index (layout->texts, KasaneTrendText, i);

      if (t->role != KASANE_TREND_TEXT_READOUT)
        continue;
      date_shown |= g_strcmp0 (t->text, date) == 0;
      name_shown |= g_strcmp0 (t->text, kasane_text_get (&series->name, "en")) == 0;
    }
  g_assert_true (date_shown);
  g_assert_true (name_shown);

  /* Away from the plots: no read-out. */
  kasane_trend_view_hover_at (f->view, 2, 2);
  kasane_trend_view_get_hover (f->view, &s, &p);
  g_assert_cmpint (s, ==, -1);
  layout = wait_for_layout (f->view);
  g_assert_false (layout->has_hover);
}

static void
test_scroll_zoom (Fixture       *f,
                  gconstpointer  data)
{
  const KasaneTrendLayout *layout = wait_for_layout (f->view);
  double x, y, under, x0, x1, w0, w1;

  kasane_trend_view_get_window (f->view, &x0, &x1);
  w0 = x1 - x0;
  plot_point (layout, 0.3, &x, &y);
  under = kasane_trend_layout_x_to_data (layout, x);

  pointer_to (f, x, y);
  g_assert_true (scroll (f, -1));
  g_assert_true (scroll (f, -1));
  g_assert_true (kasane_trend_view_is_zoomed (f->view));
  kasane_trend_view_get_window (f->view, &x0, &x1);
  w1 = x1 - x0;
  g_assert_cmpfloat (w1, <, w0 * 0.7);
  g_assert_cmpfloat (x0, <, under);
  g_assert_cmpfloat (x1, >, under);

  /* The data under the pointer stays under it. */
  layout = wait_for_layout (f->view);
  g_assert_cmpfloat (fabs (kasane_trend_layout_x_to_data (layout, x) - under), <, w1 * 1e-6);

  /* Down zooms back out, never past the whole. */
  for (int i = 0; i < 10; i++)
    scroll (f, 1);
  g_assert_false (kasane_trend_view_is_zoomed (f->view));
}

static void
test_drag_pan (Fixture       *f,
               gconstpointer  data)
{
  const KasaneTrendLayout *layout;
  double x, y, x0, x1, a0, a1, left, right, per_px;

  kasane_trend_view_get_window (f->view, &x0, &x1);
  kasane_trend_view_set_window (f->view, x0 + (x1 - x0) * 0.25, x0 + (x1 - x0) * 0.5);
  layout = wait_for_layout (f->view);
  kasane_trend_view_get_window (f->view, &x0, &x1);
  kasane_trend_layout_get_plot_x (layout, &left, &right);
  per_px = (x1 - x0) / (right - left);

  /* Dragging right by 100 pixels shows what was 100 pixels to the left. */
  plot_point (layout, 0.5, &x, &y);
  drag (f, GDK_BUTTON_PRIMARY, x, y, 100);
  kasane_trend_view_get_window (f->view, &a0, &a1);
  g_assert_cmpfloat (fabs ((x0 - a0) - 100 * per_px), <, per_px * 0.01);
  g_assert_cmpfloat (fabs ((a1 - a0) - (x1 - x0)), <, per_px * 0.01);

  /* Home resets. */
  g_assert_true (press_key (f, GDK_KEY_Home));
  g_assert_false (kasane_trend_view_is_zoomed (f->view));
}

static void
test_rectangle_and_double_click (Fixture       *f,
                                 gconstpointer  data)
{
  const KasaneTrendLayout *layout = wait_for_layout (f->view);
  double x, y, want0, want1, x0, x1, band0, band1;
  GtkEventController *gesture;

  plot_point (layout, 0.4, &x, &y);
  want0 = kasane_trend_layout_x_to_data (layout, x);
  want1 = kasane_trend_layout_x_to_data (layout, x + 200);

  /* While the secondary button drags, a rubber band grows and the window stays. */
  gesture = find_controller (GTK_WIDGET (f->view), GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_SECONDARY);
  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", 120.0, 0.0);
  g_assert_true (kasane_trend_view_get_rubber_band (f->view, &band0, &band1));
  g_assert_cmpfloat (fabs (band1 - band0 - 120.0), <, 1e-6);
  g_assert_false (kasane_trend_view_is_zoomed (f->view));
  g_signal_emit_by_name (gesture, "drag-update", 200.0, 0.0);
  g_signal_emit_by_name (gesture, "drag-end", 200.0, 0.0);
  g_assert_false (kasane_trend_view_get_rubber_band (f->view, NULL, NULL));

  kasane_trend_view_get_window (f->view, &x0, &x1);
  g_assert_cmpfloat (fabs (x0 - want0), <, (want1 - want0) * 1e-6);
  g_assert_cmpfloat (fabs (x1 - want1), <, (want1 - want0) * 1e-6);

  /* A double click on the plot resets. */
  layout = wait_for_layout (f->view);
  plot_point (layout, 0.5, &x, &y);
  click (f, 2, x, y);
  g_assert_false (kasane_trend_view_is_zoomed (f->view));
}

static void
test_legend (Fixture       *f,
             gconstpointer  data)
{
  const KasaneTrendLayout *layout = wait_for_layout (f->view);
  const KasaneTrendLegendEntry *entry;
  int series;

  g_assert_cmpuint (layout->legend->len, >, 1);
  entry = &g_array_index (layout->legend, KasaneTrendLegendEntry, 1);
  series = entry->series;
  g_assert_true (kasane_trend_view_get_series_visible (f->view, series));

  click (f, 1, entry->rect.x + entry->rect.width / 2, entry->rect.y + entry->rect.height / 2);
  g_assert_false (kasane_trend_view_get_series_visible (f->view, series));
  layout = wait_for_layout (f->view);
  g_assert_false (g_array_index (layout->paths, KasaneTrendSeriesPath, series).visible);
  g_assert_false (g_array_index (layout->legend, KasaneTrendLegendEntry, 1).visible);

  /* A drag that starts on the legend pans nothing.  Zooming lays out anew, so the entry
   * is read from the new layout. */
  kasane_trend_view_zoom_window (f->view, 2, NAN);
  layout = wait_for_layout (f->view);
  entry = &g_array_index (layout->legend, KasaneTrendLegendEntry, 1);
  {
    double x0, x1, a0, a1;

    kasane_trend_view_get_window (f->view, &x0, &x1);
    drag (f, GDK_BUTTON_PRIMARY, entry->rect.x + 4, entry->rect.y + 4, 80);
    kasane_trend_view_get_window (f->view, &a0, &a1);
    g_assert_cmpfloat (a0, ==, x0);
  }

  layout = wait_for_layout (f->view);
  entry = &g_array_index (layout->legend, KasaneTrendLegendEntry, 1);
  click (f, 1, entry->rect.x + entry->rect.width / 2, entry->rect.y + entry->rect.height / 2);
  g_assert_true (kasane_trend_view_get_series_visible (f->view, series));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  KasaneTrendData *trend = kasane_trend_view_get_data (f->view);
  int s, p, s2, p2;
  double x0, x1;

  kasane_trend_view_get_hover (f->view, &s, &p);
  g_assert_cmpint (s, ==, -1);

  /* The first key starts the read-out on a point of the first series. */
  g_assert_true (press_key (f, GDK_KEY_Right));
  kasane_trend_view_get_hover (f->view, &s, &p);
  g_assert_cmpint (s, ==, 0);
  g_assert_cmpint (p, >=, 0);

  g_assert_true (press_key (f, GDK_KEY_Right));
  kasane_trend_view_get_hover (f->view, &s2, &p2);
  g_assert_cmpint (s2, ==, s);
  g_assert_cmpint (p2, ==, p + 1);
  g_assert_true (press_key (f, GDK_KEY_Left));
  kasane_trend_view_get_hover (f->view, &s2, &p2);
  g_assert_cmpint (p2, ==, p);
  g_assert_true (wait_for_layout (f->view)->has_hover);

  /* Down: the next series, at the point nearest in time. */
  g_assert_true (press_key (f, GDK_KEY_Down));
  kasane_trend_view_get_hover (f->view, &s2, &p2);
  g_assert_cmpint (s2, ==, 1);
  g_assert_cmpint (p2, >=, 0);
  g_assert_cmpuint ((guint) p2, <, kasane_trend_data_get_series (trend, 1)->n_points);
  g_assert_true (press_key (f, GDK_KEY_Up));
  kasane_trend_view_get_hover (f->view, &s2, &p2);
  g_assert_cmpint (s2, ==, 0);

  /* + zooms around the point read out, - back, Home resets. */
  g_assert_true (press_key (f, GDK_KEY_plus));
  g_assert_true (kasane_trend_view_is_zoomed (f->view));
  kasane_trend_view_get_window (f->view, &x0, &x1);
  {
    double t = kasane_trend_data_get_series (trend, s2)->x[p2];

    g_assert_cmpfloat (t, >=, x0);
    g_assert_cmpfloat (t, <=, x1);
  }
  g_assert_true (press_key (f, GDK_KEY_minus));
  g_assert_false (kasane_trend_view_is_zoomed (f->view));
  g_assert_true (press_key (f, GDK_KEY_plus));
  g_assert_true (press_key (f, GDK_KEY_Home));
  g_assert_false (kasane_trend_view_is_zoomed (f->view));

  /* Walking far right pans the window along when zoomed. */
  kasane_trend_view_get_window (f->view, &x0, &x1);
  kasane_trend_view_set_window (f->view, x0, x0 + (x1 - x0) * 0.1);
  for (int i = 0; i < 40; i++)
    press_key (f, GDK_KEY_Right);
  kasane_trend_view_get_hover (f->view, &s2, &p2);
  kasane_trend_view_get_window (f->view, &x0, &x1);
  g_assert_cmpfloat (kasane_trend_data_get_series (trend, s2)->x[p2], >=, x0);
  g_assert_cmpfloat (kasane_trend_data_get_series (trend, s2)->x[p2], <=, x1);

  g_assert_true (press_key (f, GDK_KEY_Escape));
  kasane_trend_view_get_hover (f->view, &s2, NULL);
  g_assert_cmpint (s2, ==, -1);
  g_assert_false (press_key (f, GDK_KEY_Escape));
  g_assert_false (press_key (f, GDK_KEY_a));
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  const KasaneTrendLayout *layout = wait_for_layout (f->view);
  guint n = kasane_trend_view_get_n_layouts (f->view);

  /* A plain redraw keeps the layout. */
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  kasane_test_iterate (60);
  g_assert_cmpuint (kasane_trend_view_get_n_layouts (f->view), ==, n);
  g_assert_true (kasane_trend_view_get_layout (f->view) == layout);

  /* The same values change nothing. */
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "en");
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (f->view), "light");
  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (f->view), 1.0);
  kasane_trend_view_reset_window (f->view);
  kasane_trend_view_set_hover (f->view, -1, -1);
  kasane_test_iterate (30);
  g_assert_cmpuint (kasane_trend_view_get_n_layouts (f->view), ==, n);

  /* Language, theme, window: a new layout each. */
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "ja");
  g_assert_null (kasane_trend_view_get_layout (f->view));
  layout = wait_for_layout (f->view);
  g_assert_cmpstr (layout->lang, ==, "ja");
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (f->view), "dark");
  layout = wait_for_layout (f->view);
  g_assert_cmpint (layout->theme, ==, KASANE_THEME_DARK);
  kasane_trend_view_zoom_window (f->view, 2, NAN);
  layout = wait_for_layout (f->view);
  g_assert_cmpuint (kasane_trend_view_get_n_layouts (f->view), ==, n + 3);
}

/* ---- A million points ------------------------------------------------------------- */

static KasaneDataset *
million_dataset (void)
{
  KasaneDataset *dataset = kasane_dataset_new ();
  KasaneSeries *series = kasane_series_new ();
  KasaneLayer *layer = kasane_layer_new ();
  GRand *rand = g_rand_new_with_seed (7);
  double t0 = (double) kasane_days_from_civil (1900, 1, 1) * 86400.0;
  double v = 1000;
  guint n = 1000000;

  dataset->id = g_strdup ("big");
  dataset->title.en = g_strdup ("A million days");
  layer->id = g_strdup ("l1");
  layer->level = 1;
  layer->name.en = g_strdup ("Layer");
  g_ptr_array_add (dataset->layers, layer);

  series->id = g_strdup ("walk");
  series->name.en = g_strdup ("Random walk");
  series->unit = g_strdup ("");
  series->layer = -1;
  series->n_points = n;
  series->x = g_new (double, n);
  series->y = g_new (double, n);
  series->precision = g_new (guint8, n);
  for (guint i = 0; i < n; i++)
    {
      series->x[i] = t0 + i * 86400.0;
      v += g_rand_double_range (rand, -0.5, 0.5);
      series->y[i] = v;
      series->precision[i] = KASANE_PRECISION_DAY;
    }
  g_ptr_array_add (dataset->series, series);
  g_rand_free (rand);
  return dataset;
}

static void
test_million (void)
{
  g_autoptr(KasaneDataset) dataset = million_dataset ();
  GtkWidget *window = gtk_window_new ();
  KasaneTrendView *view = KASANE_TREND_VIEW (kasane_trend_view_new ());
  GtkEventController *motion, *wheel;
  const KasaneTrendLayout *layout;
  g_autoptr(GString) times = g_string_new (NULL);
  double x, y, x0, x1, worst = 0;
  guint n;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (view), "light");
  kasane_trend_view_set_dataset (view, dataset);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_layout (view);
  kasane_test_iterate (50);
  /* Settling may have laid the view out again (the window's final size): only the
   * current layout is valid. */
  layout = wait_for_layout (view);

  motion = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_MOTION, 0);
  wheel = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_SCROLL, 0);
  plot_point (layout, 0.62, &x, &y);
  n = kasane_trend_view_get_n_layouts (view);

  /* Twelve notches in: each a new window, a new layout, one frame. */
  for (int step = 0; step < 12; step++)
    {
      gboolean handled;
      double ms;

      g_signal_emit_by_name (motion, "motion", x, y);
      g_signal_emit_by_name (wheel, "scroll", 0.0, -2.0, &handled);
      g_assert_true (handled);
      layout = wait_for_layout (view);
      ms = kasane_trend_view_get_layout_time (view) / 1000.0;
      worst = MAX (worst, ms);
      g_string_append_printf (times, "%s%.2f", step > 0 ? " " : "", ms);
      kasane_test_iterate (16);
    }
  g_assert_cmpuint (kasane_trend_view_get_n_layouts (view), >, n + 11);
  kasane_trend_view_get_window (view, &x0, &x1);
  /* 1.25^24 ≈ 211: about 4,700 of the million days are left in view. */
  g_assert_cmpfloat ((x1 - x0) / 86400.0, <, 10000);
  g_test_message ("1,000,000 points, 1600x900: layout per zoom step (ms): %s; worst %.2f",
                  times->str, worst);
  /* Generous: a loaded machine under Xvfb must not fail this; the frame budget is
   * benchmarked in tests/bench/trend. */
  g_assert_cmpfloat (worst, <, 250);

  gtk_window_destroy (GTK_WINDOW (window));
  kasane_test_iterate (20);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      /* The widget suite runs under xvfb-run (make test). */
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  ai = kasane_test_load_bundled ("ai.json");
  crypto = kasane_test_load_bundled ("crypto.json");

  g_test_add ("/trend-view/accessible", Fixture, NULL, fixture_set_up, test_accessible,
              fixture_tear_down);
  g_test_add ("/trend-view/hover", Fixture, NULL, fixture_set_up, test_hover,
              fixture_tear_down);
  g_test_add ("/trend-view/hover-crypto", Fixture, crypto, fixture_set_up, test_hover,
              fixture_tear_down);
  g_test_add ("/trend-view/scroll-zoom", Fixture, NULL, fixture_set_up, test_scroll_zoom,
              fixture_tear_down);
  g_test_add ("/trend-view/drag-pan", Fixture, NULL, fixture_set_up, test_drag_pan,
              fixture_tear_down);
  g_test_add ("/trend-view/rectangle", Fixture, crypto, fixture_set_up,
              test_rectangle_and_double_click, fixture_tear_down);
  g_test_add ("/trend-view/legend", Fixture, NULL, fixture_set_up, test_legend,
              fixture_tear_down);
  g_test_add ("/trend-view/keyboard", Fixture, crypto, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/trend-view/cache", Fixture, NULL, fixture_set_up, test_cache,
              fixture_tear_down);
  g_test_add_func ("/trend-view/million", test_million);

  ret = g_test_run ();
  kasane_dataset_unref (ai);
  kasane_dataset_unref (crypto);
  return ret;
}
