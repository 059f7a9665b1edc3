/* kasane-story.c: the verdict of a dataset told in sentences, generated from its ledger
 *
 * Each sentence is one translatable message with positional arguments, so a translation
 * can put the names and numbers wherever its grammar wants them; nothing is glued from
 * fragments.  In markup mode the message is escaped first and the arguments (already
 * escaped, or links) are put in afterwards, which is why the printf here takes a format
 * that is not a literal.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-story"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-story.h"

static gboolean
is_markup (KasaneStoryFlags flags)
{
  return (flags & KASANE_STORY_MARKUP) != 0;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* `message` is a translated printf format (msgfmt --check keeps its arguments in step
 * with the English one); the arguments are already escaped markup when `flags` asks for
 * markup. */
static char *
story_printf (KasaneStoryFlags flags,
              const char      *message,
              ...)
{
  g_autofree char *escaped = NULL;
  const char *format = message;
  va_list args;
  char *result;

  if (is_markup (flags))
    format = escaped = g_markup_escape_text (message, -1);

  va_start (args, message);
  result = g_strdup_vprintf (format, args);
  va_end (args);
  return result;
}
#pragma GCC diagnostic pop

const char *
kasane_story_verdict_term (KasaneVerdict verdict)
{
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION:
      /* Translators: the name of a verdict inside a sentence ("the verdict is …", "the
       * dataset claims …"); the Explain view's key term, 能力の進展 in Japanese. */
      return C_("verdict term", "capability progression");
    case KASANE_VERDICT_MIGRATION:
      /* Translators: the name of a verdict inside a sentence; 問題の移転 in Japanese. */
      return C_("verdict term", "problem migration");
    case KASANE_VERDICT_MIXED:
      /* Translators: the name of a verdict inside a sentence ("the verdict is …", "the
       * dataset claims …"): some layers lowered the open load and some did not; 混在 in
       * Japanese. */
      return C_("verdict term", "a mix of both");
    case KASANE_VERDICT_NONE:
    default:
      /* Translators: the name of a verdict inside a sentence: there is none. */
      return C_("verdict term", "no verdict");
    }
}

static KasaneVerdict
claim_verdict (KasaneClaim claim)
{
  switch (claim)
    {
    case KASANE_CLAIM_PROGRESSION:
      return KASANE_VERDICT_PROGRESSION;
    case KASANE_CLAIM_MIGRATION:
      return KASANE_VERDICT_MIGRATION;
    case KASANE_CLAIM_MIXED:
      return KASANE_VERDICT_MIXED;
    case KASANE_CLAIM_NONE:
    default:
      return KASANE_VERDICT_NONE;
    }
}

/* The verdict's term, as a link to it in markup mode. */
static char *
term_arg (KasaneVerdict    verdict,
          KasaneStoryFlags flags)
{
  const char *term = kasane_story_verdict_term (verdict);
  g_autofree char *escaped = NULL;

  if (!is_markup (flags))
    return g_strdup (term);
  escaped = g_markup_escape_text (term, -1);
  if (verdict == KASANE_VERDICT_NONE)
    return g_steal_pointer (&escaped);
  return g_strdup_printf ("<a href=\"kasane:term/%s\">%s</a>",
                          kasane_verdict_to_string (verdict), escaped);
}

/* A layer's name in `lang`, as a link to the layer in markup mode. */
static char *
layer_arg (KasaneDataset   *dataset,
           guint            index,
           const char      *lang,
           KasaneStoryFlags flags)
{
  KasaneLayer *layer = g_ptr_array_index (dataset->layers, index);
  const char *name = kasane_text_get (&layer->name, lang);
  g_autofree char *escaped = NULL;

  if (*name == '\0')
    name = layer->id;
  if (!is_markup (flags))
    return g_strdup (name);
  escaped = g_markup_escape_text (name, -1);
  return g_strdup_printf ("<a href=\"kasane:layer/%s/%s\">%s</a>",
                          dataset->id, layer->id, escaped);
}

static char *
title_arg (KasaneDataset   *dataset,
           const char      *lang,
           KasaneStoryFlags flags)
{
  const char *title = kasane_text_get (&dataset->title, lang);

  if (*title == '\0')
    title = dataset->id;
  if (!is_markup (flags))
    return g_strdup (title);
  return g_markup_escape_text (title, -1);
}

