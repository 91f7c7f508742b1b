/* desk-editor.c — the story editor: fields, body and autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-editor-body-port.h"
#include "desk-editor-private.h"

#define SAVE_DELAY_MS        800
#define CHECKPOINT_DELAY_S   (5 * 60)

G_DEFINE_FINAL_TYPE (DeskEditor, desk_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORY_ID,
  PROP_TITLE,
  PROP_STATUS,
  PROP_SAVE_STATE,
  PROP_BUSY,
  N_PROPS
};

enum {
  STORY_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


DeskBodyBuffer *
desk_editor_get_body (DeskEditor *self)
{
  return DESK_BODY_BUFFER (gtk_text_view_get_buffer (self->body_view));
}

/* The snapshot that is saved: made on the main thread from the widgets. */
DeskArticle *
desk_editor_build_article (DeskEditor *self)
{
  DeskArticle *article = desk_article_new ();
  g_autofree char *headline = desk_editor_dup_view_text (self->headline_view);
  g_autofree char *deck = desk_editor_dup_view_text (self->deck_view);
  g_autofree char *note = desk_editor_dup_view_text (self->note_view);

  desk_article_set_id (article, desk_article_get_id (self->article));
  desk_article_set_created (article, desk_article_get_created (self->article));
  desk_article_set_modified (article, desk_article_get_modified (self->article));
  desk_article_set_language (article, desk_article_get_language (self->article));
  desk_article_set_tagline (article, desk_article_get_tagline (self->article));
  desk_article_set_status (article, desk_article_get_status (self->article));
  desk_article_set_headline (article, headline);
  desk_article_set_deck (article, deck);
  desk_article_set_note (article, note);
  desk_article_set_kicker (article, gtk_editable_get_text (GTK_EDITABLE (self->kicker_entry)));
  desk_article_set_byline (article, gtk_editable_get_text (GTK_EDITABLE (self->byline_entry)));
  desk_article_set_source_name (article,
                                gtk_editable_get_text (GTK_EDITABLE (self->source_name_entry)));
  desk_article_set_source_url (article,
                               gtk_editable_get_text (GTK_EDITABLE (self->source_url_entry)));
  desk_article_set_dateline (article, self->dateline);
  desk_article_take_blocks (article, desk_body_buffer_dup_blocks (desk_editor_get_body (self)));
  for (guint i = 0; i < self->related->len; i++)
    desk_article_append_related (article, g_ptr_array_index (self->related, i));
  return article;
}

/* Change tracking */

void
desk_editor_changed (DeskEditor *self)
{
  if (self->filling || self->article == NULL)
    return;
  self->change_count++;
  self->edited = TRUE;
  self->checkpoint_due = TRUE;
  if (self->save_state != DESK_SAVE_STATE_FAILED)
    desk_editor_set_save_state (self, DESK_SAVE_STATE_SAVING);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, desk_editor_save_timeout_cb, self);
}

static void
on_headline_changed_cb (DeskEditor *self)
{
  desk_editor_update_headline_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  desk_editor_changed (self);
}

static void
on_body_changed_cb (DeskEditor *self)
{
  desk_editor_queue_counts (self);
  desk_editor_queue_style_button (self);
  desk_editor_changed (self);
}

static void
on_body_tag_changed_cb (DeskEditor        *self,
                        GtkTextTag        *tag,
                        const GtkTextIter *start,
                        const GtkTextIter *end)
{
  if (tag == self->match_tag || tag == self->current_match_tag)
    return;
  desk_editor_queue_style_button (self);
  desk_editor_changed (self);
}

void
desk_editor_emit_saved (DeskEditor  *self,
                        DeskArticle *saved)
{
  gint64 id = desk_article_get_id (saved);

  g_clear_pointer (&self->saved_summary, desk_summary_free);
  self->saved_summary = desk_summary_new (id, desk_article_get_headline (saved),
                                          desk_article_get_kicker (saved),
                                          desk_article_get_status (saved),
                                          desk_article_get_modified (saved),
                                          desk_article_count_words (saved));
  g_signal_emit (self, signals[STORY_SAVED], 0, id);
}

