/* desk-store-stories.c — saving, loading, listing and searching stories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-store-private.h"

#define SUMMARY_COLUMNS "id, headline, kicker, status, modified, words"
#define MATCH_GROUP "SELECT rowid >> 16 FROM story_fts WHERE story_fts MATCH ?"
#define MAX_SLOTS (1 << DESK_CHUNK_SLOT_BITS)

typedef struct {
  gint64 id;
  gint64 seq;
  gint64 words;
} ChunkRef;

/* What a story's stored chunks are, while a save replaces them. */
typedef struct {
  GHashTable *by_hash; /* "h|b" + hash → GArray of ChunkRef */
  GHashTable *slots;   /* taken slots */
  guint next_slot;
} OldChunks;

static void
old_chunks_free (OldChunks *old)
{
  g_hash_table_unref (old->by_hash);
  g_hash_table_unref (old->slots);
  g_free (old);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OldChunks, old_chunks_free)

typedef struct {
  char *hash;
  DeskStatus status;
  gint64 created;
  gint64 modified;
} Stored;

static void
set_not_found (gint64   id,
               GError **error)
{
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
               _("There is no story %lld in the library"), (long long) id);
}

static gboolean
read_stored (DeskDb  *self,
             gint64   id,
             Stored  *stored,
             GError **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "SELECT hash, status, created, modified "
                                              "FROM stories WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stored->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      stored->status = CLAMP (sqlite3_column_int (stmt, 1), 0, DESK_STATUS_PUBLISHED);
      stored->created = sqlite3_column_int64 (stmt, 2);
      stored->modified = sqlite3_column_int64 (stmt, 3);
    }
  else if (rc == SQLITE_DONE)
    set_not_found (id, error);
  else
    desk_db_set_error (self, rc, error);
  desk_db_release (stmt);
  return rc == SQLITE_ROW;
}

char *
desk_db_stored_hash (DeskDb  *self,
                     gint64   id,
                     GError **error)
{
  Stored stored = { 0 };

  if (!read_stored (self, id, &stored, error))
    return NULL;
  return stored.hash;
}

static gboolean
index_chunk (DeskDb      *self,
             gint64       rowid,
             const char  *command,
             const char  *headline,
             const char  *deck,
             const char  *body,
             GError     **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "INSERT INTO story_fts (story_fts, rowid, "
                                              "headline, deck, body) VALUES (?, ?, ?, ?, ?)",
                                        error);

  if (stmt == NULL)
    return FALSE;
  if (command)
    sqlite3_bind_text (stmt, 1, command, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rowid);
  sqlite3_bind_text (stmt, 3, headline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, deck, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_STATIC);
  return desk_db_step_done (self, stmt, error);
}

static gboolean
take_slot (OldChunks *old,
           gint64     story_id,
           gint64    *chunk_id)
{
  while (old->next_slot < MAX_SLOTS &&
         g_hash_table_contains (old->slots, GUINT_TO_POINTER (old->next_slot)))
    old->next_slot++;
  if (old->next_slot >= MAX_SLOTS)
    return FALSE;
  *chunk_id = (story_id << DESK_CHUNK_SLOT_BITS) | old->next_slot++;
  return TRUE;
}

static gboolean
insert_chunk (DeskDb      *self,
              gint64       story_id,
              int          seq,
              DeskChunk   *chunk,
              OldChunks   *old,
              DeskArticle *article,
              GError     **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "INSERT INTO chunks (id, story_id, seq, hash, "
                                              "words, data) VALUES (?, ?, ?, ?, ?, ?)", error);
  gsize size;
  const void *data = g_bytes_get_data (chunk->data, &size);
  gint64 rowid;

  if (stmt == NULL)
    return FALSE;
  if (!take_slot (old, story_id, &rowid))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED,
                   _("The story is too long to be saved"));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_int64 (stmt, 2, story_id);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_text (stmt, 4, chunk->hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, chunk->head ? 0 : desk_chunk_count_words (chunk));
  sqlite3_bind_blob (stmt, 6, data, size, SQLITE_STATIC);
  if (!desk_db_step_done (self, stmt, error))
    return FALSE;
  if (chunk->head)
    return index_chunk (self, rowid, NULL, chunk->text, desk_article_get_deck (article), "",
                        error);
  return index_chunk (self, rowid, NULL, "", "", chunk->text, error);
}

