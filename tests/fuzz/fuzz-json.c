/* fuzz-json.c: any bytes through the strict JSON dataset loader
 *
 * The loader's promise: on any input it returns a dataset or located faults, and never
 * crashes, aborts, hangs or logs a warning (the driver makes warnings fatal).
 */
#include "config.h"

#include "kasane-loader.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(KasaneDataset) dataset = NULL;

  dataset = kasane_dataset_load_json ((const char *) data, size, "fuzz.json", NULL, diagnostics);
  /* Exactly one of the two: a dataset with no error, or no dataset and some error. */
  if ((dataset == NULL) == (kasane_diagnostics_count_errors (diagnostics) == 0))
    g_error ("loader returned %s with %u errors", dataset ? "a dataset" : "nothing",
             kasane_diagnostics_count_errors (diagnostics));
  return 0;
}
