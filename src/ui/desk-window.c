/* desk-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-window-private.h"

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (DeskWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
restore_window_state (DeskWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Errors */

void
desk_window_show_error (DeskWindow   *self,
                        const char   *what,
                        const GError *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (DESK_IS_WINDOW (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), what,
                                                       error ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_open_error (const char   *path,
                     const GError *error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE))
    return g_strdup_printf (_("The file “%s” is not a Copydesk library."), name);
  if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT))
    return g_strdup_printf (_("The library “%s” is damaged."), name);
  if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NEWER_SCHEMA))
    return g_strdup_printf (_("The library “%s” was written by a newer version of Copydesk. "
                              "Update Copydesk to open it."), name);
  return g_strdup_printf (_("The library “%s” could not be opened: %s"), name, error->message);
}

static void
show_open_error (DeskWindow   *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *text = describe_open_error (path, error);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *description =
    g_strdup_printf ("%s\n%s", escaped, _("Copydesk did not change the file."));

  g_debug ("Cannot open library %s: %s", path, error->message);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/* The editor pane */

static const char *
describe_save_state (DeskSaveState state)
{
  switch (state)
    {
    case DESK_SAVE_STATE_SAVING:
      return _("Saving…");
    case DESK_SAVE_STATE_FAILED:
      return _("Not Saved");
    case DESK_SAVE_STATE_SAVED:
    default:
      return _("Saved");
    }
}

static void
on_editor_title_cb (DeskWindow *self)
{
  gint64 id = desk_editor_get_story_id (self->editor);
  g_autofree char *title = NULL;
  int save_state = DESK_SAVE_STATE_SAVED;

  g_object_get (self->editor, "title", &title, "save-state", &save_state, NULL);
  gtk_window_set_title (GTK_WINDOW (self), id != 0 && title ? title : _("Copydesk"));
  adw_window_title_set_title (self->editor_title, id != 0 && title ? title : "");
  adw_window_title_set_subtitle (self->editor_title,
                                 id != 0 ? describe_save_state (save_state) : "");
}

/* The story to reopen next time; only the application's library has one,
 * the setting is not kept per library. */
void
desk_window_remember_story (DeskWindow *self,
                            gint64      id)
{
  if (self->main_library)
    g_settings_set_int64 (self->settings, "last-story", id);
}

static void
on_editor_story_id_cb (DeskWindow *self)
{
  gint64 id = desk_editor_get_story_id (self->editor);

  gtk_stack_set_visible_child_name (self->editor_stack, id != 0 ? "editor" : "none");
  if (id != 0)
    desk_window_remember_story (self, id);
  on_editor_title_cb (self);
  desk_window_update_actions (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  DeskWindow *self = user_data;

  self->refresh_source = 0;
  if (self->model != NULL)
    desk_library_model_refresh (self->model);
  return G_SOURCE_REMOVE;
}

/* Saves come about once a second while typing: one refresh for a burst. */
void
desk_window_refresh_library (DeskWindow *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (300, refresh_cb, self);
}

static gboolean
focus_headline_cb (gpointer user_data)
{
  DeskWindow *self = user_data;

  if (self->editor != NULL && self->focus_pending_id != 0 &&
      desk_editor_get_story_id (self->editor) == self->focus_pending_id)
    desk_editor_focus_headline (self->editor);
  self->focus_pending_id = 0;
  return G_SOURCE_REMOVE;
}

/* The editor fills its fields right after it stops being busy: focus the
 * headline once it has. */
static void
on_editor_busy_cb (DeskWindow *self)
{
  gboolean busy = TRUE;

  g_object_get (self->editor, "busy", &busy, NULL);
  if (self->focus_pending_id != 0 && !busy)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_headline_cb, g_object_ref (self),
                     g_object_unref);
}

/* The row shows the saved fields at once; the refresh that follows puts
 * it in its place in the list. */
static void
on_story_saved_cb (DeskWindow *self)
{
  const DeskSummary *summary = desk_editor_get_saved_summary (self->editor);

  if (self->model != NULL && summary != NULL)
    desk_library_model_update_story (self->model, summary);
  desk_window_refresh_library (self);
}

static void
setup_editor (DeskWindow *self)
{
  self->editor = desk_editor_new ();
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
  g_signal_connect_swapped (self->editor, "notify::story-id",
                            G_CALLBACK (on_editor_story_id_cb), self);
  g_signal_connect_swapped (self->editor, "notify::title", G_CALLBACK (on_editor_title_cb), self);
  g_signal_connect_swapped (self->editor, "notify::save-state",
                            G_CALLBACK (on_editor_title_cb), self);
  g_signal_connect_swapped (self->editor, "notify::busy", G_CALLBACK (on_editor_busy_cb), self);
  g_signal_connect_swapped (self->editor, "story-saved", G_CALLBACK (on_story_saved_cb), self);
  g_object_bind_property (self->editor, "status", self->status_dropdown, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* Opening stories */

void
desk_window_open_story (DeskWindow *self,
                        gint64      id,
                        gboolean    focus_headline)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->store == NULL || id <= 0)
    return;
  if (desk_editor_get_story_id (self->editor) != id)
    desk_editor_load_story (self->editor, id);
  desk_library_view_select_story (self->library_view, id);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
  /* The fields take focus only once the story is in them. */
  self->focus_pending_id = focus_headline ? id : 0;
  on_editor_busy_cb (self);
}

static void
on_story_activated_cb (DeskWindow *self,
                       gint64      id)
{
  desk_window_open_story (self, id, FALSE);
}

static void
last_story_checked_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (DeskArticle) article = desk_store_load_finish (DESK_STORE (source), result, NULL);

  /* A story deleted since is simply not reopened. */
  if (article != NULL && desk_editor_get_story_id (self->editor) == 0)
    desk_window_open_story (self, desk_article_get_id (article), FALSE);
}

