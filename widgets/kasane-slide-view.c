/* kasane-slide-view.c: the presentation's slides on screen, and the keys that move them
 *
 * Keys, as presentation clickers send them:
 *   next: Right, Down, Space, Page Down, Return, N, a left click;
 *   previous: Left, Up, BackSpace, Page Up, P, a right click;
 *   Home / End: the first and the last slide;
 *   a number, then Return: that slide;
 *   B or "." blacks the screen, W whites it, and any key brings the slide back;
 *   Escape: ::exit-requested (the window puts itself back as it was);
 *   S: ::swap-requested (slides and the presenter console change places).
 * The pointer hides after two idle seconds and shows again when it moves.
 *
 * Reveals: stepping forward from one layer of a dataset to the next fades the new layer
 * in (FADE_MS, none when the desktop turns animations off).  Rows are placed for every
 * layer whatever the step, so the two pictures differ only by what the step adds: the
 * fade is the earlier picture laid over the new one, fading out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-slide-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-slide-view.h"

#define POINTER_IDLE_MS 2000
#define FADE_MS 180   /* the issue asks for at most 250 ms */

struct _KasaneSlideView
{
  KasaneChartView   parent_instance;

  KasaneDeck       *deck;
  guint             index;
  KasaneSlideBlank  blank;
  guint             typed;          /* a slide number being typed, 0: none */
  guint             pointer_idle;   /* hides the pointer, or 0 */
  cairo_surface_t  *fade_from;      /* the earlier picture while fading, or NULL */
  cairo_surface_t  *fade_to;
  gint64            fade_start;     /* frame clock time, µs */
  guint             fade_tick;
};

G_DEFINE_FINAL_TYPE (KasaneSlideView, kasane_slide_view, KASANE_TYPE_CHART_VIEW)

enum
{
  EXIT_REQUESTED,
  SWAP_REQUESTED,
  SLIDE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
paint (KasaneSlideView *self,
       cairo_t         *cr,
       double           width,
       double           height)
{
  KasaneChartView *chart = KASANE_CHART_VIEW (self);
  g_autofree char *error = NULL;

  if (self->blank != KASANE_SLIDE_BLANK_NONE || self->deck == NULL ||
      kasane_deck_get_n_slides (self->deck) == 0)
    {
      double v = self->blank == KASANE_SLIDE_BLANK_WHITE ? 1.0 : 0.0;

      cairo_set_source_rgb (cr, v, v, v);
      cairo_paint (cr);
      return;
    }
  if (!kasane_deck_paint_slide (self->deck, self->index, cr, width, height,
                                kasane_chart_view_get_lang (chart),
                                kasane_chart_view_get_effective_theme (chart),
                                kasane_chart_view_get_measure (chart), &error))
    g_debug ("%s", error);
}

static double
fade_progress (KasaneSlideView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 now = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();

  return CLAMP ((now - self->fade_start) / (FADE_MS * 1000.0), 0.0, 1.0);
}

static void
stop_fade (KasaneSlideView *self)
{
  if (self->fade_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fade_tick);
  self->fade_tick = 0;
  g_clear_pointer (&self->fade_from, cairo_surface_destroy);
  g_clear_pointer (&self->fade_to, cairo_surface_destroy);
}

static void
kasane_slide_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  KasaneSlideView *self = KASANE_SLIDE_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->fade_from != NULL &&
      cairo_image_surface_get_width (self->fade_to) ==
      width * gtk_widget_get_scale_factor (widget))
    {
      cairo_set_source_surface (cr, self->fade_to, 0, 0);
      cairo_paint (cr);
      cairo_set_source_surface (cr, self->fade_from, 0, 0);
      cairo_paint_with_alpha (cr, 1.0 - fade_progress (self));
    }
  else
    paint (self, cr, width, height);
  cairo_destroy (cr);
}

static gboolean
fade_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  KasaneSlideView *self = KASANE_SLIDE_VIEW (widget);

  gtk_widget_queue_draw (widget);
  if (fade_progress (self) < 1.0)
    return G_SOURCE_CONTINUE;
  self->fade_tick = 0;
  g_clear_pointer (&self->fade_from, cairo_surface_destroy);
  g_clear_pointer (&self->fade_to, cairo_surface_destroy);
  return G_SOURCE_REMOVE;
}

