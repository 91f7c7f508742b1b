/* desk-library-model.c — the stories of the library as a paged list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model knows only the row count of the current query. Rows are
 * fetched off the main thread a page at a time, when the view first asks
 * for one of them: until then get_item() hands out placeholder items, which
 * are filled in place when their page arrives. A few pages stay cached,
 * most recently used first. A new search or filter is counted and its first
 * page fetched before the model switches over with one items-changed, so
 * typing in the search entry never shows a list of blanks.
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include "desk-library-model.h"

#define PAGE_SIZE DESK_LIBRARY_MODEL_PAGE_SIZE
#define MAX_PAGES 8

typedef struct
{
  guint index;
  GPtrArray *items; /* DeskStoryItem */
  gboolean requested;
  gboolean loaded;
} Page;

struct _DeskLibraryModel
{
  GObject parent_instance;

  DeskStore *store;
  char *search_text;
  int status_filter;

  /* The query the current rows answer. */
  char *query;
  int query_status;
  guint n_items;
  guint generation;
  GQueue pages;
  GCancellable *fetch_cancellable;
  guint fetch_source;
  guint n_pending_fetches;
  guint n_fetched;

  /* A switch to a new query, in flight. */
  guint reset_serial;
  gboolean resetting;
  GCancellable *reset_cancellable;
  gboolean ready;
};

typedef struct
{
  DeskLibraryModel *self;
  guint serial;
  char *query;
  int status;
  guint count;
} ResetData;

typedef struct
{
  DeskLibraryModel *self;
  guint generation;
  guint index;
} FetchData;

static void desk_library_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskLibraryModel, desk_library_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      desk_library_model_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_STATUS_FILTER,
  PROP_N_ITEMS,
  PROP_READY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static Page *
page_new (DeskLibraryModel *self,
          guint             index)
{
  Page *page = g_new0 (Page, 1);
  guint start = index * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->n_items - start);

  page->index = index;
  page->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->items, desk_story_item_new_placeholder ());
  return page;
}

static void
page_fill (Page      *page,
           GPtrArray *rows)
{
  for (guint i = 0; i < page->items->len && i < rows->len; i++)
    desk_story_item_set_summary (g_ptr_array_index (page->items, i), g_ptr_array_index (rows, i));
  page->loaded = TRUE;
}

static void
reset_data_free (ResetData *data)
{
  g_object_unref (data->self);
  g_free (data->query);
  g_free (data);
}

static void
fetch_data_free (FetchData *data)
{
  g_object_unref (data->self);
  g_free (data);
}

static void
clear_pages (DeskLibraryModel *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  self->fetch_cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->fetch_source, g_source_remove);
}

static void
notify_busy_if_changed (DeskLibraryModel *self,
                        gboolean          was_busy)
{
  if (was_busy != desk_library_model_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Paging */

static GList *
find_page_link (DeskLibraryModel *self,
                guint             index)
{
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    if (((Page *) l->data)->index == index)
      return l;
  return NULL;
}

static void
page_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FetchData *data = user_data;
  DeskLibraryModel *self = data->self;
  gboolean was_busy = desk_library_model_get_busy (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = desk_store_list_finish (DESK_STORE (source), result, &error);
  GList *link;

  self->n_pending_fetches--;
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not fetch library rows: %s", error->message);
    }
  else
    {
      self->n_fetched += rows->len;
      link = data->generation == self->generation ? find_page_link (self, data->index) : NULL;
      if (link != NULL)
        page_fill (link->data, rows);
    }
  notify_busy_if_changed (self, was_busy);
  fetch_data_free (data);
}

static void
fetch_page (DeskLibraryModel *self,
            Page             *page)
{
  FetchData *data = g_new0 (FetchData, 1);

  data->self = g_object_ref (self);
  data->generation = self->generation;
  data->index = page->index;
  page->requested = TRUE;
  self->n_pending_fetches++;
  desk_store_list_async (self->store, self->query, self->query_status,
                         page->index * PAGE_SIZE, PAGE_SIZE,
                         self->fetch_cancellable, page_fetched_cb, data);
}

/* Fetches start from an idle, for the pages still cached by then: a caller
 * walking many rows in one go costs at most MAX_PAGES queries. */
static gboolean
fetch_pages_cb (gpointer user_data)
{
  DeskLibraryModel *self = user_data;
  gboolean was_busy = desk_library_model_get_busy (self);

  self->fetch_source = 0;
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (!page->requested)
        fetch_page (self, page);
    }
  notify_busy_if_changed (self, was_busy);
  return G_SOURCE_REMOVE;
}

