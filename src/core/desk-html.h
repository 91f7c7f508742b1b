/* desk-html.h — the print-ready HTML export of a story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-article.h"

G_BEGIN_DECLS

#define DESK_HTML_ERROR (desk_html_error_quark ())

typedef enum {
  DESK_HTML_ERROR_NO_HEADLINE, /* a story without a headline cannot be exported */
} DeskHtmlError;

typedef enum {
  DESK_PAPER_A4,
  DESK_PAPER_LETTER,
} DeskPaper;

/* Looks up a related story of the library by id; returns a new teaser or %NULL. */
typedef DeskRelated *(*DeskHtmlResolveFunc) (gint64   id,
                                             gpointer user_data);

typedef struct {
  DeskPaper paper;
  DeskDashStyle dash;
  const char *text_font;      /* family name, or NULL for the default serif */
  const char *display_font;   /* family name, or NULL for the default sans */
  DeskHtmlResolveFunc resolve_related;
  gpointer resolve_data;
} DeskHtmlOptions;

GQuark    desk_html_error_quark      (void);
void      desk_html_options_init     (DeskHtmlOptions        *options);
gboolean  desk_html_write            (DeskArticle            *article,
                                      const DeskHtmlOptions  *options,
                                      GOutputStream          *out,
                                      char                  **warning,
                                      GCancellable           *cancellable,
                                      GError                **error);
char     *desk_html_suggest_filename (DeskArticle            *article);
gboolean  desk_paper_from_string     (const char             *str,
                                      DeskPaper              *paper);

G_END_DECLS
