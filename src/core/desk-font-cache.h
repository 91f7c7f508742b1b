/* desk-font-cache.h — fontconfig's answers about families, kept between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <fontconfig/fontconfig.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define DESK_FONT_CACHE_N_FACES 3 /* regular, bold, italic */

/* The faces of one family as the export picks them. */
typedef struct {
  char *file[DESK_FONT_CACHE_N_FACES]; /* NULL: no such face */
  int index[DESK_FONT_CACHE_N_FACES];
  gboolean cff[DESK_FONT_CACHE_N_FACES];  /* CFF rather than TrueType outlines */
  FcCharSet *charset; /* of the regular face */
} DeskFontFaces;

void desk_font_faces_clear (DeskFontFaces *faces);

typedef enum {
  DESK_FONT_CACHE_UNKNOWN,       /* never looked up: ask fontconfig */
  DESK_FONT_CACHE_NOT_INSTALLED,
  DESK_FONT_CACHE_FOUND,
} DeskFontCacheAnswer;

#define DESK_TYPE_FONT_CACHE (desk_font_cache_get_type ())

G_DECLARE_FINAL_TYPE (DeskFontCache, desk_font_cache, DESK, FONT_CACHE, GObject)

char               *desk_font_cache_dup_default_path (void);
DeskFontCache      *desk_font_cache_new              (void);
DeskFontCache      *desk_font_cache_load             (const char           *path);
DeskFontCacheAnswer desk_font_cache_lookup           (DeskFontCache        *self,
                                                      const char           *family,
                                                      DeskFontFaces        *faces);
void                desk_font_cache_add              (DeskFontCache        *self,
                                                      const char           *family,
                                                      const DeskFontFaces  *faces);
gboolean            desk_font_cache_save             (DeskFontCache        *self,
                                                      const char           *path,
                                                      GError              **error);

G_END_DECLS
