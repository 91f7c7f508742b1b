/* desk-body-buffer-serialize.c — DeskBlocks into the body buffer and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-body"

#include "config.h"

#include "desk-body-buffer-private.h"

static void
apply_marks (DeskBodyBuffer  *self,
             const DeskBlock *block,
             int              line)
{
  GtkTextBuffer *buffer = as_text (self);

  for (guint i = 0; i < desk_block_get_n_marks (block); i++)
    {
      const DeskMark *mark = desk_block_get_mark (block, i);
      GtkTextIter start, end;
      GtkTextTag *tag;

      if (mark->kind == DESK_MARK_LINK)
        tag = desk_body_buffer_create_link_tag (self, mark->href);
      else
        tag = mark->kind == DESK_MARK_EM ? self->em_tag : self->strong_tag;
      gtk_text_buffer_get_iter_at_line_offset (buffer, &start, line, mark->start);
      gtk_text_buffer_get_iter_at_line_offset (buffer, &end, line, mark->end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

static DeskParaStyle
style_of_block (const DeskBlock *block)
{
  switch (desk_block_get_kind (block))
    {
    case DESK_BLOCK_SUBHEADING:
      return DESK_PARA_SUBHEADING;
    case DESK_BLOCK_QUOTE:
      return DESK_PARA_QUOTE;
    case DESK_BLOCK_PULLQUOTE:
      return DESK_PARA_PULLQUOTE;
    case DESK_BLOCK_PARAGRAPH:
    default:
      return DESK_PARA_PARAGRAPH;
    }
}

static void
remove_link_tags (DeskBodyBuffer *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (as_text (self));

  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->link_tags, i));
  g_ptr_array_set_size (self->link_tags, 0);
}

static void
restyle_runs (DeskBodyBuffer *self,
              GArray         *styles)
{
  guint first = 0;

  for (guint i = 1; i <= styles->len; i++)
    if (i == styles->len ||
        g_array_index (styles, DeskParaStyle, i) != g_array_index (styles, DeskParaStyle, first))
      {
        desk_body_buffer_restyle_lines (self, first, i - 1,
                                        g_array_index (styles, DeskParaStyle, first));
        first = i;
      }
}

/* One insert of the whole text, then the tags: each block is a line, and
 * a quote's attribution the line after it. */
static void
fill (DeskBodyBuffer *self,
      GPtrArray      *blocks)
{
  GtkTextBuffer *buffer = as_text (self);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) styles = g_array_new (FALSE, FALSE, sizeof (DeskParaStyle));
  g_autofree int *lines = g_new (int, blocks->len + 1);
  GtkTextIter iter;

  for (guint i = 0; i < blocks->len; i++)
    {
      DeskBlock *block = g_ptr_array_index (blocks, i);
      DeskParaStyle style = style_of_block (block);

      lines[i] = styles->len;
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", desk_block_get_text (block));
      g_array_append_val (styles, style);
      if (desk_block_has_attribution (block) && *desk_block_get_attribution (block))
        {
          style = DESK_PARA_ATTRIBUTION;
          g_string_append_printf (text, "\n%s", desk_block_get_attribution (block));
          g_array_append_val (styles, style);
        }
    }
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, text->str, text->len);

  for (guint i = 0; i < blocks->len; i++)
    apply_marks (self, g_ptr_array_index (blocks, i), lines[i]);
  restyle_runs (self, styles);
}

static void
clear_all (DeskBodyBuffer *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (as_text (self), &start, &end);
  gtk_text_buffer_delete (as_text (self), &start, &end);
  remove_link_tags (self);
  self->tail_style = DESK_PARA_PARAGRAPH;
}

