/* desk-body-buffer.c — the story body as one text buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-body"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-body-buffer-private.h"
#include "desk-typography.h"

G_DEFINE_FINAL_TYPE (DeskBodyBuffer, desk_body_buffer, GTK_TYPE_TEXT_BUFFER)

enum {
  PROP_0,
  PROP_HISTORY_CAN_UNDO,
  PROP_HISTORY_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *style_names[] = {
  "paragraph", "subheading", "quote", "pullquote", "attribution",
};

static const char *style_labels[] = {
  N_("Paragraph"), N_("Subheading"), N_("Quote"), N_("Pull Quote"), N_("Attribution"),
};

const char *
desk_para_style_to_label (DeskParaStyle style)
{
  g_return_val_if_fail (style < DESK_N_PARA_STYLES, "");
  return _(style_labels[style]);
}

static gboolean
is_style_tag (DeskBodyBuffer *self,
              GtkTextTag     *tag,
              DeskParaStyle  *style)
{
  for (guint i = 0; i < DESK_N_PARA_STYLES; i++)
    if (self->style_tags[i] == tag)
      {
        if (style)
          *style = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_link_tag (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), DESK_LINK_HREF_KEY) != NULL;
}

/* The extent of the paragraph holding @iter, newline included. */
static void
get_paragraph_bounds (GtkTextBuffer     *buffer,
                      int                line,
                      GtkTextIter       *start,
                      GtkTextIter       *end)
{
  gtk_text_buffer_get_iter_at_line (buffer, start, line);
  *end = *start;
  if (!gtk_text_iter_forward_line (end))
    gtk_text_buffer_get_end_iter (buffer, end);
}

DeskParaStyle
desk_body_buffer_get_line_style (DeskBodyBuffer *self,
                                 int             line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (as_text (self), &iter, line);
  if (gtk_text_iter_is_end (&iter))
    return self->tail_style;
  for (guint i = 1; i < DESK_N_PARA_STYLES; i++)
    if (gtk_text_iter_has_tag (&iter, self->style_tags[i]))
      return i;
  return DESK_PARA_PARAGRAPH;
}

DeskParaStyle
desk_body_buffer_get_style (DeskBodyBuffer    *self,
                            const GtkTextIter *iter)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), DESK_PARA_PARAGRAPH);
  return desk_body_buffer_get_line_style (self, gtk_text_iter_get_line (iter));
}

/* Makes @style the one style tag over lines first..last, newline included. */
void
desk_body_buffer_restyle_lines (DeskBodyBuffer *self,
                                int             first,
                                int             last,
                                DeskParaStyle   style)
{
  GtkTextBuffer *buffer = as_text (self);
  GtkTextIter start, end, last_start;

  gtk_text_buffer_get_iter_at_line (buffer, &start, first);
  get_paragraph_bounds (buffer, last, &last_start, &end);
  if (gtk_text_iter_is_end (&last_start))
    {
      desk_body_history_note_tail (self, self->tail_style, style);
      self->tail_style = style;
    }
  if (gtk_text_iter_equal (&start, &end))
    return;

  self->restyling++;
  for (guint i = 0; i < DESK_N_PARA_STYLES; i++)
    if (i != style)
      gtk_text_buffer_remove_tag (buffer, self->style_tags[i], &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->style_tags[style], &start, &end);
  self->restyling--;
}

void
desk_body_buffer_set_style (DeskBodyBuffer    *self,
                            const GtkTextIter *start,
                            const GtkTextIter *end,
                            DeskParaStyle      style)
{
  int first, last;

  g_return_if_fail (DESK_IS_BODY_BUFFER (self));
  g_return_if_fail (style < DESK_N_PARA_STYLES);

  first = gtk_text_iter_get_line (start);
  last = gtk_text_iter_get_line (end);
  /* a selection that ends at the start of a line does not take that line */
  if (last > first && gtk_text_iter_starts_line (end))
    last--;
  gtk_text_buffer_begin_user_action (as_text (self));
  desk_body_buffer_restyle_lines (self, MIN (first, last), MAX (first, last), style);
  gtk_text_buffer_end_user_action (as_text (self));
}

