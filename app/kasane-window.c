/* kasane-window.c: the main window
 *
 * A sidebar lists the open datasets; the content shows the selected one in the view the
 * header bar picks: in the Ledger view (kasane-ledger-view.c) its title, the verdict the
 * ledger computes beside the dataset's own claim, and the ledger as a table.
 * The open files are the session's (kasane-session.c): each keeps the last dataset that
 * loaded from it, so a reload that fails shows the located errors above the table and
 * leaves the good version on screen.  Opening, reloading and closing files live in
 * kasane-window-files.c; the state both share is in kasane-window-parts.h.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kasane-window.h"
#include "kasane-window-private.h"
#include "kasane-window-parts.h"
#include "kasane-series-chooser.h"
#include "kasane-render.h"

#include "kasane-diagram-view.h"
#include "kasane-explain-view.h"
#include "kasane-i18n.h"
#include "kasane-export-dialog.h"
#include "kasane-ledger-view.h"
#include "kasane-session.h"
#include "kasane-settings.h"
#include "kasane-zoom.h"
#include "kasane-trend-view.h"
#include "kasane-view-switcher.h"
#include "kasane-loader.h"
#include "kasane-resources.h"
#include "kasane-toast.h"
#include "kasane-widgets-util.h"

G_DEFINE_FINAL_TYPE (KasaneWindow, kasane_window, GTK_TYPE_APPLICATION_WINDOW)

static void update_content (KasaneWindow *self);
static void error_dismiss_clicked_cb (KasaneWindow *self);
static void explain_link_activated_cb (KasaneWindow *self,
                                       const char   *uri);

static void sync_views (KasaneWindow *self,
                        guint         views);

/* "en" or "ja": the language setting, or for "system" the first of the desktop's
 * languages that is one of the two (English when neither comes first). */
const char *
window_get_language (KasaneWindow *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "language");

  return kasane_i18n_resolve_language (setting);
}

KasaneDocument *
window_get_selected_entry (KasaneWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  int index;

  if (row == NULL)
    return NULL;
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= self->entries->len)
    return NULL;
  return g_ptr_array_index (self->entries, index);
}

/* Loading */

void
window_add_to_recent (KasaneWindow *self,
                      const char   *uri)
{
  static const char *groups[] = { RECENT_APP_NAME, NULL };
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = NULL,
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) RECENT_APP_EXEC,
    .groups = (char **) groups,
    .is_private = FALSE,
  };

  if (g_str_has_prefix (uri, "resource:"))
    return;

  data.mime_type = (char *) (g_str_has_suffix (uri, ".csv") || g_str_has_suffix (uri, ".CSV")
                             ? "text/csv" : "application/json");
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Session: the URIs of the open files, in sidebar order. */
void
window_save_open_files (KasaneWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      KasaneDocument *entry = g_ptr_array_index (self->entries, i);

      if (entry->uri != NULL)
        g_strv_builder_add (builder, entry->uri);
    }
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "open-files", (const char * const *) uris);
}

/* Sidebar */

