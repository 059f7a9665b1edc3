/* kasane-whatif.c: a dataset with its judgements changed
 *
 * The changes are applied to working copies of the file's weights and of each layer's
 * lists; the dataset is then built from them, dropped problems removed and the indices
 * remapped, and checked as the loader checks a ledger.  A what-if shares the file's
 * series and events (the arrays are reference counted and never written after loading)
 * and copies the rest, so a recompute costs what the problems and layers cost.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-whatif"

#include "config.h"

#include "kasane-whatif.h"

#include <json-glib/json-glib.h>

G_DEFINE_QUARK (kasane-whatif-error-quark, kasane_whatif_error)

static void
text_copy (KasaneText       *to,
           const KasaneText *from)
{
  to->en = g_strdup (from->en);
  to->ja = g_strdup (from->ja);
}

static void
text_list_copy (KasaneTextList       *to,
                const KasaneTextList *from)
{
  to->en = g_strdupv (from->en);
  to->ja = g_strdupv (from->ja);
}

static KasaneSource *
source_copy (const KasaneSource *source)
{
  return source != NULL ? kasane_source_new (source->name, source->url, source->retrieved)
                        : NULL;
}

static KasaneProblem *
problem_copy (const KasaneProblem *problem,
              gboolean             full)
{
  KasaneProblem *copy = kasane_problem_new ();

  copy->id = g_strdup (problem->id);
  if (full)
    {
      text_copy (&copy->label, &problem->label);
      text_copy (&copy->description, &problem->description);
    }
  return copy;
}

static KasaneLayer *
layer_copy (const KasaneLayer *layer,
            gboolean           full)
{
  KasaneLayer *copy = kasane_layer_new ();

  copy->id = g_strdup (layer->id);
  copy->level = layer->level;
  if (full)
    {
      text_copy (&copy->name, &layer->name);
      copy->has_since = layer->has_since;
      copy->since = layer->since;
      text_copy (&copy->summary, &layer->summary);
      g_ptr_array_unref (copy->examples);
      copy->examples = g_ptr_array_ref (layer->examples);   /* read only, shared */
      text_list_copy (&copy->speaker_notes, &layer->speaker_notes);
      copy->source = source_copy (layer->source);
    }
  return copy;
}

/* The loader's rule, walking the layers upward in the ledger's order within a layer: a
 * layer solves, mitigates or worsens only an open problem and introduces only one that
 * is not open. */
static gboolean
ledger_is_valid (KasaneDataset *dataset)
{
  g_autofree gboolean *open = g_new0 (gboolean, MAX (dataset->problems->len, 1));

  for (guint l = 0; l < dataset->layers->len; l++)
    {
      KasaneLayer *layer = g_ptr_array_index (dataset->layers, l);

      for (KasaneEffect e = 0; e < KASANE_N_EFFECTS; e++)
        for (guint k = 0; k < layer->effects[e]->len; k++)
          {
            guint p = g_array_index (layer->effects[e], guint, k);

            if (e == KASANE_EFFECT_INTRODUCES ? open[p] : !open[p])
              return FALSE;
            if (e == KASANE_EFFECT_INTRODUCES)
              open[p] = TRUE;
            else if (e == KASANE_EFFECT_SOLVES)
              open[p] = FALSE;
          }
    }
  return TRUE;
}

