/* kasane-export.c: draw a view into a PNG, SVG or PDF file, headless
 *
 * One renderer, every surface: the layout is built for the requested size and painted by
 * kasane_diagram_paint (compare, stack) or kasane_trend_paint (trend), exactly as the
 * window paints it, onto a cairo image, SVG or PDF
 * surface that writes into memory.  Only after cairo reports success are the bytes
 * written, to a hidden temporary file beside the target that is synced and renamed over
 * it.  No GTK here: `kasane --export` must work without a display.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-export"

#include "config.h"

#include "kasane-deck.h"
#include "kasane-export.h"
#include "kasane-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "kasane-diagram.h"
#include "kasane-file-writer.h"
#include "kasane-trend.h"
#include "kasane-render.h"

/* cairo's image surfaces are limited to 32767 pixels a side. */
#define MAX_PIXELS_PER_SIDE 32767
/* What a 16384×16384 picture needs: the image (1 GiB) and its encoding must fit in the
 * memory of an ordinary machine.  Above it, say so before allocating anything. */
#define MAX_PIXELS ((guint64) 16384 * 16384)


G_DEFINE_QUARK (kasane-export-error-quark, kasane_export_error)

static const char * const format_extensions[] = { "png", "svg", "pdf" };
static const char * const format_mime_types[] = { "image/png", "image/svg+xml",
                                                  "application/pdf" };
static const char * const view_names[] = { "compare", "stack", "trend", "slides" };
static const char * const background_names[] = { "theme", "white", "transparent" };

void
kasane_export_options_init (KasaneExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = KASANE_EXPORT_PNG;
  options->view = KASANE_EXPORT_VIEW_COMPARE;
  options->width = 1920;
  options->height = 1080;
  options->scale = 1;
  options->theme = KASANE_THEME_LIGHT;
  options->lang = NULL;
  options->background = KASANE_EXPORT_BACKGROUND_THEME;
  options->footer = NULL;
}

void
kasane_export_options_init_for_request (KasaneExportOptions       *options,
                                        const KasaneRenderRequest *request)
{
  static const KasaneExportView views[] = {
    [KASANE_CHART_COMPARE] = KASANE_EXPORT_VIEW_COMPARE,
    [KASANE_CHART_STACK] = KASANE_EXPORT_VIEW_STACK,
    [KASANE_CHART_TREND] = KASANE_EXPORT_VIEW_TREND,
  };

  g_return_if_fail (options != NULL);
  g_return_if_fail (request != NULL);

  kasane_export_options_init (options);
  options->view = views[request->chart];
  options->width = (guint) CLAMP (round (request->width), 16, 16384);
  options->height = (guint) CLAMP (round (request->height), 16, 16384);
  options->theme = request->theme;
  options->lang = request->lang;
  options->series = (const char * const *) request->series;
  options->state = request;
}

