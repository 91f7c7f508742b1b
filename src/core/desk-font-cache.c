/* desk-font-cache.c — fontconfig's answers about families, kept between runs
 *
 * Reading fontconfig's configuration takes longer than the rest of an export.
 * The families an export looked up are kept in a small key file with what
 * fontconfig answered, and with the stamps (mtime and size) of every file and
 * directory that could change the answer: fontconfig's configuration, the
 * user's configuration even while absent, the font directories (fontconfig's
 * own caches go stale with their mtimes too) and the font files named. The
 * file is only believed while all of them, fontconfig's version and the
 * environment variables that steer it are unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-fonts"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "desk-font-cache.h"

#define CACHE_VERSION 1
#define N_FACES DESK_FONT_CACHE_N_FACES

typedef struct {
  gboolean installed;
  DeskFontFaces faces;
} Entry;

struct _DeskFontCache
{
  GObject parent_instance;

  GMutex lock;
  GHashTable *families; /* name → Entry */
  gboolean dirty;       /* added to since loaded */
};

G_DEFINE_FINAL_TYPE (DeskFontCache, desk_font_cache, G_TYPE_OBJECT)

static const char *steering_variables[] = {
  "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
  "HOME",
};

void
desk_font_faces_clear (DeskFontFaces *faces)
{
  for (guint i = 0; i < N_FACES; i++)
    g_clear_pointer (&faces->file[i], g_free);
  g_clear_pointer (&faces->charset, FcCharSetDestroy);
}

static void
copy_faces (DeskFontFaces       *to,
            const DeskFontFaces *from)
{
  for (guint i = 0; i < N_FACES; i++)
    {
      to->file[i] = g_strdup (from->file[i]);
      to->index[i] = from->index[i];
      to->cff[i] = from->cff[i];
    }
  to->charset = from->charset ? FcCharSetCopy (from->charset) : NULL;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  desk_font_faces_clear (&entry->faces);
  g_free (entry);
}

static void
desk_font_cache_finalize (GObject *object)
{
  DeskFontCache *self = DESK_FONT_CACHE (object);

  g_hash_table_unref (self->families);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (desk_font_cache_parent_class)->finalize (object);
}

static void
desk_font_cache_class_init (DeskFontCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_font_cache_finalize;
}

static void
desk_font_cache_init (DeskFontCache *self)
{
  self->families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  g_mutex_init (&self->lock);
}

/* Returns: the cache file in the user's cache directory */
char *
desk_font_cache_dup_default_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "copydesk", "font-lookups.ini", NULL);
}

DeskFontCache *
desk_font_cache_new (void)
{
  return g_object_new (DESK_TYPE_FONT_CACHE, NULL);
}

/* "mtime:size" of @path, to nanoseconds, or "missing". */
static char *
stamp (const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return g_strdup ("missing");
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%09ld:%" G_GINT64_FORMAT, (gint64) st.st_mtim.tv_sec,
                          (long) st.st_mtim.tv_nsec, (gint64) st.st_size);
}

static char **
steering_environment (void)
{
  GPtrArray *env = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (steering_variables); i++)
    {
      const char *value = g_getenv (steering_variables[i]);

      g_ptr_array_add (env, value ? g_strconcat (steering_variables[i], "=", value, NULL)
                                  : g_strdup (steering_variables[i]));
    }
  g_ptr_array_add (env, NULL);
  return (char **) g_ptr_array_free (env, FALSE);
}

static void
watch (GPtrArray  *paths,
       GHashTable *seen,
       const char *path)
{
  if (path == NULL || g_hash_table_contains (seen, path))
    return;
  g_hash_table_add (seen, g_strdup (path));
  g_ptr_array_add (paths, g_strdup (path));
}

/* @folder and the folders inside it: fontconfig scans them all, and a font
 * added or removed changes the mtime of its folder. */
