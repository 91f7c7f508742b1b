/* test-article.c — the story model: blocks, marks, datelines, copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "desk-article.h"
#include "desk-error.h"

static void
test_dateline_render (void)
{
  g_autoptr (DeskDateline) d = desk_dateline_new ();
  g_autofree char *empty = desk_dateline_render (d, "en", DESK_DASH_EN);
  g_autofree char *en = NULL, *em = NULL, *sq = NULL, *de = NULL, *fr = NULL;
  g_autofree char *credit = NULL, *no_year = NULL;

  g_assert_cmpstr (empty, ==, "");

  desk_dateline_set_place (d, "  Tirana ");
  g_assert_true (desk_dateline_set_date (d, "2023-06-21"));
  en = desk_dateline_render (d, "en", DESK_DASH_EN);
  g_assert_cmpstr (en, ==, "TIRANA, June 21, 2023 –");
  em = desk_dateline_render (d, "en-GB", DESK_DASH_EM);
  g_assert_cmpstr (em, ==, "TIRANA, June 21, 2023 —");

  desk_dateline_set_place (d, "Tiranë");
  sq = desk_dateline_render (d, "sq", DESK_DASH_EN);
  g_assert_cmpstr (sq, ==, "TIRANË, 21 qershor 2023 –");
  de = desk_dateline_render (d, "de-AT", DESK_DASH_EN);
  g_assert_cmpstr (de, ==, "TIRANË, 21. Juni 2023 –");
  fr = desk_dateline_render (d, "fr", DESK_DASH_EN);
  g_assert_cmpstr (fr, ==, "TIRANË, 21 juin 2023 –");

  desk_dateline_set_place (d, "Beirut");
  desk_dateline_set_date (d, "");
  desk_dateline_set_credit (d, "AP");
  credit = desk_dateline_render (d, "en", DESK_DASH_EM);
  g_assert_cmpstr (credit, ==, "BEIRUT (AP) —");

  desk_dateline_set_place (d, "London");
  g_assert_true (desk_dateline_set_date (d, "--03-03"));
  desk_dateline_set_credit (d, "Reuters");
  no_year = desk_dateline_render (d, "en", DESK_DASH_EN);
  g_assert_cmpstr (no_year, ==, "LONDON, March 3 (Reuters) –");
}

static void
test_dateline_dates (void)
{
  g_autoptr (DeskDateline) d = desk_dateline_new ();
  int y, m, day;

  g_assert_true (desk_dateline_set_date (d, "2024-02-29"));
  g_assert_cmpstr (desk_dateline_get_date (d), ==, "2024-02-29");
  g_assert_true (desk_dateline_get_ymd (d, &y, &m, &day));
  g_assert_cmpint (y, ==, 2024);
  g_assert_cmpint (m, ==, 2);
  g_assert_cmpint (day, ==, 29);

  /* refused values leave the date as it was */
  g_assert_false (desk_dateline_set_date (d, "2023-02-29"));
  g_assert_false (desk_dateline_set_date (d, "2023-13-01"));
  g_assert_false (desk_dateline_set_date (d, "June 21"));
  g_assert_false (desk_dateline_set_date (d, "2023-06-21T00:00"));
  g_assert_false (desk_dateline_set_date (d, "0000-06-21"));
  g_assert_cmpstr (desk_dateline_get_date (d), ==, "2024-02-29");

  /* a date without a year is kept without one */
  g_assert_true (desk_dateline_set_date (d, "--02-29"));
  g_assert_cmpstr (desk_dateline_get_date (d), ==, "--02-29");
  g_assert_true (desk_dateline_set_date (d, ""));
  g_assert_false (desk_dateline_get_ymd (d, NULL, NULL, NULL));
  g_assert_true (desk_dateline_is_empty (d));
}

/* A widget that shows our own string and hands it back must not make us
 * read freed memory (seen as garbage in the editor's place field). */
static void
test_dateline_set_own_value (void)
{
  g_autoptr (DeskDateline) d = desk_dateline_new ();

  desk_dateline_set_place (d, "Tirana");
  desk_dateline_set_credit (d, "AP");
  desk_dateline_set_place (d, desk_dateline_get_place (d));
  desk_dateline_set_credit (d, desk_dateline_get_credit (d));
  g_assert_cmpstr (desk_dateline_get_place (d), ==, "Tirana");
  g_assert_cmpstr (desk_dateline_get_credit (d), ==, "AP");
}

static void
test_block_marks (void)
{
  g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, "Çuçi said ëë 🙂 ok");
  g_autoptr (DeskBlock) copy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (desk_block_get_length (block), ==, 17);
  desk_block_add_mark (block, DESK_MARK_EM, 0, 4, NULL);
  desk_block_add_mark (block, DESK_MARK_LINK, 12, 17, "https://example.org/");
  g_assert_true (desk_block_check (block, &error));
  g_assert_no_error (error);

  copy = desk_block_copy (block);
  g_assert_true (desk_block_equal (block, copy));
  g_assert_cmpstr (desk_block_get_mark (copy, 1)->href, ==, "https://example.org/");
  g_assert_null (desk_block_get_mark (copy, 0)->href);

  desk_block_add_mark (copy, DESK_MARK_STRONG, 10, 18, NULL);
  g_assert_false (desk_block_equal (block, copy));
  g_assert_false (desk_block_check (copy, &error));
  g_assert_error (error, DESK_MODEL_ERROR, DESK_MODEL_ERROR_INVALID);
}

