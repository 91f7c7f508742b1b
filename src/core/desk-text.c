/* desk-text.c — the plain-text and wire-copy reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is decoded, cut into lines, lines are joined into units (a
 * paragraph, a headline, a byline…), and the units are read top to bottom:
 * kicker, headline, deck, byline, then the body, whose first paragraph may
 * open with a dateline, and whose tail may carry a tagline, a source credit
 * and the related-story teasers a web page appends.
 */
#define G_LOG_DOMAIN "copydesk-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-text.h"
#include "desk-text-private.h"

G_DEFINE_QUARK (desk-text-error-quark, desk_text_error)

/* Beyond these lengths a unit is body text, whatever it looks like. */
#define MAX_HEADLINE_CHARS 300
#define MAX_DECK_CHARS     400
#define MAX_BYLINE_CHARS   120
#define MAX_SUBHEAD_CHARS  80
#define MAX_LABEL_CHARS    30
#define MAX_EXCERPT_CHARS  1000
#define MAX_CREDIT_CHARS   300
/* Text whose longest line is this short was wrapped by hand or by a mailer. */
#define MAX_WRAP_WIDTH     100

typedef struct
{
  char *text;
  gsize len;      /* bytes */
  glong n_chars;
  guint n_lines;
} Unit;

typedef struct
{
  GPtrArray *units;
  DeskArticle *article;
  int context_year; /* from the caller, 0 when unknown */
  int top_year;     /* from a full date above the body, 0 when none */
} Reader;

static gboolean is_byline (const Unit *u);

static void
unit_free (gpointer data)
{
  Unit *u = data;

  g_free (u->text);
  g_free (u);
}

/* ---- decoding ---------------------------------------------------------- */

/* Invalid UTF-8 is either damaged UTF-8 (some valid multi-byte sequences) or
 * a legacy 8-bit encoding (none); the second is read as Windows-1252. */
static gboolean
is_mostly_utf8 (const char *data,
                gsize       length)
{
  const char *p = data, *end = data + length;
  gsize valid = 0, invalid = 0;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          invalid++;
          p++;
        }
      else
        {
          valid++;
          p = g_utf8_next_char (p);
        }
    }
  return valid > invalid;
}

static char *
decode_8bit (const char *data,
             gsize       length)
{
  char *out = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

  /* Windows-1252 leaves five bytes undefined; ISO 8859-1 defines them all */
  if (out == NULL)
    out = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  if (out == NULL)
    out = g_utf8_make_valid (data, length);
  return out;
}

