/* kasane-explain-view.c: the Explain view, the narrative of the lens and of each dataset
 *
 * A short essay on capability progression and problem migration, then one section per
 * loaded dataset: its title, sentences generated from its ledger (kasane-story) and the
 * dataset's own notes.  It is a column of wrapped labels in a scrolled window, sized for
 * reading at a desk and on a projector.  Terms and layer names are `kasane:` links;
 * activating one emits ::link-activated so the window can highlight it in the diagrams.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-explain-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-explain-view.h"

#include "kasane-robustness.h"
#include "kasane-whatif-text.h"
#include "kasane-i18n.h"

#include "kasane-render.h"
#include "kasane-widgets-util.h"
#include "kasane-clamp.h"
#include "kasane-ledger.h"
#include "kasane-story.h"

/* Body text is drawn larger than the UI font for reading across a room; a line holds
 * about 70 average characters of the larger text.  GtkLabel's max-width-chars counts in
 * the widget's font and takes the wider of its average character and digit, so the count
 * it is given comes from the font's metrics (column_chars ()). */
#define BODY_SCALE      1.35
/* Line spacing as a factor of the font's own line height: Noto CJK's is already tall,
 * so Japanese text takes a smaller factor for about the same look (1.7em or so). */
#define LINE_HEIGHT     1.4
#define LINE_HEIGHT_JA  1.2
#define COLUMN_CHARS    70

typedef enum
{
  TEXT_TITLE,
  TEXT_HEADING,
  TEXT_SUBHEADING,
  TEXT_LEAD,
  TEXT_BODY,
  TEXT_ITEM,
} TextKind;

struct _KasaneExplainView
{
  GtkWidget  parent_instance;

  GtkWidget *scrolled;
  GtkWidget *column;
  GPtrArray *datasets;   /* of KasaneDataset* (owned) */
  char      *lang;
  int        max_chars;  /* max-width-chars of every label, from column_chars () */
};

G_DEFINE_FINAL_TYPE (KasaneExplainView, kasane_explain_view, GTK_TYPE_WIDGET)

enum
{
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *heading;
  const char *paragraphs[4];   /* NULL-terminated */
} EssaySection;

/* The essay.  Each paragraph is one message; links are Pango markup:
 *   kasane:term/progression, kasane:term/migration   the two patterns
 *   kasane:layer/DATASET/LAYER                        a layer of a bundled dataset
 *   kasane:problem/DATASET/PROBLEM                    a problem of a bundled dataset
 * Translations keep every <a href="…"> with its address unchanged, around the words that
 * name the same thing; a test checks that the addresses match. */
/* The words the charts use, one meaning each (the glossary test keeps the Japanese to
 * one word per concept). */
static const struct
{
  const char *term;
  const char *meaning;
} glossary[] = {
  /* Translators: the glossary of the Explain view: a term, then what it means. */
  { N_("solves"), N_("the layer removes an open problem: its whole weight comes off the open load.") },
  { N_("eases"), N_("the layer lowers an open problem's weight by 1, never below 1.") },
  { N_("introduces"), N_("the layer adds a problem, at its weight.") },
  { N_("worsens"), N_("the layer raises an open problem's weight by 1.") },
  { N_("weight"), N_("how much a problem hurts, from 1 (an inconvenience) to 5 (it blocks the use): an editorial judgement, explained in each dataset's notes. The charts show it as (n).") },
  { N_("net"), N_("what a layer removed minus what it added; above zero, the open load went down.") },
  { N_("open load"), N_("the total weight of the problems still open after a layer.") },
  { N_("verdict"), N_("progression when every layer above the first lowered the open load; migration when every one fixed something yet left the load as high or higher; mixed otherwise.") },
};

