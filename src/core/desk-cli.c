/* desk-cli.c — the headless command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "desk-cli.h"
#include "desk-cli-table.h"
#include "desk-fonts.h"
#include "desk-html.h"
#include "desk-json.h"
#include "desk-store.h"
#include "desk-text.h"
#include "desk-text-writer.h"

#define EXIT_USAGE 2

typedef enum {
  OPT_JSON   = 1 << 0,
  OPT_FORMAT = 1 << 1,
  OPT_PAPER  = 1 << 2,
  OPT_OUTPUT = 1 << 3,
} OptionFlags;

typedef struct {
  char *db;
  const char *command;
  GPtrArray *args; /* the words after the command */
  OptionFlags given;
  char *format;
  char *paper;
  char *output;
} Cli;

typedef int (*CommandFunc) (Cli *cli);

typedef struct {
  const char *name;
  OptionFlags options;
  guint min_args;
  guint max_args;
  CommandFunc run;
} Command;

static int run_import (Cli *cli);
static int run_list (Cli *cli);
static int run_show (Cli *cli);
static int run_export (Cli *cli);
static int run_search (Cli *cli);

static const Command commands[] = {
  { "import", 0, 1, G_MAXUINT, run_import },
  { "list", OPT_JSON, 0, 0, run_list },
  { "show", 0, 1, 1, run_show },
  { "export", OPT_FORMAT | OPT_PAPER | OPT_OUTPUT, 1, 1, run_export },
  { "search", OPT_JSON, 1, G_MAXUINT, run_search },
};

static void fail (const char *what,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

/* Every failure is one line: "copydesk: <what>: <why>", or "copydesk: <why>"
 * when @what is NULL. */
static void
fail (const char *what,
      const char *format,
      ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (why, "\n", ' ');
  fflush (stdout);
  if (what)
    fprintf (stderr, "copydesk: %s: %s\n", what, why);
  else
    fprintf (stderr, "copydesk: %s\n", why);
}

static void
print_usage (void)
{
  g_autofree char *library = desk_store_default_path ();

  printf ("%s\n", _("Usage:\n"
                    "  copydesk                                  Open the window\n"
                    "  copydesk [--db FILE] import FILE…         Add stories from plain text or "
                    "JSON\n"
                    "  copydesk [--db FILE] list [--json]        List the stories of the library\n"
                    "  copydesk [--db FILE] show ID              Print a story as JSON\n"
                    "  copydesk [--db FILE] export ID [--format html|json|text]\n"
                    "                       [--paper a4|letter] [-o FILE]\n"
                    "                                            Export a story (HTML unless "
                    "--format says otherwise)\n"
                    "  copydesk [--db FILE] search QUERY [--json]\n"
                    "                                            Find stories; “raid*” matches "
                    "words that start with “raid”\n"
                    "\n"
                    "Options:\n"
                    "  --db FILE      Use this library instead of the default one\n"
                    "  -o FILE        Write the export to FILE instead of standard output\n"
                    "  --help         Show this help\n"
                    "  --version      Show the version\n"
                    "\n"
                    "“import” prints the id of each new story, one a line. Several files are\n"
                    "imported together or not at all; “-” reads standard input.\n"));
  printf (_("The default library is %s\n"), library);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return &commands[i];
  return NULL;
}

/* A word the window would take as a file to open: a path that exists or a URI. */
static gboolean
names_file (const char *arg)
{
  return g_uri_peek_scheme (arg) != NULL || g_file_test (arg, G_FILE_TEST_EXISTS);
}

/* The window is for a bare "copydesk" and for files to open in it; anything
 * that names a subcommand, --db, --help or --version stays on the command
 * line and never touches GTK, so it works without a display. So does any
 * other bare word that names no file: the command line reports it as an
 * unknown command instead of a window failing to open. */
gboolean
desk_cli_wants_headless (int    argc,
                         char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--db") || g_str_has_prefix (arg, "--db=") ||
          g_str_equal (arg, "--help") || g_str_equal (arg, "-h") ||
          g_str_equal (arg, "--version"))
        return TRUE;
      if (arg[0] != '-' && (find_command (arg) != NULL || !names_file (arg)))
        return TRUE;
    }
  return FALSE;
}

