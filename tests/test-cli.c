/* test-cli.c — the real copydesk binary, run headless on a temporary library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "desk-cli.h"
#include "desk-json.h"
#include "test-util.h"

typedef struct {
  char *dir;
  char *db;
  char *binary;
} Fixture;

typedef struct {
  int status;
  char *out;
  char *err;
} Result;

static const char *tirana_json =
  "{\"headline\": \"Albanian police raid Iranian exiles’ compound\","
  " \"kicker\": \"News\", \"deck\": \"Computers and servers seized\", \"byline\": \"\","
  " \"dateline\": {\"place\": \"Tirana\", \"date\": \"2023-06-21\", \"credit\": \"\"},"
  " \"language\": \"en\", \"status\": \"editing\","
  " \"source\": {\"name\": \"Example\", \"url\": \"https://example.org/tirana\"},"
  " \"tagline\": \"Reporting by Jane Doe\","
  " \"body\": ["
  "  {\"type\": \"paragraph\", \"text\": \"Albanian police forces conducted Tuesday a large "
  "operation at the compound of an exiled Iranian opposition group, MEK, in Manza, Durrës.\","
  "   \"marks\": [{\"type\": \"em\", \"start\": 0, \"end\": 8},"
  "              {\"type\": \"link\", \"start\": 77, \"end\": 80, \"href\": \"https://mek.example\"}]},"
  "  {\"type\": \"subheading\", \"text\": \"Albanian authorities assert control\"},"
  "  {\"type\": \"paragraph\", \"text\": \"Authorities seized a large number of computers.\"},"
  "  {\"type\": \"quote\", \"text\": \"I guarantee that the death was not caused by any action "
  "of the police forces\", \"attribution\": \"Bledi Çuçi\"},"
  "  {\"type\": \"subheading\", \"text\": \"U.S. supports actions of Albanian authorities\"},"
  "  {\"type\": \"pullquote\", \"text\": \"The violence is unimaginable\", \"attribution\": \"Çuçi\"},"
  "  {\"type\": \"paragraph\", \"text\": \"Ky është një paragraf në shqip: ë ç. این یک متن فارسی "
  "است. 🎉\"}"
  " ],"
  " \"related\": [{\"kicker\": \"News\", \"headline\": \"Tourist season\", \"deck\": \"Prime "
  "Minister…\", \"url\": \"\"}],"
  " \"note\": \"check names\"}";

static const char *other_json =
  "{\"headline\": \"Harbour reopens after storm\","
  " \"body\": [{\"type\": \"paragraph\", \"text\": \"Ships returned on Monday.\"}]}";

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* No display, and a private XDG_DATA_HOME for the default library. */
static char **
make_environment (Fixture *f)
{
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", f->dir, TRUE);
  env = g_environ_setenv (env, "COLUMNS", "100", TRUE);
  return env;
}

