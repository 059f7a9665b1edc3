/* test-export-valid.c: an export that exits 0 wrote a valid picture
 *
 * Every fixture and every hostile label, in every format: a PNG decodes, an SVG parses as
 * XML and renders in librsvg, a PDF renders in poppler.  A label with control characters
 * or noncharacters used to give an SVG that is not XML, or a PDF export that failed with
 * a false "not valid UTF-8".
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "kasane-diagram.h"
#include "kasane-loader.h"
#include "kasane-test-util.h"

static char *work;

static const char *const formats[] = { "png", "svg", "pdf" };

static gboolean
run_in (const char * const *argv,
        char              **envp,
        char              **err)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, err, &wait_status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (wait_status, NULL);
}

static gboolean
run (const char * const *argv,
     char              **err)
{
  return run_in (argv, NULL, err);
}

static void
assert_valid (const char *path,
              const char *format)
{
  g_autofree char *err = NULL;
  g_autofree char *png = g_strconcat (path, ".check.png", NULL);
  g_autofree char *prefix = g_strconcat (path, ".page", NULL);
  g_autofree char *page = g_strconcat (path, ".page-1.png", NULL);

  if (g_str_equal (format, "png"))
    {
      cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), >, 0);
      cairo_surface_destroy (surface);
      return;
    }
  if (g_str_equal (format, "svg"))
    {
      const char *parse[] = { "python3", "-c",
                              "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])",
                              path, NULL };
      const char *render[] = { "rsvg-convert", "-o", png, path, NULL };

      if (!run (parse, &err))
        g_error ("%s is not XML: %s", path, err);
      g_clear_pointer (&err, g_free);
      if (!run (render, &err))
        g_error ("librsvg cannot render %s: %s", path, err);
      g_unlink (png);
      return;
    }
  {
    const char *render[] = { "pdftoppm", "-r", "10", "-png", path, prefix, NULL };

    if (!run (render, &err) || !g_file_test (page, G_FILE_TEST_EXISTS))
      g_error ("poppler cannot render %s: %s", path, err);
    g_unlink (page);
  }
}

/* Exports `dataset` as `view` in every format; each must exit 0 and be valid. */
static void
export_all (const char *dataset,
            const char *view,
            const char *lang)
{
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *out = g_strdup_printf ("%s/out.%s", work, formats[f]);
      g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
      g_autofree char *view_arg = g_strconcat ("--view=", view, NULL);
      g_autofree char *lang_arg = g_strconcat ("--lang=", lang, NULL);
      const char *argv[] = { g_getenv ("KASANE_EXE"), export_arg, view_arg, lang_arg,
                             "--size=960x540", dataset, NULL };
      g_autofree char *err = NULL;

      if (!run (argv, &err))
        g_error ("kasane %s %s %s %s failed: %s", export_arg, view_arg, lang_arg, dataset,
                 err);
      assert_valid (out, formats[f]);
      g_unlink (out);
    }
}

static void
test_fixtures (void)
{
  const char *names[] = { "tests/fixtures/valid/bom.json", "tests/fixtures/valid/one-layer.json",
                          "tests/fixtures/valid/reintroduce.json",
                          "tests/fixtures/valid/two-layer.json",
                          "tests/fixtures/valid/with-csv.json", "data/datasets/ai.json",
                          "data/datasets/crypto.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("KASANE_SOURCE_ROOT"), names[i], NULL);

      g_test_message ("%s", names[i]);
      export_all (path, "compare", "en");
      export_all (path, "stack", "ja");
    }
}

/* The bundled AI dataset with `text` in a layer name, a problem label, the title and a
 * series name, so that every view draws it and every description holds it. */