static GtkWidget *
create_row (KasaneWindow   *self,
            KasaneDocument *entry)
{
  const char *lang = window_get_language (self);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title;
  GtkWidget *subtitle;
  const char *title_text;

  if (entry->dataset != NULL && !kasane_text_is_empty (&entry->dataset->title))
    title_text = kasane_text_get (&entry->dataset->title, lang);
  else
    title_text = entry->name;

  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    kasane_render_keep_words (attrs, title_text);
    gtk_label_set_attributes (GTK_LABEL (title), attrs);
    pango_attr_list_unref (attrs);
  }
  gtk_box_append (GTK_BOX (labels), title);

  /* Translators: sidebar subtitle of a file that never loaded */
  subtitle = gtk_label_new (entry->dataset != NULL || entry->errors == NULL ? entry->name
                            : _("Not loaded"));
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (labels), subtitle);

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);

  if (entry->errors != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      const char *text = entry->dataset != NULL
        /* Translators: tooltip of the error icon in the sidebar, when an older version of
         * the file is still shown */
        ? _("The last reload failed; the previous version is shown")
        /* Translators: tooltip of the error icon in the sidebar */
        : _("The file could not be loaded");

      gtk_widget_set_name (icon, "error-icon");
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (icon, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      gtk_box_append (GTK_BOX (box), icon);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, entry->uri != NULL ? entry->uri : entry->name);

  if (entry->errors != NULL)
    {
      /* Translators: accessible name of a sidebar row whose file has errors; %1$s is the
       * dataset title, %2$s the file name */
      g_autofree char *label = g_strdup_printf (_("%1$s, %2$s, has errors"),
                                                title_text, entry->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  else
    {
      /* Translators: accessible name of a sidebar row; %1$s is the dataset title,
       * %2$s the file name */
      g_autofree char *label = g_strdup_printf (_("%1$s, %2$s"), title_text, entry->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  return row;
}

/* Refills the sidebar and selects `selected` (or nothing), then updates the content. */
void
window_rebuild_sidebar (KasaneWindow   *self,
                        KasaneDocument *selected)
{
  GtkWidget *child;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  for (guint i = 0; i < self->entries->len; i++)
    {
      KasaneDocument *entry = g_ptr_array_index (self->entries, i);
      GtkWidget *row = create_row (self, entry);

      gtk_list_box_append (self->sidebar, row);
      if (entry == selected)
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
    }
  self->rebuilding = FALSE;

  window_watch_sync (self);
  update_content (self);
}

static void
sidebar_row_selected_cb (KasaneWindow  *self,
                         GtkListBoxRow *row)
{
  if (self->rebuilding)
    return;
  update_content (self);
}

/* Widgets built on first use */

/* The page of a window with no datasets, the first time it is on screen. */
static void
empty_bin_map_cb (KasaneWindow *self)
{
  GtkWidget *button;
  const char *title;
  const char *description;

  if (gtk_widget_get_first_child (GTK_WIDGET (self->empty_bin)) != NULL)
    return;

  /* Translators: Button on the empty window */
  button = kasane_widgets_new_pill_button (_("_Open…"), "app.open", TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  /* Translators: Title of the window when no dataset is open */
  title = _("No Datasets Open");
  /* Translators: Shown when no dataset is open */
  description = _("Open a layer dataset (.json) or a series "
                  "file (.csv), or drop files here.");
  gtk_box_append (self->empty_bin,
                  kasane_widgets_new_status_page ("io.github.kasane.Kasane-symbolic", title,
                                                  description, button, NULL));
}

static void
ensure_explain_view (KasaneWindow *self)
{
  if (self->explain_view != NULL)
    return;

  self->explain_view = g_object_new (KASANE_TYPE_EXPLAIN_VIEW,
                                     "hexpand", TRUE,
                                     "vexpand", TRUE,
                                     NULL);
  g_signal_connect_object (self->explain_view, "link-activated",
                           G_CALLBACK (explain_link_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->explain_bin, GTK_WIDGET (self->explain_view));
}

/* The Ledger view: the selected dataset's title, verdict and table, or the errors of a
 * file that never loaded; side by side (win.ledger-side-by-side), every open file's, in
 * the sidebar's order, each in a column of its own.  Above them, the switch. */
static void
ensure_ledger_view (KasaneWindow *self)
{
  GtkWidget *bar, *toggle;

  if (self->ledger_view != NULL)
    return;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->ledger_bin), GTK_ORIENTATION_VERTICAL);
  bar = g_object_new (GTK_TYPE_BOX,
                      "halign", GTK_ALIGN_END,
                      "margin-top", 12,
                      "margin-end", 24,
                      NULL);
  toggle = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                         "action-name", "win.ledger-side-by-side",
                         /* Translators: a toggle above the Ledger view */
                         "label", _("_Side by Side"),
                         "use-underline", TRUE,
                         /* Translators: tooltip of the Side by Side toggle */
                         "tooltip-text", _("Every open dataset's ledger, each in a column"),
                         NULL);
  gtk_box_append (GTK_BOX (bar), toggle);
  gtk_box_append (self->ledger_bin, bar);

  self->ledger_row = GTK_BOX (g_object_new (GTK_TYPE_BOX,
                                            "homogeneous", TRUE,
                                            "vexpand", TRUE,
                                            NULL));
  gtk_box_append (self->ledger_bin, GTK_WIDGET (self->ledger_row));
  self->ledger_view = KASANE_LEDGER_VIEW (kasane_ledger_view_new ());
  window_whatif_watch_ledger (self, self->ledger_view);
  gtk_box_append (self->ledger_row, GTK_WIDGET (self->ledger_view));
  self->ledger_others = g_ptr_array_new ();
}

static void
ledger_side_by_side_change (GSimpleAction *action,
                            GVariant      *state,
                            gpointer       user_data)
{
  KasaneWindow *self = user_data;

  g_simple_action_set_state (action, state);
  self->stale_views |= VIEW_LEDGER;
  if (self->ledger_view != NULL)
    sync_views (self, VIEW_LEDGER);
}

static void
error_open_clicked_cb (KasaneWindow *self)
{
  if (self->banner_entry != NULL && self->banner_entry->error_uri != NULL)
    window_open_in_editor (self, self->banner_entry->error_uri);
}

/* The panel above the content with the errors of a reload that failed. */
static void
ensure_error_panel (KasaneWindow *self)
{
  GtkWidget *panel;
  GtkWidget *top;
  GtkWidget *icon;
  GtkWidget *labels;
  GtkWidget *dismiss;
  GtkWidget *scrolled;

  if (self->error_label != NULL)
    return;

  panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (panel, "error-panel");

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "icon-name", "dialog-error-symbolic",
                       "valign", GTK_ALIGN_START,
                       NULL);
  gtk_widget_add_css_class (icon, "error");
  gtk_box_append (GTK_BOX (top), icon);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  self->error_title = GTK_LABEL (kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_title), "heading");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->error_title));
  self->error_hint = GTK_LABEL (kasane_widgets_new_wrapping_label (PANGO_WRAP_WORD_CHAR));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->error_hint));
  gtk_box_append (GTK_BOX (top), labels);

  self->error_open = g_object_new (GTK_TYPE_BUTTON,
                                   /* Translators: button of the error panel: opens the file
                                    * with the errors in the desktop's text editor */
                                   "label", _("_Open in Editor"),
                                   "use-underline", TRUE,
                                   "valign", GTK_ALIGN_START,
                                   NULL);
  g_signal_connect_object (self->error_open, "clicked", G_CALLBACK (error_open_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), self->error_open);

  dismiss = g_object_new (GTK_TYPE_BUTTON,
                          "icon-name", "window-close-symbolic",
                          "valign", GTK_ALIGN_START,
                          /* Translators: Tooltip of the button that hides the error panel */
                          "tooltip-text", _("Dismiss"),
                          NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: Accessible name of the button that hides the
                                   * error panel */
                                  _("Dismiss Errors"),
                                  -1);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_add_css_class (dismiss, "circular");
  g_signal_connect_object (dismiss, "clicked", G_CALLBACK (error_dismiss_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), dismiss);
  gtk_box_append (GTK_BOX (panel), top);

  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 180,
                           NULL);
  gtk_widget_add_css_class (scrolled, "diagnostics");
  self->error_label = GTK_LABEL (kasane_widgets_new_errors_label ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (panel), scrolled);

  gtk_revealer_set_child (self->error_revealer, panel);
}

