/* bench-typing.c — how long a keystroke takes in a 50,000-word story body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-typing [WORDS] [KEYS] [RUNS]   (default 50000 300 3; needs a display)
 *
 * The story is print_sample_long() (tests/print-samples.c) with emphasis,
 * strong and links added. It is shown as the editor shows its body: a text
 * view in a DeskEditorBodyPort, in a column in a scrolled window, in a
 * 1200×800 window. At the middle of the body and near its end, KEYS
 * keystrokes (letters, spaces, a few Enters, a backspace now and then) go in
 * as GtkTextView puts a typed key in: inside a user action, then scrolling
 * the cursor on screen. Each keystroke is timed from the insert to the end
 * of the first frame painted after it; between keystrokes the main loop
 * runs dry and rests, so that the frame clock does not hold a frame back.
 * Then the typing is undone, and the text must come back as it was.
 *
 * The peer, in the same run: a plain GtkTextBuffer (GTK's own, text-only
 * undo) holding the same text and tags, in the same arrangement. Runs
 * alternate which buffer goes first. Prints figures; never fails on time.
 *
 * Columns: "wall" is the insert to the end of the painted frame; "its CPU"
 * the main thread's CPU time over the same span (the machine may be busy);
 * "insert" the insert call with every handler on the buffer's signals
 * (GTK's accessibility signals included); "then wait" until the frame
 * starts (the frame clock keeps to the refresh rate while the cursor
 * blinks); "frame" layout, snapshot and render. Under Xvfb GTK renders GL
 * in software: GSK_RENDERER=cairo comes closer to a desktop's GPU.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "desk-body-buffer.h"
#include "desk-editor-body-port.h"
#include "print-samples.h"

#define WINDOW_WIDTH 1200
#define WINDOW_HEIGHT 800
#define REST_MS 20        /* after a keystroke's frame, before the next key */
#define FRAME_TIMEOUT_MS 2000
#define IDLE_MS 500
#define SETTLE_MS 1000    /* for the scroll bars to fade after the cursor is placed */

static const char typed_sentence[] =
  "The minister said on Tuesday that the police would publish the report within a week, "
  "and that nobody's servers had been kept. ";

typedef struct {
  GtkWidget *window;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  guint n_frames;
  gint64 frame_started; /* before-paint of the last frame */
  gint64 painted;       /* after-paint of the last frame */
} Stage;

typedef struct {
  GArray *total;   /* insert to painted, ms */
  GArray *handler; /* the insert and its handlers alone, ms */
  GArray *cpu;     /* CPU time of this thread from the insert to painted, ms */
  GArray *wait;    /* from the insert's end to the start of the frame, ms */
  GArray *frame;   /* the frame that painted it: layout, snapshot, render, ms */
  guint slowest;   /* the keystroke that took longest */
  guint costliest; /* the keystroke that took the most CPU time */
  double costliest_ms;
  guint over_frame; /* keystrokes over 16 ms */
  guint idle_frames; /* frames painted in IDLE_MS with nothing to do */
  double slowest_ms;
  double undo_ms;
  double undo_painted_ms;
  guint undo_steps;
  gboolean restored;
} Typing;

/* Story */

/* [start, end) of the @n-th space-separated word of @text, in characters. */
static gboolean
find_word (const char *text,
           guint       n,
           guint      *start,
           guint      *end)
{
  guint offset = 0, word = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p), offset++)
    {
      gboolean space = *p == ' ';

      if (!space && !in_word && word++ == n)
        *start = offset;
      else if (space && in_word && word == n + 1)
        {
          *end = offset;
          return TRUE;
        }
      in_word = !space;
    }
  *end = offset;
  return in_word && word == n + 1;
}