/* Word-processor habit for the paragraph that Enter opens. */
static DeskParaStyle
style_after_enter (DeskParaStyle style)
{
  switch (style)
    {
    case DESK_PARA_QUOTE:
    case DESK_PARA_PULLQUOTE:
      return DESK_PARA_ATTRIBUTION;
    case DESK_PARA_SUBHEADING:
    case DESK_PARA_ATTRIBUTION:
    case DESK_PARA_PARAGRAPH:
    default:
      return DESK_PARA_PARAGRAPH;
    }
}

static gboolean
is_one_char (const char *text,
             int         len)
{
  return len > 0 && len <= 4 && text[0] != '\n' && g_utf8_next_char (text) == text + len;
}

static void
note_insert_time (DeskBodyBuffer *self)
{
  gint64 spent = g_get_monotonic_time () - self->insert_started;

  if (spent > self->slowest_insert)
    self->slowest_insert = spent;
  if (!self->in_user_action)
    self->insert_started = 0;
}

/* The replacement of a typed quote, dash or ellipsis is its own user
 * action, after the one that typed it (GtkTextHistory closes a group only
 * after the end-user-action signal): one undo brings the typed mark back.
 * It runs before the next key event and before the next frame. */
static gboolean
replace_typed_char_cb (gpointer data)
{
  DeskBodyBuffer *self = data;
  GtkTextBuffer *buffer = as_text (self);
  GtkTextIter start, end;
  g_autofree char *before = NULL;
  g_autofree char *replacement = NULL;
  guint n_replaced;

  self->smart_source = 0;
  if (gtk_text_buffer_get_char_count (buffer) != self->smart_char_count)
    return G_SOURCE_REMOVE;
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->smart_offset - 1);
  if (gtk_text_iter_get_char (&end) != self->smart_typed)
    return G_SOURCE_REMOVE;
  start = end;
  gtk_text_iter_set_line_offset (&start, 0);
  before = gtk_text_iter_get_slice (&start, &end);
  if (!desk_typography_replace_before_cursor (before, self->smart_typed, self->language,
                                              self->dash, &n_replaced, &replacement))
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->smart_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->smart_offset - 1 - (int) n_replaced);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
  return G_SOURCE_REMOVE;
}

static void
queue_replacement (DeskBodyBuffer *self,
                   int             offset,
                   const char     *typed)
{
  self->smart_offset = offset;
  self->smart_typed = g_utf8_get_char (typed);
  self->smart_char_count = gtk_text_buffer_get_char_count (as_text (self));
  if (self->smart_source == 0)
    self->smart_source = g_idle_add_full (G_PRIORITY_HIGH, replace_typed_char_cb, self, NULL);
}

/* After an insert of @n_lines newlines that ends on line @last. */
static void
restyle_after_insert (DeskBodyBuffer *self,
                      int             last,
                      int             n_lines,
                      gboolean        enter)
{
  if (n_lines == 0)
    desk_body_buffer_restyle_lines (self, last, last, self->edit_style);
  else if (enter)
    {
      /* at a line end the new paragraph follows the habit, elsewhere both
       * halves keep the style */
      DeskParaStyle next = self->edit_at_line_end ? style_after_enter (self->edit_style)
                                                  : self->edit_style;
      desk_body_buffer_restyle_lines (self, last - 1, last - 1, self->edit_style);
      desk_body_buffer_restyle_lines (self, last, last, next);
    }
  else
    {
      desk_body_buffer_restyle_lines (self, last - n_lines, last - n_lines, self->edit_style);
      if (n_lines > 1)
        desk_body_buffer_restyle_lines (self, last - n_lines + 1, last - 1, DESK_PARA_PARAGRAPH);
      desk_body_buffer_restyle_lines (self, last, last,
                     self->edit_at_line_end ? DESK_PARA_PARAGRAPH : self->edit_style);
    }
}

/* The default handler's insert, kept in the history. */
static void
insert_and_note (DeskBodyBuffer *self,
                 GtkTextIter    *iter,
                 const char     *text,
                 int             len)
{
  int offset = gtk_text_iter_get_offset (iter);
  GtkTextIter start;

  GTK_TEXT_BUFFER_CLASS (desk_body_buffer_parent_class)->insert_text (as_text (self), iter, text,
                                                                      len);
  gtk_text_buffer_get_iter_at_offset (as_text (self), &start, offset);
  desk_body_history_note_insert (self, &start, iter);
}

/* The style of the paragraph is re-applied after the default handler has
 * inserted, so the new text never ends up outside it. */
