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

/* French puts a no-break space (U+00A0) before a colon. The first set is
 * the fallback. */
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
};

static const LabelSet *
find_label_set (const char *language)
{
  if (language != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (label_sets); i++)
      {
        gsize n = strlen (label_sets[i].language);

        if (g_ascii_strncasecmp (language, label_sets[i].language, n) == 0 &&
            (language[n] == '\0' || language[n] == '-' || language[n] == '_'))
          return &label_sets[i];
      }
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
