/* desk-fonts.c — openly licensed faces, subset and embedded for an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-fonts"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <hb-subset.h>
#include <string.h>

#include "desk-font-cache.h"
#include "desk-fonts.h"
#include "desk-labels.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPattern, FcPatternDestroy)

#define N_FACES DESK_FONT_CACHE_N_FACES /* the bit positions of DeskFaceFlags */
#define MAX_FALLBACKS 3

typedef struct {
  char *name;
  DeskFontFaces faces;
} FontFamily;

/* One face to embed, subset by whichever thread takes it first. */
typedef struct {
  FontFamily *family;
  guint slot;
  hb_set_t *chars; /* of the roles that use the face */
  hb_blob_t *blob; /* NULL until subset, or when it could not be */
} FaceJob;

struct _DeskFonts
{
  GObject parent_instance;

  char *language;
  char *requested[DESK_N_FONT_ROLES];
  DeskFaceFlags faces[DESK_N_FONT_ROLES];
  GPtrArray *families[DESK_N_FONT_ROLES]; /* of FontFamily, primary first */
  /* per role: each face is subset to the characters printed in it */
  hb_set_t *chars[DESK_N_FONT_ROLES];
  guint32 seen[DESK_N_FONT_ROLES][0x10000 / 32]; /* BMP code points already in chars */
  guint8 ascii[DESK_N_FONT_ROLES][0x80];         /* ASCII seen, not yet in chars */
  GString *warning;
  gboolean resolved;

  /* desk_fonts_prepare_in_background(): a worker resolves the faces and
   * subsets them while the caller goes on writing the document */
  GThread *worker;
  GMutex lock;
  GCond listed_cond;
  gboolean listed;   /* jobs is complete; under lock while a worker runs */
  GArray *jobs;      /* of FaceJob, in the order the CSS lists them */
  gint next_job;     /* atomic: the first job no thread has taken */
  gint worker_done;  /* atomic */
};

/* fontconfig's configuration, some fifty XML files, takes longer to read than
 * the rest of an export: the answers of earlier exports are kept in a cache
 * file, and only when that is out of date is the configuration read, on a
 * thread of its own meanwhile. */
static GMutex config_lock;
static GThread *config_thread;
static gboolean config_started; /* the loader ran or runs */
static gboolean config_read;    /* FcInit has been called */
static gboolean config_ok;      /* and succeeded */
static DeskFontCache *lookups;  /* set once the loader has run */

G_DEFINE_FINAL_TYPE (DeskFonts, desk_fonts, G_TYPE_OBJECT)

/* fontconfig has no license field: these families are known to be published
 * under the SIL Open Font License, Apache 2.0 or the Bitstream Vera/DejaVu terms. */
static const char *open_families[] = {
  "DejaVu", "Bitstream Vera", "Noto", "Liberation", "Source Serif", "Source Sans",
  "Source Code", "Vazirmatn", "Libertinus", "Linux Libertine", "Linux Biolinum",
  "Gentium", "Charis SIL", "Cantarell", "Fira", "IBM Plex", "Open Sans", "Roboto",
  "Lato", "EB Garamond", "Crimson", "Amiri", "Scheherazade", "Lateef", "Inter",
};

static const char *latin_text[] = { "Noto Serif", "DejaVu Serif", "Liberation Serif",
                                    "Source Serif 4", "Source Serif Pro", NULL };
static const char *latin_display[] = { "Noto Sans", "DejaVu Sans", "Liberation Sans",
                                       "Source Sans 3", "Source Sans Pro", NULL };
static const char *arabic_text[] = { "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic",
                                     "DejaVu Sans", NULL };
static const char *arabic_display[] = { "Vazirmatn", "Noto Sans Arabic", "Noto Naskh Arabic",
                                        "DejaVu Sans", NULL };