/* The picture at the widget's size and scale, for a fade. */
static cairo_surface_t *
render_scaled (KasaneSlideView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int scale = gtk_widget_get_scale_factor (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale,
                                                         height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  paint (self, cr, width, height);
  cairo_destroy (cr);
  return surface;
}

/* Whether going from slide `from` to `to` reveals the next layer of one dataset. */
static gboolean
is_reveal_step (KasaneSlideView *self,
                guint            from,
                guint            to)
{
  const KasaneSlide *a, *b;

  if (self->deck == NULL || to != from + 1 || to >= kasane_deck_get_n_slides (self->deck))
    return FALSE;
  a = kasane_deck_get_slide (self->deck, from);
  b = kasane_deck_get_slide (self->deck, to);
  return a->kind == KASANE_SLIDE_REVEAL && b->kind == KASANE_SLIDE_REVEAL &&
         a->dataset == b->dataset && b->step == a->step + 1;
}

static gboolean
animations_enabled (KasaneSlideView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations",
                &enabled, NULL);
  return enabled;
}

gboolean
kasane_slide_view_is_fading (KasaneSlideView *self)
{
  g_return_val_if_fail (KASANE_IS_SLIDE_VIEW (self), FALSE);
  return self->fade_from != NULL;
}

cairo_surface_t *
kasane_slide_view_render (KasaneSlideView *self,
                          int              width,
                          int              height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (KASANE_IS_SLIDE_VIEW (self), NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  paint (self, cr, width, height);
  cairo_destroy (cr);
  return surface;
}

static void
changed (KasaneChartView   *chart,
         KasaneChartChange  change)
{
  gtk_widget_queue_draw (GTK_WIDGET (chart));
}

void
kasane_slide_view_set_index (KasaneSlideView *self,
                             guint            index)
{
  guint n;

  g_return_if_fail (KASANE_IS_SLIDE_VIEW (self));

  n = self->deck != NULL ? kasane_deck_get_n_slides (self->deck) : 0;
  index = n > 0 ? MIN (index, n - 1) : 0;
  if (index == self->index)
    return;
  stop_fade (self);
  if (is_reveal_step (self, self->index, index) && animations_enabled (self) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_width (GTK_WIDGET (self)) > 0 &&
      self->blank == KASANE_SLIDE_BLANK_NONE)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      self->fade_from = render_scaled (self);
      self->index = index;
      self->fade_to = render_scaled (self);
      self->fade_start = clock != NULL ? gdk_frame_clock_get_frame_time (clock)
                                       : g_get_monotonic_time ();
      self->fade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fade_tick, NULL, NULL);
    }
  self->index = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SLIDE_CHANGED], 0);
}

guint
kasane_slide_view_get_index (KasaneSlideView *self)
{
  g_return_val_if_fail (KASANE_IS_SLIDE_VIEW (self), 0);
  return self->index;
}

KasaneSlideBlank
kasane_slide_view_get_blank (KasaneSlideView *self)
{
  g_return_val_if_fail (KASANE_IS_SLIDE_VIEW (self), KASANE_SLIDE_BLANK_NONE);
  return self->blank;
}

