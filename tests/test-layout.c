/* test-layout.c: the Compare and Stack diagram layouts, measured with the real Pango
 *
 * For the bundled datasets and for generated ones (1 layer, 8 layers, 30 problems, no
 * problems, very long labels, markup characters, Japanese only), at 1920×1080 and
 * 1280×720, in English and Japanese: no two cards, chips or text items overlap, every text
 * item fits its box, everything lies on the canvas; hit testing finds layers and problems;
 * the layout is deterministic; painting works in every theme and the themes differ.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kasane-diagram.h"
#include "kasane-robustness.h"
#include "kasane-whatif.h"
#include "kasane-diagram-private.h"
#include "kasane-ledger.h"
#include "kasane-loader.h"
#include "kasane-test-util.h"

#define EPS 0.51

static KasaneMeasure *pango_measure;

static KasaneDataset *
load_json (const char *json)
{
  g_autoptr(KasaneDiagnostics) diagnostics = kasane_diagnostics_new ();
  KasaneDataset *dataset;

  dataset = kasane_dataset_load_json (json, strlen (json), "generated.json", NULL, diagnostics);
  if (dataset == NULL)
    {
      g_autofree char *text = kasane_diagnostics_format (diagnostics);
      g_error ("generated dataset does not load:\n%s\n%s", text, json);
    }
  return dataset;
}

/* Dataset generators */

static void
append_json_string (GString    *s,
                    const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

typedef struct
{
  const char *label_en;   /* printf format with %u, or NULL */
  const char *label_ja;
  const char *name_en;
  const char *name_ja;
} Words;

/* The Words are formats with one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* n_layers layers and n_problems problems: layer 0 introduces a share of the problems;
 * each later layer solves one open problem, mitigates one, worsens one (when there are
 * enough) and introduces its share. */
static KasaneDataset *
generate (const char  *id,
          guint        n_layers,
          guint        n_problems,
          const Words *words)
{
  GString *s = g_string_new (NULL);
  GArray *open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next = 0;
  KasaneDataset *dataset;

  g_string_append_printf (s, "{\"format\": \"kasane-dataset/1\", \"id\": \"%s\", \"title\": {", id);
  if (words->name_en != NULL)
    {
      g_string_append (s, "\"en\": ");
      append_json_string (s, "Generated dataset with a title long enough to need care");
    }
  if (words->name_ja != NULL)
    {
      g_string_append (s, words->name_en != NULL ? ", \"ja\": " : "\"ja\": ");
      append_json_string (s, "生成されたデータセットの長いタイトル");
    }
  g_string_append (s, "}, \"problems\": [");
  for (guint p = 0; p < n_problems; p++)
    {
      g_autofree char *en = words->label_en ? g_strdup_printf (words->label_en, p) : NULL;
      g_autofree char *ja = words->label_ja ? g_strdup_printf (words->label_ja, p) : NULL;

      g_string_append_printf (s, "%s{\"id\": \"p%u\", \"weight\": %u, \"label\": {",
                              p > 0 ? ", " : "", p, 1 + p % 5);
      if (en != NULL)
        {
          g_string_append (s, "\"en\": ");
          append_json_string (s, en);
        }
      if (ja != NULL)
        {
          g_string_append (s, en != NULL ? ", \"ja\": " : "\"ja\": ");
          append_json_string (s, ja);
        }
      g_string_append (s, "}}");
    }
  g_string_append (s, "], \"layers\": [");
  for (guint l = 0; l < n_layers; l++)
    {
      g_autofree char *en = words->name_en ? g_strdup_printf (words->name_en, l + 1) : NULL;
      g_autofree char *ja = words->name_ja ? g_strdup_printf (words->name_ja, l + 1) : NULL;
      guint share = n_layers == 1 ? n_problems :
                    l == 0 ? (n_problems + 1) / 2 :
                    (n_problems - (n_problems + 1) / 2 + n_layers - 2) / (n_layers - 1);
      GString *intro = g_string_new (NULL);

      g_string_append_printf (s, "%s{\"id\": \"l%u\", \"level\": %u, \"since\": \"%u-0%u\", "
                              "\"summary\": \"A layer that exists for testing.\", "
                              "\"name\": {", l > 0 ? ", " : "", l + 1, l + 1,
                              2010 + l, 1 + l % 9);
      if (en != NULL)
        {
          g_string_append (s, "\"en\": ");
          append_json_string (s, en);
        }
      if (ja != NULL)
        {
          g_string_append (s, en != NULL ? ", \"ja\": " : "\"ja\": ");
          append_json_string (s, ja);
        }
      g_string_append (s, "}");

      if (l > 0 && open->len >= 1)
        {
          guint p = g_array_index (open, guint, 0);

          g_string_append_printf (s, ", \"solves\": [\"p%u\"]", p);
          g_array_remove_index (open, 0);
        }
      if (l > 0 && open->len >= 2)
        g_string_append_printf (s, ", \"mitigates\": [\"p%u\"]", g_array_index (open, guint, 0));
      if (l > 0 && open->len >= 3)
        g_string_append_printf (s, ", \"worsens\": [\"p%u\"]", g_array_index (open, guint, 1));

      for (guint i = 0; i < share && next < n_problems; i++, next++)
        {
          g_string_append_printf (intro, "%s\"p%u\"", intro->len > 0 ? ", " : "", next);
          g_array_append_val (open, next);
        }
      if (intro->len > 0)
        g_string_append_printf (s, ", \"introduces\": [%s]", intro->str);
      g_string_free (intro, TRUE);
      g_string_append (s, "}");
    }
  g_string_append (s, "]}");

  dataset = load_json (s->str);
  g_string_free (s, TRUE);
  g_array_unref (open);
  return dataset;
}

#pragma GCC diagnostic pop

static const Words plain_words = {
  "Problem %u", "問題 %u", "Layer %u", "第%u層"
};
static const Words long_words = {
  "A very long problem label number %u that keeps going well past any chip's natural width "
  "and then some more words so that it must wrap or be cut",
  "とても長い問題のラベル %u 番。チップの自然な幅をはるかに超えて続き、折り返すか省略するしかない長さの文章",
  "An extraordinarily long layer name number %u that cannot possibly fit on one line",
  "一行には決して収まらないほど非常に長い層の名前 %u 番"
};
static const Words markup_words = {
  "<b>bold</b> & <i>%u</i> > a < b &amp;", "<タグ> & %u &lt;", "<Layer> & %u", "<層> & %u"
};
static const Words ja_only_words = {
  NULL, "日本語だけの問題 %u", NULL, "日本語だけの層 %u"
};

/* Checks */

static gboolean
rects_overlap (const KasaneRect *a,
               const KasaneRect *b)
{
  return a->x < b->x + b->width - EPS && b->x < a->x + a->width - EPS &&
         a->y < b->y + b->height - EPS && b->y < a->y + a->height - EPS;
}

static gboolean
rect_inside (const KasaneRect *inner,
             const KasaneRect *outer)
{
  return inner->x >= outer->x - EPS && inner->y >= outer->y - EPS &&
         inner->x + inner->width <= outer->x + outer->width + EPS &&
         inner->y + inner->height <= outer->y + outer->height + EPS;
}

static KasaneRect
text_rect (const KasaneDiagramText *t)
{
  KasaneRect r = { t->x, t->y, t->extents.width, t->extents.height };

  return r;
}

static const char *
describe_params (const KasaneDiagramParams *p)
{
  static char buf[128];

  g_snprintf (buf, sizeof buf, "%s %gx%g %s step %d sel %d/%d",
              p->kind == KASANE_DIAGRAM_STACK ? "stack" : "compare", p->width, p->height,
              p->lang, p->step, p->selected_dataset, p->selected_layer);
  return buf;
}

static void
check_layout (const KasaneDiagramLayout *layout,
              const char                *what)
{
  KasaneRect canvas = { 0, 0, layout->width, layout->height };
  GArray *boxes = layout->boxes, *texts = layout->texts;

  g_assert_false (layout->overflow);

  for (guint i = 0; i < boxes->len; i++)
    {
      const KasaneDiagramBox *a = &g_array_index (boxes, KasaneDiagramBox, i);

      if (!rect_inside (&a->rect, &canvas))
        g_error ("%s: box %u (kind %d) leaves the canvas", what, i, a->kind);
      g_assert_cmpfloat (a->rect.width, >, 0);
      g_assert_cmpfloat (a->rect.height, >, 0);

      for (guint j = i + 1; j < boxes->len; j++)
        {
          const KasaneDiagramBox *b = &g_array_index (boxes, KasaneDiagramBox, j);

          if ((a->kind == KASANE_BOX_CARD && b->kind == KASANE_BOX_CARD) ||
              (a->kind == KASANE_BOX_CHIP && b->kind == KASANE_BOX_CHIP) ||
              (a->kind == KASANE_BOX_BADGE && b->kind == KASANE_BOX_CLAIM))
            if (rects_overlap (&a->rect, &b->rect))
              g_error ("%s: boxes %u and %u (kind %d) overlap", what, i, j, a->kind);
        }

      /* A chip on a layer stays inside that layer's card, or inside the panel. */
      if (a->kind == KASANE_BOX_CHIP && !a->legend)
        {
          gboolean inside = FALSE;

          for (guint j = 0; j < boxes->len && !inside; j++)
            {
              const KasaneDiagramBox *b = &g_array_index (boxes, KasaneDiagramBox, j);

              if ((b->kind == KASANE_BOX_CARD || b->kind == KASANE_BOX_PANEL) &&
                  b->dataset == a->dataset && rect_inside (&a->rect, &b->rect))
                inside = TRUE;
            }
          if (!inside)
            g_error ("%s: chip %u is in no card", what, i);
        }
    }

  for (guint i = 0; i < texts->len; i++)
    {
      const KasaneDiagramText *t = &g_array_index (texts, KasaneDiagramText, i);
      KasaneRect r = text_rect (t);

      if (!rect_inside (&r, &t->box))
        g_error ("%s: text \"%s\" (%.1f,%.1f %.1f×%.1f) leaves its box (%.1f,%.1f %.1f×%.1f)",
                 what, t->text, r.x, r.y, r.width, r.height,
                 t->box.x, t->box.y, t->box.width, t->box.height);
      if (!rect_inside (&t->box, &canvas) || !rect_inside (&r, &canvas))
        g_error ("%s: text \"%s\" leaves the canvas", what, t->text);
      /* No label over a data point: the slope's dots, the strip's bars. */
      for (guint j = 0; j < boxes->len && t->text[0] != '\0'; j++)
        {
          const KasaneDiagramBox *b = &g_array_index (boxes, KasaneDiagramBox, j);

          if (b->kind == KASANE_BOX_BAR && rects_overlap (&r, &b->rect))
            g_error ("%s: text \"%s\" covers a data point (box %u)", what, t->text, j);
        }
      if (t->max_width > 0 && t->extents.width > t->max_width + EPS)
        g_error ("%s: text \"%s\" is %.1f wide, wider than its %.1f", what, t->text,
                 t->extents.width, t->max_width);

      for (guint j = i + 1; j < texts->len; j++)
        {
          const KasaneDiagramText *u = &g_array_index (texts, KasaneDiagramText, j);
          KasaneRect q = text_rect (u);

          if (t->text[0] != '\0' && u->text[0] != '\0' && rects_overlap (&r, &q))
            g_error ("%s: texts \"%s\" and \"%s\" overlap", what, t->text, u->text);
        }
    }

  for (guint i = 0; i < layout->rails->len; i++)
    {
      const KasaneDiagramRail *rail = &g_array_index (layout->rails, KasaneDiagramRail, i);

      g_assert_cmpfloat (rail->x, >=, 0);
      g_assert_cmpfloat (rail->x, <=, layout->width);
      g_assert_cmpfloat (MIN (rail->y_start, rail->y_end), >=, 0);
      g_assert_cmpfloat (MAX (rail->y_start, rail->y_end), <=, layout->height);
    }

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const KasaneDiagramMark *m = &g_array_index (layout->marks, KasaneDiagramMark, i);

      g_assert_true (rect_inside (&m->rect, &canvas));
    }
}

