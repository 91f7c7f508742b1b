/* desk-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-application.h"
#include "desk-editor.h"
#include "desk-library-model.h"
#include "desk-library-view.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

DeskWindow       *desk_window_new               (DeskApplication *application);
DeskWindow       *desk_window_new_for_library   (DeskApplication *application,
                                                 const char      *path);
char             *desk_window_dup_library_path  (DeskWindow      *self);
DeskStore        *desk_window_get_store         (DeskWindow      *self);
gboolean          desk_window_is_loading        (DeskWindow      *self);
DeskLibraryModel *desk_window_get_library_model (DeskWindow      *self);
DeskLibraryView  *desk_window_get_library_view  (DeskWindow      *self);
DeskEditor       *desk_window_get_editor        (DeskWindow      *self);
void              desk_window_add_toast         (DeskWindow      *self,
                                                 AdwToast        *toast);
void              desk_window_open_story        (DeskWindow      *self,
                                                 gint64           id,
                                                 gboolean         focus_headline);
void              desk_window_import_files      (DeskWindow      *self,
                                                 GFile          **files,
                                                 guint            n_files);

G_END_DECLS
