/* desk-store-private.h — what the parts of DeskStore share (not installed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "desk-store.h"

G_BEGIN_DECLS

/* One SQLite connection with its prepared statements. DeskStore has two:
 * the main one for the sync API and a worker one for the async API. */
typedef struct {
  sqlite3 *db;
  char *path;
  GHashTable *statements; /* SQL text → sqlite3_stmt */
  gboolean read_only;
  gint64 fixed_now;       /* tests: a clock that stands still; 0 = real time */
  gint64 keep_autosaves;  /* the newest autosave revisions that are never thinned */
  gint *damaged;          /* shared by a store's connections: SQLite met a damaged file */
} DeskDb;

/* One step of the schema: SQL run in one transaction, taking the file from
 * version (index) to version (index + 1). */
extern const char *const desk_store_migrations[];
extern const guint desk_store_n_migrations;

#define DESK_STORE_SCHEMA_VERSION ((int) desk_store_n_migrations)

/* desk-store-db.c */
DeskDb       *desk_db_open               (const char    *path,
                                          gboolean       read_only,
                                          GError       **error);
void          desk_db_close              (DeskDb        *self);
sqlite3_stmt *desk_db_prepare            (DeskDb        *self,
                                          const char    *sql,
                                          GError       **error);
void          desk_db_release            (sqlite3_stmt  *stmt);
gboolean      desk_db_exec               (DeskDb        *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      desk_db_step_done          (DeskDb        *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      desk_db_begin              (DeskDb        *self,
                                          GError       **error);
gboolean      desk_db_commit             (DeskDb        *self,
                                          GError       **error);
void          desk_db_rollback           (DeskDb        *self);
gboolean      desk_db_check_writable     (DeskDb        *self,
                                          GError       **error);
void          desk_db_set_error          (DeskDb        *self,
                                          int            rc,
                                          GError       **error);
gint64        desk_db_now                (DeskDb        *self);
int           desk_db_user_version       (DeskDb        *self);
gboolean      desk_db_migrate            (DeskDb        *self,
                                          int            target,
                                          GError       **error);

/* desk-store-check.c */
gboolean      desk_db_check_file         (const char    *path,
                                          gboolean       read_only,
                                          gboolean      *checked,
                                          GError       **error);
int           desk_db_hold_file          (const char    *path);
void          desk_db_release_file       (const char    *path,
                                          int            fd,
                                          gboolean       good);
void          desk_db_forget_file        (const char    *path);

/* desk-store-codec.c: the stored form of a story (GVariant, little-endian) */
typedef struct {
  char *hash;   /* of @data */
  GBytes *data; /* the serialized blocks, or for the head chunk headline and deck */
  char *text;   /* what full-text search indexes */
  gboolean head;
  GPtrArray *blocks; /* of DeskBlock, for a body chunk */
  gint64 words;      /* -1 until counted */
} DeskChunk;

/* A chunk's rowid in `chunks` and `story_fts` is story id << 16 | slot, so a
 * search maps hits to stories without a lookup. */
#define DESK_CHUNK_SLOT_BITS 16

void          desk_chunk_free            (DeskChunk     *chunk);
guint         desk_chunk_count_words     (DeskChunk     *chunk);
GBytes       *desk_codec_encode_meta     (DeskArticle   *article);
gboolean      desk_codec_decode_meta     (GBytes        *data,
                                          DeskArticle   *article);
GPtrArray    *desk_codec_split_chunks    (DeskArticle   *article);
gboolean      desk_codec_decode_chunk    (GBytes        *data,
                                          gboolean       head,
                                          DeskArticle   *article);
char         *desk_codec_chunk_text      (GBytes        *data,
                                          gboolean       head,
                                          char         **deck);
char         *desk_codec_story_hash      (DeskArticle   *article,
                                          GBytes        *meta,
                                          GPtrArray     *chunks);
GBytes       *desk_codec_encode_snapshot (DeskArticle   *article);
DeskArticle  *desk_codec_decode_snapshot (GBytes        *data);

/* desk-store-stories.c */
gboolean      desk_db_save               (DeskDb        *self,
                                          DeskArticle   *article,
                                          GError       **error);
gboolean      desk_db_save_in_transaction (DeskDb       *self,
                                           DeskArticle  *article,
                                           gboolean      record_status,
                                           GError      **error);
DeskArticle  *desk_db_read_story         (DeskDb        *self,
                                          gint64         id,
                                          GError       **error);
DeskArticle  *desk_db_load               (DeskDb        *self,
                                          gint64         id,
                                          GError       **error);
gboolean      desk_db_set_trashed        (DeskDb        *self,
                                          gint64         id,
                                          gboolean       trashed,
                                          GError       **error);
gboolean      desk_db_count              (DeskDb        *self,
                                          const char    *query,
                                          int            status,
                                          guint         *count,
                                          GError       **error);
GPtrArray    *desk_db_list               (DeskDb        *self,
                                          const char    *query,
                                          int            status,
                                          guint          offset,
                                          guint          limit,
                                          GError       **error);
GPtrArray    *desk_db_split_query        (const char    *query);
void          desk_db_query_sql          (const char    *query,
                                          int            status,
                                          guint          offset,
                                          guint          limit,
                                          char         **count_sql,
                                          char         **list_sql);
char         *desk_db_stored_hash        (DeskDb        *self,
                                          gint64         id,
                                          GError       **error);

/* desk-store-revisions.c */
gint64        desk_db_insert_revision    (DeskDb        *self,
                                          DeskArticle   *article,
                                          DeskRevisionKind kind,
                                          const char    *label,
                                          const char    *hash,
                                          GError       **error);
gint64        desk_db_add_revision       (DeskDb        *self,
                                          gint64         story_id,
                                          DeskRevisionKind kind,
                                          const char    *label,
                                          GError       **error);
GPtrArray    *desk_db_list_revisions     (DeskDb        *self,
                                          gint64         story_id,
                                          GError       **error);
DeskArticle  *desk_db_load_revision      (DeskDb        *self,
                                          gint64         revision_id,
                                          GError       **error);
DeskArticle  *desk_db_restore_revision   (DeskDb        *self,
                                          gint64         revision_id,
                                          GError       **error);

/* desk-store.c: hooks for tests and the benchmark */
void          desk_store_set_fixed_now   (DeskStore     *self,
                                          gint64         unix_time);
DeskDb       *desk_store_get_db          (DeskStore     *self);
DeskDb       *desk_store_lock_worker     (DeskStore     *self,
                                          GError       **error);
void          desk_store_unlock_worker   (DeskStore     *self);
gboolean      desk_store_get_open_checked (DeskStore    *self);

G_END_DECLS