static void
insert_and_restyle (DeskBodyBuffer *self,
                    GtkTextIter    *iter,
                    const char     *text,
                    int             len)
{
  GtkTextBuffer *buffer = as_text (self);
  int n_lines = 0;
  int offset;

  self->insert_started = g_get_monotonic_time ();
  self->edit_style = desk_body_buffer_get_line_style (self, gtk_text_iter_get_line (iter));
  self->edit_at_line_end = gtk_text_iter_ends_line (iter);
  insert_and_note (self, iter, text, len);

  for (int i = 0; i < len; i++)
    n_lines += text[i] == '\n';
  offset = gtk_text_iter_get_offset (iter);
  restyle_after_insert (self, gtk_text_iter_get_line (iter), n_lines, len == 1 && n_lines == 1);
  gtk_text_buffer_get_iter_at_offset (buffer, iter, offset);

  if (self->smart && self->in_user_action && is_one_char (text, len))
    queue_replacement (self, offset, text);
  note_insert_time (self);
}

/* While loading (or undoing) text goes in as it is, with no restyling. */
static void
desk_body_buffer_insert_text (GtkTextBuffer *buffer,
                              GtkTextIter   *iter,
                              const char    *text,
                              int            len)
{
  DeskBodyBuffer *self = DESK_BODY_BUFFER (buffer);

  desk_body_history_begin (self);
  if (self->loading)
    insert_and_note (self, iter, text, len);
  else
    insert_and_restyle (self, iter, text, len);
  desk_body_history_end (self);
}

/* A joined paragraph keeps the style of its first half. */
static void
desk_body_buffer_delete_range (GtkTextBuffer *buffer,
                               GtkTextIter   *start,
                               GtkTextIter   *end)
{
  DeskBodyBuffer *self = DESK_BODY_BUFFER (buffer);
  GtkTextIter *first = gtk_text_iter_compare (start, end) <= 0 ? start : end;
  DeskParaStyle style = desk_body_buffer_get_line_style (self, gtk_text_iter_get_line (first));
  int line, offset;

  desk_body_history_begin (self);
  desk_body_history_note_delete (self, first, first == start ? end : start);
  GTK_TEXT_BUFFER_CLASS (desk_body_buffer_parent_class)->delete_range (buffer, start, end);
  if (!self->loading)
    {
      line = gtk_text_iter_get_line (start);
      offset = gtk_text_iter_get_offset (start);
      desk_body_buffer_restyle_lines (self, line, line, style);
      gtk_text_buffer_get_iter_at_offset (buffer, start, offset);
      *end = *start;
    }
  desk_body_history_end (self);
}

/* Tags pasted from inside the buffer: the last style applied to a line
 * wins the whole line, so that a line never holds two styles. */
static void
desk_body_buffer_apply_tag (GtkTextBuffer     *buffer,
                            GtkTextTag        *tag,
                            const GtkTextIter *start,
                            const GtkTextIter *end)
{
  DeskBodyBuffer *self = DESK_BODY_BUFFER (buffer);
  DeskParaStyle style;
  GtkTextIter last;

  desk_body_history_begin (self);
  desk_body_history_note_tag (self, tag, start, end, TRUE);
  GTK_TEXT_BUFFER_CLASS (desk_body_buffer_parent_class)->apply_tag (buffer, tag, start, end);
  if (!self->restyling && !self->loading && is_style_tag (self, tag, &style))
    {
      last = *end;
      if (gtk_text_iter_get_line (&last) > gtk_text_iter_get_line (start) &&
          gtk_text_iter_starts_line (&last))
        gtk_text_iter_backward_char (&last);
      desk_body_buffer_restyle_lines (self, gtk_text_iter_get_line (start),
                                      gtk_text_iter_get_line (&last), style);
    }
  desk_body_history_end (self);
}

static void
desk_body_buffer_remove_tag (GtkTextBuffer     *buffer,
                             GtkTextTag        *tag,
                             const GtkTextIter *start,
                             const GtkTextIter *end)
{
  DeskBodyBuffer *self = DESK_BODY_BUFFER (buffer);

  desk_body_history_begin (self);
  desk_body_history_note_tag (self, tag, start, end, FALSE);
  GTK_TEXT_BUFFER_CLASS (desk_body_buffer_parent_class)->remove_tag (buffer, tag, start, end);
  desk_body_history_end (self);
}