static char *
write_hostile (const char *text,
               guint       index)
{
  g_autofree char *source = g_build_filename (g_getenv ("KASANE_SOURCE_ROOT"),
                                              "data/datasets/ai.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/hostile-%u.json", work, index);
  g_autofree char *name = g_strdup_printf ("Agents%sfor everyone", text);
  JsonObject *root, *layer, *problem, *series;

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  layer = json_array_get_object_element (json_object_get_array_member (root, "layers"), 0);
  problem = json_array_get_object_element (json_object_get_array_member (root, "problems"), 0);
  series = json_array_get_object_element (json_object_get_array_member (root, "series"), 0);
  json_object_set_string_member (layer, "name", name);
  json_object_set_string_member (problem, "label", name);
  json_object_set_string_member (series, "name", name);
  json_object_set_string_member (root, "title", name);
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *json = NULL;
    g_autoptr(GString) escaped = g_string_new (NULL);

    json_generator_set_root (generator, json_parser_get_root (parser));
    json = json_generator_to_data (generator, NULL);
    /* json-glib 1.6 leaves some control characters raw, which JSON does not allow (a raw
     * one can only be inside a string here). */
    for (const char *p = json; *p != '\0'; p++)
      if ((guchar) *p < 0x20)
        g_string_append_printf (escaped, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (escaped, *p);
    g_assert_true (g_file_set_contents (path, escaped->str, escaped->len, &error));
  }
  return g_steal_pointer (&path);
}

static void
test_hostile_labels (void)
{
  const char *texts[] = {
    "\001", "\037", "\t", "\177", "\302\205",      /* controls: C0, DEL, C1 */
    "\357\277\277", "\357\277\276", "\357\267\220",  /* U+FFFF, U+FFFE, U+FDD0 */
    "\364\217\277\277",                              /* U+10FFFF */
    "\342\200\256", "<&>\"'", "]]>", "\360\237\230\200",   /* RLO, markup, CDATA end, emoji */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *path = write_hostile (texts[i], i);
      const char *check[] = { g_getenv ("KASANE_EXE"), "--check", path, NULL };
      g_autofree char *err = NULL;

      g_test_message ("label %u", i);
      /* The dataset is valid: the exports must be too. */
      if (!run (check, &err))
        g_error ("--check refused hostile label %u: %s", i, err);
      export_all (path, "stack", "en");
      export_all (path, "trend", "ja");
      g_unlink (path);
    }
}

