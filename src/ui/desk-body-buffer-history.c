/* desk-body-buffer-history.c — undo and redo of text and formatting
 *
 * GTK 4.8's own buffer history records text only: a paragraph style or a
 * mark could not be undone, and undoing a deletion brought the words back
 * without their styles and marks. This history records every change to
 * the body as an operation it can reverse — text inserted or deleted
 * together with the tags it carried, a tag applied or removed together
 * with where that tag was before — and groups them into the steps one
 * Ctrl+Z takes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-body"

#include "config.h"

#include <string.h>

#include "desk-body-buffer-private.h"

/* Old steps are dropped past either limit; the newest step always stays. */
#define MAX_STEPS 1000
#define MAX_BYTES (64 * 1024 * 1024)

typedef struct {
  GtkTextTag *tag;
  int start;
  int end;
} Run;

typedef enum {
  OP_INSERT,
  OP_DELETE,
  OP_TAG_ON,
  OP_TAG_OFF,
  OP_TAIL,
} OpKind;

/* INSERT and DELETE: the text between start and end, and its tags (runs
 * relative to start). TAG_ON and TAG_OFF: @tag between start and end,
 * and where it was there before (runs in buffer offsets). */
typedef struct {
  OpKind kind;
  int start;
  int end;
  char *text;
  GArray *runs;
  GtkTextTag *tag;
  DeskParaStyle tail_before;
  DeskParaStyle tail_after;
} Op;

/* TYPED and ERASED steps are one character typed or erased; a run of them
 * merges into one step, a word at a time. */
typedef enum {
  SHAPE_OTHER,
  SHAPE_TYPED,
  SHAPE_ERASED,
} Shape;

typedef struct {
  GPtrArray *ops;
  gsize bytes;
  Shape shape;
  int cursor_before[2];
  int cursor_after[2];
} Step;

struct _DeskBodyHistory
{
  GQueue undo;   /* newest first */
  GQueue redo;   /* next to redo first */
  Step *open;
  gsize bytes;
  guint depth;
  guint paused;
  gboolean could_undo;
  gboolean could_redo;
};

static void
clear_run (gpointer data)
{
  Run *run = data;

  g_clear_object (&run->tag);
}

static GArray *
runs_new (void)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));

  g_array_set_clear_func (runs, clear_run);
  return runs;
}

static void
add_run (GArray     *runs,
         GtkTextTag *tag,
         int         start,
         int         end)
{
  Run run = { g_object_ref (tag), start, end };

  g_array_append_val (runs, run);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_free (op->text);
  g_clear_pointer (&op->runs, g_array_unref);
  g_clear_object (&op->tag);
  g_free (op);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->ops);
  g_free (step);
}

DeskBodyHistory *
desk_body_history_new (void)
{
  return g_new0 (DeskBodyHistory, 1);
}

static void
drop_step (DeskBodyHistory *history,
           Step            *step)
{
  history->bytes -= step->bytes;
  step_free (step);
}

static void
clear_queue (DeskBodyHistory *history,
             GQueue          *queue)
{
  Step *step;

  while ((step = g_queue_pop_head (queue)))
    drop_step (history, step);
}

static void
forget_all (DeskBodyHistory *history)
{
  clear_queue (history, &history->undo);
  clear_queue (history, &history->redo);
  g_clear_pointer (&history->open, step_free);
}

void
desk_body_history_free (DeskBodyHistory *history)
{
  forget_all (history);
  g_free (history);
}

static void
notify_state (DeskBodyBuffer *self)
{
  DeskBodyHistory *history = self->history;
  gboolean can_undo = !g_queue_is_empty (&history->undo);
  gboolean can_redo = !g_queue_is_empty (&history->redo);

  if (can_undo != history->could_undo)
    {
      history->could_undo = can_undo;
      g_object_notify (G_OBJECT (self), "history-can-undo");
    }
  if (can_redo != history->could_redo)
    {
      history->could_redo = can_redo;
      g_object_notify (G_OBJECT (self), "history-can-redo");
    }
}

void
desk_body_history_clear (DeskBodyBuffer *self)
{
  forget_all (self->history);
  notify_state (self);
}

gboolean
desk_body_history_can_undo (DeskBodyBuffer *self)
{
  return !g_queue_is_empty (&self->history->undo);
}

gboolean
desk_body_history_can_redo (DeskBodyBuffer *self)
{
  return !g_queue_is_empty (&self->history->redo);
}

/* Recording */

