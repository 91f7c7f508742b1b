/* test-text.c — the plain-text and wire-copy reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "desk-text.h"

static DeskArticle *
read_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  DeskArticle *article = desk_text_read (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static const char *
block_text (DeskArticle *article,
            guint        index)
{
  g_assert_cmpuint (index, <, desk_article_get_n_blocks (article));
  return desk_block_get_text (desk_article_get_block (article, index));
}

static DeskBlockKind
block_kind (DeskArticle *article,
            guint        index)
{
  g_assert_cmpuint (index, <, desk_article_get_n_blocks (article));
  return desk_block_get_kind (desk_article_get_block (article, index));
}

static void
assert_dateline (DeskArticle *article,
                 const char  *place,
                 const char  *date,
                 const char  *credit)
{
  const DeskDateline *d = desk_article_get_dateline (article);

  g_assert_cmpstr (desk_dateline_get_place (d), ==, place);
  g_assert_cmpstr (desk_dateline_get_date (d), ==, date);
  g_assert_cmpstr (desk_dateline_get_credit (d), ==, credit);
}

static guint
count_kind (DeskArticle   *article,
            DeskBlockKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
    n += block_kind (article, i) == kind;
  return n;
}

/* A "News" teaser read from the text: no library id, the deck cut where it ends. */
static void
assert_teaser (DeskArticle *article,
               guint        index,
               const char  *headline,
               const char  *deck_start,
               const char  *deck_end)
{
  const DeskRelated *r = desk_article_get_related (article, index);

  g_assert_cmpint (r->id, ==, 0);
  g_assert_cmpstr (r->kicker, ==, "News");
  g_assert_cmpstr (r->headline, ==, headline);
  g_assert_true (g_str_has_prefix (r->deck, deck_start));
  g_assert_true (g_str_has_suffix (r->deck, deck_end));
}

static void
test_sample (void)
{
  static const char *subheads[] = {
    "Albanian authorities assert control",
    "U.S. supports actions of Albanian authorities",
    "How events unfolded according to the police",
    "MEK’s activities tied to last year’s Iranian cyberattack on Albania",
  };
  /* how many paragraphs come before each subheading */
  static const guint paragraphs_before[] = { 3, 9, 13, 17 };
  g_autofree char *path = g_build_filename (g_getenv ("COPYDESK_SAMPLES"), "tirana-raid.txt",
                                            NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) a = NULL;
  gsize length;
  guint paragraphs = 0, subheading = 0;

  /* the sample lives beside the repository (../shared/samples), as in CI */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the sample stories are not there");
      return;
    }
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  a = desk_text_read (data, length, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (desk_article_get_headline (a), ==,
                   "Albanian police raid Iranian exiles’ compound in cyberattacks investigation, "
                   "seizing computers, facing protests");
  g_assert_cmpstr (desk_article_get_kicker (a), ==, "");
  g_assert_cmpstr (desk_article_get_byline (a), ==, "");
  assert_dateline (a, "Tirana", "2023-06-21", "");
  g_assert_cmpstr (desk_article_get_source_name (a), ==, "Original post");
  g_assert_cmpstr (desk_article_get_source_url (a), ==, "");

  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 25);
  g_assert_cmpuint (count_kind (a, DESK_BLOCK_QUOTE), ==, 0);
  g_assert_true (g_str_has_prefix (block_text (a, 0), "Albanian police forces conducted Tuesday"));
  for (guint i = 0; i < desk_article_get_n_blocks (a); i++)
    {
      const char *text = block_text (a, i);

      /* the sample's trailing no-break spaces are gone */
      g_assert_false (g_str_has_suffix (text, " ") || g_str_has_suffix (text, "\u00a0"));
      if (block_kind (a, i) == DESK_BLOCK_PARAGRAPH)
        {
          paragraphs++;
          continue;
        }
      g_assert_cmpint (block_kind (a, i), ==, DESK_BLOCK_SUBHEADING);
      g_assert_cmpuint (subheading, <, G_N_ELEMENTS (subheads));
      g_assert_cmpstr (text, ==, subheads[subheading]);
      g_assert_cmpuint (paragraphs, ==, paragraphs_before[subheading]);
      subheading++;
    }
  g_assert_cmpuint (paragraphs, ==, 21);
  g_assert_cmpuint (subheading, ==, 4);
  g_assert_true (g_str_has_prefix (block_text (a, 24), "Relations between Albania and Iran"));
  g_assert_true (g_str_has_suffix (block_text (a, 24), "the Iranian dissident group."));
  g_assert_true (g_str_has_suffix (block_text (a, 23), "renewed U.S. sanctions of Iran."));

  g_assert_cmpuint (desk_article_get_n_related (a), ==, 3);
  assert_teaser (a, 0, "Albania commemorates 15 anniversary as Alliance takes stock "
                 "of present and future challenges",
                 "AIIS’ international conference gathers", "Albania’s 15th anniversary of …");
  assert_teaser (a, 1, "Tourist season, Rama: Soon, we can reach 20 million tourists",
                 "Prime Minister Edi Rama spoke about", "and that the time will …");
  assert_teaser (a, 2, "Tourism/ Balluku: We expect about 14 million visitors",
                 "The Minister of Infrastructure and Energy", "has been done by the government …");
}