static void
add_marks (DeskBlock *block,
           guint      index)
{
  const char *text = desk_block_get_text (block);
  guint start, end;

  if (index % 2 == 0 && find_word (text, 2, &start, &end))
    desk_block_add_mark (block, DESK_MARK_EM, start, end, NULL);
  if (index % 3 == 0 && find_word (text, 5, &start, &end))
    desk_block_add_mark (block, DESK_MARK_STRONG, start, end, NULL);
  if (index % 5 == 0 && find_word (text, 8, &start, &end))
    desk_block_add_mark (block, DESK_MARK_LINK, start, end, "https://www.example.com/report");
}

/* The long print sample's blocks, with emphasis, strong and links in its
 * paragraphs and quotes. */
static GPtrArray *
make_story (guint n_words)
{
  g_autoptr (DeskArticle) article = print_sample_long (n_words);
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_block_unref);

  for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
    {
      DeskBlock *block = desk_block_copy (desk_article_get_block (article, i));

      if (desk_block_get_kind (block) != DESK_BLOCK_SUBHEADING)
        add_marks (block, i);
      g_ptr_array_add (blocks, block);
    }
  return blocks;
}

static void
describe_story (GPtrArray *blocks)
{
  guint kinds[4] = { 0 }, marks = 0, words = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      DeskBlock *block = g_ptr_array_index (blocks, i);
      g_auto (GStrv) split = g_strsplit (desk_block_get_text (block), " ", -1);

      kinds[desk_block_get_kind (block)]++;
      marks += desk_block_get_n_marks (block);
      words += g_strv_length (split);
    }
  printf ("story: %u words in %u blocks (%u paragraphs, %u subheadings, %u quotes, "
          "%u pull quotes), %u marks\n", words, blocks->len, kinds[DESK_BLOCK_PARAGRAPH],
          kinds[DESK_BLOCK_SUBHEADING], kinds[DESK_BLOCK_QUOTE], kinds[DESK_BLOCK_PULLQUOTE],
          marks);
}

static char *
dup_all_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The main loop */

static gboolean
on_deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @stage has painted a frame after frame
 * @after, or @timeout_ms (or, with @after G_MAXUINT, just that long). */
static gboolean
run_until_frame (Stage *stage,
                 guint  after,
                 guint  timeout_ms)
{
  gboolean late = FALSE;
  guint deadline = g_timeout_add (timeout_ms, on_deadline_cb, &late);

  while (!late && (after == G_MAXUINT || stage->n_frames <= after))
    g_main_context_iteration (NULL, TRUE);
  if (!late)
    g_source_remove (deadline);
  return after != G_MAXUINT && stage->n_frames > after;
}

/* Dispatches what is ready, up to @cap sources' worth. */
static void
run_dry (guint cap)
{
  for (guint i = 0; i < cap && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The window */

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Stage         *stage)
{
  stage->frame_started = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Stage         *stage)
{
  stage->painted = g_get_monotonic_time ();
  stage->n_frames++;
}

/* The editor's column around the body: a kicker entry and a headline
 * above, a label below, clamped to 760 px, in a scrolled window. */
static GtkWidget *
make_page (GtkTextView *view)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *headline = gtk_text_view_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  gtk_widget_add_css_class (column, "desk-editor-column");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (headline)),
                            "Long story: the investigation, the court and the week", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (headline), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (headline, "desk-headline");
  gtk_box_append (GTK_BOX (column), gtk_entry_new ());
  gtk_box_append (GTK_BOX (column), headline);
  gtk_box_append (GTK_BOX (column), desk_editor_body_port_new (view,
                                                               GTK_SCROLLED_WINDOW (scroller)));
  gtk_box_append (GTK_BOX (column), gtk_label_new ("Source"));
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (
    GTK_SCROLLED_WINDOW (scroller))), FALSE);
  return scroller;
}

/* Shows @buffer as the editor shows its body and waits until it is laid
 * out; prints how long the first frame and the rest took. */