static void
check_hits (const KasaneDiagramLayout *layout,
            const char                *what)
{
  KasaneDiagramHit hit;
  guint n_cards = 0, n_chips = 0;

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const KasaneDiagramBox *b = &g_array_index (layout->boxes, KasaneDiagramBox, i);
      double cx = b->rect.x + b->rect.width / 2, cy = b->rect.y + b->rect.height / 2;

      if (b->kind == KASANE_BOX_CARD)
        {
          gboolean on_chip = FALSE;

          /* The centre, unless a chip covers it; then a point in the padding. */
          g_assert_true (kasane_diagram_layout_hit_test (layout, cx, cy, &hit));
          on_chip = hit.kind == KASANE_DIAGRAM_HIT_PROBLEM;
          if (on_chip)
            {
              cx = b->rect.x + b->rect.width - 3;
              cy = b->rect.y + b->rect.height - 3;
              g_assert_true (kasane_diagram_layout_hit_test (layout, cx, cy, &hit));
            }
          if (hit.kind != KASANE_DIAGRAM_HIT_LAYER || hit.dataset != b->dataset ||
              hit.layer != b->layer)
            g_error ("%s: the card of layer %d/%d does not hit as itself (%d %d/%d)", what,
                     b->dataset, b->layer, hit.kind, hit.dataset, hit.layer);
          n_cards++;
        }
      else if (b->kind == KASANE_BOX_CHIP && !b->legend)
        {
          g_assert_true (kasane_diagram_layout_hit_test (layout, cx, cy, &hit));
          g_assert_cmpint (hit.kind, ==, KASANE_DIAGRAM_HIT_PROBLEM);
          g_assert_cmpint (hit.dataset, ==, b->dataset);
          g_assert_cmpint (hit.problem, ==, b->problem);
          n_chips++;
        }
    }
  g_assert_cmpuint (n_cards, >, 0);

  for (guint i = 0; i < layout->rails->len; i++)
    {
      const KasaneDiagramRail *rail = &g_array_index (layout->rails, KasaneDiagramRail, i);

      if (rail->legend)
        continue;
      g_assert_true (kasane_diagram_layout_hit_test (layout, rail->x,
                                                     (rail->y_start + rail->y_end) / 2, &hit));
      g_assert_cmpint (hit.kind, ==, KASANE_DIAGRAM_HIT_PROBLEM);
      g_assert_cmpint (hit.problem, ==, rail->problem);
    }

  /* The top-left corner is margin. */
  g_assert_false (kasane_diagram_layout_hit_test (layout, 2, 2, &hit));
  g_assert_cmpint (hit.kind, ==, KASANE_DIAGRAM_HIT_NONE);
  g_assert_false (kasane_diagram_layout_hit_test (layout, -10, layout->height + 10, &hit));
}

