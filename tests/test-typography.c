/* test-typography.c — curly quotes, dashes and ellipses per language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>

#include "desk-typography.h"

static void
assert_apply (const char    *language,
              DeskDashStyle  dash,
              const char    *in,
              const char    *expected)
{
  g_autofree char *out = desk_typography_apply (in, language, dash);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_apply_english (void)
{
  assert_apply ("en", DESK_DASH_EN, "\"Yes,\" she said.", "“Yes,” she said.");
  assert_apply ("en", DESK_DASH_EN, "He said \"no\".", "He said “no”.");
  assert_apply ("en-GB", DESK_DASH_EN, "(\"quoted\")", "(“quoted”)");
  assert_apply ("en", DESK_DASH_EN, "[\"a\"]", "[“a”]");
  assert_apply ("en", DESK_DASH_EN, "'Hi,' he said", "‘Hi,’ he said");
  assert_apply ("en", DESK_DASH_EN, "don't", "don’t");
  assert_apply ("en", DESK_DASH_EN, "the '90s", "the ’90s");
  assert_apply ("en", DESK_DASH_EN, "'90s music", "’90s music");
  assert_apply ("en", DESK_DASH_EN, "the students' books", "the students’ books");
  assert_apply ("en", DESK_DASH_EN, "\"She said 'don't'\"", "“She said ‘don’t’”");
  assert_apply ("en", DESK_DASH_EN, "Wait...", "Wait…");
  assert_apply ("en", DESK_DASH_EN, "one--two", "one–two");
  assert_apply ("en", DESK_DASH_EM, "one--two", "one—two");
  assert_apply ("en", DESK_DASH_EN, "one---two", "one—two");
  assert_apply ("en", DESK_DASH_EN, "one - two", "one – two");
  assert_apply ("en", DESK_DASH_EM, "one - two", "one — two");
  assert_apply ("en", DESK_DASH_EN, "1990-2000 and well-known", "1990-2000 and well-known");
  assert_apply ("en", DESK_DASH_EN, "-5 degrees", "-5 degrees");
  assert_apply ("en", DESK_DASH_EN, "“Already” curly", "“Already” curly");
  assert_apply (NULL, DESK_DASH_EN, "\"x\"", "“x”");
  assert_apply ("xx", DESK_DASH_EN, "\"x\"", "“x”");
  assert_apply ("en", DESK_DASH_EN, "", "");
}

static void
test_apply_german_albanian (void)
{
  assert_apply ("de", DESK_DASH_EN, "\"Ja\", sagte sie.", "„Ja“, sagte sie.");
  assert_apply ("de-AT", DESK_DASH_EN, "Er sagte: 'nein'.", "Er sagte: ‚nein‘.");
  assert_apply ("de", DESK_DASH_EN, "Peter's Haus", "Peter’s Haus");
  assert_apply ("de", DESK_DASH_EN, "(\"Zitat\")", "(„Zitat“)");
  assert_apply ("sq", DESK_DASH_EN, "\"Po\", tha ai.", "„Po“, tha ai.");
  assert_apply ("sq", DESK_DASH_EN, "Ai tha 'jo'", "Ai tha ‚jo‘");
}

static void
test_apply_french (void)
{
  assert_apply ("fr", DESK_DASH_EN, "\"Oui\", dit-elle.", "«\u00A0Oui\u00A0», dit-elle.");
  assert_apply ("fr", DESK_DASH_EN, "Il dit \" non \".", "Il dit «\u00A0non\u00A0».");
  assert_apply ("fr", DESK_DASH_EN, "'mot'", "‹\u00A0mot\u00A0›");
  assert_apply ("fr", DESK_DASH_EN, "l'homme", "l’homme");
  assert_apply ("fr", DESK_DASH_EN, "Vraiment ? Oui !", "Vraiment\u202F? Oui\u202F!");
  assert_apply ("fr", DESK_DASH_EN, "Note : voici", "Note\u00A0: voici");
  assert_apply ("fr-CA", DESK_DASH_EN, "(\"cité\")", "(«\u00A0cité\u00A0»)");
}

static void
test_apply_map (void)
{
  g_autoptr (GArray) map = NULL;
  g_autofree char *out = desk_typography_apply_with_map ("a--\"b\"...", "fr", DESK_DASH_EN, &map);
  /* input:  a - - " b " . . .   (9 chars)
   * output: a – « ␣ b ␣ » …     (8 chars) */
  static const guint expected[] = { 0, 1, 1, 2, 4, 5, 7, 7, 7, 8 };

  g_assert_cmpstr (out, ==, "a–«\u00A0b\u00A0»…");
  g_assert_cmpuint (map->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < map->len; i++)
    g_assert_cmpuint (g_array_index (map, guint, i), ==, expected[i]);
}

/* With and without the map the text is the same; the map rises from 0 to the
 * result's length, and every letter or digit lands on itself. */