/* The error panel */

void
window_show_banner (KasaneWindow   *self,
                    KasaneDocument *entry)
{
  g_autofree char *title = NULL;

  self->banner_entry = entry;
  if (entry == NULL || entry->errors == NULL)
    {
      self->banner_entry = NULL;
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      return;
    }

  ensure_error_panel (self);

  /* Translators: title of the error panel; %1$s is a file name, %2$u the number of
   * errors found in it */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could not load “%1$s”: %2$u error",
                                        "Could not load “%1$s”: %2$u errors",
                                        entry->n_errors),
                           entry->name, entry->n_errors);
  gtk_label_set_text (self->error_title, title);
  gtk_label_set_text (self->error_hint,
                      entry->dataset != NULL
                      ? _("The version that loaded last is still shown. Once the file is "
                          "fixed and saved, it reloads by itself.")
                      : _("What was shown before is kept. Once the file is fixed and saved, it "
                          "loads by itself."));
  gtk_label_set_text (self->error_label, entry->errors);
  gtk_widget_set_visible (self->error_open, entry->error_uri != NULL);
  if (entry->error_uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (entry->error_uri);
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: tooltip of "Open in Editor" in the error panel; %s is a file's path */
      g_autofree char *tooltip = g_strdup_printf (_("Open “%s” in the text editor"), name);

      gtk_widget_set_tooltip_text (self->error_open, tooltip);
    }
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
error_dismiss_clicked_cb (KasaneWindow *self)
{
  window_show_banner (self, NULL);
}

/* Views */

/* What each diagram shows (references), to tell a real change from a refresh. */
static gboolean
datasets_equal (GPtrArray *shown,
                GPtrArray *datasets)
{
  if (shown->len != datasets->len)
    return FALSE;
  for (guint i = 0; i < shown->len; i++)
    if (g_ptr_array_index (shown, i) != g_ptr_array_index (datasets, i))
      return FALSE;
  return TRUE;
}

static void
show_datasets (KasaneDiagramView *view,
               GPtrArray         *shown,
               GPtrArray         *datasets)
{
  /* Setting the same datasets again would clear the selection: only on change. */
  if (datasets_equal (shown, datasets))
    return;
  g_ptr_array_set_size (shown, 0);
  for (guint i = 0; i < datasets->len; i++)
    g_ptr_array_add (shown, kasane_dataset_ref (g_ptr_array_index (datasets, i)));
  kasane_diagram_view_set_dataset_array (view, datasets);
}

/* The datasets that loaded, in sidebar order (a failed entry keeps its last good one). */
GPtrArray *
window_collect_datasets (KasaneWindow *self)
{
  GPtrArray *datasets = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      KasaneDocument *entry = g_ptr_array_index (self->entries, i);

      if (entry->dataset != NULL)
        g_ptr_array_add (datasets, entry->dataset);
    }
  return datasets;
}

static void
sync_diagram_view (KasaneWindow      *self,
                   KasaneDiagramView *view,
                   GPtrArray         *shown,
                   GPtrArray         *datasets,
                   const char        *lang,
                   const char        *theme)
{
  kasane_chart_view_set_lang (KASANE_CHART_VIEW (view), lang);
  kasane_chart_view_set_theme (KASANE_CHART_VIEW (view), theme);
  show_datasets (view, shown, datasets);
}

static void
ledger_show_entry (KasaneLedgerView *view,
                   KasaneDocument   *entry,
                   const char       *lang)
{
  if (entry->dataset == NULL)
    kasane_ledger_view_show_failure (view, entry->name, entry->errors);
  else
    kasane_ledger_view_show_dataset (view, entry->dataset, entry->name, lang);
}

/* The page of the selected entry in the Ledger view, which is built here the first time. */
static void
sync_ledger (KasaneWindow   *self,
             KasaneDocument *entry,
             const char     *lang)
{
  GAction *side_action = g_action_map_lookup_action (G_ACTION_MAP (self), "ledger-side-by-side");
  g_autoptr(GVariant) side_state = g_action_get_state (side_action);
  gboolean side = g_variant_get_boolean (side_state) && self->entries->len > 1;
  guint shown = 0;

  ensure_ledger_view (self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (side_action), self->entries->len > 1);
  if (entry == NULL)
    return;

  /* The same choice as content_page's (update_content_page). */
  ledger_show_entry (self->ledger_view, entry, lang);

  /* Side by side: the others, each in its own view, in the sidebar's order around the
   * selected one (reordered in the row). */
  for (guint i = 0; side && i < self->entries->len; i++)
    {
      KasaneDocument *other = g_ptr_array_index (self->entries, i);
      GtkWidget *view;

      if (other == entry)
        {
          gtk_box_reorder_child_after (self->ledger_row, GTK_WIDGET (self->ledger_view),
                                       shown == 0 ? NULL
                                       : g_ptr_array_index (self->ledger_others, shown - 1));
          continue;
        }
      if (shown == self->ledger_others->len)
        {
          view = kasane_ledger_view_new ();
          window_whatif_watch_ledger (self, KASANE_LEDGER_VIEW (view));
          g_ptr_array_add (self->ledger_others, view);
          gtk_box_append (self->ledger_row, view);
        }
      view = g_ptr_array_index (self->ledger_others, shown);
      ledger_show_entry (KASANE_LEDGER_VIEW (view), other, lang);
      gtk_widget_set_visible (view, TRUE);
      shown++;
    }
  for (guint i = shown; i < self->ledger_others->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->ledger_others, i), FALSE);
}

