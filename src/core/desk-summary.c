/* desk-summary.c — a story as the library list shows it (no body)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-summary"

#include "config.h"

#include "desk-summary.h"

G_DEFINE_BOXED_TYPE (DeskSummary, desk_summary, desk_summary_copy, desk_summary_free)

DeskSummary *
desk_summary_new (gint64      id,
                  const char *headline,
                  const char *kicker,
                  DeskStatus  status,
                  gint64      modified,
                  guint       words)
{
  DeskSummary *self = g_new0 (DeskSummary, 1);

  self->id = id;
  self->headline = g_strdup (headline ? headline : "");
  self->kicker = g_strdup (kicker ? kicker : "");
  self->status = status;
  self->modified = modified;
  self->words = words;
  return self;
}

DeskSummary *
desk_summary_copy (const DeskSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return desk_summary_new (self->id, self->headline, self->kicker, self->status,
                           self->modified, self->words);
}

void
desk_summary_free (DeskSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->headline);
  g_free (self->kicker);
  g_free (self);
}
