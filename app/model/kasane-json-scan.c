/* kasane-json-scan.c: the strict RFC 8259 pre-pass (see kasane-json-scan.h)
 *
 * One iterative pass over the bytes with an explicit stack bounded by
 * KASANE_JSON_MAX_DEPTH, so a file nested a million deep costs nothing and reaches
 * json-glib never.  Line and column are worked out lazily by a cursor that only moves
 * forward, which keeps a 16 MiB file on one line linear.
 */
#define G_LOG_DOMAIN "kasane-json-scan"

#include "config.h"

#include "kasane-json-scan.h"
#include "kasane-loader.h"

#include <math.h>
#include <string.h>

typedef enum
{
  EXPECT_VALUE,         /* the root, after ':' or after ',' in an array */
  EXPECT_FIRST_VALUE,   /* after '[': a value or ']' */
  EXPECT_NAME,          /* after ',' in an object */
  EXPECT_FIRST_NAME,    /* after '{': a member name or '}' */
  EXPECT_COLON,
  EXPECT_COMMA,         /* after a value inside a container: ',' or its closing bracket */
  EXPECT_END,           /* after the root object: only whitespace */
} State;

typedef struct
{
  guint       entry;       /* index of the container's entry */
  gboolean    is_object;
} Frame;

typedef struct
{
  const char        *text;
  gsize              length;
  gsize              pos;

  /* The position cursor: text[mark] is at line:column. */
  gsize              mark;
  guint              line;
  guint              column;

  const char        *file;
  KasaneDiagnostics *diagnostics;
  GArray            *entries;
  GString           *name;                                  /* the decoded member name */
  GHashTable        *names[KASANE_JSON_MAX_DEPTH + 1];      /* member names of the open
                                                               objects, by depth; reused */
} Scanner;