static void
cli_clear (Cli *cli)
{
  g_free (cli->db);
  g_clear_pointer (&cli->args, g_ptr_array_unref);
  g_free (cli->format);
  g_free (cli->paper);
  g_free (cli->output);
}

/* "--name VALUE" or "--name=VALUE"; advances *i past what it used. */
static gboolean
take_value (int          argc,
            char       **argv,
            int         *i,
            const char  *name,
            char       **value)
{
  const char *arg = argv[*i];
  gsize n = strlen (name);

  if (arg[n] == '=')
    {
      g_free (*value);
      *value = g_strdup (arg + n + 1);
      return TRUE;
    }
  if (*i + 1 >= argc)
    {
      fail (name, _("needs a value"));
      return FALSE;
    }
  g_free (*value);
  *value = g_strdup (argv[++*i]);
  return TRUE;
}

static gboolean
option_is (const char *arg,
           const char *name)
{
  gsize n = strlen (name);

  return strncmp (arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* Returns FALSE after printing a usage error. */
static gboolean
parse_option (Cli    *cli,
              int     argc,
              char  **argv,
              int    *i)
{
  const char *arg = argv[*i];

  if (option_is (arg, "--db"))
    return take_value (argc, argv, i, "--db", &cli->db);
  if (g_str_equal (arg, "--json"))
    cli->given |= OPT_JSON;
  else if (option_is (arg, "--format"))
    {
      cli->given |= OPT_FORMAT;
      return take_value (argc, argv, i, "--format", &cli->format);
    }
  else if (option_is (arg, "--paper"))
    {
      cli->given |= OPT_PAPER;
      return take_value (argc, argv, i, "--paper", &cli->paper);
    }
  else if (g_str_equal (arg, "-o") || option_is (arg, "--output"))
    {
      cli->given |= OPT_OUTPUT;
      return take_value (argc, argv, i, arg[1] == 'o' ? "-o" : "--output", &cli->output);
    }
  else
    {
      fail (arg, _("unknown option (see “copydesk --help”)"));
      return FALSE;
    }
  return TRUE;
}

static int
parse_arguments (Cli    *cli,
                 int     argc,
                 char  **argv)
{
  gboolean options_done = FALSE;

  cli->args = g_ptr_array_new ();
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!options_done && g_str_equal (arg, "--"))
        options_done = TRUE;
      else if (!options_done && arg[0] == '-' && arg[1] != '\0')
        {
          if (!parse_option (cli, argc, argv, &i))
            return EXIT_USAGE;
        }
      else if (cli->command == NULL)
        cli->command = arg;
      else
        g_ptr_array_add (cli->args, (gpointer) arg);
    }
  return 0;
}

static int
check_arguments (Cli           *cli,
                 const Command *command)
{
  static const struct { OptionFlags flag; const char *name; } names[] = {
    { OPT_JSON, "--json" }, { OPT_FORMAT, "--format" }, { OPT_PAPER, "--paper" },
    { OPT_OUTPUT, "-o" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if ((cli->given & names[i].flag) && !(command->options & names[i].flag))
      {
        fail (command->name, _("%s is not an option of this command"), names[i].name);
        return EXIT_USAGE;
      }
  if (cli->args->len < command->min_args)
    {
      if (g_str_equal (command->name, "import"))
        fail (command->name, _("missing a file to import (see “copydesk --help”)"));
      else if (g_str_equal (command->name, "search"))
        fail (command->name, _("missing what to search for (see “copydesk --help”)"));
      else
        fail (command->name, _("missing a story id (see “copydesk --help”)"));
      return EXIT_USAGE;
    }
  if (cli->args->len > command->max_args)
    {
      fail (command->name, _("unexpected “%s”"),
            (const char *) g_ptr_array_index (cli->args, command->max_args));
      return EXIT_USAGE;
    }
  return 0;
}

static gboolean
wants (int         argc,
       char      **argv,
       const char *flag,
       const char *short_flag)
{
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], flag) || (short_flag && g_str_equal (argv[i], short_flag)))
      return TRUE;
  return FALSE;
}

