/* bench-store.c — how fast the library saves, lists and searches
 *
 * bench-store [N]   a library of N stories (default 2000; 100000 for the full run)
 *
 * The library is cached in /tmp/copydesk-bench/library-N.db, so reruns skip
 * generating it. Prints figures; never fails on time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* RUSAGE_THREAD */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "desk-store.h"
#include "desk-store-private.h"

#define BENCH_DIR "/tmp/copydesk-bench"
#define BATCH 1000
#define RUNS 21

/* Frequent real words first, then made-up ones: the vocabulary is drawn
 * with a skewed distribution, roughly as words are in news copy. */
static const char *common[] = {
  "the", "of", "and", "to", "a", "in", "that", "said", "for", "on", "was", "police",
  "minister", "government", "people", "year", "city", "court", "election", "raid",
  "report", "officials", "party", "week", "president", "tirana", "market", "company",
};

typedef struct {
  GRand *rand;
  GPtrArray *vocabulary;
} Generator;

static void
generator_init (Generator *gen)
{
  static const char *syllables[] = { "ka", "lo", "ri", "sen", "tar", "mi", "vo", "nel", "dra",
                                     "pu", "gesh", "an", "tel", "or", "bi", "zu", "qe", "ham" };

  gen->rand = g_rand_new_with_seed (20231128);
  gen->vocabulary = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    g_ptr_array_add (gen->vocabulary, g_strdup (common[i]));
  while (gen->vocabulary->len < 20000)
    {
      GString *word = g_string_new (NULL);
      guint n = g_rand_int_range (gen->rand, 1, 4);

      for (guint i = 0; i < n; i++)
        g_string_append (word, syllables[g_rand_int_range (gen->rand, 0,
                                                           G_N_ELEMENTS (syllables))]);
      g_ptr_array_add (gen->vocabulary, g_string_free (word, FALSE));
    }
}

static const char *
pick_word (Generator *gen)
{
  double u = g_rand_double (gen->rand);

  return g_ptr_array_index (gen->vocabulary, (guint) (gen->vocabulary->len * u * u * u));
}

static char *
make_sentence (Generator *gen,
               guint      n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = pick_word (gen);

      if (i == 0)
        {
          g_string_append_unichar (text, g_unichar_toupper (word[0]));
          g_string_append (text, word + 1);
        }
      else
        g_string_append_printf (text, " %s", word);
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static DeskArticle *
make_story (Generator *gen,
            guint      n_words)
{
  DeskArticle *article = desk_article_new ();
  g_autofree char *headline = make_sentence (gen, 8);
  g_autofree char *deck = make_sentence (gen, 20);

  desk_article_set_headline (article, headline);
  desk_article_set_deck (article, deck);
  desk_article_set_kicker (article, "News");
  desk_article_set_status (article, g_rand_int_range (gen->rand, 0, DESK_N_STATUSES));
  for (guint words = 0; words < n_words; words += 50)
    {
      g_autofree char *text = make_sentence (gen, 50);
      g_autoptr (DeskBlock) block = desk_block_new (DESK_BLOCK_PARAGRAPH, text);

      desk_article_append_block (article, block);
    }
  return article;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread: steadier than wall time on a busy machine. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static void
generate (const char *path,
          guint       n_stories)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = NULL;
  Generator gen;
  double start = now_ms ();

  g_unlink (partial);
  store = desk_store_open (partial, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  generator_init (&gen);
  for (guint done = 0; done < n_stories; done += BATCH)
    {
      g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < MIN (done + BATCH, n_stories); i++)
        g_ptr_array_add (batch, make_story (&gen, 600));
      /* a year of stories, oldest first */
      desk_store_set_fixed_now (store, 1700000000 + (gint64) done * 31536000 / n_stories);
      if (!desk_store_save_all (store, batch, &error))
        g_error ("%s", error->message);
    }
  g_clear_object (&store);
  g_assert_cmpint (g_rename (partial, path), ==, 0);
  printf ("generated %u stories of ~600 words in %.1f s\n", n_stories, (now_ms () - start) / 1000);
}

static DeskStore *
open_library (guint n_stories)
{
  g_autofree char *path = g_strdup_printf (BENCH_DIR "/library-%u.db", n_stories);
  g_autoptr (GError) error = NULL;
  DeskStore *store;

  g_mkdir_with_parents (BENCH_DIR, 0755);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    generate (path, n_stories);
  else
    printf ("library: cached %s\n", path);
  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return store;
}

static void
bench_save (DeskStore *store)
{
  Generator gen;
  g_autoptr (DeskArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  double times[RUNS], cpu[RUNS], start, cpu_start;
  gint64 id;

  generator_init (&gen);
  article = make_story (&gen, 50000);
  start = now_ms ();
  if (!desk_store_save (store, article, &error))
    g_error ("%s", error->message);
  id = desk_article_get_id (article);
  printf ("save 50,000-word story, first time:     %8.2f ms (%u words)\n", now_ms () - start,
          desk_article_count_words (article));
  for (guint i = 0; i < RUNS; i++)
    {
      guint n_blocks = desk_article_get_n_blocks (article);
      DeskBlock *block = desk_article_get_block (article, (i * 37) % n_blocks);
      g_autofree char *text = g_strdup_printf ("Edited%u %s", i, desk_block_get_text (block) + 1);

      desk_block_set_text (block, text);
      start = now_ms ();
      cpu_start = cpu_ms ();
      if (!desk_store_save (store, article, &error))
        g_error ("%s", error->message);
      times[i] = now_ms () - start;
      cpu[i] = cpu_ms () - cpu_start;
    }
  printf ("save 50,000-word story, one word edited: %8.2f ms median of %d (target < 10); "
          "CPU %.2f ms\n", median (times, RUNS), RUNS, median (cpu, RUNS));
  start = now_ms ();
  g_clear_object (&article);
  article = desk_store_load (store, id, &error);
  g_assert_no_error (error);
  printf ("load 50,000-word story:                  %8.2f ms\n", now_ms () - start);
}

static double
time_list (DeskStore  *store,
           const char *query,
           int         status,
           guint       offset)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (GError) error = NULL;
      double start = now_ms ();
      g_autoptr (GPtrArray) rows = desk_store_list (store, query, status, offset, 100, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 100);
      times[i] = now_ms () - start;
    }
  return median (times, RUNS);
}