static void
locate (Scanner *s,
        gsize    offset,
        guint   *line,
        guint   *column)
{
  /* Only an error message looks backwards, once; everything else moves forward. */
  if (offset < s->mark)
    {
      s->mark = 0;
      s->line = 1;
      s->column = 1;
    }
  for (; s->mark < offset && s->mark < s->length; s->mark++)
    {
      guchar c = s->text[s->mark];

      if (c == '\n')
        {
          s->line++;
          s->column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        s->column++;
    }
  *line = s->line;
  *column = s->column;
}

static void fail (Scanner            *s,
                  KasaneDatasetError  code,
                  gsize               offset,
                  const char         *format,
                  ...) G_GNUC_PRINTF (4, 5);

static void
fail (Scanner            *s,
      KasaneDatasetError  code,
      gsize               offset,
      const char         *format,
      ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  locate (s, offset, &line, &column);
  kasane_diagnostics_add (s->diagnostics, KASANE_SEVERITY_ERROR, code, s->file, line, column,
                          "%s", message);
}

/* "'x'" for printable ASCII, "'é' (U+00E9)" for other characters, "U+0007" for controls.
 * The text is valid UTF-8 by the time this runs. */
static char *
describe_char (Scanner *s,
               gsize    offset)
{
  guchar c = s->text[offset];
  gunichar u;

  if (c >= 0x20 && c < 0x7F)
    return g_strdup_printf ("'%c'", c);
  if (c < 0x80)
    return g_strdup_printf ("character U+%04X", c);
  u = g_utf8_get_char (s->text + offset);
  if (g_unichar_isgraph (u))
    {
      char buffer[8] = { 0 };

      g_unichar_to_utf8 (u, buffer);
      return g_strdup_printf ("'%s' (U+%04X)", buffer, u);
    }
  return g_strdup_printf ("character U+%04X", u);
}

char *
kasane_json_shown_text (const char *name)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar u = g_utf8_get_char (p);

      if (n == 64)
        {
          g_string_append (out, "…");
          break;
        }
      if (u < 0x20 || u == 0x7F)
        g_string_append_printf (out, "\\u%04X", u);
      else
        g_string_append_unichar (out, u);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_word_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

static gsize
word_end (Scanner *s,
          gsize    start)
{
  gsize end = start;

  while (end < s->length && is_word_char (s->text[end]))
    end++;
  return end;
}

static gboolean
word_is (Scanner    *s,
         gsize       start,
         gsize       end,
         const char *word)
{
  gsize n = strlen (word);

  return end - start == n && memcmp (s->text + start, word, n) == 0;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at `offset`, or -1. */
static int
read_hex4 (Scanner *s,
           gsize    offset)
{
  int value = 0;

  if (offset + 4 > s->length)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (s->text[offset + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Scans the string whose opening quote is at s->pos and leaves s->pos after its closing
 * quote.  With `decode`, the decoded text goes to s->name (member names are compared
 * decoded, so "a" and "\u0061" are the same member). */
static gboolean
scan_string (Scanner  *s,
             gboolean  decode)
{
  gsize start = s->pos;
  gsize p = start + 1;

  if (decode)
    g_string_truncate (s->name, 0);

  for (;;)
    {
      gsize run = p;
      guchar c;

      /* The common case: a run of plain characters. */
      while (p < s->length && (guchar) s->text[p] >= 0x20 && s->text[p] != '"' &&
             s->text[p] != '\\')
        p++;
      if (decode && p > run)
        g_string_append_len (s->name, s->text + run, p - run);

      if (p >= s->length)
        {
          fail (s, KASANE_DATASET_ERROR_SYNTAX, start,
                "unterminated string; expected '\"' before the end of the file");
          return FALSE;
        }

      c = s->text[p];
      if (c == '"')
        break;
      if (c < 0x20)
        {
          fail (s, KASANE_DATASET_ERROR_SYNTAX, p,
                "control character U+%04X must be escaped in a string", c);
          return FALSE;
        }

      /* An escape. */
      if (p + 1 >= s->length)
        {
          fail (s, KASANE_DATASET_ERROR_SYNTAX, start,
                "unterminated string; expected '\"' before the end of the file");
          return FALSE;
        }
      switch (s->text[p + 1])
        {
        case '"': case '\\': case '/':
          if (decode)
            g_string_append_c (s->name, s->text[p + 1]);
          p += 2;
          break;
        case 'b': case 'f': case 'n': case 'r': case 't':
          if (decode)
            g_string_append_c (s->name, "\b\f\n\r\t"[strchr ("bfnrt", s->text[p + 1]) - "bfnrt"]);
          p += 2;
          break;
        case 'u':
          {
            int unit = read_hex4 (s, p + 2);
            gunichar u;

            if (unit < 0)
              {
                fail (s, KASANE_DATASET_ERROR_SYNTAX, p,
                      "invalid escape in a string; expected four hex digits after \\u");
                return FALSE;
              }
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              {
                fail (s, KASANE_DATASET_ERROR_SYNTAX, p,
                      "lone surrogate \\u%04X in a string; expected a high surrogate before it",
                      (guint) unit);
                return FALSE;
              }
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                int low = -1;

                if (p + 7 < s->length && s->text[p + 6] == '\\' && s->text[p + 7] == 'u')
                  low = read_hex4 (s, p + 8);
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    fail (s, KASANE_DATASET_ERROR_SYNTAX, p,
                          "lone surrogate \\u%04X in a string; expected a low surrogate "
                          "after it", (guint) unit);
                    return FALSE;
                  }
                u = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
                p += 12;
              }
            else
              {
                /* json-glib 1.6 cuts strings at U+0000, and Kasane keeps C strings. */
                if (unit == 0)
                  {
                    fail (s, KASANE_DATASET_ERROR_SYNTAX, p,
                          "\\u0000 is not allowed in a string");
                    return FALSE;
                  }
                u = (gunichar) unit;
                p += 6;
              }
            if (decode)
              g_string_append_unichar (s->name, u);
          }
          break;
        default:
          {
            g_autofree char *what = describe_char (s, p + 1);

            fail (s, KASANE_DATASET_ERROR_SYNTAX, p,
                  "invalid escape in a string: '\\' followed by %s", what);
            return FALSE;
          }
        }
    }

  s->pos = p + 1;
  return TRUE;
}

/* Scans a number at s->pos (a digit or '-').  Refuses what json-glib 1.6 would accept
 * or silently mangle: hex, leading zeros, and magnitudes a double cannot hold. */
static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  gsize p = start;
  gsize int_digits = 0;
  gboolean has_exponent = FALSE;

  if (s->text[p] == '-')
    p++;

  if (p < s->length && s->text[p] == '0')
    {
      p++;
      int_digits = 1;
      if (p < s->length && (s->text[p] == 'x' || s->text[p] == 'X'))
        {
          fail (s, KASANE_DATASET_ERROR_SYNTAX, start, "hexadecimal numbers are not allowed");
          return FALSE;
        }
      if (p < s->length && g_ascii_isdigit (s->text[p]))
        {
          fail (s, KASANE_DATASET_ERROR_SYNTAX, start,
                "a number may not have leading zeros");
          return FALSE;
        }
    }
  else if (p < s->length && g_ascii_isdigit (s->text[p]))
    {
      while (p < s->length && g_ascii_isdigit (s->text[p]))
        {
          p++;
          int_digits++;
        }
    }
  else
    {
      gsize end = word_end (s, p);

      if (word_is (s, p, end, "Infinity"))
        fail (s, KASANE_DATASET_ERROR_RANGE, start, "-Infinity is not a number JSON allows");
      else if (word_is (s, p, end, "NaN"))
        fail (s, KASANE_DATASET_ERROR_RANGE, start, "NaN is not a number JSON allows");
      else if (p >= s->length)
        fail (s, KASANE_DATASET_ERROR_SYNTAX, p, "unexpected end of file; expected a digit");
      else
        fail (s, KASANE_DATASET_ERROR_SYNTAX, start, "expected a digit after '-'");
      return FALSE;
    }

  if (p < s->length && s->text[p] == '.')
    {
      p++;
      if (p >= s->length || !g_ascii_isdigit (s->text[p]))
        {
          fail (s, KASANE_DATASET_ERROR_SYNTAX, start,
                "invalid number; expected a digit after '.'");
          return FALSE;
        }
      while (p < s->length && g_ascii_isdigit (s->text[p]))
        p++;
    }

  if (p < s->length && (s->text[p] == 'e' || s->text[p] == 'E'))
    {
      has_exponent = TRUE;
      p++;
      if (p < s->length && (s->text[p] == '+' || s->text[p] == '-'))
        p++;
      if (p >= s->length || !g_ascii_isdigit (s->text[p]))
        {
          fail (s, KASANE_DATASET_ERROR_SYNTAX, start,
                "invalid number; expected a digit in the exponent");
          return FALSE;
        }
      while (p < s->length && g_ascii_isdigit (s->text[p]))
        p++;
    }

  if (p < s->length && (is_word_char (s->text[p]) || s->text[p] == '.'))
    {
      fail (s, KASANE_DATASET_ERROR_SYNTAX, start, "invalid number");
      return FALSE;
    }

  /* Fewer than 309 integer digits and no exponent always fits in a double, so only the
   * rare long or exponent numbers pay for strtod. */
  if (has_exponent || int_digits >= 309)
    {
      g_autofree char *copy = g_strndup (s->text + start, p - start);
      double value = g_ascii_strtod (copy, NULL);

      if (!isfinite (value))
        {
          fail (s, KASANE_DATASET_ERROR_RANGE, start,
                "number out of range; a double holds magnitudes up to about 1.8e308");
          return FALSE;
        }
    }

  s->pos = p;
  return TRUE;
}

/* Scans a bare word at s->pos: true, false, null, or a specific complaint. */
static gboolean
scan_word (Scanner        *s,
           KasaneJsonType *type)
{
  gsize start = s->pos;
  gsize end = word_end (s, start);

  if (word_is (s, start, end, "true"))
    *type = KASANE_JSON_TRUE;
  else if (word_is (s, start, end, "false"))
    *type = KASANE_JSON_FALSE;
  else if (word_is (s, start, end, "null"))
    *type = KASANE_JSON_NULL;
  else
    {
      if (word_is (s, start, end, "NaN"))
        fail (s, KASANE_DATASET_ERROR_RANGE, start, "NaN is not a number JSON allows");
      else if (word_is (s, start, end, "Infinity"))
        fail (s, KASANE_DATASET_ERROR_RANGE, start, "Infinity is not a number JSON allows");
      else if (s->text[start] == '$')
        fail (s, KASANE_DATASET_ERROR_SYNTAX, start, "hexadecimal numbers are not allowed");
      else
        fail (s, KASANE_DATASET_ERROR_SYNTAX, start,
              "unexpected word '%.*s'; expected a value (strings need double quotes; the "
              "literals are true, false and null)", (int) MIN (end - start, 40),
              s->text + start);
      return FALSE;
    }
  s->pos = end;
  return TRUE;
}

/* The complaint for a character that cannot start what was expected. */
static void
fail_unexpected (Scanner    *s,
                 const char *expected)
{
  guchar c = s->text[s->pos];

  if (c == '/' && s->pos + 1 < s->length &&
      (s->text[s->pos + 1] == '/' || s->text[s->pos + 1] == '*'))
    fail (s, KASANE_DATASET_ERROR_SYNTAX, s->pos, "comments are not allowed in JSON");
  else if (c == '\'')
    fail (s, KASANE_DATASET_ERROR_SYNTAX, s->pos,
          "strings must be in double quotes, not single quotes");
  else
    {
      g_autofree char *what = describe_char (s, s->pos);

      fail (s, KASANE_DATASET_ERROR_SYNTAX, s->pos, "unexpected %s; expected %s", what, expected);
    }
}

static const char *
describe_root (Scanner *s)
{
  gsize end;

  switch (s->text[s->pos])
    {
    case '[':
      return "an array";
    case '"':
      return "a string";
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return "a number";
    default:
      end = word_end (s, s->pos);
      if (word_is (s, s->pos, end, "true") || word_is (s, s->pos, end, "false"))
        return "a boolean";
      if (word_is (s, s->pos, end, "null"))
        return "null";
      return NULL;
    }
}

static void
skip_whitespace (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->text[s->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      s->pos++;
    }
}

static KasaneJsonEntry *
add_entry (Scanner        *s,
           KasaneJsonType  type,
           guint           name_line,
           guint           name_column)
{
  KasaneJsonEntry entry = { 0 };
  guint line, column;

  locate (s, s->pos, &line, &column);
  entry.line = line;
  entry.column = column;
  entry.name_line = name_line;
  entry.name_column = name_column;
  entry.offset = (guint32) s->pos;
  entry.type = type;
  g_array_append_val (s->entries, entry);
  return &g_array_index (s->entries, KasaneJsonEntry, s->entries->len - 1);
}

/* Checks encoding: one leading BOM is skipped; UTF-16 and invalid UTF-8 are refused. */
static gboolean
check_encoding (Scanner *s)
{
  const char *end = NULL;
  const guchar *u = (const guchar *) s->text;

  if (s->length >= 2 &&
      ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF) ||
       (u[0] == 0 && u[1] != 0) || (u[0] != 0 && u[1] == 0)))
    {
      kasane_diagnostics_add (s->diagnostics, KASANE_SEVERITY_ERROR,
                              KASANE_DATASET_ERROR_ENCODING, s->file, 0, 0,
                              "file is not valid UTF-8: it looks like UTF-16; save it as "
                              "UTF-8");
      return FALSE;
    }

  if (g_utf8_validate_len (s->text, s->length, &end))
    return TRUE;

  if (*end == '\0')
    fail (s, KASANE_DATASET_ERROR_ENCODING, end - s->text,
          "file is not valid UTF-8: it contains a NUL byte");
  else
    fail (s, KASANE_DATASET_ERROR_ENCODING, end - s->text,
          "file is not valid UTF-8: byte 0x%02X cannot start or continue a character here",
          (guchar) *end);
  return FALSE;
}