static void
stage_show (Stage         *stage,
            GtkTextBuffer *buffer,
            const char    *label)
{
  GdkFrameClock *clock;
  gint64 start = g_get_monotonic_time ();
  double first;

  stage->buffer = buffer;
  stage->view = GTK_TEXT_VIEW (gtk_text_view_new_with_buffer (buffer));
  gtk_text_view_set_wrap_mode (stage->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (stage->view, FALSE);
  gtk_text_view_set_pixels_below_lines (stage->view, 2);
  gtk_widget_set_vexpand (GTK_WIDGET (stage->view), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (stage->view), "desk-body");

  stage->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (stage->window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (stage->window), make_page (stage->view));
  gtk_widget_realize (stage->window);
  clock = gtk_widget_get_frame_clock (stage->window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), stage);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), stage);
  gtk_window_present (GTK_WINDOW (stage->window));
  run_until_frame (stage, 0, 30000);
  first = (stage->painted - start) / 1000.0;
  for (guint i = 0; i < 20 && g_main_context_pending (NULL); i++)
    {
      run_dry (100000);
      run_until_frame (stage, G_MAXUINT, 50);
    }
  printf ("  %-16s shown: first frame %7.1f ms, laid out and idle %7.1f ms (%s)\n", label,
          first, (g_get_monotonic_time () - start) / 1000.0,
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (stage->window))));
}

static void
stage_close (Stage *stage)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (stage->window), stage);
  gtk_window_destroy (GTK_WINDOW (stage->window));
  run_dry (1000);
  *stage = (Stage) { 0 };
}

static gboolean
cursor_on_screen (Stage *stage)
{
  GdkRectangle visible, cursor;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (stage->buffer, &iter,
                                    gtk_text_buffer_get_insert (stage->buffer));
  gtk_text_view_get_iter_location (stage->view, &iter, &cursor);
  gtk_text_view_get_visible_rect (stage->view, &visible);
  return cursor.height > 0 && cursor.y >= visible.y &&
         cursor.y + cursor.height <= visible.y + visible.height;
}

/* Puts the cursor after the fifth word of line @line, focuses the view
 * and waits until the page has scrolled to it. */
static void
stage_place_cursor (Stage *stage,
                    int    line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (stage->buffer, &iter, line);
  gtk_text_iter_forward_word_ends (&iter, 5);
  if (gtk_text_iter_get_line (&iter) != line)
    {
      gtk_text_buffer_get_iter_at_line (stage->buffer, &iter, line);
      gtk_text_iter_forward_to_line_end (&iter);
    }
  gtk_text_buffer_place_cursor (stage->buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (stage->view));
  gtk_text_view_scroll_mark_onscreen (stage->view, gtk_text_buffer_get_insert (stage->buffer));
  for (guint i = 0; i < 50 && (i < 5 || !cursor_on_screen (stage)); i++)
    {
      run_dry (100000);
      run_until_frame (stage, G_MAXUINT, 20);
    }
  if (!cursor_on_screen (stage))
    printf ("  (the cursor at line %d did not come on screen)\n", line);
}

/* Typing */

/* What GtkTextView does with a typed key: '\b' is BackSpace. */
static void
press_key (Stage    *stage,
           gunichar  key)
{
  GtkTextBuffer *buffer = stage->buffer;
  GtkTextIter iter;
  char text[8] = { 0 };

  gtk_text_buffer_begin_user_action (buffer);
  if (key == '\b')
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_backspace (buffer, &iter, TRUE, TRUE);
    }
  else
    {
      g_unichar_to_utf8 (key, text);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (stage->view, gtk_text_buffer_get_insert (buffer));
}

/* The @i-th keystroke: the sentence, an Enter every 97 keys and a
 * backspace every 29. */
static gunichar
key_at (guint i)
{
  if (i % 97 == 96)
    return '\n';
  if (i % 29 == 28)
    return '\b';
  return (guchar) typed_sentence[i % (sizeof typed_sentence - 1)];
}

