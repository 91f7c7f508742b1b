/* desk-cli-table.c — the library list as a table for a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "desk-cli-table.h"
#include "desk-summary.h"

/* In the order of DeskStatus; the JSON output keeps the untranslated names. */
static const char *status_labels[] = {
  NC_("story status", "draft"),
  NC_("story status", "editing"),
  NC_("story status", "ready"),
  NC_("story status", "published"),
};

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* One line of at most @width columns; what does not fit ends in "…". */
static char *
fit_to_width (const char *text,
              guint       width)
{
  GString *out = g_string_new (NULL);
  gboolean fits = display_width (text) <= width;
  guint limit = fits ? width : width - 1;
  guint used = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (used + w > limit)
        break;
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
      used += w;
    }
  if (!fits)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
append_padded (GString    *line,
               const char *text,
               guint       width,
               gboolean    right)
{
  guint n = display_width (text);
  guint pad = width > n ? width - n : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

guint
desk_cli_terminal_width (void)
{
  struct winsize size;
  const char *columns = g_getenv ("COLUMNS");
  guint64 n;

  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  if (columns && g_ascii_string_to_unsigned (columns, 10, 20, 1000, &n, NULL))
    return (guint) n;
  return 100;
}

typedef struct {
  char *cells[5];
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->cells); i++)
    g_free (row->cells[i]);
}

static void
fill_row (Row               *row,
          const DeskSummary *summary)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (summary->modified);
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  row->cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, summary->id);
  row->cells[1] = g_strdup (summary->status < G_N_ELEMENTS (status_labels)
                            ? g_dpgettext2 (GETTEXT_PACKAGE, "story status",
                                            status_labels[summary->status])
                            : desk_status_to_string (summary->status));
  row->cells[2] = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
  row->cells[3] = g_strdup_printf ("%u", summary->words);
  row->cells[4] = g_strdup (summary->headline[0] ? summary->headline : _("(no headline)"));
}

/**
 * desk_cli_format_table:
 * @summaries: (element-type DeskSummary)
 * @width: the columns of the terminal; the headline is cut to fit
 *
 * Returns: the library list as a table with a header line, one line a story
 */
char *
desk_cli_format_table (GPtrArray *summaries,
                       guint      width)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), summaries->len + 1);
  guint widths[5] = { 0 }, used = 0;
  Row header = { { g_strdup (_("ID")), g_strdup (_("STATUS")), g_strdup (_("MODIFIED")),
                   g_strdup (_("WORDS")), g_strdup (_("HEADLINE")) } };

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  g_array_append_val (rows, header);
  for (guint i = 0; i < summaries->len; i++)
    {
      Row row = { { NULL } };

      fill_row (&row, g_ptr_array_index (summaries, i));
      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < rows->len; i++)
    for (guint c = 0; c < 4; c++)
      widths[c] = MAX (widths[c], display_width (g_array_index (rows, Row, i).cells[c]));
  for (guint c = 0; c < 4; c++)
    used += widths[c] + 2;
  widths[4] = MAX (width, used + 20) - used;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autoptr (GString) line = g_string_new (NULL);
      g_autofree char *headline = fit_to_width (row->cells[4], widths[4]);

      for (guint c = 0; c < 4; c++)
        append_padded (line, row->cells[c], widths[c], c == 0 || c == 3);
      g_string_append (line, headline);
      g_string_append_printf (out, "%s\n", line->str);
    }
  return g_string_free (out, FALSE);
}
