/* desk-html-text.c — the story's text as HTML: escaped, typographic, with its marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-html"

#include "config.h"

#include <string.h>

#include "desk-html-private.h"
#include "desk-typography.h"

typedef struct {
  guint start;
  guint end;
  const DeskMark *mark;
} Span;

static gboolean
is_printable (gunichar c)
{
  if (c < 0x20)
    return FALSE;
  if ((c >= 0x7F && c <= 0x9F) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
    return FALSE;
  return TRUE;
}

/* Whether the byte starts something append_escaped_len does not copy as is: an
 * ASCII special or control, or the lead byte of a character is_printable may
 * reject (U+0080–U+009F, U+FDD0–U+FFFF and beyond the BMP). Never a continuation byte. */
static inline gboolean
may_need_escape (guchar b)
{
  return b < 0x20 || b == '&' || b == '<' || b == '>' || b == '"' || b == 0x7F || b == 0xC2 ||
         b >= 0xEF;
}

/* Escapes the character at @p; returns the next. */
static const char *
append_escaped_char (GString    *s,
                     const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *next = g_utf8_next_char (p);

  switch (c)
    {
    case '&': g_string_append (s, "&amp;"); break;
    case '<': g_string_append (s, "&lt;"); break;
    case '>': g_string_append (s, "&gt;"); break;
    case '"': g_string_append (s, "&quot;"); break;
    case '\n': case '\t': case '\r': g_string_append_c (s, ' '); break;
    default:
      if (is_printable (c))
        g_string_append_len (s, p, next - p);
    }
  return next;
}

/* Escapes @len bytes of text (or all of it for -1) for element content or a
 * double-quoted attribute. */
void
desk_html_append_escaped_len (GString    *s,
                              const char *text,
                              gssize      len)
{
  const char *end = len < 0 ? text + strlen (text) : text + len;
  const char *p = text;

  while (p < end)
    {
      const char *run = p;

      while (p < end && !may_need_escape ((guchar) *p))
        p++;
      g_string_append_len (s, run, p - run);
      if (p < end)
        p = append_escaped_char (s, p);
    }
}

void
desk_html_append_escaped (GString    *s,
                          const char *text)
{
  desk_html_append_escaped_len (s, text, -1);
}

/* Text for a double-quoted CSS string inside <style>: no quote, backslash, or
 * anything that could end the style element. */
void
desk_html_append_css_string (GString    *s,
                             const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&')
        g_string_append_printf (s, "\\%x ", c);
      else if (is_printable (c))
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
      else
        g_string_append_c (s, ' ');
    }
  g_string_append_c (s, '"');
}

/* The length of @text without trailing white space (a no-break space included). */
gsize
desk_html_trimmed_length (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  return end - text;
}

/* @text made typographic and escaped, without leading or trailing white space. */
void
desk_html_append_text (GString       *buf,
                       const char    *text,
                       const char    *language,
                       DeskDashStyle  dash)
{
  g_autofree char *typo = desk_typography_apply (text, language, dash);
  const char *start = typo;

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  desk_html_append_escaped_len (buf, start, desk_html_trimmed_length (start));
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

static gboolean
link_text_is_href (const char     *text,
                   const DeskMark *mark)
{
  const char *from = g_utf8_offset_to_pointer (text, mark->start);
  const char *to = g_utf8_offset_to_pointer (text, mark->end);
  const char *href = mark->href;

  if (g_ascii_strncasecmp (href, "mailto:", 7) == 0)
    href += 7;
  return strlen (href) == (gsize) (to - from) && strncmp (from, href, to - from) == 0;
}

/* The block's marks moved onto the typographic text; links to other schemes dropped. */
static GArray *
collect_spans (const DeskBlock *block,
               GArray          *map)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  guint n_chars = map->len - 1;

  for (guint i = 0; i < desk_block_get_n_marks (block); i++)
    {
      const DeskMark *mark = desk_block_get_mark (block, i);
      Span span = { 0, 0, mark };

      if (mark->start >= mark->end || mark->end > n_chars)
        continue;
      if (mark->kind == DESK_MARK_LINK && !desk_link_href_is_allowed (mark->href))
        continue;
      span.start = g_array_index (map, guint, mark->start);
      span.end = g_array_index (map, guint, mark->end);
      if (span.start < span.end)
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);
  return spans;
}

static void
open_span (GString    *buf,
           const char *text,
           const Span *span)
{
  const DeskMark *mark = span->mark;

  if (mark->kind == DESK_MARK_EM)
    g_string_append (buf, "<em>");
  else if (mark->kind == DESK_MARK_STRONG)
    g_string_append (buf, "<strong>");
  else
    {
      g_string_append (buf, "<a href=\"");
      desk_html_append_escaped (buf, mark->href);
      g_string_append (buf, link_text_is_href (text, mark) ? "\" class=\"bare\">" : "\">");
    }
}

static void
close_span (GString    *buf,
            const Span *span)
{
  static const char *tags[] = { "</em>", "</strong>", "</a>" };

  g_string_append (buf, tags[span->mark->kind]);
}

static gboolean
span_covers (const Span *span,
             guint       pos)
{
  return span->start <= pos && pos < span->end;
}

/* Makes the open tags at @pos exactly the spans covering it, keeping them nested. */
static void
sync_spans (GString    *buf,
            const char *text,
            GArray     *spans,
            GPtrArray  *open,
            guint       pos)
{
  guint keep = 0;

  while (keep < open->len && span_covers (g_ptr_array_index (open, keep), pos))
    keep++;
  while (open->len > keep)
    {
      close_span (buf, g_ptr_array_index (open, open->len - 1));
      g_ptr_array_remove_index (open, open->len - 1);
    }
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (span_covers (span, pos) && !g_ptr_array_find (open, span, NULL))
        {
          open_span (buf, text, span);
          g_ptr_array_add (open, span);
        }
    }
}

/* The block's text, typographic, escaped, with its marks as nested em,
 * strong and a elements. */
void
desk_html_append_rich (GString         *buf,
                       const DeskBlock *block,
                       const char      *language,
                       DeskDashStyle    dash)
{
  const char *text = desk_block_get_text (block);
  gboolean marked = desk_block_get_n_marks (block) > 0;
  g_autoptr (GArray) map = NULL;
  g_autofree char *typo = desk_typography_apply_with_map (text, language, dash,
                                                          marked ? &map : NULL);
  g_autoptr (GArray) spans = marked ? collect_spans (block, map)
                                    : g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr (GPtrArray) open = g_ptr_array_new ();
  const char *p = typo;
  const char *end = typo + desk_html_trimmed_length (typo);
  guint pos = 0;

  while (p < end)
    {
      guint next = G_MAXUINT;
      const char *q = p;

      sync_spans (buf, text, spans, open, pos);
      for (guint i = 0; i < spans->len; i++)
        {
          Span *span = &g_array_index (spans, Span, i);

          if (span->start > pos)
            next = MIN (next, span->start);
          if (span->end > pos)
            next = MIN (next, span->end);
        }
      if (next == G_MAXUINT)
        q = end; /* no tag to open or close before the end */
      for (; q < end && pos < next; pos++)
        q = g_utf8_next_char (q);
      desk_html_append_escaped_len (buf, p, q - p);
      p = q;
    }
  sync_spans (buf, text, spans, open, G_MAXUINT);
}
