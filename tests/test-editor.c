/* test-editor.c — the story editor: typing reaches the store, failures keep the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "desk-editor-body-port.h"
#include "desk-editor-private.h"

typedef struct {
  char *dir;
  char *path;
  DeskStore *store;
  GtkWindow *window;
  DeskEditor *editor;
  gint64 first;
  gint64 second;
} Fixture;

static void
wait_for_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done (polled) holds, failing after 10 s. */
#define WAIT_UNTIL(cond)                                                  \
  G_STMT_START {                                                          \
    gboolean timed_out = FALSE;                                           \
    guint source = g_timeout_add_seconds (10, timeout_cb, &timed_out);    \
    while (!(cond) && !timed_out)                                         \
      g_main_context_iteration (NULL, TRUE);                              \
    g_assert_false (timed_out);                                           \
    g_source_remove (source);                                             \
  } G_STMT_END

static gint64
add_story (DeskStore  *store,
           const char *headline,
           const char *body)
{
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autoptr (GError) error = NULL;

  desk_article_set_headline (article, headline);
  desk_article_set_language (article, "en");
  desk_article_append_block (article, desk_block_new (DESK_BLOCK_PARAGRAPH, body));
  g_assert_true (desk_store_save (store, article, &error));
  g_assert_no_error (error);
  return desk_article_get_id (article);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("copydesk-editor-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = desk_store_open (fixture->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->first = add_story (fixture->store, "First story", "The first body.");
  fixture->second = add_story (fixture->store, "Second story", "The second body.");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->editor = desk_editor_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_present (fixture->window);
  desk_editor_set_store (fixture->editor, fixture->store);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  wait_for_idle ();
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
load (Fixture *fixture,
      gint64   id)
{
  desk_editor_load_story (fixture->editor, id);
  g_assert_true (fixture->editor->busy);
  WAIT_UNTIL (!fixture->editor->busy);
  g_assert_cmpint (desk_editor_get_story_id (fixture->editor), ==, id);
}

/* As GtkTextView types: one user action a character, the main loop
 * running between keys. */
static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, ch, -1, TRUE);
      wait_for_idle ();
    }
}