static const char *
key_name (gunichar key,
          char     text[8])
{
  if (key == '\n')
    return "Enter";
  if (key == '\b')
    return "BackSpace";
  memset (text, 0, 8);
  g_unichar_to_utf8 (key, text);
  return text;
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
time_keystroke (Stage    *stage,
                gunichar  key,
                Typing   *typing)
{
  guint frames = stage->n_frames;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();
  double handler, total = -1, wait = -1, frame = -1, cpu;

  press_key (stage, key);
  handler = (g_get_monotonic_time () - start) / 1000.0;
  if (run_until_frame (stage, frames, FRAME_TIMEOUT_MS))
    {
      total = (stage->painted - start) / 1000.0;
      frame = (stage->painted - stage->frame_started) / 1000.0;
      wait = total - frame - handler;
    }
  else
    printf ("  (no frame within %d ms of a keystroke)\n", FRAME_TIMEOUT_MS);
  cpu = thread_cpu_ms () - cpu_start;
  if (cpu > typing->costliest_ms)
    {
      typing->costliest_ms = cpu;
      typing->costliest = typing->cpu->len;
    }
  g_array_append_val (typing->cpu, cpu);
  typing->over_frame += total > 16.0;
  if (total > typing->slowest_ms)
    {
      typing->slowest_ms = total;
      typing->slowest = typing->total->len;
    }
  g_array_append_val (typing->handler, handler);
  g_array_append_val (typing->total, total);
  g_array_append_val (typing->wait, wait);
  g_array_append_val (typing->frame, frame);
  run_dry (1000);
  run_until_frame (stage, G_MAXUINT, REST_MS);
}

static gboolean
undo_once (GtkTextBuffer *buffer)
{
  if (DESK_IS_BODY_BUFFER (buffer))
    return desk_body_buffer_undo (DESK_BODY_BUFFER (buffer));
  if (!gtk_text_buffer_get_can_undo (buffer))
    return FALSE;
  gtk_text_buffer_undo (buffer);
  return TRUE;
}

/* The body as blocks, text, styles and marks alike; NULL for a plain buffer. */
static GPtrArray *
dup_blocks (GtkTextBuffer *buffer)
{
  return DESK_IS_BODY_BUFFER (buffer) ? desk_body_buffer_dup_blocks (DESK_BODY_BUFFER (buffer))
                                      : NULL;
}

static gboolean
same_blocks (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!desk_block_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* Makes @n_keys undo calls, timed, then waits for the frame. */
static void
undo_typing (Stage  *stage,
             guint   n_keys,
             Typing *typing)
{
  guint frames = stage->n_frames;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n_keys; i++)
    typing->undo_steps += undo_once (stage->buffer);
  typing->undo_ms = (g_get_monotonic_time () - start) / 1000.0;
  typing->undo_painted_ms = run_until_frame (stage, frames, FRAME_TIMEOUT_MS)
                            ? (stage->painted - start) / 1000.0 : -1;
  run_dry (100000);
}

static void
type_at_line (Stage  *stage,
              int     line,
              guint   n_keys,
              Typing *typing)
{
  g_autofree char *before = dup_all_text (stage->buffer);
  g_autofree char *after = NULL;
  g_autoptr (GPtrArray) blocks_before = dup_blocks (stage->buffer);
  g_autoptr (GPtrArray) blocks_after = NULL;

  guint frames;

  stage_place_cursor (stage, line);
  run_until_frame (stage, G_MAXUINT, SETTLE_MS);
  frames = stage->n_frames;
  run_until_frame (stage, G_MAXUINT, IDLE_MS);
  typing->idle_frames = stage->n_frames - frames;
  for (guint i = 0; i < n_keys; i++)
    time_keystroke (stage, key_at (i), typing);
  undo_typing (stage, n_keys, typing);
  after = dup_all_text (stage->buffer);
  blocks_after = dup_blocks (stage->buffer);
  typing->restored = g_str_equal (before, after) && same_blocks (blocks_before, blocks_after);
}

/* Figures */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median, 95th percentile and maximum of @values, sorted in place. */
static void
summarize (GArray *values,
           double  out[3])
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  out[0] = n ? g_array_index (values, double, n / 2) : NAN;
  out[1] = n ? g_array_index (values, double, MAX ((guint) ceil (n * 0.95), 1) - 1) : NAN;
  out[2] = n ? g_array_index (values, double, n - 1) : NAN;
}

