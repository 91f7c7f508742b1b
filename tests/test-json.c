/* test-json.c — the JSON form of a story: round trips and refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "desk-json.h"
#include "desk-summary.h"

/* 2026-11-28T09:00:00Z and five minutes later */
#define CREATED  G_GINT64_CONSTANT (1795856400)
#define MODIFIED (CREATED + 300)

static DeskArticle *
make_full_article (void)
{
  DeskArticle *article = desk_article_new ();
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  g_autoptr (DeskBlock) para = desk_block_new (DESK_BLOCK_PARAGRAPH,
                                               "Policia e Tiranës ka kryer një kontroll 🎉 "
                                               "pranë kampit, tha Çuçi.");
  g_autoptr (DeskBlock) sub = desk_block_new (DESK_BLOCK_SUBHEADING, "پلیس آلبانی");
  g_autoptr (DeskBlock) quote = desk_block_new (DESK_BLOCK_QUOTE, "Unë garantoj që…");
  g_autoptr (DeskBlock) pull = desk_block_new (DESK_BLOCK_PULLQUOTE, "“A line to pull”");
  g_autoptr (DeskRelated) by_id = desk_related_new (9, NULL, NULL, NULL, NULL);
  g_autoptr (DeskRelated) teaser = desk_related_new (0, "News", "Tourist season ë",
                                                     "Prime Minister…", "https://example.org/t");

  desk_article_set_id (article, 7);
  desk_article_set_headline (article, "Albanian police raid Iranian exiles' compound");
  desk_article_set_kicker (article, "News");
  desk_article_set_deck (article, "Një deck me ë dhe ç");
  desk_article_set_byline (article, "By Jane Doe");
  desk_article_set_language (article, "sq-AL");
  desk_article_set_status (article, DESK_STATUS_READY);
  desk_article_set_source_name (article, "Example Wire");
  desk_article_set_source_url (article, "https://example.org/story");
  desk_article_set_tagline (article, "Reporting by Jane Doe; Editing by شیرین");
  desk_article_set_note (article, "check the spelling of Çuçi");
  desk_article_set_created (article, CREATED);
  desk_article_set_modified (article, MODIFIED);
  desk_dateline_set_place (dateline, "Tiranë");
  g_assert_true (desk_dateline_set_date (dateline, "2023-06-21"));
  desk_dateline_set_credit (dateline, "AP");
  desk_article_set_dateline (article, dateline);

  desk_block_add_mark (para, DESK_MARK_EM, 0, 7, NULL);
  desk_block_add_mark (para, DESK_MARK_STRONG, 40, 42, NULL);
  desk_block_add_mark (para, DESK_MARK_LINK, 3, 20, "mailto:desk@example.org");
  desk_block_add_mark (sub, DESK_MARK_STRONG, 0, 4, NULL);
  desk_block_set_attribution (quote, "Bledi Çuçi");
  desk_block_add_mark (quote, DESK_MARK_LINK, 0, 3, "http://example.org/q");
  desk_block_set_attribution (pull, "");
  desk_article_append_block (article, para);
  desk_article_append_block (article, sub);
  desk_article_append_block (article, quote);
  desk_article_append_block (article, pull);
  desk_article_append_related (article, by_id);
  desk_article_append_related (article, teaser);
  return article;
}