static void
move_to_end (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

static DeskArticle *
load_stored (Fixture *fixture,
             gint64   id)
{
  g_autoptr (GError) error = NULL;
  DeskArticle *article = desk_store_load (fixture->store, id, &error);

  g_assert_no_error (error);
  return article;
}

static void
flush_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (desk_editor_flush_finish (DESK_EDITOR (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static void
on_saved_cb (DeskEditor *editor,
             gint64      id,
             gint64     *saved_id)
{
  *saved_id = id;
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (DeskArticle) stored = NULL;
  gint64 saved_id = 0;
  const DeskBlock *block;
  g_autofree char *title = NULL;

  load (fixture, fixture->first);
  g_signal_connect (fixture->editor, "story-saved", G_CALLBACK (on_saved_cb), &saved_id);
  move_to_end (fixture->editor->headline_view);
  type_into (fixture->editor->headline_view, " grows");
  move_to_end (fixture->editor->body_view);
  type_into (fixture->editor->body_view, "\nHe said \"no\".");
  g_object_get (fixture->editor, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "First story grows");
  g_assert_cmpint (fixture->editor->save_state, ==, DESK_SAVE_STATE_SAVING);

  /* no flush: the autosave timeout alone */
  WAIT_UNTIL (saved_id == fixture->first && fixture->editor->save_state == DESK_SAVE_STATE_SAVED);
  stored = load_stored (fixture, fixture->first);
  g_assert_cmpstr (desk_article_get_headline (stored), ==, "First story grows");
  g_assert_cmpuint (desk_article_get_n_blocks (stored), ==, 2);
  block = desk_article_get_block (stored, 1);
  g_assert_cmpstr (desk_block_get_text (block), ==, "He said “no”.");
}

static void
test_styles_and_status (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (DeskArticle) stored = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  gboolean flushed = FALSE;

  load (fixture, fixture->second);
  move_to_end (fixture->editor->body_view);
  type_into (fixture->editor->body_view, "\nA subheading");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.style", "i",
                                             DESK_PARA_SUBHEADING));
  g_object_set (fixture->editor, "status", DESK_STATUS_READY, NULL);
  desk_editor_flush_async (fixture->editor, NULL,
                           flush_done_cb, &flushed);
  WAIT_UNTIL (flushed);

  stored = load_stored (fixture, fixture->second);
  g_assert_cmpint (desk_article_get_status (stored), ==, DESK_STATUS_READY);
  g_assert_cmpint (desk_block_get_kind (desk_article_get_block (stored, 1)), ==,
                   DESK_BLOCK_SUBHEADING);
  revisions = desk_store_list_revisions (fixture->store, fixture->second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, >=, 1);
  g_assert_cmpint (((DeskRevision *) g_ptr_array_index (revisions, 0))->kind, ==,
                   DESK_REVISION_STATUS);
}

static gboolean
has_revision (Fixture          *fixture,
              gint64            id,
              DeskRevisionKind  kind)
{
  g_autoptr (GPtrArray) revisions = desk_store_list_revisions (fixture->store, id, NULL);

  for (guint i = 0; revisions && i < revisions->len; i++)
    if (((DeskRevision *) g_ptr_array_index (revisions, i))->kind == kind)
      return TRUE;
  return FALSE;
}

/* Typing and switching at once: the first story's words are saved and a
 * close revision recorded, without waiting for the timeout. */
static void
test_switch_flushes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (DeskArticle) stored = NULL;
  gboolean flushed = FALSE;

  load (fixture, fixture->first);
  move_to_end (fixture->editor->body_view);
  type_into (fixture->editor->body_view, " Last words");
  load (fixture, fixture->second);
  g_assert_cmpint (fixture->editor->save_state, ==, DESK_SAVE_STATE_SAVED);

  desk_editor_flush_async (fixture->editor, NULL, flush_done_cb, &flushed);
  WAIT_UNTIL (flushed);
  stored = load_stored (fixture, fixture->first);
  g_assert_cmpstr (desk_block_get_text (desk_article_get_block (stored, 0)), ==,
                   "The first body. Last words");
  g_assert_true (has_revision (fixture, fixture->first, DESK_REVISION_CLOSE));
  g_assert_false (has_revision (fixture, fixture->second, DESK_REVISION_CLOSE));
}

/* Checkpoints are added on the worker: the main loop goes on at once, and
 * a flush waits for the revision as for a save. */
static void
test_checkpoint_async (Fixture       *fixture,
                       gconstpointer  data)
{
  gboolean flushed = FALSE;

  load (fixture, fixture->first);
  move_to_end (fixture->editor->body_view);
  type_into (fixture->editor->body_view, " More.");
  desk_editor_flush_async (fixture->editor, NULL, flush_done_cb, &flushed);
  WAIT_UNTIL (flushed);
  g_assert_true (fixture->editor->checkpoint_due);
  g_assert_false (has_revision (fixture, fixture->first, DESK_REVISION_AUTOSAVE));

  desk_editor_checkpoint_cb (fixture->editor);
  g_assert_cmpuint (fixture->editor->n_revisions, ==, 1);
  g_assert_false (desk_editor_is_all_saved (fixture->editor));
  flushed = FALSE;
  desk_editor_flush_async (fixture->editor, NULL, flush_done_cb, &flushed);
  WAIT_UNTIL (flushed);
  g_assert_cmpuint (fixture->editor->n_revisions, ==, 0);
  g_assert_true (has_revision (fixture, fixture->first, DESK_REVISION_AUTOSAVE));
}

/* Runs the main loop for a few frames: long enough to lay out and draw. */
static void
wait_for_frames (void)
{
  gboolean done = FALSE;

  g_timeout_add (300, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* How many pixels of @widget the renderer draws darker than mid grey. */
static guint
count_dark_pixels (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint dark = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    dark += pixels[i * 4 + 3] > 128 && pixels[i * 4 + 1] < 128; /* premultiplied BGRA */
  return dark;
}

typedef struct {
  int height;
  int lines;
  guint dark;
} Shown;

/* Loads a story while the editor is hidden (as the window does behind
 * its "no story" page), then shows it. */
static Shown
show_headline (Fixture    *fixture,
               const char *headline)
{
  gint64 id = add_story (fixture->store, headline, "Body.");
  GtkTextView *view = fixture->editor->headline_view;
  GtkWidget *widget = GTK_WIDGET (view);
  Shown shown = { 0, 1, 0 };
  GtkTextIter iter;
  int y, line_height;

  gtk_widget_set_visible (GTK_WIDGET (fixture->editor), FALSE);
  wait_for_frames ();
  load (fixture, id);
  gtk_widget_set_visible (GTK_WIDGET (fixture->editor), TRUE);
  wait_for_frames ();

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &iter);
  while (gtk_text_view_forward_display_line (view, &iter))
    shown.lines++;
  /* every display line comes to lie inside the view (on a busy machine
   * GTK may take a few more frames) */
  gtk_text_view_get_line_yrange (view, &iter, &y, &line_height);
  WAIT_UNTIL (y + line_height <= gtk_widget_get_height (widget));
  shown.height = gtk_widget_get_height (widget);
  shown.dark = count_dark_pixels (widget);
  return shown;
}

/* A right-to-left headline is laid out and drawn like a left-to-right one,
 * also when the story was loaded while the editor was hidden. */
static void
test_headline_rtl (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
  Shown english, persian;

  gtk_css_provider_load_from_resource (css, "/io/github/copydesk/Copydesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  english = show_headline (fixture, "Albanian police raid the compound of Iranian exiles "
                                    "near Tirana after weeks of talks");
  persian = show_headline (fixture, "پلیس آلبانی به اردوگاه مجاهدین خلق در نزدیکی تیرانا "
                                    "یورش برد و اسناد را ضبط کرد");
  g_assert_cmpint (english.lines, ==, 2);
  g_assert_cmpint (persian.lines, ==, 2);
  /* fonts differ: the Arabic-script face has shorter lines */
  g_assert_cmpint (persian.height, >=, english.height * 8 / 10);
  g_assert_cmpint (persian.height, <=, english.height * 12 / 10);
  g_assert_cmpuint (english.dark, >, 500);
  g_assert_cmpuint (persian.dark, >=, english.dark / 4);

  english = show_headline (fixture, "Albanian police raid");
  persian = show_headline (fixture, "پلیس آلبانی یورش برد");
  g_assert_cmpint (persian.lines, ==, 1);
  g_assert_cmpint (persian.height, >=, english.height * 8 / 10);
  g_assert_cmpuint (persian.dark, >, 100);
}

static const char wire_copy[] =
  "Albanian police raid compound\n"
  "\n"
  "TIRANA, June 21, 2023 \u2013 Albanian police forces conducted a raid.\n"
  "\n"
  "-Albanian authorities assert control-\n"
  "\n"
  "Authorities seized computers.\n";

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Puts @text on the clipboard as another application would, and pastes
 * it into the empty body of a story with @headline. */
static GtkTextBuffer *
paste_wire_copy (Fixture    *fixture,
                 const char *headline)
{
  g_autoptr (DeskArticle) article = desk_article_new ();
  GtkTextView *view = fixture->editor->body_view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr (GError) error = NULL;

  desk_article_set_headline (article, headline);
  g_assert_true (desk_store_save (fixture->store, article, &error));
  load (fixture, desk_article_get_id (article));
  g_assert_true (desk_body_buffer_is_empty (DESK_BODY_BUFFER (buffer)));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), wire_copy);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_signal_emit_by_name (view, "paste-clipboard");
  WAIT_UNTIL (!desk_body_buffer_is_empty (DESK_BODY_BUFFER (buffer)));
  wait_for_idle ();
  return buffer;
}

