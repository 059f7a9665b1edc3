/* kasane-deck.c: the slides of a presentation (see kasane-deck.h)
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-deck"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kasane-axis.h"
#include "kasane-deck.h"

#include "kasane-robustness.h"
#include "kasane-whatif-text.h"
#include "kasane-diagram.h"
#include "kasane-diagram-private.h"
#include "kasane-i18n.h"
#include "kasane-ledger.h"
#include "kasane-trend.h"

/* Slide type, in pixels at 1920×1080: the body and the titles of the text slides, and
 * the charts' text scale (their 20 px chips at 28 px). */
#define BODY_PX   30.0
#define TITLE_PX  52.0
#define CHART_TEXT_SCALE 1.4
/* The trend's type is smaller to begin with (12 px ticks, 20 px title): twice as large. */
#define TREND_TEXT_SCALE 1.9

struct _KasaneDeck
{
  GPtrArray *datasets;   /* of KasaneDataset*, owned references */
  GArray    *slides;     /* of KasaneSlide */
  GPtrArray *robustness; /* of KasaneRobustness*, one a dataset, made on first use */
};

/* Dataset `d`'s robustness, worked out once: the title and robustness slides are painted
 * again at every step, size and language, and each try of every single change costs. */
static const KasaneRobustness *
deck_robustness (KasaneDeck *deck,
                 guint       d)
{
  if (deck->robustness == NULL)
    {
      deck->robustness = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_robustness_free);
      for (guint i = 0; i < deck->datasets->len; i++)
        g_ptr_array_add (deck->robustness,
                         kasane_robustness_compute (g_ptr_array_index (deck->datasets, i)));
    }
  return g_ptr_array_index (deck->robustness, d);
}

static void
slide_clear (gpointer data)
{
  KasaneSlide *slide = data;

  g_clear_pointer (&slide->series, g_strfreev);
}

static void
add_slide (KasaneDeck      *deck,
           KasaneSlideKind  kind,
           int              dataset,
           int              step,
           char           **series)
{
  KasaneSlide slide = { kind, dataset, step, series };

  g_array_append_val (deck->slides, slide);
}

/* A dataset's featured series, one slide per unit (a unit is what a trend panel holds),
 * in file order. */
static void
add_trend_slides (KasaneDeck    *deck,
                  int            index,
                  KasaneDataset *dataset)
{
  guint n = dataset->series->len;
  g_autofree char **keys = g_new0 (char *, MAX (n, 1));   /* a featured series' unit key */

  for (guint i = 0; i < n; i++)
    {
      KasaneSeries *series = g_ptr_array_index (dataset->series, i);
      KasaneUnit unit;

      if (!series->featured || series->id == NULL)
        continue;
      kasane_unit_parse (series->unit, &unit);
      keys[i] = g_steal_pointer (&unit.key);
      kasane_unit_clear (&unit);
    }

  for (guint i = 0; i < n; i++)
    {
      GPtrArray *ids;
      gboolean seen = FALSE;

      if (keys[i] == NULL)
        continue;
      for (guint k = 0; k < i && !seen; k++)
        seen = keys[k] != NULL && g_str_equal (keys[k], keys[i]);
      if (seen)
        continue;
      ids = g_ptr_array_new ();
      for (guint k = i; k < n; k++)
        if (keys[k] != NULL && g_str_equal (keys[k], keys[i]))
          g_ptr_array_add (ids, g_strdup (((KasaneSeries *) g_ptr_array_index (dataset->series,
                                                                             k))->id));
      g_ptr_array_add (ids, NULL);
      add_slide (deck, KASANE_SLIDE_TREND, index, -1, (char **) g_ptr_array_free (ids, FALSE));
    }
  for (guint i = 0; i < n; i++)
    g_free (keys[i]);
}

