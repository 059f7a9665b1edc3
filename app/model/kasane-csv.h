/* kasane-csv.h: the CSV files people really download
 *
 * UTF-8 (with or without BOM) or UTF-16 with BOM; RFC 4180 quoting; CRLF or LF;
 * separator ',' ';' or tab detected from the header (with ';' a decimal comma is
 * accepted).  The time column is the first whose header or values are dates (ISO, or
 * slash dates whose order is inferred from the whole column); a Unix-timestamp column is
 * the time axis when there is no date column and is dropped otherwise; a first column of
 * plain numbers makes a numeric x axis.  The long form (Entity, Code, Year|Day|Date,
 * values…) gives one series per entity (and value column).  Blank cells are gaps; any
 * other non-number is an error at its line and column.  See DESIGN.md, "CSV".
 */
#pragma once

#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-diagnostic.h"

G_BEGIN_DECLS

/* Parses `length` bytes of `data`.  On success returns the series (KasaneSeries*, with
 * `id` made from the header, `name.en` = the raw header text — "Entity" or
 * "Entity: header" in the long form —, `unit` "", no source, `layer` -1) in column order;
 * on failure returns NULL with every fault appended to `diagnostics` under `display_name`.
 * Warnings (an ambiguous slash-date column) are appended either way. */
GPtrArray *kasane_csv_parse      (const char        *data,
                                  gsize              length,
                                  const char        *display_name,
                                  KasaneDiagnostics *diagnostics);

/* What may still be read from CSV files: a file read takes its bytes and the values it
 * holds from it, so that a dataset naming many files (or one many times) stays within
 * the caps of one file.  kasane_csv_budget_init() sets the caps. */
typedef struct
{
  guint64 bytes;
  guint64 values;
} KasaneCsvBudget;

void       kasane_csv_budget_init (KasaneCsvBudget   *budget);

/* Reads and parses a file within `budget` (NULL: the caps of one file,
 * KASANE_MAX_CSV_SIZE and KASANE_MAX_CSV_VALUES), and takes what it read from it. */
GPtrArray *kasane_csv_parse_file (const char        *path,
                                  KasaneCsvBudget   *budget,
                                  KasaneDiagnostics *diagnostics);

/* A CSV file opened on its own: a dataset with no layers whose id comes from the file
 * name (the same rule as series ids) and whose series are the file's columns. */
KasaneDataset *kasane_csv_load_dataset (const char        *path,
                                        KasaneDiagnostics *diagnostics);

/* Series ids from headers: lower-case ASCII letters and digits, every other run → '-',
 * trimmed ("Value (Wei)" → "value-wei"); no ASCII letter or digit → "column-N" (N is
 * the 1-based column); collisions with earlier ids in `taken` get "-2", "-3"…
 * The result is added to `taken` (strings owned by it; it also keeps there, under
 * "\001" and the base, the next suffix to try, so many collisions stay linear). */
char      *kasane_csv_make_id    (const char        *header,
                                  guint              column,
                                  GHashTable        *taken);

G_END_DECLS