/* Wire copy pasted into an empty body is structured, its headline and
 * dateline go to the empty fields, and one undo gives the plain paste. */
static void
test_paste_structures (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkTextBuffer *buffer = paste_wire_copy (fixture, "");
  g_autoptr (GPtrArray) blocks = desk_body_buffer_dup_blocks (DESK_BODY_BUFFER (buffer));
  GtkTextView *headline_view = fixture->editor->headline_view;
  g_autofree char *headline = dup_buffer_text (gtk_text_view_get_buffer (headline_view));
  g_autofree char *plain = NULL;

  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpstr (desk_block_get_text (blocks->pdata[0]), ==,
                   "Albanian police forces conducted a raid.");
  g_assert_cmpint (desk_block_get_kind (blocks->pdata[1]), ==, DESK_BLOCK_SUBHEADING);
  g_assert_cmpstr (desk_block_get_text (blocks->pdata[1]), ==,
                   "Albanian authorities assert control");
  g_assert_cmpstr (headline, ==, "Albanian police raid compound");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->editor->place_entry)), ==,
                   "Tirana");
  g_assert_cmpstr (desk_dateline_get_date (fixture->editor->dateline), ==, "2023-06-21");

  g_assert_true (desk_body_buffer_undo (DESK_BODY_BUFFER (buffer)));
  wait_for_idle ();
  plain = dup_buffer_text (buffer);
  g_assert_cmpstr (plain, ==, wire_copy);
}

