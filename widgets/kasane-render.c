/* kasane-render.c: themes, palettes and text measuring shared by every view
 *
 * Palettes are built from the Okabe–Ito colours (#E69F00 orange, #56B4E9 sky blue,
 * #009E73 bluish green, #F0E442 yellow, #0072B2 blue, #D55E00 vermillion, #CC79A7
 * reddish purple, black).  Where a colour carries text it is darkened (light theme) or
 * lightened (dark theme) just enough to read at 4.5:1 or, for large semibold text, 3:1;
 * the hue stays the Okabe–Ito one so the colour-blind-safe contrasts between roles hold.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-render"

#include "config.h"

#include "kasane-render.h"
#include "kasane-render-private.h"

#include <math.h>
#include <string.h>

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                       ((hex) & 0xff) / 255.0, (a) }

static const KasanePalette palettes[] = {
  [KASANE_THEME_LIGHT] = {
    .background  = RGB (0xf7f6f2),   /* warm paper, not glaring white on a projector */
    .surface     = RGB (0xffffff),
    .border      = RGB (0xd8d6cf),
    .text        = RGB (0x1d2125),
    .text_dim    = RGB (0x5c6168),
    .grid        = RGB (0xe4e2dc),
    .accent      = RGB (0x0072b2),
    .progression = RGB (0x0072b2),   /* blue */
    .migration   = RGB (0xc65500),   /* vermillion, a shade darker for white text */
    .mixed       = RGB (0xa8558a),   /* reddish purple, darker for white text */
    .on_badge    = RGB (0xffffff),
    .solves      = RGB (0x00805d),   /* bluish green */
    .mitigates   = RGB (0x56b4e9),   /* sky blue */
    .introduces  = RGB (0xc05200),   /* vermillion */
    .worsens     = RGB (0x9a6200),   /* orange, dark enough to read as text */
    .on_chip     = RGB (0xffffff),
    .rail        = RGB (0x8d9198),
    .load        = RGB (0x5c6168),
    .positive    = RGB (0x00805d),
    .negative    = RGB (0xc05200),
    .highlight   = RGB (0xe69f00),   /* orange */
    /* A series keeps its hue in every theme (blue, vermilion, green, pink, amber,
     * violet, black/white, olive), only lighter on the dark page, darker in contrast. */
    .series      = { RGB (0x0072b2), RGB (0xd55e00), RGB (0x009e73), RGB (0xcc79a7),
                     RGB (0xe69f00), RGB (0x7b61c9), RGB (0x000000), RGB (0x8a7d00) },
    .on_mitigates = RGB (0x0d2433),
    .shadow      = RGBA (0x3b3326, 0.10),
    .badge_soft  = RGB (0xeceae4),
    .stroke_scale = 1.0,
  },
  [KASANE_THEME_DARK] = {
    /* Not an inversion: a deep blue-grey page, cards a step lighter, colours lifted so
     * they glow rather than shout, and badges darker so white text stays crisp. */
    .background  = RGB (0x17191d),
    .surface     = RGB (0x23262c),
    .border      = RGB (0x393d45),
    .text        = RGB (0xeceef1),
    .text_dim    = RGB (0xa2a8b1),
    .grid        = RGB (0x30343b),
    .accent      = RGB (0x56b4e9),
    .progression = RGB (0x0a6aa6),
    .migration   = RGB (0xb9560f),
    .mixed       = RGB (0x9c4f80),
    .on_badge    = RGB (0xffffff),
    .solves      = RGB (0x0b8c68),
    .mitigates   = RGB (0x56b4e9),
    .introduces  = RGB (0xf08a4b),
    .worsens     = RGB (0xe9b44c),
    .on_chip     = RGB (0xffffff),
    .rail        = RGB (0x7c828c),
    .load        = RGB (0xa2a8b1),
    .positive    = RGB (0x3ccf9f),
    .negative    = RGB (0xf08a4b),
    .highlight   = RGB (0xf0e442),   /* yellow reads best on the dark page */
    .series      = { RGB (0x56b4e9), RGB (0xff8c52), RGB (0x3ccf9f), RGB (0xe69ac8),
                     RGB (0xf2c14e), RGB (0xb7a4ff), RGB (0xffffff), RGB (0xa9a13a) },
    .on_mitigates = RGB (0x0b1a24),
    .shadow      = RGBA (0x000000, 0.35),
    .badge_soft  = RGB (0x2e3239),
    .stroke_scale = 1.0,
  },
  [KASANE_THEME_CONTRAST] = {
    /* Pure black on pure white, thick borders, the darkest Okabe–Ito shades. */
    .background  = RGB (0xffffff),
    .surface     = RGB (0xffffff),
    .border      = RGB (0x000000),
    .text        = RGB (0x000000),
    .text_dim    = RGB (0x000000),
    .grid        = RGB (0x000000),
    .accent      = RGB (0x000000),
    .progression = RGB (0x004c80),
    .migration   = RGB (0x8f3a00),
    .mixed       = RGB (0x702a58),
    .on_badge    = RGB (0xffffff),
    .solves      = RGB (0x005c42),
    .mitigates   = RGB (0x004c80),
    .introduces  = RGB (0x000000),
    .worsens     = RGB (0x000000),
    .on_chip     = RGB (0xffffff),
    .rail        = RGB (0x000000),
    .load        = RGB (0x000000),
    .positive    = RGB (0x005c42),
    .negative    = RGB (0x8f3a00),
    .highlight   = RGB (0x0072b2),
    .series      = { RGB (0x004c80), RGB (0x8f1d00), RGB (0x005c42), RGB (0x702a58),
                     RGB (0x7a5200), RGB (0x4a2a94), RGB (0x000000), RGB (0x3d4a00) },
    .on_mitigates = RGB (0xffffff),
    .shadow      = RGBA (0x000000, 0.0),
    .badge_soft  = RGB (0xffffff),
    .stroke_scale = 2.0,
  },
};