/* Brings the stale views among `views` up to date. */
static void
sync_views (KasaneWindow *self,
            guint         views)
{
  g_autoptr(GPtrArray) datasets = NULL;
  g_autofree char *theme = NULL;
  KasaneDocument *entry;
  const char *lang;

  views &= self->stale_views;
  if (views == 0)
    return;
  self->stale_views &= ~views;

  datasets = window_collect_datasets (self);
  theme = g_settings_get_string (self->settings, "theme");
  entry = window_get_selected_entry (self);
  lang = window_get_language (self);

  if (views & VIEW_COMPARE)
    {
      /* A CSV file opened on its own has series and no layers: Trend shows it. */
      g_autoptr(GPtrArray) layered = g_ptr_array_new ();

      for (guint i = 0; i < datasets->len; i++)
        if (((KasaneDataset *) g_ptr_array_index (datasets, i))->layers->len > 0)
          g_ptr_array_add (layered, g_ptr_array_index (datasets, i));
      sync_diagram_view (self, self->compare_view, self->compare_shown, layered, lang, theme);
    }

  if (views & VIEW_STACK)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      if (entry != NULL && entry->dataset != NULL)
        g_ptr_array_add (one, entry->dataset);
      sync_diagram_view (self, self->stack_view, self->stack_shown, one, lang, theme);
    }

  if (views & VIEW_TREND)
    {
      kasane_chart_view_set_lang (KASANE_CHART_VIEW (self->trend_view), lang);
      kasane_chart_view_set_theme (KASANE_CHART_VIEW (self->trend_view), theme);
      /* Setting the dataset resets the time window: only on a change. */
      if (kasane_trend_view_get_dataset (self->trend_view) !=
          (entry != NULL ? entry->dataset : NULL))
        kasane_trend_view_set_dataset (self->trend_view, entry != NULL ? entry->dataset : NULL);
    }

  /* The essay is long: it is set only while it is on screen. */
  if (views & VIEW_EXPLAIN)
    {
      ensure_explain_view (self);
      kasane_explain_view_set_language (self->explain_view, lang);
      kasane_explain_view_set_datasets (self->explain_view, (KasaneDataset **) datasets->pdata,
                                        datasets->len);
    }

  if (views & VIEW_LEDGER)
    sync_ledger (self, entry, lang);
}

/* The Ledger view built and up to date, for the accessors. */
static void
ensure_ledger (KasaneWindow *self)
{
  ensure_ledger_view (self);
  sync_views (self, VIEW_LEDGER);
}

static guint
view_from_name (const char *name)
{
  static const struct
  {
    const char *name;
    guint       view;
  } names[] = {
    { "compare", VIEW_COMPARE },
    { "stack", VIEW_STACK },
    { "trend", VIEW_TREND },
    { "explain", VIEW_EXPLAIN },
    { "ledger", VIEW_LEDGER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i].name) == 0)
      return names[i].view;
  return 0;
}

/* Marks `views` stale and brings the one on screen up to date; the others catch up when
 * they are shown (view_changed_cb). */
static void
invalidate_views (KasaneWindow *self,
                  guint         views)
{
  self->stale_views |= views;
  sync_views (self, view_from_name (gtk_stack_get_visible_child_name (self->view_stack)));
}

static void
update_views (KasaneWindow *self)
{
  invalidate_views (self, VIEW_CHARTS);
}

/* Content */

static void
update_actions (KasaneWindow *self)
{
  KasaneDocument *entry = window_get_selected_entry (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 entry != NULL && entry->uri != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-dataset", entry != NULL);
  /* Something to present: a dataset that loaded. */
  {
    g_autoptr(GPtrArray) datasets = window_collect_datasets (self);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", datasets->len > 0);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-here", datasets->len > 0);
  }
  window_whatif_update_actions (self);
}

/* The header bar holds the view switcher, so the dataset on screen is named in the window
 * title, which the desktop shows in its window list: "Ethereum — Kasane". */
