/* desk-article.c — a story: its metadata and ordered body blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-article"

#include "config.h"

#include <string.h>

#include "desk-article.h"
#include "desk-error.h"
#include "desk-words.h"

typedef enum {
  FIELD_HEADLINE,
  FIELD_KICKER,
  FIELD_DECK,
  FIELD_BYLINE,
  FIELD_LANGUAGE,
  FIELD_SOURCE_NAME,
  FIELD_SOURCE_URL,
  FIELD_TAGLINE,
  FIELD_NOTE,
  N_FIELDS
} Field;

struct _DeskArticle
{
  GObject parent_instance;

  gint64 id;
  char *fields[N_FIELDS];
  DeskStatus status;
  DeskDateline *dateline;
  GPtrArray *blocks;  /* of DeskBlock */
  GPtrArray *related; /* of DeskRelated */
  gint64 created;
  gint64 modified;
};

G_DEFINE_TYPE (DeskArticle, desk_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* the string fields first, in the order of Field */
  PROP_HEADLINE,
  PROP_KICKER,
  PROP_DECK,
  PROP_BYLINE,
  PROP_LANGUAGE,
  PROP_SOURCE_NAME,
  PROP_SOURCE_URL,
  PROP_TAGLINE,
  PROP_NOTE,
  PROP_ID,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *status_names[] = { "draft", "editing", "ready", "published" };

G_DEFINE_QUARK (desk-model-error-quark, desk_model_error)

/* g_set_str () arrived in GLib 2.76, after our floor. */
static gboolean
replace_string (char       **ptr,
                const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

static void
desk_article_finalize (GObject *object)
{
  DeskArticle *self = DESK_ARTICLE (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  desk_dateline_free (self->dateline);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->related);

  G_OBJECT_CLASS (desk_article_parent_class)->finalize (object);
}

static void
desk_article_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskArticle *self = DESK_ARTICLE (object);

  if (prop_id >= PROP_HEADLINE && prop_id < PROP_HEADLINE + N_FIELDS)
    g_value_set_string (value, self->fields[prop_id - PROP_HEADLINE]);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_STATUS)
    g_value_set_int (value, self->status);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void set_field (DeskArticle *self, Field field, const char *value);

static void
desk_article_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskArticle *self = DESK_ARTICLE (object);

  if (prop_id >= PROP_HEADLINE && prop_id < PROP_HEADLINE + N_FIELDS)
    set_field (self, prop_id - PROP_HEADLINE, g_value_get_string (value));
  else if (prop_id == PROP_ID)
    desk_article_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_STATUS)
    desk_article_set_status (self, g_value_get_int (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
desk_article_class_init (DeskArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *field_names[N_FIELDS] = {
    "headline", "kicker", "deck", "byline", "language", "source-name", "source-url",
    "tagline", "note",
  };
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = desk_article_finalize;
  object_class->get_property = desk_article_get_property;
  object_class->set_property = desk_article_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_HEADLINE + i] = g_param_spec_string (field_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, DESK_STATUS_DRAFT,
                                              DESK_STATUS_PUBLISHED, DESK_STATUS_DRAFT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_article_init (DeskArticle *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
  set_field (self, FIELD_LANGUAGE, "en");
  self->dateline = desk_dateline_new ();
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_block_unref);
  self->related = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_related_free);
}

DeskArticle *
desk_article_new (void)
{
  return g_object_new (DESK_TYPE_ARTICLE, NULL);
}

/* Deep copy: a snapshot that can be handed to a save thread while the
 * editor goes on changing the original. */
DeskArticle *
desk_article_copy (DeskArticle *self)
{
  DeskArticle *copy;

  g_return_val_if_fail (DESK_IS_ARTICLE (self), NULL);

  copy = desk_article_new ();
  copy->id = self->id;
  for (guint i = 0; i < N_FIELDS; i++)
    replace_string (&copy->fields[i], self->fields[i]);
  copy->status = self->status;
  desk_article_set_dateline (copy, self->dateline);
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (copy->blocks, desk_block_copy (g_ptr_array_index (self->blocks, i)));
  for (guint i = 0; i < self->related->len; i++)
    g_ptr_array_add (copy->related, desk_related_copy (g_ptr_array_index (self->related, i)));
  copy->created = self->created;
  copy->modified = self->modified;
  return copy;
}

/* Everything a reader of the story sees; the id and timestamps aside. */
gboolean
desk_article_equal_content (DeskArticle *a,
                            DeskArticle *b)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (a), FALSE);
  g_return_val_if_fail (DESK_IS_ARTICLE (b), FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    if (strcmp (a->fields[i], b->fields[i]) != 0)
      return FALSE;
  if (a->status != b->status || !desk_dateline_equal (a->dateline, b->dateline) ||
      a->blocks->len != b->blocks->len || a->related->len != b->related->len)
    return FALSE;
  for (guint i = 0; i < a->blocks->len; i++)
    if (!desk_block_equal (g_ptr_array_index (a->blocks, i), g_ptr_array_index (b->blocks, i)))
      return FALSE;
  for (guint i = 0; i < a->related->len; i++)
    if (!desk_related_equal (g_ptr_array_index (a->related, i),
                             g_ptr_array_index (b->related, i)))
      return FALSE;
  return TRUE;
}

static void
set_field (DeskArticle *self,
           Field        field,
           const char  *value)
{
  g_assert (field < N_FIELDS);

  if (replace_string (&self->fields[field], value ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADLINE + field]);
}