static gboolean
delete_chunk (DeskDb  *self,
              gint64   chunk_id,
              GError **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "SELECT seq, data FROM chunks WHERE id = ?", error);
  g_autoptr (GBytes) data = NULL;
  g_autofree char *text = NULL, *deck = NULL;
  gboolean head;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chunk_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      desk_db_set_error (self, sqlite3_errcode (self->db), error);
      desk_db_release (stmt);
      return FALSE;
    }
  head = sqlite3_column_int (stmt, 0) < 0;
  data = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
  desk_db_release (stmt);
  text = desk_codec_chunk_text (data, head, &deck);
  if (!index_chunk (self, chunk_id, "delete", head ? text : "", deck, head ? "" : text, error))
    return FALSE;
  stmt = desk_db_prepare (self, "DELETE FROM chunks WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chunk_id);
  return desk_db_step_done (self, stmt, error);
}

static gboolean
move_chunk (DeskDb  *self,
            gint64   chunk_id,
            int      seq,
            GError **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "UPDATE chunks SET seq = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, chunk_id);
  return desk_db_step_done (self, stmt, error);
}

static OldChunks *
read_old_chunks (DeskDb  *self,
                 gint64   story_id,
                 GError **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "SELECT id, seq, hash, words FROM chunks "
                                              "WHERE story_id = ?", error);
  g_autoptr (OldChunks) old = g_new0 (OldChunks, 1);
  int rc;

  old->by_hash = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  old->slots = g_hash_table_new (NULL, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, story_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChunkRef ref = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                       sqlite3_column_int64 (stmt, 3) };
      char *key = g_strconcat (ref.seq < 0 ? "h" : "b", sqlite3_column_text (stmt, 2), NULL);
      GArray *ids = g_hash_table_lookup (old->by_hash, key);

      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof ref);
          g_hash_table_insert (old->by_hash, g_strdup (key), ids);
        }
      g_array_append_val (ids, ref);
      g_hash_table_add (old->slots, GUINT_TO_POINTER (ref.id & (MAX_SLOTS - 1)));
      g_free (key);
    }
  desk_db_release (stmt);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&old);
  desk_db_set_error (self, rc, error);
  return NULL;
}

static char *
chunk_key (DeskChunk *chunk)
{
  return g_strconcat (chunk->head ? "h" : "b", chunk->hash, NULL);
}

/* Words of the body: stored counts for the chunks that did not change. */
static gint64
count_words (GPtrArray *chunks,
             OldChunks *old)
{
  gint64 words = 0;

  for (guint i = 0; i < chunks->len; i++)
    {
      DeskChunk *chunk = g_ptr_array_index (chunks, i);
      g_autofree char *key = chunk_key (chunk);
      GArray *ids = g_hash_table_lookup (old->by_hash, key);

      if (!chunk->head && ids && ids->len > 0)
        chunk->words = g_array_index (ids, ChunkRef, 0).words;
      words += chunk->head ? 0 : desk_chunk_count_words (chunk);
    }
  return words;
}

static gboolean
delete_leftover_chunks (DeskDb     *self,
                        GHashTable *old,
                        GError    **error)
{
  GHashTableIter iter;
  GArray *ids;

  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &ids))
    for (guint i = 0; i < ids->len; i++)
      if (!delete_chunk (self, g_array_index (ids, ChunkRef, i).id, error))
        return FALSE;
  return TRUE;
}

