/* Shaping with HarfBuzz, a cache of shaped words, and the subsets of the faces drawn (see
 * shape.h). The only file that includes HarfBuzz. */
#define _POSIX_C_SOURCE 200809L /* strdup */

#include "render/shape.h"

#include "util/arena.h"
#include "util/file.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACES 16 /* the family's four, then fallback faces (RP_PDF_FACES) */

struct face {
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    unsigned upem, glyphs;
    const int32_t *width; /* nominal advance of every glyph, thousandths (font_files) */
    uint16_t latin[256];  /* the glyphs of U+0000 to U+00FF, looked up once */
    hb_set_t *used;
    uint32_t font_id; /* the file's number in the process (font_id_of): the words' key */
    char **text;      /* per glyph: the characters it stands for, drawn first */
};

/* A cached word. The table forgets everything when it is full: the words of a document
 * repeat, but a long table's figures rarely do, and memory must stay bounded. */
struct entry {
    uint64_t hash;
    char *key; /* NULL: an empty slot */
    uint32_t len;
    uint32_t font;
    struct rp_shaped *shaped;
};

struct rp_shaper {
    struct face faces[FACES];
    hb_buffer_t *buffer;
    hb_feature_t features[2];
};

enum { CACHE_MAX = 1 << 16 };

/* The words shaped in this process, shared by every shaper: a word shaped with the same
 * font file gives the same glyphs whichever document asks (the features and buffer flags
 * are fixed), and a render lays its editions out with one shaper before drawing with
 * another, and a batch's worker renders many documents. Not thread-safe. */
static struct words {
    struct entry *table;
    size_t cap, count;
} words;

/* The font files loaded in this process, by path: their index is a word's font_id. Each
 * file is read and measured once (the advances of its glyphs, its Latin-1 glyphs), and its
 * HarfBuzz face and font, which nothing changes once made, serve every shaper after: a
 * batch's worker makes dozens of documents and lays most of them out more than once, each
 * time with a new shaper. A file changed while the process runs is not read again; the
 * words shaped are kept by path alike. */
static struct font_file {
    char *path;
    hb_blob_t *blob; /* NULL until loaded */
    hb_face_t *face;
    hb_font_t *font;
    unsigned upem, glyphs;
    int32_t *width;
    uint16_t latin[256];
} * font_files;
static uint32_t font_file_count;

static uint32_t font_id_of(const char *path)
{
    for (uint32_t i = 0; i < font_file_count; i++)
        if (strcmp(font_files[i].path, path) == 0)
            return i;
    font_files = rp_xrealloc(font_files, (font_file_count + 1) * sizeof *font_files);
    memset(&font_files[font_file_count], 0, sizeof *font_files);
    font_files[font_file_count].path = rp_xstrdup(path);
    return font_file_count++;
}

struct rp_shaper *rp_shaper_new(void)
{
    struct rp_shaper *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->buffer = hb_buffer_create();
    /* Ligatures off: a ligature glyph maps back to its whole cluster, which poppler extracts
     * correctly but pdf.js and screen readers may not, and French and Dutch body text
     * gains little from them. Kerning stays on (HarfBuzz's default). */
    hb_feature_from_string("-liga", -1, &s->features[0]);
    hb_feature_from_string("-clig", -1, &s->features[1]);
    if (!words.table) {
        words.cap = 1024;
        words.table = rp_xmalloc(words.cap * sizeof *words.table);
        memset(words.table, 0, words.cap * sizeof *words.table);
    }
    if (!hb_buffer_allocation_successful(s->buffer)) {
        rp_shaper_free(s);
        return NULL;
    }
    return s;
}

static void cache_clear(struct words *s)
{
    for (size_t i = 0; i < s->cap; i++) {
        free(s->table[i].key);
        free(s->table[i].shaped);
    }
    memset(s->table, 0, s->cap * sizeof *s->table);
    s->count = 0;
}

