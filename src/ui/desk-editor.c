/* desk-editor.c — the story editor: fields, body and autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-editor-private.h"

#define SAVE_DELAY_MS        800
#define CHECKPOINT_DELAY_S   (5 * 60)
#define COUNT_DELAY_MS       250
#define WORDS_PER_MINUTE     230

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


/* Text views */

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

DeskBodyBuffer *
desk_editor_get_body (DeskEditor *self)
{
  return DESK_BODY_BUFFER (gtk_text_view_get_buffer (self->body_view));
}

static const char *
get_language (DeskEditor *self)
{
  const char *language = self->article ? desk_article_get_language (self->article) : NULL;

  return language && *language ? language : "en";
}

static DeskDashStyle
get_dash_style (DeskEditor *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "dash-style");
  DeskDashStyle dash = DESK_DASH_EN;

  desk_dash_style_from_string (value, &dash);
  return dash;
}

/* The snapshot that is saved: made on the main thread from the widgets. */
DeskArticle *
desk_editor_build_article (DeskEditor *self)
{
  DeskArticle *article = desk_article_new ();
  g_autofree char *headline = dup_view_text (self->headline_view);
  g_autofree char *deck = dup_view_text (self->deck_view);
  g_autofree char *note = dup_view_text (self->note_view);

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

/* Footer */

static void
update_counts (DeskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autoptr (DeskArticle) counter = desk_article_new ();
  g_autofree char *text = dup_view_text (self->body_view);
  g_autofree char *words = NULL;
  g_autofree char *chars = NULL;
  g_autofree char *minutes = NULL;
  guint n_words, n_chars, n_minutes;

  desk_article_append_block (counter, desk_block_new (DESK_BLOCK_PARAGRAPH, text));
  n_words = desk_article_count_words (counter);
  n_chars = gtk_text_buffer_get_char_count (buffer) - MAX (gtk_text_buffer_get_line_count (buffer) - 1, 0);
  n_minutes = (n_words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;

  words = g_strdup_printf (ngettext ("%u word", "%u words", n_words), n_words);
  chars = g_strdup_printf (ngettext ("%u character", "%u characters", n_chars), n_chars);
  minutes = g_strdup_printf (ngettext ("%u minute read", "%u minutes read", n_minutes), n_minutes);
  gtk_label_set_label (self->words_label, words);
  gtk_label_set_label (self->chars_label, chars);
  gtk_label_set_label (self->reading_label, n_words ? minutes : "");
}

static gboolean
count_timeout_cb (gpointer data)
{
  DeskEditor *self = data;

  self->count_timeout = 0;
  update_counts (self);
  return G_SOURCE_REMOVE;
}

static void
queue_counts (DeskEditor *self)
{
  if (self->count_timeout == 0)
    self->count_timeout = g_timeout_add (COUNT_DELAY_MS, count_timeout_cb, self);
}

/* Headline */

static void
update_headline_count (DeskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->headline_view);
  int limit = g_settings_get_int (self->settings, "headline-soft-limit");
  int n = gtk_text_buffer_get_char_count (buffer);
  g_autofree char *label = g_strdup_printf ("%d / %d", n, limit);
  g_autofree char *tip = NULL;

  gtk_label_set_label (self->headline_count, label);
  if (n > limit)
    {
      tip = g_strdup_printf (ngettext ("The headline is %d character over the limit of %d",
                                       "The headline is %d characters over the limit of %d",
                                       n - limit), n - limit, limit);
      gtk_widget_add_css_class (GTK_WIDGET (self->headline_count), "warning");
    }
  else
    {
      tip = g_strdup_printf (_("Headline length: %d of %d characters"), n, limit);
      gtk_widget_remove_css_class (GTK_WIDGET (self->headline_count), "warning");
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->headline_count), tip);
}

