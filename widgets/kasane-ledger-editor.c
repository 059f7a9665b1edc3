/* kasane-ledger-editor.c: the what-if editor of the Ledger view
 *
 * A row per problem of the file's dataset: its weight (1–5), whether it is counted, and
 * for each layer that solves or eases it, which of the two.  The controls show the
 * dataset on screen (the file's, or a what-if of it) and emit ::edit with the change a
 * person asked for; the window makes it through the session, which gives the new
 * dataset back to set here.  The rows are built once per file and only updated after
 * that, so the focus stays on the control that was used.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-ledger-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-ledger-editor.h"

#include "kasane-render.h"
#include "kasane-whatif.h"

typedef struct
{
  guint        problem;    /* index into the file's problems */
  GtkSpinButton *weight;
  GtkCheckButton *counted;
  GPtrArray   *entries;    /* of GtkCheckButton (checked: solves; not: eases), each with
                              its layer in "layer" data */
} Row;

struct _KasaneLedgerEditor
{
  GtkBox         parent_instance;

  KasaneDataset *file;      /* the rows are this file's problems */
  KasaneDataset *shown;
  char          *lang;
  GtkGrid       *grid;
  GArray        *rows;      /* of Row */
  gboolean       filling;   /* the controls are being set: no ::edit */
};

G_DEFINE_FINAL_TYPE (KasaneLedgerEditor, kasane_ledger_editor, GTK_TYPE_BOX)

enum { EDIT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
emit_edit (KasaneLedgerEditor *self,
           KasaneChange        change)
{
  if (!self->filling)
    g_signal_emit (self, signals[EDIT], 0, &change);
}

static Row *
row_of (KasaneLedgerEditor *self,
        GtkWidget          *control)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (control), "row"));

  return &g_array_index (self->rows, Row, i);
}

static void
weight_changed_cb (GtkSpinButton      *spin,
                   KasaneLedgerEditor *self)
{
  Row *row = row_of (self, GTK_WIDGET (spin));

  emit_edit (self, (KasaneChange) { KASANE_CHANGE_WEIGHT, row->problem, -1, 0,
                                    gtk_spin_button_get_value_as_int (spin), 0 });
}

static void
counted_toggled_cb (GtkCheckButton     *check,
                    KasaneLedgerEditor *self)
{
  Row *row = row_of (self, GTK_WIDGET (check));

  emit_edit (self, (KasaneChange) { KASANE_CHANGE_DROP, row->problem, -1, 0, 0, 0 });
}

/* An entry's check button: checked, the layer solves the problem; not, it eases it. */
static void
entry_toggled_cb (GtkCheckButton     *check,
                  KasaneLedgerEditor *self)
{
  Row *row = row_of (self, GTK_WIDGET (check));
  int layer = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "layer"));
  gboolean solves = gtk_check_button_get_active (check);

  emit_edit (self, (KasaneChange) { solves ? KASANE_CHANGE_MITIGATES_TO_SOLVES
                                           : KASANE_CHANGE_SOLVES_TO_MITIGATES,
                                    row->problem, layer, 0, 0, 0 });
}

static void
clear_rows (KasaneLedgerEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_unref (g_array_index (self->rows, Row, i).entries);
  g_array_set_size (self->rows, 0);
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f,
                                   "wrap", TRUE, NULL);

  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* One row per problem of the file, in its order. */
