/* desk-html.c — the print-ready HTML export of a story
 *
 * One self-contained file: subset fonts as data: URIs, @page rules for paper,
 * page numbers and running heads, and the story in reading order. Written in
 * pieces to a stream; the fonts are looked up and subset on worker threads
 * meanwhile, and only the part of the body written before they are ready is
 * held in memory (the head, which embeds them, must come first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-html"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-fonts.h"
#include "desk-html.h"
#include "desk-html-private.h"
#include "desk-labels.h"
#include "desk-typography.h"

#define FLUSH_AT (64 * 1024)
#define SHORT_HEADLINE 60
#define SHORT_PARAGRAPH 400 /* characters: under about four lines */

G_DEFINE_QUARK (desk-html-error-quark, desk_html_error)

typedef struct {
  DeskArticle *article;
  const DeskHtmlOptions *options;
  const char *language;
  GOutputStream *out;
  GCancellable *cancellable;
  GString *buf;
  DeskFonts *fonts;
  GPtrArray *related;
  char *date_iso;
  char *date_text;
} Writer;

/* Characters typography may put into the text, so the font subsets have them. */
static const char typographic_chars[] =
  "“”‘’„‚«»‹›–—…\u00A0\u202F";

void
desk_html_options_init (DeskHtmlOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper = DESK_PAPER_A4;
  options->dash = DESK_DASH_EN;
}

