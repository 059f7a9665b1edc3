/* kasane-view-switcher.c: the header bar's view switcher, labelled when it fits
 *
 * It asks for its labelled width as its natural width and for nothing (labelled) or its
 * icons' width (compact) as its minimum.  Given less than the labelled width it turns
 * compact, given that much again it shows the labels; the change waits for the next
 * frame, outside the allocation that asked for it.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kasane-view-switcher.h"

struct _KasaneViewSwitcher
{
  GtkWidget  parent_instance;

  GtkWidget *switcher;          /* GtkStackSwitcher */
  GtkStack  *stack;
  int        labelled_width;    /* natural width with titles, measured while they show */
  gboolean   compact;
  guint      idle;
};

G_DEFINE_FINAL_TYPE (KasaneViewSwitcher, kasane_view_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The icon of each view, shown when compact. */
static const struct
{
  const char *name;
  const char *icon_name;
} view_icons[] = {
  { "compare", "view-dual-symbolic" },
  { "stack", "view-paged-symbolic" },
  { "trend", "x-office-presentation-symbolic" },
  { "ledger", "x-office-spreadsheet-symbolic" },
  { "explain", "help-contents-symbolic" },
};

static void
set_compact (KasaneViewSwitcher *self,
             gboolean            compact)
{
  self->compact = compact;
  if (self->stack == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (view_icons); i++)
    {
      GtkWidget *child = gtk_stack_get_child_by_name (self->stack, view_icons[i].name);

      if (child != NULL)
        g_object_set (gtk_stack_get_page (self->stack, child),
                      "icon-name", compact ? view_icons[i].icon_name : NULL,
                      NULL);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
idle_cb (gpointer data)
{
  KasaneViewSwitcher *self = data;

  self->idle = 0;
  set_compact (self, !self->compact);
  return G_SOURCE_REMOVE;
}

static void
kasane_view_switcher_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  KasaneViewSwitcher *self = KASANE_VIEW_SWITCHER (widget);

  gtk_widget_measure (self->switcher, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_HORIZONTAL)
    return;

  if (!self->compact)
    {
      self->labelled_width = *natural;
      *minimum = 0;
    }
  else
    *natural = MAX (*natural, self->labelled_width);
}

static void
kasane_view_switcher_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  KasaneViewSwitcher *self = KASANE_VIEW_SWITCHER (widget);
  int minimum, natural, child_width;
  gboolean compact = width < self->labelled_width;

  gtk_widget_measure (self->switcher, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  /* Centred; while the labels still show in too little room, clipped for one frame. */
  child_width = MAX (minimum, MIN (width, natural));
  gtk_widget_size_allocate (self->switcher,
                            &(GtkAllocation) { (width - child_width) / 2, 0, child_width, height },
                            baseline);

  if (compact != self->compact && self->idle == 0)
    self->idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, idle_cb, self, NULL);
}

static void
kasane_view_switcher_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KasaneViewSwitcher *self = KASANE_VIEW_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kasane_view_switcher_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KasaneViewSwitcher *self = KASANE_VIEW_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      kasane_view_switcher_set_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kasane_view_switcher_dispose (GObject *object)
{
  KasaneViewSwitcher *self = KASANE_VIEW_SWITCHER (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  g_clear_pointer (&self->switcher, gtk_widget_unparent);
  g_clear_object (&self->stack);

  G_OBJECT_CLASS (kasane_view_switcher_parent_class)->dispose (object);
}

static void
kasane_view_switcher_class_init (KasaneViewSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kasane_view_switcher_get_property;
  object_class->set_property = kasane_view_switcher_set_property;
  object_class->dispose = kasane_view_switcher_dispose;
  widget_class->measure = kasane_view_switcher_measure;
  widget_class->size_allocate = kasane_view_switcher_size_allocate;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, GTK_TYPE_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kasane-view-switcher");
}

static void
kasane_view_switcher_init (KasaneViewSwitcher *self)
{
  self->switcher = gtk_stack_switcher_new ();
  gtk_widget_set_parent (self->switcher, GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

void
kasane_view_switcher_set_stack (KasaneViewSwitcher *self,
                                GtkStack           *stack)
{
  g_return_if_fail (KASANE_IS_VIEW_SWITCHER (self));
  g_return_if_fail (stack == NULL || GTK_IS_STACK (stack));

  if (!g_set_object (&self->stack, stack))
    return;
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (self->switcher), stack);
  set_compact (self, self->compact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

GtkStack *
kasane_view_switcher_get_stack (KasaneViewSwitcher *self)
{
  g_return_val_if_fail (KASANE_IS_VIEW_SWITCHER (self), NULL);
  return self->stack;
}

gboolean
kasane_view_switcher_get_compact (KasaneViewSwitcher *self)
{
  g_return_val_if_fail (KASANE_IS_VIEW_SWITCHER (self), FALSE);
  return self->compact;
}