void rp_shaper_free(struct rp_shaper *s)
{
    if (!s)
        return;
    for (int f = 0; f < FACES; f++) {
        struct face *fc = &s->faces[f];
        if (fc->text)
            for (unsigned g = 0; g < fc->glyphs; g++)
                free(fc->text[g]);
        free(fc->text); /* the widths are the file's (font_files) */
        hb_set_destroy(fc->used);
        hb_font_destroy(fc->font);
        hb_face_destroy(fc->face);
        hb_blob_destroy(fc->blob);
    }
    hb_buffer_destroy(s->buffer);
    free(s);
}

/* The largest font file read: Noto CJK collections are about 20 MB. */
#define FONT_MAX ((size_t)64 << 20)

static int32_t thousandths(const struct face *fc, hb_position_t v)
{
    double t = (double)v * 1000.0 / fc->upem;
    return (int32_t)(t < 0 ? t - 0.5 : t + 0.5);
}

/* Reads, opens and measures the file of `ff` once in the process; false with the reason. */
static bool open_file(struct font_file *ff, char *why, size_t why_size)
{
    if (ff->blob)
        return true;
    /* Read here rather than by HarfBuzz, which does not say why a file cannot be read (a
     * cron run short of descriptors must say so). */
    struct rp_read file;
    rp_file_read(ff->path, FONT_MAX, &file);
    if (!file.data) {
        rp_file_read_why(&file, FONT_MAX, why, why_size);
        return false;
    }
    hb_blob_t *blob =
        hb_blob_create(file.data, (unsigned)file.size, HB_MEMORY_MODE_READONLY, file.data, free);
    hb_face_t *face = hb_face_create(blob, 0);
    unsigned upem = hb_face_get_upem(face), glyphs = hb_face_get_glyph_count(face);
    if (glyphs == 0 || glyphs > 65536 || upem == 0) {
        snprintf(why, why_size, "is not a TrueType font");
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        return false;
    }
    ff->blob = blob;
    ff->face = face;
    ff->upem = upem;
    ff->glyphs = glyphs;
    ff->font = hb_font_create(face);
    hb_font_set_scale(ff->font, (int)upem, (int)upem);
    struct face measure = {.upem = upem};
    ff->width = rp_xmalloc(glyphs * sizeof *ff->width);
    for (unsigned g = 0; g < glyphs; g++)
        ff->width[g] = thousandths(&measure, hb_font_get_glyph_h_advance(ff->font, g));
    for (hb_codepoint_t cp = 0; cp < 256; cp++) {
        hb_codepoint_t gid = 0;
        ff->latin[cp] = hb_font_get_nominal_glyph(ff->font, cp, &gid) ? (uint16_t)gid : 0;
    }
    return true;
}

int rp_shaper_load(struct rp_shaper *s, int face, const char *path, char *why, size_t why_size)
{
    snprintf(why, why_size, "cannot be loaded twice");
    if (face < 0 || face >= FACES || s->faces[face].font)
        return -1;
    struct face *fc = &s->faces[face];
    uint32_t id = font_id_of(path);
    struct font_file *ff = &font_files[id];
    if (!open_file(ff, why, why_size))
        return -1;
    fc->blob = hb_blob_reference(ff->blob);
    fc->face = hb_face_reference(ff->face);
    fc->font = hb_font_reference(ff->font);
    fc->upem = ff->upem;
    fc->glyphs = ff->glyphs;
    fc->width = ff->width;
    memcpy(fc->latin, ff->latin, sizeof fc->latin);
    fc->font_id = id;
    fc->used = hb_set_create();
    hb_set_add(fc->used, 0); /* .notdef: every TrueType program needs it */
    fc->text = calloc(fc->glyphs, sizeof *fc->text);
    return fc->text ? 0 : -1;
}

bool rp_shaper_has(const struct rp_shaper *s, int face)
{
    return face >= 0 && face < FACES && s->faces[face].font;
}

