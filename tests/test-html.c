/* test-html.c — the print-ready HTML export: structure, order, escaping, fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <hb.h>
#include <locale.h>
#include <string.h>

#include "desk-fonts.h"
#include "desk-html.h"
#include "test-util.h"

static char *
export_with (DeskArticle           *article,
             const DeskHtmlOptions *options,
             char                 **warning)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = desk_html_write (article, options, out, warning, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export (DeskArticle *article)
{
  return export_with (article, NULL, NULL);
}

/* Asserts that each needle occurs in @html after the previous one. */
static void
assert_in_order (const char *html,
                 ...)
{
  const char *at = html;
  const char *needle;
  va_list args;

  va_start (args, html);
  while ((needle = va_arg (args, const char *)) != NULL)
    {
      const char *hit = strstr (at, needle);

      if (hit == NULL)
        g_error ("“%s” not found after offset %ld (or not at all)", needle, (long) (at - html));
      at = hit + strlen (needle);
    }
  va_end (args);
}

static DeskBlock *
add_block (DeskArticle   *article,
           DeskBlockKind  kind,
           const char    *text,
           const char    *attribution)
{
  g_autoptr (DeskBlock) block = desk_block_new (kind, text);

  if (attribution)
    desk_block_set_attribution (block, attribution);
  desk_article_append_block (article, block);
  return desk_article_get_block (article, desk_article_get_n_blocks (article) - 1);
}

static DeskRelated *
resolve_cb (gint64   id,
            gpointer user_data)
{
  g_assert_cmpstr (user_data, ==, "store");
  if (id == 9)
    return desk_related_new (9, "Sport", "Library teaser headline", "Library deck", "");
  return NULL;
}

static DeskArticle *
make_full_article (void)
{
  DeskArticle *a = desk_article_new ();
  g_autoptr (DeskDateline) d = desk_dateline_new ();
  g_autoptr (DeskRelated) text_teaser = desk_related_new (0, "News", "Tourist season",
                                                          "Rama spoke", "https://example.com/t");
  g_autoptr (DeskRelated) library = desk_related_new (9, NULL, NULL, NULL, NULL);
  g_autoptr (DeskRelated) missing = desk_related_new (77, NULL, NULL, NULL, NULL);
  DeskBlock *b;

  desk_article_set_headline (a, "Police raid compound");
  desk_article_set_kicker (a, "News");
  desk_article_set_deck (a, "The deck sentence.");
  desk_article_set_byline (a, "By Jane Doe");
  desk_article_set_language (a, "en");
  desk_article_set_note (a, "SECRET EDITOR NOTE");
  desk_article_set_tagline (a, "Reporting by Jane Doe");
  desk_article_set_source_name (a, "Daily News");
  desk_article_set_source_url (a, "https://example.com/original");
  desk_dateline_set_place (d, "Tirana");
  desk_dateline_set_date (d, "2023-06-21");
  desk_article_set_dateline (a, d);
  b = add_block (a, DESK_BLOCK_PARAGRAPH, "Police went in, said the ministry.", NULL);
  desk_block_add_mark (b, DESK_MARK_EM, 0, 6, NULL);
  desk_block_add_mark (b, DESK_MARK_STRONG, 7, 11, NULL);
  desk_block_add_mark (b, DESK_MARK_LINK, 25, 33, "https://example.com/ministry");
  add_block (a, DESK_BLOCK_SUBHEADING, "Authorities assert control", NULL);
  add_block (a, DESK_BLOCK_PARAGRAPH, "Second paragraph.", NULL);
  add_block (a, DESK_BLOCK_QUOTE, "I guarantee it.", "Bledi Çuçi");
  add_block (a, DESK_BLOCK_PULLQUOTE, "A pulled line.", "The minister");
  add_block (a, DESK_BLOCK_QUOTE, "Unattributed.", NULL);
  desk_article_append_related (a, text_teaser);
  desk_article_append_related (a, library);
  desk_article_append_related (a, missing);
  return a;
}

