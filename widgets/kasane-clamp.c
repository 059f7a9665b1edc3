/* kasane-clamp.c: a container that keeps its child at most so wide, centred
 *
 * The most is a width in pixels, or (KASANE_CLAMP_NATURAL) the child's own natural
 * width: a column of wrapping labels at the measure their max-width-chars gives.
 * Neither halign = CENTER nor expanding spacers in a box do this: GTK asks a wrapping
 * label for its width at a given height, and a label answers with its unwrapped width.
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

/* The widest the child may be. */
static int
limit (KasaneClamp *self)
{
  int natural;

  if (self->maximum_width != KASANE_CLAMP_NATURAL)
    return self->maximum_width;
  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

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

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > limit (self))
    for_size = limit (self);

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, limit (self)));
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
  child_width = MAX (minimum, MIN (width, limit (self)));

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
  g_return_val_if_fail (maximum_width > 0 || maximum_width == KASANE_CLAMP_NATURAL, NULL);

  self = g_object_new (KASANE_TYPE_CLAMP, NULL);
  self->child = child;
  self->maximum_width = maximum_width;
  gtk_widget_set_parent (child, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}
