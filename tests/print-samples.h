/* print-samples.h — stories that exercise the print export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-article.h"

G_BEGIN_DECLS

DeskArticle *print_sample_tirana        (const char *samples_dir,
                                         GError    **error);
DeskArticle *print_sample_long          (guint       n_words);
DeskArticle *print_sample_long_url      (void);
DeskArticle *print_sample_persian       (void);
DeskArticle *print_sample_arabic        (void);
DeskArticle *print_sample_headline_only (void);

G_END_DECLS