gboolean
kasane_export_format_from_path (const char         *path,
                                KasaneExportFormat *format)
{
  const char *dot;
  const char *slash;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  slash = strrchr (path, '/');
  if (dot == NULL || (slash != NULL && dot < slash))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (format_extensions); i++)
    {
      if (g_ascii_strcasecmp (dot + 1, format_extensions[i]) == 0)
        {
          if (format != NULL)
            *format = (KasaneExportFormat) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
kasane_export_format_to_extension (KasaneExportFormat format)
{
  g_return_val_if_fail (format <= KASANE_EXPORT_PDF, "png");
  return format_extensions[format];
}

const char *
kasane_export_format_to_mime_type (KasaneExportFormat format)
{
  g_return_val_if_fail (format <= KASANE_EXPORT_PDF, "image/png");
  return format_mime_types[format];
}

/* The index of `text` in `names`, for the enums that options name by string. */
static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             guint              *index)
{
  for (guint i = 0; text != NULL && i < n_names; i++)
    if (g_str_equal (text, names[i]))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
kasane_export_view_from_string (const char       *text,
                                KasaneExportView *view)
{
  guint index;

  if (!lookup_name (view_names, G_N_ELEMENTS (view_names), text, &index))
    return FALSE;
  *view = (KasaneExportView) index;
  return TRUE;
}

const char *
kasane_export_view_to_string (KasaneExportView view)
{
  g_return_val_if_fail (view <= KASANE_EXPORT_VIEW_SLIDES, "compare");
  return view_names[view];
}

gboolean
kasane_export_background_from_string (const char             *text,
                                      KasaneExportBackground *background)
{
  guint index;

  if (!lookup_name (background_names, G_N_ELEMENTS (background_names), text, &index))
    return FALSE;
  *background = (KasaneExportBackground) index;
  return TRUE;
}

const char *
kasane_export_background_to_string (KasaneExportBackground background)
{
  g_return_val_if_fail (background <= KASANE_EXPORT_BACKGROUND_TRANSPARENT, "theme");
  return background_names[background];
}

const char *
kasane_export_lang_from_locale (void)
{
  return kasane_i18n_system_language ();
}

/* Stack and trend draw one dataset: the first. */
static guint
datasets_shown (guint            n_datasets,
                KasaneExportView view)
{
  return view == KASANE_EXPORT_VIEW_COMPARE ? n_datasets : MIN (n_datasets, 1);
}

char *
kasane_export_title (KasaneDataset * const *datasets,
                     guint                  n_datasets,
                     KasaneExportView       view,
                     const char            *lang)
{
  GString *title = g_string_new (NULL);

  n_datasets = datasets_shown (n_datasets, view);
  for (guint i = 0; i < n_datasets; i++)
    {
      if (i > 0)
        g_string_append (title, " · ");
      g_string_append (title, kasane_text_get (&datasets[i]->title, lang));
    }
  if (title->len == 0)
    g_string_append (title, "Kasane");
  return g_string_free (title, FALSE);
}

/* "L2BEAT, arbitrum.ts milestones (…)" → "L2BEAT": the publisher is enough for a footer. */
static void
add_source (GPtrArray          *names,
            const KasaneSource *source)
{
  g_autofree char *name = NULL;
  gsize cut;

  if (source == NULL || source->name == NULL)
    return;
  cut = strcspn (source->name, ",(;:");
  name = g_strstrip (g_strndup (source->name, cut));
  if (name[0] == '\0' || g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
    return;
  g_ptr_array_add (names, g_steal_pointer (&name));
}

static gboolean
is_bundled (const KasaneDataset *dataset)
{
  return dataset->path == NULL &&
         (g_strcmp0 (dataset->id, "ai") == 0 || g_strcmp0 (dataset->id, "crypto") == 0);
}

char *
kasane_export_default_footer (KasaneDataset * const *datasets,
                              guint                  n_datasets,
                              KasaneExportView       view,
                              const char            *lang)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = kasane_export_title (datasets, n_datasets, view, lang);
  g_autofree char *sources = NULL;
  gboolean bundled = n_datasets > 0;
  const guint max_sources = 4;

  n_datasets = datasets_shown (n_datasets, view);
  for (guint i = 0; i < n_datasets; i++)
    {
      KasaneDataset *dataset = datasets[i];

      bundled = bundled && is_bundled (dataset);
      for (guint j = 0; j < dataset->layers->len; j++)
        add_source (names, ((KasaneLayer *) g_ptr_array_index (dataset->layers, j))->source);
      for (guint j = 0; j < dataset->series->len; j++)
        add_source (names, ((KasaneSeries *) g_ptr_array_index (dataset->series, j))->source);
      for (guint j = 0; j < dataset->events->len; j++)
        add_source (names, ((KasaneEvent *) g_ptr_array_index (dataset->events, j))->source);
    }

  if (names->len > 0)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < MIN (names->len, max_sources); i++)
        {
          if (i > 0)
            /* Translators: separates names in a list of sources */
            g_string_append (list, kasane_gettext (lang, N_(", ")));
          g_string_append (list, g_ptr_array_index (names, i));
        }
      if (names->len > max_sources)
        {
          g_autofree char *all = g_string_free (list, FALSE);

          /* Translators: %1$s is a list of sources, %2$u how many more there are */
          sources = g_strdup_printf (kasane_gettext (lang, N_("%1$s and %2$u more")), all,
                                     names->len - max_sources);
        }
      else
        sources = g_string_free (list, FALSE);
    }

  if (sources != NULL && bundled)
    /* Translators: a footer line under an exported chart; %1$s its title, %2$s the
     * sources, %3$s a licence such as GPL-3.0-or-later */
    return g_strdup_printf (kasane_gettext (lang, N_("%1$s · Sources: %2$s · Licence: %3$s")),
                            title, sources, "GPL-3.0-or-later");
  if (sources != NULL)
    /* Translators: a footer line under an exported chart; %1$s its title, %2$s the
     * sources */
    return g_strdup_printf (kasane_gettext (lang, N_("%1$s · Sources: %2$s")), title, sources);
  return g_steal_pointer (&title);
}