int
desk_cli_run (int    argc,
              char **argv)
{
  Cli cli = { 0 };
  const Command *command;
  int status;

  if (wants (argc, argv, "--help", "-h"))
    {
      print_usage ();
      return 0;
    }
  if (wants (argc, argv, "--version", NULL))
    {
      printf ("copydesk %s\n", PACKAGE_VERSION);
      return 0;
    }
  status = parse_arguments (&cli, argc, argv);
  if (status == 0 && cli.command == NULL)
    {
      fail (NULL, _("missing a command (expected import, list, show, export or search)"));
      status = EXIT_USAGE;
    }
  else if (status == 0 && (command = find_command (cli.command)) == NULL)
    {
      fail (cli.command, _("unknown command (expected import, list, show, export or search)"));
      status = EXIT_USAGE;
    }
  else if (status == 0 && (status = check_arguments (&cli, command)) == 0)
    status = command->run (&cli);
  cli_clear (&cli);
  return status;
}

/* The library */

static const char *
library_path (Cli *cli)
{
  if (cli->db == NULL)
    cli->db = desk_store_default_path ();
  return cli->db;
}

/* Reading commands never create a library, and open it read-only so that
 * they cannot change it; a library that does not exist yet is empty. */
static int
open_library (Cli        *cli,
              gboolean    for_writing,
              DeskStore **store)
{
  g_autoptr (GError) error = NULL;
  const char *path = library_path (cli);

  *store = NULL;
  if (path[0] == '\0')
    {
      fail ("--db", _("the file name is empty"));
      return EXIT_USAGE;
    }
  if (!for_writing && !g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  *store = desk_store_open (path, for_writing ? DESK_STORE_OPEN_DEFAULT
                                              : DESK_STORE_OPEN_READ_ONLY, &error);
  if (*store == NULL)
    {
      fail (cli->command, "%s", error->message);
      return 1;
    }
  return 0;
}

static gboolean
parse_id (const char *command,
          const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      fail (command, _("“%s” is not a story id (a whole number such as 12)"), text);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static DeskArticle *
load_story (Cli       *cli,
            DeskStore *store,
            gint64     id)
{
  g_autoptr (GError) error = NULL;
  DeskArticle *article;
  g_autofree char *what = g_strdup_printf (_("story %lld"), (long long) id);

  if (store == NULL)
    {
      fail (what, _("no such story (the library “%s” is empty)"), library_path (cli));
      return NULL;
    }
  article = desk_store_load (store, id, &error);
  if (article == NULL)
    {
      if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND))
        fail (what, _("no such story in “%s”"), library_path (cli));
      else
        fail (what, "%s", error->message);
    }
  return article;
}

static int
write_stdout (const char *what,
              const char *text)
{
  gsize n = strlen (text);

  if (fwrite (text, 1, n, stdout) != n || fflush (stdout) != 0)
    {
      int saved = errno;

      fail (what, _("cannot write to standard output: %s"), g_strerror (saved));
      return 1;
    }
  return 0;
}

/* import */

static gboolean
looks_like_json (const char *data,
                 gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && (data[i] == '{' || data[i] == '[');
}

static char *
read_stdin (gsize *length)
{
  GString *data = g_string_new (NULL);
  char buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_string_append_len (data, buffer, n);
      if (data->len > DESK_JSON_MAX_INPUT)
        break;
    }
  if (ferror (stdin))
    {
      fail ("-", _("cannot read standard input: %s"), g_strerror (errno));
      g_string_free (data, TRUE);
      return NULL;
    }
  *length = data->len;
  return g_string_free (data, FALSE);
}

static char *
read_input (const char *path,
            gsize      *length)
{
  g_autoptr (GError) error = NULL;
  GStatBuf info;
  char *data = NULL;

  if (g_str_equal (path, "-"))
    return read_stdin (length);
  if (g_stat (path, &info) != 0)
    {
      fail (path, "%s", g_strerror (errno));
      return NULL;
    }
  if (S_ISDIR (info.st_mode))
    {
      fail (path, _("is a folder, not a file"));
      return NULL;
    }
  if (info.st_size > DESK_JSON_MAX_INPUT)
    {
      g_autofree char *size = g_format_size (info.st_size);

      int limit = DESK_JSON_MAX_INPUT / (1024 * 1024);

      fail (path, ngettext ("the file is %s, over the limit of %d MiB for one import",
                            "the file is %s, over the limit of %d MiB for one import", limit),
            size, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, &error))
    fail (path, "%s", error->message);
  return data;
}