static gboolean
apply_one (KasaneDataset      *file,
           const KasaneChange *change,
           int                *weight,
           gboolean           *dropped,
           GPtrArray          *lists,
           GError            **error)
{
  KasaneEffect from, to;
  GArray *list;

  if (change->problem >= file->problems->len || dropped[change->problem] ||
      (change->kind >= KASANE_CHANGE_SOLVES_TO_MITIGATES &&
       (change->layer < 0 || (guint) change->layer >= file->layers->len)))
    goto not_applicable;

  switch (change->kind)
    {
    case KASANE_CHANGE_WEIGHT:
      if (change->to < 1 || change->to > 5)
        {
          g_set_error (error, KASANE_WHATIF_ERROR, KASANE_WHATIF_ERROR_INVALID,
                       "a weight of %d is outside 1-5", change->to);
          return FALSE;
        }
      weight[change->problem] = change->to;
      return TRUE;
    case KASANE_CHANGE_DROP:
      dropped[change->problem] = TRUE;
      return TRUE;
    case KASANE_CHANGE_SOLVES_TO_MITIGATES:
    case KASANE_CHANGE_MITIGATES_TO_SOLVES:
    default:
      from = change->kind == KASANE_CHANGE_SOLVES_TO_MITIGATES ? KASANE_EFFECT_SOLVES
                                                               : KASANE_EFFECT_MITIGATES;
      to = from == KASANE_EFFECT_SOLVES ? KASANE_EFFECT_MITIGATES : KASANE_EFFECT_SOLVES;
      list = g_ptr_array_index (lists, change->layer * KASANE_N_EFFECTS + from);
      for (guint k = 0; k < list->len; k++)
        if (g_array_index (list, guint, k) == change->problem)
          {
            g_array_remove_index (list, k);
            g_array_append_val (g_ptr_array_index (lists, change->layer * KASANE_N_EFFECTS + to),
                                change->problem);
            return TRUE;
          }
      goto not_applicable;
    }

not_applicable:
  g_set_error_literal (error, KASANE_WHATIF_ERROR, KASANE_WHATIF_ERROR_NOT_APPLICABLE,
                       "the change no longer applies to the dataset");
  return FALSE;
}

/* `file` with the changes applied; with `full` FALSE only the skeleton the ledger needs. */
static KasaneDataset *
build (KasaneDataset      *file,
       const KasaneChange *changes,
       guint               n_changes,
       gboolean            full,
       GError            **error)
{
  guint n_problems = file->problems->len, n_layers = file->layers->len;
  g_autofree int *weight = g_new (int, MAX (n_problems, 1));
  g_autofree gboolean *dropped = g_new0 (gboolean, MAX (n_problems, 1));
  g_autofree int *remap = g_new (int, MAX (n_problems, 1));
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(KasaneDataset) copy = NULL;

  for (guint p = 0; p < n_problems; p++)
    weight[p] = ((KasaneProblem *) g_ptr_array_index (file->problems, p))->weight;
  for (guint l = 0; l < n_layers; l++)
    for (KasaneEffect e = 0; e < KASANE_N_EFFECTS; e++)
      g_ptr_array_add (lists, g_array_copy (((KasaneLayer *) g_ptr_array_index (file->layers,
                                                                                l))->effects[e]));
  for (guint i = 0; i < n_changes; i++)
    if (!apply_one (file, &changes[i], weight, dropped, lists, error))
      return NULL;

  copy = kasane_dataset_new ();
  for (guint p = 0, kept = 0; p < n_problems; p++)
    {
      KasaneProblem *problem;

      remap[p] = dropped[p] ? -1 : (int) kept++;
      if (dropped[p])
        continue;
      problem = problem_copy (g_ptr_array_index (file->problems, p), full);
      problem->weight = weight[p];
      g_ptr_array_add (copy->problems, problem);
    }
  for (guint l = 0; l < n_layers; l++)
    {
      KasaneLayer *layer = layer_copy (g_ptr_array_index (file->layers, l), full);

      for (KasaneEffect e = 0; e < KASANE_N_EFFECTS; e++)
        {
          GArray *list = g_ptr_array_index (lists, l * KASANE_N_EFFECTS + e);

          for (guint k = 0; k < list->len; k++)
            {
              int mapped = remap[g_array_index (list, guint, k)];

              if (mapped >= 0)
                g_array_append_val (layer->effects[e], mapped);
            }
        }
      g_ptr_array_add (copy->layers, layer);
    }
  if (!ledger_is_valid (copy))
    {
      g_set_error_literal (error, KASANE_WHATIF_ERROR, KASANE_WHATIF_ERROR_INVALID,
                           "a layer would solve, ease or worsen a problem that is not open "
                           "there, or introduce one that still is");
      return NULL;
    }
  if (!full)
    return g_steal_pointer (&copy);

  copy->id = g_strdup (file->id);
  copy->path = g_strdup (file->path);
  text_copy (&copy->title, &file->title);
  copy->claim = file->claim;
  text_list_copy (&copy->notes, &file->notes);
  g_ptr_array_unref (copy->series);
  copy->series = g_ptr_array_ref (file->series);
  g_ptr_array_unref (copy->events);
  copy->events = g_ptr_array_ref (file->events);
  copy->whatif_of = kasane_dataset_ref (file);
  copy->whatif = g_array_sized_new (FALSE, FALSE, sizeof (KasaneChange), n_changes);
  g_array_append_vals (copy->whatif, changes, n_changes);
  return g_steal_pointer (&copy);
}

