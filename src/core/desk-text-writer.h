/* desk-text-writer.h — a story as plain text, for `export --format text`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-article.h"

G_BEGIN_DECLS

char *desk_text_write (DeskArticle *article);

G_END_DECLS