static GPtrArray *
read_plain_text (const char *data,
                 gsize       length,
                 GError    **error)
{
  DeskArticle *article = desk_text_read (data, length, error);
  GPtrArray *read;

  if (article == NULL)
    return NULL;
  read = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (read, article);
  return read;
}

/* Appends the stories of one file, or prints why it has none. */
static gboolean
read_stories (const char *path,
              GPtrArray  *stories,
              GPtrArray  *sources)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) read = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if ((data = read_input (path, &length)) == NULL)
    return FALSE;
  if (looks_like_json (data, length))
    read = desk_json_read_articles (data, length, &error);
  else
    read = read_plain_text (data, length, &error);
  if (read == NULL)
    {
      fail (path, "%s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < read->len; i++)
    {
      DeskArticle *article = g_ptr_array_index (read, i);

      /* each becomes a new story of this library */
      desk_article_set_id (article, 0);
      g_ptr_array_add (stories, g_object_ref (article));
      g_ptr_array_add (sources, (gpointer) path);
    }
  return TRUE;
}

/* A related story named by its id must be one of this library. */
static gboolean
check_related (DeskStore *store,
               GPtrArray *stories,
               GPtrArray *sources)
{
  for (guint i = 0; i < stories->len; i++)
    {
      DeskArticle *article = g_ptr_array_index (stories, i);

      for (guint j = 0; j < desk_article_get_n_related (article); j++)
        {
          const DeskRelated *related = desk_article_get_related (article, j);
          g_autoptr (DeskArticle) other = NULL;
          g_autoptr (GError) error = NULL;

          if (related->id <= 0 || (other = desk_store_load (store, related->id, &error)))
            continue;
          if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND))
            fail (g_ptr_array_index (sources, i),
                  _("“%s” names related story %lld, which is not in this library"),
                  desk_article_get_headline (article), (long long) related->id);
          else
            fail ("import", "%s", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* All files are read and checked before the library is touched, and saved
 * in one transaction: an import either adds every story or none. */
static int
run_import (Cli *cli)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  for (guint i = 0; i < cli->args->len; i++)
    if (!read_stories (g_ptr_array_index (cli->args, i), stories, sources))
      return 1;
  if ((status = open_library (cli, TRUE, &store)) != 0)
    return status;
  if (!check_related (store, stories, sources))
    return 1;
  if (!desk_store_save_all (store, stories, &error))
    {
      fail (cli->command, "%s", error->message);
      return 1;
    }
  for (guint i = 0; i < stories->len; i++)
    printf ("%" G_GINT64_FORMAT "\n", desk_article_get_id (g_ptr_array_index (stories, i)));
  return 0;
}

/* list and search */

static int
print_summaries (Cli       *cli,
                 GPtrArray *summaries,
                 gboolean   searching)
{
  if (cli->given & OPT_JSON)
    {
      g_autofree char *json = desk_json_write_summaries (summaries, TRUE);
      return write_stdout (cli->command, json);
    }
  if (summaries->len == 0)
    printf ("%s\n", searching ? _("No story matches.") : _("The library has no stories."));
  else
    {
      g_autofree char *table = desk_cli_format_table (summaries, desk_cli_terminal_width ());
      return write_stdout (cli->command, table);
    }
  return write_stdout (cli->command, "");
}

static int
list_stories (Cli        *cli,
              const char *query)
{
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if ((status = open_library (cli, FALSE, &store)) != 0)
    return status;
  if (store == NULL)
    summaries = g_ptr_array_new ();
  else
    summaries = desk_store_list (store, query, DESK_STATUS_ANY, 0, G_MAXUINT, &error);
  /* What is not an FTS5 query ("Bledi's") is searched for as plain words. */
  if (summaries == NULL && g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_QUERY))
    {
      g_autofree char *words = desk_store_query_from_text (query);

      g_clear_error (&error);
      if (words == NULL)
        summaries = g_ptr_array_new ();
      else
        summaries = desk_store_list (store, words, DESK_STATUS_ANY, 0, G_MAXUINT, &error);
    }
  if (summaries == NULL)
    {
      if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_QUERY))
        fail (cli->command, _("cannot search for “%s”: %s"), query, error->message);
      else
        fail (cli->command, "%s", error->message);
      return 1;
    }
  return print_summaries (cli, summaries, query != NULL);
}

