/* desk-versions-dialog.c — a story's revisions: view, restore, save a version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-format.h"
#include "desk-versions-dialog.h"

struct _DeskVersionsDialog
{
  AdwWindow parent_instance;

  DeskStore *store;
  DeskEditor *editor;
  gint64 story_id;
  guint n_revisions;
  GCancellable *cancellable;
  gboolean busy;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkListBox *revisions_list;
  GtkStack *preview_stack;
  AdwStatusPage *empty_page;
  GtkLabel *headline_label;
  GtkLabel *meta_label;
  GtkTextView *body_view;
};

G_DEFINE_FINAL_TYPE (DeskVersionsDialog, desk_versions_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define REVISION_KEY "desk-revision-id"

static void
show_error (DeskVersionsDialog *self,
            const char         *what,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), what,
                                              error ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (DeskVersionsDialog *self)
{
  gboolean ready = !self->busy && self->story_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.restore",
                                 ready && desk_versions_dialog_get_selected (self) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.save", ready);
}

static char *
describe_revision (const DeskRevision *revision)
{
  const char *kind = desk_format_revision_kind (revision->kind);

  if (revision->label != NULL && revision->label[0] != '\0')
    /* Translators: a revision in the list: its kind, then the label the user gave it */
    return g_strdup_printf (C_("revision", "%s: %s"), kind, revision->label);
  return g_strdup (kind);
}

static GtkWidget *
create_row (const DeskRevision *revision)
{
  g_autofree char *title = describe_revision (revision);
  g_autofree char *when = desk_format_relative_time (revision->created, NULL);
  g_autofree char *words = desk_format_word_count (revision->words);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: when a revision was made, then its length, e.g. "5 min ago · 640 words" */
  subtitle = g_strdup_printf (C_("revision", "%s · %s"), when, words);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), REVISION_KEY, g_memdup2 (&revision->id, sizeof (gint64)),
                          g_free);
  return row;
}

static gint64
row_get_revision (GtkListBoxRow *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), REVISION_KEY) : NULL;

  return id ? *id : 0;
}

static void
load_revisions (DeskVersionsDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->revisions_list))) != NULL)
    gtk_list_box_remove (self->revisions_list, child);
  self->n_revisions = 0;

  if (self->story_id != 0)
    revisions = desk_store_list_revisions (self->store, self->story_id, &error);
  if (revisions == NULL && error != NULL)
    show_error (self, _("Could Not Read the Versions"), error);
  for (guint i = 0; revisions != NULL && i < revisions->len; i++)
    gtk_list_box_append (self->revisions_list, create_row (g_ptr_array_index (revisions, i)));
  self->n_revisions = revisions ? revisions->len : 0;

  adw_status_page_set_title (self->empty_page, self->n_revisions > 0
                                                 ? _("No Version Selected")
                                                 : _("No Versions Yet"));
  adw_status_page_set_description (self->empty_page, self->n_revisions > 0
                                                       ? _("Pick a version to read it")
                                                       : _("Versions are kept as you write"));
  update_actions (self);
}

static void
show_revision (DeskVersionsDialog *self,
               gint64              revision_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = NULL;
  g_autofree char *body = NULL;
  g_autofree char *words = NULL;
  const char *headline;

  if (revision_id == 0)
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      return;
    }
  article = desk_store_load_revision (self->store, revision_id, &error);
  if (article == NULL)
    {
      show_error (self, _("Could Not Read the Version"), error);
      return;
    }
  headline = desk_article_get_headline (article);
  body = desk_article_dup_body_text (article);
  words = desk_format_word_count (desk_article_count_words (article));
  gtk_label_set_label (self->headline_label, headline[0] ? headline : _("Untitled Story"));
  gtk_label_set_label (self->meta_label, words);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body ? body : "", -1);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}

static void
on_row_selected_cb (DeskVersionsDialog *self,
                    GtkListBoxRow      *row)
{
  show_revision (self, row_get_revision (row));
  update_actions (self);
}

/* Restoring */

static void
set_busy (DeskVersionsDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  update_actions (self);
}

