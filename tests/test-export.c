/* test-export.c: PNG, SVG and PDF export, headless
 *
 * Most tests run the real program (KASANE_EXE) with no DISPLAY, as a user would; a few
 * call kasane_export_* directly.  SVG is rendered back with librsvg's rsvg-convert and
 * PDF with poppler's pdftoppm when they are installed, and compared with the PNG.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "kasane-export.h"
#include "kasane-resources.h"
#include "kasane-session.h"
#include "kasane-export-dialog.h"
#include "kasane-loader.h"
#include "kasane-trend.h"

/* How far a rendering of the SVG (librsvg) or the PDF (poppler) may be from the PNG of
 * the same picture, as a mean absolute difference per channel (0–255).  Measured on the
 * bundled datasets, compare view, 1920×1080, light: librsvg 1.22 per pixel and 0.44 per
 * 8×8 block; poppler's Splash rasterizer (pdftoppm) 2.90 and 1.16 — its glyph
 * antialiasing differs from cairo's; poppler's cairo backend (pdftocairo) 0.00.  For
 * scale: the same picture in Japanese instead of English differs by 12.4 and 8.7. */
#define MAX_MEAN_DIFFERENCE  4.0
#define MAX_BLOCK_DIFFERENCE 2.0
/* pdftocairo draws with cairo itself: it must agree almost exactly. */
#define MAX_CAIRO_DIFFERENCE 0.5

static char *work_dir;

/* Running the program */

typedef struct
{
  int   status;     /* the exit code, or -1 when it did not exit normally */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char **
headless_environ (void)
{
  char **env = g_get_environ ();

  /* Export must not need a display. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  return env;
}

static void
run_program (Run                *run,
             char              **env,
             const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("KASANE_EXE");
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_spawn_sync (work_dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (run->status != 0)
    g_test_message ("kasane exited %d: %s", run->status, run->err);
}

#define RUN(run, ...)                                                                   \
  G_STMT_START {                                                                       \
    g_auto(GStrv) env_ = headless_environ ();                                          \
    const char * const args_[] = { __VA_ARGS__, NULL };                                \
    run_program (run, env_, args_);                                                    \
  } G_STMT_END

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static char *
source_path (const char *relative)
{
  const char *root = g_getenv ("KASANE_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* Pictures */

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: %s", path, cairo_status_to_string (cairo_surface_status (surface)));
  return surface;
}

static void
assert_png_size (const char *path,
                 int         width,
                 int         height)
{
  cairo_surface_t *surface = load_png (path);

  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

/* One pixel's channels, unpremultiplied onto white (so RGB24 and ARGB32 compare). */
static void
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y,
           double           rgba[4])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
  double alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32
                 ? ((pixel >> 24) & 0xff) : 255;

  /* Premultiplied: composite over white. */
  rgba[0] = ((pixel >> 16) & 0xff) + (255 - alpha);
  rgba[1] = ((pixel >> 8) & 0xff) + (255 - alpha);
  rgba[2] = (pixel & 0xff) + (255 - alpha);
  rgba[3] = alpha;
}

/* The mean absolute difference per channel (0–255) between two pictures of one size,
 * after averaging each block×block square (block 1: pixel by pixel).  Antialiasing of
 * glyph edges shows per pixel but mostly cancels in 8×8 blocks; a missing text run, a
 * shifted block or a wrong colour shows in both. */
static double
mean_difference (const char *path_a,
                 const char *path_b,
                 int         block)
{
  cairo_surface_t *a = load_png (path_a);
  cairo_surface_t *b = load_png (path_b);
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  double sum = 0;
  guint64 n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int by = 0; by + block <= height; by += block)
    for (int bx = 0; bx + block <= width; bx += block)
      {
        double ma[3] = { 0, }, mb[3] = { 0, };

        for (int y = by; y < by + block; y++)
          for (int x = bx; x < bx + block; x++)
            {
              double pa[4], pb[4];

              get_pixel (a, x, y, pa);
              get_pixel (b, x, y, pb);
              for (int c = 0; c < 3; c++)
                {
                  ma[c] += pa[c];
                  mb[c] += pb[c];
                }
            }
        for (int c = 0; c < 3; c++)
          sum += fabs (ma[c] - mb[c]) / (block * block);
        n += 3;
      }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return sum / n;
}

/* Compares a rendering of the SVG or PDF with the PNG of the same picture. */
static void
assert_pictures_match (const char *what,
                       const char *png,
                       const char *rendered)
{
  double per_pixel = mean_difference (png, rendered, 1);
  double per_block = mean_difference (png, rendered, 8);

  g_test_message ("%s vs PNG: mean difference %.3f per pixel, %.3f per 8×8 block", what,
                  per_pixel, per_block);
  g_assert_cmpfloat (per_pixel, <, MAX_MEAN_DIFFERENCE);
  g_assert_cmpfloat (per_block, <, MAX_BLOCK_DIFFERENCE);
}

static void
assert_pictures_differ (const char *path_a,
                        const char *path_b)
{
  double difference = mean_difference (path_a, path_b, 1);

  g_test_message ("%s vs %s: mean difference %.3f", path_a, path_b, difference);
  g_assert_cmpfloat (difference, >, 0.2);
}

/* Well-formed XML: GMarkup reads every element (and checks nesting) or fails. */
typedef struct
{
  guint n_svg;
  guint n_title;
  guint n_desc;
  GString *title;
  GString *desc;
  const char *current;
} SvgScan;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgScan *scan = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  if (g_str_equal (element, "svg"))
    scan->n_svg++;
  /* <title> and <desc> must be children of the root <svg>. */
  if ((g_str_equal (element, "title") || g_str_equal (element, "desc")) &&
      g_slist_length ((GSList *) stack) == 2)
    {
      if (g_str_equal (element, "title"))
        scan->n_title++;
      else
        scan->n_desc++;
      scan->current = element;
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgScan *scan = user_data;

  scan->current = NULL;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgScan *scan = user_data;

  if (g_strcmp0 (scan->current, "title") == 0)
    g_string_append_len (scan->title, text, length);
  else if (g_strcmp0 (scan->current, "desc") == 0)
    g_string_append_len (scan->desc, text, length);
}

static void
assert_svg_well_formed (const char *path,
                        char      **title,
                        char      **desc)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  SvgScan scan = { 0, };
  gsize length;

  data = read_file (path, &length);
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_nonnull (strstr (data, "<title>"));
  g_assert_nonnull (strstr (data, "<desc>"));

  scan.title = g_string_new (NULL);
  scan.desc = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &scan, NULL);
  g_markup_parse_context_parse (context, data, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scan.n_svg, ==, 1);
  g_assert_cmpuint (scan.n_title, ==, 1);
  g_assert_cmpuint (scan.n_desc, ==, 1);
  g_assert_cmpuint (scan.title->len, >, 0);
  g_assert_cmpuint (scan.desc->len, >, 0);
  if (title != NULL)
    *title = g_strdup (scan.title->str);
  if (desc != NULL)
    *desc = g_strdup (scan.desc->str);
  g_string_free (scan.title, TRUE);
  g_string_free (scan.desc, TRUE);
}

