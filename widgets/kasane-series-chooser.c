/* kasane-series-chooser.c: the Trend view's Series button, every series one click away
 *
 * The Trend view opens with a dataset's featured series, one message per panel; the
 * others stay one click away here: a check button per series of the dataset, in file
 * order, ticked for the ones the chart shows.  Ticking or unticking one charts the ticked
 * ones (in file order); the last one cannot be unticked.  The list is built each time the
 * popover opens, so it always follows the view's dataset and choice.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-series-chooser"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-series-chooser.h"

#include "kasane-trend.h"

#define VIEW_KEY "kasane-series-chooser-view"

/* Whether the view's chart shows `series`. */
static gboolean
is_charted (KasaneTrendView    *view,
            KasaneDataset      *dataset,
            const KasaneSeries *series)
{
  const char * const *ids = kasane_trend_view_get_series (view);

  if (ids == NULL)
    return kasane_dataset_series_shown_by_default (dataset, series);
  return g_strv_contains (ids, series->id);
}

static void
toggled_cb (GtkCheckButton *button,
            GtkWidget      *box)
{
  KasaneTrendView *view = g_object_get_data (G_OBJECT (box), VIEW_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      {
        g_strv_builder_add (builder, gtk_widget_get_name (child));
        n++;
      }
  /* A chart of nothing says nothing: the last one stays. */
  if (n == 0)
    {
      gtk_check_button_set_active (button, TRUE);
      return;
    }
  ids = g_strv_builder_end (builder);
  kasane_trend_view_set_series (view, (const char * const *) ids);
}

static void
fill (GtkPopover      *popover,
      KasaneTrendView *view)
{
  KasaneDataset *dataset = kasane_trend_view_get_dataset (view);
  const char *lang = kasane_chart_view_get_lang (KASANE_CHART_VIEW (view));
  GtkWidget *box, *scrolled;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_object_set_data (G_OBJECT (box), VIEW_KEY, view);
  for (guint i = 0; dataset != NULL && i < dataset->series->len; i++)
    {
      KasaneSeries *series = g_ptr_array_index (dataset->series, i);
      GtkWidget *check = gtk_check_button_new_with_label (kasane_text_get (&series->name, lang));
      GtkWidget *label = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
        }
      /* The id rides on the widget's name: the list is rebuilt on each opening. */
      gtk_widget_set_name (check, series->id);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_charted (view, dataset, series));
      g_signal_connect (check, "toggled", G_CALLBACK (toggled_cb), box);
      gtk_box_append (GTK_BOX (box), check);
    }
  if (dataset == NULL || dataset->series->len == 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("This dataset has no series")));

  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "propagate-natural-width", TRUE,
                           "max-content-height", 480,
                           "child", box,
                           NULL);
  gtk_popover_set_child (popover, scrolled);
}

/* Built as the popover opens: the view's dataset and choice of that moment. */
static void
show_cb (GtkPopover      *popover,
         KasaneTrendView *view)
{
  fill (popover, view);
}

GtkWidget *
kasane_series_chooser_new (KasaneTrendView *view)
{
  GtkWidget *button;
  GtkWidget *popover = gtk_popover_new ();

  g_return_val_if_fail (KASANE_IS_TREND_VIEW (view), NULL);

  g_signal_connect_object (popover, "show", G_CALLBACK (show_cb), view, 0);
  button = g_object_new (GTK_TYPE_MENU_BUTTON,
                         /* Translators: the Trend view's button that lists every series */
                         "label", _("_Series"),
                         "use-underline", TRUE,
                         "tooltip-text", _("Choose the series the chart shows"),
                         "popover", popover,
                         NULL);
  return button;
}
