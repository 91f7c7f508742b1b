/* desk-versions-dialog.h — a story's revisions: view, restore, save a version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-editor.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_VERSIONS_DIALOG (desk_versions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskVersionsDialog, desk_versions_dialog, DESK, VERSIONS_DIALOG, AdwWindow)

GtkWidget *desk_versions_dialog_new             (DeskStore          *store,
                                                 DeskEditor         *editor);
guint      desk_versions_dialog_get_n_revisions (DeskVersionsDialog *self);
gboolean   desk_versions_dialog_select_revision (DeskVersionsDialog *self,
                                                 gint64              revision_id);
gint64     desk_versions_dialog_get_selected    (DeskVersionsDialog *self);

/* Signal "restored" (gint64 revision id): the story now holds that revision.
 * Actions: "versions.restore" (the selected revision), "versions.save". */

/* Asks for an optional label, flushes the editor and records a version.
 * The result is the new revision id, 0 when the user cancelled, -1 on error. */
void       desk_versions_save_async             (GtkWindow          *parent,
                                                 DeskStore          *store,
                                                 DeskEditor         *editor,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
gint64     desk_versions_save_finish            (GAsyncResult       *result,
                                                 GError            **error);

G_END_DECLS
