/* kasane-export.h: draw a view into a PNG, SVG or PDF file, headless
 *
 * Export builds a layout for the requested size, paints it with the one renderer the
 * window uses (kasane_diagram_paint for compare and stack, kasane_trend_paint for trend)
 * on a cairo image, SVG or PDF surface, checks
 * cairo's status, and writes the file atomically: a hidden temporary file in the same
 * folder, fsync, then rename over the target, so a failed export leaves any earlier file
 * untouched.  Only cairo and Pango are used here (no GTK), so `kasane --export` runs with
 * no display; the Export dialog and "Copy as image" live in kasane-export-dialog.[ch].
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-render.h"
#include "kasane-render-request.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_EXPORT_PNG,
  KASANE_EXPORT_SVG,
  KASANE_EXPORT_PDF,
} KasaneExportFormat;

typedef enum
{
  KASANE_EXPORT_VIEW_COMPARE,
  KASANE_EXPORT_VIEW_STACK,
  KASANE_EXPORT_VIEW_TREND,    /* the first dataset's series (options.series) */
  KASANE_EXPORT_VIEW_SLIDES,   /* not available yet: KASANE_EXPORT_ERROR_UNSUPPORTED */
} KasaneExportView;

typedef enum
{
  KASANE_EXPORT_BACKGROUND_THEME,        /* the theme's page colour */
  KASANE_EXPORT_BACKGROUND_WHITE,
  KASANE_EXPORT_BACKGROUND_TRANSPARENT,  /* PDF: nothing painted, viewers show white */
} KasaneExportBackground;

typedef struct
{
  KasaneExportFormat     format;
  KasaneExportView       view;
  guint                  width;       /* pixels at scale 1 (PNG), points (SVG, PDF) */
  guint                  height;
  guint                  scale;       /* PNG only: the image is width×scale by height×scale */
  KasaneTheme            theme;
  const char            *lang;        /* "en" or "ja"; NULL: from the locale */
  KasaneExportBackground background;
  const char            *footer;      /* NULL or "": none; else one line under the diagram */
  const char * const    *series;      /* trend: the series ids to chart, in that order;
                                         NULL: all of them */
  const KasaneRenderRequest *state;   /* the view state to draw (selection, step, zoom,
                                         time window, hidden series); NULL: defaults */
} KasaneExportOptions;

#define KASANE_EXPORT_ERROR (kasane_export_error_quark ())

typedef enum
{
  KASANE_EXPORT_ERROR_UNSUPPORTED,   /* a view export cannot draw yet */
  KASANE_EXPORT_ERROR_NO_DATA,       /* no dataset to draw */
  KASANE_EXPORT_ERROR_SIZE,          /* the size is out of range for the format */
  KASANE_EXPORT_ERROR_RENDER,        /* cairo reported an error while drawing */
  KASANE_EXPORT_ERROR_WRITE,         /* the file could not be written */
  KASANE_EXPORT_ERROR_LOAD,          /* a dataset (or a bundled one) did not load */
  KASANE_EXPORT_ERROR_SERIES,        /* trend: an unknown series id, or no series at all */
} KasaneExportError;

GQuark       kasane_export_error_quark        (void);

/* Defaults of DESIGN.md: PNG, compare, 1920×1080, scale 1, light, language from the
 * locale, theme background, no footer. */
void         kasane_export_options_init       (KasaneExportOptions *options);
/* The picture `request` describes, as it was seen: its view, size, language, theme and
 * state.  Callers then override only what they are asked to (size, scale, theme,
 * language, background).  `options` keeps pointers into `request`. */
void         kasane_export_options_init_for_request (KasaneExportOptions       *options,
                                                     const KasaneRenderRequest *request);

/* From OUT's extension (.png .svg .pdf, any case); FALSE when it is none of them. */
gboolean     kasane_export_format_from_path   (const char          *path,
                                               KasaneExportFormat  *format);
const char  *kasane_export_format_to_extension (KasaneExportFormat  format);   /* "png" */
const char  *kasane_export_format_to_mime_type (KasaneExportFormat  format);
gboolean     kasane_export_view_from_string   (const char          *text,
                                               KasaneExportView    *view);
const char  *kasane_export_view_to_string     (KasaneExportView     view);
gboolean     kasane_export_background_from_string (const char             *text,
                                                   KasaneExportBackground *background);
const char  *kasane_export_background_to_string   (KasaneExportBackground  background);

/* "ja" when the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set and not empty
 * starts with "ja"; "en" otherwise. */
const char  *kasane_export_lang_from_locale   (void);

/* The bundled datasets (AI, Ethereum) from the resource bundle. */

/* The title of the picture (the datasets' titles), for PDF metadata and the SVG <title>. */
char        *kasane_export_title              (KasaneDataset * const *datasets,
                                               guint                  n_datasets,
                                               KasaneExportView       view,
                                               const char            *lang);
/* A footer line to prefill: the titles, the sources the datasets cite and, for the
 * bundled datasets, their licence. */
char        *kasane_export_default_footer     (KasaneDataset * const *datasets,
                                               guint                  n_datasets,
                                               KasaneExportView       view,
                                               const char            *lang);

/* Trend: whether `dataset` has series to chart and every id in `series` (NULL: all) names
 * one of them.  The error (KASANE_EXPORT_ERROR_SERIES) names the file and lists the ids
 * it has. */
gboolean     kasane_export_check_series       (KasaneDataset             *dataset,
                                               const char * const        *series,
                                               GError                   **error);

/* Renders into memory: the bytes of the finished file. */
GBytes      *kasane_export_render             (KasaneDataset * const     *datasets,
                                               guint                      n_datasets,
                                               const KasaneExportOptions *options,
                                               GError                   **error);

/* Renders and writes `path` atomically.  On failure `path` is untouched, no temporary
 * file is left behind, and `error` names the path and what went wrong. */
gboolean     kasane_export_write              (KasaneDataset * const     *datasets,
                                               guint                      n_datasets,
                                               const KasaneExportOptions *options,
                                               const char                *path,
                                               GError                   **error);

/* Writes `data` to `path` atomically (temporary file in the same folder, fsync, rename). */
gboolean     kasane_export_write_file         (const char                *path,
                                               const void                *data,
                                               gsize                      length,
                                               GError                   **error);

G_END_DECLS
