/* test-store-util.c — what the store's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-store-util.h"
#include "test-util.h"

void
store_fixture_set_up (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("copydesk-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "library.db", NULL);
}

void
store_fixture_tear_down (StoreFixture  *f,
                         gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

DeskStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  DeskStore *store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

DeskArticle *
make_story (const char *headline,
            const char *body)
{
  DeskArticle *article = desk_article_new ();
  g_auto (GStrv) paragraphs = g_strsplit (body, "\n", -1);

  desk_article_set_headline (article, headline);
  desk_article_set_kicker (article, "News");
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, paragraphs[i]);

      desk_article_append_block (article, block);
    }
  return article;
}

DeskArticle *
make_full_story (void)
{
  DeskArticle *article = make_story ("Albanian police raid Iranian exiles' compound",
                                     "Albanian police forces conducted a raid.\nA second one.");
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  g_autoptr (DeskRelated) related = desk_related_new (0, "News", "Tourist season", "Deck", "");
  g_autoptr (DeskBlock) quote = desk_block_new (DESK_BLOCK_QUOTE, "I guarantee that…");
  g_autoptr (DeskBlock) sub = desk_block_new (DESK_BLOCK_SUBHEADING, "Authorities assert control");

  desk_article_set_deck (article, "Police seized computers at Ashraf 3.");
  desk_article_set_byline (article, "By Jane Doe");
  desk_article_set_language (article, "sq");
  desk_article_set_source_name (article, "Wire");
  desk_article_set_source_url (article, "https://example.com/a");
  desk_article_set_tagline (article, "Reporting by Jane Doe");
  desk_article_set_note (article, "check the name");
  desk_article_set_status (article, DESK_STATUS_EDITING);
  desk_dateline_set_place (dateline, "Tirana");
  desk_dateline_set_date (dateline, "2023-06-21");
  desk_dateline_set_credit (dateline, "AP");
  desk_article_set_dateline (article, dateline);
  desk_article_append_related (article, related);
  desk_block_set_attribution (quote, "Bledi Çuçi");
  desk_block_add_mark (quote, DESK_MARK_EM, 0, 5, NULL);
  desk_block_add_mark (quote, DESK_MARK_LINK, 2, 9, "https://example.com/q");
  desk_article_append_block (article, sub);
  desk_article_append_block (article, quote);
  return article;
}

gint64
save_story (DeskStore  *store,
            const char *headline,
            const char *body,
            DeskStatus  status)
{
  g_autoptr (DeskArticle) article = make_story (headline, body);
  g_autoptr (GError) error = NULL;

  desk_article_set_status (article, status);
  g_assert_true (desk_store_save (store, article, &error));
  g_assert_no_error (error);
  return desk_article_get_id (article);
}

void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autofree char *before = test_sha256_of (path), *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = test_sha256_of (path);
  g_assert_cmpstr (before, ==, after);
}

void
store_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

GAsyncResult *
wait_for (Waiter *waiter)
{
  g_clear_object (&waiter->result);
  g_main_loop_run (waiter->loop);
  return waiter->result;
}

void
waiter_clear (Waiter *waiter)
{
  g_clear_object (&waiter->result);
  g_clear_pointer (&waiter->loop, g_main_loop_unref);
}
