/* test-util.h — small helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and everything below it. */
void   test_remove_tree   (const char *path);
/* The SHA-256 of the file at @path, as hex; the file must be readable. */
char  *test_sha256_of     (const char *path);
/* How many times @needle occurs in @text, overlaps included. */
guint  test_count         (const char *text,
                           const char *needle);

G_END_DECLS
