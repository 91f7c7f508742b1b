/* desk-editor-body-port.c — shows only the visible part of a tall text view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-editor"

#include "config.h"

#include <math.h>

#include "desk-editor-body-port.h"

/* The body scrolls with the fields around it, so its text view would be
 * allocated its whole height, and GTK 4.8 then lays out, snapshots and
 * renders every line of the body on each change (its cache of line
 * layouts holds 250 lines): about 100 ms a keystroke in a 50,000-word
 * story. The port measures as tall as the text view, but allocates the
 * view only the part of it the page scroller shows, and scrolls the view
 * by the same amount, so the view works on what is on screen. When the
 * view scrolls itself (to the cursor, dragging a selection), the page
 * scrolls instead. */
struct _DeskEditorBodyPort
{
  GtkWidget parent_instance;

  GtkWidget *view;
  GtkAdjustment *inner; /* the view's own */
  GtkScrolledWindow *scroller;
  int top;              /* the rows of the port given to the view */
  int bottom;
  guint recheck;        /* tick callback */
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (DeskEditorBodyPort, desk_editor_body_port, GTK_TYPE_WIDGET)

static void
desk_editor_body_port_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  DeskEditorBodyPort *self = DESK_EDITOR_BODY_PORT (widget);

  gtk_widget_measure (self->view, orientation, for_size, minimum, natural, NULL, NULL);
}

/* The rows of the port that the page scroller shows, or all of them (and
 * FALSE) while the port has no place on the page yet. */
static gboolean
visible_rows (DeskEditorBodyPort *self,
              int                 height,
              int                *top,
              int                *bottom)
{
  GtkAdjustment *outer = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = GTK_IS_VIEWPORT (viewport)
                       ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  double value = gtk_adjustment_get_value (outer);
  double page = gtk_adjustment_get_page_size (outer);
  graphene_point_t point;

  *top = 0;
  *bottom = height;
  if (content == NULL || page <= 0 ||
      !gtk_widget_compute_point (GTK_WIDGET (self), content, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  *top = CLAMP ((int) floor (value - point.y), 0, height);
  *bottom = CLAMP ((int) ceil (value + page - point.y), *top, height);
  return TRUE;
}

static void on_outer_page_size_cb (DeskEditorBodyPort *self);

static void
desk_editor_body_port_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  DeskEditorBodyPort *self = DESK_EDITOR_BODY_PORT (widget);
  int top, bottom;

  if (!visible_rows (self, height, &top, &bottom))
    on_outer_page_size_cb (self);
  if (bottom - top < 1)
    {
      top = MAX (0, MIN (top, height - 1));
      bottom = MIN (height, top + 1);
    }
  /* the view sets its adjustment while allocated: not a scroll of its own */
  self->syncing = TRUE;
  gtk_widget_size_allocate (self->view, &(GtkAllocation) { 0, top, width, bottom - top }, -1);
  self->top = top;
  self->bottom = bottom;
  gtk_adjustment_set_value (self->inner, top);
  self->syncing = FALSE;
}

static void
on_outer_changed_cb (DeskEditorBodyPort *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
recheck_rows_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  DeskEditorBodyPort *self = DESK_EDITOR_BODY_PORT (widget);
  int top, bottom;

  self->recheck = 0;
  visible_rows (self, gtk_widget_get_height (widget), &top, &bottom);
  if (top != self->top || bottom != self->bottom)
    gtk_widget_queue_allocate (widget);
  return G_SOURCE_REMOVE;
}

/* The page's adjustment tells of a new page size only once the page has
 * been allocated, the port included: the rows are checked again before
 * the next frame, as a new allocation now would come after this frame. */
static void
on_outer_page_size_cb (DeskEditorBodyPort *self)
{
  if (self->recheck == 0)
    self->recheck = gtk_widget_add_tick_callback (GTK_WIDGET (self), recheck_rows_cb, NULL, NULL);
}

/* The view scrolled itself: move the page by as much instead. */
static void
on_inner_value_changed_cb (DeskEditorBodyPort *self)
{
  GtkAdjustment *outer = gtk_scrolled_window_get_vadjustment (self->scroller);
  double delta = gtk_adjustment_get_value (self->inner) - self->top;

  if (self->syncing || fabs (delta) < 0.5)
    return;
  gtk_adjustment_set_value (outer, gtk_adjustment_get_value (outer) + delta);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
desk_editor_body_port_dispose (GObject *object)
{
  DeskEditorBodyPort *self = DESK_EDITOR_BODY_PORT (object);

  g_clear_pointer (&self->view, gtk_widget_unparent);
  g_clear_object (&self->inner);
  G_OBJECT_CLASS (desk_editor_body_port_parent_class)->dispose (object);
}

static void
desk_editor_body_port_class_init (DeskEditorBodyPortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_editor_body_port_dispose;
  widget_class->measure = desk_editor_body_port_measure;
  widget_class->size_allocate = desk_editor_body_port_size_allocate;
}

static void
desk_editor_body_port_init (DeskEditorBodyPort *self)
{
}

GtkWidget *
desk_editor_body_port_new (GtkTextView       *view,
                           GtkScrolledWindow *scroller)
{
  DeskEditorBodyPort *self = g_object_new (DESK_TYPE_EDITOR_BODY_PORT, NULL);
  GtkAdjustment *outer = gtk_scrolled_window_get_vadjustment (scroller);

  self->view = GTK_WIDGET (view);
  self->scroller = scroller;
  gtk_widget_set_parent (self->view, GTK_WIDGET (self));
  self->inner = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
  gtk_widget_set_vexpand (GTK_WIDGET (self), gtk_widget_get_vexpand (self->view));
  g_signal_connect_object (self->inner, "value-changed", G_CALLBACK (on_inner_value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (outer, "value-changed", G_CALLBACK (on_outer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (outer, "notify::page-size", G_CALLBACK (on_outer_page_size_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
