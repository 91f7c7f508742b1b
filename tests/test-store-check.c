/* test-store-check.c — a large library skips `PRAGMA quick_check` only while
 * it is exactly as Copydesk left it; a file changed behind our back is
 * checked again and refused, and damage met later stops all writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk-store.h"
#include "desk-store-private.h"
#include "test-store-util.h"
#include "test-util.h"

static void
fixture_set_up (StoreFixture  *f,
                gconstpointer  data)
{
  /* every file counts as large, so the record is used */
  g_setenv ("COPYDESK_CHECK_THRESHOLD", "0", TRUE);
  store_fixture_set_up (f, data);
}

static DeskStore *
open_store_checked (const char *path,
                    gboolean    expect_checked)
{
  g_autoptr (GError) error = NULL;
  DeskStore *store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpint (desk_store_get_open_checked (store), ==, expect_checked);
  return store;
}

static void
fill_store (const char *path)
{
  g_autoptr (DeskStore) store = open_store_checked (path, FALSE);

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr (DeskArticle) article = desk_article_new ();
      g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH,
                                                    "Officers seized computers in Tirana.");
      g_autoptr (GError) error = NULL;

      desk_article_set_headline (article, "Police raid compound");
      desk_article_append_block (article, block);
      g_assert_true (desk_store_save (store, article, &error));
      g_assert_no_error (error);
    }
}

/* The root page of @table: with 30 short stories, its only page. */
static int
root_page (const char *path,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'",
                                          table);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int page;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);
  return page;
}

/* Scribbles over one page in place: same inode and size, new mtime. */
static void
scribble_page (const char *path,
               int         page)
{
  char garbage[4096];
  int fd = g_open (path, O_WRONLY, 0);

  for (gsize i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) (i * 7 + 3);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (off_t) (page - 1) * 4096), ==,
                   sizeof garbage);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_second_open_skips (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (GError) error = NULL;

  fill_store (f->path);
  store = open_store_checked (f->path, FALSE);
  g_assert_cmpuint (desk_store_count (store, NULL, DESK_STATUS_ANY, &error), ==, 30);
  g_assert_no_error (error);
  g_clear_object (&store);
  store = open_store_checked (f->path, FALSE);
  g_clear_object (&store);

  /* a small file is checked every time */
  g_setenv ("COPYDESK_CHECK_THRESHOLD", "1000000000", TRUE);
  store = open_store_checked (f->path, TRUE);
}

/* Until its -wal is folded back, the file is not as we left it. */
static void
test_leftover_wal_checks (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr (DeskStore) store = NULL;

  fill_store (f->path);
  g_assert_true (g_file_set_contents (wal, "left by a crash", -1, NULL));
  store = open_store_checked (f->path, TRUE);
}

/* Another Copydesk has it open (and checked): its -wal is live, not left by a crash. */
static void
test_open_elsewhere_skips (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr (DeskStore) first = NULL, second = NULL, third = NULL;
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autoptr (GError) error = NULL;
  struct stat st;

  fill_store (f->path);
  first = open_store_checked (f->path, FALSE);
  desk_article_set_headline (article, "Saved while open");
  g_assert_true (desk_store_save (first, article, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  second = open_store_checked (f->path, FALSE);
  g_clear_object (&second);
  g_clear_object (&first);

  /* the same -wal with nobody holding the file is checked */
  fill_store (f->path);
  g_assert_true (g_file_set_contents (wal, "left by a crash", -1, NULL));
  third = open_store_checked (f->path, TRUE);
}

static void
test_changed_file_refused (StoreFixture  *f,
                           gconstpointer  data)
{
  struct stat before;
  struct timespec times[2];

  fill_store (f->path);
  g_assert_cmpint (stat (f->path, &before), ==, 0);
  scribble_page (f->path, root_page (f->path, "chunks"));
  /* even with the old mtime put back: the ctime tells */
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, f->path, times, 0), ==, 0);
  assert_refused_unchanged (f->path, DESK_STORE_ERROR_CORRUPT);
}

static void
test_appended_file_checked (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr (DeskStore) store = NULL;
  int fd;

  fill_store (f->path);
  fd = g_open (f->path, O_WRONLY | O_APPEND, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "garbage", 7), ==, 7);
  g_assert_cmpint (close (fd), ==, 0);
  store = open_store_checked (f->path, TRUE);
}

/* Damage the checks could not see: the store reports it and writes nothing more. */
static void
test_damage_met_later (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (DeskArticle) article = NULL, fresh = desk_article_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *damaged = NULL, *after = NULL;
  int page;

  fill_store (f->path);
  page = root_page (f->path, "chunks");
  store = open_store_checked (f->path, FALSE);
  scribble_page (f->path, page);
  damaged = test_sha256_of (f->path);

  article = desk_store_load (store, 1, &error);
  g_assert_null (article);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  desk_article_set_headline (fresh, "Written after the damage");
  g_assert_false (desk_store_save (store, fresh, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (desk_store_trash (store, 2, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  g_clear_object (&store);
  after = test_sha256_of (f->path);
  g_assert_cmpstr (damaged, ==, after);

  /* and the next open checks the file again, though its stat did not change since */
  assert_refused_unchanged (f->path, DESK_STORE_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  /* a private XDG_CACHE_HOME for the records */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/copydesk/store-check/" path, StoreFixture, NULL, fixture_set_up, func, \
              store_fixture_tear_down)

  ADD ("second-open-skips", test_second_open_skips);
  ADD ("leftover-wal-checks", test_leftover_wal_checks);
  ADD ("open-elsewhere-skips", test_open_elsewhere_skips);
  ADD ("changed-file-refused", test_changed_file_refused);
  ADD ("appended-file-checked", test_appended_file_checked);
  ADD ("damage-met-later", test_damage_met_later);

  return g_test_run ();
}
