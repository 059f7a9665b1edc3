/* kasane-diagram-view.c: the widget that shows the Compare and Stack diagrams
 *
 * The layout is built in size_allocate and kept until the size, the data, the theme, the
 * language, the step, the zoom or the selection change; snapshot only paints it through
 * gtk_snapshot_append_cairo.  Hovering a problem highlights its whole path (chips and rail)
 * by flipping the layout's hover state, which needs no new layout.  Every pointer action
 * has a key: the arrows move between layers (Up/Down) and datasets (Left/Right), Escape
 * clears the selection.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-diagram-view"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <math.h>

#include "kasane-diagram-view.h"
#include "kasane-diagram-view-private.h"

#include "kasane-ledger.h"

struct _KasaneDiagramView
{
  KasaneChartView      parent_instance;

  GPtrArray           *datasets;          /* of KasaneDataset*, owned refs */
  KasaneDiagramKind    kind;
  int                  step;
  int                  selected_dataset;
  int                  selected_layer;
  int                  hover_dataset;
  int                  hover_problem;

  KasaneDiagramData   *data;              /* of `datasets`; NULL until first needed */
  KasaneDiagramLayout *layout;            /* NULL when stale */
  guint                n_layouts;
  guint                n_frames;          /* snapshots painted, for tests */
};

G_DEFINE_FINAL_TYPE (KasaneDiagramView, kasane_diagram_view, KASANE_TYPE_CHART_VIEW)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_STEP,
  PROP_SELECTED_DATASET,
  PROP_SELECTED_LAYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  LAYER_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


/* The base class's state, as this view reads it. */
static const char *
view_lang (KasaneDiagramView *self)
{
  return kasane_chart_view_get_lang (KASANE_CHART_VIEW (self));
}

static KasaneTheme
view_theme (KasaneDiagramView *self)
{
  return kasane_chart_view_get_effective_theme (KASANE_CHART_VIEW (self));
}

static double
view_text_scale (KasaneDiagramView *self)
{
  return kasane_chart_view_get_text_scale (KASANE_CHART_VIEW (self));
}

static KasaneMeasure *
view_measure (KasaneDiagramView *self)
{
  return kasane_chart_view_get_measure (KASANE_CHART_VIEW (self));
}