static void
desk_body_buffer_begin_user_action (GtkTextBuffer *buffer)
{
  if (GTK_TEXT_BUFFER_CLASS (desk_body_buffer_parent_class)->begin_user_action)
    GTK_TEXT_BUFFER_CLASS (desk_body_buffer_parent_class)->begin_user_action (buffer);
  DESK_BODY_BUFFER (buffer)->in_user_action = TRUE;
  desk_body_history_begin (DESK_BODY_BUFFER (buffer));
}

static void
desk_body_buffer_end_user_action (GtkTextBuffer *buffer)
{
  DeskBodyBuffer *self = DESK_BODY_BUFFER (buffer);

  if (GTK_TEXT_BUFFER_CLASS (desk_body_buffer_parent_class)->end_user_action)
    GTK_TEXT_BUFFER_CLASS (desk_body_buffer_parent_class)->end_user_action (buffer);
  self->in_user_action = FALSE;
  desk_body_history_end (self);
  if (self->insert_started)
    note_insert_time (self);
}

static void
remove_links (DeskBodyBuffer    *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_buffer_remove_tag (as_text (self), g_ptr_array_index (self->link_tags, i),
                                start, end);
}

/* Undo and redo (the steps are in desk-body-buffer-history.c) */

gboolean
desk_body_buffer_undo (DeskBodyBuffer *self)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), FALSE);

  /* a typed mark not yet made typographic stays as typed */
  g_clear_handle_id (&self->smart_source, g_source_remove);
  return desk_body_history_undo (self);
}

gboolean
desk_body_buffer_redo (DeskBodyBuffer *self)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), FALSE);

  g_clear_handle_id (&self->smart_source, g_source_remove);
  return desk_body_history_redo (self);
}

gboolean
desk_body_buffer_can_undo (DeskBodyBuffer *self)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), FALSE);
  return desk_body_history_can_undo (self);
}

gboolean
desk_body_buffer_can_redo (DeskBodyBuffer *self)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), FALSE);
  return desk_body_history_can_redo (self);
}

/* The tags the story's model holds: styles, emphasis, strong and links
 * (not, for instance, the highlights of a find). */
gboolean
desk_body_buffer_is_model_tag (DeskBodyBuffer *self,
                               GtkTextTag     *tag)
{
  return tag == self->em_tag || tag == self->strong_tag || is_link_tag (tag) ||
         is_style_tag (self, tag, NULL);
}

void
desk_body_buffer_strip_model_tags (DeskBodyBuffer    *self,
                                   const GtkTextIter *start,
                                   const GtkTextIter *end)
{
  GtkTextBuffer *buffer = as_text (self);

  for (guint i = 0; i < DESK_N_PARA_STYLES; i++)
    gtk_text_buffer_remove_tag (buffer, self->style_tags[i], start, end);
  gtk_text_buffer_remove_tag (buffer, self->em_tag, start, end);
  gtk_text_buffer_remove_tag (buffer, self->strong_tag, start, end);
  remove_links (self, start, end);
}

/* Link tags (loading and serialising are in desk-body-buffer-serialize.c) */

GtkTextTag *
desk_body_buffer_create_link_tag (DeskBodyBuffer *self,
                                  const char     *href)
{
  GtkTextTag *tag = gtk_text_tag_new (NULL);

  g_object_set_data_full (G_OBJECT (tag), DESK_LINK_HREF_KEY, g_strdup (href), g_free);
  g_object_set (tag, "underline", PANGO_UNDERLINE_SINGLE, "foreground-rgba", &self->link_color,
                NULL);
  gtk_text_tag_table_add (gtk_text_buffer_get_tag_table (as_text (self)), tag);
  g_ptr_array_add (self->link_tags, tag);
  g_object_unref (tag);
  return tag;
}

/* Inline marks */

static GtkTextTag *
tag_of_mark (DeskBodyBuffer *self,
             DeskMarkKind    kind)
{
  g_return_val_if_fail (kind != DESK_MARK_LINK, NULL);
  return kind == DESK_MARK_EM ? self->em_tag : self->strong_tag;
}

gboolean
desk_body_buffer_has_mark (DeskBodyBuffer    *self,
                           const GtkTextIter *iter,
                           DeskMarkKind       kind)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), FALSE);

  if (kind == DESK_MARK_LINK)
    return desk_body_buffer_get_link (self, iter, NULL, NULL) != NULL;
  return gtk_text_iter_has_tag (iter, tag_of_mark (self, kind));
}

