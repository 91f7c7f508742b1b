/* desk-store-check.c — is a library file safe to open for writing?
 *
 * Cheap checks run on every open: the SQLite header, the schema version and
 * the tables of that version. `PRAGMA quick_check` reads every page (21 s
 * for a 785 MB library), so a large file skips it when it is known to be
 * good: either another Copydesk process has it open (it checked the file and
 * holds a shared flock on a lock file of the library), or the file is exactly
 * as Copydesk left it at its last clean close (device, inode, size, mtime and
 * ctime to the nanosecond, recorded after the -wal was folded back; ctime
 * cannot be set back, so any later write shows). Records and locks live in
 * $XDG_CACHE_HOME/copydesk/checked/, named by the SHA-256 of the real path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk-store-private.h"

/* Smaller files are checked on every open: it takes a few milliseconds. */
#define DEFAULT_CHECK_THRESHOLD (32 * 1024 * 1024)

static const char sqlite_magic[16] = "SQLite format 3";

/* The tables each schema version must have. */
static const char *const required_tables[][3] = {
  { "stories", "chunks", "story_fts" },
  { "revisions", NULL, NULL },
};

static gint64
check_threshold (void)
{
  const char *value = g_getenv ("COPYDESK_CHECK_THRESHOLD");

  return value && *value ? g_ascii_strtoll (value, NULL, 10) : DEFAULT_CHECK_THRESHOLD;
}

/* The record's path, or with @suffix the lock's; NULL when @path has no real path. */
static char *
cache_path (const char *path,
            const char *suffix)
{
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *name = NULL;

  if (real == NULL)
    return NULL;
  name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real, -1);
  return g_strconcat (g_get_user_cache_dir (), "/copydesk/checked/", name, suffix, NULL);
}

static char *
file_identity (const char *path,
               gint64     *size)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return NULL;
  if (size)
    *size = st.st_size;
  return g_strdup_printf ("%ju %ju %jd %jd.%09ld %jd.%09ld\n", (uintmax_t) st.st_dev,
                          (uintmax_t) st.st_ino, (intmax_t) st.st_size,
                          (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (intmax_t) st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

/* No -wal, or an empty one: everything is in the file itself. */
static gboolean
wal_is_empty (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return stat (wal, &st) != 0 || st.st_size == 0;
}

static gboolean
held_by_another (const char *path)
{
  g_autofree char *lock = cache_path (path, ".lock");
  int fd = lock ? open (lock, O_RDONLY | O_CLOEXEC) : -1;
  gboolean held;

  if (fd < 0)
    return FALSE;
  held = flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return held;
}

static gboolean
is_known_good (const char *path)
{
  g_autofree char *record = cache_path (path, NULL);
  g_autofree char *recorded = NULL, *identity = NULL;
  gint64 size = 0;

  identity = file_identity (path, &size);
  if (record == NULL || identity == NULL || size < check_threshold ())
    return FALSE;
  if (held_by_another (path))
    return TRUE;
  return wal_is_empty (path) && g_file_get_contents (record, &recorded, NULL, NULL) &&
         g_str_equal (recorded, identity);
}

/**
 * desk_db_hold_file:
 *
 * Tells other processes, while the returned descriptor is open, that this
 * one has checked @path and has it open. Only large files are held.
 *
 * Returns: a descriptor for desk_db_release_file (), or -1
 */
int
desk_db_hold_file (const char *path)
{
  g_autofree char *lock = NULL, *folder = NULL;
  struct stat st;
  int fd;

  if (stat (path, &st) != 0 || st.st_size < check_threshold () ||
      (lock = cache_path (path, ".lock")) == NULL)
    return -1;
  folder = g_path_get_dirname (lock);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    return -1;
  fd = open (lock, O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0 && flock (fd, LOCK_SH | LOCK_NB) != 0)
    {
      close (fd);
      fd = -1;
    }
  return fd;
}

/* After the last connection to @path is closed: remembers the file as good
 * when it is large and its -wal was folded back. */
void
desk_db_release_file (const char *path,
                      int         fd,
                      gboolean    good)
{
  g_autofree char *record = cache_path (path, NULL);
  g_autofree char *identity = NULL, *folder = NULL;
  gint64 size = 0;

  if (fd >= 0)
    close (fd);
  if (!good || record == NULL)
    {
      desk_db_forget_file (path);
      return;
    }
  identity = file_identity (path, &size);
  if (identity == NULL || size < check_threshold () || !wal_is_empty (path))
    return;
  folder = g_path_get_dirname (record);
  if (g_mkdir_with_parents (folder, 0700) == 0)
    g_file_set_contents (record, identity, -1, NULL);
}

/* SQLite found @path damaged: the next open checks it, here or elsewhere. */
void
desk_db_forget_file (const char *path)
{
  g_autofree char *record = cache_path (path, NULL);
  g_autofree char *lock = cache_path (path, ".lock");

  if (record)
    g_unlink (record);
  /* a process holding the old lock file no longer vouches for the file */
  if (lock)
    g_unlink (lock);
}

static gboolean
check_header (const char  *path,
              GError     **error)
{
  char header[16] = { 0 };
  FILE *file = g_fopen (path, "rb");
  size_t n;

  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, DESK_STORE_ERROR,
                   saved == EACCES ? DESK_STORE_ERROR_READ_ONLY : DESK_STORE_ERROR_FAILED,
                   _("Cannot open the library “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);
  if (n == 0 || (n == sizeof header && memcmp (header, sqlite_magic, sizeof header) == 0))
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Copydesk library (it is not an SQLite database)"), path);
  return FALSE;
}

static gboolean
run_quick_check (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  g_autofree char *problem = NULL;

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_ROW)
    problem = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (problem == NULL)
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
               _("The library “%s” is damaged and was not opened (%s)"), path, problem);
  return FALSE;
}

/* Reads the schema: a damaged one fails here. Returns the tables, or NULL. */
static GHashTable *
read_tables (sqlite3 *db)
{
  g_autoptr (GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1,
                               &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&tables) : NULL;
}

/* A file of @version has the tables of every step up to it; a file of
 * version 0 has none (else it is some other program's database). */
static gboolean
check_tables (sqlite3     *db,
              const char  *path,
              int          version,
              GError     **error)
{
  g_autoptr (GHashTable) tables = read_tables (db);
  const char *missing = NULL;

  if (tables == NULL)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("The library “%s” is damaged and was not opened (%s)"), path,
                   sqlite3_errmsg (db));
      return FALSE;
    }
  if (version == 0 && g_hash_table_size (tables) > 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Copydesk library (it is another program’s database)"), path);
      return FALSE;
    }
  for (int step = 0; step < MIN (version, (int) G_N_ELEMENTS (required_tables)); step++)
    for (guint i = 0; i < G_N_ELEMENTS (required_tables[step]) && !missing; i++)
      if (required_tables[step][i] && !g_hash_table_contains (tables, required_tables[step][i]))
        missing = required_tables[step][i];
  if (missing == NULL)
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
               _("The library “%s” is damaged and was not opened (the table “%s” is missing)"),
               path, missing);
  return FALSE;
}

