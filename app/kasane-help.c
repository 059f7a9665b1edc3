/* kasane-help.c: the help window (F1)
 *
 * A window of its own beside the main one (not modal: a reader keeps both open), with a
 * sidebar of pages.  Every word is translatable and built when the window opens, so it
 * is in the language the application shows.  Two pages come from elsewhere rather than
 * being written twice: the keyboard shortcuts are read from the shortcuts window's file
 * (with the keys the application's table gives each action), and the command line is what
 * `kasane --help` prints.  The format reference is a table keyed by the loader's own
 * member names; a test checks that it covers every member the loader accepts.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-help"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-application.h"
#include "kasane-cli.h"
#include "kasane-help.h"
#include "kasane-loader.h"
#include "kasane-widgets-util.h"

/* The format reference */

typedef struct
{
  const char *object;
  const char *member;
  gboolean    required;
  const char *description;
} MemberHelp;

static const MemberHelp members[] = {
  { "dataset", "format", TRUE,
    N_("Always the text kasane-dataset/1: the version of the format.") },
  { "dataset", "id", TRUE,
    N_("A short name for the dataset: lower-case letters, digits and hyphens, at most 64 "
       "characters, starting with a letter or digit.") },
  { "dataset", "title", TRUE,
    N_("The title shown in the sidebar, the window title and above each chart (text).") },
  { "dataset", "layers", TRUE,
    N_("The layers, one object each, at least one. Their order in the file does not "
       "matter: they are read by level.") },
  { "dataset", "claim", FALSE,
    N_("What the authors say the layers did: progression, migration or mixed. Kasane "
       "shows it beside the verdict it works out, and says when the two differ.") },
  { "dataset", "problems", FALSE,
    N_("The problems the layers introduce, solve, ease or worsen, one object each.") },
  { "dataset", "series", FALSE,
    N_("Measurements over time for the Trend view, one object each.") },
  { "dataset", "events", FALSE,
    N_("Dated events marked on the Trend view, one object each.") },
  { "dataset", "notes", FALSE,
    N_("Paragraphs on how the problems and weights were chosen: a list of paragraphs, "
       "or an object with a list for each language.") },

  { "problem", "id", TRUE,
    N_("The name the layers' lists use for this problem (letters, digits, hyphens).") },
  { "problem", "label", TRUE,
    N_("The problem as the charts name it (text).") },
  { "problem", "weight", FALSE,
    N_("How much it hurts, a whole number from 1 to 5 (1 when left out): 1 an "
       "inconvenience, 2 a cost, 3 stops some users, 4 stops most or makes every result "
       "need checking, 5 blocks the main use.") },
  { "problem", "description", FALSE,
    N_("A sentence or two on the problem (text).") },

  { "layer", "id", TRUE,
    N_("The name series and events use for this layer (letters, digits, hyphens).") },
  { "layer", "level", TRUE,
    N_("Its place in the stack, a whole number; each layer has its own, and 1 is "
       "usually the lowest.") },
  { "layer", "name", TRUE,
    N_("The layer's name on the cards and slides (text).") },
  { "layer", "since", FALSE,
    N_("When the layer arrived, as a date such as 2021 or 2021-08.") },
  { "layer", "summary", FALSE,
    N_("One sentence on what the layer is (text).") },
  { "layer", "examples", FALSE,
    N_("A list of examples of the layer, each a text.") },
  { "layer", "speaker_notes", FALSE,
    N_("Notes for the presenter console while the layer's slide shows: a list of "
       "paragraphs, or an object with a list for each language.") },
  { "layer", "source", FALSE,
    N_("Where the layer's date and description come from (a source).") },
  { "layer", "introduces", FALSE,
    N_("The ids of the problems this layer brings in, each at its weight.") },
  { "layer", "solves", FALSE,
    N_("The ids of open problems this layer removes.") },
  { "layer", "mitigates", FALSE,
    N_("The ids of open problems this layer eases: each weight goes down by 1, never "
       "below 1.") },
  { "layer", "worsens", FALSE,
    N_("The ids of open problems this layer makes worse: each weight goes up by 1.") },

  { "series", "id", TRUE,
    N_("The series' name for --series and the Series menu (letters, digits, hyphens).") },
  { "series", "name", TRUE,
    N_("The series as the chart's legend names it (text).") },
  { "series", "unit", TRUE,
    N_("The unit of the values, such as USD or %; may be empty (text).") },
  { "series", "source", TRUE,
    N_("Where the figures come from (a source, with retrieved).") },
  { "series", "layer", FALSE,
    N_("The id of the layer the series belongs to, which gives it the layer's colour.") },
  { "series", "scale", FALSE,
    N_("linear (the default) or log; on a log scale every value must be above zero.") },
  { "series", "kind", FALSE,
    N_("line (the default), step, or points for scattered results such as one score "
       "per model.") },
  { "series", "points", FALSE,
    N_("The values, each [date, value] or [date, value, label], in any order. Either "
       "points or csv and column.") },
  { "series", "csv", FALSE,
    N_("A CSV file in the dataset's folder or below it to read the values from.") },
  { "series", "column", FALSE,
    N_("The header of the CSV column with the values, exactly as written in the file.") },
  { "series", "featured", FALSE,
    N_("true to show the series when the Trend view opens; when no series is featured, "
       "all are shown.") },
  { "series", "headline", FALSE,
    N_("The series' message in one sentence, shown as its panel's title (text).") },

  { "event", "date", TRUE,
    N_("When it happened, as a date.") },
  { "event", "label", TRUE,
    N_("What happened, in a few words (text).") },
  { "event", "layer", FALSE,
    N_("The id of the layer the event belongs to.") },
  { "event", "source", FALSE,
    N_("Where the date comes from (a source).") },
  { "event", "featured", FALSE,
    N_("true to write the label on the chart; the others are ticks that show their "
       "label when pointed at.") },

  { "source", "name", TRUE,
    N_("Who published the figures, or the title of the page or file.") },
  { "source", "url", TRUE,
    N_("Where to find them: a web address, or a repository path at a commit.") },
  { "source", "retrieved", FALSE,
    N_("The date the figures were read; required for a series.") },

  { "text", "en", FALSE,
    N_("The English text. A text is either a plain string or an object with en, ja or "
       "both; a missing language shows the other.") },
  { "text", "ja", FALSE,
    N_("The Japanese text.") },
};