static void
run_full (Fixture    *f,
          const char *input,
          Result     *r,
          const char *first,
          va_list     rest)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = make_environment (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;

  g_ptr_array_add (argv, f->binary);
  for (const char *arg = first; arg != NULL; arg = va_arg (rest, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r->status = g_subprocess_get_exit_status (proc);
}

static void
run (Fixture    *f,
     Result     *r,
     const char *first,
     ...)
{
  va_list rest;

  va_start (rest, first);
  run_full (f, NULL, r, first, rest);
  va_end (rest);
}

static void
run_with_input (Fixture    *f,
                const char *input,
                Result     *r,
                const char *first,
                ...)
{
  va_list rest;

  va_start (rest, first);
  run_full (f, input, r, first, rest);
  va_end (rest);
}

/* A failure is exactly one line on stderr: "copydesk: <what>: <why>". */
static void
assert_failure (Result     *r,
                int         status,
                const char *needle)
{
  g_test_message ("stderr: %s", r->err);
  g_assert_cmpint (r->status, ==, status);
  g_assert_true (g_str_has_prefix (r->err, "copydesk: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
  g_assert_nonnull (strstr (r->err, needle));
}

static void
assert_success (Result *r)
{
  if (r->status != 0)
    g_test_message ("stderr: %s", r->err);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *env_binary = g_getenv ("COPYDESK_BINARY");

  f->dir = g_dir_make_tmp ("copydesk-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "library.db", NULL);
  if (env_binary)
    f->binary = g_strdup (env_binary);
  else
    f->binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "copydesk", NULL);
  g_assert_true (g_file_test (f->binary, G_FILE_TEST_IS_EXECUTABLE));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->binary);
}

/* The JSON of a story with its id and times taken out. */
static char *
strip_identity (const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskArticle) article = desk_json_read_article (json, -1, &error);

  g_assert_no_error (error);
  desk_article_set_id (article, 0);
  desk_article_set_created (article, 0);
  desk_article_set_modified (article, 0);
  return desk_json_write_article (article, TRUE);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *input = write_file (f, "tirana.json", tirana_json);
  g_autofree char *exported = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *exported_text = NULL, *first = NULL, *second = NULL, *original = NULL;
  g_auto (Result) imp = { 0 }, list = { 0 }, show = { 0 }, export = { 0 }, again = { 0 };
  g_auto (Result) show2 = { 0 };

  run (f, &imp, "--db", f->db, "import", input, NULL);
  assert_success (&imp);
  g_assert_cmpstr (imp.out, ==, "1\n");

  run (f, &list, "--db", f->db, "list", NULL);
  assert_success (&list);
  g_assert_nonnull (strstr (list.out, "HEADLINE"));
  g_assert_nonnull (strstr (list.out, "editing"));
  g_assert_nonnull (strstr (list.out, "Albanian police raid Iranian exiles’ compound"));

  run (f, &show, "--db", f->db, "show", "1", NULL);
  assert_success (&show);
  g_assert_nonnull (strstr (show.out, "\"id\" : 1,"));
  g_assert_nonnull (strstr (show.out, "\"attribution\" : \"Bledi Çuçi\""));

  run (f, &export, "--db", f->db, "export", "1", "--format", "json", "-o", exported, NULL);
  assert_success (&export);
  g_assert_cmpstr (export.out, ==, "");
  g_assert_true (g_file_get_contents (exported, &exported_text, NULL, NULL));

  run (f, &again, "--db", f->db, "import", exported, NULL);
  assert_success (&again);
  g_assert_cmpstr (again.out, ==, "2\n");
  run (f, &show2, "--db", f->db, "show", "2", NULL);
  assert_success (&show2);

  first = strip_identity (show.out);
  second = strip_identity (show2.out);
  original = strip_identity (tirana_json);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, ==, original);
  g_assert_cmpstr (exported_text, ==, show.out);
}

static void
test_import_several (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = write_file (f, "a.json", tirana_json);
  g_autofree char *list_json = g_strdup_printf ("[%s, %s]", other_json, other_json);
  g_autofree char *b = write_file (f, "b.json", list_json);
  g_auto (Result) imp = { 0 }, from_stdin = { 0 }, list = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  run (f, &imp, "--db", f->db, "import", a, b, NULL);
  assert_success (&imp);
  g_assert_cmpstr (imp.out, ==, "1\n2\n3\n");

  run_with_input (f, other_json, &from_stdin, "import", "--db", f->db, "-", NULL);
  assert_success (&from_stdin);
  g_assert_cmpstr (from_stdin.out, ==, "4\n");

  run (f, &list, "--db", f->db, "list", "--json", NULL);
  assert_success (&list);
  json_parser_load_from_data (parser, list.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 4);
}

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *good = write_file (f, "good.json", tirana_json);
  g_autofree char *bad = write_file (f, "bad.json",
                                     "[{\"headline\": \"fine\"}, {\"headline\": \"x\", \"body\": "
                                     "[{\"type\": \"paragraph\", \"text\": \"short\", \"marks\": "
                                     "[{\"type\": \"em\", \"start\": 0, \"end\": 90}]}]}]");
  g_autofree char *text = write_file (f, "text.json", "{\"headline\": 7}");
  g_autofree char *related = write_file (f, "related.json", "{\"headline\": \"Orphan\", "
                                         "\"related\": [{\"id\": 999}]}");
  g_auto (Result) imp = { 0 }, typed = { 0 }, dangling = { 0 }, list = { 0 };

  run (f, &imp, "--db", f->db, "import", good, bad, NULL);
  assert_failure (&imp, 1, "bad.json: [1].body[0].marks[0]: end 90 is past the end of the text "
                           "(5 characters)");
  g_assert_cmpstr (imp.out, ==, "");

  run (f, &typed, "--db", f->db, "import", good, text, NULL);
  assert_failure (&typed, 1, "text.json: headline: expected a string, found a number");

  run (f, &dangling, "--db", f->db, "import", good, related, NULL);
  assert_failure (&dangling, 1, "related.json: “Orphan” names related story 999, which is not "
                                "in this library");

  run (f, &list, "--db", f->db, "list", "--json", NULL);
  assert_success (&list);
  g_assert_cmpstr (list.out, ==, "[]\n");
}

