/* test-font-cache.c — the cache of fontconfig's answers: same export warm and
 * cold, and ignored as soon as anything it depends on changes
 *
 * Each export runs in a process of its own (fontconfig's configuration, once
 * read, stays read), all with one temporary XDG_CACHE_HOME and a fonts.conf
 * of the test's own that includes the system's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <utime.h>

#include "desk-font-cache.h"
#include "desk-fonts.h"
#include "desk-html.h"
#include "test-util.h"

static char *test_dir;   /* the exports, and folders for all below */
static char *cache_path; /* where exports keep their lookups: in cache/, the XDG_CACHE_HOME */
static char *conf_path;  /* conf/fonts.conf */
static char *font_dir;   /* fonts/, a font folder of that configuration */

static DeskArticle *
make_article (gboolean needs_fallback)
{
  DeskArticle *a = desk_article_new ();
  g_autoptr (DeskBlock) b = desk_block_new (DESK_BLOCK_PARAGRAPH,
                                            needs_fallback ? "Police said “שלום” to them."
                                                           : "Police went in, said the ministry.");
  g_autoptr (DeskBlock) q = desk_block_new (DESK_BLOCK_PULLQUOTE, "A pulled line.");

  desk_article_set_headline (a, "Police raid compound");
  desk_article_set_kicker (a, "News");
  desk_article_set_language (a, "en");
  desk_block_add_mark (b, DESK_MARK_EM, 0, 6, NULL);
  desk_block_add_mark (b, DESK_MARK_STRONG, 7, 11, NULL);
  desk_block_set_attribution (q, "Bledi Çuçi");
  desk_article_append_block (a, b);
  desk_article_append_block (a, q);
  return a;
}

/* In the child: exports the story TEST_STORY names to TEST_OUT, and writes
 * whether fontconfig's configuration had to be read to TEST_OUT.read. */
