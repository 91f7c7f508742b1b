/* test-window.c — the main window: library states, new story, trash and
 * undo, restoring a version, saving on close, a library it must refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "desk-application.h"
#include "desk-editor-private.h"
#include "desk-library-row.h"
#include "desk-preferences-window.h"
#include "desk-versions-dialog.h"
#include "desk-window-private.h"

static DeskApplication *app;
static char *tmp_dir;
static guint n_libraries;

/* One application for the whole run, registered as g_application_run
 * would, so its startup installs the app actions. */
static DeskApplication *
make_application (void)
{
  g_autoptr (GError) error = NULL;

  app = desk_application_new ("io.github.copydesk.Copydesk.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static void
wait_for_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  g_error ("Waited 30 seconds for: %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

#define wait_until(cond) G_STMT_START {                                     \
    guint guard_ = g_timeout_add_seconds (30, timed_out_cb, (gpointer) #cond); \
    while (!(cond))                                                         \
      g_main_context_iteration (NULL, TRUE);                                \
    g_source_remove (guard_);                                               \
    wait_for_idle ();                                                       \
  } G_STMT_END

/* A fresh library for each test; the window remembers nothing of the last. */
static DeskStore *
use_new_library (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.copydesk.Copydesk");
  g_autofree char *name = g_strdup_printf ("library-%u.db", ++n_libraries);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;
  DeskStore *store;

  g_settings_set_int64 (settings, "last-story", 0);
  desk_application_set_library_path (app, path);
  store = desk_application_get_store (app, &error);
  g_assert_no_error (error);
  return store;
}

static gint64
add_story (DeskStore  *store,
           const char *headline)
{
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, "Body text of the story.");
  g_autoptr (GError) error = NULL;

  desk_article_set_headline (article, headline);
  desk_article_append_block (article, block);
  desk_store_save (store, article, &error);
  g_assert_no_error (error);
  return desk_article_get_id (article);
}

static guint
count_stories (DeskStore *store)
{
  g_autoptr (GError) error = NULL;
  guint n = desk_store_count (store, NULL, DESK_STATUS_ANY, &error);

  g_assert_no_error (error);
  return n;
}

static DeskWindow *
open_window (void)
{
  DeskWindow *window = desk_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  wait_until (!desk_window_is_loading (window));
  wait_until (desk_window_get_library_model (window) == NULL ||
              (desk_library_model_get_ready (desk_window_get_library_model (window)) &&
               !desk_library_model_get_busy (desk_window_get_library_model (window))));
  return window;
}

static void
close_window (DeskWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 gboolean   visible_only)
{
  if (visible_only && !gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, visible_only);
      if (found)
        return found;
    }
  return NULL;
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static void
test_window_empty_library (void)
{
  DeskWindow *window;
  GtkWidget *status;

  use_new_library ();
  window = open_window ();

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_nonnull (find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, TRUE));
  g_assert_cmpstr (desk_library_view_get_page_name (desk_window_get_library_view (window)), ==,
                   "empty");
  status = find_descendant (GTK_WIDGET (desk_window_get_library_view (window)),
                            ADW_TYPE_STATUS_PAGE, TRUE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Stories Yet");

  close_window (window);
}

static void
test_window_story_list (void)
{
  DeskStore *store = use_new_library ();
  DeskWindow *window;
  g_autoptr (DeskStoryItem) first = NULL;

  add_story (store, "Older story");
  add_story (store, "Albanian police raid compound");
  window = open_window ();

  g_assert_cmpstr (desk_library_view_get_page_name (desk_window_get_library_view (window)), ==,
                   "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (desk_window_get_library_model (window))),
                    ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (desk_window_get_library_model (window)), 0);
  g_assert_cmpstr (desk_story_item_get_headline (first), ==, "Albanian police raid compound");
  g_assert_nonnull (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, TRUE));

  close_window (window);
}

static void
test_window_new_story (void)
{
  DeskStore *store = use_new_library ();
  DeskWindow *window = open_window ();
  DeskEditor *editor = desk_window_get_editor (window);
  DeskLibraryView *view = desk_window_get_library_view (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-story", NULL);
  wait_until (desk_editor_get_story_id (editor) != 0 &&
              desk_library_view_get_selected_id (view) != 0);

  g_assert_cmpuint (count_stories (store), ==, 1);
  g_assert_cmpint (desk_library_view_get_selected_id (view), ==, desk_editor_get_story_id (editor));
  g_assert_cmpstr (desk_library_view_get_page_name (view), ==, "list");

  close_window (window);
}

typedef struct {
  DeskWindow *window;
  guint n_saved;
  guint words; /* of the row when the editor said it saved */
  char *headline;
  gboolean row_label_matches;
} SavedRow;

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_row (GtkWidget *root,
          gint64     id)
{
  if (DESK_IS_LIBRARY_ROW (root))
    {
      DeskStoryItem *item = desk_library_row_get_item (DESK_LIBRARY_ROW (root));

      return item && desk_story_item_get_id (item) == id ? root : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, id);
      if (row)
        return row;
    }
  return NULL;
}

static void
on_story_saved_cb (DeskEditor *editor,
                   gint64      id,
                   SavedRow   *saved)
{
  DeskLibraryModel *model = desk_window_get_library_model (saved->window);
  g_autoptr (DeskStoryItem) item = NULL;
  GtkWidget *row;
  guint position;

  g_assert_true (desk_library_model_find (model, id, &position));
  item = g_list_model_get_item (G_LIST_MODEL (model), position);
  saved->n_saved++;
  saved->words = desk_story_item_get_words (item);
  g_free (saved->headline);
  saved->headline = g_strdup (desk_story_item_get_headline (item));
  row = find_row (GTK_WIDGET (desk_window_get_library_view (saved->window)), id);
  saved->row_label_matches = row && has_label (row, "40 words") &&
                             has_label (row, "Forty words") && has_label (row, "Ready");
}

/* The row of the story being written shows each save at once: headline,
 * status and word count. */
static void
test_window_row_follows_saves (void)
{
  G_GNUC_UNUSED DeskStore *store = use_new_library ();
  DeskWindow *window = open_window ();
  DeskEditor *editor = desk_window_get_editor (window);
  GtkTextBuffer *body;
  SavedRow saved = { window, 0, 0, NULL, FALSE };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-story", NULL);
  wait_until (desk_editor_get_story_id (editor) != 0 &&
              desk_library_view_get_selected_id (desk_window_get_library_view (window)) != 0);
  g_signal_connect_after (editor, "story-saved", G_CALLBACK (on_story_saved_cb), &saved);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->headline_view), "Forty words", -1);
  g_object_set (editor, "status", DESK_STATUS_READY, NULL);
  body = gtk_text_view_get_buffer (editor->body_view);
  for (guint i = 0; i < 40; i++)
    gtk_text_buffer_insert_interactive_at_cursor (body, i ? " word" : "word", -1, TRUE);
  wait_until (saved.n_saved > 0 && desk_editor_get_saved_summary (editor)->words == 40 &&
              g_strcmp0 (gtk_label_get_label (editor->save_label), "Saved") == 0);

  g_assert_cmpuint (saved.words, ==, 40);
  g_assert_cmpstr (saved.headline, ==, "Forty words");
  g_assert_true (saved.row_label_matches);
  g_signal_handlers_disconnect_by_data (editor, &saved);
  g_free (saved.headline);
  close_window (window);
}

