/* desk-format.c — words the interface shows for model values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-format.h"

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static char *
format_day (GDateTime *when,
            GDateTime *now)
{
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (same_day (when, yesterday))
    return g_strdup (_("Yesterday"));
  if (g_date_time_get_year (when) == g_date_time_get_year (now))
    /* Translators: a date in the current year, in g_date_time_format() syntax */
    return g_date_time_format (when, _("%b %-e"));
  /* Translators: a date in another year, in g_date_time_format() syntax */
  return g_date_time_format (when, _("%b %-e, %Y"));
}

/**
 * desk_format_relative_time:
 * @unix_time: the moment, in Unix seconds
 * @now: (nullable): the present, in local time; %NULL for the clock
 *
 * Returns: "Just now", "5 min ago", "3 hours ago", "Yesterday" or a date.
 */
char *
desk_format_relative_time (gint64     unix_time,
                           GDateTime *now)
{
  g_autoptr (GDateTime) clock = now ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (unix_time);
  gint64 seconds = g_date_time_to_unix (clock) - unix_time;

  if (when == NULL)
    return g_strdup ("");
  if (seconds < 60)
    return g_strdup (_("Just now"));
  if (seconds < 60 * 60)
    {
      int minutes = seconds / 60;
      return g_strdup_printf (ngettext ("%d min ago", "%d min ago", minutes), minutes);
    }
  if (same_day (when, clock))
    {
      int hours = seconds / (60 * 60);
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), hours);
    }
  return format_day (when, clock);
}

char *
desk_format_word_count (guint words)
{
  return g_strdup_printf (ngettext ("%u word", "%u words", words), words);
}

const char *
desk_format_status (DeskStatus status)
{
  switch (status)
    {
    case DESK_STATUS_DRAFT:
      return C_("story status", "Draft");
    case DESK_STATUS_EDITING:
      return C_("story status", "Editing");
    case DESK_STATUS_READY:
      return C_("story status", "Ready");
    case DESK_STATUS_PUBLISHED:
      return C_("story status", "Published");
    default:
      return "";
    }
}

const char *
desk_format_revision_kind (DeskRevisionKind kind)
{
  switch (kind)
    {
    case DESK_REVISION_AUTOSAVE:
      return C_("revision kind", "Autosave");
    case DESK_REVISION_MANUAL:
      return C_("revision kind", "Saved version");
    case DESK_REVISION_STATUS:
      return C_("revision kind", "Status changed");
    case DESK_REVISION_RESTORE:
      return C_("revision kind", "Restored");
    case DESK_REVISION_CLOSE:
      return C_("revision kind", "Closed");
    default:
      return "";
    }
}
