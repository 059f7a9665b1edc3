/* kasane-catalog.c: a compiled message catalogue (.mo), read without gettext
 *
 * Charts and exports are drawn in a language of their own, whatever the process
 * language is, from any thread.  gettext cannot do that without changing the process
 * environment, so Kasane reads the catalogue msgfmt compiled itself: the file is mapped
 * once, checked whole, and then only read.
 *
 * The format (GNU gettext, "The Format of GNU MO Files"): a header of 32-bit words —
 * magic, revision, the number of messages, the offsets of the table of originals and of
 * translations — then for each table, one (length, offset) pair per message, sorted by
 * original.  A message with a context is keyed "CONTEXT\004MSGID"; a plural message's
 * original is "MSGID\0MSGID_PLURAL" and its translation the forms one after another, each
 * ending in NUL.  The translation of "" is the header, which holds Plural-Forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-catalog"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "kasane-catalog.h"

#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
#define HEADER_WORDS     5

/* Deeper or longer expressions are refused: parsing and evaluating recurse.  Real rules
 * have a few dozen nodes. */
#define MAX_PLURAL_DEPTH 64
#define MAX_PLURAL_NODES 256

/* Plural rules */

typedef enum
{
  OP_N,
  OP_NUMBER,
  OP_NOT,
  OP_MUL, OP_DIV, OP_MOD,
  OP_ADD, OP_SUB,
  OP_LT, OP_LE, OP_GT, OP_GE,
  OP_EQ, OP_NE,
  OP_AND, OP_OR,
  OP_CHOICE,
} PluralOp;

typedef struct
{
  PluralOp op;
  gulong   value;       /* OP_NUMBER */
  int      args[3];     /* indices of operands in the rule's nodes */
} PluralNode;

struct _KasanePluralRule
{
  GArray *nodes;        /* of PluralNode */
  int     root;
};

typedef struct
{
  const char *p;
  GArray     *nodes;
  guint       depth;
  gboolean    failed;
} PluralParser;

