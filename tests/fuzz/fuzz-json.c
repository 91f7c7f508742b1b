/* fuzz-json.c — libFuzzer harness for the JSON story reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>

#include "desk-json.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* Whatever the reader accepts, the writer must write and the reader read
 * back to the same story. */
static void
check_round_trip (DeskArticle *article)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = desk_json_write_article (article, FALSE);
  g_autoptr (DeskArticle) again = desk_json_read_article (json, -1, &error);

  g_assert_no_error (error);
  g_assert_true (desk_article_equal_content (article, again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = desk_json_read_article ((const char *) data, size, &error);

  g_assert_true ((article == NULL) != (error == NULL));
  if (article != NULL)
    check_round_trip (article);
  return 0;
}