/* The objects of the reference, in the order the page gives them. */
static const struct
{
  const char *object;
  const char *heading;
  const char *intro;
} objects[] = {
  { "dataset", N_("The dataset"),
    N_("The file is one JSON object. A member the loader does not know is an error, so "
       "a misspelt name is never ignored.") },
  { "problem", N_("A problem"), NULL },
  { "layer", N_("A layer"),
    N_("A problem may be in only one of a layer's four lists. A layer can only solve, "
       "ease or worsen a problem that is open below it, and cannot introduce one that "
       "is still open (that is worsens).") },
  { "series", N_("A series"), NULL },
  { "event", N_("An event"), NULL },
  { "source", N_("A source"), NULL },
  { "text", N_("A text"),
    N_("Dates are written 2024, 2024-03, 2024-03-13 or 2024-03-13T12:00:00Z, and must "
       "be real dates.") },
};

static const char example[] =
  "{\n"
  "  \"format\": \"kasane-dataset/1\",\n"
  "  \"id\": \"web\",\n"
  "  \"title\": {\"en\": \"The web's protocols\", \"ja\": \"ウェブのプロトコル\"},\n"
  "  \"claim\": \"progression\",\n"
  "  \"problems\": [\n"
  "    {\"id\": \"hol\", \"label\": \"Head-of-line blocking\", \"weight\": 3},\n"
  "    {\"id\": \"setup\", \"label\": \"Slow connection setup\", \"weight\": 2}\n"
  "  ],\n"
  "  \"layers\": [\n"
  "    {\"id\": \"h1\", \"level\": 1, \"name\": \"HTTP/1.1\", \"since\": \"1997\",\n"
  "     \"introduces\": [\"hol\", \"setup\"]},\n"
  "    {\"id\": \"h2\", \"level\": 2, \"name\": \"HTTP/2\", \"since\": \"2015-05\",\n"
  "     \"mitigates\": [\"hol\"]}\n"
  "  ],\n"
  "  \"series\": [\n"
  "    {\"id\": \"share\", \"name\": \"Requests over HTTP/2\", \"unit\": \"%\",\n"
  "     \"layer\": \"h2\", \"source\": {\"name\": \"…\", \"url\": \"https://…\",\n"
  "     \"retrieved\": \"2026-12-04\"},\n"
  "     \"points\": [[\"2019\", 54.18], [\"2024\", 85, \"Web Almanac\"]]}\n"
  "  ],\n"
  "  \"events\": [{\"date\": \"2015-05\", \"label\": \"RFC 7540\", \"layer\": \"h2\"}],\n"
  "  \"notes\": {\"en\": [\"Why these problems and weights.\"]}\n"
  "}";