static char *
decode_utf16 (const char  *data,
              gsize        length,
              const char  *charset,
              GError     **error)
{
  gsize written = 0;
  g_autofree char *out = g_convert (data, length, "UTF-8", charset, NULL, &written, NULL);

  if (out == NULL)
    {
      g_set_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_ENCODING,
                   _("The text is marked as %s but is not valid %s"), charset, charset);
      return NULL;
    }
  if (memchr (out, '\0', written) != NULL)
    {
      g_set_error_literal (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_BINARY,
                           _("The file contains NUL characters; it is not plain text"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static char *
decode_input (const char  *data,
              gsize        length,
              GError     **error)
{
  const guchar *u = (const guchar *) data;

  if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    return decode_utf16 (data + 2, length - 2, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", error);
  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }
  /* some editors pad a file with NULs; NULs inside mean a binary file */
  while (length > 0 && data[length - 1] == '\0')
    length--;
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_BINARY,
                           _("The file contains NUL bytes; it is not plain text"));
      return NULL;
    }
  if (g_utf8_validate (data, length, NULL))
    return g_strndup (data, length);
  if (is_mostly_utf8 (data, length))
    return g_utf8_make_valid (data, length);
  return decode_8bit (data, length);
}

/* ---- lines and units ----------------------------------------------------- */

/* A story has far fewer; more means the input is not a story. */
#define MAX_UNITS 100000

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static gboolean
is_dropped (gunichar c)
{
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFEFF;
}

typedef struct
{
  const char *p;        /* the next character to read */
  GString *line;        /* the line just read, cleaned */
  glong n_chars;
  gboolean blank_next;  /* after a paragraph separator */
} LineReader;

static void
add_char (LineReader *lr,
          gunichar    c,
          gunichar    space,
          guint       n_spaces)
{
  if (n_spaces > 0 && lr->line->len > 0)
    {
      g_string_append_unichar (lr->line, n_spaces == 1 && space != '\t' ? space : ' ');
      lr->n_chars++;
    }
  g_string_append_unichar (lr->line, c);
  lr->n_chars++;
}

/* Reads the next line with white space collapsed and trimmed; FALSE at the
 * end. A single no-break or thin space between words is kept as typed; a
 * longer run of spaces, or a tab, becomes one space. */
static gboolean
read_line (LineReader *lr)
{
  gunichar space = 0;
  guint n_spaces = 0;

  g_string_truncate (lr->line, 0);
  lr->n_chars = 0;
  if (lr->blank_next)
    return !(lr->blank_next = FALSE);
  if (*lr->p == '\0')
    return FALSE;
  while (*lr->p)
    {
      gunichar c = (guchar) *lr->p < 0x80 ? (gunichar) *lr->p : g_utf8_get_char (lr->p);

      lr->p = g_utf8_next_char (lr->p);
      if (c == '\r' && *lr->p == '\n')
        continue;
      if (is_line_break (c))
        {
          lr->blank_next = c == 0x2029;
          break;
        }
      if (is_blank (c))
        space = c, n_spaces++;
      else if (!is_dropped (c))
        add_char (lr, c, space, n_spaces), n_spaces = 0;
    }
  return TRUE;
}

static glong
first_word_chars (const GString *line)
{
  const char *space = strchr (line->str, ' ');

  return space ? g_utf8_strlen (line->str, space - line->str) : g_utf8_strlen (line->str, -1);
}

static gboolean
starts_with_dash (const char *text)
{
  return text[0] == '-' || g_str_has_prefix (text, "–") || g_str_has_prefix (text, "—") ||
         g_str_has_prefix (text, "―");
}

typedef struct
{
  GPtrArray *units;
  GString *text;      /* of the unit being built */
  Unit unit;          /* its counts */
  glong width;        /* of the longest line, when the text is hand-wrapped; else 0 */
  glong prev_chars;   /* of the previous line, 0 after a blank line */
  gboolean prev_dash;
} UnitBuilder;

/* In hand-wrapped text a line was broken only because its next word did not
 * fit; a line that stops short of the margin ends its paragraph. */
static gboolean
continues_line (UnitBuilder *b,
                LineReader  *lr)
{
  Unit view = { lr->line->str, lr->line->len, lr->n_chars, 1 };

  if (b->width == 0 || b->prev_chars == 0 || b->prev_dash || lr->line->str[0] == '#' ||
      starts_with_dash (lr->line->str) || is_byline (&view))
    return FALSE;
  return b->prev_chars + 1 + first_word_chars (lr->line) > b->width;
}

static void
end_unit (UnitBuilder *b)
{
  Unit *copy;

  if (b->text->len == 0)
    return;
  copy = g_new0 (Unit, 1);
  *copy = b->unit;
  copy->len = b->text->len;
  copy->text = g_strndup (b->text->str, b->text->len);
  g_ptr_array_add (b->units, copy);
  g_string_truncate (b->text, 0);
}

static void
add_line (UnitBuilder *b,
          LineReader  *lr)
{
  if (lr->n_chars == 0)
    {
      end_unit (b);
      b->prev_chars = 0;
      return;
    }
  if (continues_line (b, lr))
    {
      g_string_append_c (b->text, ' ');
      b->unit.n_chars++;
      b->unit.n_lines++;
    }
  else
    {
      end_unit (b);
      b->unit.n_chars = 0;
      b->unit.n_lines = 1;
    }
  g_string_append_len (b->text, lr->line->str, lr->line->len);
  b->unit.n_chars += lr->n_chars;
  b->prev_chars = lr->n_chars;
  b->prev_dash = starts_with_dash (lr->line->str);
}

/* Cuts @text into units: a line, or the lines of a hand-wrapped paragraph.
 * Two passes, the first to find the longest line, so that no line is kept
 * longer than it takes to read it. */
static GPtrArray *
build_units (const char  *text,
             GError     **error)
{
  g_autoptr (GString) line = g_string_new (NULL);
  g_autoptr (GString) unit_text = g_string_new (NULL);
  LineReader lr = { text, line, 0, FALSE };
  UnitBuilder b = { g_ptr_array_new_with_free_func (unit_free), unit_text };

  while (read_line (&lr))
    b.width = MAX (b.width, lr.n_chars);
  if (b.width > MAX_WRAP_WIDTH)
    b.width = 0;
  lr.p = text;
  while (read_line (&lr) && b.units->len <= MAX_UNITS)
    add_line (&b, &lr);
  end_unit (&b);
  if (b.units->len > MAX_UNITS)
    {
      g_set_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_TOO_LARGE,
                   ngettext ("The text has more than %d paragraph; it does not look like a story",
                             "The text has more than %d paragraphs; it does not look like a story",
                             MAX_UNITS),
                   MAX_UNITS);
      g_clear_pointer (&b.units, g_ptr_array_unref);
    }
  return b.units;
}