/* A headline already there is not replaced: the paste stays plain, so no
 * pasted line is lost. */
static void
test_paste_keeps_headline (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkTextBuffer *buffer = paste_wire_copy (fixture, "Our own headline");
  GtkTextView *headline_view = fixture->editor->headline_view;
  g_autofree char *headline = dup_buffer_text (gtk_text_view_get_buffer (headline_view));
  g_autofree char *body = dup_buffer_text (buffer);

  g_assert_cmpstr (headline, ==, "Our own headline");
  g_assert_cmpstr (body, ==, wire_copy);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->editor->place_entry)), ==, "");
}

static void
flush_failed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  GError **error = data;

  g_assert_false (desk_editor_flush_finish (DESK_EDITOR (source), result, error));
}

/* A store that cannot be written: the text stays, the banner says so. */
static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (DeskStore) read_only = NULL;
  g_autoptr (DeskArticle) shown = NULL;
  g_autoptr (DeskArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) flush_error = NULL;

  read_only = desk_store_open (fixture->path, DESK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  desk_editor_set_store (fixture->editor, read_only);
  load (fixture, fixture->first);
  move_to_end (fixture->editor->body_view);
  type_into (fixture->editor->body_view, " Unsaved words");

  desk_editor_flush_async (fixture->editor, NULL, flush_failed_cb, &flush_error);
  WAIT_UNTIL (flush_error != NULL);
  g_assert_cmpint (fixture->editor->save_state, ==, DESK_SAVE_STATE_FAILED);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->editor->banner_revealer));
  g_assert_true (fixture->editor->retry_timeout != 0);

  shown = desk_editor_dup_article (fixture->editor);
  g_assert_cmpstr (desk_block_get_text (desk_article_get_block (shown, 0)), ==,
                   "The first body. Unsaved words");
  stored = load_stored (fixture, fixture->first);
  g_assert_cmpstr (desk_block_get_text (desk_article_get_block (stored, 0)), ==,
                   "The first body.");
  desk_editor_clear (fixture->editor);
  wait_for_idle ();
  g_assert_true (gtk_revealer_get_reveal_child (fixture->editor->banner_revealer));
  g_assert_cmpuint (fixture->editor->queued->len + fixture->editor->orphans->len +
                    fixture->editor->n_background, ==, 1);
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  load (fixture, fixture->second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (fixture->editor->search_bar));
  gtk_editable_set_text (GTK_EDITABLE (fixture->editor->search_entry), "the");
  WAIT_UNTIL (fixture->editor->n_matches > 0);
  g_assert_cmpuint (fixture->editor->n_matches, ==, 1);
  g_assert_true (gtk_text_buffer_get_has_selection (
                   gtk_text_view_get_buffer (fixture->editor->body_view)));
  /* highlighting is no edit */
  g_assert_cmpint (fixture->editor->change_count, ==, 0);
}

