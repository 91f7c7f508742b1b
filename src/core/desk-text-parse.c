/* desk-text-parse.c — datelines, dates, names and credits in plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-text"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-text-private.h"

/* A dateline ends within this many bytes of the paragraph's start. */
#define MAX_DATELINE_BYTES 160

typedef struct
{
  const char *name;
  int month;
} MonthName;

/* Full names and the AP abbreviations, plus the common three-letter ones. */
static const MonthName month_names[] = {
  { "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 }, { "march", 3 },
  { "mar", 3 }, { "april", 4 }, { "apr", 4 }, { "may", 5 }, { "june", 6 }, { "jun", 6 },
  { "july", 7 }, { "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 },
  { "sept", 9 }, { "sep", 9 }, { "october", 10 }, { "oct", 10 }, { "november", 11 },
  { "nov", 11 }, { "december", 12 }, { "dec", 12 },
};

static const char * const weekdays[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", NULL
};

/* Capitals that open a sentence as often as a city opens a dateline:
 * organisations known by their initials, and the labels a web page puts
 * before a story. Followed by a dash alone, they are not a place. */
static const char * const not_places[] = {
  "NATO", "WHO", "IMF", "OPEC", "NASA", "FBI", "CIA", "NSA", "UNICEF", "UNESCO", "UNHCR",
  "UNRWA", "UNDP", "OHCHR", "ICRC", "IAEA", "FIFA", "UEFA", "IOC", "OSCE", "ASEAN", "OECD",
  "WTO", "ECB", "ICC", "ICJ", "BBC", "CNN", "AFP", "EPA", "MSF", "WFP", "OCHA", "EULEX", "KFOR",
  "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "COMMENT",
  "WATCH", "LIVE", "VIDEO", "PHOTOS", "CORRECTION", "URGENT", "FLASH", "ALERT", "NOTE", NULL
};

/* Words a place or a name keeps in lower case when written in capitals. */
static const char * const small_words[] = {
  "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "el",
  "es", "et", "au", "aux", "of", "the", "and", "on", "upon", "sur", "am", "im", "an", "der",
  "den", "van", "von", "y", NULL
};

static int
parse_month (const char *word)
{
  gsize n = strlen (word);

  if (n > 0 && word[n - 1] == '.')
    n--;
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strlen (month_names[i].name) == n &&
        g_ascii_strncasecmp (word, month_names[i].name, n) == 0)
      return month_names[i].month;
  return 0;
}

/* A whole word of 1 to @max_digits digits within [min, max], else 0. */
static int
parse_number (const char *word,
              guint       max_digits,
              int         min,
              int         max)
{
  int value = 0;
  guint n = 0;

  for (; word[n]; n++)
    {
      if (!g_ascii_isdigit (word[n]) || n >= max_digits)
        return 0;
      value = value * 10 + (word[n] - '0');
    }
  return n > 0 && value >= min && value <= max ? value : 0;
}

static int
parse_year (const char *word)
{
  return strlen (word) == 4 ? parse_number (word, 4, 1800, 2199) : 0;
}

/* "June 21", "Sept. 4", "21 June", optionally followed by a year. */
static gboolean
parse_written_date (char **words,
                    guint  n_words,
                    int   *year,
                    int   *month,
                    int   *day)
{
  if (n_words < 2 || n_words > 3)
    return FALSE;
  *year = n_words == 3 ? parse_year (words[2]) : 0;
  if (n_words == 3 && *year == 0)
    return FALSE;
  if ((*month = parse_month (words[0])) != 0)
    *day = parse_number (words[1], 2, 1, 31);
  else if ((*month = parse_month (words[1])) != 0)
    *day = parse_number (words[0], 2, 1, 31);
  return *month != 0 && *day != 0 &&
         g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, *year ? *year : 2000);
}

static gboolean
parse_date_segment (const char *segment,
                    int        *year,
                    int        *month,
                    int        *day)
{
  g_auto (GStrv) words = g_strsplit (segment, " ", 4);

  return parse_written_date (words, g_strv_length (words), year, month, day);
}

