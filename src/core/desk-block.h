/* desk-block.h — one block of a story's body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  DESK_BLOCK_PARAGRAPH,
  DESK_BLOCK_SUBHEADING,
  DESK_BLOCK_QUOTE,
  DESK_BLOCK_PULLQUOTE,
} DeskBlockKind;

typedef enum {
  DESK_MARK_EM,
  DESK_MARK_STRONG,
  DESK_MARK_LINK,
} DeskMarkKind;

/* An inline mark over [start, end) of the block's text, counted in Unicode
 * characters (as GtkTextIter counts them). @href is set for links only. */
typedef struct {
  DeskMarkKind kind;
  guint start;
  guint end;
  char *href;
} DeskMark;

#define DESK_TYPE_BLOCK (desk_block_get_type ())

typedef struct _DeskBlock DeskBlock;

GType          desk_block_get_type        (void) G_GNUC_CONST;
DeskBlock     *desk_block_new             (DeskBlockKind    kind,
                                           const char      *text);
DeskBlock     *desk_block_ref             (DeskBlock       *self);
void           desk_block_unref           (DeskBlock       *self);
DeskBlock     *desk_block_copy            (const DeskBlock *self);
gboolean       desk_block_equal           (const DeskBlock *a,
                                           const DeskBlock *b);

DeskBlockKind  desk_block_get_kind        (const DeskBlock *self);
void           desk_block_set_kind        (DeskBlock       *self,
                                           DeskBlockKind    kind);
const char    *desk_block_get_text        (const DeskBlock *self);
void           desk_block_set_text        (DeskBlock       *self,
                                           const char      *text);
guint          desk_block_get_length      (const DeskBlock *self);
const char    *desk_block_get_attribution (const DeskBlock *self);
void           desk_block_set_attribution (DeskBlock       *self,
                                           const char      *attribution);
gboolean       desk_block_has_attribution (const DeskBlock *self);

guint           desk_block_get_n_marks    (const DeskBlock *self);
const DeskMark *desk_block_get_mark       (const DeskBlock *self,
                                           guint            index);
void            desk_block_add_mark       (DeskBlock       *self,
                                           DeskMarkKind     kind,
                                           guint            start,
                                           guint            end,
                                           const char      *href);
void            desk_block_clear_marks    (DeskBlock       *self);
gboolean        desk_block_check          (const DeskBlock *self,
                                           GError         **error);

const char    *desk_block_kind_to_string   (DeskBlockKind kind);
gboolean       desk_block_kind_from_string (const char    *str,
                                            DeskBlockKind *kind);
const char    *desk_mark_kind_to_string    (DeskMarkKind  kind);
gboolean       desk_mark_kind_from_string  (const char    *str,
                                            DeskMarkKind  *kind);
gboolean       desk_link_href_is_allowed   (const char    *href);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskBlock, desk_block_unref)

G_END_DECLS
