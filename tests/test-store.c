/* test-store.c — the SQLite library: migrations, save/load, list, search,
 * trash, async, and files it must refuse (revisions: test-store-revisions.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "desk-store.h"
#include "desk-store-private.h"
#include "test-store-util.h"
#include "test-util.h"

static void
test_open_creates (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "library.db", NULL);
  g_autoptr (DeskStore) store = open_store (nested);
  sqlite3 *db = desk_store_get_db (store)->db;
  sqlite3_stmt *stmt;

  g_assert_true (g_file_test (nested, G_FILE_TEST_EXISTS));
  g_assert_cmpint (desk_store_get_schema_version (store), ==, DESK_STORE_SCHEMA_VERSION);
  g_assert_false (desk_store_is_read_only (store));
  g_assert_cmpstr (desk_store_get_path (store), ==, nested);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
}

static void
test_default_path (void)
{
  g_autofree char *path = desk_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "copydesk",
                                                "library.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_save_load (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (DeskArticle) article = make_full_story ();
  g_autoptr (DeskArticle) loaded = NULL;
  g_autoptr (GError) error = NULL;

  desk_store_set_fixed_now (store, 1700000000);
  g_assert_true (desk_store_save (store, article, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_article_get_id (article), >, 0);
  g_assert_cmpint (desk_article_get_created (article), ==, 1700000000);
  g_assert_cmpint (desk_article_get_modified (article), ==, 1700000000);

  loaded = desk_store_load (store, desk_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_true (desk_article_equal_content (article, loaded));
  g_assert_cmpint (desk_article_get_id (loaded), ==, desk_article_get_id (article));
  g_assert_cmpint (desk_article_get_created (loaded), ==, 1700000000);
  g_assert_cmpstr (desk_dateline_get_credit (desk_article_get_dateline (loaded)), ==, "AP");
  g_assert_cmpstr (desk_block_get_mark (desk_article_get_block (loaded, 3), 1)->href, ==,
                   "https://example.com/q");

  g_clear_object (&loaded);
  loaded = desk_store_load (store, 9999, &error);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static int
total_changes (DeskStore *store)
{
  return sqlite3_total_changes (desk_store_get_db (store)->db);
}

static void
test_save_unchanged_writes_nothing (StoreFixture  *f,
                                    gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (DeskArticle) article = make_full_story ();
  g_autoptr (GError) error = NULL;
  int changes;

  desk_store_set_fixed_now (store, 1700000000);
  g_assert_true (desk_store_save (store, article, &error));
  changes = total_changes (store);

  desk_store_set_fixed_now (store, 1700000500);
  g_assert_true (desk_store_save (store, article, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total_changes (store), ==, changes);
  g_assert_cmpint (desk_article_get_modified (article), ==, 1700000000);

  desk_block_set_text (desk_article_get_block (article, 0), "Changed.");
  g_assert_true (desk_store_save (store, article, &error));
  g_assert_cmpint (total_changes (store), >, changes);
  g_assert_cmpint (desk_article_get_modified (article), ==, 1700000500);
}

static GHashTable *
chunk_ids (DeskStore *store)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store)->db, "SELECT id FROM chunks",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return ids;
}

static guint
count_missing (GHashTable *before,
               GHashTable *after)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += !g_hash_table_contains (after, key);
  return n;
}

/* One edited word in a long story rewrites one or two chunks, not all. */
static void
test_save_rewrites_changed_chunks (StoreFixture  *f,
                                   gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autoptr (DeskArticle) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) before = NULL, after = NULL;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraph %u about the raid in Tirana.", i);
      g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, text);

      desk_article_append_block (article, block);
    }
  g_assert_true (desk_store_save (store, article, &error));
  before = chunk_ids (store);
  g_assert_cmpuint (g_hash_table_size (before), >, 5);
  desk_block_set_text (desk_article_get_block (article, 200), "Paragraph changed word.");
  g_assert_true (desk_store_save (store, article, &error));
  g_assert_no_error (error);
  after = chunk_ids (store);
  /* at most two chunks replaced; every other one kept as it was */
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_assert_cmpuint (count_missing (before, after), >=, 1);
  g_assert_cmpuint (count_missing (before, after), <=, 2);

  /* a block inserted in the middle moves the rest; the story still reads back */
  {
    g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_SUBHEADING, "Inserted");
    GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_block_unref);

    for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
      {
        if (i == 100)
          g_ptr_array_add (blocks, desk_block_ref (block));
        g_ptr_array_add (blocks, desk_block_ref (desk_article_get_block (article, i)));
      }
    desk_article_take_blocks (article, blocks);
  }
  g_assert_true (desk_store_save (store, article, &error));
  loaded = desk_store_load (store, desk_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_true (desk_article_equal_content (article, loaded));
  g_assert_cmpuint (desk_store_count (store, "\"changed\"", DESK_STATUS_ANY, &error), ==, 1);
  g_assert_cmpuint (desk_store_count (store, "\"inserted\"", DESK_STATUS_ANY, &error), ==, 1);
  g_assert_cmpuint (desk_store_count (store, "\"200\"", DESK_STATUS_ANY, &error), ==, 0);
  g_assert_cmpuint (desk_store_count (store, "\"199\"", DESK_STATUS_ANY, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_list_order_and_filter (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  gint64 ids[5];
  DeskSummary *row;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Story %u", i);

      desk_store_set_fixed_now (store, 1700000000 + i * 10);
      ids[i] = save_story (store, headline, "One two three.", i % 2 ? DESK_STATUS_READY
                                                                     : DESK_STATUS_DRAFT);
    }
  g_assert_cmpuint (desk_store_count (store, NULL, DESK_STATUS_ANY, &error), ==, 5);
  g_assert_cmpuint (desk_store_count (store, "", DESK_STATUS_READY, &error), ==, 2);

  rows = desk_store_list (store, NULL, DESK_STATUS_ANY, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->id, ==, ids[4]);
  g_assert_cmpstr (row->headline, ==, "Story 4");
  g_assert_cmpstr (row->kicker, ==, "News");
  g_assert_cmpint (row->modified, ==, 1700000040);
  g_assert_cmpuint (row->words, ==, 3);
  g_assert_cmpint (((DeskSummary *) g_ptr_array_index (rows, 2))->id, ==, ids[2]);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = desk_store_list (store, NULL, DESK_STATUS_ANY, 3, 10, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((DeskSummary *) g_ptr_array_index (rows, 1))->id, ==, ids[0]);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = desk_store_list (store, NULL, DESK_STATUS_READY, 0, 10, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((DeskSummary *) g_ptr_array_index (rows, 0))->id, ==, ids[3]);
  g_assert_cmpint (((DeskSummary *) g_ptr_array_index (rows, 0))->status, ==, DESK_STATUS_READY);
  g_assert_no_error (error);
}

static void
test_search (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) decked = make_story ("Budget vote", "Parliament met.");
  gint64 raid, tourism;

  raid = save_story (store, "Police raid compound", "Officers seized computers.\nIn Tirana.",
                     DESK_STATUS_DRAFT);
  tourism = save_story (store, "Tourist season opens", "Hotels in Tiranë are full.",
                        DESK_STATUS_READY);
  desk_article_set_deck (decked, "A narrow majority approved the raids budget");
  g_assert_true (desk_store_save (store, decked, &error));

  g_assert_cmpuint (desk_store_count (store, "raid*", DESK_STATUS_ANY, &error), ==, 2);
  g_assert_cmpuint (desk_store_count (store, "raid", DESK_STATUS_ANY, &error), ==, 1);
  /* words in the headline and in different chunks of the body still match together */
  g_assert_cmpuint (desk_store_count (store, "police tirana", DESK_STATUS_ANY, &error), ==, 1);
  /* diacritics folded */
  g_assert_cmpuint (desk_store_count (store, "tirane", DESK_STATUS_ANY, &error), ==, 1);
  g_assert_cmpuint (desk_store_count (store, "tirana OR hotels", DESK_STATUS_ANY, &error), ==, 2);
  g_assert_cmpuint (desk_store_count (store, "tiran*", DESK_STATUS_READY, &error), ==, 1);
  g_assert_no_error (error);

  rows = desk_store_list (store, "computers", DESK_STATUS_ANY, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((DeskSummary *) g_ptr_array_index (rows, 0))->id, ==, raid);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = desk_store_list (store, "hotels", DESK_STATUS_ANY, 0, 10, &error);
  g_assert_cmpint (((DeskSummary *) g_ptr_array_index (rows, 0))->id, ==, tourism);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = desk_store_list (store, "\"unbalanced", DESK_STATUS_ANY, 0, 10, &error);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_QUERY);
  g_assert_nonnull (strstr (error->message, "unbalanced"));
  g_assert_null (rows);
  g_clear_error (&error);
  g_assert_cmpuint (desk_store_count (store, "raid AND (", DESK_STATUS_ANY, &error), ==, 0);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_QUERY);
}

