/* desk-store-codec.c — the stored form of a story: GVariant records, body in chunks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "copydesk-store"

#include "config.h"

#include <string.h>

#include "desk-store-private.h"

#define META_TYPE     "(ssssssssa(xssss))"
#define HEAD_TYPE     "(ss)"
#define SNAPSHOT_TYPE "(sssusxx" META_TYPE "ay)"

/* Body blocks are a compact byte format rather than GVariant: saving a long
 * story encodes and hashes every block each time, and this is several times
 * faster. A version byte, then per block: kind, text, attribution, marks;
 * numbers as LEB128 varints, strings as length + UTF-8 bytes. */
#define BLOCKS_VERSION 1

/* A chunk ends after a block whose text hashes to 0 mod CHUNK_SPREAD, so
 * boundaries depend on the blocks' own content: one edited word changes
 * one or two chunks, never shifts the rest. */
#define CHUNK_SPREAD     16
#define CHUNK_MAX_BLOCKS 64

void
desk_chunk_free (DeskChunk *chunk)
{
  if (chunk == NULL)
    return;
  g_free (chunk->hash);
  g_bytes_unref (chunk->data);
  g_free (chunk->text);
  g_clear_pointer (&chunk->blocks, g_ptr_array_unref);
  g_free (chunk);
}

/* Stored little-endian whatever the machine. */
static GBytes *
variant_to_bytes (GVariant *value)
{
  g_autoptr (GVariant) sunk = g_variant_ref_sink (value);

  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      g_autoptr (GVariant) swapped = g_variant_byteswap (sunk);

      return g_variant_get_data_as_bytes (swapped);
    }
  return g_variant_get_data_as_bytes (sunk);
}

static GVariant *
bytes_to_variant (GBytes     *data,
                  const char *type)
{
  GVariant *value = g_variant_new_from_bytes (G_VARIANT_TYPE (type), data, FALSE);

  g_variant_ref_sink (value);
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (value);

      g_variant_unref (value);
      return swapped;
    }
  return value;
}

static GVariant *
build_meta (DeskArticle *article)
{
  const DeskDateline *dateline = desk_article_get_dateline (article);
  GVariantBuilder related;

  g_variant_builder_init (&related, G_VARIANT_TYPE ("a(xssss)"));
  for (guint i = 0; i < desk_article_get_n_related (article); i++)
    {
      const DeskRelated *r = desk_article_get_related (article, i);

      g_variant_builder_add (&related, "(xssss)", r->id, r->kicker ? r->kicker : "",
                             r->headline ? r->headline : "", r->deck ? r->deck : "",
                             r->url ? r->url : "");
    }
  return g_variant_new ("(ssssssss@a(xssss))", desk_article_get_byline (article),
                        desk_article_get_source_name (article),
                        desk_article_get_source_url (article),
                        desk_article_get_tagline (article), desk_article_get_note (article),
                        desk_dateline_get_place (dateline), desk_dateline_get_date (dateline),
                        desk_dateline_get_credit (dateline), g_variant_builder_end (&related));
}

GBytes *
desk_codec_encode_meta (DeskArticle *article)
{
  return variant_to_bytes (build_meta (article));
}

static void
apply_meta (GVariant    *meta,
            DeskArticle *article)
{
  const char *byline, *source_name, *source_url, *tagline, *note, *place, *date, *credit;
  g_autoptr (GVariantIter) related = NULL;
  g_autoptr (DeskDateline) dateline = desk_dateline_new ();
  const char *kicker, *headline, *deck, *url;
  gint64 id;

  g_variant_get (meta, "(&s&s&s&s&s&s&s&sa(xssss))", &byline, &source_name, &source_url,
                 &tagline, &note, &place, &date, &credit, &related);
  desk_article_set_byline (article, byline);
  desk_article_set_source_name (article, source_name);
  desk_article_set_source_url (article, source_url);
  desk_article_set_tagline (article, tagline);
  desk_article_set_note (article, note);
  desk_dateline_set_place (dateline, place);
  desk_dateline_set_date (dateline, date);
  desk_dateline_set_credit (dateline, credit);
  desk_article_set_dateline (article, dateline);
  desk_article_clear_related (article);
  while (g_variant_iter_next (related, "(x&s&s&s&s)", &id, &kicker, &headline, &deck, &url))
    {
      g_autoptr (DeskRelated) r = desk_related_new (id, kicker, headline, deck, url);

      desk_article_append_related (article, r);
    }
}

gboolean
desk_codec_decode_meta (GBytes      *data,
                        DeskArticle *article)
{
  g_autoptr (GVariant) meta = bytes_to_variant (data, META_TYPE);

  apply_meta (meta, article);
  return TRUE;
}

static void
put_varint (GString *out,
            guint64  value)
{
  while (value >= 0x80)
    {
      g_string_append_c (out, (char) (value | 0x80));
      value >>= 7;
    }
  g_string_append_c (out, (char) value);
}

static void
put_string (GString    *out,
            const char *str)
{
  gsize length = strlen (str);

  put_varint (out, length);
  g_string_append_len (out, str, length);
}

