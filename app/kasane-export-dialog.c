/* kasane-export-dialog.c: the Export dialog (Ctrl+E) and "Copy as image"
 *
 * The dialog only gathers options: drawing and writing are kasane_export_render and
 * kasane_export_write, shared with `kasane --export`, so the file the dialog writes is
 * the file the command line would write.  Export runs on the main thread because the
 * renderer's PangoCairo font map is not thread-safe.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-export-dialog"

#include "config.h"

#include "kasane-export-dialog.h"

#include <glib/gi18n-lib.h>

#include "kasane-clamp.h"
#include "kasane-settings.h"
#include "kasane-toast.h"

/* The content is no wider than this, centred, however wide the window. */
#define CONTENT_MAXIMUM_WIDTH 560

struct _KasaneExportDialog
{
  GtkWindow             parent_instance;

  GPtrArray            *datasets;       /* of KasaneDataset* */
  KasaneExportView      view;
  KasaneRenderRequest  *state;          /* the view state drawn, or NULL: defaults */
  GSettings            *settings;       /* NULL when the schema lacks the export keys */
  char                 *folder;         /* last folder written to, or NULL */
  char                 *footer;         /* the text get_options hands out */
  char                 *default_footer; /* the footer prefilled for the current language */
  GtkFileChooserNative *chooser;

  GtkOverlay           *toast_overlay;
  GtkWidget            *window_title;    /* the header bar's title and subtitle */
  GtkLabel             *window_subtitle;
  GtkViewport          *viewport;
  GtkWidget            *content;
  GtkDropDown          *format_drop_down;
  GtkDropDown          *size_drop_down;
  GtkWidget            *width_row;
  GtkWidget            *height_row;
  GtkLabel             *width_subtitle;
  GtkLabel             *height_subtitle;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  GtkWidget            *scale_row;
  GtkLabel             *scale_subtitle;
  GtkDropDown          *scale_drop_down;
  GtkDropDown          *theme_drop_down;
  GtkDropDown          *language_drop_down;
  GtkDropDown          *background_drop_down;
  GtkSwitch            *footer_switch;   /* on: the picture has the footer line */
  GtkEntry             *footer_entry;
  GtkWidget            *export_button;
  GtkWidget            *copy_button;
};

G_DEFINE_FINAL_TYPE (KasaneExportDialog, kasane_export_dialog, GTK_TYPE_WINDOW)

/* The drop-downs' items, in .ui order. */
static const struct
{
  guint width, height;
} size_presets[] = { { 1280, 720 }, { 1920, 1080 }, { 1080, 1080 } };
#define SIZE_CUSTOM G_N_ELEMENTS (size_presets)
static const guint scales[] = { 1, 2, 4 };
static const char * const theme_names[] = { "light", "dark", "contrast" };
static const char * const language_names[] = { "en", "ja" };
/* background_drop_down lists transparent, white, theme */
static const KasaneExportBackground backgrounds[] = {
  KASANE_EXPORT_BACKGROUND_TRANSPARENT,
  KASANE_EXPORT_BACKGROUND_WHITE,
  KASANE_EXPORT_BACKGROUND_THEME,
};

static guint
index_of (const char * const *names,
          guint               n_names,
          const char         *name,
          guint               fallback)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return fallback;
}

static const char *
get_lang (KasaneExportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->language_drop_down);

  return language_names[MIN (i, G_N_ELEMENTS (language_names) - 1)];
}

static KasaneExportFormat
get_format (KasaneExportDialog *self)
{
  return (KasaneExportFormat) MIN (gtk_drop_down_get_selected (self->format_drop_down),
                                   KASANE_EXPORT_PDF);
}

/* The dataset language of the desktop, as the window picks it. */
static const char *
desktop_lang (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ja"))
        return "ja";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return "en";
    }
  return "en";
}

/* Settings */

static GSettings *
open_settings (void)
{
  g_autoptr(GSettings) settings = kasane_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  /* Running from a build folder with an older compiled schema: work, just forget. */
  if (!g_settings_schema_has_key (schema, "export-folder"))
    return NULL;
  return g_steal_pointer (&settings);
}

