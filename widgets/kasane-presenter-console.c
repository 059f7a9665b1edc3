/* kasane-presenter-console.c: what the presenter sees while the audience sees the slides
 *
 * The slide on screen, large; the next one, smaller; the notes for this slide (a layer's
 * speaker notes, else its dataset's notes); the time of day and the time since the
 * presentation began, and "Slide n of N".  The two slide pictures are slide views of
 * their own (the same renderer as the audience's), which take no keys: the window that
 * holds the console passes its keys to the audience's slides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-console"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-deck.h"
#include "kasane-presenter-console.h"
#include "kasane-slide-view.h"

struct _KasanePresenterConsole
{
  GtkWidget   parent_instance;

  GtkWidget  *grid;
  GtkWidget  *current;      /* KasaneSlideView */
  GtkWidget  *next;         /* KasaneSlideView */
  GtkLabel   *position;
  GtkLabel   *clock;
  GtkLabel   *elapsed;
  GtkLabel   *notes;
  char       *lang;
  gint64      started;      /* monotonic µs */
  guint       tick;         /* the clock's second timer */
};

G_DEFINE_FINAL_TYPE (KasanePresenterConsole, kasane_presenter_console, GTK_TYPE_WIDGET)

static void
update_clock (KasanePresenterConsole *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time_of_day = g_date_time_format (now, "%H:%M");
  gint64 seconds = self->started > 0 ? (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC : 0;
  g_autofree char *elapsed = g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                                              (int) (seconds / 60 % 60), (int) (seconds % 60));

  gtk_label_set_text (self->clock, time_of_day);
  gtk_label_set_text (self->elapsed, elapsed);
}

static gboolean
tick_cb (gpointer data)
{
  update_clock (data);
  return G_SOURCE_CONTINUE;
}

void
kasane_presenter_console_show_slide (KasanePresenterConsole *self,
                                     guint                   index)
{
  KasaneDeck *deck;
  guint n;
  g_autofree char *position = NULL;
  g_autofree char *notes = NULL;

  g_return_if_fail (KASANE_IS_PRESENTER_CONSOLE (self));

  deck = kasane_slide_view_get_deck (KASANE_SLIDE_VIEW (self->current));
  n = deck != NULL ? kasane_deck_get_n_slides (deck) : 0;
  if (n == 0)
    return;
  index = MIN (index, n - 1);
  kasane_slide_view_set_index (KASANE_SLIDE_VIEW (self->current), index);
  gtk_widget_set_visible (self->next, index + 1 < n);
  if (index + 1 < n)
    kasane_slide_view_set_index (KASANE_SLIDE_VIEW (self->next), index + 1);
  /* Translators: the presenter console's position: %1$u the slide, %2$u how many */
  position = g_strdup_printf (_("Slide %1$u of %2$u"), index + 1, n);
  gtk_label_set_text (self->position, position);
  notes = kasane_deck_get_notes (deck, index, self->lang);
  /* Translators: the presenter console when a slide has no notes */
  gtk_label_set_text (self->notes, *notes != '\0' ? notes : _("No notes for this slide"));
}

guint
kasane_presenter_console_get_index (KasanePresenterConsole *self)
{
  g_return_val_if_fail (KASANE_IS_PRESENTER_CONSOLE (self), 0);
  return kasane_slide_view_get_index (KASANE_SLIDE_VIEW (self->current));
}

const char *
kasane_presenter_console_get_notes (KasanePresenterConsole *self)
{
  g_return_val_if_fail (KASANE_IS_PRESENTER_CONSOLE (self), NULL);
  return gtk_label_get_text (self->notes);
}

void
kasane_presenter_console_start (KasanePresenterConsole *self,
                                KasaneDataset * const  *datasets,
                                guint                   n_datasets,
                                const char             *lang,
                                const char             *theme)
{
  GtkWidget *views[] = { self->current, self->next };

  g_return_if_fail (KASANE_IS_PRESENTER_CONSOLE (self));

  g_free (self->lang);
  self->lang = g_strdup (lang);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      kasane_chart_view_set_lang (KASANE_CHART_VIEW (views[i]), lang);
      kasane_chart_view_set_theme (KASANE_CHART_VIEW (views[i]), theme);
      kasane_slide_view_set_deck (KASANE_SLIDE_VIEW (views[i]),
                                  kasane_deck_new (datasets, n_datasets));
    }
  self->started = g_get_monotonic_time ();
  update_clock (self);
  if (self->tick == 0)
    self->tick = g_timeout_add_seconds (1, tick_cb, self);
  kasane_presenter_console_show_slide (self, 0);
}

