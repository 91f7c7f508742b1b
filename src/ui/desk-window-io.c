/* desk-window-io.c — export to print-ready HTML, import text and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-html.h"
#include "desk-json.h"
#include "desk-text.h"
#include "desk-window-private.h"

/* Export */

typedef struct
{
  DeskArticle *article;
  GFile *file;
  GHashTable *related; /* id → DeskRelated, looked up on the main thread */
  DeskPaper paper;
  DeskDashStyle dash;
  char *text_font;
  char *display_font;
  char *warning;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->article);
  g_clear_object (&job->file);
  g_clear_pointer (&job->related, g_hash_table_unref);
  g_free (job->text_font);
  g_free (job->display_font);
  g_free (job->warning);
  g_free (job);
}

static DeskRelated *
find_related_cb (gint64   id,
                 gpointer user_data)
{
  const DeskRelated *related = g_hash_table_lookup (user_data, &id);

  return related ? desk_related_copy (related) : NULL;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (GFileOutputStream) out = NULL;
  GError *error = NULL;
  DeskHtmlOptions options;

  desk_html_options_init (&options);
  options.paper = job->paper;
  options.dash = job->dash;
  options.text_font = job->text_font[0] ? job->text_font : NULL;
  options.display_font = job->display_font[0] ? job->display_font : NULL;
  options.resolve_related = find_related_cb;
  options.resolve_data = job->related;

  out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                        &error);
  if (out == NULL ||
      !desk_html_write (job->article, &options, G_OUTPUT_STREAM (out), &job->warning,
                        cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DeskWindow *self = DESK_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (job->file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        desk_window_show_error (self, _("Could Not Export the Story"), error);
      return;
    }
  if (job->warning != NULL)
    title = g_markup_printf_escaped (_("Exported, but: %s"), job->warning);
  toast = adw_toast_new (title ? title : _("Exported"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  desk_window_add_toast (self, toast);
}

/* Related stories of the library carry only an id: their teasers are read
 * here, so the export thread never touches the library. */
static GHashTable *
collect_related (DeskWindow  *self,
                 DeskArticle *article)
{
  GHashTable *related = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) desk_related_free);

  for (guint i = 0; i < desk_article_get_n_related (article); i++)
    {
      gint64 id = desk_article_get_related (article, i)->id;
      g_autoptr (DeskArticle) other = id > 0 ? desk_store_load (self->store, id, NULL) : NULL;

      if (other != NULL)
        g_hash_table_insert (related, g_memdup2 (&id, sizeof id),
                             desk_related_new (id, desk_article_get_kicker (other),
                                               desk_article_get_headline (other),
                                               desk_article_get_deck (other), ""));
    }
  return related;
}

static void
export_to (DeskWindow  *self,
           DeskArticle *article,
           GFile       *file)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, export_written_cb, NULL);
  g_autofree char *paper = g_settings_get_string (self->settings, "paper-size");
  g_autofree char *dash = g_settings_get_string (self->settings, "dash-style");
  ExportJob *job = g_new0 (ExportJob, 1);

  job->article = g_object_ref (article);
  job->file = g_object_ref (file);
  job->related = collect_related (self, article);
  if (!desk_paper_from_string (paper, &job->paper))
    job->paper = DESK_PAPER_A4;
  if (!desk_dash_style_from_string (dash, &job->dash))
    job->dash = DESK_DASH_EN;
  job->text_font = g_settings_get_string (self->settings, "text-font");
  job->display_font = g_settings_get_string (self->settings, "display-font");
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       DeskWindow      *self)
{
  DeskArticle *article = g_object_get_data (G_OBJECT (chooser), "desk-article");
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      export_to (self, article, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Tests cannot answer a native dialog: with a folder set here, Export
 * writes into it under the name the dialog would suggest, and shows no
 * dialog. */
void
desk_window_set_export_folder_for_testing (DeskWindow *self,
                                           GFile      *folder)
{
  g_set_object (&self->export_folder_for_testing, folder);
}

static void
choose_export_file (DeskWindow  *self,
                    DeskArticle *article)
{
  g_autofree char *name = desk_html_suggest_filename (article);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (self->export_folder_for_testing != NULL)
    {
      g_autoptr (GFile) file = g_file_get_child (self->export_folder_for_testing, name);

      export_to (self, article, file);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export Story"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Web Pages"));
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "desk-article", g_object_ref (article),
                          g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_flushed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (DeskWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = NULL;

  if (!desk_editor_flush_finish (DESK_EDITOR (source), result, &error))
    {
      if (self->store != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        desk_window_show_error (self, _("The Story Could Not Be Saved"), error);
      return;
    }
  article = desk_editor_dup_article (self->editor);
  if (self->store == NULL || article == NULL)
    return;
  if (desk_article_get_headline (article)[0] == '\0')
    {
      g_autoptr (GError) no_headline =
        g_error_new_literal (DESK_HTML_ERROR, DESK_HTML_ERROR_NO_HEADLINE,
                             _("Write a headline first: a story is exported with its headline."));
      desk_window_show_error (self, _("The Story Has No Headline"), no_headline);
      return;
    }
  choose_export_file (self, article);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  if (desk_editor_get_story_id (self->editor) == 0)
    return;
  desk_editor_flush_async (self->editor, self->cancellable, export_flushed_cb,
                           g_object_ref (self));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

#if GTK_CHECK_VERSION(4, 10, 0)
  g_autoptr (GFile) file = g_file_new_for_uri (uri);
  g_autoptr (GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (widget), NULL, NULL, NULL);
#else
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
#endif
}

/* Import */

typedef struct
{
  DeskWindow *self;
  GPtrArray *articles; /* DeskArticle, in the order of the files, not yet saved */
  GString *failures;   /* one line per file that could not be read or saved */
  gint64 last_id;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->self);
  g_ptr_array_unref (job->articles);
  g_string_free (job->failures, TRUE);
  g_free (job);
}

static DeskArticle *
read_story (GFile        *file,
            GCancellable *cancellable,
            GError      **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize length;

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  if (name != NULL && (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".JSON")))
    return desk_json_read_article (data, length, error);
  return desk_text_read (data, length, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->articles = g_ptr_array_new_with_free_func (g_object_unref);
  job->failures = g_string_new (NULL);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (GError) error = NULL;
      DeskArticle *article = read_story (g_ptr_array_index (files, i), cancellable, &error);
      g_autofree char *name = g_file_get_parse_name (g_ptr_array_index (files, i));

      if (article != NULL)
        g_ptr_array_add (job->articles, article);
      else
        g_string_append_printf (job->failures, "%s: %s\n", name, error->message);
    }
  g_task_return_pointer (task, job, (GDestroyNotify) import_job_free);
}

static void
finish_import (ImportJob *job)
{
  DeskWindow *self = job->self;

  if (self->store == NULL)
    return;
  if (job->last_id != 0)
    {
      desk_library_view_reset_filters (self->library_view);
      desk_library_model_refresh (self->model);
      desk_window_open_story (self, job->last_id, FALSE);
    }
  if (job->failures->len > 0)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                      job->failures->str);
      desk_window_show_error (self, _("Some Files Could Not Be Imported"), error);
    }
}