static const char *hebrew_text[] = { "Noto Serif Hebrew", "Noto Sans Hebrew", "DejaVu Serif", NULL };
static const char *hebrew_display[] = { "Noto Sans Hebrew", "DejaVu Sans", NULL };

gboolean
desk_fonts_family_is_open (const char *family)
{
  if (family == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (open_families); i++)
    {
      gsize n = strlen (open_families[i]);

      if (g_ascii_strncasecmp (family, open_families[i], n) == 0 &&
          (family[n] == '\0' || family[n] == ' '))
        return TRUE;
    }
  return FALSE;
}

static gboolean
language_is (const char *language,
             const char *list)
{
  g_auto (GStrv) tags = g_strsplit (list, " ", -1);

  for (guint i = 0; tags[i]; i++)
    if (desk_language_is (language, tags[i]))
      return TRUE;
  return FALSE;
}

static const char * const *
default_families (const char   *language,
                  DeskFontRole  role)
{
  gboolean text = role == DESK_FONT_TEXT;

  if (language_is (language, "ar fa ur ps ckb sd ug"))
    return text ? arabic_text : arabic_display;
  if (language_is (language, "he yi"))
    return text ? hebrew_text : hebrew_display;
  return text ? latin_text : latin_display;
}

static void
font_family_free (gpointer data)
{
  FontFamily *family = data;

  g_free (family->name);
  desk_font_faces_clear (&family->faces);
  g_free (family);
}

static void wait_for_worker (DeskFonts *self);

static void
desk_fonts_finalize (GObject *object)
{
  DeskFonts *self = DESK_FONTS (object);

  wait_for_worker (self);
  for (guint i = 0; i < self->jobs->len; i++)
    {
      g_clear_pointer (&g_array_index (self->jobs, FaceJob, i).blob, hb_blob_destroy);
      hb_set_destroy (g_array_index (self->jobs, FaceJob, i).chars);
    }
  g_array_unref (self->jobs);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->listed_cond);
  g_free (self->language);
  for (guint i = 0; i < DESK_N_FONT_ROLES; i++)
    {
      g_free (self->requested[i]);
      g_ptr_array_unref (self->families[i]);
      hb_set_destroy (self->chars[i]);
    }
  g_string_free (self->warning, TRUE);

  G_OBJECT_CLASS (desk_fonts_parent_class)->finalize (object);
}

static void
desk_fonts_class_init (DeskFontsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_fonts_finalize;
}

static void
desk_fonts_init (DeskFonts *self)
{
  for (guint i = 0; i < DESK_N_FONT_ROLES; i++)
    {
      self->families[i] = g_ptr_array_new_with_free_func (font_family_free);
      self->faces[i] = DESK_FACE_REGULAR;
      self->chars[i] = hb_set_create ();
    }
  self->warning = g_string_new (NULL);
  self->jobs = g_array_new (FALSE, TRUE, sizeof (FaceJob));
  g_mutex_init (&self->lock);
  g_cond_init (&self->listed_cond);
  /* digits for the page counter, and what the CSS prints around links,
   * attributions and a shortened running head */
  desk_fonts_add_text (self, DESK_FONT_TEXT, "0123456789 ()–—…");
  desk_fonts_add_text (self, DESK_FONT_DISPLAY, "0123456789 ()–—…");
}

/**
 * desk_fonts_new:
 * @language: the story's language; picks the default faces for its script
 * @text_family: (nullable): a family for body copy, or %NULL for the default serif
 * @display_family: (nullable): a family for headlines, or %NULL for the default sans
 */
DeskFonts *
desk_fonts_new (const char *language,
                const char *text_family,
                const char *display_family)
{
  DeskFonts *self = g_object_new (DESK_TYPE_FONTS, NULL);

  self->language = g_strdup (language ? language : "");
  self->requested[DESK_FONT_TEXT] = g_strdup (text_family && *text_family ? text_family : NULL);
  self->requested[DESK_FONT_DISPLAY] =
    g_strdup (display_family && *display_family ? display_family : NULL);
  return self;
}

