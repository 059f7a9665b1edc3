#define G_LOG_DOMAIN "kasane-dataset"

#include "config.h"

#include "kasane-dataset.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (KasaneDataset, kasane_dataset, kasane_dataset_ref, kasane_dataset_unref)

static void
kasane_dataset_clear (KasaneDataset *self)
{
  g_free (self->id);
  g_free (self->path);
  g_strfreev (self->inputs);
  kasane_text_clear (&self->title);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->layers);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->events);
  kasane_text_list_clear (&self->notes);
  g_clear_pointer (&self->whatif_of, kasane_dataset_unref);
  g_clear_pointer (&self->whatif, g_array_unref);
}

KasaneDataset *
kasane_dataset_new (void)
{
  KasaneDataset *self = g_atomic_rc_box_new0 (KasaneDataset);

  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_problem_free);
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_layer_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_series_free);
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_event_free);
  return self;
}

KasaneDataset *
kasane_dataset_ref (KasaneDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
kasane_dataset_unref (KasaneDataset *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) kasane_dataset_clear);
}

int
kasane_dataset_find_problem (KasaneDataset *self,
                             const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);
  for (guint i = 0; i < self->problems->len; i++)
    if (g_strcmp0 (((KasaneProblem *) g_ptr_array_index (self->problems, i))->id, id) == 0)
      return (int) i;
  return -1;
}

int
kasane_dataset_find_layer (KasaneDataset *self,
                           const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);
  for (guint i = 0; i < self->layers->len; i++)
    if (g_strcmp0 (((KasaneLayer *) g_ptr_array_index (self->layers, i))->id, id) == 0)
      return (int) i;
  return -1;
}

int
kasane_dataset_find_series (KasaneDataset *self,
                            const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);
  for (guint i = 0; i < self->series->len; i++)
    if (g_strcmp0 (((KasaneSeries *) g_ptr_array_index (self->series, i))->id, id) == 0)
      return (int) i;
  return -1;
}

gboolean
kasane_dataset_series_shown_by_default (KasaneDataset      *self,
                                        const KasaneSeries *series)
{
  g_return_val_if_fail (self != NULL && series != NULL, FALSE);

  if (series->featured)
    return TRUE;
  for (guint i = 0; i < self->series->len; i++)
    if (((KasaneSeries *) g_ptr_array_index (self->series, i))->featured)
      return FALSE;
  return TRUE;
}

/* Stable merge sort of a pointer array by a key; GLib's g_ptr_array_sort is not stable. */
typedef int (*CompareFunc) (gconstpointer a, gconstpointer b);

static void
stable_sort (gpointer   *items,
             guint       n,
             CompareFunc compare)
{
  g_autofree gpointer *tmp = NULL;

  if (n < 2)
    return;
  tmp = g_new (gpointer, n);
  for (guint width = 1; width < n; width *= 2)
    {
      for (guint lo = 0; lo < n; lo += 2 * width)
        {
          guint mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          guint a = lo, b = mid, k = lo;

          while (a < mid && b < hi)
            tmp[k++] = compare (items[b], items[a]) < 0 ? items[b++] : items[a++];
          while (a < mid)
            tmp[k++] = items[a++];
          while (b < hi)
            tmp[k++] = items[b++];
        }
      memcpy (items, tmp, n * sizeof (gpointer));
    }
}

static int
compare_layers (gconstpointer a,
                gconstpointer b)
{
  const KasaneLayer *la = a, *lb = b;

  return la->level < lb->level ? -1 : la->level > lb->level;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const KasaneEvent *ea = a, *eb = b;

  return ea->date.t < eb->date.t ? -1 : ea->date.t > eb->date.t;
}