const DeskSummary *
desk_editor_get_saved_summary (DeskEditor *self)
{
  g_return_val_if_fail (DESK_IS_EDITOR (self), NULL);
  return self->saved_summary;
}

void
desk_editor_notify_save_state (DeskEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

/* Loading */

static void
fill_entry (GtkEntry   *entry,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static GPtrArray *
blocks_of (DeskArticle *article)
{
  guint n = desk_article_get_n_blocks (article);
  GPtrArray *blocks = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (blocks, desk_article_get_block (article, i));
  return blocks;
}

static void
fill_fields (DeskEditor  *self,
             DeskArticle *article)
{
  DeskBodyBuffer *body = desk_editor_get_body (self);
  g_autoptr (GPtrArray) blocks = blocks_of (article);
  gint64 started = g_get_monotonic_time ();

  self->filling++;
  fill_entry (self->kicker_entry, desk_article_get_kicker (article));
  desk_editor_set_view_text (self->headline_view, desk_article_get_headline (article));
  desk_editor_set_view_text (self->deck_view, desk_article_get_deck (article));
  fill_entry (self->byline_entry, desk_article_get_byline (article));
  desk_dateline_free (self->dateline);
  self->dateline = desk_dateline_copy (desk_article_get_dateline (article));
  fill_entry (self->place_entry, desk_dateline_get_place (self->dateline));
  fill_entry (self->credit_entry, desk_dateline_get_credit (self->dateline));
  desk_editor_show_date_in_calendar (self);
  desk_body_buffer_set_language (body, desk_editor_get_language (self));
  desk_body_buffer_set_dash_style (body, desk_editor_get_dash_style (self));
  desk_body_buffer_load (body, blocks);
  fill_entry (self->source_name_entry, desk_article_get_source_name (article));
  fill_entry (self->source_url_entry, desk_article_get_source_url (article));
  desk_editor_set_view_text (self->note_view, desk_article_get_note (article));
  g_ptr_array_set_size (self->related, 0);
  for (guint i = 0; i < desk_article_get_n_related (article); i++)
    g_ptr_array_add (self->related, desk_related_copy (desk_article_get_related (article, i)));
  self->filling--;

  desk_editor_update_dateline (self);
  desk_editor_update_headline_count (self);
  desk_editor_update_counts (self);
  desk_editor_show_related (self);
  g_debug ("Story %" G_GINT64_FORMAT " shown in %" G_GINT64_FORMAT " ms (%u blocks)",
           desk_article_get_id (article), (g_get_monotonic_time () - started) / 1000, blocks->len);
}

/* Pasted wire copy: the fields the reader found go to the editor's fields.
 * A field already filled with other text would lose the pasted one, so
 * then nothing is taken. */

typedef struct {
  GtkWidget *field; /* a GtkEditable, or a GtkTextView */
  const char *text;
} PastedField;

static char *
dup_field_text (GtkWidget *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    return desk_editor_dup_view_text (GTK_TEXT_VIEW (field));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

static void
set_field_text (GtkWidget  *field,
                const char *text)
{
  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
}

gboolean
desk_editor_take_pasted_fields (DeskEditor  *self,
                                DeskArticle *pasted)
{
  const DeskDateline *dateline = desk_article_get_dateline (pasted);
  PastedField fields[] = {
    { GTK_WIDGET (self->kicker_entry), desk_article_get_kicker (pasted) },
    { GTK_WIDGET (self->headline_view), desk_article_get_headline (pasted) },
    { GTK_WIDGET (self->deck_view), desk_article_get_deck (pasted) },
    { GTK_WIDGET (self->byline_entry), desk_article_get_byline (pasted) },
    { GTK_WIDGET (self->source_name_entry), desk_article_get_source_name (pasted) },
    { GTK_WIDGET (self->source_url_entry), desk_article_get_source_url (pasted) },
  };
  gboolean take_dateline = dateline && !desk_dateline_is_empty (dateline);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *current = dup_field_text (fields[i].field);

      if (fields[i].text && *fields[i].text && *current && g_strcmp0 (current, fields[i].text))
        return FALSE;
    }
  if (take_dateline && !desk_dateline_is_empty (self->dateline))
    return FALSE;
  if (*desk_article_get_tagline (pasted) && *desk_article_get_tagline (self->article))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].text && *fields[i].text)
      set_field_text (fields[i].field, fields[i].text);
  if (*desk_article_get_tagline (pasted))
    desk_article_set_tagline (self->article, desk_article_get_tagline (pasted));
  if (take_dateline)
    {
      desk_dateline_free (self->dateline);
      self->dateline = desk_dateline_copy (dateline);
      self->filling++;
      fill_entry (self->place_entry, desk_dateline_get_place (self->dateline));
      fill_entry (self->credit_entry, desk_dateline_get_credit (self->dateline));
      desk_editor_show_date_in_calendar (self);
      self->filling--;
      desk_editor_update_dateline (self);
    }
  desk_editor_changed (self);
  return TRUE;
}

