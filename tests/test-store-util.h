/* test-store-util.h — what the store's tests share: a temporary library,
 * stories to save, and waiting for an async call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-store.h"

G_BEGIN_DECLS

typedef struct {
  char *dir;
  char *path;   /* library.db in dir, not created */
} StoreFixture;

void          store_fixture_set_up     (StoreFixture  *f,
                                        gconstpointer  data);
void          store_fixture_tear_down  (StoreFixture  *f,
                                        gconstpointer  data);

/* Opens read-write, asserting it opens. */
DeskStore    *open_store               (const char    *path);
/* A story with kicker "News" and a paragraph for each line of @body. */
DeskArticle  *make_story               (const char    *headline,
                                        const char    *body);
/* A story with every field and kind of block, to check nothing is lost. */
DeskArticle  *make_full_story          (void);
/* Saves a make_story () with @status; returns its id. */
gint64        save_story               (DeskStore     *store,
                                        const char    *headline,
                                        const char    *body,
                                        DeskStatus     status);
/* Opening @path fails with DESK_STORE_ERROR @code, names the file, and
 * leaves it as it was. */
void          assert_refused_unchanged (const char    *path,
                                        int            code);

/* g_auto (Waiter) waiter = { g_main_loop_new (NULL, FALSE), NULL }; pass
 * store_done_cb and &waiter to an _async call, then wait_for (&waiter) to
 * its _finish. The result stays valid until the next wait or the cleanup. */
typedef struct {
  GMainLoop *loop;
  GAsyncResult *result;
} Waiter;

void          store_done_cb            (GObject       *source,
                                        GAsyncResult  *result,
                                        gpointer       user_data);
GAsyncResult *wait_for                 (Waiter        *waiter);
void          waiter_clear             (Waiter        *waiter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Waiter, waiter_clear)

G_END_DECLS
