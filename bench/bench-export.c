/* bench-export.c — `copydesk export --format html` against pandoc, side by side
 *
 * Usage: bench-export COPYDESK [N_WORDS] [RUNS]
 * Generates one story of N_WORDS words (default 50,000), imports it as JSON into
 * a temporary library, then alternately runs, each under /usr/bin/time -v,
 *   COPYDESK --db LIB export ID --format html -o OUT
 *   pandoc -s -f markdown -t html5 STORY.md -o OUT
 * and prints the median wall time and peak RSS of each, the output sizes and
 * the bytes of embedded fonts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk-json.h"
#include "print-samples.h"

typedef struct {
  double seconds;
  guint64 rss_kb;
} Run;

static char *
to_markdown (DeskArticle *article)
{
  GString *md = g_string_new (NULL);

  g_string_append_printf (md, "---\ntitle: \"%s\"\nlang: %s\n---\n\n",
                          desk_article_get_headline (article), desk_article_get_language (article));
  for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
    {
      DeskBlock *block = desk_article_get_block (article, i);
      const char *text = desk_block_get_text (block);

      switch (desk_block_get_kind (block))
        {
        case DESK_BLOCK_SUBHEADING:
          g_string_append_printf (md, "## %s\n\n", text);
          break;
        case DESK_BLOCK_QUOTE:
        case DESK_BLOCK_PULLQUOTE:
          g_string_append_printf (md, "> %s\n>\n> — %s\n\n", text,
                                  desk_block_get_attribution (block));
          break;
        case DESK_BLOCK_PARAGRAPH:
        default:
          g_string_append_printf (md, "%s\n\n", text);
          break;
        }
    }
  return g_string_free (md, FALSE);
}

static gboolean
timed_run (const char * const *argv,
           Run                *run,
           char              **stdout_text)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;
  gint64 start;

  g_ptr_array_add (args, "/usr/bin/time");
  g_ptr_array_add (args, "-v");
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     stdout_text, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "bench-export: %s failed: %s\n%s", argv[0], error->message, err ? err : "");
      return FALSE;
    }
  /* finer than time's centiseconds; /usr/bin/time's own start-up is in both columns */
  run->seconds = (g_get_monotonic_time () - start) / 1e6;
  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, "Maximum resident set size (kbytes):"))
        run->rss_kb = g_ascii_strtoull (strrchr (line, ' ') + 1, NULL, 10);
    }
  return TRUE;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *x = a, *y = b;

  return (x->seconds > y->seconds) - (x->seconds < y->seconds);
}

