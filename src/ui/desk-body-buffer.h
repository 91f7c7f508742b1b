/* desk-body-buffer.h — the story body as one text buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-block.h"
#include "desk-dateline.h"

G_BEGIN_DECLS

/* The style of one paragraph of the buffer. An attribution line under a
 * quote or pull quote becomes that block's attribution when serialised. */
typedef enum {
  DESK_PARA_PARAGRAPH,
  DESK_PARA_SUBHEADING,
  DESK_PARA_QUOTE,
  DESK_PARA_PULLQUOTE,
  DESK_PARA_ATTRIBUTION,
} DeskParaStyle;

#define DESK_N_PARA_STYLES 5

#define DESK_TYPE_BODY_BUFFER (desk_body_buffer_get_type ())

G_DECLARE_FINAL_TYPE (DeskBodyBuffer, desk_body_buffer, DESK, BODY_BUFFER, GtkTextBuffer)

DeskBodyBuffer *desk_body_buffer_new              (void);

/* Replaces the whole text; not undoable. @blocks holds DeskBlock. */
void            desk_body_buffer_load             (DeskBodyBuffer    *self,
                                                   GPtrArray         *blocks);
/* Replaces the whole text as one undoable step. */
void            desk_body_buffer_replace          (DeskBodyBuffer    *self,
                                                   GPtrArray         *blocks);
/* The body as DeskBlocks, in one pass over the lines. Empty paragraphs
 * are left out. */
GPtrArray      *desk_body_buffer_dup_blocks       (DeskBodyBuffer    *self);
gboolean        desk_body_buffer_is_empty         (DeskBodyBuffer    *self);

DeskParaStyle   desk_body_buffer_get_style        (DeskBodyBuffer    *self,
                                                   const GtkTextIter *iter);
/* Gives every paragraph touched by [start, end] the style @style. */
void            desk_body_buffer_set_style        (DeskBodyBuffer    *self,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end,
                                                   DeskParaStyle      style);
const char     *desk_para_style_to_label          (DeskParaStyle      style);

/* em and strong: removes the mark when it covers all of [start, end),
 * else applies it there. */
void            desk_body_buffer_toggle_mark      (DeskBodyBuffer    *self,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end,
                                                   DeskMarkKind       kind);
gboolean        desk_body_buffer_has_mark         (DeskBodyBuffer    *self,
                                                   const GtkTextIter *iter,
                                                   DeskMarkKind       kind);
/* Links: @href NULL or "" removes links from the range. Returns FALSE,
 * changing nothing, for an href that is not http, https or mailto. */
gboolean        desk_body_buffer_set_link         (DeskBodyBuffer    *self,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end,
                                                   const char        *href);
/* The href of the link at @iter (and its extent), or NULL. */
const char     *desk_body_buffer_get_link         (DeskBodyBuffer    *self,
                                                   const GtkTextIter *iter,
                                                   GtkTextIter       *start,
                                                   GtkTextIter       *end);

/* Undo and redo of text, paragraph styles and marks alike (GTK's own
 * text-only history is off). "history-can-undo" and "history-can-redo"
 * follow what they can do. Each returns FALSE when there was nothing. */
gboolean        desk_body_buffer_undo             (DeskBodyBuffer    *self);
gboolean        desk_body_buffer_redo             (DeskBodyBuffer    *self);
gboolean        desk_body_buffer_can_undo         (DeskBodyBuffer    *self);
gboolean        desk_body_buffer_can_redo         (DeskBodyBuffer    *self);

/* Smart punctuation: quotes by language, "--" to a dash, "..." to "…". */
void            desk_body_buffer_set_language     (DeskBodyBuffer    *self,
                                                   const char        *language);
void            desk_body_buffer_set_dash_style   (DeskBodyBuffer    *self,
                                                   DeskDashStyle      dash);
void            desk_body_buffer_set_smart_punctuation (DeskBodyBuffer *self,
                                                        gboolean        enabled);
/* Colours that follow the light or dark style. */
void            desk_body_buffer_set_dark         (DeskBodyBuffer    *self,
                                                   gboolean           dark);

/* Slowest time spent in the insert handlers since the last reset, in µs. */
gint64          desk_body_buffer_get_slowest_insert (DeskBodyBuffer  *self);
void            desk_body_buffer_reset_slowest_insert (DeskBodyBuffer *self);

G_END_DECLS