/* FNV-1a over the face and the bytes: the same input hashes alike in every run. */
static uint64_t hash_of(uint32_t font, const char *text, size_t len)
{
    uint64_t h = 14695981039346656037u ^ (uint64_t)font;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 1099511628211u;
    return h;
}

static struct entry *slot(struct words *s, uint64_t h, uint32_t font, const char *text, size_t len)
{
    for (size_t i = (size_t)h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        struct entry *e = &s->table[i];
        if (!e->key ||
            (e->hash == h && e->font == font && e->len == len && memcmp(e->key, text, len) == 0))
            return e;
    }
}

static void grow(struct words *s)
{
    struct entry *old = s->table;
    size_t old_cap = s->cap;
    s->cap *= 2;
    s->table = rp_xmalloc(s->cap * sizeof *s->table);
    memset(s->table, 0, s->cap * sizeof *s->table);
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *slot(s, old[i].hash, old[i].font, old[i].key, old[i].len) = old[i];
    free(old);
}

/* How many bytes at `t` (of `left`) are left out of shaping: a control character, or the
 * line and paragraph separators U+2028 and U+2029, which break a line (the layout's
 * business) and have no glyph; HarfBuzz drops the default-ignorable characters itself. */
static size_t skipped(const unsigned char *t, size_t left)
{
    if (t[0] < 0x20 || t[0] == 0x7F)
        return 1;
    return left >= 3 && t[0] == 0xE2 && t[1] == 0x80 && (t[2] == 0xA8 || t[2] == 0xA9) ? 3 : 0;
}

/* Shapes `text` into the shaper's buffer with HarfBuzz. */
static void harfbuzz(struct rp_shaper *s, struct face *fc, const char *text, size_t len)
{
    hb_buffer_t *b = s->buffer;
    hb_buffer_clear_contents(b);
    hb_buffer_set_flags(b, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
    hb_buffer_set_cluster_level(b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    /* Control characters have no glyph: they are left out, with their place in the text
     * kept so that clusters stay byte offsets into `text`. */
    const unsigned char *t = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        size_t skip = skipped(t + i, len - i);
        if (skip) {
            i += skip;
            continue;
        }
        size_t j = i;
        while (j < len && !skipped(t + j, len - j))
            j++;
        hb_buffer_add_utf8(b, text, (int)len, (unsigned)i, (int)(j - i));
        i = j;
    }
    hb_buffer_guess_segment_properties(b);
    hb_shape(fc->font, b, s->features, 2);
}

static struct rp_shaped *shape_by_harfbuzz(struct rp_shaper *s, struct face *fc, const char *text,
                                           size_t len)
{
    harfbuzz(s, fc, text, len);
    hb_buffer_t *b = s->buffer;
    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &n);
    struct rp_shaped *out = rp_xmalloc(sizeof *out + n * sizeof out->g[0]);
    out->count = n;
    out->width = 0;
    for (unsigned i = 0; i < n; i++) {
        uint16_t gid = (uint16_t)info[i].codepoint;
        int32_t adv = thousandths(fc, pos[i].x_advance);
        int32_t kern = adv - fc->width[gid];
        out->g[i] = (struct rp_glyph){gid, (int16_t)kern, info[i].cluster};
        out->width += fc->width[gid] + out->g[i].kern;
    }
    return out;
}

/* ------------------------------------------------------------------ figures */

/* Figures (digits, separators, signs, the percent sign and the no-break space before it)
 * are most of the distinct words of a table, and HarfBuzz takes most of the time of a word
 * it has not seen. In the faces rapport uses they take one glyph per character, positioned
 * by pair kerning only (which HarfBuzz may share between the advances of the two glyphs of
 * a pair); so each face's figures are shaped once, alone and in pairs, and a
 * word made of them only is set from those tables, to the same glyphs and advances as
 * HarfBuzz would give. The tables are checked on sample figures when they are built, and a
 * face whose figures do anything more (a ligature, a contextual position) is left to
 * HarfBuzz. */