static const char *
style_label (Fixture *fixture)
{
  wait_for_idle ();
  return gtk_menu_button_get_label (fixture->editor->style_button);
}

/* The style button names the paragraph at the cursor after Enter too. */
static void
test_style_follows_cursor (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->editor->body_view);
  GtkTextIter iter;

  load (fixture, fixture->second);
  move_to_end (fixture->editor->body_view);
  type_into (fixture->editor->body_view, "\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.style", "i",
                                             DESK_PARA_QUOTE));
  type_into (fixture->editor->body_view, "We stay");
  g_assert_cmpstr (style_label (fixture), ==, "Quote");
  type_into (fixture->editor->body_view, "\n");
  g_assert_cmpstr (style_label (fixture), ==, "Attribution");
  type_into (fixture->editor->body_view, "A resident\n");
  g_assert_cmpstr (style_label (fixture), ==, "Paragraph");
  type_into (fixture->editor->body_view, "A plain paragraph.");
  g_assert_cmpstr (style_label (fixture), ==, "Paragraph");

  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_cmpstr (style_label (fixture), ==, "Quote");
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_cmpstr (style_label (fixture), ==, "Paragraph");
}

/* The footer counts once typing pauses, never on the keystroke itself. */
static void
test_counts_debounced (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->editor->body_view);

  load (fixture, fixture->second);
  g_assert_cmpstr (gtk_label_get_label (fixture->editor->words_label), ==, "3 words");
  g_assert_cmpstr (gtk_label_get_label (fixture->editor->reading_label), ==, "1 minute read");
  move_to_end (fixture->editor->body_view);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "\nTwo more", -1, TRUE);
  g_assert_cmpstr (gtk_label_get_label (fixture->editor->words_label), ==, "3 words");
  g_assert_cmpuint (fixture->editor->count_timeout, !=, 0);
  WAIT_UNTIL (fixture->editor->count_timeout == 0);
  g_assert_cmpstr (gtk_label_get_label (fixture->editor->words_label), ==, "5 words");
  g_assert_cmpstr (gtk_label_get_label (fixture->editor->chars_label), ==, "24 characters");
}

static int
min_width (GtkWidget *widget)
{
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static GtkWidget *
deck_placeholder (Fixture *fixture)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (fixture->editor->deck_view), "desk-placeholder");

  g_assert_true (GTK_IS_LABEL (label));
  return label;
}

/* GNOME's narrowest windows are 360 px wide: the editor fits, with its find
 * bar open and the long placeholder of an empty deck, which a wide window
 * shows whole. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *placeholder;
  int natural;

  load (fixture, fixture->second);
  placeholder = deck_placeholder (fixture);
  WAIT_UNTIL (gtk_widget_get_mapped (placeholder) && gtk_widget_get_width (placeholder) > 0);
  gtk_widget_measure (placeholder, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (placeholder), >=, natural);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.find", NULL));
  gtk_window_set_default_size (fixture->window, 360, 600);
  wait_for_idle ();
  g_assert_cmpint (min_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_cmpint (min_width (GTK_WIDGET (fixture->editor)), <=, 360);
}

static gint64
add_long_story (DeskStore *store,
                guint      n_paragraphs)
{
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autoptr (GError) error = NULL;

  desk_article_set_headline (article, "A long story");
  desk_article_set_language (article, "en");
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraph %u of a story long enough to scroll "
                                               "through, with a few words in it.", i);
      desk_article_append_block (article, desk_block_new (DESK_BLOCK_PARAGRAPH, text));
    }
  g_assert_true (desk_store_save (store, article, &error));
  g_assert_no_error (error);
  return desk_article_get_id (article);
}

/* Focus coming back to the body from the find bar keeps the column where
 * the cursor is, instead of jumping to the top of the body. */