static void
test_structure_order (void)
{
  g_autoptr (DeskArticle) a = make_full_article ();
  g_autofree char *html = NULL;
  DeskHtmlOptions options;

  desk_html_options_init (&options);
  options.resolve_related = resolve_cb;
  options.resolve_data = "store";
  html = export_with (a, &options, NULL);

  assert_in_order (html, "<!DOCTYPE html>\n<html lang=\"en\">", "<meta charset=\"utf-8\">",
                   "<title>Police raid compound</title>", "<style>", "@page {", "size: A4;",
                   "@bottom-center { content: \"Page \" counter(page) \" of \" counter(pages)",
                   "@page :first", "</style>", "<body>",
                   "<article>", "<header class=\"masthead\">", "<p class=\"kicker\">News</p>",
                   "<h1>Police raid compound</h1>", "<p class=\"deck\">The deck sentence.</p>",
                   "<p class=\"byline\">By Jane Doe</p>",
                   "<p class=\"published\"><time datetime=\"2023-06-21\">June 21, 2023</time></p>",
                   "</header>",
                   "<p class=\"short\"><span class=\"dateline\">TIRANA, June 21, 2023 –</span> "
                   "<em>Police</em> <strong>went</strong> in, said the "
                   "<a href=\"https://example.com/ministry\">ministry</a>.</p>",
                   "<h2>Authorities assert control</h2>",
                   "<p class=\"short\">Second paragraph.</p>",
                   "<figure class=\"quote\">\n<blockquote><p>I guarantee it.</p></blockquote>\n"
                   "<figcaption>Bledi Çuçi</figcaption>\n</figure>",
                   "<aside class=\"pullquote\">\n<p>A pulled line.</p>\n"
                   "<p class=\"attribution\">The minister</p>\n</aside>",
                   "<figure class=\"quote\">\n<blockquote><p>Unattributed.</p></blockquote>\n"
                   "</figure>",
                   "<footer class=\"credits\">", "<p class=\"tagline\">Reporting by Jane Doe</p>",
                   "<p class=\"source\">Original post: "
                   "<a href=\"https://example.com/original\">Daily News</a></p>",
                   "</footer>", "</article>", "<aside class=\"related\">",
                   "<p class=\"teaser-kicker\">News</p>",
                   "<p class=\"teaser-headline\"><a href=\"https://example.com/t\">Tourist season</a></p>",
                   "<p class=\"teaser-deck\">Rama spoke</p>",
                   "<p class=\"teaser-kicker\">Sport</p>",
                   "<p class=\"teaser-headline\">Library teaser headline</p>",
                   "</aside>", "</body>\n</html>\n", NULL);
  g_assert_cmpuint (test_count (html, "<h1>"), ==, 1);
  g_assert_cmpuint (test_count (html, "class=\"teaser\""), ==, 2);
  g_assert_null (strstr (html, "SECRET EDITOR NOTE"));
  g_assert_null (strstr (html, "<script"));
  g_assert_cmpuint (test_count (html, "dateline"), ==, 2); /* the CSS rule and the one span */
}

static void
collect_start_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  GString *seen = user_data;
  const char *klass = NULL;

  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], "class"))
      klass = values[i];
  g_string_append_printf (seen, "%s%s%s ", element, klass ? "." : "", klass ? klass : "");
}

/* The export is XML-clean apart from the doctype and the void <meta>: parsed as
 * XML, every element is properly nested, and the body's elements come in order. */
static void
test_well_formed (void)
{
  g_autoptr (DeskArticle) a = make_full_article ();
  g_autofree char *html = export (a);
  g_autoptr (GRegex) meta = g_regex_new ("<meta([^>]*)>", 0, 0, NULL);
  g_autofree char *xml = g_regex_replace (meta, strchr (html, '\n') + 1, -1, 0, "<meta\\1/>",
                                          0, NULL);
  GMarkupParser parser = { collect_start_cb, NULL, NULL, NULL, NULL };
  g_autoptr (GString) seen = g_string_new (NULL);
  g_autoptr (GMarkupParseContext) context =
    g_markup_parse_context_new (&parser, 0, seen, NULL);
  g_autoptr (GError) error = NULL;
  const char *body;

  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  body = strstr (seen->str, "body ");
  g_assert_nonnull (body);
  g_assert_cmpstr (body, ==,
                   "body article header.masthead p.kicker h1 p.deck p.byline p.published time "
                   "div.story p.short span.dateline em strong a h2 p.short "
                   "figure.quote blockquote p figcaption aside.pullquote p p.attribution "
                   "figure.quote blockquote p footer.credits p.tagline p.source a "
                   "aside.related div.teaser p.teaser-kicker p.teaser-headline a p.teaser-deck ");
}

