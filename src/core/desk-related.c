/* desk-related.c — a related-story teaser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-related"

#include "config.h"

#include "desk-related.h"

G_DEFINE_BOXED_TYPE (DeskRelated, desk_related, desk_related_copy, desk_related_free)

DeskRelated *
desk_related_new (gint64      id,
                  const char *kicker,
                  const char *headline,
                  const char *deck,
                  const char *url)
{
  DeskRelated *self = g_new0 (DeskRelated, 1);

  self->id = id;
  self->kicker = g_strdup (kicker ? kicker : "");
  self->headline = g_strdup (headline ? headline : "");
  self->deck = g_strdup (deck ? deck : "");
  self->url = g_strdup (url ? url : "");
  return self;
}

DeskRelated *
desk_related_copy (const DeskRelated *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return desk_related_new (self->id, self->kicker, self->headline, self->deck, self->url);
}

void
desk_related_free (DeskRelated *self)
{
  if (self == NULL)
    return;
  g_free (self->kicker);
  g_free (self->headline);
  g_free (self->deck);
  g_free (self->url);
  g_free (self);
}

gboolean
desk_related_equal (const DeskRelated *a,
                    const DeskRelated *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return a->id == b->id && g_str_equal (a->kicker, b->kicker) &&
         g_str_equal (a->headline, b->headline) && g_str_equal (a->deck, b->deck) &&
         g_str_equal (a->url, b->url);
}