static const EssaySection essay[] = {
  {
    NULL,
    {
      /* Translators: the opening paragraph of the Explain view. */
      N_("In the same few years, two very different fields came to describe their "
         "progress in layers: L1, L2, L3. In AI the layers are large language models, "
         "reasoning models and agents. In Ethereum they are the public chain, rollups "
         "and app-specific chains. The numbering lines up neatly. What each new layer "
         "did to the problems of the one below it does not."),
      NULL
    }
  },
  {
    /* Translators: a heading of the Explain view: a new layer can progress or move
     * the problem. */
    N_("Two ways a layer can go"),
    {
      /* Translators: Explain view.  Keep the <a href="…">…</a> markup and its address;
       * translate only the linked words.  "Capability progression" is 能力の進展. */
      N_("A new layer inherits the problems of the layers below it, and it can do one "
         "of two things with them. It can remove them, so that the stack as a whole can "
         "do more, with fewer open problems than before. Kasane calls this "
         "<a href=\"kasane:term/progression\">capability progression</a>: the first "
         "layer lays the base, the second fills its gaps, and the third brings both "
         "together into something new."),
      /* Translators: Explain view.  Keep the <a href="…">…</a> markup and its address.
       * "Problem migration" is 問題の移転. */
      N_("Or it can ease one problem while opening others, so that the difficulty is "
         "not removed but moved: from fees to fragmentation, from one chain to many. "
         "Kasane calls this <a href=\"kasane:term/migration\">problem migration</a>. "
         "Every layer can point to something it fixed, yet the total of what is still "
         "open does not go down."),
      /* Translators: Explain view.  "Open load" is the sum of the weights of the
       * problems still open after a layer, as in the ledger table. */
      N_("Kasane makes the difference countable. Each problem gets a weight, each layer "
         "a ledger of what it solved, eased, worsened and added, and the open load after "
         "a layer is the sum of the weights still open. When every layer lowers the "
         "load, the stack shows progression. When every layer fixes something but "
         "leaves the load as high as before or higher, it shows migration."),
      NULL
    }
  },
  {
    /* Translators: a heading of the Explain view. */
    N_("AI: what each layer took on"),
    {
      /* Translators: Explain view.  Keep the <a href="…">…</a> markup and its address. */
      N_("<a href=\"kasane:layer/ai/l1\">Large language models</a> laid the base. They "
         "understand and write language with a fluency no earlier system had, but they "
         "stumble where a long chain of steps has to hold: logical reasoning, "
         "arithmetic, proofs. And they can only answer; they cannot act."),
      /* Translators: Explain view.  Keep the <a href="…">…</a> markup and its address;
       * OpenAI o1 and DeepSeek R1 are product names. */
      N_("<a href=\"kasane:layer/ai/l2\">Reasoning models</a> such as OpenAI o1 and "
         "DeepSeek R1 went straight at that blind spot. They spend more computation "
         "thinking before they answer, and with it they solve hard mathematics and track "
         "down bugs in code that a plain language model would miss. The answers come "
         "slower and cost more, and on the hardest tests the errors fell a long way "
         "without going away."),
      /* Translators: Explain view.  Keep the <a href="…">…</a> markup and its address. */
      N_("<a href=\"kasane:layer/ai/l3\">Agents</a> bring the two layers together: "
         "language to understand the request, reasoning to work out a plan. Then they "
         "act on it. They plan, call tools and run whole workflows, turning a system "
         "that answers into one that gets things done. An agent that can act can also "
         "act wrongly, so a new risk appears, and whether agents removed more than they "
         "added is exactly what the ledger has to weigh."),
      NULL
    }
  },
  {
    /* Translators: a heading of the Explain view. */
    N_("Ethereum: each layer lowered fees and spread the rest thinner"),
    {
      /* Translators: Explain view.  Keep the <a href="…">…</a> markup and its address. */
      N_("The <a href=\"kasane:layer/crypto/l1\">public chain</a> is the base: one "
         "shared ledger, one pool of liquidity, every application able to call every "
         "other. It is also a bottleneck. Throughput is low, and when demand rises, gas "
         "fees rise with it."),
      /* Translators: Explain view.  Keep both <a href="…">…</a> links and their
       * addresses; the second marks the word for split liquidity. */
      N_("<a href=\"kasane:layer/crypto/l2\">Rollups</a> execute transactions away from "
         "the main chain and post the results back to it. Fees fell and throughput rose. "
         "But every rollup is a place of its own. Liquidity that once sat in one pool is "
         "now <a href=\"kasane:problem/crypto/fragmentation\">split</a> across many "
         "chains, moving between them takes bridges, and each chain has too few "
         "applications to stand on its own."),
      /* Translators: Explain view.  Keep the <a href="…">…</a> markup and its address. */
      N_("<a href=\"kasane:layer/crypto/l3\">App-specific chains</a> go one step further "
         "and give a single application a chain of its own, usually on top of a rollup. "
         "Fees for that application fall again. But every such chain runs alone, without "
         "the network effects of a shared ecosystem, and the user’s experience splits "
         "further: more bridges, more wallets, more places to look for the same assets."),
      NULL
    }
  },
  {
    /* Translators: a heading of the Explain view. */
    N_("What might drive the layers"),
    {
      /* Translators: Explain view. */
      N_("What pushes a field to add a layer is a guess, not something the data here "
         "measures. In AI, new layers are sold on capability: a reasoning model is "
         "judged by whether it solves what the last generation could not, and an agent "
         "by whether it finishes the task. That rewards removing a weakness, but it does "
         "not stop a layer from adding costs and risks of its own, and the ledgers "
         "below show that it did."),
      /* Translators: Explain view.  TVL, total value locked, is 総ロック量 in
       * Japanese. */
      N_("In Ethereum, one guess is that token economics plays a part: a new chain is "
         "often discussed in terms of its total value locked (TVL) and of its token, and "
         "launching a chain with a token of its own may be a way to raise both, whether "
         "or not the stack as a whole ends up with fewer problems. The datasets here do "
         "not settle it. They hold L2BEAT’s value secured on all L2s from August 2023 to "
         "June 2024, of which up to about a third was minted on the L2s themselves (their "
         "own tokens, but natively issued stablecoins too), and no token prices."),
      NULL
    }
  },
  {
    /* Translators: a heading of the Explain view: the comparison is a way of looking,
     * not a rule. */
    N_("A lens, not a law"),
    {
      /* Translators: Explain view. */
      N_("The comparison is a way of looking, not a rule of nature. The two stacks share "
         "a numbering and a few years, not a mechanism. Rollups really did lower fees, "
         "and many people use them every day; agents bring risks of their own. Whether a "
         "problem counts as solved or only eased, and how much it weighs, is a "
         "judgment. Kasane writes those judgments down so that anyone can check them and "
         "disagree, and the same lens can be turned on any technology that grew in "
         "layers: cloud services, network protocols, web frameworks."),
      NULL
    }
  },
  {
    /* Translators: a heading of the Explain view: the rules behind the weights and the
     * solves/eases choices of the bundled datasets. */
    N_("How the judgements are made"),
    {
      /* Translators: Explain view.  The weight scale of the rubric. */
      N_("Both bundled datasets follow one rubric. A weight says what a problem does to "
         "the people using a layer: 1, an inconvenience with a routine workaround; 2, a "
         "cost, where the use works but users pay in money, time or risk; 3, it stops "
         "some users or some tasks; 4, it stops most users or tasks in the layer’s main "
         "use, or makes every result need checking; 5, it blocks the main use."),
      /* Translators: Explain view.  When a layer "solves" (解決) rather than "eases"
       * (緩和) a problem. */
      N_("A layer solves a problem, rather than easing it, only on evidence in the "
         "dataset: on every series that measures the failure, the layer’s best result "
         "fails at most a tenth as often, or costs at most a tenth as much, as the best "
         "of the layer below; or, for a problem that says the layer below cannot do "
         "something at all, a dated and sourced event shows the new layer doing it. "
         "Anything less is easing. And problems are split one per distinct failure a "
         "user meets: two debits a user would meet as the same failure count once."),
      NULL
    }
  },
  {
    /* Translators: a heading of the Explain view. */
    N_("How losses pile up"),
    {
      /* Translators: Explain view. */
      N_("Layers do not replace one another; they stack. Whatever a layer leaves open "
         "stays open above it, and whatever it adds is carried by every layer built on "
         "top. When a layer removes more than it adds, the load shrinks. When it adds "
         "as much as it removes, the load stays where it was, and when it adds more, the "
         "load grows: split markets, bridges and a scattered experience do not go away "
         "when the next layer arrives. They become part of its foundation. The sections "
         "below follow that sum, layer by layer, for each loaded dataset."),
      NULL
    }
  },
};