static inline void
add_char (DeskFonts    *self,
          DeskFontRole  role,
          gunichar      c)
{
  if (c < 0x10000)
    {
      guint32 bit = 1u << (c & 31);

      /* hb_set_add is costly next to a bit test, and a story repeats its characters */
      if (self->seen[role][c >> 5] & bit)
        return;
      self->seen[role][c >> 5] |= bit;
    }
  hb_set_add (self->chars[role], c);
}

/**
 * desk_fonts_add_text:
 * @role: the faces that print @text
 *
 * Collects the characters the document prints in @role's faces, which are
 * subset to them.
 */
void
desk_fonts_add_text (DeskFonts    *self,
                     DeskFontRole  role,
                     const char   *text)
{
  const guchar *p = (const guchar *) (text ? text : "");

  g_return_if_fail (DESK_IS_FONTS (self));
  g_return_if_fail (role < DESK_N_FONT_ROLES);
  g_return_if_fail (self->worker == NULL && !self->listed);

  while (*p)
    {
      if (*p < 0x80)
        self->ascii[role][*p++] = TRUE;
      else
        {
          add_char (self, role, g_utf8_get_char ((const char *) p));
          p = (const guchar *) g_utf8_next_char (p);
        }
    }
}

/* Moves the ASCII characters seen into chars. */
static void
merge_ascii (DeskFonts *self)
{
  for (guint role = 0; role < DESK_N_FONT_ROLES; role++)
    for (gunichar c = 0; c < G_N_ELEMENTS (self->ascii[role]); c++)
      if (self->ascii[role][c])
        add_char (self, role, c);
}

void
desk_fonts_use_faces (DeskFonts     *self,
                      DeskFontRole   role,
                      DeskFaceFlags  faces)
{
  g_return_if_fail (DESK_IS_FONTS (self));
  g_return_if_fail (role < DESK_N_FONT_ROLES);
  g_return_if_fail (self->worker == NULL && !self->listed);

  self->faces[role] |= faces;
}

static int
face_slot (FcPattern *font)
{
  int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;

  FcPatternGetInteger (font, FC_WEIGHT, 0, &weight);
  FcPatternGetInteger (font, FC_SLANT, 0, &slant);
  if (slant != FC_SLANT_ROMAN)
    return weight >= FC_WEIGHT_MEDIUM ? -1 : 2;
  if (weight >= FC_WEIGHT_DEMIBOLD && weight <= FC_WEIGHT_EXTRABOLD)
    return weight == FC_WEIGHT_BOLD ? 1 : 11; /* 11: a bold only if there is no true Bold */
  if (weight >= FC_WEIGHT_BOOK && weight <= FC_WEIGHT_MEDIUM)
    return weight == FC_WEIGHT_REGULAR ? 0 : 10;
  return -1;
}

/* Whether fontconfig's entry is a plain, static face HarfBuzz can subset. */
static gboolean
font_is_usable (FcPattern *font)
{
  FcChar8 *format = NULL;
  FcBool variable = FcFalse;
  int width = FC_WIDTH_NORMAL;

  FcPatternGetInteger (font, FC_WIDTH, 0, &width);
  FcPatternGetBool (font, FC_VARIABLE, 0, &variable);
  if (FcPatternGetString (font, FC_FONTFORMAT, 0, &format) != FcResultMatch)
    return FALSE;
  return width == FC_WIDTH_NORMAL && !variable &&
         (g_str_equal (format, "TrueType") || g_str_equal (format, "CFF"));
}