static const uint32_t figure_chars[] = {'0', '1', '2', '3', '4', '5', '6',    '7',   '8',
                                        '9', ',', '.', '%', '+', '-', 0x2212, 0x00A0};
#define FIGURES (sizeof figure_chars / sizeof *figure_chars)
#define FIGURE_WORD_MAX 64 /* longer words go to HarfBuzz */

struct figures {
    int state; /* 0: not built; 1: usable; -1: the face is left to HarfBuzz */
    uint16_t gid[FIGURES];
    hb_position_t advance[FIGURES]; /* alone, in font units */
    /* What a pair adds to the advance of its first glyph and of its second. */
    hb_position_t first[FIGURES][FIGURES], second[FIGURES][FIGURES];
};

/* The advance of the i-th of `n` figures `idx` set from the tables. */
static hb_position_t figure_advance(const struct figures *f, const int *idx, size_t i, size_t n)
{
    hb_position_t adv = f->advance[idx[i]];
    if (i > 0)
        adv += f->second[idx[i - 1]][idx[i]];
    if (i + 1 < n)
        adv += f->first[idx[i]][idx[i + 1]];
    return adv;
}

/* Per font file of the process (font_id), as the cache of words. */
static struct figures *figures_of;
static uint32_t figures_count;

/* The index in figure_chars of the character at `t` (of `left` bytes) and its length in
 * `*n`, or -1. */
static int figure_at(const unsigned char *t, size_t left, size_t *n)
{
    *n = 1;
    if (t[0] >= '0' && t[0] <= '9')
        return t[0] - '0';
    switch (t[0]) {
    case ',':
        return 10;
    case '.':
        return 11;
    case '%':
        return 12;
    case '+':
        return 13;
    case '-':
        return 14;
    case 0xE2: /* U+2212 */
        *n = 3;
        return left >= 3 && t[1] == 0x88 && t[2] == 0x92 ? 15 : -1;
    case 0xC2: /* U+00A0 */
        *n = 2;
        return left >= 2 && t[1] == 0xA0 ? 16 : -1;
    default:
        return -1;
    }
}

