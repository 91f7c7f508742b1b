/* desk-preferences-window.c — the preferences: new stories and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-preferences-window.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  GPtrArray *language_tags;

  /* template children */
  AdwComboRow *language_row;
  GtkSpinButton *headline_spin;
  AdwComboRow *dash_row;
  AdwComboRow *paper_row;
  AdwActionRow *text_font_row;
  AdwActionRow *display_font_row;
  GtkWidget *text_font_reset;
  GtkWidget *display_font_reset;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const struct
{
  const char *tag;
  const char *name;
} languages[] = {
  { "en", N_("English") },
  { "sq", N_("Albanian") },
  { "ar", N_("Arabic") },
  { "bs", N_("Bosnian") },
  { "hr", N_("Croatian") },
  { "nl", N_("Dutch") },
  { "fr", N_("French") },
  { "de", N_("German") },
  { "el", N_("Greek") },
  { "he", N_("Hebrew") },
  { "it", N_("Italian") },
  { "mk", N_("Macedonian") },
  { "fa", N_("Persian") },
  { "pl", N_("Polish") },
  { "pt", N_("Portuguese") },
  { "ru", N_("Russian") },
  { "sr", N_("Serbian (Cyrillic)") },
  { "sr-Latn", N_("Serbian (Latin)") },
  { "es", N_("Spanish") },
  { "tr", N_("Turkish") },
  { "uk", N_("Ukrainian") },
};

static const char *dash_values[] = { "en", "em", NULL };
static const char *paper_values[] = { "a4", "letter", NULL };

/* Settings ↔ combo rows: a string key shown as the index of its value. */

static gboolean
get_index_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char * const *values = user_data;
  const char *current = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_str_equal (values[i], current))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
set_index_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char * const *values = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) values))
    return NULL;
  return g_variant_new_string (values[index]);
}

static void
setup_languages (DeskPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "default-language");
  GtkStringList *names = gtk_string_list_new (NULL);
  gboolean known = FALSE;

  self->language_tags = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s (%s)", _(languages[i].name), languages[i].tag);

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->language_tags, (char *) languages[i].tag);
      known |= g_str_equal (languages[i].tag, current);
    }
  /* A tag set elsewhere (the command line, an older version) stays choosable. */
  if (!known && current[0] != '\0')
    {
      gtk_string_list_append (names, current);
      g_ptr_array_add (self->language_tags, (char *) g_intern_string (current));
    }
  g_ptr_array_add (self->language_tags, NULL);

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  g_object_unref (names);
  g_settings_bind_with_mapping (self->settings, "default-language", self->language_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, get_index_mapping,
                                set_index_mapping, self->language_tags->pdata, NULL);
}

/* Fonts */

static void
update_font_row (DeskPreferencesWindow *self,
                 const char            *key)
{
  g_autofree char *family = g_settings_get_string (self->settings, key);
  gboolean text = g_str_equal (key, "text-font");
  AdwActionRow *row = text ? self->text_font_row : self->display_font_row;

  adw_action_row_set_subtitle (row, family[0] != '\0' ? family : _("Automatic"));
  gtk_widget_set_visible (text ? self->text_font_reset : self->display_font_reset,
                          family[0] != '\0');
}

static void
on_font_setting_changed_cb (GSettings             *settings,
                            const char            *key,
                            DeskPreferencesWindow *self)
{
  update_font_row (self, key);
}

static void
on_font_chosen_cb (GtkDialog             *dialog,
                   int                    response,
                   DeskPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (dialog), "desk-settings-key");
  PangoFontFamily *family = gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (dialog));

  if (response == GTK_RESPONSE_OK && family != NULL)
    g_settings_set_string (self->settings, key, pango_font_family_get_name (family));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
choose_font (DeskPreferencesWindow *self,
             const char            *key,
             const char            *title)
{
  g_autofree char *current = g_settings_get_string (self->settings, key);
  GtkWidget *dialog = gtk_font_chooser_dialog_new (title, GTK_WINDOW (self));

  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (dialog), GTK_FONT_CHOOSER_LEVEL_FAMILY);
  if (current[0] != '\0')
    gtk_font_chooser_set_font (GTK_FONT_CHOOSER (dialog), current);
  g_object_set_data_full (G_OBJECT (dialog), "desk-settings-key", g_strdup (key), g_free);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_font_chosen_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_text_font_choose_cb (DeskPreferencesWindow *self)
{
  choose_font (self, "text-font", _("Body Text Font"));
}

static void
on_display_font_choose_cb (DeskPreferencesWindow *self)
{
  choose_font (self, "display-font", _("Headline Font"));
}

static void
on_text_font_reset_cb (DeskPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "text-font", "");
}

static void
on_display_font_reset_cb (DeskPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "display-font", "");
}

/* GObject */

static void
desk_preferences_window_dispose (GObject *object)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->language_row != NULL)
    g_settings_unbind (self->language_row, "selected");
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->language_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->dispose (object);
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, headline_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, dash_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, text_font_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, display_font_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, text_font_reset);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, display_font_reset);
  gtk_widget_class_bind_template_callback (widget_class, on_text_font_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_display_font_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_font_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_display_font_reset_cb);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  setup_languages (self);
  g_settings_bind (self->settings, "headline-soft-limit", self->headline_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "dash-style", self->dash_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_index_mapping, set_index_mapping,
                                (gpointer) dash_values, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_index_mapping, set_index_mapping,
                                (gpointer) paper_values, NULL);
  g_signal_connect (self->settings, "changed::text-font",
                    G_CALLBACK (on_font_setting_changed_cb), self);
  g_signal_connect (self->settings, "changed::display-font",
                    G_CALLBACK (on_font_setting_changed_cb), self);
  update_font_row (self, "text-font");
  update_font_row (self, "display-font");
}

GtkWidget *
desk_preferences_window_new (void)
{
  return g_object_new (DESK_TYPE_PREFERENCES_WINDOW, NULL);
}