/* Drawing */

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_RENDER,
               _("Drawing failed: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* The footer is part of the page: a band at the bottom, its text at the page's floor
 * (18 px at 1920×1080), wrapped to at most three lines, never cut short. */
#define FOOTER_LINES 3

static double
footer_font_size (const KasaneExportOptions *options)
{
  return kasane_text_floor_for_picture (options->width, options->height);
}

static double
footer_margin (const KasaneExportOptions *options)
{
  return footer_font_size (options) * 2;
}

/* The footer's text measured for this page; FALSE when it has none. */
static gboolean
footer_measure (const KasaneExportOptions *options,
                const char                *lang,
                KasaneTextExtents         *extents)
{
  PangoContext *context;
  KasaneFont font = { footer_font_size (options), KASANE_WEIGHT_REGULAR, FALSE };

  if (options->footer == NULL || options->footer[0] == '\0')
    return FALSE;
  context = kasane_render_context_new ();
  kasane_render_text_extents (context, options->footer, &font, lang,
                              options->width - 2 * footer_margin (options), FOOTER_LINES,
                              extents);
  g_object_unref (context);
  return TRUE;
}

static double
footer_height (const KasaneExportOptions *options,
               const char                *lang)
{
  KasaneTextExtents extents;

  if (!footer_measure (options, lang, &extents))
    return 0;
  return ceil (extents.height + footer_font_size (options) * 1.6);
}

static void
paint_footer (cairo_t                   *cr,
              const KasaneExportOptions *options,
              const KasanePalette       *palette,
              const char                *lang,
              double                     top,
              double                     band)
{
  PangoContext *context = kasane_render_context_new ();
  KasaneFont font = { footer_font_size (options), KASANE_WEIGHT_REGULAR, FALSE };
  KasaneTextExtents extents;
  double margin = footer_margin (options);

  footer_measure (options, lang, &extents);

  cairo_save (cr);
  cairo_set_source_rgba (cr, palette->border.red, palette->border.green, palette->border.blue,
                         palette->border.alpha);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, margin, top + 0.5);
  cairo_line_to (cr, options->width - margin, top + 0.5);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, palette->text_dim.red, palette->text_dim.green,
                         palette->text_dim.blue, palette->text_dim.alpha);
  cairo_move_to (cr, margin, top + (band - extents.height) / 2);
  kasane_render_show_text (cr, context, options->footer, &font, lang,
                           options->width - 2 * margin, FOOTER_LINES);
  cairo_restore (cr);

  g_object_unref (context);
}

/* The picture's own floor; the view's, when that is larger, so an export of what is on
 * screen sets its text as the screen did. */
static double
export_text_floor (const KasaneExportOptions *options,
                   double                     text_scale)
{
  double floor_px = kasane_text_floor_zoomed (
    kasane_text_floor_for_picture (options->width, options->height), text_scale);

  if (options->state != NULL)
    floor_px = MAX (floor_px, options->state->min_text_px);
  return floor_px;
}

