/* test-body-buffer.c — the body buffer: blocks in and out, styles, typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "desk-body-buffer.h"

static GPtrArray *
sample_blocks (void)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_block_unref);
  DeskBlock *block;

  block = desk_block_new (DESK_BLOCK_PARAGRAPH, "Albanian police raided the camp.");
  desk_block_add_mark (block, DESK_MARK_EM, 0, 8, NULL);
  desk_block_add_mark (block, DESK_MARK_STRONG, 0, 15, NULL);
  g_ptr_array_add (blocks, block);
  g_ptr_array_add (blocks, desk_block_new (DESK_BLOCK_SUBHEADING, "Authorities assert control"));
  block = desk_block_new (DESK_BLOCK_QUOTE, "I guarantee that the law applies to all.");
  desk_block_set_attribution (block, "Bledi Çuçi");
  g_ptr_array_add (blocks, block);
  g_ptr_array_add (blocks, desk_block_new (DESK_BLOCK_QUOTE, "A quote nobody signed."));
  block = desk_block_new (DESK_BLOCK_PARAGRAPH, "Read the statement and the report here.");
  desk_block_add_mark (block, DESK_MARK_LINK, 9, 18, "https://example.org/statement");
  desk_block_add_mark (block, DESK_MARK_LINK, 23, 29, "mailto:desk@example.org");
  desk_block_add_mark (block, DESK_MARK_STRONG, 34, 38, NULL);
  g_ptr_array_add (blocks, block);
  g_ptr_array_add (blocks, desk_block_new (DESK_BLOCK_PARAGRAPH, "زن، زندگی، آزادی"));
  block = desk_block_new (DESK_BLOCK_PULLQUOTE, "We will not leave.");
  desk_block_add_mark (block, DESK_MARK_EM, 12, 18, NULL);
  desk_block_set_attribution (block, "A resident");
  g_ptr_array_add (blocks, block);
  return blocks;
}

static void
assert_blocks_equal (GPtrArray *expected,
                     GPtrArray *actual)
{
  g_assert_cmpuint (expected->len, ==, actual->len);
  for (guint i = 0; i < expected->len; i++)
    {
      DeskBlock *a = g_ptr_array_index (expected, i);
      DeskBlock *b = g_ptr_array_index (actual, i);

      g_assert_cmpstr (desk_block_get_text (a), ==, desk_block_get_text (b));
      g_assert_cmpstr (desk_block_get_attribution (a), ==, desk_block_get_attribution (b));
      g_assert_cmpint (desk_block_get_kind (a), ==, desk_block_get_kind (b));
      g_assert_cmpuint (desk_block_get_n_marks (a), ==, desk_block_get_n_marks (b));
      g_assert_true (desk_block_equal (a, b));
    }
}

/* The style tag of @line covers all of it, newline included, and no
 * other style tag touches it. */
static void
assert_line_style (DeskBodyBuffer *buffer,
                   int             line,
                   const char     *style)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer));
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, style);
  const char *others[] = { "paragraph", "subheading", "quote", "pullquote", "attribution" };
  GtkTextIter start, end, iter;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (buffer), &start, line);
  end = start;
  if (!gtk_text_iter_forward_line (&end))
    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        GtkTextTag *other = gtk_text_tag_table_lookup (table, others[i]);
        if (gtk_text_iter_has_tag (&iter, other) != (other == tag))
          g_test_message ("line %d offset %d: %s", line, gtk_text_iter_get_line_offset (&iter),
                          others[i]);
        g_assert_cmpint (gtk_text_iter_has_tag (&iter, other), ==, other == tag);
      }
}