static void
test_query_from_text (void)
{
  struct { const char *text; const char *query; } cases[] = {
    { "raid", "\"raid\"*" },
    { "  albanian   raid ", "\"albanian\" \"raid\"*" },
    { "say \"no\" AND", "\"say\" \"\"\"no\"\"\" \"AND\"*" },
    { "NEAR(a b)", "\"NEAR(a\" \"b)\"*" },
    { "- * ", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = desk_store_query_from_text (cases[i].text);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

/* Whatever a user types is a valid query. */
static void
test_query_from_text_is_safe (StoreFixture  *f,
                              gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  const char *typed[] = { "raid\"", "(", "a OR", "NOT", "col:umn", "x*y", "^start", "{a b}",
                          "Tiran", "O'Brien's", "ПОЛИЦИЯ" };

  save_story (store, "Police raid", "In Tirana, O'Brien's men.", DESK_STATUS_DRAFT);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *query = desk_store_query_from_text (typed[i]);
      g_autoptr (GError) error = NULL;

      desk_store_count (store, query, DESK_STATUS_ANY, &error);
      g_assert_no_error (error);
    }
  {
    g_autofree char *query = desk_store_query_from_text ("Tiran");
    g_autofree char *query2 = desk_store_query_from_text ("o'brien's");

    g_assert_cmpuint (desk_store_count (store, query, DESK_STATUS_ANY, NULL), ==, 1);
    g_assert_cmpuint (desk_store_count (store, query2, DESK_STATUS_ANY, NULL), ==, 1);
  }
}

static void
test_trash (StoreFixture  *f,
            gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (DeskArticle) loaded = NULL;
  gint64 keep = save_story (store, "Keep raid", "Body.", DESK_STATUS_DRAFT);
  gint64 gone = save_story (store, "Gone raid", "Body.", DESK_STATUS_DRAFT);

  g_assert_true (desk_store_trash (store, gone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_store_count (store, NULL, DESK_STATUS_ANY, &error), ==, 1);
  g_assert_cmpuint (desk_store_count (store, "raid", DESK_STATUS_ANY, &error), ==, 1);
  rows = desk_store_list (store, "raid", DESK_STATUS_ANY, 0, 10, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((DeskSummary *) g_ptr_array_index (rows, 0))->id, ==, keep);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* a trashed story still loads, and comes back whole */
  loaded = desk_store_load (store, gone, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_article_get_headline (loaded), ==, "Gone raid");
  g_assert_true (desk_store_untrash (store, gone, &error));
  g_assert_cmpuint (desk_store_count (store, "raid", DESK_STATUS_ANY, &error), ==, 2);
  rows = desk_store_list (store, NULL, DESK_STATUS_ANY, 0, 10, &error);
  g_assert_cmpuint (rows->len, ==, 2);

  g_assert_false (desk_store_trash (store, 12345, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

/* Schema 1, as the first release wrote it: stories and chunks, no trash. */
static void
populate_v1 (sqlite3 *db)
{
  g_autoptr (DeskArticle) article = make_full_story ();
  g_autoptr (GBytes) meta = desk_codec_encode_meta (article);
  g_autoptr (GPtrArray) chunks = desk_codec_split_chunks (article);
  g_autofree char *hash = desk_codec_story_hash (article, meta, chunks);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO stories (id, headline, kicker, deck, "
                                       "status, language, words, created, modified, meta, hash) "
                                       "VALUES (7, ?, 'News', ?, 1, 'sq', 12, 100, 200, ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, desk_article_get_headline (article), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, desk_article_get_deck (article), -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, g_bytes_get_data (meta, NULL), g_bytes_get_size (meta),
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  for (guint i = 0; i < chunks->len; i++)
    {
      DeskChunk *chunk = g_ptr_array_index (chunks, i);

      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO chunks (id, story_id, seq, hash, "
                                           "words, data) VALUES (?, 7, ?, ?, ?, ?)", -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, (7 << DESK_CHUNK_SLOT_BITS) | i);
      sqlite3_bind_int (stmt, 2, (int) i - 1);
      sqlite3_bind_text (stmt, 3, chunk->hash, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, chunk->head ? 0 : desk_chunk_count_words (chunk));
      sqlite3_bind_blob (stmt, 5, g_bytes_get_data (chunk->data, NULL),
                         g_bytes_get_size (chunk->data), SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO story_fts (rowid, headline, deck, body) "
                                           "VALUES (last_insert_rowid (), ?, ?, ?)", -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, chunk->head ? chunk->text : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, chunk->head ? desk_article_get_deck (article) : "", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, chunk->head ? "" : chunk->text, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
}

typedef void (*Populate) (sqlite3 *db);

/* Every earlier schema, built by its own migration steps and filled as that
 * version would have, opens and upgrades with nothing lost. */
static void
test_migrate (StoreFixture  *f,
              gconstpointer  data)
{
  static const Populate populate[] = { populate_v1 };

  g_assert_cmpuint (G_N_ELEMENTS (populate), ==, DESK_STORE_SCHEMA_VERSION - 1);
  for (int version = 1; version < DESK_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", f->dir, version);
      g_autoptr (DeskStore) store = NULL;
      g_autoptr (DeskArticle) loaded = NULL, expected = make_full_story ();
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) rows = NULL;
      DeskDb *db = desk_db_open (path, FALSE, &error);

      g_assert_no_error (error);
      g_assert_true (desk_db_migrate (db, version, &error));
      g_assert_cmpint (desk_db_user_version (db), ==, version);
      populate[version - 1] (db->db);
      desk_db_close (db);

      store = open_store (path);
      g_assert_cmpint (desk_store_get_schema_version (store), ==, DESK_STORE_SCHEMA_VERSION);
      loaded = desk_store_load (store, 7, &error);
      g_assert_no_error (error);
      g_assert_true (desk_article_equal_content (loaded, expected));
      g_assert_cmpint (desk_article_get_created (loaded), ==, 100);
      rows = desk_store_list (store, "guarantee", DESK_STATUS_ANY, 0, 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_true (desk_store_trash (store, 7, &error));
      g_assert_cmpuint (desk_store_count (store, NULL, DESK_STATUS_ANY, &error), ==, 0);
      g_assert_cmpint (desk_store_add_revision (store, 7, DESK_REVISION_MANUAL, "v", &error), >, 0);
      g_assert_no_error (error);
    }
}

/* As assert_refused_unchanged (), and the refused open left no -wal. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  assert_refused_unchanged (path, code);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
fill_store (const char *path)
{
  g_autoptr (DeskStore) store = open_store (path);

  for (guint i = 0; i < 30; i++)
    save_story (store, "Police raid compound", "Officers seized computers in Tirana.",
                DESK_STATUS_DRAFT);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_refuse_not_sqlite (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *short_path = g_build_filename (f->dir, "short.db", NULL);

  g_assert_true (g_file_set_contents (f->path, "{ \"headline\": \"not a database at all\" }\n",
                                      -1, NULL));
  assert_refused (f->path, DESK_STORE_ERROR_NOT_A_DATABASE);
  g_assert_true (g_file_set_contents (short_path, "SQLite", -1, NULL));
  assert_refused (short_path, DESK_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_corrupt (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  fill_store (f->path);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  /* scribble over the second and third pages, keeping the header valid */
  for (gsize i = 4096; i < 3 * 4096; i++)
    contents[i] = (char) (i * 7 + 3);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  assert_refused (f->path, DESK_STORE_ERROR_CORRUPT);
}

static void
test_refuse_newer (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  fill_store (f->path);
  run_sql (f->path, "PRAGMA user_version = 99");
  assert_refused (f->path, DESK_STORE_ERROR_NEWER_SCHEMA);

  /* read-only, a newer file can still be looked at, and stays as it was */
  before = test_sha256_of (f->path);
  store = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (desk_store_is_read_only (store));
  rows = desk_store_list (store, "raid", DESK_STATUS_ANY, 0, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_clear_object (&store);
  after = test_sha256_of (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_only_flag (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (DeskArticle) article = NULL;
  g_autoptr (GError) error = NULL;

  fill_store (f->path);
  before = test_sha256_of (f->path);
  store = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  article = desk_store_load (store, 1, &error);
  g_assert_no_error (error);
  desk_article_set_headline (article, "Changed");
  g_assert_false (desk_store_save (store, article, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (desk_store_trash (store, 1, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (desk_store_add_revision (store, 1, DESK_REVISION_MANUAL, NULL, &error), ==, 0);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);
  after = test_sha256_of (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_only_file (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes through file permissions; the read-only flag test covers "
                   "the refusal");
      return;
    }
  fill_store (f->path);
  before = test_sha256_of (f->path);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  store = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_store_count (store, NULL, DESK_STATUS_ANY, &error), ==, 30);
  g_clear_object (&store);
  after = test_sha256_of (f->path);
  g_assert_cmpstr (before, ==, after);
  g_chmod (f->path, 0644);
}

/* SQLITE_FULL, made with max_page_count: a clear error, nothing lost. */
static void
test_disk_full (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (DeskArticle) big = desk_article_new ();
  g_autoptr (DeskArticle) loaded = NULL;
  g_autoptr (GError) error = NULL;
  gint64 kept = save_story (store, "Kept", "Every word of this stays.", DESK_STATUS_DRAFT);
  sqlite3 *db = desk_store_get_db (store)->db;

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 60", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraph %u of a story too long for the disk.", i);
      g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, text);

      desk_article_append_block (big, block);
    }
  g_assert_false (desk_store_save (store, big, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DISK_FULL);
  g_assert_cmpint (desk_article_get_id (big), ==, 0);
  g_clear_error (&error);

  loaded = desk_store_load (store, kept, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_block_get_text (desk_article_get_block (loaded, 0)), ==,
                   "Every word of this stays.");
  g_assert_cmpuint (desk_store_count (store, NULL, DESK_STATUS_ANY, &error), ==, 1);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1000000", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (desk_store_save (store, big, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_store_count (store, "\"2999\"", DESK_STATUS_ANY, &error), ==, 1);
}

/* The worker writes on its own connection while the main one reads. */
static void
test_async (StoreFixture  *f,
            gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (DeskArticle) article = make_story ("Async raid", "Body of the story.");
  g_autoptr (DeskArticle) saved = NULL, loaded = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_auto (Waiter) waiter = { g_main_loop_new (NULL, FALSE), NULL };
  guint count = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH,
                                                    "A long body keeps the worker busy.");

      desk_article_append_block (article, block);
    }
  save_story (store, "Already there", "Text.", DESK_STATUS_DRAFT);
  desk_store_save_async (store, article, NULL, store_done_cb, &waiter);
  /* the call copied the story: changing it now does not change what is saved */
  desk_article_set_headline (article, "Changed after the call");
  /* the main connection reads while the worker writes */
  g_assert_cmpuint (desk_store_count (store, NULL, DESK_STATUS_ANY, &error), >=, 1);
  g_assert_no_error (error);
  saved = desk_store_save_finish (store, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_article_get_id (saved), >, 0);
  g_assert_cmpstr (desk_article_get_headline (saved), ==, "Async raid");
  g_assert_cmpint (desk_article_get_id (article), ==, 0);

  loaded = desk_store_load (store, desk_article_get_id (saved), &error);
  g_assert_no_error (error);
  g_assert_true (desk_article_equal_content (loaded, saved));
  g_clear_object (&loaded);

  desk_store_load_async (store, desk_article_get_id (saved), NULL, store_done_cb, &waiter);
  loaded = desk_store_load_finish (store, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_assert_true (desk_article_equal_content (loaded, saved));

  desk_store_list_async (store, "raid", DESK_STATUS_ANY, 0, 10, NULL, store_done_cb, &waiter);
  rows = desk_store_list_finish (store, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);

  desk_store_count_async (store, NULL, DESK_STATUS_ANY, NULL, store_done_cb, &waiter);
  g_assert_true (desk_store_count_finish (store, wait_for (&waiter), &count, &error));
  g_assert_cmpuint (count, ==, 2);

  desk_store_count_async (store, "\"open", DESK_STATUS_ANY, NULL, store_done_cb, &waiter);
  g_assert_false (desk_store_count_finish (store, wait_for (&waiter), &count, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_QUERY);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  desk_store_load_async (store, 1, cancelled, store_done_cb, &waiter);
  g_assert_null (desk_store_load_finish (store, wait_for (&waiter), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/copydesk/store/" path, StoreFixture, NULL, store_fixture_set_up, func, \
              store_fixture_tear_down)

  ADD ("open-creates", test_open_creates);
  g_test_add_func ("/copydesk/store/default-path", test_default_path);
  ADD ("save-load", test_save_load);
  ADD ("save-unchanged", test_save_unchanged_writes_nothing);
  ADD ("save-rewrites-changed-chunks", test_save_rewrites_changed_chunks);
  ADD ("list", test_list_order_and_filter);
  ADD ("search", test_search);
  g_test_add_func ("/copydesk/store/query-from-text", test_query_from_text);
  ADD ("query-from-text-safe", test_query_from_text_is_safe);
  ADD ("trash", test_trash);
  ADD ("migrate", test_migrate);
  ADD ("refuse-not-sqlite", test_refuse_not_sqlite);
  ADD ("refuse-corrupt", test_refuse_corrupt);
  ADD ("refuse-newer", test_refuse_newer);
  ADD ("read-only-flag", test_read_only_flag);
  ADD ("read-only-file", test_read_only_file);
  ADD ("disk-full", test_disk_full);
  ADD ("async", test_async);

  return g_test_run ();
}