/* ---- what a unit looks like ---------------------------------------------- */

static gunichar
unit_last_char (const Unit *u)
{
  if (u->len == 0)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (u->text, u->text + u->len));
}

static gboolean
ends_with_closing_punct (const Unit *u)
{
  gunichar c = unit_last_char (u);

  if (c != 0 && c < 0x80)
    return strchr (".,;:!?\"')]", (int) c) != NULL;
  return g_utf8_strchr ("…”’»“", -1, c) != NULL;
}

static guint
count_words (const char *text,
             guint       limit)
{
  guint n = text[0] ? 1 : 0;

  for (const char *p = text; *p && n <= limit; p++)
    if (*p == ' ')
      n++;
  return n;
}

static gboolean
starts_upper_or_digit (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return g_unichar_isupper (c) || g_unichar_istitle (c) || g_unichar_isdigit (c);
}

static gboolean
is_label (const Unit *u)
{
  return u->n_lines == 1 && u->n_chars >= 2 && u->n_chars <= MAX_LABEL_CHARS &&
         count_words (u->text, 3) <= 3 && starts_upper_or_digit (u->text) &&
         !ends_with_closing_punct (u);
}

static const char * const byline_small_words[] = {
  "and", "of", "the", "in", "for", "at", "with", "de", "van", "von", "da", "di", "el", "al", NULL
};

/* "By Jane Doe", "By JANE DOE, Associated Press" — but not "By Tuesday, the
 * ministry had…": most words of a byline are capitalised. */
static gboolean
is_byline (const Unit *u)
{
  g_auto (GStrv) words = NULL;
  guint capital = 0, counted = 0;

  if (u->n_chars > MAX_BYLINE_CHARS || g_ascii_strncasecmp (u->text, "by ", 3) != 0)
    return FALSE;
  words = g_strsplit (u->text + 3, " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      if (words[i][0] == '\0' || g_strv_contains (byline_small_words, words[i]))
        continue;
      counted++;
      if (starts_upper_or_digit (words[i]))
        capital++;
    }
  if (capital == 0 || capital * 3 < counted * 2)
    return FALSE;
  /* a final full stop belongs to an abbreviation ("Jr.") or to a sentence */
  return unit_last_char (u) != '.' || strlen (words[g_strv_length (words) - 1]) <= 4;
}

/* ---- top of the story ---------------------------------------------------- */

static Unit *
reader_unit (Reader *r,
             guint   i)
{
  return i < r->units->len ? r->units->pdata[i] : NULL;
}

static gboolean
opens_with_dateline (const Unit *u)
{
  DeskTextDateline d = { 0 };
  gboolean found = desk_text_parse_dateline (u->text, u->len, &d);

  desk_text_dateline_clear (&d);
  return found;
}

/* "Published June 21, 2023", "Updated 2024-05-02 10:31" */
static gboolean
is_date_line (const Unit *u,
              int        *year)
{
  return u->n_chars <= 80 && count_words (u->text, 9) <= 8 &&
         desk_text_find_full_date (u->text, year);
}

static gboolean
can_be_headline (const Unit *u)
{
  return u != NULL && u->n_chars <= MAX_HEADLINE_CHARS && !is_byline (u) &&
         !opens_with_dateline (u);
}

static char *
strip_markdown_heading (const char *text)
{
  const char *p = text;

  while (*p == '#' && p - text < 6)
    p++;
  if (p > text && *p == ' ' && p[1] != '\0')
    return g_strdup (p + 1);
  return g_strdup (text);
}

static gboolean
read_kicker (Reader *r)
{
  Unit *kicker = reader_unit (r, 0), *headline = reader_unit (r, 1);
  g_autofree char *text = NULL;
  int year;

  if (reader_unit (r, 2) == NULL || !is_label (kicker) || !can_be_headline (headline) ||
      unit_last_char (headline) == '.' || headline->n_chars <= kicker->n_chars ||
      is_date_line (headline, &year))
    return FALSE;
  text = desk_text_title_case (kicker->text);
  desk_article_set_kicker (r->article, text);
  return TRUE;
}