static void
test_focus_keeps_scroll (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->editor->body_view);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (fixture->editor->scroller);
  GtkTextIter iter;
  double value;

  load (fixture, add_long_story (fixture->store, 200));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->editor->body_view));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 150);
  gtk_text_buffer_place_cursor (buffer, &iter);
  WAIT_UNTIL (gtk_adjustment_get_value (vadj) > 1000);
  value = gtk_adjustment_get_value (vadj);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.find", NULL));
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (fixture->editor->search_entry)) ||
              gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                      GTK_WIDGET (fixture->editor->search_entry)));
  gtk_search_bar_set_search_mode (fixture->editor->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->editor->body_view));
  for (guint i = 0; i < 10; i++)
    {
      wait_for_idle ();
      g_usleep (20000);
    }
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (vadj) - value), <, 200);
}

/* The port tests: a story of LONG_PARAGRAPHS paragraphs, one buffer line each. */
#define LONG_PARAGRAPHS 800

static GtkWidget *
body_port (Fixture *fixture)
{
  GtkWidget *port = gtk_widget_get_parent (GTK_WIDGET (fixture->editor->body_view));

  g_assert_true (DESK_IS_EDITOR_BODY_PORT (port));
  return port;
}

static GtkWidget *
page_of (Fixture *fixture)
{
  return gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (
    fixture->editor->scroller)));
}

/* Where @widget's CSS box lies on the page (the scroller's content). */
static graphene_rect_t
page_bounds (Fixture   *fixture,
             GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, page_of (fixture), &bounds));
  return bounds;
}

/* Where the body's buffer row @y lies on the page, shown or not. */
static double
page_y_of_row (Fixture *fixture,
               int      y)
{
  GtkTextView *view = fixture->editor->body_view;
  graphene_point_t point;
  int x;

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, y, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), page_of (fixture),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  return point.y;
}

static int
measured_height (GtkWidget *widget)
{
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget),
                      &min, NULL, NULL, NULL);
  return min;
}

/* The whole body is laid out: its last line has a height and lies inside
 * the port, which is allocated as tall as it measures. */
static gboolean
body_laid_out (Fixture *fixture)
{
  GtkTextView *view = fixture->editor->body_view;
  GtkWidget *port = body_port (fixture);
  GtkTextIter end;
  int y, height;

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &height);
  return height > 0 && gtk_widget_get_height (port) >= y + height &&
         gtk_widget_get_height (port) == measured_height (port);
}

/* The port has allocated the view the rows of the port that the page
 * shows, and scrolled the view's text by as much. */
static gboolean
view_follows_page (Fixture *fixture)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (fixture->editor->scroller);
  graphene_rect_t port = page_bounds (fixture, body_port (fixture));
  graphene_rect_t view = page_bounds (fixture, GTK_WIDGET (fixture->editor->body_view));
  double value = gtk_adjustment_get_value (vadj);
  double shown_end = MIN (value + gtk_adjustment_get_page_size (vadj),
                          port.origin.y + port.size.height);
  double top = CLAMP (value - port.origin.y, 0, port.size.height);
  GdkRectangle visible;

  gtk_text_view_get_visible_rect (fixture->editor->body_view, &visible);
  return fabs (view.origin.y - port.origin.y - top) <= 1 && fabs (visible.y - top) <= 1 &&
         view.origin.y + view.size.height >= shown_end - 1;
}

/* Shows a story of LONG_PARAGRAPHS paragraphs, styled as in the app, in a
 * 1000×700 window, laid out. */
