/* desk-cli-table.h — the library list as a table for a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint  desk_cli_terminal_width (void);
char  *desk_cli_format_table   (GPtrArray *summaries,
                                guint      width);

G_END_DECLS