static void
set_busy (DeskEditor *self,
          gboolean    busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
notify_story (DeskEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
show_article (DeskEditor  *self,
              DeskArticle *article)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

  g_set_object (&self->article, article);
  fill_fields (self, article);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scroller), TRUE);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
  notify_story (self);
}

static void
story_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr (DeskEditor) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = desk_store_load_finish (DESK_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  self->loading_id = 0;
  if (article == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The story could not be opened: %s"),
                                                  error->message);
      gtk_label_set_label (self->banner_label, message);
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
      return;
    }
  desk_editor_hide_banner_if_saved (self);
  show_article (self, article);
}

static void
clear_fields (DeskEditor *self)
{
  g_autoptr (DeskArticle) empty = desk_article_new ();

  fill_fields (self, empty);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scroller), FALSE);
}

/* Public API */

DeskEditor *
desk_editor_new (void)
{
  return g_object_new (DESK_TYPE_EDITOR, NULL);
}

void
desk_editor_set_store (DeskEditor *self,
                       DeskStore  *store)
{
  g_return_if_fail (DESK_IS_EDITOR (self));
  g_return_if_fail (store == NULL || DESK_IS_STORE (store));

  if (self->store != store && self->article)
    desk_editor_clear (self);
  g_set_object (&self->store, store);
}

void
desk_editor_load_story (DeskEditor *self,
                        gint64      id)
{
  g_return_if_fail (DESK_IS_EDITOR (self));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (id > 0);

  if (self->article && desk_article_get_id (self->article) == id)
    return;
  desk_editor_detach_story (self);
  clear_fields (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading_id = id;
  set_busy (self, TRUE);
  notify_story (self);
  desk_store_load_async (self->store, id, self->cancellable, story_loaded_cb,
                         g_object_ref (self));
}

void
desk_editor_clear (DeskEditor *self)
{
  g_return_if_fail (DESK_IS_EDITOR (self));

  desk_editor_detach_story (self);
  g_cancellable_cancel (self->cancellable);
  self->loading_id = 0;
  set_busy (self, FALSE);
  clear_fields (self);
  notify_story (self);
}

gint64
desk_editor_get_story_id (DeskEditor *self)
{
  g_return_val_if_fail (DESK_IS_EDITOR (self), 0);

  if (self->article)
    return desk_article_get_id (self->article);
  return self->loading_id;
}

void
desk_editor_focus_headline (DeskEditor *self)
{
  g_return_if_fail (DESK_IS_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->headline_view));
}

