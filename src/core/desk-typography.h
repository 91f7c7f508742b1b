/* desk-typography.h — typographic punctuation for a story's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-dateline.h"

G_BEGIN_DECLS

char     *desk_typography_apply                 (const char     *text,
                                                 const char     *language,
                                                 DeskDashStyle   dash);
char     *desk_typography_apply_with_map        (const char     *text,
                                                 const char     *language,
                                                 DeskDashStyle   dash,
                                                 GArray        **offsets);
gboolean  desk_typography_replace_before_cursor (const char     *text_before_cursor,
                                                 gunichar        typed,
                                                 const char     *language,
                                                 DeskDashStyle   dash,
                                                 guint          *n_chars_to_replace,
                                                 char          **replacement);

G_END_DECLS