static void
put_block (GString   *out,
           DeskBlock *block)
{
  guint n_marks = desk_block_get_n_marks (block);

  g_string_append_c (out, (char) desk_block_get_kind (block));
  put_string (out, desk_block_get_text (block));
  put_string (out, desk_block_get_attribution (block));
  put_varint (out, n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      const DeskMark *mark = desk_block_get_mark (block, i);

      g_string_append_c (out, (char) mark->kind);
      put_varint (out, mark->start);
      put_varint (out, mark->end);
      put_string (out, mark->href ? mark->href : "");
    }
}

typedef struct {
  const guchar *p;
  const guchar *end;
  gboolean ok;
} Reader;

static guint64
get_varint (Reader *r)
{
  guint64 value = 0;

  for (guint shift = 0; shift < 64 && r->p < r->end; shift += 7)
    {
      guchar byte = *r->p++;

      value |= (guint64) (byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return value;
    }
  r->ok = FALSE;
  return 0;
}

static guint
get_byte (Reader *r)
{
  if (r->p < r->end)
    return *r->p++;
  r->ok = FALSE;
  return 0;
}

static char *
get_string (Reader *r)
{
  guint64 length = get_varint (r);
  char *str;

  if (!r->ok || length > (guint64) (r->end - r->p) ||
      !g_utf8_validate ((const char *) r->p, length, NULL))
    {
      r->ok = FALSE;
      return g_strdup ("");
    }
  str = g_strndup ((const char *) r->p, length);
  r->p += length;
  return str;
}

static DeskBlock *
get_block (Reader *r)
{
  guint kind = get_byte (r);
  g_autofree char *text = get_string (r);
  g_autofree char *attribution = get_string (r);
  guint64 n_marks = get_varint (r);
  DeskBlock *block = desk_block_new (MIN (kind, DESK_BLOCK_PULLQUOTE), text);

  desk_block_set_attribution (block, attribution);
  for (guint64 i = 0; r->ok && i < n_marks; i++)
    {
      guint mark_kind = get_byte (r);
      guint64 start = get_varint (r), end = get_varint (r);
      g_autofree char *href = get_string (r);

      if (r->ok)
        desk_block_add_mark (block, MIN (mark_kind, DESK_MARK_LINK), start, end,
                             href[0] ? href : NULL);
    }
  return block;
}

static gboolean
append_blocks (const guchar *data,
               gsize         size,
               DeskArticle  *article)
{
  Reader r = { data, data + size, TRUE };

  if (get_byte (&r) != BLOCKS_VERSION)
    return FALSE;
  while (r.ok && r.p < r.end)
    {
      g_autoptr (DeskBlock) block = get_block (&r);

      if (r.ok)
        desk_article_append_block (article, block);
    }
  return r.ok;
}

static void
append_block_text (GString   *text,
                   DeskBlock *block)
{
  const char *attribution = desk_block_get_attribution (block);

  g_string_append (text, desk_block_get_text (block));
  g_string_append_c (text, '\n');
  if (attribution[0])
    {
      g_string_append (text, attribution);
      g_string_append_c (text, '\n');
    }
}

static DeskChunk *
chunk_new (GBytes   *data,
           GString  *text,
           gboolean  head)
{
  DeskChunk *chunk = g_new0 (DeskChunk, 1);

  chunk->data = data;
  chunk->hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, chunk->data);
  chunk->text = g_string_free (text, FALSE);
  chunk->head = head;
  chunk->words = head ? 0 : -1;
  return chunk;
}

static gboolean
ends_chunk (DeskBlock *block,
            guint      n_blocks)
{
  return n_blocks >= CHUNK_MAX_BLOCKS ||
         g_str_hash (desk_block_get_text (block)) % CHUNK_SPREAD == 0;
}

static DeskChunk *
body_chunk_new (GString   *data,
                GString   *text,
                GPtrArray *blocks)
{
  DeskChunk *chunk = chunk_new (g_string_free_to_bytes (data), text, FALSE);

  chunk->blocks = blocks;
  return chunk;
}

/* The head chunk (headline and deck) first, then the body chunks in order. */
GPtrArray *
desk_codec_split_chunks (DeskArticle *article)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_chunk_free);
  guint n = desk_article_get_n_blocks (article);
  GString *data = NULL, *text = NULL;
  GPtrArray *blocks = NULL;

  g_ptr_array_add (chunks,
                   chunk_new (variant_to_bytes (g_variant_new (HEAD_TYPE,
                                                               desk_article_get_headline (article),
                                                               desk_article_get_deck (article))),
                              g_string_new (desk_article_get_headline (article)), TRUE));
  for (guint i = 0; i < n; i++)
    {
      DeskBlock *block = desk_article_get_block (article, i);

      if (data == NULL)
        {
          data = g_string_sized_new (4096);
          g_string_append_c (data, BLOCKS_VERSION);
          text = g_string_sized_new (4096);
          blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_block_unref);
        }
      put_block (data, block);
      append_block_text (text, block);
      g_ptr_array_add (blocks, desk_block_ref (block));
      if (ends_chunk (block, blocks->len) || i + 1 == n)
        {
          g_ptr_array_add (chunks, body_chunk_new (data, text, blocks));
          data = text = NULL;
          blocks = NULL;
        }
    }
  return chunks;
}

