/* print-samples.c — stories that exercise the print export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "print-samples.h"

#define SAMPLE_TIME 1687341600 /* 2023-06-21 10:00 UTC */

static DeskBlock *
add_block (DeskArticle   *article,
           DeskBlockKind  kind,
           const char    *text,
           const char    *attribution)
{
  DeskBlock *block = desk_block_new (kind, text);

  if (attribution != NULL)
    desk_block_set_attribution (block, attribution);
  desk_article_append_block (article, block);
  desk_block_unref (block);
  return desk_article_get_block (article, desk_article_get_n_blocks (article) - 1);
}

/* Marks the first occurrence of @word in the block's text. */
static void
mark_word (DeskBlock    *block,
           DeskMarkKind  kind,
           const char   *word,
           const char   *href)
{
  const char *text = desk_block_get_text (block);
  const char *hit = strstr (text, word);
  glong start;

  g_assert (hit != NULL);
  start = g_utf8_pointer_to_offset (text, hit);
  desk_block_add_mark (block, kind, start, start + g_utf8_strlen (word, -1), href);
}

static void
set_dateline (DeskArticle *article,
              const char  *place,
              const char  *date)
{
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();

  desk_dateline_set_place (dateline, place);
  desk_dateline_set_date (dateline, date);
  desk_article_set_dateline (article, dateline);
}

static void
add_tirana_teasers (DeskArticle *article,
                    char       **chunks,
                    guint        from)
{
  for (guint i = from; chunks[i] != NULL; i++)
    {
      g_auto (GStrv) lines = g_strsplit (chunks[i], "\n", 2);
      g_autoptr (DeskRelated) teaser = NULL;

      if (lines[0] == NULL || lines[1] == NULL)
        continue;
      teaser = desk_related_new (0, g_strstrip (lines[0]), g_strstrip (lines[1]),
                                 chunks[i + 1] ? g_strstrip (chunks[i + 1]) : "", "");
      desk_article_append_related (article, teaser);
      if (chunks[i + 1] != NULL)
        i++;
    }
}

static void
add_tirana_paragraph (DeskArticle *article,
                      char        *chunk)
{
  static const char *lead = "TIRANA, June 21, 2023 – ";
  static const char *quote_tail = "” Çuçi said.";
  gsize len = strlen (chunk);

  if (g_str_has_prefix (chunk, lead))
    chunk += strlen (lead);
  if (g_str_has_prefix (chunk, "“Albania has offered") && g_str_has_suffix (chunk, quote_tail))
    {
      chunk[len - strlen (quote_tail) - 1] = '\0'; /* drop the comma before the closing mark */
      add_block (article, DESK_BLOCK_QUOTE, chunk + strlen ("“"),
                 "Bledi Çuçi, Interior Minister");
      return;
    }
  add_block (article, DESK_BLOCK_PARAGRAPH, chunk, NULL);
}

/* The Tirana story from ../shared/samples, with its dateline, subheadings, a
 * quote, a pull quote, a few marks, the Original post credit and three teasers. */
