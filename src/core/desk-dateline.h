/* desk-dateline.h — where and when a story was filed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  DESK_DASH_EN, /* "TIRANA, June 21, 2023 –" */
  DESK_DASH_EM, /* "TIRANA, June 21, 2023 —" */
} DeskDashStyle;

#define DESK_TYPE_DATELINE (desk_dateline_get_type ())

typedef struct _DeskDateline DeskDateline;

GType         desk_dateline_get_type   (void) G_GNUC_CONST;
DeskDateline *desk_dateline_new        (void);
DeskDateline *desk_dateline_copy       (const DeskDateline *self);
void          desk_dateline_free       (DeskDateline       *self);
gboolean      desk_dateline_equal      (const DeskDateline *a,
                                        const DeskDateline *b);
gboolean      desk_dateline_is_empty   (const DeskDateline *self);

const char   *desk_dateline_get_place  (const DeskDateline *self);
void          desk_dateline_set_place  (DeskDateline       *self,
                                        const char         *place);
const char   *desk_dateline_get_credit (const DeskDateline *self);
void          desk_dateline_set_credit (DeskDateline       *self,
                                        const char         *credit);

/* The date is ISO 8601: "2023-06-21", "--06-21" when the year is not
 * known (never invented), or "" for none. */
const char   *desk_dateline_get_date   (const DeskDateline *self);
gboolean      desk_dateline_set_date   (DeskDateline       *self,
                                        const char         *iso_date);
gboolean      desk_dateline_get_ymd    (const DeskDateline *self,
                                        int                *year,
                                        int                *month,
                                        int                *day);
void          desk_dateline_set_ymd    (DeskDateline       *self,
                                        int                 year,
                                        int                 month,
                                        int                 day);

char         *desk_dateline_format_date (const DeskDateline *self,
                                         const char         *language);
char         *desk_dateline_render      (const DeskDateline *self,
                                         const char         *language,
                                         DeskDashStyle       dash);

gboolean      desk_dash_style_from_string (const char    *str,
                                           DeskDashStyle *dash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskDateline, desk_dateline_free)

G_END_DECLS
