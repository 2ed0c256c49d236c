/* Pieces of text and the faces that draw them (see rp_pdf_pieces() in pdf_internal.h):
 * the characters the document's face lacks go to a fallback face found through fontconfig
 * (font_fallback.c), and a right-to-left core is shaped as one run and placed by the bidi
 * order of its line (bidi.c).
 *
 * One fallback face per face of the family where possible: a face already taken that has
 * the characters is preferred to a new lookup, so the choice depends only on the text met
 * so far, in the order the document meets it, and re-renders are identical. */
#define _POSIX_C_SOURCE 200809L

#include "render/bidi.h"
#include "render/font_fallback.h"
#include "render/pdf_internal.h"
#include "render/shape.h"

#include "util/arena.h"
#include "util/diag.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

const char *rp_pdf_face_path(const struct pdf *p, int face)
{
    if (face >= 0 && face < RP_FACE__MAX)
        return p->files.path[face];
    return face >= RP_FACE__MAX && face < RP_FACE__MAX + p->fallback_count ? p->fallback_path[face]
                                                                           : "";
}

void rp_pdf_fallback_free(struct pdf *p)
{
    for (int i = 0; i < RP_PDF_FACES; i++) {
        free(p->fallback_path[i]);
        p->fallback_path[i] = NULL;
    }
    p->fallback_count = 0;
}

static bool face_has_all(const struct pdf *p, int face, const uint32_t *cps, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (rp_shaper_glyph(p->shaper, face, cps[i]) == 0)
            return false;
    return true;
}

static bool known_missing(const struct pdf *p, int style, const uint32_t *cps, size_t count)
{
    for (size_t i = 0; i < count; i++)
        for (size_t k = 0; k < p->no_fallback_count[style]; k++)
            if (p->no_fallback[style][k] == cps[i])
                return true;
    return false;
}

/* The fallback face that has all `count` characters `cps`, standing in for face `style`
 * of the family, or -1 when no installed face has them all (or no slot is left). */
static int fallback_face(struct pdf *p, int style, const uint32_t *cps, size_t count)
{
    for (int f = RP_FACE__MAX; f < RP_FACE__MAX + p->fallback_count; f++)
        if (p->fallback_style[f] == style && face_has_all(p, f, cps, count))
            return f;
    if (known_missing(p, style, cps, count))
        return -1;
    char *path = rp_font_fallback_find((enum rp_face)style, cps, count);
    if (!path) {
        if (count == 1 && p->no_fallback_count[style] < 32)
            p->no_fallback[style][p->no_fallback_count[style]++] = cps[0];
        return -1;
    }
    /* The same file standing in for another face of the family: shared. */
    for (int f = RP_FACE__MAX; f < RP_FACE__MAX + p->fallback_count; f++)
        if (strcmp(p->fallback_path[f], path) == 0 && face_has_all(p, f, cps, count)) {
            free(path);
            return f;
        }
    int f = RP_FACE__MAX + p->fallback_count;
    char why[160];
    if (f >= RP_PDF_FACES) {
        free(path);
        return -1;
    }
    if (rp_shaper_load(p->shaper, f, path, why, sizeof why) != 0) {
        rp_diag_add(p->diags, RP_WARNING, p->path, 0, 0, "cannot load the fallback font %s: %s",
                    path, why);
        free(path);
        if (count == 1 && p->no_fallback_count[style] < 32)
            p->no_fallback[style][p->no_fallback_count[style]++] = cps[0];
        return -1;
    }
    p->fallback_path[f] = path;
    p->fallback_style[f] = style;
    p->fallback_count++;
    return f;
}

/* A run of a piece and the face that draws it. */
struct run {
    size_t at, len;
    int face;
};

struct runs {
    struct run *items;
    size_t count, cap;
};

static void add_run(struct runs *r, size_t at, size_t len, int face)
{
    if (r->count && r->items[r->count - 1].face == face &&
        r->items[r->count - 1].at + r->items[r->count - 1].len == at) {
        r->items[r->count - 1].len += len;
        return;
    }
    if (r->count == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        r->items = rp_xrealloc(r->items, r->cap * sizeof *r->items);
    }
    r->items[r->count++] = (struct run){at, len, face};
}

/* The characters of `s` [at, at + len), the ones that attach to others left out. */
static size_t chars_of(const char *s, size_t at, size_t len, uint32_t *out)
{
    size_t n = 0;
    for (const char *q = s + at, *end = s + at + len; q < end;) {
        uint32_t cp = rp_utf8_next(&q, end);
        if (!rp_bidi_attaches(cp))
            out[n++] = cp;
    }
    return n;
}

/* Gives the characters `face` lacks in [at, at + len) of `s` their fallback face: the whole
 * run to one face when one has them all (the letters of an Arabic word join only when
 * shaped together), otherwise character by character; `face` itself (drawing .notdef)
 * for a character no installed face has. */
