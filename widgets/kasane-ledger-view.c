/* kasane-ledger-view.c: the Ledger view, a dataset's verdict and its problem ledger
 *
 * The selected dataset's title and file name, the verdict the ledger computes beside the
 * dataset's own claim, and the ledger as a table: a row per layer with the problems it
 * introduces, solves, mitigates and worsens, and its credit, debit, net and open load.
 * A file that never loaded gets a page of its own instead, with its located errors.
 * The window builds the view the first time the Ledger view is shown.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-ledger-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kasane-ledger-view.h"
#include "kasane-robustness.h"
#include "kasane-ledger-editor.h"
#include "kasane-whatif.h"
#include "kasane-whatif-text.h"

#include "kasane-clamp.h"
#include "kasane-ledger.h"
#include "kasane-render.h"
#include "kasane-widgets-util.h"

struct _KasaneLedgerView
{
  GtkBox     parent_instance;

  char      *verdict_text;   /* the verdict and the claim in one sentence, or NULL */

  GtkWidget *stack;          /* the one child: the pages "dataset" and "failed" */
  GtkLabel  *title_label;
  GtkLabel  *file_label;
  GtkWidget *verdict_row;
  GtkWidget *verdict_badge;
  GtkImage  *verdict_icon;
  GtkLabel  *verdict_label;
  GtkLabel  *robustness_label;   /* K of N */
  GtkWidget *flips_box;          /* each change that flips the verdict, with Try */
  char      *robustness_text;    /* K of N and the flips, in one text */
  KasaneDataset *dataset;        /* the one shown, or NULL */
  char      *lang;
  GtkWidget *whatif_bar;         /* what is changed, Reset, Save As… */
  GtkLabel  *whatif_label;
  GtkWidget *editor;             /* KasaneLedgerEditor */
  GtkWidget *editor_expander;
  KasaneDataset *editor_file;    /* the file the expander was last opened or closed for */
  GtkWidget *claim_box;
  GtkImage  *claim_icon;
  GtkLabel  *claim_label;
  GtkGrid   *ledger_grid;
  GtkLabel  *failed_title;
  GtkLabel  *failed_label;
};

G_DEFINE_FINAL_TYPE (KasaneLedgerView, kasane_ledger_view, GTK_TYPE_BOX)

/* The what-if editor opens by itself for a dataset of at most this many problems. */
#define EDITOR_OPEN_MAX 40