DeskArticle *
print_sample_tirana (const char *samples_dir,
                     GError    **error)
{
  g_autofree char *path = g_build_filename (samples_dir, "tirana-raid.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) chunks = NULL;
  DeskArticle *article;
  DeskBlock *block;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  chunks = g_strsplit (contents, "\n\n", -1);
  article = desk_article_new ();
  desk_article_set_headline (article, g_strstrip (chunks[0]));
  desk_article_set_kicker (article, "News");
  desk_article_set_language (article, "en");
  desk_article_set_byline (article, "By Copydesk Staff");
  desk_article_set_modified (article, SAMPLE_TIME);
  set_dateline (article, "Tirana", "2023-06-21");
  for (guint i = 1; chunks[i] != NULL; i++)
    {
      char *chunk = g_strstrip (chunks[i]);
      gsize len = strlen (chunk);

      if (g_str_has_prefix (chunk, "Original post"))
        {
          add_tirana_teasers (article, chunks, i + 1);
          break;
        }
      if (len > 2 && chunk[0] == '-' && chunk[len - 1] == '-')
        {
          chunk[len - 1] = '\0';
          add_block (article, DESK_BLOCK_SUBHEADING, chunk + 1, NULL);
        }
      else if (len > 0)
        add_tirana_paragraph (article, chunk);
      if (desk_article_get_n_blocks (article) == 3)
        add_block (article, DESK_BLOCK_PULLQUOTE, "I guarantee that the death was not caused "
                   "by any action of the police forces", "Bledi Çuçi");
    }
  desk_article_set_source_name (article, "Albanian Daily News");
  desk_article_set_source_url (article, "https://www.example.com/2023/06/21/albania-mek-raid");
  block = desk_article_get_block (article, 1);
  mark_word (block, DESK_MARK_EM, "Camp Ashraf 3", NULL);
  mark_word (block, DESK_MARK_LINK, "Special Prosecutor’s Office",
             "https://www.example.org/spak");
  mark_word (block, DESK_MARK_STRONG, "SPAK", NULL);
  return article;
}

static const char *words[] = {
  "police", "ministry", "said", "the", "government", "reporters", "officials", "on",
  "Tuesday", "compound", "investigation", "court", "of", "and", "in", "a", "decision",
  "servers", "statement", "protest", "camp", "members", "a", "to", "it", "was", "by",
  "authorities", "law", "agreement", "shelter", "international", "press", "evidence",
};

static void
append_sentence (GString *text,
                 GRand   *rand,
                 guint   *n_words)
{
  guint n = g_rand_int_range (rand, 8, 20);
  int flavour = g_rand_int_range (rand, 0, 6);

  if (flavour == 0)
    g_string_append (text, "\"");
  for (guint i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i == 0)
        g_string_append_printf (text, "%c%s", g_ascii_toupper (word[0]), word + 1);
      else
        g_string_append_printf (text, " %s", word);
      if (flavour == 1 && i == n / 2)
        g_string_append (text, " -- as officials put it --");
      if (flavour == 2 && i == 1)
        g_string_append (text, "'s");
    }
  *n_words += n;
  g_string_append (text, flavour == 0 ? ",\" an official said. " :
                         flavour == 3 ? "... " : ". ");
}

static char *
make_paragraph (GRand *rand,
                guint *n_words)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 3, 7);

  for (guint i = 0; i < n; i++)
    append_sentence (text, rand, n_words);
  g_strchomp (text->str);
  text->len = strlen (text->str);
  return g_string_free (text, FALSE);
}

/* A long story of about @n_words words: paragraphs with typed (straight)
 * punctuation, a subheading every 6 paragraphs, quotes and pull quotes. */
DeskArticle *
print_sample_long (guint n_words)
{
  DeskArticle *article = desk_article_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (2023);
  guint count = 0;

  desk_article_set_headline (article, "Long story: the investigation, the court and what "
                             "officials said in a very long week");
  desk_article_set_kicker (article, "Investigation");
  desk_article_set_deck (article, "A story long enough to run over many pages, with "
                         "subheadings, quotes and pull quotes.");
  desk_article_set_byline (article, "By Jane Doe and John Roe");
  desk_article_set_language (article, "en");
  desk_article_set_modified (article, SAMPLE_TIME);
  set_dateline (article, "Durrës", "2023-06-22");
  for (guint i = 0; count < n_words; i++)
    {
      g_autofree char *text = make_paragraph (rand, &count);

      if (i % 6 == 5)
        add_block (article, DESK_BLOCK_SUBHEADING, "What the officials said next", NULL);
      if (i % 9 == 8)
        add_block (article, DESK_BLOCK_QUOTE, text, "A spokesperson of the ministry");
      else if (i % 15 == 14)
        add_block (article, DESK_BLOCK_PULLQUOTE, "The decision was a consequence of "
                   "actions that contradict the agreement", "The ministry");
      else
        add_block (article, DESK_BLOCK_PARAGRAPH, text, NULL);
    }
  desk_article_set_tagline (article, "Reporting by Jane Doe; Editing by John Roe");
  return article;
}

