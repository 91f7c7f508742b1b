/* desk-block.c — one block of a story's body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-block"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-block.h"
#include "desk-error.h"

struct _DeskBlock
{
  gatomicrefcount ref_count;
  DeskBlockKind kind;
  char *text;
  char *attribution;
  GArray *marks; /* of DeskMark */
};

G_DEFINE_BOXED_TYPE (DeskBlock, desk_block, desk_block_ref, desk_block_unref)

static const char *block_kind_names[] = { "paragraph", "subheading", "quote", "pullquote" };
static const char *mark_kind_names[] = { "em", "strong", "link" };

static void
clear_mark (gpointer data)
{
  DeskMark *mark = data;

  g_clear_pointer (&mark->href, g_free);
}

DeskBlock *
desk_block_new (DeskBlockKind kind,
                const char   *text)
{
  DeskBlock *self = g_new0 (DeskBlock, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->text = g_strdup (text ? text : "");
  self->attribution = g_strdup ("");
  self->marks = g_array_new (FALSE, TRUE, sizeof (DeskMark));
  g_array_set_clear_func (self->marks, clear_mark);
  return self;
}

DeskBlock *
desk_block_ref (DeskBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
desk_block_unref (DeskBlock *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->text);
  g_free (self->attribution);
  g_array_unref (self->marks);
  g_free (self);
}

DeskBlock *
desk_block_copy (const DeskBlock *self)
{
  DeskBlock *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = desk_block_new (self->kind, self->text);
  desk_block_set_attribution (copy, self->attribution);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const DeskMark *m = &g_array_index (self->marks, DeskMark, i);
      desk_block_add_mark (copy, m->kind, m->start, m->end, m->href);
    }
  return copy;
}

gboolean
desk_block_equal (const DeskBlock *a,
                  const DeskBlock *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->kind != b->kind || strcmp (a->text, b->text) != 0 ||
      strcmp (a->attribution, b->attribution) != 0 || a->marks->len != b->marks->len)
    return FALSE;
  for (guint i = 0; i < a->marks->len; i++)
    {
      const DeskMark *ma = &g_array_index (a->marks, DeskMark, i);
      const DeskMark *mb = &g_array_index (b->marks, DeskMark, i);

      if (ma->kind != mb->kind || ma->start != mb->start || ma->end != mb->end ||
          g_strcmp0 (ma->href, mb->href) != 0)
        return FALSE;
    }
  return TRUE;
}

DeskBlockKind
desk_block_get_kind (const DeskBlock *self)
{
  g_return_val_if_fail (self != NULL, DESK_BLOCK_PARAGRAPH);
  return self->kind;
}

void
desk_block_set_kind (DeskBlock    *self,
                     DeskBlockKind kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind <= DESK_BLOCK_PULLQUOTE);

  self->kind = kind;
}

const char *
desk_block_get_text (const DeskBlock *self)
{
  g_return_val_if_fail (self != NULL, "");
  return self->text;
}

void
desk_block_set_text (DeskBlock  *self,
                     const char *text)
{
  char *copy = g_strdup (text ? text : "");

  g_return_if_fail (self != NULL);

  /* copy first: @text may be the string we hold */
  g_free (self->text);
  self->text = copy;
}

/* Length of the text in characters, the unit marks are counted in. */
guint
desk_block_get_length (const DeskBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (guint) g_utf8_strlen (self->text, -1);
}

const char *
desk_block_get_attribution (const DeskBlock *self)
{
  g_return_val_if_fail (self != NULL, "");
  return self->attribution;
}

void
desk_block_set_attribution (DeskBlock  *self,
                            const char *attribution)
{
  char *copy = g_strdup (attribution ? attribution : "");

  g_return_if_fail (self != NULL);

  g_free (self->attribution);
  self->attribution = copy;
}

/* Only quotes and pull quotes carry an attribution. */
gboolean
desk_block_has_attribution (const DeskBlock *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->kind == DESK_BLOCK_QUOTE || self->kind == DESK_BLOCK_PULLQUOTE;
}

guint
desk_block_get_n_marks (const DeskBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->marks->len;
}

const DeskMark *
desk_block_get_mark (const DeskBlock *self,
                     guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  return &g_array_index (self->marks, DeskMark, index);
}

void
desk_block_add_mark (DeskBlock   *self,
                     DeskMarkKind kind,
                     guint        start,
                     guint        end,
                     const char  *href)
{
  DeskMark mark = { kind, start, end, NULL };

  g_return_if_fail (self != NULL);

  if (kind == DESK_MARK_LINK)
    mark.href = g_strdup (href ? href : "");
  g_array_append_val (self->marks, mark);
}

void
desk_block_clear_marks (DeskBlock *self)
{
  g_return_if_fail (self != NULL);
  g_array_set_size (self->marks, 0);
}

/* Checks what a reader of untrusted input must refuse: marks outside the
 * text, empty or reversed ranges, links with a scheme we never write. */
gboolean
desk_block_check (const DeskBlock *self,
                  GError         **error)
{
  guint length;

  g_return_val_if_fail (self != NULL, FALSE);

  length = desk_block_get_length (self);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const DeskMark *m = &g_array_index (self->marks, DeskMark, i);

      if (m->start >= m->end || m->end > length)
        {
          g_set_error (error, DESK_MODEL_ERROR, DESK_MODEL_ERROR_INVALID,
                       ngettext ("mark %u (%u–%u) lies outside the text of %u character",
                                 "mark %u (%u–%u) lies outside the text of %u characters",
                                 length),
                       i + 1, m->start, m->end, length);
          return FALSE;
        }
      if (m->kind == DESK_MARK_LINK && !desk_link_href_is_allowed (m->href))
        {
          g_set_error (error, DESK_MODEL_ERROR, DESK_MODEL_ERROR_INVALID,
                       _("link “%s” is not an http, https or mailto address"), m->href);
          return FALSE;
        }
    }
  return TRUE;
}

const char *
desk_block_kind_to_string (DeskBlockKind kind)
{
  g_return_val_if_fail (kind <= DESK_BLOCK_PULLQUOTE, "paragraph");
  return block_kind_names[kind];
}

gboolean
desk_block_kind_from_string (const char    *str,
                             DeskBlockKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (block_kind_names); i++)
    if (g_strcmp0 (str, block_kind_names[i]) == 0)
      {
        *kind = (DeskBlockKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
desk_mark_kind_to_string (DeskMarkKind kind)
{
  g_return_val_if_fail (kind <= DESK_MARK_LINK, "em");
  return mark_kind_names[kind];
}

gboolean
desk_mark_kind_from_string (const char   *str,
                            DeskMarkKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (mark_kind_names); i++)
    if (g_strcmp0 (str, mark_kind_names[i]) == 0)
      {
        *kind = (DeskMarkKind) i;
        return TRUE;
      }
  return FALSE;
}

/* Only web and mail links survive into a story: anything else (javascript:,
 * data:, file:) could run or read something when the export is opened. */
gboolean
desk_link_href_is_allowed (const char *href)
{
  static const char *schemes[] = { "http://", "https://", "mailto:" };

  if (href == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      gsize n = strlen (schemes[i]);

      if (g_ascii_strncasecmp (href, schemes[i], n) == 0 && href[n] != '\0')
        return TRUE;
    }
  return FALSE;
}