static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | cp >> 12);
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Whether HarfBuzz has set `text` (figures only, of `n` characters whose indices are `idx`;
 * in the shaper's buffer) as the tables of `f` do. */
static bool figures_agree(struct rp_shaper *s, const struct figures *f, const char *text,
                          size_t len, const int *idx, size_t n)
{
    unsigned count = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(s->buffer, &count);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(s->buffer, &count);
    if (count != n)
        return false;
    /* What shape_by_harfbuzz() keeps of a glyph: its id, advance and cluster. */
    for (size_t i = 0, at = 0, step; i < n; i++, at += step) {
        figure_at((const unsigned char *)text + at, len - at, &step);
        if (info[i].codepoint != f->gid[idx[i]] || info[i].cluster != at ||
            pos[i].x_advance != figure_advance(f, idx, i, n))
            return false;
    }
    return true;
}

static void figures_build(struct rp_shaper *s, struct face *fc, struct figures *f)
{
    char text[8];
    f->state = -1;
    for (size_t a = 0; a < FIGURES; a++) {
        size_t len = put_utf8(text, figure_chars[a]);
        harfbuzz(s, fc, text, len);
        unsigned n = 0;
        hb_glyph_info_t *info = hb_buffer_get_glyph_infos(s->buffer, &n);
        hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(s->buffer, &n);
        if (n != 1 || info[0].cluster != 0)
            return;
        f->gid[a] = (uint16_t)info[0].codepoint;
        f->advance[a] = pos[0].x_advance;
    }
    for (size_t a = 0; a < FIGURES; a++)
        for (size_t b = 0; b < FIGURES; b++) {
            size_t len = put_utf8(text, figure_chars[a]);
            len += put_utf8(text + len, figure_chars[b]);
            harfbuzz(s, fc, text, len);
            unsigned n = 0;
            hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(s->buffer, &n);
            f->first[a][b] = n == 2 ? pos[0].x_advance - f->advance[a] : 0;
            f->second[a][b] = n == 2 ? pos[1].x_advance - f->advance[b] : 0;
            int idx[2] = {(int)a, (int)b};
            if (!figures_agree(s, f, text, len, idx, 2))
                return;
        }
    /* Longer samples: a pair's kerning that depends on a third character would show. */
    static const char *const samples[] = {"1.234.567",
                                          "\xe2\x88\x92"
                                          "12,5\xc2\xa0%",
                                          "+0,0",
                                          "100%",
                                          "-7",
                                          "2023-2024",
                                          "0123456789",
                                          "9876543210",
                                          "1111",
                                          "7.777,77",
                                          "+1.089",
                                          "\xe2\x88\x92"
                                          "97",
                                          "4,44\xc2\xa0%",
                                          "11.111.111",
                                          "+133,3\xc2\xa0%"};
    for (size_t k = 0; k < sizeof samples / sizeof *samples; k++) {
        const unsigned char *t = (const unsigned char *)samples[k];
        size_t len = strlen(samples[k]), n = 0, step;
        int idx[FIGURE_WORD_MAX];
        for (size_t i = 0; i < len; i += step)
            idx[n++] = figure_at(t + i, len - i, &step);
        harfbuzz(s, fc, samples[k], len);
        if (!figures_agree(s, f, samples[k], len, idx, n))
            return;
    }
    f->state = 1;
}

/* `text` set from the figure tables of its face, or NULL when it is not figures only or
 * the face's figures are left to HarfBuzz. */
static struct rp_shaped *shape_figures(struct rp_shaper *s, struct face *fc, const char *text,
                                       size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    int idx[FIGURE_WORD_MAX];
    uint32_t at[FIGURE_WORD_MAX];
    size_t n = 0, step;
    if (len == 0)
        return NULL;
    for (size_t i = 0; i < len; i += step) {
        if (n == FIGURE_WORD_MAX)
            return NULL;
        at[n] = (uint32_t)i;
        if ((idx[n++] = figure_at(t + i, len - i, &step)) < 0)
            return NULL;
    }
    if (fc->font_id >= figures_count) {
        figures_of = rp_xrealloc(figures_of, (fc->font_id + 1) * sizeof *figures_of);
        memset(figures_of + figures_count, 0,
               (fc->font_id + 1 - figures_count) * sizeof *figures_of);
        figures_count = fc->font_id + 1;
    }
    struct figures *f = &figures_of[fc->font_id];
    if (f->state == 0)
        figures_build(s, fc, f);
    if (f->state < 0)
        return NULL;
    struct rp_shaped *out = rp_xmalloc(sizeof *out + n * sizeof out->g[0]);
    out->count = (uint32_t)n;
    out->width = 0;
    for (size_t i = 0; i < n; i++) {
        uint16_t gid = f->gid[idx[i]];
        int32_t kern = thousandths(fc, figure_advance(f, idx, i, n)) - fc->width[gid];
        out->g[i] = (struct rp_glyph){gid, (int16_t)kern, at[i]};
        out->width += fc->width[gid] + kern;
    }
    return out;
}

static struct rp_shaped *shape_now(struct rp_shaper *s, struct face *fc, const char *text,
                                   size_t len)
{
    struct rp_shaped *out = shape_figures(s, fc, text, len);
    return out ? out : shape_by_harfbuzz(s, fc, text, len);
}

struct rp_shaped *rp_shape_by_harfbuzz(struct rp_shaper *s, int face, const char *text, size_t len)
{
    return shape_by_harfbuzz(s, &s->faces[face], text, len);
}

const struct rp_shaped *rp_shape(struct rp_shaper *s, int face, const char *text, size_t len)
{
    struct face *fc = &s->faces[face];
    struct words *w = &words;
    uint64_t h = hash_of(fc->font_id, text, len);
    struct entry *e = slot(w, h, fc->font_id, text, len);
    if (e->key)
        return e->shaped;
    if (w->count >= CACHE_MAX) {
        cache_clear(w);
        e = slot(w, h, fc->font_id, text, len);
    } else if (2 * (w->count + 1) > w->cap) {
        grow(w);
        e = slot(w, h, fc->font_id, text, len);
    }
    e->hash = h;
    e->font = fc->font_id;
    e->len = (uint32_t)len;
    e->key = rp_xmalloc(len ? len : 1);
    memcpy(e->key, text, len);
    e->shaped = shape_now(s, fc, text, len);
    w->count++;
    return e->shaped;
}

uint16_t rp_shaper_glyph(const struct rp_shaper *s, int face, uint32_t cp)
{
    if (cp < 256)
        return s->faces[face].latin[cp];
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(s->faces[face].font, cp, &gid))
        gid = 0;
    return (uint16_t)gid;
}