static void
test_window_delete_undo (void)
{
  DeskStore *store = use_new_library ();
  gint64 id = add_story (store, "A story to delete");
  DeskWindow *window = open_window ();
  DeskEditor *editor = desk_window_get_editor (window);

  desk_window_open_story (window, id, FALSE);
  wait_until (desk_editor_get_story_id (editor) == id);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-story", NULL);
  wait_until (count_stories (store) == 0);
  wait_until (desk_editor_get_story_id (editor) == 0 &&
              g_strcmp0 (desk_library_view_get_page_name (desk_window_get_library_view (window)),
                         "empty") == 0);

  /* the Undo button of the toast */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "x", id);
  wait_until (count_stories (store) == 1 && desk_editor_get_story_id (editor) == id);
  wait_until (desk_library_view_get_selected_id (desk_window_get_library_view (window)) == id);

  close_window (window);
}

static void
test_window_duplicate (void)
{
  DeskStore *store = use_new_library ();
  gint64 id = add_story (store, "Original story");
  DeskWindow *window = open_window ();
  DeskEditor *editor = desk_window_get_editor (window);
  g_autoptr (DeskArticle) copy = NULL;
  g_autoptr (GError) error = NULL;

  desk_window_open_story (window, id, FALSE);
  wait_until (desk_editor_get_story_id (editor) == id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-story", NULL);
  wait_until (count_stories (store) == 2 && desk_editor_get_story_id (editor) != id &&
              desk_editor_get_story_id (editor) != 0);

  copy = desk_store_load (store, desk_editor_get_story_id (editor), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_article_get_headline (copy), ==, "Original story (Copy)");
  g_assert_cmpuint (desk_article_get_n_blocks (copy), ==, 1);
  close_window (window);
}

static void
on_restored_cb (DeskVersionsDialog *dialog,
                gint64              revision,
                gint64             *restored)
{
  *restored = revision;
}

static void
test_window_restore_version (void)
{
  DeskStore *store = use_new_library ();
  gint64 id = add_story (store, "First headline");
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = NULL;
  g_autoptr (DeskArticle) after = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  gint64 revision = desk_store_add_revision (store, id, DESK_REVISION_MANUAL, "before", &error);
  gint64 restored = 0;
  DeskWindow *window;
  DeskVersionsDialog *dialog;

  g_assert_no_error (error);
  article = desk_store_load (store, id, &error);
  desk_article_set_headline (article, "Second headline");
  desk_store_save (store, article, &error);
  g_assert_no_error (error);

  window = open_window ();
  desk_window_open_story (window, id, FALSE);
  wait_until (desk_editor_get_story_id (desk_window_get_editor (window)) == id);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-versions", NULL);
  wait_for_idle ();
  dialog = find_toplevel (DESK_TYPE_VERSIONS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (desk_versions_dialog_get_n_revisions (dialog), >=, 1);
  g_assert_true (desk_versions_dialog_select_revision (dialog, revision));
  g_signal_connect (dialog, "restored", G_CALLBACK (on_restored_cb), &restored);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "versions.restore", NULL);
  wait_until (restored == revision);

  after = desk_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_article_get_headline (after), ==, "First headline");
  revisions = desk_store_list_revisions (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((DeskRevision *) g_ptr_array_index (revisions, 0))->kind, ==,
                   DESK_REVISION_RESTORE);
  /* the editor shows the restored text */
  wait_until (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "First headline") == 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static void
on_destroy_cb (GtkWidget *widget,
               gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static void
test_window_close_saves (void)
{
  DeskStore *store = use_new_library ();
  gint64 id = add_story (store, "Story open at close");
  g_autoptr (GSettings) settings = g_settings_new ("io.github.copydesk.Copydesk");
  DeskWindow *window = open_window ();
  gboolean destroyed = FALSE;

  desk_window_open_story (window, id, FALSE);
  wait_until (desk_editor_get_story_id (desk_window_get_editor (window)) == id);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy_cb), &destroyed);

  gtk_window_close (GTK_WINDOW (window));
  wait_until (destroyed);
  g_assert_cmpint (g_settings_get_int64 (settings, "last-story"), ==, id);

  /* the next window opens the story again */
  window = open_window ();
  wait_until (desk_editor_get_story_id (desk_window_get_editor (window)) == id);
  close_window (window);
}

