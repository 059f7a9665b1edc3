/* kasane-clamp.c: a container that keeps its child at most so wide, centred
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kasane-clamp.h"

struct _KasaneClamp
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        maximum_width;
};

G_DEFINE_FINAL_TYPE (KasaneClamp, kasane_clamp, GTK_TYPE_WIDGET)

static void
kasane_clamp_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  KasaneClamp *self = KASANE_CLAMP (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > self->maximum_width)
    for_size = self->maximum_width;

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, self->maximum_width));
}

static void
kasane_clamp_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  KasaneClamp *self = KASANE_CLAMP (widget);
  int minimum, child_width;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  child_width = MAX (minimum, MIN (width, self->maximum_width));

  gtk_widget_size_allocate (self->child,
                            &(GtkAllocation) { MAX (0, (width - child_width) / 2), 0,
                                               child_width, height },
                            -1);
}

static GtkSizeRequestMode
kasane_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kasane_clamp_dispose (GObject *object)
{
  KasaneClamp *self = KASANE_CLAMP (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (kasane_clamp_parent_class)->dispose (object);
}

static void
kasane_clamp_class_init (KasaneClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kasane_clamp_dispose;
  widget_class->measure = kasane_clamp_measure;
  widget_class->size_allocate = kasane_clamp_size_allocate;
  widget_class->get_request_mode = kasane_clamp_get_request_mode;
}

static void
kasane_clamp_init (KasaneClamp *self)
{
}

GtkWidget *
kasane_clamp_new (GtkWidget *child,
                  int        maximum_width)
{
  KasaneClamp *self;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (maximum_width > 0, NULL);

  self = g_object_new (KASANE_TYPE_CLAMP, NULL);
  self->child = child;
  self->maximum_width = maximum_width;
  gtk_widget_set_parent (child, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}