static const char *
normalize_lang (const char *lang)
{
  return g_strcmp0 (lang, "ja") == 0 ? "ja" : "en";
}

static const char *
locale_lang (void)
{
  const char * const *names = g_get_language_names ();

  return g_str_has_prefix (names[0], "ja") ? "ja" : "en";
}

/* Text set in Japanese, or holding kana or kanji (a dataset text that fell back to
 * Japanese), gets the `ja` language so Pango picks Japanese glyph forms from Noto CJK
 * rather than the Chinese ones. */
static const char *
text_language (const char *text,
               const char *lang)
{
  if (g_str_equal (lang, "ja"))
    return "ja";
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
          script == G_UNICODE_SCRIPT_KATAKANA)
        return "ja";
    }
  return "en";
}

static gboolean
on_activate_link (GtkLabel          *label,
                  const char        *uri,
                  KasaneExplainView *self)
{
  if (!g_str_has_prefix (uri, "kasane:"))
    return FALSE;
  g_signal_emit (self, signals[LINK_ACTIVATED], 0, uri);
  return TRUE;
}

static GtkWidget *
add_text (KasaneExplainView *self,
          GtkWidget         *parent,
          TextKind           kind,
          const char        *text,
          gboolean           markup)
{
  GtkWidget *label;
  g_autofree char *breakable = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();
  double scale = BODY_SCALE;
  gboolean heading = kind == TEXT_TITLE || kind == TEXT_HEADING || kind == TEXT_SUBHEADING;
  const char *language = text_language (text, self->lang);

  label = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", heading ? GTK_ACCESSIBLE_ROLE_HEADING
                                                   : GTK_ACCESSIBLE_ROLE_LABEL,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD,
                        "xalign", 0.0f,
                        "halign", GTK_ALIGN_FILL,
                        "hexpand", TRUE,
                        "max-width-chars", self->max_chars,
                        NULL);
  /* Words, not characters: see kasane_widgets_breakable_text (). */
  breakable = kasane_widgets_breakable_text (text, markup);
  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), breakable);
  else
    gtk_label_set_text (GTK_LABEL (label), breakable);

  switch (kind)
    {
    case TEXT_TITLE:
      scale = 2.3;
      break;
    case TEXT_HEADING:
      scale = 1.75;
      gtk_widget_set_margin_top (label, 24);
      break;
    case TEXT_SUBHEADING:
      scale = 1.45;
      gtk_widget_set_margin_top (label, 6);
      break;
    case TEXT_LEAD:
      scale = 1.5;
      break;
    case TEXT_BODY:
    case TEXT_ITEM:
    default:
      break;
    }

  if (heading)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                      kind == TEXT_TITLE ? 1 : kind == TEXT_HEADING ? 2 : 3,
                                      -1);
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_line_height_new (1.2));
    }
  else
    pango_attr_list_insert (attrs, pango_attr_line_height_new (g_str_equal (language, "ja")
                                                               ? LINE_HEIGHT_JA
                                                               : LINE_HEIGHT));
  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_attr_list_insert (attrs,
                          pango_attr_language_new (pango_language_from_string (language)));
  /* Katakana words whole, on the text the label shows (markup parsed away). */
  {
    g_autofree char *plain = NULL;

    if (!markup || pango_parse_markup (breakable, -1, 0, NULL, &plain, NULL, NULL))
      kasane_render_keep_words (attrs, plain != NULL ? plain : breakable);
  }
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);

  if (markup)
    g_signal_connect_object (label, "activate-link", G_CALLBACK (on_activate_link), self, 0);

  if (kind == TEXT_ITEM)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *bullet = gtk_label_new ("•");
      PangoAttrList *bullet_attrs = pango_attr_list_new ();

      pango_attr_list_insert (bullet_attrs, pango_attr_scale_new (BODY_SCALE));
      pango_attr_list_insert (bullet_attrs,
                              pango_attr_line_height_new (g_str_equal (language, "ja")
                                                          ? LINE_HEIGHT_JA : LINE_HEIGHT));
      pango_attr_list_insert (bullet_attrs,
                              pango_attr_language_new (pango_language_from_string (language)));
      gtk_label_set_attributes (GTK_LABEL (bullet), bullet_attrs);
      pango_attr_list_unref (bullet_attrs);
      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN,
                                   TRUE, -1);
      gtk_widget_set_margin_start (row, 12);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (parent), row);
    }
  else
    gtk_box_append (GTK_BOX (parent), label);
  return label;
}