typedef struct
{
  const char *text;
  int context_year;
  const char *place, *date, *credit, *lead;
} DatelineCase;

static const DatelineCase dateline_cases[] = {
  { "Flood waters recede in Shkodër\n\n"
    "TIRANA, June 21, 2023 – Rescue teams reached the last villages cut off by the Buna river.\n",
    0, "Tirana", "2023-06-21", "", "Rescue teams reached the last villages" },
  { "Ceasefire holds along the border\n\n"
    "BEIRUT (AP) — A fragile truce held for a second day on Wednesday, officials said.\n",
    0, "Beirut", "", "AP", "A fragile truce held" },
  { "Pound slips as traders weigh rate outlook\n\n"
    "LONDON, March 3 (Reuters) - Sterling fell against the dollar on Friday.\n",
    0, "London", "--03-03", "Reuters", "Sterling fell against the dollar" },
  { "Pound slips as traders weigh rate outlook\n\n"
    "LONDON, March 3 (Reuters) - Sterling fell against the dollar on Friday.\n",
    2024, "London", "2024-03-03", "Reuters", "Sterling fell" },
  { "Senate returns to a crowded agenda\nPublished Sept. 4, 2019\n\n"
    "WASHINGTON, Sept. 4 — Lawmakers return from the August recess with a spending fight ahead.\n",
    2030, "Washington", "2019-09-04", "", "Lawmakers return from the August recess" },
  { "Kosovo opens new border crossing\n\n"
    "PRISHTINA, Kosovo, May 2, 2024 — Kosovo opened a crossing point with North Macedonia.\n",
    0, "Prishtina, Kosovo", "2024-05-02", "", "Kosovo opened a crossing point" },
  { "Storm knocks out power\n\n"
    "WINSTON-SALEM, N.C. (AP) -- Thousands of homes were without power Sunday.\n",
    0, "Winston-Salem, N.C.", "", "AP", "Thousands of homes" },
  { "Carnival crowds return\n\n"
    "RIO DE JANEIRO, Feb. 12 (Reuters) – Samba schools paraded through the night.\n",
    0, "Rio de Janeiro", "--02-12", "Reuters", "Samba schools paraded" },
  /* a leap day without a year keeps no year rather than a wrong one */
  { "Leap day weddings\n\nLAS VEGAS, Feb. 29 (AP) — Chapels were booked solid.\n",
    2023, "Las Vegas", "--02-29", "AP", "Chapels were booked solid." },
  /* not datelines */
  { "Talks stall\n\nThe minister said - and repeated twice - that talks would resume.\n",
    0, "", "", "", "The minister said - and repeated" },
  { "Markets rally\n\nMonday, June 3 – a day traders will remember.\n",
    0, "", "", "", "Monday, June 3 – a day" },
  { "Strike ends\n\nBERLIN, June 31 – Workers went back to work.\n",
    0, "", "", "", "BERLIN, June 31 – Workers" },
  /* a bare dateline ("GAZA –") is a place only when it looks like one */
  { "Rescuers search the rubble\n\nGAZA – Rescuers searched the rubble through the night.\n",
    0, "Gaza", "", "", "Rescuers searched the rubble" },
  { "Council votes on ceasefire\n\nUNITED NATIONS (AP) — The Security Council voted on Friday.\n",
    0, "United Nations", "", "AP", "The Security Council voted" },
  { "Alliance adds troops\n\nNATO – The alliance said on Tuesday it would send more troops.\n",
    0, "", "", "", "NATO – The alliance said" },
  { "Leaders agree on budget\n\nEU – Leaders agreed on a budget after two days of talks.\n",
    0, "", "", "", "EU – Leaders agreed" },
  { "Parliament dissolved\n\nBREAKING – The president dissolved parliament on Monday.\n",
    0, "", "", "", "BREAKING – The president" },
  { "Exiles protest\n\nMEK – The group said on Tuesday that police beat MEK members.\n",
    0, "", "", "", "MEK – The group said" },
};