/* Runs a tool from poppler-utils or librsvg; NULL when it is not installed. */
static char *
run_tool (const char * const *argv,
          gboolean           *found)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  *found = program != NULL;
  if (program == NULL)
    return NULL;
  g_spawn_sync (work_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

/* Datasets */

static void
write_dataset (const char *name,
               const char *json)
{
  g_autofree char *path = work_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

static GPtrArray *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *datasets = kasane_session_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (datasets->len, ==, 2);
  return datasets;
}

/* The bundled datasets, compare view, 1920×1080, English: the reference picture. */
static char *
compare_png (void)
{
  char *path = work_path ("compare.png");

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_auto(Run) run = { 0, };

      RUN (&run, "--export=compare.png", "--view=compare", "--size=1920x1080", "--lang=en");
      g_assert_cmpint (run.status, ==, 0);
    }
  return path;
}

/* Tests */

static void
test_png_size (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("compare.png");

  RUN (&run, "--export=compare.png", "--view=compare", "--size=1920x1080", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_png_size (out, 1920, 1080);
}

static void
test_png_defaults (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("defaults.png");
  g_autofree char *same = compare_png ();
  g_autofree char *a = NULL, *b = NULL;
  gsize la, lb;

  /* compare, 1920×1080, scale 1, light: the same picture as test_png_size. */
  RUN (&run, "--export=defaults.png", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  assert_png_size (out, 1920, 1080);
  a = read_file (out, &la);
  b = read_file (same, &lb);
  g_assert_cmpmem (a, la, b, lb);
}

static void
test_png_files (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *ai = source_path ("data/datasets/ai.json");
  g_autofree char *crypto = source_path ("data/datasets/crypto.json");
  g_autofree char *out = work_path ("files.png");
  g_autofree char *bundled = compare_png ();
  g_autofree char *a = NULL, *b = NULL;
  gsize la, lb;

  /* The bundled datasets named as files draw the same picture as no FILE at all. */
  RUN (&run, "--export=files.png", "--lang=en", ai, crypto);
  g_assert_cmpint (run.status, ==, 0);
  a = read_file (out, &la);
  b = read_file (bundled, &lb);
  g_assert_cmpmem (a, la, b, lb);
}

static void
test_png_scale (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("scaled.png");

  RUN (&run, "--export=scaled.png", "--scale=2", "--size=800x450", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  assert_png_size (out, 1600, 900);
}

static void
test_stack (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("stack.png");
  g_autofree char *compare = compare_png ();

  RUN (&run, "--export=stack.png", "--view=stack", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  assert_png_size (out, 1920, 1080);
  assert_pictures_differ (out, compare);
}

static void
test_svg (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("compare.svg");
  g_autofree char *png = compare_png ();
  g_autofree char *rendered = work_path ("compare-svg.png");
  g_autofree char *title = NULL, *desc = NULL, *data = NULL;
  const char *argv[] = { "rsvg-convert", "-w", "1920", "-h", "1080", "-f", "png",
                         "-o", rendered, out, NULL };
  g_autofree char *output = NULL;
  gboolean found;
  GStatBuf st;

  RUN (&run, "--export=compare.svg", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  assert_svg_well_formed (out, &title, &desc);
  g_assert_nonnull (strstr (title, "AI"));
  data = read_file (out, NULL);
  /* The size is in points, as for PDF. */
  g_assert_nonnull (strstr (data, "width=\"1920pt\""));
  g_assert_nonnull (strstr (data, "height=\"1080pt\""));
  g_assert_nonnull (strstr (data, "viewBox=\"0 0 1920 1080\""));
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_test_message ("SVG, bundled datasets, 1920×1080 pt: %" G_GINT64_FORMAT " bytes",
                  (gint64) st.st_size);

  output = run_tool (argv, &found);
  if (!found)
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin)");
      return;
    }
  assert_pictures_match ("SVG (librsvg)", png, rendered);
}

static void
test_pdf (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("compare.pdf");
  g_autofree char *png = compare_png ();
  g_autofree char *prefix = work_path ("compare-pdf");
  g_autofree char *rendered = work_path ("compare-pdf.png");
  g_autofree char *cairo_prefix = work_path ("compare-pdfcairo");
  g_autofree char *cairo_rendered = work_path ("compare-pdfcairo.png");
  const char *ppm_argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", out, prefix, NULL };
  const char *cairo_argv[] = { "pdftocairo", "-png", "-r", "72", "-singlefile", out,
                               cairo_prefix, NULL };
  g_autofree char *cairo_out = NULL;
  const char *info_argv[] = { "pdfinfo", out, NULL };
  const char *fonts_argv[] = { "pdffonts", out, NULL };
  g_autofree char *info = NULL, *fonts = NULL, *ppm = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean found;
  double difference;
  guint n_fonts = 0;
  GStatBuf st;

  RUN (&run, "--export=compare.pdf", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_test_message ("PDF, bundled datasets, 1920×1080 pt: %" G_GINT64_FORMAT " bytes",
                  (gint64) st.st_size);

  info = run_tool (info_argv, &found);
  if (!found)
    {
      g_test_skip ("pdfinfo is not installed (poppler-utils)");
      return;
    }
  g_assert_true (g_regex_match_simple ("^Title: +AI", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Author: +Kasane$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Subject: +\\S", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Page size: +1920 x 1080 pts", info,
                                       G_REGEX_MULTILINE, 0));

  /* Every font embedded: the "emb" column says yes on each row. */
  fonts = run_tool (fonts_argv, &found);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      fields = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (fields);
      g_assert_cmpuint (n, >=, 7);
      /* name type… encoding emb sub uni object ID: emb is the fifth from the end */
      g_assert_cmpstr (fields[n - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  ppm = run_tool (ppm_argv, &found);
  assert_pictures_match ("PDF (poppler, pdftoppm)", png, rendered);

  cairo_out = run_tool (cairo_argv, &found);
  if (found)
    {
      difference = mean_difference (png, cairo_rendered, 1);
      g_test_message ("PDF (poppler, pdftocairo) vs PNG: mean difference %.3f", difference);
      g_assert_cmpfloat (difference, <, MAX_CAIRO_DIFFERENCE);
    }
}

static void
test_languages (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *en = work_path ("lang-en.png");
  g_autofree char *ja = work_path ("lang-ja.png");
  g_autofree char *from_locale = work_path ("lang-locale.png");
  g_autofree char *a = NULL, *b = NULL;
  g_auto(GStrv) env = headless_environ ();
  const char * const args[] = { "--export=lang-locale.png", "--size=960x540", NULL };
  gsize la, lb;

  RUN (&run, "--export=lang-en.png", "--lang=en", "--size=960x540");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  RUN (&run, "--export=lang-ja.png", "--lang=ja", "--size=960x540");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  assert_pictures_differ (en, ja);

  /* No --lang: from the locale. */
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANG", "ja_JP.UTF-8", TRUE);
  run_program (&run, env, args);
  g_assert_cmpint (run.status, ==, 0);
  a = read_file (from_locale, &la);
  b = read_file (ja, &lb);
  g_assert_cmpmem (a, la, b, lb);
}

static void
test_themes (void)
{
  static const char * const themes[] = { "light", "dark", "contrast" };
  char *paths[3] = { NULL, };

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_auto(Run) run = { 0, };
      g_autofree char *export = g_strdup_printf ("--export=theme-%s.png", themes[i]);
      g_autofree char *theme = g_strdup_printf ("--theme=%s", themes[i]);

      paths[i] = g_strdup_printf ("%s/theme-%s.png", work_dir, themes[i]);
      RUN (&run, export, theme, "--size=960x540", "--lang=en");
      g_assert_cmpint (run.status, ==, 0);
    }
  assert_pictures_differ (paths[0], paths[1]);
  assert_pictures_differ (paths[0], paths[2]);
  assert_pictures_differ (paths[1], paths[2]);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_free (paths[i]);
}

static void
assert_folder_holds_only (const char *folder,
                          const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      /* No temporary file left behind. */
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

static void
test_failure_keeps_earlier_file (void)
{
  g_autofree char *folder = work_path ("keep");
  g_autofree char *out = g_build_filename (folder, "out.png", NULL);
  g_autofree char *broken = work_path ("broken.json");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GPtrArray) datasets = load_bundled ();
  g_autoptr(GError) error = NULL;
  KasaneExportOptions options;
  gsize lb, la;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=keep/out.png", "--size=960x540", "--lang=en");
    g_assert_cmpint (run.status, ==, 0);
  }
  before = read_file (out, &lb);

  /* A dataset that fails to load: exit 1, the file stays as it was. */
  write_dataset ("broken.json", "{\"format\": \"kasane-dataset/1\", \"id\": \"x\",");
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=keep/out.png", "--lang=en", broken);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "broken.json"));
    g_assert_nonnull (strstr (run.err, "keep/out.png"));
  }
  /* A file that does not exist. */
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=keep/out.png", "--lang=en", "no-such-dataset.json");
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no-such-dataset.json"));
  }
  /* The deck as one picture (it is a PDF of many pages), or a trend of a series that is
   * not there, fails cleanly. */
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=keep/out.png", "--view=slides");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, ".pdf"));
    run_clear (&run);
    RUN (&run, "--export=keep/out.png", "--view=trend", "--series=no-such-series");
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no-such-series"));
    g_assert_nonnull (strstr (run.err, "keep/out.png"));
  }
  after = read_file (out, &la);
  g_assert_cmpmem (before, lb, after, la);
  g_clear_pointer (&after, g_free);

  /* A render that fails (cairo cannot make an image this large): nothing is written. */
  kasane_export_options_init (&options);
  options.width = 16384;
  options.height = 16384;
  options.scale = 4;
  options.lang = "en";
  g_assert_false (kasane_export_write ((KasaneDataset * const *) datasets->pdata,
                                       datasets->len, &options, out, &error));
  g_assert_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SIZE);
  g_assert_nonnull (strstr (error->message, "out.png"));
  g_clear_error (&error);

  options.width = 640;
  options.height = 360;
  options.scale = 1;
  options.view = KASANE_EXPORT_VIEW_SLIDES;
  g_assert_false (kasane_export_write ((KasaneDataset * const *) datasets->pdata,
                                       datasets->len, &options, out, &error));
  g_assert_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  {
    const char *unknown[] = { "no-such-series", NULL };

    options.view = KASANE_EXPORT_VIEW_TREND;
    options.series = unknown;
    g_assert_false (kasane_export_write ((KasaneDataset * const *) datasets->pdata,
                                         datasets->len, &options, out, &error));
    g_assert_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SERIES);
    g_clear_error (&error);
    options.series = NULL;
  }

  after = read_file (out, &la);
  g_assert_cmpmem (before, lb, after, la);
  g_clear_pointer (&after, g_free);
  assert_folder_holds_only (folder, "out.png");

  /* A folder where the temporary file cannot be created.  As root permissions do not
   * stop writing, so only an unprivileged run checks this. */
  if (geteuid () != 0)
    {
      g_auto(Run) run = { 0, };

      g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
      RUN (&run, "--export=keep/out.png", "--size=320x180", "--lang=en");
      g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "keep"));
      after = read_file (out, &la);
      g_assert_cmpmem (before, lb, after, la);
      assert_folder_holds_only (folder, "out.png");
    }
  else
    g_test_message ("running as root: the read-only folder case is not checked");
}