/* Finds the dash that closes a dateline: an en, em or horizontal-bar dash,
 * "--", or a hyphen with a space on each side. */
static gboolean
find_dash (const char *text,
           gsize       length,
           gsize      *dash,
           gsize      *lead)
{
  gsize limit = MIN (length, MAX_DATELINE_BYTES);

  for (gsize i = 1; i < limit; i++)
    {
      const guchar *p = (const guchar *) text + i;
      gsize n = 0;

      if (i + 2 < length && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x93 && p[2] <= 0x95)
        n = 3;
      else if (p[0] == '-' && i + 1 < length && p[1] == '-')
        n = 2;
      else if (p[0] == '-' && p[-1] == ' ' && i + 1 < length && p[1] == ' ')
        n = 1;
      if (n == 0)
        continue;
      *dash = i;
      for (*lead = i + n; *lead < length && text[*lead] == ' '; (*lead)++)
        ;
      if (*lead + 1 < length && (guchar) text[*lead] == 0xC2 && (guchar) text[*lead + 1] == 0xA0)
        *lead += 2;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c) || c == ' ' || c == '.' || c == '-' ||
         c == '\'' || c == 0x2019 || c == 0xA0;
}

/* Letters, spaces and the punctuation of names; returns the number of
 * letters, or -1 for any other character. */
static int
count_name_letters (const char *text)
{
  int letters = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_name_char (c))
        return -1;
      letters += g_unichar_isalpha (c) ? 1 : 0;
    }
  return letters;
}

static guint
count_words (const char *text)
{
  guint n = text[0] ? 1 : 0;

  for (const char *p = text; *p; p++)
    n += *p == ' ' ? 1 : 0;
  return n;
}

static gboolean
starts_upper (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static gboolean
words_start_upper (const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i]; i++)
    if (!starts_upper (words[i]) && !g_strv_contains (small_words, words[i]))
      return FALSE;
  return TRUE;
}

/* Cuts a trailing "(AP)" off @prefix into @credit. */
static gboolean
take_credit (char  *prefix,
             char **credit)
{
  gsize n = strlen (prefix);
  char *open;

  if (n == 0 || prefix[n - 1] != ')')
    return strchr (prefix, '(') == NULL && strchr (prefix, ')') == NULL;
  prefix[n - 1] = '\0';
  open = strrchr (prefix, '(');
  if (open == NULL || strchr (open, ')') != NULL || strlen (open + 1) > 40 ||
      count_name_letters (open + 1) < 1 || !g_unichar_isalpha (g_utf8_get_char (open + 1)))
    return FALSE;
  *credit = g_strstrip (g_strdup (open + 1));
  *open = '\0';
  g_strstrip (prefix);
  n = strlen (prefix);
  if (n > 0 && prefix[n - 1] == ',')
    prefix[n - 1] = '\0';
  return strchr (prefix, '(') == NULL && strchr (prefix, ')') == NULL;
}

/* Removes the date from the end of @segments; returns how many are left. */
static guint
take_date (char            **segments,
           guint             n,
           DeskTextDateline *d)
{
  int year = 0;

  if (n >= 3 && (year = parse_year (segments[n - 1])) != 0 &&
      parse_date_segment (segments[n - 2], &d->year, &d->month, &d->day) && d->year == 0)
    {
      if (!g_date_valid_dmy ((GDateDay) d->day, (GDateMonth) d->month, (GDateYear) year))
        return 0;
      d->year = year;
      return n - 2;
    }
  d->year = d->month = d->day = 0;
  if (n >= 2 && parse_date_segment (segments[n - 1], &d->year, &d->month, &d->day))
    return n - 1;
  d->year = d->month = d->day = 0;
  return n;
}

static gboolean
is_place (char   **segments,
          guint    n,
          gboolean dated)
{
  const char *city = segments[0];
  gboolean capitals = desk_text_has_no_lowercase (city, 2);

  if (n < 1 || n > 3 || strlen (city) > 40 || count_words (city) > 4 ||
      count_name_letters (city) < 2 || !starts_upper (city))
    return FALSE;
  if (!capitals && (!dated || !words_start_upper (city) || g_strv_contains (weekdays, city)))
    return FALSE;
  for (guint i = 1; i < n; i++)
    if (strlen (segments[i]) > 30 || count_words (segments[i]) > 3 ||
        count_name_letters (segments[i]) < 2 || !starts_upper (segments[i]))
      return FALSE;
  return TRUE;
}