static void
test_datelines (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (dateline_cases); i++)
    {
      const DatelineCase *c = &dateline_cases[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (DeskArticle) a = desk_text_read_with_year (c->text, -1, c->context_year, &error);

      g_test_message ("case %u: %s", i, c->text);
      g_assert_no_error (error);
      assert_dateline (a, c->place, c->date, c->credit);
      g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 1);
      g_assert_true (g_str_has_prefix (block_text (a, 0), c->lead));
    }
}

/* Only the first paragraph of the body opens with a dateline; a bare one
 * whose place the story writes in capitals again is a name. */
static void
test_dateline_first_paragraph (void)
{
  g_autoptr (DeskArticle) a = read_ok (
    "Talks resume in Berlin\n\n"
    "Negotiators met again on Monday after a week's pause.\n\n"
    "Both sides said little as they arrived.\n\n"
    "BERLIN – The chancellor said the talks would go on.\n\n"
    "SKOPJE, May 2 – A second round opened elsewhere.\n");
  g_autoptr (DeskArticle) b = read_ok (
    "Exiles protest raid\n\n"
    "SPAK – The prosecutors ordered the search on Tuesday.\n\n"
    "A court had approved the warrant requested by SPAK last week.\n");
  g_autoptr (DeskArticle) c = read_ok (
    "Derby ends in a draw\n\n"
    "TIRANA – The capital's two clubs drew 1-1.\n\n"
    "Tirana scored first; Partizani equalised late.\n");

  assert_dateline (a, "", "", "");
  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 4);
  g_assert_true (g_str_has_prefix (block_text (a, 2), "BERLIN – The chancellor"));
  g_assert_true (g_str_has_prefix (block_text (a, 3), "SKOPJE, May 2 – A second round"));

  assert_dateline (b, "", "", "");
  g_assert_true (g_str_has_prefix (block_text (b, 0), "SPAK – The prosecutors"));

  assert_dateline (c, "Tirana", "", "");
  g_assert_true (g_str_has_prefix (block_text (c, 0), "The capital's two clubs"));
}