static void
test_import_plain_text (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("COPYDESK_SAMPLES"), "tirana-raid.txt",
                                              NULL);
  g_autoptr (DeskArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Result) imp = { 0 }, show = { 0 }, empty = { 0 };
  g_autofree char *blank = write_file (f, "blank.txt", "  \n\n ");

  if (!g_file_test (sample, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the sample stories are not there");
      return;
    }
  run (f, &imp, "--db", f->db, "import", sample, NULL);
  assert_success (&imp);
  g_assert_cmpstr (imp.out, ==, "1\n");
  run (f, &show, "--db", f->db, "show", "1", NULL);
  assert_success (&show);
  article = desk_json_read_article (show.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (desk_article_get_headline (article), "Albanian police raid"));
  g_assert_cmpstr (desk_dateline_get_date (desk_article_get_dateline (article)), ==, "2023-06-21");
  g_assert_cmpuint (desk_article_get_n_blocks (article), >, 10);

  run (f, &empty, "--db", f->db, "import", blank, NULL);
  assert_failure (&empty, 1, "blank.txt: ");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *a = write_file (f, "a.json", tirana_json);
  g_autofree char *b = write_file (f, "b.json", other_json);
  g_auto (Result) imp = { 0 }, hit = { 0 }, json = { 0 }, miss = { 0 }, words = { 0 };

  run (f, &imp, "--db", f->db, "import", a, b, NULL);
  assert_success (&imp);

  run (f, &hit, "--db", f->db, "search", "raid*", NULL);
  assert_success (&hit);
  g_assert_nonnull (strstr (hit.out, "Albanian police"));
  g_assert_null (strstr (hit.out, "Harbour"));

  run (f, &json, "--db", f->db, "search", "--json", "harbour", NULL);
  assert_success (&json);
  g_assert_nonnull (strstr (json.out, "\"headline\" : \"Harbour reopens after storm\""));
  g_assert_null (strstr (json.out, "Albanian"));

  run (f, &words, "--db", f->db, "search", "Bledi", "Çuçi", NULL);
  assert_success (&words);
  g_assert_nonnull (strstr (words.out, "Albanian police"));

  run (f, &miss, "--db", f->db, "search", "zeppelin", NULL);
  assert_success (&miss);
  g_assert_cmpstr (miss.out, ==, "No story matches.\n");
}

static void
test_export_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = write_file (f, "a.json", tirana_json);
  g_auto (Result) imp = { 0 }, text = { 0 };

  run (f, &imp, "--db", f->db, "import", a, NULL);
  assert_success (&imp);
  run (f, &text, "--db", f->db, "export", "1", "--format=text", NULL);
  assert_success (&text);
  g_assert_true (g_str_has_prefix (text.out, "News\n\nAlbanian police raid Iranian exiles’ "
                                             "compound\n\nComputers and servers seized\n\n"));
  g_assert_nonnull (strstr (text.out, "\n\nTIRANA, June 21, 2023 – Albanian police forces"));
  g_assert_nonnull (strstr (text.out, "\n\n“I guarantee that the death was not caused by any "
                                      "action of the police forces”\n— Bledi Çuçi\n\n"));
  g_assert_nonnull (strstr (text.out, "Original post: Example <https://example.org/tirana>"));
  g_assert_null (strstr (text.out, "check names"));
}

