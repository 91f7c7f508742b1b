/* desk-editor-save.c — autosave of the story editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-editor-private.h"

#define RETRY_DELAY_S 5

/* Saving.
 *
 * Each change bumps change_count and restarts a short timeout; a save
 * carries the count it saw, and "Saved" shows only when the store has the
 * latest. A story switched away from is saved in the background: a
 * snapshot waits in "queued" for the save of the same story still running,
 * and a failed snapshot waits in "orphans" to be tried again. Nothing is
 * dropped until the store has it. */

typedef struct {
  DeskEditor *editor; /* weak */
  DeskArticle *article;
  guint64 count;
  guint serial;       /* the story it belongs to */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_weak_pointer (&job->editor);
  g_clear_object (&job->article);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static SaveJob *
save_job_new (DeskEditor  *self,
              DeskArticle *article,
              guint        serial)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  g_set_weak_pointer (&job->editor, self);
  job->article = g_object_ref (article);
  job->count = self->change_count;
  job->serial = serial;
  return job;
}

gboolean
desk_editor_is_all_saved (DeskEditor *self)
{
  return !self->saving && self->n_background == 0 && self->n_revisions == 0 &&
         self->queued->len == 0 &&
         self->orphans->len == 0 && self->change_count == self->saved_count;
}

static void
check_flushes (DeskEditor   *self,
               const GError *error)
{
  GList *tasks;

  if (self->flush_tasks == NULL || (error == NULL && !desk_editor_is_all_saved (self)))
    return;
  tasks = g_steal_pointer (&self->flush_tasks);
  for (GList *l = tasks; l; l = l->next)
    {
      if (error)
        g_task_return_error (l->data, g_error_copy (error));
      else
        g_task_return_boolean (l->data, TRUE);
    }
  g_list_free_full (tasks, g_object_unref);
}

static void
show_banner (DeskEditor   *self,
             const GError *error)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Changes could not be saved: %s. They are kept here, and saving is tried again every few seconds."),
                             error->message);
  gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
desk_editor_hide_banner_if_saved (DeskEditor *self)
{
  if (self->orphans->len == 0 && self->save_state != DESK_SAVE_STATE_FAILED)
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

void
desk_editor_set_save_state (DeskEditor    *self,
                DeskSaveState  state)
{
  static const char *labels[] = { N_("Saved"), N_("Saving…"), N_("Not saved") };

  gtk_label_set_label (self->save_label, _(labels[state]));
  if (state == DESK_SAVE_STATE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "error");
  if (state == self->save_state)
    return;
  self->save_state = state;
  desk_editor_hide_banner_if_saved (self);
  desk_editor_notify_save_state (self);
}

typedef struct {
  DeskEditor *editor; /* weak */
  gint64 story_id;
} RevisionJob;

static void
revision_added_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  RevisionJob *job = data;
  g_autoptr (GError) error = NULL;
  DeskEditor *self = job->editor;

  if (desk_store_add_revision_finish (DESK_STORE (source), result, &error) == 0)
    g_message ("Could not add a revision of story %" G_GINT64_FORMAT ": %s", job->story_id,
               error ? error->message : "unknown error");
  g_clear_weak_pointer (&job->editor);
  g_free (job);
  if (self == NULL)
    return;
  self->n_revisions--;
  check_flushes (self, NULL);
}

/* A revision is not a save: a failed one is logged, the text is safe. */
static void
add_revision (DeskEditor       *self,
              gint64            id,
              DeskRevisionKind  kind)
{
  RevisionJob *job;

  if (id <= 0 || self->store == NULL)
    return;
  job = g_new0 (RevisionJob, 1);
  g_set_weak_pointer (&job->editor, self);
  job->story_id = id;
  self->n_revisions++;
  desk_store_add_revision_async (self->store, id, kind, NULL, NULL, revision_added_cb, job);
}

static void save_in_background (DeskEditor *self, DeskArticle *article, guint serial);

gboolean
desk_editor_retry_orphans_cb (gpointer data)
{
  DeskEditor *self = data;
  g_autoptr (GPtrArray) orphans = g_steal_pointer (&self->orphans);

  self->orphans = g_ptr_array_new_with_free_func (g_object_unref);
  self->orphan_timeout = 0;
  for (guint i = 0; i < orphans->len; i++)
    save_in_background (self, g_ptr_array_index (orphans, i), 0);
  return G_SOURCE_REMOVE;
}

static void
keep_orphan (DeskEditor   *self,
             DeskArticle  *article,
             const GError *error)
{
  g_ptr_array_add (self->orphans, g_object_ref (article));
  show_banner (self, error);
  if (self->orphan_timeout == 0)
    self->orphan_timeout = g_timeout_add_seconds (RETRY_DELAY_S, desk_editor_retry_orphans_cb, self);
  check_flushes (self, error);
}

/* Snapshots of @serial that waited for its running save. */
static void
release_queued (DeskEditor *self,
                guint       serial)
{
  for (guint i = 0; i < self->queued->len;)
    {
      DeskArticle *article = g_ptr_array_index (self->queued, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (article), "desk-serial")) == serial)
        {
          save_in_background (self, article, serial);
          g_ptr_array_remove_index (self->queued, i);
        }
      else
        i++;
    }
}

static gboolean
has_queued (DeskEditor *self,
            guint       serial)
{
  for (guint i = 0; i < self->queued->len; i++)
    if (GPOINTER_TO_UINT (g_object_get_data (g_ptr_array_index (self->queued, i),
                                             "desk-serial")) == serial)
      return TRUE;
  return FALSE;
}