static void
set_subtitle (KasaneWindow *self,
              const char   *subtitle)
{
  g_autofree char *title = NULL;

  if (subtitle == NULL || *subtitle == '\0')
    {
      /* Translators: The application name, shown as the window title */
      gtk_window_set_title (GTK_WINDOW (self), _("Kasane"));
      return;
    }
  /* Translators: The window title: the name of the dataset on screen, then the
   * application's name */
  title = g_strdup_printf (_("%s — Kasane"), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* A file that did not load, selected: the Ledger view's page shows its errors; every
 * other view shows them in the panel above it rather than an empty chart. */
static void
sync_failure_banner (KasaneWindow *self)
{
  KasaneDocument *entry = window_get_selected_entry (self);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (entry == NULL || entry->dataset != NULL)
    return;
  if (g_strcmp0 (view, "ledger") == 0)
    {
      if (self->banner_entry == entry)
        window_show_banner (self, NULL);
    }
  else
    window_show_banner (self, entry);
}

static void
update_content_page (KasaneWindow *self)
{
  KasaneDocument *entry = window_get_selected_entry (self);
  const char *lang = window_get_language (self);

  update_actions (self);

  if (self->entries->len == 0)
    {
      window_show_banner (self, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      /* No views to switch between. */
      gtk_widget_set_visible (self->view_switcher, FALSE);
      set_subtitle (self, NULL);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "main");
  gtk_widget_set_visible (self->view_switcher, TRUE);

  if (entry == NULL)
    return;

  if (entry->dataset == NULL)
    {
      self->content_page = "failed";
      set_subtitle (self, entry->name);
      sync_failure_banner (self);
    }
  else
    {
      self->content_page = "dataset";
      set_subtitle (self, kasane_text_get (&entry->dataset->title, lang));
    }
  self->stale_views |= VIEW_LEDGER;
}

static void
update_content (KasaneWindow *self)
{
  update_content_page (self);
  update_views (self);
}

void
window_update_content (KasaneWindow *self)
{
  /* A what-if changes the ledger too, and the title may name the dataset. */
  self->stale_views |= VIEW_LEDGER;
  update_content (self);
}

/* Window state */

static gboolean
kasane_window_close_request (GtkWindow *window)
{
  KasaneWindow *self = KASANE_WINDOW (window);
  int width;
  int height;

  if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window))
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (kasane_window_parent_class)->close_request (window);
}

/* Zoom, export and links between the views */

/* The diagram on screen, or the Compare one when another view is shown. */
static KasaneDiagramView *
get_current_diagram (KasaneWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "stack") == 0)
    return self->stack_view;
  return self->compare_view;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KasaneZoom *zoom = kasane_zoom_get_default ();

  /* One zoom for every chart: the views show it through their bindings. */
  if (g_str_equal (action_name, "win.zoom-in"))
    kasane_zoom_in (zoom);
  else if (g_str_equal (action_name, "win.zoom-out"))
    kasane_zoom_out (zoom);
  else
    kasane_zoom_reset (zoom);
}

/* The picture on screen, as export draws it; from the Ledger or Explain view, the
 * comparison (which may not have been shown yet: it gets the size of the page). */
static KasaneRenderRequest *
current_render_request (KasaneWindow *self)
{
  KasaneRenderRequest *request;
  KasaneDiagramView *diagram;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "trend") == 0)
    return kasane_trend_view_get_render_request (self->trend_view);

  diagram = get_current_diagram (self);
  sync_views (self, diagram == self->stack_view ? VIEW_STACK : VIEW_COMPARE);
  request = kasane_diagram_view_get_render_request (diagram);
  if (!gtk_widget_get_mapped (GTK_WIDGET (diagram)))
    {
      request->width = MAX (gtk_widget_get_width (GTK_WIDGET (self->view_stack)), 16);
      request->height = MAX (gtk_widget_get_height (GTK_WIDGET (self->view_stack)), 16);
    }
  return request;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  g_autoptr(KasaneRenderRequest) request = current_render_request (self);

  if (request->datasets->len == 0)
    {
      window_toast (self, _("Open a dataset to export its diagram"));
      return;
    }
  kasane_export_dialog_present (GTK_WINDOW (self), request);
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  g_autoptr(KasaneRenderRequest) request = current_render_request (self);
  g_autoptr(GError) error = NULL;

  if (request->datasets->len == 0)
    {
      window_toast (self, _("Open a dataset to copy its diagram"));
      return;
    }
  if (kasane_export_copy_view (GTK_WIDGET (self), request, &error))
    window_toast (self, _("Diagram copied as an image"));
  else
    {
      /* Translators: %s is the reason, from the system */
      g_autofree char *message = g_strdup_printf (_("Could not copy the diagram: %s"),
                                                  error->message);
      window_toast (self, message);
    }
}

/* "kasane:layer/DATASET/LAYER", "kasane:problem/DATASET/PROBLEM" or "kasane:term/…" from
 * the Explain view: show the Compare view with the layer (or the layer that brought the
 * problem in) selected. */
static void
explain_link_activated_cb (KasaneWindow *self,
                           const char   *uri)
{
  g_auto(GStrv) parts = NULL;

  gtk_stack_set_visible_child_name (self->view_stack, "compare");
  if (!g_str_has_prefix (uri, "kasane:"))
    return;
  parts = g_strsplit (uri + strlen ("kasane:"), "/", 3);
  if (g_strv_length (parts) != 3)
    return;

  for (guint d = 0; d < self->compare_shown->len; d++)
    {
      KasaneDataset *dataset = g_ptr_array_index (self->compare_shown, d);
      int layer = -1;

      if (g_strcmp0 (dataset->id, parts[1]) != 0)
        continue;
      if (g_str_equal (parts[0], "layer"))
        layer = kasane_dataset_find_layer (dataset, parts[2]);
      else if (g_str_equal (parts[0], "problem"))
        {
          int problem = kasane_dataset_find_problem (dataset, parts[2]);

          for (guint l = 0; problem >= 0 && layer < 0 && l < dataset->layers->len; l++)
            {
              KasaneLayer *candidate = g_ptr_array_index (dataset->layers, l);
              GArray *introduced = candidate->effects[KASANE_EFFECT_INTRODUCES];

              for (guint k = 0; k < introduced->len; k++)
                if (g_array_index (introduced, guint, k) == (guint) problem)
                  layer = (int) l;
            }
        }
      if (layer >= 0)
        {
          kasane_diagram_view_select_layer (self->compare_view, (int) d, layer);
          gtk_widget_grab_focus (GTK_WIDGET (self->compare_view));
        }
      return;
    }
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KasaneWindow *self = KASANE_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->view_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, name);
}

