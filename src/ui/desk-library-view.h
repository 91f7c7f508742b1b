/* desk-library-view.h — the library pane: search, status filter and story list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-library-model.h"

G_BEGIN_DECLS

#define DESK_TYPE_LIBRARY_VIEW (desk_library_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskLibraryView, desk_library_view, DESK, LIBRARY_VIEW, GtkWidget)

GtkWidget        *desk_library_view_new             (void);
DeskLibraryModel *desk_library_view_get_model       (DeskLibraryView  *self);
void              desk_library_view_set_model       (DeskLibraryView  *self,
                                                     DeskLibraryModel *model);
void              desk_library_view_select_story    (DeskLibraryView  *self,
                                                     gint64            id);
gint64            desk_library_view_get_selected_id (DeskLibraryView  *self);
void              desk_library_view_focus_search    (DeskLibraryView  *self);
void              desk_library_view_reset_filters   (DeskLibraryView  *self);
const char       *desk_library_view_get_page_name   (DeskLibraryView  *self);

/* Signal "story-activated" (gint64 id): the user picked a story. */

G_END_DECLS