static gboolean
scan (Scanner *s)
{
  Frame stack[KASANE_JSON_MAX_DEPTH];
  guint depth = 0;
  State state = EXPECT_VALUE;
  gsize comma = 0;              /* where the last ',' was, for "trailing comma" */
  guint name_line = 0, name_column = 0;

  for (;;)
    {
      Frame *top = depth > 0 ? &stack[depth - 1] : NULL;
      guchar c;

      skip_whitespace (s);

      if (s->pos >= s->length)
        {
          const char *expected = NULL;

          switch (state)
            {
            case EXPECT_END:
              return TRUE;
            case EXPECT_VALUE:
              if (depth == 0)
                {
                  kasane_diagnostics_add (s->diagnostics, KASANE_SEVERITY_ERROR,
                                          KASANE_DATASET_ERROR_SYNTAX, s->file, 0, 0,
                                          "file is empty; expected a JSON object");
                  return FALSE;
                }
              expected = "a value";
              break;
            case EXPECT_FIRST_VALUE:
              expected = "a value or ']'";
              break;
            case EXPECT_NAME:
              expected = "a member name";
              break;
            case EXPECT_FIRST_NAME:
              expected = "a member name or '}'";
              break;
            case EXPECT_COLON:
              expected = "':'";
              break;
            case EXPECT_COMMA:
            default:
              expected = top->is_object ? "',' or '}'" : "',' or ']'";
              break;
            }
          fail (s, KASANE_DATASET_ERROR_SYNTAX, s->pos, "unexpected end of file; expected %s",
                expected);
          return FALSE;
        }

      c = s->text[s->pos];

      switch (state)
        {
        case EXPECT_END:
          fail_unexpected (s, "the end of the file after the root object");
          return FALSE;

        case EXPECT_COLON:
          if (c != ':')
            {
              fail_unexpected (s, "':' after the member name");
              return FALSE;
            }
          s->pos++;
          state = EXPECT_VALUE;
          break;

        case EXPECT_FIRST_NAME:
        case EXPECT_NAME:
          if (c == '"')
            {
              GHashTable *names = s->names[depth];
              gsize name_start = s->pos;
              gpointer first;

              locate (s, s->pos, &name_line, &name_column);
              if (!scan_string (s, TRUE))
                return FALSE;
              if (strlen (s->name->str) != s->name->len)
                {
                  /* Unreachable: scan_string refuses \u0000; kept as a guard for the
                   * hash table, which compares C strings. */
                  fail (s, KASANE_DATASET_ERROR_SYNTAX, name_start,
                        "\\u0000 is not allowed in a member name");
                  return FALSE;
                }
              if (g_hash_table_lookup_extended (names, s->name->str, NULL, &first))
                {
                  guint first_line, first_column;
                  g_autofree char *shown = kasane_json_shown_text (s->name->str);

                  locate (s, GPOINTER_TO_SIZE (first), &first_line, &first_column);
                  fail (s, KASANE_DATASET_ERROR_DUPLICATE, name_start,
                        "duplicate member \"%s\" (first at %u:%u)", shown, first_line,
                        first_column);
                  return FALSE;
                }
              g_hash_table_insert (names, g_strndup (s->name->str, s->name->len),
                                   GSIZE_TO_POINTER (name_start));
              state = EXPECT_COLON;
            }
          else if (c == '}' && state == EXPECT_FIRST_NAME)
            goto close;
          else if (c == '}')
            {
              fail (s, KASANE_DATASET_ERROR_SYNTAX, comma, "trailing comma before '}'");
              return FALSE;
            }
          else if (is_word_char (c))
            {
              gsize end = word_end (s, s->pos);

              fail (s, KASANE_DATASET_ERROR_SYNTAX, s->pos,
                    "member names must be strings in double quotes, found '%.*s'",
                    (int) MIN (end - s->pos, 40), s->text + s->pos);
              return FALSE;
            }
          else
            {
              fail_unexpected (s, state == EXPECT_FIRST_NAME ?
                                  "a member name in double quotes or '}'" :
                                  "a member name in double quotes");
              return FALSE;
            }
          break;

        case EXPECT_COMMA:
          if (c == ',')
            {
              comma = s->pos;
              s->pos++;
              state = top->is_object ? EXPECT_NAME : EXPECT_VALUE;
            }
          else if (c == (top->is_object ? '}' : ']'))
            goto close;
          else
            {
              fail_unexpected (s, top->is_object ? "',' or '}'" : "',' or ']'");
              return FALSE;
            }
          break;

        case EXPECT_FIRST_VALUE:
        case EXPECT_VALUE:
          {
            gboolean in_object = top != NULL && top->is_object;
            guint nl = in_object ? name_line : 0, nc = in_object ? name_column : 0;
            KasaneJsonEntry *entry;
            KasaneJsonType type;
            gsize start = s->pos;

            if (c == ']' && state == EXPECT_FIRST_VALUE)
              goto close;
            if (c == ']' && top != NULL && !top->is_object)
              {
                fail (s, KASANE_DATASET_ERROR_SYNTAX, comma, "trailing comma before ']'");
                return FALSE;
              }

            if (depth == 0 && c != '{')
              {
                const char *found = describe_root (s);

                if (found != NULL)
                  {
                    fail (s, KASANE_DATASET_ERROR_TYPE, s->pos,
                          "the root must be an object, found %s", found);
                    return FALSE;
                  }
              }

            if (c == '{' || c == '[')
              {
                if (depth == KASANE_JSON_MAX_DEPTH)
                  {
                    fail (s, KASANE_DATASET_ERROR_TOO_DEEP, s->pos,
                          "nesting is deeper than %d levels", KASANE_JSON_MAX_DEPTH);
                    return FALSE;
                  }
                add_entry (s, c == '{' ? KASANE_JSON_OBJECT : KASANE_JSON_ARRAY, nl, nc);
                stack[depth].entry = s->entries->len - 1;
                stack[depth].is_object = c == '{';
                depth++;
                if (c == '{' && s->names[depth] == NULL)
                  s->names[depth] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                s->pos++;
                state = c == '{' ? EXPECT_FIRST_NAME : EXPECT_FIRST_VALUE;
                break;
              }

            if (c == '"')
              {
                type = KASANE_JSON_STRING;
                if (!scan_string (s, FALSE))
                  return FALSE;
              }
            else if (c == '-' || g_ascii_isdigit (c))
              {
                type = KASANE_JSON_NUMBER;
                if (!scan_number (s))
                  return FALSE;
              }
            else if (c == '+')
              {
                fail (s, KASANE_DATASET_ERROR_SYNTAX, s->pos, "a number may not start with '+'");
                return FALSE;
              }
            else if (c == '.')
              {
                fail (s, KASANE_DATASET_ERROR_SYNTAX, s->pos,
                      "a number must start with a digit, not '.'");
                return FALSE;
              }
            else if (is_word_char (c))
              {
                if (!scan_word (s, &type))
                  return FALSE;
              }
            else
              {
                fail_unexpected (s, state == EXPECT_FIRST_VALUE ? "a value or ']'" : "a value");
                return FALSE;
              }

            /* s->pos has moved past the token; the entry records where it began. */
            {
              gsize end = s->pos;

              s->pos = start;
              entry = add_entry (s, type, nl, nc);
              entry->length = (guint32) (end - start);
              s->pos = end;
            }
            state = EXPECT_COMMA;
          }
          break;

        default:
          g_assert_not_reached ();
        }
      continue;

    close:
      {
        KasaneJsonEntry *entry = &g_array_index (s->entries, KasaneJsonEntry, top->entry);

        entry->n_descendants = s->entries->len - 1 - top->entry;
        if (top->is_object)
          g_hash_table_remove_all (s->names[depth]);
        depth--;
        s->pos++;
        state = depth == 0 ? EXPECT_END : EXPECT_COMMA;
      }
    }
}