static GBytes *
export_in_locale (const char *locale,
                  const char *view,
                  const char *format)
{
  g_autofree char *source = g_build_filename (g_getenv ("KASANE_SOURCE_ROOT"),
                                              "data/datasets/crypto.json", NULL);
  g_autofree char *out = g_strdup_printf ("%s/locale.%s", work, format);
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *view_arg = g_strconcat ("--view=", view, NULL);
  const char *argv[] = { g_getenv ("KASANE_EXE"), export_arg, view_arg, "--lang=en", source,
                         NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", locale, TRUE);
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!run_in (argv, envp, &err))
    g_error ("LC_ALL=%s kasane %s %s failed: %s", locale, export_arg, view_arg, err);
  g_assert_true (g_file_get_contents (out, &data, &length, NULL));
  g_unlink (out);
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* A German locale's decimal comma does not reach the picture: the same bytes as C.UTF-8
 * (PDFs carry their creation time, so PNG and SVG stand for them). */
static void
test_decimal_comma_locale (void)
{
  g_autoptr(GError) error = NULL;
  const char *locale = kasane_test_decimal_comma_locale (&error);
  const char *views[] = { "trend", "compare" };

  if (locale == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint f = 0; f < 2; f++)
      {
        g_autoptr(GBytes) plain = export_in_locale ("C.UTF-8", views[v], formats[f]);
        g_autoptr(GBytes) german = export_in_locale (locale, views[v], formats[f]);

        g_test_message ("%s %s: %zu and %zu bytes", views[v], formats[f],
                        g_bytes_get_size (plain), g_bytes_get_size (german));
        g_assert_true (g_bytes_equal (plain, german));
      }
}

static void
limit_memory (gpointer user_data)
{
  struct rlimit limit = { 1536 * 1024 * 1024ul, 1536 * 1024 * 1024ul };

  setrlimit (RLIMIT_AS, &limit);
}

/* Under a memory limit a huge picture is refused with a message, not a GLib-ERROR abort;
 * above 16384×16384 pixels it is refused before anything is allocated. */
static void
test_too_large (void)
{
  const char *sizes[][2] = { { "--size=14000x14000", "--scale=1" },
                             { "--size=10000x10000", "--scale=2" } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/huge.png", work);
      g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
      const char *argv[] = { g_getenv ("KASANE_EXE"), export_arg, sizes[i][0], sizes[i][1],
                             NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int wait_status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, limit_memory,
                    NULL, NULL, &err, &wait_status, &error);
      g_assert_no_error (error);
      g_test_message ("%s %s: %s", sizes[i][0], sizes[i][1], err);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
      g_assert_nonnull (strstr (err, "choose a smaller size or scale"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* Eleven datasets in Compare, or one of 1,000 layers, do not fit even at the smallest
 * text: the export fails with a message instead of writing a frame with nothing in it,
 * and the layout (what the window shows) says so in words. */
static void
test_does_not_fit (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("KASANE_SOURCE_ROOT"),
                                              "data/datasets/ai.json", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = g_strdup_printf ("%s/crowded.png", work);
  g_autofree char *tall = g_strdup_printf ("%s/tall.json", work);
  g_autofree char *err = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  KasaneDataset *datasets[11];

  g_ptr_array_add (argv, g_strdup (g_getenv ("KASANE_EXE")));
  g_ptr_array_add (argv, g_strconcat ("--export=", out, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    g_ptr_array_add (argv, g_strdup (source));
  g_ptr_array_add (argv, NULL);
  g_assert_false (run ((const char * const *) argv->pdata, &err));
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "11 datasets with 33 layers in all do not fit at 1920×1080"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_string_append (json, "{\"format\": \"kasane-dataset/1\", \"id\": \"tall\", \"title\": \"T\","
                         " \"problems\": [{\"id\": \"p\", \"label\": \"P\", \"weight\": 2}],"
                         " \"layers\": [");
  /* As many layers as a dataset may hold (more are refused when loading). */
  for (guint i = 0; i < KASANE_MAX_LAYERS; i++)
    g_string_append_printf (json, "%s{\"id\": \"l%u\", \"level\": %u, \"name\": \"L\"%s}",
                            i > 0 ? ", " : "", i, i + 1,
                            i == 0 ? ", \"introduces\": [\"p\"]" : "");
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (tall, json->str, -1, NULL));
  {
    const char *tall_argv[] = { g_getenv ("KASANE_EXE"), argv->pdata[1], tall, NULL };
    g_autofree char *expected = g_strdup_printf ("1 dataset with %u layers in all does not fit",
                                                 KASANE_MAX_LAYERS);

    g_assert_false (run (tall_argv, &err));
    g_assert_nonnull (strstr (err, expected));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  g_unlink (tall);

  /* The layout itself: no stacks, a message. */
  {
    g_autoptr(KasaneMeasure) measure = kasane_measure_new_fake (0.55);
    KasaneDiagramParams params;
    KasaneDiagramLayout *layout;
    g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();

    for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
      datasets[i] = kasane_load_file (source, diagnostics);
    kasane_diagram_params_init (&params);
    layout = kasane_diagram_layout_new (datasets, G_N_ELEMENTS (datasets), &params, measure);
    g_assert_false (kasane_diagram_layout_fits (layout));
    kasane_diagram_layout_free (layout);
    layout = kasane_diagram_layout_new (datasets, 2, &params, measure);
    g_assert_true (kasane_diagram_layout_fits (layout));
    kasane_diagram_layout_free (layout);
    for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
      kasane_dataset_unref (datasets[i]);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work = g_dir_make_tmp ("kasane-test-export-valid-XXXXXX", NULL);
  g_assert_nonnull (work);

  g_test_add_func ("/export-valid/fixtures", test_fixtures);
  g_test_add_func ("/export-valid/hostile-labels", test_hostile_labels);
  g_test_add_func ("/export-valid/decimal-comma-locale", test_decimal_comma_locale);
  g_test_add_func ("/export-valid/too-large", test_too_large);
  g_test_add_func ("/export-valid/does-not-fit", test_does_not_fit);

  status = g_test_run ();
  g_rmdir (work);
  return status;
}