static void
test_round_trip (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autoptr (GPtrArray) blocks = sample_blocks ();
  g_autoptr (GPtrArray) out = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  desk_body_buffer_load (buffer, blocks);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (text, "Albanian police raided the camp.\nAuthorities"));
  g_assert_true (g_str_has_suffix (text, "\nWe will not leave.\nA resident"));
  g_assert_false (desk_body_buffer_can_undo (buffer));

  assert_line_style (buffer, 0, "paragraph");
  assert_line_style (buffer, 1, "subheading");
  assert_line_style (buffer, 2, "quote");
  assert_line_style (buffer, 3, "attribution");
  assert_line_style (buffer, 4, "quote");
  assert_line_style (buffer, 7, "pullquote");
  assert_line_style (buffer, 8, "attribution");

  out = desk_body_buffer_dup_blocks (buffer);
  assert_blocks_equal (blocks, out);
}

static void
test_empty (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autoptr (GPtrArray) blocks = g_ptr_array_new ();
  g_autoptr (GPtrArray) out = NULL;

  desk_body_buffer_load (buffer, blocks);
  g_assert_true (desk_body_buffer_is_empty (buffer));
  out = desk_body_buffer_dup_blocks (buffer);
  g_assert_cmpuint (out->len, ==, 0);
}

/* As GtkTextView types: one user action a character. */
static void
type (DeskBodyBuffer *buffer,
      const char     *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (buffer), ch, -1, TRUE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

static void
set_style_at_cursor (DeskBodyBuffer *buffer,
                     DeskParaStyle   style)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (buffer)));
  desk_body_buffer_set_style (buffer, &iter, &iter, style);
}

static DeskParaStyle
style_of_line (DeskBodyBuffer *buffer,
               int             line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (buffer), &iter, line);
  return desk_body_buffer_get_style (buffer, &iter);
}

static void
test_enter_rules (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autoptr (GPtrArray) out = NULL;
  DeskBlock *block;

  desk_body_buffer_set_smart_punctuation (buffer, FALSE);
  set_style_at_cursor (buffer, DESK_PARA_SUBHEADING);
  type (buffer, "Control\nFirst paragraph.\n");
  set_style_at_cursor (buffer, DESK_PARA_QUOTE);
  type (buffer, "We stay.\nA resident\nAfter.");

  g_assert_cmpint (style_of_line (buffer, 0), ==, DESK_PARA_SUBHEADING);
  g_assert_cmpint (style_of_line (buffer, 1), ==, DESK_PARA_PARAGRAPH);
  g_assert_cmpint (style_of_line (buffer, 2), ==, DESK_PARA_QUOTE);
  g_assert_cmpint (style_of_line (buffer, 3), ==, DESK_PARA_ATTRIBUTION);
  g_assert_cmpint (style_of_line (buffer, 4), ==, DESK_PARA_PARAGRAPH);
  assert_line_style (buffer, 0, "subheading");
  assert_line_style (buffer, 2, "quote");
  assert_line_style (buffer, 4, "paragraph");

  out = desk_body_buffer_dup_blocks (buffer);
  g_assert_cmpuint (out->len, ==, 4);
  block = g_ptr_array_index (out, 2);
  g_assert_cmpint (desk_block_get_kind (block), ==, DESK_BLOCK_QUOTE);
  g_assert_cmpstr (desk_block_get_text (block), ==, "We stay.");
  g_assert_cmpstr (desk_block_get_attribution (block), ==, "A resident");
}

/* Backspace at the start of a paragraph: the joined line keeps the style
 * of the first; Enter in the middle of a subheading splits it in two. */
static void
test_join_and_split (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autoptr (GPtrArray) blocks = sample_blocks ();
  GtkTextIter iter, end;

  desk_body_buffer_load (buffer, blocks);
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (buffer), &iter, 2);
  gtk_text_buffer_backspace (GTK_TEXT_BUFFER (buffer), &iter, TRUE, TRUE);
  g_assert_cmpint (style_of_line (buffer, 1), ==, DESK_PARA_SUBHEADING);
  assert_line_style (buffer, 1, "subheading");
  assert_line_style (buffer, 2, "attribution");

  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &iter, 1, 11);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  type (buffer, "\n");
  assert_line_style (buffer, 1, "subheading");
  assert_line_style (buffer, 2, "subheading");

  /* the last line of the buffer */
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &end);
  type (buffer, " and family");
  assert_line_style (buffer, gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (buffer)) - 1,
                     "attribution");
}