KasaneDeck *
kasane_deck_new (KasaneDataset * const *datasets,
                 guint                  n_datasets)
{
  KasaneDeck *deck = g_new0 (KasaneDeck, 1);

  g_return_val_if_fail (n_datasets == 0 || datasets != NULL, NULL);

  deck->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
  deck->slides = g_array_new (FALSE, TRUE, sizeof (KasaneSlide));
  g_array_set_clear_func (deck->slides, slide_clear);
  for (guint d = 0; d < n_datasets; d++)
    if (datasets[d]->layers->len > 0)
      g_ptr_array_add (deck->datasets, kasane_dataset_ref (datasets[d]));

  add_slide (deck, KASANE_SLIDE_TITLE, -1, -1, NULL);
  for (guint d = 0; d < deck->datasets->len; d++)
    {
      KasaneDataset *dataset = g_ptr_array_index (deck->datasets, d);

      for (guint li = 0; li < dataset->layers->len; li++)
        add_slide (deck, KASANE_SLIDE_REVEAL, (int) d, (int) li, NULL);
    }
  if (deck->datasets->len > 0)
    {
      add_slide (deck, KASANE_SLIDE_SLOPE, -1, -1, NULL);
      add_slide (deck, KASANE_SLIDE_ROBUSTNESS, -1, -1, NULL);
    }
  for (guint d = 0; d < deck->datasets->len; d++)
    add_trend_slides (deck, (int) d, g_ptr_array_index (deck->datasets, d));
  for (guint d = 0; d < deck->datasets->len; d++)
    {
      KasaneDataset *dataset = g_ptr_array_index (deck->datasets, d);

      if (dataset->notes.en != NULL || dataset->notes.ja != NULL)
        add_slide (deck, KASANE_SLIDE_LENS, (int) d, -1, NULL);
    }
  /* The sources, a slide for each dataset with trend slides, so that no number of
   * datasets makes one slide too long to read; one for all when none has any. */
  {
    guint n_sources = 0;

    for (guint d = 0; d < deck->datasets->len; d++)
      if (kasane_deck_find_slide (deck, KASANE_SLIDE_TREND, g_ptr_array_index (deck->datasets, d)) >= 0)
        {
          add_slide (deck, KASANE_SLIDE_SOURCES, (int) d, -1, NULL);
          n_sources++;
        }
    if (n_sources == 0)
      add_slide (deck, KASANE_SLIDE_SOURCES, -1, -1, NULL);
  }
  return deck;
}

void
kasane_deck_free (KasaneDeck *deck)
{
  if (deck == NULL)
    return;
  g_ptr_array_unref (deck->datasets);
  g_array_unref (deck->slides);
  g_clear_pointer (&deck->robustness, g_ptr_array_unref);
  g_free (deck);
}

guint
kasane_deck_get_n_slides (const KasaneDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);
  return deck->slides->len;
}

const KasaneSlide *
kasane_deck_get_slide (const KasaneDeck *deck,
                       guint             index)
{
  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (index < deck->slides->len, NULL);
  return &g_array_index (deck->slides, KasaneSlide, index);
}

int
kasane_deck_find_slide (const KasaneDeck *deck,
                        KasaneSlideKind   kind,
                        KasaneDataset    *dataset)
{
  g_return_val_if_fail (deck != NULL, -1);

  for (guint i = 0; i < deck->slides->len; i++)
    {
      const KasaneSlide *slide = &g_array_index (deck->slides, KasaneSlide, i);

      if (slide->kind == kind &&
          (dataset == NULL ||
           (slide->dataset >= 0 && g_ptr_array_index (deck->datasets, slide->dataset) == dataset)))
        return (int) i;
    }
  return -1;
}

static void
append_paragraphs (GString            *out,
                   const char * const *paragraphs)
{
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    {
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, paragraphs[i]);
    }
}

char *
kasane_deck_get_notes (const KasaneDeck *deck,
                       guint             index,
                       const char       *lang)
{
  const KasaneSlide *slide;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (deck != NULL, g_strdup (""));
  g_return_val_if_fail (index < deck->slides->len, g_strdup (""));

  slide = &g_array_index (deck->slides, KasaneSlide, index);
  if (slide->kind == KASANE_SLIDE_REVEAL)
    {
      KasaneDataset *dataset = g_ptr_array_index (deck->datasets, slide->dataset);
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, slide->step);

      append_paragraphs (out, kasane_text_list_get (&layer->speaker_notes, lang));
    }
  if (out->len == 0 && slide->dataset >= 0)
    append_paragraphs (out, kasane_text_list_get (&((KasaneDataset *)
                                                    g_ptr_array_index (deck->datasets,
                                                                       slide->dataset))->notes,
                                                  lang));
  /* A slide about every dataset: the first paragraph of each one's notes. */
  for (guint d = 0; slide->dataset < 0 && d < deck->datasets->len; d++)
    {
      KasaneDataset *dataset = g_ptr_array_index (deck->datasets, d);
      const char * const *notes = kasane_text_list_get (&dataset->notes, lang);
      const char *first[] = { notes != NULL ? notes[0] : NULL, NULL };

      append_paragraphs (out, first);
    }
  return g_string_free (out, FALSE);
}

