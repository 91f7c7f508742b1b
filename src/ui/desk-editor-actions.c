/* desk-editor-actions.c — paragraph styles, marks, links, find and paste
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-editor-private.h"
#include "desk-text.h"

static void
get_selection (DeskEditor  *self,
               GtkTextIter *start,
               GtkTextIter *end)
{
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (desk_editor_get_body (self)), start, end);
}

void
desk_editor_update_style_button (DeskEditor *self)
{
  DeskBodyBuffer *body = desk_editor_get_body (self);
  GtkTextIter start, end;

  get_selection (self, &start, &end);
  gtk_menu_button_set_label (self->style_button,
                             desk_para_style_to_label (desk_body_buffer_get_style (body, &start)));
}

static gboolean
update_style_button_cb (gpointer data)
{
  DeskEditor *self = data;

  self->style_source = 0;
  desk_editor_update_style_button (self);
  return G_SOURCE_REMOVE;
}

/* Enter and the other edits restyle paragraphs after the buffer has
 * changed, and an empty last line keeps its style outside any tag: the
 * button reads the style once the edit is complete. */
void
desk_editor_queue_style_button (DeskEditor *self)
{
  if (self->style_source == 0)
    self->style_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_style_button_cb, self, NULL);
}

static void
style_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);
  int style = g_variant_get_int32 (parameter);
  GtkTextIter start, end;

  if (style < 0 || style >= DESK_N_PARA_STYLES)
    return;
  get_selection (self, &start, &end);
  desk_body_buffer_set_style (desk_editor_get_body (self), &start, &end, style);
  desk_editor_update_style_button (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
toggle_mark (DeskEditor   *self,
             DeskMarkKind  kind)
{
  GtkTextIter start, end;

  get_selection (self, &start, &end);
  if (gtk_text_iter_equal (&start, &end))
    {
      /* no selection: the word under the cursor */
      if (!gtk_text_iter_inside_word (&start) && !gtk_text_iter_ends_word (&start))
        return;
      if (!gtk_text_iter_starts_word (&start))
        gtk_text_iter_backward_word_start (&start);
      if (!gtk_text_iter_ends_word (&end))
        gtk_text_iter_forward_word_end (&end);
    }
  desk_body_buffer_toggle_mark (desk_editor_get_body (self), &start, &end, kind);
}

static void
em_cb (GtkWidget  *widget,
       const char *action_name,
       GVariant   *parameter)
{
  toggle_mark (DESK_EDITOR (widget), DESK_MARK_EM);
}

static void
strong_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  toggle_mark (DESK_EDITOR (widget), DESK_MARK_STRONG);
}

/* Links */

static void
link_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);

  gtk_menu_button_popup (self->link_button);
}

static void
on_link_popover_show_cb (DeskEditor *self)
{
  GtkTextIter start, end;
  const char *href;

  get_selection (self, &start, &end);
  href = desk_body_buffer_get_link (desk_editor_get_body (self), &start, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), href ? href : "");
  gtk_widget_set_visible (GTK_WIDGET (self->link_error), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_entry));
}

/* The range a link change applies to: the selection, or the link under
 * the cursor. */
static gboolean
get_link_range (DeskEditor  *self,
                GtkTextIter *start,
                GtkTextIter *end)
{
  get_selection (self, start, end);
  if (!gtk_text_iter_equal (start, end))
    return TRUE;
  return desk_body_buffer_get_link (desk_editor_get_body (self), start, start, end) != NULL;
}

static void
on_link_activate_cb (DeskEditor *self)
{
  g_autofree char *href = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_entry))));
  GtkTextIter start, end;

  if (!get_link_range (self, &start, &end))
    {
      gtk_popover_popdown (self->link_popover);
      return;
    }
  if (!desk_body_buffer_set_link (desk_editor_get_body (self), &start, &end, href))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->link_error), TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self->link_entry));
      return;
    }
  gtk_popover_popdown (self->link_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
remove_link_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);
  GtkTextIter start, end;

  if (get_link_range (self, &start, &end))
    desk_body_buffer_set_link (desk_editor_get_body (self), &start, &end, NULL);
  gtk_popover_popdown (self->link_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* Find */

static void
clear_matches (DeskEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (desk_editor_get_body (self));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_match_tag, &start, &end);
  self->n_matches = 0;
}

