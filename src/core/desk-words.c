/* desk-words.c — word count and reading time in every script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words are Pango's Unicode word segments (UAX #29, is_word_boundary) that hold a
 * letter or a digit, so "l’État", "aujourd’hui", "s’ka", "3.5" and "1,000" are one
 * word each and punctuation, symbols and emoji are none. Two tailorings make the
 * count the one a word processor gives:
 *  - segments glued by a hyphen, slash, colon, apostrophe, "@" or "&" with no space
 *    ("Ost-West-Konflikt", "dit-il", "21:00", "and/or") are one word, and digits
 *    glued by a no-break or thin space ("50 000") are one number;
 *  - Thai, Lao, Khmer and Myanmar, written without spaces, use Pango's dictionary
 *    word starts (is_word_start) instead of the per-character Unicode segments.
 * Chinese and Japanese have no dictionary here: each ideograph and each kana is a
 * word, a katakana run is one, as word processors count CJK text.
 */
#define G_LOG_DOMAIN "copydesk-words"

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "desk-words.h"
#include "desk-words-private.h"

#define N_STACK_ATTRS 512

typedef enum {
  GLUE_NONE,   /* the next word is a new word */
  GLUE_WORD,   /* right after a word */
  GLUE_JOINER, /* after a word and one joining character: the next word continues it */
} Glue;

static gboolean
is_southeast_asian (gunichar c)
{
  return (c >= 0x0E00 && c <= 0x0EFF) ||  /* Thai, Lao */
         (c >= 0x1000 && c <= 0x109F) ||  /* Myanmar */
         (c >= 0x1780 && c <= 0x17FF) ||  /* Khmer */
         (c >= 0x19E0 && c <= 0x19FF) ||
         (c >= 0xA9E0 && c <= 0xA9FF) ||
         (c >= 0xAA60 && c <= 0xAA7F);
}

static gboolean
is_joiner (gunichar prev,
           gunichar c,
           gunichar next)
{
  switch (c)
    {
    case '-': case 0x2010: case 0x2011: case '/': case ':': case '@': case '&':
    case '\'': case 0x2019:
      return g_unichar_isalnum (next);
    case 0x00A0: case 0x2009: case 0x202F:
      return g_unichar_isdigit (prev) && g_unichar_isdigit (next);
    default:
      return FALSE;
    }
}

/* At the start of a segment @c (one character long when @single): counts a word
 * into @words and returns the glue that follows. */
static Glue
segment_start (Glue      glue,
               gunichar  prev,
               gunichar  c,
               gunichar  next,
               gboolean  single,
               guint    *words)
{
  if (g_unichar_isalnum (c))
    {
      if (glue != GLUE_JOINER)
        (*words)++;
      return GLUE_WORD;
    }
  if (glue == GLUE_WORD && single && is_joiner (prev, c, next))
    return GLUE_JOINER;
  return GLUE_NONE;
}

static guint
count_attrs (const char         *text,
             const PangoLogAttr *attrs,
             int                 n_chars)
{
  Glue glue = GLUE_NONE;
  gunichar prev = 0;
  guint words = 0;
  const char *p = text;

  for (int i = 0; i < n_chars; i++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean starts;

      p = g_utf8_next_char (p);
      starts = is_southeast_asian (c) ? attrs[i].is_word_start : attrs[i].is_word_boundary;
      if (starts)
        glue = segment_start (glue, prev, c, i + 1 < n_chars ? g_utf8_get_char (p) : 0,
                              attrs[i + 1].is_word_boundary, &words);
      prev = c;
    }
  return words;
}

/* One paragraph (no newline inside): word boundaries never cross one. */
static guint
count_paragraph_pango (const char    *text,
                 int            length,
                 PangoLanguage *language)
{
  PangoLogAttr stack_attrs[N_STACK_ATTRS];
  g_autofree PangoLogAttr *heap_attrs = NULL;
  PangoLogAttr *attrs = stack_attrs;
  int n_chars;

  if (length == 0)
    return 0;
  n_chars = (int) g_utf8_strlen (text, length);
  if (n_chars + 1 > N_STACK_ATTRS)
    attrs = heap_attrs = g_new (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, length, -1, language, attrs, n_chars + 1);
  return count_attrs (text, attrs, n_chars);
}

static PangoLanguage *
language_for (const char *language)
{
  return pango_language_from_string (language && language[0] ? language : "und");
}

typedef guint (*ParagraphFunc) (const char    *text,
                                int            length,
                                PangoLanguage *language);

