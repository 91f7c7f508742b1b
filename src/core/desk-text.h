/* desk-text.h — the plain-text and wire-copy reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-article.h"

G_BEGIN_DECLS

#define DESK_TEXT_ERROR (desk_text_error_quark ())

typedef enum {
  DESK_TEXT_ERROR_EMPTY,     /* nothing but white space */
  DESK_TEXT_ERROR_BINARY,    /* NUL bytes: not a text file */
  DESK_TEXT_ERROR_ENCODING,  /* a byte-order mark whose encoding does not convert */
  DESK_TEXT_ERROR_TOO_LARGE, /* over DESK_TEXT_MAX_SIZE bytes */
} DeskTextError;

/* Larger input is refused rather than read. */
#define DESK_TEXT_MAX_SIZE (64 * 1024 * 1024)

GQuark       desk_text_error_quark    (void);

DeskArticle *desk_text_read           (const char  *data,
                                       gssize       length,
                                       GError     **error);
DeskArticle *desk_text_read_with_year (const char  *data,
                                       gssize       length,
                                       int          context_year,
                                       GError     **error);

G_END_DECLS