static void
test_top (void)
{
  g_autoptr (DeskArticle) a = read_ok (
    "POLITICS\n"
    "Parliament approves judicial vetting extension\n"
    "Lawmakers voted 93 to 2 to keep the vetting bodies working until 2026.\n"
    "By JANE DOE and ARBEN HOXHA, Associated Press\n"
    "\n"
    "TIRANA, Albania (AP) — Albania’s parliament on Thursday extended the mandate.\n"
    "\n"
    "The opposition boycotted the vote.\n");
  g_autoptr (DeskArticle) b = read_ok (
    "Politics\nMinister resigns over tender scandal\n\nBy Besa Krasniqi\n\n"
    "The health minister stepped down on Monday.\n\nShe denied wrongdoing.\n");
  g_autoptr (DeskArticle) c = read_ok (
    "Fire destroys market\n\nBEIRUT (AP) — A fire swept through a market overnight.\n");
  g_autoptr (DeskArticle) d = read_ok (
    "# Heatwave grips the Balkans\n\n"
    "By Tuesday, temperatures had passed 40 degrees in three capitals.\n");
  /* short lines throughout, as if wrapped: the byline still stands alone */
  g_autoptr (DeskArticle) e = read_ok (
    "Sports\nTirana wins the derby\nA late goal settled a tense match in the capital.\n"
    "By BESA KRASNIQI\n\nTIRANA — Tirana beat Partizani 2-1 on Sunday.\n");

  g_assert_cmpstr (desk_article_get_kicker (a), ==, "Politics");
  g_assert_cmpstr (desk_article_get_headline (a), ==,
                   "Parliament approves judicial vetting extension");
  g_assert_cmpstr (desk_article_get_deck (a), ==,
                   "Lawmakers voted 93 to 2 to keep the vetting bodies working until 2026.");
  g_assert_cmpstr (desk_article_get_byline (a), ==,
                   "By Jane Doe and Arben Hoxha, Associated Press");
  assert_dateline (a, "Tirana, Albania", "", "AP");
  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 2);

  g_assert_cmpstr (desk_article_get_kicker (b), ==, "Politics");
  g_assert_cmpstr (desk_article_get_headline (b), ==, "Minister resigns over tender scandal");
  g_assert_cmpstr (desk_article_get_byline (b), ==, "By Besa Krasniqi");
  g_assert_cmpstr (block_text (b, 0), ==, "The health minister stepped down on Monday.");

  /* a short headline over a dateline is not a kicker */
  g_assert_cmpstr (desk_article_get_kicker (c), ==, "");
  g_assert_cmpstr (desk_article_get_headline (c), ==, "Fire destroys market");

  /* "By Tuesday, …" is the lead, not a byline */
  g_assert_cmpstr (desk_article_get_headline (d), ==, "Heatwave grips the Balkans");
  g_assert_cmpstr (desk_article_get_byline (d), ==, "");
  g_assert_cmpuint (desk_article_get_n_blocks (d), ==, 1);

  g_assert_cmpstr (desk_article_get_kicker (e), ==, "Sports");
  g_assert_cmpstr (desk_article_get_deck (e), ==,
                   "A late goal settled a tense match in the capital.");
  g_assert_cmpstr (desk_article_get_byline (e), ==, "By Besa Krasniqi");
  assert_dateline (e, "Tirana", "", "");
}

static void
test_subheadings (void)
{
  g_autoptr (DeskArticle) a = read_ok (
    "Port expansion approved\n\n"
    "DURRES, Albania — The government approved the expansion of the port on Friday.\n\n"
    "-What the plan includes-\n\n"
    "A new container terminal will be built north of the existing quays.\n\n"
    "Who pays for it\n\n"
    "The cost will be shared with a private operator, officials said.\n\n"
    "CRITICS RAISE CONCERNS\n\n"
    "Environmental groups said the lagoon would suffer.\n\n"
    "## Next steps\n\n"
    "Tenders open next month.\n\n"
    "The minister added: yes.\n");

  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 10);
  g_assert_cmpint (block_kind (a, 1), ==, DESK_BLOCK_SUBHEADING);
  g_assert_cmpstr (block_text (a, 1), ==, "What the plan includes");
  g_assert_cmpint (block_kind (a, 3), ==, DESK_BLOCK_SUBHEADING);
  g_assert_cmpstr (block_text (a, 3), ==, "Who pays for it");
  g_assert_cmpint (block_kind (a, 5), ==, DESK_BLOCK_SUBHEADING);
  g_assert_cmpstr (block_text (a, 5), ==, "CRITICS RAISE CONCERNS");
  g_assert_cmpint (block_kind (a, 7), ==, DESK_BLOCK_SUBHEADING);
  g_assert_cmpstr (block_text (a, 7), ==, "Next steps");
  /* short, but it ends a sentence: a paragraph */
  g_assert_cmpint (block_kind (a, 9), ==, DESK_BLOCK_PARAGRAPH);
  g_assert_cmpuint (count_kind (a, DESK_BLOCK_PARAGRAPH), ==, 6);
}