/* Writes only the chunks that changed; the unchanged ones at most move. */
static gboolean
sync_chunks (DeskDb      *self,
             gint64       story_id,
             GPtrArray   *chunks,
             OldChunks   *old,
             DeskArticle *article,
             GError     **error)
{
  for (guint i = 0; i < chunks->len; i++)
    {
      DeskChunk *chunk = g_ptr_array_index (chunks, i);
      g_autofree char *key = chunk_key (chunk);
      GArray *ids = g_hash_table_lookup (old->by_hash, key);
      int seq = chunk->head ? -1 : (int) i - 1;
      gboolean ok;

      if (ids && ids->len > 0)
        {
          ChunkRef ref = g_array_index (ids, ChunkRef, 0);

          g_array_remove_index (ids, 0);
          ok = ref.seq == seq || move_chunk (self, ref.id, seq, error);
        }
      else
        ok = insert_chunk (self, story_id, seq, chunk, old, article, error);
      if (!ok)
        return FALSE;
    }
  return delete_leftover_chunks (self, old->by_hash, error);
}

static void
bind_story (sqlite3_stmt *stmt,
            DeskArticle  *article,
            GBytes       *meta,
            const char   *hash,
            gint64        words,
            gint64        now)
{
  gsize size;
  const void *data = g_bytes_get_data (meta, &size);

  sqlite3_bind_text (stmt, 1, desk_article_get_headline (article), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, desk_article_get_kicker (article), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, desk_article_get_deck (article), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, desk_article_get_status (article));
  sqlite3_bind_text (stmt, 5, desk_article_get_language (article), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, words);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_blob (stmt, 8, data, size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_STATIC);
}