DeskArticle *
print_sample_long_url (void)
{
  DeskArticle *article = desk_article_new ();
  g_autoptr (GString) url = g_string_new ("https://www.example.com/documents/");
  DeskBlock *block;
  g_autofree char *text = NULL;

  while (url->len < 300)
    g_string_append (url, "court-decision-on-the-search-of-the-compound/");
  g_string_truncate (url, 300);
  text = g_strdup_printf ("The court's decision is published at %s and was read out "
                          "in full on Tuesday, officials said.", url->str);
  desk_article_set_headline (article, "Court publishes its decision online");
  desk_article_set_kicker (article, "News");
  desk_article_set_language (article, "en-US");
  desk_article_set_modified (article, SAMPLE_TIME);
  set_dateline (article, "Tirana", "2023-06-23");
  block = add_block (article, DESK_BLOCK_PARAGRAPH, text, NULL);
  mark_word (block, DESK_MARK_LINK, url->str, url->str);
  block = add_block (article, DESK_BLOCK_PARAGRAPH, "The full text, with the annexes, is "
                     "also available from the court's registry on request.", NULL);
  mark_word (block, DESK_MARK_LINK, "court's registry", url->str);
  return article;
}

DeskArticle *
print_sample_persian (void)
{
  DeskArticle *article = desk_article_new ();
  DeskBlock *block;

  desk_article_set_headline (article, "پلیس آلبانی اردوگاه مخالفان ایرانی را بازرسی کرد");
  desk_article_set_kicker (article, "خبر");
  desk_article_set_deck (article, "پلیس می‌گوید رایانه‌ها و سرورها را توقیف کرده است.");
  desk_article_set_byline (article, "گزارش از تیرانا");
  desk_article_set_language (article, "fa");
  desk_article_set_modified (article, SAMPLE_TIME);
  set_dateline (article, "تیرانا", "2023-06-20");
  block = add_block (article, DESK_BLOCK_PARAGRAPH,
                     "پلیس آلبانی روز سه‌شنبه عملیات بزرگی را در اردوگاه یک گروه مخالف "
                     "ایرانی انجام داد. به گفته مقامات، این بازرسی بخشی از یک تحقیق درباره "
                     "حملات سایبری بوده است. دادگاه حکم بازرسی را صادر کرده بود.", NULL);
  mark_word (block, DESK_MARK_STRONG, "دادگاه", NULL);
  add_block (article, DESK_BLOCK_SUBHEADING, "واکنش وزارت کشور", NULL);
  add_block (article, DESK_BLOCK_PARAGRAPH,
             "وزارت کشور اعلام کرد که \"تصمیم دادگاه نتیجه اقداماتی است که با توافق "
             "مغایرت دارد\". سخنگوی پلیس گفت که ۱۵ مأمور زخمی شده‌اند.", NULL);
  add_block (article, DESK_BLOCK_QUOTE,
             "ما از حق دولت آلبانی برای تحقیق درباره هر فعالیت غیرقانونی حمایت می‌کنیم.",
             "سخنگوی وزارت خارجه آمریکا");
  block = add_block (article, DESK_BLOCK_PARAGRAPH,
                     "متن کامل بیانیه در وب‌سایت وزارت کشور منتشر شده است.", NULL);
  mark_word (block, DESK_MARK_LINK, "وب‌سایت وزارت کشور", "https://www.example.com/fa/");
  return article;
}

static const char *arabic_sentences[] = {
  "وقال مسؤولون إن التحقيق ما زال في مراحله الأولى وإن نتائجه لن تُعلن قبل أسابيع.",
  "وأضافت الشرطة أنها فتشت عشرات المباني داخل المخيم وصادرت وثائق وأقراصاً صلبة.",
  "ونقلت وسائل إعلام محلية عن شهود أن العملية استمرت عدة ساعات منذ الفجر.",
  "وطالب ممثلو المقيمين في المخيم بإعادة الأجهزة المصادرة ووصفوا المداهمة بأنها غير مبررة.",
  "ولم تعلق السفارة الإيرانية في تيرانا على المداهمة حتى مساء الثلاثاء.",
  "وتستضيف ألبانيا أعضاء الجماعة منذ عام 2013 بطلب من الولايات المتحدة.",
  "وأشار محامون إلى أن المحكمة ستنظر في الطعون المقدمة الأسبوع المقبل.",
  "وقالت الحكومة إن الاتفاق يمنع أي نشاط سياسي ينطلق من أراضي البلاد.",
};

static char *
make_arabic_paragraph (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 3, 6);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "",
                            arabic_sentences[g_rand_int_range (rand, 0,
                                                               G_N_ELEMENTS (arabic_sentences))]);
  return g_string_free (text, FALSE);
}

