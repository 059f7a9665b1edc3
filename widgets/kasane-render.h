/* kasane-render.h: what every view's renderer shares — themes, palettes, text measuring
 *
 * Model → layout (plain structs of doubles, no cairo) → paint (a finished layout onto any
 * cairo_t) → widget or export.  Colours come only from a KasanePalette, one table per
 * theme in C, so the widget and a headless export paint the same colours.  Layout measures
 * text through a KasaneMeasure: the app and export use Pango with fixed font options (so
 * screen and file match); tests use a fixed-width fake.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  KASANE_THEME_LIGHT,
  KASANE_THEME_DARK,
  KASANE_THEME_CONTRAST,   /* high contrast, for projectors */
} KasaneTheme;

typedef struct
{
  double red, green, blue, alpha;
} KasaneColor;

/* Named roles, never raw colours in paint code.  Okabe–Ito based. */
typedef struct
{
  KasaneColor background;     /* the page */
  KasaneColor surface;        /* cards (layer blocks) */
  KasaneColor border;
  KasaneColor text;
  KasaneColor text_dim;       /* secondary text, axis labels */
  KasaneColor grid;
  KasaneColor accent;         /* focus, selection */
  KasaneColor progression;    /* verdict badges */
  KasaneColor migration;
  KasaneColor mixed;
  KasaneColor on_badge;       /* text on a verdict badge */
  KasaneColor solves;         /* filled chip, ✓ */
  KasaneColor mitigates;      /* filled chip, ↓ */
  KasaneColor introduces;     /* outlined dashed chip, + */
  KasaneColor worsens;        /* outlined dotted chip, ↑ */
  KasaneColor on_chip;        /* text on a filled chip */
  KasaneColor rail;           /* problem rails */
  KasaneColor load;           /* open-load bars */
  KasaneColor positive;       /* net > 0 */
  KasaneColor negative;       /* net < 0 */
  KasaneColor highlight;      /* a hovered problem's path */
  KasaneColor series[8];      /* trend lines, in order */
  KasaneColor on_mitigates;   /* text on a mitigates chip (sky blue needs dark text) */
  KasaneColor shadow;         /* the soft shadow under cards */
  KasaneColor badge_soft;     /* quiet pills: the claim, the legend's frame */
  double      stroke_scale;   /* line widths × this (contrast: thick borders) */
} KasanePalette;

const KasanePalette *kasane_palette_get       (KasaneTheme  theme);
gboolean             kasane_theme_from_string (const char  *text,
                                               KasaneTheme *out);
const char          *kasane_theme_to_string   (KasaneTheme  theme);

/* Text floors: the smallest text a picture may use, from the distance it will be read at.
 * A picture (an export) is read as a whole, on a screen or projector that shows it at
 * full size: 18 px at 1920×1080, scaled by the shorter side over 1080, never below 11 px.
 * A window is read from a desk unless it fills the screen: 11 px at 800×600, 13 px at
 * 1280×720, 16 px at 1920×1080; a canvas as wide as its window (full screen, or the
 * sidebar hidden) is shown to a room and gets the picture's floor when that is larger.
 * Zooming in (text_scale > 1) raises a floor with the text; zooming out never lowers it. */
double kasane_text_floor_for_picture (double width,
                                      double height);
double kasane_text_floor_for_window  (double window_width,
                                      double window_height,
                                      gboolean fills_width);
double kasane_text_floor_zoomed      (double floor_px,
                                      double text_scale);

typedef enum
{
  KASANE_WEIGHT_REGULAR,
  KASANE_WEIGHT_SEMIBOLD,
  KASANE_WEIGHT_BOLD,
} KasaneWeight;

/* Text as an output can hold it.  Noncharacters (U+FFFE, U+FDD0, U+10FFFF …) become
 * U+FFFD everywhere: cairo's PDF surface refuses them as "not valid UTF-8".  For XML
 * (SVG <title>, <desc>) control characters but tab and newlines do too.  Returns NULL
 * when `text` needs no change. */
