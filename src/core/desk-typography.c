/* desk-typography.c — typographic punctuation for a story's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-typography"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-typography.h"

#define NBSP 0x00A0
#define NNBSP 0x202F
#define APOSTROPHE 0x2019
#define EN_DASH 0x2013
#define EM_DASH 0x2014
#define ELLIPSIS 0x2026

typedef struct {
  const char *languages; /* primary subtags, each followed by a space */
  gunichar dq_open, dq_close, sq_open, sq_close;
  gboolean spaced; /* French: a no-break space inside the marks */
} QuoteStyle;

/* The first entry is the default for languages not listed. */
static const QuoteStyle quote_styles[] = {
  { "en ", 0x201C, 0x201D, 0x2018, 0x2019, FALSE },
  { "de sq cs sk sl lt is ", 0x201E, 0x201C, 0x201A, 0x2018, FALSE },
  { "fr ", 0x00AB, 0x00BB, 0x2039, 0x203A, TRUE },
  { "es it pt ru uk ca el nb no fa ar ur ps ", 0x00AB, 0x00BB, 0x201C, 0x201D, FALSE },
  { "pl hu ro nl ", 0x201E, 0x201D, 0x201A, 0x2019, FALSE },
  /* Hebrew closes and opens with the same marks: curly marks are not mirrored in rtl */
  { "he ", 0x201D, 0x201D, 0x2019, 0x2019, FALSE },
};

typedef enum {
  QUOTE_DOUBLE_OPEN,
  QUOTE_DOUBLE_CLOSE,
  QUOTE_SINGLE_OPEN,
  QUOTE_SINGLE_CLOSE,
  QUOTE_APOSTROPHE,
} QuoteKind;

typedef struct {
  const QuoteStyle *style;
  DeskDashStyle dash;
  gboolean double_open;
  gboolean single_open;
} QuoteState;

static const QuoteStyle *
find_quote_style (const char *language)
{
  char primary[8] = "";
  gsize n = 0;

  if (language != NULL)
    while (language[n] && language[n] != '-' && language[n] != '_' && n < sizeof primary - 2)
      {
        primary[n] = g_ascii_tolower (language[n]);
        n++;
      }
  primary[n] = ' ';
  primary[n + 1] = '\0';
  for (guint i = 0; n > 0 && i < G_N_ELEMENTS (quote_styles); i++)
    {
      const char *hit = strstr (quote_styles[i].languages, primary);

      if (hit != NULL && (hit == quote_styles[i].languages || hit[-1] == ' '))
        return &quote_styles[i];
    }
  return &quote_styles[0];
}

static gboolean
is_opening_mark (gunichar c)
{
  return c == 0x201C || c == 0x201E || c == 0x2018 || c == 0x201A || c == 0x00AB ||
         c == 0x2039 || c == '"' || c == '\'';
}

/* Whether a quote mark after @prev starts a quotation. */
static gboolean
is_opening_context (gunichar prev)
{
  return prev == 0 || g_unichar_isspace (prev) || (prev < 0x80 && strchr ("([{</", (int) prev) != NULL) ||
         prev == EN_DASH || prev == EM_DASH || is_opening_mark (prev);
}

static QuoteKind
choose_quote (QuoteState *state,
              gunichar    typed,
              gunichar    prev,
              gunichar    next)
{
  gboolean opening = is_opening_context (prev);

  if (typed == '"')
    {
      /* French copy often has «" mot "»: a mark after a space may still close */
      gboolean closes_spaced = state->double_open && g_unichar_isspace (prev) &&
                               (next == 0 || g_unichar_isspace (next) || g_unichar_ispunct (next));

      state->double_open = opening && !closes_spaced;
      return state->double_open ? QUOTE_DOUBLE_OPEN : QUOTE_DOUBLE_CLOSE;
    }
  if (opening)
    {
      if (g_unichar_isdigit (next))
        return QUOTE_APOSTROPHE; /* ’90s */
      state->single_open = TRUE;
      return QUOTE_SINGLE_OPEN;
    }
  if (state->single_open && !g_unichar_isalnum (next))
    {
      state->single_open = FALSE;
      return QUOTE_SINGLE_CLOSE;
    }
  return QUOTE_APOSTROPHE;
}

