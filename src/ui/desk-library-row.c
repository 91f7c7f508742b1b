/* desk-library-row.c — how one story looks in the library list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-format.h"
#include "desk-library-row.h"

struct _DeskLibraryRow
{
  GtkWidget parent_instance;

  DeskStoryItem *item;
  gulong notify_handler;

  /* template children */
  GtkWidget *box;
  GtkLabel *kicker_label;
  GtkLabel *headline_label;
  GtkLabel *status_label;
  GtkLabel *time_label;
  GtkLabel *words_label;
};

G_DEFINE_FINAL_TYPE (DeskLibraryRow, desk_library_row, GTK_TYPE_WIDGET)

static const char *status_classes[] = { "dim-label", "warning", "accent", "success" };

static void
update_status (DeskLibraryRow *self,
               DeskStatus      status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  if (self->item == NULL || !desk_story_item_get_loaded (self->item))
    {
      gtk_label_set_label (self->status_label, "");
      return;
    }
  gtk_label_set_label (self->status_label, desk_format_status (status));
  if ((guint) status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);
}

static void
update_headline (DeskLibraryRow *self)
{
  const char *headline = self->item ? desk_story_item_get_headline (self->item) : "";
  gboolean untitled = headline[0] == '\0' && self->item && desk_story_item_get_loaded (self->item);

  if (self->item == NULL || !desk_story_item_get_loaded (self->item))
    headline = " ";
  gtk_label_set_label (self->headline_label, untitled ? _("Untitled Story") : headline);
  if (untitled)
    gtk_widget_add_css_class (GTK_WIDGET (self->headline_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->headline_label), "dim-label");
}

static void
update_row (DeskLibraryRow *self)
{
  DeskStoryItem *item = self->item;
  gboolean loaded = item && desk_story_item_get_loaded (item);
  const char *kicker = loaded ? desk_story_item_get_kicker (item) : "";
  g_autofree char *words = loaded ? desk_format_word_count (desk_story_item_get_words (item))
                                  : g_strdup ("");

  update_headline (self);
  /* A row still loading keeps the height of a typical row, so the list
   * does not jump when its page lands. */
  gtk_label_set_label (self->kicker_label, loaded ? kicker : " ");
  gtk_widget_set_visible (GTK_WIDGET (self->kicker_label), !loaded || kicker[0] != '\0');
  update_status (self, loaded ? desk_story_item_get_status (item) : DESK_STATUS_DRAFT);
  gtk_label_set_label (self->words_label, loaded ? words : " ");
  desk_library_row_update_time (self, NULL);
}

static void
on_item_notify_cb (DeskLibraryRow *self)
{
  update_row (self);
}

static void
desk_library_row_dispose (GObject *object)
{
  DeskLibraryRow *self = DESK_LIBRARY_ROW (object);

  desk_library_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_LIBRARY_ROW);

  G_OBJECT_CLASS (desk_library_row_parent_class)->dispose (object);
}

static void
desk_library_row_class_init (DeskLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_library_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/desk-library-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryRow, box);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryRow, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryRow, headline_label);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, DeskLibraryRow, words_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_library_row_init (DeskLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
desk_library_row_new (void)
{
  return g_object_new (DESK_TYPE_LIBRARY_ROW, NULL);
}

DeskStoryItem *
desk_library_row_get_item (DeskLibraryRow *self)
{
  g_return_val_if_fail (DESK_IS_LIBRARY_ROW (self), NULL);
  return self->item;
}

/* The row follows its item: a placeholder row fills in when its page lands. */
void
desk_library_row_set_item (DeskLibraryRow *self,
                           DeskStoryItem  *item)
{
  g_return_if_fail (DESK_IS_LIBRARY_ROW (self));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->notify_handler = g_signal_connect_object (item, "notify::loaded",
                                                    G_CALLBACK (on_item_notify_cb), self,
                                                    G_CONNECT_SWAPPED);
  update_row (self);
}

void
desk_library_row_update_time (DeskLibraryRow *self,
                              GDateTime      *now)
{
  g_autofree char *when = NULL;

  g_return_if_fail (DESK_IS_LIBRARY_ROW (self));

  if (self->item != NULL && desk_story_item_get_loaded (self->item))
    when = desk_format_relative_time (desk_story_item_get_modified (self->item), now);
  gtk_label_set_label (self->time_label, when ? when : "");
}