static void
highlight_matches (DeskEditor *self,
                   const char *needle)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (desk_editor_get_body (self));
  GtkTextIter iter, start, end;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                       &start, &end, NULL))
    {
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &start, &end);
      self->n_matches++;
      iter = end;
    }
}

static void
update_search_label (DeskEditor *self,
                     const char *needle)
{
  g_autofree char *label = NULL;

  if (*needle)
    label = g_strdup_printf (ngettext ("%u match", "%u matches", self->n_matches),
                             self->n_matches);
  gtk_label_set_label (self->search_label, label ? label : "");
}

/* Moves to the next (or previous) match from the cursor and selects it. */
static gboolean
move_to_match (DeskEditor *self,
               gboolean    backward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (desk_editor_get_body (self));
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter sel_start, sel_end, start, end, all_start, all_end;
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_CASE_INSENSITIVE;
  gboolean found;

  if (*needle == '\0')
    return FALSE;
  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  gtk_text_buffer_get_bounds (buffer, &all_start, &all_end);
  if (backward)
    found = gtk_text_iter_backward_search (&sel_start, needle, flags, &start, &end, NULL) ||
            gtk_text_iter_backward_search (&all_end, needle, flags, &start, &end, NULL);
  else
    found = gtk_text_iter_forward_search (&sel_end, needle, flags, &start, &end, NULL) ||
            gtk_text_iter_forward_search (&all_start, needle, flags, &start, &end, NULL);
  if (!found)
    return FALSE;

  gtk_text_buffer_remove_tag (buffer, self->current_match_tag, &all_start, &all_end);
  gtk_text_buffer_apply_tag (buffer, self->current_match_tag, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->body_view, gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  return TRUE;
}

static void
on_search_changed_cb (DeskEditor *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (desk_editor_get_body (self));
  GtkTextIter start;

  clear_matches (self);
  if (*needle)
    highlight_matches (self, needle);
  update_search_label (self, needle);
  /* search again from where the last match started, so typing refines it */
  gtk_text_buffer_get_selection_bounds (buffer, &start, NULL);
  gtk_text_buffer_place_cursor (buffer, &start);
  move_to_match (self, FALSE);
}

static void
on_search_activate_cb (DeskEditor *self)
{
  move_to_match (self, FALSE);
}

static void
on_search_next_cb (DeskEditor *self)
{
  move_to_match (self, FALSE);
}

static void
on_search_previous_cb (DeskEditor *self)
{
  move_to_match (self, TRUE);
}

static void
on_search_stop_cb (DeskEditor *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  clear_matches (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
find_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (desk_editor_get_body (self));
  GtkTextIter start, end;

  /* a short selection is what to look for */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *text = gtk_text_iter_get_slice (&start, &end);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
    }
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_next_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move_to_match (DESK_EDITOR (widget), FALSE);
}

static void
find_previous_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_to_match (DESK_EDITOR (widget), TRUE);
}

static void
retry_save_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  desk_editor_flush_async (DESK_EDITOR (widget), NULL, NULL, NULL);
}

/* Text copied from a text view of this process, tags and all: GTK pastes
 * it as it is. (A clipboard's formats list GtkTextBuffer for any text, as
 * one can be made from it, so the provider's own formats decide.) */
static gboolean
is_copied_from_text_view (GdkClipboard *clipboard)
{
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_autoptr (GdkContentFormats) formats = NULL;

  if (content == NULL)
    return FALSE;
  formats = gdk_content_provider_ref_formats (content);
  return gdk_content_formats_contain_gtype (formats, GTK_TYPE_TEXT_BUFFER);
}

/* Paste: wire copy pasted into an empty body is given its structure
 * (subheadings, quotes; headline, dateline and the like into their empty
 * fields) as a second undoable step after the plain paste. */