/* A story opened in the editor keeps its whole dateline: the place was
 * once filled before the credit and wiped it. An edit and a close save it
 * as it was. */
static void
test_window_keeps_dateline (void)
{
  DeskStore *store = use_new_library ();
  g_autoptr (DeskArticle) article = desk_article_new ();
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  g_autoptr (DeskArticle) saved = NULL;
  g_autoptr (GError) error = NULL;
  DeskWindow *window;
  DeskEditor *editor;
  gboolean destroyed = FALSE;

  desk_article_set_headline (article, "Police raid exiles' camp");
  desk_dateline_set_place (dateline, "TIRANA");
  desk_dateline_set_credit (dateline, "AP");
  desk_dateline_set_ymd (dateline, 2023, 6, 21);
  desk_article_set_dateline (article, dateline);
  g_assert_true (desk_store_save (store, article, &error));
  window = open_window ();
  editor = desk_window_get_editor (window);
  desk_window_open_story (window, desk_article_get_id (article), FALSE);
  wait_until (editor->loading_id == 0 &&
              desk_editor_get_story_id (editor) == desk_article_get_id (article));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->credit_entry)), ==, "AP");
  g_assert_cmpstr (gtk_label_get_label (editor->dateline_label), ==, "TIRANA, June 21, 2023 (AP) –");
  gtk_editable_set_text (GTK_EDITABLE (editor->byline_entry), "By Erion Xhaferi");
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy_cb), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (destroyed);

  saved = desk_store_load (store, desk_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_article_get_byline (saved), ==, "By Erion Xhaferi");
  g_assert_cmpstr (desk_dateline_get_place (desk_article_get_dateline (saved)), ==, "TIRANA");
  g_assert_cmpstr (desk_dateline_get_credit (desk_article_get_dateline (saved)), ==, "AP");
  g_assert_cmpstr (desk_dateline_get_date (desk_article_get_dateline (saved)), ==, "2023-06-21");
}