static void
get_cursor (DeskBodyBuffer *self,
            int             cursor[2])
{
  GtkTextBuffer *buffer = as_text (self);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  cursor[0] = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_selection_bound (buffer));
  cursor[1] = gtk_text_iter_get_offset (&iter);
}

void
desk_body_history_begin (DeskBodyBuffer *self)
{
  self->history->depth++;
}

static gboolean
recording (DeskBodyBuffer *self)
{
  return self->history->paused == 0;
}

/* The open step, created (and the redo list dropped) at its first op. */
static Step *
open_step (DeskBodyBuffer *self)
{
  DeskBodyHistory *history = self->history;

  if (history->open == NULL)
    {
      history->open = g_new0 (Step, 1);
      history->open->ops = g_ptr_array_new_with_free_func (op_free);
      get_cursor (self, history->open->cursor_before);
      clear_queue (history, &history->redo);
    }
  return history->open;
}

static void
add_op (DeskBodyBuffer *self,
        Op             *op)
{
  Step *step = open_step (self);
  gsize bytes = sizeof (Op) + (op->text ? strlen (op->text) : 0) +
                (op->runs ? op->runs->len * sizeof (Run) : 0);

  g_ptr_array_add (step->ops, op);
  step->bytes += bytes;
}

static Op *
op_new (OpKind kind,
        int    start,
        int    end)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->start = start;
  op->end = end;
  return op;
}

/* The body's own tags between @start and @end, relative to @start. */
static GArray *
capture_runs (DeskBodyBuffer    *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GArray *runs = runs_new ();
  int base = gtk_text_iter_get_offset (start);
  GtkTextIter iter = *start;

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      GtkTextIter next = iter;
      g_autoptr (GSList) tags = gtk_text_iter_get_tags (&iter);

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL) ||
          gtk_text_iter_compare (&next, end) > 0)
        next = *end;
      for (GSList *l = tags; l; l = l->next)
        if (desk_body_buffer_is_model_tag (self, l->data))
          add_run (runs, l->data, gtk_text_iter_get_offset (&iter) - base,
                   gtk_text_iter_get_offset (&next) - base);
      iter = next;
    }
  return runs;
}

/* Where @tag is between @start and @end, in buffer offsets. */
static GArray *
capture_tag_runs (GtkTextTag        *tag,
                  const GtkTextIter *start,
                  const GtkTextIter *end)
{
  GArray *runs = runs_new ();
  GtkTextIter iter = *start;

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      GtkTextIter next = iter;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, tag) ||
          gtk_text_iter_compare (&next, end) > 0)
        next = *end;
      if (gtk_text_iter_has_tag (&iter, tag))
        add_run (runs, tag, gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (&next));
      iter = next;
    }
  return runs;
}

static void
note_text (DeskBodyBuffer    *self,
           OpKind             kind,
           const GtkTextIter *start,
           const GtkTextIter *end)
{
  Op *op;

  if (!recording (self) || gtk_text_iter_equal (start, end))
    return;
  op = op_new (kind, gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end));
  op->text = gtk_text_iter_get_slice (start, end);
  op->runs = capture_runs (self, start, end);
  add_op (self, op);
}

/* After the text between @start and @end was inserted. */
void
desk_body_history_note_insert (DeskBodyBuffer    *self,
                               const GtkTextIter *start,
                               const GtkTextIter *end)
{
  note_text (self, OP_INSERT, start, end);
}

/* Before the text between @start and @end is deleted. */
void
desk_body_history_note_delete (DeskBodyBuffer    *self,
                               const GtkTextIter *start,
                               const GtkTextIter *end)
{
  note_text (self, OP_DELETE, start, end);
}

static gboolean
runs_cover (GArray *runs,
            int     start,
            int     end)
{
  return runs->len == 1 && g_array_index (runs, Run, 0).start == start &&
         g_array_index (runs, Run, 0).end == end;
}

/* Before @tag is applied (@on) or removed between @start and @end. A
 * change that changes nothing is not kept. */
void
desk_body_history_note_tag (DeskBodyBuffer    *self,
                            GtkTextTag        *tag,
                            const GtkTextIter *start,
                            const GtkTextIter *end,
                            gboolean           on)
{
  int from = gtk_text_iter_get_offset (start);
  int to = gtk_text_iter_get_offset (end);
  GArray *before;
  Op *op;

  if (!recording (self) || from == to || !desk_body_buffer_is_model_tag (self, tag))
    return;
  before = capture_tag_runs (tag, start, end);
  if (on ? runs_cover (before, MIN (from, to), MAX (from, to)) : before->len == 0)
    {
      g_array_unref (before);
      return;
    }
  op = op_new (on ? OP_TAG_ON : OP_TAG_OFF, MIN (from, to), MAX (from, to));
  op->tag = g_object_ref (tag);
  op->runs = before;
  add_op (self, op);
}

