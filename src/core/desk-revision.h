/* desk-revision.h — one saved snapshot of a story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  DESK_REVISION_AUTOSAVE, /* a checkpoint taken every few minutes while typing */
  DESK_REVISION_MANUAL,   /* "Save version", with an optional label */
  DESK_REVISION_STATUS,   /* the status changed */
  DESK_REVISION_RESTORE,  /* an older revision was restored */
  DESK_REVISION_CLOSE,    /* the story was closed after edits */
} DeskRevisionKind;

typedef struct {
  gint64 id;
  gint64 story_id;
  DeskRevisionKind kind;
  char *label;
  char *headline;
  gint64 created; /* Unix time, UTC */
  guint words;
} DeskRevision;

#define DESK_TYPE_REVISION (desk_revision_get_type ())

GType         desk_revision_get_type         (void) G_GNUC_CONST;
DeskRevision *desk_revision_new              (gint64              id,
                                              gint64              story_id,
                                              DeskRevisionKind    kind,
                                              const char         *label,
                                              const char         *headline,
                                              gint64              created,
                                              guint               words);
DeskRevision *desk_revision_copy             (const DeskRevision *self);
void          desk_revision_free             (DeskRevision       *self);
const char   *desk_revision_kind_to_string   (DeskRevisionKind    kind);
gboolean      desk_revision_kind_from_string (const char         *str,
                                              DeskRevisionKind   *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRevision, desk_revision_free)

G_END_DECLS
