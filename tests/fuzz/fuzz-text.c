/* fuzz-text.c — libFuzzer harness for the plain-text reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>

#include "desk-text.h"

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

static void
check_article (DeskArticle *article)
{
  const DeskDateline *dateline = desk_article_get_dateline (article);

  g_assert_true (g_utf8_validate (desk_article_get_headline (article), -1, NULL));
  g_assert_true (g_utf8_validate (desk_dateline_get_place (dateline), -1, NULL));
  for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
    {
      DeskBlock *block = desk_article_get_block (article, i);

      g_assert_true (g_utf8_validate (desk_block_get_text (block), -1, NULL));
      g_assert_cmpstr (desk_block_get_text (block), !=, "");
      g_assert_true (desk_block_check (block, NULL));
    }
  for (guint i = 0; i < desk_article_get_n_related (article); i++)
    g_assert_true (g_utf8_validate (desk_article_get_related (article, i)->deck, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = desk_text_read ((const char *) data, size, &error);

  g_assert_true ((article == NULL) != (error == NULL));
  if (article != NULL)
    check_article (article);
  else
    g_assert_true (error->domain == DESK_TEXT_ERROR);
  return 0;
}