static void
append_quote (GString          *out,
              const QuoteStyle *style,
              QuoteKind         kind)
{
  switch (kind)
    {
    case QUOTE_DOUBLE_OPEN:
    case QUOTE_SINGLE_OPEN:
      g_string_append_unichar (out, kind == QUOTE_DOUBLE_OPEN ? style->dq_open : style->sq_open);
      if (style->spaced)
        g_string_append_unichar (out, NBSP);
      break;
    case QUOTE_DOUBLE_CLOSE:
    case QUOTE_SINGLE_CLOSE:
      if (style->spaced)
        g_string_append_unichar (out, NBSP);
      g_string_append_unichar (out, kind == QUOTE_DOUBLE_CLOSE ? style->dq_close : style->sq_close);
      break;
    case QUOTE_APOSTROPHE:
    default:
      g_string_append_unichar (out, APOSTROPHE);
      break;
    }
}

/* Keeps the open/closed state right over text that already has curly marks. */
static void
track_curly (QuoteState *state,
             gunichar    c,
             gunichar    next)
{
  const QuoteStyle *style = state->style;

  if (c == style->dq_open)
    state->double_open = TRUE;
  else if (c == style->dq_close)
    state->double_open = FALSE;
  else if (c == style->sq_open)
    state->single_open = TRUE;
  else if (c == style->sq_close && !g_unichar_isalnum (next))
    state->single_open = FALSE;
}

static gunichar
dash_char (DeskDashStyle dash)
{
  return dash == DESK_DASH_EM ? EM_DASH : EN_DASH;
}

static gunichar
french_space_before (gunichar c)
{
  if (c == ';' || c == '!' || c == '?')
    return NNBSP;
  if (c == ':')
    return NBSP;
  return 0;
}

/* Output under construction, with its length in characters for the offset map. */
typedef struct {
  GString *str;
  guint n_chars;
} Out;

static void
out_unichar (Out     *out,
             gunichar c)
{
  g_string_append_unichar (out->str, c);
  out->n_chars++;
}

static void
out_quote (Out              *out,
           const QuoteStyle *style,
           QuoteKind         kind)
{
  gsize before = out->str->len;

  append_quote (out->str, style, kind);
  out->n_chars += g_utf8_strlen (out->str->str + before, -1);
}

static void
out_trim_spaces (Out *out)
{
  while (out->str->len > 0 && out->str->str[out->str->len - 1] == ' ')
    {
      g_string_truncate (out->str, out->str->len - 1);
      out->n_chars--;
    }
}

static gunichar
last_char (const char *text,
           const char *end)
{
  return end > text ? g_utf8_get_char (g_utf8_prev_char (end)) : 0;
}

/* Handles one input character (or sequence) at @p; returns the number of input
 * characters consumed. */
static guint
apply_one (QuoteState *state,
           Out        *out,
           const char *p,
           gboolean   *skip_spaces)
{
  gunichar prev = last_char (out->str->str, out->str->str + out->str->len);
  gunichar c = g_utf8_get_char (p);
  const char *after = g_utf8_next_char (p);
  gunichar next = g_utf8_get_char (after);
  gboolean spaced = state->style->spaced;

  if (c == ' ' && *skip_spaces)
    return 1;
  *skip_spaces = FALSE;

  if (c == '"' || c == '\'')
    {
      QuoteKind kind = choose_quote (state, c, prev, next);

      if (spaced && (kind == QUOTE_DOUBLE_CLOSE || kind == QUOTE_SINGLE_CLOSE))
        out_trim_spaces (out);
      out_quote (out, state->style, kind);
      *skip_spaces = spaced && (kind == QUOTE_DOUBLE_OPEN || kind == QUOTE_SINGLE_OPEN);
      return 1;
    }
  if (c == '-' && next == '-')
    {
      gboolean triple = after[1] == '-';

      out_unichar (out, triple ? EM_DASH : dash_char (state->dash));
      return triple ? 3 : 2;
    }
  if (c == '-' && prev != 0 && g_unichar_isspace (prev) && (next == 0 || g_unichar_isspace (next)))
    {
      out_unichar (out, dash_char (state->dash));
      return 1;
    }
  if (c == '.' && next == '.' && after[1] == '.')
    {
      out_unichar (out, ELLIPSIS);
      return 3;
    }
  if (spaced && french_space_before (c) && out->str->len > 0 &&
      out->str->str[out->str->len - 1] == ' ')
    {
      out_trim_spaces (out);
      out_unichar (out, french_space_before (c));
    }
  track_curly (state, c, next);
  out_unichar (out, c);
  return 1;
}

