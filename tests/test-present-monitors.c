/* test-present-monitors.c: presenting with two monitors
 *
 * GTK 4 sees one monitor in Xvfb, with or without Xinerama; weston, run on the test's X
 * server with its X11 backend and two outputs, gives a Wayland client two monitors side
 * by side.  The test starts that weston on a socket of its own (in a private runtime
 * folder), connects to it, and checks that F5's action puts the slides full screen on
 * one monitor and the presenter console on the other, that S swaps them, and that
 * Escape closes the console and leaves full screen.  Without an X server or weston, it
 * skips itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <gtk/gtk.h>

#include "kasane-application.h"
#include "kasane-presenter-console.h"
#include "kasane-session.h"
#include "kasane-slide-view.h"
#include "kasane-test-util.h"
#include "kasane-window-private.h"

#define SOCKET "kasane-test-monitors"

static GPid weston_pid;
static char *runtime_dir;

/* Starts weston with two 1920×1080 outputs on the X server in DISPLAY. */
static gboolean
start_weston (void)
{
  g_autofree char *weston = g_find_program_in_path ("weston");
  g_autofree char *socket_path = NULL;
  const char *argv[] = { "weston", "--backend=x11-backend.so", "--output-count=2",
                         "--width=1920", "--height=1080", "--socket=" SOCKET, "--idle-time=0",
                         NULL };
  g_auto(GStrv) envp = NULL;

  if (weston == NULL || g_getenv ("DISPLAY") == NULL)
    return FALSE;
  runtime_dir = g_dir_make_tmp ("kasane-weston-XXXXXX", NULL);
  if (runtime_dir == NULL)
    return FALSE;
  g_chmod (runtime_dir, 0700);
  envp = g_environ_setenv (g_get_environ (), "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  if (!g_spawn_async (NULL, (char **) argv, envp,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                      G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &weston_pid, NULL))
    return FALSE;
  socket_path = g_build_filename (runtime_dir, SOCKET, NULL);
  for (guint waited = 0; waited < 10000 && !g_file_test (socket_path, G_FILE_TEST_EXISTS);
       waited += 50)
    g_usleep (50 * 1000);
  if (!g_file_test (socket_path, G_FILE_TEST_EXISTS))
    return FALSE;
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_setenv ("WAYLAND_DISPLAY", SOCKET, TRUE);
  g_setenv ("GDK_BACKEND", "wayland", TRUE);
  return TRUE;
}

static void
stop_weston (void)
{
  if (weston_pid != 0)
    {
      kill (weston_pid, SIGTERM);
      g_spawn_close_pid (weston_pid);
      weston_pid = 0;
    }
  if (runtime_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (runtime_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (runtime_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (runtime_dir);
      g_clear_pointer (&runtime_dir, g_free);
    }
}

/* The monitor `window` is on, once the compositor has said (NULL until then). */
static GdkMonitor *
monitor_of (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (surface == NULL)
    return NULL;
  return gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
}

static int
monitor_x (GdkMonitor *monitor)
{
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.x;
}

/* Waits until `window` is full screen on the monitor at x. */
static gboolean
wait_on_monitor (GtkWindow *window,
                 int        x)
{
  /* Generous: weston on a loaded machine is slow to place a window. */
  for (guint waited = 0; waited < 20000; waited += 50)
    {
      GdkMonitor *monitor = monitor_of (window);

      if (gtk_window_is_fullscreen (window) && monitor != NULL && monitor_x (monitor) == x)
        return TRUE;
      if (waited % 1000 == 0)
        g_test_message ("waiting: full screen %d, at x = %d", gtk_window_is_fullscreen (window),
                        monitor != NULL ? monitor_x (monitor) : -1);
      kasane_test_iterate (50);
    }
  return FALSE;
}

static void
test_two_monitors (void)
{
  g_autoptr(KasaneApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *monitors;
  KasaneWindow *window;
  GtkWindow *console_window;
  GdkMonitor *slides_monitor, *console_monitor;

  if (weston_pid == 0)
    {
      g_test_skip ("needs weston and an X server for it");
      return;
    }
  monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, 2);

  app = kasane_application_new ();
  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = kasane_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  for (const char * const *uri = kasane_session_get_bundled_uris (); *uri != NULL; uri++)
    g_assert_true (kasane_window_open_uri (window, *uri));
  gtk_window_present (GTK_WINDOW (window));
  kasane_test_iterate (1000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  console_window = kasane_window_get_console_window (window);
  g_assert_nonnull (console_window);
  /* Two monitors alike: the slides on the later one, the console on the first. */
  g_assert_true (wait_on_monitor (GTK_WINDOW (window), 1920));
  g_assert_true (wait_on_monitor (console_window, 0));
  slides_monitor = monitor_of (GTK_WINDOW (window));
  console_monitor = monitor_of (console_window);
  g_assert_true (slides_monitor != console_monitor);
  g_test_message ("slides at x = %d, console at x = %d", monitor_x (slides_monitor),
                  monitor_x (console_monitor));
  g_assert_true (gtk_widget_get_visible (kasane_window_get_presenter_console (window)));

  /* Keys on the console move the slides, and the console follows. */
  kasane_slide_view_press_key (KASANE_SLIDE_VIEW (kasane_window_get_slide_view (window)),
                               GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (kasane_presenter_console_get_index (
                      KASANE_PRESENTER_CONSOLE (kasane_window_get_presenter_console (window))),
                    ==, 1);

  /* S swaps them. */
  kasane_slide_view_press_key (KASANE_SLIDE_VIEW (kasane_window_get_slide_view (window)),
                               GDK_KEY_s, 0);
  g_assert_true (wait_on_monitor (GTK_WINDOW (window), 0));
  g_assert_true (wait_on_monitor (console_window, 1920));

  /* Escape: the console closes, the window leaves full screen. */
  kasane_slide_view_press_key (KASANE_SLIDE_VIEW (kasane_window_get_slide_view (window)),
                               GDK_KEY_Escape, 0);
  g_assert_null (kasane_window_get_console_window (window));
  for (guint waited = 0; waited < 3000 && gtk_window_is_fullscreen (GTK_WINDOW (window));
       waited += 50)
    kasane_test_iterate (50);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  kasane_test_wait_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GTK connects: to weston, if it starts. */
  if (!start_weston ())
    stop_weston ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/present/two-monitors", test_two_monitors);
  status = g_test_run ();
  stop_weston ();
  return status;
}
