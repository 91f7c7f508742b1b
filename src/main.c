/* main.c — a headless subcommand, or the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "desk-cli.h"
#include "desk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (DeskApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands must run without a display: decide before GTK starts. */
  if (desk_cli_wants_headless (argc, argv))
    return desk_cli_run (argc, argv);

  app = desk_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