static gboolean
paint_diagram (cairo_t                   *cr,
               KasaneDataset * const     *datasets,
               guint                      n_datasets,
               const KasaneExportOptions *options,
               const char                *lang,
               const KasanePalette       *palette,
               KasaneMeasure             *measure,
               GError                   **error)
{
  g_autoptr(KasaneDiagramLayout) layout = NULL;
  KasaneDiagramParams params;

  kasane_diagram_params_init (&params);
  params.kind = options->view == KASANE_EXPORT_VIEW_STACK ? KASANE_DIAGRAM_STACK
                                                          : KASANE_DIAGRAM_COMPARE;
  params.width = options->width;
  params.height = options->height - footer_height (options, lang);
  params.lang = lang;
  params.theme = options->theme;
  if (options->state != NULL)
    {
      params.text_scale = options->state->text_scale;
      params.step = options->state->step;
      params.selected_dataset = options->state->selected_dataset;
      params.selected_layer = options->state->selected_layer;
    }

  params.min_text_px = export_text_floor (options, params.text_scale);
  layout = kasane_diagram_layout_new (datasets, datasets_shown (n_datasets, options->view),
                                      &params, measure);
  if (layout == NULL)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_RENDER,
                   _("The diagram could not be laid out at %u×%u"), options->width,
                   options->height);
      return FALSE;
    }
  if (!kasane_diagram_layout_fits (layout))
    {
      guint n_layers = 0;

      for (guint d = 0; d < datasets_shown (n_datasets, options->view); d++)
        n_layers += datasets[d]->layers->len;
      guint n_shown = datasets_shown (n_datasets, options->view);

      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%1$u dataset with %2$u layers in all does not fit at "
                                "%3$u×%4$u: export fewer datasets or a larger size",
                                "%1$u datasets with %2$u layers in all do not fit at "
                                "%3$u×%4$u: export fewer datasets or a larger size", n_shown),
                   n_shown, n_layers, options->width, options->height);
      return FALSE;
    }
  kasane_diagram_paint (cr, layout, palette);
  return TRUE;
}

/* The trend chart of one dataset: the data work once (the series normalized and, for a
 * large one, summarized per block), then one layout that decimates each series to its
 * pixel columns, painted like any frame of the widget. */
static gboolean
paint_trend (cairo_t                   *cr,
             KasaneDataset             *dataset,
             const KasaneExportOptions *options,
             const char                *lang,
             const KasanePalette       *palette,
             KasaneMeasure             *measure,
             GError                   **error)
{
  g_autoptr(KasaneTrendData) data = NULL;
  g_autoptr(KasaneTrendLayout) layout = NULL;
  KasaneTrendParams params;

  data = kasane_trend_data_new (dataset, options->series);
  if (kasane_trend_data_get_n_series (data) == 0)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SERIES,
                   _("“%s” has no series to chart"),
                   dataset->path != NULL ? dataset->path : dataset->id);
      return FALSE;
    }

  kasane_trend_params_init (&params);
  params.width = options->width;
  params.height = options->height - footer_height (options, lang);
  params.lang = lang;
  params.theme = options->theme;
  if (options->state != NULL)
    {
      params.text_scale = options->state->text_scale;
      params.view_x0 = options->state->view_x0;
      params.view_x1 = options->state->view_x1;
      params.hidden = options->state->hidden;
    }

  params.min_text_px = export_text_floor (options, params.text_scale);
  layout = kasane_trend_layout_new_for_data (data, &params, measure);
  if (layout == NULL)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_RENDER,
                   _("The chart could not be laid out at %u×%u"), options->width,
                   options->height);
      return FALSE;
    }
  kasane_trend_paint (cr, layout, palette);
  return TRUE;
}