int32_t rp_shaper_advance(const struct rp_shaper *s, int face, uint32_t cp)
{
    return s->faces[face].width[rp_shaper_glyph(s, face, cp)];
}

unsigned rp_shaper_glyph_count(const struct rp_shaper *s, int face)
{
    return s->faces[face].glyphs;
}

int32_t rp_shaper_glyph_width(const struct rp_shaper *s, int face, uint16_t gid)
{
    const struct face *fc = &s->faces[face];
    return gid < fc->glyphs ? fc->width[gid] : 0;
}

void rp_shaper_use(struct rp_shaper *s, int face, const struct rp_shaped *shaped, const char *text,
                   size_t len)
{
    struct face *fc = &s->faces[face];
    for (uint32_t i = 0; i < shaped->count; i++) {
        const struct rp_glyph *g = &shaped->g[i];
        hb_set_add(fc->used, g->gid);
        if (fc->text[g->gid] || g->gid == 0 || (i > 0 && shaped->g[i - 1].cluster == g->cluster))
            continue;
        /* The cluster runs to the next one in the text: after this glyph in left-to-right
         * text (clusters grow), before it in right-to-left text (they shrink). */
        uint32_t end = (uint32_t)len;
        for (uint32_t k = i + 1; k < shaped->count; k++)
            if (shaped->g[k].cluster > g->cluster) {
                end = shaped->g[k].cluster;
                break;
            }
        for (uint32_t k = i; k-- > 0;)
            if (shaped->g[k].cluster != g->cluster) {
                if (shaped->g[k].cluster > g->cluster && shaped->g[k].cluster < end)
                    end = shaped->g[k].cluster;
                break;
            }
        if (end <= g->cluster || end > len)
            continue;
        char *t = rp_xmalloc(end - g->cluster + 1);
        memcpy(t, text + g->cluster, end - g->cluster);
        t[end - g->cluster] = '\0';
        fc->text[g->gid] = t;
    }
}

size_t rp_shaper_used_count(const struct rp_shaper *s, int face)
{
    return s->faces[face].used ? hb_set_get_population(s->faces[face].used) : 0;
}

bool rp_shaper_next_used(const struct rp_shaper *s, int face, long *gid)
{
    hb_codepoint_t g = *gid < 0 ? HB_SET_VALUE_INVALID : (hb_codepoint_t)*gid;
    if (!hb_set_next(s->faces[face].used, &g))
        return false;
    *gid = (long)g;
    return true;
}

const char *rp_shaper_text_of(const struct rp_shaper *s, int face, uint16_t gid)
{
    const struct face *fc = &s->faces[face];
    return gid < fc->glyphs ? fc->text[gid] : NULL;
}

