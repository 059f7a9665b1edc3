/* test-render-request.c: export draws exactly what the view shows
 *
 * A trend zoomed to a window of time with a series hidden, and a Stack view with a layer
 * selected and zoomed text: the PNG export of each view's render request is compared
 * with a snapshot of the widget at the same size.  They must match (mean absolute
 * difference under 2 of 255; they are identical here), while the export of the default
 * state must not (over 10 for the Stack view, over 5 for the mostly empty trend page):
 * so the test fails if export drops the view state.  Copy as Image is checked the same
 * way, from the texture it puts on the clipboard.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "kasane-diagram-view.h"
#include "kasane-diagram-view-private.h"
#include "kasane-export.h"
#include "kasane-export-dialog.h"
#include "kasane-test-util.h"
#include "kasane-trend-view.h"

#define VIEW_W 900
#define VIEW_H 560

static GtkWidget *
show_in_window (GtkWidget *view)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_W, VIEW_H);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Lets the view settle at its size and paint. */
static void
settle (GtkWidget *view)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((gtk_widget_get_width (view) != VIEW_W || gtk_widget_get_height (view) != VIEW_H) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (view), ==, VIEW_W);
  g_assert_cmpint (gtk_widget_get_height (view), ==, VIEW_H);
  kasane_test_iterate (200);
}

/* The widget as it is on screen, over the theme's page colour (the views leave it to
 * the window; an export paints it). */
static cairo_surface_t *
snapshot_widget (GtkWidget   *widget,
                 KasaneTheme  theme)
{
  const KasaneColor *page = &kasane_palette_get (theme)->background;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  cairo_surface_t *surface;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { page->red, page->green, page->blue, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width,
                                                                             height));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *out,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *png)
{
  PngReader reader = { g_bytes_get_data (png, NULL), g_bytes_get_size (png) };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_png, &reader);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Mean absolute difference of the colour channels, 0 to 255. */
static double
mean_difference (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint64 sum = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row_a = (const guint32 *) (cairo_image_surface_get_data (a) +
                                                y * cairo_image_surface_get_stride (a));
      const guint32 *row_b = (const guint32 *) (cairo_image_surface_get_data (b) +
                                                y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        for (int shift = 0; shift < 24; shift += 8)
          sum += ABS ((int) ((row_a[x] >> shift) & 0xff) - (int) ((row_b[x] >> shift) & 0xff));
    }
  return (double) sum / (3.0 * width * height);
}

static cairo_surface_t *
export_png (const KasaneRenderRequest *request,
            gboolean                   with_state)
{
  KasaneExportOptions options;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  kasane_export_options_init_for_request (&options, request);
  if (!with_state)
    {
      options.state = NULL;
      options.series = NULL;
    }
  png = kasane_export_render ((KasaneDataset * const *) request->datasets->pdata,
                              request->datasets->len, &options, &error);
  g_assert_no_error (error);
  return decode_png (png);
}

/* The export of the view's request matches the widget; the default export does not. */
static void
assert_export_is_view (GtkWidget                 *view,
                       const KasaneRenderRequest *request,
                       double                     default_differs_by)
{
  cairo_surface_t *shown = snapshot_widget (view, request->theme);
  cairo_surface_t *exported = export_png (request, TRUE);
  cairo_surface_t *plain = export_png (request, FALSE);
  double same = mean_difference (shown, exported);
  double other = mean_difference (shown, plain);

  g_test_message ("view vs export of its state: %.3f; vs the default export: %.3f",
                  same, other);
  g_assert_cmpfloat (same, <, 2.0);
  g_assert_cmpfloat (other, >, default_differs_by);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (exported);
  cairo_surface_destroy (plain);
}