static void
test_quotes (void)
{
  g_autoptr (DeskArticle) a = read_ok (
    "Minister defends police\n\n"
    "TIRANA — The interior minister defended the police on Wednesday.\n\n"
    "“I guarantee that the death was not caused by any action of the police forces.”\n\n"
    "— Bledi Çuçi, interior minister\n\n"
    "“We will cooperate,” the group said, “but not under threat.”\n\n"
    "\"Straight quotes work too.\"\n"
    "-- Jane Doe\n\n"
    "“A quotation with no attribution stays a paragraph.”\n\n"
    "The ministry said it would publish the report.\n");
  DeskBlock *quote;

  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 6);
  quote = desk_article_get_block (a, 1);
  g_assert_cmpint (desk_block_get_kind (quote), ==, DESK_BLOCK_QUOTE);
  g_assert_cmpstr (desk_block_get_text (quote), ==,
                   "I guarantee that the death was not caused by any action of the police forces.");
  g_assert_cmpstr (desk_block_get_attribution (quote), ==, "Bledi Çuçi, interior minister");
  g_assert_cmpint (block_kind (a, 2), ==, DESK_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block_text (a, 2), ==, "“We will cooperate,” the group said, “but not under threat.”");
  quote = desk_article_get_block (a, 3);
  g_assert_cmpint (desk_block_get_kind (quote), ==, DESK_BLOCK_QUOTE);
  g_assert_cmpstr (desk_block_get_text (quote), ==, "Straight quotes work too.");
  g_assert_cmpstr (desk_block_get_attribution (quote), ==, "Jane Doe");
  g_assert_cmpint (block_kind (a, 4), ==, DESK_BLOCK_PARAGRAPH);
  g_assert_cmpuint (count_kind (a, DESK_BLOCK_QUOTE), ==, 2);
}

static void
test_credits (void)
{
  g_autoptr (DeskArticle) a = read_ok (
    "Oil prices climb\n\n"
    "NEW YORK, Jan. 8 (Reuters) - Oil prices rose on Monday.\n\n"
    "Brent crude gained 2%.\n\n"
    "(Reporting by Jane Doe; Editing by John Roe)\n\n"
    "Source: Reuters https://www.reuters.com/markets/oil-prices-climb/.\n");
  g_autoptr (DeskArticle) b = read_ok (
    "Vineyards count the cost of hail\n\n"
    "Growers in Berat lost half their harvest.\n\n"
    "Jane Doe in Berat contributed to this report.\n\n"
    "This article first appeared in Balkan Insight.\n\n"
    "-30-\n");
  g_autoptr (DeskArticle) c = read_ok (
    "Bridge reopens\n\nThe bridge reopened on Sunday.\n\n"
    "Original post: https://example.org/news/bridge-reopens\n\n"
    "Related stories\n\n"
    "Local\nRoad works to finish by June\n\nThe ministry said the works on the ring road ...\n");

  assert_dateline (a, "New York", "--01-08", "Reuters");
  g_assert_cmpstr (desk_article_get_tagline (a), ==, "(Reporting by Jane Doe; Editing by John Roe)");
  g_assert_cmpstr (desk_article_get_source_name (a), ==, "Reuters");
  g_assert_cmpstr (desk_article_get_source_url (a), ==,
                   "https://www.reuters.com/markets/oil-prices-climb/");
  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 2);

  g_assert_cmpstr (desk_article_get_tagline (b), ==,
                   "Jane Doe in Berat contributed to this report.");
  g_assert_cmpstr (desk_article_get_source_name (b), ==, "Balkan Insight");
  g_assert_cmpuint (desk_article_get_n_blocks (b), ==, 1);

  g_assert_cmpstr (desk_article_get_source_name (c), ==, "Original post");
  g_assert_cmpstr (desk_article_get_source_url (c), ==, "https://example.org/news/bridge-reopens");
  g_assert_cmpuint (desk_article_get_n_blocks (c), ==, 1);
  g_assert_cmpuint (desk_article_get_n_related (c), ==, 1);
  g_assert_cmpstr (desk_article_get_related (c, 0)->kicker, ==, "Local");
  g_assert_cmpstr (desk_article_get_related (c, 0)->headline, ==, "Road works to finish by June");
}

static void
test_typing_kept (void)
{
  g_autoptr (DeskArticle) a = read_ok (
    "Council \"reviews\" budget\n\n"
    "The mayor said the plan was \"final\" -- but left room... for changes.\n");

  g_assert_cmpstr (desk_article_get_headline (a), ==, "Council \"reviews\" budget");
  g_assert_cmpstr (block_text (a, 0), ==,
                   "The mayor said the plan was \"final\" -- but left room... for changes.");
}

