/* desk-json-read.c — reading the JSON form of a story, which is untrusted input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-json"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "desk-json.h"

static const char *story_keys[] = {
  "id", "headline", "kicker", "deck", "byline", "dateline", "language", "status", "source",
  "tagline", "body", "related", "note", "created", "modified", NULL,
};
static const char *dateline_keys[] = { "place", "date", "credit", NULL };
static const char *source_keys[] = { "name", "url", NULL };
static const char *block_keys[] = { "type", "text", "attribution", "marks", NULL };
static const char *mark_keys[] = { "type", "start", "end", "href", NULL };
static const char *teaser_keys[] = { "kicker", "headline", "deck", "url", NULL };

/* Reading: every error names the place in the story ("body[3].marks[0]")
 * and what is wrong there. */

static void set_error_at (GError    **error,
                          int         code,
                          const char *path,
                          const char *format,
                          ...) G_GNUC_PRINTF (4, 5);

static void set_member_error (GError    **error,
                              const char *path,
                              const char *key,
                              const char *format,
                              ...) G_GNUC_PRINTF (4, 5);

static void G_GNUC_PRINTF (4, 0)
set_error_va (GError    **error,
              int         code,
              const char *path,
              const char *format,
              va_list     args)
{
  g_autofree char *why = g_strdup_vprintf (format, args);

  if (path == NULL || path[0] == '\0')
    g_set_error_literal (error, DESK_JSON_ERROR, code, why);
  else
    g_set_error (error, DESK_JSON_ERROR, code, "%s: %s", path, why);
}

static void
set_error_at (GError    **error,
              int         code,
              const char *path,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  set_error_va (error, code, path, format, args);
  va_end (args);
}

static char *
member_path (const char *path,
             const char *key)
{
  return path[0] ? g_strdup_printf ("%s.%s", path, key) : g_strdup (key);
}

/* An invalid value at @key of the object at @path. */
static void
set_member_error (GError    **error,
                  const char *path,
                  const char *key,
                  const char *format,
                  ...)
{
  g_autofree char *where = member_path (path, key);
  va_list args;

  va_start (args, format);
  set_error_va (error, DESK_JSON_ERROR_INVALID, where, format, args);
  va_end (args);
}

static char *
element_path (const char *path,
              const char *key,
              guint       index)
{
  if (key == NULL)
    return g_strdup_printf ("%s[%u]", path, index);
  return path[0] ? g_strdup_printf ("%s.%s[%u]", path, key, index)
                 : g_strdup_printf ("%s[%u]", key, index);
}

/* What a reader found where it expected something else: fills the %s of
 * "expected …, found %s". */
static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      /* Translators: a kind of JSON value, shown in "expected a string, found %s"
       * (also "a list", "null", "a string", "true or false", "a number"); it is
       * what was found, so use the form your language needs after "found" */
      return _("an object");
    case JSON_NODE_ARRAY:
      /* Translators: a kind of JSON value, fills "found %s" (see "an object") */
      return _("a list");
    case JSON_NODE_NULL:
      /* Translators: the JSON value null, fills "found %s" (see "an object");
       * keep the word null, it is what the file holds */
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      /* Translators: a kind of JSON value, fills "found %s" (see "an object") */
      return _("a string");
    case G_TYPE_BOOLEAN:
      /* Translators: a JSON true or false value, fills "found %s" (see "an object") */
      return _("true or false");
    default:
      /* Translators: a kind of JSON value, fills "found %s" (see "an object") */
      return _("a number");
    }
}

static JsonObject *
expect_object (JsonNode    *node,
               const char  *path,
               const char **keys,
               GError     **error)
{
  JsonObject *object;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is the kind of JSON value found: "a list", "a string", … */
      set_error_at (error, DESK_JSON_ERROR_INVALID, path, _("expected an object, found %s"),
                    describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (keys, l->data))
      {
        set_member_error (error, path, l->data, _("unknown key"));
        return NULL;
      }
  return object;
}