static void
view_changed_cb (KasaneWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);

  if (name != NULL)
    g_settings_set_string (self->settings, "last-view", name);
  sync_views (self, view_from_name (name));
  sync_failure_banner (self);
}

/* F5: the slides from the first; Shift+F5: from the view on screen. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  window_present_start (KASANE_WINDOW (widget), g_str_equal (action_name, "win.present-here"));
}

static void
zoom_label_cb (GtkButton *button)
{
  g_autofree char *text = g_strdup_printf ("%d %%",
                                           (int) lround (kasane_zoom_get_level (kasane_zoom_get_default ()) * 100));

  gtk_button_set_label (button, text);
}

static GtkWidget *
zoom_icon_button (const char *icon,
                  const char *action,
                  const char *tooltip)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                    "icon-name", icon,
                                    "action-name", action,
                                    "tooltip-text", tooltip,
                                    NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  return button;
}

/* The primary menu's zoom row, as GNOME's own applications have it: zoom out, the level
 * (a click resets it), zoom in.  The menu stays open, so a few clicks size the text. */
static GtkWidget *
zoom_row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *level = g_object_new (GTK_TYPE_BUTTON,
                                   "action-name", "win.zoom-reset",
                                   /* Translators: tooltip of the zoom level in the menu */
                                   "tooltip-text", _("Normal size (Ctrl+0)"),
                                   "hexpand", TRUE,
                                   NULL);

  gtk_widget_add_css_class (level, "flat");
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_box_append (GTK_BOX (row), zoom_icon_button ("zoom-out-symbolic", "win.zoom-out",
                                                   /* Translators: tooltip in the menu */
                                                   _("Zoom out (Ctrl+−)")));
  gtk_box_append (GTK_BOX (row), level);
  gtk_box_append (GTK_BOX (row), zoom_icon_button ("zoom-in-symbolic", "win.zoom-in",
                                                   /* Translators: tooltip in the menu */
                                                   _("Zoom in (Ctrl++)")));
  zoom_label_cb (GTK_BUTTON (level));
  g_signal_connect_object (kasane_zoom_get_default (), "notify::level",
                           G_CALLBACK (zoom_label_cb), level, G_CONNECT_SWAPPED);
  return row;
}

/* The primary menu's style row: a round swatch per style (follow the system, light, dark,
 * high contrast), the one in use ringed, each named by its tooltip and for screen
 * readers.  Choosing one closes the menu, as a menu item does, and the view has the
 * focus again. */
static void
style_chosen_cb (GtkWidget *swatch)
{
  GtkWidget *popover = gtk_widget_get_ancestor (swatch, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
style_row_new (void)
{
  static const struct { const char *target; const char *name; } styles[] = {
    /* Translators: tooltips of the style swatches in the menu */
    { "system", N_("Follow System Style") },
    { "light", N_("Light Style") },
    { "dark", N_("Dark Style") },
    { "contrast", N_("High Contrast Style, for projectors") },
  };
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (row, "style-swatches");
  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      GtkWidget *swatch = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "action-name", "app.theme",
                                        "tooltip-text", _(styles[i].name),
                                        NULL);

      gtk_actionable_set_action_target (GTK_ACTIONABLE (swatch), "s", styles[i].target);
      gtk_widget_add_css_class (swatch, styles[i].target);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(styles[i].name), -1);
      g_signal_connect (swatch, "clicked", G_CALLBACK (style_chosen_cb), NULL);
      gtk_box_append (GTK_BOX (row), swatch);
    }
  return row;
}

/* The menu is built the first time it opens, with the recent files, which are followed
 * from then on. */
static void
menu_create_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  KasaneWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (window_rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  window_rebuild_recent_menu (self);
  gtk_menu_button_set_menu_model (button, self->primary_menu);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (button)),
                              zoom_row_new (), "zoom");
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (button)),
                              style_row_new (), "style");
  window_keys_watch_menu (self);
}

static void
theme_changed_cb (KasaneWindow *self)
{
  update_views (self);
}

static void
language_changed_cb (KasaneWindow *self)
{
  window_rebuild_sidebar (self, window_get_selected_entry (self));
}

/* Benchmarks (tests/bench/window-startup) time start-up to the first frame shown. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      KasaneWindow  *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
  /* The moment the first frame is out, for the benchmark to subtract its start from. */
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_real_time ());
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
bench_map_cb (KasaneWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (bench_after_paint_cb), self, 0);
}