static void
test_line_endings_and_spaces (void)
{
  static const char crlf[] =
    "\xef\xbb\xbfTrain service resumes\r\n\r\n"
    "SKOPJE,\tApril 2, 2024 \xe2\x80\x94 Trains\t ran again\xc2\xa0\xc2\xa0 on Tuesday.\xc2\xa0\r\n"
    "\r\n"
    "Tickets cost 100\xc2\xa0" "denars.\r";
  g_autoptr (DeskArticle) a = read_ok (crlf);

  g_assert_cmpstr (desk_article_get_headline (a), ==, "Train service resumes");
  assert_dateline (a, "Skopje", "2024-04-02", "");
  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 2);
  g_assert_cmpstr (block_text (a, 0), ==, "Trains ran again on Tuesday.");
  /* a single no-break space between words was typed on purpose */
  g_assert_cmpstr (block_text (a, 1), ==, "Tickets cost 100\xc2\xa0" "denars.");
}

static void
test_legacy_encodings (void)
{
  /* Windows-1252: curly quotes 0x93/0x94, en dash 0x96, ë 0xEB */
  static const char cp1252[] =
    "Durr\xebs port strike ends\n\n"
    "DURR\xcbS, Albania, Oct. 5, 2023 \x96 Dockers said the deal was \x93" "fair\x94.\n";
  static const guchar utf16le[] = {
    0xFF, 0xFE, 'H', 0, 'e', 0, 'a', 0, 'd', 0, '\n', 0, '\n', 0, 'B', 0, 0xEB, 0, 'r', 0, '.', 0
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) a = read_ok (cp1252);
  g_autoptr (DeskArticle) b = desk_text_read ((const char *) utf16le, sizeof utf16le, &error);

  g_assert_cmpstr (desk_article_get_headline (a), ==, "Durrës port strike ends");
  assert_dateline (a, "Durrës, Albania", "2023-10-05", "");
  g_assert_cmpstr (block_text (a, 0), ==, "Dockers said the deal was “fair”.");

  g_assert_no_error (error);
  g_assert_cmpstr (desk_article_get_headline (b), ==, "Head");
  g_assert_cmpstr (block_text (b, 0), ==, "Bër.");
}

static void
test_hard_wrapped (void)
{
  g_autoptr (DeskArticle) a = read_ok (
    "Wildfire forces evacuations near Vlora\n"
    "\n"
    "VLORA, Albania, Aug. 14, 2024 — Firefighters battled a wildfire in the\n"
    "hills above Vlora for a third day on Wednesday, as strong winds pushed\n"
    "the flames towards holiday homes.\n"
    "\n"
    "About 300 people left their homes overnight.\n"
    "Police closed the coastal road to traffic and asked tourists to stay\n"
    "away from the area until further notice.\n");

  assert_dateline (a, "Vlora, Albania", "2024-08-14", "");
  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 3);
  g_assert_cmpstr (block_text (a, 0), ==,
                   "Firefighters battled a wildfire in the hills above Vlora for a third day on "
                   "Wednesday, as strong winds pushed the flames towards holiday homes.");
  g_assert_cmpstr (block_text (a, 1), ==, "About 300 people left their homes overnight.");
  g_assert_cmpstr (block_text (a, 2), ==,
                   "Police closed the coastal road to traffic and asked tourists to stay away "
                   "from the area until further notice.");
}

static void
test_invalid_utf8 (void)
{
  /* UTF-8 with one damaged byte: the rest survives, the byte is replaced */
  static const char damaged[] = "Çuçi speaks\n\nThe minister \xff said “no”.\n";
  g_autoptr (DeskArticle) a = read_ok (damaged);

  g_assert_cmpstr (desk_article_get_headline (a), ==, "Çuçi speaks");
  g_assert_cmpstr (block_text (a, 0), ==, "The minister \xef\xbf\xbd said “no”.");
  for (guint i = 0; i < desk_article_get_n_blocks (a); i++)
    g_assert_true (g_utf8_validate (block_text (a, i), -1, NULL));
}