double
kasane_deck_text_floor (double width,
                        double height)
{
  return 24.0 * MIN (width, height) / 1080.0;
}

/* Text slides */

/* The paragraph of a dataset's notes that says what the comparison is not: the one that
 * calls it a lens (found in the English notes, taken in `lang`), else the last. */
static const char *
lens_paragraph (KasaneDataset *dataset,
                const char    *lang)
{
  const char * const *en = (const char * const *) dataset->notes.en;
  const char * const *shown = kasane_text_list_get (&dataset->notes, lang);
  guint n = shown != NULL ? g_strv_length ((char **) shown) : 0, at = n > 0 ? n - 1 : 0;

  if (n == 0)
    return NULL;
  for (guint i = 0; en != NULL && en[i] != NULL; i++)
    if (strstr (en[i], "lens") != NULL && i < n)
      {
        at = i;
        break;
      }
  return shown[at];
}

/* A title and paragraphs, the body as large as fits between BODY_PX and the floor. */
static gboolean
paint_text_slide (cairo_t             *cr,
                  double               width,
                  double               height,
                  double               floor_px,
                  const char          *title,
                  GPtrArray           *paragraphs,
                  const char          *lang,
                  const KasanePalette *palette,
                  KasaneMeasure       *measure,
                  char               **error)
{
  double s = MIN (width / 1920.0, height / 1080.0);
  double mx = 110 * s, my = 90 * s, w = width - 2 * mx;
  KasaneFont title_font = { MAX (TITLE_PX * s, floor_px * 1.5), KASANE_WEIGHT_BOLD, FALSE };
  KasaneFont body = { MAX (BODY_PX * s, floor_px), KASANE_WEIGHT_REGULAR, FALSE };
  KasaneTextExtents title_ext;
  g_autofree double *heights = g_new0 (double, MAX (paragraphs->len, 1));
  PangoContext *context;
  double y;

  kasane_measure_text (measure, title, &title_font, lang, w, 0, &title_ext);
  for (;;)
    {
      double total = title_ext.height + 1.2 * body.size;

      for (guint i = 0; i < paragraphs->len; i++)
        {
          KasaneTextExtents ext;

          kasane_measure_text (measure, g_ptr_array_index (paragraphs, i), &body, lang, w, 0,
                               &ext);
          heights[i] = ext.height;
          total += ext.height + 0.8 * body.size;
        }
      if (total <= height - 2 * my)
        break;
      if (body.size <= floor_px + 1e-6)
        {
          *error = g_strdup_printf (_("The slide “%s” does not fit at %.0f×%.0f"), title,
                                    width, height);
          return FALSE;
        }
      body.size = MAX (floor_px, body.size * 0.94);
    }

  context = kasane_render_context_new ();
  y = my;
  cairo_set_source_rgba (cr, palette->text.red, palette->text.green, palette->text.blue,
                         palette->text.alpha);
  cairo_move_to (cr, mx, y);
  kasane_render_show_text (cr, context, title, &title_font, lang, w, 0);
  y += title_ext.height + 1.2 * body.size;
  for (guint i = 0; i < paragraphs->len; i++)
    {
      cairo_move_to (cr, mx, y);
      kasane_render_show_text (cr, context, g_ptr_array_index (paragraphs, i), &body, lang, w, 0);
      y += heights[i] + 0.8 * body.size;
    }
  g_object_unref (context);
  return TRUE;
}

/* The what-if marker, first, on a text slide about what-if data. */
static void
add_whatif_line (KasaneDeck  *deck,
                 GPtrArray   *lines,
                 const char  *lang)
{
  char *marker = kasane_whatif_text_marker ((KasaneDataset * const *) deck->datasets->pdata,
                                            deck->datasets->len, lang);

  if (marker != NULL)
    g_ptr_array_add (lines, marker);
}