static void
watch_tree (GPtrArray  *paths,
            GHashTable *seen,
            const char *folder,
            guint       depth)
{
  DIR *dir;
  struct dirent *entry;

  if (g_hash_table_contains (seen, folder))
    return;
  watch (paths, seen, folder);
  if (depth > 16 || (dir = opendir (folder)) == NULL)
    return;
  /* the entry's type, where the file system gives it, spares a stat of each font file */
  while ((entry = readdir (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_str_equal (entry->d_name, ".") || g_str_equal (entry->d_name, "..") ||
          (entry->d_type != DT_DIR && entry->d_type != DT_LNK && entry->d_type != DT_UNKNOWN))
        continue;
      path = g_build_filename (folder, entry->d_name, NULL);
      if (entry->d_type == DT_DIR || g_file_test (path, G_FILE_TEST_IS_DIR))
        watch_tree (paths, seen, path, depth + 1);
    }
  closedir (dir);
}

typedef enum {
  WATCH_PATHS,
  WATCH_WITH_FOLDERS, /* each path and the folder it is in */
  WATCH_TREES,        /* each folder and all those inside it */
} WatchHow;

static void
watch_list (GPtrArray  *paths,
            GHashTable *seen,
            FcStrList  *list,
            WatchHow    how)
{
  FcChar8 *path;

  while (list != NULL && (path = FcStrListNext (list)) != NULL)
    {
      g_autofree char *folder = g_path_get_dirname ((const char *) path);

      if (how == WATCH_TREES)
        watch_tree (paths, seen, (const char *) path, 0);
      else
        watch (paths, seen, (const char *) path);
      if (how == WATCH_WITH_FOLDERS)
        watch (paths, seen, folder);
    }
  if (list != NULL)
    FcStrListDone (list);
}

/* The user's configuration as fontconfig finds it, from the environment
 * (GLib remembers the directories it saw first). */
static void
watch_user_config (GPtrArray  *paths,
                   GHashTable *seen)
{
  const char *home = g_getenv ("HOME");
  const char *xdg = g_getenv ("XDG_CONFIG_HOME");
  g_autofree char *config = xdg && *xdg ? g_strdup (xdg)
                                         : home ? g_build_filename (home, ".config", NULL) : NULL;
  const char *names[] = { "fontconfig", "fontconfig/fonts.conf", "fontconfig/conf.d" };

  for (guint i = 0; config != NULL && i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (config, names[i], NULL);

      watch (paths, seen, path);
    }
  if (home != NULL)
    {
      g_autofree char *conf = g_build_filename (home, ".fonts.conf", NULL);
      g_autofree char *conf_d = g_build_filename (home, ".fonts.conf.d", NULL);

      watch (paths, seen, conf);
      watch (paths, seen, conf_d);
    }
}

/* Everything whose change may change fontconfig's answers; needs its configuration. */
static GPtrArray *
list_watched (DeskFontCache *self)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  Entry *entry;

  watch_list (paths, seen, FcConfigGetConfigFiles (NULL), WATCH_WITH_FOLDERS);
  watch_user_config (paths, seen);
  watch_list (paths, seen, FcConfigGetConfigDirs (NULL), WATCH_TREES);
  watch_list (paths, seen, FcConfigGetFontDirs (NULL), WATCH_TREES);
  g_hash_table_iter_init (&iter, self->families);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    for (guint i = 0; i < N_FACES; i++)
      watch (paths, seen, entry->faces.file[i]);
  return paths;
}

static void
append_range (GString *out,
              gint64   first,
              gint64   last)
{
  if (first < 0)
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%" G_GINT64_MODIFIER "x", first);
  if (last > first)
    g_string_append_printf (out, "-%" G_GINT64_MODIFIER "x", last);
}