static void
take_face (DeskFontFaces *faces,
           FcPattern     *font,
           int            slot,
           gboolean       exact)
{
  FcChar8 *file = NULL, *format = NULL;
  int index = 0;

  if (faces->file[slot] != NULL && !exact)
    return;
  FcPatternGetString (font, FC_FILE, 0, &file);
  FcPatternGetString (font, FC_FONTFORMAT, 0, &format);
  FcPatternGetInteger (font, FC_INDEX, 0, &index);
  g_free (faces->file[slot]);
  faces->file[slot] = g_strdup ((const char *) file);
  faces->index[slot] = index;
  faces->cff[slot] = g_strcmp0 ((const char *) format, "CFF") == 0;
  if (slot == 0)
    {
      FcCharSet *charset = NULL;

      g_clear_pointer (&faces->charset, FcCharSetDestroy);
      if (FcPatternGetCharSet (font, FC_CHARSET, 0, &charset) == FcResultMatch)
        faces->charset = FcCharSetCopy (charset);
    }
}

/* The usable faces of @name, as fontconfig lists them. */
static void
list_faces (const char    *name,
            DeskFontFaces *faces)
{
  g_autoptr (FcPattern) pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_WIDTH,
                                           FC_FONTFORMAT, FC_VARIABLE, FC_CHARSET, NULL);
  FcFontSet *set;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) name);
  set = FcFontList (NULL, pattern, objects);
  FcObjectSetDestroy (objects);
  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      int slot = face_slot (set->fonts[i]);

      if (slot < 0 || !font_is_usable (set->fonts[i]))
        continue;
      take_face (faces, set->fonts[i], slot % 10, slot < 10);
    }
  if (set != NULL)
    FcFontSetDestroy (set);
}

static gboolean ensure_config (void);

/* The installed faces of @name, or %NULL when it has no usable regular face:
 * as the cache remembers them, else as fontconfig lists them. */
static FontFamily *
load_family (const char *name)
{
  FontFamily *family = g_new0 (FontFamily, 1);

  family->name = g_strdup (name);
  if (desk_font_cache_lookup (lookups, name, &family->faces) == DESK_FONT_CACHE_UNKNOWN &&
      ensure_config ())
    {
      list_faces (name, &family->faces);
      desk_font_cache_add (lookups, name, &family->faces);
    }
  if (family->faces.file[0] == NULL || family->faces.charset == NULL)
    {
      font_family_free (family);
      return NULL;
    }
  return family;
}

static void
add_warning (DeskFonts  *self,
             const char *message)
{
  if (strstr (self->warning->str, message) != NULL)
    return;
  if (self->warning->len)
    g_string_append_c (self->warning, ' ');
  g_string_append (self->warning, message);
}

static FontFamily *
pick_primary (DeskFonts    *self,
              DeskFontRole  role)
{
  const char *requested = self->requested[role];
  const char * const *defaults = default_families (self->language, role);

  if (requested != NULL)
    {
      FontFamily *family = desk_fonts_family_is_open (requested) ? load_family (requested) : NULL;
      g_autofree char *message = NULL;

      if (family != NULL)
        return family;
      if (!desk_fonts_family_is_open (requested))
        message = g_strdup_printf (_("The font “%s” is not on the list of openly licensed "
                                     "fonts that may be embedded; a default font was used."),
                                   requested);
      else
        message = g_strdup_printf (_("The font “%s” is not installed; a default font was used."),
                                   requested);
      add_warning (self, message);
    }
  for (guint i = 0; defaults[i] != NULL; i++)
    {
      FontFamily *family = load_family (defaults[i]);

      if (family != NULL)
        return family;
    }
  return NULL;
}

static gboolean
needs_glyph (hb_codepoint_t c)
{
  return c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && !(c >= 0x200B && c <= 0x200F) &&
         !(c >= 0x2060 && c <= 0x206F) && c != 0xFEFF && c != 0xAD;
}

static FcCharSet *
missing_chars (DeskFonts    *self,
               DeskFontRole  role)
{
  GPtrArray *families = self->families[role];
  FcCharSet *missing = FcCharSetCreate ();
  hb_codepoint_t c = HB_SET_VALUE_INVALID;

  while (hb_set_next (self->chars[role], &c))
    {
      gboolean covered = FALSE;

      for (guint i = 0; i < families->len && !covered; i++)
        covered = FcCharSetHasChar (((FontFamily *) g_ptr_array_index (families, i))->faces.charset,
                                    c);
      if (!covered && needs_glyph (c))
        FcCharSetAddChar (missing, c);
    }
  return missing;
}