static void
test_missing_folder (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *missing = work_path ("missing");

  RUN (&run, "--export=missing/out.png", "--lang=en");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "missing/out.png"));
  g_assert_nonnull (strstr (run.err, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A path through a file, not a folder. */
  run_clear (&run);
  RUN (&run, "--export=compare.png/out.svg", "--lang=en");
  g_assert_cmpint (run.status, ==, 1);
}

static void
test_usage_errors (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("out.png");

  RUN (&run, "--export=out.gif");
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  RUN (&run, "--export=out");
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  RUN (&run, "--export=out.png", "--size=0x0");
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  RUN (&run, "--export=out.png", "--size=big");
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  RUN (&run, "--export=out.png", "--view=pie");
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  RUN (&run, "--export=out.png", "--theme=neon");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Datasets the renderer has never seen. */
static const char four_layers[] =
  "{\"format\": \"kasane-dataset/1\", \"id\": \"four\","
  " \"title\": {\"en\": \"Four layers\", \"ja\": \"四つの層\"}, \"claim\": \"mixed\","
  " \"problems\": ["
  "  {\"id\": \"a\", \"label\": \"Problem A\", \"weight\": 3},"
  "  {\"id\": \"b\", \"label\": \"Problem B\", \"weight\": 2},"
  "  {\"id\": \"c\", \"label\": \"Problem C\"},"
  "  {\"id\": \"d\", \"label\": \"Problem D\", \"weight\": 5}],"
  " \"layers\": ["
  "  {\"id\": \"l1\", \"level\": 1, \"name\": \"Base\", \"introduces\": [\"a\", \"b\"]},"
  "  {\"id\": \"l2\", \"level\": 2, \"name\": \"Second\", \"solves\": [\"a\"],"
  "   \"introduces\": [\"c\"]},"
  "  {\"id\": \"l3\", \"level\": 3, \"name\": \"Third\", \"mitigates\": [\"b\"],"
  "   \"worsens\": [\"c\"]},"
  "  {\"id\": \"l4\", \"level\": 4, \"name\": \"Fourth\", \"solves\": [\"c\"],"
  "   \"introduces\": [\"d\"]}]}";

static const char japanese_only[] =
  "{\"format\": \"kasane-dataset/1\", \"id\": \"ja-only\","
  " \"title\": {\"ja\": \"クラウドの階層：IaaS・PaaS・SaaS\"}, \"claim\": \"progression\","
  " \"problems\": ["
  "  {\"id\": \"hw\", \"label\": {\"ja\": \"物理サーバーの調達と保守\"}, \"weight\": 4},"
  "  {\"id\": \"ops\", \"label\": {\"ja\": \"運用作業の負担\"}, \"weight\": 3},"
  "  {\"id\": \"lock\", \"label\": {\"ja\": \"ベンダーへの依存\"}, \"weight\": 1}],"
  " \"layers\": ["
  "  {\"id\": \"iaas\", \"level\": 1, \"name\": {\"ja\": \"IaaS（仮想マシン）\"},"
  "   \"summary\": {\"ja\": \"計算資源を必要なときに借りる。\"}, \"introduces\": [\"hw\", \"ops\"]},"
  "  {\"id\": \"paas\", \"level\": 2, \"name\": {\"ja\": \"PaaS（実行基盤）\"},"
  "   \"solves\": [\"hw\"], \"mitigates\": [\"ops\"]},"
  "  {\"id\": \"saas\", \"level\": 3, \"name\": {\"ja\": \"SaaS（完成したアプリ）\"},"
  "   \"solves\": [\"ops\"], \"introduces\": [\"lock\"]}]}";

static const char markup_characters[] =
  "{\"format\": \"kasane-dataset/1\", \"id\": \"markup\","
  " \"title\": \"<b>R&D</b> & \\\"quotes\\\" > 'tags' <i>\","
  " \"problems\": ["
  "  {\"id\": \"lt\", \"label\": \"a < b && c > d\", \"weight\": 2},"
  "  {\"id\": \"amp\", \"label\": \"&amp; &lt;span&gt; <span foreground='red'>\"}],"
  " \"layers\": ["
  "  {\"id\": \"l1\", \"level\": 1, \"name\": \"<layer one>\", \"introduces\": [\"lt\"]},"
  "  {\"id\": \"l2\", \"level\": 2, \"name\": \"Two & <two>\", \"solves\": [\"lt\"],"
  "   \"introduces\": [\"amp\"]}]}";

static char *
long_labels_dataset (void)
{
  const char *words = "an unusually long label that keeps going well past the width of any "
                      "block, chip or badge so that it has to wrap or be ellipsized ";
  GString *json = g_string_new ("{\"format\": \"kasane-dataset/1\", \"id\": \"long\", ");

  /* The longest a title may be is 200 characters: this one has 157. */
  g_string_append_printf (json, "\"title\": {\"en\": \"Title: %s\", \"ja\": \"%s\"},", words,
                          "とても長い題名が続いてどこまでも終わらないように見える場合でも"
                          "図の中に収まらなければならないという試験のための文章です");
  g_string_append (json, "\"problems\": [");
  for (int i = 0; i < 12; i++)
    g_string_append_printf (json, "%s{\"id\": \"p%d\", \"label\": {\"en\": \"Problem %d: %s\","
                            " \"ja\": \"問題%d：非常に長い問題の名前がここに続いていきます\"},"
                            " \"weight\": %d}",
                            i > 0 ? ", " : "", i, i, words, i, 1 + i % 5);
  g_string_append (json, "], \"layers\": [");
  for (int l = 0; l < 6; l++)
    {
      g_string_append_printf (json, "%s{\"id\": \"l%d\", \"level\": %d, \"name\": \"Layer %d: %s\"",
                              l > 0 ? ", " : "", l + 1, l + 1, l + 1, words);
      /* Layer l introduces p2l, p2l+1 and solves what the layer below introduced. */
      g_string_append_printf (json, ", \"introduces\": [\"p%d\", \"p%d\"]", 2 * l, 2 * l + 1);
      if (l > 0)
        g_string_append_printf (json, ", \"solves\": [\"p%d\"], \"mitigates\": [\"p%d\"]",
                                2 * l - 2, 2 * l - 1);
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static char *
eight_layers_thirty_problems (void)
{
  GString *json = g_string_new ("{\"format\": \"kasane-dataset/1\", \"id\": \"big\", "
                                "\"title\": \"Eight layers, thirty problems\", "
                                "\"claim\": \"migration\", \"problems\": [");

  for (int i = 0; i < 30; i++)
    g_string_append_printf (json, "%s{\"id\": \"p%d\", \"label\": \"Problem number %d\"}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "], \"layers\": [");
  for (int l = 0; l < 8; l++)
    {
      g_string_append_printf (json, "%s{\"id\": \"l%d\", \"level\": %d, \"name\": \"L%d\"",
                              l > 0 ? ", " : "", l + 1, l + 1, l + 1);
      /* 30 problems over 8 layers: layer l introduces p[4l … 4l+3] (below 30). */
      g_string_append (json, ", \"introduces\": [");
      for (int p = 4 * l; p < MIN (4 * l + 4, 30); p++)
        g_string_append_printf (json, "%s\"p%d\"", p > 4 * l ? ", " : "", p);
      g_string_append (json, "]");
      if (l > 0)
        g_string_append_printf (json, ", \"solves\": [\"p%d\"]", 4 * (l - 1));
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static const char one_layer[] =
  "{\"format\": \"kasane-dataset/1\", \"id\": \"one\", \"title\": \"Just one layer\","
  " \"layers\": [{\"id\": \"only\", \"level\": 1, \"name\": \"The only layer\"}]}";

static void
export_unseen (const char *name,
               const char *lang)
{
  static const char * const formats[] = { "png", "svg", "pdf" };
  g_autofree char *input = g_strdup_printf ("%s.json", name);
  g_autofree char *input_path = work_path (input);

  /* The loader must accept it first, or the test proves nothing about the renderer. */
  {
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
    g_autoptr(KasaneDataset) dataset = kasane_load_file (input_path, diagnostics);
    g_autofree char *text = kasane_diagnostics_format (diagnostics);

    if (dataset == NULL)
      g_error ("%s does not load:\n%s", input, text);
  }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint view = 0; view < 2; view++)
      {
        g_auto(Run) run = { 0, };
        g_autofree char *out = g_strdup_printf ("unseen-%s-%s-%s.%s", name, lang,
                                                view == 0 ? "compare" : "stack", formats[i]);
        g_autofree char *out_path = work_path (out);
        g_autofree char *export = g_strdup_printf ("--export=%s", out);
        g_autofree char *lang_arg = g_strdup_printf ("--lang=%s", lang);

        RUN (&run, export, lang_arg, view == 0 ? "--view=compare" : "--view=stack",
             "--size=1280x720", input);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpstr (run.err, ==, "");
        if (i == 0)
          assert_png_size (out_path, 1280, 720);
        else if (i == 1)
          assert_svg_well_formed (out_path, NULL, NULL);
        else
          {
            g_autofree char *data = NULL;
            gsize length;

            data = read_file (out_path, &length);
            g_assert_cmpuint (length, >, 5);
            g_assert_true (g_str_has_prefix (data, "%PDF-"));
          }
      }
}

static void
test_unseen_datasets (void)
{
  g_autofree char *long_labels = long_labels_dataset ();
  g_autofree char *big = eight_layers_thirty_problems ();

  write_dataset ("four.json", four_layers);
  write_dataset ("japanese.json", japanese_only);
  write_dataset ("markup.json", markup_characters);
  write_dataset ("long.json", long_labels);
  write_dataset ("big.json", big);
  write_dataset ("one.json", one_layer);

  export_unseen ("four", "en");
  export_unseen ("japanese", "en");   /* falls back to the Japanese text */
  export_unseen ("japanese", "ja");
  export_unseen ("markup", "en");
  export_unseen ("long", "en");
  export_unseen ("long", "ja");
  export_unseen ("big", "en");
  export_unseen ("one", "en");
}

static void
test_markup_in_title (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("markup-title.svg");
  g_autofree char *pdf = work_path ("markup-title.pdf");
  g_autofree char *title = NULL;
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = NULL;
  gboolean found;

  write_dataset ("markup.json", markup_characters);
  RUN (&run, "--export=markup-title.svg", "--lang=en", "markup.json");
  g_assert_cmpint (run.status, ==, 0);
  assert_svg_well_formed (out, &title, NULL);
  g_assert_cmpstr (title, ==, "<b>R&D</b> & \"quotes\" > 'tags' <i>");

  run_clear (&run);
  RUN (&run, "--export=markup-title.pdf", "--lang=en", "markup.json");
  g_assert_cmpint (run.status, ==, 0);
  info = run_tool (info_argv, &found);
  if (found)
    g_assert_nonnull (strstr (info, "<b>R&D</b> &"));
}

/* Trend */

static KasaneDataset *
load_path (const char *path)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  KasaneDataset *dataset = kasane_load_file (path, diagnostics);
  g_autofree char *text = kasane_diagnostics_format (diagnostics);

  if (dataset == NULL)
    g_error ("%s does not load:\n%s", path, text);
  return dataset;
}

static void
test_trend_png_scale (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *out = work_path ("trend-scaled.png");
  g_autofree char *compare = work_path ("trend-compare.png");

  RUN (&run, "--export=trend-scaled.png", "--view=trend", "--scale=2", "--size=800x450",
       "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_png_size (out, 1600, 900);

  /* Not the compare view by another name. */
  run_clear (&run);
  RUN (&run, "--export=trend-compare.png", "--view=compare", "--scale=2", "--size=800x450",
       "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  assert_pictures_differ (out, compare);
}

static void
test_trend_svg_pdf (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(GPtrArray) bundled = load_bundled ();
  g_autofree char *svg = work_path ("trend.svg");
  g_autofree char *pdf = work_path ("trend.pdf");
  g_autofree char *png = work_path ("trend.png");
  g_autofree char *rendered = work_path ("trend-svg.png");
  g_autofree char *title = NULL, *desc = NULL, *data = NULL, *expected = NULL, *info = NULL;
  g_autofree char *output = NULL;
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *rsvg_argv[] = { "rsvg-convert", "-w", "1280", "-h", "720", "-f", "png",
                              "-o", rendered, svg, NULL };
  gboolean found;

  /* No file: the bundled datasets; trend draws the first (AI). */
  RUN (&run, "--export=trend.svg", "--view=trend", "--size=1280x720", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  assert_svg_well_formed (svg, &title, &desc);
  g_assert_cmpstr (title, ==, kasane_text_get (&((KasaneDataset *) bundled->pdata[0])->title,
                                               "en"));
  expected = kasane_trend_describe (bundled->pdata[0], NULL, "en");
  g_assert_cmpstr (desc, ==, expected);
  data = read_file (svg, NULL);
  g_assert_nonnull (strstr (data, "width=\"1280pt\""));

  run_clear (&run);
  RUN (&run, "--export=trend.pdf", "--view=trend", "--size=1280x720", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *bytes = NULL;
    gsize length;

    bytes = read_file (pdf, &length);
    g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  }
  info = run_tool (info_argv, &found);
  if (found)
    {
      g_assert_true (g_regex_match_simple ("^Title: +AI", info, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Author: +Kasane$", info, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Subject: +Trend chart", info, G_REGEX_MULTILINE,
                                           0));
      g_assert_true (g_regex_match_simple ("^Page size: +1280 x 720 pts", info,
                                           G_REGEX_MULTILINE, 0));
    }

  /* The SVG draws what the PNG draws. */
  run_clear (&run);
  RUN (&run, "--export=trend.png", "--view=trend", "--size=1280x720", "--lang=en");
  g_assert_cmpint (run.status, ==, 0);
  output = run_tool (rsvg_argv, &found);
  if (found)
    assert_pictures_match ("trend SVG (librsvg)", png, rendered);
}

/* A block explorer's chart CSV: quoted, M/D/YYYY dates, a Unix timestamp column (dropped,
 * since there is a date column) and one value column. */
static void
test_trend_explorer_csv (void)
{
  g_autofree char *csv = source_path ("tests/fixtures/cli/explorer.csv");
  g_autoptr(KasaneDataset) dataset = load_path (csv);
  g_autofree char *svg = work_path ("explorer.svg");
  g_autofree char *png = work_path ("explorer.png");
  g_autofree char *desc = NULL;
  KasaneSeries *series;

  g_assert_cmpuint (dataset->series->len, ==, 1);
  g_assert_cmpuint (dataset->layers->len, ==, 0);
  series = g_ptr_array_index (dataset->series, 0);
  g_assert_cmpstr (series->id, ==, "value-wei");
  g_assert_false (series->numeric_x);

  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=explorer.png", "--view=trend", "--size=1200x675", "--lang=en", csv);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    assert_png_size (png, 1200, 675);
    run_clear (&run);
    RUN (&run, "--export=explorer.svg", "--view=trend", "--lang=en", csv);
    g_assert_cmpint (run.status, ==, 0);
  }
  assert_svg_well_formed (svg, NULL, &desc);
  g_test_message ("explorer.csv: %s", desc);
  /* One dated series: its name, its point count and its years. */
  g_assert_nonnull (strstr (desc, "Value (Wei)"));
  g_assert_nonnull (strstr (desc, "3 points"));
  g_assert_nonnull (strstr (desc, "2015"));
  g_assert_null (strstr (desc, "UnixTimeStamp"));

  /* The compare view has no layers to draw from a CSV file: a clear failure. */
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=explorer-compare.png", "--view=compare", csv);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no layers"));
  }
}

static const char two_columns_csv[] =
  "date,Alpha price,Beta volume\n"
  "2024-01-01,1.5,100\n"
  "2024-02-01,2.5,300\n"
  "2024-03-01,2.0,250\n";

static void
test_trend_series_option (void)
{
  g_autofree char *svg = work_path ("series.svg");
  g_autofree char *png = work_path ("series.png");
  g_autofree char *desc = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize lb, la;

  write_dataset ("two.csv", two_columns_csv);

  /* All series by default. */
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=series.svg", "--view=trend", "--lang=en", "two.csv");
    g_assert_cmpint (run.status, ==, 0);
    assert_svg_well_formed (svg, NULL, &desc);
    g_assert_nonnull (strstr (desc, "Alpha price"));
    g_assert_nonnull (strstr (desc, "Beta volume"));
    g_clear_pointer (&desc, g_free);
  }
  /* --series selects. */
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=series.svg", "--view=trend", "--lang=en", "--series=beta-volume",
         "two.csv");
    g_assert_cmpint (run.status, ==, 0);
    assert_svg_well_formed (svg, NULL, &desc);
    g_assert_null (strstr (desc, "Alpha price"));
    g_assert_nonnull (strstr (desc, "Beta volume"));
    g_clear_pointer (&desc, g_free);
  }
  /* An unknown id: exit 1, the available ids listed, nothing written. */
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=series.png", "--view=trend", "--lang=en", "two.csv");
    g_assert_cmpint (run.status, ==, 0);
    before = read_file (png, &lb);
    run_clear (&run);
    RUN (&run, "--export=series.png", "--view=trend", "--lang=en",
         "--series=beta-volume,gamma", "two.csv");
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "“gamma”"));
    g_assert_nonnull (strstr (run.err, "alpha-price, beta-volume"));
    g_assert_nonnull (strstr (run.err, "series.png"));
    g_assert_null (strstr (run.err, "CRITICAL"));
    after = read_file (png, &la);
    g_assert_cmpmem (before, lb, after, la);
  }
  /* A dataset with no series: exit 1, said plainly. */
  write_dataset ("one.json", one_layer);
  {
    g_auto(Run) run = { 0, };
    g_autofree char *noseries = work_path ("noseries.png");

    RUN (&run, "--export=noseries.png", "--view=trend", "--lang=en", "one.json");
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no series"));
    g_assert_false (g_file_test (noseries, G_FILE_TEST_EXISTS));
  }
  /* With several files, trend shows the first. */
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--export=series.svg", "--view=trend", "--lang=en", "two.csv", "one.json");
    g_assert_cmpint (run.status, ==, 0);
    assert_svg_well_formed (svg, NULL, &desc);
    g_assert_nonnull (strstr (desc, "Beta volume"));
  }
}