/* Sentences of one paragraph: Latin full stops want a space after them, Japanese ones
 * (。) none. */
static void
append_sentence (GString    *paragraph,
                 const char *sentence)
{
  if (paragraph->len > 0 && g_ascii_ispunct (paragraph->str[paragraph->len - 1]))
    g_string_append_c (paragraph, ' ');
  g_string_append (paragraph, sentence);
}

/* How much the verdict depends on the judgements: K of N, and what would flip it. */
static void
add_robustness (KasaneExplainView *self,
                GtkWidget         *section,
                KasaneDataset     *dataset)
{
  g_autoptr(KasaneRobustness) robustness = kasane_robustness_compute (dataset);
  GString *text;

  if (robustness->verdict == KASANE_VERDICT_NONE)
    return;
  text = g_string_new (NULL);
  /* Translators: in the Explain view; %1$u of %2$u single changes of the judgements keep
   * the verdict */
  g_string_append_printf (text, kasane_gettext (self->lang,
                                                N_("Of the %2$u single changes of the "
                                                   "judgements (one weight a step up or down, "
                                                   "one problem left out, one “solves” made "
                                                   "“eases” or the reverse), %1$u keep this "
                                                   "verdict.")),
                          robustness->n_keep, robustness->n_changes);
  kasane_whatif_text_append_flips (text, robustness, dataset,
                                   /* Translators: in the Explain view, before the changes
                                    * that would flip the verdict */
                                   kasane_gettext (self->lang, N_(" These would change it: ")),
                                   FALSE, self->lang);
  if (robustness->n_keep == robustness->n_changes)
    g_string_append (text, kasane_gettext (self->lang, N_(" None of them changes it.")));
  add_text (self, section, TEXT_BODY, text->str, FALSE);
  g_string_free (text, TRUE);
}

