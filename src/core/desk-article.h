/* desk-article.h — a story: its metadata and ordered body blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-block.h"
#include "desk-dateline.h"
#include "desk-related.h"

G_BEGIN_DECLS

typedef enum {
  DESK_STATUS_DRAFT,
  DESK_STATUS_EDITING,
  DESK_STATUS_READY,
  DESK_STATUS_PUBLISHED,
} DeskStatus;

#define DESK_N_STATUSES 4

#define DESK_TYPE_ARTICLE (desk_article_get_type ())

G_DECLARE_FINAL_TYPE (DeskArticle, desk_article, DESK, ARTICLE, GObject)

DeskArticle        *desk_article_new            (void);
DeskArticle        *desk_article_copy           (DeskArticle        *self);
gboolean            desk_article_equal_content  (DeskArticle        *a,
                                                 DeskArticle        *b);

gint64              desk_article_get_id         (DeskArticle        *self);
void                desk_article_set_id         (DeskArticle        *self,
                                                 gint64              id);
const char         *desk_article_get_headline   (DeskArticle        *self);
void                desk_article_set_headline   (DeskArticle        *self,
                                                 const char         *headline);
const char         *desk_article_get_kicker     (DeskArticle        *self);
void                desk_article_set_kicker     (DeskArticle        *self,
                                                 const char         *kicker);
const char         *desk_article_get_deck       (DeskArticle        *self);
void                desk_article_set_deck       (DeskArticle        *self,
                                                 const char         *deck);
const char         *desk_article_get_byline     (DeskArticle        *self);
void                desk_article_set_byline     (DeskArticle        *self,
                                                 const char         *byline);
const char         *desk_article_get_language   (DeskArticle        *self);
void                desk_article_set_language   (DeskArticle        *self,
                                                 const char         *language);
const char         *desk_article_get_source_name (DeskArticle       *self);
void                desk_article_set_source_name (DeskArticle       *self,
                                                  const char        *name);
const char         *desk_article_get_source_url (DeskArticle        *self);
void                desk_article_set_source_url (DeskArticle        *self,
                                                 const char         *url);
const char         *desk_article_get_tagline    (DeskArticle        *self);
void                desk_article_set_tagline    (DeskArticle        *self,
                                                 const char         *tagline);
const char         *desk_article_get_note       (DeskArticle        *self);
void                desk_article_set_note       (DeskArticle        *self,
                                                 const char         *note);
DeskStatus          desk_article_get_status     (DeskArticle        *self);
void                desk_article_set_status     (DeskArticle        *self,
                                                 DeskStatus          status);
gint64              desk_article_get_created    (DeskArticle        *self);
void                desk_article_set_created    (DeskArticle        *self,
                                                 gint64              unix_time);
gint64              desk_article_get_modified   (DeskArticle        *self);
void                desk_article_set_modified   (DeskArticle        *self,
                                                 gint64              unix_time);

const DeskDateline *desk_article_get_dateline   (DeskArticle        *self);
void                desk_article_set_dateline   (DeskArticle        *self,
                                                 const DeskDateline *dateline);

guint               desk_article_get_n_blocks   (DeskArticle        *self);
DeskBlock          *desk_article_get_block      (DeskArticle        *self,
                                                 guint               index);
void                desk_article_append_block   (DeskArticle        *self,
                                                 DeskBlock          *block);
void                desk_article_take_blocks    (DeskArticle        *self,
                                                 GPtrArray          *blocks);
void                desk_article_clear_blocks   (DeskArticle        *self);

guint               desk_article_get_n_related  (DeskArticle        *self);
const DeskRelated  *desk_article_get_related    (DeskArticle        *self,
                                                 guint               index);
void                desk_article_append_related (DeskArticle        *self,
                                                 const DeskRelated  *related);
void                desk_article_clear_related  (DeskArticle        *self);

guint               desk_article_count_words    (DeskArticle        *self);
char               *desk_article_dup_body_text  (DeskArticle        *self);

const char         *desk_status_to_string       (DeskStatus          status);
gboolean            desk_status_from_string     (const char         *str,
                                                 DeskStatus         *status);

G_END_DECLS