/* A dateline with neither a date nor a credit ("BEIRUT —") has only the
 * look of its place to go by: at least three letters, and not a name that
 * is better known in capitals as something else ("NATO – The alliance…"). */
static gboolean
is_bare_place (char   **segments,
               guint    n)
{
  g_autofree char *upper = g_utf8_strup (segments[0], -1);

  return n > 1 || (count_name_letters (segments[0]) >= 3 && !g_strv_contains (not_places, upper));
}

static char *
join_place (char **segments,
            guint  n)
{
  GString *place = g_string_new (NULL);
  g_autofree char *city = desk_text_has_no_lowercase (segments[0], 2)
                          ? desk_text_title_case (segments[0])
                          : g_strdup (segments[0]);

  g_string_append (place, city);
  for (guint i = 1; i < n; i++)
    g_string_append_printf (place, ", %s", segments[i]);
  return g_string_free (place, FALSE);
}

/**
 * desk_text_parse_dateline:
 *
 * Recognises "TIRANA, June 21, 2023 –", "BEIRUT (AP) —",
 * "LONDON, March 3 (Reuters) -", "PRISHTINA, Kosovo, May 2, 2024 —" at the
 * start of @text. On success @dateline holds its parts (free them with
 * desk_text_dateline_clear()).
 */
gboolean
desk_text_parse_dateline (const char       *text,
                          gsize             length,
                          DeskTextDateline *d)
{
  g_autofree char *prefix = NULL, *credit = NULL;
  g_auto (GStrv) segments = NULL;
  gsize dash, lead;
  guint n;

  memset (d, 0, sizeof *d);
  if (!find_dash (text, length, &dash, &lead))
    return FALSE;
  prefix = g_strstrip (g_strndup (text, dash));
  if (!take_credit (prefix, &credit))
    return FALSE;
  segments = g_strsplit (prefix, ",", 8);
  if (g_strv_length (segments) > 6)
    return FALSE;
  for (guint i = 0; segments[i]; i++)
    if (g_strstrip (segments[i])[0] == '\0')
      return FALSE;
  n = take_date (segments, g_strv_length (segments), d);
  if (n == 0 || !is_place (segments, n, d->month != 0) ||
      (d->month == 0 && credit == NULL && !is_bare_place (segments, n)))
    return FALSE;
  d->place = join_place (segments, n);
  d->credit = credit ? g_steal_pointer (&credit) : g_strdup ("");
  d->lead_offset = lead;
  return TRUE;
}

void
desk_text_dateline_clear (DeskTextDateline *d)
{
  g_clear_pointer (&d->place, g_free);
  g_clear_pointer (&d->credit, g_free);
}

static gboolean
is_iso_date (const char *word,
             int        *year)
{
  int y, m, d;

  if (strlen (word) < 10 || word[4] != '-' || word[7] != '-' ||
      (word[10] != '\0' && word[10] != 'T' && word[10] != ','))
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (word[i]))
      return FALSE;
  y = atoi (word);
  m = atoi (word + 5);
  d = atoi (word + 8);
  if (y < 1800 || y > 2199 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  *year = y;
  return TRUE;
}

/**
 * desk_text_find_full_date:
 *
 * Looks for a date with a year ("June 21, 2023", "21 June 2023",
 * "2023-06-21") in a short line such as "Published June 21, 2023".
 */
gboolean
desk_text_find_full_date (const char *text,
                          int        *year)
{
  g_auto (GStrv) words = NULL;
  guint n;

  if (strlen (text) > 400)
    return FALSE;
  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  for (guint i = 0; i < n; i++)
    g_strdelimit (words[i], ",;()", '\0');
  for (guint i = 0; i < n; i++)
    {
      int month, day;

      if (is_iso_date (words[i], year))
        return TRUE;
      if (i + 2 < n && parse_written_date (words + i, 3, year, &month, &day))
        return TRUE;
    }
  return FALSE;
}