static void
build_rows (KasaneLedgerEditor *self)
{
  KasaneDataset *file = self->file;
  const char *lang = self->lang;

  clear_rows (self);
  /* Translators: column heads of the what-if editor */
  gtk_grid_attach (self->grid, header_label (_("Problem")), 0, 0, 1, 1);
  gtk_grid_attach (self->grid, header_label (_("Weight")), 1, 0, 1, 1);
  gtk_grid_attach (self->grid, header_label (_("Counted")), 2, 0, 1, 1);
  gtk_grid_attach (self->grid, header_label (_("Solved or eased by")), 3, 0, 1, 1);

  for (guint p = 0; p < file->problems->len; p++)
    {
      KasaneProblem *problem = g_ptr_array_index (file->problems, p);
      const char *label_text = kasane_text_get (&problem->label, lang);
      GtkWidget *label, *entries;
      PangoAttrList *attrs = pango_attr_list_new ();
      Row row = { p, NULL, NULL, g_ptr_array_new () };
      guint index = self->rows->len;

      label = g_object_new (GTK_TYPE_LABEL, "label", label_text, "xalign", 0.0f,
                            "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                            "max-width-chars", 28, NULL);
      kasane_render_keep_words (attrs, label_text);
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
      if (!kasane_text_is_empty (&problem->description))
        gtk_widget_set_tooltip_text (label, kasane_text_get (&problem->description, lang));
      gtk_grid_attach (self->grid, label, 0, p + 1, 1, 1);

      row.weight = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 5, 1));
      gtk_widget_set_valign (GTK_WIDGET (row.weight), GTK_ALIGN_CENTER);
      /* Translators: tooltip of a problem's weight in the what-if editor */
      gtk_widget_set_tooltip_text (GTK_WIDGET (row.weight),
                                   _("Weight 1–5: 1 an inconvenience, 5 blocks the use"));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row.weight),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_object_set_data (G_OBJECT (row.weight), "row", GUINT_TO_POINTER (index));
      g_signal_connect (row.weight, "value-changed", G_CALLBACK (weight_changed_cb), self);
      gtk_grid_attach (self->grid, GTK_WIDGET (row.weight), 1, p + 1, 1, 1);

      row.counted = GTK_CHECK_BUTTON (gtk_check_button_new ());
      gtk_widget_set_valign (GTK_WIDGET (row.counted), GTK_ALIGN_CENTER);
      gtk_widget_set_halign (GTK_WIDGET (row.counted), GTK_ALIGN_CENTER);
      /* Translators: tooltip of the check box that leaves a problem out of the ledger */
      gtk_widget_set_tooltip_text (GTK_WIDGET (row.counted),
                                   _("Count this problem in the ledger"));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row.counted),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_object_set_data (G_OBJECT (row.counted), "row", GUINT_TO_POINTER (index));
      g_signal_connect (row.counted, "toggled", G_CALLBACK (counted_toggled_cb), self);
      gtk_grid_attach (self->grid, GTK_WIDGET (row.counted), 2, p + 1, 1, 1);

      /* Each layer of the file that solves or eases the problem. */
      entries = g_object_new (GTK_TYPE_FLOW_BOX, "selection-mode", GTK_SELECTION_NONE,
                              "column-spacing", 12, "row-spacing", 6,
                              "max-children-per-line", 4, "hexpand", TRUE, NULL);
      for (guint l = 0; l < file->layers->len; l++)
        {
          KasaneLayer *layer = g_ptr_array_index (file->layers, l);
          gboolean found = FALSE;

          for (KasaneEffect e = KASANE_EFFECT_SOLVES; e <= KASANE_EFFECT_MITIGATES && !found; e++)
            for (guint k = 0; k < layer->effects[e]->len && !found; k++)
              found = g_array_index (layer->effects[e], guint, k) == p;
          if (found)
            {
              /* Translators: a check box of the what-if editor beside a layer's name:
               * checked, the layer solves the problem; cleared, it only eases it */
              GtkWidget *check = gtk_check_button_new_with_label (C_("what-if", "solves"));
              GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
              GtkWidget *name = g_object_new (GTK_TYPE_LABEL,
                                              "label", kasane_text_get (&layer->name, lang),
                                              "wrap", TRUE, "xalign", 0.0f, NULL);
              g_autofree char *tip = NULL;

              /* Translators: tooltip of a layer's entry in the what-if editor; %1$s a
               * layer, %2$s a problem */
              tip = g_strdup_printf (_("Whether %1$s solves “%2$s” or only eases it"),
                                     kasane_text_get (&layer->name, lang), label_text);
              gtk_widget_set_tooltip_text (check, tip);
              gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
              g_object_set_data (G_OBJECT (check), "row", GUINT_TO_POINTER (index));
              g_object_set_data (G_OBJECT (check), "layer", GINT_TO_POINTER ((int) l));
              g_signal_connect (check, "toggled", G_CALLBACK (entry_toggled_cb), self);
              gtk_box_append (GTK_BOX (box), name);
              gtk_box_append (GTK_BOX (box), check);
              gtk_flow_box_append (GTK_FLOW_BOX (entries), box);
              g_ptr_array_add (row.entries, check);
            }
        }
      gtk_grid_attach (self->grid, entries, 3, p + 1, 1, 1);
      g_array_append_val (self->rows, row);
    }
}