static void
assert_map_consistent (const char    *language,
                       DeskDashStyle  dash,
                       const char    *in)
{
  g_autoptr (GArray) map = NULL;
  g_autofree char *plain = desk_typography_apply (in, language, dash);
  g_autofree char *out = desk_typography_apply_with_map (in, language, dash, &map);
  glong n_in = g_utf8_strlen (in, -1);
  guint i = 0;

  g_assert_cmpstr (out, ==, plain);
  g_assert_cmpuint (map->len, ==, n_in + 1);
  g_assert_cmpuint (g_array_index (map, guint, map->len - 1), ==, g_utf8_strlen (out, -1));
  for (const char *p = in; *p; p = g_utf8_next_char (p), i++)
    {
      guint at = g_array_index (map, guint, i);

      g_assert_cmpuint (at, <=, g_array_index (map, guint, i + 1));
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        g_assert_cmpuint (g_utf8_get_char (g_utf8_offset_to_pointer (out, at)), ==,
                          g_utf8_get_char (p));
    }
}

/* Long runs that need no change, with the punctuation at their very ends. */
static void
test_apply_long_runs (void)
{
  g_autofree char *run = g_strnfill (5000, 'a');
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", run);
  g_autofree char *quoted_out = g_strdup_printf ("“%s”", run);
  g_autofree char *dashes = g_strdup_printf ("--%s...", run);
  g_autofree char *dashes_out = g_strdup_printf ("–%s…", run);
  g_autofree char *curly = g_strdup_printf ("“%s \"", run);
  g_autofree char *curly_out = g_strdup_printf ("“%s ”", run);
  g_autofree char *french = g_strdup_printf ("%s ?%s !", run, run);
  g_autofree char *french_out = g_strdup_printf ("%s\u202F?%s\u202F!", run, run);
  g_autofree char *english = g_strdup_printf ("%s ?", run);

  assert_apply ("en", DESK_DASH_EN, quoted, quoted_out);
  assert_apply ("en", DESK_DASH_EN, dashes, dashes_out);
  assert_apply ("en", DESK_DASH_EN, curly, curly_out);
  assert_apply ("fr", DESK_DASH_EN, french, french_out);
  assert_apply ("en", DESK_DASH_EN, english, english);
  assert_apply ("en", DESK_DASH_EN, run, run);
  for (guint i = 0; i < 2; i++)
    {
      const char *language = i ? "fr" : "en";

      assert_map_consistent (language, DESK_DASH_EN, quoted);
      assert_map_consistent (language, DESK_DASH_EM, dashes);
      assert_map_consistent (language, DESK_DASH_EN, curly);
      assert_map_consistent (language, DESK_DASH_EN, french);
      assert_map_consistent (language, DESK_DASH_EN, run);
    }
}

/* Characters of two or more bytes right beside the punctuation, curly marks met
 * in the middle of a run, and characters that share a lead byte with the marks. */
static void
test_apply_multibyte (void)
{
  static const char *cases[][3] = {
    { "en", "é \"ë\" é\"", "é “ë” é”" },
    { "en", "世--世 ش - ش", "世–世 ش – ش" },
    { "en", "naïve 'été' don't", "naïve ‘été’ don’t" },
    { "en", "ab “cd\" ef", "ab “cd” ef" },
    { "en", "“ab ‘cd' ef\"", "“ab ‘cd’ ef”" },
    { "en", "x – \"y\" — z… \"😊\"", "x – “y” — z… “😊”" },
    /* code points ending in 00 after a word do not open a quotation */
    { "en", "😀\" Ā\" ؀\"", "😀” Ā” ؀”" },
    { "de", "„Ja\" und ‚nein'", "„Ja“ und ‚nein‘" },
    { "de", "\"Ja“ – \"nein\"", "„Ja“ – „nein“" },
    { "fr", "«\u00A0Oui\" dit-il ; « non \"", "«\u00A0Oui\u00A0» dit-il\u202F; « non\u00A0»" },
    { "fr", "Ça va ? Très\u00A0bien !", "Ça va\u202F? Très\u00A0bien\u202F!" },
    { "fa", "او گفت \"نه\"...", "او گفت «نه»…" },
    { "ar", "قال: \"لا\"...", "قال: «لا»…" },
    { "he", "הוא אמר \"לא\" ו'כן'.", "הוא אמר ”לא” ו’כן’." },
    { "pl", "„Tak\" i 'nie'", "„Tak” i ‚nie’" },
  };


  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i][1]);
      assert_apply (cases[i][0], DESK_DASH_EN, cases[i][1], cases[i][2]);
      assert_map_consistent (cases[i][0], DESK_DASH_EN, cases[i][1]);
    }
}

typedef struct {
  const char *language;
  DeskDashStyle dash;
  const char *before;
  gunichar typed;
  gboolean replaces;
  guint n;
  const char *replacement;
} TypedCase;