void
kasane_slide_view_set_deck (KasaneSlideView *self,
                            KasaneDeck      *deck)
{
  g_return_if_fail (KASANE_IS_SLIDE_VIEW (self));

  stop_fade (self);
  g_clear_pointer (&self->deck, kasane_deck_free);
  self->deck = deck;
  self->index = 0;
  self->blank = KASANE_SLIDE_BLANK_NONE;
  self->typed = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KasaneDeck *
kasane_slide_view_get_deck (KasaneSlideView *self)
{
  g_return_val_if_fail (KASANE_IS_SLIDE_VIEW (self), NULL);
  return self->deck;
}

static void
step (KasaneSlideView *self,
      int              by)
{
  if (by < 0 && self->index == 0)
    return;
  kasane_slide_view_set_index (self, (guint) ((int) self->index + by));
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             KasaneSlideView       *self)
{
  return kasane_slide_view_press_key (self, keyval, state);
}

gboolean
kasane_slide_view_press_key (KasaneSlideView *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  guint n = self->deck != NULL ? kasane_deck_get_n_slides (self->deck) : 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval == GDK_KEY_Escape)
    {
      self->typed = 0;
      g_signal_emit (self, signals[EXIT_REQUESTED], 0);
      return TRUE;
    }
  /* A blank screen: any key brings the slide back, and does nothing else. */
  if (self->blank != KASANE_SLIDE_BLANK_NONE)
    {
      self->blank = KASANE_SLIDE_BLANK_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    }
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    {
      self->typed = MIN (self->typed * 10 + (keyval - GDK_KEY_0), 100000);
      return TRUE;
    }
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    {
      self->typed = MIN (self->typed * 10 + (keyval - GDK_KEY_KP_0), 100000);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->typed > 0)
        {
          kasane_slide_view_set_index (self, MIN (self->typed, MAX (n, 1)) - 1);
          self->typed = 0;
        }
      else
        step (self, 1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_n:
    case GDK_KEY_N:
      step (self, 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Page_Up:
    case GDK_KEY_p:
    case GDK_KEY_P:
      step (self, -1);
      break;
    case GDK_KEY_Home:
      kasane_slide_view_set_index (self, 0);
      break;
    case GDK_KEY_End:
      kasane_slide_view_set_index (self, n > 0 ? n - 1 : 0);
      break;
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      self->blank = KASANE_SLIDE_BLANK_BLACK;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case GDK_KEY_w:
    case GDK_KEY_W:
      self->blank = KASANE_SLIDE_BLANK_WHITE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case GDK_KEY_s:
    case GDK_KEY_S:
      g_signal_emit (self, signals[SWAP_REQUESTED], 0);
      break;
    default:
      self->typed = 0;
      return FALSE;
    }
  self->typed = 0;
  return TRUE;
}

static void
pressed (GtkGestureClick *gesture,
         int              n_press,
         double           x,
         double           y,
         KasaneSlideView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->blank != KASANE_SLIDE_BLANK_NONE)
    {
      self->blank = KASANE_SLIDE_BLANK_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  step (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static gboolean
hide_pointer (gpointer data)
{
  KasaneSlideView *self = data;

  self->pointer_idle = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  return G_SOURCE_REMOVE;
}

static void
pointer_moved (GtkEventControllerMotion *motion,
               double                    x,
               double                    y,
               KasaneSlideView          *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_clear_handle_id (&self->pointer_idle, g_source_remove);
  self->pointer_idle = g_timeout_add (POINTER_IDLE_MS, hide_pointer, self);
}

static void
kasane_slide_view_dispose (GObject *object)
{
  KasaneSlideView *self = KASANE_SLIDE_VIEW (object);

  g_clear_handle_id (&self->pointer_idle, g_source_remove);
  stop_fade (self);
  g_clear_pointer (&self->deck, kasane_deck_free);
  G_OBJECT_CLASS (kasane_slide_view_parent_class)->dispose (object);
}

static void
kasane_slide_view_class_init (KasaneSlideViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KasaneChartViewClass *chart_class = KASANE_CHART_VIEW_CLASS (klass);

  object_class->dispose = kasane_slide_view_dispose;
  widget_class->snapshot = kasane_slide_view_snapshot;
  chart_class->changed = changed;

  /**
   * KasaneSlideView::exit-requested:
   *
   * Escape was pressed: the presentation should end.
   */
  signals[EXIT_REQUESTED] = g_signal_new ("exit-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /**
   * KasaneSlideView::swap-requested:
   *
   * S was pressed: the slides and the presenter console should change places.
   */
  signals[SWAP_REQUESTED] = g_signal_new ("swap-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /**
   * KasaneSlideView::slide-changed:
   *
   * Another slide is shown (kasane_slide_view_get_index()).
   */
  signals[SLIDE_CHANGED] = g_signal_new ("slide-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
kasane_slide_view_init (KasaneSlideView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the presentation */
                                  _("Slides"), -1);
}

GtkWidget *
kasane_slide_view_new (void)
{
  return g_object_new (KASANE_TYPE_SLIDE_VIEW, NULL);
}