static int
run_list (Cli *cli)
{
  return list_stories (cli, NULL);
}

static int
run_search (Cli *cli)
{
  g_autoptr (GString) query = g_string_new (NULL);

  for (guint i = 0; i < cli->args->len; i++)
    g_string_append_printf (query, "%s%s", i ? " " : "", (char *) g_ptr_array_index (cli->args, i));
  if (g_strstrip (query->str)[0] == '\0')
    {
      fail (cli->command, _("missing what to search for (see “copydesk --help”)"));
      return EXIT_USAGE;
    }
  return list_stories (cli, query->str);
}

/* show and export */

static int
run_show (Cli *cli)
{
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (DeskArticle) article = NULL;
  g_autofree char *json = NULL;
  gint64 id;
  int status;

  if (!parse_id (cli->command, g_ptr_array_index (cli->args, 0), &id))
    return EXIT_USAGE;
  if ((status = open_library (cli, FALSE, &store)) != 0)
    return status;
  if ((article = load_story (cli, store, id)) == NULL)
    return 1;
  json = desk_json_write_article (article, TRUE);
  return write_stdout (cli->command, json);
}

/* Related stories of the library carry only their id; a reader of the
 * export needs their kicker, headline and deck. */
static void
resolve_related (DeskStore   *store,
                 DeskArticle *article)
{
  g_autoptr (GPtrArray) resolved = NULL;

  resolved = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_related_free);
  for (guint i = 0; i < desk_article_get_n_related (article); i++)
    {
      const DeskRelated *related = desk_article_get_related (article, i);
      g_autoptr (DeskArticle) other = NULL;

      if (related->id <= 0)
        g_ptr_array_add (resolved, desk_related_copy (related));
      else if ((other = desk_store_load (store, related->id, NULL)) != NULL)
        g_ptr_array_add (resolved, desk_related_new (related->id,
                                                     desk_article_get_kicker (other),
                                                     desk_article_get_headline (other),
                                                     desk_article_get_deck (other), ""));
    }
  desk_article_clear_related (article);
  for (guint i = 0; i < resolved->len; i++)
    desk_article_append_related (article, g_ptr_array_index (resolved, i));
}

static int
check_export_options (Cli *cli)
{
  const char *format = cli->format ? cli->format : "html";
  DeskPaper paper;

  if (!g_str_equal (format, "json") && !g_str_equal (format, "html") &&
      !g_str_equal (format, "text"))
    {
      fail ("--format", _("unknown format “%s” (expected json, html or text)"), format);
      return EXIT_USAGE;
    }
  if (cli->paper && !desk_paper_from_string (cli->paper, &paper))
    {
      fail ("--paper", _("unknown paper size “%s” (expected a4 or letter)"), cli->paper);
      return EXIT_USAGE;
    }
  if (cli->paper && !g_str_equal (format, "html"))
    {
      fail ("--paper", _("only an HTML export has a paper size"));
      return EXIT_USAGE;
    }
  if (cli->output && cli->output[0] == '\0')
    {
      fail ("-o", _("the file name is empty"));
      return EXIT_USAGE;
    }
  return 0;
}

static DeskRelated *
find_related_cb (gint64   id,
                 gpointer user_data)
{
  g_autoptr (DeskArticle) other = desk_store_load (DESK_STORE (user_data), id, NULL);

  if (other == NULL)
    return NULL;
  return desk_related_new (id, desk_article_get_kicker (other), desk_article_get_headline (other),
                           desk_article_get_deck (other), "");
}

static char *
render (Cli         *cli,
        DeskStore   *store,
        DeskArticle *article)
{
  const char *format = cli->format ? cli->format : "html";

  if (g_str_equal (format, "json"))
    return desk_json_write_article (article, TRUE);
  resolve_related (store, article);
  return desk_text_write (article);
}

static gboolean
writes_to_file (Cli *cli)
{
  return cli->output != NULL && !g_str_equal (cli->output, "-");
}

static int
check_output_folder (Cli *cli)
{
  g_autofree char *folder = NULL;

  if (!writes_to_file (cli))
    return 0;
  folder = g_path_get_dirname (cli->output);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return 0;
  fail (cli->output, _("the folder “%s” does not exist"), folder);
  return 1;
}

