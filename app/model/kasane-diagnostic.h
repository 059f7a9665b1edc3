/* kasane-diagnostic.h: located faults collected while loading a file
 *
 * Loaders never stop at the first fault: they append every fault they find (up to
 * KASANE_DIAGNOSTICS_MAX errors per file) to a KasaneDiagnostics list, each with the
 * file, the 1-based line and column (counted in characters) and a message that says
 * what was expected.  Only the command line prints them, as
 * "FILE:LINE:COLUMN: error: MESSAGE".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KASANE_DIAGNOSTICS_MAX 100

typedef enum
{
  KASANE_SEVERITY_ERROR,
  KASANE_SEVERITY_WARNING,
  KASANE_SEVERITY_NOTE,
} KasaneSeverity;

typedef enum
{
  KASANE_DATASET_ERROR_IO,          /* missing, unreadable, too large */
  KASANE_DATASET_ERROR_ENCODING,    /* not UTF-8 */
  KASANE_DATASET_ERROR_SYNTAX,      /* not strict RFC 8259 JSON, or malformed CSV */
  KASANE_DATASET_ERROR_TOO_DEEP,    /* nesting deeper than KASANE_JSON_MAX_DEPTH */
  KASANE_DATASET_ERROR_RANGE,       /* number out of range, NaN, infinite */
  KASANE_DATASET_ERROR_TYPE,        /* a value of the wrong kind */
  KASANE_DATASET_ERROR_MISSING,     /* a required member is absent */
  KASANE_DATASET_ERROR_UNKNOWN,     /* an unknown member */
  KASANE_DATASET_ERROR_DUPLICATE,   /* duplicate id or member name */
  KASANE_DATASET_ERROR_UNRESOLVED,  /* a reference to no known id */
  KASANE_DATASET_ERROR_INVALID,     /* any other rule of DESIGN.md */
} KasaneDatasetError;

#define KASANE_DATASET_ERROR (kasane_dataset_error_quark ())
GQuark kasane_dataset_error_quark (void);

typedef struct
{
  char              *file;     /* as given by the caller (display name) */
  guint              line;     /* 1-based; 0 when the fault has no place */
  guint              column;   /* 1-based, in characters; 0 when no place */
  KasaneSeverity     severity;
  KasaneDatasetError code;
  char              *message;  /* English, machine-stable */
} KasaneDiagnostic;

typedef struct _KasaneDiagnostics KasaneDiagnostics;

KasaneDiagnostics      *kasane_diagnostics_new           (void);
void                    kasane_diagnostics_free          (KasaneDiagnostics  *self);
/* Appends a fault; returns FALSE (and drops it) once KASANE_DIAGNOSTICS_MAX errors are held,
 * so loops can stop early.  Warnings and notes are not counted against the cap. */
gboolean                kasane_diagnostics_add           (KasaneDiagnostics  *self,
                                                          KasaneSeverity      severity,
                                                          KasaneDatasetError  code,
                                                          const char         *file,
                                                          guint               line,
                                                          guint               column,
                                                          const char         *format,
                                                          ...) G_GNUC_PRINTF (7, 8);
guint                   kasane_diagnostics_get_n_items   (KasaneDiagnostics  *self);
const KasaneDiagnostic *kasane_diagnostics_get           (KasaneDiagnostics  *self,
                                                          guint               index);
guint                   kasane_diagnostics_count_errors  (KasaneDiagnostics  *self);
gboolean                kasane_diagnostics_is_full       (KasaneDiagnostics  *self);
/* An error past the cap that a loader did not even format: counted for the closing
 * "N more errors were not shown" line. */
void                    kasane_diagnostics_drop_error    (KasaneDiagnostics  *self);
guint                   kasane_diagnostics_count_dropped (KasaneDiagnostics  *self);
/* Reading `file` stopped at the cap, so the count of the rest is unknown: the closing
 * line says so instead. */
void                    kasane_diagnostics_stop          (KasaneDiagnostics  *self,
                                                          const char         *file);
/* A file name as it may be printed or shown: UTF-8, with control characters spelled
 * out as \\uXXXX (the same spelling the messages use). */
char                   *kasane_display_file_name         (const char         *file);
/* "FILE:LINE:COLUMN: error: MESSAGE" (or "FILE: error: MESSAGE" with no place), the file
 * name shown by kasane_display_file_name (). */
char                   *kasane_diagnostic_format         (const KasaneDiagnostic *diagnostic);
/* All of them, one per line, each ending in '\n'. */
char                   *kasane_diagnostics_format        (KasaneDiagnostics  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneDiagnostics, kasane_diagnostics_free)

G_END_DECLS
