/* desk-ui-entry.h — the one entry point of the window module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* The window lives in a module (libcopydesk-ui) that main.c loads only when
 * a window is wanted, so the headless command line never loads GTK. */
#define DESK_UI_MODULE_NAME "copydesk-ui"
#define DESK_UI_MAIN_SYMBOL "desk_ui_main"

typedef int (*DeskUiMainFunc) (int         argc,
                               char      **argv,
                               const char *library);

G_MODULE_EXPORT int desk_ui_main (int         argc,
                                  char      **argv,
                                  const char *library);

G_END_DECLS
