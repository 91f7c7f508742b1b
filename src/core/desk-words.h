/* desk-words.h — word count and reading time in every script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_WORDS_PER_MINUTE 230

guint desk_words_count           (const char *text,
                                  gssize      length,
                                  const char *language);
guint desk_words_reading_minutes (guint       words);

/* Counts a whole body again and again (the editor, on every change) at the cost
 * of the paragraphs that changed since the last call. */
typedef struct _DeskWordCounter DeskWordCounter;

DeskWordCounter *desk_word_counter_new   (void);
void             desk_word_counter_free  (DeskWordCounter *self);
guint            desk_word_counter_count (DeskWordCounter *self,
                                          const char      *text,
                                          gssize           length,
                                          const char      *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskWordCounter, desk_word_counter_free)

G_END_DECLS
