/* kasane-export.c: draw a view into a PNG, SVG or PDF file, headless
 *
 * One renderer, every surface: the layout is built for the requested size and painted by
 * kasane_diagram_paint, exactly as the window paints it, onto a cairo image, SVG or PDF
 * surface that writes into memory.  Only after cairo reports success are the bytes
 * written, to a hidden temporary file beside the target that is synced and renamed over
 * it.  No GTK here: `kasane --export` must work without a display.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-export"

#include "config.h"

#include "kasane-export.h"

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
#include <pango/pangocairo.h>

#include "kasane-diagram.h"
#include "kasane-loader.h"
#include "kasane-render-private.h"
#include "kasane-resources.h"

/* cairo's image surfaces are limited to 32767 pixels a side. */
#define MAX_PIXELS_PER_SIDE 32767

#define BUNDLED_PREFIX "/io/github/kasane/Kasane/datasets/"

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

gboolean
kasane_export_view_from_string (const char       *text,
                                KasaneExportView *view)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (view_names); i++)
    {
      if (g_str_equal (text, view_names[i]))
        {
          *view = (KasaneExportView) i;
          return TRUE;
        }
    }
  return FALSE;
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
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (background_names); i++)
    {
      if (g_str_equal (text, background_names[i]))
        {
          *background = (KasaneExportBackground) i;
          return TRUE;
        }
    }
  return FALSE;
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
  static const char * const variables[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value == NULL || value[0] == '\0')
        continue;
      return g_str_has_prefix (value, "ja") ? "ja" : "en";
    }
  return "en";
}

GPtrArray *
kasane_export_load_bundled (GError **error)
{
  static const char * const names[] = { "ai.json", "crypto.json" };
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 kasane_dataset_unref);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strconcat (BUNDLED_PREFIX, names[i], NULL);
      g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      KasaneDataset *dataset;
      gsize length;
      const char *data;

      /* The bundle is in a static library: referring to it links it in (and registers
       * it), with no GTK needed. */
      bytes = g_resource_lookup_data (kasane_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_LOAD,
                       _("The bundled dataset “%s” is missing: %s"), names[i],
                       local_error->message);
          return NULL;
        }
      data = g_bytes_get_data (bytes, &length);
      dataset = kasane_dataset_load_json (data, length, names[i], NULL, diagnostics);
      if (dataset == NULL)
        {
          g_autofree char *text = kasane_diagnostics_format (diagnostics);

          g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_LOAD,
                       _("The bundled dataset “%s” did not load:\n%s"), names[i],
                       text != NULL ? g_strchomp (text) : "");
          return NULL;
        }
      g_ptr_array_add (datasets, dataset);
    }
  return g_steal_pointer (&datasets);
}

/* Stack (and, later, trend) draw one dataset: the first. */
static guint
datasets_shown (guint            n_datasets,
                KasaneExportView view)
{
  return view == KASANE_EXPORT_VIEW_COMPARE ? n_datasets : MIN (n_datasets, 1);
}

/* Text drawn into the picture is in the picture's language (--lang), not the desktop's:
 * like the renderer, a small table gives the Japanese; N_() keeps the English in the
 * message catalogue for other uses. */
static const struct
{
  const char *en;
  const char *ja;
} picture_texts[] = {
  /* TRANSLATORS: separates names in a list of sources */
  { N_(", "), "、" },
  /* TRANSLATORS: %1$s is a list of sources, %2$u how many more there are */
  { N_("%1$s and %2$u more"), "%1$s ほか%2$u件" },
  /* TRANSLATORS: a footer line under an exported chart; %1$s is its title, %2$s the
   * sources, %3$s a licence such as GPL-3.0-or-later */
  { N_("%1$s · Sources: %2$s · Licence: %3$s"), "%1$s · 出典：%2$s · ライセンス：%3$s" },
  /* TRANSLATORS: a footer line under an exported chart; %1$s is its title, %2$s the
   * sources */
  { N_("%1$s · Sources: %2$s"), "%1$s · 出典：%2$s" },
};

static const char *picture_text (const char *lang,
                                 const char *msgid) G_GNUC_FORMAT (2);

static const char *
picture_text (const char *lang,
              const char *msgid)
{
  if (g_strcmp0 (lang, "ja") != 0)
    return msgid;
  for (guint i = 0; i < G_N_ELEMENTS (picture_texts); i++)
    if (g_str_equal (picture_texts[i].en, msgid))
      return picture_texts[i].ja;
  return msgid;
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
            g_string_append (list, picture_text (lang, N_(", ")));
          g_string_append (list, g_ptr_array_index (names, i));
        }
      if (names->len > max_sources)
        {
          g_autofree char *all = g_string_free (list, FALSE);

          sources = g_strdup_printf (picture_text (lang, N_("%1$s and %2$u more")), all,
                                     names->len - max_sources);
        }
      else
        sources = g_string_free (list, FALSE);
    }

  if (sources != NULL && bundled)
    return g_strdup_printf (picture_text (lang, N_("%1$s · Sources: %2$s · Licence: %3$s")),
                            title, sources, "GPL-3.0-or-later");
  if (sources != NULL)
    return g_strdup_printf (picture_text (lang, N_("%1$s · Sources: %2$s")), title, sources);
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