/* ASCII bytes apply_one may change: 1 in every style, 2 where marks are spaced (French). */
static const guchar ascii_triggers[128] = {
  ['\0'] = 1, ['"'] = 1, ['\''] = 1, ['-'] = 1, ['.'] = 1,
  [';'] = 2, [':'] = 2, ['!'] = 2, ['?'] = 2,
};

static gboolean
is_style_mark (const QuoteStyle *style,
               gunichar          c)
{
  return c == style->dq_open || c == style->dq_close || c == style->sq_open ||
         c == style->sq_close;
}

/* The end of the run from @p that apply_one would copy unchanged: no punctuation
 * to replace and no curly mark to track. Sets @n_chars to its length in characters. */
static const char *
plain_run_end (const QuoteStyle *style,
               const char       *p,
               guint            *n_chars)
{
  guchar stop = style->spaced ? 3 : 1;
  guint n = 0;

  for (;; n++)
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          if (ascii_triggers[b] & stop)
            break;
          p++;
          continue;
        }
      /* every style's marks lie in U+0080–U+00BF (lead byte C2) or U+2000–U+2FFF (E2) */
      if ((b == 0xC2 || b == 0xE2) && is_style_mark (style, g_utf8_get_char (p)))
        break;
      p = g_utf8_next_char (p);
    }
  *n_chars = n;
  return p;
}

/* Copies the run from @p that needs no change; returns its end. */
static const char *
copy_plain_run (const QuoteStyle *style,
                Out              *out,
                const char       *p,
                guint            *map)
{
  guint n = 0;
  const char *end = plain_run_end (style, p, &n);

  g_string_append_len (out->str, p, end - p);
  for (guint i = 0; map != NULL && i < n; i++)
    map[i] = out->n_chars + i;
  out->n_chars += n;
  return end;
}

/**
 * desk_typography_apply_with_map:
 * @text: plain text, as typed (valid UTF-8)
 * @language: the story's BCP 47 tag; picks the quotation marks
 * @dash: what a double hyphen or a spaced hyphen becomes ("---" is always an em dash)
 * @offsets: (out) (optional): for each input character i (and one past the end),
 *   the character offset in the result where it landed, so that marks counted in
 *   characters of @text can be moved onto the result
 *
 * Returns: @text with curly quotes and apostrophes, dashes and ellipses
 */
char *
desk_typography_apply_with_map (const char     *text,
                                const char     *language,
                                DeskDashStyle   dash,
                                GArray        **offsets)
{
  QuoteState state = { find_quote_style (language), dash, FALSE, FALSE };
  gsize len = text ? strlen (text) : 0;
  Out out = { g_string_sized_new (len + 8), 0 };
  GArray *map = offsets ? g_array_sized_new (FALSE, FALSE, sizeof (guint), len + 1) : NULL;
  guint *slot = NULL, n_in = 0;
  gboolean skip_spaces = FALSE;

  if (map)
    g_array_set_size (map, len + 1); /* never fewer bytes than characters */
  for (const char *p = text ? text : ""; *p;)
    {
      const char *run = p;
      guint at = out.n_chars, n;

      slot = map ? &g_array_index (map, guint, n_in) : NULL;
      if (!skip_spaces && (p = copy_plain_run (state.style, &out, p, slot)) > run)
        {
          n_in += out.n_chars - at;
          continue;
        }
      n = apply_one (&state, &out, p, &skip_spaces);
      for (guint i = 0; i < n; i++)
        {
          if (map)
            slot[i] = at;
          p = g_utf8_next_char (p);
        }
      n_in += n;
    }
  if (map)
    {
      g_array_index (map, guint, n_in) = out.n_chars;
      g_array_set_size (map, n_in + 1);
      *offsets = map;
    }
  return g_string_free (out.str, FALSE);
}

char *
desk_typography_apply (const char    *text,
                       const char    *language,
                       DeskDashStyle  dash)
{
  return desk_typography_apply_with_map (text, language, dash, NULL);
}

/* Follows the quotation state through the text before the cursor; returns the
 * last character as it reads typographically (a straight quote as its curly mark). */
static gunichar
scan_state (QuoteState *state,
            const char *text)
{
  g_autoptr (GString) mark = g_string_new (NULL);
  gunichar prev = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      if (c == '"' || c == '\'')
        {
          g_string_truncate (mark, 0);
          append_quote (mark, state->style, choose_quote (state, c, prev, next));
          c = last_char (mark->str, mark->str + mark->len);
        }
      else
        track_curly (state, c, next);
      prev = c;
    }
  return prev;
}