#define DEFINE_FIELD_ACCESSORS(name, FIELD)                                   \
  const char *desk_article_get_##name (DeskArticle *self)                     \
  {                                                                           \
    g_return_val_if_fail (DESK_IS_ARTICLE (self), "");                        \
    return self->fields[FIELD];                                               \
  }                                                                           \
  void desk_article_set_##name (DeskArticle *self, const char *value)         \
  {                                                                           \
    g_return_if_fail (DESK_IS_ARTICLE (self));                                \
    set_field (self, FIELD, value);                                           \
  }

DEFINE_FIELD_ACCESSORS (headline, FIELD_HEADLINE)
DEFINE_FIELD_ACCESSORS (kicker, FIELD_KICKER)
DEFINE_FIELD_ACCESSORS (deck, FIELD_DECK)
DEFINE_FIELD_ACCESSORS (byline, FIELD_BYLINE)
DEFINE_FIELD_ACCESSORS (language, FIELD_LANGUAGE)
DEFINE_FIELD_ACCESSORS (source_name, FIELD_SOURCE_NAME)
DEFINE_FIELD_ACCESSORS (source_url, FIELD_SOURCE_URL)
DEFINE_FIELD_ACCESSORS (tagline, FIELD_TAGLINE)
DEFINE_FIELD_ACCESSORS (note, FIELD_NOTE)

gint64
desk_article_get_id (DeskArticle *self)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), 0);
  return self->id;
}

void
desk_article_set_id (DeskArticle *self,
                     gint64       id)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

DeskStatus
desk_article_get_status (DeskArticle *self)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), DESK_STATUS_DRAFT);
  return self->status;
}

void
desk_article_set_status (DeskArticle *self,
                         DeskStatus   status)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  g_return_if_fail (status <= DESK_STATUS_PUBLISHED);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
desk_article_get_created (DeskArticle *self)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), 0);
  return self->created;
}

void
desk_article_set_created (DeskArticle *self,
                          gint64       unix_time)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  self->created = unix_time;
}

gint64
desk_article_get_modified (DeskArticle *self)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), 0);
  return self->modified;
}

void
desk_article_set_modified (DeskArticle *self,
                           gint64       unix_time)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  self->modified = unix_time;
}

const DeskDateline *
desk_article_get_dateline (DeskArticle *self)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), NULL);
  return self->dateline;
}

void
desk_article_set_dateline (DeskArticle        *self,
                           const DeskDateline *dateline)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  g_return_if_fail (dateline != NULL);

  if (dateline == self->dateline)
    return;
  desk_dateline_free (self->dateline);
  self->dateline = desk_dateline_copy (dateline);
}

guint
desk_article_get_n_blocks (DeskArticle *self)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), 0);
  return self->blocks->len;
}

DeskBlock *
desk_article_get_block (DeskArticle *self,
                        guint        index)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

/* Takes a reference of its own. */
void
desk_article_append_block (DeskArticle *self,
                           DeskBlock   *block)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  g_return_if_fail (block != NULL);

  g_ptr_array_add (self->blocks, desk_block_ref (block));
}

/* Replaces the body with @blocks (of DeskBlock, with a free function),
 * taking ownership of the array. */
void
desk_article_take_blocks (DeskArticle *self,
                          GPtrArray   *blocks)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  g_return_if_fail (blocks != NULL);

  g_ptr_array_unref (self->blocks);
  self->blocks = blocks;
}

void
desk_article_clear_blocks (DeskArticle *self)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  g_ptr_array_set_size (self->blocks, 0);
}

guint
desk_article_get_n_related (DeskArticle *self)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), 0);
  return self->related->len;
}

const DeskRelated *
desk_article_get_related (DeskArticle *self,
                          guint        index)
{
  g_return_val_if_fail (DESK_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->related->len, NULL);

  return g_ptr_array_index (self->related, index);
}

void
desk_article_append_related (DeskArticle       *self,
                             const DeskRelated *related)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  g_return_if_fail (related != NULL);

  g_ptr_array_add (self->related, desk_related_copy (related));
}

void
desk_article_clear_related (DeskArticle *self)
{
  g_return_if_fail (DESK_IS_ARTICLE (self));
  g_ptr_array_set_size (self->related, 0);
}

/* Words of the body, attributions included, as the story's language counts them. */
guint
desk_article_count_words (DeskArticle *self)
{
  const char *language;
  guint n = 0;

  g_return_val_if_fail (DESK_IS_ARTICLE (self), 0);

  language = self->fields[FIELD_LANGUAGE];
  for (guint i = 0; i < self->blocks->len; i++)
    {
      DeskBlock *block = g_ptr_array_index (self->blocks, i);

      n += desk_words_count (desk_block_get_text (block), -1, language);
      n += desk_words_count (desk_block_get_attribution (block), -1, language);
    }
  return n;
}

/* The body as plain text, one block a line: what full-text search indexes. */
char *
desk_article_dup_body_text (DeskArticle *self)
{
  GString *text;

  g_return_val_if_fail (DESK_IS_ARTICLE (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      DeskBlock *block = g_ptr_array_index (self->blocks, i);
      const char *attribution = desk_block_get_attribution (block);

      g_string_append (text, desk_block_get_text (block));
      if (attribution[0])
        g_string_append_printf (text, "\n%s", attribution);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

const char *
desk_status_to_string (DeskStatus status)
{
  g_return_val_if_fail (status <= DESK_STATUS_PUBLISHED, "draft");
  return status_names[status];
}

gboolean
desk_status_from_string (const char *str,
                         DeskStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (str, status_names[i]) == 0)
      {
        *status = (DeskStatus) i;
        return TRUE;
      }
  return FALSE;
}