static GtkLabel *
new_label (const char *css_class,
           float       xalign)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "xalign", xalign, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

/* A slide picture that takes no keys and no clicks: the audience's slides have those. */
static GtkWidget *
new_preview (void)
{
  GtkWidget *view = kasane_slide_view_new ();

  gtk_widget_set_focusable (view, FALSE);
  gtk_widget_set_can_target (view, FALSE);
  gtk_widget_add_css_class (view, "card");
  return view;
}

static void
kasane_presenter_console_dispose (GObject *object)
{
  KasanePresenterConsole *self = KASANE_PRESENTER_CONSOLE (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->lang, g_free);
  G_OBJECT_CLASS (kasane_presenter_console_parent_class)->dispose (object);
}

static void
kasane_presenter_console_class_init (KasanePresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kasane_presenter_console_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "presenterconsole");
}

static void
kasane_presenter_console_init (KasanePresenterConsole *self)
{
  GtkWidget *side, *next_head, *notes_head, *scroller, *times;

  self->grid = g_object_new (GTK_TYPE_GRID,
                             "row-spacing", 18,
                             "column-spacing", 24,
                             "margin-top", 24,
                             "margin-bottom", 24,
                             "margin-start", 24,
                             "margin-end", 24,
                             NULL);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  self->position = new_label ("title-1", 0.0f);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->position), 0, 0, 1, 1);
  times = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_widget_set_halign (times, GTK_ALIGN_END);
  self->clock = new_label ("title-1", 1.0f);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clock),
                               /* Translators: tooltip of the console's clock */
                               _("Time of day"));
  self->elapsed = new_label ("title-1", 1.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->elapsed), "numeric");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->elapsed),
                               /* Translators: tooltip of the console's timer */
                               _("Time since the presentation began"));
  gtk_box_append (GTK_BOX (times), GTK_WIDGET (self->clock));
  gtk_box_append (GTK_BOX (times), GTK_WIDGET (self->elapsed));
  gtk_grid_attach (GTK_GRID (self->grid), times, 1, 0, 1, 1);

  self->current = new_preview ();
  gtk_widget_set_hexpand (self->current, TRUE);
  gtk_widget_set_vexpand (self->current, TRUE);
  gtk_widget_set_size_request (self->current, 480, 270);
  gtk_grid_attach (GTK_GRID (self->grid), self->current, 0, 1, 1, 1);

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_size_request (side, 360, -1);
  /* Translators: heading over the next slide in the presenter console */
  next_head = GTK_WIDGET (new_label ("heading", 0.0f));
  gtk_label_set_text (GTK_LABEL (next_head), _("Next"));
  gtk_box_append (GTK_BOX (side), next_head);
  self->next = new_preview ();
  gtk_widget_set_size_request (self->next, 360, 203);
  gtk_box_append (GTK_BOX (side), self->next);
  /* Translators: heading over the presenter's notes */
  notes_head = GTK_WIDGET (new_label ("heading", 0.0f));
  gtk_label_set_text (GTK_LABEL (notes_head), _("Notes"));
  gtk_box_append (GTK_BOX (side), notes_head);
  self->notes = new_label (NULL, 0.0f);
  gtk_label_set_wrap (self->notes, TRUE);
  gtk_label_set_yalign (self->notes, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->notes), "title-4");
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "vexpand", TRUE,
                           "child", self->notes,
                           NULL);
  gtk_box_append (GTK_BOX (side), scroller);
  gtk_grid_attach (GTK_GRID (self->grid), side, 1, 1, 1, 1);
}

GtkWidget *
kasane_presenter_console_new (void)
{
  return g_object_new (KASANE_TYPE_PRESENTER_CONSOLE, NULL);
}
