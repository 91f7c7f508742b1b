/* desk-summary.h — a story as the library list shows it (no body)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-article.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  char *headline;
  char *kicker;
  DeskStatus status;
  gint64 modified; /* Unix time, UTC */
  guint words;
} DeskSummary;

#define DESK_TYPE_SUMMARY (desk_summary_get_type ())

GType        desk_summary_get_type (void) G_GNUC_CONST;
DeskSummary *desk_summary_new      (gint64             id,
                                    const char        *headline,
                                    const char        *kicker,
                                    DeskStatus         status,
                                    gint64             modified,
                                    guint              words);
DeskSummary *desk_summary_copy     (const DeskSummary *self);
void         desk_summary_free     (DeskSummary       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSummary, desk_summary_free)

G_END_DECLS
