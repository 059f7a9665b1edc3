/* kasane-json-loader.c: datasets (kasane-dataset/1) from JSON, strictly
 *
 * Three passes.  kasane_json_scan() refuses anything that is not strict JSON and records
 * where every value and member name starts; only then does json-glib build the tree
 * (json-glib 1.6 has no depth limit and reports no positions).  The semantic walk below
 * follows the json-glib tree and the scan's entries side by side, so each fault is
 * reported at its place; it reports every fault it finds (up to KASANE_DIAGNOSTICS_MAX)
 * and returns a dataset only when there was none.  Series (points, or a column of a CSV
 * file) are read in kasane-json-series.c.
 */
#define G_LOG_DOMAIN "kasane-json-loader"

#include "config.h"

#include "kasane-loader.h"
#include "kasane-csv.h"
#include "kasane-input.h"
#include "kasane-json-scan.h"
#include "kasane-json-loader-private.h"

#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>






/* Diagnostics */

const KasaneJsonEntry *
loader_entry_at (Loader *self,
                 guint   index)
{
  /* A guard, not a case: the scan and json-glib agree on the shape of valid JSON. */
  if (index >= self->scan->entries->len)
    index = 0;
  return &g_array_index (self->scan->entries, KasaneJsonEntry, index);
}

static gboolean
is_full (Loader *self)
{
  return kasane_diagnostics_is_full (self->diagnostics);
}

void
loader_report_valist (Loader             *self,
                      KasaneSeverity      severity,
                      KasaneDatasetError  code,
                      guint               line,
                      guint               column,
                      const char         *format,
                      va_list             args)
{
  g_autofree char *message = NULL;

  if (severity == KASANE_SEVERITY_ERROR)
    {
      self->failed = TRUE;
      /* A hostile file may hold millions of faults: past the cap, count them only. */
      if (is_full (self))
        {
          kasane_diagnostics_drop_error (self->diagnostics);
          return;
        }
    }
  message = g_strdup_vprintf (format, args);
  kasane_diagnostics_add (self->diagnostics, severity, code, self->file, line, column,
                          "%s", message);
}

/* An error at the start of a value. */
void
loader_error_at_entry (Loader             *self,
                       guint               entry,
                       KasaneDatasetError  code,
                       const char         *format,
                       ...)
{
  const KasaneJsonEntry *e = loader_entry_at (self, entry);
  va_list args;

  va_start (args, format);
  loader_report_valist (self, KASANE_SEVERITY_ERROR, code, e->line, e->column, format, args);
  va_end (args);
}

/* An error at the member name of a value (at the value itself for array elements). */
void
loader_error_at_name (Loader             *self,
                      guint               entry,
                      KasaneDatasetError  code,
                      const char         *format,
                      ...)
{
  const KasaneJsonEntry *e = loader_entry_at (self, entry);
  va_list args;

  va_start (args, format);
  if (e->name_line > 0)
    loader_report_valist (self, KASANE_SEVERITY_ERROR, code, e->name_line, e->name_column, format,
                          args);
  else
    loader_report_valist (self, KASANE_SEVERITY_ERROR, code, e->line, e->column, format, args);
  va_end (args);
}

static const char *
describe (Loader      *self,
          const Value *value)
{
  switch (loader_entry_at (self, value->entry)->type)
    {
    case KASANE_JSON_OBJECT:
      return "an object";
    case KASANE_JSON_ARRAY:
      return "an array";
    case KASANE_JSON_STRING:
      return "a string";
    case KASANE_JSON_NUMBER:
      return "a number";
    case KASANE_JSON_TRUE:
      return "true";
    case KASANE_JSON_FALSE:
      return "false";
    case KASANE_JSON_NULL:
    default:
      return "null";
    }
}

/* "expected a string for "id", found a number" */
void
loader_type_error (Loader      *self,
                   const Value *value,
                   const char  *expected)
{
  loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_TYPE, "expected %s %s \"%s\", found %s",
                         expected, value->element ? "in" : "for", value->name, describe (self, value));
}

KasaneJsonType
loader_type_of (Loader      *self,
                const Value *value)
{
  return loader_entry_at (self, value->entry)->type;
}

/* Optimal string alignment distance, for "did you mean".  Both strings are short (the
 * caller checks lengths first). */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *d = g_new0 (guint, (la + 1) * (lb + 1));

#define D(i, j) d[(i) * (lb + 1) + (j)]
  for (gsize i = 0; i <= la; i++)
    D (i, 0) = i;
  for (gsize j = 0; j <= lb; j++)
    D (0, j) = j;
  for (gsize i = 1; i <= la; i++)
    for (gsize j = 1; j <= lb; j++)
      {
        guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
        guint best = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);

        best = MIN (best, D (i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, D (i - 2, j - 2) + 1);
        D (i, j) = best;
      }
  return D (la, lb);
#undef D
}

/* The closest of `candidates` to `word`, when it is close enough to be a typo. */
static const char *
suggest (const char         *word,
         const char * const *candidates,
         guint               n_candidates)
{
  gsize len = strlen (word);
  const char *best = NULL;
  guint best_distance = G_MAXUINT;

  if (len > 80)
    return NULL;
  for (guint i = 0; i < n_candidates; i++)
    {
      gsize clen = strlen (candidates[i]);
      guint limit = MAX (clen, len) <= 3 ? 1 : 2;
      guint distance;

      if ((clen > len ? clen - len : len - clen) > limit)
        continue;
      distance = edit_distance (word, candidates[i]);
      if (distance <= limit && distance < best_distance)
        {
          best = candidates[i];
          best_distance = distance;
        }
    }
  return best;
}