void
desk_body_buffer_load (DeskBodyBuffer *self,
                       GPtrArray      *blocks)
{
  GtkTextIter start;

  g_return_if_fail (DESK_IS_BODY_BUFFER (self));
  g_return_if_fail (blocks != NULL);

  desk_body_history_clear (self);
  desk_body_history_pause (self);
  self->loading++;
  clear_all (self);
  fill (self, blocks);
  self->loading--;
  desk_body_history_resume (self);
  gtk_text_buffer_get_start_iter (as_text (self), &start);
  gtk_text_buffer_place_cursor (as_text (self), &start);
  gtk_text_buffer_set_modified (as_text (self), FALSE);
}

void
desk_body_buffer_replace (DeskBodyBuffer *self,
                          GPtrArray      *blocks)
{
  GtkTextIter start, end;

  g_return_if_fail (DESK_IS_BODY_BUFFER (self));
  g_return_if_fail (blocks != NULL);

  gtk_text_buffer_begin_user_action (as_text (self));
  self->loading++;
  gtk_text_buffer_get_bounds (as_text (self), &start, &end);
  gtk_text_buffer_delete (as_text (self), &start, &end);
  fill (self, blocks);
  self->loading--;
  gtk_text_buffer_end_user_action (as_text (self));
}

gboolean
desk_body_buffer_is_empty (DeskBodyBuffer *self)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), TRUE);
  return gtk_text_buffer_get_char_count (as_text (self)) == 0;
}

typedef struct {
  DeskMarkKind kind;
  guint start;
  guint end;
  const char *href;
} OpenMark;

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const OpenMark *ma = a, *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  if (ma->end != mb->end)
    return ma->end < mb->end ? -1 : 1;
  return (int) ma->kind - (int) mb->kind;
}

static gboolean
mark_of_tag (DeskBodyBuffer *self,
             GtkTextTag     *tag,
             DeskMarkKind   *kind,
             const char    **href)
{
  *href = g_object_get_data (G_OBJECT (tag), DESK_LINK_HREF_KEY);
  if (*href)
    *kind = DESK_MARK_LINK;
  else if (tag == self->em_tag)
    *kind = DESK_MARK_EM;
  else if (tag == self->strong_tag)
    *kind = DESK_MARK_STRONG;
  else
    return FALSE;
  return TRUE;
}

/* Opens a mark for each mark tag in @tags, at line offset @offset. */
static void
open_marks (DeskBodyBuffer *self,
            GSList         *tags,
            guint           offset,
            GArray         *open)
{
  for (GSList *l = tags; l; l = l->next)
    {
      OpenMark mark = { 0, offset, G_MAXUINT, NULL };

      if (mark_of_tag (self, l->data, &mark.kind, &mark.href))
        g_array_append_val (open, mark);
    }
}

static void
close_marks (DeskBodyBuffer *self,
             GSList         *tags,
             guint           offset,
             GArray         *open,
             GArray         *done)
{
  for (GSList *l = tags; l; l = l->next)
    {
      DeskMarkKind kind;
      const char *href;

      if (!mark_of_tag (self, l->data, &kind, &href))
        continue;
      for (guint i = 0; i < open->len; i++)
        {
          OpenMark *mark = &g_array_index (open, OpenMark, i);

          if (mark->kind == kind && mark->href == href)
            {
              mark->end = offset;
              if (mark->end > mark->start)
                g_array_append_val (done, *mark);
              g_array_remove_index (open, i);
              break;
            }
        }
    }
}

/* The first tag toggle after a position, kept from line to line: a style
 * tag over a run of paragraphs has its next toggle at the end of the run,
 * and searching for it from each line of the run takes quadratic time
 * (100 ms for a 50,000-word body of plain paragraphs). */
typedef struct
{
  GtkTextIter iter;
  gboolean found;
  gboolean valid;
} NextToggle;

static gboolean
forward_to_toggle (NextToggle  *next,
                   GtkTextIter *iter)
{
  if (!next->valid || gtk_text_iter_compare (&next->iter, iter) <= 0)
    {
      next->iter = *iter;
      next->found = gtk_text_iter_forward_to_tag_toggle (&next->iter, NULL);
      next->valid = TRUE;
    }
  *iter = next->iter;
  return next->found;
}