static void
structure_paste (DeskEditor *self,
                 const char *text)
{
  DeskBodyBuffer *body = desk_editor_get_body (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) read = desk_text_read (text, -1, &error);
  g_autoptr (GPtrArray) blocks = NULL;

  if (read == NULL || desk_article_get_n_blocks (read) < 2)
    return;
  if (!desk_editor_take_pasted_fields (self, read))
    return;
  blocks = g_ptr_array_new ();
  for (guint i = 0; i < desk_article_get_n_blocks (read); i++)
    g_ptr_array_add (blocks, desk_article_get_block (read, i));
  desk_body_buffer_replace (body, blocks);
}

static void
paste_text_received_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  g_autoptr (DeskEditor) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  GtkTextBuffer *buffer;

  if (text == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL || self->article == NULL)
    return;
  buffer = GTK_TEXT_BUFFER (desk_editor_get_body (self));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  if (strchr (text, '\n'))
    structure_paste (self, text);
}

static void
on_body_paste_cb (GtkTextView *view,
                  DeskEditor  *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));

  if (is_copied_from_text_view (clipboard) ||
      !desk_body_buffer_is_empty (desk_editor_get_body (self)))
    return;
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_text_async (clipboard, NULL, paste_text_received_cb, g_object_ref (self));
}

/* The body does not scroll by itself (the whole column does), so the
 * column follows the cursor. The cursor is placed by the rows of the body
 * port (see desk-editor-body-port.c), which hold still when the view has
 * just scrolled itself and the port has not yet moved it back. */
static gboolean
follow_cursor_cb (gpointer data)
{
  DeskEditor *self = data;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (desk_editor_get_body (self));
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkAdjustment *inner = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->body_view));
  GtkWidget *port = gtk_widget_get_parent (GTK_WIDGET (self->body_view));
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  double value = gtk_adjustment_get_value (vadj);
  double page = gtk_adjustment_get_page_size (vadj);
  graphene_point_t point;
  GdkRectangle rect;
  GtkTextIter iter;
  int x, y;

  self->follow_source = 0;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->body_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->body_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  if (!gtk_widget_compute_point (port, content,
                                 &GRAPHENE_POINT_INIT (x, y + gtk_adjustment_get_value (inner)),
                                 &point))
    return G_SOURCE_REMOVE;
  if (point.y < value)
    gtk_adjustment_set_value (vadj, point.y - 24);
  else if (point.y + rect.height > value + page)
    gtk_adjustment_set_value (vadj, point.y + rect.height - page + 24);
  return G_SOURCE_REMOVE;
}

static void
queue_follow_cursor (DeskEditor *self)
{
  if (self->follow_source == 0)
    self->follow_source = g_idle_add_full (GTK_TEXT_VIEW_PRIORITY_VALIDATE + 1,
                                           follow_cursor_cb, self, NULL);
}

/* The viewport's own scroll-to-focus shows the top of a focused widget, which
 * for the body is its first line: the column scrolls here instead, just
 * enough to show a field, and to the cursor for the body. */
static void
scroll_into_view (DeskEditor *self,
                  GtkWidget  *widget)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  double value = gtk_adjustment_get_value (vadj);
  double page = gtk_adjustment_get_page_size (vadj);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (vadj, bounds.origin.y - 12);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (vadj, MIN (bounds.origin.y - 12,
                                         bounds.origin.y + bounds.size.height - page + 12));
}

static void
on_focus_widget_cb (DeskEditor *self,
                    GParamSpec *pspec,
                    GtkRoot    *root)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  GtkWidget *content = gtk_viewport_get_child (
    GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, content))
    return;
  if (focus == GTK_WIDGET (self->body_view) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->body_view)))
    queue_follow_cursor (self);
  else
    scroll_into_view (self, focus);
}

/* Typing at the foot of the page keeps the cursor in sight. */
static void
on_body_changed_cb (DeskEditor *self)
{
  if (gtk_widget_is_focus (GTK_WIDGET (self->body_view)))
    queue_follow_cursor (self);
}