/* The same for the keys of an id table. */
static const char *
suggest_id (const char *word,
            GHashTable *ids)
{
  g_autofree const char **keys = NULL;
  guint n = 0;

  if (g_hash_table_size (ids) > 1000)
    return NULL;
  keys = (const char **) g_hash_table_get_keys_as_array (ids, &n);
  return suggest (word, keys, n);
}

/* Members */

/* Reads an object whose known members are `names`; the first `n_required` are required.
 * Fills `out` (one Value per name, node NULL when absent), reports unknown and missing
 * members, and returns FALSE when `object` is not an object. */
gboolean
loader_read_object (Loader             *self,
                    const Value        *object,
                    const char * const *names,
                    guint               n_names,
                    guint               n_required,
                    Value              *out)
{
  JsonObject *json;
  GList *members;
  guint child, end;

  for (guint i = 0; i < n_names; i++)
    out[i] = (Value) { NULL, 0, names[i], FALSE };

  if (loader_type_of (self, object) != KASANE_JSON_OBJECT)
    {
      loader_type_error (self, object, "an object");
      return FALSE;
    }

  json = json_node_get_object (object->node);
  members = json_object_get_members (json);   /* in file order */
  child = object->entry + 1;
  end = kasane_json_scan_next (self->scan, object->entry);
  for (GList *l = members; l != NULL && child < end; l = l->next)
    {
      const char *name = l->data;
      gboolean known = FALSE;

      for (guint i = 0; i < n_names && !known; i++)
        if (strcmp (name, names[i]) == 0)
          {
            out[i].node = json_object_get_member (json, name);
            out[i].entry = child;
            known = TRUE;
          }
      if (!known)
        {
          g_autofree char *what = kasane_json_shown_text (name);
          const char *guess = suggest (name, names, n_names);

          if (guess != NULL)
            loader_error_at_name (self, child, KASANE_DATASET_ERROR_UNKNOWN,
                                  "unknown member \"%s\" (did you mean \"%s\"?)", what, guess);
          else
            loader_error_at_name (self, child, KASANE_DATASET_ERROR_UNKNOWN,
                                  "unknown member \"%s\"", what);
        }
      child = kasane_json_scan_next (self->scan, child);
    }
  g_list_free (members);

  for (guint i = 0; i < n_required; i++)
    if (out[i].node == NULL)
      loader_error_at_entry (self, object->entry, KASANE_DATASET_ERROR_MISSING,
                             "missing required member \"%s\"", names[i]);
  return TRUE;
}

/* Calls `func` on each element of an array; FALSE when it is not an array. */
gboolean
loader_for_each_element (Loader      *self,
                         const Value *array,
                         const char  *expected,
                         ElementFunc  func,
                         gpointer     user_data)
{
  JsonArray *json;
  guint child, end, n;

  if (loader_type_of (self, array) != KASANE_JSON_ARRAY)
    {
      loader_type_error (self, array, expected);
      return FALSE;
    }
  json = json_node_get_array (array->node);
  n = json_array_get_length (json);
  child = array->entry + 1;
  end = kasane_json_scan_next (self->scan, array->entry);
  /* On past the cap: a file is at most 16 MiB, and the faults are counted, not formatted. */
  for (guint i = 0; i < n && child < end; i++)
    {
      Value element = { json_array_get_element (json, i), child, array->name, TRUE };

      func (self, &element, user_data);
      child = kasane_json_scan_next (self->scan, child);
    }
  return TRUE;
}

/* Scalars */

/* A string of at most `cap` characters; `what` says what kind of text has that cap. */
static const char *
read_string_within (Loader      *self,
                    const Value *value,
                    guint        cap,
                    const char  *what)
{
  const char *text;

  if (loader_type_of (self, value) != KASANE_JSON_STRING)
    {
      loader_type_error (self, value, "a string");
      return NULL;
    }
  text = json_node_get_string (value->node);
  if (g_utf8_strlen (text, cap + 1) > cap)
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_RANGE,
                             "%s longer than %u characters in \"%s\"", what, cap, value->name);
      return NULL;
    }
  return text;
}

const char *
loader_read_string (Loader      *self,
                    const Value *value)
{
  return read_string_within (self, value, KASANE_MAX_TEXT_CHARS, "text");
}

/* A number, read from the file's own text: json-glib 1.6 wraps integers that overflow
 * gint64 (a huge negative integer becomes a small positive one). */
gboolean
loader_read_number (Loader      *self,
                    const Value *value,
                    double      *out)
{
  const KasaneJsonEntry *e = loader_entry_at (self, value->entry);
  char buffer[64];
  g_autofree char *copy = NULL;
  const char *text;

  if (e->type != KASANE_JSON_NUMBER)
    {
      loader_type_error (self, value, "a number");
      return FALSE;
    }
  if (e->length < sizeof buffer)
    {
      memcpy (buffer, self->scan->text + e->offset, e->length);
      buffer[e->length] = '\0';
      text = buffer;
    }
  else
    text = copy = g_strndup (self->scan->text + e->offset, e->length);
  *out = g_ascii_strtod (text, NULL);
  return TRUE;
}