static void
show_long_story (Fixture *fixture)
{
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window = GTK_WIDGET (fixture->window);

  gtk_css_provider_load_from_resource (css, "/io/github/copydesk/Copydesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (fixture->window, 1000, 700);
  load (fixture, add_long_story (fixture->store, LONG_PARAGRAPHS));
  WAIT_UNTIL (gtk_widget_get_width (window) == 1000 && gtk_widget_get_height (window) == 700);
  WAIT_UNTIL (body_laid_out (fixture) && view_follows_page (fixture));
}

/* A long body's view is allocated only what the window shows of it. */
static void
test_port_allocates_visible (Fixture       *fixture,
                             gconstpointer  data)
{
  int port_height, view_height;

  show_long_story (fixture);
  port_height = measured_height (body_port (fixture));
  view_height = page_bounds (fixture, GTK_WIDGET (fixture->editor->body_view)).size.height;
  g_assert_cmpint (gtk_widget_get_height (body_port (fixture)), ==, port_height);
  g_assert_cmpint (port_height, >, 20 * 700);
  g_assert_cmpint (view_height, >, 0);
  g_assert_cmpint (view_height, <, MIN (700, port_height / 20));
}

/* Scrolling the page, down and back up, brings the view's text along:
 * each buffer row stays where it was on the page. */
static void
test_port_scroll_shows_text (Fixture       *fixture,
                             gconstpointer  data)
{
  static const double fractions[] = { 0.5, 0.8, 0.25 };
  GtkTextView *view = fixture->editor->body_view;
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (fixture->editor->scroller);
  graphene_rect_t port;
  double text_at;

  show_long_story (fixture);
  port = page_bounds (fixture, body_port (fixture));
  text_at = page_y_of_row (fixture, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      double into = fractions[i] * port.size.height;
      int expected = fractions[i] * LONG_PARAGRAPHS;
      GdkRectangle visible;
      GtkTextIter iter;

      gtk_adjustment_set_value (vadj, port.origin.y + into);
      g_assert_cmpfloat (fabs (gtk_adjustment_get_value (vadj) - port.origin.y - into), <, 1);
      WAIT_UNTIL (view_follows_page (fixture));
      g_assert_cmpfloat (fabs (page_y_of_row (fixture, 0) - text_at), <=, 1);
      gtk_text_view_get_visible_rect (view, &visible);
      g_assert_cmpfloat (fabs (visible.y - into), <=, 1);
      gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
      g_assert_cmpint (ABS (gtk_text_iter_get_line (&iter) - expected), <=, LONG_PARAGRAPHS / 20);
      g_assert_cmpuint (count_dark_pixels (GTK_WIDGET (view)), >, 1000);
    }
}

/* The cursor's line lies inside the view and on the page's visible part. */
static gboolean
cursor_on_screen (Fixture *fixture)
{
  GtkTextView *view = fixture->editor->body_view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (fixture->editor->scroller);
  double value = gtk_adjustment_get_value (vadj);
  double page = gtk_adjustment_get_page_size (vadj);
  GdkRectangle visible, cursor;
  GtkTextIter iter;
  double y;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &cursor);
  gtk_text_view_get_visible_rect (view, &visible);
  y = page_y_of_row (fixture, cursor.y);
  return cursor.height > 0 && cursor.y >= visible.y &&
         cursor.y + cursor.height <= visible.y + visible.height &&
         y >= value && y + cursor.height <= value + page;
}

/* Puts the cursor at the end of a paragraph far down the focused body,
 * and waits for the page to bring it on screen. */
static void
place_cursor_far_down (Fixture *fixture,
                       guint    paragraph)
{
  GtkTextView *view = fixture->editor->body_view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (fixture->editor->scroller);
  GtkTextIter iter;
  double before;

  show_long_story (fixture);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (view)) && fixture->editor->follow_source == 0 &&
              cursor_on_screen (fixture));
  before = gtk_adjustment_get_value (vadj);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, paragraph);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_false (cursor_on_screen (fixture));
  WAIT_UNTIL (cursor_on_screen (fixture) && view_follows_page (fixture));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, before + 1000);
}

/* The page follows the cursor, however it moves: to the start and end of
 * the body by the view's own key binding, the view scrolling itself. */
