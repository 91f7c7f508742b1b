/* desk-window-private.h — what desk-window.c shares with its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-window.h"

G_BEGIN_DECLS

struct _DeskWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  char *library_path;    /* absolute */
  gboolean main_library; /* the application's library, whose last story is remembered */
  DeskStore *store;
  DeskLibraryModel *model;
  DeskEditor *editor;
  GCancellable *cancellable;
  guint refresh_source;
  gboolean closing;
  gboolean close_confirmed;
  gboolean restored_last_story;
  gint64 focus_pending_id;
  gboolean loading;
  GPtrArray *pending_imports; /* GFile, dropped or opened while loading */
  GFile *export_folder_for_testing;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  AdwWindowTitle *library_title;
  GtkWidget *library_pane;
  GtkWidget *editor_pane;
  DeskLibraryView *library_view;
  AdwWindowTitle *editor_title;
  GtkDropDown *status_dropdown;
  GtkMenuButton *story_menu_button;
  GtkStack *editor_stack;
  AdwBin *editor_bin;
};

void desk_window_class_add_actions (GtkWidgetClass *widget_class);
void desk_window_update_actions    (DeskWindow     *self);
void desk_window_show_error        (DeskWindow     *self,
                                    const char     *what,
                                    const GError   *error);
void desk_window_refresh_library   (DeskWindow     *self);
void desk_window_class_add_io_actions (GtkWidgetClass *widget_class);
void desk_window_setup_drop        (DeskWindow     *self);
void desk_window_remember_story    (DeskWindow     *self,
                                    gint64          id);
void desk_window_set_export_folder_for_testing (DeskWindow *self,
                                                GFile      *folder);

G_END_DECLS