/* A big-endian 16-bit value of table `tag` at `at`, or 0 when the table is shorter. */
static int table_i16(hb_face_t *face, hb_tag_t tag, unsigned at)
{
    hb_blob_t *blob = hb_face_reference_table(face, tag);
    unsigned len = 0;
    const unsigned char *d = (const unsigned char *)hb_blob_get_data(blob, &len);
    int v = d && at + 2 <= len ? (int16_t)((d[at] << 8) | d[at + 1]) : 0;
    hb_blob_destroy(blob);
    return v;
}

void rp_shaper_info(const struct rp_shaper *s, int face, struct rp_face_info *out)
{
    const struct face *fc = &s->faces[face];
    memset(out, 0, sizeof *out);
    char name[64] = "";
    unsigned size = sizeof name;
    hb_ot_name_get_utf8(fc->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, hb_language_from_string("en", 2),
                        &size, name);
    /* A PDF name of safe characters only (the PostScript name should be, but is a font's
     * word). */
    size_t n = 0;
    for (const char *c = name; *c && n + 1 < sizeof out->name; c++)
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
            *c == '-')
            out->name[n++] = *c;
    if (n == 0)
        memcpy(out->name, "Font", 5);
    hb_tag_t head = HB_TAG('h', 'e', 'a', 'd');
    for (int i = 0; i < 4; i++)
        out->bbox[i] = thousandths(fc, table_i16(fc->face, head, 36 + 2 * (unsigned)i));
    hb_font_extents_t ext = {0};
    hb_font_get_h_extents(fc->font, &ext);
    out->ascent = thousandths(fc, ext.ascender);
    out->descent = thousandths(fc, ext.descender);
    hb_position_t cap = 0;
    out->cap_height = hb_ot_metrics_get_position(fc->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap)
                          ? thousandths(fc, cap)
                          : out->ascent;
    /* post: italicAngle is a 16.16 fixed number at 4, isFixedPitch a 32-bit flag at 12. */
    hb_tag_t post = HB_TAG('p', 'o', 's', 't');
    int whole = table_i16(fc->face, post, 4);
    unsigned frac = (unsigned)table_i16(fc->face, post, 6) & 0xFFFF;
    out->italic_angle = whole + frac / 65536.0;
    out->fixed_pitch = table_i16(fc->face, post, 14) != 0;
}

unsigned char *rp_shaper_subset(const struct rp_shaper *s, int face, size_t *len, uint16_t *new_gid)
{
    const struct face *fc = &s->faces[face];
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_union(hb_subset_input_glyph_set(in), fc->used);
    /* Hinting is for screens at small sizes, which PDF viewers rasterise their own way; the
     * layout tables are what shaping read, not what a viewer draws. The glyphs are
     * renumbered densely (in the order of their old ids): loca and hmtx hold only them. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
    hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
    hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
    hb_set_add(drop, HB_TAG('k', 'e', 'r', 'n'));
    /* Nor do viewers read a subset's names or grid-fitting ranges. */
    hb_set_add(drop, HB_TAG('n', 'a', 'm', 'e'));
    hb_set_add(drop, HB_TAG('g', 'a', 's', 'p'));
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(fc->face, in);
    hb_subset_input_destroy(in);
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    if (!sub) {
        hb_subset_plan_destroy(plan);
        return NULL;
    }
    const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(fc->used, &g);) {
        hb_codepoint_t to = hb_map_get(map, g);
        new_gid[g] = to == HB_MAP_VALUE_INVALID ? 0 : (uint16_t)to;
    }
    hb_subset_plan_destroy(plan);
    hb_blob_t *blob = hb_face_reference_blob(sub);
    unsigned n = 0;
    const char *data = hb_blob_get_data(blob, &n);
    unsigned char *out = n ? malloc(n) : NULL;
    if (out)
        memcpy(out, data, n);
    *len = n;
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    return out;
}
