/* kasane-window-parts.h: the main window's state, shared by its files
 *
 * Internal to kasane-window.c (views, sidebar, content, actions between the views),
 * kasane-window-files.c (opening, reloading and closing files, drag and drop, Open
 * Recent), kasane-window-keys.c (full screen, where focus goes) and
 * kasane-window-reading.c (the text views' type size).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kasane-window.h"
#include "kasane-diagram-view.h"
#include "kasane-explain-view.h"
#include "kasane-ledger-view.h"
#include "kasane-presenter-console.h"
#include "kasane-session.h"
#include "kasane-slide-view.h"
#include "kasane-trend-view.h"

G_BEGIN_DECLS

struct _KasaneWindow
{
  GtkApplicationWindow parent_instance;

  GSettings          *settings;
  KasaneSession      *session;        /* the open documents */
  GPtrArray          *entries;        /* the session's documents, in sidebar order */
  KasaneDocument     *banner_entry;   /* the entry whose errors the panel shows, or NULL */
  GtkRecentManager   *recent_manager; /* from the first time the menu opens */
  gboolean            rebuilding;     /* the sidebar is being refilled */

  GPtrArray          *compare_shown;   /* of KasaneDataset* (references) */
  GPtrArray          *stack_shown;
  /* What the Ledger view shows ("dataset" or "failed"), even before it is built. */
  const char         *content_page;
  guint               stale_views;    /* VIEW_* bits of the views not up to date */
  guint               focus_idle;     /* gives the view the focus, or 0 */
  gboolean            sidebar_before_fullscreen;
  gboolean            sidebar_auto_hidden;   /* hidden because the window is narrow */
  gboolean            sidebar_by_hand;       /* shown or hidden by hand while narrow */
  gboolean            sidebar_by_program;    /* the change under way is ours */
  GtkWidget          *slide_view;     /* the presentation (kasane-window-present.c) */
  GtkWidget          *console;        /* the presenter console, in console_window or over
                                         the slides (one monitor: S swaps) */
  GtkWindow          *console_window; /* with two monitors, or NULL */
  GdkMonitor         *slides_monitor; /* with two monitors: where each is */
  GdkMonitor         *console_monitor;
  guint               swap_timer;     /* S with two monitors: waits to re-place them */
  gint64              swap_started;
  gboolean            presenting;
  gboolean            was_fullscreen; /* before presenting */
  guint               inhibit_cookie;
  GtkCssProvider     *reading_css;    /* the text views' type size (kasane-window-reading.c) */
  int                 reading_px;
  guint               reading_idle;
  GHashTable         *watches;        /* KasaneDocument* → its file's watch (live reload) */
  GPtrArray          *load_jobs;      /* the loads on worker threads (kasane-window-load.c) */
  GtkRevealer        *load_revealer;  /* their progress bar and Cancel, over the content */
  GtkWidget          *load_panel;
  GtkLabel           *load_label;
  GtkProgressBar     *load_bar;
  guint               load_show;      /* shows the panel once a load takes a moment */
  guint               load_tick;      /* moves the bar */

  /* template */
  GtkOverlay         *toast_overlay;
  GtkMenuButton      *menu_button;
  GtkWidget          *view_switcher;
  GtkStack           *main_stack;
  GtkBox             *empty_bin;
  GtkStack           *view_stack;
  KasaneDiagramView  *compare_view;
  KasaneDiagramView  *stack_view;
  KasaneTrendView    *trend_view;
  GtkOverlay         *trend_overlay;  /* the Trend view and its Series button */
  GtkBox             *explain_bin;
  GtkListBox         *sidebar;
  GtkWidget          *sidebar_pane;   /* the sidebar's scrolled window */
  GtkRevealer        *error_revealer;
  GtkBox             *ledger_bin;
  GMenuModel         *primary_menu;
  GMenu              *recent_section;

  /* Built the first time they are shown (or asked for): start-up builds only what the
   * first frame shows.  NULL until then. */
  KasaneExplainView  *explain_view;
  GtkLabel           *error_title;
  GtkLabel           *error_hint;
  GtkLabel           *error_label;
  GtkWidget          *error_open;     /* "Open in Editor": the file of the first error */
  KasaneLedgerView   *ledger_view;    /* the selected entry's */
  GtkBox             *ledger_row;     /* it and, side by side, the others' */
  GPtrArray          *ledger_others;  /* of KasaneLedgerView (owned by ledger_row) */
};

/* The name Kasane records its files under in GtkRecentManager; the application reads
 * them back by it for the Open Recent menu. */
#define RECENT_APP_NAME "Kasane"
#define RECENT_APP_EXEC "kasane %u"
#define RECENT_MAX_ITEMS 10



