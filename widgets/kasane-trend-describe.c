/* kasane-trend-describe.c: the trend chart in words, for screen readers and the
 * <desc> of an SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-trend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kasane-trend-build.h"
#include "kasane-i18n.h"

/* ---- Description ------------------------------------------------------------------ */

static char *
describe_series (const KasaneTrendDataSeries *s,
                 const char                  *lang)
{
  const KasaneSeries *series = s->series;
  const char *name = kasane_text_get (&series->name, lang);
  g_autofree char *label = NULL;
  guint first = G_MAXUINT, last = 0, lo = 0, hi = 0;
  int first_precision, last_precision;
  g_autofree char *d0 = NULL, *d1 = NULL, *v0 = NULL, *v1 = NULL, *vmin = NULL, *vmax = NULL;

  if (series->unit != NULL && series->unit[0] != '\0')
    /* Translators: a series and its unit, in the chart's description. */
    label = g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                  NC_ ("trend describe", "%1$s (%2$s)")),
                             name, series->unit);
  else
    label = g_strdup (name);

  for (guint k = 0; k < series->n_points; k++)
    {
      if (!isfinite (series->y[k]))
        continue;
      if (first == G_MAXUINT)
        {
          first = k;
          lo = hi = k;
        }
      last = k;
      if (series->y[k] < series->y[lo])
        lo = k;
      if (series->y[k] > series->y[hi])
        hi = k;
    }
  if (first == G_MAXUINT)
    return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                 NC_ ("trend describe", "%1$s: no data.")),
                            label);

  first_precision = series->precision != NULL ? series->precision[first] : KASANE_PRECISION_DAY;
  last_precision = series->precision != NULL ? series->precision[last] : KASANE_PRECISION_DAY;
  d0 = kasane_format_date (series->x[first], first_precision, lang);
  v0 = kasane_unit_format_value (&s->unit, series->y[first]);
  if (first == last)
    /* Translators: %1$s a series, %2$s its only value, %3$s its date. */
    return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                 NC_ ("trend describe",
                                                      "%1$s: one point, %2$s on %3$s.")),
                            label, v0, d0);

  d1 = kasane_format_date (series->x[last], last_precision, lang);
  v1 = kasane_unit_format_value (&s->unit, series->y[last]);
  vmin = kasane_unit_format_value (&s->unit, series->y[lo]);
  vmax = kasane_unit_format_value (&s->unit, series->y[hi]);

  if (series->y[last] > series->y[first])
    /* Translators: %1$s a series, %2$u its number of points, %3$s and %4$s the first and
     * last dates, %5$s and %6$s the first and last values, %7$s and %8$s the lowest and
     * highest values. */
    return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                 NC_ ("trend describe",
                                                      "%1$s: %2$u points from %3$s to %4$s; "
                                                      "it rose from %5$s to %6$s, "
                                                      "ranging from %7$s to %8$s.")),
                            label, series->n_points, d0, d1, v0, v1, vmin, vmax);
  if (series->y[last] < series->y[first])
    /* Translators: as above, for a series that ended lower than it began. */
    return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                 NC_ ("trend describe",
                                                      "%1$s: %2$u points from %3$s to %4$s; "
                                                      "it fell from %5$s to %6$s, "
                                                      "ranging from %7$s to %8$s.")),
                            label, series->n_points, d0, d1, v0, v1, vmin, vmax);
  /* Translators: %1$s a series, %2$u its points, %3$s and %4$s the first and last dates,
   * %5$s the value it began and ended at, %6$s and %7$s the lowest and highest values. */
  return g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                               NC_ ("trend describe",
                                                    "%1$s: %2$u points from %3$s to %4$s; "
                                                    "it ended where it began, at %5$s, "
                                                    "ranging from %6$s to %7$s.")),
                          label, series->n_points, d0, d1, v0, vmin, vmax);
}

char *
kasane_trend_describe (KasaneDataset      *dataset,
                       const char * const *series_ids,
                       const char         *lang)
{
  g_autoptr(KasaneTrendData) data = NULL;
  g_autoptr(GString) layers = g_string_new (NULL);
  GString *out;
  const char *separator, *space;

  g_return_val_if_fail (dataset != NULL, NULL);

  lang = trend_is_ja (lang) ? "ja" : "en";
  data = kasane_trend_data_new (dataset, series_ids);
  out = g_string_new (NULL);

  /* Translators: the first sentence of a trend chart's description; %1$s the dataset. */
  g_string_append_printf (out, kasane_pgettext (lang, "trend describe",
                                                    NC_ ("trend describe", "Trend chart of %1$s.")),
                          kasane_text_get (&dataset->title, lang));

  /* Translators: between the items of a list in running text. */
  separator = kasane_pgettext (lang, "list separator", NC_ ("list separator", ", "));
  /* Typography, not wording: Japanese sets nothing after "。", English a space. */
  space = trend_is_ja (lang) ? "" : " ";
  for (guint i = 0; i < dataset->layers->len; i++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, i);
      g_autofree char *item = NULL;

      if (!layer->has_since)
        continue;
      {
        g_autofree char *since = kasane_format_date (layer->since.t, layer->since.precision, lang);

        /* Translators: a layer and the date it began: "Rollups (L2) from Aug 2021". */
        item = g_strdup_printf (kasane_pgettext (lang, "trend describe",
                                                     NC_ ("trend describe", "%1$s from %2$s")),
                                kasane_text_get (&layer->name, lang), since);
      }
      if (layers->len > 0)
        g_string_append (layers, separator);
      g_string_append (layers, item);
    }
  if (layers->len > 0)
    {
      g_string_append (out, space);
      /* Translators: %1$s is a list of layers with the dates they began. */
      g_string_append_printf (out, kasane_pgettext (lang, "trend describe",
                                                        NC_ ("trend describe", "Layers: %1$s.")),
                              layers->str);
    }

  for (guint i = 0; i < data->series->len; i++)
    {
      g_autofree char *sentence =
        describe_series (&g_array_index (data->series, KasaneTrendDataSeries, i), lang);

      g_string_append (out, space);
      g_string_append (out, sentence);
    }
  return g_string_free (out, FALSE);
}