static Page *
lookup_page (DeskLibraryModel *self,
             guint             index)
{
  GList *link = find_page_link (self, index);
  Page *page;

  if (link != NULL)
    {
      g_queue_unlink (&self->pages, link);
      g_queue_push_head_link (&self->pages, link);
      return link->data;
    }

  page = page_new (self, index);
  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));
  if (self->fetch_source == 0)
    self->fetch_source = g_idle_add_full (G_PRIORITY_DEFAULT, fetch_pages_cb, self, NULL);
  return page;
}

/* GListModel */

static GType
desk_library_model_get_item_type (GListModel *model)
{
  return DESK_TYPE_STORY_ITEM;
}

static guint
desk_library_model_get_n_items (GListModel *model)
{
  return DESK_LIBRARY_MODEL (model)->n_items;
}

static gpointer
desk_library_model_get_item (GListModel *model,
                             guint       position)
{
  DeskLibraryModel *self = DESK_LIBRARY_MODEL (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = lookup_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
desk_library_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_library_model_get_item_type;
  iface->get_n_items = desk_library_model_get_n_items;
  iface->get_item = desk_library_model_get_item;
}

/* Switching to a new query */

static gboolean
refresh_cb (gpointer user_data)
{
  desk_library_model_refresh (user_data);
  return G_SOURCE_REMOVE;
}

static void
install_reset (DeskLibraryModel *self,
               ResetData        *data,
               GPtrArray        *first_rows)
{
  guint old_n_items = self->n_items;
  gboolean was_ready = self->ready;

  clear_pages (self);
  self->generation++;
  g_free (self->query);
  self->query = g_steal_pointer (&data->query);
  self->query_status = data->status;
  self->n_items = data->count;
  self->resetting = FALSE;
  self->ready = TRUE;

  if (first_rows != NULL && self->n_items > 0)
    {
      Page *page = page_new (self, 0);

      self->n_fetched += first_rows->len;
      page_fill (page, first_rows);
      page->requested = TRUE;
      g_queue_push_head (&self->pages, page);
      /* The library changed between the count and the rows: count again. */
      if (first_rows->len != page->items->len)
        g_idle_add_full (G_PRIORITY_DEFAULT, refresh_cb, g_object_ref (self), g_object_unref);
    }

  if (old_n_items != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (!was_ready)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static gboolean
reset_is_stale (ResetData *data,
                GError    *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      data->serial != data->self->reset_serial)
    return TRUE;
  if (error != NULL)
    g_debug ("Could not query the library: %s", error->message);
  return FALSE;
}

static void
reset_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ResetData *data = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = desk_store_list_finish (DESK_STORE (source), result, &error);

  if (!reset_is_stale (data, error))
    {
      gboolean was_busy = desk_library_model_get_busy (data->self);

      if (rows == NULL)
        data->count = 0;
      install_reset (data->self, data, rows);
      notify_busy_if_changed (data->self, was_busy);
    }
  reset_data_free (data);
}

static void
reset_counted_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ResetData *data = user_data;
  DeskLibraryModel *self = data->self;
  g_autoptr (GError) error = NULL;

  if (!desk_store_count_finish (DESK_STORE (source), result, &data->count, &error))
    data->count = 0;
  if (reset_is_stale (data, error))
    {
      reset_data_free (data);
      return;
    }
  if (data->count > 0)
    {
      desk_store_list_async (self->store, data->query, data->status, 0, PAGE_SIZE,
                             self->reset_cancellable, reset_listed_cb, data);
      return;
    }
  install_reset (self, data, NULL);
  notify_busy_if_changed (self, TRUE);
  reset_data_free (data);
}

static void
start_reset (DeskLibraryModel *self)
{
  gboolean was_busy = desk_library_model_get_busy (self);
  ResetData *data;

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->reset_cancellable);
  g_clear_object (&self->reset_cancellable);
  self->reset_cancellable = g_cancellable_new ();

  data = g_new0 (ResetData, 1);
  data->self = g_object_ref (self);
  data->serial = ++self->reset_serial;
  data->query = desk_store_query_from_text (self->search_text);
  data->status = self->status_filter;
  self->resetting = TRUE;
  desk_store_count_async (self->store, data->query, data->status,
                          self->reset_cancellable, reset_counted_cb, data);
  notify_busy_if_changed (self, was_busy);
}

/* GObject */

static void
desk_library_model_constructed (GObject *object)
{
  DeskLibraryModel *self = DESK_LIBRARY_MODEL (object);

  G_OBJECT_CLASS (desk_library_model_parent_class)->constructed (object);

  start_reset (self);
}

static void
desk_library_model_dispose (GObject *object)
{
  DeskLibraryModel *self = DESK_LIBRARY_MODEL (object);

  g_cancellable_cancel (self->reset_cancellable);
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_library_model_parent_class)->dispose (object);
}