/* The bundled datasets' trend charts in English and Japanese, every format. */
static void
test_trend_bundled (void)
{
  static const char * const names[] = { "ai", "crypto" };
  static const char * const langs[] = { "en", "ja" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *relative = g_strdup_printf ("data/datasets/%s.json", names[i]);
      g_autofree char *input = source_path (relative);
      g_autofree char *paths[2] = { NULL, NULL };

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_auto(Run) run = { 0, };
          g_autofree char *out = g_strdup_printf ("trend-%s-%s.png", names[i], langs[l]);
          g_autofree char *svg = g_strdup_printf ("trend-%s-%s.svg", names[i], langs[l]);
          g_autofree char *svg_path = work_path (svg);
          g_autofree char *export = g_strdup_printf ("--export=%s", out);
          g_autofree char *export_svg = g_strdup_printf ("--export=%s", svg);
          g_autofree char *lang_arg = g_strdup_printf ("--lang=%s", langs[l]);
          g_autofree char *desc = NULL;
          g_autoptr(KasaneDataset) dataset = load_path (input);
          g_autofree char *expected = kasane_trend_describe (dataset, NULL, langs[l]);

          paths[l] = work_path (out);
          RUN (&run, export, "--view=trend", "--size=1600x900", lang_arg, input);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (run.err, ==, "");
          assert_png_size (paths[l], 1600, 900);

          run_clear (&run);
          RUN (&run, export_svg, "--view=trend", "--size=1600x900", lang_arg, input);
          g_assert_cmpint (run.status, ==, 0);
          assert_svg_well_formed (svg_path, NULL, &desc);
          g_assert_cmpstr (desc, ==, expected);
        }
      assert_pictures_differ (paths[0], paths[1]);
    }
}