const char *
kasane_help_describe_member (const char *object,
                             const char *member)
{
  g_return_val_if_fail (object != NULL && member != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (g_str_equal (members[i].object, object) && g_str_equal (members[i].member, member))
      return _(members[i].description);
  return NULL;
}

guint
kasane_help_n_members (void)
{
  return G_N_ELEMENTS (members);
}

/* Building the pages */

static GtkWidget *
page_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (box, "help-page");
  return box;
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* Lines of a readable length, however wide the window. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 84);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  /* Only code is for copying: a selectable label takes the focus (and selects itself)
   * when the window opens, and the keyboard belongs to the list of pages. */
  gtk_label_set_selectable (GTK_LABEL (label), g_strcmp0 (css_class, "monospace") == 0);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
add_heading (GtkWidget  *box,
             const char *text)
{
  GtkWidget *label = add_label (box, text, "title-3");

  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
}

static void
add_paragraphs (GtkWidget          *box,
                const char * const *paragraphs,
                guint               n)
{
  for (guint i = 0; i < n; i++)
    add_label (box, _(paragraphs[i]), NULL);
}

/* A grid for rows of (term, definition), filled by add_row (). */
static GtkWidget *
add_table (GtkWidget *box)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_box_append (GTK_BOX (box), grid);
  return grid;
}

/* One row: the term (in monospace when `code`, with `note` under it when not NULL), then
 * its definition. */
static void
add_row (GtkWidget  *grid,
         int         row,
         const char *term,
         const char *note,
         const char *definition,
         gboolean    code)
{
  GtkWidget *terms = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *term_label = gtk_label_new (term);
  GtkWidget *text = kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR);

  gtk_label_set_xalign (GTK_LABEL (term_label), 0.0);
  if (code)
    gtk_widget_add_css_class (term_label, "monospace");
  gtk_widget_add_css_class (term_label, "heading");
  gtk_box_append (GTK_BOX (terms), term_label);
  if (note != NULL)
    {
      GtkWidget *note_label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (note_label), 0.0);
      gtk_widget_add_css_class (note_label, "dim-label");
      gtk_box_append (GTK_BOX (terms), note_label);
    }
  gtk_widget_set_valign (terms, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), terms, 0, row, 1, 1);

  gtk_label_set_text (GTK_LABEL (text), definition);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 64);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), text, 1, row, 1, 1);
}

/* A table of (term, definition) pairs, both translatable. */
static void
add_terms (GtkWidget          *box,
           const char * const (*terms)[2],
           guint               n)
{
  GtkWidget *grid = add_table (box);

  for (guint i = 0; i < n; i++)
    add_row (grid, (int) i, _(terms[i][0]), NULL, _(terms[i][1]), FALSE);
}

/* Text as it is typed (a file, a command's output): kept whole, and copyable. */
static void
add_code (GtkWidget  *box,
          const char *text)
{
  GtkWidget *code = add_label (box, text, "monospace");

  gtk_label_set_wrap (GTK_LABEL (code), FALSE);
  gtk_widget_add_css_class (code, "help-example");
}

static GtkWidget *
build_start_page (void)
{
  static const char * const intro[] = {
    N_("Kasane draws a technology that grew in layers (L1, L2, L3…) and asks of each "
       "layer whether it solved the problems below it or only moved them elsewhere. "
       "It opens with two examples, AI and Ethereum, side by side; Examples in the main "
       "menu adds a third, the web's protocols, or opens any of them again."),
  };
  static const char * const steps[][2] = {
    { N_("Open"), N_("Open a dataset (.json) or a CSV file with Open (Ctrl+O), by "
                     "dropping it on the window, or by giving it to kasane on the command "
                     "line. Several can be open at once; the sidebar lists them.") },
    { N_("Look"), N_("Compare shows every open dataset's layers side by side with its "
                     "verdict; Stack shows the selected one; Trend charts its series over "
                     "time; Ledger gives the arithmetic behind the verdict; Explain says "
                     "it in words. Alt+1 to Alt+5 switch between them.") },
    { N_("Question"), N_("In the Ledger view, What If? lets you change a weight, drop a "
                         "problem or turn solves into eases, and see whether the verdict "
                         "holds. Every chart then says it shows a what-if. Undo with "
                         "Ctrl+Z; Save As keeps the changed dataset in a new file.") },
    { N_("Make your own"), N_("New Dataset (Ctrl+N) writes a starter file with three "
                              "layers, opens it here and in your text editor. Each time "
                              "you save it, Kasane reloads it; if a save breaks the file, "
                              "the last good version stays on screen and the errors, with "
                              "their line and column, show above it.") },
    { N_("Show it"), N_("Present (F5) turns the open datasets into slides, with a "
                        "presenter console on a second screen. Export (Ctrl+E) writes "
                        "what is on screen as PNG, SVG or PDF.") },
  };
  GtkWidget *box = page_box ();

  add_label (box, _("Getting Started"), "title-1");
  add_paragraphs (box, intro, G_N_ELEMENTS (intro));
  add_terms (box, steps, G_N_ELEMENTS (steps));
  return box;
}

