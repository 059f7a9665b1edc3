/* test-export-floors.c: what a 1920×1080 PDF export of the bundled datasets holds, read
 * back with poppler: every run of text at 18 px or more, no "…", no instructions for a
 * pointer, and every layer name, problem label and featured series name whole
 *
 * The layout tests check the same floors from the inside; this reads the files people
 * get, so a font set anywhere outside the layouts (a footer, a title) is measured too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "kasane-deck.h"
#include "kasane-export.h"
#include "kasane-loader.h"
#include "kasane-robustness.h"
#include "kasane-test-util.h"

#define FLOOR_PX 18.0

/* Text with every run of white space made one space; Japanese text (where a line break
 * inside a name leaves a newline between two characters) with none at all. */
static char *
normalized (const char *text,
            gboolean    drop_spaces)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && !drop_spaces && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char   *text;        /* every page's text */
  int     n_pages;
  double  min_size;
  char   *min_run;     /* the text of the smallest run */
} PdfText;

static void
pdf_text_clear (PdfText *pdf)
{
  g_free (pdf->text);
  g_free (pdf->min_run);
}

static void
read_pdf (GBytes  *bytes,
          PdfText *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) doc_object = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  doc_object = G_OBJECT (doc);
  pdf->n_pages = poppler_document_get_n_pages (doc);
  pdf->min_size = G_MAXDOUBLE;
  pdf->min_run = NULL;
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(GObject) page_object = NULL;
      PopplerPage *page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      GList *attrs = poppler_page_get_text_attributes (page);
      glong n_chars = g_utf8_strlen (text, -1);

      page_object = G_OBJECT (page);

      for (GList *l = attrs; l != NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;
          const char *start, *end;
          gboolean blank = TRUE;

          if (a->start_index >= n_chars)
            continue;
          start = g_utf8_offset_to_pointer (text, a->start_index);
          end = g_utf8_offset_to_pointer (text, MIN (a->end_index + 1, n_chars));
          for (const char *q = start; q < end; q = g_utf8_next_char (q))
            blank = blank && g_unichar_isspace (g_utf8_get_char (q));
          if (blank || a->font_size >= pdf->min_size)
            continue;
          pdf->min_size = a->font_size;
          g_free (pdf->min_run);
          pdf->min_run = g_strndup (start, end - start);
        }
      poppler_page_free_text_attributes (attrs);
      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
  pdf->text = g_string_free (all, FALSE);
}

static GBytes *
export_pdf (KasaneDataset * const *datasets,
            guint                  n,
            KasaneExportView       view,
            const char            *lang,
            KasaneTheme            theme)
{
  KasaneExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  kasane_export_options_init (&options);
  options.format = KASANE_EXPORT_PDF;
  options.view = view;
  options.width = 1920;
  options.height = 1080;
  options.lang = lang;
  options.theme = theme;
  bytes = kasane_export_render (datasets, n, &options, &error);
  g_assert_no_error (error);
  return bytes;
}

/* Whether `needle` begins a line at or after `from`, or (parts > 1) begins one and goes on
 * at the start of a later line: a name wrapped over up to `parts` lines, which the PDF's
 * reading order may separate by the text beside it. */
static gboolean
continues (char       **lines,
           guint        from,
           const char  *needle,
           int          parts,
           gboolean     ja)
{
  gsize n = strlen (needle);

  for (guint i = from; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], needle))
        return TRUE;
      if (parts <= 1)
        continue;
      for (const char *cut = g_utf8_next_char (needle); cut < needle + n; cut = g_utf8_next_char (cut))
        {
          gsize k = cut - needle;
          const char *rest = cut;

          /* A Latin name wraps at a space, which the line break took. */
          if (!ja)
            {
              if (*cut != ' ')
                continue;
              rest = cut + 1;
            }
          if (strlen (lines[i]) == k && strncmp (lines[i], needle, k) == 0 &&
              continues (lines, i + 1, rest, parts - 1, ja))
            return TRUE;
        }
    }
  return FALSE;
}