static void
test_port_follows_cursor (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (fixture->editor->scroller);
  GtkTextView *view = fixture->editor->body_view;
  double far_down;

  place_cursor_far_down (fixture, 700);
  far_down = gtk_adjustment_get_value (vadj);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
  WAIT_UNTIL (cursor_on_screen (fixture) && view_follows_page (fixture));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), <, far_down - 1000);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  WAIT_UNTIL (cursor_on_screen (fixture) && view_follows_page (fixture));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, far_down);
}

/* Typing far down goes into that paragraph, and stays on screen. */
static void
test_port_types_far_down (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (DeskArticle) article = NULL;

  place_cursor_far_down (fixture, 700);
  type_into (fixture->editor->body_view, " Far.");
  WAIT_UNTIL (cursor_on_screen (fixture) && view_follows_page (fixture));
  article = desk_editor_dup_article (fixture->editor);
  g_assert_cmpuint (desk_article_get_n_blocks (article), ==, LONG_PARAGRAPHS);
  for (guint i = 699; i <= 701; i++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraph %u of a story long enough to scroll "
                                               "through, with a few words in it.%s",
                                               i, i == 700 ? " Far." : "");

      g_assert_cmpstr (desk_block_get_text (desk_article_get_block (article, i)), ==, text);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/copydesk/editor/autosave", Fixture, NULL, fixture_set_up, test_autosave,
              fixture_tear_down);
  g_test_add ("/copydesk/editor/styles-and-status", Fixture, NULL, fixture_set_up,
              test_styles_and_status, fixture_tear_down);
  g_test_add ("/copydesk/editor/switch-flushes", Fixture, NULL, fixture_set_up,
              test_switch_flushes, fixture_tear_down);
  g_test_add ("/copydesk/editor/checkpoint-async", Fixture, NULL, fixture_set_up,
              test_checkpoint_async, fixture_tear_down);
  g_test_add ("/copydesk/editor/headline-rtl", Fixture, NULL, fixture_set_up,
              test_headline_rtl, fixture_tear_down);
  g_test_add ("/copydesk/editor/paste-structures", Fixture, NULL, fixture_set_up,
              test_paste_structures, fixture_tear_down);
  g_test_add ("/copydesk/editor/paste-keeps-headline", Fixture, NULL, fixture_set_up,
              test_paste_keeps_headline, fixture_tear_down);
  g_test_add ("/copydesk/editor/failed-save", Fixture, NULL, fixture_set_up, test_failed_save,
              fixture_tear_down);
  g_test_add ("/copydesk/editor/find", Fixture, NULL, fixture_set_up, test_find,
              fixture_tear_down);
  g_test_add ("/copydesk/editor/style-follows-cursor", Fixture, NULL, fixture_set_up,
              test_style_follows_cursor, fixture_tear_down);
  g_test_add ("/copydesk/editor/counts-debounced", Fixture, NULL, fixture_set_up,
              test_counts_debounced, fixture_tear_down);
  g_test_add ("/copydesk/editor/narrow", Fixture, NULL, fixture_set_up, test_narrow,
              fixture_tear_down);
  g_test_add ("/copydesk/editor/focus-keeps-scroll", Fixture, NULL, fixture_set_up,
              test_focus_keeps_scroll, fixture_tear_down);
  g_test_add ("/copydesk/editor/port-allocates-visible", Fixture, NULL, fixture_set_up,
              test_port_allocates_visible, fixture_tear_down);
  g_test_add ("/copydesk/editor/port-scroll-shows-text", Fixture, NULL, fixture_set_up,
              test_port_scroll_shows_text, fixture_tear_down);
  g_test_add ("/copydesk/editor/port-follows-cursor", Fixture, NULL, fixture_set_up,
              test_port_follows_cursor, fixture_tear_down);
  g_test_add ("/copydesk/editor/port-types-far-down", Fixture, NULL, fixture_set_up,
              test_port_types_far_down, fixture_tear_down);
  return g_test_run ();
}
