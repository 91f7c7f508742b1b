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
#include "desk-words-private.h"

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

/* ---- The fast count against Pango's ---- */

#define N_VOCABULARY_PARAGRAPHS 16000
#define N_SOUP_PARAGRAPHS 8000
#define N_CODE_POINT_PARAGRAPHS 2000
#define CORPUS_SEED 0x57c0de

static const char *const latin_words[] = {
  "police", "raid", "Tirana", "Durrës", "Çuçi", "shqiptare", "kontrolloi", "muxhahedinëve",
  "État", "aujourd", "hui", "déclaré", "Straße", "Bundesverfassungsgericht", "prüft", "naïve",
  "São", "Łódź", "İstanbul", "ŞİŞLİ", "ǅemal", "façade", "ﬁnal", "Ærø", "Øresund", "cœur",
  "Dvořák", "Kraków", "Tiếng", "Việt", "e\u0301te\u0301", "n\u0303o", "U.S", "AT", "T", "l", "d",
  "qu", "n", "s", "ka", "rock", "roll", "a", "I", "x", "MEK", "SPAK", "Ashraf", "iPhone",
};

static const char *const cyrillic_words[] = {
  "полиция", "Москва", "объявил", "ёлка", "Україна", "з'їзд", "сьогодні", "Србија", "ђак",
  "Қазақстан", "і", "в", "й", "ВКонтакте", "м\u0301ука",
};

static const char *const greek_words[] = {
  "αστυνομία", "Αθήνα", "ό,τι", "ΕΛ.ΑΣ", "ΐ", "Ὀδυσσεύς", "και", "ή", "ο", "α\u0301",
  "ΠΑΣΟΚ", "τ'", "σ'",
};

static const char *const arabic_words[] = {
  "الشرطة", "الألبانية", "كَتَبَ", "الصَّحَفِيُّ", "مَقَالًا", "ثُمَّ", "نَشَرَهُ", "و", "بـ", "ـه",
  "٣٫٥", "١٬٠٠٠", "٢٠٢٣", "ﻻ", "ﷺ", "إيران", "مخيم", "ٱلله",
};

static const char *const persian_words[] = {
  "سه\u200Cشنبه", "می\u200Cخواهد", "۲۰۲۳", "۱۴۰۲", "پلیس", "آلبانی", "مجاهدین", "خلق",
  "کرد", "گفت", "ی", "ها", "\u200Cها", "نمی\u200D\u200Cشود", "تهران",
};

static const char *const hebrew_words[] = {
  "משטרה", "ירושלים", "צה״ל", "ח׳", "צה\"ל", "ב", "שָׁלוֹם", "ה'", "ו", "תל", "אביב",
  "ﬠ", "יִשְׂרָאֵל", "בּ",
};

static const char *const other_words[] = {
  "Երևան", "հայերեն", "թբ", "თბილისი", "საქართველო", "Ა", "ʻokina", "ʼ", "ǃXóõ",
  "Ⅻ", "ⅻ", "ⁿ", "x²", "½", "℃", "№", "ℵ",
};

static const char *const numbers[] = {
  "3.5", "1,000", "1.250.000", "50\u00A0000", "50\u202F000", "50\u2009000", "50 000", "21:00",
  "24/7", "’90s", "'90s", "10", "2019–2023", "1st", "v2.0", "-5", "€20", "$3", "50%", "4.",
  "0,5", "1'000", "1’000", "3..4", "7:", "12-", "42", "0", "٣", "۴", "19.", "2/3",
};

static const char *const addresses[] = {
  "https://example.com/path?a=b&c=d", "jane@example.com", "www.gazeta.al",
  "user.name+tag@mail.co.uk", "#hashtag", "@handle", "http://x.org/a_b/c-d.html#top", "mailto:a@b.c", "C:\\Temp\\x",
  "snake_case", "__init__", "A&B", "R&D", "rock’n’roll", "and/or", "e-mail", "x86_64",
};