static void
assert_contains (const PdfText *pdf,
                 const char    *name,
                 const char    *lang,
                 const char    *what)
{
  gboolean ja = g_str_equal (lang, "ja");
  g_auto(GStrv) raw = g_strsplit (pdf->text, "\n", -1);
  g_autofree char *needle = normalized (name, ja);
  gsize n = strlen (needle);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *line = normalized (raw[i], ja);

      g_free (raw[i]);
      raw[i] = line;
    }
  for (guint i = 0; raw[i] != NULL; i++)
    {
      /* On one line, or its first part ending a line and the rest starting later ones. */
      if (strstr (raw[i], needle) != NULL)
        return;
      for (const char *cut = g_utf8_next_char (needle); cut < needle + n; cut = g_utf8_next_char (cut))
        {
          gsize k = cut - needle;
          gsize len = strlen (raw[i]);
          const char *rest = cut;

          if (!ja)
            {
              if (*cut != ' ')
                continue;
              rest = cut + 1;
            }
          /* The rest may come before its first part in the PDF's reading order, which
           * follows the text beside a wrapped name (a card's year and net). */
          if (len >= k && strncmp (raw[i] + len - k, needle, k) == 0 &&
              continues (raw, 0, rest, 2, ja))
            return;
        }
    }
  g_error ("%s: \"%s\" is not in the PDF's text whole:\n%s", what, name, pdf->text);
}

/* What an export never says: it has no pointer. */
static const char * const pointer_words[] = {
  "Click", "click", "Hover", "hover", "arrow keys", "Select a layer",
  "クリック", "矢印キー", "ポインター", NULL,
};

static void
check_export (KasaneDataset * const *datasets,
              guint                  n,
              KasaneExportView       view,
              const char            *lang,
              KasaneTheme            theme,
              const char            *what)
{
  g_autoptr(GBytes) bytes = export_pdf (datasets, n, view, lang, theme);
  PdfText pdf;

  read_pdf (bytes, &pdf);
  g_test_message ("%s: smallest text %.1f px (\"%s\")", what, pdf.min_size,
                  pdf.min_run != NULL ? pdf.min_run : "");
  if (pdf.min_size < FLOOR_PX - 0.05)
    g_error ("%s: \"%s\" is set at %.2f px, below %.0f px", what, pdf.min_run,
             pdf.min_size, FLOOR_PX);
  if (strstr (pdf.text, "…") != NULL)
    g_error ("%s: the text holds an ellipsis:\n%s", what, pdf.text);
  for (guint i = 0; pointer_words[i] != NULL; i++)
    if (strstr (pdf.text, pointer_words[i]) != NULL)
      g_error ("%s: an instruction for a pointer (\"%s\") in:\n%s", what, pointer_words[i],
               pdf.text);

  /* Every name the view shows, whole. */
  for (guint d = 0; d < (view == KASANE_EXPORT_VIEW_COMPARE ? n : 1); d++)
    {
      KasaneDataset *dataset = datasets[d];

      if (view == KASANE_EXPORT_VIEW_TREND)
        {
          guint featured = 0;

          for (guint i = 0; i < dataset->series->len; i++)
            {
              KasaneSeries *series = g_ptr_array_index (dataset->series, i);

              if (!series->featured)
                continue;
              assert_contains (&pdf, kasane_text_get (&series->name, lang), lang, what);
              featured++;
            }
          g_assert_cmpuint (featured, >, 0);
          continue;
        }
      for (guint i = 0; i < dataset->layers->len; i++)
        {
          KasaneLayer *layer = g_ptr_array_index (dataset->layers, i);

          assert_contains (&pdf, kasane_text_get (&layer->name, lang), lang, what);
        }
      for (guint i = 0; i < dataset->problems->len; i++)
        {
          KasaneProblem *problem = g_ptr_array_index (dataset->problems, i);

          assert_contains (&pdf, kasane_text_get (&problem->label, lang), lang, what);
        }
    }
  pdf_text_clear (&pdf);
}

static void
test_bundled (void)
{
  KasaneDataset *pair[2] = { kasane_test_load_bundled ("ai.json"),
                             kasane_test_load_bundled ("crypto.json") };
  KasaneDataset *swapped[2] = { pair[1], pair[0] };
  static const char * const langs[] = { "en", "ja" };
  static const KasaneTheme themes[] = { KASANE_THEME_LIGHT, KASANE_THEME_CONTRAST };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      {
        const char *theme = kasane_theme_to_string (themes[t]);
        char what[96];

        g_snprintf (what, sizeof what, "compare %s %s", langs[l], theme);
        check_export (pair, 2, KASANE_EXPORT_VIEW_COMPARE, langs[l], themes[t], what);
        for (guint d = 0; d < 2; d++)
          {
            KasaneDataset * const *first = d == 0 ? pair : swapped;

            g_snprintf (what, sizeof what, "stack %s %s %s", first[0]->id, langs[l], theme);
            check_export (first, 2, KASANE_EXPORT_VIEW_STACK, langs[l], themes[t], what);
            g_snprintf (what, sizeof what, "trend %s %s %s", first[0]->id, langs[l], theme);
            check_export (first, 1, KASANE_EXPORT_VIEW_TREND, langs[l], themes[t], what);
          }
      }

  kasane_dataset_unref (pair[0]);
  kasane_dataset_unref (pair[1]);
}