static void
test_block_link_schemes (void)
{
  g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, "click here");
  g_autoptr (GError) error = NULL;

  g_assert_true (desk_link_href_is_allowed ("https://example.org"));
  g_assert_true (desk_link_href_is_allowed ("HTTP://example.org"));
  g_assert_true (desk_link_href_is_allowed ("mailto:desk@example.org"));
  g_assert_false (desk_link_href_is_allowed ("javascript:alert(1)"));
  g_assert_false (desk_link_href_is_allowed ("data:text/html,x"));
  g_assert_false (desk_link_href_is_allowed ("https://"));
  g_assert_false (desk_link_href_is_allowed (NULL));

  desk_block_add_mark (block, DESK_MARK_LINK, 0, 5, "javascript:alert(1)");
  g_assert_false (desk_block_check (block, &error));
  g_assert_error (error, DESK_MODEL_ERROR, DESK_MODEL_ERROR_INVALID);
}

static void
test_block_kinds (void)
{
  DeskBlockKind kind;
  DeskMarkKind mark;

  for (int k = DESK_BLOCK_PARAGRAPH; k <= DESK_BLOCK_PULLQUOTE; k++)
    {
      g_assert_true (desk_block_kind_from_string (desk_block_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_false (desk_block_kind_from_string ("table", &kind));
  g_assert_true (desk_mark_kind_from_string ("strong", &mark));
  g_assert_cmpint (mark, ==, DESK_MARK_STRONG);
  g_assert_false (desk_mark_kind_from_string ("u", &mark));
}

static DeskArticle *
make_article (void)
{
  DeskArticle *article = desk_article_new ();
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  g_autoptr (DeskBlock) lead = desk_block_new (DESK_BLOCK_PARAGRAPH,
                                              "Albanian police forces conducted Tuesday");
  g_autoptr (DeskBlock) quote = desk_block_new (DESK_BLOCK_QUOTE, "I guarantee that…");
  g_autoptr (DeskRelated) related = desk_related_new (0, "News", "Tourist season", "Rama…", "");

  desk_article_set_headline (article, "Albanian police raid Iranian exiles’ compound");
  desk_article_set_kicker (article, "News");
  desk_dateline_set_place (dateline, "Tirana");
  desk_dateline_set_date (dateline, "2023-06-21");
  desk_article_set_dateline (article, dateline);
  desk_article_append_block (article, lead);
  desk_block_set_attribution (quote, "Bledi Çuçi");
  desk_article_append_block (article, quote);
  desk_article_append_related (article, related);
  return article;
}

static void
test_article_copy_equal (void)
{
  g_autoptr (DeskArticle) a = make_article ();
  g_autoptr (DeskArticle) b = desk_article_copy (a);

  g_assert_true (desk_article_equal_content (a, b));
  g_assert_cmpstr (desk_article_get_language (b), ==, "en");
  g_assert_cmpuint (desk_article_get_n_blocks (b), ==, 2);
  g_assert_true (desk_article_get_block (a, 1) != desk_article_get_block (b, 1));

  /* ids and times are not content */
  desk_article_set_id (b, 42);
  desk_article_set_modified (b, 1000);
  g_assert_true (desk_article_equal_content (a, b));

  desk_block_set_text (desk_article_get_block (b, 0), "Changed");
  g_assert_false (desk_article_equal_content (a, b));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 int        *count)
{
  (*count)++;
}

static void
test_article_notify (void)
{
  g_autoptr (DeskArticle) a = desk_article_new ();
  int count = 0;
  DeskStatus status;

  g_signal_connect (a, "notify::headline", G_CALLBACK (notify_count_cb), &count);
  desk_article_set_headline (a, "One");
  desk_article_set_headline (a, "One");
  g_object_set (a, "headline", "Two", NULL);
  g_assert_cmpint (count, ==, 2);
  g_assert_cmpstr (desk_article_get_headline (a), ==, "Two");

  desk_article_set_status (a, DESK_STATUS_READY);
  g_assert_cmpstr (desk_status_to_string (desk_article_get_status (a)), ==, "ready");
  g_assert_true (desk_status_from_string ("published", &status));
  g_assert_cmpint (status, ==, DESK_STATUS_PUBLISHED);
  g_assert_false (desk_status_from_string ("killed", &status));
}

static void
test_article_words (void)
{
  g_autoptr (DeskArticle) a = make_article ();
  g_autofree char *body = desk_article_dup_body_text (a);

  /* "Albanian police forces conducted Tuesday" + "I guarantee that" + "Bledi Çuçi" */
  g_assert_cmpuint (desk_article_count_words (a), ==, 10);
  g_assert_nonnull (strstr (body, "Bledi Çuçi"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copydesk/dateline/render", test_dateline_render);
  g_test_add_func ("/copydesk/dateline/dates", test_dateline_dates);
  g_test_add_func ("/copydesk/dateline/set-own-value", test_dateline_set_own_value);
  g_test_add_func ("/copydesk/block/marks", test_block_marks);
  g_test_add_func ("/copydesk/block/link-schemes", test_block_link_schemes);
  g_test_add_func ("/copydesk/block/kinds", test_block_kinds);
  g_test_add_func ("/copydesk/article/copy-equal", test_article_copy_equal);
  g_test_add_func ("/copydesk/article/notify", test_article_notify);
  g_test_add_func ("/copydesk/article/words", test_article_words);

  return g_test_run ();
}