static gboolean
is_deck (Reader *r,
         guint   i)
{
  Unit *deck = reader_unit (r, i), *next = reader_unit (r, i + 1);
  int year;

  return deck != NULL && next != NULL && deck->n_chars <= MAX_DECK_CHARS &&
         !is_byline (deck) && !opens_with_dateline (deck) &&
         (is_byline (next) || is_date_line (next, &year) || opens_with_dateline (next));
}

static void
set_byline (Reader     *r,
            const Unit *u)
{
  g_autofree char *byline = desk_text_normalize_byline (u->text);

  desk_article_set_byline (r->article, byline);
}

/* Returns the index of the first unit of the body. */
static guint
read_top (Reader *r)
{
  guint i = read_kicker (r) ? 1 : 0;
  gboolean have_byline = FALSE, have_deck = FALSE;

  if (can_be_headline (reader_unit (r, i)))
    {
      g_autofree char *headline = strip_markdown_heading (reader_unit (r, i)->text);

      desk_article_set_headline (r->article, headline);
      i++;
    }
  for (guint k = 0; k < 4 && i < r->units->len; k++, i++)
    {
      Unit *u = reader_unit (r, i);
      int year = 0;

      if (!have_byline && is_byline (u))
        {
          set_byline (r, u);
          have_byline = TRUE;
          desk_text_find_full_date (u->text, &year);
        }
      else if (is_date_line (u, &year))
        ;
      else if (k == 0 && !have_deck && i > 0 && is_deck (r, i))
        {
          desk_article_set_deck (r->article, u->text);
          have_deck = TRUE;
        }
      else
        break;
      if (r->top_year == 0)
        r->top_year = year;
    }
  return i;
}

/* ---- tail of the story ----------------------------------------------------- */

static gboolean
is_excerpt (const Unit *u)
{
  return u->n_chars <= MAX_EXCERPT_CHARS &&
         (unit_last_char (u) == 0x2026 || g_str_has_suffix (u->text, "..."));
}

static gboolean
is_teaser_title (const Unit *u)
{
  return u->n_lines == 1 && u->n_chars <= MAX_HEADLINE_CHARS && !is_excerpt (u);
}

static gboolean
is_teaser_at (Reader *r,
              guint   i)
{
  return is_label (reader_unit (r, i)) && is_teaser_title (reader_unit (r, i + 1)) &&
         is_excerpt (reader_unit (r, i + 2));
}

static const char * const related_headers[] = {
  "related", "related stories", "related articles", "related news", "read more", "read also",
  "read next", "more stories", "more news", "you may also like", "you might also like",
  "also read", "see also", NULL
};

static gboolean
is_related_header (const Unit *u)
{
  g_autofree char *lower = NULL;

  if (u->n_chars > 30)
    return FALSE;
  lower = g_utf8_strdown (u->text, u->len);
  if (g_str_has_suffix (lower, ":"))
    lower[strlen (lower) - 1] = '\0';
  return g_strv_contains (related_headers, lower);
}

/* Returns the new end of the body. */
static guint
read_teasers (Reader *r,
              guint   first,
              guint   end)
{
  guint start = end;

  while (start >= first + 3 && is_teaser_at (r, start - 3))
    start -= 3;
  for (guint i = start; i < end; i += 3)
    {
      g_autoptr (DeskRelated) related =
        desk_related_new (0, reader_unit (r, i)->text, reader_unit (r, i + 1)->text,
                          reader_unit (r, i + 2)->text, "");
      desk_article_append_related (r->article, related);
    }
  if (start < end && start > first && is_related_header (reader_unit (r, start - 1)))
    start--;
  return start;
}

static const char * const end_markers[] = {
  "-30-", "- 30 -", "###", "# # #", "END", "ENDS", "(END)", "-END-", "— END —", NULL
};

static gboolean
read_source (Reader     *r,
             const Unit *u)
{
  g_autofree char *name = NULL, *url = NULL;

  if (u->n_chars > MAX_CREDIT_CHARS || !desk_text_parse_source (u->text, &name, &url))
    return FALSE;
  desk_article_set_source_name (r->article, name);
  desk_article_set_source_url (r->article, url);
  return TRUE;
}

static const char * const tagline_openings[] = {
  "reporting by ", "additional reporting by ", "writing by ", "editing by ", "compiled by ",
  "(reporting by ", "(additional reporting by ", "(writing by ", "(editing by ", NULL
};