static char *
get_all (DeskBodyBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, FALSE);
}

static void
test_smart_punctuation (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autofree char *text = NULL;

  type (buffer, "\"It's 1990s--and...\" 'ok'");
  text = get_all (buffer);
  g_assert_cmpstr (text, ==, "“It’s 1990s–and…” ‘ok’");
  g_clear_pointer (&text, g_free);

  desk_body_buffer_set_language (buffer, "de-DE");
  desk_body_buffer_set_dash_style (buffer, DESK_DASH_EM);
  type (buffer, " \"ja\" a--b");
  text = get_all (buffer);
  g_assert_true (g_str_has_suffix (text, " „ja“ a—b"));
}

/* One undo after a substitution gives back the straight mark, a second
 * one takes away the typing. */
static void
test_smart_quote_undo (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autofree char *text = NULL;

  type (buffer, "He said ");
  type (buffer, "\"");
  text = get_all (buffer);
  g_assert_cmpstr (text, ==, "He said “");
  g_clear_pointer (&text, g_free);

  g_assert_true (desk_body_buffer_can_undo (buffer));
  g_assert_true (desk_body_buffer_undo (buffer));
  text = get_all (buffer);
  g_assert_cmpstr (text, ==, "He said \"");
  g_clear_pointer (&text, g_free);

  g_assert_true (desk_body_buffer_undo (buffer));
  text = get_all (buffer);
  g_assert_null (strchr (text, '"'));
}

static void
test_marks_and_links (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autoptr (GPtrArray) out = NULL;
  const DeskMark *mark;
  GtkTextIter start, end;

  desk_body_buffer_set_smart_punctuation (buffer, FALSE);
  type (buffer, "one two three\nfour");
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &start, 0, 4);
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &end, 1, 2);
  desk_body_buffer_toggle_mark (buffer, &start, &end, DESK_MARK_EM);
  g_assert_true (desk_body_buffer_has_mark (buffer, &start, DESK_MARK_EM));
  g_assert_false (desk_body_buffer_set_link (buffer, &start, &end, "javascript:alert(1)"));
  g_assert_true (desk_body_buffer_set_link (buffer, &start, &end, "https://example.org"));
  g_assert_cmpstr (desk_body_buffer_get_link (buffer, &start, NULL, NULL), ==,
                   "https://example.org");

  out = desk_body_buffer_dup_blocks (buffer);
  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpuint (desk_block_get_n_marks (g_ptr_array_index (out, 0)), ==, 2);
  mark = desk_block_get_mark (g_ptr_array_index (out, 0), 0);
  g_assert_cmpint (mark->kind, ==, DESK_MARK_EM);
  g_assert_cmpuint (mark->start, ==, 4);
  g_assert_cmpuint (mark->end, ==, 13);
  mark = desk_block_get_mark (g_ptr_array_index (out, 1), 1);
  g_assert_cmpint (mark->kind, ==, DESK_MARK_LINK);
  g_assert_cmpuint (mark->end, ==, 2);

  desk_body_buffer_toggle_mark (buffer, &start, &end, DESK_MARK_EM);
  g_assert_false (desk_body_buffer_has_mark (buffer, &start, DESK_MARK_EM));
  desk_body_buffer_set_link (buffer, &start, &end, NULL);
  g_assert_null (desk_body_buffer_get_link (buffer, &start, NULL, NULL));
}

/* Undo and redo: the body's own history */

static void
assert_same_body (DeskBodyBuffer *buffer,
                  GPtrArray      *expected)
{
  g_autoptr (GPtrArray) out = desk_body_buffer_dup_blocks (buffer);

  assert_blocks_equal (expected, out);
}

