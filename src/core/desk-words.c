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
 *
 * Pango's analysis costs some 150 ns a character, too much for saving a long story on
 * every change, so paragraphs in the alphabets of European and Middle Eastern copy
 * are segmented here by the same rules (see "The fast count"); tests/test-words.c
 * checks both ways agree on every paragraph of a large random corpus.
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

/* ---- The fast count ----
 *
 * For the scripts where Pango applies no tailoring and its word segments follow from
 * each character's class alone (Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew,
 * Arabic, their marks, digits, punctuation and spaces), the same boundaries are found
 * here with the rules of pango_default_break() and a table of classes, without the
 * line, sentence and cursor analysis Pango also does. A paragraph holding any other
 * character (an emoji, CJK, Thai, an Indic script, a line separator) goes to Pango. */

#define FAST_TABLE_LOW  0x2300          /* [0, FAST_TABLE_LOW) */
#define FAST_TABLE_HIGH 0xFB00          /* [FAST_TABLE_HIGH, FAST_TABLE_HIGH + 0x400) */
#define FAST_TABLE_SIZE (FAST_TABLE_LOW + 0x400)
#define N_STACK_CHARS   1024

/* Pango's Word_Break classes that the fast set holds, and one for the rest */
typedef enum {
  WB_OTHER,
  WB_EXTEND_FORMAT,
  WB_HEBREW_LETTER,
  WB_ALETTER,
  WB_MID_NUM_LET,
  WB_MID_LETTER,
  WB_MID_NUM,
  WB_NUMERIC,
  WB_EXTEND_NUM_LET,
  WB_WSEG_SPACE,
  WB_SLOW = 0x0F,
} WordBreak;

typedef guint16 CharClass;

enum {
  CLASS_WB           = 0x000F, /* the WordBreak */
  CLASS_EXTEND       = 0x0010, /* grapheme Extend or ZWJ: no cluster boundary before it */
  CLASS_CONTROL      = 0x0020, /* grapheme Control: a cluster boundary before and after */
  CLASS_ALNUM        = 0x0040, /* g_unichar_isalnum () */
  CLASS_DIGIT        = 0x0080, /* g_unichar_isdigit () */
  CLASS_JOINS_WORDS  = 0x0100, /* is_joiner () before a letter or digit */
  CLASS_JOINS_DIGITS = 0x0200, /* is_joiner () between digits */
  CLASS_APOSTROPHE   = 0x0400, /* U+0027, which rules WB6, WB7a and WB11 name */
  CLASS_QUOTE        = 0x0800, /* U+0022, which rule WB7b names */
};

static CharClass fast_classes[FAST_TABLE_SIZE];

