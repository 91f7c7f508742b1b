/* desk-editor-fields.c — the fields above the body, the dateline and the footer counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-editor-body-port.h"
#include "desk-editor-private.h"

#define COUNT_DELAY_MS       300
#define COUNT_MAX_WAIT_MS    1000

/* Text views */

char *
desk_editor_dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
desk_editor_set_view_text (GtkTextView *view,
               const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

const char *
desk_editor_get_language (DeskEditor *self)
{
  const char *language = self->article ? desk_article_get_language (self->article) : NULL;

  return language && *language ? language : "en";
}

DeskDashStyle
desk_editor_get_dash_style (DeskEditor *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "dash-style");
  DeskDashStyle dash = DESK_DASH_EN;

  desk_dash_style_from_string (value, &dash);
  return dash;
}

/* Footer */

static void
show_counts (DeskEditor *self,
             guint       n_words)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  guint n_chars = gtk_text_buffer_get_char_count (buffer) -
                  MAX (gtk_text_buffer_get_line_count (buffer) - 1, 0);
  guint n_minutes = desk_words_reading_minutes (n_words);
  g_autofree char *words = g_strdup_printf (ngettext ("%u word", "%u words", n_words), n_words);
  g_autofree char *chars = g_strdup_printf (ngettext ("%u character", "%u characters", n_chars),
                                            n_chars);
  g_autofree char *minutes = g_strdup_printf (ngettext ("%u minute read", "%u minutes read",
                                                        n_minutes), n_minutes);

  gtk_label_set_label (self->words_label, words);
  gtk_label_set_label (self->chars_label, chars);
  gtk_label_set_label (self->reading_label, n_words ? minutes : "");
}

/* The counter keeps the count of every paragraph: only the paragraphs
 * changed since the last count go through Pango again. */
void
desk_editor_update_counts (DeskEditor *self)
{
  gint64 started = g_get_monotonic_time ();
  g_autofree char *text = NULL;
  guint n_words;

  g_clear_handle_id (&self->count_timeout, g_source_remove);
  self->count_pending_since = 0;
  text = desk_editor_dup_view_text (self->body_view);
  n_words = desk_word_counter_count (self->word_counter, text, -1,
                                     desk_editor_get_language (self));
  show_counts (self, n_words);
  g_debug ("Counted %u words in %.1f ms", n_words,
           (g_get_monotonic_time () - started) / 1000.0);
}

static gboolean
count_timeout_cb (gpointer data)
{
  DeskEditor *self = data;

  self->count_timeout = 0;
  desk_editor_update_counts (self);
  return G_SOURCE_REMOVE;
}

/* Counts once typing pauses, and at least every COUNT_MAX_WAIT_MS during
 * a long burst: never on the keystroke itself. */
void
desk_editor_queue_counts (DeskEditor *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->count_pending_since == 0)
    self->count_pending_since = now;
  else if (now - self->count_pending_since > COUNT_MAX_WAIT_MS * 1000)
    return;
  g_clear_handle_id (&self->count_timeout, g_source_remove);
  self->count_timeout = g_timeout_add_full (G_PRIORITY_LOW, COUNT_DELAY_MS, count_timeout_cb,
                                            self, NULL);
}

/* Headline */

void
desk_editor_update_headline_count (DeskEditor *self)
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
  /* the body is allocated only its visible part; its port has its height */
  if (DESK_IS_EDITOR_BODY_PORT (gtk_widget_get_parent (view)))
    view = gtk_widget_get_parent (view);
  if (height != gtk_widget_get_height (view))
    gtk_widget_queue_resize (view);
  return now - *mapped_at < G_USEC_PER_SEC ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* A text view gives an overlay its minimum size, and counts the overlay's
 * minimum in its own: an ellipsized placeholder is given room for the
 * whole text up to the window's width less the editor's margins, so that it
 * neither holds the window wide nor gets cut short in a wide one. */
#define PLACEHOLDER_KEY     "desk-placeholder"
#define PLACEHOLDER_MARGINS 120

static void
fit_placeholder (GtkWidget *label,
                 GtkWidget *root)
{
  int width, height, natural;

  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (width <= 0)
    width = gtk_widget_get_width (root);
  gtk_widget_set_size_request (label, -1, -1);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_set_size_request (label, CLAMP (width - PLACEHOLDER_MARGINS, 0, natural), -1);
}

static void
on_root_width_cb (GtkWidget  *label,
                  GParamSpec *pspec,
                  GtkWidget  *root)
{
  fit_placeholder (label, root);
}

static void
on_field_view_map_cb (GtkWidget *view)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (view), PLACEHOLDER_KEY);
  GtkRoot *root = gtk_widget_get_root (view);

  gtk_widget_add_tick_callback (view, refit_height_cb, g_new0 (gint64, 1), g_free);
  if (!GTK_IS_WINDOW (root) || g_object_get_data (G_OBJECT (label), "desk-root") == root)
    return;
  g_object_set_data (G_OBJECT (label), "desk-root", root);
  g_signal_connect_object (root, "notify::default-width", G_CALLBACK (on_root_width_cb), label,
                           G_CONNECT_SWAPPED);
  fit_placeholder (label, GTK_WIDGET (root));
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

  g_object_set_data (G_OBJECT (view), PLACEHOLDER_KEY, label);
  g_signal_connect (view, "map", G_CALLBACK (on_field_view_map_cb), NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "desk-placeholder");
  gtk_widget_set_can_target (label, FALSE);
  gtk_text_view_add_overlay (view, label, 0, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_placeholder_buffer_changed_cb),
                           label, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* Dateline */

void
desk_editor_update_dateline (DeskEditor *self)
{
  g_autofree char *line = desk_dateline_render (self->dateline, desk_editor_get_language (self),
                                                desk_editor_get_dash_style (self));
  g_autofree char *date = desk_dateline_format_date (self->dateline, desk_editor_get_language (self));

  gtk_label_set_label (self->dateline_label, line);
  gtk_widget_set_visible (GTK_WIDGET (self->dateline_label), line && *line);
  gtk_menu_button_set_label (self->date_button, date && *date ? date : _("No date"));
}

/* Not while a story is filled in: the place is filled before the credit,
 * and would otherwise copy the still empty credit entry over the story's. */
static void
on_dateline_entry_changed_cb (DeskEditor *self)
{
  if (self->filling)
    return;
  desk_dateline_set_place (self->dateline, gtk_editable_get_text (GTK_EDITABLE (self->place_entry)));
  desk_dateline_set_credit (self->dateline,
                            gtk_editable_get_text (GTK_EDITABLE (self->credit_entry)));
  desk_editor_update_dateline (self);
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
  desk_editor_update_dateline (self);
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
  desk_editor_update_dateline (self);
  gtk_popover_popdown (self->date_popover);
  desk_editor_changed (self);
}

void
desk_editor_show_date_in_calendar (DeskEditor *self)
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

void
desk_editor_init_fields (DeskEditor *self)
{
  make_single_line (self, self->headline_view, GTK_WIDGET (self->deck_view));
  make_single_line (self, self->deck_view, GTK_WIDGET (self->byline_entry));
  label_fields (self);
  g_signal_connect_swapped (self->place_entry, "changed",
                            G_CALLBACK (on_dateline_entry_changed_cb), self);
  g_signal_connect_swapped (self->credit_entry, "changed",
                            G_CALLBACK (on_dateline_entry_changed_cb), self);
}

void
desk_editor_class_init_fields (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_install_action (widget_class, "editor.clear-date", NULL, clear_date_cb);
}