gboolean
desk_paper_from_string (const char *str,
                        DeskPaper  *paper)
{
  if (g_ascii_strcasecmp (str ? str : "", "a4") == 0)
    *paper = DESK_PAPER_A4;
  else if (g_ascii_strcasecmp (str ? str : "", "letter") == 0)
    *paper = DESK_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

static gboolean
flush (Writer  *w,
       gboolean force,
       GError **error)
{
  if (w->buf->len == 0 || (!force && w->buf->len < FLUSH_AT))
    return TRUE;
  if (!g_output_stream_write_all (w->out, w->buf->str, w->buf->len, NULL, w->cancellable, error))
    return FALSE;
  g_string_truncate (w->buf, 0);
  return TRUE;
}

static char *
typographic (Writer     *w,
             const char *text)
{
  return desk_typography_apply (text, w->language, w->options->dash);
}

static void
append_text (Writer     *w,
             const char *text)
{
  desk_html_append_text (w->buf, text, w->language, w->options->dash);
}

static gboolean
language_is_rtl (const char *language)
{
  static const char *rtl[] = { "ar", "fa", "he", "ur", "yi", "ps", "ckb", "sd", "ug", "dv" };

  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (desk_language_is (language, rtl[i]))
      return TRUE;
  return FALSE;
}

/* A BCP 47 tag safe for an attribute: letters, digits and hyphens only. */
static char *
clean_language (const char *language)
{
  GString *tag = g_string_new (NULL);

  for (const char *p = language ? language : ""; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (tag, *p);
      else if ((*p == '-' || *p == '_') && tag->len > 0)
        g_string_append_c (tag, '-');
    }
  while (tag->len > 0 && tag->str[tag->len - 1] == '-')
    g_string_truncate (tag, tag->len - 1);
  if (tag->len == 0)
    g_string_append (tag, "und");
  return g_string_free (tag, FALSE);
}

/* The story's date: the dateline's, else the day it was last modified (UTC). */
static void
find_date (Writer *w)
{
  const DeskDateline *dateline = desk_article_get_dateline (w->article);
  g_autoptr (DeskDateline) day = NULL;
  gint64 when;

  if (dateline != NULL && desk_dateline_get_date (dateline)[0])
    {
      w->date_iso = g_strdup (desk_dateline_get_date (dateline));
      w->date_text = desk_dateline_format_date (dateline, w->language);
      return;
    }
  when = desk_article_get_modified (w->article);
  if (when <= 0)
    when = desk_article_get_created (w->article);
  if (when <= 0)
    return;
  {
    g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (when);

    if (dt == NULL)
      return;
    day = desk_dateline_new ();
    desk_dateline_set_ymd (day, g_date_time_get_year (dt), g_date_time_get_month (dt),
                           g_date_time_get_day_of_month (dt));
    w->date_iso = g_date_time_format (dt, "%Y-%m-%d");
    w->date_text = desk_dateline_format_date (day, w->language);
  }
}

static char *
short_headline (const char *headline)
{
  g_autofree char *clean = g_strstrip (g_strdup (headline));
  const char *cut, *space;

  if (g_utf8_strlen (clean, -1) <= SHORT_HEADLINE)
    return g_steal_pointer (&clean);
  cut = g_utf8_offset_to_pointer (clean, SHORT_HEADLINE);
  space = g_utf8_strrchr (clean, cut - clean, ' ');
  if (space != NULL && space > clean + (cut - clean) / 2)
    cut = space;
  return g_strdup_printf ("%.*s…", (int) (cut - clean), clean);
}

static char *
page_label_css (const char *language)
{
  const char *label = desk_labels_get (language, DESK_LABEL_PAGE_OF);
  GString *css = g_string_new (NULL);
  const char *p = label;

  while (*p)
    {
      const char *page = strstr (p, "{page}"), *pages = strstr (p, "{pages}");
      const char *next = page && (!pages || page < pages) ? page : pages;
      g_autofree char *literal = g_strndup (p, next ? (gsize) (next - p) : strlen (p));

      if (*literal)
        {
          desk_html_append_css_string (css, literal);
          g_string_append_c (css, ' ');
        }
      if (next == NULL)
        break;
      g_string_append (css, next == pages ? "counter(pages) " : "counter(page) ");
      p = next + (next == pages ? strlen ("{pages}") : strlen ("{page}"));
    }
  return g_string_free (css, FALSE);
}

static const char base_css[] =
  "html { font-size: 11pt; line-height: 1.45; color: #111; background: #fff; }\n"
  "body { margin: 0; text-align: start; hyphens: manual; }\n"
  "p { margin: 0 0 0.55em; orphans: 2; widows: 2; }\n"
  "p.short { break-inside: avoid; }\n"
  "header.masthead { margin: 0 0 14pt; padding-bottom: 8pt; border-bottom: 0.5pt solid #888; }\n"
  ".kicker { font-weight: 700; font-size: 9pt; letter-spacing: 0.05em; color: #8b1a1a;\n"
  "  margin: 0 0 3pt; break-after: avoid; }\n"
  "h1 { font-weight: 700; font-size: 22pt; line-height: 1.15; margin: 0 0 8pt; break-after: avoid; }\n"
  ".deck { font-size: 13pt; line-height: 1.35; color: #333; margin: 0 0 8pt; break-after: avoid; }\n"
  ".byline, .published { font-size: 9.5pt; color: #333; margin: 0; }\n"
  ".byline { font-weight: 700; }\n"
  "h2 { font-weight: 700; font-size: 13pt; line-height: 1.25; margin: 14pt 0 4pt;\n"
  "  break-after: avoid; }\n"
  ".dateline { font-weight: 700; }\n"
  "figure.quote { margin: 10pt 0 12pt; padding-inline-start: 12pt;\n"
  "  border-inline-start: 2pt solid #888; break-inside: avoid; }\n"
  "figure.quote blockquote { margin: 0; }\n"
  "figure.quote blockquote p:last-child { margin-bottom: 2pt; }\n"
  "figcaption { font-size: 9.5pt; color: #333; }\n"
  "figcaption::before { content: \"— \"; }\n"
  "aside.pullquote { font-weight: 700; font-size: 15pt; line-height: 1.3; margin: 14pt 0;\n"
  "  padding: 8pt 0; border-top: 1.5pt solid #111; border-bottom: 1.5pt solid #111;\n"
  "  break-inside: avoid; }\n"
  "aside.pullquote p { margin: 0; }\n"
  "aside.pullquote .attribution { font-size: 9.5pt; font-weight: 400; margin-top: 4pt; }\n"
  "a { color: inherit; text-decoration: underline; overflow-wrap: anywhere; }\n"
  /* the space stays in the paragraph's direction; LRI…PDI isolate the URL, so in rtl
   * text it sits on the far side of the space, not glued to the link */
  "a[href^=\"http\"]:not(.bare)::after { content: \" \\2066(\" attr(href) \")\\2069\";\n"
  "  font-size: 0.85em; text-decoration: none; overflow-wrap: anywhere; }\n"
  "a.bare { direction: ltr; unicode-bidi: isolate; }\n"
  "footer.credits { margin-top: 14pt; padding-top: 6pt; border-top: 0.5pt solid #888;\n"
  "  font-size: 9.5pt; break-inside: avoid; }\n"
  "aside.related { margin-top: 16pt; padding-top: 6pt; border-top: 1.5pt solid #111; }\n"
  ".teaser { margin: 0 0 9pt; break-inside: avoid; }\n"
  ".teaser p { margin: 0 0 2pt; }\n"
  ".teaser-kicker { font-weight: 700; font-size: 8.5pt; color: #8b1a1a; break-after: avoid; }\n"
  ".teaser-headline { font-weight: 700; font-size: 11pt; break-after: avoid; }\n"
  ".teaser-deck { font-size: 9.5pt; color: #333; }\n";

static void
append_margin_box (GString    *css,
                   const char *box,
                   const char *content,
                   const char *display_stack)
{
  g_string_append_printf (css, "  @%s { content: %s; font-family: %s; font-size: 8pt;"
                          " color: #444; }\n", box, content, display_stack);
}

static void
append_page_css (Writer     *w,
                 const char *display_stack)
{
  g_autofree char *head = short_headline (desk_article_get_headline (w->article));
  g_autofree char *head_typo = typographic (w, head);
  g_autofree char *label = page_label_css (w->language);
  g_autoptr (GString) head_css = g_string_new (NULL);
  g_autoptr (GString) date_css = g_string_new (NULL);
  gboolean rtl = language_is_rtl (w->language);

  desk_html_append_css_string (head_css, head_typo);
  desk_html_append_css_string (date_css, w->date_text ? w->date_text : "");
  g_string_append_printf (w->buf, "@page {\n  size: %s;\n  margin: 20mm 18mm 20mm;\n",
                          w->options->paper == DESK_PAPER_LETTER ? "letter" : "A4");
  /* the slug where a line starts: on the right in rtl (margin boxes are not mirrored) */
  append_margin_box (w->buf, rtl ? "top-right" : "top-left", head_css->str, display_stack);
  if (w->date_text != NULL)
    append_margin_box (w->buf, rtl ? "top-left" : "top-right", date_css->str, display_stack);
  append_margin_box (w->buf, "bottom-center", label, display_stack);
  g_string_append (w->buf, "}\n@page :first {\n  @top-left { content: none; }\n"
                   "  @top-right { content: none; }\n}\n");
}

static gboolean
write_head (Writer  *w,
            GError **error)
{
  g_autofree char *lang = clean_language (w->language);
  g_autofree char *text_stack = desk_fonts_dup_css_stack (w->fonts, DESK_FONT_TEXT);
  g_autofree char *display_stack = desk_fonts_dup_css_stack (w->fonts, DESK_FONT_DISPLAY);

  g_string_append_printf (w->buf, "<!DOCTYPE html>\n<html lang=\"%s\"%s>\n<head>\n"
                          "<meta charset=\"utf-8\">\n<title>", lang,
                          language_is_rtl (w->language) ? " dir=\"rtl\"" : "");
  append_text (w, desk_article_get_headline (w->article));
  g_string_append (w->buf, "</title>\n<meta name=\"generator\" content=\"Copydesk "
                   PACKAGE_VERSION "\">\n<style>\n");
  if (!flush (w, TRUE, error) ||
      !desk_fonts_write_css (w->fonts, w->out, w->cancellable, error))
    return FALSE;
  append_page_css (w, display_stack);
  g_string_append_printf (w->buf, "html { font-family: %s; }\n", text_stack);
  g_string_append_printf (w->buf, ".kicker, h1, .deck, .byline, .published, h2, figcaption,\n"
                          "aside.pullquote, .teaser-kicker, .teaser-headline"
                          " { font-family: %s; }\n", display_stack);
  g_string_append (w->buf, base_css);
  g_string_append (w->buf, "</style>\n</head>\n<body>\n");
  return flush (w, TRUE, error);
}

static void
append_rich (Writer          *w,
             const DeskBlock *block)
{
  desk_html_append_rich (w->buf, block, w->language, w->options->dash);
}

static void
append_element (Writer     *w,
                const char *open,
                const char *text,
                const char *close)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (w->buf, open);
  append_text (w, text);
  g_string_append (w->buf, close);
}