static gboolean
check_text (const char *text,
            const char *path,
            GError    **error)
{
  gsize length = strlen (text);

  if (length > DESK_JSON_MAX_STRING)
    {
      set_error_at (error, DESK_JSON_ERROR_TOO_LARGE, path,
                    ngettext ("the text is %zu byte long, over the limit of %d MiB",
                              "the text is %zu bytes long, over the limit of %d MiB", length),
                    length, DESK_JSON_MAX_STRING / (1024 * 1024));
      return FALSE;
    }
  if (!g_utf8_validate (text, length, NULL))
    {
      set_error_at (error, DESK_JSON_ERROR_INVALID, path, _("the text is not valid UTF-8"));
      return FALSE;
    }
  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      {
        set_error_at (error, DESK_JSON_ERROR_INVALID, path,
                      _("the text holds a control character (U+%04X)"), (guint) *p);
        return FALSE;
      }
  return TRUE;
}

/* A missing key reads as "". */
static gboolean
get_string (JsonObject  *object,
            const char  *path,
            const char  *key,
            const char **value,
            GError     **error)
{
  g_autofree char *where = member_path (path, key);
  JsonNode *node = json_object_get_member (object, key);

  *value = "";
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %s is the kind of JSON value found: "a number", "null", … */
      set_error_at (error, DESK_JSON_ERROR_INVALID, where, _("expected a string, found %s"),
                    describe_node (node));
      return FALSE;
    }
  *value = json_node_get_string (node);
  return check_text (*value, where, error);
}