/* The code points of @charset as "20-7e a0 a2-17f". */
static char *
charset_to_ranges (const FcCharSet *charset)
{
  GString *out = g_string_new (NULL);
  FcChar32 map[FC_CHARSET_MAP_SIZE], next, base;
  gint64 first = -1, last = -2;

  for (base = FcCharSetFirstPage (charset, map, &next); base != FC_CHARSET_DONE;
       base = FcCharSetNextPage (charset, map, &next))
    for (guint i = 0; i < FC_CHARSET_MAP_SIZE; i++)
      for (guint bit = 0; map[i] != 0 && bit < 32; bit++)
        {
          gint64 c = base + i * 32 + bit;

          if (!(map[i] & (1u << bit)))
            continue;
          if (c != last + 1)
            {
              append_range (out, first, last);
              first = c;
            }
          last = c;
        }
  append_range (out, first, last);
  return g_string_free (out, FALSE);
}

static FcCharSet *
charset_from_ranges (const char *text)
{
  g_auto (GStrv) ranges = g_strsplit (text, " ", -1);
  FcCharSet *charset = FcCharSetCreate ();

  for (guint i = 0; ranges[i] != NULL; i++)
    {
      char *end = NULL;
      guint64 first = g_ascii_strtoull (ranges[i], &end, 16), last = first;

      if (end != ranges[i] && *end == '-')
        last = g_ascii_strtoull (end + 1, &end, 16);
      if (end == ranges[i] || *end != '\0' || first > last || last > 0x10FFFF)
        {
          FcCharSetDestroy (charset);
          return NULL;
        }
      for (guint64 c = first; c <= last; c++)
        FcCharSetAddChar (charset, c);
    }
  return charset;
}

static gboolean
stamps_match (GKeyFile *file)
{
  g_auto (GStrv) paths = g_key_file_get_string_list (file, "Watch", "Paths", NULL, NULL);
  g_auto (GStrv) stamps = g_key_file_get_string_list (file, "Watch", "Stamps", NULL, NULL);

  if (paths == NULL || stamps == NULL || g_strv_length (paths) != g_strv_length (stamps))
    return FALSE;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *now = stamp (paths[i]);

      if (!g_str_equal (now, stamps[i]))
        return FALSE;
    }
  return TRUE;
}

/* Version, environment, then the stamps: whether the answers still hold. */
static gboolean
is_current (GKeyFile *file)
{
  g_auto (GStrv) env = g_key_file_get_string_list (file, "Cache", "Environment", NULL, NULL);
  g_auto (GStrv) env_now = steering_environment ();

  return g_key_file_get_integer (file, "Cache", "Version", NULL) == CACHE_VERSION &&
         g_key_file_get_integer (file, "Cache", "Fontconfig", NULL) == FcGetVersion () &&
         env != NULL && g_strv_equal ((const char * const *) env, (const char * const *) env_now) &&
         g_key_file_has_group (file, "End") &&
         g_key_file_get_integer (file, "End", "Families", NULL) ==
           (int) g_key_file_get_integer (file, "Cache", "Families", NULL) &&
         stamps_match (file);
}

static Entry *
read_entry (GKeyFile   *file,
            const char *group)
{
  g_autoptr (GError) error = NULL;
  Entry *entry = g_new0 (Entry, 1);
  g_auto (GStrv) files = NULL, formats = NULL;
  g_autofree int *indexes = NULL;
  g_autofree char *ranges = NULL;
  gsize n_files = 0, n_formats = 0, n_indexes = 0;

  entry->installed = g_key_file_get_boolean (file, group, "Installed", &error);
  if (error != NULL || !entry->installed)
    return error ? (entry_free (entry), NULL) : entry;
  files = g_key_file_get_string_list (file, group, "Files", &n_files, NULL);
  formats = g_key_file_get_string_list (file, group, "Formats", &n_formats, NULL);
  indexes = g_key_file_get_integer_list (file, group, "Indexes", &n_indexes, NULL);
  ranges = g_key_file_get_string (file, group, "Charset", NULL);
  if (n_files != N_FACES || n_formats != N_FACES || n_indexes != N_FACES || ranges == NULL ||
      *files[0] == '\0' || (entry->faces.charset = charset_from_ranges (ranges)) == NULL)
    {
      entry_free (entry);
      return NULL;
    }
  for (guint i = 0; i < N_FACES; i++)
    {
      entry->faces.file[i] = *files[i] ? g_strdup (files[i]) : NULL;
      entry->faces.index[i] = indexes[i];
      entry->faces.cff[i] = g_str_equal (formats[i], "CFF");
    }
  return entry;
}