static void
kasane_window_dispose (GObject *object)
{
  KasaneWindow *self = KASANE_WINDOW (object);

  window_keys_dispose (self);
  window_watch_dispose (self);
  window_load_dispose (self);
  window_reading_dispose (self);
  window_present_dispose (self);
  /* The list box unselects its rows as it goes: nothing to show any more. */
  self->rebuilding = TRUE;
  /* The window's child is a template child: GtkWindow must let go of it first, or both
   * would unparent it. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASANE_TYPE_WINDOW);
  /* The widgets built on first use went with the template's. */
  self->stale_views = 0;
  self->explain_view = NULL;
  self->error_title = self->error_hint = self->error_label = NULL;
  self->ledger_view = NULL;
  self->ledger_row = NULL;
  g_clear_pointer (&self->ledger_others, g_ptr_array_unref);
  self->banner_entry = NULL;
  self->entries = NULL;
  g_clear_object (&self->session);
  g_clear_pointer (&self->compare_shown, g_ptr_array_unref);
  g_clear_pointer (&self->stack_shown, g_ptr_array_unref);
  g_clear_object (&self->settings);
  self->recent_manager = NULL;

  G_OBJECT_CLASS (kasane_window_parent_class)->dispose (object);
}

static void
kasane_window_class_init (KasaneWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  /* The resource bundle lives in a static library: referring to it links it in, and its
   * constructor registers it before the template below is looked up. */
  g_assert (kasane_get_resource () != NULL);
  g_type_ensure (KASANE_TYPE_DIAGRAM_VIEW);
  g_type_ensure (KASANE_TYPE_EXPLAIN_VIEW);
  g_type_ensure (KASANE_TYPE_TREND_VIEW);
  g_type_ensure (KASANE_TYPE_VIEW_SWITCHER);

  object_class->dispose = kasane_window_dispose;
  window_class->close_request = kasane_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kasane/Kasane/kasane-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, empty_bin);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, stack_view);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, trend_view);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, trend_overlay);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, explain_bin);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, ledger_bin);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, KasaneWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, empty_bin_map_cb);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, window_reload_action);
  gtk_widget_class_install_action (widget_class, "win.new-dataset", NULL,
                                   window_new_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.close-dataset", NULL,
                                   window_close_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-here", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  window_whatif_class_init (widget_class);
}

static void
kasane_window_init (KasaneWindow *self)
{
  GtkDropTarget *drop_target;
  int width;
  int height;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The application's one zoom, shown by every chart. */
  {
    GtkWidget *charts[] = { GTK_WIDGET (self->compare_view), GTK_WIDGET (self->stack_view),
                            GTK_WIDGET (self->trend_view) };

    for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
      g_object_bind_property (kasane_zoom_get_default (), "level", charts[i], "zoom",
                              G_BINDING_SYNC_CREATE);
    /* …and the text views, at the window's floor. */
    window_reading_init (self);
  }
  /* The slides, over everything while presenting. */
  {
    window_present_init (self);
  }

  /* F9 and the menu hide the dataset list, to give a projected diagram the whole window. */
  {
    g_autoptr(GPropertyAction) show_sidebar =
      g_property_action_new ("show-sidebar",
                             self->sidebar_pane,
                             "visible");

    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_sidebar));
  }
  {
    g_autoptr(GSimpleAction) side_by_side =
      g_simple_action_new_stateful ("ledger-side-by-side", NULL, g_variant_new_boolean (FALSE));

    g_signal_connect_object (side_by_side, "change-state",
                             G_CALLBACK (ledger_side_by_side_change), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (side_by_side));
  }

  self->session = kasane_session_new ();
  self->entries = kasane_session_get_documents (self->session);
  self->compare_shown = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
  self->stack_shown = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
  self->settings = kasane_settings_new ();
  self->content_page = "dataset";

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::theme",
                           G_CALLBACK (theme_changed_cb), self, G_CONNECT_SWAPPED);

  kasane_diagram_view_set_kind (self->stack_view, KASANE_DIAGRAM_STACK);
  {
    g_autofree char *last_view = g_settings_get_string (self->settings, "last-view");

    /* A view saved by a later version may not be here: then the default stays. */
    if (gtk_stack_get_child_by_name (self->view_stack, last_view) != NULL)
      gtk_stack_set_visible_child_name (self->view_stack, last_view);
  }
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->menu_button, menu_create_popup_cb, self, NULL);
  window_keys_init (self);

  /* Every series one click away from the featured ones the Trend view opens with. */
  {
    GtkWidget *chooser = kasane_series_chooser_new (self->trend_view);

    g_object_set (chooser, "halign", GTK_ALIGN_END, "valign", GTK_ALIGN_START,
                  "margin-top", 12, "margin-end", 12, NULL);
    gtk_overlay_add_overlay (self->trend_overlay, chooser);
  }

  if (g_strcmp0 (g_getenv ("KASANE_BENCH_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (self, "map", G_CALLBACK (bench_map_cb), NULL);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (window_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  update_content (self);
}

KasaneWindow *
kasane_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (KASANE_TYPE_WINDOW, "application", application, NULL);
}

/* Private accessors (kasane-window-private.h) */

guint
kasane_window_get_n_datasets (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), 0);
  return self->entries->len;
}

int
kasane_window_get_selected_index (KasaneWindow *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KASANE_IS_WINDOW (self), -1);
  row = gtk_list_box_get_selected_row (self->sidebar);
  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

KasaneDataset *
kasane_window_get_shown_dataset (KasaneWindow *self)
{
  KasaneDocument *entry;

  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  entry = window_get_selected_entry (self);
  return entry != NULL ? entry->dataset : NULL;
}

const char *
kasane_window_get_page_name (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "empty"))
    return "empty";
  return self->content_page;
}