static gboolean
is_fast_script (GUnicodeScript script)
{
  switch (script)
    {
    case G_UNICODE_SCRIPT_COMMON: case G_UNICODE_SCRIPT_INHERITED:
    case G_UNICODE_SCRIPT_LATIN: case G_UNICODE_SCRIPT_GREEK: case G_UNICODE_SCRIPT_CYRILLIC:
    case G_UNICODE_SCRIPT_ARMENIAN: case G_UNICODE_SCRIPT_GEORGIAN:
    case G_UNICODE_SCRIPT_HEBREW: case G_UNICODE_SCRIPT_ARABIC:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Characters whose boundaries hang on more than their class: Extended_Pictographic
 * (emoji sequences), Prepend, controls that end a line, unassigned code points. */
static gboolean
is_fast_char (gunichar          c,
              GUnicodeType      type,
              GUnicodeBreakType break_type)
{
  if (c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122 ||
      c == 0x2139 || (c >= 0x2194 && c <= 0x2199) || c == 0x21A9 || c == 0x21AA)
    return FALSE;
  if ((c >= 0x0600 && c <= 0x0605) || c == 0x06DD || c == 0x08E2)
    return FALSE;
  /* counted by word starts, not boundaries, even the symbols (U+0E3F THAI BAHT) */
  if (is_southeast_asian (c))
    return FALSE;
  switch (type)
    {
    case G_UNICODE_CONTROL:
      return c == '\t';
    case G_UNICODE_UNASSIGNED: case G_UNICODE_PRIVATE_USE: case G_UNICODE_SURROGATE:
    case G_UNICODE_SPACING_MARK: case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return FALSE;
    default:
      return break_type != G_UNICODE_BREAK_COMPLEX_CONTEXT &&
             break_type != G_UNICODE_BREAK_REGIONAL_INDICATOR;
    }
}

/* The Word_Break class pango_default_break () gives @c, within the fast set. */
static WordBreak
word_break_by_type (gunichar     c,
                    GUnicodeType type)
{
  switch (type)
    {
    case G_UNICODE_FORMAT: case G_UNICODE_ENCLOSING_MARK: case G_UNICODE_NON_SPACING_MARK:
      return WB_EXTEND_FORMAT;
    case G_UNICODE_CONNECT_PUNCTUATION:
      return WB_EXTEND_NUM_LET;
    case G_UNICODE_INITIAL_PUNCTUATION: case G_UNICODE_FINAL_PUNCTUATION:
      return c == 0x2018 || c == 0x2019 ? WB_MID_NUM_LET : WB_OTHER;
    case G_UNICODE_OTHER_PUNCTUATION:
      if (c == 0x0027 || c == 0x002E || c == 0x2024 || c == 0xFE52)
        return WB_MID_NUM_LET;
      if (c == 0x00B7 || c == 0x05F4 || c == 0x2027 || c == 0x003A || c == 0x0387 ||
          c == 0xFE13 || c == 0xFE55)
        return WB_MID_LETTER;
      if (c == 0x066C || c == 0xFE50 || c == 0xFE54)
        return WB_MID_NUM;
      return WB_OTHER;
    case G_UNICODE_OTHER_LETTER: case G_UNICODE_LETTER_NUMBER: case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER: case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
      return WB_ALETTER;
    case G_UNICODE_SPACE_SEPARATOR:
      return g_unichar_break_type (c) != G_UNICODE_BREAK_NON_BREAKING_GLUE ? WB_WSEG_SPACE
                                                                          : WB_OTHER;
    default:
      return WB_OTHER;
    }
}

static WordBreak
word_break_of (gunichar     c,
               GUnicodeType type)
{
  GUnicodeBreakType break_type = g_unichar_break_type (c);

  if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HEBREW && type == G_UNICODE_OTHER_LETTER)
    return WB_HEBREW_LETTER;
  if (break_type == G_UNICODE_BREAK_NUMERIC && c != 0x066C)
    return WB_NUMERIC;
  if (break_type == G_UNICODE_BREAK_INFIX_SEPARATOR && c != 0x003A && c != 0xFE13 && c != 0x002E)
    return WB_MID_NUM;
  return word_break_by_type (c, type);
}

/* Pango versions differ on whether some Armenian and Hebrew punctuation is a letter
 * (Pango 1.50 takes U+055A-055E and U+058A ARMENIAN HYPHEN, U+05F3 HEBREW PUNCTUATION
 * GERESH for letters, U+055F for MidLetter): asks the Pango at hand, and leaves it
 * what is neither a letter nor other. */
static WordBreak
word_break_asking_pango (gunichar  c,
                         WordBreak by_class)
{
  PangoLanguage *language = pango_language_from_string ("und");
  PangoLogAttr attrs[4];
  char text[8] = "a";
  int length = 1 + g_unichar_to_utf8 (c, text + 1);
  gboolean joins_before, joins_after;

  pango_get_log_attrs (text, length, -1, language, attrs, 3);
  joins_before = !attrs[1].is_word_boundary;
  text[length] = 'b';
  pango_get_log_attrs (text, length + 1, -1, language, attrs, 4);
  joins_after = !attrs[2].is_word_boundary;
  if (joins_before && joins_after)
    return WB_ALETTER;
  if (!joins_before && !joins_after)
    return by_class;
  return WB_SLOW;
}

static CharClass
classify (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);
  CharClass class;

  if (!is_fast_script (g_unichar_get_script (c)) ||
      !is_fast_char (c, type, g_unichar_break_type (c)))
    return WB_SLOW;
  class = word_break_of (c, type);
  if ((c >= 0x055A && c <= 0x055F) || c == 0x058A || c == 0x05F3)
    class = word_break_asking_pango (c, class);
  if (class == WB_SLOW)
    return WB_SLOW;
  if (c == 0x200C || c == 0x200D || type == G_UNICODE_NON_SPACING_MARK ||
      type == G_UNICODE_ENCLOSING_MARK)
    class |= CLASS_EXTEND;
  else if (type == G_UNICODE_FORMAT || type == G_UNICODE_CONTROL)
    class |= CLASS_CONTROL;
  if (g_unichar_isalnum (c))
    class |= CLASS_ALNUM;
  if (g_unichar_isdigit (c))
    class |= CLASS_DIGIT;
  if (is_joiner ('a', c, 'a'))
    class |= CLASS_JOINS_WORDS;
  if (is_joiner ('0', c, '0') && !is_joiner ('a', c, 'a'))
    class |= CLASS_JOINS_DIGITS;
  if (c == '\'')
    class |= CLASS_APOSTROPHE;
  if (c == '"')
    class |= CLASS_QUOTE;
  return class;
}