typedef enum
{
  KASANE_TEXT_OUTPUT_GLYPHS,
  KASANE_TEXT_OUTPUT_XML,
} KasaneTextOutput;

char                *kasane_render_output_text (const char      *text,
                                                KasaneTextOutput output);

/* Adds to `attrs` what keeps each katakana word and kanji compound of `text` on one line
 * (Pango would break between any two: エー|ジェント, 思|考).  Every chart's text and the
 * text views use it. */
void                 kasane_render_keep_words (PangoAttrList   *attrs,
                                               const char      *text);

/* One font: the family is fixed (Noto Sans CJK JP covers both languages); sizes are in
 * layout units (pixels at scale 1, points for SVG and PDF). */
typedef struct
{
  double       size;
  KasaneWeight weight;
  gboolean     tabular;   /* tabular figures for numbers */
} KasaneFont;

typedef struct
{
  double width;       /* of the widest line, as set */
  double height;      /* of all lines */
  double baseline;    /* of the first line, from the top */
  int    n_lines;
  gboolean ellipsized;
} KasaneTextExtents;

typedef struct _KasaneMeasure KasaneMeasure;

/* Measures `text` set in `font` in language `lang` ("en" or "ja": Pango gets the language
 * so CJK takes Japanese forms and breaks lines by Japanese rules).  With max_width > 0 the
 * text wraps at that width; with max_lines > 0 it is cut to that many lines and ellipsized.
 * Paint must set text with exactly the same arguments to get the same extents. */
typedef void (*KasaneMeasureFunc) (KasaneMeasure     *measure,
                                   const char        *text,
                                   const KasaneFont  *font,
                                   const char        *lang,
                                   double             max_width,
                                   int                max_lines,
                                   KasaneTextExtents *extents);

struct _KasaneMeasure
{
  KasaneMeasureFunc func;
  gpointer          data;
};

/* Pango with fixed font options (no hinting, no subpixel positioning of metrics), so a
 * layout measured for the screen and one measured for a file agree. */
KasaneMeasure *kasane_measure_new_pango (void);
/* Every character `char_width` × font size wide, lines 1.25 × font size high. For tests. */
KasaneMeasure *kasane_measure_new_fake  (double         char_width);
void           kasane_measure_free      (KasaneMeasure *measure);
void           kasane_measure_text      (KasaneMeasure     *measure,
                                         const char        *text,
                                         const KasaneFont  *font,
                                         const char        *lang,
                                         double             max_width,
                                         int                max_lines,
                                         KasaneTextExtents *extents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneMeasure, kasane_measure_free)

/* Text set the way every surface sets it (the diagram, the trend, export footers): a
 * Pango context with Kasane's fixed font options, and extents and painting at a
 * KasaneFont's size. */
PangoContext *kasane_render_context_new    (void);

/* The extents of `text` set in `font` (see KasaneMeasureFunc for the arguments). */
void          kasane_render_text_extents   (PangoContext      *context,
                                            const char        *text,
                                            const KasaneFont  *font,
                                            const char        *lang,
                                            double             max_width,
                                            int                max_lines,
                                            KasaneTextExtents *extents);

/* Sets `text` with its top left at the current point, in the current source, breaking
 * and ellipsizing exactly as kasane_render_text_extents measured it. */
void          kasane_render_show_text      (cairo_t           *cr,
                                            PangoContext      *context,
                                            const char        *text,
                                            const KasaneFont  *font,
                                            const char        *lang,
                                            double             max_width,
                                            int                max_lines);

/* Starts loading the fonts on a thread of their own; the first use of the font map
 * waits for it.  Call it early, before the toolkit starts. */
void          kasane_render_warm_up        (void);
/* Waits for the warm-up, if one is running. */
void          kasane_render_warm_up_join   (void);

G_END_DECLS
