/* kasane-application.c: the Kasane desktop application
 *
 * Activation opens the datasets of the last session (or the bundled ones); `open` adds
 * the files given on the command line.  App actions and every accelerator live here.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kasane-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kasane-application.h"
#include "kasane-help.h"
#include "kasane-i18n.h"
#include "kasane-language.h"
#include "kasane-session.h"
#include "kasane-settings.h"
#include "kasane-window.h"

struct _KasaneApplication
{
  GtkApplication parent_instance;

  GSettings     *settings;
  gboolean       desktop_prefers_dark;   /* the desktop's colour scheme, from the portal */
  char          *desktop_theme_name;     /* GTK's theme before "contrast" replaced it */
  guint          portal_subscription;
  GtkWindow     *help_window;            /* F1's, while it is open (weak) */
};

G_DEFINE_FINAL_TYPE (KasaneApplication, kasane_application, GTK_TYPE_APPLICATION)

static KasaneWindow *
get_window (KasaneApplication *self,
            gboolean          *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = FALSE;
  if (KASANE_IS_WINDOW (window))
    return KASANE_WINDOW (window);

  *created = TRUE;
  return kasane_window_new (GTK_APPLICATION (self));
}

/* The files of the last session that can still be opened: local files that are gone are
 * dropped quietly rather than greeting the user with errors. */
static GStrv
get_session_uris (KasaneApplication *self)
{
  g_auto(GStrv) saved = g_settings_get_strv (self->settings, "open-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; saved[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (saved[i]);

      if (g_file_is_native (file) && !g_file_query_exists (file, NULL))
        continue;
      g_strv_builder_add (builder, saved[i]);
      n++;
    }
  if (n == 0)
    g_strv_builder_addv (builder, (const char **) kasane_session_get_bundled_uris ());
  return g_strv_builder_end (builder);
}