/* A save of a story no longer shown has ended. */
static void
background_finished (DeskEditor   *self,
                     SaveJob      *job,
                     DeskArticle  *saved,
                     const GError *error)
{
  self->n_background--;
  if (saved == NULL)
    {
      keep_orphan (self, job->article, error);
      release_queued (self, job->serial);
      return;
    }
  desk_editor_emit_saved (self, saved);
  if (!has_queued (self, job->serial))
    add_revision (self, desk_article_get_id (saved), DESK_REVISION_CLOSE);
  release_queued (self, job->serial);
  desk_editor_hide_banner_if_saved (self);
  check_flushes (self, NULL);
}

static void
background_saved_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr (SaveJob) job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) saved = desk_store_save_finish (DESK_STORE (source), result, &error);

  if (job->editor)
    background_finished (job->editor, job, saved, error);
}

static void
save_in_background (DeskEditor  *self,
                    DeskArticle *article,
                    guint        serial)
{
  self->n_background++;
  desk_store_save_async (self->store, article, NULL, background_saved_cb,
                         save_job_new (self, article, serial));
}

static gboolean
retry_timeout_cb (gpointer data)
{
  DeskEditor *self = data;

  self->retry_timeout = 0;
  desk_editor_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
save_failed (DeskEditor   *self,
             const GError *error)
{
  g_message ("Saving failed: %s", error->message);
  desk_editor_set_save_state (self, DESK_SAVE_STATE_FAILED);
  show_banner (self, error);
  check_flushes (self, error);
  g_clear_handle_id (&self->retry_timeout, g_source_remove);
  self->retry_timeout = g_timeout_add_seconds (RETRY_DELAY_S, retry_timeout_cb, self);
}

static void
save_succeeded (DeskEditor  *self,
                SaveJob     *job,
                DeskArticle *saved)
{
  self->saved_count = MAX (self->saved_count, job->count);
  desk_article_set_id (self->article, desk_article_get_id (saved));
  desk_article_set_created (self->article, desk_article_get_created (saved));
  desk_article_set_modified (self->article, desk_article_get_modified (saved));
  g_clear_handle_id (&self->retry_timeout, g_source_remove);
  if (self->saved_count == self->change_count)
    desk_editor_set_save_state (self, DESK_SAVE_STATE_SAVED);
  else if (self->save_timeout == 0)
    desk_editor_save_now (self);
  desk_editor_emit_saved (self, saved);
  check_flushes (self, NULL);
}

static void
save_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr (SaveJob) job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) saved = desk_store_save_finish (DESK_STORE (source), result, &error);
  DeskEditor *self = job->editor;

  if (self == NULL)
    return;
  if (job->serial != self->load_serial)
    {
      background_finished (self, job, saved, error);
      return;
    }
  self->saving = FALSE;
  if (saved == NULL)
    save_failed (self, error);
  else
    save_succeeded (self, job, saved);
}

void
desk_editor_save_now (DeskEditor *self)
{
  g_autoptr (DeskArticle) article = NULL;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->article == NULL || self->store == NULL || self->saved_count == self->change_count)
    return;
  if (self->saving)
    return; /* save_succeeded () saves again */

  article = desk_editor_build_article (self);
  self->saving = TRUE;
  if (self->save_state != DESK_SAVE_STATE_FAILED)
    desk_editor_set_save_state (self, DESK_SAVE_STATE_SAVING);
  desk_store_save_async (self->store, article, NULL, save_finished_cb,
                         save_job_new (self, article, self->load_serial));
}

gboolean
desk_editor_save_timeout_cb (gpointer data)
{
  DeskEditor *self = data;

  self->save_timeout = 0;
  desk_editor_save_now (self);
  return G_SOURCE_REMOVE;
}

/* Before another story is shown: what was typed is saved in the background
 * and a close revision recorded once it is stored. */
void
desk_editor_detach_story (DeskEditor *self)
{
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  g_clear_handle_id (&self->retry_timeout, g_source_remove);
  if (self->article == NULL)
    return;

  if (self->change_count != self->saved_count)
    {
      g_autoptr (DeskArticle) article = desk_editor_build_article (self);

      g_object_set_data (G_OBJECT (article), "desk-serial", GUINT_TO_POINTER (self->load_serial));
      if (self->saving)
        g_ptr_array_add (self->queued, g_steal_pointer (&article));
      else
        save_in_background (self, article, self->load_serial);
    }
  else if (self->edited && !self->saving)
    add_revision (self, desk_article_get_id (self->article), DESK_REVISION_CLOSE);

  if (self->saving)
    {
      /* its completion is now a background save's */
      self->saving = FALSE;
      self->n_background++;
    }
  self->load_serial++;
  self->change_count = self->saved_count = 0;
  self->edited = self->checkpoint_due = FALSE;
  g_clear_object (&self->article);
  desk_editor_set_save_state (self, DESK_SAVE_STATE_SAVED);
}

gboolean
desk_editor_checkpoint_cb (gpointer data)
{
  DeskEditor *self = data;

  /* only what has reached the store can be a checkpoint */
  if (self->checkpoint_due && self->article && self->saved_count == self->change_count &&
      !self->saving)
    {
      self->checkpoint_due = FALSE;
      add_revision (self, desk_article_get_id (self->article), DESK_REVISION_AUTOSAVE);
    }
  return G_SOURCE_CONTINUE;
}