/* The marks of the line from @start to @end (its end, newline excluded),
 * sorted by start. */
static void
collect_marks (DeskBodyBuffer    *self,
               const GtkTextIter *start,
               const GtkTextIter *end,
               NextToggle        *next,
               GArray            *done)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenMark));
  GtkTextIter iter = *start;
  GSList *tags = gtk_text_iter_get_tags (&iter);

  open_marks (self, tags, 0, open);
  g_slist_free (tags);
  while (forward_to_toggle (next, &iter) && gtk_text_iter_compare (&iter, end) < 0)
    {
      guint offset = gtk_text_iter_get_line_offset (&iter);

      tags = gtk_text_iter_get_toggled_tags (&iter, FALSE);
      close_marks (self, tags, offset, open, done);
      g_slist_free (tags);
      tags = gtk_text_iter_get_toggled_tags (&iter, TRUE);
      open_marks (self, tags, offset, open);
      g_slist_free (tags);
    }
  for (guint i = 0; i < open->len; i++)
    {
      OpenMark *mark = &g_array_index (open, OpenMark, i);

      mark->end = gtk_text_iter_get_line_offset (end);
      if (mark->end > mark->start)
        g_array_append_val (done, *mark);
    }
  g_array_sort (done, compare_marks);
}

static DeskBlock *
block_of_line (DeskBodyBuffer    *self,
               const GtkTextIter *start,
               const GtkTextIter *end,
               DeskBlockKind      kind,
               NextToggle        *next)
{
  g_autofree char *text = gtk_text_iter_get_slice (start, end);
  g_autoptr (GArray) marks = g_array_new (FALSE, FALSE, sizeof (OpenMark));
  DeskBlock *block = desk_block_new (kind, text);

  collect_marks (self, start, end, next, marks);
  for (guint i = 0; i < marks->len; i++)
    {
      OpenMark *mark = &g_array_index (marks, OpenMark, i);
      desk_block_add_mark (block, mark->kind, mark->start, mark->end, mark->href);
    }
  return block;
}

static DeskBlockKind
kind_of_style (DeskParaStyle style)
{
  switch (style)
    {
    case DESK_PARA_SUBHEADING:
      return DESK_BLOCK_SUBHEADING;
    case DESK_PARA_QUOTE:
      return DESK_BLOCK_QUOTE;
    case DESK_PARA_PULLQUOTE:
      return DESK_BLOCK_PULLQUOTE;
    case DESK_PARA_PARAGRAPH:
    case DESK_PARA_ATTRIBUTION:
    default:
      return DESK_BLOCK_PARAGRAPH;
    }
}

GPtrArray *
desk_body_buffer_dup_blocks (DeskBodyBuffer *self)
{
  GtkTextBuffer *buffer = as_text (self);
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_block_unref);
  DeskBlock *quote = NULL; /* the last block, while it may take an attribution */
  NextToggle next = { .valid = FALSE };
  GtkTextIter start, end;

  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), blocks);

  gtk_text_buffer_get_start_iter (buffer, &start);
  while (!gtk_text_iter_is_end (&start))
    {
      DeskParaStyle style = desk_body_buffer_get_line_style (self, gtk_text_iter_get_line (&start));

      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      if (!gtk_text_iter_equal (&start, &end))
        {
          if (style == DESK_PARA_ATTRIBUTION && quote != NULL)
            {
              g_autofree char *text = gtk_text_iter_get_slice (&start, &end);
              desk_block_set_attribution (quote, text);
              quote = NULL;
            }
          else
            {
              DeskBlock *block = block_of_line (self, &start, &end, kind_of_style (style),
                                                &next);
              g_ptr_array_add (blocks, block);
              quote = style == DESK_PARA_QUOTE || style == DESK_PARA_PULLQUOTE ? block : NULL;
            }
        }
      start = end;
      if (!gtk_text_iter_forward_line (&start))
        break;
    }
  return blocks;
}