/* An HTML export may add one warning line (a character no font covers). */
static void
assert_exported (Result *r)
{
  g_test_message ("stderr: %s", r->err);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (r->err[0] == '\0' || g_str_has_prefix (r->err, "copydesk: warning: "));
}

static void
test_export_html (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = write_file (f, "a.json", tirana_json);
  g_autofree char *b = write_file (f, "b.json", "{\"headline\": \"\"}");
  g_autofree char *target = g_build_filename (f->dir, "story.html", NULL);
  g_autofree char *contents = NULL;
  g_auto (Result) imp = { 0 }, html = { 0 }, letter = { 0 }, a4 = { 0 }, none = { 0 };

  run (f, &imp, "--db", f->db, "import", a, b, NULL);
  assert_success (&imp);

  /* HTML is what export writes unless told otherwise */
  run (f, &html, "--db", f->db, "export", "1", "-o", target, NULL);
  assert_exported (&html);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (contents, "<html lang=\"en\""));
  g_assert_nonnull (strstr (contents, "Bledi Çuçi"));
  g_assert_null (strstr (contents, "check names"));

  run (f, &letter, "--db", f->db, "export", "1", "--format", "html", "--paper", "letter", NULL);
  assert_exported (&letter);
  run (f, &a4, "--db", f->db, "export", "1", "--format", "html", "--paper", "a4", NULL);
  assert_exported (&a4);
  g_assert_nonnull (strstr (letter.out, "letter"));
  g_assert_nonnull (strstr (a4.out, "A4"));
  g_assert_cmpstr (letter.out, !=, a4.out);

  run (f, &none, "--db", f->db, "export", "2", "--format", "html", NULL);
  assert_failure (&none, 1, "copydesk: export: The story has no headline");
  g_assert_cmpstr (none.out, ==, "");
}

static void
test_export_output (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = write_file (f, "a.json", tirana_json);
  g_autofree char *target = write_file (f, "target.txt", "old contents that are longer than new");
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.json", NULL);
  g_autofree char *contents = NULL;
  g_auto (Result) imp = { 0 }, ok = { 0 }, bad = { 0 }, nostory = { 0 };

  run (f, &imp, "--db", f->db, "import", a, NULL);
  assert_success (&imp);

  run (f, &ok, "--db", f->db, "export", "1", "--format", "text", "-o", target, NULL);
  assert_success (&ok);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "News\n\nAlbanian police"));

  run (f, &bad, "--db", f->db, "export", "1", "-o", missing, NULL);
  assert_failure (&bad, 1, "does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* a failed export does not touch the file it would have written */
  g_clear_pointer (&contents, g_free);
  run (f, &nostory, "--db", f->db, "export", "99", "--format", "text", "-o", target, NULL);
  assert_failure (&nostory, 1, "story 99: no such story");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "News\n\nAlbanian police"));
}

typedef struct {
  const char *args[6];
  int status;
  const char *needle;
} BadCall;