static gboolean
paint_title_slide (KasaneDeck          *deck,
                   cairo_t             *cr,
                   double               width,
                   double               height,
                   double               floor_px,
                   const char          *lang,
                   const KasanePalette *palette,
                   KasaneMeasure       *measure,
                   char               **error)
{
  guint n = deck->datasets->len;
  g_autoptr(GPtrArray) ledgers = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_ledger_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;

  add_whatif_line (deck, lines, lang);
  for (guint d = 0; d < n; d++)
    {
      KasaneDataset *dataset = g_ptr_array_index (deck->datasets, d);
      KasaneLedger *ledger = kasane_ledger_compute (dataset);
      g_autofree char *slope = kasane_diagram_slope_label (dataset, ledger, lang);
      const KasaneRobustness *robustness = deck_robustness (deck, d);

      g_ptr_array_add (ledgers, ledger);
      if (robustness->verdict == KASANE_VERDICT_NONE)
        /* Translators: a line of the title slide: %1$s "AI 14 → 10, −29 %", %2$s a verdict */
        g_ptr_array_add (lines, g_strdup_printf (kasane_gettext (lang, N_("%1$s: %2$s")), slope,
                                                 kasane_diagram_verdict_title (ledger->verdict,
                                                                               lang)));
      else
        /* Translators: a line of the title slide: %1$s "AI 14 → 10, −29 %", %2$s a verdict,
         * which %3$u of %4$u single changes of the judgements keep */
        g_ptr_array_add (lines, g_strdup_printf (kasane_gettext (lang, N_("%1$s: %2$s, which holds "
                                                                          "under %3$u of %4$u "
                                                                          "single changes")),
                                                 slope,
                                                 kasane_diagram_verdict_title (ledger->verdict,
                                                                               lang),
                                                 robustness->n_keep, robustness->n_changes));
    }
  if (n == 0)
    title = g_strdup (kasane_gettext (lang, N_("No dataset to present")));
  else
    title = kasane_diagram_claim_title ((KasaneDataset * const *) deck->datasets->pdata,
                                        (KasaneLedger * const *) ledgers->pdata, n, lang);
  g_ptr_array_add (lines, g_strdup (kasane_gettext (lang, N_("Open load: the weight of the problems still unsolved after each layer. Weights 1–5 are editorial judgements."))));
  return paint_text_slide (cr, width, height, floor_px, title, lines, lang, palette, measure,
                           error);
}

