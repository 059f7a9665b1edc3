/* fuzz-csv.c: any bytes through the CSV loader */
#include "config.h"

#include "kasane-csv.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  g_autoptr(GPtrArray) series = NULL;

  series = kasane_csv_parse ((const char *) data, size, "fuzz.csv", diagnostics);
  if ((series == NULL) == (kasane_diagnostics_count_errors (diagnostics) == 0))
    g_error ("CSV loader returned %s with %u errors", series ? "series" : "nothing",
             kasane_diagnostics_count_errors (diagnostics));
  return 0;
}