void
desk_body_history_note_tail (DeskBodyBuffer *self,
                             DeskParaStyle   before,
                             DeskParaStyle   after)
{
  Op *op;

  if (!recording (self) || before == after)
    return;
  op = op_new (OP_TAIL, 0, 0);
  op->tail_before = before;
  op->tail_after = after;
  add_op (self, op);
}

/* Closing a step */

static Op *
only_text_op (Step *step)
{
  Op *text_op = NULL;

  for (guint i = 0; i < step->ops->len; i++)
    {
      Op *op = g_ptr_array_index (step->ops, i);

      if (op->kind != OP_INSERT && op->kind != OP_DELETE)
        continue;
      if (text_op)
        return NULL;
      text_op = op;
    }
  return text_op;
}

static Shape
shape_of (Step *step)
{
  Op *op = only_text_op (step);

  if (op == NULL || op->end - op->start != 1 || op->text[0] == '\n')
    return SHAPE_OTHER;
  return op->kind == OP_INSERT ? SHAPE_TYPED : SHAPE_ERASED;
}

static gboolean
is_space (const char *text)
{
  return g_unichar_isspace (g_utf8_get_char (text));
}

/* One more character typed or erased next to the last one, within a word
 * or the spaces after it. */
static gboolean
continues (Step *head,
           Step *step)
{
  Op *prev = NULL, *op;

  if (head == NULL || head->shape != step->shape || step->shape == SHAPE_OTHER)
    return FALSE;
  op = only_text_op (step);
  for (guint i = head->ops->len; i > 0; i--)
    {
      prev = g_ptr_array_index (head->ops, i - 1);
      if (prev->kind == op->kind)
        break;
    }
  if (prev == NULL || prev->kind != op->kind)
    return FALSE;
  if (is_space (prev->text) && !is_space (op->text))
    return FALSE;
  if (op->kind == OP_INSERT)
    return op->start == prev->end;
  return op->end == prev->start || op->start == prev->start;
}

static void
merge_into (Step *head,
            Step *step)
{
  g_ptr_array_set_free_func (step->ops, NULL);
  for (guint i = 0; i < step->ops->len; i++)
    g_ptr_array_add (head->ops, g_ptr_array_index (step->ops, i));
  head->bytes += step->bytes;
  memcpy (head->cursor_after, step->cursor_after, sizeof head->cursor_after);
  step_free (step);
}

static void
trim (DeskBodyHistory *history)
{
  while (history->undo.length > 1 &&
         (history->undo.length > MAX_STEPS || history->bytes > MAX_BYTES))
    drop_step (history, g_queue_pop_tail (&history->undo));
}

static void
close_step (DeskBodyBuffer *self)
{
  DeskBodyHistory *history = self->history;
  Step *step = g_steal_pointer (&history->open);
  Step *head = g_queue_peek_head (&history->undo);

  get_cursor (self, step->cursor_after);
  step->shape = shape_of (step);
  history->bytes += step->bytes;
  if (continues (head, step))
    merge_into (head, step);
  else
    g_queue_push_head (&history->undo, step);
  trim (history);
  notify_state (self);
}

void
desk_body_history_end (DeskBodyBuffer *self)
{
  DeskBodyHistory *history = self->history;

  g_return_if_fail (history->depth > 0);
  if (--history->depth == 0 && history->open)
    close_step (self);
}

/* Undo and redo */

static void
get_iters (DeskBodyBuffer *self,
           int             start,
           int             end,
           GtkTextIter    *start_iter,
           GtkTextIter    *end_iter)
{
  gtk_text_buffer_get_iter_at_offset (as_text (self), start_iter, start);
  gtk_text_buffer_get_iter_at_offset (as_text (self), end_iter, end);
}

static void
apply_runs (DeskBodyBuffer *self,
            GArray         *runs,
            int             base)
{
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);
      GtkTextIter start, end;

      get_iters (self, base + run->start, base + run->end, &start, &end);
      gtk_text_buffer_apply_tag (as_text (self), run->tag, &start, &end);
    }
}