static GtkWidget *
build_format_page (void)
{
  GtkWidget *box = page_box ();

  add_label (box, _("The Dataset Format"), "title-1");
  add_label (box, _("A dataset is a JSON file in UTF-8. Name it NAME.kasane.json and the "
                    "desktop opens it with Kasane. Here is a small one; the tables below "
                    "give every member the loader accepts. Run kasane --check FILE to see "
                    "each fault with its line and column."), NULL);
  add_code (box, example);

  for (guint o = 0; o < G_N_ELEMENTS (objects); o++)
    {
      GtkWidget *grid;
      int row = 0;

      add_heading (box, _(objects[o].heading));
      if (objects[o].intro != NULL)
        add_label (box, _(objects[o].intro), NULL);
      grid = add_table (box);
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        if (g_str_equal (members[i].object, objects[o].object))
          add_row (grid, row++, members[i].member,
                   /* Translators: under a member's name in the format reference */
                   members[i].required ? _("required") : _("optional"),
                   _(members[i].description), TRUE);
    }
  add_heading (box, _("CSV files"));
  add_label (box, _("A CSV file opens on its own too: its date (or number) column, then one "
                    "series for each further column of numbers. Commas, semicolons or tabs "
                    "separate the cells; a blank cell is a gap. Files in UTF-8, or UTF-16 "
                    "with a byte order mark, up to 256 MiB."), NULL);
  return box;
}

static GtkWidget *
build_ledger_page (void)
{
  static const char * const terms[][2] = {
    { N_("Open load"), N_("Walking up the layers by level, Kasane keeps the open problems "
                          "with their weights. The open load after a layer is the sum of "
                          "the weights still open.") },
    { N_("Credit and debit"), N_("introduces adds a problem at its weight (debit). solves "
                                 "removes an open one (credit: its weight). mitigates "
                                 "lowers one by 1 but not below 1 (credit: what it "
                                 "lowered). worsens raises one by 1 (debit 1).") },
    { N_("Net"), N_("Credit minus debit: how much the layer lowered the open load.") },
    { N_("An example"), N_("L1 introduces high fees (weight 3) and low throughput (3): "
                           "debit 6, open load 6. L2 solves the fees (credit 3), eases "
                           "throughput to 2 (credit 1) and introduces fragmentation (2, "
                           "debit 2): net +2, open load 4. L3 eases fragmentation to 1 "
                           "(credit 1) and worsens throughput to 3 (debit 1): net 0, open "
                           "load 4. L3 fixed something yet lowered nothing, so the verdict "
                           "is mixed.") },
    { N_("Verdict"), N_("Capability progression when every layer above the first has a "
                        "net above zero. Problem migration when every one of them fixed "
                        "something yet has a net of zero or less: it moved its problems "
                        "rather than removing them. Mixed otherwise. One layer has no "
                        "verdict.") },
    { N_("Robustness"), N_("The weights are judgements, so Kasane tries every single "
                           "change of them: each weight one step down and one up (within "
                           "1 to 5), each problem dropped, each solves made an eases and "
                           "each eases a solves. \"Holds under K of N single changes\" "
                           "counts those that leave the verdict as it is; the Ledger view "
                           "lists the others, each with Try It.") },
  };
  GtkWidget *box = page_box ();

  add_label (box, _("The Ledger and the Verdict"), "title-1");
  add_label (box, _("The verdict is arithmetic on the dataset's own judgements, so anyone "
                    "can check it, and change it."), NULL);
  add_terms (box, terms, G_N_ELEMENTS (terms));
  return box;
}

