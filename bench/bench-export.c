/* bench-export.c — `copydesk export --format html` against pandoc, side by side
 *
 * Usage: bench-export COPYDESK [N_WORDS] [RUNS]
 * Generates one story of N_WORDS words (default 50,000), imports it as JSON into
 * a temporary library, writes the same story as Markdown, then alternately runs
 *   COPYDESK --db LIB export ID --format html -o OUT
 *   pandoc -s -f markdown -t html5 STORY.md -o OUT
 * and, as the issue words them, the two commands writing to standard output
 * (the export both to a new file and replacing the previous one, which waits
 * for the disk), the export to standard output once more cold (XDG_CACHE_HOME a new,
 * empty folder: no cached font lookups, so fontconfig's configuration is read),
 * and prints the median wall and CPU time and peak RSS of each (from wait4(),
 * the child's own rusage), the same for `COPYDESK --version` as a baseline, the
 * output sizes, and the font files the export embedded subsets of. Set
 * BENCH_EXPORT_KEEP=1 to keep the story and library for profiling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fontconfig/fontconfig.h>

#include "desk-json.h"
#include "print-samples.h"

typedef struct {
  double seconds;
  double cpu;     /* user + system */
  guint64 rss_kb; /* peak resident set */
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

static double
timeval_seconds (const struct timeval *tv)
{
  return tv->tv_sec + tv->tv_usec / 1e6;
}

/* Runs @argv with its output discarded; its wall time, and from its rusage
 * its CPU time and peak RSS. */