/* The headline is one paragraph: pasted line breaks become spaces. */
static void
on_headline_insert_text_cb (GtkTextBuffer *buffer,
                            GtkTextIter   *iter,
                            const char    *text,
                            int            len,
                            gpointer       user_data)
{
  g_autofree char *flat = NULL;

  if (memchr (text, '\n', len) == NULL && memchr (text, '\r', len) == NULL)
    return;
  flat = g_strndup (text, len);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_text_buffer_insert (buffer, iter, flat, -1);
}

/* Enter in a one-paragraph field moves on to the next field. */
static gboolean
on_single_line_key_pressed_cb (GtkEventControllerKey *controller,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               gpointer               user_data)
{
  GtkWidget *next = user_data;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  gtk_widget_grab_focus (next);
  return TRUE;
}

static void
make_single_line (DeskEditor  *self,
                  GtkTextView *view,
                  GtkWidget   *next)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_single_line_key_pressed_cb), next);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
  g_signal_connect (gtk_text_view_get_buffer (view), "insert-text",
                    G_CALLBACK (on_headline_insert_text_cb), NULL);
}

/* A text view whose text was set while it was hidden keeps the height of
 * its old layout when shown: GTK 4.8 validates the layout at the new width
 * only while allocating, and queues no resize for the height it finds.
 * Measuring again in the frames of the next second gives the view its
 * real height. */
static gboolean
refit_height_cb (GtkWidget     *view,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  gint64 *mapped_at = data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  int height;

  if (*mapped_at == 0)
    *mapped_at = now;
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      &height, NULL, NULL, NULL);
  if (height != gtk_widget_get_height (view))
    gtk_widget_queue_resize (view);
  return now - *mapped_at < G_USEC_PER_SEC ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_field_view_map_cb (GtkWidget *view)
{
  gtk_widget_add_tick_callback (view, refit_height_cb, g_new0 (gint64, 1), g_free);
}

/* Placeholders for text views, which GTK 4.8 lacks */

static void
on_placeholder_buffer_changed_cb (GtkTextBuffer *buffer,
                                  GtkWidget     *placeholder)
{
  gtk_widget_set_visible (placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
add_placeholder (GtkTextView *view,
                 const char  *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  g_signal_connect (view, "map", G_CALLBACK (on_field_view_map_cb), NULL);
  gtk_widget_add_css_class (label, "desk-placeholder");
  gtk_widget_set_can_target (label, FALSE);
  gtk_text_view_add_overlay (view, label, 0, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_placeholder_buffer_changed_cb),
                           label, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* Dateline */

static void
update_dateline (DeskEditor *self)
{
  g_autofree char *line = desk_dateline_render (self->dateline, get_language (self),
                                                get_dash_style (self));
  g_autofree char *date = desk_dateline_format_date (self->dateline, get_language (self));

  gtk_label_set_label (self->dateline_label, line);
  gtk_widget_set_visible (GTK_WIDGET (self->dateline_label), line && *line);
  gtk_menu_button_set_label (self->date_button, date && *date ? date : _("No date"));
}

static void
on_dateline_entry_changed_cb (DeskEditor *self)
{
  desk_dateline_set_place (self->dateline, gtk_editable_get_text (GTK_EDITABLE (self->place_entry)));
  desk_dateline_set_credit (self->dateline,
                            gtk_editable_get_text (GTK_EDITABLE (self->credit_entry)));
  update_dateline (self);
  desk_editor_changed (self);
}

static void
on_calendar_day_selected_cb (DeskEditor *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);

  if (self->filling)
    return;
  desk_dateline_set_ymd (self->dateline, g_date_time_get_year (date),
                         g_date_time_get_month (date), g_date_time_get_day_of_month (date));
  update_dateline (self);
  gtk_popover_popdown (self->date_popover);
  desk_editor_changed (self);
}

static void
clear_date_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);

  desk_dateline_set_date (self->dateline, "");
  update_dateline (self);
  gtk_popover_popdown (self->date_popover);
  desk_editor_changed (self);
}

