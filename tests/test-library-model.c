/* test-library-model.c — the paged library list: 100,000 stories without
 * loading them all, one items-changed per search, rows in a real list view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "desk-format.h"
#include "desk-library-model.h"
#include "desk-library-row.h"
#include "desk-library-view.h"

#define N_BIG 100000

static char *big_dir;
static DeskStore *big_store;

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

/* Small stories, so 100,000 of them are written in seconds. */
static DeskArticle *
make_story (guint i)
{
  DeskArticle *article = desk_article_new ();
  g_autofree char *headline = g_strdup_printf ("Story number %u from %s", i,
                                               i % 10 == 0 ? "Tirana" : "Durres");

  desk_article_set_headline (article, headline);
  desk_article_set_kicker (article, i % 2 ? "News" : "Sport");
  desk_article_set_status (article, i % 4);
  return article;
}

/* 100,000 stories in one transaction: made once, shared by the tests. */
static DeskStore *
ensure_big_store (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autofree char *path = NULL;

  if (big_store != NULL)
    return big_store;
  big_dir = g_dir_make_tmp ("copydesk-model-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (big_dir, "library.db", NULL);
  big_store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  stories = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < N_BIG; i++)
    g_ptr_array_add (stories, make_story (i));
  desk_store_save_all (big_store, stories, &error);
  g_assert_no_error (error);
  return big_store;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  g_error ("The library model stayed busy for 60 seconds");
  return G_SOURCE_REMOVE;
}

static void
wait_until_idle (DeskLibraryModel *model)
{
  guint guard = g_timeout_add_seconds (60, timed_out_cb, NULL);

  while (desk_library_model_get_busy (model) || !desk_library_model_get_ready (model))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_source_remove (guard);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

static void
test_model_pages (void)
{
  g_autoptr (DeskLibraryModel) model = desk_library_model_new (ensure_big_store ());
  static const guint positions[] = { 0, 99, 100, 12345, 50000, N_BIG - 1 };
  gint64 previous_modified = G_MAXINT64;

  wait_until_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_BIG);
  g_assert_cmpuint (desk_library_model_get_n_fetched (model), <=, DESK_LIBRARY_MODEL_PAGE_SIZE);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr (DeskStoryItem) item = g_list_model_get_item (G_LIST_MODEL (model), positions[i]);

      wait_until_idle (model);
      g_assert_true (desk_story_item_get_loaded (item));
      g_assert_true (g_str_has_prefix (desk_story_item_get_headline (item), "Story number "));
      /* newest change first */
      g_assert_cmpint (desk_story_item_get_modified (item), <=, previous_modified);
      previous_modified = desk_story_item_get_modified (item);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_BIG));
  g_assert_cmpuint (desk_library_model_get_n_fetched (model), <, 1000);
}

/* A row the view asks for before its page arrived is a placeholder that
 * fills in place, so the row showing it updates without a reset. */
static void
test_model_placeholder (void)
{
  g_autoptr (DeskLibraryModel) model = desk_library_model_new (ensure_big_store ());
  g_autoptr (DeskStoryItem) item = NULL;
  g_autoptr (DeskStoryItem) again = NULL;
  guint position;

  wait_until_idle (model);
  item = g_list_model_get_item (G_LIST_MODEL (model), 70000);
  g_assert_false (desk_story_item_get_loaded (item));
  g_assert_cmpint (desk_story_item_get_id (item), ==, 0);
  wait_until_idle (model);
  g_assert_true (desk_story_item_get_loaded (item));
  g_assert_cmpint (desk_story_item_get_id (item), >, 0);

  again = g_list_model_get_item (G_LIST_MODEL (model), 70000);
  g_assert_true (again == item);
  g_assert_true (desk_library_model_find (model, desk_story_item_get_id (item), &position));
  g_assert_cmpuint (position, ==, 70000);
}