static void
skip_space (PluralParser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
accept (PluralParser *parser,
        const char   *token)
{
  gsize length = strlen (token);

  skip_space (parser);
  if (strncmp (parser->p, token, length) != 0)
    return FALSE;
  /* "<" is not "<=", "!" is not "!=", "=" alone is nothing. */
  if (length == 1 && strchr ("<>!", token[0]) != NULL && parser->p[1] == '=')
    return FALSE;
  parser->p += length;
  return TRUE;
}

static int
add_node (PluralParser *parser,
          PluralOp      op,
          gulong        value,
          int           a,
          int           b,
          int           c)
{
  PluralNode node = { op, value, { a, b, c } };

  if ((a < 0 && op != OP_N && op != OP_NUMBER) || parser->nodes->len >= MAX_PLURAL_NODES)
    parser->failed = TRUE;
  g_array_append_val (parser->nodes, node);
  return (int) parser->nodes->len - 1;
}

static int parse_choice (PluralParser *parser);

static int
parse_primary (PluralParser *parser)
{
  skip_space (parser);
  if (*parser->p == 'n')
    {
      parser->p++;
      return add_node (parser, OP_N, 0, -1, -1, -1);
    }
  if (g_ascii_isdigit (*parser->p))
    {
      char *end = NULL;
      guint64 value = g_ascii_strtoull (parser->p, &end, 10);

      parser->p = end;
      return add_node (parser, OP_NUMBER, (gulong) value, -1, -1, -1);
    }
  if (accept (parser, "("))
    {
      int inner = parse_choice (parser);

      if (!accept (parser, ")"))
        parser->failed = TRUE;
      return inner;
    }
  parser->failed = TRUE;
  return -1;
}

static int
parse_unary (PluralParser *parser)
{
  if (accept (parser, "!"))
    {
      int operand;

      if (++parser->depth > MAX_PLURAL_DEPTH)
        {
          parser->failed = TRUE;
          return -1;
        }
      operand = parse_unary (parser);
      parser->depth--;
      return add_node (parser, OP_NOT, 0, operand, -1, -1);
    }
  return parse_primary (parser);
}

/* One level of left-associative binary operators: `tokens` and their `ops`. */
static int
parse_binary (PluralParser       *parser,
              int               (*next) (PluralParser *),
              const char * const *tokens,
              const PluralOp     *ops,
              guint               n_ops)
{
  int left = next (parser);

  while (!parser->failed)
    {
      guint i;

      for (i = 0; i < n_ops; i++)
        if (accept (parser, tokens[i]))
          break;
      if (i == n_ops)
        break;
      left = add_node (parser, ops[i], 0, left, next (parser), -1);
    }
  return left;
}

static int
parse_product (PluralParser *parser)
{
  static const char * const tokens[] = { "*", "/", "%" };
  static const PluralOp ops[] = { OP_MUL, OP_DIV, OP_MOD };

  return parse_binary (parser, parse_unary, tokens, ops, G_N_ELEMENTS (ops));
}

static int
parse_sum (PluralParser *parser)
{
  static const char * const tokens[] = { "+", "-" };
  static const PluralOp ops[] = { OP_ADD, OP_SUB };

  return parse_binary (parser, parse_product, tokens, ops, G_N_ELEMENTS (ops));
}

static int
parse_relation (PluralParser *parser)
{
  /* Two-character tokens first. */
  static const char * const tokens[] = { "<=", ">=", "<", ">" };
  static const PluralOp ops[] = { OP_LE, OP_GE, OP_LT, OP_GT };

  return parse_binary (parser, parse_sum, tokens, ops, G_N_ELEMENTS (ops));
}

static int
parse_equality (PluralParser *parser)
{
  static const char * const tokens[] = { "==", "!=" };
  static const PluralOp ops[] = { OP_EQ, OP_NE };

  return parse_binary (parser, parse_relation, tokens, ops, G_N_ELEMENTS (ops));
}

static int
parse_and (PluralParser *parser)
{
  static const char * const tokens[] = { "&&" };
  static const PluralOp ops[] = { OP_AND };

  return parse_binary (parser, parse_equality, tokens, ops, G_N_ELEMENTS (ops));
}

static int
parse_or (PluralParser *parser)
{
  static const char * const tokens[] = { "||" };
  static const PluralOp ops[] = { OP_OR };

  return parse_binary (parser, parse_and, tokens, ops, G_N_ELEMENTS (ops));
}

/* condition ? a : b, right-associative. */
static int
parse_choice (PluralParser *parser)
{
  int condition, yes, no;

  if (++parser->depth > MAX_PLURAL_DEPTH)
    {
      parser->failed = TRUE;
      return -1;
    }
  condition = parse_or (parser);
  if (!parser->failed && accept (parser, "?"))
    {
      yes = parse_choice (parser);
      if (!accept (parser, ":"))
        parser->failed = TRUE;
      no = parse_choice (parser);
      condition = add_node (parser, OP_CHOICE, 0, condition, yes, no);
    }
  parser->depth--;
  return condition;
}

KasanePluralRule *
kasane_plural_rule_new (const char  *expression,
                        GError     **error)
{
  PluralParser parser = { expression, NULL, 0, FALSE };
  KasanePluralRule *rule;
  int root;

  g_return_val_if_fail (expression != NULL, NULL);

  parser.nodes = g_array_new (FALSE, FALSE, sizeof (PluralNode));
  root = parse_choice (&parser);
  skip_space (&parser);
  if (parser.failed || root < 0 || (*parser.p != '\0' && *parser.p != ';'))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "cannot read the plural rule “%s” at “%.16s”", expression, parser.p);
      g_array_unref (parser.nodes);
      return NULL;
    }
  rule = g_new0 (KasanePluralRule, 1);
  rule->nodes = parser.nodes;
  rule->root = root;
  return rule;
}

void
kasane_plural_rule_free (KasanePluralRule *rule)
{
  if (rule == NULL)
    return;
  g_array_unref (rule->nodes);
  g_free (rule);
}

