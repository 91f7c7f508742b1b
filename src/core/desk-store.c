/* desk-store.c — the SQLite library of stories
 *
 * The file: `stories` holds one row per story with the list's columns (so a
 * list never reads a body) and a `meta` record of the other fields; the body
 * lives in `chunks`, runs of blocks cut where a block's text hashes to 0 mod
 * 16, so that editing one word rewrites and re-indexes one or two chunks of
 * a long story instead of all of it. `story_fts` (FTS5, contentless) indexes
 * each chunk under the chunk's rowid, story id << 16 | slot. `revisions`
 * holds full snapshots. desk-store-db.c opens, checks and migrates,
 * -stories.c saves, loads and searches, -revisions.c snapshots, -codec.c
 * encodes, -async.c runs the same on a worker connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-store-private.h"

struct _DeskStore
{
  GObject parent_instance;

  DeskDb *db;         /* the sync API, on the caller's thread */
  DeskDb *worker_db;  /* the async API, opened on first use */
  GMutex worker_lock; /* one async job at a time */
  char *path;
  gboolean read_only;
  gint64 fixed_now;
  gboolean open_checked; /* quick_check ran at open */
  int hold_fd;           /* see desk_db_hold_file (); -1 for none */
  gint damaged;          /* SQLite met a damaged file: no more writes */
};

G_DEFINE_TYPE (DeskStore, desk_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk-store-error-quark, desk_store_error)

static void
desk_store_finalize (GObject *object)
{
  DeskStore *self = DESK_STORE (object);

  g_clear_pointer (&self->worker_db, desk_db_close);
  g_clear_pointer (&self->db, desk_db_close);
  if (self->path)
    desk_db_release_file (self->path, self->hold_fd, !g_atomic_int_get (&self->damaged));
  g_mutex_clear (&self->worker_lock);
  g_free (self->path);

  G_OBJECT_CLASS (desk_store_parent_class)->finalize (object);
}

static void
desk_store_class_init (DeskStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_store_finalize;
}

static void
desk_store_init (DeskStore *self)
{
  g_mutex_init (&self->worker_lock);
  self->hold_fd = -1;
}

/**
 * desk_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/copydesk/library.db`
 */
char *
desk_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "copydesk", "library.db", NULL);
}

static gboolean
make_folder (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int saved;

  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;
  saved = errno;
  g_set_error (error, DESK_STORE_ERROR,
               saved == EACCES || saved == EROFS ? DESK_STORE_ERROR_READ_ONLY
                                                 : DESK_STORE_ERROR_FAILED,
               _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved));
  return FALSE;
}

static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  const char *what = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    what = path;
  else if (g_access (folder, W_OK) != 0)
    what = folder;
  if (what == NULL)
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY,
               _("The library “%s” cannot be changed: “%s” is read-only"), path, what);
  return FALSE;
}

/**
 * desk_store_open:
 * @path: the library file
 * @flags: %DESK_STORE_OPEN_READ_ONLY to never write
 * @error: a #GError in %DESK_STORE_ERROR
 *
 * The file is checked through a read-only connection first (SQLite header,
 * schema version and tables, and `PRAGMA quick_check` unless the file is
 * known to be good, see desk-store-check.c); only a sound file of this or an
 * older schema is opened for writing (WAL) and migrated. A newer schema can
 * still be opened with %DESK_STORE_OPEN_READ_ONLY. SQLite finding the file
 * damaged later gives %DESK_STORE_ERROR_CORRUPT, and the store writes
 * nothing more.
 */
DeskStore *
desk_store_open (const char          *path,
                 DeskStoreOpenFlags   flags,
                 GError             **error)
{
  gboolean read_only = (flags & DESK_STORE_OPEN_READ_ONLY) != 0;
  g_autoptr (DeskStore) self = NULL;
  gboolean checked = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  if (read_only && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                   _("There is no library “%s”"), path);
      return NULL;
    }
  if (!read_only && !make_folder (path, error))
    return NULL;
  if (!desk_db_check_file (path, read_only, &checked, error))
    return NULL;
  if (!read_only && !check_writable (path, error))
    return NULL;

  self = g_object_new (DESK_TYPE_STORE, NULL);
  self->read_only = read_only;
  self->open_checked = checked;
  self->db = desk_db_open (path, read_only, error);
  if (self->db == NULL)
    return NULL;
  self->db->damaged = &self->damaged;
  if (!read_only && !desk_db_migrate (self->db, DESK_STORE_SCHEMA_VERSION, error))
    return NULL;
  self->path = g_strdup (path);
  self->hold_fd = desk_db_hold_file (path);
  return g_steal_pointer (&self);
}

const char *
desk_store_get_path (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return self->path;
}

gboolean
desk_store_is_read_only (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), TRUE);
  return self->read_only;
}

int
desk_store_get_schema_version (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), -1);
  return desk_db_user_version (self->db);
}

/* Tests: a clock that stands still at @unix_time (0 for the real one). */
void
desk_store_set_fixed_now (DeskStore *self,
                          gint64     unix_time)
{
  g_return_if_fail (DESK_IS_STORE (self));

  g_mutex_lock (&self->worker_lock);
  self->fixed_now = unix_time;
  self->db->fixed_now = unix_time;
  if (self->worker_db)
    self->worker_db->fixed_now = unix_time;
  g_mutex_unlock (&self->worker_lock);
}

