#include "render/hyphen.h"

#include "util/arena.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef RAPPORT_HAVE_HYPHEN
#include <hyphen.h>

#ifndef RAPPORT_HYPHEN_DIR
#define RAPPORT_HYPHEN_DIR "/usr/share/hyphen"
#endif

struct rp_hyphenator {
    HyphenDict *dict; /* NULL until a word first needs it (see dict_of) */
    bool failed;      /* the dictionary could not be parsed: no word is hyphenated */
    bool latin1;      /* hyph_nl.dic is ISO-8859-1, hyph_fr.dic UTF-8: the first line says */
    char path[256];
};

/* Dictionaries are loaded once per process and kept: a batch renders many documents, and
 * loading hyph_nl.dic costs more than laying out a short document. Not thread-safe. */
static struct cached {
    char lang[3];
    struct rp_hyphenator *h;
} cache[8];

static struct rp_hyphenator *load(const char *lang)
{
    char path[256];
    snprintf(path, sizeof path, "%s/hyph_%.2s.dic", RAPPORT_HYPHEN_DIR, lang);
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char first[32] = "";
    if (!fgets(first, sizeof first, f))
        first[0] = '\0';
    fclose(f);
    /* The patterns themselves are parsed on the first word that needs them: a document
     * often has no word to hyphenate, and parsing hyph_nl.dic costs several ms. */
    struct rp_hyphenator *h = rp_xmalloc(sizeof *h);
    h->dict = NULL;
    h->failed = false;
    h->latin1 = strncmp(first, "UTF-8", 5) != 0;
    memcpy(h->path, path, sizeof h->path);
    return h;
}

/* The parsed patterns of `h`, loaded now if they were not yet. The hyphenator is shared
 * through const pointers, but loading is no visible change of its state: the cast is safe
 * as every hyphenator is allocated by load(). */
static HyphenDict *dict_of(const struct rp_hyphenator *h)
{
    struct rp_hyphenator *m = (struct rp_hyphenator *)h;
    if (!m->dict && !m->failed) {
        m->dict = hnj_hyphen_load(m->path);
        m->failed = m->dict == NULL;
    }
    return m->dict;
}

void rp_hyphenator_preload(const char *lang)
{
    struct rp_hyphenator *h = rp_hyphenator_open(lang);
    if (h)
        dict_of(h);
    rp_hyphenator_close(h);
}

bool rp_hyphenator_loaded(const struct rp_hyphenator *h)
{
    return h && h->dict;
}

struct rp_hyphenator *rp_hyphenator_open(const char *lang)
{
    if (!lang || strlen(lang) < 2 || strlen(lang) > 8)
        return NULL;
    size_t i = 0;
    for (; i < sizeof cache / sizeof *cache && cache[i].lang[0]; i++)
        if (strncmp(cache[i].lang, lang, 2) == 0)
            return cache[i].h;
    struct rp_hyphenator *h = load(lang);
    if (i < sizeof cache / sizeof *cache) {
        memcpy(cache[i].lang, lang, 2);
        cache[i].h = h; /* a missing dictionary is remembered too (NULL) */
    }
    return h;
}

void rp_hyphenator_close(struct rp_hyphenator *h)
{
    for (size_t i = 0; i < sizeof cache / sizeof *cache; i++)
        if (h && cache[i].h == h)
            return; /* cached for the process */
    if (!h)
        return;
    if (h->dict)
        hnj_hyphen_free(h->dict);
    free(h);
}

static bool is_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

static uint32_t to_lower(uint32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return cp + 32;
    return cp;
}

#define MAX_WORD 64

/* Hyphenates one run of letters: `cps` code points starting at the UTF-8 offsets `offs`
 * (offs[n] is the offset just past the run). */
static size_t hyphenate_run(const struct rp_hyphenator *h, const uint32_t *cps, const size_t *offs,
                            size_t n, size_t *points, size_t max)
{
    HyphenDict *dict = dict_of(h);
    if (!dict)
        return 0;
    char word[MAX_WORD * 2 + 1];
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = to_lower(cps[i]);
        if (h->latin1 || cp < 0x80) {
            if (cp > 0xFF)
                return 0;
            word[len++] = (char)cp;
        } else {
            if (cp > 0x7FF)
                return 0; /* beyond two-byte UTF-8: no such letters in fr/nl patterns */
            word[len++] = (char)(0xC0 | (cp >> 6));
            word[len++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    word[len] = '\0';
    char hyphens[MAX_WORD * 2 + 6];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    size_t count = 0;
    if (hnj_hyphen_hyphenate2(dict, word, (int)len, hyphens, NULL, &rep, &pos, &cut) == 0) {
        /* libhyphen indexes `hyphens` by byte for a Latin-1 dictionary but by character for
         * a UTF-8 one (it normalises the vector), so k counts code points in both cases. */
        for (size_t k = 0; k + 1 < n && count < max; k++) {
            if (!(hyphens[k] & 1) || (rep && rep[k]))
                continue;
            /* Two letters before the break and three after. */
            if (k + 1 < 2 || n - (k + 1) < 3)
                continue;
            points[count++] = offs[k + 1];
        }
    }
    if (rep) {
        for (size_t b = 0; b < len; b++)
            free(rep[b]);
        free(rep);
    }
    free(pos);
    free(cut);
    return count;
}

size_t rp_hyphenate(const struct rp_hyphenator *h, const char *word, size_t len, size_t reach,
                    size_t *points, size_t max)
{
    if (!h || !word)
        return 0;
    uint32_t cps[MAX_WORD];
    size_t offs[MAX_WORD + 1];
    size_t n = 0, count = 0;
    bool too_long = false; /* the run has MAX_WORD letters or more: no word of a dictionary */
    const char *p = word, *end = word + len;
    /* Hyphenate each run of letters on its own: "l'administration", "e-premier". Scanning
     * stops at `reach`, or at the end of the run that crosses it, so a line never pays for
     * the rest of a long word. */
    while (count < max) {
        const char *at = p;
        size_t off = (size_t)(at - word);
        uint32_t cp = p < end ? rp_utf8_next(&p, end) : 0;
        if (at < end && is_letter(cp)) {
            if (n == 0 && off >= reach)
                break;
            if (n < MAX_WORD) {
                cps[n] = cp;
                offs[n++] = off;
            } else if ((too_long = true), off >= reach)
                break;
            continue;
        }
        if (n >= 5 && n < MAX_WORD && !too_long) {
            offs[n] = off;
            count += hyphenate_run(h, cps, offs, n, points + count, max - count);
        }
        n = 0;
        too_long = false;
        if (at >= end || off >= reach)
            break;
    }
    return count;
}

#else /* no libhyphen */

struct rp_hyphenator *rp_hyphenator_open(const char *lang)
{
    (void)lang;
    return NULL;
}

void rp_hyphenator_close(struct rp_hyphenator *h)
{
    (void)h;
}

void rp_hyphenator_preload(const char *lang)
{
    (void)lang;
}

bool rp_hyphenator_loaded(const struct rp_hyphenator *h)
{
    (void)h;
    return false;
}

size_t rp_hyphenate(const struct rp_hyphenator *h, const char *word, size_t len, size_t reach,
                    size_t *points, size_t max)
{
    (void)h;
    (void)word;
    (void)len;
    (void)reach;
    (void)points;
    (void)max;
    return 0;
}

#endif