void
kasane_dataset_sort (KasaneDataset *self)
{
  g_autoptr(GHashTable) old_index = NULL;
  g_autofree int *remap = NULL;
  g_autofree gpointer *before = NULL;

  g_return_if_fail (self != NULL);

  /* Layers move, so series and events that name a layer by index follow them. */
  before = g_memdup2 (self->layers->pdata, self->layers->len * sizeof (gpointer));
  stable_sort (self->layers->pdata, self->layers->len, compare_layers);
  /* Look each layer's new place up by pointer: a scan per layer was quadratic
   * (400,000 layers took minutes). */
  old_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint j = 0; j < self->layers->len; j++)
    g_hash_table_insert (old_index, self->layers->pdata[j], GUINT_TO_POINTER (j + 1));
  remap = g_new (int, MAX (self->layers->len, 1));
  for (guint i = 0; i < self->layers->len; i++)
    remap[i] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (old_index, before[i])) - 1;
  for (guint i = 0; i < self->series->len; i++)
    {
      KasaneSeries *series = g_ptr_array_index (self->series, i);

      if (series->layer >= 0 && (guint) series->layer < self->layers->len)
        series->layer = remap[series->layer];
      kasane_series_sort (series);
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      KasaneEvent *event = g_ptr_array_index (self->events, i);

      if (event->layer >= 0 && (guint) event->layer < self->layers->len)
        event->layer = remap[event->layer];
    }
  stable_sort (self->events->pdata, self->events->len, compare_events);
}

KasaneProblem *
kasane_problem_new (void)
{
  KasaneProblem *problem = g_new0 (KasaneProblem, 1);

  problem->weight = 1;
  return problem;
}

void
kasane_problem_free (KasaneProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->id);
  kasane_text_clear (&problem->label);
  kasane_text_clear (&problem->description);
  g_free (problem);
}

KasaneLayer *
kasane_layer_new (void)
{
  KasaneLayer *layer = g_new0 (KasaneLayer, 1);

  layer->examples = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_text_free);
  for (guint i = 0; i < KASANE_N_EFFECTS; i++)
    layer->effects[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  return layer;
}

void
kasane_layer_free (KasaneLayer *layer)
{
  if (layer == NULL)
    return;
  g_free (layer->id);
  kasane_text_clear (&layer->name);
  kasane_text_clear (&layer->summary);
  g_ptr_array_unref (layer->examples);
  kasane_text_list_clear (&layer->speaker_notes);
  kasane_source_free (layer->source);
  for (guint i = 0; i < KASANE_N_EFFECTS; i++)
    g_array_unref (layer->effects[i]);
  g_free (layer);
}

KasaneSeries *
kasane_series_new (void)
{
  KasaneSeries *series = g_new0 (KasaneSeries, 1);

  series->unit = g_strdup ("");
  series->layer = -1;
  return series;
}

void
kasane_series_free (KasaneSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->id);
  kasane_text_clear (&series->name);
  kasane_text_clear (&series->headline);
  g_free (series->unit);
  kasane_text_clear (&series->unit_label);
  kasane_source_free (series->source);
  g_free (series->x);
  g_free (series->y);
  g_free (series->precision);
  if (series->labels != NULL)
    {
      for (guint i = 0; i < series->n_points; i++)
        kasane_text_free (series->labels[i]);
      g_free (series->labels);
    }
  g_free (series);
}

void
kasane_series_sort (KasaneSeries *series)
{
  g_autofree guint *order = NULL, *tmp = NULL;
  gboolean sorted = TRUE;
  guint n;

  g_return_if_fail (series != NULL);

  n = series->n_points;
  for (guint i = 1; i < n && sorted; i++)
    sorted = series->x[i - 1] <= series->x[i];
  if (sorted)
    return;

  /* A stable merge sort of the permutation, then every array follows it. */
  order = g_new (guint, n);
  tmp = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint width = 1; width < n; width *= 2)
    {
      for (guint lo = 0; lo < n; lo += 2 * width)
        {
          guint mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          guint a = lo, b = mid, k = lo;

          while (a < mid && b < hi)
            tmp[k++] = series->x[order[b]] < series->x[order[a]] ? order[b++] : order[a++];
          while (a < mid)
            tmp[k++] = order[a++];
          while (b < hi)
            tmp[k++] = order[b++];
        }
      memcpy (order, tmp, n * sizeof (guint));
    }

  {
    g_autofree double *x = g_new (double, n);
    g_autofree double *y = g_new (double, n);
    g_autofree guint8 *precision = g_new (guint8, n);
    g_autofree KasaneText **labels = series->labels != NULL ? g_new (KasaneText *, n) : NULL;

    for (guint i = 0; i < n; i++)
      {
        x[i] = series->x[order[i]];
        y[i] = series->y[order[i]];
        precision[i] = series->precision[order[i]];
        if (labels != NULL)
          labels[i] = series->labels[order[i]];
      }
    memcpy (series->x, x, n * sizeof (double));
    memcpy (series->y, y, n * sizeof (double));
    memcpy (series->precision, precision, n);
    if (labels != NULL)
      memcpy (series->labels, labels, n * sizeof (KasaneText *));
  }
}