static void
print_header (void)
{
  printf ("  %-22s %-30s %-13s %-9s %-13s %-13s %-24s\n", "", "insert→painted, wall (ms)",
          "its CPU", "insert", "then wait", "frame", "undo of all keys (ms)");
  printf ("  %-22s %6s %7s %7s %7s  %6s %6s  %8s %6s %6s %6s %6s %8s %6s %7s  %s\n", "",
          "median", "p95", "max", ">16ms", "median", "max", "max", "median", "max", "median",
          "max", "calls", "steps", "painted", "restored");
}

static void
print_typing (const char *label,
              Typing     *typing)
{
  double total[3], cpu[3], wait[3], frame[3], handler[3];
  char slowest[8], costliest[8];

  summarize (typing->total, total);
  summarize (typing->cpu, cpu);
  summarize (typing->wait, wait);
  summarize (typing->frame, frame);
  summarize (typing->handler, handler);
  printf ("  %-22s %6.2f %7.2f %7.2f %7u  %6.2f %6.2f  %8.2f %6.2f %6.2f %6.2f %6.2f %8.1f %6u "
          "%7.1f  %s  (slowest: key %u '%s', most CPU: key %u '%s'; %u frames in %d ms idle)\n",
          label, total[0],
          total[1], total[2], typing->over_frame, cpu[0], cpu[2], handler[2],
          wait[0], wait[2], frame[0], frame[2], typing->undo_ms, typing->undo_steps,
          typing->undo_painted_ms, typing->restored ? "yes" : "NO", typing->slowest + 1,
          key_name (key_at (typing->slowest), slowest), typing->costliest + 1,
          key_name (key_at (typing->costliest), costliest), typing->idle_frames, IDLE_MS);
}

static Typing *
typing_new (void)
{
  Typing *typing = g_new0 (Typing, 1);

  typing->total = g_array_new (FALSE, FALSE, sizeof (double));
  typing->handler = g_array_new (FALSE, FALSE, sizeof (double));
  typing->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  typing->wait = g_array_new (FALSE, FALSE, sizeof (double));
  typing->frame = g_array_new (FALSE, FALSE, sizeof (double));
  return typing;
}

static void
typing_free (Typing *typing)
{
  g_array_unref (typing->total);
  g_array_unref (typing->handler);
  g_array_unref (typing->cpu);
  g_array_unref (typing->wait);
  g_array_unref (typing->frame);
  g_free (typing);
}

/* Buffers */

static DeskBodyBuffer *
load_ours (GPtrArray *blocks,
           double    *ms)
{
  DeskBodyBuffer *buffer = desk_body_buffer_new ();
  gint64 start = g_get_monotonic_time ();

  desk_body_buffer_load (buffer, blocks);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  return buffer;
}

/* A plain buffer sharing @ours' tag table, holding its text and tags, with
 * nothing to undo. */
static GtkTextBuffer *
load_plain (DeskBodyBuffer *ours,
            double         *ms)
{
  GtkTextBuffer *buffer = gtk_text_buffer_new (gtk_text_buffer_get_tag_table (
    GTK_TEXT_BUFFER (ours)));
  GtkTextIter start, end, at;
  gint64 began = g_get_monotonic_time ();

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (ours), &start, &end);
  gtk_text_buffer_get_start_iter (buffer, &at);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_insert_range (buffer, &at, &start, &end);
  gtk_text_buffer_end_irreversible_action (buffer);
  *ms = (g_get_monotonic_time () - began) / 1000.0;
  gtk_text_buffer_get_start_iter (buffer, &at);
  gtk_text_buffer_place_cursor (buffer, &at);
  return buffer;
}