static DeskArticle *
read_ok (const char *json)
{
  g_autoptr (GError) error = NULL;
  DeskArticle *article = desk_json_read_article (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static void
assert_round_trip (DeskArticle *article)
{
  g_autofree char *first = desk_json_write_article (article, TRUE);
  g_autoptr (DeskArticle) back = read_ok (first);
  g_autofree char *second = desk_json_write_article (back, TRUE);
  g_autofree char *compact = desk_json_write_article (back, FALSE);
  g_autoptr (DeskArticle) from_compact = read_ok (compact);

  g_assert_true (desk_article_equal_content (article, back));
  g_assert_true (desk_article_equal_content (article, from_compact));
  g_assert_cmpint (desk_article_get_id (back), ==, desk_article_get_id (article));
  g_assert_cmpint (desk_article_get_created (back), ==, desk_article_get_created (article));
  g_assert_cmpint (desk_article_get_modified (back), ==, desk_article_get_modified (article));
  g_assert_cmpstr (first, ==, second);
}

static void
test_round_trip_full (void)
{
  g_autoptr (DeskArticle) article = make_full_article ();
  g_autofree char *json = desk_json_write_article (article, TRUE);

  assert_round_trip (article);
  /* non-ASCII is written as UTF-8, not escaped */
  g_assert_nonnull (strstr (json, "\"attribution\" : \"Bledi Çuçi\""));
  g_assert_nonnull (strstr (json, "پلیس آلبانی"));
  g_assert_nonnull (strstr (json, "🎉"));
  g_assert_nonnull (strstr (json, "\"created\" : \"2026-11-28T09:00:00Z\""));
  g_assert_nonnull (strstr (json, "\"modified\" : \"2026-11-28T09:05:00Z\""));
  g_assert_nonnull (strstr (json, "\"status\" : \"ready\""));
  g_assert_nonnull (strstr (json, "\"date\" : \"2023-06-21\""));
}

static void
test_round_trip_empty (void)
{
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autofree char *json = desk_json_write_article (article, FALSE);
  g_autoptr (DeskArticle) back = NULL;

  assert_round_trip (article);
  /* an unsaved story has no id or times; every other key is there */
  g_assert_cmpstr (json, ==,
                   "{\"headline\":\"\",\"kicker\":\"\",\"deck\":\"\",\"byline\":\"\","
                   "\"dateline\":{\"place\":\"\",\"date\":\"\",\"credit\":\"\"},"
                   "\"language\":\"en\",\"status\":\"draft\","
                   "\"source\":{\"name\":\"\",\"url\":\"\"},\"tagline\":\"\",\"body\":[],"
                   "\"related\":[],\"note\":\"\"}");

  /* the smallest story: every key optional */
  back = read_ok ("{}");
  g_assert_true (desk_article_equal_content (article, back));
}

static void
test_round_trip_tirana (void)
{
  const char *json =
    "{\"headline\": \"Albanian police raid Iranian exiles' compound\","
    " \"kicker\": \"News\","
    " \"dateline\": {\"place\": \"Tirana\", \"date\": \"2023-06-21\", \"credit\": \"\"},"
    " \"language\": \"en\", \"status\": \"draft\","
    " \"body\": ["
    "  {\"type\": \"paragraph\", \"text\": \"Albanian police forces conducted a raid on the "
    "compound of the People's Mujahedin of Iran (MEK) near Durrës.\","
    "   \"marks\": [{\"type\": \"em\", \"start\": 0, \"end\": 8}]},"
    "  {\"type\": \"subheading\", \"text\": \"Albanian authorities assert control\"},"
    "  {\"type\": \"paragraph\", \"text\": \"The operation followed a court order.\"},"
    "  {\"type\": \"quote\", \"text\": \"I guarantee that no one is above the law.\","
    "   \"attribution\": \"Bledi Çuçi\"},"
    "  {\"type\": \"subheading\", \"text\": \"Reactions\"},"
    "  {\"type\": \"paragraph\", \"text\": \"The MEK called the raid unjustified.\"}"
    " ]}";
  g_autoptr (DeskArticle) article = read_ok (json);
  DeskBlock *quote;

  g_assert_cmpuint (desk_article_get_n_blocks (article), ==, 6);
  quote = desk_article_get_block (article, 3);
  g_assert_cmpint (desk_block_get_kind (quote), ==, DESK_BLOCK_QUOTE);
  g_assert_cmpstr (desk_block_get_attribution (quote), ==, "Bledi Çuçi");
  g_assert_cmpstr (desk_dateline_get_place (desk_article_get_dateline (article)), ==, "Tirana");
  g_assert_cmpstr (desk_dateline_get_date (desk_article_get_dateline (article)), ==, "2023-06-21");
  g_assert_cmpuint (desk_block_get_n_marks (desk_article_get_block (article, 0)), ==, 1);
  assert_round_trip (article);
}

static void
test_marks_count_characters (void)
{
  g_autoptr (DeskArticle) ok = read_ok ("{\"body\": [{\"type\": \"paragraph\", \"text\": \"ë🎉ç\","
                                        " \"marks\": [{\"type\": \"strong\", \"start\": 1, "
                                        "\"end\": 3}]}]}");
  const DeskMark *mark = desk_block_get_mark (desk_article_get_block (ok, 0), 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) bad = NULL;

  g_assert_cmpuint (mark->start, ==, 1);
  g_assert_cmpuint (mark->end, ==, 3);
  bad = desk_json_read_article ("{\"body\": [{\"type\": \"paragraph\", \"text\": \"ë🎉ç\","
                                " \"marks\": [{\"type\": \"em\", \"start\": 0, \"end\": 4}]}]}",
                                -1, &error);
  g_assert_null (bad);
  g_assert_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "body[0].marks[0]: end 4 is past the end of the text (3 characters)");
}

static void
test_times (void)
{
  gint64 t = 0;
  g_autofree char *text = desk_json_format_time (CREATED);
  g_autoptr (DeskArticle) article = NULL;

  g_assert_cmpstr (text, ==, "2026-11-28T09:00:00Z");
  g_assert_true (desk_json_parse_time ("2026-11-28T11:00:00+02:00", &t));
  g_assert_cmpint (t, ==, CREATED);
  g_assert_false (desk_json_parse_time ("2026-11-28 09:00", &t));
  g_assert_false (desk_json_parse_time ("2026-11-28T09:00:00", &t));

  article = read_ok ("{\"created\": \"2026-11-28T09:00:00Z\", \"modified\": \"\"}");
  g_assert_cmpint (desk_article_get_created (article), ==, CREATED);
  g_assert_cmpint (desk_article_get_modified (article), ==, 0);

  /* a year before 1000 is padded, so it reads back (found by fuzz-json) */
  g_assert_true (desk_json_parse_time ("0841-11-28T09:00:00Z", &t));
  g_clear_pointer (&text, g_free);
  text = desk_json_format_time (t);
  g_assert_cmpstr (text, ==, "0841-11-28T09:00:00Z");
}

typedef struct {
  const char *json;
  int code;
  const char *message; /* exact, or a prefix when it ends in "…" */
} Refusal;

static const Refusal refusals[] = {
  { "{\"headline\": 5}", DESK_JSON_ERROR_INVALID, "headline: expected a string, found a number" },
  { "{\"headline\": null}", DESK_JSON_ERROR_INVALID, "headline: expected a string, found null" },
  { "{\"headlin\": \"x\"}", DESK_JSON_ERROR_INVALID, "headlin: unknown key" },
  { "{\"body\": {}}", DESK_JSON_ERROR_INVALID, "body: expected a list, found an object" },
  { "{\"body\": [\"text\"]}", DESK_JSON_ERROR_INVALID,
    "body[0]: expected an object, found a string" },
  { "{\"body\": [{\"type\": \"table\", \"text\": \"x\"}]}", DESK_JSON_ERROR_INVALID,
    "body[0].type: unknown block type “table” (expected paragraph, subheading, quote or "
    "pullquote)" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"x\", \"attribution\": \"Me\"}]}",
    DESK_JSON_ERROR_INVALID, "body[0].attribution: only a quote or a pull quote has an "
    "attribution" },
  { "{\"body\": [{\"type\": \"subheading\", \"text\": \"x\", \"attribution\": \"Me\"}]}",
    DESK_JSON_ERROR_INVALID, "body[0].attribution: only a quote or a pull quote has an "
    "attribution" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\", \"marks\": "
    "[{\"type\": \"underline\", \"start\": 0, \"end\": 1}]}]}", DESK_JSON_ERROR_INVALID,
    "body[0].marks[0].type: unknown mark type “underline” (expected em, strong or link)" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\"}, {\"type\": \"paragraph\", "
    "\"text\": \"abc\", \"marks\": [{\"type\": \"em\", \"start\": 2, \"end\": 1}]}]}",
    DESK_JSON_ERROR_INVALID, "body[1].marks[0]: start 2 is not before end 1" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\", \"marks\": "
    "[{\"type\": \"em\", \"start\": 1, \"end\": 1}]}]}", DESK_JSON_ERROR_INVALID,
    "body[0].marks[0]: start 1 is not before end 1" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\", \"marks\": "
    "[{\"type\": \"em\", \"start\": -1, \"end\": 1}]}]}", DESK_JSON_ERROR_INVALID,
    "body[0].marks[0]: start -1 and end 1 cannot be negative" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\", \"marks\": "
    "[{\"type\": \"em\", \"start\": 0.5, \"end\": 1}]}]}", DESK_JSON_ERROR_INVALID,
    "body[0].marks[0].start: expected a whole number, found a number" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\", \"marks\": "
    "[{\"type\": \"em\", \"start\": 0}]}]}", DESK_JSON_ERROR_INVALID,
    "body[0].marks[0].end: missing" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\", \"marks\": "
    "[{\"type\": \"link\", \"start\": 0, \"end\": 1, \"href\": \"javascript:alert(1)\"}]}]}",
    DESK_JSON_ERROR_INVALID,
    "body[0].marks[0].href: “javascript:alert(1)” is not an http, https or mailto address" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\", \"marks\": "
    "[{\"type\": \"link\", \"start\": 0, \"end\": 1}]}]}", DESK_JSON_ERROR_INVALID,
    "body[0].marks[0]: a link needs an href" },
  { "{\"body\": [{\"type\": \"paragraph\", \"text\": \"abc\", \"marks\": "
    "[{\"type\": \"em\", \"start\": 0, \"end\": 1, \"href\": \"http://a.b\"}]}]}",
    DESK_JSON_ERROR_INVALID, "body[0].marks[0]: only a link has an href" },
  { "{\"source\": {\"name\": \"x\", \"url\": \"file:///etc/passwd\"}}", DESK_JSON_ERROR_INVALID,
    "source.url: “file:///etc/passwd” is not an http, https or mailto address" },
  { "{\"dateline\": {\"place\": \"Tirana\", \"date\": \"2023-02-30\"}}", DESK_JSON_ERROR_INVALID,
    "dateline.date: “2023-02-30” is not a date (expected YYYY-MM-DD, or --MM-DD without a "
    "year)" },
  { "{\"dateline\": {\"place\": \"Tirana\", \"date\": \"21 June\"}}", DESK_JSON_ERROR_INVALID,
    "dateline.date: “21 June” is not a date (expected YYYY-MM-DD, or --MM-DD without a "
    "year)" },
  { "{\"dateline\": \"Tirana\"}", DESK_JSON_ERROR_INVALID,
    "dateline: expected an object, found a string" },
  { "{\"status\": \"final\"}", DESK_JSON_ERROR_INVALID,
    "status: unknown status “final” (expected draft, editing, ready or published)" },
  { "{\"status\": \"\"}", DESK_JSON_ERROR_INVALID,
    "status: unknown status “” (expected draft, editing, ready or published)" },
  { "{\"language\": \"en\\\"><script>\"}", DESK_JSON_ERROR_INVALID,
    "language: “en\"><script>” is not a language tag such as en or sq-AL" },
  { "{\"created\": \"yesterday\"}", DESK_JSON_ERROR_INVALID,
    "created: “yesterday” is not a time such as 2026-11-28T09:00:00Z" },
  { "{\"related\": [{\"id\": 0}]}", DESK_JSON_ERROR_INVALID, "related[0].id: 0 is not a story id" },
  { "{\"related\": [{\"id\": 3, \"headline\": \"x\"}]}", DESK_JSON_ERROR_INVALID,
    "related[0]: a story of the library is named by its id alone" },
  { "{\"related\": [{\"kicker\": \"News\"}]}", DESK_JSON_ERROR_INVALID,
    "related[0].headline: a related story needs an id or a headline" },
  { "{\"related\": [{\"headline\": \"x\", \"url\": \"data:text/html,x\"}]}",
    DESK_JSON_ERROR_INVALID,
    "related[0].url: “data:text/html,x” is not an http, https or mailto address" },
  { "{\"note\": \"a\\u0001b\"}", DESK_JSON_ERROR_INVALID,
    "note: the text holds a control character (U+0001)" },
  { "{\"note\": \"a\\u0000b\"}", DESK_JSON_ERROR_SYNTAX,
    "line 1, column 12: a string holds the NUL character \\u0000" },
  { "{\n  \"headline\": \"x\",\n  \"deck\": tru\n}", DESK_JSON_ERROR_SYNTAX,
    "line 3, column 13: not valid JSON: …" },
  { "{\"headline\": \"x\"} trailing", DESK_JSON_ERROR_SYNTAX, "line 1, column …" },
  { "{\"headline\": \"caf\xe9\"}", DESK_JSON_ERROR_SYNTAX,
    "line 1, column 18: not valid UTF-8 text" },
  { "", DESK_JSON_ERROR_SYNTAX, "there is no JSON in it" },
  { "   \n ", DESK_JSON_ERROR_SYNTAX, "there is no JSON in it" },
  { "42", DESK_JSON_ERROR_INVALID,
    "expected a story (an object) or a list of stories, found a number" },
  { "[]", DESK_JSON_ERROR_INVALID,
    "expected a story (an object) or a list of stories, found an empty list" },
  { "[{}, {\"headline\": []}]", DESK_JSON_ERROR_INVALID,
    "[1].headline: expected a string, found a list" },
};

static void
test_refusals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) articles = NULL;

      g_test_message ("refusal %u: %s", i, r->json);
      articles = desk_json_read_articles (r->json, -1, &error);
      g_assert_null (articles);
      g_assert_error (error, DESK_JSON_ERROR, r->code);
      if (g_str_has_suffix (r->message, "…"))
        {
          g_autofree char *prefix = g_strndup (r->message, strlen (r->message) - strlen ("…"));
          g_assert_true (g_str_has_prefix (error->message, prefix));
        }
      else
        g_assert_cmpstr (error->message, ==, r->message);
    }
}

