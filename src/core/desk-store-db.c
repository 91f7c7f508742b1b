/* desk-store-db.c — one SQLite connection of the library: errors, pragmas, migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "desk-store-private.h"

/* Never edit a step once released: add a new one. Step N takes a file from
 * user_version N to N + 1, in one transaction. */
const char *const desk_store_migrations[] = {
  /* 1: stories, their body in content-defined chunks, full-text search */
  "CREATE TABLE stories ("
  "  id INTEGER PRIMARY KEY,"
  "  headline TEXT NOT NULL DEFAULT '',"
  "  kicker TEXT NOT NULL DEFAULT '',"
  "  deck TEXT NOT NULL DEFAULT '',"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  language TEXT NOT NULL DEFAULT 'en',"
  "  words INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  meta BLOB NOT NULL,"
  "  hash TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX stories_by_modified ON stories (modified DESC, id DESC);"
  "CREATE TABLE chunks ("
  "  id INTEGER PRIMARY KEY,"
  "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  hash TEXT NOT NULL,"
  "  words INTEGER NOT NULL DEFAULT 0,"
  "  data BLOB NOT NULL);"
  "CREATE INDEX chunks_by_story ON chunks (story_id, seq);"
  "CREATE VIRTUAL TABLE story_fts USING fts5 (headline, deck, body, content='',"
  "  tokenize='unicode61 remove_diacritics 2');",

  /* 2: the trash and revisions */
  "ALTER TABLE stories ADD COLUMN trashed INTEGER NOT NULL DEFAULT 0;"
  "DROP INDEX stories_by_modified;"
  "CREATE INDEX stories_live ON stories (trashed, modified DESC, id DESC);"
  "CREATE INDEX stories_live_by_status ON stories (trashed, status, modified DESC, id DESC);"
  "CREATE TABLE revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  headline TEXT NOT NULL DEFAULT '',"
  "  words INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL,"
  "  hash TEXT NOT NULL DEFAULT '',"
  "  snapshot BLOB NOT NULL);"
  "CREATE INDEX revisions_by_story ON revisions (story_id, id DESC);",
};

const guint desk_store_n_migrations = G_N_ELEMENTS (desk_store_migrations);

void
desk_db_set_error (DeskDb  *self,
                   int      rc,
                   GError **error)
{
  const char *detail = self && self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  const char *path = self ? self->path : "";

  /* met on an open library: the file changed or was damaged after the checks */
  if (self && self->damaged && ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB))
    {
      if (!g_atomic_int_exchange (self->damaged, TRUE))
        desk_db_forget_file (path);
      rc = SQLITE_CORRUPT;
    }
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DISK_FULL,
                   _("The disk holding “%s” is full; the last change was not saved"), path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY,
                   _("The library “%s” cannot be written to (%s)"), path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_BUSY,
                   _("The library “%s” is locked by another program"), path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("The library “%s” is damaged (%s)"), path, detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Copydesk library"), path);
      break;
    default:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED,
                   _("The library “%s” failed: %s"), path, detail);
    }
}

gint64
desk_db_now (DeskDb *self)
{
  return self->fixed_now ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
}

sqlite3_stmt *
desk_db_prepare (DeskDb      *self,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      desk_db_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Readies a cached statement for its next use. */
void
desk_db_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
desk_db_step_done (DeskDb        *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  desk_db_release (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  desk_db_set_error (self, rc, error);
  return FALSE;
}

gboolean
desk_db_exec (DeskDb      *self,
              const char  *sql,
              GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;
  desk_db_set_error (self, rc, error);
  return FALSE;
}

gboolean
desk_db_check_writable (DeskDb  *self,
                        GError **error)
{
  if (self->damaged && g_atomic_int_get (self->damaged))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("The library “%s” is damaged; nothing more is written to it"), self->path);
      return FALSE;
    }
  if (!self->read_only)
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY,
               _("The library “%s” is open read-only"), self->path);
  return FALSE;
}

gboolean
desk_db_begin (DeskDb  *self,
               GError **error)
{
  return desk_db_check_writable (self, error) && desk_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
desk_db_commit (DeskDb  *self,
                GError **error)
{
  if (desk_db_exec (self, "COMMIT", error))
    return TRUE;
  desk_db_rollback (self);
  return FALSE;
}

void
desk_db_rollback (DeskDb *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

int
desk_db_user_version (DeskDb *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate_step (DeskDb  *self,
              int      from,
              GError **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", from + 1);

  if (!desk_db_begin (self, error))
    return FALSE;
  /* another process may have migrated while we waited for the lock */
  if (desk_db_user_version (self) != from)
    return desk_db_commit (self, error);
  if (!desk_db_exec (self, desk_store_migrations[from], error) ||
      !desk_db_exec (self, set_version, error))
    {
      desk_db_rollback (self);
      return FALSE;
    }
  return desk_db_commit (self, error);
}

/* Runs the steps from the file's version up to @target. */
gboolean
desk_db_migrate (DeskDb  *self,
                 int      target,
                 GError **error)
{
  g_return_val_if_fail (target <= DESK_STORE_SCHEMA_VERSION, FALSE);

  for (int version = desk_db_user_version (self); version < target; version++)
    {
      if (version < 0)
        {
          desk_db_set_error (self, sqlite3_errcode (self->db), error);
          return FALSE;
        }
      if (!migrate_step (self, version, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_pragmas (DeskDb  *self,
               GError **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  if (!desk_db_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (self->read_only)
    return desk_db_exec (self, "PRAGMA query_only = ON", error);
  /* NORMAL is safe in WAL: a crash loses no committed transaction, and a
   * power cut at worst the last ones, never the file. */
  /* 16 MB of page cache: the index pages a save of a long story touches stay in memory */
  return desk_db_exec (self, "PRAGMA cache_size = -16000", error) &&
         desk_db_exec (self, "PRAGMA journal_mode = WAL", error) &&
         desk_db_exec (self, "PRAGMA synchronous = NORMAL", error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Opens a connection without checking or migrating the file: the caller has
 * done that (desk_db_check_file in desk-store-check.c, desk_db_migrate). */
DeskDb *
desk_db_open (const char  *path,
              gboolean     read_only,
              GError     **error)
{
  DeskDb *self = g_new0 (DeskDb, 1);
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc;

  self->path = g_strdup (path);
  self->read_only = read_only;
  self->keep_autosaves = 20;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  rc = sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_CANTOPEN && !read_only && g_file_test (path, G_FILE_TEST_EXISTS))
    rc = SQLITE_READONLY;
  if (rc != SQLITE_OK || !apply_pragmas (self, error))
    {
      if (rc != SQLITE_OK)
        desk_db_set_error (self, rc, error);
      desk_db_close (self);
      return NULL;
    }
  return self;
}

void
desk_db_close (DeskDb *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self);
}
