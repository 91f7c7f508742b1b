/* test-words.c — word count and reading time in every script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-article.h"
#include "desk-block.h"
#include "desk-words.h"

typedef struct {
  const char *language;
  const char *text;
  guint words;
} Case;

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      guint got = desk_words_count (cases[i].text, -1, cases[i].language);

      if (got != cases[i].words)
        g_test_message ("[%s] %s", cases[i].language, cases[i].text);
      g_assert_cmpuint (got, ==, cases[i].words);
    }
}

static void
test_words_english (void)
{
  static const Case cases[] = {
    { "en", "Albanian police forces conducted a raid on Tuesday at the compound of "
            "Iran’s exiled opposition group.", 16 },
    /* don't, rock ’n’ roll: apostrophes inside a word do not split it */
    { "en", "“We don't want rock ’n’ roll here,” she said.", 9 },
    { "en", "The 10-year-old U.S. citizen wrote to jane@example.com and/or AT&T.", 9 },
    { "en", "He left—she stayed.", 4 },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_words_albanian (void)
{
  static const Case cases[] = {
    { "sq", "Policia shqiptare kontrolloi kampin e muxhahedinëve në Manëz më 20 qershor 2023.",
      12 },
    { "sq", "„S’ka asnjë arsye për panik“, tha ministri Bledi Çuçi.", 9 },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_words_german (void)
{
  static const Case cases[] = {
    { "de", "Das Bundesverfassungsgericht prüft den Ost-West-Konflikt nicht.", 6 },
    { "de", "„Wir bleiben“, sagte die 45-jährige Ministerin am 21. Juni.", 9 },
    { "de", "Die Straße kostet 1.250.000 Euro.", 5 },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_words_french (void)
{
  static const Case cases[] = {
    /* an elided article belongs to its word, as in LibreOffice and Word */
    { "fr", "« L’État n’a pas le droit », a-t-il déclaré aujourd’hui.", 8 },
    { "fr", "L'État, qu'il soit d'accord ou non, paiera.", 7 },
    /* 50 000 with a narrow no-break space is one number; a no-break space between
     * words still separates them */
    { "fr", "La ville compte 50\u202F000 habitants ; M.\u00A0Dupont le sait\u202F!", 9 },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_words_rtl (void)
{
  static const Case cases[] = {
    /* سه‌شنبه and می‌خواهد hold a zero-width non-joiner: one word each */
    { "fa", "پلیس آلبانی روز سه‌شنبه به اردوگاه مجاهدین خلق حمله کرد.", 10 },
    { "fa", "او می‌خواهد در سال ۲۰۲۳ به تیرانا برود.", 8 },
    { "ar", "داهمت الشرطة الألبانية مخيم المعارضة الإيرانية يوم الثلاثاء.", 8 },
    { "ar", "كَتَبَ الصَّحَفِيُّ مَقَالًا، ثُمَّ نَشَرَهُ.", 5 },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_words_cjk (void)
{
  /* Without a dictionary, each ideograph and each kana is a word (the count a
   * word processor gives for CJK); a katakana run is one word. */
  static const Case cases[] = {
    { "zh", "阿尔巴尼亚警方突袭了伊朗反对派营地。", 17 },
    { "ja", "アルバニア警察が会見した。", 8 },
    { "zh", "iPhone手机", 3 },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_words_thai (void)
{
  /* Pango's dictionary word starts (libthai), not one word a letter */
  g_assert_cmpuint (desk_words_count ("ภาษาไทยง่ายนิดเดียว", -1, "th"), ==, 4);
}

static void
test_words_emoji_and_numbers (void)
{
  static const Case cases[] = {
    /* symbols and emoji are not words; they do not split a word either */
    { "en", "Great news 👍 for Tirana 🇦🇱 👨‍👩‍👧 &", 4 },
    { "en", "👍great", 1 },
    { "en", "On 21 June 2023, 3,000 police and 1.5 million euros; at 21:00 the "
            "2019–2023 plan, 24/7, ’90s.", 18 },
    { "en", "-5 °C, 50 %, €20", 4 },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_words_edges (void)
{
  g_assert_cmpuint (desk_words_count (NULL, -1, "en"), ==, 0);
  g_assert_cmpuint (desk_words_count ("", -1, NULL), ==, 0);
  g_assert_cmpuint (desk_words_count (" \n\n\t ", -1, "en"), ==, 0);
  g_assert_cmpuint (desk_words_count ("— … « » ¡!", -1, "fr"), ==, 0);
  g_assert_cmpuint (desk_words_count ("one two\nthree\n\nfour", -1, ""), ==, 4);
  /* a hyphen at the end of a line does not join across the paragraph break */
  g_assert_cmpuint (desk_words_count ("Ost-\nWest", -1, "de"), ==, 2);
  g_assert_cmpuint (desk_words_count ("one two three", 7, "en"), ==, 2);
  g_assert_cmpuint (desk_words_count ("abc\xff" "def ghi", -1, "en"), ==, 3);
  g_assert_cmpuint (desk_words_count ("x", -1, "no-such-language"), ==, 1);
}

/* English prose counts as the whitespace-separated tokens that hold a letter or
 * a digit (what `wc -w` would say, less dashes and bullets). */
static void
test_words_sample (void)
{
  const char *dir = g_getenv ("COPYDESK_SAMPLES");
  g_autofree char *path = g_build_filename (dir ? dir : ".", "tirana-raid.txt", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) tokens = NULL;
  g_autoptr (GError) error = NULL;
  guint expected = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_test_skip (error->message);
      return;
    }
  tokens = g_regex_split_simple ("\\s+", text, 0, 0);
  for (guint i = 0; tokens[i]; i++)
    {
      gboolean word = FALSE;

      for (const char *p = tokens[i]; *p && !word; p = g_utf8_next_char (p))
        word = g_unichar_isalnum (g_utf8_get_char (p));
      expected += word;
    }
  g_assert_cmpuint (expected, >, 1000);
  g_assert_cmpuint (desk_words_count (text, -1, "en"), ==, expected);
}

static void
test_words_reading_minutes (void)
{
  g_assert_cmpuint (desk_words_reading_minutes (0), ==, 0);
  g_assert_cmpuint (desk_words_reading_minutes (1), ==, 1);
  g_assert_cmpuint (desk_words_reading_minutes (114), ==, 1);
  g_assert_cmpuint (desk_words_reading_minutes (230), ==, 1);
  g_assert_cmpuint (desk_words_reading_minutes (344), ==, 1);
  g_assert_cmpuint (desk_words_reading_minutes (345), ==, 2);
  g_assert_cmpuint (desk_words_reading_minutes (2300), ==, 10);
  g_assert_cmpuint (desk_words_reading_minutes (50000), ==, 217);
}

static char *
make_body (guint n_paragraphs)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < n_paragraphs; i++)
    g_string_append_printf (body, "Paragraph %u: „S’ka panik“, tha ministri. 阿尔巴尼亚\n", i % 7);
  return g_string_free (body, FALSE);
}

static void
test_words_counter (void)
{
  g_autoptr (DeskWordCounter) counter = desk_word_counter_new ();
  g_autofree char *body = make_body (200);
  g_autofree char *edited = NULL;
  char *at;

  g_assert_cmpuint (desk_word_counter_count (counter, body, -1, "sq"), ==,
                    desk_words_count (body, -1, "sq"));
  g_assert_cmpuint (desk_words_count (body, -1, "sq"), ==, 200 * 11);
  /* the same text again, then with one paragraph changed */
  g_assert_cmpuint (desk_word_counter_count (counter, body, -1, "sq"), ==, 200 * 11);
  edited = g_strdup (body);
  at = strstr (edited, "tha ministri");
  memcpy (at, "tha-ministri", 12);
  g_assert_cmpuint (desk_word_counter_count (counter, edited, -1, "sq"), ==, 200 * 11 - 1);
  g_assert_cmpuint (desk_word_counter_count (counter, body, -1, "sq"), ==, 200 * 11);
  /* a shorter text, a different language, nothing at all */
  g_assert_cmpuint (desk_word_counter_count (counter, body, 10, "sq"), ==, 1);
  g_assert_cmpuint (desk_word_counter_count (counter, "ภาษาไทย ok", -1, "th"), ==, 3);
  g_assert_cmpuint (desk_word_counter_count (counter, "", -1, "th"), ==, 0);
  g_assert_cmpuint (desk_word_counter_count (counter, NULL, -1, NULL), ==, 0);
}

static void
test_words_article (void)
{
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autoptr (DeskBlock) para = desk_block_new (DESK_BLOCK_PARAGRAPH,
                                               "L’État n’a pas répondu aujourd’hui.");
  g_autoptr (DeskBlock) quote = desk_block_new (DESK_BLOCK_QUOTE, "C’est l’heure.");

  desk_block_set_attribution (quote, "Jean-Luc Dupont");
  desk_article_set_language (article, "fr");
  desk_article_append_block (article, para);
  desk_article_append_block (article, quote);
  /* 5 + 2 + the attribution, 2 */
  g_assert_cmpuint (desk_article_count_words (article), ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copydesk/words/english", test_words_english);
  g_test_add_func ("/copydesk/words/albanian", test_words_albanian);
  g_test_add_func ("/copydesk/words/german", test_words_german);
  g_test_add_func ("/copydesk/words/french", test_words_french);
  g_test_add_func ("/copydesk/words/persian-arabic", test_words_rtl);
  g_test_add_func ("/copydesk/words/chinese-japanese", test_words_cjk);
  g_test_add_func ("/copydesk/words/thai", test_words_thai);
  g_test_add_func ("/copydesk/words/emoji-numbers", test_words_emoji_and_numbers);
  g_test_add_func ("/copydesk/words/edges", test_words_edges);
  g_test_add_func ("/copydesk/words/sample", test_words_sample);
  g_test_add_func ("/copydesk/words/reading-minutes", test_words_reading_minutes);
  g_test_add_func ("/copydesk/words/counter", test_words_counter);
  g_test_add_func ("/copydesk/words/article", test_words_article);
  return g_test_run ();
}
