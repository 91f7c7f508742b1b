/* desk-related.h — a related-story teaser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Either a link to another story of the library (@id > 0; its kicker,
 * headline and deck are looked up when exporting) or a teaser carried as
 * text (@id == 0), like those a web page appends to a story. */
typedef struct {
  gint64 id;
  char *kicker;
  char *headline;
  char *deck;
  char *url;
} DeskRelated;

#define DESK_TYPE_RELATED (desk_related_get_type ())

GType        desk_related_get_type (void) G_GNUC_CONST;
DeskRelated *desk_related_new      (gint64             id,
                                    const char        *kicker,
                                    const char        *headline,
                                    const char        *deck,
                                    const char        *url);
DeskRelated *desk_related_copy     (const DeskRelated *self);
void         desk_related_free     (DeskRelated       *self);
gboolean     desk_related_equal    (const DeskRelated *a,
                                    const DeskRelated *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRelated, desk_related_free)

G_END_DECLS