/* Puts the text of @op back with exactly the tags it had. */
static void
insert_text_of (DeskBodyBuffer *self,
                Op             *op)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (as_text (self), &start, op->start);
  gtk_text_buffer_insert (as_text (self), &start, op->text, -1);
  get_iters (self, op->start, op->end, &start, &end);
  desk_body_buffer_strip_model_tags (self, &start, &end);
  apply_runs (self, op->runs, op->start);
}

static void
delete_text_of (DeskBodyBuffer *self,
                Op             *op)
{
  GtkTextIter start, end;

  get_iters (self, op->start, op->end, &start, &end);
  gtk_text_buffer_delete (as_text (self), &start, &end);
}

static void
set_tag_of (DeskBodyBuffer *self,
            Op             *op,
            gboolean        on)
{
  GtkTextIter start, end;

  get_iters (self, op->start, op->end, &start, &end);
  if (on)
    gtk_text_buffer_apply_tag (as_text (self), op->tag, &start, &end);
  else
    gtk_text_buffer_remove_tag (as_text (self), op->tag, &start, &end);
}

static void
undo_op (DeskBodyBuffer *self,
         Op             *op)
{
  switch (op->kind)
    {
    case OP_INSERT:
      delete_text_of (self, op);
      break;
    case OP_DELETE:
      insert_text_of (self, op);
      break;
    case OP_TAG_ON:
      set_tag_of (self, op, FALSE);
      apply_runs (self, op->runs, 0);
      break;
    case OP_TAG_OFF:
      apply_runs (self, op->runs, 0);
      break;
    case OP_TAIL:
    default:
      self->tail_style = op->tail_before;
      break;
    }
}

static void
redo_op (DeskBodyBuffer *self,
         Op             *op)
{
  switch (op->kind)
    {
    case OP_INSERT:
      insert_text_of (self, op);
      break;
    case OP_DELETE:
      delete_text_of (self, op);
      break;
    case OP_TAG_ON:
    case OP_TAG_OFF:
      set_tag_of (self, op, op->kind == OP_TAG_ON);
      break;
    case OP_TAIL:
    default:
      self->tail_style = op->tail_after;
      break;
    }
}

static void
select_offsets (DeskBodyBuffer *self,
                const int       cursor[2])
{
  int n_chars = gtk_text_buffer_get_char_count (as_text (self));
  GtkTextIter insert, bound;

  get_iters (self, MIN (cursor[0], n_chars), MIN (cursor[1], n_chars), &insert, &bound);
  gtk_text_buffer_select_range (as_text (self), &insert, &bound);
}

/* Replays @step backwards (@undo) or forwards, as one user action that
 * neither restyles on its own nor is recorded. */
static void
replay (DeskBodyBuffer *self,
        Step           *step,
        gboolean        undo)
{
  GtkTextBuffer *buffer = as_text (self);
  guint n_ops = step->ops->len;

  self->history->paused++;
  self->loading++;
  gtk_text_buffer_begin_user_action (buffer);
  for (guint i = 0; i < n_ops; i++)
    {
      if (undo)
        undo_op (self, g_ptr_array_index (step->ops, n_ops - 1 - i));
      else
        redo_op (self, g_ptr_array_index (step->ops, i));
    }
  gtk_text_buffer_end_user_action (buffer);
  self->loading--;
  self->history->paused--;
  select_offsets (self, undo ? step->cursor_before : step->cursor_after);
}

static gboolean
move_step (DeskBodyBuffer *self,
           GQueue         *from,
           GQueue         *to,
           gboolean        undo)
{
  Step *step;

  g_return_val_if_fail (self->history->depth == 0, FALSE);
  step = g_queue_pop_head (from);
  if (step == NULL)
    return FALSE;
  replay (self, step, undo);
  g_queue_push_head (to, step);
  notify_state (self);
  return TRUE;
}

gboolean
desk_body_history_undo (DeskBodyBuffer *self)
{
  return move_step (self, &self->history->undo, &self->history->redo, TRUE);
}

gboolean
desk_body_history_redo (DeskBodyBuffer *self)
{
  return move_step (self, &self->history->redo, &self->history->undo, FALSE);
}

/* While loading a story: nothing is recorded. */
void
desk_body_history_pause (DeskBodyBuffer *self)
{
  self->history->paused++;
}

void
desk_body_history_resume (DeskBodyBuffer *self)
{
  g_return_if_fail (self->history->paused > 0);
  self->history->paused--;
}