/* The deck (--view=slides): a PDF of one page a slide step, every run of text 24 px or
 * more at 1920×1080, in both languages; as one picture it is refused. */
static void
test_deck (void)
{
  KasaneDataset *pair[2] = { kasane_test_load_bundled ("ai.json"),
                             kasane_test_load_bundled ("crypto.json") };
  static const char * const langs[] = { "en", "ja" };
  g_autoptr(KasaneDeck) deck = kasane_deck_new (pair, 2);
  guint reveals = 0;

  /* A title, a step per layer, a slide per featured unit, a lens each, the sources. */
  for (guint i = 0; i < kasane_deck_get_n_slides (deck); i++)
    reveals += kasane_deck_get_slide (deck, i)->kind == KASANE_SLIDE_REVEAL;
  g_assert_cmpuint (reveals, ==, pair[0]->layers->len + pair[1]->layers->len);
  g_assert_cmpint (kasane_deck_get_slide (deck, 0)->kind, ==, KASANE_SLIDE_TITLE);
  g_assert_cmpint (kasane_deck_get_slide (deck, kasane_deck_get_n_slides (deck) - 1)->kind, ==,
                   KASANE_SLIDE_SOURCES);
  /* The sources, one slide for each dataset with trend slides: however many datasets, no
   * slide holds them all. */
  {
    guint sources = 0;

    for (guint i = 0; i < kasane_deck_get_n_slides (deck); i++)
      if (kasane_deck_get_slide (deck, i)->kind == KASANE_SLIDE_SOURCES)
        {
          g_assert_cmpint (kasane_deck_get_slide (deck, i)->dataset, ==, (int) sources);
          sources++;
        }
    g_assert_cmpuint (sources, ==, 2);
  }
  /* After the slope of the open loads, how much each verdict depends on the weights. */
  {
    int slope = kasane_deck_find_slide (deck, KASANE_SLIDE_SLOPE, NULL);

    g_assert_cmpint (slope, >, 0);
    g_assert_cmpint (kasane_deck_get_slide (deck, slope + 1)->kind, ==, KASANE_SLIDE_ROBUSTNESS);
  }

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      KasaneExportOptions options;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      PdfText pdf;

      kasane_export_options_init (&options);
      options.format = KASANE_EXPORT_PDF;
      options.view = KASANE_EXPORT_VIEW_SLIDES;
      options.lang = langs[l];
      options.theme = KASANE_THEME_CONTRAST;
      bytes = kasane_export_render (pair, 2, &options, &error);
      g_assert_no_error (error);
      read_pdf (bytes, &pdf);
      g_assert_cmpint (pdf.n_pages, ==, kasane_deck_get_n_slides (deck));
      if (l == 0)
        {
          g_autoptr(KasaneRobustness) ai = kasane_robustness_compute (pair[0]);
          g_autofree char *holds = g_strdup_printf ("holds under %u of %u single changes",
                                                    ai->n_keep, ai->n_changes);
          g_autofree char *flat = g_strdup (pdf.text);

          g_strdelimit (flat, "\n", ' ');
          g_assert_nonnull (strstr (flat, "How much do the verdicts depend on the weights?"));
          g_assert_nonnull (strstr (flat, holds));
        }
      g_test_message ("deck %s: %d pages, smallest text %.1f px (\"%s\")", langs[l],
                      pdf.n_pages, pdf.min_size, pdf.min_run);
      if (pdf.min_size < 24.0 - 0.05)
        g_error ("deck %s: \"%s\" is set at %.2f px, below 24 px", langs[l], pdf.min_run,
                 pdf.min_size);
      pdf_text_clear (&pdf);

      /* A 4:3 projector: the same steps, reflowed, the floor by its shorter side. */
      options.width = 1024;
      options.height = 768;
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = kasane_export_render (pair, 2, &options, &error);
      g_assert_no_error (error);
      read_pdf (bytes, &pdf);
      g_test_message ("deck %s at 1024x768: smallest text %.1f px", langs[l], pdf.min_size);
      if (pdf.min_size < kasane_deck_text_floor (1024, 768) - 0.05)
        g_error ("deck %s at 1024x768: \"%s\" is set at %.2f px", langs[l], pdf.min_run,
                 pdf.min_size);
      pdf_text_clear (&pdf);

      options.format = KASANE_EXPORT_PNG;
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = kasane_export_render (pair, 2, &options, &error);
      g_assert_null (bytes);
      g_assert_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_UNSUPPORTED);
    }
  kasane_dataset_unref (pair[0]);
  kasane_dataset_unref (pair[1]);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-floors/bundled", test_bundled);
  g_test_add_func ("/export-floors/deck", test_deck);

  return g_test_run ();
}
