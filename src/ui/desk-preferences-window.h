/* desk-preferences-window.h — the preferences: new stories and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_PREFERENCES_WINDOW (desk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, DESK, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *desk_preferences_window_new (void);

G_END_DECLS
