/* test-window-keys.c: the main window driven by real key events
 *
 * The window runs in this process under the test's X server, with openbox as its window
 * manager (full screen needs one) and the application's own accelerators; xdotool types
 * the keys through XTEST, as a keyboard would.  Skipped when xdotool, openbox or an X11
 * display is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>

#include "kasane-application.h"
#include "kasane-diagram-view.h"
#include "kasane-session.h"
#include "kasane-slide-view.h"
#include "kasane-presenter-console.h"
#include "kasane-test-util.h"
#include "kasane-window-private.h"

static GPid wm_pid;

/* Types `keys` (xdotool names, separated by spaces) into `window`, one at a time, and
 * lets the window handle each. */
static void
type_keys (GtkWindow  *window,
           const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *activate[] = { "xdotool", "windowactivate", "--sync", xid, NULL };
      const char *key[] = { "xdotool", "key", "--clearmodifiers", names[i], NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) activate, NULL, G_SPAWN_SEARCH_PATH |
                    G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      kasane_test_iterate (100);
      g_spawn_sync (NULL, (char **) key, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      kasane_test_iterate (400);
    }
}

/* Runs the main loop until `done` says so, for at most `ms`. */
static gboolean
wait_for (gboolean (*done) (GtkWindow *),
          GtkWindow *window,
          guint      ms)
{
  for (guint waited = 0; waited < ms; waited += 50)
    {
      if (done (window))
        return TRUE;
      kasane_test_iterate (50);
    }
  return done (window);
}

static gboolean
is_fullscreen (GtkWindow *window)
{
  return gtk_window_is_fullscreen (window);
}

static gboolean
is_not_fullscreen (GtkWindow *window)
{
  return !gtk_window_is_fullscreen (window);
}

static const char *
view_name (KasaneWindow *window)
{
  return gtk_stack_get_visible_child_name (kasane_window_get_view_stack (window));
}

/* Whether `window` shows the view `name` within a few seconds (a loaded machine is slow
 * to deliver keys). */
static gboolean
shows_view (KasaneWindow *window,
            const char   *name)
{
  for (guint waited = 0; waited < 3000 && g_strcmp0 (view_name (window), name) != 0;
       waited += 50)
    kasane_test_iterate (50);
  return g_strcmp0 (view_name (window), name) == 0;
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  return cairo_image_surface_get_width (a) == cairo_image_surface_get_width (b) &&
         height == cairo_image_surface_get_height (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * height) == 0;
}

