/* desk-labels.h — the words an export prints, in the story's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each label is a template; the words in braces are filled in by the writer. */
typedef enum {
  DESK_LABEL_PAGE_OF,       /* "Page {page} of {pages}", the foot of a printed page */
  DESK_LABEL_ORIGINAL_POST, /* "Original post: {source}", the source credit */
  DESK_LABEL_RELATED,       /* "Related:", over the related-story teasers of a text export */
  DESK_LABEL_TEASER,        /* "{kicker}: {headline}", a teaser line of a text export */
  DESK_N_LABELS
} DeskLabel;

gboolean    desk_language_is            (const char *language,
                                         const char *primary);
const char *desk_labels_get             (const char *language,
                                        DeskLabel   label);
const char *desk_labels_source_template (const char *language,
                                         const char *source_name);

G_END_DECLS