static gboolean
has_family (GPtrArray  *families,
            const char *name)
{
  for (guint i = 0; i < families->len; i++)
    if (g_str_equal (((FontFamily *) g_ptr_array_index (families, i))->name, name))
      return TRUE;
  return FALSE;
}

/* Adds openly licensed families for characters the primary face lacks
 * (Latin digits in a Persian story, say); returns those still missing. */
static FcCharSet *
add_fallbacks (DeskFonts    *self,
               DeskFontRole  role)
{
  GPtrArray *families = self->families[role];
  FcCharSet *missing = missing_chars (self, role);
  g_autoptr (FcPattern) pattern = FcPatternCreate ();
  FcFontSet *sorted;
  FcResult result;
  guint added = 0;

  if (FcCharSetCount (missing) == 0 || !ensure_config ())
    return missing;
  FcPatternAddCharSet (pattern, FC_CHARSET, missing);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  sorted = FcFontSort (NULL, pattern, FcTrue, NULL, &result);
  for (int i = 0; sorted != NULL && i < sorted->nfont && added < MAX_FALLBACKS; i++)
    {
      FcChar8 *name = NULL;
      FcCharSet *charset = NULL;
      FontFamily *family;

      if (FcPatternGetString (sorted->fonts[i], FC_FAMILY, 0, &name) != FcResultMatch ||
          FcPatternGetCharSet (sorted->fonts[i], FC_CHARSET, 0, &charset) != FcResultMatch ||
          !desk_fonts_family_is_open ((const char *) name) ||
          has_family (families, (const char *) name) ||
          FcCharSetIntersectCount (charset, missing) == 0)
        continue;
      family = load_family ((const char *) name);
      if (family == NULL)
        continue;
      g_ptr_array_add (families, family);
      added++;
      FcCharSetDestroy (missing);
      missing = missing_chars (self, role);
      if (FcCharSetCount (missing) == 0)
        break;
    }
  if (sorted != NULL)
    FcFontSetDestroy (sorted);
  return missing;
}

static void
warn_missing (DeskFonts *self,
              FcCharSet *missing)
{
  g_autofree char *message = NULL;
  guint n = FcCharSetCount (missing);

  if (n == 0)
    return;
  message = g_strdup_printf (ngettext ("%u character has no openly licensed font on this "
                                       "computer and prints in the reader’s default font.",
                                       "%u characters have no openly licensed font on this "
                                       "computer and print in the reader’s default font.", n),
                             n);
  add_warning (self, message);
}

/* Loads the cache file; only when it is out of date, fontconfig's configuration. */
static gpointer
load_config_cb (gpointer data)
{
  g_autofree char *path = desk_font_cache_dup_default_path ();

  lookups = desk_font_cache_load (path);
  if (lookups != NULL)
    return NULL;
  lookups = desk_font_cache_new ();
  config_ok = FcInit ();
  config_read = TRUE;
  return NULL;
}

/**
 * desk_fonts_load_config_in_background:
 *
 * Starts reading the cached font lookups, or when they are out of date
 * fontconfig's configuration, on a thread of its own, so that they are ready
 * by the time an export needs its fonts. Does nothing after the first call.
 */
void
desk_fonts_load_config_in_background (void)
{
  g_mutex_lock (&config_lock);
  if (!config_started)
    {
      config_started = TRUE;
      config_thread = g_thread_try_new ("desk-fontconfig", load_config_cb, NULL, NULL);
    }
  g_mutex_unlock (&config_lock);
}