/* Direct calls */

static void
test_trend_render_direct (void)
{
  g_autoptr(GPtrArray) datasets = load_bundled ();
  g_autoptr(GBytes) all = NULL;
  g_autoptr(GBytes) some = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "gpqa-diamond", NULL };
  const char *bad[] = { "gpqa-diamond", "nope", NULL };
  KasaneExportOptions options;

  kasane_export_options_init (&options);
  options.view = KASANE_EXPORT_VIEW_TREND;
  options.width = 640;
  options.height = 360;
  options.lang = "en";
  all = kasane_export_render ((KasaneDataset * const *) datasets->pdata, 2, &options, &error);
  g_assert_no_error (error);
  options.series = ids;
  some = kasane_export_render ((KasaneDataset * const *) datasets->pdata, 2, &options, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (all, some));

  options.series = bad;
  g_assert_null (kasane_export_render ((KasaneDataset * const *) datasets->pdata, 2, &options,
                                       &error));
  g_assert_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_SERIES);
  g_assert_nonnull (strstr (error->message, "gpqa-diamond"));
}

static void
test_several_files_stack_shows_first (void)
{
  g_autoptr(GPtrArray) datasets = load_bundled ();
  g_autoptr(GBytes) both = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GError) error = NULL;
  KasaneExportOptions options;

  kasane_export_options_init (&options);
  options.view = KASANE_EXPORT_VIEW_STACK;
  options.width = 640;
  options.height = 360;
  options.lang = "en";
  both = kasane_export_render ((KasaneDataset * const *) datasets->pdata, 2, &options,
                               &error);
  g_assert_no_error (error);
  first = kasane_export_render ((KasaneDataset * const *) datasets->pdata, 1, &options,
                                &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (both, first));
}