DeskArticle *
desk_editor_dup_article (DeskEditor *self)
{
  g_return_val_if_fail (DESK_IS_EDITOR (self), NULL);

  return self->article ? desk_editor_build_article (self) : NULL;
}

void
desk_editor_flush_async (DeskEditor          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (DESK_IS_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_editor_flush_async);
  if (desk_editor_is_all_saved (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  self->flush_tasks = g_list_append (self->flush_tasks, g_steal_pointer (&task));
  desk_editor_save_now (self);
  if (self->orphan_timeout)
    {
      g_source_remove (self->orphan_timeout);
      desk_editor_retry_orphans_cb (self);
    }
}

gboolean
desk_editor_flush_finish (DeskEditor    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static char *
dup_title (DeskEditor *self)
{
  g_autofree char *headline = NULL;

  if (self->article == NULL)
    return g_strdup (_("Untitled Story"));
  headline = g_strstrip (desk_editor_dup_view_text (self->headline_view));
  return *headline ? g_steal_pointer (&headline) : g_strdup (_("Untitled Story"));
}

static void
set_status (DeskEditor *self,
            int         status)
{
  if (self->article == NULL || status < 0 || status >= DESK_N_STATUSES ||
      (int) desk_article_get_status (self->article) == status)
    return;
  desk_article_set_status (self->article, status);
  desk_editor_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* GObject */

static void
desk_editor_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskEditor *self = DESK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORY_ID:
      g_value_set_int64 (value, desk_editor_get_story_id (self));
      break;
    case PROP_TITLE:
      g_value_take_string (value, dup_title (self));
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->article ? (int) desk_article_get_status (self->article) : 0);
      break;
    case PROP_SAVE_STATE:
      g_value_set_int (value, self->save_state);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_editor_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskEditor *self = DESK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      set_status (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_editor_dispose (GObject *object)
{
  DeskEditor *self = DESK_EDITOR (object);
  GtkWidget *child;

  /* a last save, in case nobody flushed */
  if (self->store)
    desk_editor_detach_story (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->count_timeout, g_source_remove);
  g_clear_handle_id (&self->follow_source, g_source_remove);
  g_clear_handle_id (&self->style_source, g_source_remove);
  g_clear_handle_id (&self->checkpoint_timeout, g_source_remove);
  g_clear_handle_id (&self->orphan_timeout, g_source_remove);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  g_clear_handle_id (&self->retry_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->article);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_editor_parent_class)->dispose (object);
}

static void
desk_editor_finalize (GObject *object)
{
  DeskEditor *self = DESK_EDITOR (object);

  g_clear_pointer (&self->dateline, desk_dateline_free);
  g_clear_pointer (&self->word_counter, desk_word_counter_free);
  g_clear_pointer (&self->saved_summary, desk_summary_free);
  g_clear_pointer (&self->related, g_ptr_array_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  g_clear_pointer (&self->queued, g_ptr_array_unref);
  g_list_free_full (self->flush_tasks, g_object_unref);

  G_OBJECT_CLASS (desk_editor_parent_class)->finalize (object);
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_STORY_ID] =
    g_param_spec_int64 ("story-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, DESK_N_STATUSES - 1, DESK_STATUS_DRAFT,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SAVE_STATE] =
    g_param_spec_int ("save-state", NULL, NULL, DESK_SAVE_STATE_SAVED, DESK_SAVE_STATE_FAILED,
                      DESK_SAVE_STATE_SAVED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STORY_SAVED] =
    g_signal_new ("story-saved", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
desk_editor_class_init (DeskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_editor_dispose;
  object_class->finalize = desk_editor_finalize;
  object_class->get_property = desk_editor_get_property;
  object_class->set_property = desk_editor_set_property;
  install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/desk-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "deskeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DeskEditor, name)
  BIND (banner_revealer); BIND (banner_label); BIND (search_bar); BIND (search_entry);
  BIND (search_label); BIND (scroller); BIND (kicker_entry); BIND (headline_view);
  BIND (headline_count); BIND (deck_view); BIND (byline_entry); BIND (place_entry);
  BIND (date_button); BIND (date_popover); BIND (calendar); BIND (credit_entry);
  BIND (dateline_label); BIND (style_button); BIND (link_button); BIND (link_popover);
  BIND (link_entry); BIND (link_error); BIND (body_view); BIND (source_name_entry);
  BIND (source_url_entry); BIND (related_button); BIND (related_popover);
  BIND (related_search); BIND (related_results); BIND (related_list); BIND (note_view);
  BIND (words_label); BIND (chars_label); BIND (reading_label); BIND (save_label);
#undef BIND
  desk_editor_class_init_fields (widget_class);
  desk_editor_class_init_actions (widget_class);
  desk_editor_class_init_related (widget_class);
}

static void
connect_changes (DeskEditor *self)
{
  GtkWidget *entries[] = {
    GTK_WIDGET (self->kicker_entry), GTK_WIDGET (self->byline_entry),
    GTK_WIDGET (self->source_name_entry), GTK_WIDGET (self->source_url_entry),
  };
  GtkTextBuffer *body = gtk_text_view_get_buffer (self->body_view);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (desk_editor_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->headline_view), "changed",
                            G_CALLBACK (on_headline_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->deck_view), "changed",
                            G_CALLBACK (desk_editor_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (desk_editor_changed), self);
  g_signal_connect_swapped (body, "changed", G_CALLBACK (on_body_changed_cb), self);
  g_signal_connect_swapped (body, "apply-tag", G_CALLBACK (on_body_tag_changed_cb), self);
  g_signal_connect_swapped (body, "remove-tag", G_CALLBACK (on_body_tag_changed_cb), self);
}

static void
on_dark_changed_cb (DeskEditor     *self,
                    GParamSpec     *pspec,
                    AdwStyleManager *manager)
{
  desk_body_buffer_set_dark (desk_editor_get_body (self), adw_style_manager_get_dark (manager));
}

static void
on_settings_changed_cb (DeskEditor *self,
                        const char *key)
{
  if (g_strcmp0 (key, "dash-style") == 0)
    {
      desk_body_buffer_set_dash_style (desk_editor_get_body (self), desk_editor_get_dash_style (self));
      desk_editor_update_dateline (self);
    }
  else if (g_strcmp0 (key, "headline-soft-limit") == 0)
    desk_editor_update_headline_count (self);
}

/* See desk-editor-body-port.c: the body view is given only its visible part. */
static void
put_body_in_port (DeskEditor *self)
{
  GtkWidget *view = GTK_WIDGET (self->body_view);
  GtkWidget *column = gtk_widget_get_parent (view);
  GtkWidget *before = gtk_widget_get_prev_sibling (view);
  GtkWidget *port;

  g_object_ref (view);
  gtk_box_remove (GTK_BOX (column), view);
  port = desk_editor_body_port_new (self->body_view, self->scroller);
  gtk_box_insert_child_after (GTK_BOX (column), port, before);
  g_object_unref (view);
}

static void
desk_editor_init (DeskEditor *self)
{
  g_autoptr (DeskBodyBuffer) body = desk_body_buffer_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->settings = g_settings_new (APP_ID);
  self->dateline = desk_dateline_new ();
  self->word_counter = desk_word_counter_new ();
  self->related = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_related_free);
  self->orphans = g_ptr_array_new_with_free_func (g_object_unref);
  self->queued = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();

  gtk_text_view_set_buffer (self->body_view, GTK_TEXT_BUFFER (body));
  put_body_in_port (self);
  desk_editor_init_fields (self);
  connect_changes (self);
  desk_editor_init_actions (self);

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_dark_changed_cb (self, NULL, style);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->checkpoint_timeout = g_timeout_add_seconds (CHECKPOINT_DELAY_S, desk_editor_checkpoint_cb,
                                                    self);
  clear_fields (self);
}