/* true or false. */
gboolean
loader_read_boolean (Loader      *self,
                     const Value *value,
                     gboolean    *out)
{
  KasaneJsonType type = loader_type_of (self, value);

  if (type != KASANE_JSON_TRUE && type != KASANE_JSON_FALSE)
    {
      loader_type_error (self, value, "true or false");
      return FALSE;
    }
  *out = type == KASANE_JSON_TRUE;
  return TRUE;
}

/* An integer written without fraction or exponent, within ±2^53. */
static gboolean
read_integer (Loader      *self,
              const Value *value,
              gint64      *out)
{
  const KasaneJsonEntry *e = loader_entry_at (self, value->entry);
  const char *text = self->scan->text + e->offset;
  char buffer[32];
  gint64 number;

  if (e->type != KASANE_JSON_NUMBER)
    {
      loader_type_error (self, value, "an integer");
      return FALSE;
    }
  for (guint i = 0; i < e->length; i++)
    if (text[i] == '.' || text[i] == 'e' || text[i] == 'E')
      {
        g_autofree char *token = g_strndup (text, MIN (e->length, 40));

        loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_TYPE,
                               "expected an integer written without fraction or exponent for \"%s\", "
                               "found %s", value->name, token);
        return FALSE;
      }
  if (e->length >= sizeof buffer)
    number = G_MAXINT64;
  else
    {
      memcpy (buffer, text, e->length);
      buffer[e->length] = '\0';
      errno = 0;
      number = g_ascii_strtoll (buffer, NULL, 10);
      if (errno == ERANGE)
        number = G_MAXINT64;
    }
  if (number > KASANE_MAX_INTEGER || number < -KASANE_MAX_INTEGER)
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_RANGE,
                             "integer out of range for \"%s\"; the limit is ±2^53", value->name);
      return FALSE;
    }
  *out = number;
  return TRUE;
}

/* A string that is one of `choices`; returns its index or -1. */
int
loader_read_choice (Loader             *self,
                    const Value        *value,
                    const char * const *choices,
                    guint               n_choices)
{
  const char *text = loader_read_string (self, value);
  g_autoptr(GString) list = NULL;
  g_autofree char *what = NULL;

  if (text == NULL)
    return -1;
  for (guint i = 0; i < n_choices; i++)
    if (strcmp (text, choices[i]) == 0)
      return (int) i;

  list = g_string_new (NULL);
  for (guint i = 0; i < n_choices; i++)
    g_string_append_printf (list, "%s\"%s\"", i == 0 ? "" : i + 1 == n_choices ? " or " : ", ",
                            choices[i]);
  what = kasane_json_shown_text (text);
  loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                         "expected %s for \"%s\", found \"%s\"", list->str, value->name, what);
  return -1;
}

static gboolean
looks_like_iso (const char *text)
{
  if (!(g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
        g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3])))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr ("-T:Z+. ", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* "2024-073" (ISO 8601's year and day of the year), with or without a time. */
static gboolean
is_ordinal_date (const char *text)
{
  for (guint i = 0; i < 8; i++)
    if (i == 4 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  return text[8] == '\0' || text[8] == 'T';
}

gboolean
loader_read_date (Loader      *self,
                  const Value *value,
                  KasaneDate  *out)
{
  const char *text = loader_read_string (self, value);
  g_autofree char *what = NULL;

  if (text == NULL)
    return FALSE;
  if (kasane_date_parse_iso (text, strlen (text), out))
    return TRUE;

  what = kasane_json_shown_text (text);
  if (is_ordinal_date (text))
    loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                           "%s is an ordinal date (a year and a day of the year), which is not "
                           "supported; write it as YYYY-MM-DD (in \"%s\")", what, value->name);
  else if (looks_like_iso (text))
    loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                           "%s is not a real date (in \"%s\")", what, value->name);
  else
    loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                           "expected an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or a "
                           "date-time) for \"%s\", found \"%s\"", value->name, what);
  return FALSE;
}

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* An id: [a-z0-9][a-z0-9-]*, at most 64 characters; unique in `ids` (when given), which
 * then maps it to `index`. */
const char *
loader_read_id (Loader      *self,
                const Value *value,
                GHashTable  *ids,
                const char  *kind,
                int          index)
{
  const char *id = loader_read_string (self, value);
  IdInfo *first, *info;
  gboolean valid;
  gsize len;

  if (id == NULL)
    return NULL;

  len = strlen (id);
  valid = len > 0 && (g_ascii_islower (id[0]) || g_ascii_isdigit (id[0]));
  for (gsize i = 1; i < len && valid; i++)
    valid = g_ascii_islower (id[i]) || g_ascii_isdigit (id[i]) || id[i] == '-';
  if (!valid)
    {
      g_autofree char *what = kasane_json_shown_text (id);

      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                             "invalid id \"%s\"; an id is lower-case ASCII letters, digits and '-', "
                             "starting with a letter or digit", what);
      return NULL;
    }
  if (len > KASANE_MAX_ID)
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_INVALID,
                             "id \"%.64s…\" is longer than %d characters", id, KASANE_MAX_ID);
      return NULL;
    }
  if (ids == NULL)
    return id;

  first = g_hash_table_lookup (ids, id);
  if (first != NULL)
    {
      const KasaneJsonEntry *e = loader_entry_at (self, first->entry);

      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_DUPLICATE,
                             "duplicate %s id \"%s\" (first at %u:%u)", kind, id, e->line, e->column);
      return NULL;
    }
  info = g_new (IdInfo, 1);
  info->entry = value->entry;
  info->index = index;
  g_hash_table_insert (ids, g_strdup (id), info);
  return id;
}