static const char *const separators[] = {
  " ", " ", " ", " ", " ", "  ", "\u00A0", "\u2009", "\u202F", "\t", ", ", ". ", "; ", ": ",
  "! ", "? ", "… ", " — ", "—", " – ", "-", "/", "'", "’", "‘", "“", "” ", " „", "« ", " »",
  "‹", "›", " (", ") ", "[", "]", "{", "}", "&", "@", "*", "_", "·", " • ", "§", "%", "+", "=",
  "<", ">", "|", "\\", "~", "^", "`", "°", "€", "£", "¥", "#", ":", ".", ",", "\"", "،", "؛",
  "؟", "٪", "׳", "״", "։", "՝", "\u00AD", "\u200B", "\u200E", "\u200F", "\u2060", "\u2011",
  "\u2010", "\u2019", "\u2024", "\u2027", "\u00B7", "\u0387", "\u066B", "\u066C", "\u05BE",
  "\u058A", "\uFE52", "\uFE55", "\uFE13", "\uFE50", "\uFF0C", "\u2044", "\u2212", "\u00A0-",
  " -", "- ", "''", "’’", "-/", "::", " ",
};

/* Characters that neither the scripts above nor their punctuation hold: they
 * send a paragraph to Pango. */
static const char *const strangers[] = {
  "👍", "🇦🇱", "👨\u200D👩\u200D👧", "©", "®", "™", "‼", "↔", "阿尔巴尼亚", "アルバニア", "ひらがな",
  "ภาษาไทย", "हिन्दी", "한국어", "\r", "\u2028", "\u0600", "\uFE0F", "1\uFE0F\u20E3", "\x01",
};

static const char *const marks[] = {
  "\u0301", "\u0308", "\u064E", "\u0651", "\u05B8", "\u200C", "\u200D", "\u00AD", "\u20E3",
  "\u0670", "\u1DC0", "\uFE20",
};

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static const char *
pick_word (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0: case 1: case 2: return PICK (rand, latin_words);
    case 3: return PICK (rand, cyrillic_words);
    case 4: return PICK (rand, greek_words);
    case 5: return PICK (rand, arabic_words);
    case 6: return PICK (rand, persian_words);
    case 7: return PICK (rand, hebrew_words);
    case 8: return PICK (rand, other_words);
    case 9: case 10: return PICK (rand, numbers);
    default: return PICK (rand, addresses);
    }
}

/* Words of every script in this file, glued or parted by any of its punctuation. */
static void
append_vocabulary_paragraph (GString *out,
                             GRand   *rand)
{
  guint n_tokens = g_rand_int_range (rand, 1, 40);

  for (guint i = 0; i < n_tokens; i++)
    {
      guint dice = g_rand_int_range (rand, 0, 100);

      g_string_append (out, pick_word (rand));
      if (dice < 4)
        g_string_append (out, PICK (rand, marks));
      else if (dice < 5)
        g_string_append (out, PICK (rand, strangers));
      if (dice < 55)
        g_string_append_c (out, ' ');
      else if (dice < 90)
        g_string_append (out, PICK (rand, separators));
      else if (dice < 95)
        {
          g_string_append (out, PICK (rand, separators));
          g_string_append (out, PICK (rand, separators));
        }
    }
}

static const char *const soup_chars[] = {
  "a", "b", "Z", "é", "ß", "ж", "Ж", "λ", "ά", "ա", "ა", "ب", "ی", "ـ", "א", "ש", "1", "9", "٣",
  "۴", "ⅻ", "½", "²", "ʻ", "\u0301", "\u064E", "\u05B8", "\u200C", "\u200D", "\u00AD",
  "\u200B", "\u2060", "\u200E", " ", " ", "\u00A0", "\u2009", "\u202F", "\u2003", "\t", "-",
  "\u2010", "\u2011", "/", ":", "@", "&", "'", "\u2019", "\u2018", ".", ",", ";", "\"", "_",
  "\u203F", "\u2024", "\u2027", "\u00B7", "\u0387", "\u05F4", "\u066B", "\u066C",
  "\u060C", "\uFE13", "\uFE50", "\uFE52", "\uFE54", "\uFE55", "\uFE33", "!", "?", "(",
  ")", "«", "»", "“", "”", "—", "–", "…", "%", "€", "+", "*", "#", "$", "°", "§", "\u2044",
  "\u0589", "\u055D", "\u05BE", "\u061B", "\u06D4", "\u20E3", "\uFE20",
};

