/* test-store-crash.c — a process killed with SIGKILL while saving loses
 * nothing it reported as saved, and leaves a sound file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "desk-store.h"

#define N_ROUNDS 30
#define N_PARAGRAPHS 300

static gint64
counter_of (DeskArticle *article)
{
  const char *headline = desk_article_get_headline (article);

  g_assert_true (g_str_has_prefix (headline, "Save "));
  return g_ascii_strtoll (headline + 5, NULL, 10);
}

static DeskArticle *
load_or_make (DeskStore *store)
{
  g_autoptr (GError) error = NULL;
  DeskArticle *article = desk_store_load (store, 1, &error);

  if (article)
    return article;
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  article = desk_article_new ();
  desk_article_set_headline (article, "Save 0");
  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraph %u of the story c0.", i);
      g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, text);

      desk_article_append_block (article, block);
    }
  return article;
}

/* The child: saves forever, printing each counter once it is committed. */
static int
run_child (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr (DeskArticle) article = NULL;

  if (store == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 1;
    }
  article = load_or_make (store);
  for (gint64 n = counter_of (article) + 1;; n++)
    {
      g_autofree char *headline = g_strdup_printf ("Save %" G_GINT64_FORMAT, n);
      g_autofree char *text = g_strdup_printf ("Paragraph of the story c%" G_GINT64_FORMAT, n);

      desk_article_set_headline (article, headline);
      desk_block_set_text (desk_article_get_block (article, n % N_PARAGRAPHS), text);
      desk_article_set_status (article, n % 7 == 0 ? DESK_STATUS_EDITING : DESK_STATUS_DRAFT);
      if (!desk_store_save (store, article, &error))
        {
          fprintf (stderr, "child: %s\n", error->message);
          return 1;
        }
      if (n % 5 == 0 &&
          desk_store_add_revision (store, 1, DESK_REVISION_AUTOSAVE, NULL, &error) == 0)
        {
          fprintf (stderr, "child: %s\n", error->message);
          return 1;
        }
      printf ("%" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }
  return 0;
}

static gint64
read_last_counter (int     fd,
                   gint64  previous)
{
  GString *out = g_string_new (NULL);
  char buffer[4096];
  ssize_t n;
  g_auto (GStrv) lines = NULL;
  gint64 last = previous;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  lines = g_strsplit (out->str, "\n", -1);
  /* only whole lines: a line is printed after its save committed */
  for (guint i = 0; lines[i] && lines[i + 1]; i++)
    last = g_ascii_strtoll (lines[i], NULL, 10);
  g_string_free (out, TRUE);
  return last;
}

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE name = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* @saved: whether any save was seen before. A child killed before its
 * first migration committed leaves a file without tables, which is sound
 * only if nothing was ever saved. */
static void
assert_integrity (const char *path,
                  gboolean    saved)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  if (!has_table (db, "story_fts"))
    {
      g_assert_false (saved);
      sqlite3_close (db);
      return;
    }
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO story_fts (story_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The story holds the reported save (or the one after it, committed but
 * killed before it could say so), and its search index agrees. */
static gint64
check_story (const char *path,
             gint64      reported)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr (DeskArticle) article = NULL;
  g_autofree char *query = NULL, *expected = NULL;
  gint64 stored;

  g_assert_no_error (error);
  article = desk_store_load (store, 1, reported ? &error : NULL);
  g_assert_no_error (error);
  if (article == NULL)
    return 0;
  stored = counter_of (article);
  g_assert_cmpint (stored, >=, reported);
  g_assert_cmpint (stored, <=, reported + 1);
  expected = g_strdup_printf ("Paragraph of the story c%" G_GINT64_FORMAT, stored);
  if (stored > 0)
    g_assert_cmpstr (desk_block_get_text (desk_article_get_block (article,
                                                                  stored % N_PARAGRAPHS)),
                     ==, expected);
  query = g_strdup_printf ("\"c%" G_GINT64_FORMAT "\"", stored);
  g_assert_cmpuint (desk_store_count (store, query, DESK_STATUS_ANY, &error), ==, stored > 0);
  g_assert_no_error (error);
  return stored;
}

static void
test_crash (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  gint64 reported = 0, stored = 0;

  g_assert_no_error (error);
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      const char *argv[] = { "/proc/self/exe", "--child", path, NULL };
      GPid pid;
      int out_fd, status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                               NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      g_usleep (g_test_rand_int_range (20000, 250000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      reported = read_last_counter (out_fd, MAX (reported, stored));
      close (out_fd);

      assert_integrity (path, reported > 0 || stored > 0);
      stored = check_story (path, reported);
      g_test_message ("round %u: reported %" G_GINT64_FORMAT ", stored %" G_GINT64_FORMAT,
                      round, reported, stored);
    }
  /* the child did make progress between the kills */
  g_assert_cmpint (stored, >, N_ROUNDS);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/copydesk/store/crash", test_crash);
  return g_test_run ();
}