static void
load_settings (KasaneExportDialog *self)
{
  g_autofree char *format = NULL, *theme = NULL, *language = NULL, *background = NULL;
  KasaneExportBackground bg = KASANE_EXPORT_BACKGROUND_THEME;
  KasaneExportFormat fmt = KASANE_EXPORT_PNG;
  guint width, height, scale;
  guint size_index = SIZE_CUSTOM;

  if (self->settings == NULL)
    {
      gtk_drop_down_set_selected (self->size_drop_down, 1);
      gtk_drop_down_set_selected (self->background_drop_down, 2);
      gtk_drop_down_set_selected (self->language_drop_down,
                                  index_of (language_names, 2, desktop_lang (), 0));
      return;
    }

  format = g_settings_get_string (self->settings, "export-format");
  width = (guint) g_settings_get_int (self->settings, "export-width");
  height = (guint) g_settings_get_int (self->settings, "export-height");
  scale = (guint) g_settings_get_int (self->settings, "export-scale");
  theme = g_settings_get_string (self->settings, "export-theme");
  language = g_settings_get_string (self->settings, "export-language");
  background = g_settings_get_string (self->settings, "export-background");
  self->folder = g_settings_get_string (self->settings, "export-folder");
  if (self->folder[0] == '\0')
    g_clear_pointer (&self->folder, g_free);

  for (guint i = 0; i <= KASANE_EXPORT_PDF; i++)
    if (g_strcmp0 (format, kasane_export_format_to_extension (i)) == 0)
      fmt = i;
  gtk_drop_down_set_selected (self->format_drop_down, fmt);

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    if (size_presets[i].width == width && size_presets[i].height == height)
      size_index = i;
  gtk_spin_button_set_value (self->width_spin, CLAMP (width, 16, 16384));
  gtk_spin_button_set_value (self->height_spin, CLAMP (height, 16, 16384));
  gtk_drop_down_set_selected (self->size_drop_down, size_index);

  gtk_drop_down_set_selected (self->scale_drop_down, scale >= 4 ? 2 : scale >= 2 ? 1 : 0);
  gtk_drop_down_set_selected (self->theme_drop_down, index_of (theme_names, 3, theme, 0));
  gtk_drop_down_set_selected (self->language_drop_down,
                              index_of (language_names, 2,
                                        g_str_equal (language, "system") ? desktop_lang ()
                                                                         : language, 0));
  kasane_export_background_from_string (background, &bg);
  for (guint i = 0; i < G_N_ELEMENTS (backgrounds); i++)
    if (backgrounds[i] == bg)
      gtk_drop_down_set_selected (self->background_drop_down, i);
  /* The text row below shows while the switch is on (bound in the .ui). */
  gtk_switch_set_active (self->footer_switch,
                         g_settings_get_boolean (self->settings, "export-footer"));
}

static void
save_settings (KasaneExportDialog *self)
{
  KasaneExportOptions options;

  if (self->settings == NULL)
    return;

  kasane_export_dialog_get_options (self, &options);
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format",
                         kasane_export_format_to_extension (options.format));
  g_settings_set_int (self->settings, "export-width", (int) options.width);
  g_settings_set_int (self->settings, "export-height", (int) options.height);
  g_settings_set_int (self->settings, "export-scale", (int) options.scale);
  g_settings_set_string (self->settings, "export-theme", theme_names[options.theme]);
  g_settings_set_string (self->settings, "export-language", options.lang);
  g_settings_set_string (self->settings, "export-background",
                         kasane_export_background_to_string (options.background));
  g_settings_set_boolean (self->settings, "export-footer",
                          gtk_switch_get_active (self->footer_switch));
  g_settings_set_string (self->settings, "export-folder",
                         self->folder != NULL ? self->folder : "");
  g_settings_apply (self->settings);
}

/* Keeping the rows consistent */

/* A second line under a title: hidden while empty, as libadwaita's rows hid theirs. */
static void
set_subtitle (GtkLabel   *label,
              const char *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_size_rows (KasaneExportDialog *self)
{
  guint size = gtk_drop_down_get_selected (self->size_drop_down);
  gboolean png = get_format (self) == KASANE_EXPORT_PNG;
  const char *unit = png ? _("In pixels, before scaling") : _("In points");

  if (size < SIZE_CUSTOM)
    {
      gtk_spin_button_set_value (self->width_spin, size_presets[size].width);
      gtk_spin_button_set_value (self->height_spin, size_presets[size].height);
    }
  gtk_widget_set_visible (self->width_row, size >= SIZE_CUSTOM);
  gtk_widget_set_visible (self->height_row, size >= SIZE_CUSTOM);
  set_subtitle (self->width_subtitle, unit);
  set_subtitle (self->height_subtitle, unit);

  /* Scale applies to PNG only: SVG and PDF are sized in points. */
  gtk_widget_set_sensitive (self->scale_row, png);
  set_subtitle (self->scale_subtitle, png ? "" : _("PNG images only"));
}

static void
update_footer (KasaneExportDialog *self)
{
  g_autofree char *fresh = NULL;
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->footer_entry));

  fresh = kasane_export_default_footer ((KasaneDataset * const *) self->datasets->pdata,
                                        self->datasets->len, self->view, get_lang (self));
  /* Follow the language unless the text was edited by hand. */
  if (current[0] == '\0' || g_strcmp0 (current, self->default_footer) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->footer_entry), fresh);
  g_free (self->default_footer);
  self->default_footer = g_steal_pointer (&fresh);
}