static void
invalidate (KasaneDiagramView *self)
{
  g_clear_pointer (&self->layout, kasane_diagram_layout_free);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The ledgers and rail lanes of the datasets, made once for them. */
static const KasaneDiagramData *
ensure_data (KasaneDiagramView *self)
{
  if (self->data == NULL)
    self->data = kasane_diagram_data_new ((KasaneDataset * const *) self->datasets->pdata,
                                          self->datasets->len);
  return self->data;
}

static void
update_accessible (KasaneDiagramView *self)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  GString *titles = g_string_new (NULL);
  guint n = self->datasets->len;

  if (self->kind == KASANE_DIAGRAM_STACK && n > 1)
    n = 1;
  for (guint i = 0; i < n; i++)
    {
      guint d = self->kind == KASANE_DIAGRAM_STACK && self->selected_dataset >= 0 &&
                (guint) self->selected_dataset < self->datasets->len ?
                (guint) self->selected_dataset : i;
      KasaneDataset *dataset = g_ptr_array_index (self->datasets, d);

      if (titles->len > 0)
        g_string_append (titles, g_strcmp0 (view_lang (self), "ja") == 0 ? "、" : "; ");
      g_string_append (titles, kasane_text_get (&dataset->title, view_lang (self)));
    }

  /* Translators: the accessible name of the diagram; %1$s lists the datasets' titles. */
  label = g_strdup_printf (_("Stacked-layer diagram: %1$s"), titles->str);
  g_string_free (titles, TRUE);

  if (self->kind == KASANE_DIAGRAM_STACK && self->datasets->len > 0)
    {
      guint d = self->selected_dataset >= 0 && (guint) self->selected_dataset < self->datasets->len ?
                (guint) self->selected_dataset : 0;

      description = kasane_diagram_data_describe (ensure_data (self), d, self->kind, view_lang (self));
    }
  else
    description = kasane_diagram_data_describe (ensure_data (self), 0, self->kind, view_lang (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* What the base class asks of a chart view */

static int
chart_layout_theme (KasaneChartView *chart)
{
  KasaneDiagramView *self = KASANE_DIAGRAM_VIEW (chart);

  return self->layout != NULL ? (int) self->layout->params.theme : -1;
}

static void
chart_invalidate (KasaneChartView *chart)
{
  invalidate (KASANE_DIAGRAM_VIEW (chart));
}

static void
chart_update_accessible (KasaneChartView *chart)
{
  update_accessible (KASANE_DIAGRAM_VIEW (chart));
}

/* Layout */

static void
ensure_layout (KasaneDiagramView *self,
               int                width,
               int                height)
{
  KasaneDiagramParams params;
  double floor_px;

  floor_px = kasane_chart_view_get_text_floor (KASANE_CHART_VIEW (self));
  if (self->layout != NULL &&
      self->layout->width == MAX (width, 1) && self->layout->height == MAX (height, 1) &&
      self->layout->params.min_text_px == floor_px)
    return;

  g_clear_pointer (&self->layout, kasane_diagram_layout_free);
  if (width <= 0 || height <= 0)
    return;

  kasane_diagram_params_init (&params);
  params.kind = self->kind;
  params.width = width;
  params.height = height;
  params.text_scale = view_text_scale (self);
  params.lang = view_lang (self);
  params.theme = view_theme (self);
  params.step = self->step;
  params.selected_dataset = self->selected_dataset;
  params.selected_layer = self->selected_layer;
  params.hover_dataset = self->hover_dataset;
  params.hover_problem = self->hover_problem;
  params.interactive = TRUE;
  params.min_text_px = floor_px;

  /* Size, zoom, theme, language, selection and hover all reuse the data. */
  self->layout = kasane_diagram_layout_new_for_data (ensure_data (self), &params,
                                                     view_measure (self));
  self->n_layouts++;
}

/* The layout for events: a stale one is rebuilt at the current size first, so a click
 * right after a change still lands on what it will show. */
static const KasaneDiagramLayout *
current_layout (KasaneDiagramView *self)
{
  if (self->layout == NULL)
    ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                   gtk_widget_get_height (GTK_WIDGET (self)));
  return self->layout;
}

static void
kasane_diagram_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  ensure_layout (KASANE_DIAGRAM_VIEW (widget), width, height);
}

static void
kasane_diagram_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  KasaneDiagramView *self = KASANE_DIAGRAM_VIEW (widget);
  cairo_t *cr;

  if (self->layout == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->layout->width,
                                                                  self->layout->height));
  kasane_diagram_paint (cr, self->layout, kasane_palette_get (self->layout->params.theme));
  cairo_destroy (cr);
  self->n_frames++;
}

static void
kasane_diagram_view_measure (GtkWidget      *widget,
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
      *minimum = 180;
      *natural = 720;
    }
}

/* Interaction */

