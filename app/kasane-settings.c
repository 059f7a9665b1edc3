/* kasane-settings.c: Kasane's settings, even where the schema is not installed
 *
 * g_settings_new () aborts the program when the schema is not installed, which is what
 * happens when Kasane runs from its build folder without GSETTINGS_SCHEMA_DIR.  Then the
 * compiled schema that the build bundles in the resources is used instead, with the
 * settings kept in memory for this run only, and one warning says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "kasane-settings.h"

#define BUNDLED_SCHEMAS "/io/github/kasane/Kasane/gschemas.compiled"

/* GLib maps the compiled file, so the copy on disk can go once it is read. */
static GSettingsSchemaSource *
load_bundled_source (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  GSettingsSchemaSource *source = NULL;

  bytes = g_resources_lookup_data (BUNDLED_SCHEMAS, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  folder = g_dir_make_tmp ("kasane-settings-XXXXXX", error);
  if (folder == NULL)
    return NULL;
  path = g_build_filename (folder, "gschemas.compiled", NULL);
  if (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           error))
    source = g_settings_schema_source_new_from_directory (folder, NULL, TRUE, error);
  g_unlink (path);
  g_rmdir (folder);
  return source;
}

/**
 * kasane_settings_new:
 *
 * Opens Kasane's settings.  When the schema is not installed, the settings live in memory
 * for this run (one warning says so) instead of aborting the program.
 *
 * Returns: (transfer full): the settings
 */
GSettings *
kasane_settings_new (void)
{
  static gsize bundled = 0;      /* a GSettingsSchema *, set once */
  static gsize memory = 0;       /* a GSettingsBackend *, shared by every caller */
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APPLICATION_ID, TRUE);
  if (schema != NULL)
    return g_settings_new_full (schema, NULL, NULL);

  if (g_once_init_enter (&bundled))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSettingsSchemaSource) source = load_bundled_source (&error);
      GSettingsSchema *found = NULL;

      if (source != NULL)
        found = g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
      if (found == NULL)
        g_error ("The settings schema %s is not installed, and the copy built into Kasane "
                 "cannot be read: %s", APPLICATION_ID,
                 error != NULL ? error->message : "schema missing");
      g_warning ("The settings schema %s is not installed (set GSETTINGS_SCHEMA_DIR, or "
                 "install Kasane): settings are kept in memory and forgotten on exit.",
                 APPLICATION_ID);
      /* One store for the whole run: the application and each window must see the
       * same style and language (with a store each, a style chosen in the menu never
       * reached the charts). */
      g_once_init_leave (&memory, (gsize) g_memory_settings_backend_new ());
      g_once_init_leave (&bundled, (gsize) found);
    }

  return g_settings_new_full ((GSettingsSchema *) bundled, (GSettingsBackend *) memory, NULL);
}