static void
export_here (void)
{
  g_autoptr (DeskArticle) a = make_article (g_strcmp0 (g_getenv ("TEST_STORY"), "fallback") == 0);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autofree char *read_path = g_strconcat (g_getenv ("TEST_OUT"), ".read", NULL);

  g_assert_true (desk_html_write (a, NULL, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  g_assert_true (g_file_set_contents (g_getenv ("TEST_OUT"),
                                      g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                      g_memory_output_stream_get_data_size (
                                        G_MEMORY_OUTPUT_STREAM (out)), NULL));
  g_assert_true (g_file_set_contents (read_path, desk_fonts_config_was_read () ? "1" : "0", -1,
                                      NULL));
}

/* Runs the current test's export in a new process; returns its HTML. */
static char *
export_in_child (const char *story,
                 gboolean   *config_read)
{
  g_autofree char *out = g_build_filename (test_dir, "export.html", NULL);
  g_autofree char *read_path = g_strconcat (out, ".read", NULL);
  g_autofree char *read = NULL;
  char *html = NULL;

  g_setenv ("TEST_STORY", story, TRUE);
  g_setenv ("TEST_OUT", out, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (out, &html, NULL, NULL));
  g_assert_true (g_file_get_contents (read_path, &read, NULL, NULL));
  *config_read = g_str_equal (read, "1");
  g_unlink (out);
  g_unlink (read_path);
  return html;
}

static char *
css_of (const char *html)
{
  const char *start = strstr (html, "<style>");
  const char *end = strstr (html, "</style>");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* A cold export: no cache, so fontconfig is read, and the cache written. */
static char *
export_cold (const char *story)
{
  gboolean config_read = FALSE;
  char *html;

  g_unlink (cache_path);
  html = export_in_child (story, &config_read);
  g_assert_true (config_read);
  g_assert_true (g_file_test (cache_path, G_FILE_TEST_EXISTS));
  return html;
}

static void
assert_cache_current (gboolean current)
{
  g_autoptr (DeskFontCache) cache = desk_font_cache_load (cache_path);

  g_assert_true ((cache != NULL) == current);
}

static void
test_warm_equals_cold (void)
{
  g_autofree char *cold = NULL, *warm = NULL, *css = NULL;
  gboolean config_read = TRUE;

  if (g_test_subprocess ())
    {
      export_here ();
      return;
    }
  cold = export_cold ("plain");
  assert_cache_current (TRUE);
  warm = export_in_child ("plain", &config_read);
  g_assert_false (config_read);
  g_assert_cmpstr (warm, ==, cold);
  css = css_of (warm);
  g_assert_cmpuint (strlen (css), >, 10000); /* the faces are embedded, not only named */
  g_assert_nonnull (strstr (css, "font-style: italic"));
  g_assert_nonnull (strstr (css, "font-weight: 700"));
}

/* Touching a watched file, adding a file to a font folder or changing an
 * environment variable fontconfig reads each makes the cache out of date;
 * the next export reads fontconfig and writes it afresh. */
static void
test_changes_invalidate (void)
{
  g_autofree char *cold = NULL, *again = NULL;
  g_autofree char *added = g_build_filename (font_dir, "added.txt", NULL);
  gboolean config_read = FALSE;
  GStatBuf st;
  struct utimbuf times;

  if (g_test_subprocess ())
    {
      export_here ();
      return;
    }
  cold = export_cold ("plain");
  assert_cache_current (TRUE);
  g_assert_cmpint (g_stat (conf_path, &st), ==, 0);
  times.actime = st.st_atime;
  times.modtime = st.st_mtime - 100;
  g_assert_cmpint (g_utime (conf_path, &times), ==, 0);
  assert_cache_current (FALSE);
  again = export_in_child ("plain", &config_read);
  g_assert_true (config_read);
  g_assert_cmpstr (again, ==, cold);
  assert_cache_current (TRUE);

  g_assert_true (g_file_set_contents (added, "not a font", -1, NULL));
  assert_cache_current (FALSE);
  g_clear_pointer (&again, g_free);
  again = export_in_child ("plain", &config_read);
  g_assert_true (config_read);
  g_assert_cmpstr (again, ==, cold);
  assert_cache_current (TRUE);
  g_unlink (added);
  assert_cache_current (FALSE);

  g_clear_pointer (&again, g_free);
  again = export_in_child ("plain", &config_read);
  assert_cache_current (TRUE);
  g_setenv ("FONTCONFIG_PATH", test_dir, TRUE);
  assert_cache_current (FALSE);
  g_unsetenv ("FONTCONFIG_PATH");
  assert_cache_current (TRUE);
}

static void
damage_and_export (const char *cold,
                   const char *contents,
                   gssize      len)
{
  g_autofree char *again = NULL;
  gboolean config_read = FALSE;

  g_assert_true (g_file_set_contents (cache_path, contents, len, NULL));
  assert_cache_current (FALSE);
  again = export_in_child ("plain", &config_read);
  g_assert_true (config_read);
  g_assert_cmpstr (again, ==, cold);
  assert_cache_current (TRUE);
}

/* A damaged cache file is ignored, the export the same, and the file rewritten. */
static void
test_damaged_cache (void)
{
  g_autofree char *cold = NULL, *good = NULL, *bad_charset = NULL;
  gsize len = 0;

  if (g_test_subprocess ())
    {
      export_here ();
      return;
    }
  cold = export_cold ("plain");
  g_assert_true (g_file_get_contents (cache_path, &good, &len, NULL));
  damage_and_export (cold, "\x89PNG not a key file\n[[[", -1);
  damage_and_export (cold, good, len / 2);
  damage_and_export (cold, good, len - 2);
  damage_and_export (cold, "", 0);
  /* well formed but for one family's characters */
  g_assert_nonnull (strstr (good, "Charset=20-7e"));
  bad_charset = g_strdup (good);
  memcpy (strstr (bad_charset, "Charset=20-7e"), "Charset=7e-20", strlen ("Charset=7e-20"));
  damage_and_export (cold, bad_charset, -1);
}

/* A story with characters its faces lack still gets the family that has
 * them while the cache is current: fontconfig is read for it alone. */
static void
test_fallback_with_cache (void)
{
  g_autofree char *cold = NULL, *warm = NULL, *plain = NULL;
  gboolean config_read = FALSE;

  if (g_test_subprocess ())
    {
      export_here ();
      return;
    }
  cold = export_cold ("fallback");
  warm = export_in_child ("fallback", &config_read);
  g_assert_true (config_read);
  g_assert_cmpstr (warm, ==, cold);

  /* a cache written without the fallback answers a plain story alone */
  g_clear_pointer (&cold, g_free);
  cold = export_cold ("plain");
  g_clear_pointer (&warm, g_free);
  warm = export_in_child ("fallback", &config_read);
  g_assert_true (config_read);
  plain = export_in_child ("plain", &config_read);
  g_assert_false (config_read);
  g_assert_cmpstr (plain, ==, cold);
  /* the Hebrew came with a family of its own */
  g_assert_cmpuint (test_count (warm, "@font-face"), >, test_count (plain, "@font-face"));
}

static void
set_up (void)
{
  g_autofree char *conf = NULL, *conf_dir = NULL, *cache_home = NULL;

  test_dir = g_dir_make_tmp ("copydesk-font-cache-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  font_dir = g_build_filename (test_dir, "fonts", NULL);
  conf_dir = g_build_filename (test_dir, "conf", NULL);
  conf_path = g_build_filename (conf_dir, "fonts.conf", NULL);
  cache_home = g_build_filename (test_dir, "cache", NULL);
  cache_path = g_build_filename (cache_home, "copydesk", "font-lookups.ini", NULL);
  g_assert_cmpint (g_mkdir (font_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (conf_dir, 0700), ==, 0);
  conf = g_strdup_printf ("<?xml version=\"1.0\"?>\n<fontconfig>\n"
                          "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
                          "  <dir>%s</dir>\n</fontconfig>\n", font_dir);
  g_assert_true (g_file_set_contents (conf_path, conf, -1, NULL));
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_setenv ("FONTCONFIG_FILE", conf_path, TRUE);
}

static void
tear_down (void)
{
  g_autofree char *cache_dir = g_path_get_dirname (cache_path);
  g_autofree char *cache_home = g_path_get_dirname (cache_dir);
  g_autofree char *conf_dir = g_path_get_dirname (conf_path);

  g_unlink (cache_path);
  g_rmdir (cache_dir);
  g_rmdir (cache_home);
  g_unlink (conf_path);
  g_rmdir (conf_dir);
  g_rmdir (font_dir);
  g_rmdir (test_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (!g_test_subprocess ())
    set_up ();

  g_test_add_func ("/copydesk/font-cache/warm-equals-cold", test_warm_equals_cold);
  g_test_add_func ("/copydesk/font-cache/changes-invalidate", test_changes_invalidate);
  g_test_add_func ("/copydesk/font-cache/damaged", test_damaged_cache);
  g_test_add_func ("/copydesk/font-cache/fallback", test_fallback_with_cache);
  status = g_test_run ();
  if (!g_test_subprocess ())
    tear_down ();
  return status;
}