static gboolean
is_tagline (const Unit *u)
{
  g_autofree char *lower = NULL;

  if (u->n_chars > MAX_CREDIT_CHARS)
    return FALSE;
  lower = g_utf8_strdown (u->text, u->len);
  for (guint i = 0; tagline_openings[i]; i++)
    if (g_str_has_prefix (lower, tagline_openings[i]))
      return TRUE;
  return g_str_has_suffix (lower, "contributed to this report.") ||
         g_str_has_suffix (lower, "contributed to this report") ||
         g_str_has_suffix (lower, "contributed reporting.");
}

/* Reads tagline, source credit, end marker and teasers from the end, in any
 * order; returns the new end of the body. */
static guint
read_tail (Reader *r,
           guint   first,
           guint   end)
{
  gboolean have_related = FALSE, have_source = FALSE, have_tagline = FALSE;

  for (guint round = 0; round < 6 && end > first; round++)
    {
      Unit *last = reader_unit (r, end - 1);
      guint teasers_end = have_related ? end : read_teasers (r, first, end);

      if (teasers_end < end)
        end = teasers_end, have_related = TRUE;
      else if (g_strv_contains (end_markers, last->text))
        end--;
      else if (!have_source && read_source (r, last))
        end--, have_source = TRUE;
      else if (!have_tagline && is_tagline (last))
        {
          desk_article_set_tagline (r->article, last->text);
          end--, have_tagline = TRUE;
        }
      else
        break;
    }
  return end;
}

/* ---- the body -------------------------------------------------------------- */

static gboolean
is_word_at (const char *text,
            const char *match,
            gsize       length)
{
  const char *after = match + length;

  return (match == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (match)))) &&
         (*after == '\0' || !g_unichar_isalnum (g_utf8_get_char (after)));
}

static gboolean
has_word (const char *text,
          const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if (is_word_at (text, p, length))
      return TRUE;
  return FALSE;
}

/* Body text writes a city in small letters: a place of a bare dateline that
 * the story writes in capitals again ("MEK – … MEK denied") is a name. */
static gboolean
is_name_in_body (Reader                 *r,
                 const DeskTextDateline *d,
                 guint                   first,
                 guint                   end)
{
  g_autofree char *upper = NULL;

  if (d->month != 0 || d->credit[0] != '\0')
    return FALSE;
  upper = g_utf8_strup (d->place, -1);
  if (has_word (reader_unit (r, first)->text + d->lead_offset, upper))
    return TRUE;
  for (guint i = first + 1; i < end; i++)
    if (has_word (reader_unit (r, i)->text, upper))
      return TRUE;
  return FALSE;
}

/* Only the first paragraph of the body may open with a dateline. */
static DeskBlock *
read_lead (Reader *r,
           guint   first,
           guint   end)
{
  const Unit *u = reader_unit (r, first);
  DeskTextDateline d = { 0 };
  g_autoptr (DeskDateline) dateline = NULL;
  DeskBlock *lead;
  int year;

  if (!desk_text_parse_dateline (u->text, u->len, &d))
    return NULL;
  if (is_name_in_body (r, &d, first, end))
    {
      desk_text_dateline_clear (&d);
      return NULL;
    }
  year = d.year ? d.year : r->top_year ? r->top_year : r->context_year;
  if (d.year == 0 && year > 0 && !g_date_valid_dmy (d.day, d.month, year))
    year = 0;
  dateline = desk_dateline_new ();
  desk_dateline_set_place (dateline, d.place);
  desk_dateline_set_credit (dateline, d.credit);
  if (d.month)
    desk_dateline_set_ymd (dateline, year, d.month, d.day);
  desk_article_set_dateline (r->article, dateline);
  lead = desk_block_new (DESK_BLOCK_PARAGRAPH, u->text + d.lead_offset);
  desk_text_dateline_clear (&d);
  return lead;
}

static char *
dash_wrapped_text (const Unit *u)
{
  gunichar last = unit_last_char (u);

  if (u->n_chars < 3 || u->n_chars > MAX_SUBHEAD_CHARS * 2 || !starts_with_dash (u->text) ||
      !(last == '-' || last == 0x2013 || last == 0x2014))
    return NULL;
  return desk_text_strip_dashes (u->text);
}