/* The file is replaced in one step: a failed export leaves no half file. */
static int
write_output (Cli        *cli,
              const char *text)
{
  g_autoptr (GError) error = NULL;

  if (!writes_to_file (cli))
    return write_stdout (cli->command, text);
  if (!g_file_set_contents_full (cli->output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &error))
    {
      fail (cli->output, "%s", error->message);
      return 1;
    }
  return 0;
}

static gboolean
is_html (Cli *cli)
{
  return cli->format == NULL || g_str_equal (cli->format, "html");
}

/* A file beside the output, renamed over it once complete; or standard output. */
static GOutputStream *
open_html_output (Cli    *cli,
                  char  **temp)
{
  g_autofree char *name = NULL;
  int fd;

  *temp = NULL;
  if (!writes_to_file (cli))
    return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  name = g_strconcat (cli->output, ".XXXXXX", NULL);
  fd = g_mkstemp_full (name, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;

      fail (cli->output, "%s", g_strerror (saved));
      return NULL;
    }
  *temp = g_steal_pointer (&name);
  return g_unix_output_stream_new (fd, TRUE);
}

/* Returns: FALSE, with @error from errno */
static gboolean
set_error_from_errno (GError **error)
{
  int saved = errno;

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
  return FALSE;
}

/* As g_file_set_contents_full() with G_FILE_SET_CONTENTS_CONSISTENT: the data
 * reaches the disk before it replaces a file that has some. */
static gboolean
replace_output (Cli           *cli,
                GOutputStream *out,
                const char    *temp,
                GError       **error)
{
  GStatBuf st;
  int fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (out));

  if (g_lstat (cli->output, &st) == 0 && st.st_size > 0 && fsync (fd) != 0)
    return set_error_from_errno (error);
  if (!g_output_stream_close (out, NULL, error))
    return FALSE;
  if (g_rename (temp, cli->output) != 0)
    return set_error_from_errno (error);
  return TRUE;
}

/* Streams the export to its file as it is written, so no copy of the whole
 * document is ever held; a failed export leaves no file behind. */
static int
export_html (Cli         *cli,
             DeskStore   *store,
             DeskArticle *article)
{
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *temp = NULL, *warning = NULL;
  DeskHtmlOptions options;
  gboolean ok;

  desk_html_options_init (&options);
  if (cli->paper)
    desk_paper_from_string (cli->paper, &options.paper);
  options.resolve_related = find_related_cb;
  options.resolve_data = store;
  if ((out = open_html_output (cli, &temp)) == NULL)
    return 1;
  ok = desk_html_write (article, &options, out, &warning, NULL, &error) &&
       (temp != NULL ? replace_output (cli, out, temp, &error)
                     : g_output_stream_close (out, NULL, &error));
  if (!ok && temp != NULL)
    g_unlink (temp);
  if (!ok && temp == NULL && error->domain == G_IO_ERROR)
    fail (cli->command, _("cannot write to standard output: %s"), error->message);
  else if (!ok)
    fail (temp != NULL && error->domain == G_IO_ERROR ? cli->output : cli->command, "%s",
          error->message);
  else if (warning != NULL)
    fprintf (stderr, "copydesk: %s: %s\n", _("warning"), warning);
  return ok ? 0 : 1;
}

static int
run_export (Cli *cli)
{
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (DeskArticle) article = NULL;
  g_autofree char *text = NULL;
  gint64 id;
  int status;

  if ((status = check_export_options (cli)) != 0)
    return status;
  if (!parse_id (cli->command, g_ptr_array_index (cli->args, 0), &id))
    return EXIT_USAGE;
  if ((status = check_output_folder (cli)) != 0)
    return status;
  /* fontconfig reads its configuration while the story is read */
  if (is_html (cli))
    desk_fonts_load_config_in_background ();
  if ((status = open_library (cli, FALSE, &store)) != 0)
    return status;
  if ((article = load_story (cli, store, id)) == NULL)
    return 1;
  if (is_html (cli))
    return export_html (cli, store, article);
  if ((text = render (cli, store, article)) == NULL)
    return 1;
  return write_output (cli, text);
}