static void
test_keys (void)
{
  g_autoptr(KasaneApplication) app = kasane_application_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  KasaneWindow *window;
  KasaneDiagramView *stack;
  GtkWidget *titlebar;
  GtkWidget *sidebar_pane;
  int layer;

  {
    g_autofree char *xdotool = g_find_program_in_path ("xdotool");

    if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xdotool == NULL || wm_pid == 0)
      {
        g_test_skip ("needs an X11 display, xdotool and openbox");
        return;
      }
  }
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  settings = g_settings_new ("io.github.kasane.Kasane");
  g_settings_set_string (settings, "theme", "light");

  window = kasane_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  for (const char * const *uri = kasane_session_get_bundled_uris (); *uri != NULL; uri++)
    g_assert_true (kasane_window_open_uri (window, *uri));
  gtk_window_present (GTK_WINDOW (window));
  kasane_test_iterate (1500);
  g_assert_true (shows_view (window, "compare"));
  type_keys (GTK_WINDOW (window), "alt+4");
  g_assert_true (shows_view (window, "ledger"));
  type_keys (GTK_WINDOW (window), "alt+1");
  g_assert_true (shows_view (window, "compare"));

  /* A style chosen in the menu's row of style swatches with the keyboard (the menu ends
   * with the swatches, Help, Keyboard Shortcuts, About; up from Help the focus enters the
   * row at Dark), then Alt+3: the Trend view, no click needed in between. */
  type_keys (GTK_WINDOW (window), "F10 Up Up Up Up Return");
  {
    g_autofree char *theme = g_settings_get_string (settings, "theme");

    for (guint waited = 0; waited < 3000 && g_strcmp0 (theme, "dark") != 0; waited += 50)
      {
        kasane_test_iterate (50);
        g_free (theme);
        theme = g_settings_get_string (settings, "theme");
      }
    g_assert_cmpstr (theme, ==, "dark");
  }

  type_keys (GTK_WINDOW (window), "alt+3");
  g_assert_true (shows_view (window, "trend"));

  /* In Stack, Down moves the selection at once. */
  type_keys (GTK_WINDOW (window), "alt+2");
  g_assert_true (shows_view (window, "stack"));
  stack = KASANE_DIAGRAM_VIEW (kasane_window_get_stack_view (window));
  layer = kasane_diagram_view_get_selected_layer (stack);
  /* The view takes the focus once idle: on a loaded machine, later than the key could
   * be typed.  Wait for it (that it comes at all is the point). */
  for (guint waited = 0; waited < 5000 && !gtk_widget_has_focus (GTK_WIDGET (stack));
       waited += 50)
    kasane_test_iterate (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (stack)));
  type_keys (GTK_WINDOW (window), "Down");
  for (guint waited = 0; waited < 3000 &&
       kasane_diagram_view_get_selected_layer (stack) == layer; waited += 50)
    kasane_test_iterate (50);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (stack), !=, layer);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (stack), >=, 0);

  /* F11: full screen, without header bar and sidebar; Escape: back as it was, and the
   * selection kept (Escape left full screen and did nothing else). */
  layer = kasane_diagram_view_get_selected_layer (stack);
  titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));
  sidebar_pane = gtk_widget_get_ancestor (GTK_WIDGET (kasane_window_get_sidebar (window)),
                                          GTK_TYPE_SCROLLED_WINDOW);
  type_keys (GTK_WINDOW (window), "F11");
  g_assert_true (wait_for (is_fullscreen, GTK_WINDOW (window), 3000));
  kasane_test_iterate (300);
  g_assert_false (gtk_widget_get_visible (titlebar));
  {
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
    GdkRectangle geometry;
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

    gdk_monitor_get_geometry (monitor, &geometry);
    for (guint waited = 0; waited < 2000 && gdk_surface_get_width (surface) != geometry.width;
         waited += 50)
      kasane_test_iterate (50);
    g_assert_cmpint (gdk_surface_get_width (surface), ==, geometry.width);
    g_assert_cmpint (gdk_surface_get_height (surface), ==, geometry.height);
    g_assert_false (gtk_widget_get_visible (sidebar_pane));
  }
  type_keys (GTK_WINDOW (window), "Escape");
  g_assert_true (wait_for (is_not_fullscreen, GTK_WINDOW (window), 3000));
  kasane_test_iterate (300);
  g_assert_true (gtk_widget_get_visible (titlebar));
  g_assert_true (gtk_widget_get_visible (sidebar_pane));
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (stack), ==, layer);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 1300);

  /* A view with nothing focusable (the essay) still takes the keys: End there does not
   * move the sidebar's edge (the pane's handle kept the focus and did). */
  {
    GtkPaned *paned = GTK_PANED (gtk_widget_get_ancestor (sidebar_pane, GTK_TYPE_PANED));
    int position = gtk_paned_get_position (paned);

    type_keys (GTK_WINDOW (window), "alt+5");
    g_assert_true (shows_view (window, "explain"));
    type_keys (GTK_WINDOW (window), "End Home End");
    g_assert_cmpint (gtk_paned_get_position (paned), ==, position);
  }

  /* High contrast reaches the chrome too: GTK's own theme, and back again. */
  {
    g_autofree char *before = NULL;
    g_autofree char *during = NULL;
    g_autofree char *after = NULL;
    GtkSettings *gtk_settings = gtk_settings_get_default ();

    g_settings_set_string (settings, "theme", "light");
    kasane_test_wait_idle ();
    g_object_get (gtk_settings, "gtk-theme-name", &before, NULL);
    g_settings_set_string (settings, "theme", "contrast");
    kasane_test_wait_idle ();
    g_object_get (gtk_settings, "gtk-theme-name", &during, NULL);
    g_assert_true (g_str_has_prefix (during, "Default-hc"));
    g_settings_set_string (settings, "theme", "light");
    kasane_test_wait_idle ();
    g_object_get (gtk_settings, "gtk-theme-name", &after, NULL);
    g_assert_cmpstr (after, ==, before);
    g_assert_false (g_str_has_prefix (after, "Default-hc"));
  }

  /* F5 presents: full screen at the monitor's size with the slides over everything;
   * Right and Page Down change the picture, Left and Page Up bring the earlier one back
   * exactly; Escape leaves and the window is as it was (view, sidebar, size). */
  {
    GtkWidget *slides;
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
    GdkRectangle geometry;
    cairo_surface_t *first, *second, *back;
    int width_before = gtk_widget_get_width (GTK_WIDGET (window));

    type_keys (GTK_WINDOW (window), "alt+2");
    g_assert_true (shows_view (window, "stack"));
    gdk_monitor_get_geometry (monitor, &geometry);
    type_keys (GTK_WINDOW (window), "F5");
    g_assert_true (wait_for (is_fullscreen, GTK_WINDOW (window), 3000));
    for (guint waited = 0; waited < 2000 && gdk_surface_get_width (surface) != geometry.width;
         waited += 50)
      kasane_test_iterate (50);
    g_assert_cmpint (gdk_surface_get_width (surface), ==, geometry.width);
    g_assert_cmpint (gdk_surface_get_height (surface), ==, geometry.height);
    slides = kasane_window_get_slide_view (window);
    g_assert_true (gtk_widget_get_visible (slides));
    g_assert_cmpuint (kasane_slide_view_get_index (KASANE_SLIDE_VIEW (slides)), ==, 0);
    first = kasane_slide_view_render (KASANE_SLIDE_VIEW (slides), 960, 540);

    type_keys (GTK_WINDOW (window), "Right");
    g_assert_cmpuint (kasane_slide_view_get_index (KASANE_SLIDE_VIEW (slides)), ==, 1);
    second = kasane_slide_view_render (KASANE_SLIDE_VIEW (slides), 960, 540);
    g_assert_false (surfaces_equal (first, second));
    type_keys (GTK_WINDOW (window), "Next");
    g_assert_cmpuint (kasane_slide_view_get_index (KASANE_SLIDE_VIEW (slides)), ==, 2);
    type_keys (GTK_WINDOW (window), "Prior");
    g_assert_cmpuint (kasane_slide_view_get_index (KASANE_SLIDE_VIEW (slides)), ==, 1);
    back = kasane_slide_view_render (KASANE_SLIDE_VIEW (slides), 960, 540);
    g_assert_true (surfaces_equal (second, back));
    cairo_surface_destroy (back);
    type_keys (GTK_WINDOW (window), "Left");
    g_assert_cmpuint (kasane_slide_view_get_index (KASANE_SLIDE_VIEW (slides)), ==, 0);
    back = kasane_slide_view_render (KASANE_SLIDE_VIEW (slides), 960, 540);
    g_assert_true (surfaces_equal (first, back));
    cairo_surface_destroy (back);
    /* B blacks the screen, any key brings the slide back without moving. */
    type_keys (GTK_WINDOW (window), "b");
    g_assert_cmpint (kasane_slide_view_get_blank (KASANE_SLIDE_VIEW (slides)), ==,
                     KASANE_SLIDE_BLANK_BLACK);
    type_keys (GTK_WINDOW (window), "Right");
    g_assert_cmpint (kasane_slide_view_get_blank (KASANE_SLIDE_VIEW (slides)), ==,
                     KASANE_SLIDE_BLANK_NONE);
    g_assert_cmpuint (kasane_slide_view_get_index (KASANE_SLIDE_VIEW (slides)), ==, 0);
    /* A number and Return: that slide. */
    type_keys (GTK_WINDOW (window), "3 Return");
    g_assert_cmpuint (kasane_slide_view_get_index (KASANE_SLIDE_VIEW (slides)), ==, 2);

    /* One monitor: S shows the presenter console over the slides; it follows the slides
     * and says where they are; S again hides it. */
    {
      GtkWidget *console = kasane_window_get_presenter_console (window);

      g_assert_false (gtk_widget_get_visible (console));
      type_keys (GTK_WINDOW (window), "s");
      g_assert_true (gtk_widget_get_visible (console));
      g_assert_cmpuint (kasane_presenter_console_get_index (KASANE_PRESENTER_CONSOLE (console)),
                        ==, 2);
      g_assert_cmpstr (kasane_presenter_console_get_notes (KASANE_PRESENTER_CONSOLE (console)),
                       !=, "");
      type_keys (GTK_WINDOW (window), "Right");
      g_assert_cmpuint (kasane_presenter_console_get_index (KASANE_PRESENTER_CONSOLE (console)),
                        ==, 3);
      type_keys (GTK_WINDOW (window), "Left s");
      g_assert_false (gtk_widget_get_visible (console));
    }

    type_keys (GTK_WINDOW (window), "Escape");
    g_assert_true (wait_for (is_not_fullscreen, GTK_WINDOW (window), 3000));
    kasane_test_iterate (300);
    g_assert_false (gtk_widget_get_visible (slides));
    g_assert_true (gtk_widget_get_visible (gtk_window_get_titlebar (GTK_WINDOW (window))));
    g_assert_true (gtk_widget_get_visible (sidebar_pane));
    g_assert_true (shows_view (window, "stack"));
    g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width_before), <=, 2);
    cairo_surface_destroy (first);
    cairo_surface_destroy (second);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  kasane_test_wait_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window-keys/menu-focus-fullscreen", test_keys);

  /* A window manager, for full screen and focus; the test skips itself without X11. */
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      const char *wm[] = { "openbox", NULL };

      if (g_spawn_async (NULL, (char **) wm, NULL, G_SPAWN_SEARCH_PATH |
                         G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, &wm_pid, NULL))
        g_usleep (500 * 1000);
    }
  status = g_test_run ();
  if (wm_pid != 0)
    {
      kill (wm_pid, SIGTERM);
      g_spawn_close_pid (wm_pid);
    }
  return status;
}
