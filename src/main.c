/* main.c — a headless subcommand, or the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "desk-cli.h"
#include "desk-ui-entry.h"

/* Takes `--db FILE` (or `--db=FILE`) out of @argv (a copy we own), which
 * keeps the rest in order; returns FILE, or NULL when there is none. */
static char *
take_library_option (int   *argc,
                     char **argv)
{
  char *path = NULL;
  int kept = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < *argc && path == NULL)
        {
          g_free (argv[i]);
          path = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--db=") && path == NULL)
        {
          path = g_strdup (argv[i] + strlen ("--db="));
          g_free (argv[i]);
        }
      else
        argv[kept++] = argv[i];
    }
  argv[kept] = NULL;
  *argc = kept;
  return path;
}

static gboolean
has_display (void)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  return (x11 != NULL && x11[0] != '\0') || (wayland != NULL && wayland[0] != '\0');
}

/* The window module sits beside the executable in a build tree, so
 * ./build/src/copydesk works uninstalled; installed, it is in PKGLIBDIR.
 * A module found beside the executable is the one used, errors and all. */
static GModule *
open_ui_module (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *installed = g_module_build_path (PKGLIBDIR, DESK_UI_MODULE_NAME);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *beside = g_module_build_path (dir, DESK_UI_MODULE_NAME);

      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        return g_module_open (beside, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
    }
  return g_module_open (installed, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
}

static int
run_window (int         argc,
            char      **argv,
            const char *library)
{
  GModule *module = open_ui_module ();
  DeskUiMainFunc ui_main = NULL;

  if (module == NULL || !g_module_symbol (module, DESK_UI_MAIN_SYMBOL, (gpointer *) &ui_main))
    {
      g_printerr ("copydesk: window: %s\n", g_module_error ());
      return 1;
    }
  /* GTK registers types and exit handlers: never unload it. */
  g_module_make_resident (module);
  return ui_main (argc, argv, library);
}

int
main (int   argc,
      char *argv[])
{
  g_auto (GStrv) gui_argv = g_strdupv (argv);
  int gui_argc = argc;
  g_autofree char *library = take_library_option (&gui_argc, gui_argv);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands must run without a display: decide before GTK starts.
   * `copydesk --db FILE` alone is the window, on that library — where there
   * is a display to show it on; elsewhere the command line says what it
   * expects. */
  if (desk_cli_wants_headless (gui_argc, gui_argv) || (library != NULL && !has_display ()))
    return desk_cli_run (argc, argv);

  return run_window (gui_argc, gui_argv, library);
}