static gint64
write_story_row (DeskDb      *self,
                 DeskArticle *article,
                 GBytes      *meta,
                 const char  *hash,
                 gint64       words,
                 gint64       now,
                 GError     **error)
{
  gint64 id = desk_article_get_id (article);
  gint64 created = desk_article_get_created (article);
  sqlite3_stmt *stmt;

  if (id != 0)
    stmt = desk_db_prepare (self, "UPDATE stories SET headline = ?1, kicker = ?2, deck = ?3, "
                                  "status = ?4, language = ?5, words = ?6, modified = ?7, "
                                  "meta = ?8, hash = ?9 WHERE id = ?10", error);
  else
    stmt = desk_db_prepare (self, "INSERT INTO stories (headline, kicker, deck, status, "
                                  "language, words, modified, meta, hash, created) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return 0;
  bind_story (stmt, article, meta, hash, words, now);
  sqlite3_bind_int64 (stmt, 10, id != 0 ? id : (created > 0 ? created : now));
  if (!desk_db_step_done (self, stmt, error))
    return 0;
  return id != 0 ? id : sqlite3_last_insert_rowid (self->db);
}

/* The caller holds a write transaction. */
gboolean
desk_db_save_in_transaction (DeskDb       *self,
                             DeskArticle  *article,
                             gboolean      record_status,
                             GError      **error)
{
  g_autoptr (GBytes) meta = desk_codec_encode_meta (article);
  g_autoptr (GPtrArray) chunks = desk_codec_split_chunks (article);
  g_autofree char *hash = desk_codec_story_hash (article, meta, chunks);
  gint64 id = desk_article_get_id (article), now = desk_db_now (self);
  Stored stored = { NULL, DESK_STATUS_DRAFT, now, now };
  g_autofree char *stored_hash = NULL;
  g_autoptr (OldChunks) old = NULL;

  if (id != 0 && !read_stored (self, id, &stored, error))
    return FALSE;
  stored_hash = stored.hash;
  if (id != 0 && g_strcmp0 (stored_hash, hash) == 0)
    {
      desk_article_set_created (article, stored.created);
      desk_article_set_modified (article, stored.modified);
      return TRUE;
    }
  if (id == 0 && desk_article_get_created (article) > 0)
    stored.created = desk_article_get_created (article);
  old = read_old_chunks (self, id, error);
  if (old == NULL)
    return FALSE;
  id = write_story_row (self, article, meta, hash, count_words (chunks, old), now, error);
  if (id == 0 || !sync_chunks (self, id, chunks, old, article, error))
    return FALSE;
  desk_article_set_id (article, id);
  desk_article_set_created (article, stored.created);
  desk_article_set_modified (article, now);
  if (record_status && stored_hash && stored.status != desk_article_get_status (article))
    return desk_db_insert_revision (self, article, DESK_REVISION_STATUS, NULL, hash, error) > 0;
  return TRUE;
}

gboolean
desk_db_save (DeskDb       *self,
              DeskArticle  *article,
              GError      **error)
{
  gint64 id = desk_article_get_id (article);
  gint64 created = desk_article_get_created (article);
  gint64 modified = desk_article_get_modified (article);

  if (!desk_db_begin (self, error))
    return FALSE;
  if (!desk_db_save_in_transaction (self, article, TRUE, error) || !desk_db_commit (self, error))
    {
      /* a failed save leaves the caller's story as it was */
      desk_db_rollback (self);
      desk_article_set_id (article, id);
      desk_article_set_created (article, created);
      desk_article_set_modified (article, modified);
      return FALSE;
    }
  return TRUE;
}

static DeskArticle *
read_story_row (DeskDb  *self,
                gint64   id,
                GError **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "SELECT headline, kicker, deck, status, language, "
                                              "created, modified, meta FROM stories "
                                              "WHERE id = ?", error);
  DeskArticle *article = NULL;
  g_autoptr (GBytes) meta = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      article = desk_article_new ();
      desk_article_set_id (article, id);
      desk_article_set_headline (article, (const char *) sqlite3_column_text (stmt, 0));
      desk_article_set_kicker (article, (const char *) sqlite3_column_text (stmt, 1));
      desk_article_set_deck (article, (const char *) sqlite3_column_text (stmt, 2));
      desk_article_set_status (article, CLAMP (sqlite3_column_int (stmt, 3), 0,
                                               DESK_STATUS_PUBLISHED));
      desk_article_set_language (article, (const char *) sqlite3_column_text (stmt, 4));
      desk_article_set_created (article, sqlite3_column_int64 (stmt, 5));
      desk_article_set_modified (article, sqlite3_column_int64 (stmt, 6));
      meta = g_bytes_new (sqlite3_column_blob (stmt, 7), sqlite3_column_bytes (stmt, 7));
      desk_codec_decode_meta (meta, article);
    }
  else if (rc == SQLITE_DONE)
    set_not_found (id, error);
  else
    desk_db_set_error (self, rc, error);
  desk_db_release (stmt);
  return article;
}

static gboolean
read_body (DeskDb      *self,
           DeskArticle *article,
           GError     **error)
{
  sqlite3_stmt *stmt = desk_db_prepare (self, "SELECT data FROM chunks WHERE story_id = ? "
                                              "AND seq >= 0 ORDER BY seq", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, desk_article_get_id (article));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GBytes) data = g_bytes_new_static (sqlite3_column_blob (stmt, 0),
                                                    sqlite3_column_bytes (stmt, 0));

      if (!desk_codec_decode_chunk (data, FALSE, article))
        {
          rc = SQLITE_CORRUPT;
          break;
        }
    }
  desk_db_release (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  desk_db_set_error (self, rc, error);
  return FALSE;
}

/* The caller holds a transaction. */
DeskArticle *
desk_db_read_story (DeskDb  *self,
                    gint64   id,
                    GError **error)
{
  g_autoptr (DeskArticle) article = read_story_row (self, id, error);

  if (article == NULL || !read_body (self, article, error))
    return NULL;
  return g_steal_pointer (&article);
}

DeskArticle *
desk_db_load (DeskDb  *self,
              gint64   id,
              GError **error)
{
  DeskArticle *article;

  if (!desk_db_exec (self, "BEGIN", error))
    return NULL;
  article = desk_db_read_story (self, id, error);
  desk_db_rollback (self);
  return article;
}