static const CharClass *
get_fast_classes (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (gunichar c = 0; c < FAST_TABLE_LOW; c++)
        fast_classes[c] = classify (c);
      for (gunichar c = FAST_TABLE_HIGH; c < FAST_TABLE_HIGH + 0x400; c++)
        fast_classes[FAST_TABLE_LOW + c - FAST_TABLE_HIGH] = classify (c);
      g_once_init_leave (&done, 1);
    }
  return fast_classes;
}

static inline CharClass
class_of (const CharClass *table,
          gunichar         c)
{
  if (c < FAST_TABLE_LOW)
    return table[c];
  if (c >= FAST_TABLE_HIGH && c < FAST_TABLE_HIGH + 0x400)
    return table[FAST_TABLE_LOW + c - FAST_TABLE_HIGH];
  return WB_SLOW;
}

#define IS_AH(wb)  ((wb) == WB_ALETTER || (wb) == WB_HEBREW_LETTER)
#define IS_AHN(wb) (IS_AH (wb) || (wb) == WB_NUMERIC)

typedef struct {
  WordBreak prev_prev;  /* the Word_Break classes of the last two grapheme boundaries */
  WordBreak prev;       /* that were not Extend or Format */
  int prev_i;           /* where the last of them is, or -1 */
  CharClass prev_class; /* the class of the character before */
  int *starts;          /* the word boundaries so far */
  int n_starts;
} WordState;

/* Rules WB3d to WB999 as pango_default_break () has them, at a grapheme boundary;
 * WB6, WB7b and WB11 take back the boundary before the character before. */
static inline gboolean
is_word_boundary (WordState *s,
                  WordBreak  wb,
                  CharClass  class,
                  int        i)
{
  if (IS_AHN (s->prev) && IS_AHN (wb))
    return FALSE;
  if (s->prev == WB_WSEG_SPACE && wb == WB_WSEG_SPACE && s->prev_i + 1 == i)
    return FALSE;
  if (wb == WB_EXTEND_FORMAT)
    return FALSE;
  if ((IS_AHN (s->prev) || s->prev == WB_EXTEND_NUM_LET) && wb == WB_EXTEND_NUM_LET)
    return FALSE;
  if (s->prev == WB_EXTEND_NUM_LET && IS_AHN (wb))
    return FALSE;
  if ((IS_AH (s->prev_prev) && IS_AH (wb) &&
       (s->prev == WB_MID_LETTER || s->prev == WB_MID_NUM_LET ||
        (s->prev_class & CLASS_APOSTROPHE))) ||
      (s->prev_prev == WB_HEBREW_LETTER && (s->prev_class & CLASS_QUOTE) &&
       wb == WB_HEBREW_LETTER) ||
      (s->prev_prev == WB_NUMERIC && wb == WB_NUMERIC &&
       (s->prev == WB_MID_NUM || s->prev == WB_MID_NUM_LET ||
        (s->prev_class & CLASS_APOSTROPHE))))
    {
      /* only Extend and Format, never boundaries, came since prev_i */
      if (s->n_starts > 1 && s->starts[s->n_starts - 1] == s->prev_i)
        s->n_starts--;
      return FALSE;
    }
  return !(s->prev == WB_HEBREW_LETTER && (class & CLASS_APOSTROPHE));
}

