/* test-diagram-view.c: the KasaneDiagramView widget, under Xvfb
 *
 * Role and description for assistive technology, keyboard navigation between layers and
 * datasets, hover highlighting a problem's path without a new layout, clicks selecting a
 * layer, and the layout cache: built in size_allocate, kept across plain redraws, rebuilt
 * when size, language, zoom or selection change.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "kasane-diagram-view.h"
#include "kasane-robustness.h"
#include "kasane-diagram-view-private.h"
#include "kasane-loader.h"
#include "kasane-ledger-private.h"
#include "kasane-test-util.h"

static KasaneDataset *datasets[2];

static const KasaneDiagramLayout *
wait_for_layout (KasaneDiagramView *view)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (kasane_diagram_view_get_layout (view) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (kasane_diagram_view_get_layout (view));
  /* Let the frame finish painting. */
  kasane_test_iterate (50);
  return kasane_diagram_view_get_layout (view);
}

typedef struct
{
  GtkWidget         *window;
  KasaneDiagramView *view;
  int                n_selected;
  int                last_dataset;
  int                last_layer;
} Fixture;

static void
on_layer_selected (KasaneDiagramView *view,
                   int                dataset,
                   int                layer,
                   Fixture           *f)
{
  f->n_selected++;
  f->last_dataset = dataset;
  f->last_layer = layer;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  f->view = KASANE_DIAGRAM_VIEW (kasane_diagram_view_new ());
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (f->view), "light");
  kasane_diagram_view_set_datasets (f->view, datasets, 2);
  g_signal_connect (f->view, "layer-selected", G_CALLBACK (on_layer_selected), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  /* Xvfb's pointer may sit over the window and hover on its own: the tests drive the
   * controllers themselves, so real pointer events are kept out. */
  gtk_widget_set_can_target (GTK_WIDGET (f->view), FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_layout (f->view);
  f->n_selected = 0;
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
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget keeps its own reference */
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
press_key (Fixture *f,
           guint    keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (f->view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *en = kasane_diagram_describe (datasets, 2, KASANE_DIAGRAM_COMPARE, "en");
  g_autofree char *ja = kasane_diagram_describe (datasets, 2, KASANE_DIAGRAM_COMPARE, "ja");

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (f->view),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, en);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));

  /* The description follows the language and the data. */
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "ja");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, ja);
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "en");
  kasane_diagram_view_set_datasets (f->view, datasets + 1, 1);
  {
    g_autofree char *one = kasane_diagram_describe (datasets + 1, 1, KASANE_DIAGRAM_COMPARE, "en");

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, one);
  }
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (f->view), ==, -1);

  /* Escape with nothing selected is not ours. */
  g_assert_false (press_key (f, GDK_KEY_Escape));

  /* The first arrow selects L1 of the first dataset. */
  g_assert_true (press_key (f, GDK_KEY_Up));
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (f->view), ==, 0);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (f->view), ==, 0);
  g_assert_cmpint (f->n_selected, ==, 1);

  /* Up goes up the stack (L1 is at the bottom) and stops at the top. */
  press_key (f, GDK_KEY_Up);
  press_key (f, GDK_KEY_Up);
  press_key (f, GDK_KEY_Up);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (f->view), ==, 2);
  g_assert_cmpint (f->n_selected, ==, 3);   /* no signal when nothing changed */

  press_key (f, GDK_KEY_Down);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (f->view), ==, 1);

  /* Right moves to the other dataset, same layer. */
  press_key (f, GDK_KEY_Right);
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (f->view), ==, 1);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (f->view), ==, 1);
  g_assert_cmpint (f->last_dataset, ==, 1);
  g_assert_cmpint (f->last_layer, ==, 1);
  press_key (f, GDK_KEY_Right);
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (f->view), ==, 1);
  press_key (f, GDK_KEY_Left);
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (f->view), ==, 0);

  /* The selection shows in the layout: the selected card has the accent border. */
  {
    const KasaneDiagramLayout *layout = wait_for_layout (f->view);
    gboolean found = FALSE;

    for (guint i = 0; i < layout->boxes->len; i++)
      {
        const KasaneDiagramBox *b = &g_array_index (layout->boxes, KasaneDiagramBox, i);

        if (b->kind == KASANE_BOX_CARD && b->dataset == 0 && b->layer == 1)
          {
            g_assert_cmpint (b->stroke, ==, KASANE_ROLE_ACCENT);
            found = TRUE;
          }
        else if (b->kind == KASANE_BOX_CARD)
          g_assert_cmpint (b->stroke, !=, KASANE_ROLE_ACCENT);
      }
    g_assert_true (found);
  }

  g_assert_true (press_key (f, GDK_KEY_Escape));
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (f->view), ==, -1);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (f->view), ==, -1);
  g_assert_cmpint (f->last_dataset, ==, -1);

  /* Other keys pass through. */
  g_assert_false (press_key (f, GDK_KEY_a));
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  const KasaneDiagramLayout *layout = wait_for_layout (f->view);
  guint n_layouts = kasane_diagram_view_get_n_layouts (f->view);
  const KasaneDiagramBox *chip = NULL;
  int dataset, problem;

  for (guint i = 0; i < layout->boxes->len && chip == NULL; i++)
    {
      const KasaneDiagramBox *b = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (b->kind == KASANE_BOX_CHIP && !b->legend && b->dataset == 1)
        chip = b;
    }
  g_assert_nonnull (chip);

  kasane_diagram_view_hover_at (f->view, chip->rect.x + chip->rect.width / 2,
                                chip->rect.y + chip->rect.height / 2);
  kasane_diagram_view_get_hover (f->view, &dataset, &problem);
  g_assert_cmpint (dataset, ==, 1);
  g_assert_cmpint (problem, ==, chip->problem);
  g_assert_cmpint (layout->hover_dataset, ==, 1);
  g_assert_cmpint (layout->hover_problem, ==, chip->problem);

  /* The whole path is highlighted: a rail of the same problem exists. */
  {
    gboolean rail = FALSE;

    for (guint i = 0; i < layout->rails->len; i++)
      {
        const KasaneDiagramRail *r = &g_array_index (layout->rails, KasaneDiagramRail, i);

        if (r->dataset == 1 && r->problem == chip->problem)
          rail = TRUE;
      }
    g_assert_true (rail);
  }

  kasane_test_iterate (50);
  /* Hover repaints; it does not lay out again. */
  g_assert_cmpuint (kasane_diagram_view_get_n_layouts (f->view), ==, n_layouts);
  g_assert_true (kasane_diagram_view_get_layout (f->view) == layout);

  kasane_diagram_view_hover_at (f->view, 1, 1);
  kasane_diagram_view_get_hover (f->view, &dataset, &problem);
  g_assert_cmpint (problem, ==, -1);
  g_assert_cmpint (layout->hover_problem, ==, -1);
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  const KasaneDiagramLayout *layout = wait_for_layout (f->view);
  GtkEventController *click = find_controller (GTK_WIDGET (f->view), GTK_TYPE_GESTURE_CLICK);
  const KasaneDiagramBox *card = NULL;

  for (guint i = 0; i < layout->boxes->len && card == NULL; i++)
    {
      const KasaneDiagramBox *b = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (b->kind == KASANE_BOX_CARD && b->dataset == 1 && b->layer == 2)
        card = b;
    }
  g_assert_nonnull (card);

  g_signal_emit_by_name (click, "pressed", 1, card->rect.x + card->rect.width - 4,
                         card->rect.y + card->rect.height - 4);
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (f->view), ==, 1);
  g_assert_cmpint (kasane_diagram_view_get_selected_layer (f->view), ==, 2);
  g_assert_cmpint (f->n_selected, ==, 1);

  /* A click on empty space clears. */
  g_signal_emit_by_name (click, "pressed", 1, 2.0, 2.0);
  g_assert_cmpint (kasane_diagram_view_get_selected_dataset (f->view), ==, -1);
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  const KasaneDiagramLayout *layout = wait_for_layout (f->view);
  guint n = kasane_diagram_view_get_n_layouts (f->view);
  guint frames = kasane_diagram_view_get_n_frames (f->view);

  /* An unrelated redraw paints a frame and keeps the layout. */
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  {
    gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (kasane_diagram_view_get_n_frames (f->view) == frames &&
           g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (kasane_diagram_view_get_n_frames (f->view), >, frames);
  g_assert_cmpuint (kasane_diagram_view_get_n_layouts (f->view), ==, n);
  g_assert_true (kasane_diagram_view_get_layout (f->view) == layout);

  /* Setting the same values changes nothing. */
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "en");
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (f->view), "light");
  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (f->view), 1.0);
  kasane_test_iterate (30);
  g_assert_cmpuint (kasane_diagram_view_get_n_layouts (f->view), ==, n);

  /* Language, zoom, kind, theme: a new layout each. */
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "ja");
  g_assert_null (kasane_diagram_view_get_layout (f->view));
  layout = wait_for_layout (f->view);
  g_assert_cmpuint (kasane_diagram_view_get_n_layouts (f->view), ==, n + 1);
  g_assert_cmpstr (layout->params.lang, ==, "ja");

  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (f->view), 1.2);
  g_assert_cmpfloat (kasane_chart_view_get_zoom (KASANE_CHART_VIEW (f->view)), >, 1.0);
  layout = wait_for_layout (f->view);
  g_assert_cmpuint (kasane_diagram_view_get_n_layouts (f->view), ==, n + 2);
  g_assert_cmpfloat (layout->params.text_scale, >, 1.0);
  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (f->view), 1.0);
  g_assert_cmpfloat (kasane_chart_view_get_zoom (KASANE_CHART_VIEW (f->view)), ==, 1.0);
  wait_for_layout (f->view);

  kasane_diagram_view_set_kind (f->view, KASANE_DIAGRAM_STACK);
  layout = wait_for_layout (f->view);
  g_assert_cmpint (layout->params.kind, ==, KASANE_DIAGRAM_STACK);

  kasane_chart_view_set_theme (KASANE_CHART_VIEW (f->view), "contrast");
  layout = wait_for_layout (f->view);
  g_assert_cmpint (layout->params.theme, ==, KASANE_THEME_CONTRAST);
  g_assert_cmpint (kasane_chart_view_get_effective_theme (KASANE_CHART_VIEW (f->view)), ==, KASANE_THEME_CONTRAST);

  /* A new size: a new layout at that size. */
  n = kasane_diagram_view_get_n_layouts (f->view);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 960, 540);
  {
    gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end &&
           (kasane_diagram_view_get_layout (f->view) == NULL ||
            kasane_diagram_view_get_layout (f->view)->width > 1000))
      g_main_context_iteration (NULL, TRUE);
  }
  layout = wait_for_layout (f->view);
  g_assert_cmpfloat (layout->width, <=, 1000);
  g_assert_cmpuint (kasane_diagram_view_get_n_layouts (f->view), >, n);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  guint zoom = 0, lang = 0;

  g_signal_connect (f->view, "notify::zoom", G_CALLBACK (count_notify), &zoom);
  g_signal_connect (f->view, "notify::lang", G_CALLBACK (count_notify), &lang);

  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (f->view), 1.0);
  g_assert_cmpuint (zoom, ==, 0);
  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (f->view), 2.0);
  g_assert_cmpuint (zoom, ==, 1);
  g_object_set (f->view, "zoom", 2.0, NULL);
  g_assert_cmpuint (zoom, ==, 1);
  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (f->view), 100.0);   /* clamped */
  g_assert_cmpfloat (kasane_chart_view_get_zoom (KASANE_CHART_VIEW (f->view)), ==, KASANE_CHART_VIEW_ZOOM_MAX);
  g_assert_cmpuint (zoom, ==, 2);

  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "ja");
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "ja");
  g_assert_cmpuint (lang, ==, 1);
  g_assert_cmpstr (kasane_chart_view_get_lang (KASANE_CHART_VIEW (f->view)), ==, "ja");

  /* The desktop's text scaling multiplies the zoom. */
  g_assert_cmpfloat (kasane_chart_view_get_text_scale (KASANE_CHART_VIEW (f->view)), >=,
                     KASANE_CHART_VIEW_ZOOM_MAX * 0.5);
  g_assert_cmpstr (kasane_chart_view_get_theme (KASANE_CHART_VIEW (f->view)), ==, "light");
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (f->view), "bogus");
  g_assert_cmpstr (kasane_chart_view_get_theme (KASANE_CHART_VIEW (f->view)), ==, "system");
}