/* The views, as bits: each is brought up to date when it is on screen (or a test asks
 * for it), not every time a file opens. */
enum
{
  VIEW_COMPARE = 1 << 0,
  VIEW_STACK   = 1 << 1,
  VIEW_TREND   = 1 << 2,
  VIEW_EXPLAIN = 1 << 3,
  VIEW_LEDGER  = 1 << 4,
};
#define VIEW_CHARTS (VIEW_COMPARE | VIEW_STACK | VIEW_TREND | VIEW_EXPLAIN)

/* kasane-window.c */
/* The datasets that loaded, in sidebar order (a new array of borrowed pointers). */
GPtrArray  *window_collect_datasets (KasaneWindow *self);
/* "en" or "ja": the language the views are shown in. */
const char *window_get_language     (KasaneWindow *self);

/* kasane-window-present.c */
void window_present_init    (KasaneWindow *self);
void window_present_dispose (KasaneWindow *self);
/* F5 (from the first slide) and Shift+F5 (from the slide of the view on screen). */
void window_present_start   (KasaneWindow *self,
                             gboolean      from_view);
void window_present_stop    (KasaneWindow *self);

/* kasane-window-reading.c */
void   window_reading_init     (KasaneWindow *self);
void   window_reading_dispose  (KasaneWindow *self);
/* The text views' body type, in pixels: the window's floor or the desktop's size, zoomed. */
double window_reading_font_px  (KasaneWindow *self);

/* kasane-window-whatif.c */
void window_whatif_class_init     (GtkWidgetClass   *widget_class);
void window_whatif_update_actions (KasaneWindow     *self);
/* Makes the edits a Ledger view asks for. */
void window_whatif_watch_ledger   (KasaneWindow     *self,
                                   KasaneLedgerView *view);
/* Every view brought up to date after the selected entry's dataset changed. */
void window_update_content        (KasaneWindow     *self);

/* kasane-window-watch.c */
/* Watches each open local file and none other, so that an edit on disk reloads it. */
void     window_watch_sync    (KasaneWindow   *self);
void     window_watch_dispose (KasaneWindow   *self);

/* kasane-window-files.c */
/* Reloads `entry` from its file through the session, keeping the selection (by hand:
 * selecting it, and saying so); on failure the last good picture stays, with the errors
 * in the banner.  A long load goes to a worker thread.  Returns whether it loaded (or
 * was started). */
gboolean window_reload_entry  (KasaneWindow   *self,
                               KasaneDocument *entry,
                               gboolean        by_hand);
/* What follows a load, on the window's thread, wherever it was made. */
void     window_reload_finish (KasaneWindow   *self,
                               KasaneDocument *entry,
                               gboolean        loaded,
                               gboolean        had_whatif,
                               gboolean        by_hand);
void     window_open_finish   (KasaneWindow   *self,
                               KasaneDocument *selected,
                               KasaneDocument *entry,
                               gboolean        loaded);

/* kasane-window-load.c */
/* Loads `file` on a worker thread (a reload of `entry`, or an open when it is NULL), with
 * a progress bar and Cancel above the view once it takes more than a moment. */
void     window_load_start    (KasaneWindow   *self,
                               GFile          *file,
                               KasaneDocument *entry,
                               gboolean        by_hand);
/* Whether a load is under way. */
gboolean window_load_busy     (KasaneWindow   *self);
void     window_load_dispose  (KasaneWindow   *self);

/* kasane-window-keys.c */
void window_keys_init (KasaneWindow *self);
void window_keys_dispose (KasaneWindow *self);
/* Called once the primary menu's popover exists. */
void window_keys_watch_menu (KasaneWindow *self);
/* Gives the view on screen (presenting: the slides) the keyboard, once idle. */
void window_keys_focus_view (KasaneWindow *self);

void window_add_to_recent (KasaneWindow *self,
                           const char   *uri);
void window_close_dataset_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter);
gboolean window_drop_cb (GtkDropTarget *target,
                         const GValue  *value,
                         double         x,
                         double         y,
                         KasaneWindow  *self);
KasaneDocument *window_get_selected_entry (KasaneWindow *self);
void window_rebuild_recent_menu (KasaneWindow *self);
void window_rebuild_sidebar (KasaneWindow   *self,
                             KasaneDocument *selected);
void window_new_dataset_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter);
void window_reload_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter);
void window_save_open_files (KasaneWindow *self);
void window_show_banner (KasaneWindow   *self,
                         KasaneDocument *entry);
/* Opens `uri` in the desktop's text editor, or says in a toast why it could not. */
void window_open_in_editor (KasaneWindow *self,
                            const char   *uri);
void window_toast (KasaneWindow *self,
                   const char   *text);

G_END_DECLS