/* The footer is part of the page: a band at the bottom, sized to the page. */
static double
footer_font_size (const KasaneExportOptions *options)
{
  double base = MIN ((double) options->height, options->width * 9.0 / 16.0);

  return CLAMP (base * 0.015, 8.0, 28.0);
}

static double
footer_height (const KasaneExportOptions *options)
{
  if (options->footer == NULL || options->footer[0] == '\0')
    return 0;
  return ceil (footer_font_size (options) * 2.6);
}

static void
paint_footer (cairo_t                   *cr,
              const KasaneExportOptions *options,
              const KasanePalette       *palette,
              const char                *lang,
              double                     top)
{
  PangoContext *context = kasane_render_context_new ();
  PangoLayout *layout;
  KasaneFont font = { footer_font_size (options), KASANE_WEIGHT_REGULAR, FALSE };
  KasaneTextExtents extents;
  double margin = font.size * 2;

  /* Set exactly as the diagram sets its text: same family, options and language. */
  kasane_render_context_update (context, cr);
  layout = kasane_render_text_layout (context, options->footer, &font, lang,
                                      options->width - 2 * margin, 1);
  kasane_render_layout_extents (layout, &extents);

  cairo_save (cr);
  cairo_set_source_rgba (cr, palette->border.red, palette->border.green, palette->border.blue,
                         palette->border.alpha);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, margin, top + 0.5);
  cairo_line_to (cr, options->width - margin, top + 0.5);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, palette->text_dim.red, palette->text_dim.green,
                         palette->text_dim.blue, palette->text_dim.alpha);
  cairo_move_to (cr, margin, top + (footer_height (options) - extents.height) / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  g_object_unref (layout);
  g_object_unref (context);
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
  g_autoptr(KasaneDiagramLayout) layout = NULL;
  KasaneDiagramParams params;
  KasanePalette palette = *kasane_palette_get (options->theme);
  double band = footer_height (options);

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

  kasane_diagram_params_init (&params);
  params.kind = options->view == KASANE_EXPORT_VIEW_STACK ? KASANE_DIAGRAM_STACK
                                                          : KASANE_DIAGRAM_COMPARE;
  params.width = options->width;
  params.height = options->height - band;
  params.lang = lang;
  params.theme = options->theme;

  measure = kasane_measure_new_pango ();
  layout = kasane_diagram_layout_new (datasets, datasets_shown (n_datasets, options->view),
                                      &params, measure);
  if (layout == NULL)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_RENDER,
                   _("The diagram could not be laid out at %u×%u"), options->width,
                   options->height);
      return FALSE;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, params.width, params.height);
  cairo_clip (cr);
  kasane_diagram_paint (cr, layout, &palette);
  cairo_restore (cr);

  if (band > 0)
    paint_footer (cr, options, &palette, lang, params.height);

  return check_cairo (cairo_status (cr), error);
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
    ok = check_cairo (cairo_surface_write_to_png_stream (surface, append_to_byte_array, out),
                      error);
  cairo_surface_destroy (surface);
  return ok;
}

/* cairo 1.16 writes SVG text as glyph outlines: a reader (or a screen reader) gets the
 * picture's title and description from <title> and <desc>, first children of <svg>. */
static gboolean
insert_svg_description (GByteArray  *svg,
                        const char  *title,
                        const char  *description,
                        GError     **error)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_desc = g_markup_escape_text (description, -1);
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

      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, out,
                                                     options->width, options->height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Kasane");
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, description);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
        }
    }
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
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

  if (options->view == KASANE_EXPORT_VIEW_TREND || options->view == KASANE_EXPORT_VIEW_SLIDES)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_UNSUPPORTED,
                   _("The %s view cannot be exported yet; export the compare or stack view"),
                   kasane_export_view_to_string (options->view));
      return NULL;
    }
  if (n_datasets == 0)
    {
      g_set_error_literal (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_NO_DATA,
                           _("There is no dataset to draw"));
      return NULL;
    }
  for (guint i = 0; i < datasets_shown (n_datasets, options->view); i++)
    {
      if (datasets[i]->layers->len == 0)
        {
          const char *name = datasets[i]->path != NULL ? datasets[i]->path : datasets[i]->id;

          g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_NO_DATA,
                       _("“%s” has no layers to draw (a CSV file holds only series)"), name);
          return NULL;
        }
    }
  if (options->width < 1 || options->height < 1 || options->width > 16384 ||
      options->height > 16384 || footer_height (options) >= options->height / 2.0)
    {
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE,
                   _("%u×%u is not a size that can be drawn"), options->width,
                   options->height);
      return NULL;
    }

  lang = options->lang != NULL ? options->lang : kasane_export_lang_from_locale ();
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

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *folder,
                 int          saved_errno)
{
  g_autofree char *shown_path = g_filename_display_name (path);
  g_autofree char *shown_folder = g_filename_display_name (folder);

  switch (saved_errno)
    {
    case ENOENT:
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE,
                   _("Cannot write “%1$s”: the folder “%2$s” does not exist"),
                   shown_path, shown_folder);
      break;
    case ENOTDIR:
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE,
                   _("Cannot write “%1$s”: “%2$s” is not a folder"), shown_path,
                   shown_folder);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE,
                   _("Cannot write “%1$s”: no permission to write in the folder “%2$s”"),
                   shown_path, shown_folder);
      break;
    default:
      g_set_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE,
                   _("Cannot write “%1$s”: %2$s"), shown_path, g_strerror (saved_errno));
      break;
    }
}