static const TypedCase typed_cases[] = {
  { "en", DESK_DASH_EN, "", '"', TRUE, 0, "“" },
  { "en", DESK_DASH_EN, "He said ", '"', TRUE, 0, "“" },
  { "en", DESK_DASH_EN, "He said “yes", '"', TRUE, 0, "”" },
  { "en", DESK_DASH_EN, "(", '"', TRUE, 0, "“" },
  { "en", DESK_DASH_EN, "don", '\'', TRUE, 0, "’" },
  { "en", DESK_DASH_EN, "the ", '\'', TRUE, 0, "‘" },
  { "en", DESK_DASH_EN, "the ‘", '9', TRUE, 1, "’9" },
  { "en", DESK_DASH_EN, "‘quoted", '\'', TRUE, 0, "’" },
  { "de", DESK_DASH_EN, "", '"', TRUE, 0, "„" },
  { "de", DESK_DASH_EN, "„Ja", '"', TRUE, 0, "“" },
  { "de", DESK_DASH_EN, "‚nein", '\'', TRUE, 0, "‘" },
  { "de", DESK_DASH_EN, "Peter", '\'', TRUE, 0, "’" },
  { "sq", DESK_DASH_EN, "tha ", '"', TRUE, 0, "„" },
  { "fr", DESK_DASH_EN, "", '"', TRUE, 0, "«\u00A0" },
  { "fr", DESK_DASH_EN, "«\u00A0", ' ', TRUE, 0, "" },
  { "fr", DESK_DASH_EN, "«\u00A0Oui ", '"', TRUE, 1, "\u00A0»" },
  { "fr", DESK_DASH_EN, "«\u00A0Oui", '"', TRUE, 0, "\u00A0»" },
  { "fr", DESK_DASH_EN, "Vraiment ", '?', TRUE, 1, "\u202F?" },
  { "fr", DESK_DASH_EN, "l", '\'', TRUE, 0, "’" },
  { "en", DESK_DASH_EN, "one-", '-', TRUE, 1, "–" },
  { "en", DESK_DASH_EM, "one-", '-', TRUE, 1, "—" },
  { "en", DESK_DASH_EN, "one–", '-', TRUE, 1, "—" },
  { "en", DESK_DASH_EN, "one -", ' ', TRUE, 1, "– " },
  { "en", DESK_DASH_EN, "Wait..", '.', TRUE, 2, "…" },
  { "en", DESK_DASH_EN, "Wait.", '.', FALSE, 0, NULL },
  { "en", DESK_DASH_EN, "-", ' ', FALSE, 0, NULL },
  { "en", DESK_DASH_EN, "well", '-', FALSE, 0, NULL },
  { "en", DESK_DASH_EN, "abc", 'd', FALSE, 0, NULL },
  { "en", DESK_DASH_EN, "Vraiment ", '?', FALSE, 0, NULL },
};

static void
test_replace_before_cursor (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (typed_cases); i++)
    {
      const TypedCase *c = &typed_cases[i];
      g_autofree char *replacement = NULL;
      guint n = 99;
      gboolean replaces;

      g_test_message ("case %u: “%s” + U+%04X (%s)", i, c->before, c->typed, c->language);
      replaces = desk_typography_replace_before_cursor (c->before, c->typed, c->language,
                                                        c->dash, &n, &replacement);
      g_assert_cmpint (replaces, ==, c->replaces);
      if (!replaces)
        continue;
      g_assert_cmpuint (n, ==, c->n);
      g_assert_cmpstr (replacement, ==, c->replacement);
    }
}

/* Typing a sentence one character at a time gives what applying it whole gives. */
static void
test_typing_matches_apply (void)
{
  static const char *sentences[][2] = {
    { "en", "\"I don't know,\" she said -- 'maybe' in the '90s..." },
    { "de", "\"Ja\", sagte er. 'Nein', sagte sie." },
    { "fr", "Il dit \"oui\" et 'non'." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      const char *language = sentences[i][0];
      g_autofree char *whole = desk_typography_apply (sentences[i][1], language, DESK_DASH_EN);
      g_autoptr (GString) typed = g_string_new (NULL);

      for (const char *p = sentences[i][1]; *p; p = g_utf8_next_char (p))
        {
          g_autofree char *replacement = NULL;
          gunichar c = g_utf8_get_char (p);
          guint n = 0;

          if (desk_typography_replace_before_cursor (typed->str, c, language, DESK_DASH_EN,
                                                     &n, &replacement))
            {
              const char *cut = typed->str + typed->len;

              for (guint k = 0; k < n; k++)
                cut = g_utf8_prev_char (cut);
              g_string_truncate (typed, cut - typed->str);
              g_string_append (typed, replacement);
            }
          else
            g_string_append_unichar (typed, c);
        }
      g_assert_cmpstr (typed->str, ==, whole);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copydesk/typography/apply/english", test_apply_english);
  g_test_add_func ("/copydesk/typography/apply/german-albanian", test_apply_german_albanian);
  g_test_add_func ("/copydesk/typography/apply/french", test_apply_french);
  g_test_add_func ("/copydesk/typography/apply/offset-map", test_apply_map);
  g_test_add_func ("/copydesk/typography/apply/long-runs", test_apply_long_runs);
  g_test_add_func ("/copydesk/typography/apply/multibyte", test_apply_multibyte);
  g_test_add_func ("/copydesk/typography/typing/replace", test_replace_before_cursor);
  g_test_add_func ("/copydesk/typography/typing/matches-apply", test_typing_matches_apply);

  return g_test_run ();
}