/* Single characters in any order: the joining and segmenting rules at every edge. */
static void
append_soup_paragraph (GString *out,
                       GRand   *rand)
{
  guint n_chars = g_rand_int_range (rand, 1, 30);

  for (guint i = 0; i < n_chars; i++)
    g_string_append (out, PICK (rand, soup_chars));
}

/* Any code point of the blocks the fast count knows, assigned or not, and a few others. */
static void
append_code_point_paragraph (GString *out,
                             GRand   *rand)
{
  guint n_chars = g_rand_int_range (rand, 1, 20);

  for (guint i = 0; i < n_chars; i++)
    {
      guint dice = g_rand_int_range (rand, 0, 10);
      gunichar c;

      if (dice < 6)
        c = g_rand_int_range (rand, 0x20, 0x2200);
      else if (dice < 8)
        c = g_rand_int_range (rand, 0xFB00, 0xFF00);
      else if (dice < 9)
        c = g_rand_int_range (rand, 0x20, 0x80);
      else
        c = g_rand_int_range (rand, 0x2200, 0x30000);
      if (c == '\n' || !g_unichar_validate (c))
        c = ' ';
      g_string_append_unichar (out, c);
    }
}

static char *
escape_paragraph (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x21 && c < 0x7F)
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "<U+%04X>", c);
    }
  return g_string_free (out, FALSE);
}

/* Every paragraph of @text counts the same both ways, in one of @languages after
 * the other; returns how many of them the fast count takes. */
static guint
check_paragraphs (const char        *text,
                  const char *const *languages,
                  guint             *n_paragraphs)
{
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
  guint n_languages = g_strv_length ((GStrv) languages);
  guint n_fast = 0, i;

  for (i = 0; paragraphs[i]; i++)
    {
      const char *language = languages[i % n_languages];
      guint words = desk_words_count (paragraphs[i], -1, language);
      guint pango = desk_words_count_pango (paragraphs[i], -1, language);
      guint fast = pango;

      if (desk_words_count_fast (paragraphs[i], strlen (paragraphs[i]), &fast))
        n_fast++;
      if (words != pango || fast != pango)
        {
          g_autofree char *escaped = escape_paragraph (paragraphs[i]);

          g_test_message ("[%s] %u, %u ≠ %u words: %s", language, words, fast, pango, escaped);
        }
      g_assert_cmpuint (words, ==, pango);
      g_assert_cmpuint (fast, ==, pango);
    }
  *n_paragraphs = i;
  return n_fast;
}

static char *
make_corpus (guint  n_paragraphs,
             void (*append) (GString *, GRand *),
             GRand *rand)
{
  GString *corpus = g_string_new (NULL);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      append (corpus, rand);
      g_string_append_c (corpus, '\n');
    }
  return g_string_free (corpus, FALSE);
}

