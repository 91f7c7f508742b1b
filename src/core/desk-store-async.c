/* desk-store-async.c — the store off the main thread: GTask on a worker connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-store"

#include "config.h"

#include "desk-store-private.h"

typedef struct _Job Job;

/* Runs on the worker connection; returns the task's result, or NULL with
 * @error set. */
typedef gpointer (*JobFunc) (DeskDb  *db,
                             Job     *job,
                             GError **error);

struct _Job {
  JobFunc run;
  GDestroyNotify free_result;
  DeskArticle *article;
  char *query;
  gint64 id;
  DeskRevisionKind kind;
  int status;
  guint offset;
  guint limit;
};

static Job *
job_new (JobFunc        run,
         GDestroyNotify free_result)
{
  Job *job = g_new0 (Job, 1);

  job->run = run;
  job->free_result = free_result;
  return job;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->article);
  g_free (job->query);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  DeskDb *db = desk_store_lock_worker (source, &error);
  gpointer result = NULL;

  if (db)
    {
      result = job->run (db, job, &error);
      desk_store_unlock_worker (source);
    }
  if (result)
    g_task_return_pointer (task, result, job->free_result);
  else
    g_task_return_error (task, error);
}

/* Takes @job; @tag is the public _async function, checked again by its _finish. */
static void
run_on_worker (DeskStore           *self,
               gpointer             tag,
               Job                 *job,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static gpointer
finish_pointer (DeskStore     *self,
                GAsyncResult  *result,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
save_job (DeskDb  *db,
          Job     *job,
          GError **error)
{
  return desk_db_save (db, job->article, error) ? g_object_ref (job->article) : NULL;
}

void
desk_store_save_async (DeskStore           *self,
                       DeskArticle         *article,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (DESK_IS_ARTICLE (article));

  job = job_new (save_job, g_object_unref);
  job->article = desk_article_copy (article);
  run_on_worker (self, desk_store_save_async, job, cancellable, callback, user_data);
}

DeskArticle *
desk_store_save_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_pointer (self, result, error);
}

static gpointer
load_job (DeskDb  *db,
          Job     *job,
          GError **error)
{
  return desk_db_load (db, job->id, error);
}

void
desk_store_load_async (DeskStore           *self,
                       gint64               id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));

  job = job_new (load_job, g_object_unref);
  job->id = id;
  run_on_worker (self, desk_store_load_async, job, cancellable, callback, user_data);
}

DeskArticle *
desk_store_load_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_pointer (self, result, error);
}

static gpointer
add_revision_job (DeskDb  *db,
                  Job     *job,
                  GError **error)
{
  gint64 revision = desk_db_add_revision (db, job->id, job->kind, job->query, error);

  return revision > 0 ? g_memdup2 (&revision, sizeof revision) : NULL;
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
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));

  job = job_new (add_revision_job, g_free);
  job->id = story_id;
  job->kind = kind;
  job->query = g_strdup (label);
  run_on_worker (self, desk_store_add_revision_async, job, cancellable, callback, user_data);
}

gint64
desk_store_add_revision_finish (DeskStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autofree gint64 *revision = finish_pointer (self, result, error);

  return revision ? *revision : 0;
}

static gpointer
list_job (DeskDb  *db,
          Job     *job,
          GError **error)
{
  return desk_db_list (db, job->query, job->status, job->offset, job->limit, error);
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
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));

  job = job_new (list_job, (GDestroyNotify) g_ptr_array_unref);
  job->query = g_strdup (query);
  job->status = status;
  job->offset = offset;
  job->limit = limit;
  run_on_worker (self, desk_store_list_async, job, cancellable, callback, user_data);
}

GPtrArray *
desk_store_list_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_pointer (self, result, error);
}

static gpointer
count_job (DeskDb  *db,
           Job     *job,
           GError **error)
{
  guint count = 0;

  if (!desk_db_count (db, job->query, job->status, &count, error))
    return NULL;
  return g_memdup2 (&count, sizeof count);
}

void
desk_store_count_async (DeskStore           *self,
                        const char          *query,
                        int                  status,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (DESK_IS_STORE (self));

  job = job_new (count_job, g_free);
  job->query = g_strdup (query);
  job->status = status;
  run_on_worker (self, desk_store_count_async, job, cancellable, callback, user_data);
}

gboolean
desk_store_count_finish (DeskStore     *self,
                         GAsyncResult  *result,
                         guint         *count,
                         GError       **error)
{
  g_autofree guint *n = finish_pointer (self, result, error);

  if (!n)
    return FALSE;
  if (count)
    *count = *n;
  return TRUE;
}