enum { EDIT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
try_clicked_cb (GtkButton        *button,
                KasaneLedgerView *self)
{
  g_signal_emit (self, signals[EDIT], 0, g_object_get_data (G_OBJECT (button), "change"));
}

static void
editor_edit_cb (KasaneLedgerView *self,
                KasaneChange     *change)
{
  g_signal_emit (self, signals[EDIT], 0, change);
}

/* The editor's controls follow the dataset only while they are shown. */
static void
editor_expanded_cb (KasaneLedgerView *self)
{
  if (self->dataset != NULL && gtk_expander_get_expanded (GTK_EXPANDER (self->editor_expander)))
    kasane_ledger_editor_set_dataset (KASANE_LEDGER_EDITOR (self->editor), self->dataset,
                                      self->lang);
}

/* The ledger table */

/* The short word of a verdict, for the badge. */
static const char *
verdict_word (KasaneVerdict verdict)
{
  static const char * const words[] = {
    [KASANE_VERDICT_NONE] = NC_("verdict", "None"),
    [KASANE_VERDICT_PROGRESSION] = NC_("verdict", "Progression"),
    [KASANE_VERDICT_MIGRATION] = NC_("verdict", "Migration"),
    [KASANE_VERDICT_MIXED] = NC_("verdict", "Mixed"),
  };

  /* Anything else reads as no verdict. */
  if ((guint) verdict >= G_N_ELEMENTS (words))
    verdict = KASANE_VERDICT_NONE;
  return g_dpgettext2 (GETTEXT_PACKAGE, "verdict", words[verdict]);
}

/* A claim names one of the verdicts: it takes the same word. */
static const char *
claim_word (KasaneClaim claim)
{
  G_STATIC_ASSERT ((int) KASANE_CLAIM_NONE == (int) KASANE_VERDICT_NONE);
  G_STATIC_ASSERT ((int) KASANE_CLAIM_PROGRESSION == (int) KASANE_VERDICT_PROGRESSION);
  G_STATIC_ASSERT ((int) KASANE_CLAIM_MIGRATION == (int) KASANE_VERDICT_MIGRATION);
  G_STATIC_ASSERT ((int) KASANE_CLAIM_MIXED == (int) KASANE_VERDICT_MIXED);

  return verdict_word ((KasaneVerdict) claim);
}

/* A verdict inside a sentence ("the verdict would be mixed"). */
static const char *
verdict_in_sentence (KasaneVerdict verdict)
{
  static const char * const words[] = {
    [KASANE_VERDICT_NONE] = NC_("verdict in a sentence", "none"),
    [KASANE_VERDICT_PROGRESSION] = NC_("verdict in a sentence", "progression"),
    [KASANE_VERDICT_MIGRATION] = NC_("verdict in a sentence", "migration"),
    [KASANE_VERDICT_MIXED] = NC_("verdict in a sentence", "mixed"),
  };

  if ((guint) verdict >= G_N_ELEMENTS (words))
    verdict = KASANE_VERDICT_NONE;
  return g_dpgettext2 (GETTEXT_PACKAGE, "verdict in a sentence", words[verdict]);
}

/* How much the verdict depends on the judgements (DESIGN.md, "Robustness of the
 * verdict"): K of N single changes keep it, and each one that flips it, in words, with a
 * button that tries it as a what-if. */
static void try_clicked_cb (GtkButton        *button,
                            KasaneLedgerView *self);

static char *
flip_sentence (const KasaneChange *change,
               KasaneDataset      *dataset,
               const char         *lang)
{
  KasaneProblem *problem = g_ptr_array_index (dataset->problems, change->problem);
  const char *label = kasane_text_get (&problem->label, lang);
  const char *layer = change->layer >= 0
    ? kasane_text_get (&((KasaneLayer *) g_ptr_array_index (dataset->layers,
                                                             change->layer))->name, lang)
    : "";
  const char *verdict = verdict_in_sentence (change->verdict);

  switch (change->kind)
    {
    case KASANE_CHANGE_WEIGHT:
      /* Translators: %1$s a problem, %2$d the weight tried, %3$d its weight, %4$s a
       * verdict in a sentence */
      return g_strdup_printf (_("If “%1$s” weighed %2$d instead of %3$d, the verdict "
                                "would be %4$s."),
                              label, change->to, change->from, verdict);
    case KASANE_CHANGE_DROP:
      /* Translators: %1$s a problem, %2$s a verdict in a sentence */
      return g_strdup_printf (_("If “%1$s” were left out, the verdict would be %2$s."),
                              label, verdict);
    case KASANE_CHANGE_SOLVES_TO_MITIGATES:
      /* Translators: %1$s a layer, %2$s a problem, %3$s a verdict in a sentence */
      return g_strdup_printf (_("If %1$s only eased “%2$s” instead of solving it, the "
                                "verdict would be %3$s."),
                              layer, label, verdict);
    case KASANE_CHANGE_MITIGATES_TO_SOLVES:
    default:
      /* Translators: %1$s a layer, %2$s a problem, %3$s a verdict in a sentence */
      return g_strdup_printf (_("If %1$s solved “%2$s” instead of easing it, the "
                                "verdict would be %3$s."),
                              layer, label, verdict);
    }
}

static void
fill_robustness (KasaneLedgerView *self,
                 KasaneDataset    *dataset,
                 const char       *lang)
{
  g_autoptr(KasaneRobustness) robustness = kasane_robustness_compute (dataset);
  KasaneDataset *file = kasane_whatif_get_file (dataset);
  g_autofree char *summary = NULL;
  GString *text;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->flips_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->flips_box), child);
  g_clear_pointer (&self->robustness_text, g_free);
  if (robustness->verdict == KASANE_VERDICT_NONE)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->robustness_label), FALSE);
      gtk_widget_set_visible (self->flips_box, FALSE);
      return;
    }
  /* Translators: %1$u single changes out of %2$u keep the verdict */
  summary = g_strdup_printf (_("The verdict holds under %1$u of %2$u single changes of the "
                               "judgements: a weight one step up or down, a problem left "
                               "out, a “solves” made “eases” or the reverse."),
                             robustness->n_keep, robustness->n_changes);
  text = g_string_new (summary);
  for (guint i = 0; i < robustness->changes->len; i++)
    {
      KasaneChange change = g_array_index (robustness->changes, KasaneChange, i);
      KasaneProblem *problem = g_ptr_array_index (dataset->problems, change.problem);
      g_autofree char *sentence = NULL;
      GtkWidget *row, *label, *button;

      if (!kasane_robustness_flips (robustness, i))
        continue;
      sentence = flip_sentence (&change, dataset, lang);
      g_string_append_printf (text, "\n• %s", sentence);

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      label = kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR);
      gtk_label_set_text (GTK_LABEL (label), sentence);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), label);
      /* Translators: button beside a change that would flip the verdict: apply it as a
       * what-if */
      button = gtk_button_new_with_mnemonic (_("_Try It"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: tooltip of the Try It button */
      gtk_widget_set_tooltip_text (button, _("Show every view with this change, as a what-if"));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
      /* The change in the file's indices (a what-if may have dropped problems). */
      change.problem = (guint) kasane_dataset_find_problem (file, problem->id);
      g_object_set_data_full (G_OBJECT (button), "change",
                              g_memdup2 (&change, sizeof change), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (try_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (self->flips_box), row);
    }
  gtk_label_set_text (self->robustness_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->robustness_label), TRUE);
  gtk_widget_set_visible (self->flips_box, gtk_widget_get_first_child (self->flips_box) != NULL);
  self->robustness_text = g_string_free (text, FALSE);
}