static void
test_escaping (void)
{
  g_autoptr (DeskArticle) a = desk_article_new ();
  g_autofree char *html = NULL;
  DeskBlock *b;

  desk_article_set_headline (a, "</title><script>alert(1)</script> & \"</style>\\");
  desk_article_set_kicker (a, "<b>kick</b>");
  desk_article_set_byline (a, "A & B\x01 C");
  desk_article_set_language (a, "en\"><script>");
  b = add_block (a, DESK_BLOCK_PARAGRAPH, "click here now", NULL);
  desk_block_add_mark (b, DESK_MARK_LINK, 6, 10, "https://x.test/?a=\"><script>alert(2)</script>");
  add_block (a, DESK_BLOCK_QUOTE, "<img src=x onerror=alert(3)>", "<i>who</i>");
  html = export (a);

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "\x01"));
  g_assert_cmpuint (test_count (html, "</title>"), ==, 1);
  g_assert_cmpuint (test_count (html, "</style>"), ==, 1);
  assert_in_order (html, "<html lang=\"enscript\">",
                   "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; “&lt;/style&gt;\\</title>",
                   /* the running head is a CSS string: quotes, backslash and < escaped */
                   "@top-left { content: \"\\3c /title\\3e \\3c script\\3e alert(1)",
                   "<p class=\"kicker\">&lt;b&gt;kick&lt;/b&gt;</p>",
                   "<p class=\"byline\">A &amp; B C</p>",
                   "<a href=\"https://x.test/?a=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\">here</a>",
                   "<p>&lt;img src=x onerror=alert(3)&gt;</p>",
                   "<figcaption>&lt;i&gt;who&lt;/i&gt;</figcaption>", NULL);
}

static void
test_link_schemes (void)
{
  static const char *refused[] = { "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x",
                                   "/relative/path", "ftp://example.com/", "vbscript:x", "" };
  g_autoptr (DeskArticle) a = desk_article_new ();
  g_autofree char *html = NULL;
  DeskBlock *b;

  desk_article_set_headline (a, "Links");
  desk_article_set_language (a, "en");
  desk_article_set_source_url (a, "javascript:alert(1)");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      b = add_block (a, DESK_BLOCK_PARAGRAPH, "refused link text", NULL);
      desk_block_add_mark (b, DESK_MARK_LINK, 0, 7, refused[i]);
    }
  b = add_block (a, DESK_BLOCK_PARAGRAPH, "mail me or visit", NULL);
  desk_block_add_mark (b, DESK_MARK_LINK, 0, 4, "mailto:desk@example.com");
  desk_block_add_mark (b, DESK_MARK_LINK, 11, 16, "http://example.com/");
  html = export (a);

  g_assert_cmpuint (test_count (html, "<a "), ==, 2);
  g_assert_cmpuint (test_count (html, "<p class=\"short\">refused link text</p>"), ==,
                    G_N_ELEMENTS (refused));
  g_assert_null (strstr (html, "javascript"));
  g_assert_null (strstr (html, "<footer")); /* a source with a refused URL and no name */
  assert_in_order (html, "<a href=\"mailto:desk@example.com\">mail</a> me or ",
                   "<a href=\"http://example.com/\">visit</a>", NULL);
}

static char *
export_paragraph (const char *language,
                  const char *text)
{
  g_autoptr (DeskArticle) a = desk_article_new ();

  desk_article_set_headline (a, "Quotes");
  desk_article_set_language (a, language);
  add_block (a, DESK_BLOCK_PARAGRAPH, text, NULL);
  return export (a);
}