gboolean
desk_text_has_no_lowercase (const char *text,
                            guint       min_letters)
{
  guint letters = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters += g_unichar_isalpha (c) ? 1 : 0;
    }
  return letters >= min_letters;
}

static void
append_title_part (GString    *out,
                   const char *part,
                   gboolean    first)
{
  g_autofree char *lower = NULL;

  if (!desk_text_has_no_lowercase (part, 1))
    {
      g_string_append (out, part);
      return;
    }
  lower = g_utf8_strdown (part, -1);
  if (!first && g_strv_contains (small_words, lower))
    g_string_append (out, lower);
  else if (strlen (part) == 2 && count_name_letters (part) == 2)
    g_string_append (out, part); /* an initialism such as "US" */
  else
    {
      g_string_append_unichar (out, g_unichar_totitle (g_utf8_get_char (lower)));
      g_string_append (out, g_utf8_next_char (lower));
    }
}

/* "TIRANA" → "Tirana", "RIO DE JANEIRO" → "Rio de Janeiro",
 * "WINSTON-SALEM" → "Winston-Salem"; words not in capitals stay as written. */
char *
desk_text_title_case (const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit (words[i], "-", -1);

      if (i > 0)
        g_string_append_c (out, ' ');
      for (guint j = 0; parts[j]; j++)
        {
          if (j > 0)
            g_string_append_c (out, '-');
          append_title_part (out, parts[j], i == 0 && j == 0);
        }
    }
  return g_string_free (out, FALSE);
}

/* "BY JANE DOE, Associated Press" → "By Jane Doe, Associated Press": a name
 * of two words or more in capitals is set in title case; the rest stays. */
char *
desk_text_normalize_byline (const char *text)
{
  g_autofree char *name = NULL, *titled = NULL;
  const char *comma;

  g_assert (strlen (text) >= 3);
  comma = strchr (text + 3, ',');
  name = comma ? g_strndup (text + 3, comma - (text + 3)) : g_strdup (text + 3);
  titled = count_words (name) >= 2 ? desk_text_title_case (name) : g_strdup (name);
  return g_strconcat ("By ", titled, comma ? comma : "", NULL);
}

static char *
take_url (char *text)
{
  char *start = strstr (text, "https://");
  char *url;
  gsize n;

  if (start == NULL)
    start = strstr (text, "http://");
  if (start == NULL)
    return NULL;
  n = strcspn (start, " ");
  while (n > 0 && strchr (".,;:)]>'\"", start[n - 1]) != NULL)
    n--;
  url = g_strndup (start, n);
  memmove (start, start + n, strlen (start + n) + 1);
  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    g_clear_pointer (&url, g_free);
  return url;
}

static const char * const source_openings[] = {
  "source:", "sources:", "source -", "this article first appeared in ",
  "this article first appeared on ", "this article was first published in ",
  "this article was first published on ", "this article was first published by ",
  "this article originally appeared in ", "this article originally appeared on ",
  "this story first appeared in ", "this story first appeared on ",
  "this story originally appeared in ", "this story originally appeared on ",
  "first published in ", "first published on ", "first published by ",
  "originally published in ", "originally published on ", "originally published by ",
  "originally published at ", "read the original at ", "read the original on ", NULL
};

static const char * const link_words[] = {
  "", "here", "link", "click here", "read here", "read more", "(here)", "→", ">>", NULL
};

static char *
clean_source_name (char *name)
{
  static const char * const fillers[] = { "at ", "on ", "in ", "from ", "by ", NULL };
  char *p = name;
  gsize n;

  while (*p == ':' || *p == '-' || *p == ' ')
    p++;
  for (guint i = 0; fillers[i]; i++)
    if (g_ascii_strncasecmp (p, fillers[i], strlen (fillers[i])) == 0)
      p += strlen (fillers[i]);
  memmove (name, p, strlen (p) + 1);
  g_strstrip (name);
  n = strlen (name);
  while (n > 0 && strchr (".:;,-(<[", name[n - 1]) != NULL)
    name[--n] = '\0';
  return g_strstrip (name);
}