/* A reference to an id of `kind` in `ids`; returns its index, or -1 (reported). */
int
loader_read_reference (Loader      *self,
                       const Value *value,
                       GHashTable  *ids,
                       const char  *kind)
{
  const char *id = loader_read_string (self, value);
  g_autofree char *what = NULL;
  const char *guess;
  IdInfo *info;

  if (id == NULL)
    return -1;
  info = g_hash_table_lookup (ids, id);
  if (info != NULL)
    return info->index;

  what = kasane_json_shown_text (id);
  guess = suggest_id (id, ids);
  if (guess != NULL)
    loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_UNRESOLVED,
                           "unknown %s \"%s\" in \"%s\" (did you mean \"%s\"?)", kind, what,
                           value->name, guess);
  else
    loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_UNRESOLVED,
                           "unknown %s \"%s\" in \"%s\"", kind, what, value->name);
  return -1;
}

/* Localized text */

static const char * const text_members[] = { "en", "ja" };

/* A plain string (kept as English, the fallback of both) or {"en": …, "ja": …}. */
static gboolean
read_text_within (Loader      *self,
                  const Value *value,
                  guint        cap,
                  const char  *what,
                  KasaneText  *out)
{
  Value members[G_N_ELEMENTS (text_members)];
  gboolean ok = TRUE;

  kasane_text_clear (out);
  if (loader_type_of (self, value) == KASANE_JSON_STRING)
    {
      const char *text = read_string_within (self, value, cap, what);

      out->en = g_strdup (text);
      return text != NULL;
    }
  if (loader_type_of (self, value) != KASANE_JSON_OBJECT)
    {
      loader_type_error (self, value, "a string or an object with \"en\" and/or \"ja\"");
      return FALSE;
    }
  loader_read_object (self, value, text_members, G_N_ELEMENTS (text_members), 0, members);
  if (members[0].node == NULL && members[1].node == NULL)
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_MISSING,
                             "localized text \"%s\" needs \"en\" or \"ja\"", value->name);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (members[i].node != NULL)
      {
        const char *text = read_string_within (self, &members[i], cap, what);

        if (text == NULL)
          ok = FALSE;
        else if (i == 0)
          out->en = g_strdup (text);
        else
          out->ja = g_strdup (text);
      }
  return ok;
}

gboolean
loader_read_text (Loader      *self,
                  const Value *value,
                  KasaneText  *out)
{
  return read_text_within (self, value, KASANE_MAX_TEXT_CHARS, "text", out);
}

/* A name or label: the charts set each one whole, often many times over. */
gboolean
loader_read_label (Loader      *self,
                   const Value *value,
                   KasaneText  *out)
{
  return read_text_within (self, value, KASANE_MAX_LABEL_CHARS, "a name or label", out);
}

/* Whether the array member `value` holds at most `cap` elements; a located error if not. */
static gboolean
within_cap (Loader      *self,
            const Value *value,
            guint        cap,
            const char  *what,
            const char  *holder)
{
  guint n;

  if (loader_type_of (self, value) != KASANE_JSON_ARRAY)
    return TRUE;   /* the reader reports the wrong type */
  n = json_array_get_length (json_node_get_array (value->node));
  if (n <= cap)
    return TRUE;
  loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_RANGE,
                         "too many %s: %u; %s holds at most %u", what, n, holder,
                         cap);
  return FALSE;
}

static void
add_paragraph (Loader      *self,
               const Value *element,
               gpointer     user_data)
{
  const char *text = loader_read_string (self, element);

  if (text != NULL)
    g_ptr_array_add (user_data, g_strdup (text));
}

/* {"en": ["paragraph", …], "ja": […]} */
static void
read_text_list (Loader         *self,
                const Value    *value,
                KasaneTextList *out)
{
  Value members[G_N_ELEMENTS (text_members)];

  if (loader_type_of (self, value) != KASANE_JSON_OBJECT)
    {
      loader_type_error (self, value, "an object with \"en\" and/or \"ja\" lists of paragraphs");
      return;
    }
  loader_read_object (self, value, text_members, G_N_ELEMENTS (text_members), 0, members);
  if (members[0].node == NULL && members[1].node == NULL)
    {
      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_MISSING,
                             "localized text \"%s\" needs \"en\" or \"ja\"", value->name);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(GPtrArray) paragraphs = NULL;
      glong total;

      if (members[i].node == NULL)
        continue;
      if (!within_cap (self, &members[i], KASANE_MAX_PARAGRAPHS, "paragraphs", "a text"))
        continue;
      paragraphs = g_ptr_array_new_with_free_func (g_free);
      if (!loader_for_each_element (self, &members[i], "an array of paragraphs", add_paragraph,
                                    paragraphs))
        continue;
      total = 0;
      for (guint k = 0; k < paragraphs->len; k++)
        total += g_utf8_strlen (g_ptr_array_index (paragraphs, k), -1);
      if (total > KASANE_MAX_PARAGRAPHS_CHARS)
        {
          loader_error_at_entry (self, members[i].entry, KASANE_DATASET_ERROR_RANGE,
                                 "paragraphs longer than %u characters in all in \"%s\"",
                                 KASANE_MAX_PARAGRAPHS_CHARS, members[i].name);
          continue;
        }
      g_ptr_array_add (paragraphs, NULL);
      if (i == 0)
        out->en = (GStrv) g_ptr_array_steal (paragraphs, NULL);
      else
        out->ja = (GStrv) g_ptr_array_steal (paragraphs, NULL);
    }
}