/* The controls set to what `shown` holds. */
static void
update_rows (KasaneLedgerEditor *self)
{
  KasaneDataset *shown = self->shown;

  self->filling = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      KasaneProblem *problem = g_ptr_array_index (self->file->problems, row->problem);
      int p = kasane_dataset_find_problem (shown, problem->id);
      gboolean counted = p >= 0;

      gtk_check_button_set_active (row->counted, counted);
      gtk_widget_set_sensitive (GTK_WIDGET (row->weight), counted);
      gtk_spin_button_set_value (row->weight,
                                 counted ? ((KasaneProblem *) g_ptr_array_index (shown->problems,
                                                                                 p))->weight
                                         : problem->weight);
      for (guint k = 0; k < row->entries->len; k++)
        {
          GtkCheckButton *check = g_ptr_array_index (row->entries, k);
          int l = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "layer"));
          KasaneLayer *layer = g_ptr_array_index (shown->layers, l);
          gboolean solves = FALSE;

          for (guint j = 0; counted && j < layer->effects[KASANE_EFFECT_SOLVES]->len; j++)
            solves = solves || g_array_index (layer->effects[KASANE_EFFECT_SOLVES], guint, j) ==
                               (guint) p;
          gtk_check_button_set_active (check, solves);
          gtk_widget_set_sensitive (GTK_WIDGET (check), counted);
        }
    }
  self->filling = FALSE;
}

static void
kasane_ledger_editor_finalize (GObject *object)
{
  KasaneLedgerEditor *self = KASANE_LEDGER_EDITOR (object);

  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_unref (g_array_index (self->rows, Row, i).entries);
  g_array_unref (self->rows);
  g_clear_pointer (&self->file, kasane_dataset_unref);
  g_clear_pointer (&self->shown, kasane_dataset_unref);
  g_free (self->lang);
  G_OBJECT_CLASS (kasane_ledger_editor_parent_class)->finalize (object);
}

static void
kasane_ledger_editor_class_init (KasaneLedgerEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kasane_ledger_editor_finalize;

  /**
   * KasaneLedgerEditor::edit:
   * @change: (type gpointer): the KasaneChange asked for, its indices into the file's
   *   dataset (kasane_whatif_edit ())
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
kasane_ledger_editor_init (KasaneLedgerEditor *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->grid = g_object_new (GTK_TYPE_GRID,
                             "column-spacing", 18,
                             "row-spacing", 8,
                             NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "ledger");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->grid));
}

GtkWidget *
kasane_ledger_editor_new (void)
{
  return g_object_new (KASANE_TYPE_LEDGER_EDITOR, NULL);
}

void
kasane_ledger_editor_set_dataset (KasaneLedgerEditor *self,
                                  KasaneDataset      *shown,
                                  const char         *lang)
{
  KasaneDataset *file;

  g_return_if_fail (KASANE_IS_LEDGER_EDITOR (self));
  g_return_if_fail (shown != NULL);

  file = kasane_whatif_get_file (shown);
  kasane_dataset_ref (shown);
  g_clear_pointer (&self->shown, kasane_dataset_unref);
  self->shown = shown;
  if (file != self->file || g_strcmp0 (lang, self->lang) != 0)
    {
      g_clear_pointer (&self->file, kasane_dataset_unref);
      self->file = kasane_dataset_ref (file);
      g_free (self->lang);
      self->lang = g_strdup (lang);
      build_rows (self);
    }
  update_rows (self);
}

GtkSpinButton *
kasane_ledger_editor_get_weight (KasaneLedgerEditor *self,
                                 guint               problem)
{
  g_return_val_if_fail (KASANE_IS_LEDGER_EDITOR (self), NULL);
  g_return_val_if_fail (problem < self->rows->len, NULL);
  return g_array_index (self->rows, Row, problem).weight;
}
