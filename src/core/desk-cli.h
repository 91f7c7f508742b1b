/* desk-cli.h — the headless command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean desk_cli_wants_headless (int    argc,
                                  char **argv);
int      desk_cli_run            (int    argc,
                                  char **argv);

G_END_DECLS