/* Every text at the floor or larger, whole (no "…", no word past its width), and the
 * picture fits. */
static void
check_floor (const KasaneDiagramLayout *layout,
             double                     floor_px,
             const char                *what)
{
  g_assert_cmpfloat (floor_px, >=, 11.0);
  if (!kasane_diagram_layout_fits (layout))
    g_error ("%s: does not fit at a %.1f px floor", what, floor_px);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KasaneDiagramText *t = &g_array_index (layout->texts, KasaneDiagramText, i);

      if (t->text[0] == '\0')
        continue;
      if (t->font.size < floor_px - 1e-6)
        g_error ("%s: \"%s\" at %.2f px, below the %.1f px floor", what, t->text,
                 t->font.size, floor_px);
      if (t->extents.ellipsized)
        g_error ("%s: \"%s\" is cut short", what, t->text);
    }
}

static void
check_all (KasaneDataset * const *datasets,
           guint                  n,
           gboolean               readable)
{
  /* Exports, then the canvas of a window (window size, canvas size, whether it spans the
   * window): full screen at 1920×1080, the sidebar shown, 1280×720 and 800×600. */
  static const double sizes[][5] = {
    { 1920, 1080, 0 }, { 1280, 720, 0 }, { 1080, 1080, 0 }, { 700, 900, 0 }, { 1080, 1920, 0 },
    { 1920, 1080, 1, 1920, 1080 }, { 1920, 1080, 1, 1665, 990 }, { 1280, 720, 1, 1025, 640 },
    { 800, 600, 1, 800, 520 },
  };
  static const char * const langs[] = { "en", "ja" };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (int kind = KASANE_DIAGRAM_COMPARE; kind <= KASANE_DIAGRAM_STACK; kind++)
        {
          int n_sel = kind == KASANE_DIAGRAM_STACK ? 2 : 1;

          for (int sel = -1; sel < n_sel; sel++)
            {
              KasaneDiagramParams params;
              g_autoptr(KasaneDiagramLayout) layout = NULL;
              char what[160];

              kasane_diagram_params_init (&params);
              params.kind = kind;
              params.width = sizes[s][2] != 0 ? sizes[s][3] : sizes[s][0];
              params.height = sizes[s][2] != 0 ? sizes[s][4] : sizes[s][1];
              params.min_text_px = sizes[s][2] != 0
                ? kasane_text_floor_for_window (sizes[s][0], sizes[s][1],
                                                sizes[s][3] == sizes[s][0])
                : kasane_text_floor_for_picture (sizes[s][0], sizes[s][1]);
              params.lang = langs[l];
              if (sel >= 0)
                {
                  params.selected_dataset = 0;
                  params.selected_layer = MIN (sel, (int) datasets[0]->layers->len - 1);
                }
              g_strlcpy (what, describe_params (&params), sizeof what);
              layout = kasane_diagram_layout_new (datasets, n, &params, pango_measure);
              /* A generated stack far larger than real ones may not fit at the floor:
               * then the picture says so, and that message is laid out like any text. */
              if (!readable && layout->overflow)
                {
                  g_assert_cmpuint (layout->texts->len, ==, 2);
                  g_assert_cmpuint (layout->boxes->len, ==, 0);
                  continue;
                }
              check_layout (layout, what);
              check_hits (layout, what);
              if (readable)
                check_floor (layout, params.min_text_px, what);

              /* Projector type: chips (a problem's name) at the 18 px floor or above
               * at 1920×1080. */
              if (readable && s == 0)
                for (guint i = 0; i < layout->boxes->len; i++)
                  {
                    const KasaneDiagramBox *b = &g_array_index (layout->boxes, KasaneDiagramBox, i);

                    if (b->kind == KASANE_BOX_CHIP && !b->legend)
                      g_assert_cmpfloat (b->rect.height, >=, 18.5);
                  }
              if (readable && s == 0)
                for (guint i = 0; i < layout->texts->len; i++)
                  {
                    const KasaneDiagramText *t = &g_array_index (layout->texts,
                                                                 KasaneDiagramText, i);

                    if (t->problem >= 0 && t->font.size < 18.0)
                      g_error ("%s: problem text at %.1f px, below 18", what, t->font.size);
                  }
            }
        }
}

/* Tests */

static void
test_bundled (void)
{
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };

  check_all (datasets, 2, TRUE);
  check_all (datasets + 1, 1, TRUE);

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

/* The three bundled datasets side by side in a Compare export, at 1920×1080 and
 * 1280×720 in both languages: every label whole, at the floor or above.  Short of room,
 * chips go to one line each, and a label too long for half a row takes a whole one. */
static void
test_three_compare (void)
{
  KasaneDataset *datasets[3] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json"),
                                 kasane_test_load_bundled ("web.json") };
  static const double sizes[][2] = { { 1920, 1080 }, { 1280, 720 } };
  static const char * const langs[] = { "en", "ja" };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        KasaneDiagramParams params;
        g_autoptr(KasaneDiagramLayout) layout = NULL;

        kasane_diagram_params_init (&params);
        params.kind = KASANE_DIAGRAM_COMPARE;
        params.width = sizes[s][0];
        params.height = sizes[s][1];
        params.min_text_px = kasane_text_floor_for_picture (sizes[s][0], sizes[s][1]);
        params.lang = langs[l];
        layout = kasane_diagram_layout_new (datasets, 3, &params, pango_measure);
        check_layout (layout, describe_params (&params));
        check_floor (layout, params.min_text_px, describe_params (&params));
      }
  for (guint d = 0; d < 3; d++)
    kasane_dataset_unref (datasets[d]);
}

/* Two unseen datasets of three layers, titled "zeta: …" and "beta: …": zeta's layers
 * each fix something and leave the load as high or higher (5 → 5 → 6: migration),
 * beta's each lower it (6 → 4 → 3: progression). */
static const char moved_json[] =
  "{\"format\": \"kasane-dataset/1\", \"id\": \"zeta\", \"title\": \"zeta: unseen\","
  " \"problems\": [{\"id\": \"p1\", \"label\": \"P1\", \"weight\": 3},"
  "  {\"id\": \"p2\", \"label\": \"P2\", \"weight\": 2},"
  "  {\"id\": \"p3\", \"label\": \"P3\", \"weight\": 2},"
  "  {\"id\": \"p4\", \"label\": \"P4\", \"weight\": 2}],"
  " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\", \"introduces\": [\"p1\", \"p2\"]},"
  "  {\"id\": \"l2\", \"level\": 2, \"name\": \"L2\", \"solves\": [\"p2\"], \"introduces\": [\"p3\"]},"
  "  {\"id\": \"l3\", \"level\": 3, \"name\": \"L3\", \"mitigates\": [\"p1\"], \"introduces\": [\"p4\"]}]}";