/* The what-if on screen: what is changed, with Reset and Save As…, over the page. */
static void
fill_whatif (KasaneLedgerView *self,
             KasaneDataset    *dataset,
             const char       *lang)
{
  g_autofree char *marker = kasane_whatif_text_marker (&dataset, 1, lang);

  gtk_widget_set_visible (self->whatif_bar, marker != NULL);
  gtk_label_set_text (self->whatif_label, marker != NULL ? marker : "");
}

/* Signed numbers with a real minus sign, so that the columns line up in tabular figures. */
static char *
format_signed (int value)
{
  if (value > 0)
    return g_strdup_printf ("+%d", value);
  if (value < 0)
    return g_strdup_printf ("\xe2\x88\x92%d", -value);
  return g_strdup ("0");
}

static guint
grid_row_for_layer (int layer)
{
  /* Row 0 holds the headers, then every layer is a row after a separator row. */
  return layer < 0 ? 0 : 2 + 2 * (guint) layer;
}

static void
set_cell_position (GtkWidget *cell,
                   guint      row,
                   guint      column)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) row + 1,
                                  GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) column + 1,
                                  -1);
}

static GtkWidget *
create_cell_label (const char         *text,
                   GtkAccessibleRole   role,
                   gboolean            number)
{
  /* Words, not characters: see kasane_widgets_breakable_text (). */
  g_autofree char *breakable = kasane_widgets_breakable_text (text, FALSE);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", role,
                                   "label", breakable,
                                   "xalign", number ? 1.0f : 0.0f,
                                   "yalign", 0.0f,
                                   "wrap", !number,
                                   "wrap-mode", PANGO_WRAP_WORD,
                                   "valign", GTK_ALIGN_START,
                                   NULL);

  if (!number)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      kasane_render_keep_words (attrs, breakable);
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }
  if (number)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "number");
    }
  else
    {
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
    }
  return label;
}

static void
attach_cell (KasaneLedgerView *self,
             GtkWidget        *cell,
             int               layer,
             guint             column)
{
  guint row = grid_row_for_layer (layer);

  set_cell_position (cell, layer + 1, column);
  gtk_grid_attach (self->ledger_grid, cell, column, row, 1, 1);
}

static char *
join_problems (KasaneDataset *dataset,
               GArray        *indices,
               const char    *lang)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      KasaneProblem *problem;

      if (index >= dataset->problems->len)
        continue;
      problem = g_ptr_array_index (dataset->problems, index);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, kasane_text_get (&problem->label, lang));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