static void
test_model_search (void)
{
  g_autoptr (DeskLibraryModel) model = desk_library_model_new (ensure_big_store ());
  g_autoptr (GError) error = NULL;
  g_autofree char *query = desk_store_query_from_text ("tirana");
  guint expected = desk_store_count (ensure_big_store (), query, DESK_STATUS_ANY, &error);
  guint n_changes = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (expected, ==, N_BIG / 10);
  wait_until_idle (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  /* typing: each keystroke starts a new query; only the last one lands */
  desk_library_model_set_search_text (model, "tir");
  desk_library_model_set_search_text (model, "tira");
  desk_library_model_set_search_text (model, "tirana");
  wait_until_idle (model);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  g_assert_true (desk_library_model_is_filtered (model));

  n_changes = 0;
  desk_library_model_set_status_filter (model, DESK_STATUS_DRAFT);
  wait_until_idle (model);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    desk_store_count (big_store, query, DESK_STATUS_DRAFT, NULL));
  {
    g_autoptr (DeskStoryItem) item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpint (desk_story_item_get_status (item), ==, DESK_STATUS_DRAFT);
  }

  n_changes = 0;
  desk_library_model_set_search_text (model, "  ");
  desk_library_model_set_status_filter (model, DESK_STATUS_ANY);
  wait_until_idle (model);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_BIG);
  g_assert_false (desk_library_model_is_filtered (model));
}

static void
scroll_to_item (GtkListView *list_view,
                guint        position)
{
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u", position);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The real list view asks only for the rows it shows. */
static void
test_view_scrolls (void)
{
  g_autoptr (DeskLibraryModel) model = desk_library_model_new (ensure_big_store ());
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = desk_library_view_new ();
  GtkListView *list_view;
  DeskLibraryRow *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  desk_library_view_set_model (DESK_LIBRARY_VIEW (view), model);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_idle (model);
  g_assert_cmpstr (desk_library_view_get_page_name (DESK_LIBRARY_VIEW (view)), ==, "list");

  list_view = GTK_LIST_VIEW (find_descendant (view, GTK_TYPE_LIST_VIEW));
  for (guint position = 0; position < 3000; position += 300)
    {
      scroll_to_item (list_view, position);
      wait_until_idle (model);
    }
  scroll_to_item (list_view, N_BIG - 1);
  wait_until_idle (model);
  g_assert_cmpuint (desk_library_model_get_n_fetched (model), <, 2000);

  row = DESK_LIBRARY_ROW (find_descendant (view, DESK_TYPE_LIBRARY_ROW));
  g_assert_nonnull (row);
  g_assert_true (desk_story_item_get_loaded (desk_library_row_get_item (row)));

  desk_library_model_set_search_text (model, "no-such-word-anywhere");
  wait_until_idle (model);
  g_assert_cmpstr (desk_library_view_get_page_name (DESK_LIBRARY_VIEW (view)), ==, "no-results");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_format_relative_time (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) now = g_date_time_new (utc, 2026, 11, 28, 15, 0, 0);
  gint64 t = g_date_time_to_unix (now);
  g_autofree char *just = desk_format_relative_time (t - 20, now);
  g_autofree char *five = desk_format_relative_time (t - 5 * 60, now);
  g_autofree char *hours = desk_format_relative_time (t - 3 * 3600, now);
  g_autofree char *yesterday = desk_format_relative_time (t - 24 * 3600, now);
  g_autofree char *older = desk_format_relative_time (t - 40 * 24 * 3600, now);
  g_autofree char *words = desk_format_word_count (1);

  g_assert_cmpstr (just, ==, "Just now");
  g_assert_cmpstr (five, ==, "5 min ago");
  g_assert_cmpstr (hours, ==, "3 hours ago");
  g_assert_cmpstr (yesterday, ==, "Yesterday");
  g_assert_true (strstr (older, "Oct") != NULL);
  g_assert_cmpstr (words, ==, "1 word");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/copydesk/library-model/format-time", test_format_relative_time);
  g_test_add_func ("/copydesk/library-model/pages", test_model_pages);
  g_test_add_func ("/copydesk/library-model/placeholder", test_model_placeholder);
  g_test_add_func ("/copydesk/library-model/search", test_model_search);
  g_test_add_func ("/copydesk/library-model/view-scrolls", test_view_scrolls);

  status = g_test_run ();
  g_clear_object (&big_store);
  if (big_dir != NULL)
    remove_tree (big_dir);
  g_free (big_dir);
  return status;
}