char *
kasane_story_layer_sentence (KasaneDataset      *dataset,
                             const KasaneLedger *ledger,
                             guint               index,
                             const char         *lang,
                             KasaneStoryFlags    flags)
{
  g_autofree char *name = NULL;
  const KasaneLedgerRow *row;
  const char *message;
  int before;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (ledger != NULL, NULL);
  g_return_val_if_fail (index < ledger->n_rows, NULL);

  row = &ledger->rows[index];
  name = layer_arg (dataset, index, lang, flags);

  if (index == 0)
    {
      guint n_open = row->open->len;

      if (n_open == 0)
        /* Translators: %1$s is the name of the lowest layer of a dataset. */
        return story_printf (flags, _("The lowest layer, %1$s, opens the ledger with no "
                                      "open problems."), name);

      /* Translators: %1$s is the name of the lowest layer, %2$u how many problems it
       * leaves open, %3$d the sum of their weights (the open load). */
      message = g_dngettext (GETTEXT_PACKAGE,
                             "The lowest layer, %1$s, opens the ledger with %2$u open "
                             "problem weighing %3$d in all.",
                             "The lowest layer, %1$s, opens the ledger with %2$u open "
                             "problems weighing %3$d in all.",
                             n_open);
      return story_printf (flags, message, name, n_open, row->open_load);
    }

  before = ledger->rows[index - 1].open_load;

  if (row->credit == 0 && row->debit == 0)
    /* Translators: %1$s is a layer's name, %2$d the open load it left unchanged. */
    return story_printf (flags, _("%1$s neither removed nor added open problems: the load "
                                  "stayed at %2$d."), name, before);

  if (row->credit == 0)
    {
      /* Translators: %1$s is a layer's name; it added open problems weighing %2$d
       * points and removed none; the open load rose from %3$d to %4$d. */
      message = g_dngettext (GETTEXT_PACKAGE,
                             "%1$s removed no open problems and added %2$d point: the load "
                             "rose from %3$d to %4$d.",
                             "%1$s removed no open problems and added %2$d points: the load "
                             "rose from %3$d to %4$d.",
                             (gulong) row->debit);
      return story_printf (flags, message, name, row->debit, before, row->open_load);
    }

  if (row->debit == 0)
    {
      /* Translators: %1$s is a layer's name; it removed open problems weighing %2$d
       * points and added none; the open load fell from %3$d to %4$d. */
      message = g_dngettext (GETTEXT_PACKAGE,
                             "%1$s removed %2$d point of open problems and added none: the "
                             "load fell from %3$d to %4$d.",
                             "%1$s removed %2$d points of open problems and added none: the "
                             "load fell from %3$d to %4$d.",
                             (gulong) row->credit);
      return story_printf (flags, message, name, row->credit, before, row->open_load);
    }

  if (row->net > 0)
    {
      /* Translators: %1$s is a layer's name; it removed open problems weighing %2$d
       * points and added %3$d; the open load fell from %4$d to %5$d. */
      message = g_dngettext (GETTEXT_PACKAGE,
                             "%1$s removed %2$d point of open problems and added %3$d: the "
                             "load fell from %4$d to %5$d.",
                             "%1$s removed %2$d points of open problems and added %3$d: the "
                             "load fell from %4$d to %5$d.",
                             (gulong) row->credit);
      return story_printf (flags, message, name, row->credit, row->debit, before,
                           row->open_load);
    }

  if (row->net < 0)
    {
      /* Translators: %1$s is a layer's name; it removed open problems weighing %2$d
       * points and added %3$d; the open load rose from %4$d to %5$d. */
      message = g_dngettext (GETTEXT_PACKAGE,
                             "%1$s removed %2$d point of open problems and added %3$d: the "
                             "load rose from %4$d to %5$d.",
                             "%1$s removed %2$d points of open problems and added %3$d: the "
                             "load rose from %4$d to %5$d.",
                             (gulong) row->credit);
      return story_printf (flags, message, name, row->credit, row->debit, before,
                           row->open_load);
    }

  /* Translators: %1$s is a layer's name; it removed open problems weighing %2$d points
   * and added as many (%3$d), so the open load stayed at %4$d. */
  message = g_dngettext (GETTEXT_PACKAGE,
                         "%1$s removed %2$d point of open problems and added %3$d: the load "
                         "stayed at %4$d.",
                         "%1$s removed %2$d points of open problems and added %3$d: the load "
                         "stayed at %4$d.",
                         (gulong) row->credit);
  return story_printf (flags, message, name, row->credit, row->debit, row->open_load);
}