fill_ledger (KasaneLedgerView *self,
             KasaneDataset    *dataset,
             KasaneLedger     *ledger,
             const char       *lang)
{
  static const char *headers[KASANE_LEDGER_N_COLUMNS] = {
    /* Translators: ledger table column headers */
    N_("Layer"), N_("Introduces"), N_("Solves"), N_("Eases"), N_("Worsens"),
    N_("Credit"), N_("Debit"), N_("Net"), N_("Open load"),
  };
  const char *title = kasane_text_get (&dataset->title, lang);
  g_autofree char *table_label = NULL;

  clear_grid (self->ledger_grid);

  for (guint column = 0; column < KASANE_LEDGER_N_COLUMNS; column++)
    {
      gboolean number = column >= KASANE_LEDGER_COLUMN_CREDIT;
      GtkWidget *header = create_cell_label (_(headers[column]),
                                             GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, number);

      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "column-header");
      /* Break headers between words only, so a narrow number column keeps "Credit" whole;
       * a header of one word (every Japanese one: 持ち込む, 解決する) not at all. */
      gtk_label_set_wrap (GTK_LABEL (header), strchr (_(headers[column]), ' ') != NULL);
      gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (header), -1);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      attach_cell (self, header, -1, column);
    }

  for (guint i = 0; i < dataset->layers->len && i < ledger->n_rows; i++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, i);
      KasaneLedgerRow *row = &ledger->rows[i];
      GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      GtkWidget *layer_box = g_object_new (GTK_TYPE_BOX,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_ROW_HEADER,
                                           "orientation", GTK_ORIENTATION_VERTICAL,
                                           "spacing", 2,
                                           "valign", GTK_ALIGN_START,
                                           NULL);
      g_autofree char *level_number = NULL;
      g_autofree char *level_text = NULL;
      g_autofree char *layer_label = NULL;
      GtkWidget *level;
      GtkWidget *name;
      int values[4] = { row->credit, row->debit, row->net, row->open_load };

      gtk_grid_attach (self->ledger_grid, separator, 0, grid_row_for_layer (i) - 1,
                       KASANE_LEDGER_N_COLUMNS, 1);

      level_number = g_strdup_printf ("%" G_GINT64_FORMAT, layer->level);
      /* Translators: the short tag of a layer; %s is its level, as in "L1", "L2" */
      level_text = g_strdup_printf (_("L%s"), level_number);
      level = gtk_label_new (level_text);
      gtk_label_set_xalign (GTK_LABEL (level), 0);
      gtk_widget_add_css_class (level, "layer-tag");
      gtk_widget_add_css_class (level, "numeric");
      gtk_box_append (GTK_BOX (layer_box), level);

      name = create_cell_label (kasane_text_get (&layer->name, lang),
                                GTK_ACCESSIBLE_ROLE_LABEL, FALSE);
      gtk_widget_set_name (name, "layer-name");
      gtk_widget_add_css_class (name, "layer-name");
      gtk_label_set_width_chars (GTK_LABEL (name), 10);
      gtk_widget_set_hexpand (layer_box, TRUE);
      gtk_box_append (GTK_BOX (layer_box), name);

      /* Translators: accessible name of the first cell of a ledger row; %1$s is the
       * level tag ("L2"), %2$s the layer name */
      layer_label = g_strdup_printf (_("%1$s %2$s"), level_text,
                                     kasane_text_get (&layer->name, lang));
      gtk_accessible_update_property (GTK_ACCESSIBLE (layer_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, layer_label,
                                      -1);
      attach_cell (self, layer_box, i, KASANE_LEDGER_COLUMN_LAYER);

      for (guint effect = 0; effect < KASANE_N_EFFECTS; effect++)
        {
          static const guint columns[KASANE_N_EFFECTS] = {
            [KASANE_EFFECT_INTRODUCES] = KASANE_LEDGER_COLUMN_INTRODUCES,
            [KASANE_EFFECT_SOLVES] = KASANE_LEDGER_COLUMN_SOLVES,
            [KASANE_EFFECT_MITIGATES] = KASANE_LEDGER_COLUMN_MITIGATES,
            [KASANE_EFFECT_WORSENS] = KASANE_LEDGER_COLUMN_WORSENS,
          };
          g_autofree char *text = join_problems (dataset, layer->effects[effect], lang);
          GtkWidget *cell;

          if (text[0] == '\0')
            {
              /* An em dash reads as "nothing" at a glance; screen readers get a word. */
              cell = create_cell_label ("\xe2\x80\x94", GTK_ACCESSIBLE_ROLE_CELL, FALSE);
              gtk_widget_add_css_class (cell, "dim-label");
              gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              /* Translators: accessible text of an empty
                                               * cell of the ledger table */
                                              C_("ledger cell", "None"),
                                              -1);
            }
          else
            {
              cell = create_cell_label (text, GTK_ACCESSIBLE_ROLE_CELL, FALSE);
            }
          gtk_widget_set_hexpand (cell, TRUE);
          attach_cell (self, cell, i, columns[effect]);
        }

      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        {
          guint column = KASANE_LEDGER_COLUMN_CREDIT + k;
          g_autofree char *text = column == KASANE_LEDGER_COLUMN_NET
                                  ? format_signed (values[k])
                                  : g_strdup_printf ("%d", values[k]);
          GtkWidget *cell = create_cell_label (text, GTK_ACCESSIBLE_ROLE_CELL, TRUE);

          if (column == KASANE_LEDGER_COLUMN_NET)
            gtk_widget_add_css_class (cell, values[k] > 0 ? "net-positive"
                                            : values[k] < 0 ? "net-negative" : "net-zero");
          attach_cell (self, cell, i, column);
        }
    }

  /* Translators: accessible name of the ledger table; %s is the dataset title */
  table_label = g_strdup_printf (_("Problem ledger of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ledger_grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, table_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ledger_grid),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Layers from the lowest up, with the problems each "
                                    "introduces, solves, mitigates and worsens, and its "
                                    "credit, debit, net and open load."),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->ledger_grid),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT,
                                  (int) dataset->layers->len + 1,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT,
                                  (int) KASANE_LEDGER_N_COLUMNS,
                                  -1);
}