static void
test_window_refuses_library (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "not-a-library.db", NULL);
  static const char text[] = "These are notes, not a database.\n";
  g_autofree char *contents = NULL;
  gsize length;
  DeskWindow *window;
  GtkWidget *status;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  desk_application_set_library_path (app, path);
  window = open_window ();

  g_assert_null (desk_window_get_store (window));
  status = find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, TRUE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Cannot Open the Library");
  /* nothing to write to, even when asked */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-story", NULL);
  wait_for_idle ();
  close_window (window);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, text);
}

static void
test_window_import (void)
{
  static const char wire[] =
    "Albanian police raid Iranian exiles' compound\n\n"
    "TIRANA, June 21, 2023 - Albanian police forces conducted Tuesday a large operation.\n\n"
    "The group's large compound faced a large number of police officers.\n\n"
    "-Albanian authorities assert control-\n\n"
    "Albanian authorities seized a large number of computers and servers.\n\n"
    "The Ministry of the Interior explained the court's decision.\n";
  DeskStore *store = use_new_library ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "wire.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskArticle) article = NULL;
  DeskWindow *window = desk_window_new (app);
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, wire, -1, &error));

  /* a file handed over while the library still opens is imported after */
  desk_window_import_files (window, &file, 1);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (count_stories (store) == 1);
  wait_until ((id = desk_editor_get_story_id (desk_window_get_editor (window))) != 0);

  article = desk_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (desk_article_get_headline (article), "Albania") != NULL ||
                 strstr (desk_article_get_headline (article), "Albanian") != NULL);
  g_assert_cmpuint (desk_article_get_n_blocks (article), >, 3);
  g_assert_cmpint (desk_block_get_kind (desk_article_get_block (article, 2)), ==,
                   DESK_BLOCK_SUBHEADING);
  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static AdwComboRow *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_COMBO_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_row (child, title);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_window_preferences (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.copydesk.Copydesk");
  g_autofree char *language_tag = NULL;
  g_autofree char *paper_size = NULL;
  GtkWidget *preferences;
  AdwComboRow *language, *paper;

  g_settings_set_string (settings, "default-language", "en");
  g_settings_set_string (settings, "paper-size", "a4");
  preferences = desk_preferences_window_new ();
  gtk_window_present (GTK_WINDOW (preferences));
  wait_for_idle ();

  language = find_combo_row (preferences, "_Language");
  paper = find_combo_row (preferences, "_Paper Size");
  g_assert_nonnull (language);
  g_assert_nonnull (paper);
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 0);
  adw_combo_row_set_selected (language, 1);
  adw_combo_row_set_selected (paper, 1);
  language_tag = g_settings_get_string (settings, "default-language");
  paper_size = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (language_tag, ==, "sq");
  g_assert_cmpstr (paper_size, ==, "letter");

  /* a tag the list does not know stays choosable */
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_set_string (settings, "default-language", "gsw");
  preferences = desk_preferences_window_new ();
  language = find_combo_row (preferences, "_Language");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (language)), ==,
                   "gsw");
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "default-language");
  g_settings_reset (settings, "paper-size");
  wait_for_idle ();
}

