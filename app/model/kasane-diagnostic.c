#define G_LOG_DOMAIN "kasane-diagnostic"

#include "config.h"

#include <string.h>

#include "kasane-diagnostic.h"

G_DEFINE_QUARK (kasane-dataset-error-quark, kasane_dataset_error)

struct _KasaneDiagnostics
{
  GPtrArray *items;     /* of KasaneDiagnostic* */
  guint      n_errors;
  guint      n_dropped; /* errors past the cap: counted, not kept */
  char      *stopped;   /* the file whose reading stopped at the cap, or NULL */
};

static void
kasane_diagnostic_free (KasaneDiagnostic *diagnostic)
{
  g_free (diagnostic->file);
  g_free (diagnostic->message);
  g_free (diagnostic);
}

KasaneDiagnostics *
kasane_diagnostics_new (void)
{
  KasaneDiagnostics *self = g_new0 (KasaneDiagnostics, 1);

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_diagnostic_free);
  return self;
}

void
kasane_diagnostics_free (KasaneDiagnostics *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->items);
  g_free (self->stopped);
  g_free (self);
}

gboolean
kasane_diagnostics_add (KasaneDiagnostics  *self,
                        KasaneSeverity      severity,
                        KasaneDatasetError  code,
                        const char         *file,
                        guint               line,
                        guint               column,
                        const char         *format,
                        ...)
{
  KasaneDiagnostic *diagnostic;
  va_list args;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (severity == KASANE_SEVERITY_ERROR)
    {
      if (self->n_errors >= KASANE_DIAGNOSTICS_MAX)
        {
          self->n_dropped++;
          return FALSE;
        }
      self->n_errors++;
    }
  else if (self->items->len >= 4 * KASANE_DIAGNOSTICS_MAX)
    return !kasane_diagnostics_is_full (self);

  diagnostic = g_new0 (KasaneDiagnostic, 1);
  diagnostic->file = g_strdup (file != NULL ? file : "-");
  diagnostic->line = line;
  diagnostic->column = line > 0 ? MAX (column, 1) : 0;
  diagnostic->severity = severity;
  diagnostic->code = code;
  va_start (args, format);
  diagnostic->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->items, diagnostic);

  return !kasane_diagnostics_is_full (self);
}

guint
kasane_diagnostics_get_n_items (KasaneDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const KasaneDiagnostic *
kasane_diagnostics_get (KasaneDiagnostics *self,
                        guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

guint
kasane_diagnostics_count_errors (KasaneDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_errors;
}

void
kasane_diagnostics_drop_error (KasaneDiagnostics *self)
{
  g_return_if_fail (self != NULL);
  self->n_dropped++;
}

void
kasane_diagnostics_stop (KasaneDiagnostics *self,
                         const char        *file)
{
  g_return_if_fail (self != NULL);
  if (self->stopped == NULL)
    self->stopped = g_strdup (file != NULL ? file : "-");
}

guint
kasane_diagnostics_count_dropped (KasaneDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_dropped;
}

gboolean
kasane_diagnostics_is_full (KasaneDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->n_errors >= KASANE_DIAGNOSTICS_MAX;
}

static const char *
severity_to_string (KasaneSeverity severity)
{
  switch (severity)
    {
    case KASANE_SEVERITY_WARNING:
      return "warning";
    case KASANE_SEVERITY_NOTE:
      return "note";
    case KASANE_SEVERITY_ERROR:
    default:
      return "error";
    }
}

char *
kasane_display_file_name (const char *file)
{
  g_autofree char *display = NULL;
  GString *out;

  g_return_val_if_fail (file != NULL, NULL);

  /* Bytes that are not UTF-8 become U+FFFD; then every control character (C0, DEL, C1)
   * and every bidirectional control is spelled out, so a name can neither drive the
   * terminal nor forge a line of output. */
  display = g_filename_display_name (file);
  out = g_string_sized_new (strlen (display));
  for (const char *p = display; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      if (u < 0x20 || (u >= 0x7F && u < 0xA0) || u == 0x061C || u == 0x200E || u == 0x200F
          || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
        g_string_append_printf (out, "\\u%04X", u);
      else
        g_string_append_unichar (out, u);
    }
  return g_string_free (out, FALSE);
}

char *
kasane_diagnostic_format (const KasaneDiagnostic *diagnostic)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (diagnostic != NULL, NULL);

  file = kasane_display_file_name (diagnostic->file);
  if (diagnostic->line == 0)
    return g_strdup_printf ("%s: %s: %s", file,
                            severity_to_string (diagnostic->severity), diagnostic->message);
  return g_strdup_printf ("%s:%u:%u: %s: %s", file, diagnostic->line,
                          diagnostic->column, severity_to_string (diagnostic->severity),
                          diagnostic->message);
}

char *
kasane_diagnostics_format (KasaneDiagnostics *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *line = kasane_diagnostic_format (g_ptr_array_index (self->items, i));

      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  /* After the cap, how many more there were (or that reading stopped there). */
  if (self->n_dropped > 0 || self->stopped != NULL)
    {
      const KasaneDiagnostic *last = self->items->len > 0
                                     ? g_ptr_array_index (self->items, self->items->len - 1)
                                     : NULL;
      g_autofree char *file = kasane_display_file_name (self->stopped != NULL ? self->stopped
                                                        : last != NULL ? last->file : "-");

      if (self->stopped != NULL)
        g_string_append_printf (out, "%s: note: reading stopped after %u errors; more may "
                                "follow\n", file, self->n_errors);
      else
        g_string_append_printf (out, "%s: note: %u more error%s not shown\n", file,
                                self->n_dropped, self->n_dropped == 1 ? " was" : "s were");
    }
  return g_string_free (out, FALSE);
}