/* Words of a body chunk, counted as desk_article_count_words () counts them. */
guint
desk_chunk_count_words (DeskChunk *chunk)
{
  g_autoptr (DeskArticle) scratch = NULL;

  if (chunk->words >= 0)
    return chunk->words;
  scratch = desk_article_new ();
  for (guint i = 0; i < chunk->blocks->len; i++)
    desk_article_append_block (scratch, g_ptr_array_index (chunk->blocks, i));
  chunk->words = desk_article_count_words (scratch);
  return chunk->words;
}

/* Appends a body chunk's blocks to @article (a head chunk adds nothing:
 * headline and deck come from the story row). FALSE when damaged. */
gboolean
desk_codec_decode_chunk (GBytes      *data,
                         gboolean     head,
                         DeskArticle *article)
{
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);

  if (head)
    return TRUE;
  return append_blocks (bytes, size, article);
}

/* The text a chunk was indexed with, to take it out of the index again. */
char *
desk_codec_chunk_text (GBytes      *data,
                       gboolean     head,
                       char       **deck)
{
  g_autoptr (DeskArticle) scratch = NULL;
  g_autoptr (GVariant) value = NULL;
  GString *text;

  if (head)
    {
      const char *headline, *d;

      value = bytes_to_variant (data, HEAD_TYPE);
      g_variant_get (value, "(&s&s)", &headline, &d);
      *deck = g_strdup (d);
      return g_strdup (headline);
    }
  *deck = g_strdup ("");
  scratch = desk_article_new ();
  desk_codec_decode_chunk (data, FALSE, scratch);
  text = g_string_new (NULL);
  for (guint i = 0; i < desk_article_get_n_blocks (scratch); i++)
    append_block_text (text, desk_article_get_block (scratch, i));
  return g_string_free (text, FALSE);
}

static void
checksum_add_string (GChecksum  *sum,
                     const char *str)
{
  g_checksum_update (sum, (const guchar *) str, strlen (str) + 1);
}

/* Equal hashes mean equal stories: what the list shows and the stored form. */
char *
desk_codec_story_hash (DeskArticle *article,
                       GBytes      *meta,
                       GPtrArray   *chunks)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *status = desk_status_to_string (desk_article_get_status (article));
  gsize size;
  const guchar *bytes = g_bytes_get_data (meta, &size);

  checksum_add_string (sum, desk_article_get_kicker (article));
  checksum_add_string (sum, desk_article_get_language (article));
  checksum_add_string (sum, status);
  g_checksum_update (sum, bytes, size);
  for (guint i = 0; i < chunks->len; i++)
    {
      DeskChunk *chunk = g_ptr_array_index (chunks, i);

      checksum_add_string (sum, chunk->hash);
    }
  return g_strdup (g_checksum_get_string (sum));
}

GBytes *
desk_codec_encode_snapshot (DeskArticle *article)
{
  GString *blocks = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;

  g_string_append_c (blocks, BLOCKS_VERSION);
  for (guint i = 0; i < desk_article_get_n_blocks (article); i++)
    put_block (blocks, desk_article_get_block (article, i));
  bytes = g_string_free_to_bytes (blocks);
  return variant_to_bytes (g_variant_new ("(sssusxx@" META_TYPE "@ay)",
                                          desk_article_get_headline (article),
                                          desk_article_get_kicker (article),
                                          desk_article_get_deck (article),
                                          (guint32) desk_article_get_status (article),
                                          desk_article_get_language (article),
                                          desk_article_get_created (article),
                                          desk_article_get_modified (article),
                                          build_meta (article),
                                          g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING,
                                                                    bytes, TRUE)));
}

/* NULL when damaged. */
DeskArticle *
desk_codec_decode_snapshot (GBytes *data)
{
  g_autoptr (GVariant) value = bytes_to_variant (data, SNAPSHOT_TYPE);
  g_autoptr (GVariant) meta = g_variant_get_child_value (value, 7);
  g_autoptr (GVariant) blocks = g_variant_get_child_value (value, 8);
  g_autoptr (DeskArticle) article = desk_article_new ();
  const char *headline, *kicker, *deck, *language;
  guint32 status;
  gint64 created, modified;

  g_variant_get (value, "(&s&s&su&sxx@" META_TYPE "@ay)", &headline, &kicker,
                 &deck, &status, &language, &created, &modified, NULL, NULL);
  desk_article_set_headline (article, headline);
  desk_article_set_kicker (article, kicker);
  desk_article_set_deck (article, deck);
  desk_article_set_status (article, MIN (status, DESK_STATUS_PUBLISHED));
  desk_article_set_language (article, language);
  desk_article_set_created (article, created);
  desk_article_set_modified (article, modified);
  apply_meta (meta, article);
  if (!append_blocks (g_variant_get_data (blocks), g_variant_get_size (blocks), article))
    return NULL;
  return g_steal_pointer (&article);
}
