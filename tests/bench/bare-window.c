/* bare-window.c: the peer of Kasane's startup benchmark — a bare GTK4 window
 *
 * A GtkApplication that shows one window of Kasane's default size with a header bar and
 * a label, and quits right after the first frame is painted: the least any GTK4
 * application can do before a window is on screen.  tests/bench/window-startup times it
 * beside `kasane` (with KASANE_BENCH_EXIT_AFTER_FIRST_FRAME=1) in one run.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_application_quit (G_APPLICATION (app));
}

static void
map_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *header = gtk_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (window), "Bare GTK4 window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 720);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.kasane.BenchBareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