static double
time_count (DeskStore  *store,
            const char *query,
            guint      *count)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (GError) error = NULL;
      double start = now_ms ();

      *count = desk_store_count (store, query, DESK_STATUS_ANY, &error);
      g_assert_no_error (error);
      times[i] = now_ms () - start;
    }
  return median (times, RUNS);
}

/* The same SQL in the sqlite3 shell, timed by its own .timer. */
static double
time_sqlite3_shell (const char *path,
                    const char *sql)
{
  g_autoptr (GString) script = g_string_new (".timer on\n");
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "sqlite3", path, NULL };
  g_autoptr (GSubprocess) proc = NULL;
  g_auto (GStrv) lines = NULL;
  double times[RUNS];
  guint n = 0;

  for (guint i = 0; i < RUNS; i++)
    g_string_append_printf (script, "%s;\n", sql);
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                            &error);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, script->str, NULL, &out, NULL, &error))
    {
      printf ("sqlite3 shell: %s\n", error->message);
      return -1;
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] && n < RUNS; i++)
    if (g_str_has_prefix (lines[i], "Run Time: real "))
      times[n++] = g_ascii_strtod (lines[i] + 15, NULL) * 1000;
  return n ? median (times, n) : -1;
}

static void
bench_search (DeskStore  *store,
              const char *typed)
{
  g_autofree char *query = desk_store_query_from_text (typed);
  g_autofree char *count_sql = NULL, *list_sql = NULL;
  double ours_count, ours_list, raw_count, raw_list;
  guint count;

  ours_count = time_count (store, query, &count);
  ours_list = time_list (store, query, DESK_STATUS_ANY, 0);
  desk_db_query_sql (query, DESK_STATUS_ANY, 0, 100, &count_sql, &list_sql);
  raw_count = time_sqlite3_shell (desk_store_get_path (store), count_sql);
  raw_list = time_sqlite3_shell (desk_store_get_path (store), list_sql);
  printf ("search %-22s %6u hits: ours count %7.2f + list %7.2f = %7.2f ms; "
          "sqlite3 %7.2f + %7.2f = %7.2f ms; ratio %.2f (target < 1.5)\n",
          query, count, ours_count, ours_list, ours_count + ours_list, raw_count, raw_list,
          raw_count + raw_list, (ours_count + ours_list) / (raw_count + raw_list));
}

int
main (int   argc,
      char *argv[])
{
  guint n_stories = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 2000;
  g_autoptr (DeskStore) store = NULL;
  struct rusage usage;
  double elapsed;
  guint count;

  setlocale (LC_ALL, "C.UTF-8");
  if (n_stories < 200)
    n_stories = 200;
  store = open_library (n_stories);
  bench_save (store);
  elapsed = time_count (store, NULL, &count);
  printf ("count all stories:                       %8.2f ms (%u)\n", elapsed, count);
  printf ("list first page (100 rows):              %8.2f ms median of %d (target < 5)\n",
          time_list (store, NULL, DESK_STATUS_ANY, 0), RUNS);
  printf ("list first page, status \"ready\":         %8.2f ms\n",
          time_list (store, NULL, DESK_STATUS_READY, 0));
  printf ("list page at offset %6u:               %8.2f ms\n", n_stories / 2,
          time_list (store, NULL, DESK_STATUS_ANY, n_stories / 2));
  bench_search (store, "police minis");
  bench_search (store, "tirana");
  getrusage (RUSAGE_SELF, &usage);
  printf ("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