static const char * const theme_names[] = {
  [KASANE_THEME_LIGHT] = "light",
  [KASANE_THEME_DARK] = "dark",
  [KASANE_THEME_CONTRAST] = "contrast",
};

const KasanePalette *
kasane_palette_get (KasaneTheme theme)
{
  g_return_val_if_fail ((guint) theme < G_N_ELEMENTS (palettes), &palettes[0]);

  return &palettes[theme];
}

gboolean
kasane_theme_from_string (const char  *text,
                          KasaneTheme *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (theme_names); i++)
    {
      if (g_str_equal (text, theme_names[i]))
        {
          *out = (KasaneTheme) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
kasane_theme_to_string (KasaneTheme theme)
{
  g_return_val_if_fail ((guint) theme < G_N_ELEMENTS (theme_names), "light");

  return theme_names[theme];
}

/* Text floors */

#define FLOOR_MIN_PX 11.0

double
kasane_text_floor_for_picture (double width,
                               double height)
{
  return MAX (FLOOR_MIN_PX, 18.0 * MIN (width, height) / 1080.0);
}

double
kasane_text_floor_for_window (double   window_width,
                              double   window_height,
                              gboolean fills_width)
{
  /* The height a 16:9 window of this size would have: a short wide window is read like
   * a small one. */
  double side = MIN (window_height, window_width * 9.0 / 16.0);
  double desk;

  if (side <= 450)
    desk = FLOOR_MIN_PX;
  else if (side <= 720)
    desk = FLOOR_MIN_PX + 2.0 * (side - 450) / 270.0;
  else if (side <= 1080)
    desk = 13.0 + 3.0 * (side - 720) / 360.0;
  else
    desk = 16.0 * side / 1080.0;
  if (fills_width)
    desk = MAX (desk, kasane_text_floor_for_picture (window_width, window_height));
  return desk;
}

double
kasane_text_floor_zoomed (double floor_px,
                          double text_scale)
{
  return floor_px * MAX (text_scale, 1.0);
}

/* Pango plumbing
 *
 * Every text is shaped at one reference size and scaled to its real size when measured
 * and when painted.  With no hinting and unhinted metrics, advances scale linearly, so
 * this changes no extent; but Pango then holds one font per weight instead of one per
 * size, which makes the first layout cheap and keeps resizing from filling the font
 * caches.  Painting goes through the same reference layout as measuring, so a text
 * breaks into the same lines on the screen and in every file. */

#define REFERENCE_SIZE 64.0

static PangoFontMap *font_map;
static GThread *warm_up_thread;

static void
apply_font_options (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* No hinting and no hinted metrics: advances then scale linearly, so a layout
   * measured once is valid on the screen at any scale factor and in PNG, SVG and PDF. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  /* Pango ≥ 1.44 rounds glyph positions to device units by default, which would make
   * widths depend on the target's scale. */
  pango_context_set_round_glyph_positions (context, FALSE);
}

static PangoContext *
context_new_for_font_map (PangoFontMap *map)
{
  PangoContext *context = pango_font_map_create_context (map);

  pango_cairo_context_set_resolution (context, 96.0);
  apply_font_options (context);

  return context;
}

void
kasane_render_warm_up_join (void)
{
  if (warm_up_thread != NULL)
    g_thread_join (g_steal_pointer (&warm_up_thread));
}

static PangoFontMap *
shared_font_map (void)
{
  /* PangoCairo font maps are not thread-safe.  The warm-up thread has the font map to
   * itself until it is joined here, before the main thread first touches it; after that
   * only the main thread lays out and paints (the export runs on its own main thread). */
  kasane_render_warm_up_join ();

  if (font_map == NULL)
    font_map = pango_cairo_font_map_new ();

  return font_map;
}

PangoContext *
kasane_render_context_new (void)
{
  return context_new_for_font_map (shared_font_map ());
}

static PangoWeight
pango_weight (KasaneWeight weight)
{
  switch (weight)
    {
    case KASANE_WEIGHT_BOLD:
      return PANGO_WEIGHT_BOLD;
    case KASANE_WEIGHT_SEMIBOLD:
      return PANGO_WEIGHT_SEMIBOLD;
    case KASANE_WEIGHT_REGULAR:
    default:
      return PANGO_WEIGHT_NORMAL;
    }
}

static const char *
pango_lang_tag (const char *lang)
{
  return g_strcmp0 (lang, "ja") == 0 ? "ja" : "en";
}

/* The family list, parsed once: a layout is made for every text measured. */
static const PangoFontDescription *
base_font_description (void)
{
  static PangoFontDescription *desc;

  if (g_once_init_enter (&desc))
    g_once_init_leave (&desc, pango_font_description_from_string (KASANE_FONT_FAMILY));

  return desc;
}

static gboolean
is_noncharacter (gunichar u)
{
  return (u >= 0xFDD0 && u <= 0xFDEF) || (u & 0xFFFE) == 0xFFFE;
}

char *
kasane_render_output_text (const char     *text,
                           KasaneTextOutput output)
{
  GString *out = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      gboolean replace = is_noncharacter (u) ||
                         (output == KASANE_TEXT_OUTPUT_XML && u < 0x20 &&
                          u != '\t' && u != '\n' && u != '\r');

      if (replace && out == NULL)
        {
          out = g_string_sized_new (strlen (text) + 2);
          g_string_append_len (out, text, p - text);
        }
      if (out != NULL)
        g_string_append_unichar (out, replace ? 0xFFFD : u);
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

static gboolean
is_katakana (gunichar c)
{
  return (c >= 0x30A0 && c <= 0x30FF) ||   /* katakana, with ー and ・ */
         (c >= 0x31F0 && c <= 0x31FF) ||   /* small katakana for Ainu */
         (c >= 0xFF66 && c <= 0xFF9F);     /* half-width katakana */
}

static gboolean
is_kanji (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) ||   /* CJK unified ideographs */
         (c >= 0x3400 && c <= 0x4DBF) ||   /* extension A */
         c == 0x3005;                      /* 々, the repeat mark */
}

/* 1 for a katakana word's characters, 2 for a kanji compound's, 0 for any other. */
static int
word_class (gunichar c)
{
  if (c != 0 && is_katakana (c) && c != 0x30FB)   /* ・ separates words */
    return 1;
  if (is_kanji (c))
    return 2;
  return 0;
}

static gboolean
is_hiragana (gunichar c)
{
  return c >= 0x3041 && c <= 0x3096;
}

/* No line break inside a katakana word (エー|ジェント, イーサ|リアム) or a kanji compound
 * (思|考, 対数目|盛), nor between a compound and the kana that end its word or follow it
 * (弱|い, 推論|が): at most two hiragana join the kanji before them.  Pango allows a break
 * between any two such characters.  A word longer than the line still breaks (see
 * reference_layout). */
void
kasane_render_keep_words (PangoAttrList *attrs,
                          const char    *text)
{
  const char *run = NULL;
  int run_class = 0, kana_after = 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int klass = word_class (c);

      /* A kanji run takes up to two hiragana after it. */
      if (run != NULL && run_class == 2 && klass == 0 && is_hiragana (c) && kana_after < 2)
        {
          kana_after++;
          continue;
        }
      if (run != NULL && (klass != run_class || kana_after > 0))
        {
          if (g_utf8_pointer_to_offset (run, p) > 1)
            {
              PangoAttribute *keep = pango_attr_allow_breaks_new (FALSE);

              keep->start_index = (guint) (run - text);
              keep->end_index = (guint) (p - text);
              pango_attr_list_insert (attrs, keep);
            }
          run = NULL;
        }
      if (klass != 0 && run == NULL)
        {
          run = p;
          run_class = klass;
          kana_after = 0;
        }
      if (c == 0)
        break;
    }
}

/* The layout that both measuring and painting use, at the reference size; `scale` is
 * what takes it to the text's own size. */
static PangoLayout *
reference_layout (PangoContext     *context,
                  const char       *text,
                  const KasaneFont *font,
                  const char       *lang,
                  double            max_width,
                  int               max_lines,
                  double           *scale)
{
  PangoLayout *layout;
  PangoFontDescription *desc;
  PangoAttrList *attrs;
  PangoLanguage *language = pango_language_from_string (pango_lang_tag (lang));
  g_autofree char *cleaned = NULL;
  const char *set;

  *scale = MAX (font->size, 0.5) / REFERENCE_SIZE;

  /* The context's language steers font fallback; the attribute steers shaping. */
  pango_context_set_language (context, language);
  layout = pango_layout_new (context);

  desc = pango_font_description_copy_static (base_font_description ());
  pango_font_description_set_absolute_size (desc, REFERENCE_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (desc, pango_weight (font->weight));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_language_new (language));
  if (font->tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  /* No font fallback surprises: the CJK face also sets Latin in this family. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));

  /* Plain text, never markup: dataset labels may hold < & >. */
  cleaned = text != NULL ? kasane_render_output_text (text, KASANE_TEXT_OUTPUT_GLYPHS) : NULL;
  set = cleaned != NULL ? cleaned : text != NULL ? text : "";
  pango_layout_set_text (layout, set, -1);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) floor (max_width / *scale * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }

  /* Katakana words whole, unless one is wider than the line: then it breaks like any
   * Japanese text rather than running past the width. */
  {
    PangoAttrList *plain = pango_attr_list_copy (attrs);

    kasane_render_keep_words (attrs, set);
    pango_layout_set_attributes (layout, attrs);
    if (max_width > 0)
      {
        PangoRectangle logical;

        pango_layout_get_extents (layout, NULL, &logical);
        if (logical.x + logical.width > pango_layout_get_width (layout))
          pango_layout_set_attributes (layout, plain);
      }
    pango_attr_list_unref (plain);
  }
  pango_attr_list_unref (attrs);

  return layout;
}

void
kasane_render_text_extents (PangoContext      *context,
                            const char        *text,
                            const KasaneFont  *font,
                            const char        *lang,
                            double             max_width,
                            int                max_lines,
                            KasaneTextExtents *extents)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double scale;

  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (font != NULL && extents != NULL);

  layout = reference_layout (context, text, font, lang, max_width, max_lines, &scale);
  pango_layout_get_extents (layout, NULL, &logical);
  extents->width = (double) (logical.x + logical.width) / PANGO_SCALE * scale;
  extents->height = (double) (logical.y + logical.height) / PANGO_SCALE * scale;
  extents->baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE * scale;
  extents->n_lines = pango_layout_get_line_count (layout);
  extents->ellipsized = pango_layout_is_ellipsized (layout);
  g_object_unref (layout);
}