static void
set_verdict_classes (GtkWidget  *widget,
                     const char *name,
                     const char * const *all)
{
  for (guint i = 0; all[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, all[i]);
  gtk_widget_add_css_class (widget, name);
}

static void
fill_verdict (KasaneLedgerView *self,
              KasaneDataset    *dataset,
              KasaneLedger     *ledger)
{
  static const char * const verdict_classes[] = {
    "progression", "migration", "mixed", "none", NULL
  };
  static const char * const claim_classes[] = {
    "agrees", "differs", "unchecked", "no-claim", NULL
  };
  KasaneVerdict verdict = ledger->verdict;
  g_autofree char *verdict_text = NULL;
  g_autofree char *claim_text = NULL;
  const char *verdict_icon;
  const char *claim_icon;
  const char *claim_class;

  if (verdict == KASANE_VERDICT_NONE)
    {
      verdict_text = g_strdup (_("No verdict (one layer)"));
      verdict_icon = "dialog-information-symbolic";
    }
  else
    {
      /* Translators: %s is a verdict word such as "Migration" */
      verdict_text = g_strdup_printf (_("Verdict: %s"), verdict_word (verdict));
      verdict_icon = verdict == KASANE_VERDICT_PROGRESSION ? "go-up-symbolic"
                     : verdict == KASANE_VERDICT_MIGRATION ? "media-playlist-shuffle-symbolic"
                     : "checkbox-mixed-symbolic";
    }

  if (dataset->claim == KASANE_CLAIM_NONE)
    {
      claim_text = g_strdup (_("The dataset makes no claim"));
      claim_icon = "dialog-information-symbolic";
      claim_class = "no-claim";
    }
  else if (verdict == KASANE_VERDICT_NONE)
    {
      /* Translators: %s is the verdict word the dataset claims; one layer cannot be
       * checked */
      claim_text = g_strdup_printf (_("Claim: %s (not checked)"), claim_word (dataset->claim));
      claim_icon = "dialog-information-symbolic";
      claim_class = "unchecked";
    }
  else if (ledger->agrees)
    {
      /* Translators: %s is the verdict word the dataset claims */
      claim_text = g_strdup_printf (_("Claim: %s (agrees)"), claim_word (dataset->claim));
      claim_icon = "emblem-ok-symbolic";
      claim_class = "agrees";
    }
  else
    {
      /* Translators: %s is the verdict word the dataset claims, which is not the one
       * computed */
      claim_text = g_strdup_printf (_("Claim: %s (differs)"), claim_word (dataset->claim));
      claim_icon = "dialog-warning-symbolic";
      claim_class = "differs";
    }

  gtk_label_set_text (self->verdict_label, verdict_text);
  gtk_image_set_from_icon_name (self->verdict_icon, verdict_icon);
  switch (verdict)
    {
    case KASANE_VERDICT_PROGRESSION:
      set_verdict_classes (self->verdict_badge, "progression", verdict_classes);
      break;
    case KASANE_VERDICT_MIGRATION:
      set_verdict_classes (self->verdict_badge, "migration", verdict_classes);
      break;
    case KASANE_VERDICT_MIXED:
      set_verdict_classes (self->verdict_badge, "mixed", verdict_classes);
      break;
    case KASANE_VERDICT_NONE:
    default:
      set_verdict_classes (self->verdict_badge, "none", verdict_classes);
      break;
    }

  gtk_label_set_text (self->claim_label, claim_text);
  gtk_image_set_from_icon_name (self->claim_icon, claim_icon);
  set_verdict_classes (self->claim_box, claim_class, claim_classes);

  g_free (self->verdict_text);
  /* Translators: the verdict and the claim in one sentence, as in
   * "Verdict: Migration · Claim: Migration (agrees)" */
  self->verdict_text = g_strdup_printf (_("%1$s · %2$s"), verdict_text, claim_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->verdict_text,
                                  -1);
}

/* The widget */

/* The verdict badge and the claim: an icon before `label`, in a box of `css_class`. */
static GtkWidget *
new_icon_box (const char  *css_class,
              int          spacing,
              GtkLabel    *label,
              GtkImage   **icon_out)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "spacing", spacing,
                                 "valign", GTK_ALIGN_CENTER,
                                 NULL);

  gtk_widget_add_css_class (box, css_class);
  *icon_out = g_object_new (GTK_TYPE_IMAGE,
                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                            NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*icon_out));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (label));
  return box;
}

static void
kasane_ledger_view_finalize (GObject *object)
{
  KasaneLedgerView *self = KASANE_LEDGER_VIEW (object);

  g_free (self->verdict_text);
  g_free (self->robustness_text);
  g_free (self->lang);
  g_clear_pointer (&self->dataset, kasane_dataset_unref);

  G_OBJECT_CLASS (kasane_ledger_view_parent_class)->finalize (object);
}