GtkListBox *
kasane_window_get_sidebar (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  return self->sidebar;
}

GtkGrid *
kasane_window_get_ledger_grid (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  ensure_ledger (self);
  return kasane_ledger_view_get_grid (self->ledger_view);
}

KasaneLedgerView *
kasane_window_get_ledger_view (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  ensure_ledger (self);
  return self->ledger_view;
}

GtkWidget *
kasane_window_get_ledger_cell (KasaneWindow *self,
                               int           layer,
                               guint         column)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (column < KASANE_LEDGER_N_COLUMNS, NULL);
  ensure_ledger (self);
  return kasane_ledger_view_get_cell (self->ledger_view, layer, column);
}

const char *
kasane_window_get_ledger_text (KasaneWindow *self,
                               int           layer,
                               guint         column)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (column < KASANE_LEDGER_N_COLUMNS, NULL);
  ensure_ledger (self);
  return kasane_ledger_view_get_cell_text (self->ledger_view, layer, column);
}

GtkWidget *
kasane_window_get_verdict_row (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  ensure_ledger (self);
  return kasane_ledger_view_get_verdict_row (self->ledger_view);
}

const char *
kasane_window_get_verdict_text (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  ensure_ledger (self);
  return kasane_ledger_view_get_verdict_text (self->ledger_view);
}

const char *
kasane_window_get_error_text (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  return self->error_label != NULL ? gtk_label_get_text (self->error_label) : "";
}

gboolean
kasane_window_get_loading (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), FALSE);
  return window_load_busy (self);
}

gboolean
kasane_window_get_load_revealed (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), FALSE);
  return self->load_revealer != NULL && gtk_revealer_get_reveal_child (self->load_revealer);
}

double
kasane_window_get_load_fraction (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), 0.0);
  return self->load_bar != NULL ? gtk_progress_bar_get_fraction (self->load_bar) : 0.0;
}

const char *
kasane_window_get_error_open_uri (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  if (self->error_open == NULL || !gtk_widget_get_visible (self->error_open) ||
      self->banner_entry == NULL)
    return NULL;
  return self->banner_entry->error_uri;
}

gboolean
kasane_window_get_error_revealed (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->error_revealer);
}

const char *
kasane_window_get_failed_text (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  ensure_ledger (self);
  return kasane_ledger_view_get_failure_text (self->ledger_view);
}

static gboolean
has_error_icon (GtkWidget *widget)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), "error-icon") == 0)
    return gtk_widget_get_visible (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_error_icon (child))
      return TRUE;
  return FALSE;
}

gboolean
kasane_window_get_row_failed (KasaneWindow *self,
                              guint         index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KASANE_IS_WINDOW (self), FALSE);
  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  g_return_val_if_fail (row != NULL, FALSE);
  return has_error_icon (GTK_WIDGET (row));
}

void
kasane_window_select_index (KasaneWindow *self,
                            guint         index)
{
  GtkListBoxRow *row;

  g_return_if_fail (KASANE_IS_WINDOW (self));
  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  g_return_if_fail (row != NULL);
  gtk_list_box_select_row (self->sidebar, row);
}

GtkStack *
kasane_window_get_view_stack (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  return self->view_stack;
}

GtkWidget *
kasane_window_get_compare_view (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  sync_views (self, VIEW_COMPARE);
  return GTK_WIDGET (self->compare_view);
}

GtkWidget *
kasane_window_get_stack_view (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  sync_views (self, VIEW_STACK);
  return GTK_WIDGET (self->stack_view);
}

GtkWidget *
kasane_window_get_trend_view (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->trend_view);
}

GtkWidget *
kasane_window_get_slide_view (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  return self->slide_view;
}

GtkWidget *
kasane_window_get_presenter_console (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  return self->console;
}

GtkWindow *
kasane_window_get_console_window (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  return self->console_window;
}

GtkWidget *
kasane_window_get_explain_view (KasaneWindow *self)
{
  g_return_val_if_fail (KASANE_IS_WINDOW (self), NULL);
  ensure_explain_view (self);
  return GTK_WIDGET (self->explain_view);
}

/**
 * kasane_window_take_over:
 * @self: a new window
 * @from: the window it replaces
 *
 * Moves the datasets (with their errors), the selection, the view shown and the size of
 * @from into @self, which has none yet.  The application builds a window anew when the
 * language changes, so every label, menu and tooltip is set in the new language at once.
 */
void
kasane_window_take_over (KasaneWindow *self,
                         KasaneWindow *from)
{
  KasaneDocument *selected;
  int width, height;

  g_return_if_fail (KASANE_IS_WINDOW (self));
  g_return_if_fail (KASANE_IS_WINDOW (from));
  g_return_if_fail (self->entries->len == 0);

  selected = window_get_selected_entry (from);
  from->banner_entry = NULL;
  /* The open documents are the session's: the new window takes it whole. */
  g_set_object (&self->session, from->session);
  self->entries = kasane_session_get_documents (self->session);
  g_clear_object (&from->session);
  from->session = kasane_session_new ();
  from->entries = kasane_session_get_documents (from->session);

  gtk_window_get_default_size (GTK_WINDOW (from), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (from)))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_stack_set_visible_child_name (self->view_stack,
                                         gtk_stack_get_visible_child_name (from->view_stack));

  window_rebuild_sidebar (from, NULL);
  window_rebuild_sidebar (self, selected);
}