static const char closed_json[] =
  "{\"format\": \"kasane-dataset/1\", \"id\": \"beta\", \"title\": \"beta: unseen\","
  " \"problems\": [{\"id\": \"p1\", \"label\": \"P1\", \"weight\": 3},"
  "  {\"id\": \"p2\", \"label\": \"P2\", \"weight\": 2},"
  "  {\"id\": \"p3\", \"label\": \"P3\", \"weight\": 1}],"
  " \"layers\": [{\"id\": \"l1\", \"level\": 1, \"name\": \"L1\", \"introduces\": [\"p1\", \"p2\", \"p3\"]},"
  "  {\"id\": \"l2\", \"level\": 2, \"name\": \"L2\", \"solves\": [\"p2\"]},"
  "  {\"id\": \"l3\", \"level\": 3, \"name\": \"L3\", \"solves\": [\"p3\"]}]}";

/* The Compare title and the slope labels say what the ledgers found: the bundled pair
 * gets its sentence, an unseen pair with the verdicts the other way round gets the
 * other one, in both languages; the layout carries both. */
static void
test_claim (void)
{
  KasaneDataset *bundled[2] = { kasane_test_load_bundled ("ai.json"),
                                kasane_test_load_bundled ("crypto.json") };
  g_autoptr(KasaneDataset) moved = load_json (moved_json);
  g_autoptr(KasaneDataset) closed = load_json (closed_json);
  KasaneDataset *unseen[2] = { moved, closed };
  KasaneLedger *ledgers[2];
  KasaneLedger *unseen_ledgers[2];
  g_autofree char *title_en = NULL;
  g_autofree char *title_ja = NULL;
  g_autofree char *unseen_en = NULL;
  g_autofree char *unseen_ja = NULL;
  g_autofree char *slope_ai = NULL;
  g_autofree char *slope_eth = NULL;
  g_autofree char *slope_ja = NULL;
  g_autofree char *slope_moved = NULL;
  KasaneDiagramParams params;
  KasaneDiagramLayout *layout;
  gboolean title_found = FALSE, slope_found = FALSE;

  for (guint d = 0; d < 2; d++)
    {
      ledgers[d] = kasane_ledger_compute (bundled[d]);
      unseen_ledgers[d] = kasane_ledger_compute (unseen[d]);
    }
  /* The bundled verdicts are whatever the files' judgements give (the data test checks
   * them); the unseen pair's are fixed here. */
  g_assert_cmpint (unseen_ledgers[0]->verdict, ==, KASANE_VERDICT_MIGRATION);
  g_assert_cmpint (unseen_ledgers[1]->verdict, ==, KASANE_VERDICT_PROGRESSION);

  title_en = kasane_diagram_claim_title (bundled, ledgers, 2, "en");
  title_ja = kasane_diagram_claim_title (bundled, ledgers, 2, "ja");
  unseen_en = kasane_diagram_claim_title (unseen, unseen_ledgers, 2, "en");
  unseen_ja = kasane_diagram_claim_title (unseen, unseen_ledgers, 2, "ja");
  g_assert_cmpstr (unseen_en, ==,
                   "zeta only moved its problems; beta closed its problems layer by layer");
  g_assert_cmpstr (title_ja, !=, title_en);
  g_assert_cmpstr (unseen_ja, ==, "zetaは問題を移しただけで、betaは層を重ねるごとに問題を減らした");

  slope_ai = kasane_diagram_slope_label (bundled[0], ledgers[0], "en");
  slope_eth = kasane_diagram_slope_label (bundled[1], ledgers[1], "en");
  slope_ja = kasane_diagram_slope_label (bundled[0], ledgers[0], "ja");
  slope_moved = kasane_diagram_slope_label (moved, unseen_ledgers[0], "en");
  {
    /* "NAME FIRST → LAST, ±N %" from the ledger's first and last open loads. */
    int first = ledgers[0]->rows[0].open_load;
    int last = ledgers[0]->rows[ledgers[0]->n_rows - 1].open_load;
    g_autofree char *prefix = g_strdup_printf ("AI %d → %d, ", first, last);
    g_autofree char *prefix_ja = g_strdup_printf ("AI %d → %d（", first, last);

    g_assert_true (g_str_has_prefix (slope_ai, prefix));
    g_assert_true (g_str_has_prefix (slope_ja, prefix_ja));
    g_assert_true (g_str_has_prefix (slope_eth, "Ethereum scaling "));
  }
  g_assert_cmpstr (slope_moved, ==, "zeta 5 → 6, +20 %");

  /* The Compare picture at 1920×1080 sets both. */
  kasane_diagram_params_init (&params);
  layout = kasane_diagram_layout_new (bundled, 2, &params, pango_measure);
  g_assert_true (kasane_diagram_layout_fits (layout));
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KasaneDiagramText *t = &g_array_index (layout->texts, KasaneDiagramText, i);

      title_found = title_found || g_strcmp0 (t->text, title_en) == 0;
      slope_found = slope_found || g_strcmp0 (t->text, slope_eth) == 0;
    }
  g_assert_true (title_found);
  g_assert_true (slope_found);
  kasane_diagram_layout_free (layout);

  for (guint d = 0; d < 2; d++)
    {
      kasane_ledger_free (ledgers[d]);
      kasane_ledger_free (unseen_ledgers[d]);
      kasane_dataset_unref (bundled[d]);
    }
}

/* Beside each verdict badge, its robustness; a what-if picture carries the marker with
 * its changes, in the picture's language, and the file's own data never does. */
static const KasaneDiagramText *
find_text_prefix (KasaneDiagramLayout *layout,
                  const char          *prefix)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KasaneDiagramText *t = &g_array_index (layout->texts, KasaneDiagramText, i);

      if (g_str_has_prefix (t->text, prefix))
        return t;
    }
  return NULL;
}

static gboolean
has_whatif_box (KasaneDiagramLayout *layout)
{
  for (guint i = 0; i < layout->boxes->len; i++)
    if (g_array_index (layout->boxes, KasaneDiagramBox, i).kind == KASANE_BOX_WHATIF)
      return TRUE;
  return FALSE;
}