static void
add_dataset (KasaneExplainView *self,
             KasaneDataset     *dataset)
{
  g_autoptr(KasaneLedger) ledger = kasane_ledger_compute (dataset);
  g_autoptr(GString) verdict = g_string_new (NULL);
  g_autofree char *verdict_sentence = NULL;
  g_autofree char *claim_sentence = NULL;
  const char *title = kasane_text_get (&dataset->title, self->lang);
  const char * const *notes;
  GtkWidget *section;

  section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);
  gtk_box_append (GTK_BOX (self->column), section);

  add_text (self, section, TEXT_HEADING, *title != '\0' ? title : dataset->id, FALSE);
  {
    g_autofree char *marker = kasane_whatif_text_marker (&dataset, 1, self->lang);

    if (marker != NULL)
      add_text (self, section, TEXT_BODY, marker, FALSE);
  }

  /* Translators: a subheading in the Explain view, above one sentence per layer of a
   * dataset, generated from its ledger. */
  add_text (self, section, TEXT_SUBHEADING, _("The ledger, layer by layer"), FALSE);
  for (guint i = 0; i < ledger->n_rows; i++)
    {
      g_autofree char *sentence = kasane_story_layer_sentence (dataset, ledger, i, self->lang,
                                                               KASANE_STORY_MARKUP);
      add_text (self, section, TEXT_ITEM, sentence, TRUE);
    }

  verdict_sentence = kasane_story_verdict_sentence (dataset, ledger, self->lang,
                                                    KASANE_STORY_MARKUP);
  claim_sentence = kasane_story_claim_sentence (dataset, ledger, self->lang,
                                                KASANE_STORY_MARKUP);
  append_sentence (verdict, verdict_sentence);
  append_sentence (verdict, claim_sentence);
  /* Translators: a subheading in the Explain view, above the verdict of a dataset. */
  add_text (self, section, TEXT_SUBHEADING, _("Verdict"), FALSE);
  add_text (self, section, TEXT_BODY, verdict->str, TRUE);
  add_robustness (self, section, dataset);

  notes = kasane_text_list_get (&dataset->notes, self->lang);
  if (notes[0] != NULL)
    {
      /* Translators: a subheading in the Explain view, above the paragraphs a dataset
       * brings with it (its "notes"). */
      add_text (self, section, TEXT_SUBHEADING, _("Notes from the dataset"), FALSE);
      for (guint i = 0; notes[i] != NULL; i++)
        add_text (self, section, TEXT_BODY, notes[i], FALSE);
    }
}

