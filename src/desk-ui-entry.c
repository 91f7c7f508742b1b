/* desk-ui-entry.c — runs the application window; built into the window module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include "desk-ui-entry.h"
#include "desk-application.h"

/* @argv has had `--db FILE` taken out; @library is that FILE, or NULL for
 * the default library. */
int
desk_ui_main (int         argc,
              char      **argv,
              const char *library)
{
  g_autoptr (DeskApplication) app = desk_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);

  if (library != NULL)
    desk_application_set_library_path (app, library);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