static void
test_whatif_marker (void)
{
  g_autoptr(KasaneDataset) ai = kasane_test_load_bundled ("ai.json");
  g_autoptr(KasaneDataset) crypto = kasane_test_load_bundled ("crypto.json");
  g_autoptr(KasaneDataset) edited = NULL;
  g_autoptr(KasaneRobustness) robustness = kasane_robustness_compute (crypto);
  g_autofree char *holds = g_strdup_printf ("Holds under %u of %u single changes",
                                            robustness->n_keep, robustness->n_changes);
  g_autofree char *expected = NULL;
  KasaneDataset *files[2] = { ai, crypto };
  KasaneDataset *shown[2] = { ai, NULL };
  KasaneProblem *problem = g_ptr_array_index (crypto->problems, 0);
  KasaneChange change = { KASANE_CHANGE_WEIGHT, 0, -1, problem->weight,
                          problem->weight == 5 ? 4 : problem->weight + 1, 0 };
  const KasaneDiagramText *t;
  KasaneDiagramParams params;
  KasaneDiagramLayout *layout;

  kasane_diagram_params_init (&params);
  layout = kasane_diagram_layout_new (files, 2, &params, pango_measure);
  g_assert_nonnull (find_text_prefix (layout, holds));
  g_assert_null (find_text_prefix (layout, "What-if"));
  g_assert_false (has_whatif_box (layout));
  kasane_diagram_layout_free (layout);

  edited = kasane_whatif_apply (crypto, &change, 1, NULL);
  g_assert_nonnull (edited);
  shown[1] = edited;
  expected = g_strdup_printf ("What-if, not the file’s data: “%s” weighs %d, not %d",
                              problem->label.en, change.to, change.from);
  layout = kasane_diagram_layout_new (shown, 2, &params, pango_measure);
  g_assert_true (kasane_diagram_layout_fits (layout));
  t = find_text_prefix (layout, "What-if");
  g_assert_nonnull (t);
  g_assert_cmpstr (t->text, ==, expected);
  g_assert_true (has_whatif_box (layout));
  kasane_diagram_layout_free (layout);

  params.lang = "ja";
  layout = kasane_diagram_layout_new (shown, 2, &params, pango_measure);
  g_assert_true (kasane_diagram_layout_fits (layout));
  g_assert_null (find_text_prefix (layout, "What-if"));
  g_assert_true (has_whatif_box (layout));
  kasane_diagram_layout_free (layout);
}

/* A square canvas has height to spare once its width has set the frame: the text is set
 * larger than on a 16:9 canvas of the same width, and nothing is cut short for it. */
static void
test_tall_canvas (void)
{
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };
  KasaneDiagramParams params;
  g_autoptr(KasaneDiagramLayout) wide = NULL;
  g_autoptr(KasaneDiagramLayout) square = NULL;

  kasane_diagram_params_init (&params);
  params.width = 1080;
  params.height = 1080 * 9 / 16.0;
  wide = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);
  params.height = 1080;
  square = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);

  check_layout (square, "compare 1080x1080");
  g_assert_cmpfloat (square->unit, >, wide->unit * 1.03);
  g_assert_false (square->overflow);
  for (guint i = 0; i < square->texts->len; i++)
    g_assert_false (g_array_index (square->texts, KasaneDiagramText, i).extents.ellipsized);

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

static void
run_generated (guint        n_layers,
               guint        n_problems,
               const Words *words)
{
  KasaneDataset *datasets[2];

  datasets[0] = generate ("gen", n_layers, n_problems, words);
  datasets[1] = kasane_test_load_bundled ("crypto.json");
  check_all (datasets, 1, FALSE);
  check_all (datasets, 2, FALSE);
  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

static void
test_one_layer (void)
{
  run_generated (1, 3, &plain_words);
}

static void
test_eight_layers (void)
{
  run_generated (8, 12, &plain_words);
}

static void
test_thirty_problems (void)
{
  run_generated (3, 30, &plain_words);
}

static void
test_eight_layers_thirty_problems (void)
{
  run_generated (8, 30, &plain_words);
}

static void
test_no_problems (void)
{
  run_generated (2, 0, &plain_words);
}

static void
test_long_labels (void)
{
  run_generated (4, 8, &long_words);
}

static void
test_markup (void)
{
  KasaneDataset *dataset = generate ("markup", 3, 6, &markup_words);
  KasaneDiagramParams params;
  g_autoptr(KasaneDiagramLayout) layout = NULL;
  gboolean found = FALSE;

  run_generated (3, 6, &markup_words);

  /* The text is kept as it is, never read as markup. */
  kasane_diagram_params_init (&params);
  layout = kasane_diagram_layout_new (&dataset, 1, &params, pango_measure);
  for (guint i = 0; i < layout->texts->len; i++)
    if (strstr (g_array_index (layout->texts, KasaneDiagramText, i).text, "<b>bold</b> & <i>") != NULL)
      found = TRUE;
  g_assert_true (found);
  kasane_dataset_unref (dataset);
}

static void
test_japanese_only (void)
{
  KasaneDataset *dataset = generate ("ja-only", 4, 8, &ja_only_words);
  KasaneDiagramParams params;
  g_autoptr(KasaneDiagramLayout) layout = NULL;
  gboolean found = FALSE;

  run_generated (4, 8, &ja_only_words);

  /* English falls back to the Japanese text. */
  kasane_diagram_params_init (&params);
  layout = kasane_diagram_layout_new (&dataset, 1, &params, pango_measure);
  for (guint i = 0; i < layout->texts->len; i++)
    if (strstr (g_array_index (layout->texts, KasaneDiagramText, i).text, "日本語だけの層") != NULL)
      found = TRUE;
  g_assert_true (found);
  kasane_dataset_unref (dataset);
}

/* A picture (the default: exports, Copy as Image, slides) tells no one to click: the
 * Stack panel with nothing selected says "Select a layer" and how only on screen. */
static void
test_no_pointer_instructions (void)
{
  KasaneDataset *dataset = kasane_test_load_bundled ("ai.json");

  for (int interactive = 0; interactive < 2; interactive++)
    for (guint l = 0; l < 2; l++)
      {
        KasaneDiagramParams params;
        g_autoptr(KasaneDiagramLayout) layout = NULL;
        gboolean instructions = FALSE, about = FALSE;

        kasane_diagram_params_init (&params);
        params.kind = KASANE_DIAGRAM_STACK;
        params.lang = l == 0 ? "en" : "ja";
        params.interactive = interactive;
        layout = kasane_diagram_layout_new (&dataset, 1, &params, pango_measure);
        for (guint i = 0; i < layout->texts->len; i++)
          {
            const char *text = g_array_index (layout->texts, KasaneDiagramText, i).text;

            instructions = instructions || strstr (text, "Select a layer") != NULL ||
                           strstr (text, "arrow keys") != NULL ||
                           strstr (text, "層を選んでください") != NULL ||
                           strstr (text, "矢印キー") != NULL;
            about = about || g_str_equal (text, "About this dataset") ||
                    g_str_equal (text, "このデータセットについて");
          }
        g_assert_true (instructions == (gboolean) interactive);
        g_assert_true (about == !interactive);
      }
  kasane_dataset_unref (dataset);
}

/* A line never breaks inside a katakana word: given room for the word but not for what
 * comes before it too, the word moves to a line of its own, whole (Pango alone would
 * split it, "ab イーサリ" / "アム"). */
static void
test_katakana_words (void)
{
  KasaneFont font = { 20, KASANE_WEIGHT_REGULAR, FALSE };
  KasaneTextExtents word, both;

  kasane_measure_text (pango_measure, "イーサリアム", &font, "ja", 0, 0, &word);
  kasane_measure_text (pango_measure, "ab イーサリアム", &font, "ja", word.width * 1.05, 0,
                       &both);
  g_assert_cmpint (both.n_lines, ==, 2);
  g_assert_cmpfloat (both.width, >=, word.width - 0.5);

  /* A kanji compound is kept whole the same way, with up to two hiragana after it. */
  kasane_measure_text (pango_measure, "思考", &font, "ja", 0, 0, &word);
  kasane_measure_text (pango_measure, "ab 思考", &font, "ja", word.width * 1.05, 0, &both);
  g_assert_cmpint (both.n_lines, ==, 2);
  g_assert_cmpfloat (both.width, >=, word.width - 0.5);

  /* The same attributes serve GTK's labels (the Ledger, the Explain view, the sidebar):
   * one unbreakable range per katakana word and kanji compound, the middle dot between
   * words left free. */
  {
    const char *text = "AI・エージェント、イーサリアムの対数目盛で思考";
    PangoAttrList *attrs = pango_attr_list_new ();
    g_autoptr(GSList) list = NULL;
    const char *words[] = { "エージェント", "イーサリアム", "対数目盛で", "思考" };
    guint n = 0;

    kasane_render_keep_words (attrs, text);
    list = pango_attr_list_get_attributes (attrs);
    for (GSList *l = list; l != NULL; l = l->next)
      {
        PangoAttribute *a = l->data;
        g_autofree char *range = g_strndup (text + a->start_index, a->end_index - a->start_index);

        g_assert_cmpint (a->klass->type, ==, PANGO_ATTR_ALLOW_BREAKS);
        g_assert_cmpuint (n, <, G_N_ELEMENTS (words));
        g_assert_cmpstr (range, ==, words[n]);
        n++;
      }
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (words));
    g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
    pango_attr_list_unref (attrs);
  }
}