static void save_next_import (ImportJob *job);

static void
import_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ImportJob *job = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) saved = desk_store_save_finish (DESK_STORE (source), result, &error);

  if (saved != NULL)
    job->last_id = desk_article_get_id (saved);
  else
    g_string_append_printf (job->failures, "%s\n", error->message);
  g_ptr_array_remove_index (job->articles, 0);
  save_next_import (job);
}

/* Stories are saved one after the other, off the main thread; the last
 * one imported opens. */
static void
save_next_import (ImportJob *job)
{
  DeskWindow *self = job->self;
  DeskArticle *article;

  if (job->articles->len == 0 || self->store == NULL)
    {
      finish_import (job);
      import_job_free (job);
      return;
    }
  article = g_ptr_array_index (job->articles, 0);
  if (desk_article_get_language (article)[0] == '\0')
    {
      g_autofree char *language = g_settings_get_string (self->settings, "default-language");
      desk_article_set_language (article, language);
    }
  desk_store_save_async (self->store, article, self->cancellable, import_saved_cb, job);
}

static void
import_read_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  ImportJob *job = g_task_propagate_pointer (G_TASK (res), NULL);

  if (job == NULL)
    return;
  job->self = g_object_ref (DESK_WINDOW (source));
  save_next_import (job);
}

void
desk_window_import_files (DeskWindow *self,
                          GFile     **files,
                          guint       n_files)
{
  g_autoptr (GTask) task = NULL;
  GPtrArray *list;

  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->loading && self->pending_imports != NULL)
    {
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->pending_imports, g_object_ref (files[i]));
      return;
    }
  if (self->store == NULL || n_files == 0)
    return;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (list, g_object_ref (files[i]));
  task = g_task_new (self, self->cancellable, import_read_cb, NULL);
  g_task_set_task_data (task, list, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, import_thread);
}

static void
import_file_list (DeskWindow *self,
                  GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_list_model_get_item (list, i));
  desk_window_import_files (self, (GFile **) files->pdata, files->len);
}

static void
on_import_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       DeskWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      import_file_list (self, files);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Import Stories"), GTK_WINDOW (widget),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text and JSON Files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Dropping files on the window imports them. */
static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            DeskWindow    *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr (GPtrArray) list = g_ptr_array_new ();

  if (self->store == NULL)
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, l->data);
  desk_window_import_files (self, (GFile **) list->pdata, list->len);
  return list->len > 0;
}

void
desk_window_setup_drop (DeskWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
desk_window_class_add_io_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
}