static guint
count_paragraph (const char    *text,
                 int            length,
                 PangoLanguage *language)
{
  return count_paragraph_pango (text, length, language);
}

/* @text is valid UTF-8 of @length bytes. */
static guint
count_paragraphs (const char    *text,
                  gsize          length,
                  PangoLanguage *language,
                  ParagraphFunc  count)
{
  const char *end = text + length;
  guint words = 0;

  for (const char *p = text; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;

      words += count (p, (int) (stop - p), language);
      p = nl ? nl + 1 : end;
    }
  return words;
}

static guint
count_text (const char    *text,
            gssize         length,
            const char    *language,
            ParagraphFunc  count)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return 0;
  if (length < 0)
    length = (gssize) strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      text = valid = g_utf8_make_valid (text, length);
      length = (gssize) strlen (valid);
    }
  return count_paragraphs (text, length, language_for (language), count);
}

/**
 * desk_words_count:
 * @text: (nullable): UTF-8 text; invalid sequences count as word breaks
 * @length: bytes of @text, or -1 when it is NUL-terminated
 * @language: (nullable): the text's BCP 47 tag ("sq", "fa", "th")
 *
 * Returns: the number of words in @text, as a word processor counts them
 */
guint
desk_words_count (const char *text,
                  gssize      length,
                  const char *language)
{
  return count_text (text, length, language, count_paragraph);
}

guint
desk_words_count_pango (const char *text,
                        gssize      length,
                        const char *language)
{
  return count_text (text, length, language, count_paragraph_pango);
}

/**
 * desk_words_reading_minutes:
 * @words: a word count
 *
 * Returns: minutes to read @words at %DESK_WORDS_PER_MINUTE, rounded, and at
 * least 1 for any text at all
 */
guint
desk_words_reading_minutes (guint words)
{
  if (words == 0)
    return 0;
  return MAX (1, (words + DESK_WORDS_PER_MINUTE / 2) / DESK_WORDS_PER_MINUTE);
}

struct _DeskWordCounter
{
  char *language;
  GHashTable *counts;   /* GBytes paragraph → count, from the last call */
};

DeskWordCounter *
desk_word_counter_new (void)
{
  DeskWordCounter *self = g_new0 (DeskWordCounter, 1);

  self->counts = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                        (GDestroyNotify) g_bytes_unref, NULL);
  return self;
}

void
desk_word_counter_free (DeskWordCounter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->counts);
  g_free (self->language);
  g_free (self);
}

/* The count of one paragraph: from this call's table, else moved over from the
 * last call's, else counted. */
static guint
lookup_paragraph (GHashTable    *now,
                  GHashTable    *before,
                  const char    *text,
                  gsize          length,
                  PangoLanguage *language)
{
  g_autoptr (GBytes) probe = g_bytes_new_static (text, length);
  gpointer key, value;
  guint words;

  if (g_hash_table_lookup_extended (now, probe, NULL, &value))
    return GPOINTER_TO_UINT (value);
  if (g_hash_table_steal_extended (before, probe, &key, &value))
    {
      g_hash_table_insert (now, key, value);
      return GPOINTER_TO_UINT (value);
    }
  words = count_paragraph (text, (int) length, language);
  g_hash_table_insert (now, g_bytes_new (text, length), GUINT_TO_POINTER (words));
  return words;
}

/**
 * desk_word_counter_count:
 *
 * Counts like desk_words_count(), but only the paragraphs that are not in the
 * text of the previous call are given to Pango.
 */
guint
desk_word_counter_count (DeskWordCounter *self,
                         const char      *text,
                         gssize           length,
                         const char      *language)
{
  g_autoptr (GHashTable) now = NULL;
  PangoLanguage *lang = language_for (language);
  const char *end;
  guint words = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (text == NULL)
    return 0;
  if (length < 0)
    length = (gssize) strlen (text);
  if (g_strcmp0 (self->language, language) != 0 || !g_utf8_validate_len (text, length, NULL))
    {
      g_hash_table_remove_all (self->counts);
      g_free (self->language);
      self->language = g_strdup (language);
      if (!g_utf8_validate_len (text, length, NULL))
        return desk_words_count (text, length, language);
    }
  now = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  end = text + length;
  for (const char *p = text; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;

      if (stop > p)
        words += lookup_paragraph (now, self->counts, p, stop - p, lang);
      p = nl ? nl + 1 : end;
    }
  g_hash_table_unref (self->counts);
  self->counts = g_steal_pointer (&now);
  return words;
}