static void
append_dateline (Writer *w)
{
  const DeskDateline *dateline = desk_article_get_dateline (w->article);
  g_autofree char *line = NULL;

  if (dateline == NULL || desk_dateline_is_empty (dateline))
    return;
  line = desk_dateline_render (dateline, w->language, w->options->dash);
  g_string_append (w->buf, "<span class=\"dateline\">");
  desk_html_append_escaped (w->buf, line);
  g_string_append (w->buf, "</span> ");
}

static void
append_masthead (Writer *w)
{
  DeskArticle *a = w->article;

  g_string_append (w->buf, "<article>\n<header class=\"masthead\">\n");
  append_element (w, "<p class=\"kicker\">", desk_article_get_kicker (a), "</p>\n");
  append_element (w, "<h1>", desk_article_get_headline (a), "</h1>\n");
  append_element (w, "<p class=\"deck\">", desk_article_get_deck (a), "</p>\n");
  append_element (w, "<p class=\"byline\">", desk_article_get_byline (a), "</p>\n");
  if (w->date_iso != NULL)
    {
      g_string_append (w->buf, "<p class=\"published\"><time datetime=\"");
      desk_html_append_escaped (w->buf, w->date_iso);
      g_string_append (w->buf, "\">");
      desk_html_append_escaped (w->buf, w->date_text);
      g_string_append (w->buf, "</time></p>\n");
    }
  g_string_append (w->buf, "</header>\n<div class=\"story\">\n");
}