static void
test_huge_string (void)
{
  const gsize n = 10 * 1024 * 1024;
  GString *json = g_string_sized_new (n + 64);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = NULL;
  g_autofree char *text = NULL;

  g_string_append (json, "{\"headline\": \"ok\", \"body\": [{\"type\": \"paragraph\", \"text\": \"");
  while (json->len < n)
    g_string_append (json, "ëa ");
  g_string_append (json, "\"}]}");
  text = g_string_free (json, FALSE);

  article = desk_json_read_article (text, -1, &error);
  g_assert_null (article);
  g_assert_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "body[0].text: the text is "));
  g_assert_nonnull (strstr (error->message, "over the limit of 1 MiB"));
}

static void
test_huge_input (void)
{
  gsize n = DESK_JSON_MAX_INPUT + 1;
  g_autofree char *data = g_malloc (n);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;

  memset (data, ' ', n);
  data[0] = '[';
  data[n - 1] = ']';
  articles = desk_json_read_articles (data, n, &error);
  g_assert_null (articles);
  g_assert_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "over the limit of 64 MiB"));
}

static void
test_deep_nesting (void)
{
  gsize n = 1000000;
  g_autofree char *data = g_malloc (n + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;

  /* json-glib itself would run out of stack on this */
  memset (data, '[', n);
  data[n] = '\0';
  articles = desk_json_read_articles (data, -1, &error);
  g_assert_null (articles);
  g_assert_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 1, column 33: nested more than 32 levels deep");
}

/* The written text is the immutable tree of desk_json_article_to_node, generated. */
static void
test_write_matches_node (void)
{
  g_autoptr (DeskArticle) article = make_full_article ();
  g_autoptr (JsonNode) node = desk_json_article_to_node (article);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *compact = desk_json_write_article (article, FALSE);
  g_autofree char *pretty = desk_json_write_article (article, TRUE);
  g_autofree char *from_node = NULL;
  g_autofree char *from_node_pretty = NULL;
  g_autofree char *with_newline = NULL;

  g_assert_true (json_node_is_immutable (node));
  json_generator_set_root (generator, node);
  from_node = json_generator_to_data (generator, NULL);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  from_node_pretty = json_generator_to_data (generator, NULL);
  with_newline = g_strconcat (from_node_pretty, "\n", NULL);
  g_assert_cmpstr (compact, ==, from_node);
  g_assert_cmpstr (pretty, ==, with_newline);
}

static void
test_several (void)
{
  g_autoptr (DeskArticle) first = make_full_article ();
  g_autoptr (DeskArticle) second = desk_article_new ();
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  g_autoptr (GPtrArray) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr (DeskArticle) one = NULL;

  desk_article_set_headline (second, "Second");
  g_ptr_array_add (list, first);
  g_ptr_array_add (list, second);
  json = desk_json_write_articles (list, TRUE);
  back = desk_json_read_articles (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_true (desk_article_equal_content (first, g_ptr_array_index (back, 0)));
  g_assert_true (desk_article_equal_content (second, g_ptr_array_index (back, 1)));

  one = desk_json_read_article (json, -1, &error);
  g_assert_null (one);
  g_assert_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "expected one story, found 2");
}

static void
test_summaries (void)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_summary_free);
  g_autofree char *json = NULL;

  g_ptr_array_add (list, desk_summary_new (3, "Çuçi \"speaks\"", "News", DESK_STATUS_EDITING,
                                           MODIFIED, 42));
  json = desk_json_write_summaries (list, FALSE);
  g_assert_cmpstr (json, ==,
                   "[{\"id\":3,\"headline\":\"Çuçi \\\"speaks\\\"\",\"kicker\":\"News\","
                   "\"status\":\"editing\",\"modified\":\"2026-11-28T09:05:00Z\",\"words\":42}]");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copydesk/json/round-trip/full", test_round_trip_full);
  g_test_add_func ("/copydesk/json/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/copydesk/json/round-trip/tirana", test_round_trip_tirana);
  g_test_add_func ("/copydesk/json/marks-count-characters", test_marks_count_characters);
  g_test_add_func ("/copydesk/json/times", test_times);
  g_test_add_func ("/copydesk/json/write-matches-node", test_write_matches_node);
  g_test_add_func ("/copydesk/json/several", test_several);
  g_test_add_func ("/copydesk/json/summaries", test_summaries);
  g_test_add_func ("/copydesk/json/refuse/each", test_refusals);
  g_test_add_func ("/copydesk/json/refuse/huge-string", test_huge_string);
  g_test_add_func ("/copydesk/json/refuse/huge-input", test_huge_input);
  g_test_add_func ("/copydesk/json/refuse/deep-nesting", test_deep_nesting);

  return g_test_run ();
}