static cairo_surface_t *
surface_from_png_bytes (GBytes *bytes)
{
  g_autofree char *path = work_path ("direct.png");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return load_png (path);
}

static void
test_backgrounds_and_footer (void)
{
  g_autoptr(GPtrArray) datasets = load_bundled ();
  g_autoptr(GError) error = NULL;
  KasaneExportOptions options;
  cairo_surface_t *surface;
  double pixel[4];

  kasane_export_options_init (&options);
  options.width = 960;
  options.height = 540;
  options.lang = "en";

  /* Transparent: the corner is clear. */
  options.background = KASANE_EXPORT_BACKGROUND_TRANSPARENT;
  {
    g_autoptr(GBytes) png = kasane_export_render ((KasaneDataset * const *) datasets->pdata,
                                                  2, &options, &error);
    g_assert_no_error (error);
    surface = surface_from_png_bytes (png);
    g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
    get_pixel (surface, 0, 0, pixel);
    g_assert_cmpfloat (pixel[3], ==, 0);
    cairo_surface_destroy (surface);
  }

  /* White, with the dark theme: the corner is white. */
  options.background = KASANE_EXPORT_BACKGROUND_WHITE;
  options.theme = KASANE_THEME_DARK;
  {
    g_autoptr(GBytes) png = kasane_export_render ((KasaneDataset * const *) datasets->pdata,
                                                  2, &options, &error);
    g_assert_no_error (error);
    surface = surface_from_png_bytes (png);
    get_pixel (surface, 0, 0, pixel);
    g_assert_cmpfloat (pixel[0], ==, 255);
    g_assert_cmpfloat (pixel[1], ==, 255);
    g_assert_cmpfloat (pixel[2], ==, 255);
    g_assert_cmpfloat (pixel[3], ==, 255);
    cairo_surface_destroy (surface);
  }

  /* A footer changes the picture, and is in the SVG and PDF too. */
  options.background = KASANE_EXPORT_BACKGROUND_THEME;
  options.theme = KASANE_THEME_LIGHT;
  {
    g_autoptr(GBytes) plain = NULL;
    g_autoptr(GBytes) footed = NULL;
    g_autofree char *footer = kasane_export_default_footer ((KasaneDataset * const *)
                                                            datasets->pdata, 2,
                                                            KASANE_EXPORT_VIEW_COMPARE, "en");

    g_assert_nonnull (strstr (footer, "AI"));
    g_assert_nonnull (strstr (footer, "Sources"));
    plain = kasane_export_render ((KasaneDataset * const *) datasets->pdata, 2, &options,
                                  &error);
    g_assert_no_error (error);
    options.footer = footer;
    footed = kasane_export_render ((KasaneDataset * const *) datasets->pdata, 2, &options,
                                   &error);
    g_assert_no_error (error);
    g_assert_false (g_bytes_equal (plain, footed));
    for (KasaneExportFormat format = KASANE_EXPORT_SVG; format <= KASANE_EXPORT_PDF; format++)
      {
        g_autoptr(GBytes) bytes = NULL;

        options.format = format;
        bytes = kasane_export_render ((KasaneDataset * const *) datasets->pdata, 2, &options,
                                      &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      }
    options.footer = NULL;
  }
}

static void
test_names (void)
{
  KasaneExportFormat format;
  KasaneExportView view;
  KasaneExportBackground background;

  g_assert_true (kasane_export_format_from_path ("a/b.PNG", &format));
  g_assert_cmpint (format, ==, KASANE_EXPORT_PNG);
  g_assert_true (kasane_export_format_from_path ("b.svg", &format));
  g_assert_cmpint (format, ==, KASANE_EXPORT_SVG);
  g_assert_true (kasane_export_format_from_path ("b.tar.pdf", &format));
  g_assert_cmpint (format, ==, KASANE_EXPORT_PDF);
  g_assert_false (kasane_export_format_from_path ("b.gif", &format));
  g_assert_false (kasane_export_format_from_path ("dir.png/b", &format));
  g_assert_false (kasane_export_format_from_path ("png", &format));
  g_assert_cmpstr (kasane_export_format_to_mime_type (KASANE_EXPORT_SVG), ==, "image/svg+xml");

  g_assert_true (kasane_export_view_from_string ("stack", &view));
  g_assert_cmpint (view, ==, KASANE_EXPORT_VIEW_STACK);
  g_assert_false (kasane_export_view_from_string ("pie", &view));
  g_assert_true (kasane_export_background_from_string ("transparent", &background));
  g_assert_cmpint (background, ==, KASANE_EXPORT_BACKGROUND_TRANSPARENT);
  g_assert_cmpstr (kasane_export_background_to_string (KASANE_EXPORT_BACKGROUND_WHITE), ==,
                   "white");
}

static void
test_lang_from_locale (void)
{
  static const char * const variables[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
  char *saved[G_N_ELEMENTS (variables)];

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      saved[i] = g_strdup (g_getenv (variables[i]));
      g_unsetenv (variables[i]);
    }

  g_assert_cmpstr (kasane_export_lang_from_locale (), ==, "en");
  g_setenv ("LANG", "ja_JP.UTF-8", TRUE);
  g_assert_cmpstr (kasane_export_lang_from_locale (), ==, "ja");
  g_setenv ("LC_MESSAGES", "en_GB.UTF-8", TRUE);
  g_assert_cmpstr (kasane_export_lang_from_locale (), ==, "en");
  g_setenv ("LC_ALL", "ja_JP.UTF-8", TRUE);
  g_assert_cmpstr (kasane_export_lang_from_locale (), ==, "ja");
  g_setenv ("LANGUAGE", "", TRUE);   /* empty: skipped */
  g_assert_cmpstr (kasane_export_lang_from_locale (), ==, "ja");
  /* The first language asked for that Kasane speaks, as gettext picks the window's. */
  g_setenv ("LANGUAGE", "fr:ja", TRUE);
  g_assert_cmpstr (kasane_export_lang_from_locale (), ==, "ja");
  /* LANGUAGE replaces the locale's own language: gettext would fall back to English. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (kasane_export_lang_from_locale (), ==, "en");
  g_setenv ("LANGUAGE", "fr:en", TRUE);
  g_assert_cmpstr (kasane_export_lang_from_locale (), ==, "en");

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      if (saved[i] != NULL)
        g_setenv (variables[i], saved[i], TRUE);
      else
        g_unsetenv (variables[i]);
      g_free (saved[i]);
    }
}

static void
test_write_file (void)
{
  g_autofree char *folder = work_path ("atomic");
  g_autofree char *out = g_build_filename (folder, "data.bin", NULL);
  g_autofree char *inside_missing = g_build_filename (folder, "nope", "data.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (kasane_export_write_file (out, "first", 5, &error));
  g_assert_no_error (error);
  g_assert_true (kasane_export_write_file (out, "second", 6, &error));
  g_assert_no_error (error);
  data = read_file (out, &length);
  g_assert_cmpmem (data, length, "second", 6);
  assert_folder_holds_only (folder, "data.bin");

  g_assert_false (kasane_export_write_file (inside_missing, "x", 1, &error));
  g_assert_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  /* A folder as the target. */
  g_assert_false (kasane_export_write_file (folder, "x", 1, &error));
  g_assert_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  assert_folder_holds_only (folder, "data.bin");
}

/* The Export dialog: only with a display (the export suite runs without one; run it
 * under xvfb-run to include this). */
static void
test_dialog (void)
{
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = work_path ("dialog");
  g_autofree char *target = g_build_filename (folder, "picture", NULL);
  g_autofree char *written = g_build_filename (folder, "picture.svg", NULL);
  g_autofree char *saved_folder = NULL;
  g_autofree char *saved_theme = NULL;
  KasaneExportDialog *dialog;
  KasaneExportOptions options;
  GdkContentFormats *formats;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  datasets = load_bundled ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  /* The dialog starts from the remembered settings. */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "export-format", "svg");
  g_settings_set_int (settings, "export-width", 1280);
  g_settings_set_int (settings, "export-height", 720);
  g_settings_set_string (settings, "export-theme", "dark");
  g_settings_set_string (settings, "export-language", "ja");
  g_settings_set_string (settings, "export-background", "white");
  g_settings_set_boolean (settings, "export-footer", TRUE);

  dialog = kasane_export_dialog_new (NULL, (KasaneDataset * const *) datasets->pdata,
                                     datasets->len, "stack");
  kasane_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, KASANE_EXPORT_SVG);
  g_assert_cmpint (options.view, ==, KASANE_EXPORT_VIEW_STACK);
  g_assert_cmpuint (options.width, ==, 1280);
  g_assert_cmpuint (options.height, ==, 720);
  g_assert_cmpuint (options.scale, ==, 1);
  g_assert_cmpint (options.theme, ==, KASANE_THEME_DARK);
  g_assert_cmpstr (options.lang, ==, "ja");
  g_assert_cmpint (options.background, ==, KASANE_EXPORT_BACKGROUND_WHITE);
  g_assert_nonnull (options.footer);

  /* A name without an extension gets the format's; the folder is remembered. */
  g_assert_true (kasane_export_dialog_export_to_path (dialog, target, &error));
  g_assert_no_error (error);
  assert_svg_well_formed (written, NULL, NULL);
  saved_folder = g_settings_get_string (settings, "export-folder");
  g_assert_cmpstr (saved_folder, ==, folder);

  /* A failure is reported, not a crash. */
  {
    g_autofree char *missing = g_build_filename (folder, "missing", "x.png", NULL);

    g_assert_false (kasane_export_dialog_export_to_path (dialog, missing, &error));
    g_assert_error (error, KASANE_EXPORT_ERROR, KASANE_EXPORT_ERROR_WRITE);
    g_clear_error (&error);
  }

  /* Copy as image: a texture and the SVG. */
  options.width = 960;
  options.height = 540;
  g_assert_true (kasane_export_copy_to_clipboard (gdk_display_get_clipboard
                                                  (gdk_display_get_default ()),
                                                  (KasaneDataset * const *) datasets->pdata,
                                                  datasets->len, &options, &error));
  g_assert_no_error (error);
  formats = gdk_clipboard_get_formats (gdk_display_get_clipboard (gdk_display_get_default ()));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));

  /* The window's Ctrl+Shift+C: the picture a view describes. */
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL);
  {
    g_autoptr(KasaneRenderRequest) request =
      kasane_render_request_new (KASANE_CHART_COMPARE,
                                 (KasaneDataset * const *) datasets->pdata, datasets->len);

    request->width = 960;
    request->height = 540;
    g_assert_true (kasane_export_copy_view (GTK_WIDGET (dialog), request, &error));
  }
  g_assert_no_error (error);
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (dialog)));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));

  gtk_window_destroy (GTK_WINDOW (dialog));
  saved_theme = g_settings_get_string (settings, "export-theme");
  g_assert_cmpstr (saved_theme, ==, "dark");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The bundle is in a static library: referring to it links it in and registers it. */
  g_assert_nonnull (kasane_get_resource ());

  work_dir = g_dir_make_tmp ("kasane-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/export/names", test_names);
  g_test_add_func ("/export/lang-from-locale", test_lang_from_locale);
  g_test_add_func ("/export/write-file", test_write_file);
  g_test_add_func ("/export/png/size", test_png_size);
  g_test_add_func ("/export/png/defaults", test_png_defaults);
  g_test_add_func ("/export/png/files", test_png_files);
  g_test_add_func ("/export/png/scale", test_png_scale);
  g_test_add_func ("/export/png/stack", test_stack);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/languages", test_languages);
  g_test_add_func ("/export/themes", test_themes);
  g_test_add_func ("/export/failure-keeps-earlier-file", test_failure_keeps_earlier_file);
  g_test_add_func ("/export/missing-folder", test_missing_folder);
  g_test_add_func ("/export/usage-errors", test_usage_errors);
  g_test_add_func ("/export/unseen-datasets", test_unseen_datasets);
  g_test_add_func ("/export/markup-in-title", test_markup_in_title);
  g_test_add_func ("/export/stack-shows-first", test_several_files_stack_shows_first);
  g_test_add_func ("/export/backgrounds-and-footer", test_backgrounds_and_footer);
  g_test_add_func ("/export/dialog", test_dialog);
  g_test_add_func ("/export/trend/png-scale", test_trend_png_scale);
  g_test_add_func ("/export/trend/svg-pdf", test_trend_svg_pdf);
  g_test_add_func ("/export/trend/explorer-csv", test_trend_explorer_csv);
  g_test_add_func ("/export/trend/series", test_trend_series_option);
  g_test_add_func ("/export/trend/bundled", test_trend_bundled);
  g_test_add_func ("/export/trend/render", test_trend_render_direct);

  status = g_test_run ();

  if (g_getenv ("KASANE_KEEP_EXPORTS") == NULL)
    remove_tree (work_dir);
  else
    g_printerr ("# exports kept in %s\n", work_dir);
  g_free (work_dir);
  return status;
}