/* A deletion across paragraphs with every style and mark comes back with
 * its styles and marks, and goes again on redo. */
static void
test_undo_delete_keeps_formatting (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autoptr (GPtrArray) blocks = sample_blocks ();
  g_autoptr (GPtrArray) after = NULL;
  GtkTextIter start, end;

  desk_body_buffer_load (buffer, blocks);
  g_assert_false (desk_body_buffer_can_undo (buffer));
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &start, 0, 4);
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &end, 7, 3);
  gtk_text_buffer_delete_interactive (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE);
  after = desk_body_buffer_dup_blocks (buffer);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (desk_body_buffer_can_undo (buffer));
  g_assert_false (desk_body_buffer_can_redo (buffer));

  g_assert_true (desk_body_buffer_undo (buffer));
  assert_same_body (buffer, blocks);
  assert_line_style (buffer, 0, "paragraph");
  assert_line_style (buffer, 7, "pullquote");
  g_assert_true (desk_body_buffer_can_redo (buffer));

  g_assert_true (desk_body_buffer_redo (buffer));
  assert_same_body (buffer, after);
  g_assert_true (desk_body_buffer_undo (buffer));
  assert_same_body (buffer, blocks);
  g_assert_false (desk_body_buffer_undo (buffer));
}

static void
select_lines (DeskBodyBuffer *buffer,
              int             line,
              int             from,
              int             to)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &start, line, from);
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &end, line, to);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (buffer), &start, &end);
}

/* A paragraph style, emphasis and a link are each one step; undo takes
 * back exactly that step and gives back the selection it was made on. */
static void
test_undo_styles_and_marks (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autoptr (GPtrArray) typed = NULL;
  GtkTextIter start, end;

  desk_body_buffer_set_smart_punctuation (buffer, FALSE);
  type (buffer, "Control\nThe camp was raided.");
  typed = desk_body_buffer_dup_blocks (buffer);

  select_lines (buffer, 0, 0, 3);
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  desk_body_buffer_set_style (buffer, &start, &end, DESK_PARA_SUBHEADING);
  select_lines (buffer, 1, 4, 8);
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  desk_body_buffer_toggle_mark (buffer, &start, &end, DESK_MARK_STRONG);
  g_assert_true (desk_body_buffer_set_link (buffer, &start, &end, "https://example.org/camp"));
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);

  g_assert_true (desk_body_buffer_undo (buffer));
  g_assert_null (desk_body_buffer_get_link (buffer, &start, NULL, NULL));
  g_assert_true (desk_body_buffer_has_mark (buffer, &start, DESK_MARK_STRONG));
  g_assert_true (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (buffer), &start, &end));
  g_assert_cmpint (gtk_text_iter_get_line_offset (&start), ==, 4);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&end), ==, 8);

  g_assert_true (desk_body_buffer_undo (buffer));
  g_assert_false (desk_body_buffer_has_mark (buffer, &start, DESK_MARK_STRONG));
  g_assert_cmpint (style_of_line (buffer, 0), ==, DESK_PARA_SUBHEADING);
  g_assert_true (desk_body_buffer_undo (buffer));
  g_assert_cmpint (style_of_line (buffer, 0), ==, DESK_PARA_PARAGRAPH);
  assert_line_style (buffer, 0, "paragraph");
  assert_same_body (buffer, typed);

  g_assert_true (desk_body_buffer_redo (buffer));
  g_assert_true (desk_body_buffer_redo (buffer));
  g_assert_true (desk_body_buffer_redo (buffer));
  g_assert_false (desk_body_buffer_redo (buffer));
  g_assert_cmpint (style_of_line (buffer, 0), ==, DESK_PARA_SUBHEADING);
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &start, 1, 5);
  g_assert_cmpstr (desk_body_buffer_get_link (buffer, &start, NULL, NULL), ==,
                   "https://example.org/camp");
  g_assert_true (desk_body_buffer_has_mark (buffer, &start, DESK_MARK_STRONG));
}