/* The shortcuts window's groups and shortcuts, in its order. */
static void
collect_shortcuts (GtkWidget      *widget,
                   GtkWidget      *box,
                   GtkWidget     **grid,
                   int            *row)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      add_heading (box, title);
      *grid = add_table (box);
      *row = 0;
    }
  else if (GTK_IS_SHORTCUTS_SHORTCUT (widget) && *grid != NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GString) keys = g_string_new (NULL);
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator,
                    "action-name", &action, NULL);
      if (accelerator != NULL && *accelerator != '\0')
        accels = g_strsplit (accelerator, " ", -1);
      else if (action != NULL)
        accels = g_strdupv ((char **) kasane_application_get_accels (action));
      for (guint i = 0; accels != NULL && accels[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *label = NULL;

          if (!gtk_accelerator_parse (accels[i], &key, &mods))
            continue;
          label = gtk_accelerator_get_label (key, mods);
          if (keys->len > 0)
            g_string_append (keys, " · ");
          g_string_append (keys, label);
        }
      if (keys->len > 0)
        add_row (*grid, (*row)++, keys->str, NULL, title, FALSE);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, box, grid, row);
}

static GtkWidget *
build_keys_page (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/kasane/Kasane/kasane-shortcuts.ui");
  GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GtkWidget *box = page_box ();
  GtkWidget *grid = NULL;
  int row = 0;

  add_label (box, _("Keyboard Shortcuts"), "title-1");
  add_label (box, _("The same list opens on its own with Ctrl+?."), NULL);
  collect_shortcuts (shortcuts, box, &grid, &row);
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  return box;
}

static GtkWidget *
build_cli_page (void)
{
  g_autofree char *usage = kasane_cli_help_text ();
  GtkWidget *box = page_box ();

  add_label (box, _("The Command Line"), "title-1");
  add_label (box, _("Everything the window draws can be made without one: checks, "
                    "summaries and exports for scripts and builds. kasane --help prints "
                    "this:"), NULL);
  add_code (box, g_strchomp (usage));
  return box;
}

static void
add_page (GtkStack   *stack,
          GtkWidget  *content,
          const char *name,
          const char *title)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  /* A column as wide as its lines (labels cap them), in the middle of a wide window. */
  gtk_widget_set_halign (content, GTK_ALIGN_CENTER);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_stack_add_titled (stack, scrolled, name, title);
}

GtkWindow *
kasane_help_window_new (GtkWindow  *parent,
                        const char *page)
{
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  GtkWidget *window, *paned, *sidebar, *stack;

  window = g_object_new (GTK_TYPE_WINDOW,
                         /* Translators: title of the help window */
                         "title", _("Kasane Help"),
                         "default-width", 980,
                         "default-height", 720,
                         "transient-for", parent,
                         "application", app,
                         NULL);
  stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_hexpand (stack, TRUE);
  add_page (GTK_STACK (stack), build_start_page (), "start",
            /* Translators: a page of the help window */
            _("Getting Started"));
  add_page (GTK_STACK (stack), build_format_page (), "format",
            /* Translators: a page of the help window */
            _("Dataset Format"));
  add_page (GTK_STACK (stack), build_ledger_page (), "ledger",
            /* Translators: a page of the help window */
            _("Ledger and Verdict"));
  add_page (GTK_STACK (stack), build_keys_page (), "keys",
            /* Translators: a page of the help window */
            _("Keyboard Shortcuts"));
  add_page (GTK_STACK (stack), build_cli_page (), "cli",
            /* Translators: a page of the help window */
            _("Command Line"));

  sidebar = gtk_stack_sidebar_new ();
  gtk_stack_sidebar_set_stack (GTK_STACK_SIDEBAR (sidebar), GTK_STACK (stack));
  gtk_widget_set_size_request (sidebar, 200, -1);
  paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (paned), sidebar);
  gtk_box_append (GTK_BOX (paned), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (paned), stack);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  g_object_set_data (G_OBJECT (window), "kasane-help-stack", stack);
  if (page != NULL && gtk_stack_get_child_by_name (GTK_STACK (stack), page) != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (stack), page);
  return GTK_WINDOW (window);
}

static void
append_text (GtkWidget *widget,
             GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_text (child, out);
}

char *
kasane_help_window_get_page_text (GtkWindow  *window,
                                  const char *page)
{
  GtkStack *stack = g_object_get_data (G_OBJECT (window), "kasane-help-stack");
  GtkWidget *child = stack != NULL ? gtk_stack_get_child_by_name (stack, page) : NULL;
  GString *out = g_string_new (NULL);

  if (child != NULL)
    append_text (child, out);
  return g_string_free (out, FALSE);
}