static void
on_model_ready_cb (DeskWindow *self)
{
  gint64 last = self->main_library ? g_settings_get_int64 (self->settings, "last-story") : 0;

  if (self->restored_last_story || !desk_library_model_get_ready (self->model))
    return;
  self->restored_last_story = TRUE;
  g_debug ("library ready: %u stories",
           g_list_model_get_n_items (G_LIST_MODEL (self->model)));
  if (last > 0)
    desk_store_load_async (self->store, last, self->cancellable, last_story_checked_cb,
                           g_object_ref (self));
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store =
    desk_application_open_store_finish (DESK_APPLICATION (source), result, &error);

  if (self->settings == NULL) /* disposed meanwhile */
    return;
  self->loading = FALSE;
  if (store == NULL)
    {
      show_open_error (self, self->library_path, error);
      desk_window_update_actions (self);
      return;
    }
  self->store = g_object_ref (store);
  self->model = desk_library_model_new (store);
  g_signal_connect_swapped (self->model, "notify::ready", G_CALLBACK (on_model_ready_cb), self);
  desk_library_view_set_model (self->library_view, self->model);
  desk_editor_set_store (self->editor, store);
  desk_window_update_actions (self);
  if (self->pending_imports->len > 0)
    {
      g_autoptr (GPtrArray) files = g_steal_pointer (&self->pending_imports);

      self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);
      desk_window_import_files (self, (GFile **) files->pdata, files->len);
    }
}

/* The library opens off the main thread: checking a big file takes a while,
 * and the window shows meanwhile. */
static void
setup_library (DeskWindow      *self,
               DeskApplication *application)
{
  self->loading = TRUE;
  desk_window_update_actions (self);
  desk_application_open_store_async (application, self->main_library ? NULL : self->library_path,
                                     self->cancellable, store_opened_cb, g_object_ref (self));
}

/* Folding */

