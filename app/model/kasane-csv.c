/* placeholder until the CSV loader lands: refuses every file with a clear message */
#define G_LOG_DOMAIN "kasane-csv"
#include "config.h"
#include "kasane-csv.h"
#include "kasane-loader.h"

GPtrArray *
kasane_csv_parse (const char *data, gsize length, const char *display_name,
                  KasaneDiagnostics *diagnostics)
{
  kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_IO,
                          display_name, 0, 0, "CSV files are not supported yet");
  return NULL;
}

GPtrArray *
kasane_csv_parse_file (const char *path, KasaneDiagnostics *diagnostics)
{
  return kasane_csv_parse (NULL, 0, path, diagnostics);
}

KasaneDataset *
kasane_csv_load_dataset (const char *path, KasaneDiagnostics *diagnostics)
{
  kasane_csv_parse (NULL, 0, path, diagnostics);
  return NULL;
}

char *
kasane_csv_make_id (const char *header, guint column, GHashTable *taken)
{
  return g_strdup_printf ("column-%u", column);
}