/* The floor: the same text set at once, with no tags. */
static double
time_set_text (DeskBodyBuffer *ours)
{
  g_autoptr (GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autofree char *text = dup_all_text (GTK_TEXT_BUFFER (ours));
  gint64 start = g_get_monotonic_time ();

  gtk_text_buffer_set_text (buffer, text, -1);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Shows @buffer, types at the middle of the body and near its end, undoes
 * each; returns FALSE if the text did not come back. */
static gboolean
bench_buffer (GtkTextBuffer *buffer,
              const char    *label,
              guint          n_keys,
              Typing        *middle,
              Typing        *end)
{
  Stage stage = { 0 };
  int n_lines = gtk_text_buffer_get_line_count (buffer);

  stage_show (&stage, buffer, label);
  type_at_line (&stage, n_lines / 2, n_keys, middle);
  type_at_line (&stage, MAX (0, n_lines - 4), n_keys, end);
  stage_close (&stage);
  return middle->restored && end->restored;
}

static void
report_buffer (const char *label,
               Typing     *middle,
               Typing     *end,
               double     *slowest)
{
  g_autofree char *at_middle = g_strdup_printf ("middle %s", label);
  g_autofree char *at_end = g_strdup_printf ("end    %s", label);

  print_typing (at_middle, middle);
  print_typing (at_end, end);
  *slowest = MAX (*slowest, MAX (middle->slowest_ms, end->slowest_ms));
}

static gboolean
bench_run (GPtrArray *blocks,
           guint      run,
           guint      n_keys,
           double    *slowest)
{
  const char *labels[] = { "DeskBodyBuffer", "GtkTextBuffer" };
  g_autoptr (DeskBodyBuffer) ours = NULL;
  g_autoptr (GtkTextBuffer) plain = NULL;
  Typing *middle[2] = { typing_new (), typing_new () };
  Typing *end[2] = { typing_new (), typing_new () };
  double load_ms[2], set_text_ms;
  gboolean ok = TRUE;

  ours = load_ours (blocks, &load_ms[0]);
  plain = load_plain (ours, &load_ms[1]);
  set_text_ms = time_set_text (ours);
  printf ("run %u: load %.1f ms desk_body_buffer_load (blocks) | %.1f ms GtkTextBuffer copy of "
          "text and tags | %.1f ms gtk_text_buffer_set_text (text only)\n",
          run, load_ms[0], load_ms[1], set_text_ms);
  for (guint k = 0; k < 2; k++)
    {
      guint which = (k + run) % 2; /* alternate who goes first */
      GtkTextBuffer *buffer = which == 0 ? GTK_TEXT_BUFFER (ours) : plain;

      ok &= bench_buffer (buffer, labels[which], n_keys, middle[which], end[which]);
    }
  print_header ();
  for (guint which = 0; which < 2; which++)
    {
      report_buffer (labels[which], middle[which], end[which], &slowest[which]);
      typing_free (middle[which]);
      typing_free (end[which]);
    }
  printf ("  slowest insert in DeskBodyBuffer's handlers: %.2f ms\n",
          desk_body_buffer_get_slowest_insert (ours) / 1000.0);
  return ok;
}

static void
load_style (void)
{
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  guint n_words = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50000;
  guint n_keys = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 300;
  guint n_runs = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 3;
  g_autoptr (GPtrArray) blocks = NULL;
  double slowest[2] = { 0, 0 };
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-typing: no display; skipped\n");
      return 77;
    }
  adw_init ();
  load_style ();
  blocks = make_story (MAX (n_words, 100));
  n_keys = MAX (n_keys, 1);
  describe_story (blocks);
  printf ("%u keystrokes at the middle and near the end, %u runs, %d×%d window\n",
          n_keys, n_runs, WINDOW_WIDTH, WINDOW_HEIGHT);
  for (guint run = 1; run <= n_runs; run++)
    ok &= bench_run (blocks, run, n_keys, slowest);
  printf ("slowest keystroke, insert to painted, over all runs: DeskBodyBuffer %.2f ms, "
          "GtkTextBuffer %.2f ms\n", slowest[0], slowest[1]);
  if (!ok)
    printf ("the text did NOT come back as it was after undo in some run\n");
  return ok ? 0 : 1;
}
