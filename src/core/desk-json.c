/* desk-json.c — the JSON form of a story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-json"

#include "config.h"


#include "desk-json.h"
#include "desk-summary.h"

G_DEFINE_QUARK (desk-json-error-quark, desk_json_error)

char *
desk_json_format_time (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  if (time == NULL)
    return NULL;
  /* not g_date_time_format ("%Y"): it does not pad years before 1000, and
   * the reader must get back exactly what was written */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (time), g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time), g_date_time_get_hour (time),
                          g_date_time_get_minute (time), g_date_time_get_second (time));
}

gboolean
desk_json_parse_time (const char *iso8601,
                      gint64     *unix_time)
{
  g_autoptr (GDateTime) time = NULL;

  /* no default zone: a time without one is ambiguous and refused */
  time = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (time == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (time);
  return TRUE;
}

static void
add_time (JsonBuilder *builder,
          const char  *key,
          gint64       unix_time)
{
  g_autofree char *text = NULL;

  if (unix_time == 0 || (text = desk_json_format_time (unix_time)) == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_marks (JsonBuilder     *builder,
           const DeskBlock *block)
{
  json_builder_set_member_name (builder, "marks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < desk_block_get_n_marks (block); i++)
    {
      const DeskMark *mark = desk_block_get_mark (block, i);

      json_builder_begin_object (builder);
      add_string (builder, "type", desk_mark_kind_to_string (mark->kind));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, mark->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, mark->end);
      if (mark->kind == DESK_MARK_LINK)
        add_string (builder, "href", mark->href);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_block (JsonBuilder     *builder,
           const DeskBlock *block)
{
  json_builder_begin_object (builder);
  add_string (builder, "type", desk_block_kind_to_string (desk_block_get_kind (block)));
  add_string (builder, "text", desk_block_get_text (block));
  if (desk_block_has_attribution (block))
    add_string (builder, "attribution", desk_block_get_attribution (block));
  if (desk_block_get_n_marks (block) > 0)
    add_marks (builder, block);
  json_builder_end_object (builder);
}

static void
add_related (JsonBuilder       *builder,
             const DeskRelated *related)
{
  json_builder_begin_object (builder);
  if (related->id > 0)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, related->id);
    }
  else
    {
      add_string (builder, "kicker", related->kicker);
      add_string (builder, "headline", related->headline);
      add_string (builder, "deck", related->deck);
      add_string (builder, "url", related->url);
    }
  json_builder_end_object (builder);
}

static void
add_dateline_and_source (JsonBuilder *builder,
                         DeskArticle *article)
{
  const DeskDateline *dateline = desk_article_get_dateline (article);

  json_builder_set_member_name (builder, "dateline");
  json_builder_begin_object (builder);
  add_string (builder, "place", desk_dateline_get_place (dateline));
  add_string (builder, "date", desk_dateline_get_date (dateline));
  add_string (builder, "credit", desk_dateline_get_credit (dateline));
  json_builder_end_object (builder);
  add_string (builder, "language", desk_article_get_language (article));
  add_string (builder, "status", desk_status_to_string (desk_article_get_status (article)));
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string (builder, "name", desk_article_get_source_name (article));
  add_string (builder, "url", desk_article_get_source_url (article));
  json_builder_end_object (builder);
}

static void
add_article (JsonBuilder *builder,
             DeskArticle *article)
{
  json_builder_begin_object (builder);
  if (desk_article_get_id (article) > 0)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, desk_article_get_id (article));
    }
  add_string (builder, "headline", desk_article_get_headline (article));
  add_string (builder, "kicker", desk_article_get_kicker (article));
  add_string (builder, "deck", desk_article_get_deck (article));
  add_string (builder, "byline", desk_article_get_byline (article));
  add_dateline_and_source (builder, article);
  add_string (builder, "tagline", desk_article_get_tagline (article));
  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
    add_block (builder, desk_article_get_block (article, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "related");
  json_builder_begin_array (builder);
  for (guint i = 0; i < desk_article_get_n_related (article); i++)
    add_related (builder, desk_article_get_related (article, i));
  json_builder_end_array (builder);
  add_string (builder, "note", desk_article_get_note (article));
  add_time (builder, "created", desk_article_get_created (article));
  add_time (builder, "modified", desk_article_get_modified (article));
  json_builder_end_object (builder);
}

/**
 * desk_json_article_to_node:
 *
 * Returns: (transfer full): the story as the JSON form the command line
 * prints and imports. The id and timestamps are left out while unset.
 */
JsonNode *
desk_json_article_to_node (DeskArticle *article)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (DESK_IS_ARTICLE (article), NULL);

  add_article (builder, article);
  return json_builder_get_root (builder);
}

static char *
node_to_string (JsonNode *node,
                gboolean  pretty)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  GString *out;

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  out = json_generator_to_gstring (generator, g_string_new (NULL));
  if (pretty)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
desk_json_write_article (DeskArticle *article,
                         gboolean     pretty)
{
  /* mutable: sealing an immutable tree hashes every node, a third of the cost of
   * building one that is only written out */
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (DESK_IS_ARTICLE (article), NULL);

  add_article (builder, article);
  node = json_builder_get_root (builder);
  return node_to_string (node, pretty);
}

char *
desk_json_write_articles (GPtrArray *articles,
                          gboolean   pretty)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (articles != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    add_article (builder, g_ptr_array_index (articles, i));
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  return node_to_string (node, pretty);
}

/* The library list as `list --json` prints it. */
char *
desk_json_write_summaries (GPtrArray *summaries,
                           gboolean   pretty)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (summaries != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < summaries->len; i++)
    {
      const DeskSummary *summary = g_ptr_array_index (summaries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, summary->id);
      add_string (builder, "headline", summary->headline);
      add_string (builder, "kicker", summary->kicker);
      add_string (builder, "status", desk_status_to_string (summary->status));
      add_time (builder, "modified", summary->modified);
      json_builder_set_member_name (builder, "words");
      json_builder_add_int_value (builder, summary->words);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  return node_to_string (node, pretty);
}