/* Operands always come before their operator in `nodes`, so this recursion is as deep as
 * the parse was, which is bounded. */
static gulong
eval_node (const KasanePluralRule *rule,
           int                     index,
           gulong                  n)
{
  const PluralNode *node = &g_array_index (rule->nodes, PluralNode, index);
  gulong a, b;

  switch (node->op)
    {
    case OP_N:
      return n;
    case OP_NUMBER:
      return node->value;
    case OP_NOT:
      return !eval_node (rule, node->args[0], n);
    case OP_CHOICE:
      return eval_node (rule, node->args[0], n) ? eval_node (rule, node->args[1], n)
                                                : eval_node (rule, node->args[2], n);
    case OP_AND:
      return eval_node (rule, node->args[0], n) && eval_node (rule, node->args[1], n);
    case OP_OR:
      return eval_node (rule, node->args[0], n) || eval_node (rule, node->args[1], n);
    default:
      break;
    }

  a = eval_node (rule, node->args[0], n);
  b = eval_node (rule, node->args[1], n);
  switch (node->op)
    {
    case OP_MUL: return a * b;
    case OP_DIV: return b != 0 ? a / b : 0;     /* gettext would trap: pick form 0 */
    case OP_MOD: return b != 0 ? a % b : 0;
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_LT:  return a < b;
    case OP_LE:  return a <= b;
    case OP_GT:  return a > b;
    case OP_GE:  return a >= b;
    case OP_EQ:  return a == b;
    case OP_NE:  return a != b;
    default:     return 0;
    }
}

gulong
kasane_plural_rule_eval (const KasanePluralRule *rule,
                         gulong                  n)
{
  g_return_val_if_fail (rule != NULL, 0);
  return eval_node (rule, rule->root, n);
}

/* Catalogues */

struct _KasaneCatalog
{
  GMappedFile      *file;
  const char       *data;
  gsize             size;
  guint32           n_messages;
  const guint32    *originals;      /* (length, offset) pairs, in file byte order */
  const guint32    *translations;
  gboolean          swapped;
  guint             n_plurals;
  KasanePluralRule *plural;         /* NULL: English's rule */
};