/* The deck (kasane-deck.h): every slide step a page, in the export's theme. */
static gboolean
paint_deck (cairo_t                   *cr,
            KasaneDataset * const     *datasets,
            guint                      n_datasets,
            const KasaneExportOptions *options,
            const char                *lang,
            GError                   **error)
{
  g_autoptr(KasaneDeck) deck = kasane_deck_new (datasets, n_datasets);
  g_autoptr(KasaneMeasure) measure = kasane_measure_new_pango ();

  for (guint i = 0; i < kasane_deck_get_n_slides (deck); i++)
    {
      g_autofree char *message = NULL;

      if (!kasane_deck_paint_slide (deck, i, cr, options->width, options->height, lang,
                                    options->theme, measure, &message))
        {
          g_set_error_literal (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE, message);
          return FALSE;
        }
      cairo_show_page (cr);
      if (!check_cairo (cairo_status (cr), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
paint_page (cairo_t                   *cr,
            KasaneDataset * const     *datasets,
            guint                      n_datasets,
            const KasaneExportOptions *options,
            const char                *lang,
            GError                   **error)
{
  g_autoptr(KasaneMeasure) measure = NULL;
  KasanePalette palette = *kasane_palette_get (options->theme);
  double band = footer_height (options, lang);
  gboolean ok;

  /* The page colour is the export's choice; paint gets it too, so anything it fills with
   * the page colour matches what is underneath. */
  switch (options->background)
    {
    case KASANE_EXPORT_BACKGROUND_WHITE:
      palette.background = (KasaneColor) { 1, 1, 1, 1 };
      break;
    case KASANE_EXPORT_BACKGROUND_TRANSPARENT:
      palette.background.alpha = 0;
      break;
    case KASANE_EXPORT_BACKGROUND_THEME:
    default:
      break;
    }
  if (palette.background.alpha > 0)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, palette.background.red, palette.background.green,
                             palette.background.blue, palette.background.alpha);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  measure = kasane_measure_new_pango ();
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, options->width, options->height - band);
  cairo_clip (cr);
  if (options->view == KASANE_EXPORT_VIEW_TREND)
    ok = paint_trend (cr, datasets[0], options, lang, &palette, measure, error);
  else
    ok = paint_diagram (cr, datasets, n_datasets, options, lang, &palette, measure, error);
  cairo_restore (cr);
  if (!ok)
    return FALSE;

  if (band > 0)
    paint_footer (cr, options, &palette, lang, options->height - band, band);

  return check_cairo (cairo_status (cr), error);
}

/* PNG, written here rather than by cairo_surface_write_to_png_stream: libpng's defaults
 * (every filter tried on every row, zlib level 6) took longer than drawing a million
 * points.  A chart is flat colour and thin lines, so each row gets Sub or Up, whichever
 * leaves the smaller sum, and deflate at level 1 (GIO's zlib) packs those runs of zeros
 * almost as small, several times faster.  Opaque images are written as RGB; others as
 * RGBA, un-premultiplied. */

static guint32 crc_table[256];

static void
crc_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
          crc_table[n] = c;
        }
      g_once_init_leave (&done, 1);
    }
}

