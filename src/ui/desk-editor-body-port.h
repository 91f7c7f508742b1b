/* desk-editor-body-port.h — shows only the visible part of a tall text view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_EDITOR_BODY_PORT (desk_editor_body_port_get_type ())
G_DECLARE_FINAL_TYPE (DeskEditorBodyPort, desk_editor_body_port, DESK, EDITOR_BODY_PORT, GtkWidget)

GtkWidget *desk_editor_body_port_new (GtkTextView       *view,
                                      GtkScrolledWindow *scroller);

G_END_DECLS