KasaneDataset *
kasane_whatif_apply (KasaneDataset      *file,
                     const KasaneChange *changes,
                     guint               n_changes,
                     GError            **error)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (file->whatif_of == NULL, NULL);
  g_return_val_if_fail (n_changes == 0 || changes != NULL, NULL);

  if (n_changes == 0)
    return kasane_dataset_ref (file);
  return build (file, changes, n_changes, TRUE, error);
}

KasaneDataset *
kasane_whatif_skeleton (KasaneDataset      *dataset,
                        const KasaneChange *change)
{
  return build (dataset, change, 1, FALSE, NULL);
}

KasaneDataset *
kasane_whatif_get_file (KasaneDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  return dataset->whatif_of != NULL ? dataset->whatif_of : dataset;
}

/* Whether two changes are of one thing: one problem's weight, or one layer's entry. */
static gboolean
same_subject (const KasaneChange *a,
              const KasaneChange *b)
{
  if (a->problem != b->problem)
    return FALSE;
  if (a->kind == KASANE_CHANGE_WEIGHT || b->kind == KASANE_CHANGE_WEIGHT)
    return a->kind == b->kind;
  if (a->kind == KASANE_CHANGE_DROP || b->kind == KASANE_CHANGE_DROP)
    return a->kind == b->kind;
  return a->layer == b->layer;
}

KasaneDataset *
kasane_whatif_edit (KasaneDataset      *shown,
                    const KasaneChange *edit,
                    GError            **error)
{
  KasaneDataset *file;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (KasaneChange));
  KasaneChange change;

  g_return_val_if_fail (shown != NULL && edit != NULL, NULL);

  file = kasane_whatif_get_file (shown);
  if (edit->problem >= file->problems->len)
    {
      g_set_error_literal (error, KASANE_WHATIF_ERROR, KASANE_WHATIF_ERROR_NOT_APPLICABLE,
                           "no such problem");
      return NULL;
    }
  change = *edit;
  if (change.kind == KASANE_CHANGE_WEIGHT)
    change.from = ((KasaneProblem *) g_ptr_array_index (file->problems, change.problem))->weight;

  if (shown->whatif != NULL)
    g_array_append_vals (changes, shown->whatif->data, shown->whatif->len);
  for (guint i = 0; i < changes->len; i++)
    {
      KasaneChange *earlier = &g_array_index (changes, KasaneChange, i);

      if (!same_subject (earlier, &change))
        continue;
      /* A weight set again replaces the earlier setting; an entry switched back, or a
       * problem left out again, cancels the earlier change. */
      g_array_remove_index (changes, i);
      if (change.kind != KASANE_CHANGE_WEIGHT)
        return kasane_whatif_apply (file, (KasaneChange *) changes->data, changes->len, error);
      break;
    }
  if (change.kind != KASANE_CHANGE_WEIGHT || change.to != change.from)
    g_array_append_val (changes, change);
  return kasane_whatif_apply (file, (KasaneChange *) changes->data, changes->len, error);
}

/* Writing a what-if as a dataset file */

static JsonArray *
id_array (KasaneDataset *dataset,
          GArray        *indices)
{
  JsonArray *array = json_array_new ();

  for (guint k = 0; k < indices->len; k++)
    json_array_add_string_element (array,
                                   ((KasaneProblem *) g_ptr_array_index (dataset->problems,
                                                                         g_array_index (indices,
                                                                                        guint,
                                                                                        k)))->id);
  return array;
}