static void
kasane_ledger_view_class_init (KasaneLedgerViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kasane_ledger_view_finalize;

  /**
   * KasaneLedgerView::edit:
   * @change: (type gpointer): a KasaneChange to make, its indices into the file's
   *   dataset: from the what-if editor, or a flip's Try It
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
kasane_ledger_view_init (KasaneLedgerView *self)
{
  GtkWidget *scrolled;
  GtkWidget *clamp;
  GtkWidget *box;
  GtkWidget *heading;
  GtkWidget *caption;
  GtkWidget *failed_box;
  GtkWidget *buttons;
  GtkWidget *failed_page;

  /* The box expands as its stack does: the view fills the Ledger page. */
  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_widget_set_hexpand (self->stack, TRUE);

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 12,
                      "margin-top", 24,
                      "margin-bottom", 24,
                      "margin-start", 24,
                      "margin-end", 24,
                      NULL);

  /* A what-if says so above everything else, with the way back. */
  {
    GtkWidget *bar_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    self->whatif_bar = g_object_new (GTK_TYPE_BOX, "spacing", 12, "visible", FALSE, NULL);
    gtk_widget_add_css_class (self->whatif_bar, "whatif");
    self->whatif_label = GTK_LABEL (kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR));
    gtk_widget_set_hexpand (GTK_WIDGET (self->whatif_label), TRUE);
    gtk_box_append (GTK_BOX (self->whatif_bar), GTK_WIDGET (self->whatif_label));
    gtk_widget_set_valign (bar_buttons, GTK_ALIGN_CENTER);
    /* Translators: button of the what-if bar: back to the file's own data */
    gtk_box_append (GTK_BOX (bar_buttons), kasane_widgets_new_pill_button (_("_Reset"),
                                                                       "win.whatif-reset", FALSE));
    /* Translators: button of the what-if bar: write the what-if as a new dataset file */
    gtk_box_append (GTK_BOX (bar_buttons), kasane_widgets_new_pill_button (_("_Save As…"),
                                                                       "win.whatif-save-as",
                                                                       FALSE));
    gtk_box_append (GTK_BOX (self->whatif_bar), bar_buttons);
    gtk_box_append (GTK_BOX (box), self->whatif_bar);
  }

  /* Not selectable: the view takes the keyboard when it is shown, and a selectable
   * heading would take it first and show itself selected whole. */
  self->title_label = g_object_new (GTK_TYPE_LABEL,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                    "xalign", 0.0f,
                                    "wrap", TRUE,
                                    "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                    NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-1");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));

  self->file_label = GTK_LABEL (kasane_widgets_new_wrapping_label (PANGO_WRAP_CHAR));
  gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->file_label));

  self->verdict_row = g_object_new (GTK_TYPE_BOX,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                    "spacing", 12,
                                    "margin-top", 6,
                                    NULL);
  self->verdict_label = g_object_new (GTK_TYPE_LABEL,
                                      "wrap", TRUE,
                                      "xalign", 0.0f,
                                      NULL);
  self->verdict_badge = new_icon_box ("verdict-badge", 8, self->verdict_label,
                                      &self->verdict_icon);
  gtk_box_append (GTK_BOX (self->verdict_row), self->verdict_badge);

  self->claim_label = GTK_LABEL (kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR));
  self->claim_box = new_icon_box ("claim", 6, self->claim_label, &self->claim_icon);
  gtk_box_append (GTK_BOX (self->verdict_row), self->claim_box);
  gtk_box_append (GTK_BOX (box), self->verdict_row);

  self->robustness_label = GTK_LABEL (kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->robustness_label));
  self->flips_box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6, "margin-start", 12, NULL);
  gtk_box_append (GTK_BOX (box), self->flips_box);

  heading = g_object_new (GTK_TYPE_LABEL,
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          /* Translators: Heading above the table of credit, debit and open
                           * load per layer */
                          "label", _("Problem Ledger"),
                          "xalign", 0.0f,
                          "margin-top", 18,
                          "wrap", TRUE,
                          NULL);
  gtk_widget_add_css_class (heading, "title-3");
  gtk_box_append (GTK_BOX (box), heading);

  caption = kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR);
  gtk_label_set_text (GTK_LABEL (caption),
                      /* Translators: Explains the columns of the ledger table */
                      _("Layers from the lowest up. Credit is the problem weight a layer "
                        "removed, debit the weight it added, and net is credit minus debit. "
                        "Open load is the weight of problems still open after the layer."));
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  self->ledger_grid = g_object_new (GTK_TYPE_GRID,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE,
                                    "column-spacing", 14,
                                    "row-spacing", 10,
                                    "margin-top", 6,
                                    NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->ledger_grid), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->ledger_grid), "ledger");
  /* A narrow window scrolls the table sideways rather than growing past the screen.  The
   * scroller asks for the table's height at its narrowest; the card keeps its own. */
  gtk_widget_set_valign (GTK_WIDGET (self->ledger_grid), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                               "hscrollbar-policy", GTK_POLICY_AUTOMATIC,
                                               "vscrollbar-policy", GTK_POLICY_NEVER,
                                               "propagate-natural-width", TRUE,
                                               "child", self->ledger_grid,
                                               NULL));
  {
    /* Translators: button under the ledger table: put it on the clipboard as CSV */
    GtkWidget *copy = gtk_button_new_with_mnemonic (_("Copy as _CSV"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "win.copy-ledger-csv");
    gtk_widget_set_halign (copy, GTK_ALIGN_END);
    /* Translators: tooltip of the Copy as CSV button */
    gtk_widget_set_tooltip_text (copy, _("The ledger table, for a spreadsheet"));
    gtk_box_append (GTK_BOX (box), copy);
  }

  /* The what-if editor: the judgements behind the verdict, each one editable. */
  /* An expander: a stack of hundreds of problems builds its controls only when asked. */
  {
    GtkWidget *editor_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    heading = g_object_new (GTK_TYPE_LABEL,
                            /* Translators: Heading above the what-if editor */
                            "label", _("What If?"),
                            "xalign", 0.0f,
                            "wrap", TRUE,
                            NULL);
    gtk_widget_add_css_class (heading, "title-3");
    self->editor_expander = g_object_new (GTK_TYPE_EXPANDER,
                                          "label-widget", heading,
                                          "margin-top", 18,
                                          "child", editor_box,
                                          NULL);
    g_signal_connect_swapped (self->editor_expander, "notify::expanded",
                              G_CALLBACK (editor_expanded_cb), self);
    gtk_box_append (GTK_BOX (box), self->editor_expander);
    caption = kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR);
    gtk_label_set_text (GTK_LABEL (caption),
                        /* Translators: Explains the what-if editor */
                        _("Change a weight, leave a problem out, or say whether a layer solves a "
                          "problem or only eases it. Every view follows at once and is marked as "
                          "a what-if; Ctrl+Z undoes a change, Reset returns to the file."));
    gtk_widget_add_css_class (caption, "dim-label");
    gtk_widget_set_margin_top (caption, 6);
    gtk_box_append (GTK_BOX (editor_box), caption);
    self->editor = kasane_ledger_editor_new ();
    g_signal_connect_swapped (self->editor, "edit", G_CALLBACK (editor_edit_cb), self);
    gtk_box_append (GTK_BOX (editor_box), g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                                        "hscrollbar-policy", GTK_POLICY_AUTOMATIC,
                                                        "vscrollbar-policy", GTK_POLICY_NEVER,
                                                        "propagate-natural-width", TRUE,
                                                        "child", self->editor,
                                                        NULL));
  }

  clamp = kasane_clamp_new (box, 1400);
  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "child", clamp,
                           NULL);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "dataset");

  /* A file that never loaded: its errors, and what to do about them. */
  failed_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 320,
                           NULL);
  gtk_widget_add_css_class (scrolled, "diagnostics");
  gtk_widget_add_css_class (scrolled, "card");
  self->failed_label = GTK_LABEL (kasane_widgets_new_errors_label ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->failed_label));
  gtk_box_append (GTK_BOX (failed_box), scrolled);

  buttons = g_object_new (GTK_TYPE_BOX,
                          "spacing", 12,
                          "halign", GTK_ALIGN_CENTER,
                          "homogeneous", TRUE,
                          NULL);
  gtk_box_append (GTK_BOX (buttons),
                  /* Translators: Button under the errors of a file that could not be loaded:
                   * read it again */
                  kasane_widgets_new_pill_button (_("_Reload"), "win.reload", TRUE));
  gtk_box_append (GTK_BOX (buttons),
                  /* Translators: Button under the errors of a file that could not be loaded:
                   * remove it from the sidebar */
                  kasane_widgets_new_pill_button (_("_Close"), "win.close-dataset", FALSE));
  gtk_box_append (GTK_BOX (failed_box), buttons);

  failed_page = kasane_widgets_new_status_page ("dialog-error-symbolic", NULL,
                                                /* Translators: Shown under the title when a file
                                                 * could not be loaded */
                                                _("Fix the file, then reload it."),
                                                failed_box, &self->failed_title);
  gtk_stack_add_named (GTK_STACK (self->stack), failed_page, "failed");

  gtk_box_append (GTK_BOX (self), self->stack);
}