static gboolean
covers_range (GtkTextTag        *tag,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GtkTextIter iter = *start;

  if (!gtk_text_iter_has_tag (&iter, tag))
    return FALSE;
  gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  return gtk_text_iter_compare (&iter, end) >= 0;
}

void
desk_body_buffer_toggle_mark (DeskBodyBuffer    *self,
                              const GtkTextIter *start,
                              const GtkTextIter *end,
                              DeskMarkKind       kind)
{
  GtkTextTag *tag;

  g_return_if_fail (DESK_IS_BODY_BUFFER (self));
  g_return_if_fail (kind != DESK_MARK_LINK);

  if (gtk_text_iter_equal (start, end))
    return;
  tag = tag_of_mark (self, kind);
  gtk_text_buffer_begin_user_action (as_text (self));
  if (covers_range (tag, start, end))
    gtk_text_buffer_remove_tag (as_text (self), tag, start, end);
  else
    gtk_text_buffer_apply_tag (as_text (self), tag, start, end);
  gtk_text_buffer_end_user_action (as_text (self));
}

gboolean
desk_body_buffer_set_link (DeskBodyBuffer    *self,
                           const GtkTextIter *start,
                           const GtkTextIter *end,
                           const char        *href)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), FALSE);

  if (href && *href && !desk_link_href_is_allowed (href))
    return FALSE;
  gtk_text_buffer_begin_user_action (as_text (self));
  remove_links (self, start, end);
  if (href && *href && !gtk_text_iter_equal (start, end))
    gtk_text_buffer_apply_tag (as_text (self), desk_body_buffer_create_link_tag (self, href),
                               start, end);
  gtk_text_buffer_end_user_action (as_text (self));
  return TRUE;
}

const char *
desk_body_buffer_get_link (DeskBodyBuffer    *self,
                           const GtkTextIter *iter,
                           GtkTextIter       *start,
                           GtkTextIter       *end)
{
  g_autoptr (GSList) tags = NULL;

  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), NULL);

  tags = gtk_text_iter_get_tags (iter);
  for (GSList *l = tags; l; l = l->next)
    if (is_link_tag (l->data))
      {
        if (start)
          {
            *start = *iter;
            if (!gtk_text_iter_starts_tag (start, l->data))
              gtk_text_iter_backward_to_tag_toggle (start, l->data);
          }
        if (end)
          {
            *end = *iter;
            gtk_text_iter_forward_to_tag_toggle (end, l->data);
          }
        return g_object_get_data (l->data, DESK_LINK_HREF_KEY);
      }
  return NULL;
}

/* Settings */

void
desk_body_buffer_set_language (DeskBodyBuffer *self,
                               const char     *language)
{
  g_return_if_fail (DESK_IS_BODY_BUFFER (self));

  g_free (self->language);
  self->language = g_strdup (language && *language ? language : "en");
}

void
desk_body_buffer_set_dash_style (DeskBodyBuffer *self,
                                 DeskDashStyle   dash)
{
  g_return_if_fail (DESK_IS_BODY_BUFFER (self));
  self->dash = dash;
}

void
desk_body_buffer_set_smart_punctuation (DeskBodyBuffer *self,
                                        gboolean        enabled)
{
  g_return_if_fail (DESK_IS_BODY_BUFFER (self));
  self->smart = !!enabled;
}

void
desk_body_buffer_set_dark (DeskBodyBuffer *self,
                           gboolean        dark)
{
  g_return_if_fail (DESK_IS_BODY_BUFFER (self));

  /* libadwaita's link colours, light and dark */
  gdk_rgba_parse (&self->link_color, dark ? "#78aeed" : "#1c71d8");
  for (guint i = 0; i < self->link_tags->len; i++)
    g_object_set (g_ptr_array_index (self->link_tags, i), "foreground-rgba", &self->link_color,
                  NULL);
}

gint64
desk_body_buffer_get_slowest_insert (DeskBodyBuffer *self)
{
  g_return_val_if_fail (DESK_IS_BODY_BUFFER (self), 0);
  return self->slowest_insert;
}

void
desk_body_buffer_reset_slowest_insert (DeskBodyBuffer *self)
{
  g_return_if_fail (DESK_IS_BODY_BUFFER (self));
  self->slowest_insert = 0;
}