static void
test_language_quotes (void)
{
  g_autofree char *en = export_paragraph ("en", "He said \"don't\" -- twice...");
  g_autofree char *de = export_paragraph ("de", "Er sagte \"nein\" und 'ja'.");
  g_autofree char *fr = export_paragraph ("fr", "Il a dit \"non\" !");
  g_autofree char *sq = export_paragraph ("sq", "Ai tha \"po\".");

  g_assert_nonnull (strstr (en, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (en, "He said “don’t” – twice…"));
  g_assert_nonnull (strstr (de, "Er sagte „nein“ und ‚ja‘."));
  g_assert_nonnull (strstr (fr, "Il a dit «\u00A0non\u00A0»\u202F!"));
  g_assert_nonnull (strstr (sq, "Ai tha „po“."));
}

static void
test_marks_nesting (void)
{
  g_autoptr (DeskArticle) a = desk_article_new ();
  g_autofree char *html = NULL;
  DeskBlock *b;

  desk_article_set_headline (a, "Marks");
  desk_article_set_language (a, "en");
  b = add_block (a, DESK_BLOCK_PARAGRAPH, "aaaaabbbbbccccc", NULL);
  desk_block_add_mark (b, DESK_MARK_EM, 0, 10, NULL);
  desk_block_add_mark (b, DESK_MARK_STRONG, 5, 15, NULL);
  /* marks over text that typography shortens: "--" and "..." */
  b = add_block (a, DESK_BLOCK_PARAGRAPH, "\"Hi\" -- there... end", NULL);
  desk_block_add_mark (b, DESK_MARK_EM, 8, 16, NULL);
  desk_block_add_mark (b, DESK_MARK_STRONG, 0, 4, NULL);
  html = export (a);

  g_assert_nonnull (strstr (html, "<em>aaaaa<strong>bbbbb</strong></em><strong>ccccc</strong>"));
  g_assert_nonnull (strstr (html, "<strong>“Hi”</strong> – <em>there…</em> end"));
}

static char *
export_marked (const char *text,
               DeskMarkKind kind,
               guint        start,
               guint        end,
               const char  *href)
{
  g_autoptr (DeskArticle) a = desk_article_new ();
  DeskBlock *b;

  desk_article_set_headline (a, "Escapes");
  desk_article_set_language (a, "en");
  b = add_block (a, DESK_BLOCK_PARAGRAPH, text, NULL);
  if (href != NULL || start < end)
    desk_block_add_mark (b, kind, start, end, href);
  return export (a);
}

/* Text that needs escaping at the ends of long clean runs and beside characters of
 * two to four bytes comes out the same whether the block has marks or not. */
static void
test_escaping_runs (void)
{
  g_autofree char *run = g_strnfill (3000, 'x');
  g_autofree char *in1 = g_strdup_printf ("&%s<", run);
  g_autofree char *out1 = g_strdup_printf ("&amp;%s&lt;", run);
  g_autofree char *in2 = g_strdup_printf ("<%s > %s&", run, run);
  g_autofree char *out2 = g_strdup_printf ("&lt;%s &gt; %s&amp;", run, run);
  const char *cases[][2] = {
    { in1, out1 },
    { in2, out2 },
    { "é&ü<世>😊 a\tb\xC2\x85" "c\uFDD0" "d\uFFFE" "e\U0001FFFF" "f\uFFFD\u00A0g\x7F" "h",
      "é&amp;ü&lt;世&gt;😊 a bcdef\uFFFD\u00A0gh" },
    { "او گفت &نه> — \"x\"", "او گفت &amp;نه&gt; — “x”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint len = g_utf8_strlen (cases[i][0], -1);
      g_autofree char *plain = export_marked (cases[i][0], DESK_MARK_EM, 0, 0, NULL);
      g_autofree char *refused = export_marked (cases[i][0], DESK_MARK_LINK, 0, len, "file:///x");
      g_autofree char *empty = export_marked (cases[i][0], DESK_MARK_STRONG, 1, 1, "");
      g_autofree char *em = export_marked (cases[i][0], DESK_MARK_EM, 0, len, NULL);
      g_autofree char *bare = g_strdup_printf (">%s</p>", cases[i][1]);
      g_autofree char *wrapped = g_strdup_printf ("><em>%s</em></p>", cases[i][1]);

      g_test_message ("case %u", i);
      g_assert_nonnull (strstr (plain, bare));
      /* the body only: a link's address goes into the font subsets */
      g_assert_true (g_str_equal (strstr (refused, "<body>"), strstr (plain, "<body>")));
      g_assert_true (g_str_equal (strstr (empty, "<body>"), strstr (plain, "<body>")));
      g_assert_nonnull (strstr (em, wrapped));
    }
}

static void
test_rtl_and_paper (void)
{
  g_autoptr (DeskArticle) a = desk_article_new ();
  g_autofree char *html = NULL;
  DeskHtmlOptions options;
  g_autoptr (DeskDateline) d = desk_dateline_new ();

  desk_article_set_headline (a, "پلیس آلبانی");
  desk_article_set_language (a, "fa-IR");
  add_block (a, DESK_BLOCK_PARAGRAPH, "متن \"خبر\"", NULL);
  desk_dateline_set_place (d, "Tirana");
  desk_dateline_set_date (d, "2023-06-21");
  desk_article_set_dateline (a, d);
  desk_html_options_init (&options);
  options.paper = DESK_PAPER_LETTER;
  options.dash = DESK_DASH_EM;
  html = export_with (a, &options, NULL);

  g_assert_nonnull (strstr (html, "<html lang=\"fa-IR\" dir=\"rtl\">"));
  g_assert_nonnull (strstr (html, "size: letter;"));
  g_assert_nonnull (strstr (html, "متن «خبر»"));
  g_assert_nonnull (strstr (html, "TIRANA، ۲۱ ژوئن ۲۰۲۳ —</span>"));
}

static void
test_headline_only (void)
{
  g_autoptr (DeskArticle) a = desk_article_new ();
  g_autofree char *html = NULL;

  desk_article_set_headline (a, "Just a headline");
  desk_article_set_language (a, "en");
  desk_article_set_modified (a, 1687341600);
  html = export (a);

  assert_in_order (html, "<h1>Just a headline</h1>",
                   "<time datetime=\"2023-06-21\">June 21, 2023</time>",
                   "<div class=\"story\">\n</div>", NULL);
  g_assert_null (strstr (html, "<footer"));
  g_assert_null (strstr (html, "related\">"));
}

static void
test_no_headline (void)
{
  g_autoptr (DeskArticle) a = desk_article_new ();
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  desk_article_set_headline (a, "  \u00A0 ");
  g_assert_false (desk_html_write (a, NULL, out, NULL, NULL, &error));
  g_assert_error (error, DESK_HTML_ERROR, DESK_HTML_ERROR_NO_HEADLINE);
}

static void
test_suggest_filename (void)
{
  static const char *cases[][2] = {
    { "Albanian police raid Iranian exiles’ compound", "albanian-police-raid-iranian-exiles-compound.html" },
    { "Çuçi: “Hello!”", "cuci-hello.html" },
    { "  --  ", "story.html" },
    { "پلیس آلبانی", "story.html" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (DeskArticle) a = desk_article_new ();
      g_autofree char *name = NULL;

      desk_article_set_headline (a, cases[i][0]);
      name = desk_html_suggest_filename (a);
      g_assert_cmpstr (name, ==, cases[i][1]);
    }
}

/* Every url( in the file is a data: URI of a TrueType/OpenType font. */
static void
assert_fonts_embedded (const char *html)
{
  guint n = 0;

  for (const char *p = strstr (html, "url("); p; p = strstr (p + 1, "url("))
    {
      g_autofree char *b64 = NULL;
      g_autofree guchar *font = NULL;
      const char *end;
      gsize len = 0;

      g_assert_true (g_str_has_prefix (p, "url(data:font/ttf;base64,") ||
                     g_str_has_prefix (p, "url(data:font/otf;base64,"));
      p = strchr (p, ',') + 1;
      end = strchr (p, ')');
      b64 = g_strndup (p, end - p);
      font = g_base64_decode (b64, &len);
      g_assert_cmpuint (len, >, 1000);
      g_assert_true (memcmp (font, "\0\1\0\0", 4) == 0 || memcmp (font, "OTTO", 4) == 0);
      n++;
    }
  g_assert_cmpuint (n, >=, 2);
}

static void
test_fonts_embedded (void)
{
  g_autoptr (DeskArticle) a = make_full_article ();
  g_autofree char *warning = NULL;
  g_autofree char *html = export_with (a, NULL, &warning);
  g_autoptr (DeskFonts) fonts = desk_fonts_new ("en", NULL, NULL);

  if (desk_fonts_get_n_families (fonts, DESK_FONT_TEXT) == 0)
    {
      g_test_skip ("no openly licensed font installed (install fonts-noto-core or fonts-dejavu-core)");
      return;
    }
  g_assert_null (warning);
  assert_fonts_embedded (html);
  g_assert_true (desk_fonts_family_is_open (desk_fonts_get_family (fonts, DESK_FONT_TEXT, 0)));
  g_assert_nonnull (strstr (html, "font-style: italic;")); /* the em mark */
  g_assert_nonnull (strstr (html, "font-weight: 700;"));   /* the dateline, h1 */
}

static void
test_fonts_requested (void)
{
  g_autoptr (DeskArticle) a = make_full_article ();
  g_autofree char *warning = NULL;
  g_autofree char *html = NULL;
  DeskHtmlOptions options;

  desk_html_options_init (&options);
  options.text_font = "Comic Sans MS";
  options.display_font = "DejaVu Sans";
  html = export_with (a, &options, &warning);

  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "Comic Sans MS"));
  g_assert_null (strstr (html, "Comic Sans"));
  if (strstr (html, "@font-face") != NULL)
    assert_fonts_embedded (html);
  g_assert_true (desk_fonts_family_is_open ("Noto Naskh Arabic"));
  g_assert_false (desk_fonts_family_is_open ("Notorious"));
  g_assert_false (desk_fonts_family_is_open ("Nimbus Roman"));
}

static char *
fonts_css (DeskFonts *fonts)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (desk_fonts_write_css (fonts, out, NULL, NULL));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A character seen once or a thousand times, alone or among others, in the Basic
 * Multilingual Plane or beyond it, is in the subsets once. */
static void
test_fonts_repeated_chars (void)
{
  static const char chars[] = "a\uE000é\U000F0000 \uE001z\U000F0001";
  g_autoptr (DeskFonts) probe = desk_fonts_new ("en", NULL, NULL);
  g_autoptr (DeskFonts) once = desk_fonts_new ("en", NULL, NULL);
  g_autoptr (DeskFonts) often = desk_fonts_new ("en", NULL, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *css_once = NULL, *css_often = NULL;

  if (desk_fonts_get_n_families (probe, DESK_FONT_TEXT) == 0)
    {
      g_test_skip ("no openly licensed font installed");
      return;
    }
  desk_fonts_add_text (once, DESK_FONT_TEXT, chars);
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, chars);
  desk_fonts_add_text (often, DESK_FONT_TEXT, text->str);
  desk_fonts_add_text (often, DESK_FONT_TEXT, "\U000F0000");
  desk_fonts_add_text (often, DESK_FONT_TEXT, "é\uE001");
  css_once = fonts_css (once);
  css_often = fonts_css (often);

  /* the private-use characters, two of them beyond the BMP, have no font */
  g_assert_nonnull (strstr (desk_fonts_get_warning (once), "4 characters have no openly"));
  g_assert_cmpstr (desk_fonts_get_warning (often), ==, desk_fonts_get_warning (once));
  g_assert_nonnull (strstr (css_once, "@font-face"));
  g_assert_cmpstr (css_often, ==, css_once);
}

/* A paragraph under 400 characters is kept whole ("short"), counted in
 * characters whatever their bytes: ASCII, two-byte é, four-byte 𝑥. */
static void
test_short_paragraphs (void)
{
  static const char *units[] = { "a", "é", "\U0001D465" };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint n = 398; n <= 401; n++)
      {
        g_autoptr (DeskArticle) a = desk_article_new ();
        g_autoptr (GString) text = g_string_new (NULL);
        g_autofree char *html = NULL;

        for (guint i = 0; i < n; i++)
          g_string_append (text, units[u]);
        desk_article_set_headline (a, "Lengths");
        add_block (a, DESK_BLOCK_PARAGRAPH, text->str, NULL);
        html = export (a);
        g_assert_true ((strstr (html, "<p class=\"short\">") != NULL) == (n < 400));
        g_assert_nonnull (strstr (html, text->str));
      }
}

