/* test-story-language.c — a story's language reaches its dateline, quotes and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "desk-article.h"
#include "desk-block.h"
#include "desk-dateline.h"
#include "desk-html.h"
#include "desk-labels.h"
#include "desk-text-writer.h"
#include "desk-typography.h"

static DeskArticle *
make_story (const char *language,
            const char *headline,
            const char *place,
            const char *paragraph)
{
  DeskArticle *article = desk_article_new ();
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, paragraph);

  desk_article_set_language (article, language);
  desk_article_set_headline (article, headline);
  desk_dateline_set_place (dateline, place);
  g_assert_true (desk_dateline_set_date (dateline, "2023-06-21"));
  desk_article_set_dateline (article, dateline);
  desk_article_append_block (article, block);
  return article;
}

static char *
export_html (DeskArticle *article)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autofree char *warning = NULL;

  g_assert_true (desk_html_write (article, NULL, out, &warning, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
render_dateline (const char *place,
                 const char *date,
                 const char *language)
{
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();

  desk_dateline_set_place (dateline, place);
  g_assert_true (desk_dateline_set_date (dateline, date));
  return desk_dateline_render (dateline, language, DESK_DASH_EN);
}

static void
assert_dateline (const char *place,
                 const char *language,
                 const char *expected)
{
  g_autofree char *line = render_dateline (place, "2023-06-21", language);

  g_assert_cmpstr (line, ==, expected);
}

static void
test_dateline_languages (void)
{
  assert_dateline ("Tirana", "en", "TIRANA, June 21, 2023 –");
  assert_dateline ("Tiranë", "sq", "TIRANË, 21 qershor 2023 –");
  assert_dateline ("Tiranë", "sq-AL", "TIRANË, 21 qershor 2023 –");
  assert_dateline ("Tirana", "de", "TIRANA, 21. Juni 2023 –");
  assert_dateline ("Tirana", "fr", "TIRANA, 21 juin 2023 –");
  assert_dateline ("تیرانا", "fa", "تیرانا، ۲۱ ژوئن ۲۰۲۳ –");
  assert_dateline ("تیرانا", "fa-IR", "تیرانا، ۲۱ ژوئن ۲۰۲۳ –");
  assert_dateline ("تيرانا", "ar", "تيرانا، 21 يونيو 2023 –");
  assert_dateline ("טירנה", "he", "טירנה, 21 ביוני 2023 –");
}

/* Every month by name, in the order the language writes a date, with and
 * without the year, in the language's digits. */
