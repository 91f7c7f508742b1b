/* desk-library-model.h — the stories of the library as a paged list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-store.h"
#include "desk-story-item.h"

G_BEGIN_DECLS

/* Rows are fetched this many at a time. */
#define DESK_LIBRARY_MODEL_PAGE_SIZE 100

#define DESK_TYPE_LIBRARY_MODEL (desk_library_model_get_type ())

G_DECLARE_FINAL_TYPE (DeskLibraryModel, desk_library_model, DESK, LIBRARY_MODEL, GObject)

DeskLibraryModel *desk_library_model_new               (DeskStore        *store);
DeskStore        *desk_library_model_get_store         (DeskLibraryModel *self);
const char       *desk_library_model_get_search_text   (DeskLibraryModel *self);
void              desk_library_model_set_search_text   (DeskLibraryModel *self,
                                                        const char       *text);
int               desk_library_model_get_status_filter (DeskLibraryModel *self);
void              desk_library_model_set_status_filter (DeskLibraryModel *self,
                                                        int               status);
gboolean          desk_library_model_is_filtered       (DeskLibraryModel *self);
void              desk_library_model_refresh           (DeskLibraryModel *self);
void              desk_library_model_update_story      (DeskLibraryModel  *self,
                                                        const DeskSummary *summary);
gboolean          desk_library_model_get_ready         (DeskLibraryModel *self);
gboolean          desk_library_model_get_busy          (DeskLibraryModel *self);
guint             desk_library_model_get_n_fetched     (DeskLibraryModel *self);
gboolean          desk_library_model_find              (DeskLibraryModel *self,
                                                        gint64            id,
                                                        guint            *position);

G_END_DECLS
