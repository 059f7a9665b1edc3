/* kasane-render-request.c: a complete, typed description of one picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-render-request"

#include "config.h"

#include <math.h>

#include "kasane-render-request.h"

KasaneRenderRequest *
kasane_render_request_new (KasaneChart            chart,
                           KasaneDataset * const *datasets,
                           guint                  n_datasets)
{
  KasaneRenderRequest *request = g_new0 (KasaneRenderRequest, 1);

  g_return_val_if_fail (n_datasets == 0 || datasets != NULL, request);

  request->chart = chart;
  request->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
  for (guint i = 0; i < n_datasets; i++)
    if (datasets[i] != NULL)
      g_ptr_array_add (request->datasets, kasane_dataset_ref (datasets[i]));
  request->lang = g_strdup ("en");
  request->theme = KASANE_THEME_LIGHT;
  request->width = 1920;
  request->height = 1080;
  request->text_scale = 1.0;
  request->step = -1;
  request->selected_dataset = -1;
  request->selected_layer = -1;
  request->view_x0 = NAN;
  request->view_x1 = NAN;
  return request;
}

KasaneRenderRequest *
kasane_render_request_copy (const KasaneRenderRequest *request)
{
  KasaneRenderRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_memdup2 (request, sizeof *request);
  copy->datasets = g_ptr_array_copy (request->datasets, (GCopyFunc) kasane_dataset_ref, NULL);
  g_ptr_array_set_free_func (copy->datasets, (GDestroyNotify) kasane_dataset_unref);
  copy->lang = g_strdup (request->lang);
  copy->series = g_strdupv (request->series);
  return copy;
}

void
kasane_render_request_free (KasaneRenderRequest *request)
{
  if (request == NULL)
    return;
  g_ptr_array_unref (request->datasets);
  g_free (request->lang);
  g_strfreev (request->series);
  g_free (request);
}