void
kasane_render_show_text (cairo_t          *cr,
                         PangoContext     *context,
                         const char       *text,
                         const KasaneFont *font,
                         const char       *lang,
                         double            max_width,
                         int               max_lines)
{
  PangoLayout *layout;
  double scale, x, y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (font != NULL);

  layout = reference_layout (context, text, font, lang, max_width, max_lines, &scale);
  cairo_get_current_point (cr, &x, &y);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  cairo_new_path (cr);
  g_object_unref (layout);
}

/* Font warm-up: loading the fonts (fontconfig matching, the font files, the shaper) is
 * most of the first layout's time.  The window starts it before the toolkit, so the work
 * overlaps GTK's own start-up on another core. */
static gpointer
warm_up_thread_func (gpointer data)
{
  static const char *const samples[] = {
    "Kasane 0123456789 +-%$ AI Ethereum L1 L2 L3 …",
    "重ね 大規模言語モデル 推論 エージェント ロールアップ 問題 解決 未解決 …",
  };
  PangoContext *context = context_new_for_font_map (data);

  for (guint w = KASANE_WEIGHT_REGULAR; w <= KASANE_WEIGHT_BOLD; w++)
    for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
      {
        KasaneFont font = { REFERENCE_SIZE, w, s == 0 };
        KasaneTextExtents extents;

        kasane_render_text_extents (context, samples[s], &font, s == 0 ? "en" : "ja", 0, 0,
                                    &extents);
      }
  g_object_unref (context);

  return NULL;
}

