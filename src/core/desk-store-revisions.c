/* desk-store-revisions.c — full snapshots of stories, thinned as they age
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-store"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-store-private.h"

/* Beyond the newest autosaves, keep one an hour for a day, then one a day:
 * every other kind of revision is kept for good. */
static const char thin_sql[] =
  "DELETE FROM revisions WHERE story_id = ?1 AND kind = 0"
  " AND id NOT IN (SELECT id FROM revisions WHERE story_id = ?1 AND kind = 0"
  "                ORDER BY id DESC LIMIT ?2)"
  " AND id NOT IN (SELECT max(id) FROM revisions WHERE story_id = ?1 AND kind = 0"
  "                AND created >= ?3 GROUP BY created / 3600)"
  " AND id NOT IN (SELECT max(id) FROM revisions WHERE story_id = ?1 AND kind = 0"
  "                GROUP BY created / 86400)";

static gboolean
thin_autosaves (DeskDb  *self,
                gint64   story_id,
                GError **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, thin_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  sqlite3_bind_int64 (stmt, 2, self->keep_autosaves);
  sqlite3_bind_int64 (stmt, 3, desk_db_now (self) - 24 * 3600);
  return desk_db_step_done (self, stmt, error);
}

/* The caller holds a write transaction; @article is the stored story. */
gint64
desk_db_insert_revision (DeskDb            *self,
                         DeskArticle       *article,
                         DeskRevisionKind   kind,
                         const char        *label,
                         const char        *hash,
                         GError           **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "INSERT INTO revisions (story_id, kind, label, "
                                              "headline, words, created, hash, snapshot) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr (GBytes) snapshot = desk_codec_encode_snapshot (article);
  gsize size;
  const void *data = g_bytes_get_data (snapshot, &size);
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, desk_article_get_id (article));
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_text (stmt, 3, label ? label : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, desk_article_get_headline (article), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, desk_article_count_words (article));
  sqlite3_bind_int64 (stmt, 6, desk_db_now (self));
  sqlite3_bind_text (stmt, 7, hash, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 8, data, size, SQLITE_STATIC);
  if (!desk_db_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);
  if (kind == DESK_REVISION_AUTOSAVE && !thin_autosaves (self, desk_article_get_id (article),
                                                         error))
    return 0;
  return id;
}

/* The newest revision of a story and its hash; 0 when there is none. */
static gint64
newest_revision (DeskDb  *self,
                 gint64   story_id,
                 char   **hash)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "SELECT id, hash FROM revisions WHERE story_id = ? "
                                              "ORDER BY id DESC LIMIT 1", NULL);
  gint64 id = 0;

  *hash = NULL;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, story_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  desk_db_release (stmt);
  return id;
}

/* An autosave of a story equal to its newest revision adds nothing. */
static gint64
add_revision_in_transaction (DeskDb           *self,
                             gint64            story_id,
                             DeskRevisionKind  kind,
                             const char       *label,
                             GError          **error)
{
  g_autofree char *hash = desk_db_stored_hash (self, story_id, error);
  g_autofree char *newest_hash = NULL;
  g_autoptr (DeskArticle) article = NULL;
  gint64 newest;

  if (hash == NULL)
    return 0;
  newest = newest_revision (self, story_id, &newest_hash);
  if (kind == DESK_REVISION_AUTOSAVE && newest && g_strcmp0 (newest_hash, hash) == 0)
    return newest;
  article = desk_db_read_story (self, story_id, error);
  if (article == NULL)
    return 0;
  return desk_db_insert_revision (self, article, kind, label, hash, error);
}

gint64
desk_db_add_revision (DeskDb            *self,
                      gint64             story_id,
                      DeskRevisionKind   kind,
                      const char        *label,
                      GError           **error)
{
  gint64 id;

  if (!desk_db_begin (self, error))
    return 0;
  id = add_revision_in_transaction (self, story_id, kind, label, error);
  if (id == 0 || !desk_db_commit (self, error))
    {
      desk_db_rollback (self);
      return 0;
    }
  return id;
}

GPtrArray *
desk_db_list_revisions (DeskDb  *self,
                        gint64   story_id,
                        GError **error)
{
  g_autofree char *hash = desk_db_stored_hash (self, story_id, error);
  g_autoptr (GPtrArray) revisions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (hash == NULL)
    return NULL;
  stmt = desk_db_prepare (self, "SELECT id, kind, label, headline, created, words FROM revisions "
                                "WHERE story_id = ? ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_revision_free);
  sqlite3_bind_int64 (stmt, 1, story_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (revisions,
                     desk_revision_new (sqlite3_column_int64 (stmt, 0), story_id,
                                        CLAMP (sqlite3_column_int (stmt, 1), 0,
                                               DESK_REVISION_CLOSE),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 3),
                                        sqlite3_column_int64 (stmt, 4),
                                        sqlite3_column_int (stmt, 5)));
  desk_db_release (stmt);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&revisions);
  desk_db_set_error (self, rc, error);
  return NULL;
}

static DeskArticle *
read_revision (DeskDb  *self,
               gint64   revision_id,
               gint64  *created,
               GError **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "SELECT story_id, created, snapshot "
                                              "FROM revisions WHERE id = ?", error);
  DeskArticle *article = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GBytes) data = g_bytes_new (sqlite3_column_blob (stmt, 2),
                                             sqlite3_column_bytes (stmt, 2));

      article = desk_codec_decode_snapshot (data);
      if (article)
        desk_article_set_id (article, sqlite3_column_int64 (stmt, 0));
      else
        desk_db_set_error (self, SQLITE_CORRUPT, error);
      *created = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                 _("There is no revision %lld in the library"),
                 (long long) revision_id);
  else
    desk_db_set_error (self, rc, error);
  desk_db_release (stmt);
  return article;
}

DeskArticle *
desk_db_load_revision (DeskDb  *self,
                       gint64   revision_id,
                       GError **error)
{
  gint64 created;

  return read_revision (self, revision_id, &created, error);
}

static char *
format_restore_label (gint64 created)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (created);
  g_autofree char *date = when ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("");

  return g_strdup_printf (_("Restored the version of %s"), date);
}

/* Keeps the current state as a revision first, so the restore can itself
 * be undone by restoring that one. */
static DeskArticle *
restore_in_transaction (DeskDb  *self,
                        gint64   revision_id,
                        GError **error)
{
  gint64 created = 0;
  g_autoptr (DeskArticle) article = read_revision (self, revision_id, &created, error);
  g_autofree char *label = NULL, *hash = NULL;

  if (article == NULL)
    return NULL;
  if (add_revision_in_transaction (self, desk_article_get_id (article), DESK_REVISION_AUTOSAVE,
                                   NULL, error) == 0)
    return NULL;
  if (!desk_db_save_in_transaction (self, article, FALSE, error))
    return NULL;
  hash = desk_db_stored_hash (self, desk_article_get_id (article), error);
  label = format_restore_label (created);
  if (hash == NULL ||
      desk_db_insert_revision (self, article, DESK_REVISION_RESTORE, label, hash, error) == 0)
    return NULL;
  return g_steal_pointer (&article);
}

DeskArticle *
desk_db_restore_revision (DeskDb  *self,
                          gint64   revision_id,
                          GError **error)
{
  g_autoptr (DeskArticle) article = NULL;

  if (!desk_db_begin (self, error))
    return NULL;
  article = restore_in_transaction (self, revision_id, error);
  if (article == NULL || !desk_db_commit (self, error))
    {
      desk_db_rollback (self);
      return NULL;
    }
  return g_steal_pointer (&article);
}
