/* desk-window-actions.c — what the window can do: new, duplicate, delete…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-preferences-window.h"
#include "desk-versions-dialog.h"
#include "desk-window-private.h"

/* A window closed while its work was on the way only drops the result. */
static gboolean
window_is_gone (DeskWindow   *self,
                const GError *error)
{
  return self->store == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

void
desk_window_update_actions (DeskWindow *self)
{
  gboolean has_store = self->store != NULL;
  gboolean has_story = has_store && self->editor && desk_editor_get_story_id (self->editor) != 0;
  static const char *store_actions[] = { "win.new-story", "win.import", "win.search-library" };
  static const char *story_actions[] = { "win.duplicate-story", "win.delete-story",
                                         "win.show-versions", "win.save-version", "win.export" };

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], has_store);
  for (guint i = 0; i < G_N_ELEMENTS (story_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), story_actions[i], has_story);
  gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown), has_story);
  gtk_widget_set_visible (GTK_WIDGET (self->story_menu_button), has_story);
}

/* New and duplicated stories */

static void
story_created_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) saved = desk_store_save_finish (DESK_STORE (source), result, &error);

  if (window_is_gone (self, error))
    return;
  if (saved == NULL)
    {
      desk_window_show_error (self, _("Could Not Create the Story"), error);
      return;
    }
  /* Show the whole library, so the new story is in the list. */
  desk_library_view_reset_filters (self->library_view);
  desk_library_model_refresh (self->model);
  desk_window_open_story (self, desk_article_get_id (saved), TRUE);
}

static void
new_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autofree char *language = g_settings_get_string (self->settings, "default-language");

  if (self->store == NULL)
    return;
  desk_article_set_language (article, language);
  desk_article_set_status (article, DESK_STATUS_DRAFT);
  desk_store_save_async (self->store, article, self->cancellable, story_created_cb,
                         g_object_ref (self));
}

static void
duplicate_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = desk_store_load_finish (DESK_STORE (source), result, &error);
  g_autofree char *headline = NULL;

  if (window_is_gone (self, error))
    return;
  if (article == NULL)
    {
      desk_window_show_error (self, _("Could Not Duplicate the Story"), error);
      return;
    }
  /* Translators: the headline of a duplicated story; %s is the original headline */
  headline = g_strdup_printf (C_("duplicate", "%s (Copy)"), desk_article_get_headline (article));
  desk_article_set_id (article, 0);
  desk_article_set_headline (article, headline);
  desk_article_set_status (article, DESK_STATUS_DRAFT);
  desk_store_save_async (self->store, article, self->cancellable, story_created_cb,
                         g_object_ref (self));
}

static void
duplicate_flushed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!desk_editor_flush_finish (DESK_EDITOR (source), result, &error))
    {
      if (!window_is_gone (self, error))
        desk_window_show_error (self, _("The Story Could Not Be Saved"), error);
      return;
    }
  if (window_is_gone (self, NULL))
    return;
  desk_store_load_async (self->store, desk_editor_get_story_id (self->editor), self->cancellable,
                         duplicate_loaded_cb, g_object_ref (self));
}

static void
duplicate_story_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  desk_editor_flush_async (self->editor, self->cancellable, duplicate_flushed_cb,
                           g_object_ref (self));
}

/* Trash and undo */

static void
show_trash_toast (DeskWindow *self,
                  gint64      id,
                  const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *text = g_strdup_printf (_("“%s” moved to trash"), escaped);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  desk_window_add_toast (self, toast);
}

static void
trash_story (DeskWindow *self,
             gint64      id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  g_object_get (self->editor, "title", &title, NULL);
  if (!desk_store_trash (self->store, id, &error))
    {
      desk_window_show_error (self, _("Could Not Move the Story to the Trash"), error);
      return;
    }
  if (desk_editor_get_story_id (self->editor) == id)
    desk_editor_clear (self->editor);
  desk_window_remember_story (self, 0);
  desk_library_view_select_story (self->library_view, 0);
  desk_library_model_refresh (self->model);
  adw_leaflet_set_visible_child (self->leaflet, self->library_pane);
  show_trash_toast (self, id, title);
}

static void
delete_flushed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean flushed = desk_editor_flush_finish (DESK_EDITOR (source), result, &error);

  if (window_is_gone (self, error))
    return;
  if (!flushed)
    desk_window_show_error (self, _("The Story Could Not Be Saved"), error);
  else if (desk_editor_get_story_id (self->editor) != 0)
    trash_story (self, desk_editor_get_story_id (self->editor));
}

static void
delete_story_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  gint64 id = desk_editor_get_story_id (self->editor);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (id == 0)
    return;
  /* Delete pressed in the list acts on the selected row only. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->library_view)) &&
      desk_library_view_get_selected_id (self->library_view) != id)
    return;
  desk_editor_flush_async (self->editor, self->cancellable, delete_flushed_cb,
                           g_object_ref (self));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!desk_store_untrash (self->store, id, &error))
    {
      desk_window_show_error (self, _("Could Not Restore the Story"), error);
      return;
    }
  desk_library_model_refresh (self->model);
  desk_window_open_story (self, id, FALSE);
}

/* Versions */

static void
show_versions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkWidget *dialog = desk_versions_dialog_new (self->store, self->editor);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "restored", G_CALLBACK (desk_window_refresh_library), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
version_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 revision = desk_versions_save_finish (result, &error);

  if (window_is_gone (self, error))
    return;
  if (revision < 0)
    desk_window_show_error (self, _("Could Not Save the Version"), error);
  else if (revision > 0)
    desk_window_add_toast (self, adw_toast_new (_("Version saved")));
}

static void
save_version_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  desk_versions_save_async (GTK_WINDOW (self), self->store, self->editor, self->cancellable,
                            version_saved_cb, g_object_ref (self));
}

/* Search, preferences, closing */

static void
search_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->library_pane);
  desk_library_view_focus_search (self->library_view);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkWidget *preferences = desk_preferences_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
desk_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-story", NULL, new_story_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-story", NULL,
                                   duplicate_story_action);
  gtk_widget_class_install_action (widget_class, "win.delete-story", NULL, delete_story_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.show-versions", NULL,
                                   show_versions_action);
  gtk_widget_class_install_action (widget_class, "win.save-version", NULL, save_version_action);
  gtk_widget_class_install_action (widget_class, "win.search-library", NULL,
                                   search_library_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  desk_window_class_add_io_actions (widget_class);
}