/* Tests: whether opening ran `PRAGMA quick_check` (FALSE for a file known to be good). */
gboolean
desk_store_get_open_checked (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return self->open_checked;
}

DeskDb *
desk_store_get_db (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return self->db;
}

gboolean
desk_store_save (DeskStore    *self,
                 DeskArticle  *article,
                 GError      **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_ARTICLE (article), FALSE);

  return desk_db_save (self->db, article, error);
}

/* One transaction for all: either every story is saved or none. */
gboolean
desk_store_save_all (DeskStore  *self,
                     GPtrArray  *articles,
                     GError    **error)
{
  g_autoptr (GPtrArray) work = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (articles != NULL, FALSE);

  work = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (work, desk_article_copy (g_ptr_array_index (articles, i)));
  if (!desk_db_begin (self->db, error))
    return FALSE;
  for (guint i = 0; i < work->len; i++)
    if (!desk_db_save_in_transaction (self->db, g_ptr_array_index (work, i), TRUE, error))
      {
        desk_db_rollback (self->db);
        return FALSE;
      }
  if (!desk_db_commit (self->db, error))
    return FALSE;
  for (guint i = 0; i < work->len; i++)
    {
      DeskArticle *saved = g_ptr_array_index (work, i), *article = g_ptr_array_index (articles, i);

      desk_article_set_id (article, desk_article_get_id (saved));
      desk_article_set_created (article, desk_article_get_created (saved));
      desk_article_set_modified (article, desk_article_get_modified (saved));
    }
  return TRUE;
}

DeskArticle *
desk_store_load (DeskStore  *self,
                 gint64      id,
                 GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return desk_db_load (self->db, id, error);
}

gboolean
desk_store_trash (DeskStore  *self,
                  gint64      id,
                  GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return desk_db_set_trashed (self->db, id, TRUE, error);
}

gboolean
desk_store_untrash (DeskStore  *self,
                    gint64      id,
                    GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return desk_db_set_trashed (self->db, id, FALSE, error);
}

/* Returns 0 on error as well: check @error. */
guint
desk_store_count (DeskStore   *self,
                  const char  *query,
                  int          status,
                  GError     **error)
{
  guint count = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), 0);

  desk_db_count (self->db, query, status, &count, error);
  return count;
}

GPtrArray *
desk_store_list (DeskStore   *self,
                 const char  *query,
                 int          status,
                 guint        offset,
                 guint        limit,
                 GError     **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return desk_db_list (self->db, query, status, offset, limit, error);
}

static gboolean
word_is_searchable (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * desk_store_query_from_text:
 * @text: what the user typed in a search entry
 *
 * Returns: (transfer full) (nullable): an FTS5 query in which every word is
 * quoted, so no character of @text is read as FTS5 syntax, and the last word
 * is a prefix ("albanian raid" → `"albanian" "raid"*`); %NULL when @text
 * holds nothing to search for.
 */
char *
desk_store_query_from_text (const char *text)
{
  g_auto (GStrv) words = NULL;
  g_autoptr (GPtrArray) quoted = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (text == NULL)
    return NULL;
  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i]; i++)
    if (word_is_searchable (words[i]))
      {
        g_auto (GStrv) parts = g_strsplit (words[i], "\"", -1);
        g_autofree char *escaped = g_strjoinv ("\"\"", parts);

        g_ptr_array_add (quoted, g_strdup_printf ("\"%s\"", escaped));
      }
  if (quoted->len == 0)
    return NULL;
  g_ptr_array_add (quoted, NULL);
  joined = g_strjoinv (" ", (char **) quoted->pdata);
  return g_strconcat (joined, "*", NULL);
}

/**
 * desk_store_add_revision:
 *
 * Snapshots the stored story. An %DESK_REVISION_AUTOSAVE equal to the newest
 * revision adds nothing and returns that revision's id; older autosaves are
 * thinned (the newest 20 kept, then one an hour for a day, then one a day).
 *
 * Returns: the revision id, or 0 with @error set
 */
gint64
desk_store_add_revision (DeskStore         *self,
                         gint64             story_id,
                         DeskRevisionKind   kind,
                         const char        *label,
                         GError           **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), 0);
  return desk_db_add_revision (self->db, story_id, kind, label, error);
}

GPtrArray *
desk_store_list_revisions (DeskStore  *self,
                           gint64      story_id,
                           GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return desk_db_list_revisions (self->db, story_id, error);
}

DeskArticle *
desk_store_load_revision (DeskStore  *self,
                          gint64      revision_id,
                          GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return desk_db_load_revision (self->db, revision_id, error);
}

DeskArticle *
desk_store_restore_revision (DeskStore  *self,
                             gint64      revision_id,
                             GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return desk_db_restore_revision (self->db, revision_id, error);
}

/* The async API's connection, held until desk_store_unlock_worker (). */
DeskDb *
desk_store_lock_worker (DeskStore  *self,
                        GError    **error)
{
  g_mutex_lock (&self->worker_lock);
  if (self->worker_db == NULL)
    {
      self->worker_db = desk_db_open (self->path, self->read_only, error);
      if (self->worker_db == NULL)
        {
          g_mutex_unlock (&self->worker_lock);
          return NULL;
        }
      self->worker_db->fixed_now = self->fixed_now;
      self->worker_db->damaged = &self->damaged;
    }
  return self->worker_db;
}

void
desk_store_unlock_worker (DeskStore *self)
{
  g_mutex_unlock (&self->worker_lock);
}