static void
desk_library_model_finalize (GObject *object)
{
  DeskLibraryModel *self = DESK_LIBRARY_MODEL (object);

  g_clear_object (&self->reset_cancellable);
  g_clear_object (&self->fetch_cancellable);
  g_free (self->search_text);
  g_free (self->query);

  G_OBJECT_CLASS (desk_library_model_parent_class)->finalize (object);
}

static void
desk_library_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskLibraryModel *self = DESK_LIBRARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, desk_library_model_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_library_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskLibraryModel *self = DESK_LIBRARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH_TEXT:
      desk_library_model_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_STATUS_FILTER:
      desk_library_model_set_status_filter (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_library_model_class_init (DeskLibraryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = desk_library_model_constructed;
  object_class->dispose = desk_library_model_dispose;
  object_class->finalize = desk_library_model_finalize;
  object_class->get_property = desk_library_model_get_property;
  object_class->set_property = desk_library_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DESK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, DESK_STATUS_ANY, DESK_N_STATUSES - 1,
                      DESK_STATUS_ANY, rw);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_library_model_init (DeskLibraryModel *self)
{
  self->search_text = g_strdup ("");
  self->status_filter = DESK_STATUS_ANY;
  self->query_status = DESK_STATUS_ANY;
  self->fetch_cancellable = g_cancellable_new ();
  g_queue_init (&self->pages);
}

DeskLibraryModel *
desk_library_model_new (DeskStore *store)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  return g_object_new (DESK_TYPE_LIBRARY_MODEL, "store", store, NULL);
}

DeskStore *
desk_library_model_get_store (DeskLibraryModel *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_MODEL (self), NULL);
  return self->store;
}

const char *
desk_library_model_get_search_text (DeskLibraryModel *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_MODEL (self), NULL);
  return self->search_text;
}

void
desk_library_model_set_search_text (DeskLibraryModel *self,
                                    const char       *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (DESK_IS_LIBRARY_MODEL (self));

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (g_str_equal (stripped, self->search_text))
    return;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&stripped);
  start_reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

int
desk_library_model_get_status_filter (DeskLibraryModel *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_MODEL (self), DESK_STATUS_ANY);
  return self->status_filter;
}

void
desk_library_model_set_status_filter (DeskLibraryModel *self,
                                      int               status)
{
  g_return_if_fail (DESK_IS_LIBRARY_MODEL (self));
  g_return_if_fail (status >= DESK_STATUS_ANY && status < DESK_N_STATUSES);

  if (status == self->status_filter)
    return;
  self->status_filter = status;
  start_reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

/* Whether the rows are narrowed by a search or a status. */
gboolean
desk_library_model_is_filtered (DeskLibraryModel *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_MODEL (self), FALSE);
  return (self->query != NULL && self->query[0] != '\0') || self->query_status != DESK_STATUS_ANY;
}

/* Counts and fetches again after the library changed (a save, a delete). */
void
desk_library_model_refresh (DeskLibraryModel *self)
{
  g_return_if_fail (DESK_IS_LIBRARY_MODEL (self));
  start_reset (self);
}

/* TRUE once the first count arrived: before that an empty model means
 * "not known yet", not "no stories". */
gboolean
desk_library_model_get_ready (DeskLibraryModel *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_MODEL (self), FALSE);
  return self->ready;
}

gboolean
desk_library_model_get_busy (DeskLibraryModel *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_MODEL (self), FALSE);
  return self->resetting || self->n_pending_fetches > 0 || self->fetch_source != 0;
}

/* How many rows were read from the store so far, for tests and benchmarks. */
guint
desk_library_model_get_n_fetched (DeskLibraryModel *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_MODEL (self), 0);
  return self->n_fetched;
}

/* Finds a story among the rows fetched so far; never queries the store. */
/* The row of a story just saved shows its new fields at once, before the
 * next refresh puts it in its new place. */
void
desk_library_model_update_story (DeskLibraryModel  *self,
                                 const DeskSummary *summary)
{
  guint position;
  Page *page;

  g_return_if_fail (DESK_IS_LIBRARY_MODEL (self));
  g_return_if_fail (summary != NULL);

  if (!desk_library_model_find (self, summary->id, &position))
    return;
  page = find_page_link (self, position / PAGE_SIZE)->data;
  desk_story_item_set_summary (g_ptr_array_index (page->items, position % PAGE_SIZE), summary);
}

gboolean
desk_library_model_find (DeskLibraryModel *self,
                         gint64            id,
                         guint            *position)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_MODEL (self), FALSE);

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      for (guint i = 0; page->loaded && i < page->items->len; i++)
        if (desk_story_item_get_id (g_ptr_array_index (page->items, i)) == id)
          {
            if (position != NULL)
              *position = page->index * PAGE_SIZE + i;
            return TRUE;
          }
    }
  return FALSE;
}
