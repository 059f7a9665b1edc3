/* kasane-starter.c: the starter dataset that `kasane --new` writes
 *
 * A dataset that passes --check and draws in every view: N layers with placeholder names
 * in both languages, two problems that the second layer solves and eases, one series with
 * a placeholder source, and notes that say how to fill it in, the weight rubric
 * included.  Both languages are written into the file, so the texts are here in both,
 * not looked up in the message catalogue.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-starter"

#include "config.h"

#include "kasane-starter.h"

#include "kasane-csv.h"
#include "kasane-file-writer.h"

#include <string.h>

#include <gio/gio.h>

#include <json-glib/json-glib.h>

static const char * const notes_en[] = {
  "This is a starter dataset: replace its placeholders with your own stack. Give the layers "
  "their real names and the date each reached the public (\"since\"), list the problems "
  "each layer leaves its users with, and say for every layer which problems it introduces, "
  "solves, mitigates (eases) or worsens. A layer may only solve, ease or worsen a problem "
  "that is still open below it. Run kasane --check on the file after each change.",
  "Weigh each problem by what it does to the people using the layer: 1, an inconvenience "
  "with a routine workaround; 2, a cost, where the use works but users pay in money, time "
  "or risk; 3, it stops some users or some tasks; 4, it stops most users or tasks in the "
  "layer's main use, or makes every result need checking; 5, it blocks the main use.",
  "Count a problem as solved, rather than eased, only on evidence in the dataset: on every "
  "series that measures the failure, the layer's best result fails at most a tenth as "
  "often, or costs at most a tenth as much, as the best of the layer below; or, for a "
  "problem that says the layer below cannot do something at all, a dated and sourced event "
  "shows the new layer doing it. Split problems one per distinct failure a user meets.",
  "Every series needs a source: its name, its address and the day you read it. The example "
  "series and its source are placeholders; replace them with figures you have read and can "
  "cite, or remove them. Write these notes in your own words: they are where a reader "
  "learns why each weight is what it is.",
  NULL
};

static const char * const notes_ja[] = {
  "これは出発点となるデータセットです。仮の内容を自分の積み重ねに置き換えてください。層には本当の名前と、"
  "一般に届いた時期（\"since\"）を付け、各層が利用者に残す問題を挙げ、層ごとにどの問題を持ち込み"
  "（introduces）、解決し（solves）、緩和し（mitigates）、悪化させるか（worsens）を書きます。層が解決・"
  "緩和・悪化できるのは、その下でまだ未解決の問題だけです。変更のたびに kasane --check で確かめて"
  "ください。",
  "問題の重みは、その問題が層の利用者に何をもたらすかで決めます。1は決まった回避策がある不便、2はコスト"
  "（使えるが、利用者がお金・時間・リスクで払う）、3は一部の利用者や一部の作業を止める、4はその層の主な用途"
  "で大半の利用者や作業を止めるか、あらゆる結果の確認を必要にする、5は主な用途をまったく妨げる、です。",
  "問題を「緩和」ではなく「解決」と数えるのは、データセットの中に証拠があるときだけです。その失敗を測る"
  "すべての系列で、その層の最良の結果の失敗の頻度（またはコスト）が下の層の最良の結果の10分の1以下で"
  "あること。あるいは、下の層には何かがまったくできないという問題なら、新しい層がそれを実現したことを、"
  "日付と出典のある出来事が示すこと。問題は、利用者が出会う別々の失敗ごとに一つとして分けます。",
  "どの系列にも出典が必要です。名前、アドレス、読んだ日を書きます。例の系列と出典は仮のものなので、"
  "自分で読んで引用できる数値に置き換えるか、削除してください。この注記は自分の言葉で書いてください。"
  "読み手がそれぞれの重みの理由を知る場所です。",
  NULL
};

static JsonNode *
text_node (const char *en,
           const char *ja)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "en", en);
  json_object_set_string_member (object, "ja", ja);
  json_node_take_object (node, object);
  return node;
}

static JsonArray *
strings (const char * const *items)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    json_array_add_string_element (array, items[i]);
  return array;
}

static JsonObject *
problem (const char *id,
         const char *label_en,
         const char *label_ja,
         int         weight,
         const char *description_en,
         const char *description_ja)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", id);
  json_object_set_member (object, "label", text_node (label_en, label_ja));
  json_object_set_int_member (object, "weight", weight);
  json_object_set_member (object, "description", text_node (description_en, description_ja));
  return object;
}

char *
kasane_starter_id_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strchr (base, '.');
  gboolean any = FALSE;

  /* "My Stack.kasane.json" → "my-stack", as a CSV header makes a series id. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  for (const char *p = base; *p != '\0' && !any; p++)
    any = g_ascii_isalnum (*p);
  return kasane_csv_make_id (any ? base : "my-stack", 1, NULL);
}

char *
kasane_starter_json (const char *id,
                     guint       n_layers,
                     const char *today)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *dataset = json_object_new ();
  JsonArray *problems = json_array_new ();
  JsonArray *layers = json_array_new ();
  JsonArray *series = json_array_new ();
  JsonObject *notes = json_object_new ();
  JsonObject *example = json_object_new ();
  JsonObject *source = json_object_new ();
  JsonArray *points = json_array_new ();
  char *text;

  g_return_val_if_fail (id != NULL && today != NULL, NULL);
  g_return_val_if_fail (n_layers >= 1 && n_layers <= KASANE_STARTER_MAX_LAYERS, NULL);

  json_object_set_string_member (dataset, "format", "kasane-dataset/1");
  json_object_set_string_member (dataset, "id", id);
  json_object_set_member (dataset, "title",
                          text_node ("My layered stack (replace with its name)",
                                     "私の階層（名前に置き換える）"));

  json_array_add_object_element (problems,
                                 problem ("first-problem", "First problem", "一つ目の問題", 3,
                                          "What the first layer leaves its users with: say what "
                                          "fails, for whom, and how often.",
                                          "最初の層が利用者に残すもの。何が、誰にとって、どれくらい"
                                          "の頻度で失敗するのかを書く。"));
  json_array_add_object_element (problems,
                                 problem ("second-problem", "Second problem", "二つ目の問題", 2,
                                          "Another failure the first layer leaves, one a user "
                                          "meets apart from the first.",
                                          "最初の層が残す、もう一つの失敗。利用者が一つ目とは別に出"
                                          "会うもの。"));
  json_object_set_array_member (dataset, "problems", problems);

  for (guint i = 0; i < n_layers; i++)
    {
      JsonObject *layer = json_object_new ();
      g_autofree char *layer_id = g_strdup_printf ("l%u", i + 1);
      g_autofree char *name_en = g_strdup_printf ("Layer %u (replace with its name)", i + 1);
      g_autofree char *name_ja = g_strdup_printf ("第%u層（名前に置き換える）", i + 1);
      g_autofree char *summary_en =
        g_strdup_printf ("What layer %u is, in a sentence or two, and what changed for its "
                         "users.", i + 1);
      g_autofree char *summary_ja =
        g_strdup_printf ("第%u層が何か、そして利用者にとって何が変わったかを一、二文で。", i + 1);
      g_autofree char *since = g_strdup_printf ("%04u", 2000 + 2 * i);

      json_object_set_string_member (layer, "id", layer_id);
      json_object_set_int_member (layer, "level", i + 1);
      json_object_set_member (layer, "name", text_node (name_en, name_ja));
      json_object_set_string_member (layer, "since", since);
      json_object_set_member (layer, "summary", text_node (summary_en, summary_ja));
      if (i == 0)
        {
          const char *introduces[] = { "first-problem", "second-problem", NULL };

          json_object_set_array_member (layer, "introduces", strings (introduces));
        }
      else if (i == 1)
        {
          const char *solves[] = { "first-problem", NULL };
          const char *mitigates[] = { "second-problem", NULL };

          json_object_set_array_member (layer, "solves", strings (solves));
          json_object_set_array_member (layer, "mitigates", strings (mitigates));
        }
      json_array_add_object_element (layers, layer);
    }
  json_object_set_array_member (dataset, "layers", layers);

  json_object_set_string_member (example, "id", "example-measure");
  json_object_set_member (example, "name",
                          text_node ("Example measure (replace with a sourced series)",
                                     "例の指標（出典のある系列に置き換える）"));
  json_object_set_string_member (example, "unit", "count");
  json_object_set_string_member (source, "name",
                                 "Placeholder: name the file or page you read the figures in");
  json_object_set_string_member (source, "url", "https://example.org/");
  json_object_set_string_member (source, "retrieved", today);
  json_object_set_object_member (example, "source", source);
  json_object_set_string_member (example, "layer", "l1");
  for (guint i = 0; i < 3; i++)
    {
      JsonArray *point = json_array_new ();
      g_autofree char *date = g_strdup_printf ("%04u", 2000 + 2 * i);

      json_array_add_string_element (point, date);
      json_array_add_int_element (point, (gint64) (i + 1) * 10);
      json_array_add_array_element (points, point);
    }
  json_object_set_array_member (example, "points", points);
  json_array_add_object_element (series, example);
  json_object_set_array_member (dataset, "series", series);

  json_object_set_array_member (notes, "en", strings (notes_en));
  json_object_set_array_member (notes, "ja", strings (notes_ja));
  json_object_set_object_member (dataset, "notes", notes);

  json_node_take_object (root, dataset);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  {
    char *with_newline = g_strconcat (text, "\n", NULL);

    g_free (text);
    return with_newline;
  }
}

gboolean
kasane_starter_write (const char *path,
                      guint       n_layers,
                      gboolean    replace,
                      GError    **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *json = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           "the file exists; choose a new name (nothing was written)");
      return FALSE;
    }
  id = kasane_starter_id_from_path (path);
  json = kasane_starter_json (id, n_layers, today);
  return kasane_file_writer_replace_dataset (path, json, error);
}