gboolean
desk_db_set_trashed (DeskDb    *self,
                     gint64     id,
                     gboolean   trashed,
                     GError   **error)
{
  sqlite3_stmt *stmt;

  if (!desk_db_check_writable (self, error))
    return FALSE;
  stmt = desk_db_prepare (self, "UPDATE stories SET trashed = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trashed ? desk_db_now (self) : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!desk_db_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 1)
    return TRUE;
  set_not_found (id, error);
  return FALSE;
}

static gboolean
query_is_plain_and (const char *query)
{
  g_auto (GStrv) words = g_strsplit_set (query, " \t\n()\"", -1);

  /* operators, column filters and NEAR group terms inside one chunk */
  if (strpbrk (query, ":^+{}") != NULL)
    return FALSE;
  for (guint i = 0; words[i]; i++)
    if (g_str_equal (words[i], "OR") || g_str_equal (words[i], "NOT") ||
        g_str_has_prefix (words[i], "NEAR"))
      return FALSE;
  return TRUE;
}

/* A story matches when every AND-ed term matches one of its chunks, so the
 * query is split at its top-level spaces; anything with OR, NOT, NEAR or
 * column filters is matched chunk by chunk as one FTS5 query. */
GPtrArray *
desk_db_split_query (const char *query)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  int depth = 0;
  const char *start = query;

  if (!query_is_plain_and (query))
    {
      g_ptr_array_add (groups, g_strdup (query));
      return groups;
    }
  for (const char *p = query;; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '(')
        depth++;
      else if (!quoted && *p == ')')
        depth--;
      if (*p == '\0' || (!quoted && depth == 0 && g_ascii_isspace (*p)))
        {
          g_autofree char *group = g_strndup (start, p - start);

          if (group[0] && !g_str_equal (group, "AND"))
            g_ptr_array_add (groups, g_steal_pointer (&group));
          start = p + 1;
        }
      if (*p == '\0')
        break;
    }
  if (groups->len == 0)
    g_ptr_array_add (groups, g_strdup (query));
  return groups;
}

/* The WHERE clause: the status parameter first, then one per query group. */
static char *
build_filter (GPtrArray *groups,
              int        status)
{
  GString *sql = g_string_new ("trashed = 0");

  if (status != DESK_STATUS_ANY)
    g_string_append (sql, " AND status = ?");
  if (groups && groups->len > 0)
    {
      g_string_append (sql, " AND id IN (");
      for (guint i = 0; i < groups->len; i++)
        g_string_append_printf (sql, "%s" MATCH_GROUP, i ? " INTERSECT " : "");
      g_string_append (sql, ")");
    }
  return g_string_free (sql, FALSE);
}

/* Returns the next parameter's number. */
static int
bind_filter (sqlite3_stmt *stmt,
             GPtrArray    *groups,
             int           status)
{
  int n = 1;

  if (status != DESK_STATUS_ANY)
    sqlite3_bind_int (stmt, n++, status);
  for (guint i = 0; groups && i < groups->len; i++)
    sqlite3_bind_text (stmt, n++, g_ptr_array_index (groups, i), -1, SQLITE_STATIC);
  return n;
}

static GPtrArray *
groups_for (const char *query)
{
  return query && query[0] ? desk_db_split_query (query) : NULL;
}

static void
set_step_error (DeskDb      *self,
                int          rc,
                const char  *query,
                GError     **error)
{
  if (query && query[0] && (rc & 0xff) == SQLITE_ERROR)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_QUERY,
                 _("The search “%s” is not valid: %s"), query, sqlite3_errmsg (self->db));
  else
    desk_db_set_error (self, rc, error);
}

static sqlite3_stmt *
prepare_query (DeskDb      *self,
               const char  *sql,
               const char  *query,
               GError     **error)
{
  g_autoptr (GError) local = NULL;
  sqlite3_stmt *stmt = desk_db_prepare (self, sql, &local);

  if (stmt == NULL)
    set_step_error (self, sqlite3_errcode (self->db), query, error);
  return stmt;
}

