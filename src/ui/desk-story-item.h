/* desk-story-item.h — one row of the library list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-summary.h"

G_BEGIN_DECLS

#define DESK_TYPE_STORY_ITEM (desk_story_item_get_type ())

G_DECLARE_FINAL_TYPE (DeskStoryItem, desk_story_item, DESK, STORY_ITEM, GObject)

/* A placeholder stands for a row whose page is still being fetched; it
 * becomes a loaded item in place when desk_story_item_set_summary() fills it. */
DeskStoryItem *desk_story_item_new_placeholder (void);
DeskStoryItem *desk_story_item_new             (const DeskSummary *summary);
void           desk_story_item_set_summary     (DeskStoryItem     *self,
                                                const DeskSummary *summary);

gboolean       desk_story_item_get_loaded      (DeskStoryItem     *self);
gint64         desk_story_item_get_id          (DeskStoryItem     *self);
const char    *desk_story_item_get_headline    (DeskStoryItem     *self);
const char    *desk_story_item_get_kicker      (DeskStoryItem     *self);
DeskStatus     desk_story_item_get_status      (DeskStoryItem     *self);
gint64         desk_story_item_get_modified    (DeskStoryItem     *self);
guint          desk_story_item_get_words       (DeskStoryItem     *self);

G_END_DECLS
