/* desk-editor-private.h — what the parts of DeskEditor share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-body-buffer.h"
#include "desk-editor.h"
#include "desk-words.h"

G_BEGIN_DECLS

struct _DeskEditor
{
  GtkWidget parent_instance;

  DeskStore *store;
  GSettings *settings;
  GCancellable *cancellable;

  /* the story as loaded or last saved: what the fields do not show
   * (id, created, tagline, language…) comes from here */
  DeskArticle *article;
  DeskDateline *dateline;
  GPtrArray *related; /* of DeskRelated */
  gint64 loading_id;
  guint load_serial;
  gboolean busy;
  guint filling; /* > 0 while fields are set from a story */

  /* autosave */
  guint64 change_count;
  guint64 saved_count;  /* the change count the store has */
  gboolean saving;       /* a save of the story shown is running */
  guint n_background;    /* saves of stories no longer shown */
  guint n_revisions;     /* revisions being added */
  GPtrArray *queued;     /* snapshots waiting for their story's running save */
  guint orphan_timeout;
  guint save_timeout;
  guint retry_timeout;
  guint checkpoint_timeout;
  gboolean edited; /* since the story was opened: a close revision is due */
  gboolean checkpoint_due;
  DeskSaveState save_state;
  GList *flush_tasks;
  GPtrArray *orphans; /* failed saves of stories no longer shown */

  guint follow_source;
  guint style_source;

  /* footer */
  DeskWordCounter *word_counter;
  guint count_timeout;
  gint64 count_pending_since; /* monotonic time of the first change not counted */
  DeskSummary *saved_summary; /* of the last save, for the library list */

  /* find */
  GtkTextTag *match_tag;
  GtkTextTag *current_match_tag;
  guint n_matches;

  /* template children */
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *search_label;
  GtkScrolledWindow *scroller;
  GtkEntry *kicker_entry;
  GtkTextView *headline_view;
  GtkLabel *headline_count;
  GtkTextView *deck_view;
  GtkEntry *byline_entry;
  GtkEntry *place_entry;
  GtkMenuButton *date_button;
  GtkPopover *date_popover;
  GtkCalendar *calendar;
  GtkEntry *credit_entry;
  GtkLabel *dateline_label;
  GtkMenuButton *style_button;
  GtkMenuButton *link_button;
  GtkPopover *link_popover;
  GtkEntry *link_entry;
  GtkLabel *link_error;
  GtkTextView *body_view;
  GtkEntry *source_name_entry;
  GtkEntry *source_url_entry;
  GtkMenuButton *related_button;
  GtkPopover *related_popover;
  GtkSearchEntry *related_search;
  GtkListBox *related_results;
  GtkListBox *related_list;
  GtkTextView *note_view;
  GtkLabel *words_label;
  GtkLabel *chars_label;
  GtkLabel *reading_label;
  GtkLabel *save_label;
};

DeskBodyBuffer *desk_editor_get_body   (DeskEditor *self);
void            desk_editor_changed    (DeskEditor *self);

/* desk-editor.c */
DeskArticle    *desk_editor_build_article       (DeskEditor    *self);
void            desk_editor_emit_saved          (DeskEditor    *self,
                                                 DeskArticle   *saved);
void            desk_editor_notify_save_state   (DeskEditor    *self);
gboolean        desk_editor_take_pasted_fields  (DeskEditor    *self,
                                                 DeskArticle   *pasted);

/* desk-editor-fields.c */
void            desk_editor_class_init_fields   (GtkWidgetClass *widget_class);
void            desk_editor_init_fields         (DeskEditor     *self);
char           *desk_editor_dup_view_text       (GtkTextView    *view);
void            desk_editor_set_view_text       (GtkTextView    *view,
                                                 const char     *text);
const char     *desk_editor_get_language        (DeskEditor     *self);
DeskDashStyle   desk_editor_get_dash_style      (DeskEditor     *self);
void            desk_editor_update_counts       (DeskEditor     *self);
void            desk_editor_queue_counts        (DeskEditor     *self);
void            desk_editor_update_headline_count (DeskEditor   *self);
void            desk_editor_update_dateline     (DeskEditor     *self);
void            desk_editor_show_date_in_calendar (DeskEditor   *self);

/* desk-editor-save.c */
void            desk_editor_save_now            (DeskEditor    *self);
gboolean        desk_editor_save_timeout_cb     (gpointer       data);
gboolean        desk_editor_retry_orphans_cb    (gpointer       data);
gboolean        desk_editor_checkpoint_cb       (gpointer       data);
void            desk_editor_detach_story        (DeskEditor    *self);
gboolean        desk_editor_is_all_saved        (DeskEditor    *self);
void            desk_editor_set_save_state      (DeskEditor    *self,
                                                 DeskSaveState  state);
void            desk_editor_hide_banner_if_saved (DeskEditor   *self);

/* desk-editor-actions.c */
void            desk_editor_class_init_actions (GtkWidgetClass *widget_class);
void            desk_editor_init_actions       (DeskEditor     *self);
void            desk_editor_update_style_button (DeskEditor    *self);
void            desk_editor_queue_style_button (DeskEditor     *self);

/* desk-editor-related.c */
void            desk_editor_class_init_related (GtkWidgetClass *widget_class);
void            desk_editor_show_related       (DeskEditor     *self);

G_END_DECLS