static void
add_example (Loader      *self,
             const Value *element,
             gpointer     user_data)
{
  KasaneText text = { NULL, NULL };

  if (loader_read_label (self, element, &text))
    g_ptr_array_add (user_data, kasane_text_new (text.en, text.ja));
  kasane_text_clear (&text);
}

/* Sources */

static const char * const source_members[] = { "name", "url", "retrieved" };

/* {name, url, retrieved?}; `retrieved` is required for series. */
KasaneSource *
loader_read_source (Loader      *self,
                    const Value *value,
                    gboolean     need_retrieved)
{
  Value m[G_N_ELEMENTS (source_members)];
  const char *name, *url, *retrieved = NULL;
  KasaneDate date;

  if (!loader_read_object (self, value, source_members, G_N_ELEMENTS (m), need_retrieved ? 3 : 2, m))
    return NULL;
  name = m[0].node != NULL ? loader_read_string (self, &m[0]) : NULL;
  url = m[1].node != NULL ? loader_read_string (self, &m[1]) : NULL;
  if (m[2].node != NULL && loader_read_date (self, &m[2], &date))
    retrieved = json_node_get_string (m[2].node);
  if (name == NULL || url == NULL)
    return NULL;
  return kasane_source_new (name, url, retrieved);
}

/* Problems */

enum { P_ID, P_LABEL, P_WEIGHT, P_DESCRIPTION, P_N };
static const char * const problem_members[] = { "id", "label", "weight", "description" };

static void
read_problem (Loader      *self,
              const Value *value,
              gpointer     user_data)
{
  Value m[P_N];
  KasaneProblem *problem;
  const char *id;
  int index;

  if (!loader_read_object (self, value, problem_members, P_N, 2, m))
    return;

  /* A problem with a bad id still takes its slot, so later indices stay right. */
  problem = kasane_problem_new ();
  index = (int) self->dataset->problems->len;
  g_ptr_array_add (self->dataset->problems, problem);

  if (m[P_ID].node != NULL &&
      (id = loader_read_id (self, &m[P_ID], self->problem_ids, "problem", index)) != NULL)
    problem->id = g_strdup (id);
  if (m[P_LABEL].node != NULL)
    loader_read_label (self, &m[P_LABEL], &problem->label);
  if (m[P_WEIGHT].node != NULL)
    {
      gint64 weight;

      if (read_integer (self, &m[P_WEIGHT], &weight))
        {
          if (weight < 1 || weight > 5)
            loader_error_at_entry (self, m[P_WEIGHT].entry, KASANE_DATASET_ERROR_RANGE,
                                   "expected a weight from 1 to 5, found %" G_GINT64_FORMAT, weight);
          else
            problem->weight = (int) weight;
        }
    }
  if (m[P_DESCRIPTION].node != NULL)
    loader_read_text (self, &m[P_DESCRIPTION], &problem->description);
}

/* Layers */

enum
{
  L_ID, L_LEVEL, L_NAME, L_SINCE, L_SUMMARY, L_EXAMPLES, L_SPEAKER_NOTES, L_SOURCE,
  L_INTRODUCES, L_SOLVES, L_MITIGATES, L_WORSENS, L_N
};
static const char * const layer_members[] = {
  "id", "level", "name", "since", "summary", "examples", "speaker_notes", "source",
  "introduces", "solves", "mitigates", "worsens",
};
/* layer_members[L_INTRODUCES + effect] is the list of `effect`. */
G_STATIC_ASSERT (L_SOLVES - L_INTRODUCES == KASANE_EFFECT_SOLVES);
G_STATIC_ASSERT (L_MITIGATES - L_INTRODUCES == KASANE_EFFECT_MITIGATES);
G_STATIC_ASSERT (L_WORSENS - L_INTRODUCES == KASANE_EFFECT_WORSENS);


static void
add_effect (Loader      *self,
            const Value *element,
            gpointer     user_data)
{
  EffectContext *context = user_data;
  EffectRef ref;
  gpointer seen;
  int problem;

  problem = loader_read_reference (self, element, self->problem_ids, "problem");
  if (problem < 0)
    return;

  seen = g_hash_table_lookup (context->seen, GINT_TO_POINTER (problem));
  if (seen != NULL)
    {
      const EffectRef *first = &g_array_index (context->info->refs, EffectRef,
                                               GPOINTER_TO_UINT (seen) - 1);
      const KasaneJsonEntry *e = loader_entry_at (self, first->entry);

      loader_error_at_entry (self, element->entry, KASANE_DATASET_ERROR_DUPLICATE,
                             "problem \"%s\" is already in \"%s\" of this layer (at %u:%u); a problem "
                             "may be in only one of a layer's lists",
                             json_node_get_string (element->node),
                             kasane_effect_to_string (first->effect), e->line, e->column);
      return;
    }

  /* Every view lists the problems each layer names: their number is capped in all. */
  if (++self->n_effects > KASANE_MAX_EFFECTS)
    {
      if (self->n_effects == KASANE_MAX_EFFECTS + 1)
        loader_error_at_entry (self, element->entry, KASANE_DATASET_ERROR_RANGE,
                               "too many problem references: the layers of a dataset name at "
                               "most %u problems in all (in \"introduces\", \"solves\", "
                               "\"mitigates\" and \"worsens\")", KASANE_MAX_EFFECTS);
      return;
    }

  ref.effect = context->effect;
  ref.problem = (guint) problem;
  ref.entry = element->entry;
  g_array_append_val (context->info->refs, ref);
  g_hash_table_insert (context->seen, GINT_TO_POINTER (problem),
                       GUINT_TO_POINTER (context->info->refs->len));
  g_array_append_val (context->layer->effects[context->effect], ref.problem);
}