char *
kasane_story_verdict_sentence (KasaneDataset      *dataset,
                               const KasaneLedger *ledger,
                               const char         *lang,
                               KasaneStoryFlags    flags)
{
  g_autofree char *title = NULL;
  g_autofree char *term = NULL;
  guint lowered = 0, moved = 0, idle = 0;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (ledger != NULL, NULL);

  title = title_arg (dataset, lang, flags);
  term = term_arg (ledger->verdict, flags);

  switch (ledger->verdict)
    {
    case KASANE_VERDICT_PROGRESSION:
      /* Translators: %1$s is a dataset's title, %2$s the verdict's term ("capability
       * progression"). */
      return story_printf (flags, _("In “%1$s”, every layer above the lowest lowered the "
                                    "open load, so the verdict is %2$s."), title, term);
    case KASANE_VERDICT_MIGRATION:
      /* Translators: %1$s is a dataset's title, %2$s the verdict's term ("problem
       * migration"). */
      return story_printf (flags, _("In “%1$s”, every layer above the lowest fixed "
                                    "something, yet none lowered the open load: each "
                                    "moved the problem instead of removing it, so the "
                                    "verdict is %2$s."), title, term);
    case KASANE_VERDICT_MIXED:
      for (guint i = 1; i < ledger->n_rows; i++)
        {
          const KasaneLedgerRow *row = &ledger->rows[i];

          if (row->net > 0)
            lowered++;
          else if (row->credit > 0)
            moved++;
          else
            idle++;
        }
      /* Translators: %1$s is a dataset's title; of its layers above the lowest, %2$u
       * lowered the open load, %3$u fixed something but did not lower it, %4$u fixed
       * nothing; %5$s is the verdict's term ("a mix of both"). */
      return story_printf (flags, _("In “%1$s”, of the layers above the lowest, %2$u "
                                    "lowered the open load, %3$u fixed something but left "
                                    "the load as high or higher, and %4$u fixed nothing, "
                                    "so the verdict is %5$s."),
                           title, lowered, moved, idle, term);
    case KASANE_VERDICT_NONE:
    default:
      /* Translators: %1$s is a dataset's title. */
      return story_printf (flags, _("“%1$s” has a single layer, so there is no layer "
                                    "above the lowest to judge and no verdict."), title);
    }
}

char *
kasane_story_claim_sentence (KasaneDataset      *dataset,
                             const KasaneLedger *ledger,
                             const char         *lang,
                             KasaneStoryFlags    flags)
{
  KasaneVerdict claimed;
  g_autofree char *claim = NULL;
  g_autofree char *verdict = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (ledger != NULL, NULL);

  if (dataset->claim == KASANE_CLAIM_NONE)
    return story_printf (flags, _("The dataset makes no claim of its own to check the "
                                  "verdict against."));

  claimed = claim_verdict (dataset->claim);
  claim = term_arg (claimed, flags);

  if (ledger->verdict == KASANE_VERDICT_NONE)
    /* Translators: %1$s is the verdict the dataset claims ("problem migration"). */
    return story_printf (flags, _("The dataset claims %1$s, but with one layer the ledger "
                                  "has nothing to check that claim against."), claim);

  if (claimed == ledger->verdict)
    /* Translators: %1$s is the verdict the dataset claims, the same as the ledger's. */
    return story_printf (flags, _("This agrees with the dataset’s own claim of %1$s."),
                         claim);

  verdict = term_arg (ledger->verdict, flags);
  /* Translators: %1$s is the verdict the dataset claims, %2$s the one its ledger
   * shows. */
  return story_printf (flags, _("The dataset claims %1$s, but its own ledger shows %2$s."),
                       claim, verdict);
}

GStrv
kasane_story_sentences (KasaneDataset    *dataset,
                        const char       *lang,
                        KasaneStoryFlags  flags)
{
  g_autoptr(KasaneLedger) ledger = NULL;
  GPtrArray *sentences;

  g_return_val_if_fail (dataset != NULL, NULL);

  ledger = kasane_ledger_compute (dataset);
  sentences = g_ptr_array_new ();
  for (guint i = 0; i < ledger->n_rows; i++)
    g_ptr_array_add (sentences, kasane_story_layer_sentence (dataset, ledger, i, lang, flags));
  g_ptr_array_add (sentences, kasane_story_verdict_sentence (dataset, ledger, lang, flags));
  g_ptr_array_add (sentences, kasane_story_claim_sentence (dataset, ledger, lang, flags));
  g_ptr_array_add (sentences, NULL);
  return (GStrv) g_ptr_array_free (sentences, FALSE);
}