static void
set_hover (KasaneDiagramView *self,
           int                dataset,
           int                problem)
{
  if (problem < 0 || dataset < 0)
    dataset = problem = -1;
  if (self->hover_dataset == dataset && self->hover_problem == problem)
    return;

  self->hover_dataset = dataset;
  self->hover_problem = problem;
  if (self->layout != NULL)
    kasane_diagram_layout_set_hover (self->layout, dataset, problem);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kasane_diagram_view_hover_at (KasaneDiagramView *self,
                              double             x,
                              double             y)
{
  const KasaneDiagramLayout *layout;
  KasaneDiagramHit hit;

  g_return_if_fail (KASANE_IS_DIAGRAM_VIEW (self));

  layout = current_layout (self);
  if (layout == NULL || !kasane_diagram_layout_hit_test (layout, x, y, &hit))
    hit.kind = KASANE_DIAGRAM_HIT_NONE;

  if (hit.kind == KASANE_DIAGRAM_HIT_PROBLEM)
    set_hover (self, hit.dataset, hit.problem);
  else
    set_hover (self, -1, -1);

  if (hit.kind == KASANE_DIAGRAM_HIT_LAYER ||
      (hit.kind == KASANE_DIAGRAM_HIT_PROBLEM && hit.layer >= 0))
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KasaneDiagramView        *self)
{
  kasane_diagram_view_hover_at (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          KasaneDiagramView        *self)
{
  set_hover (self, -1, -1);
}

static void
on_pressed (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            KasaneDiagramView *self)
{
  const KasaneDiagramLayout *layout;
  KasaneDiagramHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  layout = current_layout (self);
  if (layout == NULL)
    return;

  if (kasane_diagram_layout_hit_test (layout, x, y, &hit) && hit.layer >= 0)
    kasane_diagram_view_select_layer (self, hit.dataset, hit.layer);
  else if (hit.kind == KASANE_DIAGRAM_HIT_NONE)
    kasane_diagram_view_select_layer (self, -1, -1);
}

static guint
visible_layers (KasaneDiagramView *self,
                guint              dataset)
{
  return kasane_diagram_visible_layers (g_ptr_array_index (self->datasets, dataset), self->step);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KasaneDiagramView     *self)
{
  int d = self->selected_dataset, l = self->selected_layer;
  int n = (int) self->datasets->len;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval == GDK_KEY_Escape)
    {
      if (d < 0)
        return FALSE;
      kasane_diagram_view_select_layer (self, -1, -1);
      return TRUE;
    }

  if (keyval != GDK_KEY_Up && keyval != GDK_KEY_Down && keyval != GDK_KEY_Left &&
      keyval != GDK_KEY_Right && keyval != GDK_KEY_KP_Up && keyval != GDK_KEY_KP_Down &&
      keyval != GDK_KEY_KP_Left && keyval != GDK_KEY_KP_Right)
    return FALSE;
  if (n == 0)
    return FALSE;

  if (d < 0 || d >= n)
    {
      /* Nothing selected yet: start at L1 of the first dataset. */
      kasane_diagram_view_select_layer (self, 0, 0);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      l = MIN (l + 1, (int) visible_layers (self, d) - 1);   /* L1 is at the bottom */
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      l = MAX (l - 1, 0);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      d = MAX (d - 1, 0);
      l = MIN (l, (int) visible_layers (self, d) - 1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      d = MIN (d + 1, n - 1);
      l = MIN (l, (int) visible_layers (self, d) - 1);
      break;
    default:
      break;
    }

  kasane_diagram_view_select_layer (self, d, MAX (l, 0));
  return TRUE;
}

static gboolean
on_query_tooltip (GtkWidget         *widget,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip,
                  KasaneDiagramView *self)
{
  KasaneDiagramHit hit;
  KasaneDataset *dataset;

  if (keyboard || current_layout (self) == NULL ||
      !kasane_diagram_layout_hit_test (self->layout, x, y, &hit) ||
      hit.dataset < 0 || (guint) hit.dataset >= self->datasets->len)
    return FALSE;

  dataset = g_ptr_array_index (self->datasets, hit.dataset);
  if (hit.kind == KASANE_DIAGRAM_HIT_PROBLEM && hit.problem >= 0)
    {
      KasaneProblem *problem = g_ptr_array_index (dataset->problems, hit.problem);
      const char *description = kasane_text_get (&problem->description, view_lang (self));
      g_autofree char *text = NULL;

      if (description[0] != '\0')
        text = g_strdup_printf ("%s\n%s", kasane_text_get (&problem->label, view_lang (self)),
                                description);
      else
        text = g_strdup (kasane_text_get (&problem->label, view_lang (self)));
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  return FALSE;
}

/* Actions */

/* GObject */

static void
kasane_diagram_view_dispose (GObject *object)
{
  KasaneDiagramView *self = KASANE_DIAGRAM_VIEW (object);

  g_clear_pointer (&self->layout, kasane_diagram_layout_free);
  g_clear_pointer (&self->data, kasane_diagram_data_free);
  if (self->datasets != NULL)
    g_ptr_array_set_size (self->datasets, 0);

  G_OBJECT_CLASS (kasane_diagram_view_parent_class)->dispose (object);
}

static void
kasane_diagram_view_finalize (GObject *object)
{
  KasaneDiagramView *self = KASANE_DIAGRAM_VIEW (object);

  g_clear_pointer (&self->datasets, g_ptr_array_unref);

  G_OBJECT_CLASS (kasane_diagram_view_parent_class)->finalize (object);
}

static void
kasane_diagram_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KasaneDiagramView *self = KASANE_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;
    case PROP_SELECTED_DATASET:
      g_value_set_int (value, self->selected_dataset);
      break;
    case PROP_SELECTED_LAYER:
      g_value_set_int (value, self->selected_layer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kasane_diagram_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KasaneDiagramView *self = KASANE_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      kasane_diagram_view_set_kind (self, g_value_get_int (value));
      break;
    case PROP_STEP:
      kasane_diagram_view_set_step (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_DATASET:
      kasane_diagram_view_select_layer (self, g_value_get_int (value),
                                        MAX (self->selected_layer, 0));
      break;
    case PROP_SELECTED_LAYER:
      kasane_diagram_view_select_layer (self, MAX (self->selected_dataset, 0),
                                        g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kasane_diagram_view_class_init (KasaneDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KasaneChartViewClass *chart_class = KASANE_CHART_VIEW_CLASS (klass);

  object_class->dispose = kasane_diagram_view_dispose;
  object_class->finalize = kasane_diagram_view_finalize;
  object_class->get_property = kasane_diagram_view_get_property;
  object_class->set_property = kasane_diagram_view_set_property;

  widget_class->size_allocate = kasane_diagram_view_size_allocate;
  widget_class->snapshot = kasane_diagram_view_snapshot;
  widget_class->measure = kasane_diagram_view_measure;
  chart_class->layout_theme = chart_layout_theme;
  chart_class->invalidate = chart_invalidate;
  chart_class->update_accessible = chart_update_accessible;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, KASANE_DIAGRAM_COMPARE, KASANE_DIAGRAM_STACK,
                      KASANE_DIAGRAM_COMPARE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_DATASET] =
    g_param_spec_int ("selected-dataset", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_LAYER] =
    g_param_spec_int ("selected-layer", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KasaneDiagramView::layer-selected:
   * @dataset: index of the dataset, or -1 when the selection was cleared
   * @layer: index of the layer in that dataset (by level), or -1
   */
  signals[LAYER_SELECTED] =
    g_signal_new ("layer-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "kasane-diagram");
}

static void
kasane_diagram_view_init (KasaneDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
  self->kind = KASANE_DIAGRAM_COMPARE;
  self->step = -1;
  self->selected_dataset = -1;
  self->selected_layer = -1;
  self->hover_dataset = -1;
  self->hover_problem = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

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
kasane_diagram_view_new (void)
{
  return g_object_new (KASANE_TYPE_DIAGRAM_VIEW, NULL);
}

void
kasane_diagram_view_set_datasets (KasaneDiagramView     *self,
                                  KasaneDataset * const *datasets,
                                  guint                  n_datasets)
{
  g_return_if_fail (KASANE_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (n_datasets == 0 || datasets != NULL);

  g_ptr_array_set_size (self->datasets, 0);
  for (guint i = 0; i < n_datasets; i++)
    if (datasets[i] != NULL)
      g_ptr_array_add (self->datasets, kasane_dataset_ref (datasets[i]));
  if (!kasane_diagram_data_holds (self->data, (KasaneDataset * const *) self->datasets->pdata,
                                  self->datasets->len))
    g_clear_pointer (&self->data, kasane_diagram_data_free);

  self->hover_dataset = self->hover_problem = -1;
  kasane_diagram_view_select_layer (self, -1, -1);
  update_accessible (self);
  invalidate (self);
}

void
kasane_diagram_view_set_dataset_array (KasaneDiagramView *self,
                                       GPtrArray         *datasets)
{
  g_return_if_fail (KASANE_IS_DIAGRAM_VIEW (self));

  if (datasets == NULL)
    kasane_diagram_view_set_datasets (self, NULL, 0);
  else
    kasane_diagram_view_set_datasets (self, (KasaneDataset * const *) datasets->pdata,
                                      datasets->len);
}

guint
kasane_diagram_view_get_n_datasets (KasaneDiagramView *self)
{
  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), 0);

  return self->datasets->len;
}

void
kasane_diagram_view_set_kind (KasaneDiagramView *self,
                              KasaneDiagramKind  kind)
{
  g_return_if_fail (KASANE_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (kind == KASANE_DIAGRAM_COMPARE || kind == KASANE_DIAGRAM_STACK);

  if (self->kind == kind)
    return;
  self->kind = kind;
  update_accessible (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

KasaneDiagramKind
kasane_diagram_view_get_kind (KasaneDiagramView *self)
{
  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), KASANE_DIAGRAM_COMPARE);

  return self->kind;
}

void
kasane_diagram_view_set_step (KasaneDiagramView *self,
                              int                step)
{
  g_return_if_fail (KASANE_IS_DIAGRAM_VIEW (self));

  step = MAX (step, -1);
  if (self->step == step)
    return;
  self->step = step;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

int
kasane_diagram_view_get_step (KasaneDiagramView *self)
{
  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), -1);

  return self->step;
}

void
kasane_diagram_view_select_layer (KasaneDiagramView *self,
                                  int                dataset,
                                  int                layer)
{
  gboolean dataset_changed, layer_changed;

  g_return_if_fail (KASANE_IS_DIAGRAM_VIEW (self));

  if (dataset < 0 || (guint) dataset >= self->datasets->len)
    dataset = layer = -1;
  else
    {
      KasaneDataset *ds = g_ptr_array_index (self->datasets, dataset);

      if (layer < 0 || (guint) layer >= ds->layers->len)
        layer = -1;
    }

  dataset_changed = self->selected_dataset != dataset;
  layer_changed = self->selected_layer != layer;
  if (!dataset_changed && !layer_changed)
    return;

  self->selected_dataset = dataset;
  self->selected_layer = layer;
  if (self->kind == KASANE_DIAGRAM_STACK && dataset_changed)
    update_accessible (self);
  invalidate (self);

  if (dataset_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DATASET]);
  if (layer_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LAYER]);
  g_signal_emit (self, signals[LAYER_SELECTED], 0, dataset, layer);
}

int
kasane_diagram_view_get_selected_dataset (KasaneDiagramView *self)
{
  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), -1);

  return self->selected_dataset;
}

int
kasane_diagram_view_get_selected_layer (KasaneDiagramView *self)
{
  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), -1);

  return self->selected_layer;
}

/* Private, for tests */

guint
kasane_diagram_view_get_n_layouts (KasaneDiagramView *self)
{
  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), 0);

  return self->n_layouts;
}