static gboolean
timed_run_in (const char * const *argv,
              char              **envp,
              const char         *stdout_path,
              Run                *run)
{
  g_autoptr (GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status = 0;
  int out_fd = -1;
  gboolean spawned;
  gint64 start = g_get_monotonic_time ();

  if (stdout_path != NULL)
    out_fd = g_open (stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  spawned = g_spawn_async_with_fds (NULL, (char **) argv, envp,
                                    G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                    (out_fd < 0 ? G_SPAWN_STDOUT_TO_DEV_NULL : 0) |
                                    G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, -1, out_fd, -1, &error);
  if (out_fd >= 0)
    close (out_fd);
  if (!spawned)
    {
      fprintf (stderr, "bench-export: %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) != pid || !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "bench-export: %s failed: %s\n", argv[0],
               error ? error->message : g_strerror (errno));
      return FALSE;
    }
  run->seconds = (g_get_monotonic_time () - start) / 1e6;
  run->cpu = timeval_seconds (&usage.ru_utime) + timeval_seconds (&usage.ru_stime);
  run->rss_kb = usage.ru_maxrss;
  return TRUE;
}

static gboolean
timed_run (const char * const *argv,
           const char         *stdout_path,
           Run                *run)
{
  return timed_run_in (argv, NULL, stdout_path, run);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Runs @argv with XDG_CACHE_HOME a new, empty folder: nothing cached. */
static gboolean
timed_cold_run (const char * const *argv,
                const char         *stdout_path,
                Run                *run)
{
  g_autofree char *cache = g_dir_make_tmp ("bench-export-cache-XXXXXX", NULL);
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_CACHE_HOME", cache, TRUE);
  gboolean ok = cache != NULL && timed_run_in (argv, envp, stdout_path, run);

  if (cache != NULL)
    remove_tree (cache);
  return ok;
}

static int
compare_doubles (double x,
                 double y)
{
  return (x > y) - (x < y);
}

static int
compare_seconds (gconstpointer a,
                 gconstpointer b)
{
  return compare_doubles (((const Run *) a)->seconds, ((const Run *) b)->seconds);
}

static int
compare_cpu (gconstpointer a,
             gconstpointer b)
{
  return compare_doubles (((const Run *) a)->cpu, ((const Run *) b)->cpu);
}

static int
compare_rss (gconstpointer a,
             gconstpointer b)
{
  const Run *x = a, *y = b;

  return (x->rss_kb > y->rss_kb) - (x->rss_kb < y->rss_kb);
}

/* The median of each column on its own. */
static Run
median (GArray *runs)
{
  Run m;

  g_array_sort (runs, compare_seconds);
  m.seconds = g_array_index (runs, Run, runs->len / 2).seconds;
  g_array_sort (runs, compare_cpu);
  m.cpu = g_array_index (runs, Run, runs->len / 2).cpu;
  g_array_sort (runs, compare_rss);
  m.rss_kb = g_array_index (runs, Run, runs->len / 2).rss_kb;
  return m;
}

/* Bytes of the base64 data: URIs in the file, decoded. */
static guint64
font_bytes (const char *html)
{
  guint64 total = 0;

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

/* The installed file of one face, found as the export finds it: a static
 * TrueType or CFF face of that family, weight and slant. */
static char *
face_file (const char *family,
           gboolean    bold,
           gboolean    italic)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, FC_WEIGHT, FC_SLANT, FC_WIDTH,
                                           FC_VARIABLE, NULL);
  FcFontSet *set;
  char *file = NULL;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcPatternAddInteger (pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger (pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  set = FcFontList (NULL, pattern, objects);
  for (int i = 0; set != NULL && i < set->nfont && file == NULL; i++)
    {
      FcChar8 *path = NULL;
      FcBool variable = FcFalse;
      int width = FC_WIDTH_NORMAL;

      FcPatternGetBool (set->fonts[i], FC_VARIABLE, 0, &variable);
      FcPatternGetInteger (set->fonts[i], FC_WIDTH, 0, &width);
      if (!variable && width == FC_WIDTH_NORMAL &&
          FcPatternGetString (set->fonts[i], FC_FILE, 0, &path) == FcResultMatch)
        file = g_strdup ((const char *) path);
    }
  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return file;
}

/* Sums the sizes of the font files whose faces the export embeds, listing them. */
static guint64
font_files_bytes (const char *html,
                  GString    *list)
{
  guint64 total = 0;

  for (const char *p = strstr (html, "@font-face {"); p; p = strstr (p + 1, "@font-face {"))
    {
      const char *name = strstr (p, "font-family: \"") + strlen ("font-family: \"");
      g_autofree char *family = g_strndup (name, strchr (name, '"') - name);
      gboolean italic = g_str_has_prefix (strstr (p, "font-style: ") + 12, "italic");
      gboolean bold = g_str_has_prefix (strstr (p, "font-weight: ") + 13, "700");
      g_autofree char *file = face_file (family, bold, italic);
      g_autofree char *base = file ? g_path_get_basename (file) : g_strdup ("(not found)");
      guint64 size = file ? file_size (file) : 0;

      g_string_append_printf (list, "%s%s %.1f KiB", list->len ? ", " : "", base, size / 1024.0);
      total += size;
    }
  return total;
}

static char *
import_story (const char *copydesk,
              const char *db,
              const char *json)
{
  const char *argv[] = { copydesk, "--db", db, "import", json, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "bench-export: import failed: %s\n", error->message);
      return NULL;
    }
  return g_strstrip (out);
}

static double
mib (guint64 kib)
{
  return kib / 1024.0;
}

static void
print_row (const char *label,
           const Run  *run,
           const char *output)
{
  printf ("%-32s %8.3f s %8.3f s %9.1f MiB", label, run->seconds, run->cpu, mib (run->rss_kb));
  if (output != NULL)
    printf (" %9.1f KiB", file_size (output) / 1024.0);
  printf ("\n");
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "NOT met";
}

static void
report_memory (const Run  *ours,
               const Run  *baseline,
               const char *output)
{
  g_autofree char *html = NULL;
  g_autoptr (GString) files = g_string_new (NULL);
  guint64 out_kib, fonts_kib, subsets_kib, added_kib;
  double target;

  if (!g_file_get_contents (output, &html, NULL, NULL))
    return;
  out_kib = file_size (output) / 1024;
  subsets_kib = font_bytes (html) / 1024;
  fonts_kib = font_files_bytes (html, files) / 1024;
  added_kib = ours->rss_kb > baseline->rss_kb ? ours->rss_kb - baseline->rss_kb : 0;
  target = 3.0 * (out_kib + fonts_kib);
  printf ("\nmemory (target: peak under 3× the output plus the fonts)\n");
  printf ("  output file                  %8.1f MiB (%.1f KiB of it embedded font subsets)\n",
          mib (out_kib), (double) subsets_kib);
  printf ("  font files embedded from     %8.1f MiB (%s)\n", mib (fonts_kib), files->str);
  printf ("  3 × (output + font files)    %8.1f MiB\n", mib (target));
  printf ("  3 × output (subsets inside)  %8.1f MiB\n", mib (3 * out_kib));
  printf ("  peak RSS, whole export       %8.1f MiB: %s against font files, %s against the "
          "output alone\n", mib (ours->rss_kb), verdict (ours->rss_kb < target),
          verdict (ours->rss_kb < 3 * out_kib));
  printf ("  peak RSS, `--version`        %8.1f MiB (the same binary doing nothing: libraries)\n",
          mib (baseline->rss_kb));
  printf ("  what the export adds         %8.1f MiB: %s against font files, %s against the "
          "output alone\n", mib (added_kib), verdict (added_kib < target),
          verdict (added_kib < 3 * out_kib));
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  return g_strndup (text, strcspn (text, " ") + 1 + strcspn (strchr (text, ' ') + 1, " "));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL, *json_path = NULL, *md_path = NULL, *db = NULL;
  g_autofree char *ours = NULL, *theirs = NULL, *json = NULL, *md = NULL, *id = NULL;
  g_autofree char *load_before = NULL, *load_after = NULL;
  g_autoptr (DeskArticle) article = NULL;
  g_autoptr (GArray) ours_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) pandoc_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) fresh_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) baseline_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) piped_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) pandoc_piped_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) cold_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  guint n_words = argc > 2 ? atoi (argv[2]) : 50000;
  guint n_runs = argc > 3 ? MAX (atoi (argv[3]), 1) : 5;
  Run mine, pandoc, baseline, fresh, piped, pandoc_piped, cold;
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

  {
    /* the warm runs find the font lookups cached, as every export after the first does */
    const char *cd[] = { argv[1], "--db", db, "export", id, "--format", "html", "-o", ours, NULL };
    Run run = { 0 };

    if (!timed_run (cd, NULL, &run))
      return 1;
  }
  load_before = load_average ();
  for (guint i = 0; i < n_runs; i++)
    {
      const char *cd[] = { argv[1], "--db", db, "export", id, "--format", "html", "-o", ours, NULL };
      const char *pd[] = { "pandoc", "-s", "-f", "markdown", "-t", "html5", md_path, "-o", theirs,
                           NULL };
      const char *version[] = { argv[1], "--version", NULL };
      /* the issue's own commands, each writing to its standard output */
      const char *cd_piped[] = { argv[1], "--db", db, "export", id, "--format", "html", NULL };
      const char *pd_piped[] = { "pandoc", "-s", "-f", "markdown", "-t", "html5", md_path, NULL };
      Run run = { 0 };

      /* the file is new once, then replaced: that waits for the disk (fsync) */
      g_unlink (ours);
      if (!timed_run (cd, NULL, &run))
        return 1;
      g_array_append_val (fresh_runs, run);
      if (!timed_run (cd, NULL, &run))
        return 1;
      g_array_append_val (ours_runs, run);
      if (!timed_run (pd, NULL, &run))
        return 1;
      g_array_append_val (pandoc_runs, run);
      if (!timed_run (version, NULL, &run))
        return 1;
      g_array_append_val (baseline_runs, run);
      if (!timed_run (cd_piped, ours, &run))
        return 1;
      g_array_append_val (piped_runs, run);
      if (!timed_run (pd_piped, theirs, &run))
        return 1;
      g_array_append_val (pandoc_piped_runs, run);
      if (!timed_cold_run (cd_piped, ours, &run))
        return 1;
      g_array_append_val (cold_runs, run);
    }
  load_after = load_average ();
  mine = median (ours_runs);
  fresh = median (fresh_runs);
  pandoc = median (pandoc_runs);
  baseline = median (baseline_runs);
  piped = median (piped_runs);
  pandoc_piped = median (pandoc_piped_runs);
  cold = median (cold_runs);

  printf ("load average (1 and 5 min) %s before, %s after, on %u cores\n", load_before,
          load_after, g_get_num_processors ());
  printf ("%-32s %10s %10s %13s %13s\n", "medians", "wall", "CPU", "peak RSS", "output");
  print_row ("copydesk export --format html", &mine, ours);
  print_row ("  the same, to a new file", &fresh, ours);
  print_row ("pandoc -s -t html5", &pandoc, theirs);
  print_row ("copydesk export > FILE", &piped, ours);
  print_row ("  the same, cold (no cache)", &cold, ours);
  print_row ("pandoc -s -t html5 > FILE", &pandoc_piped, theirs);
  print_row ("copydesk --version (baseline)", &baseline, NULL);
  ratio = pandoc_piped.seconds / MAX (piped.seconds, 1e-4);
  printf ("\nspeed, both to standard output: copydesk is %.1f× faster than pandoc in wall time "
          "(target ≥ 50×: %s), %.1f× in CPU time\n", ratio, verdict (ratio >= 50),
          pandoc_piped.cpu / MAX (piped.cpu, 1e-4));
  printf ("speed, cold (no cached font lookups: fontconfig reads its configuration): %.1f× in "
          "wall time, %.1f× in CPU time\n", pandoc_piped.seconds / MAX (cold.seconds, 1e-4),
          pandoc_piped.cpu / MAX (cold.cpu, 1e-4));
  printf ("speed, both with -o: %.1f× replacing the file (copydesk syncs it before the rename, "
          "pandoc does not), %.1f× to a new file\n", pandoc.seconds / MAX (mine.seconds, 1e-4),
          pandoc.seconds / MAX (fresh.seconds, 1e-4));
  report_memory (&mine, &baseline, ours);

  if (g_getenv ("BENCH_EXPORT_KEEP") != NULL)
    {
      printf ("kept in %s (story id %s) for profiling\n", dir, id);
      return 0;
    }
  g_unlink (json_path);
  g_unlink (md_path);
  g_unlink (ours);
  g_unlink (theirs);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL), *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