static void
restore_flushed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (DeskVersionsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) restored = NULL;
  gint64 revision_id = desk_versions_dialog_get_selected (self);

  set_busy (self, FALSE);
  if (!desk_editor_flush_finish (DESK_EDITOR (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The Story Could Not Be Saved"), error);
      return;
    }
  restored = desk_store_restore_revision (self->store, revision_id, &error);
  if (restored == NULL)
    {
      show_error (self, _("Could Not Restore the Version"), error);
      return;
    }
  /* The editor keeps a story it already shows: make it read the new text. */
  desk_editor_clear (self->editor);
  desk_editor_load_story (self->editor, self->story_id);
  load_revisions (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Version restored; the text before it is kept as a version too")));
  g_signal_emit (self, signals[SIGNAL_RESTORED], 0, revision_id);
}

/* The editor's text reaches the library first, so that what is replaced
 * is kept as a revision too, and restoring can itself be undone. */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskVersionsDialog *self = DESK_VERSIONS_DIALOG (widget);

  if (self->busy || desk_versions_dialog_get_selected (self) == 0)
    return;
  set_busy (self, TRUE);
  desk_editor_flush_async (self->editor, self->cancellable, restore_flushed_cb,
                           g_object_ref (self));
}

static void
version_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (DeskVersionsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 revision = desk_versions_save_finish (result, &error);

  set_busy (self, FALSE);
  if (revision < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Could Not Save the Version"), error);
  else if (revision > 0)
    {
      load_revisions (self);
      desk_versions_dialog_select_revision (self, revision);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskVersionsDialog *self = DESK_VERSIONS_DIALOG (widget);

  set_busy (self, TRUE);
  desk_versions_save_async (GTK_WINDOW (self), self->store, self->editor, self->cancellable,
                            version_saved_cb, g_object_ref (self));
}

/* GObject */

static void
desk_versions_dialog_dispose (GObject *object)
{
  DeskVersionsDialog *self = DESK_VERSIONS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_VERSIONS_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->editor);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (desk_versions_dialog_parent_class)->dispose (object);
}

static void
desk_versions_dialog_class_init (DeskVersionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_versions_dialog_dispose;

  signals[SIGNAL_RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/desk-versions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskVersionsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskVersionsDialog, revisions_list);
  gtk_widget_class_bind_template_child (widget_class, DeskVersionsDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskVersionsDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DeskVersionsDialog, headline_label);
  gtk_widget_class_bind_template_child (widget_class, DeskVersionsDialog, meta_label);
  gtk_widget_class_bind_template_child (widget_class, DeskVersionsDialog, body_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "versions.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "versions.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_versions_dialog_init (DeskVersionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
desk_versions_dialog_new (DeskStore  *store,
                          DeskEditor *editor)
{
  DeskVersionsDialog *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_EDITOR (editor), NULL);

  self = g_object_new (DESK_TYPE_VERSIONS_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->editor = g_object_ref (editor);
  self->story_id = desk_editor_get_story_id (editor);
  load_revisions (self);
  return GTK_WIDGET (self);
}

guint
desk_versions_dialog_get_n_revisions (DeskVersionsDialog *self)
{
  g_return_val_if_fail (DESK_IS_VERSIONS_DIALOG (self), 0);
  return self->n_revisions;
}

gboolean
desk_versions_dialog_select_revision (DeskVersionsDialog *self,
                                      gint64              revision_id)
{
  g_return_val_if_fail (DESK_IS_VERSIONS_DIALOG (self), FALSE);

  for (guint i = 0; i < self->n_revisions; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->revisions_list, i);

      if (row_get_revision (row) == revision_id)
        {
          gtk_list_box_select_row (self->revisions_list, row);
          return TRUE;
        }
    }
  return FALSE;
}

gint64
desk_versions_dialog_get_selected (DeskVersionsDialog *self)
{
  g_return_val_if_fail (DESK_IS_VERSIONS_DIALOG (self), 0);
  return row_get_revision (gtk_list_box_get_selected_row (self->revisions_list));
}

/* Saving a version */

typedef struct
{
  DeskStore *store;
  DeskEditor *editor;
  GtkEntry *entry;
  char *label;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->editor);
  g_free (data->label);
  g_free (data);
}

static void
save_flushed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gint64 revision;

  if (!desk_editor_flush_finish (DESK_EDITOR (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  revision = desk_store_add_revision (data->store, desk_editor_get_story_id (data->editor),
                                      DESK_REVISION_MANUAL, data->label, &error);
  if (revision <= 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, revision);
}

static void
on_label_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GTask            *task)
{
  SaveData *data = g_task_get_task_data (task);

  if (!g_str_equal (response, "save"))
    {
      g_task_return_int (task, 0);
      g_object_unref (task);
      return;
    }
  data->label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
  desk_editor_flush_async (data->editor, g_task_get_cancellable (task), save_flushed_cb, task);
}

static GtkWidget *
create_label_dialog (GtkWindow *parent,
                     SaveData  *data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Save Version"),
                                              _("The story as it is now is kept. A label helps "
                                                "to find it again."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Label (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Version label"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data->entry = GTK_ENTRY (entry);
  return dialog;
}

void
desk_versions_save_async (GtkWindow          *parent,
                          DeskStore          *store,
                          DeskEditor         *editor,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  SaveData *data = g_new0 (SaveData, 1);
  GtkWidget *dialog;

  g_task_set_source_tag (task, desk_versions_save_async);
  data->store = g_object_ref (store);
  data->editor = g_object_ref (editor);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  dialog = create_label_dialog (parent, data);
  g_signal_connect (dialog, "response", G_CALLBACK (on_label_response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->entry));
}

gint64
desk_versions_save_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