static int
column_chars (KasaneExplainView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int average = pango_font_metrics_get_approximate_char_width (metrics);
  int digit = pango_font_metrics_get_approximate_digit_width (metrics);

  pango_font_metrics_unref (metrics);
  if (average <= 0 || digit <= 0)
    return (int) (COLUMN_CHARS * BODY_SCALE);
  return (int) (COLUMN_CHARS * BODY_SCALE * average / MAX (average, digit) + 0.5);
}

static void
rebuild (KasaneExplainView *self)
{
  GtkWidget *child;

  self->max_chars = column_chars (self);

  while ((child = gtk_widget_get_first_child (self->column)) != NULL)
    gtk_box_remove (GTK_BOX (self->column), child);

  /* Translators: the title of the Explain view's essay: two layered technologies
   * (AI and Ethereum) seen through one way of looking. */
  add_text (self, self->column, TEXT_TITLE, _("Two stacks, one lens"), FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (essay); i++)
    {
      const EssaySection *section = &essay[i];

      if (section->heading != NULL)
        add_text (self, self->column, TEXT_HEADING, _(section->heading), FALSE);
      for (guint j = 0; section->paragraphs[j] != NULL; j++)
        add_text (self, self->column, i == 0 ? TEXT_LEAD : TEXT_BODY,
                  _(section->paragraphs[j]), TRUE);
    }

  /* Translators: a heading of the Explain view, above the glossary. */
  add_text (self, self->column, TEXT_HEADING, _("The words used here"), FALSE);
  for (gsize i = 0; i < G_N_ELEMENTS (glossary); i++)
    {
      g_autofree char *item = g_markup_printf_escaped ("<b>%s</b> — %s", _(glossary[i].term),
                                                       _(glossary[i].meaning));

      add_text (self, self->column, TEXT_ITEM, item, TRUE);
    }

  /* Translators: a heading of the Explain view, above one section per loaded dataset. */
  add_text (self, self->column, TEXT_HEADING, _("The loaded datasets"), FALSE);
  if (self->datasets->len == 0)
    add_text (self, self->column, TEXT_BODY,
              _("No dataset is loaded. Open one to see its ledger told here."), FALSE);
  else
    add_text (self, self->column, TEXT_BODY,
              _("Each dataset below is told from its own ledger. The sentences are "
                "generated from the weights it gives, so they change when the dataset "
                "changes, and they work the same for a dataset of your own."), FALSE);

  for (guint i = 0; i < self->datasets->len; i++)
    add_dataset (self, g_ptr_array_index (self->datasets, i));
}

