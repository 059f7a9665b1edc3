/* kasane-json-scan.h: the strict RFC 8259 pre-pass that runs before json-glib
 *
 * json-glib 1.6 accepts comments, single quotes, hex numbers, trailing commas and
 * duplicate member names, turns 1e999 into infinity, recurses with no depth limit and
 * reports no positions for nodes.  So every dataset goes through this scanner first: it
 * refuses anything that is not strict JSON (stopping at the first fault, with its line
 * and column) and records where every value and every member name starts.
 *
 * The record is a flat array of entries in document order (pre-order): an object or an
 * array is followed by its descendants, and `n_descendants` skips over them.  The k-th
 * child of a container is therefore found by stepping from the container's entry, in the
 * same order as json-glib keeps members (json_object_get_members) and elements.
 */
#pragma once

#include <glib.h>

#include "kasane-diagnostic.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_JSON_OBJECT,
  KASANE_JSON_ARRAY,
  KASANE_JSON_STRING,
  KASANE_JSON_NUMBER,
  KASANE_JSON_TRUE,
  KASANE_JSON_FALSE,
  KASANE_JSON_NULL,
} KasaneJsonType;

typedef struct
{
  guint32 line;            /* where the value starts, 1-based */
  guint32 column;          /* in characters, 1-based */
  guint32 name_line;       /* where its member name starts; 0 for elements and the root */
  guint32 name_column;
  guint32 offset;          /* byte offset of the value in `text` */
  guint32 length;          /* bytes of a scalar token (a string with its quotes); 0 for
                              objects and arrays */
  guint32 n_descendants;   /* entries after this one that belong to it */
  guint8  type;            /* KasaneJsonType */
} KasaneJsonEntry;

typedef struct
{
  const char *text;        /* the scanned text after any BOM, borrowed from the caller */
  gsize       length;      /* bytes of `text` */
  GArray     *entries;     /* of KasaneJsonEntry, document order; [0] is the root object */
} KasaneJsonScan;

/* Checks size, encoding and syntax of `length` bytes of `data`.  Returns NULL after
 * appending one located error to `diagnostics` (under `display_name`) when the text is
 * not a strict JSON object no deeper than KASANE_JSON_MAX_DEPTH.  Linear time, no
 * recursion.  The result borrows `data`, which must outlive it. */
KasaneJsonScan *kasane_json_scan        (const char        *data,
                                         gsize              length,
                                         const char        *display_name,
                                         KasaneDiagnostics *diagnostics);
void            kasane_json_scan_free   (KasaneJsonScan    *scan);

/* Text from the file made safe for a one-line message: at most 64 characters, control
 * characters as \uXXXX.  `text` must be valid UTF-8 (decoded names and strings are). */
char           *kasane_json_shown_text  (const char        *text);

/* The index of the entry after `index` and all its descendants: its next sibling. */
static inline guint
kasane_json_scan_next (const KasaneJsonScan *scan,
                       guint                 index)
{
  return index + 1 + g_array_index (scan->entries, KasaneJsonEntry, index).n_descendants;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneJsonScan, kasane_json_scan_free)

G_END_DECLS