static const BadCall bad_calls[] = {
  { { "frobnicate" }, 2, "copydesk: frobnicate: unknown command" },
  { { "--db" }, 2, "copydesk: --db: needs a value" },
  { { "list", "--bogus" }, 2, "copydesk: --bogus: unknown option" },
  { { "list", "extra" }, 2, "copydesk: list: unexpected “extra”" },
  { { "list", "--format", "json" }, 2, "copydesk: list: --format is not an option" },
  { { "show" }, 2, "copydesk: show: missing a story id" },
  { { "show", "abc" }, 2, "copydesk: show: “abc” is not a story id" },
  { { "show", "0" }, 2, "copydesk: show: “0” is not a story id" },
  { { "show", "1", "2" }, 2, "copydesk: show: unexpected “2”" },
  { { "import" }, 2, "copydesk: import: missing a file to import" },
  { { "search" }, 2, "copydesk: search: missing what to search for" },
  { { "export", "1", "--format", "pdf" }, 2, "copydesk: --format: unknown format “pdf”" },
  { { "export", "1", "--paper", "a5", "--format", "html" }, 2,
    "copydesk: --paper: unknown paper size “a5”" },
  { { "export", "1", "--paper", "a4", "--format", "text" }, 2,
    "copydesk: --paper: only an HTML export has a paper size" },
  { { "export", "1", "-o" }, 2, "copydesk: -o: needs a value" },
  { { "show", "42" }, 1, "copydesk: story 42: no such story" },
  { { "import", "/nonexistent/story.json" }, 1,
    "copydesk: /nonexistent/story.json: No such file or directory" },
};

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *a = write_file (f, "a.json", other_json);
  g_auto (Result) imp = { 0 }, bare = { 0 };

  run (f, &imp, "--db", f->db, "import", a, NULL);
  assert_success (&imp);

  for (guint i = 0; i < G_N_ELEMENTS (bad_calls); i++)
    {
      const BadCall *call = &bad_calls[i];
      g_auto (Result) r = { 0 };

      run (f, &r, "--db", f->db, call->args[0], call->args[1], call->args[2], call->args[3],
           call->args[4], call->args[5], NULL);
      assert_failure (&r, call->status, call->needle);
      g_assert_cmpstr (r.out, ==, "");
    }

  run (f, &bare, "--db", f->db, NULL);
  assert_failure (&bare, 2, "copydesk: missing a command (expected import, list");
}

/* An unknown word without --db is a command the command line refuses, not
 * a file for a window that cannot open here. */
static void
test_unknown_word (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (Result) r = { 0 };

  run (f, &r, "frob", NULL);
  assert_failure (&r, 2, "copydesk: frob: unknown command");
  g_assert_cmpstr (r.out, ==, "");
}

/* The window opens files named on the command line; anything else is headless. */
static void
test_wants_headless (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *story = write_file (f, "a.json", other_json);
  char *bare[] = { "copydesk", NULL };
  char *file[] = { "copydesk", story, NULL };
  char *uri[] = { "copydesk", "file:///tmp/story.txt", NULL };
  char *word[] = { "copydesk", "frob", NULL };
  char *command[] = { "copydesk", "list", NULL };
  char *help[] = { "copydesk", "--help", NULL };

  g_assert_false (desk_cli_wants_headless (1, bare));
  g_assert_false (desk_cli_wants_headless (2, file));
  g_assert_false (desk_cli_wants_headless (2, uri));
  g_assert_true (desk_cli_wants_headless (2, word));
  g_assert_true (desk_cli_wants_headless (2, command));
  g_assert_true (desk_cli_wants_headless (2, help));
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GString) junk = g_string_new (NULL);
  g_autofree char *db = NULL, *story = write_file (f, "a.json", other_json);
  g_autofree char *after = NULL, *wal = NULL, *journal = NULL;
  gsize length = 0;
  const char *commands[][3] = {
    { "list", NULL }, { "import", story }, { "show", "1" }, { "search", "x" },
  };

  for (guint i = 0; i < 4096; i++)
    g_string_append_c (junk, (char) ('a' + i % 26));
  db = write_file (f, "notes.db", junk->str);
  wal = g_strconcat (db, "-wal", NULL);
  journal = g_strconcat (db, "-journal", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (Result) r = { 0 };

      run (f, &r, "--db", db, commands[i][0], commands[i][1], NULL);
      assert_failure (&r, 1, "is not a Copydesk library");
      g_assert_true (g_str_has_prefix (r.err, "copydesk: "));
      g_clear_pointer (&after, g_free);
      g_assert_true (g_file_get_contents (db, &after, &length, NULL));
      g_assert_cmpuint (length, ==, junk->len);
      g_assert_cmpmem (after, length, junk->str, junk->len);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    }
}