/* Each verdict, K of N, and the changes that would flip it. */
static gboolean
paint_robustness_slide (KasaneDeck          *deck,
                        cairo_t             *cr,
                        double               width,
                        double               height,
                        double               floor_px,
                        const char          *lang,
                        const KasanePalette *palette,
                        KasaneMeasure       *measure,
                        char               **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  add_whatif_line (deck, lines, lang);
  for (guint d = 0; d < deck->datasets->len; d++)
    {
      KasaneDataset *dataset = g_ptr_array_index (deck->datasets, d);
      const KasaneRobustness *robustness = deck_robustness (deck, d);
      g_autofree char *name = kasane_diagram_short_name (dataset, lang);
      GString *line;

      if (robustness->verdict == KASANE_VERDICT_NONE)
        continue;
      line = g_string_new (NULL);
      /* Translators: a line of the robustness slide: %1$s a dataset's short name, %2$s its
       * verdict, %3$u of %4$u single changes keep it */
      g_string_append_printf (line, kasane_gettext (lang, N_("%1$s: %2$s holds under %3$u of "
                                                             "%4$u single changes.")),
                              name, kasane_diagram_verdict_title (robustness->verdict, lang),
                              robustness->n_keep, robustness->n_changes);
      kasane_whatif_text_append_flips (line, robustness, dataset,
                                       /* Translators: on the robustness slide, before the
                                        * list of changes that flip a verdict */
                                       kasane_gettext (lang, N_(" It flips if: ")), TRUE, lang);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_ptr_array_add (lines, g_strdup (kasane_gettext (lang, N_("A single change is one weight a step up or down, one problem left out, or one “solves” made “eases” or the reverse."))));
  return paint_text_slide (cr, width, height, floor_px,
                           /* Translators: the title of the robustness slide */
                           kasane_gettext (lang, N_("How much do the verdicts depend on the weights?")),
                           lines, lang, palette, measure, error);
}

static gboolean
paint_lens_slide (KasaneDataset       *dataset,
                  cairo_t             *cr,
                  double               width,
                  double               height,
                  double               floor_px,
                  const char          *lang,
                  const KasanePalette *palette,
                  KasaneMeasure       *measure,
                  char               **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *name = kasane_diagram_short_name (dataset, lang);
  g_autofree char *title = NULL;
  const char *paragraph = lens_paragraph (dataset, lang);

  /* Translators: the title of a slide; %s is a dataset's short name ("AI") */
  title = g_strdup_printf (kasane_gettext (lang, N_("A lens, not a law: %s")), name);
  if (paragraph != NULL)
    g_ptr_array_add (lines, (gpointer) paragraph);
  return paint_text_slide (cr, width, height, floor_px, title, lines, lang, palette, measure,
                           error);
}

static gboolean
paint_sources_slide (KasaneDeck          *deck,
                     int                  only,
                     cairo_t             *cr,
                     double               width,
                     double               height,
                     double               floor_px,
                     const char          *lang,
                     const KasanePalette *palette,
                     KasaneMeasure       *measure,
                     char               **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;

  /* Every series a slide shows, with its source and the day it was read. */
  for (guint i = 0; i < deck->slides->len; i++)
    {
      KasaneSlide *slide = &g_array_index (deck->slides, KasaneSlide, i);
      KasaneDataset *dataset;

      if (slide->kind != KASANE_SLIDE_TREND || (only >= 0 && slide->dataset != only))
        continue;
      dataset = g_ptr_array_index (deck->datasets, slide->dataset);
      for (guint k = 0; slide->series[k] != NULL; k++)
        for (guint j = 0; j < dataset->series->len; j++)
          {
            KasaneSeries *series = g_ptr_array_index (dataset->series, j);
            const char *name = kasane_text_get (&series->name, lang);

            if (g_strcmp0 (series->id, slide->series[k]) != 0 || series->source == NULL)
              continue;
            if (series->source->retrieved != NULL)
              /* Translators: a line of the sources slide: %1$s a series, %2$s its source,
               * %3$s the day it was read (an ISO date) */
              g_ptr_array_add (lines, g_strdup_printf (kasane_gettext (lang, N_("%1$s: %2$s, retrieved %3$s")),
                                                       name, series->source->name,
                                                       series->source->retrieved));
            else
              g_ptr_array_add (lines, g_strdup_printf (kasane_gettext (lang, N_("%1$s: %2$s")),
                                                       name, series->source->name));
          }
    }
  g_ptr_array_add (lines, g_strdup (kasane_gettext (lang, N_("Every figure's source, and each dataset's notes, are in its file and in the Explain view."))));
  if (only >= 0)
    {
      KasaneDataset *dataset = g_ptr_array_index (deck->datasets, only);

      /* Translators: title of a sources slide; %s is a dataset's title */
      title = g_strdup_printf (kasane_gettext (lang, N_("Sources: %s")),
                               kasane_text_get (&dataset->title, lang));
    }
  else
    title = g_strdup (kasane_gettext (lang, N_("Sources")));
  return paint_text_slide (cr, width, height, floor_px, title, lines, lang, palette, measure,
                           error);
}

gboolean
kasane_deck_paint_slide (KasaneDeck    *deck,
                         guint          index,
                         cairo_t       *cr,
                         double         width,
                         double         height,
                         const char    *lang,
                         KasaneTheme    theme,
                         KasaneMeasure *measure,
                         char         **error)
{
  const KasanePalette *palette = kasane_palette_get (theme);
  const KasaneSlide *slide;
  double floor_px = kasane_deck_text_floor (width, height);
  KasaneFont corner_font = { floor_px, KASANE_WEIGHT_REGULAR, TRUE };
  KasaneTextExtents corner;
  g_autofree char *number = NULL;
  double band, content_h;
  gboolean ok = TRUE;

  g_return_val_if_fail (deck != NULL, FALSE);
  g_return_val_if_fail (index < deck->slides->len, FALSE);
  g_return_val_if_fail (error != NULL && *error == NULL, FALSE);

  slide = &g_array_index (deck->slides, KasaneSlide, index);
  /* Translators: the slide number and the number of slides, in a slide's corner */
  number = g_strdup_printf (kasane_gettext (lang, N_("%1$u / %2$u")), index + 1,
                            deck->slides->len);
  kasane_measure_text (measure, number, &corner_font, lang, 0, 1, &corner);
  band = corner.height + floor_px;
  content_h = height - band;

  cairo_save (cr);
  cairo_set_source_rgba (cr, palette->background.red, palette->background.green,
                         palette->background.blue, palette->background.alpha);
  cairo_paint (cr);
  cairo_rectangle (cr, 0, 0, width, content_h);
  cairo_clip (cr);

  switch (slide->kind)
    {
    case KASANE_SLIDE_TITLE:
      ok = paint_title_slide (deck, cr, width, content_h, floor_px, lang, palette, measure, error);
      break;

    case KASANE_SLIDE_ROBUSTNESS:
      ok = paint_robustness_slide (deck, cr, width, content_h, floor_px, lang, palette, measure,
                                   error);
      break;

    case KASANE_SLIDE_REVEAL:
    case KASANE_SLIDE_SLOPE:
      {
        KasaneDiagramParams params;
        g_autoptr(KasaneDiagramLayout) layout = NULL;

        kasane_diagram_params_init (&params);
        params.kind = slide->kind == KASANE_SLIDE_SLOPE ? KASANE_DIAGRAM_SLOPE
                                                       : KASANE_DIAGRAM_STACK;
        params.width = width;
        params.height = content_h;
        params.lang = lang;
        params.theme = theme;
        params.text_scale = CHART_TEXT_SCALE;
        params.min_text_px = floor_px;
        if (slide->kind == KASANE_SLIDE_REVEAL)
          {
            params.step = slide->step;
            params.selected_dataset = slide->dataset;
            /* The stack alone, across the slide, the layer just revealed selected. */
            params.selected_layer = slide->step;
            params.no_panel = TRUE;
          }
        layout = kasane_diagram_layout_new ((KasaneDataset * const *) deck->datasets->pdata,
                                            deck->datasets->len, &params, measure);
        if (!kasane_diagram_layout_fits (layout))
          {
            *error = g_strdup_printf (_("Slide %u does not fit at %.0f×%.0f"), index + 1,
                                      width, height);
            ok = FALSE;
          }
        else
          kasane_diagram_paint (cr, layout, palette);
      }
      break;

    case KASANE_SLIDE_TREND:
      {
        KasaneDataset *dataset = g_ptr_array_index (deck->datasets, slide->dataset);
        g_autoptr(KasaneTrendData) data = kasane_trend_data_new (dataset,
                                                                 (const char * const *) slide->series);
        g_autoptr(KasaneTrendLayout) layout = NULL;
        KasaneTrendParams params;

        kasane_trend_params_init (&params);
        params.width = width;
        params.height = content_h;
        params.lang = lang;
        params.theme = theme;
        params.text_scale = TREND_TEXT_SCALE;
        params.min_text_px = floor_px;
        layout = kasane_trend_layout_new_for_data (data, &params, measure);
        kasane_trend_paint (cr, layout, palette);
      }
      break;

    case KASANE_SLIDE_LENS:
      ok = paint_lens_slide (g_ptr_array_index (deck->datasets, slide->dataset), cr, width,
                             content_h, floor_px, lang, palette, measure, error);
      break;

    case KASANE_SLIDE_SOURCES:
    default:
      ok = paint_sources_slide (deck, slide->dataset, cr, width, content_h, floor_px, lang, palette,
                                measure, error);
      break;
    }
  cairo_restore (cr);

  /* n / N, bottom right. */
  {
    PangoContext *context = kasane_render_context_new ();

    cairo_set_source_rgba (cr, palette->text_dim.red, palette->text_dim.green,
                           palette->text_dim.blue, palette->text_dim.alpha);
    cairo_move_to (cr, width - corner.width - floor_px * 1.5, height - band + floor_px / 2);
    kasane_render_show_text (cr, context, number, &corner_font, lang, 0, 1);
    g_object_unref (context);
  }
  return ok;
}
