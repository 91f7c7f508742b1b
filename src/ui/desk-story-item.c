/* desk-story-item.c — one row of the library list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include "desk-story-item.h"

struct _DeskStoryItem
{
  GObject parent_instance;

  DeskSummary *summary; /* NULL while a placeholder */
};

G_DEFINE_FINAL_TYPE (DeskStoryItem, desk_story_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  PROP_ID,
  PROP_HEADLINE,
  PROP_KICKER,
  PROP_STATUS,
  PROP_MODIFIED,
  PROP_WORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_story_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskStoryItem *self = DESK_STORY_ITEM (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, desk_story_item_get_loaded (self));
      break;
    case PROP_ID:
      g_value_set_int64 (value, desk_story_item_get_id (self));
      break;
    case PROP_HEADLINE:
      g_value_set_string (value, desk_story_item_get_headline (self));
      break;
    case PROP_KICKER:
      g_value_set_string (value, desk_story_item_get_kicker (self));
      break;
    case PROP_STATUS:
      g_value_set_int (value, desk_story_item_get_status (self));
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, desk_story_item_get_modified (self));
      break;
    case PROP_WORDS:
      g_value_set_uint (value, desk_story_item_get_words (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_story_item_finalize (GObject *object)
{
  DeskStoryItem *self = DESK_STORY_ITEM (object);

  g_clear_pointer (&self->summary, desk_summary_free);

  G_OBJECT_CLASS (desk_story_item_parent_class)->finalize (object);
}

static void
desk_story_item_class_init (DeskStoryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = desk_story_item_get_property;
  object_class->finalize = desk_story_item_finalize;

  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HEADLINE] = g_param_spec_string ("headline", NULL, NULL, "", flags);
  properties[PROP_KICKER] = g_param_spec_string ("kicker", NULL, NULL, "", flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, DESK_N_STATUSES - 1,
                                              DESK_STATUS_DRAFT, flags);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL,
                                                  G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_WORDS] = g_param_spec_uint ("words", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_story_item_init (DeskStoryItem *self)
{
}

DeskStoryItem *
desk_story_item_new_placeholder (void)
{
  return g_object_new (DESK_TYPE_STORY_ITEM, NULL);
}

DeskStoryItem *
desk_story_item_new (const DeskSummary *summary)
{
  DeskStoryItem *self = desk_story_item_new_placeholder ();

  g_return_val_if_fail (summary != NULL, self);

  self->summary = desk_summary_copy (summary);
  return self;
}

/* Fills a placeholder (or refreshes an item) and tells whoever shows it. */
void
desk_story_item_set_summary (DeskStoryItem     *self,
                             const DeskSummary *summary)
{
  g_return_if_fail (DESK_IS_STORY_ITEM (self));
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&self->summary, desk_summary_free);
  self->summary = desk_summary_copy (summary);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_LOADED; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
desk_story_item_get_loaded (DeskStoryItem *self)
{
  g_return_val_if_fail (DESK_IS_STORY_ITEM (self), FALSE);
  return self->summary != NULL;
}

gint64
desk_story_item_get_id (DeskStoryItem *self)
{
  g_return_val_if_fail (DESK_IS_STORY_ITEM (self), 0);
  return self->summary ? self->summary->id : 0;
}

const char *
desk_story_item_get_headline (DeskStoryItem *self)
{
  g_return_val_if_fail (DESK_IS_STORY_ITEM (self), "");
  return self->summary ? self->summary->headline : "";
}

const char *
desk_story_item_get_kicker (DeskStoryItem *self)
{
  g_return_val_if_fail (DESK_IS_STORY_ITEM (self), "");
  return self->summary ? self->summary->kicker : "";
}

DeskStatus
desk_story_item_get_status (DeskStoryItem *self)
{
  g_return_val_if_fail (DESK_IS_STORY_ITEM (self), DESK_STATUS_DRAFT);
  return self->summary ? self->summary->status : DESK_STATUS_DRAFT;
}

gint64
desk_story_item_get_modified (DeskStoryItem *self)
{
  g_return_val_if_fail (DESK_IS_STORY_ITEM (self), 0);
  return self->summary ? self->summary->modified : 0;
}

guint
desk_story_item_get_words (DeskStoryItem *self)
{
  g_return_val_if_fail (DESK_IS_STORY_ITEM (self), 0);
  return self->summary ? self->summary->words : 0;
}
