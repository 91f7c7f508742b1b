/* desk-store-async.c — the store off the main thread: GTask on a worker connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-store"

#include "config.h"

#include "desk-store-private.h"

typedef struct {
  DeskArticle *article;
  char *query;
  gint64 id;
  DeskRevisionKind kind;
  int status;
  guint offset;
  guint limit;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->article);
  g_free (job->query);
  g_free (job);
}

static GTask *
start_job (DeskStore           *self,
           gpointer             tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           Job                **job)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_check_cancellable (task, TRUE);
  *job = g_new0 (Job, 1);
  g_task_set_task_data (task, *job, (GDestroyNotify) job_free);
  return task;
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  DeskDb *db = desk_store_lock_worker (source, &error);
  gboolean ok = db && desk_db_save (db, job->article, &error);

  if (db)
    desk_store_unlock_worker (source);
  if (ok)
    g_task_return_pointer (task, g_object_ref (job->article), g_object_unref);
  else
    g_task_return_error (task, error);
}

void
desk_store_save_async (DeskStore           *self,
                       DeskArticle         *article,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (DESK_IS_ARTICLE (article));

  task = start_job (self, desk_store_save_async, cancellable, callback, user_data, &job);
  job->article = desk_article_copy (article);
  g_task_run_in_thread (task, save_thread);
}

DeskArticle *
desk_store_save_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  DeskDb *db = desk_store_lock_worker (source, &error);
  DeskArticle *article = db ? desk_db_load (db, job->id, &error) : NULL;

  if (db)
    desk_store_unlock_worker (source);
  if (article)
    g_task_return_pointer (task, article, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
desk_store_load_async (DeskStore           *self,
                       gint64               id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));

  task = start_job (self, desk_store_load_async, cancellable, callback, user_data, &job);
  job->id = id;
  g_task_run_in_thread (task, load_thread);
}

DeskArticle *
desk_store_load_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
add_revision_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  DeskDb *db = desk_store_lock_worker (source, &error);
  gint64 revision = 0;

  if (db)
    {
      revision = desk_db_add_revision (db, job->id, job->kind, job->query, &error);
      desk_store_unlock_worker (source);
    }
  if (revision > 0)
    g_task_return_pointer (task, g_memdup2 (&revision, sizeof revision), g_free);
  else
    g_task_return_error (task, error);
}

/* @label travels in the job's query field. */
void
desk_store_add_revision_async (DeskStore           *self,
                               gint64               story_id,
                               DeskRevisionKind     kind,
                               const char          *label,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));

  task = start_job (self, desk_store_add_revision_async, cancellable, callback, user_data, &job);
  job->id = story_id;
  job->kind = kind;
  job->query = g_strdup (label);
  g_task_run_in_thread (task, add_revision_thread);
}

gint64
desk_store_add_revision_finish (DeskStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autofree gint64 *revision = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  revision = g_task_propagate_pointer (G_TASK (result), error);
  return revision ? *revision : 0;
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  DeskDb *db = desk_store_lock_worker (source, &error);
  GPtrArray *rows = NULL;

  if (db)
    {
      rows = desk_db_list (db, job->query, job->status, job->offset, job->limit, &error);
      desk_store_unlock_worker (source);
    }
  if (rows)
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
desk_store_list_async (DeskStore           *self,
                       const char          *query,
                       int                  status,
                       guint                offset,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));

  task = start_job (self, desk_store_list_async, cancellable, callback, user_data, &job);
  job->query = g_strdup (query);
  job->status = status;
  job->offset = offset;
  job->limit = limit;
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
desk_store_list_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
count_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  DeskDb *db = desk_store_lock_worker (source, &error);
  guint count = 0;
  gboolean ok = FALSE;

  if (db)
    {
      ok = desk_db_count (db, job->query, job->status, &count, &error);
      desk_store_unlock_worker (source);
    }
  if (ok)
    g_task_return_int (task, count);
  else
    g_task_return_error (task, error);
}

void
desk_store_count_async (DeskStore           *self,
                        const char          *query,
                        int                  status,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));

  task = start_job (self, desk_store_count_async, cancellable, callback, user_data, &job);
  job->query = g_strdup (query);
  job->status = status;
  g_task_run_in_thread (task, count_thread);
}

gboolean
desk_store_count_finish (DeskStore     *self,
                         GAsyncResult  *result,
                         guint         *count,
                         GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (count)
    *count = n;
  return TRUE;
}