static guint32
word (const KasaneCatalog *catalog,
      const guint32       *words,
      gsize                index)
{
  guint32 value;

  /* Unaligned-safe. */
  memcpy (&value, (const char *) words + index * 4, 4);
  return catalog->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

static const char *
string_at (const KasaneCatalog *catalog,
           const guint32       *table,
           guint32              index,
           guint32             *length)
{
  *length = word (catalog, table, 2 * (gsize) index);
  return catalog->data + word (catalog, table, 2 * (gsize) index + 1);
}

/* Every (length, offset) of `table` names a NUL-terminated string inside the file. */
static gboolean
check_table (const KasaneCatalog *catalog,
             const guint32       *table)
{
  for (guint32 i = 0; i < catalog->n_messages; i++)
    {
      guint64 length = word (catalog, table, 2 * (gsize) i);
      guint64 offset = word (catalog, table, 2 * (gsize) i + 1);

      if (offset + length >= catalog->size || catalog->data[offset + length] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* "nplurals=2; plural=n != 1;" from the header. */
static void
read_plural_forms (KasaneCatalog *catalog)
{
  const char *header = kasane_catalog_lookup (catalog, NULL, "", NULL, 1);
  const char *forms, *nplurals, *plural;
  g_autofree char *line = NULL;

  catalog->n_plurals = 2;
  if (header == NULL || (forms = strstr (header, "Plural-Forms:")) == NULL)
    return;
  line = g_strndup (forms, strcspn (forms, "\n"));
  nplurals = strstr (line, "nplurals=");
  plural = strstr (line, "plural=");
  if (plural == nplurals + 1)      /* "plural=" inside "nplurals=" */
    plural = strstr (nplurals + 1, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;
  catalog->n_plurals = (guint) CLAMP (g_ascii_strtoull (nplurals + strlen ("nplurals="), NULL,
                                                        10), 1, 16);
  catalog->plural = kasane_plural_rule_new (plural + strlen ("plural="), NULL);
  if (catalog->plural == NULL)
    catalog->n_plurals = 2;
}

KasaneCatalog *
kasane_catalog_new_from_file (const char  *path,
                              GError     **error)
{
  g_autoptr(KasaneCatalog) catalog = g_new0 (KasaneCatalog, 1);
  guint32 magic, originals, translations;

  g_return_val_if_fail (path != NULL, NULL);

  catalog->file = g_mapped_file_new (path, FALSE, error);
  if (catalog->file == NULL)
    return NULL;
  catalog->data = g_mapped_file_get_contents (catalog->file);
  catalog->size = g_mapped_file_get_length (catalog->file);
  if (catalog->size < HEADER_WORDS * 4)
    goto corrupt;

  memcpy (&magic, catalog->data, 4);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto corrupt;
  catalog->swapped = magic == MO_MAGIC_SWAPPED;
  catalog->n_messages = word (catalog, (const guint32 *) catalog->data, 2);
  originals = word (catalog, (const guint32 *) catalog->data, 3);
  translations = word (catalog, (const guint32 *) catalog->data, 4);
  if ((guint64) originals + 8 * (guint64) catalog->n_messages > catalog->size ||
      (guint64) translations + 8 * (guint64) catalog->n_messages > catalog->size)
    goto corrupt;
  catalog->originals = (const guint32 *) (catalog->data + originals);
  catalog->translations = (const guint32 *) (catalog->data + translations);
  if (!check_table (catalog, catalog->originals) || !check_table (catalog, catalog->translations))
    goto corrupt;
  /* Lookups bisect: the originals must be in order. */
  for (guint32 i = 1; i < catalog->n_messages; i++)
    {
      guint32 length;
      const char *previous = string_at (catalog, catalog->originals, i - 1, &length);
      const char *current = string_at (catalog, catalog->originals, i, &length);

      if (strcmp (previous, current) >= 0)
        goto corrupt;
    }

  read_plural_forms (catalog);
  return g_steal_pointer (&catalog);

corrupt:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "“%s” is not a message catalogue Kasane can read (a damaged .mo file)", path);
  return NULL;
}

void
kasane_catalog_free (KasaneCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_clear_pointer (&catalog->file, g_mapped_file_unref);
  kasane_plural_rule_free (catalog->plural);
  g_free (catalog);
}

/* The index of `key` among the originals, or -1. */
static gint64
find (const KasaneCatalog *catalog,
      const char          *key)
{
  guint32 low = 0, high = catalog->n_messages;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      guint32 length;
      int order = strcmp (key, string_at (catalog, catalog->originals, middle, &length));

      if (order == 0)
        return middle;
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return -1;
}

const char *
kasane_catalog_lookup (const KasaneCatalog *catalog,
                       const char          *context,
                       const char          *msgid,
                       const char          *msgid_plural,
                       gulong               n)
{
  g_autofree char *keyed = NULL;
  const char *translation, *end;
  guint32 length;
  gulong form = 0;
  gint64 index;

  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (context != NULL)
    keyed = g_strconcat (context, "\004", msgid, NULL);
  index = find (catalog, keyed != NULL ? keyed : msgid);
  if (index < 0)
    return NULL;
  translation = string_at (catalog, catalog->translations, (guint32) index, &length);
  if (length == 0)
    return NULL;
  if (msgid_plural == NULL)
    return translation;

  form = catalog->plural != NULL ? kasane_plural_rule_eval (catalog->plural, n) : n != 1;
  if (form >= catalog->n_plurals)
    form = 0;
  /* The forms follow one another, each ending in NUL, inside `length`. */
  end = translation + length;
  for (gulong i = 0; i < form; i++)
    {
      translation += strlen (translation) + 1;
      if (translation >= end)
        return NULL;
    }
  return translation;
}
