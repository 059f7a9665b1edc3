/* kasane-loader.h: read datasets (.json) and series files (.csv), strictly
 *
 * Every input is untrusted.  A loader returns a dataset only when it found no error;
 * every fault it found (up to KASANE_DIAGNOSTICS_MAX) is appended to `diagnostics`
 * with its place.  It never crashes, aborts, hangs or logs a critical on any input.
 */
#pragma once

#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-diagnostic.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read ("file is too large"). */
#define KASANE_MAX_JSON_SIZE (16 * 1024 * 1024)
/* A CSV file, and all the CSV files one dataset reads together (each counted once). */
#define KASANE_MAX_CSV_SIZE  (256 * 1024 * 1024)
/* Values (rows × value columns) in a CSV file, and in all the CSV files one dataset
 * reads: 2^25, a 10-million-row file with three value columns.  Each costs 17 bytes
 * while it is read, so the worst file at both caps peaks well under 1 GB. */
#define KASANE_MAX_CSV_VALUES ((guint64) 1 << 25)
/* A string in a dataset (a title, a label, a paragraph of notes) and a CSV header: at
 * most this many characters.  A chart lays every one of them out; 16 labels of 1 MB took
 * an export a minute, 16 of 10,000 characters take half a second. */
#define KASANE_MAX_TEXT_CHARS 10000
/* A name or label (a title, a layer's name, a problem's label, a series' name, an event's
 * label, an example): the charts set each whole in a chip or a legend, many at a time,
 * and the views list them; the bundled ones have at most 56 characters. */
#define KASANE_MAX_LABEL_CHARS 200
/* What a dataset holds at most: far more than a layered stack has (the bundled ones have
 * 3 layers, 8 problems), few enough that every view of one draws in well under a second. */
#define KASANE_MAX_LAYERS   100
#define KASANE_MAX_PROBLEMS 200
#define KASANE_MAX_SERIES   1000
#define KASANE_MAX_EVENTS   10000
/* Problems named in the layers' lists, in all: the Ledger and Explain views list each
 * (the bundled datasets name 25 and 27; 1,000 layers could otherwise name a million). */
#define KASANE_MAX_EFFECTS  400
/* Paragraphs in a text list (notes, speaker notes) and a layer's examples: the Explain
 * view gives each its own label, and real notes have a handful. */
#define KASANE_MAX_PARAGRAPHS 100
/* …and at most this many characters in all, in each language (the bundled notes have
 * about 5,000): the Explain view sets them whole. */
#define KASANE_MAX_PARAGRAPHS_CHARS 100000
/* Points written in a dataset file, in all its series (a CSV file has no such cap). */
#define KASANE_MAX_POINTS   500000
/* Deeper JSON nesting is refused before json-glib sees it (json-glib 1.6: no limit). */
#define KASANE_JSON_MAX_DEPTH 64

/* Picks the loader by extension: ".csv" or ".tsv" (any case) is a CSV file opened on its
 * own, anything else is read as a dataset (JSON).  `path` is shown in diagnostics as given. */
KasaneDataset *kasane_load_file          (const char        *path,
                                          KasaneDiagnostics *diagnostics);

/* A dataset from memory.  `display_name` names the file in diagnostics; `base_dir` is
 * the folder CSV paths are resolved in (NULL: a dataset that names a CSV is an error). */
KasaneDataset *kasane_dataset_load_json  (const char        *data,
                                          gsize              length,
                                          const char        *display_name,
                                          const char        *base_dir,
                                          KasaneDiagnostics *diagnostics);
KasaneDataset *kasane_dataset_load_json_file (const char    *path,
                                          KasaneDiagnostics *diagnostics);

/* Every member the loader accepts, by the object it belongs to: "dataset" (the root),
 * "problem", "layer", "series", "event", "source", and "text" (a {"en", "ja"} object).
 * The help's format reference documents each of them, and a test holds it to that. */
typedef struct
{
  const char *object;
  const char *member;
} KasaneFormatMember;

const KasaneFormatMember *kasane_dataset_format_members (guint *n_members);

G_END_DECLS
