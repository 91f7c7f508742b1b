/* desk-dateline.c — where and when a story was filed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-dateline"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "desk-dateline.h"
#include "desk-labels.h"

struct _DeskDateline
{
  char *place;
  char *credit;
  char *date;  /* cached ISO form of year/month/day */
  int year;    /* 0 when unknown */
  int month;   /* 0 when there is no date */
  int day;
};

G_DEFINE_BOXED_TYPE (DeskDateline, desk_dateline, desk_dateline_copy, desk_dateline_free)

/* Month names are the story's language, not the interface's, so they are
 * data here rather than translatable strings. */
typedef enum {
  ORDER_MONTH_DAY,     /* June 21, 2023 */
  ORDER_DAY_DOT_MONTH, /* 21. Juni 2023 */
  ORDER_DAY_MONTH,     /* 21 juin 2023 */
} DateOrder;

typedef struct {
  const char *language;
  const char *months[12];
  DateOrder order;
  gunichar zero;         /* the digit zero of the numbers in the date */
  const char *separator; /* between the place and the date */
} DateStyle;

/* Persian and Arabic news name the Gregorian months in their own words and
 * write the Arabic comma; Persian prints Persian digits, Arabic papers
 * mostly the same digits as English. Hebrew says "in June": 21 ביוני. */
static const DateStyle date_styles[] = {
  { "en", { "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December" },
    ORDER_MONTH_DAY, '0', ", " },
  { "de", { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember" },
    ORDER_DAY_DOT_MONTH, '0', ", " },
  { "fr", { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre" },
    ORDER_DAY_MONTH, '0', ", " },
  { "sq", { "janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht",
            "shtator", "tetor", "nëntor", "dhjetor" },
    ORDER_DAY_MONTH, '0', ", " },
  { "fa", { "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
            "اکتبر", "نوامبر", "دسامبر" },
    ORDER_DAY_MONTH, 0x06F0, "، " },
  { "ar", { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
            "أكتوبر", "نوفمبر", "ديسمبر" },
    ORDER_DAY_MONTH, '0', "، " },
  { "he", { "בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט",
            "בספטמבר", "באוקטובר", "בנובמבר", "בדצמבר" },
    ORDER_DAY_MONTH, '0', ", " },
};

DeskDateline *
desk_dateline_new (void)
{
  DeskDateline *self = g_new0 (DeskDateline, 1);

  self->place = g_strdup ("");
  self->credit = g_strdup ("");
  self->date = g_strdup ("");
  return self;
}

DeskDateline *
desk_dateline_copy (const DeskDateline *self)
{
  DeskDateline *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = desk_dateline_new ();
  desk_dateline_set_place (copy, self->place);
  desk_dateline_set_credit (copy, self->credit);
  desk_dateline_set_ymd (copy, self->year, self->month, self->day);
  return copy;
}

void
desk_dateline_free (DeskDateline *self)
{
  if (self == NULL)
    return;
  g_free (self->place);
  g_free (self->credit);
  g_free (self->date);
  g_free (self);
}

gboolean
desk_dateline_equal (const DeskDateline *a,
                     const DeskDateline *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return strcmp (a->place, b->place) == 0 && strcmp (a->credit, b->credit) == 0 &&
         strcmp (a->date, b->date) == 0;
}

gboolean
desk_dateline_is_empty (const DeskDateline *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->place[0] == '\0' && self->credit[0] == '\0' && self->month == 0;
}

const char *
desk_dateline_get_place (const DeskDateline *self)
{
  g_return_val_if_fail (self != NULL, "");
  return self->place;
}

void
desk_dateline_set_place (DeskDateline *self,
                         const char   *place)
{
  char *copy = g_strstrip (g_strdup (place ? place : ""));

  g_return_if_fail (self != NULL);

  /* copy before freeing: @place may be the string we hold (an entry
   * showing our own value hands it back to us) */
  g_free (self->place);
  self->place = copy;
}

const char *
desk_dateline_get_credit (const DeskDateline *self)
{
  g_return_val_if_fail (self != NULL, "");
  return self->credit;
}

void
desk_dateline_set_credit (DeskDateline *self,
                          const char   *credit)
{
  char *copy = g_strstrip (g_strdup (credit ? credit : ""));

  g_return_if_fail (self != NULL);

  g_free (self->credit);
  self->credit = copy;
}

const char *
desk_dateline_get_date (const DeskDateline *self)
{
  g_return_val_if_fail (self != NULL, "");
  return self->date;
}

static gboolean
date_is_valid (int year,
               int month,
               int day)
{
  /* 2000 is a leap year, so 29 February is allowed when the year is unknown */
  int y = year > 0 ? year : 2000;

  if (month == 0 && day == 0 && year == 0)
    return TRUE;
  return year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) y);
}

/* Accepts "", "YYYY-MM-DD" and "--MM-DD"; anything else is refused and the
 * dateline keeps its date. */