KasaneEvent *
kasane_event_new (void)
{
  KasaneEvent *event = g_new0 (KasaneEvent, 1);

  event->layer = -1;
  return event;
}

void
kasane_event_free (KasaneEvent *event)
{
  if (event == NULL)
    return;
  kasane_text_clear (&event->label);
  kasane_source_free (event->source);
  g_free (event);
}

KasaneSource *
kasane_source_new (const char *name,
                   const char *url,
                   const char *retrieved)
{
  KasaneSource *source = g_new0 (KasaneSource, 1);

  source->name = g_strdup (name);
  source->url = g_strdup (url);
  source->retrieved = g_strdup (retrieved);
  return source;
}

void
kasane_source_free (KasaneSource *source)
{
  if (source == NULL)
    return;
  g_free (source->name);
  g_free (source->url);
  g_free (source->retrieved);
  g_free (source);
}

KasaneText *
kasane_text_new (const char *en,
                 const char *ja)
{
  KasaneText *text = g_new0 (KasaneText, 1);

  text->en = g_strdup (en);
  text->ja = g_strdup (ja);
  return text;
}

void
kasane_text_clear (KasaneText *text)
{
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->ja, g_free);
}

void
kasane_text_free (KasaneText *text)
{
  if (text == NULL)
    return;
  kasane_text_clear (text);
  g_free (text);
}

void
kasane_text_list_clear (KasaneTextList *list)
{
  g_clear_pointer (&list->en, g_strfreev);
  g_clear_pointer (&list->ja, g_strfreev);
}

static gboolean
is_ja (const char *lang)
{
  return lang != NULL && lang[0] == 'j' && lang[1] == 'a' && (lang[2] == '\0' || lang[2] == '_' ||
                                                             lang[2] == '-' || lang[2] == '.');
}

const char *
kasane_text_get (const KasaneText *text,
                 const char       *lang)
{
  const char *first, *second;

  g_return_val_if_fail (text != NULL, "");

  first = is_ja (lang) ? text->ja : text->en;
  second = is_ja (lang) ? text->en : text->ja;
  if (first != NULL)
    return first;
  return second != NULL ? second : "";
}

gboolean
kasane_text_is_empty (const KasaneText *text)
{
  return text == NULL || (text->en == NULL && text->ja == NULL);
}

const char * const *
kasane_text_list_get (const KasaneTextList *list,
                      const char           *lang)
{
  static const char * const empty[] = { NULL };
  GStrv first, second;

  g_return_val_if_fail (list != NULL, empty);

  first = is_ja (lang) ? list->ja : list->en;
  second = is_ja (lang) ? list->en : list->ja;
  if (first != NULL)
    return (const char * const *) first;
  return second != NULL ? (const char * const *) second : empty;
}

static const char * const claim_names[] = { "none", "progression", "migration", "mixed" };

const char *
kasane_claim_to_string (KasaneClaim claim)
{
  g_return_val_if_fail (claim <= KASANE_CLAIM_MIXED, "none");
  return claim_names[claim];
}

gboolean
kasane_claim_from_string (const char  *text,
                          KasaneClaim *out)
{
  /* "none" is how --summary prints a missing claim; it is not a value a file may hold. */
  for (guint i = KASANE_CLAIM_PROGRESSION; i <= KASANE_CLAIM_MIXED; i++)
    if (g_strcmp0 (text, claim_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
kasane_effect_to_string (KasaneEffect effect)
{
  static const char * const names[] = { "introduces", "solves", "mitigates", "worsens" };

  g_return_val_if_fail (effect < KASANE_N_EFFECTS, "");
  return names[effect];
}