static void
kasane_application_activate (GApplication *application)
{
  KasaneApplication *self = KASANE_APPLICATION (application);
  KasaneWindow *window;
  gboolean created;

  window = get_window (self, &created);
  if (created)
    {
      g_auto(GStrv) uris = get_session_uris (self);

      for (guint i = 0; uris[i] != NULL; i++)
        kasane_window_open_uri (window, uris[i]);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
kasane_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  KasaneApplication *self = KASANE_APPLICATION (application);
  KasaneWindow *window;
  gboolean created;

  window = get_window (self, &created);
  kasane_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

/* Actions */

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KasaneApplication *self = user_data;
  KasaneWindow *window;
  gboolean created;

  window = get_window (self, &created);
  gtk_window_present (GTK_WINDOW (window));
  kasane_window_show_open_dialog (window);
}

static void
open_uri_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  KasaneApplication *self = user_data;
  KasaneWindow *window;
  gboolean created;

  window = get_window (self, &created);
  kasane_window_open_uri (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KasaneApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!GTK_IS_APPLICATION_WINDOW (window))
    return;
  /* Built on first use, not with every window (see kasane.gresource.xml). */
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/kasane/Kasane/kasane-shortcuts.ui");

      gtk_application_window_set_help_overlay (
        GTK_APPLICATION_WINDOW (window),
        GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

/* One help window, brought forward when F1 is pressed again; a new one after it was
 * closed, so that it is in the language chosen since. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KasaneApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->help_window == NULL)
    {
      self->help_window = kasane_help_window_new (parent, NULL);
      g_object_add_weak_pointer (G_OBJECT (self->help_window),
                                 (gpointer *) &self->help_window);
    }
  gtk_window_present (self->help_window);
}

GtkWindow *
kasane_application_get_help_window (KasaneApplication *self)
{
  g_return_val_if_fail (KASANE_IS_APPLICATION (self), NULL);
  return self->help_window;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  KasaneApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Kasane developers", NULL };
  GtkWidget *about;

  about = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                        "application", self,
                        "transient-for", parent,
                        "modal", TRUE,
                        "program-name", _("Kasane"),
                        "logo-icon-name", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "authors", developers,
                        "website", "https://github.com/kasane-app/kasane",
                        /* Our own words: GTK's Japanese catalogue leaves its licence
                         * sentence in English. */
                        "license", _("Kasane is free software: you may share and change it "
                                     "under the GNU General Public License, version 3 or "
                                     "later. It comes with no warranty. The licence text is "
                                     "at https://www.gnu.org/licenses/gpl-3.0.html"),
                        "wrap-license", TRUE,
                        "copyright", _("© 2026 The Kasane developers"),
                        "comments", _("Technologies grow in layers. Kasane keeps a ledger "
                                      "of the problems each layer solves and introduces, "
                                      "and shows whether the stack moved forward or only "
                                      "moved its problems elsewhere."),
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KasaneApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window save its size; the application ends when
   * the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "open", .activate = open_action },
  { .name = "open-uri", .activate = open_uri_action, .parameter_type = "s" },
  { .name = "shortcuts", .activate = shortcuts_action },
  { .name = "help", .activate = help_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

/* Every accelerator of the application, app and window actions alike. */
static const struct
{
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.open", { "<Control>o", NULL } },
  { "win.new-dataset", { "<Control>n", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "app.help", { "F1", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.reload", { "<Control>r", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.present-here", { "<Shift>F5", NULL } },
  { "win.close-dataset", { "<Control>w", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "win.fullscreen", { "F11", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add" } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.copy-image", { "<Control><Shift>c", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.show-view::compare", { "<Alt>1", NULL } },
  { "win.show-view::stack", { "<Alt>2", NULL } },
  { "win.show-view::trend", { "<Alt>3", NULL } },
  { "win.show-view::ledger", { "<Alt>4", NULL } },
  { "win.show-view::explain", { "<Alt>5", NULL } },
  /* app.shortcuts has the key; GtkApplication gave it to this action too. */
  { "win.show-help-overlay", { NULL } },
};

const char * const *
kasane_application_get_accels (const char *action)
{
  g_return_val_if_fail (action != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    if (g_str_equal (accels[i].action, action))
      return accels[i].accels;
  return NULL;
}

/* The style: "light" and "dark" choose GTK's light or dark variant; "system" and
 * "contrast" follow the desktop's colour scheme.  "contrast" is for projectors: the
 * charts take their high-contrast palette and the window GTK's high-contrast theme
 * (Default-hc, or Default-hc-dark), and the desktop's theme comes back after it. */
static void
theme_changed_cb (KasaneApplication *self)
{
  g_autofree char *theme = g_settings_get_string (self->settings, "theme");
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  gboolean dark = self->desktop_prefers_dark;
  gboolean contrast = g_str_equal (theme, "contrast");

  if (g_str_equal (theme, "light"))
    dark = FALSE;
  else if (g_str_equal (theme, "dark"))
    dark = TRUE;
  if (gtk_settings != NULL)
    {
      gboolean current = FALSE;
      g_autofree char *name = NULL;
      const char *wanted;

      /* Setting either, even to the value it has, makes GTK parse its whole theme
       * again: only on a change. */
      g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &current,
                    "gtk-theme-name", &name, NULL);
      if (self->desktop_theme_name == NULL && !contrast)
        self->desktop_theme_name = g_strdup (name);
      wanted = contrast ? (dark ? "Default-hc-dark" : "Default-hc") : self->desktop_theme_name;
      if (wanted != NULL && g_strcmp0 (name, wanted) != 0)
        g_object_set (gtk_settings, "gtk-theme-name", wanted, NULL);
      if (current != dark)
        g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", dark, NULL);
    }
}

/* The desktop's colour scheme: org.freedesktop.appearance color-scheme is 1 for "prefer
 * dark", 2 for "prefer light" and 0 for no preference. */
static void
set_desktop_color_scheme (KasaneApplication *self,
                          GVariant          *value)
{
  g_autoptr(GVariant) inner = value != NULL ? g_variant_ref (value) : NULL;
  guint32 scheme = 0;

  /* Read wraps the value in a second variant. */
  while (inner != NULL && g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unwrapped = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = unwrapped;
    }
  if (inner != NULL && g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    scheme = g_variant_get_uint32 (inner);
  self->desktop_prefers_dark = scheme == 1;
  theme_changed_cb (self);
}

static void
portal_setting_changed_cb (GDBusConnection *connection,
                           const char      *sender,
                           const char      *path,
                           const char      *interface,
                           const char      *signal,
                           GVariant        *parameters,
                           gpointer         user_data)
{
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;
  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, "org.freedesktop.appearance") && g_str_equal (key, "color-scheme"))
    set_desktop_color_scheme (user_data, value);
}

/* Asks the settings portal once (never starting it: without a portal there is no
 * preference) and follows its changes. */
static void
watch_desktop_color_scheme (KasaneApplication *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  if (bus == NULL)
    return;

  self->portal_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.portal.Desktop",
                                        "org.freedesktop.portal.Settings", "SettingChanged",
                                        "/org/freedesktop/portal/desktop",
                                        "org.freedesktop.appearance", G_DBUS_SIGNAL_FLAGS_NONE,
                                        portal_setting_changed_cb, self, NULL);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop",
                                       "/org/freedesktop/portal/desktop",
                                       "org.freedesktop.portal.Settings", "Read",
                                       g_variant_new ("(ss)", "org.freedesktop.appearance",
                                                      "color-scheme"),
                                       G_VARIANT_TYPE ("(v)"),
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, 500, NULL, NULL);
  if (reply == NULL)
    return;
  g_variant_get (reply, "(v)", &value);
  set_desktop_color_scheme (self, value);
}

static void
apply_language (KasaneApplication *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "language");

  kasane_language_apply (g_str_equal (setting, "system") ? NULL : setting);
}

/* Labels from templates, menus and tooltips are translated as they are built, so a
 * change of language builds each window anew, with its datasets moved over: everything
 * is relabelled at once, with no restart. */
static void
language_changed_cb (KasaneApplication *self)
{
  g_autoptr(GList) windows = NULL;

  apply_language (self);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_application_hold (G_APPLICATION (self));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *old = l->data;

      if (KASANE_IS_WINDOW (old))
        {
          KasaneWindow *window = kasane_window_new (GTK_APPLICATION (self));

          kasane_window_take_over (window, KASANE_WINDOW (old));
          gtk_window_present (GTK_WINDOW (window));
        }
      /* Dialogs (About, Export, shortcuts) close rather than stay in the old language. */
      gtk_window_destroy (old);
    }
  g_application_release (G_APPLICATION (self));
}

static void
kasane_application_startup (GApplication *application)
{
  KasaneApplication *self = KASANE_APPLICATION (application);
  g_autoptr(GAction) language_action = NULL;
  g_autoptr(GAction) theme_action = NULL;

  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (kasane_application_parent_class)->startup (application);

  gtk_css_provider_load_from_resource (css, "/io/github/kasane/Kasane/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->settings = kasane_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  language_action = g_settings_create_action (self->settings, "language");
  g_action_map_add_action (G_ACTION_MAP (self), language_action);
  theme_action = g_settings_create_action (self->settings, "theme");
  g_action_map_add_action (G_ACTION_MAP (self), theme_action);
  {
    g_autoptr(GAction) slides_contrast = g_settings_create_action (self->settings,
                                                                   "slides-contrast");

    g_action_map_add_action (G_ACTION_MAP (self), slides_contrast);
  }

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  g_signal_connect_object (self->settings, "changed::theme",
                           G_CALLBACK (theme_changed_cb), self, G_CONNECT_SWAPPED);
  theme_changed_cb (self);
  watch_desktop_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);
  apply_language (self);
}

static void
kasane_application_dispose (GObject *object)
{
  KasaneApplication *self = KASANE_APPLICATION (object);

  /* Only the primary instance subscribed; a second one that handed its files over is
   * no longer registered, and must not ask for the bus. */
  if (self->portal_subscription != 0)
    {
      GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));

      if (bus != NULL)
        g_dbus_connection_signal_unsubscribe (bus, self->portal_subscription);
      self->portal_subscription = 0;
    }
  if (self->help_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->help_window),
                                    (gpointer *) &self->help_window);
      gtk_window_destroy (self->help_window);
      self->help_window = NULL;
    }
  g_clear_object (&self->settings);
  g_clear_pointer (&self->desktop_theme_name, g_free);

  G_OBJECT_CLASS (kasane_application_parent_class)->dispose (object);
}

static void
kasane_application_class_init (KasaneApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kasane_application_dispose;
  app_class->startup = kasane_application_startup;
  app_class->activate = kasane_application_activate;
  app_class->open = kasane_application_open;
}

static void
kasane_application_init (KasaneApplication *self)
{
}

KasaneApplication *
kasane_application_new (void)
{
  return g_object_new (KASANE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/kasane/Kasane",
                       NULL);
}

GSettings *
kasane_application_get_settings (KasaneApplication *self)
{
  g_return_val_if_fail (KASANE_IS_APPLICATION (self), NULL);
  return self->settings;
}