/* A worker that resolves and subsets while the caller goes on writes the same
 * CSS and warnings as the caller doing it itself; loading fontconfig's
 * configuration early, twice, changes nothing. */
static void
test_fonts_background (void)
{
  static const char chars[] = "Tirana “raid” – 2023 ŧ \uE000 \U000F0000";
  g_autoptr (DeskFonts) direct = desk_fonts_new ("en", NULL, NULL);
  g_autoptr (DeskFonts) worked = desk_fonts_new ("en", NULL, NULL);
  g_autoptr (DeskFonts) unused = desk_fonts_new ("en", NULL, NULL);
  g_autofree char *css_direct = NULL, *css_worked = NULL;

  desk_fonts_load_config_in_background ();
  desk_fonts_load_config_in_background ();
  desk_fonts_add_text (direct, DESK_FONT_TEXT, chars);
  desk_fonts_use_faces (direct, DESK_FONT_TEXT, DESK_FACE_BOLD);
  desk_fonts_add_text (worked, DESK_FONT_TEXT, chars);
  desk_fonts_use_faces (worked, DESK_FONT_TEXT, DESK_FACE_BOLD);
  desk_fonts_prepare_in_background (worked);
  desk_fonts_add_text (unused, DESK_FONT_TEXT, chars);
  desk_fonts_prepare_in_background (unused); /* finalized while the worker may run */
  css_direct = fonts_css (direct);
  css_worked = fonts_css (worked);

  g_assert_true (desk_fonts_is_ready (worked));
  g_assert_cmpstr (css_worked, ==, css_direct);
  g_assert_cmpstr (desk_fonts_get_warning (worked), ==, desk_fonts_get_warning (direct));
  g_assert_nonnull (strstr (desk_fonts_get_warning (worked), "2 characters have no openly"));
  g_assert_cmpuint (desk_fonts_get_n_families (worked, DESK_FONT_TEXT), ==,
                    desk_fonts_get_n_families (direct, DESK_FONT_TEXT));
}