static char *get_all (DeskBodyBuffer *buffer);

/* Typing is undone a word at a time; a new edit drops what could be
 * redone; Enter after a quote (which opens an attribution) is a step. */
static void
test_undo_typing (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autofree char *text = NULL;

  desk_body_buffer_set_smart_punctuation (buffer, FALSE);
  set_style_at_cursor (buffer, DESK_PARA_QUOTE);
  type (buffer, "We stay here\n");
  g_assert_cmpint (style_of_line (buffer, 1), ==, DESK_PARA_ATTRIBUTION);

  g_assert_true (desk_body_buffer_undo (buffer));
  g_assert_cmpint (gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (buffer)), ==, 1);
  g_assert_true (desk_body_buffer_undo (buffer));
  text = get_all (buffer);
  g_assert_cmpstr (text, ==, "We stay ");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (style_of_line (buffer, 0), ==, DESK_PARA_QUOTE);

  type (buffer, "put");
  g_assert_false (desk_body_buffer_can_redo (buffer));
  g_assert_true (desk_body_buffer_undo (buffer));
  g_assert_true (desk_body_buffer_undo (buffer));
  g_assert_true (desk_body_buffer_undo (buffer));
  text = get_all (buffer);
  g_assert_cmpstr (text, ==, "");
  g_assert_true (desk_body_buffer_undo (buffer));
  g_assert_cmpint (style_of_line (buffer, 0), ==, DESK_PARA_PARAGRAPH);
  g_assert_false (desk_body_buffer_can_undo (buffer));
}

static void
count_call (guint *count)
{
  (*count)++;
}

/* Tags that are not the story's (a find's highlights) are not history,
 * and loading a story forgets the history of the one before. */
static void
test_undo_ignores_other_tags (void)
{
  g_autoptr (DeskBodyBuffer) buffer = desk_body_buffer_new ();
  g_autoptr (GPtrArray) blocks = sample_blocks ();
  GtkTextTag *highlight;
  GtkTextIter start, end;
  guint notified = 0;

  type (buffer, "Some words");
  g_signal_connect_swapped (buffer, "notify::history-can-undo", G_CALLBACK (count_call),
                            &notified);
  desk_body_buffer_load (buffer, blocks);
  g_assert_false (desk_body_buffer_can_undo (buffer));
  g_assert_cmpuint (notified, ==, 1);

  highlight = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), NULL, "background", "yellow",
                                          NULL);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (buffer), highlight, &start, &end);
  g_assert_false (desk_body_buffer_can_undo (buffer));
  g_assert_cmpuint (notified, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copydesk/body-buffer/round-trip", test_round_trip);
  g_test_add_func ("/copydesk/body-buffer/empty", test_empty);
  g_test_add_func ("/copydesk/body-buffer/enter-rules", test_enter_rules);
  g_test_add_func ("/copydesk/body-buffer/join-and-split", test_join_and_split);
  g_test_add_func ("/copydesk/body-buffer/marks-and-links", test_marks_and_links);
  g_test_add_func ("/copydesk/body-buffer/smart-punctuation", test_smart_punctuation);
  g_test_add_func ("/copydesk/body-buffer/smart-quote-undo", test_smart_quote_undo);
  g_test_add_func ("/copydesk/body-buffer/undo-delete-keeps-formatting",
                   test_undo_delete_keeps_formatting);
  g_test_add_func ("/copydesk/body-buffer/undo-styles-and-marks", test_undo_styles_and_marks);
  g_test_add_func ("/copydesk/body-buffer/undo-typing", test_undo_typing);
  g_test_add_func ("/copydesk/body-buffer/undo-ignores-other-tags", test_undo_ignores_other_tags);
  return g_test_run ();
}