static void
test_empty_library (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (Result) list = { 0 }, json = { 0 }, show = { 0 };

  run (f, &list, "--db", f->db, "list", NULL);
  assert_success (&list);
  g_assert_cmpstr (list.out, ==, "The library has no stories.\n");
  run (f, &json, "--db", f->db, "list", "--json", NULL);
  assert_success (&json);
  g_assert_cmpstr (json.out, ==, "[]\n");
  run (f, &show, "--db", f->db, "show", "1", NULL);
  assert_failure (&show, 1, "story 1: no such story");
  /* looking never creates a library */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_default_library (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *a = write_file (f, "a.json", other_json);
  g_autofree char *expected = g_build_filename (f->dir, "copydesk", "library.db", NULL);
  g_auto (Result) imp = { 0 }, list = { 0 };

  run (f, &imp, "import", a, NULL);
  assert_success (&imp);
  g_assert_cmpstr (imp.out, ==, "1\n");
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  run (f, &list, "list", NULL);
  assert_success (&list);
  g_assert_nonnull (strstr (list.out, "Harbour reopens after storm"));
}

static void
test_list_truncates (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GString) headline = g_string_new ("{\"headline\": \"");
  g_autofree char *path = NULL;
  g_auto (Result) imp = { 0 }, list = { 0 };
  g_auto (GStrv) lines = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (headline, "Çuçi ");
  g_string_append (headline, "end\"}");
  path = write_file (f, "long.json", headline->str);
  run (f, &imp, "--db", f->db, "import", path, NULL);
  assert_success (&imp);
  run (f, &list, "--db", f->db, "list", NULL);
  assert_success (&list);

  lines = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpuint (g_utf8_strlen (lines[1], -1), ==, 100);
  g_assert_true (g_str_has_suffix (lines[1], "…"));
  g_assert_true (g_str_has_prefix (lines[0], "ID"));
}

static void
test_help_and_version (Fixture       *f,
                       gconstpointer  data)
{
  g_auto (Result) help = { 0 }, version = { 0 }, sub_help = { 0 };

  run (f, &help, "--help", NULL);
  assert_success (&help);
  g_assert_true (g_str_has_prefix (help.out, "Usage:\n"));
  for (guint i = 0; i < 5; i++)
    {
      const char *cmds[] = { "import", "list", "show", "export", "search" };
      g_autofree char *needle = g_strdup_printf ("] %s ", cmds[i]);

      g_assert_nonnull (strstr (help.out, needle));
    }
  run (f, &sub_help, "export", "-h", NULL);
  assert_success (&sub_help);
  g_assert_cmpstr (sub_help.out, ==, help.out);

  run (f, &version, "--version", NULL);
  assert_success (&version);
  g_assert_cmpstr (version.out, ==, "copydesk " PACKAGE_VERSION "\n");
}

/* Every run above has DISPLAY and WAYLAND_DISPLAY unset; this one checks
 * the environment the others get really lacks them. */
static void
test_no_display (Fixture       *f,
                 gconstpointer  data)
{
  g_auto (GStrv) env = make_environment (f);
  g_auto (Result) list = { 0 };

  g_assert_null (g_environ_getenv (env, "DISPLAY"));
  g_assert_null (g_environ_getenv (env, "WAYLAND_DISPLAY"));
  run (f, &list, "--db", f->db, "list", NULL);
  assert_success (&list);
}

static void
add (const char *path,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  add ("/copydesk/cli/round-trip", test_round_trip);
  add ("/copydesk/cli/import-several", test_import_several);
  add ("/copydesk/cli/import-plain-text", test_import_plain_text);
  add ("/copydesk/cli/all-or-nothing", test_all_or_nothing);
  add ("/copydesk/cli/search", test_search);
  add ("/copydesk/cli/export-text", test_export_text);
  add ("/copydesk/cli/export-html", test_export_html);
  add ("/copydesk/cli/export-output", test_export_output);
  add ("/copydesk/cli/errors", test_errors);
  add ("/copydesk/cli/unknown-word", test_unknown_word);
  add ("/copydesk/cli/wants-headless", test_wants_headless);
  add ("/copydesk/cli/not-a-database", test_not_a_database);
  add ("/copydesk/cli/empty-library", test_empty_library);
  add ("/copydesk/cli/default-library", test_default_library);
  add ("/copydesk/cli/list-truncates", test_list_truncates);
  add ("/copydesk/cli/help-and-version", test_help_and_version);
  add ("/copydesk/cli/no-display", test_no_display);

  return g_test_run ();
}
