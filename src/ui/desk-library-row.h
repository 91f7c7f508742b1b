/* desk-library-row.h — how one story looks in the library list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-story-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_LIBRARY_ROW (desk_library_row_get_type ())

G_DECLARE_FINAL_TYPE (DeskLibraryRow, desk_library_row, DESK, LIBRARY_ROW, GtkWidget)

GtkWidget     *desk_library_row_new         (void);
DeskStoryItem *desk_library_row_get_item    (DeskLibraryRow *self);
void           desk_library_row_set_item    (DeskLibraryRow *self,
                                             DeskStoryItem  *item);
void           desk_library_row_update_time (DeskLibraryRow *self,
                                             GDateTime      *now);

G_END_DECLS