/* The last @n characters of @text, or 0 where there are fewer. */
static gunichar
char_from_end (const char *text,
               const char *end,
               guint       n)
{
  const char *p = end;

  for (guint i = 0; i < n; i++)
    {
      if (p <= text)
        return 0;
      p = g_utf8_prev_char (p);
    }
  return g_utf8_get_char (p);
}

static gboolean
replace_quote (const char *before,
               const char *end,
               gunichar    typed,
               gunichar    prev,
               QuoteState *state,
               guint      *n_chars,
               GString    *out)
{
  QuoteKind kind = choose_quote (state, typed, prev, 0);

  if (state->style->spaced && (kind == QUOTE_DOUBLE_CLOSE || kind == QUOTE_SINGLE_CLOSE))
    while (char_from_end (before, end, *n_chars + 1) == ' ')
      (*n_chars)++;
  append_quote (out, state->style, kind);
  return TRUE;
}

static gboolean
replace_typed (const char *before,
               gunichar    typed,
               gunichar    prev,
               QuoteState *state,
               guint      *n_chars,
               GString    *out)
{
  const char *end = before + strlen (before);
  gunichar last = char_from_end (before, end, 1);
  gunichar last2 = char_from_end (before, end, 2);
  gboolean spaced = state->style->spaced;

  if (typed == '"' || typed == '\'')
    return replace_quote (before, end, typed, prev, state, n_chars, out);
  if (typed == '-' && (last == '-' || (last == EN_DASH && state->dash == DESK_DASH_EN)))
    {
      *n_chars = 1;
      g_string_append_unichar (out, last == '-' ? dash_char (state->dash) : EM_DASH);
      return TRUE;
    }
  if (typed == '.' && last == '.' && last2 == '.')
    {
      *n_chars = 2;
      g_string_append_unichar (out, ELLIPSIS);
      return TRUE;
    }
  if (g_unichar_isspace (typed) && last == '-' && last2 != 0 && g_unichar_isspace (last2))
    {
      *n_chars = 1;
      g_string_append_unichar (out, dash_char (state->dash));
      g_string_append_unichar (out, typed);
      return TRUE;
    }
  if (typed == ' ' && spaced && last == NBSP && is_opening_mark (last2))
    return TRUE; /* the space after « is already there */
  if (spaced && french_space_before (typed) && last == ' ')
    {
      *n_chars = 1;
      g_string_append_unichar (out, french_space_before (typed));
      g_string_append_unichar (out, typed);
      return TRUE;
    }
  if (g_unichar_isdigit (typed) && !spaced && last == state->style->sq_open &&
      is_opening_context (last2))
    {
      *n_chars = 1; /* ‘90 → ’90 */
      g_string_append_unichar (out, APOSTROPHE);
      g_string_append_unichar (out, typed);
      return TRUE;
    }
  return FALSE;
}

/**
 * desk_typography_replace_before_cursor:
 * @text_before_cursor: the paragraph's text from its start up to the cursor
 * @typed: the character about to be inserted at the cursor
 * @n_chars_to_replace: (out): characters before the cursor to delete
 * @replacement: (out): what to insert instead of @typed once they are deleted
 *
 * Smart punctuation as the user types: call it for each typed character; when it
 * returns %TRUE, delete @n_chars_to_replace characters before the cursor and
 * insert @replacement instead of @typed (it may be empty: the character is swallowed).
 *
 * Returns: whether anything is to be replaced
 */
gboolean
desk_typography_replace_before_cursor (const char     *text_before_cursor,
                                       gunichar        typed,
                                       const char     *language,
                                       DeskDashStyle   dash,
                                       guint          *n_chars_to_replace,
                                       char          **replacement)
{
  QuoteState state = { find_quote_style (language), dash, FALSE, FALSE };
  g_autoptr (GString) out = g_string_new (NULL);
  gunichar prev;
  guint n = 0;

  g_return_val_if_fail (n_chars_to_replace != NULL && replacement != NULL, FALSE);

  if (text_before_cursor == NULL)
    text_before_cursor = "";
  prev = scan_state (&state, text_before_cursor);
  if (!replace_typed (text_before_cursor, typed, prev, &state, &n, out))
    return FALSE;
  *n_chars_to_replace = n;
  *replacement = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}