static guint32
crc_update (guint32       crc,
            const guint8 *data,
            gsize         length)
{
  for (gsize i = 0; i < length; i++)
    crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

static void
put_be32 (GByteArray *out,
          guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

static void
png_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  guint32 crc = 0xffffffffu;

  put_be32 (out, (guint32) length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  crc = crc_update (crc, (const guint8 *) type, 4);
  crc = crc_update (crc, data, length);
  put_be32 (out, crc ^ 0xffffffffu);
}

static gboolean
encode_png (cairo_surface_t  *surface,
            GByteArray       *out,
            GError          **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  gboolean opaque = TRUE;
  guint bpp;
  gsize row_bytes, filtered_length;
  g_autofree guint8 *raw = NULL;       /* two rows: this one and the one above */
  g_autofree guint8 *filtered = NULL;
  g_autofree guint8 *deflated = NULL;
  gsize deflated_size, read_total = 0, written_total = 0;
  g_autoptr(GZlibCompressor) compressor = NULL;
  guint8 header[13];

  crc_init ();
  for (int y = 0; y < height && opaque; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          {
            opaque = FALSE;
            break;
          }
    }
  bpp = opaque ? 3 : 4;
  row_bytes = (gsize) width * bpp;
  filtered_length = (row_bytes + 1) * height;
  raw = g_try_malloc0 (2 * row_bytes);
  filtered = g_try_malloc (filtered_length);
  if (raw == NULL || filtered == NULL)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE,
                   _("There is not enough memory to encode a %d×%d PNG image: choose a "
                     "smaller size or scale"), width, height);
      return FALSE;
    }

  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (pixels + (gsize) y * stride);
      guint8 *cur = raw + (y & 1) * row_bytes;
      const guint8 *prev = raw + ((y + 1) & 1) * row_bytes;
      guint8 *dst = filtered + (gsize) y * (row_bytes + 1);
      guint64 sum_sub = 0, sum_up = 0;

      /* Native-endian premultiplied ARGB → RGB(A) bytes. */
      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];
          guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
          guint8 *o = cur + (gsize) x * bpp;

          if (!opaque && a != 0xff)
            {
              if (a == 0)
                r = g = b = 0;
              else
                {
                  r = (r * 255 + a / 2) / a;
                  g = (g * 255 + a / 2) / a;
                  b = (b * 255 + a / 2) / a;
                }
            }
          o[0] = r;
          o[1] = g;
          o[2] = b;
          if (!opaque)
            o[3] = a;
        }
      if (y == 0)
        memset ((guint8 *) prev, 0, row_bytes);

      /* Sub or Up, whichever leaves less (the sum of the filtered bytes as signed). */
      for (gsize i = 0; i < row_bytes; i++)
        {
          guint8 sub = cur[i] - (i >= bpp ? cur[i - bpp] : 0);
          guint8 up = cur[i] - prev[i];

          sum_sub += sub < 128 ? sub : 256 - sub;
          sum_up += up < 128 ? up : 256 - up;
        }
      if (sum_up < sum_sub)
        {
          dst[0] = 2;
          for (gsize i = 0; i < row_bytes; i++)
            dst[1 + i] = cur[i] - prev[i];
        }
      else
        {
          dst[0] = 1;
          for (gsize i = 0; i < row_bytes; i++)
            dst[1 + i] = cur[i] - (i >= bpp ? cur[i - bpp] : 0);
        }
    }

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1);
  deflated_size = filtered_length / 8 + 4096;
  deflated = g_try_malloc (deflated_size);
  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;
      g_autoptr(GError) local_error = NULL;

      if (deflated == NULL)
        {
          g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE,
                       _("There is not enough memory to encode a %d×%d PNG image: choose "
                         "a smaller size or scale"), width, height);
          return FALSE;
        }
      result = g_converter_convert (G_CONVERTER (compressor), filtered + read_total,
                                    filtered_length - read_total, deflated + written_total,
                                    deflated_size - written_total,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written,
                                    &local_error);
      read_total += bytes_read;
      written_total += bytes_written;
      if (result == G_CONVERTER_FINISHED)
        break;
      if (result == G_CONVERTER_ERROR &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_RENDER,
                       _("Drawing failed: %s"), local_error->message);
          return FALSE;
        }
      if (deflated_size - written_total < 4096 || result == G_CONVERTER_ERROR)
        {
          guint8 *larger = g_try_realloc (deflated, deflated_size * 2);

          if (larger == NULL)
            g_clear_pointer (&deflated, g_free);
          deflated = larger;
          deflated_size *= 2;
        }
    }

  g_byte_array_append (out, signature, sizeof signature);
  header[0] = width >> 24, header[1] = width >> 16, header[2] = width >> 8, header[3] = width;
  header[4] = height >> 24, header[5] = height >> 16, header[6] = height >> 8;
  header[7] = height;
  header[8] = 8;                  /* bits per sample */
  header[9] = opaque ? 2 : 6;     /* RGB or RGBA */
  header[10] = 0;                 /* deflate */
  header[11] = 0;                 /* adaptive filtering */
  header[12] = 0;                 /* not interlaced */
  png_chunk (out, "IHDR", header, sizeof header);
  png_chunk (out, "IDAT", deflated, written_total);
  png_chunk (out, "IEND", NULL, 0);
  return TRUE;
}