/* The code points of each embedded face, from its cmap. */
static GPtrArray *
embedded_charsets (const char *html)
{
  GPtrArray *sets = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_set_destroy);

  for (const char *p = strstr (html, ";base64,"); p; p = strstr (p, ";base64,"))
    {
      const char *end = strchr (p, ')');
      g_autofree char *b64 = g_strndup (p + strlen (";base64,"), end - p - strlen (";base64,"));
      gsize len = 0;
      guchar *font = g_base64_decode (b64, &len);
      hb_blob_t *blob = hb_blob_create ((const char *) font, len, HB_MEMORY_MODE_READONLY, font,
                                        g_free);
      hb_face_t *face = hb_face_create (blob, 0);
      hb_set_t *set = hb_set_create ();

      hb_face_collect_unicodes (face, set);
      g_ptr_array_add (sets, set);
      hb_face_destroy (face);
      hb_blob_destroy (blob);
      p = end;
    }
  return sets;
}

/* The subsets hold exactly what the document prints in their faces, even a
 * character that only the last of many paragraphs has (written after the
 * fonts were prepared), and nothing of the font that the story does not use. */
static void
test_fonts_exact_chars (void)
{
  g_autoptr (DeskArticle) a = make_full_article ();
  g_autoptr (GPtrArray) sets = NULL;
  g_autofree char *html = NULL, *again = NULL;
  g_autofree char *head = NULL;
  g_autoptr (DeskFonts) probe = desk_fonts_new ("en", NULL, NULL);
  hb_set_t *regular;
  guint n_with_cedilla = 0, n_with_v = 0;

  if (desk_fonts_get_n_families (probe, DESK_FONT_TEXT) == 0)
    {
      g_test_skip ("no openly licensed font installed");
      return;
    }
  for (guint i = 0; i < 400; i++)
    add_block (a, DESK_BLOCK_PARAGRAPH, "Police went in at dawn, the ministry said, and left by "
               "noon with three men and a van full of papers.", NULL);
  add_block (a, DESK_BLOCK_PARAGRAPH, "The last word: ŧ.", NULL);
  html = export (a);
  again = export (a);
  g_assert_cmpstr (again, ==, html);
  sets = embedded_charsets (html);
  g_assert_cmpuint (sets->len, >=, 2);
  regular = g_ptr_array_index (sets, 0); /* the body face comes first */
  g_assert_true (hb_set_has (regular, 0x0167));       /* ŧ, printed last */
  g_assert_true (hb_set_has (regular, 0x2013));       /* the dateline's dash */
  g_assert_true (hb_set_has (regular, 'v'));          /* "van", in the body only */
  /* Ç is only in a quote's attribution, which the display face prints */
  g_assert_false (hb_set_has (regular, 0x00C7));
  for (guint i = 0; i < sets->len; i++)
    {
      hb_set_t *set = g_ptr_array_index (sets, i);

      n_with_cedilla += hb_set_has (set, 0x00C7);
      n_with_v += hb_set_has (set, 'v');
      g_assert_false (hb_set_has (set, 0x014A));       /* Ŋ: in the font, not the story */
      g_assert_false (hb_set_has (set, 'X'));
      g_assert_false (hb_set_has (set, 'q'));
    }
  g_assert_cmpuint (n_with_cedilla, >=, 1);
  /* the display faces (headline, captions...) lack the body's "v" */
  g_assert_cmpuint (n_with_v, <, sets->len);
}