static void
test_fake_measure (void)
{
  g_autoptr(KasaneMeasure) fake = kasane_measure_new_fake (0.5);
  KasaneFont font = { 20, KASANE_WEIGHT_REGULAR, FALSE };
  KasaneTextExtents ext;
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };
  KasaneDiagramParams params;

  kasane_measure_text (fake, "abcd", &font, "en", 0, 0, &ext);
  g_assert_cmpfloat (ext.width, ==, 40);
  g_assert_cmpfloat (ext.height, ==, 25);
  g_assert_cmpint (ext.n_lines, ==, 1);

  kasane_measure_text (fake, "abcd efgh ijkl", &font, "en", 80, 0, &ext);
  g_assert_cmpint (ext.n_lines, ==, 3);
  g_assert_cmpfloat (ext.width, <=, 80);

  kasane_measure_text (fake, "abcd efgh ijkl", &font, "en", 80, 2, &ext);
  g_assert_cmpint (ext.n_lines, ==, 2);
  g_assert_true (ext.ellipsized);

  /* The whole layout works with the fake measure too (geometry only). */
  kasane_diagram_params_init (&params);
  for (int kind = KASANE_DIAGRAM_COMPARE; kind <= KASANE_DIAGRAM_STACK; kind++)
    {
      g_autoptr(KasaneDiagramLayout) layout = NULL;

      params.kind = kind;
      layout = kasane_diagram_layout_new (datasets, 2, &params, fake);
      check_layout (layout, "fake measure");
      check_hits (layout, "fake measure");
    }

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

static void
test_pango_measure (void)
{
  KasaneFont font = { 20, KASANE_WEIGHT_REGULAR, FALSE };
  KasaneFont bold = { 20, KASANE_WEIGHT_BOLD, FALSE };
  KasaneTextExtents a, b, c;
  const char *long_text = "A sentence long enough to wrap onto several lines when it is narrow.";

  kasane_measure_text (pango_measure, "Hello", &font, "en", 0, 0, &a);
  g_assert_cmpfloat (a.width, >, 20);
  g_assert_cmpfloat (a.height, >=, 20);
  g_assert_cmpint (a.n_lines, ==, 1);
  kasane_measure_text (pango_measure, "Hello", &bold, "en", 0, 0, &b);
  g_assert_cmpfloat (b.width, >, a.width);

  kasane_measure_text (pango_measure, long_text, &font, "en", 150, 0, &a);
  g_assert_cmpint (a.n_lines, >, 2);
  g_assert_cmpfloat (a.width, <=, 150);
  kasane_measure_text (pango_measure, long_text, &font, "en", 150, 2, &b);
  g_assert_cmpint (b.n_lines, ==, 2);
  g_assert_true (b.ellipsized);

  /* Japanese wraps between characters and keeps within the width. */
  kasane_measure_text (pango_measure, "日本語の長い文章は単語の区切りがなくても折り返される。",
                       &font, "ja", 120, 0, &c);
  g_assert_cmpint (c.n_lines, >, 1);
  g_assert_cmpfloat (c.width, <=, 120);

  /* Markup characters are text. */
  kasane_measure_text (pango_measure, "<b>&", &font, "en", 0, 0, &a);
  kasane_measure_text (pango_measure, "&", &font, "en", 0, 0, &b);
  g_assert_cmpfloat (a.width, >, b.width * 2);
}

/* Field by field: memcmp would also compare the structs' padding, which holds whatever
 * was on the stack when an item was built. */
static gboolean
rects_equal (const KasaneRect *a,
             const KasaneRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

static gboolean
boxes_equal (const KasaneDiagramBox *a,
             const KasaneDiagramBox *b)
{
  return a->kind == b->kind && rects_equal (&a->rect, &b->rect) && a->radius == b->radius &&
         a->fill == b->fill && a->fill_alpha == b->fill_alpha && a->stroke == b->stroke &&
         a->line_width == b->line_width && a->dash == b->dash && a->shadow == b->shadow &&
         a->dataset == b->dataset && a->layer == b->layer && a->problem == b->problem &&
         a->effect == b->effect && a->legend == b->legend;
}

static gboolean
marks_equal (const KasaneDiagramMark *a,
             const KasaneDiagramMark *b)
{
  return a->kind == b->kind && rects_equal (&a->rect, &b->rect) && a->role == b->role &&
         a->line_width == b->line_width && a->dataset == b->dataset &&
         a->problem == b->problem && a->legend == b->legend;
}

static gboolean
lines_equal (const KasaneDiagramLine *a,
             const KasaneDiagramLine *b)
{
  return a->x0 == b->x0 && a->y0 == b->y0 && a->x1 == b->x1 && a->y1 == b->y1 &&
         a->role == b->role && a->line_width == b->line_width && a->dash == b->dash &&
         a->alpha == b->alpha;
}

static gboolean
layouts_equal (const KasaneDiagramLayout *a,
               const KasaneDiagramLayout *b)
{
  if (a->boxes->len != b->boxes->len || a->texts->len != b->texts->len ||
      a->marks->len != b->marks->len || a->rails->len != b->rails->len ||
      a->lines->len != b->lines->len)
    return FALSE;
  for (guint i = 0; i < a->boxes->len; i++)
    if (!boxes_equal (&g_array_index (a->boxes, KasaneDiagramBox, i),
                      &g_array_index (b->boxes, KasaneDiagramBox, i)))
      return FALSE;
  for (guint i = 0; i < a->marks->len; i++)
    if (!marks_equal (&g_array_index (a->marks, KasaneDiagramMark, i),
                      &g_array_index (b->marks, KasaneDiagramMark, i)))
      return FALSE;
  for (guint i = 0; i < a->lines->len; i++)
    if (!lines_equal (&g_array_index (a->lines, KasaneDiagramLine, i),
                      &g_array_index (b->lines, KasaneDiagramLine, i)))
      return FALSE;
  for (guint i = 0; i < a->texts->len; i++)
    {
      const KasaneDiagramText *t = &g_array_index (a->texts, KasaneDiagramText, i);
      const KasaneDiagramText *u = &g_array_index (b->texts, KasaneDiagramText, i);

      if (g_strcmp0 (t->text, u->text) != 0 || t->x != u->x || t->y != u->y ||
          t->extents.width != u->extents.width || t->extents.height != u->extents.height)
        return FALSE;
    }
  for (guint i = 0; i < a->rails->len; i++)
    {
      const KasaneDiagramRail *r = &g_array_index (a->rails, KasaneDiagramRail, i);
      const KasaneDiagramRail *s = &g_array_index (b->rails, KasaneDiagramRail, i);

      if (r->x != s->x || r->y_start != s->y_start || r->y_end != s->y_end ||
          r->problem != s->problem || r->segments->len != s->segments->len)
        return FALSE;
    }
  return TRUE;
}

static void
test_deterministic (void)
{
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };
  KasaneDiagramParams params;
  g_autoptr(KasaneMeasure) other = kasane_measure_new_pango ();

  kasane_diagram_params_init (&params);
  for (int kind = KASANE_DIAGRAM_COMPARE; kind <= KASANE_DIAGRAM_STACK; kind++)
    {
      g_autoptr(KasaneDiagramLayout) a = NULL;
      g_autoptr(KasaneDiagramLayout) b = NULL;
      g_autoptr(KasaneDiagramLayout) c = NULL;

      params.kind = kind;
      params.selected_dataset = 1;
      params.selected_layer = 1;
      a = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);
      b = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);
      c = kasane_diagram_layout_new (datasets, 2, &params, other);
      g_assert_true (layouts_equal (a, b));
      g_assert_true (layouts_equal (a, c));
    }

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