static void
show_date_in_calendar (DeskEditor *self)
{
  int year, month, day;
  g_autoptr (GDateTime) date = NULL;

  if (!desk_dateline_get_ymd (self->dateline, &year, &month, &day) || month < 1 || day < 1)
    return;
  if (year <= 0)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      year = g_date_time_get_year (now);
    }
  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date)
    gtk_calendar_select_day (self->calendar, date);
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
  update_headline_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  desk_editor_changed (self);
}

static void
on_body_changed_cb (DeskEditor *self)
{
  queue_counts (self);
  desk_editor_changed (self);
}

static void
on_body_tag_changed_cb (DeskEditor        *self,
                        GtkTextTag        *tag,
                        const GtkTextIter *start,
                        const GtkTextIter *end)
{
  if (tag != self->match_tag && tag != self->current_match_tag)
    desk_editor_changed (self);
}

void
desk_editor_emit_saved (DeskEditor *self,
                        gint64      id)
{
  g_signal_emit (self, signals[STORY_SAVED], 0, id);
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
  set_view_text (self->headline_view, desk_article_get_headline (article));
  set_view_text (self->deck_view, desk_article_get_deck (article));
  fill_entry (self->byline_entry, desk_article_get_byline (article));
  desk_dateline_free (self->dateline);
  self->dateline = desk_dateline_copy (desk_article_get_dateline (article));
  fill_entry (self->place_entry, desk_dateline_get_place (self->dateline));
  fill_entry (self->credit_entry, desk_dateline_get_credit (self->dateline));
  show_date_in_calendar (self);
  desk_body_buffer_set_language (body, get_language (self));
  desk_body_buffer_set_dash_style (body, get_dash_style (self));
  desk_body_buffer_load (body, blocks);
  fill_entry (self->source_name_entry, desk_article_get_source_name (article));
  fill_entry (self->source_url_entry, desk_article_get_source_url (article));
  set_view_text (self->note_view, desk_article_get_note (article));
  g_ptr_array_set_size (self->related, 0);
  for (guint i = 0; i < desk_article_get_n_related (article); i++)
    g_ptr_array_add (self->related, desk_related_copy (desk_article_get_related (article, i)));
  self->filling--;

  update_dateline (self);
  update_headline_count (self);
  update_counts (self);
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
    return dup_view_text (GTK_TEXT_VIEW (field));
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
      fill_entry (self->place_entry, desk_dateline_get_place (self->dateline));
      fill_entry (self->credit_entry, desk_dateline_get_credit (self->dateline));
      show_date_in_calendar (self);
      update_dateline (self);
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
  headline = g_strstrip (dup_view_text (self->headline_view));
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
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_install_action (widget_class, "editor.clear-date", NULL, clear_date_cb);

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
  g_signal_connect_swapped (self->place_entry, "changed",
                            G_CALLBACK (on_dateline_entry_changed_cb), self);
  g_signal_connect_swapped (self->credit_entry, "changed",
                            G_CALLBACK (on_dateline_entry_changed_cb), self);
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
      desk_body_buffer_set_dash_style (desk_editor_get_body (self), get_dash_style (self));
      update_dateline (self);
    }
  else if (g_strcmp0 (key, "headline-soft-limit") == 0)
    update_headline_count (self);
}

static void
label_fields (DeskEditor *self)
{
  add_placeholder (self->headline_view, _("Headline"));
  add_placeholder (self->deck_view, _("Deck: one or two sentences under the headline"));
  add_placeholder (self->body_view, _("Write the story here"));
  add_placeholder (self->note_view, _("Notes for editors — internal, never exported"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kicker_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Section or kicker"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->byline_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Byline"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->place_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dateline place"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->credit_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dateline credit"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Source name"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_url_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Source address"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link address"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find in story"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->related_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the library"), -1);
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
  self->related = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_related_free);
  self->orphans = g_ptr_array_new_with_free_func (g_object_unref);
  self->queued = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();

  gtk_text_view_set_buffer (self->body_view, GTK_TEXT_BUFFER (body));
  make_single_line (self, self->headline_view, GTK_WIDGET (self->deck_view));
  make_single_line (self, self->deck_view, GTK_WIDGET (self->byline_entry));
  label_fields (self);
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