static void
test_window_about (void)
{
  DeskWindow *window;
  AdwAboutWindow *about;

  use_new_library ();
  window = open_window ();
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  wait_for_idle ();

  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Copydesk");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (about));

  close_window (window);
}

static void
test_window_remembers_size (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.copydesk.Copydesk");
  DeskWindow *window;
  int width, height;

  use_new_library ();
  window = desk_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (!desk_window_is_loading (window));
  gtk_window_close (GTK_WINDOW (window));
  wait_for_idle ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);

  window = desk_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  close_window (window);
}

static GtkWidget *
find_toast_button (GtkWidget  *root,
                   const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_button (child, action);
      if (found)
        return found;
    }
  return NULL;
}

/* Ctrl+E: the story is saved, written under a name made from its headline,
 * and a toast offers to open the page. */
static void
test_window_export (void)
{
  DeskStore *store = use_new_library ();
  gint64 id = add_story (store, "Police raid exiles’ compound in Manza");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "police-raid-exiles-compound-in-manza.html", NULL);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *html = NULL;
  DeskWindow *window = open_window ();
  GtkWidget *open_button;

  g_assert_no_error (error);
  desk_window_open_story (window, id, FALSE);
  wait_until (desk_editor_get_story_id (desk_window_get_editor (window)) == id &&
              !desk_window_get_editor (window)->busy);
  desk_window_set_export_folder_for_testing (window, folder);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_until (has_label (GTK_WIDGET (window), "Exported"));

  g_assert_true (g_file_get_contents (path, &html, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "Police raid exiles’ compound in Manza"));
  g_assert_nonnull (strstr (html, "Body text of the story."));
  open_button = find_toast_button (GTK_WIDGET (window), "win.open-uri");
  g_assert_nonnull (open_button);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                     GTK_ACTIONABLE (open_button)), NULL), ==, uri);

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* What `copydesk --db FILE` sends from the process it starts in. */
static GVariant *
launch_platform_data (const char *library)
{
  g_autoptr (DeskApplication) launcher =
    desk_application_new ("io.github.copydesk.Copydesk.Test", G_APPLICATION_NON_UNIQUE);
  GVariantBuilder builder;

  if (library != NULL)
    desk_application_set_library_path (launcher, library);
  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  G_APPLICATION_GET_CLASS (launcher)->add_platform_data (G_APPLICATION (launcher), &builder);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* ... and how the running instance receives it, as GApplication does. */
static void
receive_activation (GVariant *platform_data)
{
  GApplicationClass *klass = G_APPLICATION_GET_CLASS (app);

  klass->before_emit (G_APPLICATION (app), platform_data);
  g_application_activate (G_APPLICATION (app));
  klass->after_emit (G_APPLICATION (app), platform_data);
  wait_for_idle ();
}

static DeskWindow *
find_library_window (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      g_autofree char *library = desk_window_dup_library_path (l->data);

      if (g_strcmp0 (library, path) == 0)
        return l->data;
    }
  return NULL;
}

static void
remember_last_story (gint64 id)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.copydesk.Copydesk");

  g_settings_set_int64 (settings, "last-story", id);
}