static void
test_step (void)
{
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };
  KasaneDiagramParams params;
  g_autoptr(KasaneDiagramLayout) all = NULL;
  g_autoptr(KasaneDiagramLayout) first = NULL;
  guint n_all = 0, n_first = 0;
  KasaneRect l1_all = { 0 }, l1_first = { 0 };

  kasane_diagram_params_init (&params);
  all = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);
  params.step = 0;
  first = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);
  check_layout (first, "step 0");

  for (guint i = 0; i < all->boxes->len; i++)
    {
      const KasaneDiagramBox *b = &g_array_index (all->boxes, KasaneDiagramBox, i);

      if (b->kind == KASANE_BOX_CARD)
        {
          n_all++;
          if (b->dataset == 0 && b->layer == 0)
            l1_all = b->rect;
        }
    }
  for (guint i = 0; i < first->boxes->len; i++)
    {
      const KasaneDiagramBox *b = &g_array_index (first->boxes, KasaneDiagramBox, i);

      if (b->kind == KASANE_BOX_CARD)
        {
          n_first++;
          g_assert_cmpint (b->layer, ==, 0);
          if (b->dataset == 0)
            l1_first = b->rect;
        }
      /* No verdict before every layer is shown. */
      g_assert_cmpint (b->kind, !=, KASANE_BOX_BADGE);
    }
  g_assert_cmpuint (n_all, ==, 6);
  g_assert_cmpuint (n_first, ==, 2);
  /* Stepping reveals layers in place: L1 does not move. */
  g_assert_cmpfloat (fabs (l1_all.y - l1_first.y), <, 1e-6);
  g_assert_cmpfloat (fabs (l1_all.x - l1_first.x), <, 1e-6);

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

static void
test_story (void)
{
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };
  KasaneDiagramParams params;
  g_autoptr(KasaneDiagramLayout) layout = NULL;
  double bars[2][3] = { { 0 } };
  guint n_badges = 0;

  kasane_diagram_params_init (&params);
  layout = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const KasaneDiagramBox *b = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      /* Compare draws the open load as a slope: a dot per layer, higher for more. */
      if (b->kind == KASANE_BOX_BAR)
        bars[b->dataset][b->layer] = b->rect.y + b->rect.height / 2;
      if (b->kind == KASANE_BOX_BADGE)
        n_badges++;
    }
  /* A larger open load is higher on the page, an equal one level, from layer to layer,
   * whatever the files' judgements make the loads. */
  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(KasaneLedger) ledger = kasane_ledger_compute (datasets[d]);

      for (guint l = 0; l + 1 < 3; l++)
        {
          int a = ledger->rows[l].open_load, b = ledger->rows[l + 1].open_load;

          if (a == b)
            g_assert_cmpfloat (fabs (bars[d][l] - bars[d][l + 1]), <, 1e-6);
          else if (b > a)
            g_assert_cmpfloat (bars[d][l + 1], <, bars[d][l]);
          else
            g_assert_cmpfloat (bars[d][l + 1], >, bars[d][l]);
        }
    }
  g_assert_cmpuint (n_badges, ==, 2);

  /* AI is on the left. */
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const KasaneDiagramBox *b = &g_array_index (layout->boxes, KasaneDiagramBox, i);

      if (b->kind == KASANE_BOX_CARD)
        g_assert_true (b->dataset == 0 ? b->rect.x < params.width / 2 :
                                         b->rect.x > params.width / 2);
    }

  /* Open problems leave the top: dashed rails with arrows; solved ones end in a dot. */
  {
    guint n_open = 0, n_solved = 0;

    for (guint i = 0; i < layout->rails->len; i++)
      {
        const KasaneDiagramRail *r = &g_array_index (layout->rails, KasaneDiagramRail, i);

        if (r->legend)
          continue;
        if (r->open)
          n_open++;
        else
          n_solved++;
        g_assert_cmpfloat (r->y_end, <, r->y_start);
      }
    g_assert_cmpuint (n_open, >, 0);
    g_assert_cmpuint (n_solved, >, 0);
  }

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

static void
test_paint_themes (void)
{
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };
  static const KasaneTheme themes[] = { KASANE_THEME_LIGHT, KASANE_THEME_DARK,
                                        KASANE_THEME_CONTRAST };
  cairo_surface_t *surfaces[3];

  for (int kind = KASANE_DIAGRAM_COMPARE; kind <= KASANE_DIAGRAM_STACK; kind++)
    {
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          KasaneDiagramParams params;
          g_autoptr(KasaneDiagramLayout) layout = NULL;
          cairo_t *cr;

          kasane_diagram_params_init (&params);
          params.kind = kind;
          params.width = 960;
          params.height = 540;
          params.theme = themes[t];
          params.selected_dataset = 0;
          params.selected_layer = 1;
          params.hover_dataset = 1;
          params.hover_problem = 0;
          layout = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);
          surfaces[t] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
          cr = cairo_create (surfaces[t]);
          kasane_diagram_paint (cr, layout, kasane_palette_get (themes[t]));
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_flush (surfaces[t]);
          g_assert_cmpint (cairo_surface_status (surfaces[t]), ==, CAIRO_STATUS_SUCCESS);

          /* Scaled, as a 2× export or a HiDPI screen paints it. */
          {
            cairo_surface_t *big = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
            cairo_t *bcr = cairo_create (big);

            cairo_scale (bcr, 2, 2);
            kasane_diagram_paint (bcr, layout, kasane_palette_get (themes[t]));
            g_assert_cmpint (cairo_status (bcr), ==, CAIRO_STATUS_SUCCESS);
            cairo_destroy (bcr);
            cairo_surface_destroy (big);
          }
        }

      for (guint a = 0; a < 3; a++)
        for (guint b = a + 1; b < 3; b++)
          {
            int stride = cairo_image_surface_get_stride (surfaces[a]);
            gsize n = (gsize) stride * 540;
            gsize differ = 0;
            const guchar *pa = cairo_image_surface_get_data (surfaces[a]);
            const guchar *pb = cairo_image_surface_get_data (surfaces[b]);

            for (gsize i = 0; i < n; i += 4)
              if (memcmp (pa + i, pb + i, 4) != 0)
                differ++;
            /* Most of the picture (at least the page) differs between themes. */
            g_assert_cmpuint (differ, >, n / 4 / 4);
          }

      for (guint t = 0; t < 3; t++)
        cairo_surface_destroy (surfaces[t]);
    }

  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