/* With no fonts at all the export still succeeds, names generic families and warns. */
static void
test_fonts_none (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("copydesk-fonts-XXXXXX", NULL);
      g_autofree char *conf = g_build_filename (dir, "fonts.conf", NULL);
      g_autoptr (DeskArticle) a = make_full_article ();
      g_autofree char *warning = NULL;
      g_autofree char *html = NULL;

      g_assert_true (g_file_set_contents (conf, "<?xml version=\"1.0\"?>\n<fontconfig>"
                                          "<cachedir>/nonexistent</cachedir></fontconfig>\n",
                                          -1, NULL));
      g_setenv ("FONTCONFIG_FILE", conf, TRUE);
      html = export_with (a, NULL, &warning);
      g_assert_nonnull (warning);
      g_assert_null (strstr (html, "@font-face"));
      g_assert_nonnull (strstr (html, "html { font-family: serif; }"));
      g_assert_nonnull (strstr (html, "<h1>Police raid compound</h1>"));
      {
        g_autoptr (DeskFonts) fonts = desk_fonts_new ("en", NULL, NULL);
        g_autofree char *css = NULL;

        desk_fonts_add_text (fonts, DESK_FONT_TEXT, "Tirana");
        desk_fonts_prepare_in_background (fonts);
        css = fonts_css (fonts);
        g_assert_cmpstr (css, ==, "");
        g_assert_nonnull (desk_fonts_get_warning (fonts));
        g_assert_cmpuint (desk_fonts_get_n_families (fonts, DESK_FONT_TEXT), ==, 0);
      }
      g_unlink (conf);
      g_rmdir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The exports keep their font lookups in a cache folder of the test's own
 * (subprocesses inherit it), not in the user's. */
static char *
use_own_cache (void)
{
  char *dir = g_dir_make_tmp ("copydesk-test-html-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  return dir;
}

static void
remove_own_cache (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "copydesk", NULL);
  g_autofree char *file = g_build_filename (folder, "font-lookups.ini", NULL);

  g_unlink (file);
  g_rmdir (folder);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (!g_test_subprocess ())
    cache = use_own_cache ();

  g_test_add_func ("/copydesk/html/structure-order", test_structure_order);
  g_test_add_func ("/copydesk/html/well-formed", test_well_formed);
  g_test_add_func ("/copydesk/html/escaping", test_escaping);
  g_test_add_func ("/copydesk/html/escaping-runs", test_escaping_runs);
  g_test_add_func ("/copydesk/html/link-schemes", test_link_schemes);
  g_test_add_func ("/copydesk/html/language-quotes", test_language_quotes);
  g_test_add_func ("/copydesk/html/marks-nesting", test_marks_nesting);
  g_test_add_func ("/copydesk/html/rtl-letter-em-dash", test_rtl_and_paper);
  g_test_add_func ("/copydesk/html/headline-only", test_headline_only);
  g_test_add_func ("/copydesk/html/no-headline", test_no_headline);
  g_test_add_func ("/copydesk/html/suggest-filename", test_suggest_filename);
  g_test_add_func ("/copydesk/html/fonts/embedded", test_fonts_embedded);
  g_test_add_func ("/copydesk/html/fonts/requested", test_fonts_requested);
  g_test_add_func ("/copydesk/html/fonts/repeated-chars", test_fonts_repeated_chars);
  g_test_add_func ("/copydesk/html/fonts/none", test_fonts_none);
  g_test_add_func ("/copydesk/html/short-paragraphs", test_short_paragraphs);
  g_test_add_func ("/copydesk/html/fonts/background", test_fonts_background);
  g_test_add_func ("/copydesk/html/fonts/exact-chars", test_fonts_exact_chars);

  status = g_test_run ();
  if (cache != NULL)
    remove_own_cache (cache);
  return status;
}