gboolean
desk_db_count (DeskDb      *self,
               const char  *query,
               int          status,
               guint       *count,
               GError     **error)
{
  g_autoptr (GPtrArray) groups = groups_for (query);
  g_autofree char *filter = build_filter (groups, status);
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM stories WHERE ", filter, NULL);
  sqlite3_stmt *stmt = prepare_query (self, sql, query, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, groups, status);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  else
    set_step_error (self, rc, query, error);
  desk_db_release (stmt);
  return rc == SQLITE_ROW;
}

/* Without a query the page is found in the index alone (a deferred join), so
 * a large OFFSET skips index entries, never story rows. */
static char *
build_list_sql (GPtrArray *groups,
                int        status)
{
  g_autofree char *filter = build_filter (groups, status);

  if (groups)
    return g_strconcat ("SELECT " SUMMARY_COLUMNS " FROM stories WHERE ", filter,
                        " ORDER BY modified DESC, id DESC LIMIT ? OFFSET ?", NULL);
  return g_strconcat ("SELECT " SUMMARY_COLUMNS " FROM stories WHERE id IN (SELECT id FROM "
                      "stories WHERE ", filter, " ORDER BY modified DESC, id DESC "
                      "LIMIT ? OFFSET ?) ORDER BY modified DESC, id DESC", NULL);
}

GPtrArray *
desk_db_list (DeskDb      *self,
              const char  *query,
              int          status,
              guint        offset,
              guint        limit,
              GError     **error)
{
  g_autoptr (GPtrArray) groups = groups_for (query);
  g_autofree char *sql = build_list_sql (groups, status);
  sqlite3_stmt *stmt = prepare_query (self, sql, query, error);
  g_autoptr (GPtrArray) rows = NULL;
  int rc, n;

  if (stmt == NULL)
    return NULL;
  n = bind_filter (stmt, groups, status);
  sqlite3_bind_int64 (stmt, n, limit);
  sqlite3_bind_int64 (stmt, n + 1, offset);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, desk_summary_new (sqlite3_column_int64 (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2),
                                             CLAMP (sqlite3_column_int (stmt, 3), 0,
                                                    DESK_STATUS_PUBLISHED),
                                             sqlite3_column_int64 (stmt, 4),
                                             sqlite3_column_int (stmt, 5)));
  desk_db_release (stmt);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&rows);
  set_step_error (self, rc, query, error);
  return NULL;
}

/* The SQL that desk_db_count () and desk_db_list () run, with the values in
 * place of the parameters, for the benchmark to hand to the sqlite3 shell. */
static char *
inline_parameters (const char *sql,
                   GPtrArray  *values)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = sql; *p; p++)
    if (*p == '?' && n < values->len)
      g_string_append (out, g_ptr_array_index (values, n++));
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

void
desk_db_query_sql (const char  *query,
                   int          status,
                   guint        offset,
                   guint        limit,
                   char       **count_sql,
                   char       **list_sql)
{
  g_autoptr (GPtrArray) groups = groups_for (query);
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *filter = build_filter (groups, status);
  g_autofree char *count = g_strconcat ("SELECT count(*) FROM stories WHERE ", filter, NULL);
  g_autofree char *list = build_list_sql (groups, status);

  if (status != DESK_STATUS_ANY)
    g_ptr_array_add (values, g_strdup_printf ("%d", status));
  for (guint i = 0; groups && i < groups->len; i++)
    {
      char *quoted = sqlite3_mprintf ("%Q", (const char *) g_ptr_array_index (groups, i));

      g_ptr_array_add (values, g_strdup (quoted));
      sqlite3_free (quoted);
    }
  *count_sql = inline_parameters (count, values);
  g_ptr_array_add (values, g_strdup_printf ("%u", limit));
  g_ptr_array_add (values, g_strdup_printf ("%u", offset));
  *list_sql = inline_parameters (list, values);
}