static void
on_folded_cb (DeskWindow *self)
{
  gint64 id = desk_editor_get_story_id (self->editor);

  if (!adw_leaflet_get_folded (self->leaflet))
    desk_library_view_select_story (self->library_view, id);
  else if (id != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

/* Back in the list of a folded window, the open story is unselected, so
 * that tapping it again opens it again. */
static void
on_visible_child_cb (DeskWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->library_pane)
    desk_library_view_select_story (self->library_view, 0);
}

static void
on_back_clicked_cb (DeskWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Closing: every word reaches the library before the window goes. */

static void
close_flushed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  GApplication *application = g_application_get_default ();
  gboolean saved = desk_editor_flush_finish (DESK_EDITOR (source), result, &error);

  self->closing = FALSE;
  if (saved)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    desk_window_show_error (self, _("The Story Could Not Be Saved"), error);
  if (application != NULL)
    g_application_release (application);
}

static gboolean
desk_window_close_request (GtkWindow *window)
{
  DeskWindow *self = DESK_WINDOW (window);
  GApplication *application = g_application_get_default ();

  if (self->closing)
    return TRUE;
  if (!self->close_confirmed && self->store != NULL && desk_editor_get_story_id (self->editor) != 0)
    {
      self->closing = TRUE;
      if (application != NULL)
        g_application_hold (application);
      desk_editor_flush_async (self->editor, NULL, close_flushed_cb, g_object_ref (self));
      return TRUE;
    }
  save_window_state (self);
  return GTK_WINDOW_CLASS (desk_window_parent_class)->close_request (window);
}

static gboolean
close_after_shown_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Tests and the Flatpak check look for "window shown" to know the window
 * was really shown (G_MESSAGES_DEBUG=copydesk). COPYDESK_QUIT_AFTER_SHOWN=1 closes the window a second after it showed:
 * the Flatpak check runs the app that way. */
static void
on_window_map_cb (GtkWidget *widget)
{
  g_debug ("window shown");
  if (g_getenv ("COPYDESK_QUIT_AFTER_SHOWN") != NULL)
    g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 1, close_after_shown_cb,
                                g_object_ref (widget), g_object_unref);
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_WINDOW);
  self->editor = NULL;
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending_imports, g_ptr_array_unref);
  g_clear_pointer (&self->library_path, g_free);
  g_clear_object (&self->export_folder_for_testing);

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_window_dispose;
  window_class->close_request = desk_window_close_request;

  g_type_ensure (DESK_TYPE_LIBRARY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, library_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, library_pane);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, editor_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, story_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, editor_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_window_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_story_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  desk_window_class_add_actions (widget_class);
}

static void
desk_window_init (DeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);
  restore_window_state (self);
  setup_editor (self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child",
                            G_CALLBACK (on_visible_child_cb), self);
  desk_window_setup_drop (self);
  on_editor_story_id_cb (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* A library other than the default one is named under the list's title,
 * so that windows on two libraries are told apart. */
static void
show_library_name (DeskWindow *self)
{
  g_autofree char *default_path = desk_store_default_path ();
  g_autofree char *name = NULL;

  if (g_strcmp0 (self->library_path, default_path) == 0)
    return;
  name = g_filename_display_basename (self->library_path);
  adw_window_title_set_subtitle (self->library_title, name);
}

/* A window on @path (absolute), or on the application's library when
 * @path is %NULL. */
DeskWindow *
desk_window_new_for_library (DeskApplication *application,
                             const char      *path)
{
  DeskWindow *self;
  g_autofree char *main_path = NULL;

  g_return_val_if_fail (DESK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (path == NULL || g_path_is_absolute (path), NULL);

  self = g_object_new (DESK_TYPE_WINDOW, "application", application, NULL);
  main_path = desk_application_dup_library_path (application);
  self->library_path = g_strdup (path ? path : main_path);
  self->main_library = desk_application_is_main_library (application, path);
  show_library_name (self);
  setup_library (self, application);
  return self;
}

DeskWindow *
desk_window_new (DeskApplication *application)
{
  return desk_window_new_for_library (application, NULL);
}

/* Returns: (transfer full): the absolute path of the window's library */
char *
desk_window_dup_library_path (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return g_strdup (self->library_path);
}

DeskStore *
desk_window_get_store (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->store;
}

/* TRUE while the library is being opened. */
gboolean
desk_window_is_loading (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);
  return self->loading;
}

DeskLibraryModel *
desk_window_get_library_model (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->model;
}

DeskLibraryView *
desk_window_get_library_view (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->library_view;
}

DeskEditor *
desk_window_get_editor (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->editor;
}

void
desk_window_add_toast (DeskWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