static void
on_editor_map_cb (DeskEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || g_object_get_data (G_OBJECT (self), "desk-focus-root") == root)
    return;
  g_object_set_data (G_OBJECT (self), "desk-focus-root", root);
  g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (on_focus_widget_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
on_body_mark_set_cb (DeskEditor  *self,
                     GtkTextIter *location,
                     GtkTextMark *mark)
{
  if (mark != gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (desk_editor_get_body (self))))
    return;
  desk_editor_update_style_button (self);
  if (gtk_widget_is_focus (GTK_WIDGET (self->body_view)))
    queue_follow_cursor (self);
}

/* Undo and redo in the body: the body buffer's own history, which also
 * takes back paragraph styles and marks. */

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  desk_body_buffer_undo (desk_editor_get_body (DESK_EDITOR (widget)));
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  desk_body_buffer_redo (desk_editor_get_body (DESK_EDITOR (widget)));
}

static void
update_history_actions (DeskEditor *self)
{
  DeskBodyBuffer *body = desk_editor_get_body (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 desk_body_buffer_can_undo (body));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 desk_body_buffer_can_redo (body));
}

static void
add_body_shortcut (GtkShortcutController *controller,
                   const char            *trigger,
                   const char            *action,
                   GVariant              *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));

  gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The body's shortcuts sit on the body view, ahead of its built-in
 * text-only undo: Ctrl+Z in the headline still undoes the headline, and
 * Ctrl+B there does not embolden a word of the body out of sight. */
static void
add_body_shortcuts (DeskEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_body_shortcut (shortcuts, "<Control>z", "editor.undo", NULL);
  add_body_shortcut (shortcuts, "<Control><Shift>z", "editor.redo", NULL);
  add_body_shortcut (shortcuts, "<Control>y", "editor.redo", NULL);
  add_body_shortcut (shortcuts, "<Control>i", "editor.em", NULL);
  add_body_shortcut (shortcuts, "<Control>b", "editor.strong", NULL);
  add_body_shortcut (shortcuts, "<Control>k", "editor.link", NULL);
  for (int i = 0; i < DESK_N_PARA_STYLES; i++)
    {
      char trigger[16];

      g_snprintf (trigger, sizeof trigger, "<Control>%d", i);
      add_body_shortcut (shortcuts, trigger, "editor.style", g_variant_new_int32 (i));
    }
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), controller);

  g_signal_connect_object (desk_editor_get_body (self), "notify::history-can-undo",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk_editor_get_body (self), "notify::history-can-redo",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  update_history_actions (self);
}

void
desk_editor_init_actions (DeskEditor *self)
{
  GtkTextBuffer *body = GTK_TEXT_BUFFER (desk_editor_get_body (self));

  self->match_tag = gtk_text_buffer_create_tag (body, NULL, "background-rgba",
                                                &(GdkRGBA) { 0.96, 0.83, 0.18, 0.35 }, NULL);
  self->current_match_tag = gtk_text_buffer_create_tag (body, NULL, "background-rgba",
                                                        &(GdkRGBA) { 0.96, 0.76, 0.07, 0.8 }, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->body_view, "paste-clipboard", G_CALLBACK (on_body_paste_cb),
                           self, 0);
  g_signal_connect_object (body, "mark-set", G_CALLBACK (on_body_mark_set_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (body, "changed", G_CALLBACK (on_body_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)),
                                    FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_editor_map_cb), NULL);
  add_body_shortcuts (self);
}

void
desk_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.style", "i", style_cb);
  gtk_widget_class_install_action (widget_class, "editor.em", NULL, em_cb);
  gtk_widget_class_install_action (widget_class, "editor.strong", NULL, strong_cb);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, link_cb);
  gtk_widget_class_install_action (widget_class, "editor.remove-link", NULL, remove_link_cb);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_cb);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_next_cb);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL, find_previous_cb);
  gtk_widget_class_install_action (widget_class, "editor.retry-save", NULL, retry_save_cb);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "editor.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.find-previous", NULL);

  gtk_widget_class_bind_template_callback (widget_class, on_link_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_link_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
}