static void
append_note (JsonObject *notes,
             const char *lang,
             const char *note)
{
  JsonArray *paragraphs;

  if (note == NULL || note[0] == '\0')
    return;
  if (!json_object_has_member (notes, lang) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (notes, lang)))
    json_object_set_array_member (notes, lang, json_array_new ());
  paragraphs = json_object_get_array_member (notes, lang);
  json_array_add_string_element (paragraphs, note);
}

char *
kasane_whatif_to_json (KasaneDataset *whatif,
                       const char    *original_json,
                       gsize          length,
                       const char    *note_en,
                       const char    *note_ja,
                       GError       **error)
{
  static const char * const members[KASANE_N_EFFECTS] = {
    [KASANE_EFFECT_INTRODUCES] = "introduces",
    [KASANE_EFFECT_SOLVES] = "solves",
    [KASANE_EFFECT_MITIGATES] = "mitigates",
    [KASANE_EFFECT_WORSENS] = "worsens",
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  JsonObject *root, *notes;
  JsonArray *problems, *layers, *kept;
  guint n_layers_found = 0;

  g_return_val_if_fail (whatif != NULL && original_json != NULL, NULL);

  if (!json_parser_load_from_data (parser, original_json, (gssize) length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto not_this_file;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "problems") || !json_object_has_member (root, "layers") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "problems")) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "layers")))
    goto not_this_file;

  /* Problems: the what-if's, in the file's order, at the what-if's weights. */
  problems = json_object_get_array_member (root, "problems");
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonNode *node = json_array_get_element (problems, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id = object != NULL ? json_object_get_string_member_with_default (object, "id",
                                                                                    NULL)
                                      : NULL;
      int p = id != NULL ? kasane_dataset_find_problem (whatif, id) : -1;

      if (p < 0)
        continue;   /* dropped */
      json_object_set_int_member (object, "weight",
                                  ((KasaneProblem *) g_ptr_array_index (whatif->problems,
                                                                        p))->weight);
      json_array_add_element (kept, json_node_copy (node));
    }
  if (json_array_get_length (kept) != whatif->problems->len)
    {
      json_array_unref (kept);
      goto not_this_file;
    }
  json_object_set_array_member (root, "problems", kept);

  /* Layers: each list as the what-if has it; an empty list the file did not have stays
   * out. */
  layers = json_object_get_array_member (root, "layers");
  for (guint i = 0; i < json_array_get_length (layers); i++)
    {
      JsonNode *node = json_array_get_element (layers, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id = object != NULL ? json_object_get_string_member_with_default (object, "id",
                                                                                    NULL)
                                      : NULL;
      int l = id != NULL ? kasane_dataset_find_layer (whatif, id) : -1;
      KasaneLayer *layer;

      if (l < 0)
        goto not_this_file;
      n_layers_found++;
      layer = g_ptr_array_index (whatif->layers, l);
      for (KasaneEffect e = 0; e < KASANE_N_EFFECTS; e++)
        if (layer->effects[e]->len > 0 || json_object_has_member (object, members[e]))
          json_object_set_array_member (object, members[e], id_array (whatif, layer->effects[e]));
    }
  if (n_layers_found != whatif->layers->len)
    goto not_this_file;

  /* The changes, in words, as the last paragraph of the notes. */
  if (!json_object_has_member (root, "notes") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "notes")))
    json_object_set_object_member (root, "notes", json_object_new ());
  notes = json_object_get_object_member (root, "notes");
  append_note (notes, "en", note_en);
  append_note (notes, "ja", note_ja);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  {
    char *text = json_generator_to_data (generator, NULL);
    char *with_newline = g_strconcat (text, "\n", NULL);

    g_free (text);
    return with_newline;
  }

not_this_file:
  g_set_error_literal (error, KASANE_WHATIF_ERROR, KASANE_WHATIF_ERROR_NOT_APPLICABLE,
                       "the file is not the dataset the what-if was made from");
  return NULL;
}