guint
kasane_diagram_view_get_n_frames (KasaneDiagramView *self)
{
  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), 0);

  return self->n_frames;
}

const KasaneDiagramLayout *
kasane_diagram_view_get_layout (KasaneDiagramView *self)
{
  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), NULL);

  return self->layout;
}

void
kasane_diagram_view_get_hover (KasaneDiagramView *self,
                               int               *dataset,
                               int               *problem)
{
  g_return_if_fail (KASANE_IS_DIAGRAM_VIEW (self));

  if (dataset != NULL)
    *dataset = self->hover_dataset;
  if (problem != NULL)
    *problem = self->hover_problem;
}

/**
 * kasane_diagram_view_get_render_request:
 *
 * What the view shows, as export draws it: its datasets, kind, language, theme in
 * effect, size, zoom, step and selection (hover is not part of the picture).
 *
 * Returns: (transfer full): a new request
 */
KasaneRenderRequest *
kasane_diagram_view_get_render_request (KasaneDiagramView *self)
{
  KasaneRenderRequest *request;

  g_return_val_if_fail (KASANE_IS_DIAGRAM_VIEW (self), NULL);

  request = kasane_render_request_new (self->kind == KASANE_DIAGRAM_STACK ? KASANE_CHART_STACK
                                                                          : KASANE_CHART_COMPARE,
                                       (KasaneDataset * const *) self->datasets->pdata,
                                       self->datasets->len);
  g_free (request->lang);
  request->lang = g_strdup (g_strcmp0 (view_lang (self), "ja") == 0 ? "ja" : "en");
  request->theme = view_theme (self);
  request->width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  request->height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  request->text_scale = view_text_scale (self);
  request->min_text_px = self->layout != NULL ? self->layout->params.min_text_px
                                              : kasane_chart_view_get_text_floor (KASANE_CHART_VIEW (self));
  request->step = self->step;
  request->selected_dataset = self->selected_dataset;
  request->selected_layer = self->selected_layer;
  return request;
}