static gboolean
get_integer (JsonObject *object,
             const char *path,
             const char *key,
             gint64     *value,
             GError    **error)
{
  g_autofree char *where = member_path (path, key);
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      set_error_at (error, DESK_JSON_ERROR_INVALID, where, _("missing"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      /* Translators: %s is the kind of JSON value found: "a number" (one with a
       * fraction), "a string", … */
      set_error_at (error, DESK_JSON_ERROR_INVALID, where, _("expected a whole number, found %s"),
                    describe_node (node));
      return FALSE;
    }
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
check_url (const char *url,
           const char *path,
           const char *key,
           GError    **error)
{
  if (url[0] == '\0' || desk_link_href_is_allowed (url))
    return TRUE;
  set_member_error (error, path, key, _("“%s” is not an http, https or mailto address"), url);
  return FALSE;
}

static JsonArray *
get_array (JsonObject *object,
           const char *path,
           const char *key,
           GError    **error)
{
  g_autofree char *where = member_path (path, key);
  JsonNode *node = json_object_get_member (object, key);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (node == NULL)
    set_error_at (error, DESK_JSON_ERROR_INVALID, where, _("missing"));
  else
    /* Translators: %s is the kind of JSON value found: "an object", "a string", … */
    set_error_at (error, DESK_JSON_ERROR_INVALID, where, _("expected a list, found %s"),
                  describe_node (node));
  return NULL;
}

static gboolean
read_mark_range (JsonObject *object,
                 const char *path,
                 guint       length,
                 guint      *start,
                 guint      *end,
                 GError    **error)
{
  gint64 s, e;

  if (!get_integer (object, path, "start", &s, error) ||
      !get_integer (object, path, "end", &e, error))
    return FALSE;
  if (s < 0 || e < 0)
    set_error_at (error, DESK_JSON_ERROR_INVALID, path,
                  _("start %lld and end %lld cannot be negative"), (long long) s, (long long) e);
  else if (e > length)
    set_error_at (error, DESK_JSON_ERROR_INVALID, path,
                  ngettext ("end %lld is past the end of the text (%u character)",
                            "end %lld is past the end of the text (%u characters)", length),
                  (long long) e, length);
  else if (s >= e)
    set_error_at (error, DESK_JSON_ERROR_INVALID, path,
                  _("start %lld is not before end %lld"), (long long) s, (long long) e);
  else
    {
      *start = (guint) s;
      *end = (guint) e;
      return TRUE;
    }
  return FALSE;
}

typedef gboolean (*ReadElement) (JsonNode    *node,
                                 const char  *path,
                                 gpointer     target,
                                 GError     **error);

/* Reads each element of the list at @key into @target; no @key is an empty list. */
static gboolean
read_list (JsonObject  *object,
           const char  *path,
           const char  *key,
           ReadElement  read,
           gpointer     target,
           GError     **error)
{
  JsonArray *array;

  if (!json_object_has_member (object, key))
    return TRUE;
  if ((array = get_array (object, path, key, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = element_path (path, key, i);

      if (!read (json_array_get_element (array, i), where, target, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  DeskBlock *block;
  guint length;   /* of its text, in characters */
} MarkTarget;

static gboolean
read_mark (JsonNode    *node,
           const char  *path,
           gpointer     target,
           GError     **error)
{
  MarkTarget *marks = target;
  JsonObject *object = expect_object (node, path, mark_keys, error);
  const char *type, *href = NULL;
  DeskMarkKind kind;
  guint start, end;

  if (object == NULL || !get_string (object, path, "type", &type, error))
    return FALSE;
  if (!desk_mark_kind_from_string (type, &kind))
    {
      set_member_error (error, path, "type",
                        _("unknown mark type “%s” (expected em, strong or link)"), type);
      return FALSE;
    }
  if (!read_mark_range (object, path, marks->length, &start, &end, error))
    return FALSE;
  if (kind == DESK_MARK_LINK)
    {
      if (!get_string (object, path, "href", &href, error))
        return FALSE;
      if (href[0] == '\0')
        {
          set_error_at (error, DESK_JSON_ERROR_INVALID, path, _("a link needs an href"));
          return FALSE;
        }
      if (!check_url (href, path, "href", error))
        return FALSE;
    }
  else if (json_object_has_member (object, "href"))
    {
      set_error_at (error, DESK_JSON_ERROR_INVALID, path, _("only a link has an href"));
      return FALSE;
    }
  desk_block_add_mark (marks->block, kind, start, end, href);
  return TRUE;
}

static DeskBlock *
read_block (JsonNode   *node,
            const char *path,
            GError    **error)
{
  JsonObject *object = expect_object (node, path, block_keys, error);
  g_autoptr (DeskBlock) block = NULL;
  const char *type, *text, *attribution;
  DeskBlockKind kind;
  MarkTarget marks;

  if (object == NULL || !get_string (object, path, "type", &type, error) ||
      !get_string (object, path, "text", &text, error) ||
      !get_string (object, path, "attribution", &attribution, error))
    return NULL;
  if (!desk_block_kind_from_string (type, &kind))
    {
      set_member_error (error, path, "type",
                        _("unknown block type “%s” (expected paragraph, subheading, quote or "
                          "pullquote)"), type);
      return NULL;
    }
  block = desk_block_new (kind, text);
  if (attribution[0] && !desk_block_has_attribution (block))
    {
      set_member_error (error, path, "attribution",
                        _("only a quote or a pull quote has an attribution"));
      return NULL;
    }
  desk_block_set_attribution (block, attribution);
  marks = (MarkTarget) { block, desk_block_get_length (block) };
  if (!read_list (object, path, "marks", read_mark, &marks, error))
    return NULL;
  return g_steal_pointer (&block);
}

static gboolean
read_body_block (JsonNode    *node,
                 const char  *path,
                 gpointer     blocks,
                 GError     **error)
{
  DeskBlock *block = read_block (node, path, error);

  if (block == NULL)
    return FALSE;
  g_ptr_array_add (blocks, block);
  return TRUE;
}

static gboolean
read_body (JsonObject  *object,
           const char  *path,
           DeskArticle *article,
           GError     **error)
{
  g_autoptr (GPtrArray) blocks = NULL;

  if (!json_object_has_member (object, "body"))
    return TRUE;
  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_block_unref);
  if (!read_list (object, path, "body", read_body_block, blocks, error))
    return FALSE;
  desk_article_take_blocks (article, g_steal_pointer (&blocks));
  return TRUE;
}

static DeskRelated *
read_library_link (JsonObject *object,
                   const char *path,
                   GError    **error)
{
  gint64 id;

  if (json_object_get_size (object) != 1)
    {
      set_error_at (error, DESK_JSON_ERROR_INVALID, path,
                    _("a story of the library is named by its id alone"));
      return NULL;
    }
  if (!get_integer (object, path, "id", &id, error))
    return NULL;
  if (id <= 0)
    {
      set_member_error (error, path, "id", _("%lld is not a story id"), (long long) id);
      return NULL;
    }
  return desk_related_new (id, NULL, NULL, NULL, NULL);
}

static DeskRelated *
read_teaser (JsonNode   *node,
             const char *path,
             GError    **error)
{
  JsonObject *object;
  const char *kicker, *headline, *deck, *url;

  if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "id"))
    return read_library_link (json_node_get_object (node), path, error);
  if ((object = expect_object (node, path, teaser_keys, error)) == NULL ||
      !get_string (object, path, "kicker", &kicker, error) ||
      !get_string (object, path, "headline", &headline, error) ||
      !get_string (object, path, "deck", &deck, error) ||
      !get_string (object, path, "url", &url, error) || !check_url (url, path, "url", error))
    return NULL;
  if (headline[0] == '\0')
    {
      set_member_error (error, path, "headline", _("a related story needs an id or a headline"));
      return NULL;
    }
  return desk_related_new (0, kicker, headline, deck, url);
}

static gboolean
append_related (JsonNode    *node,
                const char  *path,
                gpointer     article,
                GError     **error)
{
  g_autoptr (DeskRelated) teaser = read_teaser (node, path, error);

  if (teaser == NULL)
    return FALSE;
  desk_article_append_related (article, teaser);
  return TRUE;
}

static gboolean
read_dateline (JsonObject  *story,
               const char  *path,
               DeskArticle *article,
               GError     **error)
{
  g_autofree char *where = member_path (path, "dateline");
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  JsonNode *node = json_object_get_member (story, "dateline");
  JsonObject *object;
  const char *place, *date, *credit;

  if (node == NULL)
    return TRUE;
  if ((object = expect_object (node, where, dateline_keys, error)) == NULL ||
      !get_string (object, where, "place", &place, error) ||
      !get_string (object, where, "date", &date, error) ||
      !get_string (object, where, "credit", &credit, error))
    return FALSE;
  if (!desk_dateline_set_date (dateline, date))
    {
      set_member_error (error, where, "date",
                        _("“%s” is not a date (expected YYYY-MM-DD, or --MM-DD without a year)"),
                        date);
      return FALSE;
    }
  desk_dateline_set_place (dateline, place);
  desk_dateline_set_credit (dateline, credit);
  desk_article_set_dateline (article, dateline);
  return TRUE;
}

static gboolean
read_source (JsonObject  *story,
             const char  *path,
             DeskArticle *article,
             GError     **error)
{
  g_autofree char *where = member_path (path, "source");
  JsonNode *node = json_object_get_member (story, "source");
  JsonObject *object;
  const char *name, *url;

  if (node == NULL)
    return TRUE;
  if ((object = expect_object (node, where, source_keys, error)) == NULL ||
      !get_string (object, where, "name", &name, error) ||
      !get_string (object, where, "url", &url, error) || !check_url (url, where, "url", error))
    return FALSE;
  desk_article_set_source_name (article, name);
  desk_article_set_source_url (article, url);
  return TRUE;
}

static gboolean
language_is_valid (const char *tag)
{
  gsize n = strlen (tag);

  if (n > 35)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (tag[i]) && !(i > 0 && (tag[i] == '-' || tag[i] == '_')))
      return FALSE;
  return TRUE;
}

static gboolean
read_language_and_status (JsonObject  *object,
                          const char  *path,
                          DeskArticle *article,
                          GError     **error)
{
  const char *language, *status;
  DeskStatus value;

  if (!get_string (object, path, "language", &language, error) ||
      !get_string (object, path, "status", &status, error))
    return FALSE;
  if (!language_is_valid (language))
    {
      set_member_error (error, path, "language",
                        _("“%s” is not a language tag such as en or sq-AL"), language);
      return FALSE;
    }
  if (json_object_has_member (object, "language"))
    desk_article_set_language (article, language);
  if (!json_object_has_member (object, "status"))
    value = DESK_STATUS_DRAFT;
  else if (!desk_status_from_string (status, &value))
    {
      set_member_error (error, path, "status",
                        _("unknown status “%s” (expected draft, editing, ready or published)"),
                        status);
      return FALSE;
    }
  desk_article_set_status (article, value);
  return TRUE;
}

static gboolean
read_time (JsonObject *object,
           const char *path,
           const char *key,
           gint64     *unix_time,
           GError    **error)
{
  const char *text;

  *unix_time = 0;
  if (!get_string (object, path, key, &text, error))
    return FALSE;
  if (text[0] != '\0' && !desk_json_parse_time (text, unix_time))
    {
      set_member_error (error, path, key,
                        _("“%s” is not a time such as 2026-11-28T09:00:00Z"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_metadata (JsonObject  *object,
               const char  *path,
               DeskArticle *article,
               GError     **error)
{
  static const struct {
    const char *key;
    void (*set) (DeskArticle *, const char *);
  } fields[] = {
    { "headline", desk_article_set_headline }, { "kicker", desk_article_set_kicker },
    { "deck", desk_article_set_deck },         { "byline", desk_article_set_byline },
    { "tagline", desk_article_set_tagline },   { "note", desk_article_set_note },
  };
  gint64 id = 0, created, modified;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value;

      if (!get_string (object, path, fields[i].key, &value, error))
        return FALSE;
      fields[i].set (article, value);
    }
  if (json_object_has_member (object, "id") && !get_integer (object, path, "id", &id, error))
    return FALSE;
  if (!read_time (object, path, "created", &created, error) ||
      !read_time (object, path, "modified", &modified, error))
    return FALSE;
  desk_article_set_id (article, MAX (id, 0));
  desk_article_set_created (article, created);
  desk_article_set_modified (article, modified);
  return TRUE;
}

static DeskArticle *
read_story (JsonNode   *node,
            const char *path,
            GError    **error)
{
  g_autoptr (DeskArticle) article = desk_article_new ();
  JsonObject *object = expect_object (node, path, story_keys, error);

  if (object == NULL || !read_metadata (object, path, article, error) ||
      !read_dateline (object, path, article, error) ||
      !read_language_and_status (object, path, article, error) ||
      !read_source (object, path, article, error) || !read_body (object, path, article, error) ||
      !read_list (object, path, "related", append_related, article, error))
    return NULL;
  return g_steal_pointer (&article);
}

static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

static void set_syntax_error (GError    **error,
                              const char *data,
                              gsize       offset,
                              const char *format,
                              ...) G_GNUC_PRINTF (4, 5);

static void
set_syntax_error (GError    **error,
                  const char *data,
                  gsize       offset,
                  const char *format,
                  ...)
{
  g_autofree char *why = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  locate (data, offset, &line, &column);
  g_set_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_SYNTAX, _("line %u, column %u: %s"),
               line, column, why);
}

/* What json-glib would not catch, or would crash on: bytes that are not
 * UTF-8, NUL characters that would cut a string short, and nesting deep
 * enough to exhaust the parser's stack. */
static gboolean
prescan (const char *data,
         gsize       length,
         GError    **error)
{
  const char *end;
  gboolean in_string = FALSE;
  guint depth = 0;

  if (!g_utf8_validate_len (data, length, &end))
    {
      set_syntax_error (error, data, end - data,
                        *end ? _("not valid UTF-8 text") : _("a NUL byte in the text"));
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    {
      if (in_string && data[i] == '\\')
        {
          if (i + 5 < length && strncmp (data + i + 1, "u0000", 5) == 0)
            {
              set_syntax_error (error, data, i, _("a string holds the NUL character \\u0000"));
              return FALSE;
            }
          i++;
        }
      else if (data[i] == '"')
        in_string = !in_string;
      else if (!in_string && (data[i] == '{' || data[i] == '['))
        {
          if (++depth > DESK_JSON_MAX_DEPTH)
            {
              set_syntax_error (error, data, i,
                                ngettext ("nested more than %d level deep",
                                          "nested more than %d levels deep", DESK_JSON_MAX_DEPTH),
                                DESK_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (!in_string && (data[i] == '}' || data[i] == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* json-glib says "<data>:3:10: Parse error: unexpected …"; say it our way. */
static void
set_parse_error (GError **error,
                 GError  *parse_error)
{
  guint line, column;
  int consumed = 0;

  if (sscanf (parse_error->message, "<data>:%u:%u: Parse error: %n", &line, &column,
              &consumed) == 2 && consumed > 0)
    g_set_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_SYNTAX,
                 _("line %u, column %u: not valid JSON: %s"), line, column,
                 parse_error->message + consumed);
  else
    g_set_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_SYNTAX, _("not valid JSON: %s"),
                 parse_error->message);
}

static JsonNode *
parse (const char *data,
       gssize      length,
       GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) parse_error = NULL;
  gsize n = length < 0 ? strlen (data) : (gsize) length;

  if (n > DESK_JSON_MAX_INPUT)
    {
      g_set_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_TOO_LARGE,
                   ngettext ("%zu byte is over the limit of %d MiB for one import",
                             "%zu bytes is over the limit of %d MiB for one import", n),
                   n, DESK_JSON_MAX_INPUT / (1024 * 1024));
      return NULL;
    }
  if (n >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      n -= 3;
    }
  if (!prescan (data, n, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, n, &parse_error))
    {
      set_parse_error (error, parse_error);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, DESK_JSON_ERROR, DESK_JSON_ERROR_SYNTAX,
                           _("there is no JSON in it"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/**
 * desk_json_read_articles:
 * @data: one story (a JSON object) or a list of stories
 *
 * Returns: (transfer full): the stories, in order, with the ids and times
 * the input gave; or %NULL with a #DESK_JSON_ERROR naming what is wrong
 * and where.
 */
GPtrArray *
desk_json_read_articles (const char *data,
                         gssize      length,
                         GError    **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  JsonArray *list;

  g_return_val_if_fail (data != NULL, NULL);

  if ((root = parse (data, length, error)) == NULL)
    return NULL;
  articles = g_ptr_array_new_with_free_func (g_object_unref);
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      DeskArticle *article = read_story (root, "", error);

      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
      return g_steal_pointer (&articles);
    }
  if (!JSON_NODE_HOLDS_ARRAY (root) || json_array_get_length (json_node_get_array (root)) == 0)
    {
      g_set_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_INVALID,
                   /* Translators: %s is the kind of JSON value found: "a number",
                    * "an empty list", … */
                   _("expected a story (an object) or a list of stories, found %s"),
                   /* Translators: a JSON list with nothing in it, fills "found %s" */
                   JSON_NODE_HOLDS_ARRAY (root) ? _("an empty list") : describe_node (root));
      return NULL;
    }
  list = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *where = element_path ("", NULL, i);
      DeskArticle *article = read_story (json_array_get_element (list, i), where, error);

      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
    }
  return g_steal_pointer (&articles);
}

/* Exactly one story: a list is accepted when it holds one. */
DeskArticle *
desk_json_read_article (const char *data,
                        gssize      length,
                        GError    **error)
{
  g_autoptr (GPtrArray) articles = desk_json_read_articles (data, length, error);

  if (articles == NULL)
    return NULL;
  if (articles->len != 1)
    {
      g_set_error (error, DESK_JSON_ERROR, DESK_JSON_ERROR_INVALID,
                   /* Translators: %u is never 1 */
                   ngettext ("expected one story, found %u", "expected one story, found %u",
                             articles->len),
                   articles->len);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (articles, 0));
}
