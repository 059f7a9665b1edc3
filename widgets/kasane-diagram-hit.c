/* kasane-diagram-hit.c: which layer, problem or verdict lies under a point
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-diagram"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kasane-diagram-build.h"
#include "kasane-i18n.h"

/* Hit testing */

static gboolean
in_rect (const KasaneRect *r,
         double            x,
         double            y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

gboolean
kasane_diagram_layout_hit_test (const KasaneDiagramLayout *layout,
                                double                     x,
                                double                     y,
                                KasaneDiagramHit          *hit)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit->kind = KASANE_DIAGRAM_HIT_NONE;
  hit->dataset = -1;
  hit->layer = -1;
  hit->problem = -1;

  /* Chips and badges first (they sit on top), then rails, then cards. */
  for (guint i = layout->boxes->len; i-- > 0;)
    {
      const KasaneDiagramBox *box = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (box->legend || !in_rect (&box->rect, x, y))
        continue;
      if (box->kind == KASANE_BOX_CHIP && box->problem >= 0)
        {
          hit->kind = KASANE_DIAGRAM_HIT_PROBLEM;
          hit->dataset = box->dataset;
          hit->layer = box->layer;
          hit->problem = box->problem;
          return TRUE;
        }
      if ((box->kind == KASANE_BOX_BADGE || box->kind == KASANE_BOX_CLAIM) && box->dataset >= 0)
        {
          hit->kind = KASANE_DIAGRAM_HIT_VERDICT;
          hit->dataset = box->dataset;
          return TRUE;
        }
    }

  for (guint i = 0; i < layout->rails->len; i++)
    {
      const KasaneDiagramRail *rail = &g_array_index (layout->rails, KasaneDiagramRail, i);
      double top = MIN (rail->y_start, rail->y_end), bottom = MAX (rail->y_start, rail->y_end);

      if (rail->legend)
        continue;
      if (fabs (x - rail->x) <= rail->hit_half_width &&
          y >= top - rail->hit_half_width && y <= bottom + rail->hit_half_width)
        {
          hit->kind = KASANE_DIAGRAM_HIT_PROBLEM;
          hit->dataset = rail->dataset;
          hit->problem = rail->problem;
          return TRUE;
        }
    }

  for (guint i = layout->boxes->len; i-- > 0;)
    {
      const KasaneDiagramBox *box = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (box->kind == KASANE_BOX_CARD && box->layer >= 0 && in_rect (&box->rect, x, y))
        {
          hit->kind = KASANE_DIAGRAM_HIT_LAYER;
          hit->dataset = box->dataset;
          hit->layer = box->layer;
          return TRUE;
        }
    }

  return FALSE;
}