gboolean
desk_dateline_set_date (DeskDateline *self,
                        const char   *iso_date)
{
  int year = 0, month = 0, day = 0;
  char tail;

  g_return_val_if_fail (self != NULL, FALSE);

  if (iso_date == NULL || iso_date[0] == '\0')
    ;
  else if (strlen (iso_date) == 10 && g_ascii_isdigit (iso_date[0]) &&
           sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
    {
      if (year == 0)
        return FALSE;
    }
  else if (strlen (iso_date) == 7 &&
           sscanf (iso_date, "--%2d-%2d%c", &month, &day, &tail) == 2)
    year = 0;
  else
    return FALSE;

  if ((month != 0 || day != 0) && !date_is_valid (year, month, day))
    return FALSE;
  desk_dateline_set_ymd (self, year, month, day);
  return TRUE;
}

gboolean
desk_dateline_get_ymd (const DeskDateline *self,
                       int                *year,
                       int                *month,
                       int                *day)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (year)
    *year = self->year;
  if (month)
    *month = self->month;
  if (day)
    *day = self->day;
  return self->month != 0;
}

/* year 0 means "not known"; month 0 clears the date. */
void
desk_dateline_set_ymd (DeskDateline *self,
                       int           year,
                       int           month,
                       int           day)
{
  g_return_if_fail (self != NULL);

  if (month == 0 || !date_is_valid (year, month, day))
    year = month = day = 0;
  self->year = year;
  self->month = month;
  self->day = day;
  g_free (self->date);
  if (month == 0)
    self->date = g_strdup ("");
  else if (year == 0)
    self->date = g_strdup_printf ("--%02d-%02d", month, day);
  else
    self->date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static const DateStyle *
find_date_style (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_styles); i++)
    if (desk_language_is (language, date_styles[i].language))
      return &date_styles[i];
  return &date_styles[0];
}

/* Appends @number written with the digits that start at @zero. */
static void
append_number (GString *out,
               int      number,
               gunichar zero)
{
  char ascii[16];

  g_snprintf (ascii, sizeof ascii, "%d", number);
  for (const char *p = ascii; *p; p++)
    g_string_append_unichar (out, zero + (gunichar) (*p - '0'));
}

/**
 * desk_dateline_format_date:
 * @language: the story's BCP 47 language tag
 *
 * Returns: the date as the story's language writes it ("June 21, 2023",
 * "21 qershor 2023", "۲۱ ژوئن ۲۰۲۳"), or "" when there is no date.
 */
char *
desk_dateline_format_date (const DeskDateline *self,
                           const char         *language)
{
  const DateStyle *style;
  const char *month;
  GString *date;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->month == 0)
    return g_strdup ("");
  style = find_date_style (language);
  month = style->months[self->month - 1];
  date = g_string_new (NULL);
  if (style->order == ORDER_MONTH_DAY)
    {
      g_string_append_printf (date, "%s ", month);
      append_number (date, self->day, style->zero);
      g_string_append (date, self->year ? "," : "");
    }
  else
    {
      append_number (date, self->day, style->zero);
      g_string_append_printf (date, "%s %s", style->order == ORDER_DAY_DOT_MONTH ? "." : "",
                              month);
    }
  if (self->year)
    {
      g_string_append_c (date, ' ');
      append_number (date, self->year, style->zero);
    }
  return g_string_free (date, FALSE);
}

/**
 * desk_dateline_render:
 *
 * The one place a dateline is turned into text, so the editor and every
 * export show the same line: "TIRANA, June 21, 2023 –", "BEIRUT (AP) —".
 *
 * Returns: the line, or "" for an empty dateline.
 */
char *
desk_dateline_render (const DeskDateline *self,
                      const char         *language,
                      DeskDashStyle       dash)
{
  g_autofree char *date = NULL;
  GString *line;

  g_return_val_if_fail (self != NULL, NULL);

  if (desk_dateline_is_empty (self))
    return g_strdup ("");

  line = g_string_new (NULL);
  if (self->place[0])
    {
      g_autofree char *upper = g_utf8_strup (self->place, -1);
      g_string_append (line, upper);
    }
  date = desk_dateline_format_date (self, language);
  if (date[0])
    g_string_append_printf (line, "%s%s", line->len ? find_date_style (language)->separator : "",
                            date);
  if (self->credit[0])
    g_string_append_printf (line, "%s(%s)", line->len ? " " : "", self->credit);
  g_string_append (line, dash == DESK_DASH_EM ? " —" : " –");
  return g_string_free (line, FALSE);
}

gboolean
desk_dash_style_from_string (const char    *str,
                             DeskDashStyle *dash)
{
  if (g_strcmp0 (str, "en") == 0)
    *dash = DESK_DASH_EN;
  else if (g_strcmp0 (str, "em") == 0)
    *dash = DESK_DASH_EM;
  else
    return FALSE;
  return TRUE;
}
