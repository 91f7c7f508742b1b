/* desk-editor.h — the story editor: fields, body and autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-article.h"
#include "desk-store.h"
#include "desk-summary.h"

G_BEGIN_DECLS

/* Values of the "save-state" property. */
typedef enum {
  DESK_SAVE_STATE_SAVED,
  DESK_SAVE_STATE_SAVING,
  DESK_SAVE_STATE_FAILED,
} DeskSaveState;

#define DESK_TYPE_EDITOR (desk_editor_get_type ())

G_DECLARE_FINAL_TYPE (DeskEditor, desk_editor, DESK, EDITOR, GtkWidget)

DeskEditor  *desk_editor_new            (void);
/* Set before loading a story. */
void         desk_editor_set_store      (DeskEditor          *self,
                                         DeskStore           *store);
/* Saves the current story first (async), then loads @id (async). */
void         desk_editor_load_story     (DeskEditor          *self,
                                         gint64               id);
/* Saves the current story and shows no story. */
void         desk_editor_clear          (DeskEditor          *self);
gint64       desk_editor_get_story_id   (DeskEditor          *self);
void         desk_editor_focus_headline (DeskEditor          *self);
/* A snapshot of what is on screen, e.g. for export. NULL when no story. */
DeskArticle *desk_editor_dup_article    (DeskEditor          *self);
const DeskSummary *desk_editor_get_saved_summary (DeskEditor *self);
/* Finishes when every edit made before the call has reached the store. */
void         desk_editor_flush_async    (DeskEditor          *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean     desk_editor_flush_finish   (DeskEditor          *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* Properties: "story-id" (gint64, read-only), "title" (string, read-only:
 * the headline or "Untitled Story"), "status" (int, a DeskStatus,
 * read-write: a change is saved and recorded as a status revision),
 * "save-state" (int, a DeskSaveState, read-only), "busy" (boolean,
 * read-only: a story is loading).
 *
 * Signals: "story-saved" (gint64 id), on the main thread after each
 * successful save; desk_editor_get_saved_summary () then gives the
 * story's list row as saved. */

G_END_DECLS