static char *
host_of (const char *url)
{
  g_autoptr (GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  if (host == NULL || host[0] == '\0')
    return NULL;
  return g_strdup (g_str_has_prefix (host, "www.") ? host + 4 : host);
}

/**
 * desk_text_parse_source:
 *
 * Reads a credit line such as "Original post Here", "Source: Reuters",
 * "This article first appeared in The Guardian https://…".
 */
gboolean
desk_text_parse_source (const char  *text,
                        char       **name,
                        char       **url)
{
  g_autofree char *rest = NULL, *lower = NULL;
  gsize skip = 0;

  if (g_ascii_strncasecmp (text, "original post", 13) == 0)
    skip = 13;
  for (guint i = 0; skip == 0 && source_openings[i]; i++)
    if (g_ascii_strncasecmp (text, source_openings[i], strlen (source_openings[i])) == 0)
      skip = strlen (source_openings[i]);
  if (skip == 0)
    return FALSE;
  rest = g_strdup (text + skip);
  *url = take_url (rest);
  clean_source_name (rest);
  lower = g_utf8_strdown (rest, -1);
  if (skip == 13 && g_strv_contains (link_words, lower))
    *name = g_strndup (text, 13);
  else if (rest[0] != '\0' && !g_strv_contains (link_words, lower))
    *name = g_steal_pointer (&rest);
  else
    *name = host_of (*url);
  if (*url == NULL)
    *url = g_strdup ("");
  if (*name == NULL)
    g_clear_pointer (url, g_free);
  return *name != NULL;
}

static gsize
dash_length (const char *p)
{
  if (*p == '-')
    return 1;
  if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "―"))
    return 3;
  return 0;
}

/* "-Albanian authorities assert control-" → "Albanian authorities assert
 * control"; NULL when nothing is left. */
char *
desk_text_strip_dashes (const char *text)
{
  const char *start = text, *end = text + strlen (text);
  gsize n;

  while ((n = dash_length (start)) != 0 || *start == ' ')
    start += n ? n : 1;
  while (end > start)
    {
      if (end[-1] == ' ' || end[-1] == '-')
        end--;
      else if (end - start >= 3 && dash_length (end - 3) == 3)
        end -= 3;
      else
        break;
    }
  return end > start ? g_strndup (start, end - start) : NULL;
}

static const char * const quote_pairs[][2] = {
  { "“", "”" }, { "\"", "\"" }, { "«", "»" }, { "„", "“" }, { "„", "”" }, { "»", "«" },
};

/* The text inside the quotation marks when the whole of @text is one
 * quotation, NULL when it is not. */
char *
desk_text_whole_quotation (const char *text)
{
  gsize length = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (quote_pairs); i++)
    {
      const char *open = quote_pairs[i][0], *close = quote_pairs[i][1];
      gsize lo = strlen (open), lc = strlen (close);
      g_autofree char *inner = NULL;

      if (length <= lo + lc || !g_str_has_prefix (text, open) || !g_str_has_suffix (text, close))
        continue;
      inner = g_strndup (text + lo, length - lo - lc);
      if (strstr (inner, close) != NULL || strstr (inner, open) != NULL)
        continue;
      g_strstrip (inner);
      if (inner[0] != '\0')
        return g_steal_pointer (&inner);
    }
  return NULL;
}

/* "— Bledi Çuçi, interior minister" → "Bledi Çuçi, interior minister". */
char *
desk_text_attribution (const char *text)
{
  gsize n = dash_length (text);
  const char *p;

  if (n == 0 || strlen (text) > 150)
    return NULL;
  p = text + n;
  if (*p == '-')
    p++;
  while (*p == ' ')
    p++;
  if (*p == '\0' || dash_length (text + strlen (text) - 1) != 0 ||
      g_str_has_suffix (text, "–") || g_str_has_suffix (text, "—") ||
      !g_unichar_isalpha (g_utf8_get_char (p)))
    return NULL;
  return g_strdup (p);
}