static void
test_hover (void)
{
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };
  KasaneDiagramParams params;
  g_autoptr(KasaneDiagramLayout) layout = NULL;
  cairo_surface_t *plain, *hovered;
  cairo_t *cr;

  kasane_diagram_params_init (&params);
  params.width = 960;
  params.height = 540;
  layout = kasane_diagram_layout_new (datasets, 2, &params, pango_measure);

  plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
  cr = cairo_create (plain);
  kasane_diagram_paint (cr, layout, NULL);
  cairo_destroy (cr);

  kasane_diagram_layout_set_hover (layout, 1, 2);
  g_assert_cmpint (layout->hover_dataset, ==, 1);
  g_assert_cmpint (layout->hover_problem, ==, 2);
  hovered = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
  cr = cairo_create (hovered);
  kasane_diagram_paint (cr, layout, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (plain);
  cairo_surface_flush (hovered);
  g_assert_true (memcmp (cairo_image_surface_get_data (plain),
                         cairo_image_surface_get_data (hovered),
                         (gsize) cairo_image_surface_get_stride (plain) * 540) != 0);

  kasane_diagram_layout_set_hover (layout, -1, -1);
  g_assert_cmpint (layout->hover_problem, ==, -1);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hovered);
  kasane_dataset_unref (datasets[0]);
  kasane_dataset_unref (datasets[1]);
}

static void
test_describe (void)
{
  KasaneDataset *datasets[2] = { kasane_test_load_bundled ("ai.json"),
                                 kasane_test_load_bundled ("crypto.json") };
  g_autofree char *en = kasane_diagram_describe (datasets, 2, KASANE_DIAGRAM_COMPARE, "en");
  g_autofree char *ja = kasane_diagram_describe (datasets, 2, KASANE_DIAGRAM_COMPARE, "ja");
  g_autofree char *stack = kasane_diagram_describe (datasets + 1, 1, KASANE_DIAGRAM_STACK, "en");

  g_assert_nonnull (strstr (en, "Reasoning models"));
  g_assert_nonnull (strstr (en, "Rollups"));
  g_assert_nonnull (strstr (en, "solved High gas fees"));
  g_assert_nonnull (strstr (en, "eased Maths errors"));
  /* Each dataset's verdict, in words, in each language. */
  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(KasaneLedger) ledger = kasane_ledger_compute (datasets[d]);

      g_assert_nonnull (strstr (en, kasane_diagram_verdict_title (ledger->verdict, "en")));
      g_assert_nonnull (strstr (ja, kasane_diagram_verdict_title (ledger->verdict, "ja")));
    }
  g_assert_nonnull (strstr (ja, "推論モデル"));
  g_assert_null (strstr (stack, "Reasoning models"));
  g_assert_nonnull (strstr (stack, "Rollups"));
  g_assert_true (g_utf8_validate (ja, -1, NULL));
}

static void
test_themes (void)
{
  KasaneTheme theme;
  const KasanePalette *contrast = kasane_palette_get (KASANE_THEME_CONTRAST);
  const KasanePalette *light = kasane_palette_get (KASANE_THEME_LIGHT);
  const KasanePalette *dark = kasane_palette_get (KASANE_THEME_DARK);

  g_assert_true (kasane_theme_from_string ("light", &theme));
  g_assert_cmpint (theme, ==, KASANE_THEME_LIGHT);
  g_assert_true (kasane_theme_from_string ("dark", &theme));
  g_assert_cmpint (theme, ==, KASANE_THEME_DARK);
  g_assert_true (kasane_theme_from_string ("contrast", &theme));
  g_assert_cmpint (theme, ==, KASANE_THEME_CONTRAST);
  g_assert_false (kasane_theme_from_string ("Light", &theme));
  g_assert_false (kasane_theme_from_string ("", &theme));
  g_assert_false (kasane_theme_from_string (NULL, &theme));
  for (KasaneTheme t = KASANE_THEME_LIGHT; t <= KASANE_THEME_CONTRAST; t++)
    {
      g_assert_true (kasane_theme_from_string (kasane_theme_to_string (t), &theme));
      g_assert_cmpint (theme, ==, t);
    }

  /* Contrast: pure black on pure white, thicker lines. */
  g_assert_cmpfloat (contrast->background.red + contrast->background.green +
                     contrast->background.blue, ==, 3.0);
  g_assert_cmpfloat (contrast->text.red + contrast->text.green + contrast->text.blue, ==, 0.0);
  g_assert_cmpfloat (contrast->stroke_scale, >, light->stroke_scale);
  /* Dark is not an inversion: its page is dark, its badges keep white text. */
  g_assert_cmpfloat (dark->background.red, <, 0.2);
  g_assert_cmpfloat (dark->on_badge.red, ==, 1.0);
  g_assert_cmpfloat (light->on_badge.red, ==, 1.0);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  pango_measure = kasane_measure_new_pango ();

  g_test_add_func ("/layout/themes", test_themes);
  g_test_add_func ("/layout/pango-measure", test_pango_measure);
  g_test_add_func ("/layout/claim", test_claim);
  g_test_add_func ("/layout/katakana-words", test_katakana_words);
  g_test_add_func ("/layout/no-pointer-instructions", test_no_pointer_instructions);
  g_test_add_func ("/layout/fake-measure", test_fake_measure);
  g_test_add_func ("/layout/bundled", test_bundled);
  g_test_add_func ("/layout/three-compare", test_three_compare);
  g_test_add_func ("/layout/tall-canvas", test_tall_canvas);
  g_test_add_func ("/layout/story", test_story);
  g_test_add_func ("/layout/one-layer", test_one_layer);
  g_test_add_func ("/layout/eight-layers", test_eight_layers);
  g_test_add_func ("/layout/thirty-problems", test_thirty_problems);
  g_test_add_func ("/layout/eight-layers-thirty-problems", test_eight_layers_thirty_problems);
  g_test_add_func ("/layout/no-problems", test_no_problems);
  g_test_add_func ("/layout/long-labels", test_long_labels);
  g_test_add_func ("/layout/markup", test_markup);
  g_test_add_func ("/layout/japanese-only", test_japanese_only);
  g_test_add_func ("/layout/step", test_step);
  g_test_add_func ("/layout/deterministic", test_deterministic);
  g_test_add_func ("/layout/hover", test_hover);
  g_test_add_func ("/layout/paint-themes", test_paint_themes);
  g_test_add_func ("/layout/describe", test_describe);
  g_test_add_func ("/layout/whatif-marker", test_whatif_marker);

  ret = g_test_run ();
  kasane_measure_free (pango_measure);
  return ret;
}