static void
append_attributed (Writer          *w,
                   const DeskBlock *block,
                   gboolean         pull)
{
  const char *attribution = desk_block_get_attribution (block);

  g_string_append (w->buf, pull ? "<aside class=\"pullquote\">\n<p>"
                                : "<figure class=\"quote\">\n<blockquote><p>");
  append_rich (w, block);
  g_string_append (w->buf, pull ? "</p>\n" : "</p></blockquote>\n");
  if (pull)
    append_element (w, "<p class=\"attribution\">", attribution, "</p>\n");
  else
    append_element (w, "<figcaption>", attribution, "</figcaption>\n");
  g_string_append (w->buf, pull ? "</aside>\n" : "</figure>\n");
}

/* The continuation bytes (10xxxxxx) among @len bytes, eight at a time. */
static gsize
count_continuation_bytes (const char *text,
                          gsize       len)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize n = 0, i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 x;

      memcpy (&x, text + i, 8);
      /* bit 7 set and bit 6 clear, as 0 or 1 per byte, summed by the multiply */
      n += ((((x & ~(x << 1)) & high) >> 7) * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56;
    }
  for (; i < len; i++)
    n += ((guchar) text[i] & 0xC0) == 0x80;
  return n;
}

/* Fewer than SHORT_PARAGRAPH characters: a character takes one to four bytes,
 * so the byte length mostly answers without counting. */
static gboolean
is_short (const char *text)
{
  gsize bytes = strlen (text);

  if (bytes < SHORT_PARAGRAPH || bytes >= 4 * SHORT_PARAGRAPH)
    return bytes < SHORT_PARAGRAPH;
  return bytes - count_continuation_bytes (text, bytes) < SHORT_PARAGRAPH;
}

static void
append_block (Writer          *w,
              const DeskBlock *block,
              gboolean        *dateline_due)
{
  if (desk_block_get_text (block)[0] == '\0')
    return;
  switch (desk_block_get_kind (block))
    {
    case DESK_BLOCK_PARAGRAPH:
      /* Chromium drops widows/orphans: 2 when a paragraph has fewer than 4 lines */
      g_string_append (w->buf, is_short (desk_block_get_text (block))
                               ? "<p class=\"short\">" : "<p>");
      if (*dateline_due)
        append_dateline (w);
      *dateline_due = FALSE;
      append_rich (w, block);
      g_string_append (w->buf, "</p>\n");
      break;
    case DESK_BLOCK_SUBHEADING:
      g_string_append (w->buf, "<h2>");
      append_rich (w, block);
      g_string_append (w->buf, "</h2>\n");
      break;
    case DESK_BLOCK_QUOTE:
    case DESK_BLOCK_PULLQUOTE:
    default:
      append_attributed (w, block, desk_block_get_kind (block) == DESK_BLOCK_PULLQUOTE);
      break;
    }
}