static gboolean
read_families (DeskFontCache *self,
               GKeyFile      *file)
{
  int n = g_key_file_get_integer (file, "Cache", "Families", NULL);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *group = g_strdup_printf ("Family %d", i);
      g_autofree char *name = g_key_file_get_string (file, group, "Name", NULL);
      Entry *entry = name ? read_entry (file, group) : NULL;

      if (entry == NULL)
        return FALSE;
      g_hash_table_replace (self->families, g_steal_pointer (&name), entry);
    }
  return TRUE;
}

/**
 * desk_font_cache_load:
 * @path: (nullable): the cache file, or %NULL for desk_font_cache_dup_default_path()
 *
 * Reads the answers kept at @path, checking first, from stamps alone, that
 * nothing they depend on has changed since.
 *
 * Returns: (transfer full) (nullable): the cache, or %NULL when the file is
 *   missing, unreadable, damaged or out of date
 */
DeskFontCache *
desk_font_cache_load (const char *path)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (DeskFontCache) self = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *default_path = path ? NULL : desk_font_cache_dup_default_path ();

  if (path == NULL)
    path = default_path;
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error))
    {
      g_debug ("Font lookups not cached: %s", error->message);
      return NULL;
    }
  if (!is_current (file))
    {
      g_debug ("Font lookups in %s are out of date", path);
      return NULL;
    }
  self = desk_font_cache_new ();
  if (!read_families (self, file))
    {
      g_debug ("Font lookups in %s are damaged", path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * desk_font_cache_lookup:
 * @faces: (out caller-allocates): cleared; then, when found, a copy of the faces
 *
 * Returns: what fontconfig answered about @family, or %DESK_FONT_CACHE_UNKNOWN
 */
DeskFontCacheAnswer
desk_font_cache_lookup (DeskFontCache *self,
                        const char    *family,
                        DeskFontFaces *faces)
{
  DeskFontCacheAnswer answer = DESK_FONT_CACHE_UNKNOWN;
  Entry *entry;

  g_return_val_if_fail (DESK_IS_FONT_CACHE (self), DESK_FONT_CACHE_UNKNOWN);

  memset (faces, 0, sizeof *faces);
  g_mutex_lock (&self->lock);
  if ((entry = g_hash_table_lookup (self->families, family)) != NULL)
    answer = entry->installed ? DESK_FONT_CACHE_FOUND : DESK_FONT_CACHE_NOT_INSTALLED;
  if (answer == DESK_FONT_CACHE_FOUND)
    copy_faces (faces, &entry->faces);
  g_mutex_unlock (&self->lock);
  return answer;
}

/**
 * desk_font_cache_add:
 * @faces: what fontconfig listed of @family; without a regular face and its
 *   characters, the family counts as not installed
 *
 * Keeps fontconfig's answer about @family; a family already known is kept as it was.
 */
void
desk_font_cache_add (DeskFontCache       *self,
                     const char          *family,
                     const DeskFontFaces *faces)
{
  Entry *entry;

  g_return_if_fail (DESK_IS_FONT_CACHE (self));

  entry = g_new0 (Entry, 1);
  entry->installed = faces->file[0] != NULL && faces->charset != NULL;
  if (entry->installed)
    copy_faces (&entry->faces, faces);
  g_mutex_lock (&self->lock);
  if (g_hash_table_contains (self->families, family))
    entry_free (entry);
  else
    {
      g_hash_table_insert (self->families, g_strdup (family), entry);
      self->dirty = TRUE;
    }
  g_mutex_unlock (&self->lock);
}

static void
write_entry (GKeyFile   *file,
             const char *group,
             Entry      *entry)
{
  const char *files[N_FACES], *formats[N_FACES];
  g_autofree char *ranges = NULL;

  g_key_file_set_boolean (file, group, "Installed", entry->installed);
  if (!entry->installed)
    return;
  for (guint i = 0; i < N_FACES; i++)
    {
      files[i] = entry->faces.file[i] ? entry->faces.file[i] : "";
      formats[i] = entry->faces.file[i] == NULL ? "" : entry->faces.cff[i] ? "CFF" : "TrueType";
    }
  g_key_file_set_string_list (file, group, "Files", files, N_FACES);
  g_key_file_set_string_list (file, group, "Formats", formats, N_FACES);
  g_key_file_set_integer_list (file, group, "Indexes", entry->faces.index, N_FACES);
  ranges = charset_to_ranges (entry->faces.charset);
  g_key_file_set_string (file, group, "Charset", ranges);
}

static void
write_watched (DeskFontCache *self,
               GKeyFile      *file)
{
  g_autoptr (GPtrArray) paths = list_watched (self);
  g_autoptr (GPtrArray) stamps = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (stamps, stamp (g_ptr_array_index (paths, i)));
  g_key_file_set_string_list (file, "Watch", "Paths", (const char * const *) paths->pdata,
                              paths->len);
  g_key_file_set_string_list (file, "Watch", "Stamps", (const char * const *) stamps->pdata,
                              stamps->len);
}

static char *
serialize (DeskFontCache *self)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_auto (GStrv) env = steering_environment ();
  GHashTableIter iter;
  const char *name;
  Entry *entry;
  int n = 0;

  g_key_file_set_integer (file, "Cache", "Version", CACHE_VERSION);
  g_key_file_set_integer (file, "Cache", "Fontconfig", FcGetVersion ());
  g_key_file_set_string_list (file, "Cache", "Environment", (const char * const *) env,
                              g_strv_length (env));
  g_key_file_set_integer (file, "Cache", "Families", g_hash_table_size (self->families));
  write_watched (self, file);
  g_hash_table_iter_init (&iter, self->families);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &entry))
    {
      g_autofree char *group = g_strdup_printf ("Family %d", n++);

      g_key_file_set_string (file, group, "Name", name);
      write_entry (file, group, entry);
    }
  /* last, so that a file cut short is seen to be */
  g_key_file_set_integer (file, "End", "Families", n);
  return g_key_file_to_data (file, NULL, NULL);
}

/**
 * desk_font_cache_save:
 * @path: (nullable): the cache file, or %NULL for desk_font_cache_dup_default_path()
 *
 * Writes the answers to @path, replacing it atomically, with the stamps of
 * what they depend on, when any was added since the cache was loaded or
 * saved. Call only once fontconfig's configuration has been read.
 */
gboolean
desk_font_cache_save (DeskFontCache  *self,
                      const char     *path,
                      GError        **error)
{
  g_autofree char *default_path = path ? NULL : desk_font_cache_dup_default_path ();
  g_autofree char *folder = NULL, *data = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (DESK_IS_FONT_CACHE (self), FALSE);

  g_mutex_lock (&self->lock);
  if (self->dirty)
    data = serialize (self);
  self->dirty = FALSE;
  g_mutex_unlock (&self->lock);
  if (data == NULL)
    return TRUE;
  path = path ? path : default_path;
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The folder “%s” could not be made: %s"), folder, g_strerror (saved_errno));
    }
  if (local_error == NULL && g_file_set_contents (path, data, -1, &local_error))
    return TRUE;
  g_debug ("Font lookups not kept in %s: %s", path, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