static gboolean
render_png (GByteArray                *out,
            KasaneDataset * const     *datasets,
            guint                      n_datasets,
            const KasaneExportOptions *options,
            const char                *lang,
            GError                   **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  guint scale = MAX (options->scale, 1);

  if ((guint64) options->width * scale > MAX_PIXELS_PER_SIDE ||
      (guint64) options->height * scale > MAX_PIXELS_PER_SIDE)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE,
                   _("%u×%u at scale %u is too large for a PNG image (at most %u pixels a "
                     "side)"), options->width, options->height, scale, MAX_PIXELS_PER_SIDE);
      return FALSE;
    }
  if ((guint64) options->width * scale * options->height * scale > MAX_PIXELS)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE,
                   _("%u×%u at scale %u is too large for a PNG image (at most %s pixels, "
                     "as in 16384×16384): choose a smaller size or scale"),
                   options->width, options->height, scale, "268,435,456");
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width * scale,
                                        options->height * scale);
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ok = paint_page (cr, datasets, n_datasets, options, lang, error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (ok)
    ok = check_cairo (cairo_surface_status (surface), error);
  if (ok)
    ok = encode_png (surface, out, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* Text for a document's metadata (see kasane_render_output_text ()). */
static char *
document_text (const char       *text,
               KasaneTextOutput  output)
{
  char *cleaned = kasane_render_output_text (text, output);

  return cleaned != NULL ? cleaned : g_strdup (text);
}

/* cairo 1.16 writes SVG text as glyph outlines: a reader (or a screen reader) gets the
 * picture's title and description from <title> and <desc>, first children of <svg>. */
static gboolean
insert_svg_description (GByteArray  *svg,
                        const char  *title,
                        const char  *description,
                        GError     **error)
{
  g_autofree char *clean_title = document_text (title, KASANE_TEXT_OUTPUT_XML);
  g_autofree char *clean_desc = document_text (description, KASANE_TEXT_OUTPUT_XML);
  g_autofree char *escaped_title = g_markup_escape_text (clean_title, -1);
  g_autofree char *escaped_desc = g_markup_escape_text (clean_desc, -1);
  g_autofree char *insert = NULL;
  g_autoptr(GByteArray) rest = NULL;
  const char *data = (const char *) svg->data;
  const char *start = g_strstr_len (data, svg->len, "<svg");
  const char *end = NULL;

  if (start != NULL)
    end = memchr (start, '>', svg->len - (start - data));
  if (start == NULL || end == NULL)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_RENDER,
                   _("Drawing failed: cairo wrote an SVG file without an <svg> element"));
      return FALSE;
    }
  insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", escaped_title,
                            escaped_desc);
  rest = g_byte_array_new ();
  g_byte_array_append (rest, (const guint8 *) end + 1, svg->len - (end + 1 - data));
  g_byte_array_set_size (svg, end + 1 - data);
  g_byte_array_append (svg, (const guint8 *) insert, strlen (insert));
  g_byte_array_append (svg, rest->data, rest->len);
  return TRUE;
}

static gboolean
render_vector (GByteArray                *out,
               KasaneDataset * const     *datasets,
               guint                      n_datasets,
               const KasaneExportOptions *options,
               const char                *lang,
               GError                   **error)
{
  g_autofree char *title = kasane_export_title (datasets, n_datasets, options->view, lang);
  g_autofree char *description = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (options->view == KASANE_EXPORT_VIEW_TREND)
    description = kasane_trend_describe (datasets[0], options->series, lang);
  else
    description = kasane_diagram_describe (datasets, datasets_shown (n_datasets, options->view),
                                           options->view == KASANE_EXPORT_VIEW_STACK
                                           ? KASANE_DIAGRAM_STACK : KASANE_DIAGRAM_COMPARE,
                                           lang);
  if (description == NULL)
    description = g_strdup (title);

  if (options->format == KASANE_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_to_byte_array, out,
                                                     options->width, options->height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
          /* --size is in points for SVG, as for PDF (cairo 1.16). */
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        }
    }
  else
    {
      g_autofree char *creator = g_strdup_printf ("Kasane %s", PACKAGE_VERSION);
      g_autofree char *clean_title = document_text (title, KASANE_TEXT_OUTPUT_GLYPHS);
      g_autofree char *clean_desc = document_text (description, KASANE_TEXT_OUTPUT_GLYPHS);

      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, out,
                                                     options->width, options->height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, clean_title);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Kasane");
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                          clean_desc);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
        }
    }
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  if (options->view == KASANE_EXPORT_VIEW_SLIDES)
    ok = paint_deck (cr, datasets, n_datasets, options, lang, error);
  else
    ok = paint_page (cr, datasets, n_datasets, options, lang, error);
  cairo_destroy (cr);
  /* Only a finished surface has written everything, and only then is its status final. */
  cairo_surface_finish (surface);
  if (ok)
    ok = check_cairo (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);

  if (ok && options->format == KASANE_EXPORT_SVG)
    ok = insert_svg_description (out, title, description, error);
  return ok;
}

