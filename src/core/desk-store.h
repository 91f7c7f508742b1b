/* desk-store.h — the SQLite library of stories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-article.h"
#include "desk-revision.h"
#include "desk-summary.h"

G_BEGIN_DECLS

#define DESK_STORE_ERROR (desk_store_error_quark ())

typedef enum {
  DESK_STORE_ERROR_NOT_A_DATABASE, /* the file is not SQLite */
  DESK_STORE_ERROR_CORRUPT,        /* quick_check failed */
  DESK_STORE_ERROR_NEWER_SCHEMA,   /* written by a newer Copydesk */
  DESK_STORE_ERROR_READ_ONLY,      /* file or folder not writable, or opened read-only */
  DESK_STORE_ERROR_DISK_FULL,
  DESK_STORE_ERROR_NOT_FOUND,      /* no story or revision with that id */
  DESK_STORE_ERROR_BUSY,           /* locked by another process for too long */
  DESK_STORE_ERROR_QUERY,          /* a search query SQLite cannot parse */
  DESK_STORE_ERROR_FAILED,
} DeskStoreError;

typedef enum {
  DESK_STORE_OPEN_DEFAULT   = 0,
  DESK_STORE_OPEN_READ_ONLY = 1 << 0,
} DeskStoreOpenFlags;

/* Filters of the library list: a status, or every status. */
#define DESK_STATUS_ANY (-1)

#define DESK_TYPE_STORE (desk_store_get_type ())

G_DECLARE_FINAL_TYPE (DeskStore, desk_store, DESK, STORE, GObject)

GQuark        desk_store_error_quark       (void);
char         *desk_store_default_path      (void);

/* Opening creates the file (and its folder) when missing and migrates an
 * older schema. A file that is not SQLite, is corrupt or is newer is
 * refused and left byte-for-byte as it was. */
DeskStore    *desk_store_open              (const char         *path,
                                            DeskStoreOpenFlags  flags,
                                            GError            **error);
const char   *desk_store_get_path          (DeskStore          *self);
gboolean      desk_store_is_read_only      (DeskStore          *self);
int           desk_store_get_schema_version (DeskStore         *self);

/* Stories. Saving assigns an id to a new story (id 0), sets created (kept
 * when the new story carries one) and modified, and writes nothing when the
 * stored story is already equal. Saving a story whose status differs from
 * the stored one also records a DESK_REVISION_STATUS revision, in the same
 * transaction. A failed save leaves @article and the file as they were. */
gboolean      desk_store_save              (DeskStore          *self,
                                            DeskArticle        *article,
                                            GError            **error);
gboolean      desk_store_save_all          (DeskStore          *self,
                                            GPtrArray          *articles,
                                            GError            **error);
DeskArticle  *desk_store_load              (DeskStore          *self,
                                            gint64              id,
                                            GError            **error);
/* Deleting moves a story to the trash, from which it can come back. */
gboolean      desk_store_trash             (DeskStore          *self,
                                            gint64              id,
                                            GError            **error);
gboolean      desk_store_untrash           (DeskStore          *self,
                                            gint64              id,
                                            GError            **error);

/* The library list: stories not in the trash, newest change first.
 * @query is NULL or "" for all, else an FTS5 query ("raid*"); a query
 * SQLite cannot parse gives DESK_STORE_ERROR_QUERY. Terms joined by spaces
 * or AND match anywhere in a story (headline, deck, body); a query with OR,
 * NOT, NEAR or column filters is matched within one part of the story (the
 * headline and deck, or a stretch of about 16 body blocks). Paging uses
 * OFFSET over the index alone, never reading the skipped stories' rows.
 * desk_store_count () returns 0 on error: check @error. */
guint         desk_store_count             (DeskStore          *self,
                                            const char         *query,
                                            int                 status,
                                            GError            **error);
GPtrArray    *desk_store_list              (DeskStore          *self,
                                            const char         *query,
                                            int                 status,
                                            guint               offset,
                                            guint               limit,
                                            GError            **error);
char         *desk_store_query_from_text   (const char         *text);

/* Revisions: full snapshots of the stored story, listed newest first. An
 * autosave equal to the newest revision adds none; autosaves beyond the
 * newest 20 are thinned to one an hour for a day, then one a day. Restoring
 * writes the revision back as the story and records a DESK_REVISION_RESTORE
 * revision; the state it replaced is kept as a revision first, so a
 * restore is undone by restoring that one. */
gint64        desk_store_add_revision      (DeskStore          *self,
                                            gint64              story_id,
                                            DeskRevisionKind    kind,
                                            const char         *label,
                                            GError            **error);
GPtrArray    *desk_store_list_revisions    (DeskStore          *self,
                                            gint64              story_id,
                                            GError            **error);
DeskArticle  *desk_store_load_revision     (DeskStore          *self,
                                            gint64              revision_id,
                                            GError            **error);
DeskArticle  *desk_store_restore_revision  (DeskStore          *self,
                                            gint64              revision_id,
                                            GError            **error);

/* The same, off the calling thread: a worker with its own connection, so
 * the main loop never waits on the disk. @article is copied at the call. */
void          desk_store_save_async        (DeskStore          *self,
                                            DeskArticle        *article,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
/* Returns the saved copy (with its id and timestamps), or NULL. */
DeskArticle  *desk_store_save_finish       (DeskStore          *self,
                                            GAsyncResult       *result,
                                            GError            **error);
void          desk_store_load_async        (DeskStore          *self,
                                            gint64              id,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
DeskArticle  *desk_store_load_finish       (DeskStore          *self,
                                            GAsyncResult       *result,
                                            GError            **error);
/* Returns the revision id (as desk_store_add_revision ()), or 0 with @error set. */
void          desk_store_add_revision_async (DeskStore         *self,
                                            gint64              story_id,
                                            DeskRevisionKind    kind,
                                            const char         *label,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gint64        desk_store_add_revision_finish (DeskStore        *self,
                                            GAsyncResult       *result,
                                            GError            **error);
void          desk_store_list_async        (DeskStore          *self,
                                            const char         *query,
                                            int                 status,
                                            guint               offset,
                                            guint               limit,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
GPtrArray    *desk_store_list_finish       (DeskStore          *self,
                                            GAsyncResult       *result,
                                            GError            **error);
void          desk_store_count_async       (DeskStore          *self,
                                            const char         *query,
                                            int                 status,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean      desk_store_count_finish      (DeskStore          *self,
                                            GAsyncResult       *result,
                                            guint              *count,
                                            GError            **error);

G_END_DECLS