KasaneJsonScan *
kasane_json_scan (const char        *data,
                  gsize              length,
                  const char        *display_name,
                  KasaneDiagnostics *diagnostics)
{
  g_autoptr(KasaneJsonScan) result = NULL;
  Scanner s = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  if (length > KASANE_MAX_JSON_SIZE)
    {
      kasane_diagnostics_add (diagnostics, KASANE_SEVERITY_ERROR, KASANE_DATASET_ERROR_IO,
                              display_name, 0, 0,
                              "file is too large (%" G_GSIZE_FORMAT " bytes; the limit is "
                              "16 MiB)", length);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  s.text = data != NULL ? data : "";
  s.length = length;
  s.line = 1;
  s.column = 1;
  s.file = display_name;
  s.diagnostics = diagnostics;

  if (!check_encoding (&s))
    return NULL;

  /* About one value per 8 bytes in typical datasets; a guess that saves regrowing. */
  s.entries = g_array_sized_new (FALSE, FALSE, sizeof (KasaneJsonEntry),
                                 MIN (length / 8 + 16, 1 << 16));
  s.name = g_string_new (NULL);

  ok = scan (&s);

  g_string_free (s.name, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (s.names); i++)
    g_clear_pointer (&s.names[i], g_hash_table_unref);

  if (!ok)
    {
      g_array_unref (s.entries);
      return NULL;
    }

  result = g_new0 (KasaneJsonScan, 1);
  result->text = s.text;
  result->length = s.length;
  result->entries = s.entries;
  return g_steal_pointer (&result);
}

void
kasane_json_scan_free (KasaneJsonScan *scan)
{
  if (scan == NULL)
    return;
  g_clear_pointer (&scan->entries, g_array_unref);
  g_free (scan);
}