void
kasane_render_warm_up (void)
{
  if (font_map != NULL || warm_up_thread != NULL)
    return;

  font_map = pango_cairo_font_map_new ();
  warm_up_thread = g_thread_new ("kasane-fonts", warm_up_thread_func, font_map);
}

/* The Pango measure.  A layout measures the same texts again and again (each try of a
 * fit search, each redraw after a what-if edit changes a few numbers), so the extents
 * are kept, keyed by everything that decides them; the table is emptied when it grows
 * past a bound, so a long session does not grow it without end. */

#define MEASURE_CACHE_MAX 50000

typedef struct
{
  PangoContext *context;
  GHashTable   *cache;   /* key → KasaneTextExtents */
} PangoData;

static void
pango_data_free (PangoData *data)
{
  g_object_unref (data->context);
  g_hash_table_unref (data->cache);
  g_free (data);
}

static void
pango_measure (KasaneMeasure     *measure,
               const char        *text,
               const KasaneFont  *font,
               const char        *lang,
               double             max_width,
               int                max_lines,
               KasaneTextExtents *extents)
{
  PangoData *data = measure->data;
  char *key = g_strdup_printf ("%s|%a|%d|%d|%a|%d|%s", lang != NULL ? lang : "", font->size,
                               font->weight, font->tabular, max_width, max_lines,
                               text != NULL ? text : "");
  KasaneTextExtents *hit = g_hash_table_lookup (data->cache, key);

  if (hit != NULL)
    {
      *extents = *hit;
      g_free (key);
      return;
    }
  kasane_render_text_extents (data->context, text, font, lang, max_width, max_lines, extents);
  if (g_hash_table_size (data->cache) >= MEASURE_CACHE_MAX)
    g_hash_table_remove_all (data->cache);
  g_hash_table_insert (data->cache, key, g_memdup2 (extents, sizeof *extents));
}