static void
update_title (KasaneExportDialog *self)
{
  g_autofree char *title = kasane_export_title ((KasaneDataset * const *) self->datasets->pdata,
                                                self->datasets->len, self->view,
                                                get_lang (self));

  set_subtitle (self->window_subtitle,
                self->view == KASANE_EXPORT_VIEW_STACK ? _("Stack View") :
                self->view == KASANE_EXPORT_VIEW_TREND ? _("Trend View")
                                                       : _("Compare View"));
  gtk_widget_set_tooltip_text (self->window_title, title);
}

static void
format_changed_cb (KasaneExportDialog *self)
{
  update_size_rows (self);
}

static void
language_changed_cb (KasaneExportDialog *self)
{
  update_footer (self);
  update_title (self);
}

/* Clicking a row activates its control, the last child of the row's box, as libadwaita's
 * rows did: a drop-down pops up, the switch toggles, a spin button takes the focus.  (The
 * rows are not focusable: the keyboard goes to the controls and the mnemonics.) */
static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  gpointer       user_data)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *control = box != NULL ? gtk_widget_get_last_child (box) : NULL;

  if (control != NULL && gtk_widget_is_sensitive (control))
    gtk_widget_mnemonic_activate (control, FALSE);
}

/* Options */

void
kasane_export_dialog_get_options (KasaneExportDialog  *self,
                                  KasaneExportOptions *options)
{
  guint scale_index, theme_index, background_index;

  g_return_if_fail (KASANE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  kasane_export_options_init (options);
  options->format = get_format (self);
  options->view = self->view;
  options->width = (guint) gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = (guint) gtk_spin_button_get_value_as_int (self->height_spin);
  scale_index = MIN (gtk_drop_down_get_selected (self->scale_drop_down),
                     G_N_ELEMENTS (scales) - 1);
  options->scale = options->format == KASANE_EXPORT_PNG ? scales[scale_index] : 1;
  theme_index = MIN (gtk_drop_down_get_selected (self->theme_drop_down), KASANE_THEME_CONTRAST);
  options->theme = (KasaneTheme) theme_index;
  options->lang = get_lang (self);
  background_index = MIN (gtk_drop_down_get_selected (self->background_drop_down),
                          G_N_ELEMENTS (backgrounds) - 1);
  options->background = backgrounds[background_index];

  if (gtk_switch_get_active (self->footer_switch))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text
                                                    (GTK_EDITABLE (self->footer_entry))));

      /* Replaced only when the text changed, so options handed out before stay valid. */
      if (g_strcmp0 (text, self->footer) != 0)
        {
          g_free (self->footer);
          self->footer = g_steal_pointer (&text);
        }
      if (self->footer[0] != '\0')
        options->footer = self->footer;
    }
}

/* Copy as image */

gboolean
kasane_export_copy_to_clipboard (GdkClipboard              *clipboard,
                                 KasaneDataset * const     *datasets,
                                 guint                      n_datasets,
                                 const KasaneExportOptions *options,
                                 GError                   **error)
{
  KasaneExportOptions png_options = *options;
  KasaneExportOptions svg_options = *options;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];

  g_return_val_if_fail (GDK_IS_CLIPBOARD (clipboard), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  png_options.format = KASANE_EXPORT_PNG;
  svg_options.format = KASANE_EXPORT_SVG;
  png = kasane_export_render (datasets, n_datasets, &png_options, error);
  if (png == NULL)
    return FALSE;
  svg = kasane_export_render (datasets, n_datasets, &svg_options, error);
  if (svg == NULL)
    return FALSE;
  texture = gdk_texture_new_from_bytes (png, error);
  if (texture == NULL)
    return FALSE;

  /* The texture first: most programs paste images; vector editors find the SVG. */
  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  return gdk_clipboard_set_content (clipboard, provider);
}

/* Ctrl+Shift+C in the window: the picture as the Export dialog last set it up. */
gboolean
kasane_export_copy_view (GtkWidget                 *widget,
                         const KasaneRenderRequest *request,
                         GError                   **error)
{
  KasaneExportOptions options;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  kasane_export_options_init_for_request (&options, request);
  options.scale = (guint) CLAMP (gtk_widget_get_scale_factor (widget), 1, 8);
  return kasane_export_copy_to_clipboard (gtk_widget_get_clipboard (widget),
                                          (KasaneDataset * const *) request->datasets->pdata,
                                          request->datasets->len, &options, error);
}

