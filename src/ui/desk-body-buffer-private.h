/* desk-body-buffer-private.h — what the parts of DeskBodyBuffer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-body-buffer.h"

G_BEGIN_DECLS

/* The object data key of a link tag: its href. */
#define DESK_LINK_HREF_KEY "desk-href"

typedef struct _DeskBodyHistory DeskBodyHistory;

struct _DeskBodyBuffer
{
  GtkTextBuffer parent_instance;

  GtkTextTag *style_tags[DESK_N_PARA_STYLES];
  GtkTextTag *em_tag;
  GtkTextTag *strong_tag;
  GPtrArray *link_tags;

  /* the style of an empty last line, which has no character to tag */
  DeskParaStyle tail_style;
  /* set between the two halves of an insert or a delete */
  DeskParaStyle edit_style;
  gboolean edit_at_line_end;

  char *language;
  DeskDashStyle dash;
  gboolean smart;
  /* a typed character that may become a typographic one */
  int smart_offset;
  gunichar smart_typed;
  int smart_char_count;
  guint smart_source;
  gboolean in_user_action;
  GdkRGBA link_color;
  DeskBodyHistory *history;

  guint restyling;   /* > 0 while we change tags ourselves */
  guint loading;
  gint64 insert_started;
  gint64 slowest_insert;
};

static inline GtkTextBuffer *
as_text (DeskBodyBuffer *self)
{
  return GTK_TEXT_BUFFER (self);
}

/* desk-body-buffer.c */
DeskParaStyle   desk_body_buffer_get_line_style   (DeskBodyBuffer *self,
                                                   int             line);
void            desk_body_buffer_restyle_lines    (DeskBodyBuffer *self,
                                                   int             first,
                                                   int             last,
                                                   DeskParaStyle   style);
GtkTextTag     *desk_body_buffer_create_link_tag  (DeskBodyBuffer *self,
                                                   const char     *href);
gboolean        desk_body_buffer_is_model_tag     (DeskBodyBuffer *self,
                                                   GtkTextTag     *tag);
void            desk_body_buffer_strip_model_tags (DeskBodyBuffer    *self,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end);

/* desk-body-buffer-history.c */
DeskBodyHistory *desk_body_history_new            (void);
void            desk_body_history_free            (DeskBodyHistory *history);
void            desk_body_history_clear           (DeskBodyBuffer *self);
void            desk_body_history_begin           (DeskBodyBuffer *self);
void            desk_body_history_end             (DeskBodyBuffer *self);
void            desk_body_history_pause           (DeskBodyBuffer *self);
void            desk_body_history_resume          (DeskBodyBuffer *self);
void            desk_body_history_note_insert     (DeskBodyBuffer    *self,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end);
void            desk_body_history_note_delete     (DeskBodyBuffer    *self,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end);
void            desk_body_history_note_tag        (DeskBodyBuffer    *self,
                                                   GtkTextTag        *tag,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end,
                                                   gboolean           on);
void            desk_body_history_note_tail       (DeskBodyBuffer *self,
                                                   DeskParaStyle   before,
                                                   DeskParaStyle   after);
gboolean        desk_body_history_can_undo        (DeskBodyBuffer *self);
gboolean        desk_body_history_can_redo        (DeskBodyBuffer *self);
gboolean        desk_body_history_undo            (DeskBodyBuffer *self);
gboolean        desk_body_history_redo            (DeskBodyBuffer *self);

G_END_DECLS