static gboolean
has_paragraph (DeskArticle *article)
{
  for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
    {
      DeskBlock *block = desk_article_get_block (article, i);

      if (desk_block_get_kind (block) == DESK_BLOCK_PARAGRAPH && desk_block_get_text (block)[0])
        return TRUE;
    }
  return FALSE;
}

static void
append_link (Writer     *w,
             const char *url,
             const char *text)
{
  gboolean linked = desk_link_href_is_allowed (url);

  if (linked)
    {
      g_string_append (w->buf, "<a href=\"");
      desk_html_append_escaped (w->buf, url);
      g_string_append (w->buf, g_strcmp0 (text, url) == 0 ? "\" class=\"bare\">" : "\">");
    }
  if (linked && g_strcmp0 (text, url) == 0)
    desk_html_append_escaped (w->buf, url);
  else
    append_text (w, text);
  if (linked)
    g_string_append (w->buf, "</a>");
}

static void
append_credits (Writer *w)
{
  DeskArticle *a = w->article;
  const char *name = desk_article_get_source_name (a);
  const char *url = desk_article_get_source_url (a);
  gboolean source = name[0] || desk_link_href_is_allowed (url);

  if (!source && desk_article_get_tagline (a)[0] == '\0')
    return;
  g_string_append (w->buf, "<footer class=\"credits\">\n");
  append_element (w, "<p class=\"tagline\">", desk_article_get_tagline (a), "</p>\n");
  if (source)
    {
      const char *label = desk_labels_source_template (w->language, name);
      const char *slot = strstr (label, "{source}");
      g_autofree char *before = g_strndup (label, slot - label);

      g_string_append (w->buf, "<p class=\"source\">");
      desk_html_append_escaped (w->buf, before);
      append_link (w, url, name[0] ? name : url);
      desk_html_append_escaped (w->buf, slot + strlen ("{source}"));
      g_string_append (w->buf, "</p>\n");
    }
  g_string_append (w->buf, "</footer>\n");
}

static void
append_related (Writer *w)
{
  if (w->related->len == 0)
    return;
  g_string_append (w->buf, "<aside class=\"related\">\n");
  for (guint i = 0; i < w->related->len; i++)
    {
      const DeskRelated *r = g_ptr_array_index (w->related, i);

      g_string_append (w->buf, "<div class=\"teaser\">\n");
      append_element (w, "<p class=\"teaser-kicker\">", r->kicker, "</p>\n");
      g_string_append (w->buf, "<p class=\"teaser-headline\">");
      append_link (w, r->url, r->headline);
      g_string_append (w->buf, "</p>\n");
      append_element (w, "<p class=\"teaser-deck\">", r->deck, "</p>\n");
      g_string_append (w->buf, "</div>\n");
    }
  g_string_append (w->buf, "</aside>\n");
}

/* Returns whether the dateline is still due at the first paragraph. */
static gboolean
append_opening (Writer *w)
{
  const DeskDateline *dateline = desk_article_get_dateline (w->article);

  append_masthead (w);
  if (has_paragraph (w->article))
    return TRUE;
  if (dateline != NULL && !desk_dateline_is_empty (dateline))
    {
      g_string_append (w->buf, "<p>");
      append_dateline (w);
      g_string_append (w->buf, "</p>\n");
    }
  return FALSE;
}

static void
append_closing (Writer *w)
{
  g_string_append (w->buf, "</div>\n");
  append_credits (w);
  g_string_append (w->buf, "</article>\n");
  append_related (w);
  g_string_append (w->buf, "</body>\n</html>\n");
}

/* The head carries the font subsets, which a worker makes meanwhile: until
 * they are ready the body is held in memory; then the head, what was held and
 * the rest of the body stream out. */
static gboolean
write_document (Writer  *w,
                GError **error)
{
  g_autoptr (GString) held = NULL;
  guint n = desk_article_get_n_blocks (w->article), i = 0;
  gboolean dateline_due = append_opening (w);

  while (i < n && !desk_fonts_is_ready (w->fonts))
    append_block (w, desk_article_get_block (w->article, i++), &dateline_due);
  held = g_steal_pointer (&w->buf);
  w->buf = g_string_sized_new (FLUSH_AT + 4096);
  if (!write_head (w, error) ||
      !g_output_stream_write_all (w->out, held->str, held->len, NULL, w->cancellable, error))
    return FALSE;
  g_string_free (g_steal_pointer (&held), TRUE);
  for (; i < n; i++)
    {
      append_block (w, desk_article_get_block (w->article, i), &dateline_due);
      if (!flush (w, FALSE, error))
        return FALSE;
    }
  append_closing (w);
  return flush (w, TRUE, error);
}

