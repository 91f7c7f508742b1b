/* desk-json.h — the JSON form of a story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-article.h"

G_BEGIN_DECLS

#define DESK_JSON_ERROR (desk_json_error_quark ())

typedef enum {
  DESK_JSON_ERROR_SYNTAX,    /* not JSON at all */
  DESK_JSON_ERROR_INVALID,   /* JSON, but not a story Copydesk can hold */
  DESK_JSON_ERROR_TOO_LARGE, /* over one of the limits below */
} DeskJsonError;

/* Limits on untrusted input, in bytes. */
#define DESK_JSON_MAX_INPUT  (64 * 1024 * 1024)
#define DESK_JSON_MAX_STRING (1024 * 1024)
#define DESK_JSON_MAX_DEPTH  32

GQuark        desk_json_error_quark      (void);

JsonNode     *desk_json_article_to_node  (DeskArticle  *article);
char         *desk_json_write_article    (DeskArticle  *article,
                                          gboolean      pretty);
char         *desk_json_write_articles   (GPtrArray    *articles,
                                          gboolean      pretty);
char         *desk_json_write_summaries  (GPtrArray    *summaries,
                                          gboolean      pretty);

DeskArticle  *desk_json_read_article     (const char   *data,
                                          gssize        length,
                                          GError      **error);
GPtrArray    *desk_json_read_articles    (const char   *data,
                                          gssize        length,
                                          GError      **error);

char         *desk_json_format_time      (gint64        unix_time);
gboolean      desk_json_parse_time       (const char   *iso8601,
                                          gint64       *unix_time);

G_END_DECLS