static void
read_level (Loader      *self,
            const Value *value,
            KasaneLayer *layer)
{
  gint64 level;
  gpointer first;

  if (!read_integer (self, value, &level))
    {
      self->levels_ok = FALSE;
      return;
    }
  layer->level = level;

  first = g_hash_table_lookup (self->levels, &level);
  if (first != NULL)
    {
      const KasaneJsonEntry *e = loader_entry_at (self, GPOINTER_TO_UINT (first) - 1);

      loader_error_at_entry (self, value->entry, KASANE_DATASET_ERROR_DUPLICATE,
                             "duplicate level %" G_GINT64_FORMAT " (first at %u:%u); levels must be "
                             "distinct", level, e->line, e->column);
      self->levels_ok = FALSE;
      return;
    }
  g_hash_table_insert (self->levels, g_memdup2 (&level, sizeof level),
                       GUINT_TO_POINTER (value->entry + 1));
}

static void
read_layer (Loader      *self,
            const Value *value,
            gpointer     user_data)
{
  g_autoptr(GHashTable) seen = NULL;
  Value m[L_N];
  KasaneLayer *layer;
  LayerInfo info;
  const char *id;
  int index;

  if (!loader_read_object (self, value, layer_members, L_N, 3, m))
    {
      self->levels_ok = FALSE;
      return;
    }

  layer = kasane_layer_new ();
  index = (int) self->dataset->layers->len;
  g_ptr_array_add (self->dataset->layers, layer);
  info.refs = g_array_new (FALSE, FALSE, sizeof (EffectRef));
  g_array_append_val (self->layer_infos, info);

  if (m[L_ID].node != NULL &&
      (id = loader_read_id (self, &m[L_ID], self->layer_ids, "layer", index)) != NULL)
    layer->id = g_strdup (id);
  if (m[L_LEVEL].node != NULL)
    read_level (self, &m[L_LEVEL], layer);
  else
    self->levels_ok = FALSE;
  if (m[L_NAME].node != NULL)
    loader_read_label (self, &m[L_NAME], &layer->name);
  if (m[L_SINCE].node != NULL)
    layer->has_since = loader_read_date (self, &m[L_SINCE], &layer->since);
  if (m[L_SUMMARY].node != NULL)
    loader_read_text (self, &m[L_SUMMARY], &layer->summary);
  if (m[L_EXAMPLES].node != NULL &&
      within_cap (self, &m[L_EXAMPLES], KASANE_MAX_PARAGRAPHS, "examples", "a layer"))
    loader_for_each_element (self, &m[L_EXAMPLES], "an array of localized texts", add_example,
                             layer->examples);
  if (m[L_SPEAKER_NOTES].node != NULL)
    read_text_list (self, &m[L_SPEAKER_NOTES], &layer->speaker_notes);
  if (m[L_SOURCE].node != NULL)
    layer->source = loader_read_source (self, &m[L_SOURCE], FALSE);

  seen = g_hash_table_new (NULL, NULL);
  for (guint effect = 0; effect < KASANE_N_EFFECTS; effect++)
    {
      EffectContext context = {
        layer,
        &g_array_index (self->layer_infos, LayerInfo, index),
        effect,
        seen,
      };

      if (m[L_INTRODUCES + effect].node != NULL)
        loader_for_each_element (self, &m[L_INTRODUCES + effect], "an array of problem ids",
                                 add_effect, &context);
    }
}

static int
compare_levels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  KasaneDataset *dataset = user_data;
  const KasaneLayer *la = g_ptr_array_index (dataset->layers, *(const guint *) a);
  const KasaneLayer *lb = g_ptr_array_index (dataset->layers, *(const guint *) b);

  return la->level < lb->level ? -1 : la->level > lb->level;
}

/* Walking the layers upward by level, a layer may only solve, mitigate or worsen a
 * problem that is open below it, and may not introduce one that is still open. */