/* Returns: whether families can be looked up: in the cache, or through fontconfig */
static gboolean
ensure_lookups (void)
{
  gboolean ok;

  g_mutex_lock (&config_lock);
  config_started = TRUE;
  if (config_thread != NULL)
    g_thread_join (g_steal_pointer (&config_thread));
  if (lookups == NULL)
    load_config_cb (NULL);
  ok = !config_read || config_ok;
  g_mutex_unlock (&config_lock);
  return ok;
}

/* fontconfig's configuration, for what the cache cannot answer. */
static gboolean
ensure_config (void)
{
  gboolean ok;

  ensure_lookups ();
  g_mutex_lock (&config_lock);
  ok = config_ok = FcInit ();
  config_read = TRUE;
  g_mutex_unlock (&config_lock);
  return ok;
}

/**
 * desk_fonts_config_was_read:
 *
 * Returns: whether fontconfig's configuration was read for an export in this
 *   process, rather than the lookups answered from the cache
 */
gboolean
desk_fonts_config_was_read (void)
{
  gboolean read;

  g_mutex_lock (&config_lock);
  read = config_read;
  g_mutex_unlock (&config_lock);
  return read;
}

static void
resolve (DeskFonts *self)
{
  FcCharSet *missing;

  merge_ascii (self);
  if (self->resolved)
    return;
  self->resolved = TRUE;
  if (!ensure_lookups ())
    {
      add_warning (self, _("Fonts could not be looked up; the export uses the reader’s "
                           "default fonts."));
      return;
    }
  missing = FcCharSetCreate ();
  for (guint role = 0; role < DESK_N_FONT_ROLES; role++)
    {
      FontFamily *primary = pick_primary (self, role);
      FcCharSet *role_missing;

      if (primary == NULL)
        {
          add_warning (self, _("No openly licensed font was found on this computer; the "
                               "export uses the reader’s default fonts."));
          continue;
        }
      g_ptr_array_add (self->families[role], primary);
      role_missing = add_fallbacks (self, role);
      FcCharSetMerge (missing, role_missing, NULL);
      FcCharSetDestroy (role_missing);
    }
  warn_missing (self, missing);
  FcCharSetDestroy (missing);
  desk_font_cache_save (lookups, NULL, NULL);
}

/**
 * desk_fonts_resolve:
 *
 * Finds the faces through fontconfig. Never fails: when nothing suitable is
 * installed the export names generic families and desk_fonts_get_warning() says so.
 */
void
desk_fonts_resolve (DeskFonts *self)
{
  g_return_if_fail (DESK_IS_FONTS (self));

  wait_for_worker (self);
  resolve (self);
}

guint
desk_fonts_get_n_families (DeskFonts    *self,
                           DeskFontRole  role)
{
  g_return_val_if_fail (DESK_IS_FONTS (self), 0);
  g_return_val_if_fail (role < DESK_N_FONT_ROLES, 0);

  desk_fonts_resolve (self);
  return self->families[role]->len;
}

const char *
desk_fonts_get_family (DeskFonts    *self,
                       DeskFontRole  role,
                       guint         index)
{
  g_return_val_if_fail (index < desk_fonts_get_n_families (self, role), NULL);

  return ((FontFamily *) g_ptr_array_index (self->families[role], index))->name;
}

static void
append_css_string (GString    *css,
                   const char *text)
{
  g_string_append_c (css, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\' || *p == '<' || *p == '>' || (guchar) *p < 0x20)
        g_string_append_printf (css, "\\%x ", (guint) (guchar) *p);
      else
        g_string_append_c (css, *p);
    }
  g_string_append_c (css, '"');
}

/**
 * desk_fonts_dup_css_stack:
 *
 * Returns: the value of a CSS font-family property: the embedded families,
 * then a generic family
 */
