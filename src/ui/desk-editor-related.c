/* desk-editor-related.c — the related-stories picker of the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-editor-private.h"

#define N_RESULTS 30

static void
on_remove_clicked_cb (GtkButton  *button,
                      DeskEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index < 0 || (guint) index >= self->related->len)
    return;
  g_ptr_array_remove_index (self->related, index);
  desk_editor_show_related (self);
  desk_editor_changed (self);
}

static void
headline_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr (GtkLabel) label = data;
  g_autoptr (DeskArticle) article = desk_store_load_finish (DESK_STORE (source), result, NULL);

  if (article && *desk_article_get_headline (article))
    gtk_label_set_label (label, desk_article_get_headline (article));
}

static GtkWidget *
make_related_row (DeskEditor        *self,
                  const DeskRelated *related)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, related->id);
  /* Translators: a related story whose headline is not known yet; %s is its number */
  g_autofree char *fallback = g_strdup_printf (_("Story %s"), number);
  const char *headline = related->headline && *related->headline ? related->headline : NULL;

  gtk_label_set_label (GTK_LABEL (label), headline ? headline : fallback);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (remove, _("Remove Related Story"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_add_css_class (box, "desk-related-row");

  if (headline == NULL && related->id > 0 && self->store)
    desk_store_load_async (self->store, related->id, self->cancellable, headline_loaded_cb,
                           g_object_ref (label));
  return box;
}

void
desk_editor_show_related (DeskEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_list))))
    gtk_list_box_remove (self->related_list, child);
  for (guint i = 0; i < self->related->len; i++)
    gtk_list_box_append (self->related_list,
                         make_related_row (self, g_ptr_array_index (self->related, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->related_list), self->related->len > 0);
}

static gboolean
is_related (DeskEditor *self,
            gint64      id)
{
  for (guint i = 0; i < self->related->len; i++)
    if (((DeskRelated *) g_ptr_array_index (self->related, i))->id == id)
      return TRUE;
  return id == desk_editor_get_story_id (self);
}

static GtkWidget *
make_result_row (const DeskSummary *summary)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *headline = gtk_label_new (*summary->headline ? summary->headline : _("Untitled Story"));
  GtkWidget *kicker = gtk_label_new (summary->kicker);

  gtk_label_set_xalign (GTK_LABEL (headline), 0);
  gtk_label_set_wrap (GTK_LABEL (headline), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (headline), 40);
  gtk_label_set_xalign (GTK_LABEL (kicker), 0);
  gtk_widget_add_css_class (kicker, "caption");
  gtk_widget_add_css_class (kicker, "dim-label");
  gtk_widget_set_visible (kicker, summary->kicker && *summary->kicker);
  gtk_box_append (GTK_BOX (box), kicker);
  gtk_box_append (GTK_BOX (box), headline);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "desk-summary", desk_summary_copy (summary),
                          (GDestroyNotify) desk_summary_free);
  return row;
}

static void
results_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr (DeskEditor) self = data;
  g_autoptr (GPtrArray) summaries = desk_store_list_finish (DESK_STORE (source), result, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_results))))
    gtk_list_box_remove (self->related_results, child);
  if (summaries == NULL)
    return;
  for (guint i = 0; i < summaries->len; i++)
    {
      DeskSummary *summary = g_ptr_array_index (summaries, i);

      if (!is_related (self, summary->id))
        gtk_list_box_append (self->related_results, make_result_row (summary));
    }
}

static void
on_related_search_changed_cb (DeskEditor *self)
{
  g_autofree char *query = NULL;

  if (self->store == NULL)
    return;
  query = desk_store_query_from_text (gtk_editable_get_text (GTK_EDITABLE (self->related_search)));
  desk_store_list_async (self->store, query, DESK_STATUS_ANY, 0, N_RESULTS, self->cancellable,
                         results_listed_cb, g_object_ref (self));
}

static void
on_related_popover_show_cb (DeskEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->related_search), "");
  on_related_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->related_search));
}

static void
on_related_result_activated_cb (DeskEditor    *self,
                                GtkListBoxRow *row)
{
  DeskSummary *summary = g_object_get_data (G_OBJECT (row), "desk-summary");

  if (summary == NULL || is_related (self, summary->id))
    return;
  g_ptr_array_add (self->related,
                   desk_related_new (summary->id, summary->kicker, summary->headline, NULL, NULL));
  desk_editor_show_related (self);
  gtk_popover_popdown (self->related_popover);
  desk_editor_changed (self);
}

void
desk_editor_class_init_related (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_related_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_related_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_related_result_activated_cb);
}