/* A second launch naming another library opens it in a window of its own;
 * naming it again, or naming none, opens no further window. */
static void
test_window_other_library (void)
{
  DeskStore *store = use_new_library ();
  gint64 main_id = add_story (store, "Story of the open library");
  g_autofree char *other_path = g_build_filename (tmp_dir, "other-library.db", NULL);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.copydesk.Copydesk");
  g_autoptr (GVariant) other = launch_platform_data (other_path);
  g_autoptr (GVariant) plain = launch_platform_data (NULL);
  g_autoptr (DeskStoryItem) item = NULL;
  DeskStore *other_store;
  DeskWindow *window, *other_window;
  g_autoptr (GError) error = NULL;
  gint64 other_id;

  other_store = desk_store_open (other_path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  other_id = add_story (other_store, "Story of the other library");
  g_object_unref (other_store);
  window = open_window ();
  remember_last_story (main_id);

  receive_activation (other);
  other_window = find_library_window (other_path);
  g_assert_nonnull (other_window);
  g_assert_true (other_window != window);
  wait_until (desk_window_get_library_model (other_window) != NULL &&
              desk_library_model_get_ready (desk_window_get_library_model (other_window)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (desk_window_get_library_model (other_window))),
                    ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (desk_window_get_library_model (other_window)), 0);
  g_assert_cmpstr (desk_story_item_get_headline (item), ==, "Story of the other library");
  g_assert_true (desk_window_get_store (window) == store);
  g_assert_true (has_label (GTK_WIDGET (other_window), "other-library.db"));

  /* a story opened there is not the one this library reopens */
  desk_window_open_story (other_window, other_id, FALSE);
  wait_until (desk_editor_get_story_id (desk_window_get_editor (other_window)) == other_id);
  g_assert_cmpint (g_settings_get_int64 (settings, "last-story"), ==, main_id);

  receive_activation (other);
  receive_activation (plain);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  close_window (other_window);
  close_window (window);
}

static void
test_window_toolbar_icons (void)
{
  static const char *names[] = { "copydesk-emphasis-symbolic", "copydesk-strong-symbolic",
                                 "copydesk-link-symbolic" };
  DeskWindow *window;
  GtkIconTheme *theme;

  use_new_library ();
  window = open_window ();
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (gtk_icon_theme_has_icon (theme, names[i]));
  close_window (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = g_dir_make_tmp ("copydesk-window-XXXXXX", &error);
  g_assert_no_error (error);

  make_application ();
  g_test_add_func ("/copydesk/window/empty-library", test_window_empty_library);
  g_test_add_func ("/copydesk/window/story-list", test_window_story_list);
  g_test_add_func ("/copydesk/window/new-story", test_window_new_story);
  g_test_add_func ("/copydesk/window/duplicate", test_window_duplicate);
  g_test_add_func ("/copydesk/window/delete-undo", test_window_delete_undo);
  g_test_add_func ("/copydesk/window/row-follows-saves", test_window_row_follows_saves);
  g_test_add_func ("/copydesk/window/restore-version", test_window_restore_version);
  g_test_add_func ("/copydesk/window/close-saves", test_window_close_saves);
  g_test_add_func ("/copydesk/window/keeps-dateline", test_window_keeps_dateline);
  g_test_add_func ("/copydesk/window/refuses-library", test_window_refuses_library);
  g_test_add_func ("/copydesk/window/import", test_window_import);
  g_test_add_func ("/copydesk/window/export", test_window_export);
  g_test_add_func ("/copydesk/window/other-library", test_window_other_library);
  g_test_add_func ("/copydesk/window/toolbar-icons", test_window_toolbar_icons);
  g_test_add_func ("/copydesk/window/preferences", test_window_preferences);
  g_test_add_func ("/copydesk/window/about", test_window_about);
  g_test_add_func ("/copydesk/window/remembers-size", test_window_remembers_size);

  status = g_test_run ();
  g_clear_object (&app);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
