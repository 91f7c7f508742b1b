/* desk-html-private.h — helpers the HTML export's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-block.h"
#include "desk-typography.h"

G_BEGIN_DECLS

void  desk_html_append_escaped_len (GString         *buf,
                                    const char      *text,
                                    gssize           len);
void  desk_html_append_escaped     (GString         *buf,
                                    const char      *text);
void  desk_html_append_css_string  (GString         *buf,
                                    const char      *text);
gsize desk_html_trimmed_length     (const char      *text);
void  desk_html_append_text        (GString         *buf,
                                    const char      *text,
                                    const char      *language,
                                    DeskDashStyle    dash);
void  desk_html_append_rich        (GString         *buf,
                                    const DeskBlock *block,
                                    const char      *language,
                                    DeskDashStyle    dash);

G_END_DECLS
