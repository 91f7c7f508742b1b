/* test-text-writer.c — a story as plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "desk-text-writer.h"

static DeskArticle *
make_tirana (const char *language)
{
  DeskArticle *article = desk_article_new ();
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  g_autoptr (DeskBlock) first = desk_block_new (DESK_BLOCK_PARAGRAPH,
                                                "Albanian police raided the compound.");
  g_autoptr (DeskBlock) sub = desk_block_new (DESK_BLOCK_SUBHEADING, "Authorities assert control");
  g_autoptr (DeskBlock) quote = desk_block_new (DESK_BLOCK_QUOTE, "I guarantee it.");
  g_autoptr (DeskBlock) quoted = desk_block_new (DESK_BLOCK_PULLQUOTE, "“Already quoted”");
  g_autoptr (DeskBlock) last = desk_block_new (DESK_BLOCK_PARAGRAPH, "The ministry said so.");
  g_autoptr (DeskRelated) teaser = desk_related_new (0, "News", "Tourist season", "", "");

  desk_article_set_language (article, language);
  desk_article_set_kicker (article, "News");
  desk_article_set_headline (article, "Albanian police raid Iranian exiles’ compound");
  desk_article_set_deck (article, "Computers seized.");
  desk_article_set_byline (article, "By Jane Doe");
  desk_article_set_tagline (article, "Reporting by Jane Doe");
  desk_article_set_source_name (article, "Example Wire");
  desk_article_set_source_url (article, "https://example.org/a");
  desk_article_set_note (article, "never printed");
  desk_dateline_set_place (dateline, "Tirana");
  desk_dateline_set_date (dateline, "2023-06-21");
  desk_article_set_dateline (article, dateline);
  desk_block_set_attribution (quote, "Bledi Çuçi");
  desk_block_add_mark (last, DESK_MARK_LINK, 4, 12, "https://example.org/m");
  desk_block_add_mark (last, DESK_MARK_EM, 0, 3, NULL);
  desk_article_append_block (article, sub);
  desk_article_append_block (article, first);
  desk_article_append_block (article, quote);
  desk_article_append_block (article, quoted);
  desk_article_append_block (article, last);
  desk_article_append_related (article, teaser);
  return article;
}

static void
test_full (void)
{
  g_autoptr (DeskArticle) article = make_tirana ("en");
  g_autofree char *text = desk_text_write (article);

  g_assert_cmpstr (text, ==,
                   "News\n\n"
                   "Albanian police raid Iranian exiles’ compound\n\n"
                   "Computers seized.\n\n"
                   "By Jane Doe\n\n"
                   "Authorities assert control\n\n"
                   "TIRANA, June 21, 2023 – Albanian police raided the compound.\n\n"
                   "“I guarantee it.”\n— Bledi Çuçi\n\n"
                   "“Already quoted”\n\n"
                   "The ministry <https://example.org/m> said so.\n\n"
                   "Reporting by Jane Doe\n\n"
                   "Original post: Example Wire <https://example.org/a>\n\n"
                   "Related:\n- News: Tourist season\n");
}

static void
test_language_quotes (void)
{
  g_autoptr (DeskArticle) article = make_tirana ("de");
  g_autofree char *text = desk_text_write (article);

  g_assert_nonnull (strstr (text, "„I guarantee it.“\n— Bledi Çuçi"));
  g_assert_nonnull (strstr (text, "TIRANA, 21. Juni 2023 – Albanian"));
}

static void
test_empty (void)
{
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  g_autofree char *empty = desk_text_write (article);
  g_autofree char *only_dateline = NULL;

  g_assert_cmpstr (empty, ==, "\n");
  desk_dateline_set_place (dateline, "Beirut");
  desk_dateline_set_credit (dateline, "AP");
  desk_article_set_dateline (article, dateline);
  desk_article_set_headline (article, "H");
  only_dateline = desk_text_write (article);
  g_assert_cmpstr (only_dateline, ==, "H\n\nBEIRUT (AP) –\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copydesk/text-writer/full", test_full);
  g_test_add_func ("/copydesk/text-writer/language-quotes", test_language_quotes);
  g_test_add_func ("/copydesk/text-writer/empty", test_empty);

  return g_test_run ();
}