/* The ledger is data: computed once per set of datasets, not per layout, fit try, size
 * or hover. */
static void
test_ledger_computed_once (Fixture       *f,
                           gconstpointer  data)
{
  const KasaneDiagramLayout *layout = wait_for_layout (f->view);
  guint computed = kasane_ledger_get_compute_count ();
  guint layouts = kasane_diagram_view_get_n_layouts (f->view);

  /* A new size: a new layout (with its fit search), no new ledger. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 560);
  {
    gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end &&
           (kasane_diagram_view_get_layout (f->view) == NULL ||
            kasane_diagram_view_get_layout (f->view)->width > 1100))
      g_main_context_iteration (NULL, TRUE);
  }
  layout = wait_for_layout (f->view);
  g_assert_cmpfloat (layout->width, <=, 1100);
  g_assert_cmpuint (kasane_diagram_view_get_n_layouts (f->view), >, layouts);

  /* Hover, zoom, language and theme: none recomputes it. */
  kasane_diagram_view_hover_at (f->view, layout->width / 2, layout->height / 2);
  kasane_chart_view_set_zoom (KASANE_CHART_VIEW (f->view), 1.2);
  wait_for_layout (f->view);
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (f->view), "ja");
  wait_for_layout (f->view);
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (f->view), "dark");
  wait_for_layout (f->view);
  g_assert_cmpuint (kasane_ledger_get_compute_count (), ==, computed);

  /* New datasets: one ledger each, and the robustness beside each badge: its own
   * ledger and one per single change it tries. */
  kasane_diagram_view_set_datasets (f->view, datasets, 2);
  g_assert_cmpuint (kasane_ledger_get_compute_count (), ==, computed);
  {
    g_autoptr(KasaneRobustness) r0 = kasane_robustness_compute (datasets[0]);
    g_autoptr(KasaneRobustness) r1 = kasane_robustness_compute (datasets[1]);

    computed = kasane_ledger_get_compute_count () + 2 + 2 + r0->n_changes + r1->n_changes;
  }
  kasane_diagram_view_set_datasets (f->view, (KasaneDataset *[]) { datasets[1], datasets[0] },
                                    2);
  wait_for_layout (f->view);
  g_assert_cmpuint (kasane_ledger_get_compute_count (), ==, computed);
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

  datasets[0] = kasane_test_load_bundled ("ai.json");
  datasets[1] = kasane_test_load_bundled ("crypto.json");

  g_test_add ("/diagram-view/accessible", Fixture, NULL, fixture_set_up, test_accessible,
              fixture_tear_down);
  g_test_add ("/diagram-view/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/diagram-view/hover", Fixture, NULL, fixture_set_up, test_hover,
              fixture_tear_down);
  g_test_add ("/diagram-view/click", Fixture, NULL, fixture_set_up, test_click,
              fixture_tear_down);
  g_test_add ("/diagram-view/cache", Fixture, NULL, fixture_set_up, test_cache,
              fixture_tear_down);
  g_test_add ("/diagram-view/ledger-computed-once", Fixture, NULL, fixture_set_up,
              test_ledger_computed_once, fixture_tear_down);
  g_test_add ("/diagram-view/properties", Fixture, NULL, fixture_set_up, test_properties,
              fixture_tear_down);

  ret = g_test_run ();

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
  return ret;
}