static void
check_ledger (Loader *self)
{
  KasaneDataset *dataset = self->dataset;
  g_autofree guint *order = NULL;
  g_autofree gboolean *open = NULL;
  guint n = dataset->layers->len;

  order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* Levels are distinct here, so an unstable sort is fine. */
  g_qsort_with_data (order, n, sizeof (guint), compare_levels, dataset);
  open = g_new0 (gboolean, MAX (dataset->problems->len, 1));

  for (guint k = 0; k < n && !is_full (self); k++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, order[k]);
      LayerInfo *info = &g_array_index (self->layer_infos, LayerInfo, order[k]);
      g_autofree char *layer_name = layer->id != NULL ? g_strdup_printf ("layer \"%s\"", layer->id)
                                                      : g_strdup ("this layer");

      for (guint r = 0; r < info->refs->len; r++)
        {
          const EffectRef *ref = &g_array_index (info->refs, EffectRef, r);
          KasaneProblem *problem = g_ptr_array_index (dataset->problems, ref->problem);

          if (ref->effect == KASANE_EFFECT_INTRODUCES)
            {
              if (open[ref->problem])
                loader_error_at_entry (self, ref->entry, KASANE_DATASET_ERROR_INVALID,
                                       "%s introduces \"%s\", which is still open; use \"worsens\"",
                                       layer_name, problem->id);
              open[ref->problem] = TRUE;
            }
          else
            {
              if (!open[ref->problem])
                loader_error_at_entry (self, ref->entry, KASANE_DATASET_ERROR_INVALID,
                                       "%s %s \"%s\", which no layer below it left open", layer_name,
                                       kasane_effect_to_string (ref->effect), problem->id);
              else if (ref->effect == KASANE_EFFECT_SOLVES)
                open[ref->problem] = FALSE;
            }
        }
    }
}

/* Events */

enum { E_DATE, E_LABEL, E_LAYER, E_SOURCE, E_FEATURED, E_N };
static const char * const event_members[] = { "date", "label", "layer", "source", "featured" };

static void
read_event (Loader      *self,
            const Value *value,
            gpointer     user_data)
{
  Value m[E_N];
  KasaneEvent *event;

  if (!loader_read_object (self, value, event_members, E_N, 2, m))
    return;

  event = kasane_event_new ();
  g_ptr_array_add (self->dataset->events, event);
  if (m[E_DATE].node != NULL)
    loader_read_date (self, &m[E_DATE], &event->date);
  if (m[E_LABEL].node != NULL)
    loader_read_label (self, &m[E_LABEL], &event->label);
  if (m[E_LAYER].node != NULL)
    event->layer = loader_read_reference (self, &m[E_LAYER], self->layer_ids, "layer");
  if (m[E_SOURCE].node != NULL)
    event->source = loader_read_source (self, &m[E_SOURCE], FALSE);
  if (m[E_FEATURED].node != NULL)
    loader_read_boolean (self, &m[E_FEATURED], &event->featured);
}

/* The root */

enum { R_FORMAT, R_ID, R_TITLE, R_LAYERS, R_CLAIM, R_PROBLEMS, R_SERIES, R_EVENTS, R_NOTES, R_N };
static const char * const root_members[] = {
  "format", "id", "title", "layers", "claim", "problems", "series", "events", "notes",
};
static const char * const claim_names[] = { "progression", "migration", "mixed" };

static void
read_root (Loader      *self,
           const Value *root)
{
  KasaneDataset *dataset = self->dataset;
  Value m[R_N];
  const char *text;
  int choice;

  if (!loader_read_object (self, root, root_members, R_N, 4, m))
    return;

  if (m[R_FORMAT].node != NULL && (text = loader_read_string (self, &m[R_FORMAT])) != NULL &&
      strcmp (text, KASANE_FORMAT) != 0)
    {
      g_autofree char *what = kasane_json_shown_text (text);

      /* Another format's members would only bury this error under false ones. */
      loader_error_at_entry (self, m[R_FORMAT].entry, KASANE_DATASET_ERROR_INVALID,
                             "unknown format \"%s\"; this version of Kasane reads " KASANE_FORMAT, what);
      return;
    }

  if (m[R_ID].node != NULL && (text = loader_read_id (self, &m[R_ID], NULL, "dataset", 0)) != NULL)
    dataset->id = g_strdup (text);
  if (m[R_TITLE].node != NULL)
    loader_read_label (self, &m[R_TITLE], &dataset->title);
  if (m[R_CLAIM].node != NULL &&
      (choice = loader_read_choice (self, &m[R_CLAIM], claim_names, G_N_ELEMENTS (claim_names))) >= 0)
    dataset->claim = (KasaneClaim) (KASANE_CLAIM_PROGRESSION + choice);

  if (m[R_PROBLEMS].node != NULL &&
      within_cap (self, &m[R_PROBLEMS], KASANE_MAX_PROBLEMS, "problems", "a dataset"))
    loader_for_each_element (self, &m[R_PROBLEMS], "an array of problems", read_problem, NULL);

  if (m[R_LAYERS].node != NULL &&
      within_cap (self, &m[R_LAYERS], KASANE_MAX_LAYERS, "layers", "a dataset"))
    {
      if (loader_for_each_element (self, &m[R_LAYERS], "an array of layers", read_layer, NULL) &&
          json_array_get_length (json_node_get_array (m[R_LAYERS].node)) == 0)
        loader_error_at_entry (self, m[R_LAYERS].entry, KASANE_DATASET_ERROR_MISSING,
                               "\"layers\" needs at least one layer");
      /* With a missing or repeated level the order is unknown: no ledger, no cascade. */
      if (self->levels_ok && !is_full (self))
        check_ledger (self);
    }

  if (m[R_SERIES].node != NULL &&
      within_cap (self, &m[R_SERIES], KASANE_MAX_SERIES, "series", "a dataset"))
    loader_for_each_element (self, &m[R_SERIES], "an array of series", loader_read_series, NULL);
  if (m[R_EVENTS].node != NULL &&
      within_cap (self, &m[R_EVENTS], KASANE_MAX_EVENTS, "events", "a dataset"))
    loader_for_each_element (self, &m[R_EVENTS], "an array of events", read_event, NULL);
  if (m[R_NOTES].node != NULL)
    read_text_list (self, &m[R_NOTES], &dataset->notes);
}

