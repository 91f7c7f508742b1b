/* desk-revision.c — one saved snapshot of a story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-revision"

#include "config.h"

#include "desk-revision.h"

G_DEFINE_BOXED_TYPE (DeskRevision, desk_revision, desk_revision_copy, desk_revision_free)

static const char *kind_names[] = { "autosave", "manual", "status", "restore", "close" };

DeskRevision *
desk_revision_new (gint64           id,
                   gint64           story_id,
                   DeskRevisionKind kind,
                   const char      *label,
                   const char      *headline,
                   gint64           created,
                   guint            words)
{
  DeskRevision *self = g_new0 (DeskRevision, 1);

  self->id = id;
  self->story_id = story_id;
  self->kind = kind;
  self->label = g_strdup (label ? label : "");
  self->headline = g_strdup (headline ? headline : "");
  self->created = created;
  self->words = words;
  return self;
}

DeskRevision *
desk_revision_copy (const DeskRevision *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return desk_revision_new (self->id, self->story_id, self->kind, self->label,
                            self->headline, self->created, self->words);
}

void
desk_revision_free (DeskRevision *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->headline);
  g_free (self);
}

const char *
desk_revision_kind_to_string (DeskRevisionKind kind)
{
  g_return_val_if_fail (kind <= DESK_REVISION_CLOSE, "autosave");
  return kind_names[kind];
}

gboolean
desk_revision_kind_from_string (const char       *str,
                                DeskRevisionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = (DeskRevisionKind) i;
        return TRUE;
      }
  return FALSE;
}
