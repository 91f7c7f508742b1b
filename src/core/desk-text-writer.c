/* desk-text-writer.c — a story as plain text, for `export --format text`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-text"

#include "config.h"

#include <string.h>

#include "desk-labels.h"
#include "desk-text-writer.h"
#include "desk-typography.h"

/* Quotation marks belong to the story's language, not the interface's: the ones
 * the typography puts around a word, French no-break spaces included. */
static void
get_quote_marks (const char  *language,
                 char       **open,
                 char       **close)
{
  g_autofree char *quoted = desk_typography_apply ("\"x\"", language, DESK_DASH_EN);
  const char *x = strchr (quoted, 'x');

  g_assert (x != NULL);
  *open = g_strndup (quoted, x - quoted);
  *close = g_strdup (x + 1);
}

static gboolean
starts_with_quotation_mark (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return c == '"' || c == 0x201C || c == 0x201E || c == 0x00AB || c == 0x00BB || c == 0x2018 ||
         c == 0x201A || c == 0x2039 || c == 0x300C || c == 0x300E;
}

static int
compare_link_ends (gconstpointer a,
                   gconstpointer b)
{
  const DeskMark *ma = *(const DeskMark **) a;
  const DeskMark *mb = *(const DeskMark **) b;

  return (ma->end > mb->end) - (ma->end < mb->end);
}

/* Plain text has no links, so each link's address follows its words:
 * "the ministry <https://…>". */
static void
append_text_with_links (GString         *out,
                        const DeskBlock *block)
{
  const char *text = desk_block_get_text (block);
  g_autoptr (GPtrArray) links = g_ptr_array_new ();
  const char *done = text;

  for (guint i = 0; i < desk_block_get_n_marks (block); i++)
    if (desk_block_get_mark (block, i)->kind == DESK_MARK_LINK)
      g_ptr_array_add (links, (gpointer) desk_block_get_mark (block, i));
  g_ptr_array_sort (links, compare_link_ends);
  for (guint i = 0; i < links->len; i++)
    {
      const DeskMark *link = g_ptr_array_index (links, i);
      const char *end = g_utf8_offset_to_pointer (text, MIN (link->end,
                                                             desk_block_get_length (block)));

      g_string_append_len (out, done, end - done);
      g_string_append_printf (out, " <%s>", link->href);
      done = end;
    }
  g_string_append (out, done);
}

static void
append_quote (GString         *out,
              const DeskBlock *block,
              const char      *language)
{
  g_autofree char *open = NULL;
  g_autofree char *close = NULL;
  gboolean quoted = starts_with_quotation_mark (desk_block_get_text (block));
  const char *attribution = desk_block_get_attribution (block);

  get_quote_marks (language, &open, &close);
  if (!quoted)
    g_string_append (out, open);
  append_text_with_links (out, block);
  if (!quoted)
    g_string_append (out, close);
  if (attribution[0])
    g_string_append_printf (out, "\n— %s", attribution);
}

static void
append_paragraph (GString *out,
                  const char *text)
{
  if (text[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, "\n\n");
  g_string_append (out, text);
}

static void
append_body (GString     *out,
             DeskArticle *article)
{
  const char *language = desk_article_get_language (article);
  g_autofree char *dateline = desk_dateline_render (desk_article_get_dateline (article),
                                                    language, DESK_DASH_EN);
  gboolean dateline_done = dateline[0] == '\0';

  for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
    {
      DeskBlock *block = desk_article_get_block (article, i);
      DeskBlockKind kind = desk_block_get_kind (block);

      if (out->len > 0)
        g_string_append (out, "\n\n");
      if (kind == DESK_BLOCK_PARAGRAPH && !dateline_done)
        {
          g_string_append_printf (out, "%s ", dateline);
          dateline_done = TRUE;
        }
      if (kind == DESK_BLOCK_QUOTE || kind == DESK_BLOCK_PULLQUOTE)
        append_quote (out, block, language);
      else
        append_text_with_links (out, block);
    }
  if (!dateline_done)
    append_paragraph (out, dateline);
}

/* Fills a label's {name} slot; the value is inserted once, never searched again. */
static void
fill_slot (GString    *label,
           const char *name,
           const char *value)
{
  const char *slot = strstr (label->str, name);
  gsize at;

  g_assert (slot != NULL);
  at = slot - label->str;
  g_string_erase (label, at, strlen (name));
  g_string_insert (label, at, value);
}

static void
append_related (GString     *out,
                DeskArticle *article)
{
  const char *language = desk_article_get_language (article);
  guint n = desk_article_get_n_related (article);

  if (n == 0)
    return;
  append_paragraph (out, desk_labels_get (language, DESK_LABEL_RELATED));
  for (guint i = 0; i < n; i++)
    {
      const DeskRelated *related = desk_article_get_related (article, i);

      if (related->headline[0] == '\0')
        continue;
      g_string_append (out, "\n- ");
      if (related->kicker[0])
        {
          g_autoptr (GString) line = g_string_new (desk_labels_get (language, DESK_LABEL_TEASER));

          fill_slot (line, "{kicker}", related->kicker);
          fill_slot (line, "{headline}", related->headline);
          g_string_append (out, line->str);
        }
      else
        g_string_append (out, related->headline);
      if (related->deck[0])
        g_string_append_printf (out, " — %s", related->deck);
      if (related->url[0])
        g_string_append_printf (out, " <%s>", related->url);
    }
}

static void
append_source (GString     *out,
               DeskArticle *article)
{
  const char *name = desk_article_get_source_name (article);
  const char *url = desk_article_get_source_url (article);
  g_autoptr (GString) line = NULL;
  g_autofree char *source = NULL;

  if (name[0] == '\0' && url[0] == '\0')
    return;
  if (name[0] && url[0])
    source = g_strdup_printf ("%s <%s>", name, url);
  else
    source = g_strdup (name[0] ? name : url);
  line = g_string_new (desk_labels_source_template (desk_article_get_language (article), name));
  fill_slot (line, "{source}", source);
  append_paragraph (out, line->str);
}

/**
 * desk_text_write:
 *
 * Renders the story as plain text: kicker, headline, deck and byline, then
 * the body with the dateline opening the first paragraph, each block a
 * paragraph of its own; the tagline, the original post and the related
 * stories close it. Related stories of the library show only when the
 * caller has filled in their headlines.
 *
 * Returns: (transfer full): the text, ending in a newline.
 */
char *
desk_text_write (DeskArticle *article)
{
  GString *out;

  g_return_val_if_fail (DESK_IS_ARTICLE (article), NULL);

  out = g_string_new (NULL);
  append_paragraph (out, desk_article_get_kicker (article));
  append_paragraph (out, desk_article_get_headline (article));
  append_paragraph (out, desk_article_get_deck (article));
  append_paragraph (out, desk_article_get_byline (article));
  append_body (out, article);
  append_paragraph (out, desk_article_get_tagline (article));
  append_source (out, article);
  append_related (out, article);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
