/* test-window.c — the main window opens, shows its pages and closes cleanly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "desk-application.h"
#include "desk-window.h"

static DeskApplication *app;

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

static void
test_window_empty_library (void)
{
  DeskWindow *window = desk_window_new (app);
  GtkWidget *status;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_idle ();

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_nonnull (find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
  status = find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Stories Yet");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
}

static void
test_window_about (void)
{
  DeskWindow *window = desk_window_new (app);
  GList *toplevels;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_idle ();

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  wait_for_idle ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      {
        g_assert_cmpstr (adw_about_window_get_application_name (l->data), ==, "Copydesk");
        g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window));
        gtk_window_destroy (l->data);
        found = TRUE;
      }
  g_list_free (toplevels);
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
}

static void
test_window_remembers_size (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.copydesk.Copydesk");
  DeskWindow *window = desk_window_new (app);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_idle ();
  gtk_window_close (GTK_WINDOW (window));
  wait_for_idle ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);

  window = desk_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  make_application ();
  g_test_add_func ("/copydesk/window/empty-library", test_window_empty_library);
  g_test_add_func ("/copydesk/window/about", test_window_about);
  g_test_add_func ("/copydesk/window/remembers-size", test_window_remembers_size);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