static char *
subheading_text (const Unit *u,
                 gboolean    between_paragraphs)
{
  char *text;

  if (u->text[0] == '#')
    {
      text = strip_markdown_heading (u->text);
      if (text[0] != '#')
        return text;
      g_free (text);
    }
  if ((text = dash_wrapped_text (u)) != NULL)
    return text;
  if (u->n_chars <= MAX_SUBHEAD_CHARS + 20 && desk_text_has_no_lowercase (u->text, 4))
    return g_strdup (u->text);
  if (between_paragraphs && u->n_lines == 1 && u->n_chars <= MAX_SUBHEAD_CHARS &&
      count_words (u->text, 12) <= 12 && starts_upper_or_digit (u->text) &&
      !ends_with_closing_punct (u))
    return g_strdup (u->text);
  return NULL;
}

static DeskBlock *
read_quote (const Unit *quote,
            const Unit *attribution)
{
  g_autofree char *text = NULL, *by = NULL;
  DeskBlock *block;

  if (attribution == NULL || quote->n_chars > 5000 ||
      (text = desk_text_whole_quotation (quote->text)) == NULL ||
      (by = desk_text_attribution (attribution->text)) == NULL)
    return NULL;
  block = desk_block_new (DESK_BLOCK_QUOTE, text);
  desk_block_set_attribution (block, by);
  return block;
}

static void
append_block (DeskArticle *article,
              DeskBlock   *block)
{
  desk_article_append_block (article, block);
  desk_block_unref (block);
}

static void
read_body (Reader *r,
           guint   first,
           guint   end)
{
  gboolean after_paragraph = FALSE;
  DeskBlock *block;

  for (guint i = first; i < end; i++)
    {
      Unit *u = reader_unit (r, i);
      Unit *next = i + 1 < end ? reader_unit (r, i + 1) : NULL;
      g_autofree char *subhead = NULL;

      if (i == first && (block = read_lead (r, first, end)) != NULL)
        ;
      else if ((subhead = subheading_text (u, after_paragraph && next)) != NULL)
        block = desk_block_new (DESK_BLOCK_SUBHEADING, subhead);
      else if ((block = read_quote (u, next)) != NULL)
        i++;
      else
        block = desk_block_new (DESK_BLOCK_PARAGRAPH, u->text);
      after_paragraph = desk_block_get_kind (block) == DESK_BLOCK_PARAGRAPH;
      if (desk_block_get_text (block)[0] != '\0')
        append_block (r->article, block);
      else
        desk_block_unref (block);
    }
}

static void
read_units (Reader *r)
{
  guint first = read_top (r);
  guint end = read_tail (r, first, r->units->len);

  read_body (r, first, end);
}

/* ---- entry points ----------------------------------------------------------- */

/**
 * desk_text_read_with_year:
 * @data: the text, in UTF-8, UTF-16 with a byte-order mark, or Windows-1252
 * @length: its length in bytes, or -1 when @data ends with a NUL
 * @context_year: the year a dateline without one was written in, or 0
 *
 * Reads pasted or opened plain text — a wire story, a web page's text — into
 * a story, recognising its structure (see the module comment). A date
 * without a year takes the year of a full date above the body, else
 * @context_year, else stays without a year.
 *
 * Returns: (transfer full): a new story, or %NULL with @error set when the
 * input is empty, binary or too large
 */
DeskArticle *
desk_text_read_with_year (const char  *data,
                          gssize       length,
                          int          context_year,
                          GError     **error)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autofree char *text = NULL;
  g_autoptr (DeskArticle) article = NULL;
  Reader r = { 0 };
  gsize n;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = length < 0 ? strlen (data) : (gsize) length;
  if (n > DESK_TEXT_MAX_SIZE)
    {
      int limit = DESK_TEXT_MAX_SIZE / (1024 * 1024);

      g_set_error (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_TOO_LARGE,
                   ngettext ("The text is larger than %d MiB", "The text is larger than %d MiB",
                             limit),
                   limit);
      return NULL;
    }
  if ((text = decode_input (n ? data : "", n, error)) == NULL)
    return NULL;
  if ((units = build_units (text, error)) == NULL)
    return NULL;
  g_clear_pointer (&text, g_free);
  if (units->len == 0)
    {
      g_set_error_literal (error, DESK_TEXT_ERROR, DESK_TEXT_ERROR_EMPTY,
                           _("There is no text to import"));
      return NULL;
    }
  article = desk_article_new ();
  r.units = units;
  r.article = article;
  r.context_year = context_year;
  read_units (&r);
  return g_steal_pointer (&article);
}

/**
 * desk_text_read:
 *
 * Like desk_text_read_with_year(), with no year from context.
 */
DeskArticle *
desk_text_read (const char  *data,
                gssize       length,
                GError     **error)
{
  return desk_text_read_with_year (data, length, 0, error);
}
