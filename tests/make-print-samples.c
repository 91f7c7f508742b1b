/* make-print-samples.c — writes the sample exports that check-print inspects
 *
 * Usage: make-print-samples OUTDIR [SAMPLES_DIR]
 * Writes NAME-a4.html and NAME-letter.html for each sample story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <stdio.h>

#include "desk-html.h"
#include "print-samples.h"

static gboolean
export_one (DeskArticle *article,
            const char  *dir,
            const char  *name,
            DeskPaper    paper,
            GError     **error)
{
  g_autofree char *base = g_strdup_printf ("%s-%s.html", name,
                                           paper == DESK_PAPER_A4 ? "a4" : "letter");
  g_autofree char *path = g_build_filename (dir, base, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileOutputStream) out = NULL;
  g_autofree char *warning = NULL;
  DeskHtmlOptions options;

  desk_html_options_init (&options);
  options.paper = paper;
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL ||
      !desk_html_write (article, &options, G_OUTPUT_STREAM (out), &warning, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    return FALSE;
  printf ("%s%s%s\n", path, warning ? "  warning: " : "", warning ? warning : "");
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *samples;
  struct { const char *name; DeskArticle *article; } stories[6];

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      fprintf (stderr, "usage: make-print-samples OUTDIR [SAMPLES_DIR]\n");
      return 2;
    }
  samples = argc > 2 ? argv[2] : g_getenv ("COPYDESK_SAMPLES");
  g_mkdir_with_parents (argv[1], 0755);
  stories[0].name = "tirana";
  stories[0].article = print_sample_tirana (samples ? samples : "../shared/samples", &error);
  if (stories[0].article == NULL)
    {
      fprintf (stderr, "make-print-samples: %s\n", error->message);
      return 1;
    }
  stories[1].name = "long";
  stories[1].article = print_sample_long (5000);
  stories[2].name = "long-url";
  stories[2].article = print_sample_long_url ();
  stories[3].name = "persian";
  stories[3].article = print_sample_persian ();
  stories[4].name = "headline-only";
  stories[4].article = print_sample_headline_only ();
  stories[5].name = "arabic";
  stories[5].article = print_sample_arabic ();
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      for (DeskPaper paper = DESK_PAPER_A4; paper <= DESK_PAPER_LETTER; paper++)
        if (!export_one (stories[i].article, argv[1], stories[i].name, paper, &error))
          {
            fprintf (stderr, "make-print-samples: %s\n", error->message);
            return 1;
          }
      g_object_unref (stories[i].article);
    }
  return 0;
}