static void
resolve_related (Writer *w)
{
  w->related = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_related_free);
  for (guint i = 0; i < desk_article_get_n_related (w->article); i++)
    {
      const DeskRelated *r = desk_article_get_related (w->article, i);
      DeskRelated *teaser = NULL;

      if (r->id > 0 && w->options->resolve_related != NULL)
        teaser = w->options->resolve_related (r->id, w->options->resolve_data);
      else if (r->id <= 0)
        teaser = desk_related_copy (r);
      if (teaser != NULL && teaser->headline != NULL && teaser->headline[0])
        g_ptr_array_add (w->related, teaser);
      else if (teaser != NULL)
        desk_related_free (teaser);
    }
}

/* The faces that print a block's text, and its attribution. */
static DeskFontRole
block_role (const DeskBlock *block,
            gboolean         attribution)
{
  switch (desk_block_get_kind (block))
    {
    case DESK_BLOCK_SUBHEADING:
    case DESK_BLOCK_PULLQUOTE:
      return DESK_FONT_DISPLAY;
    case DESK_BLOCK_QUOTE:
      return attribution ? DESK_FONT_DISPLAY : DESK_FONT_TEXT; /* figcaption */
    case DESK_BLOCK_PARAGRAPH:
    default:
      return DESK_FONT_TEXT;
    }
}

static void
collect_block_chars (DeskFonts       *fonts,
                     const DeskBlock *block,
                     DeskFaceFlags    faces[DESK_N_FONT_ROLES])
{
  DeskFontRole role = block_role (block, FALSE);

  desk_fonts_add_text (fonts, role, desk_block_get_text (block));
  desk_fonts_add_text (fonts, block_role (block, TRUE), desk_block_get_attribution (block));
  for (guint j = 0; j < desk_block_get_n_marks (block); j++)
    {
      const DeskMark *mark = desk_block_get_mark (block, j);

      if (mark->kind == DESK_MARK_EM)
        faces[role] |= DESK_FACE_ITALIC;
      else if (mark->kind == DESK_MARK_STRONG)
        faces[role] |= DESK_FACE_BOLD;
      else
        desk_fonts_add_text (fonts, role, mark->href); /* printed after the link */
    }
}

/* A label's own words, without its {placeholders}. */
static void
collect_label_chars (DeskFonts    *fonts,
                     DeskFontRole  role,
                     const char   *label)
{
  g_autoptr (GString) words = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;

      if (close != NULL)
        p = close;
      else
        g_string_append_c (words, *p);
    }
  desk_fonts_add_text (fonts, role, words->str);
}

static void
collect_related_chars (Writer    *w,
                       DeskFonts *fonts)
{
  for (guint i = 0; i < w->related->len; i++)
    {
      const DeskRelated *r = g_ptr_array_index (w->related, i);

      desk_fonts_add_text (fonts, DESK_FONT_DISPLAY, r->kicker);
      desk_fonts_add_text (fonts, DESK_FONT_DISPLAY, r->headline);
      desk_fonts_add_text (fonts, DESK_FONT_DISPLAY, r->url);
      desk_fonts_add_text (fonts, DESK_FONT_TEXT, r->deck);
    }
}

/* Every character the printout shows, in the faces that show it (the CSS
 * gives the display faces to the masthead, subheadings, captions, pull quotes,
 * teaser headlines and the page margins), so each subset has exactly those. */