GtkWidget *
kasane_ledger_view_new (void)
{
  return g_object_new (KASANE_TYPE_LEDGER_VIEW, NULL);
}

void
kasane_ledger_view_show_dataset (KasaneLedgerView *self,
                                 KasaneDataset    *dataset,
                                 const char       *file_name,
                                 const char       *lang)
{
  g_autoptr(KasaneLedger) ledger = NULL;

  g_return_if_fail (KASANE_IS_LEDGER_VIEW (self));
  g_return_if_fail (dataset != NULL);
  g_return_if_fail (file_name != NULL);

  ledger = kasane_ledger_compute (dataset);
  gtk_label_set_text (self->title_label, kasane_text_get (&dataset->title, lang));
  /* The title in Japanese breaks between words too (イーサリアムのスケーリン|グ). */
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    kasane_render_keep_words (attrs, kasane_text_get (&dataset->title, lang));
    gtk_label_set_attributes (self->title_label, attrs);
    pango_attr_list_unref (attrs);
  }
  gtk_label_set_text (self->file_label, file_name);
  fill_ledger (self, dataset, ledger, lang);
  fill_verdict (self, dataset, ledger);
  fill_robustness (self, dataset, lang);
  fill_whatif (self, dataset, lang);
  kasane_dataset_ref (dataset);
  g_clear_pointer (&self->dataset, kasane_dataset_unref);
  self->dataset = dataset;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  /* Open for a stack of ordinary size; a file of hundreds of problems opens it on demand
   * (its controls take seconds to build). */
  if (kasane_whatif_get_file (dataset) != self->editor_file)
    {
      self->editor_file = kasane_whatif_get_file (dataset);
      gtk_expander_set_expanded (GTK_EXPANDER (self->editor_expander),
                                 self->editor_file->problems->len <= EDITOR_OPEN_MAX);
    }
  editor_expanded_cb (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "dataset");
}

