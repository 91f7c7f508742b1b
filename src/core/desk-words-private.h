/* desk-words-private.h — the two ways desk-words.c counts, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* desk_words_count() with every paragraph given to Pango: the reference count. */
guint desk_words_count_pango (const char *text,
                              gssize      length,
                              const char *language);

/* One paragraph counted without Pango; FALSE for text in the scripts it leaves to Pango. */
gboolean desk_words_count_fast (const char *text,
                                gsize       length,
                                guint      *words);

G_END_DECLS