gboolean
kasane_export_write_file (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  const guint8 *p = data;
  gsize left = length;
  int fd;
  int dir_fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, path, folder, EISDIR);
      return FALSE;
    }

  /* Hidden, in the same folder (so the rename is atomic), removed on every failure. */
  temp_name = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (folder, temp_name, NULL);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, folder, errno);
      return FALSE;
    }

  while (left > 0)
    {
      gssize written = write (fd, p, left);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int saved_errno = written < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (temp_path);
          set_write_error (error, path, folder, saved_errno);
          return FALSE;
        }
      p += written;
      left -= written;
    }

  /* The data must be on disk before the name points at it, or a crash could leave an
   * empty file where the earlier export was. */
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_write_error (error, path, folder, saved_errno);
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_write_error (error, path, folder, saved_errno);
      return FALSE;
    }

  /* And the rename itself should survive a crash; failing to sync it is not an error. */
  dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
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
  g_autofree char *folder = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A missing folder is known before drawing: say so at once. */
  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, path, folder,
                       g_file_test (folder, G_FILE_TEST_EXISTS) ? ENOTDIR : ENOENT);
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

/* The command line */

int
kasane_export_run_cli (const KasaneCliOptions *cli,
                       FILE                   *err)
{
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GError) error = NULL;
  KasaneExportOptions options;
  gboolean failed = FALSE;

  g_return_val_if_fail (cli != NULL && cli->export_path != NULL, KASANE_EXIT_USAGE);

  kasane_export_options_init (&options);
  /* kasane_cli_parse has refused unknown extensions, views and themes (exit 2). */
  if (!kasane_export_format_from_path (cli->export_path, &options.format) ||
      !kasane_export_view_from_string (cli->view != NULL ? cli->view : "compare",
                                       &options.view) ||
      !kasane_theme_from_string (cli->theme != NULL ? cli->theme : "light", &options.theme))
    g_return_val_if_reached (KASANE_EXIT_USAGE);
  options.width = cli->width;
  options.height = cli->height;
  options.scale = cli->scale;
  options.lang = cli->lang != NULL ? cli->lang : kasane_export_lang_from_locale ();

  if (options.view == KASANE_EXPORT_VIEW_TREND || options.view == KASANE_EXPORT_VIEW_SLIDES)
    {
      /* TRANSLATORS: %s is the name of a view on the command line: trend or slides */
      fprintf (err, _("kasane: --view=%s is not available yet; it comes in a later version "
                      "(use --view=compare or --view=stack)\n"), cli->view);
      return KASANE_EXIT_FAULT;
    }

  if (cli->files[0] == NULL)
    {
      datasets = kasane_export_load_bundled (&error);
      if (datasets == NULL)
        {
          fprintf (err, "kasane: %s\n", error->message);
          return KASANE_EXIT_FAULT;
        }
    }
  else
    {
      datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
      for (guint i = 0; cli->files[i] != NULL; i++)
        {
          g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
          KasaneDataset *dataset = kasane_load_file (cli->files[i], diagnostics);
          g_autofree char *text = kasane_diagnostics_format (diagnostics);

          if (text != NULL)
            fputs (text, err);
          if (dataset == NULL || kasane_diagnostics_count_errors (diagnostics) > 0)
            {
              if (kasane_diagnostics_count_errors (diagnostics) == 0)
                fprintf (err, "%s: error: the file could not be read\n", cli->files[i]);
              g_clear_pointer (&dataset, kasane_dataset_unref);
              failed = TRUE;
              continue;
            }
          g_ptr_array_add (datasets, dataset);
        }
      if (failed)
        {
          fprintf (err, _("kasane: nothing was exported; “%s” is unchanged\n"),
                   cli->export_path);
          return KASANE_EXIT_FAULT;
        }
    }

  if (!kasane_export_write ((KasaneDataset * const *) datasets->pdata, datasets->len,
                            &options, cli->export_path, &error))
    {
      fprintf (err, "kasane: %s\n", error->message);
      return KASANE_EXIT_FAULT;
    }
  return KASANE_EXIT_OK;
}