static void
layer_info_clear (gpointer data)
{
  LayerInfo *info = data;

  g_clear_pointer (&info->refs, g_array_unref);
}

const KasaneFormatMember *
kasane_dataset_format_members (guint *n_members)
{
  static GArray *members;

  if (g_once_init_enter (&members))
    {
      GArray *all = g_array_new (FALSE, FALSE, sizeof (KasaneFormatMember));
      guint n_series;
      const char * const *series = loader_series_members (&n_series);
      const struct
      {
        const char         *object;
        const char * const *names;
        guint               n;
      } tables[] = {
        { "dataset", root_members, G_N_ELEMENTS (root_members) },
        { "problem", problem_members, G_N_ELEMENTS (problem_members) },
        { "layer", layer_members, G_N_ELEMENTS (layer_members) },
        { "series", series, n_series },
        { "event", event_members, G_N_ELEMENTS (event_members) },
        { "source", source_members, G_N_ELEMENTS (source_members) },
        { "text", text_members, G_N_ELEMENTS (text_members) },
      };

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        for (guint i = 0; i < tables[t].n; i++)
          {
            KasaneFormatMember member = { tables[t].object, tables[t].names[i] };

            g_array_append_val (all, member);
          }
      g_once_init_leave (&members, all);
    }
  *n_members = members->len;
  return (const KasaneFormatMember *) members->data;
}

static int
compare_strings (const char * const *a,
                 const char * const *b,
                 gpointer            user_data)
{
  return strcmp (*a, *b);
}

KasaneDataset *
kasane_dataset_load_json (const char        *data,
                          gsize              length,
                          const char        *display_name,
                          const char        *base_dir,
                          KasaneDiagnostics *diagnostics)
{
  g_autoptr(KasaneJsonScan) scan = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KasaneDataset) dataset = NULL;
  Loader self = { 0 };
  Value root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  /* Strict syntax, size, encoding and depth first: json-glib 1.6 checks none of them. */
  scan = kasane_json_scan (data, length, display_name, diagnostics);
  if (scan == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, scan->text, (gssize) scan->length, &error))
    {
      /* Not expected after the scan; reported rather than trusted. */
      kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_SYNTAX,
                              display_name, 1, 1, "json-glib could not read the file: %s",
                              error->message);
      return NULL;
    }

  dataset = kasane_dataset_new ();
  self.file = display_name;
  self.base_dir = base_dir;
  self.diagnostics = diagnostics;
  self.scan = scan;
  self.dataset = dataset;
  self.levels_ok = TRUE;
  self.problem_ids = id_table_new ();
  self.layer_ids = id_table_new ();
  self.series_ids = id_table_new ();
  self.levels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self.layer_infos = g_array_new (FALSE, FALSE, sizeof (LayerInfo));
  g_array_set_clear_func (self.layer_infos, layer_info_clear);

  root = (Value) { json_parser_get_root (parser), 0, "the root", FALSE };
  if (root.node != NULL)
    read_root (&self, &root);

  g_hash_table_unref (self.problem_ids);
  g_hash_table_unref (self.layer_ids);
  g_hash_table_unref (self.series_ids);
  g_hash_table_unref (self.levels);
  g_array_unref (self.layer_infos);
  if (self.csv_files != NULL)
    {
      /* Their real paths, for whoever watches the files a dataset was read from. */
      dataset->inputs = (char **) g_hash_table_get_keys_as_array (self.csv_files, NULL);
      for (guint i = 0; dataset->inputs[i] != NULL; i++)
        dataset->inputs[i] = g_strdup (dataset->inputs[i]);
      g_qsort_with_data (dataset->inputs, g_strv_length (dataset->inputs), sizeof (char *),
                         (GCompareDataFunc) compare_strings, NULL);
    }
  g_clear_pointer (&self.csv_files, g_hash_table_unref);
  g_clear_pointer (&self.csv_taken, g_hash_table_unref);

  if (self.failed || root.node == NULL)
    return NULL;

  kasane_dataset_sort (dataset);
  return g_steal_pointer (&dataset);
}

/* Files */

KasaneDataset *
kasane_dataset_load_json_file (const char        *path,
                               KasaneDiagnostics *diagnostics)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_dir = NULL;
  KasaneDataset *dataset;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  bytes = kasane_input_read_path (path, KASANE_MAX_JSON_SIZE, &error);
  if (bytes == NULL)
    {
      kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_IO, path,
                              0, 0, "%s", error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  base_dir = g_path_get_dirname (path);
  dataset = kasane_dataset_load_json (data, length, path, base_dir, diagnostics);
  if (dataset != NULL)
    dataset->path = g_strdup (path);
  return dataset;
}

KasaneDataset *
kasane_load_file (const char        *path,
                  KasaneDiagnostics *diagnostics)
{
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  len = strlen (path);
  /* Tab-separated files are CSV files to the reader, which detects the separator. */
  if (len >= 4 && (g_ascii_strcasecmp (path + len - 4, ".csv") == 0 ||
                   g_ascii_strcasecmp (path + len - 4, ".tsv") == 0))
    return kasane_csv_load_dataset (path, diagnostics);
  return kasane_dataset_load_json_file (path, diagnostics);
}