static void
test_trend (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled ("crypto.json");
  GtkWidget *view = kasane_trend_view_new ();
  GtkWidget *window = show_in_window (view);
  g_autoptr(KasaneRenderRequest) request = NULL;
  double x0, x1;

  kasane_trend_view_set_dataset (KASANE_TREND_VIEW (view), dataset);
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (view), "light");
  settle (view);

  /* The middle third of the time shown, and the first series hidden. */
  kasane_trend_view_get_window (KASANE_TREND_VIEW (view), &x0, &x1);
  kasane_trend_view_set_window (KASANE_TREND_VIEW (view), x0 + (x1 - x0) / 3,
                                x0 + 2 * (x1 - x0) / 3);
  kasane_trend_view_set_series_visible (KASANE_TREND_VIEW (view), 0, FALSE);
  settle (view);

  request = kasane_trend_view_get_render_request (KASANE_TREND_VIEW (view));
  g_assert_cmpint (request->chart, ==, KASANE_CHART_TREND);
  g_assert_true (isfinite (request->view_x0));
  g_assert_cmpuint (request->hidden, ==, 1);
  /* Most of a trend chart is empty page, so even a different window and one series less
   * move the mean by little (7.4 here); the same state differs by nothing. */
  assert_export_is_view (view, request, 5.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_stack (void)
{
  KasaneDataset *datasets[] = { kasane_test_load_bundled ("ai.json") };
  GtkWidget *view = kasane_diagram_view_new ();
  GtkWidget *window = show_in_window (view);
  g_autoptr(KasaneRenderRequest) request = NULL;

  kasane_diagram_view_set_datasets (KASANE_DIAGRAM_VIEW (view), datasets, 1);
  kasane_diagram_view_set_kind (KASANE_DIAGRAM_VIEW (view), KASANE_DIAGRAM_STACK);
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (view), "light");
  settle (view);
  kasane_diagram_view_select_layer (KASANE_DIAGRAM_VIEW (view), 0, 1);
  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (view), 1.2);
  settle (view);

  request = kasane_diagram_view_get_render_request (KASANE_DIAGRAM_VIEW (view));
  g_assert_cmpint (request->chart, ==, KASANE_CHART_STACK);
  g_assert_cmpint (request->selected_layer, ==, 1);
  assert_export_is_view (view, request, 10.0);
  gtk_window_destroy (GTK_WINDOW (window));
  kasane_dataset_unref (datasets[0]);
}

static void
texture_ready (GObject      *clipboard,
               GAsyncResult *result,
               gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

/* Copy as Image: the clipboard's texture is the view's picture at the view's size. */
static void
test_copy_as_image (void)
{
  g_autoptr(KasaneDataset) dataset = kasane_test_load_bundled ("crypto.json");
  GtkWidget *view = kasane_trend_view_new ();
  GtkWidget *window = show_in_window (view);
  g_autoptr(KasaneRenderRequest) request = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *shown, *copied;
  double x0, x1, difference;
  gint64 end;

  kasane_trend_view_set_dataset (KASANE_TREND_VIEW (view), dataset);
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (view), "dark");
  settle (view);
  kasane_trend_view_get_window (KASANE_TREND_VIEW (view), &x0, &x1);
  kasane_trend_view_set_window (KASANE_TREND_VIEW (view), x0, x0 + (x1 - x0) / 2);
  kasane_trend_view_set_series_visible (KASANE_TREND_VIEW (view), 1, FALSE);
  settle (view);

  request = kasane_trend_view_get_render_request (KASANE_TREND_VIEW (view));
  g_assert_true (kasane_export_copy_view (view, request, &error));
  g_assert_no_error (error);
  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (view), NULL, texture_ready,
                                    &texture);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (texture == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, VIEW_W);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, VIEW_H);

  copied = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);
  gdk_texture_download (texture, cairo_image_surface_get_data (copied),
                        cairo_image_surface_get_stride (copied));
  cairo_surface_mark_dirty (copied);
  shown = snapshot_widget (view, KASANE_THEME_DARK);
  difference = mean_difference (shown, copied);
  g_test_message ("view vs Copy as Image: %.3f", difference);
  g_assert_cmpfloat (difference, <, 2.0);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (copied);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* The pointer of Xvfb must not hover the views. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/render-request/trend", test_trend);
  g_test_add_func ("/render-request/stack", test_stack);
  g_test_add_func ("/render-request/copy-as-image", test_copy_as_image);

  return g_test_run ();
}