/* Whether Pango has a word boundary before character @i of class @class. */
static inline void
find_boundary (WordState *s,
               CharClass  class,
               int        i)
{
  WordBreak wb = class & CLASS_WB;
  gboolean boundary = FALSE;

  if (!(class & CLASS_EXTEND) || (class & CLASS_CONTROL) || (s->prev_class & CLASS_CONTROL))
    {
      boundary = is_word_boundary (s, wb, class, i);
      if (wb != WB_EXTEND_FORMAT)
        {
          s->prev_prev = s->prev;
          s->prev = wb;
          s->prev_i = i;
        }
    }
  if (boundary || i == 0)
    s->starts[s->n_starts++] = i;
  s->prev_class = class;
}

/* Decodes @text (valid UTF-8) into @classes and lists the word boundaries (but the
 * one at the end) in @starts; FALSE at the first character outside the fast set. */
static gboolean
find_boundaries (const char *text,
                 gsize       length,
                 CharClass  *classes,
                 int        *starts,
                 int        *n_chars,
                 int        *n_starts)
{
  const CharClass *table = get_fast_classes ();
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;
  WordState s = { WB_OTHER, WB_OTHER, -1, 0, starts, 0 };
  int n = 0;

  while (p < end)
    {
      gunichar c = *p;
      CharClass class;

      if (c < 0x80)
        p++;
      else if (c < 0xE0)
        c = ((c & 0x1F) << 6) | (p[1] & 0x3F), p += 2;
      else if (c < 0xF0)
        c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F), p += 3;
      else
        return FALSE;
      class = class_of (table, c);
      if ((class & CLASS_WB) == WB_SLOW)
        return FALSE;
      classes[n] = class;
      find_boundary (&s, class, n++);
    }
  *n_chars = n;
  *n_starts = s.n_starts;
  return TRUE;
}

/* is_joiner () with the classes of the characters around */
static inline gboolean
is_joiner_fast (CharClass prev,
                CharClass class,
                CharClass next)
{
  if (class & CLASS_JOINS_WORDS)
    return (next & CLASS_ALNUM) != 0;
  return (class & CLASS_JOINS_DIGITS) && (prev & CLASS_DIGIT) && (next & CLASS_DIGIT);
}

/* count_attrs () on the segments that start at @starts */
static guint
count_segments (const CharClass *classes,
                int              n_chars,
                const int       *starts,
                int              n_starts)
{
  Glue glue = GLUE_NONE;
  guint words = 0;

  for (int k = 0; k < n_starts; k++)
    {
      int i = starts[k];
      int next = k + 1 < n_starts ? starts[k + 1] : n_chars;

      if (classes[i] & CLASS_ALNUM)
        {
          words += glue != GLUE_JOINER;
          glue = GLUE_WORD;
        }
      else if (glue == GLUE_WORD && next == i + 1 &&
               is_joiner_fast (i > 0 ? classes[i - 1] : 0, classes[i],
                               i + 1 < n_chars ? classes[i + 1] : 0))
        glue = GLUE_JOINER;
      else
        glue = GLUE_NONE;
    }
  return words;
}

/**
 * desk_words_count_fast:
 * @text: one paragraph of valid UTF-8, no newline
 * @length: its bytes
 * @words: (out): its count, as Pango's word boundaries give it
 *
 * Returns: %FALSE, and leaves @words alone, when @text holds a character outside
 * the scripts and symbols the fast count knows
 */
gboolean
desk_words_count_fast (const char *text,
                       gsize       length,
                       guint      *words)
{
  CharClass stack_classes[N_STACK_CHARS];
  int stack_starts[N_STACK_CHARS];
  g_autofree CharClass *heap_classes = NULL;
  g_autofree int *heap_starts = NULL;
  CharClass *classes = stack_classes;
  int *starts = stack_starts;
  int n_chars, n_starts;

  if (length > N_STACK_CHARS)
    {
      classes = heap_classes = g_new (CharClass, length);
      starts = heap_starts = g_new (int, length);
    }
  if (!find_boundaries (text, length, classes, starts, &n_chars, &n_starts))
    return FALSE;
  *words = count_segments (classes, n_chars, starts, n_starts);
  return TRUE;
}

typedef guint (*ParagraphFunc) (const char    *text,
                                int            length,
                                PangoLanguage *language);

static guint
count_paragraph (const char    *text,
                 int            length,
                 PangoLanguage *language)
{
  guint words;

  if (desk_words_count_fast (text, length, &words))
    return words;
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