/* Feedback */

static void
show_error (KasaneExportDialog *self,
            const char         *heading,
            const char         *message)
{
  GtkWidget *dialog;

  /* GTK 4.8: GtkMessageDialog (GtkAlertDialog is 4.10); its Close button is GTK's. */
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", heading);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the toast's Open button opens, and the window to open it from. */
typedef struct
{
  GWeakRef  window;
  char     *uri;
} OpenFile;

static void
open_file_free (gpointer data)
{
  OpenFile *open_file = data;

  g_weak_ref_clear (&open_file->window);
  g_free (open_file->uri);
  g_free (open_file);
}

static void
open_file_cb (gpointer user_data)
{
  OpenFile *open_file = user_data;
  g_autoptr(GtkWindow) window = g_weak_ref_get (&open_file->window);

  /* GTK 4.8: gtk_show_uri (GtkFileLauncher is 4.10). */
  gtk_show_uri (window, open_file->uri, GDK_CURRENT_TIME);
}

static void
show_exported (KasaneExportDialog *self,
               const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = NULL;
  OpenFile *open_file;

  /* TRANSLATORS: a toast after an export; %s is the file name */
  title = g_strdup_printf (_("Exported to “%s”"), name);
  open_file = g_new0 (OpenFile, 1);
  g_weak_ref_init (&open_file->window, self);
  open_file->uri = g_file_get_uri (file);
  kasane_toast_show (self->toast_overlay, title, _("_Open"), open_file_cb, open_file,
                     open_file_free, 8);
}

/* Export */

gboolean
kasane_export_dialog_export_to_path (KasaneExportDialog  *self,
                                     const char          *path,
                                     GError             **error)
{
  g_autofree char *target = NULL;
  KasaneExportOptions options;
  KasaneExportFormat typed;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KASANE_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A name typed with another known extension chooses that format; a name without one
   * gets the chosen format's. */
  if (kasane_export_format_from_path (path, &typed))
    {
      gtk_drop_down_set_selected (self->format_drop_down, typed);
      target = g_strdup (path);
    }
  else
    target = g_strconcat (path, ".", kasane_export_format_to_extension (get_format (self)),
                          NULL);

  kasane_export_dialog_get_options (self, &options);
  if (!kasane_export_write ((KasaneDataset * const *) self->datasets->pdata,
                            self->datasets->len, &options, target, &local_error))
    {
      show_error (self, _("Export Failed"), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_free (self->folder);
  self->folder = g_path_get_dirname (target);
  save_settings (self);
  show_exported (self, target);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     KasaneExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Export Failed"),
                  _("Kasane can only export into a folder on this computer."));
      return;
    }
  kasane_export_dialog_export_to_path (self, path, NULL);
}

static char *
suggested_name (KasaneExportDialog *self)
{
  GString *name = g_string_new (NULL);
  guint n = self->view == KASANE_EXPORT_VIEW_COMPARE ? self->datasets->len
                                                     : MIN (self->datasets->len, 1);

  for (guint i = 0; i < n; i++)
    {
      KasaneDataset *dataset = g_ptr_array_index (self->datasets, i);

      g_string_append_printf (name, "%s-", dataset->id);
    }
  g_string_append_printf (name, "%s.%s", kasane_export_view_to_string (self->view),
                          kasane_export_format_to_extension (get_format (self)));
  return g_string_free (name, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KasaneExportDialog *self = KASANE_EXPORT_DIALOG (widget);
  KasaneExportFormat format = get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *pattern = NULL;
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, format == KASANE_EXPORT_PNG ? _("PNG images")
                                    : format == KASANE_EXPORT_SVG ? _("SVG drawings")
                                    : _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, kasane_export_format_to_mime_type (format));
  pattern = g_strdup_printf ("*.%s", kasane_export_format_to_extension (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  /* The last folder, else Pictures, else home. */
  if (self->folder != NULL && g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (self->folder);
  else if (pictures != NULL && g_file_test (pictures, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (pictures);
  else
    folder = g_file_new_for_path (g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KasaneExportDialog *self = KASANE_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  KasaneExportOptions options;

  kasane_export_dialog_get_options (self, &options);
  if (!kasane_export_copy_to_clipboard (gtk_widget_get_clipboard (widget),
                                        (KasaneDataset * const *) self->datasets->pdata,
                                        self->datasets->len, &options, &error))
    {
      show_error (self, _("Copy Failed"), error->message);
      return;
    }
  save_settings (self);
  kasane_toast_show (self->toast_overlay, _("Copied the picture to the clipboard"), NULL, NULL,
                     NULL, NULL, 5);
}

/* GObject */

static gboolean
kasane_export_dialog_close_request (GtkWindow *window)
{
  KasaneExportDialog *self = KASANE_EXPORT_DIALOG (window);

  save_settings (self);
  return GTK_WINDOW_CLASS (kasane_export_dialog_parent_class)->close_request (window);
}

static void
kasane_export_dialog_dispose (GObject *object)
{
  KasaneExportDialog *self = KASANE_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  /* The window's child (toast_overlay) is a template child: gtk_widget_dispose_template
   * would unparent it behind GtkWindow's back, which then unparents it again. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASANE_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (kasane_export_dialog_parent_class)->dispose (object);
}

static void
kasane_export_dialog_finalize (GObject *object)
{
  KasaneExportDialog *self = KASANE_EXPORT_DIALOG (object);

  g_clear_pointer (&self->datasets, g_ptr_array_unref);
  g_clear_pointer (&self->state, kasane_render_request_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->default_footer, g_free);

  G_OBJECT_CLASS (kasane_export_dialog_parent_class)->finalize (object);
}

static void
kasane_export_dialog_class_init (KasaneExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kasane_export_dialog_dispose;
  object_class->finalize = kasane_export_dialog_finalize;
  window_class->close_request = kasane_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kasane/Kasane/"
                                               "kasane-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, window_subtitle);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, viewport);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, content);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, format_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, size_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, width_subtitle);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, height_subtitle);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, scale_subtitle);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, scale_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, theme_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, language_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, background_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, footer_switch);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, footer_entry);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, KasaneExportDialog, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.copy", NULL, copy_action);
}

static void
kasane_export_dialog_init (KasaneExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GtkBuilder cannot make a KasaneClamp: it goes between the viewport and the content. */
  g_object_ref (self->content);
  gtk_viewport_set_child (self->viewport, NULL);
  gtk_viewport_set_child (self->viewport, kasane_clamp_new (self->content,
                                                            CONTENT_MAXIMUM_WIDTH));
  g_object_unref (self->content);

  self->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) kasane_dataset_unref);
  self->settings = open_settings ();
  load_settings (self);
  update_size_rows (self);

  g_signal_connect_object (self->format_drop_down, "notify::selected",
                           G_CALLBACK (format_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_drop_down, "notify::selected",
                           G_CALLBACK (format_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_drop_down, "notify::selected",
                           G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);
}

KasaneExportDialog *
kasane_export_dialog_new (GtkWindow             *parent,
                          KasaneDataset * const *datasets,
                          guint                  n_datasets,
                          const char            *view)
{
  KasaneExportDialog *self;
  gboolean have_data;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (datasets != NULL || n_datasets == 0, NULL);

  self = g_object_new (KASANE_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent)
                                                     : NULL,
                       NULL);
  for (guint i = 0; i < n_datasets; i++)
    g_ptr_array_add (self->datasets, kasane_dataset_ref (datasets[i]));
  /* Views export cannot draw yet (slides) export the comparison. */
  if (!kasane_export_view_from_string (view, &self->view) ||
      self->view == KASANE_EXPORT_VIEW_SLIDES)
    self->view = KASANE_EXPORT_VIEW_COMPARE;

  update_title (self);
  update_footer (self);

  have_data = n_datasets > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", have_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.copy", have_data);
  return self;
}

void
kasane_export_dialog_set_state (KasaneExportDialog        *self,
                                const KasaneRenderRequest *request)
{
  g_return_if_fail (KASANE_IS_EXPORT_DIALOG (self));

  g_clear_pointer (&self->state, kasane_render_request_free);
  if (request != NULL)
    self->state = kasane_render_request_copy (request);
}

void
kasane_export_dialog_present (GtkWindow                 *parent,
                              const KasaneRenderRequest *request)
{
  static const char * const views[] = {
    [KASANE_CHART_COMPARE] = "compare",
    [KASANE_CHART_STACK] = "stack",
    [KASANE_CHART_TREND] = "trend",
  };
  KasaneExportDialog *self;

  g_return_if_fail (request != NULL);

  self = kasane_export_dialog_new (parent, (KasaneDataset * const *) request->datasets->pdata,
                                   request->datasets->len, views[request->chart]);
  kasane_export_dialog_set_state (self, request);
  gtk_window_present (GTK_WINDOW (self));
}