gboolean
kasane_export_check_series (KasaneDataset       *dataset,
                            const char * const  *series,
                            GError             **error)
{
  const char *name;
  g_autoptr(GString) ids = NULL;

  g_return_val_if_fail (dataset != NULL, FALSE);

  name = dataset->path != NULL ? dataset->path : dataset->id;
  if (dataset->series->len == 0)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SERIES,
                   _("“%s” has no series to chart; the trend view draws a dataset’s series"),
                   name);
      return FALSE;
    }
  if (series == NULL)
    return TRUE;

  for (guint i = 0; series[i] != NULL; i++)
    {
      if (kasane_dataset_find_series (dataset, series[i]) >= 0)
        continue;

      ids = g_string_new (NULL);
      for (guint k = 0; k < dataset->series->len; k++)
        {
          KasaneSeries *s = g_ptr_array_index (dataset->series, k);

          if (k > 0)
            g_string_append (ids, ", ");
          g_string_append (ids, s->id);
        }
      if (series[i][0] == '\0')
        g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SERIES,
                     /* Translators: %1$s a file, %2$s a comma-separated list of series ids. */
                     _("--series names an empty series id; the series of “%1$s” are: %2$s"),
                     name, ids->str);
      else
        g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SERIES,
                     /* Translators: %1$s a file, %2$s the unknown id, %3$s a comma-separated
                      * list of the series ids it has. */
                     _("“%1$s” has no series “%2$s”; its series are: %3$s"),
                     name, series[i], ids->str);
      return FALSE;
    }
  if (series[0] == NULL)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SERIES,
                   _("--series names no series"));
      return FALSE;
    }
  return TRUE;
}

GBytes *
kasane_export_render (KasaneDataset * const     *datasets,
                      guint                      n_datasets,
                      const KasaneExportOptions *options,
                      GError                   **error)
{
  g_autoptr(GByteArray) out = NULL;
  const char *lang;
  gboolean ok;

  g_return_val_if_fail (datasets != NULL || n_datasets == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A deck is many pages: only a PDF holds it (one picture of its first slide would pass
   * for the whole). */
  if (options->view == KASANE_EXPORT_VIEW_SLIDES && options->format != KASANE_EXPORT_PDF)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_UNSUPPORTED,
                   _("The slides are exported as a PDF deck, one page a slide: give a .pdf "
                     "file"));
      return NULL;
    }
  if (n_datasets == 0)
    {
      g_set_error_literal (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_NO_DATA,
                           _("There is no dataset to draw"));
      return NULL;
    }
  if (options->view == KASANE_EXPORT_VIEW_TREND &&
      !kasane_export_check_series (datasets[0], options->series, error))
    return NULL;
  for (guint i = 0; i < datasets_shown (n_datasets, options->view) &&
                    options->view != KASANE_EXPORT_VIEW_TREND; i++)
    {
      if (datasets[i]->layers->len == 0)
        {
          const char *name = datasets[i]->path != NULL ? datasets[i]->path : datasets[i]->id;

          g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_NO_DATA,
                       _("“%s” has no layers to draw (a CSV file holds only series)"), name);
          return NULL;
        }
    }
  lang = options->lang != NULL ? options->lang : kasane_export_lang_from_locale ();
  if (options->width < 1 || options->height < 1 || options->width > 16384 ||
      options->height > 16384 || footer_height (options, lang) >= options->height / 2.0)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE,
                   _("%u×%u is not a size that can be drawn"), options->width,
                   options->height);
      return NULL;
    }

  out = g_byte_array_new ();
  if (options->format == KASANE_EXPORT_PNG)
    ok = render_png (out, datasets, n_datasets, options, lang, error);
  else
    ok = render_vector (out, datasets, n_datasets, options, lang, error);
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Writing */

gboolean
kasane_export_write_file (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kasane_file_writer_replace (path, data, length, &local_error))
    return TRUE;
  g_set_error_literal (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE,
                       local_error->message);
  return FALSE;
}

gboolean
kasane_export_write (KasaneDataset * const     *datasets,
                     guint                      n_datasets,
                     const KasaneExportOptions *options,
                     const char                *path,
                     GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A missing folder or a file that may not be replaced is known before drawing: say so
   * at once. */
  if (!kasane_file_writer_check (path, &local_error))
    {
      g_set_error_literal (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }

  bytes = kasane_export_render (datasets, n_datasets, options, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot write “%1$s”: %2$s"), shown, local_error->message);
      return FALSE;
    }
  return kasane_export_write_file (path, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error);
}