/* Bytes of the base64 data: URIs in the file, decoded. */
static guint64
font_bytes (const char *path)
{
  g_autofree char *html = NULL;
  guint64 total = 0;

  if (!g_file_get_contents (path, &html, NULL, NULL))
    return 0;
  for (const char *p = strstr (html, ";base64,"); p; p = strstr (p, ";base64,"))
    {
      const char *end = strchr (p, ')');

      p += strlen (";base64,");
      if (end == NULL)
        break;
      total += (end - p) / 4 * 3;
      p = end;
    }
  return total;
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

static char *
import_story (const char  *copydesk,
              const char  *db,
              const char  *json)
{
  const char *argv[] = { copydesk, "--db", db, "import", json, NULL };
  Run run = { 0 };
  char *out = NULL;

  if (!timed_run (argv, &run, &out))
    return NULL;
  return g_strstrip (out);
}

static void
report (const char *label,
        GArray     *runs,
        const char *output,
        guint64     fonts)
{
  Run *median;
  guint64 size = file_size (output);

  g_array_sort (runs, compare_runs);
  median = &g_array_index (runs, Run, runs->len / 2);
  printf ("%-28s %9.3f s %10.1f MiB %10.1f KiB %9.1f KiB %8.2f\n", label, median->seconds,
          median->rss_kb / 1024.0, size / 1024.0, fonts / 1024.0,
          (median->rss_kb * 1024.0) / (double) MAX (size, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL, *json_path = NULL, *md_path = NULL, *db = NULL;
  g_autofree char *ours = NULL, *theirs = NULL, *json = NULL, *md = NULL, *id = NULL;
  g_autoptr (DeskArticle) article = NULL;
  g_autoptr (GArray) ours_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) pandoc_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  guint n_words = argc > 2 ? atoi (argv[2]) : 50000;
  guint n_runs = argc > 3 ? atoi (argv[3]) : 5;
  Run baseline = { 0 };
  double ratio;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-export COPYDESK [N_WORDS] [RUNS]\n");
      return 2;
    }
  dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  json_path = g_build_filename (dir, "story.json", NULL);
  md_path = g_build_filename (dir, "story.md", NULL);
  db = g_build_filename (dir, "library.db", NULL);
  ours = g_build_filename (dir, "copydesk.html", NULL);
  theirs = g_build_filename (dir, "pandoc.html", NULL);

  article = print_sample_long (n_words);
  json = desk_json_write_article (article, FALSE);
  md = to_markdown (article);
  if (!g_file_set_contents (json_path, json, -1, NULL) ||
      !g_file_set_contents (md_path, md, -1, NULL) ||
      (id = import_story (argv[1], db, json_path)) == NULL)
    return 1;
  printf ("story: %u words, %u blocks; JSON %.1f KiB, Markdown %.1f KiB; %u runs each\n",
          desk_article_count_words (article), desk_article_get_n_blocks (article),
          strlen (json) / 1024.0, strlen (md) / 1024.0, n_runs);

  for (guint i = 0; i < n_runs; i++)
    {
      const char *cd[] = { argv[1], "--db", db, "export", id, "--format", "html", "-o", ours, NULL };
      const char *pd[] = { "pandoc", "-s", "-f", "markdown", "-t", "html5", md_path, "-o", theirs,
                           NULL };
      Run run = { 0 };

      if (!timed_run (cd, &run, NULL))
        return 1;
      g_array_append_val (ours_runs, run);
      if (!timed_run (pd, &run, NULL))
        return 1;
      g_array_append_val (pandoc_runs, run);
    }
  {
    const char *version[] = { argv[1], "--version", NULL };

    g_autofree char *ignored = NULL;

    if (!timed_run (version, &baseline, &ignored))
      return 1;
  }
  printf ("%-28s %11s %14s %14s %13s %8s\n", "", "wall (med)", "peak RSS", "output",
          "fonts", "RSS/out");
  report ("copydesk export --format html", ours_runs, ours, font_bytes (ours));
  report ("pandoc -s -t html5", pandoc_runs, theirs, 0);
  ratio = g_array_index (pandoc_runs, Run, n_runs / 2).seconds /
          MAX (g_array_index (ours_runs, Run, n_runs / 2).seconds, 0.001);
  printf ("copydesk is %.0f× faster than pandoc (target ≥ 50×); peak RSS is %.2f× the output "
          "(target < 3×; the output includes the fonts)\n", ratio,
          g_array_index (ours_runs, Run, n_runs / 2).rss_kb * 1024.0 / MAX (file_size (ours), 1));
  printf ("the same binary's `--version` peaks at %.1f MiB (libraries, GTK linked in): the export "
          "itself adds %.1f MiB, %.2f× its output\n", baseline.rss_kb / 1024.0,
          ((double) g_array_index (ours_runs, Run, n_runs / 2).rss_kb - baseline.rss_kb) / 1024.0,
          ((double) g_array_index (ours_runs, Run, n_runs / 2).rss_kb - baseline.rss_kb) * 1024.0 /
          MAX (file_size (ours), 1));
  g_unlink (json_path);
  g_unlink (md_path);
  g_unlink (ours);
  g_unlink (theirs);
  g_unlink (db);
  return 0;
}