static void
test_words_same_as_pango (void)
{
  static const char *const languages[] = { "en", "sq", "fr", "ru", "el", "ar", "fa", "he", NULL };
  g_autoptr (GRand) rand = g_rand_new_with_seed (CORPUS_SEED);
  g_autofree char *vocabulary = make_corpus (N_VOCABULARY_PARAGRAPHS,
                                             append_vocabulary_paragraph, rand);
  g_autofree char *soup = make_corpus (N_SOUP_PARAGRAPHS, append_soup_paragraph, rand);
  g_autofree char *code_points = make_corpus (N_CODE_POINT_PARAGRAPHS,
                                              append_code_point_paragraph, rand);
  g_autofree char *all = g_strconcat (vocabulary, soup, code_points, NULL);
  g_autoptr (DeskWordCounter) counter = desk_word_counter_new ();
  g_autofree char *long_paragraph = NULL;
  guint n_fast, n, words;

  /* the fast count takes all but the paragraphs with a stranger, a mark or a
   * code point it leaves to Pango */
  n_fast = check_paragraphs (vocabulary, languages, &n);
  g_assert_cmpuint (n, ==, N_VOCABULARY_PARAGRAPHS + 1);
  g_assert_cmpuint (n_fast, >, n * 7 / 10);
  g_assert_cmpuint (n_fast, <, n);
  n_fast = check_paragraphs (soup, languages, &n);
  g_assert_cmpuint (n_fast, ==, n);
  n_fast = check_paragraphs (code_points, languages, &n);
  g_assert_cmpuint (n_fast, >, 0);
  g_assert_cmpuint (n_fast, <, n);
  /* one paragraph longer than the fast count's stack buffers */
  long_paragraph = g_strndup (soup, strchr (soup + 5000, '\n') - soup);
  g_strdelimit (long_paragraph, "\n", ' ');
  g_assert_true (desk_words_count_fast (long_paragraph, strlen (long_paragraph), &words));
  g_assert_cmpuint (words, ==, desk_words_count_pango (long_paragraph, -1, "en"));
  /* the whole text, and through the editor's counter */
  g_assert_cmpuint (desk_words_count (all, -1, "en"), ==, desk_words_count_pango (all, -1, "en"));
  g_assert_cmpuint (desk_word_counter_count (counter, all, -1, "en"), ==,
                    desk_words_count_pango (all, -1, "en"));
}

/* Every character the fast count takes, between letters, digits, quotes, marks and
 * spaces, counts as Pango counts it: a check of its classes, one by one. */
static void
test_words_every_fast_character (void)
{
  static const char *const contexts[] = {
    "a{}b", "a{}", "{}b", "1{}2", "1{}", "{}1", "א{}ב", "א{}", "{}{}", " {} ", "a_{}b",
    "a{}\u0301b", "{}\u0301", "\t{}", "a'{}", "{}'a", "a.{}", "1.{}", "{}.1", "{}א", "\u00AD{}",
    "a{}'b", "1{},2", "{}\u200C", "\u200D{}", "a\"{}", "א\"{}", "{}\"א", "a{}.b", "a{}_", "_{}",
    "a {} b", "1 {} 2", "a-{}-b", "a\u00A0{}\u00A01",
  };
  guint n_fast = 0;

  for (gunichar c = 1; c < 0x30000; c++)
    {
      char utf8[8] = { 0 };
      guint words;

      if (c == '\n' || !g_unichar_validate (c))
        continue;
      g_unichar_to_utf8 (c, utf8);
      if (!desk_words_count_fast (utf8, strlen (utf8), &words))
        continue;
      n_fast++;
      for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
        {
          g_auto (GStrv) around = g_strsplit (contexts[i], "{}", -1);
          g_autofree char *text = g_strjoinv (utf8, around);
          guint pango = desk_words_count_pango (text, -1, "en");

          words = G_MAXUINT;
          g_assert_true (desk_words_count_fast (text, strlen (text), &words));
          if (words != pango)
            g_test_message ("U+%04X in “%s”: %u ≠ %u words", c, contexts[i], words, pango);
          g_assert_cmpuint (words, ==, pango);
        }
    }
  /* Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic, their marks and
   * punctuation */
  g_assert_cmpuint (n_fast, >, 4000);
}

static void
test_words_sample_same_as_pango (void)
{
  static const char *const english[] = { "en", NULL };
  const char *dir = g_getenv ("COPYDESK_SAMPLES");
  g_autofree char *path = g_build_filename (dir ? dir : ".", "tirana-raid.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_cmpuint (check_paragraphs (text, english, &n), ==, n);
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (desk_words_count (text, -1, "en"), ==, desk_words_count_pango (text, -1, "en"));
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
  g_test_add_func ("/copydesk/words/same-as-pango", test_words_same_as_pango);
  g_test_add_func ("/copydesk/words/sample-same-as-pango", test_words_sample_same_as_pango);
  g_test_add_func ("/copydesk/words/every-fast-character", test_words_every_fast_character);
  return g_test_run ();
}