/* The font (and so the measure of the column) may change with the style. */
static void
kasane_explain_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  KasaneExplainView *self = KASANE_EXPLAIN_VIEW (widget);

  GTK_WIDGET_CLASS (kasane_explain_view_parent_class)->css_changed (widget, change);
  if (self->column != NULL && column_chars (self) != self->max_chars)
    rebuild (self);
}

static void
kasane_explain_view_dispose (GObject *object)
{
  KasaneExplainView *self = KASANE_EXPLAIN_VIEW (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  self->column = NULL;

  G_OBJECT_CLASS (kasane_explain_view_parent_class)->dispose (object);
}

static void
kasane_explain_view_finalize (GObject *object)
{
  KasaneExplainView *self = KASANE_EXPLAIN_VIEW (object);

  g_clear_pointer (&self->datasets, g_ptr_array_unref);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (kasane_explain_view_parent_class)->finalize (object);
}

static void
kasane_explain_view_class_init (KasaneExplainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kasane_explain_view_dispose;
  object_class->finalize = kasane_explain_view_finalize;

  widget_class->css_changed = kasane_explain_view_css_changed;

  /**
   * KasaneExplainView::link-activated:
   * @uri: a `kasane:` address: `kasane:term/progression`, `kasane:layer/ai/l2`,
   *   `kasane:problem/crypto/fragmentation`, …
   *
   * A term, layer or problem named in the text was activated.
   */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "explainview");
}

static void
kasane_explain_view_init (KasaneExplainView *self)
{
  GtkWidget *viewport_child;

  self->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
  self->lang = g_strdup (locale_lang ());

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->column, 48);
  gtk_widget_set_margin_bottom (self->column, 72);
  gtk_widget_set_margin_start (self->column, 32);
  gtk_widget_set_margin_end (self->column, 32);
  /* The column at the measure its labels' max-width-chars give, centred. */
  viewport_child = kasane_clamp_new (self->column, KASANE_CLAMP_NATURAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), viewport_child);

  rebuild (self);
}

GtkWidget *
kasane_explain_view_new (void)
{
  return g_object_new (KASANE_TYPE_EXPLAIN_VIEW, NULL);
}

void
kasane_explain_view_set_datasets (KasaneExplainView  *self,
                                  KasaneDataset     **datasets,
                                  guint               n)
{
  g_return_if_fail (KASANE_IS_EXPLAIN_VIEW (self));
  g_return_if_fail (datasets != NULL || n == 0);

  g_ptr_array_set_size (self->datasets, 0);
  for (guint i = 0; i < n; i++)
    if (datasets[i] != NULL)
      g_ptr_array_add (self->datasets, kasane_dataset_ref (datasets[i]));
  rebuild (self);
}

void
kasane_explain_view_set_language (KasaneExplainView *self,
                                  const char        *lang)
{
  g_return_if_fail (KASANE_IS_EXPLAIN_VIEW (self));

  g_free (self->lang);
  self->lang = g_strdup (normalize_lang (lang));
  rebuild (self);
}

const char *
kasane_explain_view_get_language (KasaneExplainView *self)
{
  g_return_val_if_fail (KASANE_IS_EXPLAIN_VIEW (self), NULL);

  return self->lang;
}
