/* desk-application.h — the Copydesk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_APPLICATION (desk_application_get_type ())

G_DECLARE_FINAL_TYPE (DeskApplication, desk_application, DESK, APPLICATION, AdwApplication)

DeskApplication *desk_application_new              (const char        *application_id,
                                                    GApplicationFlags  flags);
void             desk_application_set_library_path (DeskApplication   *self,
                                                    const char        *path);
char            *desk_application_dup_library_path (DeskApplication   *self);
gboolean         desk_application_is_main_library  (DeskApplication   *self,
                                                    const char        *path);
DeskStore       *desk_application_get_store        (DeskApplication   *self,
                                                    GError           **error);
void             desk_application_open_store_async (DeskApplication   *self,
                                                    const char        *path,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
DeskStore       *desk_application_open_store_finish (DeskApplication  *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);

G_END_DECLS
