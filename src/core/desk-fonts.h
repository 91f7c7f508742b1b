/* desk-fonts.h — openly licensed faces, subset and embedded for an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  DESK_FONT_TEXT,    /* body copy: a serif by default */
  DESK_FONT_DISPLAY, /* headlines, kicker, deck, pull quotes: a sans by default */
} DeskFontRole;

#define DESK_N_FONT_ROLES 2

typedef enum {
  DESK_FACE_REGULAR = 1 << 0,
  DESK_FACE_BOLD    = 1 << 1,
  DESK_FACE_ITALIC  = 1 << 2,
} DeskFaceFlags;

#define DESK_TYPE_FONTS (desk_fonts_get_type ())

G_DECLARE_FINAL_TYPE (DeskFonts, desk_fonts, DESK, FONTS, GObject)

DeskFonts  *desk_fonts_new              (const char     *language,
                                         const char     *text_family,
                                         const char     *display_family);
void        desk_fonts_add_text         (DeskFonts      *self,
                                         DeskFontRole    role,
                                         const char     *text);
void        desk_fonts_use_faces        (DeskFonts      *self,
                                         DeskFontRole    role,
                                         DeskFaceFlags   faces);
void        desk_fonts_resolve          (DeskFonts      *self);
void        desk_fonts_prepare_in_background (DeskFonts *self);
gboolean    desk_fonts_is_ready         (DeskFonts      *self);
char       *desk_fonts_dup_css_stack    (DeskFonts      *self,
                                         DeskFontRole    role);
guint       desk_fonts_get_n_families   (DeskFonts      *self,
                                         DeskFontRole    role);
const char *desk_fonts_get_family       (DeskFonts      *self,
                                         DeskFontRole    role,
                                         guint           index);
gboolean    desk_fonts_write_css        (DeskFonts      *self,
                                         GOutputStream  *out,
                                         GCancellable   *cancellable,
                                         GError        **error);
const char *desk_fonts_get_warning      (DeskFonts      *self);
gboolean    desk_fonts_family_is_open   (const char     *family);
void        desk_fonts_load_config_in_background (void);
gboolean    desk_fonts_config_was_read  (void);

G_END_DECLS
