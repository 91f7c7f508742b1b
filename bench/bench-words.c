/* bench-words.c — how long counting the words of a long body takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-words [WORDS]   (default 50000)
 *
 * The body is the sample story repeated (or a built-in paragraph when the samples
 * are not there). Prints the best of several runs of: a whitespace scan (the floor,
 * not a correct count), desk_words_count() on the whole body, the word counter on
 * a body it has not seen, on the same body again, and after a one-character edit
 * in one paragraph (what the editor pays on a keystroke).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "desk-words.h"

#define N_RUNS 7

static const char fallback[] =
  "Albanian police forces conducted Tuesday a large operation at the compound of an "
  "exiled Iranian opposition group, MEK, as part of an investigation into the group’s "
  "alleged activities.\n";

static char *
make_body (guint words)
{
  const char *dir = g_getenv ("COPYDESK_SAMPLES");
  g_autofree char *path = g_build_filename (dir ? dir : "../shared/samples",
                                            "tirana-raid.txt", NULL);
  g_autofree char *sample = NULL;
  g_auto (GStrv) lines = NULL;
  GString *body = g_string_new (NULL);
  guint per_copy;

  if (!g_file_get_contents (path, &sample, NULL, NULL))
    sample = g_strdup (fallback);
  lines = g_strsplit (sample, "\n", -1);
  per_copy = MAX (1, desk_words_count (sample, -1, "en"));
  /* numbered, so that no two paragraphs are the same and the counter caches none */
  for (guint n = 0, copy = 0; n < words; n += per_copy, copy++)
    for (guint i = 0; lines[i]; i++)
      if (lines[i][0])
        g_string_append_printf (body, "%u %s\n", copy, lines[i]);
  return g_string_free (body, FALSE);
}

static guint
count_spaces (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      n += !space && !in_word;
      in_word = !space;
    }
  return n;
}

typedef guint (*CountFunc) (const char *text, gpointer data);

static double
best_ms (CountFunc   func,
         const char *text,
         gpointer    data,
         guint      *result)
{
  gint64 best = G_MAXINT64;

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      *result = func (text, data);
      best = MIN (best, g_get_monotonic_time () - start);
    }
  return best / 1000.0;
}

static guint
run_spaces (const char *text,
            gpointer    data)
{
  (void) data;
  return count_spaces (text);
}

static guint
run_pango (const char *text,
           gpointer    data)
{
  (void) data;
  return desk_words_count (text, -1, "en");
}

static guint
run_cold_counter (const char *text,
                  gpointer    data)
{
  g_autoptr (DeskWordCounter) counter = desk_word_counter_new ();

  (void) data;
  return desk_word_counter_count (counter, text, -1, "en");
}

static guint
run_counter (const char *text,
             gpointer    data)
{
  return desk_word_counter_count (data, text, -1, "en");
}

int
main (int   argc,
      char *argv[])
{
  guint words = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50000;
  g_autofree char *body = NULL;
  g_autofree char *edited = NULL;
  g_autoptr (DeskWordCounter) counter = desk_word_counter_new ();
  guint n_spaces, n_pango, n_cold, n_warm, n_edit = 0;
  double ms_spaces, ms_pango, ms_cold, ms_warm, ms_edit = G_MAXDOUBLE;
  char *middle;

  setlocale (LC_ALL, "C.UTF-8");
  body = make_body (MAX (words, 1));
  edited = g_strdup (body);
  middle = strchr (edited + strlen (edited) / 2, ' ');
  if (middle)
    *middle = '_';

  ms_spaces = best_ms (run_spaces, body, NULL, &n_spaces);
  ms_pango = best_ms (run_pango, body, NULL, &n_pango);
  ms_cold = best_ms (run_cold_counter, body, NULL, &n_cold);
  desk_word_counter_count (counter, body, -1, "en");
  ms_warm = best_ms (run_counter, body, counter, &n_warm);
  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      n_edit = desk_word_counter_count (counter, i % 2 ? body : edited, -1, "en");
      ms_edit = MIN (ms_edit, (g_get_monotonic_time () - start) / 1000.0);
    }

  printf ("body: %zu bytes, %u chars, %u words (best of %d runs)\n", strlen (body),
          (guint) g_utf8_strlen (body, -1), n_pango, N_RUNS);
  printf ("%-44s %8.2f ms  (%u tokens)\n", "whitespace scan (floor, not a count)", ms_spaces,
          n_spaces);
  printf ("%-44s %8.2f ms  (%u words)\n", "desk_words_count, whole body", ms_pango, n_pango);
  printf ("%-44s %8.2f ms  (%u words)\n", "DeskWordCounter, first count", ms_cold, n_cold);
  printf ("%-44s %8.2f ms  (%u words)\n", "DeskWordCounter, same body again", ms_warm, n_warm);
  printf ("%-44s %8.2f ms  (%u words)\n", "DeskWordCounter, one paragraph edited", ms_edit,
          n_edit);
  return n_pango == n_cold && n_pango == n_warm ? 0 : 1;
}