void
kasane_ledger_view_show_failure (KasaneLedgerView *self,
                                 const char       *file_name,
                                 const char       *errors)
{
  g_autofree char *title = NULL;

  g_return_if_fail (KASANE_IS_LEDGER_VIEW (self));
  g_return_if_fail (file_name != NULL);

  /* Translators: title of the page of a file that could not be loaded */
  title = g_strdup_printf (_("Could Not Load “%s”"), file_name);
  gtk_label_set_text (self->failed_title, title);
  gtk_label_set_text (self->failed_label, errors != NULL ? errors : "");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "failed");
}

GtkGrid *
kasane_ledger_view_get_grid (KasaneLedgerView *self)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  return self->ledger_grid;
}

GtkWidget *
kasane_ledger_view_get_cell (KasaneLedgerView *self,
                             int               layer,
                             guint             column)
{
  guint row = grid_row_for_layer (layer);

  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  g_return_val_if_fail (column < KASANE_LEDGER_N_COLUMNS, NULL);
  return gtk_grid_get_child_at (self->ledger_grid, column, row);
}

const char *
kasane_ledger_view_get_cell_text (KasaneLedgerView *self,
                                  int               layer,
                                  guint             column)
{
  GtkWidget *cell = kasane_ledger_view_get_cell (self, layer, column);

  /* A layer's cell is a box with its level tag above its name. */
  if (cell != NULL && GTK_IS_BOX (cell))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (cell);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (g_strcmp0 (gtk_widget_get_name (child), "layer-name") == 0)
          return gtk_label_get_text (GTK_LABEL (child));
      return NULL;
    }
  if (cell == NULL || !GTK_IS_LABEL (cell))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (cell));
}

GtkWidget *
kasane_ledger_view_get_verdict_row (KasaneLedgerView *self)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  return self->verdict_row;
}

const char *
kasane_ledger_view_get_verdict_text (KasaneLedgerView *self)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  return self->verdict_text;
}

const char *
kasane_ledger_view_get_failure_text (KasaneLedgerView *self)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  return gtk_label_get_text (self->failed_label);
}

const char *
kasane_ledger_view_get_robustness_text (KasaneLedgerView *self)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->robustness_label))
         ? self->robustness_text : NULL;
}

KasaneDataset *
kasane_ledger_view_get_dataset (KasaneLedgerView *self)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  return self->dataset;
}

GtkWidget *
kasane_ledger_view_get_editor (KasaneLedgerView *self)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  gtk_expander_set_expanded (GTK_EXPANDER (self->editor_expander), TRUE);
  return self->editor;
}

const char *
kasane_ledger_view_get_whatif_text (KasaneLedgerView *self)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  return gtk_widget_get_visible (self->whatif_bar) ? gtk_label_get_text (self->whatif_label)
                                                   : NULL;
}

GtkWidget *
kasane_ledger_view_get_flip_button (KasaneLedgerView *self,
                                    guint             i)
{
  GtkWidget *row;

  g_return_val_if_fail (KASANE_IS_LEDGER_VIEW (self), NULL);
  for (row = gtk_widget_get_first_child (self->flips_box); row != NULL && i > 0;
       row = gtk_widget_get_next_sibling (row))
    i--;
  return row != NULL ? gtk_widget_get_last_child (row) : NULL;
}