static void
add_arabic_background (DeskArticle *article)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1402);

  add_block (article, DESK_BLOCK_SUBHEADING, "خلفية المداهمة", NULL);
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *text = make_arabic_paragraph (rand);

      if (i % 5 == 4)
        add_block (article, DESK_BLOCK_SUBHEADING, "ما قاله المسؤولون بعد ذلك", NULL);
      add_block (article, DESK_BLOCK_PARAGRAPH, text, NULL);
      if (i == 6)
        add_block (article, DESK_BLOCK_QUOTE, "لن نسمح بأن تتحول أراضينا إلى منصة لهجمات "
                   "على دول أخرى، ولن نتخلى عن التزاماتنا الإنسانية تجاه المقيمين.",
                   "رئيس الوزراء إيدي راما");
    }
}

/* A story in Arabic over several pages: a dated dateline with a credit,
 * typed quotes, a quote and a pull quote, a link, the source credit and a teaser. */
DeskArticle *
print_sample_arabic (void)
{
  DeskArticle *article = desk_article_new ();
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  g_autoptr (DeskRelated) teaser = NULL;
  DeskBlock *block;

  desk_article_set_headline (article, "الشرطة الألبانية تداهم مخيم معارضين إيرانيين قرب تيرانا");
  desk_article_set_kicker (article, "أخبار");
  desk_article_set_deck (article, "قالت الشرطة إنها صادرت أجهزة كمبيوتر وخوادم في إطار "
                         "تحقيق قضائي في هجمات إلكترونية.");
  desk_article_set_byline (article, "من مراسلنا في تيرانا");
  desk_article_set_language (article, "ar");
  desk_article_set_modified (article, SAMPLE_TIME);
  desk_dateline_set_place (dateline, "تيرانا");
  desk_dateline_set_date (dateline, "2023-06-21");
  desk_dateline_set_credit (dateline, "أ ف ب");
  desk_article_set_dateline (article, dateline);
  add_block (article, DESK_BLOCK_PARAGRAPH,
             "نفذت الشرطة الألبانية يوم الثلاثاء عملية واسعة في مخيم تابع لجماعة إيرانية "
             "معارضة قرب العاصمة، وقالت السلطات إن المداهمة جزء من تحقيق في هجمات إلكترونية "
             "استهدفت مؤسسات حكومية.", NULL);
  add_block (article, DESK_BLOCK_PULLQUOTE, "المداهمة جزء من تحقيق قضائي في هجمات إلكترونية "
             "استهدفت مؤسسات الدولة", "وزارة الداخلية");
  add_block (article, DESK_BLOCK_PARAGRAPH,
             "وأوضحت وزارة الداخلية في بيان أن قرار المحكمة جاء \"نتيجة أفعال تخالف الاتفاق\" "
             "الموقع مع الحكومة، مشيرة إلى أن 15 شرطياً أصيبوا بجروح طفيفة.", NULL);
  add_block (article, DESK_BLOCK_SUBHEADING, "ردود الفعل الدولية", NULL);
  add_block (article, DESK_BLOCK_QUOTE, "نحن ندعم حق الحكومة الألبانية في التحقيق في أي نشاط "
             "غير قانوني على أراضيها.", "متحدث باسم وزارة الخارجية الأمريكية");
  block = add_block (article, DESK_BLOCK_PARAGRAPH,
                     "ونُشر النص الكامل للبيان على موقع وزارة الداخلية.", NULL);
  mark_word (block, DESK_MARK_LINK, "موقع وزارة الداخلية", "https://www.example.com/ar/");
  add_arabic_background (article);
  desk_article_set_source_name (article, "ألبانيان ديلي نيوز");
  desk_article_set_source_url (article, "https://www.example.com/2023/06/21/albania-mek-raid");
  teaser = desk_related_new (0, "أخبار", "موسم سياحي قياسي في ألبانيا",
                             "رئيس الوزراء يتوقع عدداً غير مسبوق من الزوار هذا الصيف.", "");
  desk_article_append_related (article, teaser);
  return article;
}

DeskArticle *
print_sample_headline_only (void)
{
  DeskArticle *article = desk_article_new ();

  desk_article_set_headline (article, "Parliament to vote on the budget on Thursday");
  desk_article_set_language (article, "en");
  desk_article_set_modified (article, SAMPLE_TIME);
  return article;
}