KasaneMeasure *
kasane_measure_new_pango (void)
{
  KasaneMeasure *measure = g_new0 (KasaneMeasure, 1);
  PangoData *data = g_new0 (PangoData, 1);

  data->context = kasane_render_context_new ();
  data->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  measure->func = pango_measure;
  measure->data = data;

  return measure;
}

gboolean
kasane_measure_is_pango (const KasaneMeasure *measure)
{
  return measure != NULL && measure->func == pango_measure;
}

/* The fake measure: every character the same width, lines 1.25 × the size.  Lines break
 * at spaces when they can, else anywhere, like PANGO_WRAP_WORD_CHAR. */

typedef struct
{
  double char_width;
} FakeData;

static void
fake_measure (KasaneMeasure     *measure,
              const char        *text,
              const KasaneFont  *font,
              const char        *lang,
              double             max_width,
              int                max_lines,
              KasaneTextExtents *extents)
{
  FakeData *data = measure->data;
  double cw = data->char_width * font->size;
  glong n = g_utf8_strlen (text != NULL ? text : "", -1);
  glong per_line, remaining, widest = 0;
  const char *p = text != NULL ? text : "";
  int lines = 0;

  extents->ellipsized = FALSE;

  if (max_width <= 0 || n * cw <= max_width)
    {
      extents->width = n * cw;
      extents->height = 1.25 * font->size;
      extents->baseline = font->size;
      extents->n_lines = 1;
      return;
    }

  per_line = MAX (1, (glong) floor (max_width / cw));
  remaining = n;
  while (remaining > 0)
    {
      glong take = MIN (per_line, remaining);

      if (max_lines > 0 && lines == max_lines - 1 && remaining > take)
        {
          extents->ellipsized = TRUE;
          widest = MAX (widest, take);
          lines++;
          break;
        }

      if (take < remaining)
        {
          /* Break after the last space within the line, if there is one. */
          const char *q = p;
          glong last_space = -1;

          for (glong i = 0; i < take; i++, q = g_utf8_next_char (q))
            if (*q == ' ')
              last_space = i;
          if (last_space > 0)
            take = last_space + 1;
        }

      widest = MAX (widest, take);
      for (glong i = 0; i < take; i++)
        p = g_utf8_next_char (p);
      remaining -= take;
      lines++;
    }

  extents->width = MIN (widest * cw, max_width);
  extents->height = lines * 1.25 * font->size;
  extents->baseline = font->size;
  extents->n_lines = lines;
}

KasaneMeasure *
kasane_measure_new_fake (double char_width)
{
  KasaneMeasure *measure = g_new0 (KasaneMeasure, 1);
  FakeData *data = g_new0 (FakeData, 1);

  data->char_width = char_width > 0 ? char_width : 0.6;
  measure->func = fake_measure;
  measure->data = data;

  return measure;
}

void
kasane_measure_free (KasaneMeasure *measure)
{
  if (measure == NULL)
    return;

  if (measure->func == pango_measure)
    pango_data_free (measure->data);
  else
    g_free (measure->data);
  g_free (measure);
}

void
kasane_measure_text (KasaneMeasure     *measure,
                     const char        *text,
                     const KasaneFont  *font,
                     const char        *lang,
                     double             max_width,
                     int                max_lines,
                     KasaneTextExtents *extents)
{
  g_return_if_fail (measure != NULL);
  g_return_if_fail (font != NULL);
  g_return_if_fail (extents != NULL);

  memset (extents, 0, sizeof *extents);
  measure->func (measure, text != NULL ? text : "", font, lang, max_width, max_lines, extents);
}
