/* desk-labels.c — the words an export prints, in the story's language
 *
 * They belong to the story, not to the interface: an English story printed
 * from a German desktop says "Page 1 of 2". So they are a table here rather
 * than gettext strings, which follow the interface's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-labels"

#include "config.h"

#include <string.h>

#include "desk-labels.h"

typedef struct {
  const char *language; /* a primary subtag */
  const char *labels[DESK_N_LABELS];
} LabelSet;

/* French puts a no-break space (U+00A0) before a colon. The page numbers are
 * counter(page) in digits 0–9 in every language, Persian and Arabic too, as
 * print checks read them. The first set is the fallback. */
static const LabelSet label_sets[] = {
  { "en", { "Page {page} of {pages}", "Original post: {source}", "Related:",
            "{kicker}: {headline}" } },
  { "sq", { "Faqja {page} nga {pages}", "Botimi origjinal: {source}", "Të lidhura:",
            "{kicker}: {headline}" } },
  { "de", { "Seite {page} von {pages}", "Originalbeitrag: {source}", "Mehr zum Thema:",
            "{kicker}: {headline}" } },
  { "fr", { "Page {page} sur {pages}", "Publication d’origine\u00A0: {source}",
            "Articles liés\u00A0:", "{kicker}\u00A0: {headline}" } },
  { "it", { "Pagina {page} di {pages}", "Articolo originale: {source}", "Articoli correlati:",
            "{kicker}: {headline}" } },
  { "es", { "Página {page} de {pages}", "Publicación original: {source}", "Relacionados:",
            "{kicker}: {headline}" } },
  { "fa", { "صفحهٔ {page} از {pages}", "منبع اصلی: {source}", "مطالب مرتبط:",
            "{kicker}: {headline}" } },
  { "ar", { "صفحة {page} من {pages}", "المصدر الأصلي: {source}", "مقالات ذات صلة:",
            "{kicker}: {headline}" } },
  { "he", { "עמוד {page} מתוך {pages}", "הפרסום המקורי: {source}", "כתבות קשורות:",
            "{kicker}: {headline}" } },
};

/**
 * desk_language_is:
 * @language: (nullable): a BCP 47 language tag ("fa-IR", "pt_BR", "en")
 * @primary: a primary subtag ("fa")
 *
 * Returns: whether @language is @primary, whatever its region or script
 */
gboolean
desk_language_is (const char *language,
                  const char *primary)
{
  gsize n = strlen (primary);

  return language != NULL && g_ascii_strncasecmp (language, primary, n) == 0 &&
         (language[n] == '\0' || language[n] == '-' || language[n] == '_');
}

static const LabelSet *
find_label_set (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_sets); i++)
    if (desk_language_is (language, label_sets[i].language))
      return &label_sets[i];
  return &label_sets[0];
}

/**
 * desk_labels_get:
 * @language: (nullable): the story's BCP 47 language tag
 * @label: which label
 *
 * Returns: (transfer none): the label's template in the story's language, or
 * in English for a language without its own labels.
 */
const char *
desk_labels_get (const char *language,
                 DeskLabel   label)
{
  g_return_val_if_fail (label < DESK_N_LABELS, "");

  return find_label_set (language)->labels[label];
}

/* The words of @template before its slot, without the colon and spaces
 * that lead into it: "Original post" of "Original post: {source}". */
static char *
words_before_slot (const char *template)
{
  const char *slot = strstr (template, "{source}");
  g_autofree char *words = g_strndup (template, slot ? (gsize) (slot - template) : 0);
  char *end = words + strlen (words);

  while (end > words)
    {
      char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (c != ':' && !g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F)
        break;
      end = prev;
    }
  *end = '\0';
  return g_utf8_casefold (words, -1);
}

/**
 * desk_labels_source_template:
 *
 * Wire copy often credits its source with the label's own words ("Original
 * post", a link with no other name). Such a credit is printed as it is,
 * not as "Original post: Original post".
 *
 * Returns: the template for the source credit of a story in @language.
 */
const char *
desk_labels_source_template (const char *language,
                             const char *source_name)
{
  const char *template = desk_labels_get (language, DESK_LABEL_ORIGINAL_POST);
  g_autofree char *words = words_before_slot (template);
  g_autofree char *name = g_utf8_casefold (source_name ? source_name : "", -1);

  if (name[0] != '\0' && strcmp (g_strstrip (name), words) == 0)
    return "{source}";
  return template;
}
