/* desk-format.h — words the interface shows for model values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-article.h"
#include "desk-revision.h"

G_BEGIN_DECLS

char       *desk_format_relative_time (gint64            unix_time,
                                       GDateTime        *now);
char       *desk_format_word_count    (guint             words);
const char *desk_format_status        (DeskStatus        status);
const char *desk_format_revision_kind (DeskRevisionKind  kind);

G_END_DECLS
