/* test-store-revisions.c — the store's revisions: recorded, listed, loaded,
 * restored (and the restore undone), thinned, and added off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>

#include "desk-store.h"
#include "desk-store-private.h"
#include "test-store-util.h"

static DeskRevision *
revision_at (GPtrArray *revisions,
             guint      index)
{
  g_assert_cmpuint (index, <, revisions->len);
  return g_ptr_array_index (revisions, index);
}

static void
test_revisions (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (DeskArticle) article = make_story ("First", "Draft text.");
  g_autoptr (DeskArticle) old = NULL, restored = NULL, back = NULL, loaded = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  gint64 manual, id;

  desk_store_set_fixed_now (store, 1700000000);
  g_assert_true (desk_store_save (store, article, &error));
  id = desk_article_get_id (article);
  manual = desk_store_add_revision (store, id, DESK_REVISION_MANUAL, "Sent to desk", &error);
  g_assert_no_error (error);
  g_assert_cmpint (manual, >, 0);

  /* a status change records itself */
  desk_store_set_fixed_now (store, 1700000100);
  desk_article_set_headline (article, "Second");
  desk_article_set_status (article, DESK_STATUS_READY);
  g_assert_true (desk_store_save (store, article, &error));
  revisions = desk_store_list_revisions (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpint (revision_at (revisions, 0)->kind, ==, DESK_REVISION_STATUS);
  g_assert_cmpstr (revision_at (revisions, 0)->headline, ==, "Second");
  g_assert_cmpint (revision_at (revisions, 0)->created, ==, 1700000100);
  g_assert_cmpint (revision_at (revisions, 1)->id, ==, manual);
  g_assert_cmpstr (revision_at (revisions, 1)->label, ==, "Sent to desk");
  g_assert_cmpuint (revision_at (revisions, 1)->words, ==, 2);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  old = desk_store_load_revision (store, manual, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_article_get_headline (old), ==, "First");
  g_assert_cmpint (desk_article_get_id (old), ==, id);

  /* edit further, then restore the manual version */
  desk_block_set_text (desk_article_get_block (article, 0), "Unsaved in any revision.");
  g_assert_true (desk_store_save (store, article, &error));
  restored = desk_store_restore_revision (store, manual, &error);
  g_assert_no_error (error);
  g_assert_true (desk_article_equal_content (restored, old));
  loaded = desk_store_load (store, id, &error);
  g_assert_true (desk_article_equal_content (loaded, old));
  revisions = desk_store_list_revisions (store, id, &error);
  g_assert_cmpuint (revisions->len, ==, 4);
  g_assert_cmpint (revision_at (revisions, 0)->kind, ==, DESK_REVISION_RESTORE);
  g_assert_cmpint (revision_at (revisions, 1)->kind, ==, DESK_REVISION_AUTOSAVE);

  /* and undo the restore by restoring the state it replaced */
  back = desk_store_restore_revision (store, revision_at (revisions, 1)->id, &error);
  g_assert_no_error (error);
  g_assert_true (desk_article_equal_content (back, article));
  g_clear_object (&loaded);
  loaded = desk_store_load (store, id, &error);
  g_assert_true (desk_article_equal_content (loaded, article));

  g_assert_null (desk_store_load_revision (store, 999, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (desk_store_list_revisions (store, 999, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

static guint
count_kind (GPtrArray        *revisions,
            DeskRevisionKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < revisions->len; i++)
    n += revision_at (revisions, i)->kind == kind;
  return n;
}

/* Autosaves every 10 minutes for 5 days stay bounded; nothing else is thinned. */
static void
test_revisions_thinning (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (DeskArticle) article = make_story ("Long day", "Start.");
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  const gint64 start = 1700000000, step = 600, n = 5 * 24 * 6;
  gint64 last = 0, id;

  desk_store_set_fixed_now (store, start);
  g_assert_true (desk_store_save (store, article, &error));
  id = desk_article_get_id (article);
  g_assert_cmpint (desk_store_add_revision (store, id, DESK_REVISION_MANUAL, "kept", &error), >, 0);
  for (gint64 i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Edit %" G_GINT64_FORMAT, i);

      desk_store_set_fixed_now (store, start + i * step);
      desk_block_set_text (desk_article_get_block (article, 0), text);
      g_assert_true (desk_store_save (store, article, &error));
      last = desk_store_add_revision (store, id, DESK_REVISION_AUTOSAVE, NULL, &error);
      g_assert_no_error (error);
    }
  /* an autosave of an unchanged story adds nothing */
  g_assert_cmpint (desk_store_add_revision (store, id, DESK_REVISION_AUTOSAVE, NULL, &error), ==,
                   last);

  revisions = desk_store_list_revisions (store, id, &error);
  g_assert_cmpuint (count_kind (revisions, DESK_REVISION_MANUAL), ==, 1);
  /* 20 newest, at most one an hour for the last day, one a day before */
  g_assert_cmpuint (count_kind (revisions, DESK_REVISION_AUTOSAVE), <=, 20 + 24 + 6);
  g_assert_cmpuint (count_kind (revisions, DESK_REVISION_AUTOSAVE), >=, 20 + 20 + 4);
  for (guint i = 0; i < 20; i++)
    g_assert_cmpint (revision_at (revisions, i)->created, ==, start + (n - 1 - i) * step);
  /* the oldest day is still there */
  g_assert_cmpint (revision_at (revisions, revisions->len - 2)->created, <, start + 86400);
}

static gint64
add_revision_and_wait (DeskStore         *store,
                       gint64             id,
                       DeskRevisionKind   kind,
                       const char        *label,
                       GError           **error)
{
  g_auto (Waiter) waiter = { g_main_loop_new (NULL, FALSE), NULL };
  g_autofree char *copy = g_strdup (label);
  gint64 revision;

  desk_store_add_revision_async (store, id, kind, copy, NULL, store_done_cb, &waiter);
  /* the call copied the label */
  g_clear_pointer (&copy, g_free);
  revision = desk_store_add_revision_finish (store, wait_for (&waiter), error);
  return revision;
}

/* Revisions off the main thread: the same rules as desk_store_add_revision (). */
static void
test_revisions_async (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr (DeskStore) store = open_store (f->path);
  g_autoptr (DeskArticle) article = make_story ("Before", "Text of the first state.");
  g_autoptr (DeskArticle) old = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id, manual, autosave;

  g_assert_true (desk_store_save (store, article, &error));
  id = desk_article_get_id (article);
  manual = add_revision_and_wait (store, id, DESK_REVISION_MANUAL, "Sent to desk", &error);
  g_assert_no_error (error);
  g_assert_cmpint (manual, >, 0);

  desk_article_set_headline (article, "After");
  g_assert_true (desk_store_save (store, article, &error));
  autosave = add_revision_and_wait (store, id, DESK_REVISION_AUTOSAVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (autosave, >, manual);
  /* an autosave of an unchanged story adds none */
  g_assert_cmpint (add_revision_and_wait (store, id, DESK_REVISION_AUTOSAVE, NULL, &error), ==,
                   autosave);
  g_assert_no_error (error);

  revisions = desk_store_list_revisions (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpint (revision_at (revisions, 0)->kind, ==, DESK_REVISION_AUTOSAVE);
  g_assert_cmpstr (revision_at (revisions, 0)->headline, ==, "After");
  g_assert_cmpint (revision_at (revisions, 1)->id, ==, manual);
  g_assert_cmpstr (revision_at (revisions, 1)->label, ==, "Sent to desk");
  old = desk_store_load_revision (store, manual, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_article_get_headline (old), ==, "Before");

  g_assert_cmpint (add_revision_and_wait (store, 999, DESK_REVISION_CLOSE, NULL, &error), ==, 0);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
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

  ADD ("revisions", test_revisions);
  ADD ("revisions-thinning", test_revisions_thinning);
  ADD ("revisions-async", test_revisions_async);

  return g_test_run ();
}
