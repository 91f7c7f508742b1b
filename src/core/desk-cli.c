/* desk-cli.c — the headless command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-cli.h"

static const char *commands[] = { "import", "list", "show", "export", "search" };

/* The window is for a bare "copydesk"; anything that names a subcommand,
 * --db, --help or --version stays on the command line and never touches
 * GTK, so it works without a display. */
gboolean
desk_cli_wants_headless (int    argc,
                         char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db") || g_str_has_prefix (argv[i], "--db=") ||
          g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") ||
          g_str_equal (argv[i], "--version"))
        return TRUE;
      for (guint j = 0; j < G_N_ELEMENTS (commands); j++)
        if (g_str_equal (argv[i], commands[j]))
          return TRUE;
    }
  return FALSE;
}

int
desk_cli_run (int    argc,
              char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--version"))
      {
        printf ("copydesk %s\n", PACKAGE_VERSION);
        return 0;
      }
  fprintf (stderr, "copydesk: %s\n", _("the command line is being built"));
  return 1;
}