char *
desk_fonts_dup_css_stack (DeskFonts    *self,
                          DeskFontRole  role)
{
  GString *css = g_string_new (NULL);

  g_return_val_if_fail (DESK_IS_FONTS (self), NULL);

  desk_fonts_resolve (self);
  for (guint i = 0; i < self->families[role]->len; i++)
    {
      append_css_string (css, desk_fonts_get_family (self, role, i));
      g_string_append (css, ", ");
    }
  g_string_append (css, role == DESK_FONT_TEXT && default_families (self->language, role) ==
                          latin_text ? "serif" : "sans-serif");
  return g_string_free (css, FALSE);
}

static gboolean
write_base64 (GOutputStream  *out,
              const guint8   *data,
              gsize           len,
              GCancellable   *cancellable,
              GError        **error)
{
  enum { CHUNK = 3 * 4096 };
  char buffer[CHUNK / 3 * 4 + 8];
  int state = 0, save = 0;

  for (gsize at = 0; at < len; at += CHUNK)
    {
      gsize n = g_base64_encode_step (data + at, MIN (CHUNK, len - at), FALSE, buffer,
                                      &state, &save);

      if (!g_output_stream_write_all (out, buffer, n, NULL, cancellable, error))
        return FALSE;
    }
  return g_output_stream_write_all (out, buffer, g_base64_encode_close (FALSE, buffer, &state,
                                                                        &save),
                                    NULL, cancellable, error);
}

static hb_blob_t *
subset_face (const char     *file,
             int             index,
             const hb_set_t *chars)
{
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (file);
  hb_face_t *face, *subset;
  hb_subset_input_t *input;
  hb_blob_t *result = NULL;

  if (blob == NULL)
    return NULL;
  face = hb_face_create (blob, index);
  hb_blob_destroy (blob);
  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    {
      hb_face_destroy (face);
      return NULL;
    }
  hb_set_union (hb_subset_input_unicode_set (input), chars);
  subset = hb_subset_or_fail (face, input);
  if (subset != NULL)
    {
      result = hb_face_reference_blob (subset);
      hb_face_destroy (subset);
    }
  hb_subset_input_destroy (input);
  hb_face_destroy (face);
  return result;
}

static gboolean
write_face (DeskFonts     *self,
            FaceJob       *job,
            GOutputStream *out,
            GCancellable  *cancellable,
            GError       **error)
{
  FontFamily *family = job->family;
  guint slot = job->slot;
  g_autoptr (GString) css = g_string_new ("@font-face {\n  font-family: ");
  unsigned int len = 0;
  const char *data;

  if (job->blob == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The font “%s” could not be embedded."),
                                                  family->name);
      add_warning (self, message);
      return TRUE;
    }
  data = hb_blob_get_data (job->blob, &len);
  append_css_string (css, family->name);
  g_string_append_printf (css, ";\n  font-style: %s;\n  font-weight: %d;\n  src: url(data:%s;base64,",
                          slot == 2 ? "italic" : "normal", slot == 1 ? 700 : 400,
                          family->faces.cff[slot] ? "font/otf" : "font/ttf");
  if (!g_output_stream_write_all (out, css->str, css->len, NULL, cancellable, error) ||
      !write_base64 (out, (const guint8 *) data, len, cancellable, error))
    return FALSE;
  g_string_printf (css, ") format(\"%s\");\n}\n", family->faces.cff[slot] ? "opentype" : "truetype");
  return g_output_stream_write_all (out, css->str, css->len, NULL, cancellable, error);
}

/* One job per used face, each family's once even when both roles use it: then
 * with the characters of both. */