static void
test_date_rtl_languages (void)
{
  static const struct {
    const char *language;
    int year, month, day;
    const char *expected;
  } cases[] = {
    { "fa", 2024, 1, 3, "۳ ژانویه ۲۰۲۴" },      { "fa", 2024, 2, 29, "۲۹ فوریه ۲۰۲۴" },
    { "fa", 2023, 3, 10, "۱۰ مارس ۲۰۲۳" },      { "fa", 2023, 4, 1, "۱ آوریل ۲۰۲۳" },
    { "fa", 2023, 5, 9, "۹ مه ۲۰۲۳" },          { "fa", 0, 6, 21, "۲۱ ژوئن" },
    { "fa", 2023, 7, 14, "۱۴ ژوئیه ۲۰۲۳" },     { "fa", 2023, 8, 15, "۱۵ اوت ۲۰۲۳" },
    { "fa", 2023, 9, 30, "۳۰ سپتامبر ۲۰۲۳" },   { "fa", 2023, 10, 7, "۷ اکتبر ۲۰۲۳" },
    { "fa", 2023, 11, 11, "۱۱ نوامبر ۲۰۲۳" },   { "fa", 1999, 12, 31, "۳۱ دسامبر ۱۹۹۹" },
    { "ar", 2024, 1, 3, "3 يناير 2024" },       { "ar", 2024, 2, 29, "29 فبراير 2024" },
    { "ar", 2023, 3, 10, "10 مارس 2023" },      { "ar", 2023, 4, 1, "1 أبريل 2023" },
    { "ar", 2023, 5, 9, "9 مايو 2023" },        { "ar", 0, 6, 21, "21 يونيو" },
    { "ar-EG", 2023, 7, 14, "14 يوليو 2023" },  { "ar", 2023, 8, 15, "15 أغسطس 2023" },
    { "ar", 2023, 9, 30, "30 سبتمبر 2023" },    { "ar", 2023, 10, 7, "7 أكتوبر 2023" },
    { "ar", 2023, 11, 11, "11 نوفمبر 2023" },   { "ar", 1999, 12, 31, "31 ديسمبر 1999" },
    { "he", 2023, 6, 21, "21 ביוני 2023" },     { "he-IL", 0, 12, 1, "1 בדצמבר" },
    { "en", 0, 6, 21, "June 21" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (DeskDateline) dateline = desk_dateline_new ();
      g_autofree char *date = NULL;

      desk_dateline_set_ymd (dateline, cases[i].year, cases[i].month, cases[i].day);
      date = desk_dateline_format_date (dateline, cases[i].language);
      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

static void
test_quotes_languages (void)
{
  static const struct {
    const char *language;
    const char *typed;
    const char *expected;
  } cases[] = {
    { "en", "\"We 'never' left,\" he said.", "“We ‘never’ left,” he said." },
    { "de", "\"Wir 'bleiben' hier\", sagte sie.", "„Wir ‚bleiben‘ hier“, sagte sie." },
    { "sq", "\"Nuk ka panik\", tha ministri.", "„Nuk ka panik“, tha ministri." },
    { "fr", "\"Je reste\", dit-il.", "«\u00A0Je reste\u00A0», dit-il." },
    { "fa", "\"ما می‌مانیم\"", "«ما می‌مانیم»" },
    { "ar", "\"لن نغادر\"، قال.", "«لن نغادر»، قال." },
    { "he", "\"אנחנו נשארים\", אמר.", "”אנחנו נשארים”, אמר." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = desk_typography_apply (cases[i].typed, cases[i].language,
                                                    DESK_DASH_EN);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_albanian_export (void)
{
  g_autoptr (DeskArticle) story = make_story ("sq", "Policia kontrollon kampin", "Tiranë",
                                              "\"Nuk ka panik\", tha ministri Bledi Çuçi.");
  g_autofree char *html = export_html (story);

  g_assert_nonnull (strstr (html, "<html lang=\"sq\">"));
  g_assert_nonnull (strstr (html, "TIRANË, 21 qershor 2023 –"));
  g_assert_nonnull (strstr (html, "„Nuk ka panik“, tha ministri Bledi Çuçi."));
  g_assert_null (strstr (html, "dir=\"rtl\""));
  g_assert_null (strstr (html, "June"));
}

static void
test_persian_export (void)
{
  g_autoptr (DeskArticle) story = make_story ("fa", "پلیس آلبانی اردوگاه را بازرسی کرد",
                                              "تیرانا", "\"ما می‌مانیم\"، گفت.");
  g_autofree char *html = export_html (story);

  g_assert_nonnull (strstr (html, "<html lang=\"fa\" dir=\"rtl\">"));
  g_assert_nonnull (strstr (html, "«ما می‌مانیم»، گفت."));
  /* the date in the masthead, the dateline and the running head */
  g_assert_nonnull (strstr (html, "<time datetime=\"2023-06-21\">۲۱ ژوئن ۲۰۲۳</time>"));
  g_assert_nonnull (strstr (html, "تیرانا، ۲۱ ژوئن ۲۰۲۳ –"));
  g_assert_nonnull (strstr (html, "@top-left { content: \"۲۱ ژوئن ۲۰۲۳\""));
  g_assert_nonnull (strstr (html, "@top-right { content: \"پلیس آلبانی اردوگاه را بازرسی کرد\""));
  g_assert_nonnull (strstr (html, "\"صفحهٔ \" counter(page) \" از \" counter(pages)"));
  g_assert_null (strstr (html, "June"));
  g_assert_null (strstr (html, "\"Page \""));
}

static void
test_arabic_export (void)
{
  g_autoptr (DeskArticle) story = make_story ("ar", "الشرطة تداهم مخيماً", "تيرانا",
                                              "\"لن نغادر\"، قال المتحدث.");
  g_autofree char *html = export_html (story);

  g_assert_nonnull (strstr (html, "<html lang=\"ar\" dir=\"rtl\">"));
  g_assert_nonnull (strstr (html, "<time datetime=\"2023-06-21\">21 يونيو 2023</time>"));
  g_assert_nonnull (strstr (html, "تيرانا، 21 يونيو 2023 –"));
  g_assert_nonnull (strstr (html, "«لن نغادر»، قال المتحدث."));
  g_assert_nonnull (strstr (html, "\"صفحة \" counter(page) \" من \" counter(pages)"));
  g_assert_null (strstr (html, "June"));
}

/* The plain-text export quotes a quote block in the story's language. */
static void
test_text_export_quotes (void)
{
  static const struct {
    const char *language;
    const char *expected;
  } cases[] = {
    { "en", "“Ne qëndrojmë.”" },
    { "sq", "„Ne qëndrojmë.“" },
    { "de", "„Ne qëndrojmë.“" },
    { "fr", "«\u00A0Ne qëndrojmë.\u00A0»" },
    { "fa", "«Ne qëndrojmë.»" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (DeskArticle) story = make_story (cases[i].language, "Headline", "Tirana",
                                                  "Text.");
      g_autoptr (DeskBlock) quote = desk_block_new (DESK_BLOCK_QUOTE, "Ne qëndrojmë.");
      g_autofree char *text = NULL;

      desk_article_append_block (story, quote);
      text = desk_text_write (story);
      g_assert_nonnull (strstr (text, cases[i].expected));
    }
}

static void
test_rtl_languages (void)
{
  static const char *rtl[] = { "ar", "fa-IR", "he", "ur" };
  static const char *ltr[] = { "en", "sq", "de", "fr", "tr" };

  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    {
      g_autoptr (DeskArticle) story = make_story (rtl[i], "Headline", "Tirana", "Text.");
      g_autofree char *html = export_html (story);

      g_assert_nonnull (strstr (html, " dir=\"rtl\">"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (ltr); i++)
    {
      g_autoptr (DeskArticle) story = make_story (ltr[i], "Headline", "Tirana", "Text.");
      g_autofree char *html = export_html (story);

      g_assert_null (strstr (html, "dir=\"rtl\""));
    }
}

static char *
export_text_with_credits (const char *language)
{
  g_autoptr (DeskArticle) story = make_story (language, "Headline", "Tirana", "Text.");
  g_autoptr (DeskRelated) teaser = desk_related_new (0, "News", "Tourist season", "", "");

  desk_article_set_source_name (story, "Example");
  desk_article_set_source_url (story, "https://example.org/a");
  desk_article_append_related (story, teaser);
  return desk_text_write (story);
}

static char *
export_html_with_source (const char *language)
{
  g_autoptr (DeskArticle) story = make_story (language, "Headline", "Tirana", "Text.");

  desk_article_set_source_name (story, "Example");
  desk_article_set_source_url (story, "https://example.org/a");
  return export_html (story);
}

/* The page numbers, the source credit and the related heading are printed in
 * the story's language, whatever the interface speaks. */
static void
test_export_labels (void)
{
  static const struct {
    const char *language;
    const char *page;
    const char *source;
    const char *related;
  } cases[] = {
    { "en", "\"Page \" counter(page) \" of \" counter(pages)", "Original post: <a",
      "Related:\n- News: Tourist season" },
    { "sq-AL", "\"Faqja \" counter(page) \" nga \" counter(pages)", "Botimi origjinal: <a",
      "Të lidhura:\n- News: Tourist season" },
    { "de", "\"Seite \" counter(page) \" von \" counter(pages)", "Originalbeitrag: <a",
      "Mehr zum Thema:\n- News: Tourist season" },
    { "fr_CA", "\"Page \" counter(page) \" sur \" counter(pages)",
      "Publication d’origine\u00A0: <a", "Articles liés\u00A0:\n- News\u00A0: Tourist season" },
    { "fa", "\"صفحهٔ \" counter(page) \" از \" counter(pages)", "منبع اصلی: <a",
      "مطالب مرتبط:\n- News: Tourist season" },
    { "ar-SA", "\"صفحة \" counter(page) \" من \" counter(pages)", "المصدر الأصلي: <a",
      "مقالات ذات صلة:\n- News: Tourist season" },
    { "he", "\"עמוד \" counter(page) \" מתוך \" counter(pages)", "הפרסום המקורי: <a",
      "כתבות קשורות:\n- News: Tourist season" },
    { "frr", "\"Page \" counter(page) \" of \" counter(pages)", "Original post: <a",
      "Related:\n- News: Tourist season" },
    { "", "\"Page \" counter(page) \" of \" counter(pages)", "Original post: <a",
      "Related:\n- News: Tourist season" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = export_html_with_source (cases[i].language);
      g_autofree char *text = export_text_with_credits (cases[i].language);
      g_autofree char *credit = g_strdup (cases[i].source);

      g_test_message ("language “%s”", cases[i].language);
      g_assert_nonnull (strstr (html, cases[i].page));
      g_assert_nonnull (strstr (html, cases[i].source));
      g_assert_nonnull (strstr (text, cases[i].related));
      /* the text export writes the link after the name: "…: Example <https://…>" */
      credit[strlen (credit) - strlen ("<a")] = '\0';
      g_assert_nonnull (strstr (text, credit));
      g_assert_nonnull (strstr (text, "Example <https://example.org/a>"));
    }
}

/* Wire copy credits its source as "Original post": that prints once. */
static void
test_source_named_like_label (void)
{
  g_assert_cmpstr (desk_labels_source_template ("en", "Original post"), ==, "{source}");
  g_assert_cmpstr (desk_labels_source_template ("en", " original POST "), ==, "{source}");
  g_assert_cmpstr (desk_labels_source_template ("fr", "Publication d’origine"), ==, "{source}");
  g_assert_cmpstr (desk_labels_source_template ("en", "Balkan Insight"), ==,
                   "Original post: {source}");
  g_assert_cmpstr (desk_labels_source_template ("sq", "Original post"), ==,
                   "Botimi origjinal: {source}");
  g_assert_cmpstr (desk_labels_source_template ("en", ""), ==, "Original post: {source}");
}

/* In a German interface (the translations of this build, where they are
 * built), an English story still prints in English and a German one in German. */
static void
test_labels_ignore_interface (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  const char *probe = "The story has no headline; give it one before exporting.";
  g_autofree char *english = NULL, *german = NULL, *text = NULL;

  if (!g_test_subprocess ())
    {
      g_autofree char *mo = g_build_filename (localedir, "de", "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);

      if (!g_file_test (mo, G_FILE_TEST_EXISTS))
        {
          g_test_skip ("the German translation of this build is not there");
          return;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* the interface really is German */
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, probe), !=, probe);
  english = export_html_with_source ("en");
  german = export_html_with_source ("de");
  text = export_text_with_credits ("en");
  g_assert_nonnull (strstr (english, "\"Page \" counter(page) \" of \" counter(pages)"));
  g_assert_nonnull (strstr (english, "Original post: <a"));
  g_assert_nonnull (strstr (text, "Related:\n"));
  g_assert_nonnull (strstr (text, "Original post: Example"));
  g_assert_nonnull (strstr (german, "\"Seite \" counter(page) \" von \" counter(pages)"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copydesk/story-language/dateline", test_dateline_languages);
  g_test_add_func ("/copydesk/story-language/quotes", test_quotes_languages);
  g_test_add_func ("/copydesk/story-language/albanian-export", test_albanian_export);
  g_test_add_func ("/copydesk/story-language/date-rtl", test_date_rtl_languages);
  g_test_add_func ("/copydesk/story-language/persian-export", test_persian_export);
  g_test_add_func ("/copydesk/story-language/arabic-export", test_arabic_export);
  g_test_add_func ("/copydesk/story-language/text-export-quotes", test_text_export_quotes);
  g_test_add_func ("/copydesk/story-language/rtl", test_rtl_languages);
  g_test_add_func ("/copydesk/story-language/export-labels", test_export_labels);
  g_test_add_func ("/copydesk/story-language/source-named-like-label",
                   test_source_named_like_label);
  g_test_add_func ("/copydesk/story-language/labels-ignore-interface",
                   test_labels_ignore_interface);
  return g_test_run ();
}