static void
desk_body_buffer_finalize (GObject *object)
{
  DeskBodyBuffer *self = DESK_BODY_BUFFER (object);

  g_clear_handle_id (&self->smart_source, g_source_remove);
  g_clear_pointer (&self->history, desk_body_history_free);
  g_clear_pointer (&self->link_tags, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (desk_body_buffer_parent_class)->finalize (object);
}

static void
desk_body_buffer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskBodyBuffer *self = DESK_BODY_BUFFER (object);

  switch (prop_id)
    {
    case PROP_HISTORY_CAN_UNDO:
      g_value_set_boolean (value, desk_body_history_can_undo (self));
      break;
    case PROP_HISTORY_CAN_REDO:
      g_value_set_boolean (value, desk_body_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void create_tags (DeskBodyBuffer *self);

static void
desk_body_buffer_constructed (GObject *object)
{
  G_OBJECT_CLASS (desk_body_buffer_parent_class)->constructed (object);
  create_tags (DESK_BODY_BUFFER (object));
}

static void
desk_body_buffer_class_init (DeskBodyBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->constructed = desk_body_buffer_constructed;
  object_class->finalize = desk_body_buffer_finalize;
  object_class->get_property = desk_body_buffer_get_property;
  buffer_class->insert_text = desk_body_buffer_insert_text;
  buffer_class->delete_range = desk_body_buffer_delete_range;
  buffer_class->apply_tag = desk_body_buffer_apply_tag;
  buffer_class->remove_tag = desk_body_buffer_remove_tag;
  buffer_class->begin_user_action = desk_body_buffer_begin_user_action;
  buffer_class->end_user_action = desk_body_buffer_end_user_action;

  properties[PROP_HISTORY_CAN_UNDO] =
    g_param_spec_boolean ("history-can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY_CAN_REDO] =
    g_param_spec_boolean ("history-can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
create_tags (DeskBodyBuffer *self)
{
  GtkTextBuffer *buffer = as_text (self);

  self->style_tags[DESK_PARA_PARAGRAPH] =
    gtk_text_buffer_create_tag (buffer, style_names[DESK_PARA_PARAGRAPH],
                                "pixels-below-lines", 10, NULL);
  self->style_tags[DESK_PARA_SUBHEADING] =
    gtk_text_buffer_create_tag (buffer, style_names[DESK_PARA_SUBHEADING],
                                "weight", PANGO_WEIGHT_BOLD, "scale", 1.25,
                                "pixels-above-lines", 14, "pixels-below-lines", 8, NULL);
  self->style_tags[DESK_PARA_QUOTE] =
    gtk_text_buffer_create_tag (buffer, style_names[DESK_PARA_QUOTE],
                                "style", PANGO_STYLE_ITALIC,
                                "left-margin", 32, "right-margin", 32,
                                "pixels-above-lines", 4, "pixels-below-lines", 4, NULL);
  self->style_tags[DESK_PARA_PULLQUOTE] =
    gtk_text_buffer_create_tag (buffer, style_names[DESK_PARA_PULLQUOTE],
                                "scale", 1.5, "weight", PANGO_WEIGHT_SEMIBOLD,
                                "justification", GTK_JUSTIFY_CENTER,
                                "left-margin", 48, "right-margin", 48,
                                "pixels-above-lines", 18, "pixels-below-lines", 6, NULL);
  self->style_tags[DESK_PARA_ATTRIBUTION] =
    gtk_text_buffer_create_tag (buffer, style_names[DESK_PARA_ATTRIBUTION],
                                "scale", 0.9, "weight", PANGO_WEIGHT_SEMIBOLD,
                                "left-margin", 32, "right-margin", 32,
                                "pixels-below-lines", 14, NULL);
  self->em_tag = gtk_text_buffer_create_tag (buffer, "em", "style", PANGO_STYLE_ITALIC, NULL);
  self->strong_tag = gtk_text_buffer_create_tag (buffer, "strong",
                                                 "weight", PANGO_WEIGHT_BOLD, NULL);
}

static void
desk_body_buffer_init (DeskBodyBuffer *self)
{
  self->link_tags = g_ptr_array_new ();
  self->history = desk_body_history_new ();
  gtk_text_buffer_set_enable_undo (as_text (self), FALSE);
  self->language = g_strdup ("en");
  self->smart = TRUE;
  gdk_rgba_parse (&self->link_color, "#1c71d8");
}

DeskBodyBuffer *
desk_body_buffer_new (void)
{
  return g_object_new (DESK_TYPE_BODY_BUFFER, NULL);
}