static void
test_nul_bytes (void)
{
  static const char binary[] = "PK\003\004\0\0\0\0headline\n\nbody";
  static const char padded[] = "Headline\n\nBody text.\n\0\0\0";
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) a = desk_text_read (binary, sizeof binary - 1, &error);
  g_autoptr (DeskArticle) b = NULL;

  g_assert_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_BINARY);
  g_assert_null (a);
  g_clear_error (&error);

  /* NULs only at the end are padding */
  b = desk_text_read (padded, sizeof padded - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (block_text (b, 0), ==, "Body text.");
}

static void
test_long_line (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *line = g_malloc (size + 1);
  g_autoptr (DeskArticle) a = NULL;

  for (gsize i = 0; i < size; i++)
    line[i] = i % 6 == 5 ? ' ' : "word."[i % 6];
  line[size] = '\0';
  a = read_ok (line);
  /* far too long for a headline: one long paragraph */
  g_assert_cmpstr (desk_article_get_headline (a), ==, "");
  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 1);
  g_assert_cmpuint (strlen (block_text (a, 0)), >=, size - 6);
}

static void
test_many_wrapped_lines (void)
{
  static const char line[] = "The committee went through the spending plan line by line.\n";
  guint n_lines = 100000;
  g_autoptr (GString) text = g_string_new ("Budget debate runs late\n\n");
  g_autoptr (DeskArticle) a = NULL;

  /* one paragraph hand-wrapped over 100,000 lines is joined in linear time */
  for (guint i = 0; i < n_lines; i++)
    g_string_append (text, line);
  a = read_ok (text->str);
  g_assert_cmpuint (desk_article_get_n_blocks (a), ==, 1);
  g_assert_cmpuint (strlen (block_text (a, 0)), ==, n_lines * (sizeof line - 1) - 1);
}

static void
test_empty (void)
{
  gsize n = 100000;
  g_autofree char *blank = g_malloc (n + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) a = NULL;

  memset (blank, '\n', n);
  blank[n] = '\0';
  a = desk_text_read (blank, n, &error);
  g_assert_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_EMPTY);
  g_assert_null (a);
  g_clear_error (&error);

  a = desk_text_read ("", 0, &error);
  g_assert_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_EMPTY);
  g_clear_error (&error);
  a = desk_text_read (" \t\r\n\xc2\xa0\n", -1, &error);
  g_assert_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_EMPTY);
  g_assert_null (a);
}

static void
test_too_many_paragraphs (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) a = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "Yes.\n\n");
  a = desk_text_read (text->str, text->len, &error);
  g_assert_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_TOO_LARGE);
  g_assert_null (a);
}

static void
test_too_large (void)
{
  gsize n = DESK_TEXT_MAX_SIZE + 1;
  g_autofree char *big = g_malloc0 (n); /* calloc: the pages are never touched */
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) a = desk_text_read (big, n, &error);

  g_assert_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_TOO_LARGE);
  g_assert_null (a);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copydesk/text/sample", test_sample);
  g_test_add_func ("/copydesk/text/datelines", test_datelines);
  g_test_add_func ("/copydesk/text/dateline-first-paragraph", test_dateline_first_paragraph);
  g_test_add_func ("/copydesk/text/top", test_top);
  g_test_add_func ("/copydesk/text/subheadings", test_subheadings);
  g_test_add_func ("/copydesk/text/quotes", test_quotes);
  g_test_add_func ("/copydesk/text/credits", test_credits);
  g_test_add_func ("/copydesk/text/typing-kept", test_typing_kept);
  g_test_add_func ("/copydesk/text/line-endings-and-spaces", test_line_endings_and_spaces);
  g_test_add_func ("/copydesk/text/legacy-encodings", test_legacy_encodings);
  g_test_add_func ("/copydesk/text/hard-wrapped", test_hard_wrapped);
  g_test_add_func ("/copydesk/text/robust/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/copydesk/text/robust/nul-bytes", test_nul_bytes);
  g_test_add_func ("/copydesk/text/robust/long-line", test_long_line);
  g_test_add_func ("/copydesk/text/robust/many-wrapped-lines", test_many_wrapped_lines);
  g_test_add_func ("/copydesk/text/robust/empty", test_empty);
  g_test_add_func ("/copydesk/text/robust/too-many-paragraphs", test_too_many_paragraphs);
  g_test_add_func ("/copydesk/text/robust/too-large", test_too_large);

  return g_test_run ();
}