static DeskFonts *
collect_fonts (Writer *w)
{
  DeskArticle *a = w->article;
  DeskFonts *fonts = desk_fonts_new (w->language, w->options->text_font,
                                     w->options->display_font);
  const DeskDateline *dateline = desk_article_get_dateline (a);
  DeskFaceFlags faces[DESK_N_FONT_ROLES] = { DESK_FACE_REGULAR,
                                             DESK_FACE_REGULAR | DESK_FACE_BOLD };
  const char *display[] = {
    desk_article_get_headline (a), desk_article_get_kicker (a), desk_article_get_deck (a),
    desk_article_get_byline (a), w->date_text, typographic_chars,
  };
  const char *text[] = {
    desk_article_get_tagline (a), desk_article_get_source_name (a),
    desk_article_get_source_url (a), typographic_chars,
  };

  for (guint i = 0; i < G_N_ELEMENTS (display); i++)
    desk_fonts_add_text (fonts, DESK_FONT_DISPLAY, display[i]);
  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    desk_fonts_add_text (fonts, DESK_FONT_TEXT, text[i]);
  collect_label_chars (fonts, DESK_FONT_DISPLAY, desk_labels_get (w->language,
                                                                  DESK_LABEL_PAGE_OF));
  if (desk_article_get_source_name (a)[0] ||
      desk_link_href_is_allowed (desk_article_get_source_url (a)))
    collect_label_chars (fonts, DESK_FONT_TEXT,
                         desk_labels_source_template (w->language,
                                                      desk_article_get_source_name (a)));
  if (dateline != NULL && !desk_dateline_is_empty (dateline))
    {
      g_autofree char *line = desk_dateline_render (dateline, w->language, w->options->dash);

      desk_fonts_add_text (fonts, DESK_FONT_TEXT, line);
      faces[DESK_FONT_TEXT] |= DESK_FACE_BOLD;
    }
  for (guint i = 0; i < desk_article_get_n_blocks (a); i++)
    collect_block_chars (fonts, desk_article_get_block (a, i), faces);
  collect_related_chars (w, fonts);
  for (guint role = 0; role < DESK_N_FONT_ROLES; role++)
    desk_fonts_use_faces (fonts, role, faces[role]);
  return fonts;
}

static gboolean
headline_is_set (DeskArticle *article)
{
  for (const char *p = desk_article_get_headline (article); *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * desk_html_write:
 * @options: (nullable): paper, dash style, fonts and a resolver for related stories
 * @warning: (out) (optional) (nullable): something the user should know about an
 *   export that did succeed (a font that could not be embedded), or %NULL
 *
 * Writes @article as one self-contained, print-ready HTML file. The editor's
 * note is never written.
 */
gboolean
desk_html_write (DeskArticle            *article,
                 const DeskHtmlOptions  *options,
                 GOutputStream          *out,
                 char                  **warning,
                 GCancellable           *cancellable,
                 GError                **error)
{
  DeskHtmlOptions defaults;
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (DESK_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (warning != NULL)
    *warning = NULL;
  if (!headline_is_set (article))
    {
      g_set_error_literal (error, DESK_HTML_ERROR, DESK_HTML_ERROR_NO_HEADLINE,
                           _("The story has no headline; give it one before exporting."));
      return FALSE;
    }
  desk_fonts_load_config_in_background ();
  if (options == NULL)
    {
      desk_html_options_init (&defaults);
      options = &defaults;
    }
  w.article = article;
  w.options = options;
  w.language = desk_article_get_language (article);
  w.out = out;
  w.cancellable = cancellable;
  w.buf = g_string_sized_new (FLUSH_AT + 4096);
  resolve_related (&w);
  find_date (&w);
  w.fonts = collect_fonts (&w);
  desk_fonts_prepare_in_background (w.fonts);

  ok = write_document (&w, error);
  if (ok && warning != NULL)
    *warning = g_strdup (desk_fonts_get_warning (w.fonts));

  g_string_free (w.buf, TRUE);
  g_object_unref (w.fonts);
  g_ptr_array_unref (w.related);
  g_free (w.date_iso);
  g_free (w.date_text);
  return ok;
}

/**
 * desk_html_suggest_filename:
 *
 * Returns: a file name made from the headline, in ASCII ("albanian-police-raid.html")
 */
char *
desk_html_suggest_filename (DeskArticle *article)
{
  g_autofree char *ascii = NULL;
  GString *name = g_string_new (NULL);

  g_return_val_if_fail (DESK_IS_ARTICLE (article), NULL);

  ascii = g_str_to_ascii (desk_article_get_headline (article), "C");
  for (const char *p = ascii; *p && name->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0 && desk_article_get_id (article) > 0)
    g_string_printf (name, "story-%" G_GINT64_FORMAT, desk_article_get_id (article));
  else if (name->len == 0)
    g_string_append (name, "story");
  g_string_append (name, ".html");
  return g_string_free (name, FALSE);
}
