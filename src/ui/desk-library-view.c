/* desk-library-view.c — the library pane: search, status filter and story list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-library-row.h"
#include "desk-library-view.h"

struct _DeskLibraryView
{
  GtkWidget parent_instance;

  DeskLibraryModel *model;
  GtkSingleSelection *selection;
  GPtrArray *rows; /* DeskLibraryRow, unowned: to refresh their times */
  guint clock_source;

  /* The story to keep selected across a reset of the model. */
  gint64 kept_id;
  gboolean silent;
  DeskStoryItem *waiting_item;
  gulong waiting_handler;

  /* template children */
  GtkWidget *box;
  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (DeskLibraryView, desk_library_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_STORY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_page (DeskLibraryView *self)
{
  const char *name = "loading";

  if (self->model != NULL && desk_library_model_get_ready (self->model))
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
        name = "list";
      else if (desk_library_model_is_filtered (self->model))
        name = "no-results";
      else
        name = "empty";
    }
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
stop_waiting (DeskLibraryView *self)
{
  if (self->waiting_item != NULL)
    g_clear_signal_handler (&self->waiting_handler, self->waiting_item);
  g_clear_object (&self->waiting_item);
}

static void
on_waiting_item_loaded_cb (DeskLibraryView *self)
{
  gint64 id = desk_story_item_get_id (self->waiting_item);

  stop_waiting (self);
  g_signal_emit (self, signals[SIGNAL_STORY_ACTIVATED], 0, id);
}

static void
on_selected_item_cb (DeskLibraryView *self)
{
  DeskStoryItem *item = gtk_single_selection_get_selected_item (self->selection);

  stop_waiting (self);
  if (item == NULL || self->silent)
    return;
  if (desk_story_item_get_loaded (item))
    {
      g_signal_emit (self, signals[SIGNAL_STORY_ACTIVATED], 0, desk_story_item_get_id (item));
      return;
    }
  /* Picked a row whose page is still on its way: open it when it lands. */
  self->waiting_item = g_object_ref (item);
  self->waiting_handler = g_signal_connect_object (item, "notify::loaded",
                                                   G_CALLBACK (on_waiting_item_loaded_cb), self,
                                                   G_CONNECT_SWAPPED);
}

static void
select_silently (DeskLibraryView *self,
                 guint            position)
{
  self->silent = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->silent = FALSE;
}

/* Runs before the selection model sees a reset. Left alone, it would look
 * for the selected item among all the new rows, asking the model for each
 * of them — every page of a 100,000-story library. */
static void
on_model_items_changed_cb (DeskLibraryView *self)
{
  gint64 id = desk_library_view_get_selected_id (self);

  if (id != 0)
    self->kept_id = id;
  select_silently (self, GTK_INVALID_LIST_POSITION);
}

static void
on_model_items_changed_after_cb (DeskLibraryView *self)
{
  guint position;

  if (self->kept_id != 0 && desk_library_model_find (self->model, self->kept_id, &position))
    select_silently (self, position);
  update_page (self);
}

static void
on_search_changed_cb (DeskLibraryView *self)
{
  if (self->model != NULL)
    desk_library_model_set_search_text (self->model,
                                        gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search_cb (DeskLibraryView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_status_selected_cb (DeskLibraryView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  int status = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? DESK_STATUS_ANY
                                                                        : (int) selected - 1;

  if (self->model != NULL)
    desk_library_model_set_status_filter (self->model, status);
}

/* Row factory */

static void
setup_row_cb (GtkListItemFactory *factory,
              GtkListItem        *list_item,
              DeskLibraryView    *self)
{
  GtkWidget *row = desk_library_row_new ();

  gtk_list_item_set_child (list_item, row);
  g_ptr_array_add (self->rows, row);
}

static void
bind_row_cb (GtkListItemFactory *factory,
             GtkListItem        *list_item)
{
  desk_library_row_set_item (DESK_LIBRARY_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item)
{
  desk_library_row_set_item (DESK_LIBRARY_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
teardown_row_cb (GtkListItemFactory *factory,
                 GtkListItem        *list_item,
                 DeskLibraryView    *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (row != NULL)
    g_ptr_array_remove_fast (self->rows, row);
}

static gboolean
update_times_cb (gpointer user_data)
{
  DeskLibraryView *self = user_data;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < self->rows->len; i++)
    desk_library_row_update_time (g_ptr_array_index (self->rows, i), now);
  return G_SOURCE_CONTINUE;
}

static void
setup_list (DeskLibraryView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
desk_library_view_dispose (GObject *object)
{
  DeskLibraryView *self = DESK_LIBRARY_VIEW (object);

  stop_waiting (self);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_LIBRARY_VIEW);
  g_clear_object (&self->selection);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (desk_library_view_parent_class)->dispose (object);
}

static void
desk_library_view_finalize (GObject *object)
{
  DeskLibraryView *self = DESK_LIBRARY_VIEW (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (desk_library_view_parent_class)->finalize (object);
}

static void
desk_library_view_class_init (DeskLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_library_view_dispose;
  object_class->finalize = desk_library_view_finalize;

  signals[SIGNAL_STORY_ACTIVATED] =
    g_signal_new ("story-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/desk-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryView, box);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryView, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_library_view_init (DeskLibraryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  setup_list (self);
  self->clock_source = g_timeout_add_seconds (60, update_times_cb, self);
}

GtkWidget *
desk_library_view_new (void)
{
  return g_object_new (DESK_TYPE_LIBRARY_VIEW, NULL);
}

DeskLibraryModel *
desk_library_view_get_model (DeskLibraryView *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_VIEW (self), NULL);
  return self->model;
}

void
desk_library_view_set_model (DeskLibraryView  *self,
                             DeskLibraryModel *model)
{
  g_return_if_fail (DESK_IS_LIBRARY_VIEW (self));
  g_return_if_fail (model == NULL || DESK_IS_LIBRARY_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_single_selection_set_model (self->selection, NULL);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      /* Connected before the selection model connects, so it runs first. */
      g_signal_connect_swapped (model, "items-changed",
                                G_CALLBACK (on_model_items_changed_cb), self);
      g_signal_connect_data (model, "items-changed", G_CALLBACK (on_model_items_changed_after_cb),
                             self, NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_swapped (model, "notify::ready", G_CALLBACK (update_page), self);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
    }
  update_page (self);
}

/* Selects the story when its row is at hand, and keeps it selected across
 * later resets; emits no "story-activated". */
void
desk_library_view_select_story (DeskLibraryView *self,
                                gint64           id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (DESK_IS_LIBRARY_VIEW (self));

  self->kept_id = id;
  if (id != 0 && self->model != NULL && desk_library_model_find (self->model, id, &position))
    {
      select_silently (self, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
  else
    select_silently (self, GTK_INVALID_LIST_POSITION);
}

gint64
desk_library_view_get_selected_id (DeskLibraryView *self)
{
  DeskStoryItem *item;

  g_return_val_if_fail (DESK_IS_LIBRARY_VIEW (self), 0);

  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? desk_story_item_get_id (item) : 0;
}

void
desk_library_view_focus_search (DeskLibraryView *self)
{
  g_return_if_fail (DESK_IS_LIBRARY_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Back to every story: no search text, any status. */
void
desk_library_view_reset_filters (DeskLibraryView *self)
{
  g_return_if_fail (DESK_IS_LIBRARY_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  if (self->model != NULL)
    {
      desk_library_model_set_search_text (self->model, "");
      desk_library_model_set_status_filter (self->model, DESK_STATUS_ANY);
    }
}

/* "loading", "list", "empty" or "no-results". */
const char *
desk_library_view_get_page_name (DeskLibraryView *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