/* Even a read-only connection leaves empty -wal and -shm files beside a WAL
 * file; with no -wal there is nothing but the file itself to read, so it is
 * opened as immutable and nothing at all is created. */
static int
open_probe (const char  *path,
            sqlite3    **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

  if (uri == NULL || g_file_test (wal, G_FILE_TEST_EXISTS))
    return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL);
  return sqlite3_open_v2 (immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

static gboolean
check_newer (const char  *path,
             int          version,
             gboolean     read_only,
             GError     **error)
{
  if (version <= DESK_STORE_SCHEMA_VERSION || read_only)
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NEWER_SCHEMA,
               _("The library “%s” was written by a newer version of Copydesk "
                 "(schema %d; this version knows up to %d)"),
               path, version, DESK_STORE_SCHEMA_VERSION);
  return FALSE;
}

/**
 * desk_db_check_file:
 * @checked: (out) (optional): whether `PRAGMA quick_check` ran
 *
 * Looks at an existing file through a read-only connection, before anything
 * that could write to it (WAL mode, migrations).
 */
gboolean
desk_db_check_file (const char  *path,
                    gboolean     read_only,
                    gboolean    *checked,
                    GError     **error)
{
  sqlite3 *db = NULL;
  int rc, version = -1;
  gboolean ok, full;

  if (checked)
    *checked = FALSE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!check_header (path, error))
    return FALSE;
  full = !is_known_good (path);
  rc = open_probe (path, &db);
  if (rc == SQLITE_OK)
    {
      DeskDb probe = { .db = db, .path = (char *) path };

      version = desk_db_user_version (&probe);
      rc = version < 0 ? sqlite3_errcode (db) : SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    {
      DeskDb probe = { .db = db, .path = (char *) path };

      desk_db_set_error (&probe, rc == SQLITE_NOTADB ? SQLITE_NOTADB : SQLITE_CORRUPT, error);
      sqlite3_close (db);
      return FALSE;
    }
  ok = check_tables (db, path, version, error) && (!full || run_quick_check (db, path, error));
  sqlite3_close (db);
  if (checked)
    *checked = full;
  return ok && check_newer (path, version, read_only, error);
}