static void
list_jobs (DeskFonts *self)
{
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  merge_ascii (self);
  for (guint role = 0; role < DESK_N_FONT_ROLES; role++)
    for (guint i = 0; i < self->families[role]->len; i++)
      {
        FontFamily *family = g_ptr_array_index (self->families[role], i);

        for (guint slot = 0; slot < N_FACES; slot++)
          {
            char *key = g_strdup_printf ("%s/%u", family->name, slot);
            gpointer index;
            FaceJob job = { family, slot, NULL, NULL };

            if (!(self->faces[role] & (1 << slot)) || family->faces.file[slot] == NULL)
              g_free (key);
            else if (g_hash_table_lookup_extended (listed, key, NULL, &index))
              {
                hb_set_union (g_array_index (self->jobs, FaceJob, GPOINTER_TO_UINT (index)).chars,
                              self->chars[role]);
                g_free (key);
              }
            else
              {
                job.chars = hb_set_copy (self->chars[role]);
                g_hash_table_insert (listed, key, GUINT_TO_POINTER (self->jobs->len));
                g_array_append_val (self->jobs, job);
              }
          }
      }
}

/* Subsets faces until none is left; the worker and the writer both run it,
 * each job's characters read by the one thread that takes it. */
static void
run_jobs (DeskFonts *self)
{
  int next;

  while ((next = g_atomic_int_add (&self->next_job, 1)) < (int) self->jobs->len)
    {
      FaceJob *job = &g_array_index (self->jobs, FaceJob, next);

      job->blob = subset_face (job->family->faces.file[job->slot], job->family->faces.index[job->slot],
                               job->chars);
    }
}

static gpointer
prepare_cb (gpointer data)
{
  DeskFonts *self = data;

  resolve (self);
  g_mutex_lock (&self->lock);
  list_jobs (self);
  self->listed = TRUE;
  g_cond_signal (&self->listed_cond);
  g_mutex_unlock (&self->lock);
  run_jobs (self);
  g_atomic_int_set (&self->worker_done, TRUE);
  return NULL;
}

/**
 * desk_fonts_prepare_in_background:
 *
 * Resolves and subsets the faces on a worker thread, once every character has
 * been added. Until desk_fonts_is_ready() the caller may do other work (write
 * the body of the document somewhere); any later call on @self waits for the
 * worker, and desk_fonts_write_css() lends it a hand with the subsetting.
 */
void
desk_fonts_prepare_in_background (DeskFonts *self)
{
  g_return_if_fail (DESK_IS_FONTS (self));
  g_return_if_fail (self->worker == NULL && !self->listed);

  if (self->resolved)
    return; /* a caller that resolved already has nothing to overlap */
  self->worker = g_thread_try_new ("desk-fonts", prepare_cb, self, NULL);
}

/* Whether desk_fonts_write_css() can write without waiting for the worker. */
gboolean
desk_fonts_is_ready (DeskFonts *self)
{
  g_return_val_if_fail (DESK_IS_FONTS (self), TRUE);

  return self->worker == NULL || g_atomic_int_get (&self->worker_done);
}

static void
wait_for_worker (DeskFonts *self)
{
  if (self->worker == NULL)
    return;
  g_mutex_lock (&self->lock);
  while (!self->listed)
    g_cond_wait (&self->listed_cond, &self->lock);
  g_mutex_unlock (&self->lock);
  run_jobs (self);
  g_thread_join (g_steal_pointer (&self->worker));
}

/**
 * desk_fonts_write_css:
 *
 * Writes one @font-face rule per used face, each a subset to the characters
 * added, as a base64 data: URI streamed to @out.
 */
gboolean
desk_fonts_write_css (DeskFonts      *self,
                      GOutputStream  *out,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (DESK_IS_FONTS (self), FALSE);

  wait_for_worker (self);
  if (!self->listed)
    {
      resolve (self);
      list_jobs (self);
      self->listed = TRUE;
      run_jobs (self);
    }
  for (guint i = 0; i < self->jobs->len; i++)
    {
      FaceJob *job = &g_array_index (self->jobs, FaceJob, i);

      if (!write_face (self, job, out, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* Returns: (nullable): what the user should know about the fonts, or %NULL */
const char *
desk_fonts_get_warning (DeskFonts *self)
{
  g_return_val_if_fail (DESK_IS_FONTS (self), NULL);

  wait_for_worker (self);
  return self->warning->len ? self->warning->str : NULL;
}