static void resolve(struct pdf *p, int face, const char *s, size_t at, size_t len, struct runs *out)
{
    uint32_t *cps = rp_xmalloc((len + 1) * sizeof *cps);
    size_t n = chars_of(s, at, len, cps);
    int whole = n ? fallback_face(p, face, cps, n) : -1;
    free(cps);
    if (whole >= 0 || n <= 1) {
        add_run(out, at, len, whole >= 0 ? whole : face);
        return;
    }
    int last = face;
    for (const char *q = s + at, *end = s + at + len; q < end;) {
        const char *c = q;
        uint32_t cp = rp_utf8_next(&q, end);
        int f = last;
        if (!rp_bidi_attaches(cp)) {
            f = fallback_face(p, face, &cp, 1);
            if (f < 0)
                f = face;
        }
        add_run(out, (size_t)(c - s), (size_t)(q - c), f);
        last = f;
    }
}

static bool has_notdef(const struct rp_shaped *sh)
{
    for (uint32_t i = 0; i < sh->count; i++)
        if (sh->g[i].gid == 0)
            return true;
    return false;
}

/* One piece: shaped with `face` when it has every glyph (almost always), otherwise cut
 * into runs of the characters it has and runs given to fallback faces; a right-to-left
 * piece (`reverse`) shows its runs last first. */
static void emit(struct pdf *p, int face, const char *s, size_t n, bool reverse, rp_pdf_each each,
                 void *ctx)
{
    const struct rp_shaped *sh = rp_shape(p->shaper, face, s, n);
    if (!has_notdef(sh)) {
        each(p, face, sh, s, n, ctx);
        return;
    }
    struct runs covered = {0}, out = {0};
    bool have = true;
    for (const char *q = s, *end = s + n; q < end;) {
        const char *c = q;
        uint32_t cp = rp_utf8_next(&q, end);
        bool h = rp_bidi_attaches(cp) ? have : rp_shaper_glyph(p->shaper, face, cp) != 0;
        add_run(&covered, (size_t)(c - s), (size_t)(q - c), h ? face : -1);
        have = h;
    }
    for (size_t i = 0; i < covered.count; i++) {
        const struct run *r = &covered.items[i];
        if (r->face >= 0)
            add_run(&out, r->at, r->len, r->face);
        else
            resolve(p, face, s, r->at, r->len, &out);
    }
    free(covered.items);
    for (size_t k = 0; k < out.count; k++) {
        const struct run *r = &out.items[reverse ? out.count - 1 - k : k];
        each(p, r->face, rp_shape(p->shaper, r->face, s + r->at, r->len), s + r->at, r->len, ctx);
    }
    free(out.items);
}

static void add_piece(struct rp_bidi_piece **v, size_t *count, size_t *cap, const char *s,
                      size_t len, bool rtl)
{
    if (!len)
        return;
    if (*count == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        *v = rp_xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[(*count)++] = (struct rp_bidi_piece){s, len, rtl};
}

/* Whether the bytes at `t` are a line or paragraph separator (U+2028, U+2029). */
static bool separator(const char *t, size_t left)
{
    return left >= 3 && (unsigned char)t[0] == 0xE2 && (unsigned char)t[1] == 0x80 &&
           ((unsigned char)t[2] == 0xA8 || (unsigned char)t[2] == 0xA9);
}

void rp_pdf_pieces(struct pdf *p, int face, const char *text, size_t len, bool visual,
                   rp_pdf_each each, void *ctx)
{
    bool rtl = rp_bidi_has_rtl(text, len);
    struct rp_bidi_piece *v = NULL;
    size_t count = 0, cap = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i + 1;
        if (separator(text + i, len - i)) {
            /* Where the layout did not break the line at a separator, it is a space, seen
             * and extracted as one: the words on either side stay apart. */
            if (!rtl)
                emit(p, face, " ", 1, false, each, ctx);
            else
                add_piece(&v, &count, &cap, " ", 1, false);
            i += 3;
            continue;
        }
        if (text[i] != ' ')
            while (j < len && text[j] != ' ' && !separator(text + j, len - j))
                j++;
        size_t a = 0, b = 0;
        if (!rtl)
            emit(p, face, text + i, j - i, false, each, ctx);
        else if (rp_bidi_rtl_span(text + i, j - i, &a, &b)) {
            add_piece(&v, &count, &cap, text + i, a, false);
            add_piece(&v, &count, &cap, text + i + a, b - a, true);
            add_piece(&v, &count, &cap, text + i + b, j - i - b, false);
        } else
            add_piece(&v, &count, &cap, text + i, j - i, false);
        i = j;
    }
    if (!rtl)
        return;
    size_t *order = rp_xmalloc((count ? count : 1) * sizeof *order);
    bool *odd = rp_xmalloc(count ? count : 1);
    if (visual)
        (void)rp_bidi_order(v, count, order, odd); /* logical order when out of memory */
    else
        for (size_t k = 0; k < count; k++)
            order[k] = k, odd[k] = false;
    for (size_t k = 0; k < count; k++) {
        const struct rp_bidi_piece *pc = &v[order[k]];
        const char *q = pc->text, *end = pc->text + pc->len;
        uint32_t cp = rp_utf8_next(&q, end), mirror = cp;
        char m[4];
        if (odd[order[k]] && !pc->rtl && q == end && (mirror = rp_bidi_mirror(cp)) != cp)
            /* A bracket inside a right-to-left run faces the other way; its mirror image
             * is as wide (the pairs share their advance in the faces used). */
            emit(p, face, m, rp_utf8_encode(mirror, m), false, each, ctx);
        else
            emit(p, face, pc->text, pc->len, pc->rtl, each, ctx);
    }
    free(odd);
    free(order);
    free(v);
}
