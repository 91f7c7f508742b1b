/* desk-text-private.h — pieces of the plain-text reader, for desk-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A dateline as found at the start of a paragraph. */
typedef struct
{
  char *place;       /* "Tirana", "Prishtina, Kosovo" */
  char *credit;      /* "AP", or "" */
  int year;          /* 0 when not written */
  int month;         /* 0 when there is no date */
  int day;
  gsize lead_offset; /* where the rest of the paragraph starts, in bytes */
} DeskTextDateline;

gboolean  desk_text_parse_dateline      (const char       *text,
                                         gsize             length,
                                         DeskTextDateline *dateline);
void      desk_text_dateline_clear      (DeskTextDateline *dateline);
gboolean  desk_text_find_full_date      (const char       *text,
                                         int              *year);

gboolean  desk_text_has_no_lowercase    (const char       *text,
                                         guint             min_letters);
char     *desk_text_title_case          (const char       *text);
char     *desk_text_normalize_byline    (const char       *text);
gboolean  desk_text_parse_source        (const char       *text,
                                         char            **name,
                                         char            **url);
char     *desk_text_strip_dashes        (const char       *text);
char     *desk_text_whole_quotation     (const char       *text);
char     *desk_text_attribution         (const char       *text);

G_END_DECLS
