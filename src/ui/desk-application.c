/* desk-application.c — the Copydesk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-window.h"

struct _DeskApplication
{
  AdwApplication parent_instance;

  char *library_path; /* absolute; NULL for the default library */
  DeskStore *store;
  char *requested_library; /* from a second launch, while it is handled */
};

/* The platform data key with which `copydesk --db FILE`, launched while
 * Copydesk runs, hands FILE (absolute) to the running instance. */
#define LIBRARY_PLATFORM_KEY "copydesk-library"

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

DeskApplication *
desk_application_new (const char        *application_id,
                      GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (DESK_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       /* the same resources serve the .Devel profile */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* Which library the windows open: `copydesk --db FILE` sets it, tests too.
 * A library already open stays with the windows that use it. */
void
desk_application_set_library_path (DeskApplication *self,
                                   const char      *path)
{
  g_return_if_fail (DESK_IS_APPLICATION (self));

  g_free (self->library_path);
  self->library_path = path ? g_canonicalize_filename (path, NULL) : NULL;
  g_clear_object (&self->store);
}

char *
desk_application_dup_library_path (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);

  if (self->library_path != NULL)
    return g_strdup (self->library_path);
  return desk_store_default_path ();
}

/**
 * desk_application_get_store:
 *
 * Opens the library on first use. A library that cannot be opened is
 * tried again at the next call, and never written to.
 *
 * Returns: (transfer none): the library, or %NULL with @error set
 */
DeskStore *
desk_application_get_store (DeskApplication  *self,
                            GError          **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    {
      path = desk_application_dup_library_path (self);
      self->store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, error);
    }
  return self->store;
}

static void
open_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  DeskStore *store = desk_store_open (task_data, DESK_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* Returns: whether @path (absolute) is the application's library, which
 * %NULL also stands for */
gboolean
desk_application_is_main_library (DeskApplication *self,
                                  const char      *path)
{
  g_autofree char *main_path = NULL;

  g_return_val_if_fail (DESK_IS_APPLICATION (self), FALSE);

  main_path = desk_application_dup_library_path (self);
  return path == NULL || g_strcmp0 (path, main_path) == 0;
}

/* The same as desk_application_get_store(), with the checks of a big file
 * off the main thread, so the window shows at once. @path %NULL (or the
 * same file) is the application's library, which its windows share; any
 * other library is opened anew for the caller alone. */
void
desk_application_open_store_async (DeskApplication    *self,
                                   const char         *path,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (DESK_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_application_open_store_async);
  if (self->store != NULL && desk_application_is_main_library (self, path))
    {
      g_task_return_pointer (task, g_object_ref (self->store), g_object_unref);
      return;
    }
  g_task_set_task_data (task, path ? g_strdup (path) : desk_application_dup_library_path (self),
                        g_free);
  g_task_run_in_thread (task, open_store_thread);
}

/* Returns: (transfer full): the library, or %NULL with @error set */
DeskStore *
desk_application_open_store_finish (DeskApplication  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  DeskStore *store;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  store = g_task_propagate_pointer (G_TASK (result), error);
  if (store == NULL || store == self->store)
    return store;
  /* Two windows opening the application's library at once share the first
   * one opened; another library, or one opened for a path changed
   * meanwhile, is used but not kept. */
  if (!desk_application_is_main_library (self, g_task_get_task_data (G_TASK (result))))
    return store;
  if (self->store != NULL)
    g_set_object (&store, self->store);
  else
    self->store = g_object_ref (store);
  return store;
}

static GtkWindow *
find_library_window (DeskApplication *self,
                     const char      *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      g_autofree char *window_path = NULL;

      if (!DESK_IS_WINDOW (l->data))
        continue;
      window_path = desk_window_dup_library_path (l->data);
      if (g_strcmp0 (window_path, path) == 0)
        return l->data;
    }
  return NULL;
}

/* A launch that names a library gets the window of that library, a new
 * one if need be; a plain launch, the window last used. */
static GtkWindow *
ensure_window (DeskApplication *self)
{
  const char *path = self->requested_library;
  GtkWindow *window;

  if (path != NULL)
    window = find_library_window (self, path);
  else
    window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (desk_window_new_for_library (self, path));
  return window;
}

/* In the process that launches, when Copydesk already runs: the library
 * asked for goes along with the activation or the files to open. */
static void
desk_application_add_platform_data (GApplication    *app,
                                    GVariantBuilder *builder)
{
  DeskApplication *self = DESK_APPLICATION (app);

  G_APPLICATION_CLASS (desk_application_parent_class)->add_platform_data (app, builder);
  if (self->library_path != NULL)
    g_variant_builder_add (builder, "{sv}", LIBRARY_PLATFORM_KEY,
                           g_variant_new_bytestring (self->library_path));
}

/* In the running process, around the activation or opening it sends. */
static void
desk_application_before_emit (GApplication *app,
                              GVariant     *platform_data)
{
  DeskApplication *self = DESK_APPLICATION (app);
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (desk_application_parent_class)->before_emit (app, platform_data);
  g_clear_pointer (&self->requested_library, g_free);
  if (g_variant_lookup (platform_data, LIBRARY_PLATFORM_KEY, "^ay", &path) &&
      g_path_is_absolute (path))
    self->requested_library = g_steal_pointer (&path);
}

static void
desk_application_after_emit (GApplication *app,
                             GVariant     *platform_data)
{
  DeskApplication *self = DESK_APPLICATION (app);

  g_clear_pointer (&self->requested_library, g_free);
  G_APPLICATION_CLASS (desk_application_parent_class)->after_emit (app, platform_data);
}

/* Single instance: a second launch lands here in the first process and
 * raises the window of the library it names. */
static void
desk_application_activate (GApplication *app)
{
  gtk_window_present (ensure_window (DESK_APPLICATION (app)));
}

static void
desk_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  /* `copydesk story.txt` imports the file into the library. */
  GtkWindow *window = ensure_window (DESK_APPLICATION (app));

  gtk_window_present (window);
  if (DESK_IS_WINDOW (window))
    desk_window_import_files (DESK_WINDOW (window), files, n_files);
}

static void
desk_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  static const char *developers[] = { "The Copydesk developers", NULL };
  DeskApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Copydesk"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Copydesk developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Draft, edit and print news stories"),
                         "website", "https://github.com/copydesk/copydesk",
                         "issue-url", "https://github.com/copydesk/copydesk/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Copydesk developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
desk_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  DeskApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close windows rather than quit outright, so each saves what it holds. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = desk_application_about_action },
  { .name = "quit", .activate = desk_application_quit_action },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.new-story", { "<Control>n", NULL } },
  { "win.search-library", { "<Control>l", "F9", NULL } },
  { "win.save-version", { "<Control>s", NULL } },
  { "win.show-versions", { "<Control><Shift>h", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.import", { "<Control>o", NULL } },
  { "win.preferences", { "<Control>comma", NULL } },
};

static void
desk_application_startup (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);

  G_APPLICATION_CLASS (desk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
desk_application_finalize (GObject *object)
{
  DeskApplication *self = DESK_APPLICATION (object);

  g_clear_object (&self->store);
  g_free (self->library_path);
  g_free (self->requested_library);

  G_OBJECT_CLASS (desk_application_parent_class)->finalize (object);
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = desk_application_finalize;

  app_class->activate = desk_application_activate;
  app_class->open = desk_application_open;
  app_class->startup = desk_application_startup;
  app_class->add_platform_data = desk_application_add_platform_data;
  app_class->before_emit = desk_application_before_emit;
  app_class->after_emit = desk_application_after_emit;
}

static void
desk_application_init (DeskApplication *self)
{
}
